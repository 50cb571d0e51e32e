package gateway

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/agoralabs/agora/embed"
)

// Search ranking constants (docs/gateway.md explains them).
const (
	vectorCandidates   = 1000 // nearest neighbours of the query taken from the vector index
	rrfK               = 60   // reciprocal-rank-fusion constant for hybrid ranking
	hybridWindow       = 100  // best text hits fused in hybrid mode
	hybridVectorWindow = 40   // nearest neighbours fused in hybrid mode (results: at most the sum of both)
	typoMinLength      = 4    // shorter query words are never corrected
)

// agentSummary is one search result.
type agentSummary struct {
	ID             string            `json:"id"`
	AgentID        string            `json:"agentId"`
	Name           string            `json:"name"`
	Description    string            `json:"description"`
	Image          string            `json:"image,omitempty"`
	Owner          string            `json:"owner"`
	Wallet         *string           `json:"wallet"`
	Active         *bool             `json:"active"`
	X402Support    bool              `json:"x402Support"`
	SupportedTrust []string          `json:"supportedTrust"`
	Live           *liveStatus       `json:"live"`
	Reputation     *reputationBrief  `json:"reputation"`
	Price          *string           `json:"price"`        // the sort price: lowest effective price of the matched capabilities
	P95LatencyMs   *int64            `json:"p95LatencyMs"` // lowest effective p95 of the matched capabilities
	Capabilities   []json.RawMessage `json:"capabilities"` // the matched capability declarations, with "index"
	Rank           rankInfo          `json:"rank"`
}

// liveStatus is an agent's latest heartbeat as search and detail show it.
type liveStatus struct {
	Status       string    `json:"status"` // online, busy or offline (also when expired)
	Price        string    `json:"price"`
	Token        string    `json:"token"`
	P95LatencyMs int64     `json:"p95LatencyMs"`
	Capacity     int64     `json:"capacity"`
	ExpiresAt    time.Time `json:"expiresAt"`
	ReceivedAt   time.Time `json:"receivedAt"`
	Nonce        string    `json:"nonce"`
}

type reputationBrief struct {
	Score      float64   `json:"score"`
	Confidence float64   `json:"confidence"`
	Flags      []string  `json:"flags"`
	AsOf       time.Time `json:"asOf"`
}

// rankInfo explains a result's position.
type rankInfo struct {
	Sort   string   `json:"sort"`
	Score  *float64 `json:"score,omitempty"`  // relevance: the blended score
	Text   *float64 `json:"text,omitempty"`   // full-text + trigram score
	Vector *float64 `json:"vector,omitempty"` // cosine similarity of the query and the agent's embedding
}

type searchResponse struct {
	Agents     []agentSummary `json:"agents"`
	NextCursor *string        `json:"nextCursor"`
	Query      searchEcho     `json:"query"`
}

type searchEcho struct {
	Text      string   `json:"text,omitempty"`
	Mode      string   `json:"mode"`
	Sort      string   `json:"sort"`
	Limit     int      `json:"limit"`
	Corrected []string `json:"corrected,omitempty"` // query words replaced by a known word (typos)
}

func (s *Server) searchAgents(c *gin.Context) {
	q, p := s.parseSearch(c.Request.URL.Query())
	if p != nil {
		writeProblem(c, p)
		return
	}
	if p := s.warming(q); p != nil {
		c.Header("Retry-After", strconv.Itoa(warmRetryAfter))
		writeProblem(c, p)
		return
	}
	resp, err := s.search(c.Request.Context(), q)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	sendJSON(c, http.StatusOK, resp)
}

