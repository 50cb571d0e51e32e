package gateway_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/agoralabs/agora/gateway"
	"github.com/agoralabs/agora/seed"
)

type searchResult struct {
	Agents []struct {
		ID           string                   `json:"id"`
		AgentID      string                   `json:"agentId"`
		Name         string                   `json:"name"`
		Owner        string                   `json:"owner"`
		X402Support  bool                     `json:"x402Support"`
		Price        *string                  `json:"price"`
		P95LatencyMs *int64                   `json:"p95LatencyMs"`
		Live         *json.RawMessage         `json:"live"`
		Reputation   *struct{ Score float64 } `json:"reputation"`
		Capabilities []map[string]any         `json:"capabilities"`
		Rank         struct {
			Score  *float64 `json:"score"`
			Text   *float64 `json:"text"`
			Vector *float64 `json:"vector"`
		} `json:"rank"`
	} `json:"agents"`
	NextCursor *string `json:"nextCursor"`
	Query      struct {
		Corrected []string `json:"corrected"`
	} `json:"query"`
}

func (e *env) search(t *testing.T, query string) searchResult {
	t.Helper()
	r := e.get("/v1/agents?" + query)
	if r.Status != http.StatusOK {
		t.Fatalf("search %q: status %d: %s", query, r.Status, r.Body)
	}
	var s searchResult
	r.decode(t, &s)
	return s
}

// agentByFile returns the seeded agent registered from testdata/agents/<file>.
func (e *env) agentByFile(t *testing.T, file string) seed.Agent {
	t.Helper()
	for _, a := range e.seeded.Agents {
		if a.File == file {
			return a
		}
	}
	t.Fatalf("no seeded agent from %s", file)
	return seed.Agent{}
}

func ids(s searchResult) []string {
	out := make([]string, len(s.Agents))
	for i, a := range s.Agents {
		out[i] = a.AgentID
	}
	return out
}

