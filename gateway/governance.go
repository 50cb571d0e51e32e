package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"

	"github.com/agoralabs/agora/audit"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/governance"
	"github.com/agoralabs/agora/governance/policy"
)

// The gateway's side of governance (docs/governance.md): the inline check before each action that commits an
// agent, the approval queue's handlers, and the kill switch's sweep. The decisions are package governance's.

// maxApprovals bounds GET /v1/approvals.
const maxApprovals = 100

// sybilFlags are the reputation flags a policy sees as Sybil signals (input.counterparty.sybilFlags).
var sybilFlags = map[string]bool{"self_review": true, "shared_owner": true, "owner_cluster": true,
	"reciprocal_cluster": true, "fresh_reviewer_burst": true, "self_validation": true}

// pendingApproval is the 202 answer to an escalated action: it did not happen; once an approver approves,
// the same signed request, sent again, proceeds.
type pendingApproval struct {
	Status   string               `json:"status"` // "pending_approval"
	Code     string               `json:"code"`   // approval_required
	Detail   string               `json:"detail"`
	Approval *governance.Approval `json:"approval"`
	Decision policy.Decision      `json:"decision"`
}

// govern decides r and answers the request when the action must not proceed now (false): 403 for a refusal,
// 202 with the approval for an escalation. Every refusal is a problem with a stable code; a mandate refusal
// names the MandateRegistry's custom error.
func (s *Server) govern(c *gin.Context, r governance.Request) bool {
	v, err := s.decide(c.Request.Context(), r)
	if err != nil {
		s.fail(c, err)
		return false
	}
	if v.Outcome != policy.Escalate {
		return true
	}
	c.Header("Location", "/v1/approvals/"+v.Approval.ID.Hex())
	sendJSON(c, http.StatusAccepted, pendingApproval{Status: "pending_approval", Code: v.Code, Approval: v.Approval,
		Decision: v.Decision, Detail: fmt.Sprintf("%s escalated it (%s): an approver must approve %s first",
			v.Rule, v.Reason, v.Approval.ID.Hex())})
	return false
}

// decide runs the gate: an allow or an escalation is returned, a refusal is a *Problem (403, with the
// refusal's code), and a failure to decide is an error (so nothing proceeds).
func (s *Server) decide(ctx context.Context, r governance.Request) (*governance.Verdict, error) {
	v, err := s.gate.Check(ctx, r)
	if err != nil {
		return nil, governanceError(err)
	}
	s.metrics.decisions.WithLabelValues(r.Action, string(v.Outcome)).Inc()
	if v.Outcome == policy.Deny {
		p := problem(http.StatusForbidden, v.Code, "%s: %s", v.Rule, v.Reason)
		p.RegistryError = v.RegistryError
		return nil, p
	}
	return v, nil
}

// decideProblem is decide for paths that cannot answer 202 (a quote on the stream): an escalation is refused.
func (s *Server) decideProblem(ctx context.Context, r governance.Request) *Problem {
	v, err := s.decide(ctx, r)
	var p *Problem
	switch {
	case errors.As(err, &p):
		return p
	case err != nil:
		s.log.Warn("governance check failed", "action", r.Action, "err", err)
		return problem(http.StatusServiceUnavailable, CodeUnavailable, "the governance check is unavailable; try again")
	case v.Outcome == policy.Escalate:
		return problem(http.StatusForbidden, CodeApprovalRequired, "%s escalated it (%s): approval %s", v.Rule, v.Reason, v.Approval.ID.Hex())
	}
	return nil
}

// governanceError maps the gate's errors.
func governanceError(err error) error {
	switch {
	case errors.Is(err, governance.ErrNoChain):
		return noChain()
	case errors.Is(err, governance.ErrUnavailable):
		return fmt.Errorf("governance: %w: %w", errUnavailable, err)
	}
	return chainProblem(err, "governance")
}

// policyEngine is the gate's policy engine with the named sector overlays in force: an unknown name is an
// error that lists the overlays.
func policyEngine(overlays []string) (*policy.Engine, error) {
	e := policy.NewEngine(policy.Options{})
	cfgs := make([]policy.OverlayConfig, len(overlays))
	for i, name := range overlays {
		cfgs[i] = policy.OverlayConfig{Name: name}
	}
	if err := e.SetOverlays(cfgs); err != nil {
		return nil, fmt.Errorf("gateway: policy overlays: %w", err)
	}
	return e, nil
}

