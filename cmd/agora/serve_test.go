package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/internal/pgtest"
)

// TestServeCommand runs `agora serve` on a fresh chain's deployment and database, with an OpenAI-compatible
// embeddings endpoint, checks that it answers, then interrupts it: it must stop cleanly.
func TestServeCommand(t *testing.T) {
	chain, _, file := deployedChain(t)
	ctx := context.Background()
	embeddings := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct{ Input []string }
		_ = json.NewDecoder(r.Body).Decode(&req)
		type item struct {
			Index     int       `json:"index"`
			Embedding []float32 `json:"embedding"`
		}
		out := struct {
			Data []item `json:"data"`
		}{}
		for i := range req.Input {
			v := make([]float32, 8)
			v[i%8] = 1
			out.Data = append(out.Data, item{i, v})
		}
		_ = json.NewEncoder(w).Encode(out)
	}))
	defer embeddings.Close()
	addr := strings.TrimPrefix(closedPort(t), "http://")
	// A read replica that does not answer: the gateway serves from the primary and says it is degraded.
	t.Setenv("AGORA_REPLICA_URL", "postgres://postgres@"+strings.TrimPrefix(closedPort(t), "http://")+"/agora?sslmode=disable")
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		_, _, err := run(t, runCtx, "serve", "--database-url", pgtest.New(t), "--rpc-url", chain.URL, "--deployment", file,
			"--listen", addr, "--embeddings-url", embeddings.URL, "--embeddings-dims", "8", "--drain", "2s",
			"--policy-overlays", "hipaa,eu-ai-act")
		done <- err
	}()
	deadline := time.Now().Add(60 * time.Second)
	for {
		res, err := http.Get("http://" + addr + "/v1/agents?q=anything&mode=vector")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("agora serve never answered a vector search: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	var status struct {
		Replica *struct{ Status, Error string }
	}
	if res, err := http.Get("http://" + addr + "/v1/status"); err != nil {
		t.Fatal(err)
	} else {
		err = json.NewDecoder(res.Body).Decode(&status)
		res.Body.Close()
		if err != nil || res.StatusCode != http.StatusOK || status.Replica == nil || status.Replica.Status != "degraded" ||
			status.Replica.Error != "unreachable" {
			t.Fatalf("status %d with an unreachable AGORA_REPLICA_URL: replica %+v, %v", res.StatusCode, status.Replica, err)
		}
	}
	// Open streams end when the gateway drains: the WebSocket with "going away", the SSE stream with a problem
	// event; neither holds the shutdown past its drain.
	c, err := client.New("http://" + addr)
	if err != nil {
		t.Fatal(err)
	}
	ws, err := c.Subscribe(ctx, client.Subscription{Capabilities: []string{"ocr"}})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if ev, err := ws.Next(ctx); err != nil || ev.Type != client.EventSubscribed {
		t.Fatalf("stream: %+v, %v", ev, err)
	}
	sse, err := http.Get("http://" + addr + "/v1/stream/sse?capability=ocr")
	if err != nil {
		t.Fatal(err)
	}
	defer sse.Body.Close()
	stopped := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("agora serve after interrupt: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("agora serve did not stop")
	}
	if took := time.Since(stopped); took > 2*time.Second {
		t.Errorf("serve took %s to stop with two open streams (drain 2s)", took)
	}
	if _, err := ws.Next(ctx); err == nil || !strings.Contains(err.Error(), "StatusGoingAway") {
		t.Errorf("the WebSocket after the drain: %v, want going away", err)
	}
	body, _ := io.ReadAll(sse.Body)
	if !strings.Contains(string(body), "shutting down") {
		t.Errorf("the SSE stream ended with %q, want the shutting-down problem", body)
	}
}

func TestServeCommand_Errors(t *testing.T) {
	chain, d, file := deployedChain(t)
	wrongChain := writeOtherChain(t, d)
	db := pgtest.New(t)
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"no database", []string{"serve", "--deployment", wrongChain}, "--database-url"},
		{"no deployment file", []string{"serve", "--database-url", db, "--deployment", "/nonexistent.json"}, "nonexistent.json"},
		{"node on another chain", []string{"serve", "--database-url", db, "--deployment", wrongChain, "--rpc-url", chain.URL}, "chain 31337"},
		{"unknown policy overlay", []string{"serve", "--database-url", db, "--deployment", file, "--rpc-url", chain.URL, "--policy-overlays", "hipaa,gdpr"}, `unknown policy overlay "gdpr": the overlays are eu-ai-act, hipaa`},
		{"bad replica url", []string{"serve", "--database-url", db, "--deployment", file, "--rpc-url", chain.URL, "--replica-url", "postgres://[::1"}, "replica url"},
		{"negative latency cap", []string{"serve", "--database-url", db, "--deployment", file, "--rpc-url", chain.URL, "--auction-latency-cap-ms", "-1"}, "latency cap"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("AGORA_DATABASE_URL", "")
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			if _, _, err := run(t, ctx, tt.args...); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("agora %s: error = %v, want one containing %q", strings.Join(tt.args, " "), err, tt.want)
			}
		})
	}
}
