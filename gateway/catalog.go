package gateway

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// catalog is the gateway's in-memory search index over agent_profiles and agent_capabilities, plus the live
// inputs of filters and sorts (heartbeats, reputation scores, owners). PostgreSQL stays the source of
// truth: documents are (re)loaded on the indexer's notifications, and only the page of results is read back
// from PostgreSQL. Text matching uses PostgreSQL's own text search: a document's terms are the lexemes of its
// tsvector (english stemming) and a query's are those of to_tsvector of its words, so that matching here is
// exactly PostgreSQL full-text matching with prefix queries; ranking (BM25 over those lexemes) and filtering
// run here, where they cost microseconds per candidate instead of tens.
type catalog struct {
	pool *pgxpool.Pool
	log  *slog.Logger

	mu       sync.RWMutex
	docs     []*doc               // by ordinal; nil once replaced or removed
	byID     map[string]*doc      // live documents
	byNum    []int32              // ordinal+1 of live documents by agent id below maxDenseID (vector filters); 0: none
	postings map[string]*[]uint32 // lexeme -> ordinal<<1 | 1 when the lexeme is in the doc's rank set; ascending
	lexemes  []string             // sorted keys of postings (rebuilt when dirty)
	lexDirty bool
	dead     int     // dead ordinals still in postings
	totalLen float64 // sum of live documents' lexeme counts (BM25 length normalisation)

	live   map[string]liveBeat // heartbeats
	scores map[string]float64  // reputation
	syms   symbols             // interned filter values
	norm   []float32           // per ordinal: BM25 length normalisation at load (0: dead)
	pre    []docPre            // per ordinal: the summary filters check first
	capPre []capPre            // capability summaries, docPre.capLo to capHi for each document
	nums   []uint64            // per ordinal: the agent id as a number (noNum: above 2⁶⁴-2), to order ties

	// orders are the orderings of the sorts with a key per document (order.go): written under mu, or
	// under mu held for reading by one rebuild at a time (building), read under mu.
	orders    [len(orderSorts)]atomic.Pointer[sortOrder]
	building  atomic.Bool
	ordersOff bool // tests: every search evaluates every candidate, as before the orderings

	beatsSeen  time.Time // newest heartbeat received_at loaded
	scoresSeen time.Time // newest as_of loaded
	block      int64     // last indexer block seen
}

// doc is one agent's search document. Filter values are interned (sym) and small enumerations are bit
// masks, so that a filter check costs a few nanoseconds.
type doc struct {
	ord     int32
	id      string
	owner   common.Address
	x402    bool
	active  *bool
	trust   []uint32
	mcp     []uint32
	a2a     []uint32
	skills  []uint32
	domains []uint32
	classes uint32 // union of the capabilities' data classes (bits of dataClasses)
	attests uint32 // union of their attestations (bits of attestations)
	caps    []capDoc
	// Unions over the capabilities, to reject a document before looking at each capability.
	langs, juris, inputs, outputs, symbols []uint32
	global                                 bool
	rank                                   []string // lexemes of the name, capability names and tags (sorted): matches there weigh more
	length                                 int      // number of lexemes

	// Live inputs, mirrored from catalog.live and catalog.scores.
	beat     liveBeat
	hasBeat  bool
	score    float64
	hasScore bool
}

// docPre is a document's summary for cheap rejection: most filters are first checked on this small value,
// held in one array by ordinal, instead of on the document behind a pointer (a cache miss per candidate,
// which was most of a broad query's cost at 100,000 agents). It only rejects; eval checks what passes.
type docPre struct {
	classes, attests uint32
	langSig          uint64  // signature (sigBits) of the capabilities' languages and their prefixes
	jurisSig         uint64  // of their jurisdictions and token symbols
	profSig          uint64  // of supportedTrust, MCP tools, A2A skills, OASF skills and OASF domains
	minP95           uint32  // lowest declared p95 of the capabilities (0: none declared)
	minPrice         float64 // lowest declared price of the capabilities (+Inf: none declared)
	capLo, capHi     int32   // its capabilities' summaries in catalog.capPre
	score            float32
	flags            uint8
}

// capPre is a capability's summary, for the capability-level filters of filter.pass.
type capPre struct {
	langSig          uint64  // signature (sigBits) of its languages and their prefixes
	jurisSig         uint64  // of its jurisdictions and token symbol
	price            float64 // declared price (+Inf: none)
	classes, attests uint32
	p95              uint32 // declared p95 (0: none)
	risk, model      uint32
	global           bool
}

func (cd *capDoc) summary() capPre {
	p := capPre{langSig: sigOf(cd.langs), jurisSig: sigOf(cd.juris), price: math.Inf(1), classes: cd.classes, attests: cd.attests,
		p95: uint32(min(cd.p95, math.MaxUint32)), risk: cd.risk, model: cd.model, global: cd.global}
	if cd.symbol != 0 {
		p.jurisSig |= sigBits(cd.symbol)
	}
	if cd.price != nil {
		p.price = priceFloat(cd.price)
	}
	return p
}

