package gateway_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/gateway"
	"github.com/agoralabs/agora/seed"
)

// rfqResult is the body of GET /v1/rfqs/{id}.
type rfqResult struct {
	ID       string `json:"id"`
	Status   string `json:"status"`
	Auction  string `json:"auction"`
	Quotes   int    `json:"quotes"`
	ClosesAt string `json:"closesAt"`
	Award    *struct {
		QuoteID         string          `json:"quoteId"`
		ProviderAgentID string          `json:"providerAgentId"`
		Price           string          `json:"price"`
		Paid            string          `json:"paid"`
		AgreementID     string          `json:"agreementId"`
		SignBy          time.Time       `json:"signBy"`
		Agreement       json.RawMessage `json:"agreement"`
	} `json:"award"`
	Ranked []struct {
		ID              string `json:"id"`
		ProviderAgentID string `json:"providerAgentId"`
		Price           string `json:"price"`
		Demoted         bool   `json:"demoted"`
	} `json:"ranked"`
	Refused []struct {
		QuoteID string `json:"quoteId"`
		Reason  string `json:"reason"`
	} `json:"refused"`
}

// awaitClose polls the RFQ until its window has been decided.
func (e *env) awaitClose(t *testing.T, id string) rfqResult {
	t.Helper()
	var v rfqResult
	e.waitFor("RFQ "+id+" to close", func() bool {
		r := e.get("/v1/rfqs/" + id)
		if r.Status != 200 {
			t.Fatalf("GET rfq: %d %s", r.Status, r.Body)
		}
		r.decode(t, &v)
		return v.Status != "open"
	})
	// Every quote the gateway took was taken within the window, so the auction never finds one after it
	// (at_ms is rounded down, as the auction's comparison needs).
	if n := e.count(`SELECT count(*) FROM quotes q JOIN rfqs r ON r.id = q.rfq_id WHERE r.id = $1 AND q.at_ms > r.quote_window_ms`,
		common.HexToHash(id).Bytes()); n != 0 {
		t.Fatalf("RFQ %s: %d accepted quotes stamped after the window", id, n)
	}
	return v
}

