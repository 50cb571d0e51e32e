package gateway

import (
	"math"
	"slices"
	"strings"
	"time"
)

// filter is a search's filters resolved against the catalog's symbols, evaluated on documents.
type filter struct {
	q          *searchQuery
	impossible bool // a required value is unknown to the catalog: nothing can match
	capFilters bool

	trust, mcp, a2a, skills, domains []uint32 // all required (profile level)
	classes, attests                 uint32   // all required: profile union, then one capability
	risks, models                    uint32   // one of (0: any)
	langs                            []uint32 // each must be among the capability's tags or prefixes
	juris                            []uint32 // each must be declared, unless the capability is GLOBAL
	inputs, outputs                  [][]uint32
	symbol                           uint32
	capability                       string
	needPrice                        bool // filters or sort use effective price and latency

	// The summary check (pass): signature bits and flags every passing document has.
	langSig, symSig, jurisSig, profSig uint64
	flagsOn, flagsOff                  uint8
	maxPrice                           float64  // q.MaxPrice as a float64, a little above (+Inf: none)
	caps                               []capPre // the catalog's capability summaries
}

// newFilter resolves q's filter values. Callers hold the catalog's read lock.
func newFilter(q *searchQuery, c *catalog) *filter {
	f := &filter{q: q, capFilters: q.capabilityFiltered(), capability: strings.ToLower(q.Capability), caps: c.capPre}
	need := func(vs []string) []uint32 {
		out := make([]uint32, 0, len(vs))
		for _, v := range vs {
			id, ok := c.syms[v]
			if !ok {
				f.impossible = true
			}
			out = append(out, id)
		}
		return out
	}
	f.trust, f.mcp, f.a2a = need(q.SupportedTrust), need(q.MCPTools), need(q.A2ASkills)
	f.skills, f.domains = need(q.OASFSkills), need(q.OASFDomains)
	f.langs = need(q.Languages)
	f.classes, f.attests = bits(q.DataClasses, dataClasses), bits(q.Compliance, attestations)
	f.risks, f.models = bits(q.RiskClasses, riskClasses), bits(q.PricingModels, pricingModels)
	for _, j := range q.Jurisdictions {
		f.juris = append(f.juris, c.syms[j]) // 0 when unknown: only GLOBAL capabilities match
	}
	accept := func(types []string) []uint32 {
		var ids []uint32
		for _, t := range typeMatches(types[0]) {
			if id, ok := c.syms[t]; ok {
				ids = append(ids, id)
			}
		}
		if len(ids) == 0 {
			f.impossible = true
		}
		return ids
	}
	for _, v := range q.Inputs {
		f.inputs = append(f.inputs, accept([]string{v}))
	}
	for _, v := range q.Outputs {
		f.outputs = append(f.outputs, accept([]string{v}))
	}
	if q.TokenSymbol != "" {
		f.symbol = need([]string{q.TokenSymbol})[0]
	}
	f.needPrice = q.MaxPrice != nil || q.MaxLatencyMs != nil || q.Sort == "price" || q.Sort == "latency"
	f.langSig = sigOf(f.langs)
	if f.symbol != 0 {
		f.symSig = sigBits(f.symbol)
	}
	f.jurisSig = sigOf(f.juris)
	f.maxPrice = math.Inf(1)
	if q.MaxPrice != nil {
		f.maxPrice = priceFloat(q.MaxPrice) * (1 + 1e-9) // both roundings are far smaller
	}
	f.profSig = sigOf(f.trust, f.mcp, f.a2a, f.skills, f.domains)
	if q.X402 != nil && *q.X402 {
		f.flagsOn |= preX402
	} else if q.X402 != nil {
		f.flagsOff |= preX402
	}
	if q.Active != nil && *q.Active {
		f.flagsOn |= preActive
	} else if q.Active != nil {
		f.flagsOn |= preInactive
	}
	if q.Online != nil && *q.Online {
		f.flagsOn |= preLive
	}
	if q.MinReputation != nil {
		f.flagsOn |= preScored
	}
	return f
}

// pass checks a document's summary against the filters that it can answer: false means eval would
// reject the document too; true means nothing yet. Callers hold the catalog's read lock.
func (f *filter) pass(p *docPre) bool {
	q := f.q
	if f.impossible || p.classes&f.classes != f.classes || p.attests&f.attests != f.attests ||
		p.langSig&f.langSig != f.langSig || p.jurisSig&f.symSig != f.symSig || p.profSig&f.profSig != f.profSig ||
		p.flags&f.flagsOn != f.flagsOn || p.flags&f.flagsOff != 0 {
		return false
	}
	if len(f.juris) > 0 && p.flags&preGlobal == 0 && (p.jurisSig&f.jurisSig != f.jurisSig || slices.Contains(f.juris, 0)) {
		return false
	}
	live := p.flags&preLive != 0 // without a heartbeat, the declared prices and p95s are the effective ones
	if !live && ((q.MaxLatencyMs != nil && (p.minP95 == 0 || int64(p.minP95) > *q.MaxLatencyMs)) || p.minPrice > f.maxPrice) {
		return false
	}
	// Scores have two decimals: the float32 copy is off by far less than 0.001.
	if q.MinReputation != nil && float64(p.score) < *q.MinReputation-0.001 {
		return false
	}
	if !f.capFilters {
		return true
	}
	for i := range f.caps[p.capLo:p.capHi] {
		if f.capPass(&f.caps[p.capLo+int32(i)], live) {
			return true
		}
	}
	return false // one capability must pass every capability-level filter
}

