// Package demo is a market that trades by itself: the demo agents of a roster (roster.go) play providers,
// buyers, a validator and an arbiter through package client only, so that a running devnet is never still.
//
// Providers announce themselves with heartbeats and quote, at their declared prices, on every RFQ whose
// words their capabilities' tags and names hold. Buyers post RFQs of varied shapes every few seconds under
// all four auction rules; the parties sign the awards' agreements; buyers fund the escrow; providers submit
// their work (now and then one misses its deadline, and the buyer reclaims the price once the job expired);
// jobs that name the validator are validated through client.ServeValidations (its verdict fails some) and
// settled from it; the others are completed by the buyer or, now and then, disputed and resolved by the
// arbiter; buyers give feedback carrying the job as proof of payment. Run stops cleanly when its context
// ends; a failing gateway or chain is reported and retried, never fatal.
package demo

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/agoralabs/agora/client"
)

// Config is what Run needs.
type Config struct {
	Client *client.Client
	Escrow *client.Escrow
	Roster []Entry        // loaded by ReadRoster
	Token  common.Address // the payment token (the deployment's TestUSD)
	Every  time.Duration  // between two RFQs (0: 3s)
	// InFlight bounds the buyers' jobs under way at once (0: 8).
	InFlight int
	// Deadline is each RFQ's delivery deadline from its posting (0: 45s); the gateway's late grace then
	// decides when a missed one is refunded.
	Deadline time.Duration
	// ReviewWindow is each RFQ's review window (0: 20s): disputes are opened within it.
	ReviewWindow time.Duration
	// TopUp lets the roster's funder keep every account in ETH and the clients in the token (minted: the
	// devnet's TestUSD). Without it, accounts short of funds are reported.
	TopUp bool
	// Odds of the market's events, each "one in N" (zero fields: Defaults().Odds).
	Odds Odds
	// Seed drives the random choices (0: the time).
	Seed uint64
	// StatsEvery is how often a stats event is reported (0: 30s).
	StatsEvery time.Duration
	// Report receives every event (nil: none); it is called from one goroutine at a time.
	Report func(Event) error
	Log    *slog.Logger
}

// Event is one step of the demo market.
type Event struct {
	Time       time.Time      `json:"time"`
	Event      string         `json:"event"`
	RFQID      string         `json:"rfqId,omitempty"`
	JobID      string         `json:"jobId,omitempty"`
	Auction    string         `json:"auction,omitempty"`
	Capability string         `json:"capability,omitempty"`
	Buyer      string         `json:"buyer,omitempty"`
	AgentID    string         `json:"agentId,omitempty"`
	Price      string         `json:"price,omitempty"`
	Tx         string         `json:"tx,omitempty"`
	Detail     string         `json:"detail,omitempty"`
	Stats      map[string]int `json:"stats,omitempty"`
}

// Demo events (Event.Event).
const (
	EventStarted   = "started"
	EventRFQ       = "rfq"       // an RFQ was posted
	EventAwarded   = "awarded"   // it closed with a winner
	EventUnfilled  = "unfilled"  // it closed without one
	EventSigned    = "signed"    // both parties signed the agreement
	EventFunded    = "funded"    // the buyer funded the escrow job
	EventSubmitted = "submitted" // the provider delivered
	EventMissed    = "missed"    // the provider let the deadline pass (the buyer will be refunded)
	EventValidated = "validated" // the validator answered
	EventCompleted = "completed" // the provider was paid
	EventRejected  = "rejected"  // the validator failed the work: the buyer was refunded
	EventRefunded  = "refunded"  // the job expired unsubmitted and the buyer reclaimed the price
	EventDisputed  = "disputed"  // the buyer disputed the delivery
	EventResolved  = "resolved"  // the arbiter split the price
	EventFeedback  = "feedback"  // the buyer reviewed the provider
	EventFailed    = "failed"    // a step failed (Detail): the demo goes on
	EventStats     = "stats"     // totals so far
	EventStopped   = "stopped"
)

// Run plays the market until ctx ends, then stops every agent (providers say they go offline) and returns
// nil. It returns an error at once when the roster cannot trade: no provider with a priced capability, no
// client, no validator or no arbiter.
func Run(ctx context.Context, cfg Config) error {
	d, err := newDemo(ctx, cfg)
	if err != nil {
		return err
	}
	return d.run(ctx)
}

