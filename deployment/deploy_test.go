package deployment_test

import (
	"context"
	"io"
	"log/slog"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/internal/devchain"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// setup starts a chain and deploys to it from dev account 0 with opts.
func setup(t *testing.T, opts deployment.Options) (*devchain.Chain, *deployment.Deployment) {
	t.Helper()
	chain := devchain.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	opts.Logger = quiet
	d, err := deployment.Deploy(ctx, chain.Client, chain.Keys[0], opts)
	if err != nil {
		t.Fatalf("Deploy: %v", err)
	}
	return chain, d
}

func call[T any](t *testing.T, chain *devchain.Chain, addr common.Address, meta interface {
	Instance(bind.ContractBackend, common.Address) *bind.BoundContract
}, data []byte, unpack func([]byte) (T, error)) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	v, err := bind.Call(meta.Instance(chain.Client, addr), &bind.CallOpts{Context: ctx}, data, unpack)
	if err != nil {
		t.Fatalf("call %s: %v", addr, err)
	}
	return v
}

func TestDeploy(t *testing.T) {
	feeRecipient := common.HexToAddress("0x00000000000000000000000000000000000fee01")
	owner := common.HexToAddress("0x000000000000000000000000000000000000a11c")
	chain, d := setup(t, deployment.Options{FeeBps: 250, FeeRecipient: feeRecipient, Owner: owner})
	ctx := context.Background()
	deployer := chain.Address(0)

	if d.ChainID != 31337 {
		t.Errorf("ChainID = %d, want 31337", d.ChainID)
	}
	if d.Deployer != deployer {
		t.Errorf("Deployer = %s, want %s", d.Deployer, deployer)
	}
	if err := d.ValidateNew(); err != nil {
		t.Errorf("ValidateNew() = %v", err)
	}
	if got := len(d.All()); got != len(deployment.Names) {
		t.Errorf("%d contracts deployed, want %d", got, len(deployment.Names))
	}

	for i, c := range d.All() {
		t.Run(c.Name, func(t *testing.T) {
			// A fresh chain and a fresh deployer: CREATE addresses are fixed (testdata/eip712 relies on it).
			if want := crypto.CreateAddress(deployer, uint64(i)); c.Address != want {
				t.Errorf("address = %s, want %s (nonce %d)", c.Address, want, i)
			}
			code, err := chain.Client.CodeAt(ctx, c.Address, nil)
			if err != nil || len(code) == 0 {
				t.Errorf("CodeAt(%s) = %d bytes, %v; want code", c.Address, len(code), err)
			}
			receipt, err := chain.Client.TransactionReceipt(ctx, c.TxHash)
			if err != nil {
				t.Fatalf("TransactionReceipt(%s): %v", c.TxHash, err)
			}
			if receipt.BlockNumber.Uint64() != c.DeployBlock || receipt.ContractAddress != c.Address {
				t.Errorf("receipt: block %d, contract %s; want block %d, contract %s",
					receipt.BlockNumber, receipt.ContractAddress, c.DeployBlock, c.Address)
			}
			before, err := chain.Client.CodeAt(ctx, c.Address, new(big.Int).SetUint64(c.DeployBlock-1))
			if err != nil || len(before) != 0 {
				t.Errorf("CodeAt(block %d) = %d bytes, %v; want no code before the deploy block", c.DeployBlock-1, len(before), err)
			}
		})
	}

	escrow, rep, val := bindings.NewAgentEscrow(), bindings.NewReputationRegistry(), bindings.NewValidationRegistry()
	at, identity := d.Contracts.AgentEscrow.Address, d.Contracts.IdentityRegistry.Address
	wiring := []struct {
		name      string
		got, want common.Address
	}{
		{"escrow identityRegistry", call(t, chain, at, escrow, escrow.PackIdentityRegistry(), escrow.UnpackIdentityRegistry), identity},
		{"escrow validationRegistry", call(t, chain, at, escrow, escrow.PackValidationRegistry(), escrow.UnpackValidationRegistry), d.Contracts.ValidationRegistry.Address},
		{"escrow defaultToken", call(t, chain, at, escrow, escrow.PackDefaultToken(), escrow.UnpackDefaultToken), d.Contracts.TestUSD.Address},
		{"escrow owner", call(t, chain, at, escrow, escrow.PackOwner(), escrow.UnpackOwner), owner},
		{"escrow feeRecipient", call(t, chain, at, escrow, escrow.PackFeeRecipient(), escrow.UnpackFeeRecipient), feeRecipient},
		{"reputation identity", call(t, chain, d.Contracts.ReputationRegistry.Address, rep, rep.PackGetIdentityRegistry(), rep.UnpackGetIdentityRegistry), identity},
		{"validation identity", call(t, chain, d.Contracts.ValidationRegistry.Address, val, val.PackGetIdentityRegistry(), val.UnpackGetIdentityRegistry), identity},
	}
	for _, c := range wiring {
		if c.got != c.want {
			t.Errorf("%s = %s, want %s", c.name, c.got, c.want)
		}
	}
	if got := call(t, chain, at, escrow, escrow.PackFeeBps(), escrow.UnpackFeeBps); got != 250 {
		t.Errorf("escrow feeBps = %d, want 250", got)
	}
	tusd := bindings.NewTestUSD()
	if got := call(t, chain, d.Contracts.TestUSD.Address, tusd, tusd.PackDecimals(), tusd.UnpackDecimals); got != 6 {
		t.Errorf("tUSD decimals = %d, want 6", got)
	}
	anchor := bindings.NewAuditAnchor()
	at, err := d.AuditAnchorAddress()
	if err != nil {
		t.Fatal(err)
	}
	if got := call(t, chain, at, anchor, anchor.PackLatest(deployer, [32]byte{1}), anchor.UnpackLatest); got.Size != 0 || got.BlockNumber != 0 {
		t.Errorf("AuditAnchor latest = %+v, want nothing anchored", got)
	}
}

