package capability_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/agoralabs/agora/capability"
	"github.com/agoralabs/agora/indexer/regfile"
)

const (
	tUSD = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9"
	usdc = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913"
	// maxUint256 is 2^256 - 1.
	maxUint256 = "115792089237316195423570985008687907853269984665640564039457584007913129639935"
)

var agentsDir = filepath.Join("..", "testdata", "agents")

// readAgent parses one registration file of testdata/agents.
func readAgent(t testing.TB, name string) *regfile.Registration {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(agentsDir, name))
	if err != nil {
		t.Fatal(err)
	}
	reg, err := regfile.Parse(raw)
	if err != nil {
		t.Fatalf("regfile.Parse(%s): %v", name, err)
	}
	return reg
}

func TestExtract_TestdataAgents(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(agentsDir, "[0-9][0-9]-*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 36 {
		t.Fatalf("found %d numbered agent files, want 36", len(files))
	}
	slug := regexp.MustCompile(`^[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*\.json$`)
	tokens := map[common.Address]int{}
	for i, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			if want := fmt.Sprintf("%02d-", i+1); !strings.HasPrefix(name, want) || !slug.MatchString(name) {
				t.Errorf("file name %s, want %s<short-slug>.json", name, want)
			}
			reg := readAgent(t, name)
			if reg.Image == "" || !strings.HasPrefix(reg.Image, "https://") || len(reg.Services) == 0 ||
				reg.Description == "" || reg.X402Support == nil || reg.Active == nil {
				t.Errorf("registration lacks image, services, description, x402Support or active: %+v", reg)
			}
			caps, problems := capability.Extract(reg.Extra)
			if len(problems) != 0 {
				t.Fatalf("Extract: problems %v, want none", problems)
			}
			if len(caps) < 1 || len(caps) > 4 {
				t.Fatalf("Extract: %d capabilities, want 1..4", len(caps))
			}
			for j, c := range caps {
				if c.Index != j {
					t.Errorf("caps[%d].Index = %d, want %d", j, c.Index, j)
				}
				if c.Pricing.Amount == nil || c.Pricing.Decimals == nil || *c.Pricing.Decimals != 6 {
					t.Errorf("caps[%d].Pricing = %+v, want an amount and 6 decimals", j, c.Pricing)
				}
				if c.SLA.P95LatencyMs == nil || *c.SLA.P95LatencyMs < 20 || *c.SLA.P95LatencyMs > 30000 {
					t.Errorf("caps[%d].SLA.P95LatencyMs = %v, want 20..30000", j, c.SLA.P95LatencyMs)
				}
				tokens[c.Pricing.Token]++
			}
		})
	}
	if len(tokens) != 2 || tokens[common.HexToAddress(tUSD)] <= tokens[common.HexToAddress(usdc)] ||
		tokens[common.HexToAddress(usdc)] < 5 {
		t.Errorf("pricing tokens %v, want mostly tUSD and several USDC", tokens)
	}
}

// The agent the issue's example query is about: "an OCR service for Vietnamese invoices, under 200 ms p95,
// HIPAA controls, paid in USDC".
func TestExtract_VietnameseInvoiceAgent(t *testing.T) {
	caps, problems := capability.Extract(readAgent(t, "01-vietnamese-invoice-ocr.json").Extra)
	if len(problems) != 0 || len(caps) == 0 {
		t.Fatalf("Extract = %d capabilities, problems %v", len(caps), problems)
	}
	c := caps[0]
	if !slices.Contains(c.Languages, "vi") || !slices.Contains(c.Tags, "ocr") ||
		*c.SLA.P95LatencyMs != 150 || !slices.Contains(c.Compliance.Attestations, "hipaa") ||
		c.Pricing.Token != common.HexToAddress(usdc) || c.Pricing.Symbol != "USDC" {
		t.Errorf("caps[0] = %+v, want Vietnamese OCR, p95 150 ms, HIPAA, USDC", c)
	}
}

