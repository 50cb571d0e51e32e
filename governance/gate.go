// Package governance is layer 8 off chain: the one decision taken before every gateway action that commits an
// agent (posting an RFQ, quoting, awarding, co-signing an agreement, funding). The on-chain mandate comes first
// (read by package authority: live, the agent's, the token, the caps, and for a known payee the escrow's own
// check), then the principal's Rego policy (package policy); an escalation opens an approval that the
// principal or the mandate's approvers decide. Every decision is recorded with the hash of its inputs.
// docs/governance.md describes the rules; the gateway calls this package and maps its verdicts to HTTP.
package governance

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/agoralabs/agora/audit"
	"github.com/agoralabs/agora/governance/authority"
	"github.com/agoralabs/agora/governance/policy"
)

// Refusal codes: stable, and the gateway's problem codes.
const (
	CodeMandateRevoked   = "mandate_revoked"   // the mandate is revoked or the agent frozen: the kill switch
	CodeMandateRefused   = "mandate_refused"   // the mandate does not allow it (RegistryError names the rule)
	CodePolicyDenied     = "policy_denied"     // the principal's policy denied it
	CodeApprovalRequired = "approval_required" // escalated: an approval was opened, or is still pending
	CodeApprovalDenied   = "approval_denied"   // an approver denied it
	CodeApprovalExpired  = "approval_expired"  // nobody approved it in time
)

// DefaultApprovalTTL is how long an escalated action waits for an approver when Config.ApprovalTTL is zero.
const DefaultApprovalTTL = time.Hour

var (
	// ErrNoChain is returned for an action naming a mandate when the gate reads no chain.
	ErrNoChain = errors.New("no chain to read mandates from")
	// ErrUnavailable wraps database failures.
	ErrUnavailable = errors.New("governance store unavailable")
)

// Config wires a Gate.
type Config struct {
	Pool      *pgxpool.Pool
	Authority *authority.Reader // nil: actions naming a mandate fail with ErrNoChain
	Engine    *policy.Engine    // nil: no principal has a policy
	// USDToken is the token whose amounts are US dollars with USDDecimals decimals (the deployment's TestUSD);
	// priceUSD and spentTodayUSD are 0 for other tokens.
	USDToken    common.Address
	USDDecimals int
	ApprovalTTL time.Duration
	Now         func() time.Time
	// AuditSource, when set, makes every decision an audit entry too (package audit), stored with the
	// decision's own record and naming this source ("gateway:<instance>").
	AuditSource string
	Log         *slog.Logger // nil: slog.Default()
}

// Gate decides actions.
type Gate struct {
	cfg Config
}

