package auction_test

import (
	"errors"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/agoralabs/agora/auction"
	"github.com/agoralabs/agora/eip712"
)

const ms = time.Millisecond

// n is a *big.Int shorthand.
func n(v int64) *big.Int { return big.NewInt(v) }

// bid is a bid by agent at price with sequence seq, arriving 10 ms into the window, no reputation or p95.
func bid(agent string, price int64, seq uint64) auction.Bid {
	return auction.Bid{AgentID: agent, Price: n(price), At: 10 * ms, Seq: seq}
}

// with returns b changed by fn.
func with(b auction.Bid, fn func(*auction.Bid)) auction.Bid {
	fn(&b)
	return b
}

func rep(r float64) func(*auction.Bid) {
	return func(b *auction.Bid) { b.Reputation, b.HasReputation = r, true }
}

func p95(v int64) func(*auction.Bid) { return func(b *auction.Bid) { b.P95Ms = v } }

func at(d time.Duration) func(*auction.Bid) { return func(b *auction.Bid) { b.At = d } }

// sealed is a request of rule with max price 1000 and a 100 ms window.
func sealed(rule auction.Rule, w auction.Weights) auction.Request {
	return auction.Request{Rule: rule, MaxPrice: n(1000), Window: 100 * ms, Weights: w}
}

// id names a bid in failure messages and comparisons: agent/seq.
func id(b auction.Bid) string { return b.AgentID + "/" + itoa(b.Seq) }

func itoa(v uint64) string { return new(big.Int).SetUint64(v).String() }

func refusals(rs []auction.Refusal) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = id(r.Bid) + ":" + r.Reason
	}
	return out
}

func ids(bs []auction.Bid) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = id(b)
	}
	return out
}

// decide runs Decide on bids and on their reverse, fails if the two differ, and returns the first.
func decide(t *testing.T, req auction.Request, bids []auction.Bid) (auction.Award, error) {
	t.Helper()
	award, err := auction.Decide(req, bids)
	rev := slices.Clone(bids)
	slices.Reverse(rev)
	if a2, err2 := auction.Decide(req, rev); fmtAward(a2, err2) != fmtAward(award, err) {
		t.Fatalf("reversed bids give\n%s\nwant\n%s", fmtAward(a2, err2), fmtAward(award, err))
	}
	return award, err
}

func TestRule_MatchesEIP712(t *testing.T) {
	for _, tc := range []struct {
		rule auction.Rule
		want uint8
		name string
	}{
		{auction.FirstPrice, eip712.AuctionFirstPrice, "first_price"},
		{auction.SecondPrice, eip712.AuctionSecondPrice, "second_price"},
		{auction.Dutch, eip712.AuctionDutch, "dutch"},
		{auction.Direct, eip712.AuctionDirect, "direct"},
		{auction.Rule(9), 9, "rule(9)"},
	} {
		if uint8(tc.rule) != tc.want {
			t.Errorf("%s = %d, want eip712's %d", tc.name, uint8(tc.rule), tc.want)
		}
		if got := tc.rule.String(); got != tc.name {
			t.Errorf("Rule(%d).String() = %q, want %q", uint8(tc.rule), got, tc.name)
		}
	}
}

