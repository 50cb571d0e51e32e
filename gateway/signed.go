package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"strconv"
	"strings"
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

// signedReader checks a read that its reader signs (GET /v1/approvals' ApprovalsQuery, GET /v1/audit/entries'
// AuditQuery): the reader's address in the query parameter field, a deadline (unix seconds) no later than
// maxDecisionDelay ahead, and the reader's EIP-712 signature (ECDSA, or ERC-1271 for a contract wallet) of the
// query mk builds, under this gateway's domain for it. It returns the reader, or the *Problem (or the
// unavailable error) to answer with.
func (s *Server) signedReader(c *gin.Context, field string, mk func(common.Address, uint64) eip712.Message) (common.Address, error) {
	q := c.Request.URL.Query()
	name := mk(common.Address{}, 0).PrimaryType()
	who := q.Get(field)
	if !common.IsHexAddress(who) || !strings.HasPrefix(who, "0x") {
		return common.Address{}, problem(http.StatusUnauthorized, CodeUnauthenticated,
			"%s (an address), deadline and signature (its %s) are required", field, name).withField(field)
	}
	reader := common.HexToAddress(who)
	deadline, err := strconv.ParseUint(q.Get("deadline"), 10, 64)
	if err != nil {
		return reader, problem(http.StatusUnauthorized, CodeUnauthenticated, "deadline %q: unix seconds", clip(q.Get("deadline"))).withField("deadline")
	}
	now := time.Now()
	switch {
	case deadline < uint64(now.Unix()):
		return reader, problem(http.StatusBadRequest, CodeExpired, "the query's deadline %d has passed", deadline).withField("deadline")
	case deadline > uint64(now.Add(maxDecisionDelay).Unix()):
		return reader, problem(http.StatusBadRequest, CodeInvalidQuery, "the query's deadline is more than %s ahead", maxDecisionDelay).withField("deadline")
	}
	sig, err := hexutil.Decode(q.Get("signature"))
	if err != nil {
		return reader, problem(http.StatusUnauthorized, CodeUnauthenticated, "signature: 0x-hex").withField("signature")
	}
	query := mk(reader, deadline)
	digest, err := eip712.Digest(s.domainFor(query), query)
	if err != nil {
		return reader, problem(http.StatusBadRequest, CodeInvalidQuery, "%v", err)
	}
	if err := s.verifier.Verify(c.Request.Context(), reader, digest, sig); err != nil {
		if errors.Is(err, eip712.ErrRPC) {
			return reader, fmt.Errorf("%s: %w: %w", name, errUnavailable, err)
		}
		return reader, problem(http.StatusUnauthorized, CodeUnauthenticated, "the signature is not %s's %s: %v", reader.Hex(), name, err).withField("signature")
	}
	return reader, nil
}