type demo struct {
	cfg       Config
	log       *slog.Logger
	providers []*provider
	clients   []Entry
	validator Entry
	arbiter   Entry
	owners    map[common.Address]Entry
	funder    *Entry // with Config.TopUp
	// skew is how far the chain's clock runs ahead of ours (a devnet's may have been moved forward): the
	// escrow checks deadlines against it.
	skew time.Duration

	reportMu sync.Mutex
	rngMu    sync.Mutex
	rng      *rand.Rand
	counts   sync.Map // event -> *atomic.Int64
}

// provider is a roster provider with what the gateway says it declares.
type provider struct {
	Entry
	owner Entry
	caps  []client.Capability
	words []string // the stream subscription: its capabilities' tags
}

// Odds are how often the market's events happen, each one in N.
type Odds struct {
	Validate int // RFQs naming the validator
	Miss     int // deliveries a provider lets pass their deadline (the buyer is refunded)
	Fail     int // validations that fail the work (the buyer is refunded)
	Dispute  int // unvalidated deliveries the buyer disputes (the arbiter resolves)
	Review   int // paid jobs the buyer reviews
}

// Defaults returns the Config values that zero fields take.
func Defaults() Config {
	return Config{Every: 3 * time.Second, InFlight: 8, Deadline: 45 * time.Second, ReviewWindow: 20 * time.Second,
		StatsEvery: 30 * time.Second, Odds: Odds{Validate: 3, Miss: 12, Fail: 6, Dispute: 8, Review: 2}}
}

func newDemo(ctx context.Context, cfg Config) (*demo, error) {
	if cfg.Client == nil || cfg.Escrow == nil {
		return nil, errors.New("demo: a gateway client and the escrow are required")
	}
	def := Defaults()
	if cfg.Every <= 0 {
		cfg.Every = def.Every
	}
	if cfg.InFlight <= 0 {
		cfg.InFlight = def.InFlight
	}
	if cfg.Deadline <= 0 {
		cfg.Deadline = def.Deadline
	}
	if cfg.ReviewWindow <= 0 {
		cfg.ReviewWindow = def.ReviewWindow
	}
	if cfg.StatsEvery <= 0 {
		cfg.StatsEvery = def.StatsEvery
	}
	for _, o := range []struct {
		got *int
		def int
	}{{&cfg.Odds.Validate, def.Odds.Validate}, {&cfg.Odds.Miss, def.Odds.Miss},
		{&cfg.Odds.Fail, def.Odds.Fail}, {&cfg.Odds.Dispute, def.Odds.Dispute}, {&cfg.Odds.Review, def.Odds.Review}} {
		if *o.got <= 0 {
			*o.got = o.def
		}
	}
	if cfg.Seed == 0 {
		cfg.Seed = uint64(time.Now().UnixNano())
	}
	d := &demo{cfg: cfg, log: cfg.Log, owners: map[common.Address]Entry{}, rng: rand.New(rand.NewPCG(cfg.Seed, cfg.Seed>>1|1))}
	if d.log == nil {
		d.log = slog.New(slog.DiscardHandler)
	}
	var candidates []Entry
	for _, e := range cfg.Roster {
		if e.Signer == nil {
			return nil, fmt.Errorf("demo: roster entry %s %s has no key loaded", e.Role, e.Address.Hex())
		}
		switch e.Role {
		case RoleProvider:
			candidates = append(candidates, e)
		case RoleClient:
			d.clients = append(d.clients, e)
		case RoleValidator:
			d.validator = e
		case RoleArbiter:
			d.arbiter = e
		case RoleOwner:
			d.owners[e.Address] = e
		case RoleFunder:
			if cfg.TopUp {
				d.funder = &e
			}
		}
	}
	switch {
	case len(d.clients) == 0:
		return nil, errors.New("demo: the roster has no client")
	case d.validator.Signer == nil:
		return nil, errors.New("demo: the roster has no validator")
	case d.arbiter.Signer == nil:
		return nil, errors.New("demo: the roster has no arbiter")
	case cfg.TopUp && d.funder == nil:
		return nil, errors.New("demo: top-ups need a funder in the roster")
	}
	now, err := cfg.Escrow.ChainTime(ctx)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	d.skew = max(0, time.Unix(int64(now), 0).Sub(time.Now()))
	for _, e := range candidates {
		p, err := d.loadProvider(ctx, e)
		if err != nil {
			d.log.Warn("demo: not a provider", "agent", e.AgentID, "err", err)
			continue
		}
		d.providers = append(d.providers, p)
	}
	if len(d.providers) == 0 {
		return nil, errors.New("demo: no roster provider has a priced capability the gateway knows, a wallet key and its owner's key")
	}
	return d, nil
}

