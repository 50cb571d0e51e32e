package embed

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/agoralabs/agora/internal/redact"
)

// Defaults for OpenAIConfig's zero fields.
const (
	DefaultOpenAITimeout      = 30 * time.Second
	DefaultOpenAIMaxBatch     = 64
	DefaultOpenAIMaxRetries   = 3
	DefaultOpenAIRetryBackoff = 500 * time.Millisecond
	maxRetryBackoff           = 10 * time.Second
	maxResponseBytes          = 64 << 20
	maxErrorBodyBytes         = 4 << 10
)

// OpenAIConfig configures an OpenAI-compatible embeddings client.
type OpenAIConfig struct {
	// BaseURL is the API root, e.g. "https://api.openai.com/v1"; requests go to its path +
	// "/embeddings", with its query kept.
	BaseURL string
	// Model is the remote model name, e.g. "text-embedding-3-small". It is also Model().
	Model string
	// APIKey is sent as "Authorization: Bearer <key>"; empty sends no Authorization header (local
	// servers). It never appears in errors.
	APIKey string
	// Dims is the vector length the server must return (required). It is sent as "dimensions"
	// unless OmitDimensions is set.
	Dims int
	// Timeout bounds each HTTP attempt (DefaultOpenAITimeout when zero).
	Timeout time.Duration
	// MaxBatch is the most texts sent in one request (DefaultOpenAIMaxBatch when zero).
	MaxBatch int
	// HTTPClient sends the requests (a new client when nil).
	HTTPClient *http.Client
	// MaxRetries is how many times a request is retried after a 429, a 5xx or a transport error
	// (DefaultOpenAIMaxRetries when zero; negative disables retries).
	MaxRetries int
	// RetryBackoff is the first pause before a retry, doubled each time up to 10 s, with jitter; a
	// Retry-After header of at most 10 s is honoured instead (DefaultOpenAIRetryBackoff when zero).
	RetryBackoff time.Duration
	// OmitDimensions leaves "dimensions" out of requests, for models and servers that reject it
	// (text-embedding-ada-002, many local servers); Dims must then be the model's native size.
	OmitDimensions bool
}

// OpenAI is an Embedder backed by an OpenAI-compatible POST {BaseURL}/embeddings endpoint. It is
// safe for concurrent use.
type OpenAI struct {
	cfg      OpenAIConfig
	endpoint string
	client   *http.Client
}

// APIError is a non-2xx answer from the embeddings endpoint. Its text never holds the API key.
type APIError struct {
	StatusCode int
	Type       string // error.type from an OpenAI-style error body, if any
	Code       string // error.code, if any
	Message    string // error.message, or the start of the body
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "status %d", e.StatusCode)
	if e.Type != "" || e.Code != "" {
		fmt.Fprintf(&b, " (%s)", strings.Trim(e.Type+"/"+e.Code, "/"))
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	return b.String()
}

// Temporary reports whether the request may succeed if sent again (429 or 5xx).
func (e *APIError) Temporary() bool {
	return e.StatusCode == http.StatusTooManyRequests || e.StatusCode >= 500
}

// NewOpenAI checks cfg and returns a client. It makes no request.
func NewOpenAI(cfg OpenAIConfig) (*OpenAI, error) {
	u, err := url.Parse(cfg.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("embed: openai: base URL %q must be an http(s) URL", redact.URL(cfg.BaseURL))
	}
	if cfg.Model == "" {
		return nil, errors.New("embed: openai: model is required")
	}
	if cfg.Dims <= 0 {
		return nil, fmt.Errorf("embed: openai: dims must be positive, got %d", cfg.Dims)
	}
	if cfg.MaxBatch < 0 || cfg.Timeout < 0 || cfg.RetryBackoff < 0 {
		return nil, errors.New("embed: openai: max batch, timeout and retry backoff must not be negative")
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = DefaultOpenAITimeout
	}
	if cfg.MaxBatch == 0 {
		cfg.MaxBatch = DefaultOpenAIMaxBatch
	}
	if cfg.MaxRetries == 0 {
		cfg.MaxRetries = DefaultOpenAIMaxRetries
	}
	if cfg.MaxRetries < 0 {
		cfg.MaxRetries = 0
	}
	if cfg.RetryBackoff == 0 {
		cfg.RetryBackoff = DefaultOpenAIRetryBackoff
	}
	u.Path = strings.TrimRight(u.Path, "/") + "/embeddings" // keeps a query such as ?api-version=
	u.RawPath = ""
	c := &OpenAI{cfg: cfg, endpoint: u.String(), client: cfg.HTTPClient}
	if c.client == nil {
		c.client = &http.Client{}
	}
	return c, nil
}

