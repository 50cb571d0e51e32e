// Package gateway is Agora's HTTP API for buyers and providers: discovery and search of agents and their typed
// capabilities, agent detail with feedback, validations and jobs, signed live heartbeats, and explainable
// reputation. It reads the PostgreSQL mirror the indexer keeps (postgres/migrations) and writes only its own
// off-chain state (heartbeats, reputation reports, embeddings), so any number of copies can run side by side.
//
// Every error is application/problem+json with a stable code (problem.go); every route is described by the
// OpenAPI 3 document served at /openapi.json.
package gateway

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"go.opentelemetry.io/otel/trace"

	"github.com/agoralabs/agora/audit"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/explorer"
	"github.com/agoralabs/agora/governance"
	"github.com/agoralabs/agora/governance/authority"
	"github.com/agoralabs/agora/postgres"
)

// Server is one gateway: an http.Handler plus the background loops that keep its caches, reputation
// reports and vector index current. Start it with Run.
type Server struct {
	cfg      Config
	log      *slog.Logger
	pool     *pgxpool.Pool
	durable  *pgxpool.Pool // market writes: synchronous commit
	replica  *replica      // reads that may lag: the standby of Config.ReplicaURL, else pool (replica.go)
	chainID  *big.Int
	registry common.Address // the Identity Registry: global ids and the heartbeat domain name it
	escrow   common.Address // the AgentEscrow: the market's typed data names it
	mandates common.Address // the MandateRegistry: Mandate and MandateApproval typed data name it
	streams  *streams
	// quoteNotes gathers the RFQs quoted since the last tick, to notify the other copies in one statement.
	quoteNotes *quoteNotes
	// listening is closed once the first LISTEN succeeded.
	listening     chan struct{}
	listeningOnce sync.Once
	engine        *gin.Engine
	explorer      *explorer.Explorer // nil with Config.NoExplorer
	metrics       *metrics
	cache         *cache
	vectors       *vectors
	catalog       *catalog
	changed       chan string // agent ids whose search document changed (from notifications)
	instance      string      // random id of this gateway, in its own notifications
	verifier      *eip712.Verifier
	authority     *authority.Reader // nil without a chain
	gate          *governance.Gate
	beats         *heartbeatWriter
	// The audit log (audit.go): nil auditLog when Config.AuditKey is empty.
	auditLog    *audit.Writer
	sequencer   *audit.Sequencer
	anchorer    *audit.Anchorer // nil without Config.AuditAnchorKey
	auditSource string          // "gateway:<instance>"
	auditKey    string          // the verifier key
	tracer      trace.Tracer
	tracing     bool // Config.TracerProvider is set (trace.go)

	scoreKick chan struct{}

	ready    atomic.Bool
	repWarm  atomic.Bool                     // reputation: the first scoring pass after start is done, or every document has a score
	running  atomic.Pointer[context.Context] // Start's context: background work (RFQ closes) ends with it
	draining atomic.Bool
	// closing is closed when Run starts draining: open streams end with "going away" and their clients
	// reconnect elsewhere (hijacked WebSocket connections outlive http.Server.Shutdown otherwise).
	closing     chan struct{}
	closingOnce sync.Once
	wg          sync.WaitGroup
}

