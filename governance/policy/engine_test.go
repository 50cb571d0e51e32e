package policy_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/agoralabs/agora/governance/policy"
)

const (
	alice = "0x00000000000000000000000000000000000a11ce"
	bob   = "0x0000000000000000000000000000000000000b0b"
)

// denyAll denies every input with rule id.
func denyAll(id string) string {
	return fmt.Sprintf("package agora.policy\n\ndeny contains {\"rule\": %q, \"reason\": \"always\"} if true\n", id)
}

// input is a valid award by alice's agent 1 to agent 2 (reputation 80) of 10 USD.
func input() policy.Input {
	rep := 80.0
	return policy.Input{
		Action:       policy.ActionAward,
		Principal:    alice,
		Agent:        policy.Agent{ID: "1", Wallet: "0x1111111111111111111111111111111111111111"},
		Counterparty: policy.Counterparty{ID: "2", Wallet: "0x2222222222222222222222222222222222222222", Reputation: &rep, Jurisdiction: "DE"},
		Price:        "10000000", PriceUSD: 10,
		Token:         "0x3333333333333333333333333333333333333333",
		Capability:    "ocr.invoice",
		DataClasses:   []string{"public"},
		Jurisdictions: []string{"DE"},
		MandateID:     "m-1",
		Time:          "2026-03-01T12:00:00Z",
	}
}

// setup returns an engine with the default options.
func setup(t *testing.T) *policy.Engine {
	t.Helper()
	return policy.NewEngine(policy.Options{})
}

// mustSet sets a policy and fails the test on error.
func mustSet(t *testing.T, e *policy.Engine, principal, src string, params map[string]any) int {
	t.Helper()
	v, err := e.Set(principal, src, params)
	if err != nil {
		t.Fatalf("Set(%s) error: %v", principal, err)
	}
	return v
}

// decide decides in and fails the test on error.
func decide(t *testing.T, e *policy.Engine, in policy.Input) policy.Decision {
	t.Helper()
	d, err := e.Decide(context.Background(), in)
	if err != nil {
		t.Fatalf("Decide() error: %v", err)
	}
	return d
}

