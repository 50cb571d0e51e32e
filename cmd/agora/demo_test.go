package main

import (
	"context"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/demo"
	"github.com/agoralabs/agora/internal/pgtest"
	"github.com/agoralabs/agora/seed"
)

// TestDemo runs `agora demo` on a seeded chain behind `agora index` and `agora serve`, with odds and
// deadlines shortened so that every path shows within a minute, and restarts the gateway midway: the demo
// rejoins it and keeps trading. It checks that all four auction rules cleared, that jobs were completed,
// validated (passed and failed), refunded after a missed deadline, disputed and resolved, and reviewed, on
// chain as well as in the printout, and that an interrupt stops it cleanly.
func TestDemo(t *testing.T) {
	chain, d, file := deployedChain(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	res, err := seed.Run(ctx, chain.Client, seed.Config{Dir: seedAgentsDir, Deployment: d, Funder: chain.Keys[0], History: true,
		Governance: true})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	roster := filepath.Join(dir, "agents.txt")
	if err := demo.WriteRoster(roster, filepath.Join(dir, "keys"), rosterEntries(res, seed.DefaultSeed, chain.Keys[0], "testdata/agents")); err != nil {
		t.Fatal(err)
	}
	keys, _ := filepath.Glob(filepath.Join(dir, "keys", "*.key"))
	for _, k := range keys {
		if fi, err := os.Stat(k); err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %v, mode %v; want 600", k, err, fi.Mode())
		}
	}
	entries, err := demo.ReadRoster(roster)
	if err != nil || len(entries) != len(keys) {
		t.Fatalf("ReadRoster: %d entries, %d keys, %v", len(entries), len(keys), err)
	}

	t.Setenv("AGORA_DATABASE_URL", pgtest.New(t))
	bg, stopAll := context.WithCancel(context.Background())
	defer stopAll()
	indexDone := make(chan error, 1)
	go func() {
		_, _, err := run(t, bg, "index", "--rpc-url", chain.URL, "--deployment", file, "--listen", "", "--poll-interval", "50ms",
			"--fetch-allow-private")
		indexDone <- err
	}()
	gatewayURL := closedPort(t)
	serve := func() (stop func()) {
		sctx, cancel := context.WithCancel(bg)
		done := make(chan error, 1)
		go func() {
			_, _, err := run(t, sctx, "serve", "--rpc-url", chain.URL, "--deployment", file, "--listen",
				strings.TrimPrefix(gatewayURL, "http://"), "--rate-limit", "-1", "--drain", "10s", "--late-grace", "3s", "--max-client-streams", "256")
			done <- err
		}()
		return func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("serve: %v", err)
			}
		}
	}
	// A generous drain: connections the stopped demo opened without sending a request hold net/http's Shutdown
	// for five seconds (they count as new, not idle, until then).
	stopServe := serve()

	dctx, stopDemo := context.WithCancel(ctx)
	defer stopDemo()
	out, done := startCommand(t, dctx, "demo", "--gateway", gatewayURL, "--rpc-url", chain.URL, "--deployment", file,
		"--roster", roster, "--every", "300ms", "--in-flight", "6", "--deadline", "6s", "--review-window", "6s",
		"--stats-every", "2s", "--top-up", "--seed", "7", "--odds", "validate=3,miss=4,fail=2,dispute=3,review=1")
	events := func() []map[string]any { return jsonLines(t, out.String()) }
	seen := func(since time.Time) map[string]int {
		n := map[string]int{}
		for _, ev := range events() {
			if at, _ := time.Parse(time.RFC3339Nano, ev["time"].(string)); at.After(since) {
				n[ev["event"].(string)]++
				if ev["event"] == demo.EventAwarded {
					n["auction "+ev["auction"].(string)]++
				}
			}
		}
		return n
	}
	waitFor := func(since time.Time, want ...string) {
		t.Helper()
		for {
			n, missing := seen(since), ""
			for _, w := range want {
				if n[w] == 0 {
					missing += " " + w
				}
			}
			if missing == "" {
				return
			}
			select {
			case err := <-done:
				t.Fatalf("demo ended: %v\n%s", err, out.String())
			case <-time.After(200 * time.Millisecond):
			}
			if ctx.Err() != nil {
				t.Fatalf("never saw%s; saw %v", missing, n)
			}
		}
	}
	start := time.Now()
	waitFor(start, demo.EventCompleted)
	// The gateway goes away and comes back on the same address: the demo rejoins it.
	stopServe()
	time.Sleep(time.Second)
	restarted := time.Now()
	stopServe = serve()
	defer func() { stopServe() }()
	waitFor(restarted, demo.EventCompleted, demo.EventFunded)
	waitFor(start, "auction first_price", "auction second_price", "auction dutch", "auction direct", demo.EventSubmitted,
		demo.EventValidated, demo.EventRejected, demo.EventMissed, demo.EventRefunded, demo.EventDisputed, demo.EventResolved,
		demo.EventFeedback, demo.EventStats)
	stopDemo()
	if err := <-done; err != nil {
		t.Fatalf("demo: %v", err)
	}
	all := events()
	if last := all[len(all)-1]; last["event"] != demo.EventStopped {
		t.Errorf("the last event is %v, want stopped", last)
	}

	// The printout is what the chain says.
	escrow, err := client.NewEscrow(ctx, chain.Client, d, 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]uint8{demo.EventCompleted: client.JobCompleted, demo.EventRefunded: client.JobExpired,
		demo.EventResolved: client.JobResolved, demo.EventRejected: client.JobRejected}
	for _, ev := range all {
		status, ok := want[ev["event"].(string)]
		if !ok {
			continue
		}
		id, _ := new(big.Int).SetString(ev["jobId"].(string), 10)
		job, err := escrow.Job(ctx, id)
		if err != nil || job.Status != status {
			t.Errorf("%s job %s: status %d (%v), want %d", ev["event"], id, job.Status, err, status)
		}
	}
	stopAll()
	if err := <-indexDone; err != nil {
		t.Errorf("index: %v", err)
	}
}
