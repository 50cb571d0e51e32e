package gateway_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/agoralabs/agora/audit"
	"github.com/agoralabs/agora/gateway"
)

// testAudit runs after a market has traded on e: every kind of decision it took is an audit entry, the log
// verifies end to end with the operator's key, the proofs the API serves verify against its signed heads,
// and a traced request's entries carry its trace id. postTraced posts one RFQ with the given traceparent
// header and returns its id.
func testAudit(t *testing.T, e *env, postTraced func(traceparent string) string) {
	ctx := context.Background()
	const trace = "4bf92f3577b34da6a3ce929d0e0e4736"
	rfqID := postTraced("00-" + trace + "-00f067aa0ba902b7-01")
	e.waitFor("the audit log integrated and signed", func() bool {
		return e.count(`SELECT count(*) FROM audit_pending`) == 0 &&
			e.count(`SELECT count(*) FROM audit_tree t JOIN audit_checkpoints c ON c.size = t.size`) == 1
	})

	// Every kind of decision the market took.
	rows, err := e.db.Query(ctx, `SELECT DISTINCT action FROM audit_log`)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			t.Fatal(err)
		}
		actions = append(actions, a)
	}
	rows.Close()
	for _, want := range []string{"rfq.posted", "quote.accepted", "quote.refused", "auction.awarded", "auction.no_bids",
		"penalty.no_sign", "agreement.signature", "policy.allow"} {
		if !slices.Contains(actions, want) {
			t.Errorf("no %s entry among %v", want, actions)
		}
	}
	// The indexer's entries: every escrow and mandate event mirrored, in chain order.
	if jobs := e.count(`SELECT count(*) FROM escrow_jobs`); jobs > 0 && e.count(`SELECT count(*) FROM audit_log WHERE action LIKE 'chain.escrow.%'`) == 0 {
		t.Errorf("%d escrow jobs, no chain.escrow entry", jobs)
	}
	// The traced request's entries (its policy decision and the RFQ) carry its trace id.
	if n := e.count(`SELECT count(*) FROM audit_log WHERE subject = $1 AND trace_id = $2`, "rfq:"+rfqID, trace); n < 2 {
		t.Errorf("%d entries of the traced RFQ carry its trace id, want its policy decision and the RFQ", n)
	}
	// The whole database verifies with the key the gateway names.
	var key struct{ Origin, VerifierKey string }
	e.get("/v1/audit/key").decode(t, &key)
	v, err := audit.NewVerifier(key.VerifierKey)
	if err != nil || key.Origin != "agora.test/audit" || v.KeyHash() != e.auditVerifier.KeyHash() {
		t.Fatalf("audit key %+v (%v)", key, err)
	}
	rep, err := audit.VerifyDB(ctx, e.db, v)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Entries < 10 || rep.Unsigned != 0 || rep.Size != rep.Entries {
		t.Fatalf("verified %+v", rep)
	}

	// The newest head, as a signed note.
	head := e.get("/v1/audit/checkpoint")
	if head.Status != 200 || !strings.HasPrefix(head.Header.Get("Content-Type"), "text/plain") {
		t.Fatalf("checkpoint: %d %s", head.Status, head.Header.Get("Content-Type"))
	}
	cp, err := audit.OpenCheckpoint(string(head.Body), v)
	if err != nil || cp.Size != rep.Size {
		t.Fatalf("checkpoint %+v (%v), want size %d", cp, err, rep.Size)
	}
	// Inclusion proofs of the first, a middle and the last entry, checked against the entries' own bytes.
	for _, i := range []uint64{0, cp.Size / 2, cp.Size - 1} {
		var p struct {
			Entry, Size uint64
			LeafHash    []byte
			Proof       [][]byte
			Checkpoint  string
		}
		e.get(fmt.Sprintf("/v1/audit/proof?entry=%d", i)).decode(t, &p)
		var entry []byte
		if err := e.db.QueryRow(ctx, `SELECT entry FROM audit_log WHERE seq = $1`, int64(i)).Scan(&entry); err != nil {
			t.Fatal(err)
		}
		pc, err := audit.OpenCheckpoint(p.Checkpoint, v)
		if err != nil || p.Entry != i || p.Size != pc.Size {
			t.Fatalf("proof of %d: %+v %v", i, p, err)
		}
		if err := audit.VerifyInclusion(i, pc.Size, audit.LeafHash(entry), p.Proof, pc.Root); err != nil {
			t.Fatalf("proof of entry %d: %v", i, err)
		}
	}
	// A consistency proof from the first signed head to the newest.
	var first int64
	if err := e.db.QueryRow(ctx, `SELECT min(size) FROM audit_checkpoints`).Scan(&first); err != nil {
		t.Fatal(err)
	}
	var cons struct {
		From, To                     uint64
		Proof                        [][]byte
		FromCheckpoint, ToCheckpoint string
	}
	e.get(fmt.Sprintf("/v1/audit/consistency?from=%d", first)).decode(t, &cons)
	a, errA := audit.OpenCheckpoint(cons.FromCheckpoint, v)
	b, errB := audit.OpenCheckpoint(cons.ToCheckpoint, v)
	if errA != nil || errB != nil || a.Size != uint64(first) || b.Size < a.Size {
		t.Fatalf("consistency: %+v %v %v", cons, errA, errB)
	}
	if err := audit.VerifyConsistency(a.Size, b.Size, cons.Proof, a.Root, b.Root); err != nil {
		t.Fatal(err)
	}

	// Refusals.
	e.get(fmt.Sprintf("/v1/audit/proof?entry=%d&size=%d", cp.Size, cp.Size)).problem(t, 404, gateway.CodeAuditEntryNotFound)
	e.get(fmt.Sprintf("/v1/audit/proof?entry=0&size=%d", cp.Size+1000)).problem(t, 404, gateway.CodeNoCheckpoint)
	e.get("/v1/audit/proof").problem(t, 400, gateway.CodeInvalidQuery)
	e.get("/v1/audit/proof?entry=-1").problem(t, 400, gateway.CodeInvalidQuery)
	e.get("/v1/audit/proof?entry=1&entry=2").problem(t, 400, gateway.CodeInvalidQuery)
	e.get("/v1/audit/consistency?from=1&junk=2").problem(t, 400, gateway.CodeInvalidQuery)
	e.get(fmt.Sprintf("/v1/audit/consistency?from=%d&to=%d", cp.Size, first)).problem(t, 400, gateway.CodeInvalidQuery)
	e.get("/v1/audit/checkpoint?x=1").problem(t, 400, gateway.CodeInvalidQuery)
}
