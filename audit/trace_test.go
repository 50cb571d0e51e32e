package audit_test

import (
	"context"
	"testing"

	"go.opentelemetry.io/otel/trace"

	"github.com/agoralabs/agora/audit"
)

// TraceID is WithTrace's id, else the trace id of the context's span, else "".
func TestTraceID_FromSpanContext(t *testing.T) {
	ctx := context.Background()
	if got := audit.TraceID(ctx); got != "" {
		t.Fatalf("no trace: %q", got)
	}
	tid, _ := trace.TraceIDFromHex("4bf92f3577b34da6a3ce929d0e0e4736")
	sc := trace.NewSpanContext(trace.SpanContextConfig{TraceID: tid, SpanID: trace.SpanID{1}, Remote: true})
	traced := trace.ContextWithRemoteSpanContext(ctx, sc)
	if got := audit.TraceID(traced); got != tid.String() {
		t.Fatalf("span context: %q", got)
	}
	if got := audit.TraceID(audit.WithTrace(traced, "0af7651916cd43dd8448eb211c80319c")); got != "0af7651916cd43dd8448eb211c80319c" {
		t.Fatalf("WithTrace first: %q", got)
	}
}
