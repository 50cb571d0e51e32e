package seed

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/deployment"
)

// receiptWorkers is how many receipts are awaited at once.
const receiptWorkers = 8

// sender signs and sends transactions with locally counted nonces and fixed gas limits, so that a whole
// phase is sent without waiting for any receipt (nothing is estimated against state that is still
// pending). Transactions are sent one after the other in the order they are added: on a chain that mines
// each transaction as it arrives (anvil's automine) the order, and so every id the contracts assign, is
// the same on every run.
type sender struct {
	backend deployment.Backend
	chainID *big.Int
	signer  types.Signer
	timeout time.Duration
	nonces  map[common.Address]uint64
	sent    int
	log     *slog.Logger
	node    *anvilNode // nil unless the chain is anvil
}

func newSender(backend deployment.Backend, chainID *big.Int, timeout time.Duration, log *slog.Logger, node *anvilNode) *sender {
	return &sender{
		backend: backend,
		chainID: chainID,
		signer:  types.LatestSignerForChainID(chainID),
		timeout: timeout,
		nonces:  make(map[common.Address]uint64),
		log:     log,
		node:    node,
	}
}

// fees is the price every transaction of one phase pays: dynamic fees when the chain has a base fee,
// else a legacy gas price.
type fees struct {
	tip, feeCap *big.Int // EIP-1559
	gasPrice    *big.Int // legacy, when the chain has no base fee
}

// phase starts a batch of transactions, priced from the latest block.
func (s *sender) phase(ctx context.Context, name string) (*batch, error) {
	cctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	head, err := s.backend.HeaderByNumber(cctx, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: latest block: %w", name, err)
	}
	var f fees
	if head.BaseFee != nil {
		if f.tip, err = s.backend.SuggestGasTipCap(cctx); err != nil {
			return nil, fmt.Errorf("%s: gas tip: %w", name, err)
		}
		// Four times the base fee leaves room for eleven full blocks of increases within the phase.
		f.feeCap = new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(4)), f.tip)
	} else if f.gasPrice, err = s.backend.SuggestGasPrice(cctx); err != nil {
		return nil, fmt.Errorf("%s: gas price: %w", name, err)
	}
	return &batch{s: s, name: name, fees: f, head: head, start: time.Now()}, nil
}

// batch is one phase: transactions that do not depend on each other's effects, except through the order
// of one account's nonces.
type batch struct {
	s     *sender
	name  string
	fees  fees
	head  *types.Header // the latest block when the phase started
	txs   []sent
	start time.Time
	// blockGas is the gas limits sent since the last block was mined (mining by hand).
	blockGas uint64
}

// sent is a transaction of the batch and the step it performs, for errors.
type sent struct {
	step string
	tx   *types.Transaction
}

// nonce returns the next nonce of from, asking the node the first time.
func (s *sender) nonce(ctx context.Context, from common.Address) (uint64, error) {
	if n, ok := s.nonces[from]; ok {
		return n, nil
	}
	cctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	n, err := s.backend.PendingNonceAt(cctx, from)
	if err != nil {
		return 0, fmt.Errorf("nonce of %s: %w", from, err)
	}
	s.nonces[from] = n
	return n, nil
}

// send signs a transaction from key to `to` and sends it at once. step names it in errors.
func (b *batch) send(ctx context.Context, step string, key *ecdsa.PrivateKey, to common.Address, value *big.Int,
	data []byte, gas uint64) error {
	s := b.s
	// Mining by hand, keep blocks to what fits: the node would otherwise fill a block's leftover gas with a
	// later, smaller transaction, and the order of the chain would no longer be the order sent.
	if s.node != nil && s.node.manual {
		if b.blockGas > 0 && b.blockGas+gas > b.head.GasLimit {
			if err := s.node.mineAll(ctx, 1); err != nil {
				return fmt.Errorf("%s: mining: %w", step, err)
			}
			b.blockGas = 0
		}
		b.blockGas += gas
	}
	from := crypto.PubkeyToAddress(key.PublicKey)
	nonce, err := s.nonce(ctx, from)
	if err != nil {
		return fmt.Errorf("%s: %w", step, err)
	}
	if value == nil {
		value = new(big.Int)
	}
	var inner types.TxData
	if b.fees.feeCap != nil {
		inner = &types.DynamicFeeTx{ChainID: s.chainID, Nonce: nonce, GasTipCap: b.fees.tip, GasFeeCap: b.fees.feeCap,
			Gas: gas, To: &to, Value: value, Data: data}
	} else {
		inner = &types.LegacyTx{Nonce: nonce, GasPrice: b.fees.gasPrice, Gas: gas, To: &to, Value: value, Data: data}
	}
	tx, err := types.SignNewTx(key, s.signer, inner)
	if err != nil {
		return fmt.Errorf("%s: sign: %w", step, err)
	}
	cctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	if err := s.backend.SendTransaction(cctx, tx); err != nil {
		return fmt.Errorf("%s: send from %s: %w", step, from, err)
	}
	s.nonces[from] = nonce + 1
	s.sent++
	b.txs = append(b.txs, sent{step: step, tx: tx})
	return nil
}

