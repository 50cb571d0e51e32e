package gateway_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/audit"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/gateway"
	"github.com/agoralabs/agora/seed"
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

// testAuditReaders checks who reads what of the audit log: the buyer the entries that name it, a provider's
// wallet its agent's, a stranger nothing, the auditor everything (page by page); each entry comes with a proof
// that verifies; and every refusal: no signature, another signer's, an expired or too distant deadline, a
// filter on someone else's agent or principal.
func testAuditReaders(t *testing.T, e *env, buyer *ecdsa.PrivateKey, provider seed.Agent) {
	type page struct {
		Reader, Checkpoint string
		Auditor            bool
		Size               uint64
		Entries            []struct {
			Seq   uint64
			Entry json.RawMessage
			Proof [][]byte
		}
		NextAfter *uint64
	}
	chainID := new(big.Int).SetUint64(e.dep.ChainID)
	domain := eip712.GatewayDomain(chainID, e.dep.Contracts.IdentityRegistry.Address)
	query := func(signer *ecdsa.PrivateKey, reader common.Address, deadline time.Time, extra string) string {
		t.Helper()
		m := eip712.AuditQuery{Reader: reader, Deadline: uint64(deadline.Unix())}
		sig, err := eip712.Sign(signer, domain, m)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("/v1/audit/entries?reader=%s&deadline=%d&signature=%s%s", reader.Hex(), m.Deadline, hexutil.Encode(sig), extra)
	}
	soon := time.Now().Add(5 * time.Minute)
	read := func(key *ecdsa.PrivateKey, extra string) page {
		t.Helper()
		var p page
		e.get(query(key, crypto.PubkeyToAddress(key.PublicKey), soon, extra)).decode(t, &p)
		v, err := audit.OpenCheckpoint(p.Checkpoint, e.auditVerifier)
		if err != nil || v.Size != p.Size {
			t.Fatalf("checkpoint of the page: %v", err)
		}
		for _, x := range p.Entries {
			canon, err := audit.Canonicalize(x.Entry)
			if err != nil || audit.VerifyInclusion(x.Seq, v.Size, audit.LeafHash(canon), x.Proof, v.Root) != nil {
				t.Fatalf("entry %d does not verify in the page's head (%v)", x.Seq, err)
			}
		}
		return p
	}
	fields := func(raw json.RawMessage) audit.Entry {
		var x audit.Entry
		if err := json.Unmarshal(raw, &x); err != nil {
			t.Fatal(err)
		}
		return x
	}

	// The buyer: its RFQs and closes (actor), nothing that names no one of its.
	me := strings.ToLower(crypto.PubkeyToAddress(buyer.PublicKey).Hex())
	p := read(buyer, "&limit=1000")
	if p.Auditor || len(p.Entries) == 0 {
		t.Fatalf("the buyer reads %d entries (auditor %v)", len(p.Entries), p.Auditor)
	}
	for _, x := range p.Entries {
		if f := fields(x.Entry); f.Actor != me && f.Principal != me {
			t.Fatalf("the buyer read entry %d of %s/%s", x.Seq, f.Actor, f.Principal)
		}
	}
	// The provider's wallet: its agent's entries.
	id := provider.AgentID.String()
	p = read(provider.Wallet, "&agentId="+id)
	if len(p.Entries) == 0 {
		t.Fatal("the provider reads none of its agent's entries")
	}
	for _, x := range p.Entries {
		if f := fields(x.Entry); f.AgentID != id {
			t.Fatalf("the provider's agentId filter returned entry %d of agent %q", x.Seq, f.AgentID)
		}
	}
	// A stranger: nothing.
	stranger, _ := crypto.GenerateKey()
	if p := read(stranger, ""); len(p.Entries) != 0 {
		t.Fatalf("a stranger reads %d entries", len(p.Entries))
	}
	// The auditor: everything, page by page, in order.
	var seqs []uint64
	after := ""
	for range 1000 {
		p := read(e.auditor, "&limit=7"+after)
		if !p.Auditor {
			t.Fatal("the auditor is not recognised")
		}
		for _, x := range p.Entries {
			seqs = append(seqs, x.Seq)
		}
		if p.NextAfter == nil {
			break
		}
		after = fmt.Sprintf("&after=%d", *p.NextAfter)
	}
	var size int64
	if err := e.db.QueryRow(context.Background(), `SELECT max(size) FROM audit_checkpoints`).Scan(&size); err != nil {
		t.Fatal(err)
	}
	if int64(len(seqs)) < size || seqs[0] != 0 {
		t.Fatalf("the auditor read %d entries, the log has %d", len(seqs), size)
	}
	for i := range seqs[:size] {
		if seqs[i] != uint64(i) {
			t.Fatalf("the auditor's pages skip or repeat at %d", i)
		}
	}

	// Refusals.
	buyerAddr := crypto.PubkeyToAddress(buyer.PublicKey)
	e.get("/v1/audit/entries").problem(t, 401, gateway.CodeUnauthenticated)
	e.get(query(stranger, buyerAddr, soon, "")).problem(t, 401, gateway.CodeUnauthenticated)
	e.get(query(buyer, buyerAddr, time.Now().Add(-time.Minute), "")).problem(t, 400, gateway.CodeExpired)
	e.get(query(buyer, buyerAddr, time.Now().Add(time.Hour), "")).problem(t, 400, gateway.CodeInvalidQuery)
	e.get(query(buyer, buyerAddr, soon, "&agentId="+id)).problem(t, 403, gateway.CodeNotEntitled)
	e.get(query(buyer, buyerAddr, soon, "&principal=0x000000000000000000000000000000000000dEaD")).problem(t, 403, gateway.CodeNotEntitled)
	e.get(query(buyer, buyerAddr, soon, "&limit=0")).problem(t, 400, gateway.CodeInvalidQuery)
	e.get(query(buyer, buyerAddr, soon, "&color=red")).problem(t, 400, gateway.CodeInvalidQuery)
}
