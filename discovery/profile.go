// Package discovery turns a validated ERC-8004 registration file and its typed capability declarations into
// the search document the gateway queries (the agent_profiles and agent_capabilities tables of
// postgres/migrations/00004_discovery.sql), and writes it in the caller's transaction.
package discovery

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/agoralabs/agora/capability"
	"github.com/agoralabs/agora/indexer/regfile"
)

// Profile is one agent's search document.
type Profile struct {
	Name, Description, Image string
	Active                   *bool
	X402Support              bool
	SupportedTrust           []string
	ServiceNames             []string
	MCPTools, A2ASkills      []string
	OASFSkills, OASFDomains  []string
	Languages                []string
	InputTypes, OutputTypes  []string
	Jurisdictions            []string
	DataClasses              []string
	Attestations             []string
	RiskClasses              []string
	PricingModels            []string
	Tokens, TokenSymbols     []string
	MinPrice                 *big.Int // nil without capabilities
	MinP95Ms                 *int64   // nil when no capability declares one
	Capabilities             []capability.Capability
	Problems                 []capability.Problem
	// SearchText holds every searchable word; the weighted parts feed the tsvector.
	SearchText                 string
	TextA, TextB, TextC, TextD string
	DocHash                    []byte
	Registration               json.RawMessage

	declarations []json.RawMessage // the file's capabilities array, entry by entry
}

// NewProfile builds the profile of a registration file.
func NewProfile(reg *regfile.Registration) *Profile {
	caps, problems := capability.Extract(reg.Extra)
	p := &Profile{
		Name: reg.Name, Description: reg.Description, Image: reg.Image, Active: reg.Active,
		X402Support: reg.X402Support != nil && *reg.X402Support, SupportedTrust: set(reg.SupportedTrust, false),
		Capabilities: caps, Problems: problems, Registration: reg.Canonical,
	}
	_ = json.Unmarshal(reg.Extra["capabilities"], &p.declarations) // not an array: Extract reported it
	if p.Problems == nil {
		p.Problems = []capability.Problem{}
	}
	var names, mcp, a2a, skills, domains, serviceText []string
	for _, s := range reg.Services {
		name := strings.ToLower(strings.TrimSpace(s.Name))
		names = append(names, name)
		serviceText = append(serviceText, s.Name)
		switch name {
		case "oasf":
			skills = append(skills, s.Skills...)
			domains = append(domains, s.Domains...)
		case "mcp":
			mcp = append(mcp, s.Skills...) // MCP services may list their tools as skills
		case "a2a":
			a2a = append(a2a, s.Skills...)
		}
	}
	var langs, ins, outs, juris, classes, atts, risks, models, tokens, symbols, capNames, capDescs []string
	for _, c := range caps {
		capNames = append(capNames, c.Name)
		capNames = append(capNames, c.Tags...)
		capDescs = append(capDescs, c.Description)
		mcp = append(mcp, c.MCPTools...)
		a2a = append(a2a, c.A2ASkills...)
		skills = append(skills, c.OASFSkills...)
		domains = append(domains, c.OASFDomains...)
		langs = append(langs, c.Languages...)
		ins = append(ins, typeRefs(c.Inputs)...)
		outs = append(outs, typeRefs(c.Outputs)...)
		juris = append(juris, c.Jurisdictions...)
		classes = append(classes, c.DataClasses...)
		atts = append(atts, c.Compliance.Attestations...)
		if c.Compliance.EUAIActRiskClass != "" {
			risks = append(risks, c.Compliance.EUAIActRiskClass)
		}
		models = append(models, c.Pricing.Model)
		tokens = append(tokens, strings.ToLower(c.Pricing.Token.Hex()))
		if c.Pricing.Symbol != "" {
			symbols = append(symbols, c.Pricing.Symbol)
		}
		if c.Pricing.Amount != nil && (p.MinPrice == nil || c.Pricing.Amount.Cmp(p.MinPrice) < 0) {
			p.MinPrice = new(big.Int).Set(c.Pricing.Amount)
		}
		if ms := c.SLA.P95LatencyMs; ms != nil && (p.MinP95Ms == nil || *ms < *p.MinP95Ms) {
			v := *ms
			p.MinP95Ms = &v
		}
	}
	p.ServiceNames = set(names, true)
	p.MCPTools, p.A2ASkills = set(mcp, true), set(a2a, true)
	p.OASFSkills, p.OASFDomains = set(skills, true), set(domains, true)
	p.Languages = set(langs, true)
	p.InputTypes, p.OutputTypes = set(ins, true), set(outs, true)
	p.Jurisdictions = set(juris, false)
	p.DataClasses, p.Attestations, p.RiskClasses = set(classes, true), set(atts, true), set(risks, true)
	p.PricingModels, p.Tokens, p.TokenSymbols = set(models, true), set(tokens, true), set(symbols, true)

	var rest []string
	rest = append(rest, serviceText...)
	for _, c := range caps {
		rest = append(rest, c.SearchText())
	}
	p.TextA = reg.Name
	p.TextB = strings.Join(capNames, " ")
	p.TextC = strings.Join(append([]string{reg.Description}, capDescs...), " ")
	p.TextD = strings.Join(append(rest, p.MCPTools...), " ")
	p.SearchText = strings.Join(nonEmpty(p.TextA, p.TextB, p.TextC, p.TextD), " ")
	sum := sha256.Sum256([]byte(p.SearchText))
	p.DocHash = sum[:]
	return p
}

