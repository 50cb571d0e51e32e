package embed_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/agoralabs/agora/embed"
)

// corpus is a set of Local vectors of synthetic agent descriptions, with ids "0", "1", …, and
// query vectors.
type corpus struct {
	docs    [][]float32
	queries [][]float32
}

func newCorpus(t testing.TB, n, nq int) corpus {
	t.Helper()
	l := embed.NewLocal(256)
	docs, err := l.Embed(context.Background(), synthDescriptions(uint64(n), n))
	if err != nil {
		t.Fatal(err)
	}
	qs, err := l.Embed(context.Background(), synthQueryTexts(uint64(n)+1, nq))
	if err != nil {
		t.Fatal(err)
	}
	return corpus{docs, qs}
}

func (c corpus) index(t testing.TB, opts embed.IndexOptions) *embed.Index {
	t.Helper()
	x := embed.NewIndexWithOptions(256, opts)
	for i, v := range c.docs {
		if err := x.Upsert(strconv.Itoa(i), v); err != nil {
			t.Fatal(err)
		}
	}
	return x
}

func dot(a, b []float32) float64 {
	var s float64
	for i := range a {
		s += float64(a[i]) * float64(b[i])
	}
	return s
}

// kthExact returns the k-th best exact score of q over docs whose index allow accepts (-Inf when
// fewer are allowed).
func kthExact(docs [][]float32, q []float32, k int, allow func(i int) bool) float64 {
	best := make([]float64, 0, k+1) // descending
	for i, d := range docs {
		if allow != nil && !allow(i) {
			continue
		}
		s := dot(q, d)
		if len(best) == k && s <= best[k-1] {
			continue
		}
		j, _ := slices.BinarySearchFunc(best, s, func(a, b float64) int {
			if a > b {
				return -1
			}
			return 1
		})
		best = slices.Insert(best, j, s)
		if len(best) > k {
			best = best[:k]
		}
	}
	if len(best) < k {
		return math.Inf(-1)
	}
	return best[k-1]
}

// recall is recall@k of the index against exact brute force: the share of returned hits whose
// exact score reaches the exact k-th best (so that equally good answers count).
func recall(t testing.TB, x *embed.Index, c corpus, k int) float64 {
	t.Helper()
	good := 0
	for _, q := range c.queries {
		kth := kthExact(c.docs, q, k, nil)
		hits := x.Search(q, k, nil)
		if len(hits) != k {
			t.Fatalf("Search returned %d hits, want %d", len(hits), k)
		}
		for _, h := range hits {
			i, _ := strconv.Atoi(h.ID)
			if dot(q, c.docs[i]) >= kth-1e-6 {
				good++
			}
		}
	}
	return float64(good) / float64(k*len(c.queries))
}

func TestIndex_RecallAgainstExact(t *testing.T) {
	queries := 150
	if raceEnabled {
		queries = 40 // brute force under the race detector is slow, and proves nothing about races
	}
	c := newCorpus(t, 20000, queries)
	x := c.index(t, embed.IndexOptions{})
	if x.Len() != 20000 {
		t.Fatalf("Len() = %d, want 20000", x.Len())
	}
	r := recall(t, x, c, 10)
	t.Logf("recall@10 over 20,000 vectors: %.4f", r)
	if r < 0.95 {
		t.Errorf("recall@10 = %.4f, want at least 0.95", r)
	}
}

func TestIndex_ScoresAreCosines(t *testing.T) {
	c := newCorpus(t, 2000, 20)
	x := c.index(t, embed.IndexOptions{})
	for _, q := range c.queries {
		hits := x.Search(q, 20, nil)
		for j, h := range hits {
			i, _ := strconv.Atoi(h.ID)
			if exact := dot(q, c.docs[i]); math.Abs(float64(h.Score)-exact) > 0.005 {
				t.Errorf("hit %s: score %.4f, exact cosine %.4f", h.ID, h.Score, exact)
			}
			if j > 0 && hits[j-1].Score < h.Score {
				t.Errorf("hits out of order: %v then %v", hits[j-1], h)
			}
		}
	}
}

func unit(v ...float32) []float32 {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	out := make([]float32, len(v))
	for i, x := range v {
		out[i] = float32(float64(x) / math.Sqrt(s))
	}
	return out
}

