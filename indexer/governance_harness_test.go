package indexer_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/eip712"
)

// gov drives the MandateRegistry, and the escrow's jobs under mandates, on an env's chain. Roles (dev
// accounts): 1 the principal, 2 the agent's owner (its wallet: the client of agreements), 3 the provider
// agent's owner, 4 and 5 approvers, 6 the guardian, 7 the arbiter, 8 a relayer.
type gov struct {
	e                          *env
	reg                        *bindings.MandateRegistry
	esc                        *bindings.AgentEscrow
	usd                        *bindings.TestUSD
	registry, escrow, token    *bind.BoundContract
	principal, agent, provider *ecdsa.PrivateKey
	approvers                  [2]*ecdsa.PrivateKey
	guardian, arbiter, relayer *ecdsa.PrivateKey
	agentID, providerID        *big.Int
	spec                       common.Hash // the deliverable specification agreements name
	nonce                      int64
}

// newGov registers the agent (id 0) and the provider agent (id 1) and has the principal mint itself tUSD and
// approve the escrow for it.
func newGov(t *testing.T, e *env) *gov {
	t.Helper()
	k := e.chain.Keys
	c := e.dep.Contracts
	g := &gov{e: e, reg: bindings.NewMandateRegistry(), esc: bindings.NewAgentEscrow(), usd: bindings.NewTestUSD(),
		principal: k[1], agent: k[2], provider: k[3], approvers: [2]*ecdsa.PrivateKey{k[4], k[5]},
		guardian: k[6], arbiter: k[7], relayer: k[8], agentID: big.NewInt(0), providerID: big.NewInt(1),
		spec: crypto.Keccak256Hash([]byte("summarise ten filings"))}
	g.registry = g.reg.Instance(e.chain.Client, c.MandateRegistry.Address)
	g.escrow = g.esc.Instance(e.chain.Client, c.AgentEscrow.Address)
	g.token = g.usd.Instance(e.chain.Client, c.TestUSD.Address)
	idc := bindings.NewIdentityRegistry()
	identity := idc.Instance(e.chain.Client, c.IdentityRegistry.Address)
	e.transact(t, g.agent, identity, idc.PackRegister1("https://agents.example/agent.json"))
	e.transact(t, g.provider, identity, idc.PackRegister1("https://agents.example/provider.json"))
	e.transact(t, g.principal, g.token, g.usd.PackMint(addr(g.principal), big.NewInt(1e12)))
	e.transact(t, g.principal, g.token, g.usd.PackApprove(c.AgentEscrow.Address, big.NewInt(1e12)))
	return g
}

func addr(key *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(key.PublicKey) }

// hx is an address or hash as encode(…, 'hex') renders it.
func hx(b []byte) string { return hex.EncodeToString(b) }

