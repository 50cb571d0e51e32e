package gateway

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"
	"golang.org/x/time/rate"
)

// Stream limits (docs/market.md).
const (
	streamBuffer        = 64       // events a subscriber may lag behind before it is dropped
	streamMaxCaps       = 20       // capability subscriptions per stream
	streamMaxFollow     = 50       // RFQs one stream follows
	streamWatchFollow   = 256      // RFQs a market watcher keeps following after hearing them (their jobs' states)
	streamMaxCapLen     = 100      // bytes per capability subscription
	streamReadLimit     = 64 << 10 // bytes per message a client sends
	streamWriteTimeout  = 5 * time.Second
	streamKeepAlive     = 15 * time.Second
	streamMessageRate   = 20 // messages per second a client may send on a WebSocket (burst 40)
	streamEventsPending = 4096
)

var words = regexp.MustCompile(`[\p{L}\p{N}]+`)

// capWords splits a capability into its lowercase words.
func capWords(s string) []string { return words.FindAllString(strings.ToLower(s), -1) }

// streamEvent is one message to a subscriber; Type names it (also the SSE event name).
type streamEvent struct {
	Type      string          `json:"type"` // subscribed, rfq, quote, closed, withdrawn, agreement, penalty, quote_accepted, problem
	RFQID     string          `json:"rfqId,omitempty"`
	Quotes    int             `json:"quotes,omitempty"`
	RFQ       *rfqView        `json:"rfq,omitempty"`
	TypedData json.RawMessage `json:"typedData,omitempty"` // with rfq: what the buyer signed
	Quote     *quoteAccepted  `json:"quote,omitempty"`
	Agreement *agreementView  `json:"agreement,omitempty"` // with agreement: its new state
	Penalty   *marketPenalty  `json:"penalty,omitempty"`   // with penalty: a winner that did not sign
	Problem   *Problem        `json:"problem,omitempty"`
}

type encoded struct {
	typ  string
	data []byte
}

// subscriber is one open stream.
type subscriber struct {
	caps    [][]string // capability subscriptions, as words: an RFQ matches when it has every word of one
	agentID string     // the provider behind the stream ("" none): must be online to hear RFQs; hears direct ones
	// watch is a market watcher (watch=market: the explorer, a dashboard): it hears every open RFQ but direct
	// ones and follows each (quote counts, the close, its agreement's escrow states), the last
	// streamWatchFollow of them (watched, oldest first).
	watch   bool
	watched []string
	client  string // the client address that opened it
	follow  map[string]bool
	out     chan encoded
	dropped chan struct{}
	once    sync.Once
}

// streams fans the market's events out to this gateway's subscribers. Events come from the agora_market
// notifications of every gateway (this one's too), in order; a subscriber that lags more than streamBuffer
// events behind is dropped, so that nobody else waits for it.
type streams struct {
	s         *Server
	mu        sync.Mutex
	subs      map[*subscriber]struct{}
	heard     map[string]map[*subscriber]struct{} // RFQ id -> providers it was sent to: they hear its close
	perClient map[string]int                      // open streams per client address
	events    chan marketMsg
	max       int
}

func newStreams(s *Server, max int) *streams {
	return &streams{s: s, subs: map[*subscriber]struct{}{}, heard: map[string]map[*subscriber]struct{}{},
		perClient: map[string]int{}, events: make(chan marketMsg, streamEventsPending), max: max}
}

// marketEvent is an agora_market payload: "<kind>|<rfq id>|<gateway instance>". The gateway that stores an
// event delivers it to its own streams at once and skips its own notification; the others deliver on it.
func (s *Server) marketEvent(kind string, id common.Hash) string {
	return kind + "|" + id.Hex() + "|" + s.instance
}

// fromPeer queues a notification payload from another gateway copy (this one's own were delivered already).
func (h *streams) fromPeer(payload string) {
	if strings.HasSuffix(payload, "|"+h.s.instance) {
		return
	}
	h.notify(payload)
}

// marketMsg is a market event to deliver: the notification payload, and what the gateway that stored it
// knows already (its own events), so that delivery need not read it back.
type marketMsg struct {
	payload   string
	rfq       *rfqView        // open, closed: the RFQ as GET shows it
	typedData json.RawMessage // open: what the buyer signed
	agreement *agreementView  // agreement: in the state its signature made
	trace     *string         // open: the RFQ's rfq.post span, the fan-out's parent (trace.go)
}

