package reputation

import (
	"math"
	"math/big"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// scoreValidation computes the validation component: the mean of the validators' answers (0..100), each
// weighted by recency, capped per validator, answers by this agent's owner or wallet excluded.
func scoreValidation(in Inputs, p Params, counts map[string]int) componentResult {
	vs := slices.Clone(in.Validations)
	slices.SortFunc(vs, compareValidation)

	var zero common.Address
	var pending, invalid, answered, validators int
	var selfAddrs, invalidAddrs []common.Address
	var wSum, wvSum, plainSum float64
	for i := 0; i < len(vs); {
		j := i
		v := vs[i].Validator
		self := v != zero && (v == in.Owner || v == in.Wallet)
		var gw, gwv float64
		counted := false
		for ; j < len(vs) && vs[j].Validator == v; j++ {
			x := vs[j]
			switch {
			case x.Response == nil:
				pending++
				continue
			case *x.Response > 100:
				invalid++
				invalidAddrs = append(invalidAddrs, v)
				continue
			}
			answered++
			counted = true
			plainSum += float64(*x.Response)
			if self {
				continue
			}
			t := x.RequestedAt
			if x.RespondedAt != nil {
				t = *x.RespondedAt
			}
			w := decay(in.AsOf, t, p.HalfLife)
			gw += w
			gwv += w * float64(*x.Response)
		}
		if counted {
			validators++
			if self {
				selfAddrs = append(selfAddrs, v)
			}
		}
		if gw > p.ValidatorCap {
			k := p.ValidatorCap / gw
			gw, gwv = p.ValidatorCap, gwv*k
		}
		wSum += gw
		wvSum += gwv
		i = j
	}
	counts["validations"] = len(vs)
	counts["validationsAnswered"] = answered
	counts["validationsPending"] = pending
	counts["validationsInvalid"] = invalid
	counts["validators"] = validators

	var flags []Flag
	if len(selfAddrs) > 0 {
		flags = append(flags, Flag{Code: FlagSelfValidation, Severity: SeverityHigh,
			Detail:    "answers by this agent's owner or wallet count 0; " + addressList(len(selfAddrs), p.FlagAddressLimit),
			Addresses: sortedAddresses(selfAddrs)})
	}
	if invalid > 0 {
		addrs := sortedAddresses(invalidAddrs)
		flags = append(flags, Flag{Code: FlagInvalidValidation, Severity: SeverityInfo,
			Detail:    itoa(invalid) + " validation answers above 100 were skipped; " + addressList(len(addrs), p.FlagAddressLimit),
			Addresses: addrs})
	}

	weight := math.Min(wSum*p.ValidationWeight, p.ValidationEvidenceCap)
	c := Component{Name: ComponentValidation, Inputs: map[string]float64{
		"requests":    float64(len(vs)),
		"answered":    float64(answered),
		"pending":     float64(pending),
		"validators":  float64(validators),
		"evidence":    weight,
		"evidenceCap": p.ValidationEvidenceCap,
	}}
	if answered > 0 {
		c.Inputs["plainAverage"] = plainSum / float64(answered)
	}
	var ev evidence
	switch {
	case answered == 0:
		c.Detail = "no answered validation (" + itoa(len(vs)) + " requests, " + itoa(pending) + " pending)"
	case wSum <= 0:
		c.Detail = itoa(answered) + " answers, all with zero weight (self-validation or fully decayed)"
	default:
		ev = evidence{value: clamp(wvSum/wSum, 0, 100), weight: weight}
		c.Detail = "recency-weighted mean of " + plural(answered, "answer", "answers") + " from " +
			plural(validators, "validator", "validators") + ", each validator counting at most " + ftoa(p.ValidatorCap*p.ValidationWeight, 2) +
			"; evidence " + ftoa(weight, 2)
	}
	return componentResult{component: c, evidence: ev, flags: flags}
}

// scoreJobs computes the reliability component (from the refund, dispute and expiry rates of the provider's
// finished jobs, counting more as the volume grows) and the volume component (which explains that growth
// and carries no weight of its own).
func scoreJobs(j Jobs, p Params, counts map[string]int) (rel, vol componentResult) {
	nn := func(x int) int { return max(0, x) }
	completed, rejected, expired, resolved := nn(j.Completed), nn(j.Rejected), nn(j.Expired), nn(j.Resolved)
	disputed, refunded, open := nn(j.Disputed), nn(j.Refunded), nn(j.Open)
	finished := completed + rejected + expired + resolved
	counts["jobsTotal"] = nn(j.Total)
	counts["jobsCompleted"] = completed
	counts["jobsRejected"] = rejected
	counts["jobsExpired"] = expired
	counts["jobsResolved"] = resolved
	counts["jobsDisputed"] = disputed
	counts["jobsRefunded"] = refunded
	counts["jobsOpen"] = open
	counts["jobsFinished"] = finished

	volume := volumeScore(finished, p.VolumeFull)
	tokens := volumeDetail(j.VolumeByToken)
	vol.component = Component{
		Name: ComponentVolume,
		Inputs: map[string]float64{
			"finishedJobs": float64(finished),
			"volumeScore":  volume,
			"paidTokens":   float64(len(tokens)),
		},
		Detail: "no direct weight: log-scaled finished-job volume (" + itoa(finished) + " of " + itoa(p.VolumeFull) +
			" for full) sets how much the reliability component counts, and so the confidence",
	}
	if len(tokens) > 0 {
		vol.component.Detail += "; paid to the provider: " + strings.Join(tokens, ", ")
	}
	// The volume component's own value is shown; its weight stays 0 (evidence.weight 0) by design.
	vol.evidence = evidence{value: 100 * volume}

	rel.component = Component{Name: ComponentReliability, Inputs: map[string]float64{
		"finishedJobs": float64(finished),
		"completed":    float64(completed),
		"rejected":     float64(rejected),
		"expired":      float64(expired),
		"resolved":     float64(resolved),
		"disputed":     float64(disputed),
		"refunded":     float64(refunded),
	}}
	if finished == 0 {
		rel.component.Detail = "no finished escrow job as provider (" + itoa(open) + " open)"
		return rel, vol
	}
	n := float64(finished)
	refundRate := clamp(float64(refunded)/n, 0, 1)
	disputeRate := clamp(float64(disputed)/n, 0, 1)
	expiryRate := clamp(float64(expired)/n, 0, 1)
	value := 100 * clamp(1-(p.RefundPenalty*refundRate+p.DisputePenalty*disputeRate+p.ExpiryPenalty*expiryRate), 0, 1)
	weight := p.ReliabilityEvidenceMax * volume
	rel.component.Inputs["refundRate"] = refundRate
	rel.component.Inputs["disputeRate"] = disputeRate
	rel.component.Inputs["expiryRate"] = expiryRate
	rel.component.Inputs["evidence"] = weight
	rel.evidence = evidence{value: value, weight: weight}
	rel.component.Detail = "100 × (1 − " + ftoa(p.RefundPenalty, 2) + "·refund rate − " + ftoa(p.DisputePenalty, 2) +
		"·dispute rate − " + ftoa(p.ExpiryPenalty, 2) + "·expiry rate) over " + itoa(finished) + " finished jobs; evidence " +
		ftoa(p.ReliabilityEvidenceMax, 2) + " × volume score " + ftoa(volume, 4) + " = " + ftoa(weight, 2)
	return rel, vol
}

// volumeScore is ln(1+n)/ln(1+full), capped at 1.
func volumeScore(n, full int) float64 {
	return clamp(math.Log1p(float64(n))/math.Log1p(float64(full)), 0, 1)
}

// volumeDetail lists the paid volume per token ("<amount> of <token>"), tokens sorted.
func volumeDetail(v map[common.Address]*big.Int) []string {
	tokens := make([]common.Address, 0, len(v))
	for t, a := range v {
		if a != nil && a.Sign() > 0 {
			tokens = append(tokens, t)
		}
	}
	slices.SortFunc(tokens, compareAddr)
	out := make([]string, len(tokens))
	for i, t := range tokens {
		out[i] = v[t].String() + " of " + t.Hex()
	}
	return out
}
