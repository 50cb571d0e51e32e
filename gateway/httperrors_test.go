package gateway

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
)

// TestProblemCodes_ListedInOpenAPI checks that every problem code (each Code* constant of problem.go) is
// listed in openapi.json, in a response description of the form "problem: code, code (...)".
func TestProblemCodes_ListedInOpenAPI(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "problem.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]string{} // constant → code
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if !strings.HasPrefix(name.Name, "Code") {
					continue
				}
				lit, ok := vs.Values[i].(*ast.BasicLit)
				code, err := strconv.Unquote(lit.Value)
				if !ok || err != nil {
					t.Fatalf("%s is not a string literal", name.Name)
				}
				codes[name.Name] = code
			}
		}
	}
	if len(codes) < 30 {
		t.Fatalf("found %d codes in problem.go", len(codes))
	}
	var doc any
	if err := json.Unmarshal(openAPIDocument, &doc); err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && k == "description" {
					rest, ok := strings.CutPrefix(s, "problem: ")
					if !ok {
						continue
					}
					if i := strings.IndexFunc(rest, func(r rune) bool {
						return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == ',' || r == ' ')
					}); i >= 0 {
						rest = rest[:i]
					}
					for _, c := range strings.Split(rest, ",") {
						listed[strings.TrimSpace(c)] = true
					}
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
	for name, code := range codes {
		if !listed[code] {
			t.Errorf("%s = %q is in no \"problem: ...\" response description of openapi.json", name, code)
		}
	}
}

const testDate = "Date: Sun, 06 Dec 2026 08:05:20 GMT"

// TestServerProblem_Recognises checks which writes problemConn rewrites: exactly net/http's own answers
// to requests it cannot read, never a response a handler wrote.
func TestServerProblem_Recognises(t *testing.T) {
	for _, tc := range []struct {
		name, write string
		status      int    // 0: not recognised
		code, proto string // when recognised
	}{
		{"431", "HTTP/1.1 431 Request Header Fields Too Large" + serverErrorHeaders + "431 Request Header Fields Too Large", 431, CodeHeaderTooLarge, "HTTP/1.1"},
		{"400", "HTTP/1.1 400 Bad Request" + serverErrorHeaders + "400 Bad Request", 400, CodeMalformedRequest, "HTTP/1.1"},
		{"400 with text", "HTTP/1.1 400 Bad Request: missing required Host header" + serverErrorHeaders + "400 Bad Request: missing required Host header", 400, CodeMalformedRequest, "HTTP/1.1"},
		{"505", "HTTP/1.1 505 HTTP Version Not Supported: unsupported protocol version" + serverErrorHeaders + "505 HTTP Version Not Supported: unsupported protocol version", 505, CodeUnsupportedHTTPVersion, "HTTP/1.1"},
		{"501", "HTTP/1.1 501 Not Implemented" + serverErrorHeaders + "Unsupported transfer encoding", 501, CodeUnsupportedTransferEncoding, "HTTP/1.1"},
		{"another refusal", "HTTP/1.1 418 I'm a teapot" + serverErrorHeaders + "no", 418, CodeMalformedRequest, "HTTP/1.1"},
		{"417", "HTTP/1.1 417 Expectation Failed\r\nConnection: close\r\n" + testDate + "\r\nContent-Length: 0\r\n\r\n", 417, CodeExpectationFailed, "HTTP/1.1"},
		{"417, HTTP/1.0, other order", "HTTP/1.0 417 Expectation Failed\r\n" + testDate + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 417, CodeExpectationFailed, "HTTP/1.0"},

		{"a handler's 200", "HTTP/1.1 200 OK\r\n" + testDate + "\r\nContent-Length: 2\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nok", 0, "", ""},
		{"a handler's problem", "HTTP/1.1 400 Bad Request\r\nCache-Control: no-store\r\nContent-Type: application/problem+json\r\n" + testDate + "\r\nContent-Length: 2\r\n\r\n{}", 0, "", ""},
		{"a handler's http.Error", "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\n" + testDate + "\r\nContent-Length: 4\r\n\r\nbad\n", 0, "", ""},
		{"a handler's 400 that closes", "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n" + testDate + "\r\n\r\nx", 0, "", ""},
		{"a handler's 417 with a body", "HTTP/1.1 417 Expectation Failed\r\nConnection: close\r\n" + testDate + "\r\nContent-Length: 1\r\n\r\nx", 0, "", ""},
		{"a handler's 417 with more fields", "HTTP/1.1 417 Expectation Failed\r\nConnection: close\r\nX: y\r\n" + testDate + "\r\nContent-Length: 0\r\n\r\n", 0, "", ""},
		{"417 without Date", "HTTP/1.1 417 Expectation Failed\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", 0, "", ""},
		{"the error headers on a 1.0 line", "HTTP/1.0 400 Bad Request" + serverErrorHeaders + "x", 0, "", ""},
		{"a 1xx", "HTTP/1.1 100 Continue\r\n\r\n", 0, "", ""},
		{"a 101", "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n", 0, "", ""},
		{"a body chunk", `{"agents":[]}`, 0, "", ""},
		{"a status line alone", "HTTP/1.1 400 Bad Request", 0, "", ""},
		{"short", "HTTP/1.1 4", 0, "", ""},
		{"a WebSocket frame", "\x81\x05hello", 0, "", ""},
		{"HTTP/2", "HTTP/2 400 Bad Request" + serverErrorHeaders + "x", 0, "", ""},
	} {
		p, proto, ok := serverProblem([]byte(tc.write), 1000)
		switch {
		case tc.status == 0 && ok:
			t.Errorf("%s: recognised as %+v", tc.name, p)
		case tc.status != 0 && (!ok || p.Status != tc.status || p.Code != tc.code || proto != tc.proto || p.Detail == ""):
			t.Errorf("%s: %+v %q %v, want %d %s %s", tc.name, p, proto, ok, tc.status, tc.code, tc.proto)
		}
	}
}

