package indexer_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/agoralabs/agora/internal/modroot"
)

// buildAgora builds the agora binary for tests that run it as a process.
func buildAgora(t testing.TB) string {
	t.Helper()
	root, err := modroot.Find("")
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "agora")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/agora")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func cursor(t *testing.T, dbURL string) int64 {
	t.Helper()
	p := pool(t, dbURL)
	var n int64
	err := p.QueryRow(context.Background(), `SELECT block_number FROM indexer_state`).Scan(&n)
	if err != nil {
		return -1 // not created yet
	}
	return n
}

// TestIndexer_SurvivesSIGKILL kills `agora index` with SIGKILL three times in the middle of a backfill,
// restarts it each time, and checks that the final tables equal those of an uninterrupted index: no gap,
// no duplicate. The last run is stopped with SIGTERM and must exit cleanly.
func TestIndexer_SurvivesSIGKILL(t *testing.T) {
	bin := buildAgora(t)
	e := newEnv(t)
	a := newActor(t, e)
	for i := range 40 {
		a.round(t, fmt.Sprintf("r%d", i), int64(i))
	}
	head := int64(e.head(t))
	depFile := filepath.Join(t.TempDir(), "deployment.json")
	if err := e.dep.Write(depFile); err != nil {
		t.Fatal(err)
	}
	// A slow node, so that the backfill lasts long enough to be killed in the middle.
	rpcURL := nodeProxy(t, e.chain.URL, func(http.ResponseWriter, *http.Request) bool {
		time.Sleep(15 * time.Millisecond)
		return false
	})
	dbURL := e.dbURL
	p := pool(t, dbURL)
	run := func() *exec.Cmd {
		cmd := exec.Command(bin, "index", "--rpc-url", rpcURL, "--ws-url", "none", "--database-url", dbURL,
			"--deployment", depFile, "--listen", "", "--max-range", "3", "--concurrency", "2", "--reorg-window", "2",
			"--poll-interval", "50ms", "--log-level", "debug")
		logFile, err := os.Create(filepath.Join(t.TempDir(), "index.log"))
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stdout, cmd.Stderr = logFile, logFile
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	waitCursor := func(min int64) int64 {
		deadline := time.Now().Add(60 * time.Second)
		for time.Now().Before(deadline) {
			var n int64
			if err := p.QueryRow(context.Background(), `SELECT block_number FROM indexer_state`).Scan(&n); err == nil && n >= min {
				return n
			}
			time.Sleep(2 * time.Millisecond)
		}
		t.Fatalf("cursor never reached %d", min)
		return 0
	}
	for i, frac := range []int64{20, 50, 80} {
		cmd := run()
		at := waitCursor(head * frac / 100)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()
		after := cursor(t, dbURL)
		if after >= head {
			t.Fatalf("kill %d: the backfill had already finished (cursor %d of %d); the test needs a slower proxy", i, after, head)
		}
		t.Logf("kill %d at cursor %d (seen %d) of %d", i, after, at, head)
	}
	cmd := run()
	waitCursor(head)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("agora index after SIGTERM: %v", err)
	}

	killed := dump(t, p)
	fresh := e.start(t, runOpts{dbURL: freshDB(t)})
	fresh.waitFor(t, uint64(head))
	compareDumps(t, "killed 3 times vs uninterrupted", killed, dump(t, fresh.store.Pool()))
	if n := len(killed["reputation_new_feedback"]); n != 40 {
		t.Fatalf("%d feedback events mirrored, want 40", n)
	}
	verifyAgainstChain(t, e, p)
}
