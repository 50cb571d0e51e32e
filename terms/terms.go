// Package terms states, once and in Go, the rules AgentEscrow applies to a ServiceAgreement before it funds a
// job from it (createJobFromAgreement: AgentEscrow._checkTerms), and the bounds of what Agora's store can hold
// of a signed number. The gateway checks RFQs, quotes, awards and agreements with these functions, so that a
// message it accepts can become an agreement the escrow funds; a property test (terms_chain_test.go) holds
// them to the contract itself by eth_call on a real chain.
//
// Each rule returns nil or a *Violation naming the typed-data field and the escrow's custom error that
// createJobFromAgreement reverts with for the same values. Agreement applies every rule in the escrow's order,
// so the first violation it reports is the revert the escrow gives. The signature rule (65 bytes, v 27 or 28,
// low s, then ERC-1271) is eip712.Verifier's, which follows contracts/src/libraries/AgentSignature.sol.
package terms

import (
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/agoralabs/agora/eip712"
)

// The escrow's constants (contracts/src/AgentEscrow.sol).
const (
	MaxReviewWindow = 30 * 24 * 60 * 60 // seconds: MAX_REVIEW_WINDOW
	MaxResponse     = 100               // the highest validation response and threshold: MAX_RESPONSE
	BPS             = 10_000            // 100 % in basis points
)

// MaxAgentID is the largest provider agent id a job holds (uint96).
var MaxAgentID = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 96), big.NewInt(1))

// MaxUnix is the latest instant, in unix seconds, that Agora stores and shows: 9999-12-31T23:59:59Z. RFC 3339
// (and so every JSON time the gateway writes) has four-digit years, and PostgreSQL's timestamptz ends in
// 294276. The escrow's uint64 and uint256 times reach further; the gateway refuses them as unstorable.
const MaxUnix = 253402300799

// Violation is a value the escrow or the store refuses.
type Violation struct {
	// Field is the typed-data member at fault (the first one, where two are compared).
	Field string
	// Escrow is the name of AgentEscrow's custom error for the same values ("ZeroPrice", ...); empty for a
	// value the escrow accepts but the store cannot hold.
	Escrow string
	// Detail says what is wrong, for a person.
	Detail string
}

func (v *Violation) Error() string {
	if v.Escrow == "" {
		return v.Field + ": " + v.Detail
	}
	return fmt.Sprintf("%s: %s (the escrow's %s)", v.Field, v.Detail, v.Escrow)
}

func violation(field, escrow, format string, args ...any) *Violation {
	return &Violation{Field: field, Escrow: escrow, Detail: fmt.Sprintf(format, args...)}
}

// Unix is the checked conversion of a signed unix time (uint64 or uint256) to a time: every signed time passes
// through it before it is compared with a time.Time, stored or shown. A value after MaxUnix (or a nil one) is
// refused, naming field.
func Unix(field string, sec uint64) (time.Time, error) {
	if sec > MaxUnix {
		return time.Time{}, violation(field, "", "%d is after 9999-12-31T23:59:59Z (%d), the latest time Agora stores", sec, uint64(MaxUnix))
	}
	return time.Unix(int64(sec), 0).UTC(), nil
}

// UnixBig is Unix for a uint256 time.
func UnixBig(field string, sec *big.Int) (time.Time, error) {
	if sec == nil || sec.Sign() < 0 || !sec.IsUint64() {
		return time.Time{}, violation(field, "", "%v is after 9999-12-31T23:59:59Z (%d), the latest time Agora stores", sec, uint64(MaxUnix))
	}
	return Unix(field, sec.Uint64())
}

// Price: a job's price is above 0 (ZeroPrice).
func Price(field string, p *big.Int) error {
	if p == nil || p.Sign() <= 0 {
		return violation(field, "ZeroPrice", "must be above 0")
	}
	return nil
}

// Required: client, provider and token are set (ZeroAddress).
func Required(field string, a common.Address) error {
	if a == (common.Address{}) {
		return violation(field, "ZeroAddress", "must be set")
	}
	return nil
}

// Distinct: the client is not the provider (ClientIsProvider).
func Distinct(client, provider common.Address) error {
	if client == provider {
		return violation("provider", "ClientIsProvider", "%s is also the client", provider.Hex())
	}
	return nil
}

