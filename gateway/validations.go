package gateway

import (
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"
)

// A validator's work queue (issue 16): the validation requests addressed to it, oldest first, from the
// indexer's validations projection. Public, like the registry it mirrors.

// validatorItem is one request in a validator's queue.
type validatorItem struct {
	RequestHash    string     `json:"requestHash"`
	AgentID        string     `json:"agentId"`
	Validator      string     `json:"validator"`
	RequestURI     string     `json:"requestUri"`
	RequestedAt    time.Time  `json:"requestedAt"`
	RequestedBlock int64      `json:"requestedBlock"`
	Response       *int       `json:"response"`
	ResponseURI    *string    `json:"responseUri"`
	Tag            *string    `json:"tag"`
	RespondedAt    *time.Time `json:"respondedAt"`
	ResponseCount  int        `json:"responseCount"`
}

// listValidatorQueue serves GET /v1/validations?validator=0x…&status=pending|answered|all&limit&cursor:
// oldest request first, so a validator works through its queue in order.
func (s *Server) listValidatorQueue(c *gin.Context) {
	q := c.Request.URL.Query()
	for name, vs := range q {
		switch name {
		case "validator", "status", "limit", "cursor":
			if len(vs) > 1 {
				s.fail(c, problem(http.StatusBadRequest, CodeInvalidQuery, "parameter %q given more than once", name))
				return
			}
		default:
			s.fail(c, problem(http.StatusBadRequest, CodeInvalidQuery, "unknown parameter %q", clip(name)))
			return
		}
	}
	v := q.Get("validator")
	if !common.IsHexAddress(v) || !strings.HasPrefix(v, "0x") {
		s.fail(c, problem(http.StatusBadRequest, CodeInvalidQuery, "validator %q: an address is required", clip(v)).withField("validator"))
		return
	}
	validator := common.HexToAddress(v)
	status := q.Get("status")
	switch status {
	case "":
		status = "pending"
	case "pending", "answered", "all":
	default:
		s.fail(c, problem(http.StatusBadRequest, CodeInvalidQuery, "status %q: want pending, answered or all", clip(status)).withField("status"))
		return
	}
	scope := "validator-queue:" + validator.Hex() + ":" + status
	limit, after, p := listParams(q, scope)
	if p != nil {
		s.fail(c, p)
		return
	}
	// The cursor's tiebreak is the last request hash as a decimal number (cursors hold numbers).
	var key, tie any
	if after != nil {
		h, _ := new(big.Int).SetString(after.ID, 10)
		key, tie = after.Key, common.BigToHash(h).Bytes()
	}
	ctx := c.Request.Context()
	rows, err := s.pool.Query(ctx, `SELECT requested_block, '0x' || encode(request_hash, 'hex'), agent_id::text,
			'0x' || encode(validator_address, 'hex'), request_uri, requested_at, response, response_uri, tag, responded_at,
			response_count
		FROM validations WHERE validator_address = $1
		  AND ($2 = 'all' OR ($2 = 'pending' AND response IS NULL) OR ($2 = 'answered' AND response IS NOT NULL))
		  AND ($3::bigint IS NULL OR (requested_block, request_hash) > ($3::bigint, $4::bytea))
		ORDER BY requested_block, request_hash LIMIT $5`, validator.Bytes(), status, key, tie, limit+1)
	if err != nil {
		s.fail(c, fmt.Errorf("validator queue: %w: %w", errUnavailable, err))
		return
	}
	defer rows.Close()
	out := page[validatorItem]{Items: []validatorItem{}}
	for rows.Next() {
		var it validatorItem
		if err := rows.Scan(&it.RequestedBlock, &it.RequestHash, &it.AgentID, &it.Validator, &it.RequestURI, &it.RequestedAt,
			&it.Response, &it.ResponseURI, &it.Tag, &it.RespondedAt, &it.ResponseCount); err != nil {
			s.fail(c, fmt.Errorf("validator queue: %w: %w", errUnavailable, err))
			return
		}
		if len(out.Items) == limit {
			last := out.Items[len(out.Items)-1]
			cur := encodeCursor(scopeHash(scope), fmt.Sprint(last.RequestedBlock),
				common.HexToHash(last.RequestHash).Big().String(), 0)
			out.NextCursor = &cur
			break
		}
		it.RequestedAt = it.RequestedAt.UTC()
		if it.RespondedAt != nil {
			t := it.RespondedAt.UTC()
			it.RespondedAt = &t
		}
		out.Items = append(out.Items, it)
	}
	if err := rows.Err(); err != nil {
		s.fail(c, fmt.Errorf("validator queue: %w: %w", errUnavailable, err))
		return
	}
	sendJSON(c, http.StatusOK, out)
}
