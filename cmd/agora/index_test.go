package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/agoralabs/agora/internal/pgtest"
)

// TestIndexCommand runs `agora index` against a fresh chain and database until it has caught up, checks its
// readiness endpoint, then interrupts it: it must stop cleanly.
func TestIndexCommand(t *testing.T) {
	chain, _, file := deployedChain(t)
	ctx := context.Background()
	head, err := chain.Client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	db := pgtest.New(t)
	addr := strings.TrimPrefix(closedPort(t), "http://")
	t.Setenv("AGORA_DATABASE_URL", db)
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	var stderr string
	go func() {
		var err error
		_, stderr, err = run(t, runCtx, "index", "--rpc-url", chain.URL, "--deployment", file, "--listen", addr,
			"--poll-interval", "50ms")
		done <- err
	}()
	deadline := time.Now().Add(60 * time.Second)
	for {
		var ready struct {
			Ready        bool   `json:"ready"`
			IndexedBlock uint64 `json:"indexedBlock"`
		}
		res, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			_ = json.NewDecoder(res.Body).Decode(&ready)
			res.Body.Close()
			if res.StatusCode == 200 && ready.Ready && ready.IndexedBlock == head {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("agora index never became ready at block %d (last: %+v, %v)", head, ready, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	conn, err := pgx.Connect(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM escrow_fee_set`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("escrow_fee_set rows = %d, %v; want the constructor's FeeSet", n, err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("agora index after interrupt: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("agora index did not stop")
	}
	// stderr is no terminal here: the log only, no progress line.
	if strings.ContainsAny(stderr, "\r\b") || strings.Contains(stderr, "ev/s") || !strings.Contains(stderr, "indexer stopped") {
		t.Errorf("stderr that is not a terminal:\n%q", stderr)
	}

	// Forced on, the progress line is drawn (the caught-up indexer says "live") and wiped before the log goes on.
	var errOut syncBuffer
	runCtx, cancel = context.WithCancel(ctx)
	go func() {
		m := &Main{Stdout: io.Discard, Stderr: &errOut}
		done <- m.Run(runCtx, []string{"index", "--rpc-url", chain.URL, "--deployment", file, "--listen", "",
			"--poll-interval", "50ms", "--progress", "on"})
	}()
	line := fmt.Sprintf("\rlive  block %s  0 behind", group(head))
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(errOut.String(), line); {
		if time.Now().After(deadline) {
			t.Fatalf("no progress line %q in %q", line, errOut.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("agora index --progress on: %v", err)
	}
	out := errOut.String()
	stopped := strings.LastIndex(out, "time=")
	if stopped < 0 || !strings.Contains(out[stopped:], "indexer stopped") || strings.ContainsAny(out[stopped:], "\r\b") ||
		!strings.HasSuffix(strings.TrimRight(out[:stopped], " \b"), "\r") {
		t.Errorf("the last log record is not on a wiped line: %q", out[max(0, len(out)-400):])
	}
}

func TestIndexCommand_Errors(t *testing.T) {
	chain, d, good := deployedChain(t)
	wrongChain := writeOtherChain(t, d)
	db := pgtest.New(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no database", []string{"index", "--deployment", good}, "--database-url"},
		{"no deployment file", []string{"index", "--database-url", db, "--deployment", "/nonexistent.json"}, "nonexistent.json"},
		{"bad database url", []string{"index", "--database-url", "postgres://nobody@127.0.0.1:1/x?connect_timeout=2", "--deployment", good}, "postgres"},
		{"node on another chain", []string{"index", "--database-url", db, "--deployment", wrongChain, "--rpc-url", chain.URL, "--listen", ""}, "chain 31337"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("AGORA_DATABASE_URL", "")
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			_, _, err := run(t, ctx, tt.args...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("agora %s: error = %v, want one containing %q", strings.Join(tt.args, " "), err, tt.want)
			}
		})
	}
}
