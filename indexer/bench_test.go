package indexer_test

import (
	"bufio"
	"context"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/jackc/pgx/v5"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/indexer"
	"github.com/agoralabs/agora/internal/anvil"
	"github.com/agoralabs/agora/internal/devchain"
	"github.com/agoralabs/agora/internal/pgtest"
	"github.com/agoralabs/agora/postgres"
	"github.com/agoralabs/agora/workload"
)

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// BenchmarkIndexer measures the indexer on one generated chain (see BENCHMARKS.md):
//
//	go test ./indexer -run '^$' -bench BenchmarkIndexer -benchtime 1x -timeout 30m
//
// AGORA_BENCH_BLOCKS (default 1000) and AGORA_BENCH_TX_PER_BLOCK (default 80) size the workload (about 108,000
// events by default); the benchmark fails when it has fewer than AGORA_BENCH_EVENTS (default 100000). It reports
//   - raw_N_ev/s: how fast anvil alone serves the same logs to a Go client over eth_getLogs in ranges of
//     N blocks, one request at a time (decoded into types.Log, as the indexer does);
//   - backfill_ev/s: events per second from starting `agora index` (a separate process, on an empty but
//     migrated database) until every block is committed to PostgreSQL;
//   - peak_rss_MB: that process's peak resident memory (VmHWM), and rss_MB_at_N%: its resident memory as
//     the backfill passes N% of the blocks (flat means memory does not grow with the chain);
//   - head_p50_ms / head_p95_ms: head-follow latency, from a transaction's block being mined (the automining
//     eth_sendRawTransaction returning) to the indexer's commit of that block being visible (its NOTIFY
//     received by a LISTENing connection), over 200 blocks.
func BenchmarkIndexer(b *testing.B) {
	wantEvents := envInt("AGORA_BENCH_EVENTS", 100_000)
	wantBlocks := envInt("AGORA_BENCH_BLOCKS", 1000)
	txPerBlock := envInt("AGORA_BENCH_TX_PER_BLOCK", 80)
	bin := buildAgora(b)
	ctx := context.Background()
	var (
		chainURL string
		client   *ethclient.Client
		dep      *deployment.Deployment
		key      = anvil.DevKey(9)
	)
	if url, file := os.Getenv("AGORA_BENCH_RPC_URL"), os.Getenv("AGORA_BENCH_DEPLOYMENT"); url != "" && file != "" {
		// A chain generated before (agora deploy + agora workload), to measure again without regenerating.
		var err error
		if dep, err = deployment.Read(file); err != nil {
			b.Fatal(err)
		}
		if client, err = ethclient.Dial(url); err != nil {
			b.Fatal(err)
		}
		chainURL = url
	} else {
		chain := devchain.StartArgs(b, "--prune-history")
		chainURL, client = chain.URL, chain.Client
		var err error
		dep, err = deployment.Deploy(ctx, chain.Client, chain.Keys[0], deployment.Options{FeeBps: 100, Logger: quietLog()})
		if err != nil {
			b.Fatal(err)
		}
		// The workload (see workload.DefaultMix): anvil 1.7 mines ever slower as its state grows, so this
		// takes minutes; --prune-history keeps it from writing every old state to disk.
		genStart := time.Now()
		st, err := workload.Run(ctx, workload.Config{RPCURL: chain.URL, Deployment: dep, Funder: chain.Keys[0],
			Seed: 1, Blocks: wantBlocks, TxPerBlock: txPerBlock, Accounts: 200})
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("workload: %d events generated in %s", st.Events, time.Since(genStart).Round(time.Second))
	}
	head, err := client.BlockNumber(ctx)
	if err != nil {
		b.Fatal(err)
	}
	// Count exactly what the indexer will see: every log of the deployment from its start block.
	start := dep.StartBlock()
	total := 0
	for from := start; from <= head; from += 1000 {
		logs, err := client.FilterLogs(ctx, filterQuery(dep, from, min(from+999, head)))
		if err != nil {
			b.Fatal(err)
		}
		total += len(logs)
	}
	b.Logf("chain: %d events in blocks %d-%d", total, start, head)
	if total < wantEvents || int(head-start) < wantBlocks {
		b.Fatalf("workload too small: %d events over %d blocks", total, head-start+1)
	}

	// Raw eth_getLogs, one request at a time.
	raw := map[uint64]float64{}
	rc, err := rpc.Dial(chainURL)
	if err != nil {
		b.Fatal(err)
	}
	defer rc.Close()
	for _, size := range []uint64{10, 100, 1000} {
		t0 := time.Now()
		n := 0
		for from := start; from <= head; from += size {
			var logs []types.Log
			if err := rc.CallContext(ctx, &logs, "eth_getLogs", map[string]any{
				"fromBlock": hexutil.EncodeUint64(from), "toBlock": hexutil.EncodeUint64(min(from+size-1, head)),
				"address": indexer.Addresses(dep),
			}); err != nil {
				b.Fatal(err)
			}
			n += len(logs)
		}
		raw[size] = float64(n) / time.Since(t0).Seconds()
		b.ReportMetric(raw[size], fmt.Sprintf("raw_%d_ev/s", size))
	}

	// Backfill by the agora binary into a migrated, empty database.
	dbURL := pgtest.New(b)
	if _, err := postgres.Migrate(ctx, dbURL); err != nil {
		b.Fatal(err)
	}
	listen, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		b.Fatal(err)
	}
	defer listen.Close(ctx)
	if _, err := listen.Exec(ctx, "LISTEN "+indexer.NotifyChannel); err != nil {
		b.Fatal(err)
	}
	depFile := filepath.Join(b.TempDir(), "deployment.json")
	if err := dep.Write(depFile); err != nil {
		b.Fatal(err)
	}
	args := []string{"index", "--rpc-url", chainURL, "--database-url", dbURL, "--deployment", depFile,
		"--listen", "", "--log-level", "warn"}
	args = append(args, strings.Fields(os.Getenv("AGORA_BENCH_INDEX_ARGS"))...) // e.g. "--concurrency 2"
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	b.ResetTimer()
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		_ = cmd.Wait()
	}()
	rssAt := map[int]float64{}
	for {
		wctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
		note, err := listen.WaitForNotification(wctx)
		cancel()
		if err != nil {
			b.Fatalf("waiting for the backfill: %v", err)
		}
		n, _ := strconv.ParseUint(note.Payload, 10, 64)
		pct := int(100 * (n - start + 1) / (head - start + 1))
		for _, mark := range []int{25, 50, 75, 100} {
			if _, done := rssAt[mark]; !done && pct >= mark {
				rssAt[mark] = procStatusMB(b, cmd.Process.Pid, "VmRSS")
			}
		}
		if n >= head {
			break
		}
	}
	elapsed := time.Since(t0)
	b.StopTimer()
	rate := float64(total) / elapsed.Seconds()
	peak := procStatusMB(b, cmd.Process.Pid, "VmHWM")
	b.ReportMetric(rate, "backfill_ev/s")
	b.ReportMetric(peak, "peak_rss_MB")
	for _, mark := range []int{25, 50, 75, 100} {
		b.ReportMetric(rssAt[mark], fmt.Sprintf("rss_MB_at_%d%%", mark))
	}
	best := max(raw[10], raw[100], raw[1000])
	b.ReportMetric(100*rate/best, "backfill_%_of_best_raw")
	b.Logf("backfill: %d events in %s = %.0f events/s (%.0f%% of the best raw eth_getLogs rate %.0f/s); peak RSS %.1f MB",
		total, elapsed.Round(time.Millisecond), rate, 100*rate/best, best, peak)

	// Head-follow latency: one transaction per block, the indexer following over WebSocket.
	idc := bindings.NewIdentityRegistry()
	identity := idc.Instance(client, dep.Contracts.IdentityRegistry.Address)
	chainID := big.NewInt(int64(dep.ChainID))
	opts := bind.NewKeyedTransactor(key, chainID)
	opts.Context = ctx
	opts.GasLimit = 400_000
	wsc, err := ethclient.Dial(strings.Replace(chainURL, "http://", "ws://", 1))
	if err != nil {
		b.Fatal(err)
	}
	defer wsc.Close()
	heads := make(chan *types.Header, 16)
	sub, err := wsc.SubscribeNewHead(ctx, heads)
	if err != nil {
		b.Fatal(err)
	}
	defer sub.Unsubscribe()
	var lat []float64
	for i := range 200 {
		// register emits Transfer, MetadataSet and Registered: three tables and the agents projection.
		if _, err := bind.Transact(identity, opts, idc.PackRegister1(fmt.Sprintf("https://latency.example/%d.json", i))); err != nil {
			b.Fatal(err)
		}
		var h *types.Header
		select {
		case h = <-heads: // the block is mined: the clock starts when the node announces it
		case err := <-sub.Err():
			b.Fatal(err)
		case <-time.After(30 * time.Second):
			b.Fatal("no newHeads notification")
		}
		mined := time.Now()
		for {
			wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			note, err := listen.WaitForNotification(wctx)
			cancel()
			if err != nil {
				b.Fatalf("block %d never committed: %v", h.Number, err)
			}
			if n, _ := strconv.ParseUint(note.Payload, 10, 64); n >= h.Number.Uint64() {
				lat = append(lat, float64(time.Since(mined).Microseconds())/1000)
				break
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	slices.Sort(lat)
	p50, p95 := lat[len(lat)/2], lat[len(lat)*95/100]
	b.ReportMetric(p50, "head_p50_ms")
	b.ReportMetric(p95, "head_p95_ms")
	b.Logf("head-follow latency over %d blocks: p50 %.2f ms, p95 %.2f ms, max %.2f ms", len(lat), p50, p95, lat[len(lat)-1])
}

func filterQuery(dep *deployment.Deployment, from, to uint64) ethereum.FilterQuery {
	return ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(to), Addresses: indexer.Addresses(dep)}
}

// procStatusMB reads a memory line (VmRSS, VmHWM) of /proc/<pid>/status in MB.
func procStatusMB(b *testing.B, pid int, field string) float64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if strings.HasPrefix(s.Text(), field+":") {
			fields := strings.Fields(s.Text())
			kb, _ := strconv.ParseFloat(fields[1], 64)
			return kb / 1024
		}
	}
	b.Fatalf("%s not in /proc/%d/status", field, pid)
	return 0
}
