package gateway_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"math/big"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/agoralabs/agora/audit"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/discovery"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/gateway"
	"github.com/agoralabs/agora/indexer/regfile"
	"github.com/agoralabs/agora/internal/pgtest"
	"github.com/agoralabs/agora/postgres"
)

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// benchDeployment names the chain and registry of the generated agents; search needs no node.
func benchDeployment() *deployment.Deployment {
	d := &deployment.Deployment{ChainID: 31337}
	d.Contracts.IdentityRegistry.Address = common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	return d
}

var (
	benchWords = strings.Fields(`fast accurate secure private scalable multilingual enterprise realtime batch
		streaming certified audited regional global lightweight premium budget open verified trusted sovereign
		edge cloud hybrid clinical legal financial retail logistics energy insurance telecom public academic`)
	benchLanguages = []string{"en", "vi", "de", "fr", "es", "ja", "zh", "ko", "pt", "it", "ar", "hi", "id", "th", "nl"}
	benchCountries = []string{"US", "VN", "DE", "FR", "SG", "JP", "GB", "BR", "IN", "EU", "GLOBAL", "CA", "AU"}
	benchAttest    = []string{"hipaa", "soc2-type2", "iso27001", "gdpr", "pci-dss", "ccpa"}
	benchClasses   = []string{"public", "pii", "phi", "financial", "biometric"}
)

// fillAgents writes n generated agents into the mirror (agents rows) and derives their search documents with
// the indexer's own code (regfile.Parse, discovery.NewProfile, discovery.Save). The files vary the testdata
// agents: names, descriptions, prices, latencies, languages, jurisdictions, attestations and data classes.
// It returns the wallet keys of the first nWallets agents.
func fillAgents(tb testing.TB, dbURL string, n, nWallets int) []*ecdsa.PrivateKey {
	tb.Helper()
	ctx := context.Background()
	templates := benchTemplates(tb)
	pool, err := pgxpool.New(ctx, dbURL)
	if err != nil {
		tb.Fatal(err)
	}
	defer pool.Close()
	wallets := make([]*ecdsa.PrivateKey, nWallets)
	rows := make([][]any, n)
	now := time.Now()
	for i := range n {
		owner := crypto.Keccak256([]byte("owner"), []byte(strconv.Itoa(i%5000)))[:20]
		var wallet any
		if i < nWallets {
			k, err := crypto.ToECDSA(crypto.Keccak256([]byte("bench-wallet"), []byte(strconv.Itoa(i))))
			if err != nil {
				tb.Fatal(err)
			}
			wallets[i] = k
			wallet = crypto.PubkeyToAddress(k.PublicKey).Bytes()
		}
		rows[i] = []any{strconv.Itoa(i), owner, "data:bench", wallet, owner, int64(i), now, make([]byte, 32), int64(i), now}
	}
	conn, err := pool.Acquire(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Release()
	_, err = conn.Exec(ctx, `CREATE TEMP TABLE agents_stage (agent_id text, owner bytea, agent_uri text, agent_wallet bytea,
		registered_by bytea, registered_block bigint, registered_at timestamptz, registered_tx bytea, updated_block bigint,
		updated_at timestamptz)`)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := conn.Conn().CopyFrom(ctx, pgx.Identifier{"agents_stage"}, []string{"agent_id", "owner", "agent_uri",
		"agent_wallet", "registered_by", "registered_block", "registered_at", "registered_tx", "updated_block", "updated_at"},
		pgx.CopyFromRows(rows)); err != nil {
		tb.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `INSERT INTO agents SELECT agent_id::numeric, owner, agent_uri, NULL, agent_wallet, registered_by,
		registered_block, registered_at, registered_tx, updated_block, updated_at FROM agents_stage`); err != nil {
		tb.Fatal(err)
	}

	// Search documents, in transactions of 500 agents (one writer: parallel ones would deadlock on shared
	// search words, which the indexer avoids by saving one agent per transaction).
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, 1)
	for range 1 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				start := int(next.Add(500)) - 500
				if start >= n {
					return
				}
				err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
					for i := start; i < min(start+500, n); i++ {
						raw := benchFile(templates, i)
						reg, err := regfile.Parse(raw)
						if err != nil {
							return fmt.Errorf("agent %d: %w", i, err)
						}
						if err := discovery.Save(ctx, tx, big.NewInt(int64(i)), "data:bench", discovery.NewProfile(reg)); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		tb.Fatal(err)
	}
	if _, err := pool.Exec(ctx, `ANALYZE`); err != nil {
		tb.Fatal(err)
	}
	return wallets
}

