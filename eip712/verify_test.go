package eip712_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"math/big"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/agoralabs/agora/eip712"
)

var (
	devRegistry = common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	gateway     = eip712.GatewayDomain(big.NewInt(31337), devRegistry)
)

func sampleHeartbeat() eip712.Heartbeat {
	return eip712.Heartbeat{
		AgentID:      big.NewInt(7),
		Status:       eip712.HeartbeatOnline,
		Price:        big.NewInt(250_000),
		Token:        common.HexToAddress("0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9"),
		P95LatencyMs: 180,
		Capacity:     32,
		ExpiresAt:    1_767_225_960,
		Nonce:        big.NewInt(11),
	}
}

func TestHeartbeat_TypedDataRoundTrip(t *testing.T) {
	for _, status := range []uint8{eip712.HeartbeatOffline, eip712.HeartbeatOnline, eip712.HeartbeatBusy} {
		want := sampleHeartbeat()
		want.Status = status
		data, err := eip712.MarshalTypedData(gateway, want)
		if err != nil {
			t.Fatal(err)
		}
		d, m, err := eip712.ParseTypedData(data)
		if err != nil {
			t.Fatalf("ParseTypedData(%s) = %v", data, err)
		}
		if !reflect.DeepEqual(m, want) {
			t.Errorf("ParseTypedData message = %+v, want %+v", m, want)
		}
		if d.Name != eip712.GatewayDomainName || d.Version != "1" || d.ChainID.Cmp(gateway.ChainID) != 0 ||
			d.VerifyingContract != devRegistry {
			t.Errorf("ParseTypedData domain = %+v, want %+v", d, gateway)
		}

		digest, err := eip712.Digest(gateway, want)
		if err != nil {
			t.Fatal(err)
		}
		var td apitypes.TypedData
		if err := json.Unmarshal(data, &td); err != nil {
			t.Fatal(err)
		}
		geth, _, err := apitypes.TypedDataAndHash(td)
		if err != nil {
			t.Fatalf("apitypes.TypedDataAndHash: %v", err)
		}
		if common.BytesToHash(geth) != digest {
			t.Errorf("status %d: Digest = %s, go-ethereum apitypes = %x", status, digest, geth)
		}
	}
}

// TestHeartbeat_EveryFieldCounts: each member, and the domain, changes the digest.
func TestHeartbeat_EveryFieldCounts(t *testing.T) {
	base, err := eip712.Digest(gateway, sampleHeartbeat())
	if err != nil {
		t.Fatal(err)
	}
	typ := reflect.TypeOf(sampleHeartbeat())
	for i := range typ.NumField() {
		name := typ.Field(i).Name
		t.Run(name, func(t *testing.T) {
			m := sampleHeartbeat()
			bump(t, reflect.ValueOf(&m).Elem().Field(i))
			got, err := eip712.Digest(gateway, m)
			if err != nil {
				t.Fatal(err)
			}
			if got == base {
				t.Errorf("Digest unchanged after changing %s", name)
			}
		})
	}
	for name, d := range map[string]eip712.Domain{
		"chain":                    eip712.GatewayDomain(big.NewInt(8453), devRegistry),
		"registry":                 eip712.GatewayDomain(big.NewInt(31337), common.Address{1}),
		"registry's own domain":    eip712.IdentityDomain(big.NewInt(31337), devRegistry),
		"escrow domain, same addr": eip712.EscrowDomain(big.NewInt(31337), devRegistry),
	} {
		got, err := eip712.Digest(d, sampleHeartbeat())
		if err != nil {
			t.Fatal(err)
		}
		if got == base {
			t.Errorf("Digest under the %s = the gateway domain's", name)
		}
	}
}

