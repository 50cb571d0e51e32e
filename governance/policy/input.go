package policy

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
)

// The actions that commit an agent, one of which every Input names.
const (
	ActionRFQPost       = "rfq.post"
	ActionQuote         = "quote"
	ActionAward         = "award"
	ActionAgreementSign = "agreement.sign"
	ActionFund          = "fund"
)

// Outcome is a decision's verdict.
type Outcome string

// The outcomes, from most to least permissive.
const (
	// Allow: the action may proceed.
	Allow Outcome = "allow"
	// Escalate: a human (or the principal's own process) must approve the action first.
	Escalate Outcome = "escalate"
	// Deny: the action must not proceed.
	Deny Outcome = "deny"
)

// RuleError is the Rule of the deny Decision that Decide returns together with an error.
const RuleError = "agora.error"

// Input is what a decision sees. Its fields are documented in the package comment. They are declared
// in the byte order of their JSON names, so encoding/json writes the keys sorted and CanonicalJSON is a
// canonical encoding without a second pass.
type Input struct {
	Action        string       `json:"action"`
	Agent         Agent        `json:"agent"`
	Capability    string       `json:"capability"`
	Counterparty  Counterparty `json:"counterparty"`
	DataClasses   []string     `json:"dataClasses"`
	Jurisdictions []string     `json:"jurisdictions"`
	MandateID     string       `json:"mandateId"`
	Price         string       `json:"price"`
	PriceUSD      float64      `json:"priceUSD"`
	Principal     string       `json:"principal"`
	SpentTodayUSD float64      `json:"spentTodayUSD"`
	Time          string       `json:"time"`
	Token         string       `json:"token"`
}

// Agent is the principal's agent that the action commits.
type Agent struct {
	ID     string `json:"id"`
	Wallet string `json:"wallet"`
}

// Counterparty is the agent on the other side of the action. Compliance, DataClasses, Jurisdictions and
// RiskClasses are what its registration file declares over its capabilities (self-declared, unverified);
// they are left out of the JSON when empty, so inputs without them encode, and hash, as before they existed.
type Counterparty struct {
	Compliance    []string `json:"compliance,omitempty"`
	DataClasses   []string `json:"dataClasses,omitempty"`
	ID            string   `json:"id"`
	Jurisdiction  string   `json:"jurisdiction"`
	Jurisdictions []string `json:"jurisdictions,omitempty"`
	Reputation    *float64 `json:"reputation"`
	RiskClasses   []string `json:"riskClasses,omitempty"`
	SybilFlags    []string `json:"sybilFlags"`
	Wallet        string   `json:"wallet"`
}

// Hit is one element of a policy's deny or escalate set.
type Hit struct {
	Rule    string  `json:"rule"`
	Outcome Outcome `json:"outcome"`
	Reason  string  `json:"reason"`
}

// Decision is the verdict on one Input.
type Decision struct {
	// Outcome is Allow, Escalate or Deny.
	Outcome Outcome `json:"outcome"`
	// Rule is the id of the rule that decided: the smallest rule id among the hits of the deciding
	// outcome; "" for an allow; RuleError when Decide failed.
	Rule string `json:"rule"`
	// Reason is the deciding hit's reason, in words.
	Reason string `json:"reason"`
	// Rules lists every hit, denies first, each group sorted by rule id then reason. Never nil.
	Rules []Hit `json:"rules"`
	// PolicyVersion is the version of the principal's policy that decided; 0 when it has none.
	PolicyVersion int `json:"policyVersion"`
	// Overlays names the sector overlays that took part (Engine.SetOverlays), with their versions and
	// hashes; their hits' rules are prefixed by the overlay ("hipaa.phi_undeclared"). Absent when none.
	Overlays []OverlayRef `json:"overlays,omitempty"`
	// Principal is the input's principal, lowercased.
	Principal string `json:"principal"`
	// InputHash is the hex SHA-256 of the input's CanonicalJSON (after Decide's normalisation), so an
	// audit log can record inputs by hash.
	InputHash string `json:"inputHash"`
	// Elapsed is how long Decide took, in nanoseconds in JSON.
	Elapsed time.Duration `json:"elapsedNs"`
}

// normalized returns in with the principal lowercased, absent lists made empty and an absent time set
// to now, so that equivalent inputs hash alike and policies never meet null lists.
func (in Input) normalized(now func() time.Time) Input {
	in.Principal = strings.ToLower(in.Principal)
	if in.Time == "" {
		in.Time = now().UTC().Format(time.RFC3339Nano)
	}
	if in.DataClasses == nil {
		in.DataClasses = []string{}
	}
	if in.Jurisdictions == nil {
		in.Jurisdictions = []string{}
	}
	if in.Counterparty.SybilFlags == nil {
		in.Counterparty.SybilFlags = []string{}
	}
	return in
}

