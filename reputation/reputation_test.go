package reputation_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/agoralabs/agora/reputation"
)

// asOf is the "now" of every test history.
var asOf = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

const day = reputation.Day

var (
	owner  = addr(1)
	wallet = addr(2)
)

// addr returns a distinct test address for n.
func addr(n int) common.Address {
	return common.BigToAddress(new(big.Int).Add(big.NewInt(0xA9000000), big.NewInt(int64(n))))
}

// agent returns an agent with no history.
func agent() reputation.Inputs {
	return reputation.Inputs{
		AgentID:   "7",
		Owner:     owner,
		Wallet:    wallet,
		AsOf:      asOf,
		Reviewers: map[common.Address]reputation.Reviewer{},
	}
}

// established describes a reviewer with full standing: a year old, 10 settled jobs with other providers
// (plus paid jobs with this agent), 4 other agents reviewed.
func established(a common.Address, paidHere int) reputation.Reviewer {
	return reputation.Reviewer{
		Address: a, FirstSeen: asOf.Add(-365 * day), FeedbackGiven: 8, AgentsReviewed: 5,
		SettledJobsAsClient: 10 + paidHere,
	}
}

// freshReviewer describes an address first seen at t with nothing else to its name.
func freshReviewer(a common.Address, t time.Time, paidHere int) reputation.Reviewer {
	return reputation.Reviewer{Address: a, FirstSeen: t, FeedbackGiven: 1, AgentsReviewed: 1, SettledJobsAsClient: paidHere}
}

// fb returns a feedback entry rating value (0 decimals) at t.
func fb(client common.Address, index uint64, value int64, t time.Time, paidJobs int) reputation.Feedback {
	f := reputation.Feedback{Client: client, Index: index, Value: big.NewInt(value), Time: t,
		Block: uint64(t.Unix() / 2), PaidJobs: paidJobs}
	if paidJobs > 0 {
		f.PaidAmount = big.NewInt(int64(paidJobs) * 1_000_000)
	}
	return f
}

// addReview adds one entry and its reviewer.
func addReview(in *reputation.Inputs, r reputation.Reviewer, f reputation.Feedback) {
	in.Reviewers[r.Address] = r
	in.Feedback = append(in.Feedback, f)
}

// paidAgent is an agent with n paid reviews of value v by established reviewers, one day old.
func paidAgent(n int, v int64) reputation.Inputs {
	in := agent()
	for i := range n {
		a := addr(100 + i)
		addReview(&in, established(a, 1), fb(a, 1, v, asOf.Add(-day), 1))
	}
	return in
}

// component returns the named component of r.
func component(t *testing.T, r reputation.Report, name string) reputation.Component {
	t.Helper()
	for _, c := range r.Components {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no component %q in %+v", name, r.Components)
	return reputation.Component{}
}

// flagCodes returns the codes of r's flags, in order.
func flagCodes(r reputation.Report) []string {
	codes := []string{}
	for _, f := range r.Flags {
		codes = append(codes, f.Code)
	}
	return codes
}

// findFlag returns the flag with code, if any.
func findFlag(r reputation.Report, code string) (reputation.Flag, bool) {
	for _, f := range r.Flags {
		if f.Code == code {
			return f, true
		}
	}
	return reputation.Flag{}, false
}

// mustJSON marshals v.
func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	return b
}

// near reports whether a and b differ by at most eps.
func near(a, b, eps float64) bool { return math.Abs(a-b) <= eps }

func TestScore_NoData(t *testing.T) {
	r := reputation.Score(agent(), reputation.DefaultParams())
	if r.Score != 50 || r.Confidence != 0 {
		t.Errorf("Score, Confidence = %v, %v, want 50, 0", r.Score, r.Confidence)
	}
	if r.Method != reputation.MethodV1 {
		t.Errorf("Method = %q, want %q", r.Method, reputation.MethodV1)
	}
	want := []string{"feedback", "validation", "reliability", "volume", "prior"}
	if len(r.Components) != len(want) {
		t.Fatalf("%d components, want %d", len(r.Components), len(want))
	}
	for i, c := range r.Components {
		if c.Name != want[i] {
			t.Errorf("component %d = %q, want %q", i, c.Name, want[i])
		}
		wantWeight := 0.0
		if c.Name == "prior" {
			wantWeight = 1
		}
		if c.Weight != wantWeight {
			t.Errorf("%s weight = %v, want %v", c.Name, c.Weight, wantWeight)
		}
		if c.Detail == "" {
			t.Errorf("%s has no detail", c.Name)
		}
	}
	if len(r.Flags) != 0 {
		t.Errorf("flags = %v, want none", flagCodes(r))
	}
	if b := mustJSON(t, r); !bytes.Contains(b, []byte(`"flags":[]`)) {
		t.Errorf("JSON %s: want an empty flags array", b)
	}
}

func TestScore_FeedbackRating(t *testing.T) {
	tests := []struct {
		name     string
		value    *big.Int
		decimals uint8
		want     float64
		counted  int
	}{
		{"integer", big.NewInt(87), 0, 87, 1},
		{"two decimals", big.NewInt(9977), 2, 99.77, 1},
		{"negative clamps to 0", big.NewInt(-32), 1, 0, 1},
		{"above 100 clamps", big.NewInt(150), 0, 100, 1},
		{"int128 max at 18 decimals clamps", new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 127), big.NewInt(1)), 18, 100, 1},
		{"18 decimals", new(big.Int).Mul(big.NewInt(4250), new(big.Int).Exp(big.NewInt(10), big.NewInt(16), nil)), 18, 42.5, 1},
		{"nil value skipped", nil, 0, 0, 0},
		{"19 decimals skipped", big.NewInt(5), 19, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := agent()
			a := addr(10)
			f := fb(a, 1, 0, asOf, 1)
			f.Value, f.Decimals = tt.value, tt.decimals
			addReview(&in, established(a, 1), f)
			r := reputation.Score(in, reputation.DefaultParams())
			c := component(t, r, "feedback")
			if c.Value != tt.want {
				t.Errorf("feedback value = %v, want %v", c.Value, tt.want)
			}
			if got := r.Counts["feedbackCounted"]; got != tt.counted {
				t.Errorf("feedbackCounted = %d, want %d", got, tt.counted)
			}
			if _, ok := findFlag(r, reputation.FlagInvalidFeedback); ok != (tt.counted == 0) {
				t.Errorf("invalid_feedback flag = %v, want %v", ok, tt.counted == 0)
			}
		})
	}
}

func TestScore_IgnoredTags(t *testing.T) {
	in := agent()
	a := addr(10)
	f := fb(a, 1, 560, asOf, 1)
	f.Tag1 = "ResponseTime" // milliseconds, not a rating; matched case-insensitively
	addReview(&in, established(a, 1), f)
	r := reputation.Score(in, reputation.DefaultParams())
	if r.Counts["feedbackIgnoredTag"] != 1 || r.Counts["feedbackCounted"] != 0 || r.Score != 50 {
		t.Errorf("ignored %d, counted %d, score %v; want 1, 0, 50",
			r.Counts["feedbackIgnoredTag"], r.Counts["feedbackCounted"], r.Score)
	}
}

