package policy_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/agoralabs/agora/governance/policy"
)

// withOverlays returns an engine with the named overlays on their defaults.
func withOverlays(t *testing.T, names ...string) *policy.Engine {
	t.Helper()
	e := setup(t)
	var cfgs []policy.OverlayConfig
	for _, n := range names {
		cfgs = append(cfgs, policy.OverlayConfig{Name: n})
	}
	if err := e.SetOverlays(cfgs); err != nil {
		t.Fatalf("SetOverlays(%v): %v", names, err)
	}
	return e
}

// phiInput is a direct request for clinical notes to a US counterparty declaring HIPAA.
func phiInput() policy.Input {
	in := input()
	in.Capability = "clinical notes transcription"
	in.DataClasses, in.Jurisdictions = nil, nil
	in.Counterparty.Jurisdiction = "US"
	in.Counterparty.Jurisdictions = []string{"US"}
	in.Counterparty.Compliance = []string{"hipaa", "soc2-type2"}
	in.Counterparty.DataClasses = []string{"phi", "pii"}
	return in
}

func ruleIDs(d policy.Decision) []string {
	var out []string
	for _, h := range d.Rules {
		out = append(out, h.Rule)
	}
	return out
}

func TestOverlay_HIPAA(t *testing.T) {
	e := withOverlays(t, policy.OverlayHIPAA)
	cases := []struct {
		name    string
		edit    func(*policy.Input)
		outcome policy.Outcome
		rules   []string
	}{
		{"declared and in the US: allowed", func(*policy.Input) {}, policy.Allow, nil},
		{"no PHI: allowed whoever the counterparty", func(in *policy.Input) {
			in.Capability, in.Counterparty.Compliance, in.Counterparty.Jurisdiction = "invoice ocr", nil, "VN"
			in.Counterparty.Jurisdictions = []string{"VN"}
		}, policy.Allow, nil},
		{"PHI by data class, not declared", func(in *policy.Input) {
			in.Capability, in.DataClasses = "summarization", []string{"pii", "phi"}
			in.Counterparty.Compliance = []string{"gdpr"}
		}, policy.Deny, []string{"hipaa.phi_undeclared"}},
		{"PHI by capability word, not declared", func(in *policy.Input) {
			in.Counterparty.Compliance, in.Counterparty.DataClasses = nil, nil
		}, policy.Deny, []string{"hipaa.phi_undeclared"}},
		{"declared, but located outside the allowed list", func(in *policy.Input) {
			in.Counterparty.Jurisdiction, in.Counterparty.Jurisdictions = "DE", []string{"DE"}
		}, policy.Deny, []string{"hipaa.jurisdiction"}},
		{"declared, one of its jurisdictions allowed", func(in *policy.Input) {
			in.Counterparty.Jurisdiction, in.Counterparty.Jurisdictions = "EU", []string{"EU", "US"}
		}, policy.Allow, nil},
		{"unknown location", func(in *policy.Input) {
			in.Counterparty.Jurisdiction, in.Counterparty.Jurisdictions = "", nil
		}, policy.Deny, []string{"hipaa.jurisdiction"}},
		{"the work processed outside the allowed list", func(in *policy.Input) {
			in.Jurisdictions = []string{"US", "IN"}
		}, policy.Deny, []string{"hipaa.jurisdiction"}},
		{"neither declared nor allowed: both rules", func(in *policy.Input) {
			in.Counterparty.Compliance, in.Counterparty.Jurisdiction, in.Counterparty.Jurisdictions = []string{"gdpr"}, "FR", []string{"FR"}
		}, policy.Deny, []string{"hipaa.jurisdiction", "hipaa.phi_undeclared"}},
		{"an open RFQ (no counterparty yet): only the work's jurisdictions", func(in *policy.Input) {
			in.Counterparty = policy.Counterparty{}
		}, policy.Allow, nil},
		{"whole words only: 'medicalization' is no PHI word", func(in *policy.Input) {
			in.Capability, in.Counterparty.Compliance = "demedicalization essay", nil
		}, policy.Allow, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := phiInput()
			c.edit(&in)
			d := decide(t, e, in)
			if d.Outcome != c.outcome || !slices.Equal(ruleIDs(d), c.rules) {
				t.Fatalf("decision = %s %v (%s), want %s %v", d.Outcome, ruleIDs(d), d.Reason, c.outcome, c.rules)
			}
			if len(d.Overlays) != 1 || d.Overlays[0].Name != "hipaa" || d.Overlays[0].Version != 1 || len(d.Overlays[0].Hash) != 64 {
				t.Fatalf("overlays = %+v, want hipaa v1 with its hash", d.Overlays)
			}
			if c.outcome == policy.Deny && !strings.Contains(d.Reason, "PHI") {
				t.Errorf("reason %q does not say PHI", d.Reason)
			}
		})
	}
}

