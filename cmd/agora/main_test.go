package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/internal/anvil"
	"github.com/agoralabs/agora/internal/devchain"
)

// syncBuffer is a bytes.Buffer safe for the command writing while the test reads.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// run runs the program with args and returns its error and output.
func run(t *testing.T, ctx context.Context, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut syncBuffer
	m := &Main{Stdout: &out, Stderr: &errOut}
	err = m.Run(ctx, args)
	return out.String(), errOut.String(), err
}

func keyHex(t *testing.T, i int) string {
	t.Helper()
	return hex.EncodeToString(crypto.FromECDSA(anvil.DevKey(i)))
}

// TestDeployCommand runs `agora deploy` against a fresh anvil and checks the deployment file and the chain.
func TestDeployCommand(t *testing.T) {
	chain := devchain.Start(t)
	key := keyHex(t, 0)
	t.Setenv("AGORA_PRIVATE_KEY", "0x"+key)
	out := filepath.Join(t.TempDir(), "deployment.json")
	feeRecipient := chain.Address(3)

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	stdout, stderr, err := run(t, ctx, "deploy", "--rpc-url", chain.URL, "--out", out,
		"--fee-bps", "125", "--fee-recipient", feeRecipient.Hex())
	if err != nil {
		t.Fatalf("agora deploy: %v\n%s", err, stderr)
	}
	if strings.Contains(stdout+stderr, key) {
		t.Errorf("the private key appears in the output")
	}

	d, err := deployment.Read(out)
	if err != nil {
		t.Fatalf("deployment file: %v", err)
	}
	if d.ChainID != 31337 {
		t.Errorf("chainId = %d, want 31337", d.ChainID)
	}
	if d.Deployer != chain.Address(0) {
		t.Errorf("deployer = %s, want %s", d.Deployer, chain.Address(0))
	}
	if n := len(d.All()); n != len(deployment.Names) {
		t.Errorf("the deployment file names %d contracts, want %d (%v)", n, len(deployment.Names), deployment.Names)
	}
	for i, c := range d.All() {
		if !strings.Contains(stdout, c.Address.Hex()) {
			t.Errorf("stdout does not show %s at %s:\n%s", c.Name, c.Address, stdout)
		}
		code, err := chain.Client.CodeAt(ctx, c.Address, nil)
		if err != nil || len(code) == 0 {
			t.Errorf("%s: CodeAt = %d bytes, %v; want code", c.Name, len(code), err)
		}
		// A fresh anvil mines one block per transaction, and the deployer sends nothing else.
		if want := uint64(i + 1); c.DeployBlock != want {
			t.Errorf("%s: deployBlock = %d, want %d", c.Name, c.DeployBlock, want)
		}
		receipt, err := chain.Client.TransactionReceipt(ctx, c.TxHash)
		if err != nil || receipt.BlockNumber.Uint64() != c.DeployBlock || receipt.ContractAddress != c.Address {
			t.Errorf("%s: receipt of %s = %+v, %v; want block %d creating %s", c.Name, c.TxHash, receipt, err, c.DeployBlock, c.Address)
		}
	}

	escrow := bindings.NewAgentEscrow()
	inst := escrow.Instance(chain.Client, d.Contracts.AgentEscrow.Address)
	opts := &bind.CallOpts{Context: ctx}
	checks := []struct {
		name string
		call func() (common.Address, error)
		want common.Address
	}{
		{"identityRegistry", func() (common.Address, error) {
			return bind.Call(inst, opts, escrow.PackIdentityRegistry(), escrow.UnpackIdentityRegistry)
		}, d.Contracts.IdentityRegistry.Address},
		{"validationRegistry", func() (common.Address, error) {
			return bind.Call(inst, opts, escrow.PackValidationRegistry(), escrow.UnpackValidationRegistry)
		}, d.Contracts.ValidationRegistry.Address},
		{"defaultToken", func() (common.Address, error) {
			return bind.Call(inst, opts, escrow.PackDefaultToken(), escrow.UnpackDefaultToken)
		}, d.Contracts.TestUSD.Address},
		{"feeRecipient", func() (common.Address, error) {
			return bind.Call(inst, opts, escrow.PackFeeRecipient(), escrow.UnpackFeeRecipient)
		}, feeRecipient},
		{"owner", func() (common.Address, error) {
			return bind.Call(inst, opts, escrow.PackOwner(), escrow.UnpackOwner)
		}, chain.Address(0)},
	}
	for _, c := range checks {
		got, err := c.call()
		if err != nil || got != c.want {
			t.Errorf("escrow %s() = %s, %v; want %s", c.name, got, err, c.want)
		}
	}
	if fee, err := bind.Call(inst, opts, escrow.PackFeeBps(), escrow.UnpackFeeBps); err != nil || fee != 125 {
		t.Errorf("escrow feeBps() = %d, %v; want 125", fee, err)
	}
}

