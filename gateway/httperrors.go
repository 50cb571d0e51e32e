package gateway

import (
	"bytes"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gin-gonic/gin"
)

// Every error the gateway sends is a problem (problem.go), including the refusals it does not write itself:
//
//   - net/http answers some requests before any handler runs: a head over the server's MaxHeaderBytes, a
//     request line or header it cannot parse, a missing Host, an HTTP version it does not speak, a transfer
//     coding it does not know, an Expect other than 100-continue. problemConn rewrites those answers, on
//     their way to the connection, into problems (and the gateway's own, lower head limit is enforced by
//     the limits middleware, so that only heads too large to read at all reach net/http's refusal).
//   - Libraries refuse with a response of their own: the WebSocket handshake (coder/websocket's Accept:
//     426, 400, 403 by http.Error), CORS (gin-contrib/cors: a bare 403), the metrics handler (promhttp:
//     500 by http.Error). refusalWriter holds such a refusal back so that the caller answers it as a
//     problem.

// serverMaxHeaderBytes is the http.Server's MaxHeaderBytes: well above the gateway's own limits
// (Config.MaxHeaderBytes and MaxQueryBytes), so that requests over them are read and answered by the limits
// middleware with a precise problem; heads beyond it are refused by net/http (rewritten by problemConn).
// It bounds what one connection makes the server buffer while it reads a head.
func serverMaxHeaderBytes(cfg *Config) int {
	return max(256<<10, 2*(cfg.MaxHeaderBytes+cfg.MaxQueryBytes))
}

// problemListener hands out connections that turn net/http's own error answers into problems.
type problemListener struct {
	net.Listener
	maxHeaderBytes int // the server's MaxHeaderBytes, named in the 431's detail
}

func (l problemListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	if _, ok := c.(*tls.Conn); ok {
		return c, nil // net/http must see the *tls.Conn itself to serve TLS (and HTTP/2); left as it is
	}
	return &problemConn{Conn: c, maxHeaderBytes: l.maxHeaderBytes}, nil
}

// markHijacked is the http.Server's ConnState hook: once a handler hijacks a connection (a WebSocket
// upgrade), what is written on it is the handler's own protocol and problemConn passes it through unread.
func markHijacked(c net.Conn, state http.ConnState) {
	if pc, ok := c.(*problemConn); ok && state == http.StateHijacked {
		pc.hijacked.Store(true)
	}
}

// problemConn is a server connection that recognises, among the writes net/http makes on it, exactly the
// answers net/http gives itself to requests no handler sees (serverProblem), and writes a problem instead.
// Every other write passes through unchanged. It forwards CloseWrite, which net/http uses after its 431 to
// let the client read the answer before the connection closes. (It hides the TCP connection's ReadFrom,
// which only sendfile uses; the gateway serves no files.)
type problemConn struct {
	net.Conn
	maxHeaderBytes int
	hijacked       atomic.Bool
}

func (c *problemConn) Write(b []byte) (int, error) {
	if !c.hijacked.Load() {
		if p, proto, ok := serverProblem(b, c.maxHeaderBytes); ok {
			if _, err := c.Conn.Write(problemResponse(proto, p, time.Now())); err != nil {
				return 0, err
			}
			return len(b), nil
		}
	}
	return c.Conn.Write(b)
}

