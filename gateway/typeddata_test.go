package gateway_test

import (
	"crypto/ecdsa"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/gateway"
)

// verifyResult is the body of POST /v1/eip712/verify.
type verifyResult struct {
	Valid       bool    `json:"valid"`
	PrimaryType string  `json:"primaryType"`
	Digest      string  `json:"digest"`
	Signer      *string `json:"signer"`
	Method      string  `json:"method"`
	Reason      string  `json:"reason"`
}

// signed returns the POST /v1/eip712/verify body of m under d signed by key (signer: the account to check,
// nil to let the gateway recover it).
func signed(t *testing.T, d eip712.Domain, m eip712.Message, key *ecdsa.PrivateKey, signer *common.Address) map[string]any {
	t.Helper()
	td, err := eip712.MarshalTypedData(d, m)
	if err != nil {
		t.Fatal(err)
	}
	sig, err := eip712.Sign(key, d, m)
	if err != nil {
		t.Fatal(err)
	}
	body := map[string]any{"typedData": json.RawMessage(td), "signature": hexutil.Encode(sig)}
	if signer != nil {
		body["signer"] = signer.Hex()
	}
	return body
}

func (e *env) verify(t *testing.T, body any) verifyResult {
	t.Helper()
	r := e.post("/v1/eip712/verify", body)
	if r.Status != 200 {
		t.Fatalf("verify: status %d: %s", r.Status, r.Body)
	}
	var v verifyResult
	r.decode(t, &v)
	return v
}