// TestDecide_TieBreaks walks the ranking chain one level at a time: each case ties every earlier level, and
// the bid that loses would win at every later level.
func TestDecide_TieBreaks(t *testing.T) {
	repOnly := auction.Weights{ReputationBps: 10000}
	for _, tc := range []struct {
		name    string
		weights auction.Weights
		bids    []auction.Bid
		want    string // agent/seq of the winner
	}{
		{"lower adjusted price wins over lower price", repOnly, []auction.Bid{
			with(bid("2", 90, 1), rep(0)),    // adjusted 180
			with(bid("1", 100, 2), rep(100)), // adjusted 100
		}, "1/2"},
		{"equal adjusted price: lower price", repOnly, []auction.Bid{
			with(bid("1", 200, 1), rep(100)), // adjusted 200
			with(bid("2", 100, 2), rep(0)),   // adjusted 100 * 20000 / 10000 = 200
		}, "2/2"},
		{"equal adjusted price after rounding down: lower price", auction.Weights{LatencyBps: 10000}, []auction.Bid{
			with(bid("1", 100, 1), p95(1)),  // 100 * 10001 / 10000 = 100.01 -> 100
			with(bid("2", 99, 2), p95(102)), // 99 * 10102 / 10000 = 100.0098 -> 100
		}, "2/2"},
		{"equal price: higher reputation", auction.Weights{}, []auction.Bid{
			with(with(bid("1", 100, 1), rep(80)), p95(10)),
			with(with(bid("2", 100, 2), rep(90)), p95(900)),
		}, "2/2"},
		{"known reputation beats unknown (counted as 0)", auction.Weights{}, []auction.Bid{
			with(bid("1", 100, 1), p95(10)),
			with(bid("2", 100, 2), rep(1)),
		}, "2/2"},
		{"reputation counts in hundredths: 50.004 ties 50", auction.Weights{}, []auction.Bid{
			with(with(bid("1", 100, 1), rep(50.004)), p95(200)),
			with(with(bid("2", 100, 2), rep(50)), p95(100)),
		}, "2/2"},
		{"reputation above 100 counts as 100", auction.Weights{}, []auction.Bid{
			with(with(bid("1", 100, 1), rep(150)), p95(200)),
			with(with(bid("2", 100, 2), rep(100)), p95(100)),
		}, "2/2"},
		{"equal reputation: lower p95", auction.Weights{}, []auction.Bid{
			with(with(bid("1", 100, 1), rep(70)), p95(200)),
			with(with(bid("2", 100, 2), rep(70)), p95(100)),
		}, "2/2"},
		{"known p95 beats unknown", auction.Weights{}, []auction.Bid{
			bid("1", 100, 1),
			with(bid("2", 100, 2), p95(9999)),
		}, "2/2"},
		{"negative p95 is unknown", auction.Weights{}, []auction.Bid{
			with(bid("1", 100, 1), p95(-1)),
			with(bid("2", 100, 2), p95(9999)),
		}, "2/2"},
		{"equal p95: earlier seq", auction.Weights{}, []auction.Bid{
			with(bid("1", 100, 2), p95(50)),
			with(bid("10", 100, 1), p95(50)),
		}, "10/1"},
		{"equal seq: lower agent id, numerically (9 < 10)", auction.Weights{}, []auction.Bid{
			bid("10", 100, 1),
			bid("9", 100, 1),
		}, "9/1"},
		{"equal seq: lower agent id (12 < 21)", auction.Weights{}, []auction.Bid{
			bid("21", 100, 1),
			bid("12", 100, 1),
		}, "12/1"},
		{"equal seq: lower agent id (99 < 100)", auction.Weights{}, []auction.Bid{
			bid("100", 100, 1),
			bid("99", 100, 1),
		}, "99/1"},
	} {
		for _, rule := range []auction.Rule{auction.FirstPrice, auction.SecondPrice} {
			t.Run(rule.String()+"/"+tc.name, func(t *testing.T) {
				award, err := decide(t, sealed(rule, tc.weights), tc.bids)
				if err != nil {
					t.Fatalf("Decide: %v", err)
				}
				if got := id(award.Winner); got != tc.want {
					t.Errorf("winner %s, want %s (ranked %v)", got, tc.want, ids(award.Ranked))
				}
			})
		}
	}
}

