package regfile

import (
	"context"
	"errors"
	"log/slog"
	"math/big"
	"sync"
	"time"
)

// Job is one agent whose registration file must be (re)read.
type Job struct {
	AgentID *big.Int
	URI     string
	// Generation is the Store's token for the request this job answers (a new URI, a refetch): the Store
	// drops a result whose request has been superseded. The pool only hands it back.
	Generation int64
	// Failures is how many reads in a row failed before this one (the backoff's exponent).
	Failures int
}

// key identifies a job for the in-flight set: the same agent may be fetched for a new URI while a
// fetch of its old URI is still running (the Store ignores the stale result), never twice for one URI.
func (j Job) key() string {
	id := "<nil>"
	if j.AgentID != nil {
		id = j.AgentID.String()
	}
	return id + "\x00" + j.URI
}

// Result is what the pool learned about one job. Either Raw and Parsed (and Canonical) are set, or Err
// is; Raw may be set together with a parse Err (the bytes were read but are not a valid registration).
type Result struct {
	Job       Job
	Raw       []byte
	Parsed    *Registration
	Canonical []byte
	Err       *Error
	Attempts  int // fetch attempts made (0 when the URI was refused before any try)
	FetchedAt time.Time
	// Retry is set after a failure that is worth another read (PoolConfig.Retry): read the file again
	// this long after saving the result. Zero after a success, and after a failure only a new URI can
	// change (see Final).
	Retry time.Duration
}

// Store is where jobs come from and results go (the indexer implements it on PostgreSQL).
type Store interface {
	// Pending returns up to limit agents whose file is due to be read (never read for their current URI,
	// a retry whose time has come, a refetch requested), in a stable order. Jobs being fetched are returned
	// too until their result is saved; the pool skips them.
	Pending(ctx context.Context, limit int) ([]Job, error)
	// Save records r and schedules the next read when r.Retry is set. It must ignore a result whose URI is
	// no longer the agent's current one (and may ignore one whose Generation was superseded).
	Save(ctx context.Context, r Result) error
}

// PoolConfig sizes a Pool. Zero fields take their defaults.
type PoolConfig struct {
	// Workers bounds concurrent network fetches (default 8).
	Workers int
	// Batch is how many jobs beyond those in flight or waiting one Pending call asks for (default 64).
	Batch int
	// Idle is the poll interval when nothing wakes the pool (default 1s); retries that come due are found
	// by these polls.
	Idle time.Duration
	// Retry says when a file whose read failed is read again (defaults: 30s doubling to 1h).
	Retry Retry
}

// maxWaiting bounds the network jobs a pool remembers while all workers are busy.
const maxWaiting = 4096

// Pool reads registration files for a Store with a bounded number of workers. Network fetches run in
// worker goroutines; URIs that need no network (data:, and URIs refused outright) are decoded inline by
// the dispatcher, so they never wait behind slow servers.
type Pool struct {
	f    *Fetcher
	s    Store
	cfg  PoolConfig
	log  *slog.Logger
	m    *Metrics
	wake chan struct{}
}

// NewPool returns a pool that reads files with f for s. log may be nil (discard); m may be nil.
func NewPool(f *Fetcher, s Store, cfg PoolConfig, log *slog.Logger, m *Metrics) *Pool {
	if cfg.Workers <= 0 {
		cfg.Workers = 8
	}
	if cfg.Batch <= 0 {
		cfg.Batch = 64
	}
	if cfg.Idle <= 0 {
		cfg.Idle = time.Second
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Pool{f: f, s: s, cfg: cfg, log: log, m: m, wake: make(chan struct{}, 1)}
}

// Wake tells the pool that new work may exist (the indexer calls it after each commit). It never blocks.
func (p *Pool) Wake() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// run is the state of one Run call, owned by its dispatcher goroutine.
type run struct {
	inflight map[string]struct{} // keys of jobs being fetched by workers
	waiting  []Job               // network jobs from the last poll that found no free worker
	done     chan string         // workers report finished keys; capacity Workers, so sends never block
	wg       sync.WaitGroup
}

// Run reads files until ctx is done, then waits for its workers to stop and returns ctx.Err(). A bad
// file, a failing fetch or a failing Store call never ends it: Store errors are logged and the jobs are
// tried again on a later poll. Results of fetches cut short by ctx are not saved. Run must not be called
// again while it is running.
func (p *Pool) Run(ctx context.Context) error {
	r := &run{inflight: make(map[string]struct{}), done: make(chan string, p.cfg.Workers)}
	defer r.wg.Wait()
	idle := time.NewTimer(p.cfg.Idle)
	defer idle.Stop()
	poll := true
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if poll {
			p.poll(ctx, r)
		} else {
			p.dispatch(ctx, r)
		}
		idle.Reset(p.cfg.Idle)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-p.wake:
			poll = true
		case <-idle.C:
			poll = true
		case k := <-r.done:
			delete(r.inflight, k)
			r.reap()
			// A worker is free: hand it a remembered job without a query, or look for more work.
			poll = len(r.waiting) == 0
		}
	}
}

