package main

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/eip712"
)

// The principal's and the approver's commands (docs/governance.md): `agora mandate` on chain and on the
// gateway's views, `agora approvals` on the gateway's approval queue. Each is a thin layer over package client.

// signerFlags are the gateway, deployment and key flags every market and governance command takes.
func signerFlags(f *pflag.FlagSet) {
	f.String("gateway", "http://127.0.0.1:8080", "the gateway's URL")
	f.String("deployment", ".devnet/deployment.json", `deployment file ("" learns the domains from the gateway)`)
	f.String("key-file", "", "file holding the signer's hex private key (mode 600)")
	f.String("keystore", "", "go-ethereum keystore file of the signer")
	f.String("password-file", "", "file holding the keystore's passphrase (else env AGORA_KEYSTORE_PASSWORD)")
	f.Duration("timeout", 30*time.Second, "timeout of each request and each wait for a receipt")
	f.String("rpc-url", "http://127.0.0.1:8545", "JSON-RPC endpoint of the chain")
}

// mandateCommand is `agora mandate`: a principal grants, revokes and freezes; an approver approves on chain.
func (a *app) mandateCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "mandate",
		Short: "Principals and approvers: grant, revoke and freeze mandates; approve jobs on chain",
		Long: `Commands for principals (whose money an agent spends) and approvers (docs/governance.md).

Keys as for "agora market" (--key-file, mode 600, or --keystore). Transactions go to --rpc-url and wait for
their receipt; a revert is named by the MandateRegistry's custom error. Every command prints JSON.`,
	}
	signerFlags(cmd.PersistentFlags())
	grant := &cobra.Command{Use: "grant", Short: "Grant an agent a mandate (the signer is the principal)", Args: cobra.NoArgs,
		RunE: a.runMandateGrant}
	f := grant.Flags()
	f.String("agent-id", "", "the agent's ERC-8004 id (required)")
	f.String("agent", "", "the wallet that signs agreements as client: the agent's owner or agent wallet (required)")
	f.String("token", "", "the token (default: the deployment's TestUSD)")
	f.String("max-per-job", "", "the highest price of one job, in the token's base units (required)")
	f.String("budget", "", "what all jobs of one period may cost, net of refunds (required)")
	f.Duration("period", 24*time.Hour, "how often the budget resets (0: a one-time budget; at least 1h)")
	f.Duration("valid-for", 30*24*time.Hour, "how long the mandate lasts from now")
	f.StringSlice("payee", nil, "a provider agent id the agent may pay (repeat; none: any)")
	f.StringSlice("spec", nil, "a deliverable specification the agent may pay for, hashed (repeat; none: any)")
	f.StringSlice("approver", nil, "an approver's address (repeat; at most 16; never the agent)")
	f.Uint8("quorum", 0, "approvals needed above --escalate-above")
	f.String("escalate-above", "", "the autonomous band's upper bound (default: --max-per-job, no band)")
	f.Uint8("quorum-high", 0, "approvals needed above --timelock-above (default: --quorum)")
	f.String("timelock-above", "", "the one-approval band's upper bound (default: --max-per-job)")
	f.Duration("timelock", 0, "how long after the last approval a job above --timelock-above waits")
	f.Bool("sign-only", false, "print the principal's signed EIP-712 Mandate (for grantWithSig by anyone) instead of sending it")

	revoke := &cobra.Command{Use: "revoke ID", Short: "Revoke a mandate (principal or guardian)", Args: cobra.ExactArgs(1),
		RunE: a.runMandateTx("revoke")}
	freeze := &cobra.Command{Use: "freeze", Short: "Freeze all of an agent's mandates (principal or guardian)", Args: cobra.NoArgs,
		RunE: a.runMandateTx("freeze")}
	freeze.Flags().String("agent-id", "", "the agent to freeze (required)")
	freeze.Flags().String("principal", "", "whose mandates (default: the signer; a guardian names its principal)")
	unfreeze := &cobra.Command{Use: "unfreeze", Short: "Lift a freeze (the principal only)", Args: cobra.NoArgs,
		RunE: a.runMandateTx("unfreeze")}
	unfreeze.Flags().String("agent-id", "", "the agent to unfreeze (required)")
	guardian := &cobra.Command{Use: "guardian ADDRESS", Short: "Name the signer's guardian (0x0…0: none)", Args: cobra.ExactArgs(1),
		RunE: a.runMandateTx("guardian")}
	approve := &cobra.Command{Use: "approve ID", Short: "Approve, on chain, funding an agreement under a mandate (an approver)",
		Args: cobra.ExactArgs(1), RunE: a.runMandateTx("approve")}
	approve.Flags().String("agreement", "", "the agreement's id, its EIP-712 digest (required)")
	allow := &cobra.Command{Use: "allow-escrow", Short: "Let the escrow pull the principal's tokens for jobs under its mandates",
		Args: cobra.NoArgs, RunE: a.runMandateTx("allow-escrow")}
	allow.Flags().String("amount", "", "the allowance, in the token's base units (required)")
	allow.Flags().String("token", "", "the token (default: the deployment's TestUSD)")
	show := &cobra.Command{Use: "show ID", Short: "A mandate as the chain holds it, with what it allows now (from the gateway)",
		Args: cobra.ExactArgs(1), RunE: a.runMandateShow}
	authority := &cobra.Command{Use: "authority AGREEMENT", Short: "Whether an agreement's client could bind its principal (from the gateway)",
		Args: cobra.ExactArgs(1), RunE: a.runMandateAuthority}
	cmd.AddCommand(grant, revoke, freeze, unfreeze, guardian, approve, allow, show, authority)
	return cmd
}

