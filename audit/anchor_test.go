package audit_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/jackc/pgx/v5"
	"github.com/transparency-dev/merkle/compact"
	"github.com/transparency-dev/merkle/rfc6962"

	"github.com/agoralabs/agora/audit"
	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/internal/devchain"
)

const testOrigin = "agora.test/audit" // newTestLog's

// The anchorer anchors the newest head on a real chain; the anchors read back verify the log; an operator that
// rewrites an entry and re-signs every checkpoint with its own key passes a verification without the anchors and
// fails one with them.
func TestAnchors(t *testing.T) {
	ctx := context.Background()
	chain := devchain.Start(t)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	d, err := deployment.Deploy(ctx, chain.Client, chain.Keys[0], deployment.Options{Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	contract, err := d.AuditAnchorAddress()
	if err != nil {
		t.Fatal(err)
	}
	l := newTestLog(t)
	l.fill(t, 2, 50) // 100 entries
	key := chain.Keys[1]
	operator := crypto.PubkeyToAddress(key.PublicKey)
	a := audit.NewAnchorer(l.pool, chain.Client, contract, key, testOrigin, quiet)
	if a.Every != 10*time.Minute || a.Operator() != operator {
		t.Fatalf("anchorer: every %s, operator %s", a.Every, a.Operator())
	}

	// The first round anchors the head of 100 and records its transaction beside the checkpoint.
	first, err := a.Step(ctx)
	if err != nil || first == nil || first.Size != 100 {
		t.Fatalf("first round: %+v, %v", first, err)
	}
	cp, err := audit.CheckpointOf(ctx, l.pool, 100)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Root, cp.Root) {
		t.Fatalf("anchored root %x, the checkpoint's %x", first.Root, cp.Root)
	}
	l.checkRecorded(t, first)
	// Nothing new: nothing sent.
	if an, err := a.Step(ctx); an != nil || err != nil {
		t.Fatalf("a round with nothing new: %+v, %v", an, err)
	}

	// 20 more entries, a new head, anchored in the next round.
	w := audit.NewWriter(l.pool, "gateway:9", nil)
	for i := range 20 {
		if err := w.Record(ctx, entry(9, i)); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	if _, err := audit.NewSequencer(l.pool, l.signer, nil).Step(ctx); err != nil {
		t.Fatal(err)
	}
	second, err := a.Step(ctx)
	if err != nil || second == nil || second.Size != 120 || second.Block <= first.Block {
		t.Fatalf("second round: %+v, %v (first %+v)", second, err, first)
	}
	l.checkRecorded(t, second)

	// An anchorer stopped between the receipt and the record: the next round records it from the chain.
	l.exec(t, `UPDATE audit_checkpoints SET anchor_tx = NULL, anchor_block = NULL WHERE size = 120`)
	if an, err := a.Step(ctx); an != nil || err != nil {
		t.Fatalf("a round with the record missing: %+v, %v", an, err)
	}
	l.checkRecorded(t, second)

	// Another account's anchors of the same log id are its own: not read as the operator's.
	if _, err := audit.SendAnchor(ctx, chain.Client, contract, chain.Keys[2], testOrigin, 500, bytes.Repeat([]byte{9}, 32), 0); err != nil {
		t.Fatal(err)
	}

	// Read back: the operator's two anchors, in order, as the database recorded them.
	anchors, err := audit.ReadAnchors(ctx, chain.Client, contract, operator, testOrigin, d.StartBlock())
	if err != nil {
		t.Fatal(err)
	}
	if len(anchors) != 2 || !sameAnchor(anchors[0], *first) || !sameAnchor(anchors[1], *second) {
		t.Fatalf("anchors read back %+v, want %+v and %+v", anchors, *first, *second)
	}
	if later, err := audit.ReadAnchors(ctx, chain.Client, contract, operator, testOrigin, second.Block); err != nil || len(later) != 1 {
		t.Fatalf("anchors from block %d: %+v, %v", second.Block, later, err)
	}
	rep, err := audit.VerifyDB(ctx, l.pool, l.verifier, anchors...)
	if err != nil || rep.Anchors != 2 || rep.Size != 120 {
		t.Fatalf("verify with the anchors: %+v, %v", rep, err)
	}

	// The contract refuses a smaller head, by its custom error; and a zero root.
	_, err = audit.SendAnchor(ctx, chain.Client, contract, key, testOrigin, 60, cp.Root, 0)
	var re *audit.RevertError
	if !errors.As(err, &re) || re.Name != "SizeNotIncreasing" {
		t.Fatalf("an anchor of a smaller size: %v", err)
	}
	if args, ok := re.Args.(*bindings.AuditAnchorSizeNotIncreasing); !ok || args.Last != 120 || args.Size != 60 {
		t.Fatalf("SizeNotIncreasing arguments %+v", re.Args)
	}
	_, err = audit.SendAnchor(ctx, chain.Client, contract, key, testOrigin, 121, make([]byte, 32), 0)
	if !errors.As(err, &re) || re.Name != "ZeroRoot" {
		t.Fatalf("an anchor of a zero root: %v", err)
	}

	// The operator rewrites entry 17 and everything that depends on it, re-signing every head with its own key.
	l.rewrite(t, 17)
	if rep, err := audit.VerifyDB(ctx, l.pool, l.verifier); err != nil || rep.Size != 120 {
		t.Fatalf("the rewritten log does not verify without anchors (the rewrite is incomplete): %+v, %v", rep, err)
	}
	_, err = audit.VerifyDB(ctx, l.pool, l.verifier, anchors...)
	p, ok := audit.AsProblem(err)
	if !ok || !strings.Contains(p.Reason, "anchored on chain at size 100") || !strings.Contains(p.Reason, first.Tx) {
		t.Fatalf("the rewritten log with the anchors: %v", err)
	}
	// The anchorer does not anchor a history that disagrees with the chain.
	if an, err := a.Step(ctx); an != nil || err == nil || !strings.Contains(err.Error(), "anchored in block") {
		t.Fatalf("a round over the rewritten log: %+v, %v", an, err)
	}
}

// Run anchors at once and then every Every, until its context ends.
func TestAnchorerRun(t *testing.T) {
	ctx := context.Background()
	chain := devchain.Start(t)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	d, err := deployment.Deploy(ctx, chain.Client, chain.Keys[0], deployment.Options{Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	l := newTestLog(t)
	l.fill(t, 1, 10)
	a := audit.NewAnchorer(l.pool, chain.Client, d.Contracts.AuditAnchor.Address, chain.Keys[1], testOrigin, quiet)
	a.Every = 20 * time.Millisecond
	rctx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); a.Run(rctx) }()
	defer func() { stop(); <-done }()
	waitAnchored := func(size int64) {
		t.Helper()
		for deadline := time.Now().Add(20 * time.Second); ; {
			var anchored bool
			if err := l.pool.QueryRow(ctx, `SELECT anchor_tx IS NOT NULL FROM audit_checkpoints WHERE size = $1`, size).Scan(&anchored); err == nil && anchored {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("the head of %d was not anchored", size)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	waitAnchored(10)
	w := audit.NewWriter(l.pool, "gateway:9", nil)
	for i := range 5 {
		if err := w.Record(ctx, entry(9, i)); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	if _, err := audit.NewSequencer(l.pool, l.signer, nil).Step(ctx); err != nil {
		t.Fatal(err)
	}
	waitAnchored(15)
	stop()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after its context ended")
	}
	anchors, err := audit.ReadAnchors(ctx, chain.Client, d.Contracts.AuditAnchor.Address, a.Operator(), testOrigin, 0)
	if err != nil || len(anchors) != 2 || anchors[0].Size != 10 || anchors[1].Size != 15 {
		t.Fatalf("anchors %+v, %v", anchors, err)
	}
}

func TestLogID(t *testing.T) {
	if got, want := audit.LogID(testOrigin), crypto.Keccak256Hash([]byte(testOrigin)); common.Hash(got) != want {
		t.Fatalf("LogID = %x, want %x", got, want)
	}
	if audit.LogID("a") == audit.LogID("b") {
		t.Fatal("two origins, one id")
	}
}

func sameAnchor(a, b audit.Anchor) bool {
	return a.Size == b.Size && bytes.Equal(a.Root, b.Root) && a.Block == b.Block && a.Tx == b.Tx
}

// checkRecorded checks the anchor's transaction and block beside its checkpoint.
func (l *testLog) checkRecorded(t *testing.T, an *audit.Anchor) {
	t.Helper()
	var tx []byte
	var block int64
	err := l.pool.QueryRow(context.Background(), `SELECT anchor_tx, anchor_block FROM audit_checkpoints WHERE size = $1`,
		int64(an.Size)).Scan(&tx, &block)
	if err != nil || common.BytesToHash(tx).Hex() != an.Tx || uint64(block) != an.Block {
		t.Fatalf("recorded anchor of size %d: tx %x, block %d, %v; want %s, %d", an.Size, tx, block, err, an.Tx, an.Block)
	}
}

// rewrite changes entry seq's outcome and brings everything else in line, as an operator with the database and
// the signing key could: the leaf hash, every node of the tree, the stored tree and every checkpoint, re-signed.
func (l *testLog) rewrite(t *testing.T, seq int64) {
	t.Helper()
	ctx := context.Background()
	tx, err := l.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	var raw []byte
	if err := tx.QueryRow(ctx, `SELECT entry FROM audit_log WHERE seq = $1`, seq).Scan(&raw); err != nil {
		t.Fatal(err)
	}
	e, err := audit.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	e.Outcome = "refused"
	canon, err := e.Canonical()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, `UPDATE audit_log SET entry = $2, leaf_hash = $3 WHERE seq = $1`, seq, canon, audit.LeafHash(canon)); err != nil {
		t.Fatal(err)
	}
	rows, err := tx.Query(ctx, `SELECT leaf_hash FROM audit_log ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	leaves, err := pgx.CollectRows(rows, pgx.RowTo[[]byte])
	if err != nil {
		t.Fatal(err)
	}
	rows, err = tx.Query(ctx, `SELECT size FROM audit_checkpoints ORDER BY size`)
	if err != nil {
		t.Fatal(err)
	}
	sizes, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		t.Fatal(err)
	}
	rng := (&compact.RangeFactory{Hash: rfc6962.DefaultHasher.HashChildren}).NewEmptyRange(0)
	for _, leaf := range leaves {
		var nodeErr error
		if err := rng.Append(leaf, func(id compact.NodeID, hash []byte) {
			if nodeErr == nil {
				_, nodeErr = tx.Exec(ctx, `UPDATE audit_nodes SET hash = $3 WHERE level = $1 AND idx = $2`,
					int16(id.Level), int64(id.Index), hash)
			}
		}); err != nil || nodeErr != nil {
			t.Fatal(err, nodeErr)
		}
		for len(sizes) > 0 && uint64(sizes[0]) == rng.End() {
			root, err := rng.GetRootHash(nil)
			if err != nil {
				t.Fatal(err)
			}
			note, err := audit.SignCheckpoint(l.signer, rng.End(), root)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tx.Exec(ctx, `UPDATE audit_checkpoints SET root = $2, note = $3 WHERE size = $1`, sizes[0], root, note); err != nil {
				t.Fatal(err)
			}
			sizes = sizes[1:]
		}
	}
	if _, err := tx.Exec(ctx, `UPDATE audit_tree SET compact = $1`, rng.Hashes()); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
}
