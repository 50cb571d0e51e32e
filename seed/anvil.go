package seed

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// rpcClient is implemented by *ethclient.Client: the raw RPC client, for anvil's own methods.
type rpcClient interface{ Client() *rpc.Client }

// anvilNode drives anvil's mining and clock. A nil *anvilNode stands for any other node: transactions are
// left to its own mining and the clock cannot move.
type anvilNode struct {
	c       *rpc.Client
	timeout time.Duration
	// manual is set while Run has automine off: each phase is mined with evm_mine, a few blocks of many
	// transactions each instead of a block per transaction.
	manual bool
}

// detectAnvil returns the anvil behind backend, or nil when backend is something else.
func detectAnvil(ctx context.Context, backend any, timeout time.Duration) *anvilNode {
	rc, ok := backend.(rpcClient)
	if !ok || rc.Client() == nil {
		return nil
	}
	n := &anvilNode{c: rc.Client(), timeout: timeout}
	var version string
	if err := n.call(ctx, &version, "web3_clientVersion"); err != nil || !strings.HasPrefix(strings.ToLower(version), "anvil") {
		return nil
	}
	return n
}

func (n *anvilNode) call(ctx context.Context, result any, method string, args ...any) error {
	ctx, cancel := context.WithTimeout(ctx, n.timeout)
	defer cancel()
	if err := n.c.CallContext(ctx, result, method, args...); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	return nil
}

// takeMining turns automine off if it is on, and returns the function that turns it back on (dropping what
// is left in the pool after a failure, so that it is not mined later). With automine already off (interval
// mining) it changes nothing: the node mines the phases itself.
func (n *anvilNode) takeMining(ctx context.Context) (restore func(failed bool) error, err error) {
	var auto bool
	if err := n.call(ctx, &auto, "anvil_getAutomine"); err != nil {
		return nil, err
	}
	if !auto {
		return func(bool) error { return nil }, nil
	}
	if err := n.call(ctx, nil, "evm_setAutomine", false); err != nil {
		return nil, err
	}
	n.manual = true
	return func(failed bool) error {
		n.manual = false
		// The caller's context may be what failed: restoring must still happen.
		rctx, cancel := context.WithTimeout(context.Background(), n.timeout)
		defer cancel()
		var dropErr error
		if failed {
			dropErr = n.call(rctx, nil, "anvil_dropAllTransactions")
		}
		return errors.Join(dropErr, n.call(rctx, nil, "evm_setAutomine", true))
	}, nil
}

// pending returns the number of transactions in the pool.
func (n *anvilNode) pending(ctx context.Context) (uint64, error) {
	var status struct {
		Pending hexutil.Uint64 `json:"pending"`
		Queued  hexutil.Uint64 `json:"queued"`
	}
	if err := n.call(ctx, &status, "txpool_status"); err != nil {
		return 0, err
	}
	return uint64(status.Pending) + uint64(status.Queued), nil
}

// mineAll mines blocks until the pool is empty. sent bounds the blocks: each mined block takes at least one
// transaction unless none can be included, which is an error.
func (n *anvilNode) mineAll(ctx context.Context, sent int) error {
	for blocks := 0; ; blocks++ {
		left, err := n.pending(ctx)
		if err != nil {
			return err
		}
		if left == 0 {
			return nil
		}
		if blocks > sent {
			return fmt.Errorf("%d transactions still pending after %d blocks", left, blocks)
		}
		if err := n.call(ctx, nil, "evm_mine"); err != nil {
			return err
		}
	}
}

// timeSource is what passTime reads the chain's time from.
type timeSource interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// passTime makes the chain's time reach t: it moves anvil's clock forward by what is missing and mines a
// block at that time.
func (n *anvilNode) passTime(ctx context.Context, chain timeSource, t uint64) error {
	cctx, cancel := context.WithTimeout(ctx, n.timeout)
	head, err := chain.HeaderByNumber(cctx, nil)
	cancel()
	if err != nil {
		return fmt.Errorf("latest block: %w", err)
	}
	if head.Time >= t {
		return nil
	}
	if err := n.call(ctx, nil, "evm_increaseTime", t-head.Time); err != nil {
		return err
	}
	return n.call(ctx, nil, "evm_mine")
}
