package demo

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/eip712"
)

// Provider and validator behaviour.
const (
	passResponse   = 92
	failResponse   = 35
	passThreshold  = 60
	heartbeatTTL   = time.Minute
	restartBackoff = time.Second
	maxBackoff     = 15 * time.Second
)

// provide runs one provider until ctx ends, starting it again (with a backoff) whenever the gateway or its
// stream fails: a restarted gateway is rejoined.
func (d *demo) provide(ctx context.Context, p *provider) {
	backoff := restartBackoff
	for ctx.Err() == nil {
		start := time.Now()
		err := d.cfg.Client.Provide(ctx, client.ProviderConfig{AgentID: p.AgentID, Signer: p.Signer, Capabilities: p.words,
			Price: price(p.caps[0]), PriceFor: p.priceFor, Token: d.cfg.Token, HeartbeatTTL: heartbeatTTL, P95LatencyMs: 2000,
			Capacity: 4, ValidFor: time.Minute, Log: d.log,
			Report: func(ev client.ProviderEvent) error {
				if ev.Event == client.ProviderWon && ev.Agreement != nil {
					go d.deliver(ctx, p, ev.Agreement)
				}
				return nil
			}})
		if ctx.Err() != nil {
			return
		}
		if err == nil {
			err = errors.New("stopped")
		}
		d.failed(Event{AgentID: p.AgentID.String()}, "provider (rejoining)", err)
		if time.Since(start) > time.Minute {
			backoff = restartBackoff
		}
		if !sleep(ctx, backoff) {
			return
		}
		backoff = min(2*backoff, maxBackoff)
	}
}

// priceFor is the provider's price for an RFQ: its first capability whose tags and name hold every word of
// the RFQ's capability, at its declared price give or take a tenth (nil: no bid).
func (p *provider) priceFor(r eip712.RFQ) *big.Int {
	want := strings.Fields(strings.ToLower(r.Capability))
	for _, c := range p.caps {
		have := map[string]bool{}
		for _, w := range strings.Fields(strings.ToLower(c.Name)) {
			have[w] = true
		}
		for _, t := range c.Tags { // a tag of several words ("accounts payable") gives each
			for _, w := range strings.Fields(strings.ToLower(t)) {
				have[w] = true
			}
		}
		ok := len(want) > 0
		for _, w := range want {
			ok = ok && have[w]
		}
		if ok {
			// A stable jitter per RFQ: the same provider quotes the same RFQ alike, different RFQs differently.
			h := crypto.Keccak256(r.Nonce.Bytes(), p.AgentID.Bytes())
			bps := 9000 + int64(h[0])%2001 // 90% to 110%
			x := new(big.Int).Mul(price(c), big.NewInt(bps))
			return x.Quo(x, big.NewInt(10_000))
		}
	}
	return nil
}

// deliver does the work of an agreement the provider won: once the buyer funded it, it submits (or, now and
// then, lets the deadline pass) and, when the agreement names a validator, its owner asks for validation.
func (d *demo) deliver(ctx context.Context, p *provider, view *client.Agreement) {
	ev := Event{AgentID: p.AgentID.String()}
	if view.RFQID != nil {
		ev.RFQID = *view.RFQID
	}
	_, a, err := client.ParseAgreement(view.TypedData)
	if err != nil {
		d.failed(ev, "provider: the agreement", err)
		return
	}
	hash := common.HexToHash(view.ID)
	var jobID *big.Int
	for jobID == nil { // the buyer funds after both signatures: wait until the agreement expires
		if jobID, err = d.cfg.Escrow.JobByAgreement(ctx, hash); err != nil && !errors.Is(err, client.ErrNoJob) {
			d.failed(ev, "provider: find the job", err)
			return
		}
		if jobID == nil && (time.Now().Unix() > a.Expiry.Int64()+30 || !sleep(ctx, time.Second)) {
			return // never funded (the buyer's failure is its own to report)
		}
	}
	ev.JobID = jobID.String()
	if d.intn(d.cfg.Odds.Miss) == 0 {
		ev.Event, ev.Detail = EventMissed, "the provider lets the deadline pass"
		d.report(ev)
		return
	}
	if !sleep(ctx, time.Duration(1000+d.intn(3000))*time.Millisecond) {
		return
	}
	deliverable := crypto.Keccak256Hash([]byte(fmt.Sprintf("demo deliverable of job %s", jobID)))
	r, err := d.cfg.Escrow.Submit(ctx, p.Signer, jobID, deliverable)
	if err != nil {
		d.failed(ev, "provider: submit", err)
		return
	}
	ev.Event, ev.Tx = EventSubmitted, r.TxHash.Hex()
	d.report(ev)
	if a.Validator == (common.Address{}) {
		return
	}
	requestHash, err := d.cfg.Escrow.ValidationRequestHash(ctx, jobID)
	if err == nil {
		_, err = d.cfg.Escrow.RequestValidation(ctx, p.owner.Signer, a.Validator, p.AgentID, "demo://job/"+jobID.String(), requestHash)
	}
	if err != nil {
		d.failed(ev, "provider: request validation", err)
	}
}

// validate runs the validator through client.ServeValidations: it re-executes nothing, but fails one
// delivery in Odds.Fail, chosen by the request's hash.
func (d *demo) validate(ctx context.Context) {
	answer := func(_ context.Context, r client.ValidationRequest) (client.Verdict, error) {
		v := client.Verdict{Response: passResponse, Tag: "demo", URI: "demo://verdict/" + r.RequestHash.Hex()}
		if int(r.RequestHash[31])%d.cfg.Odds.Fail == 0 {
			v.Response = failResponse
		}
		return v, nil
	}
	for ctx.Err() == nil {
		err := client.ServeValidations(ctx, d.cfg.Client, d.cfg.Escrow, client.ValidatorConfig{Signer: d.validator.Signer,
			Answer: answer, Poll: time.Second, Log: d.log,
			Report: func(ev client.ValidatorEvent) error {
				switch ev.Event {
				case client.ValidatorAnswered:
					d.report(Event{Event: EventValidated, AgentID: ev.AgentID, Tx: ev.Tx.Hex(),
						Detail: fmt.Sprintf("response %d to %s", ev.Verdict.Response, ev.RequestHash.Hex())})
				case client.ValidatorFailed:
					d.failed(Event{AgentID: ev.AgentID}, "validator", errors.New(ev.Error))
				}
				return nil
			}})
		if err != nil && ctx.Err() == nil {
			d.failed(Event{}, "validator (restarting)", err)
			sleep(ctx, restartBackoff)
		}
	}
}
