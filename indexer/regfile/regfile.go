// Package regfile fetches, parses and validates ERC-8004 agent registration files: the JSON document that an
// agent's agentURI points to (https://, ipfs:// through a gateway, or an inline data: URI).
//
// A Fetcher reads the bytes behind a URI with a per-attempt timeout, a body cap, retries for temporary
// failures and an SSRF guard that checks every resolved address at dial time. Parse turns the bytes into a
// typed Registration and its canonical JSON. A Pool runs both for the indexer: it takes jobs from a Store,
// fetches files with a bounded number of workers, decodes data: URIs inline so that they never wait behind
// slow servers, and hands every result back to the Store.
//
// Every failure is an *Error whose Code is a stable string that the indexer stores in its database.
package regfile

import (
	"errors"
	"fmt"
	"time"
)

// Error codes: stable strings, stored in the database. Do not rename them.
const (
	// CodeEmptyURI: the agentURI is empty (or only white space).
	CodeEmptyURI = "empty_uri"
	// CodeBadURI: the agentURI has a supported scheme but cannot be parsed (no host, bad escape, bad CID).
	CodeBadURI = "bad_uri"
	// CodeUnsupportedScheme: a scheme this fetcher does not read (or plain http:// while private addresses are
	// refused, or ipfs:// with no gateway configured).
	CodeUnsupportedScheme = "unsupported_scheme"
	// CodeBadDataURI: a data: URI that is malformed, not JSON-ish, or whose payload does not decode.
	CodeBadDataURI = "bad_data_uri"
	// CodeBlockedAddress: the host resolved to an address the SSRF guard refuses (loopback, private, ...).
	CodeBlockedAddress = "blocked_address"
	// CodeUnreachable: the server could not be reached or the connection broke (DNS, refused, reset, TLS).
	CodeUnreachable = "unreachable"
	// CodeTimeout: an attempt did not finish, body included, within Config.Timeout.
	CodeTimeout = "timeout"
	// CodeHTTPStatus: the server answered with a non-2xx status (Message holds it) or redirected too often.
	CodeHTTPStatus = "http_status"
	// CodeTooLarge: the body (or decoded data: payload) is larger than Config.MaxBytes.
	CodeTooLarge = "too_large"
	// CodeInvalidJSON: the bytes are not one well-formed UTF-8 JSON value, or hold a NUL character.
	CodeInvalidJSON = "invalid_json"
	// CodeInvalidRegistration: well-formed JSON that is not a valid registration file; Message lists every
	// problem found.
	CodeInvalidRegistration = "invalid_registration"
	// CodeCanceled: the caller's context ended before the fetch finished. The Pool never stores such a result.
	CodeCanceled = "canceled"
)

// Error is every failure that Fetch and Parse return. Code is one of the Code constants; Message is a
// human-readable detail; Temporary says whether trying again later may succeed.
type Error struct {
	Code      string
	Message   string
	Temporary bool
	// Problems lists, for CodeInvalidRegistration, every problem Parse found (the first MaxListedProblems of them),
	// one per entry; Message shows the first 20 and counts the rest. Nil for the other codes.
	Problems []string
	// RetryAfter is the server's Retry-After (at most an hour) when it sent one with a failing status; the
	// pool waits at least that long before reading the file again.
	RetryAfter time.Duration

	cause error // underlying error, for errors.Is/As; never shown in Message verbatim
}

// Error implements the error interface.
func (e *Error) Error() string {
	if e.Message == "" {
		return "regfile: " + e.Code
	}
	return "regfile: " + e.Code + ": " + e.Message
}

// Unwrap returns the underlying cause (for example context.Canceled), if any.
func (e *Error) Unwrap() error { return e.cause }

// AsError returns err as an *Error if it is one (or wraps one), else nil.
func AsError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

func newError(code string, temporary bool, cause error, format string, args ...any) *Error {
	e := &Error{Code: code, Message: fmt.Sprintf(format, args...), Temporary: temporary, cause: cause}
	if code == CodeInvalidRegistration {
		e.Problems = []string{e.Message} // one problem; problems.err replaces it with the list
	}
	return e
}
