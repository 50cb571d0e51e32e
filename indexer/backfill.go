package indexer

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
)

// rangeJob is one eth_getLogs range of a backfill and, once fetched, its decoded batch.
type rangeJob struct {
	from, to uint64
	done     chan rangeResult
}

type rangeResult struct {
	batch *Batch
	err   error
}

// backfill indexes blocks from..to in ranges: Concurrency ranges are fetched and decoded at once, and
// committed strictly in order, each range in its own transaction.
func (ix *Indexer) backfill(ctx context.Context, from, to uint64) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	began := time.Now()
	ix.log.Info("backfill", "from", from, "to", to)

	order := make(chan *rangeJob, ix.cfg.Concurrency)
	work := make(chan *rangeJob)
	go func() { // producer: hands out ranges sized by the current range size
		defer close(order)
		defer close(work)
		for next := from; next <= to; {
			size := ix.currentRange()
			end := min(next+size-1, to)
			if end < next { // overflow guard
				end = to
			}
			j := &rangeJob{from: next, to: end, done: make(chan rangeResult, 1)}
			select {
			case order <- j:
			case <-ctx.Done():
				return
			}
			select {
			case work <- j:
			case <-ctx.Done():
				return
			}
			next = end + 1
		}
	}()
	for range ix.cfg.Concurrency {
		go func() {
			for j := range work {
				b, err := ix.fetchRange(ctx, j.from, j.to)
				j.done <- rangeResult{b, err}
			}
		}()
	}
	events := 0
	for j := range order {
		var r rangeResult
		select {
		case r = <-j.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if r.err != nil {
			return r.err
		}
		start := time.Now()
		if err := ix.commit(ctx, r.batch, "backfill", start); err != nil {
			return err
		}
		events += r.batch.Events
		ix.log.Debug("range committed", "from", j.from, "to", j.to, "events", r.batch.Events,
			"write", time.Since(start).Round(time.Microsecond))
	}
	elapsed := time.Since(began)
	ix.log.Info("backfill done", "from", from, "to", to, "events", events, "took", elapsed.Round(time.Millisecond),
		"events_per_s", int(float64(events)/elapsed.Seconds()))
	return nil
}

func (ix *Indexer) currentRange() uint64 {
	ix.rangeMu.Lock()
	defer ix.rangeMu.Unlock()
	return ix.rangeSize
}

// adapt grows the range after a light answer and shrinks it after a heavy one.
func (ix *Indexer) adapt(blocks uint64, logs int) {
	ix.rangeMu.Lock()
	defer ix.rangeMu.Unlock()
	switch {
	case logs < ix.cfg.TargetLogs/2 && blocks >= ix.rangeSize:
		ix.rangeSize = min(ix.rangeSize*2, ix.cfg.MaxRange)
	case logs > ix.cfg.TargetLogs*2:
		ix.rangeSize = max(ix.rangeSize/2, 1)
	}
	ix.m.RangeSize.Set(float64(ix.rangeSize))
}

func (ix *Indexer) shrink(to uint64) {
	ix.rangeMu.Lock()
	defer ix.rangeMu.Unlock()
	ix.rangeSize = max(min(ix.rangeSize/2, to), 1)
	ix.m.RangeSize.Set(float64(ix.rangeSize))
}

// fetchRange reads and decodes the logs of from..to and the header of to.
func (ix *Indexer) fetchRange(ctx context.Context, from, to uint64) (*Batch, error) {
	logs, err := ix.logsSplitting(ctx, from, to)
	if err != nil {
		return nil, err
	}
	end, err := ix.chain.HeadByNumber(ctx, to)
	if err != nil {
		return nil, err
	}
	ix.adapt(to-from+1, len(logs))
	// Block timestamps come with the logs on current nodes; older ones need the headers.
	var missing []uint64
	seen := map[uint64]bool{}
	for i := range logs {
		n := logs[i].BlockNumber
		if logs[i].BlockTimestamp == 0 && !seen[n] {
			seen[n] = true
			missing = append(missing, n)
		}
		if n == to && logs[i].BlockHash != end.Hash {
			return nil, fmt.Errorf("indexer: blocks %d-%d changed while being read (reorg); retrying", from, to)
		}
	}
	var heads map[uint64]*Head
	if len(missing) > 0 {
		sort.Slice(missing, func(i, j int) bool { return missing[i] < missing[j] })
		if heads, err = ix.chain.Heads(ctx, missing); err != nil {
			return nil, err
		}
	}
	b := newBatch(from, to)
	b.Hash = end.Hash
	parent := end.ParentHash
	b.blocks = []blockRef{{number: to, hash: end.Hash, parent: &parent}}
	err = ix.addLogs(b, logs, func(lg *types.Log) time.Time {
		if lg.BlockTimestamp != 0 {
			return time.Unix(int64(lg.BlockTimestamp), 0).UTC()
		}
		return time.Unix(int64(heads[lg.BlockNumber].Timestamp), 0).UTC()
	})
	if err != nil {
		return nil, err
	}
	return b, nil
}

// logsSplitting reads from..to, splitting the range (at the node's hint when it gives one) for as long as
// the node answers "too many results".
func (ix *Indexer) logsSplitting(ctx context.Context, from, to uint64) ([]types.Log, error) {
	logs, err := ix.chain.Logs(ctx, from, to)
	var tm *errTooMany
	if err == nil || !errors.As(err, &tm) {
		return logs, err
	}
	if from == to {
		return nil, fmt.Errorf("indexer: block %d alone has too many logs for the node: %w", from, err)
	}
	mid := from + (to-from)/2
	if tm.hasHint && tm.suggested[0] == from && tm.suggested[1] >= from && tm.suggested[1] < to {
		mid = tm.suggested[1]
	}
	ix.shrink(mid - from + 1)
	ix.log.Debug("range too large; splitting", "from", from, "to", to, "at", mid)
	left, err := ix.logsSplitting(ctx, from, mid)
	if err != nil {
		return nil, err
	}
	right, err := ix.logsSplitting(ctx, mid+1, to)
	if err != nil {
		return nil, err
	}
	return append(left, right...), nil
}
