package deployment_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/internal/devchain"
)

// txTimeout bounds sending one transaction and waiting for its receipt.
const txTimeout = 30 * time.Second

// Job statuses (IAgentEscrow.JobStatus).
const (
	statusFunded    = 1
	statusCompleted = 3
)

// lifecycle is a freshly deployed Agora on its own anvil, with dev accounts in the roles of an agreement.
type lifecycle struct {
	chain   *devchain.Chain
	chainID *big.Int
	d       *deployment.Deployment

	identity   *bindings.IdentityRegistry
	validation *bindings.ValidationRegistry
	escrow     *bindings.AgentEscrow
	tusd       *bindings.TestUSD

	// Dev account keys by role.
	client    *ecdsa.PrivateKey
	provider  *ecdsa.PrivateKey // owns the agent
	wallet    *ecdsa.PrivateKey // the agent's wallet: signs agreements, is the job's provider
	validator *ecdsa.PrivateKey
	arbiter   *ecdsa.PrivateKey
	relayer   *ecdsa.PrivateKey // sends transactions for others
	other     *ecdsa.PrivateKey // owns another agent

	feeRecipient common.Address
	minted       *big.Int // tUSD minted to the client
}

const lifecycleFeeBps = 250

// setupLifecycle starts anvil, deploys with a 2.5% fee to dev account 7 and mints 1,000 tUSD to the client.
// Roles: 1 client, 2 provider (the agent's owner), 3 the agent's wallet, 4 validator, 5 arbiter, 6 relayer,
// 8 another agent owner.
func setupLifecycle(t *testing.T) *lifecycle {
	t.Helper()
	chain := devchain.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	l := &lifecycle{
		chain:        chain,
		identity:     bindings.NewIdentityRegistry(),
		validation:   bindings.NewValidationRegistry(),
		escrow:       bindings.NewAgentEscrow(),
		tusd:         bindings.NewTestUSD(),
		client:       chain.Keys[1],
		provider:     chain.Keys[2],
		wallet:       chain.Keys[3],
		validator:    chain.Keys[4],
		arbiter:      chain.Keys[5],
		relayer:      chain.Keys[6],
		feeRecipient: chain.Address(7),
		other:        chain.Keys[8],
		minted:       big.NewInt(1_000_000_000),
	}
	var err error
	if l.chainID, err = chain.Client.ChainID(ctx); err != nil {
		t.Fatalf("ChainID: %v", err)
	}
	l.d, err = deployment.Deploy(ctx, chain.Client, chain.Keys[0],
		deployment.Options{FeeBps: lifecycleFeeBps, FeeRecipient: l.feeRecipient, Logger: quiet})
	if err != nil {
		t.Fatalf("Deploy: %v", err)
	}
	err = deployment.MintTestUSD(ctx, chain.Client, chain.Keys[0], l.d.Contracts.TestUSD.Address,
		[]common.Address{addr(l.client)}, l.minted, txTimeout)
	if err != nil {
		t.Fatalf("MintTestUSD: %v", err)
	}
	return l
}

