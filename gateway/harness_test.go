package gateway_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/mod/sumdb/note"

	"github.com/agoralabs/agora/audit"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/gateway"
	"github.com/agoralabs/agora/indexer"
	"github.com/agoralabs/agora/indexer/catalog"
	"github.com/agoralabs/agora/indexer/regfile"
	"github.com/agoralabs/agora/internal/devchain"
	"github.com/agoralabs/agora/internal/pgtest"
	"github.com/agoralabs/agora/seed"
)

// env is one real stack: anvil with the contracts and the seeded testdata agents, PostgreSQL filled by the
// real indexer running in-process, and a gateway serving over HTTP.
type env struct {
	t      testing.TB
	chain  *devchain.Chain
	dep    *deployment.Deployment
	dbURL  string
	db     *pgxpool.Pool
	seeded *seed.Result
	srv    *gateway.Server
	http   *httptest.Server
	api    *openAPI
	cancel context.CancelFunc
	// auditKey is the operator's audit signer key every gateway of the env is given; auditVerifier checks
	// its heads.
	auditKey      string
	auditVerifier note.Verifier
	auditor       *ecdsa.PrivateKey // the auditor the operator names (Config.AuditReaders)
}

// setup starts the stack and waits until the indexer has mirrored the seeded chain and read every
// registration file, and the gateway has scored and embedded every agent.
func setup(t testing.TB, mutate ...func(*gateway.Config)) *env {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	e := &env{t: t, cancel: cancel}
	t.Cleanup(cancel)
	e.chain = devchain.Start(t)
	var err error
	e.dep, err = deployment.Deploy(ctx, e.chain.Client, e.chain.Keys[0], deployment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e.seeded, err = seed.Run(ctx, e.chain.Client, seed.Config{
		Dir: filepath.Join("..", "testdata", "agents"), Deployment: e.dep, Funder: e.chain.Keys[0], History: true,
	})
	if err != nil {
		t.Fatalf("seed: %v", err)
	}
	e.dbURL = pgtest.New(t)
	e.startIndexer(ctx)

	skey, vkey, err := audit.GenerateKey("agora.test/audit")
	if err != nil {
		t.Fatal(err)
	}
	if e.auditVerifier, err = audit.NewVerifier(vkey); err != nil {
		t.Fatal(err)
	}
	e.auditKey = skey
	if e.auditor, err = crypto.GenerateKey(); err != nil {
		t.Fatal(err)
	}
	cfg := gateway.Config{DatabaseURL: e.dbURL, Deployment: e.dep, Caller: e.chain.Client, Chain: e.chain.Client, RateLimit: -1,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)), AuditKey: skey,
		AuditReaders: []common.Address{crypto.PubkeyToAddress(e.auditor.PublicKey)}}
	if testing.Verbose() {
		cfg.Log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	for _, m := range mutate {
		m(&cfg)
	}
	e.srv, err = gateway.New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.srv.Close)
	e.db, err = pgxpool.New(ctx, e.dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.db.Close)
	e.waitIndexed()
	bg, stop := context.WithCancel(ctx)
	e.srv.Start(bg)
	t.Cleanup(func() { stop(); e.srv.Wait() })
	e.http = httptest.NewServer(e.srv.Handler())
	t.Cleanup(e.http.Close)
	e.api = loadOpenAPI(t)
	e.waitFor("every agent scored", func() bool {
		return e.count(`SELECT (SELECT count(*) FROM agents) - (SELECT count(*) FROM agent_scores)`) == 0
	})
	e.waitFor("every profile embedded", func() bool {
		return e.count(`SELECT (SELECT count(*) FROM agent_profiles) - (SELECT count(*) FROM agent_embeddings)`) == 0
	})
	e.waitFor("vectors and reputation warm", func() bool {
		var ready struct{ Status, Vectors, Reputation string }
		res := e.get("/readyz")
		res.decode(t, &ready)
		return ready.Vectors == "warm" && ready.Reputation == "warm"
	})
	return e
}

// with returns e for a subtest: its helpers fail t, not the test that built e.
func (e *env) with(t testing.TB) *env {
	c := *e
	c.t = t
	return &c
}

