package auction_test

// Property tests: thousands of random requests and bid sets for every rule, each checked against a
// brute-force reference written straight from docs/auction.md (big.Int and big.Rat arithmetic, numeric agent
// id comparison by parsing, quadratic searches instead of sorting), so that it shares no code with the package.

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/agoralabs/agora/auction"
)

// casesPerRule is how many random bid sets each property test checks for every rule.
const casesPerRule = 2500

var allRules = []auction.Rule{auction.FirstPrice, auction.SecondPrice, auction.Dutch, auction.Direct}

// agentPool holds ids whose numeric and lexical orders differ ("9" < "10" < "100", "12" < "21").
var agentPool = []string{"1", "2", "3", "9", "10", "12", "21", "100"}

// gen draws random requests and bids. Values come from small sets so that ties happen at every level.
type gen struct{ r *rand.Rand }

func newGen(seed uint64) gen { return gen{rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))} }

func (g gen) pick(n int) int { return g.r.IntN(n) }

// request draws a valid request for rule.
func (g gen) request(rule auction.Rule) (auction.Request, *big.Int) {
	scale := big.NewInt(1)
	if g.pick(4) == 0 { // prices beyond 64 bits
		scale = new(big.Int).Exp(big.NewInt(10), big.NewInt(30), nil)
	}
	req := auction.Request{
		Rule:     rule,
		MaxPrice: new(big.Int).Mul(scale, big.NewInt(int64(10+g.pick(16)))),
		Window:   []time.Duration{time.Millisecond, 250 * time.Millisecond, time.Second, 7777777}[g.pick(4)],
	}
	if rule == auction.Dutch && g.pick(5) != 0 {
		req.FloorPrice = new(big.Int).Mul(scale, big.NewInt(int64(g.pick(11))))
	}
	if rule == auction.Direct {
		req.DirectAgentID = agentPool[g.pick(len(agentPool))]
	}
	bps := []uint32{0, 0, 500, 5000, 10000, math.MaxUint32}
	req.Weights = auction.Weights{
		ReputationBps: bps[g.pick(len(bps))],
		LatencyBps:    bps[g.pick(len(bps))],
		LatencyCapMs:  []int64{0, 1, 100, 1000, math.MaxInt64}[g.pick(5)],
	}
	if g.pick(3) == 0 {
		req.Weights.ReputationBps = g.r.Uint32N(20000)
	}
	return req, scale
}

// bids draws 0..14 bids for req: some above the maximum, some late, some from the same provider, some
// sharing a Seq across providers (Seq stays unique per provider, as Decide requires).
func (g gen) bids(req auction.Request, scale *big.Int) []auction.Bid {
	n := g.pick(15)
	agents := agentPool[:2+g.pick(len(agentPool)-1)]
	w := req.Window
	ats := []time.Duration{0, 0, w / 4, w / 2, w / 2, w, w + 1, 2 * w, -1}
	reps := []float64{0, 10, 33.337, 33.334, 37.5, 37.504, 50, 95, 100, -5, 120, math.NaN(), math.Inf(1)}
	p95s := []int64{0, -5, 1, 50, 100, 100, 999, 1000, 5000, 20000, math.MaxInt64}
	seqs := g.r.Perm(n + 3)
	for i := range seqs {
		seqs[i] += 3 // leave 0..2 to tie mode
	}
	tieMode := g.pick(8) == 0
	demoted := map[string]bool{} // a penalty is the provider's: all its bids carry it
	if g.pick(3) == 0 {
		for _, a := range agents {
			demoted[a] = g.pick(3) == 0
		}
	}
	out := make([]auction.Bid, n)
	for i := range out {
		b := auction.Bid{
			AgentID:       agents[g.pick(len(agents))],
			Price:         new(big.Int).Mul(scale, big.NewInt(int64(g.pick(30)))),
			Reputation:    reps[g.pick(len(reps))],
			HasReputation: g.pick(4) != 0,
			P95Ms:         p95s[g.pick(len(p95s))],
			At:            ats[g.pick(len(ats))],
			Seq:           uint64(seqs[i]),
		}
		b.Demoted = demoted[b.AgentID]
		if g.pick(3) == 0 {
			b.At = time.Duration(g.r.Int64N(int64(w) + 1))
		}
		if scale.Cmp(big.NewInt(1)) > 0 && g.pick(3) == 0 {
			b.Price.Add(b.Price, randBelow(g.r, scale))
		}
		if tieMode { // near-identical bids, so that late tie-break levels decide
			b.Price = new(big.Int).Mul(scale, big.NewInt(int64(5+g.pick(2))))
			b.Reputation, b.HasReputation, b.P95Ms = 50, true, 100
			if seq := uint64(g.pick(3)); !hasBid(out[:i], b.AgentID, seq) {
				b.Seq = seq
			}
		}
		if i > 0 && g.pick(5) == 0 { // share the Seq of an earlier bid by another provider
			j := g.pick(i)
			if out[j].AgentID != b.AgentID && !hasBid(out[:i], b.AgentID, out[j].Seq) {
				b.Seq = out[j].Seq
			}
		}
		out[i] = b
	}
	return out
}

