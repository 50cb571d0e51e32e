package demo

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/client"
)

// dispute disputes a delivery as the buyer and has the arbiter split the price a moment later.
func (d *demo) dispute(ctx context.Context, ev Event, buyer Entry, jobID *big.Int) {
	reason := crypto.Keccak256Hash([]byte(fmt.Sprintf("demo: job %s missed half the fields", jobID)))
	r, err := d.cfg.Escrow.Dispute(ctx, buyer.Signer, jobID, reason)
	if err != nil {
		d.failed(ev, "buyer: dispute", err)
		return
	}
	ev.Event, ev.Tx = EventDisputed, r.TxHash.Hex()
	d.report(ev)
	if !sleep(ctx, time.Duration(2000+d.intn(3000))*time.Millisecond) {
		return
	}
	bps := uint16(3000 + 500*d.intn(15)) // 30% to 100% to the provider
	res, err := d.cfg.Escrow.Resolve(ctx, d.arbiter.Signer, jobID, bps, crypto.Keccak256Hash([]byte("demo: the arbiter's ruling")))
	if err != nil {
		d.failed(ev, "arbiter: resolve", err)
		return
	}
	ev.Event, ev.Tx = EventResolved, res.Tx.Hex()
	ev.Detail = fmt.Sprintf("%d bps to the provider: %s paid, %s back to the buyer", bps, res.ToProvider, res.ToClient)
	d.report(ev)
}

// review gives the provider of one paid job in Odds.Review feedback, naming the job as proof of payment.
func (d *demo) review(ctx context.Context, ev Event, buyer Entry, jobID *big.Int) {
	if d.intn(d.cfg.Odds.Review) != 0 {
		return
	}
	agentID, ok := new(big.Int).SetString(ev.AgentID, 10)
	if !ok {
		return
	}
	value := big.NewInt(int64(60 + d.intn(41))) // 60 to 100
	given, err := d.cfg.Escrow.GiveFeedback(ctx, buyer.Signer, client.Feedback{AgentID: agentID, JobID: jobID, Value: value,
		Tag1: "demo", Tag2: "quality"})
	if err != nil {
		d.failed(ev, "buyer: feedback", err)
		return
	}
	ev.Event, ev.Tx, ev.Detail = EventFeedback, given.Tx.Hex(), fmt.Sprintf("score %s", value)
	d.report(ev)
}
