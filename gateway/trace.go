package gateway

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"

	"github.com/agoralabs/agora/tracing"
)

// Traces of the market (docs/tracing.md): a server span per request, continuing the caller's W3C
// traceparent; and one trace per RFQ holding the whole trade. The RFQ's rfq.post span is stored with it
// (rfqs.trace_parent), so that what happens later, in background loops and on other gateway copies — the
// fan-out, each quote, the close and its award, the signatures, a no-sign penalty, and the escrow job's
// states as the indexer commits their blocks — are spans of the same trace. The award span's context is the
// agreement's (rfqs.award_trace_parent, agreements.trace_parent): its signatures and its job hang under it.

const tracerName = "github.com/agoralabs/agora/gateway"

// Attributes: the GenAI agent conventions where they fit, the marketplace's own under agora.
const (
	attrOperation  = attribute.Key("gen_ai.operation.name") // invoke_agent: the provider agent is engaged
	attrAgentID    = attribute.Key("gen_ai.agent.id")       // the provider agent's ERC-8004 id (decimal)
	attrAgentName  = attribute.Key("gen_ai.agent.name")     // its registration file's name
	attrErrorType  = semconv.ErrorTypeKey                   // a refusal's problem code, a failed job's state
	attrRFQ        = attribute.Key("agora.rfq.id")
	attrCapability = attribute.Key("agora.rfq.capability")
	attrMaxPrice   = attribute.Key("agora.rfq.max_price")
	attrBuyer      = attribute.Key("agora.buyer")
	attrRule       = attribute.Key("agora.auction.rule")
	attrQuotes     = attribute.Key("agora.auction.quotes")
	attrRefused    = attribute.Key("agora.auction.refused")
	attrOutcome    = attribute.Key("agora.outcome")
	attrWinner     = attribute.Key("agora.auction.winner")
	attrPrice      = attribute.Key("agora.price") // what is paid (award, agreement), or quoted (quote)
	attrQuote      = attribute.Key("agora.quote.id")
	attrAgreement  = attribute.Key("agora.agreement.id")
	attrParty      = attribute.Key("agora.agreement.party")
	attrState      = attribute.Key("agora.agreement.state")
	attrSignBy     = attribute.Key("agora.agreement.sign_by")
	attrStreams    = attribute.Key("agora.streams")
	attrUntil      = attribute.Key("agora.penalty.until")
	attrJob        = attribute.Key("agora.job.id")
	attrJobState   = attribute.Key("agora.job.state")
	attrAmount     = attribute.Key("agora.amount")
	attrBlock      = attribute.Key("agora.chain.block")
	attrTx         = attribute.Key("agora.chain.tx")
	attrLogIndex   = attribute.Key("agora.chain.log_index")
	invokeAgent    = "invoke_agent"
)

// problemKey is the gin context key of the problem code a request was answered with (writeProblem).
const problemKey = "agora.problem"

// setupTracing takes Config.TracerProvider (nil: no spans; the request's traceparent still reaches the audit
// entries as a remote span context).
func (s *Server) setupTracing() {
	tp := s.cfg.TracerProvider
	s.tracing = tp != nil
	if tp == nil {
		tp = noop.NewTracerProvider()
	}
	s.tracer = tp.Tracer(tracerName)
}

