package auction_test

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/agoralabs/agora/auction"
)

// benchBids returns 50 bids from 50 providers (a few above the maximum or late), prices beyond 64 bits.
func benchBids() []auction.Bid {
	r := rand.New(rand.NewPCG(42, 42))
	unit := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	bids := make([]auction.Bid, 50)
	for i := range bids {
		bids[i] = auction.Bid{
			AgentID:       fmt.Sprint(1000 + r.IntN(100000)),
			Price:         new(big.Int).Mul(unit, big.NewInt(int64(500+r.IntN(600)))),
			Reputation:    float64(r.IntN(10001)) / 100,
			HasReputation: r.IntN(5) != 0,
			P95Ms:         int64(r.IntN(3000)),
			At:            time.Duration(r.Int64N(int64(260 * time.Millisecond))),
			Seq:           uint64(i),
		}
	}
	return bids
}

// BenchmarkDecide decides an auction of 50 bids under each rule.
func BenchmarkDecide(b *testing.B) {
	bids := benchBids()
	maxPrice := new(big.Int).Mul(new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil), big.NewInt(1000))
	weights := auction.Weights{ReputationBps: 5000, LatencyBps: 2000, LatencyCapMs: 1000}
	for _, tc := range []struct {
		name string
		req  auction.Request
	}{
		{"first_price", auction.Request{Rule: auction.FirstPrice, MaxPrice: maxPrice, Window: 250 * time.Millisecond}},
		{"first_price_weighted", auction.Request{Rule: auction.FirstPrice, MaxPrice: maxPrice, Window: 250 * time.Millisecond, Weights: weights}},
		{"second_price_weighted", auction.Request{Rule: auction.SecondPrice, MaxPrice: maxPrice, Window: 250 * time.Millisecond, Weights: weights}},
		{"dutch", auction.Request{Rule: auction.Dutch, MaxPrice: maxPrice, FloorPrice: new(big.Int).Rsh(maxPrice, 1), Window: 250 * time.Millisecond}},
		{"direct", auction.Request{Rule: auction.Direct, MaxPrice: maxPrice, Window: 250 * time.Millisecond, DirectAgentID: bids[7].AgentID}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			if _, err := auction.Decide(tc.req, bids); err != nil {
				b.Fatalf("Decide: %v", err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := auction.Decide(tc.req, bids); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
