package capability

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// Problem codes (Problem.Code). They are stable: clients and the gateway's API match on them.
const (
	// CodeSchema: a declaration breaks the capability schema (or the capabilities array is not valid JSON).
	CodeSchema = "schema"
	// CodeUnsupportedSchema: "capabilitiesSchema" names a schema this package does not support; every
	// declaration gets one such problem.
	CodeUnsupportedSchema = "unsupported_schema"
	// CodeNotArray: "capabilities" is not a JSON array.
	CodeNotArray = "not_array"
	// CodeTooMany: more than MaxCapabilities declarations (a document-level problem; only the first
	// MaxCapabilities are checked), or a declaration left unchecked because those before it hold
	// MaxFileValues JSON values.
	CodeTooMany = "too_many"
)

// Problem is one reason a capability declaration (or the capabilities field as a whole) was rejected.
type Problem struct {
	// Index is the position of the declaration in the "capabilities" array, or -1 for a problem with the
	// field as a whole.
	Index int `json:"index"`
	// Path is a JSON pointer (RFC 6901) from the registration file's root to the offending value, e.g.
	// "/capabilities/2/pricing/amount"; for a missing or unknown field it names that field.
	Path string `json:"path"`
	// Code is CodeSchema, CodeUnsupportedSchema, CodeNotArray or CodeTooMany.
	Code string `json:"code"`
	// Message says what is wrong, in English, for people.
	Message string `json:"message"`
}

// String formats p as "path: message (code)".
func (p Problem) String() string { return p.Path + ": " + p.Message + " (" + p.Code + ")" }

// Extract reads the capability declarations of a registration file from its unknown top-level fields
// (regfile.Registration.Extra). Each of the first MaxCapabilities entries of "capabilities" is validated
// on its own against the schema named by "capabilitiesSchema" (only SchemaV1, the default, is
// supported): valid entries are returned as Capability values in file order, each with its Index; every
// invalid entry yields at least one Problem and at most MaxProblemsPerCapability. Without a
// "capabilities" field, or with null, Extract returns (nil, nil). It is meant for hostile input: it never
// panics, fetches nothing, ignores the content of extension fields ("x-…"), and bounds its work by the
// size of the field and by MaxValues and MaxFileValues.
func Extract(extra map[string]json.RawMessage) (caps []Capability, problems []Problem) {
	raw, ok := extra[FieldCapabilities]
	raw = bytes.TrimSpace(raw)
	if !ok || len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	if raw[0] != '[' {
		return nil, []Problem{{Index: -1, Path: "/" + FieldCapabilities, Code: CodeNotArray,
			Message: "want array, got " + jsonKind(raw)}}
	}
	if !json.Valid(raw) {
		return nil, []Problem{{Index: -1, Path: "/" + FieldCapabilities, Code: CodeSchema,
			Message: "invalid JSON"}}
	}
	elems, total := elements(raw, MaxCapabilities)
	if total > MaxCapabilities {
		problems = append(problems, Problem{Index: -1, Path: "/" + FieldCapabilities, Code: CodeTooMany,
			Message: fmt.Sprintf("%d capabilities, want at most %d; only the first %d are checked",
				total, MaxCapabilities, MaxCapabilities)})
	}
	if name, ok := schemaName(extra); !ok {
		for i := range elems {
			problems = append(problems, Problem{Index: i, Path: itemPath(i), Code: CodeUnsupportedSchema,
				Message: fmt.Sprintf("unsupported capabilities schema %s, want %q", name, SchemaV1)})
		}
		return nil, problems
	}
	sch, err := compiled()
	if err != nil { // a broken embedded schema is a bug, caught by the tests; report it, do not panic
		for i := range elems {
			problems = append(problems, Problem{Index: i, Path: itemPath(i), Code: CodeSchema,
				Message: "cannot validate: " + err.Error()})
		}
		return nil, problems
	}
	budget := MaxFileValues
	for i, elem := range elems {
		item, err := decodeJSON(elem)
		if err != nil { // cannot happen: raw is valid JSON
			problems = append(problems, Problem{Index: i, Path: itemPath(i), Code: CodeSchema,
				Message: "invalid JSON: " + err.Error()})
			continue
		}
		if ps := validate(sch, i, item, &budget); len(ps) > 0 {
			problems = append(problems, ps...)
			continue
		}
		m, _ := item.(map[string]any) // the schema requires an object
		caps = append(caps, decode(i, m))
	}
	return caps, problems
}

// schemaName reports whether the registration's "capabilitiesSchema" is absent, null or SchemaV1, and
// otherwise returns the offending value, shortened and quoted, for a message.
func schemaName(extra map[string]json.RawMessage) (string, bool) {
	raw, ok := extra[FieldSchema]
	raw = bytes.TrimSpace(raw)
	if !ok || len(raw) == 0 || string(raw) == "null" {
		return "", true
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "(a JSON " + jsonKind(raw) + ")", false
	}
	if s == SchemaV1 {
		return "", true
	}
	return strconv.Quote(truncate(s, 100)), false
}