// traceContext is the request's server span, a child of the caller's traceparent (propagation.TraceContext)
// when it sends one. Audit entries record its trace id (audit.TraceID), whether the caller or the gateway
// started the trace.
func (s *Server) traceContext(c *gin.Context) {
	if !s.tracing { // no spans: the caller's trace context alone, for the audit entries
		if c.GetHeader("traceparent") != "" {
			c.Request = c.Request.WithContext(tracing.Propagator.Extract(c.Request.Context(), propagation.HeaderCarrier(c.Request.Header)))
		}
		c.Next()
		return
	}
	ctx := tracing.Propagator.Extract(c.Request.Context(), propagation.HeaderCarrier(c.Request.Header))
	route := c.FullPath()
	name := c.Request.Method
	if route != "" {
		name += " " + route
	}
	ctx, span := s.tracer.Start(ctx, name, trace.WithSpanKind(trace.SpanKindServer), trace.WithAttributes(
		semconv.HTTPRequestMethodKey.String(c.Request.Method), semconv.URLPathKey.String(clipTo(c.Request.URL.Path, maxInstance)),
		semconv.HTTPRouteKey.String(route), semconv.ClientAddressKey.String(c.ClientIP())))
	c.Request = c.Request.WithContext(ctx)
	defer func() {
		if r := recover(); r != nil { // recovery, outside, answers it
			span.SetAttributes(attrErrorType.String(CodeInternal))
			span.SetStatus(codes.Error, "panic")
			span.End()
			panic(r)
		}
		status := c.Writer.Status()
		span.SetAttributes(semconv.HTTPResponseStatusCodeKey.Int(status))
		if code := c.GetString(problemKey); code != "" {
			span.SetAttributes(attrErrorType.String(code))
		}
		if status >= 500 {
			span.SetStatus(codes.Error, c.GetString(problemKey))
		}
		span.End()
	}()
	c.Next()
}

// requestSpan starts a span of a request's handler under its server span; endRequestSpan ends it with the
// problem the request was answered with, if any.
func (s *Server) requestSpan(c *gin.Context, name string) (context.Context, trace.Span) {
	ctx, span := s.tracer.Start(c.Request.Context(), name)
	c.Request = c.Request.WithContext(ctx)
	return ctx, span
}

func endRequestSpan(c *gin.Context, span trace.Span) {
	if code := c.GetString(problemKey); code != "" {
		span.SetAttributes(attrErrorType.String(code))
		span.SetStatus(codes.Error, code)
	}
	span.End()
}

// traceParent is ctx's span context as a stored traceparent (nil when tracing is off or there is none).
func (s *Server) traceParent(ctx context.Context) *string {
	if !s.tracing {
		return nil
	}
	carrier := propagation.MapCarrier{}
	tracing.Propagator.Inject(ctx, carrier)
	if tp := carrier.Get("traceparent"); tp != "" {
		return &tp
	}
	return nil
}

// under is ctx with the stored traceparent as its remote parent; ok is false when tracing is off or there is
// none (nothing is traced then: a trade's spans are all in its RFQ's trace).
func (s *Server) under(ctx context.Context, parent *string) (context.Context, bool) {
	if !s.tracing || parent == nil || *parent == "" {
		return ctx, false
	}
	out := tracing.Propagator.Extract(ctx, propagation.MapCarrier{"traceparent": *parent})
	return out, trace.SpanContextFromContext(out).IsValid()
}

// marketSpan is a span of a trade that happened from start to end (zero: now), recorded once its outcome is
// known: a child of the stored parent, linked to the request that caused it when that is in another trace,
// with error.type and an error status when code (a refusal) is set.
type marketSpan struct {
	parent     *string
	name       string
	start, end time.Time
	code       string
	cause      context.Context // the request's context (nil: none)
	attrs      []attribute.KeyValue
}

func (s *Server) record(ctx context.Context, m marketSpan) {
	pctx, ok := s.under(context.WithoutCancel(ctx), m.parent)
	if !ok {
		return
	}
	opts := []trace.SpanStartOption{trace.WithTimestamp(m.start), trace.WithAttributes(m.attrs...)}
	if m.cause != nil {
		if sc := trace.SpanContextFromContext(m.cause); sc.IsValid() && sc.TraceID() != trace.SpanContextFromContext(pctx).TraceID() {
			opts = append(opts, trace.WithLinks(trace.Link{SpanContext: sc}))
		}
	}
	_, span := s.tracer.Start(pctx, m.name, opts...)
	if m.code != "" {
		span.SetAttributes(attrErrorType.String(m.code))
		span.SetStatus(codes.Error, m.code)
	}
	if m.end.IsZero() {
		m.end = time.Now()
	}
	span.End(trace.WithTimestamp(m.end))
}

// agentName is the agent's registration name ("" unknown), for gen_ai.agent.name.
func (s *Server) agentName(ctx context.Context, agentID string) string {
	var name string
	_ = s.pool.QueryRow(ctx, `SELECT name FROM agent_profiles WHERE agent_id = $1::text::numeric`, agentID).Scan(&name)
	return name
}

