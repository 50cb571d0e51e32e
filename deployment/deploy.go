package deployment

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/agoralabs/agora/bindings"
)

// Backend is what deploying needs from a node: sending and simulating transactions, receipts and the
// chain id. *ethclient.Client is one.
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
	ChainID(ctx context.Context) (*big.Int, error)
}

var _ Backend = (*ethclient.Client)(nil)

// DefaultTimeout bounds each RPC call and each wait for a receipt when Options.Timeout is zero.
const DefaultTimeout = 30 * time.Second

// Options tune Deploy.
type Options struct {
	// Owner of the escrow (Ownable2Step: may change the fee for future jobs). Zero means the deployer.
	Owner common.Address
	// FeeRecipient receives the escrow's fees. Zero means the deployer.
	FeeRecipient common.Address
	// FeeBps is the escrow's fee in basis points, charged on completed jobs (at most 1,000).
	FeeBps uint16
	// Timeout bounds every RPC call and every wait for a receipt. Zero means DefaultTimeout.
	Timeout time.Duration
	// Logger receives one line per deployed contract. Nil means slog.Default().
	Logger *slog.Logger
}

// MaxFeeBps is the escrow's MAX_FEE_BPS: the constructor reverts above it.
const MaxFeeBps = 1000

var (
	// ErrReverted is returned when a transaction is mined but fails.
	ErrReverted = errors.New("transaction reverted")
)

// Deploy deploys IdentityRegistry, ReputationRegistry(identity), ValidationRegistry(identity), TestUSD,
// AgentEscrow(identity, validation, mandates, tUSD, owner, feeRecipient, feeBps), MandateRegistry(identity,
// escrow) and AuditAnchor() from key's account, in that order, waiting for each receipt, and returns where they
// are. The escrow
// and the registry name each other: the escrow is given the registry's address computed from the deployer's
// nonce, and Deploy fails if the registry does not land there.
func Deploy(ctx context.Context, backend Backend, key *ecdsa.PrivateKey, opts Options) (*Deployment, error) {
	if opts.FeeBps > MaxFeeBps {
		return nil, fmt.Errorf("fee %d bps is above the maximum of %d", opts.FeeBps, MaxFeeBps)
	}
	d := &deployer{backend: backend, key: key, timeout: opts.Timeout, log: opts.Logger}
	if d.timeout <= 0 {
		d.timeout = DefaultTimeout
	}
	if d.log == nil {
		d.log = slog.Default()
	}
	from := crypto.PubkeyToAddress(key.PublicKey)
	if opts.Owner == (common.Address{}) {
		opts.Owner = from
	}
	if opts.FeeRecipient == (common.Address{}) {
		opts.FeeRecipient = from
	}

	cctx, cancel := context.WithTimeout(ctx, d.timeout)
	chainID, err := backend.ChainID(cctx)
	cancel()
	if err != nil {
		return nil, fmt.Errorf("chain id: %w", err)
	}
	if !chainID.IsUint64() || chainID.Sign() == 0 {
		return nil, fmt.Errorf("unsupported chain id %s", chainID)
	}
	d.chainID = chainID
	out := &Deployment{ChainID: chainID.Uint64(), Deployer: from}
	c := &out.Contracts

	if c.IdentityRegistry, err = d.deploy(ctx, IdentityRegistry, bindings.IdentityRegistryMetaData.Bin, nil); err != nil {
		return nil, err
	}
	identity := c.IdentityRegistry.Address
	if c.ReputationRegistry, err = d.deploy(ctx, ReputationRegistry, bindings.ReputationRegistryMetaData.Bin,
		bindings.NewReputationRegistry().PackConstructor(identity)); err != nil {
		return nil, err
	}
	if c.ValidationRegistry, err = d.deploy(ctx, ValidationRegistry, bindings.ValidationRegistryMetaData.Bin,
		bindings.NewValidationRegistry().PackConstructor(identity)); err != nil {
		return nil, err
	}
	if c.TestUSD, err = d.deploy(ctx, TestUSD, bindings.TestUSDMetaData.Bin, nil); err != nil {
		return nil, err
	}
	nctx, cancel := context.WithTimeout(ctx, d.timeout)
	nonce, err := backend.PendingNonceAt(nctx, from)
	cancel()
	if err != nil {
		return nil, fmt.Errorf("nonce: %w", err)
	}
	mandates := crypto.CreateAddress(from, nonce+1)
	escrowArgs := bindings.NewAgentEscrow().PackConstructor(identity, c.ValidationRegistry.Address, mandates,
		c.TestUSD.Address, opts.Owner, opts.FeeRecipient, opts.FeeBps)
	if c.AgentEscrow, err = d.deploy(ctx, AgentEscrow, bindings.AgentEscrowMetaData.Bin, escrowArgs); err != nil {
		return nil, err
	}
	if c.MandateRegistry, err = d.deploy(ctx, MandateRegistry, bindings.MandateRegistryMetaData.Bin,
		bindings.NewMandateRegistry().PackConstructor(identity, c.AgentEscrow.Address)); err != nil {
		return nil, err
	}
	if c.MandateRegistry.Address != mandates {
		return nil, fmt.Errorf("MandateRegistry landed at %s, but the escrow names %s: was another transaction "+
			"sent from %s during the deployment?", c.MandateRegistry.Address, mandates, from)
	}
	if c.AuditAnchor, err = d.deploy(ctx, AuditAnchor, bindings.AuditAnchorMetaData.Bin, nil); err != nil {
		return nil, err
	}
	if err := out.ValidateNew(); err != nil {
		return nil, err
	}
	return out, nil
}