func TestExtract_InvalidTestdata(t *testing.T) {
	type want struct {
		index int
		path  string
	}
	tests := []struct {
		file     string
		valid    []int // indexes extracted
		problems []want
	}{
		{"invalid-pricing.json", []int{0}, []want{
			{1, "/capabilities/1/pricing/unit"},
			{2, "/capabilities/2/pricing/amount"},
			{3, "/capabilities/3/pricing/amount"},
			{3, "/capabilities/3/pricing/token"},
		}},
		{"invalid-types.json", []int{2}, []want{
			{0, "/capabilities/0/inputs/0"},
			{1, "/capabilities/1/dataClasses/1"},
			{3, "/capabilities/3/jurisdictions/0"},
			{3, "/capabilities/3/languages/0"},
		}},
		{"invalid-fields.json", []int{0}, []want{
			{1, "/capabilities/1/name"},
			{1, "/capabilities/1/priceUSD"},
			{2, "/capabilities/2/compliance/attestations/0"},
			{2, "/capabilities/2/compliance/euAiActRiskClass"},
			{2, "/capabilities/2/pricing/outcome"},
			{2, "/capabilities/2/sla/availabilityPct"},
			{2, "/capabilities/2/sla/p95LatencyMs"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			caps, problems := capability.Extract(readAgent(t, tt.file).Extra)
			var got []want
			for _, p := range problems {
				if p.Code != capability.CodeSchema || p.Message == "" {
					t.Errorf("problem %+v, want code %q and a message", p, capability.CodeSchema)
				}
				got = append(got, want{p.Index, p.Path})
			}
			if !slices.Equal(got, tt.problems) {
				t.Errorf("Extract problems = %v, want %v\n%v", got, tt.problems, problems)
			}
			var gotValid []int
			for _, c := range caps {
				gotValid = append(gotValid, c.Index)
			}
			if !slices.Equal(gotValid, tt.valid) {
				t.Errorf("Extract valid indexes = %v, want %v", gotValid, tt.valid)
			}
		})
	}
}

// extract runs Extract on a registration whose only extra field is "capabilities": caps.
func extract(t testing.TB, caps ...any) ([]capability.Capability, []capability.Problem) {
	t.Helper()
	raw, err := json.Marshal(caps)
	if err != nil {
		t.Fatal(err)
	}
	return capability.Extract(map[string]json.RawMessage{"capabilities": raw})
}

// minimal returns the smallest valid capability.
func minimal() map[string]any {
	return map[string]any{
		"name":    "Invoice OCR",
		"pricing": map[string]any{"model": "per_call", "amount": "1000", "token": tUSD},
	}
}

// full returns a valid capability using every field.
func full() map[string]any {
	return map[string]any{
		"name":        "Invoice OCR",
		"description": "Reads invoices.",
		"tags":        []any{"ocr", "invoices"},
		"languages":   []any{"vi", "en-US"},
		"inputs": []any{
			map[string]any{"mediaType": "Application/PDF", "description": "scan"},
			map[string]any{"mediaType": "image/*"},
		},
		"outputs": []any{map[string]any{"schema": "https://schemas.example/invoice.json"}},
		"pricing": map[string]any{"model": "per_unit", "amount": "15000", "token": usdc, "symbol": "USDC",
			"decimals": 6, "unit": "page"},
		"sla":           map[string]any{"p95LatencyMs": 150, "throughputPerMinute": 1200, "availabilityPct": 99.9},
		"jurisdictions": []any{"VN", "EU", "GLOBAL"},
		"dataClasses":   []any{"financial", "phi"},
		"compliance": map[string]any{"attestations": []any{"hipaa", "soc2-type2"}, "euAiActRiskClass": "minimal",
			"evidence": "https://trust.example/"},
		"mcpTools":    []any{"extract_invoice"},
		"a2aSkills":   []any{"invoice-ocr"},
		"oasfSkills":  []any{"images_computer_vision/image_to_text"},
		"oasfDomains": []any{"finance_and_business/accounting"},
	}
}

// set replaces the value at slash-separated path in m (creating objects on the way); a nil value
// deletes it.
func set(m map[string]any, path string, v any) map[string]any {
	keys := strings.Split(path, "/")
	cur := m
	for _, k := range keys[:len(keys)-1] {
		next, ok := cur[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			cur[k] = next
		}
		cur = next
	}
	if v == nil {
		delete(cur, keys[len(keys)-1])
	} else {
		cur[keys[len(keys)-1]] = v
	}
	return m
}

func repeat(s string, n int) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%d", s, i)
	}
	return out
}

func typeRefs(refs ...map[string]any) []any {
	out := make([]any, len(refs))
	for i, r := range refs {
		out[i] = r
	}
	return out
}

