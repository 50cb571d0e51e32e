// Package workload generates reproducible on-chain activity across every Agora contract (IdentityRegistry,
// ReputationRegistry, ValidationRegistry, AgentEscrow, TestUSD) on an anvil chain: a few hundred events for
// the indexer's integration tests, or 100,000 and more for its benchmark.
//
// Run derives its sender accounts from the seed, funds them with ETH and tUSD from the funder, then mines
// the requested number of blocks itself: automine is off, every block's transactions are signed locally
// (nonces tracked per account, fixed gas limits), sent in JSON-RPC batches and mined with evm_mine at a
// timestamp of the generator's choosing (StartTime plus BlockInterval per block). Transactions get strictly
// decreasing gas prices in the order they are planned, so anvil executes them in that order and the
// generator's in-memory model of the contracts (agents and owners, wallets, feedback indexes, validation
// requests, jobs and their states) predicts every outcome: each call is valid when sent, and Run fails,
// naming the action and its decoded revert, if a transaction does not succeed. With the same seed,
// configuration and start time on a fresh deployment, two runs produce the same transactions and the same
// logs.
//
// Time-bound steps (expired jobs, review windows) are reached by the blocks' own timestamps rather than by
// evm_increaseTime: the generator gives such jobs short deadlines.
//
// Large runs are bound by anvil rather than by the generator: anvil 1.7.1 rebuilds the whole state trie for
// every block, so a block costs time in proportion to the storage the chain holds (about one second once
// 100,000 events have been generated), and without --prune-history it also writes every historical state
// under its --cache-path (about 25 GB for 100,000 events).
//
// The generator needs anvil (evm_setAutomine, evm_mine, txpool_status, anvil_dropAllTransactions,
// debug_traceTransaction, eth_getBlockReceipts) and a chain that nobody else sends transactions to while it
// runs. It restores automine before returning, also on error.
package workload

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/agoralabs/agora/deployment"
)

// DefaultBlockInterval is the time between the timestamps of consecutive generated blocks.
const DefaultBlockInterval = 12 * time.Second

// Config says where to generate and how much.
type Config struct {
	// RPCURL is anvil's JSON-RPC endpoint.
	RPCURL string
	// Deployment locates the contracts.
	Deployment *deployment.Deployment
	// Funder pays for everything: it has ETH and may mint TestUSD (anvil dev key 0 on a devnet).
	Funder *ecdsa.PrivateKey
	// Seed determines the accounts, the choice of actions and every string and number sent.
	Seed int64
	// Blocks is the number of blocks of actions to produce (at least 1). One or more setup blocks that fund
	// the accounts come before them.
	Blocks int
	// TxPerBlock is the number of transactions per block. A block holds fewer when the block gas limit is
	// reached first.
	TxPerBlock int
	// Accounts is the number of sender accounts derived from Seed (at least 4), funded by the generator.
	Accounts int
	// Mix weighs the actions; the zero Mix means DefaultMix().
	Mix Mix
	// StartTime is the timestamp of the first block the generator mines; it must be after the latest
	// block's. Zero means the latest block's timestamp plus BlockInterval. Give the same value to reproduce
	// a run exactly (agreement hashes and deadlines depend on it).
	StartTime time.Time
	// BlockInterval separates the timestamps of consecutive blocks; zero means DefaultBlockInterval.
	BlockInterval time.Duration
	// Log receives progress; nil discards it.
	Log *slog.Logger
}

// Stats reports what a run produced. Blocks, Txs and Events cover every block the generator mined, from
// FirstBlock to LastBlock, setup blocks included.
type Stats struct {
	Blocks int `json:"blocks"`
	Txs    int `json:"txs"`
	// Events counts the logs of the deployment's contracts in the mined blocks.
	Events int `json:"events"`
	// ByEvent counts logs per "Contract.Event" (for example "IdentityRegistry.Registered"); a log whose
	// topic is not in the bindings' ABI is counted under "Contract.0x<topic0>".
	ByEvent map[string]int `json:"byEvent"`
	// ByAction counts transactions per action (see ActionNames).
	ByAction   map[string]int `json:"byAction"`
	FirstBlock uint64         `json:"firstBlock"`
	LastBlock  uint64         `json:"lastBlock"`
	// Elapsed is the wall-clock time of the run.
	Elapsed time.Duration `json:"-"`
	// Model is the generator's final view of the chain, for comparing with the chain's views or an indexer.
	Model *Model `json:"-"`
}

// Job statuses, as IAgentEscrow.JobStatus.
const (
	JobOpen uint8 = iota
	JobFunded
	JobSubmitted
	JobCompleted
	JobRejected
	JobExpired
	JobDisputed
	JobResolved
)