func typeRefs(refs []capability.TypeRef) []string {
	out := make([]string, 0, len(refs))
	for _, r := range refs {
		if r.MediaType != "" {
			out = append(out, r.MediaType)
		} else if r.Schema != "" {
			out = append(out, r.Schema)
		}
	}
	return out
}

// set returns the distinct non-empty values of in, sorted, lowercased when lower is set; never nil.
func set(in []string, lower bool) []string {
	out := make([]string, 0, len(in))
	for _, s := range in {
		s = strings.TrimSpace(s)
		if lower {
			s = strings.ToLower(s)
		}
		if s != "" {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func nonEmpty(parts ...string) []string {
	out := parts[:0:0]
	for _, s := range parts {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// Words splits text into lowercase words of letters and digits (at most max of them when max > 0),
// skipping words longer than 64 characters: the vocabulary that text queries are corrected against.
func Words(text string, max int) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if max > 0 && len(out) == max {
			break
		}
		if utf8.RuneCountInString(w) <= 64 {
			out = append(out, w)
		}
	}
	return out
}

// Save replaces the agent's profile and capabilities with p in tx.
func Save(ctx context.Context, tx pgx.Tx, agentID *big.Int, uri string, p *Profile) error {
	problems, err := json.Marshal(p.Problems)
	if err != nil {
		return fmt.Errorf("discovery: problems: %w", err)
	}
	var minPrice any
	if p.MinPrice != nil {
		minPrice = p.MinPrice.String()
	}
	id := agentID.String()
	if _, err := tx.Exec(ctx, `DELETE FROM agent_capabilities WHERE agent_id = $1::text::numeric`, id); err != nil {
		return fmt.Errorf("discovery: clear capabilities of agent %s: %w", id, err)
	}
	_, err = tx.Exec(ctx, `INSERT INTO agent_profiles AS p (agent_id, agent_uri, name, description, image, active,
		x402_support, supported_trust, service_names, mcp_tools, a2a_skills, oasf_skills, oasf_domains, languages,
		input_types, output_types, jurisdictions, data_classes, attestations, risk_classes, pricing_models, tokens,
		token_symbols, min_price, min_p95_ms, capability_count, capability_problems, search_text, tsv, tsv_rank,
		doc_hash, registration, updated_at)
	VALUES ($1::text::numeric, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
		$21, $22, $23, $24::text::numeric, $25, $26, $27::jsonb, $28,
		setweight(to_tsvector('simple', $29), 'A') || setweight(to_tsvector('english', $30), 'B') ||
		setweight(to_tsvector('english', $31), 'C') || setweight(to_tsvector('english', $32), 'D'),
		setweight(to_tsvector('simple', $29), 'A') || setweight(to_tsvector('english', $30), 'B'),
		$33, $34::jsonb, now())
	ON CONFLICT (agent_id) DO UPDATE SET agent_uri = EXCLUDED.agent_uri, name = EXCLUDED.name,
		description = EXCLUDED.description, image = EXCLUDED.image, active = EXCLUDED.active,
		x402_support = EXCLUDED.x402_support, supported_trust = EXCLUDED.supported_trust,
		service_names = EXCLUDED.service_names, mcp_tools = EXCLUDED.mcp_tools, a2a_skills = EXCLUDED.a2a_skills,
		oasf_skills = EXCLUDED.oasf_skills, oasf_domains = EXCLUDED.oasf_domains, languages = EXCLUDED.languages,
		input_types = EXCLUDED.input_types, output_types = EXCLUDED.output_types,
		jurisdictions = EXCLUDED.jurisdictions, data_classes = EXCLUDED.data_classes,
		attestations = EXCLUDED.attestations, risk_classes = EXCLUDED.risk_classes,
		pricing_models = EXCLUDED.pricing_models, tokens = EXCLUDED.tokens, token_symbols = EXCLUDED.token_symbols,
		min_price = EXCLUDED.min_price, min_p95_ms = EXCLUDED.min_p95_ms,
		capability_count = EXCLUDED.capability_count, capability_problems = EXCLUDED.capability_problems,
		search_text = EXCLUDED.search_text, tsv = EXCLUDED.tsv, tsv_rank = EXCLUDED.tsv_rank, doc_hash = EXCLUDED.doc_hash,
		registration = EXCLUDED.registration, updated_at = now()`,
		id, uri, p.Name, p.Description, p.Image, p.Active, p.X402Support, p.SupportedTrust, p.ServiceNames,
		p.MCPTools, p.A2ASkills, p.OASFSkills, p.OASFDomains, p.Languages, p.InputTypes, p.OutputTypes,
		p.Jurisdictions, p.DataClasses, p.Attestations, p.RiskClasses, p.PricingModels, p.Tokens, p.TokenSymbols,
		minPrice, p.MinP95Ms, len(p.Capabilities), string(problems), p.SearchText,
		p.TextA, p.TextB, p.TextC, p.TextD, p.DocHash, string(p.Registration))
	if err != nil {
		return fmt.Errorf("discovery: save profile of agent %s: %w", id, err)
	}
	// Sorted, so that concurrent writers take the words' locks in one order.
	if _, err := tx.Exec(ctx, `INSERT INTO search_words (word) SELECT DISTINCT w FROM unnest($1::text[]) AS w
		ORDER BY w ON CONFLICT DO NOTHING`, Words(p.SearchText, 0)); err != nil {
		return fmt.Errorf("discovery: search words of agent %s: %w", id, err)
	}
	if len(p.Capabilities) == 0 {
		return nil
	}
	rows := make([][]any, 0, len(p.Capabilities))
	for _, c := range p.Capabilities {
		if c.Index < 0 || c.Index >= len(p.declarations) {
			return fmt.Errorf("discovery: capability %d of agent %s has no declaration", c.Index, id)
		}
		decl := p.declarations[c.Index]
		rows = append(rows, []any{id, c.Index, c.Name, c.Description, set(c.Tags, true), set(c.Languages, true),
			set(typeRefs(c.Inputs), true), set(typeRefs(c.Outputs), true), c.Pricing.Model, c.Pricing.Amount.String(),
			c.Pricing.Token.Bytes(), c.Pricing.Symbol, c.Pricing.Decimals, c.Pricing.Unit, c.SLA.P95LatencyMs,
			c.SLA.ThroughputPerMinute, set(c.Jurisdictions, false), set(c.DataClasses, true),
			set(c.Compliance.Attestations, true), c.Compliance.EUAIActRiskClass, set(c.MCPTools, true),
			set(c.A2ASkills, true), set(c.OASFSkills, true), set(c.OASFDomains, true), string(decl)})
	}
	batch := &pgx.Batch{}
	for _, r := range rows {
		batch.Queue(`INSERT INTO agent_capabilities (agent_id, idx, name, description, tags, languages, input_types,
			output_types, pricing_model, price, token, token_symbol, token_decimals, price_unit, p95_ms,
			throughput_per_minute, jurisdictions, data_classes, attestations, risk_class, mcp_tools, a2a_skills,
			oasf_skills, oasf_domains, declaration)
		VALUES ($1::text::numeric, $2, $3, $4, $5, $6, $7, $8, $9, $10::text::numeric, $11, $12, $13, $14, $15, $16,
			$17, $18, $19, $20, $21, $22, $23, $24, $25::jsonb)`, r...)
	}
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return fmt.Errorf("discovery: save capabilities of agent %s: %w", id, err)
	}
	return nil
}

// Delete removes the agent's profile (and by cascade its capabilities and embeddings) in tx.
func Delete(ctx context.Context, tx pgx.Tx, agentID *big.Int) error {
	if _, err := tx.Exec(ctx, `DELETE FROM agent_profiles WHERE agent_id = $1::text::numeric`, agentID.String()); err != nil {
		return fmt.Errorf("discovery: delete profile of agent %s: %w", agentID, err)
	}
	return nil
}