// agentAttrs are the GenAI attributes of a provider agent.
func (s *Server) agentAttrs(ctx context.Context, agentID string) []attribute.KeyValue {
	attrs := []attribute.KeyValue{attrAgentID.String(agentID)}
	if name := s.agentName(ctx, agentID); name != "" {
		attrs = append(attrs, attrAgentName.String(name))
	}
	return attrs
}

// quoteTrace is what a quote's span needs, filled by takeQuote as it learns it.
type quoteTrace struct {
	quote  common.Hash
	agent  string
	price  string
	parent *string // the RFQ's rfq.post span
	known  bool    // parent was read with the RFQ
}

// acceptQuote checks a signed quote on RFQ rfqID and stores it (takeQuote); a refusal is a *Problem and
// stores nothing. Either way the quote is a span of the RFQ's trace, linked to the provider's request.
func (s *Server) acceptQuote(ctx context.Context, rfqID common.Hash, req signedMessage) (*quoteAccepted, *Problem) {
	start := time.Now()
	var tr quoteTrace
	res, p := s.takeQuote(ctx, rfqID, req, &tr)
	if !s.tracing {
		return res, p
	}
	if !tr.known {
		_ = s.pool.QueryRow(ctx, `SELECT trace_parent FROM rfqs WHERE id = $1`, rfqID.Bytes()).Scan(&tr.parent)
	}
	m := marketSpan{parent: tr.parent, name: "quote", start: start, cause: ctx,
		attrs: []attribute.KeyValue{attrRFQ.String(rfqID.Hex()), attrOutcome.String("accepted")}}
	if p != nil {
		m.code, m.attrs[1] = p.Code, attrOutcome.String("refused")
	}
	if tr.quote != (common.Hash{}) {
		m.attrs = append(m.attrs, attrQuote.String(tr.quote.Hex()), attrPrice.String(tr.price))
	}
	if tr.agent != "" {
		m.attrs = append(m.attrs, s.agentAttrs(ctx, tr.agent)...)
	}
	s.record(ctx, m)
	return res, p
}

// closeTrace holds a close's spans while it is decided and stored: auction.decide, a child of the RFQ's
// rfq.post, and award under it.
type closeTrace struct {
	s             *Server
	ctx           context.Context // under auction.decide (the close's audit entry records its trace id)
	decide, award trace.Span
	traced        bool
}

// traceClose starts the auction.decide span of a close that began at start (nothing when the RFQ has no trace).
func (s *Server) traceClose(ctx context.Context, parent *string, start time.Time) *closeTrace {
	ct := &closeTrace{s: s, ctx: ctx}
	pctx, ok := s.under(ctx, parent)
	if !ok {
		return ct
	}
	ct.traced = true
	ct.ctx, ct.decide = s.tracer.Start(pctx, "auction.decide", trace.WithTimestamp(start))
	return ct
}

// awarded starts the award span and returns its traceparent, stored with the RFQ for the agreement's spans.
func (ct *closeTrace) awarded(v *rfqView) *string {
	if !ct.traced || v.Award == nil {
		return nil
	}
	a := v.Award
	var actx context.Context
	actx, ct.award = ct.s.tracer.Start(ct.ctx, "award", trace.WithAttributes(attrRFQ.String(v.ID), attrOperation.String(invokeAgent),
		attrAgreement.String(a.AgreementID), attrPrice.String(a.Paid), attrQuote.String(a.QuoteID),
		attrSignBy.String(a.SignBy.Format(time.RFC3339))))
	return ct.s.traceParent(actx)
}