func (a *app) runMandateGrant(cmd *cobra.Command, _ []string) error {
	ctx := cmd.Context()
	m, err := a.openMarket()
	if err != nil {
		return err
	}
	v := a.v
	terms := eip712.Mandate{Principal: m.signer.Address(), Period: uint64(v.GetDuration("period") / time.Second)}
	if terms.AgentID, err = bigFlag(a, "agent-id", true); err != nil {
		return err
	}
	if terms.Agent, err = parseAddress("agent", v.GetString("agent")); err != nil || terms.Agent == (common.Address{}) {
		return errors.Join(err, errors.New("--agent is required"))
	}
	if terms.Token, err = m.token(v.GetString("token")); err != nil {
		return err
	}
	if terms.MaxPerJob, err = bigFlag(a, "max-per-job", true); err != nil {
		return err
	}
	if terms.Budget, err = bigFlag(a, "budget", true); err != nil {
		return err
	}
	now := time.Now()
	terms.ValidAfter, terms.ValidUntil = uint64(now.Unix()), uint64(now.Add(v.GetDuration("valid-for")).Unix())
	for _, p := range v.GetStringSlice("payee") {
		x, ok := new(big.Int).SetString(p, 10)
		if !ok {
			return fmt.Errorf("--payee %q: an agent id", p)
		}
		terms.Payees = append(terms.Payees, x)
	}
	for _, s := range v.GetStringSlice("spec") {
		terms.Specs = append(terms.Specs, crypto.Keccak256Hash([]byte(s)))
	}
	for _, s := range v.GetStringSlice("approver") {
		addr, err := parseAddress("approver", s)
		if err != nil {
			return err
		}
		terms.Approvers = append(terms.Approvers, addr)
	}
	terms.Quorum = uint8(v.GetUint("quorum"))
	terms.QuorumHigh = uint8(v.GetUint("quorum-high"))
	if terms.QuorumHigh == 0 {
		terms.QuorumHigh = terms.Quorum
	}
	terms.EscalateAbove, terms.TimelockAbove = terms.MaxPerJob, terms.MaxPerJob
	if v.GetString("escalate-above") != "" {
		if terms.EscalateAbove, err = bigFlag(a, "escalate-above", true); err != nil {
			return err
		}
	}
	if v.GetString("timelock-above") != "" {
		if terms.TimelockAbove, err = bigFlag(a, "timelock-above", true); err != nil {
			return err
		}
	}
	terms.Timelock = uint64(v.GetDuration("timelock") / time.Second)
	escrow, closeRPC, err := m.escrow(ctx)
	if err != nil {
		return err
	}
	defer closeRPC()
	if v.GetBool("sign-only") {
		if terms.Nonce, err = randomNonce(); err != nil {
			return err
		}
		terms.Deadline = big.NewInt(now.Add(time.Hour).Unix())
		d := escrow.MandateDomain()
		td, err := eip712.NewTypedData(d, terms)
		if err != nil {
			return err
		}
		sig, err := client.Sign(ctx, m.signer, d, terms)
		if err != nil {
			return err
		}
		return m.print(map[string]any{"typedData": td, "signature": fmt.Sprintf("0x%x", sig)})
	}
	g, err := escrow.Grant(ctx, m.signer, terms)
	if err != nil {
		return err
	}
	return m.print(map[string]any{"mandateId": g.MandateID.String(), "principal": terms.Principal.Hex(), "tx": g.Tx.Hex(), "block": g.Block})
}