func TestParseTypedData_HeartbeatRejects(t *testing.T) {
	valid, err := eip712.MarshalTypedData(gateway, sampleHeartbeat())
	if err != nil {
		t.Fatal(err)
	}
	for member, value := range map[string]string{
		"status":       "256",
		"p95LatencyMs": "4294967296",
		"capacity":     "-1",
		"expiresAt":    "18446744073709551616",
		"token":        "0x12",
	} {
		var td map[string]any
		if err := json.Unmarshal(valid, &td); err != nil {
			t.Fatal(err)
		}
		message(td)[member] = value
		data, err := json.Marshal(td)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := eip712.ParseTypedData(data); !errors.Is(err, eip712.ErrInvalidValue) {
			t.Errorf("ParseTypedData(%s = %q) error = %v, want ErrInvalidValue", member, value, err)
		}
	}
}

// fakeNode is a CodeCaller whose answers the test sets. It counts calls and keeps the last eth_call.
type fakeNode struct {
	mu        sync.Mutex
	code      map[common.Address][]byte
	codeErr   error
	out       []byte
	callErr   error
	codeCalls int
	calls     int
	last      ethereum.CallMsg
}

func (f *fakeNode) CodeAt(ctx context.Context, a common.Address, _ *big.Int) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.codeCalls++
	if f.codeErr != nil {
		return nil, f.codeErr
	}
	return f.code[a], nil
}

func (f *fakeNode) CallContract(ctx context.Context, msg ethereum.CallMsg, _ *big.Int) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	f.last = msg
	return f.out, f.callErr
}

func (f *fakeNode) counts() (codeCalls, calls int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.codeCalls, f.calls
}

// rpcError is a JSON-RPC error answer, as the rpc package returns it.
type rpcError struct {
	code int
	msg  string
}

func (e rpcError) Error() string  { return e.msg }
func (e rpcError) ErrorCode() int { return e.code }

var magicWord = common.RightPadBytes([]byte{0x16, 0x26, 0xba, 0x7e}, 32)

// signed returns the digest of sampleHeartbeat and key's signature over it (v in {27, 28}).
func signed(t testing.TB, key *ecdsa.PrivateKey) (common.Hash, []byte) {
	t.Helper()
	digest, err := eip712.Digest(gateway, sampleHeartbeat())
	if err != nil {
		t.Fatal(err)
	}
	sig, err := eip712.Sign(key, gateway, sampleHeartbeat())
	if err != nil {
		t.Fatal(err)
	}
	return digest, sig
}

func newKey(t testing.TB) *ecdsa.PrivateKey {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return key
}

// secp256k1N is the order of the curve.
var secp256k1N, _ = new(big.Int).SetString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16)