// TestScore_FeedbackWeight checks each factor of an entry's weight through the feedback evidence of a
// single-reviewer history.
func TestScore_FeedbackWeight(t *testing.T) {
	a := addr(10)
	tests := []struct {
		name  string
		setup func(in *reputation.Inputs)
		want  float64
	}{
		{"paid established", func(in *reputation.Inputs) {
			addReview(in, established(a, 1), fb(a, 1, 90, asOf, 1))
		}, 1},
		{"unpaid established", func(in *reputation.Inputs) {
			addReview(in, established(a, 0), fb(a, 1, 90, asOf, 0))
		}, 0.1},
		{"paid fresh: paying this agent buys no standing", func(in *reputation.Inputs) {
			addReview(in, freshReviewer(a, asOf, 3), fb(a, 1, 90, asOf, 3))
		}, 0.2},
		{"paid, half the age, no other jobs, 2 of 4 other agents", func(in *reputation.Inputs) {
			r := reputation.Reviewer{Address: a, FirstSeen: asOf.Add(-45 * day), AgentsReviewed: 3, SettledJobsAsClient: 1}
			addReview(in, r, fb(a, 1, 90, asOf, 1))
		}, 0.2 + 0.8*(0.4*0.5+0.2*0.5)},
		{"paid, 3 jobs elsewhere only", func(in *reputation.Inputs) {
			r := reputation.Reviewer{Address: a, FirstSeen: asOf, AgentsReviewed: 1, SettledJobsAsClient: 4}
			addReview(in, r, fb(a, 1, 90, asOf, 1))
		}, 0.2 + 0.8*0.4*math.Log1p(3)/math.Log1p(10)},
		{"unknown reviewer scored as no history", func(in *reputation.Inputs) {
			in.Feedback = append(in.Feedback, fb(a, 1, 90, asOf, 1))
		}, 0.2},
		{"self review by owner", func(in *reputation.Inputs) {
			addReview(in, established(owner, 1), fb(owner, 1, 100, asOf, 1))
		}, 0},
		{"self review by wallet", func(in *reputation.Inputs) {
			addReview(in, established(wallet, 1), fb(wallet, 1, 100, asOf, 1))
		}, 0},
		{"self review by controller of this agent", func(in *reputation.Inputs) {
			r := established(a, 1)
			r.ControlsAgents = []string{"0007"}
			addReview(in, r, fb(a, 1, 100, asOf, 1))
		}, 0},
		{"shared owner", func(in *reputation.Inputs) {
			r := established(a, 1)
			r.ControlsAgents, r.ControlledOwners = []string{"8"}, []common.Address{owner}
			addReview(in, r, fb(a, 1, 100, asOf, 1))
		}, 0.1},
		{"reciprocal", func(in *reputation.Inputs) {
			r := established(a, 1)
			r.ReviewedByThisAgent = true
			addReview(in, r, fb(a, 1, 100, asOf, 1))
		}, 0.25},
		{"stacked entries capped per reviewer", func(in *reputation.Inputs) {
			r := established(a, 1)
			in.Reviewers[a] = r
			for i := range 5 {
				in.Feedback = append(in.Feedback, fb(a, uint64(i+1), 100, asOf.Add(-time.Duration(i)*time.Hour), 1))
			}
		}, 1},
		{"stacked unpaid entries from a fresh wallet gain nothing", func(in *reputation.Inputs) {
			in.Reviewers[a] = freshReviewer(a, asOf, 0)
			for i := range 10 {
				in.Feedback = append(in.Feedback, fb(a, uint64(i+1), 100, asOf, 0))
			}
		}, 0.1 * 0.2},
		{"stacked entries after one paid job gain nothing", func(in *reputation.Inputs) {
			in.Reviewers[a] = freshReviewer(a, asOf, 1)
			for i := range 5 {
				in.Feedback = append(in.Feedback, fb(a, uint64(i+1), 100, asOf, 1))
			}
		}, 0.2},
		{"a repeat client counts once per paid job", func(in *reputation.Inputs) {
			in.Reviewers[a] = freshReviewer(a, asOf, 3)
			for i := range 5 {
				in.Feedback = append(in.Feedback, fb(a, uint64(i+1), 100, asOf, 3))
			}
		}, 3 * 0.2},
		{"one half-life old", func(in *reputation.Inputs) {
			addReview(in, established(a, 1), fb(a, 1, 90, asOf.Add(-90*day), 1))
		}, 0.5},
		{"two half-lives old", func(in *reputation.Inputs) {
			addReview(in, established(a, 1), fb(a, 1, 90, asOf.Add(-180*day), 1))
		}, 0.25},
		{"in the future counts fully", func(in *reputation.Inputs) {
			addReview(in, established(a, 1), fb(a, 1, 90, asOf.Add(day), 1))
		}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := agent()
			tt.setup(&in)
			r := reputation.Score(in, reputation.DefaultParams())
			c := component(t, r, "feedback")
			if got := c.Inputs["evidence"]; !near(got, tt.want, 1e-4) {
				t.Errorf("feedback evidence = %v, want %.4f", got, tt.want)
			}
			// With one reviewer the score is the prior average of its rating: (2·50 + w·v) / (2 + w).
			v := c.Value
			want := (2*50 + tt.want*v) / (2 + tt.want)
			if !near(r.Score, want, 0.006) {
				t.Errorf("score = %v, want %.2f", r.Score, want)
			}
		})
	}
}

func TestScore_DecayHalvesWeightAtHalfLife(t *testing.T) {
	p := reputation.DefaultParams()
	for _, hl := range []time.Duration{30 * day, 90 * day, 365 * day} {
		p.HalfLife = hl
		a := addr(10)
		r := established(a, 1)
		r.FirstSeen = asOf.Add(-5 * 365 * day) // full standing at every feedback time below
		evidence := func(age time.Duration) float64 {
			in := agent()
			addReview(&in, r, fb(a, 1, 80, asOf.Add(-age), 1))
			return component(t, reputation.Score(in, p), "feedback").Inputs["evidence"]
		}
		now, half, two := evidence(0), evidence(hl), evidence(2*hl)
		if now != 1 || !near(half, 0.5, 1e-4) || !near(two, 0.25, 1e-4) {
			t.Errorf("half-life %v: weights at 0, 1, 2 half-lives = %v, %v, %v; want 1, 0.5, 0.25", hl, now, half, two)
		}
	}
}

