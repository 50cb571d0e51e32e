package indexer_test

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/bindings"
)

// actor sends one kind of activity per call, each its own block (anvil automines).
type actor struct {
	e   *env
	idc *bindings.IdentityRegistry
	rep *bindings.ReputationRegistry
	val *bindings.ValidationRegistry
	esc *bindings.AgentEscrow
	usd *bindings.TestUSD
}

func newActor(t *testing.T, e *env) *actor {
	a := &actor{e: e, idc: bindings.NewIdentityRegistry(), rep: bindings.NewReputationRegistry(),
		val: bindings.NewValidationRegistry(), esc: bindings.NewAgentEscrow(), usd: bindings.NewTestUSD()}
	// Client 4 pays for jobs: give it tUSD and approve the escrow once.
	usd := a.usd.Instance(e.chain.Client, e.dep.Contracts.TestUSD.Address)
	e.transact(t, e.chain.Keys[0], usd, a.usd.PackMint(e.chain.Address(4), big.NewInt(1e12)))
	e.transact(t, e.chain.Keys[4], usd, a.usd.PackApprove(e.dep.Contracts.AgentEscrow.Address, big.NewInt(1e12)))
	return a
}

// round does a little of everything, tagged with label so that branches differ; it mines 7 blocks.
func (a *actor) round(t *testing.T, label string, agentsBefore int64) {
	t.Helper()
	e, c := a.e, a.e.dep.Contracts
	identity := a.idc.Instance(e.chain.Client, c.IdentityRegistry.Address)
	reputation := a.rep.Instance(e.chain.Client, c.ReputationRegistry.Address)
	validation := a.val.Instance(e.chain.Client, c.ValidationRegistry.Address)
	escrow := a.esc.Instance(e.chain.Client, c.AgentEscrow.Address)
	id := big.NewInt(agentsBefore) // ids are dense from 0: the next one
	e.transact(t, e.chain.Keys[1], identity, a.idc.PackRegister1("https://agents.example/"+label+".json"))
	e.transact(t, e.chain.Keys[1], identity, a.idc.PackSetMetadata(id, "label", []byte(label)))
	e.transact(t, e.chain.Keys[2], reputation, a.rep.PackGiveFeedback(id, big.NewInt(int64(len(label))), 0, label, "t2",
		"https://ep.example", "", [32]byte{}))
	hash := crypto.Keccak256Hash([]byte(label))
	e.transact(t, e.chain.Keys[1], validation, a.val.PackValidationRequest(e.chain.Address(3), id, "ipfs://"+label, hash))
	e.transact(t, e.chain.Keys[3], validation, a.val.PackValidationResponse(hash, uint8(len(label)), "", [32]byte{}, label))
	expires := big.NewInt(time.Now().Add(24 * time.Hour).Unix())
	receipt := e.transact(t, e.chain.Keys[4], escrow, a.esc.PackCreateJob(e.chain.Address(5), e.chain.Address(6), expires, label, common.Address{}))
	jobID := new(big.Int).SetBytes(receipt.Logs[0].Topics[1].Bytes())
	e.transact(t, e.chain.Keys[4], escrow, a.esc.PackSetBudget(jobID, big.NewInt(int64(1000*len(label))), nil))
	e.transact(t, e.chain.Keys[4], escrow, a.esc.PackFund(jobID, big.NewInt(int64(1000*len(label))), nil))
}

func (e *env) rpc(t *testing.T, result any, method string, args ...any) {
	t.Helper()
	if err := e.chain.Client.Client().CallContext(context.Background(), result, method, args...); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
}

func agentCount(t *testing.T, e *env, r *running) int64 {
	t.Helper()
	var n int64
	if err := r.store.Pool().QueryRow(context.Background(), `SELECT count(*) FROM agents`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestIndexer_Reorg replaces the last blocks with a different branch (evm_snapshot, more blocks,
// evm_revert, other blocks) at several depths, with the indexer following the head over WebSocket and
// over polling; the mirror must match the chain's views afterwards and equal a fresh index of the final
// chain, row for row.
func TestIndexer_Reorg(t *testing.T) {
	for _, mode := range []string{"websocket", "polling"} {
		t.Run(mode, func(t *testing.T) {
			e := newEnv(t)
			a := newActor(t, e)
			ws := ""
			if mode == "polling" {
				ws = "none"
			}
			r := e.start(t, runOpts{ws: ws})
			a.round(t, "base", 0)
			r.waitFor(t, e.head(t))

			agents := int64(1)
			for _, depth := range []int{1, 3, 14} { // rounds of 7 blocks: 7, 21 and 98 blocks replaced
				var snap hexutil.Big
				e.rpc(t, &snap, "evm_snapshot")
				for i := range depth {
					a.round(t, fmt.Sprintf("old-%d-%d", depth, i), agents+int64(i))
				}
				r.waitFor(t, e.head(t))
				if got := agentCount(t, e, r); got != agents+int64(depth) {
					t.Fatalf("depth %d: %d agents before the reorg, want %d", depth, got, agents+int64(depth))
				}
				var ok bool
				e.rpc(t, &ok, "evm_revert", &snap)
				if !ok {
					t.Fatal("evm_revert refused")
				}
				// The new branch is one round longer, with other contents (and other timestamps).
				e.rpc(t, nil, "evm_increaseTime", hexutil.Uint64(7))
				for i := range depth + 1 {
					a.round(t, fmt.Sprintf("new-%d-%d-branch", depth, i), agents+int64(i))
				}
				agents += int64(depth + 1)
				r.waitFor(t, e.head(t))
				waitHash(t, e, r)
				if got := agentCount(t, e, r); got != agents {
					t.Fatalf("depth %d: %d agents after the reorg, want %d", depth, got, agents)
				}
				var stale int
				if err := r.store.Pool().QueryRow(context.Background(),
					`SELECT count(*) FROM agents WHERE agent_uri LIKE '%old-%'`).Scan(&stale); err != nil {
					t.Fatal(err)
				}
				if stale != 0 {
					t.Fatalf("depth %d: %d agents from the abandoned branch survived", depth, stale)
				}
				verifyAgainstChain(t, e, r.store.Pool())
			}
			var reorgs int
			if err := r.store.Pool().QueryRow(context.Background(),
				`SELECT count(*) FROM escrow_jobs WHERE status = 'funded'`).Scan(&reorgs); err != nil {
				t.Fatal(err)
			}
			// A fresh index of the final chain gives the same tables.
			mirror := dump(t, r.store.Pool())
			fresh := e.start(t, runOpts{ws: ws, dbURL: freshDB(t)})
			fresh.waitFor(t, e.head(t))
			compareDumps(t, "after reorgs vs fresh", mirror, dump(t, fresh.store.Pool()))
			if n := totalRows(mirror); n < 100 {
				t.Fatalf("only %d rows mirrored", n)
			}
			if !strings.Contains(strings.Join(mirror["agents"], ""), "new-14-") {
				t.Fatal("the last branch is not in the mirror")
			}
		})
	}
}

// waitHash waits until the indexer's tip is the chain's current head block.
func waitHash(t *testing.T, e *env, r *running) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		head, err := e.chain.Client.HeaderByNumber(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		var h []byte
		var n int64
		if err := r.store.Pool().QueryRow(context.Background(), `SELECT block_number, block_hash FROM indexer_state`).Scan(&n, &h); err != nil {
			t.Fatal(err)
		}
		if uint64(n) == head.Number.Uint64() && common.BytesToHash(h) == head.Hash() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("indexer tip never matched the chain head")
}
