package embed_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/agoralabs/agora/embed"
)

const testKey = "sk-test-SECRET-0123456789abcdef"

// fakeOpenAI is an OpenAI-compatible /embeddings endpoint. By default it answers each input with a
// vector derived from the text (so order can be checked), in reverse order with data[].index set.
type fakeOpenAI struct {
	t    *testing.T
	dims int

	mu       sync.Mutex
	requests []fakeRequest
	// respond, when set, answers request number n (0-based) instead of the default.
	respond func(n int, w http.ResponseWriter, req fakeRequest) bool
}

type fakeRequest struct {
	Auth       string
	Path       string
	Model      string   `json:"model"`
	Input      []string `json:"input"`
	Dimensions *int     `json:"dimensions"`
}

func newFake(t *testing.T, dims int) (*fakeOpenAI, *httptest.Server) {
	f := &fakeOpenAI{t: t, dims: dims}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, srv
}

// fakeVector is the un-normalised vector the fake returns for text: (len, byte sum, 1, 1, …).
func fakeVector(text string, dims int) []float64 {
	v := make([]float64, dims)
	for i := range v {
		v[i] = 1
	}
	v[0] = float64(len(text)) + 1
	sum := 0
	for _, c := range []byte(text) {
		sum += int(c)
	}
	if dims > 1 {
		v[1] = float64(sum%1000) + 1
	}
	return v
}

func (f *fakeOpenAI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var req fakeRequest
	body, _ := io.ReadAll(r.Body)
	if err := json.Unmarshal(body, &req); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	req.Auth, req.Path = r.Header.Get("Authorization"), r.URL.Path
	f.mu.Lock()
	n := len(f.requests)
	f.requests = append(f.requests, req)
	respond := f.respond
	f.mu.Unlock()
	if respond != nil && respond(n, w, req) {
		return
	}
	type item struct {
		Object    string    `json:"object"`
		Index     int       `json:"index"`
		Embedding []float64 `json:"embedding"`
	}
	var data []item
	for i := len(req.Input) - 1; i >= 0; i-- {
		data = append(data, item{"embedding", i, fakeVector(req.Input[i], f.dims)})
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"object": "list", "model": req.Model, "data": data})
}

func (f *fakeOpenAI) reqs() []fakeRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]fakeRequest(nil), f.requests...)
}

func newClient(t *testing.T, srv *httptest.Server, mod func(*embed.OpenAIConfig)) *embed.OpenAI {
	t.Helper()
	cfg := embed.OpenAIConfig{BaseURL: srv.URL + "/v1/", Model: "text-embedding-3-small", APIKey: testKey, Dims: 8,
		RetryBackoff: time.Millisecond}
	if mod != nil {
		mod(&cfg)
	}
	c, err := embed.NewOpenAI(cfg)
	if err != nil {
		t.Fatalf("NewOpenAI: %v", err)
	}
	return c
}

func texts(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("agent description number %d", i)
	}
	return out
}

func TestOpenAI_BatchesInOrder(t *testing.T) {
	f, srv := newFake(t, 8)
	c := newClient(t, srv, func(cfg *embed.OpenAIConfig) { cfg.MaxBatch = 64 })
	in := texts(150)
	vs, err := c.Embed(context.Background(), in)
	if err != nil {
		t.Fatalf("Embed: %v", err)
	}
	reqs := f.reqs()
	var sizes []int
	var sent []string
	for _, r := range reqs {
		sizes = append(sizes, len(r.Input))
		sent = append(sent, r.Input...)
		if r.Path != "/v1/embeddings" || r.Model != "text-embedding-3-small" || r.Dimensions == nil || *r.Dimensions != 8 {
			t.Errorf("request to %s model %q dimensions %v; want /v1/embeddings, text-embedding-3-small, 8", r.Path, r.Model, r.Dimensions)
		}
	}
	if fmt.Sprint(sizes) != "[64 64 22]" {
		t.Errorf("batch sizes %v, want [64 64 22]", sizes)
	}
	if strings.Join(sent, "|") != strings.Join(in, "|") {
		t.Errorf("texts sent out of order")
	}
	if len(vs) != len(in) {
		t.Fatalf("%d vectors for %d texts", len(vs), len(in))
	}
	for i, v := range vs {
		want := fakeVector(in[i], 8)
		if len(v) != 8 {
			t.Fatalf("vector %d has %d values", i, len(v))
		}
		// Normalised and in input order: the ratio of the first two values identifies the text.
		if got, w := float64(v[0]/v[1]), want[0]/want[1]; math.Abs(got-w) > 1e-5*w {
			t.Errorf("vector %d: v0/v1 = %v, want %v (answer mapped to the wrong text?)", i, got, w)
		}
		var norm float64
		for _, x := range v {
			norm += float64(x) * float64(x)
		}
		if math.Abs(norm-1) > 1e-5 {
			t.Errorf("vector %d: squared norm %v, want 1", i, norm)
		}
	}
	if c.Model() != "text-embedding-3-small" || c.Dims() != 8 {
		t.Errorf("Model(), Dims() = %q, %d", c.Model(), c.Dims())
	}
}

