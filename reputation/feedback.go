package reputation

import (
	"math"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// componentResult is a scored component before weights are known, with the flags it raised.
type componentResult struct {
	component Component
	evidence  evidence
	flags     []Flag
}

// fbEntry is a counted feedback entry and its weight as the caps are applied.
type fbEntry struct {
	client   common.Address
	t        time.Time
	paidJobs int
	v        float64 // rating 0..100
	w        float64 // weight, 0 for a superseded entry
}

// reviewerState is what the formula knows about one client with counted entries.
type reviewerState struct {
	addr       common.Address
	info       Reviewer
	known      bool
	lo, hi     int       // its entries are counted[lo:hi], oldest index first
	firstTime  time.Time // its earliest counted entry here
	firstSeen  time.Time // effective first activity (firstTime when unknown or inconsistent)
	paidJobs   int
	self       bool
	shared     bool
	reciprocal bool
	cluster    int // size of its owner cluster; 0 when none
	fresh      bool
	burst      int // index of its burst, -1 when none
}

// scoreFeedback computes the feedback component: a weighted mean of the counted entries' ratings, where
// each entry's weight is payment × standing × recency × Sybil penalties, then capped per reviewer, per
// burst of fresh reviewers, for the unpaid pool and for the component.
func scoreFeedback(in Inputs, p Params, counts map[string]int) componentResult {
	// Sort positions rather than a copy of the entries: same order, far less copying.
	all := in.Feedback
	order := make([]int32, len(all))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return compareFeedback(all[a], all[b]) })
	ignoredTags := make([]string, len(p.IgnoredTags))
	for i, t := range p.IgnoredTags {
		ignoredTags[i] = strings.TrimSpace(t)
	}

	counted := make([]fbEntry, 0, len(all))
	var revoked, invalid, ignored int
	var invalidAddrs []common.Address
	for _, k := range order {
		f := &all[k]
		if f.Revoked {
			revoked++
			continue
		}
		v, ok := rating(f.Value, f.Decimals)
		if !ok {
			invalid++
			invalidAddrs = append(invalidAddrs, f.Client)
			continue
		}
		if ignoredTag(f.Tag1, ignoredTags) {
			ignored++
			continue
		}
		counted = append(counted, fbEntry{client: f.Client, t: f.Time, paidJobs: f.PaidJobs, v: v})
	}
	counts["feedbackTotal"] = len(all)
	counts["feedbackRevoked"] = revoked
	counts["feedbackInvalid"] = invalid
	counts["feedbackIgnoredTag"] = ignored
	counts["feedbackCounted"] = len(counted)

	var flags []Flag
	if invalid > 0 {
		addrs := sortedAddresses(invalidAddrs)
		flags = append(flags, Flag{
			Code:     FlagInvalidFeedback,
			Severity: SeverityInfo,
			Detail: itoa(invalid) + " feedback entries have no value or more than 18 decimals and were skipped; " +
				addressList(len(addrs), p.FlagAddressLimit),
			Addresses: addrs,
		})
	}

	rs := groupReviewers(in, counted)
	linkReviewers(in, rs)
	flags = append(flags, clusterReviewers(in, p, rs)...)
	bursts := findBursts(p, rs)

	// Entry weights before caps: payment × standing × recency × link penalties, for each reviewer's latest
	// max(1, paid jobs) entries; its older entries are superseded and weigh 0.
	var rawWeight, linkedWeight, standingSum, recencySum, plainSum float64
	var active, superseded int
	for i := range rs {
		r := &rs[i]
		pay := p.UnpaidWeight
		if r.paidJobs > 0 {
			pay = 1
		}
		link := linkFactor(p, r)
		latest := latestEntries(counted[r.lo:r.hi], max(1, r.paidJobs))
		for j := r.lo; j < r.hi; j++ {
			e := &counted[j]
			plainSum += e.v
			if !latest[j-r.lo] {
				superseded++
				continue
			}
			active++
			st, rec := standing(p, r, e.t), decay(in.AsOf, e.t, p.HalfLife)
			raw := pay * st * rec
			e.w = raw * link
			rawWeight += raw
			linkedWeight += e.w
			standingSum += st
			recencySum += rec
		}
	}
	counts["feedbackSuperseded"] = superseded

	// Caps, innermost first: per reviewer, per burst, unpaid pool, component.
	reviewerW := make([]float64, len(rs))
	for i := range rs {
		reviewerW[i] = capGroup(counted, [][2]int{{rs[i].lo, rs[i].hi}}, p.ReviewerCap)
	}
	for _, b := range bursts {
		ranges := make([][2]int, len(b))
		for k, i := range b {
			ranges[k] = [2]int{rs[i].lo, rs[i].hi}
		}
		capGroup(counted, ranges, p.BurstCap)
	}
	var unpaidRanges [][2]int
	for _, r := range rs {
		if r.paidJobs == 0 {
			unpaidRanges = append(unpaidRanges, [2]int{r.lo, r.hi})
		}
	}
	unpaidBefore := sumRanges(counted, unpaidRanges)
	capGroup(counted, unpaidRanges, p.UnpaidPoolCap)
	unpaidScale := 1.0
	if unpaidBefore > 0 {
		unpaidScale = sumRanges(counted, unpaidRanges) / unpaidBefore
	}
	capGroup(counted, [][2]int{{0, len(counted)}}, p.FeedbackEvidenceCap)

	var wSum, wvSum, paidW float64
	var paidEntries int
	for i := range rs {
		reviewerW[i] = sumRanges(counted, [][2]int{{rs[i].lo, rs[i].hi}})
		for j := rs[i].lo; j < rs[i].hi; j++ {
			wSum += counted[j].w
			wvSum += counted[j].w * counted[j].v
		}
		if rs[i].paidJobs > 0 {
			paidW += reviewerW[i]
			paidEntries += rs[i].hi - rs[i].lo
		}
	}

	var paidReviewers int
	for _, r := range rs {
		if r.paidJobs > 0 {
			paidReviewers++
		}
	}
	counts["feedbackPaid"] = paidEntries
	counts["feedbackUnpaid"] = len(counted) - paidEntries
	counts["reviewers"] = len(rs)
	counts["reviewersPaid"] = paidReviewers
	counts["reviewersUnpaid"] = len(rs) - paidReviewers

	flags = append(flags, reviewerFlags(p, rs, bursts)...)
	flags = append(flags, dominanceFlag(p, rs, reviewerW, wSum, len(counted))...)

	c := Component{Name: ComponentFeedback, Inputs: map[string]float64{
		"entries":         float64(len(counted)),
		"reviewers":       float64(len(rs)),
		"paidReviewers":   float64(paidReviewers),
		"evidence":        wSum,
		"evidenceCap":     p.FeedbackEvidenceCap,
		"unpaidPoolScale": unpaidScale,
		"superseded":      float64(superseded),
	}}
	var ev evidence
	n := float64(len(counted))
	if n > 0 {
		c.Inputs["plainAverage"] = plainSum / n
		c.Inputs["meanStanding"] = standingSum / float64(active)
		c.Inputs["meanRecency"] = recencySum / float64(active)
		if rawWeight > 0 {
			c.Inputs["sybilDiscount"] = 1 - linkedWeight/rawWeight
		}
	}
	switch {
	case len(counted) == 0:
		// Revoked entries are left out of the detail on purpose: they must not change the report beyond its counts.
		c.Detail = "no feedback to score (" + itoa(ignored) + " entries with non-rating tags, " + itoa(invalid) +
			" unreadable; revoked entries never count)"
	case wSum <= 0:
		c.Detail = plural(len(counted), "entry", "entries") + " from " + plural(len(rs), "reviewer", "reviewers") +
			", all with zero weight (self-review or fully decayed)"
	default:
		ev = evidence{value: clamp(wvSum/wSum, 0, 100), weight: wSum}
		c.Inputs["paidShare"] = paidW / wSum
		c.Detail = "weighted mean rating of " + plural(active, "entry", "entries") + " from " +
			plural(len(rs), "reviewer", "reviewers") + " (" + itoa(paidReviewers) + " paid this agent; " +
			itoa(superseded) + " older entries superseded); weight = payment × standing × recency × " +
			"Sybil penalties, capped per reviewer, per burst, for unpaid feedback and in total; evidence " +
			ftoa(wSum, 2) + " (plain average " + ftoa(plainSum/n, 2) + ")"
	}
	return componentResult{component: c, evidence: ev, flags: flags}
}

