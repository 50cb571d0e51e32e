package regfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// RegistrationType is the value the `type` field of a registration file must hold.
const RegistrationType = "https://eips.ethereum.org/EIPS/eip-8004#registration-v1"

// maxProblems caps how many problems an invalid_registration message lists; the rest are counted.
const maxProblems = 20

// MaxListedProblems caps how many problems Error.Problems lists in full (the rest are counted in the message), so
// that a hostile file cannot make Parse format millions of messages.
const MaxListedProblems = 1000

// Registration is a validated ERC-8004 agent registration file.
type Registration struct {
	Type           string            // always RegistrationType after Parse
	Name           string            // non-empty
	Description    string            // "" when absent
	Image          string            // "" when absent
	Services       []Service         // from `services`, or from the older alias `endpoints`
	X402Support    *bool             // nil when absent
	Active         *bool             // nil when absent
	Registrations  []RegistrationRef // back-references to registries; may be empty
	SupportedTrust []string          // e.g. "reputation", "crypto-economic", "tee-attestation"
	// Extra holds every top-level field this package does not know, compacted, keyed by its name; this
	// project's typed capability declarations live there.
	Extra map[string]json.RawMessage
	// Canonical is the registration re-marshalled by Parse: known fields under their canonical names,
	// extras kept, keys sorted, no insignificant white space, no HTML escaping.
	Canonical []byte
}

// Service is one entry of a registration's services (web, A2A, MCP, OASF, ENS, DID, email, ...).
type Service struct {
	Name     string // non-empty
	Endpoint string // non-empty
	Version  string // "" when absent
	Skills   []string
	Domains  []string
	Extra    map[string]json.RawMessage // unknown fields, compacted
}

// RegistrationRef points a registration file back at a token in an identity registry.
type RegistrationRef struct {
	AgentID       string // decimal, no leading zeros; the file may hold a JSON number or a decimal string
	AgentRegistry string // e.g. "eip155:1:0x…"
	Extra         map[string]json.RawMessage
}

// Parse validates raw as a registration file and returns it typed, with its canonical JSON in
// Registration.Canonical. Failures are *Error with CodeInvalidJSON (not one UTF-8 JSON value, or a NUL
// byte or \u0000 escape, which PostgreSQL jsonb cannot hold) or CodeInvalidRegistration (Message lists
// every problem found, the first 20 in full). It is meant for hostile input: after encoding/json has
// checked the text (nesting depth bounded), the fields are walked in place without reflection, arrays
// longer than MaxItems are refused, and time and memory stay a small multiple of len(raw).
func Parse(raw []byte) (*Registration, error) {
	raw = bytes.TrimPrefix(raw, []byte("\xEF\xBB\xBF")) // a UTF-8 byte order mark is harmless; drop it
	if e := checkText(raw); e != nil {
		return nil, e
	}
	raw = trimWS(raw)
	if k := kind(raw); k != "object" {
		return nil, newError(CodeInvalidRegistration, false, nil, "document: want object, got %s", k)
	}
	top := members(raw)
	if len(top) > maxFields {
		return nil, newError(CodeInvalidRegistration, false, nil, "document: more than %d fields", maxFields)
	}
	var p problems
	r := &Registration{}

	switch v, ok := top.get("type"); {
	case !ok:
		p.add("type: missing")
	case kind(v) != "string":
		p.add("type: want string, got %s", kind(v))
	default:
		r.Type = decodeString(v)
		if r.Type != RegistrationType {
			p.add("type: want %q, got %q", RegistrationType, truncate(r.Type, 100))
		}
	}
	if s, ok := p.str(top, "name", "", true); ok {
		if strings.TrimSpace(s) == "" {
			p.add("name: empty")
		}
		r.Name = s
	}
	r.Description, _ = p.str(top, "description", "", false)
	r.Image, _ = p.str(top, "image", "", false)

	servicesKey := "services"
	if _, ok := top.get("services"); !ok {
		if _, ok := top.get("endpoints"); ok {
			servicesKey = "endpoints" // older files
		}
	}
	if items, ok := p.array(top, servicesKey, ""); ok {
		r.Services = make([]Service, 0, len(items))
		for i, item := range items {
			if s, ok := p.service(servicesKey+"["+strconv.Itoa(i)+"]", item); ok {
				r.Services = append(r.Services, s)
			}
		}
	}
	r.X402Support = p.boolean(top, "x402Support")
	r.Active = p.boolean(top, "active")
	if items, ok := p.array(top, "registrations", ""); ok {
		r.Registrations = make([]RegistrationRef, 0, len(items))
		for i, item := range items {
			if ref, ok := p.registrationRef("registrations["+strconv.Itoa(i)+"]", item); ok {
				r.Registrations = append(r.Registrations, ref)
			}
		}
	}
	r.SupportedTrust = p.strings(top, "supportedTrust", "")

	extra, n := top.extras("type", "name", "description", "image", servicesKey, "x402Support", "active",
		"registrations", "supportedTrust")
	if n > MaxItems {
		p.add("document: %d unknown fields, want at most %d", n, MaxItems)
	}
	r.Extra = extra
	if e := p.err(); e != nil {
		return nil, e
	}
	canonical, err := r.canonical()
	if err != nil {
		return nil, newError(CodeInvalidRegistration, false, err, "cannot re-marshal: %v", err)
	}
	r.Canonical = canonical
	return r, nil
}