func TestExtract_SchemaRules(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	tests := []struct {
		name string
		cap  any
		want []string // problem paths below /capabilities/0; nil: valid
	}{
		// accepted
		{"minimal", minimal(), nil},
		{"full", full(), nil},
		{"amount zero", set(minimal(), "pricing/amount", "0"), nil},
		{"amount max uint256", set(minimal(), "pricing/amount", maxUint256), nil},
		{"token lower case", set(minimal(), "pricing/token", strings.ToLower(tUSD)), nil},
		{"token upper case hex", set(minimal(), "pricing/token", "0x"+strings.ToUpper(tUSD[2:])), nil},
		{"per_outcome with outcome", set(set(minimal(), "pricing/model", "per_outcome"), "pricing/outcome", "verified identity"), nil},
		{"per_call with unit", set(minimal(), "pricing/unit", "call"), nil},
		{"decimals bounds", set(set(minimal(), "pricing/decimals", 36), "pricing/symbol", long(16)), nil},
		{"decimals zero", set(minimal(), "pricing/decimals", 0), nil},
		{"name 100 characters", set(minimal(), "name", strings.Repeat("é", 100)), nil},
		{"description 4000 characters", set(minimal(), "description", long(4000)), nil},
		{"32 tags of 64", set(minimal(), "tags", slices.Repeat([]any{long(64)}, 32)), nil},
		{"language tags", set(minimal(), "languages", []any{"vi", "en-US", "zh-Hant-TW", "sr-Latn-RS", "es-419",
			"de-CH-1996", "yue", "zh-yue-HK", "en-GB-x-scouse", "EN-us"}), nil},
		{"media types", set(minimal(), "inputs", typeRefs(
			map[string]any{"mediaType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
			map[string]any{"mediaType": "image/*"}, map[string]any{"mediaType": "application/ld+json"},
			map[string]any{"mediaType": "TEXT/Plain"})), nil},
		{"schema URIs", set(minimal(), "outputs", typeRefs(
			map[string]any{"schema": "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"},
			map[string]any{"schema": "urn:agora:schema:example:v1"},
			map[string]any{"schema": "https://schemas.example/a.json#/$defs/b"})), nil},
		{"sla bounds", set(minimal(), "sla", map[string]any{"p95LatencyMs": 86400000, "throughputPerMinute": 1,
			"availabilityPct": 100}), nil},
		{"sla low bounds", set(minimal(), "sla", map[string]any{"p95LatencyMs": 1, "availabilityPct": 0}), nil},
		{"integers written as 1.5e2 and 150.0", set(minimal(), "sla", map[string]any{"p95LatencyMs": json.Number("1.5e2"),
			"throughputPerMinute": json.Number("150.0")}), nil},
		{"empty objects and arrays", set(set(set(minimal(), "sla", map[string]any{}), "compliance", map[string]any{}), "tags", []any{}), nil},
		{"extension fields", set(set(set(set(set(minimal(), "x-vendor", map[string]any{"a": []any{1, 2}}),
			"pricing/x-note", "n"), "sla/x-p99", 300), "compliance/x-auditor", "A&B LLP"),
			"inputs", typeRefs(map[string]any{"mediaType": "text/plain", "x-charset": "utf-8"})), nil},
		{"hostile extensions", set(set(set(minimal(), "x-n", json.Number("1e-999999")), "pricing/x-big",
			slices.Repeat([]any{json.Number("1e9999999")}, 5000)), "dataClasses", []any{map[string]any{"x-a": 1}}),
			[]string{"/dataClasses/0"}},
		{"numbers at the limits", set(minimal(), "sla", map[string]any{"p95LatencyMs": json.Number("1e+3"),
			"availabilityPct": json.Number("0." + strings.Repeat("9", 62)), "throughputPerMinute": json.Number("1000000000e-64")}),
			[]string{"/sla/throughputPerMinute"}},
		{"jurisdictions", set(minimal(), "jurisdictions", []any{"US", "GB", "EU", "GLOBAL", "VN", "AQ"}), nil},
		{"256 tools, skills and domains", set(set(set(set(minimal(), "mcpTools", repeat("t", 256)),
			"a2aSkills", repeat("s", 256)), "oasfSkills", []any{long(200)}), "oasfDomains", repeat("d", 256)), nil},

		// rejected
		{"not an object", "Invoice OCR", []string{""}},
		{"null", nil, []string{""}},
		{"name missing", set(minimal(), "name", nil), []string{"/name"}},
		{"name empty", set(minimal(), "name", ""), []string{"/name"}},
		{"name blank", set(minimal(), "name", "   "), []string{"/name"}},
		{"name too long", set(minimal(), "name", long(101)), []string{"/name"}},
		{"name not a string", set(minimal(), "name", 7), []string{"/name"}},
		{"description too long", set(minimal(), "description", long(4001)), []string{"/description"}},
		{"33 tags", set(minimal(), "tags", repeat("t", 33)), []string{"/tags"}},
		{"tag too long", set(minimal(), "tags", []any{long(65)}), []string{"/tags/0"}},
		{"tag empty", set(minimal(), "tags", []any{"ok", ""}), []string{"/tags/1"}},
		{"tags not an array", set(minimal(), "tags", "ocr"), []string{"/tags"}},
		{"bad languages", set(minimal(), "languages", []any{"english", "en_US", "e", "en-", "123", "en-US-"}),
			[]string{"/languages/0", "/languages/1", "/languages/2", "/languages/3", "/languages/4", "/languages/5"}},
		{"65 languages", set(minimal(), "languages", slices.Repeat([]any{"en"}, 65)), []string{"/languages"}},
		{"pricing missing", set(minimal(), "pricing", nil), []string{"/pricing"}},
		{"pricing not an object", set(minimal(), "pricing", "free"), []string{"/pricing"}},
		{"pricing empty", set(minimal(), "pricing", map[string]any{}),
			[]string{"/pricing/amount", "/pricing/model", "/pricing/token"}},
		{"unknown model", set(minimal(), "pricing/model", "per_month"), []string{"/pricing/model"}},
		{"negative amount", set(minimal(), "pricing/amount", "-5"), []string{"/pricing/amount"}},
		{"amount with leading zero", set(minimal(), "pricing/amount", "0100"), []string{"/pricing/amount"}},
		{"decimal amount", set(minimal(), "pricing/amount", "1.5"), []string{"/pricing/amount"}},
		{"amount in exponent form", set(minimal(), "pricing/amount", "1e3"), []string{"/pricing/amount"}},
		{"empty amount", set(minimal(), "pricing/amount", ""), []string{"/pricing/amount"}},
		{"amount as a number", set(minimal(), "pricing/amount", 1000), []string{"/pricing/amount"}},
		{"amount 2^256", set(minimal(), "pricing/amount", "115792089237316195423570985008687907853269984665640564039457584007913129639936"),
			[]string{"/pricing/amount"}},
		{"amount 78 nines", set(minimal(), "pricing/amount", strings.Repeat("9", 78)), []string{"/pricing/amount"}},
		{"amount 79 digits", set(minimal(), "pricing/amount", "1"+strings.Repeat("0", 78)), []string{"/pricing/amount"}},
		{"short token", set(minimal(), "pricing/token", tUSD[:41]), []string{"/pricing/token"}},
		{"token without 0x", set(minimal(), "pricing/token", tUSD[2:]), []string{"/pricing/token"}},
		{"token not hex", set(minimal(), "pricing/token", "0x"+strings.Repeat("g", 40)), []string{"/pricing/token"}},
		{"token ENS name", set(minimal(), "pricing/token", "usdc.eth"), []string{"/pricing/token"}},
		{"per_unit without unit", set(minimal(), "pricing/model", "per_unit"), []string{"/pricing/unit"}},
		{"per_unit with empty unit", set(set(minimal(), "pricing/model", "per_unit"), "pricing/unit", ""), []string{"/pricing/unit"}},
		{"per_outcome without outcome", set(minimal(), "pricing/model", "per_outcome"), []string{"/pricing/outcome"}},
		{"decimals 37", set(minimal(), "pricing/decimals", 37), []string{"/pricing/decimals"}},
		{"decimals negative", set(minimal(), "pricing/decimals", -1), []string{"/pricing/decimals"}},
		{"decimals fractional", set(minimal(), "pricing/decimals", 6.5), []string{"/pricing/decimals"}},
		{"symbol too long", set(minimal(), "pricing/symbol", long(17)), []string{"/pricing/symbol"}},
		{"unknown field", set(minimal(), "price", 0.25), []string{"/price"}},
		{"unknown fields in every object", set(set(set(set(set(minimal(), "pricing/currency", "USD"), "sla/p99LatencyMs", 5),
			"compliance/soc2", true), "inputs", typeRefs(map[string]any{"mediaType": "text/plain", "charset": "utf-8"})),
			"Name", "x"),
			[]string{"/Name", "/compliance/soc2", "/inputs/0/charset", "/pricing/currency", "/sla/p99LatencyMs"}},
		{"mediaType and schema both", set(minimal(), "inputs", typeRefs(map[string]any{"mediaType": "application/pdf",
			"schema": "https://schemas.example/a.json"})), []string{"/inputs/0"}},
		{"neither mediaType nor schema", set(minimal(), "outputs", typeRefs(map[string]any{"description": "json"})),
			[]string{"/outputs/0"}},
		{"type ref not an object", set(minimal(), "inputs", []any{"application/pdf"}), []string{"/inputs/0"}},
		{"bad media types", set(minimal(), "inputs", typeRefs(map[string]any{"mediaType": "pdf"},
			map[string]any{"mediaType": "*/*"}, map[string]any{"mediaType": "text/plain; charset=utf-8"},
			map[string]any{"mediaType": "image/"}, map[string]any{"mediaType": "a/b/c"})),
			[]string{"/inputs/0/mediaType", "/inputs/1/mediaType", "/inputs/2/mediaType", "/inputs/3/mediaType", "/inputs/4/mediaType"}},
		{"bad schema URIs", set(minimal(), "outputs", typeRefs(map[string]any{"schema": "http://schemas.example/a.json"},
			map[string]any{"schema": "schemas/a.json"}, map[string]any{"schema": "https://bad host/a.json"})),
			[]string{"/outputs/0/schema", "/outputs/1/schema", "/outputs/2/schema"}},
		{"33 inputs", set(minimal(), "inputs", slices.Repeat([]any{map[string]any{"mediaType": "text/plain"}}, 33)),
			[]string{"/inputs"}},
		{"p95 zero", set(minimal(), "sla/p95LatencyMs", 0), []string{"/sla/p95LatencyMs"}},
		{"p95 above a day", set(minimal(), "sla/p95LatencyMs", 86400001), []string{"/sla/p95LatencyMs"}},
		{"p95 fractional", set(minimal(), "sla/p95LatencyMs", 1.5), []string{"/sla/p95LatencyMs"}},
		{"p95 as a string", set(minimal(), "sla/p95LatencyMs", "150"), []string{"/sla/p95LatencyMs"}},
		{"throughput zero", set(minimal(), "sla/throughputPerMinute", 0), []string{"/sla/throughputPerMinute"}},
		{"availability above 100", set(minimal(), "sla/availabilityPct", 100.1), []string{"/sla/availabilityPct"}},
		{"availability negative", set(minimal(), "sla/availabilityPct", -1), []string{"/sla/availabilityPct"}},
		{"sla not an object", set(minimal(), "sla", 150), []string{"/sla"}},
		{"bad jurisdictions", set(minimal(), "jurisdictions", []any{"UK", "vn", "USA", "XX", "global"}),
			[]string{"/jurisdictions/0", "/jurisdictions/1", "/jurisdictions/2", "/jurisdictions/3", "/jurisdictions/4"}},
		{"65 jurisdictions", set(minimal(), "jurisdictions", slices.Repeat([]any{"US"}, 65)), []string{"/jurisdictions"}},
		{"unknown data class", set(minimal(), "dataClasses", []any{"pii", "secret"}), []string{"/dataClasses/1"}},
		{"duplicate data class", set(minimal(), "dataClasses", []any{"pii", "phi", "pii"}), []string{"/dataClasses/2"}},
		{"unknown attestation", set(minimal(), "compliance/attestations", []any{"soc2"}), []string{"/compliance/attestations/0"}},
		{"duplicate attestation", set(minimal(), "compliance/attestations", []any{"gdpr", "gdpr"}), []string{"/compliance/attestations/1"}},
		{"unknown risk class", set(minimal(), "compliance/euAiActRiskClass", "low"), []string{"/compliance/euAiActRiskClass"}},
		{"evidence not https or ipfs", set(minimal(), "compliance/evidence", "ftp://trust.example/"), []string{"/compliance/evidence"}},
		{"257 MCP tools", set(minimal(), "mcpTools", repeat("t", 257)), []string{"/mcpTools"}},
		{"A2A skill too long", set(minimal(), "a2aSkills", []any{long(201)}), []string{"/a2aSkills/0"}},
		{"OASF domain not a string", set(minimal(), "oasfDomains", []any{map[string]any{"name": "finance"}}), []string{"/oasfDomains/0"}},
		{"huge exponent", set(minimal(), "dataClasses", slices.Repeat([]any{json.Number("1e999999999")}, 30)), []string{"/dataClasses/0"}},
		{"long number", set(minimal(), "sla/p95LatencyMs", json.Number(strings.Repeat("9", 65))), []string{"/sla/p95LatencyMs"}},
		{"exponent 65", set(minimal(), "sla/availabilityPct", json.Number("1e-65")), []string{"/sla/availabilityPct"}},
		{"too many values", set(minimal(), "tags", repeat("t", capability.MaxValues)), []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			caps, problems := extract(t, tt.cap)
			var got []string
			for _, p := range problems {
				if p.Index != 0 || p.Code != capability.CodeSchema || p.Message == "" {
					t.Errorf("problem %+v, want index 0, code %q and a message", p, capability.CodeSchema)
				}
				got = append(got, strings.TrimPrefix(p.Path, "/capabilities/0"))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("problem paths = %q, want %q\n%v", got, tt.want, problems)
			}
			if wantCaps := len(tt.want) == 0; (len(caps) == 1) != wantCaps {
				t.Errorf("%d capabilities extracted, want valid = %v", len(caps), wantCaps)
			}
		})
	}
}