func TestDecide_Weights(t *testing.T) {
	for _, tc := range []struct {
		name    string
		weights auction.Weights
		bids    []auction.Bid
		want    string
		paid    int64
	}{
		{"price alone: the cheaper bid with reputation 10 wins", auction.Weights{}, []auction.Bid{
			with(bid("1", 100, 1), rep(10)),
			with(bid("2", 103, 2), rep(95)),
		}, "1/1", 100},
		{"ReputationBps 5000: the dearer bid with reputation 95 wins", auction.Weights{ReputationBps: 5000}, []auction.Bid{
			with(bid("1", 100, 1), rep(10)), // 100 * (10000 + 4500) / 10000 = 145
			with(bid("2", 103, 2), rep(95)), // 103 * (10000 + 250) / 10000 = 105
		}, "2/2", 103},
		{"unknown reputation counts as 0", auction.Weights{ReputationBps: 5000}, []auction.Bid{
			bid("1", 100, 1),                // 150
			with(bid("2", 149, 2), rep(0)),  // 223
			with(bid("3", 140, 3), rep(20)), // 140 * 14000 / 10000 = 196
		}, "1/1", 100},
		{"LatencyBps 2000: the faster dearer bid wins", auction.Weights{LatencyBps: 2000, LatencyCapMs: 1000}, []auction.Bid{
			with(bid("1", 100, 1), p95(1000)), // 120
			with(bid("2", 110, 2), p95(100)),  // 110 * 10200 / 10000 = 112
		}, "2/2", 110},
		{"p95 beyond the cap counts as the cap", auction.Weights{LatencyBps: 2000, LatencyCapMs: 1000}, []auction.Bid{
			with(bid("1", 100, 1), p95(50000)), // 120
			with(bid("2", 119, 2), p95(500)),   // 119 * 11000 / 10000 = 130
		}, "1/1", 100},
		{"unknown p95 counts as the cap", auction.Weights{LatencyBps: 2000, LatencyCapMs: 1000}, []auction.Bid{
			bid("1", 100, 1),                // 120
			with(bid("2", 110, 2), p95(1)),  // 110
			with(bid("3", 119, 3), p95(10)), // 119 * 10020 / 10000 = 119
		}, "2/2", 110},
		{"LatencyCapMs 0 means 10000 ms", auction.Weights{LatencyBps: 10000}, []auction.Bid{
			with(bid("1", 100, 1), p95(5000)), // 100 * 15000 / 10000 = 150 (a 1 s cap would give 200)
			with(bid("2", 160, 2), p95(1)),    // 160 * 10001 / 10000 = 160
		}, "1/1", 100},
		{"weights combine", auction.Weights{ReputationBps: 5000, LatencyBps: 2000, LatencyCapMs: 1000}, []auction.Bid{
			with(with(bid("7", 800, 1), rep(40)), p95(200)),  // 800 * 13400 / 10000 = 1072
			with(with(bid("12", 850, 2), rep(90)), p95(100)), // 850 * 10700 / 10000 = 909
			bid("3", 780, 3), // 780 * 17000 / 10000 = 1326
		}, "12/2", 850},
	} {
		t.Run(tc.name, func(t *testing.T) {
			award, err := decide(t, sealed(auction.FirstPrice, tc.weights), tc.bids)
			if err != nil {
				t.Fatalf("Decide: %v", err)
			}
			if got := id(award.Winner); got != tc.want {
				t.Errorf("winner %s, want %s (ranked %v)", got, tc.want, ids(award.Ranked))
			}
			if award.Paid.Cmp(n(tc.paid)) != 0 {
				t.Errorf("paid %s, want %d", award.Paid, tc.paid)
			}
		})
	}
}

