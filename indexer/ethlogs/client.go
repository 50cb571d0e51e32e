// Package ethlogs fetches logs with eth_getLogs over HTTP JSON-RPC and decodes the answers with a hand-written
// scanner, for the indexer's backfill: go-ethereum's rpc.Client with encoding/json spends most of its time in
// reflection and in validating the JSON twice, while the logs are the bulk of what backfill reads.
package ethlogs

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/agoralabs/agora/internal/redact"
)

// DefaultMaxBodySize caps the bytes of one response body that GetLogs reads, unless SetMaxBodySize says otherwise.
const DefaultMaxBodySize = 256 << 20

// Bounds of what an HTTP error keeps of the body, and of the pooled body buffers.
const (
	httpErrorExcerpt = 512
	maxPooledBuffer  = 32 << 20
)

var (
	// ErrBodyTooLarge is returned (wrapped) by GetLogs when a response body exceeds the client's cap.
	ErrBodyTooLarge = errors.New("response body too large")
	// ErrInvalidFilter is returned (wrapped) by GetLogs for a Filter that is neither a valid range nor a block
	// hash query.
	ErrInvalidFilter = errors.New("invalid filter")
)

// Client posts eth_getLogs requests to one HTTP(S) JSON-RPC endpoint over a keep-alive http.Client.
// It is safe for concurrent use.
type Client struct {
	url     string
	http    *http.Client
	maxBody atomic.Int64
	id      atomic.Uint64
}

// NewClient returns a Client for the JSON-RPC endpoint at url. A nil httpClient gets a default with
// connect, TLS and header timeouts and up to 32 idle connections per host, so that concurrent backfill
// workers keep their connections.
func NewClient(url string, httpClient *http.Client) *Client {
	if httpClient == nil {
		httpClient = defaultHTTPClient()
	}
	c := &Client{url: url, http: httpClient}
	c.maxBody.Store(DefaultMaxBodySize)
	return c
}

// SetMaxBodySize sets the cap on the bytes of one response body (after any transfer decompression);
// n <= 0 restores DefaultMaxBodySize. It may be called at any time and applies to later calls.
func (c *Client) SetMaxBodySize(n int64) {
	if n <= 0 {
		n = DefaultMaxBodySize
	}
	c.maxBody.Store(n)
}

func defaultHTTPClient() *http.Client {
	return &http.Client{
		// A backstop: callers bound each call with their context.
		Timeout: 5 * time.Minute,
		Transport: &http.Transport{
			Proxy: http.ProxyFromEnvironment,
			DialContext: (&net.Dialer{
				Timeout:   10 * time.Second,
				KeepAlive: 30 * time.Second,
			}).DialContext,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          64,
			MaxIdleConnsPerHost:   32,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   10 * time.Second,
			ResponseHeaderTimeout: 2 * time.Minute,
			ExpectContinueTimeout: time.Second,
		},
	}
}

// Filter is a block-range or block-hash query over addresses (exactly one of the two forms): a range from
// FromBlock to ToBlock inclusive, or the one block BlockHash (then FromBlock and ToBlock must be zero).
// No addresses means logs of every contract.
type Filter struct {
	FromBlock, ToBlock uint64
	BlockHash          *common.Hash
	Addresses          []common.Address
}

// String describes the filter's blocks, for error messages.
func (f Filter) String() string {
	if f.BlockHash != nil {
		return "block " + f.BlockHash.Hex()
	}
	return fmt.Sprintf("blocks %d-%d", f.FromBlock, f.ToBlock)
}

func (f Filter) check() error {
	if f.BlockHash != nil && (f.FromBlock != 0 || f.ToBlock != 0) {
		return fmt.Errorf("%w: both a block hash and a block range", ErrInvalidFilter)
	}
	if f.BlockHash == nil && f.FromBlock > f.ToBlock {
		return fmt.Errorf("%w: fromBlock %d > toBlock %d", ErrInvalidFilter, f.FromBlock, f.ToBlock)
	}
	return nil
}

// RPCError is a JSON-RPC error answer. Callers look at Code and Message (and Data) to recognise answers such
// as "query returned more than 10000 results" and split the range.
type RPCError struct {
	Code    int
	Message string
	// Data is the error's data member as raw JSON, nil when absent or null.
	Data json.RawMessage
}

// Error describes the answer, with at most 256 bytes of its data.
func (e *RPCError) Error() string {
	s := "ethlogs: json-rpc error " + strconv.Itoa(e.Code) + ": " + e.Message
	if len(e.Data) > 0 {
		s += " (data " + excerpt(e.Data, 256) + ")"
	}
	return s
}

// ErrorCode returns Code; with ErrorData it makes RPCError a go-ethereum rpc.Error and rpc.DataError.
func (e *RPCError) ErrorCode() int { return e.Code }

// ErrorData returns Data.
func (e *RPCError) ErrorData() any { return e.Data }

// HTTPError is an answer whose HTTP status is not 200. GetLogs returns it wrapped.
type HTTPError struct {
	StatusCode int
	Status     string
	// Body is the start of the body, at most 512 bytes.
	Body []byte
}

