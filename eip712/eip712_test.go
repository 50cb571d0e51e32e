package eip712_test

import (
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/agoralabs/agora/eip712"
)

// fixture is one vector of testdata/eip712, written by scripts/eip712-fixtures.sh with Foundry's cast.
type fixture struct {
	Name        string          `json:"name"`
	Description string          `json:"description"`
	TypedData   json.RawMessage `json:"typedData"`
	Digest      common.Hash     `json:"digest"`
	Signer      common.Address  `json:"signer"`
	Signature   hexutil.Bytes   `json:"signature"`
}

// loadFixtures reads every fixture; there must be at least one of each type.
func loadFixtures(t *testing.T) []fixture {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "eip712", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var fs []fixture
	count := map[string]int{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var f fixture
		dec := json.NewDecoder(strings.NewReader(string(data)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&f); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if f.Name+".json" != filepath.Base(p) {
			t.Fatalf("%s: name %q does not match the file name", p, f.Name)
		}
		var head struct{ PrimaryType string }
		if err := json.Unmarshal(f.TypedData, &head); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		count[head.PrimaryType]++
		fs = append(fs, f)
	}
	for _, typ := range []string{"AgentWalletSet", "ServiceAgreement", "Heartbeat", "RFQ", "Quote", "Mandate", "MandateApproval", "PolicyApproval", "ApprovalsQuery", "AuditQuery"} {
		if count[typ] < 3 {
			t.Fatalf("%d %s fixtures in testdata/eip712, want at least 3 (run scripts/eip712-fixtures.sh)", count[typ], typ)
		}
	}
	return fs
}

func TestFixtures(t *testing.T) {
	for _, f := range loadFixtures(t) {
		t.Run(f.Name, func(t *testing.T) {
			d, m, err := eip712.ParseTypedData(f.TypedData)
			if err != nil {
				t.Fatalf("ParseTypedData: %v", err)
			}

			got, err := eip712.Digest(d, m)
			if err != nil {
				t.Fatalf("Digest: %v", err)
			}
			if got != f.Digest {
				t.Errorf("Digest = %s, want fixture %s", got, f.Digest)
			}

			var td apitypes.TypedData
			if err := json.Unmarshal(f.TypedData, &td); err != nil {
				t.Fatalf("apitypes: %v", err)
			}
			gethDigest, _, err := apitypes.TypedDataAndHash(td)
			if err != nil {
				t.Fatalf("apitypes.TypedDataAndHash: %v", err)
			}
			if common.BytesToHash(gethDigest) != f.Digest {
				t.Errorf("go-ethereum apitypes digest = %x, want fixture %s", gethDigest, f.Digest)
			}

			signer, err := eip712.Recover(d, m, f.Signature)
			if err != nil {
				t.Fatalf("Recover: %v", err)
			}
			if signer != f.Signer {
				t.Errorf("Recover = %s, want %s", signer, f.Signer)
			}

			// What we would hand a wallet is exactly what cast signed.
			ours, err := eip712.MarshalTypedData(d, m)
			if err != nil {
				t.Fatalf("MarshalTypedData: %v", err)
			}
			if g, w := decodeJSON(t, ours), decodeJSON(t, f.TypedData); !reflect.DeepEqual(g, w) {
				t.Errorf("MarshalTypedData =\n%s\nwant\n%s", ours, f.TypedData)
			}
		})
	}
}

func decodeJSON(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestTypeString(t *testing.T) {
	tests := []struct {
		m    eip712.Message
		want string
	}{
		{eip712.AgentWalletSet{}, eip712.AgentWalletSetType},
		{eip712.ServiceAgreement{}, eip712.ServiceAgreementType},
		{eip712.Heartbeat{}, eip712.HeartbeatType},
		{eip712.RFQ{}, eip712.RFQType},
		{eip712.Quote{}, eip712.QuoteType},
	}
	for _, tt := range tests {
		if got := eip712.TypeString(tt.m); got != tt.want {
			t.Errorf("TypeString(%s) = %q, want %q", tt.m.PrimaryType(), got, tt.want)
		}
		if got, want := eip712.TypeHash(tt.m), crypto.Keccak256Hash([]byte(tt.want)); got != want {
			t.Errorf("TypeHash(%s) = %s, want %s", tt.m.PrimaryType(), got, want)
		}
	}
}

func sampleAgreement() eip712.ServiceAgreement {
	return eip712.ServiceAgreement{
		ProviderAgentID:     big.NewInt(3),
		Client:              common.HexToAddress("0x1000000000000000000000000000000000000001"),
		Provider:            common.HexToAddress("0x2000000000000000000000000000000000000002"),
		Token:               common.HexToAddress("0x3000000000000000000000000000000000000003"),
		Price:               big.NewInt(25_000_000),
		DeliveryDeadline:    1_800_000_000,
		ExpiredAt:           1_800_086_400,
		DeliverableSpecHash: crypto.Keccak256Hash([]byte("spec")),
		SLAHash:             crypto.Keccak256Hash([]byte("sla")),
		Validator:           common.HexToAddress("0x4000000000000000000000000000000000000004"),
		ValidationThreshold: 70,
		Arbiter:             common.HexToAddress("0x5000000000000000000000000000000000000005"),
		ReviewWindow:        86_400,
		LatePenaltyBps:      500,
		Nonce:               big.NewInt(9),
		Expiry:              big.NewInt(1_799_990_000),
		MandateID:           big.NewInt(17),
	}
}

// TestDigest_EveryFieldCounts changes one member at a time and expects a new digest, so a member left
// out of the encoding cannot go unnoticed.
func TestDigest_EveryFieldCounts(t *testing.T) {
	domain := eip712.EscrowDomain(big.NewInt(31337), common.HexToAddress("0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9"))
	base := sampleAgreement()
	baseDigest, err := eip712.Digest(domain, base)
	if err != nil {
		t.Fatal(err)
	}
	typ := reflect.TypeOf(base)
	for i := range typ.NumField() {
		name := typ.Field(i).Name
		t.Run(name, func(t *testing.T) {
			m := sampleAgreement()
			bump(t, reflect.ValueOf(&m).Elem().Field(i))
			got, err := eip712.Digest(domain, m)
			if err != nil {
				t.Fatal(err)
			}
			if got == baseDigest {
				t.Errorf("Digest unchanged after changing %s", name)
			}
		})
	}

	domainChanges := map[string]eip712.Domain{
		"name":              {Name: "Other", Version: "1", ChainID: domain.ChainID, VerifyingContract: domain.VerifyingContract},
		"version":           {Name: domain.Name, Version: "2", ChainID: domain.ChainID, VerifyingContract: domain.VerifyingContract},
		"chainId":           {Name: domain.Name, Version: "1", ChainID: big.NewInt(1), VerifyingContract: domain.VerifyingContract},
		"verifyingContract": {Name: domain.Name, Version: "1", ChainID: domain.ChainID, VerifyingContract: common.Address{1}},
	}
	for name, d := range domainChanges {
		got, err := eip712.Digest(d, base)
		if err != nil {
			t.Fatal(err)
		}
		if got == baseDigest {
			t.Errorf("Digest unchanged after changing domain %s", name)
		}
	}
}

// TestDigest_EveryMarketFieldCounts changes each member of an RFQ and of a Quote in turn: each must change
// the digest (the string capability through its keccak256).
func TestDigest_EveryMarketFieldCounts(t *testing.T) {
	domain := eip712.EscrowDomain(big.NewInt(31337), common.HexToAddress("0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9"))
	rfq := eip712.RFQ{Buyer: common.Address{5}, Capability: "invoice ocr", InputSpecHash: common.Hash{1},
		Token: common.Address{3}, MaxPrice: big.NewInt(100), FloorPrice: big.NewInt(10), DeliveryDeadline: 2,
		QuoteWindowMs: 250, Auction: eip712.AuctionDutch, ProviderAgentID: big.NewInt(0), Validator: common.Address{7},
		ValidationThreshold: 80, Nonce: big.NewInt(9), Expiry: 3, MandateID: big.NewInt(11)}
	quote := eip712.Quote{RFQID: common.Hash{2}, ProviderAgentID: big.NewInt(4), Provider: common.Address{6},
		Price: big.NewInt(90), DeliveryDeadline: 2, SLAHash: common.Hash{3}, Nonce: big.NewInt(1), ValidUntil: 5}
	for _, base := range []eip712.Message{rfq, quote} {
		baseDigest, err := eip712.Digest(domain, base)
		if err != nil {
			t.Fatal(err)
		}
		typ := reflect.TypeOf(base)
		for i := range typ.NumField() {
			t.Run(base.PrimaryType()+"/"+typ.Field(i).Name, func(t *testing.T) {
				m := reflect.New(typ).Elem()
				m.Set(reflect.ValueOf(base))
				bump(t, m.Field(i))
				got, err := eip712.Digest(domain, m.Interface().(eip712.Message))
				if err != nil {
					t.Fatal(err)
				}
				if got == baseDigest {
					t.Errorf("Digest unchanged after changing %s", typ.Field(i).Name)
				}
			})
		}
	}
}

// TestParseTypedData_StringMember checks the RFQ's string member: a JSON string, not a number.
func TestParseTypedData_StringMember(t *testing.T) {
	domain := eip712.EscrowDomain(big.NewInt(31337), common.Address{1})
	valid, err := eip712.MarshalTypedData(domain, eip712.RFQ{Capability: "42"})
	if err != nil {
		t.Fatal(err)
	}
	_, m, err := eip712.ParseTypedData(valid)
	if err != nil || m.(eip712.RFQ).Capability != "42" {
		t.Fatalf("ParseTypedData(valid) = %+v, %v", m, err)
	}
	bad := strings.Replace(string(valid), `"capability":"42"`, `"capability":42`, 1)
	if bad == string(valid) {
		t.Fatalf("template has no capability member: %s", valid)
	}
	if _, _, err := eip712.ParseTypedData([]byte(bad)); !errors.Is(err, eip712.ErrInvalidValue) {
		t.Errorf("ParseTypedData(capability as a number) error = %v, want ErrInvalidValue", err)
	}
}

// bump changes v to a different value of its type.
func bump(t *testing.T, v reflect.Value) {
	t.Helper()
	switch x := v.Addr().Interface().(type) {
	case **big.Int:
		*x = new(big.Int).Add(*x, big.NewInt(1))
	case *uint64:
		*x++
	case *uint32:
		*x++
	case *uint16:
		*x++
	case *uint8:
		*x++
	case *common.Address:
		x[19] ^= 1
	case *common.Hash:
		x[31] ^= 1
	case *string:
		*x += "."
	default:
		t.Fatalf("bump: unhandled type %s", v.Type())
	}
}

func TestSignRecover(t *testing.T) {
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	domain := eip712.IdentityDomain(big.NewInt(31337), common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3"))
	m := eip712.AgentWalletSet{AgentID: big.NewInt(1), NewWallet: crypto.PubkeyToAddress(key.PublicKey),
		Owner: common.Address{9}, Deadline: big.NewInt(1_800_000_000)}
	sig, err := eip712.Sign(key, domain, m)
	if err != nil {
		t.Fatal(err)
	}
	if v := sig[64]; v != 27 && v != 28 {
		t.Errorf("Sign: v = %d, want 27 or 28", v)
	}
	got, err := eip712.Recover(domain, m, sig)
	if err != nil {
		t.Fatal(err)
	}
	if want := crypto.PubkeyToAddress(key.PublicKey); got != want {
		t.Errorf("Recover = %s, want %s", got, want)
	}
	m.Deadline = big.NewInt(1_800_000_001)
	if got, _ := eip712.Recover(domain, m, sig); got == crypto.PubkeyToAddress(key.PublicKey) {
		t.Errorf("Recover of a changed message = signer, want another address")
	}
	if _, err := eip712.RecoverDigest(common.Hash{}, sig[:64]); !errors.Is(err, eip712.ErrInvalidSignature) {
		t.Errorf("RecoverDigest(64-byte sig) error = %v, want ErrInvalidSignature", err)
	}
}

func TestDigest_InvalidValue(t *testing.T) {
	two256 := new(big.Int).Lsh(big.NewInt(1), 256)
	domain := eip712.IdentityDomain(big.NewInt(31337), common.Address{1})
	tests := []struct {
		name string
		d    eip712.Domain
		m    eip712.Message
	}{
		{"negative agentId", domain, eip712.AgentWalletSet{AgentID: big.NewInt(-1)}},
		{"deadline 2^256", domain, eip712.AgentWalletSet{Deadline: two256}},
		{"price 2^256", domain, eip712.ServiceAgreement{Price: two256}},
		{"chainId missing", eip712.Domain{Name: "x", Version: "1"}, eip712.AgentWalletSet{}},
		{"chainId 2^256", eip712.Domain{Name: "x", Version: "1", ChainID: two256}, eip712.AgentWalletSet{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := eip712.Digest(tt.d, tt.m); !errors.Is(err, eip712.ErrInvalidValue) {
				t.Errorf("Digest error = %v, want ErrInvalidValue", err)
			}
		})
	}
}

func TestParseTypedData_Rejects(t *testing.T) {
	domain := eip712.EscrowDomain(big.NewInt(31337), common.Address{1})
	valid, err := eip712.MarshalTypedData(domain, sampleAgreement())
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := eip712.ParseTypedData(valid); err != nil {
		t.Fatalf("ParseTypedData(valid) = %v", err)
	}
	tests := []struct {
		name   string
		edit   func(td map[string]any)
		target error
	}{
		{"unknown primary type", func(td map[string]any) { td["primaryType"] = "Mail" }, eip712.ErrUnknownType},
		{"member type changed", func(td map[string]any) {
			members(td)[5].(map[string]any)["type"] = "uint256"
		}, eip712.ErrUnknownType},
		{"members reordered", func(td map[string]any) {
			ms := members(td)
			ms[1], ms[2] = ms[2], ms[1]
		}, eip712.ErrUnknownType},
		{"extra type", func(td map[string]any) { td["types"].(map[string]any)["Mail"] = []any{} }, eip712.ErrUnknownType},
		{"bad address", func(td map[string]any) { message(td)["client"] = "0x1234" }, eip712.ErrInvalidValue},
		{"uint8 overflow", func(td map[string]any) { message(td)["validationThreshold"] = "256" }, eip712.ErrInvalidValue},
		{"uint64 overflow", func(td map[string]any) { message(td)["expiredAt"] = "18446744073709551616" }, eip712.ErrInvalidValue},
		{"negative", func(td map[string]any) { message(td)["price"] = "-1" }, eip712.ErrInvalidValue},
		{"not a number", func(td map[string]any) { message(td)["price"] = "1e6" }, eip712.ErrInvalidValue},
		{"short bytes32", func(td map[string]any) { message(td)["slaHash"] = "0x1234" }, eip712.ErrInvalidValue},
		{"missing member", func(td map[string]any) { delete(message(td), "nonce") }, eip712.ErrInvalidValue},
		{"unknown member", func(td map[string]any) { message(td)["tip"] = "1" }, eip712.ErrInvalidValue},
		{"domain chainId missing", func(td map[string]any) {
			delete(td["domain"].(map[string]any), "chainId")
		}, eip712.ErrInvalidValue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var td map[string]any
			if err := json.Unmarshal(valid, &td); err != nil {
				t.Fatal(err)
			}
			tt.edit(td)
			data, err := json.Marshal(td)
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := eip712.ParseTypedData(data); !errors.Is(err, tt.target) {
				t.Errorf("ParseTypedData error = %v, want %v", err, tt.target)
			}
		})
	}
}

func TestParseTypedData_AcceptsNumbersAndHex(t *testing.T) {
	domain := eip712.IdentityDomain(big.NewInt(31337), common.Address{1})
	want := eip712.AgentWalletSet{AgentID: big.NewInt(255), NewWallet: common.Address{2}, Owner: common.Address{3},
		Deadline: big.NewInt(1_800_000_000)}
	data, err := eip712.MarshalTypedData(domain, want)
	if err != nil {
		t.Fatal(err)
	}
	data = []byte(strings.NewReplacer(`"agentId":"255"`, `"agentId":"0xff"`, `"deadline":"1800000000"`,
		`"deadline":1800000000`, `"chainId":"31337"`, `"chainId":31337`).Replace(string(data)))
	d, m, err := eip712.ParseTypedData(data)
	if err != nil {
		t.Fatalf("ParseTypedData(%s) = %v", data, err)
	}
	if !reflect.DeepEqual(m, want) || d.ChainID.Cmp(domain.ChainID) != 0 {
		t.Errorf("ParseTypedData = %+v, %+v, want %+v, %+v", d, m, domain, want)
	}
}

func members(td map[string]any) []any {
	return td["types"].(map[string]any)["ServiceAgreement"].([]any)
}

func message(td map[string]any) map[string]any {
	return td["message"].(map[string]any)
}