func TestScore_UnpaidPoolCap(t *testing.T) {
	in := agent()
	for i := range 200 {
		a := addr(100 + i)
		addReview(&in, established(a, 0), fb(a, 1, 100, asOf, 0))
	}
	c := component(t, reputation.Score(in, reputation.DefaultParams()), "feedback")
	if got := c.Inputs["evidence"]; !near(got, 0.5, 1e-4) {
		t.Errorf("200 unpaid established reviewers: evidence %v, want the pool cap 0.5", got)
	}
	if got := c.Inputs["unpaidPoolScale"]; !near(got, 0.5/20, 1e-4) {
		t.Errorf("unpaidPoolScale = %v, want %v", got, 0.5/20)
	}
}

func TestScore_FeedbackEvidenceCap(t *testing.T) {
	in := paidAgent(40, 90)
	c := component(t, reputation.Score(in, reputation.DefaultParams()), "feedback")
	if got := c.Inputs["evidence"]; !near(got, 20, 1e-4) {
		t.Errorf("40 paid established reviewers: evidence %v, want the cap 20", got)
	}
	if c.Value != 90 {
		t.Errorf("value = %v, want 90", c.Value)
	}
}

func TestScore_Validation(t *testing.T) {
	u8 := func(v uint8) *uint8 { return &v }
	at := func(d time.Duration) *time.Time { t := asOf.Add(-d); return &t }
	v1, v2 := addr(50), addr(51)
	tests := []struct {
		name      string
		vs        []reputation.Validation
		value     float64
		evidence  float64
		flag      string
		validated int
	}{
		{"none", nil, 0, 0, "", 0},
		{"pending only", []reputation.Validation{{Validator: v1, RequestedAt: asOf}}, 0, 0, "", 0},
		{"one answer", []reputation.Validation{{Validator: v1, Response: u8(80), RespondedAt: at(0)}}, 80, 0.5, "", 1},
		{"two validators", []reputation.Validation{
			{Validator: v1, Response: u8(80), RespondedAt: at(0)},
			{Validator: v2, Response: u8(100), RespondedAt: at(0)},
		}, 90, 1, "", 2},
		{"decay weighs the newer answer more", []reputation.Validation{
			{Validator: v1, Response: u8(100), RespondedAt: at(0)},
			{Validator: v2, Response: u8(40), RespondedAt: at(90 * day)},
		}, (100*1 + 40*0.5) / 1.5, 0.75, "", 2},
		{"one validator capped", []reputation.Validation{
			{Validator: v1, Response: u8(60), RespondedAt: at(0)},
			{Validator: v1, Response: u8(60), RespondedAt: at(time.Hour)},
			{Validator: v1, Response: u8(60), RespondedAt: at(2 * time.Hour)},
		}, 60, 0.5, "", 1},
		{"self validation counts 0", []reputation.Validation{
			{Validator: owner, Response: u8(100), RespondedAt: at(0)},
			{Validator: v1, Response: u8(50), RespondedAt: at(0)},
		}, 50, 0.5, reputation.FlagSelfValidation, 2},
		{"answer above 100 skipped", []reputation.Validation{
			{Validator: v1, Response: u8(200), RespondedAt: at(0)},
		}, 0, 0, reputation.FlagInvalidValidation, 0},
		{"answer without time decays from the request", []reputation.Validation{
			{Validator: v1, Response: u8(70), RequestedAt: asOf.Add(-90 * day)},
		}, 70, 0.25, "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := agent()
			in.Validations = tt.vs
			r := reputation.Score(in, reputation.DefaultParams())
			c := component(t, r, "validation")
			if !near(c.Value, tt.value, 0.006) || !near(c.Inputs["evidence"], tt.evidence, 1e-4) {
				t.Errorf("validation value, evidence = %v, %v; want %.2f, %v", c.Value, c.Inputs["evidence"], tt.value, tt.evidence)
			}
			if got := r.Counts["validators"]; got != tt.validated {
				t.Errorf("validators = %d, want %d", got, tt.validated)
			}
			if tt.flag != "" {
				if _, ok := findFlag(r, tt.flag); !ok {
					t.Errorf("flags %v, want %s", flagCodes(r), tt.flag)
				}
			} else if len(r.Flags) != 0 {
				t.Errorf("flags %v, want none", flagCodes(r))
			}
		})
	}
}

func TestScore_Reliability(t *testing.T) {
	vol := func(n int) float64 { return math.Min(1, math.Log1p(float64(n))/math.Log1p(100)) }
	tests := []struct {
		name     string
		jobs     reputation.Jobs
		value    float64
		evidence float64
	}{
		{"no jobs", reputation.Jobs{}, 0, 0},
		{"open only", reputation.Jobs{Total: 3, Open: 3}, 0, 0},
		{"all completed", reputation.Jobs{Total: 10, Completed: 10}, 100, 5 * vol(10)},
		{"one refund in ten", reputation.Jobs{Total: 10, Completed: 9, Rejected: 1, Refunded: 1}, 94, 5 * vol(10)},
		{"dispute resolved with refund", reputation.Jobs{Total: 4, Completed: 3, Resolved: 1, Disputed: 1, Refunded: 1},
			100 * (1 - 0.6*0.25 - 0.25*0.25), 5 * vol(4)},
		{"all expired", reputation.Jobs{Total: 5, Expired: 5, Refunded: 5}, 100 * (1 - 0.6 - 0.15), 5 * vol(5)},
		{"full volume", reputation.Jobs{Total: 500, Completed: 500}, 100, 5},
		{"inconsistent counts clamp", reputation.Jobs{Completed: 1, Refunded: 9, Disputed: 9, Expired: -3}, 15, 5 * vol(1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := agent()
			in.Jobs = tt.jobs
			r := reputation.Score(in, reputation.DefaultParams())
			c := component(t, r, "reliability")
			if !near(c.Value, tt.value, 0.006) || !near(c.Inputs["evidence"], tt.evidence, 1e-4) {
				t.Errorf("reliability value, evidence = %v, %v; want %.2f, %.4f", c.Value, c.Inputs["evidence"], tt.value, tt.evidence)
			}
			v := component(t, r, "volume")
			if v.Weight != 0 || v.Contribution != 0 {
				t.Errorf("volume weight, contribution = %v, %v; want 0, 0", v.Weight, v.Contribution)
			}
			want := (100 + tt.evidence*tt.value) / (2 + tt.evidence)
			if !near(r.Score, want, 0.006) {
				t.Errorf("score = %v, want %.2f", r.Score, want)
			}
		})
	}
}

