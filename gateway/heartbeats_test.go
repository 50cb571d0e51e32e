package gateway_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"math/big"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/jackc/pgx/v5"

	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/gateway"
)

func addressOf(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

// heartbeat returns the POST /v1/heartbeats body of hb in domain d signed by key.
func heartbeat(t *testing.T, d eip712.Domain, hb eip712.Heartbeat, key *ecdsa.PrivateKey) map[string]any {
	t.Helper()
	td, err := eip712.MarshalTypedData(d, hb)
	if err != nil {
		t.Fatal(err)
	}
	sig, err := eip712.Sign(key, d, hb)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]any{"typedData": json.RawMessage(td), "signature": hexutil.Encode(sig)}
}

// storedBeat is the agent's heartbeat row as text, "" when there is none.
func (e *env) storedBeat(t *testing.T, agentID string) string {
	t.Helper()
	var row string
	err := e.db.QueryRow(context.Background(), `SELECT h::text FROM heartbeats h WHERE agent_id = $1::text::numeric`, agentID).Scan(&row)
	if err == pgx.ErrNoRows {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	return row
}

func TestGateway_Heartbeats(t *testing.T) {
	e := setup(t)
	domain := eip712.GatewayDomain(new(big.Int).SetUint64(e.dep.ChainID), e.dep.Contracts.IdentityRegistry.Address)
	a := e.agentByFile(t, "07-translation.json")
	id := a.AgentID.String()
	nonce := time.Now().UnixMilli()
	beat := func(n int64, status uint8, expires time.Time) eip712.Heartbeat {
		return eip712.Heartbeat{AgentID: a.AgentID, Status: status, Price: big.NewInt(777),
			Token: e.dep.Contracts.TestUSD.Address, P95LatencyMs: 42, Capacity: 10,
			ExpiresAt: uint64(expires.Unix()), Nonce: big.NewInt(n)}
	}
	online := func() bool {
		s := e.search(t, "online=true&limit=100")
		return slices.Contains(ids(s), id)
	}
	if online() {
		t.Fatal("online before any heartbeat")
	}

	t.Run("AcceptedAndSearchable", func(t *testing.T) {
		e := e.with(t)
		r := e.post("/v1/heartbeats", heartbeat(t, domain, beat(nonce, eip712.HeartbeatOnline, time.Now().Add(time.Minute)), a.Wallet))
		if r.Status != http.StatusOK {
			t.Fatalf("status %d: %s", r.Status, r.Body)
		}
		// The heartbeat is committed before the answer: search shows it at once.
		if !online() {
			t.Fatal("agent not online right after its heartbeat")
		}
		var d struct {
			Live *struct {
				Status string `json:"status"`
				Price  string `json:"price"`
			} `json:"live"`
		}
		e.get("/v1/agents/"+id).decode(t, &d)
		if d.Live == nil || d.Live.Status != "online" || d.Live.Price != "777" {
			t.Fatalf("live %+v", d.Live)
		}
		// The live price overrides the declared one in price filters.
		s := e.search(t, "maxPrice=777&token="+e.dep.Contracts.TestUSD.Address.Hex()+"&limit=100")
		if !slices.Contains(ids(s), id) {
			t.Fatalf("live price 777 not used by maxPrice: %v", ids(s))
		}
	})

	before := e.storedBeat(t, id)
	other := e.agentByFile(t, "08-code-review.json")
	wrongChain := domain
	wrongChain.ChainID = big.NewInt(1)
	wrongContract := domain
	wrongContract.VerifyingContract = e.dep.Contracts.AgentEscrow.Address
	escrowDomain := eip712.EscrowDomain(domain.ChainID, e.dep.Contracts.AgentEscrow.Address)
	future := time.Now().Add(time.Minute)
	good := heartbeat(t, domain, beat(nonce, eip712.HeartbeatOnline, future), a.Wallet)
	badSig := heartbeat(t, domain, beat(nonce+1, eip712.HeartbeatOnline, future), a.Wallet)
	badSig["signature"] = "0x1234"
	highS := heartbeat(t, domain, beat(nonce+1, eip712.HeartbeatOnline, future), a.Wallet)
	highS["signature"] = malleate(t, highS["signature"].(string))
	unknown := heartbeat(t, domain, beat(nonce+1, eip712.HeartbeatOnline, future), a.Wallet)
	unknown["typedData"] = setMessage(t, unknown["typedData"].(json.RawMessage), "agentId", "999999")
	for _, tc := range []struct {
		name   string
		body   any
		status int
		code   string
	}{
		{"Replay", good, 409, gateway.CodeStaleNonce},
		{"OlderNonce", heartbeat(t, domain, beat(nonce-1, eip712.HeartbeatOnline, future), a.Wallet), 409, gateway.CodeStaleNonce},
		{"OtherSigner", heartbeat(t, domain, beat(nonce+1, eip712.HeartbeatOnline, future), other.Wallet), 403, gateway.CodeSignerMismatch},
		{"OwnerIsNotTheWallet", heartbeat(t, domain, beat(nonce+1, eip712.HeartbeatOnline, future), a.Owner), 403, gateway.CodeSignerMismatch},
		{"MalformedSignature", badSig, 400, gateway.CodeInvalidSignature},
		{"HighS", highS, 400, gateway.CodeInvalidSignature},
		{"Expired", heartbeat(t, domain, beat(nonce+1, eip712.HeartbeatOnline, time.Now().Add(-time.Second)), a.Wallet), 400, gateway.CodeHeartbeatExpired},
		{"TooFarAhead", heartbeat(t, domain, beat(nonce+1, eip712.HeartbeatOnline, time.Now().Add(48*time.Hour)), a.Wallet), 400, gateway.CodeHeartbeatExpired},
		{"WrongChain", heartbeat(t, wrongChain, beat(nonce+1, eip712.HeartbeatOnline, future), a.Wallet), 400, gateway.CodeWrongChain},
		{"WrongContract", heartbeat(t, wrongContract, beat(nonce+1, eip712.HeartbeatOnline, future), a.Wallet), 400, gateway.CodeWrongContract},
		{"WrongDomainName", heartbeat(t, escrowDomain, beat(nonce+1, eip712.HeartbeatOnline, future), a.Wallet), 400, gateway.CodeWrongContract},
		{"BadStatus", heartbeat(t, domain, beat(nonce+1, 7, future), a.Wallet), 400, gateway.CodeInvalidBody},
		{"UnknownAgent", unknown, 404, gateway.CodeAgentNotFound},
		{"NotTypedData", map[string]any{"typedData": map[string]any{"hello": 1}, "signature": "0x00"}, 400, gateway.CodeInvalidBody},
		{"UnknownField", map[string]any{"typedData": good["typedData"], "signature": good["signature"], "extra": 1}, 400, gateway.CodeInvalidBody},
	} {
		t.Run("Refused/"+tc.name, func(t *testing.T) {
			e := e.with(t)
			e.post("/v1/heartbeats", tc.body).problem(t, tc.status, tc.code)
			if got := e.storedBeat(t, id); got != before {
				t.Fatalf("a refused heartbeat changed the stored one:\n%s\n%s", before, got)
			}
		})
	}
	t.Run("Refused/NotJSON", func(t *testing.T) {
		e := e.with(t)
		e.do(http.MethodPost, "/v1/heartbeats", "text/plain", []byte("hi")).problem(t, 415, gateway.CodeUnsupportedMedia)
	})
	t.Run("Refused/TooLarge", func(t *testing.T) {
		e := e.with(t)
		e.do(http.MethodPost, "/v1/heartbeats", "application/json", []byte(`{"typedData":"`+strings.Repeat("x", 100<<10)+`"}`)).
			problem(t, 413, gateway.CodeRequestTooLarge)
	})

	t.Run("ExpiryTurnsOffline", func(t *testing.T) {
		e := e.with(t)
		r := e.post("/v1/heartbeats", heartbeat(t, domain, beat(nonce+10, eip712.HeartbeatOnline, time.Now().Add(5*time.Second)), a.Wallet))
		if r.Status != 200 {
			t.Fatalf("status %d: %s", r.Status, r.Body)
		}
		if !online() {
			t.Fatal("not online")
		}
		e.waitFor("heartbeat expiry", func() bool { return !online() })
		var d struct {
			Live struct{ Status string } `json:"live"`
		}
		e.get("/v1/agents/"+id).decode(t, &d)
		if d.Live.Status != "offline" {
			t.Fatalf("status %q after expiry, want offline", d.Live.Status)
		}
	})

	t.Run("Concurrent", func(t *testing.T) {
		e := e.with(t)
		// Many heartbeats of one agent at once: exactly the highest nonce survives, the rest are refused
		// or superseded, and none is lost silently.
		base := nonce + 100
		type out struct {
			n      int64
			status int
		}
		results := make(chan out, 40)
		for i := range int64(40) {
			body := heartbeat(t, domain, beat(base+i, eip712.HeartbeatBusy, time.Now().Add(time.Minute)), a.Wallet)
			go func() {
				b, _ := json.Marshal(body)
				res, err := e.http.Client().Post(e.http.URL+"/v1/heartbeats", "application/json", strings.NewReader(string(b)))
				if err != nil {
					results <- out{base + i, 0}
					return
				}
				res.Body.Close()
				results <- out{base + i, res.StatusCode}
			}()
		}
		for range 40 {
			o := <-results
			if o.status != 200 && o.status != 409 {
				t.Fatalf("nonce %d: status %d", o.n, o.status)
			}
		}
		var stored string
		if err := e.db.QueryRow(context.Background(), `SELECT nonce::text FROM heartbeats WHERE agent_id = $1::text::numeric`, id).Scan(&stored); err != nil {
			t.Fatal(err)
		}
		if stored != big.NewInt(base+39).String() {
			t.Fatalf("stored nonce %s, want the highest %d", stored, base+39)
		}
	})

	t.Run("ContractWallet", func(t *testing.T) { testContractWalletHeartbeat(t, e.with(t), domain) })
}

// malleate turns a signature into its high-s twin (s' = n - s, v flipped): valid for ecrecover, refused
// by OpenZeppelin's ECDSA and by the gateway.
func malleate(t testing.TB, sigHex string) string {
	t.Helper()
	sig := hexutil.MustDecode(sigHex)
	n := crypto.S256().Params().N
	s := new(big.Int).SetBytes(sig[32:64])
	s.Sub(n, s)
	out := append([]byte{}, sig[:32]...)
	out = append(out, common.LeftPadBytes(s.Bytes(), 32)...)
	v := sig[64]
	if v == 27 || v == 0 {
		v++
	} else {
		v--
	}
	return hexutil.Encode(append(out, v))
}

// setMessage replaces one message member of typed data JSON.
func setMessage(t *testing.T, td json.RawMessage, key, value string) json.RawMessage {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(td, &m); err != nil {
		t.Fatal(err)
	}
	m["message"].(map[string]any)[key] = value
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