// search runs q against the in-memory catalog. Text matching is PostgreSQL full-text matching (english
// stems, every word required, each as a prefix, typos corrected to known words by trigram similarity) ranked
// by BM25; vector matching takes the nearest neighbours of the query's embedding among the agents that pass
// the filters; hybrid fuses both rankings (reciprocal rank fusion). The page is cut by keyset on (sort key,
// agent id) and read from PostgreSQL.
func (s *Server) search(ctx context.Context, q *searchQuery) (*searchResponse, error) {
	resp := &searchResponse{Agents: []agentSummary{}, Query: searchEcho{Text: q.Text, Mode: q.Mode, Sort: q.Sort, Limit: q.Limit}}
	useText := q.Text != "" && q.Mode != "vector"
	useVector := q.Text != "" && q.Mode != "text"
	var after *sortKey
	if q.After != nil {
		k, err := parseSortKey(q.Sort, q.After.Key)
		if err != nil {
			return nil, problem(http.StatusBadRequest, CodeInvalidCursor, "cursor is not one this query returned")
		}
		after = &k
	}
	now := time.Now()
	if useVector && useText {
		// The query's embedding and its nearest neighbours beside the PostgreSQL read of its lexemes.
		type nearestResult struct {
			qvec []float32
			hits []hit
			err  error
		}
		done := make(chan nearestResult, 1)
		go func() {
			var r nearestResult
			if r.qvec, r.err = s.vectors.embedQuery(ctx, q.Text); r.err == nil {
				cat := s.catalog
				cat.mu.RLock()
				r.hits = s.nearest(cat, newFilter(q, cat), r.qvec, vectorWindow(q), now)
				cat.mu.RUnlock()
			}
			done <- r
		}()
		words, corrected, err := s.queryTerms(ctx, q.Words)
		r := <-done
		if err != nil {
			return nil, err
		}
		if r.err != nil {
			return nil, r.err
		}
		resp.Query.Corrected = corrected
		return s.finish(ctx, q, resp, s.rankPage(q, words, r.qvec, after, now, func() []hit { return r.hits }))
	}
	var qvec []float32
	var words [][]termAlt
	if useText {
		var err error
		if words, resp.Query.Corrected, err = s.queryTerms(ctx, q.Words); err != nil {
			return nil, err
		}
	}
	if useVector {
		var err error
		if qvec, err = s.vectors.embedQuery(ctx, q.Text); err != nil {
			return nil, err
		}
	}
	return s.finish(ctx, q, resp, s.rankPage(q, words, qvec, after, now, nil))
}

// finish cuts the page to q.Limit with the cursor of the next one and reads its agents from PostgreSQL.
func (s *Server) finish(ctx context.Context, q *searchQuery, resp *searchResponse, page []*hit) (*searchResponse, error) {
	if len(page) > q.Limit {
		last := page[q.Limit-1]
		c := encodeCursor(q.hash, last.key.String(), last.d.id, q.offset()+q.Limit)
		resp.NextCursor = &c
		page = page[:q.Limit]
	}
	if err := s.hydrate(ctx, page, q.Sort, resp); err != nil {
		return nil, err
	}
	return resp, nil
}