func TestDecide_SecondPrice(t *testing.T) {
	for _, tc := range []struct {
		name    string
		max     int64
		weights auction.Weights
		bids    []auction.Bid
		want    string
		paid    int64
	}{
		{"single bid is paid its own price", 1000, auction.Weights{}, []auction.Bid{bid("1", 300, 1)}, "1/1", 300},
		{"two bids: the runner-up's price", 1000, auction.Weights{}, []auction.Bid{
			bid("1", 95, 1), bid("2", 80, 2),
		}, "2/2", 95},
		{"three bids: the second, not the third", 1000, auction.Weights{}, []auction.Bid{
			bid("1", 120, 1), bid("2", 80, 2), bid("3", 90, 3),
		}, "2/2", 90},
		{"runner-up at the same price", 1000, auction.Weights{}, []auction.Bid{
			bid("1", 80, 1), bid("2", 80, 2),
		}, "1/1", 80},
		{"runner-up at the maximum", 100, auction.Weights{}, []auction.Bid{
			bid("1", 100, 1), bid("2", 60, 2),
		}, "2/2", 100},
		{"weights rank a dearer bid first: paid its own price", 1000, auction.Weights{ReputationBps: 5000}, []auction.Bid{
			with(bid("1", 100, 1), rep(10)), with(bid("2", 103, 2), rep(95)),
		}, "2/2", 103},
		{"refused bids set no price", 100, auction.Weights{}, []auction.Bid{
			bid("1", 60, 1),
			bid("2", 95, 2),
			bid("3", 150, 3),                  // above max
			with(bid("4", 70, 4), at(101*ms)), // late
			bid("5", 65, 5), bid("5", 99, 6),  // 5's first bid is replaced by its last
			with(bid("6", 61, 7), at(100*ms+1)), // late by a nanosecond
			with(bid("7", 62, 8), at(100*ms)),   // exactly at the end: valid
			bid("8", 1000, 9), bid("8", 63, 10), // above max, then a valid bid that counts
		}, "1/1", 62},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := sealed(auction.SecondPrice, tc.weights)
			req.MaxPrice = n(tc.max)
			award, err := decide(t, req, tc.bids)
			if err != nil {
				t.Fatalf("Decide: %v", err)
			}
			if got := id(award.Winner); got != tc.want {
				t.Errorf("winner %s, want %s (ranked %v)", got, tc.want, ids(award.Ranked))
			}
			if award.Paid.Cmp(n(tc.paid)) != 0 {
				t.Errorf("paid %s, want %d (ranked %v)", award.Paid, tc.paid, ids(award.Ranked))
			}
		})
	}
}

// TestDecide_Demoted checks that a provider serving a penalty ranks after every other, in every rule, and
// still wins when it is the only valid bid.
func TestDecide_Demoted(t *testing.T) {
	demoted := func(b *auction.Bid) { b.Demoted = true }
	for _, tc := range []struct {
		name   string
		rule   auction.Rule
		bids   []auction.Bid
		ranked []string
		paid   int64
	}{
		{"first price: the cheapest is demoted", auction.FirstPrice, []auction.Bid{
			with(bid("1", 50, 1), demoted), bid("2", 80, 2), bid("3", 70, 3),
		}, []string{"3/3", "2/2", "1/1"}, 70},
		{"second price: paid the next bid that is not demoted", auction.SecondPrice, []auction.Bid{
			bid("1", 60, 1), with(bid("2", 40, 2), demoted), bid("3", 90, 3),
		}, []string{"1/1", "3/3", "2/2"}, 90},
		{"second price: a demoted runner-up never lowers the price below the winner's", auction.SecondPrice, []auction.Bid{
			bid("1", 60, 1), with(bid("2", 40, 2), demoted),
		}, []string{"1/1", "2/2"}, 60},
		{"all demoted: price decides among them", auction.FirstPrice, []auction.Bid{
			with(bid("1", 60, 1), demoted), with(bid("2", 40, 2), demoted),
		}, []string{"2/2", "1/1"}, 40},
		{"Dutch: a later acceptance beats a demoted earlier one", auction.Dutch, []auction.Bid{
			with(with(bid("1", 10, 1), demoted), at(0)), with(bid("2", 100, 2), at(100*ms)),
		}, []string{"2/2", "1/1"}, 100},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := sealed(tc.rule, auction.Weights{})
			req.MaxPrice, req.FloorPrice = n(100), n(10)
			award, err := decide(t, req, tc.bids)
			if err != nil {
				t.Fatalf("Decide: %v", err)
			}
			if got := ids(award.Ranked); !slices.Equal(got, tc.ranked) {
				t.Errorf("ranked %v, want %v", got, tc.ranked)
			}
			if award.Paid.Cmp(n(tc.paid)) != 0 {
				t.Errorf("paid %s, want %d", award.Paid, tc.paid)
			}
		})
	}
}