func hasBid(bids []auction.Bid, agent string, seq uint64) bool {
	for _, b := range bids {
		if b.AgentID == agent && b.Seq == seq {
			return true
		}
	}
	return false
}

// randBelow returns a random integer in [0, n), n > 0 (modulo bias is harmless here).
func randBelow(r *rand.Rand, n *big.Int) *big.Int {
	buf := make([]byte, len(n.Bytes())+8)
	for i := range buf {
		buf[i] = byte(r.Uint32())
	}
	v := new(big.Int).SetBytes(buf)
	return v.Mod(v, n)
}

// forEachCase runs fn on casesPerRule random cases for each of the rules given.
func forEachCase(t *testing.T, seed uint64, rules []auction.Rule, fn func(t *testing.T, req auction.Request, bids []auction.Bid)) {
	t.Helper()
	for _, rule := range rules {
		t.Run(rule.String(), func(t *testing.T) {
			g := newGen(seed + uint64(rule))
			for range casesPerRule {
				req, scale := g.request(rule)
				bids := g.bids(req, scale)
				fn(t, req, bids)
				if t.Failed() {
					t.Logf("request %s\nbids:\n%s", fmtRequest(req), fmtBids(bids))
					return
				}
			}
		})
	}
}

// ---- the reference, straight from the documented rules ----

// refOffer is the Dutch offer at elapsed, computed with rationals and rounded down.
func refOffer(req auction.Request, elapsed time.Duration) *big.Int {
	floor := new(big.Int)
	if req.FloorPrice != nil {
		floor.Set(req.FloorPrice)
	}
	if elapsed <= 0 {
		return floor
	}
	if elapsed >= req.Window {
		return new(big.Int).Set(req.MaxPrice)
	}
	span := new(big.Rat).SetInt(new(big.Int).Sub(req.MaxPrice, floor))
	frac := big.NewRat(int64(elapsed), int64(req.Window))
	v := new(big.Rat).Mul(span, frac)
	q := new(big.Int).Div(v.Num(), v.Denom()) // v >= 0: Euclidean division rounds down
	return q.Add(q, floor)
}

// refReason is why the reference refuses b before duplicates are considered, or "".
func refReason(req auction.Request, b auction.Bid) string {
	if req.Rule == auction.Direct && b.AgentID != req.DirectAgentID {
		return auction.ReasonNotInvited
	}
	if b.At > req.Window {
		return auction.ReasonLate
	}
	if b.Price.Cmp(req.MaxPrice) > 0 {
		return auction.ReasonAboveMax
	}
	if req.Rule == auction.Dutch && b.Price.Cmp(refOffer(req, b.At)) > 0 {
		return auction.ReasonAboveOffer
	}
	return ""
}

