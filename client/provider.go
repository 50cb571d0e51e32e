package client

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/agoralabs/agora/auction"
	"github.com/agoralabs/agora/eip712"
)

// A provider agent on the market: heartbeats, quotes on the RFQs heard, and signatures on the agreements won.
// `agora market provide` and `agora demo` are both this loop.

// Provider events (ProviderEvent.Event), in the order they happen to an RFQ.
const (
	ProviderReady         = "ready"          // subscribed: the provider hears RFQs from now on
	ProviderQuoted        = "quoted"         // a quote was accepted by the gateway
	ProviderRefused       = "refused"        // the gateway refused a quote (Code, Detail)
	ProviderNoBid         = "no_bid"         // the RFQ's maxPrice was below the provider's floor
	ProviderWon           = "won"            // the provider won and signed the agreement (Agreement)
	ProviderLost          = "lost"           // the RFQ closed with another winner, or none
	ProviderWithdrawn     = "withdrawn"      // the kill switch ended the RFQ before its close
	ProviderRefusedAward  = "refused_award"  // the award did not match the quote: not signed (Detail)
	ProviderPendingSigned = "pending_signed" // signing the agreement waits for an approval (Detail)
)

// ProviderEvent is one step of a provider, as Provide reports it.
type ProviderEvent struct {
	Event     string     `json:"event"`
	AgentID   string     `json:"agentId,omitempty"`
	Provider  string     `json:"provider,omitempty"`
	RFQID     string     `json:"rfqId,omitempty"`
	QuoteID   string     `json:"quoteId,omitempty"`
	Price     string     `json:"price,omitempty"`
	MaxPrice  string     `json:"maxPrice,omitempty"`
	Code      string     `json:"code,omitempty"`
	Detail    string     `json:"detail,omitempty"`
	Agreement *Agreement `json:"agreement,omitempty"`
}

// ProviderConfig is what Provide needs.
type ProviderConfig struct {
	AgentID      *big.Int
	Signer       Signer   // the agent's wallet
	Capabilities []string // the words listened for (the stream's capability filter)
	// Price is the price asked, capped at each RFQ's maxPrice; PriceFor, when set, overrides it per RFQ.
	Price    *big.Int
	PriceFor func(r eip712.RFQ) *big.Int
	MinPrice *big.Int       // no bid when the price would fall below it (nil: 0)
	Token    common.Address // announced in heartbeats
	// Delivery caps the promised delivery time from the quote (0: the RFQ's deadline).
	Delivery time.Duration
	SLAHash  common.Hash
	ValidFor time.Duration // each quote's validity (0: 5 minutes)
	// HeartbeatTTL is the lifetime of each online heartbeat, renewed every half of it, with an offline
	// heartbeat on return (0: no heartbeats).
	HeartbeatTTL time.Duration
	P95LatencyMs uint32
	Capacity     uint32
	// MaxRFQs stops Provide once it answered that many RFQs and saw them decided (0: until ctx ends).
	MaxRFQs int
	// Report receives every step (nil: none). It is called from one goroutine at a time.
	Report func(ProviderEvent) error
	Log    *slog.Logger
}

// provider is the state of one Provide.
type provider struct {
	c      *Client
	cfg    ProviderConfig
	domain eip712.Domain
	stream *Stream
	log    *slog.Logger

	mu      sync.Mutex
	quoted  map[string]eip712.Quote // RFQ id -> the quote sent, until its close
	waiting map[string]bool         // RFQ ids answered (or being answered) and not yet decided
}

