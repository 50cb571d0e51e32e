package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/coder/websocket"
	"github.com/ethereum/go-ethereum/common"

	"github.com/agoralabs/agora/eip712"
)

// Stream event types (Event.Type).
const (
	EventSubscribed    = "subscribed"     // the first event of every stream
	EventRFQ           = "rfq"            // an RFQ matching the subscription opened: RFQ and TypedData
	EventQuote         = "quote"          // a followed RFQ got a quote: RFQID and the count Quotes
	EventClosed        = "closed"         // a followed or heard RFQ closed: RFQ with the award
	EventWithdrawn     = "withdrawn"      // the kill switch ended a followed or heard RFQ before its close: RFQ
	EventAgreement     = "agreement"      // a followed agreement's escrow job changed state: Agreement
	EventProblem       = "problem"        // a refusal of a message sent on the stream: Problem
	EventQuoteAccepted = "quote_accepted" // the answer to Stream.Quote: Quote
	EventFollowing     = "following"      // the answer to Stream.Follow
	EventUnfollowed    = "unfollowed"     // the answer to Stream.Unfollow
	EventNoBidNoted    = "no_bid_noted"   // the answer to Stream.NoBid
)

// Stream limits.
const (
	// maxQueued is how many events a Stream holds for a caller that does not call Next; beyond it the
	// stream fails with ErrSlowConsumer (the gateway would drop such a consumer too).
	maxQueued = 4096
	// readLimit is the largest event read (a closed event with many quotes is a few tens of KiB).
	readLimit = 4 << 20
)

// ErrSlowConsumer is returned by Next once more than 4096 events waited unread.
var ErrSlowConsumer = errors.New("stream: too many unread events")

// ErrStreamClosed is returned by a Stream's methods after Close.
var ErrStreamClosed = errors.New("stream closed")

// Event is one stream message. Type says which fields are set.
type Event struct {
	Type      string          `json:"type"`
	RFQID     string          `json:"rfqId,omitempty"`
	Quotes    int             `json:"quotes,omitempty"`    // EventQuote
	RFQ       *RFQ            `json:"rfq,omitempty"`       // EventRFQ, EventClosed
	TypedData json.RawMessage `json:"typedData,omitempty"` // EventRFQ: what the buyer signed
	Quote     *QuoteAccepted  `json:"quote,omitempty"`     // EventQuoteAccepted
	Agreement *Agreement      `json:"agreement,omitempty"` // EventAgreement
	Problem   *Problem        `json:"problem,omitempty"`   // EventProblem
}

// SignedRFQ returns the RFQ the buyer signed, from an EventRFQ's TypedData, after checking that it is under
// the domain d and that its digest is the event's RFQ id: what a provider checks before quoting.
func (ev Event) SignedRFQ(d eip712.Domain) (eip712.RFQ, common.Hash, error) {
	if ev.Type != EventRFQ || ev.RFQ == nil {
		return eip712.RFQ{}, common.Hash{}, fmt.Errorf("a %s event carries no RFQ", ev.Type)
	}
	got, m, err := eip712.ParseTypedData(ev.TypedData)
	if err != nil {
		return eip712.RFQ{}, common.Hash{}, fmt.Errorf("rfq event: %w", err)
	}
	r, ok := m.(eip712.RFQ)
	if !ok {
		return eip712.RFQ{}, common.Hash{}, fmt.Errorf("rfq event: typed data is a %s", m.PrimaryType())
	}
	if got.Name != d.Name || got.Version != d.Version || got.ChainID == nil || d.ChainID == nil ||
		got.ChainID.Cmp(d.ChainID) != 0 || got.VerifyingContract != d.VerifyingContract {
		return eip712.RFQ{}, common.Hash{}, fmt.Errorf("%w: rfq event under chain %v contract %s", ErrWrongDomain, got.ChainID, got.VerifyingContract.Hex())
	}
	id, err := eip712.Digest(d, r)
	if err != nil {
		return eip712.RFQ{}, common.Hash{}, fmt.Errorf("rfq event: %w", err)
	}
	if id.Hex() != ev.RFQ.ID {
		return eip712.RFQ{}, common.Hash{}, fmt.Errorf("rfq event: typed data digest %s is not the RFQ id %s", id.Hex(), ev.RFQ.ID)
	}
	return r, id, nil
}

