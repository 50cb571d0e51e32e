package tracing

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"go.opentelemetry.io/otel/trace"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// Without an endpoint the provider is a no-op: it records nothing and exports nothing, and a span started
// under a remote parent keeps the parent's context (so audit entries still carry the caller's trace id).
func TestNew_NoEndpointIsNoop(t *testing.T) {
	ctx := context.Background()
	for name, vars := range map[string]map[string]string{
		"nothing set":  {},
		"sdk disabled": {EnvEndpoint: "http://127.0.0.1:4318", envSDKDisabled: "true"},
	} {
		t.Run(name, func(t *testing.T) {
			p, err := New(ctx, Config{Getenv: env(vars)})
			if err != nil {
				t.Fatal(err)
			}
			if p.Enabled() || p.Endpoint() != "" {
				t.Fatalf("enabled %v endpoint %q", p.Enabled(), p.Endpoint())
			}
			_, span := p.Tracer("t").Start(ctx, "x")
			if span.IsRecording() || span.SpanContext().IsValid() {
				t.Fatalf("a no-op provider's span records (%v) or has a context (%v)", span.IsRecording(), span.SpanContext())
			}
			span.End()
			remote := trace.NewSpanContext(trace.SpanContextConfig{TraceID: trace.TraceID{1}, SpanID: trace.SpanID{2},
				TraceFlags: trace.FlagsSampled, Remote: true})
			_, child := p.Tracer("t").Start(trace.ContextWithRemoteSpanContext(ctx, remote), "y")
			if child.SpanContext().TraceID() != remote.TraceID() {
				t.Fatalf("under a remote parent: %v", child.SpanContext())
			}
			if err := p.Shutdown(ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestEndpoint(t *testing.T) {
	for _, c := range []struct {
		flag string
		vars map[string]string
		want string
		bad  bool
	}{
		{want: ""},
		{flag: "http://localhost:4318", want: "http://localhost:4318/v1/traces"},
		{flag: "http://collector:4318/otlp/", want: "http://collector:4318/otlp/v1/traces"},
		{vars: map[string]string{EnvEndpoint: "http://a:4318"}, want: "http://a:4318/v1/traces"},
		{vars: map[string]string{EnvEndpoint: "http://a:4318", EnvTracesEndpoint: "https://b/traces"}, want: "https://b/traces"},
		{flag: "http://f:4318", vars: map[string]string{EnvTracesEndpoint: "https://b/traces"}, want: "http://f:4318/v1/traces"},
		{flag: "localhost:4318", bad: true},
		{vars: map[string]string{EnvEndpoint: "ftp://x"}, bad: true},
	} {
		got, err := Endpoint(c.flag, env(c.vars))
		if (err != nil) != c.bad || got != c.want {
			t.Errorf("Endpoint(%q, %v) = %q, %v; want %q (error %v)", c.flag, c.vars, got, err, c.want, c.bad)
		}
	}
}

// With an endpoint, spans reach an OTLP/HTTP receiver at {endpoint}/v1/traces, flushed by Shutdown.
func TestNew_ExportsOverOTLPHTTP(t *testing.T) {
	var mu sync.Mutex
	var posts []string
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		posts = append(posts, r.Method+" "+r.URL.Path+" "+r.Header.Get("Content-Type"))
		mu.Unlock()
		if len(body) == 0 {
			t.Errorf("empty export")
		}
		w.Header().Set("Content-Type", "application/x-protobuf")
		w.WriteHeader(http.StatusOK)
	}))
	defer recv.Close()
	ctx := context.Background()
	p, err := New(ctx, Config{Getenv: env(map[string]string{EnvEndpoint: recv.URL}), ServiceName: "agora-test"})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Enabled() || p.Endpoint() != recv.URL+"/v1/traces" {
		t.Fatalf("enabled %v endpoint %q", p.Enabled(), p.Endpoint())
	}
	_, span := p.Tracer("t").Start(ctx, "rfq.post")
	span.End()
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := p.Shutdown(sctx); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(posts) != 1 || posts[0] != "POST /v1/traces application/x-protobuf" {
		t.Fatalf("receiver got %v", posts)
	}
}