func TestVerifier_ECDSA(t *testing.T) {
	key, other := newKey(t), newKey(t)
	signer := crypto.PubkeyToAddress(key.PublicKey)
	digest, sig := signed(t, key)
	_, otherSig := signed(t, other)

	edit := func(f func(s []byte) []byte) []byte { return f(bytes.Clone(sig)) }
	highS := edit(func(s []byte) []byte {
		// (r, n - s, v flipped) is the same signer's other valid signature: OpenZeppelin refuses it.
		copy(s[32:64], common.LeftPadBytes(new(big.Int).Sub(secp256k1N, new(big.Int).SetBytes(s[32:64])).Bytes(), 32))
		s[64] = 27 + 28 - s[64]
		return s
	})
	if pub, err := crypto.SigToPub(digest.Bytes(), append(bytes.Clone(highS[:64]), highS[64]-27)); err != nil ||
		crypto.PubkeyToAddress(*pub) != signer {
		t.Fatalf("the high-s signature does not recover to the signer (%v): the test is wrong", err)
	}

	tests := []struct {
		name   string
		digest common.Hash
		sig    []byte
		want   error // nil: accepted
	}{
		{"v 27 or 28", digest, sig, nil},
		{"v 0 or 1", digest, edit(func(s []byte) []byte { s[64] -= 27; return s }), eip712.ErrInvalidSignature},
		{"high s", digest, highS, eip712.ErrInvalidSignature},
		{"v 29", digest, edit(func(s []byte) []byte { s[64] = 29; return s }), eip712.ErrInvalidSignature},
		{"v 2", digest, edit(func(s []byte) []byte { s[64] = 2; return s }), eip712.ErrInvalidSignature},
		{"64 bytes", digest, sig[:64], eip712.ErrInvalidSignature},
		{"66 bytes", digest, append(bytes.Clone(sig), 0), eip712.ErrInvalidSignature},
		{"empty", digest, nil, eip712.ErrInvalidSignature},
		{"r zero", digest, edit(func(s []byte) []byte { clear(s[:32]); return s }), eip712.ErrInvalidSignature},
		{"s zero", digest, edit(func(s []byte) []byte { clear(s[32:64]); return s }), eip712.ErrInvalidSignature},
		{"r = n", digest, edit(func(s []byte) []byte { copy(s[:32], secp256k1N.Bytes()); return s }), eip712.ErrInvalidSignature},
		{"r above n", digest, edit(func(s []byte) []byte { copy(s[:32], bytes.Repeat([]byte{0xff}, 32)); return s }), eip712.ErrInvalidSignature},
		{"another key", digest, otherSig, eip712.ErrSignerMismatch},
		{"another digest", common.Hash{1}, sig, eip712.ErrSignerMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			node := &fakeNode{} // the signer has no code
			err := eip712.NewVerifier(node, time.Second).Verify(context.Background(), signer, tt.digest, tt.sig)
			if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("Verify = %v, want %v", err, tt.want)
			}
			if _, calls := node.counts(); calls != 0 {
				t.Errorf("Verify made %d eth_calls for an account without code", calls)
			}
		})
	}
}

// TestVerifier_NoRPC: without a node only ECDSA can be checked, and a rejection says why a contract wallet's
// signature could not be.
func TestVerifier_NoRPC(t *testing.T) {
	key, other := newKey(t), newKey(t)
	signer := crypto.PubkeyToAddress(key.PublicKey)
	digest, sig := signed(t, key)
	_, otherSig := signed(t, other)
	v := eip712.NewVerifier(nil, 0)
	ctx := context.Background()
	if err := v.Verify(ctx, signer, digest, sig); err != nil {
		t.Errorf("Verify(own signature) = %v", err)
	}
	err := v.Verify(ctx, signer, digest, otherSig)
	if !errors.Is(err, eip712.ErrSignerMismatch) || !errors.Is(err, eip712.ErrNeedsRPC) {
		t.Errorf("Verify(other key) = %v, want ErrSignerMismatch and ErrNeedsRPC", err)
	}
	if !strings.Contains(err.Error(), "ERC-1271") {
		t.Errorf("Verify(other key) = %q, want a message naming ERC-1271", err)
	}
	err = v.Verify(ctx, signer, digest, make([]byte, 200)) // what a multisig wallet might send
	if !errors.Is(err, eip712.ErrInvalidSignature) || !errors.Is(err, eip712.ErrNeedsRPC) {
		t.Errorf("Verify(200-byte signature) = %v, want ErrInvalidSignature and ErrNeedsRPC", err)
	}
	v.Forget(signer) // no cache: a no-op, not a crash
}