func TestOpenAI_DefaultBatch(t *testing.T) {
	f, srv := newFake(t, 8)
	c := newClient(t, srv, nil)
	if _, err := c.Embed(context.Background(), texts(65)); err != nil {
		t.Fatal(err)
	}
	if n := len(f.reqs()); n != 2 {
		t.Errorf("65 texts with the default batch (64) took %d requests, want 2", n)
	}
	if _, err := c.Embed(context.Background(), nil); err != nil {
		t.Errorf("Embed(nil): %v", err)
	}
	if n := len(f.reqs()); n != 2 {
		t.Errorf("Embed(nil) sent a request")
	}
}

func TestOpenAI_AuthHeader(t *testing.T) {
	f, srv := newFake(t, 8)
	if _, err := newClient(t, srv, nil).Embed(context.Background(), texts(1)); err != nil {
		t.Fatal(err)
	}
	if _, err := newClient(t, srv, func(c *embed.OpenAIConfig) { c.APIKey = "" }).Embed(context.Background(), texts(1)); err != nil {
		t.Fatal(err)
	}
	r := f.reqs()
	if r[0].Auth != "Bearer "+testKey {
		t.Errorf("Authorization = %q, want Bearer <key>", r[0].Auth)
	}
	if r[1].Auth != "" {
		t.Errorf("Authorization without a key = %q, want none", r[1].Auth)
	}
}

func TestOpenAI_OmitDimensions(t *testing.T) {
	f, srv := newFake(t, 8)
	c := newClient(t, srv, func(c *embed.OpenAIConfig) { c.OmitDimensions = true })
	if _, err := c.Embed(context.Background(), texts(1)); err != nil {
		t.Fatal(err)
	}
	if d := f.reqs()[0].Dimensions; d != nil {
		t.Errorf("dimensions = %d, want it left out", *d)
	}
}

func TestOpenAI_ErrorBody(t *testing.T) {
	f, srv := newFake(t, 8)
	f.respond = func(n int, w http.ResponseWriter, req fakeRequest) bool {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		io.WriteString(w, `{"error":{"message":"This model does not support specifying dimensions.","type":"invalid_request_error","param":null,"code":null}}`)
		return true
	}
	_, err := newClient(t, srv, nil).Embed(context.Background(), texts(3))
	var apiErr *embed.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("Embed: %v, want an *APIError", err)
	}
	if apiErr.StatusCode != 400 || apiErr.Type != "invalid_request_error" || apiErr.Code != "" ||
		apiErr.Message != "This model does not support specifying dimensions." {
		t.Errorf("APIError = %+v", apiErr)
	}
	for _, want := range []string{"status 400", "does not support specifying dimensions", "text-embedding-3-small"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	if n := len(f.reqs()); n != 1 {
		t.Errorf("a 400 was sent %d times, want 1 (no retry)", n)
	}
}

func TestOpenAI_PlainErrorBody(t *testing.T) {
	f, srv := newFake(t, 8)
	f.respond = func(n int, w http.ResponseWriter, req fakeRequest) bool {
		http.Error(w, "model not found", http.StatusNotFound)
		return true
	}
	_, err := newClient(t, srv, nil).Embed(context.Background(), texts(1))
	var apiErr *embed.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 404 || apiErr.Message != "model not found" {
		t.Fatalf("Embed: %v, want a 404 APIError saying model not found", err)
	}
}