// TestDeployCommand_ConfigFile takes every setting from a config file, with a flag overriding one.
func TestDeployCommand_ConfigFile(t *testing.T) {
	chain := devchain.Start(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "agora.yaml")
	fromFile, fromFlag := filepath.Join(dir, "from-file.json"), filepath.Join(dir, "from-flag.json")
	config := "rpc-url: " + chain.URL + "\nprivate-key: " + keyHex(t, 1) + "\nout: " + fromFile + "\nfee-bps: 7\n"
	if err := os.WriteFile(cfg, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, stderr, err := run(t, ctx, "deploy", "--config", cfg, "--out", fromFlag); err != nil {
		t.Fatalf("agora deploy --config: %v\n%s", err, stderr)
	}
	if _, err := os.Stat(fromFile); err == nil {
		t.Errorf("wrote %s: the --out flag should override the config file", fromFile)
	}
	d, err := deployment.Read(fromFlag)
	if err != nil {
		t.Fatal(err)
	}
	if d.Deployer != chain.Address(1) {
		t.Errorf("deployer = %s, want dev account 1 %s (key from the config file)", d.Deployer, chain.Address(1))
	}
	escrow := bindings.NewAgentEscrow()
	fee, err := bind.Call(escrow.Instance(chain.Client, d.Contracts.AgentEscrow.Address), &bind.CallOpts{Context: ctx},
		escrow.PackFeeBps(), escrow.UnpackFeeBps)
	if err != nil || fee != 7 {
		t.Errorf("feeBps = %d, %v; want 7 from the config file", fee, err)
	}
}

func TestDeployCommand_Errors(t *testing.T) {
	secret := keyHex(t, 2)
	closed := closedPort(t)
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"no rpc url", nil, []string{"deploy", "--private-key", secret}, "--rpc-url"},
		{"no key", map[string]string{"AGORA_PRIVATE_KEY": ""}, []string{"deploy", "--rpc-url", closed}, "--private-key"},
		{"bad key", nil, []string{"deploy", "--rpc-url", closed, "--private-key", secret[:60] + "zz"}, "invalid private key"},
		{"bad fee recipient", nil, []string{"deploy", "--rpc-url", closed, "--private-key", secret, "--fee-recipient", "0x12"}, "not an address"},
		{"fee too high", nil, []string{"deploy", "--rpc-url", closed, "--private-key", secret, "--fee-bps", "1001"}, "above the maximum"},
		{"fee does not fit", nil, []string{"deploy", "--rpc-url", closed, "--private-key", secret, "--fee-bps", "70000"}, "invalid argument"},
		{"fee from env not a number", map[string]string{"AGORA_FEE_BPS": "ten"}, []string{"deploy", "--rpc-url", closed, "--private-key", secret}, "--fee-bps"},
		{"bad timeout", map[string]string{"AGORA_TIMEOUT": "soon"}, []string{"deploy", "--rpc-url", closed, "--private-key", secret}, "--timeout"},
		{"devnet bad port", map[string]string{"AGORA_PORT": "http"}, []string{"devnet", "--state-dir", "unused"}, "--port"},
		{"unreachable node", nil, []string{"deploy", "--rpc-url", closed, "--private-key", secret, "--timeout", "2s"}, "chain id"},
		{"env rpc url", map[string]string{"AGORA_RPC_URL": closed, "AGORA_PRIVATE_KEY": secret, "AGORA_TIMEOUT": "2s"}, []string{"deploy"}, "chain id"},
		{"stray argument", nil, []string{"deploy", "now"}, "unknown command"},
		{"unknown command", nil, []string{"launch"}, "unknown command"},
		{"bad log level", nil, []string{"version", "--log-level", "loud"}, "log level"},
		{"missing config", nil, []string{"version", "--config", "/nonexistent/agora.yaml"}, "read config"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("AGORA_PRIVATE_KEY", "")
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			stdout, stderr, err := run(t, ctx, tt.args...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("agora %s: error = %v, want one containing %q", strings.Join(tt.args, " "), err, tt.want)
			}
			if err != nil && err.Error() != strings.ToLower(err.Error()[:1])+err.Error()[1:] {
				t.Errorf("error %q does not start in lower case", err)
			}
			if strings.Contains(err.Error()+stdout+stderr, secret[:40]) {
				t.Errorf("the private key appears in the error or output")
			}
		})
	}
}

// closedPort returns an http URL on 127.0.0.1 where nothing listens.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}