// now returns the head block's timestamp: mandates and agreements are judged by chain time.
func (g *gov) now(t *testing.T) uint64 {
	t.Helper()
	h, err := g.e.chain.Client.HeaderByNumber(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return h.Time
}

// warp moves the chain's clock forward and mines a block.
func (g *gov) warp(t *testing.T, seconds uint64) {
	t.Helper()
	g.e.rpc(t, nil, "evm_increaseTime", hexutil.Uint64(seconds))
	g.e.rpc(t, nil, "evm_mine")
}

// mandate returns terms for the agent, paid in tUSD, valid from a minute ago for 30 days: budget per period
// (0: once), maxPerJob, and, when approvals, the two approvers with one approval needed above 100.
func (g *gov) mandate(t *testing.T, budget, maxPerJob int64, period uint64, approvals bool) eip712.Mandate {
	t.Helper()
	now := g.now(t)
	m := eip712.Mandate{Principal: addr(g.principal), AgentID: g.agentID, Agent: addr(g.agent),
		Token: g.e.dep.Contracts.TestUSD.Address, MaxPerJob: big.NewInt(maxPerJob), Budget: big.NewInt(budget),
		Period: period, ValidAfter: now - 60, ValidUntil: now + 30*86400, EscalateAbove: big.NewInt(maxPerJob),
		TimelockAbove: big.NewInt(maxPerJob), Nonce: big.NewInt(0), Deadline: big.NewInt(0)}
	if approvals {
		m.Payees = []*big.Int{g.providerID}
		m.Specs = []common.Hash{g.spec}
		m.Approvers = []common.Address{addr(g.approvers[0]), addr(g.approvers[1])}
		m.Quorum, m.QuorumHigh, m.EscalateAbove = 1, 2, big.NewInt(100)
	}
	return m
}

// grant grants m by the principal's transaction and returns the mandate id.
func (g *gov) grant(t *testing.T, m eip712.Mandate) *big.Int {
	t.Helper()
	return g.granted(t, g.e.transact(t, g.principal, g.registry, g.reg.PackGrant(m.Terms())))
}

// grantWithSig has the relayer grant m under the principal's EIP-712 signature; it returns the mandate id and
// the struct hash signed.
func (g *gov) grantWithSig(t *testing.T, m eip712.Mandate, nonce int64) (*big.Int, common.Hash) {
	t.Helper()
	m.Nonce, m.Deadline = big.NewInt(nonce), new(big.Int).SetUint64(g.now(t)+600)
	dom := eip712.MandateDomain(g.e.chainID, g.e.dep.Contracts.MandateRegistry.Address)
	sig, err := eip712.Sign(g.principal, dom, m)
	if err != nil {
		t.Fatalf("Sign(Mandate): %v", err)
	}
	hash, err := eip712.StructHash(m)
	if err != nil {
		t.Fatal(err)
	}
	r := g.e.transact(t, g.relayer, g.registry, g.reg.PackGrantWithSig(m.Terms(), m.Nonce, m.Deadline, sig))
	return g.granted(t, r), hash
}

func (g *gov) granted(t *testing.T, r *types.Receipt) *big.Int {
	t.Helper()
	for _, lg := range r.Logs {
		if ev, err := g.reg.UnpackMandateGrantedEvent(lg); err == nil {
			return ev.MandateId
		}
	}
	t.Fatal("no MandateGranted event")
	return nil
}

// agreement returns an agreement of the agent with the provider under mandate, for price, delivered within
// half an hour and refundable after an hour, and its digest.
func (g *gov) agreement(t *testing.T, mandate *big.Int, price int64) (eip712.ServiceAgreement, common.Hash) {
	t.Helper()
	now := g.now(t)
	g.nonce++
	a := eip712.ServiceAgreement{ProviderAgentID: g.providerID, Client: addr(g.agent), Provider: addr(g.provider),
		Token: g.e.dep.Contracts.TestUSD.Address, Price: big.NewInt(price), DeliveryDeadline: now + 1800,
		ExpiredAt: now + 3600, DeliverableSpecHash: g.spec, Arbiter: addr(g.arbiter), ReviewWindow: 3600,
		Nonce: big.NewInt(g.nonce), Expiry: new(big.Int).SetUint64(now + 600), MandateID: mandate}
	digest, err := eip712.Digest(eip712.EscrowDomain(g.e.chainID, g.e.dep.Contracts.AgentEscrow.Address), a)
	if err != nil {
		t.Fatal(err)
	}
	return a, digest
}

// open has the relayer open the funded job of agreement a, signed by both sides, and returns its id.
func (g *gov) open(t *testing.T, a eip712.ServiceAgreement) *big.Int {
	t.Helper()
	dom := eip712.EscrowDomain(g.e.chainID, g.e.dep.Contracts.AgentEscrow.Address)
	clientSig, err := eip712.Sign(g.agent, dom, a)
	if err != nil {
		t.Fatal(err)
	}
	providerSig, err := eip712.Sign(g.provider, dom, a)
	if err != nil {
		t.Fatal(err)
	}
	r := g.e.transact(t, g.relayer, g.escrow, g.esc.PackCreateJobFromAgreement(a.Binding(), clientSig, providerSig))
	for _, lg := range r.Logs {
		if ev, err := g.esc.UnpackJobCreatedEvent(lg); err == nil {
			return ev.JobId
		}
	}
	t.Fatal("no JobCreated event")
	return nil
}

// fund opens a job under mandate for price and returns its id.
func (g *gov) fund(t *testing.T, mandate *big.Int, price int64) *big.Int {
	t.Helper()
	a, _ := g.agreement(t, mandate, price)
	return g.open(t, a)
}

// approveWithSig has the relayer record approver i's signed approval of digest under mandate.
func (g *gov) approveWithSig(t *testing.T, mandate *big.Int, digest common.Hash, i int) {
	t.Helper()
	deadline := new(big.Int).SetUint64(g.now(t) + 600)
	dom := eip712.MandateDomain(g.e.chainID, g.e.dep.Contracts.MandateRegistry.Address)
	sig, err := eip712.Sign(g.approvers[i], dom, eip712.MandateApproval{MandateID: mandate, AgreementHash: digest, Deadline: deadline})
	if err != nil {
		t.Fatal(err)
	}
	g.e.transact(t, g.relayer, g.registry, g.reg.PackApproveWithSig(mandate, digest, addr(g.approvers[i]), deadline, sig))
}

// row returns the query's single row, its columns joined by spaces (NULL as "-").
func row(t *testing.T, p *pgxpool.Pool, query string, args ...any) string {
	t.Helper()
	var s string
	if err := p.QueryRow(context.Background(), query, args...).Scan(&s); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return s
}

// callAt reads a contract view at block n.
func callAt[T any](t *testing.T, c *bind.BoundContract, n uint64, data []byte, unpack func([]byte) (T, error)) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	v, err := bind.Call(c, &bind.CallOpts{Context: ctx, BlockNumber: new(big.Int).SetUint64(n)}, data, unpack)
	if err != nil {
		t.Fatalf("call at block %d: %v", n, err)
	}
	return v
}
