package gateway

import (
	"fmt"
	"log/slog"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/agoralabs/agora/embed"
)

// orderVocab is the random catalogs' lexemes, frequent to rare.
var orderVocab = []string{"text", "invoic", "ocr", "translat", "pdf", "json", "speech", "legal", "medic", "secur"}

func orderTerms(i int) (all, rank []string) {
	r := rand.New(rand.NewPCG(uint64(i), 99))
	for j, w := range orderVocab {
		if r.Float64() < 0.7/float64(j+1)+0.03 {
			all = append(all, w)
			if r.IntN(3) == 0 {
				rank = append(rank, w)
			}
		}
	}
	slices.Sort(rank)
	return all, rank
}

// orderServer returns a server over a random catalog of n documents with random unit vectors, whose
// orderings were built and then made stale: documents replaced, added and removed, heartbeats and scores
// moved both ways (prices above 2⁵³ that round to one float among them).
func orderServer(t *testing.T, r *rand.Rand, n int, now time.Time) *Server {
	t.Helper()
	c := randomCatalogWith(r, n, now, orderTerms)
	c.mu.Lock()
	for i, d := range c.docs { // ties: a third of the agents at one score, a fifth online at one price and p95
		if i%3 == 0 {
			c.setScoresLocked(map[string]float64{d.id: 50})
		}
		if i%5 == 0 {
			c.putBeat(d.id, liveBeat{status: 1, price: big.NewInt(777), token: testTokens[0], p95: 120, expires: now.Add(time.Hour)})
		}
	}
	c.setOrders(c.buildOrders())
	big53 := new(big.Int).Lsh(big.NewInt(1), 60)
	randomID := func() string {
		for {
			if d := c.docs[r.IntN(len(c.docs))]; d != nil {
				return d.id
			}
		}
	}
	for range n / 40 { // scores up and down
		c.setScoresLocked(map[string]float64{randomID(): float64(r.IntN(10001)) / 100})
	}
	for i := range n / 40 { // heartbeats: cheaper, dearer, faster, slower
		price := randomPrice(r)
		if i%3 == 0 {
			price = new(big.Int).Add(big53, big.NewInt(int64(r.IntN(5)))) // equal as floats
		}
		c.putBeat(randomID(), liveBeat{status: int16(r.IntN(3)), price: price, token: testTokens[r.IntN(len(testTokens))],
			p95: r.Int64N(3000), expires: now.Add(time.Duration(r.IntN(120)-60) * time.Second)})
	}
	for i := range n / 60 { // replaced documents
		l := randomDoc(c, r, r.IntN(n), now, orderTerms)
		if i%2 == 0 {
			for ci := range l.caps {
				l.caps[ci].PriceText = new(big.Int).Add(big53, big.NewInt(int64(r.IntN(5)))).String()
			}
		}
		c.insert(l)
	}
	for i := range n / 60 { // new documents
		c.insert(randomDoc(c, r, n+i, now, orderTerms))
	}
	for range n / 80 {
		c.remove(randomID())
	}
	c.renorm()
	c.mu.Unlock()

	s := &Server{catalog: c, vectors: newVectors(embed.NewLocal(16), nil, slog.Default())}
	for _, d := range c.docs {
		if d != nil {
			if err := s.vectors.idx.Upsert(d.id, randomUnit(r, 16)); err != nil {
				t.Fatal(err)
			}
		}
	}
	return s
}

func randomUnit(r *rand.Rand, dims int) []float32 {
	v := make([]float32, dims)
	var sum float64
	for i := range v {
		v[i] = float32(r.NormFloat64())
		sum += float64(v[i]) * float64(v[i])
	}
	for i := range v {
		v[i] = float32(float64(v[i]) / math.Sqrt(sum))
	}
	return v
}