// TestScore_Combination checks that the score is the pooled average of the components and the prior, that
// the weights add up to 1, the contributions to the score, and that confidence is 1 − the prior's weight.
func TestScore_Combination(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		in := randomInputs(rng)
		r := reputation.Score(in, reputation.DefaultParams())
		var wsum, csum float64
		for _, c := range r.Components {
			wsum += c.Weight
			csum += c.Contribution
		}
		if !near(wsum, 1, 0.0005*float64(len(r.Components))) {
			t.Fatalf("weights add up to %v, want 1: %+v", wsum, r.Components)
		}
		if !near(csum, r.Score, 0.005*float64(len(r.Components))+1e-9) {
			t.Fatalf("contributions add up to %v, want the score %v", csum, r.Score)
		}
		prior := component(t, r, "prior")
		if !near(r.Confidence, 1-prior.Weight, 0.0001+1e-12) {
			t.Fatalf("confidence %v, want 1 - prior weight %v", r.Confidence, prior.Weight)
		}
	}
}

// TestScore_Flags checks that each flag triggers on its pattern, and that a clean history raises none.
func TestScore_Flags(t *testing.T) {
	clean := func() reputation.Inputs { return paidAgent(6, 85) }
	tests := []struct {
		name     string
		setup    func(in *reputation.Inputs)
		code     string
		severity string
		addrs    []common.Address
	}{
		{"clean history", func(*reputation.Inputs) {}, "", "", nil},
		{"clean history with spread-out new clients", func(in *reputation.Inputs) {
			// Two fresh paying clients per week never make a burst.
			for i := range 6 {
				a := addr(300 + i)
				tm := asOf.Add(-time.Duration(i/2)*8*day - time.Duration(i%2)*time.Hour)
				addReview(in, freshReviewer(a, tm.Add(-time.Hour), 1), fb(a, 1, 90, tm, 1))
			}
		}, "", "", nil},
		{"self review", func(in *reputation.Inputs) {
			addReview(in, established(wallet, 0), fb(wallet, 1, 100, asOf, 0))
		}, reputation.FlagSelfReview, reputation.SeverityHigh, []common.Address{wallet}},
		{"shared owner", func(in *reputation.Inputs) {
			a := addr(200)
			r := established(a, 1)
			r.ControlsAgents, r.ControlledOwners = []string{"9"}, []common.Address{owner}
			addReview(in, r, fb(a, 1, 100, asOf, 1))
		}, reputation.FlagSharedOwner, reputation.SeverityHigh, []common.Address{addr(200)}},
		{"owner cluster", func(in *reputation.Inputs) {
			other := addr(999)
			for i := range 3 {
				a := addr(200 + i)
				r := established(a, 1)
				r.ControlsAgents, r.ControlledOwners = []string{fmt.Sprint(20 + i)}, []common.Address{other}
				addReview(in, r, fb(a, 1, 100, asOf, 1))
			}
		}, reputation.FlagOwnerCluster, reputation.SeverityWarn, []common.Address{addr(200), addr(201), addr(202)}},
		{"reciprocal cluster", func(in *reputation.Inputs) {
			a := addr(200)
			r := established(a, 1)
			r.ReviewedByThisAgent = true
			addReview(in, r, fb(a, 1, 100, asOf, 1))
		}, reputation.FlagReciprocalCluster, reputation.SeverityWarn, []common.Address{addr(200)}},
		{"fresh reviewer burst", func(in *reputation.Inputs) {
			for i := range 3 {
				a := addr(200 + i)
				tm := asOf.Add(-time.Duration(i) * 2 * day)
				addReview(in, freshReviewer(a, tm.Add(-time.Hour), 1), fb(a, 1, 100, tm, 1))
			}
		}, reputation.FlagFreshReviewerBurst, reputation.SeverityWarn, []common.Address{addr(200), addr(201), addr(202)}},
		{"unpaid majority", func(in *reputation.Inputs) {
			for i := range 7 {
				a := addr(200 + i)
				addReview(in, established(a, 0), fb(a, 1, 100, asOf, 0))
			}
		}, reputation.FlagUnpaidMajority, reputation.SeverityInfo, nil},
		{"single reviewer dominance", func(in *reputation.Inputs) {
			*in = agent()
			a := addr(200)
			in.Reviewers[a] = established(a, 1)
			for i := range 4 {
				in.Feedback = append(in.Feedback, fb(a, uint64(i+1), 100, asOf.Add(-time.Duration(i)*day), 1))
			}
		}, reputation.FlagSingleReviewerDominance, reputation.SeverityWarn, []common.Address{addr(200)}},
		{"unknown reviewer", func(in *reputation.Inputs) {
			in.Feedback = append(in.Feedback, fb(addr(200), 1, 100, asOf, 1))
		}, reputation.FlagUnknownReviewer, reputation.SeverityInfo, []common.Address{addr(200)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := clean()
			tt.setup(&in)
			r := reputation.Score(in, reputation.DefaultParams())
			if tt.code == "" {
				if len(r.Flags) != 0 {
					t.Fatalf("flags %v on a clean history: %+v", flagCodes(r), r.Flags)
				}
				return
			}
			if len(r.Flags) != 1 {
				t.Errorf("flags %v, want exactly [%s]", flagCodes(r), tt.code)
			}
			f, ok := findFlag(r, tt.code)
			if !ok {
				t.Fatalf("flags %v, want %s", flagCodes(r), tt.code)
			}
			if f.Severity != tt.severity || f.Detail == "" {
				t.Errorf("%s: severity %q detail %q; want severity %q and a detail", tt.code, f.Severity, f.Detail, tt.severity)
			}
			if tt.addrs != nil && !reflect.DeepEqual(f.Addresses, tt.addrs) {
				t.Errorf("%s addresses = %v, want %v", tt.code, f.Addresses, tt.addrs)
			}
		})
	}
}

func TestScore_BurstCap(t *testing.T) {
	in := paidAgent(10, 14)
	for i := range 30 {
		a := addr(500 + i)
		tm := asOf.Add(-time.Duration(i) * time.Hour)
		// Fresh wallets that each paid the agent once: full payment weight, minimum standing.
		addReview(&in, freshReviewer(a, tm.Add(-time.Minute), 1), fb(a, 1, 100, tm, 1))
	}
	r := reputation.Score(in, reputation.DefaultParams())
	f, ok := findFlag(r, reputation.FlagFreshReviewerBurst)
	if !ok || len(f.Addresses) != 30 || f.Severity != reputation.SeverityHigh {
		t.Fatalf("burst flag = %+v (found %v), want 30 addresses, high", f, ok)
	}
	ev := component(t, r, "feedback").Inputs["evidence"]
	base := component(t, reputation.Score(paidAgent(10, 14), reputation.DefaultParams()), "feedback").Inputs["evidence"]
	if !near(ev-base, 1, 1e-3) {
		t.Errorf("30 fresh paid wallets add evidence %v, want the burst cap 1", ev-base)
	}
}

// TestScore_DeterministicUnderShuffle scores random histories twice, the second time with every slice
// shuffled and the reviewer map rebuilt, and wants byte-identical JSON.
func TestScore_DeterministicUnderShuffle(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	p := reputation.DefaultParams()
	for i := range 300 {
		in := randomInputs(rng)
		want := mustJSON(t, reputation.Score(in, p))
		for range 3 {
			got := mustJSON(t, reputation.Score(shuffled(rng, in), p))
			if !bytes.Equal(got, want) {
				t.Fatalf("history %d: JSON differs after shuffling:\n got %s\nwant %s", i, got, want)
			}
		}
	}
}