func TestExtract_Messages(t *testing.T) {
	tests := []struct {
		name string
		cap  any
		want string // substring of the only problem's message
	}{
		{"negative amount", set(minimal(), "pricing/amount", "-5"), `decimal string of token base units`},
		{"overflow", set(minimal(), "pricing/amount", strings.Repeat("9", 78)), `at most 2^256-1`},
		{"bad address", set(minimal(), "pricing/token", "0x12"), `(40 hex digits), got "0x12"`},
		{"per_unit without unit", set(minimal(), "pricing/model", "per_unit"), `required when model is "per_unit"`},
		{"both", set(minimal(), "inputs", typeRefs(map[string]any{"mediaType": "a/b", "schema": "urn:x:y"})), "got both"},
		{"neither", set(minimal(), "inputs", typeRefs(map[string]any{})), "got neither"},
		{"language", set(minimal(), "languages", []any{"english"}), `BCP 47 language tag`},
		{"jurisdiction", set(minimal(), "jurisdictions", []any{"UK"}), `ISO 3166-1 alpha-2`},
		{"data class", set(minimal(), "dataClasses", []any{"secret"}), `want one of "public", "pii"`},
		{"unknown field", set(minimal(), "foo", 1), `unknown field`},
		{"type", set(minimal(), "name", 7), "want string, got number"},
		{"duplicate", set(minimal(), "dataClasses", []any{"pii", "pii"}), "duplicate of entry 0"},
		{"missing", set(minimal(), "name", nil), "missing required field"},
		{"too long", set(minimal(), "name", strings.Repeat("a", 101)), "too long: 101 characters, want at most 100"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := extract(t, tt.cap)
			if len(problems) != 1 || !strings.Contains(problems[0].Message, tt.want) {
				t.Errorf("problems = %v, want one whose message contains %q", problems, tt.want)
			}
		})
	}
}

