// Package auction decides an RFQ auction from the quotes it received.
//
// Decide is a pure function: no database, network or clock. Every order it uses is total, so the same
// request and the same bids, given in any order, give the same Award. Prices are integers (big.Int) in the
// RFQ token's base units throughout; no floating point touches money. The rules, the ranking formula and
// the tie-breaks are documented in docs/auction.md.
package auction

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"slices"
	"strings"
	"time"
)

// Rule is an RFQ's auction rule. Its values equal eip712.AuctionFirstPrice, AuctionSecondPrice,
// AuctionDutch and AuctionDirect, the RFQ's signed "auction" field.
type Rule uint8

// The auction rules.
const (
	// FirstPrice is a sealed-bid first-price auction: the best-ranked quote wins at its own price.
	FirstPrice Rule = 0
	// SecondPrice is a sealed-bid reverse Vickrey auction: the best-ranked quote wins and is paid the
	// runner-up's price (never less than its own, never more than the RFQ's maximum).
	SecondPrice Rule = 1
	// Dutch is a reverse Dutch auction: the buyer's offer rises from the floor to the maximum over the
	// window and the earliest provider to accept the offer of its moment wins, at its signed price.
	Dutch Rule = 2
	// Direct is a request to one named provider, whose quote wins at its own price.
	Direct Rule = 3
)

// String returns the rule's name: first_price, second_price, dutch, direct, or rule(N) for an unknown one.
func (r Rule) String() string {
	switch r {
	case FirstPrice:
		return "first_price"
	case SecondPrice:
		return "second_price"
	case Dutch:
		return "dutch"
	case Direct:
		return "direct"
	}
	return fmt.Sprintf("rule(%d)", uint8(r))
}

// Weights make reputation and latency count against price in the sealed-bid rules (FirstPrice,
// SecondPrice, Direct). Zero weights: price alone decides. A bid's ranking key is its adjusted price
//
//	adjusted = price * (10000 + repBps + latBps) / 10000          (integer division)
//	repBps   = ReputationBps * (100 - reputation) / 100           (reputation clamped to 0..100, unknown = 0)
//	latBps   = LatencyBps * min(p95, LatencyCapMs) / LatencyCapMs (unknown p95 = LatencyCapMs)
//
// Reputation is taken in hundredths of a point (rounded), so repBps is computed with integers as
// ReputationBps * (10000 - round(100*reputation)) / 10000.
type Weights struct {
	// ReputationBps is the surcharge, in basis points of the price, of a bid with reputation 0.
	ReputationBps uint32
	// LatencyBps is the surcharge, in basis points of the price, of a bid whose p95 is LatencyCapMs or more.
	LatencyBps uint32
	// LatencyCapMs is the p95 latency at which the latency surcharge is full; 0 means 10000. Negative
	// values are refused.
	LatencyCapMs int64
}

// DefaultLatencyCapMs is the LatencyCapMs used when Weights.LatencyCapMs is 0.
const DefaultLatencyCapMs = 10000

// Bid is one quote received for the RFQ, as the gateway verified it.
type Bid struct {
	AgentID       string        // decimal agent id of the provider, canonical (no sign, no leading zeros)
	Price         *big.Int      // what the provider signed, in the RFQ token's base units
	Reputation    float64       // 0..100; HasReputation false when unknown
	HasReputation bool          // whether Reputation is known
	P95Ms         int64         // the provider's p95 latency in ms; 0 (or less): unknown
	At            time.Duration // when it arrived, since the window opened
	Seq           uint64        // arrival order (unique per RFQ; at least unique per provider)
	// Demoted marks a provider serving a penalty (it won an earlier award and did not sign the agreement):
	// its bid ranks after every bid that is not demoted, whatever its price. All of a provider's bids
	// carry the same value.
	Demoted bool
}

// Request is what Decide needs of the RFQ.
type Request struct {
	Rule          Rule
	MaxPrice      *big.Int      // bids above are refused
	FloorPrice    *big.Int      // Dutch: the offer when the window opens (nil = 0); ignored by other rules
	Window        time.Duration // quote window; sealed bids and Dutch acceptances after it are refused
	DirectAgentID string        // Direct: the only provider that may bid; ignored by other rules
	Weights       Weights       // FirstPrice, SecondPrice, Direct: how reputation and latency count
}

// Refusal is a bid that cannot win, and why.
type Refusal struct {
	Bid    Bid
	Reason string // one of the Reason* constants
}

