package indexer_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/indexer/regfile"
)

// flakyFiles serves registration files whose answers the test scripts per path: each request takes the
// next scripted answer (the last one repeats), and the arrival time of every request is recorded.
type flakyFiles struct {
	mu      sync.Mutex
	script  map[string][]int // HTTP statuses; 200 serves validRegistration
	served  map[string]int
	arrived map[string][]time.Time
}

func newFlakyFiles() *flakyFiles {
	return &flakyFiles{script: map[string][]int{}, served: map[string]int{}, arrived: map[string][]time.Time{}}
}

// set scripts path's next answers.
func (f *flakyFiles) set(path string, statuses ...int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.script[path], f.served[path] = statuses, 0
}

func (f *flakyFiles) requests(path string) []time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Time(nil), f.arrived[path]...)
}

func (f *flakyFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.arrived[r.URL.Path] = append(f.arrived[r.URL.Path], time.Now())
	script := f.script[r.URL.Path]
	status := http.StatusNotFound
	if n := len(script); n > 0 {
		status = script[min(f.served[r.URL.Path], n-1)]
		f.served[r.URL.Path]++
	}
	f.mu.Unlock()
	switch status {
	case http.StatusOK:
		fmt.Fprint(w, validRegistration)
	case http.StatusServiceUnavailable:
		w.Header().Set("Retry-After", "3")
		w.WriteHeader(status)
	default:
		w.WriteHeader(status)
	}
}

// fetchRow is the fetch state of one agent's registration file.
type fetchRow struct {
	Status, URI                         string
	Attempts, Failures                  int
	LastError                           *string
	LastAttempt, NextAttempt, FetchedAt *time.Time
	Name                                *string
}

func readFetchRow(t *testing.T, e *env, r *running, id int) fetchRow {
	t.Helper()
	var f fetchRow
	err := r.store.Pool().QueryRow(context.Background(), `SELECT status, agent_uri, attempts, failures, last_error_code,
			last_attempt_at, next_attempt_at, fetched_at, parsed->>'name'
		FROM registration_files WHERE agent_id = $1`, id).Scan(&f.Status, &f.URI, &f.Attempts, &f.Failures,
		&f.LastError, &f.LastAttempt, &f.NextAttempt, &f.FetchedAt, &f.Name)
	if err != nil {
		t.Fatalf("agent %d: %v", id, err)
	}
	return f
}