// New migrates the database, connects to it and builds the handler. Call Run to serve.
func New(ctx context.Context, cfg Config) (*Server, error) {
	if err := cfg.setDefaults(); err != nil {
		return nil, err
	}
	engine, err := policyEngine(cfg.PolicyOverlays)
	if err != nil {
		return nil, err
	}
	if _, err := postgres.Migrate(ctx, cfg.DatabaseURL); err != nil {
		return nil, err
	}
	pcfg, err := pgxpool.ParseConfig(cfg.DatabaseURL)
	if err != nil {
		return nil, fmt.Errorf("gateway: database url: %w", err)
	}
	if pcfg.MaxConns < 8 {
		pcfg.MaxConns = 8
	}
	// Market records (RFQs, quotes, closes, signatures, penalties) are answered as stored: their commits wait
	// for the WAL flush, unless the database URL says otherwise.
	dcfg := pcfg.Copy()
	if _, set := dcfg.ConnConfig.RuntimeParams["synchronous_commit"]; !set {
		dcfg.ConnConfig.RuntimeParams["synchronous_commit"] = "on"
	}
	// Heartbeats are soft state that the next heartbeat replaces: a lost commit on a crash costs nothing.
	if _, set := pcfg.ConnConfig.RuntimeParams["synchronous_commit"]; !set {
		pcfg.ConnConfig.RuntimeParams["synchronous_commit"] = "off"
	}
	pool, err := pgxpool.NewWithConfig(ctx, pcfg)
	if err != nil {
		return nil, fmt.Errorf("gateway: connect: %w", err)
	}
	durable, err := pgxpool.NewWithConfig(ctx, dcfg)
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("gateway: connect: %w", err)
	}
	s := &Server{closing: make(chan struct{}),
		cfg: cfg, log: cfg.Log, pool: pool, durable: durable,
		chainID:   new(big.Int).SetUint64(cfg.Deployment.ChainID),
		registry:  cfg.Deployment.Contracts.IdentityRegistry.Address,
		escrow:    cfg.Deployment.Contracts.AgentEscrow.Address,
		mandates:  cfg.Deployment.Contracts.MandateRegistry.Address,
		metrics:   newMetrics(cfg.Registry),
		verifier:  eip712.NewVerifier(cfg.Caller, 5*time.Second),
		scoreKick: make(chan struct{}, 1),
	}
	if cfg.Chain != nil {
		s.authority = authority.NewReader(cfg.Chain, cfg.Deployment.Contracts.MandateRegistry.Address,
			cfg.Deployment.Contracts.AgentEscrow.Address, 5*time.Second)
	}
	var inst [8]byte
	if _, err := rand.Read(inst[:]); err != nil {
		pool.Close()
		durable.Close()
		return nil, err
	}
	s.instance = hex.EncodeToString(inst[:])
	if s.replica, err = newReplica(ctx, cfg.ReplicaURL, pool, cfg.ReplicaMaxLag, cfg.Registry, cfg.Log.With("component", "replica")); err != nil {
		pool.Close()
		durable.Close()
		return nil, err
	}
	s.setupTracing()
	if err := s.setupAudit(); err != nil {
		s.replica.close()
		pool.Close()
		durable.Close()
		return nil, err
	}
	s.gate = governance.New(governance.Config{Pool: pool, Authority: s.authority, Engine: engine, ApprovalTTL: cfg.ApprovalTTL,
		USDToken: cfg.Deployment.Contracts.TestUSD.Address, USDDecimals: 6, AuditSource: s.auditSource,
		Log: cfg.Log.With("component", "governance")})
	s.cache = newCache(cfg.CacheEntries)
	s.vectors = newVectors(cfg.Embedder, pool, cfg.Log.With("component", "vectors"))
	s.vectors.stored = s.replica.atPrimaryNow
	s.catalog = newCatalog(pool, cfg.Log.With("component", "catalog"))
	s.changed = make(chan string, 4096)
	s.beats = newHeartbeatWriter(pool, s.catalog, s.instance)
	s.streams = newStreams(s, cfg.MaxStreams)
	s.quoteNotes = &quoteNotes{ids: map[common.Hash]struct{}{}}
	s.listening = make(chan struct{})
	if s.explorer, err = s.newExplorer(); err != nil {
		s.replica.close()
		pool.Close()
		durable.Close()
		return nil, err
	}
	s.engine = s.routes()
	return s, nil
}

// Handler returns the HTTP handler (for tests and for embedding in another server). The answers net/http
// gives itself to requests it cannot read are problems only under Run, which wraps its listener.
func (s *Server) Handler() http.Handler { return s.engine }

