package gateway_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/agoralabs/agora/audit"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/gateway"
	"github.com/agoralabs/agora/seed"
)

// gatewayCopy is another gateway process's stand-in: a Server on the env's database, served over HTTP,
// which the test can kill.
type gatewayCopy struct {
	url  string
	kill func()
}

// copyOf starts a gateway copy on e's database, with the operator's audit key (every copy sequences).
func (e *env) copyOf(t *testing.T) *gatewayCopy {
	t.Helper()
	ctx, stop := context.WithCancel(context.Background())
	srv, err := gateway.New(ctx, gateway.Config{DatabaseURL: e.dbURL, Deployment: e.dep, Caller: e.chain.Client, Chain: e.chain.Client,
		RateLimit: -1, AuditKey: e.auditKey, ScoreInterval: time.Hour, Registry: prometheus.NewRegistry(),
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	srv.Start(ctx)
	ts := httptest.NewServer(srv.Handler())
	done := false
	kill := func() {
		if !done {
			done = true
			ts.CloseClientConnections()
			ts.Close()
			stop()
			srv.Wait()
			srv.Close()
		}
	}
	t.Cleanup(kill)
	return &gatewayCopy{url: ts.URL, kill: kill}
}

// postTo posts a JSON body to a gateway copy and returns the status and body.
func postTo(t *testing.T, base, path string, body any) (int, []byte) {
	t.Helper()
	raw, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.Post(base+path, "application/json", bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return res.StatusCode, out
}

// TestGateway_ThreeCopies runs the market on three gateways sharing one database: a buyer posts an RFQ to one,
// providers connected to the other two quote, one of those two is killed before the window ends, and the
// auction decides once with every quote a copy accepted; the parties sign on different copies and every copy
// shows the same agreement; a winner that does not sign is penalised once; and the audit log is one tree,
// written by all three, that verifies.
func TestGateway_ThreeCopies(t *testing.T) {
	e := setup(t)
	b, c := e.copyOf(t), e.copyOf(t)
	chainID := new(big.Int).SetUint64(e.dep.ChainID)
	market := eip712.EscrowDomain(chainID, e.dep.Contracts.AgentEscrow.Address)
	beats := eip712.GatewayDomain(chainID, e.dep.Contracts.IdentityRegistry.Address)
	token := e.dep.Contracts.TestUSD.Address
	buyer := e.chain.Keys[6]

	// Providers 0 and 1 on copy B, provider 2 on copy C: online there, listening there.
	var providers []seed.Agent
	var conns []*websocket.Conn
	for i, f := range []string{"01-vietnamese-invoice-ocr.json", "07-translation.json", "09-smart-contract-audit.json"} {
		a := e.agentByFile(t, f)
		at := b.url
		if i == 2 {
			at = c.url
		}
		hb := eip712.Heartbeat{AgentID: a.AgentID, Status: eip712.HeartbeatOnline, Price: big.NewInt(1), Token: token,
			P95LatencyMs: 100, Capacity: 4, ExpiresAt: uint64(time.Now().Add(10 * time.Minute).Unix()), Nonce: big.NewInt(time.Now().UnixNano())}
		if code, body := postTo(t, at, "/v1/heartbeats", heartbeat(t, beats, hb, a.Wallet)); code != 200 {
			t.Fatalf("heartbeat of %s at %s: %d %s", f, at, code, body)
		}
		providers = append(providers, a)
		conns = append(conns, dialAt(t, at, "capability=invoice+ocr&agentId="+a.AgentID.String()))
	}
	nonce := time.Now().UnixNano()
	newRFQ := func(window uint32) eip712.RFQ {
		nonce++
		now := time.Now()
		return eip712.RFQ{Buyer: addressOf(buyer), Capability: "invoice ocr", InputSpecHash: crypto.Keccak256Hash([]byte("3 copies")),
			Token: token, MaxPrice: big.NewInt(1000), DeliveryDeadline: uint64(now.Add(time.Hour).Unix()), QuoteWindowMs: window,
			Auction: eip712.AuctionFirstPrice, ReviewWindow: 3600, Nonce: big.NewInt(nonce), Expiry: uint64(now.Add(10 * time.Minute).Unix())}
	}
	// quote makes provider i hear the RFQ on its copy's stream and quote on it at price.
	quote := func(i int, rfqID string, price int64) {
		t.Helper()
		var heard event
		for heard.Type != "rfq" || heard.RFQ == nil || heard.RFQ.ID != rfqID {
			heard = readEvent(t, conns[i], 10*time.Second)
		}
		nonce++
		q := eip712.Quote{RFQID: common.HexToHash(rfqID), ProviderAgentID: providers[i].AgentID, Provider: addressOf(providers[i].Wallet),
			Price: big.NewInt(price), DeliveryDeadline: uint64(time.Now().Add(30 * time.Minute).Unix()), SLAHash: crypto.Keccak256Hash([]byte("sla")),
			Nonce: big.NewInt(nonce), ValidUntil: uint64(time.Now().Add(5 * time.Minute).Unix())}
		msg := signed(t, market, q, providers[i].Wallet, nil)
		msg["type"], msg["rfqId"] = "quote", rfqID
		send(t, conns[i], msg)
		for {
			ev := readEvent(t, conns[i], 10*time.Second)
			if ev.Type == "quote_accepted" && ev.Quote != nil {
				return
			}
			if ev.Type == "problem" {
				t.Fatalf("provider %d's quote refused: %+v", i, ev.Problem)
			}
		}
	}

	// The RFQ on copy A; quotes on B and C; C dies before the window ends.
	watcher := e.dial(t, "watch=market")
	res := e.post("/v1/rfqs", signed(t, market, newRFQ(2500), buyer, nil))
	if res.Status != http.StatusCreated {
		t.Fatalf("POST rfq: %d %s", res.Status, res.Body)
	}
	var opened rfqResult
	res.decode(t, &opened)
	quote(0, opened.ID, 700)
	quote(1, opened.ID, 650)
	quote(2, opened.ID, 600) // the best, accepted by C
	c.kill()
	v := e.awaitClose(t, opened.ID)
	if v.Status != "awarded" || len(v.Ranked) != 3 || v.Award == nil || v.Award.ProviderAgentID != providers[2].AgentID.String() {
		t.Fatalf("after C died: %s, %d ranked, award %+v; want provider 2's quote (accepted by C) to win among 3", v.Status, len(v.Ranked), v.Award)
	}
	// Decided once: one close, one award entry, one closed event to a watcher.
	for ev := readEvent(t, watcher, 10*time.Second); ev.Type != "closed" || ev.RFQ == nil || ev.RFQ.ID != opened.ID; ev = readEvent(t, watcher, 10*time.Second) {
	}
	if n := e.count(`SELECT count(*) FROM audit_log a WHERE a.subject = $1 AND a.action LIKE 'auction.%'`, "rfq:"+opened.ID) +
		e.count(`SELECT count(*) FROM audit_pending a WHERE a.subject = $1 AND a.action LIKE 'auction.%'`, "rfq:"+opened.ID); n != 1 {
		t.Fatalf("the auction was decided %d times", n)
	}
	rctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
	defer cancel()
	for {
		_, data, err := watcher.Read(rctx)
		if err != nil {
			break // no second close within the time
		}
		var ev event
		if json.Unmarshal(data, &ev) == nil && ev.Type == "closed" && ev.RFQ != nil && ev.RFQ.ID == opened.ID {
			t.Fatal("the watcher heard the close twice")
		}
	}

	// The parties sign on different copies (the winner on B, now that C is gone; the buyer on A); every
	// surviving copy shows the signed agreement.
	d, m, err := eip712.ParseTypedData(v.Award.Agreement)
	if err != nil {
		t.Fatal(err)
	}
	sign := func(key *ecdsa.PrivateKey) string {
		sig, err := eip712.Sign(key, d, m)
		if err != nil {
			t.Fatal(err)
		}
		return hexutil.Encode(sig)
	}
	if code, body := postTo(t, b.url, "/v1/agreements", map[string]any{"typedData": v.Award.Agreement, "providerSignature": sign(providers[2].Wallet)}); code != http.StatusAccepted {
		t.Fatalf("the winner's signature on B: %d %s", code, body)
	}
	if r := e.post("/v1/agreements", map[string]any{"typedData": v.Award.Agreement, "clientSignature": sign(buyer)}); r.Status != http.StatusCreated {
		t.Fatalf("the buyer's signature on A: %d %s", r.Status, r.Body)
	}
	for _, base := range []string{e.http.URL, b.url} {
		r, err := http.Get(base + "/v1/agreements/" + v.Award.AgreementID)
		if err != nil {
			t.Fatal(err)
		}
		var a struct{ State string }
		_ = json.NewDecoder(r.Body).Decode(&a)
		r.Body.Close()
		if a.State != "signed" {
			t.Fatalf("%s shows the agreement %q, want signed", base, a.State)
		}
	}

	// A winner that does not sign: penalised once, though every copy sweeps.
	code, body := postTo(t, b.url, "/v1/rfqs", signed(t, market, newRFQ(1500), buyer, nil))
	if code != http.StatusCreated {
		t.Fatalf("the second RFQ on B: %d %s", code, body)
	}
	var second rfqResult
	if err := json.Unmarshal(body, &second); err != nil {
		t.Fatal(err)
	}
	quote(0, second.ID, 500)
	quote(1, second.ID, 550)
	v = e.awaitClose(t, second.ID)
	if v.Award == nil || v.Award.ProviderAgentID != providers[0].AgentID.String() {
		t.Fatalf("second award %+v, want provider 0", v.Award)
	}
	if _, err := e.db.Exec(context.Background(), `UPDATE rfqs SET sign_by = now() - interval '1 second' WHERE id = $1`,
		common.HexToHash(second.ID).Bytes()); err != nil {
		t.Fatal(err)
	}
	e.waitFor("the no-sign sweep", func() bool {
		return e.count(`SELECT count(*) FROM rfqs WHERE id = $1 AND sign_checked`, common.HexToHash(second.ID).Bytes()) == 1
	})
	time.Sleep(1500 * time.Millisecond) // every surviving copy sweeps again meanwhile
	if n := e.count(`SELECT count(*) FROM provider_penalties WHERE rfq_id = $1`, common.HexToHash(second.ID).Bytes()); n != 1 {
		t.Fatalf("%d penalties for one unsigned award", n)
	}

	// One audit log, written by all three copies, that verifies.
	e.waitFor("the audit log integrated and signed", func() bool {
		return e.count(`SELECT count(*) FROM audit_pending`) == 0 &&
			e.count(`SELECT count(*) FROM audit_tree t JOIN audit_checkpoints c ON c.size = t.size`) == 1
	})
	if n := e.count(`SELECT count(DISTINCT convert_from(entry, 'UTF8')::jsonb->>'source') FROM audit_log
		WHERE convert_from(entry, 'UTF8')::jsonb->>'source' LIKE 'gateway:%'`); n != 3 {
		t.Fatalf("%d gateways wrote to the audit log, want 3", n)
	}
	if n := e.count(`SELECT count(*) FROM audit_log WHERE action = 'penalty.no_sign' AND subject = $1`, "rfq:"+second.ID); n != 1 {
		t.Fatalf("%d penalty entries", n)
	}
	if _, err := audit.VerifyDB(context.Background(), e.db, e.auditVerifier); err != nil {
		t.Fatal(err)
	}
}
