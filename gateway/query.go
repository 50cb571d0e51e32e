package gateway

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"math"
	"math/big"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"

	"github.com/agoralabs/agora/discovery"
)

// searchQuery is a parsed GET /v1/agents request.
type searchQuery struct {
	Text  string
	Words []string // Text split into searchable words (letters and digits)
	Mode  string   // text, vector or hybrid
	Sort  string   // relevance, price, reputation or latency
	Limit int
	After *cursor

	// Agent-level filters.
	Owner          *common.Address
	SupportedTrust []string
	X402           *bool
	Active         *bool
	Online         *bool
	MinReputation  *float64
	MCPTools       []string
	A2ASkills      []string
	OASFSkills     []string
	OASFDomains    []string

	// Capability-level filters: one capability must meet all of them.
	Capability    string
	Inputs        []string
	Outputs       []string
	Languages     []string
	Jurisdictions []string
	DataClasses   []string
	Compliance    []string
	RiskClasses   []string
	PricingModels []string
	Token         *common.Address
	TokenSymbol   string
	MaxPrice      *big.Int
	MaxLatencyMs  *int64
	MinThroughput *int64

	hash string // identifies the query for cursors: every parameter but cursor and limit
}

// offset is how many results came before the cursor's page.
func (q *searchQuery) offset() int {
	if q.After == nil {
		return 0
	}
	return q.After.Pos
}

func (q *searchQuery) capabilityFiltered() bool {
	return q.Capability != "" || len(q.Inputs)+len(q.Outputs)+len(q.Languages)+len(q.Jurisdictions)+
		len(q.DataClasses)+len(q.Compliance)+len(q.RiskClasses)+len(q.PricingModels) > 0 ||
		q.Token != nil || q.TokenSymbol != "" || q.MaxPrice != nil || q.MaxLatencyMs != nil || q.MinThroughput != nil
}

// Search parameters and whether each may repeat. Anything else is refused, so that a misspelt filter is an
// error rather than a silently broader answer.
var searchParams = map[string]bool{
	"q": false, "mode": false, "sort": false, "limit": false, "cursor": false,
	"owner": false, "supportedTrust": true, "x402": false, "active": false, "online": false, "minReputation": false,
	"mcpTool": true, "a2aSkill": true, "oasfSkill": true, "oasfDomain": true,
	"capability": false, "input": true, "output": true, "language": true, "jurisdiction": true, "dataClass": true,
	"compliance": true, "riskClass": true, "pricingModel": true, "token": false, "maxPrice": false,
	"maxLatencyMs": false, "minThroughput": false,
}

