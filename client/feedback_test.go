package client_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/indexer/regfile"
)

// market is a provider agent, a client and an arbiter on a fresh chain, and agreement jobs between them.
type market struct {
	*onChain
	provider, client, arbiter, stranger *client.KeySigner
	agentID                             *big.Int
	agreements                          int64
}

func newMarket(t *testing.T, ctx context.Context) *market {
	t.Helper()
	m := &market{onChain: newOnChain(t, ctx)}
	m.provider, m.client = client.NewKeySigner(m.chain.Keys[1]), client.NewKeySigner(m.chain.Keys[2])
	m.arbiter, m.stranger = client.NewKeySigner(m.chain.Keys[3]), client.NewKeySigner(m.chain.Keys[4])
	reg, err := m.e.RegisterAgent(ctx, m.provider, client.RegistrationFile{File: agentFile(t, "01-vietnamese-invoice-ocr.json")})
	if err != nil {
		t.Fatal(err)
	}
	m.agentID = reg.AgentID
	if err := deployment.MintTestUSD(ctx, m.chain.Client, m.chain.Keys[0], m.d.Contracts.TestUSD.Address,
		[]common.Address{m.client.Address(), m.stranger.Address()}, big.NewInt(1_000_000), 30*time.Second); err != nil {
		t.Fatal(err)
	}
	return m
}

// job funds an agreement job of price with the arbiter, and has the provider submit it.
func (m *market) job(t *testing.T, ctx context.Context, price int64) (*client.Funded, *big.Int) {
	t.Helper()
	now, err := m.e.ChainTime(ctx)
	if err != nil {
		t.Fatal(err)
	}
	m.agreements++
	a := eip712.ServiceAgreement{ProviderAgentID: m.agentID, Client: m.client.Address(), Provider: m.provider.Address(),
		Token: m.d.Contracts.TestUSD.Address, Price: big.NewInt(price), DeliveryDeadline: now + 3600, ExpiredAt: now + 7200,
		Arbiter: m.arbiter.Address(), ReviewWindow: 3600, Nonce: big.NewInt(m.agreements), Expiry: new(big.Int).SetUint64(now + 600)}
	cs, err := client.Sign(ctx, m.client, eip712.EscrowDomain(big.NewInt(31337), m.d.Contracts.AgentEscrow.Address), a)
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := client.Sign(ctx, m.provider, eip712.EscrowDomain(big.NewInt(31337), m.d.Contracts.AgentEscrow.Address), a)
	f, err := m.e.Fund(ctx, m.client, a, cs, ps)
	if err != nil {
		t.Fatalf("Fund: %v", err)
	}
	if _, err := m.e.Submit(ctx, m.provider, f.JobID, common.Hash{1}); err != nil {
		t.Fatalf("Submit: %v", err)
	}
	return f, f.JobID
}