func TestExtract_ProblemCap(t *testing.T) {
	c := set(minimal(), "languages", repeat("not a tag ", 30))
	_, problems := extract(t, c)
	if len(problems) != capability.MaxProblemsPerCapability {
		t.Fatalf("%d problems, want %d", len(problems), capability.MaxProblemsPerCapability)
	}
	for i, p := range problems[:len(problems)-1] {
		if want := fmt.Sprintf("/capabilities/0/languages/%d", i); p.Path != want {
			t.Errorf("problems[%d].Path = %q, want %q (ordered by index)", i, p.Path, want)
		}
	}
	last := problems[len(problems)-1]
	if last.Path != "/capabilities/0" || last.Message != "and 11 more problems" {
		t.Errorf("last problem = %+v, want the count of the 11 left out", last)
	}
}

func TestExtract_Document(t *testing.T) {
	valid, err := json.Marshal(minimal())
	if err != nil {
		t.Fatal(err)
	}
	array := func(n int) json.RawMessage {
		return json.RawMessage("[" + strings.TrimSuffix(strings.Repeat(string(valid)+",", n), ",") + "]")
	}
	type problem struct {
		index      int
		path, code string
	}
	tests := []struct {
		name     string
		extra    map[string]json.RawMessage
		caps     int
		problems []problem
	}{
		{"no extra fields", nil, 0, nil},
		{"no capabilities", map[string]json.RawMessage{"x-other": json.RawMessage(`1`)}, 0, nil},
		{"null", map[string]json.RawMessage{"capabilities": json.RawMessage(`null`)}, 0, nil},
		{"empty array", map[string]json.RawMessage{"capabilities": json.RawMessage(` [ ] `)}, 0, nil},
		{"object", map[string]json.RawMessage{"capabilities": json.RawMessage(`{"quote":{"priceUSD":0.25}}`)}, 0,
			[]problem{{-1, "/capabilities", capability.CodeNotArray}}},
		{"string", map[string]json.RawMessage{"capabilities": json.RawMessage(`"ocr"`)}, 0,
			[]problem{{-1, "/capabilities", capability.CodeNotArray}}},
		{"invalid JSON", map[string]json.RawMessage{"capabilities": json.RawMessage(`[{"name":`)}, 0,
			[]problem{{-1, "/capabilities", capability.CodeSchema}}},
		{"trailing data", map[string]json.RawMessage{"capabilities": json.RawMessage(`[] []`)}, 0,
			[]problem{{-1, "/capabilities", capability.CodeSchema}}},
		{"64 capabilities", map[string]json.RawMessage{"capabilities": array(64)}, 64, nil},
		{"65 capabilities", map[string]json.RawMessage{"capabilities": array(65)}, 64,
			[]problem{{-1, "/capabilities", capability.CodeTooMany}}},
		{"schema v1", map[string]json.RawMessage{"capabilities": array(2),
			"capabilitiesSchema": json.RawMessage(`"urn:agora:schema:capability:v1"`)}, 2, nil},
		{"schema null", map[string]json.RawMessage{"capabilities": array(1),
			"capabilitiesSchema": json.RawMessage(`null`)}, 1, nil},
		{"schema v2", map[string]json.RawMessage{"capabilities": array(2),
			"capabilitiesSchema": json.RawMessage(`"urn:agora:schema:capability:v2"`)}, 0,
			[]problem{{0, "/capabilities/0", capability.CodeUnsupportedSchema}, {1, "/capabilities/1", capability.CodeUnsupportedSchema}}},
		{"schema not a string", map[string]json.RawMessage{"capabilities": array(1),
			"capabilitiesSchema": json.RawMessage(`1`)}, 0,
			[]problem{{0, "/capabilities/0", capability.CodeUnsupportedSchema}}},
		{"schema unsupported, too many", map[string]json.RawMessage{"capabilities": array(65),
			"capabilitiesSchema": json.RawMessage(`"v2"`)}, 0,
			append([]problem{{-1, "/capabilities", capability.CodeTooMany}}, func() []problem {
				var out []problem
				for i := range capability.MaxCapabilities {
					out = append(out, problem{i, fmt.Sprintf("/capabilities/%d", i), capability.CodeUnsupportedSchema})
				}
				return out
			}()...)},
		{"elements with brackets in strings", map[string]json.RawMessage{"capabilities": json.RawMessage(
			`[ "a\\\"],[" , {"b":"]},{"} ,1,[2,[3]], ` + string(valid) + ` ]`)}, 1,
			[]problem{{0, "/capabilities/0", capability.CodeSchema}, {1, "/capabilities/1/b", capability.CodeSchema},
				{1, "/capabilities/1/name", capability.CodeSchema}, {1, "/capabilities/1/pricing", capability.CodeSchema},
				{2, "/capabilities/2", capability.CodeSchema}, {3, "/capabilities/3", capability.CodeSchema}}},
		{"mixed valid and invalid", map[string]json.RawMessage{"capabilities": json.RawMessage(
			`[` + string(valid) + `, 7, ` + string(valid) + `]`)}, 2,
			[]problem{{1, "/capabilities/1", capability.CodeSchema}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			caps, problems := capability.Extract(tt.extra)
			if len(caps) != tt.caps {
				t.Errorf("%d capabilities, want %d", len(caps), tt.caps)
			}
			for i, c := range caps {
				if !strings.HasPrefix(tt.name, "mixed") && !strings.HasPrefix(tt.name, "elements") && c.Index != i {
					t.Errorf("caps[%d].Index = %d", i, c.Index)
				}
			}
			var got []problem
			for _, p := range problems {
				if p.Message == "" {
					t.Errorf("problem %+v has no message", p)
				}
				got = append(got, problem{p.Index, p.Path, p.Code})
			}
			if !slices.Equal(got, tt.problems) {
				t.Errorf("problems = %v, want %v", problems, tt.problems)
			}
			if tt.caps == 0 && caps != nil {
				t.Errorf("caps = %v, want nil", caps)
			}
		})
	}
}

