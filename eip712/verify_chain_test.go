package eip712_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/internal/devchain"
	"github.com/agoralabs/agora/internal/modroot"
)

// deployWallet deploys contracts/test/mocks/ERC1271WalletMock.sol (from the built artifact in contracts/out)
// with owner as its signer, from dev account 0, and returns its address.
func deployWallet(t *testing.T, chain *devchain.Chain, owner common.Address) common.Address {
	t.Helper()
	root, err := modroot.Find("")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, "contracts", "out", "ERC1271WalletMock.sol", "ERC1271WalletMock.json"))
	if err != nil {
		t.Fatalf("ERC1271WalletMock artifact (built by forge build): %v", err)
	}
	var artifact struct {
		Bytecode struct {
			Object hexutil.Bytes `json:"object"`
		} `json:"bytecode"`
	}
	if err := json.Unmarshal(data, &artifact); err != nil || len(artifact.Bytecode.Object) == 0 {
		t.Fatalf("ERC1271WalletMock artifact: no bytecode (%v)", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	chainID, err := chain.Client.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	opts := bind.NewKeyedTransactor(chain.Keys[0], chainID)
	opts.Context = ctx
	addr, tx, err := bind.DeployContract(opts, artifact.Bytecode.Object, chain.Client,
		common.LeftPadBytes(owner.Bytes(), 32))
	if err != nil {
		t.Fatalf("deploy ERC1271WalletMock: %v", err)
	}
	if _, err := deployment.WaitMined(ctx, chain.Client, tx, 30*time.Second); err != nil {
		t.Fatalf("deploy ERC1271WalletMock: %v", err)
	}
	return addr
}

// countingCaller counts the RPC calls that reach the node behind it, which down can switch off.
type countingCaller struct {
	node      eip712.CodeCaller
	down      eip712.CodeCaller // answers instead of node while set
	useDown   atomic.Bool
	codeCalls atomic.Int64
	calls     atomic.Int64
}

func (c *countingCaller) target() eip712.CodeCaller {
	if c.useDown.Load() {
		return c.down
	}
	return c.node
}

func (c *countingCaller) CodeAt(ctx context.Context, a common.Address, n *big.Int) ([]byte, error) {
	c.codeCalls.Add(1)
	return c.target().CodeAt(ctx, a, n)
}

func (c *countingCaller) CallContract(ctx context.Context, msg ethereum.CallMsg, n *big.Int) ([]byte, error) {
	c.calls.Add(1)
	return c.target().CallContract(ctx, msg, n)
}

// signedBy starts a dev chain and returns the digest of sampleHeartbeat under the dev chain's gateway domain,
// the signatures of dev keys keys over it, and the chain.
func signedBy(t *testing.T, keys ...int) (digest common.Hash, sigs [][]byte, chain *devchain.Chain) {
	t.Helper()
	chain = devchain.Start(t)
	digest, err := eip712.Digest(gateway, sampleHeartbeat())
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		sig, err := eip712.Sign(chain.Keys[k], gateway, sampleHeartbeat())
		if err != nil {
			t.Fatal(err)
		}
		sigs = append(sigs, sig)
	}
	return digest, sigs, chain
}

// TestVerifier_ERC1271 verifies heartbeats of a contract wallet on a real anvil: the ERC1271WalletMock owned
// by dev key 3 accepts dev key 3's signature and nothing else, and contracts that revert, halt or answer
// garbage reject.
func TestVerifier_ERC1271(t *testing.T) {
	digest, sigs, chain := signedBy(t, 3, 4)
	wallet := deployWallet(t, chain, chain.Address(3))
	node := &countingCaller{node: chain.Client}
	v := eip712.NewVerifier(node, 10*time.Second)
	ctx := context.Background()

	if err := v.Verify(ctx, wallet, digest, sigs[0]); err != nil {
		t.Errorf("Verify(wallet, owner's signature) = %v, want accepted", err)
	}
	if err := v.Verify(ctx, wallet, digest, sigs[1]); !errors.Is(err, eip712.ErrContractRejected) {
		t.Errorf("Verify(wallet, another key's signature) = %v, want ErrContractRejected", err)
	}
	if err := v.Verify(ctx, wallet, common.Hash{1}, sigs[0]); !errors.Is(err, eip712.ErrContractRejected) {
		t.Errorf("Verify(wallet, owner's signature of another digest) = %v, want ErrContractRejected", err)
	}
	if err := v.Verify(ctx, wallet, digest, sigs[0][:64]); !errors.Is(err, eip712.ErrContractRejected) {
		t.Errorf("Verify(wallet, 64-byte signature) = %v, want ErrContractRejected", err)
	}
	if err := v.Verify(ctx, chain.Address(3), digest, sigs[0]); err != nil {
		t.Errorf("Verify(owner's own address) = %v, want accepted", err)
	}
	if got := node.codeCalls.Load(); got != 1 {
		t.Errorf("%d eth_getCode for one wallet, want 1 (cached)", got)
	}
	if got := node.calls.Load(); got != 4 {
		t.Errorf("%d eth_call, want 4 (one per wallet signature)", got)
	}

	// Contracts that are not wallets, with anvil's own answers: revert (error code 3), INVALID (-32603
	// "EVM error InvalidFEOpcode"), one byte returned. And one that approves anything, to see a long
	// signature reach the contract.
	runtime := map[string]string{
		"revert":          "0x60006000fd",                                                                         // REVERT(0, 0)
		"invalid opcode":  "0xfe",                                                                                 // INVALID
		"one byte":        "0x60016000f3",                                                                         // RETURN(0, 1)
		"approves anyone": "0x7f1626ba7e0000000000000000000000000000000000000000000000000000000060005260206000f3", // RETURN magic
	}
	for name, code := range runtime {
		t.Run(name, func(t *testing.T) {
			addr := common.BytesToAddress(crypto.Keccak256([]byte(name)))
			rpc(t, chain, "anvil_setCode", addr, code)
			err := v.Verify(ctx, addr, digest, bytes.Repeat([]byte{7}, 300))
			if name == "approves anyone" {
				if err != nil {
					t.Errorf("Verify = %v, want accepted", err)
				}
				return
			}
			if !errors.Is(err, eip712.ErrContractRejected) {
				t.Errorf("Verify = %v, want ErrContractRejected", err)
			}
		})
	}
}