// rankPage ranks the catalog for q (its words resolved to lexemes, its embedding qvec when vectors take
// part) and returns the page past the cursor key after, with one hit more than q.Limit when there is a
// next page: in memory, under the catalog's read lock. vecHits, when not nil, gives the nearest neighbours
// searched already (vectorWindow of them).
func (s *Server) rankPage(q *searchQuery, words [][]termAlt, qvec []float32, after *sortKey, now time.Time,
	vecHits func() []hit) []*hit {
	cat := s.catalog
	lexemes := cat.sortedLexemes()
	useText := q.Text != "" && q.Mode != "vector"
	useVector := q.Text != "" && q.Mode != "text"
	hybrid := useText && useVector && q.Sort == "relevance"

	// Every sort but hybrid relevance has a key per hit: the page is kept as the hits arrive (no list of all
	// matches). Hybrid relevance needs both rankings first.
	n := q.Limit + 1
	less := func(a, b *hit) int { return compareHits(a.key, a.d.id, b.key, b.d.id) }
	var page []*hit
	var hits []hit
	var textBest []*hit // hybrid: the best text hits (the fusion window), kept as they stream in
	byText := func(a, b *hit) int { return cmpDesc(a.t, b.t, a.d.id, b.d.id) }
	// keep offers a hit to the page (or hybrid's text window); false when it is not past the cursor.
	keep := func(h hit) bool {
		if hybrid {
			if len(textBest) == hybridWindow && byText(&h, textBest[hybridWindow-1]) >= 0 {
				return true
			}
			hp := new(hit)
			*hp = h
			textBest = insertBest(textBest, hp, hybridWindow, byText)
			return true
		}
		h.key = hitKey(q.Sort, &h, useVector)
		if after != nil && compareHits(h.key, h.d.id, *after, q.After.ID) <= 0 {
			return false
		}
		if len(page) == n && less(&h, page[n-1]) >= 0 {
			return true
		}
		hp := new(hit)
		*hp = h
		page = insertBest(page, hp, n, less)
		return true
	}

	cat.mu.RLock()
	f := newFilter(q, cat)
	switch {
	case useText || useVector:
		var textHits map[string]int  // hybrid: index of text hits by id, to add vector scores to
		var textSeen map[string]bool // both matchers, another sort: text hits are not kept twice
		var isText func(*doc) bool   // the same, when the text matches were scanned in the sort's order
		if useText && useVector && !hybrid {
			textSeen = map[string]bool{}
		}
		// The nearest neighbours that pass the filters (vectorWindow). With both matchers, the vector search
		// runs beside the text search, under this read lock (held until both are done), unless search ran
		// it already.
		k := vectorWindow(q)
		var nearest func() []hit
		switch {
		case useVector && vecHits != nil:
			// Searched before this lock (search: beside the PostgreSQL read of the query's lexemes): each
			// neighbour is checked again against the documents as they are now.
			nearest = func() []hit {
				var out []hit
				for _, v := range vecHits() {
					h := hit{v: v.v, hasV: true}
					if d := cat.byID[v.d.id]; d != nil && f.eval(d, now, &h) {
						out = append(out, h)
					}
				}
				return out
			}
		case useText && useVector:
			done := make(chan []hit, 1)
			go func() { done <- s.nearest(cat, f, qvec, k, now) }()
			nearest = func() []hit { return <-done }
		case useVector:
			nearest = func() []hit { return s.nearest(cat, f, qvec, k, now) }
		}
		switch {
		case useText && q.Sort == "relevance" && (hybrid || !useVector):
			// Ranked by the text score alone (the page in text mode, hybrid's text window): the matches are
			// taken in order, best first from a heap (scores and ids are in the catalog's arrays), and checked
			// against the filters only until the page or the window is full. A broad query matches tens of
			// thousands of agents, of which a page shows twenty.
			want, primary := n, func(a, b *textMatch) int { return cmp.Compare(a.key, b.key) } // the page's order
			if hybrid {
				want, primary = hybridWindow, func(a, b *textMatch) int { return cmp.Compare(b.t, a.t) } // the window's
			}
			buf := matchPool.Get().(*[]textMatch)
			defer matchPool.Put(buf)
			cands := (*buf)[:0]
			cat.textScores(words, lexemes, f, func(o int32, score float64) {
				if k := relevanceKey(score); hybrid || after == nil || k >= after.f { // else before the cursor
					cands = append(cands, textMatch{o: o, num: cat.nums[o], t: score, key: k})
				}
			})
			*buf = cands
			kept := 0
			bestFirst(cands, func(a, b *textMatch) bool {
				if c := primary(a, b); c != 0 {
					return c < 0
				}
				if a.num != b.num || a.num != noNum {
					return a.num < b.num
				}
				return compareIDs(cat.docs[a.o].id, cat.docs[b.o].id) < 0 // both beyond uint64
			}, func(c textMatch) bool {
				h := hit{t: c.t, hasT: true}
				if f.eval(cat.docs[c.o], now, &h) && keep(h) {
					kept++
				}
				return kept < want
			})
		case useText:
			// Sorted by a key (price, latency, reputation): many matches are taken in the sort's order and
			// checked only until the page is full (catalog.scanOrdered); a few are checked and keyed each.
			buf := matchPool.Get().(*[]textMatch)
			defer matchPool.Put(buf)
			cands := (*buf)[:0]
			cat.textScores(words, lexemes, f, func(o int32, score float64) {
				cands = append(cands, textMatch{o: o, t: score})
			})
			*buf = cands
			if so := cat.order(q.Sort); so != nil && len(cands) > orderedTextMin {
				board := getTextBoard(len(cat.docs))
				defer putTextBoard(board, cands)
				scores := *board
				for _, m := range cands {
					scores[m.o] = m.t
				}
				member := func(o int32) (float64, bool) { return scores[o], scores[o] >= 0 }
				if cat.scanOrdered(so, f, now, member, keep, &page, n, orderedTextBudget*len(cands)) {
					isText = func(d *doc) bool { return scores[d.ord] >= 0 }
					break
				}
				page = page[:0] // the matches lie far down the order: check and key each one instead
			}
			for _, m := range cands {
				h := hit{t: m.t, hasT: true}
				if f.eval(cat.docs[m.o], now, &h) {
					if textSeen != nil {
						textSeen[h.d.id] = true
					}
					keep(h)
				}
			}
		}
		if useVector {
			if hybrid {
				hits = make([]hit, 0, len(textBest)+k)
				textHits = make(map[string]int, len(textBest))
				for _, h := range textBest {
					textHits[h.d.id] = len(hits)
					hits = append(hits, *h)
				}
			}
			for _, h := range nearest() {
				if i, ok := textHits[h.d.id]; ok {
					hits[i].v, hits[i].hasV = h.v, true
					continue
				}
				if textSeen[h.d.id] || (isText != nil && isText(h.d)) {
					continue
				}
				if hybrid {
					hits = append(hits, h)
				} else {
					keep(h)
				}
			}
		}
	default:
		// Filters only: in the sort's order, until the page is full (every document until the orderings
		// are built).
		if so := cat.order(q.Sort); so != nil {
			cat.scanOrdered(so, f, now, nil, keep, &page, n, 0)
			break
		}
		for o, d := range cat.docs {
			var h hit
			if d != nil && f.pass(&cat.pre[o]) && f.eval(d, now, &h) {
				keep(h)
			}
		}
	}
	cat.mu.RUnlock()

	if hybrid {
		hits = rankRelevance(hits, hybridWindow)
		kept := hits[:0]
		for _, h := range hits {
			if after == nil || compareHits(h.key, h.d.id, *after, q.After.ID) > 0 {
				kept = append(kept, h)
			}
		}
		page = topN(kept, n)
	}
	cat.mu.RLock()
	for _, h := range page {
		f.prices(h, now)
	}
	cat.mu.RUnlock()
	return page
}

