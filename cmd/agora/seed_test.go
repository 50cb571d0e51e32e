package main

import (
	"context"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/governance/policy"
	"github.com/agoralabs/agora/seed"
)

// seedAgentsDir is the repository's registration files, from this package's folder.
const seedAgentsDir = "../../testdata/agents"

// TestSeedCommand runs `agora seed --history --governance --policy-dir` against a fresh chain: one line per
// registration file, in name order, naming the agent id the chain assigned and the wallet the chain holds;
// automine is back on; each demo principal's policy is written where `agora serve --policy-dir` reads it.
func TestSeedCommand(t *testing.T) {
	chain, d, file := deployedChain(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	policies := filepath.Join(t.TempDir(), "policies")
	stdout, stderr, err := run(t, ctx, "seed", "--rpc-url", chain.URL, "--deployment", file, "--dir", seedAgentsDir,
		"--history", "--governance", "--policy-dir", policies, "--key", keyHex(t, 0))
	if err != nil {
		t.Fatalf("agora seed: %v\n%s", err, stderr)
	}
	if strings.Contains(stdout+stderr, keyHex(t, 0)) {
		t.Error("the funder's key appears in the output")
	}
	// filepath.Glob sorts by name, as the seeder does.
	files, err := filepath.Glob(filepath.Join(seedAgentsDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != len(files) || len(files) == 0 {
		t.Fatalf("%d lines for %d files:\n%s", len(lines), len(files), stdout)
	}
	identity := bindings.NewIdentityRegistry()
	registry := identity.Instance(chain.Client, d.Contracts.IdentityRegistry.Address)
	for i, line := range lines {
		fields := strings.Fields(line)
		if len(fields) != 3 {
			t.Errorf("line %q: want agentId, file, wallet", line)
			continue
		}
		// A fresh registry numbers agents from 0.
		if want := filepath.Base(files[i]); fields[1] != want {
			t.Errorf("line %d names %s, want %s", i, fields[1], want)
		}
		id, ok := new(big.Int).SetString(fields[0], 10)
		if !ok || id.Int64() != int64(i) {
			t.Errorf("line %q: agentId %s, want %d", line, fields[0], i)
			continue
		}
		wallet, err := bind.Call(registry, &bind.CallOpts{Context: ctx}, identity.PackGetAgentWallet(id), identity.UnpackGetAgentWallet)
		if err != nil || !common.IsHexAddress(fields[2]) || wallet != common.HexToAddress(fields[2]) {
			t.Errorf("line %q: chain wallet %s (%v)", line, wallet, err)
		}
	}
	var automine bool
	if err := chain.Client.Client().CallContext(ctx, &automine, "anvil_getAutomine"); err != nil || !automine {
		t.Errorf("anvil_getAutomine = %v, %v after seeding; want it restored", automine, err)
	}
	escrow := bindings.NewAgentEscrow()
	jobs, err := bind.Call(escrow.Instance(chain.Client, d.Contracts.AgentEscrow.Address), &bind.CallOpts{Context: ctx},
		escrow.PackJobCount(), escrow.UnpackJobCount)
	if err != nil || jobs.Sign() == 0 {
		t.Errorf("jobCount = %v, %v; want the history's jobs", jobs, err)
	}
	if !strings.Contains(stderr, "sybil_target=") {
		t.Errorf("the log does not report the Sybil target:\n%s", stderr)
	}
	written, err := filepath.Glob(filepath.Join(policies, "0x*.rego"))
	if err != nil || len(written) != seed.Principals {
		t.Errorf("policies written: %v (%v), want one per demo principal", written, err)
	}
	for _, w := range written {
		engine := policy.NewEngine(policy.Options{})
		src, _ := os.ReadFile(w)
		params, _ := os.ReadFile(strings.TrimSuffix(w, ".rego") + ".json")
		var p map[string]any
		if err := json.Unmarshal(params, &p); err != nil {
			t.Fatalf("%s parameters: %v", w, err)
		}
		if _, err := engine.Set(strings.TrimSuffix(filepath.Base(w), ".rego"), string(src), p); err != nil {
			t.Errorf("%s does not load: %v", w, err)
		}
	}
}

func TestSeedCommand_Errors(t *testing.T) {
	chain, _, file := deployedChain(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no rpc url", []string{"seed", "--deployment", file}, "--rpc-url"},
		{"missing deployment", []string{"seed", "--rpc-url", chain.URL, "--deployment", filepath.Join(t.TempDir(), "none.json")}, "none.json"},
		{"bad key", []string{"seed", "--rpc-url", chain.URL, "--deployment", file, "--key", "0xnothex"}, "--key"},
		{"empty seed", []string{"seed", "--rpc-url", chain.URL, "--deployment", file, "--seed", ""}, "--seed"},
		{"bad timeout", []string{"seed", "--rpc-url", chain.URL, "--deployment", file, "--timeout", "soon"}, "--timeout"},
		{"no files", []string{"seed", "--rpc-url", chain.URL, "--deployment", file, "--dir", t.TempDir()}, "no registration files"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, _, err := run(t, ctx, tc.args...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("agora %s: error %v, want one mentioning %q", strings.Join(tc.args, " "), err, tc.want)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
		})
	}
}
