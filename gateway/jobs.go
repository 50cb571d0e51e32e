package gateway

import (
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Escrow jobs across the market: GET /v1/jobs (newest first, by status) and GET /v1/jobs/{id} (one job with
// every event of its life and the transaction behind each), from the indexer's mirror.

// jobStatuses are the escrow_jobs statuses a list may filter on.
var jobStatuses = map[string]bool{"open": true, "funded": true, "submitted": true, "completed": true, "rejected": true,
	"expired": true, "disputed": true, "resolved": true}

// jobEventTables are the escrow's events about one job, by the name the history gives them.
var jobEventTables = []struct{ name, table string }{
	{"created", "escrow_job_created"}, {"agreement", "escrow_agreement_job_created"}, {"budget_set", "escrow_budget_set"},
	{"funded", "escrow_job_funded"}, {"submitted", "escrow_job_submitted"}, {"completed", "escrow_job_completed"},
	{"rejected", "escrow_job_rejected"}, {"expired", "escrow_job_expired"}, {"disputed", "escrow_job_disputed"},
	{"resolved", "escrow_dispute_resolved"}, {"terminated", "escrow_job_terminated"},
	{"payment_released", "escrow_payment_released"}, {"settled", "escrow_job_settled"},
}

// jobHistorySQL selects a job's events in chain order: $1 = job id.
var jobHistorySQL = func() string {
	q := ""
	for i, e := range jobEventTables {
		if i > 0 {
			q += " UNION ALL "
		}
		q += fmt.Sprintf(`SELECT '%s' AS event, block_number, log_index, block_time, '0x' || encode(tx_hash, 'hex')
			FROM %s WHERE job_id = $1::text::numeric`, e.name, e.table)
	}
	return q + " ORDER BY block_number, log_index"
}()

// jobEvent is one event of a job's life.
type jobEvent struct {
	Event string    `json:"event"`
	Block int64     `json:"block"`
	Time  time.Time `json:"time"`
	Tx    string    `json:"tx"`
}

// jobDetail is GET /v1/jobs/{id}: the job as the list shows it, the agreement's terms, and its history.
type jobDetail struct {
	jobItem
	ProviderAgentID     *string    `json:"providerAgentId"`
	Validator           *string    `json:"validator"`
	ValidationThreshold *int       `json:"validationThreshold"`
	Deliverable         *string    `json:"deliverable"`
	SubmittedAt         *time.Time `json:"submittedAt"`
	DisputedAt          *time.Time `json:"disputedAt"`
	ProviderBps         *int       `json:"providerBps"`
	History             []jobEvent `json:"history"`
}

const jobColumns = `j.job_id::text, j.status, '0x' || encode(j.client, 'hex'), '0x' || encode(j.provider, 'hex'),
	'0x' || encode(j.evaluator, 'hex'), '0x' || encode(j.token, 'hex'), j.budget::text, j.funded::text,
	j.paid_to_provider::text, j.refunded::text, j.fee::text, j.held::text, '0x' || encode(j.agreement_hash, 'hex'),
	j.created_block, j.created_at, j.status_at`

func scanJob(r pgx.Row, j *jobItem, more ...any) error {
	err := r.Scan(append([]any{&j.JobID, &j.Status, &j.Client, &j.Provider, &j.Evaluator, &j.Token, &j.Budget, &j.Funded,
		&j.PaidToProvider, &j.Refunded, &j.Fee, &j.Held, &j.AgreementHash, &j.CreatedBlock, &j.CreatedAt, &j.StatusAt}, more...)...)
	j.CreatedAt, j.StatusAt = j.CreatedAt.UTC(), j.StatusAt.UTC()
	return err
}

// jobID parses a job id: a decimal uint256.
func jobID(s string) (string, *Problem) {
	x, ok := new(big.Int).SetString(s, 10)
	if !ok || x.Sign() < 0 || x.BitLen() > 256 || len(s) > 78 || (len(s) > 1 && s[0] == '0') {
		return "", problem(http.StatusBadRequest, CodeInvalidID, "job id %q: want a decimal integer", clip(s))
	}
	return x.String(), nil
}

func (s *Server) getJob(c *gin.Context) {
	if p := noQuery(c); p != nil {
		s.fail(c, p)
		return
	}
	id, p := jobID(c.Param("id"))
	if p != nil {
		s.fail(c, p)
		return
	}
	ctx := c.Request.Context()
	var out jobDetail
	err := s.cachedFresh(ctx, "job:"+id, &out, func(db *pgxpool.Pool) (any, error) {
		var d jobDetail
		err := scanJob(db.QueryRow(ctx, `SELECT `+jobColumns+`, j.provider_agent_id::text,
				'0x' || encode(j.validator, 'hex'), j.validation_threshold, '0x' || encode(j.deliverable, 'hex'),
				j.submitted_at, j.disputed_at, j.provider_bps
			FROM escrow_jobs j WHERE j.job_id = $1::text::numeric`, id), &d.jobItem, &d.ProviderAgentID, &d.Validator,
			&d.ValidationThreshold, &d.Deliverable, &d.SubmittedAt, &d.DisputedAt, &d.ProviderBps)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil, problem(http.StatusNotFound, CodeJobNotFound, "the escrow holds no job %s (or it is not indexed yet)", id)
		}
		if err != nil {
			return nil, fmt.Errorf("job %s: %w: %w", id, errUnavailable, err)
		}
		for _, t := range []**time.Time{&d.SubmittedAt, &d.DisputedAt} {
			if *t != nil {
				u := (*t).UTC()
				*t = &u
			}
		}
		rows, err := db.Query(ctx, jobHistorySQL, id)
		if err != nil {
			return nil, fmt.Errorf("job %s: %w: %w", id, errUnavailable, err)
		}
		d.History, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (jobEvent, error) {
			var e jobEvent
			var logIndex int
			err := r.Scan(&e.Event, &e.Block, &logIndex, &e.Time, &e.Tx)
			e.Time = e.Time.UTC()
			return e, err
		})
		if err != nil {
			return nil, fmt.Errorf("job %s: %w: %w", id, errUnavailable, err)
		}
		return d, nil
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	sendJSON(c, http.StatusOK, out)
}

// listMarketJobs is GET /v1/jobs?status=&limit=&cursor=: every escrow job, newest first.
func (s *Server) listMarketJobs(c *gin.Context) {
	q := c.Request.URL.Query()
	for name := range q {
		if name != "status" && name != "limit" && name != "cursor" {
			s.fail(c, problem(http.StatusBadRequest, CodeInvalidQuery, "unknown parameter %q: status, limit or cursor", clip(name)))
			return
		}
	}
	status := q.Get("status")
	if len(q["status"]) > 1 || (status != "" && !jobStatuses[status]) {
		s.fail(c, problem(http.StatusBadRequest, CodeInvalidQuery,
			"status %q: open, funded, submitted, completed, rejected, expired, disputed or resolved", clip(status)))
		return
	}
	scope := "jobs:" + status
	limit, after, p := listParams(q, scope)
	if p != nil {
		s.fail(c, p)
		return
	}
	var before any // the job id the page starts below
	if after != nil {
		before = after.Key
	}
	ctx := c.Request.Context()
	var out page[jobItem]
	err := s.cachedFresh(ctx, scope+":"+c.Request.URL.RawQuery, &out, func(db *pgxpool.Pool) (any, error) {
		rows, err := db.Query(ctx, `SELECT `+jobColumns+` FROM escrow_jobs j
			WHERE ($1 = '' OR j.status = $1) AND ($2::numeric IS NULL OR j.job_id < $2::numeric)
			ORDER BY j.job_id DESC LIMIT $3`, status, before, limit+1)
		if err != nil {
			return nil, fmt.Errorf("jobs: %w: %w", errUnavailable, err)
		}
		items, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (jobItem, error) {
			var j jobItem
			return j, scanJob(r, &j)
		})
		if err != nil {
			return nil, fmt.Errorf("jobs: %w: %w", errUnavailable, err)
		}
		if items == nil {
			items = []jobItem{}
		}
		res := page[jobItem]{Items: items}
		if len(items) > limit {
			res.Items = items[:limit]
			cur := encodeCursor(scopeHash(scope), items[limit-1].JobID, items[limit-1].JobID, 0)
			res.NextCursor = &cur
		}
		return res, nil
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	sendJSON(c, http.StatusOK, out)
}
