package client

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/eip712"
)

// Job statuses of the escrow (IAgentEscrow.JobStatus).
const (
	JobOpen      uint8 = 0
	JobFunded    uint8 = 1
	JobSubmitted uint8 = 2
	JobCompleted uint8 = 3
	JobRejected  uint8 = 4
	JobExpired   uint8 = 5
	JobDisputed  uint8 = 6
	JobResolved  uint8 = 7
)

// Backend is what the escrow helpers need from a node; *ethclient.Client is one.
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
	ChainID(ctx context.Context) (*big.Int, error)
	BalanceAt(ctx context.Context, account common.Address, block *big.Int) (*big.Int, error)
}

// Escrow drives a deployment's AgentEscrow: it funds signed agreements, submits deliverables and completes
// jobs, sending each transaction from a Signer and waiting for its receipt.
type Escrow struct {
	backend Backend
	chainID *big.Int
	address common.Address
	from    uint64 // the escrow's deploy block: where its logs start
	timeout time.Duration
	escrow  *bindings.AgentEscrow
	token   *bindings.TestUSD // any ERC-20's approve and allowance
	// mandates decodes the MandateRegistry's custom errors, which bubble out of the escrow unchanged, and
	// packs the registry's calls (Mandates).
	mandates *bindings.MandateRegistry
	registry common.Address
	// validation is the ERC-8004 Validation Registry (validators' requests and responses).
	validation     *bindings.ValidationRegistry
	validationAddr common.Address
	// identity is the ERC-8004 Identity Registry (agents, their URIs, metadata and wallets) and reputation
	// the Reputation Registry (feedback): agent operators' and buyers' side (identity.go, feedback.go).
	identity       *bindings.IdentityRegistry
	identityAddr   common.Address
	reputation     *bindings.ReputationRegistry
	reputationAddr common.Address

	verifierOnce sync.Once
	verifier     *eip712.Verifier // checks wallet proofs (ECDSA, then ERC-1271) before they are sent
}

// NewEscrow returns the escrow helpers for deployment d on backend, after checking that the node serves
// d's chain. timeout bounds each wait for a receipt (0: deployment.DefaultTimeout).
func NewEscrow(ctx context.Context, backend Backend, d *deployment.Deployment, timeout time.Duration) (*Escrow, error) {
	chainID, err := backend.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("chain id: %w", err)
	}
	if chainID.Uint64() != d.ChainID || !chainID.IsUint64() {
		return nil, fmt.Errorf("the node serves chain %s, the deployment is for chain %d", chainID, d.ChainID)
	}
	if timeout <= 0 {
		timeout = deployment.DefaultTimeout
	}
	return &Escrow{backend: backend, chainID: chainID, address: d.Contracts.AgentEscrow.Address,
		from: d.Contracts.AgentEscrow.DeployBlock, timeout: timeout, escrow: bindings.NewAgentEscrow(), token: bindings.NewTestUSD(),
		mandates: bindings.NewMandateRegistry(), registry: d.Contracts.MandateRegistry.Address,
		validation: bindings.NewValidationRegistry(), validationAddr: d.Contracts.ValidationRegistry.Address,
		identity: bindings.NewIdentityRegistry(), identityAddr: d.Contracts.IdentityRegistry.Address,
		reputation: bindings.NewReputationRegistry(), reputationAddr: d.Contracts.ReputationRegistry.Address}, nil
}

// Address returns the escrow's address.
func (e *Escrow) Address() common.Address { return e.address }

// TransactOpts returns transaction options that sign with s (its SignDigest over the transaction's hash).
func TransactOpts(ctx context.Context, s Signer, chainID *big.Int) *bind.TransactOpts {
	txSigner := types.LatestSignerForChainID(chainID)
	return &bind.TransactOpts{From: s.Address(), Context: ctx, Signer: func(from common.Address, tx *types.Transaction) (*types.Transaction, error) {
		if from != s.Address() {
			return nil, bind.ErrNotAuthorized
		}
		sig, err := s.SignDigest(ctx, txSigner.Hash(tx))
		if err != nil {
			return nil, err
		}
		if len(sig) != 65 {
			return nil, fmt.Errorf("signer returned %d bytes, want 65", len(sig))
		}
		sig = append([]byte(nil), sig...)
		if sig[64] >= 27 {
			sig[64] -= 27
		}
		return tx.WithSignature(txSigner, sig)
	}}
}

