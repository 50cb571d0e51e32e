package audit

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"

	fastjson "github.com/goccy/go-json"
)

// The RFC 8785 form of an Entry, written directly: what jcs.Transform makes of the entry's JSON (a test holds
// the two equal on random entries), at a tenth of the cost, so that a verifier checks 100,000 entries a
// second. It relies on what Validate guarantees: every key and string is UTF-8 without control characters
// (JCS escapes only '"' and '\' in them, and writes everything else as it is), the keys of an entry and of
// its inputs are ASCII (sorted bytewise, as JCS sorts UTF-16 code units), and every number is an integer
// below 2^53 (JCS writes it in plain decimal).

// maxSafeInteger is the largest integer JSON numbers (IEEE doubles) hold exactly: 2^53 - 1.
const maxSafeInteger = 1<<53 - 1

// appendCanonical appends e's RFC 8785 form to dst. e must be valid.
func (e *Entry) appendCanonical(dst []byte) []byte {
	comma := false
	key := func(k string) {
		if comma {
			dst = append(dst, ',')
		}
		comma = true
		dst = appendString(dst, k)
		dst = append(dst, ':')
	}
	str := func(k, v string) {
		if v != "" {
			key(k)
			dst = appendString(dst, v)
		}
	}
	dst = append(dst, '{')
	// Keys in sorted order: action actor agentId chain inputs outcome principal rule source subject time traceId v.
	str("action", e.Action)
	str("actor", e.Actor)
	str("agentId", e.AgentID)
	if c := e.Chain; c != nil {
		key("chain")
		dst = append(dst, `{"block":`...)
		dst = strconv.AppendUint(dst, c.Block, 10)
		dst = append(dst, `,"chainId":`...)
		dst = strconv.AppendUint(dst, c.ChainID, 10)
		dst = append(dst, `,"logIndex":`...)
		dst = strconv.AppendUint(dst, uint64(c.LogIndex), 10)
		dst = append(dst, `,"tx":`...)
		dst = appendString(dst, c.Tx)
		dst = append(dst, '}')
	}
	if len(e.Inputs) > 0 {
		key("inputs")
		keys := make([]string, 0, len(e.Inputs))
		for k := range e.Inputs {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		dst = append(dst, '{')
		for i, k := range keys {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendString(dst, k)
			dst = append(dst, ':')
			dst = appendString(dst, e.Inputs[k])
		}
		dst = append(dst, '}')
	}
	str("outcome", e.Outcome)
	str("principal", e.Principal)
	str("rule", e.Rule)
	str("source", e.Source)
	str("subject", e.Subject)
	str("time", e.Time)
	str("traceId", e.TraceID)
	key("v")
	dst = strconv.AppendInt(dst, int64(e.V), 10)
	return append(dst, '}')
}

// appendString appends s as a JCS string: quoted, with '"' and '\' escaped (s holds no control character).
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '"' || c == '\\' {
			dst = append(dst, '\\', c)
		} else {
			dst = append(dst, c)
		}
	}
	return append(dst, '"')
}

// parseCanonical decodes entry bytes strictly, checks the entry's form and that the bytes are its RFC 8785
// form exactly.
func parseCanonical(b []byte) (*Entry, error) {
	e, err := Parse(b)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(e.appendCanonical(make([]byte, 0, len(b))), b) {
		return nil, fmt.Errorf("%w: not in RFC 8785 canonical form", ErrInvalid)
	}
	return e, nil
}

// decodeEntry decodes entry JSON strictly (unknown fields refused).
func decodeEntry(b []byte, e *Entry) error {
	dec := fastjson.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(e); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("data after the entry")
	}
	return nil
}
