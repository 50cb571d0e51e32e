package indexer_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"io"
	"log"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/indexer"
	"github.com/agoralabs/agora/indexer/catalog"
	"github.com/agoralabs/agora/indexer/regfile"
	"github.com/agoralabs/agora/internal/devchain"
	"github.com/agoralabs/agora/internal/pgtest"
)

// env is a deployed Agora on a private anvil plus an empty database.
type env struct {
	chain   *devchain.Chain
	chainID *big.Int
	dep     *deployment.Deployment
	dbURL   string
}

func quietLog() *slog.Logger {
	if os.Getenv("AGORA_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.DiscardHandler)
}

func newEnv(t *testing.T) *env {
	t.Helper()
	chain := devchain.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	dep, err := deployment.Deploy(ctx, chain.Client, chain.Keys[0], deployment.Options{FeeBps: 250, Logger: quietLog()})
	if err != nil {
		t.Fatalf("Deploy: %v", err)
	}
	id, err := chain.Client.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return &env{chain: chain, chainID: id, dep: dep, dbURL: pgtest.New(t)}
}

// running is an indexer running in the background of a test.
type running struct {
	ix      *indexer.Indexer
	store   *indexer.Store
	metrics *indexer.Metrics
	stop    func() error
}

type runOpts struct {
	ws            string // "" derive, "none" polling
	maxRange      uint64
	dbURL         string
	files         *regfile.Config // when set, a registration-file pool runs too
	retry         regfile.Retry   // the pool's retry policy (zero: the defaults)
	confirmations uint64
}

// start runs an indexer over e until the returned stop is called (or the test ends).
func (e *env) start(t *testing.T, o runOpts) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	dbURL := o.dbURL
	if dbURL == "" {
		dbURL = e.dbURL
	}
	store, err := indexer.OpenStore(ctx, dbURL, catalog.Default)
	if err != nil {
		cancel()
		t.Fatalf("OpenStore: %v", err)
	}
	if err := store.Lock(ctx); err != nil {
		cancel()
		store.Close()
		t.Fatalf("Lock: %v", err)
	}
	chain, err := indexer.DialChain(ctx, e.chain.URL, o.ws, indexer.Addresses(e.dep), indexer.ChainConfig{Retries: 2}, nil)
	if err != nil {
		cancel()
		store.Close()
		t.Fatalf("DialChain: %v", err)
	}
	var pool *regfile.Pool
	cfg := indexer.Config{
		Deployment: e.dep, PollInterval: 20 * time.Millisecond, MaxRange: o.maxRange, ReorgWindow: 8,
		InitialRange: 4, Log: quietLog(), Confirmations: o.confirmations, Metrics: indexer.NewMetrics(nil),
	}
	if o.files != nil {
		pool = regfile.NewPool(regfile.New(*o.files), store.Registrations(),
			regfile.PoolConfig{Workers: 4, Idle: 50 * time.Millisecond, Retry: o.retry}, quietLog(), nil)
		cfg.OnCommit = func(uint64) { pool.Wake() }
	}
	ix := indexer.New(chain, store, cfg)
	done := make(chan error, 1)
	poolDone := make(chan struct{})
	go func() { done <- ix.Run(ctx) }()
	go func() {
		defer close(poolDone)
		if pool != nil && ix.WaitReady(ctx) {
			_ = pool.Run(ctx)
		}
	}()
	stopped := false
	var runErr error
	stop := func() error {
		if stopped {
			return runErr
		}
		stopped = true
		cancel()
		select {
		case runErr = <-done:
		case <-time.After(30 * time.Second):
			runErr = errors.New("indexer did not stop within 30s")
		}
		<-poolDone
		chain.Close()
		store.Close()
		return runErr
	}
	t.Cleanup(func() {
		if err := stop(); err != nil {
			t.Errorf("indexer: %v", err)
		}
	})
	return &running{ix: ix, store: store, metrics: cfg.Metrics, stop: stop}
}

// waitFor waits until the indexer has committed block n and is caught up.
func (r *running) waitFor(t *testing.T, n uint64) {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		if r.ix.Indexed() >= n && r.ix.Ready() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("indexer at block %d, want %d (ready %v)", r.ix.Indexed(), n, r.ix.Ready())
}

func (e *env) head(t *testing.T) uint64 {
	t.Helper()
	n, err := e.chain.Client.BlockNumber(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func (e *env) transact(t *testing.T, key *ecdsa.PrivateKey, c *bind.BoundContract, data []byte) *types.Receipt {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	opts := bind.NewKeyedTransactor(key, e.chainID)
	opts.Context = ctx
	tx, err := bind.Transact(c, opts, data)
	if err != nil {
		t.Fatalf("transact: %v", err)
	}
	r, err := deployment.WaitMined(ctx, e.chain.Client, tx, 30*time.Second)
	if err != nil {
		t.Fatalf("wait mined: %v", err)
	}
	return r
}

func pool(t *testing.T, url string) *pgxpool.Pool {
	t.Helper()
	p, err := pgxpool.New(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p
}

// freshDB returns the URL of another empty database.
func freshDB(t *testing.T) string { return pgtest.New(t) }

// nodeProxy serves target's JSON-RPC through intercept, which may answer a request itself (returning true)
// or let it through to the node: a slow, limited or absent node for the indexer under test.
func nodeProxy(t *testing.T, target string, intercept func(w http.ResponseWriter, r *http.Request) bool) string {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(u)
	proxy.ErrorLog = log.New(io.Discard, "", 0) // requests cut short by the tests
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !intercept(w, r) {
			proxy.ServeHTTP(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// via returns a copy of e whose indexers reach the chain at rpcURL instead.
func (e *env) via(rpcURL string) *env {
	c := *e.chain
	c.URL = rpcURL
	other := *e
	other.chain = &c
	return &other
}
