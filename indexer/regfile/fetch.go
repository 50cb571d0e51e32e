package regfile

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Defaults for the zero fields of Config.
const (
	DefaultTimeout   = 10 * time.Second
	DefaultMaxBytes  = 1 << 20
	DefaultAttempts  = 3
	DefaultBackoff   = 500 * time.Millisecond
	DefaultUserAgent = "agora-indexer/regfile"
)

const (
	maxRedirects  = 5
	maxBackoff    = 30 * time.Second
	maxRetryAfter = 10 * time.Second // a longer Retry-After ends the fetch: the worker is better used elsewhere
	maxHeaderSize = 64 << 10
)

// Config says how a Fetcher reads registration files. The zero value is usable: every zero field takes
// its default.
type Config struct {
	// Timeout bounds one attempt as a whole, from dialling to the last byte of the body (default 10s).
	Timeout time.Duration
	// MaxBytes caps the body (and a decoded data: payload); a larger one fails with CodeTooLarge without
	// being read in full (default 1 MiB).
	MaxBytes int64
	// Attempts is how many times a temporary failure (network error, timeout, 5xx, 408, 429) is tried
	// (default 3).
	Attempts int
	// Backoff is the delay before the first retry (default 500ms); it doubles for each further retry, with
	// ±20% jitter, and honours the context. A Retry-After header of up to 10s lengthens it.
	Backoff time.Duration
	// AllowPrivate turns the SSRF guard off. By default the fetcher refuses to connect to loopback, private,
	// link-local, unspecified, multicast and other special-purpose addresses (checked on the resolved
	// address at dial time, so DNS rebinding is covered, and on every redirect hop) and refuses plain
	// http:// URIs. Tests set it to reach httptest servers.
	AllowPrivate bool
	// IPFSGateway maps ipfs://CID/path to <gateway>/ipfs/CID/path, e.g. "https://ipfs.io". Empty: ipfs://
	// URIs fail with CodeUnsupportedScheme. The gateway is chosen by the operator and is trusted: it may be a
	// local node on a private address or plain http, and redirects are followed only within its host.
	IPFSGateway string
	// UserAgent is sent with every request (default "agora-indexer/regfile").
	UserAgent string
	// RootCAs, if set, replaces the system roots for TLS (tests, private deployments).
	RootCAs *x509.CertPool
}

