// Package capability reads the typed capability declarations that Agora agents carry in their ERC-8004
// registration files.
//
// A registration file may hold, next to the fields of the standard, a top-level "capabilities" array whose
// entries follow the versioned JSON Schema in schema/ (SchemaV1, served by the gateway as
// capability-v1.json), and an optional top-level "capabilitiesSchema" string naming that schema. Extract
// validates every entry on its own: valid entries become Capability values, invalid ones become Problems
// that say where and why, so that a bad declaration is reported for its agent and never silently dropped.
package capability

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// SchemaV1 is the $id of the first capability schema and the only value of "capabilitiesSchema" this
// package supports. A registration file without "capabilitiesSchema" is read as SchemaV1.
const SchemaV1 = "urn:agora:schema:capability:v1"

// The registration fields this package reads.
const (
	// FieldCapabilities is the top-level field holding the array of capability declarations.
	FieldCapabilities = "capabilities"
	// FieldSchema is the top-level field naming the schema of the declarations.
	FieldSchema = "capabilitiesSchema"
)

// MaxCapabilities bounds the declarations checked per registration file; the rest are reported as one
// Problem with CodeTooMany and ignored.
const MaxCapabilities = 64

// MaxProblemsPerCapability bounds the problems reported for one declaration; when there are more, the
// last one reported says how many were left out.
const MaxProblemsPerCapability = 20

// Pricing models (the values of Pricing.Model).
const (
	PerCall    = "per_call"    // Amount per request
	PerUnit    = "per_unit"    // Amount per Pricing.Unit of work
	PerOutcome = "per_outcome" // Amount per Pricing.Outcome achieved, nothing otherwise
)

// Capability is one valid capability declaration of an agent. Optional fields the file leaves out are
// zero (nil slices, "" strings, nil pointers). It marshals to JSON in the layout of the v1 schema, plus
// "index".
type Capability struct {
	// Index is the position of the declaration in the registration file's "capabilities" array, so that
	// problems and capabilities of one file can be matched up.
	Index int `json:"index"`
	// Name is the declaration's short name (1..100 characters, not blank).
	Name string `json:"name"`
	// Description says what the capability does (at most 4000 characters).
	Description string `json:"description,omitempty"`
	// Tags are free-form search keywords.
	Tags []string `json:"tags,omitempty"`
	// Languages are BCP 47 language tags, kept as written (e.g. "vi", "en-US").
	Languages []string `json:"languages,omitempty"`
	// Inputs are the types the capability accepts.
	Inputs []TypeRef `json:"inputs,omitempty"`
	// Outputs are the types the capability returns.
	Outputs []TypeRef `json:"outputs,omitempty"`
	// Pricing is what one use costs; always present.
	Pricing Pricing `json:"pricing"`
	// SLA holds the declared service levels; its fields are nil when not declared.
	SLA SLA `json:"sla"`
	// Jurisdictions are ISO 3166-1 alpha-2 codes, "EU" or "GLOBAL".
	Jurisdictions []string `json:"jurisdictions,omitempty"`
	// DataClasses are among "public", "pii", "phi", "financial", "biometric", "children", no duplicates.
	DataClasses []string `json:"dataClasses,omitempty"`
	// Compliance holds the declared attestations and EU AI Act risk class.
	Compliance Compliance `json:"compliance"`
	// MCPTools names the MCP tools implementing the capability.
	MCPTools []string `json:"mcpTools,omitempty"`
	// A2ASkills names the A2A agent card skills implementing the capability.
	A2ASkills []string `json:"a2aSkills,omitempty"`
	// OASFSkills names OASF skills.
	OASFSkills []string `json:"oasfSkills,omitempty"`
	// OASFDomains names OASF domains.
	OASFDomains []string `json:"oasfDomains,omitempty"`
}

// TypeRef is one accepted or produced type: exactly one of MediaType and Schema is set.
type TypeRef struct {
	// MediaType is an RFC 6838 type/subtype in lower case, e.g. "application/pdf"; the subtype may be
	// "*" ("image/*": any image).
	MediaType string `json:"mediaType,omitempty"`
	// Schema is the https://, ipfs:// or urn: URI of a JSON Schema.
	Schema string `json:"schema,omitempty"`
	// Description is free text, e.g. "scanned invoice, 300 dpi or better".
	Description string `json:"description,omitempty"`
}

