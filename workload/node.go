package workload

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// callTimeout bounds one JSON-RPC call or batch.
const callTimeout = 60 * time.Second

// sendChunk is the most transactions sent in one JSON-RPC batch.
const sendChunk = 500

// node is the JSON-RPC side of the generator: anvil's mining controls, batched sends and block reads.
type node struct {
	c *rpc.Client
}

func (n *node) call(ctx context.Context, result any, method string, args ...any) error {
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	if err := n.c.CallContext(ctx, result, method, args...); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	return nil
}

func (n *node) batch(ctx context.Context, elems []rpc.BatchElem) error {
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	if err := n.c.BatchCallContext(ctx, elems); err != nil {
		return fmt.Errorf("batch of %d calls: %w", len(elems), err)
	}
	return nil
}

// setAutomine turns anvil's automine on or off.
func (n *node) setAutomine(ctx context.Context, on bool) error {
	return n.call(ctx, nil, "evm_setAutomine", on)
}

// mine mines one block with the given timestamp.
func (n *node) mine(ctx context.Context, timestamp uint64) error {
	return n.call(ctx, nil, "evm_mine", timestamp)
}

// pendingCount returns the number of transactions in anvil's pool (pending and queued).
func (n *node) pendingCount(ctx context.Context) (uint64, error) {
	var status struct {
		Pending hexutil.Uint64 `json:"pending"`
		Queued  hexutil.Uint64 `json:"queued"`
	}
	if err := n.call(ctx, &status, "txpool_status"); err != nil {
		return 0, err
	}
	return uint64(status.Pending) + uint64(status.Queued), nil
}

// dropAll empties anvil's pool (after a failure, so that the transactions left are not mined later).
func (n *node) dropAll(ctx context.Context) error {
	return n.call(ctx, nil, "anvil_dropAllTransactions")
}

// send submits signed transactions in batches; what[i] names transaction i in errors.
func (n *node) send(ctx context.Context, txs []*types.Transaction, what func(i int) string) error {
	for start := 0; start < len(txs); start += sendChunk {
		end := min(start+sendChunk, len(txs))
		elems := make([]rpc.BatchElem, 0, end-start)
		hashes := make([]common.Hash, end-start)
		for i := start; i < end; i++ {
			raw, err := txs[i].MarshalBinary()
			if err != nil {
				return fmt.Errorf("encode %s: %w", what(i), err)
			}
			elems = append(elems, rpc.BatchElem{
				Method: "eth_sendRawTransaction",
				Args:   []any{hexutil.Bytes(raw)},
				Result: &hashes[i-start],
			})
		}
		if err := n.batch(ctx, elems); err != nil {
			return err
		}
		for k, e := range elems {
			if e.Error != nil {
				return fmt.Errorf("send %s: %w", what(start+k), e.Error)
			}
			if got, want := hashes[k], txs[start+k].Hash(); got != want {
				return fmt.Errorf("send %s: node returned hash %s, want %s", what(start+k), got, want)
			}
		}
	}
	return nil
}

// blockInfo is what the generator reads of a mined block's header.
type blockInfo struct {
	Number    hexutil.Uint64 `json:"number"`
	Hash      common.Hash    `json:"hash"`
	Timestamp hexutil.Uint64 `json:"timestamp"`
	GasLimit  hexutil.Uint64 `json:"gasLimit"`
	GasUsed   hexutil.Uint64 `json:"gasUsed"`
	BaseFee   *hexutil.Big   `json:"baseFeePerGas"`
}

func (b *blockInfo) baseFee() *big.Int {
	if b.BaseFee == nil {
		return new(big.Int)
	}
	return b.BaseFee.ToInt()
}

// header reads a block's header fields; nil number means the latest block.
func (n *node) header(ctx context.Context, number *uint64) (*blockInfo, error) {
	var b *blockInfo
	if err := n.call(ctx, &b, "eth_getBlockByNumber", blockArg(number), false); err != nil {
		return nil, err
	}
	if b == nil {
		return nil, errors.New("eth_getBlockByNumber: block not found")
	}
	return b, nil
}

// block reads a mined block's header and receipts in one batch.
func (n *node) block(ctx context.Context, number uint64) (*blockInfo, []*types.Receipt, error) {
	var (
		b        *blockInfo
		receipts []*types.Receipt
	)
	elems := []rpc.BatchElem{
		{Method: "eth_getBlockByNumber", Args: []any{blockArg(&number), false}, Result: &b},
		{Method: "eth_getBlockReceipts", Args: []any{blockArg(&number)}, Result: &receipts},
	}
	if err := n.batch(ctx, elems); err != nil {
		return nil, nil, err
	}
	for _, e := range elems {
		if e.Error != nil {
			return nil, nil, fmt.Errorf("%s(%d): %w", e.Method, number, e.Error)
		}
	}
	if b == nil {
		return nil, nil, fmt.Errorf("block %d not found", number)
	}
	return b, receipts, nil
}

func blockArg(number *uint64) string {
	if number == nil {
		return "latest"
	}
	return hexutil.EncodeUint64(*number)
}

// revertData returns the output and error of a mined transaction, as anvil's call tracer reports them.
func (n *node) revertData(ctx context.Context, hash common.Hash) ([]byte, string, error) {
	var trace struct {
		Output hexutil.Bytes `json:"output"`
		Error  string        `json:"error"`
	}
	var raw json.RawMessage
	if err := n.call(ctx, &raw, "debug_traceTransaction", hash, map[string]any{"tracer": "callTracer"}); err != nil {
		return nil, "", err
	}
	if err := json.Unmarshal(raw, &trace); err != nil {
		return nil, "", fmt.Errorf("debug_traceTransaction: %w", err)
	}
	return trace.Output, trace.Error, nil
}
