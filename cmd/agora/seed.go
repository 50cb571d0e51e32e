package main

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"

	"github.com/agoralabs/agora/demo"
	"github.com/agoralabs/agora/governance/policy"
	"github.com/agoralabs/agora/seed"
)

func (a *app) seedCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "seed",
		Short: "Register the demo agents (testdata/agents) on a local chain, with an optional history",
		Long: `Register every registration file of --dir (*.json, in name order, invalid-*.json included) in the
Identity Registry, from a handful of owner accounts derived from --seed, with a data: URI of the file's exact
bytes, and bind each agent's derived wallet with setAgentWallet. The --key account pays the derived accounts'
gas.

With --history, also create a deterministic history: plain escrow jobs paid in tUSD by derived clients (most
completed, some rejected, withdrawn or expired), feedback from those clients and from clients who never paid,
validation requests answered by a derived validator, and a Sybil attack: twenty fresh accounts that never paid
give the fifth valid agent a perfect score over its mediocre paid history.

Prints one line per agent: agentId, file and wallet address. With --roster, also writes every account's key
(mode 600) and the roster that lists them (docs/demo.md): agora demo plays them, and a person can act as any. On anvil, automine is off while it runs (restored
at the end) and expiring jobs move the chain's clock forward by a few seconds. The same seed on a fresh chain
gives the same agents, ids and history.`,
		Args: cobra.NoArgs,
		RunE: a.runSeed,
	}
	f := cmd.Flags()
	f.String("rpc-url", "", "JSON-RPC endpoint of the chain (required)")
	f.String("deployment", ".devnet/deployment.json", "the deployment file")
	f.String("dir", "testdata/agents", "folder of registration files")
	f.Bool("history", false, "also create jobs, feedback, validations and the Sybil attack")
	f.String("policy-dir", "", "with --governance, write the sample Rego policy (governance/policy/sample.rego) of each demo principal there, for agora serve --policy-dir")
	f.Bool("governance", false, "with --history, also create principals with mandates: one agent that spends its whole budget, one frozen mid-job (docs/governance.md)")
	f.String("roster", "", "with --history, write the roster of every account (agents, owners, clients, validator, arbiter, principals, funder) to this file and their keys to --keys-dir, for agora demo and for people to act as any of them")
	f.String("keys-dir", "", "where --roster's key files go (mode 600; default: keys/ beside the roster)")
	f.String("seed", seed.DefaultSeed, "salt of every derived key")
	f.String("key", "", "hex private key of the funder, which pays for everything (default: anvil's dev account 0)")
	f.Duration("timeout", seed.DefaultTimeout, "timeout of each RPC call and each wait for a receipt")
	return cmd
}

func (a *app) runSeed(cmd *cobra.Command, _ []string) error {
	v := a.v
	rpcURL, d, key, err := a.chainFlags()
	if err != nil {
		return err
	}
	timeout, err := time.ParseDuration(v.GetString("timeout"))
	if err != nil || timeout <= 0 {
		return fmt.Errorf("--timeout %q: want a positive duration such as 30s", v.GetString("timeout"))
	}
	s := v.GetString("seed")
	if s == "" {
		return errors.New("--seed must not be empty")
	}

	ctx := cmd.Context()
	dctx, cancel := context.WithTimeout(ctx, timeout)
	client, err := ethclient.DialContext(dctx, rpcURL)
	cancel()
	if err != nil {
		return fmt.Errorf("connect to %s: %w", redactURL(rpcURL), err)
	}
	defer client.Close()

	roster := v.GetString("roster")
	if roster != "" && !v.GetBool("history") {
		return errors.New("--roster needs --history (the clients and the validator)")
	}
	cfg := seed.Config{Dir: v.GetString("dir"), Deployment: d, Funder: key, Seed: s, History: v.GetBool("history"),
		Governance: v.GetBool("governance"), Timeout: timeout, Log: a.log}
	a.log.Info("seeding", "rpc", redactURL(rpcURL), "dir", cfg.Dir, "seed", cfg.Seed, "history", cfg.History)
	res, err := seed.Run(ctx, client, cfg)
	if err != nil {
		return err
	}
	for _, ag := range res.Agents {
		fmt.Fprintf(a.m.Stdout, "%-4s %-44s %s\n", ag.AgentID, ag.File, crypto.PubkeyToAddress(ag.Wallet.PublicKey))
	}
	if roster != "" {
		keysDir := v.GetString("keys-dir")
		if keysDir == "" {
			keysDir = filepath.Join(filepath.Dir(roster), "keys")
		}
		if err := demo.WriteRoster(roster, keysDir, rosterEntries(res, s, key, cfg.Dir)); err != nil {
			return err
		}
	}
	h := res.History
	a.log.Info("seeded", "agents", len(res.Agents), "transactions", res.Transactions, "elapsed", res.Elapsed.Round(time.Millisecond),
		"jobs_completed", h.JobsCompleted, "jobs_rejected", h.JobsRejected, "jobs_withdrawn", h.JobsWithdrawn,
		"jobs_expired", h.JobsExpired, "feedback_paid", h.FeedbackPaid, "feedback_unpaid", h.FeedbackUnpaid,
		"feedback_sybil", h.FeedbackSybil, "validations", h.Validations, "validations_answered", h.ValidationsAnswered,
		"sybil_target", res.SybilTarget)
	if g := res.Governance; g != nil {
		a.log.Info("seeded governance", "mandates", g.Mandates, "capped_agent", g.CappedAgent, "frozen_agent", g.FrozenAgent,
			"frozen_job", g.FrozenJob)
		if dir := v.GetString("policy-dir"); dir != "" {
			if err := writeDemoPolicies(dir, g); err != nil {
				return err
			}
		}
	}
	return nil
}

