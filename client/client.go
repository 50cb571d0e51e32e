package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"go.opentelemetry.io/otel/propagation"

	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/eip712"
)

// Defaults of New.
const (
	// DefaultTimeout bounds one HTTP request (not a stream, which lives until closed).
	DefaultTimeout = 30 * time.Second
	// maxResponse is the largest response body read.
	maxResponse = 8 << 20
)

// Client talks to one Agora gateway. It is safe for concurrent use.
type Client struct {
	base      *url.URL
	http      *http.Client
	dial      *http.Client // for WebSockets: no overall timeout (the stream outlives it)
	userAgent string

	mu      sync.Mutex
	escrow  *eip712.Domain // the market's domain
	gateway *eip712.Domain // the heartbeats' domain
	pinned  bool           // the domains come from a deployment: typed data under others is refused
}

// Option configures a Client.
type Option func(*Client) error

// WithHTTPClient sends the requests with hc (its Timeout bounds each request). Streams use a copy of it
// without the Timeout.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) error {
		if hc == nil {
			return errors.New("WithHTTPClient: nil client")
		}
		c.http = hc
		return nil
	}
}

// WithTimeout bounds each HTTP request (default DefaultTimeout).
func WithTimeout(d time.Duration) Option {
	return func(c *Client) error {
		if d <= 0 {
			return fmt.Errorf("WithTimeout: %s is not positive", d)
		}
		hc := *c.http
		hc.Timeout = d
		c.http = &hc
		return nil
	}
}

// WithDeployment pins the EIP-712 domains to the deployment's: the escrow's (chain id, AgentEscrow) for
// market messages and the gateway's (chain id, IdentityRegistry) for heartbeats. Typed data from the gateway
// under another domain (an award's agreement, a broadcast RFQ) is then refused rather than signed.
func WithDeployment(d *deployment.Deployment) Option {
	return func(c *Client) error {
		if d == nil {
			return errors.New("WithDeployment: nil deployment")
		}
		chain := new(big.Int).SetUint64(d.ChainID)
		e := eip712.EscrowDomain(chain, d.Contracts.AgentEscrow.Address)
		g := eip712.GatewayDomain(chain, d.Contracts.IdentityRegistry.Address)
		c.escrow, c.gateway, c.pinned = &e, &g, true
		return nil
	}
}

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option {
	return func(c *Client) error {
		c.userAgent = ua
		return nil
	}
}

// New returns a client of the gateway at baseURL (http or https, e.g. "http://127.0.0.1:8080").
func New(baseURL string, opts ...Option) (*Client, error) {
	u, err := url.Parse(strings.TrimRight(baseURL, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("gateway URL %q: want http(s)://host[:port]", baseURL)
	}
	c := &Client{base: u, http: &http.Client{Timeout: DefaultTimeout}, userAgent: "agora-client"}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	dial := *c.http
	dial.Timeout = 0
	c.dial = &dial
	return c, nil
}

// BaseURL returns the gateway's URL.
func (c *Client) BaseURL() string { return c.base.String() }

// Problem is a refusal by the gateway: an RFC 9457 problem detail with Agora's stable Code (docs/market.md).
// A failed response that is not application/problem+json is also returned as a Problem, with the HTTP
// status, no Code and the start of the body as Detail.
type Problem struct {
	Type     string `json:"type,omitempty"`
	Title    string `json:"title,omitempty"`
	Status   int    `json:"status"`
	Code     string `json:"code"`
	Detail   string `json:"detail,omitempty"`
	Instance string `json:"instance,omitempty"`
	// Field names the request member at fault, EscrowError the escrow's custom error for the same values,
	// RegistryError the MandateRegistry's behind a mandate refusal (docs/gateway.md, docs/governance.md).
	Field         string `json:"field,omitempty"`
	EscrowError   string `json:"escrowError,omitempty"`
	RegistryError string `json:"registryError,omitempty"`
}

// Error implements error.
func (p *Problem) Error() string {
	code := p.Code
	if code == "" {
		code = http.StatusText(p.Status)
	}
	return fmt.Sprintf("gateway: %d %s: %s", p.Status, code, p.Detail)
}

// IsProblem reports whether err is (or wraps) a *Problem with the code.
func IsProblem(err error, code string) bool {
	var p *Problem
	return errors.As(err, &p) && p.Code == code
}

// do sends a request with a JSON body (nil: none) and decodes a 2xx JSON answer into out (nil: ignored).
// It returns the status.
func (c *Client) do(ctx context.Context, method, path string, body, out any) (int, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, fmt.Errorf("%s %s: %w", method, path, err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base.String()+path, rd)
	if err != nil {
		return 0, fmt.Errorf("%s %s: %w", method, path, err)
	}
	req.Header.Set("Accept", "application/json, application/problem+json")
	req.Header.Set("User-Agent", c.userAgent)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	traceHeaders(ctx, req.Header)
	res, err := c.http.Do(req)
	if err != nil {
		return 0, fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(io.LimitReader(res.Body, maxResponse))
	if err != nil {
		return res.StatusCode, fmt.Errorf("%s %s: read: %w", method, path, err)
	}
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return res.StatusCode, decodeProblem(res, data)
	}
	if res.StatusCode == http.StatusAccepted {
		if p := decodePending(data); p != nil {
			return res.StatusCode, p
		}
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			return res.StatusCode, fmt.Errorf("%s %s: decode %d answer: %w", method, path, res.StatusCode, err)
		}
	}
	return res.StatusCode, nil
}

