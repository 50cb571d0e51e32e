package client

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/agoralabs/agora/deployment"
)

// Balances and funding: what a wallet holds, and a funder's top-ups (ETH for gas; TestUSD on a devnet, whose
// mint is open to anyone).

// Balance returns addr's ETH balance at the head.
func (e *Escrow) Balance(ctx context.Context, addr common.Address) (*big.Int, error) {
	b, err := e.backend.BalanceAt(ctx, addr, nil)
	if err != nil {
		return nil, fmt.Errorf("balance of %s: %w", addr.Hex(), err)
	}
	return b, nil
}

// TokenBalance returns addr's balance of the ERC-20 token.
func (e *Escrow) TokenBalance(ctx context.Context, token, addr common.Address) (*big.Int, error) {
	b, err := bind.Call(e.token.Instance(e.backend, token), &bind.CallOpts{Context: ctx}, e.token.PackBalanceOf(addr),
		e.token.UnpackBalanceOf)
	if err != nil {
		return nil, fmt.Errorf("%s balance of %s: %w", token.Hex(), addr.Hex(), err)
	}
	return b, nil
}

// SendETH sends amount wei from s to to and waits for the receipt.
func (e *Escrow) SendETH(ctx context.Context, s Signer, to common.Address, amount *big.Int) (*types.Receipt, error) {
	nonce, err := e.backend.PendingNonceAt(ctx, s.Address())
	if err != nil {
		return nil, fmt.Errorf("send ETH: nonce: %w", err)
	}
	tip, err := e.backend.SuggestGasTipCap(ctx)
	if err != nil {
		return nil, fmt.Errorf("send ETH: tip: %w", err)
	}
	head, err := e.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("send ETH: head: %w", err)
	}
	feeCap := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
	tx := types.NewTx(&types.DynamicFeeTx{ChainID: e.chainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: 21_000,
		To: &to, Value: amount})
	signed, err := TransactOpts(ctx, s, e.chainID).Signer(s.Address(), tx)
	if err != nil {
		return nil, fmt.Errorf("send ETH: sign: %w", err)
	}
	if err := e.backend.SendTransaction(ctx, signed); err != nil {
		return nil, fmt.Errorf("send ETH to %s: %w", to.Hex(), err)
	}
	return deployment.WaitMined(ctx, e.backend, signed, e.timeout)
}

// MintTestUSD mints amount of the devnet's TestUSD at token to to, from s.
func (e *Escrow) MintTestUSD(ctx context.Context, s Signer, token, to common.Address, amount *big.Int) (*types.Receipt, error) {
	return e.transact(ctx, s, token, "mint TestUSD", e.token.PackMint(to, amount))
}
