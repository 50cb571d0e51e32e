// Package indexer mirrors every event of Agora's contracts into PostgreSQL and keeps projections (agents,
// feedback, validations, escrow jobs and balances) current.
//
// It backfills with eth_getLogs over all contracts at once, several adaptive block ranges in flight and
// committed in order; within ReorgWindow blocks of the head it goes block by block, checking that each
// block's parent hash chains onto the last one it stored, and rolls back to the common ancestor when it does
// not. Each range or block is one transaction holding its event rows, the projection updates and the cursor,
// so a crash at any moment loses nothing and duplicates nothing.
package indexer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/indexer/catalog"
)

// Config tunes the indexer. Zero values take the defaults in brackets.
type Config struct {
	Deployment    *deployment.Deployment
	Confirmations uint64        // blocks below the head left alone [0]
	ReorgWindow   uint64        // the last blocks before the head are indexed one by one [64]
	Concurrency   int           // eth_getLogs ranges in flight during backfill [4]
	InitialRange  uint64        // first backfill range, in blocks [10]
	MaxRange      uint64        // largest backfill range [5000]
	TargetLogs    int           // ranges grow below half this many logs and shrink above twice it [4000]
	PollInterval  time.Duration // head polling period without WebSocket [1s]
	Log           *slog.Logger
	Metrics       *Metrics
	// Audit writes every escrow and mandate event as an audit entry too, in the same transaction (package
	// audit; a gateway with the operator's key integrates them).
	Audit bool
	// OnCommit is called after every committed batch with the new cursor (e.g. to wake the registration
	// file fetcher). It must not block.
	OnCommit func(block uint64)
}

// Indexer follows one deployment on one chain into one database.
type Indexer struct {
	chain     *Chain
	store     *Store
	cat       *catalog.Catalog
	cfg       Config
	log       *slog.Logger
	m         *Metrics
	contracts map[common.Address]string
	state     State

	rangeMu   sync.Mutex
	rangeSize uint64

	head     atomic.Uint64 // latest head number seen
	indexed  atomic.Uint64
	start    atomic.Uint64 // the deployment's first block, once init has read the state
	caughtUp atomic.Bool

	headsMu  sync.Mutex
	subHeads map[uint64]*Head // recent heads delivered by the subscription
	wake     chan struct{}

	rate rateMeter
}

