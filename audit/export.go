package audit

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	fastjson "github.com/goccy/go-json"
	"github.com/jackc/pgx/v5"
	"github.com/transparency-dev/merkle/compact"
	"github.com/transparency-dev/merkle/proof"
	"github.com/transparency-dev/merkle/rfc6962"
	"golang.org/x/mod/sumdb/note"
)

// An export is JSON Lines: first the signed head it is checked against, then the entries in leaf order,
// each with its inclusion proof in that head (unless the export is every entry from the first, whose root
// the verifier rebuilds):
//
//	{"type":"checkpoint","size":1234,"note":"<the C2SP signed note>"}
//	{"type":"entry","seq":0,"entry":{…the entry…},"proof":["<base64 hash>",…]}

// Line is one line of an export.
type Line struct {
	Type  string          `json:"type"` // checkpoint, entry
	Size  uint64          `json:"size,omitempty"`
	Note  string          `json:"note,omitempty"`
	Seq   uint64          `json:"seq"`
	Entry json.RawMessage `json:"entry,omitempty"`
	Proof [][]byte        `json:"proof,omitempty"`
}

// Filter selects the entries of an export. Empty fields select everything.
type Filter struct {
	From, To  time.Time // the entries' own times, [From, To)
	AgentID   string
	Principal string
	Actor     string
	Subject   string
	FromSeq   uint64 // leaves [FromSeq, ToSeq); ToSeq 0: to the checkpoint's size
	ToSeq     uint64
	// NoProofs leaves the proofs out: only for an export of every entry from the first, whose root the
	// verifier rebuilds.
	NoProofs bool
}

// exportChunk is how many entries an export reads (and proves) at a time.
const exportChunk = 500

// Export writes the entries f selects, up to the newest checkpoint, with that checkpoint and their proofs.
// It returns how many entries it wrote.
func Export(ctx context.Context, q Querier, w io.Writer, f Filter) (int, error) {
	cp, err := LatestCheckpoint(ctx, q)
	if err != nil {
		return 0, err
	}
	return ExportAt(ctx, q, w, f, cp)
}