func TestEngine_Set(t *testing.T) {
	t.Run("versions increase per principal from 1", func(t *testing.T) {
		e := setup(t)
		for want := 1; want <= 3; want++ {
			if got := mustSet(t, e, alice, denyAll("a"), nil); got != want {
				t.Errorf("Set(alice) #%d = %d, want %d", want, got, want)
			}
		}
		if got := mustSet(t, e, bob, denyAll("b"), nil); got != 1 {
			t.Errorf("Set(bob) = %d, want 1", got)
		}
		if got := e.Version(alice); got != 3 {
			t.Errorf("Version(alice) = %d, want 3", got)
		}
	})

	t.Run("mixed-case principal is the same principal", func(t *testing.T) {
		e := setup(t)
		mustSet(t, e, "0x00000000000000000000000000000000000A11CE", denyAll("a"), nil)
		if got := e.Version(alice); got != 1 {
			t.Errorf("Version(alice) = %d, want 1", got)
		}
		if got := e.Principals(); len(got) != 1 || got[0] != alice {
			t.Errorf("Principals() = %v, want [%s]", got, alice)
		}
	})

	refused := []struct {
		name      string
		principal string
		src       string
		params    map[string]any
		want      error // sentinel, or nil for a bare *CompileError
		code      string
	}{
		{"bad principal", "alice", denyAll("a"), nil, policy.ErrBadPrincipal, ""},
		{"short principal", "0x1234", denyAll("a"), nil, policy.ErrBadPrincipal, ""},
		{"oversize source", alice, denyAll("a") + "# " + strings.Repeat("x", 64<<10) + "\n", nil, policy.ErrTooLarge, ""},
		{"oversize params", alice, denyAll("a"), map[string]any{"x": strings.Repeat("x", 64<<10)}, policy.ErrTooLarge, ""},
		{"params not JSON", alice, denyAll("a"), map[string]any{"f": func() {}}, policy.ErrBadParams, ""},
		{"syntax error", alice, "package agora.policy\n\ndeny contains {\"rule\": \"x\" if {\n", nil, nil, "rego_parse_error"},
		{"v0 syntax", alice, "package agora.policy\n\ndeny[r] { r := {\"rule\": \"x\", \"reason\": \"\"} }\n", nil, nil, "rego_parse_error"},
		{"type error", alice, "package agora.policy\n\ndeny contains {\"rule\": \"x\", \"reason\": \"\"} if { count(1) > 0 }\n", nil, nil, "rego_type_error"},
		{"wrong package", alice, "package other\n\ndeny contains {\"rule\": \"x\", \"reason\": \"\"} if true\n", nil, nil, policy.CodeConvention},
		{"deny not a set", alice, "package agora.policy\n\ndeny := true\n", nil, nil, policy.CodeConvention},
		{"recursion", alice, "package agora.policy\n\na if b\nb if a\n\ndeny contains {\"rule\": \"x\", \"reason\": \"\"} if a\n", nil, policy.ErrRecursion, "rego_recursion_error"},
		{"recursive function", alice, "package agora.policy\n\nf(x) := f(x - 1) if x > 0\n\ndeny contains {\"rule\": \"x\", \"reason\": \"\"} if f(3)\n", nil, policy.ErrRecursion, "rego_recursion_error"},
		{"http.send", alice, "package agora.policy\n\ndeny contains {\"rule\": \"x\", \"reason\": r.body} if {\n\tr := http.send({\"method\": \"GET\", \"url\": \"http://127.0.0.1:1\"})\n}\n", nil, policy.ErrForbiddenBuiltin, policy.CodeForbiddenBuiltin},
		{"time.now_ns", alice, "package agora.policy\n\ndeny contains {\"rule\": \"x\", \"reason\": \"\"} if time.now_ns() > 0\n", nil, policy.ErrForbiddenBuiltin, policy.CodeForbiddenBuiltin},
		{"rand.intn", alice, "package agora.policy\n\ndeny contains {\"rule\": \"x\", \"reason\": \"\"} if rand.intn(\"x\", 2) == 0\n", nil, policy.ErrForbiddenBuiltin, policy.CodeForbiddenBuiltin},
		{"net.lookup_ip_addr", alice, "package agora.policy\n\ndeny contains {\"rule\": \"x\", \"reason\": \"\"} if net.lookup_ip_addr(\"example.com\")\n", nil, policy.ErrForbiddenBuiltin, policy.CodeForbiddenBuiltin},
		{"opa.runtime", alice, "package agora.policy\n\ndeny contains {\"rule\": \"x\", \"reason\": \"\"} if opa.runtime().env\n", nil, policy.ErrForbiddenBuiltin, policy.CodeForbiddenBuiltin},
		{"uuid.rfc4122", alice, "package agora.policy\n\ndeny contains {\"rule\": \"x\", \"reason\": \"\"} if uuid.rfc4122(\"a\")\n", nil, policy.ErrForbiddenBuiltin, policy.CodeForbiddenBuiltin},
		{"trace", alice, "package agora.policy\n\ndeny contains {\"rule\": \"x\", \"reason\": \"\"} if trace(\"hi\")\n", nil, policy.ErrForbiddenBuiltin, policy.CodeForbiddenBuiltin},
		{"slow", alice, "package agora.policy\n\ndeny contains {\"rule\": \"x\", \"reason\": \"\"} if count([x | some x in numbers.range(1, 100000000)]) > 0\n", nil, policy.ErrTooSlow, ""},
		{"slow nested loop", alice, "package agora.policy\n\ndeny contains {\"rule\": \"x\", \"reason\": \"\"} if {\n\tevery i in numbers.range(1, 20000) { every j in numbers.range(1, 20000) { i != -j } }\n}\n", nil, policy.ErrTooSlow, ""},
		{"malformed hit", alice, "package agora.policy\n\ndeny contains \"no\" if true\n", nil, policy.ErrMalformedHit, ""},
		{"hit without rule", alice, "package agora.policy\n\nescalate contains {\"reason\": \"r\"} if true\n", nil, policy.ErrMalformedHit, ""},
	}
	for _, tc := range refused {
		t.Run("refuses "+tc.name+" and keeps the previous version", func(t *testing.T) {
			e := setup(t)
			if tc.principal == alice {
				mustSet(t, e, alice, denyAll("previous"), nil)
			}
			before := e.Version(alice)
			start := time.Now()
			v, err := e.Set(tc.principal, tc.src, tc.params)
			if err == nil {
				t.Fatalf("Set(%s) = %d, nil; want an error", tc.name, v)
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("Set(%s) error = %v, want %v", tc.name, err, tc.want)
			}
			var ce *policy.CompileError
			if tc.code != "" {
				if !errors.As(err, &ce) {
					t.Fatalf("Set(%s) error = %T %v, want *CompileError", tc.name, err, err)
				}
				if !hasCode(ce, tc.code) {
					t.Errorf("Set(%s) problems = %v, want code %s", tc.name, ce.Problems, tc.code)
				}
			}
			if elapsed := time.Since(start); elapsed > 2*time.Second {
				t.Errorf("Set(%s) took %v", tc.name, elapsed)
			}
			if got := e.Version(alice); got != before {
				t.Errorf("Version(alice) after refusal = %d, want %d", got, before)
			}
			if before > 0 {
				d := decide(t, e, input())
				if d.Rule != "previous" || d.PolicyVersion != before {
					t.Errorf("Decide after refusal = %s v%d, want previous v%d", d.Rule, d.PolicyVersion, before)
				}
			}
		})
	}

	t.Run("compile error carries OPA's location", func(t *testing.T) {
		e := setup(t)
		_, err := e.Set(alice, "package agora.policy\n\ndeny contains {\"rule\": \"x\", \"reason\": y} if true\n", nil)
		var ce *policy.CompileError
		if !errors.As(err, &ce) || len(ce.Problems) == 0 {
			t.Fatalf("Set error = %v, want *CompileError", err)
		}
		if p := ce.Problems[0]; p.Row != 3 || p.Message == "" {
			t.Errorf("Problems[0] = %+v, want row 3 with a message", p)
		}
		if !strings.Contains(err.Error(), alice) {
			t.Errorf("Error() = %q, want the principal in it", err)
		}
	})

	t.Run("a module without deny or escalate allows", func(t *testing.T) {
		e := setup(t)
		mustSet(t, e, alice, "package agora.policy\n\nhelper := 1\n", nil)
		d := decide(t, e, input())
		if d.Outcome != policy.Allow || d.PolicyVersion != 1 {
			t.Errorf("Decide = %s v%d, want allow v1", d.Outcome, d.PolicyVersion)
		}
	})
}