// TestProblemConn_RewritesUntilHijacked checks the connection wrapper on a pipe: net/http's own answer is
// rewritten into a whole problem response (the write reports the original length), anything else passes
// as it is, and after a hijack nothing is rewritten.
func TestProblemConn_RewritesUntilHijacked(t *testing.T) {
	server, client := net.Pipe()
	defer client.Close()
	pc := &problemConn{Conn: server, maxHeaderBytes: 1000}
	read := func() string {
		t.Helper()
		_ = client.SetReadDeadline(time.Now().Add(5 * time.Second))
		b := make([]byte, 4096)
		n, err := client.Read(b)
		if err != nil {
			t.Fatal(err)
		}
		return string(b[:n])
	}
	write := func(s string) {
		t.Helper()
		go func() {
			if n, err := pc.Write([]byte(s)); n != len(s) || err != nil {
				t.Errorf("Write = %d, %v; want %d, nil", n, err, len(s))
			}
		}()
	}
	refusal := "HTTP/1.1 431 Request Header Fields Too Large" + serverErrorHeaders + "431 Request Header Fields Too Large"
	write(refusal)
	got := read()
	head, body, _ := strings.Cut(got, "\r\n\r\n")
	var p Problem
	if err := json.Unmarshal([]byte(body), &p); err != nil || p.Code != CodeHeaderTooLarge || p.Status != 431 ||
		!strings.HasPrefix(head, "HTTP/1.1 431 Request Header Fields Too Large\r\n") || !strings.HasSuffix(head, "\r\nContent-Length: "+strconv.Itoa(len(body))) ||
		!strings.Contains(head, "\r\nContent-Type: application/problem+json\r\n") || !strings.Contains(head, "\r\nConnection: close") {
		t.Fatalf("rewritten: %q (%v)", got, err)
	}
	ok := "HTTP/1.1 200 OK\r\n" + testDate + "\r\nContent-Length: 2\r\n\r\nok"
	write(ok)
	if got := read(); got != ok {
		t.Fatalf("passed: %q", got)
	}
	markHijacked(pc, http.StateActive)
	write(refusal)
	if got := read(); !strings.Contains(got, problemContentType) {
		t.Fatalf("before the hijack: %q", got)
	}
	markHijacked(pc, http.StateHijacked)
	write(refusal)
	if got := read(); got != refusal {
		t.Fatalf("after the hijack: %q", got)
	}
}

// TestRefusalWriter checks what the writer given to libraries holds back: an error it writes (http.Error,
// or a bare status), not a problem already made, not a success or a 101.
func TestRefusalWriter(t *testing.T) {
	gin.SetMode(gin.ReleaseMode)
	for _, tc := range []struct {
		name    string
		write   func(w *refusalWriter)
		held    int    // the held status, 0 for none
		msg     string // the held message
		status  int    // what reached the client
		content string // the client's Content-Type
	}{
		{"http.Error", func(w *refusalWriter) { http.Error(w, "no upgrade", http.StatusUpgradeRequired) }, 426, "no upgrade", 200, "text/plain; charset=utf-8"},
		{"bare status", func(w *refusalWriter) { w.WriteHeader(http.StatusForbidden); w.WriteHeaderNow(); w.Flush() }, 403, "", 200, ""},
		{"long message", func(w *refusalWriter) { http.Error(w, strings.Repeat("x", 2000), 500) }, 500, strings.Repeat("x", refusalMessageBytes), 200, "text/plain; charset=utf-8"},
		{"a problem", func(w *refusalWriter) {
			w.Header().Set("Content-Type", problemContentType)
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, "{}")
		}, 0, "", 400, problemContentType},
		{"success", func(w *refusalWriter) { _, _ = w.WriteString("ok") }, 0, "", 200, ""},
		{"no content", func(w *refusalWriter) { w.WriteHeader(http.StatusNoContent); w.WriteHeaderNow() }, 0, "", 204, ""},
		{"an error after the body", func(w *refusalWriter) { _, _ = w.WriteString("ok"); w.WriteHeader(500) }, 0, "", 200, ""},
	} {
		rec := httptest.NewRecorder()
		c, _ := gin.CreateTestContext(rec)
		w := &refusalWriter{ResponseWriter: c.Writer}
		tc.write(w)
		c.Writer.WriteHeaderNow()
		if w.status != tc.held || w.message() != tc.msg {
			t.Errorf("%s: held %d %q, want %d %q", tc.name, w.status, w.message(), tc.held, tc.msg)
		}
		if tc.held != 0 && rec.Body.Len() != 0 {
			t.Errorf("%s: %q reached the client", tc.name, rec.Body.String())
		}
		if rec.Code != tc.status || rec.Header().Get("Content-Type") != tc.content {
			t.Errorf("%s: client got %d %q, want %d %q", tc.name, rec.Code, rec.Header().Get("Content-Type"), tc.status, tc.content)
		}
	}
}
