package regfile_test

import (
	"context"
	"encoding/base64"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/agoralabs/agora/indexer/regfile"
)

// testConfig is a Config for httptest servers: guard off, fast retries.
func testConfig() regfile.Config {
	return regfile.Config{AllowPrivate: true, Timeout: 5 * time.Second, Backoff: time.Millisecond}
}

var readFile = os.ReadFile

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := readFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// wantCode fails unless err is an *Error with the given code.
func wantCode(t *testing.T, err error, code string) *regfile.Error {
	t.Helper()
	if err == nil {
		t.Fatalf("err = nil, want code %s", code)
	}
	e := regfile.AsError(err)
	if e == nil {
		t.Fatalf("err = %v (%T), want *regfile.Error", err, err)
	}
	if e.Code != code {
		t.Fatalf("code = %s (%v), want %s", e.Code, e, code)
	}
	return e
}

// serveBytes returns a server that answers every request with body and counts the requests.
func serveBytes(t *testing.T, body []byte) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

func TestFetcher_Fetch_HTTPS(t *testing.T) {
	body := readTestdata(t, "valid.json")
	var gotUA string
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotUA = r.Header.Get("User-Agent")
		_, _ = w.Write(body)
	}))
	defer srv.Close()
	cfg := testConfig()
	cfg.RootCAs = srv.Client().Transport.(*http.Transport).TLSClientConfig.RootCAs
	cfg.UserAgent = "agora-test"
	f := regfile.New(cfg)
	raw, attempts, err := f.FetchAttempts(t.Context(), srv.URL+"/agent.json#frag")
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	if string(raw) != string(body) || attempts != 1 {
		t.Errorf("Fetch = %d bytes in %d attempts, want %d bytes in 1", len(raw), attempts, len(body))
	}
	if gotUA != "agora-test" {
		t.Errorf("User-Agent = %q, want agora-test", gotUA)
	}
	reg, err := regfile.Parse(raw)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if reg.Name != "Weather Agent" {
		t.Errorf("Name = %q, want Weather Agent", reg.Name)
	}
}

func TestFetcher_Fetch_PlainHTTPWhenAllowed(t *testing.T) {
	srv, _ := serveBytes(t, []byte(`{"name":"x"}`))
	raw, err := regfile.New(testConfig()).Fetch(t.Context(), srv.URL)
	if err != nil || string(raw) != `{"name":"x"}` {
		t.Fatalf("Fetch = %q, %v", raw, err)
	}
}

func TestFetcher_Fetch_DataURI(t *testing.T) {
	doc := `{"type":"https://eips.ethereum.org/EIPS/eip-8004#registration-v1","name":"Ünïcode 100% <ok>"}`
	tests := []struct {
		name, uri string
	}{
		{"base64", "data:application/json;base64," + base64.StdEncoding.EncodeToString([]byte(doc))},
		{"base64 url alphabet unpadded", "data:application/json;base64," + base64.RawURLEncoding.EncodeToString([]byte(doc))},
		{"base64 with charset and line breaks", "data:application/json;charset=utf-8;base64," +
			wrap(base64.StdEncoding.EncodeToString([]byte(doc)), 20)},
		{"base64 percent-encoded", "data:application/json;base64," +
			url.QueryEscape(base64.StdEncoding.EncodeToString([]byte(doc)))},
		{"percent-encoded", "data:application/json," + url.PathEscape(doc)},
		{"raw text with literal percent", "data:application/json;utf8," + doc},
		{"no media type", "data:," + url.PathEscape(doc)},
		{"upper-case scheme and type", "DATA:Application/JSON;BASE64," + base64.StdEncoding.EncodeToString([]byte(doc))},
		{"ld+json", "data:application/ld+json;base64," + base64.StdEncoding.EncodeToString([]byte(doc))},
	}
	f := regfile.New(regfile.Config{}) // guard on: a data: URI never touches the network
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if f.NeedsNetwork(tt.uri) {
				t.Errorf("NeedsNetwork(%.40q) = true, want false", tt.uri)
			}
			raw, attempts, err := f.FetchAttempts(t.Context(), tt.uri)
			if err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			if string(raw) != doc || attempts != 1 {
				t.Errorf("Fetch = %q in %d attempts, want %q in 1", raw, attempts, doc)
			}
		})
	}
}

