package main

import (
	"bufio"
	"context"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/internal/anvil"
	"github.com/agoralabs/agora/internal/pgtest"
	"github.com/agoralabs/agora/seed"
)

// runMarket runs `agora market <args>` to its end.
func runMarket(t *testing.T, ctx context.Context, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut syncBuffer
	root := (&Main{Stdout: &out, Stderr: &errOut}).newRootCommand()
	root.SetArgs(append([]string{"market"}, args...))
	err = root.ExecuteContext(ctx)
	return out.String(), errOut.String(), err
}

// startMarket runs `agora market <args>` in the background; its output is read while it runs.
func startMarket(t *testing.T, ctx context.Context, args ...string) (out *syncBuffer, done <-chan error) {
	t.Helper()
	return startCommand(t, ctx, append([]string{"market"}, args...)...)
}

// startCommand runs `agora args...` in the background until ctx ends; done receives its result.
func startCommand(t *testing.T, ctx context.Context, args ...string) (out *syncBuffer, done <-chan error) {
	t.Helper()
	out = &syncBuffer{}
	var errOut syncBuffer
	root := (&Main{Stdout: out, Stderr: &errOut}).newRootCommand()
	root.SetArgs(args)
	ch := make(chan error, 1)
	go func() {
		err := root.ExecuteContext(ctx)
		if err != nil {
			err = &cmdError{err: err, stderr: errOut.String()}
		}
		ch <- err
	}()
	return out, ch
}

type cmdError struct {
	err    error
	stderr string
}

func (e *cmdError) Error() string { return e.err.Error() + "\n" + e.stderr }

// jsonLines decodes every line of out.
func jsonLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var lines []map[string]any
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("output line %q: %v", sc.Text(), err)
		}
		lines = append(lines, m)
	}
	return lines
}

