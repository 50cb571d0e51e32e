// Package seed fills a chain with Agora's demo and test agents and, on request, a plausible history of
// escrow jobs, feedback and validations, all derived deterministically from a seed string.
//
// Every registration file of a folder (testdata/agents: *.json in name order, invalid-*.json included) is
// registered in the Identity Registry by one of a handful of derived owner accounts, with a data: URI of the
// file's exact bytes, and gets a derived EOA agent wallet through setAgentWallet and the wallet's EIP-712
// AgentWalletSet proof. With History, derived clients pay most valid agents through plain escrow jobs and
// review them, a derived validator answers validation requests, and twenty fresh derived Sybil accounts that
// never paid flood one agent (the fifth valid file) with perfect scores over a mediocre paid history.
//
// Transactions are signed with locally counted nonces and fixed gas limits and sent one after the other
// without waiting for receipts, phase by phase (a phase holds what does not depend on the previous phase's
// effects); every receipt is then checked. On anvil, Run turns automine off while it runs and mines each
// phase in a few blocks of many transactions, in the order sent (restoring automine at the end and emptying
// the pool after a failure), and it moves anvil's clock about fifteen seconds forward so that a few jobs
// expire. The same seed gives the same keys and, on a fresh chain, the same agent ids, job ids and history.
package seed

import (
	"context"
	"crypto/ecdsa"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/eip712"
)

// DefaultSeed is the derivation salt when Config.Seed is empty.
const DefaultSeed = "agora-seed"

// Key roles, as passed to Key.
const (
	RoleOwner     = "owner"
	RoleWallet    = "wallet"
	RoleClient    = "client"
	RoleSybil     = "sybil"
	RoleValidator = "validator"
)

// Sizes of the derived population.
const (
	// Owners is how many owner accounts share the agents (file i is owned by owner i mod Owners).
	Owners = 6
	// Clients is how many paying client accounts History uses.
	Clients = 12
	// Sybils is how many fresh accounts review the Sybil target, once each.
	Sybils = 20
	// SybilTargetIndex is the position, among the valid files in name order and from 0, of the agent the
	// Sybils review: the fifth valid file.
	SybilTargetIndex = 4
)

// DataURIPrefix starts the URI each agent is registered with; the file's bytes follow in standard base64.
const DataURIPrefix = "data:application/json;base64,"

// InvalidPrefix starts the names of the registration files whose capability declarations are deliberately
// invalid. They are registered like the others but get no history.
const InvalidPrefix = "invalid-"

// DefaultTimeout bounds each RPC call and each wait for a receipt when Config.Timeout is zero.
const DefaultTimeout = 30 * time.Second

// Config says what to seed.
type Config struct {
	// Dir holds the registration files (*.json, read in name order).
	Dir string
	// Deployment locates the contracts.
	Deployment *deployment.Deployment
	// Funder is a funded key (anvil's account 0 on a dev chain). It pays ETH to the derived accounts that
	// send transactions and mints tUSD to the clients.
	Funder *ecdsa.PrivateKey
	// Seed salts every derived key (DefaultSeed when empty): the same seed gives the same keys.
	Seed string
	// History also creates escrow jobs, feedback, validations and the Sybil attack.
	History bool
	// Governance (with History) also creates two principals with mandates: one agent that spends its whole
	// budget, one frozen with a job funded (see Governance).
	Governance bool
	// Timeout bounds each RPC call and each wait for a receipt (DefaultTimeout when zero).
	Timeout time.Duration
	// Log receives progress (discarded when nil).
	Log *slog.Logger
}

// Agent is one registered registration file.
type Agent struct {
	// File is the file's base name, e.g. "07-translation.json".
	File string
	// Valid is false for the invalid-*.json files (registered, without history).
	Valid bool
	// AgentID is the id the Identity Registry assigned.
	AgentID *big.Int
	// Owner owns the agent's token.
	Owner *ecdsa.PrivateKey
	// Wallet is the agent's EOA wallet, bound with setAgentWallet; it is the provider of its escrow jobs.
	Wallet *ecdsa.PrivateKey
	// URI is the agent URI: DataURIPrefix followed by the base64 of the file's exact bytes.
	URI string
	// History counts what History created about this agent (zero without History).
	History Counts
}

