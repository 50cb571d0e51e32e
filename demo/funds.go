package demo

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Top-ups: with a funder in the roster (a devnet's dev account) and Config.TopUp, every account that sends
// transactions is kept in ETH, and the clients in the payment token (minted: the devnet's TestUSD).
var (
	ethFloor   = new(big.Int).Exp(big.NewInt(10), big.NewInt(17), nil) // 0.1 ETH
	ethTopUp   = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil) // 1 ETH
	tokenFloor = big.NewInt(1_000 * 1_000_000)                         // 1,000 tUSD
	tokenTopUp = big.NewInt(100_000 * 1_000_000)                       // 100,000 tUSD
	topUpEvery = 2 * time.Minute
)

// spenders are the accounts that send transactions, with whether they pay for jobs.
func (d *demo) spenders() map[common.Address]bool {
	out := map[common.Address]bool{d.validator.Address: false, d.arbiter.Address: false}
	for _, p := range d.providers {
		out[p.Address], out[p.owner.Address] = false, false
	}
	for _, c := range d.clients {
		out[c.Address] = true
	}
	return out
}

// fund tops the spenders up (with a funder) or, without one, reports those that cannot pay; it repeats every
// topUpEvery until ctx ends.
func (d *demo) fund(ctx context.Context) {
	for {
		d.fundOnce(ctx)
		if !sleep(ctx, topUpEvery) {
			return
		}
	}
}

func (d *demo) fundOnce(ctx context.Context) {
	e := d.cfg.Escrow
	for addr, pays := range d.spenders() {
		if ctx.Err() != nil {
			return
		}
		bal, err := e.Balance(ctx, addr)
		if err != nil {
			d.failed(Event{}, "funds", err)
			return
		}
		if bal.Cmp(ethFloor) < 0 {
			if d.funder == nil {
				d.failed(Event{}, "funds", fmt.Errorf("%s holds %s wei, too little for gas: fund it", addr.Hex(), bal))
			} else if _, err := e.SendETH(ctx, d.funder.Signer, addr, ethTopUp); err != nil {
				d.failed(Event{}, "funds: top up ETH", err)
			}
		}
		if !pays {
			continue
		}
		tok, err := e.TokenBalance(ctx, d.cfg.Token, addr)
		if err != nil {
			d.failed(Event{}, "funds", err)
			return
		}
		if tok.Cmp(tokenFloor) < 0 {
			if d.funder == nil {
				d.failed(Event{}, "funds", fmt.Errorf("client %s holds %s of the token, too little to buy: fund it", addr.Hex(), tok))
			} else if _, err := e.MintTestUSD(ctx, d.funder.Signer, d.cfg.Token, addr, tokenTopUp); err != nil {
				d.failed(Event{}, "funds: mint the token", err)
			}
		}
	}
}
