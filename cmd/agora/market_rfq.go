package main

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/eip712"
)

// `agora market rfq`: a buyer's RFQ, followed to its award.

var auctionFlagValues = map[string]uint8{"first": eip712.AuctionFirstPrice, "second": eip712.AuctionSecondPrice,
	"dutch": eip712.AuctionDutch, "direct": eip712.AuctionDirect}

// ---------------------------------------------------------------------------------------------- rfq

func (a *app) marketRFQCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rfq",
		Short: "Buyer: post a signed RFQ, follow it and print the award",
		Long: `Build an RFQ from the flags, sign it with the buyer's key, follow it on the gateway's stream (subscribed
before it is posted: its id is its EIP-712 digest), post it, and wait for the close. Prints the closed RFQ
(with the award, the ranked quotes and the refused ones) as one JSON line; an RFQ without bids is an error.
With --sign, checks that the award's agreement matches the RFQ, signs it as the client and posts the signature
(POST /v1/agreements), then prints the agreement as a second JSON line.`,
		Args: cobra.NoArgs,
		RunE: a.runMarketRFQ,
	}
	f := cmd.Flags()
	f.String("capability", "", "the capability wanted, e.g. \"invoice ocr\" (required)")
	f.String("max-price", "", "the most the buyer pays, in the token's base units (required)")
	f.String("floor-price", "", "Dutch auctions: the offer when the window opens")
	f.String("token", "", "payment token (default: the deployment's TestUSD)")
	f.String("spec", "", "input specification, hashed into inputSpecHash")
	f.String("spec-hash", "", "inputSpecHash as 0x-hex (instead of --spec)")
	f.Duration("deadline", time.Hour, "delivery deadline, from now")
	f.Duration("window", 2*time.Second, "quote window (50ms to 60s)")
	f.Duration("expiry", 10*time.Minute, "how long the RFQ stays valid")
	f.String("auction", "first", "auction rule: first, second, dutch or direct")
	f.String("provider", "", "direct requests: the provider's agent id")
	f.String("validator", "", "validator address (needs --arbiter)")
	f.Uint8("threshold", 0, "lowest passing validation response, 0 to 100")
	f.String("arbiter", "", "arbiter address")
	f.Duration("review-window", time.Hour, "how long the buyer has to review a delivery")
	f.String("mandate", "", "the MandateRegistry mandate the buyer acts under: its principal pays (docs/governance.md)")
	f.Uint16("late-penalty-bps", 0, "share of the price returned for late delivery, in basis points")
	f.String("nonce", "", "the RFQ's nonce (default: random)")
	f.Bool("sign", false, "sign the award's agreement as the client and post the signature")
	return cmd
}

func (a *app) runMarketRFQ(cmd *cobra.Command, _ []string) error {
	ctx, v := cmd.Context(), a.v
	m, err := a.openMarket()
	if err != nil {
		return err
	}
	r, err := m.rfqFromFlags()
	if err != nil {
		return err
	}
	id, err := m.client.RFQID(ctx, r)
	if err != nil {
		return err
	}
	s, err := m.client.Subscribe(ctx, client.Subscription{RFQs: []common.Hash{id}})
	if err != nil {
		return err
	}
	defer s.Close()
	posted, err := m.client.PostRFQ(ctx, m.signer, r)
	if err != nil {
		return m.pending(err)
	}
	a.log.Info("rfq posted", "id", posted.ID, "closes", posted.ClosesAt, "buyer", r.Buyer)
	wait, cancel := context.WithDeadline(ctx, posted.ClosesAt.Add(m.timeout))
	defer cancel()
	var closed *client.RFQ
	for closed == nil {
		ev, err := s.Next(wait)
		if err != nil {
			return fmt.Errorf("waiting for the close of %s: %w", id.Hex(), err)
		}
		switch {
		case ev.Type == client.EventQuote && ev.RFQID == id.Hex():
			a.log.Info("quotes", "rfq", ev.RFQID, "count", ev.Quotes)
		case ev.Type == client.EventClosed && ev.RFQ != nil && ev.RFQ.ID == id.Hex():
			closed = ev.RFQ
		case ev.Type == client.EventWithdrawn && ev.RFQ != nil && ev.RFQ.ID == id.Hex():
			return fmt.Errorf("RFQ %s was withdrawn before its close: its mandate was revoked or its buyer's agent frozen (docs/governance.md)", id.Hex())
		}
	}
	if err := m.print(closed); err != nil {
		return err
	}
	if closed.Award == nil {
		return fmt.Errorf("RFQ %s closed %s: no valid bids", id.Hex(), closed.Status)
	}
	if !v.GetBool("sign") {
		return nil
	}
	_, ag, err := client.ParseAgreement(closed.Award.Agreement)
	if err != nil {
		return err
	}
	if err := client.CheckAward(r, id, ag); err != nil {
		return err
	}
	view, err := m.client.PostAgreementSignature(ctx, m.signer, closed.Award.Agreement)
	if err != nil {
		return m.pending(err)
	}
	return m.print(view)
}