// plainJob runs a plain ERC-8183 job paying provider, evaluated by the client, to completion, and returns its id.
func (m *market) plainJob(t *testing.T, ctx context.Context, provider common.Address, price int64) *big.Int {
	t.Helper()
	escrow, usd := bindings.NewAgentEscrow(), bindings.NewTestUSD()
	send := func(key *client.KeySigner, c *bind.BoundContract, data []byte) *types.Receipt {
		t.Helper()
		tx, err := bind.Transact(c, client.TransactOpts(ctx, key, big.NewInt(31337)), data)
		if err != nil {
			t.Fatal(err)
		}
		r, err := deployment.WaitMined(ctx, m.chain.Client, tx, 30*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	at := m.d.Contracts.AgentEscrow.Address
	inst := escrow.Instance(m.chain.Client, at)
	now, _ := m.e.ChainTime(ctx)
	r := send(m.client, inst, escrow.PackCreateJob(provider, m.client.Address(), new(big.Int).SetUint64(now+3600), "plain", common.Address{}))
	var id *big.Int
	for _, l := range r.Logs {
		if ev, err := escrow.UnpackJobCreatedEvent(l); err == nil {
			id = ev.JobId
		}
	}
	send(m.client, inst, escrow.PackSetBudget(id, big.NewInt(price), nil))
	send(m.client, usd.Instance(m.chain.Client, m.d.Contracts.TestUSD.Address), usd.PackApprove(at, big.NewInt(price)))
	send(m.client, inst, escrow.PackFund(id, big.NewInt(price), nil))
	if _, err := m.e.Submit(ctx, m.provider, id, common.Hash{9}); err != nil {
		t.Fatal(err)
	}
	if _, err := m.e.Complete(ctx, m.client, id, common.Hash{}); err != nil {
		t.Fatal(err)
	}
	return id
}

// TestEscrow_FeedbackAndDisputes: a client gives feedback only for jobs in which it paid the agent (with the
// ERC-8004 feedback file and its proof of payment, inline or hosted), a stranger's feedback naming the job is
// refused before anything is sent; disputes and resolutions by the wrong party are named by the escrow's
// errors; a job resolved in part for the provider counts as paid, one resolved for the client does not;
// revocation and responses.
func TestEscrow_FeedbackAndDisputes(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	m := newMarket(t, ctx)
	e := m.e

	funded, job1 := m.job(t, ctx, 1000)
	fb := client.Feedback{AgentID: m.agentID, JobID: job1, Value: big.NewInt(87), Tag1: "quality", Tag2: "ocr", Endpoint: "https://a.example/ocr"}
	if _, err := e.GiveFeedback(ctx, m.client, fb); !errors.Is(err, client.ErrJobNotPaid) || !strings.Contains(err.Error(), "submitted") {
		t.Fatalf("feedback on a submitted job: %v", err)
	}
	if _, err := e.Complete(ctx, m.client, job1, common.Hash{}); err != nil {
		t.Fatal(err)
	}
	given, err := e.GiveFeedback(ctx, m.client, fb)
	if err != nil {
		t.Fatalf("GiveFeedback: %v", err)
	}
	if given.Index != 1 || given.Hash != crypto.Keccak256Hash(given.File) || given.URI != client.DataURIPrefix+base64.StdEncoding.EncodeToString(given.File) {
		t.Fatalf("FeedbackGiven = %+v", given)
	}
	var file client.FeedbackFile
	if err := json.Unmarshal(given.File, &file); err != nil {
		t.Fatal(err)
	}
	pop := file.ProofOfPayment
	if pop == nil || pop.TxHash != funded.CreateTx.Hex() || pop.FromAddress != m.client.Address().Hex() || pop.ToAddress != m.provider.Address().Hex() ||
		pop.ChainID != "31337" || file.AgentID.String() != m.agentID.String() || file.Value.String() != "87" || file.Tag1 != "quality" ||
		file.ClientAddress != "eip155:31337:"+m.client.Address().Hex() ||
		file.AgentRegistry != "eip155:31337:"+m.d.Contracts.IdentityRegistry.Address.Hex() || file.EscrowJob.JobID != job1.String() {
		t.Fatalf("the feedback file: %s", given.File)
	}
	if r, err := e.ReadFeedback(ctx, m.agentID, m.client.Address(), 1); err != nil || r.Value.Int64() != 87 || r.Tag1 != "quality" || r.IsRevoked {
		t.Fatalf("ReadFeedback = %+v, %v", r, err)
	}

	// A stranger naming the client's job, and the client naming another agent: refused, nothing sent.
	nonce := m.nonce(t, ctx, m.stranger.Address())
	_, err = e.GiveFeedback(ctx, m.stranger, fb)
	if !errors.Is(err, client.ErrJobNotPaid) || !strings.Contains(err.Error(), "job "+job1.String()+" was not paid by "+m.stranger.Address().Hex()) {
		t.Fatalf("a stranger's feedback: %v", err)
	}
	if n, _ := e.FeedbackCount(ctx, m.agentID, m.stranger.Address()); n != 0 || m.nonce(t, ctx, m.stranger.Address()) != nonce {
		t.Fatalf("the stranger's feedback was sent (%d)", n)
	}
	other := fb
	other.AgentID = new(big.Int).Add(m.agentID, big.NewInt(1))
	if _, err := e.GiveFeedback(ctx, m.client, other); !errors.Is(err, client.ErrJobNotPaid) || !strings.Contains(err.Error(), "its provider is agent") {
		t.Fatalf("feedback to another agent: %v", err)
	}
	if _, err := e.GiveFeedback(ctx, m.client, client.Feedback{AgentID: m.agentID, JobID: job1, Value: big.NewInt(1), Decimals: 19}); err == nil ||
		!strings.Contains(err.Error(), "decimals") {
		t.Fatalf("19 decimals: %v", err)
	}

	// A plain job pays the agent's wallet (here its owner's default).
	plain := m.plainJob(t, ctx, m.provider.Address(), 100)
	if g, err := e.GiveFeedback(ctx, m.client, client.Feedback{AgentID: m.agentID, JobID: plain, Value: big.NewInt(9977), Decimals: 2}); err != nil ||
		g.Index != 2 {
		t.Fatalf("feedback on a plain job: %+v, %v", g, err)
	}
	if _, err := e.RevokeFeedback(ctx, m.client, m.agentID, 2); err != nil {
		t.Fatal(err)
	}

	// Disputes: only the client disputes, only the arbiter resolves.
	_, job2 := m.job(t, ctx, 1000)
	if _, err := e.Dispute(ctx, m.stranger, job2, common.Hash{2}); err == nil || !strings.Contains(err.Error(), "NotClient") {
		t.Fatalf("a stranger's dispute: %v", err)
	}
	if _, err := e.Dispute(ctx, m.client, job2, common.Hash{2}); err != nil {
		t.Fatalf("Dispute: %v", err)
	}
	if j, _ := e.Job(ctx, job2); j.Status != client.JobDisputed {
		t.Fatalf("status %d after dispute", j.Status)
	}
	if _, err := e.Resolve(ctx, m.client, job2, 5000, common.Hash{}); err == nil || !strings.Contains(err.Error(), "NotArbiter") {
		t.Fatalf("the client's resolve: %v", err)
	}
	if _, err := e.Resolve(ctx, m.arbiter, job2, 10_001, common.Hash{}); err == nil || !strings.Contains(err.Error(), "at most 10000") {
		t.Fatalf("resolve above 100%%: %v", err)
	}
	res, err := e.Resolve(ctx, m.arbiter, job2, 2500, common.Hash{3})
	if err != nil {
		t.Fatalf("Resolve: %v", err)
	}
	if res.ToProvider.Int64() != 250 || res.ToClient.Int64() != 750 {
		t.Fatalf("Resolution = %+v", res)
	}
	if _, err := e.Resolve(ctx, m.arbiter, job2, 2500, common.Hash{3}); err == nil || !strings.Contains(err.Error(), "WrongStatus") {
		t.Fatalf("resolving twice: %v", err)
	}
	// Resolved with a share to the provider: paid. The file is hosted by the client this time.
	fb2 := client.Feedback{AgentID: m.agentID, JobID: job2, Value: big.NewInt(-32), Decimals: 1, Tag1: "dispute"}
	hostedFile, _, err := e.BuildFeedbackFile(ctx, m.client.Address(), fb2)
	if err != nil {
		t.Fatal(err)
	}
	serve := hostedFile
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write(serve) }))
	defer srv.Close()
	fb2.URI, fb2.Fetch = srv.URL+"/feedback.json", regfile.Config{AllowPrivate: true, Attempts: 1}
	wrongValue := fb2
	wrongValue.Value = big.NewInt(50)
	if _, err := e.GiveFeedback(ctx, m.client, wrongValue); err == nil || !strings.Contains(err.Error(), "does not match") {
		t.Fatalf("a hosted file for another value: %v", err)
	}
	given2, err := e.GiveFeedback(ctx, m.client, fb2)
	if err != nil {
		t.Fatalf("GiveFeedback with a hosted file: %v", err)
	}
	if given2.Index != 3 || given2.URI != fb2.URI || given2.Hash != crypto.Keccak256Hash(hostedFile) {
		t.Fatalf("hosted feedback = %+v", given2)
	}

	// Resolved entirely for the client: not paid.
	_, job3 := m.job(t, ctx, 1000)
	if _, err := e.Dispute(ctx, m.client, job3, common.Hash{}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Resolve(ctx, m.arbiter, job3, 0, common.Hash{}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.GiveFeedback(ctx, m.client, client.Feedback{AgentID: m.agentID, JobID: job3, Value: big.NewInt(1)}); !errors.Is(err, client.ErrJobNotPaid) ||
		!strings.Contains(err.Error(), "nothing to the provider") {
		t.Fatalf("feedback on a job resolved for the client: %v", err)
	}

	// Revocation and responses.
	if _, err := e.RevokeFeedback(ctx, m.client, m.agentID, 1); err != nil {
		t.Fatal(err)
	}
	if r, _ := e.ReadFeedback(ctx, m.agentID, m.client.Address(), 1); !r.IsRevoked {
		t.Fatal("feedback 1 not revoked")
	}
	if _, err := e.RevokeFeedback(ctx, m.client, m.agentID, 1); err == nil || !strings.Contains(err.Error(), "FeedbackAlreadyRevoked") {
		t.Fatalf("revoking twice: %v", err)
	}
	if _, err := e.RespondFeedback(ctx, m.provider, m.agentID, m.client.Address(), 3, "ipfs://response", common.Hash{4}); err != nil {
		t.Fatalf("RespondFeedback: %v", err)
	}
	rep := bindings.NewReputationRegistry()
	n, err := bind.Call(rep.Instance(m.chain.Client, m.d.Contracts.ReputationRegistry.Address), &bind.CallOpts{Context: ctx},
		rep.PackGetResponseCount(m.agentID, m.client.Address(), 3, nil), rep.UnpackGetResponseCount)
	if err != nil || n != 1 {
		t.Fatalf("response count %d, %v", n, err)
	}
	if _, err := e.RespondFeedback(ctx, m.provider, m.agentID, m.client.Address(), 3, "", common.Hash{}); err == nil ||
		!strings.Contains(err.Error(), "EmptyResponseURI") {
		t.Fatalf("a response without URI: %v", err)
	}
}