func wrap(s string, n int) string {
	var b strings.Builder
	for len(s) > n {
		b.WriteString(s[:n] + "\r\n")
		s = s[n:]
	}
	b.WriteString(s)
	return b.String()
}

func TestFetcher_Fetch_BadURI(t *testing.T) {
	big := strings.Repeat("A", 2<<20)
	tests := []struct {
		name, uri, code string
	}{
		{"empty", "", regfile.CodeEmptyURI},
		{"blank", " \t\n", regfile.CodeEmptyURI},
		{"no scheme", "agent.json", regfile.CodeUnsupportedScheme},
		{"ftp", "ftp://agent.example/a.json", regfile.CodeUnsupportedScheme},
		{"arweave", "ar://abc", regfile.CodeUnsupportedScheme},
		{"ipfs without gateway", "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi", regfile.CodeUnsupportedScheme},
		{"plain http refused", "http://agent.example/a.json", regfile.CodeUnsupportedScheme},
		{"https without host", "https:///a.json", regfile.CodeBadURI},
		{"data without comma", "data:application/json;base64", regfile.CodeBadDataURI},
		{"data image", "data:image/png;base64,iVBORw0KGgo=", regfile.CodeBadDataURI},
		{"data bad base64", "data:application/json;base64,!!!!", regfile.CodeBadDataURI},
		{"data too large base64", "data:application/json;base64," + big, regfile.CodeTooLarge},
		{"data too large text", "data:application/json," + big, regfile.CodeTooLarge},
	}
	f := regfile.New(regfile.Config{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := f.FetchAttempts(t.Context(), tt.uri)
			e := wantCode(t, err, tt.code)
			if e.Temporary {
				t.Errorf("Temporary = true, want false")
			}
		})
	}
}

// TestFetcher_Fetch_TooLarge streams 50 MB and checks that the fetcher stops at MaxBytes and that the
// server could not write the whole body.
func TestFetcher_Fetch_TooLarge(t *testing.T) {
	const total = 50 << 20
	for _, withLength := range []bool{false, true} {
		name := "chunked"
		if withLength {
			name = "content-length"
		}
		t.Run(name, func(t *testing.T) {
			var written, hits atomic.Int64
			handlerDone := make(chan struct{}, 8)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				defer func() { handlerDone <- struct{}{} }()
				hits.Add(1)
				if withLength {
					w.Header().Set("Content-Length", "52428800")
				}
				chunk := []byte(strings.Repeat(" ", 32<<10))
				for written.Load() < total {
					n, err := w.Write(chunk)
					written.Add(int64(n))
					if err != nil {
						return
					}
				}
			}))
			defer srv.Close()
			f := regfile.New(testConfig())
			_, attempts, err := f.FetchAttempts(t.Context(), srv.URL)
			e := wantCode(t, err, regfile.CodeTooLarge)
			if e.Temporary || attempts != 1 {
				t.Errorf("Temporary = %v after %d attempts, want false after 1", e.Temporary, attempts)
			}
			select {
			case <-handlerDone:
			case <-time.After(5 * time.Second):
				t.Fatal("handler still writing 5s after the fetcher gave up")
			}
			if n := written.Load(); n >= total/2 {
				t.Errorf("server wrote %d bytes, want far fewer than %d", n, total)
			} else {
				t.Logf("server wrote %.1f MiB of %d MiB before the connection dropped", float64(n)/(1<<20), total>>20)
			}
			if hits.Load() != 1 {
				t.Errorf("requests = %d, want 1 (too_large is not retried)", hits.Load())
			}
		})
	}
}

func TestFetcher_Fetch_NeverEnding(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.WriteHeader(http.StatusOK)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-tick.C:
				if _, err := w.Write([]byte(" ")); err != nil {
					return
				}
			}
		}
	}))
	defer srv.Close()
	cfg := testConfig()
	cfg.Timeout, cfg.Attempts = 300*time.Millisecond, 2
	_, attempts, err := regfile.New(cfg).FetchAttempts(t.Context(), srv.URL)
	e := wantCode(t, err, regfile.CodeTimeout)
	if !e.Temporary || attempts != 2 || hits.Load() != 2 {
		t.Errorf("Temporary = %v, attempts = %d, requests = %d; want true, 2, 2", e.Temporary, attempts, hits.Load())
	}
}

