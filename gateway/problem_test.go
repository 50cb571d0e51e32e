package gateway_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/agoralabs/agora/gateway"
)

// listening runs a gateway with Run (its own http.Server and listener, as agora serve does) on a loopback
// port and returns the address once it is ready.
func listening(t *testing.T, mutate func(*gateway.Config)) string {
	t.Helper()
	srv := bareServer(t, mutate)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, ln, 5*time.Second) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	addr := ln.Addr().String()
	deadline := time.Now().Add(30 * time.Second)
	for {
		res, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return addr
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("never ready")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// exchange sends raw bytes on a new TCP connection and reads one response.
func exchange(t *testing.T, addr, raw string) response {
	t.Helper()
	rs := exchanges(t, addr, raw, 1)
	return rs[0]
}

// exchanges sends raw bytes (one or more requests) on a new TCP connection and reads n responses. The
// bytes are written while the responses are read, as a client does that sends more than the server reads.
func exchanges(t *testing.T, addr, raw string, n int) []response {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	go func() { _, _ = io.WriteString(conn, raw) }()
	br := bufio.NewReader(conn)
	var out []response
	for i := range n {
		res, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("response %d to %q: %v", i, clipBody([]byte(raw)), err)
		}
		body, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil {
			t.Fatalf("response %d body: %v", i, err)
		}
		if res.Close { // ReadResponse takes "Connection: close" out of the header into Close
			res.Header.Set("Connection", "close")
		}
		out = append(out, response{Status: res.StatusCode, Header: res.Header, Body: body})
	}
	return out
}