// New returns a Gate.
func New(cfg Config) *Gate {
	if cfg.ApprovalTTL <= 0 {
		cfg.ApprovalTTL = DefaultApprovalTTL
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Engine == nil {
		cfg.Engine = policy.NewEngine(policy.Options{})
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	return &Gate{cfg: cfg}
}

// Engine is the policy engine the gate decides with (to load policies into).
func (g *Gate) Engine() *policy.Engine { return g.cfg.Engine }

// Request is one action to decide.
type Request struct {
	Action  string      // policy.ActionRFQPost, ...
	Subject common.Hash // the request's EIP-712 digest: what an approval approves
	Agent   common.Address
	AgentID *big.Int // the acting agent's id when known (its freezes are checked)
	// MandateID is the mandate the agent acts under (nil or 0: none; then no principal, no policy).
	MandateID     *big.Int
	Token         common.Address
	Price         *big.Int
	Capability    string
	DataClasses   []string
	Jurisdictions []string
	Counterparty  policy.Counterparty
	// PayeeAgentID and Spec, when the payee is known (an award or an agreement), let the escrow's own mandate
	// check run; nil PayeeAgentID skips it.
	PayeeAgentID *big.Int
	Spec         common.Hash
	// Expires is the action's own expiry: an approval opened for it never outlives it.
	Expires time.Time
}

// Verdict is the gate's answer.
type Verdict struct {
	Outcome policy.Outcome `json:"outcome"`
	// Code is the refusal's code (see the Code constants); "" when allowed.
	Code   string `json:"code,omitempty"`
	Rule   string `json:"rule"`
	Reason string `json:"reason"`
	// RegistryError is the MandateRegistry custom error behind a mandate refusal.
	RegistryError string          `json:"registryError,omitempty"`
	Principal     *common.Address `json:"principal"`
	Decision      policy.Decision `json:"decision"`
	Approval      *Approval       `json:"approval,omitempty"`
}

// Check decides r, records the decision, and opens or consults r's approval when the policy escalates.
func (g *Gate) Check(ctx context.Context, r Request) (*Verdict, error) {
	now := g.cfg.Now()
	if v, err := g.frozen(ctx, r); v != nil || err != nil {
		if v != nil {
			g.record(ctx, r, v, nil, now)
		}
		return v, err
	}
	var mandate *authority.Mandate
	if r.MandateID != nil && r.MandateID.Sign() > 0 {
		m, v, err := g.checkMandate(ctx, r)
		if v != nil || err != nil {
			if v != nil {
				g.record(ctx, r, v, nil, now)
			}
			return v, err
		}
		mandate = m
	}
	v := &Verdict{Outcome: policy.Allow}
	in := g.input(r, now)
	if mandate != nil {
		p := mandate.Principal
		v.Principal = &p
		in.Principal = p.Hex()
		spent, err := g.spentToday(ctx, p, now)
		if err != nil {
			return nil, err
		}
		in.SpentTodayUSD = spent
		d, err := g.cfg.Engine.Decide(ctx, in)
		v.Decision = d // on error a deny with policy.RuleError
		if err != nil {
			v.Decision.Reason = "the policy could not be evaluated: " + err.Error()
		}
		v.Outcome, v.Rule, v.Reason = v.Decision.Outcome, v.Decision.Rule, v.Decision.Reason
	} else if len(g.cfg.Engine.Overlays()) > 0 {
		// An agent on its own money: no principal's policy, but the operator's sector overlays. Their
		// escalation needs an approver, which only a mandate names: refused, with the overlay's rule.
		in.Principal = r.Agent.Hex()
		d, err := g.cfg.Engine.DecideOverlays(ctx, in)
		v.Decision = d
		if err != nil {
			v.Decision.Reason = "the overlays could not be evaluated: " + err.Error()
		}
		v.Outcome, v.Rule, v.Reason = v.Decision.Outcome, v.Decision.Rule, v.Decision.Reason
		if v.Outcome == policy.Escalate {
			v.Outcome = policy.Deny
			v.Reason += " (an action under no mandate has no approver: act under a mandate whose approvers can decide it)"
		}
	}
	switch v.Outcome {
	case policy.Deny:
		v.Code = CodePolicyDenied
	case policy.Escalate:
		if err := g.escalate(ctx, r, mandate, v, now); err != nil {
			return nil, err
		}
	}
	g.record(ctx, r, v, &in, now)
	return v, nil
}

// frozen refuses an agent any principal has frozen (the kill switch reaches providers too), from the
// indexer's agent_freezes projection.
func (g *Gate) frozen(ctx context.Context, r Request) (*Verdict, error) {
	if r.AgentID == nil {
		return nil, nil
	}
	var principal []byte
	// Only a principal that granted the agent a mandate speaks for it: anyone may freeze any agent id for
	// itself (harmless on chain, where it stops only its own mandates), so other freezes are ignored here.
	err := g.cfg.Pool.QueryRow(ctx, `SELECT f.principal FROM agent_freezes f WHERE f.agent_id = $1::text::numeric AND f.frozen
		  AND EXISTS (SELECT 1 FROM mandates m WHERE m.principal = f.principal AND m.agent_id = f.agent_id)
		ORDER BY f.frozen_block DESC LIMIT 1`, r.AgentID.String()).Scan(&principal)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%w: freezes: %w", ErrUnavailable, err)
	}
	p := common.BytesToAddress(principal)
	return &Verdict{Outcome: policy.Deny, Code: CodeMandateRevoked, Rule: "mandate:AgentIsFrozen",
		RegistryError: "AgentIsFrozen", Principal: &p,
		Reason: fmt.Sprintf("agent %s is frozen by its principal %s", r.AgentID, p.Hex())}, nil
}

// checkMandate reads the mandate r names at the chain's head and refuses what it does not allow.
func (g *Gate) checkMandate(ctx context.Context, r Request) (*authority.Mandate, *Verdict, error) {
	if g.cfg.Authority == nil {
		return nil, nil, ErrNoChain
	}
	refuse := func(code, name, format string, args ...any) *Verdict {
		return &Verdict{Outcome: policy.Deny, Code: code, Rule: "mandate:" + name, RegistryError: name,
			Reason: fmt.Sprintf(format, args...)}
	}
	at, err := g.cfg.Authority.Head(ctx)
	if err != nil {
		return nil, nil, err
	}
	m, err := g.cfg.Authority.Mandate(ctx, r.MandateID, at)
	if errors.Is(err, authority.ErrNotFound) {
		return nil, refuse(CodeMandateRefused, "MandateNotFound", "the registry holds no mandate %s", r.MandateID), nil
	}
	if err != nil {
		return nil, nil, err
	}
	price := bigOrZero(r.Price)
	var v *Verdict
	switch {
	case m.Revoked:
		v = refuse(CodeMandateRevoked, "MandateIsRevoked", "mandate %s was revoked", m.ID)
	case m.Frozen:
		v = refuse(CodeMandateRevoked, "AgentIsFrozen", "the principal froze agent %s", m.AgentID)
	case at.Time.Before(m.ValidAfter):
		v = refuse(CodeMandateRefused, "MandateNotYetValid", "mandate %s is valid from %s", m.ID, m.ValidAfter.Format(time.RFC3339))
	case !at.Time.Before(m.ValidUntil):
		v = refuse(CodeMandateRefused, "MandateExpired", "mandate %s expired at %s", m.ID, m.ValidUntil.Format(time.RFC3339))
	case m.Agent != r.Agent:
		v = refuse(CodeMandateRefused, "MandateAgentMismatch", "mandate %s is for %s, not %s", m.ID, m.Agent.Hex(), r.Agent.Hex())
	case m.Token != r.Token:
		v = refuse(CodeMandateRefused, "MandateTokenMismatch", "mandate %s pays in %s, not %s", m.ID, m.Token.Hex(), r.Token.Hex())
	case price.Cmp(decimal(m.MaxPerJob)) > 0:
		v = refuse(CodeMandateRefused, "OverJobCap", "price %s is above mandate %s's cap of %s per job", price, m.ID, m.MaxPerJob)
	case price.Cmp(decimal(m.Remaining)) > 0:
		v = refuse(CodeMandateRefused, "OverBudget", "price %s is above the %s left of mandate %s's budget", price, m.Remaining, m.ID)
	}
	if v == nil && r.PayeeAgentID != nil {
		// The escrow's own check; approvals and timelocks are satisfied on chain before funding, not here.
		name, args, err := g.cfg.Authority.SimulateSpend(ctx, at, r.MandateID, r.Agent, r.PayeeAgentID, r.Spec, r.Token, price, r.Subject)
		if err != nil {
			return nil, nil, err
		}
		if name != "" && name != "ApprovalsMissing" && name != "TimelockPending" {
			v = refuse(CodeMandateRefused, name, "the escrow would refuse it: %s%s", name, args)
		}
	}
	if v != nil {
		p := m.Principal
		v.Principal = &p
		return nil, v, nil
	}
	return m, nil, nil
}

func (g *Gate) input(r Request, now time.Time) policy.Input {
	in := policy.Input{Action: r.Action, Agent: policy.Agent{Wallet: r.Agent.Hex()}, Capability: r.Capability,
		Counterparty: r.Counterparty, DataClasses: r.DataClasses, Jurisdictions: r.Jurisdictions,
		Price: bigOrZero(r.Price).String(), Token: r.Token.Hex(), Time: now.UTC().Format(time.RFC3339)}
	if r.AgentID != nil {
		in.Agent.ID = r.AgentID.String()
	}
	if r.MandateID != nil {
		in.MandateID = r.MandateID.String()
	}
	in.PriceUSD = g.usd(r.Token, bigOrZero(r.Price))
	return in
}

// usd converts an amount of token to US dollars (0 for tokens other than Config.USDToken).
func (g *Gate) usd(token common.Address, amount *big.Int) float64 {
	if token != g.cfg.USDToken || g.cfg.USDToken == (common.Address{}) {
		return 0
	}
	f, _ := new(big.Float).Quo(new(big.Float).SetInt(amount),
		new(big.Float).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(g.cfg.USDDecimals)), nil))).Float64()
	return f
}