// runMandateTx runs one of the registry's transactions.
func (a *app) runMandateTx(what string) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		ctx := cmd.Context()
		m, err := a.openMarket()
		if err != nil {
			return err
		}
		escrow, closeRPC, err := m.escrow(ctx)
		if err != nil {
			return err
		}
		defer closeRPC()
		v := a.v
		id := func() (*big.Int, error) {
			x, ok := new(big.Int).SetString(args[0], 10)
			if !ok || x.Sign() <= 0 {
				return nil, fmt.Errorf("mandate id %q: a positive integer", args[0])
			}
			return x, nil
		}
		out := map[string]any{"action": what}
		var rec *types.Receipt
		switch what {
		case "revoke":
			mid, err := id()
			if err != nil {
				return err
			}
			if rec, err = escrow.Revoke(ctx, m.signer, mid); err != nil {
				return err
			}
			out["mandateId"] = mid.String()
		case "freeze", "unfreeze":
			agent, err := bigFlag(a, "agent-id", true)
			if err != nil {
				return err
			}
			principal := m.signer.Address()
			if p := v.GetString("principal"); p != "" && what == "freeze" {
				if principal, err = parseAddress("principal", p); err != nil {
					return err
				}
			}
			if what == "freeze" {
				rec, err = escrow.Freeze(ctx, m.signer, principal, agent)
			} else {
				rec, err = escrow.Unfreeze(ctx, m.signer, agent)
			}
			if err != nil {
				return err
			}
			out["agentId"], out["principal"] = agent.String(), principal.Hex()
		case "guardian":
			g, err := parseAddress("guardian", args[0])
			if err != nil {
				return err
			}
			if rec, err = escrow.SetGuardian(ctx, m.signer, g); err != nil {
				return err
			}
			out["guardian"] = g.Hex()
		case "approve":
			mid, err := id()
			if err != nil {
				return err
			}
			agreement, err := idFlag(a, "agreement")
			if err != nil {
				return err
			}
			if rec, err = escrow.ApproveOnChain(ctx, m.signer, mid, agreement); err != nil {
				return err
			}
			out["mandateId"], out["agreement"] = mid.String(), agreement.Hex()
		case "allow-escrow":
			amount, err := bigFlag(a, "amount", true)
			if err != nil {
				return err
			}
			token, err := m.token(v.GetString("token"))
			if err != nil {
				return err
			}
			if rec, err = escrow.AllowEscrow(ctx, m.signer, token, amount); err != nil {
				return err
			}
			out["token"], out["amount"] = token.Hex(), amount.String()
		}
		out["tx"] = rec.TxHash.Hex()
		return m.print(out)
	}
}

func (a *app) runMandateShow(cmd *cobra.Command, args []string) error {
	m, err := a.openReader()
	if err != nil {
		return err
	}
	raw, err := m.client.Mandate(cmd.Context(), args[0])
	if err != nil {
		return err
	}
	return m.printRaw(raw)
}