// wait mines the batch (when mining by hand), waits for every receipt, a few at a time, and fails naming
// the first step (in the order sent) whose transaction failed or was not mined in time. The receipts are in
// the order sent.
func (b *batch) wait(ctx context.Context) ([]*types.Receipt, error) {
	sentAt := time.Now()
	defer func() {
		b.s.log.Debug("phase mined", "phase", b.name, "transactions", len(b.txs), "sending", sentAt.Sub(b.start),
			"waiting", time.Since(sentAt))
	}()
	if n := b.s.node; n != nil && n.manual && len(b.txs) > 0 {
		if err := n.mineAll(ctx, len(b.txs)); err != nil {
			return nil, fmt.Errorf("%s: mining: %w", b.name, err)
		}
	}
	receipts := make([]*types.Receipt, len(b.txs))
	errs := make([]error, len(b.txs))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(receiptWorkers, len(b.txs)) {
		wg.Go(func() {
			for i := range next {
				r, err := b.s.waitMined(ctx, b.txs[i].tx)
				receipts[i], errs[i] = r, err
				if err != nil && !errors.Is(err, deployment.ErrReverted) {
					cancel() // not mined in time: stop waiting for the rest
				}
			}
		})
	}
feed:
	for i := range b.txs {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	// Report a real failure before the cancellations it caused.
	var first error
	for i, err := range errs {
		if err == nil {
			continue
		}
		err = fmt.Errorf("%s: %s (tx %s): %w", b.name, b.txs[i].step, b.txs[i].tx.Hash(), err)
		if !errors.Is(err, context.Canceled) {
			return nil, err
		}
		if first == nil {
			first = err
		}
	}
	if first != nil {
		return nil, first
	}
	for i, r := range receipts {
		if r == nil { // never awaited: the caller's context ended
			return nil, fmt.Errorf("%s: %s (tx %s): %w", b.name, b.txs[i].step, b.txs[i].tx.Hash(), context.Cause(ctx))
		}
	}
	return receipts, nil
}

// Receipt polling: every pollFast at first, every pollSlow once a transaction has waited slowAfter. The
// transactions of a phase are mined within milliseconds of each other on a dev chain, so a short, steady
// interval wastes less than deployment.WaitMined's exponential backoff.
const (
	pollFast  = 10 * time.Millisecond
	pollSlow  = 250 * time.Millisecond
	slowAfter = 3 * time.Second
)

// waitMined waits at most s.timeout for tx's receipt and fails with deployment.ErrReverted if the
// transaction failed.
func (s *sender) waitMined(ctx context.Context, tx *types.Transaction) (*types.Receipt, error) {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	start := time.Now()
	var lastErr error
	for {
		receipt, err := s.backend.TransactionReceipt(ctx, tx.Hash())
		if err == nil {
			if receipt.Status != types.ReceiptStatusSuccessful {
				return receipt, fmt.Errorf("%w in block %s", deployment.ErrReverted, receipt.BlockNumber)
			}
			return receipt, nil
		}
		if !errors.Is(err, ethereum.NotFound) {
			lastErr = err // maybe transient: keep trying until the timeout
		}
		delay := pollFast
		if time.Since(start) > slowAfter {
			delay = pollSlow
		}
		select {
		case <-ctx.Done():
			if lastErr != nil {
				return nil, fmt.Errorf("not mined: %w (last error: %v)", ctx.Err(), lastErr)
			}
			return nil, fmt.Errorf("not mined: %w", ctx.Err())
		case <-time.After(delay):
		}
	}
}