// transact sends data to contract at addr from s and waits for a successful receipt. A revert is reported
// with the escrow's custom error when the node returns it.
func (e *Escrow) transact(ctx context.Context, s Signer, addr common.Address, what string, data []byte) (*types.Receipt, error) {
	var c *bind.BoundContract
	switch {
	case addr == e.address:
		c = e.escrow.Instance(e.backend, addr)
	case addr == e.registry && addr != (common.Address{}):
		c = e.mandates.Instance(e.backend, addr)
	case addr == e.validationAddr && addr != (common.Address{}):
		c = e.validation.Instance(e.backend, addr)
	case addr == e.identityAddr && addr != (common.Address{}):
		c = e.identity.Instance(e.backend, addr)
	case addr == e.reputationAddr && addr != (common.Address{}):
		c = e.reputation.Instance(e.backend, addr)
	default:
		c = e.token.Instance(e.backend, addr)
	}
	tx, err := bind.Transact(c, TransactOpts(ctx, s, e.chainID), data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, e.explain(err, addr))
	}
	r, err := deployment.WaitMined(ctx, e.backend, tx, e.timeout)
	if err != nil {
		return r, fmt.Errorf("%s: %w", what, err)
	}
	return r, nil
}

// explain adds the custom error, decoded from the revert data err carries, to err: the escrow's, or that of
// the registry at to (identity, reputation, validation, mandates).
func (e *Escrow) explain(err error, to common.Address) error {
	var de rpc.DataError
	if !errors.As(err, &de) {
		return err
	}
	s, ok := de.ErrorData().(string)
	if !ok {
		return err
	}
	data, derr := hexutil.Decode(s)
	if derr != nil || len(data) < 4 {
		return err
	}
	// Errors of the same name share a selector: a registry call names the registry's first.
	if to == e.identityAddr && to != (common.Address{}) {
		if v, uerr := e.identity.UnpackError(data); uerr == nil {
			name := strings.TrimPrefix(fmt.Sprintf("%T", v), "*bindings.IdentityRegistry")
			return fmt.Errorf("the identity registry reverted with %s%+v: %w", name, v, err)
		}
	}
	if to == e.reputationAddr && to != (common.Address{}) {
		if v, uerr := e.reputation.UnpackError(data); uerr == nil {
			name := strings.TrimPrefix(fmt.Sprintf("%T", v), "*bindings.ReputationRegistry")
			return fmt.Errorf("the reputation registry reverted with %s%+v: %w", name, v, err)
		}
	}
	if to == e.validationAddr {
		if v, uerr := e.validation.UnpackError(data); uerr == nil {
			name := strings.TrimPrefix(fmt.Sprintf("%T", v), "*bindings.ValidationRegistry")
			return fmt.Errorf("the validation registry reverted with %s%+v: %w", name, v, err)
		}
	}
	if to == e.registry {
		if v, uerr := e.mandates.UnpackError(data); uerr == nil {
			name := strings.TrimPrefix(fmt.Sprintf("%T", v), "*bindings.MandateRegistry")
			return fmt.Errorf("the mandate registry reverted with %s%+v: %w", name, v, err)
		}
	}
	if v, uerr := e.escrow.UnpackError(data); uerr == nil {
		name := strings.TrimPrefix(fmt.Sprintf("%T", v), "*bindings.AgentEscrow")
		return fmt.Errorf("escrow reverted with %s%+v: %w", name, v, err)
	}
	if v, uerr := e.mandates.UnpackError(data); uerr == nil {
		name := strings.TrimPrefix(fmt.Sprintf("%T", v), "*bindings.MandateRegistry")
		return fmt.Errorf("the mandate refused it: %s%+v: %w", name, v, err)
	}
	return err
}