// TestVerifier_ContractCalldata: a contract signer's signature is passed as given, ABI-encoded as
// go-ethereum's abi package encodes isValidSignature(bytes32,bytes), with the gas cap.
func TestVerifier_ContractCalldata(t *testing.T) {
	parsed, err := abi.JSON(strings.NewReader(`[{"type":"function","name":"isValidSignature","stateMutability":"view",
		"inputs":[{"name":"hash","type":"bytes32"},{"name":"signature","type":"bytes"}],
		"outputs":[{"name":"","type":"bytes4"}]}]`))
	if err != nil {
		t.Fatal(err)
	}
	wallet := common.HexToAddress("0x1271000000000000000000000000000000001271")
	digest := crypto.Keccak256Hash([]byte("heartbeat"))
	node := &fakeNode{code: map[common.Address][]byte{wallet: {0x60}}, out: magicWord}
	v := eip712.NewVerifier(node, time.Second)
	for _, n := range []int{0, 1, 31, 32, 65, 100, eip712.MaxContractSignature} {
		sig := make([]byte, n)
		for i := range sig {
			sig[i] = byte(i*7 + 1)
		}
		if err := v.Verify(context.Background(), wallet, digest, sig); err != nil {
			t.Errorf("Verify(%d-byte signature) = %v", n, err)
			continue
		}
		want, err := parsed.Pack("isValidSignature", [32]byte(digest), sig)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(node.last.Data, want) {
			t.Errorf("%d-byte signature: calldata\n%x\nwant\n%x", n, node.last.Data, want)
		}
		if node.last.To == nil || *node.last.To != wallet || node.last.Gas != eip712.ERC1271GasLimit {
			t.Errorf("%d-byte signature: call to %v with gas %d, want %s with %d", n, node.last.To,
				node.last.Gas, wallet, eip712.ERC1271GasLimit)
		}
	}
	_, before := node.counts()
	err = v.Verify(context.Background(), wallet, digest, make([]byte, eip712.MaxContractSignature+1))
	if !errors.Is(err, eip712.ErrInvalidSignature) {
		t.Errorf("Verify(%d bytes) = %v, want ErrInvalidSignature", eip712.MaxContractSignature+1, err)
	}
	if _, after := node.counts(); after != before {
		t.Errorf("an oversized signature was sent to the wallet")
	}
}

// TestVerifier_ContractAnswers maps what a node answers to isValidSignature to a verdict.
func TestVerifier_ContractAnswers(t *testing.T) {
	wallet := common.HexToAddress("0x1271000000000000000000000000000000001271")
	tests := []struct {
		name string
		out  []byte
		err  error
		want error // nil: accepted
	}{
		{"magic", magicWord, nil, nil},
		{"magic and more words", append(bytes.Clone(magicWord), make([]byte, 32)...), nil, nil},
		{"magic, 4 bytes only", magicWord[:4], nil, eip712.ErrContractRejected},
		{"magic right-aligned", common.LeftPadBytes(magicWord[:4], 32), nil, eip712.ErrContractRejected},
		{"magic with dirty padding", append(bytes.Clone(magicWord[:31]), 1), nil, eip712.ErrContractRejected},
		{"0xffffffff", common.RightPadBytes([]byte{0xff, 0xff, 0xff, 0xff}, 32), nil, eip712.ErrContractRejected},
		{"nothing", nil, nil, eip712.ErrContractRejected},
		{"revert", nil, rpcError{3, "execution reverted"}, eip712.ErrContractRejected},
		{"revert, -32000", nil, rpcError{-32000, "execution reverted"}, eip712.ErrContractRejected},
		{"revert, code 3 only", nil, rpcError{3, "VM Exception while processing transaction: revert"}, eip712.ErrContractRejected},
		{"invalid opcode, anvil", nil, rpcError{-32603, "EVM error InvalidFEOpcode"}, eip712.ErrContractRejected},
		{"invalid opcode, geth", nil, rpcError{-32000, "invalid opcode: INVALID"}, eip712.ErrContractRejected},
		{"out of gas, geth", nil, rpcError{-32000, "out of gas"}, eip712.ErrContractRejected},
		{"node error", nil, rpcError{-32000, "header not found"}, eip712.ErrRPC},
		{"rate limited", nil, rpcError{-32005, "limit exceeded"}, eip712.ErrRPC},
		{"transport", nil, errors.New("dial tcp 127.0.0.1:1: connect: connection refused"), eip712.ErrRPC},
		{"timeout", nil, context.DeadlineExceeded, eip712.ErrRPC},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			node := &fakeNode{code: map[common.Address][]byte{wallet: {0x60}}, out: tt.out, callErr: tt.err}
			err := eip712.NewVerifier(node, time.Second).Verify(context.Background(), wallet, common.Hash{1},
				make([]byte, 65))
			if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("Verify = %v, want %v", err, tt.want)
			}
			if tt.err != nil && errors.Is(err, eip712.ErrRPC) && !errors.Is(err, tt.err) {
				t.Errorf("Verify = %v, want it to wrap the node's error %v", err, tt.err)
			}
		})
	}
}

