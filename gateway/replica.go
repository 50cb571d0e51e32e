package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
)

// replica routes the reads that may lag to a PostgreSQL streaming replica (Config.ReplicaURL): the search
// catalog's loads, the stored vectors, the detail reads and the status. Writes, market transactions, the
// LISTEN connection and every read that must see the primary (a read after the same request's write, nonce
// checks, the auction, governance) use the primary's pools.
//
// NOTIFY does not reach a standby, so the primary's notifications drive it: on each notification that
// changes what is read here, the gateway takes the primary's WAL insert position (pg_current_wal_insert_lsn:
// the indexer commits asynchronously, so its commit may be inserted but not yet written) on the LISTEN
// connection, before it purges its caches. A catalog load waits for the standby to replay past the position
// of the changes it loads (pg_last_wal_replay_lsn), polling, for up to Config.ReplicaMaxLag, and then reads
// the primary; when the standby is behind it first makes the primary flush its WAL (an asynchronous commit
// is otherwise flushed, and streamed, only by the WAL writer's next round: flush). A detail read goes to the standby unless
// the oldest change it has not replayed was notified more than ReplicaMaxLag ago, and its answer is
// cached only when the standby had replayed every change notified, so that no cached answer is older than a
// change the gateway was told of. A standby that does not answer is degraded: every read goes to the
// primary until it answers again (a read that fails on the standby is read again from the primary).
type replica struct {
	pool    *pgxpool.Pool // the standby; nil without Config.ReplicaURL
	primary *pgxpool.Pool
	maxLag  time.Duration
	log     *slog.Logger

	want     atomic.Uint64 // the primary's WAL position at the newest change notification
	replayed atomic.Uint64 // the newest replay position read from the standby
	marksMu  sync.Mutex
	marks    []mark // notified changes the standby has not been seen to replay, oldest first
	up       atomic.Bool
	lagBytes atomic.Int64
	lagSecs  atomic.Uint64 // float64 bits
	checked  atomic.Int64  // unix nanoseconds of the last lag reading (0: none yet)
	lastErr  atomic.Pointer[string]

	reads     *prometheus.CounterVec // reads routed, by pool
	fallbacks *prometheus.CounterVec // reads sent to the primary instead, by reason
	waits     prometheus.Histogram   // how long catalog loads waited for the standby's replay
	gLagBytes prometheus.Gauge
	gLagSecs  prometheus.Gauge
	gUp       prometheus.Gauge
}

// mark is a notified change: the primary's position after it, and when it was notified.
type mark struct {
	lsn uint64
	at  time.Time
}

// maxMarks bounds replica.marks: past it the newest mark takes the newer position (its time is then early,
// which only overstates the lag).
const maxMarks = 4096

// DefaultReplicaMaxLag is Config.ReplicaMaxLag's default.
const DefaultReplicaMaxLag = 5 * time.Second

// newReplica connects (lazily) to url; "" gives a replica that routes everything to primary.
func newReplica(ctx context.Context, url string, primary *pgxpool.Pool, maxLag time.Duration, reg prometheus.Registerer, log *slog.Logger) (*replica, error) {
	r := &replica{primary: primary, maxLag: maxLag, log: log}
	if url == "" {
		return r, nil
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("gateway: replica url: %w", err)
	}
	if cfg.MaxConns < 8 {
		cfg.MaxConns = 8
	}
	if cfg.ConnConfig.ConnectTimeout == 0 || cfg.ConnConfig.ConnectTimeout > 2*time.Second {
		cfg.ConnConfig.ConnectTimeout = 2 * time.Second // a standby that is gone must not hold reads up
	}
	if r.pool, err = pgxpool.NewWithConfig(ctx, cfg); err != nil { // connects on first use
		return nil, fmt.Errorf("gateway: replica: %w", err)
	}
	r.reads = prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: "agora_gateway", Name: "replica_reads_total",
		Help: "Reads that may lag (catalog loads, detail, search pages, status), by the pool that served them."}, []string{"pool"})
	r.fallbacks = prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: "agora_gateway", Name: "replica_fallbacks_total",
		Help: "Reads sent to the primary instead of the replica: lag (not replayed far enough within the bound), unavailable, error."},
		[]string{"reason"})
	r.waits = prometheus.NewHistogram(prometheus.HistogramOpts{Namespace: "agora_gateway", Name: "replica_wait_seconds",
		Help:    "How long catalog loads waited for the replica to replay past the change they load.",
		Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5}})
	r.gLagBytes = prometheus.NewGauge(prometheus.GaugeOpts{Namespace: "agora_gateway", Name: "replica_lag_bytes",
		Help: "WAL bytes the replica has still to replay (the primary's flushed position minus the replica's replay position)."})
	r.gLagSecs = prometheus.NewGauge(prometheus.GaugeOpts{Namespace: "agora_gateway", Name: "replica_lag_seconds",
		Help: "now() - pg_last_xact_replay_timestamp() on the replica; 0 when it has replayed everything the primary had flushed."})
	r.gUp = prometheus.NewGauge(prometheus.GaugeOpts{Namespace: "agora_gateway", Name: "replica_up",
		Help: "1 when the replica answers as a standby, 0 when it is degraded (reads go to the primary)."})
	reg.MustRegister(r.reads, r.fallbacks, r.waits, r.gLagBytes, r.gLagSecs, r.gUp)
	return r, nil
}

