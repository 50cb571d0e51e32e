package gateway_test

import (
	"context"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/agoralabs/agora/discovery"
	"github.com/agoralabs/agora/embed"
	"github.com/agoralabs/agora/gateway"
	"github.com/agoralabs/agora/indexer/regfile"
	"github.com/agoralabs/agora/internal/pgtest"
	"github.com/agoralabs/agora/postgres"
)

// recordingEmbedder is embed.Local under a fixed model name, recording every text it embeds; while gate
// is open (not closed) every call waits for it.
type recordingEmbedder struct {
	*embed.Local
	gate chan struct{} // nil: never waits

	mu    sync.Mutex
	texts map[string]int
}

func newRecordingEmbedder(dims int, held bool) *recordingEmbedder {
	e := &recordingEmbedder{Local: embed.NewLocal(dims), texts: map[string]int{}}
	if held {
		e.gate = make(chan struct{})
	}
	return e
}

func (e *recordingEmbedder) Model() string { return "test-model" } // one name for every dimension

func (e *recordingEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	if e.gate != nil {
		select {
		case <-e.gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	e.mu.Lock()
	for _, t := range texts {
		e.texts[t]++
	}
	e.mu.Unlock()
	return e.Local.Embed(ctx, texts)
}

// embedded returns how many times each of texts was embedded, and how many other long texts (documents,
// not queries) were.
func (e *recordingEmbedder) embedded(texts []string) (counts []int, others int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	known := map[string]bool{}
	for _, t := range texts {
		counts = append(counts, e.texts[t])
		known[t] = true
	}
	for t := range e.texts {
		if !known[t] && len(t) > 40 {
			others++
		}
	}
	return counts, others
}

// warmDatabase returns a database with n generated agents and the indexer's cursor past them.
func warmDatabase(t *testing.T, n int) string {
	t.Helper()
	dbURL := pgtest.New(t)
	if _, err := postgres.Migrate(context.Background(), dbURL); err != nil {
		t.Fatal(err)
	}
	fillAgents(t, dbURL, n, 0)
	dbExec(t, dbURL, `INSERT INTO indexer_state (chain_id, contracts, start_block, block_number)
		SELECT 31337, '{}', 0, max(updated_block) FROM agents`)
	return dbURL
}

func dbExec(t *testing.T, dbURL, sql string, args ...any) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql, args...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func searchTexts(t *testing.T, dbURL string) []string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT search_text FROM agent_profiles ORDER BY agent_id`)
	if err != nil {
		t.Fatal(err)
	}
	texts, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

// warmGateway is a started gateway for these tests, served over HTTP and checked against the OpenAPI
// document.
type warmGateway struct {
	t    *testing.T
	srv  *gateway.Server
	http *httptest.Server
	api  *openAPI
	reg  *prometheus.Registry
	stop func()
}

func startGateway(t *testing.T, dbURL string, emb embed.Embedder) *warmGateway {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	reg := prometheus.NewRegistry()
	srv, err := gateway.New(ctx, gateway.Config{DatabaseURL: dbURL, Deployment: benchDeployment(), RateLimit: -1,
		Embedder: emb, Registry: reg, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	srv.Start(ctx)
	g := &warmGateway{t: t, srv: srv, http: httptest.NewServer(srv.Handler()), api: loadOpenAPI(t), reg: reg}
	var once sync.Once
	g.stop = func() { once.Do(func() { g.http.Close(); cancel(); srv.Wait(); srv.Close() }) }
	t.Cleanup(g.stop)
	return g
}

func (g *warmGateway) get(path string) response {
	g.t.Helper()
	req, err := http.NewRequest(http.MethodGet, g.http.URL+path, nil)
	if err != nil {
		g.t.Fatal(err)
	}
	res, err := g.http.Client().Do(req)
	if err != nil {
		g.t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		g.t.Fatal(err)
	}
	r := response{Status: res.StatusCode, Header: res.Header, Body: b}
	g.api.check(g.t, req, r)
	return r
}

type readiness struct{ Status, Vectors, Reputation string }

func (g *warmGateway) ready() readiness {
	g.t.Helper()
	r := g.get("/readyz")
	if r.Status != http.StatusOK {
		g.t.Fatalf("/readyz: %d %s", r.Status, r.Body)
	}
	var out readiness
	r.decode(g.t, &out)
	return out
}

func (g *warmGateway) waitWarm() {
	g.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		r := g.ready()
		if r.Vectors == "warm" && r.Reputation == "warm" {
			return
		}
		if time.Now().After(deadline) {
			g.t.Fatalf("not warm: %+v", r)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// ids returns the agent ids of a search's results.
func (g *warmGateway) ids(path string) []string {
	g.t.Helper()
	r := g.get(path)
	if r.Status != http.StatusOK {
		g.t.Fatalf("%s: %d %s", path, r.Status, r.Body)
	}
	var res struct{ Agents []struct{ AgentID string } }
	r.decode(g.t, &res)
	var ids []string
	for _, a := range res.Agents {
		ids = append(ids, a.AgentID)
	}
	return ids
}

// TestRestart_ReusesEmbeddingsAndScores checks that a restarted gateway embeds no document again and
// rescores no agent (their embeddings and reports are stored), that a changed document is embedded again
// (and only it), and that an embedder of another dimension under the same model name embeds everything
// anew.
func TestRestart_ReusesEmbeddingsAndScores(t *testing.T) {
	const n = 60
	dbURL := warmDatabase(t, n)
	texts := searchTexts(t, dbURL)

	emb := newRecordingEmbedder(64, false)
	g := startGateway(t, dbURL, emb)
	g.waitWarm()
	counts, others := emb.embedded(texts)
	for i, c := range counts {
		if c != 1 {
			t.Fatalf("cold start: document %d embedded %d times, want once", i, c)
		}
	}
	if others != 0 {
		t.Fatalf("cold start: %d other documents embedded", others)
	}
	if scored := metricValue(t, g.reg, "agora_gateway_reputation_scored_total"); scored != n {
		t.Fatalf("cold start: %v agents scored, want %d", scored, n)
	}
	const query = "/v1/agents?q=invoice+ocr&mode=vector&limit=10"
	before := g.ids(query)
	if len(before) == 0 {
		t.Fatal("no vector results")
	}
	g.stop()

	emb = newRecordingEmbedder(64, false)
	g = startGateway(t, dbURL, emb)
	g.waitWarm()
	if counts, others := emb.embedded(texts); slicesSum(counts)+others != 0 {
		t.Fatalf("restart embedded documents again: %v and %d others", counts, others)
	}
	if scored := metricValue(t, g.reg, "agora_gateway_reputation_scored_total"); scored != 0 {
		t.Fatalf("restart rescored %v agents, want none", scored)
	}
	if after := g.ids(query); strings.Join(after, ",") != strings.Join(before, ",") {
		t.Fatalf("vector results after the restart %v, before %v", after, before)
	}

	// A changed document (agent 7 now registers agent 8's file): embedded again, alone; then agent 7 is as
	// near as agent 8 to that text, and first by id (its old vector, of another kind of agent, is not).
	reg, err := regfile.Parse(benchFile(benchTemplates(t), 8))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		if err := discovery.Save(ctx, tx, big.NewInt(7), "data:bench", discovery.NewProfile(reg)); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `SELECT pg_notify('agora_discovery', '7')`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	newText := searchTexts(t, dbURL)[7]
	q := newText[:strings.LastIndexByte(newText[:250], ' ')]
	nearest := "/v1/agents?mode=vector&limit=1&q=" + url.QueryEscape(q)
	deadline := time.Now().Add(30 * time.Second)
	for {
		counts, _ := emb.embedded([]string{newText})
		if counts[0] > 0 && slices0(g.ids(nearest)) == "7" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the changed document was not embedded again (%v): nearest %v", counts, g.ids(nearest))
		}
		time.Sleep(20 * time.Millisecond)
	}
	old := append(slices.Clone(texts[:7]), texts[9:]...) // texts[8] is the new text
	counts, others = emb.embedded(append([]string{newText, q}, old...))
	if counts[0] != 1 || others != 0 || slicesSum(counts[2:]) != 0 {
		t.Fatalf("after the change: new text embedded %d times, old texts %v, others %d; want only the new one, once",
			counts[0], counts[2:], others)
	}
	g.stop()

	// Another dimension under the same model name: nothing stored for it, so everything is embedded.
	emb = newRecordingEmbedder(32, false)
	g = startGateway(t, dbURL, emb)
	g.waitWarm()
	texts = searchTexts(t, dbURL)
	counts, _ = emb.embedded(texts)
	agents := map[string]int{} // agents per text (7 and 8 share one)
	for _, text := range texts {
		agents[text]++
	}
	for i, c := range counts {
		if want := agents[texts[i]]; c != want {
			t.Fatalf("32 dimensions: document %d embedded %d times, want %d (once per agent with its text)", i, c, want)
		}
	}
	if len(g.ids(query)) == 0 {
		t.Fatal("no vector results at 32 dimensions")
	}
}

// TestReadiness_WarmingThenReady starts a gateway whose embedder and scorer are held: it is ready (text and
// filter search answer) while /readyz says vectors and reputation are warming and the searches that need
// them are refused with 503 warming; once released, both turn warm and those searches answer.
func TestReadiness_WarmingThenReady(t *testing.T) {
	dbURL := warmDatabase(t, 40)
	ctx := context.Background()
	lock, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close(ctx)
	if _, err := lock.Exec(ctx, `SELECT pg_advisory_lock($1)`, int64(gateway.ScorerLock)); err != nil {
		t.Fatal(err)
	}

	emb := newRecordingEmbedder(64, true)
	g := startGateway(t, dbURL, emb)
	if r := g.ready(); r.Status != "ready" || r.Vectors != "warming 0%" || r.Reputation != "warming 0%" {
		t.Fatalf("/readyz while held: %+v", r)
	}
	warming := func(path, field string) {
		t.Helper()
		r := g.get(path)
		r.problem(t, http.StatusServiceUnavailable, gateway.CodeWarming)
		var p gateway.Problem
		r.decode(t, &p)
		if p.Field != field || r.Header.Get("Retry-After") != "5" {
			t.Fatalf("%s: field %q, Retry-After %q", path, p.Field, r.Header.Get("Retry-After"))
		}
	}
	warming("/v1/agents?q=invoice&mode=hybrid", "mode")
	warming("/v1/agents?q=invoice", "mode") // hybrid is the default
	warming("/v1/agents?q=invoice&mode=vector&sort=price", "mode")
	warming("/v1/agents", "sort") // sort=reputation is the default without q
	warming("/v1/agents?sort=price&minReputation=10", "minReputation")
	if len(g.ids("/v1/agents?q=invoice&mode=text")) == 0 || len(g.ids("/v1/agents?sort=price&x402=true")) == 0 ||
		len(g.ids("/v1/agents?q=invoice&mode=text&sort=latency")) == 0 {
		t.Fatal("text and filter search found nothing while warming")
	}

	close(emb.gate)
	deadline := time.Now().Add(30 * time.Second)
	for g.ready().Vectors != "warm" {
		if time.Now().After(deadline) {
			t.Fatalf("vectors not warm: %+v", g.ready())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if len(g.ids("/v1/agents?q=invoice&mode=hybrid")) == 0 {
		t.Fatal("hybrid search found nothing once warm")
	}
	if r := g.ready(); r.Reputation == "warm" {
		t.Fatal("reputation warm while the scorer is held")
	}
	warming("/v1/agents", "sort")

	if _, err := lock.Exec(ctx, `SELECT pg_advisory_unlock($1)`, int64(gateway.ScorerLock)); err != nil {
		t.Fatal(err)
	}
	dbExec(t, dbURL, `SELECT pg_notify('agora_indexer', (SELECT block_number::text FROM indexer_state))`) // a block: the scorer runs
	for g.ready().Reputation != "warm" {
		if time.Now().After(deadline) {
			t.Fatalf("reputation not warm: %+v", g.ready())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if len(g.ids("/v1/agents")) == 0 || len(g.ids("/v1/agents?minReputation=1&sort=price")) == 0 {
		t.Fatal("reputation searches found nothing once warm")
	}
}

func metricValue(t *testing.T, reg *prometheus.Registry, name string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	total := 0.0
	for _, mf := range mfs {
		if mf.GetName() == name {
			for _, m := range mf.GetMetric() {
				total += m.GetCounter().GetValue()
			}
		}
	}
	return total
}

func slicesSum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func slices0(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return xs[0]
}