// countValues counts the JSON values of v.
func countValues(v any) int {
	n := 1
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			n += countValues(e)
		}
	case map[string]any:
		for _, e := range v {
			n += countValues(e)
		}
	}
	return n
}

func TestExtract_FileBudget(t *testing.T) {
	large := set(set(set(set(minimal(), "mcpTools", repeat("t", 256)), "a2aSkills", repeat("s", 256)),
		"oasfSkills", repeat("o", 256)), "oasfDomains", repeat("d", 256))
	var round any
	if err := json.Unmarshal([]byte(mustJSON(t, large)), &round); err != nil {
		t.Fatal(err)
	}
	per := countValues(round)
	checked := capability.MaxFileValues / per
	list := make([]any, checked+5)
	for i := range list {
		list[i] = large
	}
	caps, problems := extract(t, list...)
	if len(caps) != checked {
		t.Errorf("%d capabilities extracted, want %d (%d values each, %d in all)", len(caps), checked, per,
			capability.MaxFileValues)
	}
	if len(problems) != 5 {
		t.Fatalf("problems = %v, want 5", problems)
	}
	for i, p := range problems {
		if p.Index != checked+i || p.Code != capability.CodeTooMany || p.Path != fmt.Sprintf("/capabilities/%d", checked+i) {
			t.Errorf("problems[%d] = %+v, want code %q for capability %d", i, p, capability.CodeTooMany, checked+i)
		}
	}
}