// refRep is the reputation in hundredths counted for b.
func refRep(b auction.Bid) int64 {
	if !b.HasReputation || math.IsNaN(b.Reputation) {
		return 0
	}
	r := b.Reputation
	if r < 0 {
		r = 0
	}
	if r > 100 {
		r = 100
	}
	return int64(math.Round(r * 100))
}

// refAdjusted is b's ranking key, all in big.Int.
func refAdjusted(w auction.Weights, b auction.Bid) *big.Int {
	bi := func(v int64) *big.Int { return big.NewInt(v) }
	ten4 := bi(10000)
	repBps := new(big.Int).Mul(bi(int64(w.ReputationBps)), bi(10000-refRep(b)))
	repBps.Div(repBps, ten4)
	capMs := w.LatencyCapMs
	if capMs == 0 {
		capMs = 10000
	}
	p := b.P95Ms
	if p <= 0 || p > capMs {
		p = capMs
	}
	latBps := new(big.Int).Mul(bi(int64(w.LatencyBps)), bi(p))
	latBps.Div(latBps, bi(capMs))
	mult := new(big.Int).Add(ten4, repBps)
	mult.Add(mult, latBps)
	adj := new(big.Int).Mul(b.Price, mult)
	return adj.Div(adj, ten4)
}

// refIDLess compares agent ids as numbers.
func refIDLess(a, b string) bool {
	x, _ := new(big.Int).SetString(a, 10)
	y, _ := new(big.Int).SetString(b, 10)
	return x.Cmp(y) < 0
}

// tie-break levels, in the order they are tried.
const (
	levelAdjusted = iota
	levelPrice
	levelReputation
	levelP95
	levelSeq
	levelAgentID
	levelNone
	levelAt = levelAdjusted // Dutch's first level
)

// refSealedLevel returns whether a ranks before b in the sealed-bid rules, and at which level it was decided.
func refSealedLevel(w auction.Weights, a, b auction.Bid) (bool, int) {
	if c := refAdjusted(w, a).Cmp(refAdjusted(w, b)); c != 0 {
		return c < 0, levelAdjusted
	}
	if c := a.Price.Cmp(b.Price); c != 0 {
		return c < 0, levelPrice
	}
	if ra, rb := refRep(a), refRep(b); ra != rb {
		return ra > rb, levelReputation
	}
	pa, pb := a.P95Ms, b.P95Ms
	switch {
	case pa > 0 && pb <= 0:
		return true, levelP95
	case pa <= 0 && pb > 0:
		return false, levelP95
	case pa > 0 && pa != pb:
		return pa < pb, levelP95
	}
	if a.Seq != b.Seq {
		return a.Seq < b.Seq, levelSeq
	}
	if a.AgentID != b.AgentID {
		return refIDLess(a.AgentID, b.AgentID), levelAgentID
	}
	return false, levelNone
}

// refDutchLevel returns whether acceptance a ranks before b, and at which level it was decided.
func refDutchLevel(a, b auction.Bid) (bool, int) {
	if a.At != b.At {
		return a.At < b.At, levelAt
	}
	if a.Seq != b.Seq {
		return a.Seq < b.Seq, levelSeq
	}
	if a.AgentID != b.AgentID {
		return refIDLess(a.AgentID, b.AgentID), levelAgentID
	}
	return false, levelNone
}

func refBetter(req auction.Request, a, b auction.Bid) bool {
	if a.Demoted != b.Demoted {
		return b.Demoted // a penalty ranks a provider after every other
	}
	if req.Rule == auction.Dutch {
		better, _ := refDutchLevel(a, b)
		return better
	}
	better, _ := refSealedLevel(req.Weights, a, b)
	return better
}

// refOutcome is what the reference expects of a case.
type refOutcome struct {
	reasons map[int]string // index in bids -> refusal reason
	counted []int          // indices of the valid bids that count
	winner  int            // index of the winner, -1 when none
	second  int            // index of the runner-up, -1 when none
}

