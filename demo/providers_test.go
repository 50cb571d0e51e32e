package demo

import (
	"math/big"
	"testing"

	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/eip712"
)

// TestPriceFor: a provider bids on an RFQ whose every word its capability's name or tags hold (tags of several
// words count word by word), at its declared price give or take a tenth, the same for the same RFQ; on others
// it does not bid.
func TestPriceFor(t *testing.T) {
	c := client.Capability{Name: "European invoice OCR", Tags: []string{"ocr", "accounts payable", "XRechnung"}}
	c.Pricing.Amount = "30000"
	p := &provider{Entry: Entry{AgentID: big.NewInt(7)}, caps: []client.Capability{c}}
	for _, words := range []string{"ocr", "accounts payable", "payable invoice", "xrechnung", "OCR European"} {
		r := eip712.RFQ{Capability: words, Nonce: big.NewInt(42)}
		got := p.priceFor(r)
		if got == nil || got.Cmp(big.NewInt(27000)) < 0 || got.Cmp(big.NewInt(33000)) > 0 {
			t.Errorf("%q: %v, want 27000 to 33000", words, got)
		}
		if again := p.priceFor(r); again == nil || again.Cmp(got) != 0 {
			t.Errorf("%q: %v then %v, want the same price for the same RFQ", words, got, again)
		}
	}
	for _, words := range []string{"translation", "ocr translation", ""} {
		if got := p.priceFor(eip712.RFQ{Capability: words, Nonce: big.NewInt(1)}); got != nil {
			t.Errorf("%q: %v, want no bid", words, got)
		}
	}
}