// vectorWindow is how many nearest neighbours that pass the filters q takes: as many as its page needs in
// vector mode (up to 1,000 results in all), a fixed window to fuse with the text ranking when text matches
// too (so that every page fuses the same rankings).
func vectorWindow(q *searchQuery) int {
	if q.Mode != "vector" {
		return hybridVectorWindow
	}
	return min(q.Limit+1+q.offset(), vectorCandidates)
}

// nearest returns the k nearest neighbours of qvec that pass f, nearest first, as hits. The index is asked
// with the summary check only (filter.pass: a few nanoseconds, nearly exact for most filters) for a few more
// than k, and the full check runs on what it returns; only when that leaves fewer than k while the index
// had more does the index search again with the full check on every candidate. Callers hold cat.mu for
// reading.
func (s *Server) nearest(cat *catalog, f *filter, qvec []float32, k int, now time.Time) []hit {
	evalAll := func(vs []embed.Hit) []hit {
		out := make([]hit, 0, len(vs))
		for _, v := range vs {
			h := hit{v: float64(v.Score), hasV: true}
			if d := cat.byID[v.ID]; d != nil && f.eval(d, now, &h) {
				out = append(out, h)
			}
		}
		return out
	}
	if f.none() {
		return evalAll(s.vectors.idx.SearchNum(qvec, k, nil))
	}
	summary := func(num uint64, id string) bool {
		o := cat.ordByNum(num, id)
		return o >= 0 && f.pass(&cat.pre[o])
	}
	ask := k + k/4 + 5
	vs := s.vectors.idx.SearchNum(qvec, ask, summary)
	if out := evalAll(vs); len(out) >= k || len(vs) < ask {
		return out[:min(k, len(out))]
	}
	full := func(num uint64, id string) bool {
		o := cat.ordByNum(num, id)
		var h hit
		return o >= 0 && f.pass(&cat.pre[o]) && f.eval(cat.docs[o], now, &h)
	}
	return evalAll(s.vectors.idx.SearchNum(qvec, k, full))
}