// rfqFromFlags builds the buyer's RFQ.
func (m *market) rfqFromFlags() (eip712.RFQ, error) {
	a, v := m.a, m.a.v
	now := time.Now()
	r := eip712.RFQ{Buyer: m.signer.Address(), Capability: strings.TrimSpace(v.GetString("capability")),
		ReviewWindow: uint64(v.GetDuration("review-window") / time.Second), ProviderAgentID: new(big.Int)}
	if r.Capability == "" {
		return r, errors.New("--capability is required")
	}
	var err error
	if r.MaxPrice, err = bigFlag(a, "max-price", true); err != nil {
		return r, err
	}
	if r.FloorPrice, err = bigFlag(a, "floor-price", false); err != nil {
		return r, err
	}
	rule, ok := auctionFlagValues[v.GetString("auction")]
	if !ok {
		return r, fmt.Errorf("--auction %q: want first, second, dutch or direct", v.GetString("auction"))
	}
	r.Auction = rule
	if p := v.GetString("provider"); p != "" {
		if _, ok := r.ProviderAgentID.SetString(p, 10); !ok || rule != eip712.AuctionDirect {
			return r, fmt.Errorf("--provider %q: an agent id, with --auction direct", p)
		}
	} else if rule == eip712.AuctionDirect {
		return r, errors.New("--auction direct needs --provider")
	}
	switch t := v.GetString("token"); {
	case t != "":
		if r.Token, err = parseAddress("token", t); err != nil {
			return r, err
		}
	case m.dep != nil:
		r.Token = m.dep.Contracts.TestUSD.Address
	default:
		return r, errors.New("--token is required without a deployment")
	}
	if r.InputSpecHash, err = hashFlag(a, "spec"); err != nil {
		return r, err
	}
	if mid := v.GetString("mandate"); mid != "" {
		var ok bool
		if r.MandateID, ok = new(big.Int).SetString(mid, 10); !ok || r.MandateID.Sign() < 0 {
			return r, fmt.Errorf("--mandate %q: a mandate id", mid)
		}
	}
	if r.Validator, err = parseAddress("validator", v.GetString("validator")); err != nil {
		return r, err
	}
	if r.Arbiter, err = parseAddress("arbiter", v.GetString("arbiter")); err != nil {
		return r, err
	}
	threshold, err := cmdUint(v.GetString("threshold"), 8)
	if err != nil {
		return r, fmt.Errorf("--threshold: %w", err)
	}
	penalty, err := cmdUint(v.GetString("late-penalty-bps"), 16)
	if err != nil {
		return r, fmt.Errorf("--late-penalty-bps: %w", err)
	}
	r.ValidationThreshold, r.LatePenaltyBps = uint8(threshold), uint16(penalty)
	window := v.GetDuration("window")
	if window <= 0 || window > time.Minute {
		return r, fmt.Errorf("--window %s: want 50ms to 60s", window)
	}
	r.QuoteWindowMs = uint32(window.Milliseconds())
	r.DeliveryDeadline = uint64(now.Add(v.GetDuration("deadline")).Unix())
	r.Expiry = uint64(now.Add(v.GetDuration("expiry")).Unix())
	if n := v.GetString("nonce"); n != "" {
		if r.Nonce, err = bigFlag(a, "nonce", true); err != nil {
			return r, err
		}
	} else if r.Nonce, err = randomNonce(); err != nil {
		return r, err
	}
	return r, nil
}

func cmdUint(s string, bits int) (uint64, error) {
	x, ok := new(big.Int).SetString(s, 10)
	if !ok || x.Sign() < 0 || x.BitLen() > bits {
		return 0, fmt.Errorf("%q is not a uint%d", s, bits)
	}
	return x.Uint64(), nil
}
