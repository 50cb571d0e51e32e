package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/spf13/cobra"

	"github.com/agoralabs/agora/auction"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/embed"
	"github.com/agoralabs/agora/gateway"
	"github.com/agoralabs/agora/governance/policy"
	"github.com/agoralabs/agora/tracing"
)

func (a *app) serveCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the gateway API: agent search, detail, heartbeats and reputation",
		Long: `Serve Agora's HTTP API on --listen from the PostgreSQL database that agora index fills (migrating
its own tables first). Heartbeat signatures of contract wallets are checked with ERC-1271 through --rpc-url.
Search embeds documents with the built-in local embedder, or with an OpenAI-compatible endpoint when
--embeddings-url is set (its key from AGORA_EMBEDDINGS_KEY). The OpenAPI document is at /openapi.json;
/metrics, /healthz and /readyz are for operators. On Ctrl-C or SIGTERM readiness turns negative and
requests drain for --drain before the process exits.`,
		Args: cobra.NoArgs,
		RunE: a.runServe,
	}
	f := cmd.Flags()
	f.String("database-url", "", "PostgreSQL URL (env AGORA_DATABASE_URL)")
	f.String("replica-url", "", "PostgreSQL streaming replica of --database-url's server: search and detail reads go to it within --replica-max-lag, writes and LISTEN stay on the primary (env AGORA_REPLICA_URL; docs/deployment.md, Read replicas)")
	f.Duration("replica-max-lag", gateway.DefaultReplicaMaxLag, "how long a catalog load waits for the replica to replay a change before it reads the primary")
	f.String("rpc-url", "http://127.0.0.1:8545", `JSON-RPC endpoint for ERC-1271 checks and mandate reads ("" checks EOA signatures only, and answers governance reads with 503)`)
	f.String("deployment", ".devnet/deployment.json", "deployment file written by agora deploy or agora devnet")
	f.String("listen", "127.0.0.1:8080", "address of the HTTP API")
	f.Duration("drain", 10*time.Second, "how long in-flight requests may finish on shutdown")
	f.Int64("max-body-bytes", 64<<10, "largest request body")
	f.Float64("rate-limit", 50, "requests per second per client address (negative disables)")
	f.Int("rate-burst", 100, "burst of the per-client rate limit")
	f.StringSlice("cors-origins", nil, `browser origins allowed by CORS ("*" for any; empty sends no CORS headers)`)
	f.StringSlice("trusted-proxies", nil, "proxies whose X-Forwarded-For names the client")
	f.Int("cache-entries", 10000, "entries of the hot-read cache")
	f.Duration("heartbeat-max-ttl", time.Hour, "furthest a heartbeat's expiresAt may be ahead")
	f.Duration("score-interval", 10*time.Minute, "period of the full reputation recompute (recency decay)")
	f.Int("max-streams", 10000, "open market streams (WebSocket and SSE) this gateway serves")
	f.Int("max-client-streams", 32, "open market streams of one client address")
	f.Duration("signing-window", 15*time.Minute, "how long after an award its agreement can be signed")
	f.String("policy-dir", "", "directory of the principals' Rego policies: <principal>.rego (+ <principal>.json parameters), reloaded every second (docs/governance.md)")
	f.StringSlice("policy-overlays", nil, "sector overlays evaluated with every principal's policy: hipaa, eu-ai-act (docs/governance.md, Sector overlays)")
	f.Duration("approval-ttl", time.Hour, "how long an action the policy escalated waits for an approver")
	f.Bool("explorer", true, "serve the web explorer at / (package explorer; --explorer=false: the API only)")
	f.Duration("late-grace", gateway.DefaultLateGrace, "an award's expiredAt is the RFQ's delivery deadline plus this: the buyer reclaims the price after it")
	f.Duration("no-sign-penalty", time.Hour, "how long a winner that did not sign ranks after every other bidder")
	f.Uint32("auction-reputation-bps", 0, "sealed-bid awards: price surcharge (basis points) of a provider with reputation 0")
	f.Uint32("auction-latency-bps", 0, "sealed-bid awards: price surcharge (basis points) of a provider at the latency cap")
	f.Int64("auction-latency-cap-ms", 10000, "sealed-bid awards: p95 latency (ms) at which the latency surcharge is full")
	f.String("embeddings-url", "", "OpenAI-compatible embeddings endpoint base URL, e.g. http://127.0.0.1:11434/v1 (empty: local embedder)")
	f.String("embeddings-model", "text-embedding-3-small", "model name sent to --embeddings-url")
	f.Int("embeddings-dims", 256, "vector dimensions (local embedder, or requested from the endpoint)")
	f.String("embeddings-key", "", "API key of --embeddings-url (prefer env AGORA_EMBEDDINGS_KEY)")
	auditServeFlags(f)
	f.String("otlp-endpoint", "", "OTLP/HTTP collector base URL for OpenTelemetry traces, e.g. http://localhost:4318 (empty: OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT, else no traces; docs/tracing.md)")
	return cmd
}