// Reasons for refusing a bid. A bid with several faults is refused for the first that applies, in the
// order not_invited, after_window, above_max_price, above_dutch_offer, duplicate_provider.
const (
	// ReasonAboveMax: the bid's price is above the RFQ's maximum.
	ReasonAboveMax = "above_max_price"
	// ReasonLate: the bid arrived after the quote window (At > Window).
	ReasonLate = "after_window"
	// ReasonNotInvited: a Direct RFQ, and the bid is not from the named provider.
	ReasonNotInvited = "not_invited"
	// ReasonAboveOffer: a Dutch RFQ, and the bid's price is above the buyer's offer at the bid's arrival.
	ReasonAboveOffer = "above_dutch_offer"
	// ReasonDuplicate: the provider has another valid bid that counts instead: its last one by Seq in
	// the sealed-bid rules (a later quote replaces an earlier one), its first acceptance in Dutch.
	ReasonDuplicate = "duplicate_provider"
)

// Award is the outcome of an auction.
type Award struct {
	Winner  Bid       // the winning bid
	Paid    *big.Int  // what the winner is paid
	Ranked  []Bid     // valid bids, best first (the winner first)
	Refused []Refusal // invalid bids, in Seq order (then agent id)
}

// Errors returned by Decide.
var (
	// ErrNoBids means no bid is valid. Decide still returns the Award with Refused filled.
	ErrNoBids = errors.New("auction: no valid bid")
	// ErrBadRequest means the request or a bid is malformed; it is wrapped with the detail.
	ErrBadRequest = errors.New("auction: bad request")
)

// bpsOne is 100 %, in basis points.
const bpsOne = 10000

// bigBpsOne is bpsOne as a big.Int; never modified.
var bigBpsOne = big.NewInt(bpsOne)

// candidate is a bid with what ranking needs, computed once.
type candidate struct {
	bid Bid
	adj *big.Int // adjusted price (sealed-bid rules)
	rep int64    // effective reputation in hundredths of a point, 0..10000
}

// Decide decides the auction of req from bids. It does not modify bids, and the Award shares no memory with
// them (prices are copied). It returns ErrBadRequest (wrapped) for a malformed request or bid, and ErrNoBids
// with an Award listing the refusals when no bid is valid.
func Decide(req Request, bids []Bid) (Award, error) {
	if err := req.check(); err != nil {
		return Award{}, err
	}
	if err := checkBids(bids); err != nil {
		return Award{}, err
	}

	var (
		award Award
		valid []int
	)
	for i := range bids {
		if reason := req.refuse(&bids[i]); reason != "" {
			award.Refused = append(award.Refused, Refusal{Bid: cloneBid(bids[i]), Reason: reason})
			continue
		}
		valid = append(valid, i)
	}

	// One bid per provider: the one that counts supersedes the provider's other valid bids.
	counts := make(map[string]int, len(valid))
	for _, i := range valid {
		j, seen := counts[bids[i].AgentID]
		if !seen || req.supersedes(&bids[i], &bids[j]) {
			counts[bids[i].AgentID] = i
		}
	}
	cands := make([]candidate, 0, len(counts))
	for _, i := range valid {
		if counts[bids[i].AgentID] != i {
			award.Refused = append(award.Refused, Refusal{Bid: cloneBid(bids[i]), Reason: ReasonDuplicate})
			continue
		}
		cands = append(cands, req.candidate(bids[i]))
	}
	slices.SortFunc(award.Refused, func(a, b Refusal) int { return cmpArrival(&a.Bid, &b.Bid) })

	if len(cands) == 0 {
		return award, ErrNoBids
	}
	// Sort pointers: a candidate is too big to move around cheaply.
	order := make([]*candidate, len(cands))
	for i := range cands {
		order[i] = &cands[i]
	}
	if req.Rule == Dutch {
		slices.SortFunc(order, func(a, b *candidate) int { return cmpDemoted(&a.bid, &b.bid, cmpDutch(&a.bid, &b.bid)) })
	} else {
		slices.SortFunc(order, func(a, b *candidate) int { return cmpDemoted(&a.bid, &b.bid, cmpSealed(a, b)) })
	}
	award.Ranked = make([]Bid, len(order))
	for i, c := range order {
		award.Ranked[i] = c.bid
	}
	award.Winner = award.Ranked[0]
	award.Paid = new(big.Int).Set(award.Winner.Price)
	if req.Rule == SecondPrice && len(order) > 1 {
		// Reverse Vickrey: the runner-up's price, capped by the maximum (a no-op for a valid runner-up,
		// kept as a guard), and never below the winner's own signed price (weights can rank a dearer
		// bid first).
		second := order[1].bid.Price
		if second.Cmp(req.MaxPrice) > 0 {
			second = req.MaxPrice
		}
		if second.Cmp(award.Paid) > 0 {
			award.Paid.Set(second)
		}
	}
	return award, nil
}

