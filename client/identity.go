package client

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/agoralabs/agora/capability"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/indexer/regfile"
)

// Agent operators' side of the ERC-8004 Identity Registry: register an agent with a registration file checked
// the way the indexer will read it, bind its wallet with the wallet's EIP-712 AgentWalletSet proof, change its
// URI and metadata, and transfer it. Every call is a transaction from a Signer (the agent's owner, or an
// operator it approved), waited for, its revert named by the registry's custom error.

// DataURIPrefix starts the data: URI that holds a file inline; the file's exact bytes follow in standard base64.
const DataURIPrefix = "data:application/json;base64,"

// DataURI returns the URI that holds file's exact bytes inline.
func DataURI(file []byte) string { return DataURIPrefix + base64.StdEncoding.EncodeToString(file) }

// MaxRegistrationBytes is the largest registration file the indexer reads: the default of `agora index
// --fetch-max-bytes` (regfile.DefaultMaxBytes), for inline files and fetched ones alike.
const MaxRegistrationBytes = regfile.DefaultMaxBytes

var (
	// ErrRegistrationTooLarge is returned (wrapped) for a registration file above MaxRegistrationBytes (or the
	// fetch configuration's MaxBytes).
	ErrRegistrationTooLarge = errors.New("registration file too large")
	// ErrRegistrationUnreachable is returned (wrapped) when the file behind a URI cannot be read; the wrapped
	// *regfile.Error says why (unreachable, timeout, http_status, blocked_address, ...).
	ErrRegistrationUnreachable = errors.New("registration file cannot be read")
)

// InvalidRegistrationError is a registration file the indexer would refuse, or whose capability declarations
// it would drop, with every reason: the registration problems (regfile.Parse) and the capability problems
// (capability.Extract), each one entry of Problems.
type InvalidRegistrationError struct {
	Problems []string
}

