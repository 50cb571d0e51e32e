package indexer

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// OpsHandler serves the operator endpoints:
//
//	GET /metrics  Prometheus metrics of gatherer
//	GET /healthz  200 while the process runs and reaches its database
//	GET /readyz   200 once the indexer has caught up with the head (less confirmations), else 503
//
// /healthz and /readyz answer JSON: {"status": "...", "ready": b, "indexedBlock": n, "headBlock": n, and the
// figures of Progress: "behindBlocks", "percent", "eventsPerSecond", "blocksPerSecond", "etaSeconds"}.
func OpsHandler(ix *Indexer, gatherer prometheus.Gatherer) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(gatherer, promhttp.HandlerOpts{}))
	status := func(w http.ResponseWriter, r *http.Request, needReady bool) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		p := ix.Progress()
		body := map[string]any{"indexedBlock": p.Indexed, "headBlock": p.Head, "ready": ix.Ready(),
			"behindBlocks": p.Behind, "percent": p.Percent, "eventsPerSecond": p.EventsPerSec,
			"blocksPerSecond": p.BlocksPerSec, "etaSeconds": p.ETA.Seconds()}
		code := http.StatusOK
		body["status"] = "ok"
		if err := ix.store.pool.Ping(ctx); err != nil {
			code, body["status"], body["error"] = http.StatusServiceUnavailable, "database unavailable", "database ping failed"
		} else if needReady && !ix.Ready() {
			code, body["status"] = http.StatusServiceUnavailable, "catching up"
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(code)
		_ = json.NewEncoder(w).Encode(body)
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { status(w, r, false) })
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) { status(w, r, true) })
	return mux
}
