package gateway

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
	gojson "github.com/goccy/go-json"
	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"golang.org/x/time/rate"

	"github.com/agoralabs/agora/capability"
	"github.com/agoralabs/agora/explorer"
)

// metrics are the gateway's Prometheus metrics (namespace agora_gateway).
type metrics struct {
	requests       *prometheus.HistogramVec
	notifications  *prometheus.CounterVec
	rateLimited    prometheus.Counter
	heartbeats     *prometheus.CounterVec
	scored         prometheus.Counter
	cacheHits      *prometheus.CounterVec
	streams        prometheus.Gauge
	streamsDropped prometheus.Counter
	noBids         prometheus.Counter
	// noSignPenalties counts winners penalised for not signing; demotedBids the bids ranked down for it.
	noSignPenalties prometheus.Counter
	demotedBids     prometheus.Counter
	// decisions counts the inline policy check's decisions by action and outcome.
	decisions *prometheus.CounterVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		requests: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: "agora_gateway", Name: "request_duration_seconds", Help: "HTTP requests by route and status.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"route", "method", "status"}),
		notifications: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "agora_gateway", Name: "notifications_total", Help: "Indexer notifications received, by kind.",
		}, []string{"kind"}),
		rateLimited: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: "agora_gateway", Name: "rate_limited_total", Help: "Requests refused by the per-client rate limit.",
		}),
		heartbeats: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "agora_gateway", Name: "heartbeats_total", Help: "Heartbeats received, by outcome code.",
		}, []string{"outcome"}),
		scored: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: "agora_gateway", Name: "reputation_scored_total", Help: "Reputation reports computed.",
		}),
		cacheHits: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "agora_gateway", Name: "cache_lookups_total", Help: "Hot-read cache lookups, by result.",
		}, []string{"result"}),
	}
	m.streams = prometheus.NewGauge(prometheus.GaugeOpts{
		Namespace: "agora_gateway", Name: "streams", Help: "Open market streams (WebSocket and SSE).",
	})
	m.streamsDropped = prometheus.NewCounter(prometheus.CounterOpts{
		Namespace: "agora_gateway", Name: "streams_dropped_total", Help: "Streams dropped for lagging too far behind.",
	})
	m.noBids = prometheus.NewCounter(prometheus.CounterOpts{
		Namespace: "agora_gateway", Name: "no_bids_total", Help: "No-bid messages received from providers.",
	})
	m.noSignPenalties = prometheus.NewCounter(prometheus.CounterOpts{
		Namespace: "agora_gateway", Name: "no_sign_penalties_total", Help: "Winners penalised for not signing their award's agreement.",
	})
	m.demotedBids = prometheus.NewCounter(prometheus.CounterOpts{
		Namespace: "agora_gateway", Name: "demoted_bids_total", Help: "Providers ranked after every other bidder at a close, for a no-sign penalty.",
	})
	m.decisions = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: "agora_gateway", Name: "governance_decisions_total", Help: "Inline policy decisions, by action and outcome.",
	}, []string{"action", "outcome"})
	reg.MustRegister(m.requests, m.notifications, m.rateLimited, m.heartbeats, m.scored, m.cacheHits, m.streams,
		m.streamsDropped, m.noBids, m.noSignPenalties, m.demotedBids, m.decisions)
	return m
}

