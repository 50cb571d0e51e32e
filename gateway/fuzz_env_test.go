package gateway_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/jackc/pgx/v5"

	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/gateway"
	"github.com/agoralabs/agora/internal/pgtest"
	"github.com/agoralabs/agora/seed"
)

// The environment of the fuzz targets (fuzz_test.go): one real stack per test process (anvil with the
// contracts and the seeded agents, PostgreSQL filled by the real indexer, the gateway), built by the first
// target that runs and torn down by TestMain. Under `go test` every target's seed corpus runs on the one
// stack; under `go test -fuzz` the coordinator and each worker process build their own.

// TestMain tears down the fuzz targets' stack after every test has run.
func TestMain(m *testing.M) {
	closeInherited()
	flag.Parse()
	if w := flag.Lookup("test.fuzzworker"); w != nil && w.Value.String() == "true" {
		// A fuzz worker that is told to stop gets SIGINT a second later and SIGKILL a second after that:
		// SIGINT must not cut its teardown short (the database, anvil), whenever it comes.
		signal.Notify(make(chan os.Signal, 1), os.Interrupt)
	}
	reapOrphans()
	code := m.Run()
	if errs := closeFuzzEnv(); len(errs) > 0 {
		fmt.Fprintln(os.Stderr, "fuzz environment:\n"+strings.Join(errs, "\n"))
		if code == 0 {
			code = 1
		}
	}
	reapOrphans() // a fuzz coordinator's workers have stopped by now, or been killed
	os.Exit(code)
}

var (
	fuzzOnce   sync.Once
	fuzzShared *fuzzEnv
	fuzzTB     *procTB
)

// procTB is the testing.TB of a stack that outlives the test that built it: cleanups and temporary folders
// wait for TestMain; failures go to the building test while it builds the stack and are recorded after it
// (the next fuzz input reports them).
type procTB struct {
	testing.TB
	mu       sync.Mutex
	built    bool
	cleanups []func()
	errs     []string
}

func (p *procTB) Cleanup(f func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cleanups = append(p.cleanups, f)
}

// TempDir makes a folder named after this process (agora-fuzz-<pid>-*), so that reapOrphans can tell whose
// it is.
func (p *procTB) TempDir() string {
	dir, err := os.MkdirTemp("", fmt.Sprintf("agora-fuzz-%d-", os.Getpid()))
	if err != nil {
		p.Fatal(err)
	}
	p.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// recorded records msg once the stack is built (false while it is being built).
func (p *procTB) recorded(msg string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.built {
		p.errs = append(p.errs, msg)
	}
	return p.built
}

func (p *procTB) Error(args ...any) {
	if !p.recorded(fmt.Sprint(args...)) {
		p.TB.Error(args...)
	}
}

func (p *procTB) Errorf(format string, args ...any) {
	if !p.recorded(fmt.Sprintf(format, args...)) {
		p.TB.Errorf(format, args...)
	}
}

func (p *procTB) Fatal(args ...any) {
	if !p.recorded(fmt.Sprint(args...)) {
		p.TB.Fatal(args...)
	}
}

func (p *procTB) Fatalf(format string, args ...any) {
	if !p.recorded(fmt.Sprintf(format, args...)) {
		p.TB.Fatalf(format, args...)
	}
}

func (p *procTB) Log(args ...any) {
	if !p.isBuilt() {
		p.TB.Log(args...)
	}
}

func (p *procTB) Logf(format string, args ...any) {
	if !p.isBuilt() {
		p.TB.Logf(format, args...)
	}
}

func (p *procTB) Helper() {
	if !p.isBuilt() {
		p.TB.Helper()
	}
}

func (p *procTB) isBuilt() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.built
}

// failures returns what failed in the stack since it was built (its indexer, say).
func (p *procTB) failures() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.errs...)
}