// Provide runs a provider until ctx ends (nil is returned then) or cfg.MaxRFQs RFQs were answered and
// decided. A stream or gateway failure is returned: the caller decides whether to run it again.
func (c *Client) Provide(ctx context.Context, cfg ProviderConfig) error {
	if cfg.AgentID == nil || cfg.AgentID.Sign() < 0 {
		return errors.New("provide: an agent id is required")
	}
	if cfg.Signer == nil || len(cfg.Capabilities) == 0 {
		return errors.New("provide: a signer and capabilities are required")
	}
	if cfg.Price == nil && cfg.PriceFor == nil {
		return errors.New("provide: a price is required")
	}
	if cfg.MinPrice == nil {
		cfg.MinPrice = new(big.Int)
	}
	if cfg.ValidFor <= 0 {
		cfg.ValidFor = 5 * time.Minute
	}
	p := &provider{c: c, cfg: cfg, quoted: map[string]eip712.Quote{}, waiting: map[string]bool{}, log: cfg.Log}
	if p.log == nil {
		p.log = slog.New(slog.DiscardHandler)
	}
	var err error
	if p.domain, err = c.EscrowDomain(ctx); err != nil {
		return err
	}
	if ttl := cfg.HeartbeatTTL; ttl > 0 {
		if err := p.heartbeat(ctx, eip712.HeartbeatOnline, ttl); err != nil {
			return err
		}
		hctx, stop := context.WithCancel(ctx)
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.keepAlive(hctx, ttl)
		}()
		defer func() {
			stop()
			wg.Wait()
			// Say goodbye: offline from now on. A fresh context: ctx may be the interrupt's, already done.
			octx, cancel := context.WithTimeout(context.Background(), c.requestTimeout())
			defer cancel()
			if err := p.heartbeat(octx, eip712.HeartbeatOffline, ttl); err != nil {
				p.log.Warn("offline heartbeat failed", "agent", cfg.AgentID, "err", err)
			}
		}()
	}
	if p.stream, err = c.Subscribe(ctx, Subscription{Capabilities: cfg.Capabilities, AgentID: cfg.AgentID.String()}); err != nil {
		return err
	}
	defer p.stream.Close()
	answered := 0
	for {
		ev, err := p.stream.Next(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil // interrupted
			}
			return err
		}
		switch ev.Type {
		case EventSubscribed:
			if err := p.report(ProviderEvent{Event: ProviderReady, AgentID: cfg.AgentID.String(), Provider: cfg.Signer.Address().Hex()}); err != nil {
				return err
			}
		case EventRFQ:
			if cfg.MaxRFQs > 0 && answered >= cfg.MaxRFQs {
				continue
			}
			answered++
			if err := p.answer(ctx, ev); err != nil {
				return err
			}
		case EventClosed:
			if ev.RFQ == nil {
				continue
			}
			if err := p.decided(ctx, ev.RFQ); err != nil {
				return err
			}
		case EventWithdrawn:
			if ev.RFQ == nil {
				continue
			}
			p.mu.Lock()
			_, mine := p.waiting[ev.RFQ.ID]
			delete(p.quoted, ev.RFQ.ID)
			delete(p.waiting, ev.RFQ.ID)
			p.mu.Unlock()
			if mine {
				if err := p.report(ProviderEvent{Event: ProviderWithdrawn, RFQID: ev.RFQ.ID}); err != nil {
					return err
				}
			}
		}
		p.mu.Lock()
		open := len(p.waiting)
		p.mu.Unlock()
		if cfg.MaxRFQs > 0 && answered >= cfg.MaxRFQs && open == 0 {
			return nil
		}
	}
}

func (p *provider) report(ev ProviderEvent) error {
	if p.cfg.Report == nil {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cfg.Report(ev)
}

// heartbeat signs and posts a heartbeat of status that expires after ttl.
func (p *provider) heartbeat(ctx context.Context, status uint8, ttl time.Duration) error {
	price := p.cfg.Price
	if price == nil {
		price = new(big.Int)
	}
	hb := eip712.Heartbeat{AgentID: p.cfg.AgentID, Status: status, Price: price, P95LatencyMs: p.cfg.P95LatencyMs,
		Capacity: p.cfg.Capacity, ExpiresAt: uint64(time.Now().Add(ttl).Unix()), Nonce: big.NewInt(time.Now().UnixNano()),
		Token: p.cfg.Token}
	if _, err := p.c.PostHeartbeat(ctx, p.cfg.Signer, hb); err != nil {
		return fmt.Errorf("heartbeat: %w", err)
	}
	return nil
}

// keepAlive renews the online heartbeat every ttl/2 until ctx ends.
func (p *provider) keepAlive(ctx context.Context, ttl time.Duration) {
	t := time.NewTicker(ttl / 2)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := p.heartbeat(ctx, eip712.HeartbeatOnline, ttl); err != nil && ctx.Err() == nil {
				p.log.Warn("heartbeat renewal failed", "agent", p.cfg.AgentID, "err", err)
			}
		}
	}
}

