package terms_test

import (
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/terms"
)

const now = 1_800_000_000

func good() eip712.ServiceAgreement {
	return eip712.ServiceAgreement{ProviderAgentID: big.NewInt(7), Client: common.Address{1}, Provider: common.Address{2},
		Token: common.Address{3}, Price: big.NewInt(100), DeliveryDeadline: now + 3600, ExpiredAt: now + 7200,
		Validator: common.Address{4}, ValidationThreshold: 80, Arbiter: common.Address{5}, ReviewWindow: 3600,
		LatePenaltyBps: 500, Nonce: big.NewInt(1), Expiry: big.NewInt(now + 600)}
}

// TestAgreement checks each rule at its boundary: the last value the escrow accepts and the first it refuses,
// with the escrow's error and the field named. The property test against the contract itself is
// gateway.TestAgreementTerms_MatchEscrow.
func TestAgreement(t *testing.T) {
	max64 := ^uint64(0)
	tests := []struct {
		name   string
		edit   func(*eip712.ServiceAgreement)
		field  string // "": accepted
		escrow string
	}{
		{"good", func(*eip712.ServiceAgreement) {}, "", ""},
		{"price 1", func(a *eip712.ServiceAgreement) { a.Price = big.NewInt(1) }, "", ""},
		{"price 0", func(a *eip712.ServiceAgreement) { a.Price = big.NewInt(0) }, "price", "ZeroPrice"},
		{"price nil", func(a *eip712.ServiceAgreement) { a.Price = nil }, "price", "ZeroPrice"},
		{"client zero", func(a *eip712.ServiceAgreement) { a.Client = common.Address{} }, "client", "ZeroAddress"},
		{"provider zero", func(a *eip712.ServiceAgreement) { a.Provider = common.Address{} }, "provider", "ZeroAddress"},
		{"token zero", func(a *eip712.ServiceAgreement) { a.Token = common.Address{} }, "token", "ZeroAddress"},
		{"client is provider", func(a *eip712.ServiceAgreement) { a.Provider = a.Client }, "provider", "ClientIsProvider"},
		{"delivery now+1", func(a *eip712.ServiceAgreement) { a.DeliveryDeadline = now + 1 }, "", ""},
		{"delivery now", func(a *eip712.ServiceAgreement) { a.DeliveryDeadline = now }, "deliveryDeadline", "DeliveryDeadlinePassed"},
		{"delivery = expiredAt", func(a *eip712.ServiceAgreement) { a.DeliveryDeadline = a.ExpiredAt }, "", ""},
		{"delivery after expiredAt", func(a *eip712.ServiceAgreement) { a.DeliveryDeadline = a.ExpiredAt + 1 }, "deliveryDeadline", "DeliveryAfterExpiry"},
		{"threshold 100", func(a *eip712.ServiceAgreement) { a.ValidationThreshold = 100 }, "", ""},
		{"threshold 101", func(a *eip712.ServiceAgreement) { a.ValidationThreshold = 101 }, "validationThreshold", "ThresholdTooHigh"},
		{"no validator, threshold 0", func(a *eip712.ServiceAgreement) { a.Validator, a.ValidationThreshold = common.Address{}, 0 }, "", ""},
		{"no validator, threshold 1", func(a *eip712.ServiceAgreement) { a.Validator, a.ValidationThreshold = common.Address{}, 1 }, "validationThreshold", "ThresholdWithoutValidator"},
		{"validator, no arbiter", func(a *eip712.ServiceAgreement) { a.Arbiter = common.Address{} }, "arbiter", "ValidatorWithoutArbiter"},
		{"no validator, no arbiter", func(a *eip712.ServiceAgreement) {
			a.Validator, a.ValidationThreshold, a.Arbiter = common.Address{}, 0, common.Address{}
		}, "", ""},
		{"review window max", func(a *eip712.ServiceAgreement) { a.ReviewWindow = terms.MaxReviewWindow }, "", ""},
		{"review window max+1", func(a *eip712.ServiceAgreement) { a.ReviewWindow = terms.MaxReviewWindow + 1 }, "reviewWindow", "ReviewWindowTooLong"},
		{"penalty 10000", func(a *eip712.ServiceAgreement) { a.LatePenaltyBps = 10_000 }, "", ""},
		{"penalty 10001", func(a *eip712.ServiceAgreement) { a.LatePenaltyBps = 10_001 }, "latePenaltyBps", "PenaltyTooHigh"},
		{"agent 2^96-1", func(a *eip712.ServiceAgreement) { a.ProviderAgentID = terms.MaxAgentID }, "", ""},
		{"agent 2^96", func(a *eip712.ServiceAgreement) { a.ProviderAgentID = new(big.Int).Lsh(big.NewInt(1), 96) }, "providerAgentId", "AgentIdOutOfRange"},
		{"expiry now", func(a *eip712.ServiceAgreement) { a.Expiry = big.NewInt(now) }, "", ""}, // block.timestamp <= expiry
		{"expiry now-1", func(a *eip712.ServiceAgreement) { a.Expiry = big.NewInt(now - 1) }, "expiry", "AgreementExpired"},
		{"expiry nil", func(a *eip712.ServiceAgreement) { a.Expiry = nil }, "expiry", "AgreementExpired"},
		// Times the escrow takes and the store cannot hold.
		{"expiry MaxUnix", func(a *eip712.ServiceAgreement) { a.Expiry = big.NewInt(terms.MaxUnix) }, "", ""},
		{"expiry MaxUnix+1", func(a *eip712.ServiceAgreement) { a.Expiry = big.NewInt(terms.MaxUnix + 1) }, "expiry", ""},
		{"expiry 2^255", func(a *eip712.ServiceAgreement) { a.Expiry = new(big.Int).Lsh(big.NewInt(1), 255) }, "expiry", ""},
		{"expiredAt 2^64-1", func(a *eip712.ServiceAgreement) { a.ExpiredAt = max64 }, "expiredAt", ""},
		{"delivery 2^64-1", func(a *eip712.ServiceAgreement) { a.DeliveryDeadline, a.ExpiredAt = max64, max64 }, "deliveryDeadline", ""},
		// Two faults: the escrow's order decides which is named.
		{"price 0 and expired", func(a *eip712.ServiceAgreement) { a.Price, a.Expiry = big.NewInt(0), big.NewInt(1) }, "price", "ZeroPrice"},
		{"penalty and agent", func(a *eip712.ServiceAgreement) {
			a.LatePenaltyBps, a.ProviderAgentID = 10_001, new(big.Int).Lsh(big.NewInt(1), 96)
		}, "latePenaltyBps", "PenaltyTooHigh"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := good()
			tt.edit(&a)
			err := terms.Agreement(a, now)
			var v *terms.Violation
			switch {
			case tt.field == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.field == "":
			case !errors.As(err, &v):
				t.Fatalf("err = %v, want a violation of %s", err, tt.field)
			case v.Field != tt.field || v.Escrow != tt.escrow:
				t.Fatalf("violation %+v, want field %s escrow %q", v, tt.field, tt.escrow)
			}
		})
	}
}

