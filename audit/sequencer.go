package audit

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/transparency-dev/merkle/compact"
	"github.com/transparency-dev/merkle/rfc6962"
	"golang.org/x/mod/sumdb/note"
)

// sequencerLock is the advisory lock key that lets one sequencer at a time extend the tree ("agora-au").
const sequencerLock = 0x61676f72612d6175

// Defaults of a Sequencer.
const (
	DefaultBatch           = 5000
	DefaultInterval        = 50 * time.Millisecond
	DefaultCheckpointEvery = time.Second
)

// Sequencer gives stored entries (audit_pending) their place in the tree, in the order they were stored, and
// signs the tree's heads. Every gateway may run one: an advisory lock lets one at a time extend the tree, so
// that many writers make one tree.
type Sequencer struct {
	pool   *pgxpool.Pool
	signer note.Signer
	log    *slog.Logger
	// Batch bounds the entries of one integration; Interval is the pause when nothing is pending;
	// CheckpointEvery is how often at most the head is signed while entries keep coming.
	Batch           int
	Interval        time.Duration
	CheckpointEvery time.Duration
	lastSigned      time.Time
	signedSize      uint64    // the size of the head this sequencer signed (or found signed) last
	partition       time.Time // the month whose partition this sequencer made sure of last
}

var factory = compact.RangeFactory{Hash: rfc6962.DefaultHasher.HashChildren}

// ErrOrigin is returned when the database's tree belongs to a log of another origin than the signer's.
var ErrOrigin = errors.New("audit: the database's tree has another origin")

// NewSequencer returns a sequencer signing heads with signer (whose name is the log's origin).
func NewSequencer(pool *pgxpool.Pool, signer note.Signer, log *slog.Logger) *Sequencer {
	if log == nil {
		log = slog.Default()
	}
	return &Sequencer{pool: pool, signer: signer, log: log, Batch: DefaultBatch, Interval: DefaultInterval,
		CheckpointEvery: DefaultCheckpointEvery}
}

// Run integrates and signs until ctx ends. While nothing is pending the pause between steps doubles, up to
// 20 Intervals (a second by default), so that idle gateways do not poll the database 20 times a second each.
func (s *Sequencer) Run(ctx context.Context) {
	pause := s.Interval
	for ctx.Err() == nil {
		n, err := s.Step(ctx)
		if err != nil && ctx.Err() == nil {
			s.log.Warn("audit: integration failed", "err", err)
		}
		switch {
		case n == s.Batch && err == nil:
			continue // a backlog: go on at once
		case n > 0:
			pause = s.Interval
		default:
			pause = min(2*pause, 20*s.Interval)
		}
		select {
		case <-ctx.Done():
		case <-time.After(pause):
		}
	}
}

// Step integrates up to Batch pending entries and signs the head when one is due: when the tree has grown
// since the head this sequencer signed last and that was at least CheckpointEvery ago (an entry waits at most
// about that long for a head that proves it). It returns how many entries it integrated (0 when another
// sequencer holds the lock).
func (s *Sequencer) Step(ctx context.Context) (int, error) {
	n, size, root, err := s.integrate(ctx)
	if err != nil || root == nil || size == s.signedSize || time.Since(s.lastSigned) < s.CheckpointEvery {
		return n, err
	}
	return n, s.sign(ctx, size, root)
}

// tree is the stored tree: its size and compact range.
type tree struct {
	size     uint64
	rng      *compact.Range
	origin   string
	loggedAt time.Time
}

// loadTree reads the stored tree (an empty one when none is stored).
func loadTree(ctx context.Context, q pgx.Tx, lock bool) (*tree, error) {
	sql := `SELECT size, compact, origin, logged_at FROM audit_tree`
	if lock {
		sql += ` FOR UPDATE`
	}
	var size int64
	var hashes [][]byte
	var origin string
	var loggedAt time.Time
	err := q.QueryRow(ctx, sql).Scan(&size, &hashes, &origin, &loggedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return &tree{rng: factory.NewEmptyRange(0)}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("audit: read the tree: %w", err)
	}
	rng, err := factory.NewRange(0, uint64(size), hashes)
	if err != nil {
		return nil, fmt.Errorf("audit: the stored tree is not a compact range of %d leaves: %w", size, err)
	}
	return &tree{size: uint64(size), rng: rng, origin: origin, loggedAt: loggedAt}, nil
}

