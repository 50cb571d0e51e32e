package seed_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/base64"
	"errors"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/internal/devchain"
	"github.com/agoralabs/agora/seed"
)

// agentsDir is the repository's registration files.
const agentsDir = "../testdata/agents"

// Job statuses (IAgentEscrow.JobStatus).
const (
	statusCompleted = 3
	statusRejected  = 4
	statusExpired   = 5
)

// fixture is a fresh anvil with Agora deployed.
type fixture struct {
	chain *devchain.Chain
	d     *deployment.Deployment
}

func setup(t *testing.T) *fixture {
	t.Helper()
	chain := devchain.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d, err := deployment.Deploy(ctx, chain.Client, chain.Keys[0], deployment.Options{FeeBps: 100})
	if err != nil {
		t.Fatalf("Deploy: %v", err)
	}
	return &fixture{chain: chain, d: d}
}

func (f *fixture) run(t *testing.T, cfg seed.Config) (*seed.Result, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if cfg.Deployment == nil {
		cfg.Deployment = f.d
	}
	if cfg.Funder == nil {
		cfg.Funder = f.chain.Keys[0]
	}
	return seed.Run(ctx, f.chain.Client, cfg)
}

// call reads a view function.
func call[T any](t *testing.T, f *fixture, at common.Address, data []byte, unpack func([]byte) (T, error)) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c := bind.NewBoundContract(at, abi.ABI{}, f.chain.Client, f.chain.Client, f.chain.Client) // raw calls need no ABI
	v, err := bind.Call(c, &bind.CallOpts{Context: ctx}, data, unpack)
	if err != nil {
		t.Fatalf("call %s: %v", at, err)
	}
	return v
}