func TestOverlay_HIPAAParams(t *testing.T) {
	e := setup(t)
	err := e.SetOverlays([]policy.OverlayConfig{{Name: "hipaa", Params: map[string]any{
		"allowed_jurisdictions": []string{"US", "CA"}, "counterparty_jurisdictions": "all", "require_phi_data_class": true,
		"phi_capability_words": []string{"dental"},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	in := phiInput()
	if d := decide(t, e, in); d.Outcome != policy.Allow {
		t.Fatalf("'clinical' is no longer a PHI word: %s %v", d.Outcome, ruleIDs(d))
	}
	in.Capability = "Dental X-ray reading"
	if d := decide(t, e, in); d.Outcome != policy.Allow {
		t.Fatalf("declared, US: %s %v", d.Outcome, ruleIDs(d))
	}
	in.Counterparty.Jurisdictions = []string{"CA", "MX"}
	if d := decide(t, e, in); !slices.Equal(ruleIDs(d), []string{"hipaa.jurisdiction"}) {
		t.Fatalf("'all': MX is outside: %v", ruleIDs(d))
	}
	in.Counterparty.Jurisdictions = []string{"CA"}
	in.Counterparty.DataClasses = []string{"pii"}
	if d := decide(t, e, in); !slices.Equal(ruleIDs(d), []string{"hipaa.phi_undeclared"}) || !strings.Contains(d.Reason, "phi data class") {
		t.Fatalf("the phi data class is required: %v %q", ruleIDs(d), d.Reason)
	}
}

func TestOverlay_EUAIAct(t *testing.T) {
	e := withOverlays(t, policy.OverlayEUAIAct)
	high := map[string]string{
		"biometric_identification": "Face match identity verification",
		"critical_infrastructure":  "power grid load balancing",
		"education":                "exam scoring",
		"employment":               "CV screening for hiring",
		"credit_scoring":           "creditworthiness assessment",
		"law_enforcement":          "predictive policing",
		"migration_border":         "asylum claim triage",
		"justice":                  "sentencing recommendation",
	}
	for class, capability := range high {
		t.Run(class, func(t *testing.T) {
			in := input() // DE counterparty, work in DE
			in.Capability = capability
			d := decide(t, e, in)
			if d.Outcome != policy.Escalate || d.Rule != "eu_ai_act.human_oversight" || !strings.Contains(d.Reason, class) {
				t.Fatalf("%q: %s %s (%s), want an escalation naming %s", capability, d.Outcome, d.Rule, d.Reason, class)
			}
		})
	}
	t.Run("an ordinary capability is allowed", func(t *testing.T) {
		if d := decide(t, e, input()); d.Outcome != policy.Allow || len(d.Rules) != 0 {
			t.Fatalf("ocr.invoice: %s %v", d.Outcome, ruleIDs(d))
		}
	})
	t.Run("outside the EU: not escalated", func(t *testing.T) {
		in := input()
		in.Capability = "exam scoring"
		in.Jurisdictions = []string{"US"}
		in.Counterparty.Jurisdiction, in.Counterparty.Jurisdictions = "US", []string{"US"}
		if d := decide(t, e, in); d.Outcome != policy.Allow {
			t.Fatalf("US work: %s %v", d.Outcome, ruleIDs(d))
		}
		in.Counterparty.Jurisdictions = []string{"EU", "US"} // the counterparty also works in the EU
		if d := decide(t, e, in); d.Outcome != policy.Escalate {
			t.Fatalf("a counterparty declaring EU: %s %v", d.Outcome, ruleIDs(d))
		}
	})
	t.Run("a declared high-risk counterparty escalates", func(t *testing.T) {
		in := input()
		in.Counterparty.RiskClasses = []string{"high", "limited"}
		d := decide(t, e, in)
		if d.Outcome != policy.Escalate || d.Rule != "eu_ai_act.human_oversight" || !strings.Contains(d.Reason, "declares") {
			t.Fatalf("declared high: %s %s %q", d.Outcome, d.Rule, d.Reason)
		}
	})
	t.Run("parameters", func(t *testing.T) {
		e := setup(t)
		err := e.SetOverlays([]policy.OverlayConfig{{Name: "eu_ai_act", Params: map[string]any{
			"scope": "everywhere", "declared_high_risk": false,
			"high_risk_classes": map[string]any{"custom": []string{"ocr"}},
		}}})
		if err != nil {
			t.Fatal(err)
		}
		in := input()
		in.Capability, in.Jurisdictions = "receipt OCR", []string{"US"}
		in.Counterparty.Jurisdiction, in.Counterparty.RiskClasses = "US", []string{"high"}
		if d := decide(t, e, in); d.Outcome != policy.Escalate || !strings.Contains(d.Reason, "custom") {
			t.Fatalf("scope everywhere, class custom: %s %q", d.Outcome, d.Reason)
		}
		in.Capability = "exam scoring" // no longer a class; the declaration no longer counts
		if d := decide(t, e, in); d.Outcome != policy.Allow {
			t.Fatalf("exam scoring under custom classes: %s %v", d.Outcome, ruleIDs(d))
		}
	})
}

func TestOverlay_WithPrincipalPolicy(t *testing.T) {
	e := withOverlays(t, "hipaa", "eu-ai-act")
	mustSet(t, e, alice, `package agora.policy

escalate contains {"rule": "escalate_price", "reason": "above 5 USD"} if input.priceUSD > 5
deny contains {"rule": "no_hr", "reason": "alice buys no HR work"} if contains(input.capability, "hiring")
`, nil)
	in := phiInput()
	in.Counterparty.Compliance = nil // PHI undeclared: deny
	in.Counterparty.Jurisdiction, in.Counterparty.Jurisdictions = "DE", []string{"DE", "US"}
	in.Counterparty.RiskClasses = []string{"high"} // and the EU AI Act escalates
	d := decide(t, e, in)
	if d.Outcome != policy.Deny || d.Rule != "hipaa.phi_undeclared" || d.PolicyVersion != 1 {
		t.Fatalf("decision = %s %s v%d, want deny hipaa.phi_undeclared by policy v1", d.Outcome, d.Rule, d.PolicyVersion)
	}
	want := []string{"hipaa.phi_undeclared", "escalate_price", "eu_ai_act.human_oversight"}
	if !slices.Equal(ruleIDs(d), want) {
		t.Fatalf("rules = %v, want %v", ruleIDs(d), want)
	}
	if len(d.Overlays) != 2 || d.Overlays[0].Name != "eu-ai-act" || d.Overlays[1].Name != "hipaa" {
		t.Fatalf("overlays = %+v", d.Overlays)
	}

	in = input()
	in.Capability = "hiring: candidate ranking"
	d = decide(t, e, in)
	if d.Outcome != policy.Deny || d.Rule != "no_hr" || !slices.Equal(ruleIDs(d), []string{"no_hr", "escalate_price", "eu_ai_act.human_oversight"}) {
		t.Fatalf("the principal's deny wins over the overlay's escalation: %s %s %v", d.Outcome, d.Rule, ruleIDs(d))
	}

	// Bob has no policy: the overlays still decide for him.
	in.Principal, in.Capability = bob, "candidate ranking"
	d = decide(t, e, in)
	if d.Outcome != policy.Escalate || d.Rule != "eu_ai_act.human_oversight" || d.PolicyVersion != 0 {
		t.Fatalf("bob: %s %s v%d", d.Outcome, d.Rule, d.PolicyVersion)
	}

	// Turning the overlays off leaves the principal's policy alone.
	if err := e.SetOverlays(nil); err != nil {
		t.Fatal(err)
	}
	if d := decide(t, e, in); d.Outcome != policy.Allow || d.Reason != "no policy" || d.Overlays != nil {
		t.Fatalf("no overlays: %s %q %v", d.Outcome, d.Reason, d.Overlays)
	}
}

func TestOverlay_PrincipalCannotReplaceOverlay(t *testing.T) {
	e := withOverlays(t, "hipaa")
	for _, pkg := range []string{"agora.overlay.hipaa", "agora.overlay.eu_ai_act", "agora.overlay"} {
		_, err := e.Set(alice, "package "+pkg+"\n\ndeny contains {\"rule\": \"phi_undeclared\", \"reason\": \"x\"} if false\n", nil)
		var ce *policy.CompileError
		if !errors.As(err, &ce) || ce.Problems[0].Code != policy.CodeConvention {
			t.Fatalf("Set(package %s) = %v, want a convention error", pkg, err)
		}
	}
	// A principal's policy that reads data.agora.overlay sees nothing of it: it is compiled apart.
	mustSet(t, e, alice, `package agora.policy

escalate contains {"rule": "peek", "reason": "saw the overlay"} if data.agora.overlay.hipaa.params
`, nil)
	in := phiInput()
	if d := decide(t, e, in); d.Outcome != policy.Allow {
		t.Fatalf("the principal's module saw the overlay: %s %v", d.Outcome, ruleIDs(d))
	}
	in.Counterparty.Compliance = nil
	if d := decide(t, e, in); d.Rule != "hipaa.phi_undeclared" {
		t.Fatalf("the overlay stayed in force: %s %v", d.Rule, ruleIDs(d))
	}
}

func TestOverlay_SetOverlays(t *testing.T) {
	e := withOverlays(t, "hipaa")
	before := e.Overlays()
	for name, cfgs := range map[string][]policy.OverlayConfig{
		"unknown name":      {{Name: "gdpr"}},
		"named twice":       {{Name: "hipaa"}, {Name: "HIPAA"}},
		"unknown parameter": {{Name: "hipaa", Params: map[string]any{"allowed_jurisdiction": []string{"US"}}}},
		"wrong type":        {{Name: "eu-ai-act", Params: map[string]any{"scope": 1}}},
		"null":              {{Name: "hipaa", Params: map[string]any{"allowed_jurisdictions": nil}}},
	} {
		err := e.SetOverlays(cfgs)
		if err == nil {
			t.Errorf("%s: SetOverlays(%+v) accepted", name, cfgs)
		}
		if name == "unknown name" && (!errors.Is(err, policy.ErrUnknownOverlay) || !strings.Contains(err.Error(), "eu-ai-act, hipaa")) {
			t.Errorf("unknown name: %v, want ErrUnknownOverlay listing the overlays", err)
		}
		if !slices.Equal(e.Overlays(), before) {
			t.Fatalf("%s: a refused SetOverlays changed the overlays to %+v", name, e.Overlays())
		}
	}
	if err := policy.CheckOverlays([]string{"hipaa", "eu-ai-act"}); err != nil {
		t.Fatal(err)
	}
	if got := policy.OverlayNames(); !slices.Equal(got, []string{"eu-ai-act", "hipaa"}) {
		t.Fatalf("OverlayNames() = %v", got)
	}
	// The hash changes with the parameters, not with their order.
	a := setup(t)
	if err := a.SetOverlays([]policy.OverlayConfig{{Name: "hipaa", Params: map[string]any{"allowed_jurisdictions": []string{"US", "CA"}}}}); err != nil {
		t.Fatal(err)
	}
	if a.Overlays()[0].Hash == before[0].Hash {
		t.Fatal("the hash ignores the parameters")
	}
	// Every shipped overlay compiles and passes its probe.
	if err := setup(t).SetOverlays([]policy.OverlayConfig{{Name: "eu-ai-act"}, {Name: "hipaa"}}); err != nil {
		t.Fatal(err)
	}
}

// The input hash of an input without the counterparty's declarations is the one it had before they
// existed: they are left out of the canonical JSON when empty.
func TestOverlay_InputHashStable(t *testing.T) {
	in := input()
	b, err := in.CanonicalJSON()
	if err != nil {
		t.Fatal(err)
	}
	const want = `"counterparty":{"id":"2","jurisdiction":"DE","reputation":80,"sybilFlags":null,"wallet":"0x2222222222222222222222222222222222222222"}`
	if !strings.Contains(string(b), want) {
		t.Fatalf("canonical JSON %s, want the counterparty as %s", b, want)
	}
	in.Counterparty.Compliance, in.Counterparty.RiskClasses = []string{"hipaa"}, []string{"high"}
	b, _ = in.CanonicalJSON()
	if !strings.Contains(string(b), `"counterparty":{"compliance":["hipaa"],"id":"2"`) || !strings.Contains(string(b), `"riskClasses":["high"],"sybilFlags"`) {
		t.Fatalf("canonical JSON %s: declarations missing or out of order", b)
	}
}

// DecideOverlays decides by the overlays alone, leaving the principal's own policy out: an agent acting on its
// own money is under the operator's sector rules, not under a policy someone set for its address.
func TestOverlay_DecideOverlays(t *testing.T) {
	e := withOverlays(t, "hipaa", "eu-ai-act")
	mustSet(t, e, alice, `package agora.policy

deny contains {"rule": "no_ocr", "reason": "alice's agent buys no OCR"} if contains(input.capability, "ocr")
`, nil)
	in := input()
	in.Capability = "invoice ocr"
	if d := decide(t, e, in); d.Outcome != policy.Deny || d.Rule != "no_ocr" {
		t.Fatalf("Decide: %s %s, want alice's own deny", d.Outcome, d.Rule)
	}
	d, err := e.DecideOverlays(t.Context(), in)
	if err != nil || d.Outcome != policy.Allow || d.PolicyVersion != 0 || len(d.Overlays) != 2 {
		t.Fatalf("DecideOverlays: %s %s v%d %v (%v), want allow by the overlays alone", d.Outcome, d.Rule, d.PolicyVersion, d.Overlays, err)
	}
	in = phiInput()
	in.Counterparty.Compliance = nil
	if d, err := e.DecideOverlays(t.Context(), in); err != nil || d.Outcome != policy.Deny || d.Rule != "hipaa.phi_undeclared" {
		t.Fatalf("DecideOverlays of PHI to an undeclared counterparty: %s %s (%v)", d.Outcome, d.Rule, err)
	}
	if err := e.SetOverlays(nil); err != nil {
		t.Fatal(err)
	}
	if d, err := e.DecideOverlays(t.Context(), in); err != nil || d.Outcome != policy.Allow {
		t.Fatalf("no overlays: %s (%v)", d.Outcome, err)
	}
}
