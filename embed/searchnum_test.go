package embed_test

import (
	"slices"
	"testing"

	"github.com/agoralabs/agora/embed"
)

func TestIndex_SearchNum(t *testing.T) {
	local := embed.NewLocal(64)
	x := embed.NewIndex(64)
	texts := []string{"invoice ocr", "weather forecast", "speech to text", "legal review", "image generation", "translation"}
	ids := []string{"0", "7", "12", "007", "x1", "18446744073709551615"}
	vecs, err := local.Embed(t.Context(), texts)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range vecs {
		if err := x.Upsert(ids[i], v); err != nil {
			t.Fatal(err)
		}
	}
	x.Remove("12") // swaps the last slot into its place: numbers must follow their ids
	seen := map[string]uint64{}
	hits := x.SearchNum(vecs[0], 10, func(num uint64, id string) bool {
		seen[id] = num
		return id != "7"
	})
	want := map[string]uint64{"0": 0, "7": 7, "007": embed.NoNum, "x1": embed.NoNum, "18446744073709551615": embed.NoNum}
	for id, n := range want {
		if got, ok := seen[id]; !ok || got != n {
			t.Errorf("allow saw %s as %d (asked: %v), want %d", id, got, ok, n)
		}
	}
	plain := x.Search(vecs[0], 10, func(id string) bool { return id != "7" })
	if !slices.Equal(hits, plain) {
		t.Fatalf("SearchNum = %v, Search = %v", hits, plain)
	}
	for _, h := range hits {
		if h.ID == "7" || h.ID == "12" {
			t.Fatalf("hit %s should have been filtered or removed", h.ID)
		}
	}
}