func TestExtract_Decode(t *testing.T) {
	c := full()
	set(c, "sla/p95LatencyMs", json.Number("1.5e2"))
	set(c, "x-vendor", "ignored")
	caps, problems := extract(t, minimal(), c)
	if len(problems) != 0 || len(caps) != 2 {
		t.Fatalf("Extract = %d capabilities, problems %v", len(caps), problems)
	}
	six, p95, tput, avail := 6, int64(150), int64(1200), 99.9
	want := capability.Capability{
		Index:       1,
		Name:        "Invoice OCR",
		Description: "Reads invoices.",
		Tags:        []string{"ocr", "invoices"},
		Languages:   []string{"vi", "en-US"},
		Inputs: []capability.TypeRef{{MediaType: "application/pdf", Description: "scan"},
			{MediaType: "image/*"}},
		Outputs: []capability.TypeRef{{Schema: "https://schemas.example/invoice.json"}},
		Pricing: capability.Pricing{Model: capability.PerUnit, Amount: big.NewInt(15000),
			Token: common.HexToAddress(usdc), Symbol: "USDC", Decimals: &six, Unit: "page"},
		SLA:           capability.SLA{P95LatencyMs: &p95, ThroughputPerMinute: &tput, AvailabilityPct: &avail},
		Jurisdictions: []string{"VN", "EU", "GLOBAL"},
		DataClasses:   []string{"financial", "phi"},
		Compliance: capability.Compliance{Attestations: []string{"hipaa", "soc2-type2"}, EUAIActRiskClass: "minimal",
			Evidence: "https://trust.example/"},
		MCPTools:    []string{"extract_invoice"},
		A2ASkills:   []string{"invoice-ocr"},
		OASFSkills:  []string{"images_computer_vision/image_to_text"},
		OASFDomains: []string{"finance_and_business/accounting"},
	}
	if got, want := mustJSON(t, caps[1]), mustJSON(t, want); got != want {
		t.Errorf("caps[1] =\n%s\nwant\n%s", got, want)
	}
	if caps[1].Pricing.Amount.Cmp(big.NewInt(15000)) != 0 || *caps[1].SLA.P95LatencyMs != 150 {
		t.Errorf("caps[1].Pricing.Amount = %v, P95LatencyMs = %v", caps[1].Pricing.Amount, *caps[1].SLA.P95LatencyMs)
	}
	m := caps[0]
	if m.Index != 0 || m.Name != "Invoice OCR" || m.Pricing.Model != capability.PerCall ||
		m.Pricing.Amount.Int64() != 1000 || m.Pricing.Token != common.HexToAddress(tUSD) ||
		m.Pricing.Decimals != nil || m.SLA.P95LatencyMs != nil || m.Tags != nil || m.Inputs != nil {
		t.Errorf("caps[0] = %+v, want the minimal capability with zero optional fields", m)
	}
}