// loadProvider reads a provider's capabilities from the gateway and finds its owner in the roster.
func (d *demo) loadProvider(ctx context.Context, e Entry) (*provider, error) {
	if e.AgentID == nil {
		return nil, errors.New("no agent id")
	}
	var ag *client.AgentCapabilities
	var err error
	// The indexer may still be catching up with a fresh devnet: the agent, then its registration file.
	for try := 0; ; try++ {
		ag, err = d.cfg.Client.Capabilities(ctx, e.AgentID.String())
		if (err == nil && len(ag.Capabilities) > 0) || try == 40 || !sleep(ctx, 250*time.Millisecond) {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	if ag.Wallet != e.Address {
		return nil, fmt.Errorf("its wallet is %s, the roster's key is %s", ag.Wallet.Hex(), e.Address.Hex())
	}
	owner, ok := d.owners[ag.Owner]
	if !ok {
		return nil, fmt.Errorf("its owner %s is not in the roster", ag.Owner.Hex())
	}
	p := &provider{Entry: e, owner: owner}
	seen := map[string]bool{}
	for _, c := range ag.Capabilities {
		if price(c) == nil || len(c.Tags) == 0 {
			continue
		}
		p.caps = append(p.caps, c)
		for _, t := range c.Tags {
			t = strings.ToLower(strings.TrimSpace(t))
			if t != "" && !seen[t] && len(p.words) < 20 {
				seen[t] = true
				p.words = append(p.words, t)
			}
		}
	}
	if len(p.caps) == 0 {
		return nil, errors.New("no priced capability with tags")
	}
	return p, nil
}

// price is a capability's declared price in base units, nil when it has none.
func price(c client.Capability) *big.Int {
	x, ok := new(big.Int).SetString(c.Pricing.Amount, 10)
	if !ok || x.Sign() <= 0 {
		return nil
	}
	return x
}

func (d *demo) run(ctx context.Context) error {
	d.report(Event{Event: EventStarted, Detail: fmt.Sprintf("%d providers, %d clients, seed %d", len(d.providers), len(d.clients), d.cfg.Seed)})
	d.fundOnce(ctx) // before the first job
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if sleep(ctx, topUpEvery) {
			d.fund(ctx)
		}
	}()
	for _, p := range d.providers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d.provide(ctx, p)
		}()
	}
	wg.Add(2)
	go func() {
		defer wg.Done()
		d.validate(ctx)
	}()
	go func() {
		defer wg.Done()
		d.stats(ctx)
	}()
	d.buy(ctx, &wg)
	wg.Wait()
	d.report(Event{Event: EventStopped, Stats: d.totals()})
	return nil
}

// report sends an event to the Report callback and counts it.
func (d *demo) report(ev Event) {
	ev.Time = time.Now().UTC()
	c, _ := d.counts.LoadOrStore(ev.Event, new(atomic.Int64))
	c.(*atomic.Int64).Add(1)
	if ev.Event == EventFailed {
		d.log.Warn("demo step failed", "rfq", ev.RFQID, "job", ev.JobID, "detail", ev.Detail)
	}
	if d.cfg.Report == nil {
		return
	}
	d.reportMu.Lock()
	defer d.reportMu.Unlock()
	if err := d.cfg.Report(ev); err != nil {
		d.log.Warn("demo: report failed", "err", err)
	}
}

func (d *demo) failed(ev Event, what string, err error) {
	ev.Event, ev.Detail = EventFailed, what+": "+err.Error()
	d.report(ev)
}

func (d *demo) totals() map[string]int {
	out := map[string]int{}
	d.counts.Range(func(k, v any) bool {
		if k != EventStats {
			out[k.(string)] = int(v.(*atomic.Int64).Load())
		}
		return true
	})
	return out
}

func (d *demo) stats(ctx context.Context) {
	t := time.NewTicker(d.cfg.StatsEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			d.report(Event{Event: EventStats, Stats: d.totals()})
		}
	}
}

// intn is a random int in [0, n) from the demo's generator.
func (d *demo) intn(n int) int {
	d.rngMu.Lock()
	defer d.rngMu.Unlock()
	return d.rng.IntN(n)
}

// sleep waits for dur or the end of ctx, and says whether ctx is still alive.
func sleep(ctx context.Context, dur time.Duration) bool {
	t := time.NewTimer(dur)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// JSONReport returns a Report that writes each event as one line of JSON to w.
func JSONReport(w io.Writer) func(Event) error {
	enc := json.NewEncoder(w)
	return func(ev Event) error { return enc.Encode(ev) }
}