func randomUnit(r *rand.Rand, dims int) []float32 {
	v := make([]float32, dims)
	for i := range v {
		v[i] = float32(r.NormFloat64())
	}
	return unit(v...)
}

func ids(hits []embed.Hit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.ID
	}
	return out
}

func TestIndex_UpsertReplaces(t *testing.T) {
	x := embed.NewIndex(4)
	must(t, x.Upsert("1", unit(1, 0, 0, 0)))
	must(t, x.Upsert("2", unit(0, 1, 0, 0)))
	must(t, x.Upsert("1", unit(0, 0, 1, 0)))
	if x.Len() != 2 {
		t.Fatalf("Len() = %d after replacing, want 2", x.Len())
	}
	hits := x.Search(unit(0, 0, 1, 0), 1, nil)
	if len(hits) != 1 || hits[0].ID != "1" || hits[0].Score < 0.999 {
		t.Errorf("Search for the new vector = %v, want id 1 with score 1", hits)
	}
	hits = x.Search(unit(1, 0, 0, 0), 2, nil)
	for _, h := range hits {
		if h.Score > 0.01 {
			t.Errorf("the old vector of 1 still matches: %v", hits)
		}
	}
	// Not unit length: normalised on the way in.
	must(t, x.Upsert("3", []float32{0, 0, 0, 5}))
	if hits := x.Search([]float32{0, 0, 0, 2}, 1, nil); len(hits) != 1 || hits[0].ID != "3" || math.Abs(float64(hits[0].Score)-1) > 0.001 {
		t.Errorf("Search = %v, want 3 with score 1", hits)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestIndex_Remove(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	x := embed.NewIndex(16)
	vecs := map[string][]float32{}
	for i := range 50 {
		id := strconv.Itoa(i)
		vecs[id] = randomUnit(r, 16)
		must(t, x.Upsert(id, vecs[id]))
	}
	for _, id := range []string{"0", "49", "17", "17", "nope"} { // first, last, middle, twice, absent
		x.Remove(id)
		delete(vecs, id)
	}
	if x.Len() != 47 || x.Has("17") || !x.Has("48") {
		t.Fatalf("Len() = %d, Has(17) = %v, Has(48) = %v; want 47, false, true", x.Len(), x.Has("17"), x.Has("48"))
	}
	// Every remaining vector is still found as its own best match (the swapped-in ones too).
	for id, v := range vecs {
		hits := x.Search(v, 1, nil)
		if len(hits) != 1 || hits[0].ID != id {
			t.Errorf("Search(vector of %s) = %v", id, hits)
		}
	}
	all := x.Search(randomUnit(r, 16), math.MaxInt, nil)
	if len(all) != 47 {
		t.Errorf("Search(k=MaxInt) returned %d hits, want all 47", len(all))
	}
	for _, h := range all {
		if _, ok := vecs[h.ID]; !ok {
			t.Errorf("removed id %s returned", h.ID)
		}
	}
	for id := range vecs {
		x.Remove(id)
	}
	if x.Len() != 0 || x.Search(randomUnit(r, 16), 5, nil) != nil {
		t.Errorf("after removing all: Len() = %d, want 0 and no hits", x.Len())
	}
	must(t, x.Upsert("again", randomUnit(r, 16)))
	if x.Len() != 1 {
		t.Errorf("Upsert after emptying: Len() = %d", x.Len())
	}
}

func TestIndex_RemoveShrinks(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 2))
	x := embed.NewIndex(8)
	vs := make([][]float32, 5000)
	for i := range vs {
		vs[i] = randomUnit(r, 8)
		must(t, x.Upsert(strconv.Itoa(i), vs[i]))
	}
	for i := range 4990 {
		x.Remove(strconv.Itoa(i))
	}
	if x.Len() != 10 {
		t.Fatalf("Len() = %d, want 10", x.Len())
	}
	for i := 4990; i < 5000; i++ {
		if hits := x.Search(vs[i], 10, nil); len(hits) != 10 || hits[0].ID != strconv.Itoa(i) {
			t.Errorf("Search(vector %d) after shrinking = %v", i, hits)
		}
	}
}