// TestDevnetCommand starts `agora devnet` on a free port, waits for the deployment file, checks the chain
// and the minted balances, then interrupts it and checks that anvil and its cache are gone.
func TestDevnetCommand(t *testing.T) {
	bin, err := devchain.Anvil()
	if err != nil {
		t.Fatal(err)
	}
	stateDir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		m := &Main{Stdout: &stdout, Stderr: &stderr}
		done <- m.Run(ctx, []string{"devnet", "--port", "0", "--state-dir", stateDir, "--anvil", bin})
	}()

	rpcLine := regexp.MustCompile(`rpc url\s+(http://\S+)`)
	var url string
	for deadline := time.Now().Add(60 * time.Second); url == ""; {
		select {
		case err := <-done:
			t.Fatalf("agora devnet exited early: %v\n%s", err, stderr.String())
		case <-time.After(50 * time.Millisecond):
		}
		if m := rpcLine.FindStringSubmatch(stdout.String()); m != nil && strings.Contains(stdout.String(), "running") {
			url = m[1]
		}
		if time.Now().After(deadline) {
			t.Fatalf("agora devnet did not come up:\n%s\n%s", stdout.String(), stderr.String())
		}
	}

	d, err := deployment.Read(filepath.Join(stateDir, "deployment.json"))
	if err != nil {
		t.Fatalf("deployment file: %v", err)
	}
	cctx, ccancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer ccancel()
	client, err := ethclient.DialContext(cctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	if id, err := client.ChainID(cctx); err != nil || id.Uint64() != d.ChainID {
		t.Errorf("ChainID = %v, %v; want %d", id, err, d.ChainID)
	}
	if at, err := d.AuditAnchorAddress(); err != nil {
		t.Errorf("devnet deployment: %v", err)
	} else if code, err := client.CodeAt(cctx, at, nil); err != nil || len(code) == 0 {
		t.Errorf("AuditAnchor at %s: %d bytes of code, %v", at, len(code), err)
	}
	tusd := bindings.NewTestUSD()
	inst := tusd.Instance(client, d.Contracts.TestUSD.Address)
	want := new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(1_000_000))
	for i := range anvil.NumDevKeys {
		got, err := bind.Call(inst, &bind.CallOpts{Context: cctx}, tusd.PackBalanceOf(anvil.DevAddress(i)), tusd.UnpackBalanceOf)
		if err != nil || got.Cmp(want) != 0 {
			t.Errorf("tUSD balance of dev account %d = %v, %v; want %s", i, got, err, want)
		}
	}
	if _, err := os.Stat(filepath.Join(stateDir, "anvil-cache")); err != nil {
		t.Errorf("anvil cache dir: %v, want it inside the state dir while running", err)
	}

	cancel() // what SIGINT does through signal.NotifyContext in main
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("agora devnet returned %v after interrupt, want nil", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("agora devnet did not stop after interrupt")
	}
	if _, err := os.Stat(filepath.Join(stateDir, "anvil-cache")); !os.IsNotExist(err) {
		t.Errorf("anvil cache dir after stop: %v, want it removed", err)
	}
	if _, err := client.ChainID(cctx); err == nil {
		t.Errorf("anvil still answers at %s after stop", url)
	}
}

func TestRedactURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"http://127.0.0.1:8545", "http://127.0.0.1:8545"},
		{"http://localhost:8545/rpc?x=1", "http://localhost:8545/rpc?x=1"},
		{"https://rpc.example.org", "https://rpc.example.org"},
		{"https://mainnet.example.io/v3/0123456789abcdef", "https://mainnet.example.io/…"},
		{"https://user:secret@rpc.example.org", "https://rpc.example.org/…"},
		{"https://rpc.example.org/?apikey=secret", "https://rpc.example.org/…"},
	}
	for _, tt := range tests {
		if got := redactURL(tt.in); got != tt.want {
			t.Errorf("redactURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestVersionCommand(t *testing.T) {
	stdout, _, err := run(t, context.Background(), "version")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stdout, "agora ") || !strings.Contains(stdout, "go-ethereum") {
		t.Errorf("agora version = %q, want \"agora <version> (...go-ethereum...)\"", stdout)
	}
}

// deployedChain starts anvil, deploys every contract on it and writes the deployment file, whose path it
// returns with the chain and the deployment.
func deployedChain(t *testing.T) (*devchain.Chain, *deployment.Deployment, string) {
	t.Helper()
	chain := devchain.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d, err := deployment.Deploy(ctx, chain.Client, chain.Keys[0], deployment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "deployment.json")
	if err := d.Write(file); err != nil {
		t.Fatal(err)
	}
	return chain, d, file
}

// writeOtherChain writes a copy of d that claims chain 1, and returns its path.
func writeOtherChain(t *testing.T, d *deployment.Deployment) string {
	t.Helper()
	other := *d
	other.ChainID = 1
	path := filepath.Join(t.TempDir(), "mainnet.json")
	if err := other.Write(path); err != nil {
		t.Fatal(err)
	}
	return path
}