// Funded is the outcome of Fund.
type Funded struct {
	JobID         *big.Int
	AgreementHash common.Hash // the agreement's digest: the gateway's agreement id
	ApproveTx     common.Hash // zero when the allowance sufficed
	CreateTx      common.Hash
	Block         uint64
}

// Fund creates and funds the escrow job of a signed agreement: from s, which must be the agreement's client,
// it approves the escrow for the price when the allowance is short, then sends createJobFromAgreement with
// both signatures. The job id comes from the AgreementJobCreated event.
func (e *Escrow) Fund(ctx context.Context, s Signer, a eip712.ServiceAgreement, clientSig, providerSig []byte) (*Funded, error) {
	if s.Address() != a.Client {
		return nil, fmt.Errorf("fund: signer %s is not the agreement's client %s", s.Address().Hex(), a.Client.Hex())
	}
	if a.Price == nil || a.Price.Sign() <= 0 {
		return nil, errors.New("fund: the agreement has no price")
	}
	if len(clientSig) == 0 || len(providerSig) == 0 {
		return nil, errors.New("fund: both signatures are required")
	}
	hash, err := eip712.Digest(eip712.EscrowDomain(e.chainID, e.address), a)
	if err != nil {
		return nil, fmt.Errorf("fund: %w", err)
	}
	out := &Funded{AgreementHash: hash}
	if a.MandateID != nil && a.MandateID.Sign() != 0 {
		// Under a mandate the principal pays, from its own allowance to the escrow; the client only sends.
		return e.create(ctx, s, a, hash, clientSig, providerSig, out)
	}
	allowance, err := bind.Call(e.token.Instance(e.backend, a.Token), &bind.CallOpts{Context: ctx},
		e.token.PackAllowance(a.Client, e.address), e.token.UnpackAllowance)
	if err != nil {
		return nil, fmt.Errorf("fund: allowance of %s: %w", a.Token.Hex(), err)
	}
	if allowance.Cmp(a.Price) < 0 {
		r, err := e.transact(ctx, s, a.Token, "fund: approve", e.token.PackApprove(e.address, a.Price))
		if err != nil {
			return nil, err
		}
		out.ApproveTx = r.TxHash
	}
	return e.create(ctx, s, a, hash, clientSig, providerSig, out)
}

func (e *Escrow) create(ctx context.Context, s Signer, a eip712.ServiceAgreement, hash common.Hash, clientSig,
	providerSig []byte, out *Funded) (*Funded, error) {
	r, err := e.transact(ctx, s, e.address, "fund: createJobFromAgreement",
		e.escrow.PackCreateJobFromAgreement(a.Binding(), clientSig, providerSig))
	if err != nil {
		return nil, err
	}
	out.CreateTx, out.Block = r.TxHash, r.BlockNumber.Uint64()
	for _, l := range r.Logs {
		if l.Address != e.address {
			continue
		}
		if ev, err := e.escrow.UnpackAgreementJobCreatedEvent(l); err == nil && ev.AgreementHash == hash {
			out.JobID = ev.JobId
		}
	}
	if out.JobID == nil {
		return nil, fmt.Errorf("fund: transaction %s has no AgreementJobCreated event for %s", r.TxHash.Hex(), hash.Hex())
	}
	return out, nil
}

// Submit delivers: s, the job's provider, submits the deliverable's hash.
func (e *Escrow) Submit(ctx context.Context, s Signer, jobID *big.Int, deliverable common.Hash) (*types.Receipt, error) {
	return e.transact(ctx, s, e.address, "submit", e.escrow.PackSubmit(jobID, deliverable, nil))
}

// Complete accepts a submitted job and pays the provider: s must be the job's client or, for an
// agreement job, its arbiter (the evaluator of a plain job).
func (e *Escrow) Complete(ctx context.Context, s Signer, jobID *big.Int, reason common.Hash) (*types.Receipt, error) {
	return e.transact(ctx, s, e.address, "complete", e.escrow.PackComplete(jobID, reason, nil))
}