func TestGateway_RFQ(t *testing.T) {
	e := setup(t)
	chainID := new(big.Int).SetUint64(e.dep.ChainID)
	market := eip712.EscrowDomain(chainID, e.dep.Contracts.AgentEscrow.Address)
	beats := eip712.GatewayDomain(chainID, e.dep.Contracts.IdentityRegistry.Address)
	buyer := e.chain.Keys[5]
	token := e.dep.Contracts.TestUSD.Address

	// Three providers online, one registered but without a heartbeat.
	var providers []seed.Agent
	for _, f := range []string{"01-vietnamese-invoice-ocr.json", "07-translation.json", "09-smart-contract-audit.json"} {
		a := e.agentByFile(t, f)
		hb := eip712.Heartbeat{AgentID: a.AgentID, Status: eip712.HeartbeatOnline, Price: big.NewInt(1), Token: token,
			P95LatencyMs: 100, Capacity: 4, ExpiresAt: uint64(time.Now().Add(10 * time.Minute).Unix()), Nonce: big.NewInt(time.Now().UnixNano())}
		if r := e.post("/v1/heartbeats", heartbeat(t, beats, hb, a.Wallet)); r.Status != 200 {
			t.Fatalf("heartbeat of %s: %d %s", f, r.Status, r.Body)
		}
		providers = append(providers, a)
	}
	offline := e.agentByFile(t, "05-kyc-identity-verification.json")

	nonce := time.Now().UnixNano()
	newRFQ := func(rule uint8, window uint32) eip712.RFQ {
		nonce++
		now := time.Now()
		return eip712.RFQ{Buyer: addressOf(buyer), Capability: "invoice ocr", InputSpecHash: crypto.Keccak256Hash([]byte("40 invoices")),
			Token: token, MaxPrice: big.NewInt(1000), DeliveryDeadline: uint64(now.Add(time.Hour).Unix()), QuoteWindowMs: window,
			Auction: rule, Validator: common.Address{}, ReviewWindow: 3600, Nonce: big.NewInt(nonce),
			Expiry: uint64(now.Add(10 * time.Minute).Unix())}
	}
	postRFQ := func(t *testing.T, r eip712.RFQ) (string, common.Hash) {
		t.Helper()
		res := e.post("/v1/rfqs", signed(t, market, r, buyer, nil))
		if res.Status != http.StatusCreated {
			t.Fatalf("POST /v1/rfqs: %d %s", res.Status, res.Body)
		}
		var v rfqResult
		res.decode(t, &v)
		digest, _ := eip712.Digest(market, r)
		if v.ID != digest.Hex() || v.Status != "open" {
			t.Fatalf("RFQ %+v, want open with id %s", v, digest.Hex())
		}
		return v.ID, digest
	}
	quote := func(rfq common.Hash, a seed.Agent, price int64) eip712.Quote {
		nonce++
		return eip712.Quote{RFQID: rfq, ProviderAgentID: a.AgentID, Provider: addressOf(a.Wallet), Price: big.NewInt(price),
			DeliveryDeadline: uint64(time.Now().Add(30 * time.Minute).Unix()), SLAHash: crypto.Keccak256Hash([]byte("sla")),
			Nonce: big.NewInt(nonce), ValidUntil: uint64(time.Now().Add(5 * time.Minute).Unix())}
	}
	postQuote := func(t *testing.T, id string, q eip712.Quote, key *ecdsa.PrivateKey) response {
		t.Helper()
		return e.post("/v1/rfqs/"+id+"/quotes", signed(t, market, q, key, nil))
	}

	t.Run("FirstPrice", func(t *testing.T) {
		e := e.with(t)
		r := newRFQ(eip712.AuctionFirstPrice, 1500)
		id, digest := postRFQ(t, r)
		for i, price := range []int64{900, 700, 800} {
			if r := postQuote(t, id, quote(digest, providers[i], price), providers[i].Wallet); r.Status != http.StatusCreated {
				t.Fatalf("quote %d: %d %s", price, r.Status, r.Body)
			}
		}
		// Refusals change nothing.
		postQuote(t, id, quote(digest, providers[0], 1001), providers[0].Wallet).problem(t, 422, gateway.CodeAboveMaxPrice)
		postQuote(t, id, quote(digest, offline, 100), offline.Wallet).problem(t, 409, gateway.CodeProviderOffline)
		postQuote(t, id, quote(digest, providers[1], 100), providers[0].Wallet).problem(t, 403, gateway.CodeSignerMismatch)
		q := quote(digest, providers[2], 650)
		q.ProviderAgentID = providers[1].AgentID // claims another agent
		postQuote(t, id, q, providers[2].Wallet).problem(t, 403, gateway.CodeSignerMismatch)
		replay := quote(digest, providers[1], 600)
		if r := postQuote(t, id, replay, providers[1].Wallet); r.Status != http.StatusCreated {
			t.Fatalf("second quote of a provider: %d %s", r.Status, r.Body)
		}
		postQuote(t, id, replay, providers[1].Wallet).problem(t, 409, gateway.CodeNonceUsed)
		wrongChain := eip712.EscrowDomain(big.NewInt(1), e.dep.Contracts.AgentEscrow.Address)
		e.post("/v1/rfqs/"+id+"/quotes", signed(t, wrongChain, quote(digest, providers[0], 500), providers[0].Wallet, nil)).
			problem(t, 400, gateway.CodeWrongChain)
		if v := e.get("/v1/rfqs/" + id); v.Status != 200 {
			t.Fatalf("GET open rfq: %d", v.Status)
		} else {
			var open rfqResult
			v.decode(t, &open)
			if open.Quotes != 4 || len(open.Ranked) != 0 || open.Award != nil {
				t.Fatalf("open RFQ shows %+v, want 4 sealed quotes", open)
			}
		}

		v := e.awaitClose(t, id)
		if v.Status != "awarded" || v.Award == nil {
			t.Fatalf("closed RFQ %+v, want awarded", v)
		}
		// Provider 1's later quote (600) replaced its first (700): it wins at its own price.
		if v.Award.ProviderAgentID != providers[1].AgentID.String() || v.Award.Price != "600" || v.Award.Paid != "600" {
			t.Fatalf("award %+v, want agent %s at 600", *v.Award, providers[1].AgentID)
		}
		var prices []string
		for _, q := range v.Ranked {
			prices = append(prices, q.Price)
		}
		if len(prices) != 3 || prices[0] != "600" || prices[1] != "800" || prices[2] != "900" {
			t.Fatalf("ranked prices %v, want [600 800 900]", prices)
		}
		if len(v.Refused) != 1 || v.Refused[0].Reason != "duplicate_provider" {
			t.Fatalf("refused %+v, want provider 1's replaced quote", v.Refused)
		}
		postQuote(t, id, quote(digest, providers[2], 500), providers[2].Wallet).problem(t, 409, gateway.CodeQuoteLate)

		// expiredAt is the RFQ's delivery deadline plus the late grace (a day by default).
		if _, m, err := eip712.ParseTypedData(v.Award.Agreement); err != nil ||
			m.(eip712.ServiceAgreement).ExpiredAt != r.DeliveryDeadline+uint64(gateway.DefaultLateGrace/time.Second) {
			t.Fatalf("award agreement %+v (%v): expiredAt, want the deadline %d plus a day", m, err, r.DeliveryDeadline)
		}
		// The award's agreement is one the real escrow accepts: both sign it and the job is funded on chain.
		if digest := testAwardFundsOnChain(t, e, v.Award.Agreement, buyer, providers[1].Wallet); digest.Hex() != v.Award.AgreementID {
			t.Fatalf("award.agreementId %s, want the agreement's digest %s", v.Award.AgreementID, digest.Hex())
		}
	})

	t.Run("SecondPrice", func(t *testing.T) {
		e := e.with(t)
		id, digest := postRFQ(t, newRFQ(eip712.AuctionSecondPrice, 1500))
		for i, price := range []int64{700, 850} {
			if r := postQuote(t, id, quote(digest, providers[i], price), providers[i].Wallet); r.Status != http.StatusCreated {
				t.Fatalf("quote %d: %d %s", price, r.Status, r.Body)
			}
		}
		v := e.awaitClose(t, id)
		if v.Award == nil || v.Award.ProviderAgentID != providers[0].AgentID.String() || v.Award.Price != "700" || v.Award.Paid != "850" {
			t.Fatalf("award %+v, want agent %s bidding 700 and paid the second price 850", v.Award, providers[0].AgentID)
		}
	})

	// The close commits asynchronously because deciding again gives the same result: a lost close (the
	// RFQ open again with its quotes) is decided again by the sweep to the same award and agreement.
	t.Run("CloseDecidedAgain", func(t *testing.T) {
		e := e.with(t)
		id, digest := postRFQ(t, newRFQ(eip712.AuctionSecondPrice, 1500))
		for i, price := range []int64{640, 610, 700} {
			if r := postQuote(t, id, quote(digest, providers[i], price), providers[i].Wallet); r.Status != http.StatusCreated {
				t.Fatalf("quote %d: %d %s", price, r.Status, r.Body)
			}
		}
		first := e.awaitClose(t, id)
		if _, err := e.db.Exec(context.Background(), `UPDATE rfqs SET status = 'open', closed_at = NULL, winner_quote = NULL,
			paid = NULL, refusals = '[]', ranked = '{}', sign_by = NULL, agreement_id = NULL WHERE id = $1`, digest.Bytes()); err != nil {
			t.Fatal(err)
		}
		again := e.awaitClose(t, id)
		if first.Award == nil || again.Award == nil || again.Award.AgreementID != first.Award.AgreementID ||
			again.Award.QuoteID != first.Award.QuoteID || again.Award.Paid != first.Award.Paid || !again.Award.SignBy.Equal(first.Award.SignBy) ||
			string(again.Award.Agreement) != string(first.Award.Agreement) {
			t.Fatalf("decided again to %+v, first %+v", again.Award, first.Award)
		}
	})

	t.Run("NoBids", func(t *testing.T) {
		e := e.with(t)
		id, _ := postRFQ(t, newRFQ(eip712.AuctionFirstPrice, 100))
		if v := e.awaitClose(t, id); v.Status != "no_bids" || v.Award != nil {
			t.Fatalf("RFQ without quotes: %+v", v)
		}
	})

	t.Run("MarketStats", func(t *testing.T) {
		e := e.with(t)
		var st struct {
			Minutes []struct {
				RFQs, Awarded int
				VolumeByToken map[string]string
			} `json:"minutes"`
			Prices []struct {
				Auction, Paid, Token string
			} `json:"prices"`
		}
		e.get("/v1/market/stats?minutes=30").decode(t, &st)
		rfqs, awarded := 0, 0
		for _, m := range st.Minutes {
			rfqs, awarded = rfqs+m.RFQs, awarded+m.Awarded
		}
		if rfqs < 2 || awarded < 2 {
			t.Fatalf("%d RFQs, %d awarded in the stats; the first and second price auctions above were awarded", rfqs, awarded)
		}
		seen := map[string]bool{}
		for _, p := range st.Prices {
			seen[p.Auction+" "+p.Paid] = true
			if !strings.EqualFold(p.Token, token.Hex()) {
				t.Errorf("price in token %s", p.Token)
			}
		}
		if !seen["first_price 600"] || !seen["second_price 850"] {
			t.Fatalf("clearing prices %+v lack the first price award at 600 and the second price one at 850", st.Prices)
		}
		e.get("/v1/market/stats?minutes=0").problem(t, 400, gateway.CodeInvalidQuery)
		e.get("/v1/market/stats?minutes=1441").problem(t, 400, gateway.CodeInvalidQuery)
		e.get("/v1/market/stats?since=1").problem(t, 400, gateway.CodeInvalidQuery)
	})

	t.Run("Streams", func(t *testing.T) {
		testStreams(t, e.with(t), newRFQ(eip712.AuctionFirstPrice, 1500), func(r eip712.RFQ) (eip712.Quote, map[string]any) {
			digest, _ := eip712.Digest(market, r)
			q := quote(digest, providers[0], 500)
			return q, signed(t, market, q, providers[0].Wallet, nil)
		}, providers[0].Wallet)
	})

	t.Run("RFQRefusals", func(t *testing.T) {
		e := e.with(t)
		r := newRFQ(eip712.AuctionFirstPrice, 500)
		postRFQ(t, r)
		rfqs, nonces := e.count(`SELECT count(*) FROM rfqs`), e.count(`SELECT count(*) FROM spent_nonces`)
		defer func() { // every refusal below stored nothing and spent no nonce
			if n, m := e.count(`SELECT count(*) FROM rfqs`), e.count(`SELECT count(*) FROM spent_nonces`); n != rfqs || m != nonces {
				t.Errorf("refused RFQs stored: %d RFQs (was %d), %d nonces (was %d)", n, rfqs, m, nonces)
			}
		}()
		e.post("/v1/rfqs", signed(t, market, r, buyer, nil)).problem(t, 409, gateway.CodeNonceUsed) // replay
		e.post("/v1/rfqs", signed(t, market, newRFQ(eip712.AuctionFirstPrice, 500), e.chain.Keys[6], nil)).
			problem(t, 403, gateway.CodeSignerMismatch)
		expired := newRFQ(eip712.AuctionFirstPrice, 500)
		expired.Expiry = uint64(time.Now().Add(-time.Second).Unix())
		e.post("/v1/rfqs", signed(t, market, expired, buyer, nil)).problem(t, 400, gateway.CodeExpired)
		noArbiter := newRFQ(eip712.AuctionFirstPrice, 500)
		noArbiter.Validator, noArbiter.ValidationThreshold = addressOf(e.chain.Keys[7]), 80
		e.post("/v1/rfqs", signed(t, market, noArbiter, buyer, nil)).problem(t, 400, gateway.CodeInvalidBody)
		long := newRFQ(eip712.AuctionFirstPrice, 120_000)
		e.post("/v1/rfqs", signed(t, market, long, buyer, nil)).problem(t, 400, gateway.CodeInvalidBody)
		e.post("/v1/rfqs", signed(t, eip712.EscrowDomain(chainID, e.dep.Contracts.IdentityRegistry.Address),
			newRFQ(eip712.AuctionFirstPrice, 500), buyer, nil)).problem(t, 400, gateway.CodeWrongContract)
		e.post("/v1/rfqs", signed(t, eip712.EscrowDomain(big.NewInt(10), e.dep.Contracts.AgentEscrow.Address),
			newRFQ(eip712.AuctionFirstPrice, 500), buyer, nil)).problem(t, 400, gateway.CodeWrongChain)
		hb := eip712.Heartbeat{AgentID: big.NewInt(1), Price: big.NewInt(1), Nonce: big.NewInt(1), ExpiresAt: 1}
		e.post("/v1/rfqs", signed(t, beats, hb, buyer, nil)).problem(t, 400, gateway.CodeInvalidBody)
		e.get("/v1/rfqs/0x1234").problem(t, 400, gateway.CodeInvalidID)
		e.get("/v1/rfqs/"+common.Hash{1}.Hex()).problem(t, 404, gateway.CodeRFQNotFound)
		e.post("/v1/rfqs/"+common.Hash{1}.Hex()+"/quotes", signed(t, market, quote(common.Hash{1}, providers[0], 5), providers[0].Wallet, nil)).
			problem(t, 404, gateway.CodeRFQNotFound)
	})

	// Last: the penalty it gives lasts an hour. A winner that does not sign its award's agreement before it
	// expires ranks after every other bidder in the next auctions; one that signed is not penalised.
	t.Run("NoSignPenalty", func(t *testing.T) {
		e := e.with(t)
		award := func(prices map[int]int64) (string, rfqResult) {
			t.Helper()
			id, digest := postRFQ(t, newRFQ(eip712.AuctionFirstPrice, 1500))
			for i, price := range prices {
				if r := postQuote(t, id, quote(digest, providers[i], price), providers[i].Wallet); r.Status != http.StatusCreated {
					t.Fatalf("quote %d: %d %s", price, r.Status, r.Body)
				}
			}
			return id, e.awaitClose(t, id)
		}
		// The signing window ends: the test moves the award's sign_by into the past instead of waiting
		// the configured 15 minutes; the gateway's sweep does the rest.
		expire := func(id string) {
			t.Helper()
			if _, err := e.db.Exec(context.Background(), `UPDATE rfqs SET sign_by = now() - interval '1 second' WHERE id = $1`,
				common.HexToHash(id).Bytes()); err != nil {
				t.Fatal(err)
			}
			e.waitFor("the sweep to judge the award", func() bool {
				return e.count(`SELECT count(*) FROM rfqs WHERE id = $1 AND sign_checked`, common.HexToHash(id).Bytes()) == 1
			})
		}
		penalties := func(agent *big.Int) int64 {
			return e.count(`SELECT count(*) FROM provider_penalties WHERE agent_id = $1::text::numeric AND until > now()`, agent.String())
		}

		// Provider 2 wins and signs (its half only): no penalty.
		signedID, v := award(map[int]int64{2: 300, 1: 400})
		if v.Award == nil || v.Award.ProviderAgentID != providers[2].AgentID.String() {
			t.Fatalf("award %+v, want provider 2", v.Award)
		}
		d, m, err := eip712.ParseTypedData(v.Award.Agreement)
		if err != nil {
			t.Fatal(err)
		}
		sig, err := eip712.Sign(providers[2].Wallet, d, m)
		if err != nil {
			t.Fatal(err)
		}
		if r := e.post("/v1/agreements", map[string]any{"typedData": v.Award.Agreement, "providerSignature": hexutil.Encode(sig)}); r.Status != http.StatusAccepted {
			t.Fatalf("provider's signature: %d %s", r.Status, r.Body)
		}
		expire(signedID)
		if n := penalties(providers[2].AgentID); n != 0 {
			t.Fatalf("a winner that signed has %d penalties", n)
		}

		// Provider 0 wins and never signs: penalised. Market watchers on this gateway and on another copy
		// hear the penalty.
		watchers := map[string]*websocket.Conn{"this gateway's": e.dial(t, "watch=market"), "another copy's": dialAt(t, e.peer(t), "watch=market")}
		unsignedID, v := award(map[int]int64{0: 200, 1: 400})
		if v.Award == nil || v.Award.ProviderAgentID != providers[0].AgentID.String() {
			t.Fatalf("award %+v, want provider 0", v.Award)
		}
		expire(unsignedID)
		if n := penalties(providers[0].AgentID); n != 1 {
			t.Fatalf("the winner that did not sign has %d penalties, want 1", n)
		}
		for name, w := range watchers {
			ev := awaitEvent(t, w, "penalty", unsignedID, 15*time.Second)
			if ev.Penalty == nil || ev.Penalty.AgentID != providers[0].AgentID.String() || ev.Penalty.RFQID != unsignedID || !ev.Penalty.Until.After(time.Now()) {
				t.Fatalf("%s watcher heard the penalty %+v", name, ev.Penalty)
			}
		}

		// Next auction: provider 0 bids far lower and still ranks last; provider 1 wins.
		_, v = award(map[int]int64{0: 100, 1: 400, 2: 500})
		if v.Award == nil || v.Award.ProviderAgentID != providers[1].AgentID.String() || v.Award.Paid != "400" {
			t.Fatalf("award %+v, want provider 1 at 400 over the penalised provider 0", v.Award)
		}
		if len(v.Ranked) != 3 || v.Ranked[2].ProviderAgentID != providers[0].AgentID.String() || !v.Ranked[2].Demoted || v.Ranked[0].Demoted {
			t.Fatalf("ranked %+v, want provider 0 last and demoted", v.Ranked)
		}
		// Alone, a penalised provider still wins.
		_, v = award(map[int]int64{0: 100})
		if v.Award == nil || v.Award.ProviderAgentID != providers[0].AgentID.String() {
			t.Fatalf("award %+v, want the only bidder", v.Award)
		}
	})

	// Last: every decision above is in the audit log, which verifies.
	t.Run("Audit", func(t *testing.T) {
		e := e.with(t)
		testAudit(t, e, func(traceparent string) string {
			b, err := json.Marshal(signed(t, market, newRFQ(eip712.AuctionFirstPrice, 300), buyer, nil))
			if err != nil {
				t.Fatal(err)
			}
			res := e.do(http.MethodPost, "/v1/rfqs", "application/json", b, http.Header{"Traceparent": {traceparent}})
			if res.Status != http.StatusCreated {
				t.Fatalf("POST /v1/rfqs: %d %s", res.Status, res.Body)
			}
			var v rfqResult
			res.decode(t, &v)
			return v.ID
		})
		testAuditReaders(t, e, buyer, providers[0])
	})
}

