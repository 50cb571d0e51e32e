package gateway

import (
	"slices"
	"strings"
	"time"
)

// filter evaluates a search's filters on catalog documents.
type filter struct {
	q          *searchQuery
	capFilters bool
	inputs     [][]string // per input filter: the declared types that accept it
	outputs    [][]string
	capability string // lowercased
}

func newFilter(q *searchQuery) *filter {
	f := &filter{q: q, capFilters: q.capabilityFiltered(), capability: strings.ToLower(q.Capability)}
	for _, v := range q.Inputs {
		f.inputs = append(f.inputs, typeMatches(v))
	}
	for _, v := range q.Outputs {
		f.outputs = append(f.outputs, typeMatches(v))
	}
	return f
}

// none reports whether the search has no filter at all.
func (f *filter) none() bool {
	q := f.q
	return !f.capFilters && len(q.SupportedTrust)+len(q.MCPTools)+len(q.A2ASkills)+len(q.OASFSkills)+
		len(q.OASFDomains)+len(q.DataClasses)+len(q.Compliance) == 0 &&
		q.X402 == nil && q.Active == nil && q.Owner == nil && q.Online == nil && q.MinReputation == nil
}

// eval checks d against every filter and fills h with d, its matched capabilities and their lowest
// effective price and latency. Callers hold the catalog's read lock.
func (f *filter) eval(c *catalog, d *doc, now time.Time, h *hit) bool {
	q := f.q
	if !containsAll(d.trust, q.SupportedTrust) || !containsAll(d.mcp, q.MCPTools) || !containsAll(d.a2a, q.A2ASkills) ||
		!containsAll(d.skills, q.OASFSkills) || !containsAll(d.domains, q.OASFDomains) ||
		!containsAll(d.classes, q.DataClasses) || !containsAll(d.attests, q.Compliance) {
		return false
	}
	if q.X402 != nil && d.x402 != *q.X402 {
		return false
	}
	if q.Active != nil && (d.active == nil || *d.active != *q.Active) {
		return false
	}
	if q.Owner != nil && d.owner != *q.Owner {
		return false
	}
	beat, hasBeat := c.live[d.id]
	online := hasBeat && beat.online(now)
	if q.Online != nil && online != *q.Online {
		return false
	}
	if q.MinReputation != nil {
		if sc, ok := c.scores[d.id]; !ok || sc < *q.MinReputation {
			return false
		}
	}
	h.d, h.allCaps = d, !f.capFilters
	for i := range d.caps {
		cd := &d.caps[i]
		if f.capFilters && !f.capMatches(cd) {
			continue
		}
		price := cd.price
		if online && beat.token == cd.token && beat.price != nil {
			price = beat.price
		}
		var p95 int64
		if cd.P95 != nil {
			p95 = *cd.P95
		}
		if online && beat.p95 > 0 {
			p95 = beat.p95
		}
		if q.MaxPrice != nil && (price == nil || price.Cmp(q.MaxPrice) > 0) {
			continue
		}
		if q.MaxLatencyMs != nil && (p95 == 0 || p95 > *q.MaxLatencyMs) {
			continue
		}
		if price != nil && (h.price == nil || price.Cmp(h.price) < 0) {
			h.price = price
		}
		if p95 > 0 && (h.p95 == 0 || p95 < h.p95) {
			h.p95 = p95
		}
		if f.capFilters && cd.Idx < 64 {
			h.caps |= 1 << cd.Idx
		}
	}
	return !f.capFilters || h.caps != 0
}

// capMatches checks one capability against the capability-level filters other than price and latency.
func (f *filter) capMatches(cd *capDoc) bool {
	q := f.q
	if f.capability != "" && !strings.Contains(cd.nameLowered, f.capability) {
		return false
	}
	for _, accepted := range f.inputs {
		if !overlaps(cd.Inputs, accepted) {
			return false
		}
	}
	for _, accepted := range f.outputs {
		if !overlaps(cd.Outputs, accepted) {
			return false
		}
	}
	for _, lang := range q.Languages {
		ok := false
		for _, l := range cd.Languages {
			l = strings.ToLower(l)
			if l == lang || strings.HasPrefix(l, lang+"-") {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	for _, j := range q.Jurisdictions {
		if !slices.Contains(cd.Juris, j) && !slices.Contains(cd.Juris, "GLOBAL") {
			return false
		}
	}
	if !containsAll(cd.Classes, q.DataClasses) || !containsAll(cd.Attests, q.Compliance) {
		return false
	}
	if len(q.RiskClasses) > 0 && !slices.Contains(q.RiskClasses, cd.Risk) {
		return false
	}
	if len(q.PricingModels) > 0 && !slices.Contains(q.PricingModels, cd.Model) {
		return false
	}
	if q.Token != nil && cd.token != *q.Token {
		return false
	}
	if q.TokenSymbol != "" && cd.Symbol != q.TokenSymbol {
		return false
	}
	if q.MinThroughput != nil && (cd.Throughput == nil || *cd.Throughput < *q.MinThroughput) {
		return false
	}
	return true
}

// containsAll reports whether have (any order) holds every value of want.
func containsAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}
