package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/internal/anvil"
	"github.com/agoralabs/agora/seed"
)

// tsExampleDir is examples/typescript, from this package's folder.
const tsExampleDir = "../../examples/typescript"

// TestTypeScriptExample runs the TypeScript buyer and provider of examples/typescript (viem alone) against the
// real stack — anvil with the contracts, the seeded agents, `agora index` and `agora serve` on PostgreSQL — and
// the Go demo agents: (a) the TS buyer against `agora market provide` (the provider's submit by `agora market
// submit`), the job completed on chain; (b) the TS provider against `agora market rfq --sign` + `fund`, winning,
// signing and submitting on chain, then `agora market complete`. First it checks that the buyer refuses a
// gateway whose domain is not the deployment's, and a key file others may read. Node 20+ and npm are
// required: the test fails without them rather than skipping.
func TestTypeScriptExample(t *testing.T) {
	node := requireNode(t)
	built := make(chan error, 1)
	go func() { built <- buildTSExample(node) }() // npm ci and tsc while the chain comes up
	dir := tsDir(t)

	chain, d, file := deployedChain(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	seeded, err := seed.Run(ctx, chain.Client, seed.Config{Dir: seedAgentsDir, Deployment: d, Funder: chain.Keys[0]})
	if err != nil {
		t.Fatal(err)
	}
	gatewayURL := startStack(t, chain.URL, file)
	goProvider, tsProvider := seeded.Agents[0], seeded.Agents[2]
	for _, a := range []seed.Agent{goProvider, tsProvider} {
		waitAgent(t, gatewayURL, a.AgentID)
		// The agent's wallet pays the gas of its submit.
		if err := chain.Client.Client().CallContext(ctx, nil, "anvil_setBalance", crypto.PubkeyToAddress(a.Wallet.PublicKey),
			"0xde0b6b3a7640000"); err != nil {
			t.Fatal(err)
		}
	}
	tsBuyer, goBuyer := anvil.DevKey(6), anvil.DevKey(7)
	if err := deployment.MintTestUSD(ctx, chain.Client, chain.Keys[0], d.Contracts.TestUSD.Address,
		[]common.Address{crypto.PubkeyToAddress(tsBuyer.PublicKey), crypto.PubkeyToAddress(goBuyer.PublicKey)}, big.NewInt(10_000),
		30*time.Second); err != nil {
		t.Fatal(err)
	}
	escrow, err := client.NewEscrow(ctx, chain.Client, d, 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	secrets := []string{hex.EncodeToString(crypto.FromECDSA(tsBuyer)), hex.EncodeToString(crypto.FromECDSA(goBuyer))}
	for _, a := range []seed.Agent{goProvider, tsProvider} {
		secrets = append(secrets, hex.EncodeToString(crypto.FromECDSA(a.Wallet)))
	}
	keyFiles := make([]string, len(secrets))
	for i, s := range secrets {
		keyFiles[i] = writeKeyFile(t, s)
	}
	var outputs []*syncBuffer
	noSecrets := func(t *testing.T) {
		t.Helper()
		for _, out := range outputs {
			for _, s := range secrets {
				if strings.Contains(strings.ToLower(out.String()), s) {
					t.Fatal("a private key appears in the output")
				}
			}
		}
	}
	select {
	case err := <-built:
		if err != nil {
			t.Fatal(err)
		}
	case <-ctx.Done():
		t.Fatal("the TypeScript example did not build")
	}
	tsArgs := []string{"--gateway", gatewayURL, "--rpc-url", chain.URL, "--deployment", file, "--timeout", "30"}
	gw := []string{"--gateway", gatewayURL, "--deployment", file}
	rpc := []string{"--rpc-url", chain.URL}

	t.Run("refusals", func(t *testing.T) {
		// The gateway serves chain 31337's escrow; a deployment file claiming chain 1 stops the buyer before it
		// signs anything. A key file that others may read is refused, without showing the key.
		loose := filepath.Join(t.TempDir(), "loose.key")
		if err := os.WriteFile(loose, []byte(secrets[0]), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(loose, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name string
			args []string
			want string
		}{
			{"another chain's deployment", []string{"--deployment", writeOtherChain(t, d), "--key-file", keyFiles[0]}, "the deployment's AgentEscrow"},
			{"loose key file", []string{"--key-file", loose}, "chmod 600"},
		} {
			out, done := startTS(t, ctx, dir, node, "buyer.js", append(append(append([]string{}, tsArgs...), tc.args...),
				"--capability", "invoice ocr", "--max-price", "1000")...)
			err := <-done
			if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(out.String(), "rfq_posted") {
				t.Fatalf("%s: %v\n%s", tc.name, err, out)
			}
			if strings.Contains(strings.ToLower(err.Error()), secrets[0]) {
				t.Fatalf("%s: the key appears in the error", tc.name)
			}
			outputs = append(outputs, out)
		}
	})

	t.Run("ts buyer, go provider", func(t *testing.T) {
		provOut, provDone := startMarket(t, ctx, append(gw, "provide", "--key-file", keyFiles[2], "--agent-id",
			goProvider.AgentID.String(), "--capability", "invoice ocr", "--price", "700", "--max-rfqs", "1")...)
		outputs = append(outputs, provOut)
		waitLine(t, provOut, provDone, "ready")
		buyerOut, buyerDone := startTS(t, ctx, dir, node, "buyer.js", append(append([]string{}, tsArgs...), "--key-file", keyFiles[0],
			"--capability", "Invoice OCR", "--max-price", "1000", "--spec", "40 invoices", "--window", "1000", "--reason", "fine")...)
		outputs = append(outputs, buyerOut)
		waitLine(t, buyerOut, buyerDone, "funded")
		funded := lineOf(t, buyerOut.String(), "funded")
		agreementID := funded["agreementId"].(string)
		if err := <-provDone; err != nil {
			t.Fatalf("market provide: %v", err)
		}
		if won := lineOf(t, provOut.String(), "won"); won["rfqId"] != lineOf(t, buyerOut.String(), "rfq_posted")["rfqId"] {
			t.Fatalf("the Go provider won %v", won)
		}
		// The Go provider delivers; the TS buyer sees it on chain and completes.
		stdout, stderr, err := runMarket(t, ctx, append(append(append([]string{}, gw...), "submit", "--key-file", keyFiles[2],
			"--agreement", agreementID, "--deliverable", "ipfs://ocr-result"), rpc...)...)
		if err != nil {
			t.Fatalf("market submit: %v\n%s", err, stderr)
		}
		if err := <-buyerDone; err != nil {
			t.Fatalf("the TS buyer: %v\n%s", err, buyerOut)
		}
		var events []string
		for _, l := range jsonLines(t, buyerOut.String()) {
			events = append(events, l["event"].(string))
		}
		want := []string{"ready", "rfq_posted", "closed", "signed", "agreement_signed", "approved", "funded", "submitted", "completed"}
		if got := strings.Join(dropQuotes(events), ","); got != strings.Join(want, ",") {
			t.Fatalf("the TS buyer printed %s, want %s\n%s", got, want, buyerOut)
		}
		closed := lineOf(t, buyerOut.String(), "closed")
		if award, _ := closed["award"].(map[string]any); award == nil || award["providerAgentId"] != goProvider.AgentID.String() || award["paid"] != "700" {
			t.Fatalf("the award: %v", closed)
		}

		// On chain: the agreement's job, paid by the TS buyer, delivered by the Go provider, completed.
		jobID, _ := new(big.Int).SetString(funded["jobId"].(string), 10)
		job, err := escrow.Job(ctx, jobID)
		if err != nil {
			t.Fatal(err)
		}
		wallet := crypto.PubkeyToAddress(goProvider.Wallet.PublicKey)
		if job.Status != client.JobCompleted || job.AgreementHash != common.HexToHash(agreementID) || job.Client != crypto.PubkeyToAddress(tsBuyer.PublicKey) ||
			job.Provider != wallet || job.ProviderAgentId.Cmp(goProvider.AgentID) != 0 || job.Budget.Int64() != 700 ||
			job.Deliverable != crypto.Keccak256Hash([]byte("ipfs://ocr-result")) || jsonOf(t, stdout)["jobId"] != jobID.String() {
			t.Fatalf("job %s on chain: %+v", jobID, job)
		}
		if got := tusdBalance(t, ctx, chain.Client, d, wallet); got.Int64() != 700 {
			t.Fatalf("the provider's wallet holds %s tUSD, want 700", got)
		}
		noSecrets(t)
		t.Logf("TS buyer:\n%s\nGo provider:\n%s", buyerOut, provOut)
	})

	t.Run("go buyer, ts provider", func(t *testing.T) {
		provOut, provDone := startTS(t, ctx, dir, node, "provider.js", append(append([]string{}, tsArgs...), "--key-file", keyFiles[3],
			"--agent-id", tsProvider.AgentID.String(), "--capability", "contract translation", "--capability", "legal review",
			"--price", "650", "--sla", "24h", "--deliverable", "ipfs://translated", "--max-jobs", "1")...)
		outputs = append(outputs, provOut)
		waitLine(t, provOut, provDone, "ready")
		buyerKeys := append(append([]string{}, gw...), "--key-file", keyFiles[1])
		stdout, stderr, err := runMarket(t, ctx, append(buyerKeys, "rfq", "--capability", "Contract translation, EN to VI",
			"--max-price", "900", "--window", "1s", "--sign")...)
		if err != nil {
			t.Fatalf("market rfq: %v\n%s\n%s", err, stderr, provOut)
		}
		lines := jsonLines(t, stdout)
		var closed client.RFQ
		var agreement client.Agreement
		remarshal(t, lines[0], &closed)
		remarshal(t, lines[len(lines)-1], &agreement)
		if closed.Award == nil || closed.Award.ProviderAgentID != tsProvider.AgentID.String() || closed.Award.Paid != "650" {
			t.Fatalf("the award: %s", stdout)
		}
		// The TS provider signs as soon as it hears the close; wait for its signature, then fund.
		c, err := client.New(gatewayURL)
		if err != nil {
			t.Fatal(err)
		}
		for agreement.ProviderSignature == nil {
			if ctx.Err() != nil {
				t.Fatalf("the TS provider never signed:\n%s", provOut)
			}
			time.Sleep(50 * time.Millisecond)
			v, err := c.GetAgreement(ctx, common.HexToHash(agreement.ID))
			if err != nil {
				t.Fatal(err)
			}
			agreement = *v
		}
		stdout, stderr, err = runMarket(t, ctx, append(append(buyerKeys, "fund", "--agreement", agreement.ID), rpc...)...)
		if err != nil {
			t.Fatalf("market fund: %v\n%s", err, stderr)
		}
		jobID, _ := new(big.Int).SetString(jsonOf(t, stdout)["jobId"].(string), 10)
		// The TS provider sees the job funded, submits, and ends (--max-jobs 1) with an offline heartbeat.
		if err := <-provDone; err != nil {
			t.Fatalf("the TS provider: %v\n%s", err, provOut)
		}
		var events []string
		for _, l := range jsonLines(t, provOut.String()) {
			events = append(events, l["event"].(string))
		}
		want := []string{"heartbeat", "ready", "quoted", "won", "funded", "submitted", "heartbeat"}
		if strings.Join(events, ",") != strings.Join(want, ",") {
			t.Fatalf("the TS provider printed %s, want %s\n%s", events, want, provOut)
		}
		if sub := lineOf(t, provOut.String(), "submitted"); sub["jobId"] != jobID.String() || sub["agreementId"] != agreement.ID {
			t.Fatalf("the TS provider submitted %v, want job %s of %s", sub, jobID, agreement.ID)
		}

		// On chain: submitted by the agent's wallet with the deliverable's hash; then the Go buyer completes.
		wallet := crypto.PubkeyToAddress(tsProvider.Wallet.PublicKey)
		job, err := escrow.Job(ctx, jobID)
		if err != nil {
			t.Fatal(err)
		}
		if job.Status != client.JobSubmitted || job.Provider != wallet || job.AgreementHash != common.HexToHash(agreement.ID) ||
			job.Deliverable != crypto.Keccak256Hash([]byte("ipfs://translated")) || job.Budget.Int64() != 650 {
			t.Fatalf("job %s on chain: %+v", jobID, job)
		}
		if _, stderr, err := runMarket(t, ctx, append(append(buyerKeys, "complete", "--job", jobID.String(), "--reason", "good"), rpc...)...); err != nil {
			t.Fatalf("market complete: %v\n%s", err, stderr)
		}
		if job, err = escrow.Job(ctx, jobID); err != nil || job.Status != client.JobCompleted {
			t.Fatalf("job %s after complete: %+v %v", jobID, job, err)
		}
		if got := tusdBalance(t, ctx, chain.Client, d, wallet); got.Int64() != 650 {
			t.Fatalf("the provider's wallet holds %s tUSD, want 650", got)
		}
		noSecrets(t)
		t.Logf("TS provider:\n%s", provOut)
	})
}

// TestTypeScriptExample_ABI holds every entry of the example's escrow ABI (src/abi.ts, viem's human-readable
// form) to the same entry of the committed bindings' ABI: same kind, name, parameter names and types, state
// mutability and indexing, so that a change of the contract fails here rather than in the example.
func TestTypeScriptExample_ABI(t *testing.T) {
	node := requireNode(t)
	if err := buildTSExample(node); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "--input-type=module", "-e", `import { escrowAbi } from "./dist/abi.js"; console.log(JSON.stringify(escrowAbi));`)
	cmd.Dir = tsDir(t)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var ts, bound []map[string]any
	if err := json.Unmarshal(out, &ts); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(bindings.AgentEscrowMetaData.ABI), &bound); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, entry := range ts {
		kinds[entry["type"].(string)]++
		want := normalizeABI(entry)
		var found bool
		for _, b := range bound {
			if b["type"] == entry["type"] && b["name"] == entry["name"] && reflect.DeepEqual(normalizeABI(b), want) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("the example's %s %v is not in the bindings' ABI as written: %v", entry["type"], entry["name"], want)
		}
	}
	// Every function and event the programs use, and every custom error of the escrow (so that viem names a revert).
	var errs int
	for _, b := range bound {
		if b["type"] == "error" {
			errs++
		}
	}
	if kinds["function"] != 4 || kinds["event"] != 1 || kinds["error"] != errs {
		t.Errorf("the example's ABI has %v, want 4 functions, 1 event and the escrow's %d errors", kinds, errs)
	}
}

func tsDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(tsExampleDir)
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// requireNode returns node's path, failing the test when Node 20+ or npm is missing: CI has them, and the
// TypeScript example is part of what it checks.
func requireNode(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("the TypeScript example needs Node.js 20 or later (node is not on PATH)")
	}
	if _, err := exec.LookPath("npm"); err != nil {
		t.Fatal("the TypeScript example needs npm (not on PATH)")
	}
	out, err := exec.Command(node, "--version").Output()
	if err != nil {
		t.Fatalf("node --version: %v", err)
	}
	v := strings.TrimPrefix(strings.TrimSpace(string(out)), "v")
	major, err := strconv.Atoi(strings.SplitN(v, ".", 2)[0])
	if err != nil || major < 20 {
		t.Fatalf("the TypeScript example needs Node.js 20 or later, found %q", out)
	}
	return node
}