func TestDeploy_Defaults(t *testing.T) {
	chain, d := setup(t, deployment.Options{})
	escrow, at := bindings.NewAgentEscrow(), d.Contracts.AgentEscrow.Address
	if got := call(t, chain, at, escrow, escrow.PackOwner(), escrow.UnpackOwner); got != chain.Address(0) {
		t.Errorf("escrow owner = %s, want the deployer %s", got, chain.Address(0))
	}
	if got := call(t, chain, at, escrow, escrow.PackFeeRecipient(), escrow.UnpackFeeRecipient); got != chain.Address(0) {
		t.Errorf("escrow feeRecipient = %s, want the deployer %s", got, chain.Address(0))
	}
	if got := call(t, chain, at, escrow, escrow.PackFeeBps(), escrow.UnpackFeeBps); got != 0 {
		t.Errorf("escrow feeBps = %d, want 0", got)
	}
}

func TestDeploy_FeeTooHigh(t *testing.T) {
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	// No backend: the fee is refused before any RPC call.
	if _, err := deployment.Deploy(context.Background(), nil, key, deployment.Options{FeeBps: 1001}); err == nil {
		t.Errorf("Deploy(fee 1001 bps) succeeded, want an error")
	}
}

func TestMintTestUSD(t *testing.T) {
	chain, d := setup(t, deployment.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	to := []common.Address{chain.Address(1), chain.Address(2)}
	amount := big.NewInt(5_000_000)
	if err := deployment.MintTestUSD(ctx, chain.Client, chain.Keys[0], d.Contracts.TestUSD.Address, to, amount, 0); err != nil {
		t.Fatalf("MintTestUSD: %v", err)
	}
	tusd := bindings.NewTestUSD()
	for _, a := range to {
		if got := call(t, chain, d.Contracts.TestUSD.Address, tusd, tusd.PackBalanceOf(a), tusd.UnpackBalanceOf); got.Cmp(amount) != 0 {
			t.Errorf("balanceOf(%s) = %s, want %s", a, got, amount)
		}
	}
}

func TestDeploy_ContextCancelled(t *testing.T) {
	chain := devchain.Start(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := deployment.Deploy(ctx, chain.Client, chain.Keys[0], deployment.Options{Logger: quiet}); err == nil {
		t.Errorf("Deploy(cancelled context) succeeded, want an error")
	}
}