// TestAgreementLifecycle drives what a real agent does, from Go only, against a real chain: register an
// agent, bind a separate agent wallet, sign a ServiceAgreement on both sides, have a relayer open the funded
// job, deliver, get validated, settle, and see a replay refused. Each step needs the previous ones.
func TestAgreementLifecycle(t *testing.T) {
	l := setupLifecycle(t)
	step := func(name string, f func(t *testing.T)) {
		t.Helper()
		if !t.Run(name, f) {
			t.Fatalf("step %q failed; the later steps depend on it", name)
		}
	}
	identityAddr := l.d.Contracts.IdentityRegistry.Address
	escrowAddr := l.d.Contracts.AgentEscrow.Address
	tusdAddr := l.d.Contracts.TestUSD.Address
	identity := l.identity.Instance(l.chain.Client, identityAddr)
	validation := l.validation.Instance(l.chain.Client, l.d.Contracts.ValidationRegistry.Address)
	escrow := l.escrow.Instance(l.chain.Client, escrowAddr)
	tusd := l.tusd.Instance(l.chain.Client, tusdAddr)
	client, provider, wallet, validator := addr(l.client), addr(l.provider), addr(l.wallet), addr(l.validator)
	balance := func(t *testing.T, who common.Address) *big.Int {
		t.Helper()
		return call(t, l.chain, tusdAddr, l.tusd, l.tusd.PackBalanceOf(who), l.tusd.UnpackBalanceOf)
	}

	var agentID *big.Int
	step("provider registers an agent and reads its id from the Registered event", func(t *testing.T) {
		// Someone else registers first, so the provider's id is 1: a zero value read by mistake would show.
		l.transact(t, l.other, identity, l.identity.PackRegister1("ipfs://other"))

		const uri = "https://provider.example/.well-known/agent-card.json"
		receipt := l.transact(t, l.provider, identity, l.identity.PackRegister1(uri))
		ev := oneEvent(t, receipt, identityAddr, l.identity.UnpackRegisteredEvent)
		agentID = ev.AgentId
		if got, want := agentID, big.NewInt(1); got.Cmp(want) != 0 {
			t.Errorf("Registered agentId = %s, want %s", got, want)
		}
		if got, want := ev.Owner, provider; got != want {
			t.Errorf("Registered owner = %s, want %s", got, want)
		}
		if got, want := ev.AgentURI, uri; got != want {
			t.Errorf("Registered agentURI = %q, want %q", got, want)
		}
		if got, want := call(t, l.chain, identityAddr, l.identity, l.identity.PackOwnerOf(agentID), l.identity.UnpackOwnerOf), provider; got != want {
			t.Errorf("ownerOf(%s) = %s, want %s", agentID, got, want)
		}
	})

	step("agent wallet is set with a proof signed by the Go eip712 package", func(t *testing.T) {
		deadline := new(big.Int).SetUint64(l.now(t) + 120) // the registry allows at most five minutes ahead
		proof := eip712.AgentWalletSet{AgentID: agentID, NewWallet: wallet, Owner: provider, Deadline: deadline}
		sig, err := eip712.Sign(l.wallet, eip712.IdentityDomain(l.chainID, identityAddr), proof)
		if err != nil {
			t.Fatalf("Sign(AgentWalletSet): %v", err)
		}
		l.transact(t, l.provider, identity, l.identity.PackSetAgentWallet(agentID, wallet, deadline, sig))

		if got, want := call(t, l.chain, identityAddr, l.identity, l.identity.PackGetAgentWallet(agentID), l.identity.UnpackGetAgentWallet), wallet; got != want {
			t.Errorf("getAgentWallet(%s) = %s, want %s", agentID, got, want)
		}
		if got, want := call(t, l.chain, identityAddr, l.identity, l.identity.PackGetAgentIdByWallet(wallet), l.identity.UnpackGetAgentIdByWallet), agentID; got.Cmp(want) != 0 {
			t.Errorf("getAgentIdByWallet(%s) = %s, want %s", wallet, got, want)
		}
		// The owner was the wallet since registration; it no longer is.
		_, err = bind.Call(identity, l.callOpts(t), l.identity.PackGetAgentIdByWallet(provider), l.identity.UnpackGetAgentIdByWallet)
		if got, ok := customError(err, l.identity.UnpackError).(*bindings.IdentityRegistryWalletNotBound); !ok || got.Wallet != provider {
			t.Errorf("getAgentIdByWallet(owner %s) error = %v, want WalletNotBound(%s)", provider, err, provider)
		}
	})

	var (
		price        = big.NewInt(25_000_000) // 25 tUSD
		escrowDomain = eip712.EscrowDomain(l.chainID, escrowAddr)
		deliverable  = crypto.Keccak256Hash([]byte("ipfs://result"))
		responseHash = crypto.Keccak256Hash([]byte("ipfs://review"))

		agreement              eip712.ServiceAgreement
		digest                 common.Hash
		clientSig, providerSig []byte
		jobID                  *big.Int
	)
	step("relayer opens a funded job from an agreement both sides signed in Go", func(t *testing.T) {
		now := l.now(t)
		agreement = eip712.ServiceAgreement{
			ProviderAgentID:     agentID,
			Client:              client,
			Provider:            wallet, // the agent's wallet signs for the agent
			Token:               tusdAddr,
			Price:               price,
			DeliveryDeadline:    now + 3600,
			ExpiredAt:           now + 2*86400,
			DeliverableSpecHash: crypto.Keccak256Hash([]byte("summarise ten filings")),
			SLAHash:             crypto.Keccak256Hash([]byte("p95 < 1h")),
			Validator:           validator,
			ValidationThreshold: 80,
			Arbiter:             addr(l.arbiter),
			ReviewWindow:        86400,
			LatePenaltyBps:      500,
			Nonce:               big.NewInt(7),
			Expiry:              new(big.Int).SetUint64(now + 600),
		}
		var err error
		if digest, err = eip712.Digest(escrowDomain, agreement); err != nil {
			t.Fatalf("Digest: %v", err)
		}
		if clientSig, err = eip712.Sign(l.client, escrowDomain, agreement); err != nil {
			t.Fatalf("Sign(client): %v", err)
		}
		if providerSig, err = eip712.Sign(l.wallet, escrowDomain, agreement); err != nil {
			t.Fatalf("Sign(provider): %v", err)
		}
		l.transact(t, l.client, tusd, l.tusd.PackApprove(escrowAddr, price))

		receipt := l.transact(t, l.relayer, escrow, l.escrow.PackCreateJobFromAgreement(agreement.Binding(), clientSig, providerSig))

		created := oneEvent(t, receipt, escrowAddr, l.escrow.UnpackJobCreatedEvent)
		jobID = created.JobId
		expectAll(t, "JobCreated", []field{
			{"jobId", jobID, big.NewInt(1)}, // job ids start at 1
			{"client", created.Client, client},
			{"provider", created.Provider, wallet},
			{"evaluator", created.Evaluator, agreement.Arbiter},
			{"expiredAt", created.ExpiredAt, new(big.Int).SetUint64(agreement.ExpiredAt)},
			{"hook", created.Hook, common.Address{}},
		})
		ac := oneEvent(t, receipt, escrowAddr, l.escrow.UnpackAgreementJobCreatedEvent)
		expectAll(t, "AgreementJobCreated", []field{
			{"jobId", ac.JobId, jobID},
			{"agreementHash", common.Hash(ac.AgreementHash), digest}, // the contract hashed what Go signed
			{"providerAgentId", ac.ProviderAgentId, agentID},
			{"client", ac.Client, client},
			{"provider", ac.Provider, wallet},
			{"token", ac.Token, tusdAddr},
			{"price", ac.Price, price},
			{"validator", ac.Validator, validator},
			{"validationThreshold", ac.ValidationThreshold, agreement.ValidationThreshold},
			{"arbiter", ac.Arbiter, agreement.Arbiter},
			{"deliveryDeadline", ac.DeliveryDeadline, agreement.DeliveryDeadline},
			{"reviewWindow", ac.ReviewWindow, agreement.ReviewWindow},
			{"latePenaltyBps", ac.LatePenaltyBps, agreement.LatePenaltyBps},
		})
		funded := oneEvent(t, receipt, escrowAddr, l.escrow.UnpackJobFundedEvent)
		expectAll(t, "JobFunded", []field{
			{"jobId", funded.JobId, jobID},
			{"client", funded.Client, client},
			{"amount", funded.Amount, price},
		})

		job := call(t, l.chain, escrowAddr, l.escrow, l.escrow.PackGetJob(jobID), l.escrow.UnpackGetJob)
		expectAll(t, "getJob", []field{
			{"status", job.Status, uint8(statusFunded)},
			{"client", job.Client, client},
			{"provider", job.Provider, wallet},
			{"evaluator", job.Evaluator, agreement.Arbiter},
			{"token", job.Token, tusdAddr},
			{"budget", job.Budget, price},
			{"funded", job.Funded, price},
			{"feeBps", job.FeeBps, uint16(lifecycleFeeBps)},
			{"providerAgentId", job.ProviderAgentId, agentID},
			{"agreementHash", common.Hash(job.AgreementHash), digest},
			{"validator", job.Validator, validator},
			{"validationThreshold", job.ValidationThreshold, agreement.ValidationThreshold},
			{"deliveryDeadline", job.DeliveryDeadline, agreement.DeliveryDeadline},
			{"expiredAt", job.ExpiredAt, agreement.ExpiredAt},
			{"reviewWindow", job.ReviewWindow, agreement.ReviewWindow},
			{"latePenaltyBps", job.LatePenaltyBps, agreement.LatePenaltyBps},
			{"submittedAt", job.SubmittedAt, uint64(0)},
		})
		expectAll(t, "after funding", []field{
			{"escrow balance", balance(t, escrowAddr), price},
			{"client balance", balance(t, client), new(big.Int).Sub(l.minted, price)},
			{"client allowance", call(t, l.chain, tusdAddr, l.tusd, l.tusd.PackAllowance(client, escrowAddr), l.tusd.UnpackAllowance), new(big.Int)},
			{"nonceUsed(client)", call(t, l.chain, escrowAddr, l.escrow, l.escrow.PackNonceUsed(client, agreement.Nonce), l.escrow.UnpackNonceUsed), true},
			{"nonceUsed(provider)", call(t, l.chain, escrowAddr, l.escrow, l.escrow.PackNonceUsed(wallet, agreement.Nonce), l.escrow.UnpackNonceUsed), true},
		})
	})

	step("validator's passing answer settles the job and pays the provider", func(t *testing.T) {
		l.transact(t, l.wallet, escrow, l.escrow.PackSubmit(jobID, deliverable, nil))

		var requestHash common.Hash = call(t, l.chain, escrowAddr, l.escrow, l.escrow.PackValidationRequestHash(jobID), l.escrow.UnpackValidationRequestHash)
		// docs/escrow.md: keccak256(abi.encode(block.chainid, escrow, jobId, deliverable)); a validator can
		// compute it without asking the escrow.
		want := crypto.Keccak256Hash(common.LeftPadBytes(l.chainID.Bytes(), 32), common.LeftPadBytes(escrowAddr.Bytes(), 32),
			common.LeftPadBytes(jobID.Bytes(), 32), deliverable.Bytes())
		if requestHash != want {
			t.Errorf("validationRequestHash(%s) = %s, want %s", jobID, requestHash, want)
		}

		l.transact(t, l.provider, validation, l.validation.PackValidationRequest(validator, agentID, "ipfs://request", requestHash))
		l.transact(t, l.validator, validation, l.validation.PackValidationResponse(requestHash, 90, "ipfs://review", responseHash, "quality"))
		receipt := l.transact(t, l.relayer, escrow, l.escrow.PackSettleFromValidation(jobID))

		fee := new(big.Int).Div(new(big.Int).Mul(price, big.NewInt(lifecycleFeeBps)), big.NewInt(10_000))
		toProvider := new(big.Int).Sub(price, fee) // delivered on time: no late penalty
		settled := oneEvent(t, receipt, escrowAddr, l.escrow.UnpackJobSettledEvent)
		expectAll(t, "JobSettled", []field{
			{"jobId", settled.JobId, jobID},
			{"client", settled.Client, client},
			{"providerAgentId", settled.ProviderAgentId, agentID},
			{"token", settled.Token, tusdAddr},
			{"toProvider", settled.ToProvider, toProvider},
			{"toClient", settled.ToClient, new(big.Int)},
			{"fee", settled.Fee, fee},
			{"toProvider + toClient + fee", new(big.Int).Add(new(big.Int).Add(settled.ToProvider, settled.ToClient), settled.Fee), price},
		})
		completed := oneEvent(t, receipt, escrowAddr, l.escrow.UnpackJobCompletedEvent)
		expectAll(t, "JobCompleted", []field{
			{"evaluator", completed.Evaluator, validator},
			{"reason", common.Hash(completed.Reason), responseHash},
		})

		job := call(t, l.chain, escrowAddr, l.escrow, l.escrow.PackGetJob(jobID), l.escrow.UnpackGetJob)
		expectAll(t, "after settlement", []field{
			{"job status", job.Status, uint8(statusCompleted)},
			{"job deliverable", common.Hash(job.Deliverable), deliverable},
			{"escrow balance", balance(t, escrowAddr), new(big.Int)},
			{"provider wallet balance", balance(t, wallet), toProvider},
			{"fee recipient balance", balance(t, l.feeRecipient), fee},
			{"client balance", balance(t, client), new(big.Int).Sub(l.minted, price)},
		})
	})

	step("replayed agreement is refused with NonceAlreadyUsed and changes nothing", func(t *testing.T) {
		// The client approves again, so only the used nonce can stop the replay.
		l.transact(t, l.client, tusd, l.tusd.PackApprove(escrowAddr, price))
		snapshot := func(t *testing.T) map[string]any {
			t.Helper()
			return map[string]any{
				"jobCount":                call(t, l.chain, escrowAddr, l.escrow, l.escrow.PackJobCount(), l.escrow.UnpackJobCount),
				"escrow balance":          balance(t, escrowAddr),
				"client balance":          balance(t, client),
				"provider wallet balance": balance(t, wallet),
				"client allowance":        call(t, l.chain, tusdAddr, l.tusd, l.tusd.PackAllowance(client, escrowAddr), l.tusd.UnpackAllowance),
			}
		}
		before := snapshot(t)
		replay := l.escrow.PackCreateJobFromAgreement(agreement.Binding(), clientSig, providerSig)

		// Simulated (gas estimation): the revert carries the escrow's custom error.
		_, err := l.send(t, l.relayer, escrow, replay, 0)
		decoded := customError(err, l.escrow.UnpackError)
		got, ok := decoded.(*bindings.AgentEscrowNonceAlreadyUsed)
		if !ok {
			t.Fatalf("replay error = %v, decoded as %T %+v; want NonceAlreadyUsed", err, decoded, decoded)
		}
		expectAll(t, "NonceAlreadyUsed", []field{
			{"signer", got.Signer, client}, // the client's nonce is checked first
			{"nonce", got.Nonce, agreement.Nonce},
		})

		// Mined anyway (fixed gas limit): the transaction fails on chain too.
		receipt, err := l.send(t, l.relayer, escrow, replay, 1_000_000)
		if !errors.Is(err, deployment.ErrReverted) || receipt == nil || receipt.Status != types.ReceiptStatusFailed {
			t.Fatalf("mined replay: receipt %v, error %v; want a failed receipt", receipt, err)
		}
		if n := len(receipt.Logs); n != 0 {
			t.Errorf("mined replay emitted %d logs, want none", n)
		}

		for name, got := range snapshot(t) {
			if want := before[name]; !equal(got, want) {
				t.Errorf("%s = %v after the replay, want %v as before", name, got, want)
			}
		}
	})
}