// notify queues a market event for delivery; the caller never waits.
func (h *streams) notify(payload string) { h.queue(marketMsg{payload: payload}) }

// queue queues a market event with what its gateway knows of it (an RFQ's or an agreement's view, as its
// own commit made it; other copies read the record when the notification reaches them, so they may send a
// later state). The caller never waits.
func (h *streams) queue(msg marketMsg) {
	select {
	case h.events <- msg:
	default:
		h.s.log.Warn("market event queue full; event dropped", "event", clip(msg.payload))
	}
}

// add registers sub, or refuses with a problem when the gateway, or sub's client, holds its maximum of streams.
func (h *streams) add(sub *subscriber) *Problem {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.subs) >= h.max {
		return problem(http.StatusServiceUnavailable, CodeUnavailable, "this gateway serves its maximum of %d streams", h.max)
	}
	if h.perClient[sub.client] >= h.s.cfg.MaxClientStreams {
		h.s.metrics.rateLimited.Inc()
		return problem(http.StatusTooManyRequests, CodeRateLimited, "this client has its maximum of %d open streams", h.s.cfg.MaxClientStreams)
	}
	h.perClient[sub.client]++
	h.subs[sub] = struct{}{}
	h.s.metrics.streams.Set(float64(len(h.subs)))
	return nil
}

func (h *streams) remove(sub *subscriber) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.removeLocked(sub)
}

func (h *streams) removeLocked(sub *subscriber) {
	if _, ok := h.subs[sub]; !ok {
		return
	}
	delete(h.subs, sub)
	if h.perClient[sub.client]--; h.perClient[sub.client] <= 0 {
		delete(h.perClient, sub.client)
	}
	for id, set := range h.heard {
		delete(set, sub)
		if len(set) == 0 {
			delete(h.heard, id)
		}
	}
	h.s.metrics.streams.Set(float64(len(h.subs)))
}

// send queues ev for sub, or drops sub when it is too far behind. Callers hold mu.
func (h *streams) sendLocked(sub *subscriber, ev encoded) {
	select {
	case sub.out <- ev:
	default:
		sub.once.Do(func() { close(sub.dropped) })
		h.removeLocked(sub)
		h.s.metrics.streamsDropped.Inc()
	}
}

// reply queues an answer to sub's own message (never blocking; a full buffer drops the stream).
func (h *streams) reply(sub *subscriber, ev streamEvent) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.subs[sub]; ok {
		h.sendLocked(sub, encode(ev))
	}
}

func (h *streams) follow(sub *subscriber, id string) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(sub.follow) >= streamMaxFollow {
		return false
	}
	sub.follow[id] = true
	return true
}

func (h *streams) unfollow(sub *subscriber, id string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(sub.follow, id)
}

func encode(ev streamEvent) encoded {
	b, _ := json.Marshal(ev)
	return encoded{typ: ev.Type, data: b}
}

// run delivers market events until ctx ends.
func (h *streams) run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case msg := <-h.events:
			if err := h.deliver(ctx, msg); err != nil && ctx.Err() == nil {
				h.s.log.Warn("market event not delivered", "event", clip(msg.payload), "err", err)
			}
		}
	}
}

