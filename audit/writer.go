package audit

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"go.opentelemetry.io/otel/trace"
)

// Writer records entries. Record returns once the entry is durable in PostgreSQL (audit_pending): concurrent
// callers share one INSERT (group commit), so a decision is answered only after its entry is stored, and a
// process killed after answering loses nothing it answered. The sequencer gives stored entries their place in
// the tree within a moment.
type Writer struct {
	pool   *pgxpool.Pool
	source string
	log    *slog.Logger
	queue  chan *request
	wg     sync.WaitGroup
	stop   context.CancelFunc
	closed chan struct{}
	once   sync.Once
}

type request struct {
	row  pendingRow
	done chan error
}

// pendingRow is an entry as audit_pending holds it: the canonical bytes and the columns it is found by.
type pendingRow struct {
	entry                                             []byte
	time                                              time.Time
	action, actor, principal, agentID, subject, trace string
}

// writeBatch bounds the entries of one INSERT; writers is how many INSERTs may be in flight at once.
const (
	writeBatch = 1000
	writers    = 2
)

// ErrClosed is returned by Record after Close.
var ErrClosed = errors.New("audit: writer closed")

// NewWriter starts a writer whose entries name source ("gateway:<node>", "indexer:<chainId>") unless they
// name their own.
func NewWriter(pool *pgxpool.Pool, source string, log *slog.Logger) *Writer {
	if log == nil {
		log = slog.Default()
	}
	ctx, stop := context.WithCancel(context.Background())
	w := &Writer{pool: pool, source: source, log: log, queue: make(chan *request, 4*writeBatch), stop: stop, closed: make(chan struct{})}
	w.wg.Add(writers)
	for range writers {
		go func() { defer w.wg.Done(); w.run(ctx) }()
	}
	return w
}

// Record validates e (filling its version, time and source when empty), stores it and returns when it is
// durable, or with the error that kept it out. An invalid entry is refused at once.
func (w *Writer) Record(ctx context.Context, e Entry) error {
	row, err := prepare(w.source, &e)
	if err != nil {
		return err
	}
	r := &request{row: row, done: make(chan error, 1)}
	select {
	case <-w.closed:
		return ErrClosed
	case w.queue <- r:
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-r.done:
		return err
	case <-ctx.Done():
		// The entry may still be stored: the write does not depend on the caller.
		return ctx.Err()
	}
}

// Go records e without waiting: for callers with nothing to hold back until it is stored (a search served).
// A failure is logged.
func (w *Writer) Go(e Entry) {
	row, err := prepare(w.source, &e)
	if err != nil {
		w.log.Error("audit entry refused", "action", e.Action, "err", err)
		return
	}
	r := &request{row: row, done: make(chan error, 1)}
	select {
	case <-w.closed:
	case w.queue <- r:
	default:
		// The queue is full: wait for room rather than lose the entry, without holding the caller.
		go func() {
			select {
			case w.queue <- r:
			case <-w.closed:
				w.log.Error("audit entry lost at close", "action", e.Action)
			}
		}()
	}
}

func prepare(source string, e *Entry) (pendingRow, error) {
	if e.V == 0 {
		e.V = Version
	}
	if e.Time == "" {
		e.Time = FormatTime(time.Now())
	}
	if e.Source == "" {
		e.Source = source
	}
	b, err := e.Canonical()
	if err != nil {
		return pendingRow{}, err
	}
	t, _ := time.Parse(time.RFC3339Nano, e.Time)
	return pendingRow{entry: b, time: t, action: e.Action, actor: e.Actor, principal: e.Principal, agentID: e.AgentID,
		subject: e.Subject, trace: e.TraceID}, nil
}

// run takes what is queued, up to writeBatch entries, and stores it in one statement. After Close it stores
// what is left and returns.
func (w *Writer) run(ctx context.Context) {
	batch := make([]*request, 0, writeBatch)
	for {
		select {
		case r := <-w.queue:
			w.flush(ctx, w.fill(append(batch[:0], r)))
		case <-w.closed:
			for b := w.fill(batch[:0]); len(b) > 0; b = w.fill(batch[:0]) {
				w.flush(ctx, b)
			}
			return
		}
	}
}

// fill adds what is queued to batch, without waiting, up to writeBatch entries.
func (w *Writer) fill(batch []*request) []*request {
	for len(batch) < writeBatch {
		select {
		case r := <-w.queue:
			batch = append(batch, r)
		default:
			return batch
		}
	}
	return batch
}