// Model returns the remote model name.
func (c *OpenAI) Model() string { return c.cfg.Model }

// Dims returns the configured vector length.
func (c *OpenAI) Dims() int { return c.cfg.Dims }

// Embed sends texts in batches of MaxBatch, in order, and returns one unit vector per text. It
// fails if any batch fails (after retries) or if the server returns a vector count, index or length
// that does not match.
func (c *OpenAI) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, 0, len(texts))
	for start := 0; start < len(texts); start += c.cfg.MaxBatch {
		end := min(start+c.cfg.MaxBatch, len(texts))
		vs, err := c.embedBatch(ctx, texts[start:end])
		if err != nil {
			return nil, c.scrub(fmt.Errorf("embed: openai %s: texts %d..%d: %w", c.cfg.Model, start, end-1, err))
		}
		out = append(out, vs...)
	}
	return out, nil
}

type embeddingsRequest struct {
	Model      string   `json:"model"`
	Input      []string `json:"input"`
	Dimensions int      `json:"dimensions,omitempty"`
}

type embeddingsResponse struct {
	Data []struct {
		Index     *int      `json:"index"`
		Embedding []float64 `json:"embedding"`
	} `json:"data"`
}

type errorBody struct {
	Error struct {
		Message string          `json:"message"`
		Type    string          `json:"type"`
		Code    json.RawMessage `json:"code"`
	} `json:"error"`
}

func (c *OpenAI) embedBatch(ctx context.Context, texts []string) ([][]float32, error) {
	req := embeddingsRequest{Model: c.cfg.Model, Input: texts}
	if !c.cfg.OmitDimensions {
		req.Dimensions = c.cfg.Dims
	}
	body, err := json.Marshal(req)
	if err != nil {
		return nil, fmt.Errorf("encode request: %w", err)
	}
	backoff := c.cfg.RetryBackoff
	for attempt := 0; ; attempt++ {
		resp, retryAfter, err := c.post(ctx, body)
		if err == nil {
			return c.parse(resp, len(texts))
		}
		var apiErr *APIError
		temporary := !errors.As(err, &apiErr) || apiErr.Temporary()
		if !temporary || attempt >= c.cfg.MaxRetries || ctx.Err() != nil {
			if attempt > 0 {
				return nil, fmt.Errorf("after %d attempts: %w", attempt+1, err)
			}
			return nil, err
		}
		wait := backoff/2 + rand.N(backoff/2+1)
		if retryAfter > 0 && retryAfter <= maxRetryBackoff {
			wait = retryAfter
		}
		backoff = min(2*backoff, maxRetryBackoff)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, fmt.Errorf("waiting to retry after %v: %w", err, ctx.Err())
		case <-t.C:
		}
	}
}

// post sends one request and returns the body of a 2xx answer, or an error: *APIError for any
// other status (with the Retry-After pause, if given), a transport error otherwise.
func (c *OpenAI) post(ctx context.Context, body []byte) ([]byte, time.Duration, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, bytes.NewReader(body))
	if err != nil {
		return nil, 0, fmt.Errorf("build request for %s: %w", redact.URL(c.endpoint), unwrapURLError(err))
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	if c.cfg.APIKey != "" {
		req.Header.Set("Authorization", "Bearer "+c.cfg.APIKey)
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return nil, 0, fmt.Errorf("post %s: %w", redact.URL(c.endpoint), unwrapURLError(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBodyBytes))
		return nil, retryAfter(resp.Header.Get("Retry-After")), apiError(resp.StatusCode, b)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes+1))
	if err != nil {
		return nil, 0, fmt.Errorf("read response: %w", err)
	}
	if len(b) > maxResponseBytes {
		return nil, 0, fmt.Errorf("response larger than %d bytes", maxResponseBytes)
	}
	return b, 0, nil
}

