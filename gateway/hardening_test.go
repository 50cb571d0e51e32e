package gateway_test

import (
	"encoding/json"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/gateway"
	"github.com/agoralabs/agora/terms"
)

// TestGateway_Hardening replays the hostile inputs of issue 14 that got through: signed numbers that wrapped
// into 1969, the client's bad data answered as the server's fault (503), and awards or signatures the
// escrow would never fund. Each is refused with 400 and a problem naming the field, and nothing is stored.
func TestGateway_Hardening(t *testing.T) {
	e := setup(t)
	chainID := new(big.Int).SetUint64(e.dep.ChainID)
	market := eip712.EscrowDomain(chainID, e.dep.Contracts.AgentEscrow.Address)
	beats := eip712.GatewayDomain(chainID, e.dep.Contracts.IdentityRegistry.Address)
	buyer := e.chain.Keys[5]
	token := e.dep.Contracts.TestUSD.Address
	provider := e.agentByFile(t, "01-vietnamese-invoice-ocr.json")
	hb := eip712.Heartbeat{AgentID: provider.AgentID, Status: eip712.HeartbeatOnline, Price: big.NewInt(1), Token: token,
		P95LatencyMs: 100, Capacity: 4, ExpiresAt: uint64(time.Now().Add(time.Hour).Unix()), Nonce: big.NewInt(time.Now().UnixNano())}
	if r := e.post("/v1/heartbeats", heartbeat(t, beats, hb, provider.Wallet)); r.Status != 200 {
		t.Fatalf("heartbeat: %d %s", r.Status, r.Body)
	}
	nonce := time.Now().UnixNano()
	newRFQ := func() eip712.RFQ {
		nonce++
		now := time.Now()
		return eip712.RFQ{Buyer: addressOf(buyer), Capability: "invoice ocr", InputSpecHash: crypto.Keccak256Hash([]byte("spec")),
			Token: token, MaxPrice: big.NewInt(1000), DeliveryDeadline: uint64(now.Add(time.Hour).Unix()), QuoteWindowMs: 2000,
			ReviewWindow: 3600, Nonce: big.NewInt(nonce), Expiry: uint64(now.Add(10 * time.Minute).Unix())}
	}
	newQuote := func(rfq common.Hash) eip712.Quote {
		nonce++
		return eip712.Quote{RFQID: rfq, ProviderAgentID: provider.AgentID, Provider: addressOf(provider.Wallet), Price: big.NewInt(900),
			DeliveryDeadline: uint64(time.Now().Add(30 * time.Minute).Unix()), SLAHash: crypto.Keccak256Hash([]byte("sla")),
			Nonce: big.NewInt(nonce), ValidUntil: uint64(time.Now().Add(5 * time.Minute).Unix())}
	}
	stored := func() int64 {
		return e.count(`SELECT (SELECT count(*) FROM rfqs) + (SELECT count(*) FROM quotes) + (SELECT count(*) FROM agreements) +
			(SELECT count(*) FROM spent_nonces)`)
	}
	// refused posts m signed by key and expects a 400 problem with code naming field, and nothing stored.
	refused := func(t *testing.T, path string, body any, code, field, escrowError string) {
		t.Helper()
		before := stored()
		r := e.with(t).post(path, body)
		r.problem(t, http.StatusBadRequest, code)
		var p gateway.Problem
		r.decode(t, &p)
		if p.Field != field || p.EscrowError != escrowError {
			t.Errorf("problem names field %q (escrow %q), want %q (%q): %s", p.Field, p.EscrowError, field, escrowError, r.Body)
		}
		if after := stored(); after != before {
			t.Errorf("a refused request stored %d rows", after-before)
		}
	}
	const max64 = ^uint64(0)

	t.Run("query strings Go cannot decode are refused, long paths not echoed", func(t *testing.T) {
		e := e.with(t)
		// The bad pair was dropped and the search ran without the filter: a wider answer than asked for.
		for _, q := range []string{"minReputation=%zz", "q=ocr;language=vi", "language=%"} {
			e.get("/v1/agents?"+q).problem(t, http.StatusBadRequest, gateway.CodeInvalidQuery)
		}
		res, err := e.http.Client().Get(e.http.URL + "/" + strings.Repeat("é", 2000)) // no route: not in the OpenAPI document
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var p gateway.Problem
		if err := json.NewDecoder(res.Body).Decode(&p); err != nil || res.StatusCode != 404 || p.Code != gateway.CodeNotFound {
			t.Fatalf("GET a 4,000-byte path: %d %+v %v", res.StatusCode, p, err)
		}
		if len(p.Instance) > 256 || len(p.Detail) > 300 || !utf8.ValidString(p.Instance) {
			t.Errorf("a 4,000-byte path came back in the problem: instance %d bytes, detail %d bytes", len(p.Instance), len(p.Detail))
		}
	})
	t.Run("RFQ numbers that do not fit", func(t *testing.T) {
		r := newRFQ()
		r.DeliveryDeadline = max64 // was stored as 1969 and accepted
		refused(t, "/v1/rfqs", signed(t, market, r, buyer, nil), gateway.CodeInvalidValue, "deliveryDeadline", "")
		r = newRFQ()
		r.DeliveryDeadline = 10_000_000_000_000 // the year 318,857: PostgreSQL refused it, answered 503
		refused(t, "/v1/rfqs", signed(t, market, r, buyer, nil), gateway.CodeInvalidValue, "deliveryDeadline", "")
		r = newRFQ()
		r.DeliveryDeadline = terms.MaxUnix - 3600 // fits, but the agreement's expiredAt (a day later) would not
		refused(t, "/v1/rfqs", signed(t, market, r, buyer, nil), gateway.CodeInvalidValue, "deliveryDeadline", "")
		r = newRFQ()
		r.Expiry = max64
		refused(t, "/v1/rfqs", signed(t, market, r, buyer, nil), gateway.CodeInvalidValue, "expiry", "")
	})
	t.Run("RFQ text the store cannot hold", func(t *testing.T) {
		for _, capability := range []string{"invoice\x00ocr", "invoice\nocr", "  "} {
			r := newRFQ()
			r.Capability = capability // a NUL was answered 503 (PostgreSQL refused the text)
			refused(t, "/v1/rfqs", signed(t, market, r, buyer, nil), gateway.CodeInvalidValue, "capability", "")
		}
	})
	t.Run("RFQ terms the escrow refuses", func(t *testing.T) {
		r := newRFQ()
		r.ValidationThreshold = 50 // without a validator
		refused(t, "/v1/rfqs", signed(t, market, r, buyer, nil), gateway.CodeInvalidBody, "validationThreshold", "ThresholdWithoutValidator")
		r = newRFQ()
		r.ReviewWindow = terms.MaxReviewWindow + 1
		refused(t, "/v1/rfqs", signed(t, market, r, buyer, nil), gateway.CodeInvalidBody, "reviewWindow", "ReviewWindowTooLong")
		r = newRFQ()
		r.MaxPrice = big.NewInt(0)
		refused(t, "/v1/rfqs", signed(t, market, r, buyer, nil), gateway.CodeInvalidBody, "maxPrice", "ZeroPrice")
	})

	rfq := newRFQ()
	res := e.post("/v1/rfqs", signed(t, market, rfq, buyer, nil))
	if res.Status != http.StatusCreated {
		t.Fatalf("POST /v1/rfqs: %d %s", res.Status, res.Body)
	}
	id, _ := eip712.Digest(market, rfq)
	quotes := "/v1/rfqs/" + id.Hex() + "/quotes"
	t.Run("quotes that wrap or that the escrow refuses", func(t *testing.T) {
		q := newQuote(id)
		q.DeliveryDeadline = max64 // wrapped to 1969 and slipped past "not after the RFQ's deadline"
		refused(t, quotes, signed(t, market, q, provider.Wallet, nil), gateway.CodeInvalidValue, "deliveryDeadline", "")
		q = newQuote(id)
		q.ValidUntil = max64
		refused(t, quotes, signed(t, market, q, provider.Wallet, nil), gateway.CodeInvalidValue, "validUntil", "")
		q = newQuote(id)
		q.Price = big.NewInt(0) // could win, then the award's agreement was refused
		refused(t, quotes, signed(t, market, q, provider.Wallet, nil), gateway.CodeInvalidBody, "price", "ZeroPrice")
		q = newQuote(id)
		q.DeliveryDeadline = uint64(time.Now().Add(-time.Minute).Unix()) // already past
		refused(t, quotes, signed(t, market, q, provider.Wallet, nil), gateway.CodeInvalidBody, "deliveryDeadline", "DeliveryDeadlinePassed")
	})

	// closeWith opens an RFQ with a window of windowMs, posts one quote edited by edit (given the RFQ's
	// closesAt), and returns the RFQ once closed, with the quote.
	closeWith := func(t *testing.T, windowMs uint32, edit func(q *eip712.Quote, closesAt time.Time)) (rfqResult, eip712.Quote) {
		t.Helper()
		r := newRFQ()
		r.QuoteWindowMs = windowMs
		res := e.post("/v1/rfqs", signed(t, market, r, buyer, nil))
		var open rfqResult
		res.decode(t, &open)
		closesAt, err := time.Parse(time.RFC3339Nano, open.ClosesAt)
		if res.Status != http.StatusCreated || err != nil {
			t.Fatalf("POST /v1/rfqs: %d %s (%v)", res.Status, res.Body, err)
		}
		q := newQuote(common.HexToHash(open.ID))
		edit(&q, closesAt)
		if r := e.post("/v1/rfqs/"+open.ID+"/quotes", signed(t, market, q, provider.Wallet, nil)); r.Status != http.StatusCreated {
			t.Fatalf("quote: %d %s", r.Status, r.Body)
		}
		return e.awaitClose(t, open.ID), q
	}
	t.Run("a quote that cannot be funded by the close does not win", func(t *testing.T) {
		// Due at the second the window closes: in the future when quoted (within two seconds of the RFQ), past
		// when the close decides, whatever the scheduling.
		v, _ := closeWith(t, 3000, func(q *eip712.Quote, closesAt time.Time) { q.DeliveryDeadline = uint64(closesAt.Unix()) })
		if v.Status != "no_bids" || v.Award != nil || len(v.Refused) != 1 || v.Refused[0].Reason != "escrow:DeliveryDeadlinePassed" {
			t.Fatalf("RFQ closed %+v, want no_bids with the quote refused as escrow:DeliveryDeadlinePassed", v)
		}
	})
	t.Run("a quote whose offer lapsed before the close does not win", func(t *testing.T) {
		// Valid when quoted, lapsed at the close.
		v, _ := closeWith(t, 3000, func(q *eip712.Quote, closesAt time.Time) { q.ValidUntil = uint64(closesAt.Unix()) })
		if v.Status != "no_bids" || len(v.Refused) != 1 || v.Refused[0].Reason != "quote_expired" {
			t.Fatalf("RFQ closed %+v, want no_bids with the quote refused as quote_expired", v)
		}
	})
	t.Run("an award expires before the winner's delivery deadline", func(t *testing.T) {
		// Due a minute after the close, within the 15-minute signing window: the agreement expires (signBy)
		// one second before the delivery deadline, after which the escrow would not fund it.
		v, q := closeWith(t, 500, func(q *eip712.Quote, closesAt time.Time) {
			q.DeliveryDeadline = uint64(closesAt.Add(time.Minute).Unix())
		})
		if v.Award == nil || v.Award.SignBy.Unix() != int64(q.DeliveryDeadline)-1 {
			t.Fatalf("award %+v, want signBy %d (one second before the delivery deadline)", v.Award, q.DeliveryDeadline-1)
		}
		_, m, err := eip712.ParseTypedData(v.Award.Agreement)
		if a, ok := m.(eip712.ServiceAgreement); err != nil || !ok || a.Expiry.Uint64() != q.DeliveryDeadline-1 ||
			terms.Agreement(a, uint64(time.Now().Unix())) != nil {
			t.Fatalf("award agreement %+v (%v): want expiry %d and terms the escrow takes now", m, err, q.DeliveryDeadline-1)
		}
	})

	t.Run("agreements whose numbers or signatures the escrow refuses", func(t *testing.T) {
		now := uint64(time.Now().Unix())
		a := eip712.ServiceAgreement{ProviderAgentID: provider.AgentID, Client: addressOf(buyer), Provider: addressOf(provider.Wallet),
			Token: token, Price: big.NewInt(100), DeliveryDeadline: now + 3600, ExpiredAt: now + 7200, ReviewWindow: 60,
			Nonce: big.NewInt(nonce), Expiry: new(big.Int).Lsh(big.NewInt(1), 255)} // 2^255: was stored as 1970
		body := func(a eip712.ServiceAgreement, spoil func([]byte)) map[string]any {
			td, err := eip712.MarshalTypedData(market, a)
			if err != nil {
				t.Fatal(err)
			}
			cs, _ := eip712.Sign(buyer, market, a)
			ps, _ := eip712.Sign(provider.Wallet, market, a)
			if spoil != nil {
				spoil(cs)
			}
			return map[string]any{"typedData": json.RawMessage(td), "clientSignature": hexutil.Encode(cs), "providerSignature": hexutil.Encode(ps)}
		}
		refused(t, "/v1/agreements", body(a, nil), gateway.CodeInvalidValue, "expiry", "")
		a.Expiry = new(big.Int).SetUint64(now + 600)
		// v = 0/1: was marked signed with both nonces spent, but the escrow's ECDSA refuses it.
		before := stored()
		e.post("/v1/agreements", body(a, func(sig []byte) { sig[64] -= 27 })).problem(t, http.StatusBadRequest, gateway.CodeInvalidSignature)
		if after := stored(); after != before {
			t.Errorf("a v = 0/1 signature stored %d rows", after-before)
		}
		td, _ := eip712.MarshalTypedData(market, a)
		sig, _ := eip712.Sign(buyer, market, a)
		sig[64] -= 27
		// /v1/eip712/verify called it valid.
		e.post("/v1/eip712/verify", map[string]any{"typedData": json.RawMessage(td), "signature": hexutil.Encode(sig)}).
			problem(t, http.StatusBadRequest, gateway.CodeInvalidSignature)
		if r := e.post("/v1/agreements", body(a, nil)); r.Status != http.StatusCreated {
			t.Fatalf("the same agreement, well signed: %d %s", r.Status, r.Body)
		}
	})
}