// Error lists every problem, one per line.
func (e *InvalidRegistrationError) Error() string {
	return fmt.Sprintf("invalid registration file, %d %s:\n  - %s", len(e.Problems), plural(len(e.Problems), "problem"),
		strings.Join(e.Problems, "\n  - "))
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// CheckedRegistration is a registration file that passed CheckRegistration.
type CheckedRegistration struct {
	// URI is what the agent registers: the hosted URI, or the data: URI of the file.
	URI string
	// Raw is the file's bytes.
	Raw []byte
	// Registration is the file as the indexer parses it.
	Registration *regfile.Registration
	// Capabilities are its capability declarations, all valid.
	Capabilities []capability.Capability
}

// CheckRegistration applies to a registration file's bytes the checks the indexer applies: its size (at most
// MaxRegistrationBytes), regfile.Parse (the ERC-8004 fields) and capability.Extract (the typed capability
// declarations). A file with any problem is refused with an *InvalidRegistrationError listing all of them.
func CheckRegistration(raw []byte) (*regfile.Registration, []capability.Capability, error) {
	if len(raw) > MaxRegistrationBytes {
		return nil, nil, fmt.Errorf("%w: %d bytes, the indexer reads at most %d", ErrRegistrationTooLarge, len(raw), MaxRegistrationBytes)
	}
	reg, err := regfile.Parse(raw)
	var problems []string
	extra := map[string]json.RawMessage(nil)
	if err != nil {
		e := regfile.AsError(err)
		if e == nil {
			return nil, nil, err
		}
		if e.Code != regfile.CodeInvalidRegistration {
			return nil, nil, &InvalidRegistrationError{Problems: []string{e.Code + ": " + e.Message}}
		}
		problems = append(problems, e.Problems...)
		// The capability declarations are checked even when the rest is wrong, so that every reason is listed.
		_ = json.Unmarshal(raw, &extra)
	} else {
		extra = reg.Extra
	}
	caps, capProblems := capability.Extract(extra)
	for _, p := range capProblems {
		problems = append(problems, p.String())
	}
	if len(problems) > 0 {
		return nil, nil, &InvalidRegistrationError{Problems: problems}
	}
	return reg, caps, nil
}

// RegistrationFile is the registration file an agent points at (RegisterAgent, SetAgentURI).
type RegistrationFile struct {
	// File is the file's bytes. Without URI it is registered inline, as DataURI(File); with URI it is what the
	// URI must serve (nil: whatever it serves, once checked).
	File []byte
	// URI is where the file is hosted (https://, ipfs:// through a gateway, data:); "" registers File inline.
	URI string
	// Fetch is how URI is read: with the indexer's fetcher and this configuration (zero: the indexer's
	// defaults, so a file the indexer could not read, on a private address or over plain http, is refused).
	Fetch regfile.Config
}

// Check reads and checks the file (CheckRegistration) before anything is sent.
func (f RegistrationFile) Check(ctx context.Context) (*CheckedRegistration, error) {
	uri, raw := strings.TrimSpace(f.URI), f.File
	if uri == "" {
		if len(raw) == 0 {
			return nil, errors.New("registration: no file and no URI")
		}
		if _, _, err := CheckRegistration(raw); err != nil {
			return nil, err
		}
		uri = DataURI(raw)
	} else {
		cfg := f.Fetch
		if cfg.MaxBytes <= 0 {
			cfg.MaxBytes = MaxRegistrationBytes
		}
		fetcher := regfile.New(cfg)
		defer fetcher.CloseIdleConnections()
		served, err := fetcher.Fetch(ctx, uri)
		if err != nil {
			if e := regfile.AsError(err); e != nil && e.Code == regfile.CodeTooLarge {
				return nil, fmt.Errorf("%w: %s serves more than %d bytes (%w)", ErrRegistrationTooLarge, shortURI(uri), cfg.MaxBytes, err)
			}
			return nil, fmt.Errorf("%w from %s: %w", ErrRegistrationUnreachable, shortURI(uri), err)
		}
		if raw != nil && !bytes.Equal(raw, served) {
			return nil, fmt.Errorf("%s serves %d bytes that differ from the file's %d", shortURI(uri), len(served), len(raw))
		}
		raw = served
	}
	reg, caps, err := CheckRegistration(raw)
	if err != nil {
		return nil, err
	}
	return &CheckedRegistration{URI: uri, Raw: raw, Registration: reg, Capabilities: caps}, nil
}

// shortURI is uri for a message: a data: URI is not repeated in full.
func shortURI(uri string) string {
	if len(uri) > 120 {
		return uri[:100] + "…"
	}
	return uri
}

// Registered is the outcome of RegisterAgent.
type Registered struct {
	AgentID *big.Int
	Owner   common.Address
	File    *CheckedRegistration
	Tx      common.Hash
	Block   uint64
}

// RegisterAgent checks the registration file (RegistrationFile.Check) and, only if it passes, registers a new
// agent owned by s with its URI. The agent id comes from the Registered event.
func (e *Escrow) RegisterAgent(ctx context.Context, s Signer, f RegistrationFile) (*Registered, error) {
	checked, err := f.Check(ctx)
	if err != nil {
		return nil, err
	}
	r, err := e.transact(ctx, s, e.identityAddr, "register", e.identity.PackRegister1(checked.URI))
	if err != nil {
		return nil, err
	}
	for _, l := range r.Logs {
		if l.Address != e.identityAddr {
			continue
		}
		if ev, err := e.identity.UnpackRegisteredEvent(l); err == nil && ev.Owner == s.Address() {
			return &Registered{AgentID: ev.AgentId, Owner: ev.Owner, File: checked, Tx: r.TxHash, Block: r.BlockNumber.Uint64()}, nil
		}
	}
	return nil, fmt.Errorf("register: transaction %s has no Registered event", r.TxHash.Hex())
}

// SetAgentURI checks the new registration file (RegistrationFile.Check) and points agent agentID at it; s is
// the agent's owner or operator.
func (e *Escrow) SetAgentURI(ctx context.Context, s Signer, agentID *big.Int, f RegistrationFile) (*CheckedRegistration, *types.Receipt, error) {
	checked, err := f.Check(ctx)
	if err != nil {
		return nil, nil, err
	}
	r, err := e.transact(ctx, s, e.identityAddr, "setAgentURI", e.identity.PackSetAgentURI(agentID, checked.URI))
	if err != nil {
		return nil, nil, err
	}
	return checked, r, nil
}

// SetMetadata stores value under key for agent agentID (the key agentWallet is reserved: SetAgentWallet); s is
// the agent's owner or operator.
func (e *Escrow) SetMetadata(ctx context.Context, s Signer, agentID *big.Int, key string, value []byte) (*types.Receipt, error) {
	if key == "" {
		return nil, errors.New("setMetadata: empty key")
	}
	return e.transact(ctx, s, e.identityAddr, "setMetadata", e.identity.PackSetMetadata(agentID, key, value))
}

// TransferAgent transfers agent agentID's token from its owner to to (safeTransferFrom: a contract must accept
// ERC-721 tokens); s is the owner or an approved operator. The registry clears the agent wallet.
func (e *Escrow) TransferAgent(ctx context.Context, s Signer, agentID *big.Int, to common.Address) (*types.Receipt, error) {
	if to == (common.Address{}) {
		return nil, errors.New("transfer: no recipient")
	}
	owner, err := e.AgentOwner(ctx, agentID)
	if err != nil {
		return nil, err
	}
	return e.transact(ctx, s, e.identityAddr, "safeTransferFrom", e.identity.PackSafeTransferFrom(owner, to, agentID))
}

// AgentInfo is what the Identity Registry holds about an agent.
type AgentInfo struct {
	AgentID *big.Int       `json:"agentId"`
	Owner   common.Address `json:"owner"`
	Wallet  common.Address `json:"wallet"` // zero when unset or cleared by a transfer
	URI     string         `json:"uri"`
}

// Agent reads agent agentID from the Identity Registry.
func (e *Escrow) Agent(ctx context.Context, agentID *big.Int) (*AgentInfo, error) {
	owner, err := e.AgentOwner(ctx, agentID)
	if err != nil {
		return nil, err
	}
	out := &AgentInfo{AgentID: agentID, Owner: owner}
	if out.Wallet, err = e.AgentWallet(ctx, agentID); err != nil {
		return nil, err
	}
	if out.URI, err = identityCall(e, ctx, "tokenURI", e.identity.PackTokenURI(agentID), e.identity.UnpackTokenURI); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentOwner returns the owner of agent agentID's token (reverting with ERC721NonexistentToken for none).
func (e *Escrow) AgentOwner(ctx context.Context, agentID *big.Int) (common.Address, error) {
	return identityCall(e, ctx, "ownerOf", e.identity.PackOwnerOf(agentID), e.identity.UnpackOwnerOf)
}

// AgentWallet returns agent agentID's wallet (zero when unset).
func (e *Escrow) AgentWallet(ctx context.Context, agentID *big.Int) (common.Address, error) {
	return identityCall(e, ctx, "getAgentWallet", e.identity.PackGetAgentWallet(agentID), e.identity.UnpackGetAgentWallet)
}

// AgentMetadata returns the value stored under key for agent agentID (empty when unset).
func (e *Escrow) AgentMetadata(ctx context.Context, agentID *big.Int, key string) ([]byte, error) {
	return identityCall(e, ctx, "getMetadata", e.identity.PackGetMetadata(agentID, key), e.identity.UnpackGetMetadata)
}

func identityCall[T any](e *Escrow, ctx context.Context, what string, data []byte, unpack func([]byte) (T, error)) (T, error) {
	v, err := bind.Call(e.identity.Instance(e.backend, e.identityAddr), &bind.CallOpts{Context: ctx}, data, unpack)
	if err != nil {
		return v, fmt.Errorf("%s: %w", what, e.explain(err, e.identityAddr))
	}
	return v, nil
}

// ------------------------------------------------------------------------------------------ agent wallet

// MaxWalletProofDelay is how far after the chain's time a wallet proof's deadline may lie (the registry's
// MAX_DEADLINE_DELAY); DefaultWalletProofDelay is the deadline WalletProof gives when none is set.
const (
	MaxWalletProofDelay     = 5 * time.Minute
	DefaultWalletProofDelay = 4 * time.Minute
)

var (
	// ErrWalletProofSigner is returned (wrapped) for a wallet proof that is not the wallet's signature: signed
	// by another key, malformed, or refused by the contract wallet's isValidSignature.
	ErrWalletProofSigner = errors.New("the wallet proof is not signed by the wallet")
	// ErrWalletProofDeadline is returned (wrapped) for a proof whose deadline has passed or lies more than
	// MaxWalletProofDelay after the chain's time.
	ErrWalletProofDeadline = errors.New("the wallet proof's deadline is out of range")
)

// IdentityDomain is the domain wallet proofs are signed under ("ERC8004IdentityRegistry", the chain, the
// registry).
func (e *Escrow) IdentityDomain() eip712.Domain {
	return eip712.IdentityDomain(e.chainID, e.identityAddr)
}

// ChainTime returns the latest block's timestamp, the clock the registries and the escrow compare
// deadlines with.
func (e *Escrow) ChainTime(ctx context.Context) (uint64, error) {
	h, err := e.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("latest block: %w", err)
	}
	return h.Time, nil
}

// WalletProof returns the AgentWalletSet message by which wallet agrees to become agent agentID's wallet: for
// the token's current owner (read on chain) and deadline (nil: the chain's time plus DefaultWalletProofDelay).
// The wallet signs it (SignWalletProof, or eth_signTypedData_v4 of eip712.MarshalTypedData under
// IdentityDomain for an external or contract wallet).
func (e *Escrow) WalletProof(ctx context.Context, agentID *big.Int, wallet common.Address, deadline *big.Int) (eip712.AgentWalletSet, error) {
	owner, err := e.AgentOwner(ctx, agentID)
	if err != nil {
		return eip712.AgentWalletSet{}, err
	}
	if deadline == nil {
		now, err := e.ChainTime(ctx)
		if err != nil {
			return eip712.AgentWalletSet{}, err
		}
		deadline = new(big.Int).SetUint64(now + uint64(DefaultWalletProofDelay/time.Second))
	}
	return eip712.AgentWalletSet{AgentID: agentID, NewWallet: wallet, Owner: owner, Deadline: deadline}, nil
}

// SignWalletProof builds the wallet proof for wallet (WalletProof) and signs it with wallet.
func (e *Escrow) SignWalletProof(ctx context.Context, wallet Signer, agentID, deadline *big.Int) (eip712.AgentWalletSet, []byte, error) {
	p, err := e.WalletProof(ctx, agentID, wallet.Address(), deadline)
	if err != nil {
		return p, nil, err
	}
	sig, err := Sign(ctx, wallet, e.IdentityDomain(), p)
	return p, sig, err
}

// CheckWalletProof checks a signed wallet proof before it is sent, as the registry will: its owner is the
// token's current owner, its deadline lies between the chain's time and MaxWalletProofDelay after, and sig is
// p.NewWallet's signature (ECDSA, or ERC-1271 isValidSignature when the wallet is a contract).
func (e *Escrow) CheckWalletProof(ctx context.Context, p eip712.AgentWalletSet, sig []byte) error {
	if p.AgentID == nil || p.Deadline == nil || p.NewWallet == (common.Address{}) {
		return errors.New("wallet proof: agent id, wallet and deadline are required")
	}
	owner, err := e.AgentOwner(ctx, p.AgentID)
	if err != nil {
		return err
	}
	if owner != p.Owner {
		return fmt.Errorf("%w: it names owner %s, agent %s is owned by %s", ErrWalletProofSigner, p.Owner.Hex(), p.AgentID, owner.Hex())
	}
	now, err := e.ChainTime(ctx)
	if err != nil {
		return err
	}
	switch latest := now + uint64(MaxWalletProofDelay/time.Second); {
	case p.Deadline.Cmp(new(big.Int).SetUint64(now)) < 0:
		return fmt.Errorf("%w: it expired at %s, the chain's time is %d", ErrWalletProofDeadline, p.Deadline, now)
	case p.Deadline.Cmp(new(big.Int).SetUint64(latest)) > 0:
		return fmt.Errorf("%w: %s is more than %s after the chain's time %d", ErrWalletProofDeadline, p.Deadline, MaxWalletProofDelay, now)
	}
	digest, err := eip712.Digest(e.IdentityDomain(), p)
	if err != nil {
		return fmt.Errorf("wallet proof: %w", err)
	}
	e.verifierOnce.Do(func() { e.verifier = eip712.NewVerifier(e.backend, e.timeout, eip712.WithoutCodeCache()) })
	if err := e.verifier.Verify(ctx, p.NewWallet, digest, sig); err != nil {
		if errors.Is(err, eip712.ErrRPC) {
			return fmt.Errorf("wallet proof: %w", err)
		}
		return fmt.Errorf("%w %s: %w", ErrWalletProofSigner, p.NewWallet.Hex(), err)
	}
	return nil
}

// SetAgentWallet checks the signed wallet proof (CheckWalletProof) and sends setAgentWallet from s, the
// agent's owner or operator.
func (e *Escrow) SetAgentWallet(ctx context.Context, s Signer, p eip712.AgentWalletSet, sig []byte) (*types.Receipt, error) {
	if err := e.CheckWalletProof(ctx, p, sig); err != nil {
		return nil, err
	}
	return e.transact(ctx, s, e.identityAddr, "setAgentWallet", e.identity.PackSetAgentWallet(p.AgentID, p.NewWallet, p.Deadline, sig))
}

// BindAgentWallet makes wallet agent agentID's wallet: wallet signs the proof (deadline nil: the default), owner
// sends it.
func (e *Escrow) BindAgentWallet(ctx context.Context, owner, wallet Signer, agentID, deadline *big.Int) (*types.Receipt, error) {
	p, sig, err := e.SignWalletProof(ctx, wallet, agentID, deadline)
	if err != nil {
		return nil, err
	}
	return e.SetAgentWallet(ctx, owner, p, sig)
}

// UnsetAgentWallet clears agent agentID's wallet; s is the agent's owner or operator.
func (e *Escrow) UnsetAgentWallet(ctx context.Context, s Signer, agentID *big.Int) (*types.Receipt, error) {
	return e.transact(ctx, s, e.identityAddr, "unsetAgentWallet", e.identity.PackUnsetAgentWallet(agentID))
}

// ------------------------------------------------------------------------------------------ gateway

// AgentView returns the gateway's view of agent id (GET /v1/agents/{id}): the indexed registration file and
// its status, capabilities and their problems, metadata, liveness, reputation and jobs.
func (c *Client) AgentView(ctx context.Context, id *big.Int) (json.RawMessage, error) {
	var v json.RawMessage
	if _, err := c.do(ctx, http.MethodGet, "/v1/agents/"+id.String(), nil, &v); err != nil {
		return nil, err
	}
	return v, nil
}