// integrate moves up to Batch pending entries into the tree in one transaction and returns how many, with
// the tree's new size and root (nil root: nothing to sign, or another sequencer holds the lock).
func (s *Sequencer) integrate(ctx context.Context) (int, uint64, []byte, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return 0, 0, nil, fmt.Errorf("audit: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	var locked bool
	if err := tx.QueryRow(ctx, `SELECT pg_try_advisory_xact_lock($1)`, int64(sequencerLock)).Scan(&locked); err != nil || !locked {
		return 0, 0, nil, err
	}
	t, err := loadTree(ctx, tx, true)
	if err != nil {
		return 0, 0, nil, err
	}
	if t.origin != "" && t.origin != s.signer.Name() {
		return 0, 0, nil, fmt.Errorf("%w: %q, the signer's is %q", ErrOrigin, t.origin, s.signer.Name())
	}
	rows, err := tx.Query(ctx, `SELECT id, entry FROM audit_pending ORDER BY id LIMIT $1`, s.Batch)
	if err != nil {
		return 0, 0, nil, fmt.Errorf("audit: read pending entries: %w", err)
	}
	var ids []int64
	var leaves [][]byte
	for rows.Next() {
		var id int64
		var entry []byte
		if err := rows.Scan(&id, &entry); err != nil {
			rows.Close()
			return 0, 0, nil, fmt.Errorf("audit: read pending entries: %w", err)
		}
		ids = append(ids, id)
		leaves = append(leaves, LeafHash(entry))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, 0, nil, fmt.Errorf("audit: read pending entries: %w", err)
	}
	if len(ids) == 0 {
		if t.size == 0 {
			return 0, 0, nil, nil
		}
		root, err := t.rng.GetRootHash(nil)
		return 0, t.size, root, err
	}
	// The time of the placing never decreases, so that each month's partition holds a contiguous range of
	// leaves (what agora audit prune exports and drops).
	var now time.Time
	if err := tx.QueryRow(ctx, `SELECT now()`).Scan(&now); err != nil {
		return 0, 0, nil, fmt.Errorf("audit: %w", err)
	}
	if now.Before(t.loggedAt) {
		now = t.loggedAt
	}
	month := monthOf(now)
	if !month.Equal(s.partition) {
		if err := ensurePartition(ctx, tx, month); err != nil {
			return 0, 0, nil, err
		}
	}
	var levels []int16
	var idxs []int64
	var hashes [][]byte
	seqs := make([]int64, len(leaves))
	for i, leaf := range leaves {
		seqs[i] = int64(t.rng.End())
		if err := t.rng.Append(leaf, func(id compact.NodeID, hash []byte) {
			levels, idxs, hashes = append(levels, int16(id.Level)), append(idxs, int64(id.Index)), append(hashes, hash)
		}); err != nil {
			return 0, 0, nil, fmt.Errorf("audit: %w", err)
		}
	}
	size := t.rng.End()
	root, err := t.rng.GetRootHash(nil)
	if err != nil {
		return 0, 0, nil, fmt.Errorf("audit: %w", err)
	}
	b := &pgx.Batch{}
	b.Queue(`INSERT INTO audit_log (seq, logged_at, time, action, actor, principal, agent_id, subject, trace_id, entry, leaf_hash)
		SELECT x.seq, $4, p.time, p.action, p.actor, p.principal, p.agent_id, p.subject, p.trace_id, p.entry, x.leaf
		FROM unnest($1::bigint[], $2::bigint[], $3::bytea[]) AS x(id, seq, leaf) JOIN audit_pending p ON p.id = x.id`,
		ids, seqs, leaves, now)
	b.Queue(`INSERT INTO audit_nodes (level, idx, hash) SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])`,
		levels, idxs, hashes)
	b.Queue(`DELETE FROM audit_pending WHERE id = ANY($1)`, ids)
	b.Queue(`INSERT INTO audit_tree (size, compact, origin, logged_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (one) DO UPDATE SET size = excluded.size, compact = excluded.compact, logged_at = excluded.logged_at`,
		int64(size), t.rng.Hashes(), s.signer.Name(), now)
	br := tx.SendBatch(ctx, b)
	for range b.Len() {
		if _, err := br.Exec(); err != nil {
			br.Close()
			return 0, 0, nil, fmt.Errorf("audit: integrate %d entries: %w", len(ids), err)
		}
	}
	if err := br.Close(); err != nil {
		return 0, 0, nil, fmt.Errorf("audit: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, 0, nil, fmt.Errorf("audit: integrate %d entries: %w", len(ids), err)
	}
	s.partition = month // committed: a rolled-back creation would be made again
	metrics.integrated.Add(float64(len(ids)))
	metrics.treeSize.Set(float64(size))
	return len(ids), size, root, nil
}

// sign stores a checkpoint of (size, root) unless one of that size is stored already.
func (s *Sequencer) sign(ctx context.Context, size uint64, root []byte) error {
	var have bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM audit_checkpoints WHERE size = $1)`, int64(size)).Scan(&have); err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	if have {
		s.signedSize = size
		return nil
	}
	text, err := SignCheckpoint(s.signer, size, root)
	if err != nil {
		return err
	}
	if _, err := s.pool.Exec(ctx, `INSERT INTO audit_checkpoints (size, root, note) VALUES ($1, $2, $3) ON CONFLICT (size) DO NOTHING`,
		int64(size), root, text); err != nil {
		return fmt.Errorf("audit: store checkpoint: %w", err)
	}
	s.lastSigned, s.signedSize = time.Now(), size
	metrics.signed.Inc()
	return nil
}

// monthOf is the first instant of t's month, in UTC.
func monthOf(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// partitionName is the name of audit_log's partition of the month m.
func partitionName(m time.Time) string {
	return fmt.Sprintf("audit_log_%04d_%02d", m.Year(), int(m.Month()))
}

// ensurePartition creates audit_log's partition of the month m unless it exists.
func ensurePartition(ctx context.Context, tx pgx.Tx, m time.Time) error {
	next := m.AddDate(0, 1, 0)
	_, err := tx.Exec(ctx, fmt.Sprintf(`CREATE TABLE IF NOT EXISTS %s PARTITION OF audit_log FOR VALUES FROM ('%s') TO ('%s')`,
		partitionName(m), m.Format(time.RFC3339), next.Format(time.RFC3339)))
	if err != nil {
		return fmt.Errorf("audit: partition %s: %w", partitionName(m), err)
	}
	return nil
}
