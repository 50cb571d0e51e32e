package explorer

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeAPI answers the explorer's API calls from a table of path -> (status, body); the real gateway behind
// it is tested in cmd/agora's browser test.
type fakeAPI map[string]struct {
	status int
	body   string
}

func (f fakeAPI) call(calls *[]string) API {
	return func(_ *http.Request, path string) (int, []byte, error) {
		*calls = append(*calls, path)
		if r, ok := f[path]; ok {
			return r.status, []byte(r.body), nil
		}
		return http.StatusNotFound, []byte(`{"code":"not_found","detail":"no such thing"}`), nil
	}
}

func serve(t *testing.T, api API, path string) (*http.Response, string) {
	t.Helper()
	x, err := New(Config{API: api})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	x.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

func TestAgentsPage(t *testing.T) {
	var calls []string
	api := fakeAPI{
		"/v1/agents?language=vi&limit=20&q=invoice+ocr": {200, `{"agents":[
			{"agentId":"7","name":"HóaĐơn OCR","price":"12000","p95LatencyMs":150,"reputation":{"score":76.5},
			 "capabilities":[{"index":0,"name":"Vietnamese invoice OCR","pricing":{}}],"live":{"status":"online"}},
			{"agentId":"8","name":"<script>alert(1)</script>","price":"30000","capabilities":[]}],
			"nextCursor":"abc","query":{}}`},
	}.call(&calls)
	res, body := serve(t, api, "/agents?q=invoice+ocr&language=vi&bogus=1")
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("%d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if len(calls) != 1 || calls[0] != "/v1/agents?language=vi&limit=20&q=invoice+ocr" {
		t.Fatalf("API calls %v: the search passes the known parameters only", calls)
	}
	for _, want := range []string{`<a href="/agents/7">HóaĐơn OCR</a>`, "0.012", "Vietnamese invoice OCR", "online",
		`&lt;script&gt;alert(1)&lt;/script&gt;`, `rel="next" href="/agents?cursor=abc&amp;language=vi&amp;q=invoice&#43;ocr"`,
		`value="invoice ocr"`, "2 agents on this page"} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(body, "<script>alert(1)") {
		t.Error("an agent's name reached the page unescaped")
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
}

func TestAgentPage(t *testing.T) {
	var calls []string
	api := fakeAPI{
		"/v1/agents/7": {200, `{"id":"eip155:31337:0x5FbDB2315678afecb367f032d93F642f64180aa3:7","agentId":"7",
			"owner":"0x1111111111111111111111111111111111111111","wallet":"0x2222222222222222222222222222222222222222",
			"agentUri":"data:application/json;base64,eyJuYW1lIjoiSG9hRG9uIn0=","registeredBlock":8,"registeredAt":"2026-12-06T10:00:00Z",
			"registration":{"name":"HóaĐơn OCR","description":"Reads invoices."},"registrationFile":{"name":"HóaĐơn OCR"},
			"capabilities":[{"index":0,"name":"Vietnamese invoice OCR","tags":["ocr","vat"],"languages":["vi","en"],
				"pricing":{"amount":"12000","symbol":"USDC","model":"per_call"},"sla":{"p95LatencyMs":150}}],
			"capabilityProblems":[],"metadata":[],"live":null,"reputation":{"score":76},"jobs":{"total":1,"byStatus":{"completed":1}}}`},
		"/v1/agents/7/reputation": {200, `{"agentId":"7","score":76.04,"confidence":0.6,"method":"agora-reputation-v1","blockNumber":26,
			"components":[{"name":"feedback","value":86.25,"weight":0.31,"contribution":26.76,"detail":"weighted mean"}],
			"flags":[{"code":"single_reviewer_dominance","severity":"warn","detail":"one reviewer"}]}`},
		"/v1/agents/7/feedback?limit=50": {200, `{"items":[{"client":"0xa2fa1eE8a92A954423e6F7611a5755391bb67fEE","feedbackIndex":"1",
			"value":"98","valueDecimals":0,"tag1":"accuracy","revoked":false,"time":"2026-12-06T10:01:00Z",
			"txHash":"0x419d000000000000000000000000000000000000000000000000000000005f92"}],"nextCursor":null}`},
		"/v1/agents/7/jobs?limit=20": {200, `{"items":[{"jobId":"3","status":"completed","client":"0xa2fa1eE8a92A954423e6F7611a5755391bb67fEE",
			"budget":"53680000","paidToProvider":"53680000","refunded":"0","statusAt":"2026-12-06T10:02:00Z",
			"agreementHash":"0x73d9a44f23936390479ae5e71178fb1d8ad1c1789598594c56c1384983ce7478"}],"nextCursor":null}`},
	}.call(&calls)
	res, body := serve(t, api, "/agents/7")
	if res.StatusCode != 200 {
		t.Fatalf("%d\n%s", res.StatusCode, body)
	}
	for _, want := range []string{"<title>HóaĐơn OCR · Agora</title>", "Reads invoices.", "0x2222222222222222222222222222222222222222",
		"data:application/json;base64,… (24 bytes inline)", "Vietnamese invoice OCR", "0.012 USDC", "150 ms",
		"76.04", "single_reviewer_dominance", "weighted mean", `data-chart="feedback"`, "accuracy",
		`href="/agreements/0x73d9a44f23936390479ae5e71178fb1d8ad1c1789598594c56c1384983ce7478"`, "53.68", "No validation.",
		"No live heartbeat."} {
		if !strings.Contains(body, want) {
			t.Errorf("the agent page lacks %q", want)
		}
	}
	// The feedback chart's points travel as escaped JSON in an attribute.
	if !strings.Contains(body, `data-points="[{&#34;client&#34;:`) {
		t.Error("the feedback chart has no data")
	}
}

func TestErrorPage(t *testing.T) {
	var calls []string
	res, body := serve(t, fakeAPI{}.call(&calls), "/agents/999")
	if res.StatusCode != 404 || !strings.Contains(body, "not_found") || !strings.Contains(body, "no such thing") {
		t.Fatalf("%d\n%s", res.StatusCode, body)
	}
	failing := func(*http.Request, string) (int, []byte, error) { return 0, nil, io.ErrUnexpectedEOF }
	if res, _ := serve(t, failing, "/rfqs/0x01"); res.StatusCode != http.StatusBadGateway {
		t.Fatalf("a gateway that does not answer: %d, want 502", res.StatusCode)
	}
	if res, _ := serve(t, fakeAPI{}.call(&calls), "/nowhere"); res.StatusCode != 404 {
		t.Fatalf("an unknown page: %d", res.StatusCode)
	}
}

func TestAssets(t *testing.T) {
	for path, ctype := range map[string]string{"/assets/app.js": "text/javascript", "/assets/app.css": "text/css",
		"/assets/vendor/uPlot.iife.min.js": "text/javascript", "/assets/vendor/uPlot.min.css": "text/css"} {
		var calls []string
		res, body := serve(t, fakeAPI{}.call(&calls), path)
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), ctype) || len(body) == 0 {
			t.Errorf("%s: %d %s (%d bytes)", path, res.StatusCode, res.Header.Get("Content-Type"), len(body))
		}
	}
}

