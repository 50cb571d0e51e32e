package regfile_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"runtime"
	"runtime/pprof"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/agoralabs/agora/indexer/regfile"
)

// memStore is an in-memory regfile.Store: agents with a current URI, and the results saved for them.
type memStore struct {
	mu       sync.Mutex
	current  map[int64]string
	saved    map[int64]regfile.Result // accepted results: URI was current when saved
	stale    []regfile.Result         // results the store ignored: URI no longer current
	saves    int
	changed  chan struct{} // gets a token after every Save and every change
	failSave atomic.Bool
}

func newMemStore() *memStore {
	return &memStore{current: make(map[int64]string), saved: make(map[int64]regfile.Result), changed: make(chan struct{}, 1)}
}

func (s *memStore) set(id int64, uri string) {
	s.mu.Lock()
	s.current[id] = uri
	s.mu.Unlock()
	s.notify()
}

func (s *memStore) notify() {
	select {
	case s.changed <- struct{}{}:
	default:
	}
}

func (s *memStore) Pending(ctx context.Context, limit int) ([]regfile.Job, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]int64, 0, len(s.current))
	for id := range s.current {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var jobs []regfile.Job
	for _, id := range ids {
		if len(jobs) >= limit {
			break
		}
		if r, ok := s.saved[id]; ok && r.Job.URI == s.current[id] {
			continue
		}
		jobs = append(jobs, regfile.Job{AgentID: big.NewInt(id), URI: s.current[id]})
	}
	return jobs, nil
}

func (s *memStore) Save(ctx context.Context, r regfile.Result) error {
	if s.failSave.Load() {
		return errors.New("database is down")
	}
	s.mu.Lock()
	id := r.Job.AgentID.Int64()
	s.saves++
	if s.current[id] != r.Job.URI {
		s.stale = append(s.stale, r)
	} else {
		s.saved[id] = r
	}
	s.mu.Unlock()
	s.notify()
	return nil
}

// result returns the accepted result for id, if any.
func (s *memStore) result(id int64) (regfile.Result, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.saved[id]
	return r, ok
}

// waitFor blocks until cond (called with the store locked) holds. The deadline only turns a hang into
// a failure; no assertion depends on timing.
func (s *memStore) waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(8 * time.Second)
	for {
		s.mu.Lock()
		ok := cond()
		s.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-s.changed:
		case <-deadline:
			t.Fatalf("gave up waiting for %s", what)
		}
	}
}

func dataURI(doc string) string {
	return "data:application/json;base64," + base64.StdEncoding.EncodeToString([]byte(doc))
}

func validDoc(name string) string {
	return `{` + typeV1 + `,"name":` + fmt.Sprintf("%q", name) + `}`
}

// startPool runs p until the test ends and returns a function that cancels it and returns Run's error.
func startPool(t *testing.T, p *regfile.Pool) (stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- p.Run(ctx) }()
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() {
			cancel()
			err = <-errc
		})
		return err
	}
	t.Cleanup(func() { _ = stop() })
	return stop
}