// hitKey returns h's ascending sort key for every sort but hybrid relevance.
func hitKey(sort string, h *hit, vector bool) sortKey {
	switch sort {
	case "relevance":
		score := h.t
		if vector {
			score = h.v
		}
		h.score = -relevanceKey(score)
		return sortKey{f: -h.score}
	case "reputation":
		if h.d.hasScore {
			return sortKey{f: -h.d.score}
		}
	case "price":
		if h.price != nil {
			return sortKey{i: h.price}
		}
	case "latency":
		if h.p95 > 0 {
			return sortKey{i: big.NewInt(h.p95)}
		}
	}
	return sortKey{none: true}
}

// withIndex returns a capability declaration (a JSON object, which never has an "index" member: the schema
// closes it) with its index in the registration file added first. Composing it here is several times
// cheaper than in PostgreSQL (jsonb_build_object || declaration), and search pages carry many.
func withIndex(idx int, decl string) json.RawMessage {
	rest := strings.TrimPrefix(strings.TrimSpace(decl), "{")
	if strings.TrimSpace(rest) != "}" {
		rest = "," + rest
	}
	return json.RawMessage(`{"index":` + strconv.Itoa(idx) + rest)
}

// relevanceKey is the ascending sort key of a relevance score: the score negated, rounded to a stable
// decimal for cursors.
func relevanceKey(score float64) float64 { return -math.Round(score*1e12) / 1e12 }

// textMatch is a text match awaiting the filters: its ordinal, agent number (catalog.nums), score and
// relevanceKey.
type textMatch struct {
	o      int32
	num    uint64
	t, key float64
}

// bestFirst calls yield with the matches in the order less gives (a strict total order), until yield returns
// false or none is left: a binary heap, built in linear time, so that taking a page from tens of thousands of
// matches costs one pass over them and a few comparisons per match taken. It reorders ms.
func bestFirst(ms []textMatch, less func(a, b *textMatch) bool, yield func(textMatch) bool) {
	down := func(i, n int) {
		for {
			j := 2*i + 1
			if j >= n {
				return
			}
			if r := j + 1; r < n && less(&ms[r], &ms[j]) {
				j = r
			}
			if !less(&ms[j], &ms[i]) {
				return
			}
			ms[i], ms[j] = ms[j], ms[i]
			i = j
		}
	}
	n := len(ms)
	for i := n/2 - 1; i >= 0; i-- {
		down(i, n)
	}
	for n > 0 && yield(ms[0]) {
		n--
		ms[0] = ms[n]
		down(0, n)
	}
}

// matchPool recycles the text matches of a search (thousands for a broad query).
var matchPool = sync.Pool{New: func() any { return new([]textMatch) }}

// orderedTextMin is how many text matches make a search sorted by a key scan them in the sort's order
// rather than key each one (a variable for the tests); such a scan gives up after orderedTextBudget
// documents of the order per match (looking at one costs a fraction of checking and keying a match), and
// the matches are then checked and keyed each.
var (
	orderedTextMin    = 512
	orderedTextBudget = 16
)

// textBoards recycles the text scores by ordinal (-1: not a match) of the searches that scan their matches
// in a sort's order.
var textBoards = sync.Pool{New: func() any { return new([]float64) }}

func getTextBoard(n int) *[]float64 {
	b := textBoards.Get().(*[]float64)
	for len(*b) < n {
		*b = append(*b, -1)
	}
	return b
}

// putTextBoard clears the matches' scores and recycles the board.
func putTextBoard(b *[]float64, ms []textMatch) {
	for _, m := range ms {
		(*b)[m.o] = -1
	}
	textBoards.Put(b)
}

