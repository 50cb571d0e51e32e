package audit

import (
	"bytes"
	"cmp"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/transparency-dev/merkle/compact"
	"golang.org/x/mod/sumdb/note"
)

// Anchor is a tree head recorded on chain (the AuditAnchor contract): what the operator cannot take back.
type Anchor struct {
	Size  uint64 `json:"size"`
	Root  []byte `json:"root"`
	Block uint64 `json:"block"`
	Tx    string `json:"tx"`
}

// Report is what a verification checked.
type Report struct {
	Entries     uint64 `json:"entries"`     // entries whose contents were hashed and placed
	Archived    uint64 `json:"archived"`    // leaves of pruned months, taken from the tree's nodes
	Size        uint64 `json:"size"`        // the tree's size at the newest checkpoint verified
	Unsigned    uint64 `json:"unsigned"`    // entries after the newest checkpoint (not signed yet)
	Checkpoints int    `json:"checkpoints"` // signed heads whose signature and root were checked
	Anchors     int    `json:"anchors"`     // on-chain heads the entries were checked against
	Root        string `json:"root"`        // the newest verified root, hex
}

// Problem is a verification failure: the first bad entry (Entry >= 0) or checkpoint, and why.
type Problem struct {
	Entry  int64  `json:"entry"` // -1: not about one entry
	Reason string `json:"reason"`
}

func (p *Problem) Error() string {
	if p.Entry >= 0 {
		return fmt.Sprintf("audit: entry %d: %s", p.Entry, p.Reason)
	}
	return "audit: " + p.Reason
}

func entryProblem(i uint64, format string, a ...any) *Problem {
	return &Problem{Entry: int64(i), Reason: fmt.Sprintf(format, a...)}
}

func logProblem(format string, a ...any) *Problem {
	return &Problem{Entry: -1, Reason: fmt.Sprintf(format, a...)}
}

// AsProblem returns err's Problem, if it is one.
func AsProblem(err error) (*Problem, bool) {
	var p *Problem
	ok := errors.As(err, &p)
	return p, ok
}

// checkpoints reads and verifies every stored head, smallest first: each note must verify with v and say
// the size and root its row says.
func checkpoints(ctx context.Context, q Querier, v note.Verifier) ([]StoredCheckpoint, error) {
	rows, err := q.Query(ctx, `SELECT size, root, note FROM audit_checkpoints ORDER BY size`)
	if err != nil {
		return nil, fmt.Errorf("audit: read checkpoints: %w", err)
	}
	var out []StoredCheckpoint
	for rows.Next() {
		var c StoredCheckpoint
		var size int64
		if err := rows.Scan(&size, &c.Root, &c.Note); err != nil {
			rows.Close()
			return nil, fmt.Errorf("audit: read checkpoints: %w", err)
		}
		c.Size = uint64(size)
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("audit: read checkpoints: %w", err)
	}
	for _, c := range out {
		cp, err := OpenCheckpoint(c.Note, v)
		if err != nil {
			return nil, logProblem("checkpoint of size %d: %v (a forged or altered tree head)", c.Size, err)
		}
		if cp.Size != c.Size || !bytes.Equal(cp.Root, c.Root) {
			return nil, logProblem("checkpoint of size %d: its signed note says size %d, root %x; the row says root %x",
				c.Size, cp.Size, cp.Root, c.Root)
		}
	}
	return out, nil
}

// archivedRange is a pruned month's leaves [first, last].
type archivedRange struct{ first, last uint64 }

func archives(ctx context.Context, q Querier) ([]archivedRange, error) {
	rows, err := q.Query(ctx, `SELECT first_seq, last_seq FROM audit_archives WHERE first_seq IS NOT NULL ORDER BY first_seq`)
	if err != nil {
		return nil, fmt.Errorf("audit: read archives: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (archivedRange, error) {
		var a, b int64
		err := r.Scan(&a, &b)
		return archivedRange{uint64(a), uint64(b)}, err
	})
}

