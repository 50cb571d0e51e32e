package workload

import (
	"context"
	"crypto/ecdsa"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"math/rand/v2"
	"runtime"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/eip712"
)

const (
	minAccounts = 4
	maxAccounts = 100_000

	gwei = 1_000_000_000
	// maxTopUpGwei is the most ETH an account receives at a time (10 ETH).
	maxTopUpGwei = 10 * gwei
	// minTopUpGwei is the least: below it the funder is too poor for the accounts asked for.
	minTopUpGwei = gwei / 10
	// tusdPerAccount is what each account is minted: 1,000,000 tUSD (6 decimals).
	tusdPerAccount = 1_000_000 * 1_000_000
	// transferGas is the gas of a plain ETH transfer.
	transferGas = 21_000
	// blockGasShare is the share of the block gas limit that the planned gas limits may use, in percent.
	blockGasShare = 95
)

// account is a sender the generator controls.
type account struct {
	idx   int
	key   *ecdsa.PrivateKey
	addr  common.Address
	nonce uint64
	gwei  uint64 // a lower bound on its ETH balance, in gwei
	tusd  uint64 // tUSD it may still commit to jobs (base units)
}

// plannedTx is one transaction of the block being built.
type plannedTx struct {
	action string
	from   *account
	to     common.Address
	value  *big.Int
	data   []byte
	gas    uint64
	nonce  uint64
	// The receipt must carry a Registered (agentID >= 0) or JobCreated (jobID >= 0) log with this id.
	agentID, jobID int64
	tx             *types.Transaction
}

// The phases of producing a block, timed to show where a run spends its time.
const (
	phasePlan = iota
	phaseSign
	phaseSend
	phaseMine
	phaseRead
	numPhases
)

var phaseNames = [numPhases]string{"plan", "sign", "send", "mine", "read"}

// gasUse is the most gas an action used, and the highest share of its gas limit.
type gasUse struct {
	most  uint64
	share float64
}

// gen is one run of the generator: the chain it drives, the model of what it created, and the block it is
// building.
type gen struct {
	cfg      Config
	n        *node
	log      *slog.Logger
	rng      *rand.Rand
	c        content
	chainID  *big.Int
	signer   types.Signer
	interval uint64

	identity   *bindings.IdentityRegistry
	reputation *bindings.ReputationRegistry
	validation *bindings.ValidationRegistry
	escrow     *bindings.AgentEscrow
	tusd       *bindings.TestUSD
	addr       struct{ identity, reputation, validation, tusd, escrow common.Address }

	identityDomain, escrowDomain eip712.Domain
	registryID                   string // eip155:<chain>:<identity registry>

	funder    *account
	accts     []*account
	topUpGwei uint64

	gasLimit  uint64   // block gas limit
	baseFee   *big.Int // of the latest block
	head      uint64   // number of the latest block
	headTime  uint64
	now       uint64 // timestamp of the block being built
	firstTime uint64

	// model
	agents       []*agent
	firstAgentID uint64
	feedback     []*feedback
	live         []int // indexes into feedback of those not revoked
	lastIndex    map[[2]int]uint64
	validations  []*validation
	unanswered   []int // indexes into validations of plain requests without an answer
	jobs         []*job
	active       []int // indexes into jobs of those not final, oldest first
	firstJobID   uint64
	walletSeq    uint64
	requestSeq   uint64
	plainSeq     int
	agreementSeq int

	// block being built
	txs    []*plannedTx
	gasSum uint64
	maxTxs int

	mix      []weighted
	mixTotal int
	events   *eventNames
	stats    *Stats
	gasUsed  map[string]gasUse // per action, for tuning the limits
	phases   [numPhases]time.Duration
}

