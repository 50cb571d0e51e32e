package reputation

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"time"
)

// Day is 24 hours, the unit most durations in Params are written in.
const Day = 24 * time.Hour

// Params holds every constant of the formula. Start from DefaultParams(); docs/reputation.md explains each
// one. All weights are in evidence units: one established reviewer who paid the agent, with a fresh entry,
// counts 1.
type Params struct {
	// PriorValue is the neutral score an agent without evidence gets (default 50).
	PriorValue float64 `json:"priorValue"`
	// PriorWeight is how many evidence units the prior counts (default 2).
	PriorWeight float64 `json:"priorWeight"`

	// UnpaidWeight multiplies feedback from clients that never paid the agent through a settled escrow job
	// (default 0.1; paying clients get 1).
	UnpaidWeight float64 `json:"unpaidWeight"`
	// UnpaidPoolCap caps the summed weight of all unpaid feedback, however many clients give it (default 0.5).
	UnpaidPoolCap float64 `json:"unpaidPoolCap"`
	// ReviewerCap caps the summed weight of one client's entries (default 1). Only a client's latest
	// max(1, paid jobs) entries count at all (one per job it paid this agent for), so stacking entries gains
	// nothing.
	ReviewerCap float64 `json:"reviewerCap"`
	// FeedbackEvidenceCap caps the feedback component's total weight (default 20).
	FeedbackEvidenceCap float64 `json:"feedbackEvidenceCap"`
	// HalfLife is the age at which feedback and validation answers count half (default 90 days).
	HalfLife time.Duration `json:"halfLife"`

	// StandingMin is the standing of an address with no history (default 0.2); standing ranges from it to 1.
	StandingMin float64 `json:"standingMin"`
	// StandingAgeShare, StandingJobsShare and StandingBreadthShare split the rest of the standing between
	// the reviewer's age at feedback time, its settled jobs with other providers and the other agents it
	// reviewed (defaults 0.4, 0.4, 0.2; they are normalised to add up to 1).
	StandingAgeShare     float64 `json:"standingAgeShare"`
	StandingJobsShare    float64 `json:"standingJobsShare"`
	StandingBreadthShare float64 `json:"standingBreadthShare"`
	// StandingAgeFull is the age at feedback time that earns the full age share (default 90 days).
	StandingAgeFull time.Duration `json:"standingAgeFull"`
	// StandingJobsFull is the number of settled jobs with other providers that earns the full jobs share,
	// on a log scale (default 10).
	StandingJobsFull int `json:"standingJobsFull"`
	// StandingBreadthFull is the number of other agents reviewed that earns the full breadth share (default 4).
	StandingBreadthFull int `json:"standingBreadthFull"`

	// SharedOwnerFactor multiplies feedback from reviewers that control an agent of this agent's owner or
	// wallet (default 0.1). Self-review always counts 0.
	SharedOwnerFactor float64 `json:"sharedOwnerFactor"`
	// ReciprocalFactor multiplies feedback from reviewers this agent's owner or wallet reviewed in return
	// (default 0.25).
	ReciprocalFactor float64 `json:"reciprocalFactor"`
	// FreshWindow: a reviewer whose first feedback here came at most this long after its first on-chain
	// activity is fresh (default 24 hours).
	FreshWindow time.Duration `json:"freshWindow"`
	// BurstWindow and BurstMinReviewers: at least BurstMinReviewers fresh reviewers whose first feedback
	// here falls within BurstWindow form a burst (defaults 7 days, 3).
	BurstWindow       time.Duration `json:"burstWindow"`
	BurstMinReviewers int           `json:"burstMinReviewers"`
	// BurstCap caps the summed weight of one burst's reviewers (default 1).
	BurstCap float64 `json:"burstCap"`
	// DominanceShare and DominanceMinEntries: one reviewer holding more than DominanceShare of the feedback
	// weight, with at least DominanceMinEntries counted entries in all, is flagged (defaults 0.5, 3).
	DominanceShare      float64 `json:"dominanceShare"`
	DominanceMinEntries int     `json:"dominanceMinEntries"`
	// IgnoredTags lists tag1 values (compared case-insensitively) whose values are not 0..100 ratings, such
	// as ERC-8004's "responseTime" in milliseconds or "reachable" as 0/1. Such entries are counted but not
	// scored. Default: reachable, ownerVerified, responseTime, blocktimeFreshness, revenues, tradingYield.
	IgnoredTags []string `json:"ignoredTags"`

	// ValidationWeight is what one validator's answers count, in evidence units (default 0.5).
	ValidationWeight float64 `json:"validationWeight"`
	// ValidatorCap caps the summed decayed answers of one validator before ValidationWeight (default 1).
	ValidatorCap float64 `json:"validatorCap"`
	// ValidationEvidenceCap caps the validation component's total weight (default 5).
	ValidationEvidenceCap float64 `json:"validationEvidenceCap"`

	// RefundPenalty, DisputePenalty and ExpiryPenalty weigh the refund, dispute and expiry rates of the
	// provider's finished jobs (defaults 0.6, 0.25, 0.15).
	RefundPenalty  float64 `json:"refundPenalty"`
	DisputePenalty float64 `json:"disputePenalty"`
	ExpiryPenalty  float64 `json:"expiryPenalty"`
	// VolumeFull is the number of finished jobs that earns the full volume score, on a log scale
	// (default 100).
	VolumeFull int `json:"volumeFull"`
	// ReliabilityEvidenceMax is the reliability component's weight at full volume (default 5).
	ReliabilityEvidenceMax float64 `json:"reliabilityEvidenceMax"`

	// FlagAddressLimit caps the addresses listed in one flag (default 100); the flag's detail gives the total.
	FlagAddressLimit int `json:"flagAddressLimit"`
}