// spentToday is what the principal's mandates spent, net of refunds, in the 24 hours before now (from the
// mirrored MandateSpent and MandateRestored events), in US dollars.
func (g *Gate) spentToday(ctx context.Context, principal common.Address, now time.Time) (float64, error) {
	var spent string
	err := g.cfg.Pool.QueryRow(ctx, `SELECT (
			COALESCE((SELECT sum(s.amount) FROM governance_mandate_spent s JOIN governance_mandate_granted m
				ON m.mandate_id = s.mandate_id WHERE m.principal = $1 AND m.token = $3 AND s.block_time > $2), 0)
			- COALESCE((SELECT sum(r.restored) FROM governance_mandate_restored r JOIN governance_mandate_granted m
				ON m.mandate_id = r.mandate_id WHERE m.principal = $1 AND m.token = $3 AND r.block_time > $2), 0)
		)::text`, principal.Bytes(), now.Add(-24*time.Hour), g.cfg.USDToken.Bytes()).Scan(&spent)
	if err != nil {
		return 0, fmt.Errorf("%w: spent today: %w", ErrUnavailable, err)
	}
	return g.usd(g.cfg.USDToken, decimal(spent)), nil
}

// record stores the decision; a failure to record is logged by the caller's metrics, not fatal to the action
// (the decision was taken), so it is ignored here.
func (g *Gate) record(ctx context.Context, r Request, v *Verdict, in *policy.Input, now time.Time) {
	if in == nil {
		x := g.input(r, now)
		in = &x
	}
	raw, _ := json.Marshal(in)
	hash, _ := in.Hash()
	if v.Decision.InputHash == "" {
		v.Decision.InputHash = hash
	}
	rules, _ := json.Marshal(nonNil(v.Decision.Rules))
	var principal, mandate, approval any
	if v.Principal != nil {
		principal = v.Principal.Bytes()
	}
	if r.MandateID != nil && r.MandateID.Sign() > 0 {
		mandate = r.MandateID.String()
	}
	if v.Approval != nil {
		approval = v.Approval.ID.Bytes()
	}
	var b pgx.Batch
	b.Queue(`INSERT INTO policy_decisions (action, subject, agent, principal, mandate_id, outcome,
		rule, reason, rules, policy_version, input_hash, input, approval_id, decided_at)
		VALUES ($1, $2, $3, $4, $5::text::numeric, $6, $7, $8, $9, $10, decode($11, 'hex'), $12, $13, $14)`,
		r.Action, r.Subject.Bytes(), r.Agent.Bytes(), principal, mandate, string(v.Outcome), v.Rule, v.Reason, rules,
		v.Decision.PolicyVersion, hash, raw, approval, now)
	if g.cfg.AuditSource != "" {
		if err := audit.Queue(&b, g.cfg.AuditSource, g.auditEntry(ctx, r, v, hash, now)); err != nil {
			g.cfg.Log.Warn("audit entry refused", "action", r.Action, "err", err)
		}
	}
	// One implicit transaction: the decision and its audit entry are stored together or not at all.
	if err := g.cfg.Pool.SendBatch(ctx, &b).Close(); err != nil {
		g.cfg.Log.Warn("policy decision not recorded", "action", r.Action, "err", err)
	}
}