// reference decides a case by brute force.
func reference(t *testing.T, req auction.Request, bids []auction.Bid) refOutcome {
	t.Helper()
	out := refOutcome{reasons: map[int]string{}, winner: -1, second: -1}
	for i, b := range bids {
		if r := refReason(req, b); r != "" {
			out.reasons[i] = r
		}
	}
	for i, b := range bids {
		if _, bad := out.reasons[i]; bad {
			continue
		}
		superseded := false
		for j, o := range bids {
			if _, bad := out.reasons[j]; bad || j == i || o.AgentID != b.AgentID {
				continue
			}
			if req.Rule == auction.Dutch {
				superseded = superseded || o.At < b.At || (o.At == b.At && o.Seq < b.Seq)
			} else {
				superseded = superseded || o.Seq > b.Seq
			}
		}
		if superseded {
			out.reasons[i] = auction.ReasonDuplicate
		} else {
			out.counted = append(out.counted, i)
		}
	}
	// The winner beats every other counted bid; the runner-up beats every other but the winner.
	bestExcept := func(skip int) int {
		found := -1
		for _, i := range out.counted {
			if i == skip {
				continue
			}
			beatsAll := true
			for _, j := range out.counted {
				if j != i && j != skip && !refBetter(req, bids[i], bids[j]) {
					beatsAll = false
				}
			}
			if beatsAll {
				if found >= 0 {
					t.Fatalf("reference: bids %d and %d both rank first", found, i)
				}
				found = i
			}
		}
		return found
	}
	out.winner = bestExcept(-1)
	if out.winner >= 0 {
		out.second = bestExcept(out.winner)
	}
	if len(out.counted) > 0 && out.winner < 0 {
		t.Fatalf("reference: no bid ranks first among %v", out.counted)
	}
	return out
}

// refPaid is what the reference pays the winner.
func refPaid(req auction.Request, bids []auction.Bid, out refOutcome) *big.Int {
	w := bids[out.winner].Price
	if req.Rule != auction.SecondPrice || out.second < 0 {
		return new(big.Int).Set(w)
	}
	s := bids[out.second].Price
	if s.Cmp(req.MaxPrice) > 0 {
		s = req.MaxPrice
	}
	if s.Cmp(w) < 0 {
		s = w
	}
	return new(big.Int).Set(s)
}

// ---- properties ----

// TestDecide_WinnerIsBestRanked checks, for every rule, that the winner beats every other valid bid by the
// documented ranking (brute force), that Ranked is exactly the counted bids in ranking order, and that it
// agrees with the reference on which bids count.
func TestDecide_WinnerIsBestRanked(t *testing.T) {
	forEachCase(t, 1, allRules, func(t *testing.T, req auction.Request, bids []auction.Bid) {
		award, err := auction.Decide(req, bids)
		want := reference(t, req, bids)
		if want.winner < 0 {
			if !errors.Is(err, auction.ErrNoBids) {
				t.Errorf("Decide = %v, want ErrNoBids", err)
			}
			return
		}
		if err != nil {
			t.Fatalf("Decide: %v", err)
		}
		if !sameBid(award.Winner, bids[want.winner]) {
			t.Errorf("winner %s, want %s", fmtBid(award.Winner), fmtBid(bids[want.winner]))
		}
		for _, i := range want.counted {
			if i != want.winner && !refBetter(req, award.Winner, bids[i]) {
				t.Errorf("winner %s does not beat %s", fmtBid(award.Winner), fmtBid(bids[i]))
			}
		}
		if len(award.Ranked) != len(want.counted) {
			t.Fatalf("ranked %d bids, want %d", len(award.Ranked), len(want.counted))
		}
		if !sameBid(award.Ranked[0], award.Winner) {
			t.Errorf("Ranked[0] = %s, not the winner", fmtBid(award.Ranked[0]))
		}
		for k := 1; k < len(award.Ranked); k++ {
			if !refBetter(req, award.Ranked[k-1], award.Ranked[k]) {
				t.Errorf("Ranked[%d] %s does not rank before Ranked[%d] %s",
					k-1, fmtBid(award.Ranked[k-1]), k, fmtBid(award.Ranked[k]))
			}
		}
		for _, i := range want.counted {
			if !slices.ContainsFunc(award.Ranked, func(b auction.Bid) bool { return sameBid(b, bids[i]) }) {
				t.Errorf("valid bid %s missing from Ranked", fmtBid(bids[i]))
			}
		}
	})
}

