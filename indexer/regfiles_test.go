package indexer_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/indexer/regfile"
)

const validRegistration = `{"type":"https://eips.ethereum.org/EIPS/eip-8004#registration-v1","name":"OCR agent",
"description":"Reads invoices","services":[{"name":"A2A","endpoint":"https://ocr.example/a2a"}],"x402Support":true,"active":true}`

// TestIndexer_RegistrationFiles registers agents whose files are fine, broken, huge, never-ending or on a
// host that does not answer, and checks that each outcome is recorded per agent while the indexer keeps
// indexing new blocks at once, even with a download hanging.
func TestIndexer_RegistrationFiles(t *testing.T) {
	e := newEnv(t)
	hang := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/valid.json", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, validRegistration) })
	mux.HandleFunc("/invalid.json", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, `{"name": "x",`) })
	mux.HandleFunc("/types.json", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `{"type":"https://eips.ethereum.org/EIPS/eip-8004#registration-v1","name":7,"services":"none"}`)
	})
	mux.HandleFunc("/huge.json", func(w http.ResponseWriter, r *http.Request) {
		chunk := []byte(strings.Repeat(" ", 64<<10))
		for i := 0; i < 50<<20/len(chunk); i++ { // 50 MB
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/endless.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, "{")
		for {
			select {
			case <-r.Context().Done():
				return
			case <-hang:
				return
			case <-time.After(50 * time.Millisecond):
				fmt.Fprint(w, " ")
				w.(http.Flusher).Flush()
			}
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(hang) })
	// A port nobody listens on.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	deadAddr := ln.Addr().String()
	ln.Close()

	r := e.start(t, runOpts{files: &regfile.Config{
		AllowPrivate: true, Timeout: 1500 * time.Millisecond, MaxBytes: 1 << 20, Attempts: 2, Backoff: 10 * time.Millisecond,
	}})
	cases := []struct {
		uri, status, code string
	}{
		{srv.URL + "/valid.json", "ok", ""},
		{"data:application/json;base64," + base64.StdEncoding.EncodeToString([]byte(validRegistration)), "ok", ""},
		{srv.URL + "/invalid.json", "error", regfile.CodeInvalidJSON},
		{srv.URL + "/types.json", "error", regfile.CodeInvalidRegistration},
		{srv.URL + "/huge.json", "error", regfile.CodeTooLarge},
		{srv.URL + "/endless.json", "error", regfile.CodeTimeout},
		{"http://" + deadAddr + "/agent.json", "error", regfile.CodeUnreachable},
		{"ftp://agents.example/a.json", "error", regfile.CodeUnsupportedScheme},
		{"", "error", regfile.CodeEmptyURI},
	}
	idc := bindings.NewIdentityRegistry()
	identity := idc.Instance(e.chain.Client, e.dep.Contracts.IdentityRegistry.Address)
	for _, c := range cases {
		e.transact(t, e.chain.Keys[1], identity, idc.PackRegister1(c.uri))
	}
	// While downloads are still running (the endless one holds a worker for its whole timeout), new blocks
	// are indexed: a block mined now is visible well before the slow files are done.
	e.transact(t, e.chain.Keys[2], identity, idc.PackRegister1("data:application/json,{}"))
	r.waitFor(t, e.head(t))
	p := r.store.Pool()
	var endless string
	if err := p.QueryRow(context.Background(), `SELECT status FROM registration_files WHERE agent_uri LIKE '%endless%'`).Scan(&endless); err != nil {
		t.Fatal(err)
	}
	if endless != "pending" {
		t.Fatalf("the endless download finished (%s) before the indexer reached the head: indexing waited for it", endless)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		var pending int
		if err := p.QueryRow(context.Background(), `SELECT count(*) FROM registration_files WHERE status = 'pending'`).Scan(&pending); err != nil {
			t.Fatal(err)
		}
		if pending == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d registration files still pending", pending)
		}
		time.Sleep(20 * time.Millisecond)
	}
	for i, c := range cases {
		var status, uri string
		var code, name *string
		err := p.QueryRow(context.Background(), `SELECT status, agent_uri, error_code, parsed->>'name' FROM registration_files
			WHERE agent_id = $1`, i).Scan(&status, &uri, &code, &name)
		if err != nil {
			t.Fatalf("agent %d: %v", i, err)
		}
		got := ""
		if code != nil {
			got = *code
		}
		if status != c.status || got != c.code || uri != c.uri {
			t.Errorf("agent %d (%.40s): status %s code %q, want %s %q", i, c.uri, status, got, c.status, c.code)
		}
		if c.status == "ok" && (name == nil || *name != "OCR agent") {
			t.Errorf("agent %d: parsed name %v", i, name)
		}
	}
	// A new URI re-queues the file and replaces the old outcome.
	e.transact(t, e.chain.Keys[1], identity, idc.PackSetAgentURI(bigOf("2"), srv.URL+"/valid.json"))
	r.waitFor(t, e.head(t))
	deadline = time.Now().Add(10 * time.Second)
	for {
		var status string
		if err := p.QueryRow(context.Background(), `SELECT status FROM registration_files WHERE agent_id = 2`).Scan(&status); err != nil {
			t.Fatal(err)
		}
		if status == "ok" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("agent 2 after a new URI: status %s", status)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