// Close stores the audit entries still queued and releases the database pools. Run closes nothing; call
// Close after it returns.
func (s *Server) Close() {
	if s.auditLog != nil {
		s.auditLog.Close()
	}
	s.replica.close()
	s.pool.Close()
	s.durable.Close()
}

// Run serves on ln until ctx ends, with the background loops: the LISTEN loop that invalidates caches and
// reloads vectors when the indexer commits, the reputation scorer and the heartbeat writer. On ctx's end
// readiness turns negative, in-flight requests drain for up to drain, and Run returns.
func (s *Server) Run(ctx context.Context, ln net.Listener, drain time.Duration) error {
	maxHead := serverMaxHeaderBytes(&s.cfg)
	srv := &http.Server{
		Handler:           s.engine,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    maxHead,
		ConnState:         markHijacked,
	}
	// net/http's own answers to requests it cannot read go out as problems (httperrors.go).
	ln = problemListener{Listener: ln, maxHeaderBytes: maxHead}
	bg, stopBG := context.WithCancel(context.WithoutCancel(ctx))
	defer stopBG()
	s.Start(bg)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		stopBG()
		s.wg.Wait()
		return err
	case <-ctx.Done():
	}
	s.draining.Store(true)
	s.closingOnce.Do(func() { close(s.closing) })
	sctx, cancel := context.WithTimeout(context.Background(), drain)
	defer cancel()
	err := srv.Shutdown(sctx)
	stopBG()
	s.wg.Wait()
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("gateway: requests still running after %s", drain)
	}
	if e := <-errc; e != nil && !errors.Is(e, http.ErrServerClosed) {
		return e
	}
	return nil
}

// Start runs the background loops until ctx ends (Run calls it; tests that use Handler directly call it).
// It returns once the gateway listens for notifications and the catalog is loaded (in that order, so that no
// change falls between the load and the listening), so the server is ready when it returns: text and filter
// search are exact from then on. Vector search warms up in the background (the stored embeddings are
// loaded, what is missing is embedded), and so do reputation scores where none are stored yet; /readyz
// reports both, and a search that needs a part still warming is answered 503 warming (docs/gateway.md).
func (s *Server) Start(ctx context.Context) {
	s.running.Store(&ctx)
	s.wg.Add(2)
	go func() { defer s.wg.Done(); s.listen(ctx) }()
	go func() { defer s.wg.Done(); s.replica.run(ctx) }()
	select {
	case <-s.listening:
	case <-ctx.Done():
	case <-time.After(10 * time.Second):
		s.log.Warn("not listening for notifications yet; starting anyway")
	}
	restoreGC := boostGC()
	if err := s.reload(ctx); err != nil && ctx.Err() == nil {
		s.log.Warn("initial catalog load failed", "err", err)
	}
	restoreGC()
	s.wg.Add(6 + heartbeatWriters)
	for range heartbeatWriters {
		go func() { defer s.wg.Done(); s.beats.run(ctx) }()
	}
	go func() { defer s.wg.Done(); s.vectors.run(ctx) }()
	go func() { defer s.wg.Done(); s.scoreLoop(ctx) }()
	go func() { defer s.wg.Done(); s.catalogLoop(ctx) }()
	go func() { defer s.wg.Done(); s.closeLoop(ctx) }()
	if s.sequencer != nil {
		s.wg.Add(1)
		go func() { defer s.wg.Done(); s.sequencer.Run(ctx) }()
	}
	if s.anchorer != nil {
		s.wg.Add(1)
		go func() { defer s.wg.Done(); s.anchorer.Run(ctx) }()
	}
	if s.cfg.PolicyDir != "" {
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			if err := s.gate.Engine().Watch(ctx, s.cfg.PolicyDir, time.Second, s.log.With("component", "policy")); err != nil && ctx.Err() == nil {
				s.log.Error("policy directory watch stopped", "dir", s.cfg.PolicyDir, "err", err)
			}
		}()
	}
	go func() { defer s.wg.Done(); s.streams.run(ctx) }()
	go func() { defer s.wg.Done(); s.quoteNotes.run(ctx, s) }()
	s.ready.Store(true)
}