// DutchOffer is the buyer's offer in a Dutch auction after elapsed of a window: it rises linearly from
// floor at the window's opening to maxPrice at its end,
//
//	floor + (maxPrice - floor) * elapsed / window   (integer division)
//
// and is floor for elapsed <= 0 and maxPrice for elapsed >= window. A nil price counts as 0; a window of
// zero or less means the offer is maxPrice at once. The result is a new big.Int. (If maxPrice < floor the
// same formula applies, falling; Decide refuses such requests.)
func DutchOffer(floor, maxPrice *big.Int, window, elapsed time.Duration) *big.Int {
	f, m := new(big.Int), new(big.Int)
	if floor != nil {
		f.Set(floor)
	}
	if maxPrice != nil {
		m.Set(maxPrice)
	}
	switch {
	case window <= 0 || elapsed >= window:
		return m
	case elapsed <= 0:
		return f
	}
	d := m.Sub(m, f)
	d.Mul(d, big.NewInt(int64(elapsed)))
	d.Quo(d, big.NewInt(int64(window)))
	return d.Add(d, f)
}

// check validates the request.
func (req *Request) check() error {
	if req.Rule > Direct {
		return fmt.Errorf("%w: unknown rule %d", ErrBadRequest, uint8(req.Rule))
	}
	if req.MaxPrice == nil {
		return fmt.Errorf("%w: no max price", ErrBadRequest)
	}
	if req.MaxPrice.Sign() < 0 {
		return fmt.Errorf("%w: negative max price %s", ErrBadRequest, req.MaxPrice)
	}
	if req.Window <= 0 {
		return fmt.Errorf("%w: window %v is not positive", ErrBadRequest, req.Window)
	}
	if req.Weights.LatencyCapMs < 0 {
		return fmt.Errorf("%w: negative latency cap %d ms", ErrBadRequest, req.Weights.LatencyCapMs)
	}
	switch req.Rule {
	case Dutch:
		if req.FloorPrice != nil && req.FloorPrice.Sign() < 0 {
			return fmt.Errorf("%w: negative floor price %s", ErrBadRequest, req.FloorPrice)
		}
		if req.FloorPrice != nil && req.FloorPrice.Cmp(req.MaxPrice) > 0 {
			return fmt.Errorf("%w: floor price %s above max price %s", ErrBadRequest, req.FloorPrice, req.MaxPrice)
		}
	case Direct:
		if req.DirectAgentID == "" {
			return fmt.Errorf("%w: direct request without a provider", ErrBadRequest)
		}
		if !canonicalID(req.DirectAgentID) {
			return fmt.Errorf("%w: direct provider %q is not a canonical decimal agent id", ErrBadRequest, req.DirectAgentID)
		}
	}
	return nil
}

// checkBids validates the bids: a price, canonical agent ids, and Seq unique per provider (so that "a
// provider's last bid" is well defined whatever the order of bids).
func checkBids(bids []Bid) error {
	type key struct {
		agent string
		seq   uint64
	}
	seen := make(map[key]struct{}, len(bids))
	for i := range bids {
		b := &bids[i]
		if b.Price == nil {
			return fmt.Errorf("%w: bid %d (seq %d) has no price", ErrBadRequest, i, b.Seq)
		}
		if b.Price.Sign() < 0 {
			return fmt.Errorf("%w: bid %d (seq %d) has negative price %s", ErrBadRequest, i, b.Seq, b.Price)
		}
		if !canonicalID(b.AgentID) {
			return fmt.Errorf("%w: bid %d (seq %d) agent id %q is not a canonical decimal", ErrBadRequest, i, b.Seq, b.AgentID)
		}
		k := key{b.AgentID, b.Seq}
		if _, dup := seen[k]; dup {
			return fmt.Errorf("%w: agent %s has two bids with seq %d", ErrBadRequest, b.AgentID, b.Seq)
		}
		seen[k] = struct{}{}
	}
	return nil
}

