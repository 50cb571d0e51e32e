package gateway_test

import (
	"context"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/gateway"
)

// spans is what the in-memory recorder holds, with lookups for the assertions.
type spans []sdktrace.ReadOnlySpan

func attrOf(s sdktrace.ReadOnlySpan, key string) (attribute.Value, bool) {
	for _, kv := range s.Attributes() {
		if string(kv.Key) == key {
			return kv.Value, true
		}
	}
	return attribute.Value{}, false
}

func str(s sdktrace.ReadOnlySpan, key string) string {
	v, _ := attrOf(s, key)
	return v.Emit()
}

// named returns the spans called name whose attribute key is value ("" key: any).
func (ss spans) named(name, key, value string) spans {
	var out spans
	for _, s := range ss {
		if s.Name() == name && (key == "" || str(s, key) == value) {
			out = append(out, s)
		}
	}
	return out
}

// one is the single span called name with key = value; it fails t otherwise.
func (ss spans) one(t *testing.T, name, key, value string) sdktrace.ReadOnlySpan {
	t.Helper()
	got := ss.named(name, key, value)
	if len(got) != 1 {
		t.Fatalf("%d %s spans with %s=%s, want 1 (%s)", len(got), name, key, value, ss.names())
	}
	return got[0]
}

func (ss spans) names() string {
	var n []string
	for _, s := range ss {
		n = append(n, s.Name())
	}
	return strings.Join(n, ", ")
}

// childOf fails t unless child's parent is parent, in the same trace.
func childOf(t *testing.T, child, parent sdktrace.ReadOnlySpan) {
	t.Helper()
	if child.Parent().SpanID() != parent.SpanContext().SpanID() || child.SpanContext().TraceID() != parent.SpanContext().TraceID() {
		t.Fatalf("%s (parent %s) is not a child of %s (%s)", child.Name(), child.Parent().SpanID(), parent.Name(), parent.SpanContext().SpanID())
	}
}

func wantAttr(t *testing.T, s sdktrace.ReadOnlySpan, key, want string) {
	t.Helper()
	if got := str(s, key); got != want {
		t.Fatalf("%s: %s = %q, want %q", s.Name(), key, got, want)
	}
}