// strictProblem checks r as the problem+json Agora sends: status, code, type and title, no member beyond
// RFC 9457's and code, a detail; and the body is exactly as long as Content-Length says (ReadResponse).
func strictProblem(t *testing.T, what string, r response, status int, code string) gateway.Problem {
	t.Helper()
	if ct := r.Header.Get("Content-Type"); r.Status != status || ct != "application/problem+json" {
		t.Fatalf("%s: %d %q %s, want %d application/problem+json (%s)", what, r.Status, ct, clipBody(r.Body), status, code)
	}
	var p gateway.Problem
	dec := json.NewDecoder(bytes.NewReader(r.Body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		t.Fatalf("%s: problem %s: %v", what, r.Body, err)
	}
	if p.Code != code || p.Status != status || p.Type != "urn:agora:problem:"+code || p.Title != http.StatusText(status) || p.Detail == "" {
		t.Fatalf("%s: problem %+v, want %d %s with a detail", what, p, status, code)
	}
	return p
}

// TestServer_HTTPServerErrorsAreProblems sends what net/http refuses before any handler runs (and the
// oversized heads the gateway's own limits refuse) over raw TCP to a listening gateway: every answer is
// problem+json with a stable code, and the connection then closes as net/http's own answer would.
func TestServer_HTTPServerErrorsAreProblems(t *testing.T) {
	addr := listening(t, nil)
	get := func(target string, headers ...string) string {
		return "GET " + target + " HTTP/1.1\r\nHost: gateway.test\r\n" + strings.Join(headers, "") + "\r\n"
	}
	for _, tc := range []struct {
		name, raw string
		status    int
		code      string
		detail    string // a part of the detail
		close     bool   // the server closes the connection after it
	}{
		// The gateway's own limits: a long query string is query_too_long whatever its size below the
		// server's hard cap; a large head is header_too_large.
		{"100 KB query string", get("/v1/agents?q=" + strings.Repeat("a", 100<<10)), 400, gateway.CodeQueryTooLong, "query string", false},
		{"100 KB query string, unknown path", get("/nowhere?x=" + strings.Repeat("a", 100<<10)), 400, gateway.CodeQueryTooLong, "query string", false},
		{"30 KB header", get("/v1/agents", "X-Pad: "+strings.Repeat("p", 30<<10)+"\r\n"), 431, gateway.CodeHeaderTooLarge, "header", false},
		{"30 KB path", get("/v1/agents/" + strings.Repeat("1", 30<<10)), 431, gateway.CodeHeaderTooLarge, "header", false},
		{"many small headers", get("/healthz", strings.Repeat("X-Many: 0123456789012345678901234567890123456789\r\n", 600)), 431, gateway.CodeHeaderTooLarge, "header", false},
		// Beyond the server's hard cap net/http refuses the head itself.
		{"2 MiB header", get("/v1/agents", "X-Pad: "+strings.Repeat("p", 2<<20)+"\r\n"), 431, gateway.CodeHeaderTooLarge, "header", true},
		{"2 MiB query string", get("/v1/agents?q=" + strings.Repeat("a", 2<<20)), 431, gateway.CodeHeaderTooLarge, "header", true},
		// Malformed requests.
		{"garbage request line", "GARBAGE\r\n\r\n", 400, gateway.CodeMalformedRequest, "HTTP", true},
		{"missing Host", "GET /v1/agents HTTP/1.1\r\n\r\n", 400, gateway.CodeMalformedRequest, "Host", true},
		{"malformed Host", "GET /v1/agents HTTP/1.1\r\nHost: a b\r\n\r\n", 400, gateway.CodeMalformedRequest, "Host", true},
		{"invalid header name", get("/healthz", "Bad Name: x\r\n"), 400, gateway.CodeMalformedRequest, "header name", true},
		{"invalid header value", get("/healthz", "X-Ctl: a\x01b\r\n"), 400, gateway.CodeMalformedRequest, "header", true},
		{"bad percent-encoding", get("/v1/agents/%zz"), 400, gateway.CodeMalformedRequest, "HTTP", true},
		{"two Content-Lengths", "POST /v1/heartbeats HTTP/1.1\r\nHost: g\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nx", 400, gateway.CodeMalformedRequest, "HTTP", true},
		{"bad HTTP version", "GET /healthz FOO/1.1\r\nHost: g\r\n\r\n", 400, gateway.CodeMalformedRequest, "HTTP", true},
		{"HTTP/2.0 request line", "GET /healthz HTTP/2.0\r\nHost: g\r\n\r\n", 505, gateway.CodeUnsupportedHTTPVersion, "version", true},
		{"HTTP/3.7 request line", "GET /healthz HTTP/3.7\r\nHost: g\r\n\r\n", 505, gateway.CodeUnsupportedHTTPVersion, "version", true},
		{"unknown transfer coding", "POST /v1/heartbeats HTTP/1.1\r\nHost: g\r\nTransfer-Encoding: gzip\r\n\r\n", 501, gateway.CodeUnsupportedTransferEncoding, "transfer", true},
		{"unknown expectation", get("/healthz", "Expect: something\r\n"), 417, gateway.CodeExpectationFailed, "Expect", true},
		{"unknown expectation, HTTP/1.0", "GET /healthz HTTP/1.0\r\nExpect: something\r\n\r\n", 417, gateway.CodeExpectationFailed, "Expect", true},
		// Requests net/http passes on, which gin routes nowhere.
		{"asterisk target", get("*"), 404, gateway.CodeNotFound, "no route", false},
		{"HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 404, gateway.CodeNotFound, "no route", false},
		{"unknown method", "BREW /nowhere HTTP/1.1\r\nHost: g\r\n\r\n", 404, gateway.CodeNotFound, "no route", false},
		{"CONNECT", "CONNECT gateway.test:443 HTTP/1.1\r\nHost: gateway.test:443\r\n\r\n", 404, gateway.CodeNotFound, "no route", false},
		{"wrong method", "DELETE /v1/agents HTTP/1.1\r\nHost: g\r\n\r\n", 405, gateway.CodeMethodNotAllowed, "not allowed", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := exchange(t, addr, tc.raw)
			p := strictProblem(t, tc.name, r, tc.status, tc.code)
			if !strings.Contains(strings.ToLower(p.Detail), strings.ToLower(tc.detail)) {
				t.Errorf("detail %q does not mention %q", p.Detail, tc.detail)
			}
			if tc.close && r.Header.Get("Connection") != "close" {
				t.Errorf("Connection %q, want close", r.Header.Get("Connection"))
			}
			if r.Header.Get("Date") == "" || r.Header.Get("Cache-Control") != "no-store" {
				t.Errorf("Date %q, Cache-Control %q", r.Header.Get("Date"), r.Header.Get("Cache-Control"))
			}
		})
	}

	// On a kept-alive connection, answers to good requests pass unchanged and a malformed request after them
	// is still answered as a problem.
	rs := exchanges(t, addr, get("/healthz")+get("/openapi.json")+"GET /healthz HTTP/1.1\r\nHost: a b\r\n\r\n", 3)
	if rs[0].Status != 200 || !strings.Contains(string(rs[0].Body), `"ok"`) || rs[1].Status != 200 || !json.Valid(rs[1].Body) {
		t.Fatalf("kept-alive good requests: %d %s; %d %d bytes", rs[0].Status, rs[0].Body, rs[1].Status, len(rs[1].Body))
	}
	strictProblem(t, "malformed third request", rs[2], 400, gateway.CodeMalformedRequest)

	// An ordinary client sees the same.
	res, err := http.Get("http://" + addr + "/v1/agents?q=" + strings.Repeat("a", 100<<10))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	strictProblem(t, "http.Get with a 100 KB query string", response{Status: res.StatusCode, Header: res.Header, Body: b}, 400, gateway.CodeQueryTooLong)
}

// wsHandshake is a WebSocket opening handshake for the stream; the fields of extra replace its headers
// ("Name: value\r\n" lines; a name with an empty value drops it).
func wsHandshake(query string, extra ...string) string {
	h := map[string]string{"Host": "gateway.test", "Connection": "Upgrade", "Upgrade": "websocket",
		"Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}
	order := []string{"Host", "Connection", "Upgrade", "Sec-WebSocket-Version", "Sec-WebSocket-Key"}
	for _, e := range extra {
		name, value, _ := strings.Cut(e, ": ")
		if _, ok := h[name]; !ok {
			order = append(order, name)
		}
		h[name] = value
	}
	var b strings.Builder
	fmt.Fprintf(&b, "GET /v1/stream?%s HTTP/1.1\r\n", query)
	for _, name := range order {
		if h[name] != "" {
			fmt.Fprintf(&b, "%s: %s\r\n", name, h[name])
		}
	}
	b.WriteString("\r\n")
	return b.String()
}

// TestServer_StreamHandshakeProblems checks that the WebSocket library's refusals of a handshake (426, 400,
// 403, written by it with http.Error) reach the client as problem+json with a stable code and the headers
// RFC 6455 asks for, and that a good handshake still upgrades, over the gateway's own listener.
func TestServer_StreamHandshakeProblems(t *testing.T) {
	addr := listening(t, nil)
	for _, tc := range []struct {
		name, raw string
		status    int
		code      string
		headers   map[string]string
	}{
		{"plain GET", "GET /v1/stream?capability=ocr HTTP/1.1\r\nHost: gateway.test\r\n\r\n", 426, gateway.CodeUpgradeRequired,
			map[string]string{"Upgrade": "websocket", "Connection": "Upgrade"}},
		{"no Upgrade", wsHandshake("capability=ocr", "Upgrade: "), 426, gateway.CodeUpgradeRequired,
			map[string]string{"Upgrade": "websocket"}},
		{"no Connection: Upgrade", wsHandshake("capability=ocr", "Connection: keep-alive"), 426, gateway.CodeUpgradeRequired,
			map[string]string{"Upgrade": "websocket"}},
		{"HTTP/1.0", strings.Replace(wsHandshake("capability=ocr"), "HTTP/1.1", "HTTP/1.0", 1), 426, gateway.CodeUpgradeRequired,
			map[string]string{"Upgrade": "websocket"}},
		{"version 8", wsHandshake("capability=ocr", "Sec-WebSocket-Version: 8"), 400, gateway.CodeInvalidHandshake,
			map[string]string{"Sec-WebSocket-Version": "13"}},
		{"no version", wsHandshake("capability=ocr", "Sec-WebSocket-Version: "), 400, gateway.CodeInvalidHandshake,
			map[string]string{"Sec-WebSocket-Version": "13"}},
		{"no key", wsHandshake("capability=ocr", "Sec-WebSocket-Key: "), 400, gateway.CodeInvalidHandshake, nil},
		{"short key", wsHandshake("capability=ocr", "Sec-WebSocket-Key: c2hvcnQ="), 400, gateway.CodeInvalidHandshake, nil},
		{"foreign Origin", wsHandshake("capability=ocr", "Origin: https://evil.example"), 403, gateway.CodeOriginNotAllowed, nil},
		{"Origin without host", wsHandshake("capability=ocr", "Origin: null"), 403, gateway.CodeOriginNotAllowed, nil},
		// The subscription is read before the handshake: its problems stay what they were.
		{"bad subscription", wsHandshake("bogus=1"), 400, gateway.CodeInvalidQuery, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := exchange(t, addr, tc.raw)
			strictProblem(t, tc.name, r, tc.status, tc.code)
			for k, v := range tc.headers {
				if got := r.Header.Get(k); !strings.EqualFold(got, v) {
					t.Errorf("%s %q, want %q", k, got, v)
				}
			}
		})
	}

	// A good handshake upgrades (through the listener the gateway wraps) and the stream works.
	conn := dialAt(t, "http://"+addr, "capability=ocr")
	rfq := "0x" + strings.Repeat("ab", 32)
	send(t, conn, map[string]string{"type": "follow", "rfqId": rfq})
	if ev := readEvent(t, conn, 5*time.Second); ev.Type != "following" || !strings.EqualFold(ev.RFQID, rfq) {
		t.Fatalf("follow over the upgraded stream: %+v", ev)
	}
	// And the same origin is allowed.
	r := exchange(t, addr, wsHandshake("capability=ocr", "Origin: http://gateway.test"))
	if r.Status != http.StatusSwitchingProtocols {
		t.Fatalf("same-origin handshake: %d %s", r.Status, r.Body)
	}

	// The SSE stream refuses with problems as before.
	sse := exchange(t, addr, "GET /v1/stream/sse?bogus=1 HTTP/1.1\r\nHost: g\r\n\r\n")
	strictProblem(t, "SSE bad subscription", sse, 400, gateway.CodeInvalidQuery)
}

// TestServer_CORSRefusalIsProblem checks that a request from an origin CORS does not allow, which the CORS
// middleware refuses with a bare 403, is a problem too (preflight, simple request, stream handshake).
func TestServer_CORSRefusalIsProblem(t *testing.T) {
	addr := listening(t, func(c *gateway.Config) { c.CORSOrigins = []string{"https://app.example"} })
	for _, tc := range []struct{ name, raw string }{
		{"preflight", "OPTIONS /v1/agents HTTP/1.1\r\nHost: g\r\nOrigin: https://evil.example\r\nAccess-Control-Request-Method: GET\r\n\r\n"},
		{"simple GET", "GET /v1/agents HTTP/1.1\r\nHost: g\r\nOrigin: https://evil.example\r\n\r\n"},
		{"unknown path", "GET /nowhere HTTP/1.1\r\nHost: g\r\nOrigin: https://evil.example\r\n\r\n"},
		{"stream", wsHandshake("capability=ocr", "Origin: https://evil.example")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := exchange(t, addr, tc.raw)
			p := strictProblem(t, tc.name, r, http.StatusForbidden, gateway.CodeOriginNotAllowed)
			if !strings.Contains(p.Detail, "https://evil.example") || r.Header.Get("Access-Control-Allow-Origin") != "" {
				t.Errorf("detail %q, Access-Control-Allow-Origin %q", p.Detail, r.Header.Get("Access-Control-Allow-Origin"))
			}
		})
	}
	// The allowed origin is served as before.
	r := exchange(t, addr, "OPTIONS /v1/agents HTTP/1.1\r\nHost: g\r\nOrigin: https://app.example\r\nAccess-Control-Request-Method: GET\r\n\r\n")
	if r.Status != http.StatusNoContent || r.Header.Get("Access-Control-Allow-Origin") != "https://app.example" {
		t.Fatalf("allowed preflight: %d, Access-Control-Allow-Origin %q", r.Status, r.Header.Get("Access-Control-Allow-Origin"))
	}
	r = exchange(t, addr, "GET /v1/agents HTTP/1.1\r\nHost: g\r\nOrigin: https://app.example\r\n\r\n")
	if r.Status != http.StatusOK || r.Header.Get("Access-Control-Allow-Origin") != "https://app.example" {
		t.Fatalf("allowed GET: %d %s", r.Status, r.Body)
	}
	conn := dialAt(t, "http://"+addr, "capability=ocr") // no Origin: not a browser
	conn.CloseNow()
}