// TestDecide_Refusals covers refusal reasons, duplicates and Direct requests, checking winner, ranking and
// refusals (in Seq order) exactly.
func TestDecide_Refusals(t *testing.T) {
	direct := func(agent string) auction.Request {
		req := sealed(auction.Direct, auction.Weights{ReputationBps: 10000})
		req.DirectAgentID = agent
		return req
	}
	for _, tc := range []struct {
		name    string
		req     auction.Request
		bids    []auction.Bid
		err     error
		winner  string
		paid    int64
		ranked  []string
		refused []string
	}{
		{name: "no bids", req: sealed(auction.FirstPrice, auction.Weights{}), err: auction.ErrNoBids,
			ranked: []string{}, refused: []string{}},
		{name: "all above max", req: sealed(auction.SecondPrice, auction.Weights{}), bids: []auction.Bid{
			bid("3", 1001, 3), bid("1", 5000, 1), bid("2", 1<<40, 2),
		}, err: auction.ErrNoBids, ranked: []string{},
			refused: []string{"1/1:above_max_price", "2/2:above_max_price", "3/3:above_max_price"}},
		{name: "late bids", req: sealed(auction.FirstPrice, auction.Weights{}), bids: []auction.Bid{
			with(bid("1", 10, 1), at(100*ms+1)),
			with(bid("2", 50, 2), at(100*ms)),
			with(bid("3", 40, 3), at(time.Hour)),
			with(bid("4", 60, 4), at(0)),
		}, winner: "2/2", paid: 50, ranked: []string{"2/2", "4/4"},
			refused: []string{"1/1:after_window", "3/3:after_window"}},
		{name: "all late", req: sealed(auction.Dutch, auction.Weights{}), bids: []auction.Bid{
			with(bid("1", 0, 1), at(101*ms)),
		}, err: auction.ErrNoBids, ranked: []string{}, refused: []string{"1/1:after_window"}},
		{name: "duplicates: the last bid counts", req: sealed(auction.FirstPrice, auction.Weights{}), bids: []auction.Bid{
			bid("1", 50, 1), bid("2", 60, 2), bid("1", 70, 4), bid("1", 40, 3),
		}, winner: "2/2", paid: 60, ranked: []string{"2/2", "1/4"},
			refused: []string{"1/1:duplicate_provider", "1/3:duplicate_provider"}},
		{name: "duplicates: an invalid last bid leaves the last valid one", req: sealed(auction.FirstPrice, auction.Weights{}),
			bids: []auction.Bid{
				bid("1", 50, 1), bid("1", 5000, 3), with(bid("1", 10, 4), at(time.Second)), bid("2", 60, 2),
			}, winner: "1/1", paid: 50, ranked: []string{"1/1", "2/2"},
			refused: []string{"1/3:above_max_price", "1/4:after_window"}},
		{name: "a bid is refused for its first fault only", req: direct("7"), bids: []auction.Bid{
			with(bid("3", 5000, 1), at(time.Second)), // not invited, late and above max
			with(bid("7", 5000, 2), at(time.Second)), // late and above max
			bid("7", 5000, 3),                        // above max
		}, err: auction.ErrNoBids, ranked: []string{},
			refused: []string{"3/1:not_invited", "7/2:after_window", "7/3:above_max_price"}},
		{name: "direct: uninvited bidders are refused", req: direct("7"), bids: []auction.Bid{
			with(bid("3", 10, 1), rep(100)), bid("7", 900, 2), bid("70", 20, 3), bid("17", 30, 4),
		}, winner: "7/2", paid: 900, ranked: []string{"7/2"},
			refused: []string{"3/1:not_invited", "70/3:not_invited", "17/4:not_invited"}},
		{name: "direct: the invited provider's last bid counts", req: direct("7"), bids: []auction.Bid{
			bid("7", 500, 1), bid("7", 600, 5), bid("8", 1, 3),
		}, winner: "7/5", paid: 600, ranked: []string{"7/5"},
			refused: []string{"7/1:duplicate_provider", "8/3:not_invited"}},
		{name: "direct: nobody invited bids", req: direct("7"), bids: []auction.Bid{bid("8", 1, 1)},
			err: auction.ErrNoBids, ranked: []string{}, refused: []string{"8/1:not_invited"}},
		{name: "refusals in seq order, then agent id", req: sealed(auction.FirstPrice, auction.Weights{}), bids: []auction.Bid{
			bid("10", 2000, 5), bid("9", 2000, 5), bid("2", 2000, 1), bid("1", 3000, 7),
		}, err: auction.ErrNoBids, ranked: []string{},
			refused: []string{"2/1:above_max_price", "9/5:above_max_price", "10/5:above_max_price", "1/7:above_max_price"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			award, err := decide(t, tc.req, tc.bids)
			if !errors.Is(err, tc.err) || (tc.err == nil) != (err == nil) {
				t.Fatalf("Decide error %v, want %v", err, tc.err)
			}
			if err == nil {
				if got := id(award.Winner); got != tc.winner {
					t.Errorf("winner %s, want %s", got, tc.winner)
				}
				if award.Paid.Cmp(n(tc.paid)) != 0 {
					t.Errorf("paid %s, want %d", award.Paid, tc.paid)
				}
			} else if award.Paid != nil || award.Winner.Price != nil {
				t.Errorf("error %v with winner %s paid %v", err, id(award.Winner), award.Paid)
			}
			if got := ids(award.Ranked); !slices.Equal(got, tc.ranked) {
				t.Errorf("ranked %v, want %v", got, tc.ranked)
			}
			if got := refusals(award.Refused); !slices.Equal(got, tc.refused) {
				t.Errorf("refused %v, want %v", got, tc.refused)
			}
		})
	}
}

