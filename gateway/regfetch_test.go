package gateway_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/agoralabs/agora/bindings"
)

// fetchState is registrationFetch of GET /v1/agents/{id}.
type fetchState struct {
	State     string `json:"state"`
	Attempts  int    `json:"attempts"`
	Failures  int    `json:"failures"`
	LastError *struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"lastError"`
	LastAttemptAt *time.Time `json:"lastAttemptAt"`
	NextAttemptAt *time.Time `json:"nextAttemptAt"`
	FetchedAt     *time.Time `json:"fetchedAt"`
}

type fetchDetail struct {
	RegistrationFile struct {
		Status string `json:"status"`
	} `json:"registrationFile"`
	RegistrationFetch fetchState `json:"registrationFetch"`
	Registration      *struct {
		Name string `json:"name"`
	} `json:"registration"`
}

// testRegistrationFetch registers an agent whose file server fails until the test lets it answer: the
// agent detail shows the failure with its error and the next attempt, follows the retries (each recorded
// failure drops the cached detail), then shows the file fetched.
func testRegistrationFetch(t *testing.T, e *env) {
	var healthy atomic.Bool
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		if !healthy.Load() {
			http.Error(w, "down", http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, `{"type":"https://eips.ethereum.org/EIPS/eip-8004#registration-v1","name":"Flaky Host Agent",`+
			`"description":"Its file server fails at first."}`)
	}))
	t.Cleanup(srv.Close)
	uri := srv.URL + "/agent.json"
	e.transact(t, e.seeded.Agents[0].Owner, bindings.NewIdentityRegistry().PackRegister1(uri))
	var id string
	e.waitFor("the agent indexed", func() bool {
		err := e.db.QueryRow(context.Background(), `SELECT agent_id::text FROM agents WHERE agent_uri = $1`, uri).Scan(&id)
		return err == nil
	})
	detail := func() fetchDetail {
		var d fetchDetail
		e.get("/v1/agents/"+id).decode(t, &d)
		return d
	}

	var d fetchDetail
	e.waitFor("the failure in the agent detail", func() bool { d = detail(); return d.RegistrationFetch.State == "failed" })
	f := d.RegistrationFetch
	if f.LastError == nil || f.LastError.Code != "http_status" || f.LastError.Message != "500 Internal Server Error" ||
		f.Attempts < 1 || f.Failures < 1 || f.LastAttemptAt == nil || f.NextAttemptAt == nil ||
		!f.NextAttemptAt.After(*f.LastAttemptAt) || f.FetchedAt != nil || d.Registration != nil ||
		d.RegistrationFile.Status != "error" {
		t.Fatalf("after a failed read: %+v", d)
	}
	// Retries that fail again only change the fetch state: the cached detail follows them.
	e.waitFor("a retry in the agent detail", func() bool { d = detail(); return d.RegistrationFetch.Failures >= 2 })
	if f := d.RegistrationFetch; f.State != "failed" || f.Attempts != f.Failures || f.NextAttemptAt == nil {
		t.Fatalf("after retries: %+v", d)
	}

	healthy.Store(true)
	e.waitFor("the file fetched", func() bool { d = detail(); return d.RegistrationFetch.State == "fetched" })
	f = d.RegistrationFetch
	if f.LastError != nil || f.Failures != 0 || f.NextAttemptAt != nil || f.FetchedAt == nil || f.LastAttemptAt == nil ||
		!f.FetchedAt.Equal(*f.LastAttemptAt) || f.Attempts < 3 || d.Registration == nil ||
		d.Registration.Name != "Flaky Host Agent" || d.RegistrationFile.Status != "ok" {
		t.Fatalf("after the file was read: %+v", d)
	}
	t.Logf("fetched after %d attempts (%d requests)", f.Attempts, requests.Load())
}
