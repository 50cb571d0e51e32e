// Package reputation computes Agora's explainable, Sybil-resistant reputation score for one agent.
//
// The package is pure: Score is a function of its Inputs and Params only (Inputs.AsOf is the "now" used for
// recency decay), with no database, chain or clock access, so the same inputs always give the same Report,
// down to the bytes of its JSON. The gateway's loader fills Inputs from the indexer's tables and serves the
// Report at GET /v1/agents/{id}/reputation.
//
// The method (MethodV1) is one Bayesian average over every piece of evidence: feedback weighted by proof of
// payment, reviewer standing, recency and Sybil penalties; validation responses; and the provider's escrow
// record (refund, dispute and expiry rates, with job volume setting how much that record counts), all pulled
// towards a neutral prior. Each component's weight is its share of the evidence, so the Report's
// contributions add up to the score. docs/reputation.md documents every formula and parameter.
package reputation

import (
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// MethodV1 names the method implemented by Score with DefaultParams. Reports computed with other parameters
// carry MethodV1 + MethodCustomSuffix instead, so a reader can tell them apart.
const MethodV1 = "agora-reputation-v1"

// MethodCustomSuffix is appended to MethodV1 when Score ran with parameters other than DefaultParams().
const MethodCustomSuffix = "+custom"

// Component names, in the order they appear in Report.Components.
const (
	ComponentFeedback    = "feedback"
	ComponentValidation  = "validation"
	ComponentReliability = "reliability"
	ComponentVolume      = "volume"
	ComponentPrior       = "prior"
)

// Flag codes. They are stable: clients may match on them.
const (
	// FlagSelfReview: feedback from this agent's owner, its wallet, or an address that controls this agent.
	FlagSelfReview = "self_review"
	// FlagSharedOwner: feedback from a reviewer that controls an agent owned by this agent's owner or wallet.
	FlagSharedOwner = "shared_owner"
	// FlagOwnerCluster: several reviewers control agents of one common (other) owner.
	FlagOwnerCluster = "owner_cluster"
	// FlagReciprocalCluster: reviewers whose agents this agent's owner or wallet has reviewed in return.
	FlagReciprocalCluster = "reciprocal_cluster"
	// FlagFreshReviewerBurst: several reviewers whose first on-chain activity came just before their
	// feedback, all within a short window.
	FlagFreshReviewerBurst = "fresh_reviewer_burst"
	// FlagSingleReviewerDominance: one reviewer holds most of the feedback weight.
	FlagSingleReviewerDominance = "single_reviewer_dominance"
	// FlagUnpaidMajority: most reviewers never paid this agent through a settled escrow job.
	FlagUnpaidMajority = "unpaid_majority"
	// FlagSelfValidation: a validation answered by this agent's owner or wallet.
	FlagSelfValidation = "self_validation"
	// FlagUnknownReviewer: feedback from a client missing from Inputs.Reviewers (scored as a zero-history
	// address).
	FlagUnknownReviewer = "unknown_reviewer"
	// FlagInvalidFeedback: feedback entries that cannot be read (nil value or more than 18 decimals).
	FlagInvalidFeedback = "invalid_feedback"
	// FlagInvalidValidation: validation responses above 100.
	FlagInvalidValidation = "invalid_validation"
	// FlagInvalidParams: some parameters were out of range and were replaced by their defaults.
	FlagInvalidParams = "invalid_params"
)

// Flag severities.
const (
	SeverityInfo = "info"
	SeverityWarn = "warn"
	SeverityHigh = "high"
)

// Inputs is everything the score depends on besides Params. The gateway's SQL loader fills exactly these.
type Inputs struct {
	// AgentID is the agent's id in the Identity Registry, in decimal.
	AgentID string
	// Owner is ownerOf(agentId).
	Owner common.Address
	// Wallet is the agent wallet, the zero address when unset.
	Wallet common.Address
	// AsOf is the "now" of the score: recency decay is measured up to it. The score is a pure function of
	// (Inputs, Params).
	AsOf time.Time
	// Feedback holds every feedback entry ever given to this agent, revoked ones included, in any order.
	Feedback []Feedback
	// Validations holds every validation request about this agent, answered or not, in any order.
	Validations []Validation
	// Jobs summarises the escrow jobs in which this agent was the provider.
	Jobs Jobs
	// Reviewers describes each distinct feedback client. A client missing from the map is scored as an
	// address with no history (and flagged FlagUnknownReviewer).
	Reviewers map[common.Address]Reviewer
}

// Feedback is one ERC-8004 feedback entry given to the agent.
type Feedback struct {
	// Client is the address that gave the feedback.
	Client common.Address
	// Index is the feedbackIndex, per client and 1-based.
	Index uint64
	// Value is the int128 value as given on chain. Nil marks an unreadable entry.
	Value *big.Int
	// Decimals is valueDecimals (0..18); the entry's value is Value / 10^Decimals.
	Decimals uint8
	// Tag1 and Tag2 are the entry's tags. Entries whose Tag1 is one of Params.IgnoredTags are not ratings
	// and are not scored.
	Tag1, Tag2 string
	// Time is the time of the block that carried the feedback.
	Time time.Time
	// Block is the number of that block (used only to order entries).
	Block uint64
	// Revoked reports whether the client revoked the entry.
	Revoked bool
	// PaidJobs counts settled escrow jobs, at any time up to AsOf, in which Client paid this agent (as
	// provider). Any positive count makes the client a paying client.
	PaidJobs int
	// PaidAmount is the total in base units those jobs paid the provider, in whatever tokens they used. It
	// is informational: the score does not read it, since amounts in different tokens cannot be compared.
	PaidAmount *big.Int
}

// Validation is one ERC-8004 validation request about the agent.
type Validation struct {
	// Validator is the address named to answer.
	Validator common.Address
	// Response is the validator's latest answer (0..100), nil while unanswered.
	Response *uint8
	// Tag is the answer's tag (informational).
	Tag string
	// RequestedAt is the time of the request.
	RequestedAt time.Time
	// RespondedAt is the time of the latest answer, nil while unanswered.
	RespondedAt *time.Time
}

// Jobs summarises the escrow jobs in which the agent was the provider.
type Jobs struct {
	// Total counts every job (informational: rates are taken over finished jobs).
	Total int
	// Completed, Rejected, Expired and Resolved count jobs in those final states.
	Completed, Rejected, Expired, Resolved int
	// Disputed counts jobs that were ever disputed (whatever their state now).
	Disputed int
	// Open counts jobs not yet in a final state.
	Open int
	// Refunded counts jobs in which the client got money back (refunded > 0).
	Refunded int
	// VolumeByToken is the total paid to the provider, per token, in base units.
	VolumeByToken map[common.Address]*big.Int
}

// Reviewer describes one feedback client across all of Agora, not only this agent.
type Reviewer struct {
	// Address is the client's address (informational: the map key is what the score uses).
	Address common.Address
	// FirstSeen is the address's first on-chain activity in any Agora contract (first feedback given, first
	// job as client, first registration). The zero time means unknown.
	FirstSeen time.Time
	// FeedbackGiven counts feedback entries the address gave to any agent. Informational: standing reads
	// AgentsReviewed, since many entries about one agent show no breadth.
	FeedbackGiven int
	// AgentsReviewed counts the distinct agents it reviewed (this one included).
	AgentsReviewed int
	// SettledJobsAsClient counts settled escrow jobs it paid for, with any provider (this one included).
	SettledJobsAsClient int
	// ControlsAgents lists the ids of agents the address owns or is the wallet of.
	ControlsAgents []string
	// ControlledOwners lists the owners of those agents.
	ControlledOwners []common.Address
	// ReviewedByThisAgent reports reciprocity: this agent's owner or wallet has given feedback to an agent
	// the reviewer controls.
	ReviewedByThisAgent bool
}

// Report is the score with its explanation. Its JSON is what the gateway serves.
type Report struct {
	// AgentID is Inputs.AgentID.
	AgentID string `json:"agentId"`
	// Score is the reputation, 0..100, rounded to 2 decimals.
	Score float64 `json:"score"`
	// Confidence is the share of the score that rests on evidence rather than on the prior, 0..1.
	Confidence float64 `json:"confidence"`
	// Method names the formula: MethodV1, with MethodCustomSuffix when the parameters were not the defaults.
	Method string `json:"method"`
	// AsOf is Inputs.AsOf in UTC.
	AsOf time.Time `json:"asOf"`
	// Components lists every component, in a fixed order, even those without data (weight 0, with a note).
	// The contributions add up to Score (up to rounding).
	Components []Component `json:"components"`
	// Flags lists the Sybil and data-quality signals found, most severe first. Never nil.
	Flags []Flag `json:"flags"`
	// Counts holds the raw tallies behind the score (feedback, reviewers, validations, jobs).
	Counts map[string]int `json:"counts"`
}

// Component is one part of the score.
type Component struct {
	// Name is one of the Component* constants.
	Name string `json:"name"`
	// Value is the component's own score, 0..100 (2 decimals).
	Value float64 `json:"value"`
	// Weight is the component's share of the score, 0..1 (4 decimals). The weights add up to 1.
	Weight float64 `json:"weight"`
	// Contribution is Weight × Value (2 decimals).
	Contribution float64 `json:"contribution"`
	// Detail explains the value in words.
	Detail string `json:"detail"`
	// Inputs holds the figures the value was computed from (4 decimals).
	Inputs map[string]float64 `json:"inputs"`
}

// Flag is a Sybil or data-quality signal. Flags explain; the penalties they describe are already applied
// to the score.
type Flag struct {
	// Code is one of the Flag* constants.
	Code string `json:"code"`
	// Severity is SeverityInfo, SeverityWarn or SeverityHigh.
	Severity string `json:"severity"`
	// Detail explains the signal in words.
	Detail string `json:"detail"`
	// Addresses lists the addresses involved, sorted, at most Params.FlagAddressLimit of them. Never nil.
	Addresses []common.Address `json:"addresses"`
}

// evidence is one component's contribution to the pooled average: its value and how much it counts.
type evidence struct {
	value  float64 // 0..100
	weight float64 // evidence units (one established paying reviewer ≈ 1); 0 = no data
}

// Score computes the agent's reputation Report. It never panics and never fails: malformed entries are
// skipped and flagged, out-of-range parameters are replaced by their defaults (flagged FlagInvalidParams),
// and identical (Inputs, Params) give an identical Report.
func Score(in Inputs, p Params) Report {
	var flags []Flag
	method := MethodV1
	if !p.Equal(DefaultParams()) {
		method += MethodCustomSuffix
	}
	p, bad := p.sanitized()
	if len(bad) > 0 {
		flags = append(flags, Flag{
			Code:      FlagInvalidParams,
			Severity:  SeverityInfo,
			Detail:    "parameters out of range, replaced by their defaults: " + joinSorted(bad),
			Addresses: []common.Address{},
		})
	}
	counts := map[string]int{}

	fb := scoreFeedback(in, p, counts)
	flags = append(flags, fb.flags...)
	val := scoreValidation(in, p, counts)
	flags = append(flags, val.flags...)
	rel, vol := scoreJobs(in.Jobs, p, counts)

	// One Bayesian average over all the evidence: the prior counts PriorWeight units at PriorValue.
	parts := []struct {
		c Component
		e evidence
	}{
		{fb.component, fb.evidence},
		{val.component, val.evidence},
		{rel.component, rel.evidence},
		{vol.component, vol.evidence},
	}
	total := p.PriorWeight
	sum := p.PriorWeight * p.PriorValue
	for _, x := range parts {
		total += x.e.weight
		sum += x.e.weight * x.e.value
	}
	score := clamp(sum/total, 0, 100)

	components := make([]Component, 0, len(parts)+1)
	for _, x := range parts {
		c := x.c
		w := x.e.weight / total
		c.Value = round(x.e.value, 2)
		c.Weight = round(w, 4)
		c.Contribution = round(w*x.e.value, 2)
		c.Inputs = roundMap(c.Inputs)
		components = append(components, c)
	}
	priorShare := p.PriorWeight / total
	components = append(components, Component{
		Name:         ComponentPrior,
		Value:        round(p.PriorValue, 2),
		Weight:       round(priorShare, 4),
		Contribution: round(priorShare*p.PriorValue, 2),
		Detail: "neutral prior: " + ftoa(p.PriorWeight, 2) + " units of evidence at " + ftoa(p.PriorValue, 2) +
			"; its weight is what the evidence has not yet settled (1 - confidence)",
		Inputs: roundMap(map[string]float64{"priorValue": p.PriorValue, "priorWeight": p.PriorWeight}),
	})

	sortFlags(flags)
	if flags == nil {
		flags = []Flag{}
	}
	for i := range flags {
		flags[i].Addresses = limitAddresses(flags[i].Addresses, p.FlagAddressLimit)
	}
	return Report{
		AgentID:    in.AgentID,
		Score:      round(score, 2),
		Confidence: round(1-priorShare, 4),
		Method:     method,
		AsOf:       in.AsOf.UTC(),
		Components: components,
		Flags:      flags,
		Counts:     counts,
	}
}
