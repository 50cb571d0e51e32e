package indexer_test

import (
	"context"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/agoralabs/agora/indexer"
	"github.com/agoralabs/agora/indexer/catalog"
	"github.com/agoralabs/agora/workload"
)

// TestIndexer_MirrorsWorkload generates activity across every contract (part before the indexer starts, so
// it is backfilled, part while it follows the head), then checks the mirror three ways: every log on chain
// is a row, every projection row matches the contracts' views, and the incrementally kept projections equal
// a recomputation from the events and a fresh index of the same chain.
func TestIndexer_MirrorsWorkload(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	gen := func(seed int64, blocks int) *workload.Stats {
		t.Helper()
		st, err := workload.Run(ctx, workload.Config{RPCURL: e.chain.URL, Deployment: e.dep, Funder: e.chain.Keys[0],
			Seed: seed, Blocks: blocks, TxPerBlock: 25, Accounts: 16})
		if err != nil {
			t.Fatalf("workload: %v", err)
		}
		return st
	}
	gen(7, 40)
	r := e.start(t, runOpts{maxRange: 16})
	gen(8, 25) // the indexer follows these blocks as they are mined
	head := e.head(t)
	r.waitFor(t, head)
	p := r.store.Pool()

	// Every log of the deployment is a row of its event table.
	logs, err := e.chain.Client.FilterLogs(ctx, ethereum.FilterQuery{Addresses: indexer.Addresses(e.dep)})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	names := map[string]string{}
	for _, c := range e.dep.All() {
		names[strings.ToLower(c.Address.Hex())] = c.Name
	}
	for _, lg := range logs {
		ev := catalog.Default.Event(names[strings.ToLower(lg.Address.Hex())], lg.Topics[0])
		if ev == nil {
			t.Fatalf("log with unknown topic %s", lg.Topics[0])
		}
		want[ev.Table]++
	}
	mirror := dump(t, p)
	tables := 0
	for _, ev := range catalog.Default.Events {
		if got := len(mirror[ev.Table]); got != want[ev.Table] {
			t.Errorf("%s: %d rows, %d logs on chain", ev.Table, got, want[ev.Table])
		}
		if want[ev.Table] > 0 {
			tables++
		}
	}
	if tables < 20 || len(logs) < 1000 {
		t.Fatalf("the workload reached only %d event types with %d logs", tables, len(logs))
	}
	for _, table := range []string{"agents", "agent_metadata", "feedback", "validations", "escrow_jobs", "escrow_balances", "registration_files"} {
		if len(mirror[table]) == 0 {
			t.Errorf("projection %s is empty", table)
		}
	}

	// Projections agree with the chain's views.
	checked := verifyAgainstChain(t, e, p)
	t.Logf("%d logs in %d event tables; %d projection rows checked against the chain", len(logs), tables, checked)

	// The incremental projections equal a recomputation from the stored events.
	if err := r.store.RebuildProjections(ctx); err != nil {
		t.Fatal(err)
	}
	compareDumps(t, "incremental vs recomputed", mirror, dump(t, p))

	// A fresh index with other range settings gives the same tables.
	fresh := e.start(t, runOpts{maxRange: 1000, dbURL: freshDB(t)})
	fresh.waitFor(t, head)
	compareDumps(t, "first index vs fresh index", mirror, dump(t, fresh.store.Pool()))

	// The operator endpoints answer.
	reg := prometheus.NewRegistry()
	srv := httptest.NewServer(indexer.OpsHandler(r.ix, reg))
	defer srv.Close()
	for path, wantStatus := range map[string]int{"/healthz": 200, "/readyz": 200, "/metrics": 200, "/nope": 404} {
		res, err := srv.Client().Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != wantStatus {
			t.Errorf("GET %s: %d %s, want %d", path, res.StatusCode, body, wantStatus)
		}
		if path == "/readyz" && !strings.Contains(string(body), `"ready":true`) {
			t.Errorf("GET /readyz: %s", body)
		}
	}
}