// answer quotes on (or declines) an RFQ heard on the stream. Refusals are reported, not fatal.
func (p *provider) answer(ctx context.Context, ev Event) error {
	r, id, err := ev.SignedRFQ(p.domain)
	if err != nil {
		p.log.Warn("ignoring an RFQ", "err", err)
		return nil
	}
	price := p.cfg.Price
	if p.cfg.PriceFor != nil {
		price = p.cfg.PriceFor(r)
	}
	if price == nil {
		return p.report(ProviderEvent{Event: ProviderNoBid, RFQID: id.Hex(), MaxPrice: r.MaxPrice.String()})
	}
	price = new(big.Int).Set(price)
	if r.MaxPrice.Cmp(price) < 0 {
		price.Set(r.MaxPrice)
	}
	if price.Cmp(p.cfg.MinPrice) < 0 || price.Sign() <= 0 {
		if err := p.stream.NoBid(ctx, id); err != nil && ctx.Err() == nil {
			p.log.Warn("no-bid not noted", "rfq", id.Hex(), "err", err)
		}
		return p.report(ProviderEvent{Event: ProviderNoBid, RFQID: id.Hex(), MaxPrice: r.MaxPrice.String()})
	}
	deadline := r.DeliveryDeadline
	if d := p.cfg.Delivery; d > 0 {
		deadline = min(deadline, uint64(time.Now().Add(d).Unix()))
	}
	nonce, err := RandomNonce()
	if err != nil {
		return err
	}
	q := eip712.Quote{RFQID: id, ProviderAgentID: p.cfg.AgentID, Provider: p.cfg.Signer.Address(), Price: price,
		DeliveryDeadline: deadline, SLAHash: p.cfg.SLAHash, Nonce: nonce, ValidUntil: uint64(time.Now().Add(p.cfg.ValidFor).Unix())}
	p.mu.Lock()
	p.waiting[id.Hex()] = true
	p.mu.Unlock()
	if r.Auction != eip712.AuctionDutch {
		return p.send(ctx, q)
	}
	// Dutch: accept when the rising offer reaches the price (docs/auction.md §3), a little after to be safe.
	window := time.Duration(r.QuoteWindowMs) * time.Millisecond
	at := ev.RFQ.OpenedAt.Add(DutchDelay(r.FloorPrice, r.MaxPrice, price, window) + 20*time.Millisecond)
	if at.After(ev.RFQ.ClosesAt) {
		at = ev.RFQ.ClosesAt.Add(-10 * time.Millisecond)
	}
	go func() {
		select {
		case <-ctx.Done():
		case <-time.After(time.Until(at)):
			if err := p.send(ctx, q); err != nil && ctx.Err() == nil {
				p.log.Warn("dutch acceptance failed", "rfq", id.Hex(), "err", err)
			}
		}
	}()
	return nil
}

// DutchDelay is the earliest elapsed time at which the Dutch offer from floor to max over window reaches
// price.
func DutchDelay(floor, max, price *big.Int, window time.Duration) time.Duration {
	lo, hi := time.Duration(0), window
	for lo < hi { // the offer is monotone in the elapsed time
		mid := lo + (hi-lo)/2
		if auction.DutchOffer(floor, max, window, mid).Cmp(price) >= 0 {
			hi = mid
		} else {
			lo = mid + time.Microsecond
		}
	}
	return lo
}

// send signs and sends a quote on the stream and reports the answer.
func (p *provider) send(ctx context.Context, q eip712.Quote) error {
	acc, err := p.stream.Quote(ctx, p.cfg.Signer, q)
	var prob *Problem
	switch {
	case errors.As(err, &prob):
		p.mu.Lock()
		delete(p.waiting, q.RFQID.Hex())
		p.mu.Unlock()
		return p.report(ProviderEvent{Event: ProviderRefused, RFQID: q.RFQID.Hex(), Code: prob.Code, Detail: prob.Detail})
	case err != nil:
		return err
	}
	p.mu.Lock()
	p.quoted[q.RFQID.Hex()] = q
	p.mu.Unlock()
	return p.report(ProviderEvent{Event: ProviderQuoted, RFQID: acc.RFQID, QuoteID: acc.ID, Price: q.Price.String()})
}

// decided handles the close of an RFQ: signs the agreement when this provider won.
func (p *provider) decided(ctx context.Context, r *RFQ) error {
	p.mu.Lock()
	q, ok := p.quoted[r.ID]
	delete(p.quoted, r.ID)
	delete(p.waiting, r.ID)
	p.mu.Unlock()
	if !ok {
		return nil
	}
	if r.Award == nil || r.Award.ProviderAgentID != p.cfg.AgentID.String() {
		return p.report(ProviderEvent{Event: ProviderLost, RFQID: r.ID})
	}
	_, ag, err := ParseAgreement(r.Award.Agreement)
	if err == nil {
		err = CheckWin(q, ag)
	}
	if err != nil {
		p.log.Warn("not signing the award", "rfq", r.ID, "err", err)
		return p.report(ProviderEvent{Event: ProviderRefusedAward, RFQID: r.ID, Detail: err.Error()})
	}
	view, err := p.c.PostAgreementSignature(ctx, p.cfg.Signer, r.Award.Agreement)
	var pending *PendingApproval
	switch {
	case errors.As(err, &pending):
		return p.report(ProviderEvent{Event: ProviderPendingSigned, RFQID: r.ID, Detail: pending.Error()})
	case err != nil:
		return fmt.Errorf("sign the agreement of %s: %w", r.ID, err)
	}
	return p.report(ProviderEvent{Event: ProviderWon, RFQID: r.ID, Price: r.Award.Paid, Agreement: view})
}

// RandomNonce returns a random 128-bit nonce for an RFQ, quote or agreement.
func RandomNonce() (*big.Int, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	return new(big.Int).SetBytes(b), nil
}
