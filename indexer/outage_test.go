package indexer_test

import (
	"context"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
)

// TestIndexer_SurvivesNodeOutage takes the node away while blocks keep coming, and checks that the indexer
// counts the failures, keeps running, and catches up exactly once the node is back.
func TestIndexer_SurvivesNodeOutage(t *testing.T) {
	e := newEnv(t)
	a := newActor(t, e)
	var up atomic.Bool
	up.Store(true)
	// The node answers 503 while up is false: it went away.
	r := e.via(nodeProxy(t, e.chain.URL, func(w http.ResponseWriter, _ *http.Request) bool {
		if up.Load() {
			return false
		}
		http.Error(w, "node down", http.StatusServiceUnavailable)
		return true
	})).start(t, runOpts{ws: "none"})
	a.round(t, "before", 0)
	r.waitFor(t, e.head(t))

	up.Store(false)
	for i := range 3 {
		a.round(t, fmt.Sprintf("during-%d", i), int64(1+i))
	}
	deadline := time.Now().Add(20 * time.Second)
	for testutil.ToFloat64(r.metrics.LoopErrors) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("no failed round counted while the node was down")
		}
		time.Sleep(20 * time.Millisecond)
	}
	up.Store(true)
	r.waitFor(t, e.head(t))
	if got := agentCount(t, e, r); got != 4 {
		t.Fatalf("%d agents after the outage, want 4", got)
	}
	verifyAgainstChain(t, e, r.store.Pool())
	fresh := e.start(t, runOpts{dbURL: freshDB(t)})
	fresh.waitFor(t, e.head(t))
	compareDumps(t, "after an outage vs fresh", dump(t, r.store.Pool()), dump(t, fresh.store.Pool()))
}

// TestIndexer_Confirmations leaves the last blocks unindexed.
func TestIndexer_Confirmations(t *testing.T) {
	e := newEnv(t)
	a := newActor(t, e)
	a.round(t, "one", 0)
	head := e.head(t)
	r := e.start(t, runOpts{confirmations: 3})
	r.waitFor(t, head-3)
	time.Sleep(300 * time.Millisecond) // it must stay there: a later block would show
	var n int64
	if err := r.store.Pool().QueryRow(context.Background(), `SELECT block_number FROM indexer_state`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if uint64(n) != head-3 {
		t.Fatalf("cursor %d, want head-3 = %d", n, head-3)
	}
}