// reap forgets the jobs of workers that have finished, without blocking.
func (r *run) reap() {
	for {
		select {
		case k := <-r.done:
			delete(r.inflight, k)
		default:
			return
		}
	}
}

// poll asks the Store for work, handles local jobs inline and hands network jobs to free workers. It
// polls again at once while the answer was full and it made progress, widening the window past jobs it
// has to skip, so that local jobs behind a wall of busy network jobs are still reached.
func (p *Pool) poll(ctx context.Context, r *run) {
	handled := make(map[string]struct{}) // local jobs handled during this poll: never twice, even if Save failed
	for ctx.Err() == nil {
		r.reap()
		limit := p.cfg.Batch + len(r.inflight) + len(r.waiting)
		jobs, err := p.s.Pending(ctx, limit)
		if err != nil {
			if ctx.Err() == nil {
				p.m.storeError("pending")
				p.log.Warn("regfile: pending jobs", "err", err)
			}
			return
		}
		progress := false
		var waiting []Job
		queued := make(map[string]struct{})
		for _, j := range jobs {
			if ctx.Err() != nil {
				return
			}
			k := j.key()
			if _, ok := r.inflight[k]; ok {
				continue
			}
			if _, ok := handled[k]; ok {
				continue
			}
			if _, ok := queued[k]; ok {
				continue
			}
			if !p.f.NeedsNetwork(j.URI) {
				handled[k] = struct{}{}
				p.process(ctx, j)
				progress = true
				continue
			}
			if len(waiting) < maxWaiting {
				queued[k] = struct{}{}
				waiting = append(waiting, j)
			}
		}
		grew := len(waiting) > len(r.waiting)
		r.waiting = waiting
		started := p.dispatch(ctx, r)
		if len(jobs) < limit || len(r.waiting) >= maxWaiting || !(progress || grew || started > 0) {
			return
		}
	}
}

// dispatch starts workers for waiting jobs while fewer than Workers run, and returns how many it started.
func (p *Pool) dispatch(ctx context.Context, r *run) int {
	started := 0
	for len(r.waiting) > 0 && len(r.inflight) < p.cfg.Workers && ctx.Err() == nil {
		j := r.waiting[0]
		r.waiting = r.waiting[1:]
		k := j.key()
		if _, ok := r.inflight[k]; ok {
			continue
		}
		r.inflight[k] = struct{}{}
		started++
		r.wg.Add(1)
		go func() {
			defer r.wg.Done()
			p.m.inFlight(1)
			p.process(ctx, j)
			p.m.inFlight(-1)
			r.done <- k
		}()
	}
	if len(r.waiting) == 0 {
		r.waiting = nil
	}
	return started
}

// process fetches and parses one job and saves the result, unless ctx ended first.
func (p *Pool) process(ctx context.Context, j Job) {
	start := time.Now()
	raw, attempts, err := p.f.FetchAttempts(ctx, j.URI)
	if ctx.Err() != nil {
		return // shutting down: the job stays pending and is read again on the next start
	}
	res := Result{Job: j, Attempts: attempts}
	if err != nil {
		res.Err = AsError(err)
	} else {
		res.Raw = raw
		reg, err := Parse(raw)
		if err != nil {
			res.Err = AsError(err)
		} else {
			res.Parsed, res.Canonical = reg, reg.Canonical
		}
	}
	res.FetchedAt = time.Now()
	result := "ok"
	if res.Err != nil {
		result = res.Err.Code
		res.Retry, _ = p.cfg.Retry.Delay(j.URI, j.Failures+1, res.Err)
	}
	p.m.observe(Scheme(j.URI), result, res.FetchedAt.Sub(start).Seconds(), attempts)
	p.log.Debug("regfile: read", "agent_id", j.AgentID, "uri", truncate(j.URI, 120), "result", result,
		"attempts", attempts, "duration", res.FetchedAt.Sub(start), "retry_in", res.Retry)
	if err := p.s.Save(ctx, res); err != nil {
		if ctx.Err() == nil || !errors.Is(err, ctx.Err()) {
			p.m.storeError("save")
			p.log.Warn("regfile: save result", "agent_id", j.AgentID, "uri", truncate(j.URI, 120), "err", err)
		}
	}
}