// ExportAt is Export against the given checkpoint.
func ExportAt(ctx context.Context, q Querier, w io.Writer, f Filter, cp *StoredCheckpoint) (int, error) {
	if f.NoProofs && (f != Filter{NoProofs: true}) {
		return 0, fmt.Errorf("audit: an export without proofs must hold every entry from the first")
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	head := struct {
		Type string `json:"type"`
		Size uint64 `json:"size"`
		Note string `json:"note"`
	}{"checkpoint", cp.Size, cp.Note}
	if err := enc.Encode(head); err != nil {
		return 0, err
	}
	to := cp.Size
	if f.ToSeq != 0 && f.ToSeq < to {
		to = f.ToSeq
	}
	where, args := f.where([]any{int64(f.FromSeq), int64(to)})
	n := 0
	after := int64(f.FromSeq) - 1
	for {
		lines, err := readLines(ctx, q, where, args, after, exportChunk, cp, !f.NoProofs)
		if err != nil {
			return n, err
		}
		if len(lines) == 0 {
			break
		}
		for _, l := range lines {
			if err := enc.Encode(l); err != nil {
				return n, err
			}
			n++
		}
		after = int64(lines[len(lines)-1].Seq)
	}
	return n, bw.Flush()
}

// where is the SQL condition (" AND …" terms) of f's fields after args (whose placeholders it numbers on).
func (f Filter) where(args []any) (string, []any) {
	var b strings.Builder
	add := func(cond string, v any) {
		args = append(args, v)
		fmt.Fprintf(&b, " AND "+cond, len(args))
	}
	if !f.From.IsZero() {
		add("time >= $%d", f.From)
	}
	if !f.To.IsZero() {
		add("time < $%d", f.To)
	}
	if f.AgentID != "" {
		add("agent_id = $%d::text::numeric", f.AgentID)
	}
	if f.Principal != "" {
		add("principal = $%d", strings.ToLower(f.Principal))
	}
	if f.Actor != "" {
		add("actor = $%d", strings.ToLower(f.Actor))
	}
	if f.Subject != "" {
		add("subject = $%d", f.Subject)
	}
	return b.String(), args
}

// Reader is who reads entries: an auditor reads everything (All); anyone else the entries that name its
// address as principal or actor, or one of its agents (AgentIDs: those it owns or is the wallet of).
type Reader struct {
	All      bool
	Address  string // lower-case 0x address
	AgentIDs []string
}

// MaxEntries bounds one read of Entries.
const MaxEntries = 1000

// Entries returns up to limit entries after leaf after (-1: from the first) that f selects and r may read,
// with their inclusion proofs in cp, and whether more follow.
func Entries(ctx context.Context, q Querier, f Filter, r Reader, after int64, limit int, cp *StoredCheckpoint) ([]Line, bool, error) {
	limit = max(1, min(limit, MaxEntries))
	where, args := f.where([]any{after, int64(cp.Size)})
	if !r.All {
		args = append(args, strings.ToLower(r.Address), r.AgentIDs)
		where += fmt.Sprintf(" AND (principal = $%d OR actor = $%d OR agent_id = ANY($%d::text[]::numeric[]))", len(args)-1, len(args)-1, len(args))
	}
	out, err := readLines(ctx, q, where, args, after, limit+1, cp, false)
	if err != nil {
		return nil, false, err
	}
	more := len(out) > limit
	if more {
		out = out[:limit]
	}
	if err := prove(ctx, q, out, cp.Size); err != nil {
		return nil, false, err
	}
	return out, more, nil
}

// readLines reads up to limit entries after leaf after that where selects (args: where's arguments, the
// first two placeholders being after and the end of the range), in leaf order, each with its inclusion
// proof in cp when proofs is set.
func readLines(ctx context.Context, q Querier, where string, args []any, after int64, limit int, cp *StoredCheckpoint,
	proofs bool) ([]Line, error) {
	args = append([]any{after}, args[1:]...)
	rows, err := q.Query(ctx, `SELECT seq, entry FROM audit_log WHERE seq > $1 AND seq < $2`+where+
		fmt.Sprintf(` ORDER BY seq LIMIT %d`, limit), args...)
	if err != nil {
		return nil, fmt.Errorf("audit: read entries: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Line, error) {
		var seq int64
		l := Line{Type: "entry"}
		err := r.Scan(&seq, &l.Entry)
		l.Seq = uint64(seq)
		return l, err
	})
	if err != nil {
		return nil, fmt.Errorf("audit: read entries: %w", err)
	}
	if proofs {
		if err := prove(ctx, q, out, cp.Size); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// prove fills the inclusion proofs of lines in the tree of size.
func prove(ctx context.Context, q Querier, lines []Line, size uint64) error {
	if len(lines) == 0 {
		return nil
	}
	seqs := make([]uint64, len(lines))
	for i := range lines {
		seqs[i] = lines[i].Seq
	}
	proofs, err := inclusionProofs(ctx, q, seqs, size)
	if err != nil {
		return err
	}
	for i := range lines {
		lines[i].Proof = proofs[i]
	}
	return nil
}

// inclusionProofs proves many entries in one tree size, reading the nodes they need in one query.
func inclusionProofs(ctx context.Context, q Querier, seqs []uint64, size uint64) ([][][]byte, error) {
	all := make([]proof.Nodes, len(seqs))
	seen := map[compact.NodeID]int{}
	var ids []compact.NodeID
	for i, seq := range seqs {
		nodes, err := proof.Inclusion(seq, size)
		if err != nil {
			return nil, fmt.Errorf("audit: %w", err)
		}
		all[i] = nodes
		for _, id := range nodes.IDs {
			if _, ok := seen[id]; !ok {
				seen[id] = len(ids)
				ids = append(ids, id)
			}
		}
	}
	hashes, err := nodeHashes(ctx, q, ids)
	if err != nil {
		return nil, err
	}
	out := make([][][]byte, len(seqs))
	for i, nodes := range all {
		hs := make([][]byte, len(nodes.IDs))
		for j, id := range nodes.IDs {
			hs[j] = hashes[seen[id]]
		}
		if out[i], err = nodes.Rehash(hs, rfc6962.DefaultHasher.HashChildren); err != nil {
			return nil, fmt.Errorf("audit: %w", err)
		}
	}
	return out, nil
}

// VerifyExport checks an export offline: the checkpoint's signature by v, then every entry's form and
// canonical hash, its order, and its inclusion proof in the checkpoint (or, for an export without proofs,
// that the entries are every one from the first and rebuild the signed root). The first problem is
// returned as a *Problem.
func VerifyExport(r io.Reader, v note.Verifier) (*Report, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	if !sc.Scan() {
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("audit: read export: %w", err)
		}
		return nil, logProblem("the export is empty")
	}
	var head Line
	if err := json.Unmarshal(sc.Bytes(), &head); err != nil || head.Type != "checkpoint" {
		return nil, logProblem("the export's first line is not its checkpoint")
	}
	cp, err := OpenCheckpoint(head.Note, v)
	if err != nil {
		return nil, logProblem("checkpoint: %v (a forged or altered tree head)", err)
	}
	rep := &Report{Size: cp.Size, Checkpoints: 1, Root: hex.EncodeToString(cp.Root)}
	var rng *compact.Range // entries without proofs: the tree rebuilt
	var last int64 = -1
	// Each line is decoded, canonicalised, hashed and its proof checked on every core; the order, and the tree
	// of an export without proofs, in order.
	type line struct {
		n       int
		raw     []byte
		l       Line
		leaf    []byte
		problem *Problem
	}
	n := 1
	read := func() (line, bool, error) {
		if !sc.Scan() {
			return line{}, false, sc.Err()
		}
		n++
		return line{n: n, raw: bytes.Clone(sc.Bytes())}, true, nil
	}
	check := func(x *line) {
		dec := fastjson.NewDecoder(bytes.NewReader(x.raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&x.l); err != nil || x.l.Type != "entry" || len(x.l.Entry) == 0 {
			x.problem = logProblem("line %d is not an entry of an export", x.n)
			return
		}
		// The entry's content, in its canonical form: an export may be reformatted, not changed.
		e, err := Parse(x.l.Entry)
		if err != nil {
			x.problem = entryProblem(x.l.Seq, "%v", err)
			return
		}
		x.leaf = LeafHash(e.appendCanonical(nil))
		if x.l.Proof != nil && x.l.Seq < cp.Size {
			if err := VerifyInclusion(x.l.Seq, cp.Size, x.leaf, x.l.Proof, cp.Root); err != nil {
				x.problem = entryProblem(x.l.Seq, "is not in the signed tree: its contents or its proof were changed (%v)", err)
			}
		}
	}
	err = inOrder(context.Background(), read, check, func(x *line) error {
		l := x.l
		if x.problem != nil && x.problem.Entry < 0 {
			return x.problem
		}
		switch {
		case int64(l.Seq) == last:
			return entryProblem(l.Seq, "appears twice")
		case int64(l.Seq) < last:
			return entryProblem(l.Seq, "is out of order: it comes after entry %d", last)
		case l.Seq >= cp.Size:
			return entryProblem(l.Seq, "is beyond the checkpoint's %d entries", cp.Size)
		}
		if l.Proof == nil {
			if rng == nil {
				if last != -1 {
					return entryProblem(l.Seq, "has no proof, after entries with proofs")
				}
				rng = factory.NewEmptyRange(0)
			}
			if l.Seq != rng.End() {
				return entryProblem(rng.End(), "is missing: the export goes from entry %d to entry %d", int64(rng.End())-1, l.Seq)
			}
		} else if rng != nil {
			return entryProblem(l.Seq, "has a proof, after entries without")
		}
		if x.problem != nil {
			return x.problem
		}
		if rng != nil {
			if err := rng.Append(x.leaf, nil); err != nil {
				return err
			}
		}
		last = int64(l.Seq)
		rep.Entries++
		return nil
	})
	if err != nil {
		if p, ok := AsProblem(err); ok {
			return nil, p
		}
		return nil, fmt.Errorf("audit: read export: %w", err)
	}
	if rng != nil {
		if rng.End() != cp.Size {
			return nil, entryProblem(rng.End(), "is missing: the export ends with %d entries, the checkpoint has %d (the tail was cut)", rng.End(), cp.Size)
		}
		root, err := rng.GetRootHash(nil)
		if err != nil {
			return nil, err
		}
		if !bytes.Equal(root, cp.Root) {
			return nil, logProblem("the entries hash to root %x, the signed root is %x: an entry was changed, moved or replaced", root, cp.Root)
		}
	}
	return rep, nil
}