// closeFuzzEnv runs the stack's cleanups, last first, and returns what failed in it. A cleanup that takes
// longer than a fifth of a second goes on while the next ones run (dropping the database waits for a
// checkpoint, a second or more while other fuzz workers write): a fuzz worker told to stop is killed two
// seconds later, and anvil must be stopped by then, or it outlives the worker.
func closeFuzzEnv() []string {
	if fuzzTB == nil {
		return nil
	}
	fuzzTB.mu.Lock()
	fuzzTB.built = true
	cleanups := fuzzTB.cleanups
	fuzzTB.cleanups = nil
	fuzzTB.mu.Unlock()
	var wg sync.WaitGroup
	for i := len(cleanups) - 1; i >= 0; i-- {
		done := make(chan struct{})
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(done)
			cleanups[i]()
		}()
		select {
		case <-done:
		case <-time.After(200 * time.Millisecond):
		}
	}
	wg.Wait()
	return fuzzTB.failures()
}

// dropDatabase drops a database of the test server (pgtest's), whatever connects to it.
func dropDatabase(name string) {
	server, err := pgtest.ServerURL()
	if err != nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, server)
	if err != nil {
		return
	}
	defer conn.Close(ctx)
	_, _ = conn.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
}

// fuzzEnv is the stack and what the targets sign with.
type fuzzEnv struct {
	*env
	logs          *logRecorder
	market, beats eip712.Domain
	token         common.Address
	buyer         *ecdsa.PrivateKey // the quote targets' RFQs are its
	keys          []*ecdsa.PrivateKey
	agents        []seed.Agent // the valid seeded agents, each with a wallet (roles: agent* below)
	nonces        atomic.Int64

	mu      sync.Mutex
	rfqs    map[int]openRFQ      // the quote targets' RFQs by kind (rfqFirstPrice, ...)
	beating map[string]time.Time // the quote providers' heartbeats: agent id -> expiresAt
}

// Agent roles: quoting providers have heartbeats (renewed); agentOffline never has one; the heartbeat
// targets fuzz agentBeat's (so they never take a quoting provider offline).
const (
	agentQuoting = 0 // agents 0, 1, 2
	nQuoting     = 3
	agentOffline = 3
	agentBeat    = 4 // agents 4..7
	nBeat        = 4
)

// fuzzSetup returns this process's stack, building it on first use.
func fuzzSetup(f testing.TB) *fuzzEnv {
	f.Helper()
	fuzzOnce.Do(func() {
		fuzzTB = &procTB{TB: f}
		logs := &logRecorder{}
		e := setup(fuzzTB, func(c *gateway.Config) {
			c.Log = slog.New(logs)
			c.MaxClientStreams = 1 << 20 // the stream targets open a stream per input
		})
		fe := &fuzzEnv{env: e, logs: logs, token: e.dep.Contracts.TestUSD.Address, buyer: e.chain.Keys[5],
			rfqs: map[int]openRFQ{}, beating: map[string]time.Time{}}
		chainID := new(big.Int).SetUint64(e.dep.ChainID)
		fe.market = eip712.EscrowDomain(chainID, e.dep.Contracts.AgentEscrow.Address)
		fe.beats = eip712.GatewayDomain(chainID, e.dep.Contracts.IdentityRegistry.Address)
		for _, a := range e.seeded.Agents {
			if a.Valid && a.Wallet != nil {
				fe.agents = append(fe.agents, a)
			}
		}
		if len(fe.agents) < agentBeat+nBeat {
			f.Fatalf("%d seeded agents with wallets, want %d", len(fe.agents), agentBeat+nBeat)
		}
		fe.keys = append(fe.keys, e.chain.Keys[5:]...)
		for _, a := range fe.agents[:agentBeat+nBeat] {
			fe.keys = append(fe.keys, a.Wallet, a.Owner)
		}
		fe.nonces.Store(time.Now().UnixNano())
		// Should this process be killed before its teardown, reapOrphans drops the database it names here.
		if u, err := url.Parse(e.dbURL); err == nil {
			_ = os.WriteFile(filepath.Join(fuzzTB.TempDir(), "database"), []byte(strings.TrimPrefix(u.Path, "/")), 0o600)
		}
		fuzzTB.mu.Lock()
		fuzzTB.built = true
		fuzzTB.mu.Unlock()
		fuzzShared = fe
	})
	if fuzzShared == nil {
		f.Fatal("the fuzz targets' stack did not start (see the first fuzz target's failure)")
	}
	return fuzzShared
}