func TestIndex_Allow(t *testing.T) {
	c := newCorpus(t, 5000, 30)
	x := c.index(t, embed.IndexOptions{})
	for _, every := range []int{2, 97, 1000} {
		allowIdx := func(i int) bool { return i%every == 0 }
		allow := func(id string) bool {
			i, err := strconv.Atoi(id)
			return err == nil && allowIdx(i)
		}
		for _, q := range c.queries {
			hits := x.Search(q, 10, allow)
			want := min(10, (len(c.docs)+every-1)/every)
			if len(hits) != want {
				t.Fatalf("allow every %d: %d hits, want %d", every, len(hits), want)
			}
			kth := kthExact(c.docs, q, want, allowIdx)
			for _, h := range hits {
				i, _ := strconv.Atoi(h.ID)
				if !allowIdx(i) {
					t.Fatalf("allow every %d: hit %s was not allowed", every, h.ID)
				}
				// With few allowed vectors every one is reranked, so the answer is exact.
				if every >= 97 && dot(q, c.docs[i]) < kth-0.005 {
					t.Errorf("allow every %d: hit %s scores %.4f, below the exact %d-th %.4f", every, h.ID, dot(q, c.docs[i]), want, kth)
				}
			}
		}
	}
	if hits := x.Search(c.queries[0], 10, func(string) bool { return false }); len(hits) != 0 {
		t.Errorf("allow rejecting all: %v, want none", hits)
	}
	if hits := x.Search(c.queries[0], 10, func(id string) bool { return id == "4321" }); len(hits) != 1 || hits[0].ID != "4321" {
		t.Errorf("allow accepting one: %v, want [4321]", hits)
	}
}

func TestIndex_SearchAmong(t *testing.T) {
	c := newCorpus(t, 3000, 20)
	x := c.index(t, embed.IndexOptions{})
	var among []string
	for i := 0; i < len(c.docs); i += 7 {
		among = append(among, strconv.Itoa(i), strconv.Itoa(i)) // repeated ids count once
	}
	among = append(among, "absent", "")
	allowIdx := func(i int) bool { return i%7 == 0 }
	for _, q := range c.queries {
		got := x.SearchAmong(q, among, 10)
		want := x.Search(q, 10, func(id string) bool { i, _ := strconv.Atoi(id); return allowIdx(i) })
		if !slices.Equal(ids(got), ids(want)) {
			t.Errorf("SearchAmong = %v, Search with the same allow = %v", ids(got), ids(want))
		}
		kth := kthExact(c.docs, q, 10, allowIdx)
		for _, h := range got {
			if i, _ := strconv.Atoi(h.ID); dot(q, c.docs[i]) < kth-0.005 {
				t.Errorf("SearchAmong hit %s scores %.4f, below the exact 10th %.4f", h.ID, dot(q, c.docs[i]), kth)
			}
		}
	}
	if got := x.SearchAmong(c.queries[0], []string{"5", "nope"}, 10); len(got) != 1 || got[0].ID != "5" {
		t.Errorf("SearchAmong(5, nope) = %v, want [5]", got)
	}
	for _, got := range [][]embed.Hit{
		x.SearchAmong(c.queries[0], nil, 10),
		x.SearchAmong(c.queries[0], among, 0),
		x.SearchAmong(c.queries[0][:3], among, 10),
		x.SearchAmong(make([]float32, 256), among, 10),
	} {
		if got != nil {
			t.Errorf("SearchAmong with nothing to find = %v, want nil", got)
		}
	}
}

func TestIndex_TiesByID(t *testing.T) {
	x := embed.NewIndex(4)
	v := unit(1, 2, 3, 4)
	for _, id := range []string{"10", "9", "100", "2", "abc", "11"} {
		must(t, x.Upsert(id, v))
	}
	must(t, x.Upsert("worse", unit(1, 2, 3, 5)))
	got := ids(x.Search(v, 10, nil))
	want := []string{"2", "9", "10", "11", "100", "abc", "worse"}
	if !slices.Equal(got, want) {
		t.Errorf("Search with ties = %v, want %v", got, want)
	}
	if got := ids(x.Search(v, 3, nil)); !slices.Equal(got, want[:3]) {
		t.Errorf("Search k=3 with ties = %v, want %v", got, want[:3])
	}
}