// capPass checks a capability's summary against the capability-level filters it can answer.
func (f *filter) capPass(cp *capPre, live bool) bool {
	q := f.q
	if cp.classes&f.classes != f.classes || cp.attests&f.attests != f.attests || cp.langSig&f.langSig != f.langSig ||
		cp.jurisSig&f.symSig != f.symSig ||
		(f.risks != 0 && cp.risk&f.risks == 0) || (f.models != 0 && cp.model&f.models == 0) {
		return false
	}
	if len(f.juris) > 0 && !cp.global && (cp.jurisSig&f.jurisSig != f.jurisSig || slices.Contains(f.juris, 0)) {
		return false
	}
	return live || ((q.MaxLatencyMs == nil || (cp.p95 != 0 && int64(cp.p95) <= *q.MaxLatencyMs)) && cp.price <= f.maxPrice)
}

// docMayMatch rejects documents whose capabilities together lack a required capability-level value.
func (f *filter) docMayMatch(d *doc) bool {
	if !hasAll(d.langs, f.langs) || (f.symbol != 0 && !has(d.symbols, f.symbol)) {
		return false
	}
	if !d.global {
		for _, j := range f.juris {
			if j == 0 || !has(d.juris, j) {
				return false
			}
		}
	}
	for _, accepted := range f.inputs {
		if !hasAny(d.inputs, accepted) {
			return false
		}
	}
	for _, accepted := range f.outputs {
		if !hasAny(d.outputs, accepted) {
			return false
		}
	}
	return true
}

// none reports whether the search has no filter at all.
func (f *filter) none() bool {
	q := f.q
	return !f.capFilters && len(q.SupportedTrust)+len(q.MCPTools)+len(q.A2ASkills)+len(q.OASFSkills)+
		len(q.OASFDomains) == 0 && q.X402 == nil && q.Active == nil && q.Owner == nil && q.Online == nil &&
		q.MinReputation == nil
}

// eval checks d against every filter and fills h with d, its matched capabilities and their lowest
// effective price and latency. Callers hold the catalog's read lock.
func (f *filter) eval(d *doc, now time.Time, h *hit) bool {
	q := f.q
	if f.impossible || d.classes&f.classes != f.classes || d.attests&f.attests != f.attests ||
		!hasAll(d.trust, f.trust) || !hasAll(d.mcp, f.mcp) || !hasAll(d.a2a, f.a2a) ||
		!hasAll(d.skills, f.skills) || !hasAll(d.domains, f.domains) {
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
	online := d.hasBeat && d.beat.online(now)
	if q.Online != nil && online != *q.Online {
		return false
	}
	if q.MinReputation != nil && (!d.hasScore || d.score < *q.MinReputation) {
		return false
	}
	if f.capFilters && !f.docMayMatch(d) {
		return false
	}
	h.d, h.allCaps = d, !f.capFilters
	if !f.capFilters && !f.needPrice {
		return true // every capability matches; prices are read for the page only (prices)
	}
	return f.matchCaps(d, online, h, f.needPrice)
}

// prices fills the page hit h with its capabilities' lowest effective price and latency when eval skipped
// them. Callers hold the catalog's read lock.
func (f *filter) prices(h *hit, now time.Time) {
	if f.needPrice {
		return
	}
	f.matchCaps(h.d, h.d.hasBeat && h.d.beat.online(now), h, true)
}

// matchCaps checks each capability (when there are capability filters) and, with withPrice, computes the
// lowest effective price and latency of the matching ones.
func (f *filter) matchCaps(d *doc, online bool, h *hit, withPrice bool) bool {
	q := f.q
	h.caps, h.price, h.p95 = 0, nil, 0
	for i := range d.caps {
		cd := &d.caps[i]
		if f.capFilters && !f.capMatches(cd) {
			continue
		}
		if !withPrice {
			h.caps |= 1 << min(cd.idx, 63)
			continue
		}
		price := cd.price
		if online && d.beat.token == cd.token && d.beat.price != nil {
			price = d.beat.price
		}
		p95 := cd.p95
		if online && d.beat.p95 > 0 {
			p95 = d.beat.p95
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
		if cd.idx < 64 {
			h.caps |= 1 << cd.idx
		}
	}
	return !f.capFilters || h.caps != 0
}

// capMatches checks one capability against the capability-level filters other than price and latency.
func (f *filter) capMatches(cd *capDoc) bool {
	q := f.q
	if cd.classes&f.classes != f.classes || cd.attests&f.attests != f.attests ||
		(f.risks != 0 && cd.risk&f.risks == 0) || (f.models != 0 && cd.model&f.models == 0) ||
		(f.symbol != 0 && cd.symbol != f.symbol) || (q.Token != nil && cd.token != *q.Token) ||
		(q.MinThroughput != nil && cd.throughput < *q.MinThroughput) || !hasAll(cd.langs, f.langs) {
		return false
	}
	if !cd.global {
		for _, j := range f.juris {
			if j == 0 || !has(cd.juris, j) {
				return false
			}
		}
	}
	for _, accepted := range f.inputs {
		if !hasAny(cd.inputs, accepted) {
			return false
		}
	}
	for _, accepted := range f.outputs {
		if !hasAny(cd.outputs, accepted) {
			return false
		}
	}
	return f.capability == "" || strings.Contains(cd.name, f.capability)
}

// has reports whether the sorted set holds v.
func has(set []uint32, v uint32) bool {
	_, ok := slices.BinarySearch(set, v)
	return ok
}

func hasAll(set, want []uint32) bool {
	for _, v := range want {
		if !has(set, v) {
			return false
		}
	}
	return true
}

func hasAny(set, want []uint32) bool {
	for _, v := range want {
		if has(set, v) {
			return true
		}
	}
	return false
}
