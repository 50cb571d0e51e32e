package gateway

import (
	"crypto/ecdsa"
	"errors"
	"log/slog"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"go.opentelemetry.io/otel/trace"

	"github.com/agoralabs/agora/auction"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/embed"
	"github.com/agoralabs/agora/governance/authority"
)

// Config is everything a Server needs. Zero values take the defaults named on each field.
type Config struct {
	DatabaseURL string                 // required
	Deployment  *deployment.Deployment // required: chain id and contract addresses
	// ReplicaURL is a PostgreSQL streaming replica of DatabaseURL's server: the reads that may lag (search
	// catalog loads, stored vectors, detail reads, status) go to it once it has replayed the changes they
	// follow, everything else to the primary ("": none; replica.go, docs/deployment.md "Read replicas").
	ReplicaURL string
	// ReplicaMaxLag is how long a catalog load waits for the replica to replay a change before it reads the
	// primary instead; default DefaultReplicaMaxLag.
	ReplicaMaxLag time.Duration
	// Caller reaches the node for ERC-1271 signature checks (eth_call); nil verifies EOA signatures only.
	Caller eip712.CodeCaller
	// Chain reads mandates for the authority endpoints and the governance checks (usually the same client as
	// Caller); nil answers them with 503.
	Chain authority.Chain
	// PolicyDir holds the principals' Rego policies, <principal>.rego with optional <principal>.json
	// parameters, reloaded every second ("": none; docs/governance.md).
	PolicyDir string
	// PolicyOverlays: the sector overlays ("hipaa", "eu-ai-act") run with every principal's policy; unknown names fail New.
	PolicyOverlays []string
	// ApprovalTTL is how long an escalated action waits for an approver (0: governance.DefaultApprovalTTL).
	ApprovalTTL time.Duration
	// LateGrace is how long after an RFQ's delivery deadline its agreement's job may still be delivered
	// (late, under the late penalty) before the buyer may reclaim the price: expiredAt is the deadline plus
	// this (0: DefaultLateGrace). A devnet's demo market shortens it to see refunds happen.
	LateGrace time.Duration
	// NoExplorer turns the web pages off (GET /, /agents, ...: package explorer); the API is the same.
	NoExplorer bool
	// AuditKey is the operator's audit log signer key (audit.GenerateKey; agora audit keygen): with it every
	// decision is an audit entry and this gateway sequences the log and signs its heads; "": no audit log.
	AuditKey string
	// AuditAnchorKey, with AuditKey and AnchorBackend, makes this gateway anchor the log's newest signed head
	// on chain (the deployment's AuditAnchor) every AuditAnchorEvery (0: audit.DefaultAnchorEvery), sending
	// from this key's account; nil: no anchoring here.
	// AuditReaders are the auditors the operator names: their AuditQuery reads every entry (others read the
	// entries that name them, docs/audit.md).
	AuditReaders     []common.Address
	AuditAnchorKey   *ecdsa.PrivateKey
	AuditAnchorEvery time.Duration
	AnchorBackend    deployment.Backend
	// Embedder embeds search documents and queries; nil uses embed.NewLocal(256).
	Embedder embed.Embedder
	// TracerProvider records the gateway's spans (docs/tracing.md; tracing.New); nil: none.
	TracerProvider trace.TracerProvider

	MaxBodyBytes    int64         // request bodies above this get 413; default 64 KiB
	MaxQueryBytes   int           // raw query strings above this get 400; default 4 KiB
	MaxHeaderBytes  int           // request line and header fields above this get 431; default 16 KiB
	MaxTextQuery    int           // characters of the q parameter; default 256
	RateLimit       float64       // requests per second per client; default 50; negative disables
	RateBurst       int           // default 100
	CORSOrigins     []string      // allowed browser origins; empty: no CORS headers; "*" allows any
	TrustedProxies  []string      // proxies whose X-Forwarded-For is believed; default none
	CacheEntries    int           // LRU entries for hot reads; default 10,000
	HeartbeatMaxTTL time.Duration // furthest expiresAt ahead accepted; default 1h
	ScoreInterval   time.Duration // full reputation recompute period (recency decay); default 10 min
	MaxStreams      int           // open market streams (WebSocket and SSE) this gateway serves; default 10,000
	// MaxClientStreams caps the open streams of one client address; default 32.
	MaxClientStreams int
	// SigningWindow is how long after an award its agreement can be signed (the agreement's expiry);
	// default 15 min.
	SigningWindow time.Duration
	// NoSignPenalty is how long a winner that did not sign its award's agreement in the signing window ranks
	// after every other bidder; default 1 h.
	NoSignPenalty time.Duration
	// AuctionWeights make reputation and latency count against price in sealed-bid awards (docs/auction.md);
	// zero: price alone.
	AuctionWeights auction.Weights
	Log            *slog.Logger // default: discard
	Registry       *prometheus.Registry
}

func (c *Config) setDefaults() error {
	if c.DatabaseURL == "" {
		return errors.New("gateway: database url is required")
	}
	if c.Deployment == nil {
		return errors.New("gateway: deployment is required")
	}
	if c.ReplicaMaxLag <= 0 {
		c.ReplicaMaxLag = DefaultReplicaMaxLag
	}
	if c.LateGrace <= 0 {
		c.LateGrace = DefaultLateGrace
	}
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = 64 << 10
	}
	if c.MaxQueryBytes <= 0 {
		c.MaxQueryBytes = 4 << 10
	}
	if c.MaxHeaderBytes <= 0 {
		c.MaxHeaderBytes = 16 << 10
	}
	if c.MaxTextQuery <= 0 {
		c.MaxTextQuery = 256
	}
	if c.RateLimit == 0 {
		c.RateLimit = 50
	}
	if c.RateBurst <= 0 {
		c.RateBurst = 100
	}
	if c.CacheEntries <= 0 {
		c.CacheEntries = 10_000
	}
	if c.HeartbeatMaxTTL <= 0 {
		c.HeartbeatMaxTTL = time.Hour
	}
	if c.ScoreInterval <= 0 {
		c.ScoreInterval = 10 * time.Minute
	}
	if c.MaxStreams <= 0 {
		c.MaxStreams = 10_000
	}
	if c.MaxClientStreams <= 0 {
		c.MaxClientStreams = 32
	}
	if c.SigningWindow <= 0 {
		c.SigningWindow = 15 * time.Minute
	}
	if c.NoSignPenalty <= 0 {
		c.NoSignPenalty = time.Hour
	}
	if c.AuctionWeights.LatencyCapMs < 0 {
		return errors.New("gateway: auction latency cap must not be negative")
	}
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	if c.Registry == nil {
		c.Registry = prometheus.NewRegistry()
	}
	if c.Embedder == nil {
		c.Embedder = embed.NewLocal(256)
	}
	return nil
}
