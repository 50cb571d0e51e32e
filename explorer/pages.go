package explorer

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
)

// searchKeys are the /v1/agents parameters the search form passes through.
var searchKeys = []string{"q", "mode", "capability", "language", "maxPrice", "maxLatencyMs", "compliance", "jurisdiction",
	"minReputation", "online", "token", "sort", "cursor", "limit"}

func (x *Explorer) home(w http.ResponseWriter, r *http.Request) {
	data := map[string]any{}
	var top map[string]any
	if err := x.get(r, "/v1/agents?online=true&sort=reputation&limit=8", &top); err == nil {
		data["online"] = top
	} else if err := x.get(r, "/v1/agents?online=true&sort=price&limit=8", &top); err == nil { // reputation warming
		data["online"], data["onlineByPrice"] = top, true
	}
	var st map[string]any
	if err := x.get(r, "/v1/status", &st); err == nil {
		data["status"] = st
	}
	var market map[string]any
	if err := x.get(r, "/v1/market/stats?minutes=60", &market); err == nil {
		data["market"] = market
	}
	x.render(w, "home", page{Title: "Agora market", Nav: "market", Data: data})
}

func (x *Explorer) agents(w http.ResponseWriter, r *http.Request) {
	q := passQuery(r, searchKeys...)
	if q.Get("limit") == "" {
		q.Set("limit", "20")
	}
	var res map[string]any
	var notices []string
	err := x.get(r, "/v1/agents?"+q.Encode(), &res)
	// A gateway that has just started may still be warming its vectors or its reputation scores
	// (docs/gateway.md, "Start and warming"): the page asks for what it can answer and says so.
retry:
	for try := 0; try < 2; try++ {
		var ae *apiError
		if !errors.As(err, &ae) || ae.Code != "warming" {
			break
		}
		switch {
		case q.Get("q") != "" && q.Get("mode") == "":
			q.Set("mode", "text")
			notices = append(notices, "Vector search is still warming after a restart: these are text matches only meanwhile.")
		case q.Get("q") == "" && (q.Get("sort") == "" || q.Get("sort") == "reputation") && q.Get("minReputation") == "":
			q.Set("sort", "price")
			notices = append(notices, "Reputation scores are still being computed after a restart: these agents are sorted by price meanwhile.")
		default:
			break retry // nothing else to ask for
		}
		err = x.get(r, "/v1/agents?"+q.Encode(), &res)
	}
	notice := strings.Join(notices, " ")
	if err != nil {
		x.fail(w, "Agents", err)
		return
	}
	next := ""
	if c, ok := res["nextCursor"].(string); ok && c != "" {
		nq := passQuery(r, searchKeys...)
		nq.Set("cursor", c)
		next = "/agents?" + nq.Encode()
	}
	x.render(w, "agents", page{Title: "Agents", Nav: "agents", Query: r.URL.Query(),
		Data: map[string]any{"result": res, "next": next, "notice": notice}})
}

func (x *Explorer) agent(w http.ResponseWriter, r *http.Request) {
	id := url.PathEscape(r.PathValue("id"))
	var detail map[string]any
	if err := x.get(r, "/v1/agents/"+id, &detail); err != nil {
		x.fail(w, "Agent "+r.PathValue("id"), err)
		return
	}
	data := map[string]any{"agent": detail}
	for key, path := range map[string]string{"reputation": "/reputation", "history": "/reputation/history", "feedback": "/feedback?limit=50",
		"validations": "/validations?limit=20", "jobs": "/jobs?limit=20", "mandates": "/mandates"} {
		var v map[string]any
		if err := x.get(r, "/v1/agents/"+id+path, &v); err == nil {
			data[key] = v
		}
	}
	name := "Agent " + r.PathValue("id")
	if reg, ok := detail["registration"].(map[string]any); ok {
		if n, ok := reg["name"].(string); ok && n != "" {
			name = n
		}
	}
	x.render(w, "agent", page{Title: name, Nav: "agents", Data: data})
}