func addr(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

// validFiles lists the repository's valid registration files in name order.
func validFiles(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(agentsDir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".json") && !strings.HasPrefix(e.Name(), seed.InvalidPrefix) {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	return names
}

// TestSeed_History seeds the repository's agents with history on a fresh anvil and checks the chain
// against the result: registrations, wallets, owners, jobs, feedback, validations and the Sybil attack.
func TestSeed_History(t *testing.T) {
	f := setup(t)
	log := slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelDebug}))
	res, err := f.run(t, seed.Config{Dir: agentsDir, History: true, Log: log})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	t.Logf("seeded %d agents with %d transactions in %s; history %+v", len(res.Agents), res.Transactions, res.Elapsed, res.History)

	identity := bindings.NewIdentityRegistry()
	reputation := bindings.NewReputationRegistry()
	validation := bindings.NewValidationRegistry()
	escrow := bindings.NewAgentEscrow()
	tusd := bindings.NewTestUSD()
	c := &f.d.Contracts
	idAt, repAt, valAt, escAt, tusdAt := c.IdentityRegistry.Address, c.ReputationRegistry.Address,
		c.ValidationRegistry.Address, c.AgentEscrow.Address, c.TestUSD.Address

	files, err := filepath.Glob(filepath.Join(agentsDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Agents) != len(files) || len(res.Agents) == 0 {
		t.Fatalf("%d agents for %d files", len(res.Agents), len(files))
	}
	wallets := map[common.Address]int{}
	for i, a := range res.Agents {
		if i > 0 && res.Agents[i-1].File >= a.File {
			t.Errorf("agents out of name order: %s before %s", res.Agents[i-1].File, a.File)
		}
		// A fresh registry numbers agents from 0, in file order.
		if a.AgentID.Cmp(big.NewInt(int64(i))) != 0 {
			t.Errorf("%s: agentId %s, want %d", a.File, a.AgentID, i)
		}
		raw, err := os.ReadFile(filepath.Join(agentsDir, a.File))
		if err != nil {
			t.Fatal(err)
		}
		uri := call(t, f, idAt, identity.PackTokenURI(a.AgentID), identity.UnpackTokenURI)
		if uri != a.URI {
			t.Errorf("%s: tokenURI differs from the result's URI", a.File)
		}
		b64, ok := strings.CutPrefix(uri, "data:application/json;base64,")
		decoded, err := base64.StdEncoding.DecodeString(b64)
		if !ok || err != nil || !bytes.Equal(decoded, raw) {
			t.Errorf("%s: tokenURI does not decode to the file's bytes (prefix ok %v, err %v)", a.File, ok, err)
		}
		if got, want := call(t, f, idAt, identity.PackGetAgentWallet(a.AgentID), identity.UnpackGetAgentWallet), addr(a.Wallet); got != want {
			t.Errorf("%s: getAgentWallet = %s, want %s", a.File, got, want)
		}
		if got, want := call(t, f, idAt, identity.PackOwnerOf(a.AgentID), identity.UnpackOwnerOf), addr(a.Owner); got != want {
			t.Errorf("%s: ownerOf = %s, want %s", a.File, got, want)
		}
		if a.Valid == strings.HasPrefix(a.File, seed.InvalidPrefix) {
			t.Errorf("%s: Valid = %v", a.File, a.Valid)
		}
		if !a.Valid && a.History != (seed.Counts{}) {
			t.Errorf("%s: invalid file has history %+v", a.File, a.History)
		}
		wallets[addr(a.Wallet)] = i
	}
	owners := map[common.Address]int{}
	for _, a := range res.Agents {
		owners[addr(a.Owner)]++
	}
	if len(owners) != seed.Owners {
		t.Errorf("%d distinct owners, want %d", len(owners), seed.Owners)
	}

	t.Run("Sybil target", func(t *testing.T) {
		valid := validFiles(t)
		var target *seed.Agent
		for i := range res.Agents {
			if res.Agents[i].File == valid[seed.SybilTargetIndex] {
				target = &res.Agents[i]
			}
		}
		if target == nil || res.SybilTarget == nil || res.SybilTarget.Cmp(target.AgentID) != 0 {
			t.Fatalf("SybilTarget = %v, want the agent of %s", res.SybilTarget, valid[seed.SybilTargetIndex])
		}
		if len(res.Sybils) != seed.Sybils {
			t.Fatalf("%d Sybils, want %d", len(res.Sybils), seed.Sybils)
		}
		clients := call(t, f, repAt, reputation.PackGetClients(target.AgentID), reputation.UnpackGetClients)
		sybils := map[common.Address]bool{}
		for _, k := range res.Sybils {
			sybils[addr(k)] = true
		}
		var fromSybils, honest int
		for _, cl := range clients {
			last := call(t, f, repAt, reputation.PackGetLastIndex(target.AgentID, cl), reputation.UnpackGetLastIndex)
			for i := uint64(1); i <= last; i++ {
				fb := call(t, f, repAt, reputation.PackReadFeedback(target.AgentID, cl, i), reputation.UnpackReadFeedback)
				switch {
				case sybils[cl]:
					fromSybils++
					if fb.Value.Int64() != 100 || fb.ValueDecimals != 0 {
						t.Errorf("Sybil %s gave %s (decimals %d), want 100", cl, fb.Value, fb.ValueDecimals)
					}
				default:
					honest++
					if v := fb.Value.Int64(); v < 40 || v > 60 {
						t.Errorf("honest feedback %d from %s = %d, want 40..60", i, cl, v)
					}
				}
			}
		}
		if fromSybils < seed.Sybils {
			t.Errorf("%d feedback entries from Sybils, want at least %d", fromSybils, seed.Sybils)
		}
		if honest == 0 || target.History.FeedbackPaid != honest || target.History.FeedbackSybil != fromSybils {
			t.Errorf("honest %d and Sybil %d entries; history says %+v", honest, fromSybils, target.History)
		}
		// The Sybils never paid: no tUSD, no job.
		for _, k := range res.Sybils {
			if bal := call(t, f, tusdAt, tusd.PackBalanceOf(addr(k)), tusd.UnpackBalanceOf); bal.Sign() != 0 {
				t.Errorf("Sybil %s holds %s tUSD", addr(k), bal)
			}
		}
	})

	t.Run("jobs", func(t *testing.T) {
		h := res.History
		count := call(t, f, escAt, escrow.PackJobCount(), escrow.UnpackJobCount)
		if count.Cmp(big.NewInt(int64(h.Jobs()))) != 0 {
			t.Fatalf("jobCount = %s, history says %d jobs", count, h.Jobs())
		}
		if h.JobsCompleted == 0 || h.JobsRejected == 0 || h.JobsWithdrawn == 0 || h.JobsExpired == 0 {
			t.Errorf("history %+v: want every ending at least once", h)
		}
		clients := map[common.Address]bool{}
		for _, k := range res.Clients {
			clients[addr(k)] = true
		}
		statuses := map[uint8]int{}
		perAgent := map[int]int{}
		for id := int64(1); id <= count.Int64(); id++ {
			job := call(t, f, escAt, escrow.PackGetJob(big.NewInt(id)), escrow.UnpackGetJob)
			statuses[job.Status]++
			i, ok := wallets[job.Provider]
			if !ok || !clients[job.Client] || job.Evaluator != job.Client || job.Token != tusdAt || job.Funded.Sign() == 0 {
				t.Errorf("job %d: %+v; want a funded tUSD job from a client to an agent wallet, evaluated by the client", id, job)
				continue
			}
			if job.Status == statusCompleted {
				perAgent[i]++
			}
		}
		if statuses[statusCompleted] != h.JobsCompleted || statuses[statusRejected] != h.JobsRejected+h.JobsWithdrawn ||
			statuses[statusExpired] != h.JobsExpired {
			t.Errorf("job statuses %v; history %+v", statuses, h)
		}
		for i, a := range res.Agents {
			if perAgent[i] != a.History.JobsCompleted {
				t.Errorf("%s: %d completed jobs on chain, history says %d", a.File, perAgent[i], a.History.JobsCompleted)
			}
		}
		withJobs := 0
		for _, a := range res.Agents {
			if a.History.Jobs() > 0 {
				withJobs++
			}
		}
		if valid := len(validFiles(t)); withJobs*4 < valid*3 {
			t.Errorf("%d of %d valid agents have jobs, want most", withJobs, valid)
		}
	})

	t.Run("feedback and validations", func(t *testing.T) {
		var feedback, validations int
		for _, a := range res.Agents {
			n := 0
			for _, cl := range call(t, f, repAt, reputation.PackGetClients(a.AgentID), reputation.UnpackGetClients) {
				n += int(call(t, f, repAt, reputation.PackGetLastIndex(a.AgentID, cl), reputation.UnpackGetLastIndex))
			}
			if n != a.History.Feedback() {
				t.Errorf("%s: %d feedback entries on chain, history says %+v", a.File, n, a.History)
			}
			feedback += n
			hashes := call(t, f, valAt, validation.PackGetAgentValidations(a.AgentID), validation.UnpackGetAgentValidations)
			if len(hashes) != a.History.Validations {
				t.Errorf("%s: %d validation requests, history says %d", a.File, len(hashes), a.History.Validations)
			}
			validations += len(hashes)
		}
		if feedback != res.History.Feedback() || res.History.FeedbackUnpaid == 0 {
			t.Errorf("%d feedback entries; history %+v", feedback, res.History)
		}
		requests := call(t, f, valAt, validation.PackGetValidatorRequests(addr(res.Validator)), validation.UnpackGetValidatorRequests)
		answered := 0
		for _, h := range requests {
			st := call(t, f, valAt, validation.PackGetValidationStatus(h), validation.UnpackGetValidationStatus)
			if st.LastUpdate.Sign() > 0 {
				answered++
				if st.Response > 100 {
					t.Errorf("validation %x: response %d", h, st.Response)
				}
			}
		}
		if len(requests) != validations || validations != res.History.Validations || answered != res.History.ValidationsAnswered || answered == 0 {
			t.Errorf("validator has %d requests (%d answered); agents %d; history %+v", len(requests), answered, validations, res.History)
		}
	})
}