func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(tWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

type tWriter struct{ t *testing.T }

func (w tWriter) Write(b []byte) (int, error) {
	w.t.Log(string(bytes.TrimSuffix(b, []byte("\n"))))
	return len(b), nil
}

func TestPool_Run_ProcessesAllJobs(t *testing.T) {
	valid := readTestdata(t, "valid.json")
	mux := http.NewServeMux()
	mux.HandleFunc("/valid.json", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write(valid) })
	mux.HandleFunc("/broken.json", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(`{"name":`)) })
	srv := httptest.NewServer(mux) // anything else: 404
	defer srv.Close()

	store := newMemStore()
	want := map[int64]string{} // agent -> expected result ("ok" or code)
	for i := int64(1); i <= 30; i++ {
		switch i % 3 {
		case 0:
			store.set(i, dataURI(validDoc(fmt.Sprint("agent ", i))))
			want[i] = "ok"
		case 1:
			store.set(i, dataURI(`{"name":1}`))
			want[i] = regfile.CodeInvalidRegistration
		case 2:
			store.set(i, "data:application/json;base64,@@@")
			want[i] = regfile.CodeBadDataURI
		}
	}
	store.set(31, srv.URL+"/valid.json")
	want[31] = "ok"
	store.set(32, srv.URL+"/missing.json")
	want[32] = regfile.CodeHTTPStatus
	store.set(33, srv.URL+"/broken.json")
	want[33] = regfile.CodeInvalidJSON
	store.set(34, "")
	want[34] = regfile.CodeEmptyURI

	reg := prometheus.NewRegistry()
	m := regfile.NewMetrics(reg)
	_ = regfile.NewMetrics(reg) // a second registration reuses the collectors instead of panicking
	// Idle is an hour: the pool must get everything done through Wake and worker completions alone.
	p := regfile.NewPool(regfile.New(testConfig()), store, regfile.PoolConfig{Workers: 2, Batch: 4, Idle: time.Hour},
		testLogger(t), m)
	stop := startPool(t, p)
	p.Wake()
	store.waitFor(t, "all 34 agents", func() bool { return len(store.saved) == 34 })

	// Work that appears later is picked up on Wake.
	store.set(35, dataURI(validDoc("late")))
	want[35] = "ok"
	p.Wake()
	store.waitFor(t, "the late agent", func() bool { return len(store.saved) == 35 })

	if err := stop(); !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	for id, code := range want {
		r, _ := store.result(id)
		got := "ok"
		if r.Err != nil {
			got = r.Err.Code
		}
		if got != code {
			t.Errorf("agent %d: result %s (%v), want %s", id, got, r.Err, code)
		}
		if got == "ok" && (r.Parsed == nil || len(r.Raw) == 0 || !bytes.Equal(r.Canonical, r.Parsed.Canonical)) {
			t.Errorf("agent %d: ok result without Raw/Parsed/Canonical: %+v", id, r)
		}
		if r.FetchedAt.IsZero() {
			t.Errorf("agent %d: FetchedAt not set", id)
		}
		// Only the 404 and the broken file over http are worth another read (after the default maximum: the
		// server answered); data: URIs, the empty URI and successes are not read again.
		if wantRetry := id == 32 || id == 33; (r.Retry > 0) != wantRetry ||
			(wantRetry && (r.Retry < regfile.DefaultRetryMax*8/10 || r.Retry > regfile.DefaultRetryMax)) {
			t.Errorf("agent %d (%s): Retry %v", id, got, r.Retry)
		}
	}
	if r, _ := store.result(33); len(r.Raw) == 0 {
		t.Errorf("agent 33: parse failure should keep Raw")
	}
	if store.saves != 35 {
		t.Errorf("Save called %d times, want 35 (each job once)", store.saves)
	}
	if got := counterValue(t, reg, "agora_regfile_fetches_total", "ok"); got != 12 {
		t.Errorf("fetches_total{result=ok} = %v, want 12", got)
	}
}

// counterValue reads one labelled counter from reg.
func counterValue(t *testing.T, reg *prometheus.Registry, name, label string) float64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
		for _, m := range f.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetValue() == label {
					return m.GetCounter().GetValue()
				}
			}
		}
	}
	return 0
}

// hangingServer answers /slow/* only after release is closed (or the client goes away) and counts the
// requests per path and the concurrent ones.
type hangingServer struct {
	*httptest.Server
	release  chan struct{}
	arrived  chan string
	mu       sync.Mutex
	hits     map[string]int
	active   map[string]int
	maxDupe  int // most concurrent requests seen for one path
	canceled atomic.Int64
}

func newHangingServer(t *testing.T) *hangingServer {
	h := &hangingServer{release: make(chan struct{}), arrived: make(chan string, 100),
		hits: make(map[string]int), active: make(map[string]int)}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.mu.Lock()
		h.hits[r.URL.Path]++
		h.active[r.URL.Path]++
		h.maxDupe = max(h.maxDupe, h.active[r.URL.Path])
		h.mu.Unlock()
		defer func() {
			h.mu.Lock()
			h.active[r.URL.Path]--
			h.mu.Unlock()
		}()
		h.arrived <- r.URL.Path
		select {
		case <-h.release:
			_, _ = w.Write([]byte(validDoc("slow " + r.URL.Path)))
		case <-r.Context().Done():
			h.canceled.Add(1)
		}
	}))
	t.Cleanup(h.Close)
	return h
}