func (h *streams) deliver(ctx context.Context, msg marketMsg) error {
	kind, rest, _ := strings.Cut(msg.payload, "|")
	hexID, tail, _ := strings.Cut(rest, "|")
	h.mu.Lock()
	empty := len(h.subs) == 0
	h.mu.Unlock()
	if empty {
		return nil
	}
	if kind == "block" {
		return h.agreementsChanged(ctx, hexID, tail)
	}
	id, p := parseHash(hexID)
	if p != nil {
		return p
	}
	if kind == "agreement" { // a party signed
		v := msg.agreement
		if v == nil {
			var err error
			if v, err = h.s.loadAgreement(ctx, id); err != nil {
				return err
			}
		}
		h.sendAgreement(v)
		return nil
	}
	if kind == "penalty" {
		return h.penalty(ctx, id)
	}
	if kind == "quote" {
		// Only followers hear quotes, and only their number: no need to read the RFQ.
		h.mu.Lock()
		followed := false
		for sub := range h.subs {
			followed = followed || sub.follow[id.Hex()]
		}
		h.mu.Unlock()
		if !followed {
			return nil
		}
		var n int
		if err := h.s.pool.QueryRow(ctx, `SELECT count(*) FROM quotes WHERE rfq_id = $1`, id.Bytes()).Scan(&n); err != nil {
			return err
		}
		ev := encode(streamEvent{Type: "quote", RFQID: id.Hex(), Quotes: n})
		h.mu.Lock()
		defer h.mu.Unlock()
		for sub := range h.subs {
			if sub.follow[id.Hex()] {
				h.sendLocked(sub, ev)
			}
		}
		return nil
	}
	view := msg.rfq
	if view == nil {
		var err error
		if view, err = h.s.loadRFQ(ctx, id); err != nil {
			return err
		}
	}
	switch kind {
	case "open":
		td, tp := msg.typedData, msg.trace
		if td == nil {
			if err := h.s.pool.QueryRow(ctx, `SELECT typed_data, trace_parent FROM rfqs WHERE id = $1`, id.Bytes()).Scan(&td, &tp); err != nil {
				return err
			}
		}
		ev := encode(streamEvent{Type: "rfq", RFQ: view, TypedData: td})
		now, have, sent := time.Now(), wordSet(view.Capability), 0
		defer func() {
			h.s.record(ctx, marketSpan{parent: tp, name: "rfq.fanout", start: now, attrs: fanoutAttrs(view.ID, sent)})
		}()
		h.mu.Lock()
		defer h.mu.Unlock()
		for sub := range h.subs {
			if h.s.hears(sub, view, have, now) {
				sent++
				if h.heard[view.ID] == nil {
					h.heard[view.ID] = map[*subscriber]struct{}{}
				}
				h.heard[view.ID][sub] = struct{}{}
				h.sendLocked(sub, ev)
				if sub.watch && !sub.follow[view.ID] {
					sub.follow[view.ID] = true
					sub.watched = append(sub.watched, view.ID)
					if len(sub.watched) > streamWatchFollow {
						delete(sub.follow, sub.watched[0])
						sub.watched = sub.watched[1:]
					}
				}
			}
		}
	case "closed", "withdrawn":
		// Followers (the buyer) get the whole result; providers that only heard the RFQ get it without
		// the ranked and refused quotes (a fifth of the size with 50 quotes; GET /v1/rfqs/{id} has them).
		// "withdrawn": the kill switch ended the RFQ before its close (its mandate revoked, its agent frozen).
		full := encode(streamEvent{Type: kind, RFQ: view})
		brief := *view
		brief.Ranked, brief.Refused = nil, nil
		short := encode(streamEvent{Type: kind, RFQ: &brief})
		h.mu.Lock()
		defer h.mu.Unlock()
		heard := h.heard[view.ID]
		delete(h.heard, view.ID)
		for sub := range h.subs {
			if sub.follow[view.ID] {
				h.sendLocked(sub, full)
			} else if _, ok := heard[sub]; ok {
				h.sendLocked(sub, short)
			}
		}
	}
	return nil
}

// agreementsChanged sends an "agreement" event (sendAgreement) for every agreement whose escrow job changed
// status in the blocks (from, to].
func (h *streams) agreementsChanged(ctx context.Context, from, to string) error {
	rows, err := h.s.pool.Query(ctx, `SELECT a.id FROM escrow_jobs j JOIN agreements a ON a.id = j.agreement_hash
		WHERE j.agreement_hash IS NOT NULL AND j.status_block > $1::bigint AND j.status_block <= $2::bigint`, from, to)
	if err != nil {
		return err
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[[]byte])
	if err != nil {
		return err
	}
	for _, raw := range ids {
		v, err := h.s.loadAgreement(ctx, common.BytesToHash(raw))
		if err != nil {
			return err
		}
		h.sendAgreement(v)
	}
	return nil
}

// penalty sends a "penalty" event (the winner of RFQ id did not sign its award's agreement in time) to the
// market watchers and the RFQ's followers.
func (h *streams) penalty(ctx context.Context, id common.Hash) error {
	var p marketPenalty
	err := h.s.pool.QueryRow(ctx, `SELECT agent_id::text, since, until FROM provider_penalties WHERE rfq_id = $1 LIMIT 1`,
		id.Bytes()).Scan(&p.AgentID, &p.Since, &p.Until)
	if err != nil {
		return err
	}
	p.RFQID, p.Since, p.Until = id.Hex(), p.Since.UTC(), p.Until.UTC()
	ev := encode(streamEvent{Type: "penalty", RFQID: p.RFQID, Penalty: &p})
	h.mu.Lock()
	defer h.mu.Unlock()
	for sub := range h.subs {
		if sub.watch || sub.follow[p.RFQID] {
			h.sendLocked(sub, ev)
		}
	}
	return nil
}