// Counts tallies a seeded history.
type Counts struct {
	// Jobs ending each way: completed (the provider was paid), rejected after submission (the client, as
	// evaluator, refused the work and was refunded), withdrawn (the provider rejected the funded job and the
	// client was refunded), expired (never delivered; refunded by claimRefund after expiry).
	JobsCompleted, JobsRejected, JobsWithdrawn, JobsExpired int
	// Feedback entries: from clients who paid the agent, from clients who never paid it, from Sybils.
	FeedbackPaid, FeedbackUnpaid, FeedbackSybil int
	// Validation requests, and how many of them were answered.
	Validations, ValidationsAnswered int
}

// Jobs is the number of jobs, however they ended.
func (c Counts) Jobs() int { return c.JobsCompleted + c.JobsRejected + c.JobsWithdrawn + c.JobsExpired }

// Feedback is the number of feedback entries.
func (c Counts) Feedback() int { return c.FeedbackPaid + c.FeedbackUnpaid + c.FeedbackSybil }

func (c *Counts) add(o Counts) {
	c.JobsCompleted += o.JobsCompleted
	c.JobsRejected += o.JobsRejected
	c.JobsWithdrawn += o.JobsWithdrawn
	c.JobsExpired += o.JobsExpired
	c.FeedbackPaid += o.FeedbackPaid
	c.FeedbackUnpaid += o.FeedbackUnpaid
	c.FeedbackSybil += o.FeedbackSybil
	c.Validations += o.Validations
	c.ValidationsAnswered += o.ValidationsAnswered
}

// Result is what Run created.
type Result struct {
	// Agents are in file name order.
	Agents []Agent
	// Owners are the owner keys (Owners of them).
	Owners []*ecdsa.PrivateKey
	// Clients are the paying clients (History only).
	Clients []*ecdsa.PrivateKey
	// Sybils are the accounts that reviewed SybilTarget without paying (History only).
	Sybils []*ecdsa.PrivateKey
	// Validator answers the validation requests (History only).
	Validator *ecdsa.PrivateKey
	// SybilTarget is the agent the Sybils reviewed (History with at least five valid files; else nil).
	SybilTarget *big.Int
	// History totals the agents' counts.
	History Counts
	// Governance is what the governance stage created (History only; nil with fewer than three valid agents).
	Governance *Governance
	// Transactions is how many transactions Run sent (all succeeded).
	Transactions int
	// Elapsed is how long Run took.
	Elapsed time.Duration
}

// Key derives a private key: the first valid secp256k1 scalar among
// keccak256(seed ‖ 0x00 ‖ role ‖ 0x00 ‖ int64be(i) [‖ uint32be(retry) for retry ≥ 1]).
// The zero bytes keep ("ab","c") and ("a","bc") apart; a retry is needed with probability about 2^-128.
func Key(seed, role string, i int) *ecdsa.PrivateKey {
	buf := make([]byte, 0, len(seed)+len(role)+14)
	buf = append(buf, seed...)
	buf = append(buf, 0)
	buf = append(buf, role...)
	buf = append(buf, 0)
	buf = binary.BigEndian.AppendUint64(buf, uint64(int64(i)))
	base := len(buf)
	for retry := uint32(0); ; retry++ {
		b := buf[:base]
		if retry > 0 {
			b = binary.BigEndian.AppendUint32(b, retry)
		}
		if key, err := crypto.ToECDSA(crypto.Keccak256(b)); err == nil {
			return key
		}
	}
}

// DataURI returns the agent URI of a registration file's bytes.
func DataURI(file []byte) string {
	return DataURIPrefix + base64.StdEncoding.EncodeToString(file)
}

// file is one registration file.
type file struct {
	name   string
	data   []byte
	valid  bool
	valid0 int // position among the valid files, -1 for invalid ones
}

