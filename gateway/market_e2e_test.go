package gateway_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/auction"
	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/gateway"
	"github.com/agoralabs/agora/seed"
)

// marketProvider is one provider of the end-to-end test: a seeded agent, its wallet as a Signer, its stream
// and the price it asks.
type marketProvider struct {
	agent  seed.Agent
	wallet *client.KeySigner
	stream *client.Stream
	price  int64
	quote  eip712.Quote
}

// nextEvent reads s until an event satisfies match, skipping the others; a problem event fails t.
func nextEvent(t *testing.T, s *client.Stream, what string, match func(client.Event) bool) client.Event {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	for {
		ev, err := s.Next(ctx)
		if err != nil {
			t.Fatalf("waiting for %s: %v", what, err)
		}
		if ev.Type == client.EventProblem {
			t.Fatalf("waiting for %s: problem %+v", what, ev.Problem)
		}
		if match(ev) {
			return ev
		}
	}
}

// agreementEvent matches the agreement event of id in state.
func agreementEvent(id, state string) func(client.Event) bool {
	return func(ev client.Event) bool {
		return ev.Type == client.EventAgreement && ev.Agreement != nil && ev.Agreement.ID == id && ev.Agreement.State == state
	}
}

// TestMarketE2E runs the market end to end with the client package against a real anvil, PostgreSQL,
// indexer and gateway: one buyer and three online providers on WebSockets; the buyer posts an RFQ and follows
// it; the providers hear it and quote over their sockets; the cheapest wins; the winner and the buyer each
// post their own signature of the award's agreement (202, then 201, then 200 for a repeat); the buyer funds it
// on chain with client.Escrow.Fund; the indexer shows it funded; the provider submits, the buyer completes,
// and GET /v1/agreements/{id} and both parties' streams show it completed, with the provider paid. The losers
// hear the close and get no agreement.
func TestMarketE2E(t *testing.T) {
	e := setup(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c, err := client.New(e.http.URL, client.WithDeployment(e.dep))
	if err != nil {
		t.Fatal(err)
	}
	domain := eip712.EscrowDomain(new(big.Int).SetUint64(e.dep.ChainID), e.dep.Contracts.AgentEscrow.Address)
	token := e.dep.Contracts.TestUSD.Address
	buyer := client.NewKeySigner(e.chain.Keys[5])

	// Three providers: online, subscribed to "invoice ocr" on their own WebSocket.
	var providers []*marketProvider
	for i, f := range []string{"01-vietnamese-invoice-ocr.json", "07-translation.json", "09-smart-contract-audit.json"} {
		a := e.agentByFile(t, f)
		p := &marketProvider{agent: a, wallet: client.NewKeySigner(a.Wallet), price: []int64{900, 700, 800}[i]}
		hb := eip712.Heartbeat{AgentID: a.AgentID, Status: eip712.HeartbeatOnline, Price: big.NewInt(p.price), Token: token,
			P95LatencyMs: 100, Capacity: 4, ExpiresAt: uint64(time.Now().Add(10 * time.Minute).Unix()), Nonce: big.NewInt(time.Now().UnixNano())}
		if res, err := c.PostHeartbeat(ctx, p.wallet, hb); err != nil || res.Status != "online" {
			t.Fatalf("heartbeat of %s: %+v, %v", f, res, err)
		}
		if p.stream, err = c.Subscribe(ctx, client.Subscription{Capabilities: []string{"invoice ocr"}, AgentID: a.AgentID.String()}); err != nil {
			t.Fatalf("subscribe %s: %v", f, err)
		}
		t.Cleanup(func() { p.stream.Close() })
		nextEvent(t, p.stream, "subscribed", func(ev client.Event) bool { return ev.Type == client.EventSubscribed })
		providers = append(providers, p)
	}
	winner, losers := providers[1], []*marketProvider{providers[0], providers[2]}

	// The buyer follows its RFQ from before posting it: its id is its digest.
	now := time.Now()
	rfq := eip712.RFQ{Buyer: buyer.Address(), Capability: "Invoice OCR, Vietnamese", InputSpecHash: crypto.Keccak256Hash([]byte("40 invoices")),
		Token: token, MaxPrice: big.NewInt(1000), DeliveryDeadline: uint64(now.Add(time.Hour).Unix()), QuoteWindowMs: 1500,
		Auction: eip712.AuctionFirstPrice, ReviewWindow: 3600, Nonce: big.NewInt(now.UnixNano()), Expiry: uint64(now.Add(10 * time.Minute).Unix())}
	rfqID, err := c.RFQID(ctx, rfq)
	if err != nil {
		t.Fatal(err)
	}
	buyerStream, err := c.Subscribe(ctx, client.Subscription{RFQs: []common.Hash{rfqID}})
	if err != nil {
		t.Fatal(err)
	}
	defer buyerStream.Close()
	nextEvent(t, buyerStream, "subscribed", func(ev client.Event) bool { return ev.Type == client.EventSubscribed })
	posted, err := c.PostRFQ(ctx, buyer, rfq)
	if err != nil || posted.ID != rfqID.Hex() || posted.Status != client.RFQOpen {
		t.Fatalf("PostRFQ: %+v, %v", posted, err)
	}
	if shown, err := posted.Signed(domain); err != nil || shown.Nonce.Cmp(rfq.Nonce) != 0 {
		t.Fatalf("the RFQ shown is not the RFQ signed: %v", err)
	}

	// Each provider hears the RFQ, checks what the buyer signed and quotes on its socket.
	for _, p := range providers {
		ev := nextEvent(t, p.stream, "the RFQ", func(ev client.Event) bool { return ev.Type == client.EventRFQ })
		heard, id, err := ev.SignedRFQ(domain)
		if err != nil || id != rfqID || heard.Nonce.Cmp(rfq.Nonce) != 0 || heard.Buyer != buyer.Address() {
			t.Fatalf("agent %s heard %+v (%v)", p.agent.AgentID, ev.RFQ, err)
		}
		p.quote = eip712.Quote{RFQID: id, ProviderAgentID: p.agent.AgentID, Price: big.NewInt(p.price),
			DeliveryDeadline: uint64(time.Now().Add(30 * time.Minute).Unix()), SLAHash: crypto.Keccak256Hash([]byte("sla")),
			Nonce: big.NewInt(time.Now().UnixNano()), ValidUntil: uint64(time.Now().Add(5 * time.Minute).Unix())}
		acc, err := p.stream.Quote(ctx, p.wallet, p.quote)
		if err != nil || acc.RFQID != rfqID.Hex() || acc.ProviderAgentID != p.agent.AgentID.String() {
			t.Fatalf("quote of agent %s: %+v, %v", p.agent.AgentID, acc, err)
		}
		p.quote.Provider = p.wallet.Address()
	}
	// A replayed quote is refused on the socket, as a *client.Problem.
	if _, err := winner.stream.Quote(ctx, winner.wallet, winner.quote); !client.IsProblem(err, gateway.CodeNonceUsed) {
		t.Fatalf("replayed quote: %v, want problem %s", err, gateway.CodeNonceUsed)
	}

	// The buyer hears the quotes counted, then the award to the cheapest.
	quotes := 0
	closed := nextEvent(t, buyerStream, "the close", func(ev client.Event) bool {
		if ev.Type == client.EventQuote && ev.RFQID == rfqID.Hex() {
			quotes = max(quotes, ev.Quotes)
		}
		return ev.Type == client.EventClosed && ev.RFQ != nil && ev.RFQ.ID == rfqID.Hex()
	})
	award := closed.RFQ.Award
	if quotes != 3 || closed.RFQ.Status != client.RFQAwarded || award == nil || award.ProviderAgentID != winner.agent.AgentID.String() ||
		award.Price != "700" || award.Paid != "700" || len(closed.RFQ.Ranked) != 3 {
		t.Fatalf("buyer heard %d quotes and the close %+v, want agent %s awarded at 700", quotes, closed.RFQ, winner.agent.AgentID)
	}
	_, agreement, err := client.ParseAgreement(award.Agreement)
	if err != nil {
		t.Fatal(err)
	}
	if err := client.CheckAward(rfq, rfqID, agreement); err != nil {
		t.Fatalf("the award's agreement: %v", err)
	}
	agreementID, _ := eip712.Digest(domain, agreement)

	// Every provider hears the close; only the winner finds itself awarded.
	for _, p := range providers {
		ev := nextEvent(t, p.stream, "the close", func(ev client.Event) bool { return ev.Type == client.EventClosed })
		if ev.RFQ == nil || ev.RFQ.ID != rfqID.Hex() || ev.RFQ.Award == nil || ev.RFQ.Award.ProviderAgentID != winner.agent.AgentID.String() {
			t.Fatalf("agent %s heard the close %+v", p.agent.AgentID, ev.RFQ)
		}
	}
	if err := client.CheckWin(winner.quote, agreement); err != nil {
		t.Fatalf("the winner checks its award: %v", err)
	}
	for _, l := range losers {
		if err := client.CheckWin(l.quote, agreement); !errors.Is(err, client.ErrAgreementMismatch) {
			t.Fatalf("a loser's check of the award: %v", err)
		}
		// A loser cannot sign in the winner's place.
		sig, err := client.Sign(ctx, l.wallet, domain, agreement)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.PostAgreement(ctx, award.Agreement, nil, sig); !client.IsProblem(err, gateway.CodeSignerMismatch) {
			t.Fatalf("a loser's provider signature: %v, want %s", err, gateway.CodeSignerMismatch)
		}
	}

	// The winner signs first: the agreement waits for the buyer (202, awarded).
	view, err := c.PostAgreementSignature(ctx, winner.wallet, award.Agreement)
	if err != nil || view.ID != agreementID.Hex() || view.State != client.AgreementAwarded || view.ProviderSignature == nil ||
		view.ClientSignature != nil || view.RFQID == nil || *view.RFQID != rfqID.Hex() {
		t.Fatalf("the winner's signature: %+v, %v", view, err)
	}
	// The buyer's signature completes it (201, signed); the same again is 200.
	_, clientSig, role, err := c.SignAgreement(ctx, buyer, award.Agreement)
	if err != nil || role != client.RoleClient {
		t.Fatalf("SignAgreement: %s %v", role, err)
	}
	body := map[string]any{"typedData": award.Agreement, "clientSignature": hexutil.Encode(clientSig)}
	if r := e.post("/v1/agreements", body); r.Status != http.StatusCreated {
		t.Fatalf("the buyer's signature: %d %s", r.Status, r.Body)
	}
	if r := e.post("/v1/agreements", body); r.Status != http.StatusOK {
		t.Fatalf("the buyer's signature again: %d %s", r.Status, r.Body)
	}
	signedView, err := c.GetAgreement(ctx, agreementID)
	if err != nil || signedView.State != client.AgreementSigned {
		t.Fatalf("the signed agreement: %+v, %v", signedView, err)
	}
	cs, ps, err := signedView.Signatures()
	if err != nil || !bytesEqual(cs, clientSig) || len(ps) != 65 {
		t.Fatalf("stored signatures %x %x (%v)", cs, ps, err)
	}

	// The buyer funds the job on chain; the indexer shows it funded.
	if err := deployment.MintTestUSD(ctx, e.chain.Client, e.chain.Keys[0], token, []common.Address{buyer.Address()},
		agreement.Price, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	escrow, err := client.NewEscrow(ctx, e.chain.Client, e.dep, 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := escrow.Fund(ctx, winner.wallet, agreement, cs, ps); err == nil {
		t.Fatal("the provider funded the buyer's agreement")
	}
	funded, err := escrow.Fund(ctx, buyer, agreement, cs, ps)
	if err != nil {
		t.Fatalf("Fund: %v", err)
	}
	if funded.AgreementHash != agreementID || funded.JobID == nil || funded.ApproveTx == (common.Hash{}) {
		t.Fatalf("funded %+v, want agreement %s", funded, agreementID.Hex())
	}
	if job, err := escrow.JobByAgreement(ctx, agreementID); err != nil || job.Cmp(funded.JobID) != 0 {
		t.Fatalf("JobByAgreement: %v, %v; want %s", job, err, funded.JobID)
	}
	paidBefore := tusdBalance(t, ctx, e, winner.wallet.Address())
	step := func(state string) {
		t.Helper()
		e.waitFor("agreement "+state, func() bool {
			v, err := c.GetAgreement(ctx, agreementID)
			if err != nil {
				t.Fatalf("GetAgreement: %v", err)
			}
			return v.State == state
		})
		for name, s := range map[string]*client.Stream{"buyer": buyerStream, "winner": winner.stream} {
			ev := nextEvent(t, s, "agreement "+state, agreementEvent(agreementID.Hex(), state))
			if ev.Agreement.JobID == nil || *ev.Agreement.JobID != funded.JobID.String() {
				t.Fatalf("%s heard %+v, want job %s", name, ev.Agreement, funded.JobID)
			}
		}
	}
	step(client.AgreementFunded)

	// The provider delivers; the buyer accepts.
	if _, err := escrow.Submit(ctx, winner.wallet, funded.JobID, crypto.Keccak256Hash([]byte("40 invoices, read"))); err != nil {
		t.Fatalf("Submit: %v", err)
	}
	step(client.AgreementSubmitted)
	if _, _, err := escrow.Settle(ctx, losers[0].wallet, funded.JobID, common.Hash{}); err == nil {
		t.Fatal("a stranger released the job inside its review window")
	}
	method, _, err := escrow.Settle(ctx, buyer, funded.JobID, crypto.Keccak256Hash([]byte("good")))
	if err != nil || method != client.SettleComplete {
		t.Fatalf("Settle: %s, %v", method, err)
	}
	step(client.AgreementCompleted)

	// The gateway shows it completed (checked against the OpenAPI document); the chain paid the provider.
	r := e.get("/v1/agreements/" + agreementID.Hex())
	var final client.Agreement
	r.decode(t, &final)
	if r.Status != http.StatusOK || final.State != client.AgreementCompleted || final.JobID == nil || *final.JobID != funded.JobID.String() ||
		final.ClientSignature == nil || final.ProviderSignature == nil || final.Price != "700" {
		t.Fatalf("final agreement: %d %s", r.Status, r.Body)
	}
	if job, err := escrow.Job(ctx, funded.JobID); err != nil || job.Status != client.JobCompleted {
		t.Fatalf("job on chain: %+v, %v", job, err)
	}
	if got := new(big.Int).Sub(tusdBalance(t, ctx, e, winner.wallet.Address()), paidBefore); got.Cmp(agreement.Price) != 0 {
		t.Fatalf("the provider was paid %s, want %s", got, agreement.Price)
	}

	// The losers heard the close and nothing of the agreement: none names them, and their streams are quiet.
	for _, l := range losers {
		if n := e.count(`SELECT count(*) FROM agreements WHERE provider = $1`, l.wallet.Address().Bytes()); n != 0 {
			t.Fatalf("agent %s has %d agreements", l.agent.AgentID, n)
		}
		qctx, qcancel := context.WithTimeout(ctx, 300*time.Millisecond)
		ev, err := l.stream.Next(qctx)
		qcancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("loser %s heard %+v (%v)", l.agent.AgentID, ev, err)
		}
	}
	// Done with it, the buyer stops following the RFQ (a stream follows at most 50).
	if err := buyerStream.Unfollow(ctx, rfqID); err != nil {
		t.Fatalf("unfollow: %v", err)
	}
}

// TestMarketE2E_SignaturesAndWeights runs a gateway that weighs latency against price.
//
// The winner and the buyer usually sign the moment the award is out. Their two first signatures, posted at
// the same instant, must both be taken (one 202, one 201), never a 503: no client should need to retry.
//
// With --auction-latency-bps 5000 and a 1,000 ms cap, a provider with a live p95 of 1,000 ms pays a 50%
// surcharge in the ranking, so a dearer but fast provider wins (and is paid its own price).
func TestMarketE2E_SignaturesAndWeights(t *testing.T) {
	e := setup(t, func(c *gateway.Config) { c.AuctionWeights = auction.Weights{LatencyBps: 5000, LatencyCapMs: 1000} })
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := client.New(e.http.URL, client.WithDeployment(e.dep))
	if err != nil {
		t.Fatal(err)
	}
	domain := eip712.EscrowDomain(new(big.Int).SetUint64(e.dep.ChainID), e.dep.Contracts.AgentEscrow.Address)
	a := e.agentByFile(t, "01-vietnamese-invoice-ocr.json")
	wallet, buyer := client.NewKeySigner(a.Wallet), client.NewKeySigner(e.chain.Keys[5])
	hb := eip712.Heartbeat{AgentID: a.AgentID, Status: eip712.HeartbeatOnline, Price: big.NewInt(1), P95LatencyMs: 100, Capacity: 4,
		ExpiresAt: uint64(time.Now().Add(10 * time.Minute).Unix()), Nonce: big.NewInt(time.Now().UnixNano())}
	if _, err := c.PostHeartbeat(ctx, wallet, hb); err != nil {
		t.Fatal(err)
	}
	for round := range 5 {
		now := time.Now()
		rfq := eip712.RFQ{Buyer: buyer.Address(), Capability: "ocr", Token: e.dep.Contracts.TestUSD.Address, MaxPrice: big.NewInt(100),
			DeliveryDeadline: uint64(now.Add(time.Hour).Unix()), QuoteWindowMs: 1500, Nonce: big.NewInt(now.UnixNano()),
			Expiry: uint64(now.Add(10 * time.Minute).Unix())}
		posted, err := c.PostRFQ(ctx, buyer, rfq)
		if err != nil {
			t.Fatal(err)
		}
		id := common.HexToHash(posted.ID)
		if _, err := c.PostQuote(ctx, wallet, eip712.Quote{RFQID: id, ProviderAgentID: a.AgentID, Price: big.NewInt(50),
			DeliveryDeadline: rfq.DeliveryDeadline, Nonce: big.NewInt(now.UnixNano()), ValidUntil: rfq.Expiry}); err != nil {
			t.Fatal(err)
		}
		v := e.awaitClose(t, posted.ID)
		if v.Award == nil {
			t.Fatalf("round %d: %+v", round, v)
		}
		_, ag, err := client.ParseAgreement(v.Award.Agreement)
		if err != nil {
			t.Fatal(err)
		}
		bodies := make([]map[string]any, 2)
		for i, s := range []client.Signer{buyer, wallet} {
			sig, err := client.Sign(ctx, s, domain, ag)
			if err != nil {
				t.Fatal(err)
			}
			field := []string{"clientSignature", "providerSignature"}[i]
			bodies[i] = map[string]any{"typedData": v.Award.Agreement, field: hexutil.Encode(sig)}
		}
		statuses := make(chan int, 2)
		start := make(chan struct{})
		for _, body := range bodies {
			go func() {
				b, _ := json.Marshal(body)
				<-start
				res, err := http.Post(e.http.URL+"/v1/agreements", "application/json", bytes.NewReader(b))
				if err != nil {
					statuses <- 0
					return
				}
				res.Body.Close()
				statuses <- res.StatusCode
			}()
		}
		close(start)
		got := []int{<-statuses, <-statuses}
		slices.Sort(got)
		if got[0] != http.StatusCreated || got[1] != http.StatusAccepted {
			t.Fatalf("round %d: two first signatures at once answered %v, want 201 and 202", round, got)
		}
	}

	// Weights: a (p95 100 ms, live from its heartbeat) at 100 against a slow provider (p95 1,000 ms) at 90.
	slow := e.agentByFile(t, "07-translation.json")
	slowWallet := client.NewKeySigner(slow.Wallet)
	hb.AgentID, hb.P95LatencyMs, hb.Nonce = slow.AgentID, 1000, big.NewInt(time.Now().UnixNano())
	if _, err := c.PostHeartbeat(ctx, slowWallet, hb); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	posted, err := c.PostRFQ(ctx, buyer, eip712.RFQ{Buyer: buyer.Address(), Capability: "ocr", Token: e.dep.Contracts.TestUSD.Address,
		MaxPrice: big.NewInt(1000), DeliveryDeadline: uint64(now.Add(time.Hour).Unix()), QuoteWindowMs: 2000,
		Nonce: big.NewInt(now.UnixNano()), Expiry: uint64(now.Add(10 * time.Minute).Unix())})
	if err != nil {
		t.Fatal(err)
	}
	for _, bid := range []struct {
		agent  seed.Agent
		signer client.Signer
		price  int64
	}{{a, wallet, 100}, {slow, slowWallet, 90}} {
		q := eip712.Quote{RFQID: common.HexToHash(posted.ID), ProviderAgentID: bid.agent.AgentID, Provider: bid.signer.Address(),
			Price: big.NewInt(bid.price), DeliveryDeadline: uint64(now.Add(30 * time.Minute).Unix()), Nonce: big.NewInt(now.UnixNano() + bid.price),
			ValidUntil: uint64(now.Add(5 * time.Minute).Unix())}
		if _, err := c.PostQuote(ctx, bid.signer, q); err != nil {
			t.Fatalf("quote %d: %v", bid.price, err)
		}
	}
	v := e.awaitClose(t, posted.ID)
	if v.Award == nil || v.Award.ProviderAgentID != a.AgentID.String() || v.Award.Paid != "100" || len(v.Ranked) != 2 ||
		v.Ranked[1].ProviderAgentID != slow.AgentID.String() {
		t.Fatalf("award %+v ranked %+v, want the fast provider %s at 100 ahead of the slow one at 90", v.Award, v.Ranked, a.AgentID)
	}
}

func tusdBalance(t *testing.T, ctx context.Context, e *env, who common.Address) *big.Int {
	t.Helper()
	tusd := bindings.NewTestUSD()
	b, err := bind.Call(tusd.Instance(e.chain.Client, e.dep.Contracts.TestUSD.Address), &bind.CallOpts{Context: ctx},
		tusd.PackBalanceOf(who), tusd.UnpackBalanceOf)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func bytesEqual(a, b []byte) bool { return hexutil.Encode(a) == hexutil.Encode(b) }