// sendAgreement sends an "agreement" event to the streams that follow the agreement or its RFQ, and to its
// provider's.
func (h *streams) sendAgreement(v *agreementView) {
	ev := encode(streamEvent{Type: "agreement", Agreement: v})
	h.mu.Lock()
	defer h.mu.Unlock()
	for sub := range h.subs {
		if sub.follow[v.ID] || (v.RFQID != nil && sub.follow[*v.RFQID]) || (sub.agentID != "" && sub.agentID == v.ProviderAgentID) {
			h.sendLocked(sub, ev)
		}
	}
}

// wordSet is the set of a capability's words (capWords).
func wordSet(capability string) map[string]bool {
	have := map[string]bool{}
	for _, w := range capWords(capability) {
		have[w] = true
	}
	return have
}

// hears reports whether an opened RFQ goes to sub: a direct request to its provider only; any other to the
// subscriptions whose words all appear in the RFQ's capability (have: its wordSet), from an online provider
// when one is named.
func (s *Server) hears(sub *subscriber, v *rfqView, have map[string]bool, now time.Time) bool {
	if v.Auction == auctionNames[3] { // direct
		return sub.agentID != "" && v.ProviderAgentID != nil && *v.ProviderAgentID == sub.agentID
	}
	if sub.watch {
		return true
	}
	match := false
	for _, c := range sub.caps {
		all := len(c) > 0
		for _, w := range c {
			all = all && have[w]
		}
		match = match || all
	}
	if !match {
		return false
	}
	if sub.agentID != "" {
		online, _, _ := s.liveProvider(sub.agentID, now)
		return online
	}
	return true
}

// parseStream reads a stream's subscription: capability (repeatable), agentId, rfq (repeatable), watch=market.
func (s *Server) parseStream(c *gin.Context) (*subscriber, *Problem) {
	q := c.Request.URL.Query()
	for k := range q {
		if k != "capability" && k != "agentId" && k != "rfq" && k != "watch" {
			return nil, problem(http.StatusBadRequest, CodeInvalidQuery, "unknown parameter %q: capability, agentId, rfq or watch", clip(k))
		}
	}
	sub := &subscriber{follow: map[string]bool{}, out: make(chan encoded, streamBuffer), dropped: make(chan struct{})}
	caps := q["capability"]
	if len(caps) > streamMaxCaps {
		return nil, problem(http.StatusBadRequest, CodeInvalidQuery, "%d capabilities, at most %d", len(caps), streamMaxCaps)
	}
	for _, cap := range caps {
		w := capWords(cap)
		if len(cap) > streamMaxCapLen || len(w) == 0 {
			return nil, problem(http.StatusBadRequest, CodeInvalidQuery, "capability %q: 1 to %d bytes with a word", clip(cap), streamMaxCapLen)
		}
		sub.caps = append(sub.caps, w)
	}
	if a := q.Get("agentId"); a != "" {
		id, p := s.parseAgentID(a)
		if p != nil {
			return nil, p
		}
		sub.agentID = id
	}
	rfqs := q["rfq"]
	if len(rfqs) > streamMaxFollow {
		return nil, problem(http.StatusBadRequest, CodeInvalidQuery, "%d RFQs, at most %d", len(rfqs), streamMaxFollow)
	}
	for _, r := range rfqs {
		id, p := parseHash(r)
		if p != nil {
			return nil, p
		}
		sub.follow[id.Hex()] = true
	}
	switch w := q["watch"]; {
	case len(w) == 0:
	case len(w) == 1 && w[0] == "market":
		sub.watch = true
	default:
		return nil, problem(http.StatusBadRequest, CodeInvalidQuery, "watch=%q: the one value is market", clip(strings.Join(w, ",")))
	}
	if len(sub.caps) == 0 && sub.agentID == "" && len(sub.follow) == 0 && !sub.watch {
		return nil, problem(http.StatusBadRequest, CodeInvalidQuery, "subscribe to a capability, an agentId, an rfq or watch=market")
	}
	return sub, nil
}

