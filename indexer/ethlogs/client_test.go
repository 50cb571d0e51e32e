package ethlogs_test

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/agoralabs/agora/indexer/ethlogs"
)

// RPCError is what go-ethereum's rpc package calls an error with a code and data.
var (
	_ rpc.Error     = (*ethlogs.RPCError)(nil)
	_ rpc.DataError = (*ethlogs.RPCError)(nil)
)

// callTimeout bounds each GetLogs call of the tests against a local server.
const callTimeout = 30 * time.Second

// request is an eth_getLogs request as the server sees it.
type request struct {
	JSONRPC string            `json:"jsonrpc"`
	ID      json.RawMessage   `json:"id"`
	Method  string            `json:"method"`
	Params  []json.RawMessage `json:"params"`
}

// server is a JSON-RPC endpoint on 127.0.0.1 that answers every request with answer.
type server struct {
	*httptest.Server
	mu       sync.Mutex
	requests []request
	headers  []http.Header
	conns    atomic.Int32 // connections opened
}

func newServer(t *testing.T, answer http.HandlerFunc) *server {
	t.Helper()
	s := &server{}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			t.Errorf("server: read request: %v", err)
		}
		var req request
		if err := json.Unmarshal(body, &req); err != nil {
			t.Errorf("server: request %q is not JSON: %v", body, err)
		}
		s.mu.Lock()
		s.requests = append(s.requests, req)
		s.headers = append(s.headers, r.Header.Clone())
		s.mu.Unlock()
		answer(w, r)
	}))
	s.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.Start()
	t.Cleanup(s.Close)
	return s
}

func answerWith(status int, body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write(body)
	}
}

func getLogs(t *testing.T, c *ethlogs.Client, f ethlogs.Filter) ([]types.Log, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	return c.GetLogs(ctx, f)
}

func TestClient_GetLogs_Request(t *testing.T) {
	body, want := gen(rand.New(rand.NewPCG(13, 14)), genConfig{logs: 20, maxData: 500, maxTopics: 4})
	s := newServer(t, answerWith(http.StatusOK, body))
	c := ethlogs.NewClient(s.URL, nil)
	a1 := common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	a2 := common.HexToAddress("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512")
	hash := common.HexToHash("0xdc0818cf78f21a8e70579cb46a43643f78291264dda342ae31049421c82d21ae")
	tests := []struct {
		name   string
		filter ethlogs.Filter
		want   string // the params object
	}{
		{"range", ethlogs.Filter{FromBlock: 16, ToBlock: 4096, Addresses: []common.Address{a1, a2}},
			`{"fromBlock":"0x10","toBlock":"0x1000","address":["0x5fbdb2315678afecb367f032d93f642f64180aa3","0xe7f1725e7734ce288f8367e1bb143e90bb3f0512"]}`},
		{"range of block 0, any address", ethlogs.Filter{}, `{"fromBlock":"0x0","toBlock":"0x0"}`},
		{"block hash", ethlogs.Filter{BlockHash: &hash, Addresses: []common.Address{a1}},
			`{"blockHash":"0xdc0818cf78f21a8e70579cb46a43643f78291264dda342ae31049421c82d21ae","address":["0x5fbdb2315678afecb367f032d93f642f64180aa3"]}`},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := getLogs(t, c, tt.filter)
			if err != nil {
				t.Fatalf("GetLogs: %v", err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("GetLogs = %d logs different from the %d served", len(got), len(want))
			}
			s.mu.Lock()
			req, hdr := s.requests[i], s.headers[i]
			s.mu.Unlock()
			if req.JSONRPC != "2.0" || req.Method != "eth_getLogs" || len(req.Params) != 1 || string(req.Params[0]) != tt.want {
				t.Errorf("request = %+v (params %s), want eth_getLogs with params [%s]", req, req.Params, tt.want)
			}
			if id, err := strconv.ParseUint(string(req.ID), 10, 64); err != nil || id == 0 {
				t.Errorf("request id = %s, want a positive number", req.ID)
			}
			if ct := hdr.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type = %q, want application/json", ct)
			}
		})
	}
	// Sequential calls share one keep-alive connection: the transport pools a connection before a body read
	// to EOF returns, and GetLogs reads to EOF.
	if n := s.conns.Load(); n != 1 {
		t.Errorf("%d connections opened for %d sequential calls, want 1", n, len(tests))
	}
}

