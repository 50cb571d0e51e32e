package gateway_test

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"math/big"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/gateway"
)

// event is one stream message.
type event struct {
	Type   string          `json:"type"`
	RFQID  string          `json:"rfqId"`
	Quotes int             `json:"quotes"`
	RFQ    *rfqResult      `json:"rfq"`
	Typed  json.RawMessage `json:"typedData"`
	Quote  *struct {
		ID string `json:"id"`
	} `json:"quote"`
	Problem   *gateway.Problem `json:"problem"`
	Agreement *struct {
		State string  `json:"state"`
		RFQID *string `json:"rfqId"`
	} `json:"agreement"`
	Penalty *struct {
		AgentID string    `json:"agentId"`
		RFQID   string    `json:"rfqId"`
		Until   time.Time `json:"until"`
	} `json:"penalty"`
}

// awaitEvent reads conn until an event of type typ about the RFQ rfqID arrives (other events are skipped).
func awaitEvent(t *testing.T, conn *websocket.Conn, typ, rfqID string, within time.Duration) event {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			t.Fatalf("no %s event about %s within %s", typ, rfqID, within)
		}
		if ev := readEvent(t, conn, left); ev.Type == typ && ev.RFQID == rfqID {
			return ev
		}
	}
}

// dial opens a WebSocket stream with the query and reads its "subscribed" event.
func (e *env) dial(t *testing.T, query string) *websocket.Conn { return dialAt(t, e.http.URL, query) }

// peer starts a second gateway copy on the same database and returns its URL.
func (e *env) peer(t *testing.T) string { return e.copyOf(t).url }

func dialAt(t *testing.T, base, query string) *websocket.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, res, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(base, "http")+"/v1/stream?"+query, nil)
	if err != nil {
		t.Fatalf("dial %s: %v (%v)", query, err, res)
	}
	t.Cleanup(func() { conn.CloseNow() })
	if ev := readEvent(t, conn, 5*time.Second); ev.Type != "subscribed" {
		t.Fatalf("first event %+v, want subscribed", ev)
	}
	return conn
}

func readEvent(t *testing.T, conn *websocket.Conn, within time.Duration) event {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), within)
	defer cancel()
	_, data, err := conn.Read(ctx)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	var ev event
	if err := json.Unmarshal(data, &ev); err != nil {
		t.Fatalf("event %s: %v", data, err)
	}
	return ev
}

func send(t *testing.T, conn *websocket.Conn, msg any) {
	t.Helper()
	b, _ := json.Marshal(msg)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := conn.Write(ctx, websocket.MessageText, b); err != nil {
		t.Fatal(err)
	}
}

