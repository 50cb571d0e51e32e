package gateway

import (
	"encoding/json"
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
