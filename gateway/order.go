package gateway

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// Orderings: for each sort with a key per document (price, latency, reputation) the catalog keeps its live
// documents in the ascending order of a lower bound of that key, so that a page of a broad search (filters
// only, or a text query with thousands of matches, sorted by price, say) is a scan in that order that stops
// once the page is full and the next document's bound lies beyond the page's last key, instead of filtering
// and keying every match. The bound holds for any query and at any time:
//
//   - price: the lowest declared price of the document's capabilities, and its heartbeat's price when a
//     capability is priced in the heartbeat's token (whether the heartbeat is online or not);
//   - latency: the lowest declared p95 of its capabilities, and its heartbeat's p95 when it has capabilities;
//   - reputation: its score, negated (the key itself).
//
// The key a query gives a document (of its matched capabilities, the live values of an online heartbeat
// only) is never below the bound; a bound of +Inf means the key is none for every query. The bounds are
// kept as floats and compared with a margin (prices above 2⁵³ round); documents whose bound is exactly the
// page's last key come in agent id order, so that ties (many agents at one price or score) stop the scan too.
//
// An ordering is rebuilt in the background; in between, a document inserted after the build, or whose
// bound fell below the one it was sorted by (a cheaper heartbeat, a higher score), is "dirty": evaluated on
// its own by every search, beside the scan. A bound that rises leaves the order valid (only less tight).

// orderSorts are the sorts with an ordering, in catalog.orders.
var orderSorts = [...]string{"price", "latency", "reputation"}

func orderIndex(sort string) int {
	for i, s := range orderSorts {
		if s == sort {
			return i
		}
	}
	return -1
}

// sortOrder is one sort's ordering of the catalog's documents.
type sortOrder struct {
	entries []orderEntry // live documents at the build, ascending by (bound, agent id)
	bound   []float64    // by ordinal: the bound the document was sorted by (ordinals below built)
	built   int32        // len(catalog.docs) at the build
	dirty   []int32      // ordinals to evaluate apart from the scan
	isDirty []bool       // by ordinal (every ordinal from built on is dirty)
}

type orderEntry struct {
	bound float64
	ord   int32
}

// orderRebuildAt is how many dirty documents make a search ask for a rebuild (plus one per 32 documents).
const orderRebuildAt = 256

// bound returns document o's lower bound of its key for orderSorts[si]. Callers hold mu.
func (c *catalog) bound(si int, o int32) float64 {
	p := &c.pre[o]
	switch orderSorts[si] {
	case "price":
		b := p.minPrice
		if p.flags&preLive != 0 {
			if d := c.docs[o]; d != nil && d.hasBeat && d.beat.price != nil {
				for i := range d.caps {
					if d.caps[i].token == d.beat.token {
						b = min(b, priceFloat(d.beat.price))
						break
					}
				}
			}
		}
		return b
	case "latency":
		b := math.Inf(1)
		if p.minP95 > 0 {
			b = float64(p.minP95)
		}
		if p.flags&preLive != 0 {
			if d := c.docs[o]; d != nil && d.hasBeat && d.beat.p95 > 0 && len(d.caps) > 0 {
				b = min(b, float64(d.beat.p95))
			}
		}
		return b
	default: // reputation: the key itself, -score
		if d := c.docs[o]; d != nil && d.hasScore {
			return -d.score
		}
		return math.Inf(1)
	}
}

// buildOrders builds every ordering from the current documents. Callers hold mu (for reading at least)
// and store the result with setOrders.
func (c *catalog) buildOrders() [len(orderSorts)]*sortOrder {
	var out [len(orderSorts)]*sortOrder
	n := int32(len(c.docs))
	for si := range orderSorts {
		so := &sortOrder{bound: make([]float64, n), built: n, isDirty: make([]bool, n),
			entries: make([]orderEntry, 0, len(c.byID))}
		for o, d := range c.docs {
			if d == nil {
				continue
			}
			b := c.bound(si, int32(o))
			so.bound[o] = b
			so.entries = append(so.entries, orderEntry{bound: b, ord: int32(o)})
		}
		slices.SortFunc(so.entries, func(a, b orderEntry) int {
			if c := cmp.Compare(a.bound, b.bound); c != 0 {
				return c
			}
			return c.compareOrds(a.ord, b.ord)
		})
		out[si] = so
	}
	return out
}

// compareOrds orders two documents by agent id.
func (c *catalog) compareOrds(a, b int32) int {
	na, nb := c.nums[a], c.nums[b]
	if na != nb || na != noNum {
		return cmp.Compare(na, nb)
	}
	return compareIDs(c.docs[a].id, c.docs[b].id)
}

// setOrders installs orderings built under mu (held for reading at least, so that no change fell between
// the build and this).
func (c *catalog) setOrders(orders [len(orderSorts)]*sortOrder) {
	for i, so := range orders {
		c.orders[i].Store(so)
	}
}