func TestClient_GetLogs_Gzip(t *testing.T) {
	body, want := gen(rand.New(rand.NewPCG(15, 16)), genConfig{logs: 30, maxData: 100, maxTopics: 4})
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			t.Errorf("Accept-Encoding = %q, want gzip", r.Header.Get("Accept-Encoding"))
		}
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		_, _ = zw.Write(body)
		_ = zw.Close()
	})
	got, err := getLogs(t, ethlogs.NewClient(s.URL, nil), ethlogs.Filter{ToBlock: 10})
	if err != nil {
		t.Fatalf("GetLogs: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("GetLogs = %d logs different from the %d served", len(got), len(want))
	}
}

func TestClient_GetLogs_RPCError(t *testing.T) {
	s := newServer(t, answerWith(http.StatusOK, []byte(`{"jsonrpc":"2.0","id":1,"error":{"code":-32005,`+
		`"message":"query returned more than 10000 results","data":{"from":"0x10", "to":"0x20"}}}`)))
	_, err := getLogs(t, ethlogs.NewClient(s.URL, nil), ethlogs.Filter{FromBlock: 1, ToBlock: 100})
	rpcErr, ok := err.(*ethlogs.RPCError)
	if !ok {
		t.Fatalf("GetLogs error = %T %v, want *ethlogs.RPCError", err, err)
	}
	if rpcErr.Code != -32005 || rpcErr.Message != "query returned more than 10000 results" ||
		string(rpcErr.Data) != `{"from":"0x10", "to":"0x20"}` {
		t.Errorf("GetLogs error = %#v, want code -32005, the message and the data", rpcErr)
	}
	if msg := rpcErr.Error(); !strings.Contains(msg, "-32005") || !strings.Contains(msg, "10000 results") || !strings.Contains(msg, "0x20") {
		t.Errorf("Error() = %q, want code, message and data", msg)
	}
	if rpcErr.ErrorCode() != -32005 {
		t.Errorf("ErrorCode() = %d, want -32005", rpcErr.ErrorCode())
	}
}

func TestClient_GetLogs_HTTPStatus(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		want   string // in the message
	}{
		{"500 with body", http.StatusInternalServerError, "upstream node unavailable", "upstream node unavailable"},
		{"429", http.StatusTooManyRequests, `{"jsonrpc":"2.0","id":1,"error":{"code":-32005,"message":"rate limited"}}`, "rate limited"},
		{"502 with a huge body", http.StatusBadGateway, "bad gateway " + strings.Repeat("x", 1<<20), "bad gateway xxx"},
		{"503 binary body", http.StatusServiceUnavailable, "\xff\x00\x01", `\xff\x00\x01`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newServer(t, answerWith(tt.status, []byte(tt.body)))
			_, err := getLogs(t, ethlogs.NewClient(s.URL, nil), ethlogs.Filter{ToBlock: 1})
			var httpErr *ethlogs.HTTPError
			if !errors.As(err, &httpErr) {
				t.Fatalf("GetLogs error = %v, want an *ethlogs.HTTPError", err)
			}
			if httpErr.StatusCode != tt.status || len(httpErr.Body) > 512 {
				t.Errorf("HTTPError = status %d with %d body bytes, want status %d with at most 512", httpErr.StatusCode, len(httpErr.Body), tt.status)
			}
			msg := err.Error()
			if !strings.Contains(msg, strconv.Itoa(tt.status)) || !strings.Contains(msg, tt.want) {
				t.Errorf("error = %q, want the status %d and %q", msg, tt.status, tt.want)
			}
			if len(msg) > 1000 {
				t.Errorf("error message of %d bytes, want at most 1000", len(msg))
			}
		})
	}
}