func (r *replica) enabled() bool { return r.pool != nil }

func (r *replica) close() {
	if r.pool != nil {
		r.pool.Close()
	}
}

// parseLSN reads a pg_lsn's text form, "16/B374D848".
func parseLSN(s string) (uint64, error) {
	hi, lo, ok := strings.Cut(s, "/")
	if !ok {
		return 0, fmt.Errorf("bad lsn %q", s)
	}
	h, err := strconv.ParseUint(hi, 16, 32)
	if err != nil {
		return 0, fmt.Errorf("bad lsn %q", s)
	}
	l, err := strconv.ParseUint(lo, 16, 32)
	if err != nil {
		return 0, fmt.Errorf("bad lsn %q", s)
	}
	return h<<32 | l, nil
}

// querier is what primaryLSN needs of a pool or a connection.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// primaryLSN reads the primary's WAL insert position on q (a primary pool or connection).
func primaryLSN(ctx context.Context, q querier) (uint64, error) {
	var s string
	if err := q.QueryRow(ctx, `SELECT pg_current_wal_insert_lsn()::text`).Scan(&s); err != nil {
		return 0, err
	}
	return parseLSN(s)
}

// noteChange records the primary's position on conn (the LISTEN connection) after a notification that
// changes what the replica serves: from now on no read goes to a standby that has not replayed it.
func (r *replica) noteChange(ctx context.Context, conn *pgx.Conn) error {
	if !r.enabled() {
		return nil
	}
	lsn, err := primaryLSN(ctx, conn)
	if err != nil {
		return err
	}
	r.marksMu.Lock()
	defer r.marksMu.Unlock()
	if lsn <= r.want.Load() {
		return nil
	}
	r.want.Store(lsn)
	if lsn > r.replayed.Load() {
		if n := len(r.marks); n >= maxMarks {
			r.marks[n-1].lsn = lsn
		} else {
			r.marks = append(r.marks, mark{lsn, time.Now()})
		}
	}
	return nil
}

// advance records the standby's replay position lsn: the marks it has replayed are dropped.
func (r *replica) advance(lsn uint64) {
	r.marksMu.Lock()
	defer r.marksMu.Unlock()
	if lsn <= r.replayed.Load() {
		return
	}
	r.replayed.Store(lsn)
	i := 0
	for i < len(r.marks) && r.marks[i].lsn <= lsn {
		i++
	}
	r.marks = r.marks[:copy(r.marks, r.marks[i:])]
}

// behind is how long ago the oldest change the standby has not been seen to replay was notified (0: none).
func (r *replica) behind() time.Duration {
	r.marksMu.Lock()
	defer r.marksMu.Unlock()
	if len(r.marks) == 0 {
		return 0
	}
	return time.Since(r.marks[0].at)
}