// Model is what the generator knows the contracts hold for what it created.
type Model struct {
	// Agents are the agents registered by this run, in id order.
	Agents []Agent
	// Feedback is every feedback given in this run, in order.
	Feedback []Feedback
	// Validations are the validation requests opened in this run (plain and escrow ones), in order.
	Validations []Validation
	// Jobs are the escrow jobs created in this run, in id order.
	Jobs []Job
}

// Agent is one agent of the Identity Registry.
type Agent struct {
	ID       uint64
	Owner    common.Address
	Wallet   common.Address // zero when unset
	URI      string
	Metadata map[string][]byte // keys set by this run, without agentWallet
}

// Feedback is one feedback of the Reputation Registry.
type Feedback struct {
	AgentID    uint64
	Client     common.Address
	Index      uint64 // 1-based per (agent, client)
	Value      int64
	Decimals   uint8
	Tag1, Tag2 string
	Revoked    bool
	Responses  int
}

// Validation is one request of the Validation Registry.
type Validation struct {
	RequestHash common.Hash
	Validator   common.Address
	AgentID     uint64
	Answers     int   // number of responses
	Response    uint8 // the latest response, when Answers > 0
}

// Job is one AgentEscrow job.
type Job struct {
	ID              uint64
	Agreement       bool
	Client          common.Address
	Provider        common.Address // zero until set on a plain job
	Status          uint8
	Budget          *big.Int
	ProviderAgentID uint64 // agreement jobs
}

// Run generates the configured activity and reports it. On error the stats so far come back too.
func Run(ctx context.Context, cfg Config) (*Stats, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	start := time.Now()
	client, err := rpc.DialContext(ctx, cfg.RPCURL)
	if err != nil {
		return nil, fmt.Errorf("workload: connect: %w", err)
	}
	defer client.Close()
	g, err := newGen(ctx, cfg, &node{c: client})
	if err != nil {
		return nil, fmt.Errorf("workload: %w", err)
	}
	stats, err := g.run(ctx)
	stats.Elapsed = time.Since(start)
	if err != nil {
		return stats, fmt.Errorf("workload: %w", err)
	}
	return stats, nil
}

func (cfg *Config) check() error {
	switch {
	case cfg.RPCURL == "":
		return errors.New("workload: RPCURL is required")
	case cfg.Deployment == nil:
		return errors.New("workload: Deployment is required")
	case cfg.Funder == nil:
		return errors.New("workload: Funder is required")
	case cfg.Blocks < 1:
		return fmt.Errorf("workload: Blocks is %d, want at least 1", cfg.Blocks)
	case cfg.TxPerBlock < 1:
		return fmt.Errorf("workload: TxPerBlock is %d, want at least 1", cfg.TxPerBlock)
	case cfg.Accounts < minAccounts:
		return fmt.Errorf("workload: Accounts is %d, want at least %d (client, provider, validator, arbiter)", cfg.Accounts, minAccounts)
	case cfg.Accounts > maxAccounts:
		return fmt.Errorf("workload: Accounts is %d, want at most %d", cfg.Accounts, maxAccounts)
	case cfg.BlockInterval < 0:
		return fmt.Errorf("workload: BlockInterval %s is negative", cfg.BlockInterval)
	case cfg.BlockInterval%time.Second != 0:
		return fmt.Errorf("workload: BlockInterval %s is not whole seconds", cfg.BlockInterval)
	}
	if err := cfg.Deployment.Validate(); err != nil {
		return fmt.Errorf("workload: %w", err)
	}
	if cfg.Mix == (Mix{}) {
		cfg.Mix = DefaultMix()
	}
	if err := cfg.Mix.check(); err != nil {
		return fmt.Errorf("workload: %w", err)
	}
	if cfg.BlockInterval == 0 {
		cfg.BlockInterval = DefaultBlockInterval
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	return nil
}

// String is a human-readable summary: totals, then the events and actions by count.
func (s *Stats) String() string {
	var b strings.Builder
	secs := s.Elapsed.Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(s.Events) / secs
	}
	fmt.Fprintf(&b, "blocks        %d (#%d..#%d)\n", s.Blocks, s.FirstBlock, s.LastBlock)
	fmt.Fprintf(&b, "transactions  %d\n", s.Txs)
	fmt.Fprintf(&b, "events        %d\n", s.Events)
	fmt.Fprintf(&b, "elapsed       %s (%.0f events/s)\n", s.Elapsed.Round(time.Millisecond), rate)
	table := func(title string, m map[string]int) {
		fmt.Fprintf(&b, "%s:\n", title)
		width := 0
		for k := range m {
			width = max(width, len(k))
		}
		for _, k := range sortedByCount(m) {
			fmt.Fprintf(&b, "  %-*s %8d\n", width, k, m[k])
		}
	}
	table("events by type", s.ByEvent)
	table("transactions by action", s.ByAction)
	return b.String()
}

// sortedByCount returns m's keys, highest count first, then by name.
func sortedByCount(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if m[a] != m[b] {
			return m[b] - m[a]
		}
		return strings.Compare(a, b)
	})
	return keys
}