func TestIndex_BadInput(t *testing.T) {
	x := embed.NewIndex(4)
	for _, tc := range []struct {
		name string
		id   string
		v    []float32
		want error
	}{
		{"short", "1", []float32{1, 2, 3}, embed.ErrDims},
		{"long", "1", []float32{1, 2, 3, 4, 5}, embed.ErrDims},
		{"nil", "1", nil, embed.ErrDims},
		{"nan", "1", []float32{1, float32(math.NaN()), 0, 0}, embed.ErrNotFinite},
		{"inf", "1", []float32{float32(math.Inf(1)), 0, 0, 0}, embed.ErrNotFinite},
		{"zero", "1", []float32{0, 0, 0, 0}, embed.ErrZero},
		{"empty id", "", []float32{1, 0, 0, 0}, nil},
	} {
		err := x.Upsert(tc.id, tc.v)
		if err == nil || (tc.want != nil && !errors.Is(err, tc.want)) {
			t.Errorf("%s: Upsert = %v, want %v", tc.name, err, tc.want)
		}
	}
	if x.Len() != 0 {
		t.Errorf("failed upserts left %d vectors", x.Len())
	}
	must(t, x.Upsert("1", unit(1, 0, 0, 0)))
	for _, tc := range []struct {
		name string
		q    []float32
		k    int
	}{
		{"short query", []float32{1, 0, 0}, 1},
		{"zero query", []float32{0, 0, 0, 0}, 1},
		{"nan query", []float32{float32(math.NaN()), 0, 0, 0}, 1},
		{"k zero", unit(1, 0, 0, 0), 0},
		{"k negative", unit(1, 0, 0, 0), -1},
	} {
		if hits := x.Search(tc.q, tc.k, nil); hits != nil {
			t.Errorf("%s: Search = %v, want nil", tc.name, hits)
		}
	}
	bad := embed.NewIndex(0)
	if err := bad.Upsert("1", nil); !errors.Is(err, embed.ErrDims) {
		t.Errorf("NewIndex(0).Upsert = %v, want ErrDims", err)
	}
	if hits := bad.Search(nil, 1, nil); hits != nil {
		t.Errorf("NewIndex(0).Search = %v, want nil", hits)
	}
	if hits := embed.NewIndex(4).Search(unit(1, 0, 0, 0), 5, nil); hits != nil {
		t.Errorf("empty index: Search = %v, want nil", hits)
	}
}

func TestIndex_OddDims(t *testing.T) {
	// Dims that are not a power of two (OpenAI's 1536) and sketches longer than the vector.
	r := rand.New(rand.NewPCG(3, 3))
	for _, tc := range []struct {
		dims int
		opts embed.IndexOptions
	}{
		{1536, embed.IndexOptions{}},
		{3, embed.IndexOptions{}},
		{100, embed.IndexOptions{CodeBits: 512}},
		{24, embed.IndexOptions{CodeBits: 100}}, // not a multiple of 64: default
	} {
		x := embed.NewIndexWithOptions(tc.dims, tc.opts)
		vs := make([][]float32, 300)
		for i := range vs {
			vs[i] = randomUnit(r, tc.dims)
			must(t, x.Upsert(strconv.Itoa(i), vs[i]))
		}
		for i := 0; i < len(vs); i += 37 {
			// In 3 dims, 300 random vectors have neighbours closer than int8 rounding can tell.
			hits := x.Search(vs[i], 3, nil)
			if len(hits) != 3 || !slices.Contains(ids(hits), strconv.Itoa(i)) || math.Abs(float64(hits[0].Score)-1) > 0.005 {
				t.Errorf("dims %d: Search(vector %d) = %v, want it in the top 3, the first scoring 1", tc.dims, i, hits)
			}
			if tc.dims > 3 && hits[0].ID != strconv.Itoa(i) {
				t.Errorf("dims %d: Search(vector %d) = %v, want it first", tc.dims, i, hits)
			}
		}
	}
}