func hasCode(ce *policy.CompileError, code string) bool {
	for _, p := range ce.Problems {
		if p.Code == code {
			return true
		}
	}
	return false
}

func TestEngine_Remove(t *testing.T) {
	e := setup(t)
	mustSet(t, e, alice, denyAll("a"), nil)
	e.Remove(alice)
	if got := e.Version(alice); got != 0 {
		t.Errorf("Version after Remove = %d, want 0", got)
	}
	if d := decide(t, e, input()); d.Outcome != policy.Allow || d.PolicyVersion != 0 {
		t.Errorf("Decide after Remove = %s v%d, want allow v0", d.Outcome, d.PolicyVersion)
	}
	if got := mustSet(t, e, alice, denyAll("a"), nil); got != 2 {
		t.Errorf("Set after Remove = %d, want 2 (versions continue)", got)
	}
}

func TestEngine_Decide(t *testing.T) {
	t.Run("no policy allows", func(t *testing.T) {
		d := decide(t, setup(t), input())
		if d.Outcome != policy.Allow || d.Rule != "" || d.PolicyVersion != 0 || d.Rules == nil {
			t.Errorf("Decide = %+v, want allow, rule \"\", v0, empty rules", d)
		}
		if d.Principal != alice || len(d.InputHash) != 64 {
			t.Errorf("Decide principal, hash = %s, %q", d.Principal, d.InputHash)
		}
	})

	t.Run("two denies: the smallest rule id decides", func(t *testing.T) {
		e := setup(t)
		mustSet(t, e, alice, `package agora.policy

deny contains {"rule": "zeta", "reason": "z"} if true
deny contains {"rule": "alpha", "reason": "a2"} if true
deny contains {"rule": "alpha", "reason": "a1"} if true
escalate contains {"rule": "aaa", "reason": "e"} if true
`, nil)
		for range 5 {
			d := decide(t, e, input())
			if d.Outcome != policy.Deny || d.Rule != "alpha" || d.Reason != "a1" {
				t.Fatalf("Decide = %s %s %q, want deny alpha \"a1\"", d.Outcome, d.Rule, d.Reason)
			}
			want := []policy.Hit{{"alpha", policy.Deny, "a1"}, {"alpha", policy.Deny, "a2"}, {"zeta", policy.Deny, "z"}, {"aaa", policy.Escalate, "e"}}
			if fmt.Sprint(d.Rules) != fmt.Sprint(want) {
				t.Fatalf("Rules = %v, want %v", d.Rules, want)
			}
		}
	})

	t.Run("deny beats escalate", func(t *testing.T) {
		e := setup(t)
		mustSet(t, e, alice, `package agora.policy

escalate contains {"rule": "a_escalate", "reason": "look"} if true
deny contains {"rule": "z_deny", "reason": "no"} if input.priceUSD > 5
`, nil)
		if d := decide(t, e, input()); d.Outcome != policy.Deny || d.Rule != "z_deny" {
			t.Errorf("Decide(10 USD) = %s %s, want deny z_deny", d.Outcome, d.Rule)
		}
		in := input()
		in.PriceUSD = 1
		if d := decide(t, e, in); d.Outcome != policy.Escalate || d.Rule != "a_escalate" {
			t.Errorf("Decide(1 USD) = %s %s, want escalate a_escalate", d.Outcome, d.Rule)
		}
	})

	t.Run("params reach data.params", func(t *testing.T) {
		e := setup(t)
		src := "package agora.policy\n\ndeny contains {\"rule\": \"max\", \"reason\": \"\"} if input.priceUSD > data.params.max\n"
		mustSet(t, e, alice, src, map[string]any{"max": 5})
		mustSet(t, e, bob, src, map[string]any{"max": 50})
		if d := decide(t, e, input()); d.Outcome != policy.Deny {
			t.Errorf("Decide(alice, max 5) = %s, want deny", d.Outcome)
		}
		in := input()
		in.Principal = bob
		if d := decide(t, e, in); d.Outcome != policy.Allow {
			t.Errorf("Decide(bob, max 50) = %s, want allow", d.Outcome)
		}
	})

	t.Run("input-dependent slowness hits the decide deadline", func(t *testing.T) {
		e := policy.NewEngine(policy.Options{DecideTimeout: 20 * time.Millisecond})
		mustSet(t, e, alice, "package agora.policy\n\ndeny contains {\"rule\": \"x\", \"reason\": \"\"} if count([x | some x in numbers.range(1, input.priceUSD)]) < 0\n", nil)
		in := input()
		in.PriceUSD = 1e8
		start := time.Now()
		d, err := e.Decide(context.Background(), in)
		if !errors.Is(err, policy.ErrTooSlow) {
			t.Fatalf("Decide error = %v, want ErrTooSlow", err)
		}
		if d.Outcome != policy.Deny || d.Rule != policy.RuleError || d.PolicyVersion != 1 {
			t.Errorf("Decide = %s %s v%d, want deny %s v1", d.Outcome, d.Rule, d.PolicyVersion, policy.RuleError)
		}
		if elapsed := time.Since(start); elapsed > time.Second {
			t.Errorf("Decide took %v, want about 20ms", elapsed)
		}
	})

	t.Run("a malformed hit is an error and a deny", func(t *testing.T) {
		e := setup(t)
		mustSet(t, e, alice, "package agora.policy\n\ndeny contains {\"rule\": input.capability, \"reason\": \"\"} if input.priceUSD > 5\n", nil)
		in := input()
		in.Capability = ""
		d, err := e.Decide(context.Background(), in)
		if !errors.Is(err, policy.ErrMalformedHit) || d.Outcome != policy.Deny {
			t.Errorf("Decide = %s, %v; want deny, ErrMalformedHit", d.Outcome, err)
		}
	})

	t.Run("cancelled context is an error and a deny", func(t *testing.T) {
		e := setup(t)
		mustSet(t, e, alice, denyAll("a"), nil)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		d, err := e.Decide(ctx, input())
		if !errors.Is(err, context.Canceled) || d.Outcome != policy.Deny {
			t.Errorf("Decide = %s, %v; want deny, context.Canceled", d.Outcome, err)
		}
	})

	bad := []struct {
		name string
		edit func(*policy.Input)
		want error
	}{
		{"unknown action", func(in *policy.Input) { in.Action = "withdraw" }, policy.ErrBadInput},
		{"bad time", func(in *policy.Input) { in.Time = "yesterday" }, policy.ErrBadInput},
		{"NaN price", func(in *policy.Input) { in.PriceUSD = nan() }, policy.ErrBadInput},
		{"bad principal", func(in *policy.Input) { in.Principal = "0xabc" }, policy.ErrBadPrincipal},
	}
	for _, tc := range bad {
		t.Run("refuses "+tc.name+" with a deny", func(t *testing.T) {
			in := input()
			tc.edit(&in)
			d, err := setup(t).Decide(context.Background(), in)
			if !errors.Is(err, tc.want) || d.Outcome != policy.Deny || d.Rule != policy.RuleError {
				t.Errorf("Decide = %s %s, %v; want deny %s, %v", d.Outcome, d.Rule, err, policy.RuleError, tc.want)
			}
		})
	}

	t.Run("the input hash is the canonical JSON's, time filled by the clock", func(t *testing.T) {
		now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		e := policy.NewEngine(policy.Options{Now: func() time.Time { return now }})
		in := input()
		in.Time, in.Principal = "", "0x00000000000000000000000000000000000A11CE"
		in.DataClasses, in.Jurisdictions = nil, nil
		d := decide(t, e, in)

		want := input()
		want.Time = "2026-03-01T12:00:00Z"
		want.DataClasses, want.Jurisdictions = []string{}, []string{}
		want.Counterparty.SybilFlags = []string{}
		h, err := want.Hash()
		if err != nil {
			t.Fatal(err)
		}
		if d.InputHash != h {
			t.Errorf("InputHash = %s, want %s", d.InputHash, h)
		}
	})
}