// canonicalID reports whether s is a decimal agent id as big.Int.String prints it: digits, no leading zero.
func canonicalID(s string) bool {
	if s == "" || (len(s) > 1 && s[0] == '0') {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// refuse returns why b cannot take part, or "" if it can (duplicates aside).
func (req *Request) refuse(b *Bid) string {
	switch {
	case req.Rule == Direct && b.AgentID != req.DirectAgentID:
		return ReasonNotInvited
	case b.At > req.Window:
		return ReasonLate
	case b.Price.Cmp(req.MaxPrice) > 0:
		return ReasonAboveMax
	case req.Rule == Dutch && b.Price.Cmp(DutchOffer(req.FloorPrice, req.MaxPrice, req.Window, b.At)) > 0:
		return ReasonAboveOffer
	}
	return ""
}

// supersedes reports whether a, rather than b, is the bid that counts for their provider: the later one by
// Seq in the sealed-bid rules, the earlier one by (At, Seq) in Dutch.
func (req *Request) supersedes(a, b *Bid) bool {
	if req.Rule == Dutch {
		return cmpDutch(a, b) < 0
	}
	return a.Seq > b.Seq
}

// candidate prepares b for ranking.
func (req *Request) candidate(b Bid) candidate {
	c := candidate{bid: cloneBid(b), rep: effectiveReputation(&b)}
	if req.Rule != Dutch {
		c.adj = adjustedPrice(c.bid.Price, multiplierBps(req.Weights, c.rep, b.P95Ms))
	}
	return c
}

// effectiveReputation is b's reputation in hundredths of a point: clamped to 0..100 and rounded, 0 when
// unknown or NaN.
func effectiveReputation(b *Bid) int64 {
	r := b.Reputation
	if !b.HasReputation || math.IsNaN(r) || r <= 0 {
		return 0
	}
	if r >= 100 {
		return bpsOne
	}
	return int64(math.Round(r * 100))
}

// multiplierBps is 10000 + repBps + latBps (see Weights). It fits a uint64: each term is below 2^33.
func multiplierBps(w Weights, repCenti, p95 int64) uint64 {
	repBps := uint64(w.ReputationBps) * uint64(bpsOne-repCenti) / bpsOne
	capMs := w.LatencyCapMs
	if capMs <= 0 {
		capMs = DefaultLatencyCapMs
	}
	if p95 <= 0 || p95 > capMs {
		p95 = capMs
	}
	// LatencyBps * p95 can exceed 64 bits (p95 up to MaxInt64); the quotient cannot exceed LatencyBps, and
	// hi < capMs holds because LatencyBps < 2^32 and p95 <= capMs.
	hi, lo := bits.Mul64(uint64(w.LatencyBps), uint64(p95))
	latBps, _ := bits.Div64(hi, lo, uint64(capMs))
	return bpsOne + repBps + latBps
}

// adjustedPrice is price * mult / 10000, rounded down.
func adjustedPrice(price *big.Int, mult uint64) *big.Int {
	if mult == bpsOne {
		return price
	}
	adj := new(big.Int).SetUint64(mult)
	adj.Mul(adj, price)
	return adj.Quo(adj, bigBpsOne)
}

// cmpSealed orders candidates of the sealed-bid rules, best first: lower adjusted price, lower price, higher
// reputation, lower p95 (unknown last), lower Seq, lower agent id.
func cmpSealed(a, b *candidate) int {
	if c := a.adj.Cmp(b.adj); c != 0 {
		return c
	}
	if c := a.bid.Price.Cmp(b.bid.Price); c != 0 {
		return c
	}
	if a.rep != b.rep {
		if a.rep > b.rep {
			return -1
		}
		return 1
	}
	if c := cmpP95(a.bid.P95Ms, b.bid.P95Ms); c != 0 {
		return c
	}
	return cmpArrival(&a.bid, &b.bid)
}

// cmpDemoted orders a bid that is not demoted before a demoted one, and otherwise returns then.
func cmpDemoted(a, b *Bid, then int) int {
	switch {
	case a.Demoted == b.Demoted:
		return then
	case b.Demoted:
		return -1
	}
	return 1
}

// cmpP95 orders latencies lower first, unknown (<= 0) last.
func cmpP95(a, b int64) int {
	switch {
	case a == b, a <= 0 && b <= 0:
		return 0
	case a <= 0:
		return 1
	case b <= 0:
		return -1
	case a < b:
		return -1
	}
	return 1
}

// cmpDutch orders Dutch acceptances, earliest first: At, then Seq, then agent id.
func cmpDutch(a, b *Bid) int {
	if a.At != b.At {
		if a.At < b.At {
			return -1
		}
		return 1
	}
	return cmpArrival(a, b)
}

// cmpArrival orders bids by Seq, then by agent id.
func cmpArrival(a, b *Bid) int {
	if a.Seq != b.Seq {
		if a.Seq < b.Seq {
			return -1
		}
		return 1
	}
	return cmpAgentID(a.AgentID, b.AgentID)
}

// cmpAgentID orders canonical decimal ids numerically: shorter first, then bytewise.
func cmpAgentID(a, b string) int {
	if len(a) != len(b) {
		if len(a) < len(b) {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}

// cloneBid copies b with its own Price.
func cloneBid(b Bid) Bid {
	b.Price = new(big.Int).Set(b.Price)
	return b
}