type deployer struct {
	backend Backend
	key     *ecdsa.PrivateKey
	chainID *big.Int
	timeout time.Duration
	log     *slog.Logger
}

// transactOpts returns options whose RPC calls (nonce, gas price, estimate, send) share one timeout.
func (d *deployer) transactOpts(ctx context.Context) *bind.TransactOpts {
	opts := bind.NewKeyedTransactor(d.key, d.chainID)
	opts.Context = ctx
	return opts
}

func (d *deployer) deploy(ctx context.Context, name, bin string, args []byte) (Contract, error) {
	sctx, cancel := context.WithTimeout(ctx, d.timeout)
	defer cancel()
	addr, tx, err := bind.DeployContract(d.transactOpts(sctx), common.FromHex(bin), d.backend, args)
	if err != nil {
		return Contract{}, fmt.Errorf("deploy %s: %w", name, err)
	}
	receipt, err := WaitMined(ctx, d.backend, tx, d.timeout)
	if err != nil {
		return Contract{}, fmt.Errorf("deploy %s: %w", name, err)
	}
	if receipt.ContractAddress != addr {
		return Contract{}, fmt.Errorf("deploy %s: receipt names contract %s, want %s", name, receipt.ContractAddress, addr)
	}
	d.log.Info("deployed", "contract", name, "address", addr, "block", receipt.BlockNumber, "tx", tx.Hash(),
		"gas", receipt.GasUsed)
	return Contract{Address: addr, DeployBlock: receipt.BlockNumber.Uint64(), TxHash: tx.Hash()}, nil
}

// WaitMined waits at most timeout for tx's receipt and fails if the transaction reverted. It polls quickly
// at first (a development chain mines at once) and backs off to once a second.
func WaitMined(ctx context.Context, backend bind.DeployBackend, tx *types.Transaction, timeout time.Duration) (*types.Receipt, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	delay, lastErr := 20*time.Millisecond, error(nil)
	for {
		receipt, err := backend.TransactionReceipt(ctx, tx.Hash())
		if err == nil {
			if receipt.Status != types.ReceiptStatusSuccessful {
				return receipt, fmt.Errorf("%w: %s in block %s", ErrReverted, tx.Hash(), receipt.BlockNumber)
			}
			return receipt, nil
		}
		if !errors.Is(err, ethereum.NotFound) {
			lastErr = err // maybe transient: keep trying until the timeout
		}
		select {
		case <-ctx.Done():
			if lastErr != nil {
				return nil, fmt.Errorf("waiting for %s: %w (last error: %v)", tx.Hash(), ctx.Err(), lastErr)
			}
			return nil, fmt.Errorf("waiting for %s: %w", tx.Hash(), ctx.Err())
		case <-time.After(delay):
		}
		delay = min(2*delay, time.Second)
	}
}

// MintTestUSD mints amount tUSD base units (6 decimals) to each of to, from key's account, and waits for
// every receipt. TestUSD's mint is open to anyone: this is for local chains.
func MintTestUSD(ctx context.Context, backend Backend, key *ecdsa.PrivateKey, token common.Address,
	to []common.Address, amount *big.Int, timeout time.Duration) error {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	cctx, cancel := context.WithTimeout(ctx, timeout)
	chainID, err := backend.ChainID(cctx)
	cancel()
	if err != nil {
		return fmt.Errorf("chain id: %w", err)
	}
	d := &deployer{backend: backend, key: key, chainID: chainID, timeout: timeout}
	tusd := bindings.NewTestUSD()
	instance := tusd.Instance(backend, token)
	for _, addr := range to {
		sctx, cancel := context.WithTimeout(ctx, timeout)
		tx, err := bind.Transact(instance, d.transactOpts(sctx), tusd.PackMint(addr, amount))
		cancel()
		if err != nil {
			return fmt.Errorf("mint to %s: %w", addr, err)
		}
		if _, err := WaitMined(ctx, backend, tx, timeout); err != nil {
			return fmt.Errorf("mint to %s: %w", addr, err)
		}
	}
	return nil
}
