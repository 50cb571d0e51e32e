package indexer

import "github.com/prometheus/client_golang/prometheus"

// Metrics are the indexer's Prometheus metrics (namespace agora_indexer).
type Metrics struct {
	ChainHead    prometheus.Gauge
	IndexedBlock prometheus.Gauge
	Lag          prometheus.Gauge
	Events       prometheus.Counter
	EventsPerSec prometheus.Gauge
	Batches      *prometheus.HistogramVec
	Reorgs       prometheus.Counter
	ReorgDepth   prometheus.Histogram
	RPCErrors    *prometheus.CounterVec
	LoopErrors   prometheus.Counter
	RangeSize    prometheus.Gauge
	Progress     prometheus.Gauge
	BlocksPerSec prometheus.Gauge
	ETA          prometheus.Gauge
}

// NewMetrics creates the metrics and registers them with reg (nil: not registered).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	const ns, sub = "agora", "indexer"
	m := &Metrics{
		ChainHead: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: ns, Subsystem: sub, Name: "chain_head_block",
			Help: "Latest block number the node reported."}),
		IndexedBlock: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: ns, Subsystem: sub, Name: "indexed_block",
			Help: "Last block whose events are committed."}),
		Lag: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: ns, Subsystem: sub, Name: "lag_blocks",
			Help: "Chain head minus indexed block."}),
		Events: prometheus.NewCounter(prometheus.CounterOpts{Namespace: ns, Subsystem: sub, Name: "events_total",
			Help: "Events committed (rate() gives events per second)."}),
		EventsPerSec: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: ns, Subsystem: sub, Name: "events_per_second",
			Help: "Events committed per second over the last 10 seconds."}),
		BlocksPerSec: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: ns, Subsystem: sub, Name: "blocks_per_second",
			Help: "Blocks committed per second over the last 10 seconds."}),
		Progress: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: ns, Subsystem: sub, Name: "progress_ratio",
			Help: "Share of the blocks from the deployment to the head (less confirmations) indexed, 0 to 1."}),
		ETA: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: ns, Subsystem: sub, Name: "eta_seconds",
			Help: "Estimated time to catch up with the head at the current block rate (0 when caught up or unknown)."}),
		Batches: prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: ns, Subsystem: sub, Name: "batch_seconds",
			Help: "Time to commit one batch (a range in backfill, a block at the head).", Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16)},
			[]string{"mode"}),
		Reorgs: prometheus.NewCounter(prometheus.CounterOpts{Namespace: ns, Subsystem: sub, Name: "reorgs_total",
			Help: "Chain reorganisations rolled back."}),
		ReorgDepth: prometheus.NewHistogram(prometheus.HistogramOpts{Namespace: ns, Subsystem: sub, Name: "reorg_depth_blocks",
			Help: "Blocks rolled back per reorganisation.", Buckets: prometheus.ExponentialBuckets(1, 2, 10)}),
		RPCErrors: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: ns, Subsystem: sub, Name: "rpc_errors_total",
			Help: "Failed JSON-RPC calls (each attempt), by method."}, []string{"method"}),
		LoopErrors: prometheus.NewCounter(prometheus.CounterOpts{Namespace: ns, Subsystem: sub, Name: "loop_errors_total",
			Help: "Indexing rounds that failed and were retried."}),
		RangeSize: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: ns, Subsystem: sub, Name: "range_blocks",
			Help: "Current eth_getLogs range size during backfill."}),
	}
	if reg != nil {
		reg.MustRegister(m.ChainHead, m.IndexedBlock, m.Lag, m.Events, m.EventsPerSec, m.Batches, m.Reorgs,
			m.ReorgDepth, m.RPCErrors, m.LoopErrors, m.RangeSize, m.Progress, m.BlocksPerSec, m.ETA)
	}
	return m
}

// setProgress sets the progress gauges.
func (m *Metrics) setProgress(p Progress) {
	m.EventsPerSec.Set(p.EventsPerSec)
	m.BlocksPerSec.Set(p.BlocksPerSec)
	m.Progress.Set(p.Percent / 100)
	m.ETA.Set(p.ETA.Seconds())
}