// routes builds the gin engine: middleware in order (recovery, metrics, CORS, query and body limits, rate
// limit), the operator endpoints and the API.
func (s *Server) routes() *gin.Engine {
	gin.SetMode(gin.ReleaseMode)
	e := gin.New()
	e.HandleMethodNotAllowed = true
	_ = e.SetTrustedProxies(s.cfg.TrustedProxies) // nil trusts none: ClientIP is the peer address
	e.Use(s.recovery, s.traceContext, s.observe)
	if len(s.cfg.CORSOrigins) > 0 {
		cc := cors.Config{
			AllowMethods:  []string{http.MethodGet, http.MethodPost, http.MethodOptions},
			AllowHeaders:  []string{"Content-Type", "Authorization"},
			ExposeHeaders: []string{"Retry-After", "X-Request-Id"},
			MaxAge:        10 * time.Minute,
		}
		if len(s.cfg.CORSOrigins) == 1 && s.cfg.CORSOrigins[0] == "*" {
			cc.AllowAllOrigins = true
		} else {
			cc.AllowOrigins = s.cfg.CORSOrigins
		}
		corsCheck := cors.New(cc)
		e.Use(func(c *gin.Context) {
			// The CORS middleware refuses an origin it does not allow with a bare 403.
			if status, _ := refused(c, corsCheck); status != 0 {
				writeProblem(c, problem(status, CodeOriginNotAllowed, "origin %q is not allowed", clip(c.GetHeader("Origin"))))
			}
		})
	}
	e.Use(s.limits)
	e.NoRoute(func(c *gin.Context) {
		writeProblem(c, problem(http.StatusNotFound, CodeNotFound, "no route %s %s", c.Request.Method, clipTo(c.Request.URL.Path, maxInstance)))
	})
	e.NoMethod(func(c *gin.Context) {
		writeProblem(c, problem(http.StatusMethodNotAllowed, CodeMethodNotAllowed, "%s is not allowed here", c.Request.Method))
	})

	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	metrics := gin.WrapH(promhttp.HandlerFor(s.cfg.Registry, promhttp.HandlerOpts{}))
	e.GET("/metrics", func(c *gin.Context) {
		// promhttp answers a failed gathering with http.Error.
		if status, msg := refused(c, metrics); status != 0 {
			s.fail(c, fmt.Errorf("metrics: %d %s", status, msg))
		}
	})
	e.GET("/openapi.json", s.openAPI)

	rl := s.rateLimit()
	if s.explorer != nil { // the web pages: GET /, /agents, /agents/:id, ... and their assets (package explorer)
		pages := gin.WrapH(s.explorer.Handler())
		for _, r := range explorer.Routes {
			e.Handle(r.Method, r.Path, rl, pages)
		}
	}
	limited := e.Group("/v1", rl)
	limited.GET("/agents", s.searchAgents)
	limited.GET("/agents/:id", s.getAgent)
	limited.GET("/agents/:id/feedback", s.listFeedback)
	limited.GET("/agents/:id/validations", s.listValidations)
	limited.GET("/agents/:id/jobs", s.listJobs)
	limited.GET("/agents/:id/reputation", s.getReputation)
	limited.GET("/agents/:id/reputation/history", s.getReputationHistory)
	limited.POST("/heartbeats", s.postHeartbeat)
	limited.GET("/eip712/:type", s.typedDataTemplate)
	limited.POST("/eip712/verify", s.verifyTypedData)
	limited.POST("/rfqs", s.postRFQ)
	limited.GET("/rfqs/:id", getByID(s, s.loadRFQ))
	limited.POST("/rfqs/:id/quotes", s.postQuote)
	limited.POST("/agreements", s.postAgreement)
	limited.GET("/agreements/:id", getByID(s, s.loadAgreement))
	limited.GET("/agreements/:id/authority", s.getAuthority)
	limited.POST("/agreements/:id/fund-decision", s.fundDecision)
	limited.GET("/agents/:id/mandates", s.listAgentMandates)
	limited.GET("/mandates/:id", s.getMandate)
	limited.GET("/mandates/:id/activity", s.getMandateActivity)
	limited.GET("/validations", s.listValidatorQueue)
	limited.GET("/status", s.getStatus)
	limited.GET("/market/stats", s.getMarketStats)
	limited.GET("/jobs", s.listMarketJobs)
	limited.GET("/jobs/:id", s.getJob)
	limited.GET("/approvals", s.listApprovals)
	limited.GET("/approvals/:id", s.getApproval)
	limited.POST("/approvals/:id", s.decideApproval)
	limited.GET("/stream", s.streamWS)
	limited.GET("/stream/sse", s.streamSSE)
	limited.GET("/schemas/capability-v1.json", s.capabilitySchema)
	limited.GET("/audit/checkpoint", s.getAuditCheckpoint)
	limited.GET("/audit/key", s.getAuditKey)
	limited.GET("/audit/proof", s.getAuditProof)
	limited.GET("/audit/consistency", s.getAuditConsistency)
	limited.GET("/audit/entries", s.getAuditEntries)
	return e
}

// recovery turns a panic into a 500 problem; the panic is logged, never sent.
func (s *Server) recovery(c *gin.Context) {
	defer func() {
		if r := recover(); r != nil {
			if r == http.ErrAbortHandler {
				panic(r)
			}
			s.log.Error("panic in handler", "path", c.Request.URL.Path, "panic", r)
			writeProblem(c, problem(http.StatusInternalServerError, CodeInternal, "internal error"))
		}
	}()
	c.Next()
}

// observe records each request's duration by route pattern (never by raw path, which is unbounded).
func (s *Server) observe(c *gin.Context) {
	start := time.Now()
	c.Next()
	route := c.FullPath()
	if route == "" {
		route = "unmatched"
	}
	s.metrics.requests.WithLabelValues(route, c.Request.Method, strconv.Itoa(c.Writer.Status())).
		Observe(time.Since(start).Seconds())
}

// limits refuses oversized query strings and heads, and caps request bodies. (The server reads heads up to
// serverMaxHeaderBytes, well above these limits, so that they are answered here with a precise problem.)
func (s *Server) limits(c *gin.Context) {
	if len(c.Request.URL.RawQuery) > s.cfg.MaxQueryBytes {
		writeProblem(c, problem(http.StatusBadRequest, CodeQueryTooLong, "query string is %d bytes, the limit is %d",
			len(c.Request.URL.RawQuery), s.cfg.MaxQueryBytes))
		return
	}
	if _, err := url.ParseQuery(c.Request.URL.RawQuery); err != nil {
		// Go drops a pair it cannot decode (a bad %-escape, a ';') and the handler would answer as if the
		// filter were not there: a wider answer than asked for. Refuse it instead.
		writeProblem(c, problem(http.StatusBadRequest, CodeInvalidQuery, "query string: %v", err))
		return
	}
	if n := headBytes(c.Request); n > s.cfg.MaxHeaderBytes {
		writeProblem(c, problem(http.StatusRequestHeaderFieldsTooLarge, CodeHeaderTooLarge,
			"request line and header fields are %d bytes, the limit is %d", n, s.cfg.MaxHeaderBytes))
		return
	}
	if c.Request.ContentLength > s.cfg.MaxBodyBytes {
		writeProblem(c, problem(http.StatusRequestEntityTooLarge, CodeRequestTooLarge,
			"body is %d bytes, the limit is %d", c.Request.ContentLength, s.cfg.MaxBodyBytes))
		return
	}
	if c.Request.Body != nil {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, s.cfg.MaxBodyBytes)
	}
	c.Next()
}