// TestScore_Bounds checks score, confidence and every component on random, partly malformed histories.
func TestScore_Bounds(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 500 {
		in := randomInputs(rng)
		r := reputation.Score(in, reputation.DefaultParams())
		if r.Score < 0 || r.Score > 100 || math.IsNaN(r.Score) {
			t.Fatalf("history %d: score %v out of [0,100]", i, r.Score)
		}
		if r.Confidence < 0 || r.Confidence > 1 {
			t.Fatalf("history %d: confidence %v out of [0,1]", i, r.Confidence)
		}
		for _, c := range r.Components {
			if c.Value < 0 || c.Value > 100 || c.Weight < 0 || c.Weight > 1 {
				t.Fatalf("history %d: component %+v out of range", i, c)
			}
		}
		mustJSON(t, r)
	}
}

// TestScore_PaidPositiveNeverLowers adds paid feedback rated 100 to random histories, from a new reviewer
// that is neither fresh nor tied to the agent, or from an existing paying reviewer (no earlier than its
// first entry, so its freshness does not change), and wants a score no lower than before.
func TestScore_PaidPositiveNeverLowers(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	p := reputation.DefaultParams()
	raised := 0
	for i := range 1000 {
		in := randomInputs(rng)
		before := reputation.Score(in, p)
		after := in
		after.Feedback = append([]reputation.Feedback(nil), in.Feedback...)
		after.Reviewers = cloneReviewers(in.Reviewers)
		if payer, latest, ok := payingReviewer(rng, in, p); ok && rng.IntN(2) == 0 {
			f := fb(payer, 999, 100, latest.Add(time.Duration(rng.Int64N(int64(asOf.Sub(latest))+1))), paidJobsOf(in, payer))
			after.Feedback = append(after.Feedback, f)
		} else {
			a := addr(90000 + i)
			r := reputation.Reviewer{Address: a, FirstSeen: asOf.Add(-400 * day), AgentsReviewed: 1 + rng.IntN(6),
				SettledJobsAsClient: 1 + rng.IntN(12)}
			addReview(&after, r, fb(a, 1, 100, asOf.Add(-time.Duration(rng.Int64N(int64(300*day)))), 1+rng.IntN(3)))
		}
		got := reputation.Score(after, p)
		if got.Score < before.Score {
			t.Fatalf("history %d: paid 100 feedback lowered the score from %v to %v", i, before.Score, got.Score)
		}
		if got.Score > before.Score {
			raised++
		}
	}
	if raised < 500 {
		t.Errorf("the score rose in only %d of 1000 histories; the test is not exercising the formula", raised)
	}
}

// TestScore_RevokedEntryChangesNothing adds revoked entries to random histories: only the feedback
// counts of revoked and total entries may change.
func TestScore_RevokedEntryChangesNothing(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	p := reputation.DefaultParams()
	for i := range 500 {
		in := randomInputs(rng)
		before := reputation.Score(in, p)
		after := in
		after.Feedback = append([]reputation.Feedback(nil), in.Feedback...)
		n := 1 + rng.IntN(3)
		for k := range n {
			client := addr(rng.IntN(40))
			if rng.IntN(3) == 0 {
				client = addr(80000 + i*10 + k) // a client seen nowhere else
			}
			f := randomFeedback(rng, client, uint64(500+k))
			f.Revoked = true
			after.Feedback = append(after.Feedback, f)
		}
		got := reputation.Score(after, p)
		if got.Counts["feedbackRevoked"] != before.Counts["feedbackRevoked"]+n ||
			got.Counts["feedbackTotal"] != before.Counts["feedbackTotal"]+n {
			t.Fatalf("history %d: counts %v, want %d more revoked and total than %v", i, got.Counts, n, before.Counts)
		}
		got.Counts, before.Counts = nil, nil
		if g, w := mustJSON(t, got), mustJSON(t, before); !bytes.Equal(g, w) {
			t.Fatalf("history %d: a revoked entry changed the report:\n got %s\nwant %s", i, g, w)
		}
	}
}

// TestScore_SybilBound measures what fresh, unpaid wallets rating 100 can do to an agent whose ten paying,
// established clients made it a 20-score agent, against the analytic bound of docs/reputation.md and
// against a plain average.
func TestScore_SybilBound(t *testing.T) {
	p := reputation.DefaultParams()
	base := paidAgent(10, 14)
	r0 := reputation.Score(base, p)
	e0 := 1 - component(t, r0, "prior").Weight // evidence share; the evidence itself is:
	evid := p.PriorWeight * e0 / (1 - e0)
	if !near(r0.Score, 20, 0.1) {
		t.Fatalf("base score %v, want about 20", r0.Score)
	}
	// Whatever N, unpaid feedback weighs at most UnpaidPoolCap in all, so the score moves at most
	// (100 - S0) · C / (K + E0 + C).
	bound := (100 - r0.Score) * p.UnpaidPoolCap / (p.PriorWeight + evid + p.UnpaidPoolCap)
	plain := func(n int) float64 { return (10*14 + float64(n)*100) / float64(10+n) }

	attack := func(n int, spread time.Duration, breadth int, entries int) float64 {
		in := base
		in.Feedback = append([]reputation.Feedback(nil), base.Feedback...)
		in.Reviewers = cloneReviewers(base.Reviewers)
		for i := range n {
			a := addr(10000 + i)
			tm := asOf.Add(-time.Duration(int64(spread) * int64(i) / int64(max(1, n))))
			r := freshReviewer(a, tm.Add(-time.Minute), 0)
			r.AgentsReviewed = breadth
			in.Reviewers[a] = r
			for k := range entries {
				in.Feedback = append(in.Feedback, fb(a, uint64(k+1), 100, tm.Add(time.Duration(k)*time.Minute), 0))
			}
		}
		return reputation.Score(in, p).Score - r0.Score
	}
	t.Logf("base: score %.2f with evidence %.4f; plain average 14.00", r0.Score, evid)
	t.Logf("analytic bound for any number of unpaid wallets: +%.2f", bound)
	const maxShift = 5.0
	if bound >= maxShift {
		t.Fatalf("analytic bound %.2f, want below %.0f", bound, maxShift)
	}
	for _, n := range []int{1, 10, 50, 200, 1000} {
		burst := attack(n, 3*day, 1, 1)
		worst := attack(n, 60*day, 5, 3) // spread out (no burst), full breadth, three entries each
		t.Logf("N=%4d fresh unpaid wallets rating 100: burst %+.2f, spread with full breadth %+.2f; plain average %+.2f",
			n, burst, worst, plain(n)-14)
		for _, d := range []float64{burst, worst} {
			if d < 0 || d > bound+0.01 || d >= maxShift {
				t.Errorf("N=%d: shift %+.2f, want within [0, %.2f]", n, d, bound)
			}
		}
	}
	if got := attack(50, 3*day, 1, 1); plain(50)-14 < 50 || got >= maxShift {
		t.Errorf("50 wallets: shift %+.2f (want < %.0f) against a plain average's %+.2f (want ≥ 50)", got, maxShift, plain(50)-14)
	}

	// The same attack downwards on a 95-rated agent.
	good := paidAgent(10, 95)
	g0 := reputation.Score(good, p)
	for i := range 50 {
		a := addr(20000 + i)
		addReview(&good, freshReviewer(a, asOf.Add(-time.Hour), 0), fb(a, 1, 0, asOf, 0))
	}
	down := reputation.Score(good, p).Score - g0.Score
	t.Logf("50 fresh unpaid wallets rating 0 against a %.2f agent: %+.2f (plain average %+.2f)", g0.Score, down, (950.0)/60-95)
	if down > 0 || -down >= maxShift {
		t.Errorf("downward attack moved the score by %+.2f, want within (-%.0f, 0]", down, maxShift)
	}
}