// open registers a parsed subscription, or answers 503 when the gateway holds its maximum of streams.
func (s *Server) openStream(c *gin.Context) (*subscriber, bool) {
	sub, p := s.parseStream(c)
	if p != nil {
		s.fail(c, p)
		return nil, false
	}
	sub.client = c.ClientIP()
	if p := s.streams.add(sub); p != nil {
		s.fail(c, p)
		return nil, false
	}
	// Streams outlive the server's read and write timeouts.
	rc := http.NewResponseController(c.Writer)
	_ = rc.SetReadDeadline(time.Time{})
	_ = rc.SetWriteDeadline(time.Time{})
	return sub, true
}

// streamWS serves GET /v1/stream as a WebSocket: events out as JSON text messages; in, a provider's quotes
// ({"type":"quote","rfqId","typedData","signature"}), a buyer's follow ({"type":"follow","rfqId"}) and
// no-bids ({"type":"no_bid","rfqId"}).
func (s *Server) streamWS(c *gin.Context) {
	sub, ok := s.openStream(c)
	if !ok {
		return
	}
	defer s.streams.remove(sub)
	// Accept refuses a bad handshake with http.Error: rw holds the refusal back for a problem, and passes
	// the upgrade (the 101 and the hijack) through.
	rw := &refusalWriter{ResponseWriter: c.Writer}
	conn, err := websocket.Accept(rw, c.Request, &websocket.AcceptOptions{OriginPatterns: s.cfg.CORSOrigins})
	if err != nil {
		if rw.status == http.StatusUpgradeRequired {
			c.Header("Upgrade", "websocket") // a 426 names the protocol (RFC 9110 15.5.22), even to an HTTP/1.0 request
		}
		if rw.status != 0 {
			s.fail(c, handshakeProblem(rw.status, rw.message(), c.GetHeader("Origin")))
		}
		return
	}
	conn.SetReadLimit(streamReadLimit)
	ctx, cancel := context.WithCancel(c.Request.Context())
	defer cancel()
	s.streams.reply(sub, streamEvent{Type: "subscribed"})

	go func() { // reader
		defer cancel()
		limiter := rate.NewLimiter(streamMessageRate, 2*streamMessageRate)
		for {
			_, data, err := conn.Read(ctx)
			if err != nil {
				return
			}
			if !limiter.Allow() {
				s.metrics.rateLimited.Inc()
				s.streams.reply(sub, streamEvent{Type: "problem", Problem: problem(http.StatusTooManyRequests, CodeRateLimited,
					"more than %d messages per second", streamMessageRate)})
				continue
			}
			s.streams.reply(sub, s.streamMessage(ctx, sub, data))
		}
	}()
	for {
		select {
		case <-ctx.Done():
			conn.Close(websocket.StatusNormalClosure, "")
			return
		case <-s.closing:
			conn.Close(websocket.StatusGoingAway, "the gateway is shutting down: reconnect")
			return
		case <-sub.dropped:
			conn.Close(websocket.StatusPolicyViolation, "too slow: more than 64 events behind")
			return
		case ev := <-sub.out:
			wctx, wcancel := context.WithTimeout(ctx, streamWriteTimeout)
			err := conn.Write(wctx, websocket.MessageText, ev.data)
			wcancel()
			if err != nil {
				return
			}
		}
	}
}

// handshakeProblem is the problem for the WebSocket library's refusal of a handshake (status and message):
// 426 without the upgrade (the library has set Upgrade: websocket and Connection: Upgrade), 400 for another
// protocol version (it has set Sec-WebSocket-Version: 13) or a missing or malformed key, 403 for an origin
// that is neither the gateway's host nor one of its CORS origins. Anything else is the gateway's fault.
func handshakeProblem(status int, msg, origin string) error {
	if len(msg) > 200 {
		msg = strings.ToValidUTF8(msg[:197], "") + "..."
	}
	switch status {
	case http.StatusUpgradeRequired:
		return problem(status, CodeUpgradeRequired, "%s (this is a WebSocket endpoint; /v1/stream/sse serves the same events without one)", msg)
	case http.StatusBadRequest:
		return problem(status, CodeInvalidHandshake, "%s", msg)
	case http.StatusForbidden:
		return problem(status, CodeOriginNotAllowed, "origin %q may not open a stream here", clip(origin))
	case http.StatusMethodNotAllowed:
		return problem(status, CodeMethodNotAllowed, "%s", msg)
	}
	return fmt.Errorf("websocket accept: %d %s", status, msg)
}