// reload loads the whole catalog and the live data again (at start, after a reorg and after the
// notification connection was lost): heartbeats from the primary, the rest from the replica once it has
// replayed what the primary has now (replica.go).
func (s *Server) reload(ctx context.Context) error {
	// Heartbeats and scores first: each document then takes its own as it is put in the catalog.
	if err := s.catalog.loadBeats(ctx, nil); err != nil {
		return err
	}
	return s.replica.atPrimaryNow(ctx, func(db *pgxpool.Pool) error {
		var block int64
		if err := db.QueryRow(ctx, `SELECT COALESCE((SELECT block_number FROM indexer_state), -1)`).Scan(&block); err != nil {
			return err
		}
		if err := s.catalog.loadScores(ctx, db, nil); err != nil {
			return err
		}
		if err := s.catalog.load(ctx, db, nil); err != nil {
			return err
		}
		if err := s.catalog.pruneLive(ctx, db); err != nil {
			return err
		}
		s.catalog.mu.Lock()
		s.catalog.block = block
		s.catalog.mu.Unlock()
		return nil
	})
}

// catalogLoop loads changed search documents in batches: notifications that arrive together cost one query.
func (s *Server) catalogLoop(ctx context.Context) {
	full := time.NewTicker(15 * time.Minute) // a safety net; notifications keep the catalog current
	defer full.Stop()
	for {
		var ids []string
		select {
		case <-ctx.Done():
			return
		case <-full.C:
			if err := s.reload(ctx); err != nil && ctx.Err() == nil {
				s.log.Warn("catalog reload failed", "err", err)
			}
			continue
		case id := <-s.changed:
			ids = append(ids, id)
		}
	drain:
		for len(ids) < 1000 {
			select {
			case id := <-s.changed:
				ids = append(ids, id)
			default:
				break drain
			}
		}
		// Every id was queued after its notification moved replica.want past the change: the replica serves
		// the load once it has replayed that far (waiting up to the bound), else the primary does.
		err := s.replica.read(ctx, s.replica.want.Load(), true, func(db *pgxpool.Pool) error { return s.catalog.load(ctx, db, ids) })
		if err != nil && ctx.Err() == nil {
			s.log.Warn("catalog load failed", "err", err)
		}
		s.cache.purge()
		s.vectors.changed(ids)
	}
}

// Wait blocks until the background loops started by Start have returned (after ctx's end).
func (s *Server) Wait() { s.wg.Wait() }

