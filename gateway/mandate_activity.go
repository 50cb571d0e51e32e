package gateway

import (
	"fmt"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"
)

// GET /v1/mandates/{id}/activity: what happened under a mandate, from the indexer's mirror of the chain: the
// escrow jobs it paid (spent, refunded, given back to the allowance, terminated) and the on-chain approvals of
// its agreements. Public, like the chain it comes from (the gateway's own policy approvals are not here:
// GET /v1/approvals is the approver's alone).

type mandateJob struct {
	JobID        string     `json:"jobId"`
	Amount       string     `json:"amount"`
	PeriodIndex  int64      `json:"periodIndex"`
	Returned     string     `json:"returned"`
	Restored     string     `json:"restored"`
	SpentAt      time.Time  `json:"spentAt"`
	SpentTx      string     `json:"spentTx"`
	TerminatedBy *string    `json:"terminatedBy"`
	TerminatedAt *time.Time `json:"terminatedAt"`
}

type mandateApproval struct {
	AgreementHash string    `json:"agreementHash"`
	Approvals     int       `json:"approvals"`
	Approvers     []string  `json:"approvers"`
	FirstAt       time.Time `json:"firstAt"`
	LastAt        time.Time `json:"lastAt"`
}

type mandateActivity struct {
	MandateID string            `json:"mandateId"`
	Jobs      []mandateJob      `json:"jobs"`
	Approvals []mandateApproval `json:"approvals"`
}

// maxMandateActivity bounds each list (newest first).
const maxMandateActivity = 200

func (s *Server) getMandateActivity(c *gin.Context) {
	if p := noQuery(c); p != nil {
		s.fail(c, p)
		return
	}
	id, p := jobID(c.Param("id")) // a decimal uint256, as a job id
	if p != nil || id == "0" {
		s.fail(c, problem(http.StatusBadRequest, CodeInvalidID, "mandate id %q is not a positive decimal integer", clip(c.Param("id"))))
		return
	}
	ctx := c.Request.Context()
	var out mandateActivity
	err := s.cached(ctx, "mandate-activity:"+id, &out, func() (any, error) {
		var exists bool
		if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM mandates WHERE mandate_id = $1::text::numeric)`, id).Scan(&exists); err != nil {
			return nil, fmt.Errorf("mandate %s: %w: %w", id, errUnavailable, err)
		}
		if !exists {
			return nil, problem(http.StatusNotFound, CodeMandateNotFound, "no mandate %s is indexed", id)
		}
		a := mandateActivity{MandateID: id}
		rows, err := s.pool.Query(ctx, `SELECT job_id::text, amount::text, period_index, returned::text, restored::text,
				spent_at, '0x' || encode(spent_tx, 'hex'), '0x' || encode(terminated_by, 'hex'), terminated_at
			FROM mandate_jobs WHERE mandate_id = $1::text::numeric ORDER BY job_id DESC LIMIT $2`, id, maxMandateActivity)
		if err == nil {
			a.Jobs, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (mandateJob, error) {
				var j mandateJob
				err := r.Scan(&j.JobID, &j.Amount, &j.PeriodIndex, &j.Returned, &j.Restored, &j.SpentAt, &j.SpentTx,
					&j.TerminatedBy, &j.TerminatedAt)
				j.SpentAt = j.SpentAt.UTC()
				if j.TerminatedAt != nil {
					t := j.TerminatedAt.UTC()
					j.TerminatedAt = &t
				}
				return j, err
			})
		}
		if err == nil {
			rows, err = s.pool.Query(ctx, `SELECT '0x' || encode(agreement_hash, 'hex'), approvals,
					ARRAY(SELECT '0x' || encode(x, 'hex') FROM unnest(approvers) AS x), first_at, last_at
				FROM mandate_approvals WHERE mandate_id = $1::text::numeric ORDER BY last_at DESC LIMIT $2`, id, maxMandateActivity)
		}
		if err == nil {
			a.Approvals, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (mandateApproval, error) {
				var m mandateApproval
				err := r.Scan(&m.AgreementHash, &m.Approvals, &m.Approvers, &m.FirstAt, &m.LastAt)
				m.FirstAt, m.LastAt = m.FirstAt.UTC(), m.LastAt.UTC()
				return m, err
			})
		}
		if err != nil {
			return nil, fmt.Errorf("mandate %s: %w: %w", id, errUnavailable, err)
		}
		if a.Jobs == nil {
			a.Jobs = []mandateJob{}
		}
		if a.Approvals == nil {
			a.Approvals = []mandateApproval{}
		}
		return a, nil
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	sendJSON(c, http.StatusOK, out)
}
