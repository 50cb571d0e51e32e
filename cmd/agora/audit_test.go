package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/agoralabs/agora/audit"
	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/internal/anvil"
	"github.com/agoralabs/agora/seed"
)

// TestAuditCommands runs the audit log from the command line against a real stack: the operator makes its
// key, the indexer logs the escrow and mandate events of a seeded market, the gateway signs the heads and
// anchors them on chain; then verify checks the database with the on-chain anchors, export writes everything
// and one job's entries and verify checks each offline, a changed entry is named, and prune refuses to cut
// into the six months.
func TestAuditCommands(t *testing.T) {
	chain, d, file := deployedChain(t)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	if _, err := seed.Run(ctx, chain.Client, seed.Config{Dir: seedAgentsDir, Deployment: d, Funder: chain.Keys[0], History: true,
		Governance: true}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "audit.key")
	out, _, err := run(t, ctx, "audit", "keygen", "--origin", "agora.test/audit", "--out", keyFile)
	if err != nil {
		t.Fatal(err)
	}
	var keys struct{ Origin, VerifierKey string }
	if err := json.Unmarshal([]byte(out), &keys); err != nil || !strings.HasPrefix(keys.VerifierKey, "agora.test/audit+") {
		t.Fatalf("keygen: %s (%v)", out, err)
	}
	if info, err := os.Stat(keyFile); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("the signer key file: %v %v", info, err)
	}
	if _, _, err := run(t, ctx, "audit", "keygen", "--origin", "agora.test/audit", "--out", keyFile); err == nil {
		t.Fatal("keygen overwrote a key")
	}
	anchorKey := filepath.Join(dir, "anchor.key")
	if err := os.WriteFile(anchorKey, []byte(keyHex(t, 6)), 0o600); err != nil {
		t.Fatal(err)
	}
	operator := crypto.PubkeyToAddress(anvil.DevKey(6).PublicKey).Hex()

	auditorKey := filepath.Join(dir, "auditor.key")
	if err := os.WriteFile(auditorKey, []byte(keyHex(t, 5)), 0o600); err != nil {
		t.Fatal(err)
	}
	strangerKey := filepath.Join(dir, "stranger.key")
	if err := os.WriteFile(strangerKey, []byte(keyHex(t, 4)), 0o600); err != nil {
		t.Fatal(err)
	}
	gatewayURL := startStack(t, chain.URL, file, "--audit-key-file", keyFile, "--audit-anchor-key-file", anchorKey,
		"--audit-anchor-every", "300ms", "--audit-readers", crypto.PubkeyToAddress(anvil.DevKey(5).PublicKey).Hex())
	waitReady(t, gatewayURL, 1)
	dbURL := os.Getenv("AGORA_DATABASE_URL")
	db, err := pgxpool.New(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// The indexer logs the chain's escrow and mandate events; the gateway signs and anchors the heads.
	deadline := time.Now().Add(90 * time.Second)
	for {
		var jobs, entries, anchored int
		err := db.QueryRow(ctx, `SELECT (SELECT count(*) FROM escrow_jobs), (SELECT count(*) FROM audit_log WHERE action LIKE 'chain.escrow.%'),
			(SELECT count(*) FROM audit_checkpoints c JOIN audit_tree t ON c.size = t.size WHERE c.anchor_tx IS NOT NULL)`).Scan(&jobs, &entries, &anchored)
		if err == nil && jobs > 0 && entries >= jobs && anchored == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the log never held and anchored the chain's events (%d jobs, %d escrow entries, %d anchored heads, %v)", jobs, entries, anchored, err)
		}
		time.Sleep(100 * time.Millisecond)
	}

	verify := func(args ...string) (map[string]any, error) {
		t.Helper()
		out, _, err := run(t, ctx, append([]string{"audit", "verify", "--key", keys.VerifierKey}, args...)...)
		var rep map[string]any
		if jerr := json.Unmarshal([]byte(out), &rep); jerr != nil {
			t.Fatalf("verify printed %q (%v, %v)", out, jerr, err)
		}
		return rep, err
	}
	rep, err := verify("--database-url", dbURL, "--rpc-url", chain.URL, "--deployment", file, "--operator", operator)
	if err != nil || rep["ok"] != true || rep["anchors"].(float64) < 1 || rep["entries"].(float64) < 10 {
		t.Fatalf("verify the database: %v %v", rep, err)
	}

	// The auditor reads every entry from the gateway, each with a proof that verifies; a stranger reads none.
	out, _, err = run(t, ctx, "audit", "entries", "--gateway", gatewayURL, "--deployment", file, "--key-file", auditorKey, "--limit", "50")
	if err != nil {
		t.Fatal(err)
	}
	var page client.AuditPage
	if err := json.Unmarshal([]byte(out), &page); err != nil || !page.Auditor || len(page.Entries) != 50 || page.NextAfter == nil {
		t.Fatalf("the auditor's page: %.300s (%v)", out, err)
	}
	v, err := audit.NewVerifier(keys.VerifierKey)
	if err != nil {
		t.Fatal(err)
	}
	head, err := audit.OpenCheckpoint(page.Checkpoint, v)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range page.Entries {
		e, err := audit.Parse(x.Entry)
		if err != nil {
			t.Fatal(err)
		}
		canon, _ := e.Canonical()
		if err := audit.VerifyInclusion(x.Seq, head.Size, audit.LeafHash(canon), x.Proof, head.Root); err != nil {
			t.Fatalf("entry %d: %v", x.Seq, err)
		}
	}
	out, _, err = run(t, ctx, "audit", "entries", "--gateway", gatewayURL, "--deployment", file, "--key-file", strangerKey)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(out), &page); err != nil || page.Auditor || len(page.Entries) != 0 {
		t.Fatalf("a stranger's page: %.300s (%v)", out, err)
	}

	// Everything, offline; and one job's entries, with proofs.
	all := filepath.Join(dir, "all.jsonl")
	if _, _, err := run(t, ctx, "audit", "export", "--database-url", dbURL, "--out", all, "--no-proofs"); err != nil {
		t.Fatal(err)
	}
	if rep, err := verify("--file", all); err != nil || rep["ok"] != true {
		t.Fatalf("verify the export: %v %v", rep, err)
	}
	job := filepath.Join(dir, "job1.jsonl")
	if _, _, err := run(t, ctx, "audit", "export", "--database-url", dbURL, "--out", job, "--subject", "job:1"); err != nil {
		t.Fatal(err)
	}
	if rep, err := verify("--file", job); err != nil || rep["ok"] != true || rep["entries"].(float64) < 2 {
		t.Fatalf("verify job 1's export: %v %v", rep, err)
	}
	// Another key does not verify it.
	otherOut, _, err := run(t, ctx, "audit", "keygen", "--origin", "agora.test/audit", "--out", filepath.Join(dir, "other.key"))
	if err != nil {
		t.Fatal(err)
	}
	var otherKeys struct{ VerifierKey string }
	_ = json.Unmarshal([]byte(otherOut), &otherKeys)
	if out, _, err := run(t, ctx, "audit", "verify", "--key", otherKeys.VerifierKey, "--file", job); err == nil || !strings.Contains(out, `"ok":false`) {
		t.Fatalf("another operator's key verified the export: %s %v", out, err)
	}

	// A changed entry is named.
	if _, err := db.Exec(ctx, `UPDATE audit_log SET entry = convert_to(replace(convert_from(entry, 'UTF8'), '"outcome":"seen"', '"outcome":"seem"'), 'UTF8')
		WHERE seq = (SELECT min(seq) FROM audit_log WHERE action LIKE 'chain.%')`); err != nil {
		t.Fatal(err)
	}
	rep, err = verify("--database-url", dbURL)
	if err == nil || rep["ok"] != false || !strings.Contains(rep["reason"].(string), "a field was changed") {
		t.Fatalf("verify a changed database: %v %v", rep, err)
	}

	// The six months are kept.
	if _, _, err := run(t, ctx, "audit", "prune", "--database-url", dbURL, "--key", keys.VerifierKey,
		"--before", time.Now().AddDate(0, -2, 0).Format("2006-01"), "--dir", filepath.Join(dir, "archive")); err == nil ||
		!strings.Contains(err.Error(), "at least 6 months") {
		t.Fatalf("a prune two months back: %v", err)
	}
}
