// Package audit is Agora's tamper-evident audit log: every gateway decision and every mirrored chain event of
// the escrow and the mandates is an entry, and the entries are the leaves of one append-only Merkle tree
// hashed as RFC 6962 says (github.com/transparency-dev/merkle), whose heads the operator signs as C2SP
// tlog-checkpoint signed notes (golang.org/x/mod/sumdb/note). An auditor checks a database or an export
// offline with Verify; docs/audit.md states the formats and the threat model. The Anchorer records signed heads
// in the AuditAnchor contract, so that the operator cannot rewrite what it anchored unnoticed (ReadAnchors, VerifyDB).
//
// An entry is hashed in its RFC 8785 (JCS) canonical JSON form: every field is inside the hash, and any JCS
// implementation reproduces the bytes from an export. Entries hold identifiers, addresses, amounts and
// hashes, never keys, secrets or free text: what is large or personal enters as its SHA-256 (Hash).
package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gowebpki/jcs"
	"github.com/transparency-dev/merkle/rfc6962"
)

// Version is the entry format's version, the "v" of every entry.
const Version = 1

// Entry is one audit record. Its JSON form (canonicalised) is the leaf of the tree.
type Entry struct {
	V    int    `json:"v"`
	Time string `json:"time"` // RFC 3339 UTC to the microsecond: when the decision was taken or the event seen
	// Source is who observed it: "gateway:<node>" for a gateway's decision, "chain:<chainId>" for a
	// mirrored event.
	Source    string `json:"source"`
	Action    string `json:"action"`              // e.g. rfq.posted, quote.refused, policy.escalate, chain.JobFunded
	Actor     string `json:"actor,omitempty"`     // the address that acted (0x…, lower case)
	Principal string `json:"principal,omitempty"` // the principal it acted for, where one applies
	AgentID   string `json:"agentId,omitempty"`   // the ERC-8004 agent id (decimal)
	Subject   string `json:"subject,omitempty"`   // what it is about: "rfq:<id>", "job:<id>", "agreement:0x…", "mandate:<id>"
	// Inputs are the decision's inputs: small values as they are, anything large or personal as Hash(…).
	Inputs  map[string]string `json:"inputs,omitempty"`
	Outcome string            `json:"outcome"`
	Rule    string            `json:"rule,omitempty"`    // the rule that decided (a policy rule, an auction rule, an escrow error)
	TraceID string            `json:"traceId,omitempty"` // W3C trace id (32 hex digits)
	Chain   *ChainRef         `json:"chain,omitempty"`   // the chain event, for mirrored events
}

// ChainRef places a mirrored event on the chain.
type ChainRef struct {
	ChainID  uint64 `json:"chainId"`
	Block    uint64 `json:"block"`
	Tx       string `json:"tx"`
	LogIndex uint   `json:"logIndex"`
}

// Limits of an entry's fields: an input longer than MaxInput must be hashed (Hash).
const (
	MaxInput  = 256
	MaxInputs = 32
	maxField  = 256
)

