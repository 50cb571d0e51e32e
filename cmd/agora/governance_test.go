package main

import (
	"context"
	"encoding/hex"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/internal/anvil"
	"github.com/agoralabs/agora/internal/pgtest"
	"github.com/agoralabs/agora/seed"
)

// startStack runs `agora index` and `agora serve` (with extra serve flags) against the chain on a fresh
// database until the test ends, and returns the gateway's URL.
func startStack(t *testing.T, chainURL, deploymentFile string, serve ...string) string {
	t.Helper()
	t.Setenv("AGORA_DATABASE_URL", pgtest.New(t))
	bg, stop := context.WithCancel(context.Background())
	indexDone, serveDone := make(chan error, 1), make(chan error, 1)
	gatewayURL := closedPort(t)
	go func() {
		args := []string{"index", "--rpc-url", chainURL, "--deployment", deploymentFile, "--listen", "",
			"--poll-interval", "50ms", "--fetch-allow-private"}
		if slices.Contains(serve, "--audit-key-file") { // the chain's events in the gateway's audit log
			args = append(args, "--audit")
		}
		_, _, err := run(t, bg, args...)
		indexDone <- err
	}()
	go func() {
		_, _, err := run(t, bg, append([]string{"serve", "--rpc-url", chainURL, "--deployment", deploymentFile, "--listen",
			strings.TrimPrefix(gatewayURL, "http://"), "--rate-limit", "-1", "--drain", "1s"}, serve...)...)
		serveDone <- err
	}()
	t.Cleanup(func() {
		stop()
		for _, ch := range []chan error{indexDone, serveDone} {
			if err := <-ch; err != nil {
				t.Errorf("background command: %v", err)
			}
		}
	})
	return gatewayURL
}

