package gateway

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestWithIndex_AddsIndexFirst checks the capability objects of search results: the declaration as stored
// (jsonb text) with "index" added, still valid JSON with every member kept.
func TestWithIndex_AddsIndexFirst(t *testing.T) {
	for _, tc := range []struct {
		idx  int
		decl string
		want string
	}{
		{0, `{}`, `{"index":0}`},
		{3, ` { } `, `{"index":3}`},
		{1, `{"name": "OCR", "pricing": {"amount": "5"}}`, `{"index":1,"name":"OCR","pricing":{"amount":"5"}}`},
	} {
		got := withIndex(tc.idx, tc.decl)
		var g, w any
		if err := json.Unmarshal(got, &g); err != nil {
			t.Fatalf("withIndex(%d, %s) = %s: %v", tc.idx, tc.decl, got, err)
		}
		_ = json.Unmarshal([]byte(tc.want), &w)
		gb, _ := json.Marshal(g)
		wb, _ := json.Marshal(w)
		if string(gb) != string(wb) || string(got[:len(`{"index":`)]) != `{"index":` {
			t.Fatalf("withIndex(%d, %s) = %s, want %s", tc.idx, tc.decl, got, tc.want)
		}
	}
}

// TestBestFirst_MatchesSort checks the heap that takes text matches best first against a full sort, with
// many ties, and that it stops when told to.
func TestBestFirst_MatchesSort(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	less := func(a, b *textMatch) bool {
		if a.key != b.key {
			return a.key < b.key
		}
		return a.num < b.num
	}
	for _, n := range []int{0, 1, 2, 7, 100, 5000} {
		ms := make([]textMatch, n)
		for i := range ms {
			ms[i] = textMatch{o: int32(i), num: uint64(r.IntN(1 << 20)), key: float64(r.IntN(20))}
		}
		want := slices.Clone(ms)
		slices.SortFunc(want, func(a, b textMatch) int {
			if less(&a, &b) {
				return -1
			}
			if less(&b, &a) {
				return 1
			}
			return 0
		})
		var got []textMatch
		bestFirst(ms, less, func(m textMatch) bool { got = append(got, m); return true })
		if len(got) != n {
			t.Fatalf("n=%d: %d taken", n, len(got))
		}
		for i := range got {
			if got[i].key != want[i].key || got[i].num != want[i].num {
				t.Fatalf("n=%d: match %d is %+v, want %+v", n, i, got[i], want[i])
			}
		}
		stop := 0
		bestFirst(slices.Clone(want), less, func(textMatch) bool { stop++; return stop < 3 })
		if n >= 3 && stop != 3 {
			t.Fatalf("n=%d: %d taken after yield said stop at 3", n, stop)
		}
	}
}