// dropOrders forgets every ordering (ordinals changed). Callers hold mu.
func (c *catalog) dropOrders() {
	for i := range c.orders {
		c.orders[i].Store(nil)
	}
}

// ordersInserted marks ordinal o, just added, dirty in every ordering. Callers hold mu.
func (c *catalog) ordersInserted(o int32) {
	for i := range c.orders {
		if so := c.orders[i].Load(); so != nil {
			so.isDirty = append(so.isDirty, true)
			so.dirty = append(so.dirty, o)
		}
	}
}

// ordersChanged marks document o dirty in the orderings where its bound fell below the one it was sorted
// by (after its heartbeat or score changed). Callers hold mu.
func (c *catalog) ordersChanged(o int32) {
	for i := range c.orders {
		so := c.orders[i].Load()
		if so == nil || so.isDirty[o] {
			continue
		}
		if c.bound(i, o) < so.bound[o] {
			so.isDirty[o] = true
			so.dirty = append(so.dirty, o)
		}
	}
}

// order returns the ordering of sort, or nil (none yet: the caller scans every document), asking for a
// rebuild when there is none or too many documents are dirty. Callers hold mu for reading.
func (c *catalog) order(sort string) *sortOrder {
	si := orderIndex(sort)
	if si < 0 || c.ordersOff {
		return nil
	}
	so := c.orders[si].Load()
	if so == nil || len(so.dirty) > orderRebuildAt+len(c.docs)/32 {
		c.rebuildOrders()
	}
	return so
}

// rebuildOrders rebuilds the orderings in the background (one rebuild at a time).
func (c *catalog) rebuildOrders() {
	if !c.building.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer c.building.Store(false)
		c.mu.RLock()
		defer c.mu.RUnlock()
		c.setOrders(c.buildOrders())
	}()
}

// scanOrdered offers keep, in so's order (its dirty documents first), every live document that passes f
// and, with member, is a member (text matches: member returns the text score), until page (kept in (key,
// id) order, n long when full) is full and no later document can enter it. keep returns whether the hit
// is past the cursor. It gives up, returning false, after looking at budget documents of the order (0:
// no limit). Callers hold mu for reading.
func (c *catalog) scanOrdered(so *sortOrder, f *filter, now time.Time, member func(o int32) (float64, bool),
	keep func(hit) bool, page *[]*hit, n, budget int) bool {
	offer := func(o int32) {
		var h hit
		if member != nil { // first: most documents are not members, and this is a small array
			t, ok := member(o)
			if !ok {
				return
			}
			h.t, h.hasT = t, true
		}
		if d := c.docs[o]; d != nil && f.pass(&c.pre[o]) && f.eval(d, now, &h) {
			keep(h)
		}
	}
	for _, o := range so.dirty {
		offer(o)
	}
	for o := so.built; o < int32(len(c.docs)); o++ {
		if !so.isDirty[o] { // every ordinal from built on is listed dirty already; guard all the same
			offer(o)
		}
	}
	var last *hit
	var lastF float64
	var lastExact bool
	for i, e := range so.entries {
		if len(*page) == n {
			if l := (*page)[n-1]; l != last {
				last = l
				lastF, lastExact = keyFloat(l.key)
			}
			if c.beyond(e, last, lastF, lastExact) {
				return true // this document and every later one sort after the page's last
			}
		}
		if i == budget && budget > 0 {
			return false
		}
		if !so.isDirty[e.ord] {
			offer(e.ord)
		}
	}
	return true
}

// keyFloat is a sort key as a float (+Inf: none), rounded to nearest, and whether that is exact.
func keyFloat(k sortKey) (float64, bool) {
	switch {
	case k.none:
		return math.Inf(1), true
	case k.i != nil:
		f := priceFloat(k.i)
		return f, k.i.IsInt64() && math.Abs(f) <= 1<<53
	}
	return k.f, true
}

// beyond reports whether entry e, and so every later one, sorts after last, the page's last hit, whose key
// is lastF (exact or not): when its bound is above that key, allowing for the rounding of both to floats
// (relative error under 2⁻⁵³ each); when its bound is exactly that key and its agent id is higher (ties are
// in id order); when both keys are none and its agent id is higher. Callers hold mu for reading.
func (c *catalog) beyond(e orderEntry, last *hit, lastF float64, lastExact bool) bool {
	switch {
	case math.IsInf(lastF, 1):
		return math.IsInf(e.bound, 1) && c.compareOrds(e.ord, last.d.ord) > 0
	case e.bound > lastF+math.Abs(lastF)*1e-12:
		return true
	case e.bound == lastF && lastExact:
		return c.compareOrds(e.ord, last.d.ord) > 0
	}
	return false
}
