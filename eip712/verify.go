package eip712

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/hashicorp/golang-lru/v2/expirable"
)

// Verifier limits and defaults.
const (
	// MaxContractSignature is the longest signature passed to a contract wallet's isValidSignature.
	MaxContractSignature = 4096
	// ERC1271GasLimit caps the gas of each isValidSignature eth_call, so that a wallet contract cannot make
	// the node burn a block's worth of gas per heartbeat. Multisig wallets with a dozen owners need far less.
	ERC1271GasLimit = 2_000_000
	// DefaultRPCTimeout bounds each RPC call when NewVerifier is given no timeout.
	DefaultRPCTimeout = 5 * time.Second
	// DefaultCodeCacheSize is how many addresses the Verifier remembers as having code or not.
	DefaultCodeCacheSize = 100_000
	// DefaultCodeCacheTTL is how long the Verifier trusts what it learnt about an address's code.
	DefaultCodeCacheTTL = 15 * time.Minute
)

// erc1271Magic is the word isValidSignature returns for a valid signature: bytes4(0x1626ba7e), ABI-encoded
// (left-aligned in 32 bytes). The same four bytes are the function's selector.
var erc1271Magic = common.RightPadBytes([]byte{0x16, 0x26, 0xba, 0x7e}, 32)

// secp256k1HalfN is the largest s OpenZeppelin's ECDSA accepts (EIP-2: the lower half of the curve order),
// big-endian; secp256k1N is the curve order.
var (
	secp256k1HalfN = common.Hex2Bytes("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0")
	secp256k1N     = common.Hex2Bytes("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")
)

// keccakStates recycles Keccak-256 states for hashing recovered public keys.
var keccakStates = sync.Pool{New: func() any { return crypto.NewKeccakState() }}

var (
	// ErrSignerMismatch is returned when an ECDSA signature is well formed but recovers to another address
	// than the signer, and the signer has no code.
	ErrSignerMismatch = errors.New("signature is not from the signer")
	// ErrContractRejected is returned when the signer is a contract whose isValidSignature did not return
	// the ERC-1271 magic value: it returned something else, or reverted, or halted.
	ErrContractRejected = errors.New("contract wallet rejected the signature")
	// ErrNeedsRPC accompanies a rejection by a Verifier without RPC: the signer may be a contract wallet,
	// whose ERC-1271 signature only an RPC could check.
	ErrNeedsRPC = errors.New("ERC-1271 contract signatures need an RPC")
	// ErrRPC wraps a failure of the node (unreachable, timeout, node-side error): the signature was not
	// judged, and a caller may retry later. Callers map it to 503.
	ErrRPC = errors.New("rpc unavailable")
)

// CodeCaller is what the Verifier needs from a node: an account's code (eth_getCode) and eth_call.
// *ethclient.Client is one.
type CodeCaller interface {
	ethereum.ContractCaller
	CodeAt(ctx context.Context, account common.Address, blockNumber *big.Int) ([]byte, error)
}

var _ CodeCaller = (*ethclient.Client)(nil)

// Verifier checks that signer signed digest: ECDSA recovery for externally owned accounts; for an address with
// code, ERC-1271 isValidSignature(bytes32,bytes) through eth_call must return 0x1626ba7e.
//
// It applies the rule of Agora's contracts (contracts/src/libraries/AgentSignature.sol, ERC-8004's): a
// well-formed, low-s ECDSA signature that recovers to the signer is accepted at once, without any RPC, even
// when the signer carries code (an EIP-7702 delegated EOA); otherwise, if the signer has code, its
// isValidSignature decides. Whether an address has code is cached per address (an LRU with a TTL), so
// rejecting a bad signature from an EOA costs an eth_getCode only once per TTL, and a contract wallet's
// signature costs one eth_call. The cache learns nothing from a failed RPC.
//
// A Verifier is safe for concurrent use. Each one owns a cache whose expiry goroutine never stops
// (golang-lru's expirable cache): make one per process, not one per request.
type Verifier struct {
	caller  CodeCaller
	timeout time.Duration
	code    *expirable.LRU[common.Address, bool] // true: has code
}

// VerifierOption tunes NewVerifier.
type VerifierOption func(*verifierConfig)

type verifierConfig struct {
	cacheSize int
	cacheTTL  time.Duration
}