// TestVerifier_CodeCache: what the node says about code is asked once per address; failures are not kept;
// Forget asks again.
func TestVerifier_CodeCache(t *testing.T) {
	key, other := newKey(t), newKey(t)
	eoa := crypto.PubkeyToAddress(key.PublicKey)
	digest, sig := signed(t, key)
	_, otherSig := signed(t, other)
	ctx := context.Background()
	node := &fakeNode{}
	v := eip712.NewVerifier(node, time.Second)

	for range 100 {
		if err := v.Verify(ctx, eoa, digest, sig); err != nil {
			t.Fatalf("Verify(valid EOA signature) = %v", err)
		}
	}
	if codeCalls, calls := node.counts(); codeCalls+calls != 0 {
		t.Errorf("100 valid EOA signatures cost %d eth_getCode and %d eth_call, want none", codeCalls, calls)
	}

	node.codeErr = errors.New("connection refused")
	for range 2 {
		if err := v.Verify(ctx, eoa, digest, otherSig); !errors.Is(err, eip712.ErrRPC) {
			t.Fatalf("Verify with the node down = %v, want ErrRPC", err)
		}
	}
	if codeCalls, _ := node.counts(); codeCalls != 2 {
		t.Errorf("node down: %d eth_getCode for 2 verifications, want 2 (a failure is not cached)", codeCalls)
	}
	node.codeErr = nil
	for range 100 {
		if err := v.Verify(ctx, eoa, digest, otherSig); !errors.Is(err, eip712.ErrSignerMismatch) {
			t.Fatalf("Verify(other key's signature) = %v, want ErrSignerMismatch", err)
		}
	}
	if codeCalls, calls := node.counts(); codeCalls != 3 || calls != 0 {
		t.Errorf("100 mismatching EOA signatures: %d eth_getCode in all and %d eth_call, want 3 and 0", codeCalls, calls)
	}

	// The account gains code (an EIP-7702 delegation): seen after Forget.
	node.code = map[common.Address][]byte{eoa: {0xef, 0x01, 0x00}}
	node.out = magicWord
	if err := v.Verify(ctx, eoa, digest, otherSig); !errors.Is(err, eip712.ErrSignerMismatch) {
		t.Errorf("Verify before Forget = %v, want ErrSignerMismatch (cached: no code)", err)
	}
	v.Forget(eoa)
	if err := v.Verify(ctx, eoa, digest, otherSig); err != nil {
		t.Errorf("Verify after Forget = %v, want the wallet's ERC-1271 approval", err)
	}
	if err := v.Verify(ctx, eoa, digest, sig); err != nil {
		t.Errorf("Verify(own ECDSA signature of an account with code) = %v, want accepted", err)
	}
	if codeCalls, calls := node.counts(); codeCalls != 4 || calls != 1 {
		t.Errorf("after Forget: %d eth_getCode and %d eth_call in all, want 4 and 1", codeCalls, calls)
	}
}

// blockingNode never answers before its context ends.
type blockingNode struct{}