// MaxItems bounds every array Parse walks (services, registrations, supportedTrust, skills, domains) and
// the number of unknown fields of one object; longer ones make the file invalid. Real files hold a
// handful; the bound keeps the work per hostile file small.
const MaxItems = 1000

// checkText rejects what PostgreSQL jsonb cannot hold or encoding/json would silently repair: invalid
// UTF-8, NUL bytes and \u0000 escapes; then anything that is not exactly one JSON value. Everything
// after it may assume valid JSON.
func checkText(raw []byte) *Error {
	if len(trimWS(raw)) == 0 {
		return newError(CodeInvalidJSON, false, nil, "empty document")
	}
	if !utf8.Valid(raw) {
		off := 0
		for off < len(raw) {
			r, size := utf8.DecodeRune(raw[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		return newError(CodeInvalidJSON, false, nil, "invalid UTF-8 at byte %d", off)
	}
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		return newError(CodeInvalidJSON, false, nil, "NUL byte at offset %d", i)
	}
	if !json.Valid(raw) {
		var v json.RawMessage
		err := json.Unmarshal(raw, &v)
		if err == nil {
			err = errors.New("not a single JSON value")
		}
		return newError(CodeInvalidJSON, false, err, "%v", err)
	}
	if i := escapedNUL(raw); i >= 0 {
		return newError(CodeInvalidJSON, false, nil, `\u0000 escape at offset %d`, i)
	}
	return nil
}

// escapedNUL returns the offset of the first \u0000 escape inside a string of the valid JSON text raw,
// or -1. An escaped backslash followed by "u0000" is text, not a NUL, and is not reported.
func escapedNUL(raw []byte) int {
	for i := 0; i < len(raw); i++ {
		if raw[i] != '"' {
			continue
		}
		for i++; raw[i] != '"'; i++ { // valid JSON: every string is closed
			if raw[i] == '\\' {
				if raw[i+1] == 'u' && string(raw[i+2:i+6]) == "0000" {
					return i
				}
				i++ // skip the escaped character; \uXXXX digits are harmless to scan
			}
		}
	}
	return -1
}

// The helpers below walk JSON text that checkText has validated, in place and without reflection.

func isWS(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func trimWS(b []byte) []byte {
	for len(b) > 0 && isWS(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isWS(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func skipWS(b []byte, i int) int {
	for i < len(b) && isWS(b[i]) {
		i++
	}
	return i
}

// skipValue returns the offset just past the valid JSON value that starts at b[i].
func skipValue(b []byte, i int) int {
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for ; i < len(b); i++ {
			switch b[i] {
			case '"':
				i = skipString(b, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
		return i
	default: // number, true, false, null
		for i < len(b) && b[i] != ',' && b[i] != '}' && b[i] != ']' && !isWS(b[i]) {
			i++
		}
		return i
	}
}

// skipString returns the offset just past the string that starts at b[i] == '"'.
func skipString(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return i
}

// elements returns the elements of the valid JSON array b, at most limit+1 of them (so that callers can
// tell that there are more than limit), as subslices of b.
func elements(b []byte, limit int) [][]byte {
	var out [][]byte
	i := skipWS(b, 1)
	if b[i] == ']' {
		return out
	}
	for len(out) <= limit {
		end := skipValue(b, i)
		out = append(out, b[i:end])
		i = skipWS(b, end)
		if b[i] != ',' {
			break
		}
		i = skipWS(b, i+1)
	}
	return out
}

// member is one field of a JSON object, its value a subslice of the document.
type member struct {
	key string
	val []byte
}

// object is the fields of a JSON object in document order. Like encoding/json, the last of duplicate
// keys wins.
type object []member

// maxFields bounds the fields of one object: MaxItems unknown ones plus room for the known ones.
const maxFields = MaxItems + 16

// members splits the valid JSON object b into its fields, at most maxFields+1 of them (so that callers
// can tell that there are more than maxFields).
func members(b []byte) object {
	var out object
	i := skipWS(b, 1)
	for b[i] == '"' && len(out) <= maxFields {
		end := skipString(b, i)
		key := decodeString(b[i:end])
		i = skipWS(b, end)
		i = skipWS(b, i+1) // the ':'
		end = skipValue(b, i)
		out = append(out, member{key: key, val: b[i:end]})
		i = skipWS(b, end)
		if b[i] != ',' {
			break
		}
		i = skipWS(b, i+1)
	}
	return out
}

func (o object) get(key string) ([]byte, bool) {
	for i := len(o) - 1; i >= 0; i-- {
		if o[i].key == key {
			return o[i].val, true
		}
	}
	return nil, false
}

// extras returns the fields of o not named in known, compacted (nil if none), and how many there are.
// With more than MaxItems of them it stops early and returns nil.
func (o object) extras(known ...string) (map[string]json.RawMessage, int) {
	var out map[string]json.RawMessage
	for _, m := range o {
		if slices.Contains(known, m.key) {
			continue
		}
		if out == nil {
			out = make(map[string]json.RawMessage)
		}
		if _, dup := out[m.key]; !dup && len(out) >= MaxItems {
			return nil, len(out) + 1
		}
		var b bytes.Buffer
		b.Grow(len(m.val))
		if err := json.Compact(&b, m.val); err != nil {
			out[m.key] = append(json.RawMessage(nil), m.val...)
			continue
		}
		out[m.key] = json.RawMessage(b.Bytes())
	}
	return out, len(out)
}

// kind names the JSON type of the valid JSON value v.
func kind(v []byte) string {
	v = trimWS(v)
	if len(v) == 0 {
		return "nothing"
	}
	switch v[0] {
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

// decodeString decodes a valid JSON string. Without escapes it is the text between the quotes (UTF-8
// validity was checked for the whole document).
func decodeString(v []byte) string {
	inner := v[1 : len(v)-1]
	if bytes.IndexByte(inner, '\\') < 0 {
		return string(inner)
	}
	var s string
	_ = json.Unmarshal(v, &s)
	return s
}

// problems collects validation failures for one invalid_registration error.
type problems struct {
	list  []string
	total int
}

func (p *problems) add(format string, args ...any) {
	p.total++
	if len(p.list) < MaxListedProblems {
		p.list = append(p.list, fmt.Sprintf(format, args...))
	}
}

func (p *problems) err() *Error {
	if p.total == 0 {
		return nil
	}
	shown := p.list[:min(len(p.list), maxProblems)]
	msg := strings.Join(shown, "; ")
	if more := p.total - len(shown); more > 0 {
		msg += fmt.Sprintf("; and %d more", more)
	}
	e := newError(CodeInvalidRegistration, false, nil, "%s", msg)
	e.Problems = p.list
	return e
}

// join names field key of the object at path ("" for the document itself).
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// str reads obj[key] as a string. A missing or null optional field yields ("", false) silently; a missing
// required one, or a value of another type, is a problem.
func (p *problems) str(obj object, key, path string, required bool) (string, bool) {
	v, ok := obj.get(key)
	if !ok || (!required && kind(v) == "null") {
		if required {
			p.add("%s: missing", join(path, key))
		}
		return "", false
	}
	if k := kind(v); k != "string" {
		p.add("%s: want string, got %s", join(path, key), k)
		return "", false
	}
	return decodeString(v), true
}

// array reads obj[key] as an array of at most MaxItems elements; absent or null yields (nil, false)
// silently.
func (p *problems) array(obj object, key, path string) ([][]byte, bool) {
	v, ok := obj.get(key)
	if !ok || kind(v) == "null" {
		return nil, false
	}
	if k := kind(v); k != "array" {
		p.add("%s: want array, got %s", join(path, key), k)
		return nil, false
	}
	items := elements(v, MaxItems)
	if len(items) > MaxItems {
		p.add("%s: more than %d entries", join(path, key), MaxItems)
		return nil, false
	}
	return items, true
}

// strings reads obj[key] as an array of strings; nil when absent, null or wrong.
func (p *problems) strings(obj object, key, path string) []string {
	items, ok := p.array(obj, key, path)
	if !ok {
		return nil
	}
	out := make([]string, 0, len(items))
	bad := false
	for i, item := range items {
		if k := kind(item); k != "string" {
			p.add("%s[%d]: want string, got %s", join(path, key), i, k)
			bad = true
			continue
		}
		out = append(out, decodeString(item))
	}
	if bad {
		return nil
	}
	return out
}

// boolean reads obj[key] as a boolean; nil when absent or null.
func (p *problems) boolean(obj object, key string) *bool {
	v, ok := obj.get(key)
	if !ok || kind(v) == "null" {
		return nil
	}
	if k := kind(v); k != "boolean" {
		p.add("%s: want boolean, got %s", key, k)
		return nil
	}
	b := v[0] == 't'
	return &b
}

// object splits item as an object, reporting a problem under path otherwise.
func (p *problems) object(path string, item []byte) (object, bool) {
	if k := kind(item); k != "object" {
		p.add("%s: want object, got %s", path, k)
		return nil, false
	}
	obj := members(item)
	if len(obj) > maxFields {
		p.add("%s: more than %d fields", path, maxFields)
		return nil, false
	}
	return obj, true
}

// extras is object.extras that reports too many unknown fields as a problem under path.
func (p *problems) extras(obj object, path string, known ...string) map[string]json.RawMessage {
	extra, n := obj.extras(known...)
	if n > MaxItems {
		p.add("%s: %d unknown fields, want at most %d", path, n, MaxItems)
	}
	return extra
}

func (p *problems) service(path string, item []byte) (Service, bool) {
	obj, ok := p.object(path, item)
	if !ok {
		return Service{}, false
	}
	before := p.total
	var s Service
	if v, ok := p.str(obj, "name", path, true); ok {
		if strings.TrimSpace(v) == "" {
			p.add("%s.name: empty", path)
		}
		s.Name = v
	}
	if v, ok := p.str(obj, "endpoint", path, true); ok {
		if strings.TrimSpace(v) == "" {
			p.add("%s.endpoint: empty", path)
		}
		s.Endpoint = v
	}
	s.Version, _ = p.str(obj, "version", path, false)
	s.Skills = p.strings(obj, "skills", path)
	s.Domains = p.strings(obj, "domains", path)
	s.Extra = p.extras(obj, path, "name", "endpoint", "version", "skills", "domains")
	return s, p.total == before
}

// maxUint256 is 2^256 - 1, the largest token id.
var maxUint256 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))

func (p *problems) registrationRef(path string, item []byte) (RegistrationRef, bool) {
	obj, ok := p.object(path, item)
	if !ok {
		return RegistrationRef{}, false
	}
	before := p.total
	var ref RegistrationRef
	switch v, ok := obj.get("agentId"); {
	case !ok:
		p.add("%s.agentId: missing", path)
	case kind(v) == "number" || kind(v) == "string":
		text := string(v)
		if kind(v) == "string" {
			text = strings.TrimSpace(decodeString(v))
		}
		id, ok := parseAgentID(text)
		if !ok {
			p.add("%s.agentId: want a non-negative integer below 2^256, got %s", path, truncate(string(v), 80))
			break
		}
		ref.AgentID = id
	default:
		p.add("%s.agentId: want number or decimal string, got %s", path, kind(v))
	}
	if v, ok := p.str(obj, "agentRegistry", path, true); ok {
		if strings.TrimSpace(v) == "" {
			p.add("%s.agentRegistry: empty", path)
		}
		ref.AgentRegistry = v
	}
	ref.Extra = p.extras(obj, path, "agentId", "agentRegistry")
	return ref, p.total == before
}

// parseAgentID accepts a decimal integer (leading zeros allowed) in uint256 range and returns it without
// leading zeros.
func parseAgentID(text string) (string, bool) {
	if text == "" || len(text) > 100 {
		return "", false
	}
	for i := 0; i < len(text); i++ {
		if text[i] < '0' || text[i] > '9' {
			return "", false
		}
	}
	n, ok := new(big.Int).SetString(text, 10)
	if !ok || n.Cmp(maxUint256) > 0 {
		return "", false
	}
	return n.String(), true
}

// MarshalJSON encodes the registration in its canonical form (see Registration.Canonical), except that
// encoding/json escapes HTML characters in the result.
func (r Registration) MarshalJSON() ([]byte, error) { return r.canonical() }

// canonical re-marshals r: known fields under their canonical names (`services`, never `endpoints`),
// extras kept, keys sorted, no HTML escaping.
func (r Registration) canonical() ([]byte, error) {
	m := make(map[string]any, len(r.Extra)+9)
	for k, v := range r.Extra {
		m[k] = v
	}
	if r.Type != "" {
		m["type"] = r.Type
	}
	m["name"] = r.Name
	if r.Description != "" {
		m["description"] = r.Description
	}
	if r.Image != "" {
		m["image"] = r.Image
	}
	if r.Services != nil {
		services := make([]any, len(r.Services))
		for i, s := range r.Services {
			services[i] = s.fields()
		}
		m["services"] = services
	}
	if r.X402Support != nil {
		m["x402Support"] = *r.X402Support
	}
	if r.Active != nil {
		m["active"] = *r.Active
	}
	if r.Registrations != nil {
		refs := make([]any, len(r.Registrations))
		for i, ref := range r.Registrations {
			refs[i] = ref.fields()
		}
		m["registrations"] = refs
	}
	if r.SupportedTrust != nil {
		m["supportedTrust"] = r.SupportedTrust
	}
	return encodeCanonical(m)
}

// MarshalJSON encodes the service as it appears in a canonical registration file.
func (s Service) MarshalJSON() ([]byte, error) { return encodeCanonical(s.fields()) }

func (s Service) fields() map[string]any {
	m := make(map[string]any, len(s.Extra)+5)
	for k, v := range s.Extra {
		m[k] = v
	}
	m["name"] = s.Name
	m["endpoint"] = s.Endpoint
	if s.Version != "" {
		m["version"] = s.Version
	}
	if s.Skills != nil {
		m["skills"] = s.Skills
	}
	if s.Domains != nil {
		m["domains"] = s.Domains
	}
	return m
}

// MarshalJSON encodes the reference with agentId as a JSON number.
func (ref RegistrationRef) MarshalJSON() ([]byte, error) { return encodeCanonical(ref.fields()) }

func (ref RegistrationRef) fields() map[string]any {
	m := make(map[string]any, len(ref.Extra)+2)
	for k, v := range ref.Extra {
		m[k] = v
	}
	m["agentId"] = json.Number(ref.AgentID)
	m["agentRegistry"] = ref.AgentRegistry
	return m
}

func encodeCanonical(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