func waitFetchRow(t *testing.T, e *env, r *running, id int, what string, cond func(fetchRow) bool) fetchRow {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		f := readFetchRow(t, e, r, id)
		if cond(f) {
			return f
		}
		if time.Now().After(deadline) {
			t.Fatalf("agent %d: gave up waiting for %s: %+v", id, what, f)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func code(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// TestIndexer_RegistrationRetry checks the fetch schedule of registration files on a real chain and database:
// failed reads are retried with exponential backoff until they succeed; a new URI and a MetadataSet read the
// file again at once, however far off the next retry was; a temporary failure of a refetch keeps the good
// file; and the schedule survives a restart of the indexer.
func TestIndexer_RegistrationRetry(t *testing.T) {
	e := newEnv(t)
	files := newFlakyFiles()
	srv := httptest.NewServer(files)
	t.Cleanup(srv.Close)
	const base = 400 * time.Millisecond
	opts := runOpts{
		files: &regfile.Config{AllowPrivate: true, Timeout: time.Second, Attempts: 1},
		retry: regfile.Retry{Base: base, Max: time.Minute},
	}
	r := e.start(t, opts)

	const (
		flaky     = iota // 500, 500, then the file
		moved            // 404 (a permanent failure: next read in about a minute), then a new URI
		metadata         // 404, then the file is put in place and the owner sets a metadata entry
		kept             // the file, then 500s on a refetch: the good file stays
		restarted        // 503 with Retry-After: 3, across a restart of the indexer
	)
	files.set("/flaky.json", 500, 500, 200)
	files.set("/moved.json", 404)
	files.set("/new.json", 200)
	files.set("/metadata.json", 404)
	files.set("/kept.json", 200)
	files.set("/restarted.json", 503)
	idc := bindings.NewIdentityRegistry()
	identity := idc.Instance(e.chain.Client, e.dep.Contracts.IdentityRegistry.Address)
	owner := e.chain.Keys[1]
	for _, path := range []string{"/flaky.json", "/moved.json", "/metadata.json", "/kept.json", "/restarted.json"} {
		e.transact(t, owner, identity, idc.PackRegister1(srv.URL+path))
	}
	r.waitFor(t, e.head(t))

	// Two failures, each retried after the backoff (base, then twice base, less at most 20% jitter).
	f := waitFetchRow(t, e, r, flaky, "the flaky file read", func(f fetchRow) bool { return f.Status == "ok" })
	if f.Attempts != 3 || f.Failures != 0 || f.LastError != nil || f.NextAttempt != nil || f.FetchedAt == nil ||
		code(f.Name) != "OCR agent" {
		t.Errorf("flaky file after its retries: %+v", f)
	}
	at := files.requests("/flaky.json")
	if len(at) != 3 {
		t.Fatalf("flaky file requested %d times, want 3", len(at))
	}
	t.Logf("flaky file: retries %v and %v after the failures", at[1].Sub(at[0]).Round(time.Millisecond),
		at[2].Sub(at[1]).Round(time.Millisecond))
	for i, want := range []time.Duration{base, 2 * base} {
		if gap := at[i+1].Sub(at[i]); gap < want*8/10 || gap > want+3*time.Second {
			t.Errorf("retry %d came %v after the failure, want about %v", i+1, gap, want)
		}
	}

	// A permanent failure waits for the maximum; a new URI is read at once.
	f = waitFetchRow(t, e, r, moved, "the 404", func(f fetchRow) bool { return f.Status == "error" })
	if code(f.LastError) != regfile.CodeHTTPStatus || f.Failures != 1 || f.NextAttempt == nil ||
		f.NextAttempt.Sub(*f.LastAttempt) < 45*time.Second {
		t.Errorf("after a 404: %+v, want the next read about a minute later", f)
	}
	e.transact(t, owner, identity, idc.PackSetAgentURI(bigOf(fmt.Sprint(moved)), srv.URL+"/new.json"))
	f = waitFetchRow(t, e, r, moved, "the new URI read", func(f fetchRow) bool { return f.Status == "ok" })
	if f.URI != srv.URL+"/new.json" || f.Attempts != 1 || f.Failures != 0 || f.NextAttempt != nil {
		t.Errorf("after the new URI: %+v", f)
	}

	// A MetadataSet reads the file again at once.
	waitFetchRow(t, e, r, metadata, "the 404", func(f fetchRow) bool { return f.Status == "error" })
	files.set("/metadata.json", 200)
	e.transact(t, owner, identity, idc.PackSetMetadata(bigOf(fmt.Sprint(metadata)), "version", []byte("2")))
	f = waitFetchRow(t, e, r, metadata, "the refetch", func(f fetchRow) bool { return f.Status == "ok" })
	if f.Attempts != 2 || f.Failures != 0 || f.NextAttempt != nil || f.LastError != nil {
		t.Errorf("after the refetch: %+v", f)
	}
	if n := len(files.requests("/metadata.json")); n != 2 {
		t.Errorf("metadata file requested %d times, want 2", n)
	}

	// A refetch that fails for a temporary reason keeps the good file and retries.
	waitFetchRow(t, e, r, kept, "the first read", func(f fetchRow) bool { return f.Status == "ok" })
	files.set("/kept.json", 500, 200)
	e.transact(t, owner, identity, idc.PackSetMetadata(bigOf(fmt.Sprint(kept)), "version", []byte("2")))
	f = waitFetchRow(t, e, r, kept, "the failed refetch", func(f fetchRow) bool { return f.LastError != nil })
	if f.Status != "ok" || code(f.Name) != "OCR agent" || code(f.LastError) != regfile.CodeHTTPStatus ||
		f.Failures != 1 || f.NextAttempt == nil {
		t.Errorf("after a failed refetch: %+v, want the good file kept and a retry scheduled", f)
	}
	var profiles int
	if err := r.store.Pool().QueryRow(context.Background(), `SELECT count(*) FROM agent_profiles WHERE agent_id = $1`,
		kept).Scan(&profiles); err != nil || profiles != 1 {
		t.Errorf("search document after a failed refetch: %d rows, %v", profiles, err)
	}
	f = waitFetchRow(t, e, r, kept, "the retry", func(f fetchRow) bool { return f.LastError == nil })
	if f.Status != "ok" || f.Failures != 0 || f.NextAttempt != nil || f.Attempts != 3 {
		t.Errorf("after the retry: %+v", f)
	}

	// The schedule survives a restart: the retry after the restart comes when it was due, not at start.
	before := waitFetchRow(t, e, r, restarted, "a 503", func(f fetchRow) bool { return f.Failures >= 1 })
	if err := r.stop(); err != nil {
		t.Fatal(err)
	}
	p := pool(t, e.dbURL)
	var next time.Time
	var failures int
	if err := p.QueryRow(context.Background(), `SELECT next_attempt_at, failures FROM registration_files WHERE agent_id = $1`,
		restarted).Scan(&next, &failures); err != nil {
		t.Fatal(err)
	}
	if code(before.LastError) != regfile.CodeHTTPStatus || next.Sub(*before.LastAttempt) < 2*time.Second {
		t.Errorf("after a 503 with Retry-After: 3: %+v, next at %v", before, next)
	}
	files.set("/restarted.json", 200)
	served := len(files.requests("/restarted.json"))
	restart := time.Now()
	r = e.start(t, opts)
	f = waitFetchRow(t, e, r, restarted, "the read after the restart", func(f fetchRow) bool { return f.Status == "ok" })
	at = files.requests("/restarted.json")
	if len(at) != served+1 {
		t.Fatalf("file requested %d times after the restart, want once", len(at)-served)
	}
	t.Logf("restart %v before the retry was due; read %v after the restart, %v after it was due",
		next.Sub(restart).Round(time.Millisecond), at[served].Sub(restart).Round(time.Millisecond),
		at[served].Sub(next).Round(time.Millisecond))
	if at[served].Before(next.Add(-50 * time.Millisecond)) {
		t.Errorf("read %v before it was due (%v): the restart lost the schedule", next.Sub(at[served]), next)
	}
	if f.Attempts != failures+1 || f.Failures != 0 {
		t.Errorf("after the restart: %+v, want attempts %d", f, failures+1)
	}
}