func nan() float64 { var z float64; return z / z }

func TestInput_CanonicalJSON(t *testing.T) {
	b, err := input().CanonicalJSON()
	if err != nil {
		t.Fatal(err)
	}
	// Re-encoding through a map sorts every object's keys: canonical JSON is a fixed point.
	var m any
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	sorted, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != string(sorted) {
		t.Errorf("CanonicalJSON() = %s\nwant keys sorted: %s", b, sorted)
	}
}

func TestEngine_concurrentSetAndDecide(t *testing.T) {
	// Deadlines are wall time; under -race on a busy machine a decision can take longer than 50 ms.
	e := policy.NewEngine(policy.Options{LoadTimeout: 10 * time.Second, DecideTimeout: 10 * time.Second})
	mustSet(t, e, alice, denyAll("v"), nil)
	var wg sync.WaitGroup
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for range 4 {
		wg.Go(func() {
			for ctx.Err() == nil {
				d, err := e.Decide(context.Background(), input())
				if err != nil || d.Outcome != policy.Deny || d.PolicyVersion < 1 {
					t.Errorf("Decide = %s v%d, %v; want deny", d.Outcome, d.PolicyVersion, err)
					return
				}
			}
		})
	}
	last := 0
	for i := range 20 {
		v, err := e.Set(alice, denyAll(fmt.Sprintf("v%d", i)), nil)
		if err != nil || v <= last {
			t.Fatalf("Set #%d = %d, %v; want > %d", i, v, err, last)
		}
		last = v
		if i%5 == 0 {
			e.Remove(bob)
			mustSet(t, e, bob, denyAll("b"), nil)
		}
	}
	cancel()
	wg.Wait()
	if got := e.Version(alice); got != last {
		t.Errorf("Version = %d, want %d", got, last)
	}
}

