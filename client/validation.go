package client

import (
	"context"
	"fmt"
	"math/big"
	"net/http"
	"net/url"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Validators' side (ERC-8004 Validation Registry): the work queue on the gateway, requests and responses on
// chain.

// ValidationRequest is one request in a validator's queue (GET /v1/validations).
type ValidationRequest struct {
	RequestHash    common.Hash    `json:"requestHash"`
	AgentID        string         `json:"agentId"`
	Validator      common.Address `json:"validator"`
	RequestURI     string         `json:"requestUri"`
	RequestedAt    time.Time      `json:"requestedAt"`
	RequestedBlock int64          `json:"requestedBlock"`
	Response       *int           `json:"response"`
	ResponseURI    *string        `json:"responseUri"`
	Tag            *string        `json:"tag"`
	RespondedAt    *time.Time     `json:"respondedAt"`
	ResponseCount  int            `json:"responseCount"`
}

// ValidatorQueue returns every request addressed to validator in status (pending, answered or all), oldest
// first, following the gateway's pages.
func (c *Client) ValidatorQueue(ctx context.Context, validator common.Address, status string) ([]ValidationRequest, error) {
	var all []ValidationRequest
	cursor := ""
	for {
		q := url.Values{"validator": {validator.Hex()}, "limit": {"200"}}
		if status != "" {
			q.Set("status", status)
		}
		if cursor != "" {
			q.Set("cursor", cursor)
		}
		var page struct {
			Items      []ValidationRequest `json:"items"`
			NextCursor *string             `json:"nextCursor"`
		}
		if _, err := c.do(ctx, http.MethodGet, "/v1/validations?"+q.Encode(), nil, &page); err != nil {
			return nil, err
		}
		all = append(all, page.Items...)
		if page.NextCursor == nil {
			return all, nil
		}
		cursor = *page.NextCursor
	}
}

// RequestValidation asks validator to validate agent agentID's work (validationRequest); s is the agent's
// owner or operator, as the registry requires.
func (e *Escrow) RequestValidation(ctx context.Context, s Signer, validator common.Address, agentID *big.Int, requestURI string,
	requestHash common.Hash) (*types.Receipt, error) {
	return e.transact(ctx, s, e.validationAddr, "validationRequest",
		e.validation.PackValidationRequest(validator, agentID, requestURI, requestHash))
}

// RespondValidation answers request requestHash with response (0..100); s is the request's validator.
func (e *Escrow) RespondValidation(ctx context.Context, s Signer, requestHash common.Hash, response uint8, responseURI string,
	responseHash common.Hash, tag string) (*types.Receipt, error) {
	if response > 100 {
		return nil, fmt.Errorf("response %d: want 0 to 100", response)
	}
	return e.transact(ctx, s, e.validationAddr, "validationResponse",
		e.validation.PackValidationResponse(requestHash, response, responseURI, responseHash, tag))
}