func TestOpenAI_RetriesTemporaryErrors(t *testing.T) {
	for _, status := range []int{http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			f, srv := newFake(t, 8)
			f.respond = func(n int, w http.ResponseWriter, req fakeRequest) bool {
				if n < 2 {
					w.Header().Set("Retry-After", "0")
					http.Error(w, `{"error":{"message":"slow down","type":"rate_limit_error"}}`, status)
					return true
				}
				return false
			}
			vs, err := newClient(t, srv, nil).Embed(context.Background(), texts(5))
			if err != nil || len(vs) != 5 {
				t.Fatalf("Embed after two %d answers: %d vectors, %v", status, len(vs), err)
			}
			if n := len(f.reqs()); n != 3 {
				t.Errorf("%d requests, want 3", n)
			}
		})
	}
}

func TestOpenAI_RetriesAreBounded(t *testing.T) {
	f, srv := newFake(t, 8)
	f.respond = func(n int, w http.ResponseWriter, req fakeRequest) bool {
		http.Error(w, `{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}`, http.StatusTooManyRequests)
		return true
	}
	_, err := newClient(t, srv, func(c *embed.OpenAIConfig) { c.MaxRetries = 2 }).Embed(context.Background(), texts(1))
	var apiErr *embed.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 429 || apiErr.Code != "rate_limit_exceeded" {
		t.Fatalf("Embed: %v, want a 429 APIError", err)
	}
	if !strings.Contains(err.Error(), "after 3 attempts") {
		t.Errorf("error %q does not say how many attempts", err)
	}
	if n := len(f.reqs()); n != 3 {
		t.Errorf("%d requests with MaxRetries 2, want 3", n)
	}

	f2, srv2 := newFake(t, 8)
	f2.respond = f.respond
	_, err = newClient(t, srv2, func(c *embed.OpenAIConfig) { c.MaxRetries = -1 }).Embed(context.Background(), texts(1))
	if err == nil || len(f2.reqs()) != 1 {
		t.Errorf("MaxRetries -1: %d requests, err %v; want 1 request and an error", len(f2.reqs()), err)
	}
}

func TestOpenAI_BadResponses(t *testing.T) {
	for _, tc := range []struct {
		name string
		body string
		want string
	}{
		{"wrong dims", `{"data":[{"index":0,"embedding":[1,2,3]}]}`, "3 values, want 8"},
		{"too few", `{"data":[]}`, "0 embeddings for 1 inputs"},
		{"index out of range", `{"data":[{"index":1,"embedding":[1,1,1,1,1,1,1,1]}]}`, "index 1 out of range"},
		{"zero vector", `{"data":[{"index":0,"embedding":[0,0,0,0,0,0,0,0]}]}`, "zero vector"},
		{"not json", `<html>gateway</html>`, "decode response"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, srv := newFake(t, 8)
			f.respond = func(n int, w http.ResponseWriter, req fakeRequest) bool {
				io.WriteString(w, tc.body)
				return true
			}
			_, err := newClient(t, srv, nil).Embed(context.Background(), texts(1))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Embed: %v, want an error containing %q", err, tc.want)
			}
			if n := len(f.reqs()); n != 1 {
				t.Errorf("a bad answer was retried: %d requests", n)
			}
		})
	}
	t.Run("duplicate index", func(t *testing.T) {
		f, srv := newFake(t, 2)
		f.respond = func(n int, w http.ResponseWriter, req fakeRequest) bool {
			io.WriteString(w, `{"data":[{"index":0,"embedding":[1,0]},{"index":0,"embedding":[0,1]}]}`)
			return true
		}
		_, err := newClient(t, srv, func(c *embed.OpenAIConfig) { c.Dims = 2 }).Embed(context.Background(), texts(2))
		if err == nil || !strings.Contains(err.Error(), "repeats embedding index 0") {
			t.Fatalf("Embed: %v, want a repeated-index error", err)
		}
	})
	t.Run("wrong dims is ErrDims", func(t *testing.T) {
		_, srv := newFake(t, 16)
		_, err := newClient(t, srv, nil).Embed(context.Background(), texts(1))
		if !errors.Is(err, embed.ErrDims) {
			t.Fatalf("Embed: %v, want ErrDims", err)
		}
	})
}

