package main

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	"github.com/agoralabs/agora/client"
)

// The dispute commands of `agora market`: the client disputes a submitted agreement job, its arbiter resolves
// it (docs/escrow.md). The escrow decides who may; a refusal is named by its custom error.

func (a *app) marketDisputeCommand() *cobra.Command {
	return a.jobCommand("dispute", "Client: dispute a submitted escrow job, within its review window",
		`Dispute a submitted agreement job that names an arbiter, before its review window ends: the job waits for the
arbiter's decision (agora market resolve). The signer must be the job's client. Prints {"jobId", "reason",
"tx", "block"}.`,
		"reason", "why the client disputes", false,
		func(ctx context.Context, m *market, escrow *client.Escrow, job *big.Int, reason common.Hash) (map[string]any, error) {
			r, err := escrow.Dispute(ctx, m.signer, job, reason)
			if err != nil {
				return nil, err
			}
			return txOut(map[string]any{"jobId": job.String(), "reason": reason.Hex(), "status": "disputed"}, r.TxHash,
				r.BlockNumber.Uint64()), nil
		})
}

func (a *app) marketResolveCommand() *cobra.Command {
	var bps uint16
	cmd := a.jobCommand("resolve", "Arbiter: decide a disputed escrow job, splitting its funds",
		`Resolve a disputed job before the arbitration timeout: --provider-bps basis points of the funds to the
provider, the rest back to the client (or its mandate's principal), without fee. The signer must be the
agreement's arbiter. Prints {"jobId", "providerBps", "toProvider", "toClient", "tx", "block"}.`,
		"reason", "the arbiter's reason", false,
		func(ctx context.Context, m *market, escrow *client.Escrow, job *big.Int, reason common.Hash) (map[string]any, error) {
			res, err := escrow.Resolve(ctx, m.signer, job, bps, reason)
			if err != nil {
				return nil, err
			}
			return txOut(map[string]any{"jobId": job.String(), "providerBps": res.ProviderBps, "toProvider": res.ToProvider.String(),
				"toClient": res.ToClient.String(), "status": "resolved"}, res.Tx, res.Block), nil
		})
	cmd.Flags().String("provider-bps", "", "the provider's share in basis points, 0 (all to the client) to 10000 (all to the provider); required")
	// Checked before anything is dialled.
	cmd.PreRunE = func(*cobra.Command, []string) error {
		s := a.v.GetString("provider-bps")
		if s == "" {
			return fmt.Errorf("--provider-bps is required")
		}
		n, err := cmdUint(s, 16)
		if err != nil || n > client.MaxBps {
			return fmt.Errorf("--provider-bps %q: want 0 to %d", s, client.MaxBps)
		}
		bps = uint16(n)
		return nil
	}
	return cmd
}
