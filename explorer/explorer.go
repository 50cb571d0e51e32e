// Package explorer is the web page where a person watches the market trade: agents and their capabilities
// with search and filters, each agent's identity, registration, reputation and history, the live RFQ and
// auction feed, RFQs, agreements and mandates, and the indexer's and gateway's health.
//
// Pages are rendered on the server with html/template from the gateway's own JSON API, fetched in process
// (the same answers a client gets, under the viewer's rate limit), so every page reads without JavaScript
// and every URL can be shared. A little JavaScript adds what cannot be static: the live feed (the gateway's
// WebSocket stream, watch=market) and charts, drawn by uPlot, vendored from the npm registry at a pinned
// version (scripts/explorer-assets.sh). Everything is embedded in the binary: no CDN, works offline.
package explorer

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets
var assetFS embed.FS

// API answers a GET of the gateway's JSON API for the page request r: path is "/v1/…" with its query. It
// returns the status and the body (a problem+json body for an error status).
type API func(r *http.Request, path string) (status int, body []byte, err error)

// Config is what New needs.
type Config struct {
	API API
	Log *slog.Logger
}

// Explorer serves the pages (Handler) and lists their routes (Routes) for the gateway to mount.
type Explorer struct {
	api   API
	log   *slog.Logger
	pages map[string]*template.Template
	mux   *http.ServeMux
}

// Route is one page route: Pattern in http.ServeMux syntax ("GET /agents/{id}").
type Route struct {
	Method, Path string // the gateway's (gin) form: "/agents/:id"
}

// Routes are the paths the gateway sends to Handler.
var Routes = []Route{
	{"GET", "/"}, {"GET", "/agents"}, {"GET", "/agents/:id"}, {"GET", "/rfqs/:id"}, {"GET", "/agreements/:id"},
	{"GET", "/mandates/:id"}, {"GET", "/jobs"}, {"GET", "/jobs/:id"}, {"GET", "/status"}, {"GET", "/assets/*file"},
}

// New parses the templates and returns the explorer.
func New(cfg Config) (*Explorer, error) {
	if cfg.API == nil {
		return nil, errors.New("explorer: an API is required")
	}
	x := &Explorer{api: cfg.API, log: cfg.Log, pages: map[string]*template.Template{}, mux: http.NewServeMux()}
	if x.log == nil {
		x.log = slog.New(slog.DiscardHandler)
	}
	for _, page := range []string{"home", "agents", "agent", "rfq", "agreement", "mandate", "jobs", "job", "status", "error"} {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+page+".html")
		if err != nil {
			return nil, fmt.Errorf("explorer: template %s: %w", page, err)
		}
		x.pages[page] = t
	}
	assets, err := fs.Sub(assetFS, "assets")
	if err != nil {
		return nil, err
	}
	files := http.FileServerFS(assets)
	x.mux.Handle("GET /assets/", http.StripPrefix("/assets/", cacheFor(files)))
	x.mux.HandleFunc("GET /{$}", x.home)
	x.mux.HandleFunc("GET /agents", x.agents)
	x.mux.HandleFunc("GET /agents/{id}", x.agent)
	x.mux.HandleFunc("GET /rfqs/{id}", x.rfq)
	x.mux.HandleFunc("GET /agreements/{id}", x.agreement)
	x.mux.HandleFunc("GET /mandates/{id}", x.mandate)
	x.mux.HandleFunc("GET /jobs", x.jobs)
	x.mux.HandleFunc("GET /jobs/{id}", x.job)
	x.mux.HandleFunc("GET /status", x.status)
	return x, nil
}

// Handler serves every page and asset.
func (x *Explorer) Handler() http.Handler { return x.mux }

func cacheFor(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=300")
		h.ServeHTTP(w, r)
	})
}

// apiError is a failed API call: the gateway's status and problem.
type apiError struct {
	Status int
	Code   string
	Detail string
}

func (e *apiError) Error() string { return fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.Detail) }

// get reads path from the API into out (nil: discard).
func (x *Explorer) get(r *http.Request, path string, out any) error {
	status, body, err := x.api(r, path)
	if err != nil {
		return err
	}
	if status != http.StatusOK {
		var p struct {
			Code   string `json:"code"`
			Detail string `json:"detail"`
		}
		_ = json.Unmarshal(body, &p)
		return &apiError{Status: status, Code: p.Code, Detail: p.Detail}
	}
	if out == nil {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	return dec.Decode(out)
}

// page is what every template gets.
type page struct {
	Title  string
	Nav    string // the active section
	Query  url.Values
	Data   map[string]any
	Status int
	Error  *apiError
}

// render writes a page; a template error is logged and answered with a plain 500 (nothing was written yet:
// the template runs into a buffer).
func (x *Explorer) render(w http.ResponseWriter, name string, p page) {
	var buf bytes.Buffer
	if err := x.pages[name].Execute(&buf, p); err != nil {
		x.log.Error("explorer: template", "page", name, "err", err)
		http.Error(w, "the page could not be rendered", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	// Scripts and styles only from here; the stream from this host (connect-src 'self' covers ws: in modern
	// browsers).
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	status := p.Status
	if status == 0 {
		status = http.StatusOK
	}
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// fail renders the error page for a failed API call.
func (x *Explorer) fail(w http.ResponseWriter, what string, err error) {
	var ae *apiError
	if !errors.As(err, &ae) {
		x.log.Warn("explorer: api", "what", what, "err", err)
		ae = &apiError{Status: http.StatusBadGateway, Code: "unavailable", Detail: "the gateway did not answer"}
	}
	x.render(w, "error", page{Title: what, Status: ae.Status, Error: ae})
}

// passQuery keeps the listed parameters of r's query, for the API.
func passQuery(r *http.Request, keys ...string) url.Values {
	in, out := r.URL.Query(), url.Values{}
	for _, k := range keys {
		for _, v := range in[k] {
			if v = strings.TrimSpace(v); v != "" {
				out.Add(k, v)
			}
		}
	}
	return out
}
