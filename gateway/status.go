package gateway

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/agoralabs/agora/indexer"
)

// statusView is GET /v1/status: the gateway's readiness and the indexer's progress, as the indexer committed it
// (the figures `agora index` draws on a terminal).
type statusView struct {
	Gateway struct {
		Status     string `json:"status"`     // ok, starting, draining
		Agents     int    `json:"agents"`     // agents in the search catalog
		Vectors    int    `json:"vectors"`    // agents in the vector index
		VectorWarm string `json:"vectorWarm"` // "warm", or "warming 40%" after a start (as /readyz says)
		Reputation string `json:"reputation"` // "warm", or "warming 40%" while scores are computed
	} `json:"gateway"`
	Indexer *indexerStatus `json:"indexer"` // null before the indexer's first commit
	Replica *replicaStatus `json:"replica"` // null without a read replica (replica.go)
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
	if p := noQuery(c); p != nil {
		s.fail(c, p)
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
	s.catalog.mu.RLock()
	v.Gateway.Agents = len(s.catalog.byID)
	s.catalog.mu.RUnlock()
	v.Gateway.VectorWarm = warmth(s.vectorsWarm())
	v.Gateway.Reputation = warmth(s.reputationWarm())
	v.Replica = s.replica.status()
	var p indexer.Progress
	_, err := s.replica.fresh(c.Request.Context(), func(db *pgxpool.Pool) error {
		var err error
		p, err = indexer.ReadProgress(c.Request.Context(), db)
		if errors.Is(err, indexer.ErrNoProgress) {
			return problem(http.StatusNotFound, CodeNotFound, "no progress") // an answer: not read again
		}
		return err
	})
	switch {
	case errors.As(err, new(*Problem)):
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

// scorePoint is one stored reputation score of an agent.
type scorePoint struct {
	AsOf       time.Time `json:"asOf"`
	Block      int64     `json:"block"`
	Score      float64   `json:"score"`
	Confidence float64   `json:"confidence"`
}

// maxScorePoints is how many of an agent's latest scores the history returns.
const maxScorePoints = 500

// getReputationHistory is GET /v1/agents/{id}/reputation/history: the agent's score each time it changed,
// oldest first (the last maxScorePoints).
func (s *Server) getReputationHistory(c *gin.Context) {
	id, p := s.agentParam(c)
	if p != nil {
		s.fail(c, p)
		return
	}
	ctx := c.Request.Context()
	var out struct {
		AgentID string       `json:"agentId"`
		Points  []scorePoint `json:"points"`
	}
	err := s.cachedFresh(ctx, "score-history:"+id, &out, func(db *pgxpool.Pool) (any, error) {
		var exists bool
		if err := db.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM agents WHERE agent_id = $1::text::numeric)`, id).Scan(&exists); err != nil {
			return nil, fmt.Errorf("reputation history of %s: %w: %w", id, errUnavailable, err)
		}
		if !exists {
			return nil, notFound(id)
		}
		rows, err := db.Query(ctx, `SELECT as_of, block_number, score::float8, confidence::float8 FROM (
				SELECT * FROM agent_score_history WHERE agent_id = $1::text::numeric ORDER BY as_of DESC LIMIT $2) h
			ORDER BY as_of`, id, maxScorePoints)
		if err != nil {
			return nil, fmt.Errorf("reputation history of %s: %w: %w", id, errUnavailable, err)
		}
		points, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (scorePoint, error) {
			var pt scorePoint
			err := r.Scan(&pt.AsOf, &pt.Block, &pt.Score, &pt.Confidence)
			pt.AsOf = pt.AsOf.UTC()
			return pt, err
		})
		if err != nil {
			return nil, fmt.Errorf("reputation history of %s: %w: %w", id, errUnavailable, err)
		}
		if points == nil {
			points = []scorePoint{}
		}
		return struct {
			AgentID string       `json:"agentId"`
			Points  []scorePoint `json:"points"`
		}{id, points}, nil
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	sendJSON(c, http.StatusOK, out)
}