// counterparty describes agent id for a policy: its reputation, Sybil flags, and what its registration file
// declares over its capabilities (agent_profiles): jurisdictions (the first, sorted, is .jurisdiction),
// compliance attestations, data classes and EU AI Act risk classes, which the sector overlays read.
func (s *Server) counterparty(ctx context.Context, agentID string, wallet common.Address) policy.Counterparty {
	out := policy.Counterparty{ID: agentID, SybilFlags: []string{}}
	if wallet != (common.Address{}) {
		out.Wallet = wallet.Hex()
	}
	if agentID == "" {
		return out
	}
	var score *float64
	var flags, jurisdictions, attestations, dataClasses, riskClasses []string
	err := s.pool.QueryRow(ctx, `SELECT s.score::float8, COALESCE(s.flags, '{}'), COALESCE(p.jurisdictions, '{}'),
			COALESCE(p.attestations, '{}'), COALESCE(p.data_classes, '{}'), COALESCE(p.risk_classes, '{}')
		FROM agents a LEFT JOIN agent_scores s ON s.agent_id = a.agent_id
		LEFT JOIN agent_profiles p ON p.agent_id = a.agent_id WHERE a.agent_id = $1::text::numeric`, agentID).
		Scan(&score, &flags, &jurisdictions, &attestations, &dataClasses, &riskClasses)
	if err != nil {
		return out // unknown agent: no reputation (a policy may escalate that)
	}
	out.Reputation = score
	for _, f := range flags {
		if sybilFlags[f] {
			out.SybilFlags = append(out.SybilFlags, f)
		}
	}
	for i, j := range jurisdictions {
		jurisdictions[i] = strings.ToUpper(j)
	}
	if len(jurisdictions) > 0 {
		out.Jurisdiction = jurisdictions[0]
	}
	// Empty lists stay nil: the input leaves them out (and hashes as it did before they existed).
	out.Jurisdictions, out.Compliance = emptyNil(jurisdictions), emptyNil(attestations)
	out.DataClasses, out.RiskClasses = emptyNil(dataClasses), emptyNil(riskClasses)
	return out
}

func emptyNil(xs []string) []string {
	if len(xs) == 0 {
		return nil
	}
	return xs
}

// agentIDOf returns the agent whose wallet (or owner) is addr, "" when none.
func (s *Server) agentIDOf(ctx context.Context, addr common.Address) string {
	var id string
	err := s.pool.QueryRow(ctx, `SELECT agent_id::text FROM agents WHERE agent_wallet = $1 OR owner = $1
		ORDER BY (agent_wallet = $1) DESC NULLS LAST, agent_id LIMIT 1`, addr.Bytes()).Scan(&id)
	if err != nil {
		return ""
	}
	return id
}

func agentBig(id string) *big.Int {
	if id == "" {
		return nil
	}
	x, _ := new(big.Int).SetString(id, 10)
	return x
}