// withDefaults returns cfg with every zero or negative field set to its default.
func (cfg Config) withDefaults() Config {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	if cfg.Attempts <= 0 {
		cfg.Attempts = DefaultAttempts
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = DefaultBackoff
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	cfg.IPFSGateway = strings.TrimRight(strings.TrimSpace(cfg.IPFSGateway), "/")
	return cfg
}

// Fetcher reads the bytes behind agent URIs. It is safe for concurrent use.
type Fetcher struct {
	cfg     Config
	client  *http.Client // attacker-chosen hosts: SSRF guard on every dial
	gateway *http.Client // the operator's IPFS gateway: no guard, redirects only within its host
	gwURL   *url.URL     // parsed IPFSGateway; nil when unset or invalid
	gwErr   string       // why IPFSGateway is unusable, when it is set but invalid
}

// New returns a Fetcher for cfg (zero fields take their defaults).
func New(cfg Config) *Fetcher {
	cfg = cfg.withDefaults()
	f := &Fetcher{cfg: cfg}
	f.client = &http.Client{
		Transport:     newTransport(cfg, !cfg.AllowPrivate),
		CheckRedirect: f.checkRedirect,
	}
	if cfg.IPFSGateway != "" {
		u, err := url.Parse(cfg.IPFSGateway)
		switch {
		case err != nil:
			f.gwErr = "IPFS gateway is not a URL"
		case (u.Scheme != "https" && u.Scheme != "http") || u.Host == "":
			f.gwErr = "IPFS gateway must be an http(s) URL with a host"
		default:
			f.gwURL = u
			f.gateway = &http.Client{
				Transport:     newTransport(cfg, false),
				CheckRedirect: f.checkGatewayRedirect,
			}
		}
	}
	return f
}

// Config returns the configuration in force, defaults filled in.
func (f *Fetcher) Config() Config { return f.cfg }

// CloseIdleConnections closes kept-alive connections (for shutdown and tests).
func (f *Fetcher) CloseIdleConnections() {
	f.client.CloseIdleConnections()
	if f.gateway != nil {
		f.gateway.CloseIdleConnections()
	}
}

func newTransport(cfg Config, guard bool) *http.Transport {
	d := &net.Dialer{Timeout: cfg.Timeout, KeepAlive: 30 * time.Second}
	if guard {
		d.Control = guardControl
	}
	return &http.Transport{
		// No proxy from the environment: a proxy would be the only address dialled, defeating the guard.
		Proxy:                  nil,
		DialContext:            d.DialContext,
		ForceAttemptHTTP2:      true,
		TLSClientConfig:        &tls.Config{RootCAs: cfg.RootCAs, MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout:    cfg.Timeout,
		MaxIdleConns:           64,
		MaxIdleConnsPerHost:    4,
		IdleConnTimeout:        90 * time.Second,
		MaxResponseHeaderBytes: maxHeaderSize,
	}
}

func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > maxRedirects {
		return newError(CodeHTTPStatus, false, nil, "stopped after %d redirects", maxRedirects)
	}
	switch req.URL.Scheme {
	case "https":
		return nil
	case "http":
		if f.cfg.AllowPrivate {
			return nil
		}
		return newError(CodeUnsupportedScheme, false, nil, "redirect to plain http:// refused")
	default:
		return newError(CodeUnsupportedScheme, false, nil, "redirect to scheme %q refused", truncate(req.URL.Scheme, 32))
	}
}

func (f *Fetcher) checkGatewayRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > maxRedirects {
		return newError(CodeHTTPStatus, false, nil, "stopped after %d redirects", maxRedirects)
	}
	host, gw := strings.ToLower(req.URL.Hostname()), strings.ToLower(f.gwURL.Hostname())
	if (req.URL.Scheme != "https" && req.URL.Scheme != "http") || (host != gw && !strings.HasSuffix(host, "."+gw)) {
		return newError(CodeBlockedAddress, false, nil, "gateway redirected away from its host")
	}
	return nil
}

// Scheme names the kind of an agent URI as the fetcher sees it: "data", "https", "http", "ipfs" or
// "other" (empty, unknown or malformed). It is meant for metric labels.
func Scheme(uri string) string {
	s := strings.TrimSpace(uri)
	scheme, _, ok := strings.Cut(s, ":")
	if !ok {
		return "other"
	}
	switch sc := strings.ToLower(scheme); sc {
	case "data", "https", "http", "ipfs":
		return sc
	}
	return "other"
}

// NeedsNetwork reports whether fetching uri goes to the network. When false, Fetch answers at once from
// the URI alone (a data: URI, or a URI refused before any connection).
func (f *Fetcher) NeedsNetwork(uri string) bool {
	switch Scheme(uri) {
	case "https":
		return true
	case "http":
		return f.cfg.AllowPrivate
	case "ipfs":
		return f.gwURL != nil
	}
	return false
}

// Fetch returns the raw bytes behind uri. data: URIs (RFC 2397, base64 or percent-encoded, any JSON-ish
// media type) are decoded locally with no network. https:// (and http:// only when AllowPrivate) are
// fetched; ipfs:// goes through the configured gateway. Every error is an *Error.
func (f *Fetcher) Fetch(ctx context.Context, uri string) ([]byte, error) {
	raw, _, err := f.FetchAttempts(ctx, uri)
	return raw, err
}