// latestEntries marks the k latest of a reviewer's entries (by time, then feedback index): the ones that
// count. A client's newer feedback supersedes its older feedback, except that each job it paid this agent
// for backs one entry.
func latestEntries(es []fbEntry, k int) []bool {
	order := make([]int, len(es))
	for i := range order {
		order[i] = i
	}
	// es is sorted by feedback index (then block and time), so a later position breaks a time tie.
	slices.SortStableFunc(order, func(a, b int) int {
		if c := es[b].t.Compare(es[a].t); c != 0 {
			return c
		}
		return b - a
	})
	mark := make([]bool, len(es))
	for _, i := range order[:min(k, len(order))] {
		mark[i] = true
	}
	return mark
}

// ignoredTag reports whether tag is one of the non-rating tags (already trimmed).
func ignoredTag(tag string, ignored []string) bool {
	tag = strings.TrimSpace(tag)
	for _, t := range ignored {
		if strings.EqualFold(tag, t) {
			return true
		}
	}
	return false
}

// groupReviewers builds one reviewerState per client of the counted entries (sorted by client, so each
// client's entries are contiguous).
func groupReviewers(in Inputs, counted []fbEntry) []reviewerState {
	n := 0
	for i := range counted {
		if i == 0 || counted[i].client != counted[i-1].client {
			n++
		}
	}
	rs := make([]reviewerState, 0, n)
	for i := 0; i < len(counted); {
		j := i
		r := reviewerState{addr: counted[i].client, lo: i, burst: -1, firstTime: counted[i].t}
		for ; j < len(counted) && counted[j].client == r.addr; j++ {
			if counted[j].t.Before(r.firstTime) {
				r.firstTime = counted[j].t
			}
			r.paidJobs = max(r.paidJobs, counted[j].paidJobs)
		}
		r.hi = j
		r.info, r.known = in.Reviewers[r.addr]
		r.firstSeen = r.info.FirstSeen
		if !r.known || r.firstSeen.IsZero() || r.firstSeen.After(r.firstTime) {
			r.firstSeen = r.firstTime
		}
		rs = append(rs, r)
		i = j
	}
	return rs
}