// buildTSExample installs the example's locked dependencies (npm ci, skipped while node_modules matches
// package.json and package-lock.json) and compiles it to dist/ with the locked tsc, once per test process.
func buildTSExample(node string) error {
	tsBuild.once.Do(func() { tsBuild.err = buildTS(node) })
	return tsBuild.err
}

var tsBuild struct {
	once sync.Once
	err  error
}

func buildTS(node string) error {
	dir, err := filepath.Abs(tsExampleDir)
	if err != nil {
		return err
	}
	h := sha256.New()
	for _, f := range []string{"package.json", "package-lock.json"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			return err
		}
		h.Write(b)
	}
	want := hex.EncodeToString(h.Sum(nil))
	stamp := filepath.Join(dir, "node_modules", ".agora-stamp")
	if got, err := os.ReadFile(stamp); err != nil || string(got) != want {
		cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "npm_config_update_notifier=false")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("npm ci in %s: %v\n%s", dir, err, out)
		}
		if err := os.WriteFile(stamp, []byte(want), 0o644); err != nil {
			return err
		}
	}
	cmd := exec.Command(node, filepath.Join("node_modules", "typescript", "bin", "tsc"), "-p", ".")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("tsc in %s: %v\n%s", dir, err, out)
	}
	return nil
}

// startTS runs node dist/<program> with args in the background; stdout is read while it runs, stderr is
// returned with the error. The process gets SIGTERM when the test ends.
func startTS(t *testing.T, ctx context.Context, dir, node, program string, args ...string) (*syncBuffer, <-chan error) {
	t.Helper()
	out := &syncBuffer{}
	var errOut bytes.Buffer
	cmd := exec.CommandContext(ctx, node, append([]string{filepath.Join("dist", program)}, args...)...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = out, &errOut
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	exited := make(chan struct{})
	go func() {
		err := cmd.Wait()
		if err != nil {
			err = fmt.Errorf("%s: %w\n%s", program, err, errOut.String())
		}
		done <- err
		close(exited)
	}()
	t.Cleanup(func() {
		select {
		case <-exited:
		default:
			_ = cmd.Process.Signal(syscall.SIGTERM)
			<-exited
		}
	})
	return out, done
}

// waitAgent waits until the gateway shows agent id (indexed and served).
func waitAgent(t *testing.T, gatewayURL string, id *big.Int) {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for {
		res, err := http.Get(gatewayURL + "/v1/agents/" + id.String())
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the gateway never showed agent %s (%v)", id, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// lineOf returns the first JSON line of out whose "event" is event.
func lineOf(t *testing.T, out, event string) map[string]any {
	t.Helper()
	for _, l := range jsonLines(t, out) {
		if l["event"] == event {
			return l
		}
	}
	t.Fatalf("no %q line in:\n%s", event, out)
	return nil
}

// jsonOf decodes the only JSON line of out.
func jsonOf(t *testing.T, out string) map[string]any {
	t.Helper()
	lines := jsonLines(t, out)
	if len(lines) != 1 {
		t.Fatalf("want one JSON line, got:\n%s", out)
	}
	return lines[0]
}

// dropQuotes removes the "quotes" progress lines (how many arrive depends on timing).
func dropQuotes(events []string) []string {
	var out []string
	for _, e := range events {
		if e != "quotes" {
			out = append(out, e)
		}
	}
	return out
}

func tusdBalance(t *testing.T, ctx context.Context, backend bind.ContractBackend, d *deployment.Deployment, who common.Address) *big.Int {
	t.Helper()
	usd := bindings.NewTestUSD()
	bal, err := bind.Call(usd.Instance(backend, d.Contracts.TestUSD.Address), &bind.CallOpts{Context: ctx}, usd.PackBalanceOf(who), usd.UnpackBalanceOf)
	if err != nil {
		t.Fatal(err)
	}
	return bal
}

// normalizeABI drops what viem's human-readable ABI does not carry (internalType; anonymous and indexed when
// false) and names unnamed parameters "", as solc does.
func normalizeABI(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			switch {
			case k == "internalType", k == "anonymous" && e == false, k == "indexed" && e == false:
			default:
				out[k] = normalizeABI(e)
			}
		}
		if _, isParam := x["type"].(string); isParam && x["inputs"] == nil && x["name"] == nil {
			out["name"] = ""
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalizeABI(e)
		}
		return out
	}
	return v
}