func TestIndex_Concurrent(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	x := embed.NewIndex(32)
	base := make([][]float32, 200)
	for i := range base {
		base[i] = randomUnit(r, 32)
		must(t, x.Upsert("base"+strconv.Itoa(i), base[i]))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() { // writers: churn their own ids
			r := rand.New(rand.NewPCG(uint64(g), 9))
			for i := range 300 {
				id := fmt.Sprintf("w%d-%d", g, i%20)
				if i%3 == 2 {
					x.Remove(id)
				} else if err := x.Upsert(id, randomUnit(r, 32)); err != nil {
					t.Error(err)
				}
			}
		})
		wg.Go(func() { // readers: the base vectors never move away
			for i := range 300 {
				j := (i*7 + g) % len(base)
				hits := x.Search(base[j], 5, func(id string) bool { return id[0] == 'b' })
				if len(hits) != 5 || hits[0].ID != "base"+strconv.Itoa(j) {
					t.Errorf("concurrent Search(base %d) = %v", j, hits)
					return
				}
				_ = x.Len()
			}
		})
	}
	wg.Wait()
}

var bench100k struct {
	once   sync.Once
	c      corpus
	x      *embed.Index
	bytes  float64
	recall float64
}

// BenchmarkIndexSearch100k searches 100,000 Local vectors of synthetic agent descriptions with
// buyer queries (k=10) and reports latency percentiles, recall@10 against exact brute force (over
// the first 100 queries, unfiltered) and memory per vector. The filtered runs pass an allow (a map
// look-up) that accepts one id in 10 or in 100, as the gateway does with filters it resolved in
// PostgreSQL; among=1in100 gives the same 1,000 ids to SearchAmong instead.
func BenchmarkIndexSearch100k(b *testing.B) {
	bench100k.once.Do(func() {
		bench100k.c = newCorpus(b, 100000, 500)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		bench100k.x = bench100k.c.index(b, embed.IndexOptions{})
		runtime.GC()
		runtime.ReadMemStats(&after)
		bench100k.bytes = float64(after.HeapAlloc-before.HeapAlloc) / 100000
		bench100k.recall = recall(b, bench100k.x, corpus{bench100k.c.docs, bench100k.c.queries[:100]}, 10)
	})
	c, x := bench100k.c, bench100k.x
	for _, run := range []struct {
		every int
		among bool
	}{{1, false}, {10, false}, {100, false}, {100, true}} {
		name := "filter=none"
		var allow func(string) bool
		var among []string
		if run.every > 1 {
			name = fmt.Sprintf("filter=1in%d", run.every)
			allowed := make(map[string]bool, len(c.docs)/run.every)
			for i := 0; i < len(c.docs); i += run.every {
				allowed[strconv.Itoa(i)] = true
				among = append(among, strconv.Itoa(i))
			}
			allow = func(id string) bool { return allowed[id] }
		}
		if run.among {
			name = fmt.Sprintf("among=1in%d", run.every)
		}
		every := run.every
		b.Run(name, func(b *testing.B) {
			lat := make([]time.Duration, 0, 1024)
			n := 0
			for b.Loop() {
				q := c.queries[n%len(c.queries)]
				start := time.Now()
				var hits []embed.Hit
				if run.among {
					hits = x.SearchAmong(q, among, 10)
				} else {
					hits = x.Search(q, 10, allow)
				}
				lat = append(lat, time.Since(start))
				if len(hits) != 10 {
					b.Fatalf("%d hits", len(hits))
				}
				n++
			}
			slices.Sort(lat)
			pct := func(p float64) float64 {
				return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000
			}
			b.ReportMetric(pct(0.50), "p50-ms")
			b.ReportMetric(pct(0.95), "p95-ms")
			b.ReportMetric(pct(0.99), "p99-ms")
			if every == 1 {
				b.ReportMetric(bench100k.recall, "recall@10")
				b.ReportMetric(bench100k.bytes, "B/vector")
				return
			}
			// Recall among the allowed vectors, over the first 100 queries.
			allowIdx := func(i int) bool { return i%every == 0 }
			good := 0
			for _, q := range c.queries[:100] {
				kth := kthExact(c.docs, q, 10, allowIdx)
				var hits []embed.Hit
				if run.among {
					hits = x.SearchAmong(q, among, 10)
				} else {
					hits = x.Search(q, 10, allow)
				}
				for _, h := range hits {
					if i, _ := strconv.Atoi(h.ID); dot(q, c.docs[i]) >= kth-1e-6 {
						good++
					}
				}
			}
			b.ReportMetric(float64(good)/1000, "recall@10")
		})
	}
}