// linkReviewers marks self-reviewers, reviewers tied to this agent's owner or wallet, and reciprocal ones.
func linkReviewers(in Inputs, rs []reviewerState) {
	var zero common.Address
	mine := func(a common.Address) bool {
		return a != zero && (a == in.Owner || a == in.Wallet)
	}
	for i := range rs {
		r := &rs[i]
		r.self = mine(r.addr)
		if in.AgentID != "" {
			for _, id := range r.info.ControlsAgents {
				if sameAgentID(id, in.AgentID) {
					r.self = true
				}
			}
		}
		if r.self {
			continue
		}
		for _, o := range r.info.ControlledOwners {
			if mine(o) {
				r.shared = true
			}
		}
		r.reciprocal = r.info.ReviewedByThisAgent
	}
}

// clusterReviewers joins reviewers that control agents of a common owner (other than this agent's owner or
// wallet, which linkReviewers already handles) into clusters; each member of a cluster of n counts 1/n.
func clusterReviewers(in Inputs, p Params, rs []reviewerState) []Flag {
	var zero common.Address
	parent := make([]int, len(rs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	byOwner := map[common.Address]int{} // owner -> first reviewer index seen
	owners := map[int][]common.Address{}
	for i, r := range rs {
		if r.self || r.shared || len(r.info.ControlledOwners) == 0 {
			continue
		}
		for _, o := range r.info.ControlledOwners {
			if o == zero || o == in.Owner || o == in.Wallet {
				continue
			}
			if j, ok := byOwner[o]; ok {
				a, b := find(i), find(j)
				if a != b {
					parent[max(a, b)] = min(a, b) // the root is always the lowest index: deterministic
				}
			} else {
				byOwner[o] = i
			}
		}
	}
	if len(byOwner) == 0 {
		return nil
	}
	members := make([][]int, len(rs))
	for i, r := range rs {
		if r.self || r.shared {
			continue
		}
		root := find(i)
		members[root] = append(members[root], i)
	}
	for o, i := range byOwner {
		owners[find(i)] = append(owners[find(i)], o)
	}
	var flags []Flag
	for root := range rs { // roots in index order: flags in a deterministic order
		m := members[root]
		if len(m) < 2 {
			continue
		}
		addrs := make([]common.Address, len(m))
		for k, i := range m {
			rs[i].cluster = len(m)
			addrs[k] = rs[i].addr
		}
		os := sortedAddresses(owners[root])
		ownerHex := make([]string, len(os))
		for k, o := range os {
			ownerHex[k] = o.Hex()
		}
		flags = append(flags, Flag{
			Code:     FlagOwnerCluster,
			Severity: SeverityWarn,
			Detail: itoa(len(m)) + " reviewers control agents of the same owner (" + strings.Join(ownerHex, ", ") +
				"); together they count as one reviewer (each × 1/" + itoa(len(m)) + ")",
			Addresses: sortedAddresses(addrs),
		})
	}
	return flags
}

// findBursts marks fresh reviewers and returns the bursts: groups of at least BurstMinReviewers fresh
// reviewers whose first feedback here falls within BurstWindow, as reviewer indices. Overlapping windows
// chain into one burst.
func findBursts(p Params, rs []reviewerState) [][]int {
	var fresh []int
	for i := range rs {
		r := &rs[i]
		r.fresh = !r.self && r.firstTime.Sub(r.firstSeen) <= p.FreshWindow
		if r.fresh {
			fresh = append(fresh, i)
		}
	}
	slices.SortStableFunc(fresh, func(a, b int) int { return rs[a].firstTime.Compare(rs[b].firstTime) })
	// diff marks every fresh reviewer inside some window that holds enough of them.
	diff := make([]int, len(fresh)+1)
	for lo, hi := 0, 0; hi < len(fresh); hi++ {
		for rs[fresh[hi]].firstTime.Sub(rs[fresh[lo]].firstTime) > p.BurstWindow {
			lo++
		}
		if hi-lo+1 >= p.BurstMinReviewers {
			diff[lo]++
			diff[hi+1]--
		}
	}
	var bursts [][]int
	run, last := 0, -1
	for k, i := range fresh {
		run += diff[k]
		if run <= 0 {
			continue
		}
		if last < 0 || rs[i].firstTime.Sub(rs[fresh[last]].firstTime) > p.BurstWindow {
			bursts = append(bursts, nil)
		}
		b := len(bursts) - 1
		bursts[b] = append(bursts[b], i)
		rs[i].burst = b
		last = k
	}
	return bursts
}

// linkFactor is the Sybil penalty of a reviewer's ties to this agent: 0 for self-review, and the product of
// the shared-owner, reciprocal and owner-cluster factors otherwise.
func linkFactor(p Params, r *reviewerState) float64 {
	if r.self {
		return 0
	}
	f := 1.0
	if r.shared {
		f *= p.SharedOwnerFactor
	}
	if r.reciprocal {
		f *= p.ReciprocalFactor
	}
	if r.cluster > 1 {
		f /= float64(r.cluster)
	}
	return f
}

// standing is the reviewer's standing when it gave feedback at t: StandingMin for an address with no
// history, up to 1 for an address old at the time, with settled jobs paid to other providers, that reviewed
// other agents. Jobs paid to this agent do not count: paying oneself must not buy standing.
func standing(p Params, r *reviewerState, t time.Time) float64 {
	age := t.Sub(r.firstSeen)
	ageScore := clamp(float64(age)/float64(p.StandingAgeFull), 0, 1)
	jobs := max(0, r.info.SettledJobsAsClient-r.paidJobs)
	jobsScore := clamp(math.Log1p(float64(jobs))/math.Log1p(float64(p.StandingJobsFull)), 0, 1)
	breadthScore := clamp(float64(r.info.AgentsReviewed-1)/float64(p.StandingBreadthFull), 0, 1)
	shares := p.StandingAgeShare + p.StandingJobsShare + p.StandingBreadthShare
	mix := (p.StandingAgeShare*ageScore + p.StandingJobsShare*jobsScore + p.StandingBreadthShare*breadthScore) / shares
	return p.StandingMin + (1-p.StandingMin)*mix
}

// capGroup scales the weights of the entries in ranges so that their sum is at most limit, and returns the
// sum after scaling.
func capGroup(es []fbEntry, ranges [][2]int, limit float64) float64 {
	s := sumRanges(es, ranges)
	if s <= limit || s <= 0 {
		return s
	}
	k := limit / s
	for _, rg := range ranges {
		for j := rg[0]; j < rg[1]; j++ {
			es[j].w *= k
		}
	}
	return limit
}

// sumRanges adds up the weights of the entries in ranges, in order.
func sumRanges(es []fbEntry, ranges [][2]int) float64 {
	var s float64
	for _, rg := range ranges {
		for j := rg[0]; j < rg[1]; j++ {
			s += es[j].w
		}
	}
	return s
}

// reviewerFlags raises the flags that follow from each reviewer's marks: self review, shared owner,
// reciprocity, bursts, unpaid majority and unknown reviewers.
func reviewerFlags(p Params, rs []reviewerState, bursts [][]int) []Flag {
	var self, shared, recip, unpaid, unknown []common.Address
	for _, r := range rs {
		switch {
		case r.self:
			self = append(self, r.addr)
		case r.shared:
			shared = append(shared, r.addr)
		}
		if r.reciprocal && !r.self {
			recip = append(recip, r.addr)
		}
		if r.paidJobs == 0 {
			unpaid = append(unpaid, r.addr)
		}
		if !r.known {
			unknown = append(unknown, r.addr)
		}
	}
	lim := p.FlagAddressLimit
	var flags []Flag
	if len(self) > 0 {
		flags = append(flags, Flag{Code: FlagSelfReview, Severity: SeverityHigh,
			Detail:    "feedback from this agent's owner, wallet or controller counts 0; " + addressList(len(self), lim),
			Addresses: sortedAddresses(self)})
	}
	if len(shared) > 0 {
		flags = append(flags, Flag{Code: FlagSharedOwner, Severity: SeverityHigh,
			Detail: "reviewers that control agents of this agent's owner or wallet count × " +
				ftoa(p.SharedOwnerFactor, 2) + "; " + addressList(len(shared), lim),
			Addresses: sortedAddresses(shared)})
	}
	if len(recip) > 0 {
		sev := SeverityWarn
		if 2*len(recip) >= len(rs) && len(recip) >= 2 {
			sev = SeverityHigh
		}
		flags = append(flags, Flag{Code: FlagReciprocalCluster, Severity: sev,
			Detail: "reviewers whose agents this agent's owner or wallet reviewed in return count × " +
				ftoa(p.ReciprocalFactor, 2) + "; " + itoa(len(recip)) + " of " + itoa(len(rs)) + " reviewers",
			Addresses: sortedAddresses(recip)})
	}
	for _, b := range bursts {
		addrs := make([]common.Address, len(b))
		for k, i := range b {
			addrs[k] = rs[i].addr
		}
		first, last := rs[b[0]].firstTime.UTC(), rs[b[len(b)-1]].firstTime.UTC()
		sev := SeverityWarn
		if 2*len(b) >= len(rs) {
			sev = SeverityHigh
		}
		flags = append(flags, Flag{Code: FlagFreshReviewerBurst, Severity: sev,
			Detail: itoa(len(b)) + " reviewers first active at most " + p.FreshWindow.String() +
				" before their feedback, between " + first.Format(time.RFC3339) + " and " + last.Format(time.RFC3339) +
				"; together they count at most " + ftoa(p.BurstCap, 2),
			Addresses: sortedAddresses(addrs)})
	}
	if len(rs) > 0 && 2*len(unpaid) > len(rs) {
		flags = append(flags, Flag{Code: FlagUnpaidMajority, Severity: SeverityInfo,
			Detail: itoa(len(unpaid)) + " of " + itoa(len(rs)) + " reviewers never paid this agent through a settled " +
				"escrow job; their feedback counts × " + ftoa(p.UnpaidWeight, 2) + " and at most " +
				ftoa(p.UnpaidPoolCap, 2) + " in all",
			Addresses: sortedAddresses(unpaid)})
	}
	if len(unknown) > 0 {
		flags = append(flags, Flag{Code: FlagUnknownReviewer, Severity: SeverityInfo,
			Detail:    "no reviewer data; scored as addresses with no history; " + addressList(len(unknown), lim),
			Addresses: sortedAddresses(unknown)})
	}
	return flags
}

// dominanceFlag flags one reviewer that holds more than DominanceShare of the feedback weight.
func dominanceFlag(p Params, rs []reviewerState, reviewerW []float64, total float64, entries int) []Flag {
	if total <= 0 || entries < p.DominanceMinEntries {
		return nil
	}
	top := 0
	for i := range reviewerW {
		if reviewerW[i] > reviewerW[top] {
			top = i
		}
	}
	share := reviewerW[top] / total
	if share <= p.DominanceShare {
		return nil
	}
	return []Flag{{Code: FlagSingleReviewerDominance, Severity: SeverityWarn,
		Detail: "one reviewer holds " + ftoa(100*share, 1) + "% of the feedback weight (" + itoa(rs[top].hi-rs[top].lo) +
			" of " + itoa(entries) + " entries)",
		Addresses: []common.Address{rs[top].addr}}}
}