// TestGovernanceCommands plays a principal, its agent and an approver from the command line only, against
// `agora index` and `agora serve --policy-dir` on a fresh chain: the principal grants a mandate and lets the
// escrow pull its tokens, the agent's RFQ above the policy's price is escalated (printed as pending), the
// approver finds it in its queue and approves it, the principal revokes the mandate, and a refused call names
// the registry's custom error.
func TestGovernanceCommands(t *testing.T) {
	chain, d, file := deployedChain(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	seeded, err := seed.Run(ctx, chain.Client, seed.Config{Dir: seedAgentsDir, Deployment: d, Funder: chain.Keys[0]})
	if err != nil {
		t.Fatal(err)
	}
	principal, approver, stranger := keyHex(t, 7), keyHex(t, 8), keyHex(t, 9)
	policyDir := t.TempDir()
	policy := `package agora.policy

escalate contains {"rule": "escalate_price", "reason": "above 100"} if to_number(input.price) > 100
`
	name := strings.ToLower(crypto.PubkeyToAddress(anvil.DevKey(7).PublicKey).Hex()) + ".rego"
	if err := os.WriteFile(filepath.Join(policyDir, name), []byte(policy), 0o600); err != nil {
		t.Fatal(err)
	}
	gatewayURL := startStack(t, chain.URL, file, "--policy-dir", policyDir)
	agent := seeded.Agents[1]
	deadline := time.Now().Add(90 * time.Second)
	for {
		res, err := http.Get(gatewayURL + "/v1/agents/" + agent.AgentID.String()) // indexed and served
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the gateway never showed agent %s (%v)", agent.AgentID, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	common := []string{"--gateway", gatewayURL, "--deployment", file, "--rpc-url", chain.URL}
	cli := func(args ...string) (map[string]any, string, error) {
		t.Helper()
		var full []string
		full = append(full, args[0])
		if len(args) > 1 && !strings.HasPrefix(args[1], "-") {
			full = append(full, args[1])
			args = args[2:]
		} else {
			args = args[1:]
		}
		flags := common
		if full[0] == "market" || full[0] == "approvals" {
			flags = common[:4] // no --rpc-url: they speak to the gateway only
		}
		stdout, stderr, err := run(t, ctx, append(append(full, flags...), args...)...)
		lines := jsonLines(t, stdout)
		var last map[string]any
		if len(lines) > 0 {
			last = lines[len(lines)-1]
		}
		all := stdout + stderr
		if err != nil {
			all += err.Error()
		}
		return last, all, err
	}
	must := func(args ...string) map[string]any {
		t.Helper()
		out, all, err := cli(args...)
		if err != nil {
			t.Fatalf("agora %s: %v\n%s", strings.Join(args, " "), err, all)
		}
		return out
	}

	agentAddr := crypto.PubkeyToAddress(agent.Wallet.PublicKey).Hex()
	approverAddr := crypto.PubkeyToAddress(anvil.DevKey(8).PublicKey).Hex()
	granted := must("mandate", "grant", "--key-file", writeKeyFile(t, principal), "--agent-id", agent.AgentID.String(),
		"--agent", agentAddr, "--max-per-job", "500", "--budget", "1000", "--approver", approverAddr, "--quorum", "1",
		"--escalate-above", "100")
	id, _ := granted["mandateId"].(string)
	if id == "" {
		t.Fatalf("grant printed %v, want a mandateId", granted)
	}
	must("mandate", "allow-escrow", "--key-file", writeKeyFile(t, principal), "--amount", "1000000")

	// The agent's RFQ above the policy's price waits for an approver.
	agentKey := writeKeyFile(t, hex.EncodeToString(crypto.FromECDSA(agent.Wallet)))
	out, all, err := cli("market", "rfq", "--key-file", agentKey, "--capability", "invoice ocr", "--max-price", "200",
		"--mandate", id, "--window", "1s")
	if err == nil || out["event"] != "pending_approval" || !strings.Contains(all, "approval required") {
		t.Fatalf("market rfq above the price: %v %v\n%s", err, out, all)
	}
	approvalID, _ := out["approval"].(map[string]any)["id"].(string)
	listed := must("approvals", "list", "--key-file", writeKeyFile(t, approver))
	if listed["id"] != approvalID || listed["status"] != "pending" {
		t.Fatalf("approvals list = %v, want %s pending", listed, approvalID)
	}
	if _, all, err := cli("approvals", "approve", approvalID, "--key-file", agentKey); err == nil || !strings.Contains(all, "not_approver") {
		t.Fatalf("the agent approving itself: %v\n%s", err, all)
	}
	if decided := must("approvals", "approve", approvalID, "--key-file", writeKeyFile(t, approver)); decided["status"] != "approved" {
		t.Fatalf("approvals approve = %v", decided)
	}

	shown := must("mandate", "show", id)
	if shown["budget"] != "1000" || shown["revoked"] != false || shown["live"] != true {
		t.Fatalf("mandate show = %v", shown)
	}
	// An RFQ open under the mandate when it is revoked is withdrawn: market rfq says so at once rather than
	// waiting for a close that never comes.
	rctx, stopRFQ := context.WithCancel(ctx)
	defer stopRFQ()
	_, rfqDone := startCommand(t, rctx, append([]string{"market", "rfq"}, append(common[:4], "--key-file", agentKey,
		"--capability", "invoice ocr", "--max-price", "50", "--mandate", id, "--window", "30s")...)...)
	time.Sleep(2 * time.Second) // posted and open
	revoked := time.Now()
	must("mandate", "revoke", id, "--key-file", writeKeyFile(t, principal))
	select {
	case err := <-rfqDone:
		if err == nil || !strings.Contains(err.Error(), "withdrawn") {
			t.Fatalf("market rfq of a revoked mandate: %v, want withdrawn", err)
		}
		if took := time.Since(revoked); took > 15*time.Second {
			t.Errorf("market rfq saw the withdrawal after %s", took)
		}
	case <-time.After(28 * time.Second):
		t.Fatal("market rfq still waits for an RFQ its revoked mandate withdrew")
	}
	if shown := must("mandate", "show", id); shown["revoked"] != true || shown["remaining"] != "0" {
		t.Fatalf("mandate show after revoke = %v", shown)
	}
	// A stranger cannot revoke, and nobody can unfreeze what is not frozen: the registry's errors are named.
	if _, all, err := cli("mandate", "revoke", id, "--key-file", writeKeyFile(t, stranger)); err == nil || !strings.Contains(all, "NotPrincipalOrGuardian") {
		t.Fatalf("a stranger's revoke: %v\n%s", err, all)
	}
	if _, all, err := cli("mandate", "unfreeze", "--agent-id", agent.AgentID.String(), "--key-file", writeKeyFile(t, principal)); err == nil ||
		!strings.Contains(all, "AgentNotFrozen") {
		t.Fatalf("unfreeze of an agent not frozen: %v\n%s", err, all)
	}
}
