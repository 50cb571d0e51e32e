// Package tracing sets up OpenTelemetry tracing for Agora's processes (docs/tracing.md): spans exported over
// OTLP/HTTP when an endpoint is configured, none otherwise. The gateway takes the provider it returns; W3C
// trace context travels in the traceparent header (Propagator).
package tracing

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"
)

// Propagator carries W3C trace context (the traceparent and tracestate headers) in and out of requests.
var Propagator propagation.TextMapPropagator = propagation.TraceContext{}

// The standard environment variables of the OTLP exporter that say where spans go (the second one wins).
const (
	EnvEndpoint       = "OTEL_EXPORTER_OTLP_ENDPOINT"
	EnvTracesEndpoint = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"
	envSDKDisabled    = "OTEL_SDK_DISABLED"
)

// Config says where spans go and what the process is called.
type Config struct {
	// Endpoint is the collector's OTLP/HTTP base URL (http://localhost:4318: spans go to {Endpoint}/v1/traces),
	// as OTEL_EXPORTER_OTLP_ENDPOINT. "": the environment's OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (a full URL)
	// or OTEL_EXPORTER_OTLP_ENDPOINT; neither: tracing is off.
	Endpoint string
	// ServiceName is service.name (default "agora"; OTEL_SERVICE_NAME overrides it).
	ServiceName string
	// ServiceVersion and InstanceID are service.version and service.instance.id ("": not set).
	ServiceVersion, InstanceID string
	// Attributes are further resource attributes (OTEL_RESOURCE_ATTRIBUTES adds more).
	Attributes []attribute.KeyValue
	// Getenv reads the environment (default os.Getenv; tests replace it).
	Getenv func(string) string
}

// Provider is the process's tracer provider: an OTLP exporting SDK provider when tracing is on, a no-op one
// otherwise. Shut it down at exit to flush the spans still queued.
type Provider struct {
	trace.TracerProvider
	sdk      *sdktrace.TracerProvider
	endpoint string
}

// Enabled reports whether spans are exported.
func (p *Provider) Enabled() bool { return p.sdk != nil }

// Endpoint is the URL spans are sent to ("" when off).
func (p *Provider) Endpoint() string { return p.endpoint }

// Shutdown flushes the spans still queued and stops the exporter (nothing when off).
func (p *Provider) Shutdown(ctx context.Context) error {
	if p.sdk == nil {
		return nil
	}
	return p.sdk.Shutdown(ctx)
}

// New returns the provider cfg asks for: OTLP over HTTP (protobuf, batched) to the configured endpoint, or
// a no-op provider when no endpoint is set or OTEL_SDK_DISABLED is true. Further OTEL_EXPORTER_OTLP_*
// variables (headers, timeout, compression, certificates) apply as the exporter documents them.
func New(ctx context.Context, cfg Config) (*Provider, error) {
	getenv := cfg.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	endpoint, err := Endpoint(cfg.Endpoint, getenv)
	if err != nil {
		return nil, err
	}
	if off, _ := strconv.ParseBool(getenv(envSDKDisabled)); off || endpoint == "" {
		return &Provider{TracerProvider: noop.NewTracerProvider()}, nil
	}
	exp, err := otlptracehttp.New(ctx, otlptracehttp.WithEndpointURL(endpoint))
	if err != nil {
		return nil, fmt.Errorf("tracing: OTLP exporter: %w", err)
	}
	name := cfg.ServiceName
	if name == "" {
		name = "agora"
	}
	attrs := []attribute.KeyValue{semconv.ServiceName(name)}
	if cfg.ServiceVersion != "" {
		attrs = append(attrs, semconv.ServiceVersion(cfg.ServiceVersion))
	}
	if cfg.InstanceID != "" {
		attrs = append(attrs, semconv.ServiceInstanceID(cfg.InstanceID))
	}
	// Later detectors win: the environment (OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES) over the defaults.
	res, err := resource.New(ctx, resource.WithSchemaURL(semconv.SchemaURL), resource.WithTelemetrySDK(),
		resource.WithAttributes(append(attrs, cfg.Attributes...)...), resource.WithFromEnv())
	if err != nil && !errors.Is(err, resource.ErrPartialResource) {
		return nil, fmt.Errorf("tracing: resource: %w", err)
	}
	sdk := sdktrace.NewTracerProvider(sdktrace.WithResource(res),
		sdktrace.WithBatcher(exp, sdktrace.WithBatchTimeout(2*time.Second)))
	return &Provider{TracerProvider: sdk, sdk: sdk, endpoint: endpoint}, nil
}

// Endpoint resolves where spans go: flag (an OTLP/HTTP base URL, to which /v1/traces is added), else
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (used as it is), else OTEL_EXPORTER_OTLP_ENDPOINT (a base URL); "" when
// none is set. A value that is not an http(s) URL with a host is an error.
func Endpoint(flag string, getenv func(string) string) (string, error) {
	raw, base, from := flag, true, "--otlp-endpoint"
	if raw == "" {
		raw, base, from = getenv(EnvTracesEndpoint), false, EnvTracesEndpoint
	}
	if raw == "" {
		raw, base, from = getenv(EnvEndpoint), true, EnvEndpoint
	}
	if raw = strings.TrimSpace(raw); raw == "" {
		return "", nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("tracing: %s %q: want http(s)://host[:port][/path]", from, raw)
	}
	if base {
		u.Path = strings.TrimRight(u.Path, "/") + "/v1/traces"
	}
	return u.String(), nil
}
