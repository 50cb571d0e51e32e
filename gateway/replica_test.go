package gateway_test

import (
	"context"
	"math/big"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/jackc/pgx/v5"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/gateway"
	"github.com/agoralabs/agora/internal/pgreplica"
	"github.com/agoralabs/agora/seed"
)

// replicaMaxLag is the bound the replica test gives the gateway.
const replicaMaxLag = 2 * time.Second

// TestReplica runs the real stack with a real streaming standby of the test's PostgreSQL cluster as the
// gateway's read replica: reads that may lag are served from it, a paused replay makes catalog loads wait
// for the bound and then read the primary (and detail reads the primary at once), writes stay on the
// primary, and a stopped standby degrades reads to the primary without errors.
func TestReplica(t *testing.T) {
	standby := pgreplica.Start(t) // before the test database exists: it streams to the standby when made
	reg := prometheus.NewRegistry()
	var replicaURL string
	e := setup(t, func(cfg *gateway.Config) {
		standby.WaitDatabase(t, cfg.DatabaseURL)
		replicaURL = standby.URL(cfg.DatabaseURL)
		cfg.ReplicaURL, cfg.ReplicaMaxLag, cfg.Registry = replicaURL, replicaMaxLag, reg
	})
	ctx := context.Background()
	onStandby := func(t *testing.T, sql string, args ...any) int64 {
		t.Helper()
		conn, err := pgx.Connect(ctx, replicaURL)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		var n int64
		if err := conn.QueryRow(ctx, sql, args...).Scan(&n); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
		return n
	}
	status := func(t *testing.T) (st struct {
		Replica *struct {
			Status     string  `json:"status"`
			LagBytes   int64   `json:"lagBytes"`
			LagSeconds float64 `json:"lagSeconds"`
			MaxLagMs   int64   `json:"maxLagMs"`
			Error      *string `json:"error"`
		} `json:"replica"`
	}) {
		t.Helper()
		r := e.get("/v1/status")
		if r.Status != http.StatusOK {
			t.Fatalf("status: %d %s", r.Status, r.Body)
		}
		r.decode(t, &st)
		if st.Replica == nil {
			t.Fatalf("no replica in the status: %s", r.Body)
		}
		return st
	}
	ready := func(t *testing.T) string {
		t.Helper()
		r := e.get("/readyz")
		if r.Status != http.StatusOK {
			t.Fatalf("readyz: %d %s", r.Status, r.Body)
		}
		var v struct{ Replica string }
		r.decode(t, &v)
		return v.Replica
	}
	register := func(t *testing.T, name string) string {
		t.Helper()
		file := `{"type":"https://eips.ethereum.org/EIPS/eip-8004#registration-v1","name":"` + name + `",` +
			`"description":"Checks replica lag.","capabilities":[{"name":"lag probing",` +
			`"pricing":{"model":"per_call","amount":"5","token":"0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9"}}]}`
		before := e.count(`SELECT count(*) FROM agents`)
		e.transact(t, e.seeded.Agents[0].Owner, bindings.NewIdentityRegistry().PackRegister1(seed.DataURI([]byte(file))))
		return big.NewInt(before).String() // agent ids count up from 0
	}

	t.Run("ServedFromTheReplica", func(t *testing.T) {
		e := e.with(t)
		if st := status(t); st.Replica.Status != "ok" || st.Replica.MaxLagMs != replicaMaxLag.Milliseconds() {
			t.Fatalf("replica %+v, want ok with the bound", *st.Replica)
		}
		if r := ready(t); r != "ok" {
			t.Fatalf("readyz replica %q, want ok", r)
		}
		if n := labelled(t, reg, "agora_gateway_replica_reads_total", "pool", "replica"); n < 1 {
			t.Fatalf("%v reads from the replica after the catalog's load, want some", n)
		}
		// The agent detail's metadata is read from the standby: its own statistics count the scans.
		scans := `SELECT COALESCE(sum(seq_scan + COALESCE(idx_scan, 0)), 0)::bigint FROM pg_stat_user_tables WHERE relname = 'agent_metadata'`
		before := onStandby(t, scans)
		fromReplica := labelled(t, reg, "agora_gateway_replica_reads_total", "pool", "replica")
		for _, a := range e.seeded.Agents[:5] {
			if r := e.get("/v1/agents/" + a.AgentID.String()); r.Status != http.StatusOK {
				t.Fatalf("agent %s: %d %s", a.AgentID, r.Status, r.Body)
			}
		}
		if s := e.search(t, "q=invoice&mode=text"); len(s.Agents) == 0 {
			t.Fatal("no invoice agents")
		}
		if n := labelled(t, reg, "agora_gateway_replica_reads_total", "pool", "replica"); n < fromReplica+6 {
			t.Fatalf("%v reads from the replica after 5 details and a search, want at least %v", n, fromReplica+6)
		}
		e.waitFor("the standby's scans of agent_metadata", func() bool { return onStandby(t, scans) >= before+5 })
	})

	// The replica follows the primary's notifications: a new agent is searchable and a changed detail shows,
	// through the replica, with no fallback to the primary.
	t.Run("Freshness", func(t *testing.T) {
		lagBefore := labelled(t, reg, "agora_gateway_replica_fallbacks_total", "reason", "lag")
		count0, sum0 := histogram(t, reg, "agora_gateway_replica_wait_seconds")
		testFreshness(t, e.with(t))
		if n := labelled(t, reg, "agora_gateway_replica_fallbacks_total", "reason", "lag"); n != lagBefore {
			t.Errorf("%v catalog loads fell back to the primary for lag with replay running", n-lagBefore)
		}
		count, sum := histogram(t, reg, "agora_gateway_replica_wait_seconds")
		if count == count0 {
			t.Fatal("no catalog load read the replica")
		}
		t.Logf("catalog loads of the changes waited for the replica's replay %d times, %.2f ms on average",
			count-count0, 1000*(sum-sum0)/float64(count-count0))
	})

	t.Run("PausedReplayFallsBackWithinTheBound", func(t *testing.T) {
		e := e.with(t)
		conn, err := pgx.Connect(ctx, replicaURL)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, `SELECT pg_wal_replay_pause()`); err != nil {
			t.Fatal(err)
		}
		resumed := false
		resume := func() {
			if !resumed {
				resumed = true
				if _, err := conn.Exec(ctx, `SELECT pg_wal_replay_resume()`); err != nil {
					t.Fatal(err)
				}
			}
		}
		defer resume()
		lagBefore := labelled(t, reg, "agora_gateway_replica_fallbacks_total", "reason", "lag")
		profiles := e.listen(t, "agora_discovery")
		id := register(t, "Paused Replay Probe")
		mined := time.Now()
		var notified time.Time
		for notified.IsZero() {
			select {
			case got := <-profiles:
				if got == id {
					notified = time.Now()
				}
			case <-time.After(30 * time.Second):
				t.Fatal("no discovery notification for the new agent")
			}
		}
		e.waitFor("the new agent in search", func() bool {
			return slices.Contains(ids(e.search(t, "q=paused+replay+probe&mode=text")), id)
		})
		found := time.Since(notified)
		t.Logf("replay paused: searchable %s after the notification (%s after the block), bound %s",
			found.Round(time.Millisecond), time.Since(mined).Round(time.Millisecond), replicaMaxLag)
		if found < replicaMaxLag/2 || found > 2*replicaMaxLag+3*time.Second {
			t.Fatalf("searchable %s after the notification: the catalog load should wait the bound (%s), then read the primary", found, replicaMaxLag)
		}
		if n := onStandby(t, `SELECT count(*) FROM agent_profiles WHERE agent_id = $1::numeric`, id); n != 0 {
			t.Fatal("the standby has the new profile with its replay paused")
		}
		if n := labelled(t, reg, "agora_gateway_replica_fallbacks_total", "reason", "lag"); n <= lagBefore {
			t.Fatal("no lag fallback counted")
		}
		// Past the bound the detail is read from the primary: the standby has not replayed the notified change.
		time.Sleep(time.Until(notified.Add(replicaMaxLag + 200*time.Millisecond)))
		var d struct{ RegistrationFile struct{ Status string } }
		r := e.get("/v1/agents/" + id)
		if r.Status != http.StatusOK {
			t.Fatalf("detail with replay paused: %d %s", r.Status, r.Body)
		}
		r.decode(t, &d)
		if d.RegistrationFile.Status != "ok" {
			t.Fatalf("detail with replay paused: registration file %q, want ok", d.RegistrationFile.Status)
		}
		e.waitFor("the lag in the status", func() bool { return status(t).Replica.LagBytes > 0 })
		resume()
		e.waitFor("the replica caught up", func() bool { return status(t).Replica.LagBytes == 0 })
	})

	t.Run("WritesStayOnThePrimary", func(t *testing.T) {
		e := e.with(t)
		chainID := new(big.Int).SetUint64(e.dep.ChainID)
		a := e.agentByFile(t, "07-translation.json")
		hb := eip712.Heartbeat{AgentID: a.AgentID, Status: eip712.HeartbeatOnline, Price: big.NewInt(5), Token: e.dep.Contracts.TestUSD.Address,
			P95LatencyMs: 80, Capacity: 2, ExpiresAt: uint64(time.Now().Add(5 * time.Minute).Unix()), Nonce: big.NewInt(time.Now().UnixNano())}
		if r := e.post("/v1/heartbeats", heartbeat(t, eip712.GatewayDomain(chainID, e.dep.Contracts.IdentityRegistry.Address), hb, a.Wallet)); r.Status != http.StatusOK {
			t.Fatalf("heartbeat: %d %s", r.Status, r.Body)
		}
		var live struct {
			Live *struct{ Status, Price string }
		}
		e.get("/v1/agents/"+a.AgentID.String()).decode(t, &live)
		if live.Live == nil || live.Live.Status != "online" || live.Live.Price != "5" {
			t.Fatalf("live status right after the heartbeat: %+v", live.Live)
		}
		now := time.Now()
		rfq := eip712.RFQ{Buyer: addressOf(e.chain.Keys[5]), Capability: "translation", InputSpecHash: crypto.Keccak256Hash([]byte("replica")),
			Token: e.dep.Contracts.TestUSD.Address, MaxPrice: big.NewInt(1000), DeliveryDeadline: uint64(now.Add(time.Hour).Unix()),
			QuoteWindowMs: 500, Auction: eip712.AuctionFirstPrice, Validator: common.Address{}, ReviewWindow: 3600,
			Nonce: big.NewInt(now.UnixNano()), Expiry: uint64(now.Add(10 * time.Minute).Unix())}
		res := e.post("/v1/rfqs", signed(t, eip712.EscrowDomain(chainID, e.dep.Contracts.AgentEscrow.Address), rfq, e.chain.Keys[5], nil))
		if res.Status != http.StatusCreated {
			t.Fatalf("POST /v1/rfqs: %d %s", res.Status, res.Body)
		}
		var v rfqResult
		res.decode(t, &v)
		e.awaitClose(t, v.ID)
	})

	t.Run("StoppedStandbyDegradesToThePrimary", func(t *testing.T) {
		e := e.with(t)
		standby.Stop(t)
		for _, a := range e.seeded.Agents[5:15] { // not cached yet
			if r := e.get("/v1/agents/" + a.AgentID.String() + "/feedback"); r.Status != http.StatusOK {
				t.Fatalf("feedback of %s with the standby stopped: %d %s", a.AgentID, r.Status, r.Body)
			}
			if r := e.get("/v1/agents/" + a.AgentID.String()); r.Status != http.StatusOK {
				t.Fatalf("agent %s with the standby stopped: %d %s", a.AgentID, r.Status, r.Body)
			}
		}
		e.waitFor("the replica degraded in the status", func() bool { return status(t).Replica.Status == "degraded" })
		if st := status(t); st.Replica.Error == nil || *st.Replica.Error != "unreachable" {
			t.Fatalf("degraded replica's error %v, want unreachable (and no address)", st.Replica.Error)
		}
		if r := ready(t); r != "degraded" {
			t.Fatalf("readyz replica %q, want degraded (and still ready)", r)
		}
		id := register(t, "Stopped Standby Probe")
		start := time.Now()
		deadline := time.Now().Add(30 * time.Second)
		for !slices.Contains(ids(e.search(t, "q=probe&mode=text")), id) {
			if time.Now().After(deadline) {
				t.Fatalf("agent %s not searchable with the standby stopped (%d agents indexed; fallbacks: unavailable %v, lag %v, error %v)",
					id, e.count(`SELECT count(*) FROM agent_profiles`),
					labelled(t, reg, "agora_gateway_replica_fallbacks_total", "reason", "unavailable"),
					labelled(t, reg, "agora_gateway_replica_fallbacks_total", "reason", "lag"),
					labelled(t, reg, "agora_gateway_replica_fallbacks_total", "reason", "error"))
			}
			time.Sleep(20 * time.Millisecond)
		}
		if lag := time.Since(start); lag > replicaMaxLag {
			t.Errorf("searchable %s after its block with the standby down: the load should read the primary at once", lag)
		}
		if n := labelled(t, reg, "agora_gateway_replica_fallbacks_total", "reason", "unavailable"); n < 1 {
			t.Fatal("no unavailable fallback counted")
		}
		standby.Restart(t)
		e.waitFor("the replica back in the status", func() bool { return status(t).Replica.Status == "ok" })
		if r := ready(t); r != "ok" {
			t.Fatalf("readyz replica %q after the restart, want ok", r)
		}
	})
}

// labelled is the value of the counter or gauge name with the label given (an absent series reads 0).
func labelled(t *testing.T, reg *prometheus.Registry, name, label, value string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		for _, m := range mf.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == label && l.GetValue() == value {
					if c := m.GetCounter(); c != nil {
						return c.GetValue()
					}
					return m.GetGauge().GetValue()
				}
			}
		}
	}
	return 0
}

// histogram is the sample count and sum of the histogram name.
func histogram(t *testing.T, reg *prometheus.Registry, name string) (uint64, float64) {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() == name && len(mf.GetMetric()) == 1 {
			h := mf.GetMetric()[0].GetHistogram()
			return h.GetSampleCount(), h.GetSampleSum()
		}
	}
	t.Fatalf("no histogram %s", name)
	return 0, 0
}