// TestScore_PaidSybilResidual measures the residual risk: wallets that pay the agent (their own) once
// through escrow before rating it 100. Documented in docs/reputation.md.
func TestScore_PaidSybilResidual(t *testing.T) {
	p := reputation.DefaultParams()
	base := paidAgent(10, 14)
	r0 := reputation.Score(base, p)
	run := func(n int, every time.Duration, entries int) float64 {
		in := base
		in.Feedback = append([]reputation.Feedback(nil), base.Feedback...)
		in.Reviewers = cloneReviewers(base.Reviewers)
		for i := range n {
			a := addr(30000 + i)
			tm := asOf.Add(-time.Duration(i) * every)
			in.Reviewers[a] = freshReviewer(a, tm.Add(-time.Hour), 1)
			for k := range entries {
				in.Feedback = append(in.Feedback, fb(a, uint64(k+1), 100, tm.Add(time.Duration(k)*time.Minute), 1))
			}
		}
		return reputation.Score(in, p).Score - r0.Score
	}
	burst := run(50, time.Hour, 1)
	slow := run(50, 4*day, 1) // one every four days: never three within seven days, so never a burst
	stacked := run(50, 4*day, 5)
	t.Logf("50 fresh wallets paying once, rating 100: in one burst %+.2f; one every 4 days for 200 days %+.2f; "+
		"the same with 5 entries each %+.2f", burst, slow, stacked)
	if burst > 7 {
		t.Errorf("a burst of paid fresh wallets moved the score by %+.2f, want at most 7 (burst cap)", burst)
	}
	if !near(stacked, slow, 0.005) {
		t.Errorf("5 entries per paid wallet moved the score by %+.2f, one entry by %+.2f: stacking must gain nothing", stacked, slow)
	}
	if slow <= burst {
		t.Errorf("spread-out paid wallets (%+.2f) should outweigh a burst (%+.2f): the test no longer shows the residual", slow, burst)
	}

	// Self-dealt escrow jobs: the provider's record is an aggregate, so jobs its owner pays it from other
	// wallets count like anyone's.
	dealt := base
	dealt.Jobs = reputation.Jobs{Total: 100, Completed: 100}
	jobs := reputation.Score(dealt, p).Score - r0.Score
	t.Logf("100 self-dealt completed jobs: %+.2f", jobs)
	if want := (100-r0.Score)*p.ReliabilityEvidenceMax/(p.PriorWeight+10*math.Exp2(-1.0/90)+p.ReliabilityEvidenceMax) + 0.01; jobs > want {
		t.Errorf("self-dealt jobs moved the score by %+.2f, more than the reliability cap allows (%+.2f)", jobs, want)
	}
}

func TestParams_Validate(t *testing.T) {
	if err := reputation.DefaultParams().Validate(); err != nil {
		t.Fatalf("DefaultParams().Validate() = %v", err)
	}
	p := reputation.DefaultParams()
	p.HalfLife = 0
	p.PriorWeight = -1
	p.UnpaidWeight = math.NaN()
	err := p.Validate()
	if err == nil {
		t.Fatal("Validate() = nil on out-of-range params")
	}
	for _, name := range []string{"halfLife", "priorWeight", "unpaidWeight"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("Validate() = %v, want it to name %s", err, name)
		}
	}
	r := reputation.Score(paidAgent(3, 80), p)
	if _, ok := findFlag(r, reputation.FlagInvalidParams); !ok {
		t.Errorf("flags %v, want invalid_params", flagCodes(r))
	}
	if r.Method != reputation.MethodV1+reputation.MethodCustomSuffix {
		t.Errorf("Method = %q, want the custom suffix", r.Method)
	}
	d := reputation.Score(paidAgent(3, 80), reputation.DefaultParams())
	if r.Score != d.Score {
		t.Errorf("score with replaced params %v, want the default %v", r.Score, d.Score)
	}
	q := reputation.DefaultParams()
	q.UnpaidWeight = 0
	if err := q.Validate(); err != nil {
		t.Errorf("UnpaidWeight 0 (ignore unpaid feedback) is valid, got %v", err)
	}
	if m := reputation.Score(agent(), q).Method; m != reputation.MethodV1+reputation.MethodCustomSuffix {
		t.Errorf("Method = %q with custom params", m)
	}
}

func TestReport_JSON(t *testing.T) {
	in := paidAgent(2, 90)
	addReview(&in, established(wallet, 0), fb(wallet, 1, 100, asOf, 0))
	b := mustJSON(t, reputation.Score(in, reputation.DefaultParams()))
	for _, key := range []string{`"agentId":"7"`, `"score":`, `"confidence":`, `"method":"agora-reputation-v1"`,
		`"asOf":"2026-06-01T12:00:00Z"`, `"components":[{"name":"feedback"`, `"contribution":`, `"detail":`, `"inputs":{`,
		`"flags":[{"code":"self_review","severity":"high"`, `"addresses":["` + wallet.Hex() + `"]`, `"counts":{`} {
		if !bytes.Contains(b, []byte(key)) {
			t.Errorf("JSON lacks %s:\n%s", key, b)
		}
	}
}

