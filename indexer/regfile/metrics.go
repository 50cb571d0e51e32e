package regfile

import (
	"errors"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the Prometheus collectors a Pool records into. A nil *Metrics records nothing.
type Metrics struct {
	// Fetches counts finished jobs by result: "ok" or an error Code (parse failures included).
	Fetches *prometheus.CounterVec
	// FetchDuration observes the time to fetch and parse one file, by URI scheme.
	FetchDuration *prometheus.HistogramVec
	// Retries counts attempts beyond the first.
	Retries prometheus.Counter
	// InFlight is the number of network fetches running now.
	InFlight prometheus.Gauge
	// StoreErrors counts failed Store calls by operation ("pending", "save").
	StoreErrors *prometheus.CounterVec
}

// NewMetrics creates the collectors and registers them with reg (nil: not registered). Collectors that
// are already registered under the same names (a second NewMetrics on one registry) are reused.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		Fetches: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "agora", Subsystem: "regfile", Name: "fetches_total",
			Help: "Registration files read, by result (ok or error code).",
		}, []string{"result"}),
		FetchDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: "agora", Subsystem: "regfile", Name: "fetch_duration_seconds",
			Help:    "Time to fetch and parse one registration file, retries included, by URI scheme.",
			Buckets: []float64{.001, .01, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60},
		}, []string{"scheme"}),
		Retries: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: "agora", Subsystem: "regfile", Name: "retries_total",
			Help: "Fetch attempts beyond the first.",
		}),
		InFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: "agora", Subsystem: "regfile", Name: "in_flight",
			Help: "Network fetches of registration files running now.",
		}),
		StoreErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "agora", Subsystem: "regfile", Name: "store_errors_total",
			Help: "Failed store calls of the registration file pool, by operation.",
		}, []string{"op"}),
	}
	if reg != nil {
		m.Fetches = register(reg, m.Fetches)
		m.FetchDuration = register(reg, m.FetchDuration)
		m.Retries = register(reg, m.Retries)
		m.InFlight = register(reg, m.InFlight)
		m.StoreErrors = register(reg, m.StoreErrors)
	}
	return m
}

// register registers c, or returns the collector already registered in its place. Any other failure is
// a programming error (conflicting metric names) and panics, as MustRegister would.
func register[C prometheus.Collector](reg prometheus.Registerer, c C) C {
	err := reg.Register(c)
	if err == nil {
		return c
	}
	var are prometheus.AlreadyRegisteredError
	if errors.As(err, &are) {
		if existing, ok := are.ExistingCollector.(C); ok {
			return existing
		}
	}
	panic(err)
}

func (m *Metrics) observe(scheme, result string, seconds float64, attempts int) {
	if m == nil {
		return
	}
	m.Fetches.WithLabelValues(result).Inc()
	m.FetchDuration.WithLabelValues(scheme).Observe(seconds)
	if attempts > 1 {
		m.Retries.Add(float64(attempts - 1))
	}
}

func (m *Metrics) inFlight(delta float64) {
	if m != nil {
		m.InFlight.Add(delta)
	}
}

func (m *Metrics) storeError(op string) {
	if m != nil {
		m.StoreErrors.WithLabelValues(op).Inc()
	}
}