// TestVerifier_EOAWithoutRPC: on a real node, valid EOA signatures cost no RPC call at all, and rejecting
// another key's signature costs one eth_getCode for the first time only.
func TestVerifier_EOAWithoutRPC(t *testing.T) {
	digest, sigs, chain := signedBy(t, 5, 6)
	node := &countingCaller{node: chain.Client}
	v := eip712.NewVerifier(node, 10*time.Second)
	ctx := context.Background()
	for range 1000 {
		if err := v.Verify(ctx, chain.Address(5), digest, sigs[0]); err != nil {
			t.Fatalf("Verify(EOA) = %v", err)
		}
	}
	if c, e := node.codeCalls.Load(), node.calls.Load(); c+e != 0 {
		t.Errorf("1000 EOA heartbeats: %d eth_getCode and %d eth_call, want none", c, e)
	}
	for range 1000 {
		if err := v.Verify(ctx, chain.Address(5), digest, sigs[1]); !errors.Is(err, eip712.ErrSignerMismatch) {
			t.Fatalf("Verify(EOA, another key's signature) = %v, want ErrSignerMismatch", err)
		}
	}
	if c, e := node.codeCalls.Load(), node.calls.Load(); c != 1 || e != 0 {
		t.Errorf("1000 mismatching EOA heartbeats: %d eth_getCode and %d eth_call, want 1 and 0", c, e)
	}
}

// TestVerifier_RPCDown: with the node unreachable a contract wallet's signature is neither accepted nor
// rejected but ErrRPC, and nothing is cached: once the node is back the same verification succeeds.
func TestVerifier_RPCDown(t *testing.T) {
	digest, sigs, chain := signedBy(t, 3)
	wallet := deployWallet(t, chain, chain.Address(3))

	// A port nothing listens on.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	deadURL := "http://" + l.Addr().String()
	l.Close()
	dead, err := ethclient.Dial(deadURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(dead.Close)

	node := &countingCaller{node: chain.Client, down: dead}
	node.useDown.Store(true)
	v := eip712.NewVerifier(node, 10*time.Second)
	ctx := context.Background()
	for range 2 {
		err := v.Verify(ctx, wallet, digest, sigs[0])
		if !errors.Is(err, eip712.ErrRPC) || errors.Is(err, eip712.ErrContractRejected) ||
			errors.Is(err, eip712.ErrSignerMismatch) {
			t.Fatalf("Verify with the node down = %v, want only ErrRPC", err)
		}
	}
	if got := node.codeCalls.Load(); got != 2 {
		t.Errorf("node down: %d eth_getCode for 2 verifications, want 2 (failures are not cached)", got)
	}
	node.useDown.Store(false)
	if err := v.Verify(ctx, wallet, digest, sigs[0]); err != nil {
		t.Errorf("Verify once the node is back = %v, want accepted", err)
	}

	// The node fails between eth_getCode and eth_call: the code stays known, the call is retried.
	node.useDown.Store(true)
	if err := v.Verify(ctx, wallet, digest, sigs[0]); !errors.Is(err, eip712.ErrRPC) {
		t.Errorf("Verify with eth_call failing = %v, want ErrRPC", err)
	}
	node.useDown.Store(false)
	if err := v.Verify(ctx, wallet, digest, sigs[0]); err != nil {
		t.Errorf("Verify once the node is back = %v, want accepted", err)
	}
}
