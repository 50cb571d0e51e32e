package gateway_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/agoralabs/agora/gateway"
)

type jobsPage struct {
	Items []struct {
		JobID  string `json:"jobId"`
		Status string `json:"status"`
	} `json:"items"`
	NextCursor *string `json:"nextCursor"`
}

// testJobs reads the seeded history's escrow jobs across the market: newest first, by status, page by page
// without gaps or repeats; one job with its history in chain order, each event with its transaction.
func testJobs(t *testing.T, e *env) {
	var all jobsPage
	e.get("/v1/jobs?limit=200").decode(t, &all)
	if len(all.Items) < 10 {
		t.Fatalf("%d jobs, want the seeded history's", len(all.Items))
	}
	for i := 1; i < len(all.Items); i++ {
		if len(all.Items[i].JobID) > len(all.Items[i-1].JobID) ||
			(len(all.Items[i].JobID) == len(all.Items[i-1].JobID) && all.Items[i].JobID >= all.Items[i-1].JobID) {
			t.Fatalf("job %s after %s: want newest first", all.Items[i].JobID, all.Items[i-1].JobID)
		}
	}
	// Pages of 7 give the same jobs in the same order.
	var paged []string
	next := "/v1/jobs?limit=7"
	for next != "" {
		var p jobsPage
		e.get(next).decode(t, &p)
		for _, j := range p.Items {
			paged = append(paged, j.JobID)
		}
		next = ""
		if p.NextCursor != nil {
			next = "/v1/jobs?limit=7&cursor=" + url.QueryEscape(*p.NextCursor)
		}
	}
	if len(paged) != len(all.Items) {
		t.Fatalf("paging gave %d jobs, one page %d", len(paged), len(all.Items))
	}
	for i := range paged {
		if paged[i] != all.Items[i].JobID {
			t.Fatalf("page order differs at %d: %s, want %s", i, paged[i], all.Items[i].JobID)
		}
	}
	var completed jobsPage
	e.get("/v1/jobs?status=completed&limit=200").decode(t, &completed)
	if len(completed.Items) == 0 {
		t.Fatal("no completed job")
	}
	for _, j := range completed.Items {
		if j.Status != "completed" {
			t.Fatalf("status filter let %s (%s) through", j.JobID, j.Status)
		}
	}

	var job struct {
		JobID   string `json:"jobId"`
		Status  string `json:"status"`
		History []struct {
			Event string `json:"event"`
			Block int64  `json:"block"`
			Tx    string `json:"tx"`
		} `json:"history"`
	}
	e.get("/v1/jobs/"+completed.Items[0].JobID).decode(t, &job)
	var events []string
	for i, h := range job.History {
		events = append(events, h.Event)
		if i > 0 && h.Block < job.History[i-1].Block {
			t.Fatalf("history out of chain order: %+v", job.History)
		}
		if len(h.Tx) != 66 {
			t.Fatalf("event %s without its transaction", h.Event)
		}
	}
	got := strings.Join(events, ",")
	for _, want := range []string{"created", "funded", "submitted", "completed", "settled"} {
		if !strings.Contains(got, want) {
			t.Errorf("job %s (%s) history %s lacks %s", job.JobID, job.Status, got, want)
		}
	}
	if events[0] != "created" {
		t.Errorf("history starts with %s", events[0])
	}

	e.get("/v1/jobs/999999").problem(t, 404, gateway.CodeJobNotFound)
	e.get("/v1/jobs/abc").problem(t, 400, gateway.CodeInvalidID)
	e.get("/v1/jobs/007").problem(t, 400, gateway.CodeInvalidID)
	e.get("/v1/jobs/1?x=1").problem(t, 400, gateway.CodeInvalidQuery)
	e.get("/v1/jobs?status=paid").problem(t, 400, gateway.CodeInvalidQuery)
	e.get("/v1/jobs?cursor=bogus").problem(t, 400, gateway.CodeInvalidCursor)
}

// testStatus reads the indexer's progress through the gateway: caught up with the seeded chain.
func testStatus(t *testing.T, e *env) {
	var st struct {
		Gateway struct {
			Status     string `json:"status"`
			Agents     int    `json:"agents"`
			Vectors    int    `json:"vectors"`
			VectorWarm string `json:"vectorWarm"`
			Reputation string `json:"reputation"`
		} `json:"gateway"`
		Indexer *struct {
			Indexed  uint64  `json:"indexed"`
			Behind   uint64  `json:"behind"`
			Percent  float64 `json:"percent"`
			CaughtUp bool    `json:"caughtUp"`
		} `json:"indexer"`
	}
	e.get("/v1/status").decode(t, &st)
	if st.Gateway.Status != "ok" || st.Indexer == nil || st.Indexer.Indexed == 0 {
		t.Fatalf("status %+v", st)
	}
	if st.Indexer.CaughtUp && (st.Indexer.Behind != 0 || st.Indexer.Percent != 100) {
		t.Fatalf("caught up but %d behind at %.1f%%", st.Indexer.Behind, st.Indexer.Percent)
	}
	if st.Gateway.Agents == 0 || st.Gateway.Vectors > st.Gateway.Agents {
		t.Fatalf("status: %d agents, %d vectors", st.Gateway.Agents, st.Gateway.Vectors)
	}
	// Warmth only grows: what the status called warm, /readyz read afterwards calls warm too.
	var ready struct{ Vectors, Reputation string }
	e.get("/readyz").decode(t, &ready)
	if (st.Gateway.VectorWarm == "warm" && ready.Vectors != "warm") || (st.Gateway.Reputation == "warm" && ready.Reputation != "warm") {
		t.Fatalf("status says vectors %q, reputation %q; /readyz then says %q, %q", st.Gateway.VectorWarm, st.Gateway.Reputation, ready.Vectors, ready.Reputation)
	}
	e.get("/v1/status?verbose=1").problem(t, 400, gateway.CodeInvalidQuery)
}

// testReputationHistory reads an agent's stored scores: at least the current one, oldest first, the last equal
// to the agent's current score.
func testReputationHistory(t *testing.T, e *env, agentID string) {
	var h struct {
		AgentID string `json:"agentId"`
		Points  []struct {
			AsOf  string  `json:"asOf"`
			Score float64 `json:"score"`
		} `json:"points"`
	}
	var rep struct {
		Score float64 `json:"score"`
	}
	e.get("/v1/agents/"+agentID+"/reputation").decode(t, &rep)
	e.get("/v1/agents/"+agentID+"/reputation/history").decode(t, &h)
	if h.AgentID != agentID || len(h.Points) == 0 {
		t.Fatalf("history %+v", h)
	}
	for i := 1; i < len(h.Points); i++ {
		if h.Points[i].AsOf < h.Points[i-1].AsOf {
			t.Fatalf("history not oldest first: %+v", h.Points)
		}
	}
	if last := h.Points[len(h.Points)-1].Score; last != rep.Score {
		t.Fatalf("the last point %.2f, the current score %.2f", last, rep.Score)
	}
	e.get("/v1/agents/999999/reputation/history").problem(t, 404, gateway.CodeAgentNotFound)
	e.get("/v1/agents/"+agentID+"/reputation/history?limit=5").problem(t, 400, gateway.CodeInvalidQuery)
}