// VerifyDB checks the audit log in a database end to end: every checkpoint's signature (by v) and root,
// every entry's canonical form, leaf hash and place in the tree, the columns it is found by, that no entry
// is missing, repeated or moved, and that the stored tree is the one its entries make; and the heads
// anchored on chain, each of whose roots the entries must rebuild at its size. Pruned months are checked
// through their leaf hashes, which the tree keeps. The first problem is returned as a *Problem.
func VerifyDB(ctx context.Context, q Querier, v note.Verifier, anchors ...Anchor) (*Report, error) {
	cps, err := checkpoints(ctx, q, v)
	if err != nil {
		return nil, err
	}
	if len(cps) == 0 {
		return nil, logProblem("no checkpoint is signed: nothing to verify against")
	}
	arch, err := archives(ctx, q)
	if err != nil {
		return nil, err
	}
	rep := &Report{}
	rng := factory.NewEmptyRange(0)
	next := 0 // the next checkpoint to reach
	anchors = slices.Clone(anchors)
	slices.SortFunc(anchors, func(a, b Anchor) int { return cmp.Compare(a.Size, b.Size) })
	// place appends a leaf and checks the checkpoints and anchors it reaches.
	place := func(leaf []byte) error {
		if err := rng.Append(leaf, nil); err != nil {
			return err
		}
		for len(anchors) > 0 && anchors[0].Size == rng.End() {
			root, err := rng.GetRootHash(nil)
			if err != nil {
				return err
			}
			if !bytes.Equal(root, anchors[0].Root) {
				return logProblem("the head anchored on chain at size %d (block %d, transaction %s) has root %x; the entries hash to %x: the log was rewritten after it was anchored",
					anchors[0].Size, anchors[0].Block, anchors[0].Tx, anchors[0].Root, root)
			}
			rep.Anchors++
			anchors = anchors[1:]
		}
		for next < len(cps) && cps[next].Size == rng.End() {
			root, err := rng.GetRootHash(nil)
			if err != nil {
				return err
			}
			if !bytes.Equal(root, cps[next].Root) {
				from := uint64(0)
				if next > 0 {
					from = cps[next-1].Size
				}
				return logProblem("checkpoint of size %d: the entries hash to root %x, the signed root is %x: an entry in [%d, %d) was changed, moved or replaced",
					cps[next].Size, root, cps[next].Root, from, cps[next].Size)
			}
			rep.Checkpoints++
			rep.Size, rep.Root = cps[next].Size, hex.EncodeToString(root)
			next++
		}
		return nil
	}
	// The leaves of pruned months, read before the entries (one query at a time on q).
	archLeaves := make([][][]byte, len(arch))
	for k, a := range arch {
		if archLeaves[k], err = archivedLeaves(ctx, q, a); err != nil {
			return nil, err
		}
	}
	placeArchived := func(k int) error {
		for _, h := range archLeaves[k] {
			if err := place(h); err != nil {
				return err
			}
		}
		rep.Archived += uint64(len(archLeaves[k]))
		return nil
	}
	rows, err := q.Query(ctx, `SELECT l.seq, l.entry, l.leaf_hash, n.hash, l.time, l.action, coalesce(l.actor, ''), coalesce(l.principal, ''),
			coalesce(l.agent_id::text, ''), coalesce(l.subject, ''), coalesce(l.trace_id, '')
		FROM audit_log l LEFT JOIN audit_nodes n ON n.level = 0 AND n.idx = l.seq ORDER BY l.seq, l.logged_at`)
	if err != nil {
		return nil, fmt.Errorf("audit: read entries: %w", err)
	}
	defer rows.Close()
	type checked struct {
		logRow
		problem *Problem
	}
	read := func() (checked, bool, error) {
		var r checked
		if !rows.Next() {
			return r, false, rows.Err()
		}
		err := rows.Scan(&r.seq, &r.entry, &r.leaf, &r.node, &r.time, &r.action, &r.actor, &r.principal, &r.agentID,
			&r.subject, &r.trace)
		return r, err == nil, err
	}
	err = inOrder(ctx, read, func(r *checked) { r.problem = r.check() }, func(r *checked) error {
		i := rng.End()
		seq := uint64(r.seq)
		for k, a := range arch { // a pruned month before this entry: its leaves from the tree
			if i == a.first && seq > a.last {
				if err := placeArchived(k); err != nil {
					return err
				}
				i = rng.End()
			}
		}
		switch {
		case seq < i:
			return entryProblem(seq, "appears twice")
		case seq > i:
			return entryProblem(i, "is missing: the log goes from entry %d to entry %d", int64(i)-1, seq)
		case r.problem != nil:
			return r.problem
		}
		rep.Entries++
		return place(r.leaf)
	})
	if err != nil {
		if p, ok := AsProblem(err); ok {
			return nil, p
		}
		return nil, fmt.Errorf("audit: read entries: %w", err)
	}
	for k, a := range arch { // pruned months at the end of what is left
		if rng.End() == a.first {
			if err := placeArchived(k); err != nil {
				return nil, err
			}
		}
	}
	if next < len(cps) {
		return nil, entryProblem(rng.End(), "is missing: the log ends with %d entries, but a checkpoint of size %d was signed (the tail was cut)",
			rng.End(), cps[next].Size)
	}
	if len(anchors) > 0 {
		return nil, entryProblem(rng.End(), "is missing: the log ends with %d entries, but a head of size %d was anchored on chain (block %d): the tail was cut",
			rng.End(), anchors[0].Size, anchors[0].Block)
	}
	rep.Unsigned = rng.End() - rep.Size
	if err := checkTree(ctx, q, rng); err != nil {
		return nil, err
	}
	return rep, nil
}

