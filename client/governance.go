package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/agoralabs/agora/eip712"
)

// Governance on the gateway (docs/governance.md): escalated actions and their approvals, the proof of
// authority of agreements, and mandates as the chain holds them.

// PendingApproval is the error an action gets when the principal's policy escalated it (HTTP 202): the action
// did not happen. Once an approver approves Approval.ID, sending the same signed request again proceeds.
type PendingApproval struct {
	Status   string          `json:"status"` // "pending_approval"
	Code     string          `json:"code"`   // "approval_required"
	Detail   string          `json:"detail"`
	Approval Approval        `json:"approval"`
	Decision json.RawMessage `json:"decision"`
}

// Error implements error.
func (p *PendingApproval) Error() string {
	return fmt.Sprintf("approval required: %s (GET /v1/approvals/%s)", p.Detail, p.Approval.ID.Hex())
}

// decodePending returns the pending approval a 202 answer carries, or nil for another 202 body.
func decodePending(data []byte) *PendingApproval {
	if !bytes.Contains(data, []byte(`"pending_approval"`)) {
		return nil
	}
	var p PendingApproval
	if err := json.Unmarshal(data, &p); err != nil || p.Status != "pending_approval" {
		return nil
	}
	return &p
}

// Approval is an escalated action (GET /v1/approvals/{id}).
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
	Status    string           `json:"status"` // pending, approved, denied, expired
	DecidedBy *common.Address  `json:"decidedBy"`
	DecidedAt *time.Time       `json:"decidedAt"`
	CreatedAt time.Time        `json:"createdAt"`
	ExpiresAt time.Time        `json:"expiresAt"`
}

// Approvals lists the escalated actions approver may decide, newest first (GET /v1/approvals), in status
// ("": any; pending, approved, denied, expired). s signs the EIP-712 ApprovalsQuery that proves the reader is
// the approver: s is the approver (zero approver: s's address), or the owner of a contract-wallet approver
// that accepts s's signatures (ERC-1271).
func (c *Client) Approvals(ctx context.Context, s Signer, approver common.Address, status string) ([]Approval, error) {
	if approver == (common.Address{}) {
		approver = s.Address()
	}
	d, err := c.GatewayDomain(ctx)
	if err != nil {
		return nil, err
	}
	query := eip712.ApprovalsQuery{Approver: approver, Deadline: uint64(time.Now().Add(time.Minute).Unix())}
	sig, err := Sign(ctx, s, d, query)
	if err != nil {
		return nil, err
	}
	q := url.Values{"approver": {approver.Hex()}, "deadline": {fmt.Sprint(query.Deadline)}, "signature": {fmt.Sprintf("0x%x", sig)}}
	if status != "" {
		q.Set("status", status)
	}
	path := "/v1/approvals?" + q.Encode()
	var out struct {
		Approvals []Approval `json:"approvals"`
	}
	if _, err := c.do(ctx, http.MethodGet, path, nil, &out); err != nil {
		return nil, err
	}
	return out.Approvals, nil
}

// GetApproval returns one escalated action (GET /v1/approvals/{id}).
func (c *Client) GetApproval(ctx context.Context, id common.Hash) (*Approval, error) {
	var a Approval
	if _, err := c.do(ctx, http.MethodGet, "/v1/approvals/"+id.Hex(), nil, &a); err != nil {
		return nil, err
	}
	return &a, nil
}

// DecideApproval signs, by s (an approver: the principal or one of the mandate's approvers), an EIP-712
// PolicyApproval approving (approve) or denying approval id, valid for a minute, and posts it
// (POST /v1/approvals/{id}).
func (c *Client) DecideApproval(ctx context.Context, s Signer, id common.Hash, approve bool) (*Approval, error) {
	d, err := c.GatewayDomain(ctx)
	if err != nil {
		return nil, err
	}
	m := eip712.PolicyApproval{ApprovalID: id, Decision: eip712.PolicyDeny, Deadline: uint64(time.Now().Add(time.Minute).Unix())}
	if approve {
		m.Decision = eip712.PolicyApprove
	}
	body, err := sign(ctx, s, d, m)
	if err != nil {
		return nil, err
	}
	var a Approval
	if _, err := c.do(ctx, http.MethodPost, "/v1/approvals/"+id.Hex(), body, &a); err != nil {
		return nil, err
	}
	return &a, nil
}

// CheckFund asks the gateway's governance check whether the client may fund agreement id now
// (POST /v1/agreements/{id}/fund-decision): nil when allowed, a *PendingApproval when escalated, a *Problem
// (mandate_revoked, mandate_refused, policy_denied, approval_denied, approval_expired) when refused.
func (c *Client) CheckFund(ctx context.Context, id common.Hash) error {
	_, err := c.do(ctx, http.MethodPost, "/v1/agreements/"+id.Hex()+"/fund-decision", nil, nil)
	return err
}

// Authority returns the gateway's proof of authority for agreement id (GET /v1/agreements/{id}/authority):
// whether its client could bind the principal of the mandate it names, read on chain at one block.
func (c *Client) Authority(ctx context.Context, id common.Hash) (json.RawMessage, error) {
	var raw json.RawMessage
	if _, err := c.do(ctx, http.MethodGet, "/v1/agreements/"+id.Hex()+"/authority", nil, &raw); err != nil {
		return nil, err
	}
	return raw, nil
}

// Mandate returns mandate id as the chain holds it, with what it allows now (GET /v1/mandates/{id}).
func (c *Client) Mandate(ctx context.Context, id string) (json.RawMessage, error) {
	var raw json.RawMessage
	if _, err := c.do(ctx, http.MethodGet, "/v1/mandates/"+url.PathEscape(id), nil, &raw); err != nil {
		return nil, err
	}
	return raw, nil
}