func (a *app) runMandateAuthority(cmd *cobra.Command, args []string) error {
	m, err := a.openReader()
	if err != nil {
		return err
	}
	var id common.Hash
	if len(args[0]) != 66 || id.UnmarshalText([]byte(args[0])) != nil {
		return fmt.Errorf("agreement %q: want a 0x-prefixed 32-byte id", args[0])
	}
	raw, err := m.client.Authority(cmd.Context(), id)
	if err != nil {
		return err
	}
	return m.printRaw(raw)
}

// approvalsCommand is `agora approvals`: the gateway's queue of escalated actions, for approvers.
func (a *app) approvalsCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "approvals",
		Short: "Approvers: list, approve and deny the actions principals' policies escalated",
		Long: `The approval queue (docs/governance.md), for approvers only: "list" signs an EIP-712 ApprovalsQuery and
"approve" and "deny" a PolicyApproval by the approver's key (--key-file or --keystore).`,
	}
	signerFlags(cmd.PersistentFlags())
	list := &cobra.Command{Use: "list", Short: "The escalated actions the signer may decide, newest first", Args: cobra.NoArgs,
		RunE: a.runApprovalsList}
	list.Flags().String("approver", "", "the approver (default: the signer; a contract wallet whose ERC-1271 accepts the signer's signatures)")
	list.Flags().String("status", "pending", "pending, approved, denied, expired, or all")
	approve := &cobra.Command{Use: "approve ID", Short: "Approve an escalated action", Args: cobra.ExactArgs(1),
		RunE: a.runApprovalDecide(true)}
	deny := &cobra.Command{Use: "deny ID", Short: "Deny an escalated action", Args: cobra.ExactArgs(1),
		RunE: a.runApprovalDecide(false)}
	cmd.AddCommand(list, approve, deny)
	return cmd
}

func (a *app) runApprovalsList(cmd *cobra.Command, _ []string) error {
	v := a.v
	m, err := a.openMarket()
	if err != nil {
		return err
	}
	var approver common.Address
	if v.GetString("approver") != "" {
		if approver, err = parseAddress("approver", v.GetString("approver")); err != nil {
			return err
		}
	}
	status := v.GetString("status")
	if status == "all" {
		status = ""
	}
	list, err := m.client.Approvals(cmd.Context(), m.signer, approver, status)
	if err != nil {
		return err
	}
	for _, ap := range list {
		if err := m.print(ap); err != nil {
			return err
		}
	}
	return nil
}

func (a *app) runApprovalDecide(approve bool) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		m, err := a.openMarket()
		if err != nil {
			return err
		}
		var id common.Hash
		if len(args[0]) != 66 || id.UnmarshalText([]byte(args[0])) != nil {
			return fmt.Errorf("approval %q: want a 0x-prefixed 32-byte id", args[0])
		}
		ap, err := m.client.DecideApproval(cmd.Context(), m.signer, id, approve)
		if err != nil {
			return err
		}
		return m.print(ap)
	}
}

// openReader is openMarket with the key optional (read-only commands).
func (a *app) openReader() (*market, error) {
	if a.v.GetString("key-file") != "" || a.v.GetString("keystore") != "" {
		return a.openMarket()
	}
	m, err := a.openClient()
	if err != nil {
		return nil, err
	}
	return m, nil
}

// token returns the --token address, or the deployment's TestUSD.
func (m *market) token(flag string) (common.Address, error) {
	if strings.TrimSpace(flag) != "" {
		return parseAddress("token", flag)
	}
	if m.dep == nil {
		return common.Address{}, errors.New("--token is required without a deployment")
	}
	return m.dep.Contracts.TestUSD.Address, nil
}

// printRaw writes a JSON document the gateway sent as one line.
func (m *market) printRaw(raw []byte) error {
	_, err := fmt.Fprintf(m.a.m.Stdout, "%s\n", strings.TrimSpace(string(raw)))
	return err
}
