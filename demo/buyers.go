package demo

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/eip712"
)

// Buyer behaviour.
const (
	quoteWindow = 1500 * time.Millisecond
)

// auctions cycles through the four rules.
var auctions = []uint8{eip712.AuctionFirstPrice, eip712.AuctionSecondPrice, eip712.AuctionDutch, eip712.AuctionDirect}

var auctionNames = map[uint8]string{eip712.AuctionFirstPrice: "first_price", eip712.AuctionSecondPrice: "second_price",
	eip712.AuctionDutch: "dutch", eip712.AuctionDirect: "direct"}

// buy posts an RFQ every cfg.Every until ctx ends, each followed through to its job's end in its own
// goroutine (at most cfg.InFlight at once; a tick with none free is skipped).
func (d *demo) buy(ctx context.Context, wg *sync.WaitGroup) {
	slots := make(chan struct{}, d.cfg.InFlight)
	t := time.NewTicker(d.cfg.Every)
	defer t.Stop()
	for n := 0; ; n++ {
		select {
		case <-ctx.Done():
			return
		case slots <- struct{}{}:
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() { <-slots }()
				d.trade(ctx, n)
			}()
		default: // every slot busy: this tick is skipped
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// shape picks the n-th RFQ's shape: its buyer, capability words, rule and prices.
func (d *demo) shape(n int) (eip712.RFQ, Entry, *provider) {
	buyer := d.clients[n%len(d.clients)]
	p := d.providers[d.intn(len(d.providers))]
	c := p.caps[d.intn(len(p.caps))]
	words := []string{strings.ToLower(c.Tags[d.intn(len(c.Tags))])}
	if len(c.Tags) > 1 && d.intn(2) == 0 { // a narrower request, now and then
		if w := strings.ToLower(c.Tags[d.intn(len(c.Tags))]); w != words[0] {
			words = append(words, w)
		}
	}
	ref := price(c)
	now := time.Now()
	r := eip712.RFQ{Buyer: buyer.Address, Capability: strings.Join(words, " "), Token: d.cfg.Token,
		MaxPrice: new(big.Int).Mul(ref, big.NewInt(2)), FloorPrice: new(big.Int), Auction: auctions[n%len(auctions)],
		ProviderAgentID: new(big.Int), Arbiter: d.arbiter.Address, ReviewWindow: uint64(d.cfg.ReviewWindow / time.Second),
		QuoteWindowMs: uint32(quoteWindow / time.Millisecond), DeliveryDeadline: uint64(now.Add(d.skew + d.cfg.Deadline).Unix()),
		Expiry:        uint64(now.Add(5 * time.Minute).Unix()),
		InputSpecHash: crypto.Keccak256Hash([]byte(fmt.Sprintf("demo input %d", n)))}
	switch r.Auction {
	case eip712.AuctionDutch:
		r.FloorPrice = new(big.Int).Quo(ref, big.NewInt(2))
	case eip712.AuctionDirect:
		r.ProviderAgentID = new(big.Int).Set(p.AgentID)
	}
	if n%d.cfg.Odds.Validate == d.cfg.Odds.Validate-1 {
		r.Validator, r.ValidationThreshold = d.validator.Address, passThreshold
	}
	return r, buyer, p
}

// trade plays one RFQ from its posting to its job's end.
func (d *demo) trade(ctx context.Context, n int) {
	r, buyer, _ := d.shape(n)
	var err error
	if r.Nonce, err = client.RandomNonce(); err != nil {
		d.failed(Event{}, "buyer: nonce", err)
		return
	}
	ev := Event{Buyer: buyer.Address.Hex(), Capability: r.Capability, Auction: auctionNames[r.Auction]}
	c := d.cfg.Client
	id, err := c.RFQID(ctx, r)
	if err != nil {
		d.failed(ev, "buyer: RFQ id", err)
		return
	}
	ev.RFQID = id.Hex()
	posted, err := c.PostRFQ(ctx, buyer.Signer, r)
	if err != nil {
		d.failed(ev, "buyer: post the RFQ", err)
		return
	}
	ev.Event, ev.Price = EventRFQ, r.MaxPrice.String()
	d.report(ev)
	// Polled rather than streamed: the demo's many buyers share one address, and with it the gateway's cap
	// on one client's open streams, with the providers.
	closed, err := d.waitClosed(ctx, id, posted.ClosesAt.Add(10*time.Second))
	if err != nil {
		if ctx.Err() == nil {
			d.failed(ev, "buyer: wait for the close", err)
		}
		return
	}
	if closed.Award == nil {
		ev.Event, ev.Price, ev.Detail = EventUnfilled, "", closed.Status
		d.report(ev)
		return
	}
	ev.AgentID, ev.Price = closed.Award.ProviderAgentID, closed.Award.Paid
	ev.Event, ev.Detail = EventAwarded, fmt.Sprintf("%d quotes", closed.Quotes)
	d.report(ev)
	ev.Detail = ""
	_, a, err := client.ParseAgreement(closed.Award.Agreement)
	if err == nil {
		err = client.CheckAward(r, id, a)
	}
	if err != nil {
		d.failed(ev, "buyer: the award", err)
		return
	}
	view, err := c.PostAgreementSignature(ctx, buyer.Signer, closed.Award.Agreement)
	if err != nil {
		d.failed(ev, "buyer: sign the agreement", err)
		return
	}
	if view, err = d.bothSigned(ctx, view); err != nil {
		if ctx.Err() == nil {
			d.failed(ev, "buyer: the provider's signature", err)
		}
		return
	}
	ev.Event = EventSigned
	d.report(ev)
	clientSig, providerSig, err := view.Signatures()
	if err != nil {
		d.failed(ev, "buyer: signatures", err)
		return
	}
	funded, err := d.cfg.Escrow.Fund(ctx, buyer.Signer, a, clientSig, providerSig)
	if err != nil {
		d.failed(ev, "buyer: fund", err)
		return
	}
	ev.Event, ev.JobID, ev.Tx = EventFunded, funded.JobID.String(), funded.CreateTx.Hex()
	d.report(ev)
	d.settle(ctx, ev, buyer, a, funded.JobID)
}

// waitClosed polls RFQ id until it closes, or until by.
func (d *demo) waitClosed(ctx context.Context, id common.Hash, by time.Time) (*client.RFQ, error) {
	for {
		if !sleep(ctx, 250*time.Millisecond) {
			return nil, ctx.Err()
		}
		r, err := d.cfg.Client.GetRFQ(ctx, id)
		switch {
		case err == nil && r.Status != client.RFQOpen:
			return r, nil
		case time.Now().After(by) && err != nil:
			return nil, err
		case time.Now().After(by):
			return nil, fmt.Errorf("still open at %s", by.Format(time.TimeOnly))
		}
	}
}

// bothSigned waits for the provider's signature on the agreement until it expires.
func (d *demo) bothSigned(ctx context.Context, view *client.Agreement) (*client.Agreement, error) {
	for view.ProviderSignature == nil {
		if time.Now().After(view.Expiry) {
			return nil, errors.New("the provider did not sign before the agreement expired")
		}
		if !sleep(ctx, 300*time.Millisecond) {
			return nil, ctx.Err()
		}
		v, err := d.cfg.Client.GetAgreement(ctx, common.HexToHash(view.ID))
		if err != nil {
			continue // a restarting gateway: try again
		}
		view = v
	}
	return view, nil
}

// settle follows a funded job to its end: it completes, disputes or settles from the validation a
// submitted job, and reclaims the price of one that expired unsubmitted; then it may review the provider.
func (d *demo) settle(ctx context.Context, ev Event, buyer Entry, a eip712.ServiceAgreement, jobID *big.Int) {
	e := d.cfg.Escrow
	for {
		if !sleep(ctx, time.Second) {
			return
		}
		job, err := e.Job(ctx, jobID)
		if err != nil {
			continue // the node may be busy; the job is still there
		}
		switch job.Status {
		case client.JobFunded:
			if time.Now().Add(d.skew).Unix() <= int64(a.ExpiredAt) {
				continue
			}
			r, err := e.ClaimRefund(ctx, buyer.Signer, jobID)
			if err != nil {
				if strings.Contains(err.Error(), "NotExpired") { // the chain's clock lags ours by a block
					continue
				}
				d.failed(ev, "buyer: claim the refund", err)
				return
			}
			ev.Event, ev.Tx = EventRefunded, r.TxHash.Hex()
			d.report(ev)
			return
		case client.JobSubmitted:
			if a.Validator != (common.Address{}) {
				// Settled by the validator's verdict (the buyer could also complete it itself: it waits).
				r, err := e.SettleFromValidation(ctx, buyer.Signer, jobID)
				if err != nil {
					// Pending until the validator answers; settleFromValidation then goes through.
					if !strings.Contains(err.Error(), "ValidationPending") && !strings.Contains(err.Error(), "ValidationNotFound") {
						d.failed(ev, "buyer: settle from the validation", err)
						return
					}
					continue
				}
				ev.Tx = r.TxHash.Hex()
				continue // the next read says completed or rejected
			}
			if d.intn(d.cfg.Odds.Dispute) == 0 {
				d.dispute(ctx, ev, buyer, jobID)
				return
			}
			r, err := e.Complete(ctx, buyer.Signer, jobID, common.Hash{})
			if err != nil {
				d.failed(ev, "buyer: complete", err)
				return
			}
			ev.Tx = r.TxHash.Hex()
		case client.JobCompleted:
			ev.Event = EventCompleted
			d.report(ev)
			d.review(ctx, ev, buyer, jobID)
			return
		case client.JobRejected:
			ev.Event = EventRejected
			d.report(ev)
			return
		default:
			ev.Event = EventFailed
			ev.Detail = fmt.Sprintf("job %s in unexpected status %d", jobID, job.Status)
			d.report(ev)
			return
		}
	}
}
