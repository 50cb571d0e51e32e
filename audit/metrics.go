package audit

import "github.com/prometheus/client_golang/prometheus"

// metrics are the audit log's Prometheus collectors, one set per process (Register adds them to a registry).
var metrics = struct {
	recorded   prometheus.Counter
	integrated prometheus.Counter
	treeSize   prometheus.Gauge
	signed     prometheus.Counter
}{
	recorded: prometheus.NewCounter(prometheus.CounterOpts{Name: "agora_audit_entries_recorded_total",
		Help: "Audit entries stored by this process's writers (audit_pending)."}),
	integrated: prometheus.NewCounter(prometheus.CounterOpts{Name: "agora_audit_entries_integrated_total",
		Help: "Audit entries this process's sequencer gave a place in the tree."}),
	treeSize: prometheus.NewGauge(prometheus.GaugeOpts{Name: "agora_audit_tree_size",
		Help: "The audit tree's size after this process's last integration."}),
	signed: prometheus.NewCounter(prometheus.CounterOpts{Name: "agora_audit_checkpoints_signed_total",
		Help: "Checkpoints (signed tree heads) this process signed."}),
}

// Register adds the audit log's collectors to reg (an error when they are there already).
func Register(reg prometheus.Registerer) error {
	for _, c := range []prometheus.Collector{metrics.recorded, metrics.integrated, metrics.treeSize, metrics.signed} {
		if err := reg.Register(c); err != nil {
			return err
		}
	}
	return nil
}