func TestDecide_Dutch(t *testing.T) {
	// The offer rises from 0 to 100 over 100 ms: 1 per ms.
	req := auction.Request{Rule: auction.Dutch, MaxPrice: n(100), Window: 100 * ms,
		Weights: auction.Weights{ReputationBps: 10000, LatencyBps: 10000}}
	withFloor := req
	withFloor.FloorPrice = n(50) // 50 + t/2 per ms
	for _, tc := range []struct {
		name    string
		req     auction.Request
		bids    []auction.Bid
		err     error
		winner  string
		paid    int64
		ranked  []string
		refused []string
	}{
		{name: "the earliest acceptance wins at its signed price", req: req, bids: []auction.Bid{
			with(bid("1", 30, 1), at(20*ms)), // offer 20: refused
			with(bid("2", 30, 2), at(40*ms)), // offer 40: accepted, paid 30
			with(bid("3", 10, 3), at(50*ms)), // cheaper but later
			with(with(bid("4", 45, 4), at(45*ms)), rep(100)),
		}, winner: "2/2", paid: 30, ranked: []string{"2/2", "4/4", "3/3"},
			refused: []string{"1/1:above_dutch_offer"}},
		{name: "a price equal to the offer is accepted", req: req, bids: []auction.Bid{
			with(bid("1", 37, 1), at(37*ms)), with(bid("2", 37, 2), at(37*ms-1)),
		}, winner: "1/1", paid: 37, ranked: []string{"1/1"}, refused: []string{"2/2:above_dutch_offer"}},
		{name: "the floor counts from the opening", req: withFloor, bids: []auction.Bid{
			with(bid("1", 50, 1), at(0)), with(bid("2", 0, 2), at(0)), with(bid("3", 51, 3), at(0)),
		}, winner: "1/1", paid: 50, ranked: []string{"1/1", "2/2"}, refused: []string{"3/3:above_dutch_offer"}},
		{name: "same moment: lower seq", req: req, bids: []auction.Bid{
			with(bid("1", 10, 2), at(60*ms)), with(bid("2", 50, 1), at(60*ms)),
		}, winner: "2/1", paid: 50, ranked: []string{"2/1", "1/2"}, refused: []string{}},
		{name: "same moment and seq: lower agent id", req: req, bids: []auction.Bid{
			with(bid("10", 10, 1), at(60*ms)), with(bid("9", 50, 1), at(60*ms)),
		}, winner: "9/1", paid: 50, ranked: []string{"9/1", "10/1"}, refused: []string{}},
		{name: "a provider's first acceptance counts", req: req, bids: []auction.Bid{
			with(bid("1", 40, 2), at(40*ms)), with(bid("1", 20, 3), at(60*ms)), with(bid("1", 5, 1), at(5*ms)),
			with(bid("2", 20, 4), at(50*ms)),
		}, winner: "1/1", paid: 5, ranked: []string{"1/1", "2/4"},
			refused: []string{"1/2:duplicate_provider", "1/3:duplicate_provider"}},
		{name: "a refused attempt does not use up the provider's acceptance", req: req, bids: []auction.Bid{
			with(bid("1", 90, 1), at(10*ms)), with(bid("1", 30, 2), at(30*ms)),
		}, winner: "1/2", paid: 30, ranked: []string{"1/2"}, refused: []string{"1/1:above_dutch_offer"}},
		{name: "late acceptances and prices above max are refused", req: req, bids: []auction.Bid{
			with(bid("1", 10, 1), at(101*ms)), with(bid("2", 101, 2), at(100*ms)), with(bid("3", 100, 3), at(100*ms)),
		}, winner: "3/3", paid: 100, ranked: []string{"3/3"},
			refused: []string{"1/1:after_window", "2/2:above_max_price"}},
		{name: "nobody accepts", req: req, bids: []auction.Bid{
			with(bid("1", 99, 1), at(98*ms)),
		}, err: auction.ErrNoBids, ranked: []string{}, refused: []string{"1/1:above_dutch_offer"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			award, err := decide(t, tc.req, tc.bids)
			if !errors.Is(err, tc.err) || (tc.err == nil) != (err == nil) {
				t.Fatalf("Decide error %v, want %v", err, tc.err)
			}
			if err == nil {
				if got := id(award.Winner); got != tc.winner {
					t.Errorf("winner %s, want %s", got, tc.winner)
				}
				if award.Paid.Cmp(n(tc.paid)) != 0 {
					t.Errorf("paid %s, want %d", award.Paid, tc.paid)
				}
			}
			if got := ids(award.Ranked); !slices.Equal(got, tc.ranked) {
				t.Errorf("ranked %v, want %v", got, tc.ranked)
			}
			if got := refusals(award.Refused); !slices.Equal(got, tc.refused) {
				t.Errorf("refused %v, want %v", got, tc.refused)
			}
		})
	}
}

