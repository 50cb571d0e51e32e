package policy_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/agoralabs/agora/governance/policy"
)

// syncedBuffer is a bytes.Buffer safe for a logger and a test to share.
type syncedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncedBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncedBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// write writes name in dir with a modification time step seconds after a fixed epoch, so that every
// rewrite is seen as a change whatever the file system's time resolution.
func write(t *testing.T, dir, name, content string, step int) {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 1, 1, 0, 0, step, 0, time.UTC)
	if err := os.Chtimes(path, at, at); err != nil {
		t.Fatal(err)
	}
}

func TestDirLoader_Sync(t *testing.T) {
	dir := t.TempDir()
	e := setup(t)
	var logs syncedBuffer
	l := policy.NewDirLoader(e, dir, slog.New(slog.NewTextHandler(&logs, nil)))
	ctx := context.Background()
	syncDir := func(t *testing.T) policy.SyncResult {
		t.Helper()
		res, err := l.Sync(ctx)
		if err != nil {
			t.Fatalf("Sync() error: %v", err)
		}
		return res
	}
	priced := "package agora.policy\n\ndeny contains {\"rule\": \"max\", \"reason\": \"\"} if input.priceUSD > data.params.max\n"

	t.Run("loads new files with their parameters", func(t *testing.T) {
		write(t, dir, alice+".rego", priced, 1)
		write(t, dir, alice+".json", `{"max": 5}`, 1)
		write(t, dir, bob+".rego", denyAll("b"), 1)
		write(t, dir, "README.txt", "not a policy", 1)
		write(t, dir, "0x12.rego", denyAll("bad name"), 1)
		res := syncDir(t)
		if strings.Join(res.Loaded, ",") != bob+","+alice || len(res.Failed) != 0 || len(res.Removed) != 0 {
			t.Errorf("Sync() = %+v, want alice and bob loaded", res)
		}
		if d := decide(t, e, input()); d.Outcome != policy.Deny || d.Rule != "max" {
			t.Errorf("Decide(10 USD, max 5) = %s %s, want deny max", d.Outcome, d.Rule)
		}
	})

	t.Run("unchanged files are not reloaded", func(t *testing.T) {
		res := syncDir(t)
		if len(res.Loaded)+len(res.Failed)+len(res.Removed) != 0 {
			t.Errorf("Sync() = %+v, want nothing", res)
		}
		write(t, dir, bob+".rego", denyAll("b"), 2) // touched, same content
		if res := syncDir(t); len(res.Loaded) != 0 || e.Version(bob) != 1 {
			t.Errorf("Sync() after touch = %+v, Version(bob) = %d; want no reload, 1", res, e.Version(bob))
		}
	})

	t.Run("a changed parameters file reloads", func(t *testing.T) {
		write(t, dir, alice+".json", `{"max": 50}`, 3)
		res := syncDir(t)
		if len(res.Loaded) != 1 || res.Loaded[0] != alice || e.Version(alice) != 2 {
			t.Errorf("Sync() = %+v, Version(alice) = %d; want alice reloaded as v2", res, e.Version(alice))
		}
		if d := decide(t, e, input()); d.Outcome != policy.Allow {
			t.Errorf("Decide(10 USD, max 50) = %s, want allow", d.Outcome)
		}
	})

	t.Run("a broken file keeps the version in force and is logged once", func(t *testing.T) {
		write(t, dir, alice+".rego", "package agora.policy\n\ndeny contains if {\n", 4)
		res := syncDir(t)
		var ce *policy.CompileError
		if !errors.As(res.Failed[alice], &ce) {
			t.Errorf("Sync().Failed[alice] = %v, want a *CompileError", res.Failed[alice])
		}
		if got := e.Version(alice); got != 2 {
			t.Errorf("Version(alice) = %d, want 2 still", got)
		}
		if !strings.Contains(logs.String(), "policy refused") {
			t.Errorf("log = %q, want the refusal", logs.String())
		}
		if res := syncDir(t); len(res.Failed) != 0 {
			t.Errorf("second Sync() = %+v, want the unchanged broken file skipped", res)
		}
		write(t, dir, alice+".rego", priced, 5)
		if res := syncDir(t); len(res.Loaded) != 1 || e.Version(alice) != 3 {
			t.Errorf("Sync() after the fix = %+v, Version(alice) = %d; want v3", res, e.Version(alice))
		}
	})

	t.Run("bad parameters are refused", func(t *testing.T) {
		write(t, dir, alice+".json", `[1, 2]`, 6)
		res := syncDir(t)
		if !errors.Is(res.Failed[alice], policy.ErrBadParams) || e.Version(alice) != 3 {
			t.Errorf("Sync() = %+v, Version(alice) = %d; want ErrBadParams, v3", res, e.Version(alice))
		}
		write(t, dir, alice+".json", `{"max": 50}`, 7)
		syncDir(t)
	})

	t.Run("an oversize file is refused without being read whole", func(t *testing.T) {
		big := "0x" + strings.Repeat("d", 40)
		write(t, dir, big+".rego", denyAll("d")+"# "+strings.Repeat("x", 1<<20)+"\n", 8)
		res := syncDir(t)
		if !errors.Is(res.Failed[big], policy.ErrTooLarge) || e.Version(big) != 0 {
			t.Errorf("Sync() = %+v, Version = %d; want ErrTooLarge, 0", res, e.Version(big))
		}
		if err := os.Remove(filepath.Join(dir, big+".rego")); err != nil {
			t.Fatal(err)
		}
		if res := syncDir(t); len(res.Removed) != 0 {
			t.Errorf("Sync() after removing a never-loaded file = %+v, want nothing removed", res)
		}
	})

	t.Run("a removed file removes the principal", func(t *testing.T) {
		if err := os.Remove(filepath.Join(dir, bob+".rego")); err != nil {
			t.Fatal(err)
		}
		res := syncDir(t)
		if len(res.Removed) != 1 || res.Removed[0] != bob || e.Version(bob) != 0 {
			t.Errorf("Sync() = %+v, Version(bob) = %d; want bob removed", res, e.Version(bob))
		}
	})

	t.Run("principals set by others are left alone", func(t *testing.T) {
		other := "0x" + strings.Repeat("c", 40)
		mustSet(t, e, other, denyAll("c"), nil)
		syncDir(t)
		if e.Version(other) != 1 {
			t.Errorf("Version(other) = %d, want 1", e.Version(other))
		}
	})

	t.Run("an unreadable directory changes nothing", func(t *testing.T) {
		bad := policy.NewDirLoader(e, filepath.Join(dir, "missing"), nil)
		if _, err := bad.Sync(ctx); err == nil {
			t.Errorf("Sync(missing dir) error = nil, want one")
		}
		if e.Version(alice) == 0 {
			t.Errorf("Version(alice) = 0 after a failed Sync")
		}
	})
}

func TestEngine_Watch(t *testing.T) {
	dir := t.TempDir()
	e := setup(t)
	write(t, dir, alice+".rego", denyAll("a"), 1)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.Watch(ctx, dir, 5*time.Millisecond, slog.New(slog.DiscardHandler)) }()

	waitFor := func(what string, ok func() bool) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); !ok(); time.Sleep(2 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s", what)
			}
		}
	}
	waitFor("the first load", func() bool { return e.Version(alice) == 1 })
	write(t, dir, alice+".rego", denyAll("a2"), 2)
	waitFor("the reload", func() bool { return e.Version(alice) == 2 })
	if err := os.Remove(filepath.Join(dir, alice+".rego")); err != nil {
		t.Fatal(err)
	}
	waitFor("the removal", func() bool { return e.Version(alice) == 0 })

	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Watch() = %v, want context.Canceled", err)
	}
}
