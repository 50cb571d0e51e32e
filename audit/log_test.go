package audit_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/mod/sumdb/note"

	"github.com/agoralabs/agora/audit"
	"github.com/agoralabs/agora/internal/pgtest"
	"github.com/agoralabs/agora/postgres"
)

// testLog is a migrated database with an operator key.
type testLog struct {
	pool     *pgxpool.Pool
	signer   note.Signer
	verifier note.Verifier
}

func newTestLog(t testing.TB) *testLog {
	t.Helper()
	url := pgtest.New(t)
	ctx := context.Background()
	if _, err := postgres.Migrate(ctx, url); err != nil {
		t.Fatal(err)
	}
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	skey, vkey, err := audit.GenerateKey("agora.test/audit")
	if err != nil {
		t.Fatal(err)
	}
	l := &testLog{pool: pool}
	if l.signer, err = audit.NewSigner(skey); err != nil {
		t.Fatal(err)
	}
	if l.verifier, err = audit.NewVerifier(vkey); err != nil {
		t.Fatal(err)
	}
	return l
}

// entry is the i-th test entry of writer w: agents 1..5, principals a and b.
func entry(w, i int) audit.Entry {
	return audit.Entry{Action: "quote.accepted", Actor: fmt.Sprintf("0x%040x", 0xa0+w), Principal: fmt.Sprintf("0x%040x", 0xb0+i%2),
		AgentID: strconv.Itoa(1 + i%5), Subject: fmt.Sprintf("rfq:%d", i/10), Inputs: map[string]string{"price": strconv.Itoa(i), "writer": strconv.Itoa(w)},
		Outcome: "accepted", Rule: "first_price"}
}