// FetchAttempts is Fetch that also reports how many attempts were made: 0 when the URI was refused before
// any try, 1 for a data: URI.
func (f *Fetcher) FetchAttempts(ctx context.Context, uri string) ([]byte, int, error) {
	s := strings.TrimSpace(uri)
	if s == "" {
		return nil, 0, newError(CodeEmptyURI, false, nil, "agentURI is empty")
	}
	target, client, e := f.resolve(s)
	if e != nil {
		return nil, 0, e
	}
	if client == nil { // data:
		raw, e := decodeDataURI(s, f.cfg.MaxBytes)
		if e != nil {
			return nil, 1, e
		}
		return raw, 1, nil
	}
	delay := f.cfg.Backoff
	for attempt := 1; ; attempt++ {
		raw, e, retryAfter := f.attempt(ctx, client, target)
		if e == nil {
			return raw, attempt, nil
		}
		e.RetryAfter = retryAfter
		if !e.Temporary || e.Code == CodeCanceled || attempt >= f.cfg.Attempts || retryAfter > maxRetryAfter {
			return nil, attempt, e
		}
		wait := jitter(delay)
		if retryAfter > wait {
			wait = retryAfter
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			return nil, attempt, e // the caller's deadline would end the wait: report the real failure
		}
		if err := sleep(ctx, wait); err != nil {
			return nil, attempt, newError(CodeCanceled, true, err, "%v", err)
		}
		delay = min(2*delay, maxBackoff)
	}
}

// resolve checks uri (trimmed, non-empty) and returns the URL to GET and the client to use, or a nil
// client for a data: URI.
func (f *Fetcher) resolve(s string) (string, *http.Client, *Error) {
	switch Scheme(s) {
	case "data":
		return "", nil, nil
	case "http":
		if !f.cfg.AllowPrivate {
			return "", nil, newError(CodeUnsupportedScheme, false, nil, "plain http:// is refused; use https://")
		}
		fallthrough
	case "https":
		u, err := url.Parse(s)
		if err != nil {
			return "", nil, newError(CodeBadURI, false, err, "not a valid URL")
		}
		if u.Host == "" {
			return "", nil, newError(CodeBadURI, false, nil, "URL has no host")
		}
		u.Fragment, u.RawFragment = "", ""
		return u.String(), f.client, nil
	case "ipfs":
		if f.gwURL == nil {
			if f.gwErr != "" {
				return "", nil, newError(CodeUnsupportedScheme, false, nil, "ipfs:// unavailable: %s", f.gwErr)
			}
			return "", nil, newError(CodeUnsupportedScheme, false, nil, "ipfs:// needs an IPFS gateway and none is configured")
		}
		p, e := ipfsPath(s)
		if e != nil {
			return "", nil, e
		}
		return f.cfg.IPFSGateway + p, f.gateway, nil
	}
	scheme, _, ok := strings.Cut(s, ":")
	if !ok || strings.ContainsAny(scheme, "/?#") {
		return "", nil, newError(CodeUnsupportedScheme, false, nil, "agentURI has no scheme")
	}
	return "", nil, newError(CodeUnsupportedScheme, false, nil, "scheme %q is not supported", truncate(strings.ToLower(scheme), 32))
}

// ipfsPath maps ipfs://CID/a/b (also ipfs:CID and the legacy ipfs://ipfs/CID) to /ipfs/CID/a/b, refusing
// anything that could step out of the CID on the gateway (dot segments, odd CID characters).
func ipfsPath(s string) (string, *Error) {
	p := strings.TrimPrefix(s[len("ipfs:"):], "//")
	if len(p) >= 5 && strings.EqualFold(p[:5], "ipfs/") {
		p = p[5:]
	}
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	segs := strings.Split(p, "/")
	cid := segs[0]
	if cid == "" || len(cid) > 256 || !isAlnum(cid) {
		return "", newError(CodeBadURI, false, nil, "ipfs:// URI has no valid CID")
	}
	var b strings.Builder
	b.WriteString("/ipfs/")
	b.WriteString(cid)
	for _, seg := range segs[1:] {
		if seg == "" {
			continue
		}
		dec, err := url.PathUnescape(seg)
		if err != nil {
			return "", newError(CodeBadURI, false, err, "ipfs:// path has a bad escape")
		}
		if dec == "." || dec == ".." || strings.ContainsAny(dec, "/\\") {
			return "", newError(CodeBadURI, false, nil, "ipfs:// path may not contain dot segments or slashes")
		}
		b.WriteByte('/')
		b.WriteString(url.PathEscape(dec))
	}
	return b.String(), nil
}

