package indexer

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/agoralabs/agora/indexer/ethlogs"
	"github.com/agoralabs/agora/internal/redact"
)

// Head is the part of a block header the indexer needs.
type Head struct {
	Number     hexutil.Uint64 `json:"number"`
	Hash       common.Hash    `json:"hash"`
	ParentHash common.Hash    `json:"parentHash"`
	Timestamp  hexutil.Uint64 `json:"timestamp"`
}

// ChainConfig tunes the JSON-RPC client.
type ChainConfig struct {
	Timeout time.Duration // per call (default 10s)
	Retries int           // extra attempts after a failed call (default 5)
	Backoff time.Duration // first retry delay, doubled each time up to 5s (default 100ms)
}

// Chain reads blocks and logs of a set of contracts over JSON-RPC, with a timeout and bounded retries with
// backoff on every call.
type Chain struct {
	rpc       *rpc.Client
	logs      *ethlogs.Client // eth_getLogs over plain HTTP with a fast decoder; nil for ws(s) endpoints
	ws        *rpc.Client     // nil: no subscriptions
	addresses []common.Address
	cfg       ChainConfig
	metrics   *Metrics
}

// DialChain connects to rpcURL (http(s) or ws(s)). wsURL names the endpoint for newHeads subscriptions:
// "" tries rpcURL itself when it is a WebSocket, else the same host over ws(s) (anvil and geth serve both on
// one port), and falls back to polling when that fails; "none" disables subscriptions.
func DialChain(ctx context.Context, rpcURL, wsURL string, addresses []common.Address, cfg ChainConfig, m *Metrics) (*Chain, error) {
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.Retries < 0 {
		cfg.Retries = 0
	} else if cfg.Retries == 0 {
		cfg.Retries = 5
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = 100 * time.Millisecond
	}
	c, err := rpc.DialContext(ctx, rpcURL)
	if err != nil {
		return nil, fmt.Errorf("indexer: dial %s: %w", redact.URL(rpcURL), err)
	}
	ch := &Chain{rpc: c, addresses: addresses, cfg: cfg, metrics: m}
	if u, err := url.Parse(rpcURL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		ch.logs = ethlogs.NewClient(rpcURL, nil)
	}
	if wsURL == "none" {
		return ch, nil
	}
	if wsURL == "" {
		wsURL = deriveWS(rpcURL)
	}
	if wsURL != "" {
		dctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
		ws, err := rpc.DialContext(dctx, wsURL)
		cancel()
		if err == nil {
			ch.ws = ws
		}
	}
	return ch, nil
}

// deriveWS returns the WebSocket URL on rpcURL's host, or "" when there is none to try.
func deriveWS(rpcURL string) string {
	u, err := url.Parse(rpcURL)
	if err != nil {
		return ""
	}
	switch u.Scheme {
	case "ws", "wss":
		return rpcURL
	case "http":
		u.Scheme = "ws"
	case "https":
		u.Scheme = "wss"
	default:
		return ""
	}
	return u.String()
}

// Close closes the connections.
func (c *Chain) Close() {
	c.rpc.Close()
	if c.ws != nil {
		c.ws.Close()
	}
}

// CanSubscribe reports whether newHeads subscriptions are available.
func (c *Chain) CanSubscribe() bool { return c.ws != nil }

// errTooMany is a node's refusal to return a range's logs at once; suggested is its hint, if any.
type errTooMany struct {
	msg       string
	suggested [2]uint64
	hasHint   bool
}

func (e *errTooMany) Error() string { return "too many logs: " + e.msg }

var (
	tooManyPhrases = []string{"more than", "too many", "limit exceeded", "response size", "range too large",
		"block range", "exceed", "query timeout", "max results"}
	hintRange = regexp.MustCompile(`\[(0x[0-9a-fA-F]+),\s*(0x[0-9a-fA-F]+)\]`)
)

// classify turns a node's "too many results" answer into *errTooMany.
func classify(err error) error {
	var rpcErr rpc.Error
	if !errors.As(err, &rpcErr) {
		return err
	}
	msg := strings.ToLower(rpcErr.Error())
	for _, p := range tooManyPhrases {
		if strings.Contains(msg, p) {
			e := &errTooMany{msg: rpcErr.Error()}
			if m := hintRange.FindStringSubmatch(rpcErr.Error()); m != nil {
				a, errA := strconv.ParseUint(m[1][2:], 16, 64)
				b, errB := strconv.ParseUint(m[2][2:], 16, 64)
				if errA == nil && errB == nil && b >= a {
					e.suggested, e.hasHint = [2]uint64{a, b}, true
				}
			}
			return e
		}
	}
	return err
}

// call runs one JSON-RPC call with the timeout, retrying failures other than too-many-results.
func (c *Chain) call(ctx context.Context, method string, result any, args ...any) error {
	return c.retry(ctx, method, func(cctx context.Context) error {
		return c.rpc.CallContext(cctx, result, method, args...)
	})
}