// streamMessage handles one message a WebSocket client sent and returns the answer.
func (s *Server) streamMessage(ctx context.Context, sub *subscriber, data []byte) streamEvent {
	var msg struct {
		Type      string          `json:"type"`
		RFQID     string          `json:"rfqId"`
		TypedData json.RawMessage `json:"typedData"`
		Signature string          `json:"signature"`
	}
	if err := json.Unmarshal(data, &msg); err != nil {
		return streamEvent{Type: "problem", Problem: problem(http.StatusBadRequest, CodeInvalidBody, "message: %v", err)}
	}
	id, p := parseHash(msg.RFQID)
	if p != nil {
		return streamEvent{Type: "problem", Problem: p}
	}
	switch msg.Type {
	case "quote":
		sig, err := decodeHex(msg.Signature)
		if err != nil {
			return streamEvent{Type: "problem", RFQID: id.Hex(), Problem: problem(http.StatusBadRequest, CodeInvalidBody, "signature: %v", err)}
		}
		res, p := s.acceptQuote(ctx, id, signedMessage{TypedData: msg.TypedData, Signature: sig})
		if p != nil {
			return streamEvent{Type: "problem", RFQID: id.Hex(), Problem: p}
		}
		return streamEvent{Type: "quote_accepted", RFQID: id.Hex(), Quote: res}
	case "follow":
		if !s.streams.follow(sub, id.Hex()) {
			return streamEvent{Type: "problem", Problem: problem(http.StatusBadRequest, CodeInvalidQuery, "a stream follows at most %d RFQs", streamMaxFollow)}
		}
		return streamEvent{Type: "following", RFQID: id.Hex()}
	case "unfollow":
		s.streams.unfollow(sub, id.Hex())
		return streamEvent{Type: "unfollowed", RFQID: id.Hex()}
	case "no_bid":
		s.metrics.noBids.Inc()
		return streamEvent{Type: "no_bid_noted", RFQID: id.Hex()}
	}
	return streamEvent{Type: "problem", Problem: problem(http.StatusBadRequest, CodeInvalidBody, "message type %q: quote, follow, unfollow or no_bid", clip(msg.Type))}
}

// streamSSE serves GET /v1/stream/sse: the same events as Server-Sent Events (event: <type>, data: <json>);
// quotes go by POST /v1/rfqs/{id}/quotes.
func (s *Server) streamSSE(c *gin.Context) {
	sub, ok := s.openStream(c)
	if !ok {
		return
	}
	defer s.streams.remove(sub)
	w := c.Writer
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	write := func(ev encoded) bool {
		_, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.typ, ev.data)
		w.Flush()
		return err == nil
	}
	if !write(encode(streamEvent{Type: "subscribed"})) {
		return
	}
	keepAlive := time.NewTicker(streamKeepAlive)
	defer keepAlive.Stop()
	rc := http.NewResponseController(w)
	for {
		select {
		case <-c.Request.Context().Done():
			return
		case <-s.closing:
			write(encode(streamEvent{Type: "problem", Problem: problem(http.StatusServiceUnavailable, CodeUnavailable,
				"the gateway is shutting down; reconnect")}))
			return
		case <-sub.dropped:
			write(encode(streamEvent{Type: "problem", Problem: problem(http.StatusServiceUnavailable, CodeUnavailable,
				"too slow: more than %d events behind; reconnect", streamBuffer)}))
			return
		case <-keepAlive.C:
			_ = rc.SetWriteDeadline(time.Now().Add(streamWriteTimeout))
			if _, err := fmt.Fprint(w, ": keep-alive\n\n"); err != nil {
				return
			}
			w.Flush()
		case ev := <-sub.out:
			_ = rc.SetWriteDeadline(time.Now().Add(streamWriteTimeout))
			if !write(ev) {
				return
			}
		}
	}
}

func decodeHex(s string) ([]byte, error) {
	b, err := hexutil.Decode(s)
	if err != nil {
		return nil, fmt.Errorf("%q: %w", clip(s), err)
	}
	return b, nil
}