// TestTrace_Trade runs one whole trade against the real stack with an in-memory span recorder: a buyer whose
// own work is traced posts an RFQ (its traceparent carried by the client), providers quote (one above the
// maximum: refused), the auction closes, both sign, the buyer funds the job on chain, the provider submits,
// the buyer completes. The trade is one trace, the buyer's: the request's server span under the buyer's span,
// rfq.post under it, the fan-out and every quote under rfq.post, auction.decide under it and award under the
// decision, then the signatures and every escrow state under the award, with the job's chain block and
// transaction as the chain has them. A second RFQ, whose winner never signs, ends in a penalty.no_sign span
// under its award. The audit entries of the trade carry the buyer's trace id.
func TestTrace_Trade(t *testing.T) {
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	e := setup(t, func(c *gateway.Config) { c.TracerProvider = tp })
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c, err := client.New(e.http.URL, client.WithDeployment(e.dep))
	if err != nil {
		t.Fatal(err)
	}
	domain := eip712.EscrowDomain(new(big.Int).SetUint64(e.dep.ChainID), e.dep.Contracts.AgentEscrow.Address)
	token := e.dep.Contracts.TestUSD.Address
	buyer := client.NewKeySigner(e.chain.Keys[5])
	type provider struct {
		id     *big.Int
		wallet *client.KeySigner
	}
	var ps []provider
	for _, f := range []string{"01-vietnamese-invoice-ocr.json", "07-translation.json", "09-smart-contract-audit.json"} {
		a := e.agentByFile(t, f)
		p := provider{a.AgentID, client.NewKeySigner(a.Wallet)}
		hb := eip712.Heartbeat{AgentID: a.AgentID, Status: eip712.HeartbeatOnline, Price: big.NewInt(1), Token: token, P95LatencyMs: 100,
			Capacity: 4, ExpiresAt: uint64(time.Now().Add(10 * time.Minute).Unix()), Nonce: big.NewInt(time.Now().UnixNano())}
		if _, err := c.PostHeartbeat(ctx, p.wallet, hb); err != nil {
			t.Fatalf("heartbeat of %s: %v", f, err)
		}
		ps = append(ps, p)
	}
	winner, loser, late := ps[0], ps[1], ps[2]
	// One provider listens: the fan-out reaches its stream.
	stream, err := c.Subscribe(ctx, client.Subscription{Capabilities: []string{"ocr"}, AgentID: winner.id.String()})
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	nextEvent(t, stream, "subscribed", func(ev client.Event) bool { return ev.Type == client.EventSubscribed })

	rfqFor := func(nonce int64) eip712.RFQ {
		now := time.Now()
		return eip712.RFQ{Buyer: buyer.Address(), Capability: "ocr", InputSpecHash: crypto.Keccak256Hash([]byte("invoices")), Token: token,
			MaxPrice: big.NewInt(1000), DeliveryDeadline: uint64(now.Add(time.Hour).Unix()), QuoteWindowMs: 1500, ReviewWindow: 3600,
			Nonce: big.NewInt(now.UnixNano() + nonce), Expiry: uint64(now.Add(10 * time.Minute).Unix())}
	}
	quote := func(ctx context.Context, p provider, rfqID common.Hash, price int64, deliver time.Duration) error {
		now := time.Now()
		_, err := c.PostQuote(ctx, p.wallet, eip712.Quote{RFQID: rfqID, ProviderAgentID: p.id, Price: big.NewInt(price),
			DeliveryDeadline: uint64(now.Add(deliver).Unix()), SLAHash: crypto.Keccak256Hash([]byte("sla")),
			Nonce: big.NewInt(now.UnixNano()), ValidUntil: uint64(now.Add(5 * time.Minute).Unix())})
		return err
	}

	// The RFQ whose winner will not sign: its own trace, started by the gateway. The quote's delivery deadline
	// is near, so the award must be signed within a second or two of the close (signBy).
	unsigned, err := c.PostRFQ(ctx, buyer, rfqFor(1))
	if err != nil {
		t.Fatal(err)
	}
	if err := quote(ctx, late, common.HexToHash(unsigned.ID), 500, 5*time.Second); err != nil {
		t.Fatal(err)
	}

	// The buyer's own span: the trade continues its trace.
	buyerTrace, _ := trace.TraceIDFromHex("4bf92f3577b34da6a3ce929d0e0e4736")
	buyerSpan, _ := trace.SpanIDFromHex("00f067aa0ba902b7")
	bctx := trace.ContextWithSpanContext(ctx, trace.NewSpanContext(trace.SpanContextConfig{TraceID: buyerTrace, SpanID: buyerSpan,
		TraceFlags: trace.FlagsSampled, Remote: true}))
	rfq := rfqFor(2)
	posted, err := c.PostRFQ(bctx, buyer, rfq)
	if err != nil {
		t.Fatal(err)
	}
	rfqID := common.HexToHash(posted.ID)
	nextEvent(t, stream, "the RFQ", func(ev client.Event) bool { return ev.Type == client.EventRFQ && ev.RFQ.ID == posted.ID })
	if err := quote(ctx, winner, rfqID, 700, 30*time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := quote(ctx, loser, rfqID, 900, 30*time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := quote(ctx, late, rfqID, 2000, 30*time.Minute); !client.IsProblem(err, gateway.CodeAboveMaxPrice) {
		t.Fatalf("a quote above the maximum: %v", err)
	}
	closed := e.awaitClose(t, posted.ID)
	if closed.Award == nil || closed.Award.Paid != "700" || closed.Award.ProviderAgentID != winner.id.String() {
		t.Fatalf("close %+v", closed)
	}
	_, agreement, err := client.ParseAgreement(closed.Award.Agreement)
	if err != nil {
		t.Fatal(err)
	}
	agreementID, _ := eip712.Digest(domain, agreement)
	if _, err := c.PostAgreementSignature(ctx, winner.wallet, closed.Award.Agreement); err != nil {
		t.Fatal(err)
	}
	signed, err := c.PostAgreementSignature(bctx, buyer, closed.Award.Agreement)
	if err != nil || signed.State != client.AgreementSigned {
		t.Fatalf("signed %+v, %v", signed, err)
	}
	cs, psig, err := signed.Signatures()
	if err != nil {
		t.Fatal(err)
	}

	// On chain: fund, submit, complete.
	if err := deployment.MintTestUSD(ctx, e.chain.Client, e.chain.Keys[0], token, []common.Address{buyer.Address()}, agreement.Price,
		30*time.Second); err != nil {
		t.Fatal(err)
	}
	escrow, err := client.NewEscrow(ctx, e.chain.Client, e.dep, 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	funded, err := escrow.Fund(ctx, buyer, agreement, cs, psig)
	if err != nil {
		t.Fatalf("Fund: %v", err)
	}
	submitted, err := escrow.Submit(ctx, winner.wallet, funded.JobID, crypto.Keccak256Hash([]byte("read")))
	if err != nil {
		t.Fatal(err)
	}
	completed, err := escrow.Complete(ctx, buyer, funded.JobID, crypto.Keccak256Hash([]byte("good")))
	if err != nil {
		t.Fatal(err)
	}
	job := funded.JobID.String()
	e.waitFor("the completed job's span and the penalty's", func() bool {
		ss := spans(rec.Ended())
		return len(ss.named("escrow.completed", "agora.job.id", job)) == 1 && len(ss.named("penalty.no_sign", "", "")) == 1
	})

	// The trade is one trace: the buyer's.
	all := spans(rec.Ended())
	var trade spans
	for _, s := range all {
		if s.SpanContext().TraceID() == buyerTrace {
			trade = append(trade, s)
		}
	}
	server := trade.one(t, "POST /v1/rfqs", "", "")
	if server.Parent().SpanID() != buyerSpan || !server.Parent().IsRemote() || server.SpanKind() != trace.SpanKindServer {
		t.Fatalf("the request's span: parent %v kind %v, want the buyer's %s", server.Parent(), server.SpanKind(), buyerSpan)
	}
	post := trade.one(t, "rfq.post", "agora.rfq.id", rfqID.Hex())
	childOf(t, post, server)
	wantAttr(t, post, "agora.auction.rule", "first_price")
	wantAttr(t, post, "agora.rfq.max_price", "1000")
	fanout := trade.one(t, "rfq.fanout", "agora.rfq.id", rfqID.Hex())
	childOf(t, fanout, post)
	if v, _ := attrOf(fanout, "agora.streams"); v.AsInt64() < 1 {
		t.Fatalf("fan-out to %d streams", v.AsInt64())
	}
	quotes := trade.named("quote", "agora.rfq.id", rfqID.Hex())
	if len(quotes) != 3 {
		t.Fatalf("%d quote spans, want 3 (%s)", len(quotes), trade.names())
	}
	for _, q := range quotes {
		childOf(t, q, post)
		if len(q.Links()) != 1 || q.Links()[0].SpanContext.TraceID() == buyerTrace {
			t.Fatalf("quote span links %v, want the provider's request", q.Links())
		}
		if str(q, "gen_ai.agent.name") == "" {
			t.Fatalf("quote of %s has no gen_ai.agent.name", str(q, "gen_ai.agent.id"))
		}
	}
	refused := trade.one(t, "quote", "agora.outcome", "refused")
	wantAttr(t, refused, "error.type", gateway.CodeAboveMaxPrice)
	wantAttr(t, refused, "gen_ai.agent.id", late.id.String())
	if refused.Status().Code != codes.Error {
		t.Fatalf("refused quote status %v", refused.Status())
	}
	wantAttr(t, trade.one(t, "quote", "agora.price", "700"), "agora.outcome", "accepted")
	decide := trade.one(t, "auction.decide", "agora.rfq.id", rfqID.Hex())
	childOf(t, decide, post)
	wantAttr(t, decide, "agora.auction.rule", "first_price")
	wantAttr(t, decide, "agora.auction.quotes", "2")
	wantAttr(t, decide, "agora.outcome", "awarded")
	wantAttr(t, decide, "agora.auction.winner", winner.id.String())
	wantAttr(t, decide, "agora.price", "700")
	award := trade.one(t, "award", "agora.rfq.id", rfqID.Hex())
	childOf(t, award, decide)
	wantAttr(t, award, "agora.agreement.id", agreementID.Hex())
	wantAttr(t, award, "gen_ai.operation.name", "invoke_agent")
	wantAttr(t, award, "gen_ai.agent.id", winner.id.String())
	for _, party := range []string{"provider", "client"} {
		sign := trade.one(t, "agreement.sign", "agora.agreement.party", party)
		childOf(t, sign, award)
		wantAttr(t, sign, "agora.agreement.id", agreementID.Hex())
	}
	wantAttr(t, trade.one(t, "agreement.sign", "agora.agreement.party", "client"), "agora.agreement.state", "signed")
	for state, tx := range map[string]common.Hash{"funded": funded.CreateTx, "submitted": submitted.TxHash, "completed": completed.TxHash,
		"settled": completed.TxHash} {
		s := trade.one(t, "escrow."+state, "agora.job.id", job)
		childOf(t, s, award)
		wantAttr(t, s, "agora.chain.tx", tx.Hex())
		wantAttr(t, s, "agora.agreement.id", agreementID.Hex())
		wantAttr(t, s, "gen_ai.agent.id", winner.id.String())
		receipt, err := e.chain.Client.TransactionReceipt(ctx, tx)
		if err != nil || receipt.Status != types.ReceiptStatusSuccessful {
			t.Fatalf("receipt of %s: %v", tx.Hex(), err)
		}
		wantAttr(t, s, "agora.chain.block", receipt.BlockNumber.String())
	}
	wantAttr(t, trade.one(t, "escrow.funded", "agora.job.id", job), "agora.amount", "700")
	if n := len(all.named("escrow.funded", "agora.job.id", job)); n != 1 {
		t.Fatalf("%d escrow.funded spans of job %s, want exactly one", n, job)
	}

	// The unsigned award: a penalty span under it, in its own trace.
	penalty := all.one(t, "penalty.no_sign", "agora.rfq.id", unsigned.ID)
	childOf(t, penalty, all.one(t, "award", "agora.rfq.id", unsigned.ID))
	wantAttr(t, penalty, "error.type", "no_sign")
	wantAttr(t, penalty, "gen_ai.agent.id", late.id.String())
	if penalty.SpanContext().TraceID() == buyerTrace {
		t.Fatal("the other RFQ's penalty is in the buyer's trace")
	}

	// The audit entries of the trade record the buyer's trace id: the RFQ, its policy decision and the close.
	e.waitFor("the audit entries", func() bool {
		return e.count(`SELECT count(*) FROM audit_log WHERE subject = $1 AND action = 'auction.awarded'`, "rfq:"+rfqID.Hex()) == 1
	})
	for _, action := range []string{"rfq.posted", "auction.awarded"} {
		if n := e.count(`SELECT count(*) FROM audit_log WHERE subject = $1 AND action = $2 AND trace_id = $3`,
			"rfq:"+rfqID.Hex(), action, buyerTrace.String()); n != 1 {
			t.Errorf("%d %s entries of the RFQ carry the buyer's trace id, want 1", n, action)
		}
	}
	// An untraced request's entries carry the trace the gateway started for it.
	if n := e.count(`SELECT count(*) FROM audit_log WHERE subject = $1 AND action = 'rfq.posted' AND trace_id = $2`,
		"rfq:"+unsigned.ID, all.one(t, "rfq.post", "agora.rfq.id", unsigned.ID).SpanContext().TraceID().String()); n != 1 {
		t.Errorf("the gateway-started trace is not in the untraced RFQ's entry (%d)", n)
	}
	t.Logf("trade trace %s: %d spans (%s)", buyerTrace, len(trade), trade.names())
}
