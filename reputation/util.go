package reputation

import (
	"bytes"
	"cmp"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// pow10 holds 10^0 .. 10^18, the scales of valueDecimals. It is never written after init.
var pow10 = func() [19]*big.Int {
	var t [19]*big.Int
	t[0] = big.NewInt(1)
	for i := 1; i < len(t); i++ {
		t[i] = new(big.Int).Mul(t[i-1], big.NewInt(10))
	}
	return t
}()

// hundred holds 100 × 10^d for each d, the upper clamp of a rating.
var hundred = func() [19]*big.Int {
	var t [19]*big.Int
	for i := range t {
		t[i] = new(big.Int).Mul(pow10[i], big.NewInt(100))
	}
	return t
}()

// rating reads a feedback value as a 0..100 rating: value / 10^decimals, clamped. It reports false for an
// unreadable value (nil, or more than 18 decimals). The result is value / 10^decimals correctly rounded to
// float64, so it does not depend on how the value was scaled (87/1 and 8700/100 give the same rating).
func rating(value *big.Int, decimals uint8) (float64, bool) {
	if value == nil || int(decimals) >= len(pow10) {
		return 0, false
	}
	if value.Sign() <= 0 {
		return 0, true
	}
	if value.Cmp(hundred[decimals]) >= 0 {
		return 100, true
	}
	// Below 2^53 both the value and 10^decimals are exact float64s, and IEEE division rounds correctly,
	// so the fast path gives exactly what big.Rat gives.
	if value.IsInt64() && value.Int64() < 1<<53 {
		return float64(value.Int64()) / pow10f[decimals], true
	}
	f, _ := new(big.Rat).SetFrac(value, pow10[decimals]).Float64()
	return f, true
}

// pow10f holds 10^0 .. 10^18 as float64, all exact.
var pow10f = [19]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
	1e16, 1e17, 1e18}

// decay is the recency factor 2^(-age/halfLife) of something that happened at t, seen at asOf. Events at or
// after asOf count fully.
func decay(asOf, t time.Time, halfLife time.Duration) float64 {
	age := asOf.Sub(t)
	if age <= 0 {
		return 1
	}
	return math.Exp2(-float64(age) / float64(halfLife))
}

// clamp limits x to [lo, hi]; NaN becomes lo.
func clamp(x, lo, hi float64) float64 {
	if math.IsNaN(x) || x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}

// round rounds x to d decimals, half away from zero; -0 becomes 0 so JSON never shows "-0".
func round(x float64, d int) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	s := math.Pow(10, float64(d))
	r := math.Round(x*s) / s
	if r == 0 {
		return 0
	}
	return r
}

// roundMap rounds every value of m to 4 decimals, in place, and returns m (an empty map for nil).
func roundMap(m map[string]float64) map[string]float64 {
	if m == nil {
		return map[string]float64{}
	}
	for k, v := range m {
		m[k] = round(v, 4)
	}
	return m
}

// ftoa formats x with d decimals, for details.
func ftoa(x float64, d int) string {
	return strconv.FormatFloat(round(x, d), 'f', d, 64)
}

// plural formats n with the singular or plural noun, for details.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return itoa(n) + " " + many
}

// itoa formats n, for details.
func itoa(n int) string { return strconv.Itoa(n) }

// joinSorted joins a sorted copy of ss with ", ".
func joinSorted(ss []string) string {
	c := slices.Clone(ss)
	slices.Sort(c)
	return strings.Join(c, ", ")
}

// compareAddr orders addresses by their bytes.
func compareAddr(a, b common.Address) int { return bytes.Compare(a[:], b[:]) }

// sortedAddresses returns the distinct addresses of as, sorted; never nil.
func sortedAddresses(as []common.Address) []common.Address {
	c := slices.Clone(as)
	slices.SortFunc(c, compareAddr)
	c = slices.Compact(c)
	if c == nil {
		c = []common.Address{}
	}
	return c
}

// limitAddresses keeps the first limit addresses of as; never nil.
func limitAddresses(as []common.Address, limit int) []common.Address {
	if as == nil {
		return []common.Address{}
	}
	if len(as) > limit {
		return as[:limit]
	}
	return as
}

// severityRank orders severities, most severe first.
func severityRank(s string) int {
	switch s {
	case SeverityHigh:
		return 0
	case SeverityWarn:
		return 1
	default:
		return 2
	}
}

// sortFlags orders flags by severity (most severe first), then code, then first address; flags equal on
// all three keep the order they were raised in, which is itself deterministic.
func sortFlags(fs []Flag) {
	slices.SortStableFunc(fs, func(a, b Flag) int {
		if c := cmp.Compare(severityRank(a.Severity), severityRank(b.Severity)); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Code, b.Code); c != 0 {
			return c
		}
		return slices.CompareFunc(a.Addresses, b.Addresses, compareAddr)
	})
}

// addressList describes a flag's addresses for its detail: the count, and a note when the list is cut.
func addressList(n, limit int) string {
	if n > limit {
		return itoa(n) + " addresses (first " + itoa(limit) + " listed)"
	}
	if n == 1 {
		return "1 address"
	}
	return itoa(n) + " addresses"
}

// sameAgentID compares two decimal agent ids by value ("007" is "7"); ids that are not decimal numbers
// compare as strings.
func sameAgentID(a, b string) bool {
	if a == b {
		return true
	}
	x, okx := new(big.Int).SetString(a, 10)
	y, oky := new(big.Int).SetString(b, 10)
	return okx && oky && x.Cmp(y) == 0
}

// compareFeedback is a total order on feedback entries (client, index, then every other field), so that
// sorting makes any permutation of the same entries identical.
func compareFeedback(a, b Feedback) int {
	if c := compareAddr(a.Client, b.Client); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Index, b.Index); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Block, b.Block); c != 0 {
		return c
	}
	if c := a.Time.Compare(b.Time); c != 0 {
		return c
	}
	if a.Revoked != b.Revoked {
		if a.Revoked {
			return 1
		}
		return -1
	}
	if c := compareBig(a.Value, b.Value); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Decimals, b.Decimals); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Tag1, b.Tag1); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Tag2, b.Tag2); c != 0 {
		return c
	}
	if c := cmp.Compare(a.PaidJobs, b.PaidJobs); c != 0 {
		return c
	}
	return compareBig(a.PaidAmount, b.PaidAmount)
}

// compareValidation is a total order on validations (validator first), as compareFeedback.
func compareValidation(a, b Validation) int {
	if c := compareAddr(a.Validator, b.Validator); c != 0 {
		return c
	}
	if c := a.RequestedAt.Compare(b.RequestedAt); c != 0 {
		return c
	}
	if c := compareOpt(a.RespondedAt, b.RespondedAt, func(x, y *time.Time) int { return x.Compare(*y) }); c != 0 {
		return c
	}
	if c := compareOpt(a.Response, b.Response, func(x, y *uint8) int { return cmp.Compare(*x, *y) }); c != 0 {
		return c
	}
	return cmp.Compare(a.Tag, b.Tag)
}

// compareOpt orders two optional values, nil first, then by compare.
func compareOpt[T any](a, b *T, compare func(a, b *T) int) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	}
	return compare(a, b)
}

// compareBig orders two possibly nil integers, nil first.
func compareBig(a, b *big.Int) int { return compareOpt(a, b, (*big.Int).Cmp) }