// Subscription says what a stream hears (docs/market.md, GET /v1/stream).
type Subscription struct {
	// Capabilities: an opened RFQ is sent when its capability has every word of one of them.
	Capabilities []string
	// AgentID is the provider behind the stream (decimal or global id): it hears matching RFQs only while it
	// has an online heartbeat, direct requests to it always, and its agreements' state changes.
	AgentID string
	// RFQs are RFQ (or agreement) ids to follow: quote counts, the close, the agreement's state changes.
	RFQs []common.Hash
}

// Stream is an open WebSocket stream (GET /v1/stream). Next returns its events in order; Quote, Follow and
// NoBid send messages and return the gateway's answer to each (the answers are not returned by Next).
// Its methods are safe for concurrent use.
type Stream struct {
	c      *Client
	conn   *websocket.Conn
	ctx    context.Context
	cancel context.CancelFunc

	wmu sync.Mutex // serialises sending a message and queueing its answer slot

	mu      sync.Mutex
	queue   []Event
	pending []chan Event // answers awaited, in the order the messages were sent
	ready   chan struct{}
	err     error
	done    chan struct{}
}

// Subscribe opens a WebSocket stream. The stream lives until Close or until ctx ends. A subscription the
// gateway refuses is returned as a *Problem.
func (c *Client) Subscribe(ctx context.Context, sub Subscription) (*Stream, error) {
	q := url.Values{}
	for _, cp := range sub.Capabilities {
		q.Add("capability", cp)
	}
	if sub.AgentID != "" {
		q.Set("agentId", sub.AgentID)
	}
	for _, id := range sub.RFQs {
		q.Add("rfq", id.Hex())
	}
	u := *c.base
	u.Scheme = strings.Replace(u.Scheme, "http", "ws", 1)
	u.Path += "/v1/stream"
	u.RawQuery = q.Encode()
	header := http.Header{"User-Agent": {c.userAgent}}
	traceHeaders(ctx, header)
	conn, res, err := websocket.Dial(ctx, u.String(), &websocket.DialOptions{HTTPClient: c.dial, HTTPHeader: header})
	if err != nil {
		if res != nil && res.StatusCode != http.StatusSwitchingProtocols {
			body, _ := io.ReadAll(io.LimitReader(res.Body, 4096))
			return nil, decodeProblem(res, body)
		}
		return nil, fmt.Errorf("stream: %w", err)
	}
	conn.SetReadLimit(readLimit)
	sctx, cancel := context.WithCancel(ctx)
	s := &Stream{c: c, conn: conn, ctx: sctx, cancel: cancel, ready: make(chan struct{}, 1), done: make(chan struct{})}
	go s.read()
	return s, nil
}

// read receives the stream's messages until it ends.
func (s *Stream) read() {
	defer close(s.done)
	for {
		_, data, err := s.conn.Read(s.ctx)
		if err != nil {
			s.fail(fmt.Errorf("stream: %w", err))
			return
		}
		var ev Event
		if err := json.Unmarshal(data, &ev); err != nil {
			s.fail(fmt.Errorf("stream: event %.200q: %w", data, err))
			return
		}
		s.mu.Lock()
		switch {
		case isAnswer(ev.Type) && len(s.pending) > 0:
			ch := s.pending[0]
			s.pending = s.pending[1:]
			ch <- ev // buffered: never blocks
		case len(s.queue) >= maxQueued:
			s.mu.Unlock()
			s.fail(ErrSlowConsumer)
			return
		default:
			s.queue = append(s.queue, ev)
			select {
			case s.ready <- struct{}{}:
			default:
			}
		}
		s.mu.Unlock()
	}
}

// isAnswer reports whether an event answers a message the client sent: the gateway answers every message
// with exactly one of these, in order.
func isAnswer(typ string) bool {
	switch typ {
	case EventProblem, EventQuoteAccepted, EventFollowing, EventUnfollowed, EventNoBidNoted:
		return true
	}
	return false
}

func (s *Stream) fail(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err == nil {
		s.err = err
		if s.ctx.Err() != nil {
			s.err = ErrStreamClosed
		}
	}
	for _, ch := range s.pending {
		close(ch)
	}
	s.pending = nil
	s.cancel()
}