func TestExtract_MaxAmount(t *testing.T) {
	caps, problems := extract(t, set(minimal(), "pricing/amount", maxUint256))
	if len(problems) != 0 || len(caps) != 1 || caps[0].Pricing.Amount.String() != maxUint256 {
		t.Fatalf("Extract = %v, %v; want amount %s", caps, problems, maxUint256)
	}
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestPricing_JSON(t *testing.T) {
	six := 6
	p := capability.Pricing{Model: capability.PerUnit, Amount: mustBig(t, maxUint256),
		Token: common.HexToAddress(tUSD), Symbol: "tUSD", Decimals: &six, Unit: "page"}
	got := mustJSON(t, p)
	want := `{
  "model": "per_unit",
  "amount": "` + maxUint256 + `",
  "token": "` + strings.ToLower(tUSD) + `",
  "symbol": "tUSD",
  "decimals": 6,
  "unit": "page"
}`
	if got != want {
		t.Errorf("json.Marshal(Pricing) =\n%s\nwant\n%s", got, want)
	}
	var back capability.Pricing
	if err := json.Unmarshal([]byte(got), &back); err != nil {
		t.Fatal(err)
	}
	if mustJSON(t, back) != got {
		t.Errorf("round trip = %s, want %s", mustJSON(t, back), got)
	}
	if err := json.Unmarshal([]byte(`{"model":"per_call","amount":"1.5","token":"`+tUSD+`"}`), &back); err == nil {
		t.Errorf("json.Unmarshal(amount 1.5) succeeded, want an error")
	}
	if got := mustJSON(t, capability.Pricing{}); !strings.Contains(got, `"amount": "0"`) {
		t.Errorf("json.Marshal(Pricing{}) = %s, want amount \"0\"", got)
	}
}

func mustBig(t testing.TB, s string) *big.Int {
	t.Helper()
	n, ok := new(big.Int).SetString(s, 10)
	if !ok {
		t.Fatalf("bad integer %q", s)
	}
	return n
}

func TestCapability_SearchText(t *testing.T) {
	caps, problems := extract(t, full())
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	want := "Invoice OCR Reads invoices. ocr invoices vi en-US application/pdf image/* invoice-ocr " +
		"images_computer_vision/image_to_text finance_and_business/accounting extract_invoice"
	if got := caps[0].SearchText(); got != want {
		t.Errorf("SearchText() =\n%q\nwant\n%q", got, want)
	}
	if got := (capability.Capability{Name: " OCR ", Tags: []string{"", "  ", "x"}}).SearchText(); got != "OCR x" {
		t.Errorf("SearchText() = %q, want %q", got, "OCR x")
	}
	if got := (capability.Capability{}).SearchText(); got != "" {
		t.Errorf("SearchText() of the zero Capability = %q, want \"\"", got)
	}
}

func TestSchema_Document(t *testing.T) {
	raw := capability.Schema()
	var doc struct {
		Schema     string         `json:"$schema"`
		ID         string         `json:"$id"`
		Required   []string       `json:"required"`
		Properties map[string]any `json:"properties"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("Schema() is not JSON: %v", err)
	}
	if doc.Schema != "https://json-schema.org/draft/2020-12/schema" || doc.ID != capability.SchemaV1 {
		t.Errorf("$schema, $id = %q, %q", doc.Schema, doc.ID)
	}
	if !slices.Equal(doc.Required, []string{"name", "pricing"}) {
		t.Errorf("required = %v", doc.Required)
	}
	var props []string
	for k := range doc.Properties {
		props = append(props, k)
	}
	slices.Sort(props)
	wantProps := []string{"a2aSkills", "compliance", "dataClasses", "description", "inputs", "jurisdictions", "languages",
		"mcpTools", "name", "oasfDomains", "oasfSkills", "outputs", "pricing", "sla", "tags"}
	if !slices.Equal(props, wantProps) {
		t.Errorf("properties = %v, want %v", props, wantProps)
	}
	raw[0] = 'X' // Schema returns a copy
	if again := capability.Schema(); again[0] != '{' || !bytes.Equal(again[1:], raw[1:]) {
		t.Errorf("Schema() changed after its result was modified")
	}
	onDisk, err := os.ReadFile(filepath.Join("schema", "capability-v1.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(onDisk, capability.Schema()) {
		t.Errorf("Schema() differs from schema/capability-v1.json")
	}
}

// Every message that replaces the validator's is keyed by a keyword location that must exist in the
// schema; a renamed definition would otherwise silently bring back the validator's terse message.
func TestSchema_HintLocations(t *testing.T) {
	var doc any
	if err := json.Unmarshal(capability.Schema(), &doc); err != nil {
		t.Fatal(err)
	}
	for loc := range capability.Hints {
		cur := doc
		for _, tok := range strings.Split(strings.TrimPrefix(loc, "/"), "/") {
			switch v := cur.(type) {
			case map[string]any:
				cur = v[tok]
			case []any:
				var i int
				if _, err := fmt.Sscan(tok, &i); err != nil || i >= len(v) {
					cur = nil
				} else {
					cur = v[i]
				}
			default:
				cur = nil
			}
		}
		if cur == nil {
			t.Errorf("hint location %s is not in the schema", loc)
		}
	}
}

func TestExtract_Concurrent(t *testing.T) {
	reg := readAgent(t, "01-vietnamese-invoice-ocr.json")
	bad := readAgent(t, "invalid-pricing.json")
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				extra := reg.Extra
				want := 0
				if i%2 == 1 {
					extra, want = bad.Extra, 4
				}
				if _, problems := capability.Extract(extra); len(problems) != want {
					errs <- fmt.Sprintf("goroutine %d: %d problems, want %d", i, len(problems), want)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func FuzzExtract(f *testing.F) {
	files, err := filepath.Glob(filepath.Join(agentsDir, "*.json"))
	if err != nil {
		f.Fatal(err)
	}
	for _, path := range files {
		reg := readAgent(f, filepath.Base(path))
		f.Add([]byte(reg.Extra["capabilities"]), "")
	}
	for _, seed := range []string{
		`[]`, `null`, `{}`, `"x"`, `[1, "a", null, true, [], {}]`, `[{"name":"x","pricing":{"x-a":1e999999}}]`,
		`[{"dataClasses":[1e9999999,1e9999999,1e9999999,1e9999999,1e9999999,1e9999999,1e9999999,1e9999999,1e9999999,1e9999999,1e9999999,1e9999999,1e9999999,1e9999999,1e9999999,1e9999999,1e9999999,1e9999999,1e9999999,1e9999999,1e9999999]}]`,
		`[{"name":"n","pricing":{"model":"per_unit","amount":"1","token":"0x0000000000000000000000000000000000000000","unit":"u"},"inputs":[{"mediaType":"a/b"}]}]`,
		`[{"name":"\u0000","languages":["zh-Hant-TW-x-a"],"tags":[` + strings.Repeat(`"t",`, 40) + `"t"]}]`,
	} {
		f.Add([]byte(seed), "")
	}
	f.Add([]byte(`[{"name":"x"}]`), capability.SchemaV1)
	f.Add([]byte(`[{"name":"x"}]`), "urn:agora:schema:capability:v2")
	codes := []string{capability.CodeSchema, capability.CodeUnsupportedSchema, capability.CodeNotArray, capability.CodeTooMany}
	f.Fuzz(func(t *testing.T, raw []byte, schema string) {
		extra := map[string]json.RawMessage{"capabilities": raw}
		if schema != "" {
			s, _ := json.Marshal(schema)
			extra["capabilitiesSchema"] = s
		}
		caps, problems := capability.Extract(extra)
		perIndex := map[int]int{}
		// Every element of a valid array, up to MaxCapabilities, is either extracted or has a problem.
		var list []json.RawMessage
		if err := json.Unmarshal(raw, &list); err == nil && list != nil {
			covered := map[int]bool{}
			for _, c := range caps {
				covered[c.Index] = true
			}
			for _, p := range problems {
				if p.Index >= 0 {
					covered[p.Index] = true
				}
			}
			if want := min(len(list), capability.MaxCapabilities); len(covered) != want {
				t.Fatalf("%d of %d elements extracted or reported: %v, %v", len(covered), want, caps, problems)
			}
			tooMany := len(problems) > 0 && problems[0].Index == -1 && problems[0].Code == capability.CodeTooMany
			if tooMany != (len(list) > capability.MaxCapabilities) {
				t.Fatalf("%d elements, problems %v", len(list), problems)
			}
		}
		for _, p := range problems {
			if !slices.Contains(codes, p.Code) || p.Message == "" || !strings.HasPrefix(p.Path, "/capabilities") ||
				p.Index < -1 || p.Index >= capability.MaxCapabilities {
				t.Fatalf("bad problem %+v", p)
			}
			perIndex[p.Index]++
			if p.Index >= 0 && perIndex[p.Index] > capability.MaxProblemsPerCapability {
				t.Fatalf("more than %d problems for capability %d", capability.MaxProblemsPerCapability, p.Index)
			}
		}
		last := -1
		for _, c := range caps {
			if c.Index <= last || perIndex[c.Index] > 0 || c.Pricing.Amount == nil || c.Name == "" {
				t.Fatalf("bad capability %+v (problems %v)", c, problems)
			}
			last = c.Index
			_ = c.SearchText()
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	reg := readAgent(b, "01-vietnamese-invoice-ocr.json")
	b.SetBytes(int64(len(reg.Extra["capabilities"])))
	b.ReportAllocs()
	for b.Loop() {
		if caps, problems := capability.Extract(reg.Extra); len(caps) != 2 || len(problems) != 0 {
			b.Fatalf("Extract = %d capabilities, %v", len(caps), problems)
		}
	}
}