// docPre flags.
const (
	preLive     uint8 = 1 << iota // has a heartbeat (its price and p95 may override the declared ones)
	preScored                     // has a reputation score
	preX402                       // x402Support
	preActive                     // active: true
	preInactive                   // active: false
	preGlobal                     // a capability's jurisdictions include GLOBAL
)

// noNum is catalog.nums' entry for an agent id too large for a uint64.
const noNum = math.MaxUint64

// sigBits maps a symbol to two of 64 bits (Fibonacci hashing): a set's signature is the OR of its members'
// bits (a one-word Bloom filter), and a set lacking one of a value's bits lacks the value. Two bits per value
// keep a frequent value from hiding a rarer one whose single bit it would share.
func sigBits(v uint32) uint64 {
	h := uint64(v) * 0x9E3779B97F4A7C15
	return 1<<(h>>58) | 1<<(h>>52&63)
}

func sigOf(sets ...[]uint32) uint64 {
	var sig uint64
	for _, set := range sets {
		for _, v := range set {
			sig |= sigBits(v)
		}
	}
	return sig
}

// summary returns d's docPre.
func (d *doc) summary() docPre {
	p := docPre{classes: d.classes, attests: d.attests, langSig: sigOf(d.langs), jurisSig: sigOf(d.juris, d.symbols),
		profSig: sigOf(d.trust, d.mcp, d.a2a, d.skills, d.domains), score: float32(d.score), minPrice: math.Inf(1)}
	for _, cd := range d.caps {
		if cd.p95 > 0 && (p.minP95 == 0 || cd.p95 < int64(p.minP95)) {
			p.minP95 = uint32(min(cd.p95, math.MaxUint32))
		}
		if cd.price != nil {
			p.minPrice = min(p.minPrice, priceFloat(cd.price))
		}
	}
	for _, set := range []struct {
		on   bool
		flag uint8
	}{{d.hasBeat, preLive}, {d.hasScore, preScored}, {d.x402, preX402}, {d.active != nil && *d.active, preActive},
		{d.active != nil && !*d.active, preInactive}, {d.global, preGlobal}} {
		if set.on {
			p.flags |= set.flag
		}
	}
	return p
}

// priceFloat is p as the nearest float64 (relative error under 2⁻⁵³; comparisons allow for it).
func priceFloat(p *big.Int) float64 {
	if p.IsUint64() {
		return float64(p.Uint64()) // rounded to nearest, as big.Float does
	}
	f, _ := new(big.Float).SetInt(p).Float64()
	return f
}

// capDoc is one capability as the filters see it.
type capDoc struct {
	idx        int
	name       string   // lowercased
	langs      []uint32 // every tag and each of its prefixes at a '-' ("zh-hant-tw", "zh-hant", "zh")
	juris      []uint32
	global     bool // jurisdictions include GLOBAL
	inputs     []uint32
	outputs    []uint32
	classes    uint32
	attests    uint32
	risk       uint32 // bit of riskClasses; 0 when none
	model      uint32 // bit of pricingModels
	symbol     uint32 // interned lowercased token symbol; 0 when none
	token      common.Address
	price      *big.Int
	p95        int64 // 0 when not declared
	throughput int64 // 0 when not declared
}

// capRow is a capability as capabilityQuery returns it.
type capRow struct {
	Idx        int
	Name       string
	Languages  []string
	Inputs     []string
	Outputs    []string
	Juris      []string
	Classes    []string
	Attests    []string
	Risk       string
	Model      string
	Symbol     string
	TokenHex   string
	PriceText  string
	P95        *int64
	Throughput *int64
}

// bits returns the mask of values in the enumeration all (bit i for all[i]); unknown values set no bit.
func bits(values, all []string) uint32 {
	var m uint32
	for _, v := range values {
		if i := slices.Index(all, v); i >= 0 {
			m |= 1 << i
		}
	}
	return m
}

// symbols interns strings for filters: 0 is never a symbol.
type symbols map[string]uint32

func (s symbols) of(v string) uint32 {
	if id, ok := s[v]; ok {
		return id
	}
	id := uint32(len(s) + 1)
	s[v] = id
	return id
}

