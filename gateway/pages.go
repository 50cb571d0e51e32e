package gateway

import (
	"bytes"
	"net/http"

	"github.com/agoralabs/agora/explorer"
)

// The explorer (package explorer) renders its pages from this gateway's own API, asked in process: the same
// answers any client gets, through the same middleware, counted against the viewer's rate limit.

// newExplorer returns the explorer of this gateway, or nil when Config.NoExplorer.
func (s *Server) newExplorer() (*explorer.Explorer, error) {
	if s.cfg.NoExplorer {
		return nil, nil
	}
	return explorer.New(explorer.Config{API: s.pageAPI, Log: s.log.With("component", "explorer")})
}

// pageAPI serves GET path through the gateway's routes for the page request r (its client address and
// forwarding header, so that the viewer's rate limit applies).
func (s *Server) pageAPI(r *http.Request, path string) (int, []byte, error) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, path, nil)
	if err != nil {
		return 0, nil, err
	}
	req.RemoteAddr = r.RemoteAddr
	if f := r.Header.Get("X-Forwarded-For"); f != "" {
		req.Header.Set("X-Forwarded-For", f)
	}
	req.Header.Set("Accept", "application/json")
	rec := &recorder{header: http.Header{}}
	s.engine.ServeHTTP(rec, req)
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	return rec.status, rec.body.Bytes(), nil
}

// recorder is the in-process response of pageAPI.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(b)
}
func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}