// TestDecide_FirstPricePaysOwnPrice checks that first-price and direct winners are paid their own price.
func TestDecide_FirstPricePaysOwnPrice(t *testing.T) {
	forEachCase(t, 2, []auction.Rule{auction.FirstPrice, auction.Direct}, func(t *testing.T, req auction.Request, bids []auction.Bid) {
		award, err := auction.Decide(req, bids)
		if err != nil {
			return
		}
		if award.Paid.Cmp(award.Winner.Price) != 0 {
			t.Errorf("paid %s, want the winner's price %s", award.Paid, award.Winner.Price)
		}
	})
}

// TestDecide_SecondPricePayment checks the reverse Vickrey payment: at least the winner's price, at most
// the maximum, and exactly max(winner, min(max, runner-up)), or the winner's price when it is alone.
func TestDecide_SecondPricePayment(t *testing.T) {
	var alone, raised int
	forEachCase(t, 3, []auction.Rule{auction.SecondPrice}, func(t *testing.T, req auction.Request, bids []auction.Bid) {
		award, err := auction.Decide(req, bids)
		if err != nil {
			return
		}
		want := reference(t, req, bids)
		if award.Paid.Cmp(award.Winner.Price) < 0 {
			t.Errorf("paid %s below the winner's price %s", award.Paid, award.Winner.Price)
		}
		if award.Paid.Cmp(req.MaxPrice) > 0 {
			t.Errorf("paid %s above max %s", award.Paid, req.MaxPrice)
		}
		if wantPaid := refPaid(req, bids, want); award.Paid.Cmp(wantPaid) != 0 {
			t.Errorf("paid %s, want %s", award.Paid, wantPaid)
		}
		if want.second < 0 {
			alone++
			if len(award.Ranked) != 1 || award.Paid.Cmp(award.Winner.Price) != 0 {
				t.Errorf("single valid bid: paid %s, ranked %d; want own price %s", award.Paid, len(award.Ranked), award.Winner.Price)
			}
		} else if award.Paid.Cmp(award.Winner.Price) > 0 {
			raised++
		}
	})
	if alone == 0 || raised == 0 {
		t.Errorf("generator: %d single-bid and %d raised-payment cases, want some of each", alone, raised)
	}
}

// TestDecide_DutchEarliestAcceptance checks that the Dutch winner is the earliest valid acceptance, that
// every above_dutch_offer refusal really was above the offer of its moment, and that every counted
// acceptance was at or below it.
func TestDecide_DutchEarliestAcceptance(t *testing.T) {
	var aboveOffer int
	forEachCase(t, 4, []auction.Rule{auction.Dutch}, func(t *testing.T, req auction.Request, bids []auction.Bid) {
		award, err := auction.Decide(req, bids)
		if err != nil && !errors.Is(err, auction.ErrNoBids) {
			t.Fatalf("Decide: %v", err)
		}
		for _, r := range award.Refused {
			if r.Reason != auction.ReasonAboveOffer {
				continue
			}
			aboveOffer++
			if offer := refOffer(req, r.Bid.At); r.Bid.Price.Cmp(offer) <= 0 {
				t.Errorf("refused %s as above the offer, but the offer at %v was %s", fmtBid(r.Bid), r.Bid.At, offer)
			}
		}
		for _, b := range award.Ranked {
			if offer := refOffer(req, b.At); b.Price.Cmp(offer) > 0 || b.At > req.Window {
				t.Errorf("accepted %s above the offer %s at %v (window %v)", fmtBid(b), offer, b.At, req.Window)
			}
		}
		if err != nil {
			return
		}
		if award.Paid.Cmp(award.Winner.Price) != 0 {
			t.Errorf("paid %s, want the winner's signed price %s", award.Paid, award.Winner.Price)
		}
		// No valid acceptance (by any provider, duplicates included) came before the winner's, but a
		// demoted provider's, which ranks after the others.
		for _, b := range bids {
			if refReason(req, b) != "" || (b.Demoted && !award.Winner.Demoted) {
				continue
			}
			if b.At < award.Winner.At || (b.At == award.Winner.At && b.Seq < award.Winner.Seq) {
				t.Errorf("acceptance %s came before the winner %s", fmtBid(b), fmtBid(award.Winner))
			}
		}
	})
	if aboveOffer == 0 {
		t.Error("generator: no bid above the Dutch offer")
	}
}