// Pricing is the price of one use of a capability, in base units of an ERC-20 token.
type Pricing struct {
	// Model is PerCall, PerUnit or PerOutcome.
	Model string `json:"model"`
	// Amount is the price in the token's base units, 0 <= Amount < 2^256; never nil in a Capability
	// returned by Extract. It marshals as a decimal string.
	Amount *big.Int `json:"amount"`
	// Token is the ERC-20 token the price is paid in.
	Token common.Address `json:"token"`
	// Symbol is the token's symbol as declared, for display ("" when absent).
	Symbol string `json:"symbol,omitempty"`
	// Decimals is the token's decimals as declared, for display (nil when absent).
	Decimals *int `json:"decimals,omitempty"`
	// Unit is the unit priced; set when Model is PerUnit, optional otherwise.
	Unit string `json:"unit,omitempty"`
	// Outcome is the outcome paid for; set when Model is PerOutcome, optional otherwise.
	Outcome string `json:"outcome,omitempty"`
}

// pricingJSON is Pricing in the layout of the v1 schema.
type pricingJSON struct {
	Model    string         `json:"model"`
	Amount   string         `json:"amount"`
	Token    common.Address `json:"token"`
	Symbol   string         `json:"symbol,omitempty"`
	Decimals *int           `json:"decimals,omitempty"`
	Unit     string         `json:"unit,omitempty"`
	Outcome  string         `json:"outcome,omitempty"`
}

// MarshalJSON encodes p in the layout of the v1 schema: the amount as a decimal string ("0" when nil),
// the token as lower-case hex.
func (p Pricing) MarshalJSON() ([]byte, error) {
	amount := "0"
	if p.Amount != nil {
		amount = p.Amount.String()
	}
	return json.Marshal(pricingJSON{Model: p.Model, Amount: amount, Token: p.Token, Symbol: p.Symbol,
		Decimals: p.Decimals, Unit: p.Unit, Outcome: p.Outcome})
}

// UnmarshalJSON decodes what MarshalJSON encodes. It checks only that the amount is a decimal integer;
// declarations from registration files go through Extract, which checks everything.
func (p *Pricing) UnmarshalJSON(data []byte) error {
	var w pricingJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return fmt.Errorf("capability: decode pricing: %w", err)
	}
	amount, ok := new(big.Int).SetString(w.Amount, 10)
	if !ok {
		return fmt.Errorf("capability: decode pricing: amount %q is not a decimal integer", truncate(w.Amount, 80))
	}
	*p = Pricing{Model: w.Model, Amount: amount, Token: w.Token, Symbol: w.Symbol, Decimals: w.Decimals,
		Unit: w.Unit, Outcome: w.Outcome}
	return nil
}

// SLA holds declared service levels; nil fields were not declared.
type SLA struct {
	// P95LatencyMs is the 95th percentile latency of one call in milliseconds, 1..86,400,000.
	P95LatencyMs *int64 `json:"p95LatencyMs,omitempty"`
	// ThroughputPerMinute is the sustained requests (or units) per minute, 1..10^9.
	ThroughputPerMinute *int64 `json:"throughputPerMinute,omitempty"`
	// AvailabilityPct is the monthly availability in percent, 0..100.
	AvailabilityPct *float64 `json:"availabilityPct,omitempty"`
}

// Compliance holds the compliance claims of a capability; they are the provider's declarations.
type Compliance struct {
	// Attestations are among "hipaa", "soc2-type1", "soc2-type2", "iso27001", "gdpr", "pci-dss",
	// "fedramp-moderate", "fedramp-high", "ccpa", no duplicates.
	Attestations []string `json:"attestations,omitempty"`
	// EUAIActRiskClass is "minimal", "limited", "high", "gpai", "gpai-systemic" or "" when not declared.
	EUAIActRiskClass string `json:"euAiActRiskClass,omitempty"`
	// Evidence is an https:// or ipfs:// URI where the claims can be checked, or "".
	Evidence string `json:"evidence,omitempty"`
}

// SearchText returns the words of c that full-text search should match, joined by spaces: name,
// description, tags, languages, input and output media types, A2A and OASF skills, OASF domains and MCP
// tools, in that order. Empty values are left out.
func (c Capability) SearchText() string {
	var b strings.Builder
	add := func(s string) {
		if s = strings.TrimSpace(s); s == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	add(c.Name)
	add(c.Description)
	for _, list := range [][]string{c.Tags, c.Languages} {
		for _, s := range list {
			add(s)
		}
	}
	for _, refs := range [][]TypeRef{c.Inputs, c.Outputs} {
		for _, r := range refs {
			add(r.MediaType)
		}
	}
	for _, list := range [][]string{c.A2ASkills, c.OASFSkills, c.OASFDomains, c.MCPTools} {
		for _, s := range list {
			add(s)
		}
	}
	return b.String()
}