func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// attempt makes one GET under its own Timeout. It returns the body, or the failure and the server's
// Retry-After (0 if none).
func (f *Fetcher) attempt(ctx context.Context, client *http.Client, target string) ([]byte, *Error, time.Duration) {
	actx, cancel := context.WithTimeout(ctx, f.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, target, nil)
	if err != nil {
		return nil, newError(CodeBadURI, false, err, "cannot build request"), 0
	}
	req.Header.Set("Accept", "application/json, */*;q=0.5")
	req.Header.Set("User-Agent", f.cfg.UserAgent)
	resp, err := client.Do(req)
	if err != nil {
		return nil, f.classify(ctx, actx, err), 0
	}
	// Closing an unread body drops the connection rather than draining it, so neither an error page nor
	// an oversized body is read past this point.
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		code := resp.StatusCode
		temporary := code >= 500 || code == http.StatusTooManyRequests || code == http.StatusRequestTimeout
		msg := strconv.Itoa(code)
		if text := http.StatusText(code); text != "" {
			msg += " " + text
		}
		return nil, newError(CodeHTTPStatus, temporary, nil, "%s", msg), retryAfter(resp.Header.Get("Retry-After"))
	}
	if resp.ContentLength > f.cfg.MaxBytes {
		return nil, newError(CodeTooLarge, false, nil, "Content-Length %d exceeds the limit of %d bytes",
			resp.ContentLength, f.cfg.MaxBytes), 0
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.cfg.MaxBytes+1))
	if err != nil {
		return nil, f.classify(ctx, actx, err), 0
	}
	if int64(len(body)) > f.cfg.MaxBytes {
		return nil, newError(CodeTooLarge, false, nil, "body exceeds the limit of %d bytes", f.cfg.MaxBytes), 0
	}
	return body, nil, 0
}

// classify turns a transport error into an *Error. ctx is the caller's context, actx the attempt's.
func (f *Fetcher) classify(ctx, actx context.Context, err error) *Error {
	if ctx.Err() != nil {
		return newError(CodeCanceled, true, ctx.Err(), "%v", ctx.Err())
	}
	if e := AsError(err); e != nil { // from CheckRedirect
		return e
	}
	if errors.Is(err, errBlocked) {
		var be *blockedError
		if errors.As(err, &be) {
			return newError(CodeBlockedAddress, false, err, "refusing to connect to %s (not a public address)", be.addr)
		}
		return newError(CodeBlockedAddress, false, err, "refusing to connect (not a public address)")
	}
	var netErr net.Error
	if errors.Is(actx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) ||
		(errors.As(err, &netErr) && netErr.Timeout()) {
		return newError(CodeTimeout, true, err, "no complete answer within %s", f.cfg.Timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // drop "Get <url>:" — the URL is already known and may be long
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) && dnsErr.IsNotFound {
		return newError(CodeUnreachable, false, err, "no such host %q", truncate(dnsErr.Name, 128))
	}
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var invalidErr x509.CertificateInvalidError
	if errors.As(err, &certErr) || errors.As(err, &unknownAuth) || errors.As(err, &hostErr) || errors.As(err, &invalidErr) {
		return newError(CodeUnreachable, false, err, "tls: %s", truncate(err.Error(), 200))
	}
	return newError(CodeUnreachable, true, err, "%s", truncate(err.Error(), 200))
}

// retryAfter parses a Retry-After header (seconds or HTTP date); 0 if absent or unparsable.
func retryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		if secs > int64(time.Hour/time.Second) {
			return time.Hour
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := time.Until(t); d > 0 {
			return d
		}
	}
	return 0
}

// jitter spreads d over ±20% so that many failing fetches do not retry in lockstep.
func jitter(d time.Duration) time.Duration {
	return time.Duration(float64(d) * (0.8 + 0.4*rand.Float64()))
}

// sleep waits d or until ctx is done, returning ctx.Err() in the latter case.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
