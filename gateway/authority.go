package gateway

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/http"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"

	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/governance/authority"
)

// maxAgentMandates bounds GET /v1/agents/{id}/mandates (newest first).
const maxAgentMandates = 100

// authorityView is GET /v1/agreements/{id}/authority: the chain's answer, and where the agreement stands.
type authorityView struct {
	*authority.Authority
	AgreementState string  `json:"agreementState"`
	JobID          *string `json:"jobId"`
}

// mandateList is GET /v1/agents/{id}/mandates.
type mandateList struct {
	AgentID  string               `json:"agentId"`
	Mandates []*authority.Mandate `json:"mandates"`
	Block    *authority.Block     `json:"block"`
}

// chainProblem maps the authority reader's errors to problems.
func chainProblem(err error, what string) error {
	switch {
	case errors.Is(err, authority.ErrNotFound):
		return problem(http.StatusNotFound, CodeMandateNotFound, "%s", err.Error())
	case errors.Is(err, authority.ErrUnavailable):
		return fmt.Errorf("%s: %w: %w", what, errUnavailable, err)
	}
	return err
}

// noChain is the answer while the gateway runs without --rpc-url.
func noChain() *Problem {
	return problem(http.StatusServiceUnavailable, CodeUnavailable, "this gateway reads no chain (start it with --rpc-url)")
}

// getAuthority answers whether the agreement's client could bind the principal of the mandate it names.
func (s *Server) getAuthority(c *gin.Context) {
	if s.authority == nil {
		s.fail(c, noChain())
		return
	}
	ctx := c.Request.Context()
	id, view, agreement, err := s.storedAgreement(ctx, c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	a, err := s.authority.Authority(ctx, agreement, id)
	if err != nil {
		s.fail(c, chainProblem(err, "authority"))
		return
	}
	sendJSON(c, http.StatusOK, authorityView{Authority: a, AgreementState: view.State, JobID: view.JobID})
}

// storedAgreement reads the agreement whose id is param, and the ServiceAgreement its parties signed.
func (s *Server) storedAgreement(ctx context.Context, param string) (common.Hash, *agreementView, eip712.ServiceAgreement, error) {
	id, p := parseHash(param)
	if p != nil {
		return id, nil, eip712.ServiceAgreement{}, p
	}
	view, err := readAgreement(ctx, s.pool, id)
	if err != nil {
		return id, nil, eip712.ServiceAgreement{}, err
	}
	_, msg, err := eip712.ParseTypedData(view.TypedData)
	a, ok := msg.(eip712.ServiceAgreement)
	if err != nil || !ok {
		return id, nil, a, fmt.Errorf("agreement %s: stored typed data: %w", id.Hex(), err)
	}
	return id, view, a, nil
}

// getMandate reads one mandate on chain.
func (s *Server) getMandate(c *gin.Context) {
	if s.authority == nil {
		s.fail(c, noChain())
		return
	}
	id, ok := new(big.Int).SetString(c.Param("id"), 10)
	if !ok || id.Sign() <= 0 || id.BitLen() > 256 {
		s.fail(c, problem(http.StatusBadRequest, CodeInvalidID, "mandate id %q is not a positive decimal integer", clip(c.Param("id"))))
		return
	}
	ctx := c.Request.Context()
	at, err := s.authority.Head(ctx)
	if err != nil {
		s.fail(c, chainProblem(err, "mandate"))
		return
	}
	m, err := s.authority.Mandate(ctx, id, at)
	if err != nil {
		s.fail(c, chainProblem(err, "mandate"))
		return
	}
	sendJSON(c, http.StatusOK, m)
}

// listAgentMandates lists the mandates granted to an agent (from the mirrored MandateGranted events, newest
// first), each read on chain at one block.
func (s *Server) listAgentMandates(c *gin.Context) {
	if s.authority == nil {
		s.fail(c, noChain())
		return
	}
	id, p := s.agentParam(c)
	if p != nil {
		s.fail(c, p)
		return
	}
	ctx := c.Request.Context()
	ids, err := s.mandateIDs(ctx, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := mandateList{AgentID: id, Mandates: []*authority.Mandate{}}
	if len(ids) > 0 {
		at, err := s.authority.Head(ctx)
		if err != nil {
			s.fail(c, chainProblem(err, "mandates"))
			return
		}
		out.Block = &at
		for _, mid := range ids {
			m, err := s.authority.Mandate(ctx, mid, at)
			if errors.Is(err, authority.ErrNotFound) {
				continue // mirrored from a block the chain has since dropped
			}
			if err != nil {
				s.fail(c, chainProblem(err, "mandates"))
				return
			}
			out.Mandates = append(out.Mandates, m)
		}
	}
	sendJSON(c, http.StatusOK, out)
}

func (s *Server) mandateIDs(ctx context.Context, agentID string) ([]*big.Int, error) {
	rows, err := s.pool.Query(ctx, `SELECT DISTINCT mandate_id::text FROM governance_mandate_granted
		WHERE agent_id = $1::text::numeric ORDER BY 1 DESC LIMIT $2`, agentID, maxAgentMandates)
	if err != nil {
		return nil, fmt.Errorf("mandates of %s: %w: %w", agentID, errUnavailable, err)
	}
	texts, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("mandates of %s: %w: %w", agentID, errUnavailable, err)
	}
	ids := make([]*big.Int, 0, len(texts))
	for _, t := range texts {
		x, _ := new(big.Int).SetString(t, 10)
		ids = append(ids, x)
	}
	return ids, nil
}