// Next returns the next event, waiting for one until ctx ends. Once the stream has failed or was closed, it
// returns the queued events and then the error.
func (s *Stream) Next(ctx context.Context) (Event, error) {
	for {
		s.mu.Lock()
		if len(s.queue) > 0 {
			ev := s.queue[0]
			s.queue[0] = Event{}
			s.queue = s.queue[1:]
			s.mu.Unlock()
			return ev, nil
		}
		err := s.err
		s.mu.Unlock()
		if err != nil {
			return Event{}, err
		}
		select {
		case <-ctx.Done():
			return Event{}, ctx.Err()
		case <-s.ready:
		case <-s.done:
		}
	}
}

// send writes msg and waits for its answer.
func (s *Stream) send(ctx context.Context, msg any) (Event, error) {
	data, err := json.Marshal(msg)
	if err != nil {
		return Event{}, err
	}
	ch := make(chan Event, 1)
	s.wmu.Lock()
	s.mu.Lock()
	if s.err != nil {
		err := s.err
		s.mu.Unlock()
		s.wmu.Unlock()
		return Event{}, err
	}
	s.pending = append(s.pending, ch)
	s.mu.Unlock()
	err = s.conn.Write(ctx, websocket.MessageText, data)
	s.wmu.Unlock()
	if err != nil {
		s.fail(fmt.Errorf("stream: write: %w", err))
		return Event{}, fmt.Errorf("stream: write: %w", err)
	}
	select {
	case ev, ok := <-ch:
		if !ok {
			s.mu.Lock()
			err := s.err
			s.mu.Unlock()
			return Event{}, err
		}
		if ev.Type == EventProblem {
			if ev.Problem == nil {
				return ev, &Problem{Detail: "problem event without a problem"}
			}
			return ev, ev.Problem
		}
		return ev, nil
	case <-ctx.Done():
		return Event{}, ctx.Err()
	}
}

// Quote signs q by s, the provider agent's wallet (a zero q.Provider is set to s's address), sends it on
// the stream and returns the gateway's answer: the accepted quote, or its refusal as a *Problem.
func (s *Stream) Quote(ctx context.Context, signer Signer, q eip712.Quote) (*QuoteAccepted, error) {
	body, err := s.c.signQuote(ctx, signer, &q)
	if err != nil {
		return nil, err
	}
	ev, err := s.send(ctx, map[string]any{"type": "quote", "rfqId": q.RFQID.Hex(), "typedData": body.TypedData,
		"signature": body.Signature})
	if err != nil {
		return nil, err
	}
	if ev.Type != EventQuoteAccepted || ev.Quote == nil {
		return nil, fmt.Errorf("stream: a %s event answered a quote", ev.Type)
	}
	return ev.Quote, nil
}

// Follow makes the stream follow an RFQ (or agreement) id: its quote counts, its close and its agreement's
// state changes.
func (s *Stream) Follow(ctx context.Context, id common.Hash) error {
	ev, err := s.send(ctx, map[string]any{"type": "follow", "rfqId": id.Hex()})
	if err == nil && ev.Type != EventFollowing {
		err = fmt.Errorf("stream: a %s event answered a follow", ev.Type)
	}
	return err
}

// Unfollow stops following the RFQ (or agreement) id: a stream follows at most 50 at a time.
func (s *Stream) Unfollow(ctx context.Context, id common.Hash) error {
	ev, err := s.send(ctx, map[string]any{"type": "unfollow", "rfqId": id.Hex()})
	if err == nil && ev.Type != EventUnfollowed {
		err = fmt.Errorf("stream: a %s event answered an unfollow", ev.Type)
	}
	return err
}

// NoBid tells the gateway that this provider declines the RFQ id (saying nothing declines too).
func (s *Stream) NoBid(ctx context.Context, id common.Hash) error {
	ev, err := s.send(ctx, map[string]any{"type": "no_bid", "rfqId": id.Hex()})
	if err == nil && ev.Type != EventNoBidNoted {
		err = fmt.Errorf("stream: a %s event answered a no-bid", ev.Type)
	}
	return err
}

// Close closes the stream (a normal WebSocket closure) and waits for its reader to end. Next then returns
// the events already received, then ErrStreamClosed.
func (s *Stream) Close() error {
	s.mu.Lock()
	if s.err == nil {
		s.err = ErrStreamClosed
	}
	s.mu.Unlock()
	_ = s.conn.Close(websocket.StatusNormalClosure, "") // the peer may have gone first: closed either way
	s.cancel()
	<-s.done
	return nil
}
