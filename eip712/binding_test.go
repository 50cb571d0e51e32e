package eip712_test

import (
	"math/big"
	"reflect"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/eip712"
)

// TestServiceAgreement_Binding matches the two structs' members by name (ProviderAgentID ~ ProviderAgentId,
// SLAHash ~ SlaHash): every member of the binding must carry the member of the same name. sampleAgreement
// gives each member a distinct value, so a member copied into the wrong place cannot go unnoticed, and a
// member added to either struct fails the count.
func TestServiceAgreement_Binding(t *testing.T) {
	m := sampleAgreement()
	got := m.Binding()

	src, dst := reflect.ValueOf(m), reflect.ValueOf(got)
	if g, w := dst.NumField(), src.NumField(); g != w {
		t.Fatalf("binding has %d members, eip712.ServiceAgreement %d", g, w)
	}
	for i := range dst.NumField() {
		name := dst.Type().Field(i).Name
		want := src.FieldByNameFunc(func(s string) bool { return strings.EqualFold(s, name) })
		if !want.IsValid() {
			t.Errorf("binding member %s has no eip712.ServiceAgreement counterpart", name)
			continue
		}
		g := dst.Field(i)
		if !want.Type().ConvertibleTo(g.Type()) {
			t.Errorf("%s: type %s, want one convertible from %s", name, g.Type(), want.Type())
			continue
		}
		w := want.Convert(g.Type())
		if gb, ok := g.Interface().(*big.Int); ok {
			if wb := w.Interface().(*big.Int); gb.Cmp(wb) != 0 {
				t.Errorf("%s = %s, want %s", name, gb, wb)
			}
			continue
		}
		if g.Interface() != w.Interface() {
			t.Errorf("%s = %v, want %v", name, show(g), show(w))
		}
	}

	// The integers are copies.
	m.Price.Add(m.Price, big.NewInt(1))
	if got.Price.Cmp(sampleAgreement().Price) != 0 {
		t.Errorf("Binding().Price changed with the agreement's price: %s", got.Price)
	}
}

// show prints bytes32 members as hex.
func show(v reflect.Value) any {
	if h, ok := v.Interface().([32]byte); ok {
		return common.Hash(h)
	}
	return v.Interface()
}

// TestServiceAgreement_Binding_NilIsZero: the digest reads a nil integer as zero, so the binding must too
// (abigen's Pack panics on nil).
func TestServiceAgreement_Binding_NilIsZero(t *testing.T) {
	b := eip712.ServiceAgreement{}.Binding()
	for name, x := range map[string]*big.Int{
		"ProviderAgentId": b.ProviderAgentId, "Price": b.Price, "Nonce": b.Nonce, "Expiry": b.Expiry,
	} {
		if x == nil || x.Sign() != 0 {
			t.Errorf("%s = %v, want 0", name, x)
		}
	}
	if _, err := bindings.NewAgentEscrow().TryPackHashAgreement(b); err != nil {
		t.Errorf("TryPackHashAgreement(zero agreement) = %v", err)
	}
}