var (
	actionRE  = regexp.MustCompile(`^[a-z][a-zA-Z0-9_]*(\.[a-zA-Z][a-zA-Z0-9_]*)+$`)
	addressRE = regexp.MustCompile(`^0x[0-9a-f]{40}$`)
	traceRE   = regexp.MustCompile(`^[0-9a-f]{32}$`)
	keyRE     = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9_.]{0,63}$`)
	hexRE     = regexp.MustCompile(`^0x[0-9a-f]{64}$`)
)

// ErrInvalid is wrapped by every error of Entry.Validate.
var ErrInvalid = errors.New("audit: invalid entry")

// Hash returns "sha256:<hex>" of b: how a large or personal input enters an entry.
func Hash(b []byte) string {
	h := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(h[:])
}

// HashJSON returns Hash of v's JSON encoding.
func HashJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return Hash([]byte(fmt.Sprint(v)))
	}
	return Hash(b)
}

// FormatTime is an entry's time form: RFC 3339 in UTC, to the microsecond (PostgreSQL's precision).
func FormatTime(t time.Time) string {
	return t.UTC().Truncate(time.Microsecond).Format(time.RFC3339Nano)
}

// Validate checks the entry's form: a known version, a time, an action, lower-case addresses, a decimal
// agent id, bounded plain text. It does not judge the contents.
func (e *Entry) Validate() error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, a...))
	}
	if e.V != Version {
		return bad("version %d, want %d", e.V, Version)
	}
	if t, err := time.Parse(time.RFC3339Nano, e.Time); err != nil || FormatTime(t) != e.Time {
		return bad("time %q is not RFC 3339 UTC to the microsecond", e.Time)
	}
	if !actionRE.MatchString(e.Action) || len(e.Action) > 64 {
		return bad("action %q", e.Action)
	}
	if e.Source == "" || !plain(e.Source) {
		return bad("source %q", e.Source)
	}
	for name, a := range map[string]string{"actor": e.Actor, "principal": e.Principal} {
		if a != "" && !addressRE.MatchString(a) {
			return bad("%s %q is not a lower-case 0x address", name, a)
		}
	}
	if e.AgentID != "" {
		if n, ok := new(big.Int).SetString(e.AgentID, 10); !ok || n.Sign() < 0 || n.String() != e.AgentID {
			return bad("agentId %q is not a decimal integer", e.AgentID)
		}
	}
	if e.TraceID != "" && !traceRE.MatchString(e.TraceID) {
		return bad("traceId %q is not 32 lower-case hex digits", e.TraceID)
	}
	for name, v := range map[string]string{"subject": e.Subject, "outcome": e.Outcome, "rule": e.Rule} {
		if !plain(v) {
			return bad("%s is not plain text of at most %d bytes", name, maxField)
		}
	}
	if e.Outcome == "" {
		return bad("no outcome")
	}
	if len(e.Inputs) > MaxInputs {
		return bad("%d inputs, at most %d", len(e.Inputs), MaxInputs)
	}
	for k, v := range e.Inputs {
		if !keyRE.MatchString(k) {
			return bad("input name %q", k)
		}
		if len(v) > MaxInput || !plain(v) {
			return bad("input %s is longer than %d bytes or not plain text: hash it", k, MaxInput)
		}
	}
	if c := e.Chain; c != nil && (c.ChainID == 0 || c.ChainID > maxSafeInteger || c.Block > maxSafeInteger ||
		uint64(c.LogIndex) > maxSafeInteger || !hexRE.MatchString(c.Tx)) {
		return bad("chain reference %+v", *c)
	}
	return nil
}

// plain reports whether s is valid UTF-8 of at most maxField bytes without control characters.
func plain(s string) bool {
	if len(s) > maxField || !utf8.ValidString(s) {
		return false
	}
	return !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f })
}

// Canonical returns the entry's RFC 8785 canonical JSON: the bytes its leaf hash covers (canonical.go).
func (e *Entry) Canonical() ([]byte, error) {
	if err := e.Validate(); err != nil {
		return nil, err
	}
	return e.appendCanonical(nil), nil
}

// Canonicalize returns the RFC 8785 form of any JSON value: what a verifier hashes of an exported entry.
func Canonicalize(raw []byte) ([]byte, error) {
	b, err := jcs.Transform(raw)
	if err != nil {
		return nil, fmt.Errorf("audit: not JSON: %w", err)
	}
	return b, nil
}

// LeafHash is the RFC 6962 leaf hash of canonical entry bytes: SHA-256(0x00 || entry).
func LeafHash(canonical []byte) []byte { return rfc6962.DefaultHasher.HashLeaf(canonical) }

// Parse decodes entry JSON strictly (unknown fields refused) and checks the entry's form.
func Parse(raw []byte) (*Entry, error) {
	var e Entry
	if err := decodeEntry(raw, &e); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return &e, e.Validate()
}