// validate checks what Decide relies on; the principal is checked by the caller.
func (in Input) validate() error {
	switch in.Action {
	case ActionRFQPost, ActionQuote, ActionAward, ActionAgreementSign, ActionFund:
	default:
		return fmt.Errorf("%w: unknown action %q", ErrBadInput, in.Action)
	}
	if _, err := time.Parse(time.RFC3339Nano, in.Time); err != nil {
		return fmt.Errorf("%w: time %q is not RFC 3339", ErrBadInput, in.Time)
	}
	finite := func(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
	if !finite(in.PriceUSD) || !finite(in.SpentTodayUSD) {
		return fmt.Errorf("%w: priceUSD and spentTodayUSD must be finite", ErrBadInput)
	}
	if r := in.Counterparty.Reputation; r != nil && !finite(*r) {
		return fmt.Errorf("%w: counterparty reputation must be finite or null", ErrBadInput)
	}
	return nil
}

// CanonicalJSON returns the input as encoding/json writes it: keys sorted (by declaration order), no
// insignificant white space, absent lists as null. Decide hashes the normalised input's encoding, in
// which lists are [] and the principal is lowercase.
func (in Input) CanonicalJSON() ([]byte, error) {
	return json.Marshal(in)
}

// Hash returns the hex SHA-256 of the input's CanonicalJSON.
func (in Input) Hash() (string, error) {
	b, err := in.CanonicalJSON()
	if err != nil {
		return "", err
	}
	return hashHex(b), nil
}

func hashHex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// value returns the input as the OPA value the policy sees: the same as parsing its CanonicalJSON, built
// directly because decoding JSON would be a tenth of a decision's time.
func (in Input) value() ast.Value {
	str := ast.StringTerm
	num := ast.FloatNumberTerm
	strs := func(xs []string) *ast.Term {
		if xs == nil {
			return ast.NullTerm()
		}
		ts := make([]*ast.Term, len(xs))
		for i, x := range xs {
			ts[i] = str(x)
		}
		return ast.ArrayTerm(ts...)
	}
	rep := ast.NullTerm()
	if r := in.Counterparty.Reputation; r != nil {
		rep = num(*r)
	}
	// The counterparty's declarations are absent when empty, as in the JSON (omitempty).
	cp := [][2]*ast.Term{
		ast.Item(str("id"), str(in.Counterparty.ID)),
		ast.Item(str("jurisdiction"), str(in.Counterparty.Jurisdiction)),
		ast.Item(str("reputation"), rep),
		ast.Item(str("sybilFlags"), strs(in.Counterparty.SybilFlags)),
		ast.Item(str("wallet"), str(in.Counterparty.Wallet)),
	}
	for _, f := range []struct {
		key  string
		list []string
	}{
		{"compliance", in.Counterparty.Compliance}, {"dataClasses", in.Counterparty.DataClasses},
		{"jurisdictions", in.Counterparty.Jurisdictions}, {"riskClasses", in.Counterparty.RiskClasses},
	} {
		if len(f.list) > 0 {
			cp = append(cp, ast.Item(str(f.key), strs(f.list)))
		}
	}
	return ast.NewObject(
		ast.Item(str("action"), str(in.Action)),
		ast.Item(str("agent"), ast.ObjectTerm(
			ast.Item(str("id"), str(in.Agent.ID)),
			ast.Item(str("wallet"), str(in.Agent.Wallet)),
		)),
		ast.Item(str("capability"), str(in.Capability)),
		ast.Item(str("counterparty"), ast.ObjectTerm(cp...)),
		ast.Item(str("dataClasses"), strs(in.DataClasses)),
		ast.Item(str("jurisdictions"), strs(in.Jurisdictions)),
		ast.Item(str("mandateId"), str(in.MandateID)),
		ast.Item(str("price"), str(in.Price)),
		ast.Item(str("priceUSD"), num(in.PriceUSD)),
		ast.Item(str("principal"), str(in.Principal)),
		ast.Item(str("spentTodayUSD"), num(in.SpentTodayUSD)),
		ast.Item(str("time"), str(in.Time)),
		ast.Item(str("token"), str(in.Token)),
	)
}

// probeInput is the input Set evaluates a new policy against: a plausible award of 1 test USD.
func probeInput() Input {
	rep := 75.0
	return Input{
		Action:        ActionAward,
		Agent:         Agent{ID: "1", Wallet: "0x0000000000000000000000000000000000000001"},
		Capability:    "probe",
		Counterparty:  Counterparty{ID: "2", Jurisdiction: "DE", Reputation: &rep, SybilFlags: []string{}, Wallet: "0x0000000000000000000000000000000000000002"},
		DataClasses:   []string{"public"},
		Jurisdictions: []string{"DE"},
		MandateID:     "probe",
		Price:         "1000000",
		PriceUSD:      1,
		Principal:     "0x0000000000000000000000000000000000000000",
		SpentTodayUSD: 0,
		Time:          "2026-01-01T00:00:00Z",
		Token:         "0x0000000000000000000000000000000000000003",
	}
}