func TestDutchOffer_Points(t *testing.T) {
	big200 := new(big.Int).Lsh(n(1), 200)
	for _, tc := range []struct {
		name            string
		floor, max      *big.Int
		window, elapsed time.Duration
		want            *big.Int
	}{
		{"at the opening: floor", n(100), n(200), time.Second, 0, n(100)},
		{"half way", n(100), n(200), time.Second, time.Second / 2, n(150)},
		{"at the end: max", n(100), n(200), time.Second, time.Second, n(200)},
		{"beyond the end: max", n(100), n(200), time.Second, time.Hour, n(200)},
		{"before the opening: floor", n(100), n(200), time.Second, -time.Second, n(100)},
		{"integer division rounds down", n(0), n(10), 3, 1, n(3)},
		{"integer division rounds down, 2/3", n(0), n(10), 3, 2, n(6)},
		{"one nanosecond in", n(0), n(999), time.Second, 1, n(0)},
		{"nil floor is 0", nil, n(200), time.Second, time.Second / 4, n(50)},
		{"floor equal to max", n(7), n(7), time.Second, time.Second / 3, n(7)},
		{"zero window: max at once", n(1), n(9), 0, 0, n(9)},
		{"beyond 64 bits", n(0), big200, 4, 1, new(big.Int).Lsh(n(1), 198)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := auction.DutchOffer(tc.floor, tc.max, tc.window, tc.elapsed)
			if got.Cmp(tc.want) != 0 {
				t.Errorf("DutchOffer(%v, %v, %v, %v) = %s, want %s", tc.floor, tc.max, tc.window, tc.elapsed, got, tc.want)
			}
			if got == tc.floor || got == tc.max {
				t.Errorf("DutchOffer returned one of its arguments")
			}
		})
	}
}

