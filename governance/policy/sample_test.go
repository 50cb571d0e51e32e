package policy_test

import (
	"testing"

	"github.com/agoralabs/agora/governance/policy"
)

// sampleCase is one input judged by the sample policy with some parameters.
type sampleCase struct {
	name   string
	params map[string]any // nil: defaults
	edit   func(*policy.Input)
	want   policy.Outcome
	rule   string // the deciding rule; "" for allow
}

// runSample runs the cases against the Sample policy, each with its own engine.
func runSample(t *testing.T, cases []sampleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := setup(t)
			mustSet(t, e, alice, policy.Sample, tc.params)
			in := input()
			if tc.edit != nil {
				tc.edit(&in)
			}
			d := decide(t, e, in)
			if d.Outcome != tc.want || d.Rule != tc.rule {
				t.Errorf("Decide = %s %q (%s), want %s %q; hits %v", d.Outcome, d.Rule, d.Reason, tc.want, tc.rule, d.Rules)
			}
			if tc.want != policy.Allow && d.Reason == "" {
				t.Errorf("Decide reason is empty")
			}
		})
	}
}

func rep(r float64) func(*policy.Input) {
	return func(in *policy.Input) { in.Counterparty.Reputation = &r }
}

func TestSample_minReputation(t *testing.T) {
	runSample(t, []sampleCase{
		{"allows a reputable counterparty", nil, rep(80), policy.Allow, ""},
		{"denies under the default 50", nil, rep(49.99), policy.Deny, "min_reputation"},
		{"allows exactly the default 50", nil, rep(50), policy.Allow, ""},
		{"denies under a set minimum", map[string]any{"min_reputation": 90}, rep(80), policy.Deny, "min_reputation"},
		{"allows exactly a set minimum", map[string]any{"min_reputation": 80}, rep(80), policy.Allow, ""},
		{"escalates an unknown reputation", nil, func(in *policy.Input) { in.Counterparty.Reputation = nil }, policy.Escalate, "min_reputation"},
		{"null minimum turns the rule off", map[string]any{"min_reputation": nil}, rep(1), policy.Allow, ""},
	})
}

func TestSample_sybil(t *testing.T) {
	flags := func(fs ...string) func(*policy.Input) {
		return func(in *policy.Input) { in.Counterparty.SybilFlags = fs }
	}
	runSample(t, []sampleCase{
		{"allows no flags", nil, flags(), policy.Allow, ""},
		{"allows absent flags", nil, func(in *policy.Input) { in.Counterparty.SybilFlags = nil }, policy.Allow, ""},
		{"denies one flag", nil, flags("owner_cluster"), policy.Deny, "sybil"},
		{"denies two flags", nil, flags("self_review", "reciprocal_cluster"), policy.Deny, "sybil"},
	})
}

func TestSample_jurisdiction(t *testing.T) {
	eu := map[string]any{"allowed_jurisdictions": []string{"DE", "FR", "EU"}}
	where := func(work []string, cp string) func(*policy.Input) {
		return func(in *policy.Input) { in.Jurisdictions, in.Counterparty.Jurisdiction = work, cp }
	}
	runSample(t, []sampleCase{
		{"no list allows anywhere", nil, where([]string{"US", "CN"}, "RU"), policy.Allow, ""},
		{"allows work and counterparty inside", eu, where([]string{"DE", "EU"}, "FR"), policy.Allow, ""},
		{"allows the last listed code", eu, where([]string{"EU"}, "EU"), policy.Allow, ""},
		{"denies work processed outside", eu, where([]string{"DE", "US"}, "DE"), policy.Deny, "jurisdiction"},
		{"denies a counterparty outside", eu, where([]string{"DE"}, "US"), policy.Deny, "jurisdiction"},
		{"denies an unknown counterparty jurisdiction", eu, where([]string{"DE"}, ""), policy.Deny, "jurisdiction"},
		{"an empty list denies everything", map[string]any{"allowed_jurisdictions": []string{}}, where(nil, "DE"), policy.Deny, "jurisdiction"},
	})
}

func TestSample_dataClass(t *testing.T) {
	classes := func(cs ...string) func(*policy.Input) {
		return func(in *policy.Input) { in.DataClasses = cs }
	}
	runSample(t, []sampleCase{
		{"allows public and pii by default", nil, classes("public", "pii"), policy.Allow, ""},
		{"allows no data classes", nil, classes(), policy.Allow, ""},
		{"denies phi by default", nil, classes("public", "phi"), policy.Deny, "data_class"},
		{"allows phi when listed", map[string]any{"allowed_data_classes": []string{"phi"}}, classes("phi"), policy.Allow, ""},
		{"denies pii when not listed", map[string]any{"allowed_data_classes": []string{"public"}}, classes("pii"), policy.Deny, "data_class"},
		{"null list turns the rule off", map[string]any{"allowed_data_classes": nil}, classes("children"), policy.Allow, ""},
	})
}

func TestSample_escalatePrice(t *testing.T) {
	price := func(usd float64) func(*policy.Input) {
		return func(in *policy.Input) { in.PriceUSD = usd }
	}
	runSample(t, []sampleCase{
		{"allows under the default 1000", nil, price(999.99), policy.Allow, ""},
		{"allows exactly the default 1000", nil, price(1000), policy.Allow, ""},
		{"escalates above the default", nil, price(1000.01), policy.Escalate, "escalate_price"},
		{"escalates above a set threshold", map[string]any{"escalate_above_usd": 5}, price(5.5), policy.Escalate, "escalate_price"},
		{"allows exactly a set threshold", map[string]any{"escalate_above_usd": 5.5}, price(5.5), policy.Allow, ""},
		{"a deny still beats it", nil, func(in *policy.Input) { in.PriceUSD = 5000; in.DataClasses = []string{"phi"} }, policy.Deny, "data_class"},
	})
}

func TestSample_dailyCeiling(t *testing.T) {
	spend := func(today, price float64) func(*policy.Input) {
		return func(in *policy.Input) { in.SpentTodayUSD, in.PriceUSD = today, price }
	}
	ceiling := map[string]any{"daily_ceiling_usd": 100, "escalate_above_usd": nil}
	runSample(t, []sampleCase{
		{"allows under the default 10000", nil, spend(9000, 500), policy.Allow, ""},
		{"allows exactly the default", nil, spend(9500, 500), policy.Allow, ""},
		{"denies over the default", nil, spend(9500.5, 500), policy.Deny, "daily_ceiling"},
		{"allows exactly a set ceiling", ceiling, spend(60, 40), policy.Allow, ""},
		{"denies over a set ceiling", ceiling, spend(60, 40.25), policy.Deny, "daily_ceiling"},
		{"denies one action over the ceiling alone", ceiling, spend(0, 101), policy.Deny, "daily_ceiling"},
	})
}

func TestSample_params(t *testing.T) {
	runSample(t, []sampleCase{
		{"a string threshold denies everything", map[string]any{"min_reputation": "50"}, nil, policy.Deny, "params"},
		{"a string list denies everything", map[string]any{"allowed_data_classes": "public"}, nil, policy.Deny, "params"},
		{"unknown parameters are ignored", map[string]any{"colour": "blue"}, nil, policy.Allow, ""},
	})
}
