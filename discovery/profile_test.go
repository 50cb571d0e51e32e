package discovery_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/agoralabs/agora/discovery"
	"github.com/agoralabs/agora/indexer/regfile"
)

func profile(t *testing.T, file string) *discovery.Profile {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "agents", file))
	if err != nil {
		t.Fatal(err)
	}
	reg, err := regfile.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return discovery.NewProfile(reg)
}

func TestNewProfile_VietnameseInvoiceOCR(t *testing.T) {
	p := profile(t, "01-vietnamese-invoice-ocr.json")
	for _, tc := range []struct {
		name string
		got  []string
		want string
	}{
		{"languages", p.Languages, "vi"},
		{"attestations", p.Attestations, "hipaa"},
		{"data classes", p.DataClasses, "phi"},
		{"token symbols", p.TokenSymbols, "usdc"},
		{"input types", p.InputTypes, "application/pdf"},
		{"service names", p.ServiceNames, "mcp"},
		{"oasf skills", p.OASFSkills, "images_computer_vision/image_to_text/optical_character_recognition"},
		{"supported trust", p.SupportedTrust, "reputation"},
	} {
		if !slices.Contains(tc.got, tc.want) {
			t.Errorf("%s = %v, want it to hold %q", tc.name, tc.got, tc.want)
		}
		if !slices.IsSorted(tc.got) || len(slices.Compact(slices.Clone(tc.got))) != len(tc.got) {
			t.Errorf("%s = %v, want sorted and distinct", tc.name, tc.got)
		}
	}
	if !p.X402Support || p.Active == nil || !*p.Active {
		t.Errorf("x402 %v, active %v", p.X402Support, p.Active)
	}
	if p.MinPrice == nil || p.MinP95Ms == nil || *p.MinP95Ms != 150 {
		t.Fatalf("min price %v, min p95 %v", p.MinPrice, p.MinP95Ms)
	}
	for _, c := range p.Capabilities {
		if c.Pricing.Amount.Cmp(p.MinPrice) < 0 {
			t.Errorf("capability %d costs %s, below the minimum %s", c.Index, c.Pricing.Amount, p.MinPrice)
		}
	}
	if len(p.Problems) != 0 {
		t.Errorf("problems %v", p.Problems)
	}
	if !strings.Contains(p.SearchText, "Vietnamese invoice OCR") || p.TextA != "HóaĐơn OCR" {
		t.Errorf("search text %q, name part %q", p.SearchText, p.TextA)
	}
	if len(p.DocHash) != 32 {
		t.Errorf("doc hash %x", p.DocHash)
	}
}

func TestNewProfile_InvalidDeclarationsReported(t *testing.T) {
	p := profile(t, "invalid-pricing.json")
	if len(p.Problems) == 0 || len(p.Capabilities) == 0 {
		t.Fatalf("capabilities %d, problems %v: want valid ones kept and invalid ones reported", len(p.Capabilities), p.Problems)
	}
	for _, pr := range p.Problems {
		for _, c := range p.Capabilities {
			if c.Index == pr.Index {
				t.Errorf("capability %d both extracted and reported: %v", c.Index, pr)
			}
		}
	}
}

func TestNewProfile_NoCapabilities(t *testing.T) {
	reg, err := regfile.Parse([]byte(`{"type":"` + regfile.RegistrationType + `","name":"Bare"}`))
	if err != nil {
		t.Fatal(err)
	}
	p := discovery.NewProfile(reg)
	if p.MinPrice != nil || p.MinP95Ms != nil || len(p.Capabilities) != 0 || p.Problems == nil {
		t.Fatalf("profile %+v", p)
	}
	if p.SearchText != "Bare" {
		t.Fatalf("search text %q", p.SearchText)
	}
}

func TestWords(t *testing.T) {
	got := discovery.Words("OCR, hóa-đơn! "+strings.Repeat("x", 65)+" e-invoice 2025", 0)
	want := []string{"ocr", "hóa", "đơn", "e", "invoice", "2025"}
	if !slices.Equal(got, want) {
		t.Fatalf("Words = %v, want %v", got, want)
	}
	if got := discovery.Words("a b c d", 2); len(got) != 2 {
		t.Fatalf("Words with max 2 = %v", got)
	}
}