// auditEntry is the audit record of a decision: who asked, for whom, what, the outcome and the rule, with
// the policy input's hash (the input itself stays in policy_decisions).
func (g *Gate) auditEntry(ctx context.Context, r Request, v *Verdict, inputHash string, now time.Time) audit.Entry {
	kind := "agreement"
	switch r.Action {
	case policy.ActionRFQPost:
		kind = "rfq"
	case policy.ActionQuote:
		kind = "quote"
	}
	e := audit.Entry{Time: audit.FormatTime(now), Action: "policy." + string(v.Outcome), Actor: strings.ToLower(r.Agent.Hex()),
		AgentID: audit.Decimal(r.AgentID), Subject: kind + ":" + r.Subject.Hex(), Outcome: string(v.Outcome), Rule: v.Rule,
		TraceID: audit.TraceID(ctx), Inputs: map[string]string{"action": r.Action, "inputHash": "sha256:" + inputHash}}
	if v.Principal != nil {
		e.Principal = strings.ToLower(v.Principal.Hex())
	}
	if v.Code != "" {
		e.Inputs["code"] = v.Code
	}
	if v.Decision.PolicyVersion != 0 {
		e.Inputs["policyVersion"] = strconv.Itoa(v.Decision.PolicyVersion)
	}
	if len(v.Decision.Overlays) > 0 {
		// The sector overlays that took part: name/version/hash of text and parameters, so an entry whose
		// rule is an overlay's (hipaa.phi_undeclared) names the exact rules that decided.
		refs := make([]string, len(v.Decision.Overlays))
		for i, o := range v.Decision.Overlays {
			refs[i] = fmt.Sprintf("%s/%d/sha256:%s", o.Name, o.Version, o.Hash)
		}
		e.Inputs["overlays"] = strings.Join(refs, ",")
	}
	if r.MandateID != nil && r.MandateID.Sign() > 0 {
		e.Inputs["mandateId"] = r.MandateID.String()
	}
	if r.Price != nil {
		e.Inputs["price"] = r.Price.String()
		e.Inputs["token"] = strings.ToLower(r.Token.Hex())
	}
	if v.Approval != nil {
		e.Inputs["approval"] = v.Approval.ID.Hex()
	}
	return e
}

func nonNil(h []policy.Hit) []policy.Hit {
	if h == nil {
		return []policy.Hit{}
	}
	return h
}

func bigOrZero(x *big.Int) *big.Int {
	if x == nil {
		return new(big.Int)
	}
	return x
}

func decimal(s string) *big.Int {
	x, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return new(big.Int)
	}
	return x
}

// approversOf is who may decide an escalation under m: the principal and the mandate's approvers, never
// the agent.
func approversOf(m *authority.Mandate) []common.Address {
	out := []common.Address{m.Principal}
	for _, a := range m.Approvers {
		if a != m.Agent && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}