// demoPolicyParams are the demo principals' parameters of the sample policy: jobs above 4 tUSD wait for an
// approver, 20 tUSD a day at most, counterparties with a reputation of 30 or more.
const demoPolicyParams = `{"escalate_above_usd": 4, "daily_ceiling_usd": 20, "min_reputation": 30}`

// writeDemoPolicies writes the sample policy and its demo parameters for each seeded principal into dir, as
// agora serve --policy-dir reads them (<principal>.rego, <principal>.json).
func writeDemoPolicies(dir string, g *seed.Governance) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("--policy-dir: %w", err)
	}
	for _, k := range g.Principals {
		base := filepath.Join(dir, strings.ToLower(crypto.PubkeyToAddress(k.PublicKey).Hex()))
		if err := os.WriteFile(base+".rego", []byte(policy.Sample), 0o644); err != nil {
			return fmt.Errorf("--policy-dir: %w", err)
		}
		if err := os.WriteFile(base+".json", []byte(demoPolicyParams), 0o644); err != nil {
			return fmt.Errorf("--policy-dir: %w", err)
		}
	}
	return nil
}

// rosterEntries lists every account of a seeded market for the roster: the agents (providers, or agents with
// a note saying why not), owners, clients, the validator, an arbiter derived from the seed, the principals
// and the funder.
func rosterEntries(res *seed.Result, salt string, funder *ecdsa.PrivateKey, dir string) []demo.Entry {
	var out []demo.Entry
	var frozen *big.Int
	if res.Governance != nil {
		frozen = res.Governance.FrozenAgent
	}
	for _, ag := range res.Agents {
		e := demo.Entry{Role: demo.RoleProvider, AgentID: ag.AgentID, Key: ag.Wallet, File: filepath.ToSlash(filepath.Join(dir, ag.File))}
		switch {
		case !ag.Valid:
			e.Role, e.Note = demo.RoleAgent, "invalid capabilities"
		case frozen != nil && ag.AgentID.Cmp(frozen) == 0:
			e.Role, e.Note = demo.RoleAgent, "frozen by its principal"
		}
		out = append(out, e)
	}
	for _, k := range res.Owners {
		out = append(out, demo.Entry{Role: demo.RoleOwner, Key: k})
	}
	for _, k := range res.Clients {
		out = append(out, demo.Entry{Role: demo.RoleClient, Key: k})
	}
	out = append(out, demo.Entry{Role: demo.RoleValidator, Key: res.Validator},
		demo.Entry{Role: demo.RoleArbiter, Key: seed.Key(salt, demo.RoleArbiter, 0)})
	if g := res.Governance; g != nil {
		for _, k := range g.Principals {
			out = append(out, demo.Entry{Role: demo.RolePrincipal, Key: k})
		}
	}
	return append(out, demo.Entry{Role: demo.RoleFunder, Key: funder, Note: "pays gas and mints TestUSD (a dev account)"})
}