// startIndexer runs the indexer and its registration-file pool in-process until the test ends.
func (e *env) startIndexer(ctx context.Context) {
	t := e.t
	store, err := indexer.OpenStore(ctx, e.dbURL, catalog.Default)
	if err != nil {
		t.Fatal(err)
	}
	chain, err := indexer.DialChain(ctx, e.chain.URL, "", indexer.Addresses(e.dep), indexer.ChainConfig{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// One try per read and a quick backoff (300 ms doubling to 3 s): the tests watch failed files retried.
	files := regfile.NewPool(regfile.New(regfile.Config{AllowPrivate: true, Attempts: 1}), store.Registrations(),
		regfile.PoolConfig{Retry: regfile.Retry{Base: 300 * time.Millisecond, Max: 3 * time.Second}},
		slog.New(slog.DiscardHandler), nil)
	ix := indexer.New(chain, store, indexer.Config{Deployment: e.dep, PollInterval: 50 * time.Millisecond, Audit: true,
		Log: slog.New(slog.DiscardHandler), OnCommit: func(uint64) { files.Wake() }})
	ictx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		if err := ix.Run(ictx); err != nil && ictx.Err() == nil {
			t.Errorf("indexer: %v", err)
		}
	}()
	go func() {
		defer wg.Done()
		if ix.WaitReady(ictx) {
			_ = files.Run(ictx)
		}
	}()
	t.Cleanup(func() { stop(); wg.Wait(); chain.Close(); store.Close() })
}

// waitIndexed waits until the indexer reached the chain head and no registration file is pending.
func (e *env) waitIndexed() {
	e.t.Helper()
	head, err := e.chain.Client.BlockNumber(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	e.waitFor("indexer at head", func() bool {
		return e.count(`SELECT COALESCE((SELECT block_number FROM indexer_state), -1)`) >= int64(head) &&
			e.count(`SELECT count(*) FROM registration_files WHERE status = 'pending'`) == 0
	})
}

func (e *env) count(sql string, args ...any) int64 {
	e.t.Helper()
	var n int64
	if err := e.db.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		e.t.Fatalf("%s: %v", sql, err)
	}
	return n
}

func (e *env) waitFor(what string, cond func() bool) {
	e.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			e.t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// response is one HTTP exchange, already checked against the OpenAPI document.
type response struct {
	Status int
	Header http.Header
	Body   []byte
}

func (r response) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("decode %s: %v", r.Body, err)
	}
}

// problem decodes a problem response and checks its status, code and content type.
func (r response) problem(t testing.TB, status int, code string) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d: %s", r.Status, status, r.Body)
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("content type %q, want application/problem+json", ct)
	}
	var p gateway.Problem
	r.decode(t, &p)
	if p.Code != code || p.Status != status || p.Detail == "" {
		t.Fatalf("problem %+v, want code %s status %d with a detail", p, code, status)
	}
}

func (e *env) get(path string) response { return e.do(http.MethodGet, path, "", nil) }

func (e *env) post(path string, body any) response {
	b, err := json.Marshal(body)
	if err != nil {
		e.t.Fatal(err)
	}
	return e.do(http.MethodPost, path, "application/json", b)
}

// do sends a request to the gateway and validates the response against the OpenAPI document.
func (e *env) do(method, path, contentType string, body []byte, header ...http.Header) response {
	e.t.Helper()
	req, err := http.NewRequest(method, e.http.URL+path, bytes.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for _, h := range header {
		for k, vs := range h {
			req.Header[k] = vs
		}
	}
	res, err := e.http.Client().Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	r := response{Status: res.StatusCode, Header: res.Header, Body: b}
	e.api.check(e.t, req, r)
	return r
}

// openAPI validates responses against gateway.OpenAPI().
type openAPI struct {
	doc    *openapi3.T
	router routers.Router
}

func loadOpenAPI(t testing.TB) *openAPI {
	t.Helper()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(gateway.OpenAPI())
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(loader.Context); err != nil {
		t.Fatalf("openapi.json is not a valid OpenAPI 3 document: %v", err)
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return &openAPI{doc: doc, router: router}
}

func (a *openAPI) check(t testing.TB, req *http.Request, r response) {
	t.Helper()
	u := *req.URL
	u.Scheme, u.Host = "", ""
	plain := req.Clone(context.Background())
	plain.URL = &u
	plain.Host = ""
	route, params, err := a.router.FindRoute(plain)
	if err != nil {
		if r.Status == http.StatusNotFound || r.Status == http.StatusMethodNotAllowed {
			return // unknown routes are not in the document
		}
		t.Fatalf("%s %s: not in the OpenAPI document: %v", req.Method, req.URL.Path, err)
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: plain, PathParams: params, Route: route,
			Options: &openapi3filter.Options{ExcludeRequestBody: true, ExcludeRequestQueryParams: true}},
		Status: r.Status, Header: r.Header, Body: io.NopCloser(bytes.NewReader(r.Body)),
		Options: &openapi3filter.Options{IncludeResponseStatus: true},
	}
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		t.Fatalf("%s %s -> %d does not match the OpenAPI document: %v\n%s", req.Method, req.URL.RequestURI(), r.Status,
			err, clipBody(r.Body))
	}
}

func clipBody(b []byte) string {
	s := string(b)
	if len(s) > 2000 {
		return s[:2000] + "..."
	}
	return strings.TrimSpace(s)
}
