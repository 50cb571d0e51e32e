package gateway

import (
	"fmt"
	"log/slog"
	"math/big"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// pick returns a random subset of vs (each value with probability p).
func pick(r *rand.Rand, vs []string, p float64) []string {
	var out []string
	for _, v := range vs {
		if r.Float64() < p {
			out = append(out, v)
		}
	}
	return out
}

func maybe[T any](r *rand.Rand, p float64, v T) *T {
	if r.Float64() < p {
		return &v
	}
	return nil
}

var (
	testLangs  = []string{"de", "de-AT", "vi", "en-US", "zh-Hant-TW", "fr"}
	testJuris  = []string{"EU", "US", "DE", "GLOBAL", "SG"}
	testTypes  = []string{"text/plain", "application/pdf", "image/png", "audio/wav"}
	testTrust  = []string{"reputation", "crypto-economic", "tee-attestation"}
	testTools  = []string{"ocr", "translate", "summarize", "transcribe"}
	testSyms   = []string{"usdc", "tusd", "dai"}
	testOwners = []common.Address{common.HexToAddress("0x01"), common.HexToAddress("0x02"), common.HexToAddress("0x03")}
	testTokens = []common.Address{common.HexToAddress("0xa0"), common.HexToAddress("0xb0")}
)

func randomPrice(r *rand.Rand) *big.Int {
	switch r.IntN(4) {
	case 0:
		return new(big.Int).Lsh(big.NewInt(r.Int64N(1000)+1), 70) // above 2^64
	default:
		return big.NewInt(r.Int64N(100_000))
	}
}

// randomCatalog fills a catalog with n random documents, some with heartbeats and scores.
func randomCatalog(r *rand.Rand, n int, now time.Time) *catalog {
	return randomCatalogWith(r, n, now, nil)
}

// randomCatalogWith is randomCatalog with each document's lexemes (and those of them in its rank set) from
// terms (nil: none), which draws on a random source of its own.
func randomCatalogWith(r *rand.Rand, n int, now time.Time, terms func(i int) (all, rank []string)) *catalog {
	c := newCatalog(nil, slog.Default())
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := range n {
		c.insert(randomDoc(c, r, i, now, terms))
	}
	c.renorm()
	return c
}

// randomDoc returns random document i for c (its heartbeat and score, if any, put in c.live and c.scores),
// with its lexemes from terms (nil: none). Callers hold c.mu.
func randomDoc(c *catalog, r *rand.Rand, i int, now time.Time, terms func(i int) (all, rank []string)) loadedDoc {
	id := strconv.Itoa(i)
	if i%97 == 0 {
		id = "1" + strconv.Itoa(i) + "000000000000000000000000" // beyond uint64
	}
	d := &doc{id: id, owner: testOwners[r.IntN(len(testOwners))], x402: r.IntN(2) == 0, length: 10}
	if r.IntN(3) > 0 {
		d.active = maybe(r, 1, r.IntN(2) == 0)
	}
	l := loadedDoc{d: d, trust: pick(r, testTrust, 0.4), mcp: pick(r, testTools, 0.3), a2a: pick(r, testTools, 0.2),
		classes: pick(r, dataClasses, 0.2), attests: pick(r, attestations, 0.2)}
	for ci := range r.IntN(5) {
		cr := capRow{Idx: ci, Name: fmt.Sprintf("cap %d", ci), Languages: pick(r, testLangs, 0.3),
			Inputs: pick(r, testTypes, 0.4), Outputs: pick(r, testTypes, 0.3), Juris: pick(r, testJuris, 0.3),
			Classes: pick(r, dataClasses, 0.2), Attests: pick(r, attestations, 0.2),
			Risk: riskClasses[r.IntN(len(riskClasses))], Model: pricingModels[r.IntN(len(pricingModels))],
			TokenHex: testTokens[r.IntN(len(testTokens))].Hex()[2:]}
		if r.IntN(4) > 0 {
			cr.Symbol = testSyms[r.IntN(len(testSyms))]
		}
		if r.IntN(5) > 0 {
			cr.PriceText = randomPrice(r).String()
		}
		cr.P95 = maybe(r, 0.7, r.Int64N(3000))
		cr.Throughput = maybe(r, 0.5, r.Int64N(1000))
		l.caps = append(l.caps, cr)
	}
	if r.IntN(3) == 0 {
		c.live[id] = liveBeat{status: int16(r.IntN(3)), price: randomPrice(r), token: testTokens[r.IntN(len(testTokens))],
			p95: r.Int64N(3000), expires: now.Add(time.Duration(r.IntN(120)-60) * time.Second)}
	}
	if r.IntN(4) > 0 {
		c.scores[id] = float64(r.IntN(10001)) / 100 // two decimals, as stored
	}
	if terms != nil {
		l.terms, d.rank = terms(i)
		d.length = len(l.terms)
	}
	return l
}

// randomQuery returns a search with a random set of filters.
func randomQuery(r *rand.Rand) *searchQuery {
	q := &searchQuery{Sort: []string{"relevance", "price", "latency", "reputation"}[r.IntN(4)]}
	q.SupportedTrust = pick(r, testTrust, 0.15)
	q.MCPTools = pick(r, testTools, 0.1)
	q.X402 = maybe(r, 0.2, r.IntN(2) == 0)
	q.Active = maybe(r, 0.15, r.IntN(2) == 0)
	q.Online = maybe(r, 0.15, r.IntN(2) == 0)
	q.MinReputation = maybe(r, 0.25, float64(r.IntN(10001))/100)
	if r.IntN(10) == 0 {
		q.Owner = &testOwners[r.IntN(len(testOwners))]
	}
	q.Languages = pick(r, []string{"de", "vi", "zh-hant", "en", "fr-ca"}, 0.15)
	q.Jurisdictions = pick(r, []string{"EU", "US", "JP"}, 0.15)
	q.DataClasses = pick(r, dataClasses, 0.08)
	q.Compliance = pick(r, attestations, 0.08)
	q.RiskClasses = pick(r, riskClasses, 0.1)
	q.PricingModels = pick(r, pricingModels, 0.1)
	q.Inputs = pick(r, testTypes, 0.1)
	if r.IntN(5) == 0 {
		q.TokenSymbol = testSyms[r.IntN(len(testSyms))]
	}
	if r.IntN(8) == 0 {
		q.Token = &testTokens[r.IntN(len(testTokens))]
	}
	if r.IntN(3) == 0 {
		q.MaxPrice = randomPrice(r)
	}
	q.MaxLatencyMs = maybe(r, 0.3, r.Int64N(3000))
	q.MinThroughput = maybe(r, 0.1, r.Int64N(1000))
	if r.IntN(10) == 0 {
		q.Capability = "cap 1"
	}
	return q
}

// TestFilter_PassNeverRejectsAMatch checks the summary check against the full one on random documents and
// filters: whatever eval accepts, pass must accept (pass only skips work), and pass must reject nine in ten
// of what eval rejects (else it saves nothing).
func TestFilter_PassNeverRejectsAMatch(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	now := time.Now()
	c := randomCatalog(r, 3000, now)
	var matches, rejected, passRejected int
	for qi := range 400 {
		q := randomQuery(r)
		c.mu.RLock()
		f := newFilter(q, c)
		for _, d := range c.docs {
			var h hit
			full := f.eval(d, now, &h)
			quick := f.pass(&c.pre[d.ord])
			if full && !quick {
				t.Fatalf("query %d %+v: pass rejects agent %s, which eval accepts", qi, *q, d.id)
			}
			switch {
			case full:
				matches++
			case !quick:
				passRejected++
				rejected++
			default:
				rejected++
			}
		}
		c.mu.RUnlock()
	}
	t.Logf("%d matches; pass rejected %d of the %d that eval rejected", matches, passRejected, rejected)
	if matches == 0 || passRejected < rejected*9/10 {
		t.Fatalf("%d matches, pass rejected %d of %d: the random filters do not exercise pass", matches, passRejected, rejected)
	}
}

// TestCatalog_CompactKeepsSummaries checks that compacting the postings keeps each document's summary,
// capability summaries and number.
func TestCatalog_CompactKeepsSummaries(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	c := randomCatalog(r, 500, time.Now())
	c.mu.Lock()
	for i := 0; i < 500; i += 3 {
		c.remove(strconv.Itoa(i))
	}
	c.compact()
	c.mu.Unlock()
	for o, d := range c.docs {
		want := d.summary()
		got := c.pre[o]
		if got.classes != want.classes || got.langSig != want.langSig || got.jurisSig != want.jurisSig || got.profSig != want.profSig ||
			got.minP95 != want.minP95 || got.flags != want.flags || got.score != want.score {
			t.Fatalf("agent %s: summary %+v after compact, want %+v", d.id, got, want)
		}
		if int(got.capHi-got.capLo) != len(d.caps) {
			t.Fatalf("agent %s: %d capability summaries, want %d", d.id, got.capHi-got.capLo, len(d.caps))
		}
		for i := range d.caps {
			if c.capPre[int(got.capLo)+i] != d.caps[i].summary() {
				t.Fatalf("agent %s: capability %d summary changed", d.id, i)
			}
		}
		if n, err := strconv.ParseUint(d.id, 10, 64); (err == nil && c.nums[o] != n) || (err != nil && c.nums[o] != noNum) {
			t.Fatalf("agent %s: num %d", d.id, c.nums[o])
		}
		if n, ok := denseID(d.id); ok && c.byNum[n] != d.ord+1 {
			t.Fatalf("agent %s: byNum %d, want %d", d.id, c.byNum[n], d.ord+1)
		}
	}
}