// TestSeed_Deterministic seeds two fresh chains with the same seed and compares what the contracts
// assigned: agent ids, owners, wallets and every job.
func TestSeed_Deterministic(t *testing.T) {
	type job struct {
		client, provider common.Address
		budget           string
		status           uint8
	}
	snapshot := func() ([]seed.Agent, []job) {
		f := setup(t)
		res, err := f.run(t, seed.Config{Dir: agentsDir, History: true, Seed: "determinism"})
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
		escrow := bindings.NewAgentEscrow()
		at := f.d.Contracts.AgentEscrow.Address
		var jobs []job
		n := call(t, f, at, escrow.PackJobCount(), escrow.UnpackJobCount).Int64()
		for id := int64(1); id <= n; id++ {
			j := call(t, f, at, escrow.PackGetJob(big.NewInt(id)), escrow.UnpackGetJob)
			jobs = append(jobs, job{j.Client, j.Provider, j.Budget.String(), j.Status})
		}
		return res.Agents, jobs
	}
	agents1, jobs1 := snapshot()
	agents2, jobs2 := snapshot()
	if len(agents1) != len(agents2) {
		t.Fatalf("%d agents, then %d", len(agents1), len(agents2))
	}
	for i := range agents1 {
		a, b := agents1[i], agents2[i]
		if a.AgentID.Cmp(b.AgentID) != 0 || !a.Owner.Equal(b.Owner) || !a.Wallet.Equal(b.Wallet) || a.History != b.History {
			t.Errorf("%s: agent %s owner %s wallet %s %+v, then %s %s %s %+v", a.File, a.AgentID, addr(a.Owner), addr(a.Wallet),
				a.History, b.AgentID, addr(b.Owner), addr(b.Wallet), b.History)
		}
	}
	if !slices.Equal(jobs1, jobs2) || len(jobs1) == 0 {
		t.Errorf("jobs differ between runs (%d and %d jobs)", len(jobs1), len(jobs2))
	}
}