// hit is one agent that matched, with what ranks it.
type hit struct {
	d          *doc
	t, v       float64 // text and vector scores
	hasT, hasV bool
	score      float64  // relevance
	price      *big.Int // lowest effective price of the matched capabilities; nil when none
	p95        int64    // lowest effective p95 of the matched capabilities; 0 when none
	caps       uint64   // matched capabilities (bit i: the declaration at index i); 0 with allCaps
	allCaps    bool     // no capability filter: every capability matched
	key        sortKey
}

// rankRelevance sets each hybrid hit's relevance, the reciprocal rank fusion of both rankings,
// 1/(k + text rank) + 1/(k + vector rank), over the best window text hits (as Elasticsearch's
// rank_window_size) and the vector hits: hits in neither window are dropped. It returns the ranked hits.
func rankRelevance(hits []hit, window int) []hit {
	fuse := func(less func(a, b *hit) int, has func(h *hit) bool) {
		order := make([]*hit, 0, window+1)
		for i := range hits {
			if h := &hits[i]; has(h) {
				order = insertBest(order, h, window, less)
			}
		}
		for r, h := range order {
			h.score += 1 / float64(rrfK+r+1)
		}
	}
	fuse(func(a, b *hit) int { return cmpDesc(a.t, b.t, a.d.id, b.d.id) }, func(h *hit) bool { return h.hasT })
	fuse(func(a, b *hit) int { return cmpDesc(a.v, b.v, a.d.id, b.d.id) }, func(h *hit) bool { return h.hasV })
	kept := hits[:0]
	for _, h := range hits {
		if h.score > 0 {
			h.score = math.Round(h.score*1e12) / 1e12 // a stable decimal for cursors
			h.key = sortKey{f: -h.score}
			kept = append(kept, h)
		}
	}
	return kept
}

// insertBest keeps best sorted and at most n long while adding h: O(log n) to find the place.
func insertBest(best []*hit, h *hit, n int, less func(a, b *hit) int) []*hit {
	if len(best) == n && less(h, best[n-1]) >= 0 {
		return best
	}
	j, _ := slices.BinarySearchFunc(best, h, less)
	best = slices.Insert(best, j, h)
	if len(best) > n {
		best = best[:n]
	}
	return best
}

func cmpDesc(a, b float64, ida, idb string) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return compareIDs(ida, idb)
}

// sortKey is an ascending sort key: a float (relevance and reputation, negated), an integer (price and
// latency), or none (sorts last).
type sortKey struct {
	f    float64
	i    *big.Int
	none bool
}

func (k sortKey) String() string {
	switch {
	case k.none:
		return "none"
	case k.i != nil:
		return k.i.String()
	}
	return strconv.FormatFloat(k.f, 'f', -1, 64)
}

func parseSortKey(sort, s string) (sortKey, error) {
	if s == "none" {
		return sortKey{none: true}, nil
	}
	switch sort {
	case "price", "latency":
		i, ok := new(big.Int).SetString(s, 10)
		if !ok {
			return sortKey{}, fmt.Errorf("bad key %q", s)
		}
		return sortKey{i: i}, nil
	}
	f, ok := parseFinite(s)
	if !ok {
		return sortKey{}, fmt.Errorf("bad key %q", s)
	}
	return sortKey{f: f}, nil
}

func compareKeys(a, b sortKey) int {
	switch {
	case a.none || b.none:
		if a.none == b.none {
			return 0
		}
		if a.none {
			return 1
		}
		return -1
	case a.i != nil && b.i != nil:
		return a.i.Cmp(b.i)
	case a.f < b.f:
		return -1
	case a.f > b.f:
		return 1
	}
	return 0
}

// compareIDs orders decimal agent ids numerically.
func compareIDs(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}

func compareHits(k sortKey, id string, k2 sortKey, id2 string) int {
	if c := compareKeys(k, k2); c != 0 {
		return c
	}
	return compareIDs(id, id2)
}