func TestUnix(t *testing.T) {
	for _, tt := range []struct {
		sec  uint64
		want string // "": refused
	}{
		{0, "1970-01-01T00:00:00Z"},
		{terms.MaxUnix, "9999-12-31T23:59:59Z"},
		{terms.MaxUnix + 1, ""},
		{1 << 63, ""}, // int64(1<<63) is negative: the wrap this conversion exists to refuse
		{^uint64(0), ""},
	} {
		got, err := terms.Unix("deadline", tt.sec)
		if tt.want == "" {
			var v *terms.Violation
			if !errors.As(err, &v) || v.Field != "deadline" || v.Escrow != "" {
				t.Errorf("Unix(%d) = %v, %v: want refused naming the field", tt.sec, got, err)
			}
			continue
		}
		if err != nil || got.Format(time.RFC3339) != tt.want {
			t.Errorf("Unix(%d) = %v, %v: want %s", tt.sec, got, err, tt.want)
		}
		if _, err := got.MarshalJSON(); err != nil {
			t.Errorf("Unix(%d) does not marshal: %v", tt.sec, err)
		}
	}
	for _, sec := range []*big.Int{nil, big.NewInt(-1), new(big.Int).Lsh(big.NewInt(1), 64), new(big.Int).Lsh(big.NewInt(1), 255)} {
		if _, err := terms.UnixBig("expiry", sec); err == nil {
			t.Errorf("UnixBig(%v) accepted", sec)
		}
	}
	if got, err := terms.UnixBig("expiry", big.NewInt(terms.MaxUnix)); err != nil || got.Unix() != terms.MaxUnix {
		t.Errorf("UnixBig(MaxUnix) = %v, %v", got, err)
	}
}

// FuzzAgreement: no agreement makes Agreement panic, and whatever it accepts has times that the store holds
// and terms inside the escrow's bounds.
func FuzzAgreement(f *testing.F) {
	f.Add([]byte{1}, uint64(now+3600), uint64(now+7200), uint8(80), uint64(3600), uint16(500), []byte{7}, []byte{0x6b, 0x4c, 0xa0, 0x00}, true)
	f.Add([]byte{}, ^uint64(0), uint64(0), uint8(255), ^uint64(0), uint16(65535), make([]byte, 40), make([]byte, 33), false)
	f.Fuzz(func(t *testing.T, price []byte, deadline, expiredAt uint64, threshold uint8, review uint64, penalty uint16,
		agent, expiry []byte, validator bool) {
		a := good()
		a.Price, a.DeliveryDeadline, a.ExpiredAt = new(big.Int).SetBytes(price), deadline, expiredAt
		a.ValidationThreshold, a.ReviewWindow, a.LatePenaltyBps = threshold, review, penalty
		a.ProviderAgentID, a.Expiry = new(big.Int).SetBytes(agent), new(big.Int).SetBytes(expiry)
		if !validator {
			a.Validator = common.Address{}
		}
		if terms.Agreement(a, now) != nil {
			return
		}
		if a.Price.Sign() <= 0 || a.DeliveryDeadline <= now || a.DeliveryDeadline > a.ExpiredAt || a.ExpiredAt > terms.MaxUnix ||
			a.Expiry.Cmp(big.NewInt(now)) < 0 || a.Expiry.Cmp(big.NewInt(terms.MaxUnix)) > 0 || a.ValidationThreshold > 100 ||
			a.ReviewWindow > terms.MaxReviewWindow || a.LatePenaltyBps > 10_000 || a.ProviderAgentID.Cmp(terms.MaxAgentID) > 0 {
			t.Fatalf("accepted %+v", a)
		}
	})
}
