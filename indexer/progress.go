package indexer

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// Progress is how far the indexer is behind the chain: the figures of `agora index`'s progress line, of the
// /metrics gauges (agora_indexer_lag_blocks, _progress_ratio, _events_per_second, _blocks_per_second,
// _eta_seconds) and of the /healthz and /readyz answers. Every commit also stores them in indexer_state, where
// ReadProgress reads them back for other processes (the gateway, an explorer).
type Progress struct {
	StartBlock   uint64        // first block of the deployment (0 before the indexer has read its state)
	Indexed      uint64        // last committed block
	Head         uint64        // the node's latest block, as last seen
	Target       uint64        // Head less the confirmations: what the indexer is catching up to
	Behind       uint64        // Target - Indexed, 0 once caught up
	Percent      float64       // share of StartBlock..Target indexed, 0 to 100
	EventsPerSec float64       // events committed per second over the last 10 seconds
	BlocksPerSec float64       // blocks committed per second over the last 10 seconds
	ETA          time.Duration // Behind at BlocksPerSec; 0 when caught up or while no rate is known
	CaughtUp     bool          // the indexer has reached Target (it then follows the head block by block)
	UpdatedAt    time.Time     // when these figures were taken (ReadProgress: the last commit)
}

// Progress returns the indexer's progress now. It is safe to call from any goroutine.
func (ix *Indexer) Progress() Progress {
	now := time.Now()
	ev, bl := ix.rate.rates(now, 0, 0)
	return ix.progress(now, ix.indexed.Load(), ev, bl)
}

// progress computes the figures for a cursor at indexed and the given rates.
func (ix *Indexer) progress(now time.Time, indexed uint64, ev, bl float64) Progress {
	head := ix.head.Load()
	target := uint64(0)
	if head > ix.cfg.Confirmations {
		target = head - ix.cfg.Confirmations
	}
	p := Progress{StartBlock: ix.start.Load(), Indexed: indexed, Head: head, Target: target, EventsPerSec: ev,
		BlocksPerSec: bl, CaughtUp: ix.Ready(), UpdatedAt: now}
	p.fill()
	return p
}

// fill derives Behind, Percent and ETA from the other fields.
func (p *Progress) fill() {
	p.Behind, p.Percent, p.ETA = 0, 0, 0
	if p.Target > p.Indexed {
		p.Behind = p.Target - p.Indexed
	}
	switch {
	case p.StartBlock == 0 && p.Target == 0:
		// nothing known yet
	case p.Target < p.StartBlock || p.Behind == 0:
		p.Percent = 100
	default:
		done := float64(0)
		if p.Indexed+1 > p.StartBlock {
			done = float64(p.Indexed + 1 - p.StartBlock)
		}
		p.Percent = min(100, 100*done/float64(p.Target+1-p.StartBlock))
	}
	if p.Behind > 0 && p.BlocksPerSec > 0 {
		p.ETA = time.Duration(float64(p.Behind) / p.BlocksPerSec * float64(time.Second))
	}
}

// ErrNoProgress is returned by ReadProgress for a database no indexer has started on.
var ErrNoProgress = errors.New("indexer: no indexer has run on this database")

// Querier is what ReadProgress needs of a database handle (*pgxpool.Pool, *pgx.Conn, pgx.Tx).
type Querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// ReadProgress returns the indexer's progress as of its last commit, from indexer_state: how a process other
// than the indexer (the gateway, an explorer) reads it. Head, Target and the rates are those the indexer saw
// when it committed; UpdatedAt says when that was (a stale value means the indexer is stopped or stuck).
func ReadProgress(ctx context.Context, q Querier) (Progress, error) {
	var p Progress
	var start, block, head, target int64
	err := q.QueryRow(ctx, `SELECT start_block, block_number, COALESCE(head_block, block_number),
			COALESCE(target_block, block_number), COALESCE(events_per_second, 0), COALESCE(blocks_per_second, 0),
			updated_at
		FROM indexer_state`).Scan(&start, &block, &head, &target, &p.EventsPerSec, &p.BlocksPerSec, &p.UpdatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return p, ErrNoProgress
	}
	if err != nil {
		return p, fmt.Errorf("indexer: read progress: %w", err)
	}
	p.StartBlock, p.Indexed, p.Head, p.Target = uint64(start), uint64(max(block, 0)), uint64(head), uint64(target)
	p.fill()
	p.CaughtUp = p.Behind == 0
	return p, nil
}

// rateMeter measures events and blocks committed per second over the last rateWindow.
type rateMeter struct {
	mu      sync.Mutex
	start   time.Time // when measuring began: rates divide by at most the time since
	samples []rateSample
}

type rateSample struct {
	at             time.Time
	events, blocks int
}

const rateWindow = 10 * time.Second

// begin starts measuring at now.
func (r *rateMeter) begin(now time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.start, r.samples = now, nil
}

// add records a commit of events in blocks at now.
func (r *rateMeter) add(now time.Time, events, blocks int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.start.IsZero() {
		r.start = now
	}
	r.samples = append(r.samples, rateSample{now, events, blocks})
	r.prune(now)
}

func (r *rateMeter) prune(now time.Time) {
	cut := 0
	for cut < len(r.samples) && now.Sub(r.samples[cut].at) > rateWindow {
		cut++
	}
	r.samples = r.samples[cut:]
}

// rates returns events and blocks per second over the window ending at now, counting a commit of events in
// blocks at now on top of those recorded (to report the rates a commit will have made).
func (r *rateMeter) rates(now time.Time, events, blocks int) (float64, float64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.start.IsZero() {
		return 0, 0
	}
	r.prune(now)
	for _, s := range r.samples {
		events += s.events
		blocks += s.blocks
	}
	span := min(now.Sub(r.start), rateWindow).Seconds()
	if span < 0.1 {
		span = 0.1 // the first moments: not enough time to divide by
	}
	return float64(events) / span, float64(blocks) / span
}
