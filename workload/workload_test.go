package workload_test

import (
	"context"
	"errors"
	"log/slog"
	"math/big"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/internal/anvil"
	"github.com/agoralabs/agora/internal/devchain"
	"github.com/agoralabs/agora/workload"
)

// testLog is quiet unless WORKLOAD_TEST_LOG is set (debug shows the gas used against the limits).
func testLog() *slog.Logger {
	if os.Getenv("WORKLOAD_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.DiscardHandler)
}

// setup starts anvil and deploys Agora from dev account 0 with a 2.5% escrow fee.
func setup(t *testing.T) (*devchain.Chain, *deployment.Deployment) {
	t.Helper()
	chain := devchain.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	// A fee, so that settlements pay a fee recipient too.
	d, err := deployment.Deploy(ctx, chain.Client, chain.Keys[0],
		deployment.Options{FeeBps: 250, FeeRecipient: chain.Address(9), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatalf("Deploy: %v", err)
	}
	return chain, d
}

// jobHeavy starts enough escrow jobs that a short run takes every path of both kinds.
func jobHeavy() workload.Mix {
	m := workload.DefaultMix()
	m.PlainJob, m.AgreementJob = 6, 7
	return m
}

func config(chain *devchain.Chain, d *deployment.Deployment) workload.Config {
	return workload.Config{
		RPCURL: chain.URL, Deployment: d, Funder: chain.Keys[0], Seed: 7,
		Blocks: 30, TxPerBlock: 20, Accounts: 12, Mix: jobHeavy(), Log: testLog(),
	}
}

func run(t *testing.T, cfg workload.Config) *workload.Stats {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	stats, err := workload.Run(ctx, cfg)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	t.Logf("\n%s", stats)
	return stats
}

// logs returns every log of d's contracts in the run's blocks.
func logs(t *testing.T, chain *devchain.Chain, d *deployment.Deployment, stats *workload.Stats) []types.Log {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var addrs []common.Address
	for _, c := range d.All() {
		addrs = append(addrs, c.Address)
	}
	got, err := chain.Client.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(stats.FirstBlock), ToBlock: new(big.Int).SetUint64(stats.LastBlock), Addresses: addrs,
	})
	if err != nil {
		t.Fatalf("FilterLogs: %v", err)
	}
	return got
}

func TestRun_SmallRun(t *testing.T) {
	chain, d := setup(t)
	cfg := config(chain, d)
	stats := run(t, cfg)

	t.Run("sizes", func(t *testing.T) {
		if stats.Blocks < cfg.Blocks {
			t.Errorf("Blocks = %d, want at least %d", stats.Blocks, cfg.Blocks)
		}
		if got, want := stats.LastBlock-stats.FirstBlock+1, uint64(stats.Blocks); got != want {
			t.Errorf("blocks #%d..#%d are %d, Blocks = %d", stats.FirstBlock, stats.LastBlock, got, want)
		}
		sum := 0
		for _, n := range stats.ByAction {
			sum += n
		}
		if sum != stats.Txs {
			t.Errorf("ByAction sums to %d, Txs = %d", sum, stats.Txs)
		}
		if min := cfg.Blocks * cfg.TxPerBlock * 9 / 10; stats.Txs < min {
			t.Errorf("Txs = %d, want at least %d", stats.Txs, min)
		}
	})

	t.Run("every action and event appears", func(t *testing.T) {
		for _, a := range workload.ActionNames() {
			if stats.ByAction[a] == 0 {
				t.Errorf("ByAction[%q] = 0", a)
			}
		}
		want := []string{
			"IdentityRegistry.Registered", "IdentityRegistry.Transfer", "IdentityRegistry.MetadataSet", "IdentityRegistry.URIUpdated",
			"ReputationRegistry.NewFeedback", "ReputationRegistry.FeedbackRevoked", "ReputationRegistry.ResponseAppended",
			"ValidationRegistry.ValidationRequest", "ValidationRegistry.ValidationResponse",
			"TestUSD.Transfer", "TestUSD.Approval",
			"AgentEscrow.JobCreated", "AgentEscrow.ProviderSet", "AgentEscrow.BudgetSet", "AgentEscrow.JobFunded",
			"AgentEscrow.JobSubmitted", "AgentEscrow.JobCompleted", "AgentEscrow.JobRejected", "AgentEscrow.JobExpired",
			"AgentEscrow.PaymentReleased", "AgentEscrow.Refunded", "AgentEscrow.AgreementJobCreated",
			"AgentEscrow.JobDisputed", "AgentEscrow.DisputeResolved", "AgentEscrow.JobSettled",
		}
		for _, name := range want {
			if stats.ByEvent[name] == 0 {
				t.Errorf("ByEvent[%q] = 0", name)
			}
		}
	})

	t.Run("event counts equal the logs on chain", func(t *testing.T) {
		name := workload.EventNamer(d)
		onChain := make(map[string]int)
		all := logs(t, chain, d, stats)
		for i := range all {
			n, ok := name(&all[i])
			if !ok {
				t.Fatalf("log %d from %s is not from the deployment", i, all[i].Address)
			}
			onChain[n]++
		}
		if got, want := stats.Events, len(all); got != want {
			t.Errorf("Events = %d, logs on chain = %d", got, want)
		}
		for _, k := range union(stats.ByEvent, onChain) {
			if stats.ByEvent[k] != onChain[k] {
				t.Errorf("ByEvent[%q] = %d, logs on chain = %d", k, stats.ByEvent[k], onChain[k])
			}
		}
	})

	t.Run("chain views agree with the model", func(t *testing.T) {
		checkModel(t, chain, d, stats.Model)
	})

	t.Run("automine is back on", func(t *testing.T) {
		var on bool
		if err := chain.Client.Client().Call(&on, "anvil_getAutomine"); err != nil || !on {
			t.Errorf("anvil_getAutomine = %v, %v; want true", on, err)
		}
	})
}

