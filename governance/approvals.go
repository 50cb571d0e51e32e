package governance

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/jackc/pgx/v5"

	"github.com/agoralabs/agora/audit"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/governance/authority"
	"github.com/agoralabs/agora/governance/policy"
)

// Approval statuses. Expired is derived: a pending approval past its expiry.
const (
	StatusPending  = "pending"
	StatusApproved = "approved"
	StatusDenied   = "denied"
	StatusExpired  = "expired"
)

var (
	// ErrApprovalNotFound is returned for an unknown approval id.
	ErrApprovalNotFound = errors.New("no such approval")
	// ErrNotApprover is returned when the signer may not decide the approval (not listed, or the agent).
	ErrNotApprover = errors.New("not an approver of this action")
	// ErrDecided is returned for an approval that is no longer pending (decided or expired).
	ErrDecided = errors.New("approval already decided or expired")
)

// Approval is an escalated action waiting for, or decided by, an approver.
type Approval struct {
	ID        common.Hash      `json:"id"`
	Action    string           `json:"action"`
	Agent     common.Address   `json:"agent"`
	Principal common.Address   `json:"principal"`
	MandateID string           `json:"mandateId"`
	Approvers []common.Address `json:"approvers"`
	Rule      string           `json:"rule"`
	Reason    string           `json:"reason"`
	Summary   json.RawMessage  `json:"summary"`
	Status    string           `json:"status"`
	DecidedBy *common.Address  `json:"decidedBy"`
	DecidedAt *time.Time       `json:"decidedAt"`
	CreatedAt time.Time        `json:"createdAt"`
	ExpiresAt time.Time        `json:"expiresAt"`
}

// summary is what an approver is shown.
type summary struct {
	Price        string              `json:"price"`
	PriceUSD     float64             `json:"priceUSD"`
	Token        common.Address      `json:"token"`
	Capability   string              `json:"capability"`
	Counterparty policy.Counterparty `json:"counterparty"`
}

// escalate consults r's approval: an approved one lets the action through, a denied or expired one refuses
// it, and without one a pending approval is opened.
func (g *Gate) escalate(ctx context.Context, r Request, m *authority.Mandate, v *Verdict, now time.Time) error {
	a, err := g.Approval(ctx, r.Subject)
	switch {
	case errors.Is(err, ErrApprovalNotFound):
		a, err = g.open(ctx, r, m, v, now)
		if err != nil {
			return err
		}
		v.Code, v.Approval = CodeApprovalRequired, a
	case err != nil:
		return err
	default:
		v.Approval = a
		switch a.Status {
		case StatusApproved:
			v.Outcome, v.Code = policy.Allow, ""
			v.Rule, v.Reason = "approval", fmt.Sprintf("approved by %s (escalated by %s)", a.DecidedBy.Hex(), v.Rule)
		case StatusDenied:
			v.Outcome, v.Code = policy.Deny, CodeApprovalDenied
			v.Reason = fmt.Sprintf("denied by %s", a.DecidedBy.Hex())
		case StatusExpired:
			v.Outcome, v.Code = policy.Deny, CodeApprovalExpired
			v.Reason = fmt.Sprintf("nobody approved it before %s", a.ExpiresAt.Format(time.RFC3339))
		default:
			v.Code = CodeApprovalRequired
		}
	}
	return nil
}

func (g *Gate) open(ctx context.Context, r Request, m *authority.Mandate, v *Verdict, now time.Time) (*Approval, error) {
	expires := now.Add(g.cfg.ApprovalTTL)
	if !r.Expires.IsZero() && r.Expires.Before(expires) {
		expires = r.Expires
	}
	approvers := approversOf(m)
	raw := make([][]byte, len(approvers))
	for i, a := range approvers {
		raw[i] = a.Bytes()
	}
	sum, _ := json.Marshal(summary{Price: bigOrZero(r.Price).String(), PriceUSD: g.usd(r.Token, bigOrZero(r.Price)),
		Token: r.Token, Capability: r.Capability, Counterparty: r.Counterparty})
	_, err := g.cfg.Pool.Exec(ctx, `INSERT INTO approvals (id, action, agent, principal, mandate_id, approvers, rule,
		reason, summary, status, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5::text::numeric, $6, $7, $8, $9, 'pending', $10, $11) ON CONFLICT (id) DO NOTHING`,
		r.Subject.Bytes(), r.Action, r.Agent.Bytes(), m.Principal.Bytes(), m.ID, raw, v.Rule, v.Reason, sum, now, expires)
	if err != nil {
		return nil, fmt.Errorf("%w: open approval: %w", ErrUnavailable, err)
	}
	return g.Approval(ctx, r.Subject)
}

const approvalColumns = `id, action, agent, principal, mandate_id::text, approvers, rule, reason, summary, status,
	decided_by, decided_at, created_at, expires_at`