// TestVendoredAssetsUnchanged holds the vendored uPlot files to the checksums scripts/explorer-assets.sh wrote
// when it took them from the npm registry.
func TestVendoredAssetsUnchanged(t *testing.T) {
	dir := filepath.Join("assets", "vendor")
	f, err := os.Open(filepath.Join(dir, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || strings.HasPrefix(sum, "#") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		got := sha256.Sum256(data)
		if hex.EncodeToString(got[:]) != sum {
			t.Errorf("%s differs from what scripts/explorer-assets.sh vendored", name)
		}
		n++
	}
	if n != 3 {
		t.Fatalf("%d checksums, want 3", n)
	}
}

func TestFuncs(t *testing.T) {
	for in, want := range map[string]string{"0": "0", "12000": "0.012", "53680000": "53.68", "1000000": "1", "-1500000": "-1.5",
		"115792089237316195423570985008687907853269984665640564039457584007913129639935": "115792089237316195423570985008687907853269984665640564039457584007913129.639935",
		"abc": "abc"} {
		if got := amount(in); got != want {
			t.Errorf("amount(%s) = %s, want %s", in, got, want)
		}
	}
	if got := short("0x73d9a44f23936390479ae5e71178fb1d8ad1c1789598594c56c1384983ce7478"); got != "0x73d9…7478" {
		t.Errorf("short = %s", got)
	}
	if got := uri("https://example.com/a.json"); got != "https://example.com/a.json" {
		t.Errorf("uri = %s", got)
	}
	if got := ago(time.Now().Add(-90 * time.Second).Format(time.RFC3339)); got != "1m ago" {
		t.Errorf("ago = %s", got)
	}
	if got := str(json.Number("42")); got != "42" {
		t.Errorf("str = %s", got)
	}
	if got := dig(map[string]any{"a": map[string]any{"b": "c"}}, "a", "b"); got != "c" {
		t.Errorf("dig = %v", got)
	}
}

// TestAgentsPage_Warming: a gateway that has just started refuses the reputation order (503 warming); the
// page falls back to price and says so.
func TestAgentsPage_Warming(t *testing.T) {
	var calls []string
	api := fakeAPI{
		"/v1/agents?limit=20":            {503, `{"code":"warming","detail":"reputation is warming"}`},
		"/v1/agents?limit=20&sort=price": {200, `{"agents":[{"agentId":"3","name":"Cheap","price":"1000","capabilities":[]}],"nextCursor":null}`},
	}.call(&calls)
	res, body := serve(t, api, "/agents")
	if res.StatusCode != 200 || !strings.Contains(body, "sorted by price meanwhile") || !strings.Contains(body, ">Cheap</a>") {
		t.Fatalf("%d %v\n%s", res.StatusCode, calls, body)
	}
	// A text query while the vectors warm: text matches only.
	res, body = serve(t, fakeAPI{
		"/v1/agents?limit=20&q=ocr":           {503, `{"code":"warming","detail":"vectors warming 40%"}`},
		"/v1/agents?limit=20&mode=text&q=ocr": {200, `{"agents":[{"agentId":"4","name":"Scanner","capabilities":[]}],"nextCursor":null}`},
	}.call(&calls), "/agents?q=ocr")
	if res.StatusCode != 200 || !strings.Contains(body, "text matches only meanwhile") || !strings.Contains(body, ">Scanner</a>") {
		t.Fatalf("text query while warming: %d\n%s", res.StatusCode, body)
	}
	// An explicit minimum reputation cannot be answered another way: the problem is shown.
	res, _ = serve(t, fakeAPI{"/v1/agents?limit=20&minReputation=50": {503, `{"code":"warming","detail":"warming"}`}}.call(&calls),
		"/agents?minReputation=50")
	if res.StatusCode != 503 {
		t.Fatalf("minReputation while warming: %d, want the 503", res.StatusCode)
	}
}