// logRecorder keeps the gateway's warnings and errors (a recovered panic, a store failure), to show with a
// failing input.
type logRecorder struct {
	mu     sync.Mutex
	n      int
	lines  []string
	panics []int // the record numbers of recovered panics
}

func (r *logRecorder) Enabled(_ context.Context, l slog.Level) bool { return l >= slog.LevelWarn }

func (r *logRecorder) Handle(_ context.Context, rec slog.Record) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", rec.Level, rec.Message)
	rec.Attrs(func(a slog.Attr) bool {
		fmt.Fprintf(&b, " %s=%v", a.Key, a.Value)
		return true
	})
	r.mu.Lock()
	defer r.mu.Unlock()
	r.n++
	r.lines = append(r.lines, b.String())
	if rec.Message == "panic in handler" { // the recovery middleware's
		r.panics = append(r.panics, r.n)
	}
	if len(r.lines) > 50 {
		r.lines = r.lines[len(r.lines)-50:]
	}
	return nil
}

func (r *logRecorder) WithAttrs([]slog.Attr) slog.Handler { return r }
func (r *logRecorder) WithGroup(string) slog.Handler      { return r }

// mark is the number of records so far; since returns the (last 50) records after a mark.
func (r *logRecorder) mark() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.n
}

// panicked reports whether the recovery middleware logged a panic after mark.
func (r *logRecorder) panicked(mark int) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.panics) > 0 && r.panics[len(r.panics)-1] > mark
}

func (r *logRecorder) since(mark int) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	k := min(r.n-mark, len(r.lines))
	return append([]string(nil), r.lines[len(r.lines)-k:]...)
}

// stored is what the market and heartbeat endpoints can write: row counts of the insert-only tables (the
// close updates RFQs and quotes in place, in the background) and the content of the tables that requests
// update in place (an agreement's signatures, an agent's heartbeat).
type stored struct {
	RFQs, Quotes, Nonces  int64
	Agreements, Heartbeat string
}

func (fe *fuzzEnv) stored(t testing.TB) stored {
	t.Helper()
	var s stored
	err := fe.db.QueryRow(context.Background(), `SELECT (SELECT count(*) FROM rfqs), (SELECT count(*) FROM quotes),
		(SELECT count(*) FROM spent_nonces),
		(SELECT count(*) || ':' || coalesce(md5(string_agg(a::text, ',' ORDER BY id)), '') FROM agreements a),
		(SELECT count(*) || ':' || coalesce(md5(string_agg(h::text, ',' ORDER BY agent_id)), '') FROM heartbeats h)`).
		Scan(&s.RFQs, &s.Quotes, &s.Nonces, &s.Agreements, &s.Heartbeat)
	if err != nil {
		t.Fatalf("stored rows: %v", err)
	}
	return s
}

// fuzzExchange is one request and the gateway's answer.
type fuzzExchange struct {
	req    string // method, path and query, clipped body: for failure messages
	status int
	header http.Header
	body   []byte
}