func (s symbols) all(vs []string) []uint32 {
	out := make([]uint32, 0, len(vs))
	for _, v := range vs {
		out = append(out, s.of(v))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// liveBeat is the part of a heartbeat that filters and sorts use.
type liveBeat struct {
	status  int16
	price   *big.Int
	token   common.Address
	p95     int64
	expires time.Time
}

// online reports whether the heartbeat says online and has not expired at now.
func (l liveBeat) online(now time.Time) bool { return l.status == 1 && now.Before(l.expires) }

func newCatalog(pool *pgxpool.Pool, log *slog.Logger) *catalog {
	return &catalog{pool: pool, log: log, byID: map[string]*doc{}, postings: map[string]*[]uint32{},
		live: map[string]liveBeat{}, scores: map[string]float64{}, syms: symbols{}, block: -1}
}

// profileQuery reads search documents; $1 = agent ids, or NULL for all. To keep reading 100,000 documents
// cheap, a document's lists come as one array with their lengths (profileLists), and its lexemes as one
// string each, separated by lexemeSep (to_tsvector's parser never puts a control character in a lexeme),
// so that it costs a few allocations rather than one per value.
const profileQuery = `SELECT p.agent_id::text, a.owner, p.x402_support, p.active,
	p.supported_trust || p.mcp_tools || p.a2a_skills || p.oasf_skills || p.oasf_domains || p.data_classes || p.attestations,
	ARRAY[cardinality(p.supported_trust), cardinality(p.mcp_tools), cardinality(p.a2a_skills), cardinality(p.oasf_skills),
		cardinality(p.oasf_domains), cardinality(p.data_classes), cardinality(p.attestations)],
	array_to_string(tsvector_to_array(p.tsv), chr(31)), array_to_string(tsvector_to_array(p.tsv_rank), chr(31))
FROM agent_profiles p JOIN agents a ON a.agent_id = p.agent_id
WHERE $1::text[] IS NULL OR p.agent_id = ANY($1::text[]::numeric[])`

// lexemeSep separates the lexemes of profileQuery's strings.
const lexemeSep = "\x1f"

// capabilityQuery reads their capabilities, lists as in profileQuery (capabilityLists); $1 as there.
const capabilityQuery = `SELECT c.agent_id::text, c.idx, c.name,
	c.languages || c.input_types || c.output_types || c.jurisdictions || c.data_classes || c.attestations,
	ARRAY[cardinality(c.languages), cardinality(c.input_types), cardinality(c.output_types), cardinality(c.jurisdictions),
		cardinality(c.data_classes), cardinality(c.attestations)],
	c.risk_class, c.pricing_model, lower(c.token_symbol), encode(c.token, 'hex'), c.price::text, c.p95_ms,
	c.throughput_per_minute
FROM agent_capabilities c
WHERE $1::text[] IS NULL OR c.agent_id = ANY($1::text[]::numeric[])`

// splitLists cuts values into len(into) lists of the lengths given.
func splitLists(values []string, lengths []int32, into ...*[]string) error {
	if len(lengths) != len(into) {
		return fmt.Errorf("%d list lengths, want %d", len(lengths), len(into))
	}
	at := 0
	for i, n := range lengths {
		if n < 0 || at+int(n) > len(values) {
			return fmt.Errorf("list lengths %v for %d values", lengths, len(values))
		}
		*into[i] = values[at : at+int(n) : at+int(n)]
		at += int(n)
	}
	if at != len(values) {
		return fmt.Errorf("list lengths %v for %d values", lengths, len(values))
	}
	return nil
}

// loadChunk is how many documents a full load puts in the catalog under one hold of the write lock.
const loadChunk = 2000

// load reads the documents of ids (all when ids is nil) from db and puts them in the catalog; ids without a
// profile are removed. A full load also drops every document it did not see. A full load puts documents
// in as they are read, in chunks, each under the write lock: searches meanwhile see every agent, in its
// old document or its new one.
func (c *catalog) load(ctx context.Context, db *pgxpool.Pool, ids []string) error {
	seen := map[string]bool{}
	if ids == nil {
		err := c.read(ctx, db, nil, func(chunk []loadedDoc) {
			c.mu.Lock()
			defer c.mu.Unlock()
			c.insertChunk(chunk)
			for _, l := range chunk {
				seen[l.d.id] = true
			}
		})
		if err != nil {
			return fmt.Errorf("catalog: %w", err)
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		for id := range c.byID {
			if !seen[id] {
				c.remove(id)
			}
		}
	} else {
		var docs []loadedDoc
		if err := c.read(ctx, db, ids, func(chunk []loadedDoc) { docs = append(docs, chunk...) }); err != nil {
			return fmt.Errorf("catalog: %w", err)
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		for _, l := range docs {
			c.insert(l)
			seen[l.d.id] = true
		}
		for _, id := range ids {
			if !seen[id] {
				c.remove(id)
			}
		}
	}
	if c.dead > 1000 && c.dead > len(c.byID)/4 {
		c.compact()
	}
	c.renorm()
	if ids == nil {
		c.setOrders(c.buildOrders())
	}
	return nil
}

// read reads the documents of ids (all when ids is nil) from one snapshot of db and passes them to put, in
// chunks, in one goroutine. A full read reads the capabilities beside the profiles, on a second connection
// that shares the snapshot (pg_export_snapshot), and puts each chunk while it reads the next.
func (c *catalog) read(ctx context.Context, db *pgxpool.Pool, ids []string, put func([]loadedDoc)) error {
	var arg any
	if ids != nil {
		arg = ids
	}
	ro := pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}
	tx, err := db.BeginTx(ctx, ro)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback(context.WithoutCancel(ctx)) }()
	if ids != nil {
		caps, err := readCapabilities(ctx, tx, arg)
		if err != nil {
			return err
		}
		return readProfiles(ctx, tx, arg, caps, put)
	}

	var snapshot string
	if err := tx.QueryRow(ctx, `SELECT pg_export_snapshot()`).Scan(&snapshot); err != nil {
		return err
	}
	tx2, err := db.BeginTx(ctx, ro)
	if err != nil {
		return err
	}
	defer func() { _ = tx2.Rollback(context.WithoutCancel(ctx)) }()
	if _, err := tx2.Exec(ctx, `SET TRANSACTION SNAPSHOT '`+strings.ReplaceAll(snapshot, "'", "''")+`'`); err != nil {
		return err
	}
	var caps map[string][]capRow
	capsDone := make(chan error, 1)
	go func() {
		var err error
		caps, err = readCapabilities(ctx, tx2, arg)
		capsDone <- err
	}()
	chunks := make(chan []loadedDoc, 1024) // the profiles are read on while the capabilities are
	putDone := make(chan error, 1)
	go func() {
		err := <-capsDone // every chunk needs the capabilities
		for chunk := range chunks {
			if err == nil {
				for i := range chunk {
					chunk[i].caps = sortedCaps(caps[chunk[i].d.id])
				}
				put(chunk)
			}
		}
		putDone <- err
	}()
	err = readProfiles(ctx, tx, arg, nil, func(chunk []loadedDoc) { chunks <- chunk })
	close(chunks)
	if perr := <-putDone; err == nil {
		err = perr
	}
	return err
}

// readProfiles reads the profiles of ids (nil: all), with their capabilities from caps when it is not nil,
// and passes them to put in chunks of loadChunk.
func readProfiles(ctx context.Context, tx pgx.Tx, ids any, caps map[string][]capRow, put func([]loadedDoc)) error {
	rows, err := tx.Query(ctx, profileQuery, ids)
	if err != nil {
		return err
	}
	defer rows.Close()
	chunk := make([]loadedDoc, 0, loadChunk)
	for rows.Next() {
		l := loadedDoc{d: &doc{}}
		d := l.d
		var owner []byte
		var terms, rank string
		var lists []string
		var lengths []int32
		if err := rows.Scan(&d.id, &owner, &d.x402, &d.active, &lists, &lengths, &terms, &rank); err != nil {
			return err
		}
		if err := splitLists(lists, lengths, &l.trust, &l.mcp, &l.a2a, &l.skills, &l.domains, &l.classes, &l.attests); err != nil {
			return fmt.Errorf("agent %s: %w", d.id, err)
		}
		d.owner = common.BytesToAddress(owner)
		l.terms = splitLexemes(terms)
		d.rank = splitLexemes(rank)
		slices.Sort(d.rank)
		d.length = len(l.terms)
		if caps != nil {
			l.caps = sortedCaps(caps[d.id])
		}
		if chunk = append(chunk, l); len(chunk) == loadChunk {
			put(chunk)
			chunk = make([]loadedDoc, 0, loadChunk)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(chunk) > 0 {
		put(chunk)
	}
	return nil
}

// splitLexemes splits a profileQuery lexeme string (the lexemes share its memory).
func splitLexemes(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, lexemeSep)
}

func sortedCaps(caps []capRow) []capRow {
	slices.SortFunc(caps, func(a, b capRow) int { return a.Idx - b.Idx })
	return caps
}

func readCapabilities(ctx context.Context, tx pgx.Tx, ids any) (map[string][]capRow, error) {
	rows, err := tx.Query(ctx, capabilityQuery, ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	caps := map[string][]capRow{}
	for rows.Next() {
		var id string
		var r capRow
		var lists []string
		var lengths []int32
		if err := rows.Scan(&id, &r.Idx, &r.Name, &lists, &lengths, &r.Risk, &r.Model, &r.Symbol, &r.TokenHex, &r.PriceText,
			&r.P95, &r.Throughput); err != nil {
			return nil, err
		}
		if err := splitLists(lists, lengths, &r.Languages, &r.Inputs, &r.Outputs, &r.Juris, &r.Classes, &r.Attests); err != nil {
			return nil, fmt.Errorf("agent %s capability %d: %w", id, r.Idx, err)
		}
		caps[id] = append(caps[id], r)
	}
	return caps, rows.Err()
}

// loadedDoc is a search document as read from PostgreSQL: d holds the id, owner, x402, active, rank
// lexemes and length; the rest is interned by insert.
type loadedDoc struct {
	d                                                  *doc
	trust, mcp, a2a, skills, domains, classes, attests []string
	caps                                               []capRow
	terms                                              []string
}

// insert interns l's values and puts its document in the catalog. Callers hold mu.
func (c *catalog) insert(l loadedDoc) {
	c.insertDoc(l)
	c.postTerms(l.d, l.terms)
}

// insertDoc is insert but for the document's postings (postTerms). Callers hold mu.
func (c *catalog) insertDoc(l loadedDoc) {
	d := l.d
	d.trust, d.mcp, d.a2a = c.syms.all(l.trust), c.syms.all(l.mcp), c.syms.all(l.a2a)
	d.skills, d.domains = c.syms.all(l.skills), c.syms.all(l.domains)
	d.classes, d.attests = bits(l.classes, dataClasses), bits(l.attests, attestations)
	for _, r := range l.caps {
		cd := c.capDoc(r)
		d.caps = append(d.caps, cd)
		d.langs, d.juris = append(d.langs, cd.langs...), append(d.juris, cd.juris...)
		d.inputs, d.outputs = append(d.inputs, cd.inputs...), append(d.outputs, cd.outputs...)
		if cd.symbol != 0 {
			d.symbols = append(d.symbols, cd.symbol)
		}
		d.global = d.global || cd.global
	}
	for _, set := range []*[]uint32{&d.langs, &d.juris, &d.inputs, &d.outputs, &d.symbols} {
		slices.Sort(*set)
		*set = slices.Compact(*set)
	}
	c.putDoc(d)
}

// insertChunk inserts the documents of a full load: the postings of each (a map lookup per lexeme, half
// the work) are added by a second goroutine while the next documents are put. Callers hold mu.
func (c *catalog) insertChunk(chunk []loadedDoc) {
	put := make(chan int, len(chunk))
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range put {
			c.postTerms(chunk[i].d, chunk[i].terms)
		}
	}()
	for i, l := range chunk {
		c.insertDoc(l)
		put <- i
	}
	close(put)
	<-done
}

// normOf is the BM25 length normalisation of a document of length lexemes at the current average length.
// Callers hold mu.
func (c *catalog) normOf(length int) float32 {
	avg := 1.0
	if len(c.byID) > 0 {
		avg = max(1, c.totalLen/float64(len(c.byID)))
	}
	return float32(1 / (1 - bm25B + bm25B*float64(length)/avg))
}

// renorm sets every live document's BM25 length normalisation from the current average length, so that
// scores depend on the corpus only, not on the order documents arrived in. Callers hold mu.
func (c *catalog) renorm() {
	avg := 1.0
	if len(c.byID) > 0 {
		avg = max(1, c.totalLen/float64(len(c.byID)))
	}
	for o, d := range c.docs {
		if d == nil {
			c.norm[o] = 0
		} else {
			c.norm[o] = float32(1 / (1 - bm25B + bm25B*float64(d.length)/avg))
		}
	}
}

// capDoc interns a capability row. Callers hold mu.
func (c *catalog) capDoc(r capRow) capDoc {
	cd := capDoc{idx: r.Idx, name: strings.ToLower(r.Name), token: common.HexToAddress(r.TokenHex),
		classes: bits(r.Classes, dataClasses), attests: bits(r.Attests, attestations),
		risk: bits([]string{r.Risk}, riskClasses), model: bits([]string{r.Model}, pricingModels),
		inputs: c.syms.all(r.Inputs), outputs: c.syms.all(r.Outputs)}
	cd.price, _ = new(big.Int).SetString(r.PriceText, 10)
	if r.P95 != nil {
		cd.p95 = *r.P95
	}
	if r.Throughput != nil {
		cd.throughput = *r.Throughput
	}
	if r.Symbol != "" {
		cd.symbol = c.syms.of(r.Symbol)
	}
	var langs []string
	for _, l := range r.Languages {
		l = strings.ToLower(l)
		for {
			langs = append(langs, l)
			i := strings.LastIndexByte(l, '-')
			if i < 0 {
				break
			}
			l = l[:i]
		}
	}
	cd.langs = c.syms.all(langs)
	for _, j := range r.Juris {
		if j == "GLOBAL" {
			cd.global = true
		}
	}
	cd.juris = c.syms.all(r.Juris)
	return cd
}

// maxDenseID bounds the agent ids kept in catalog.byNum (agent ids count up from 0 on a registry).
const maxDenseID = 1 << 24

func denseID(id string) (uint64, bool) {
	n, err := strconv.ParseUint(id, 10, 64)
	return n, err == nil && n < maxDenseID
}

// ordByNum returns the ordinal of agent id num's live document (as embed.Index.SearchNum passes it), or -1.
// Callers hold mu for reading.
func (c *catalog) ordByNum(num uint64, id string) int32 {
	if num < uint64(len(c.byNum)) {
		return c.byNum[num] - 1
	}
	if d := c.byID[id]; d != nil && num >= maxDenseID {
		return d.ord
	}
	return -1
}

// putDoc adds d under a new ordinal, retiring the agent's previous document (its postings are added by
// postTerms). Callers hold mu.
func (c *catalog) putDoc(d *doc) {
	c.remove(d.id)
	d.ord = int32(len(c.docs))
	c.docs = append(c.docs, d)
	c.byID[d.id] = d
	if n, ok := denseID(d.id); ok {
		if n >= uint64(len(c.byNum)) {
			c.byNum = append(c.byNum, make([]int32, int(n)+1-len(c.byNum))...)
		}
		c.byNum[n] = d.ord + 1
	}
	c.totalLen += float64(d.length)
	d.beat, d.hasBeat = c.live[d.id]
	d.score, d.hasScore = c.scores[d.id]
	c.norm = append(c.norm, c.normOf(d.length)) // renorm sets it again once the load is done
	p := d.summary()
	num := uint64(noNum)
	if n, err := strconv.ParseUint(d.id, 10, 64); err == nil && n < noNum {
		num = n
	}
	c.nums = append(c.nums, num)
	p.capLo = int32(len(c.capPre))
	for i := range d.caps {
		c.capPre = append(c.capPre, d.caps[i].summary())
	}
	p.capHi = int32(len(c.capPre))
	c.pre = append(c.pre, p)
	c.ordersInserted(d.ord)
}

// postTerms adds d's lexemes to the postings. It touches nothing else (insertChunk runs it beside
// putDoc). Callers hold mu.
func (c *catalog) postTerms(d *doc, terms []string) {
	for _, t := range terms {
		p := uint32(d.ord) << 1
		if _, found := slices.BinarySearch(d.rank, t); found {
			p |= 1
		}
		list := c.postings[t]
		if list == nil {
			c.lexDirty = true
			list = new([]uint32)
			c.postings[strings.Clone(t)] = list // terms may share a document's memory
		}
		*list = append(*list, p)
	}
}

// remove retires the agent's document; its ordinal stays in the postings until compact. Callers hold mu.
func (c *catalog) remove(id string) {
	old, ok := c.byID[id]
	if !ok {
		return
	}
	c.docs[old.ord] = nil
	c.norm[old.ord] = 0
	delete(c.byID, id)
	if n, ok := denseID(id); ok {
		c.byNum[n] = 0
	}
	c.totalLen -= float64(old.length)
	c.dead++
}

// compact rebuilds the postings without dead ordinals. Callers hold mu.
func (c *catalog) compact() {
	remap := make([]int32, len(c.docs))
	var docs []*doc
	var norm []float32
	var pre []docPre
	var caps []capPre
	var nums []uint64
	for i, d := range c.docs {
		remap[i] = -1
		if d != nil {
			remap[i] = int32(len(docs))
			d.ord = int32(len(docs))
			docs = append(docs, d)
			norm = append(norm, c.norm[i])
			p := c.pre[i]
			lo := int32(len(caps))
			caps = append(caps, c.capPre[p.capLo:p.capHi]...)
			p.capLo, p.capHi = lo, int32(len(caps))
			pre = append(pre, p)
			nums = append(nums, c.nums[i])
			if n, ok := denseID(d.id); ok {
				c.byNum[n] = d.ord + 1
			}
		}
	}
	c.norm, c.pre, c.capPre, c.nums = norm, pre, caps, nums
	for t, list := range c.postings {
		out := (*list)[:0]
		for _, p := range *list {
			if n := remap[p>>1]; n >= 0 {
				out = append(out, uint32(n)<<1|p&1)
			}
		}
		if len(out) == 0 {
			delete(c.postings, t)
			c.lexDirty = true
		} else {
			*list = out
		}
	}
	c.docs, c.dead = docs, 0
	c.dropOrders()
}

// sortedLexemes returns the dictionary in order, rebuilding it after changes.
func (c *catalog) sortedLexemes() []string {
	c.mu.RLock()
	if !c.lexDirty {
		l := c.lexemes
		c.mu.RUnlock()
		return l
	}
	c.mu.RUnlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lexDirty {
		c.lexemes = make([]string, 0, len(c.postings))
		for t := range c.postings {
			c.lexemes = append(c.lexemes, t)
		}
		slices.Sort(c.lexemes)
		c.lexDirty = false
	}
	return c.lexemes
}

// loadOwners refreshes owners of agents changed after the last block seen (transfers).
func (c *catalog) loadOwners(ctx context.Context, since int64) error {
	rows, err := c.pool.Query(ctx, `SELECT agent_id::text, owner FROM agents WHERE updated_block > $1`, since)
	if err != nil {
		return err
	}
	defer rows.Close()
	type change struct {
		id    string
		owner common.Address
	}
	var changes []change
	for rows.Next() {
		var id string
		var owner []byte
		if err := rows.Scan(&id, &owner); err != nil {
			return err
		}
		changes = append(changes, change{id, common.BytesToAddress(owner)})
	}
	if err := rows.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, ch := range changes {
		if d, ok := c.byID[ch.id]; ok {
			d.owner = ch.owner
		}
	}
	return nil
}

// loadBeats reads the heartbeats of ids, or (ids nil) those received since the newest one loaded, all on
// the first call.
func (c *catalog) loadBeats(ctx context.Context, ids []string) error {
	c.mu.RLock()
	since := c.beatsSeen.Add(-2 * time.Second) // overlap: commits are not in received_at order
	c.mu.RUnlock()
	var idsArg any
	if ids != nil {
		idsArg, since = ids, time.Time{}
	}
	rows, err := c.pool.Query(ctx, `SELECT agent_id::text, status, price::text, token, p95_ms, expires_at, received_at
		FROM heartbeats WHERE received_at >= $1 AND ($2::text[] IS NULL OR agent_id = ANY($2::text[]::numeric[]))`,
		since, idsArg)
	if err != nil {
		return err
	}
	defer rows.Close()
	beats := map[string]liveBeat{}
	newest := since
	for rows.Next() {
		var id, price string
		var l liveBeat
		var token []byte
		var received time.Time
		if err := rows.Scan(&id, &l.status, &price, &token, &l.p95, &l.expires, &received); err != nil {
			return err
		}
		l.price, _ = new(big.Int).SetString(price, 10)
		l.token = common.BytesToAddress(token)
		beats[id] = l
		if received.After(newest) {
			newest = received
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for id, l := range beats {
		c.putBeat(id, l)
	}
	if newest.After(c.beatsSeen) {
		c.beatsSeen = newest
	}
	return nil
}

// setBeats records heartbeats this gateway just stored.
func (c *catalog) setBeats(rows []*heartbeatRow) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, r := range rows {
		c.putBeat(r.agentID, liveBeat{status: int16(r.hb.Status), price: r.hb.Price, token: r.hb.Token,
			p95: int64(r.hb.P95LatencyMs), expires: time.Unix(int64(r.hb.ExpiresAt), 0)})
	}
}

// putBeat records an agent's latest heartbeat. Callers hold mu.
func (c *catalog) putBeat(id string, l liveBeat) {
	c.live[id] = l
	if d := c.byID[id]; d != nil {
		d.beat, d.hasBeat = l, true
		c.pre[d.ord].flags |= preLive
		c.ordersChanged(d.ord)
	}
}

// loadScores reads from db the reputation scores of ids, or (ids nil) those computed since the newest one loaded,
// all on the first call.
func (c *catalog) loadScores(ctx context.Context, db *pgxpool.Pool, ids []string) error {
	c.mu.RLock()
	since := c.scoresSeen
	c.mu.RUnlock()
	var idsArg any
	if ids != nil {
		idsArg, since = ids, time.Time{}
	}
	rows, err := db.Query(ctx, `SELECT agent_id::text, score::float8, as_of FROM agent_scores
		WHERE as_of >= $1 AND ($2::text[] IS NULL OR agent_id = ANY($2::text[]::numeric[]))`, since, idsArg)
	if err != nil {
		return err
	}
	defer rows.Close()
	scores := map[string]float64{}
	newest := since
	for rows.Next() {
		var id string
		var score float64
		var asOf time.Time
		if err := rows.Scan(&id, &score, &asOf); err != nil {
			return err
		}
		scores[id] = score
		if asOf.After(newest) {
			newest = asOf
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	c.setScores(scores)
	c.mu.Lock()
	defer c.mu.Unlock()
	if ids == nil && newest.After(c.scoresSeen) {
		c.scoresSeen = newest
	}
	return nil
}

// setScores records reputation scores (as stored).
func (c *catalog) setScores(scores map[string]float64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.setScoresLocked(scores)
}

// setScoresLocked is setScores for callers holding mu.
func (c *catalog) setScoresLocked(scores map[string]float64) {
	for id, s := range scores {
		c.scores[id] = s
		if d := c.byID[id]; d != nil {
			d.score, d.hasScore = s, true
			c.pre[d.ord].score = float32(s)
			c.pre[d.ord].flags |= preScored
			c.ordersChanged(d.ord)
		}
	}
}

// scored returns how many live documents have a reputation score, and how many there are.
func (c *catalog) scored() (scored, docs int) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	for o, d := range c.docs {
		if d != nil && c.pre[o].flags&preScored != 0 {
			scored++
		}
	}
	return scored, len(c.byID)
}

// pruneLive drops heartbeats and scores of agents that no longer exist (after a full load).
func (c *catalog) pruneLive(ctx context.Context, db *pgxpool.Pool) error {
	rows, err := db.Query(ctx, `SELECT agent_id::text FROM agents`)
	if err != nil {
		return err
	}
	exists, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	set := make(map[string]bool, len(exists))
	for _, id := range exists {
		set[id] = true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for id := range c.live {
		if !set[id] {
			delete(c.live, id)
			if d := c.byID[id]; d != nil {
				d.hasBeat = false
				c.pre[d.ord].flags &^= preLive
			}
		}
	}
	for id := range c.scores {
		if !set[id] {
			delete(c.scores, id)
		}
	}
	return nil
}

// bm25 constants.
const (
	bm25B     = 0.5
	rankBoost = 3.0 // a term in the name, a capability name or a tag counts this many times more
)

// board is per-query scratch space indexed by ordinal, reused through boardPool.
type board struct {
	total []float32 // sum of the best term score of each word matched so far
	best  []float32 // this word's best term score
	words []uint16  // how many words matched so far
	seen  []int32   // ordinals touched by the current word
	// ordinals that matched every word so far; those that matched the first
	matched, first []int32
}

var boardPool = sync.Pool{New: func() any { return &board{} }}

func getBoard(n int) *board {
	b := boardPool.Get().(*board)
	if cap(b.total) < n {
		b.total, b.best, b.words = make([]float32, n), make([]float32, n), make([]uint16, n)
	}
	b.total, b.best, b.words = b.total[:n], b.best[:n], b.words[:n]
	return b
}

// textScores matches the query words' lexeme alternatives (each word: stems matched as prefixes, and a
// corrected word's stems matched exactly) and calls yield with every live ordinal that matches every word
// and passes f's summary check (f nil: no filter), and its BM25 score: idf of the best term of each word,
// three times more when the term is in the name, a capability name or a tag, normalised by document length.
// Words are intersected rarest first, so that the board only ever holds the rarest word's matches.
// Callers hold mu for reading.
func (c *catalog) textScores(words [][]termAlt, lexemes []string, f *filter, yield func(ord int32, score float64)) {
	if len(words) == 0 {
		return
	}
	type term struct {
		list []uint32
		idf  float32
	}
	n := float64(len(c.byID))
	terms := make([][]term, len(words))
	sizes := make([]int, len(words))
	order := make([]int, len(words))
	for wi, alts := range words {
		order[wi] = wi
		for _, alt := range alts {
			lo, hi := 0, 0
			if alt.prefix {
				lo, _ = slices.BinarySearch(lexemes, alt.lexeme)
				for hi = lo; hi < len(lexemes) && strings.HasPrefix(lexemes[hi], alt.lexeme); hi++ {
				}
			} else if i, ok := slices.BinarySearch(lexemes, alt.lexeme); ok {
				lo, hi = i, i+1
			}
			for _, t := range lexemes[lo:hi] {
				list := *c.postings[t]
				idf := float32(math.Log(1 + (n-float64(len(list))+0.5)/(float64(len(list))+0.5)))
				terms[wi] = append(terms[wi], term{list, idf})
				sizes[wi] += len(list)
			}
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return sizes[a] - sizes[b] })

	b := getBoard(len(c.docs))
	defer boardPool.Put(b)
	matched, first := b.matched[:0], b.first[:0]
	defer func() { b.matched, b.first = matched[:0], first[:0] }()
	for step, wi := range order {
		b.seen = b.seen[:0]
		for _, t := range terms[wi] {
			for _, p := range t.list {
				o := int32(p >> 1)
				if int(b.words[o]) != step || c.norm[o] == 0 {
					continue // missed an earlier word (or already scored this one), or dead
				}
				if step == 0 && b.best[o] == 0 && f != nil && !f.pass(&c.pre[o]) {
					continue
				}
				w := t.idf * c.norm[o]
				if p&1 == 1 {
					w *= rankBoost
				}
				if b.best[o] == 0 {
					b.seen = append(b.seen, o)
				}
				if w > b.best[o] {
					b.best[o] = w // a word counts once, by its best term
				}
			}
		}
		for _, o := range b.seen {
			b.total[o] += b.best[o]
			b.best[o] = 0
			b.words[o]++
		}
		matched = append(matched[:0], b.seen...)
		if step == 0 {
			first = append(first, b.seen...) // every later match is among these
		}
		if len(matched) == 0 {
			break
		}
	}
	last := uint16(len(words))
	for _, o := range matched {
		if b.words[o] == last {
			yield(o, float64(b.total[o]))
		}
	}
	// Leave the board clean for the next query: only touched ordinals were written.
	for _, o := range first {
		b.total[o], b.words[o] = 0, 0
	}
}

// termAlt is one way a query word matches: a lexeme, as a prefix or exactly.
type termAlt struct {
	lexeme string
	prefix bool
}
