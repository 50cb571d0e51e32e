package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/agoralabs/agora/eip712"
)

// AuditFilter narrows GET /v1/audit/entries (empty fields: no filter). After is the leaf index after which
// to read (the previous page's NextAfter); Limit the page size (0: the gateway's default, 100).
type AuditFilter struct {
	AgentID   string
	Principal string
	Subject   string // "job:7", "rfq:0x…", "agreement:0x…", "mandate:3", "approval:0x…"
	From, To  time.Time
	After     *uint64
	Limit     int
}

// AuditEntry is one audit entry with its inclusion proof in the page's checkpoint (docs/audit.md).
type AuditEntry struct {
	Seq   uint64          `json:"seq"`
	Entry json.RawMessage `json:"entry"`
	Proof [][]byte        `json:"proof"`
}

// AuditPage is one page of audit entries, with the signed tree head (a C2SP checkpoint) their proofs lead to.
type AuditPage struct {
	Reader     string       `json:"reader"`
	Auditor    bool         `json:"auditor"`
	Size       uint64       `json:"size"`
	Checkpoint string       `json:"checkpoint"`
	Entries    []AuditEntry `json:"entries"`
	NextAfter  *uint64      `json:"nextAfter"`
}

// AuditEntries reads the audit entries s may read (GET /v1/audit/entries): those naming s's address as
// principal or actor, those about the agents s owns or is the wallet of, or, for an auditor the operator
// names, every entry. s signs the EIP-712 AuditQuery that proves the reader, valid for a minute.
func (c *Client) AuditEntries(ctx context.Context, s Signer, f AuditFilter) (*AuditPage, error) {
	d, err := c.GatewayDomain(ctx)
	if err != nil {
		return nil, err
	}
	reader := s.Address()
	query := eip712.AuditQuery{Reader: reader, Deadline: uint64(time.Now().Add(time.Minute).Unix())}
	sig, err := Sign(ctx, s, d, query)
	if err != nil {
		return nil, err
	}
	q := url.Values{"reader": {reader.Hex()}, "deadline": {fmt.Sprint(query.Deadline)}, "signature": {fmt.Sprintf("0x%x", sig)}}
	if f.AgentID != "" {
		q.Set("agentId", f.AgentID)
	}
	if f.Principal != "" {
		if !common.IsHexAddress(f.Principal) {
			return nil, fmt.Errorf("principal %q is not an address", f.Principal)
		}
		q.Set("principal", f.Principal)
	}
	if f.Subject != "" {
		q.Set("subject", f.Subject)
	}
	if !f.From.IsZero() {
		q.Set("from", f.From.UTC().Format(time.RFC3339))
	}
	if !f.To.IsZero() {
		q.Set("to", f.To.UTC().Format(time.RFC3339))
	}
	if f.After != nil {
		q.Set("after", strconv.FormatUint(*f.After, 10))
	}
	if f.Limit > 0 {
		q.Set("limit", strconv.Itoa(f.Limit))
	}
	var page AuditPage
	if _, err := c.do(ctx, http.MethodGet, "/v1/audit/entries?"+q.Encode(), nil, &page); err != nil {
		return nil, err
	}
	return &page, nil
}