// topN returns the n smallest hits by (key, id), in order.
func topN(hits []hit, n int) []*hit {
	less := func(a, b *hit) int { return compareHits(a.key, a.d.id, b.key, b.d.id) }
	// Keep a sorted buffer of the n best: O(len(hits) · log n) for the usual small n.
	best := make([]*hit, 0, n+1)
	for i := range hits {
		best = insertBest(best, &hits[i], n, less)
	}
	return best
}

// hydrate reads the page's agents from PostgreSQL in order: the catalog holds what ranks them, the
// database what they show.
func (s *Server) hydrate(ctx context.Context, page []*hit, sortBy string, resp *searchResponse) error {
	if len(page) == 0 {
		return nil
	}
	ids := make([]string, len(page))
	caps := make([]*string, len(page))
	for i, h := range page {
		ids[i] = h.d.id
		if !h.allCaps {
			var parts []string
			for j := range 64 {
				if h.caps&(1<<j) != 0 {
					parts = append(parts, strconv.Itoa(j))
				}
			}
			c := "{" + strings.Join(parts, ",") + "}"
			caps[i] = &c
		}
	}
	base := len(resp.Agents)
	_, err := s.replica.fresh(ctx, func(db *pgxpool.Pool) error {
		resp.Agents = resp.Agents[:base] // read again from the primary after a failure on the replica
		return s.hydrateFrom(ctx, db, page, ids, caps, sortBy, resp)
	})
	return err
}

// hydrateFrom is hydrate's read, from db.
func (s *Server) hydrateFrom(ctx context.Context, db *pgxpool.Pool, page []*hit, ids []string, caps []*string, sortBy string, resp *searchResponse) error {
	rows, err := db.Query(ctx, `SELECT x.ord, x.agent_id::text, p.name, p.description, p.image,
			'0x' || encode(a.owner, 'hex'), '0x' || encode(a.agent_wallet, 'hex'), p.active, p.x402_support, p.supported_trust,
			h.status, h.price::text, '0x' || encode(h.token, 'hex'), h.p95_ms, h.capacity, h.expires_at, h.received_at, h.nonce::text,
			s.score::float8, s.confidence, s.flags, s.as_of, cs.idxs, cs.decls
		FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(agent_id, caps, ord)
		JOIN agent_profiles p ON p.agent_id = x.agent_id::numeric
		JOIN agents a ON a.agent_id = p.agent_id
		LEFT JOIN heartbeats h ON h.agent_id = p.agent_id
		LEFT JOIN agent_scores s ON s.agent_id = p.agent_id
		LEFT JOIN LATERAL (SELECT array_agg(c.idx ORDER BY c.idx) AS idxs, array_agg(c.declaration::text ORDER BY c.idx) AS decls
			FROM agent_capabilities c WHERE c.agent_id = p.agent_id AND (x.caps IS NULL OR c.idx = ANY(x.caps::int[]))) cs ON true
		ORDER BY x.ord`, ids, caps)
	if err != nil {
		return fmt.Errorf("search: %w: %w", errUnavailable, err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			a                               agentSummary
			ord                             int64
			wallet, hbPrice, hbToken, nonce *string
			hbStatus                        *int16
			hbP95, hbCap                    *int64
			hbExp, hbRecv                   *time.Time
			sc                              scoreColumns
			capIdxs                         []int32
			capDecls                        []string
		)
		if err := rows.Scan(append([]any{&ord, &a.AgentID, &a.Name, &a.Description, &a.Image, &a.Owner, &wallet,
			&a.Active, &a.X402Support, &a.SupportedTrust, &hbStatus, &hbPrice, &hbToken, &hbP95, &hbCap, &hbExp,
			&hbRecv, &nonce}, append(sc.dest(), &capIdxs, &capDecls)...)...); err != nil {
			return fmt.Errorf("search: scan: %w", err)
		}
		h := page[ord-1]
		a.ID = s.globalID(a.AgentID)
		a.Wallet = wallet
		if hbStatus != nil {
			a.Live = &liveStatus{Status: heartbeatStatus(*hbStatus, *hbExp), Price: *hbPrice, Token: *hbToken,
				P95LatencyMs: *hbP95, Capacity: *hbCap, ExpiresAt: hbExp.UTC(), ReceivedAt: hbRecv.UTC(), Nonce: *nonce}
		}
		a.Reputation = sc.brief()
		if h.price != nil {
			p := h.price.String()
			a.Price = &p
		}
		if h.p95 > 0 {
			p95 := h.p95
			a.P95LatencyMs = &p95
		}
		a.Capabilities = make([]json.RawMessage, 0, len(capDecls))
		for i, decl := range capDecls {
			a.Capabilities = append(a.Capabilities, withIndex(int(capIdxs[i]), decl))
		}
		a.Rank = rankInfo{Sort: sortBy}
		if sortBy == "relevance" {
			score := h.score
			a.Rank.Score = &score
		}
		if h.hasT {
			t := math.Round(h.t*1e6) / 1e6
			a.Rank.Text = &t
		}
		if h.hasV {
			v := math.Round(h.v*1e6) / 1e6
			a.Rank.Vector = &v
		}
		resp.Agents = append(resp.Agents, a)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("search: %w: %w", errUnavailable, err)
	}
	return nil
}

