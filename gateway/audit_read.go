package gateway

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"

	"github.com/agoralabs/agora/audit"
	"github.com/agoralabs/agora/eip712"
)

// Who may read what of the audit log: tree heads and proofs are public (audit.go); an entry's contents only
// to the principal or actor it names, to the owner or wallet of the agent it names, and to the auditors the
// operator names (Config.AuditReaders). The reader proves its address with an EIP-712 AuditQuery(reader,
// deadline) signature (ECDSA or ERC-1271) valid until deadline, at most ten minutes ahead.

// auditEntryView is an entry as GET /v1/audit/entries returns it: its leaf index, its contents and its
// inclusion proof in the checkpoint of the answer.
type auditEntryView struct {
	Seq   uint64          `json:"seq"`
	Entry json.RawMessage `json:"entry"`
	Proof [][]byte        `json:"proof"`
}

// defaultAuditEntries is how many entries one answer holds unless limit says otherwise.
const defaultAuditEntries = 100

// getAuditEntries serves GET /v1/audit/entries?reader=0x…&deadline=…&signature=0x…[&agentId][&principal]
// [&subject][&from][&to][&after][&limit]: the entries the reader may read, oldest first, each with its proof
// in the newest signed head (returned with them), and the cursor of the next page.
func (s *Server) getAuditEntries(c *gin.Context) {
	ctx := c.Request.Context()
	q := c.Request.URL.Query()
	for name, vs := range q {
		switch name {
		case "reader", "deadline", "signature", "agentId", "principal", "subject", "from", "to", "after", "limit":
		default:
			s.fail(c, problem(http.StatusBadRequest, CodeInvalidQuery, "unknown parameter %q", clip(name)))
			return
		}
		if len(vs) != 1 {
			s.fail(c, problem(http.StatusBadRequest, CodeInvalidQuery, "%s is given %d times", name, len(vs)).withField(name))
			return
		}
	}
	reader, err := s.signedReader(c, "reader", func(r common.Address, deadline uint64) eip712.Message {
		return eip712.AuditQuery{Reader: r, Deadline: deadline}
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	f, after, limit, p := auditFilter(q)
	if p != nil {
		s.fail(c, p)
		return
	}
	r := audit.Reader{All: slices.Contains(s.cfg.AuditReaders, reader), Address: addr(reader)}
	if !r.All {
		rows, err := s.pool.Query(ctx, `SELECT agent_id::text FROM agents WHERE owner = $1 OR agent_wallet = $1`, reader.Bytes())
		if err == nil {
			r.AgentIDs, err = pgx.CollectRows(rows, pgx.RowTo[string])
		}
		if err != nil {
			s.fail(c, fmt.Errorf("audit reader: %w: %w", errUnavailable, err))
			return
		}
		switch {
		case f.AgentID != "" && !slices.Contains(r.AgentIDs, f.AgentID):
			s.fail(c, problem(http.StatusForbidden, CodeNotEntitled, "%s neither owns agent %s nor is its wallet", reader.Hex(), f.AgentID).withField("agentId"))
			return
		case f.Principal != "" && !strings.EqualFold(f.Principal, r.Address):
			s.fail(c, problem(http.StatusForbidden, CodeNotEntitled, "%s may read its own entries as principal only", reader.Hex()).withField("principal"))
			return
		}
	}
	cp, err := audit.LatestCheckpoint(ctx, s.pool)
	if err != nil {
		s.fail(c, auditError(err))
		return
	}
	lines, more, err := audit.Entries(ctx, s.pool, f, r, after, limit, cp)
	if err != nil {
		s.fail(c, auditError(err))
		return
	}
	out := struct {
		Reader     string           `json:"reader"`
		Auditor    bool             `json:"auditor"`
		Size       uint64           `json:"size"`
		Checkpoint string           `json:"checkpoint"`
		Entries    []auditEntryView `json:"entries"`
		NextAfter  *uint64          `json:"nextAfter"`
	}{Reader: reader.Hex(), Auditor: r.All, Size: cp.Size, Checkpoint: cp.Note, Entries: make([]auditEntryView, 0, len(lines))}
	for _, l := range lines {
		out.Entries = append(out.Entries, auditEntryView{Seq: l.Seq, Entry: l.Entry, Proof: l.Proof})
	}
	if more {
		next := lines[len(lines)-1].Seq
		out.NextAfter = &next
	}
	c.Header("Cache-Control", "no-store")
	sendJSON(c, http.StatusOK, out)
}

// auditFilter reads the filters, the cursor and the page size.
func auditFilter(q map[string][]string) (audit.Filter, int64, int, *Problem) {
	get := func(name string) string {
		if vs := q[name]; len(vs) > 0 {
			return vs[0]
		}
		return ""
	}
	var f audit.Filter
	bad := func(name, format string, a ...any) *Problem {
		return problem(http.StatusBadRequest, CodeInvalidQuery, "%s: "+format, append([]any{name}, a...)...).withField(name)
	}
	if v := get("agentId"); v != "" {
		if _, err := strconv.ParseUint(v, 10, 64); err != nil {
			return f, 0, 0, bad("agentId", "a decimal agent id")
		}
		f.AgentID = v
	}
	if v := get("principal"); v != "" {
		if !common.IsHexAddress(v) {
			return f, 0, 0, bad("principal", "an address")
		}
		f.Principal = strings.ToLower(common.HexToAddress(v).Hex())
	}
	if v := get("subject"); v != "" {
		if len(v) > 100 {
			return f, 0, 0, bad("subject", "at most 100 characters")
		}
		f.Subject = v
	}
	for name, dst := range map[string]*time.Time{"from": &f.From, "to": &f.To} {
		if v := get(name); v != "" {
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				return f, 0, 0, bad(name, "RFC 3339")
			}
			*dst = t
		}
	}
	after, limit := int64(-1), defaultAuditEntries
	if v := get("after"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			return f, 0, 0, bad("after", "a leaf index")
		}
		after = n
	}
	if v := get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > audit.MaxEntries {
			return f, 0, 0, bad("limit", "1 to %d", audit.MaxEntries)
		}
		limit = n
	}
	return f, after, limit, nil
}