// benchTemplates reads the testdata agents that fillAgents varies.
func benchTemplates(tb testing.TB) []map[string]any {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "agents", "[0-9]*.json"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("testdata agents: %v", err)
	}
	var templates []map[string]any
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			tb.Fatal(err)
		}
		templates = append(templates, m)
	}
	return templates
}

// benchFile is generated agent i: a testdata agent with varied words, prices and attributes.
func benchFile(templates []map[string]any, i int) []byte {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	pick := func(list []string, k int) []any {
		out := []any{}
		for _, j := range r.Perm(len(list))[:k] {
			out = append(out, list[j])
		}
		return out
	}
	t := templates[i%len(templates)]
	b, _ := json.Marshal(t)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	w1, w2 := benchWords[r.IntN(len(benchWords))], benchWords[r.IntN(len(benchWords))]
	m["name"] = fmt.Sprintf("%s %s %s %d", m["name"], w1, w2, i)
	m["description"] = fmt.Sprintf("%s %s and %s service number %d.", m["description"], w1, w2, i)
	m["x402Support"] = r.IntN(2) == 0
	caps, _ := m["capabilities"].([]any)
	for _, c := range caps {
		c := c.(map[string]any)
		if p, ok := c["pricing"].(map[string]any); ok {
			amount, _ := strconv.ParseInt(fmt.Sprint(p["amount"]), 10, 64)
			p["amount"] = strconv.FormatInt(amount*int64(50+r.IntN(150))/100+1, 10)
		}
		if sla, ok := c["sla"].(map[string]any); ok {
			sla["p95LatencyMs"] = 20 + r.IntN(3000)
		}
		c["languages"] = pick(benchLanguages, 1+r.IntN(3))
		c["jurisdictions"] = pick(benchCountries, 1+r.IntN(3))
		c["dataClasses"] = pick(benchClasses, r.IntN(3))
		comp, _ := c["compliance"].(map[string]any)
		if comp == nil {
			comp = map[string]any{}
			c["compliance"] = comp
		}
		comp["attestations"] = pick(benchAttest, r.IntN(3))
	}
	out, _ := json.Marshal(m)
	return out
}