func scanApproval(row pgx.Row, now time.Time) (*Approval, error) {
	var a Approval
	var id, agent, principal, decidedBy []byte
	var approvers [][]byte
	if err := row.Scan(&id, &a.Action, &agent, &principal, &a.MandateID, &approvers, &a.Rule, &a.Reason, &a.Summary,
		&a.Status, &decidedBy, &a.DecidedAt, &a.CreatedAt, &a.ExpiresAt); err != nil {
		return nil, err
	}
	a.ID, a.Agent, a.Principal = common.BytesToHash(id), common.BytesToAddress(agent), common.BytesToAddress(principal)
	for _, b := range approvers {
		a.Approvers = append(a.Approvers, common.BytesToAddress(b))
	}
	if decidedBy != nil {
		d := common.BytesToAddress(decidedBy)
		a.DecidedBy = &d
	}
	if a.DecidedAt != nil {
		t := a.DecidedAt.UTC()
		a.DecidedAt = &t
	}
	a.CreatedAt, a.ExpiresAt = a.CreatedAt.UTC(), a.ExpiresAt.UTC()
	if a.Status == StatusPending && !now.Before(a.ExpiresAt) {
		a.Status = StatusExpired
	}
	return &a, nil
}

// Approval returns approval id.
func (g *Gate) Approval(ctx context.Context, id common.Hash) (*Approval, error) {
	a, err := scanApproval(g.cfg.Pool.QueryRow(ctx, `SELECT `+approvalColumns+` FROM approvals WHERE id = $1`, id.Bytes()),
		g.cfg.Now())
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("%w: %s", ErrApprovalNotFound, id.Hex())
	}
	if err != nil {
		return nil, fmt.Errorf("%w: approval: %w", ErrUnavailable, err)
	}
	return a, nil
}

// Approvals lists approvals, newest first: those approver may decide (zero: all), in status ("" : any).
func (g *Gate) Approvals(ctx context.Context, approver common.Address, status string, limit int) ([]*Approval, error) {
	now := g.cfg.Now()
	var who any
	if approver != (common.Address{}) {
		who = approver.Bytes()
	}
	rows, err := g.cfg.Pool.Query(ctx, `SELECT `+approvalColumns+` FROM approvals
		WHERE ($1::bytea IS NULL OR approvers @> ARRAY[$1::bytea])
		  AND ($2 = '' OR ($2 = 'expired' AND status = 'pending' AND expires_at <= $3)
		       OR ($2 = 'pending' AND status = 'pending' AND expires_at > $3) OR ($2 NOT IN ('pending', 'expired') AND status = $2))
		ORDER BY created_at DESC, id LIMIT $4`, who, status, now, limit)
	if err != nil {
		return nil, fmt.Errorf("%w: approvals: %w", ErrUnavailable, err)
	}
	defer rows.Close()
	out := []*Approval{}
	for rows.Next() {
		a, err := scanApproval(rows, now)
		if err != nil {
			return nil, fmt.Errorf("%w: approvals: %w", ErrUnavailable, err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%w: approvals: %w", ErrUnavailable, err)
	}
	return out, nil
}

// Decide records approver's decision (eip712.PolicyApprove or eip712.PolicyDeny) on a pending approval.
// The caller has verified signature (the approver's PolicyApproval over id and decision).
func (g *Gate) Decide(ctx context.Context, id common.Hash, approver common.Address, decision uint8, signature []byte) (*Approval, error) {
	a, err := g.Approval(ctx, id)
	if err != nil {
		return nil, err
	}
	if approver == a.Agent || !slices.Contains(a.Approvers, approver) {
		return nil, fmt.Errorf("%w: %s may not decide %s", ErrNotApprover, approver.Hex(), id.Hex())
	}
	status := StatusApproved
	if decision == eip712.PolicyDeny {
		status = StatusDenied
	} else if decision != eip712.PolicyApprove {
		return nil, fmt.Errorf("decision %d: want %d (approve) or %d (deny)", decision, eip712.PolicyApprove, eip712.PolicyDeny)
	}
	now := g.cfg.Now()
	// The decision and its audit entry in one transaction: both or neither.
	err = pgx.BeginFunc(ctx, g.cfg.Pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE approvals SET status = $2, decided_by = $3, signature = $4, decided_at = $5
			WHERE id = $1 AND status = 'pending' AND expires_at > $5`, id.Bytes(), status, approver.Bytes(), signature, now)
		if err != nil {
			return fmt.Errorf("%w: decide: %w", ErrUnavailable, err)
		}
		if tag.RowsAffected() == 0 {
			return fmt.Errorf("%w: %s is %s", ErrDecided, id.Hex(), a.Status)
		}
		if g.cfg.AuditSource == "" {
			return nil
		}
		e := audit.Entry{Time: audit.FormatTime(now), Action: "approval." + status, Actor: strings.ToLower(approver.Hex()),
			Principal: strings.ToLower(a.Principal.Hex()), Subject: "approval:" + id.Hex(), Outcome: status, Rule: a.Rule,
			TraceID: audit.TraceID(ctx), Inputs: map[string]string{"action": a.Action, "agent": strings.ToLower(a.Agent.Hex()),
				"signature": audit.Hash(signature)}}
		if a.MandateID != "" && a.MandateID != "0" {
			e.Inputs["mandateId"] = a.MandateID
		}
		if err := audit.Insert(ctx, tx, g.cfg.AuditSource, e); err != nil {
			return fmt.Errorf("%w: %w", ErrUnavailable, err)
		}
		return nil
	})
	if err != nil {
		if errors.Is(err, ErrDecided) || errors.Is(err, ErrUnavailable) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: decide: %w", ErrUnavailable, err)
	}
	return g.Approval(ctx, id)
}