// Release pays the provider of a submitted agreement job once its review window has passed (anyone may
// send it), unless the agreed validator has answered.
func (e *Escrow) Release(ctx context.Context, s Signer, jobID *big.Int) (*types.Receipt, error) {
	return e.transact(ctx, s, e.address, "release", e.escrow.PackRelease(jobID))
}

// SettleFromValidation settles a submitted agreement job by its validator's answer (anyone may send it).
func (e *Escrow) SettleFromValidation(ctx context.Context, s Signer, jobID *big.Int) (*types.Receipt, error) {
	return e.transact(ctx, s, e.address, "settleFromValidation", e.escrow.PackSettleFromValidation(jobID))
}

// ClaimRefund returns a job's price to whoever funded it once it expired unsubmitted (or sat disputed past the
// arbitration timeout); s may be anyone.
func (e *Escrow) ClaimRefund(ctx context.Context, s Signer, jobID *big.Int) (*types.Receipt, error) {
	return e.transact(ctx, s, e.address, "claimRefund", e.escrow.PackClaimRefund(jobID))
}

// Settlement methods chosen by Settle.
const (
	SettleComplete   = "complete"
	SettleValidation = "settleFromValidation"
	SettleRelease    = "release"
)

// Settle ends a submitted job the way the escrow lets s: complete when s is the client or the job's
// evaluator (an agreement job's arbiter); else, for an agreement job naming a validator,
// settleFromValidation; else release (after the review window). It returns the method used.
func (e *Escrow) Settle(ctx context.Context, s Signer, jobID *big.Int, reason common.Hash) (string, *types.Receipt, error) {
	job, err := e.Job(ctx, jobID)
	if err != nil {
		return "", nil, err
	}
	if job.Status != JobSubmitted {
		return "", nil, fmt.Errorf("settle: job %s is in status %d, not submitted (%d)", jobID, job.Status, JobSubmitted)
	}
	switch {
	case s.Address() == job.Client || (job.Evaluator != common.Address{} && s.Address() == job.Evaluator):
		r, err := e.Complete(ctx, s, jobID, reason)
		return SettleComplete, r, err
	case job.AgreementHash == common.Hash{}:
		return "", nil, fmt.Errorf("settle: only the evaluator %s completes plain job %s", job.Evaluator.Hex(), jobID)
	case job.Validator != common.Address{}:
		r, err := e.SettleFromValidation(ctx, s, jobID)
		return SettleValidation, r, err
	default:
		r, err := e.Release(ctx, s, jobID)
		return SettleRelease, r, err
	}
}

// Job reads a job from the escrow.
func (e *Escrow) Job(ctx context.Context, jobID *big.Int) (bindings.IAgentEscrowJob, error) {
	job, err := bind.Call(e.escrow.Instance(e.backend, e.address), &bind.CallOpts{Context: ctx}, e.escrow.PackGetJob(jobID),
		e.escrow.UnpackGetJob)
	if err != nil {
		return job, fmt.Errorf("getJob(%s): %w", jobID, e.explain(err, e.address))
	}
	return job, nil
}

// ErrNoJob is returned by JobByAgreement when the escrow holds no job for the agreement.
var ErrNoJob = errors.New("no escrow job for the agreement")

// JobByAgreement returns the id of the escrow job created from the agreement whose digest is hash, from
// the escrow's AgreementJobCreated logs.
func (e *Escrow) JobByAgreement(ctx context.Context, hash common.Hash) (*big.Int, error) {
	ev := e.escrow.GetABI().Events[bindings.AgentEscrowAgreementJobCreatedEventName]
	logs, err := e.backend.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(e.from),
		Addresses: []common.Address{e.address}, Topics: [][]common.Hash{{ev.ID}, nil, {hash}}})
	if err != nil {
		return nil, fmt.Errorf("agreement jobs: %w", err)
	}
	for i := range logs {
		if created, err := e.escrow.UnpackAgreementJobCreatedEvent(&logs[i]); err == nil && created.AgreementHash == hash {
			return created.JobId, nil
		}
	}
	return nil, fmt.Errorf("%w %s", ErrNoJob, hash.Hex())
}