// WithCodeCache sets how many addresses the code cache holds and for how long an entry is trusted
// (defaults DefaultCodeCacheSize and DefaultCodeCacheTTL). An address that gains code (an EIP-7702
// delegation, a counterfactual wallet deployed later) is treated as an EOA until its entry expires or Forget
// is called, and one that loses it (a delegation revoked) as a contract: valid ECDSA signatures are accepted
// either way, only ERC-1271 signatures wait for the TTL.
func WithCodeCache(size int, ttl time.Duration) VerifierOption {
	return func(c *verifierConfig) {
		if size > 0 {
			c.cacheSize = size
		}
		if ttl > 0 {
			c.cacheTTL = ttl
		}
	}
}

// WithoutCodeCache asks the node for an account's code at every verification: for a short-lived Verifier
// (one check and done), which then starts no cache and no goroutine of its own.
func WithoutCodeCache() VerifierOption {
	return func(c *verifierConfig) { c.cacheSize = -1 }
}

// NewVerifier returns a Verifier that reads code and calls contract wallets through caller, each RPC call
// bounded by timeout (DefaultRPCTimeout when zero or negative). A nil caller means no RPC: only ECDSA
// signatures can be checked, and every rejection also wraps ErrNeedsRPC.
func NewVerifier(caller CodeCaller, timeout time.Duration, opts ...VerifierOption) *Verifier {
	cfg := verifierConfig{cacheSize: DefaultCodeCacheSize, cacheTTL: DefaultCodeCacheTTL}
	for _, o := range opts {
		o(&cfg)
	}
	if timeout <= 0 {
		timeout = DefaultRPCTimeout
	}
	v := &Verifier{caller: caller, timeout: timeout}
	if caller != nil && cfg.cacheSize > 0 {
		v.code = expirable.NewLRU[common.Address, bool](cfg.cacheSize, nil, cfg.cacheTTL)
	}
	return v
}

// Forget drops what the Verifier knows about account's code, so the next verification that needs it asks
// the node again. Call it when account is known to have gained or lost code.
func (v *Verifier) Forget(account common.Address) {
	if v.code != nil {
		v.code.Remove(account)
	}
}

// Verify returns nil when signer signed digest. Otherwise the error wraps ErrInvalidSignature (malformed,
// high-s or too long), ErrSignerMismatch (an ECDSA signature of someone else, and the signer has no code),
// ErrContractRejected (the signer has code and isValidSignature did not accept), or ErrRPC (the node could
// not answer: nothing was decided, nothing was cached).
func (v *Verifier) Verify(ctx context.Context, signer common.Address, digest common.Hash, sig []byte) error {
	if len(sig) > MaxContractSignature {
		return fmt.Errorf("%w: %d bytes, at most %d", ErrInvalidSignature, len(sig), MaxContractSignature)
	}
	ecdsaErr := verifyECDSA(signer, digest, sig)
	if ecdsaErr == nil {
		return nil
	}
	if v.caller == nil {
		return fmt.Errorf("%w (%w)", ecdsaErr, ErrNeedsRPC)
	}
	hasCode, err := v.hasCode(ctx, signer)
	if err != nil {
		return err
	}
	if !hasCode {
		return ecdsaErr
	}
	return v.isValidSignature(ctx, signer, digest, sig)
}

// verifyECDSA checks sig the way OpenZeppelin's ECDSA.tryRecover (and so the escrow and the registries) does:
// 65 bytes r ‖ s ‖ v with v 27 or 28, 0 < r < n, 0 < s ≤ n/2, and the recovered address is signer. A v of 0
// or 1 (go-ethereum's crypto.Sign form) is refused: ecrecover returns no address for it, so the contracts
// would refuse the signature and a job could never be funded with it.
func verifyECDSA(signer common.Address, digest common.Hash, sig []byte) error {
	if len(sig) != 65 {
		return fmt.Errorf("%w: %d bytes, want 65", ErrInvalidSignature, len(sig))
	}
	if sig[64] != 27 && sig[64] != 28 {
		return fmt.Errorf("%w: v = %d, want 27 or 28", ErrInvalidSignature, sig[64])
	}
	v := sig[64] - 27
	r, s := sig[:32], sig[32:64]
	var zero [32]byte
	if bytes.Compare(s, secp256k1HalfN) > 0 {
		return fmt.Errorf("%w: malleable signature (high s)", ErrInvalidSignature)
	}
	if bytes.Equal(r, zero[:]) || bytes.Equal(s, zero[:]) || bytes.Compare(r, secp256k1N) >= 0 {
		return fmt.Errorf("%w: r or s out of range", ErrInvalidSignature)
	}
	var rsv [65]byte
	copy(rsv[:64], sig)
	rsv[64] = v
	pub, err := crypto.Ecrecover(digest[:], rsv[:])
	if err != nil {
		return fmt.Errorf("%w: %v", ErrInvalidSignature, err)
	}
	k := keccakStates.Get().(crypto.KeccakState)
	k.Reset()
	k.Write(pub[1:])
	var h common.Hash
	k.Read(h[:])
	keccakStates.Put(k)
	var recovered common.Address
	copy(recovered[:], h[12:])
	if recovered != signer {
		return fmt.Errorf("%w: recovered %s, want %s", ErrSignerMismatch, recovered, signer)
	}
	return nil
}