// TestServer_NonFiniteFloatsRefused checks that NaN and infinities, which strconv.ParseFloat accepts in many
// spellings, are refused in float query parameters with a problem naming the parameter.
func TestServer_NonFiniteFloatsRefused(t *testing.T) {
	addr := listening(t, nil)
	for _, v := range []string{"NaN", "nan", "-NaN", "+nan", "Inf", "+Inf", "-Inf", "infinity", "-Infinity", "1e999", "0x1p2000"} {
		t.Run(v, func(t *testing.T) {
			r := exchange(t, addr, "GET /v1/agents?minReputation="+v+" HTTP/1.1\r\nHost: g\r\n\r\n")
			p := strictProblem(t, "minReputation="+v, r, http.StatusBadRequest, gateway.CodeInvalidQuery)
			if !strings.Contains(p.Detail, "minReputation") {
				t.Errorf("detail %q does not name the parameter", p.Detail)
			}
		})
	}
	for _, v := range []string{"0", "40", "100", "1e1", "99.5"} {
		if r := exchange(t, addr, "GET /v1/agents?minReputation="+v+" HTTP/1.1\r\nHost: g\r\n\r\n"); r.Status != http.StatusOK {
			t.Errorf("minReputation=%s: %d %s", v, r.Status, r.Body)
		}
	}
}

// failingCollector is a collector whose every collection fails.
type failingCollector struct{ desc *prometheus.Desc }

func (f failingCollector) Describe(ch chan<- *prometheus.Desc) { ch <- f.desc }
func (f failingCollector) Collect(ch chan<- prometheus.Metric) {
	ch <- prometheus.NewInvalidMetric(f.desc, errors.New("the collector failed"))
}

// TestServer_MetricsFailureIsProblem checks that a failed gathering, which promhttp answers with
// http.Error, is a problem (500 internal, the cause logged and not sent).
func TestServer_MetricsFailureIsProblem(t *testing.T) {
	reg := prometheus.NewRegistry()
	reg.MustRegister(failingCollector{prometheus.NewDesc("agora_test_failing", "fails", nil, nil)})
	addr := listening(t, func(c *gateway.Config) { c.Registry = reg })
	r := exchange(t, addr, "GET /metrics HTTP/1.1\r\nHost: g\r\n\r\n")
	p := strictProblem(t, "failed gathering", r, http.StatusInternalServerError, gateway.CodeInternal)
	if strings.Contains(p.Detail, "collector") {
		t.Fatalf("the cause was sent: %q", p.Detail)
	}
}
