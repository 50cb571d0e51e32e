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
		rows, err := q.Query(ctx, `SELECT seq, entry FROM audit_log WHERE seq > $1 AND seq < $2`+where+
			fmt.Sprintf(` ORDER BY seq LIMIT %d`, exportChunk), append([]any{after}, args[1:]...)...)
		if err != nil {
			return n, fmt.Errorf("audit: export: %w", err)
		}
		var seqs []uint64
		var entries [][]byte
		for rows.Next() {
			var seq int64
			var e []byte
			if err := rows.Scan(&seq, &e); err != nil {
				rows.Close()
				return n, fmt.Errorf("audit: export: %w", err)
			}
			seqs, entries = append(seqs, uint64(seq)), append(entries, e)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return n, fmt.Errorf("audit: export: %w", err)
		}
		if len(seqs) == 0 {
			break
		}
		var proofs [][][]byte
		if !f.NoProofs {
			if proofs, err = inclusionProofs(ctx, q, seqs, cp.Size); err != nil {
				return n, err
			}
		}
		for i, seq := range seqs {
			l := Line{Type: "entry", Seq: seq, Entry: entries[i]}
			if proofs != nil {
				l.Proof = proofs[i]
			}
			if err := enc.Encode(l); err != nil {
				return n, err
			}
			n++
		}
		after = int64(seqs[len(seqs)-1])
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
	rows, err := q.Query(ctx, `SELECT seq, entry FROM audit_log WHERE seq > $1 AND seq < $2`+where+
		fmt.Sprintf(` ORDER BY seq LIMIT %d`, limit+1), args...)
	if err != nil {
		return nil, false, fmt.Errorf("audit: read entries: %w", err)
	}
	var out []Line
	for rows.Next() {
		var seq int64
		var e []byte
		if err := rows.Scan(&seq, &e); err != nil {
			rows.Close()
			return nil, false, fmt.Errorf("audit: read entries: %w", err)
		}
		out = append(out, Line{Type: "entry", Seq: uint64(seq), Entry: e})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("audit: read entries: %w", err)
	}
	more := len(out) > limit
	if more {
		out = out[:limit]
	}
	seqs := make([]uint64, len(out))
	for i := range out {
		seqs[i] = out[i].Seq
	}
	if len(seqs) > 0 {
		proofs, err := inclusionProofs(ctx, q, seqs, cp.Size)
		if err != nil {
			return nil, false, err
		}
		for i := range out {
			out[i].Proof = proofs[i]
		}
	}
	return out, more, nil
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
	for line := 2; sc.Scan(); line++ {
		var l Line
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil || l.Type != "entry" || len(l.Entry) == 0 {
			return nil, logProblem("line %d is not an entry of an export", line)
		}
		switch {
		case int64(l.Seq) == last:
			return nil, entryProblem(l.Seq, "appears twice")
		case int64(l.Seq) < last:
			return nil, entryProblem(l.Seq, "is out of order: it comes after entry %d", last)
		case l.Seq >= cp.Size:
			return nil, entryProblem(l.Seq, "is beyond the checkpoint's %d entries", cp.Size)
		}
		canon, err := Canonicalize(l.Entry)
		if err != nil {
			return nil, entryProblem(l.Seq, "%v", err)
		}
		if _, err := Parse(canon); err != nil {
			return nil, entryProblem(l.Seq, "%v", err)
		}
		leaf := LeafHash(canon)
		if l.Proof == nil {
			if rng == nil {
				if last != -1 {
					return nil, entryProblem(l.Seq, "has no proof, after entries with proofs")
				}
				rng = factory.NewEmptyRange(0)
			}
			if l.Seq != rng.End() {
				return nil, entryProblem(rng.End(), "is missing: the export goes from entry %d to entry %d", int64(rng.End())-1, l.Seq)
			}
			if err := rng.Append(leaf, nil); err != nil {
				return nil, err
			}
		} else {
			if rng != nil {
				return nil, entryProblem(l.Seq, "has a proof, after entries without")
			}
			if err := VerifyInclusion(l.Seq, cp.Size, leaf, l.Proof, cp.Root); err != nil {
				return nil, entryProblem(l.Seq, "is not in the signed tree: its contents or its proof were changed (%v)", err)
			}
		}
		last = int64(l.Seq)
		rep.Entries++
	}
	if err := sc.Err(); err != nil {
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