// TestSeed_WithoutHistory registers a small folder (with an invalid file) and creates nothing else.
func TestSeed_WithoutHistory(t *testing.T) {
	f := setup(t)
	dir := t.TempDir()
	files := map[string]string{
		"b-agent.json":         `{"name":"B"}`,
		"a-agent.json":         `{"name":"A","services":[{"name":"web","endpoint":"https://a.example/"}]}`,
		"invalid-agent.json":   `{"name":"bad","capabilities":[{"pricing":"free"}]}`,
		"notes.txt":            "not a registration file",
		"c-agent.json.partial": "{}",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := f.run(t, seed.Config{Dir: dir})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	// Again on the same chain: the same keys register the files again, under the next ids.
	again, err := f.run(t, seed.Config{Dir: dir})
	if err != nil {
		t.Fatalf("Run again: %v", err)
	}
	for i, a := range again.Agents {
		if want := int64(len(res.Agents) + i); a.AgentID.Int64() != want || !a.Wallet.Equal(res.Agents[i].Wallet) {
			t.Errorf("second run: %s has agentId %s, want %d, and the same wallet", a.File, a.AgentID, want)
		}
	}
	var names []string
	for _, a := range res.Agents {
		names = append(names, a.File)
		if want := "data:application/json;base64," + base64.StdEncoding.EncodeToString([]byte(files[a.File])); a.URI != want {
			t.Errorf("%s: URI %q, want %q", a.File, a.URI, want)
		}
	}
	if want := []string{"a-agent.json", "b-agent.json", "invalid-agent.json"}; !slices.Equal(names, want) {
		t.Errorf("agents %v, want %v", names, want)
	}
	if res.Clients != nil || res.Sybils != nil || res.Validator != nil || res.SybilTarget != nil || res.History != (seed.Counts{}) {
		t.Errorf("history without History: %+v", res)
	}
	escrow := bindings.NewAgentEscrow()
	if n := call(t, f, f.d.Contracts.AgentEscrow.Address, escrow.PackJobCount(), escrow.UnpackJobCount); n.Sign() != 0 {
		t.Errorf("jobCount = %s, want 0", n)
	}
	identity := bindings.NewIdentityRegistry()
	for _, a := range res.Agents {
		if got := call(t, f, f.d.Contracts.IdentityRegistry.Address, identity.PackGetAgentWallet(a.AgentID), identity.UnpackGetAgentWallet); got != addr(a.Wallet) {
			t.Errorf("%s: wallet %s, want %s", a.File, got, addr(a.Wallet))
		}
	}
}

// plainNode hides the ethclient's raw RPC client: the seeder must then treat the chain as any node, leave
// mining to it and plan no expiring job.
type plainNode struct{ deployment.Backend }

// TestSeed_OtherNode seeds a few agents with history through a backend that is not recognised as anvil:
// automine stays on, nothing expires, everything else happens and every job ends.
func TestSeed_OtherNode(t *testing.T) {
	f := setup(t)
	dir := t.TempDir()
	valid := validFiles(t)
	for _, name := range append(valid[:6:6], "invalid-types.json") {
		data, err := os.ReadFile(filepath.Join(agentsDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res, err := seed.Run(ctx, plainNode{f.chain.Client}, seed.Config{Dir: dir, Deployment: f.d, Funder: f.chain.Keys[0], History: true})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	t.Logf("seeded %d agents with %d transactions in %s, a block each; history %+v", len(res.Agents), res.Transactions, res.Elapsed, res.History)
	h := res.History
	if h.JobsExpired != 0 || h.JobsCompleted == 0 || h.FeedbackSybil != seed.Sybils {
		t.Errorf("history %+v: want completed jobs, none expired, %d Sybil reviews", h, seed.Sybils)
	}
	if len(res.Agents) != 7 || res.SybilTarget == nil || res.Agents[seed.SybilTargetIndex].AgentID.Cmp(res.SybilTarget) != 0 {
		t.Errorf("%d agents, Sybil target %v; want 7 and the agent of %s", len(res.Agents), res.SybilTarget, valid[seed.SybilTargetIndex])
	}
	for i, a := range res.Agents {
		if a.AgentID.Cmp(big.NewInt(int64(i))) != 0 {
			t.Errorf("%s: agentId %s, want %d", a.File, a.AgentID, i)
		}
	}
	escrow := bindings.NewAgentEscrow()
	at := f.d.Contracts.AgentEscrow.Address
	n := call(t, f, at, escrow.PackJobCount(), escrow.UnpackJobCount).Int64()
	if n != int64(h.Jobs()) {
		t.Errorf("jobCount = %d, history says %d", n, h.Jobs())
	}
	for id := int64(1); id <= n; id++ {
		if st := call(t, f, at, escrow.PackGetJob(big.NewInt(id)), escrow.UnpackGetJob).Status; st != statusCompleted && st != statusRejected {
			t.Errorf("job %d: status %d, want completed or rejected", id, st)
		}
	}
	var automine bool
	if err := f.chain.Client.Client().CallContext(ctx, &automine, "anvil_getAutomine"); err != nil || !automine {
		t.Errorf("anvil_getAutomine = %v, %v; want it untouched", automine, err)
	}
}

// TestSeed_Errors checks that bad configurations and failed transactions are reported with the step.
func TestSeed_Errors(t *testing.T) {
	f := setup(t)
	empty := t.TempDir()

	t.Run("no files", func(t *testing.T) {
		if _, err := f.run(t, seed.Config{Dir: empty}); err == nil || !strings.Contains(err.Error(), "no registration files") {
			t.Errorf("Run(empty dir) error = %v", err)
		}
	})
	t.Run("missing dir", func(t *testing.T) {
		if _, err := f.run(t, seed.Config{Dir: filepath.Join(empty, "nope")}); err == nil {
			t.Error("Run(missing dir) succeeded")
		}
	})
	t.Run("no deployment", func(t *testing.T) {
		_, err := seed.Run(context.Background(), f.chain.Client, seed.Config{Dir: agentsDir, Funder: f.chain.Keys[0]})
		if err == nil {
			t.Error("Run without a deployment succeeded")
		}
	})
	t.Run("wrong chain", func(t *testing.T) {
		d := *f.d
		d.ChainID++
		if _, err := f.run(t, seed.Config{Dir: agentsDir, Deployment: &d}); err == nil || !strings.Contains(err.Error(), "chain id") {
			t.Errorf("Run(other chain's deployment) error = %v", err)
		}
	})
	t.Run("unfunded funder", func(t *testing.T) {
		_, err := f.run(t, seed.Config{Dir: agentsDir, Funder: seed.Key("nobody", "funder", 0)})
		if err == nil || !strings.Contains(err.Error(), "fund owner 0") {
			t.Errorf("Run(unfunded funder) error = %v, want one naming the step", err)
		}
	})
	t.Run("reverted registration", func(t *testing.T) {
		// The registry's address swapped with TestUSD's: register reverts, and the receipt shows it.
		d := *f.d
		d.Contracts.IdentityRegistry, d.Contracts.TestUSD = d.Contracts.TestUSD, d.Contracts.IdentityRegistry
		_, err := f.run(t, seed.Config{Dir: agentsDir, Deployment: &d, Seed: "revert"})
		if !errors.Is(err, deployment.ErrReverted) || !strings.Contains(err.Error(), "register 01-") {
			t.Errorf("Run(wrong registry) error = %v, want a reverted register of the first file", err)
		}
	})
}

// TestSeedKey_Deterministic checks that keys depend on seed, role and index only, and on each of them.
func TestSeedKey_Deterministic(t *testing.T) {
	a, b := seed.Key("agora-seed", seed.RoleClient, 3), seed.Key("agora-seed", seed.RoleClient, 3)
	if !a.Equal(b) {
		t.Fatal("Key gave two different keys for the same input")
	}
	seen := map[common.Address]string{}
	for _, in := range []struct {
		seed, role string
		i          int
	}{
		{"agora-seed", "client", 3}, {"agora-seed", "client", 4}, {"agora-seed", "owner", 3}, {"other", "client", 3},
		{"ab", "c", 0}, {"a", "bc", 0}, {"agora-seed", "client", -3},
	} {
		k := addr(seed.Key(in.seed, in.role, in.i))
		if prev, ok := seen[k]; ok {
			t.Errorf("Key%v = Key%s", in, prev)
		}
		seen[k] = in.seed + "/" + in.role
	}
	// The derivation is pinned: a change would silently move every seeded account.
	want := crypto.Keccak256(append(append([]byte("agora-seed\x00client\x00"), 0, 0, 0, 0, 0, 0, 0), 3))
	if got := crypto.FromECDSA(a); !bytes.Equal(got, want) {
		t.Errorf("Key = %x, want keccak256(seed‖0‖role‖0‖int64be(i)) = %x", got, want)
	}
}

// TestSeed_Governance seeds with history and governance and checks on chain what the demo promises: two
// principals' mandates, the capped agent's mandate with nothing left, the frozen agent frozen by its
// principal with its job still funded, and the principals (not the agents) having paid.
func TestSeed_Governance(t *testing.T) {
	f := setup(t)
	res, err := f.run(t, seed.Config{Dir: agentsDir, History: true, Governance: true})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	g := res.Governance
	if g == nil || len(g.Mandates) != seed.Principals || g.CappedAgent == nil || g.FrozenAgent == nil || g.FrozenJob == nil {
		t.Fatalf("Governance = %+v, want two mandates, a capped agent and a frozen one with a job", g)
	}
	registry, escrow, tusd := bindings.NewMandateRegistry(), bindings.NewAgentEscrow(), bindings.NewTestUSD()
	at := f.d.Contracts.MandateRegistry.Address
	left := call(t, f, at, registry.PackRemaining(g.Mandates[0]), registry.UnpackRemaining)
	if left.Amount.Sign() != 0 {
		t.Errorf("the capped agent's mandate has %s left, want 0", left.Amount)
	}
	m0 := call(t, f, at, registry.PackGetMandate(g.Mandates[0]), registry.UnpackGetMandate)
	if m0.AgentId.Cmp(g.CappedAgent) != 0 || m0.Spent.Cmp(m0.Budget) != 0 {
		t.Errorf("mandate %s = %+v, want agent %s with its budget spent", g.Mandates[0], m0, g.CappedAgent)
	}
	if !call(t, f, at, registry.PackFrozen(addr(g.Principals[1]), g.FrozenAgent), registry.UnpackFrozen) {
		t.Errorf("agent %s is not frozen by principal 1", g.FrozenAgent)
	}
	job := call(t, f, f.d.Contracts.AgentEscrow.Address, escrow.PackGetJob(g.FrozenJob), escrow.UnpackGetJob)
	if job.Status != 1 || job.MandateId.Cmp(g.Mandates[1]) != 0 {
		t.Errorf("the frozen agent's job %s = status %d under mandate %s, want funded under %s", g.FrozenJob, job.Status,
			job.MandateId, g.Mandates[1])
	}
	// The principals paid: each holds its mint less what its agent spent.
	for i, want := range []int64{0, 45_000_000} {
		got := call(t, f, f.d.Contracts.TestUSD.Address, tusd.PackBalanceOf(addr(g.Principals[i])), tusd.UnpackBalanceOf)
		if got.Cmp(big.NewInt(want)) != 0 {
			t.Errorf("principal %d holds %s tUSD units, want %d", i, got, want)
		}
	}
}