// testTypedData checks GET /v1/eip712/{type} and POST /v1/eip712/verify on the real chain's deployment.
func testTypedData(t *testing.T, e *env) {
	chainID := new(big.Int).SetUint64(e.dep.ChainID)
	identity, escrow := e.dep.Contracts.IdentityRegistry.Address, e.dep.Contracts.AgentEscrow.Address

	t.Run("Templates", func(t *testing.T) {
		for name, want := range map[string]struct {
			primary, domain string
			contract        common.Address
		}{
			"agent-wallet-set":  {"AgentWalletSet", eip712.IdentityDomainName, identity},
			"heartbeat":         {"Heartbeat", eip712.GatewayDomainName, identity},
			"service-agreement": {"ServiceAgreement", eip712.EscrowDomainName, escrow},
			"rfq":               {"RFQ", eip712.EscrowDomainName, escrow},
			"quote":             {"Quote", eip712.EscrowDomainName, escrow},
			"RFQ":               {"RFQ", eip712.EscrowDomainName, escrow}, // by primary type too
			"ServiceAgreement":  {"ServiceAgreement", eip712.EscrowDomainName, escrow},
		} {
			r := e.get("/v1/eip712/" + name)
			if r.Status != 200 {
				t.Fatalf("%s: %d %s", name, r.Status, r.Body)
			}
			d, m, err := eip712.ParseTypedData(r.Body) // the template is typed data this package accepts
			if err != nil {
				t.Fatalf("%s: %v\n%s", name, err, r.Body)
			}
			if m.PrimaryType() != want.primary || d.Name != want.domain || d.ChainID.Cmp(chainID) != 0 ||
				d.VerifyingContract != want.contract {
				t.Fatalf("%s: %s under %+v, want %s under %s on chain %s at %s", name, m.PrimaryType(), d,
					want.primary, want.domain, chainID, want.contract)
			}
		}
		e.get("/v1/eip712/order").problem(t, 404, gateway.CodeUnknownType)
		e.get("/v1/eip712/rfQ").problem(t, 404, gateway.CodeUnknownType) // names are exact
	})

	market := eip712.EscrowDomain(chainID, escrow)
	buyer := e.chain.Keys[5]
	rfq := eip712.RFQ{Buyer: addressOf(buyer), Capability: "invoice ocr vietnamese", Token: e.dep.Contracts.TestUSD.Address,
		MaxPrice: big.NewInt(5_000_000), DeliveryDeadline: 1767229200, QuoteWindowMs: 250, Nonce: big.NewInt(1),
		Expiry: 1767222600}

	t.Run("VerifyRecoversTheSigner", func(t *testing.T) {
		v := e.verify(t, signed(t, market, rfq, buyer, nil))
		digest, _ := eip712.Digest(market, rfq)
		if !v.Valid || v.Method != "ecdsa" || v.PrimaryType != "RFQ" || v.Digest != digest.Hex() ||
			v.Signer == nil || *v.Signer != addressOf(buyer).Hex() {
			t.Fatalf("verify = %+v, want valid ecdsa RFQ by %s with digest %s", v, addressOf(buyer), digest)
		}
	})

	t.Run("VerifyNamesAnotherSigner", func(t *testing.T) {
		other := addressOf(e.chain.Keys[6])
		v := e.verify(t, signed(t, market, rfq, buyer, &other))
		if v.Valid || v.Reason == "" || v.Method != "" {
			t.Fatalf("verify = %+v, want not valid with a reason", v)
		}
	})

	t.Run("VerifyRefuses", func(t *testing.T) {
		e.post("/v1/eip712/verify", signed(t, eip712.EscrowDomain(big.NewInt(1), escrow), rfq, buyer, nil)).
			problem(t, 400, gateway.CodeWrongChain)
		e.post("/v1/eip712/verify", signed(t, eip712.EscrowDomain(chainID, identity), rfq, buyer, nil)).
			problem(t, 400, gateway.CodeWrongContract)
		e.post("/v1/eip712/verify", signed(t, eip712.GatewayDomain(chainID, escrow), rfq, buyer, nil)).
			problem(t, 400, gateway.CodeWrongContract) // an RFQ under the gateway's domain name

		body := signed(t, market, rfq, buyer, nil)
		sig := hexutil.MustDecode(body["signature"].(string))
		short := map[string]any{"typedData": body["typedData"], "signature": hexutil.Encode(sig[:64])}
		e.post("/v1/eip712/verify", short).problem(t, 400, gateway.CodeInvalidSignature)

		// The same signature with s' = n - s (and v flipped) is a valid ECDSA signature that OpenZeppelin's
		// ECDSA and this gateway refuse: malleable.
		n := crypto.S256().Params().N
		s := new(big.Int).SetBytes(sig[32:64])
		high := append(append([]byte{}, sig[:32]...), common.LeftPadBytes(new(big.Int).Sub(n, s).Bytes(), 32)...)
		high = append(high, 27+(1-(sig[64]-27)))
		malleable := map[string]any{"typedData": body["typedData"], "signature": hexutil.Encode(high),
			"signer": addressOf(buyer).Hex()}
		e.post("/v1/eip712/verify", malleable).problem(t, 400, gateway.CodeInvalidSignature)

		e.post("/v1/eip712/verify", map[string]any{"typedData": json.RawMessage(`{"primaryType":"Order"}`),
			"signature": body["signature"]}).problem(t, 400, gateway.CodeInvalidBody)
		e.post("/v1/eip712/verify", map[string]any{"typedData": body["typedData"]}).problem(t, 400, gateway.CodeInvalidBody)
	})

	t.Run("VerifyFixtures", func(t *testing.T) {
		paths, err := filepath.Glob(filepath.Join("..", "testdata", "eip712", "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		checked := 0
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			var f struct {
				TypedData json.RawMessage `json:"typedData"`
				Digest    string          `json:"digest"`
				Signer    string          `json:"signer"`
				Signature string          `json:"signature"`
			}
			if err := json.Unmarshal(data, &f); err != nil {
				t.Fatal(err)
			}
			d, _, err := eip712.ParseTypedData(f.TypedData)
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			body := map[string]any{"typedData": f.TypedData, "signature": f.Signature}
			if d.ChainID.Cmp(chainID) != 0 {
				e.post("/v1/eip712/verify", body).problem(t, 400, gateway.CodeWrongChain)
				continue
			}
			v := e.verify(t, body) // cast signed these at the addresses agora deploy gives on a fresh chain
			if !v.Valid || v.Digest != f.Digest || v.Signer == nil || *v.Signer != f.Signer {
				t.Fatalf("%s: verify = %+v, want valid by %s with digest %s", p, v, f.Signer, f.Digest)
			}
			checked++
		}
		if checked < 10 {
			t.Fatalf("only %d fixtures on chain %s", checked, chainID)
		}
	})
}