func newGen(ctx context.Context, cfg Config, n *node) (*gen, error) {
	d := cfg.Deployment
	g := &gen{
		cfg:        cfg,
		n:          n,
		log:        cfg.Log,
		rng:        rand.New(rand.NewPCG(uint64(cfg.Seed), 0x61676f7261)), // "agora"
		interval:   uint64(cfg.BlockInterval / time.Second),
		identity:   bindings.NewIdentityRegistry(),
		reputation: bindings.NewReputationRegistry(),
		validation: bindings.NewValidationRegistry(),
		escrow:     bindings.NewAgentEscrow(),
		tusd:       bindings.NewTestUSD(),
		lastIndex:  make(map[[2]int]uint64),
		events:     newEventNames(d),
		gasUsed:    make(map[string]gasUse),
		stats:      &Stats{ByEvent: make(map[string]int), ByAction: make(map[string]int)},
	}
	g.c = content{rng: g.rng}
	g.addr.identity = d.Contracts.IdentityRegistry.Address
	g.addr.reputation = d.Contracts.ReputationRegistry.Address
	g.addr.validation = d.Contracts.ValidationRegistry.Address
	g.addr.tusd = d.Contracts.TestUSD.Address
	g.addr.escrow = d.Contracts.AgentEscrow.Address
	for _, e := range cfg.Mix.entries() {
		if e.weight > 0 {
			g.mix = append(g.mix, e)
			g.mixTotal += e.weight
		}
	}

	var chainID hexutil.Big
	if err := n.call(ctx, &chainID, "eth_chainId"); err != nil {
		return nil, err
	}
	g.chainID = chainID.ToInt()
	if !g.chainID.IsUint64() || g.chainID.Uint64() != d.ChainID {
		return nil, fmt.Errorf("chain id is %s but the deployment is for chain %d", g.chainID, d.ChainID)
	}
	g.signer = types.NewEIP155Signer(g.chainID)
	g.identityDomain = eip712.IdentityDomain(g.chainID, g.addr.identity)
	g.escrowDomain = eip712.EscrowDomain(g.chainID, g.addr.escrow)
	g.registryID = fmt.Sprintf("eip155:%d:%s", d.ChainID, g.addr.identity.Hex())

	head, err := n.header(ctx, nil)
	if err != nil {
		return nil, err
	}
	g.head, g.headTime, g.gasLimit, g.baseFee = uint64(head.Number), uint64(head.Timestamp), uint64(head.GasLimit), head.baseFee()
	g.firstTime = g.headTime + g.interval
	if !cfg.StartTime.IsZero() {
		if cfg.StartTime.Unix() <= int64(g.headTime) {
			return nil, fmt.Errorf("start time %s is not after the latest block's (%s)",
				cfg.StartTime.UTC().Format(time.RFC3339), time.Unix(int64(g.headTime), 0).UTC().Format(time.RFC3339))
		}
		g.firstTime = uint64(cfg.StartTime.Unix())
	}
	pending, err := n.pendingCount(ctx)
	if err != nil {
		return nil, err
	}
	if pending != 0 {
		return nil, fmt.Errorf("the node has %d transactions waiting in its pool: the generator needs a quiet chain", pending)
	}

	g.funder = &account{idx: -1, key: cfg.Funder, addr: crypto.PubkeyToAddress(cfg.Funder.PublicKey)}
	g.accts = make([]*account, cfg.Accounts)
	for i := range g.accts {
		key := deriveKey("account", cfg.Seed, uint64(i))
		g.accts[i] = &account{idx: i, key: key, addr: crypto.PubkeyToAddress(key.PublicKey)}
	}
	if err := g.readAccounts(ctx); err != nil {
		return nil, err
	}
	if g.firstAgentID, err = g.nextAgentID(ctx); err != nil {
		return nil, err
	}
	count, err := viewCall(ctx, n, g.addr.escrow, g.escrow.PackJobCount(), g.escrow.UnpackJobCount)
	if err != nil {
		return nil, fmt.Errorf("jobCount: %w", err)
	}
	g.firstJobID = count.Uint64() + 1
	return g, nil
}

// deriveKey returns the private key number i of kind for seed; the same inputs give the same key.
func deriveKey(kind string, seed int64, i uint64) *ecdsa.PrivateKey {
	var buf [16]byte
	binary.BigEndian.PutUint64(buf[:8], uint64(seed))
	binary.BigEndian.PutUint64(buf[8:], i)
	for salt := byte(0); ; salt++ {
		h := crypto.Keccak256([]byte("agora/workload/"+kind), buf[:], []byte{salt})
		if key, err := crypto.ToECDSA(h); err == nil {
			return key
		}
	}
}