// readFiles reads the *.json files of dir in name order.
func readFiles(dir string) ([]file, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read registration files: %w", err)
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasSuffix(e.Name(), ".json") {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	if len(names) == 0 {
		return nil, fmt.Errorf("no registration files (*.json) in %s", dir)
	}
	files := make([]file, len(names))
	valid := 0
	for i, name := range names {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("read registration file: %w", err)
		}
		f := file{name: name, data: data, valid: !strings.HasPrefix(name, InvalidPrefix), valid0: -1}
		if f.valid {
			f.valid0 = valid
			valid++
		}
		files[i] = f
	}
	return files, nil
}

// Gas limits. Stored strings cost about 700 gas a byte (a storage word per 32 bytes, calldata, log data);
// the limits allow 900.
const (
	gasTransfer        = 21_000
	gasRegister        = 200_000
	gasPerStoredByte   = 900
	gasSetAgentWallet  = 120_000
	gasMint            = 100_000
	gasPerCalldataByte = 40
)

// ETH given to each derived account that sends transactions, at least: on a chain whose fees are high, an
// account gets twice what its transactions may cost at the funding phase's price (gasBudget).
var (
	ethOwner     = ether(1, 1)
	ethWallet    = ether(1, 10)
	ethClient    = ether(1, 1)
	ethValidator = ether(1, 2)
	ethSybil     = ether(1, 100) // gas for one review, nothing more
)

// Gas a wallet, a client and a Sybil may need at most (an owner's and the validator's are counted).
const (
	gasBudgetWallet = 4 * gasReject
	gasBudgetClient = 40 * (gasCreateJob + gasSetBudget + gasApprove + gasFund + gasComplete + 2*gasGiveFeedback + 20_000)
	gasBudgetSybil  = gasGiveFeedback + 20_000
)

// funding returns what to give an account that may use gas: at least floor, else twice gas at price.
func funding(floor *big.Int, gas uint64, price *big.Int) *big.Int {
	need := new(big.Int).Mul(new(big.Int).SetUint64(2*gas), price)
	if need.Cmp(floor) < 0 {
		return floor
	}
	return need
}

func ether(num, den int64) *big.Int {
	wei := new(big.Int).Mul(big.NewInt(num), big.NewInt(1_000_000_000_000_000_000))
	return wei.Div(wei, big.NewInt(den))
}

// seeder is one run of Run.
type seeder struct {
	cfg     Config
	backend deployment.Backend
	log     *slog.Logger
	s       *sender
	node    *anvilNode // nil unless the chain is anvil
	chainID *big.Int
	files   []file

	identity   *bindings.IdentityRegistry
	reputation *bindings.ReputationRegistry
	validation *bindings.ValidationRegistry
	escrow     *bindings.AgentEscrow
	tusd       *bindings.TestUSD
	addr       struct{ identity, reputation, validation, escrow, tusd, mandates common.Address }

	res *Result
}