func (x *Explorer) rfq(w http.ResponseWriter, r *http.Request) {
	var v map[string]any
	if err := x.get(r, "/v1/rfqs/"+url.PathEscape(r.PathValue("id")), &v); err != nil {
		x.fail(w, "RFQ", err)
		return
	}
	x.render(w, "rfq", page{Title: "RFQ " + short(r.PathValue("id")), Nav: "market", Data: map[string]any{"rfq": v}})
}

func (x *Explorer) agreement(w http.ResponseWriter, r *http.Request) {
	id := url.PathEscape(r.PathValue("id"))
	var v map[string]any
	if err := x.get(r, "/v1/agreements/"+id, &v); err != nil {
		x.fail(w, "Agreement", err)
		return
	}
	data := map[string]any{"agreement": v}
	if m, ok := v["mandateId"].(string); ok && m != "" && m != "0" {
		var auth map[string]any
		if err := x.get(r, "/v1/agreements/"+id+"/authority", &auth); err == nil {
			data["authority"] = auth
		}
	}
	x.render(w, "agreement", page{Title: "Agreement " + short(r.PathValue("id")), Nav: "market", Data: data})
}

func (x *Explorer) mandate(w http.ResponseWriter, r *http.Request) {
	var v map[string]any
	if err := x.get(r, "/v1/mandates/"+url.PathEscape(r.PathValue("id")), &v); err != nil {
		x.fail(w, "Mandate", err)
		return
	}
	data := map[string]any{"mandate": v}
	var act map[string]any
	if err := x.get(r, "/v1/mandates/"+url.PathEscape(r.PathValue("id"))+"/activity", &act); err == nil {
		data["activity"] = act
	}
	x.render(w, "mandate", page{Title: "Mandate " + r.PathValue("id"), Nav: "agents", Data: data})
}

func (x *Explorer) status(w http.ResponseWriter, r *http.Request) {
	var st map[string]any
	if err := x.get(r, "/v1/status", &st); err != nil {
		x.fail(w, "Status", err)
		return
	}
	x.render(w, "status", page{Title: "Status", Nav: "status", Data: map[string]any{"status": st}})
}

// jobStatuses are the filters of the jobs page, in the order a job moves.
var jobStatuses = []string{"funded", "submitted", "completed", "disputed", "resolved", "rejected", "expired"}

func (x *Explorer) jobs(w http.ResponseWriter, r *http.Request) {
	q := passQuery(r, "status", "cursor")
	q.Set("limit", "50")
	var res map[string]any
	if err := x.get(r, "/v1/jobs?"+q.Encode(), &res); err != nil {
		x.fail(w, "Jobs", err)
		return
	}
	next := ""
	if c, ok := res["nextCursor"].(string); ok && c != "" {
		nq := passQuery(r, "status")
		nq.Set("cursor", c)
		next = "/jobs?" + nq.Encode()
	}
	x.render(w, "jobs", page{Title: "Jobs", Nav: "jobs", Query: r.URL.Query(),
		Data: map[string]any{"result": res, "next": next, "statuses": jobStatuses}})
}

func (x *Explorer) job(w http.ResponseWriter, r *http.Request) {
	var v map[string]any
	if err := x.get(r, "/v1/jobs/"+url.PathEscape(r.PathValue("id")), &v); err != nil {
		x.fail(w, "Job "+r.PathValue("id"), err)
		return
	}
	data := map[string]any{"job": v}
	if h, ok := v["agreementHash"].(string); ok && h != "" {
		var a map[string]any
		if err := x.get(r, "/v1/agreements/"+url.PathEscape(h), &a); err == nil {
			data["agreement"] = a
		}
	}
	x.render(w, "job", page{Title: "Job " + r.PathValue("id"), Nav: "jobs", Data: data})
}