func (a *app) runServe(cmd *cobra.Command, _ []string) error {
	v := a.v
	ctx := cmd.Context()
	dbURL := v.GetString("database-url")
	if dbURL == "" {
		return errors.New("--database-url (or AGORA_DATABASE_URL) is required")
	}
	dep, err := deployment.Read(v.GetString("deployment"))
	if err != nil {
		return err
	}
	cfg := gateway.Config{
		DatabaseURL:      dbURL,
		ReplicaURL:       v.GetString("replica-url"),
		ReplicaMaxLag:    v.GetDuration("replica-max-lag"),
		Deployment:       dep,
		MaxBodyBytes:     v.GetInt64("max-body-bytes"),
		RateLimit:        v.GetFloat64("rate-limit"),
		RateBurst:        v.GetInt("rate-burst"),
		CORSOrigins:      nonEmpty(v.GetStringSlice("cors-origins")),
		TrustedProxies:   nonEmpty(v.GetStringSlice("trusted-proxies")),
		CacheEntries:     v.GetInt("cache-entries"),
		HeartbeatMaxTTL:  v.GetDuration("heartbeat-max-ttl"),
		ScoreInterval:    v.GetDuration("score-interval"),
		MaxStreams:       v.GetInt("max-streams"),
		MaxClientStreams: v.GetInt("max-client-streams"),
		SigningWindow:    v.GetDuration("signing-window"),
		PolicyDir:        v.GetString("policy-dir"),
		PolicyOverlays:   nonEmpty(v.GetStringSlice("policy-overlays")),
		ApprovalTTL:      v.GetDuration("approval-ttl"),
		LateGrace:        v.GetDuration("late-grace"),
		NoExplorer:       !v.GetBool("explorer"),
		NoSignPenalty:    v.GetDuration("no-sign-penalty"),
		AuctionWeights: auction.Weights{ReputationBps: v.GetUint32("auction-reputation-bps"),
			LatencyBps: v.GetUint32("auction-latency-bps"), LatencyCapMs: v.GetInt64("auction-latency-cap-ms")},
		Log: a.log.With("component", "gateway"),
	}
	if err := policy.CheckOverlays(cfg.PolicyOverlays); err != nil {
		return fmt.Errorf("--policy-overlays: %w", err)
	}
	if rpc := v.GetString("rpc-url"); rpc != "" {
		dctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		client, err := ethclient.DialContext(dctx, rpc)
		cancel()
		if err != nil {
			return fmt.Errorf("connect to %s: %w", redactURL(rpc), err)
		}
		defer client.Close()
		id, err := client.ChainID(ctx)
		if err != nil {
			return fmt.Errorf("chain id of %s: %w", redactURL(rpc), err)
		}
		if id.Uint64() != dep.ChainID {
			return fmt.Errorf("--rpc-url is chain %s but the deployment is on chain %d", id, dep.ChainID)
		}
		cfg.Caller, cfg.Chain = client, client
		if err := a.auditServeConfig(&cfg, client); err != nil {
			return err
		}
	} else if err := a.auditServeConfig(&cfg, nil); err != nil {
		return err
	}
	dims := v.GetInt("embeddings-dims")
	if url := v.GetString("embeddings-url"); url != "" {
		cfg.Embedder, err = embed.NewOpenAI(embed.OpenAIConfig{BaseURL: url, Model: v.GetString("embeddings-model"),
			APIKey: v.GetString("embeddings-key"), Dims: dims, Timeout: 10 * time.Second})
		if err != nil {
			return err
		}
	} else {
		cfg.Embedder = embed.NewLocal(dims)
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	cfg.Registry = reg

	tp, err := tracing.New(ctx, tracing.Config{Endpoint: v.GetString("otlp-endpoint"), ServiceName: "agora-gateway", ServiceVersion: version})
	if err != nil {
		return err
	}
	defer func() { // flush the spans still queued
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if err := tp.Shutdown(sctx); err != nil {
			a.log.Warn("traces not flushed", "err", err)
		}
	}()
	if tp.Enabled() {
		cfg.TracerProvider = tp
		a.log.Info("tracing", "otlp", redactURL(tp.Endpoint()))
	}

	srv, err := gateway.New(ctx, cfg)
	if err != nil {
		return err
	}
	defer srv.Close()
	ln, err := net.Listen("tcp", v.GetString("listen"))
	if err != nil {
		return fmt.Errorf("--listen %s: %w", v.GetString("listen"), err)
	}
	a.log.Info("gateway listening", "addr", ln.Addr().String(), "chain", dep.ChainID,
		"registry", dep.Contracts.IdentityRegistry.Address, "embedder", cfg.Embedder.Model())
	err = srv.Run(ctx, ln, v.GetDuration("drain"))
	a.log.Info("gateway stopped")
	return err
}

func nonEmpty(in []string) []string {
	var out []string
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