func TestInput_value(t *testing.T) {
	rep := 1e-7
	odd := input()
	odd.Counterparty.Reputation = &rep
	odd.PriceUSD, odd.SpentTodayUSD = 1e21, 1234.5678
	odd.Counterparty.SybilFlags = []string{"a", "<b>"}
	odd.Capability = "ünïcode \"quoted\" & <tagged>"
	noRep := input()
	noRep.Counterparty.Reputation = nil
	noRep.DataClasses = nil
	declared := input()
	declared.Counterparty.Compliance, declared.Counterparty.DataClasses = []string{"hipaa"}, []string{"phi", "pii"}
	declared.Counterparty.Jurisdictions, declared.Counterparty.RiskClasses = []string{"EU", "US"}, []string{"high"}
	someDeclared := input()
	someDeclared.Counterparty.RiskClasses, someDeclared.Counterparty.Compliance = []string{"limited"}, []string{}
	for _, in := range []policy.Input{input(), odd, noRep, declared, someDeclared} {
		b, err := in.CanonicalJSON()
		if err != nil {
			t.Fatal(err)
		}
		want, err := ast.ValueFromReader(strings.NewReader(string(b)))
		if err != nil {
			t.Fatal(err)
		}
		if got := policy.InputValue(in); ast.Compare(got, want) != 0 {
			t.Errorf("value() = %v\nwant (parsed canonical JSON) %v", got, want)
		}
	}
}
