package regfile_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/agoralabs/agora/indexer/regfile"
)

const typeV1 = `"type":"https://eips.ethereum.org/EIPS/eip-8004#registration-v1"`

func TestParse_Valid(t *testing.T) {
	reg, err := regfile.Parse(readTestdata(t, "valid.json"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if reg.Type != regfile.RegistrationType || reg.Name != "Weather Agent" ||
		reg.Description != "Forecasts <for> you & me, 100% of the time" || reg.Image != "https://agent.example/agent.png" {
		t.Errorf("Parse = %+v", reg)
	}
	if len(reg.Services) != 2 || reg.Services[0].Name != "A2A" || reg.Services[0].Version != "0.3.0" ||
		reg.Services[1].Skills[0] != "weather/forecast" || reg.Services[1].Domains[0] != "meteorology" {
		t.Errorf("Services = %+v", reg.Services)
	}
	if got := string(reg.Services[1].Extra["x-note"]); got != `{"b":1,"a":[2,3]}` {
		t.Errorf("Services[1].Extra[x-note] = %s, want it compacted", got)
	}
	if reg.X402Support == nil || !*reg.X402Support || reg.Active == nil || *reg.Active {
		t.Errorf("X402Support = %v, Active = %v; want true, false", reg.X402Support, reg.Active)
	}
	if len(reg.Registrations) != 2 || reg.Registrations[0].AgentID != "22" || reg.Registrations[1].AgentID != "7" ||
		reg.Registrations[1].AgentRegistry != "eip155:8453:0x742d35Cc6634C0532925a3b844Bc454e4438f44e" {
		t.Errorf("Registrations = %+v", reg.Registrations)
	}
	if strings.Join(reg.SupportedTrust, ",") != "reputation,crypto-economic" {
		t.Errorf("SupportedTrust = %v", reg.SupportedTrust)
	}
	if got := string(reg.Extra["capabilities"]); got != `{"quote":{"input":"application/json","priceUSD":0.25}}` {
		t.Errorf("Extra[capabilities] = %s", got)
	}
	if len(reg.Extra) != 1 {
		t.Errorf("Extra = %v, want only capabilities", reg.Extra)
	}
}

func TestParse_Canonical(t *testing.T) {
	reg, err := regfile.Parse(readTestdata(t, "valid.json"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	want := `{"active":false,"capabilities":{"quote":{"input":"application/json","priceUSD":0.25}},` +
		`"description":"Forecasts <for> you & me, 100% of the time","image":"https://agent.example/agent.png",` +
		`"name":"Weather Agent","registrations":[` +
		`{"agentId":22,"agentRegistry":"eip155:1:0x742d35Cc6634C0532925a3b844Bc454e4438f44e"},` +
		`{"agentId":7,"agentRegistry":"eip155:8453:0x742d35Cc6634C0532925a3b844Bc454e4438f44e"}],` +
		`"services":[{"endpoint":"https://agent.example/.well-known/agent-card.json","name":"A2A","version":"0.3.0"},` +
		`{"domains":["meteorology"],"endpoint":"ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",` +
		`"name":"OASF","skills":["weather/forecast"],"x-note":{"b":1,"a":[2,3]}}],` +
		`"supportedTrust":["reputation","crypto-economic"],` +
		`"type":"https://eips.ethereum.org/EIPS/eip-8004#registration-v1","x402Support":true}`
	if string(reg.Canonical) != want {
		t.Errorf("Canonical =\n%s\nwant\n%s", reg.Canonical, want)
	}
	// The canonical form is a fixed point.
	again, err := regfile.Parse(reg.Canonical)
	if err != nil {
		t.Fatalf("Parse(Canonical): %v", err)
	}
	if !bytes.Equal(again.Canonical, reg.Canonical) {
		t.Errorf("Parse(Canonical).Canonical =\n%s\nwant\n%s", again.Canonical, reg.Canonical)
	}
	// MarshalJSON gives the same document (encoding/json only adds HTML escaping).
	m, err := json.Marshal(reg)
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	if err := json.Unmarshal(m, &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(reg.Canonical, &b); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("json.Marshal = %s, want the canonical document", m)
	}
}

func TestParse_LegacyEndpoints(t *testing.T) {
	reg, err := regfile.Parse(readTestdata(t, "legacy-endpoints.json"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(reg.Services) != 1 || reg.Services[0].Name != "MCP" || reg.Services[0].Endpoint != "https://mcp.agent.example/" {
		t.Errorf("Services = %+v", reg.Services)
	}
	if _, ok := reg.Extra["endpoints"]; ok {
		t.Errorf("Extra keeps endpoints after using it as services")
	}
	if !bytes.Contains(reg.Canonical, []byte(`"services":[`)) || bytes.Contains(reg.Canonical, []byte(`"endpoints"`)) {
		t.Errorf("Canonical = %s, want services and no endpoints", reg.Canonical)
	}
}

func TestParse_Lenient(t *testing.T) {
	tests := []struct {
		name, doc string
	}{
		{"minimal", `{` + typeV1 + `,"name":"a"}`},
		{"byte order mark", "\xEF\xBB\xBF{" + typeV1 + `,"name":"a"}`},
		{"nulls for optional fields", `{` + typeV1 + `,"name":"a","description":null,"image":null,"services":null,"active":null,"x402Support":null,"registrations":null,"supportedTrust":null}`},
		{"escaped backslash before u0000 is text", `{` + typeV1 + `,"name":"a\\u0000"}`},
		{"agentId at uint256 max", `{` + typeV1 + `,"name":"a","registrations":[{"agentId":"115792089237316195423570985008687907853269984665640564039457584007913129639935","agentRegistry":"eip155:1:0x1"}]}`},
		{"unknown supportedTrust value", `{` + typeV1 + `,"name":"a","supportedTrust":["zk-proof"]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := regfile.Parse([]byte(tt.doc)); err != nil {
				t.Errorf("Parse(%s): %v", tt.doc, err)
			}
		})
	}
}

func TestParse_InvalidJSON(t *testing.T) {
	tests := []struct {
		name, doc string
	}{
		{"empty", ``},
		{"white space", " \n "},
		{"truncated", `{"name":"a"`},
		{"trailing data", `{"name":"a"} {}`},
		{"not json", `<html>`},
		{"invalid utf-8", "{\"name\":\"\xff\xfe\"}"},
		{"nul byte", "{\"name\":\"a\"}\x00"},
		{"nul escape", `{"name":"a\u0000b"}`},
		{"nul escape in a key", `{"x\u0000":1}`},
		{"too deep", strings.Repeat("[", 20000) + strings.Repeat("]", 20000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := regfile.Parse([]byte(tt.doc))
			e := wantCode(t, err, regfile.CodeInvalidJSON)
			if e.Temporary {
				t.Errorf("Temporary = true")
			}
		})
	}
}

func TestParse_InvalidRegistration(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string // substrings of Message, all of them
	}{
		{"root array", `[1,2]`, []string{"document: want object, got array"}},
		{"root string", `"x"`, []string{"document: want object, got string"}},
		{"type missing", `{"name":"a"}`, []string{"type: missing"}},
		{"type wrong", `{"type":"https://example.com/v2","name":"a"}`,
			[]string{`type: want "https://eips.ethereum.org/EIPS/eip-8004#registration-v1", got "https://example.com/v2"`}},
		{"type number", `{"type":1,"name":"a"}`, []string{"type: want string, got number"}},
		{"name number and services not an array", `{` + typeV1 + `,"name":42,"services":{"name":"x"}}`,
			[]string{"name: want string, got number", "services: want array, got object"}},
		{"name missing", `{` + typeV1 + `}`, []string{"name: missing"}},
		{"name null", `{` + typeV1 + `,"name":null}`, []string{"name: want string, got null"}},
		{"name blank", `{` + typeV1 + `,"name":"  "}`, []string{"name: empty"}},
		{"description and image", `{` + typeV1 + `,"name":"a","description":[],"image":false}`,
			[]string{"description: want string, got array", "image: want string, got boolean"}},
		{"services entries", `{` + typeV1 + `,"name":"a","services":[{"name":"w","endpoint":"https://x"},"str",` +
			`{"name":"m"},{"name":1,"endpoint":"e","version":2,"skills":"s","domains":[1]}]}`,
			[]string{"services[1]: want object, got string", "services[2].endpoint: missing",
				"services[3].name: want string, got number", "services[3].version: want string, got number",
				"services[3].skills: want array, got string", "services[3].domains[0]: want string, got number"}},
		{"endpoints alias reported under its name", `{` + typeV1 + `,"name":"a","endpoints":[{"name":"w"}]}`,
			[]string{"endpoints[0].endpoint: missing"}},
		{"booleans", `{` + typeV1 + `,"name":"a","x402Support":"yes","active":1}`,
			[]string{"x402Support: want boolean, got string", "active: want boolean, got number"}},
		{"registrations", `{` + typeV1 + `,"name":"a","registrations":[{"agentId":-1,"agentRegistry":"r"},` +
			`{"agentId":1.5,"agentRegistry":"r"},{"agentId":"0x10","agentRegistry":"r"},{"agentId":true},` +
			`{"agentRegistry":""},{"agentId":"115792089237316195423570985008687907853269984665640564039457584007913129639936","agentRegistry":"r"},7]}`,
			[]string{"registrations[0].agentId: want a non-negative integer", "registrations[1].agentId: want a non-negative integer",
				"registrations[2].agentId: want a non-negative integer", "registrations[3].agentId: want number or decimal string, got boolean",
				"registrations[3].agentRegistry: missing", "registrations[4].agentId: missing", "registrations[4].agentRegistry: empty",
				"registrations[5].agentId: want a non-negative integer", "registrations[6]: want object, got number"}},
		{"supportedTrust", `{` + typeV1 + `,"name":"a","supportedTrust":["reputation",3]}`,
			[]string{"supportedTrust[1]: want string, got number"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := regfile.Parse([]byte(tt.doc))
			e := wantCode(t, err, regfile.CodeInvalidRegistration)
			for _, w := range tt.want {
				if !strings.Contains(e.Message, w) {
					t.Errorf("Message = %q, want it to contain %q", e.Message, w)
				}
			}
			if got, want := strings.Count(e.Message, "; ")+1, len(tt.want); got != want {
				t.Errorf("Message lists %d problems, want %d: %q", got, want, e.Message)
			}
		})
	}
}

func TestParse_ProblemsCapped(t *testing.T) {
	doc := `{` + typeV1 + `,"name":"a","services":[` + strings.TrimSuffix(strings.Repeat(`{},`, 100), ",") + `]}`
	_, err := regfile.Parse([]byte(doc))
	e := wantCode(t, err, regfile.CodeInvalidRegistration)
	if !strings.HasSuffix(e.Message, "; and 180 more") {
		t.Errorf("Message = %q, want 20 problems and '; and 180 more'", e.Message)
	}
	// Problems lists every one of them in full.
	if len(e.Problems) != 200 || e.Problems[0] != "services[0].name: missing" || e.Problems[199] != "services[99].endpoint: missing" {
		t.Errorf("Problems = %d entries (%q ... ), want all 200", len(e.Problems), e.Problems)
	}
}

// Hostile documents of about 1 MiB, the default body cap.
var hostile = map[string]func() []byte{
	// 340,000 empty services: refused for its length before any of them is looked at.
	"LongArray": func() []byte {
		return []byte(`{` + typeV1 + `,"name":"a","services":[` + strings.TrimSuffix(strings.Repeat(`{},`, 340_000), ",") + `]}`)
	},
	// 1,000 services (the most allowed) of 200 skills each: valid, and the most strings a file can hold.
	"ManySkills": func() []byte {
		skills := strings.TrimSuffix(strings.Repeat(`"ab",`, 200), ",")
		svc := `{"name":"s","endpoint":"e","skills":[` + skills + `]},`
		return []byte(`{` + typeV1 + `,"name":"a","services":[` + strings.TrimSuffix(strings.Repeat(svc, 1000), ",") + `]}`)
	},
	// 1,000 services that are each wrong in three ways.
	"ManyProblems": func() []byte {
		svc := `{"name":1,"endpoint":[],"version":{},"pad":"` + strings.Repeat("x", 950) + `"},`
		return []byte(`{` + typeV1 + `,"name":"a","services":[` + strings.TrimSuffix(strings.Repeat(svc, 1000), ",") + `]}`)
	},
	// 100,000 unknown top-level fields: refused for their number without looking at them all.
	"ManyFields": func() []byte {
		var b strings.Builder
		b.WriteString(`{` + typeV1 + `,"name":"a"`)
		for i := range 100_000 {
			fmt.Fprintf(&b, `,"k%d":0`, i)
		}
		b.WriteString("}")
		return []byte(b.String())
	},
	// One service with 100,000 fields.
	"ManyServiceFields": func() []byte {
		var b strings.Builder
		b.WriteString(`{` + typeV1 + `,"name":"a","services":[{"name":"s","endpoint":"e"`)
		for i := range 100_000 {
			fmt.Fprintf(&b, `,"k%d":0`, i)
		}
		b.WriteString("}]}")
		return []byte(b.String())
	},
	"ExtraFieldsAtLimit":   func() []byte { return extraFields(1000) },
	"ExtraFieldsOverLimit": func() []byte { return extraFields(1001) },
	// One unknown field holding a deeply nested value (encoding/json allows 10,000 levels).
	"DeepExtra": func() []byte {
		return []byte(`{` + typeV1 + `,"name":"a","x":` + strings.Repeat(`[`, 9_000) + strings.Repeat(`]`, 9_000) + `}`)
	},
}

// extraFields is a valid document with n unknown top-level fields.
func extraFields(n int) []byte {
	var b strings.Builder
	b.WriteString(`{` + typeV1 + `,"name":"a"`)
	for i := range n {
		fmt.Fprintf(&b, `,"k%d":0`, i)
	}
	b.WriteString("}")
	return []byte(b.String())
}

func BenchmarkParse_Hostile(b *testing.B) {
	for _, name := range []string{"LongArray", "ManySkills", "ManyProblems", "ManyFields", "ManyServiceFields", "DeepExtra"} {
		raw := hostile[name]()
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			b.ReportAllocs()
			for b.Loop() {
				_, _ = regfile.Parse(raw)
			}
		})
	}
}

func TestParse_Hostile(t *testing.T) {
	tests := []struct {
		name string
		code string // "" when the document is valid
		msg  string
	}{
		{"LongArray", regfile.CodeInvalidRegistration, "services: more than 1000 entries"},
		{"ManySkills", "", ""},
		{"ManyProblems", regfile.CodeInvalidRegistration, "; and 2980 more"},
		{"ManyFields", regfile.CodeInvalidRegistration, "document: more than 1016 fields"},
		{"ManyServiceFields", regfile.CodeInvalidRegistration, "services[0]: more than 1016 fields"},
		{"ExtraFieldsAtLimit", "", ""},
		{"ExtraFieldsOverLimit", regfile.CodeInvalidRegistration, "document: 1001 unknown fields, want at most 1000"},
		{"DeepExtra", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := hostile[tt.name]()
			if len(raw) > 1<<20+100_000 {
				t.Fatalf("document is %d bytes, want about 1 MiB", len(raw))
			}
			reg, err := regfile.Parse(raw)
			if tt.code == "" {
				if err != nil {
					t.Fatalf("Parse: %v", err)
				}
				if !json.Valid(reg.Canonical) {
					t.Errorf("Canonical is not valid JSON")
				}
				return
			}
			e := wantCode(t, err, tt.code)
			if !strings.Contains(e.Message, tt.msg) {
				t.Errorf("Message = %.200q, want it to contain %q", e.Message, tt.msg)
			}
			if len(e.Problems) == 0 || len(e.Problems) > regfile.MaxListedProblems {
				t.Errorf("Problems has %d entries, want 1 to %d", len(e.Problems), regfile.MaxListedProblems)
			}
		})
	}
}

func BenchmarkParse_Valid(b *testing.B) {
	raw := readTestdataB(b, "valid.json")
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := regfile.Parse(raw); err != nil {
			b.Fatal(err)
		}
	}
}

func readTestdataB(b *testing.B, name string) []byte {
	b.Helper()
	raw, err := readFile("testdata/" + name)
	if err != nil {
		b.Fatal(err)
	}
	return raw
}
