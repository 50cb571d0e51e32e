package indexer_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/agoralabs/agora/bindings"
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
}