// DefaultParams returns the parameters of MethodV1.
func DefaultParams() Params {
	return Params{
		PriorValue:             50,
		PriorWeight:            2,
		UnpaidWeight:           0.1,
		UnpaidPoolCap:          0.5,
		ReviewerCap:            1,
		FeedbackEvidenceCap:    20,
		HalfLife:               90 * Day,
		StandingMin:            0.2,
		StandingAgeShare:       0.4,
		StandingJobsShare:      0.4,
		StandingBreadthShare:   0.2,
		StandingAgeFull:        90 * Day,
		StandingJobsFull:       10,
		StandingBreadthFull:    4,
		SharedOwnerFactor:      0.1,
		ReciprocalFactor:       0.25,
		FreshWindow:            Day,
		BurstWindow:            7 * Day,
		BurstMinReviewers:      3,
		BurstCap:               1,
		DominanceShare:         0.5,
		DominanceMinEntries:    3,
		IgnoredTags:            []string{"reachable", "ownerVerified", "responseTime", "blocktimeFreshness", "revenues", "tradingYield"},
		ValidationWeight:       0.5,
		ValidatorCap:           1,
		ValidationEvidenceCap:  5,
		RefundPenalty:          0.6,
		DisputePenalty:         0.25,
		ExpiryPenalty:          0.15,
		VolumeFull:             100,
		ReliabilityEvidenceMax: 5,
		FlagAddressLimit:       100,
	}
}

// Equal reports whether p and q hold the same parameters.
func (p Params) Equal(q Params) bool {
	a, b := p, q
	a.IgnoredTags, b.IgnoredTags = nil, nil
	return reflect.DeepEqual(a, b) && slices.Equal(p.IgnoredTags, q.IgnoredTags)
}

// Validate reports every parameter out of its range. The gateway should call it on configured parameters
// before serving; Score itself replaces out-of-range parameters by their defaults.
func (p Params) Validate() error {
	_, bad := p.sanitized()
	if len(bad) == 0 {
		return nil
	}
	errs := make([]error, len(bad))
	for i, b := range bad {
		errs[i] = fmt.Errorf("reputation: parameter %s out of range", b)
	}
	return errors.Join(errs...)
}