// transact sends data to c from key, waits for the receipt and fails t unless the transaction succeeded.
func (l *lifecycle) transact(t *testing.T, key *ecdsa.PrivateKey, c *bind.BoundContract, data []byte) *types.Receipt {
	t.Helper()
	receipt, err := l.send(t, key, c, data, 0)
	if err != nil {
		t.Fatalf("transaction from %s: %v", addr(key), err)
	}
	return receipt
}

// send sends data to c from key with gasLimit (0: estimate) and waits for the receipt. It returns the
// error of sending (a failed estimate carries the revert data) or of the receipt (deployment.ErrReverted
// with the failed receipt).
func (l *lifecycle) send(t *testing.T, key *ecdsa.PrivateKey, c *bind.BoundContract, data []byte, gasLimit uint64) (*types.Receipt, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), txTimeout)
	defer cancel()
	opts := bind.NewKeyedTransactor(key, l.chainID)
	opts.Context = ctx
	opts.GasLimit = gasLimit
	tx, err := bind.Transact(c, opts, data)
	if err != nil {
		return nil, err
	}
	return deployment.WaitMined(ctx, l.chain.Client, tx, txTimeout)
}

// callOpts bounds a read by 10s.
func (l *lifecycle) callOpts(t *testing.T) *bind.CallOpts {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return &bind.CallOpts{Context: ctx}
}