// checkModel compares the chain's views with the generator's model: every agent's owner and wallet, the
// non-revoked feedback count of every (agent, client), every validation's latest answer and every job's
// status.
func checkModel(t *testing.T, chain *devchain.Chain, d *deployment.Deployment, m *workload.Model) {
	t.Helper()
	if m == nil || len(m.Agents) == 0 || len(m.Feedback) == 0 || len(m.Jobs) == 0 || len(m.Validations) == 0 {
		t.Fatalf("model is missing agents, feedback, validations or jobs: %+v", m)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	opts := &bind.CallOpts{Context: ctx}
	identity, reputation := bindings.NewIdentityRegistry(), bindings.NewReputationRegistry()
	validation, escrow := bindings.NewValidationRegistry(), bindings.NewAgentEscrow()
	idc := identity.Instance(chain.Client, d.Contracts.IdentityRegistry.Address)
	repc := reputation.Instance(chain.Client, d.Contracts.ReputationRegistry.Address)
	valc := validation.Instance(chain.Client, d.Contracts.ValidationRegistry.Address)
	escc := escrow.Instance(chain.Client, d.Contracts.AgentEscrow.Address)

	for _, a := range m.Agents {
		id := new(big.Int).SetUint64(a.ID)
		owner, err := bind.Call(idc, opts, identity.PackOwnerOf(id), identity.UnpackOwnerOf)
		if err != nil || owner != a.Owner {
			t.Errorf("ownerOf(%d) = %s, %v; model %s", a.ID, owner, err, a.Owner)
		}
		wallet, err := bind.Call(idc, opts, identity.PackGetAgentWallet(id), identity.UnpackGetAgentWallet)
		if err != nil || wallet != a.Wallet {
			t.Errorf("getAgentWallet(%d) = %s, %v; model %s", a.ID, wallet, err, a.Wallet)
		}
		uri, err := bind.Call(idc, opts, identity.PackTokenURI(id), identity.UnpackTokenURI)
		if err != nil || uri != a.URI {
			t.Errorf("tokenURI(%d) = %.40q, %v; model %.40q", a.ID, uri, err, a.URI)
		}
	}

	type pair struct {
		agent  uint64
		client common.Address
	}
	live := make(map[pair]uint64)
	var pairs []pair
	for _, f := range m.Feedback {
		p := pair{f.AgentID, f.Client}
		if _, seen := live[p]; !seen {
			pairs = append(pairs, p)
			live[p] = 0
		}
		if !f.Revoked {
			live[p]++
		}
	}
	for _, p := range pairs {
		s, err := bind.Call(repc, opts, reputation.PackGetSummary(new(big.Int).SetUint64(p.agent), []common.Address{p.client}, "", ""),
			reputation.UnpackGetSummary)
		if err != nil || s.Count != live[p] {
			t.Errorf("getSummary(%d, [%s]).count = %d, %v; model %d", p.agent, p.client, s.Count, err, live[p])
		}
	}

	for _, v := range m.Validations {
		s, err := bind.Call(valc, opts, validation.PackGetValidationStatus(v.RequestHash), validation.UnpackGetValidationStatus)
		switch {
		case err != nil:
			t.Errorf("getValidationStatus(%s): %v", v.RequestHash, err)
		case s.ValidatorAddress != v.Validator || s.AgentId.Uint64() != v.AgentID:
			t.Errorf("getValidationStatus(%s) names %s and agent %s; model %s and %d", v.RequestHash, s.ValidatorAddress, s.AgentId, v.Validator, v.AgentID)
		case (s.LastUpdate.Sign() > 0) != (v.Answers > 0) || s.Response != v.Response:
			t.Errorf("getValidationStatus(%s) = response %d at %s; model %d answers, latest %d", v.RequestHash, s.Response, s.LastUpdate, v.Answers, v.Response)
		}
	}

	statuses := make(map[uint8]int)
	for _, j := range m.Jobs {
		job, err := bind.Call(escc, opts, escrow.PackGetJob(new(big.Int).SetUint64(j.ID)), escrow.UnpackGetJob)
		if err != nil {
			t.Errorf("getJob(%d): %v", j.ID, err)
			continue
		}
		if job.Status != j.Status || job.Client != j.Client || job.Provider != j.Provider || job.Budget.Cmp(j.Budget) != 0 {
			t.Errorf("getJob(%d) = status %d client %s provider %s budget %s; model %d %s %s %s",
				j.ID, job.Status, job.Client, job.Provider, job.Budget, j.Status, j.Client, j.Provider, j.Budget)
		}
		statuses[j.Status]++
	}
	t.Logf("jobs by status (0 open .. 7 resolved): %v", statuses)
}

func union(a, b map[string]int) []string {
	var keys []string
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// TestRun_Deterministic runs the same seed on two fresh chains from the same start time: the logs (address
// and topics, in order) must be the same.
func TestRun_Deterministic(t *testing.T) {
	start := time.Now().Add(time.Hour).Truncate(time.Second)
	var sequences [2][]string
	var counts [2]map[string]int
	for i := range 2 {
		chain, d := setup(t)
		cfg := config(chain, d)
		cfg.Mix = workload.DefaultMix()
		cfg.Blocks, cfg.TxPerBlock, cfg.Seed, cfg.StartTime = 15, 25, 42, start
		stats := run(t, cfg)
		counts[i] = stats.ByEvent
		for _, l := range logs(t, chain, d, stats) {
			var sb strings.Builder
			sb.WriteString(l.Address.Hex())
			for _, topic := range l.Topics {
				sb.WriteString(" " + topic.Hex())
			}
			sequences[i] = append(sequences[i], sb.String())
		}
	}
	if len(sequences[0]) == 0 {
		t.Fatal("no logs")
	}
	if len(sequences[0]) != len(sequences[1]) {
		t.Fatalf("%d logs, then %d", len(sequences[0]), len(sequences[1]))
	}
	for i := range sequences[0] {
		if sequences[0][i] != sequences[1][i] {
			t.Fatalf("log %d differs:\n%s\n%s", i, sequences[0][i], sequences[1][i])
		}
	}
	for _, k := range union(counts[0], counts[1]) {
		if counts[0][k] != counts[1][k] {
			t.Errorf("ByEvent[%q] = %d, then %d", k, counts[0][k], counts[1][k])
		}
	}
}

// cancelOn cancels a context when a record with the given message is logged.
type cancelOn struct {
	msg    string
	cancel context.CancelFunc
}

func (h cancelOn) Enabled(context.Context, slog.Level) bool { return true }
func (h cancelOn) Handle(_ context.Context, r slog.Record) error {
	if r.Message == h.msg {
		h.cancel()
	}
	return nil
}
func (h cancelOn) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h cancelOn) WithGroup(string) slog.Handler      { return h }

// TestRun_CancelledRestoresAutomine stops a run after its setup blocks: Run returns the context's error and
// leaves anvil mining automatically again.
func TestRun_CancelledRestoresAutomine(t *testing.T) {
	chain, d := setup(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cfg := config(chain, d)
	cfg.Log = slog.New(cancelOn{msg: "accounts funded", cancel: cancel})
	stats, err := workload.Run(ctx, cfg)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run error = %v, want context.Canceled", err)
	}
	if stats == nil || stats.Blocks == 0 || stats.Txs == 0 {
		t.Errorf("stats after the setup = %+v, want the setup blocks counted", stats)
	}
	var on bool
	if err := chain.Client.Client().Call(&on, "anvil_getAutomine"); err != nil || !on {
		t.Errorf("anvil_getAutomine = %v, %v; want true", on, err)
	}
	// A transaction is mined at once again.
	rctx, rcancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer rcancel()
	if err := deployment.MintTestUSD(rctx, chain.Client, chain.Keys[0], d.Contracts.TestUSD.Address,
		[]common.Address{chain.Address(1)}, big.NewInt(1), 10*time.Second); err != nil {
		t.Errorf("MintTestUSD after the run: %v", err)
	}
}

func TestRun_InvalidConfig(t *testing.T) {
	valid := func() workload.Config {
		d := &deployment.Deployment{ChainID: 31337, Deployer: common.Address{1}}
		for i, c := range []*deployment.Contract{&d.Contracts.IdentityRegistry, &d.Contracts.ReputationRegistry,
			&d.Contracts.ValidationRegistry, &d.Contracts.TestUSD, &d.Contracts.AgentEscrow, &d.Contracts.MandateRegistry} {
			*c = deployment.Contract{Address: common.Address{byte(i + 1)}, DeployBlock: 1, TxHash: common.Hash{1}}
		}
		return workload.Config{RPCURL: "http://127.0.0.1:1", Deployment: d, Funder: anvil.DevKey(0), Blocks: 1, TxPerBlock: 1, Accounts: 4}
	}
	tests := []struct {
		name   string
		change func(*workload.Config)
		want   string
	}{
		{"no rpc url", func(c *workload.Config) { c.RPCURL = "" }, "RPCURL"},
		{"no deployment", func(c *workload.Config) { c.Deployment = nil }, "Deployment"},
		{"no funder", func(c *workload.Config) { c.Funder = nil }, "Funder"},
		{"no blocks", func(c *workload.Config) { c.Blocks = 0 }, "Blocks"},
		{"no transactions", func(c *workload.Config) { c.TxPerBlock = 0 }, "TxPerBlock"},
		{"too few accounts", func(c *workload.Config) { c.Accounts = 3 }, "Accounts"},
		{"negative weight", func(c *workload.Config) { c.Mix = workload.DefaultMix(); c.Mix.GiveFeedback = -1 }, "negative"},
		{"fractional interval", func(c *workload.Config) { c.BlockInterval = 1500 * time.Millisecond }, "whole seconds"},
		{"invalid deployment", func(c *workload.Config) { c.Deployment.ChainID = 0 }, "invalid deployment"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := valid()
			tt.change(&cfg)
			_, err := workload.Run(context.Background(), cfg)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Run error = %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

// TestRun_TwiceOnOneChain runs the same seed twice on one chain: the second run carries on from the first's
// agent and job ids, and none of its nonces, agreement nonces or request hashes collide with the first's.
func TestRun_TwiceOnOneChain(t *testing.T) {
	chain, d := setup(t)
	cfg := config(chain, d)
	cfg.Blocks = 12
	first := run(t, cfg)
	second := run(t, cfg)
	if second.FirstBlock != first.LastBlock+1 {
		t.Errorf("second run starts at block %d, want %d", second.FirstBlock, first.LastBlock+1)
	}
	a1, a2 := first.Model.Agents, second.Model.Agents
	if len(a1) == 0 || len(a2) == 0 || a2[0].ID != a1[len(a1)-1].ID+1 {
		t.Errorf("agent ids: first run %d agents, second run %d agents starting at %v", len(a1), len(a2), a2)
	}
	j1, j2 := first.Model.Jobs, second.Model.Jobs
	if len(j1) == 0 || len(j2) == 0 || j2[0].ID != j1[len(j1)-1].ID+1 {
		t.Errorf("job ids: first run %d jobs, second run %d jobs", len(j1), len(j2))
	}
	checkModel(t, chain, d, second.Model)
}

// TestRun_RevertNamesTheAction points the generator's IdentityRegistry at another contract: the first
// registration reverts, and Run fails naming it, empties the pool and turns automine back on.
func TestRun_RevertNamesTheAction(t *testing.T) {
	chain, d := setup(t)
	wrong := *d
	wrong.Contracts.IdentityRegistry, wrong.Contracts.ValidationRegistry = d.Contracts.ValidationRegistry, d.Contracts.IdentityRegistry
	cfg := config(chain, &wrong)
	cfg.Mix = workload.Mix{Register: 1}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	stats, err := workload.Run(ctx, cfg)
	if err == nil || !strings.Contains(err.Error(), "register from") || !strings.Contains(err.Error(), "reverted") {
		t.Fatalf("Run error = %v, want a revert of a register transaction", err)
	}
	t.Log(err)
	if stats == nil || stats.Txs == 0 {
		t.Errorf("stats = %+v, want the setup counted", stats)
	}
	var on bool
	if err := chain.Client.Client().Call(&on, "anvil_getAutomine"); err != nil || !on {
		t.Errorf("anvil_getAutomine = %v, %v; want true", on, err)
	}
	var pool struct{ Pending, Queued string }
	if err := chain.Client.Client().Call(&pool, "txpool_status"); err != nil || pool.Pending != "0x0" || pool.Queued != "0x0" {
		t.Errorf("txpool_status = %+v, %v; want an empty pool", pool, err)
	}
}