func TestDecide_BadRequest(t *testing.T) {
	ok := sealed(auction.FirstPrice, auction.Weights{})
	change := func(fn func(*auction.Request)) auction.Request {
		r := ok
		fn(&r)
		return r
	}
	good := []auction.Bid{bid("1", 10, 1)}
	for _, tc := range []struct {
		name   string
		req    auction.Request
		bids   []auction.Bid
		detail string
	}{
		{"nil max price", change(func(r *auction.Request) { r.MaxPrice = nil }), good, "no max price"},
		{"negative max price", change(func(r *auction.Request) { r.MaxPrice = n(-1) }), good, "negative max price"},
		{"zero window", change(func(r *auction.Request) { r.Window = 0 }), good, "window"},
		{"negative window", change(func(r *auction.Request) { r.Window = -ms }), good, "window"},
		{"unknown rule", change(func(r *auction.Request) { r.Rule = 4 }), good, "unknown rule 4"},
		{"dutch floor above max", change(func(r *auction.Request) { r.Rule, r.FloorPrice = auction.Dutch, n(1001) }), good, "floor price 1001 above max price 1000"},
		{"dutch negative floor", change(func(r *auction.Request) { r.Rule, r.FloorPrice = auction.Dutch, n(-1) }), good, "negative floor"},
		{"direct without provider", change(func(r *auction.Request) { r.Rule = auction.Direct }), good, "without a provider"},
		{"direct provider not canonical", change(func(r *auction.Request) { r.Rule, r.DirectAgentID = auction.Direct, "07" }), good, "canonical"},
		{"negative latency cap", change(func(r *auction.Request) { r.Weights.LatencyCapMs = -1 }), good, "latency cap"},
		{"nil price in a bid", ok, []auction.Bid{bid("1", 10, 1), {AgentID: "2", Seq: 2}}, "no price"},
		{"negative price in a bid", ok, []auction.Bid{bid("1", -10, 1)}, "negative price"},
		{"empty agent id", ok, []auction.Bid{bid("", 10, 1)}, "canonical"},
		{"agent id with a leading zero", ok, []auction.Bid{bid("01", 10, 1)}, "canonical"},
		{"signed agent id", ok, []auction.Bid{bid("-1", 10, 1)}, "canonical"},
		{"agent id not decimal", ok, []auction.Bid{bid("0x1", 10, 1)}, "canonical"},
		{"same provider, same seq", ok, []auction.Bid{bid("1", 10, 1), bid("2", 10, 1), bid("1", 20, 1)}, "two bids with seq 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			award, err := auction.Decide(tc.req, tc.bids)
			if !errors.Is(err, auction.ErrBadRequest) {
				t.Fatalf("Decide error %v, want ErrBadRequest", err)
			}
			if !strings.Contains(err.Error(), tc.detail) {
				t.Errorf("error %q does not say %q", err, tc.detail)
			}
			if award.Paid != nil || award.Ranked != nil || award.Refused != nil {
				t.Errorf("bad request returned an award: %s", fmtAward(award, err))
			}
		})
	}
	// The limits themselves are fine.
	for _, tc := range []struct {
		name string
		req  auction.Request
		bids []auction.Bid
	}{
		{"max price 0", change(func(r *auction.Request) { r.MaxPrice = n(0) }), []auction.Bid{bid("1", 0, 1)}},
		{"window of 1 ns", change(func(r *auction.Request) { r.Window = 1 }), []auction.Bid{with(bid("1", 0, 1), at(1))}},
		{"dutch floor equal to max", change(func(r *auction.Request) { r.Rule, r.FloorPrice = auction.Dutch, n(1000) }), good},
		{"agent id 0", ok, []auction.Bid{bid("0", 10, 1)}},
		{"same seq, different providers", ok, []auction.Bid{bid("1", 10, 1), bid("2", 10, 1)}},
		{"direct id ignored by other rules", change(func(r *auction.Request) { r.DirectAgentID = "x" }), good},
		{"floor ignored by other rules", change(func(r *auction.Request) { r.FloorPrice = n(5000) }), good},
	} {
		t.Run("accepted/"+tc.name, func(t *testing.T) {
			if _, err := auction.Decide(tc.req, tc.bids); err != nil {
				t.Errorf("Decide: %v", err)
			}
		})
	}
}