// randomSearch returns a random query of a random shape (filters only, text, vector or hybrid) with its
// words and embedding.
func randomSearch(r *rand.Rand) (*searchQuery, [][]termAlt, []float32) {
	q := randomQuery(r)
	if r.IntN(2) == 0 { // a broad query: one filter or none
		full := q
		q = &searchQuery{Sort: full.Sort}
		switch r.IntN(7) {
		case 0:
			q.X402 = maybe(r, 1, r.IntN(2) == 0)
		case 1:
			q.MaxPrice = randomPrice(r)
		case 2:
			q.MaxLatencyMs = maybe(r, 1, r.Int64N(3000))
		case 3:
			q.Languages = []string{"de"}
		case 4:
			q.MinReputation = maybe(r, 1, float64(r.IntN(10001))/100)
		case 5:
			q.Online = maybe(r, 1, r.IntN(2) == 0)
		}
	}
	q.Limit = []int{1, 3, 20, 100}[r.IntN(4)]
	var words [][]termAlt
	var qvec []float32
	switch r.IntN(4) {
	case 0: // filters only
		if q.Sort == "relevance" {
			q.Sort = "reputation"
		}
		return q, nil, nil
	case 1:
		q.Mode = "text"
	case 2:
		q.Mode = "vector"
	default:
		q.Mode = "hybrid"
	}
	q.Text = "x"
	for range 1 + r.IntN(2) {
		w := orderVocab[r.IntN(len(orderVocab))]
		words = append(words, []termAlt{{lexeme: w[:1+r.IntN(len(w))], prefix: true}})
	}
	if q.Mode != "text" {
		qvec = randomUnit(r, 16)
	}
	return q, words, qvec
}

// pages returns up to four pages of q, following the cursor as search does; with early, the nearest
// neighbours of a query that matches text too are searched before, under a lock of their own, as search
// does.
func pages(t *testing.T, s *Server, q *searchQuery, words [][]termAlt, qvec []float32, now time.Time, early bool) [][]*hit {
	t.Helper()
	q.After = nil
	var out [][]*hit
	var after *sortKey
	for range 4 {
		var vecHits func() []hit
		if early && words != nil && qvec != nil {
			c := s.catalog
			c.mu.RLock()
			hits := s.nearest(c, newFilter(q, c), qvec, vectorWindow(q), now)
			c.mu.RUnlock()
			vecHits = func() []hit { return hits }
		}
		page := s.rankPage(q, words, qvec, after, now, vecHits)
		out = append(out, page)
		if len(page) <= q.Limit {
			break
		}
		last := page[q.Limit-1]
		q.After = &cursor{Key: last.key.String(), ID: last.d.id, Pos: q.offset() + q.Limit}
		k, err := parseSortKey(q.Sort, q.After.Key)
		if err != nil {
			t.Fatal(err)
		}
		after = &k
	}
	return out
}

// hitString shows everything of a hit that a result shows.
func hitString(h *hit) string {
	return fmt.Sprintf("%s key=%s t=%v/%v v=%v/%v score=%v price=%v p95=%d caps=%b/%v", h.d.id, h.key, h.t, h.hasT, h.v,
		h.hasV, h.score, h.price, h.p95, h.caps, h.allCaps)
}

func samePages(a, b [][]*hit) (string, bool) {
	if len(a) != len(b) {
		return fmt.Sprintf("%d pages, want %d", len(a), len(b)), false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return fmt.Sprintf("page %d: %d hits, want %d", i, len(a[i]), len(b[i])), false
		}
		for j := range a[i] {
			if x, y := hitString(a[i][j]), hitString(b[i][j]); x != y {
				return fmt.Sprintf("page %d hit %d: %s, want %s", i, j, x, y), false
			}
		}
	}
	return "", true
}

// TestRankPage_OrderingsMatchFullEvaluation checks the scans in a sort's order (filters only, and text
// matches sorted by a key, beside vector hits in hybrid mode) against the evaluation of every candidate
// they replace, page by page through the cursors, on random catalogs whose orderings are stale (dirty
// documents) and then rebuilt, and the filters-only pages against a plain sort of every match as well.
func TestRankPage_OrderingsMatchFullEvaluation(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	now := time.Now()
	defer func(m, b int) { orderedTextMin, orderedTextBudget = m, b }(orderedTextMin, orderedTextBudget)
	for round, n := range []int{300, 4000} {
		s := orderServer(t, r, n, now)
		c := s.catalog
		check := func(stage string, queries int) {
			t.Helper()
			scanned := 0
			for qi := range queries {
				q, words, qvec := randomSearch(r)
				orderedTextMin = []int{0, 50, 512}[r.IntN(3)]
				orderedTextBudget = []int{1, 16}[r.IntN(2)] // 1: some scans give up
				c.ordersOff = true
				want := pages(t, s, q, words, qvec, now, false)
				c.ordersOff = false
				got := pages(t, s, q, words, qvec, now, r.IntN(2) == 0)
				if why, ok := samePages(got, want); !ok {
					t.Fatalf("round %d, %s, query %d %+v words %v: %s", round, stage, qi, *q, words, why)
				}
				if words == nil && qvec == nil {
					if why, ok := samePages(got, plainPages(c, q, now)); !ok {
						t.Fatalf("round %d, %s, query %d %+v: against a plain sort: %s", round, stage, qi, *q, why)
					}
				}
				if len(got[0]) > 0 {
					scanned++
				}
			}
			if scanned < queries/3 {
				t.Fatalf("%s: only %d of %d queries found anything", stage, scanned, queries)
			}
		}
		c.mu.RLock()
		dirty := len(c.orders[0].Load().dirty)
		c.mu.RUnlock()
		if dirty == 0 || dirty > orderRebuildAt+len(c.docs)/32 {
			t.Fatalf("%d dirty documents: the test wants some, below the rebuild threshold", dirty)
		}
		check("stale orderings", 1500)
		c.mu.Lock()
		c.setOrders(c.buildOrders())
		c.mu.Unlock()
		check("rebuilt orderings", 500)
		c.mu.Lock()
		c.compact()
		c.mu.Unlock()
		check("no orderings (after compact)", 200)
	}
}

