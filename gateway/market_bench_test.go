package gateway_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/gateway"
	"github.com/agoralabs/agora/internal/pgtest"
	"github.com/agoralabs/agora/postgres"
)

// BenchmarkRFQRoundTrip measures an RFQ's round trip beyond its quote window: a buyer posts a signed RFQ
// (first price, AGORA_BENCH_WINDOW_MS, default 200), 50 providers (AGORA_BENCH_PROVIDERS) online with a
// WebSocket subscription each hear it, sign a quote and send it on their socket, and the buyer, following the
// RFQ on its own socket, receives the award. Reported: p50/p95 of (award received - POST sent - window) over
// AGORA_BENCH_RFQS rounds (default 100), one RFQ at a time, 100 ms apart. The providers sign on the same two
// cores as the gateway and PostgreSQL.
//
// Three set-ups run side by side, the rounds alternating between them so that all see the same machine: one
// gateway without the audit log, one with it (every decision logged in its transaction, a sequencer
// integrating and signing), and three gateway copies on one database with it, the buyer on the first and the
// providers on the other two (quotes and the award cross copies by LISTEN/NOTIFY). The ratios of their p95s
// are the audit log's cost and the cost of scaling out.
func BenchmarkRFQRoundTrip(b *testing.B) {
	rounds := envInt("AGORA_BENCH_RFQS", 100)
	rigs := []*rfqRig{newRFQRig(b, false, 1), newRFQRig(b, true, 1), newRFQRig(b, true, 3)}
	b.ResetTimer()
	for range b.N {
		for _, rig := range rigs {
			rig.lat, rig.posts, rig.closes, rig.deliveries = nil, nil, nil, nil
		}
		for r := range rounds {
			for _, rig := range rigs {
				rig.round(r)
			}
		}
		var p95 [3]float64
		for i, rig := range rigs {
			p95[i] = rig.report()
		}
		b.ReportMetric(p95[1]/p95[0], "audit-on/off-p95")
		b.ReportMetric(p95[2]/p95[1], "3-copies/1-copy-p95")
		b.Logf("audit log on/off: p95 round trip %.2f / %.2f ms (x%.3f)", p95[1], p95[0], p95[1]/p95[0])
		b.Logf("three copies (the RFQ on one, the providers on the other two) / one copy, both logging: p95 %.2f / %.2f ms (x%.3f)",
			p95[2], p95[1], p95[2]/p95[1])
	}
}

// rfqRig is one set-up of BenchmarkRFQRoundTrip: one database, one or more gateway copies, the buyer on the
// first and the providers on the others (or the only one).
type rfqRig struct {
	b          *testing.B
	name       string
	ctx        context.Context
	ts         *httptest.Server // the buyer's copy
	market     eip712.Domain
	token      common.Address
	buyerKey   *ecdsa.PrivateKey
	buyer      *websocket.Conn
	providers  int
	window     time.Duration
	lat        []float64
	posts      []float64
	closes     []float64
	deliveries []float64
}