// heartbeatStatus names a stored heartbeat's status as of now: expired heartbeats read offline.
func heartbeatStatus(status int16, expires time.Time) string {
	if !time.Now().Before(expires) {
		return "offline"
	}
	switch status {
	case 1:
		return "online"
	case 2:
		return "busy"
	}
	return "offline"
}

// queryTerms turns the query words into lexeme alternatives with PostgreSQL's english text search
// configuration: each word matches its stems as prefixes or, when the word is unknown to the index, the
// stems of the closest known word (a typo fix: trigram-similar candidates from search_words, the fewest
// edits winning, at most one edit per three letters). Stop words drop out.
func (s *Server) queryTerms(ctx context.Context, ws []string) ([][]termAlt, []string, error) {
	rows, err := s.pool.Query(ctx, `SELECT w.word, ARRAY(SELECT lexeme FROM unnest(to_tsvector('english', w.word))),
			fix.word, ARRAY(SELECT lexeme FROM unnest(to_tsvector('english', COALESCE(fix.word, ''))))
		FROM unnest($1::text[]) WITH ORDINALITY AS w(word, ord)
		LEFT JOIN LATERAL (SELECT k.word FROM search_words k
			WHERE length(w.word) >= $2 AND NOT EXISTS (SELECT 1 FROM search_words e WHERE e.word = w.word)
			  AND k.word % w.word AND levenshtein(k.word, w.word) <= greatest(1, length(w.word) / 3)
			ORDER BY levenshtein(k.word, w.word), similarity(k.word, w.word) DESC, k.word LIMIT 1) fix ON true
		ORDER BY w.ord`, ws, typoMinLength)
	if err != nil {
		return nil, nil, fmt.Errorf("search: %w: %w", errUnavailable, err)
	}
	defer rows.Close()
	var out [][]termAlt
	var corrected []string
	for rows.Next() {
		var word string
		var stems, fixStems []string
		var fix *string
		if err := rows.Scan(&word, &stems, &fix, &fixStems); err != nil {
			return nil, nil, fmt.Errorf("search: %w", err)
		}
		var alts []termAlt
		for _, st := range stems {
			alts = append(alts, termAlt{lexeme: st, prefix: true})
		}
		if fix != nil {
			corrected = append(corrected, word+"→"+*fix)
			for _, st := range fixStems {
				alts = append(alts, termAlt{lexeme: st})
			}
		}
		if len(alts) > 0 {
			out = append(out, alts)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("search: %w: %w", errUnavailable, err)
	}
	return out, corrected, nil
}

// typeMatches returns the declared types that accept the media type v: itself, its type/* and */*.
func typeMatches(v string) []string {
	out := []string{v}
	if i := strings.IndexByte(v, '/'); i > 0 && !strings.HasSuffix(v, "/*") {
		out = append(out, v[:i]+"/*")
	}
	return append(out, "*/*")
}
