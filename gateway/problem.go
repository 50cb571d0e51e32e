package gateway

import (
	"errors"
	"fmt"
	"net/http"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
)

// Problem codes: the stable `code` member of every error response (RFC 9457 application/problem+json).
// Clients match on them; do not rename them.
const (
	CodeInvalidAgentID     = "invalid_agent_id"      // 400: not a decimal agentId or eip155:<chain>:<registry>:<agentId>
	CodeUnknownRegistry    = "unknown_registry"      // 404: a global id of another chain or registry
	CodeAgentNotFound      = "agent_not_found"       // 404: no such agent (or not registered yet)
	CodeInvalidQuery       = "invalid_query"         // 400: unknown filter, repeated or malformed value
	CodeQueryTooLong       = "query_too_long"        // 400: text query or query string over the limit
	CodeInvalidCursor      = "invalid_cursor"        // 400: a cursor this query did not produce
	CodeInvalidBody        = "invalid_body"          // 400: body is not the JSON the endpoint takes
	CodeUnsupportedMedia   = "unsupported_media"     // 415: body is not application/json
	CodeRequestTooLarge    = "request_too_large"     // 413: body over the limit
	CodeRateLimited        = "rate_limited"          // 429: over the per-client rate
	CodeWrongChain         = "wrong_chain"           // 400: signed for another chain
	CodeWrongContract      = "wrong_contract"        // 400: signed for another verifying contract
	CodeInvalidSignature   = "invalid_signature"     // 400: malformed signature
	CodeSignerMismatch     = "signer_mismatch"       // 403: valid signature by someone other than the agent wallet
	CodeNoAgentWallet      = "no_agent_wallet"       // 409: the agent has no wallet to sign heartbeats
	CodeHeartbeatExpired   = "heartbeat_expired"     // 400: expiresAt is not in the future (or too far ahead)
	CodeStaleNonce         = "stale_nonce"           // 409: nonce not above the agent's last one (a replay)
	CodeUnknownType        = "unknown_type"          // 404: GET /v1/eip712/{type} of a type Agora does not define
	CodeInvalidID          = "invalid_id"            // 400: not a 0x-prefixed 32-byte id (RFQs, quotes)
	CodeRFQNotFound        = "rfq_not_found"         // 404: no such RFQ
	CodeAgreementNotFound  = "agreement_not_found"   // 404: no such agreement
	CodeMandateNotFound    = "mandate_not_found"     // 404: the MandateRegistry holds no such mandate
	CodeJobNotFound        = "job_not_found"         // 404: no escrow job with this id (or not indexed yet)
	CodeMandateRevoked     = "mandate_revoked"       // 403: the mandate is revoked or the agent frozen (the kill switch)
	CodeMandateRefused     = "mandate_refused"       // 403: the mandate does not allow it (registryError names the rule)
	CodePolicyDenied       = "policy_denied"         // 403: the principal's policy denied it
	CodeApprovalRequired   = "approval_required"     // 202: escalated; an approver must approve it first
	CodeApprovalDenied     = "approval_denied"       // 403: an approver denied it
	CodeApprovalExpired    = "approval_expired"      // 403: nobody approved it in time
	CodeApprovalNotFound   = "approval_not_found"    // 404: no such approval
	CodeNotApprover        = "not_approver"          // 403: the signer may not decide this approval
	CodeUnauthenticated    = "unauthenticated"       // 401: a read that needs the reader's signature lacks a valid one
	CodeApprovalDecided    = "approval_decided"      // 409: the approval was decided already, or expired
	CodeExpired            = "expired"               // 400: an RFQ's expiry or a quote's validUntil is not in the future
	CodeNonceUsed          = "nonce_used"            // 409: the signer already used this nonce for this message type
	CodeQuoteLate          = "quote_late"            // 409: the RFQ's quote window has closed
	CodeNotInvited         = "not_invited"           // 403: a quote on a direct request to another provider
	CodeAboveMaxPrice      = "above_max_price"       // 422: a quote above the RFQ's maxPrice
	CodeProviderOffline    = "provider_offline"      // 409: a quote from an agent without an unexpired online heartbeat
	CodeNotFound           = "not_found"             // 404: no such route
	CodeMethodNotAllowed   = "method_not_allowed"    // 405
	CodeUnavailable        = "unavailable"           // 503: database or node unreachable
	CodeInternal           = "internal"              // 500
	CodeInvalidValue       = "invalid_value"         // 400: a value the escrow or the store cannot hold (field names it)
	CodeWarming            = "warming"               // 503: the search needs vectors or reputation scores still computed after a start (Retry-After)
	CodeAuditOff           = "audit_off"             // 404: this gateway keeps no audit log (no operator key)
	CodeNoCheckpoint       = "no_checkpoint"         // 404: no audit tree head of that size (or none yet) is signed
	CodeAuditEntryNotFound = "audit_entry_not_found" // 404: the entry is not in the signed tree
	CodeNotEntitled        = "not_entitled"          // 403: the reader may not read the audit entries it asks for
	problemContentType     = "application/problem+json"
	problemTypeBase        = "urn:agora:problem:"
	jsonContentTypeHeader  = "application/json; charset=utf-8"

	// Refusals of the HTTP machinery: the server's own answers to requests it cannot read (rewritten as
	// problems by problemConn), the WebSocket handshake's and CORS's (by refusalWriter); the gateway's own
	// head limit (limits).
	CodeHeaderTooLarge              = "header_too_large"              // 431: request line and header fields over the limit
	CodeMalformedRequest            = "malformed_request"             // 400: not an HTTP/1.x request net/http can read (request line, header syntax, Host, Content-Length)
	CodeUnsupportedHTTPVersion      = "unsupported_http_version"      // 505: a request line of HTTP/2 or later on the HTTP/1.1 listener
	CodeUnsupportedTransferEncoding = "unsupported_transfer_encoding" // 501: a Transfer-Encoding other than chunked
	CodeExpectationFailed           = "expectation_failed"            // 417: an Expect header other than 100-continue
	CodeUpgradeRequired             = "upgrade_required"              // 426: a stream request that is not a WebSocket handshake
	CodeInvalidHandshake            = "invalid_handshake"             // 400: a WebSocket handshake of another version or without a valid key
	CodeOriginNotAllowed            = "origin_not_allowed"            // 403: a browser origin CORS or the stream's origin check does not allow
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
	// RegistryError is the MandateRegistry custom error behind a mandate refusal: "OverBudget", "MandateIsRevoked", ...
	RegistryError string `json:"registryError,omitempty"`
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
	q.Instance = clipTo(c.Request.URL.Path, maxInstance) // a long path is not echoed back whole
	c.Header("Cache-Control", "no-store")
	c.Set(problemKey, q.Code) // the request's spans carry it as error.type
	c.Render(q.Status, problemRender{&q})
	c.Abort()
}

// maxInstance is the longest request path a problem's instance (and a 404's detail) repeats.
const maxInstance = 256

// clipTo returns s cut to at most n bytes on a UTF-8 boundary, with "..." when it was cut.
func clipTo(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - 3
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
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