// now returns the latest block's timestamp: agreements and wallet proofs are judged by chain time.
func (l *lifecycle) now(t *testing.T) uint64 {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	head, err := l.chain.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatalf("HeaderByNumber: %v", err)
	}
	return head.Time
}

// oneEvent decodes the only log of receipt emitted by at that unpack accepts, failing t unless there is
// exactly one.
func oneEvent[E any](t *testing.T, receipt *types.Receipt, at common.Address, unpack func(*types.Log) (*E, error)) *E {
	t.Helper()
	var found []*E
	for _, log := range receipt.Logs {
		if log.Address != at {
			continue
		}
		ev, err := unpack(log)
		if errors.Is(err, bind.ErrEventSignatureMismatch) {
			continue
		}
		if err != nil {
			t.Fatalf("decoding log %d of %s: %v", log.Index, receipt.TxHash, err)
		}
		found = append(found, ev)
	}
	if len(found) != 1 {
		var zero E
		t.Fatalf("transaction %s emitted %d %T events from %s, want 1", receipt.TxHash, len(found), zero, at)
	}
	return found[0]
}

// customError decodes the custom error in the revert data that err carries (an RPC error from eth_call or
// eth_estimateGas), or returns nil.
func customError(err error, unpack func([]byte) (any, error)) any {
	var de rpc.DataError
	if !errors.As(err, &de) {
		return nil
	}
	s, ok := de.ErrorData().(string)
	if !ok {
		return nil
	}
	data, decodeErr := hexutil.Decode(s)
	if decodeErr != nil || len(data) < 4 {
		return nil
	}
	v, unpackErr := unpack(data)
	if unpackErr != nil {
		return nil
	}
	return v
}

// field is one checked value: got against want.
type field struct {
	name      string
	got, want any
}

// expectAll reports every field of what whose value differs from the wanted one.
func expectAll(t *testing.T, what string, fs []field) {
	t.Helper()
	for _, f := range fs {
		if !equal(f.got, f.want) {
			t.Errorf("%s %s = %v, want %v", what, f.name, f.got, f.want)
		}
	}
}

// equal compares big integers by value and everything else with ==.
func equal(a, b any) bool {
	if x, ok := a.(*big.Int); ok {
		y, ok := b.(*big.Int)
		return ok && x != nil && y != nil && x.Cmp(y) == 0
	}
	return a == b
}

func addr(key *ecdsa.PrivateKey) common.Address {
	return crypto.PubkeyToAddress(key.PublicKey)
}