// readAccounts reads the nonces and ETH balances of the funder and the accounts.
func (g *gen) readAccounts(ctx context.Context) error {
	all := append([]*account{g.funder}, g.accts...)
	nonces := make([]hexutil.Uint64, len(all))
	balances := make([]hexutil.Big, len(all))
	for start := 0; start < len(all); start += sendChunk / 2 {
		end := min(start+sendChunk/2, len(all))
		var elems []rpc.BatchElem
		for i := start; i < end; i++ {
			elems = append(elems,
				rpc.BatchElem{Method: "eth_getTransactionCount", Args: []any{all[i].addr, "pending"}, Result: &nonces[i]},
				rpc.BatchElem{Method: "eth_getBalance", Args: []any{all[i].addr, "latest"}, Result: &balances[i]})
		}
		if err := g.n.batch(ctx, elems); err != nil {
			return err
		}
		for _, e := range elems {
			if e.Error != nil {
				return fmt.Errorf("%s: %w", e.Method, e.Error)
			}
		}
	}
	for i, a := range all {
		a.nonce = uint64(nonces[i])
		a.gwei = new(big.Int).Div(balances[i].ToInt(), big.NewInt(gwei)).Uint64()
	}
	// Each account gets up to 10 ETH at a time, and the funder keeps half of its balance for top-ups.
	g.topUpGwei = min(maxTopUpGwei, g.funder.gwei/2/uint64(len(g.accts)))
	if g.topUpGwei < minTopUpGwei {
		return fmt.Errorf("funder %s has %d gwei: too little to fund %d accounts", g.funder.addr, g.funder.gwei, len(g.accts))
	}
	return nil
}

// viewCall runs a view function at the latest block and unpacks its result.
func viewCall[T any](ctx context.Context, n *node, to common.Address, data []byte, unpack func([]byte) (T, error)) (T, error) {
	var zero T
	var raw hexutil.Bytes
	err := n.call(ctx, &raw, "eth_call", map[string]any{"to": to, "data": hexutil.Bytes(data)}, "latest")
	if err != nil {
		return zero, err
	}
	return unpack(raw)
}

