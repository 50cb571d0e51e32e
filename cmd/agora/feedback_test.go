package main

import (
	"context"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/internal/anvil"
)

// TestFeedbackAndDisputeCommands plays a buyer, a provider and an arbiter from the command line on a fresh
// chain (no gateway is needed): the provider registers its agent; agreement jobs are funded between them (in
// Go: the market's RFQs need a gateway, TestMarketCommands covers them); the client's feedback naming a
// completed job carries the funding transaction as proof of payment, inline and hosted; a stranger's feedback
// naming it is refused with nothing sent; revoke and respond; a dispute and its resolution, each refused to the
// wrong party with the escrow's custom error.
func TestFeedbackAndDisputeCommands(t *testing.T) {
	chain, d, file := deployedChain(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c := cli{t: t, ctx: ctx, flags: []string{"--deployment", file, "--rpc-url", chain.URL}}
	providerKey, clientKey, arbiterKey, strangerKey := anvil.DevKey(1), anvil.DevKey(2), anvil.DevKey(3), anvil.DevKey(4)
	provider, buyer, arbiter, stranger := writeKeyFile(t, keyHex(t, 1)), writeKeyFile(t, keyHex(t, 2)), writeKeyFile(t, keyHex(t, 3)),
		writeKeyFile(t, keyHex(t, 4))
	providerAddr, clientAddr := crypto.PubkeyToAddress(providerKey.PublicKey), crypto.PubkeyToAddress(clientKey.PublicKey)
	strangerAddr := crypto.PubkeyToAddress(strangerKey.PublicKey)

	agent := c.ok("agent", "register", "--key-file", provider, "--file", filepath.Join(seedAgentsDir, "02-eu-invoice-ocr.json"))[0]["agentId"].(string)
	agentID, _ := new(big.Int).SetString(agent, 10)
	e, err := client.NewEscrow(ctx, chain.Client, d, 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if err := deployment.MintTestUSD(ctx, chain.Client, chain.Keys[0], d.Contracts.TestUSD.Address, []common.Address{clientAddr},
		big.NewInt(10_000), 30*time.Second); err != nil {
		t.Fatal(err)
	}
	nonce := int64(0)
	fund := func() (*client.Funded, string) {
		t.Helper()
		now, err := e.ChainTime(ctx)
		if err != nil {
			t.Fatal(err)
		}
		nonce++
		a := eip712.ServiceAgreement{ProviderAgentID: agentID, Client: clientAddr, Provider: providerAddr, Token: d.Contracts.TestUSD.Address,
			Price: big.NewInt(1000), DeliveryDeadline: now + 3600, ExpiredAt: now + 7200, Arbiter: crypto.PubkeyToAddress(arbiterKey.PublicKey),
			ReviewWindow: 3600, Nonce: big.NewInt(nonce), Expiry: new(big.Int).SetUint64(now + 600)}
		dom := eip712.EscrowDomain(new(big.Int).SetUint64(d.ChainID), d.Contracts.AgentEscrow.Address)
		cs, _ := eip712.Sign(clientKey, dom, a)
		ps, _ := eip712.Sign(providerKey, dom, a)
		f, err := e.Fund(ctx, client.NewKeySigner(clientKey), a, cs, ps)
		if err != nil {
			t.Fatal(err)
		}
		job := f.JobID.String()
		c.ok("market", "submit", "--key-file", provider, "--job", job, "--deliverable", "ipfs://result")
		return f, job
	}

	funded, job1 := fund()
	c.fails([]string{"feedback", "give", "--key-file", buyer, "--agent-id", agent, "--job", job1, "--value", "90"},
		"job "+job1+" was not paid by "+clientAddr.Hex(), "submitted")
	c.ok("market", "complete", "--key-file", buyer, "--job", job1, "--reason", "fine")

	// A stranger names the client's job: refused, nothing sent.
	before, err := chain.Client.NonceAt(ctx, strangerAddr, nil)
	if err != nil {
		t.Fatal(err)
	}
	c.fails([]string{"feedback", "give", "--key-file", stranger, "--agent-id", agent, "--job", job1, "--value", "100"},
		"job "+job1+" was not paid by "+strangerAddr.Hex())
	if after, _ := chain.Client.NonceAt(ctx, strangerAddr, nil); after != before {
		t.Fatalf("the stranger sent %d transactions", after-before)
	}
	if n, err := e.FeedbackCount(ctx, agentID, strangerAddr); err != nil || n != 0 {
		t.Fatalf("the stranger's feedback count: %d, %v", n, err)
	}

	out := c.ok("feedback", "give", "--key-file", buyer, "--agent-id", agent, "--job", job1, "--value", "9977", "--decimals", "2",
		"--tag1", "quality", "--endpoint", "https://ocr.example/v1")[0]
	pop, _ := out["proofOfPayment"].(map[string]any)
	if out["index"].(float64) != 1 || out["inline"] != true || pop["txHash"] != funded.CreateTx.Hex() || pop["fromAddress"] != clientAddr.Hex() ||
		pop["toAddress"] != providerAddr.Hex() {
		t.Fatalf("feedback give printed %v", out)
	}
	if r, err := e.ReadFeedback(ctx, agentID, clientAddr, 1); err != nil || r.Value.Int64() != 9977 || r.ValueDecimals != 2 || r.Tag1 != "quality" {
		t.Fatalf("the feedback on chain: %+v, %v", r, err)
	}

	// Hosted: feedback file prints it, the client serves it, give --uri checks and registers it.
	hosted := filepath.Join(t.TempDir(), "feedback.json")
	out = c.ok("feedback", "file", "--key-file", buyer, "--agent-id", agent, "--job", job1, "--value", "-5", "--tag1", "speed", "--out", hosted)[0]
	raw, err := os.ReadFile(hosted)
	if err != nil || out["feedbackHash"] != crypto.Keccak256Hash(raw).Hex() || !strings.Contains(string(raw), funded.CreateTx.Hex()) {
		t.Fatalf("feedback file printed %v; wrote %s (%v)", out, raw, err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write(raw) }))
	defer srv.Close()
	c.fails([]string{"feedback", "give", "--key-file", buyer, "--agent-id", agent, "--job", job1, "--value", "5", "--tag1", "speed",
		"--uri", srv.URL + "/fb.json", "--fetch-allow-private"}, "does not match")
	out = c.ok("feedback", "give", "--key-file", buyer, "--agent-id", agent, "--job", job1, "--value", "-5", "--tag1", "speed",
		"--uri", srv.URL+"/fb.json", "--fetch-allow-private")[0]
	if out["index"].(float64) != 2 || out["feedbackUri"] != srv.URL+"/fb.json" || out["feedbackHash"] != crypto.Keccak256Hash(raw).Hex() {
		t.Fatalf("feedback give --uri printed %v", out)
	}

	// The provider answers; the client revokes.
	response := writeTemp(t, "response.json", []byte(`{"text":"thanks"}`))
	out = c.ok("feedback", "respond", "--key-file", provider, "--agent-id", agent, "--client", clientAddr.Hex(), "--index", "1", "--file", response)[0]
	if out["responder"] != providerAddr.Hex() || out["responseHash"] != crypto.Keccak256Hash([]byte(`{"text":"thanks"}`)).Hex() {
		t.Fatalf("feedback respond printed %v", out)
	}
	c.ok("feedback", "revoke", "--key-file", buyer, "--agent-id", agent, "--index", "1")
	c.fails([]string{"feedback", "revoke", "--key-file", buyer, "--agent-id", agent, "--index", "1"}, "FeedbackAlreadyRevoked")

	// A dispute: the client's only, then the arbiter's decision only.
	_, job2 := fund()
	c.fails([]string{"market", "dispute", "--key-file", stranger, "--job", job2, "--reason", "late"}, "NotClient")
	out = c.ok("market", "dispute", "--key-file", buyer, "--job", job2, "--reason", "late")[0]
	if out["jobId"] != job2 || out["reason"] != crypto.Keccak256Hash([]byte("late")).Hex() {
		t.Fatalf("market dispute printed %v", out)
	}
	c.fails([]string{"market", "resolve", "--key-file", buyer, "--job", job2, "--provider-bps", "5000"}, "NotArbiter")
	out = c.ok("market", "resolve", "--key-file", arbiter, "--job", job2, "--provider-bps", "6000", "--reason", "partly late")[0]
	if out["toProvider"] != "600" || out["toClient"] != "400" || out["providerBps"].(float64) != 6000 {
		t.Fatalf("market resolve printed %v", out)
	}
	c.fails([]string{"market", "resolve", "--key-file", arbiter, "--job", job2, "--provider-bps", "6000"}, "WrongStatus")
	// Resolved with a share to the provider: the client may rate it.
	c.ok("feedback", "give", "--key-file", buyer, "--agent-id", agent, "--job", job2, "--value", "40")
}
