package audit

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/mod/sumdb/note"
)

// Retention: audit_log is partitioned by the month its entries were placed in the tree. Prune exports every
// month older than the retention as an export (JSON Lines with the proofs of its entries in the newest signed
// head: it verifies offline with VerifyExport), checks the file, records it in audit_archives and drops the
// month's partition. The tree keeps every leaf hash (audit_nodes), so VerifyDB still checks the whole tree and
// every proof is still served after a prune.

// MinRetention is the shortest retention Prune accepts: six months online, as the EU AI Act asks of the
// logs of high-risk systems (Art. 19 and 26(6)).
const MinRetention = 6

// Archive is one month exported and dropped.
type Archive struct {
	Month    time.Time `json:"month"`
	Entries  int64     `json:"entries"`
	FirstSeq int64     `json:"firstSeq"`
	LastSeq  int64     `json:"lastSeq"`
	File     string    `json:"file"`
	SHA256   string    `json:"sha256"`
}

var partitionRE = regexp.MustCompile(`^audit_log_(\d{4})_(\d{2})$`)

// partitions lists audit_log's monthly partitions, oldest first.
func partitions(ctx context.Context, q Querier) ([]time.Time, error) {
	rows, err := q.Query(ctx, `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
		WHERE i.inhparent = 'audit_log'::regclass`)
	if err != nil {
		return nil, fmt.Errorf("audit: list partitions: %w", err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("audit: list partitions: %w", err)
	}
	var out []time.Time
	for _, n := range names {
		if m := partitionRE.FindStringSubmatch(n); m != nil {
			t, err := time.Parse("2006-01", m[1]+"-"+m[2])
			if err == nil {
				out = append(out, t)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out, nil
}

// Prune exports and drops the months placed before `before` (a month's first day, UTC), writing each as
// dir/audit-YYYY-MM.jsonl, verified with v before its partition is dropped. It refuses a `before` less than
// MinRetention months before now, and a month with entries the newest signed head does not cover.
func Prune(ctx context.Context, pool *pgxpool.Pool, v note.Verifier, dir string, before, now time.Time) ([]Archive, error) {
	before = monthOf(before)
	if limit := monthOf(now).AddDate(0, -MinRetention, 0); before.After(limit) {
		return nil, fmt.Errorf("audit: entries are kept online at least %d months: prune before %s at the latest, not %s",
			MinRetention, limit.Format("2006-01"), before.Format("2006-01"))
	}
	months, err := partitions(ctx, pool)
	if err != nil {
		return nil, err
	}
	cp, err := LatestCheckpoint(ctx, pool)
	if err != nil {
		return nil, err
	}
	if _, err := OpenCheckpoint(cp.Note, v); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	var out []Archive
	for _, m := range months {
		if !m.Before(before) {
			break
		}
		a, err := pruneMonth(ctx, pool, v, dir, m, cp)
		if err != nil {
			return out, err
		}
		out = append(out, *a)
	}
	return out, nil
}

func pruneMonth(ctx context.Context, pool *pgxpool.Pool, v note.Verifier, dir string, m time.Time, cp *StoredCheckpoint) (*Archive, error) {
	name := partitionName(m)
	a := &Archive{Month: m, File: filepath.Join(dir, "audit-"+m.Format("2006-01")+".jsonl")}
	var first, last *int64
	if err := pool.QueryRow(ctx, fmt.Sprintf(`SELECT count(*), min(seq), max(seq) FROM %s`, name)).Scan(&a.Entries, &first, &last); err != nil {
		return nil, fmt.Errorf("audit: %s: %w", name, err)
	}
	if a.Entries > 0 {
		a.FirstSeq, a.LastSeq = *first, *last
		if a.LastSeq-a.FirstSeq+1 != a.Entries {
			return nil, fmt.Errorf("audit: %s holds %d entries for leaves %d..%d: run agora audit verify", name, a.Entries, a.FirstSeq, a.LastSeq)
		}
		if uint64(a.LastSeq) >= cp.Size {
			return nil, fmt.Errorf("audit: %s holds entries the newest signed head (%d) does not cover yet", name, cp.Size)
		}
	}
	if _, err := os.Stat(a.File); err == nil {
		return nil, fmt.Errorf("audit: %s exists: an archive is never overwritten", a.File)
	}
	f, err := os.OpenFile(a.File, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o640)
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	h := sha256.New()
	filter := Filter{FromSeq: uint64(a.FirstSeq), ToSeq: uint64(a.LastSeq) + 1}
	if a.Entries == 0 {
		filter = Filter{FromSeq: cp.Size, ToSeq: cp.Size} // the head alone
	}
	n, err := ExportAt(ctx, pool, io.MultiWriter(f, h), filter, cp)
	if err == nil && int64(n) != a.Entries {
		err = fmt.Errorf("exported %d of %d entries", n, a.Entries)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(a.File)
		return nil, fmt.Errorf("audit: export %s: %w", name, err)
	}
	a.SHA256 = fmt.Sprintf("%x", h.Sum(nil))
	// The file must verify before anything is dropped.
	rf, err := os.Open(a.File)
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	rep, err := VerifyExport(rf, v)
	rf.Close()
	if err != nil || int64(rep.Entries) != a.Entries {
		return nil, fmt.Errorf("audit: the export of %s does not verify (%v); nothing dropped", name, err)
	}
	var firstSeq, lastSeq any
	if a.Entries > 0 {
		firstSeq, lastSeq = a.FirstSeq, a.LastSeq
	}
	sum := h.Sum(nil)
	err = pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO audit_archives (month, entries, first_seq, last_seq, file, sha256)
			VALUES ($1, $2, $3, $4, $5, $6)`, m, a.Entries, firstSeq, lastSeq, filepath.Base(a.File), sum); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `DROP TABLE `+name)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("audit: drop %s: %w", name, err)
	}
	return a, nil
}