// TestDecide_ShuffleInvariant checks that any order of the same bids gives the same award, refusals and
// their order included.
func TestDecide_ShuffleInvariant(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	forEachCase(t, 5, allRules, func(t *testing.T, req auction.Request, bids []auction.Bid) {
		award, err := auction.Decide(req, bids)
		want := fmtAward(award, err)
		for range 3 {
			shuffled := slices.Clone(bids)
			r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			award, err := auction.Decide(req, shuffled)
			if got := fmtAward(award, err); got != want {
				t.Fatalf("shuffled bids give\n%s\nwant\n%s", got, want)
			}
		}
		reversed := slices.Clone(bids)
		slices.Reverse(reversed)
		if got := fmtAward(auction.Decide(req, reversed)); got != want {
			t.Fatalf("reversed bids give\n%s\nwant\n%s", got, want)
		}
	})
}

// TestDecide_RefusedNeverWin checks that refused bids never win or rank, that each is refused for the
// reason the reference gives, that Refused is in Seq order, and that Ranked and Refused partition the bids.
func TestDecide_RefusedNeverWin(t *testing.T) {
	seen := map[string]int{}
	forEachCase(t, 6, allRules, func(t *testing.T, req auction.Request, bids []auction.Bid) {
		award, err := auction.Decide(req, bids)
		if err != nil && !errors.Is(err, auction.ErrNoBids) {
			t.Fatalf("Decide: %v", err)
		}
		want := reference(t, req, bids)
		if len(award.Ranked)+len(award.Refused) != len(bids) {
			t.Errorf("%d ranked + %d refused, want %d bids", len(award.Ranked), len(award.Refused), len(bids))
		}
		for _, r := range award.Refused {
			seen[r.Reason]++
			if err == nil && sameBid(r.Bid, award.Winner) {
				t.Errorf("refused bid %s (%s) won", fmtBid(r.Bid), r.Reason)
			}
			if slices.ContainsFunc(award.Ranked, func(b auction.Bid) bool { return sameBid(b, r.Bid) }) {
				t.Errorf("refused bid %s (%s) is ranked", fmtBid(r.Bid), r.Reason)
			}
			i := slices.IndexFunc(bids, func(b auction.Bid) bool { return sameBid(b, r.Bid) })
			if i < 0 {
				t.Fatalf("refused bid %s is not one of the bids", fmtBid(r.Bid))
			}
			if r.Reason != want.reasons[i] {
				t.Errorf("bid %s refused as %q, want %q", fmtBid(r.Bid), r.Reason, want.reasons[i])
			}
		}
		if len(award.Refused) != len(want.reasons) {
			t.Errorf("%d refused, want %d", len(award.Refused), len(want.reasons))
		}
		for k := 1; k < len(award.Refused); k++ {
			a, b := award.Refused[k-1].Bid, award.Refused[k].Bid
			if a.Seq > b.Seq || (a.Seq == b.Seq && !refIDLess(a.AgentID, b.AgentID)) {
				t.Errorf("Refused out of order: %s before %s", fmtBid(a), fmtBid(b))
			}
		}
	})
	for _, reason := range []string{auction.ReasonAboveMax, auction.ReasonLate, auction.ReasonNotInvited,
		auction.ReasonAboveOffer, auction.ReasonDuplicate} {
		if seen[reason] == 0 {
			t.Errorf("generator: no bid refused as %s", reason)
		}
	}
}

