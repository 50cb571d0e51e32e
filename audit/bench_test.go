package audit_test

import (
	"bytes"
	"context"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/agoralabs/agora/audit"
)

func benchEnv(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// BenchmarkAudit measures the audit log on a real PostgreSQL: appends (AGORA_BENCH_AUDIT_ENTRIES entries,
// default 200,000, recorded by three writers, as three gateways, from 64 goroutines each, each Record
// waiting until its entry is stored, while a sequencer with the default batch integrates and signs), then a
// verification of the whole database (VerifyDB), then of a full export without proofs and of one with a
// proof per entry (VerifyExport). Reported in entries per second.
func BenchmarkAudit(b *testing.B) {
	n := benchEnv("AGORA_BENCH_AUDIT_ENTRIES", 200_000)
	for range b.N {
		l := newTestLog(b)
		ctx := context.Background()
		sctx, stop := context.WithCancel(ctx)
		seq := audit.NewSequencer(l.pool, l.signer, nil)
		var sw sync.WaitGroup
		sw.Add(1)
		go func() { defer sw.Done(); seq.Run(sctx) }()

		const writers, workers = 3, 64
		start := time.Now()
		var wg sync.WaitGroup
		for w := range writers {
			wr := audit.NewWriter(l.pool, "gateway:"+strconv.Itoa(w), nil)
			for g := range workers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := g; i < n/writers; i += workers {
						if err := wr.Record(ctx, entry(w, i)); err != nil {
							b.Error(err)
							return
						}
					}
				}()
			}
			defer wr.Close()
		}
		wg.Wait()
		stored := time.Since(start)
		want := int64(n / writers * writers)
		for {
			var size int64
			if err := l.pool.QueryRow(ctx, `SELECT coalesce(max(size), 0) FROM audit_checkpoints`).Scan(&size); err != nil {
				b.Fatal(err)
			}
			if size == want {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		signed := time.Since(start)
		stop()
		sw.Wait()
		b.ReportMetric(float64(want)/stored.Seconds(), "stored-entries/s")
		b.ReportMetric(float64(want)/signed.Seconds(), "appended-entries/s")

		t0 := time.Now()
		rep, err := audit.VerifyDB(ctx, l.pool, l.verifier)
		if err != nil || int64(rep.Entries) != want {
			b.Fatalf("verify: %+v %v", rep, err)
		}
		b.ReportMetric(float64(want)/time.Since(t0).Seconds(), "verify-db-entries/s")

		for _, proofs := range []bool{false, true} {
			var buf bytes.Buffer
			t1 := time.Now()
			if _, err := audit.Export(ctx, l.pool, &buf, audit.Filter{NoProofs: !proofs}); err != nil {
				b.Fatal(err)
			}
			exported := time.Since(t1)
			t2 := time.Now()
			rep, err := audit.VerifyExport(&buf, l.verifier)
			if err != nil || int64(rep.Entries) != want {
				b.Fatalf("verify export: %+v %v", rep, err)
			}
			name := "export-no-proofs"
			if proofs {
				name = "export-proofs"
			}
			b.ReportMetric(float64(want)/exported.Seconds(), name+"-entries/s")
			b.ReportMetric(float64(want)/time.Since(t2).Seconds(), "verify-"+name+"-entries/s")
		}
		b.Logf("%d entries: stored in %s, appended and signed in %s", want, stored.Round(time.Millisecond), signed.Round(time.Millisecond))
	}
}
