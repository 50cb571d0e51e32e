package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/spf13/cobra"

	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/indexer"
	"github.com/agoralabs/agora/indexer/catalog"
	"github.com/agoralabs/agora/indexer/regfile"
)

func (a *app) indexCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "index",
		Short: "Mirror every event of the deployment's contracts into PostgreSQL and follow the head",
		Long: `Index every contract in the deployment file from its deploy block into PostgreSQL (migrating the
schema first), then follow the chain head: by WebSocket newHeads when the node offers them, else by polling.
Reorgs are rolled back to the common ancestor. Registration files behind agent URIs are read by a bounded
worker pool next to the indexer; failed reads are retried with backoff, on a schedule kept in PostgreSQL. Operator endpoints (/metrics, /healthz, /readyz) are served on --listen.
Stops cleanly on Ctrl-C or SIGTERM; a restart continues from the last committed block.`,
		Args: cobra.NoArgs,
		RunE: a.runIndex,
	}
	f := cmd.Flags()
	f.String("rpc-url", "http://127.0.0.1:8545", "JSON-RPC endpoint of the node (http(s) or ws(s))")
	f.String("ws-url", "", `WebSocket endpoint for newHeads ("" tries the rpc-url's host, "none" polls)`)
	f.String("database-url", "", "PostgreSQL URL (env AGORA_DATABASE_URL)")
	f.String("deployment", ".devnet/deployment.json", "deployment file written by agora deploy or agora devnet")
	f.String("listen", "127.0.0.1:9464", "address of the operator endpoints (/metrics, /healthz, /readyz); empty disables")
	f.Uint64("confirmations", 0, "blocks below the head to leave unindexed (0 on a local chain)")
	f.Uint64("reorg-window", 64, "blocks below the head indexed one by one with parent-hash checks")
	f.Int("concurrency", 4, "eth_getLogs ranges in flight during backfill")
	f.Uint64("max-range", 5000, "largest eth_getLogs block range")
	f.Int("target-logs", 4000, "backfill ranges grow below half this many logs and shrink above twice it (memory: about concurrency+1 ranges are held)")
	f.Duration("poll-interval", time.Second, "head polling period when there is no WebSocket")
	f.Duration("rpc-timeout", 10*time.Second, "timeout of one JSON-RPC call")
	f.Int("rpc-retries", 5, "retries of a failed JSON-RPC call (with backoff)")
	f.Int("fetch-workers", 8, "concurrent registration-file downloads")
	f.Duration("fetch-timeout", 10*time.Second, "timeout of one registration-file download")
	f.Int64("fetch-max-bytes", 1<<20, "largest registration file read")
	f.Duration("fetch-retry-base", regfile.DefaultRetryBase, "first delay before reading a registration file again after a temporary failure (doubles up to --fetch-retry-max)")
	f.Duration("fetch-retry-max", regfile.DefaultRetryMax, "longest delay before reading a failed registration file again (and the delay after a permanent failure)")
	f.Bool("fetch-allow-private", false, "allow registration files on private/loopback addresses and plain http (local development)")
	f.Int("gc-percent", 200, "Go GC target percentage when GOGC is unset (200 buys about 10% backfill speed for ~20 MB of memory)")
	f.String("cpu-profile", "", "write a Go CPU profile of the whole run to this file (for performance work)")
	f.String("progress", "auto", `progress line on stderr (blocks behind, events/s, backfill % and ETA), redrawn in place: "auto" when stderr is a terminal, "on", "off"`)
	f.Bool("audit", false, "write every escrow and mandate event to the audit log too (docs/audit.md; a gateway with the operator's --audit-key-file integrates them)")
	f.String("ipfs-gateway", "", "HTTP gateway for ipfs:// URIs, e.g. https://ipfs.io (empty: ipfs:// is recorded as unsupported)")
	return cmd
}