// exampleInputs is the history of the worked example in docs/reputation.md.
func exampleInputs() reputation.Inputs {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	ago := func(days int) time.Time { return now.Add(-time.Duration(days) * reputation.Day) }
	owner := common.HexToAddress("0x00000000000000000000000000000000000000a0")
	alice := common.HexToAddress("0x00000000000000000000000000000000000000a1") // established, paid
	bob := common.HexToAddress("0x00000000000000000000000000000000000000b0")   // newer, paid
	carol := common.HexToAddress("0x00000000000000000000000000000000000000c0") // established, never paid
	dave := common.HexToAddress("0x00000000000000000000000000000000000000d0")  // wallet of the owner's other agent
	val := common.HexToAddress("0x00000000000000000000000000000000000000e0")
	u8 := func(v uint8) *uint8 { return &v }
	at := func(t time.Time) *time.Time { return &t }

	in := reputation.Inputs{
		AgentID: "7", Owner: owner, AsOf: now,
		Feedback: []reputation.Feedback{
			{Client: alice, Index: 1, Value: big.NewInt(92), Time: ago(10), PaidJobs: 2},
			{Client: bob, Index: 1, Value: big.NewInt(8000), Decimals: 2, Time: ago(40), PaidJobs: 1},
			{Client: carol, Index: 1, Value: big.NewInt(100), Time: ago(5)},
			{Client: dave, Index: 1, Value: big.NewInt(100), Time: ago(1)},
			{Client: alice, Index: 2, Value: big.NewInt(20), Time: ago(30), PaidJobs: 2, Revoked: true},
		},
		Reviewers: map[common.Address]reputation.Reviewer{
			alice: {Address: alice, FirstSeen: ago(400), AgentsReviewed: 6, SettledJobsAsClient: 14},
			bob:   {Address: bob, FirstSeen: ago(60), AgentsReviewed: 3, SettledJobsAsClient: 3},
			carol: {Address: carol, FirstSeen: ago(300), AgentsReviewed: 9, SettledJobsAsClient: 20},
			dave: {Address: dave, FirstSeen: ago(3), AgentsReviewed: 1, ControlsAgents: []string{"8"},
				ControlledOwners: []common.Address{owner}},
		},
		Validations: []reputation.Validation{
			{Validator: val, Response: u8(90), RequestedAt: ago(21), RespondedAt: at(ago(20))},
			{Validator: val, Response: u8(100), RequestedAt: ago(3), RespondedAt: at(ago(2))},
			{Validator: val, RequestedAt: ago(1)},
		},
		Jobs: reputation.Jobs{Total: 13, Completed: 10, Rejected: 1, Resolved: 1, Disputed: 1, Refunded: 2, Open: 1},
	}
	return in
}

// ExampleScore is the worked example of docs/reputation.md.
func ExampleScore() {
	in := exampleInputs()
	r := reputation.Score(in, reputation.DefaultParams())
	fmt.Printf("score %.2f confidence %.4f method %s\n", r.Score, r.Confidence, r.Method)
	for _, c := range r.Components {
		fmt.Printf("%-11s value %6.2f weight %.4f contribution %5.2f evidence %.4f\n",
			c.Name, c.Value, c.Weight, c.Contribution, c.Inputs["evidence"])
	}
	for _, f := range r.Flags {
		fmt.Printf("flag %s (%s) %d address(es)\n", f.Code, f.Severity, len(f.Addresses))
	}
	// Output:
	// score 77.41 confidence 0.7001 method agora-reputation-v1
	// feedback    value  89.41 weight 0.2084 contribution 18.63 evidence 1.3899
	// validation  value  95.35 weight 0.0750 contribution  7.15 evidence 0.5000
	// reliability value  87.92 weight 0.4167 contribution 36.63 evidence 2.7789
	// volume      value  55.58 weight 0.0000 contribution  0.00 evidence 0.0000
	// prior       value  50.00 weight 0.2999 contribution 15.00 evidence 0.0000
	// flag shared_owner (high) 1 address(es)
	// flag single_reviewer_dominance (warn) 1 address(es)
}

// BenchmarkScore scores a history of 1,000 feedback entries from 250 reviewers, 50 validations and a job
// summary.
func BenchmarkScore(b *testing.B) {
	rng := rand.New(rand.NewPCG(11, 12))
	in := agent()
	for i := range 250 {
		a := addr(1000 + i)
		paid := 0
		if i%3 != 0 {
			paid = 1 + i%4
		}
		r := reputation.Reviewer{Address: a, FirstSeen: asOf.Add(-time.Duration(rng.Int64N(int64(500 * day)))),
			AgentsReviewed: 1 + rng.IntN(10), SettledJobsAsClient: paid + rng.IntN(10)}
		if i%25 == 0 {
			r.ControlledOwners = []common.Address{addr(5000 + i%3)}
		}
		in.Reviewers[a] = r
		for k := range 4 {
			f := fb(a, uint64(k+1), int64(rng.IntN(10001)), asOf.Add(-time.Duration(rng.Int64N(int64(365*day)))), paid)
			f.Decimals = 2
			f.Revoked = rng.IntN(20) == 0
			in.Feedback = append(in.Feedback, f)
		}
	}
	for i := range 50 {
		v := uint8(rng.IntN(101))
		tm := asOf.Add(-time.Duration(i) * day)
		in.Validations = append(in.Validations, reputation.Validation{Validator: addr(6000 + i%5), Response: &v,
			RequestedAt: tm, RespondedAt: &tm})
	}
	in.Jobs = reputation.Jobs{Total: 400, Completed: 370, Rejected: 10, Expired: 5, Resolved: 5, Disputed: 8, Refunded: 20, Open: 10}
	p := reputation.DefaultParams()
	b.ReportAllocs()
	for b.Loop() {
		reputation.Score(in, p)
	}
}

