package client

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Disputes of agreement jobs (docs/escrow.md): the client disputes a submitted job within its review window,
// the agreement's arbiter resolves it by splitting the funds. The escrow decides who may call; a refusal is
// named by its custom error (NotClient, NotArbiter, NoArbiter, ReviewWindowClosed, WrongStatus, ...).

// MaxBps is 100% in basis points.
const MaxBps = 10_000

// Dispute disputes submitted agreement job jobID, which must name an arbiter, within its review window; s is
// the job's client. reason is recorded in the JobDisputed event.
func (e *Escrow) Dispute(ctx context.Context, s Signer, jobID *big.Int, reason common.Hash) (*types.Receipt, error) {
	return e.transact(ctx, s, e.address, "dispute", e.escrow.PackDispute(jobID, reason))
}

// Resolution is the outcome of Resolve.
type Resolution struct {
	JobID       *big.Int
	ProviderBps uint16
	ToProvider  *big.Int // from the JobSettled event
	ToClient    *big.Int // refunded to the client (or the principal of its mandate)
	Tx          common.Hash
	Block       uint64
}

// Resolve decides disputed job jobID before the arbitration timeout: providerBps (0..MaxBps) of the funds to
// the provider, the rest to the client, no fee; s is the job's arbiter.
func (e *Escrow) Resolve(ctx context.Context, s Signer, jobID *big.Int, providerBps uint16, reason common.Hash) (*Resolution, error) {
	if providerBps > MaxBps {
		return nil, fmt.Errorf("resolve: %d basis points to the provider, at most %d", providerBps, MaxBps)
	}
	r, err := e.transact(ctx, s, e.address, "resolve", e.escrow.PackResolve(jobID, providerBps, reason))
	if err != nil {
		return nil, err
	}
	out := &Resolution{JobID: jobID, ProviderBps: providerBps, Tx: r.TxHash, Block: r.BlockNumber.Uint64()}
	for _, l := range r.Logs {
		if l.Address != e.address {
			continue
		}
		if ev, err := e.escrow.UnpackJobSettledEvent(l); err == nil && ev.JobId.Cmp(jobID) == 0 {
			out.ToProvider, out.ToClient = ev.ToProvider, ev.ToClient
		}
	}
	if out.ToProvider == nil {
		return nil, fmt.Errorf("resolve: transaction %s has no JobSettled event", r.TxHash.Hex())
	}
	return out, nil
}