// nextAgentID finds the id the next registration gets: ids are dense from 0, and ownerOf reverts for an id
// not yet minted, so a doubling then a binary search finds the first free one.
func (g *gen) nextAgentID(ctx context.Context) (uint64, error) {
	exists := func(id uint64) (bool, error) {
		_, err := viewCall(ctx, g.n, g.addr.identity, g.identity.PackOwnerOf(new(big.Int).SetUint64(id)), g.identity.UnpackOwnerOf)
		if err == nil {
			return true, nil
		}
		var rpcErr rpc.Error
		if errors.As(err, &rpcErr) { // the node answered: a revert
			return false, nil
		}
		return false, err
	}
	ok, err := exists(0)
	if err != nil || !ok {
		return 0, err
	}
	lo, hi := uint64(0), uint64(1) // lo exists; find hi that does not
	for {
		ok, err := exists(hi)
		if err != nil {
			return 0, err
		}
		if !ok {
			break
		}
		lo, hi = hi, hi*2
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		ok, err := exists(mid)
		if err != nil {
			return 0, err
		}
		if ok {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi, nil
}

// run mines the setup blocks, then cfg.Blocks blocks of actions, and restores automine at the end.
func (g *gen) run(ctx context.Context) (_ *Stats, err error) {
	if err := g.n.setAutomine(ctx, false); err != nil {
		return g.stats, err
	}
	defer func() {
		// The caller's context may be what failed: restore with a fresh one.
		rctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err != nil {
			if dropErr := g.n.dropAll(rctx); dropErr != nil {
				g.log.Warn("could not empty the pool", "err", dropErr)
			}
		}
		if autoErr := g.n.setAutomine(rctx, true); autoErr != nil && err == nil {
			err = fmt.Errorf("restore automine: %w", autoErr)
		}
		g.stats.Model = g.model()
		var attrs []any
		for i, d := range g.phases {
			attrs = append(attrs, phaseNames[i], d.Round(time.Millisecond))
		}
		g.log.Info("time by phase", attrs...)
		if g.log.Enabled(ctx, slog.LevelDebug) {
			for _, action := range ActionNames() {
				if u, ok := g.gasUsed[action]; ok {
					g.log.Debug("gas", "action", action, "most_used", u.most, "highest_share_of_limit", fmt.Sprintf("%.2f", u.share))
				}
			}
		}
	}()

	g.now = g.firstTime
	g.stats.FirstBlock = g.head + 1
	g.maxTxs = int(^uint(0) >> 1)
	setup := g.setupTxs()
	for len(setup) > 0 {
		g.beginBlock()
		k := 0
		for k < len(setup) && g.room(1, setup[k].gas) {
			g.txs = append(g.txs, setup[k])
			g.gasSum += setup[k].gas
			k++
		}
		if k == 0 {
			return g.stats, errors.New("block gas limit too small for a setup transaction")
		}
		setup = setup[k:]
		if err := g.mineBlock(ctx); err != nil {
			return g.stats, err
		}
	}
	g.log.Info("accounts funded", "accounts", len(g.accts), "blocks", g.stats.Blocks)

	g.maxTxs = g.cfg.TxPerBlock
	progress := time.Now()
	for b := range g.cfg.Blocks {
		if err := ctx.Err(); err != nil {
			return g.stats, err
		}
		g.beginBlock()
		t := time.Now()
		g.planBlock()
		g.phases[phasePlan] += time.Since(t)
		if err := g.mineBlock(ctx); err != nil {
			return g.stats, err
		}
		if time.Since(progress) >= 5*time.Second || b == g.cfg.Blocks-1 {
			progress = time.Now()
			g.log.Info("generating", "block", g.head, "done", b+1, "of", g.cfg.Blocks, "txs", g.stats.Txs, "events", g.stats.Events)
		}
	}
	return g.stats, nil
}

// setupTxs funds every account with ETH (up to the top-up amount) and mints it tUSD.
func (g *gen) setupTxs() []*plannedTx {
	var txs []*plannedTx
	for _, a := range g.accts {
		if a.gwei < g.topUpGwei {
			txs = append(txs, g.fundTx(a, g.topUpGwei-a.gwei))
		}
	}
	for _, a := range g.accts {
		txs = append(txs, g.newTx(ActionMintTestUSD, g.funder, g.addr.tusd, g.tusd.PackMint(a.addr, new(big.Int).SetUint64(tusdPerAccount)), 90_000))
		a.tusd = tusdPerAccount
	}
	return txs
}

func (g *gen) fundTx(a *account, amountGwei uint64) *plannedTx {
	tx := g.newTx(ActionFundETH, g.funder, a.addr, nil, transferGas)
	tx.value = new(big.Int).Mul(new(big.Int).SetUint64(amountGwei), big.NewInt(gwei))
	a.gwei += amountGwei
	g.funder.gwei -= min(g.funder.gwei, amountGwei)
	return tx
}

// beginBlock starts building the next block.
func (g *gen) beginBlock() {
	g.txs = g.txs[:0]
	g.gasSum = 0
}

// room reports whether n more transactions with gas in total fit in the block being built.
func (g *gen) room(n int, gas uint64) bool {
	return len(g.txs)+n <= g.maxTxs && g.gasSum+gas <= g.gasLimit/100*blockGasShare
}

// gasPriceFloor is a gas price above what any transaction of the next block pays: the base fee can rise by
// an eighth per block, and the transactions add a few wei each to order themselves.
func (g *gen) gasPriceFloor() *big.Int {
	floor := new(big.Int).Mul(g.baseFee, big.NewInt(2))
	return floor.Add(floor, big.NewInt(gwei))
}

// newTx plans a transaction from a, taking its next nonce and charging the model's ETH balance.
func (g *gen) newTx(action string, from *account, to common.Address, data []byte, gas uint64) *plannedTx {
	tx := &plannedTx{action: action, from: from, to: to, data: data, gas: gas, nonce: from.nonce, agentID: -1, jobID: -1}
	from.nonce++
	cost := new(big.Int).Mul(g.gasPriceFloor(), new(big.Int).SetUint64(gas))
	costGwei := cost.Div(cost, big.NewInt(gwei)).Uint64() + 1
	from.gwei -= min(from.gwei, costGwei)
	return tx
}

// add plans a transaction in the block being built; the caller has checked room.
func (g *gen) add(action string, from *account, to common.Address, data []byte, gas uint64) *plannedTx {
	tx := g.newTx(action, from, to, data, gas)
	g.txs = append(g.txs, tx)
	g.gasSum += gas
	return tx
}

// planBlock fills the block: ETH top-ups first, then the next steps of open jobs (at most half of the
// block), then actions drawn from the mix.
func (g *gen) planBlock() {
	for _, a := range g.accts {
		if a.gwei < g.topUpGwei/2 && g.funder.gwei > 2*g.topUpGwei && g.room(1, transferGas) {
			tx := g.fundTx(a, g.topUpGwei)
			g.txs = append(g.txs, tx)
			g.gasSum += tx.gas
		}
	}
	g.stepJobs(len(g.txs) + max(g.maxTxs/2, 1))
	for fails := 0; len(g.txs) < g.maxTxs && fails < 40; {
		if g.pick().do(g) {
			fails = 0
		} else {
			fails++
		}
	}
}

// pick draws an action from the mix.
func (g *gen) pick() weighted {
	r := g.rng.IntN(g.mixTotal)
	for _, e := range g.mix {
		if r < e.weight {
			return e
		}
		r -= e.weight
	}
	return g.mix[len(g.mix)-1]
}

// pickAccount returns a random account other than those excluded, or nil when there is none.
func (g *gen) pickAccount(exclude ...*account) *account {
	if len(g.accts) <= len(exclude) {
		return nil
	}
	for {
		a := g.accts[g.rng.IntN(len(g.accts))]
		taken := false
		for _, x := range exclude {
			if x == a {
				taken = true
				break
			}
		}
		if !taken {
			return a
		}
	}
}

// seal prices and signs the block's transactions: gas prices strictly decrease in planned order, so that
// anvil, which orders its pool by price, executes them in that order.
func (g *gen) seal() error {
	floor := g.gasPriceFloor()
	n := len(g.txs)
	workers := min(runtime.NumCPU(), max(n/32, 1))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				p := g.txs[i]
				price := new(big.Int).Add(floor, big.NewInt(int64(n-i)))
				tx, err := types.SignNewTx(p.from.key, g.signer, &types.LegacyTx{
					Nonce: p.nonce, GasPrice: price, Gas: p.gas, To: &p.to, Value: p.value, Data: p.data,
				})
				if err != nil {
					errs[w] = fmt.Errorf("sign %s: %w", g.describe(i), err)
					return
				}
				p.tx = tx
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// describe names planned transaction i for errors.
func (g *gen) describe(i int) string {
	p := g.txs[i]
	return fmt.Sprintf("transaction %d of block %d (%s from %s, nonce %d)", i, g.head+1, p.action, p.from.addr, p.nonce)
}

// mineBlock signs, sends and mines the block being built, then checks every receipt and counts the logs.
func (g *gen) mineBlock(ctx context.Context) error {
	t := time.Now()
	lap := func(phase int) {
		now := time.Now()
		g.phases[phase] += now.Sub(t)
		t = now
	}
	if err := g.seal(); err != nil {
		return err
	}
	lap(phaseSign)
	txs := make([]*types.Transaction, len(g.txs))
	for i, p := range g.txs {
		txs[i] = p.tx
	}
	if err := g.n.send(ctx, txs, g.describe); err != nil {
		return err
	}
	lap(phaseSend)
	if err := g.n.mine(ctx, g.now); err != nil {
		return err
	}
	lap(phaseMine)
	number := g.head + 1
	info, receipts, err := g.n.block(ctx, number)
	if err != nil {
		return err
	}
	if err := g.check(ctx, number, info, receipts); err != nil {
		return err
	}
	lap(phaseRead)
	g.head, g.headTime, g.baseFee, g.gasLimit = number, g.now, info.baseFee(), uint64(info.GasLimit)
	g.now += g.interval
	g.stats.Blocks++
	g.stats.LastBlock = number
	g.stats.Txs += len(g.txs)
	for _, p := range g.txs {
		g.stats.ByAction[p.action]++
	}
	return nil
}

// check verifies that block number holds exactly the planned transactions, in order, all successful, with
// the predicted agent and job ids, and counts its logs.
func (g *gen) check(ctx context.Context, number uint64, info *blockInfo, receipts []*types.Receipt) error {
	if got := uint64(info.Timestamp); got != g.now {
		return fmt.Errorf("block %d has timestamp %d, want %d", number, got, g.now)
	}
	if len(receipts) != len(g.txs) {
		return fmt.Errorf("block %d holds %d transactions, want the %d sent (another sender, or the block gas limit?)",
			number, len(receipts), len(g.txs))
	}
	for i, r := range receipts {
		p := g.txs[i]
		if r.TxHash != p.tx.Hash() {
			return fmt.Errorf("block %d: transaction %d is %s, want %s (%s): the node did not order its pool by gas price",
				number, i, r.TxHash, p.tx.Hash(), p.action)
		}
		if r.Status != types.ReceiptStatusSuccessful {
			return fmt.Errorf("%s reverted: %s", g.describe(i), g.revertReason(ctx, r.TxHash))
		}
		u := g.gasUsed[p.action]
		u.most, u.share = max(u.most, r.GasUsed), max(u.share, float64(r.GasUsed)/float64(p.gas))
		g.gasUsed[p.action] = u
		if err := g.checkIDs(p, r); err != nil {
			return fmt.Errorf("%s: %w", g.describe(i), err)
		}
		for _, l := range r.Logs {
			name, ok := g.events.name(l)
			if !ok {
				continue
			}
			g.stats.Events++
			g.stats.ByEvent[name]++
		}
	}
	return nil
}

// checkIDs compares the ids the model predicted with the Registered or JobCreated log of the receipt.
func (g *gen) checkIDs(p *plannedTx, r *types.Receipt) error {
	want, at, topic := p.agentID, g.addr.identity, g.events.registered
	if p.jobID >= 0 {
		want, at, topic = p.jobID, g.addr.escrow, g.events.jobCreated
	}
	if want < 0 {
		return nil
	}
	for _, l := range r.Logs {
		if l.Address == at && len(l.Topics) > 1 && l.Topics[0] == topic {
			if got := l.Topics[1].Big(); !got.IsInt64() || got.Int64() != want {
				return fmt.Errorf("created id %s, the model expected %d", got, want)
			}
			return nil
		}
	}
	return fmt.Errorf("no creation log (the model expected id %d)", want)
}

// revertReason explains why a mined transaction failed, decoding the contracts' custom errors.
func (g *gen) revertReason(ctx context.Context, hash common.Hash) string {
	output, traceErr, err := g.n.revertData(ctx, hash)
	if err != nil {
		return fmt.Sprintf("(no trace: %v)", err)
	}
	if len(output) >= 4 {
		for _, unpack := range []func([]byte) (any, error){
			g.identity.UnpackError, g.reputation.UnpackError, g.validation.UnpackError, g.escrow.UnpackError, g.tusd.UnpackError,
		} {
			if v, err := unpack(output); err == nil {
				return fmt.Sprintf("%T%+v (%s)", v, v, traceErr)
			}
		}
	}
	return fmt.Sprintf("%s, data %s", traceErr, hexutil.Encode(output))
}

// model exports the generator's view.
func (g *gen) model() *Model {
	m := &Model{}
	for _, a := range g.agents {
		meta := make(map[string][]byte, len(a.meta))
		for k, v := range a.meta {
			meta[k] = v
		}
		m.Agents = append(m.Agents, Agent{ID: a.id, Owner: a.owner.addr, Wallet: a.wallet, URI: a.uri, Metadata: meta})
	}
	for _, f := range g.feedback {
		m.Feedback = append(m.Feedback, Feedback{
			AgentID: f.agent.id, Client: f.client.addr, Index: f.index, Value: f.value,
			Decimals: f.decimals, Tag1: f.tag1, Tag2: f.tag2, Revoked: f.revoked, Responses: f.responses,
		})
	}
	for _, v := range g.validations {
		m.Validations = append(m.Validations, Validation{
			RequestHash: v.hash, Validator: v.validator.addr, AgentID: v.agent.id,
			Answers: v.answers, Response: v.response,
		})
	}
	for _, j := range g.jobs {
		job := Job{ID: j.id, Agreement: j.agreement, Client: j.client.addr, Status: j.status,
			Budget: new(big.Int).SetUint64(j.budget)}
		if j.provider != nil {
			job.Provider = j.provider.addr
		}
		if j.agreement {
			job.ProviderAgentID = j.agent.id
		}
		m.Jobs = append(m.Jobs, job)
	}
	return m
}