// listApprovals serves GET /v1/approvals?approver=0x…&deadline=…&signature=0x…&status=…: the actions the
// approver may decide, for the approver alone. The queue holds principals' pending intentions, so the request
// carries the approver's EIP-712 ApprovalsQuery(approver, deadline) signature (ECDSA or ERC-1271), valid until
// deadline (at most ten minutes ahead).
func (s *Server) listApprovals(c *gin.Context) {
	ctx := c.Request.Context()
	q := c.Request.URL.Query()
	for name := range q {
		switch name {
		case "approver", "deadline", "signature", "status":
		default:
			s.fail(c, problem(http.StatusBadRequest, CodeInvalidQuery, "unknown parameter %q", clip(name)))
			return
		}
	}
	approver, err := s.signedReader(c, "approver", func(a common.Address, deadline uint64) eip712.Message {
		return eip712.ApprovalsQuery{Approver: a, Deadline: deadline}
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	status := q.Get("status")
	switch status {
	case "", governance.StatusPending, governance.StatusApproved, governance.StatusDenied, governance.StatusExpired:
	default:
		s.fail(c, problem(http.StatusBadRequest, CodeInvalidQuery, "status %q: want pending, approved, denied or expired", clip(status)).withField("status"))
		return
	}
	list, err := s.gate.Approvals(ctx, approver, status, maxApprovals)
	if err != nil {
		s.fail(c, governanceError(err))
		return
	}
	sendJSON(c, http.StatusOK, gin.H{"approvals": list})
}

// getApproval serves GET /v1/approvals/{id}.
func (s *Server) getApproval(c *gin.Context) {
	id, p := parseHash(c.Param("id"))
	if p != nil {
		s.fail(c, p)
		return
	}
	a, err := s.gate.Approval(c.Request.Context(), id)
	if err != nil {
		s.fail(c, approvalError(err))
		return
	}
	sendJSON(c, http.StatusOK, a)
}

// decideApproval serves POST /v1/approvals/{id}: an approver's EIP-712 PolicyApproval (ECDSA or ERC-1271),
// approving or denying the escalated action.
func (s *Server) decideApproval(c *gin.Context) {
	ctx := c.Request.Context()
	id, p := parseHash(c.Param("id"))
	if p != nil {
		s.fail(c, p)
		return
	}
	var req struct {
		TypedData json.RawMessage `json:"typedData"`
		Signature hexutil.Bytes   `json:"signature"`
	}
	if p := readJSON(c, &req); p != nil {
		s.fail(c, p)
		return
	}
	domain, msg, err := eip712.ParseTypedData(req.TypedData)
	decision, ok := msg.(eip712.PolicyApproval)
	if err != nil || !ok {
		s.fail(c, problem(http.StatusBadRequest, CodeInvalidBody, "typedData must be a PolicyApproval: %v", errOr(err, "another type")))
		return
	}
	if p := s.checkDomain(domain, decision); p != nil {
		s.fail(c, p)
		return
	}
	if decision.ApprovalID != id {
		s.fail(c, problem(http.StatusBadRequest, CodeInvalidBody, "the signed approvalId %s is not %s", decision.ApprovalID.Hex(), id.Hex()).withField("approvalId"))
		return
	}
	now := time.Now()
	if decision.Deadline < uint64(now.Unix()) {
		s.fail(c, problem(http.StatusBadRequest, CodeExpired, "the decision's deadline %d has passed", decision.Deadline).withField("deadline"))
		return
	}
	if decision.Deadline > uint64(now.Add(maxDecisionDelay).Unix()) {
		s.fail(c, problem(http.StatusBadRequest, CodeInvalidBody, "the decision's deadline is more than %s ahead", maxDecisionDelay).withField("deadline"))
		return
	}
	digest, err := eip712.Digest(domain, decision)
	if err != nil {
		s.fail(c, problem(http.StatusBadRequest, CodeInvalidBody, "%v", err))
		return
	}
	a, err := s.gate.Approval(ctx, id)
	if err != nil {
		s.fail(c, approvalError(err))
		return
	}
	// The signer is whichever listed approver the signature verifies for (EOA by ECDSA, contracts by ERC-1271).
	signer, p := s.approverOf(ctx, a, digest, req.Signature)
	if p != nil {
		s.fail(c, p)
		return
	}
	out, err := s.gate.Decide(ctx, id, signer, decision.Decision, req.Signature)
	if err != nil {
		s.fail(c, approvalError(err))
		return
	}
	sendJSON(c, http.StatusOK, out)
}

// maxDecisionDelay bounds how far ahead a PolicyApproval's deadline may lie (a signature is short-lived).
const maxDecisionDelay = 10 * time.Minute

// approverOf returns the approver of a whose signature sig is over digest.
func (s *Server) approverOf(ctx context.Context, a *governance.Approval, digest common.Hash, sig []byte) (common.Address, *Problem) {
	if rec, err := eip712.RecoverDigest(digest, sig); err == nil {
		for _, ap := range a.Approvers {
			if ap == rec && rec != a.Agent {
				return rec, nil
			}
		}
		if rec == a.Agent {
			return common.Address{}, problem(http.StatusForbidden, CodeNotApprover, "the agent cannot approve its own action")
		}
	}
	for _, ap := range a.Approvers {
		if ap == a.Agent {
			continue
		}
		if err := s.verifier.Verify(ctx, ap, digest, sig); err == nil {
			return ap, nil
		}
	}
	return common.Address{}, problem(http.StatusForbidden, CodeNotApprover, "the signature is no approver's of %s", a.ID.Hex())
}

func approvalError(err error) error {
	switch {
	case errors.Is(err, governance.ErrApprovalNotFound):
		return problem(http.StatusNotFound, CodeApprovalNotFound, "%s", err.Error())
	case errors.Is(err, governance.ErrNotApprover):
		return problem(http.StatusForbidden, CodeNotApprover, "%s", err.Error())
	case errors.Is(err, governance.ErrDecided):
		return problem(http.StatusConflict, CodeApprovalDecided, "%s", err.Error())
	}
	return governanceError(err)
}

func errOr(err error, s string) string {
	if err != nil {
		return err.Error()
	}
	return s
}

// killSwitch withdraws what revoked mandates and frozen agents left open, after each indexed block: open RFQs
// posted under a revoked mandate or by a frozen agent's wallet, and open quotes of frozen agents. Every gateway
// runs it; the updates are idempotent, and streams hear each withdrawn RFQ.
func (s *Server) killSwitch(ctx context.Context) {
	// A freeze counts only from a principal that granted the agent a mandate (see governance.Gate).
	rows, err := s.pool.Query(ctx, `WITH frozen AS (SELECT DISTINCT f.agent_id FROM agent_freezes f WHERE f.frozen
			AND EXISTS (SELECT 1 FROM mandates m WHERE m.principal = f.principal AND m.agent_id = f.agent_id)),
		frozen_wallets AS (
			SELECT a.agent_wallet AS w FROM agents a JOIN frozen USING (agent_id) WHERE a.agent_wallet IS NOT NULL
			UNION SELECT a.owner FROM agents a JOIN frozen USING (agent_id)),
		revoked AS (SELECT mandate_id::text AS id FROM mandates WHERE revoked),
		quotes_out AS (
			UPDATE quotes q SET withdrawn_at = now() FROM rfqs r
			WHERE q.rfq_id = r.id AND r.status = 'open' AND q.withdrawn_at IS NULL
			  AND q.provider_agent_id IN (SELECT agent_id FROM frozen)
			RETURNING q.rfq_id)
		UPDATE rfqs r SET status = 'withdrawn', closed_at = now(), refusals = '[]'
		WHERE r.status = 'open' AND (r.buyer IN (SELECT w FROM frozen_wallets)
			OR COALESCE(r.typed_data->'message'->>'mandateId', '0') IN (SELECT id FROM revoked))
		RETURNING r.id`)
	if err != nil {
		if ctx.Err() == nil {
			s.log.Warn("kill switch sweep failed", "err", err)
		}
		return
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[[]byte])
	if err != nil {
		return
	}
	for _, raw := range ids {
		id := common.BytesToHash(raw)
		s.log.Info("rfq withdrawn: its mandate was revoked or its agent frozen", "rfq", id.Hex())
		s.auditAsync(ctx, audit.Entry{Action: "rfq.withdrawn", Subject: "rfq:" + id.Hex(), Outcome: "withdrawn", Rule: "kill_switch"})
		event := s.marketEvent("withdrawn", id)
		s.streams.notify(event) // this gateway's streams; the other copies on the notification
		if _, err := s.pool.Exec(ctx, `SELECT pg_notify($1, $2)`, channelMarket, event); err != nil {
			s.log.Warn("withdrawal notify failed", "rfq", id.Hex(), "err", err)
		}
	}
}

// fundDecision serves POST /v1/agreements/{id}/fund-decision: the governance check of funding a signed
// agreement, which the client asks before it sends createJobFromAgreement (the escrow enforces the mandate
// itself; this adds the principal's policy and its approvals). 200 with the verdict when allowed, 202 when
// escalated, 403 when refused.
func (s *Server) fundDecision(c *gin.Context) {
	ctx := c.Request.Context()
	id, view, a, err := s.storedAgreement(ctx, c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	r := governance.Request{Action: policy.ActionFund, Subject: id, Agent: a.Client, AgentID: agentBig(s.agentIDOf(ctx, a.Client)),
		MandateID: a.MandateID, Capability: s.rfqCapability(ctx, view.RFQID),
		Token: a.Token, Price: a.Price, PayeeAgentID: a.ProviderAgentID, Spec: a.DeliverableSpecHash,
		Counterparty: s.counterparty(ctx, bigOrZero(a.ProviderAgentID).String(), a.Provider),
		Expires:      time.Unix(bigOrZero(a.Expiry).Int64(), 0)}
	if !s.govern(c, r) {
		return
	}
	sendJSON(c, http.StatusOK, gin.H{"agreementId": id.Hex(), "outcome": policy.Allow})
}

// rfqCapability is the capability of the RFQ an agreement was awarded from ("" for an agreement made without
// one), so that the policy and the sector overlays judge funding by what is bought: the signed agreement does
// not name it.
func (s *Server) rfqCapability(ctx context.Context, rfqID *string) string {
	if rfqID == nil {
		return ""
	}
	var capability string
	if err := s.pool.QueryRow(ctx, `SELECT capability FROM rfqs WHERE id = $1`, common.HexToHash(*rfqID).Bytes()).Scan(&capability); err != nil {
		return ""
	}
	return capability
}