func TestClient_GetLogs_BodyTooLarge(t *testing.T) {
	body, _ := gen(rand.New(rand.NewPCG(17, 18)), genConfig{logs: 10, maxData: 200, maxTopics: 4})
	tests := []struct {
		name   string
		answer http.HandlerFunc
	}{
		{"with Content-Length", answerWith(http.StatusOK, body)},
		{"chunked", func(w http.ResponseWriter, _ *http.Request) {
			for i := 0; i < len(body); i += 100 {
				_, _ = w.Write(body[i:min(i+100, len(body))])
				w.(http.Flusher).Flush()
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newServer(t, tt.answer)
			c := ethlogs.NewClient(s.URL, nil)
			c.SetMaxBodySize(int64(len(body) - 1))
			if _, err := getLogs(t, c, ethlogs.Filter{ToBlock: 1}); !errors.Is(err, ethlogs.ErrBodyTooLarge) {
				t.Errorf("GetLogs(cap %d, body %d) error = %v, want ErrBodyTooLarge", len(body)-1, len(body), err)
			}
			c.SetMaxBodySize(int64(len(body)))
			if logs, err := getLogs(t, c, ethlogs.Filter{ToBlock: 1}); err != nil || len(logs) != 10 {
				t.Errorf("GetLogs(cap %d, body %d) = %d logs, %v; want 10 logs", len(body), len(body), len(logs), err)
			}
		})
	}
}

func TestClient_GetLogs_BadBody(t *testing.T) {
	valid := respWith("[" + logWith() + "]")
	tests := []struct {
		name string
		body []byte
	}{
		{"truncated", valid[:len(valid)/2]},
		{"garbage", []byte("<html>not json</html>")},
		{"empty", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newServer(t, answerWith(http.StatusOK, tt.body))
			_, err := getLogs(t, ethlogs.NewClient(s.URL, nil), ethlogs.Filter{FromBlock: 5, ToBlock: 6})
			if err == nil || isRPCError(err) {
				t.Fatalf("GetLogs = %v, want a decoding error", err)
			}
			if !strings.Contains(err.Error(), "blocks 5-6") {
				t.Errorf("error = %q, want the filter's blocks in it", err)
			}
		})
	}
}

func TestClient_GetLogs_InvalidFilter(t *testing.T) {
	s := newServer(t, answerWith(http.StatusOK, []byte(`{"result":[]}`)))
	c := ethlogs.NewClient(s.URL, nil)
	hash := common.Hash{1}
	for _, f := range []ethlogs.Filter{
		{FromBlock: 10, ToBlock: 9},
		{BlockHash: &hash, ToBlock: 1},
		{BlockHash: &hash, FromBlock: 1, ToBlock: 1},
	} {
		if _, err := getLogs(t, c, f); !errors.Is(err, ethlogs.ErrInvalidFilter) {
			t.Errorf("GetLogs(%+v) error = %v, want ErrInvalidFilter", f, err)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if n := len(s.requests); n != 0 {
		t.Errorf("%d requests sent for invalid filters, want none", n)
	}
}

func TestClient_GetLogs_Cancelled(t *testing.T) {
	s := newServer(t, answerWith(http.StatusOK, []byte(`{"result":[]}`)))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ethlogs.NewClient(s.URL, nil).GetLogs(ctx, ethlogs.Filter{ToBlock: 1}); !errors.Is(err, context.Canceled) {
		t.Errorf("GetLogs(cancelled context) error = %v, want context.Canceled", err)
	}
}

// TestClient_GetLogs_Concurrent runs calls from several goroutines on one client (run with -race).
func TestClient_GetLogs_Concurrent(t *testing.T) {
	body, want := gen(rand.New(rand.NewPCG(19, 20)), genConfig{logs: 50, maxData: 300, maxTopics: 4})
	s := newServer(t, answerWith(http.StatusOK, body))
	c := ethlogs.NewClient(s.URL, nil)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 10 {
				got, err := getLogs(t, c, ethlogs.Filter{ToBlock: 100})
				if err != nil || !reflect.DeepEqual(got, want) {
					t.Errorf("GetLogs = %d logs, %v; want the %d served", len(got), err, len(want))
					return
				}
			}
		})
	}
	wg.Wait()
}
