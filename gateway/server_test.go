package gateway_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/agoralabs/agora/gateway"
	"github.com/agoralabs/agora/internal/pgtest"
)

// bareServer is a gateway on an empty database (no chain): for the HTTP machinery.
func bareServer(t *testing.T, mutate func(*gateway.Config)) *gateway.Server {
	t.Helper()
	cfg := gateway.Config{DatabaseURL: pgtest.New(t), Deployment: benchDeployment(),
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if mutate != nil {
		mutate(&cfg)
	}
	srv, err := gateway.New(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	return srv
}

func TestServer_RateLimit(t *testing.T) {
	srv := bareServer(t, func(c *gateway.Config) { c.RateLimit, c.RateBurst = 1, 3 })
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	codes := map[int]int{}
	var retry string
	for range 6 {
		res, err := http.Get(ts.URL + "/v1/agents/1")
		if err != nil {
			t.Fatal(err)
		}
		codes[res.StatusCode]++
		if res.StatusCode == http.StatusTooManyRequests {
			retry = res.Header.Get("Retry-After")
			if ct := res.Header.Get("Content-Type"); ct != "application/problem+json" {
				t.Fatalf("429 content type %q", ct)
			}
		}
		res.Body.Close()
	}
	if codes[http.StatusNotFound] != 3 || codes[http.StatusTooManyRequests] != 3 || retry == "" {
		t.Fatalf("status counts %v (Retry-After %q): want the burst of 3 served, then 429 with Retry-After", codes, retry)
	}
	// Operator endpoints are not limited.
	for range 5 {
		res, err := http.Get(ts.URL + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Fatalf("/healthz: %d", res.StatusCode)
		}
	}
}

func TestServer_CORS(t *testing.T) {
	srv := bareServer(t, func(c *gateway.Config) { c.CORSOrigins = []string{"https://app.example"} })
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	for _, tc := range []struct {
		origin, want string
	}{
		{"https://app.example", "https://app.example"},
		{"https://evil.example", ""},
	} {
		req, _ := http.NewRequest(http.MethodOptions, ts.URL+"/v1/agents", nil)
		req.Header.Set("Origin", tc.origin)
		req.Header.Set("Access-Control-Request-Method", "GET")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if got := res.Header.Get("Access-Control-Allow-Origin"); got != tc.want {
			t.Fatalf("preflight from %s: Access-Control-Allow-Origin %q, want %q", tc.origin, got, tc.want)
		}
	}
}

func TestServer_QueryAndBodyLimits(t *testing.T) {
	srv := bareServer(t, func(c *gateway.Config) { c.MaxBodyBytes = 100 })
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	res, err := http.Get(ts.URL + "/v1/agents?q=" + strings.Repeat("a", 5000))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusBadRequest {
		t.Fatalf("oversized query string: %d", res.StatusCode)
	}
	// A body without Content-Length (chunked) is cut at the limit too.
	pr, pw := io.Pipe()
	go func() { pw.Write([]byte(`{"typedData":"` + strings.Repeat("x", 1000) + `"}`)); pw.Close() }()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/v1/heartbeats", pr)
	req.Header.Set("Content-Type", "application/json")
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(body), gateway.CodeRequestTooLarge) {
		t.Fatalf("chunked oversized body: %d %s", res.StatusCode, body)
	}
}

func TestServer_GracefulShutdown(t *testing.T) {
	srv := bareServer(t, nil)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, ln, 5*time.Second) }()
	url := "http://" + ln.Addr().String()
	deadline := time.Now().Add(30 * time.Second)
	for {
		res, err := http.Get(url + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("never ready")
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	if _, err := http.Get(url + "/healthz"); err == nil {
		t.Fatal("still serving after shutdown")
	}
}