// testStreams: a provider hears a matching RFQ over its WebSocket and quotes on it there, a provider of
// another capability hears nothing, the buyer follows the RFQ (quote count, then the award), and an SSE
// listener gets the same events.
func testStreams(t *testing.T, e *env, rfq eip712.RFQ, quote func(eip712.RFQ) (eip712.Quote, map[string]any), providerKey *ecdsa.PrivateKey) {
	market := eip712.EscrowDomain(new(big.Int).SetUint64(e.dep.ChainID), e.dep.Contracts.AgentEscrow.Address)
	q, _ := quote(rfq)
	provider := e.dial(t, "capability=invoice+ocr&capability=receipt&agentId="+q.ProviderAgentID.String())
	other := e.dial(t, "capability=translation")
	buyer := e.dial(t, "capability=nothing+matches+this")
	// A listener on another gateway copy hears the same RFQ and its close through NOTIFY agora_market.
	remote := dialAt(t, e.peer(t), "capability=invoice")
	// A market watcher (the explorer) hears it without naming a capability, and follows it.
	watcher := e.dial(t, "watch=market")

	sse, err := http.Get(e.http.URL + "/v1/stream/sse?capability=ocr")
	if err != nil {
		t.Fatal(err)
	}
	defer sse.Body.Close()
	if ct := sse.Header.Get("Content-Type"); sse.StatusCode != 200 || ct != "text/event-stream" {
		t.Fatalf("SSE: %d %s", sse.StatusCode, ct)
	}
	sseEvents := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(sse.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				sseEvents <- name
			}
		}
		close(sseEvents)
	}()
	if ev := <-sseEvents; ev != "subscribed" {
		t.Fatalf("first SSE event %q", ev)
	}

	res := e.post("/v1/rfqs", signed(t, market, rfq, e.chain.Keys[5], nil))
	if res.Status != http.StatusCreated {
		t.Fatalf("POST rfq: %d %s", res.Status, res.Body)
	}
	var opened rfqResult
	res.decode(t, &opened)
	send(t, buyer, map[string]any{"type": "follow", "rfqId": opened.ID})
	if ev := readEvent(t, buyer, 5*time.Second); ev.Type != "following" || ev.RFQID != opened.ID {
		t.Fatalf("follow answer %+v", ev)
	}

	heard := readEvent(t, provider, 5*time.Second)
	if heard.Type != "rfq" || heard.RFQ == nil || heard.RFQ.ID != opened.ID {
		t.Fatalf("provider heard %+v, want the RFQ %s", heard, opened.ID)
	}
	// The provider checks what the buyer signed before quoting.
	if d, m, err := eip712.ParseTypedData(heard.Typed); err != nil || m.PrimaryType() != "RFQ" || d.ChainID.Uint64() != e.dep.ChainID {
		t.Fatalf("rfq event typed data: %v %v", m, err)
	}
	if ev := <-sseEvents; ev != "rfq" {
		t.Fatalf("SSE event %q, want rfq", ev)
	}
	if ev := readEvent(t, remote, 10*time.Second); ev.Type != "rfq" || ev.RFQ == nil || ev.RFQ.ID != opened.ID {
		t.Fatalf("the other gateway's listener heard %+v, want the RFQ %s", ev, opened.ID)
	}

	q, body := quote(rfq)
	send(t, provider, map[string]any{"type": "quote", "rfqId": opened.ID, "typedData": body["typedData"], "signature": body["signature"]})
	if ev := readEvent(t, provider, 5*time.Second); ev.Type != "quote_accepted" || ev.Quote == nil {
		t.Fatalf("quote answer %+v", ev)
	}
	send(t, provider, map[string]any{"type": "quote", "rfqId": opened.ID, "typedData": body["typedData"], "signature": body["signature"]})
	if ev := readEvent(t, provider, 5*time.Second); ev.Type != "problem" || ev.Problem == nil || ev.Problem.Code != gateway.CodeNonceUsed {
		t.Fatalf("replayed quote answer %+v, want problem nonce_used", ev)
	}
	send(t, provider, map[string]any{"type": "bid", "rfqId": opened.ID})
	if ev := readEvent(t, provider, 5*time.Second); ev.Type != "problem" || ev.Problem.Code != gateway.CodeInvalidBody {
		t.Fatalf("unknown message answer %+v", ev)
	}
	if ev := readEvent(t, buyer, 5*time.Second); ev.Type != "quote" || ev.RFQID != opened.ID || ev.Quotes != 1 {
		t.Fatalf("buyer heard %+v, want one quote on %s", ev, opened.ID)
	}
	if ev := readEvent(t, watcher, 5*time.Second); ev.Type != "rfq" || ev.RFQ == nil || ev.RFQ.ID != opened.ID {
		t.Fatalf("the watcher heard %+v, want the RFQ %s", ev, opened.ID)
	}
	if ev := readEvent(t, watcher, 5*time.Second); ev.Type != "quote" || ev.Quotes != 1 {
		t.Fatalf("the watcher heard %+v, want the quote count", ev)
	}

	var award json.RawMessage
	for _, c := range []struct {
		name string
		conn *websocket.Conn
	}{{"buyer", buyer}, {"provider", provider}, {"watcher", watcher}} {
		ev := readEvent(t, c.conn, 10*time.Second)
		if ev.Type != "closed" || ev.RFQ == nil || ev.RFQ.Award == nil || ev.RFQ.Award.ProviderAgentID != q.ProviderAgentID.String() {
			t.Fatalf("%s heard %+v, want the award to agent %s", c.name, ev, q.ProviderAgentID)
		}
		award = ev.RFQ.Award.Agreement
	}
	if ev := <-sseEvents; ev != "closed" {
		t.Fatalf("SSE event %q, want closed", ev)
	}
	if ev := readEvent(t, remote, 10*time.Second); ev.Type != "closed" || ev.RFQ == nil || ev.RFQ.Award == nil {
		t.Fatalf("the other gateway's listener heard %+v, want the close", ev)
	}
	// The translation provider heard nothing of it.
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if _, data, err := other.Read(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a provider of another capability heard %s (%v)", data, err)
	}

	// Both sign the award's agreement, one after the other, and fund it on chain: the buyer (following the
	// RFQ) and the provider (its agentId) hear it awarded (the client's signature in), signed (both), then
	// funded once the indexer commits the block.
	testAwardFundsOnChain(t, e, award, e.chain.Keys[5], providerKey)
	for _, c := range []struct {
		name string
		conn *websocket.Conn
	}{{"buyer", buyer}, {"provider", provider}} {
		for _, state := range []string{"awarded", "signed", "funded"} {
			ev := readEvent(t, c.conn, 30*time.Second)
			if ev.Type != "agreement" || ev.Agreement == nil || ev.Agreement.State != state || ev.Agreement.RFQID == nil || *ev.Agreement.RFQID != opened.ID {
				t.Fatalf("%s heard %+v, want the agreement of %s %s", c.name, ev, opened.ID, state)
			}
		}
	}

	send(t, buyer, map[string]any{"type": "unfollow", "rfqId": opened.ID})
	if ev := readEvent(t, buyer, 5*time.Second); ev.Type != "unfollowed" || ev.RFQID != opened.ID {
		t.Fatalf("unfollow answer %+v", ev)
	}

	// Bad subscriptions are problems before any upgrade.
	for q, code := range map[string]string{
		"":                          gateway.CodeInvalidQuery,
		"topic=ocr":                 gateway.CodeInvalidQuery,
		"rfq=0x12":                  gateway.CodeInvalidID,
		"agentId=abc":               gateway.CodeInvalidAgentID,
		"watch=all":                 gateway.CodeInvalidQuery,
		"watch=market&watch=market": gateway.CodeInvalidQuery,
		"capability=" + url.QueryEscape(strings.Repeat("x", 101)): gateway.CodeInvalidQuery,
		"capability=" + strings.Repeat("a&capability=", 20) + "a": gateway.CodeInvalidQuery,
	} {
		e.get("/v1/stream/sse?"+q).problem(t, 400, code)
	}
}
