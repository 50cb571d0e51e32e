package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/internal/anvil"
	"github.com/agoralabs/agora/internal/devchain"
)

// cli runs the program with the deployment's flags and returns its JSON lines; a failure is fatal.
type cli struct {
	t     *testing.T
	ctx   context.Context
	flags []string
}

func (c cli) ok(args ...string) []map[string]any {
	c.t.Helper()
	stdout, stderr, err := run(c.t, c.ctx, c.args(args)...)
	if err != nil {
		c.t.Fatalf("agora %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	return jsonLines(c.t, stdout)
}

// args puts the shared flags after the command and subcommand, so that a test's own flags override them.
func (c cli) args(args []string) []string {
	out := append([]string{}, args[:2]...)
	out = append(out, c.flags...)
	return append(out, args[2:]...)
}

// fails runs a command that must fail with an error containing every want, and print nothing.
func (c cli) fails(args []string, want ...string) error {
	c.t.Helper()
	stdout, _, err := run(c.t, c.ctx, c.args(args)...)
	if err == nil {
		c.t.Fatalf("agora %s succeeded: %s", strings.Join(args, " "), stdout)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			c.t.Fatalf("agora %s: %v\nwant it to contain %q", strings.Join(args, " "), err, w)
		}
	}
	if stdout != "" {
		c.t.Fatalf("agora %s printed %q", strings.Join(args, " "), stdout)
	}
	return err
}

// sent counts what was sent: the Registered events and addr's transactions.
func sent(t *testing.T, ctx context.Context, chain *devchain.Chain, d *deployment.Deployment, addr common.Address) string {
	t.Helper()
	ev := bindings.NewIdentityRegistry().GetABI().Events[bindings.IdentityRegistryRegisteredEventName]
	logs, err := chain.Client.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0),
		Addresses: []common.Address{d.Contracts.IdentityRegistry.Address}, Topics: [][]common.Hash{{ev.ID}}})
	if err != nil {
		t.Fatal(err)
	}
	n, err := chain.Client.NonceAt(ctx, addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	return strconv.Itoa(len(logs)) + " agents, nonce " + strconv.FormatUint(n, 10)
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestAgentCommands plays an agent operator from the command line against a fresh chain, `agora index` and
// `agora serve`: register (inline, and hosted at a URI), the refusals before anything is sent (an invalid file
// with every reason, a file too large, an unreachable URI), the wallet bound with a key file and with an
// external signature of wallet-proof's typed data, proofs by the wrong key or expired refused, metadata, a new
// URI, show with the gateway's view, unset, transfer, and a stranger's write named by the registry's error.
func TestAgentCommands(t *testing.T) {
	chain, d, file := deployedChain(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	gatewayURL := startStack(t, chain.URL, file)
	owner, stranger := writeKeyFile(t, keyHex(t, 1)), writeKeyFile(t, keyHex(t, 9))
	ownerAddr := crypto.PubkeyToAddress(anvil.DevKey(1).PublicKey)
	walletKey := anvil.DevKey(6)
	walletAddr := crypto.PubkeyToAddress(walletKey.PublicKey)
	c := cli{t: t, ctx: ctx, flags: []string{"--gateway", gatewayURL, "--deployment", file, "--rpc-url", chain.URL}}
	valid := filepath.Join(seedAgentsDir, "07-translation.json")

	out := c.ok("agent", "register", "--key-file", owner, "--file", valid)
	if len(out) != 1 || out[0]["agentId"] != "0" || out[0]["owner"] != ownerAddr.Hex() || out[0]["inline"] != true ||
		out[0]["capabilities"].(float64) < 1 || out[0]["tx"] == nil {
		t.Fatalf("register printed %v", out)
	}

	// Refused before anything is sent.
	before := sent(t, ctx, chain, d, ownerAddr)
	invalid := writeTemp(t, "invalid.json", []byte(`{"type":"https://eips.ethereum.org/EIPS/eip-8004#registration-v1",
		"services":[{"endpoint":""}],"active":"yes","capabilities":[{"name":"x","pricing":{"model":"per_hour"}}]}`))
	c.fails([]string{"agent", "register", "--key-file", owner, "--file", invalid}, "invalid registration file", "name: missing",
		"services[0].name: missing", "services[0].endpoint: empty", "active: want boolean", "/capabilities/0/pricing")
	large := writeTemp(t, "large.json", append([]byte(`{"name":"`), bytes.Repeat([]byte("a"), client.MaxRegistrationBytes)...))
	c.fails([]string{"agent", "register", "--key-file", owner, "--file", large}, "too large")
	c.fails([]string{"agent", "register", "--key-file", owner, "--uri", closedPort(t) + "/agent.json", "--fetch-allow-private"},
		"cannot be read", "unreachable")
	if after := sent(t, ctx, chain, d, ownerAddr); after != before {
		t.Fatalf("the refusals sent something: %s, then %s", before, after)
	}

	raw, err := os.ReadFile(valid)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write(raw) }))
	defer srv.Close()
	out = c.ok("agent", "register", "--key-file", owner, "--uri", srv.URL+"/agent.json", "--file", valid, "--fetch-allow-private")
	if out[0]["agentId"] != "1" || out[0]["uri"] != srv.URL+"/agent.json" {
		t.Fatalf("register --uri printed %v", out)
	}

	// The wallet, signed here from a key file.
	out = c.ok("agent", "set-wallet", "--key-file", owner, "--agent-id", "0", "--wallet-key-file", writeKeyFile(t, keyHex(t, 6)))
	if out[0]["wallet"] != walletAddr.Hex() || out[0]["owner"] != ownerAddr.Hex() {
		t.Fatalf("set-wallet printed %v", out)
	}
	// An external wallet signs wallet-proof's typed data.
	proof := c.ok("agent", "wallet-proof", "--agent-id", "1", "--wallet", walletAddr.Hex(), "--deadline", "3m")[0]
	typed, _ := json.Marshal(proof["typedData"])
	dom, msg, err := eip712.ParseTypedData(typed)
	if err != nil {
		t.Fatal(err)
	}
	digest, err := eip712.Digest(dom, msg)
	if err != nil || digest.Hex() != proof["digest"] {
		t.Fatalf("digest %s, %v; printed %v", digest.Hex(), err, proof["digest"])
	}
	deadline := proof["deadline"].(string)
	before = sent(t, ctx, chain, d, ownerAddr)
	wrong, _ := eip712.Sign(anvil.DevKey(7), dom, msg)
	c.fails([]string{"agent", "set-wallet", "--key-file", owner, "--agent-id", "1", "--wallet", walletAddr.Hex(),
		"--signature", hexutil.Encode(wrong), "--deadline", deadline}, "not signed by the wallet")
	c.fails([]string{"agent", "set-wallet", "--key-file", owner, "--agent-id", "1", "--wallet-key-file", writeKeyFile(t, keyHex(t, 6)),
		"--deadline", "1000"}, "deadline", "expired")
	if after := sent(t, ctx, chain, d, ownerAddr); after != before {
		t.Fatalf("the refused proofs sent something: %s, then %s", before, after)
	}
	sig, _ := eip712.Sign(walletKey, dom, msg)
	out = c.ok("agent", "set-wallet", "--key-file", owner, "--agent-id", "1", "--wallet", walletAddr.Hex(), "--signature",
		hexutil.Encode(sig), "--deadline", deadline)
	if out[0]["wallet"] != walletAddr.Hex() || out[0]["deadline"] != deadline {
		t.Fatalf("set-wallet --signature printed %v", out)
	}

	// Metadata, a new URI, and the stranger's attempt.
	if out = c.ok("agent", "set-metadata", "--key-file", owner, "--agent-id", "0", "--key", "region", "--value", "eu-west"); out[0]["value"] != hexutil.Encode([]byte("eu-west")) {
		t.Fatalf("set-metadata printed %v", out)
	}
	if out = c.ok("agent", "set-metadata", "--key-file", owner, "--agent-id", "0", "--key", "raw", "--value", "0x0102"); out[0]["value"] != "0x0102" {
		t.Fatalf("set-metadata 0x printed %v", out)
	}
	c.fails([]string{"agent", "set-metadata", "--key-file", stranger, "--agent-id", "0", "--key", "region", "--value", "x"}, "NotAgentOperator")
	c.fails([]string{"agent", "set-uri", "--key-file", owner, "--agent-id", "0", "--file", invalid}, "invalid registration file")
	out = c.ok("agent", "set-uri", "--key-file", owner, "--agent-id", "0", "--file", filepath.Join(seedAgentsDir, "08-code-review.json"))
	if name, _ := out[0]["name"].(string); name == "" || out[0]["inline"] != true {
		t.Fatalf("set-uri printed %v", out)
	}

	// show: the chain, and the gateway's view once indexed.
	deadlineAt := time.Now().Add(90 * time.Second)
	var shown map[string]any
	for {
		shown = c.ok("agent", "show", "--agent-id", "0")[0]
		if g, ok := shown["gateway"].(map[string]any); ok && g["wallet"] != nil && strings.EqualFold(g["wallet"].(string), walletAddr.Hex()) {
			break
		}
		if time.Now().After(deadlineAt) {
			t.Fatalf("the gateway never showed agent 0 with its wallet: %v", shown)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if shown["owner"] != ownerAddr.Hex() || shown["wallet"] != walletAddr.Hex() || !strings.HasPrefix(shown["uri"].(string), client.DataURIPrefix) {
		t.Fatalf("show printed %v", shown)
	}
	if g := shown["gateway"].(map[string]any); g["agentId"] != "0" || !strings.EqualFold(g["owner"].(string), ownerAddr.Hex()) {
		t.Fatalf("the gateway's view: %v", g)
	}
	// Without a gateway, show still reads the chain.
	out = c.ok("agent", "show", "--agent-id", "1", "--gateway", closedPort(t))
	if out[0]["uri"] != srv.URL+"/agent.json" || out[0]["gateway"] != nil || out[0]["gatewayError"] == nil {
		t.Fatalf("show without a gateway printed %v", out)
	}

	c.ok("agent", "unset-wallet", "--key-file", owner, "--agent-id", "1")
	if out = c.ok("agent", "show", "--agent-id", "1"); out[0]["wallet"] != nil {
		t.Fatalf("after unset-wallet: %v", out)
	}
	strangerAddr := crypto.PubkeyToAddress(anvil.DevKey(9).PublicKey)
	out = c.ok("agent", "transfer", "--key-file", owner, "--agent-id", "0", "--to", strangerAddr.Hex())
	if out[0]["from"] != ownerAddr.Hex() || out[0]["to"] != strangerAddr.Hex() {
		t.Fatalf("transfer printed %v", out)
	}
	if out = c.ok("agent", "show", "--agent-id", "0"); out[0]["owner"] != strangerAddr.Hex() || out[0]["wallet"] != nil {
		t.Fatalf("after the transfer: %v", out)
	}
}

// TestAgentCommand_Errors: flags are refused before anything is dialled.
func TestAgentCommand_Errors(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	key := writeKeyFile(t, keyHex(t, 3))
	c := cli{t: t, ctx: ctx, flags: []string{"--gateway", "http://127.0.0.1:1", "--deployment", "", "--rpc-url", "http://127.0.0.1:1"}}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"agent", "register", "--key-file", key}, "--file or --uri"},
		{[]string{"agent", "register", "--key-file", key, "--file", "/nonexistent.json"}, "--file"},
		{[]string{"agent", "set-uri", "--key-file", key, "--file", "x.json"}, "--agent-id"},
		{[]string{"agent", "set-wallet", "--key-file", key, "--agent-id", "0"}, "--wallet-key-file, or --wallet with --signature"},
		{[]string{"agent", "set-wallet", "--key-file", key, "--agent-id", "0", "--wallet", "0x1", "--signature", "0x00"}, "not an address"},
		{[]string{"agent", "set-wallet", "--key-file", key, "--agent-id", "0", "--wallet", common.Address{1}.Hex(), "--signature", "0x00"}, "--deadline"},
		{[]string{"agent", "set-metadata", "--key-file", key, "--agent-id", "0"}, "--key"},
		{[]string{"agent", "transfer", "--key-file", key, "--agent-id", "-1", "--to", common.Address{1}.Hex()}, "--agent-id"},
		{[]string{"agent", "transfer", "--key-file", key, "--agent-id", "0"}, "--to"},
		{[]string{"agent", "show", "--agent-id", "0"}, "--deployment"},
		{[]string{"feedback", "give", "--key-file", key, "--agent-id", "0", "--job", "1"}, "--value"},
		{[]string{"feedback", "give", "--key-file", key, "--agent-id", "0", "--job", "0", "--value", "1"}, "--job"},
		{[]string{"feedback", "give", "--key-file", key, "--agent-id", "0", "--job", "1", "--value", "1.5"}, "--decimals"},
		{[]string{"feedback", "give", "--key-file", key, "--agent-id", "0", "--job", "1", "--value", "1", "--decimals", "19"}, "0 to 18"},
		{[]string{"feedback", "revoke", "--key-file", key, "--agent-id", "0", "--index", "0"}, "--index"},
		{[]string{"feedback", "respond", "--key-file", key, "--agent-id", "0", "--index", "1"}, "--client"},
		{[]string{"feedback", "respond", "--key-file", key, "--agent-id", "0", "--index", "1", "--client", common.Address{1}.Hex()}, "--uri or --file"},
		{[]string{"market", "resolve", "--key-file", key, "--job", "1"}, "--provider-bps"},
		{[]string{"market", "resolve", "--key-file", key, "--job", "1", "--provider-bps", "10001"}, "0 to 10000"},
		{[]string{"market", "dispute", "--key-file", key}, "--deployment"},
	} {
		c.fails(tc.args, tc.want)
	}
}
