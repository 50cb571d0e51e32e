package gateway

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
)

// Problem codes: the stable `code` member of every error response (RFC 9457 application/problem+json).
// Clients match on them; do not rename them.
const (
	CodeInvalidAgentID    = "invalid_agent_id"    // 400: not a decimal agentId or eip155:<chain>:<registry>:<agentId>
	CodeUnknownRegistry   = "unknown_registry"    // 404: a global id of another chain or registry
	CodeAgentNotFound     = "agent_not_found"     // 404: no such agent (or not registered yet)
	CodeInvalidQuery      = "invalid_query"       // 400: unknown filter, repeated or malformed value
	CodeQueryTooLong      = "query_too_long"      // 400: text query or query string over the limit
	CodeInvalidCursor     = "invalid_cursor"      // 400: a cursor this query did not produce
	CodeInvalidBody       = "invalid_body"        // 400: body is not the JSON the endpoint takes
	CodeUnsupportedMedia  = "unsupported_media"   // 415: body is not application/json
	CodeRequestTooLarge   = "request_too_large"   // 413: body over the limit
	CodeRateLimited       = "rate_limited"        // 429: over the per-client rate
	CodeWrongChain        = "wrong_chain"         // 400: signed for another chain
	CodeWrongContract     = "wrong_contract"      // 400: signed for another verifying contract
	CodeInvalidSignature  = "invalid_signature"   // 400: malformed signature
	CodeSignerMismatch    = "signer_mismatch"     // 403: valid signature by someone other than the agent wallet
	CodeNoAgentWallet     = "no_agent_wallet"     // 409: the agent has no wallet to sign heartbeats
	CodeHeartbeatExpired  = "heartbeat_expired"   // 400: expiresAt is not in the future (or too far ahead)
	CodeStaleNonce        = "stale_nonce"         // 409: nonce not above the agent's last one (a replay)
	CodeUnknownType       = "unknown_type"        // 404: GET /v1/eip712/{type} of a type Agora does not define
	CodeInvalidID         = "invalid_id"          // 400: not a 0x-prefixed 32-byte id (RFQs, quotes)
	CodeRFQNotFound       = "rfq_not_found"       // 404: no such RFQ
	CodeAgreementNotFound = "agreement_not_found" // 404: no such agreement
	CodeExpired           = "expired"             // 400: an RFQ's expiry or a quote's validUntil is not in the future
	CodeNonceUsed         = "nonce_used"          // 409: the signer already used this nonce for this message type
	CodeQuoteLate         = "quote_late"          // 409: the RFQ's quote window has closed
	CodeNotInvited        = "not_invited"         // 403: a quote on a direct request to another provider
	CodeAboveMaxPrice     = "above_max_price"     // 422: a quote above the RFQ's maxPrice
	CodeProviderOffline   = "provider_offline"    // 409: a quote from an agent without an unexpired online heartbeat
	CodeNotFound          = "not_found"           // 404: no such route
	CodeMethodNotAllowed  = "method_not_allowed"  // 405
	CodeUnavailable       = "unavailable"         // 503: database or node unreachable
	CodeInternal          = "internal"            // 500
	CodeInvalidValue      = "invalid_value"       // 400: a value the escrow or the store cannot hold (field names it)
	CodeInvalidHandshake  = "invalid_handshake"   // 400, 403, 426: GET /v1/stream without a WebSocket handshake it takes
	problemContentType    = "application/problem+json"
	problemTypeBase       = "urn:agora:problem:"
	jsonContentTypeHeader = "application/json; charset=utf-8"
)

// Problem is an RFC 9457 problem detail with Agora's stable code.
type Problem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Code     string `json:"code"`
	Detail   string `json:"detail,omitempty"`
	Instance string `json:"instance,omitempty"`
	// Field names the request's member at fault, where one is (a typed-data message field, a query parameter).
	Field string `json:"field,omitempty"`
	// EscrowError is the custom error AgentEscrow reverts with for the same values (package terms), where the
	// refusal is one of the escrow's rules: "ZeroPrice", "DeliveryDeadlinePassed", ...
	EscrowError string `json:"escrowError,omitempty"`
}

// withField returns p naming field as the member at fault.
func (p *Problem) withField(field string) *Problem {
	p.Field = field
	return p
}

// Error makes *Problem an error, so handlers can return one.
func (p *Problem) Error() string { return p.Code + ": " + p.Detail }

// problem returns a Problem with code, status and a detail formatted for the client.
func problem(status int, code, format string, args ...any) *Problem {
	return &Problem{
		Type: problemTypeBase + code, Title: http.StatusText(status), Status: status, Code: code,
		Detail: fmt.Sprintf(format, args...),
	}
}

// writeProblem sends p; the request path is its instance.
func writeProblem(c *gin.Context, p *Problem) {
	q := *p
	q.Instance = c.Request.URL.Path
	c.Header("Cache-Control", "no-store")
	c.Render(q.Status, problemRender{&q})
	c.Abort()
}

// fail sends err as a problem: a *Problem as it is, anything else as 500 (or 503 for an unavailable
// dependency) with the cause logged and never sent.
func (s *Server) fail(c *gin.Context, err error) {
	var p *Problem
	if errors.As(err, &p) {
		writeProblem(c, p)
		return
	}
	if dp := dataProblem(err); dp != nil {
		s.log.Info("request refused by the store", "path", c.FullPath(), "err", err)
		writeProblem(c, dp)
		return
	}
	if errors.Is(err, errUnavailable) || c.Request.Context().Err() != nil {
		s.log.Warn("dependency unavailable", "path", c.FullPath(), "err", err)
		writeProblem(c, problem(http.StatusServiceUnavailable, CodeUnavailable, "a dependency is unavailable; try again"))
		return
	}
	s.log.Error("request failed", "path", c.FullPath(), "err", err)
	writeProblem(c, problem(http.StatusInternalServerError, CodeInternal, "internal error"))
}

// errUnavailable marks errors of an unreachable dependency (database, node): 503 rather than 500.
var errUnavailable = errors.New("dependency unavailable")

// problemRender renders a Problem as application/problem+json.
type problemRender struct{ p *Problem }

func (r problemRender) Render(w http.ResponseWriter) error {
	r.WriteContentType(w)
	return writeJSON(w, r.p)
}

func (r problemRender) WriteContentType(w http.ResponseWriter) {
	w.Header().Set("Content-Type", problemContentType)
}