// randomInputs builds a random history: reviewers of every kind (established, fresh, unknown, self,
// shared-owner, clustered, reciprocal), entries with odd values, tags, revocations and times, validations
// and jobs, some of them malformed.
func randomInputs(rng *rand.Rand) reputation.Inputs {
	in := agent()
	owners := []common.Address{owner, wallet, addr(900), addr(901), addr(902)}
	nr := rng.IntN(30)
	for i := range nr {
		a := addr(i)
		if rng.IntN(40) == 0 {
			a = owner
		}
		if rng.IntN(20) != 0 {
			r := reputation.Reviewer{
				Address:             a,
				FirstSeen:           asOf.Add(-time.Duration(rng.Int64N(int64(400 * day)))),
				FeedbackGiven:       rng.IntN(20),
				AgentsReviewed:      rng.IntN(9),
				SettledJobsAsClient: rng.IntN(15),
				ReviewedByThisAgent: rng.IntN(10) == 0,
			}
			if rng.IntN(15) == 0 {
				r.FirstSeen = time.Time{}
			}
			if rng.IntN(6) == 0 {
				r.ControlsAgents = []string{fmt.Sprint(10 + rng.IntN(5)), fmt.Sprint(20 + rng.IntN(5))}
				r.ControlledOwners = []common.Address{owners[rng.IntN(len(owners))], owners[2+rng.IntN(3)]}
			}
			if rng.IntN(40) == 0 {
				r.ControlsAgents = append(r.ControlsAgents, "7")
			}
			if rng.IntN(4) == 0 { // a fresh reviewer: first seen just before its first feedback below
				r.FirstSeen = asOf.Add(-time.Duration(rng.Int64N(int64(30 * day))))
			}
			in.Reviewers[a] = r
		}
		paid := 0
		if rng.IntN(2) == 0 {
			paid = 1 + rng.IntN(3)
		}
		for k := range 1 + rng.IntN(4) {
			f := randomFeedback(rng, a, uint64(k+1))
			f.PaidJobs = paid
			if r, ok := in.Reviewers[a]; ok && !r.FirstSeen.IsZero() && rng.IntN(3) == 0 {
				f.Time = r.FirstSeen.Add(time.Duration(rng.Int64N(int64(2 * day))))
			}
			in.Feedback = append(in.Feedback, f)
		}
	}
	for range rng.IntN(12) {
		v := reputation.Validation{Validator: []common.Address{addr(50), addr(51), addr(52), owner}[rng.IntN(4)],
			RequestedAt: asOf.Add(-time.Duration(rng.Int64N(int64(200 * day)))), Tag: []string{"", "soft", "hard"}[rng.IntN(3)]}
		if rng.IntN(5) != 0 {
			resp := uint8(rng.IntN(111))
			v.Response = &resp
			if rng.IntN(5) != 0 {
				at := v.RequestedAt.Add(time.Duration(rng.Int64N(int64(3 * day))))
				v.RespondedAt = &at
			}
		}
		in.Validations = append(in.Validations, v)
	}
	c := rng.IntN(60)
	in.Jobs = reputation.Jobs{Completed: c, Rejected: rng.IntN(5), Expired: rng.IntN(4), Resolved: rng.IntN(3),
		Disputed: rng.IntN(5), Open: rng.IntN(4), Refunded: rng.IntN(8),
		VolumeByToken: map[common.Address]*big.Int{addr(700): big.NewInt(int64(c) * 1_000_000), addr(701): big.NewInt(int64(rng.IntN(5)))}}
	in.Jobs.Total = in.Jobs.Completed + in.Jobs.Rejected + in.Jobs.Expired + in.Jobs.Resolved + in.Jobs.Open
	return in
}

// randomFeedback returns an entry with a random value, scale, tag, time and block.
func randomFeedback(rng *rand.Rand, client common.Address, index uint64) reputation.Feedback {
	dec := uint8(rng.IntN(4))
	v := big.NewInt(rng.Int64N(15001) - 2000)
	v.Mul(v, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(dec)), nil))
	v.Div(v, big.NewInt(100))
	f := reputation.Feedback{
		Client: client, Index: index, Value: v, Decimals: dec,
		Tag1:    []string{"", "starred", "quality", "responseTime", "uptime"}[rng.IntN(5)],
		Tag2:    []string{"", "latency"}[rng.IntN(2)],
		Time:    asOf.Add(-time.Duration(rng.Int64N(int64(300 * day)))),
		Revoked: rng.IntN(10) == 0,
	}
	f.Block = uint64(f.Time.Unix() / 2)
	switch rng.IntN(60) {
	case 0:
		f.Value = nil
	case 1:
		f.Decimals = 30
	case 2:
		f.Time = asOf.Add(day) // after AsOf
	}
	return f
}

// shuffled returns a copy of in with its slices shuffled (ControlsAgents and ControlledOwners included)
// and its reviewer map rebuilt in random order.
func shuffled(rng *rand.Rand, in reputation.Inputs) reputation.Inputs {
	out := in
	out.Feedback = append([]reputation.Feedback(nil), in.Feedback...)
	rng.Shuffle(len(out.Feedback), func(i, j int) { out.Feedback[i], out.Feedback[j] = out.Feedback[j], out.Feedback[i] })
	out.Validations = append([]reputation.Validation(nil), in.Validations...)
	rng.Shuffle(len(out.Validations), func(i, j int) {
		out.Validations[i], out.Validations[j] = out.Validations[j], out.Validations[i]
	})
	keys := make([]common.Address, 0, len(in.Reviewers))
	for k := range in.Reviewers {
		keys = append(keys, k)
	}
	rng.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	out.Reviewers = make(map[common.Address]reputation.Reviewer, len(keys))
	for _, k := range keys {
		r := in.Reviewers[k]
		r.ControlsAgents = append([]string(nil), r.ControlsAgents...)
		rng.Shuffle(len(r.ControlsAgents), func(i, j int) {
			r.ControlsAgents[i], r.ControlsAgents[j] = r.ControlsAgents[j], r.ControlsAgents[i]
		})
		r.ControlledOwners = append([]common.Address(nil), r.ControlledOwners...)
		rng.Shuffle(len(r.ControlledOwners), func(i, j int) {
			r.ControlledOwners[i], r.ControlledOwners[j] = r.ControlledOwners[j], r.ControlledOwners[i]
		})
		out.Reviewers[k] = r
	}
	return out
}

// cloneReviewers copies a reviewer map.
func cloneReviewers(m map[common.Address]reputation.Reviewer) map[common.Address]reputation.Reviewer {
	out := make(map[common.Address]reputation.Reviewer, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// counted mirrors the formula's choice of entries that count: not revoked, readable, rating tags only.
func counted(f reputation.Feedback, p reputation.Params) bool {
	if f.Revoked || f.Value == nil || f.Decimals > 18 {
		return false
	}
	for _, t := range p.IgnoredTags {
		if strings.EqualFold(strings.TrimSpace(f.Tag1), t) {
			return false
		}
	}
	return true
}

// payingReviewer picks a random reviewer of in whose counted entries are all paid, and returns it with the
// time of its latest counted entry.
func payingReviewer(rng *rand.Rand, in reputation.Inputs, p reputation.Params) (common.Address, time.Time, bool) {
	type state struct {
		latest        time.Time
		paid, unpaid  bool
		countedAtLeas bool
	}
	st := map[common.Address]*state{}
	var order []common.Address
	for _, f := range in.Feedback {
		if !counted(f, p) {
			continue
		}
		s, ok := st[f.Client]
		if !ok {
			s = &state{}
			st[f.Client] = s
			order = append(order, f.Client)
		}
		s.countedAtLeas = true
		if f.PaidJobs > 0 {
			s.paid = true
		} else {
			s.unpaid = true
		}
		if f.Time.After(s.latest) {
			s.latest = f.Time
		}
	}
	var cands []common.Address
	for _, a := range order {
		if s := st[a]; s.paid && !s.unpaid && !s.latest.After(asOf) {
			cands = append(cands, a)
		}
	}
	if len(cands) == 0 {
		return common.Address{}, time.Time{}, false
	}
	a := cands[rng.IntN(len(cands))]
	return a, st[a].latest, true
}

// paidJobsOf returns the PaidJobs of a's entries.
func paidJobsOf(in reputation.Inputs, a common.Address) int {
	for _, f := range in.Feedback {
		if f.Client == a && f.PaidJobs > 0 {
			return f.PaidJobs
		}
	}
	return 1
}