// hasCode reports whether account has code, from the cache or from the node. Failures are not cached.
func (v *Verifier) hasCode(ctx context.Context, account common.Address) (bool, error) {
	if v.code != nil {
		if known, ok := v.code.Get(account); ok {
			return known, nil
		}
	}
	cctx, cancel := context.WithTimeout(ctx, v.timeout)
	defer cancel()
	code, err := v.caller.CodeAt(cctx, account, nil)
	if err != nil {
		return false, fmt.Errorf("%w: eth_getCode %s: %w", ErrRPC, account, err)
	}
	if v.code != nil {
		v.code.Add(account, len(code) > 0)
	}
	return len(code) > 0, nil
}

// isValidSignature calls wallet.isValidSignature(digest, sig) and requires the magic value, as OpenZeppelin's
// SignatureChecker does: at least 32 bytes returned, the first word exactly bytes4(0x1626ba7e).
func (v *Verifier) isValidSignature(ctx context.Context, wallet common.Address, digest common.Hash, sig []byte) error {
	cctx, cancel := context.WithTimeout(ctx, v.timeout)
	defer cancel()
	out, err := v.caller.CallContract(cctx, ethereum.CallMsg{To: &wallet, Gas: ERC1271GasLimit,
		Data: packIsValidSignature(digest, sig)}, nil)
	if err != nil {
		if executionFailed(err) {
			return fmt.Errorf("%w: %s: isValidSignature failed: %v", ErrContractRejected, wallet, err)
		}
		return fmt.Errorf("%w: eth_call %s.isValidSignature: %w", ErrRPC, wallet, err)
	}
	if len(out) < 32 || !bytes.Equal(out[:32], erc1271Magic) {
		return fmt.Errorf("%w: %s: isValidSignature returned %#x", ErrContractRejected, wallet, out)
	}
	return nil
}

// packIsValidSignature ABI-encodes isValidSignature(bytes32 digest, bytes sig): selector, digest, the offset
// of sig (two words), its length, and its bytes padded to whole words.
func packIsValidSignature(digest common.Hash, sig []byte) []byte {
	padded := (len(sig) + 31) / 32 * 32
	data := make([]byte, 0, 4+32*3+padded)
	data = append(data, erc1271Magic[:4]...)
	data = append(data, digest.Bytes()...)
	data = append(data, common.LeftPadBytes([]byte{0x40}, 32)...)
	data = append(data, common.LeftPadBytes(big.NewInt(int64(len(sig))).Bytes(), 32)...)
	data = append(data, sig...)
	return append(data, make([]byte, padded-len(sig))...)
}

// executionFailed tells a call the node ran and the EVM failed (a revert, an invalid opcode, out of gas)
// from a node that could not run it. JSON-RPC error code 3 is a revert (geth, anvil, reth, erigon); other
// EVM halts come back as -32000 (geth) or -32603 (anvil) with the halt's name, so they are told by their
// message. Anything else (transport errors, HTTP errors, other node errors) is the node's failure.
func executionFailed(err error) bool {
	var rpcErr rpc.Error
	if !errors.As(err, &rpcErr) {
		return false
	}
	if rpcErr.ErrorCode() == 3 {
		return true
	}
	msg := strings.ToLower(rpcErr.Error())
	for _, halt := range []string{"execution reverted", "evm error", "invalid opcode", "out of gas",
		"stack underflow", "stack overflow", "invalid jump", "write protection", "return data out of bounds"} {
		if strings.Contains(msg, halt) {
			return true
		}
	}
	return false
}