var (
	dataClasses   = []string{"public", "pii", "phi", "financial", "biometric", "children"}
	attestations  = []string{"hipaa", "soc2-type1", "soc2-type2", "iso27001", "gdpr", "pci-dss", "fedramp-moderate", "fedramp-high", "ccpa"}
	riskClasses   = []string{"minimal", "limited", "high", "gpai", "gpai-systemic"}
	pricingModels = []string{"per_call", "per_unit", "per_outcome"}
	trustModels   = []string{"reputation", "crypto-economic", "tee-attestation"}
	mediaTypeRe   = regexp.MustCompile(`^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/([a-z0-9][a-z0-9!#$&^_.+-]{0,126}|\*)$`)
	languageRe    = regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]{2,8})*$`)
	jurisdictRe   = regexp.MustCompile(`^([A-Z]{2}|EU|GLOBAL)$`)
	symbolRe      = regexp.MustCompile(`^[A-Za-z0-9.$_-]{1,16}$`)
	keyRe         = regexp.MustCompile(`^(none|-?[0-9]{1,80}(\.[0-9]{1,40})?)$`)
)

// parseSearch validates the query string of GET /v1/agents.
func (s *Server) parseSearch(values url.Values) (*searchQuery, *Problem) {
	bad := func(format string, args ...any) (*searchQuery, *Problem) {
		return nil, problem(http.StatusBadRequest, CodeInvalidQuery, format, args...)
	}
	for name, vs := range values {
		repeat, known := searchParams[name]
		if !known {
			return bad("unknown parameter %q", clip(name))
		}
		if len(vs) > 1 && !repeat {
			return bad("parameter %q given %d times", name, len(vs))
		}
		if len(vs) > 32 {
			return bad("parameter %q given more than 32 times", name)
		}
		for _, v := range vs {
			if v == "" {
				return bad("parameter %q is empty", name)
			}
			if !utf8.ValidString(v) {
				return bad("parameter %q is not UTF-8", name)
			}
		}
	}
	q := &searchQuery{Limit: 20}
	q.Text = strings.TrimSpace(values.Get("q"))
	if n := utf8.RuneCountInString(q.Text); n > s.cfg.MaxTextQuery {
		return nil, problem(http.StatusBadRequest, CodeQueryTooLong, "q has %d characters, the limit is %d", n, s.cfg.MaxTextQuery)
	}
	q.Words = discovery.Words(q.Text, 16)
	if q.Text != "" && len(q.Words) == 0 {
		return bad("q has no letters or digits to search for")
	}

	q.Mode = values.Get("mode")
	switch q.Mode {
	case "":
		q.Mode = "hybrid"
	case "text", "vector", "hybrid":
	default:
		return bad("mode %q: want text, vector or hybrid", clip(q.Mode))
	}
	q.Sort = values.Get("sort")
	switch q.Sort {
	case "":
		q.Sort = "reputation"
		if q.Text != "" {
			q.Sort = "relevance"
		}
	case "relevance":
		if q.Text == "" {
			return bad("sort=relevance needs a text query q")
		}
	case "price", "reputation", "latency":
	default:
		return bad("sort %q: want relevance, price, reputation or latency", clip(q.Sort))
	}
	if v := values.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			return bad("limit %q: want an integer from 1 to 100", clip(v))
		}
		q.Limit = n
	}

	var p *Problem
	if v := values.Get("owner"); v != "" {
		if q.Owner, p = address("owner", v); p != nil {
			return nil, p
		}
	}
	if q.SupportedTrust, p = oneOf("supportedTrust", values["supportedTrust"], trustModels); p != nil {
		return nil, p
	}
	for name, dst := range map[string]**bool{"x402": &q.X402, "active": &q.Active, "online": &q.Online} {
		if v := values.Get(name); v != "" {
			b, err := strconv.ParseBool(v)
			if err != nil || (v != "true" && v != "false") {
				return bad("%s %q: want true or false", name, clip(v))
			}
			*dst = &b
		}
	}
	if v := values.Get("minReputation"); v != "" {
		f, ok := parseFinite(v)
		if !ok || f < 0 || f > 100 {
			return bad("minReputation %q: want a number from 0 to 100", clip(v))
		}
		q.MinReputation = &f
	}
	for name, dst := range map[string]*[]string{"mcpTool": &q.MCPTools, "a2aSkill": &q.A2ASkills,
		"oasfSkill": &q.OASFSkills, "oasfDomain": &q.OASFDomains} {
		for _, v := range values[name] {
			if len(v) > 200 {
				return bad("%s is longer than 200 characters", name)
			}
			*dst = append(*dst, strings.ToLower(v))
		}
	}

	if v := values.Get("capability"); v != "" {
		if utf8.RuneCountInString(v) > 100 {
			return bad("capability is longer than 100 characters")
		}
		q.Capability = v
	}
	for name, dst := range map[string]*[]string{"input": &q.Inputs, "output": &q.Outputs} {
		for _, v := range values[name] {
			v = strings.ToLower(v)
			if !mediaTypeRe.MatchString(v) {
				return bad("%s %q: want a media type such as application/pdf", name, clip(v))
			}
			*dst = append(*dst, v)
		}
	}
	for _, v := range values["language"] {
		v = strings.ToLower(v)
		if !languageRe.MatchString(v) {
			return bad("language %q: want a BCP 47 tag such as vi or en-US", clip(v))
		}
		q.Languages = append(q.Languages, v)
	}
	for _, v := range values["jurisdiction"] {
		v = strings.ToUpper(v)
		if !jurisdictRe.MatchString(v) {
			return bad("jurisdiction %q: want an ISO 3166-1 alpha-2 code, EU or GLOBAL", clip(v))
		}
		q.Jurisdictions = append(q.Jurisdictions, v)
	}
	lower := func(vs []string) []string {
		out := make([]string, len(vs))
		for i, v := range vs {
			out[i] = strings.ToLower(v)
		}
		return out
	}
	if q.DataClasses, p = oneOf("dataClass", lower(values["dataClass"]), dataClasses); p != nil {
		return nil, p
	}
	if q.Compliance, p = oneOf("compliance", lower(values["compliance"]), attestations); p != nil {
		return nil, p
	}
	if q.RiskClasses, p = oneOf("riskClass", lower(values["riskClass"]), riskClasses); p != nil {
		return nil, p
	}
	if q.PricingModels, p = oneOf("pricingModel", values["pricingModel"], pricingModels); p != nil {
		return nil, p
	}
	if v := values.Get("token"); v != "" {
		if strings.HasPrefix(v, "0x") {
			if q.Token, p = address("token", v); p != nil {
				return nil, p
			}
		} else if symbolRe.MatchString(v) {
			q.TokenSymbol = strings.ToLower(v)
		} else {
			return bad("token %q: want a 0x address or a symbol such as USDC", clip(v))
		}
	}
	if v := values.Get("maxPrice"); v != "" {
		n, ok := decimal(v)
		if !ok || n.Cmp(maxUint256) > 0 {
			return bad("maxPrice %q: want a decimal amount in the token's base units", clip(v))
		}
		q.MaxPrice = n
	}
	for name, dst := range map[string]**int64{"maxLatencyMs": &q.MaxLatencyMs, "minThroughput": &q.MinThroughput} {
		if v := values.Get(name); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n < 0 || n > 1<<40 {
				return bad("%s %q: want a non-negative integer", name, clip(v))
			}
			*dst = &n
		}
	}
	if q.Text == "" && values.Get("mode") != "" {
		return bad("mode %s needs a text query q", q.Mode)
	}

	// The hash covers every parameter but cursor and limit, in a canonical order.
	canon := url.Values{}
	for k, vs := range values {
		if k != "cursor" && k != "limit" {
			sorted := slices.Clone(vs)
			slices.Sort(sorted)
			canon[k] = sorted
		}
	}
	sum := sha256.Sum256([]byte(canon.Encode()))
	q.hash = hex.EncodeToString(sum[:8])
	if v := values.Get("cursor"); v != "" {
		c, p := decodeCursor(v, q.hash)
		if p != nil {
			return nil, p
		}
		q.After = c
	}
	return q, nil
}

// parseFinite parses a float parameter. strconv.ParseFloat also takes NaN and infinities ("NaN", "inf",
// "+Infinity", in any case), which no filter means; NaN would even pass every range check, as it compares
// false with everything.
func parseFinite(v string) (float64, bool) {
	f, err := strconv.ParseFloat(v, 64)
	return f, err == nil && !math.IsNaN(f) && !math.IsInf(f, 0)
}

func address(name, v string) (*common.Address, *Problem) {
	if !strings.HasPrefix(v, "0x") || !common.IsHexAddress(v) {
		return nil, problem(http.StatusBadRequest, CodeInvalidQuery, "%s %q: want a 0x-prefixed 20-byte address", name, clip(v))
	}
	a := common.HexToAddress(v)
	return &a, nil
}

func oneOf(name string, vs, allowed []string) ([]string, *Problem) {
	for _, v := range vs {
		if !slices.Contains(allowed, v) {
			return nil, problem(http.StatusBadRequest, CodeInvalidQuery, "%s %q: want one of %s", name, clip(v),
				strings.Join(allowed, ", "))
		}
	}
	return vs, nil
}

// cursor is the position after the last result of a page: its sort key and agent id. It is bound to the
// query that produced it by the query's hash.
type cursor struct {
	Version int    `json:"v"`
	Query   string `json:"q"`
	Key     string `json:"k"`
	ID      string `json:"i"`
	Pos     int    `json:"n,omitempty"` // results before this point (vector search fetches that many more)
}

func encodeCursor(queryHash, key, id string, pos int) string {
	b, _ := json.Marshal(cursor{Version: 1, Query: queryHash, Key: key, ID: id, Pos: pos})
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(v, queryHash string) (*cursor, *Problem) {
	bad := problem(http.StatusBadRequest, CodeInvalidCursor, "cursor is not one this query returned")
	if len(v) > 512 {
		return nil, bad
	}
	raw, err := base64.RawURLEncoding.DecodeString(v)
	if err != nil {
		return nil, bad
	}
	var c cursor
	if json.Unmarshal(raw, &c) != nil || c.Version != 1 || c.Query != queryHash || !keyRe.MatchString(c.Key) ||
		c.Pos < 0 || c.Pos > 1_000_000 {
		return nil, bad
	}
	if _, ok := decimal(c.ID); !ok {
		return nil, bad
	}
	return &c, nil
}