// testAwardFundsOnChain signs an award's ServiceAgreement by the buyer and the provider and sends
// createJobFromAgreement to the deployed escrow: the job must be created and funded with the agreed price.
// Each party posts its own signature: the first leaves the agreement awarded, the second makes it signed. It
// returns the agreement's digest.
func testAwardFundsOnChain(t *testing.T, e *env, agreement json.RawMessage, buyer, provider *ecdsa.PrivateKey) common.Hash {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d, m, err := eip712.ParseTypedData(agreement)
	if err != nil {
		t.Fatalf("award agreement: %v\n%s", err, agreement)
	}
	a, ok := m.(eip712.ServiceAgreement)
	if !ok || a.Client != addressOf(buyer) || a.Provider != addressOf(provider) || d.VerifyingContract != e.dep.Contracts.AgentEscrow.Address {
		t.Fatalf("award agreement %+v under %+v", m, d)
	}
	clientSig, err := eip712.Sign(buyer, d, a)
	if err != nil {
		t.Fatal(err)
	}
	providerSig, err := eip712.Sign(provider, d, a)
	if err != nil {
		t.Fatal(err)
	}
	digest, _ := eip712.Digest(d, a)
	byClient := map[string]any{"typedData": agreement, "clientSignature": hexutil.Encode(clientSig)}
	byProvider := map[string]any{"typedData": agreement, "providerSignature": hexutil.Encode(providerSig)}
	e.post("/v1/agreements", map[string]any{"typedData": agreement, "clientSignature": hexutil.Encode(providerSig)}).
		problem(t, 403, gateway.CodeSignerMismatch)
	e.post("/v1/agreements", map[string]any{"typedData": agreement}).problem(t, 400, gateway.CodeInvalidBody)
	if n := e.count(`SELECT count(*) FROM agreements WHERE id = $1`, digest.Bytes()); n != 0 {
		t.Fatalf("refused signatures stored an agreement")
	}
	state := func(want string, clientSigned, providerSigned bool) {
		t.Helper()
		r := e.get("/v1/agreements/" + digest.Hex())
		var v struct {
			State             string  `json:"state"`
			RFQID             *string `json:"rfqId"`
			ClientSignature   *string `json:"clientSignature"`
			ProviderSignature *string `json:"providerSignature"`
		}
		r.decode(t, &v)
		if r.Status != 200 || v.State != want || v.RFQID == nil || *v.RFQID != common.BigToHash(a.Nonce).Hex() ||
			(v.ClientSignature != nil) != clientSigned || (v.ProviderSignature != nil) != providerSigned {
			t.Fatalf("agreement %s: %d %s, want state %s from its RFQ (signed by client %v, provider %v)", digest.Hex(),
				r.Status, r.Body, want, clientSigned, providerSigned)
		}
	}
	if r := e.post("/v1/agreements", byClient); r.Status != http.StatusAccepted {
		t.Fatalf("POST the client's signature: %d %s", r.Status, r.Body)
	}
	if r := e.post("/v1/agreements", byClient); r.Status != http.StatusAccepted {
		t.Fatalf("POST the client's signature again: %d %s", r.Status, r.Body)
	}
	state("awarded", true, false)
	if r := e.post("/v1/agreements", byProvider); r.Status != http.StatusCreated {
		t.Fatalf("POST the provider's signature: %d %s", r.Status, r.Body)
	}
	if r := e.post("/v1/agreements", byProvider); r.Status != http.StatusOK {
		t.Fatalf("POST the same signature again: %d %s", r.Status, r.Body)
	}
	state("signed", true, true)
	chainID := new(big.Int).SetUint64(e.dep.ChainID)
	token, escrow := bindings.NewTestUSD(), bindings.NewAgentEscrow()
	if err := deployment.MintTestUSD(ctx, e.chain.Client, e.chain.Keys[0], e.dep.Contracts.TestUSD.Address,
		[]common.Address{a.Client}, a.Price, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	opts := bind.NewKeyedTransactor(buyer, chainID)
	opts.Context = ctx
	tx, err := bind.Transact(token.Instance(e.chain.Client, e.dep.Contracts.TestUSD.Address), opts,
		token.PackApprove(e.dep.Contracts.AgentEscrow.Address, a.Price))
	if err != nil {
		t.Fatal(err)
	}
	if r, err := deployment.WaitMined(ctx, e.chain.Client, tx, 30*time.Second); err != nil || r.Status != 1 {
		t.Fatalf("approve: %v %v", r, err)
	}
	relayer := bind.NewKeyedTransactor(e.chain.Keys[9], chainID)
	relayer.Context = ctx
	tx, err = bind.Transact(escrow.Instance(e.chain.Client, e.dep.Contracts.AgentEscrow.Address), relayer,
		escrow.PackCreateJobFromAgreement(a.Binding(), clientSig, providerSig))
	if err != nil {
		t.Fatalf("createJobFromAgreement: %v", err)
	}
	if r, err := deployment.WaitMined(ctx, e.chain.Client, tx, 30*time.Second); err != nil || r.Status != 1 {
		t.Fatalf("createJobFromAgreement mined: %v %v", r, err)
	}
	e.waitFor("the indexer to see the funded agreement job", func() bool {
		return e.count(`SELECT count(*) FROM escrow_jobs WHERE agreement_hash = $1 AND status = 'funded' AND funded = $2::text::numeric`,
			digest.Bytes(), a.Price.String()) == 1
	})
	state("funded", true, true)
	e.get("/v1/agreements/"+common.Hash{7}.Hex()).problem(t, 404, gateway.CodeAgreementNotFound)
	return digest
}