// DeliveryOpen: the delivery deadline is after now (DeliveryDeadlinePassed).
func DeliveryOpen(field string, deadline, now uint64) error {
	if deadline <= now {
		return violation(field, "DeliveryDeadlinePassed", "%d is not after now (%d)", deadline, now)
	}
	return nil
}

// DeliveryBeforeExpiry: the delivery deadline is not after the job's expiredAt (DeliveryAfterExpiry).
func DeliveryBeforeExpiry(deadline, expiredAt uint64) error {
	if deadline > expiredAt {
		return violation("deliveryDeadline", "DeliveryAfterExpiry", "%d is after expiredAt %d", deadline, expiredAt)
	}
	return nil
}

// Validation: the threshold is at most MaxResponse (ThresholdTooHigh) and 0 without a validator
// (ThresholdWithoutValidator); a validator comes with an arbiter (ValidatorWithoutArbiter).
func Validation(validator common.Address, threshold uint8, arbiter common.Address) error {
	switch {
	case threshold > MaxResponse:
		return violation("validationThreshold", "ThresholdTooHigh", "%d: at most %d", threshold, MaxResponse)
	case validator == (common.Address{}) && threshold != 0:
		return violation("validationThreshold", "ThresholdWithoutValidator", "%d without a validator: want 0", threshold)
	case validator != (common.Address{}) && arbiter == (common.Address{}):
		return violation("arbiter", "ValidatorWithoutArbiter", "an agreement that names a validator must name an arbiter")
	}
	return nil
}

// ReviewWindow: at most MaxReviewWindow seconds (ReviewWindowTooLong).
func ReviewWindow(w uint64) error {
	if w > MaxReviewWindow {
		return violation("reviewWindow", "ReviewWindowTooLong", "%d: at most %d seconds", w, MaxReviewWindow)
	}
	return nil
}

// LatePenalty: at most BPS (PenaltyTooHigh).
func LatePenalty(bps uint16) error {
	if bps > BPS {
		return violation("latePenaltyBps", "PenaltyTooHigh", "%d: at most %d", bps, BPS)
	}
	return nil
}

// AgentID: the provider's agent id fits a uint96 (AgentIdOutOfRange).
func AgentID(id *big.Int) error {
	if id == nil || id.Sign() < 0 || id.Cmp(MaxAgentID) > 0 {
		return violation("providerAgentId", "AgentIdOutOfRange", "%v: at most 2^96-1", id)
	}
	return nil
}

// NotExpired: the agreement's expiry is not before now (AgreementExpired: the escrow funds it while
// block.timestamp <= expiry).
func NotExpired(expiry *big.Int, now uint64) error {
	if expiry == nil || expiry.Cmp(new(big.Int).SetUint64(now)) < 0 {
		return violation("expiry", "AgreementExpired", "%v is before now (%d)", expiry, now)
	}
	return nil
}

// Agreement applies the escrow's rules of _checkTerms to a at now (unix seconds: the block's timestamp), in
// the escrow's order, then the store's bounds on its times. It does not check what needs the chain: the
// provider's agent (ProviderNotAgent), nonces, signatures, and the client's balance and allowance.
func Agreement(a eip712.ServiceAgreement, now uint64) error {
	for _, err := range []error{
		Price("price", a.Price),
		Required("client", a.Client), Required("provider", a.Provider), Required("token", a.Token),
		Distinct(a.Client, a.Provider),
		DeliveryOpen("deliveryDeadline", a.DeliveryDeadline, now),
		DeliveryBeforeExpiry(a.DeliveryDeadline, a.ExpiredAt),
		Validation(a.Validator, a.ValidationThreshold, a.Arbiter),
		ReviewWindow(a.ReviewWindow),
		LatePenalty(a.LatePenaltyBps),
		AgentID(a.ProviderAgentID),
		NotExpired(a.Expiry, now),
	} {
		if err != nil {
			return err
		}
	}
	return Storable(a)
}

// Storable: every time of a fits the store (Unix): the escrow accepts later ones, Agora does not.
func Storable(a eip712.ServiceAgreement) error {
	if _, err := Unix("deliveryDeadline", a.DeliveryDeadline); err != nil {
		return err
	}
	if _, err := Unix("expiredAt", a.ExpiredAt); err != nil {
		return err
	}
	_, err := UnixBig("expiry", a.Expiry)
	return err
}