func (c *OpenAI) parse(b []byte, n int) ([][]float32, error) {
	var r embeddingsResponse
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("decode response: %w", err)
	}
	if len(r.Data) != n {
		return nil, fmt.Errorf("response has %d embeddings for %d inputs", len(r.Data), n)
	}
	out := make([][]float32, n)
	for i, d := range r.Data {
		idx := i // servers that omit index answer in input order
		if d.Index != nil {
			idx = *d.Index
		}
		if idx < 0 || idx >= n {
			return nil, fmt.Errorf("response embedding index %d out of range [0,%d)", idx, n)
		}
		if out[idx] != nil {
			return nil, fmt.Errorf("response repeats embedding index %d", idx)
		}
		if len(d.Embedding) != c.cfg.Dims {
			return nil, fmt.Errorf("%w: embedding %d has %d values, want %d", ErrDims, idx, len(d.Embedding), c.cfg.Dims)
		}
		v := make([]float32, len(d.Embedding))
		for j, x := range d.Embedding {
			v[j] = float32(x)
		}
		if err := normalize(v); err != nil {
			return nil, fmt.Errorf("embedding %d: %w", idx, err)
		}
		out[idx] = v
	}
	return out, nil
}

func apiError(status int, body []byte) *APIError {
	e := &APIError{StatusCode: status}
	var eb errorBody
	if json.Unmarshal(body, &eb) == nil && (eb.Error.Message != "" || eb.Error.Type != "") {
		e.Message, e.Type = eb.Error.Message, eb.Error.Type
		if code := strings.Trim(string(eb.Error.Code), `"`); code != "null" {
			e.Code = code
		}
	} else {
		e.Message = strings.TrimSpace(strings.ToValidUTF8(string(body), "?"))
	}
	if len(e.Message) > 300 {
		e.Message = strings.ToValidUTF8(e.Message[:300], "") + "…"
	}
	return e
}

// retryAfter reads a Retry-After header given in seconds; an HTTP date or garbage gives 0.
func retryAfter(h string) time.Duration {
	s, err := strconv.Atoi(strings.TrimSpace(h))
	if err != nil || s < 0 {
		return 0
	}
	return time.Duration(s) * time.Second
}

// unwrapURLError drops *url.Error's wrapping, whose text repeats the full URL.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// scrub makes sure err's text does not hold the API key (a server may echo it back, a base URL may
// carry it). An error that would hold it is replaced by one whose text has it masked; the wrapped
// *APIError and context errors stay reachable with errors.As and errors.Is.
func (c *OpenAI) scrub(err error) error {
	key := c.cfg.APIKey
	if key == "" || !strings.Contains(err.Error(), key) {
		return err
	}
	s := &scrubbed{msg: strings.ReplaceAll(err.Error(), key, "[redacted]")}
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		cp := *apiErr
		cp.Message = strings.ReplaceAll(cp.Message, key, "[redacted]")
		cp.Type = strings.ReplaceAll(cp.Type, key, "[redacted]")
		cp.Code = strings.ReplaceAll(cp.Code, key, "[redacted]")
		s.api = &cp
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		s.ctx = context.DeadlineExceeded
	case errors.Is(err, context.Canceled):
		s.ctx = context.Canceled
	}
	return s
}

type scrubbed struct {
	msg string
	api *APIError
	ctx error
}

func (s *scrubbed) Error() string { return s.msg }

func (s *scrubbed) Unwrap() []error {
	var errs []error
	if s.api != nil {
		errs = append(errs, s.api)
	}
	if s.ctx != nil {
		errs = append(errs, s.ctx)
	}
	return errs
}
