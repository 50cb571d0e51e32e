package gateway

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/agoralabs/agora/audit"
)

// The audit log (package audit, docs/audit.md): every decision this gateway takes is an entry, stored in the
// decision's own transaction where it has one (an RFQ, a quote, a close, a signature, a penalty, a policy
// decision), so that a decision and its record commit together; the others (refusals that store nothing)
// go through the writer, which stores them within milliseconds. Every gateway with the operator's key runs a
// sequencer; one at a time extends the tree and signs its heads. Tree heads and proofs are public.

// setupAudit turns the audit log on when the operator's key is configured.
func (s *Server) setupAudit() error {
	if s.cfg.AuditKey == "" {
		return nil
	}
	signer, err := audit.NewSigner(s.cfg.AuditKey)
	if err != nil {
		return err
	}
	if s.auditKey, err = audit.VerifierKey(s.cfg.AuditKey); err != nil {
		return err
	}
	if err := audit.Register(s.cfg.Registry); err != nil {
		var dup prometheus.AlreadyRegisteredError
		if !errors.As(err, &dup) {
			return err
		}
	}
	log := s.log.With("component", "audit")
	s.auditSource = "gateway:" + s.instance
	s.auditLog = audit.NewWriter(s.durable, s.auditSource, log)
	s.sequencer = audit.NewSequencer(s.durable, signer, log)
	if s.cfg.AuditAnchorKey != nil {
		if s.cfg.AnchorBackend == nil {
			return errors.New("gateway: anchoring the audit log needs a chain (AnchorBackend)")
		}
		contract, err := s.cfg.Deployment.AuditAnchorAddress()
		if err != nil {
			return err
		}
		s.anchorer = audit.NewAnchorer(s.durable, s.cfg.AnchorBackend, contract, s.cfg.AuditAnchorKey, signer.Name(), log)
		if s.cfg.AuditAnchorEvery > 0 {
			s.anchorer.Every = s.cfg.AuditAnchorEvery
		}
	}
	return nil
}

// auditOn reports whether this gateway records its decisions.
func (s *Server) auditOn() bool { return s.auditLog != nil }

// withTrace fills the entry's trace id from ctx.
func withTrace(ctx context.Context, e audit.Entry) audit.Entry {
	if e.TraceID == "" {
		e.TraceID = audit.TraceID(ctx)
	}
	return e
}

// auditTx stores e in the caller's transaction (nothing when the log is off).
func (s *Server) auditTx(ctx context.Context, tx audit.Execer, e audit.Entry) error {
	if !s.auditOn() {
		return nil
	}
	return audit.Insert(ctx, tx, s.auditSource, withTrace(ctx, e))
}

// auditBatch queues e in the caller's pipeline (nothing when the log is off); it reports whether it did.
func (s *Server) auditBatch(ctx context.Context, b *pgx.Batch, e audit.Entry) bool {
	if !s.auditOn() {
		return false
	}
	if err := audit.Queue(b, s.auditSource, withTrace(ctx, e)); err != nil {
		s.log.Error("audit entry refused", "action", e.Action, "err", err)
		return false
	}
	return true
}

// auditAsync records e without holding the caller (a decision that stores nothing of its own).
func (s *Server) auditAsync(ctx context.Context, e audit.Entry) {
	if s.auditOn() {
		s.auditLog.Go(withTrace(ctx, e))
	}
}

// addr is an address as entries hold it.
func addr(a common.Address) string { return strings.ToLower(a.Hex()) }

// addrBytes is addr of a stored address ("" when there is none).
func addrBytes(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return addr(common.BytesToAddress(b))
}