// end ends the close's spans: the rule, the quotes, the outcome, the winner and price, each refusal as an
// event; err (the close was not stored: the sweep decides it again) marks them failed. v is nil when the
// close failed before deciding.
func (ct *closeTrace) end(v *rfqView, quotes int, refused []refusal, err error) {
	if !ct.traced {
		return
	}
	if v == nil {
		ct.decide.SetAttributes(attrErrorType.String("close_failed"))
		ct.decide.SetStatus(codes.Error, "close not decided")
		ct.decide.End()
		return
	}
	ct.decide.SetAttributes(attrRFQ.String(v.ID), attrRule.String(v.Auction), attrQuotes.Int(quotes),
		attrRefused.Int(len(refused)), attrOutcome.String(v.Status))
	for _, r := range refused {
		ct.decide.AddEvent("quote.refused", trace.WithAttributes(attrQuote.String(r.QuoteID), attrAgentID.String(r.ProviderAgentID),
			attrErrorType.String(r.Reason)))
	}
	if a := v.Award; a != nil {
		ct.decide.SetAttributes(attrWinner.String(a.ProviderAgentID), attrPrice.String(a.Paid))
	}
	if ct.award != nil {
		ct.award.SetAttributes(ct.s.agentAttrs(ct.ctx, v.Award.ProviderAgentID)...)
		if err != nil {
			ct.award.SetStatus(codes.Error, "close not stored")
		}
		ct.award.End()
	}
	if err != nil {
		ct.decide.SetAttributes(attrErrorType.String("close_failed"))
		ct.decide.SetStatus(codes.Error, "close not stored")
	}
	ct.decide.End()
}

// agreementTrace is what a signature's span needs, filled by postAgreement.
type agreementTrace struct {
	id      common.Hash
	rfq     []byte
	agent   string
	price   string
	parties []string // the signatures the request carried
	state   string
}

// traceAgreement records an agreement.sign span per signature a request carried, under the award's span,
// linked to the request: accepted (with the agreement's new state) or refused (error.type).
func (s *Server) traceAgreement(c *gin.Context, start time.Time, tr *agreementTrace) {
	if !s.tracing || tr.id == (common.Hash{}) {
		return
	}
	ctx := c.Request.Context()
	var parent *string
	_ = s.pool.QueryRow(ctx, `SELECT COALESCE((SELECT trace_parent FROM agreements WHERE id = $1),
		(SELECT award_trace_parent FROM rfqs WHERE id = $2))`, tr.id.Bytes(), tr.rfq).Scan(&parent)
	attrs := append([]attribute.KeyValue{attrAgreement.String(tr.id.Hex()), attrRFQ.String(common.BytesToHash(tr.rfq).Hex()),
		attrOperation.String(invokeAgent), attrPrice.String(tr.price)}, s.agentAttrs(ctx, tr.agent)...)
	if tr.state != "" {
		attrs = append(attrs, attrState.String(tr.state))
	}
	for _, party := range tr.parties {
		s.record(ctx, marketSpan{parent: parent, name: "agreement.sign", start: start, cause: ctx, code: c.GetString(problemKey),
			attrs: append(attrs[:len(attrs):len(attrs)], attrParty.String(party))})
	}
}

// tracePenalty records the penalty.no_sign span of a winner that did not sign RFQ id's award, under the award.
func (s *Server) tracePenalty(ctx context.Context, id common.Hash, agent string, since, until time.Time) {
	if !s.tracing {
		return
	}
	var parent *string
	_ = s.pool.QueryRow(ctx, `SELECT award_trace_parent FROM rfqs WHERE id = $1`, id.Bytes()).Scan(&parent)
	s.record(ctx, marketSpan{parent: parent, name: "penalty.no_sign", start: since, code: "no_sign",
		attrs: append([]attribute.KeyValue{attrRFQ.String(id.Hex()), attrUntil.String(until.UTC().Format(time.RFC3339))},
			s.agentAttrs(ctx, agent)...)})
}

// jobEvents are the escrow's events that change a job's state, as the indexer mirrors them: the span name's
// suffix, the table, and the amount column ("": none).
var jobEvents = []struct{ kind, table, amount string }{
	{"funded", "escrow_job_funded", "amount"},
	{"submitted", "escrow_job_submitted", ""},
	{"completed", "escrow_job_completed", ""},
	{"rejected", "escrow_job_rejected", ""},
	{"expired", "escrow_job_expired", ""},
	{"disputed", "escrow_job_disputed", ""},
	{"resolved", "escrow_dispute_resolved", ""},
	{"refunded", "escrow_refunded", "amount"},
	{"settled", "escrow_job_settled", "to_provider"},
	{"terminated", "escrow_job_terminated", ""},
}

