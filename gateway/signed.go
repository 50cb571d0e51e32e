package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"

	"github.com/agoralabs/agora/eip712"
)

// signedMessage is the body of POST /v1/rfqs and POST /v1/rfqs/{id}/quotes: eth_signTypedData_v4 typed data
// under the escrow's domain and its signer's signature.
type signedMessage struct {
	TypedData json.RawMessage `json:"typedData"`
	Signature hexutil.Bytes   `json:"signature"`
}

// readSigned reads a signed market message of type T from the request body (parseSigned).
func readSigned[T eip712.Message](s *Server, c *gin.Context) (T, common.Hash, []byte, *Problem) {
	var req signedMessage
	if p := readJSON(c, &req); p != nil {
		var zero T
		return zero, common.Hash{}, nil, p
	}
	return parseSigned[T](s, req)
}

// parseSigned checks a signed market message of type T and its domain and returns it with its digest.
func parseSigned[T eip712.Message](s *Server, req signedMessage) (T, common.Hash, []byte, *Problem) {
	var zero T
	if len(req.TypedData) == 0 || len(req.Signature) == 0 {
		return zero, common.Hash{}, nil, problem(http.StatusBadRequest, CodeInvalidBody, "typedData and signature are required")
	}
	domain, m, err := eip712.ParseTypedData(req.TypedData)
	if err != nil {
		return zero, common.Hash{}, nil, problem(http.StatusBadRequest, CodeInvalidBody, "typedData: %v", err)
	}
	msg, ok := m.(T)
	if !ok {
		return zero, common.Hash{}, nil, problem(http.StatusBadRequest, CodeInvalidBody, "typedData: primaryType %s, want %s",
			m.PrimaryType(), zero.PrimaryType())
	}
	if p := s.checkDomain(domain, m); p != nil {
		return zero, common.Hash{}, nil, p
	}
	digest, err := eip712.Digest(domain, m)
	if err != nil {
		return zero, common.Hash{}, nil, problem(http.StatusBadRequest, CodeInvalidBody, "typedData: %v", err)
	}
	return msg, digest, req.Signature, nil
}

// checkSignature verifies that signer (an EOA or an ERC-1271 wallet) signed digest.
func (s *Server) checkSignature(ctx context.Context, signer common.Address, digest common.Hash, sig []byte) *Problem {
	switch err := s.verifier.Verify(ctx, signer, digest, sig); {
	case err == nil:
		return nil
	case errors.Is(err, eip712.ErrInvalidSignature):
		return problem(http.StatusBadRequest, CodeInvalidSignature, "signature: %v", err)
	case errors.Is(err, eip712.ErrSignerMismatch), errors.Is(err, eip712.ErrContractRejected):
		return problem(http.StatusForbidden, CodeSignerMismatch, "not signed by %s", signer.Hex())
	default:
		s.log.Warn("signature check failed", "signer", signer.Hex(), "err", err)
		return problem(http.StatusServiceUnavailable, CodeUnavailable, "cannot check the signature now; try again")
	}
}

// storeTx runs fn in a transaction: a *Problem it returns is passed on (nothing stored); any other failure
// is logged and answered as unavailable.
func (s *Server) storeTx(ctx context.Context, what string, fn func(pgx.Tx) error) *Problem {
	return s.storeProblem(what, pgx.BeginFunc(ctx, s.durable, fn))
}

// storeProblem answers a store's outcome: nil when it succeeded, the *Problem it refused with, or (logged)
// unavailable for any other failure.
func (s *Server) storeProblem(what string, err error) *Problem {
	var prob *Problem
	switch {
	case err == nil:
		return nil
	case errors.As(err, &prob):
		return prob
	}
	if prob = dataProblem(err); prob != nil {
		s.log.Info(what+" refused by the store", "err", err)
		return prob
	}
	s.log.Warn(what+" store failed", "err", err)
	return problem(http.StatusServiceUnavailable, CodeUnavailable, "cannot store the %s now; try again", what)
}

// spendNonce records signer's nonce for kind in tx; false when it was already spent.
func spendNonce(ctx context.Context, tx pgx.Tx, signer common.Address, kind string, nonce *big.Int, now time.Time) (bool, error) {
	tag, err := tx.Exec(ctx, `INSERT INTO spent_nonces (signer, kind, nonce, spent_at) VALUES ($1, $2, $3::text::numeric, $4)
		ON CONFLICT DO NOTHING`, signer.Bytes(), kind, nonce.String(), now)
	if err != nil {
		return false, err
	}
	return tag.RowsAffected() == 1, nil
}
