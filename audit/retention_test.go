package audit_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/agoralabs/agora/audit"
)

func TestPrune(t *testing.T) {
	ctx := context.Background()
	l := newTestLog(t)
	l.fill(t, 2, 50) // 100 entries, placed this month
	// Back-date the first 40 to March and the next 20 to April (rows move partitions).
	l.exec(t, `CREATE TABLE audit_log_2026_03 PARTITION OF audit_log FOR VALUES FROM ('2026-03-01') TO ('2026-04-01')`)
	l.exec(t, `CREATE TABLE audit_log_2026_04 PARTITION OF audit_log FOR VALUES FROM ('2026-04-01') TO ('2026-05-01')`)
	l.exec(t, `UPDATE audit_log SET logged_at = '2026-03-15' WHERE seq < 40`)
	l.exec(t, `UPDATE audit_log SET logged_at = '2026-04-15' WHERE seq >= 40 AND seq < 60`)
	now := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
	dir := t.TempDir()

	// Within six months: refused, nothing dropped.
	if _, err := audit.Prune(ctx, l.pool, l.verifier, dir, time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), now); err == nil ||
		!strings.Contains(err.Error(), "at least 6 months") {
		t.Fatalf("a prune within six months: %v", err)
	}
	// Before May: March and April go.
	arch, err := audit.Prune(ctx, l.pool, l.verifier, dir, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), now)
	if err != nil {
		t.Fatal(err)
	}
	if len(arch) != 2 || arch[0].Entries != 40 || arch[0].FirstSeq != 0 || arch[0].LastSeq != 39 || arch[1].Entries != 20 || arch[1].FirstSeq != 40 {
		t.Fatalf("archives %+v", arch)
	}
	var left int
	if err := l.pool.QueryRow(ctx, `SELECT count(*) FROM audit_log`).Scan(&left); err != nil || left != 40 {
		t.Fatalf("%d entries left online (%v), want 40", left, err)
	}
	if err := l.pool.QueryRow(ctx, `SELECT count(*) FROM pg_class WHERE relname IN ('audit_log_2026_03', 'audit_log_2026_04')`).Scan(&left); err != nil || left != 0 {
		t.Fatalf("%d pruned partitions still there (%v)", left, err)
	}
	// The database still verifies (the pruned leaves come from the tree), and so does each archive offline.
	rep, err := audit.VerifyDB(ctx, l.pool, l.verifier)
	if err != nil || rep.Archived != 60 || rep.Entries != 40 || rep.Size != 100 {
		t.Fatalf("after the prune: %+v %v", rep, err)
	}
	for _, a := range arch {
		f, err := os.Open(a.File)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := audit.VerifyExport(f, l.verifier)
		f.Close()
		if err != nil || int64(rep.Entries) != a.Entries {
			t.Fatalf("archive %s: %+v %v", a.File, rep, err)
		}
	}
	// A proof of a pruned entry is still served from the tree.
	cp, err := audit.LatestCheckpoint(ctx, l.pool)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := audit.LeafHashAt(ctx, l.pool, 7)
	if err != nil {
		t.Fatal(err)
	}
	p, err := audit.InclusionProof(ctx, l.pool, 7, cp.Size)
	if err != nil || audit.VerifyInclusion(7, cp.Size, leaf, p, cp.Root) != nil {
		t.Fatalf("proof of a pruned entry: %v", err)
	}
	// A changed archived leaf is still caught.
	tx, err := l.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `UPDATE audit_nodes SET hash = sha256(hash) WHERE level = 0 AND idx = 3`); err != nil {
		t.Fatal(err)
	}
	if _, err := audit.VerifyDB(ctx, tx, l.verifier); err == nil {
		t.Fatal("a changed pruned leaf verified")
	}
	tx.Rollback(ctx)
	// An archive is never overwritten: pruning March again is nothing to do, and a file in the way is refused.
	if arch, err := audit.Prune(ctx, l.pool, l.verifier, dir, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), now); err != nil || len(arch) != 0 {
		t.Fatalf("a second prune: %+v %v", arch, err)
	}
	if names, _ := filepath.Glob(filepath.Join(dir, "*.jsonl")); len(names) != 2 {
		t.Fatalf("archive files %v", names)
	}
}