func TestFetcher_Fetch_Unreachable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now: connection refused
	cfg := testConfig()
	cfg.Attempts = 3
	_, attempts, err := regfile.New(cfg).FetchAttempts(t.Context(), "http://"+addr+"/agent.json")
	e := wantCode(t, err, regfile.CodeUnreachable)
	if !e.Temporary || attempts != 3 {
		t.Errorf("Temporary = %v, attempts = %d; want true, 3", e.Temporary, attempts)
	}
	if strings.Contains(e.Message, "agent.json") {
		t.Errorf("Message %q repeats the URL", e.Message)
	}
}

func TestFetcher_Fetch_Status(t *testing.T) {
	body := readTestdata(t, "valid.json")
	tests := []struct {
		name      string
		statuses  []int // answers in order; the last one repeats
		header    string
		wantCode  string // "" for success
		wantHits  int64
		temporary bool
	}{
		{"503 then 200", []int{503, 200}, "", "", 2, false},
		{"429 then 200", []int{429, 200}, "1", "", 2, false},
		{"500 three times", []int{500}, "", regfile.CodeHTTPStatus, 3, true},
		{"404 not retried", []int{404}, "", regfile.CodeHTTPStatus, 1, false},
		{"410 not retried", []int{410}, "", regfile.CodeHTTPStatus, 1, false},
		{"503 with long Retry-After not retried", []int{503}, "3600", regfile.CodeHTTPStatus, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var hits atomic.Int64
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n := int(hits.Add(1))
				status := tt.statuses[min(n, len(tt.statuses))-1]
				if status != 200 {
					if tt.header != "" {
						w.Header().Set("Retry-After", tt.header)
					}
					http.Error(w, "no", status)
					return
				}
				_, _ = w.Write(body)
			}))
			defer srv.Close()
			cfg := testConfig()
			cfg.Attempts = 3
			raw, attempts, err := regfile.New(cfg).FetchAttempts(t.Context(), srv.URL)
			if hits.Load() != tt.wantHits || int64(attempts) != tt.wantHits {
				t.Errorf("requests = %d, attempts = %d, want %d", hits.Load(), attempts, tt.wantHits)
			}
			if tt.wantCode == "" {
				if err != nil || string(raw) != string(body) {
					t.Fatalf("Fetch = %d bytes, %v; want the body", len(raw), err)
				}
				return
			}
			e := wantCode(t, err, tt.wantCode)
			if e.Temporary != tt.temporary {
				t.Errorf("Temporary = %v, want %v", e.Temporary, tt.temporary)
			}
			if secs, _ := strconv.Atoi(tt.header); e.RetryAfter != time.Duration(secs)*time.Second {
				t.Errorf("RetryAfter = %v, want %ss (the pool waits at least that long)", e.RetryAfter, tt.header)
			}
			if want := strconv.Itoa(tt.statuses[len(tt.statuses)-1]); !strings.HasPrefix(e.Message, want) {
				t.Errorf("Message = %q, want it to start with %s", e.Message, want)
			}
		})
	}
}

func TestFetcher_Fetch_TooManyRedirects(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		http.Redirect(w, r, "/again", http.StatusFound)
	}))
	defer srv.Close()
	_, err := regfile.New(testConfig()).Fetch(t.Context(), srv.URL)
	e := wantCode(t, err, regfile.CodeHTTPStatus)
	if e.Temporary || hits.Load() != 6 {
		t.Errorf("Temporary = %v, requests = %d; want false, 6", e.Temporary, hits.Load())
	}
}

