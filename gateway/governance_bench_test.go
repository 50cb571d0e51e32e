package gateway_test

import (
	"context"
	"encoding/json"
	"math/big"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/eip712"
)

// BenchmarkKillSwitch measures how long after the revoking block the gateway has withdrawn an open RFQ posted
// under the revoked mandate (the target: within one second). Each round grants a mandate, posts an RFQ
// with a long window under it, revokes the mandate, and polls the RFQ's row every millisecond from the moment
// the revoking block exists (anvil mines on submission).
//
//	go test ./gateway -run '^$' -bench BenchmarkKillSwitch -benchtime 20x
func BenchmarkKillSwitch(b *testing.B) {
	e := setup(b)
	ctx := context.Background()
	chainID := new(big.Int).SetUint64(e.dep.ChainID)
	market := eip712.EscrowDomain(chainID, e.dep.Contracts.AgentEscrow.Address)
	registry := bindings.NewMandateRegistry()
	instance := registry.Instance(e.chain.Client, e.dep.Contracts.MandateRegistry.Address)
	principal := e.chain.Keys[7]
	buyer := e.seeded.Agents[1]
	// send returns when the transaction is in a block: anvil mines on submission, so the clock starts when
	// eth_sendRawTransaction returns; the receipt is checked afterwards.
	send := func(data []byte) (time.Time, func()) {
		opts := bind.NewKeyedTransactor(principal, chainID)
		opts.Context = ctx
		tx, err := bind.Transact(instance, opts, data)
		if err != nil {
			b.Fatal(err)
		}
		mined := time.Now()
		return mined, func() {
			if r, err := deployment.WaitMined(ctx, e.chain.Client, tx, 30*time.Second); err != nil || r.Status != 1 {
				b.Fatalf("transaction: %v %v", r, err)
			}
		}
	}
	var lat []time.Duration
	nonce := time.Now().UnixNano()
	b.ResetTimer()
	for range b.N {
		head, err := e.chain.Client.HeaderByNumber(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		terms := eip712.Mandate{Principal: addressOf(principal), AgentID: buyer.AgentID, Agent: addressOf(buyer.Wallet),
			Token: e.dep.Contracts.TestUSD.Address, MaxPerJob: big.NewInt(500), Budget: big.NewInt(1000),
			ValidUntil: head.Time + 86400, EscalateAbove: big.NewInt(500), TimelockAbove: big.NewInt(500)}
		_, check := send(registry.PackGrant(terms.Terms()))
		check()
		id, err := bind.Call(instance, &bind.CallOpts{Context: ctx}, registry.PackMandateCount(), registry.UnpackMandateCount)
		if err != nil {
			b.Fatal(err)
		}
		nonce++
		now := time.Now()
		r := eip712.RFQ{Buyer: addressOf(buyer.Wallet), Capability: "invoice ocr", InputSpecHash: crypto.Keccak256Hash([]byte("spec")),
			Token: e.dep.Contracts.TestUSD.Address, MaxPrice: big.NewInt(50), DeliveryDeadline: uint64(now.Add(time.Hour).Unix()),
			QuoteWindowMs: 60_000, ReviewWindow: 3600, Nonce: big.NewInt(nonce), Expiry: uint64(now.Add(10 * time.Minute).Unix()),
			MandateID: id, ProviderAgentID: new(big.Int)}
		td, _ := eip712.MarshalTypedData(market, r)
		sig, _ := eip712.Sign(buyer.Wallet, market, r)
		rfqID, _ := eip712.Digest(market, r)
		if res := e.post("/v1/rfqs", map[string]any{"typedData": json.RawMessage(td), "signature": hexutil.Encode(sig)}); res.Status != http.StatusCreated {
			b.Fatalf("POST /v1/rfqs: %d %s", res.Status, res.Body)
		}
		revoked, check := send(registry.PackRevoke(id))
		for e.count(`SELECT count(*) FROM rfqs WHERE id = $1 AND status = 'withdrawn'`, rfqID.Bytes()) == 0 {
			if time.Since(revoked) > 10*time.Second {
				b.Fatalf("RFQ %s not withdrawn 10 s after its mandate was revoked", rfqID.Hex())
			}
			time.Sleep(time.Millisecond)
		}
		lat = append(lat, time.Since(revoked))
		check()
	}
	b.StopTimer()
	slices.Sort(lat)
	q := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	b.ReportMetric(float64(q(0.5).Microseconds())/1000, "withdrawn-p50-ms")
	b.ReportMetric(float64(q(0.95).Microseconds())/1000, "withdrawn-p95-ms")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "withdrawn-max-ms")
}