// rateLimit is a token bucket per client address (gin's ClientIP, which believes X-Forwarded-For only from
// TrustedProxies), kept in an LRU so that many clients cannot grow memory without bound.
func (s *Server) rateLimit() gin.HandlerFunc {
	if s.cfg.RateLimit < 0 {
		return func(c *gin.Context) { c.Next() }
	}
	buckets, _ := lru.New[string, *rate.Limiter](65536)
	limit, burst := rate.Limit(s.cfg.RateLimit), s.cfg.RateBurst
	return func(c *gin.Context) {
		ip := c.ClientIP()
		l, ok := buckets.Get(ip)
		if !ok {
			l = rate.NewLimiter(limit, burst)
			buckets.Add(ip, l)
		}
		if r := l.Reserve(); r.Delay() > 0 {
			r.Cancel()
			s.metrics.rateLimited.Inc()
			c.Header("Retry-After", strconv.Itoa(int(max(1, time.Duration(float64(time.Second)/float64(limit)).Seconds()))))
			writeProblem(c, problem(http.StatusTooManyRequests, CodeRateLimited,
				"more than %g requests per second from this client", s.cfg.RateLimit))
			return
		}
		c.Next()
	}
}

func (s *Server) healthz(c *gin.Context) {
	if err := s.pool.Ping(c.Request.Context()); err != nil {
		c.Header("Cache-Control", "no-store")
		c.JSON(http.StatusServiceUnavailable, gin.H{"status": "database unavailable"})
		return
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

// readyz is 200 once the catalog is loaded and the database answers, 503 while starting or draining; it says
// whether vector search and reputation scores are warm (warm.go).
func (s *Server) readyz(c *gin.Context) {
	c.Header("Cache-Control", "no-store")
	switch {
	case s.draining.Load():
		c.JSON(http.StatusServiceUnavailable, gin.H{"status": "draining"})
	case !s.ready.Load():
		c.JSON(http.StatusServiceUnavailable, gin.H{"status": "starting"})
	default:
		if err := s.pool.Ping(c.Request.Context()); err != nil {
			c.JSON(http.StatusServiceUnavailable, gin.H{"status": "database unavailable"})
			return
		}
		vw, vp := s.vectorsWarm()
		rw, rp := s.reputationWarm()
		ready := gin.H{"status": "ready", "vectors": warmth(vw, vp), "reputation": warmth(rw, rp)}
		if st := s.replica.status(); st != nil {
			ready["replica"] = st.Status // degraded: reads go to the primary; still ready
		}
		c.JSON(http.StatusOK, ready)
	}
}

// writeJSON encodes v without HTML escaping.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// sendJSON sends v as 200 application/json.
func sendJSON(c *gin.Context, status int, v any) {
	var buf bytes.Buffer
	if err := writeJSON(&buf, v); err != nil {
		c.Error(err)
		writeProblem(c, problem(http.StatusInternalServerError, CodeInternal, "internal error"))
		return
	}
	c.Data(status, jsonContentTypeHeader, buf.Bytes())
}

// readJSON decodes the body into v strictly: application/json, one value, no unknown fields.
func readJSON(c *gin.Context, v any) *Problem {
	if ct := c.ContentType(); ct != "application/json" {
		return problem(http.StatusUnsupportedMediaType, CodeUnsupportedMedia, "content type %q: want application/json", ct)
	}
	body, err := io.ReadAll(c.Request.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return problem(http.StatusRequestEntityTooLarge, CodeRequestTooLarge, "body over %d bytes", tooBig.Limit)
		}
		return problem(http.StatusBadRequest, CodeInvalidBody, "body: %v", err)
	}
	// goccy/go-json decodes as encoding/json does, about twice as fast (heartbeats arrive by thousands).
	dec := gojson.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return problem(http.StatusBadRequest, CodeInvalidBody, "body: %v", err)
	}
	if dec.More() {
		return problem(http.StatusBadRequest, CodeInvalidBody, "body: more than one JSON value")
	}
	return nil
}

// capabilitySchema serves the capability declaration schema (capability/schema/capability-v1.json).
func (s *Server) capabilitySchema(c *gin.Context) {
	c.Header("Cache-Control", "public, max-age=3600")
	c.Data(http.StatusOK, "application/schema+json", capability.Schema())
}