func TestFetcher_Fetch_IPFSGateway(t *testing.T) {
	const cid = "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"
	var mu sync.Mutex
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.EscapedPath())
		mu.Unlock()
		_, _ = w.Write([]byte(`{}`))
	}))
	defer srv.Close()
	tests := []struct {
		uri, wantPath string
	}{
		{"ipfs://" + cid, "/ipfs/" + cid},
		{"ipfs://" + cid + "/agent.json", "/ipfs/" + cid + "/agent.json"},
		{"ipfs://ipfs/" + cid + "/a/b.json?x=1#y", "/ipfs/" + cid + "/a/b.json"},
		{"IPFS://" + cid + "/my%20agent.json", "/ipfs/" + cid + "/my%20agent.json"},
		{"ipfs:" + cid, "/ipfs/" + cid},
	}
	// The guard stays on: the operator's gateway is trusted even on a loopback address and plain http.
	f := regfile.New(regfile.Config{IPFSGateway: srv.URL + "/", Backoff: time.Millisecond})
	for _, tt := range tests {
		mu.Lock()
		paths = nil
		mu.Unlock()
		if _, err := f.Fetch(t.Context(), tt.uri); err != nil {
			t.Errorf("Fetch(%q): %v", tt.uri, err)
			continue
		}
		mu.Lock()
		if len(paths) != 1 || paths[0] != tt.wantPath {
			t.Errorf("Fetch(%q) requested %q, want [%q]", tt.uri, paths, tt.wantPath)
		}
		mu.Unlock()
	}
	for _, bad := range []string{"ipfs://", "ipfs://" + cid + "/../admin", "ipfs://" + cid + "/%2e%2e/x", "ipfs://bad-cid!/x"} {
		_, err := f.Fetch(t.Context(), bad)
		wantCode(t, err, regfile.CodeBadURI)
	}
}

func TestFetcher_Fetch_GuardRefusesPrivate(t *testing.T) {
	var hits atomic.Int64
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		_, _ = w.Write([]byte(`{}`))
	})
	tlsSrv := httptest.NewTLSServer(handler)
	defer tlsSrv.Close()
	plainSrv := httptest.NewServer(handler)
	defer plainSrv.Close()
	_, port, _ := net.SplitHostPort(tlsSrv.Listener.Addr().String())
	f := regfile.New(regfile.Config{
		RootCAs: tlsSrv.Client().Transport.(*http.Transport).TLSClientConfig.RootCAs,
		Backoff: time.Millisecond,
	})
	tests := []struct {
		uri, code string
	}{
		{tlsSrv.URL, regfile.CodeBlockedAddress},                  // https://127.0.0.1:port
		{"https://localhost:" + port, regfile.CodeBlockedAddress}, // a name resolving to loopback
		{"https://[::1]:" + port, regfile.CodeBlockedAddress},
		{plainSrv.URL, regfile.CodeUnsupportedScheme}, // http:// refused outright
	}
	for _, tt := range tests {
		_, attempts, err := f.FetchAttempts(t.Context(), tt.uri)
		e := wantCode(t, err, tt.code)
		if e.Temporary || attempts > 1 {
			t.Errorf("Fetch(%q): Temporary = %v after %d attempts, want false after at most 1", tt.uri, e.Temporary, attempts)
		}
	}
	if hits.Load() != 0 {
		t.Errorf("servers got %d requests, want 0", hits.Load())
	}
}

func TestFetcher_Fetch_Canceled(t *testing.T) {
	srv, _ := serveBytes(t, []byte(`{}`))
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := regfile.New(testConfig()).Fetch(ctx, srv.URL)
	wantCode(t, err, regfile.CodeCanceled)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("errors.Is(%v, context.Canceled) = false", err)
	}
}

func TestFetcher_Fetch_BackoffHonoursContext(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) == 2 {
			cancel() // the caller gives up during the second attempt: no third one
		}
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	cfg := testConfig()
	cfg.Attempts, cfg.Backoff = 5, time.Millisecond
	f := regfile.New(cfg)

	_, attempts, err := f.FetchAttempts(ctx, srv.URL)
	wantCode(t, err, regfile.CodeCanceled)
	if attempts != 2 || !errors.Is(err, context.Canceled) {
		t.Errorf("attempts = %d, err = %v; want 2, context.Canceled", attempts, err)
	}

	// A deadline that would end the wait: the real failure is reported at once.
	cfg.Backoff = time.Hour
	dctx, dcancel := context.WithTimeout(t.Context(), time.Minute)
	defer dcancel()
	_, attempts, err = regfile.New(cfg).FetchAttempts(dctx, srv.URL)
	e := wantCode(t, err, regfile.CodeHTTPStatus)
	if attempts != 1 || !e.Temporary {
		t.Errorf("attempts = %d, Temporary = %v; want 1, true", attempts, e.Temporary)
	}
}
