package policy_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/agoralabs/agora/governance/policy"
)

// benchPrincipals is how many principals BenchmarkEngine_Decide loads, each with a 20-rule policy.
const benchPrincipals = 1000

var bench struct {
	once       sync.Once
	engine     *policy.Engine
	principals []string
	inputs     []policy.Input
	load       time.Duration
	err        error
}

// benchPolicy is principal i's policy: the sample's six rules (and its parameter guard) plus 14
// generated rules on capabilities, counterparties, price bands, tokens, mandates and wallets, with
// numbers that differ from principal to principal.
func benchPolicy(i int) (string, map[string]any) {
	var b strings.Builder
	b.WriteString(policy.Sample)
	for k := range 14 {
		id := fmt.Sprintf("gen_%02d", k)
		lo := (i*7 + k*31) % 900
		var cond string
		switch k % 7 {
		case 0:
			cond = fmt.Sprintf("input.capability == %q", fmt.Sprintf("cap-%d", (i*7+k)%50))
		case 1:
			cond = fmt.Sprintf("input.counterparty.id == %q", fmt.Sprint((i*13+k)%200))
		case 2:
			cond = fmt.Sprintf("{\n\tinput.priceUSD >= %d\n\tinput.priceUSD < %d\n}", lo, lo+25)
		case 3:
			cond = fmt.Sprintf("{\n\tinput.action == \"fund\"\n\tnot input.token in {%q, %q, %q}\n}", wallet(0), wallet(1), wallet(2+(i+k)%2))
		case 4:
			cond = fmt.Sprintf("{\n\tinput.action == \"agreement.sign\"\n\tstartswith(input.capability, \"cap-%d\")\n}", (i+k)%10)
		case 5:
			cond = fmt.Sprintf("{\n\tinput.mandateId == \"\"\n\tinput.priceUSD > %d\n}", lo)
		case 6:
			cond = fmt.Sprintf("input.counterparty.wallet in {%q, %q, %q}", wallet(i*3), wallet(i*3+1), wallet(k))
		}
		kind := "deny"
		if k%2 == 0 {
			kind = "escalate"
		}
		fmt.Fprintf(&b, "\n%s contains {\"rule\": %q, \"reason\": %q} if %s\n", kind, id, "generated rule "+id, cond)
	}
	params := map[string]any{
		"min_reputation":     20 + i%40,
		"escalate_above_usd": 300 + i%700,
		"daily_ceiling_usd":  3000 + 10*(i%1000),
	}
	if i%3 == 0 {
		params["allowed_jurisdictions"] = []string{"DE", "FR", "NL", "EU", "US"}
	}
	if i%4 == 0 {
		params["allowed_data_classes"] = []string{"public", "pii", "financial"}
	}
	return b.String(), params
}

func wallet(n int) string { return fmt.Sprintf("0x%040x", n+1) }

// benchInputs returns n varied inputs (without principal) from a fixed seed.
func benchInputs(n int) []policy.Input {
	rng := rand.New(rand.NewPCG(1, 2))
	actions := []string{policy.ActionRFQPost, policy.ActionQuote, policy.ActionAward, policy.ActionAgreementSign, policy.ActionFund}
	places := []string{"DE", "FR", "US", "NL", "EU", "DE", "FR", "US", "NL", "EU", "SG", ""}
	classes := []string{"public", "public", "public", "public", "public", "public", "public", "pii", "pii", "financial"}
	pick := func(xs []string, k int) []string {
		out := []string{}
		for range k {
			out = append(out, xs[rng.IntN(len(xs))])
		}
		return out
	}
	ins := make([]policy.Input, n)
	for i := range ins {
		price := 1200 * rng.Float64() * rng.Float64() // mostly small, sometimes large
		in := policy.Input{
			Action: actions[rng.IntN(len(actions))],
			Agent:  policy.Agent{ID: fmt.Sprint(rng.IntN(1000)), Wallet: wallet(rng.IntN(5000))},
			Counterparty: policy.Counterparty{
				ID: fmt.Sprint(rng.IntN(200)), Wallet: wallet(rng.IntN(3000)),
				Jurisdiction: places[rng.IntN(len(places))], SybilFlags: []string{},
			},
			Price: fmt.Sprint(int64(price * 1e6)), PriceUSD: price,
			Token:         wallet(rng.IntN(4)),
			Capability:    fmt.Sprintf("cap-%d", rng.IntN(60)),
			DataClasses:   pick(classes, 1+rng.IntN(2)),
			Jurisdictions: pick(places[:10], 1+rng.IntN(2)),
			SpentTodayUSD: rng.Float64() * 3000,
			Time:          time.Date(2026, 3, 1, 0, 0, rng.IntN(86400), 0, time.UTC).Format(time.RFC3339),
		}
		if rng.IntN(10) > 0 {
			r := 40 + rng.Float64()*60
			in.Counterparty.Reputation = &r
		}
		if rng.IntN(20) == 0 {
			in.Counterparty.SybilFlags = []string{"owner_cluster"}
		}
		if rng.IntN(10) > 0 {
			in.MandateID = fmt.Sprintf("m-%d", i)
		}
		ins[i] = in
	}
	return ins
}

// loadBench loads the benchmark's principals once per process and records how long it took.
func loadBench() {
	bench.once.Do(func() {
		e := policy.NewEngine(policy.Options{})
		srcs := make([]string, benchPrincipals)
		params := make([]map[string]any, benchPrincipals)
		for i := range benchPrincipals {
			srcs[i], params[i] = benchPolicy(i)
			bench.principals = append(bench.principals, wallet(1_000_000+i))
		}
		start := time.Now()
		for i, p := range bench.principals {
			if _, err := e.Set(p, srcs[i], params[i]); err != nil {
				bench.err = fmt.Errorf("Set(principal %d): %w", i, err)
				return
			}
		}
		bench.load = time.Since(start)
		bench.engine = e
		bench.inputs = benchInputs(4096)
		runtime.GC() // the compilers' garbage is the load's cost, not the decisions'
	})
}

// BenchmarkEngine_Decide decides varied inputs for random principals among 1,000, each with a policy of
// 20 rules, and reports the latency percentiles of single decisions (p50-us, p95-us, p99-us) and the
// time it took to load the principals (load-ms).
func BenchmarkEngine_Decide(b *testing.B) {
	loadBench()
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	e, ctx := bench.engine, context.Background()
	rng := rand.New(rand.NewPCG(3, 4))
	durs := make([]time.Duration, 0, b.N)
	outcomes := map[policy.Outcome]int{}
	b.ResetTimer()
	for i := range b.N {
		in := bench.inputs[i%len(bench.inputs)]
		in.Principal = bench.principals[rng.IntN(len(bench.principals))]
		start := time.Now()
		d, err := e.Decide(ctx, in)
		durs = append(durs, time.Since(start))
		if err != nil {
			b.Fatalf("Decide: %v", err)
		}
		outcomes[d.Outcome]++
	}
	b.StopTimer()
	slices.Sort(durs)
	at := func(q int) float64 { return float64(durs[(len(durs)-1)*q/100]) / float64(time.Microsecond) }
	b.ReportMetric(at(50), "p50-us")
	b.ReportMetric(at(95), "p95-us")
	b.ReportMetric(at(99), "p99-us")
	b.ReportMetric(float64(bench.load)/float64(time.Millisecond), "load-ms")
	if b.N >= 1000 {
		b.Logf("%d decisions: %d allow, %d escalate, %d deny; %d principals loaded in %v",
			b.N, outcomes[policy.Allow], outcomes[policy.Escalate], outcomes[policy.Deny], benchPrincipals, bench.load)
	}
}
