package auction_test

import (
	"fmt"
	"math/big"
	"time"

	"github.com/agoralabs/agora/auction"
)

// The worked example of docs/auction.md: three providers and one bid above the maximum, ranked with
// reputation and latency weights, then by price alone.
func ExampleDecide() {
	bids := []auction.Bid{
		{AgentID: "7", Price: big.NewInt(800), Reputation: 40, HasReputation: true, P95Ms: 200, At: 12 * time.Millisecond, Seq: 1},
		{AgentID: "12", Price: big.NewInt(850), Reputation: 90, HasReputation: true, P95Ms: 100, At: 15 * time.Millisecond, Seq: 2},
		{AgentID: "3", Price: big.NewInt(780), At: 40 * time.Millisecond, Seq: 3},
		{AgentID: "5", Price: big.NewInt(1200), Reputation: 99, HasReputation: true, P95Ms: 20, At: 41 * time.Millisecond, Seq: 4},
	}
	req := auction.Request{
		MaxPrice: big.NewInt(1000),
		Window:   250 * time.Millisecond,
		Weights:  auction.Weights{ReputationBps: 5000, LatencyBps: 2000, LatencyCapMs: 1000},
	}
	show := func(title string, req auction.Request) {
		award, err := auction.Decide(req, bids)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: agent %s wins, paid %s; ranked", title, award.Winner.AgentID, award.Paid)
		for _, b := range award.Ranked {
			fmt.Printf(" %s@%s", b.AgentID, b.Price)
		}
		for _, r := range award.Refused {
			fmt.Printf("; refused %s: %s", r.Bid.AgentID, r.Reason)
		}
		fmt.Println()
	}
	for _, rule := range []auction.Rule{auction.FirstPrice, auction.SecondPrice} {
		req.Rule = rule
		show(rule.String()+", weighted", req)
	}
	req.Weights = auction.Weights{}
	for _, rule := range []auction.Rule{auction.FirstPrice, auction.SecondPrice} {
		req.Rule = rule
		show(rule.String()+", price alone", req)
	}
	// Output:
	// first_price, weighted: agent 12 wins, paid 850; ranked 12@850 7@800 3@780; refused 5: above_max_price
	// second_price, weighted: agent 12 wins, paid 850; ranked 12@850 7@800 3@780; refused 5: above_max_price
	// first_price, price alone: agent 3 wins, paid 780; ranked 3@780 7@800 12@850; refused 5: above_max_price
	// second_price, price alone: agent 3 wins, paid 800; ranked 3@780 7@800 12@850; refused 5: above_max_price
}

// A Dutch auction: the offer rises from 200 to 1000 over 100 ms; agent 4 is the first to accept the offer of
// its moment and is paid its signed price.
func ExampleDutchOffer() {
	floor, maxPrice, window := big.NewInt(200), big.NewInt(1000), 100*time.Millisecond
	for _, elapsed := range []time.Duration{0, 25 * time.Millisecond, 50 * time.Millisecond, window, 2 * window} {
		fmt.Printf("offer at %v: %s\n", elapsed, auction.DutchOffer(floor, maxPrice, window, elapsed))
	}
	award, _ := auction.Decide(auction.Request{Rule: auction.Dutch, MaxPrice: maxPrice, FloorPrice: floor, Window: window},
		[]auction.Bid{
			{AgentID: "9", Price: big.NewInt(450), At: 30 * time.Millisecond, Seq: 1}, // offer 440: too early
			{AgentID: "4", Price: big.NewInt(600), At: 50 * time.Millisecond, Seq: 2}, // offer 600: accepted
			{AgentID: "9", Price: big.NewInt(450), At: 60 * time.Millisecond, Seq: 3}, // offer 680: accepted, later
		})
	fmt.Printf("agent %s wins at %s; refused: %s %s\n", award.Winner.AgentID, award.Paid, award.Refused[0].Bid.AgentID, award.Refused[0].Reason)
	// Output:
	// offer at 0s: 200
	// offer at 25ms: 400
	// offer at 50ms: 600
	// offer at 100ms: 1000
	// offer at 200ms: 1000
	// agent 4 wins at 600; refused: 9 above_dutch_offer
}