func writeKeyFile(t *testing.T, hexKey string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "key.hex")
	if err := os.WriteFile(path, []byte("0x"+hexKey+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func writeKeystore(t *testing.T, hexKey, pass string) string {
	t.Helper()
	key, err := crypto.HexToECDSA(hexKey)
	if err != nil {
		t.Fatal(err)
	}
	blob, err := keystore.EncryptKey(&keystore.Key{Address: crypto.PubkeyToAddress(key.PublicKey), PrivateKey: key}, pass,
		keystore.LightScryptN, keystore.LightScryptP)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "keystore.json")
	if err := os.WriteFile(path, blob, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// waitLine waits until out has a JSON line whose "event" is event.
func waitLine(t *testing.T, out *syncBuffer, done <-chan error, event string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !strings.Contains(out.String(), `"event":"`+event+`"`) {
		select {
		case err := <-done:
			t.Fatalf("the command ended before %q: %v\n%s", event, err, out.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %q line in:\n%s", event, out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestMarketCommands runs the market with the commands only, against `agora index` and `agora serve` on a
// fresh chain with the seeded agents: two `market provide` (one key file, one keystore with the passphrase
// in the environment) and a buyer's `market rfq --sign` (a keystore with a password file). The cheaper
// provider wins and signs, `market sign` again changes nothing, then `market fund`, `market submit` and
// `market complete` take the job to completed, which the gateway shows. No key appears in any output.
func TestMarketCommands(t *testing.T) {
	chain, d, file := deployedChain(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	seeded, err := seed.Run(ctx, chain.Client, seed.Config{Dir: seedAgentsDir, Deployment: d, Funder: chain.Keys[0]})
	if err != nil {
		t.Fatal(err)
	}
	db := pgtest.New(t)
	t.Setenv("AGORA_DATABASE_URL", db)
	bg, stop := context.WithCancel(context.Background())
	indexDone, serveDone := make(chan error, 1), make(chan error, 1)
	gatewayURL := closedPort(t)
	go func() {
		_, _, err := run(t, bg, "index", "--rpc-url", chain.URL, "--deployment", file, "--listen", "", "--poll-interval", "50ms",
			"--fetch-allow-private")
		indexDone <- err
	}()
	go func() {
		_, _, err := run(t, bg, "serve", "--rpc-url", chain.URL, "--deployment", file, "--listen", strings.TrimPrefix(gatewayURL, "http://"),
			"--rate-limit", "-1", "--drain", "10s")
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

	winner, loser := seeded.Agents[0], seeded.Agents[6]
	secrets := []string{keyHex(t, 5)}
	for _, a := range []seed.Agent{winner, loser} {
		secrets = append(secrets, hex.EncodeToString(crypto.FromECDSA(a.Wallet)))
	}
	deadline := time.Now().Add(90 * time.Second)
	for _, a := range []seed.Agent{winner, loser} {
		for {
			res, err := http.Get(gatewayURL + "/v1/agents/" + a.AgentID.String())
			if err == nil {
				res.Body.Close()
				if res.StatusCode == http.StatusOK {
					break
				}
			}
			if time.Now().After(deadline) {
				t.Fatalf("the gateway never showed agent %s (%v)", a.AgentID, err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}

	gw := []string{"--gateway", gatewayURL, "--deployment", file}
	t.Setenv("AGORA_KEYSTORE_PASSWORD", "provider pass")
	winnerOut, winnerDone := startMarket(t, ctx, append(gw, "provide", "--key-file", writeKeyFile(t, secrets[1]),
		"--agent-id", winner.AgentID.String(), "--capability", "invoice ocr", "--capability", "receipts", "--price", "700",
		"--sla", "24/7", "--max-rfqs", "1")...)
	loserOut, loserDone := startMarket(t, ctx, append(gw, "provide", "--keystore", writeKeystore(t, secrets[2], "provider pass"),
		"--agent-id", loser.AgentID.String(), "--capability", "ocr", "--price", "900", "--max-rfqs", "1")...)
	waitLine(t, winnerOut, winnerDone, "ready")
	waitLine(t, loserOut, loserDone, "ready")

	passFile := filepath.Join(t.TempDir(), "pass")
	if err := os.WriteFile(passFile, []byte("buyer pass\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	buyerKeys := append(gw, "--keystore", writeKeystore(t, secrets[0], "buyer pass"), "--password-file", passFile)
	stdout, stderr, err := runMarket(t, ctx, append(buyerKeys, "rfq", "--capability", "Invoice OCR", "--max-price", "1000",
		"--spec", "40 invoices", "--window", "3s", "--sign")...)
	if err != nil {
		t.Fatalf("market rfq: %v\n%s", err, stderr)
	}
	lines := jsonLines(t, stdout)
	if len(lines) != 2 {
		t.Fatalf("market rfq printed %d lines:\n%s", len(lines), stdout)
	}
	var closed client.RFQ
	var agreement client.Agreement
	remarshal(t, lines[0], &closed)
	remarshal(t, lines[1], &agreement)
	if closed.Status != client.RFQAwarded || closed.Award == nil || closed.Award.ProviderAgentID != winner.AgentID.String() ||
		closed.Award.Paid != "700" || len(closed.Ranked) != 2 {
		t.Fatalf("the award: %s", stdout)
	}
	if agreement.ClientSignature == nil || agreement.RFQID == nil || *agreement.RFQID != closed.ID {
		t.Fatalf("the buyer's signature: %+v", agreement)
	}

	for name, p := range map[string]struct {
		out   *syncBuffer
		done  <-chan error
		event string
	}{"winner": {winnerOut, winnerDone, "won"}, "loser": {loserOut, loserDone, "lost"}} {
		select {
		case err := <-p.done:
			if err != nil {
				t.Fatalf("%s: market provide: %v", name, err)
			}
		case <-ctx.Done():
			t.Fatalf("%s: market provide did not end after its RFQ", name)
		}
		events := map[string]bool{}
		for _, l := range jsonLines(t, p.out.String()) {
			events[l["event"].(string)] = true
		}
		if !events["ready"] || !events["quoted"] || !events[p.event] || len(events) != 3 {
			t.Fatalf("%s printed:\n%s", name, p.out.String())
		}
	}

	// Both have signed; signing again as the provider changes nothing.
	winnerKeys := append(gw, "--key-file", writeKeyFile(t, secrets[1]))
	stdout, stderr, err = runMarket(t, ctx, append(winnerKeys, "sign", "--rfq", closed.ID)...)
	if err != nil {
		t.Fatalf("market sign: %v\n%s", err, stderr)
	}
	remarshal(t, jsonLines(t, stdout)[0], &agreement)
	if agreement.State != client.AgreementSigned || agreement.ClientSignature == nil || agreement.ProviderSignature == nil {
		t.Fatalf("after both signed: %s", stdout)
	}

	// The escrow: fund (after minting the buyer's tUSD), submit, complete.
	if err := deployment.MintTestUSD(ctx, chain.Client, chain.Keys[0], d.Contracts.TestUSD.Address,
		[]common.Address{crypto.PubkeyToAddress(anvil.DevKey(5).PublicKey)}, big.NewInt(700), 30*time.Second); err != nil {
		t.Fatal(err)
	}
	// The agent's wallet pays the gas of its submit.
	if err := chain.Client.Client().CallContext(ctx, nil, "anvil_setBalance", crypto.PubkeyToAddress(winner.Wallet.PublicKey),
		"0xde0b6b3a7640000"); err != nil {
		t.Fatal(err)
	}
	rpc := []string{"--rpc-url", chain.URL}
	stdout, stderr, err = runMarket(t, ctx, append(append(buyerKeys, "fund", "--agreement", agreement.ID), rpc...)...)
	if err != nil {
		t.Fatalf("market fund: %v\n%s", err, stderr)
	}
	funded := jsonLines(t, stdout)[0]
	if funded["jobId"] == "" || funded["agreementId"] != agreement.ID || funded["approveTx"] == nil {
		t.Fatalf("market fund printed %s", stdout)
	}
	stdout, stderr, err = runMarket(t, ctx, append(append(winnerKeys, "submit", "--agreement", agreement.ID, "--deliverable", "ipfs://result"), rpc...)...)
	if err != nil {
		t.Fatalf("market submit: %v\n%s", err, stderr)
	}
	if got := jsonLines(t, stdout)[0]; got["jobId"] != funded["jobId"] || got["deliverable"] != crypto.Keccak256Hash([]byte("ipfs://result")).Hex() {
		t.Fatalf("market submit printed %s", stdout)
	}
	stdout, stderr, err = runMarket(t, ctx, append(append(buyerKeys, "complete", "--job", funded["jobId"].(string), "--reason", "fine"), rpc...)...)
	if err != nil {
		t.Fatalf("market complete: %v\n%s", err, stderr)
	}
	if got := jsonLines(t, stdout)[0]; got["method"] != client.SettleComplete {
		t.Fatalf("market complete printed %s", stdout)
	}
	c, err := client.New(gatewayURL)
	if err != nil {
		t.Fatal(err)
	}
	id := common.HexToHash(agreement.ID)
	for {
		v, err := c.GetAgreement(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if v.State == client.AgreementCompleted {
			if v.JobID == nil || *v.JobID != funded["jobId"] {
				t.Fatalf("completed agreement %+v, want job %v", v, funded["jobId"])
			}
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("the agreement is %s, never completed", v.State)
		}
		time.Sleep(50 * time.Millisecond)
	}
	for _, out := range []string{winnerOut.String(), loserOut.String(), stdout, stderr} {
		for _, s := range secrets {
			if strings.Contains(strings.ToLower(out), s) {
				t.Fatal("a private key appears in the output")
			}
		}
		if strings.Contains(out, "buyer pass") || strings.Contains(out, "provider pass") {
			t.Fatal("a passphrase appears in the output")
		}
	}
}

func remarshal(t *testing.T, in any, out any) {
	t.Helper()
	b, err := json.Marshal(in)
	if err == nil {
		err = json.Unmarshal(b, out)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// TestMarketCommand_Errors: bad keys and flags are refused before anything is sent, and no error shows a
// key or a passphrase.
func TestMarketCommand_Errors(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	key := keyHex(t, 3)
	good := writeKeyFile(t, key)
	loose := filepath.Join(t.TempDir(), "loose.hex")
	if err := os.WriteFile(loose, []byte(key), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(loose, 0o644); err != nil {
		t.Fatal(err)
	}
	store := writeKeystore(t, key, "right")
	wrongPass := filepath.Join(t.TempDir(), "wrong")
	if err := os.WriteFile(wrongPass, []byte("wrong\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("AGORA_KEYSTORE_PASSWORD", "")
	os.Unsetenv("AGORA_KEYSTORE_PASSWORD")
	base := []string{"--gateway", "http://127.0.0.1:1", "--deployment", ""}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no key", []string{"rfq", "--capability", "x", "--max-price", "1"}, "--key-file or --keystore"},
		{"both keys", []string{"rfq", "--key-file", good, "--keystore", store}, "not both"},
		{"loose key file", []string{"rfq", "--key-file", loose}, "chmod 600"},
		{"no passphrase", []string{"rfq", "--keystore", store}, "AGORA_KEYSTORE_PASSWORD"},
		{"wrong passphrase", []string{"rfq", "--keystore", store, "--password-file", wrongPass}, "could not decrypt"},
		{"no capability", []string{"rfq", "--key-file", good, "--max-price", "1"}, "--capability"},
		{"no max price", []string{"rfq", "--key-file", good, "--capability", "ocr"}, "--max-price"},
		{"bad auction", []string{"rfq", "--key-file", good, "--capability", "ocr", "--max-price", "1", "--auction", "english"}, "--auction"},
		{"direct without provider", []string{"rfq", "--key-file", good, "--capability", "ocr", "--max-price", "1", "--auction", "direct"}, "--provider"},
		{"no token", []string{"rfq", "--key-file", good, "--capability", "ocr", "--max-price", "1"}, "--token"},
		{"bad gateway", []string{"rfq", "--key-file", good, "--gateway", "ftp://x"}, "--gateway"},
		{"provide without agent", []string{"provide", "--key-file", good, "--capability", "ocr", "--price", "1"}, "--agent-id"},
		{"provide without capability", []string{"provide", "--key-file", good, "--agent-id", "1", "--price", "1"}, "--capability"},
		{"provide without price", []string{"provide", "--key-file", good, "--agent-id", "1", "--capability", "ocr"}, "--price"},
		{"sign without id", []string{"sign", "--key-file", good}, "--rfq or --agreement"},
		{"sign bad id", []string{"sign", "--key-file", good, "--rfq", "0x12"}, "--rfq"},
		{"fund without deployment", []string{"fund", "--key-file", good, "--agreement", "0x12"}, "--agreement"},
		{"submit without deliverable", []string{"submit", "--key-file", good, "--job", "1"}, "--deliverable"},
		{"complete without deployment", []string{"complete", "--key-file", good, "--job", "1"}, "--deployment"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, err := runMarket(t, ctx, append(base, tc.args...)...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
			if stdout != "" {
				t.Fatalf("stdout %q", stdout)
			}
			for _, s := range []string{err.Error(), stderr} {
				if strings.Contains(strings.ToLower(s), key) || strings.Contains(s, "right") {
					t.Fatalf("a secret appears in %q", s)
				}
			}
		})
	}
}