func TestOpenAI_KeyNeverInErrors(t *testing.T) {
	// A server that echoes the Authorization header in its error, as some proxies do.
	f, srv := newFake(t, 8)
	f.respond = func(n int, w http.ResponseWriter, req fakeRequest) bool {
		msg, _ := json.Marshal(map[string]any{"error": map[string]string{
			"message": "Incorrect API key provided: " + strings.TrimPrefix(req.Auth, "Bearer "), "type": req.Auth, "code": "invalid_api_key"}})
		w.WriteHeader(http.StatusUnauthorized)
		w.Write(msg)
		return true
	}
	c := newClient(t, srv, nil)
	_, err := c.Embed(context.Background(), texts(1))
	if err == nil {
		t.Fatal("Embed: no error")
	}
	var apiErr *embed.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 401 {
		t.Errorf("Embed: %v, want a 401 APIError", err)
	}
	if strings.Contains(err.Error(), testKey) || (apiErr != nil && strings.Contains(fmt.Sprintf("%+v", *apiErr), testKey)) {
		t.Errorf("error shows the API key: %v", err)
	}
	if !strings.Contains(err.Error(), "[redacted]") {
		t.Errorf("error %q: want the echoed key shown as [redacted]", err)
	}

	// A base URL that carries the key, and a server that is gone: the transport error must not
	// show the URL's secrets either.
	srv2 := httptest.NewServer(http.NotFoundHandler())
	url := srv2.URL
	srv2.Close()
	c2, err := embed.NewOpenAI(embed.OpenAIConfig{BaseURL: url + "/v1?api-key=" + testKey, Model: "m", APIKey: testKey,
		Dims: 8, MaxRetries: 1, RetryBackoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c2.Embed(context.Background(), texts(1))
	if err == nil || strings.Contains(err.Error(), testKey) {
		t.Errorf("transport error %v: want an error without the key", err)
	}

	// Bad config errors do not show it either.
	_, err = embed.NewOpenAI(embed.OpenAIConfig{BaseURL: "ftp://user:" + testKey + "@host/", Model: "m", APIKey: testKey, Dims: 8})
	if err == nil || strings.Contains(err.Error(), testKey) {
		t.Errorf("config error %v: want an error without the key", err)
	}
}

func TestOpenAI_Timeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)
	c, err := embed.NewOpenAI(embed.OpenAIConfig{BaseURL: srv.URL, Model: "m", Dims: 8, Timeout: 20 * time.Millisecond,
		MaxRetries: 1, RetryBackoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Embed(context.Background(), texts(1))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Embed against a server that never answers: %v, want a deadline error", err)
	}
	if !strings.Contains(err.Error(), "after 2 attempts") {
		t.Errorf("error %q: want the timed-out request retried once", err)
	}
}

func TestOpenAI_ContextCanceledWhileWaiting(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	f, srv := newFake(t, 8)
	f.respond = func(n int, w http.ResponseWriter, req fakeRequest) bool {
		cancel()
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return true
	}
	_, err := newClient(t, srv, func(c *embed.OpenAIConfig) { c.RetryBackoff = time.Hour }).Embed(ctx, texts(1))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Embed: %v, want context.Canceled", err)
	}
	if n := len(f.reqs()); n != 1 {
		t.Errorf("%d requests after cancel, want 1", n)
	}
}

func TestNewOpenAI_BadConfig(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  embed.OpenAIConfig
	}{
		{"no url", embed.OpenAIConfig{Model: "m", Dims: 8}},
		{"bad scheme", embed.OpenAIConfig{BaseURL: "ftp://x", Model: "m", Dims: 8}},
		{"no host", embed.OpenAIConfig{BaseURL: "http://", Model: "m", Dims: 8}},
		{"no model", embed.OpenAIConfig{BaseURL: "http://x", Dims: 8}},
		{"no dims", embed.OpenAIConfig{BaseURL: "http://x", Model: "m"}},
		{"negative batch", embed.OpenAIConfig{BaseURL: "http://x", Model: "m", Dims: 8, MaxBatch: -1}},
		{"negative timeout", embed.OpenAIConfig{BaseURL: "http://x", Model: "m", Dims: 8, Timeout: -time.Second}},
	} {
		if c, err := embed.NewOpenAI(tc.cfg); err == nil {
			t.Errorf("%s: NewOpenAI(%+v) = %v, want an error", tc.name, tc.cfg, c)
		}
	}
}