// flush stores a batch, retrying with a backoff while PostgreSQL refuses (the entries are not dropped).
func (w *Writer) flush(ctx context.Context, batch []*request) {
	backoff := 50 * time.Millisecond
	for {
		err := insertPending(ctx, w.pool, batch)
		if err == nil || ctx.Err() != nil {
			if err == nil {
				metrics.recorded.Add(float64(len(batch)))
			}
			for _, r := range batch {
				r.done <- err
			}
			return
		}
		w.log.Warn("audit entries not stored yet; retrying", "entries", len(batch), "err", err)
		select {
		case <-time.After(backoff):
		case <-ctx.Done():
		}
		backoff = min(2*backoff, 5*time.Second)
	}
}

func insertPending(ctx context.Context, pool *pgxpool.Pool, batch []*request) error {
	n := len(batch)
	entries, times := make([][]byte, n), make([]time.Time, n)
	actions, actors, principals, agents, subjects, traces := make([]string, n), make([]*string, n), make([]*string, n),
		make([]*string, n), make([]*string, n), make([]*string, n)
	for i, r := range batch {
		entries[i], times[i], actions[i] = r.row.entry, r.row.time, r.row.action
		actors[i], principals[i], agents[i] = nullable(r.row.actor), nullable(r.row.principal), nullable(r.row.agentID)
		subjects[i], traces[i] = nullable(r.row.subject), nullable(r.row.trace)
	}
	_, err := pool.Exec(ctx, `INSERT INTO audit_pending (entry, time, action, actor, principal, agent_id, subject, trace_id)
		SELECT e, t, a, ac, p, g::numeric, s, tr FROM unnest($1::bytea[], $2::timestamptz[], $3::text[], $4::text[],
			$5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS x(e, t, a, ac, p, g, s, tr, ord) ORDER BY ord`,
		entries, times, actions, actors, principals, agents, subjects, traces)
	if err != nil {
		return fmt.Errorf("audit: store entries: %w", err)
	}
	return nil
}

// Close stores what is queued (for at most ten seconds) and stops the writer.
func (w *Writer) Close() {
	w.once.Do(func() {
		close(w.closed)
		t := time.AfterFunc(10*time.Second, w.stop)
		w.wg.Wait()
		t.Stop()
		w.stop()
	})
}

// Decimal is n in decimal ("" for nil): an agent id or an amount as entries hold them.
func Decimal(n *big.Int) string {
	if n == nil {
		return ""
	}
	return n.String()
}

// insertSQL stores one pending entry.
const insertSQL = `INSERT INTO audit_pending (entry, time, action, actor, principal, agent_id, subject, trace_id)
	VALUES ($1, $2, $3, $4, $5, $6::numeric, $7, $8)`

// statement returns the arguments of insertSQL for e, its version, time and source filled when empty.
func statement(source string, e Entry) ([]any, error) {
	row, err := prepare(source, &e)
	if err != nil {
		return nil, err
	}
	return []any{row.entry, row.time, row.action, nullable(row.actor), nullable(row.principal), nullable(row.agentID),
		nullable(row.subject), nullable(row.trace)}, nil
}

// nullable is s, or SQL NULL when it is empty.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Queue adds to b the statement that stores e as a pending entry, so that the entry commits or rolls back
// with the caller's own writes: a decision and its record are one. An invalid entry is refused and nothing
// is queued.
func Queue(b *pgx.Batch, source string, e Entry) error {
	args, err := statement(source, e)
	if err != nil {
		return err
	}
	b.Queue(insertSQL, args...)
	return nil
}

// Execer runs a statement (a transaction, a connection or a pool).
type Execer interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// Insert stores e as a pending entry in the caller's transaction tx.
func Insert(ctx context.Context, tx Execer, source string, e Entry) error {
	args, err := statement(source, e)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, insertSQL, args...); err != nil {
		return fmt.Errorf("audit: store entry: %w", err)
	}
	return nil
}

type traceKey struct{}

// WithTrace returns ctx carrying the W3C trace id (32 lower-case hex digits) that entries made under it record.
func WithTrace(ctx context.Context, traceID string) context.Context {
	return context.WithValue(ctx, traceKey{}, traceID)
}

// TraceID returns the trace id ctx carries ("" none): the one WithTrace set, else the trace id of ctx's
// OpenTelemetry span context (the request's span, or a remote parent from its traceparent header).
func TraceID(ctx context.Context) string {
	if id, _ := ctx.Value(traceKey{}).(string); id != "" {
		return id
	}
	if sc := trace.SpanContextFromContext(ctx); sc.TraceID().IsValid() {
		return sc.TraceID().String()
	}
	return ""
}