// flush makes the primary flush its WAL, so that its WAL senders stream the asynchronous commits inserted
// so far at once rather than at the WAL writer's next round (up to wal_writer_delay, 200 ms, later). A
// synchronous commit flushes every record before its own, but only when the transaction wrote WAL: an
// empty transactional logical message is the smallest such write (it touches no table; logical decoding
// consumers, if any, see an empty message with the prefix agora).
func (r *replica) flush(ctx context.Context) error {
	return pgx.BeginFunc(ctx, r.primary, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SET LOCAL synchronous_commit = on`); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `SELECT pg_logical_emit_message(true, 'agora', '')`)
		return err
	})
}

// replay reads the standby's replay position (and marks it up or degraded).
func (r *replica) replay(ctx context.Context) (uint64, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	var s *string
	err := r.pool.QueryRow(ctx, `SELECT pg_last_wal_replay_lsn()::text`).Scan(&s)
	if err == nil && s == nil {
		err = errNotStandby
	}
	var lsn uint64
	if err == nil {
		lsn, err = parseLSN(*s)
	}
	if err != nil {
		r.down(err)
		return 0, err
	}
	r.advance(lsn)
	r.markUp()
	return lsn, nil
}

// errNotStandby: the replica URL names a server that is not in recovery.
var errNotStandby = errors.New("not a standby: pg_last_wal_replay_lsn() is null")

// down marks the standby degraded. /v1/status says why in general terms (it is public: no host, port or
// user); the log has the error.
func (r *replica) down(err error) {
	msg := "unreachable"
	var pgErr *pgconn.PgError
	switch {
	case errors.Is(err, errNotStandby):
		msg = "not a standby (not in recovery)"
	case errors.As(err, &pgErr) && !strings.HasPrefix(pgErr.Code, "57P"): // 57P0x: shutting down, starting up
		msg = "query failed: SQLSTATE " + pgErr.Code
	case errors.Is(err, context.DeadlineExceeded):
		msg = "timed out"
	}
	r.lastErr.Store(&msg)
	if r.up.Swap(false) {
		r.log.Warn("replica degraded: reads go to the primary", "err", err)
	}
	r.gUp.Set(0)
}

func (r *replica) markUp() {
	if !r.up.Swap(true) {
		r.log.Info("replica up: reads that may lag go to it")
	}
	r.gUp.Set(1)
}

// pick returns the pool for a read that must reflect the primary as of lsn: the standby once it has
// replayed past lsn, waiting up to the bound when wait is set, else the primary (counted as a fallback).
func (r *replica) pick(ctx context.Context, lsn uint64, wait bool) *pgxpool.Pool {
	if !r.enabled() {
		return r.primary
	}
	start := time.Now()
	if !r.up.Load() && (!wait || r.lastErr.Load() != nil) {
		// Known to be degraded (run looks again every second): no load waits for a connect timeout.
		return r.fallback("unavailable")
	}
	pause, flushed := time.Millisecond, false
	for {
		if r.up.Load() && r.replayed.Load() >= lsn {
			break
		}
		got, err := r.replay(ctx)
		if err != nil {
			return r.fallback("unavailable")
		}
		if got >= lsn {
			break
		}
		if !wait || time.Since(start)+pause > r.maxLag {
			return r.fallback("lag")
		}
		if !flushed {
			flushed = true
			if err := r.flush(ctx); err != nil && ctx.Err() == nil {
				r.log.Warn("flushing the primary's WAL failed", "err", err)
			}
		}
		select {
		case <-ctx.Done():
			return r.fallback("lag")
		case <-time.After(pause):
		}
		pause = min(pause*2, 50*time.Millisecond)
	}
	if wait {
		r.waits.Observe(time.Since(start).Seconds())
	}
	r.reads.WithLabelValues("replica").Inc()
	return r.pool
}

func (r *replica) fallback(reason string) *pgxpool.Pool {
	r.fallbacks.WithLabelValues(reason).Inc()
	r.reads.WithLabelValues("primary").Inc()
	return r.primary
}

// read runs fn, a catalog load, on the pool pick chooses for lsn; when it fails on the standby it runs
// again on the primary (fn must be a read, safe to run twice).
func (r *replica) read(ctx context.Context, lsn uint64, wait bool, fn func(db *pgxpool.Pool) error) error {
	db := r.pick(ctx, lsn, wait)
	err := fn(db)
	if err == nil || db == r.primary || ctx.Err() != nil {
		return err
	}
	var p *Problem
	if errors.As(err, &p) {
		return err // the answer (a 404, say), not the standby's failure
	}
	r.failed(err)
	return fn(r.primary)
}

// failed records a read that failed on the standby (and is read again from the primary): a standby that
// answered with an error (a query cancelled for a conflict with recovery, say) stays up; one that did not
// answer is degraded.
func (r *replica) failed(err error) {
	r.fallbacks.WithLabelValues("error").Inc()
	if pgErr := (*pgconn.PgError)(nil); errors.As(err, &pgErr) && !strings.HasPrefix(pgErr.Code, "57P") {
		r.log.Warn("read failed on the replica; read again from the primary", "err", err)
		return
	}
	r.down(err)
}

// fresh runs fn, a read on the request path, on the standby unless the oldest change it has not replayed
// was notified more than the bound ago (or it is degraded); then on the primary. It reports whether the
// answer reflects every change notified before it (only such answers may be cached).
func (r *replica) fresh(ctx context.Context, fn func(db *pgxpool.Pool) error) (current bool, err error) {
	if !r.enabled() {
		return true, fn(r.primary)
	}
	db := r.primary
	switch {
	case !r.up.Load():
		r.fallback("unavailable")
	default:
		want := r.want.Load()
		if r.replayed.Load() < want {
			if _, err := r.replay(ctx); err != nil {
				r.fallback("unavailable")
				break
			}
		}
		if r.behind() > r.maxLag {
			r.fallback("lag")
			break
		}
		db, current = r.pool, r.replayed.Load() >= want
		r.reads.WithLabelValues("replica").Inc()
	}
	if db == r.primary {
		return true, fn(db)
	}
	if err = fn(db); err == nil || ctx.Err() != nil || errors.As(err, new(*Problem)) {
		return current, err
	}
	r.failed(err)
	return true, fn(r.primary)
}

// atPrimaryNow is read for a load that must see what the primary has now (a full catalog load, the stored
// vectors): it waits up to the bound for the standby to replay past the primary's present position.
func (r *replica) atPrimaryNow(ctx context.Context, fn func(db *pgxpool.Pool) error) error {
	if !r.enabled() {
		return fn(r.primary)
	}
	lsn, err := primaryLSN(ctx, r.primary)
	if err != nil {
		return err
	}
	return r.read(ctx, lsn, true, fn)
}

// run reads the standby's lag every second (for /metrics, /v1/status and /readyz) and keeps the degraded
// mark current.
func (r *replica) run(ctx context.Context) {
	if !r.enabled() {
		return
	}
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		r.measure(ctx)
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// measure reads the lag: the primary's flushed position first (what its WAL senders may stream), then the
// standby's replay position and the age of its last replayed transaction (its lag in seconds, unless it
// has replayed the primary's flushed position).
func (r *replica) measure(ctx context.Context) {
	qctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	var flushed uint64
	var flushedText string
	err := r.primary.QueryRow(qctx, `SELECT pg_current_wal_flush_lsn()::text`).Scan(&flushedText)
	if err == nil {
		flushed, err = parseLSN(flushedText)
	}
	if err != nil {
		return // the primary's own trouble: /readyz says so
	}
	var replay *string
	var age *float64
	err = r.pool.QueryRow(qctx, `SELECT pg_last_wal_replay_lsn()::text,
		EXTRACT(epoch FROM now() - pg_last_xact_replay_timestamp())::float8`).Scan(&replay, &age)
	if err == nil && replay == nil {
		err = errNotStandby
	}
	var lsn uint64
	if err == nil {
		lsn, err = parseLSN(*replay)
	}
	if err != nil {
		if ctx.Err() == nil {
			r.down(err)
		}
		return
	}
	r.advance(lsn)
	r.markUp()
	if lsn < r.want.Load() && flushed < r.want.Load() {
		// A notified change still unflushed a second on (its commit asynchronous, the WAL after it idle):
		// flushed now, the standby has it at the next look.
		if err := r.flush(qctx); err != nil && ctx.Err() == nil {
			r.log.Warn("flushing the primary's WAL failed", "err", err)
		}
	}
	bytes, secs := int64(0), 0.0
	if lsn < flushed {
		bytes = int64(flushed - lsn)
		if age != nil {
			secs = max(0, *age)
		}
	}
	r.lagBytes.Store(bytes)
	r.lagSecs.Store(math.Float64bits(secs))
	r.checked.Store(time.Now().UnixNano())
	r.gLagBytes.Set(float64(bytes))
	r.gLagSecs.Set(secs)
}

// replicaStatus is the replica part of GET /v1/status (null without a replica).
type replicaStatus struct {
	Status     string     `json:"status"` // ok or degraded
	LagBytes   int64      `json:"lagBytes"`
	LagSeconds float64    `json:"lagSeconds"`
	MaxLagMs   int64      `json:"maxLagMs"`
	CheckedAt  *time.Time `json:"checkedAt"` // the last lag reading; null before the first
	Error      *string    `json:"error"`     // why it is degraded
}

func (r *replica) status() *replicaStatus {
	if !r.enabled() {
		return nil
	}
	st := &replicaStatus{Status: "ok", LagBytes: r.lagBytes.Load(), LagSeconds: math.Float64frombits(r.lagSecs.Load()),
		MaxLagMs: r.maxLag.Milliseconds()}
	if ns := r.checked.Load(); ns != 0 {
		t := time.Unix(0, ns).UTC()
		st.CheckedAt = &t
	}
	if !r.up.Load() {
		st.Status = "degraded"
		st.Error = r.lastErr.Load()
	}
	return st
}

// cachedFresh is cached with load reading the replica (replica.fresh); an answer that may miss a change
// already notified is served but not cached.
func (s *Server) cachedFresh(ctx context.Context, key string, out any, load func(db *pgxpool.Pool) (any, error)) error {
	if b, ok := s.cache.get(key); ok {
		s.metrics.cacheHits.WithLabelValues("hit").Inc()
		return json.Unmarshal(b, out)
	}
	s.metrics.cacheHits.WithLabelValues("miss").Inc()
	gen := s.cache.generation()
	var v any
	current, err := s.replica.fresh(ctx, func(db *pgxpool.Pool) error {
		var err error
		v, err = load(db)
		return err
	})
	if err != nil {
		return err
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if current {
		s.cache.put(key, b, gen)
	}
	return json.Unmarshal(b, out)
}