func TestPool_Run_DataJobsDoNotWaitForSlowFetches(t *testing.T) {
	h := newHangingServer(t)
	store := newMemStore()
	for i := int64(1); i <= 3; i++ { // the lowest ids, so the store lists them first
		store.set(i, fmt.Sprintf("%s/slow/%d", h.URL, i))
	}
	for i := int64(4); i <= 40; i++ {
		store.set(i, dataURI(validDoc(fmt.Sprint("fast ", i))))
	}
	cfg := testConfig()
	cfg.Timeout = time.Minute // the slow fetches must not end on their own during the test
	// One worker and a small batch: the first polls see only busy or waiting slow jobs.
	p := regfile.NewPool(regfile.New(cfg), store, regfile.PoolConfig{Workers: 1, Batch: 2, Idle: time.Hour}, nil, nil)
	startPool(t, p)
	p.Wake()
	store.waitFor(t, "all data: agents while the slow fetch hangs", func() bool {
		for i := int64(4); i <= 40; i++ {
			if _, ok := store.saved[i]; !ok {
				return false
			}
		}
		return true
	})
	<-h.arrived // the first slow fetch is still hanging: nothing has released it
	for i := int64(1); i <= 3; i++ {
		if _, ok := store.result(i); ok {
			t.Fatalf("agent %d saved before its server answered", i)
		}
	}
	// Wakes while the slow job is in flight must not hand it out again.
	for range 5 {
		p.Wake()
	}
	close(h.release)
	store.waitFor(t, "the slow agents", func() bool { return len(store.saved) == 40 })
	h.mu.Lock()
	defer h.mu.Unlock()
	for i := 1; i <= 3; i++ {
		if n := h.hits[fmt.Sprintf("/slow/%d", i)]; n != 1 {
			t.Errorf("/slow/%d requested %d times, want 1", i, n)
		}
	}
	if h.maxDupe != 1 {
		t.Errorf("one URL was fetched %d times at once, want 1", h.maxDupe)
	}
}

func TestPool_Run_StaleResultGoesToStore(t *testing.T) {
	h := newHangingServer(t)
	store := newMemStore()
	oldURI := h.URL + "/slow/old"
	newURI := dataURI(validDoc("new"))
	store.set(1, oldURI)
	cfg := testConfig()
	cfg.Timeout = time.Minute
	p := regfile.NewPool(regfile.New(cfg), store, regfile.PoolConfig{Workers: 1, Idle: time.Hour}, nil, nil)
	startPool(t, p)
	p.Wake()
	<-h.arrived // the fetch of the old URI is in flight
	store.set(1, newURI)
	p.Wake()
	store.waitFor(t, "the new URI's result", func() bool { return store.saved[1].Job.URI == newURI })
	close(h.release)
	store.waitFor(t, "the old URI's result", func() bool { return len(store.stale) == 1 })
	store.mu.Lock()
	defer store.mu.Unlock()
	if got := store.stale[0]; got.Job.URI != oldURI || got.Parsed == nil {
		t.Errorf("stale result = %+v, want the parsed old file", got)
	}
	if got := store.saved[1]; got.Job.URI != newURI || got.Parsed.Name != "new" {
		t.Errorf("current result = %+v, want the new file", got)
	}
}

func TestPool_Run_StoreErrorsDoNotStopIt(t *testing.T) {
	store := newMemStore()
	store.failSave.Store(true)
	store.set(1, dataURI(validDoc("a")))
	reg := prometheus.NewRegistry()
	p := regfile.NewPool(regfile.New(testConfig()), store, regfile.PoolConfig{Idle: time.Hour}, nil, regfile.NewMetrics(reg))
	stop := startPool(t, p)
	p.Wake()
	// Each wake is one more try of the failing Save; the pool keeps running.
	for counterValue(t, reg, "agora_regfile_store_errors_total", "save") < 2 {
		p.Wake()
		runtime.Gosched()
	}
	store.failSave.Store(false)
	p.Wake()
	store.waitFor(t, "the save to succeed", func() bool { return len(store.saved) == 1 })
	if err := stop(); !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
}

func TestPool_Run_ReturnsOnCancelWithoutLeaks(t *testing.T) {
	h := newHangingServer(t)
	f := regfile.New(regfile.Config{AllowPrivate: true, Timeout: time.Minute})
	store := newMemStore()
	store.set(1, h.URL+"/slow/1")
	store.set(2, h.URL+"/slow/2")
	before := runtime.NumGoroutine()
	p := regfile.NewPool(f, store, regfile.PoolConfig{Workers: 4, Idle: time.Hour}, nil, nil)
	stop := startPool(t, p)
	p.Wake()
	<-h.arrived
	<-h.arrived // both fetches hang in their workers
	if err := stop(); !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	// Run has returned, so its workers have: the requests were abandoned, not left running.
	store.mu.Lock()
	saves := store.saves
	store.mu.Unlock()
	if saves != 0 {
		t.Errorf("Save called %d times for canceled fetches, want 0", saves)
	}
	f.CloseIdleConnections()
	h.CloseClientConnections()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			var b bytes.Buffer
			_ = pprof.Lookup("goroutine").WriteTo(&b, 1)
			t.Fatalf("%d goroutines, %d before Run:\n%s", runtime.NumGoroutine(), before, b.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if n := h.canceled.Load(); n != 2 {
		t.Errorf("server saw %d abandoned requests, want 2", n)
	}
}