// New returns an indexer reading chain and writing store.
func New(chain *Chain, store *Store, cfg Config) *Indexer {
	if cfg.ReorgWindow == 0 {
		cfg.ReorgWindow = 64
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = 4
	}
	if cfg.MaxRange == 0 {
		cfg.MaxRange = 5000
	}
	if cfg.InitialRange == 0 {
		cfg.InitialRange = 10
	}
	cfg.InitialRange = min(cfg.InitialRange, cfg.MaxRange)
	if cfg.TargetLogs <= 0 {
		cfg.TargetLogs = 4000
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = time.Second
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Metrics == nil {
		cfg.Metrics = NewMetrics(nil)
	}
	if cfg.Audit && cfg.Deployment != nil {
		store.auditChain = cfg.Deployment.ChainID
	}
	if store.KeepBlocks < 2*cfg.ReorgWindow {
		store.KeepBlocks = 2 * cfg.ReorgWindow
	}
	ix := &Indexer{
		chain: chain, store: store, cat: store.cat, cfg: cfg, log: cfg.Log, m: cfg.Metrics,
		contracts: map[common.Address]string{}, rangeSize: cfg.InitialRange,
		subHeads: map[uint64]*Head{}, wake: make(chan struct{}, 1),
	}
	for _, c := range cfg.Deployment.All() {
		ix.contracts[c.Address] = c.Name
	}
	return ix
}

// Addresses returns the addresses of the deployment's contracts, the eth_getLogs filter.
func Addresses(dep *deployment.Deployment) []common.Address {
	var out []common.Address
	for _, c := range dep.All() {
		out = append(out, c.Address)
	}
	return out
}

// Ready reports whether the indexer has caught up with the head (less Confirmations).
func (ix *Indexer) Ready() bool { return ix.caughtUp.Load() }

// WaitReady blocks until the indexer has caught up once (true) or ctx is done (false). The registration
// file pool starts after it, so that reading files never competes with a backfill for CPU or database.
func (ix *Indexer) WaitReady(ctx context.Context) bool {
	for !ix.Ready() {
		select {
		case <-ctx.Done():
			return false
		case <-time.After(50 * time.Millisecond):
		}
	}
	return true
}

// Indexed returns the last committed block.
func (ix *Indexer) Indexed() uint64 { return ix.indexed.Load() }

// fatalError marks errors that retrying cannot fix.
type fatalError struct{ err error }

func (e *fatalError) Error() string { return e.err.Error() }
func (e *fatalError) Unwrap() error { return e.err }

// Run indexes until ctx is cancelled (then it returns nil) or a fatal error: another deployment in the
// database, a chain id mismatch, or an undecodable event. Node and database failures are logged and
// retried with backoff.
func (ix *Indexer) Run(ctx context.Context) error {
	if err := ix.init(ctx); err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	go ix.followHeads(ctx)
	backoff := 200 * time.Millisecond
	for {
		done, err := ix.step(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			var fatal *fatalError
			var decode *catalog.DecodeError
			if errors.As(err, &fatal) || errors.As(err, &decode) {
				return err
			}
			ix.m.LoopErrors.Inc()
			ix.log.Warn("indexing failed; retrying", "err", err, "retry_in", backoff, "block", ix.state.Block)
			if !sleep(ctx, backoff) {
				return nil
			}
			backoff = min(backoff*2, 10*time.Second)
			continue
		}
		backoff = 200 * time.Millisecond
		ix.caughtUp.Store(done)
		if !done {
			continue
		}
		select {
		case <-ctx.Done():
			return nil
		case <-ix.wake:
		case <-time.After(ix.cfg.PollInterval):
		}
	}
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

func (ix *Indexer) init(ctx context.Context) error {
	for {
		id, err := ix.chain.ChainID(ctx)
		if err == nil {
			if id != ix.cfg.Deployment.ChainID {
				return &fatalError{fmt.Errorf("indexer: node is on chain %d, the deployment on chain %d", id, ix.cfg.Deployment.ChainID)}
			}
			break
		}
		if ctx.Err() != nil {
			return nil
		}
		ix.log.Warn("node unavailable; retrying", "err", err)
		if !sleep(ctx, 2*time.Second) {
			return nil
		}
	}
	st, err := ix.store.Init(ctx, ix.cfg.Deployment)
	if err != nil {
		if errors.Is(err, ErrOtherDeployment) {
			return &fatalError{err}
		}
		return err
	}
	ix.state = st
	ix.indexed.Store(st.Block)
	ix.start.Store(st.StartBlock)
	ix.rate.begin(time.Now())
	ix.m.IndexedBlock.Set(float64(st.Block))
	ix.log.Info("indexer starting", "chain", st.ChainID, "from_block", st.Block+1, "websocket", ix.chain.CanSubscribe())
	return nil
}

// followHeads keeps a newHeads subscription (when the node offers one) and wakes the main loop on every
// head; it resubscribes after the connection drops.
func (ix *Indexer) followHeads(ctx context.Context) {
	if !ix.chain.CanSubscribe() {
		return
	}
	for ctx.Err() == nil {
		ch := make(chan *Head, 128)
		sub, err := ix.chain.SubscribeHeads(ctx, ch)
		if err != nil {
			ix.log.Debug("newHeads subscription failed; polling", "err", err)
			if !sleep(ctx, 2*time.Second) {
				return
			}
			continue
		}
	recv:
		for {
			select {
			case <-ctx.Done():
				sub.Unsubscribe()
				return
			case err := <-sub.Err():
				ix.log.Warn("newHeads subscription ended; polling until it is back", "err", err)
				break recv
			case h := <-ch:
				ix.headsMu.Lock()
				ix.subHeads[uint64(h.Number)] = h
				if len(ix.subHeads) > 256 {
					for n := range ix.subHeads {
						if n+128 < uint64(h.Number) {
							delete(ix.subHeads, n)
						}
					}
				}
				ix.headsMu.Unlock()
				if uint64(h.Number) > ix.head.Load() {
					ix.head.Store(uint64(h.Number))
				}
				select {
				case ix.wake <- struct{}{}:
				default:
				}
			}
		}
		sub.Unsubscribe()
		if !sleep(ctx, time.Second) {
			return
		}
	}
}

// step does one unit of work and reports whether the indexer is caught up.
func (ix *Indexer) step(ctx context.Context) (bool, error) {
	head, err := ix.chain.BlockNumber(ctx)
	if err != nil {
		return false, err
	}
	ix.head.Store(head) // may go down: a reorg to a shorter chain, or a restarted node
	ix.m.ChainHead.Set(float64(head))
	if head < ix.cfg.Confirmations {
		return true, nil
	}
	target := head - ix.cfg.Confirmations
	st := ix.state
	ix.m.Lag.Set(float64(int64(head) - int64(st.Block)))
	if st.Block > target {
		// The chain is shorter than what we indexed: check our tip is still on it.
		if _, err := ix.checkTip(ctx); err != nil {
			return false, err
		}
		return true, nil
	}
	if st.Block == target {
		if st.Hash != (common.Hash{}) {
			if moved, err := ix.checkTip(ctx); err != nil || moved {
				return false, err
			}
		}
		return true, nil
	}
	if target-st.Block > ix.cfg.ReorgWindow {
		return false, ix.backfill(ctx, st.Block+1, target-ix.cfg.ReorgWindow)
	}
	to := min(target, st.Block+maxWindow)
	return to >= target, ix.window(ctx, st.Block+1, to)
}

// checkTip rolls back when the stored tip is no longer canonical; it reports whether it did.
func (ix *Indexer) checkTip(ctx context.Context) (bool, error) {
	st := ix.state
	if st.Hash == (common.Hash{}) {
		return false, nil
	}
	h, err := ix.chain.HeadByNumber(ctx, st.Block)
	if errors.Is(err, errNoBlock) {
		return true, ix.reorg(ctx)
	}
	if err != nil {
		return false, err
	}
	if h.Hash != st.Hash {
		return true, ix.reorg(ctx)
	}
	return false, nil
}

func (ix *Indexer) cachedHead(n uint64) *Head {
	ix.headsMu.Lock()
	defer ix.headsMu.Unlock()
	return ix.subHeads[n]
}

// maxWindow bounds how many blocks near the head one transaction covers.
const maxWindow = 32

// window indexes blocks from..to (near the head) in one transaction after checking that their headers chain
// onto the stored tip and onto each other, and that every log belongs to the block whose header was checked.
func (ix *Indexer) window(ctx context.Context, from, to uint64) error {
	start := time.Now()
	heads := make(map[uint64]*Head, to-from+1)
	var missing []uint64
	for n := from; n <= to; n++ {
		if h := ix.cachedHead(n); h != nil {
			heads[n] = h
		} else {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		fetched, err := ix.chain.Heads(ctx, missing)
		if err != nil {
			return err
		}
		for n, h := range fetched {
			heads[n] = h
		}
	}
	prev := ix.state.Hash
	for n := from; n <= to; n++ {
		h := heads[n]
		if prev != (common.Hash{}) && h.ParentHash != prev {
			if n == from {
				ix.log.Info("parent hash mismatch", "block", n, "parent", h.ParentHash, "stored", prev)
				return ix.reorg(ctx)
			}
			return fmt.Errorf("indexer: blocks %d-%d changed while being read (reorg); retrying", from, to)
		}
		prev = h.Hash
	}
	var logs []types.Log
	var err error
	if from == to {
		logs, err = ix.chain.LogsAt(ctx, heads[from].Hash)
	} else {
		logs, err = ix.logsSplitting(ctx, from, to)
	}
	if err != nil {
		return err
	}
	for i := range logs {
		if h := heads[logs[i].BlockNumber]; h == nil || logs[i].BlockHash != h.Hash {
			return fmt.Errorf("indexer: blocks %d-%d changed while being read (reorg); retrying", from, to)
		}
	}
	b := newBatch(from, to)
	b.Hash = heads[to].Hash
	for n := from; n <= to; n++ {
		parent := heads[n].ParentHash
		b.blocks = append(b.blocks, blockRef{number: n, hash: heads[n].Hash, parent: &parent})
	}
	err = ix.addLogs(b, logs, func(lg *types.Log) time.Time {
		return time.Unix(int64(heads[lg.BlockNumber].Timestamp), 0).UTC()
	})
	if err != nil {
		return err
	}
	return ix.commit(ctx, b, "head", start)
}

func (ix *Indexer) commit(ctx context.Context, b *Batch, mode string, start time.Time) error {
	// The progress as this commit makes it, stored with the cursor (ReadProgress).
	now := time.Now()
	blocks := int(b.To - b.From + 1)
	ev, bl := ix.rate.rates(now, b.Events, blocks)
	p := ix.progress(now, b.To, ev, bl)
	b.progress = &p
	if err := ix.store.Write(ctx, b); err != nil {
		if errors.Is(err, errCursorMoved) {
			return &fatalError{err}
		}
		return err
	}
	ix.state.Block, ix.state.Hash = b.To, b.Hash
	ix.indexed.Store(b.To)
	ix.m.IndexedBlock.Set(float64(b.To))
	ix.m.Lag.Set(float64(int64(ix.head.Load()) - int64(b.To)))
	ix.m.Events.Add(float64(b.Events))
	ix.rate.add(now, b.Events, blocks)
	ix.m.setProgress(p)
	ix.m.Batches.WithLabelValues(mode).Observe(time.Since(start).Seconds())
	if mode == "backfill" || b.Events > 0 {
		ix.log.Debug("committed", "mode", mode, "from", b.From, "to", b.To, "events", b.Events,
			"took", time.Since(start).Round(time.Microsecond))
	}
	if ix.cfg.OnCommit != nil {
		ix.cfg.OnCommit(b.To)
	}
	return nil
}

// reorg finds the newest stored block still on the canonical chain and rolls back to it.
func (ix *Indexer) reorg(ctx context.Context) error {
	st := ix.state
	refs, err := ix.store.storedBlocks(ctx, st.Block, int(ix.store.KeepBlocks))
	if err != nil {
		return err
	}
	ancestor := blockRef{number: st.StartBlock - 1}
	if st.StartBlock == 0 {
		ancestor.number = 0
	}
	found := false
	for _, ref := range refs {
		h, err := ix.chain.HeadByNumber(ctx, ref.number)
		if errors.Is(err, errNoBlock) {
			continue
		}
		if err != nil {
			return err
		}
		if h.Hash == ref.hash {
			ancestor, found = ref, true
			break
		}
	}
	if !found {
		ix.log.Warn("reorg deeper than the stored block hashes: re-indexing from the start", "stored", len(refs))
	}
	deleted, err := ix.store.Rollback(ctx, ancestor.number, ancestor.hash)
	if err != nil {
		return err
	}
	// Headers the subscription delivered may belong to the abandoned branch.
	ix.headsMu.Lock()
	clear(ix.subHeads)
	ix.headsMu.Unlock()
	depth := st.Block - ancestor.number
	ix.state.Block, ix.state.Hash = ancestor.number, ancestor.hash
	ix.indexed.Store(ancestor.number)
	ix.m.Reorgs.Inc()
	ix.m.ReorgDepth.Observe(float64(depth))
	ix.m.IndexedBlock.Set(float64(ancestor.number))
	ix.log.Warn("reorg rolled back", "from_block", st.Block, "to_block", ancestor.number, "depth", depth,
		"events_removed", deleted)
	return nil
}

// addLogs decodes logs into b.
func (ix *Indexer) addLogs(b *Batch, logs []types.Log, timeOf func(*types.Log) time.Time) error {
	seen := map[uint64]bool{}
	for _, bl := range b.blocks {
		seen[bl.number] = true
	}
	for i := range logs {
		lg := &logs[i]
		if lg.Removed {
			continue
		}
		name, ok := ix.contracts[lg.Address]
		if !ok {
			continue
		}
		if !seen[lg.BlockNumber] {
			seen[lg.BlockNumber] = true
			b.blocks = append(b.blocks, blockRef{number: lg.BlockNumber, hash: lg.BlockHash})
		}
		var e *catalog.Event
		if len(lg.Topics) > 0 {
			e = ix.cat.Event(name, lg.Topics[0])
		}
		if e == nil {
			topics := make([][]byte, len(lg.Topics))
			for j, t := range lg.Topics {
				topics[j] = t.Bytes()
			}
			b.unknown = append(b.unknown, []any{int64(lg.BlockNumber), lg.BlockHash.Bytes(), lg.TxHash.Bytes(),
				int32(lg.Index), lg.Address.Bytes(), topics, lg.Data})
			continue
		}
		row, err := e.Row(lg, timeOf(lg))
		if err != nil {
			return err
		}
		b.rows[e] = append(b.rows[e], row)
		b.Events++
	}
	return nil
}
