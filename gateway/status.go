package gateway

import (
	"errors"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/agoralabs/agora/indexer"
)

// statusView is GET /v1/status: the gateway's readiness and the indexer's progress, as the indexer committed it
// (the figures `agora index` draws on a terminal).
type statusView struct {
	Gateway struct {
		Status  string `json:"status"` // ok, starting, draining
		Vectors int    `json:"vectors"`
	} `json:"gateway"`
	Indexer *indexerStatus `json:"indexer"` // null before the indexer's first commit
}

type indexerStatus struct {
	StartBlock      uint64    `json:"startBlock"`
	Indexed         uint64    `json:"indexed"`
	Head            uint64    `json:"head"`
	Target          uint64    `json:"target"`
	Behind          uint64    `json:"behind"`
	Percent         float64   `json:"percent"`
	EventsPerSecond float64   `json:"eventsPerSecond"`
	BlocksPerSecond float64   `json:"blocksPerSecond"`
	ETASeconds      float64   `json:"etaSeconds"`
	CaughtUp        bool      `json:"caughtUp"`
	UpdatedAt       time.Time `json:"updatedAt"`
}

func (s *Server) getStatus(c *gin.Context) {
	for name := range c.Request.URL.Query() {
		s.fail(c, problem(http.StatusBadRequest, CodeInvalidQuery, "unknown parameter %q", clip(name)))
		return
	}
	var v statusView
	switch {
	case s.draining.Load():
		v.Gateway.Status = "draining"
	case !s.ready.Load():
		v.Gateway.Status = "starting"
	default:
		v.Gateway.Status = "ok"
	}
	v.Gateway.Vectors = s.vectors.len()
	p, err := indexer.ReadProgress(c.Request.Context(), s.pool)
	switch {
	case errors.Is(err, indexer.ErrNoProgress):
	case err != nil:
		s.fail(c, problem(http.StatusServiceUnavailable, CodeUnavailable, "the indexer's progress cannot be read"))
		return
	default:
		v.Indexer = &indexerStatus{StartBlock: p.StartBlock, Indexed: p.Indexed, Head: p.Head, Target: p.Target, Behind: p.Behind,
			Percent: p.Percent, EventsPerSecond: p.EventsPerSec, BlocksPerSecond: p.BlocksPerSec, ETASeconds: p.ETA.Seconds(),
			CaughtUp: p.CaughtUp, UpdatedAt: p.UpdatedAt.UTC()}
	}
	c.Header("Cache-Control", "no-store")
	sendJSON(c, http.StatusOK, v)
}