// TestDecide_PaidWithinMax checks that the payment never exceeds the maximum nor falls below zero, and is
// a fresh value (changing it changes no bid).
func TestDecide_PaidWithinMax(t *testing.T) {
	forEachCase(t, 7, allRules, func(t *testing.T, req auction.Request, bids []auction.Bid) {
		award, err := auction.Decide(req, bids)
		if err != nil {
			if award.Paid != nil {
				t.Errorf("error %v with Paid %s, want nil", err, award.Paid)
			}
			return
		}
		if award.Paid.Sign() < 0 || award.Paid.Cmp(req.MaxPrice) > 0 {
			t.Errorf("paid %s outside [0, %s]", award.Paid, req.MaxPrice)
		}
		before := fmtBids(bids)
		award.Paid.Add(award.Paid, big.NewInt(1))
		award.Winner.Price.Add(award.Winner.Price, big.NewInt(1))
		if after := fmtBids(bids); after != before {
			t.Errorf("changing the award changed the bids:\n%s\nwas\n%s", after, before)
		}
	})
}

// TestDecide_NoValidBids checks that Decide returns ErrNoBids exactly when the reference finds no valid
// bid, with every bid in Refused and no winner.
func TestDecide_NoValidBids(t *testing.T) {
	var none int
	forEachCase(t, 8, allRules, func(t *testing.T, req auction.Request, bids []auction.Bid) {
		award, err := auction.Decide(req, bids)
		want := reference(t, req, bids)
		if (want.winner < 0) != errors.Is(err, auction.ErrNoBids) {
			t.Fatalf("Decide error %v, reference finds %d valid bids", err, len(want.counted))
		}
		if want.winner >= 0 {
			return
		}
		none++
		if len(award.Refused) != len(bids) || len(award.Ranked) != 0 || award.Winner.Price != nil {
			t.Errorf("no valid bid: %d refused of %d, %d ranked, winner %s",
				len(award.Refused), len(bids), len(award.Ranked), fmtBid(award.Winner))
		}
	})
	if none < casesPerRule/20 {
		t.Errorf("generator: only %d cases without a valid bid", none)
	}
}

// TestDecide_DoesNotModifyBids checks that the bids (order, fields and prices) are as they were.
func TestDecide_DoesNotModifyBids(t *testing.T) {
	forEachCase(t, 9, allRules, func(t *testing.T, req auction.Request, bids []auction.Bid) {
		before := fmtBids(bids)
		ptrs := make([]*big.Int, len(bids))
		for i := range bids {
			ptrs[i] = bids[i].Price
		}
		if _, err := auction.Decide(req, bids); err != nil && !errors.Is(err, auction.ErrNoBids) {
			t.Fatalf("Decide: %v", err)
		}
		if after := fmtBids(bids); after != before {
			t.Errorf("bids changed:\n%s\nwas\n%s", after, before)
		}
		for i := range bids {
			if bids[i].Price != ptrs[i] {
				t.Errorf("bid %d's Price pointer replaced", i)
			}
		}
	})
}

// TestDecide_TieBreakCoverage checks that the random cases reach every level of the tie-break chain
// between winner and runner-up, so that the properties above really exercise them.
func TestDecide_TieBreakCoverage(t *testing.T) {
	sealed := make([]int, levelNone+1)
	dutch := make([]int, levelNone+1)
	byPenalty := 0
	forEachCase(t, 10, allRules, func(t *testing.T, req auction.Request, bids []auction.Bid) {
		award, err := auction.Decide(req, bids)
		if err != nil || len(award.Ranked) < 2 {
			return
		}
		if award.Ranked[0].Demoted != award.Ranked[1].Demoted {
			byPenalty++
			return
		}
		if req.Rule == auction.Dutch {
			_, level := refDutchLevel(award.Ranked[0], award.Ranked[1])
			dutch[level]++
			return
		}
		_, level := refSealedLevel(req.Weights, award.Ranked[0], award.Ranked[1])
		sealed[level]++
	})
	t.Logf("winner/runner-up decided per level: sealed %v, Dutch %v, by a penalty %d", sealed, dutch, byPenalty)
	if byPenalty == 0 {
		t.Error("no winner decided by a penalty (Demoted)")
	}
	for level := levelAdjusted; level <= levelAgentID; level++ {
		if sealed[level] == 0 {
			t.Errorf("sealed rules: no winner decided at tie-break level %d (counts %v)", level, sealed)
		}
	}
	for _, level := range []int{levelAt, levelSeq, levelAgentID} {
		if dutch[level] == 0 {
			t.Errorf("Dutch: no winner decided at tie-break level %d (counts %v)", level, dutch)
		}
	}
	if sealed[levelNone]+dutch[levelNone] != 0 {
		t.Errorf("winner and runner-up tied at every level: %d cases", sealed[levelNone]+dutch[levelNone])
	}
}