// fill records n entries from each of writers concurrent writers (gateways) and integrates them with two
// sequencers competing for the lock, signing heads along the way.
func (l *testLog) fill(t testing.TB, writers, n int) {
	t.Helper()
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, writers*n)
	for w := range writers {
		wr := audit.NewWriter(l.pool, "gateway:"+strconv.Itoa(w), nil)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer wr.Close()
			var inner sync.WaitGroup
			for i := range n {
				inner.Add(1)
				go func() { defer inner.Done(); errs <- wr.Record(ctx, entry(w, i)) }()
			}
			inner.Wait()
		}()
	}
	seqs := []*audit.Sequencer{audit.NewSequencer(l.pool, l.signer, nil), audit.NewSequencer(l.pool, l.signer, nil)}
	sctx, stop := context.WithCancel(ctx)
	var sw sync.WaitGroup
	for _, s := range seqs {
		s.Batch, s.Interval, s.CheckpointEvery = 97, 5*time.Millisecond, 0
		sw.Add(1)
		go func() { defer sw.Done(); s.Run(sctx) }()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	want := int64(writers * n)
	deadline := time.Now().Add(30 * time.Second)
	for {
		var size int64
		_ = l.pool.QueryRow(ctx, `SELECT coalesce(max(size), 0) FROM audit_checkpoints`).Scan(&size)
		if size == want {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the tree was signed at %d entries, want %d", size, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
	stop()
	sw.Wait()
}

func (l *testLog) exec(t testing.TB, sql string, args ...any) {
	t.Helper()
	if _, err := l.pool.Exec(context.Background(), sql, args...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func TestLog(t *testing.T) {
	l := newTestLog(t)
	ctx := context.Background()
	l.fill(t, 3, 200)

	rep, err := audit.VerifyDB(ctx, l.pool, l.verifier)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Entries != 600 || rep.Size != 600 || rep.Unsigned != 0 || rep.Checkpoints < 2 {
		t.Fatalf("report %+v", rep)
	}
	// Every writer's entries are there, each writer's in the order it stored them.
	var writers int
	if err := l.pool.QueryRow(ctx, `SELECT count(DISTINCT actor) FROM audit_log`).Scan(&writers); err != nil || writers != 3 {
		t.Fatalf("%d writers (%v)", writers, err)
	}

	// Inclusion proofs of entries in every signed head verify; so do consistency proofs between heads.
	rows, err := l.pool.Query(ctx, `SELECT size, root FROM audit_checkpoints ORDER BY size`)
	if err != nil {
		t.Fatal(err)
	}
	type head struct {
		size uint64
		root []byte
	}
	var heads []head
	for rows.Next() {
		var h head
		var size int64
		if err := rows.Scan(&size, &h.root); err != nil {
			t.Fatal(err)
		}
		h.size = uint64(size)
		heads = append(heads, h)
	}
	rows.Close()
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		h := heads[rnd.IntN(len(heads))]
		i := rnd.Uint64N(h.size)
		var e []byte
		if err := l.pool.QueryRow(ctx, `SELECT entry FROM audit_log WHERE seq = $1`, int64(i)).Scan(&e); err != nil {
			t.Fatal(err)
		}
		p, err := audit.InclusionProof(ctx, l.pool, i, h.size)
		if err != nil {
			t.Fatal(err)
		}
		if err := audit.VerifyInclusion(i, h.size, audit.LeafHash(e), p, h.root); err != nil {
			t.Fatalf("entry %d in the head of %d: %v", i, h.size, err)
		}
		// The proof of one entry does not prove another.
		if err := audit.VerifyInclusion(i, h.size, audit.LeafHash(append(e, ' ')), p, h.root); err == nil {
			t.Fatal("a changed entry verified")
		}
		a, b := heads[rnd.IntN(len(heads))], heads[rnd.IntN(len(heads))]
		if a.size > b.size {
			a, b = b, a
		}
		cp, err := audit.ConsistencyProof(ctx, l.pool, a.size, b.size)
		if err != nil {
			t.Fatal(err)
		}
		if err := audit.VerifyConsistency(a.size, b.size, cp, a.root, b.root); err != nil {
			t.Fatalf("consistency %d -> %d: %v", a.size, b.size, err)
		}
	}
	if _, err := audit.InclusionProof(ctx, l.pool, 600, 600); err == nil {
		t.Fatal("a proof of an entry beyond the tree")
	}

	// A writer refuses an invalid entry at once; nothing is stored.
	w := audit.NewWriter(l.pool, "gateway:x", nil)
	defer w.Close()
	if err := w.Record(ctx, audit.Entry{Action: "x", Outcome: "ok"}); err == nil {
		t.Fatal("an invalid entry was recorded")
	}
	var pending int
	if err := l.pool.QueryRow(ctx, `SELECT count(*) FROM audit_pending`).Scan(&pending); err != nil || pending != 0 {
		t.Fatalf("%d pending (%v)", pending, err)
	}
	// A sequencer with another origin's key refuses to extend this tree.
	skey, _, _ := audit.GenerateKey("another.log")
	other, _ := audit.NewSigner(skey)
	if err := w.Record(ctx, entry(9, 0)); err != nil {
		t.Fatal(err)
	}
	if _, err := audit.NewSequencer(l.pool, other, nil).Step(ctx); err == nil || !strings.Contains(err.Error(), "another origin") {
		t.Fatalf("another origin's sequencer: %v", err)
	}
}

// Each kind of tampering is caught, and the first bad entry named.
func TestVerifyCatchesTampering(t *testing.T) {
	ctx := context.Background()
	base := newTestLog(t)
	base.fill(t, 2, 50) // 100 entries
	if _, err := audit.VerifyDB(ctx, base.pool, base.verifier); err != nil {
		t.Fatal(err)
	}
	// Each case runs in a transaction rolled back afterwards.
	cases := []struct {
		name   string
		tamper string
		entry  int64 // the entry named, -1: a checkpoint
		reason string
	}{
		{"flip one byte of one field", `UPDATE audit_log SET entry = convert_to(replace(convert_from(entry, 'UTF8'), '"outcome":"accepted"', '"outcome":"acceptee"'), 'UTF8') WHERE seq = 17`,
			17, "do not hash to its leaf hash"},
		{"flip a byte and its leaf hash", `UPDATE audit_log SET entry = convert_to(replace(convert_from(entry, 'UTF8'), '"outcome":"accepted"', '"outcome":"acceptee"'), 'UTF8'),
			leaf_hash = sha256('\x00'::bytea || convert_to(replace(convert_from(entry, 'UTF8'), '"outcome":"accepted"', '"outcome":"acceptee"'), 'UTF8')) WHERE seq = 17`,
			17, "not the tree's leaf"},
		{"rewrite an entry, its leaf and the tree's leaf", `WITH x AS (SELECT sha256('\x00'::bytea || convert_to(replace(convert_from(entry, 'UTF8'), '"outcome":"accepted"', '"outcome":"acceptee"'), 'UTF8')) h FROM audit_log WHERE seq = 17),
			a AS (UPDATE audit_log SET entry = convert_to(replace(convert_from(entry, 'UTF8'), '"outcome":"accepted"', '"outcome":"acceptee"'), 'UTF8'), leaf_hash = (SELECT h FROM x) WHERE seq = 17)
			UPDATE audit_nodes SET hash = (SELECT h FROM x) WHERE level = 0 AND idx = 17`,
			-1, "was changed, moved or replaced"},
		{"change a column an entry is found by", `UPDATE audit_log SET agent_id = 99 WHERE seq = 23`, 23, "agent_id column"},
		{"delete an entry", `DELETE FROM audit_log WHERE seq = 40`, 40, "is missing"},
		{"reorder two", `UPDATE audit_log SET seq = 1000000 WHERE seq = 5; UPDATE audit_log SET seq = 5 WHERE seq = 6;
			UPDATE audit_log SET seq = 6 WHERE seq = 1000000`, 5, "not the tree's leaf"},
		{"truncate the tail", `DELETE FROM audit_log WHERE seq >= 90`, 90, "the tail was cut"},
		{"forge a tree head", `UPDATE audit_checkpoints SET note = replace(note, E'\n' || size || E'\n', E'\n' || (size + 1) || E'\n') WHERE size = (SELECT max(size) FROM audit_checkpoints)`,
			-1, "forged or altered tree head"},
		{"change a signed root", `UPDATE audit_checkpoints SET root = sha256(root) WHERE size = (SELECT max(size) FROM audit_checkpoints)`,
			-1, "the row says root"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tx, err := base.pool.Begin(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback(ctx)
			if _, err := tx.Exec(ctx, c.tamper); err != nil {
				t.Fatal(err)
			}
			_, err = audit.VerifyDB(ctx, tx, base.verifier)
			p, ok := audit.AsProblem(err)
			if !ok || p.Entry != c.entry || !strings.Contains(p.Reason, c.reason) {
				t.Fatalf("got %v, want entry %d: …%s…", err, c.entry, c.reason)
			}
		})
	}
	// A head anchored on chain that the entries no longer rebuild; and one beyond the end of the log.
	t.Run("anchors", func(t *testing.T) {
		cp, err := audit.CheckpointOf(ctx, base.pool, 100)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := audit.VerifyDB(ctx, base.pool, base.verifier, audit.Anchor{Size: 100, Root: cp.Root, Block: 9, Tx: "0x01"})
		if err != nil || rep.Anchors != 1 {
			t.Fatalf("a true anchor: %+v %v", rep, err)
		}
		_, err = audit.VerifyDB(ctx, base.pool, base.verifier, audit.Anchor{Size: 60, Root: cp.Root, Block: 9, Tx: "0x01"})
		if p, ok := audit.AsProblem(err); !ok || !strings.Contains(p.Reason, "anchored on chain at size 60") {
			t.Fatalf("a rewritten log: %v", err)
		}
		_, err = audit.VerifyDB(ctx, base.pool, base.verifier, audit.Anchor{Size: 150, Root: cp.Root, Block: 9, Tx: "0x01"})
		if p, ok := audit.AsProblem(err); !ok || p.Entry != 100 || !strings.Contains(p.Reason, "anchored on chain") {
			t.Fatalf("a cut tail: %v", err)
		}
	})
	// A head forged with another key of the same name, inserted as a new checkpoint.
	t.Run("a head signed by another key", func(t *testing.T) {
		skey, _, _ := audit.GenerateKey("agora.test/audit")
		s, _ := audit.NewSigner(skey)
		root := bytes.Repeat([]byte{7}, 32)
		text, _ := audit.SignCheckpoint(s, 100, root)
		tx, err := base.pool.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback(ctx)
		if _, err := tx.Exec(ctx, `DELETE FROM audit_checkpoints WHERE size = 100`); err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO audit_checkpoints (size, root, note) VALUES (100, $1, $2)`, root, text); err != nil {
			t.Fatal(err)
		}
		if _, err := audit.VerifyDB(ctx, tx, base.verifier); err == nil || !strings.Contains(err.Error(), "checkpoint of size 100") {
			t.Fatalf("got %v", err)
		}
	})
}