// Error gives the status and the body excerpt.
func (e *HTTPError) Error() string {
	return fmt.Sprintf("HTTP status %s: %s", e.Status, excerpt(e.Body, httpErrorExcerpt))
}

// excerpt quotes at most n bytes of b, marking a cut.
func excerpt(b []byte, n int) string {
	if len(b) <= n {
		return strconv.Quote(string(b))
	}
	return strconv.Quote(strings.ToValidUTF8(string(b[:n]), string(utf8.RuneError))) + "..."
}

// bodyPool holds response buffers; DecodeResponse copies what it keeps, so they can be reused at once.
var bodyPool sync.Pool

// GetLogs performs one eth_getLogs call. A JSON-RPC error answer is returned as *RPCError, unwrapped; an HTTP
// status other than 200 as a wrapped *HTTPError; a body over the cap as a wrapped ErrBodyTooLarge.
func (c *Client) GetLogs(ctx context.Context, f Filter) ([]types.Log, error) {
	logs, err := c.getLogs(ctx, f)
	if err == nil {
		return logs, nil
	}
	var (
		decodeErr *decodeError
		urlErr    *url.Error
	)
	switch {
	case errors.As(err, new(*RPCError)):
		return nil, err
	case errors.As(err, &decodeErr):
		decodeErr.call = "eth_getLogs " + f.String()
		return nil, err
	case errors.As(err, &urlErr):
		urlErr.URL = redact.URL(urlErr.URL) // endpoints often carry an API key
	}
	return nil, fmt.Errorf("ethlogs: eth_getLogs %s: %w", f, err)
}

func (c *Client) getLogs(ctx context.Context, f Filter) ([]types.Log, error) {
	if err := f.check(); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url,
		bytes.NewReader(appendRequest(nil, c.id.Add(1), f)))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer func() {
		// Drain a little so that the connection can be reused, then close.
		_, _ = io.CopyN(io.Discard, resp.Body, 64<<10)
		resp.Body.Close()
	}()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, httpErrorExcerpt))
		return nil, &HTTPError{StatusCode: resp.StatusCode, Status: resp.Status, Body: body}
	}

	bufp, _ := bodyPool.Get().(*[]byte)
	if bufp == nil {
		bufp = new([]byte)
	}
	body, err := readBody(resp.Body, resp.ContentLength, c.maxBody.Load(), (*bufp)[:0])
	defer func() {
		if cap(body) <= maxPooledBuffer {
			*bufp = body[:0]
			bodyPool.Put(bufp)
		}
	}()
	if err != nil {
		return nil, err
	}
	return DecodeResponse(body)
}

// readBody reads r into buf, failing with ErrBodyTooLarge past limit bytes. contentLength (-1 when unknown)
// sizes the buffer.
func readBody(r io.Reader, contentLength, limit int64, buf []byte) ([]byte, error) {
	if contentLength > limit {
		return buf, fmt.Errorf("%w: Content-Length %d exceeds %d bytes", ErrBodyTooLarge, contentLength, limit)
	}
	if contentLength >= 0 && int64(cap(buf)) < contentLength+1 {
		// One more byte than announced, so that reading to EOF needs no growth.
		buf = make([]byte, 0, contentLength+1)
	}
	if cap(buf) == 0 {
		buf = make([]byte, 0, 64<<10)
	}
	for {
		if len(buf) == cap(buf) {
			if int64(len(buf)) > limit {
				return buf, fmt.Errorf("%w: over %d bytes", ErrBodyTooLarge, limit)
			}
			size := min(int64(2*cap(buf)), limit+1)
			buf = append(make([]byte, 0, size), buf...)
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return buf, fmt.Errorf("%w: over %d bytes", ErrBodyTooLarge, limit)
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, fmt.Errorf("read body: %w", err)
		}
	}
}

// appendRequest appends the JSON-RPC request for f to dst.
func appendRequest(dst []byte, id uint64, f Filter) []byte {
	dst = append(dst, `{"jsonrpc":"2.0","id":`...)
	dst = strconv.AppendUint(dst, id, 10)
	dst = append(dst, `,"method":"eth_getLogs","params":[{`...)
	if f.BlockHash != nil {
		dst = append(dst, `"blockHash":"0x`...)
		dst = hex.AppendEncode(dst, f.BlockHash[:])
		dst = append(dst, '"')
	} else {
		dst = append(dst, `"fromBlock":"0x`...)
		dst = strconv.AppendUint(dst, f.FromBlock, 16)
		dst = append(dst, `","toBlock":"0x`...)
		dst = strconv.AppendUint(dst, f.ToBlock, 16)
		dst = append(dst, '"')
	}
	if len(f.Addresses) > 0 {
		dst = append(dst, `,"address":[`...)
		for i, a := range f.Addresses {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, `"0x`...)
			dst = hex.AppendEncode(dst, a[:])
			dst = append(dst, '"')
		}
		dst = append(dst, ']')
	}
	return append(dst, `}]}`...)
}