// logRow is one audit_log row as VerifyDB reads it.
type logRow struct {
	seq                                               int64
	entry, leaf, node                                 []byte
	time                                              time.Time
	action, actor, principal, agentID, subject, trace string
}

// check checks one row: canonical form, the entry's own form, the leaf hash over the contents, the tree's
// leaf, and the columns the entry is found by.
func (r *logRow) check() *Problem {
	i := uint64(r.seq)
	e, err := parseCanonical(r.entry)
	if err != nil {
		return entryProblem(i, "%v", err)
	}
	leaf := LeafHash(r.entry)
	if !bytes.Equal(leaf, r.leaf) {
		return entryProblem(i, "its contents do not hash to its leaf hash: a field was changed after it was logged")
	}
	if r.node == nil {
		return entryProblem(i, "the tree has no leaf at its place")
	}
	if !bytes.Equal(leaf, r.node) {
		return entryProblem(i, "its leaf hash is not the tree's leaf at its place: entries were moved or rewritten")
	}
	cols := []struct{ name, col, field string }{
		{"action", r.action, e.Action}, {"actor", r.actor, e.Actor}, {"principal", r.principal, e.Principal},
		{"agent_id", r.agentID, e.AgentID}, {"subject", r.subject, e.Subject}, {"trace_id", r.trace, e.TraceID},
	}
	for _, c := range cols {
		if c.col != c.field {
			return entryProblem(i, "its %s column says %q, the entry says %q", c.name, c.col, c.field)
		}
	}
	if FormatTime(r.time) != e.Time {
		return entryProblem(i, "its time column says %s, the entry says %s", FormatTime(r.time), e.Time)
	}
	return nil
}

// archivedLeaves reads the leaves of a pruned month from the tree's nodes.
func archivedLeaves(ctx context.Context, q Querier, a archivedRange) ([][]byte, error) {
	rows, err := q.Query(ctx, `SELECT idx, hash FROM audit_nodes WHERE level = 0 AND idx BETWEEN $1 AND $2 ORDER BY idx`,
		int64(a.first), int64(a.last))
	if err != nil {
		return nil, fmt.Errorf("audit: read archived leaves: %w", err)
	}
	defer rows.Close()
	want := a.first
	var out [][]byte
	for rows.Next() {
		var idx int64
		var h []byte
		if err := rows.Scan(&idx, &h); err != nil {
			return nil, fmt.Errorf("audit: read archived leaves: %w", err)
		}
		if uint64(idx) != want {
			return nil, entryProblem(want, "pruned, and its leaf is missing from the tree")
		}
		out = append(out, h)
		want++
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if want != a.last+1 {
		return nil, entryProblem(want, "pruned, and its leaf is missing from the tree")
	}
	return out, nil
}

// checkTree compares the stored tree (audit_tree) with the range the entries make.
func checkTree(ctx context.Context, q Querier, rng *compact.Range) error {
	var size int64
	var hashes [][]byte
	err := q.QueryRow(ctx, `SELECT size, compact FROM audit_tree`).Scan(&size, &hashes)
	if errors.Is(err, pgx.ErrNoRows) {
		if rng.End() == 0 {
			return nil
		}
		return logProblem("the tree's state is missing")
	}
	if err != nil {
		return fmt.Errorf("audit: read the tree: %w", err)
	}
	if uint64(size) != rng.End() {
		return logProblem("the stored tree has %d leaves, the log %d", size, rng.End())
	}
	want := rng.Hashes()
	if len(want) != len(hashes) {
		return logProblem("the stored tree's compact range differs from the one the entries make")
	}
	for i := range want {
		if !bytes.Equal(want[i], hashes[i]) {
			return logProblem("the stored tree's compact range differs from the one the entries make")
		}
	}
	return nil
}