// retry runs attempt with the timeout, retrying failures other than too-many-results with backoff.
func (c *Chain) retry(ctx context.Context, method string, attempt func(context.Context) error) error {
	delay := c.cfg.Backoff
	for n := 0; ; n++ {
		cctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
		err := attempt(cctx)
		cancel()
		if err == nil {
			return nil
		}
		err = classify(err)
		if c.metrics != nil {
			c.metrics.RPCErrors.WithLabelValues(method).Inc()
		}
		var tm *errTooMany
		if errors.As(err, &tm) || ctx.Err() != nil || n >= c.cfg.Retries {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("%s: %w", method, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(delay):
		}
		delay *= 2
		if delay > 5*time.Second {
			delay = 5 * time.Second
		}
	}
}

// BlockNumber returns the chain head's number.
func (c *Chain) BlockNumber(ctx context.Context) (uint64, error) {
	var n hexutil.Uint64
	if err := c.call(ctx, "eth_blockNumber", &n); err != nil {
		return 0, err
	}
	return uint64(n), nil
}

// ChainID returns the node's chain id.
func (c *Chain) ChainID(ctx context.Context) (uint64, error) {
	var n hexutil.Uint64
	if err := c.call(ctx, "eth_chainId", &n); err != nil {
		return 0, err
	}
	return uint64(n), nil
}

// errNoBlock is returned for a block the node does not have (yet, or any more).
var errNoBlock = errors.New("block not found")

// HeadByNumber returns block n's header.
func (c *Chain) HeadByNumber(ctx context.Context, n uint64) (*Head, error) {
	var h *Head
	if err := c.call(ctx, "eth_getBlockByNumber", &h, hexutil.EncodeUint64(n), false); err != nil {
		return nil, err
	}
	if h == nil {
		return nil, fmt.Errorf("block %d: %w", n, errNoBlock)
	}
	return h, nil
}

// Heads returns the headers of blocks nums in one batch request.
func (c *Chain) Heads(ctx context.Context, nums []uint64) (map[uint64]*Head, error) {
	out := make(map[uint64]*Head, len(nums))
	for len(nums) > 0 {
		n := min(len(nums), 100)
		elems := make([]rpc.BatchElem, n)
		heads := make([]*Head, n)
		for i, num := range nums[:n] {
			elems[i] = rpc.BatchElem{Method: "eth_getBlockByNumber", Args: []any{hexutil.EncodeUint64(num), false}, Result: &heads[i]}
		}
		err := c.retry(ctx, "eth_getBlockByNumber", func(cctx context.Context) error {
			return c.rpc.BatchCallContext(cctx, elems)
		})
		if err != nil {
			return nil, fmt.Errorf("eth_getBlockByNumber batch: %w", err)
		}
		for i, e := range elems {
			if e.Error != nil {
				return nil, fmt.Errorf("eth_getBlockByNumber %d: %w", nums[i], e.Error)
			}
			if heads[i] == nil {
				return nil, fmt.Errorf("block %d: %w", nums[i], errNoBlock)
			}
			out[nums[i]] = heads[i]
		}
		nums = nums[n:]
	}
	return out, nil
}

type filter struct {
	FromBlock *hexutil.Big     `json:"fromBlock,omitempty"`
	ToBlock   *hexutil.Big     `json:"toBlock,omitempty"`
	BlockHash *common.Hash     `json:"blockHash,omitempty"`
	Address   []common.Address `json:"address"`
}

// Logs returns the logs of the contracts in blocks from..to (one eth_getLogs).
func (c *Chain) Logs(ctx context.Context, from, to uint64) ([]types.Log, error) {
	if c.logs != nil {
		return c.fastLogs(ctx, ethlogs.Filter{FromBlock: from, ToBlock: to, Addresses: c.addresses})
	}
	var logs []types.Log
	f := filter{FromBlock: (*hexutil.Big)(new(big.Int).SetUint64(from)), ToBlock: (*hexutil.Big)(new(big.Int).SetUint64(to)), Address: c.addresses}
	if err := c.call(ctx, "eth_getLogs", &logs, f); err != nil {
		return nil, err
	}
	return logs, nil
}

// LogsAt returns the logs of the contracts in the block with hash h.
func (c *Chain) LogsAt(ctx context.Context, h common.Hash) ([]types.Log, error) {
	if c.logs != nil {
		return c.fastLogs(ctx, ethlogs.Filter{BlockHash: &h, Addresses: c.addresses})
	}
	var logs []types.Log
	if err := c.call(ctx, "eth_getLogs", &logs, filter{BlockHash: &h, Address: c.addresses}); err != nil {
		return nil, err
	}
	return logs, nil
}

func (c *Chain) fastLogs(ctx context.Context, f ethlogs.Filter) ([]types.Log, error) {
	var logs []types.Log
	err := c.retry(ctx, "eth_getLogs", func(cctx context.Context) error {
		var err error
		logs, err = c.logs.GetLogs(cctx, f)
		return err
	})
	return logs, err
}

// SubscribeHeads subscribes to newHeads over the WebSocket connection.
func (c *Chain) SubscribeHeads(ctx context.Context, ch chan<- *Head) (*rpc.ClientSubscription, error) {
	if c.ws == nil {
		return nil, errors.New("no websocket endpoint")
	}
	cctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	return c.ws.EthSubscribe(cctx, ch, "newHeads")
}