// CloseWrite half-closes the connection when the underlying one can (a *net.TCPConn); net/http skips the
// half-close for a connection without the method, so a no-op is the same as not having it.
func (c *problemConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

// serverErrorHeaders is what net/http (server.go, conn.serve) writes after the status line of the answers
// it gives itself when it cannot read a request, in one fmt.Fprintf straight to the connection, before it
// closes the connection: "HTTP/1.1 <status> <reason>[: <text>]", serverErrorHeaders, a text/plain body.
const serverErrorHeaders = "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n"

// serverProblem recognises b, one write on a server connection, as an answer net/http gives itself to a
// request no handler sees, and returns the problem to send instead and the HTTP version of its status line.
// Two forms exist (net/http, Go 1.26):
//
//   - the answers to a request it cannot read, "HTTP/1.1 <status> <reason>[: <text>]", serverErrorHeaders
//     and a body: 431 (a head over MaxHeaderBytes), 400 (a malformed request line, header field,
//     Content-Length or Host, or no Host), 505 (HTTP/2 or later on the HTTP/1 reader), 501 (a transfer
//     coding other than chunked);
//   - the answer to an Expect header other than 100-continue (response.sendExpectationFailed), written
//     through the response buffer: "HTTP/1.x 417 Expectation Failed" with the header fields Connection:
//     close, Date and Content-Length: 0 and no body.
//
// Nothing a handler writes looks like either: net/http gives a handler's response a Date header, which the
// first form lacks (and writes a handler's header fields sorted, Connection before Content-Type), and no
// gateway handler answers 417. A write that merely starts like them does not match: the whole write must be
// the whole answer.
func serverProblem(b []byte, maxHeaderBytes int) (p *Problem, proto string, ok bool) {
	// "HTTP/1.1 431 R" at least: version, space, three digits, space.
	if len(b) < 14 || !(bytes.HasPrefix(b, []byte("HTTP/1.1 ")) || bytes.HasPrefix(b, []byte("HTTP/1.0 "))) || b[12] != ' ' {
		return nil, "", false
	}
	status, err := strconv.Atoi(string(b[9:12]))
	if err != nil || status < 400 {
		return nil, "", false
	}
	eol := bytes.Index(b, []byte("\r\n"))
	if eol < 0 {
		return nil, "", false
	}
	proto, reason, rest := string(b[:8]), string(b[13:eol]), b[eol:]
	if bytes.HasPrefix(rest, []byte(serverErrorHeaders)) && proto == "HTTP/1.1" {
		_, text, _ := strings.Cut(reason, ": ") // the text of net/http's statusError, if any
		return serverRefusal(status, text, maxHeaderBytes), proto, true
	}
	if status == http.StatusExpectationFailed && bodilessExpectationFailed(rest) {
		return problem(http.StatusExpectationFailed, CodeExpectationFailed,
			"the Expect header asks for something other than 100-continue, which is all this server honours"), proto, true
	}
	return nil, "", false
}

// serverRefusal is the problem for net/http's answer status with net/http's text (empty for some).
func serverRefusal(status int, text string, maxHeaderBytes int) *Problem {
	switch status {
	case http.StatusRequestHeaderFieldsTooLarge:
		return problem(status, CodeHeaderTooLarge, "the request line and header fields are over the %d bytes this server reads", maxHeaderBytes)
	case http.StatusHTTPVersionNotSupported:
		return problem(status, CodeUnsupportedHTTPVersion, "unsupported protocol version: this server speaks HTTP/1.0 and HTTP/1.1")
	case http.StatusNotImplemented:
		return problem(status, CodeUnsupportedTransferEncoding, "unsupported transfer encoding: this server understands chunked only")
	}
	// 400, and any other refusal a later net/http may add: the request could not be read.
	if text == "" {
		return problem(status, CodeMalformedRequest, "malformed request line or header fields: not an HTTP/1.x request this server can read")
	}
	return problem(status, CodeMalformedRequest, "%s", clip(text))
}

// bodilessExpectationFailed reports whether rest, what follows a 417 status line, is exactly the header
// fields net/http's sendExpectationFailed writes (Connection: close, Date, Content-Length: 0, in any order)
// and the end of the head, with no body.
func bodilessExpectationFailed(rest []byte) bool {
	head, ok := bytes.CutSuffix(rest, []byte("\r\n\r\n"))
	if !ok || !bytes.HasPrefix(head, []byte("\r\n")) {
		return false
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(string(head[2:]), "\r\n") {
		name, value, found := strings.Cut(line, ": ")
		switch {
		case !found || seen[name]:
			return false
		case name == "Connection" && value == "close", name == "Date", name == "Content-Length" && value == "0":
			seen[name] = true
		default:
			return false
		}
	}
	return len(seen) == 3
}

// problemResponse is a whole HTTP/1.x response carrying p, for a connection net/http closes after it.
func problemResponse(proto string, p *Problem, now time.Time) []byte {
	var body bytes.Buffer
	_ = writeJSON(&body, p)
	return fmt.Appendf(nil, "%s %d %s\r\nContent-Type: %s\r\nCache-Control: no-store\r\nConnection: close\r\nDate: %s\r\nContent-Length: %d\r\n\r\n%s",
		proto, p.Status, http.StatusText(p.Status), problemContentType, now.UTC().Format(http.TimeFormat), body.Len(), body.Bytes())
}

// headBytes is the size of r's request line and header fields as they came (give or take the whitespace
// around values): what the gateway's head limit counts, as net/http's MaxHeaderBytes does.
func headBytes(r *http.Request) int {
	n := len(r.Method) + len(r.RequestURI) + len(r.Proto) + 4 // "GET /x HTTP/1.1\r\n"
	if r.Host != "" {
		n += len("Host: ") + len(r.Host) + 2 // net/http moves Host out of Header
	}
	for name, values := range r.Header {
		for _, v := range values {
			n += len(name) + len(v) + 4 // "Name: value\r\n"
		}
	}
	return n + 2 // the blank line
}

// refusalWriter is the response writer given to a library that may refuse a request by writing a response
// of its own (http.Error, or a bare status), so that the gateway answers the refusal as a problem instead.
// A status of 400 or more is held back, with what the library writes as its body (its message, kept up to
// refusalMessageBytes), unless it is a problem already; anything else passes through untouched, as does a hijack (a WebSocket upgrade's 101
// and the connection). The header map is the real response's: what the library sets stays unless the
// problem replaces it (Content-Type), which keeps the fields a refusal must carry (Upgrade: websocket on a
// 426, Sec-WebSocket-Version on a 400).
type refusalWriter struct {
	gin.ResponseWriter
	status int          // the refusal's status; 0 while there is none
	msg    bytes.Buffer // the refusal's body
}

const refusalMessageBytes = 512

func (w *refusalWriter) WriteHeader(code int) {
	switch {
	case w.status != 0:
	case code >= 400 && !w.ResponseWriter.Written() && w.Header().Get("Content-Type") != problemContentType:
		w.status = code
	default:
		w.ResponseWriter.WriteHeader(code)
	}
}

func (w *refusalWriter) WriteHeaderNow() {
	if w.status == 0 {
		w.ResponseWriter.WriteHeaderNow()
	}
}

func (w *refusalWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		return w.ResponseWriter.Write(b)
	}
	w.msg.Write(b[:min(len(b), refusalMessageBytes-w.msg.Len())])
	return len(b), nil
}

func (w *refusalWriter) WriteString(s string) (int, error) { return w.Write([]byte(s)) }

func (w *refusalWriter) Flush() {
	if w.status == 0 {
		w.ResponseWriter.Flush()
	}
}

func (w *refusalWriter) Status() int {
	if w.status != 0 {
		return w.status
	}
	return w.ResponseWriter.Status()
}

// message is the refusal's body as one line.
func (w *refusalWriter) message() string { return strings.Join(strings.Fields(w.msg.String()), " ") }

// refused runs h with a refusalWriter as c's writer and returns the refusal's status and message (0 when
// h did not refuse); c's writer is restored, so that the caller can answer with a problem. h is a library's
// handler that answers or lets the chain go on, never one that runs the rest of the chain (c.Next).
func refused(c *gin.Context, h gin.HandlerFunc) (int, string) {
	rw := &refusalWriter{ResponseWriter: c.Writer}
	c.Writer = rw
	defer func() { c.Writer = rw.ResponseWriter }()
	h(c)
	return rw.status, rw.message()
}