// getAuditCheckpoint serves GET /v1/audit/checkpoint: the newest signed tree head, a C2SP tlog-checkpoint
// signed note (text/plain), as Go's checksum database and Rekor v2 serve theirs.
func (s *Server) getAuditCheckpoint(c *gin.Context) {
	if p := noQuery(c); p != nil {
		s.fail(c, p)
		return
	}
	cp, err := audit.LatestCheckpoint(c.Request.Context(), s.pool)
	if err != nil {
		s.fail(c, auditError(err))
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Data(http.StatusOK, "text/plain; charset=utf-8", []byte(cp.Note))
}

// getAuditKey serves GET /v1/audit/key: the log's origin and the operator's verifier key (an auditor should
// get the key from the operator too, not only from the server it checks).
func (s *Server) getAuditKey(c *gin.Context) {
	if p := noQuery(c); p != nil {
		s.fail(c, p)
		return
	}
	if !s.auditOn() {
		s.fail(c, problem(http.StatusNotFound, CodeAuditOff, "this gateway keeps no audit log (no operator key)"))
		return
	}
	name, _, _ := strings.Cut(s.auditKey, "+")
	sendJSON(c, http.StatusOK, gin.H{"origin": name, "verifierKey": s.auditKey})
}

type auditProof struct {
	Entry      uint64   `json:"entry"`
	Size       uint64   `json:"size"`
	LeafHash   []byte   `json:"leafHash"`
	Proof      [][]byte `json:"proof"`
	Checkpoint string   `json:"checkpoint"`
}

// getAuditProof serves GET /v1/audit/proof?entry=N[&size=M]: the RFC 6962 inclusion proof of entry N in the
// signed tree of size M (default: the newest), with that checkpoint.
func (s *Server) getAuditProof(c *gin.Context) {
	ctx := c.Request.Context()
	q, p := auditQuery(c, "entry", "size")
	if p != nil {
		s.fail(c, p)
		return
	}
	entry, ok := q["entry"]
	if !ok {
		s.fail(c, problem(http.StatusBadRequest, CodeInvalidQuery, "entry is required").withField("entry"))
		return
	}
	cp, err := s.checkpointFor(ctx, q, "size")
	if err != nil {
		s.fail(c, err)
		return
	}
	if entry >= cp.Size {
		s.fail(c, problem(http.StatusNotFound, CodeAuditEntryNotFound, "entry %d is not in the signed tree of %d entries", entry, cp.Size).withField("entry"))
		return
	}
	leaf, err := audit.LeafHashAt(ctx, s.pool, entry)
	if err == nil {
		var proof [][]byte
		if proof, err = audit.InclusionProof(ctx, s.pool, entry, cp.Size); err == nil {
			sendJSON(c, http.StatusOK, auditProof{Entry: entry, Size: cp.Size, LeafHash: leaf, Proof: proof, Checkpoint: cp.Note})
			return
		}
	}
	s.fail(c, auditError(err))
}

// getAuditConsistency serves GET /v1/audit/consistency?from=A[&to=B]: the RFC 6962 consistency proof
// between the signed trees of sizes A and B (default: the newest), with both checkpoints.
func (s *Server) getAuditConsistency(c *gin.Context) {
	ctx := c.Request.Context()
	q, p := auditQuery(c, "from", "to")
	if p != nil {
		s.fail(c, p)
		return
	}
	if _, ok := q["from"]; !ok {
		s.fail(c, problem(http.StatusBadRequest, CodeInvalidQuery, "from is required").withField("from"))
		return
	}
	from, err := s.checkpointFor(ctx, q, "from")
	if err != nil {
		s.fail(c, err)
		return
	}
	to, err := s.checkpointFor(ctx, q, "to")
	if err != nil {
		s.fail(c, err)
		return
	}
	if from.Size > to.Size {
		s.fail(c, problem(http.StatusBadRequest, CodeInvalidQuery, "from %d is beyond to %d", from.Size, to.Size).withField("from"))
		return
	}
	proof, err := audit.ConsistencyProof(ctx, s.pool, from.Size, to.Size)
	if err != nil {
		s.fail(c, auditError(err))
		return
	}
	sendJSON(c, http.StatusOK, gin.H{"from": from.Size, "to": to.Size, "proof": proof, "fromCheckpoint": from.Note,
		"toCheckpoint": to.Note})
}

// checkpointFor is the signed head of the size q[name] names, or the newest when q has none.
func (s *Server) checkpointFor(ctx context.Context, q map[string]uint64, name string) (*audit.StoredCheckpoint, error) {
	size, ok := q[name]
	if !ok {
		cp, err := audit.LatestCheckpoint(ctx, s.pool)
		return cp, auditError(err)
	}
	cp, err := audit.CheckpointOf(ctx, s.pool, size)
	if errors.Is(err, audit.ErrNoCheckpoint) {
		return nil, problem(http.StatusNotFound, CodeNoCheckpoint, "no tree head of size %d is signed", size).withField(name)
	}
	return cp, auditError(err)
}

// auditQuery reads the named non-negative integer parameters (no others).
func auditQuery(c *gin.Context, names ...string) (map[string]uint64, *Problem) {
	out := map[string]uint64{}
	for name, vs := range c.Request.URL.Query() {
		known := false
		for _, n := range names {
			known = known || n == name
		}
		if !known {
			return nil, problem(http.StatusBadRequest, CodeInvalidQuery, "unknown parameter %q", clip(name))
		}
		if len(vs) != 1 {
			return nil, problem(http.StatusBadRequest, CodeInvalidQuery, "%s is given %d times", name, len(vs)).withField(name)
		}
		n, err := strconv.ParseUint(vs[0], 10, 63)
		if err != nil {
			return nil, problem(http.StatusBadRequest, CodeInvalidQuery, "%s %q is not a non-negative integer", name, clip(vs[0])).withField(name)
		}
		out[name] = n
	}
	return out, nil
}

// noQuery refuses any query parameter.
func noQuery(c *gin.Context) *Problem {
	for name := range c.Request.URL.Query() {
		return problem(http.StatusBadRequest, CodeInvalidQuery, "unknown parameter %q", clip(name))
	}
	return nil
}

// auditError maps the audit package's errors.
func auditError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, audit.ErrNoCheckpoint):
		return problem(http.StatusNotFound, CodeNoCheckpoint, "no tree head is signed yet")
	case errors.Is(err, audit.ErrOutOfRange):
		return problem(http.StatusNotFound, CodeAuditEntryNotFound, "%v", err)
	}
	return errors.Join(errUnavailable, err)
}