// TestGateway runs every endpoint against one real stack: anvil with the seeded testdata agents and their
// history, the real indexer filling PostgreSQL, and the gateway over HTTP. Every response is validated
// against the OpenAPI document.
func TestGateway(t *testing.T) {
	e := setup(t)
	vn := e.agentByFile(t, "01-vietnamese-invoice-ocr.json")

	t.Run("Search/TextFindsTheRightAgentFirst", func(t *testing.T) {
		e := e.with(t)
		for _, mode := range []string{"text", "vector", "hybrid"} {
			s := e.search(t, "q="+url.QueryEscape("vietnamese invoice ocr")+"&mode="+mode)
			if len(s.Agents) == 0 || s.Agents[0].AgentID != vn.AgentID.String() {
				t.Fatalf("mode %s: first result %v, want agent %s (%s)", mode, ids(s), vn.AgentID, vn.File)
			}
			if mode != "vector" && s.Agents[0].Rank.Text == nil {
				t.Fatalf("mode %s: no text score", mode)
			}
			if mode != "text" && s.Agents[0].Rank.Vector == nil {
				t.Fatalf("mode %s: no vector score", mode)
			}
		}
	})

	t.Run("Search/TyposAreCorrected", func(t *testing.T) {
		e := e.with(t)
		s := e.search(t, "q="+url.QueryEscape("vietnamse invioce")+"&mode=text")
		if len(s.Agents) == 0 || s.Agents[0].AgentID != vn.AgentID.String() {
			t.Fatalf("first result %v, want %s (corrected %v)", ids(s), vn.AgentID, s.Query.Corrected)
		}
		if len(s.Query.Corrected) != 2 {
			t.Fatalf("corrected %v, want both words", s.Query.Corrected)
		}
	})

	t.Run("Search/TheBuyersQuestion", func(t *testing.T) {
		e := e.with(t)
		// "an OCR service for Vietnamese invoices, under 200 ms p95, HIPAA controls, paid in USDC, reputation above 40"
		q := "q=" + url.QueryEscape("ocr invoices") + "&language=vi&maxLatencyMs=200&compliance=hipaa&token=USDC&minReputation=40"
		s := e.search(t, q)
		if !slices.Contains(ids(s), vn.AgentID.String()) {
			t.Fatalf("results %v do not include %s", ids(s), vn.AgentID)
		}
		for _, a := range s.Agents {
			if a.Reputation == nil || a.Reputation.Score < 40 {
				t.Fatalf("agent %s has reputation %v, want >= 40", a.AgentID, a.Reputation)
			}
			ok := false
			for _, c := range a.Capabilities {
				ok = ok || capabilityMeets(c, "vi", 200, "hipaa", "USDC")
			}
			if !ok {
				t.Fatalf("agent %s: no capability meets every filter: %v", a.AgentID, a.Capabilities)
			}
		}
	})

	t.Run("Search/FiltersExclude", func(t *testing.T) {
		e := e.with(t)
		all := e.search(t, "limit=100")
		for _, tc := range []struct{ query, why string }{
			{"compliance=hipaa&dataClass=phi", "HIPAA and PHI"},
			{"maxLatencyMs=100", "fast"},
			{"token=tUSD&maxPrice=1000", "cheap in tUSD"},
			{"x402=true", "x402"},
			{"jurisdiction=EU", "EU"},
			{"input=image%2Fpng", "PNG input"},
		} {
			s := e.search(t, tc.query+"&limit=100")
			if len(s.Agents) == 0 || len(s.Agents) >= len(all.Agents) {
				t.Fatalf("%s (%s): %d results of %d: a filter must keep some and drop some", tc.query, tc.why,
					len(s.Agents), len(all.Agents))
			}
			var want int64
			switch tc.query {
			case "x402=true":
				want = e.count(`SELECT count(*) FROM agent_profiles WHERE x402_support`)
			case "maxLatencyMs=100":
				want = e.count(`SELECT count(DISTINCT agent_id) FROM agent_capabilities WHERE p95_ms <= 100`)
			default:
				continue
			}
			if int64(len(s.Agents)) != want {
				t.Fatalf("%s: %d results, the tables hold %d", tc.query, len(s.Agents), want)
			}
		}
	})

	t.Run("Search/PaginationIsStableAndComplete", func(t *testing.T) {
		e := e.with(t)
		for _, tc := range []struct {
			query   string
			atLeast int
		}{
			{"sort=price", 30}, {"sort=reputation", 30}, {"sort=latency", 30},
			{"q=ocr&mode=text", 3}, {"q=invoice+extraction&mode=hybrid", 10}, {"q=translation&mode=vector", 30},
			{"compliance=hipaa&sort=price", 3}, {"q=ocr&mode=hybrid&sort=price", 3},
		} {
			full := e.search(t, tc.query+"&limit=100")
			var paged []string
			cursor := ""
			for pages := 0; ; pages++ {
				if pages > 50 {
					t.Fatal("too many pages")
				}
				q := tc.query + "&limit=7"
				if cursor != "" {
					q += "&cursor=" + url.QueryEscape(cursor)
				}
				s := e.search(t, q)
				paged = append(paged, ids(s)...)
				if s.NextCursor == nil {
					break
				}
				cursor = *s.NextCursor
			}
			if !slices.Equal(paged, ids(full)) {
				t.Fatalf("%s: pages give %v, one page gives %v", tc.query, paged, ids(full))
			}
			if len(slices.Compact(slices.Sorted(slices.Values(paged)))) != len(paged) {
				t.Fatalf("%s: an agent appears twice: %v", tc.query, paged)
			}
			if len(full.Agents) < tc.atLeast {
				t.Fatalf("%s: %d agents, want at least %d", tc.query, len(full.Agents), tc.atLeast)
			}
		}
	})

	t.Run("Search/BadInput", func(t *testing.T) {
		e := e.with(t)
		first := e.search(t, "sort=price&limit=2")
		for _, tc := range []struct {
			query  string
			status int
			code   string
		}{
			{"colour=red", 400, gateway.CodeInvalidQuery},
			{"limit=0", 400, gateway.CodeInvalidQuery},
			{"limit=1000", 400, gateway.CodeInvalidQuery},
			{"sort=best", 400, gateway.CodeInvalidQuery},
			{"sort=relevance", 400, gateway.CodeInvalidQuery},
			{"owner=0x123", 400, gateway.CodeInvalidQuery},
			{"maxPrice=-1", 400, gateway.CodeInvalidQuery},
			{"minReputation=101", 400, gateway.CodeInvalidQuery},
			{"dataClass=secret", 400, gateway.CodeInvalidQuery},
			{"x402=yes", 400, gateway.CodeInvalidQuery},
			{"q=a&q=b", 400, gateway.CodeInvalidQuery},
			{"q=" + strings.Repeat("x", 300), 400, gateway.CodeQueryTooLong},
			{"q=" + strings.Repeat("x", 5000), 400, gateway.CodeQueryTooLong},
			{"cursor=garbage", 400, gateway.CodeInvalidCursor},
			{"sort=reputation&cursor=" + url.QueryEscape(*first.NextCursor), 400, gateway.CodeInvalidCursor},
		} {
			e.get("/v1/agents?"+tc.query).problem(t, tc.status, tc.code)
		}
	})

	t.Run("Detail", func(t *testing.T) {
		e := e.with(t)
		var local, global map[string]any
		e.get("/v1/agents/"+vn.AgentID.String()).decode(t, &local)
		gid := fmt.Sprintf("eip155:%d:%s:%s", e.dep.ChainID, e.dep.Contracts.IdentityRegistry.Address.Hex(), vn.AgentID)
		e.get("/v1/agents/"+url.PathEscape(gid)).decode(t, &global)
		if local["id"] != gid || global["agentId"] != vn.AgentID.String() {
			t.Fatalf("ids: local %v, global %v, want %s", local["id"], global["agentId"], gid)
		}
		if local["wallet"] != strings.ToLower(addressOf(vn.Wallet).Hex()) {
			t.Fatalf("wallet %v, want %s", local["wallet"], addressOf(vn.Wallet).Hex())
		}
		reg := local["registration"].(map[string]any)
		if reg["name"] != "HóaĐơn OCR" {
			t.Fatalf("registration name %v", reg["name"])
		}
		if caps := local["capabilities"].([]any); len(caps) < 1 {
			t.Fatal("no capabilities")
		}
		jobs := local["jobs"].(map[string]any)
		if jobs["total"].(float64) != float64(e.count(`SELECT count(*) FROM escrow_jobs j JOIN agents a ON a.agent_wallet = j.provider
			WHERE a.agent_id = $1::text::numeric`, vn.AgentID.String())) {
			t.Fatalf("jobs %v", jobs)
		}
		other := fmt.Sprintf("eip155:%d:%s:%s", e.dep.ChainID+1, e.dep.Contracts.IdentityRegistry.Address.Hex(), vn.AgentID)
		e.get("/v1/agents/"+url.PathEscape(other)).problem(t, 404, gateway.CodeUnknownRegistry)
		e.get("/v1/agents/eip155:1:0xzz:1").problem(t, 400, gateway.CodeInvalidAgentID)
		e.get("/v1/agents/007").problem(t, 400, gateway.CodeInvalidAgentID)
		e.get("/v1/agents/abc").problem(t, 400, gateway.CodeInvalidAgentID)
		e.get("/v1/agents/999999").problem(t, 404, gateway.CodeAgentNotFound)
		e.get("/v1/agents/1?x=1").problem(t, 400, gateway.CodeInvalidQuery)
	})

	t.Run("Detail/InvalidDeclarationsAreReported", func(t *testing.T) {
		e := e.with(t)
		bad := e.agentByFile(t, "invalid-pricing.json")
		var d struct {
			Capabilities       []any `json:"capabilities"`
			CapabilityProblems []struct {
				Index int    `json:"index"`
				Path  string `json:"path"`
			} `json:"capabilityProblems"`
		}
		e.get("/v1/agents/"+bad.AgentID.String()).decode(t, &d)
		if len(d.CapabilityProblems) == 0 || len(d.Capabilities) == 0 {
			t.Fatalf("capabilities %d, problems %v: want the valid ones kept and the invalid ones reported",
				len(d.Capabilities), d.CapabilityProblems)
		}
	})

	t.Run("Lists", func(t *testing.T) {
		e := e.with(t)
		target := e.seeded.SybilTarget.String()
		for _, tc := range []struct{ kind, sql string }{
			{"feedback", `SELECT count(*) FROM feedback WHERE agent_id = $1::text::numeric`},
			{"validations", `SELECT count(*) FROM validations WHERE agent_id = $1::text::numeric`},
			{"jobs", `SELECT count(*) FROM escrow_jobs j JOIN agents a ON a.agent_wallet = j.provider WHERE a.agent_id = $1::text::numeric`},
		} {
			want := e.count(tc.sql, target)
			if want == 0 && tc.kind != "validations" {
				t.Fatalf("%s: the seeded history has none for agent %s", tc.kind, target)
			}
			var got []json.RawMessage
			cursor := ""
			for {
				path := "/v1/agents/" + target + "/" + tc.kind + "?limit=3"
				if cursor != "" {
					path += "&cursor=" + url.QueryEscape(cursor)
				}
				var p struct {
					Items      []json.RawMessage `json:"items"`
					NextCursor *string           `json:"nextCursor"`
				}
				e.get(path).decode(t, &p)
				got = append(got, p.Items...)
				if p.NextCursor == nil {
					break
				}
				cursor = *p.NextCursor
			}
			if int64(len(got)) != want {
				t.Fatalf("%s: %d items over all pages, want %d", tc.kind, len(got), want)
			}
			seen := map[string]bool{}
			for _, it := range got {
				if seen[string(it)] {
					t.Fatalf("%s: item twice: %s", tc.kind, it)
				}
				seen[string(it)] = true
			}
			e.get("/v1/agents/"+target+"/"+tc.kind+"?cursor=xyz").problem(t, 400, gateway.CodeInvalidCursor)
			e.get("/v1/agents/999999/"+tc.kind).problem(t, 404, gateway.CodeAgentNotFound)
		}
	})

	t.Run("Reputation/SybilsAreFlaggedAndDiscounted", func(t *testing.T) {
		e := e.with(t)
		var r struct {
			Score      float64 `json:"score"`
			Method     string  `json:"method"`
			Components []struct {
				Name string `json:"name"`
			} `json:"components"`
			Flags []struct {
				Code string `json:"code"`
			} `json:"flags"`
		}
		e.get("/v1/agents/"+e.seeded.SybilTarget.String()+"/reputation").decode(t, &r)
		var codes []string
		for _, f := range r.Flags {
			codes = append(codes, f.Code)
		}
		if !slices.Contains(codes, "fresh_reviewer_burst") {
			t.Fatalf("flags %v, want fresh_reviewer_burst", codes)
		}
		var plain float64
		if err := e.db.QueryRow(context.Background(), `SELECT avg(value / 10 ^ value_decimals) FROM feedback
			WHERE agent_id = $1::text::numeric AND NOT is_revoked`, e.seeded.SybilTarget.String()).Scan(&plain); err != nil {
			t.Fatal(err)
		}
		if r.Score >= plain-10 {
			t.Fatalf("score %.2f, plain average %.2f: the Sybil reviews should barely count", r.Score, plain)
		}
		if r.Method == "" || len(r.Components) < 5 {
			t.Fatalf("method %q, %d components: want the method and every component", r.Method, len(r.Components))
		}
		// Same inputs, same report.
		a, b := e.get("/v1/agents/"+vn.AgentID.String()+"/reputation"), e.get("/v1/agents/"+vn.AgentID.String()+"/reputation")
		if string(a.Body) != string(b.Body) {
			t.Fatal("two reads of one report differ")
		}
	})

	t.Run("Freshness", func(t *testing.T) { testFreshness(t, e.with(t)) })

	t.Run("RegistrationFetch", func(t *testing.T) { testRegistrationFetch(t, e.with(t)) })

	t.Run("TypedData", func(t *testing.T) { testTypedData(t, e.with(t)) })

	t.Run("Jobs", func(t *testing.T) { testJobs(t, e.with(t)) })

	t.Run("Status", func(t *testing.T) { testStatus(t, e.with(t)) })

	t.Run("ReputationHistory", func(t *testing.T) {
		testReputationHistory(t, e.with(t), e.seeded.Agents[0].AgentID.String())
	})

	t.Run("Operator", func(t *testing.T) {
		e := e.with(t)
		for _, path := range []string{"/healthz", "/readyz", "/openapi.json", "/v1/schemas/capability-v1.json", "/v1/eip712/heartbeat"} {
			if r := e.get(path); r.Status != 200 {
				t.Fatalf("%s: %d %s", path, r.Status, r.Body)
			}
		}
		m := e.get("/metrics")
		if !strings.Contains(string(m.Body), "agora_gateway_request_duration_seconds") {
			t.Fatal("metrics lack the request histogram")
		}
		e.get("/nowhere").problem(t, 404, gateway.CodeNotFound)
		e.do(http.MethodDelete, "/v1/agents", "", nil).problem(t, 405, gateway.CodeMethodNotAllowed)
	})
}

// capabilityMeets checks a returned declaration against the buyer's question.
func capabilityMeets(c map[string]any, lang string, maxP95 float64, attestation, symbol string) bool {
	langs, _ := c["languages"].([]any)
	okLang := false
	for _, l := range langs {
		s, _ := l.(string)
		okLang = okLang || strings.EqualFold(s, lang) || strings.HasPrefix(strings.ToLower(s), lang+"-")
	}
	sla, _ := c["sla"].(map[string]any)
	p95, _ := sla["p95LatencyMs"].(float64)
	comp, _ := c["compliance"].(map[string]any)
	atts, _ := comp["attestations"].([]any)
	okAtt := false
	for _, a := range atts {
		okAtt = okAtt || a == attestation
	}
	pricing, _ := c["pricing"].(map[string]any)
	sym, _ := pricing["symbol"].(string)
	return okLang && p95 > 0 && p95 <= maxP95 && okAtt && strings.EqualFold(sym, symbol)
}