// TestDutchOffer_Curve checks the Dutch curve against the rational reference over random prices and times:
// floor before the window, max after it, never outside [floor, max], and never falling.
func TestDutchOffer_Curve(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 11))
	for range 20000 {
		floor := randBelow(r, new(big.Int).Lsh(big.NewInt(1), uint(1+r.IntN(200))))
		maxPrice := new(big.Int).Add(floor, randBelow(r, new(big.Int).Lsh(big.NewInt(1), uint(1+r.IntN(200)))))
		window := time.Duration(1 + r.Int64N(int64(time.Hour)))
		e1 := time.Duration(r.Int64N(int64(3*window))) - window
		e2 := e1 + time.Duration(r.Int64N(int64(window)))
		req := auction.Request{MaxPrice: maxPrice, FloorPrice: floor, Window: window}
		o1 := auction.DutchOffer(floor, maxPrice, window, e1)
		o2 := auction.DutchOffer(floor, maxPrice, window, e2)
		if want := refOffer(req, e1); o1.Cmp(want) != 0 {
			t.Fatalf("DutchOffer(%s, %s, %v, %v) = %s, want %s", floor, maxPrice, window, e1, o1, want)
		}
		if o1.Cmp(floor) < 0 || o1.Cmp(maxPrice) > 0 {
			t.Fatalf("DutchOffer(%s, %s, %v, %v) = %s, outside [floor, max]", floor, maxPrice, window, e1, o1)
		}
		if o2.Cmp(o1) < 0 {
			t.Fatalf("DutchOffer falls: %s at %v, %s at %v (floor %s, max %s, window %v)", o1, e1, o2, e2, floor, maxPrice, window)
		}
	}
}

// ---- formatting and comparison helpers ----

// sameBid reports whether a and b are the same bid, field by field (prices by value).
func sameBid(a, b auction.Bid) bool { return fmtBid(a) == fmtBid(b) }

func fmtBid(b auction.Bid) string {
	rep := "?"
	if b.HasReputation {
		rep = fmt.Sprint(b.Reputation)
	}
	demoted := ""
	if b.Demoted {
		demoted = " demoted"
	}
	return fmt.Sprintf("{agent %s price %v rep %s p95 %d at %v seq %d%s}", b.AgentID, b.Price, rep, b.P95Ms, b.At, b.Seq, demoted)
}

func fmtBids(bids []auction.Bid) string {
	var sb strings.Builder
	for _, b := range bids {
		sb.WriteString("  " + fmtBid(b) + "\n")
	}
	return sb.String()
}

func fmtRequest(req auction.Request) string {
	return fmt.Sprintf("{%s max %v floor %v window %v direct %q weights %+v}",
		req.Rule, req.MaxPrice, req.FloorPrice, req.Window, req.DirectAgentID, req.Weights)
}

func fmtAward(a auction.Award, err error) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "err %v\nwinner %s paid %v\nranked:\n%s", err, fmtBid(a.Winner), a.Paid, fmtBids(a.Ranked))
	sb.WriteString("refused:\n")
	for _, r := range a.Refused {
		fmt.Fprintf(&sb, "  %s %s\n", fmtBid(r.Bid), r.Reason)
	}
	return sb.String()
}