// decodeProblem turns a failed response into a *Problem.
func decodeProblem(res *http.Response, body []byte) *Problem {
	ct, _, _ := mime.ParseMediaType(res.Header.Get("Content-Type"))
	if ct == "application/problem+json" || ct == "application/json" {
		var p Problem
		if err := json.Unmarshal(body, &p); err == nil && p.Code != "" {
			if p.Status == 0 {
				p.Status = res.StatusCode
			}
			return &p
		}
	}
	detail := strings.TrimSpace(string(body))
	if len(detail) > 200 {
		detail = detail[:200] + "…"
	}
	return &Problem{Status: res.StatusCode, Title: http.StatusText(res.StatusCode), Detail: detail}
}

// Template returns the eth_signTypedData_v4 template of one of Agora's types (GET /v1/eip712/{type}):
// "rfq", "quote", "service-agreement", "heartbeat" or "agent-wallet-set".
func (c *Client) Template(ctx context.Context, typ string) (*eip712.TypedData, error) {
	var td eip712.TypedData
	if _, err := c.do(ctx, http.MethodGet, "/v1/eip712/"+url.PathEscape(typ), nil, &td); err != nil {
		return nil, err
	}
	return &td, nil
}

// EscrowDomain returns the domain market messages are signed under: the deployment's, or the gateway's
// answer to GET /v1/eip712/rfq (fetched once).
func (c *Client) EscrowDomain(ctx context.Context) (eip712.Domain, error) {
	return c.domain(ctx, &c.escrow, "rfq")
}

// GatewayDomain returns the domain heartbeats are signed under: the deployment's, or the gateway's answer
// to GET /v1/eip712/heartbeat (fetched once).
func (c *Client) GatewayDomain(ctx context.Context) (eip712.Domain, error) {
	return c.domain(ctx, &c.gateway, "heartbeat")
}

func (c *Client) domain(ctx context.Context, slot **eip712.Domain, typ string) (eip712.Domain, error) {
	c.mu.Lock()
	if d := *slot; d != nil {
		c.mu.Unlock()
		return *d, nil
	}
	c.mu.Unlock()
	td, err := c.Template(ctx, typ)
	if err != nil {
		return eip712.Domain{}, fmt.Errorf("learn the %s domain: %w", typ, err)
	}
	chain, ok := new(big.Int).SetString(td.Domain.ChainID, 10)
	if !ok || !common.IsHexAddress(td.Domain.VerifyingContract) {
		return eip712.Domain{}, fmt.Errorf("learn the %s domain: malformed domain %+v", typ, td.Domain)
	}
	d := eip712.Domain{Name: td.Domain.Name, Version: td.Domain.Version, ChainID: chain,
		VerifyingContract: common.HexToAddress(td.Domain.VerifyingContract)}
	c.mu.Lock()
	*slot = &d
	c.mu.Unlock()
	return d, nil
}

// checkDomain refuses typed data under another domain than the one this client signs market messages under.
func (c *Client) checkDomain(ctx context.Context, got eip712.Domain) error {
	want, err := c.EscrowDomain(ctx)
	if err != nil {
		return err
	}
	if got.Name != want.Name || got.Version != want.Version || got.ChainID == nil || got.ChainID.Cmp(want.ChainID) != 0 ||
		got.VerifyingContract != want.VerifyingContract {
		return fmt.Errorf("%w: typed data under %s v%s chain %v contract %s, want %s v%s chain %s contract %s", ErrWrongDomain,
			got.Name, got.Version, got.ChainID, got.VerifyingContract.Hex(), want.Name, want.Version, want.ChainID, want.VerifyingContract.Hex())
	}
	return nil
}

// ErrWrongDomain is returned (wrapped) for typed data under another domain than the client's.
var ErrWrongDomain = errors.New("wrong EIP-712 domain")

// traceHeaders adds ctx's W3C trace context (traceparent, tracestate) to h, so that an agent that traces its
// own work continues the same trace through the gateway (nothing when ctx carries no span context).
func traceHeaders(ctx context.Context, h http.Header) {
	propagation.TraceContext{}.Inject(ctx, propagation.HeaderCarrier(h))
}

// requestTimeout is the bound of one HTTP request (DefaultTimeout when the HTTP client has none).
func (c *Client) requestTimeout() time.Duration {
	if c.http.Timeout > 0 {
		return c.http.Timeout
	}
	return DefaultTimeout
}