// jobEventsSQL claims the agreements from RFQs whose escrow job changed state in the blocks ($1, $2] (each
// once, whichever gateway copy comes first: the row lock and traced_block) and reads the events of each
// since it was last traced.
var jobEventsSQL = func() string {
	union := ""
	for i, e := range jobEvents {
		amount := "NULL::text"
		if e.amount != "" {
			amount = "x." + e.amount + "::text"
		}
		if i > 0 {
			union += " UNION ALL "
		}
		union += `SELECT '` + e.kind + `' AS kind, x.block_number, x.log_index, x.tx_hash, x.block_time, ` + amount + ` AS amount
			FROM ` + e.table + ` x WHERE x.job_id = c.job_id AND x.block_number > c.old AND x.block_number <= $2`
	}
	return `WITH due AS (
			SELECT a.id, a.traced_block AS old, j.job_id FROM agreements a JOIN escrow_jobs j ON j.agreement_hash = a.id
			WHERE a.trace_parent IS NOT NULL AND j.status_block > $1 AND j.status_block <= $2 AND a.traced_block < $2
			FOR UPDATE OF a SKIP LOCKED),
		c AS (UPDATE agreements a SET traced_block = $2 FROM due WHERE a.id = due.id
			RETURNING a.id, due.old, due.job_id, a.trace_parent, a.rfq_id, a.provider_agent_id::text AS agent)
		SELECT c.id, c.job_id::text, c.trace_parent, c.rfq_id, c.agent, COALESCE(p.name, ''), e.kind, e.block_number,
			e.log_index, e.tx_hash, e.block_time, e.amount
		FROM c LEFT JOIN agent_profiles p ON p.agent_id = c.agent::numeric
		JOIN LATERAL (` + union + `) e ON true
		ORDER BY e.block_number, e.log_index`
}()

// traceJobs records a span per state change of an escrow job whose agreement came from a traced RFQ, in the
// blocks (from, to] the indexer committed: escrow.<state>, under the award's span, from the block's time to
// when this gateway saw it, with the chain block and transaction.
func (s *Server) traceJobs(ctx context.Context, from, to int64) {
	if !s.tracing {
		return
	}
	now := time.Now()
	var spans []marketSpan // recorded once the claim commits
	err := pgx.BeginFunc(ctx, s.durable, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, jobEventsSQL, from, to)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id, rfq, txHash []byte
			var job, agent, name, kind string
			var parent, amount *string
			var block int64
			var logIndex int
			var at time.Time
			if err := rows.Scan(&id, &job, &parent, &rfq, &agent, &name, &kind, &block, &logIndex, &txHash, &at, &amount); err != nil {
				return err
			}
			attrs := []attribute.KeyValue{attrOperation.String(invokeAgent), attrAgentID.String(agent), attrJob.String(job),
				attrJobState.String(kind), attrAgreement.String(common.BytesToHash(id).Hex()), attrRFQ.String(common.BytesToHash(rfq).Hex()),
				attrBlock.Int64(block), attrTx.String(common.BytesToHash(txHash).Hex()), attrLogIndex.Int(logIndex)}
			if name != "" {
				attrs = append(attrs, attrAgentName.String(name))
			}
			if amount != nil {
				attrs = append(attrs, attrAmount.String(*amount))
			}
			code := ""
			if kind == "rejected" || kind == "expired" || kind == "terminated" {
				code = "job_" + kind
			}
			spans = append(spans, marketSpan{parent: parent, name: "escrow." + kind, start: at, end: now, code: code, attrs: attrs})
		}
		return rows.Err()
	})
	if err != nil {
		if !errors.Is(err, context.Canceled) {
			s.log.Warn("escrow job spans not recorded", "from", from, "to", strconv.FormatInt(to, 10), "err", err)
		}
		return
	}
	for _, m := range spans {
		s.record(ctx, m)
	}
}

// fanoutAttrs are the rfq.fanout span's: the RFQ and how many of this gateway's streams it was sent to.
func fanoutAttrs(rfq string, streams int) []attribute.KeyValue {
	return []attribute.KeyValue{attrRFQ.String(rfq), attrStreams.Int(streams)}
}