// plainPages is pages of a filters-only query by a plain sort of every document that passes the filters.
func plainPages(c *catalog, q *searchQuery, now time.Time) [][]*hit {
	c.mu.RLock()
	defer c.mu.RUnlock()
	f := newFilter(q, c)
	var all []*hit
	for _, d := range c.docs {
		h := new(hit)
		if d != nil && f.eval(d, now, h) {
			f.prices(h, now)
			h.key = hitKey(q.Sort, h, false)
			all = append(all, h)
		}
	}
	slices.SortFunc(all, func(a, b *hit) int { return compareHits(a.key, a.d.id, b.key, b.d.id) })
	var out [][]*hit
	for start := 0; len(out) < 4; start += q.Limit {
		end := min(start+q.Limit+1, len(all))
		if start > len(all) {
			start = len(all)
		}
		out = append(out, all[start:end])
		if end-start <= q.Limit {
			break
		}
	}
	return out
}

// TestOrders_RebuiltWhenTooDirty checks that a search on an ordering with too many dirty documents has it
// rebuilt in the background, and that every ordering is in (bound, id) order with bounds at most the keys.
func TestOrders_RebuiltWhenTooDirty(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	now := time.Now()
	c := randomCatalog(r, 3000, now)
	c.mu.Lock()
	c.setOrders(c.buildOrders())
	for i := range 3000 {
		c.setScoresLocked(map[string]float64{c.docs[i].id: 100})
	}
	dirty := len(c.orders[orderIndex("reputation")].Load().dirty)
	c.mu.Unlock()
	if dirty <= orderRebuildAt+3000/32 {
		t.Fatalf("%d dirty", dirty)
	}
	c.mu.RLock()
	c.order("reputation")
	c.mu.RUnlock()
	deadline := time.Now().Add(10 * time.Second)
	for {
		c.mu.RLock()
		so := c.orders[orderIndex("reputation")].Load()
		c.mu.RUnlock()
		if so != nil && len(so.dirty) == 0 && !c.building.Load() {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("not rebuilt")
		}
		time.Sleep(5 * time.Millisecond)
	}
	c.mu.RLock()
	defer c.mu.RUnlock()
	for si, sort := range orderSorts {
		so := c.orders[si].Load()
		if len(so.entries) != len(c.byID) {
			t.Fatalf("%s: %d entries, %d documents", sort, len(so.entries), len(c.byID))
		}
		for i, e := range so.entries {
			if i > 0 {
				p := so.entries[i-1]
				if p.bound > e.bound || (p.bound == e.bound && c.compareOrds(p.ord, e.ord) >= 0) {
					t.Fatalf("%s: entries %d and %d out of order", sort, i-1, i)
				}
			}
			h := hit{}
			f := newFilter(&searchQuery{Sort: sort}, c)
			if !f.eval(c.docs[e.ord], now, &h) {
				t.Fatalf("%s: agent %s fails no filter", sort, c.docs[e.ord].id)
			}
			f.prices(&h, now)
			if k, _ := keyFloat(hitKey(sort, &h, false)); k < e.bound {
				t.Fatalf("%s: agent %s: key %v below its bound %v", sort, c.docs[e.ord].id, k, e.bound)
			}
		}
	}
}

// TestPriceFloat_Nearest checks the uint64 shortcut of priceFloat against big.Float's rounding.
func TestPriceFloat_Nearest(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	for i := range 100000 {
		v := r.Uint64() >> (i % 64)
		p := new(big.Int).SetUint64(v)
		want, _ := new(big.Float).SetInt(p).Float64()
		if got := priceFloat(p); got != want {
			t.Fatalf("%d: %v, want %v", v, got, want)
		}
	}
}
