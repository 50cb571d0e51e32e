package gateway_test

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/jackc/pgx/v5"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/seed"
)

// transact sends one IdentityRegistry call from key and waits for its receipt.
func (e *env) transact(t *testing.T, key *ecdsa.PrivateKey, data []byte) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	opts := bind.NewKeyedTransactor(key, new(big.Int).SetUint64(e.dep.ChainID))
	opts.Context = ctx
	identity := bindings.NewIdentityRegistry()
	tx, err := bind.Transact(identity.Instance(e.chain.Client, e.dep.Contracts.IdentityRegistry.Address), opts, data)
	if err != nil {
		t.Fatal(err)
	}
	if r, err := deployment.WaitMined(ctx, e.chain.Client, tx, 30*time.Second); err != nil || r.Status != 1 {
		t.Fatalf("transaction failed: %v %v", r, err)
	}
}

// listen returns a channel of the payloads of channel's notifications.
func (e *env) listen(t *testing.T, channel string) <-chan string {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), e.dbURL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(context.Background(), "LISTEN "+channel); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan string, 100)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			n, err := conn.WaitForNotification(ctx)
			if err != nil {
				return
			}
			out <- n.Payload
		}
	}()
	t.Cleanup(func() { cancel(); <-done; conn.Close(context.Background()) })
	return out
}

// testFreshness changes the chain under a running gateway: a new agent appears in search, and a changed
// URI and metadata show in the cached detail, once the indexer has committed them.
func testFreshness(t *testing.T, e *env) {
	owner := e.seeded.Agents[0].Owner
	profiles := e.listen(t, "agora_discovery")

	t.Run("NewAgentIsSearchable", func(t *testing.T) {
		e := e.with(t)
		file := `{"type":"https://eips.ethereum.org/EIPS/eip-8004#registration-v1","name":"Zephyrine Glossary Builder",` +
			`"description":"Builds bilingual glossaries from manuals.","capabilities":[{"name":"glossary extraction",` +
			`"pricing":{"model":"per_call","amount":"5","token":"0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9"}}]}`
		identity := bindings.NewIdentityRegistry()
		before := time.Now()
		e.transact(t, owner, identity.PackRegister1(seed.DataURI([]byte(file))))
		want := big.NewInt(int64(len(e.seeded.Agents))).String()
		for {
			select {
			case id := <-profiles:
				if id != want {
					continue
				}
			case <-time.After(30 * time.Second):
				t.Fatal("no discovery notification for the new agent")
			}
			break
		}
		// The notification is sent when the profile commits; the gateway loads it on the same notification.
		var lag time.Duration
		e.waitFor("the new agent in search", func() bool {
			s := e.search(t, "q=zephyrine+glossary&mode=text")
			lag = time.Since(before)
			return slices.Contains(ids(s), want)
		})
		t.Logf("registered to searchable in %s", lag.Round(time.Millisecond))
		e.waitFor("the new agent in vector search", func() bool {
			return slices.Contains(ids(e.search(t, "q="+url.QueryEscape("bilingual glossary manuals")+"&mode=vector")), want)
		})
	})

	t.Run("DetailCacheFollowsTheChain", func(t *testing.T) {
		e := e.with(t)
		a := e.seeded.Agents[0]
		var before map[string]any
		e.get("/v1/agents/"+a.AgentID.String()).decode(t, &before) // now cached
		identity := bindings.NewIdentityRegistry()
		e.transact(t, a.Owner, identity.PackSetMetadata(a.AgentID, "region", []byte("ap-southeast-1")))
		e.waitFor("the metadata in the agent detail", func() bool {
			var d struct {
				Metadata []struct{ Key, Value string } `json:"metadata"`
			}
			e.get("/v1/agents/"+a.AgentID.String()).decode(t, &d)
			for _, m := range d.Metadata {
				if m.Key == "region" && strings.EqualFold(m.Value, "0x"+hexOf("ap-southeast-1")) {
					return true
				}
			}
			return false
		})
	})
}

func hexOf(s string) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		out = append(out, digits[s[i]>>4], digits[s[i]&15])
	}
	return string(out)
}