func benchMs(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func newRFQRig(b *testing.B, audited bool, copies int) *rfqRig {
	nProviders := envInt("AGORA_BENCH_PROVIDERS", 50)
	dbURL := pgtest.New(b)
	if _, err := postgres.Migrate(context.Background(), dbURL); err != nil {
		b.Fatal(err)
	}
	wallets := fillAgents(b, dbURL, nProviders, nProviders)
	var servers []*httptest.Server
	key := withAudit(b, audited)
	var skey string
	for range copies {
		srv := benchServer(b, dbURL, func(c *gateway.Config) {
			if skey == "" {
				key(c)
				skey = c.AuditKey
			}
			c.AuditKey = skey // one operator key for every copy
		})
		ts := httptest.NewServer(srv.Handler())
		b.Cleanup(ts.Close)
		servers = append(servers, ts)
	}
	ts := servers[0]
	providerServer := func(i int) *httptest.Server {
		if copies == 1 {
			return ts
		}
		return servers[1+i%(copies-1)]
	}
	dep := benchDeployment()
	chainID := new(big.Int).SetUint64(dep.ChainID)
	ctx, cancel := context.WithCancel(context.Background())
	b.Cleanup(cancel)
	name := auditName(audited)
	if copies > 1 {
		name = strconv.Itoa(copies) + "-copies-" + name
	}
	rig := &rfqRig{b: b, name: name, ctx: ctx, ts: ts, market: eip712.EscrowDomain(chainID, dep.Contracts.AgentEscrow.Address),
		token: common.HexToAddress("0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9"), providers: nProviders,
		window: time.Duration(envInt("AGORA_BENCH_WINDOW_MS", 200)) * time.Millisecond}
	beats := eip712.GatewayDomain(chainID, dep.Contracts.IdentityRegistry.Address)

	// Providers: online, subscribed, quoting on every RFQ they hear.
	for i, w := range wallets {
		hb := eip712.Heartbeat{AgentID: big.NewInt(int64(i)), Status: eip712.HeartbeatOnline, Price: big.NewInt(1), Token: rig.token,
			P95LatencyMs: 100, Capacity: 8, ExpiresAt: uint64(time.Now().Add(time.Hour).Unix()), Nonce: big.NewInt(1)}
		at := providerServer(i)
		if code, body := rig.postAt(at, "/v1/heartbeats", rig.signed(beats, hb, w)); code != 200 {
			b.Fatalf("heartbeat %d: %d %s", i, code, body)
		}
		conn := rig.dialAt(at, "capability=bench&agentId="+strconv.Itoa(i))
		b.Cleanup(func() { conn.CloseNow() })
		go func() {
			nonce := int64(0)
			for {
				_, data, err := conn.Read(ctx)
				if err != nil {
					return
				}
				var ev struct {
					Type string `json:"type"`
					RFQ  *struct {
						ID string `json:"id"`
					} `json:"rfq"`
				}
				if json.Unmarshal(data, &ev) != nil || ev.Type != "rfq" || ev.RFQ == nil {
					continue
				}
				nonce++
				q := eip712.Quote{RFQID: common.HexToHash(ev.RFQ.ID), ProviderAgentID: big.NewInt(int64(i)),
					Provider: crypto.PubkeyToAddress(w.PublicKey), Price: big.NewInt(int64(1000 + i)),
					DeliveryDeadline: uint64(time.Now().Add(30 * time.Minute).Unix()), Nonce: big.NewInt(nonce),
					ValidUntil: uint64(time.Now().Add(5 * time.Minute).Unix())}
				msg := rig.signed(rig.market, q, w)
				msg["type"], msg["rfqId"] = "quote", ev.RFQ.ID
				raw, _ := json.Marshal(msg)
				if conn.Write(ctx, websocket.MessageText, raw) != nil {
					return
				}
			}
		}()
	}
	rig.buyerKey, _ = crypto.GenerateKey()
	rig.buyer = rig.dial("rfq=" + common.Hash{}.Hex()) // follows RFQs as it posts them
	b.Cleanup(func() { rig.buyer.CloseNow() })
	return rig
}

func (rig *rfqRig) post(path string, body any) (int, []byte) { return rig.postAt(rig.ts, path, body) }

func (rig *rfqRig) postAt(ts *httptest.Server, path string, body any) (int, []byte) {
	raw, _ := json.Marshal(body)
	res, err := http.Post(ts.URL+path, "application/json", strings.NewReader(string(raw)))
	if err != nil {
		rig.b.Fatal(err)
	}
	defer res.Body.Close()
	var out json.RawMessage
	_ = json.NewDecoder(res.Body).Decode(&out)
	return res.StatusCode, out
}

func (rig *rfqRig) signed(d eip712.Domain, m eip712.Message, key *ecdsa.PrivateKey) map[string]any {
	td, _ := eip712.MarshalTypedData(d, m)
	sig, err := eip712.Sign(key, d, m)
	if err != nil {
		rig.b.Fatal(err)
	}
	return map[string]any{"typedData": json.RawMessage(td), "signature": hexutil.Encode(sig)}
}

func (rig *rfqRig) dial(query string) *websocket.Conn { return rig.dialAt(rig.ts, query) }

func (rig *rfqRig) dialAt(ts *httptest.Server, query string) *websocket.Conn {
	conn, _, err := websocket.Dial(rig.ctx, "ws"+strings.TrimPrefix(ts.URL, "http")+"/v1/stream?"+query, nil)
	if err != nil {
		rig.b.Fatal(err)
	}
	conn.SetReadLimit(1 << 20)
	return conn
}

// round runs one RFQ to its award and records its figures.
func (rig *rfqRig) round(r int) {
	b, ctx := rig.b, rig.ctx
	// One RFQ at a time, after the last one's stragglers (50 providers reading its close) are done: the figure
	// is an RFQ's latency, not a saturated queue's.
	time.Sleep(100 * time.Millisecond)
	now := time.Now()
	rfq := eip712.RFQ{Buyer: crypto.PubkeyToAddress(rig.buyerKey.PublicKey), Capability: "bench task",
		Token: rig.token, MaxPrice: big.NewInt(1_000_000), DeliveryDeadline: uint64(now.Add(time.Hour).Unix()),
		QuoteWindowMs: uint32(rig.window.Milliseconds()), Auction: eip712.AuctionFirstPrice, ReviewWindow: 3600,
		Nonce: big.NewInt(int64(r) + now.UnixNano()), Expiry: uint64(now.Add(10 * time.Minute).Unix())}
	id, _ := eip712.Digest(rig.market, rfq)
	body := rig.signed(rig.market, rfq, rig.buyerKey)
	follow, _ := json.Marshal(map[string]any{"type": "follow", "rfqId": id.Hex()})
	t0 := time.Now()
	code, out := rig.post("/v1/rfqs", body)
	if code != http.StatusCreated {
		b.Fatalf("rfq: %d %s", code, out)
	}
	var opened struct {
		OpenedAt time.Time `json:"openedAt"`
	}
	_ = json.Unmarshal(out, &opened)
	rig.posts = append(rig.posts, benchMs(opened.OpenedAt.Sub(t0)))
	if err := rig.buyer.Write(ctx, websocket.MessageText, follow); err != nil {
		b.Fatal(err)
	}
	for {
		rctx, rcancel := context.WithTimeout(ctx, 30*time.Second)
		_, data, err := rig.buyer.Read(rctx)
		rcancel()
		if err != nil {
			b.Fatalf("waiting for the award: %v", err)
		}
		got := time.Now()
		var ev struct {
			Type string `json:"type"`
			RFQ  *struct {
				ID       string            `json:"id"`
				Ranked   []json.RawMessage `json:"ranked"`
				ClosesAt time.Time         `json:"closesAt"`
				ClosedAt time.Time         `json:"closedAt"`
			} `json:"rfq"`
		}
		if json.Unmarshal(data, &ev) != nil || ev.Type != "closed" || ev.RFQ == nil || ev.RFQ.ID != id.Hex() {
			continue
		}
		rig.lat = append(rig.lat, benchMs(got.Sub(t0)-rig.window))
		unfollow, _ := json.Marshal(map[string]any{"type": "unfollow", "rfqId": id.Hex()})
		if err := rig.buyer.Write(ctx, websocket.MessageText, unfollow); err != nil { // a stream follows at most 50
			b.Fatal(err)
		}
		rig.closes = append(rig.closes, benchMs(ev.RFQ.ClosedAt.Sub(ev.RFQ.ClosesAt)))
		rig.deliveries = append(rig.deliveries, benchMs(got.Sub(ev.RFQ.ClosedAt)))
		if len(ev.RFQ.Ranked) != rig.providers {
			b.Fatalf("round %d: %d quotes ranked, want %d (raise AGORA_BENCH_WINDOW_MS)", r, len(ev.RFQ.Ranked), rig.providers)
		}
		return
	}
}

// report logs and reports the rig's figures and returns its p95 round trip.
func (rig *rfqRig) report() float64 {
	b := rig.b
	for _, l := range [][]float64{rig.lat, rig.posts, rig.closes, rig.deliveries} {
		slices.Sort(l)
	}
	q := func(l []float64, p float64) float64 { return l[int(p*float64(len(l)-1))] }
	b.ReportMetric(q(rig.lat, 0.5), rig.name+"-roundtrip-p50-ms")
	b.ReportMetric(q(rig.lat, 0.95), rig.name+"-roundtrip-p95-ms")
	b.Logf("%s: RFQ round trip beyond the %s window, %d providers: p50 %.2f ms, p95 %.2f ms, max %.2f ms (%d RFQs)",
		rig.name, rig.window, rig.providers, q(rig.lat, 0.5), q(rig.lat, 0.95), rig.lat[len(rig.lat)-1], len(rig.lat))
	b.Logf("%s parts (p50 / p95 ms): POST sent to RFQ opened %.2f / %.2f; window end to close decided %.2f / %.2f; "+
		"close decided to award received %.2f / %.2f", rig.name, q(rig.posts, 0.5), q(rig.posts, 0.95), q(rig.closes, 0.5),
		q(rig.closes, 0.95), q(rig.deliveries, 0.5), q(rig.deliveries, 0.95))
	return q(rig.lat, 0.95)
}

// BenchmarkQuotes measures quotes verified and stored per second through the POST /v1/rfqs/{id}/quotes
// handler: AGORA_BENCH_QUOTES (default 6,000) quotes signed beforehand by 200 online providers over
// AGORA_BENCH_QUOTE_RFQS (default 10) open RFQs, posted by 32 concurrent clients. Each quote is parsed, its
// EIP-712 digest computed, its signature verified against the agent's wallet, checked against the RFQ (under
// a key-share lock) and stored with its nonce, committed synchronously.
func BenchmarkQuotes(b *testing.B) {
	const nProviders = 200
	nRFQs := envInt("AGORA_BENCH_QUOTE_RFQS", 10)
	total := envInt("AGORA_BENCH_QUOTES", 6000)
	dbURL := pgtest.New(b)
	if _, err := postgres.Migrate(context.Background(), dbURL); err != nil {
		b.Fatal(err)
	}
	wallets := fillAgents(b, dbURL, nProviders, nProviders)
	srv := benchServer(b, dbURL)
	h := srv.Handler()
	dep := benchDeployment()
	chainID := new(big.Int).SetUint64(dep.ChainID)
	market := eip712.EscrowDomain(chainID, dep.Contracts.AgentEscrow.Address)
	beats := eip712.GatewayDomain(chainID, dep.Contracts.IdentityRegistry.Address)
	token := common.HexToAddress("0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9")
	serve := func(path string, body []byte) (int, string) {
		req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code, rec.Body.String()
	}
	signedBody := func(d eip712.Domain, m eip712.Message, key *ecdsa.PrivateKey) []byte {
		td, _ := eip712.MarshalTypedData(d, m)
		sig, err := eip712.Sign(key, d, m)
		if err != nil {
			b.Fatal(err)
		}
		raw, _ := json.Marshal(map[string]any{"typedData": json.RawMessage(td), "signature": hexutil.Encode(sig)})
		return raw
	}
	for i, w := range wallets {
		hb := eip712.Heartbeat{AgentID: big.NewInt(int64(i)), Status: eip712.HeartbeatOnline, Price: big.NewInt(1), Token: token,
			P95LatencyMs: 100, Capacity: 8, ExpiresAt: uint64(time.Now().Add(time.Hour).Unix()), Nonce: big.NewInt(1)}
		if code, body := serve("/v1/heartbeats", signedBody(beats, hb, w)); code != http.StatusOK {
			b.Fatalf("heartbeat %d: %d %s", i, code, body)
		}
	}
	buyer, _ := crypto.GenerateKey()
	now := time.Now()
	rfqs := make([]common.Hash, nRFQs)
	for r := range rfqs {
		rfq := eip712.RFQ{Buyer: crypto.PubkeyToAddress(buyer.PublicKey), Capability: "bench task", Token: token,
			MaxPrice: big.NewInt(1_000_000), DeliveryDeadline: uint64(now.Add(time.Hour).Unix()), QuoteWindowMs: 60_000,
			Auction: eip712.AuctionFirstPrice, ReviewWindow: 3600, Nonce: big.NewInt(int64(r + 1)),
			Expiry: uint64(now.Add(10 * time.Minute).Unix())}
		rfqs[r], _ = eip712.Digest(market, rfq)
		if code, body := serve("/v1/rfqs", signedBody(market, rfq, buyer)); code != http.StatusCreated {
			b.Fatalf("rfq: %d %s", code, body)
		}
	}
	// Sign every quote first: signing is the providers' cost, not the gateway's.
	paths, bodies := make([]string, total), make([][]byte, total)
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < total; i += 2 {
				p, r := i%nProviders, (i/nProviders)%nRFQs
				q := eip712.Quote{RFQID: rfqs[r], ProviderAgentID: big.NewInt(int64(p)), Provider: crypto.PubkeyToAddress(wallets[p].PublicKey),
					Price: big.NewInt(int64(1000 + i)), DeliveryDeadline: uint64(now.Add(30 * time.Minute).Unix()),
					Nonce: big.NewInt(int64(i)), ValidUntil: uint64(now.Add(5 * time.Minute).Unix())}
				paths[i], bodies[i] = "/v1/rfqs/"+rfqs[r].Hex()+"/quotes", signedBody(market, q, wallets[p])
			}
		}()
	}
	wg.Wait()
	b.ResetTimer()
	for range b.N {
		var ok atomic.Int64
		var refusal atomic.Value
		elapsed := inParallel(32, 0, total, func(i int) {
			if code, body := serve(paths[i], bodies[i]); code == http.StatusCreated {
				ok.Add(1)
			} else {
				refusal.Store(strconv.Itoa(code) + " " + body)
			}
		})
		if ok.Load() != int64(total) {
			b.Fatalf("%d of %d quotes accepted; a refusal: %v", ok.Load(), total, refusal.Load())
		}
		rate := float64(total) / elapsed.Seconds()
		b.ReportMetric(rate, "quotes/s")
		b.Logf("%d quotes verified and stored in %s: %.0f/s through the handler (32 clients, 200 providers, %d RFQs)",
			total, elapsed.Round(time.Millisecond), rate, nRFQs)
	}
}

// inParallel runs do(i) for every i in [lo, hi) on workers goroutines and returns how long it took.
func inParallel(workers, lo, hi int, do func(i int)) time.Duration {
	var next atomic.Int64
	next.Store(int64(lo))
	start := time.Now()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := next.Add(1) - 1; i < int64(hi); i = next.Add(1) - 1 {
				do(int(i))
			}
		}()
	}
	wg.Wait()
	return time.Since(start)
}