// serve sends a request straight to the gateway's handler (the whole gin chain: recovery, limits, routes),
// so that any path, query string or body reaches it as the fuzzer made it.
func (fe *fuzzEnv) serve(ctx context.Context, method, path, rawQuery, contentType string, body []byte) fuzzExchange {
	req := &http.Request{Method: method, URL: &url.URL{Path: path, RawQuery: rawQuery}, Proto: "HTTP/1.1", ProtoMajor: 1,
		ProtoMinor: 1, Header: http.Header{}, Body: http.NoBody, Host: "gateway.test", RemoteAddr: "192.0.2.1:4321"}
	req.RequestURI = req.URL.RequestURI()
	if body != nil {
		req.Body, req.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	fe.srv.Handler().ServeHTTP(rec, req.WithContext(ctx))
	return fuzzExchange{req: fmt.Sprintf("%s %s %s", method, clipBody([]byte(req.RequestURI)), clipBody(body)), status: rec.Code,
		header: rec.Header(), body: rec.Body.Bytes()}
}

func (fe *fuzzEnv) post(path string, body []byte) fuzzExchange {
	return fe.serve(context.Background(), http.MethodPost, path, "", "application/json", body)
}

// judge checks the properties of issue 14 on one answer: never a 5xx (a recovered panic is a 500), every
// error a problem+json with a code, and nothing stored unless the answer was 2xx (before: the store before
// the request). accepted, when not nil, checks what a 2xx stored.
func (fe *fuzzEnv) judge(t *testing.T, x fuzzExchange, before stored, mark int, accepted func(before, after stored) string) {
	t.Helper()
	after := fe.stored(t)
	fail := func(format string, args ...any) {
		t.Helper()
		msg := fmt.Sprintf(format, args...)
		if logs := fe.logs.since(mark); len(logs) > 0 {
			msg += "\ngateway log:\n  " + strings.Join(logs, "\n  ")
		}
		t.Fatalf("%s\nrequest: %s", msg, x.req)
	}
	if errs := fuzzTB.failures(); len(errs) > 0 {
		fail("the stack failed: %s", strings.Join(errs, "; "))
	}
	if fe.logs.panicked(mark) {
		fail("the handler panicked (answered %d): %s", x.status, clipBody(x.body))
	}
	ok := x.status >= 200 && x.status < 300
	switch {
	case x.status >= 500:
		fail("answered %d: %s", x.status, clipBody(x.body))
	case x.status >= 400:
		if p := problemOf(x.status, x.header.Get("Content-Type"), x.body); p != "" {
			fail("%s", p)
		}
	case !ok && (x.status < 300 || x.status >= 400):
		fail("answered %d: %s", x.status, clipBody(x.body))
	}
	if !ok && after != before {
		fail("refused with %d but stored: %+v, was %+v\nanswer: %s", x.status, after, before, clipBody(x.body))
	}
	if ok && accepted != nil {
		if why := accepted(before, after); why != "" {
			fail("accepted with %d but %s: %+v, was %+v\nanswer: %s", x.status, why, after, before, clipBody(x.body))
		}
	}
}

// problemOf returns what is wrong with an error answer ("" when it is a problem+json with a code and its
// status).
func problemOf(status int, contentType string, body []byte) string {
	if contentType != "application/problem+json" {
		return fmt.Sprintf("answered %d as %q, not application/problem+json: %s", status, contentType, clipBody(body))
	}
	var p gateway.Problem
	if err := json.Unmarshal(body, &p); err != nil {
		return fmt.Sprintf("answered %d with a problem that does not decode (%v): %s", status, err, clipBody(body))
	}
	if p.Code == "" || p.Status != status {
		return fmt.Sprintf("answered %d with problem code %q status %d: %s", status, p.Code, p.Status, clipBody(body))
	}
	return ""
}

// unchanged is judge's check for endpoints that never store.
func unchanged(before, after stored) string {
	if after != before {
		return "stored"
	}
	return ""
}

// fresh returns a nonce no input of this process used before.
func (fe *fuzzEnv) fresh() *big.Int { return big.NewInt(fe.nonces.Add(1)) }

// key picks a signing key.
func (fe *fuzzEnv) key(sel uint8) *ecdsa.PrivateKey { return fe.keys[int(sel)%len(fe.keys)] }

// address picks an address a message names: 0 none, 1 self (the signer's, passed in), 2 the token, 3 the
// escrow (a contract), then the keys' addresses.
func (fe *fuzzEnv) address(sel uint8, self common.Address) common.Address {
	switch sel {
	case 0:
		return common.Address{}
	case 1:
		return self
	case 2:
		return fe.token
	case 3:
		return fe.dep.Contracts.AgentEscrow.Address
	}
	return addressOf(fe.key(sel - 4))
}

// agentID picks an agent id: a seeded agent's, or (past them) one that is not registered, 2^96 (the
// escrow's bound) or 2^256-1.
func (fe *fuzzEnv) agentID(sel uint8) *big.Int {
	n := len(fe.agents)
	switch i := int(sel) % (n + 3); i {
	case n:
		return big.NewInt(1_000_000)
	case n + 1:
		return new(big.Int).Lsh(big.NewInt(1), 96)
	case n + 2:
		return new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	default:
		return new(big.Int).Set(fe.agents[i].AgentID)
	}
}

// Flags shared by the signed targets.
const (
	flagFreshNonce = 1 << 0 // the nonce is fresh (else the fuzzer's bytes)
	flagAbsTime1   = 1 << 1 // the first time is the fuzzer's value itself (else seconds from now)
	flagAbsTime2   = 1 << 2 // the second time likewise
	flagAbsTime3   = 1 << 3 // the third time likewise
	spoilShift     = 4      // bits 4..6: how the signature is spoiled (spoil*)
	domainShift    = 7      // bits 7..8: which domain it is signed under (domain*)
)

// Ways to spoil a signature.
const (
	spoilNone      = iota
	spoilOtherKey  // signed by another key than the one the message names
	spoilV01       // v as 0/1 (the escrow's ECDSA refuses it)
	spoilHighS     // the malleable twin (high s)
	spoilTruncated // 64 bytes
	spoilFlipped   // one bit of r flipped
	spoilEmpty     // no signature
	spoilLong      // 66 bytes
)

// Domains to sign under.
const (
	domainRight    = iota
	domainChain    // another chain id
	domainContract // another verifying contract
	domainName     // another domain name
)

// at is a signed time: off seconds from now, or (abs) off itself read as unsigned, so that every uint64
// (2^64-1 is -1) is reachable.
func at(now time.Time, off int64, abs bool) uint64 {
	if abs {
		return uint64(off)
	}
	return uint64(now.Unix()) + uint64(off)
}

// bigOf reads an unsigned integer of at most bits from b (its first bits/8 bytes).
func bigOf(b []byte, bits int) *big.Int {
	if len(b) > bits/8 {
		b = b[:bits/8]
	}
	return new(big.Int).SetBytes(b)
}

// hashOf reads a bytes32 from b (left-padded, at most its first 32 bytes).
func hashOf(b []byte) common.Hash { return common.BytesToHash(bigOf(b, 256).Bytes()) }

// domainOf is d, or (mode) one of another chain, contract or name.
func domainOf(d eip712.Domain, flags uint16) eip712.Domain {
	switch (flags >> domainShift) & 3 {
	case domainChain:
		d.ChainID = new(big.Int).Add(d.ChainID, big.NewInt(1))
	case domainContract:
		d.VerifyingContract = common.BigToAddress(new(big.Int).Add(d.VerifyingContract.Big(), big.NewInt(1)))
	case domainName:
		d.Name += "X"
	}
	return d
}

// signature signs m under d with key (or, spoilOtherKey, with other), spoiled as flags say.
func signature(t testing.TB, d eip712.Domain, m eip712.Message, key, other *ecdsa.PrivateKey, flags uint16) []byte {
	t.Helper()
	mode := (flags >> spoilShift) & 7
	if mode == spoilOtherKey && other != nil {
		key = other
	}
	sig, err := eip712.Sign(key, d, m)
	if err != nil {
		t.Fatalf("sign %+v: %v", m, err)
	}
	switch mode {
	case spoilV01:
		sig[64] -= 27
	case spoilHighS:
		sig = hexutil.MustDecode(malleate(t, hexutil.Encode(sig)))
	case spoilTruncated:
		sig = sig[:64]
	case spoilFlipped:
		sig[5] ^= 1
	case spoilEmpty:
		sig = nil
	case spoilLong:
		sig = append(sig, 0)
	}
	return sig
}

// body is the JSON body {"typedData": m under d, <sigs>}.
func body(t testing.TB, d eip712.Domain, m eip712.Message, sigs map[string][]byte) []byte {
	t.Helper()
	td, err := eip712.MarshalTypedData(d, m)
	if err != nil {
		t.Fatalf("typed data of %+v: %v", m, err)
	}
	out := map[string]any{"typedData": json.RawMessage(td)}
	for k, sig := range sigs {
		if sig != nil {
			out[k] = hexutil.Encode(sig)
		}
	}
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// openRFQ is an RFQ the quote targets quote on.
type openRFQ struct {
	id     common.Hash
	rfq    eip712.RFQ
	closes time.Time
}

// RFQ kinds for the quote targets.
const (
	rfqFirstPrice  = iota // open: first price
	rfqDirect             // open: a direct request to agent 0
	rfqDirectOther        // open: a direct request to agent 1
	rfqClosed             // closed
	rfqKinds
)

// rfq returns an RFQ of kind; an open one has at least three seconds of its window left (a new one is
// posted when the last is about to close).
func (fe *fuzzEnv) rfq(t testing.TB, kind int) openRFQ {
	t.Helper()
	fe.mu.Lock()
	defer fe.mu.Unlock()
	if r, ok := fe.rfqs[kind]; ok && (kind == rfqClosed || time.Until(r.closes) > 3*time.Second) {
		return r
	}
	now := time.Now()
	r := eip712.RFQ{Buyer: addressOf(fe.buyer), Capability: "fuzz quotes", InputSpecHash: crypto.Keccak256Hash([]byte("spec")),
		Token: fe.token, MaxPrice: big.NewInt(1_000_000), DeliveryDeadline: uint64(now.Add(2 * time.Hour).Unix()),
		QuoteWindowMs: 60_000, ReviewWindow: 3600, Nonce: fe.fresh(), Expiry: uint64(now.Add(10 * time.Minute).Unix())}
	switch kind {
	case rfqDirect, rfqDirectOther:
		r.Auction, r.ProviderAgentID = eip712.AuctionDirect, fe.agents[agentQuoting+kind-rfqDirect].AgentID
	case rfqClosed:
		r.QuoteWindowMs = 50
	}
	x := fe.post("/v1/rfqs", body(t, fe.market, r, map[string][]byte{"signature": signature(t, fe.market, r, fe.buyer, nil, 0)}))
	if x.status != http.StatusCreated {
		t.Fatalf("post the quote targets' RFQ: %d %s", x.status, x.body)
	}
	var v struct {
		ID       string    `json:"id"`
		ClosesAt time.Time `json:"closesAt"`
	}
	if err := json.Unmarshal(x.body, &v); err != nil {
		t.Fatal(err)
	}
	o := openRFQ{id: common.HexToHash(v.ID), rfq: r, closes: v.ClosesAt}
	if kind == rfqClosed {
		e := fe.with(t)
		e.waitFor("the closed RFQ to close", func() bool {
			return e.count(`SELECT count(*) FROM rfqs WHERE id = $1 AND status <> 'open'`, o.id.Bytes()) == 1
		})
	}
	fe.rfqs[kind] = o
	return o
}

// online keeps the quoting providers' heartbeats unexpired (online, renewed with ten minutes left).
func (fe *fuzzEnv) online(t testing.TB) {
	t.Helper()
	fe.mu.Lock()
	defer fe.mu.Unlock()
	now := time.Now()
	for _, a := range fe.agents[agentQuoting : agentQuoting+nQuoting] {
		id := a.AgentID.String()
		if fe.beating[id].After(now.Add(10 * time.Minute)) {
			continue
		}
		hb := eip712.Heartbeat{AgentID: a.AgentID, Status: eip712.HeartbeatOnline, Price: big.NewInt(500), Token: fe.token,
			P95LatencyMs: 200, Capacity: 8, ExpiresAt: uint64(now.Add(time.Hour).Unix()), Nonce: fe.fresh()}
		x := fe.post("/v1/heartbeats", body(t, fe.beats, hb, map[string][]byte{"signature": signature(t, fe.beats, hb, a.Wallet, nil, 0)}))
		if x.status != http.StatusOK {
			t.Fatalf("heartbeat of quoting provider %s: %d %s", id, x.status, x.body)
		}
		fe.beating[id] = time.Unix(int64(hb.ExpiresAt), 0)
	}
}

// beatNonce is a nonce above agent id's stored heartbeat nonce (the fuzzer's nonces may have raised it).
func (fe *fuzzEnv) beatNonce(t testing.TB, id *big.Int) *big.Int {
	t.Helper()
	var n *string
	err := fe.db.QueryRow(context.Background(), `SELECT max(nonce)::text FROM heartbeats WHERE agent_id = $1::text::numeric`,
		id.String()).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	next := fe.fresh()
	if n != nil {
		if last, ok := new(big.Int).SetString(*n, 10); ok && last.Cmp(next) >= 0 && last.BitLen() <= 255 {
			next.Add(last, big.NewInt(1)) // (at 2^256-1 nothing is above it: the fresh one is stale)
		}
	}
	return next
}