// sanitized returns p with every out-of-range field replaced by its default, and the names of those fields.
func (p Params) sanitized() (Params, []string) {
	d := DefaultParams()
	var bad []string
	f := func(name string, v *float64, def, lo, hi float64) {
		if math.IsNaN(*v) || *v < lo || *v > hi {
			*v = def
			bad = append(bad, name)
		}
	}
	i := func(name string, v *int, def, lo int) {
		if *v < lo {
			*v = def
			bad = append(bad, name)
		}
	}
	dur := func(name string, v *time.Duration, def time.Duration) {
		if *v <= 0 {
			*v = def
			bad = append(bad, name)
		}
	}
	inf := math.Inf(1)
	f("priorValue", &p.PriorValue, d.PriorValue, 0, 100)
	f("priorWeight", &p.PriorWeight, d.PriorWeight, 1e-9, 1e9)
	f("unpaidWeight", &p.UnpaidWeight, d.UnpaidWeight, 0, 1)
	f("unpaidPoolCap", &p.UnpaidPoolCap, d.UnpaidPoolCap, 0, 1e9)
	f("reviewerCap", &p.ReviewerCap, d.ReviewerCap, 1e-9, 1e9)
	f("feedbackEvidenceCap", &p.FeedbackEvidenceCap, d.FeedbackEvidenceCap, 0, 1e9)
	dur("halfLife", &p.HalfLife, d.HalfLife)
	f("standingMin", &p.StandingMin, d.StandingMin, 0, 1)
	f("standingAgeShare", &p.StandingAgeShare, d.StandingAgeShare, 0, inf)
	f("standingJobsShare", &p.StandingJobsShare, d.StandingJobsShare, 0, inf)
	f("standingBreadthShare", &p.StandingBreadthShare, d.StandingBreadthShare, 0, inf)
	if p.StandingAgeShare+p.StandingJobsShare+p.StandingBreadthShare <= 0 ||
		math.IsInf(p.StandingAgeShare+p.StandingJobsShare+p.StandingBreadthShare, 0) {
		p.StandingAgeShare, p.StandingJobsShare, p.StandingBreadthShare =
			d.StandingAgeShare, d.StandingJobsShare, d.StandingBreadthShare
		bad = append(bad, "standingShares")
	}
	dur("standingAgeFull", &p.StandingAgeFull, d.StandingAgeFull)
	i("standingJobsFull", &p.StandingJobsFull, d.StandingJobsFull, 1)
	i("standingBreadthFull", &p.StandingBreadthFull, d.StandingBreadthFull, 1)
	f("sharedOwnerFactor", &p.SharedOwnerFactor, d.SharedOwnerFactor, 0, 1)
	f("reciprocalFactor", &p.ReciprocalFactor, d.ReciprocalFactor, 0, 1)
	if p.FreshWindow < 0 {
		p.FreshWindow = d.FreshWindow
		bad = append(bad, "freshWindow")
	}
	if p.BurstWindow < 0 {
		p.BurstWindow = d.BurstWindow
		bad = append(bad, "burstWindow")
	}
	i("burstMinReviewers", &p.BurstMinReviewers, d.BurstMinReviewers, 2)
	f("burstCap", &p.BurstCap, d.BurstCap, 0, 1e9)
	f("dominanceShare", &p.DominanceShare, d.DominanceShare, 0, 1)
	i("dominanceMinEntries", &p.DominanceMinEntries, d.DominanceMinEntries, 1)
	f("validationWeight", &p.ValidationWeight, d.ValidationWeight, 0, 1e9)
	f("validatorCap", &p.ValidatorCap, d.ValidatorCap, 1e-9, 1e9)
	f("validationEvidenceCap", &p.ValidationEvidenceCap, d.ValidationEvidenceCap, 0, 1e9)
	f("refundPenalty", &p.RefundPenalty, d.RefundPenalty, 0, 1e9)
	f("disputePenalty", &p.DisputePenalty, d.DisputePenalty, 0, 1e9)
	f("expiryPenalty", &p.ExpiryPenalty, d.ExpiryPenalty, 0, 1e9)
	i("volumeFull", &p.VolumeFull, d.VolumeFull, 1)
	f("reliabilityEvidenceMax", &p.ReliabilityEvidenceMax, d.ReliabilityEvidenceMax, 0, 1e9)
	i("flagAddressLimit", &p.FlagAddressLimit, d.FlagAddressLimit, 0)
	return p, bad
}