// benchDatabase returns a database holding n generated agents: AGORA_BENCH_DATABASE_URL when set (filled
// on first use and reused afterwards: filling 100,000 agents takes minutes), else a fresh one.
func benchDatabase(b *testing.B, n int) string {
	b.Helper()
	ctx := context.Background()
	dbURL := os.Getenv("AGORA_BENCH_DATABASE_URL")
	if dbURL == "" {
		dbURL = pgtest.New(b)
	}
	if _, err := postgres.Migrate(ctx, dbURL); err != nil {
		b.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(ctx)
	var have int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM agent_profiles`).Scan(&have); err != nil {
		b.Fatal(err)
	}
	switch {
	case have == n:
		b.Logf("reusing %d agents", n)
	case have == 0:
		start := time.Now()
		fillAgents(b, dbURL, n, 0)
		b.Logf("%d agents written in %s", n, time.Since(start).Round(time.Millisecond))
	default:
		b.Fatalf("the database holds %d agents, want 0 or %d", have, n)
	}
	// The indexer's cursor, as a mirror has one: scores name the block they cover, and a restart rescores
	// only the agents changed after it.
	if _, err := conn.Exec(ctx, `INSERT INTO indexer_state (chain_id, contracts, start_block, block_number)
		SELECT 31337, '{}', 0, max(updated_block) FROM agents ON CONFLICT (id) DO NOTHING`); err != nil {
		b.Fatal(err)
	}
	return dbURL
}

// benchServer starts a gateway on dbURL and waits until vector search and reputation scores are warm.
func benchServer(b *testing.B, dbURL string, mutate ...func(*gateway.Config)) *gateway.Server {
	b.Helper()
	srv, times, stop := startTimed(b, dbURL, mutate...)
	b.Cleanup(stop)
	b.Logf("gateway ready after %s, vectors warm after %s, reputation warm after %s", times.ready.Round(time.Millisecond),
		times.vectors.Round(time.Millisecond), times.reputation.Round(time.Millisecond))
	return srv
}

// startTimes are how long after New a gateway was ready (Start returned: /readyz 200, text and filter
// search exact) and its vectors and reputation scores were warm (/readyz).
type startTimes struct{ ready, vectors, reputation time.Duration }

// startTimed starts a gateway on dbURL, times its start until everything is warm, and returns it with a
// function that stops it.
func startTimed(b *testing.B, dbURL string, mutate ...func(*gateway.Config)) (*gateway.Server, startTimes, func()) {
	b.Helper()
	runtime.GC() // a fresh heap, as in a new process: the collector's pacing would otherwise favour a restart
	ctx, cancel := context.WithCancel(context.Background())
	start := time.Now()
	cfg := gateway.Config{DatabaseURL: dbURL, Deployment: benchDeployment(), RateLimit: -1,
		ScoreInterval: 24 * time.Hour, MaxClientStreams: 1000, Registry: prometheus.NewRegistry(),
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	for _, m := range mutate {
		m(&cfg)
	}
	srv, err := gateway.New(ctx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	srv.Start(ctx)
	var t startTimes
	t.ready = time.Since(start)
	stop := func() { cancel(); srv.Wait(); srv.Close() }
	h := srv.Handler()
	for t.vectors == 0 || t.reputation == 0 {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
		var ready struct{ Status, Vectors, Reputation string }
		if err := json.Unmarshal(rec.Body.Bytes(), &ready); err != nil || rec.Code != http.StatusOK {
			b.Fatalf("/readyz: %d %s", rec.Code, rec.Body)
		}
		if ready.Vectors == "warm" && t.vectors == 0 {
			t.vectors = time.Since(start)
		}
		if ready.Reputation == "warm" && t.reputation == 0 {
			t.reputation = time.Since(start)
		}
		if time.Since(start) > 30*time.Minute {
			b.Fatalf("not warm after 30 minutes: %+v", ready)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return srv, t, stop
}

// BenchmarkStartup measures how long a gateway takes to be ready and warm over AGORA_BENCH_AGENTS (default
// 100,000) generated agents: cold (no embedding or reputation report stored: every agent is embedded and
// scored) and then a warm restart on what the cold start stored. Run with -benchtime 1x; keep the agents
// with AGORA_BENCH_DATABASE_URL (their embeddings and reports are deleted first, and stored again).
func BenchmarkStartup(b *testing.B) {
	n := envInt("AGORA_BENCH_AGENTS", 100_000)
	dbURL := benchDatabase(b, n)
	b.ResetTimer()
	for range b.N {
		if _, err := pgxExec(dbURL, `TRUNCATE agent_embeddings, agent_scores`); err != nil {
			b.Fatal(err)
		}
		for _, run := range []string{"cold", "warm"} {
			_, t, stop := startTimed(b, dbURL)
			stop()
			b.ReportMetric(t.ready.Seconds(), run+"-ready-s")
			b.ReportMetric(t.vectors.Seconds(), run+"-vectors-warm-s")
			b.ReportMetric(t.reputation.Seconds(), run+"-reputation-warm-s")
			b.Logf("%s start: ready after %s, vectors warm after %s, reputation warm after %s", run,
				t.ready.Round(time.Millisecond), t.vectors.Round(time.Millisecond), t.reputation.Round(time.Millisecond))
		}
	}
}

// pgxExec runs one statement on dbURL.
func pgxExec(dbURL, sql string) (int64, error) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return 0, err
	}
	defer conn.Close(ctx)
	tag, err := conn.Exec(ctx, sql)
	return tag.RowsAffected(), err
}

// BenchmarkSearch measures GET /v1/agents latency (in the handler, without the network) over
// AGORA_BENCH_AGENTS (default 100,000) generated agents, for every shape of query: text, vector and hybrid,
// with and without filters, by relevance or by price; filters only by price, latency and reputation; no
// filter at all (AGORA_BENCH_CLASS picks one class). Run with -benchtime 1x; it reports p50/p95/p99 in ms per
// query class (AGORA_BENCH_PER_QUERY=1: per distinct query as well).
func BenchmarkSearch(b *testing.B) {
	n := envInt("AGORA_BENCH_AGENTS", 100_000)
	rounds := envInt("AGORA_BENCH_QUERIES", 1000)
	perQuery := os.Getenv("AGORA_BENCH_PER_QUERY") != "" // log each distinct query's p50 and max too
	dbURL := benchDatabase(b, n)
	srv := benchServer(b, dbURL)
	h := srv.Handler()

	texts := []string{"invoice ocr", "medical transcription", "contract review", "translation", "code review",
		"speech to text", "image generation", "fraud scoring", "weather forecast", "sql generation",
		"summarization", "sentiment analysis", "kyc identity verification", "web scraping", "pdf to json"}
	filters := []string{"compliance=hipaa", "language=vi", "maxLatencyMs=500", "jurisdiction=EU", "dataClass=pii",
		"x402=true", "token=tUSD&maxPrice=50000", "minReputation=40", "language=de&maxLatencyMs=1000"}
	text := func(i int) string { return "q=" + url.QueryEscape(texts[i%len(texts)]) }
	filter := func(i int) string { return filters[i%len(filters)] }
	classes := []struct {
		name  string
		query func(i int) string
	}{
		{"text", func(i int) string { return text(i) + "&mode=text" }},
		{"text+filters", func(i int) string { return text(i) + "&mode=text&" + filter(i) }},
		{"text+filters by price", func(i int) string { return text(i) + "&mode=text&sort=price&" + filter(i+1) }},
		{"vector", func(i int) string { return text(i) + "&mode=vector" }},
		{"vector+filters", func(i int) string { return text(i) + "&mode=vector&" + filter(i+2) }},
		{"hybrid", func(i int) string { return text(i) + "&mode=hybrid" }},
		{"hybrid+filters", func(i int) string { return text(i) + "&mode=hybrid&" + filter(i+3) }},
		{"hybrid+filters by price", func(i int) string { return text(i) + "&mode=hybrid&sort=price&" + filter(i+4) }},
		{"filters only", func(i int) string { return filter(i) + "&sort=price" }},
		{"filters by latency", func(i int) string { return filter(i) + "&sort=latency" }},
		{"filters by reputation", func(i int) string { return filter(i) + "&sort=reputation" }},
		{"no filter", func(int) string { return "" }}, // sort=reputation
		{"no filter by price", func(int) string { return "sort=price" }},
	}
	b.ResetTimer()
	for range b.N {
		for _, c := range classes {
			if only := os.Getenv("AGORA_BENCH_CLASS"); only != "" && only != c.name {
				continue
			}
			lat := make([]float64, 0, rounds)
			perQ := map[string][]float64{}
			results := 0
			for i := range rounds + 20 {
				req := httptest.NewRequest(http.MethodGet, "/v1/agents?"+c.query(i), nil)
				rec := httptest.NewRecorder()
				t0 := time.Now()
				h.ServeHTTP(rec, req)
				d := time.Since(t0)
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: %d %s", req.URL, rec.Code, rec.Body)
				}
				if i < 20 {
					continue // warm-up
				}
				var s struct{ Agents []json.RawMessage }
				_ = json.Unmarshal(rec.Body.Bytes(), &s)
				results += len(s.Agents)
				lat = append(lat, float64(d.Microseconds())/1000)
				if perQuery {
					perQ[c.query(i)] = append(perQ[c.query(i)], float64(d.Microseconds())/1000)
				}
			}
			for _, k := range slices.Sorted(maps.Keys(perQ)) {
				v := perQ[k]
				slices.Sort(v)
				fmt.Fprintf(os.Stderr, "%-15s %-70s p50 %6.2f ms  max %6.2f ms\n", c.name, k, v[len(v)/2], v[len(v)-1])
			}
			slices.Sort(lat)
			q := func(p float64) float64 { return lat[int(p*float64(len(lat)-1))] }
			name := strings.ReplaceAll(c.name, " ", "-")
			b.ReportMetric(q(0.50), name+"-p50-ms")
			b.ReportMetric(q(0.95), name+"-p95-ms")
			b.ReportMetric(q(0.99), name+"-p99-ms")
			b.Logf("%-15s p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  (%d queries, %.1f results each)", c.name, q(0.5), q(0.95),
				q(0.99), len(lat), float64(results)/float64(len(lat)))
		}
	}
}

// BenchmarkHeartbeats measures heartbeats verified (EIP-712, ECDSA) and stored per second, from 32 concurrent
// senders over AGORA_BENCH_HB_AGENTS (default 2,000) agents: half of AGORA_BENCH_HEARTBEATS (default 40,000)
// through the handler (the gateway's own work), the other half over loopback HTTP (plus the clients' and the
// network stack's work on the same two cores).
func BenchmarkHeartbeats(b *testing.B) {
	for _, audited := range []bool{false, true} {
		b.Run(auditName(audited), func(b *testing.B) { benchHeartbeats(b, audited) })
	}
}

// auditName names a benchmark's audit log setting.
func auditName(audited bool) string {
	if audited {
		return "audit=on"
	}
	return "audit=off"
}

// withAudit gives a benchmark's gateway an audit key when audited: every decision is logged and sequenced.
func withAudit(b *testing.B, audited bool) func(*gateway.Config) {
	return func(c *gateway.Config) {
		if !audited {
			return
		}
		skey, _, err := audit.GenerateKey("agora.bench/audit")
		if err != nil {
			b.Fatal(err)
		}
		c.AuditKey = skey
	}
}

func benchHeartbeats(b *testing.B, audited bool) {
	agents := envInt("AGORA_BENCH_HB_AGENTS", 2000)
	total := envInt("AGORA_BENCH_HEARTBEATS", 40_000)
	dbURL := pgtest.New(b)
	if _, err := postgres.Migrate(context.Background(), dbURL); err != nil {
		b.Fatal(err)
	}
	wallets := fillAgents(b, dbURL, agents, agents)
	srv := benchServer(b, dbURL, withAudit(b, audited))
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	dep := benchDeployment()
	domain := eip712.GatewayDomain(big.NewInt(int64(dep.ChainID)), dep.Contracts.IdentityRegistry.Address)

	// Sign everything first: signing is the providers' cost, not the gateway's.
	bodies := make([][]byte, total)
	expires := uint64(time.Now().Add(30 * time.Minute).Unix())
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < total; i += 2 {
				a := i % agents
				hb := eip712.Heartbeat{AgentID: big.NewInt(int64(a)), Status: eip712.HeartbeatOnline, Price: big.NewInt(int64(1000 + i)),
					Token: common.HexToAddress("0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9"), P95LatencyMs: 100, Capacity: 4,
					ExpiresAt: expires, Nonce: big.NewInt(int64(i/agents + 1))}
				td, err := eip712.MarshalTypedData(domain, hb)
				if err != nil {
					b.Error(err)
					return
				}
				sig, err := eip712.Sign(wallets[a], domain, hb)
				if err != nil {
					b.Error(err)
					return
				}
				bodies[i], _ = json.Marshal(map[string]any{"typedData": json.RawMessage(td), "signature": "0x" + common.Bytes2Hex(sig)})
			}
		}()
	}
	wg.Wait()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	h := srv.Handler()
	// post sends body i: through the handler (the gateway's own work), or over loopback HTTP (plus the
	// client's and the network stack's, on the same two cores).
	post := func(overHTTP bool, i int) (int, error) {
		if !overHTTP {
			req := httptest.NewRequest(http.MethodPost, "/v1/heartbeats", strings.NewReader(string(bodies[i])))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			return rec.Code, nil
		}
		res, err := client.Post(ts.URL+"/v1/heartbeats", "application/json", strings.NewReader(string(bodies[i])))
		if err != nil {
			return 0, err
		}
		_, _ = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res.StatusCode, nil
	}
	b.ResetTimer()
	for range b.N {
		// Handler first, then HTTP with the same bodies: every nonce is then stale, so the HTTP pass re-signs
		// nothing but measures refusals; use the second half of the bodies for it instead.
		for _, overHTTP := range []bool{false, true} {
			lo, hi := 0, total/2
			if overHTTP {
				lo, hi = total/2, total
			}
			var ok, refused atomic.Int64
			elapsed := inParallel(32, lo, hi, func(i int) {
				code, err := post(overHTTP, i)
				switch {
				case err != nil:
					b.Error(err)
				case code == http.StatusOK:
					ok.Add(1)
				default:
					refused.Add(1)
				}
			})
			rate := float64(hi-lo) / elapsed.Seconds()
			name := "handler"
			if overHTTP {
				name = "http"
			}
			b.ReportMetric(rate, name+"-heartbeats/s")
			b.Logf("%s: %d heartbeats in %s: %.0f/s verified and stored (%d accepted, %d refused)",
				name, hi-lo, elapsed.Round(time.Millisecond), rate, ok.Load(), refused.Load())
			if ok.Load() < int64(hi-lo)*9/10 {
				b.Fatalf("%s: only %d of %d heartbeats accepted", name, ok.Load(), hi-lo)
			}
		}
	}
}