func (a *app) runIndex(cmd *cobra.Command, _ []string) error {
	v := a.v
	ctx, cancel := context.WithCancel(cmd.Context())
	defer cancel()
	dbURL := v.GetString("database-url")
	if dbURL == "" {
		return errors.New("--database-url (or AGORA_DATABASE_URL) is required")
	}
	dep, err := deployment.Read(v.GetString("deployment"))
	if err != nil {
		return err
	}
	var showProgress bool
	switch mode := v.GetString("progress"); mode {
	case "auto":
		showProgress = isTerminal(a.m.Stderr)
	case "on", "off":
		showProgress = mode == "on"
	default:
		return fmt.Errorf("--progress %q: want auto, on or off", mode)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(v.GetInt("gc-percent"))
	}
	if path := v.GetString("cpu-profile"); path != "" {
		out, err := os.Create(path)
		if err != nil {
			return err
		}
		defer out.Close()
		if err := pprof.StartCPUProfile(out); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	metrics := indexer.NewMetrics(reg)

	store, err := indexer.OpenStore(ctx, dbURL, catalog.Default)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.Lock(ctx); err != nil {
		return err
	}
	chain, err := indexer.DialChain(ctx, v.GetString("rpc-url"), v.GetString("ws-url"), indexer.Addresses(dep),
		indexer.ChainConfig{Timeout: v.GetDuration("rpc-timeout"), Retries: v.GetInt("rpc-retries")}, metrics)
	if err != nil {
		return err
	}
	defer chain.Close()

	fetcher := regfile.New(regfile.Config{
		Timeout: v.GetDuration("fetch-timeout"), MaxBytes: v.GetInt64("fetch-max-bytes"),
		AllowPrivate: v.GetBool("fetch-allow-private"), IPFSGateway: v.GetString("ipfs-gateway"),
		UserAgent: "agora-indexer/" + version,
	})
	files := regfile.NewPool(fetcher, store.Registrations(), regfile.PoolConfig{Workers: v.GetInt("fetch-workers"),
		Retry: regfile.Retry{Base: v.GetDuration("fetch-retry-base"), Max: v.GetDuration("fetch-retry-max")}},
		a.log.With("component", "regfile"), regfile.NewMetrics(reg))

	ix := indexer.New(chain, store, indexer.Config{
		Deployment:    dep,
		Confirmations: v.GetUint64("confirmations"),
		ReorgWindow:   v.GetUint64("reorg-window"),
		Concurrency:   v.GetInt("concurrency"),
		MaxRange:      v.GetUint64("max-range"),
		TargetLogs:    v.GetInt("target-logs"),
		PollInterval:  v.GetDuration("poll-interval"),
		Log:           a.log.With("component", "indexer"),
		Metrics:       metrics,
		OnCommit:      func(uint64) { files.Wake() },
		Audit:         v.GetBool("audit"),
	})

	var srv *http.Server
	if addr := v.GetString("listen"); addr != "" {
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			return fmt.Errorf("--listen %s: %w", addr, err)
		}
		srv = &http.Server{Handler: indexer.OpsHandler(ix, reg), ReadHeaderTimeout: 5 * time.Second}
		a.log.Info("operator endpoints", "addr", ln.Addr().String())
		go func() {
			if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				a.log.Error("operator endpoints stopped", "err", err)
			}
		}()
	}

	var wg sync.WaitGroup
	if showProgress {
		a.status.enable(true)
		wg.Add(1)
		go func() { defer wg.Done(); a.status.follow(ctx, progressEvery, ix.Progress) }()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		if !ix.WaitReady(ctx) {
			return
		}
		if err := files.Run(ctx); err != nil && ctx.Err() == nil {
			a.log.Error("registration file pool stopped", "err", err)
		}
	}()
	runErr := ix.Run(ctx)
	cancel()
	wg.Wait()
	if srv != nil {
		sctx, scancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer scancel()
		_ = srv.Shutdown(sctx)
	}
	a.log.Info("indexer stopped", "block", ix.Indexed())
	return runErr
}
