package client

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/agoralabs/agora/eip712"
)

// The principal's and the approver's side of the MandateRegistry (docs/governance.md), on the escrow
// helpers' connection: every call is a transaction from a Signer, waited for, its revert named by the
// registry's custom error.

// Granted is the outcome of Grant.
type Granted struct {
	MandateID *big.Int
	Tx        common.Hash
	Block     uint64
}

// Grant grants m by a transaction from s, which must be m.Principal, and returns the new mandate's id.
func (e *Escrow) Grant(ctx context.Context, s Signer, m eip712.Mandate) (*Granted, error) {
	if m.Principal == (common.Address{}) {
		m.Principal = s.Address()
	}
	if m.Principal != s.Address() {
		return nil, fmt.Errorf("grant: signer %s is not the principal %s", s.Address().Hex(), m.Principal.Hex())
	}
	r, err := e.transact(ctx, s, e.registry, "grant", e.mandates.PackGrant(m.Terms()))
	if err != nil {
		return nil, err
	}
	return e.granted(r)
}

// GrantWithSig sends a mandate its principal signed (eip712.Mandate under the registry's domain), from s,
// any account (a relayer).
func (e *Escrow) GrantWithSig(ctx context.Context, s Signer, m eip712.Mandate, signature []byte) (*Granted, error) {
	r, err := e.transact(ctx, s, e.registry, "grantWithSig",
		e.mandates.PackGrantWithSig(m.Terms(), bigOrZero(m.Nonce), bigOrZero(m.Deadline), signature))
	if err != nil {
		return nil, err
	}
	return e.granted(r)
}

func (e *Escrow) granted(r *types.Receipt) (*Granted, error) {
	for _, l := range r.Logs {
		if l.Address != e.registry {
			continue
		}
		if ev, err := e.mandates.UnpackMandateGrantedEvent(l); err == nil {
			return &Granted{MandateID: ev.MandateId, Tx: r.TxHash, Block: r.BlockNumber.Uint64()}, nil
		}
	}
	return nil, fmt.Errorf("transaction %s has no MandateGranted event", r.TxHash.Hex())
}

// MandateDomain is the domain mandates and on-chain approvals are signed under.
func (e *Escrow) MandateDomain() eip712.Domain { return eip712.MandateDomain(e.chainID, e.registry) }

// Revoke revokes mandate id; s is its principal or the principal's guardian.
func (e *Escrow) Revoke(ctx context.Context, s Signer, id *big.Int) (*types.Receipt, error) {
	return e.transact(ctx, s, e.registry, "revoke", e.mandates.PackRevoke(id))
}

// Freeze freezes every mandate principal granted agent agentID; s is the principal or its guardian.
func (e *Escrow) Freeze(ctx context.Context, s Signer, principal common.Address, agentID *big.Int) (*types.Receipt, error) {
	return e.transact(ctx, s, e.registry, "freeze", e.mandates.PackFreeze(principal, agentID))
}

// Unfreeze lifts s's freeze of agent agentID (only the principal may).
func (e *Escrow) Unfreeze(ctx context.Context, s Signer, agentID *big.Int) (*types.Receipt, error) {
	return e.transact(ctx, s, e.registry, "unfreeze", e.mandates.PackUnfreeze(agentID))
}

// SetGuardian names s's guardian (zero: none).
func (e *Escrow) SetGuardian(ctx context.Context, s Signer, guardian common.Address) (*types.Receipt, error) {
	return e.transact(ctx, s, e.registry, "setGuardian", e.mandates.PackSetGuardian(guardian))
}

// ApproveOnChain records s's approval, as one of mandate id's approvers, of funding the agreement whose
// EIP-712 digest is agreement (what the escrow's approval bands read).
func (e *Escrow) ApproveOnChain(ctx context.Context, s Signer, id *big.Int, agreement common.Hash) (*types.Receipt, error) {
	return e.transact(ctx, s, e.registry, "approve", e.mandates.PackApprove(id, agreement))
}

// AllowEscrow lets the escrow pull up to amount of token from s, the principal (mandates are paid from the
// principal's balance).
func (e *Escrow) AllowEscrow(ctx context.Context, s Signer, token common.Address, amount *big.Int) (*types.Receipt, error) {
	return e.transact(ctx, s, token, "approve", e.token.PackApprove(e.address, amount))
}

// MandateCount returns how many mandates the registry holds (ids 1..count).
func (e *Escrow) MandateCount(ctx context.Context) (*big.Int, error) {
	return bind.Call(e.mandates.Instance(e.backend, e.registry), &bind.CallOpts{Context: ctx},
		e.mandates.PackMandateCount(), e.mandates.UnpackMandateCount)
}

func bigOrZero(x *big.Int) *big.Int {
	if x == nil {
		return new(big.Int)
	}
	return x
}