// listen follows the indexer's NOTIFY channels on a dedicated connection: every committed block or changed
// search document drops the caches and refreshes scores and vectors. It reconnects with backoff.
func (s *Server) listen(ctx context.Context) {
	backoff := 100 * time.Millisecond
	for ctx.Err() == nil {
		err := s.listenOnce(ctx)
		if ctx.Err() != nil {
			return
		}
		s.log.Warn("listen connection lost; reconnecting", "err", err, "in", backoff)
		s.cache.purge() // notifications may have been missed
		if err := s.reload(ctx); err != nil && ctx.Err() == nil {
			s.log.Warn("catalog reload failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(backoff*2, 5*time.Second)
	}
}

const (
	channelIndexer    = "agora_indexer"    // indexer.NotifyChannel: payload is the committed block
	channelDiscovery  = "agora_discovery"  // indexer.DiscoveryChannel: payload is an agent id
	channelRegfile    = "agora_regfile"    // indexer.RegistrationChannel: only an agent's file fetch state changed
	channelHeartbeats = "agora_heartbeats" // a gateway stored heartbeats
	channelScores     = "agora_scores"     // a gateway stored reputation reports
	channelMarket     = "agora_market"     // an RFQ opened, was quoted or closed, an agreement signed: "<open|quote|closed|agreement>|<id>|<gateway>"
)

func (s *Server) listenOnce(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	for _, ch := range []string{channelIndexer, channelDiscovery, channelRegfile, channelHeartbeats, channelScores, channelMarket} {
		if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{ch}.Sanitize()); err != nil {
			return err
		}
	}
	s.listeningOnce.Do(func() { close(s.listening) })
	defer func() {
		// Leave the connection clean for the pool.
		uctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_, _ = conn.Exec(uctx, "UNLISTEN *")
	}()
	for {
		n, err := conn.Conn().WaitForNotification(ctx)
		if err != nil {
			return err
		}
		if n.Channel != channelMarket && n.Channel != channelHeartbeats {
			// Before any cache is purged: what the replica serves from now on must include this change.
			if err := s.replica.noteChange(ctx, conn.Conn()); err != nil {
				return err
			}
		}
		switch n.Channel {
		case channelIndexer:
			s.metrics.notifications.WithLabelValues("block").Inc()
			s.cache.purge()
			s.onBlock(ctx, n.Payload)
			s.kickScorer()
		case channelDiscovery:
			s.metrics.notifications.WithLabelValues("profile").Inc()
			select {
			case s.changed <- n.Payload:
			default: // the loop is far behind: reload everything instead
				s.log.Warn("catalog change queue full; reloading")
				_ = s.reload(ctx)
			}
		case channelRegfile:
			s.metrics.notifications.WithLabelValues("regfile").Inc()
			s.cache.purge() // the agent detail shows the fetch state; the search document is unchanged
		case channelHeartbeats:
			s.metrics.notifications.WithLabelValues("heartbeats").Inc()
			ids, own := s.namedIDs(n.Payload)
			if own {
				continue // this gateway's own: already in the catalog
			}
			if err := s.catalog.loadBeats(ctx, ids); err != nil {
				return err
			}
		case channelMarket:
			s.metrics.notifications.WithLabelValues("market").Inc()
			s.streams.fromPeer(n.Payload)
		case channelScores:
			s.metrics.notifications.WithLabelValues("scores").Inc()
			s.cache.purge()
			ids, own := s.namedIDs(n.Payload)
			if own {
				continue
			}
			// From the replica only when it has replayed every change notified (the listen loop does not wait).
			err := s.replica.read(ctx, s.replica.want.Load(), false, func(db *pgxpool.Pool) error { return s.catalog.loadScores(ctx, db, ids) })
			if err != nil {
				return err
			}
		}
	}
}

// namedIDs reads an idsPayload: the agent ids it names (nil: "*", load what changed since the last load),
// and whether this gateway sent it.
func (s *Server) namedIDs(payload string) (ids []string, own bool) {
	from, list, _ := strings.Cut(payload, "|")
	if from == s.instance {
		return nil, true
	}
	if list != "*" && list != "" {
		ids = strings.Split(list, ",")
	}
	return ids, false
}

// onBlock follows a committed block: owners changed by transfers are reloaded; a block number below the
// last one seen means a reorg, after which the whole catalog is reloaded.
func (s *Server) onBlock(ctx context.Context, payload string) {
	block, err := strconv.ParseInt(payload, 10, 64)
	if err != nil {
		return
	}
	s.catalog.mu.RLock()
	last := s.catalog.block
	s.catalog.mu.RUnlock()
	if block < last {
		if err := s.reload(ctx); err != nil && ctx.Err() == nil {
			s.log.Warn("catalog reload after reorg failed", "err", err)
		}
		return
	}
	if err := s.catalog.loadOwners(ctx, last); err != nil && ctx.Err() == nil {
		s.log.Warn("owner refresh failed", "err", err)
		return
	}
	if last >= 0 {
		s.streams.notify(fmt.Sprintf("block|%d|%d", last, block)) // agreement jobs that changed in (last, block]
		s.traceJobs(ctx, last, block)
	}
	s.killSwitch(ctx)
	s.catalog.mu.Lock()
	s.catalog.block = block
	s.catalog.mu.Unlock()
}