func (blockingNode) CodeAt(ctx context.Context, _ common.Address, _ *big.Int) ([]byte, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

func (blockingNode) CallContract(ctx context.Context, _ ethereum.CallMsg, _ *big.Int) ([]byte, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

func TestVerifier_Timeout(t *testing.T) {
	v := eip712.NewVerifier(blockingNode{}, 20*time.Millisecond)
	err := v.Verify(context.Background(), common.Address{1}, common.Hash{1}, make([]byte, 65))
	if !errors.Is(err, eip712.ErrRPC) || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Verify with a silent node = %v, want ErrRPC wrapping context.DeadlineExceeded", err)
	}
}

// BenchmarkVerifyEOA measures one core verifying valid EOA heartbeat signatures (digest given): the
// gateway's common case, which makes no RPC call.
func BenchmarkVerifyEOA(b *testing.B) {
	key := newKey(b)
	signer := crypto.PubkeyToAddress(key.PublicKey)
	digest, sig := signed(b, key)
	node := &fakeNode{}
	v := eip712.NewVerifier(node, time.Second)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if err := v.Verify(ctx, signer, digest, sig); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "verifications/s")
	if codeCalls, calls := node.counts(); codeCalls+calls != 0 {
		b.Fatalf("%d RPC calls", codeCalls+calls)
	}
}

// BenchmarkSecp256k1 measures the library underneath Verify on one core: libsecp256k1 (go-ethereum's cgo
// build) recovering the public key of a signature, and verifying a signature against a known public key. It
// is the ceiling of BenchmarkVerifyEOA on this machine: no verification per core can be faster than these.
func BenchmarkSecp256k1(b *testing.B) {
	key := newKey(b)
	digest, sig := signed(b, key)
	rsv := append([]byte(nil), sig...)
	rsv[64] -= 27
	pub := crypto.FromECDSAPub(&key.PublicKey)
	b.Run("recover", func(b *testing.B) {
		for b.Loop() {
			if _, err := crypto.Ecrecover(digest[:], rsv); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "recoveries/s")
	})
	b.Run("verify-known-key", func(b *testing.B) {
		for b.Loop() {
			if !crypto.VerifySignature(pub, digest[:], rsv[:64]) {
				b.Fatal("not verified")
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "verifications/s")
	})
}

// BenchmarkHeartbeat_ParseVerify measures one core doing all of a posted heartbeat's signature work: parse
// the typed data JSON, compute the digest, verify the EOA signature.
func BenchmarkHeartbeat_ParseVerify(b *testing.B) {
	key := newKey(b)
	signer := crypto.PubkeyToAddress(key.PublicKey)
	_, sig := signed(b, key)
	data, err := eip712.MarshalTypedData(gateway, sampleHeartbeat())
	if err != nil {
		b.Fatal(err)
	}
	v := eip712.NewVerifier(&fakeNode{}, time.Second)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		d, m, err := eip712.ParseTypedData(data)
		if err != nil {
			b.Fatal(err)
		}
		digest, err := eip712.Digest(d, m)
		if err != nil {
			b.Fatal(err)
		}
		if err := v.Verify(ctx, signer, digest, sig); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "heartbeats/s")
}

// TestVerifier_WithoutCodeCache asks the node every time and sees a gained delegation at once.
func TestVerifier_WithoutCodeCache(t *testing.T) {
	key, other := newKey(t), newKey(t)
	eoa := crypto.PubkeyToAddress(key.PublicKey)
	digest, _ := signed(t, key)
	_, otherSig := signed(t, other)
	ctx := context.Background()
	node := &fakeNode{}
	v := eip712.NewVerifier(node, time.Second, eip712.WithoutCodeCache())
	for range 3 {
		if err := v.Verify(ctx, eoa, digest, otherSig); !errors.Is(err, eip712.ErrSignerMismatch) {
			t.Fatalf("Verify(other key's signature) = %v, want ErrSignerMismatch", err)
		}
	}
	if codeCalls, _ := node.counts(); codeCalls != 3 {
		t.Errorf("%d eth_getCode for 3 verifications without a cache, want 3", codeCalls)
	}
	node.code = map[common.Address][]byte{eoa: {0xef, 0x01, 0x00}}
	node.out = magicWord
	if err := v.Verify(ctx, eoa, digest, otherSig); err != nil {
		t.Errorf("Verify after the account gained code = %v, want the wallet's ERC-1271 approval", err)
	}
	v.Forget(eoa) // nothing to forget: no panic
}
