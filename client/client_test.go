package client_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/eip712"
)

var (
	escrowAddr   = common.HexToAddress("0x00000000000000000000000000000000000000e5")
	registryAddr = common.HexToAddress("0x00000000000000000000000000000000000000a1")
	chainID      = big.NewInt(31337)
	escrowDomain = eip712.EscrowDomain(chainID, escrowAddr)
)

func testDeployment() *deployment.Deployment {
	d := &deployment.Deployment{ChainID: chainID.Uint64()}
	d.Contracts.AgentEscrow.Address = escrowAddr
	d.Contracts.IdentityRegistry.Address = registryAddr
	return d
}

func newKey(t *testing.T) *client.KeySigner {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return client.NewKeySigner(k)
}

func writeJSON(w http.ResponseWriter, status int, contentType string, v any) {
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func problemBody(status int, code, detail string) map[string]any {
	return map[string]any{"type": "urn:agora:problem:" + code, "title": http.StatusText(status), "status": status, "code": code, "detail": detail}
}

// recoverSigned checks a signed-message body: its typed data is under want and its signature recovers.
func recoverSigned(t *testing.T, r *http.Request, want eip712.Domain) (eip712.Message, common.Address) {
	t.Helper()
	var body struct {
		TypedData json.RawMessage `json:"typedData"`
		Signature string          `json:"signature"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		t.Errorf("body: %v", err)
		return nil, common.Address{}
	}
	d, m, err := eip712.ParseTypedData(body.TypedData)
	if err != nil || d.ChainID.Cmp(want.ChainID) != 0 || d.VerifyingContract != want.VerifyingContract || d.Name != want.Name {
		t.Errorf("typed data %s under %+v: %v", body.TypedData, d, err)
		return nil, common.Address{}
	}
	sig, err := hexutil.Decode(body.Signature)
	if err != nil || (sig[64] != 27 && sig[64] != 28) {
		t.Errorf("signature %s: %v", body.Signature, err)
		return nil, common.Address{}
	}
	signer, err := eip712.Recover(d, m, sig)
	if err != nil {
		t.Errorf("recover: %v", err)
	}
	return m, signer
}

func TestClient_Problems(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/v1/rfqs/" + common.Hash{1}.Hex():
			writeJSON(w, 404, "application/problem+json", problemBody(404, "rfq_not_found", "no RFQ"))
		case "/v1/agreements/" + common.Hash{2}.Hex():
			w.Header().Set("Content-Type", "text/plain")
			w.WriteHeader(http.StatusBadGateway)
			_, _ = io.WriteString(w, "upstream down")
		default:
			writeJSON(w, 200, "application/json", map[string]any{"id": common.Hash{3}.Hex(), "state": "signed",
				"clientSignature": nil, "providerSignature": "0x01"})
		}
	}))
	defer srv.Close()
	c, err := client.New(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	_, err = c.GetRFQ(ctx, common.Hash{1})
	var p *client.Problem
	if !errors.As(err, &p) || p.Status != 404 || p.Code != "rfq_not_found" || p.Detail != "no RFQ" || !client.IsProblem(err, "rfq_not_found") {
		t.Fatalf("GetRFQ: %v (%+v)", err, p)
	}
	_, err = c.GetAgreement(ctx, common.Hash{2})
	if !errors.As(err, &p) || p.Status != 502 || p.Code != "" || p.Detail != "upstream down" || client.IsProblem(err, "") == false {
		t.Fatalf("GetAgreement of a plain 502: %v (%+v)", err, p)
	}
	a, err := c.GetAgreement(ctx, common.Hash{3})
	if err != nil || a.State != "signed" || a.ClientSignature != nil || a.ProviderSignature == nil {
		t.Fatalf("GetAgreement: %+v, %v", a, err)
	}
	if cs, ps, err := a.Signatures(); err != nil || cs != nil || len(ps) != 1 {
		t.Fatalf("Signatures: %x %x %v", cs, ps, err)
	}
	for _, bad := range []string{"", "ftp://x", "http://", "://"} {
		if _, err := client.New(bad); err == nil {
			t.Errorf("New(%q) accepted", bad)
		}
	}
}

// TestClient_PostRFQ: the RFQ is signed by the buyer under the escrow domain, learnt once from the gateway
// when the client has no deployment.
func TestClient_PostRFQ(t *testing.T) {
	buyer := newKey(t)
	var templates atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodGet && r.URL.Path == "/v1/eip712/rfq":
			templates.Add(1)
			td, _ := eip712.NewTypedData(escrowDomain, eip712.RFQ{})
			writeJSON(w, 200, "application/json", td)
		case r.Method == http.MethodPost && r.URL.Path == "/v1/rfqs":
			m, signer := recoverSigned(t, r, escrowDomain)
			rfq, ok := m.(eip712.RFQ)
			if !ok || signer != buyer.Address() || rfq.Buyer != buyer.Address() {
				writeJSON(w, 403, "application/problem+json", problemBody(403, "signer_mismatch", "not the buyer"))
				return
			}
			id, _ := eip712.Digest(escrowDomain, rfq)
			writeJSON(w, 201, "application/json", map[string]any{"id": id.Hex(), "status": "open", "capability": rfq.Capability})
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	c, err := client.New(srv.URL, client.WithTimeout(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	r := eip712.RFQ{Capability: "invoice ocr", Token: common.Address{7}, MaxPrice: big.NewInt(10), Nonce: big.NewInt(1), Expiry: 5}
	id, err := c.RFQID(ctx, eip712.RFQ{Buyer: buyer.Address(), Capability: r.Capability, Token: r.Token, MaxPrice: r.MaxPrice,
		Nonce: r.Nonce, Expiry: r.Expiry})
	if err != nil {
		t.Fatal(err)
	}
	v, err := c.PostRFQ(ctx, buyer, r)
	if err != nil || v.ID != id.Hex() || v.Status != client.RFQOpen {
		t.Fatalf("PostRFQ: %+v, %v; want id %s", v, err, id.Hex())
	}
	r.Buyer = newKey(t).Address()
	if _, err := c.PostRFQ(ctx, buyer, r); err == nil || !strings.Contains(err.Error(), "not the signer") {
		t.Fatalf("an RFQ for another buyer: %v", err)
	}
	if n := templates.Load(); n != 1 {
		t.Fatalf("the domain was fetched %d times, want once", n)
	}
}

// TestClient_AgreementSignature: each party posts only its own signature; a stranger and an agreement
// under another domain are refused before anything is sent.
func TestClient_AgreementSignature(t *testing.T) {
	buyer, provider, stranger := newKey(t), newKey(t), newKey(t)
	var posted []map[string]any
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body map[string]any
		_ = json.NewDecoder(r.Body).Decode(&body)
		posted = append(posted, body)
		writeJSON(w, 202, "application/json", map[string]any{"id": "0x01", "state": "awarded"})
	}))
	defer srv.Close()
	c, err := client.New(srv.URL, client.WithDeployment(testDeployment()))
	if err != nil {
		t.Fatal(err)
	}
	a := eip712.ServiceAgreement{ProviderAgentID: big.NewInt(4), Client: buyer.Address(), Provider: provider.Address(),
		Token: common.Address{7}, Price: big.NewInt(100), DeliveryDeadline: 10, ExpiredAt: 20, Nonce: big.NewInt(1), Expiry: big.NewInt(30)}
	td, _ := eip712.MarshalTypedData(escrowDomain, a)
	ctx := context.Background()
	for _, s := range []*client.KeySigner{buyer, provider} {
		v, err := c.PostAgreementSignature(ctx, s, td)
		if err != nil || v.State != client.AgreementAwarded {
			t.Fatalf("PostAgreementSignature: %+v, %v", v, err)
		}
	}
	if len(posted) != 2 {
		t.Fatalf("%d posts", len(posted))
	}
	for i, want := range []struct {
		field  string
		signer common.Address
	}{{"clientSignature", buyer.Address()}, {"providerSignature", provider.Address()}} {
		body := posted[i]
		if len(body) != 2 || body["typedData"] == nil {
			t.Fatalf("post %d: %v, want typedData and %s only", i, body, want.field)
		}
		sig, err := hexutil.Decode(body[want.field].(string))
		if err != nil {
			t.Fatal(err)
		}
		if got, err := eip712.Recover(escrowDomain, a, sig); err != nil || got != want.signer {
			t.Fatalf("post %d: %s by %s, want %s", i, want.field, got.Hex(), want.signer.Hex())
		}
	}
	if _, err := c.PostAgreementSignature(ctx, stranger, td); err == nil || !strings.Contains(err.Error(), "neither the client") {
		t.Fatalf("a stranger's signature: %v", err)
	}
	other, _ := eip712.MarshalTypedData(eip712.EscrowDomain(big.NewInt(1), escrowAddr), a)
	if _, err := c.PostAgreementSignature(ctx, buyer, other); !errors.Is(err, client.ErrWrongDomain) {
		t.Fatalf("an agreement of another chain: %v", err)
	}
	if len(posted) != 2 {
		t.Fatalf("refused signatures were posted: %d posts", len(posted))
	}
	if _, err := c.PostAgreement(ctx, td, nil, nil); err == nil {
		t.Fatal("an agreement without signatures was posted")
	}
}

// TestStream: events come in order from Next; each message's answer goes to the method that sent it, even
// when other events arrive between; a refused message is a *Problem; a refused subscription too.
func TestStream(t *testing.T) {
	provider := newKey(t)
	rfqID := common.Hash{0xaa}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("capability") == "" {
			writeJSON(w, 400, "application/problem+json", problemBody(400, "invalid_query", "subscribe to something"))
			return
		}
		if got := r.URL.Query(); got.Get("agentId") != "7" || len(got["capability"]) != 2 || got.Get("rfq") != rfqID.Hex() {
			t.Errorf("subscription %v", got)
		}
		conn, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		defer conn.CloseNow()
		ctx := r.Context()
		write := func(v any) {
			b, _ := json.Marshal(v)
			_ = conn.Write(ctx, websocket.MessageText, b)
		}
		write(map[string]any{"type": "subscribed"})
		for {
			_, data, err := conn.Read(ctx)
			if err != nil {
				return
			}
			var msg struct {
				Type      string          `json:"type"`
				RFQID     string          `json:"rfqId"`
				TypedData json.RawMessage `json:"typedData"`
				Signature string          `json:"signature"`
			}
			_ = json.Unmarshal(data, &msg)
			switch msg.Type {
			case "quote":
				d, m, err := eip712.ParseTypedData(msg.TypedData)
				sig, _ := hexutil.Decode(msg.Signature)
				if signer, rerr := eip712.Recover(d, m, sig); err != nil || rerr != nil || signer != provider.Address() {
					t.Errorf("quote %s: %v %v", msg.TypedData, err, rerr)
				}
				// Another event overtakes the answer.
				write(map[string]any{"type": "quote", "rfqId": msg.RFQID, "quotes": 2})
				write(map[string]any{"type": "quote_accepted", "rfqId": msg.RFQID, "quote": map[string]any{"id": "0xq", "rfqId": msg.RFQID, "providerAgentId": "7"}})
			case "follow":
				write(map[string]any{"type": "problem", "problem": problemBody(400, "invalid_query", "too many")})
			case "no_bid":
				write(map[string]any{"type": "no_bid_noted", "rfqId": msg.RFQID})
				write(map[string]any{"type": "closed", "rfq": map[string]any{"id": msg.RFQID, "status": "no_bids"}})
			}
		}
	}))
	defer srv.Close()
	c, err := client.New(srv.URL, client.WithDeployment(testDeployment()))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	_, err = c.Subscribe(ctx, client.Subscription{AgentID: "7"})
	if !client.IsProblem(err, "invalid_query") {
		t.Fatalf("a refused subscription: %v", err)
	}
	s, err := c.Subscribe(ctx, client.Subscription{Capabilities: []string{"invoice ocr", "receipt"}, AgentID: "7", RFQs: []common.Hash{rfqID}})
	if err != nil {
		t.Fatal(err)
	}
	if ev, err := s.Next(ctx); err != nil || ev.Type != client.EventSubscribed {
		t.Fatalf("first event %+v, %v", ev, err)
	}
	q := eip712.Quote{RFQID: rfqID, ProviderAgentID: big.NewInt(7), Price: big.NewInt(5), Nonce: big.NewInt(1), ValidUntil: 10}
	acc, err := s.Quote(ctx, provider, q)
	if err != nil || acc.ID != "0xq" || acc.ProviderAgentID != "7" {
		t.Fatalf("Quote: %+v, %v", acc, err)
	}
	if ev, err := s.Next(ctx); err != nil || ev.Type != client.EventQuote || ev.Quotes != 2 {
		t.Fatalf("the event sent before the answer: %+v, %v", ev, err)
	}
	err = s.Follow(ctx, rfqID)
	var p *client.Problem
	if !errors.As(err, &p) || p.Code != "invalid_query" || p.Detail != "too many" {
		t.Fatalf("Follow refused: %v", err)
	}
	if err := s.NoBid(ctx, rfqID); err != nil {
		t.Fatalf("NoBid: %v", err)
	}
	if ev, err := s.Next(ctx); err != nil || ev.Type != client.EventClosed || ev.RFQ == nil || ev.RFQ.Status != client.RFQNoBids {
		t.Fatalf("closed event %+v, %v", ev, err)
	}
	if _, err := s.Quote(ctx, newKey(t), eip712.Quote{RFQID: rfqID, Provider: provider.Address()}); err == nil {
		t.Fatal("a quote for another provider was signed")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Next(ctx); !errors.Is(err, client.ErrStreamClosed) {
		t.Fatalf("Next after Close: %v", err)
	}
	if err := s.NoBid(ctx, rfqID); !errors.Is(err, client.ErrStreamClosed) {
		t.Fatalf("NoBid after Close: %v", err)
	}
}

// TestEvent_SignedRFQ: a provider reads the RFQ the buyer signed from an rfq event, under its domain only,
// and only when the typed data's digest is the event's id.
func TestEvent_SignedRFQ(t *testing.T) {
	r := eip712.RFQ{Buyer: common.Address{1}, Capability: "ocr", Token: common.Address{2}, MaxPrice: big.NewInt(9), Nonce: big.NewInt(3), Expiry: 4}
	id, _ := eip712.Digest(escrowDomain, r)
	td, _ := eip712.MarshalTypedData(escrowDomain, r)
	ev := client.Event{Type: client.EventRFQ, RFQ: &client.RFQ{ID: id.Hex()}, TypedData: td}
	got, gotID, err := ev.SignedRFQ(escrowDomain)
	if err != nil || gotID != id || got.MaxPrice.Int64() != 9 {
		t.Fatalf("SignedRFQ: %+v %s %v", got, gotID.Hex(), err)
	}
	if _, _, err := ev.SignedRFQ(eip712.EscrowDomain(big.NewInt(1), escrowAddr)); !errors.Is(err, client.ErrWrongDomain) {
		t.Fatalf("another chain: %v", err)
	}
	ev.RFQ.ID = common.Hash{9}.Hex()
	if _, _, err := ev.SignedRFQ(escrowDomain); err == nil {
		t.Fatal("an id that is not the digest was accepted")
	}
}

func TestCheckAwardAndWin(t *testing.T) {
	rfqID := common.Hash{0x42}
	r := eip712.RFQ{Buyer: common.Address{1}, Token: common.Address{2}, MaxPrice: big.NewInt(1000), InputSpecHash: common.Hash{3},
		DeliveryDeadline: 500, ReviewWindow: 60, LatePenaltyBps: 10}
	q := eip712.Quote{RFQID: rfqID, ProviderAgentID: big.NewInt(5), Provider: common.Address{6}, Price: big.NewInt(700),
		DeliveryDeadline: 400, SLAHash: common.Hash{7}}
	good := func() eip712.ServiceAgreement {
		return eip712.ServiceAgreement{ProviderAgentID: big.NewInt(5), Client: r.Buyer, Provider: q.Provider, Token: r.Token,
			Price: big.NewInt(700), DeliveryDeadline: 400, ExpiredAt: 600, DeliverableSpecHash: r.InputSpecHash, SLAHash: q.SLAHash,
			ReviewWindow: 60, LatePenaltyBps: 10, Nonce: new(big.Int).SetBytes(rfqID.Bytes()), Expiry: big.NewInt(700)}
	}
	if err := client.CheckAward(r, rfqID, good()); err != nil {
		t.Fatalf("CheckAward: %v", err)
	}
	if err := client.CheckWin(q, good()); err != nil {
		t.Fatalf("CheckWin: %v", err)
	}
	secondPrice := good()
	secondPrice.Price = big.NewInt(800)
	if err := client.CheckWin(q, secondPrice); err != nil {
		t.Fatalf("CheckWin of a second price: %v", err)
	}
	for name, mutate := range map[string]func(*eip712.ServiceAgreement){
		"price above max": func(a *eip712.ServiceAgreement) { a.Price = big.NewInt(1001) },
		"other client":    func(a *eip712.ServiceAgreement) { a.Client = common.Address{9} },
		"other token":     func(a *eip712.ServiceAgreement) { a.Token = common.Address{9} },
		"other spec":      func(a *eip712.ServiceAgreement) { a.DeliverableSpecHash = common.Hash{9} },
		"a validator":     func(a *eip712.ServiceAgreement) { a.Validator, a.ValidationThreshold = common.Address{9}, 50 },
		"an arbiter":      func(a *eip712.ServiceAgreement) { a.Arbiter = common.Address{9} },
		"longer review":   func(a *eip712.ServiceAgreement) { a.ReviewWindow = 61 },
		"later delivery":  func(a *eip712.ServiceAgreement) { a.DeliveryDeadline = 501 },
		"other nonce":     func(a *eip712.ServiceAgreement) { a.Nonce = big.NewInt(1) },
	} {
		a := good()
		mutate(&a)
		if err := client.CheckAward(r, rfqID, a); !errors.Is(err, client.ErrAgreementMismatch) {
			t.Errorf("CheckAward with %s: %v", name, err)
		}
	}
	for name, mutate := range map[string]func(*eip712.ServiceAgreement){
		"lower price":    func(a *eip712.ServiceAgreement) { a.Price = big.NewInt(699) },
		"other provider": func(a *eip712.ServiceAgreement) { a.Provider = common.Address{9} },
		"other agent":    func(a *eip712.ServiceAgreement) { a.ProviderAgentID = big.NewInt(6) },
		"other deadline": func(a *eip712.ServiceAgreement) { a.DeliveryDeadline = 399 },
		"other sla":      func(a *eip712.ServiceAgreement) { a.SLAHash = common.Hash{9} },
		"other nonce":    func(a *eip712.ServiceAgreement) { a.Nonce = big.NewInt(1) },
	} {
		a := good()
		mutate(&a)
		if err := client.CheckWin(q, a); !errors.Is(err, client.ErrAgreementMismatch) {
			t.Errorf("CheckWin with %s: %v", name, err)
		}
	}
}