// Run registers every registration file of cfg.Dir and, with cfg.History, creates the history described in
// the package comment. It fails, naming the step, as soon as a transaction fails. backend is usually an
// *ethclient.Client; anvil is recognised through its raw RPC client (Client()) and web3_clientVersion.
func Run(ctx context.Context, backend deployment.Backend, cfg Config) (_ *Result, err error) {
	start := time.Now()
	if backend == nil {
		return nil, errors.New("seed: no backend")
	}
	if cfg.Deployment == nil {
		return nil, errors.New("seed: no deployment")
	}
	if err := cfg.Deployment.Validate(); err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	if cfg.Funder == nil {
		return nil, errors.New("seed: no funder key")
	}
	if cfg.Seed == "" {
		cfg.Seed = DefaultSeed
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	sd := &seeder{cfg: cfg, backend: backend, log: cfg.Log, res: &Result{},
		identity: bindings.NewIdentityRegistry(), reputation: bindings.NewReputationRegistry(),
		validation: bindings.NewValidationRegistry(), escrow: bindings.NewAgentEscrow(), tusd: bindings.NewTestUSD()}
	if sd.log == nil {
		sd.log = slog.New(slog.DiscardHandler)
	}
	c := &cfg.Deployment.Contracts
	sd.addr.identity, sd.addr.reputation = c.IdentityRegistry.Address, c.ReputationRegistry.Address
	sd.addr.validation, sd.addr.escrow, sd.addr.tusd = c.ValidationRegistry.Address, c.AgentEscrow.Address, c.TestUSD.Address
	sd.addr.mandates = c.MandateRegistry.Address

	if sd.files, err = readFiles(cfg.Dir); err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	cctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	sd.chainID, err = backend.ChainID(cctx)
	cancel()
	if err != nil {
		return nil, fmt.Errorf("seed: chain id: %w", err)
	}
	if sd.chainID.Uint64() != cfg.Deployment.ChainID || !sd.chainID.IsUint64() {
		return nil, fmt.Errorf("seed: the node's chain id is %s, the deployment's %d", sd.chainID, cfg.Deployment.ChainID)
	}
	sd.node = detectAnvil(ctx, backend, cfg.Timeout)
	if sd.node != nil {
		restore, terr := sd.node.takeMining(ctx)
		if terr != nil {
			return nil, fmt.Errorf("seed: %w", terr)
		}
		defer func() {
			if rerr := restore(err != nil); rerr != nil && err == nil {
				err = fmt.Errorf("seed: restore automine: %w", rerr)
			}
		}()
	}
	sd.s = newSender(backend, sd.chainID, cfg.Timeout, sd.log, sd.node)
	if err := sd.run(ctx); err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	sd.res.Transactions = sd.s.sent
	sd.res.Elapsed = time.Since(start)
	return sd.res, nil
}

func (sd *seeder) run(ctx context.Context) error {
	seed, res := sd.cfg.Seed, sd.res
	for i := range Owners {
		res.Owners = append(res.Owners, Key(seed, RoleOwner, i))
	}
	res.Agents = make([]Agent, len(sd.files))
	for i, f := range sd.files {
		res.Agents[i] = Agent{File: f.name, Valid: f.valid, Owner: res.Owners[i%Owners],
			Wallet: Key(seed, RoleWallet, i), URI: DataURI(f.data)}
	}
	var plan *plan
	if sd.cfg.History {
		for i := range Clients {
			res.Clients = append(res.Clients, Key(seed, RoleClient, i))
		}
		res.Validator = Key(seed, RoleValidator, 0)
		plan = sd.plan(sd.node != nil)
		if plan.sybilTarget >= 0 {
			for i := range Sybils {
				res.Sybils = append(res.Sybils, Key(seed, RoleSybil, i))
			}
		}
	}
	if err := sd.fund(ctx); err != nil {
		return err
	}
	if err := sd.register(ctx); err != nil {
		return err
	}
	if err := sd.bindWallets(ctx); err != nil {
		return err
	}
	if plan != nil {
		if err := sd.history(ctx, plan); err != nil {
			return err
		}
		for i := range res.Agents {
			res.History.add(res.Agents[i].History)
		}
		if plan.sybilTarget >= 0 {
			res.SybilTarget = res.Agents[plan.sybilTarget].AgentID
		}
		if sd.cfg.Governance {
			if err := sd.governance(ctx, plan.sybilTarget); err != nil {
				return err
			}
		}
	}
	return nil
}

func address(key *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(key.PublicKey) }

// fund sends ETH from the funder to every derived account that will send a transaction, except the Sybils,
// and mints tUSD to the clients.
func (sd *seeder) fund(ctx context.Context) error {
	res := sd.res
	b, err := sd.s.phase(ctx, "funding")
	if err != nil {
		return err
	}
	price := b.fees.gasPrice
	if price == nil {
		price = b.fees.feeCap
	}
	pay := func(role string, i int, key *ecdsa.PrivateKey, floor *big.Int, gas uint64) error {
		return b.send(ctx, fmt.Sprintf("fund %s %d", role, i), sd.cfg.Funder, address(key), funding(floor, gas, price), nil, gasTransfer)
	}
	ownerGas := make([]uint64, len(res.Owners))
	for i, a := range res.Agents {
		ownerGas[i%Owners] += gasRegister + gasPerStoredByte*uint64(len(a.URI)) + gasSetAgentWallet + 2*gasValidationRequest
	}
	for i, k := range res.Owners {
		if err := pay(RoleOwner, i, k, ethOwner, ownerGas[i]); err != nil {
			return err
		}
	}
	if sd.cfg.History {
		for i, a := range res.Agents {
			if a.Valid { // wallets of valid agents deliver jobs
				if err := pay(RoleWallet, i, a.Wallet, ethWallet, gasBudgetWallet); err != nil {
					return err
				}
			}
		}
		for i, k := range res.Clients {
			if err := pay(RoleClient, i, k, ethClient, gasBudgetClient); err != nil {
				return err
			}
		}
		validatorGas := uint64(2*len(res.Agents)) * (gasValidationResponse + 20_000)
		if err := pay(RoleValidator, 0, res.Validator, ethValidator, validatorGas); err != nil {
			return err
		}
		// The Sybils are funded just before they strike (history).
	}
	// tUSD for the clients, as deployment.MintTestUSD mints it, but in the same batch.
	for i, k := range res.Clients {
		data := sd.tusd.PackMint(address(k), mintPerClient)
		if err := b.send(ctx, fmt.Sprintf("mint tUSD to client %d", i), sd.cfg.Funder, sd.addr.tusd, nil, data, gasMint); err != nil {
			return err
		}
	}
	if _, err := b.wait(ctx); err != nil {
		return err
	}
	sd.log.Info("funded accounts", "transactions", len(b.txs), "tusd_per_client", mintPerClient)
	return nil
}

// register registers every file, in name order, from its owner.
func (sd *seeder) register(ctx context.Context) error {
	b, err := sd.s.phase(ctx, "registration")
	if err != nil {
		return err
	}
	for _, a := range sd.res.Agents {
		gas := uint64(gasRegister + gasPerStoredByte*len(a.URI))
		if err := b.send(ctx, "register "+a.File, a.Owner, sd.addr.identity, nil, sd.identity.PackRegister1(a.URI), gas); err != nil {
			return err
		}
	}
	receipts, err := b.wait(ctx)
	if err != nil {
		return err
	}
	for i, r := range receipts {
		a := &sd.res.Agents[i]
		for _, l := range r.Logs {
			if l.Address != sd.addr.identity {
				continue
			}
			if ev, err := sd.identity.UnpackRegisteredEvent(l); err == nil {
				if ev.Owner != address(a.Owner) || ev.AgentURI != a.URI {
					return fmt.Errorf("register %s: Registered event names owner %s and another URI", a.File, ev.Owner)
				}
				a.AgentID = ev.AgentId
			}
		}
		if a.AgentID == nil {
			return fmt.Errorf("register %s: no Registered event in %s", a.File, r.TxHash)
		}
	}
	sd.log.Info("registered agents", "agents", len(sd.res.Agents), "first", sd.res.Agents[0].AgentID)
	return nil
}

// walletDeadline is how far ahead of the latest block the wallet proofs expire (the registry accepts at
// most five minutes).
const walletDeadline = 4 * 60

// bindWallets sets every agent's wallet with the wallet's AgentWalletSet proof.
func (sd *seeder) bindWallets(ctx context.Context) error {
	b, err := sd.s.phase(ctx, "agent wallets")
	if err != nil {
		return err
	}
	deadline := new(big.Int).SetUint64(b.head.Time + walletDeadline)
	domain := eip712.IdentityDomain(sd.chainID, sd.addr.identity)
	for _, a := range sd.res.Agents {
		wallet := address(a.Wallet)
		proof := eip712.AgentWalletSet{AgentID: a.AgentID, NewWallet: wallet, Owner: address(a.Owner), Deadline: deadline}
		sig, err := eip712.Sign(a.Wallet, domain, proof)
		if err != nil {
			return fmt.Errorf("sign the wallet proof of %s: %w", a.File, err)
		}
		data := sd.identity.PackSetAgentWallet(a.AgentID, wallet, deadline, sig)
		if err := b.send(ctx, "setAgentWallet "+a.File, a.Owner, sd.addr.identity, nil, data, gasSetAgentWallet); err != nil {
			return err
		}
	}
	if _, err := b.wait(ctx); err != nil {
		return err
	}
	sd.log.Info("bound agent wallets", "agents", len(sd.res.Agents))
	return nil
}