// elements returns the first limit elements of the valid JSON array raw, as subslices of raw, and how
// many elements it has. It scans bytes rather than decoding, so that a long tail of ignored elements
// costs little.
func elements(raw []byte, limit int) (out [][]byte, total int) {
	depth, start := 0, -1
	end := func(i int) {
		if start >= 0 {
			if total < limit {
				out = append(out, raw[start:i])
			}
			total++
		}
		start = -1
	}
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; c {
		case '"':
			if depth == 1 && start < 0 {
				start = i
			}
			for i++; i < len(raw) && raw[i] != '"'; i++ {
				if raw[i] == '\\' {
					i++
				}
			}
		case '[', '{':
			if depth == 1 && start < 0 {
				start = i
			}
			depth++
		case ']', '}':
			depth--
			if depth == 0 {
				end(i)
				return out, total
			}
		case ',':
			if depth == 1 {
				end(i)
			}
		case ' ', '\t', '\r', '\n':
		default:
			if depth == 1 && start < 0 {
				start = i
			}
		}
	}
	return out, total
}

// decodeJSON decodes one valid JSON value with numbers as json.Number, as the validator wants them.
func decodeJSON(raw []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// jsonKind names the JSON type of the value starting raw.
func jsonKind(raw []byte) string {
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// itemPath is the JSON pointer of declaration i.
func itemPath(i int) string { return "/" + FieldCapabilities + "/" + strconv.Itoa(i) }

// truncate shortens s to at most n bytes (on a rune boundary), marking the cut with "…".
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// decode converts a declaration that passed the schema into a Capability. The schema guarantees every
// type assertion below; absent optional fields stay zero.
func decode(index int, m map[string]any) Capability {
	c := Capability{
		Index:         index,
		Name:          str(m, "name"),
		Description:   str(m, "description"),
		Tags:          strs(m, "tags"),
		Languages:     strs(m, "languages"),
		Inputs:        typeRefs(m, "inputs"),
		Outputs:       typeRefs(m, "outputs"),
		Jurisdictions: strs(m, "jurisdictions"),
		DataClasses:   strs(m, "dataClasses"),
		MCPTools:      strs(m, "mcpTools"),
		A2ASkills:     strs(m, "a2aSkills"),
		OASFSkills:    strs(m, "oasfSkills"),
		OASFDomains:   strs(m, "oasfDomains"),
	}
	if p, ok := m["pricing"].(map[string]any); ok {
		c.Pricing = Pricing{
			Model:   str(p, "model"),
			Amount:  new(big.Int),
			Token:   common.HexToAddress(str(p, "token")),
			Symbol:  str(p, "symbol"),
			Unit:    str(p, "unit"),
			Outcome: str(p, "outcome"),
		}
		c.Pricing.Amount.SetString(str(p, "amount"), 10)
		if d, ok := integer(p, "decimals"); ok {
			n := int(d)
			c.Pricing.Decimals = &n
		}
	}
	if s, ok := m["sla"].(map[string]any); ok {
		if v, ok := integer(s, "p95LatencyMs"); ok {
			c.SLA.P95LatencyMs = &v
		}
		if v, ok := integer(s, "throughputPerMinute"); ok {
			c.SLA.ThroughputPerMinute = &v
		}
		if n, ok := s["availabilityPct"].(json.Number); ok {
			if f, err := strconv.ParseFloat(string(n), 64); err == nil {
				c.SLA.AvailabilityPct = &f
			}
		}
	}
	if cm, ok := m["compliance"].(map[string]any); ok {
		c.Compliance = Compliance{
			Attestations:     strs(cm, "attestations"),
			EUAIActRiskClass: str(cm, "euAiActRiskClass"),
			Evidence:         str(cm, "evidence"),
		}
	}
	return c
}

func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

func strs(m map[string]any, key string) []string {
	list, ok := m[key].([]any)
	if !ok {
		return nil
	}
	out := make([]string, 0, len(list))
	for _, v := range list {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func typeRefs(m map[string]any, key string) []TypeRef {
	list, ok := m[key].([]any)
	if !ok {
		return nil
	}
	out := make([]TypeRef, 0, len(list))
	for _, v := range list {
		r, ok := v.(map[string]any)
		if !ok {
			continue
		}
		out = append(out, TypeRef{
			MediaType:   strings.ToLower(str(r, "mediaType")),
			Schema:      str(r, "schema"),
			Description: str(r, "description"),
		})
	}
	return out
}

// integer reads m[key], a JSON number the schema has checked to be an integer in a small range (it may
// still be written 1e3 or 150.0).
func integer(m map[string]any, key string) (int64, bool) {
	n, ok := m[key].(json.Number)
	if !ok {
		return 0, false
	}
	if i, err := strconv.ParseInt(string(n), 10, 64); err == nil {
		return i, true
	}
	f, err := strconv.ParseFloat(string(n), 64)
	if err != nil || f != float64(int64(f)) {
		return 0, false
	}
	return int64(f), true
}
