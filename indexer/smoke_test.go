package indexer_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/indexer"
	"github.com/agoralabs/agora/postgres"
)

func TestIndexer_Smoke(t *testing.T) {
	e := newEnv(t)
	id := bindings.NewIdentityRegistry()
	identity := id.Instance(e.chain.Client, e.dep.Contracts.IdentityRegistry.Address)
	for i := range 3 {
		e.transact(t, e.chain.Keys[1+i], identity, id.PackRegister1(fmt.Sprintf("https://agents.example/%d.json", i)))
	}
	r := e.start(t, runOpts{})
	r.waitFor(t, e.head(t))
	e.transact(t, e.chain.Keys[5], identity, id.PackRegister1("data:application/json,{}"))
	r.waitFor(t, e.head(t))
	p := pool(t, e.dbURL)
	var n int
	if err := p.QueryRow(context.Background(), "SELECT count(*) FROM agents").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 4 {
		t.Fatalf("agents = %d, want 4", n)
	}

	// Progress, in-process and as stored with the cursor.
	head := e.head(t)
	for _, src := range []string{"in-process", "stored"} {
		pr := r.ix.Progress()
		if src == "stored" {
			var err error
			if pr, err = indexer.ReadProgress(context.Background(), p); err != nil {
				t.Fatal(err)
			}
		}
		if pr.Indexed != head || pr.Head != head || pr.Target != head || pr.Behind != 0 || pr.Percent != 100 ||
			!pr.CaughtUp || pr.ETA != 0 || pr.StartBlock != e.dep.StartBlock() || pr.BlocksPerSec <= 0 ||
			pr.EventsPerSec <= 0 || time.Since(pr.UpdatedAt) > time.Minute {
			t.Errorf("%s progress at head %d: %+v", src, head, pr)
		}
	}
	empty := freshDB(t)
	if _, err := postgres.Migrate(context.Background(), empty); err != nil {
		t.Fatal(err)
	}
	if _, err := indexer.ReadProgress(context.Background(), pool(t, empty)); !errors.Is(err, indexer.ErrNoProgress) {
		t.Errorf("ReadProgress before any indexer: %v, want ErrNoProgress", err)
	}
}
