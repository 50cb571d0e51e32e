package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/indexer/regfile"
)

// Buyers' side of the ERC-8004 Reputation Registry: feedback tied to the escrow job that paid the agent (the
// answer to Sybil feedback), its revocation, and providers' responses.

// Feedback value bounds (the Reputation Registry's MAX_VALUE_DECIMALS and MAX_ABS_VALUE).
const MaxFeedbackDecimals = 18

// MaxFeedbackValue is the largest |value| the registry accepts: 1e38.
var MaxFeedbackValue = new(big.Int).Exp(big.NewInt(10), big.NewInt(38), nil)

// ErrJobNotPaid is returned (wrapped) when the job a feedback names did not pay the agent on behalf of the
// sender: another client, another agent, or not settled in the provider's favour.
var ErrJobNotPaid = errors.New("feedback must name an escrow job in which the sender paid the agent")

// JobStatusName names an escrow job status (JobOpen ... JobResolved).
func JobStatusName(s uint8) string {
	names := []string{"open", "funded", "submitted", "completed", "rejected", "expired", "disputed", "resolved"}
	if int(s) < len(names) {
		return names[s]
	}
	return fmt.Sprintf("status %d", s)
}

// Payment is an escrow job that paid an agent: what a feedback's proof of payment is built from.
type Payment struct {
	JobID           *big.Int
	Client          common.Address // the job's client
	Payer           common.Address // who funded it: the client, or the principal of the client's mandate
	Provider        common.Address // who was paid
	ProviderAgentID *big.Int       // the agent paid (the agreement's; for a plain job, the agent whose wallet was paid)
	Token           common.Address
	ToProvider      *big.Int    // what the provider received
	Status          uint8       // JobCompleted or JobResolved
	FundingTx       common.Hash // the transaction that funded the job (its JobFunded event)
}

// PaidJob checks that escrow job jobID paid agent agentID for sender: sender is the job's client or its payer
// (under a mandate, the principal), the job's provider is the agent (an agreement job names it; a plain job
// pays its wallet), and the job was settled in the provider's favour (completed, or resolved with a share to
// the provider). Otherwise the error wraps ErrJobNotPaid and says why.
func (e *Escrow) PaidJob(ctx context.Context, sender common.Address, agentID, jobID *big.Int) (*Payment, error) {
	if agentID == nil || jobID == nil {
		return nil, errors.New("paid job: agent id and job id are required")
	}
	notPaid := func(format string, args ...any) error {
		return fmt.Errorf("job %s was not paid by %s to agent %s: %s (%w)", jobID, sender.Hex(), agentID,
			fmt.Sprintf(format, args...), ErrJobNotPaid)
	}
	job, err := e.Job(ctx, jobID)
	if err != nil {
		return nil, err
	}
	funded, err := e.jobLog(ctx, bindings.AgentEscrowJobFundedEventName, jobID)
	if err != nil {
		return nil, err
	}
	if funded == nil {
		return nil, notPaid("it was never funded")
	}
	ev, err := e.escrow.UnpackJobFundedEvent(funded)
	if err != nil {
		return nil, fmt.Errorf("JobFunded of job %s: %w", jobID, err)
	}
	p := &Payment{JobID: jobID, Client: job.Client, Payer: ev.Client, Provider: job.Provider, Token: job.Token,
		Status: job.Status, FundingTx: funded.TxHash}
	if sender != job.Client && sender != p.Payer {
		if p.Payer != job.Client {
			return nil, notPaid("its client is %s and its payer %s", job.Client.Hex(), p.Payer.Hex())
		}
		return nil, notPaid("its client is %s", job.Client.Hex())
	}
	if job.AgreementHash != ([32]byte{}) {
		if job.ProviderAgentId.Cmp(agentID) != 0 {
			return nil, notPaid("its provider is agent %s", job.ProviderAgentId)
		}
	} else {
		wallet, err := e.AgentWallet(ctx, agentID)
		if err != nil {
			return nil, err
		}
		if job.Provider != wallet {
			return nil, notPaid("it pays %s, not the agent's wallet %s", job.Provider.Hex(), wallet.Hex())
		}
	}
	p.ProviderAgentID = agentID
	if job.Status != JobCompleted && job.Status != JobResolved {
		return nil, notPaid("it is %s, neither completed nor resolved", JobStatusName(job.Status))
	}
	settled, err := e.jobLog(ctx, bindings.AgentEscrowJobSettledEventName, jobID)
	if err != nil {
		return nil, err
	}
	if settled == nil {
		return nil, notPaid("it has no JobSettled event")
	}
	s, err := e.escrow.UnpackJobSettledEvent(settled)
	if err != nil {
		return nil, fmt.Errorf("JobSettled of job %s: %w", jobID, err)
	}
	if s.ToProvider.Sign() == 0 {
		return nil, notPaid("it was %s with nothing to the provider", JobStatusName(job.Status))
	}
	p.ToProvider = s.ToProvider
	return p, nil
}

// jobLog returns the escrow's first log of event name for jobID (its first indexed argument), or nil.
func (e *Escrow) jobLog(ctx context.Context, name string, jobID *big.Int) (*types.Log, error) {
	ev := e.escrow.GetABI().Events[name]
	logs, err := e.backend.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(e.from),
		Addresses: []common.Address{e.address}, Topics: [][]common.Hash{{ev.ID}, {common.BigToHash(jobID)}}})
	if err != nil {
		return nil, fmt.Errorf("%s logs of job %s: %w", name, jobID, err)
	}
	for i := range logs {
		if !logs[i].Removed {
			return &logs[i], nil
		}
	}
	return nil, nil
}

// Feedback is a buyer's feedback to an agent, tied to the escrow job that paid it.
type Feedback struct {
	AgentID  *big.Int
	JobID    *big.Int
	Value    *big.Int // signed fixed point: Value / 10^Decimals, |Value| <= MaxFeedbackValue
	Decimals uint8    // 0..MaxFeedbackDecimals
	Tag1     string
	Tag2     string
	Endpoint string
	// URI is where the sender hosts the feedback file (FeedbackFile's bytes): it is fetched and checked; ""
	// registers the file inline, as a data: URI.
	URI string
	// Fetch is how URI is read (zero: the indexer's defaults).
	Fetch regfile.Config
	// CreatedAt is the file's createdAt (zero: now).
	CreatedAt time.Time
}

// FeedbackFile is the ERC-8004 off-chain feedback file, with its proof of payment and, as an Agora extension,
// the escrow job that paid.
type FeedbackFile struct {
	AgentRegistry  string          `json:"agentRegistry"` // eip155:{chainId}:{identityRegistry}
	AgentID        json.Number     `json:"agentId"`
	ClientAddress  string          `json:"clientAddress"` // eip155:{chainId}:{client}
	CreatedAt      string          `json:"createdAt"`     // RFC 3339, UTC
	Value          json.Number     `json:"value"`
	ValueDecimals  uint8           `json:"valueDecimals"`
	Tag1           string          `json:"tag1,omitempty"`
	Tag2           string          `json:"tag2,omitempty"`
	Endpoint       string          `json:"endpoint,omitempty"`
	ProofOfPayment *ProofOfPayment `json:"proofOfPayment,omitempty"`
	EscrowJob      *EscrowJobRef   `json:"escrowJob,omitempty"`
}

// ProofOfPayment is the feedback file's proofOfPayment: the funding transaction of the escrow job.
type ProofOfPayment struct {
	FromAddress string `json:"fromAddress"` // the payer
	ToAddress   string `json:"toAddress"`   // the provider paid
	ChainID     string `json:"chainId"`
	TxHash      string `json:"txHash"`
}

// EscrowJobRef names the escrow job a feedback is about.
type EscrowJobRef struct {
	Escrow string `json:"escrow"` // eip155:{chainId}:{escrow}
	JobID  string `json:"jobId"`
}

func (f *Feedback) check() error {
	switch {
	case f.AgentID == nil || f.JobID == nil:
		return errors.New("feedback: agent id and job id are required")
	case f.Value == nil:
		return errors.New("feedback: no value")
	case f.Decimals > MaxFeedbackDecimals:
		return fmt.Errorf("feedback: %d decimals, at most %d", f.Decimals, MaxFeedbackDecimals)
	case new(big.Int).Abs(f.Value).Cmp(MaxFeedbackValue) > 0:
		return fmt.Errorf("feedback: value %s is beyond ±1e38", f.Value)
	}
	return nil
}

func (e *Escrow) caip10(a common.Address) string {
	return fmt.Sprintf("eip155:%s:%s", e.chainID, a.Hex())
}

// feedbackFile is the file of f by sender for payment p.
func (e *Escrow) feedbackFile(sender common.Address, f Feedback, p *Payment) FeedbackFile {
	created := f.CreatedAt
	if created.IsZero() {
		created = time.Now()
	}
	return FeedbackFile{AgentRegistry: e.caip10(e.identityAddr), AgentID: json.Number(f.AgentID.String()),
		ClientAddress: e.caip10(sender), CreatedAt: created.UTC().Format(time.RFC3339), Value: json.Number(f.Value.String()),
		ValueDecimals: f.Decimals, Tag1: f.Tag1, Tag2: f.Tag2, Endpoint: f.Endpoint,
		ProofOfPayment: &ProofOfPayment{FromAddress: p.Payer.Hex(), ToAddress: p.Provider.Hex(), ChainID: e.chainID.String(),
			TxHash: p.FundingTx.Hex()},
		EscrowJob: &EscrowJobRef{Escrow: e.caip10(e.address), JobID: p.JobID.String()}}
}

// BuildFeedbackFile checks f's job (PaidJob, for sender) and returns the feedback file's bytes (compact JSON),
// for a sender who hosts it and then gives the feedback with Feedback.URI.
func (e *Escrow) BuildFeedbackFile(ctx context.Context, sender common.Address, f Feedback) ([]byte, *Payment, error) {
	if err := f.check(); err != nil {
		return nil, nil, err
	}
	p, err := e.PaidJob(ctx, sender, f.AgentID, f.JobID)
	if err != nil {
		return nil, nil, err
	}
	raw, err := json.Marshal(e.feedbackFile(sender, f, p))
	return raw, p, err
}

// checkFeedbackFile checks that raw, a hosted feedback file, is the file of f by sender for p (any createdAt).
func (e *Escrow) checkFeedbackFile(raw []byte, sender common.Address, f Feedback, p *Payment) error {
	var got FeedbackFile
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&got); err != nil {
		return fmt.Errorf("the feedback file at %s is not a feedback file: %w", shortURI(f.URI), err)
	}
	want := e.feedbackFile(sender, f, p)
	if _, err := time.Parse(time.RFC3339, got.CreatedAt); err != nil {
		return fmt.Errorf("the feedback file at %s: createdAt %q is not an RFC 3339 time", shortURI(f.URI), got.CreatedAt)
	}
	got.CreatedAt = want.CreatedAt
	if got.EscrowJob == nil { // an Agora extension: a file without it is fine
		got.EscrowJob = want.EscrowJob
	}
	gb, _ := json.Marshal(got)
	wb, _ := json.Marshal(want)
	if !bytes.Equal(gb, wb) {
		return fmt.Errorf("the feedback file at %s does not match the feedback: it holds %s, want %s", shortURI(f.URI), gb, wb)
	}
	return nil
}

// FeedbackGiven is the outcome of GiveFeedback.
type FeedbackGiven struct {
	AgentID *big.Int
	Client  common.Address
	Index   uint64 // the feedback's 1-based index for (agent, client)
	URI     string
	Hash    common.Hash // keccak256 of the file's bytes
	File    []byte
	Payment *Payment
	Tx      common.Hash
	Block   uint64
}

// GiveFeedback gives feedback f to agent f.AgentID from s, after checking that job f.JobID paid the agent for
// s (PaidJob; nothing is sent otherwise). The ERC-8004 feedback file, with its proofOfPayment, is registered
// inline as a data: URI, or, with f.URI, fetched from where s hosts it and checked; feedbackHash is keccak256
// of the file's bytes.
func (e *Escrow) GiveFeedback(ctx context.Context, s Signer, f Feedback) (*FeedbackGiven, error) {
	if err := f.check(); err != nil {
		return nil, err
	}
	p, err := e.PaidJob(ctx, s.Address(), f.AgentID, f.JobID)
	if err != nil {
		return nil, err
	}
	var raw []byte
	uri := strings.TrimSpace(f.URI)
	if uri == "" {
		if raw, err = json.Marshal(e.feedbackFile(s.Address(), f, p)); err != nil {
			return nil, err
		}
		uri = DataURI(raw)
	} else {
		fetcher := regfile.New(f.Fetch)
		defer fetcher.CloseIdleConnections()
		if raw, err = fetcher.Fetch(ctx, uri); err != nil {
			return nil, fmt.Errorf("the feedback file at %s cannot be read: %w", shortURI(uri), err)
		}
		if err := e.checkFeedbackFile(raw, s.Address(), f, p); err != nil {
			return nil, err
		}
	}
	hash := crypto.Keccak256Hash(raw)
	r, err := e.transact(ctx, s, e.reputationAddr, "giveFeedback",
		e.reputation.PackGiveFeedback(f.AgentID, f.Value, f.Decimals, f.Tag1, f.Tag2, f.Endpoint, uri, hash))
	if err != nil {
		return nil, err
	}
	out := &FeedbackGiven{AgentID: f.AgentID, Client: s.Address(), URI: uri, Hash: hash, File: raw, Payment: p, Tx: r.TxHash,
		Block: r.BlockNumber.Uint64()}
	for _, l := range r.Logs {
		if l.Address != e.reputationAddr {
			continue
		}
		if ev, err := e.reputation.UnpackNewFeedbackEvent(l); err == nil && ev.ClientAddress == s.Address() {
			out.Index = ev.FeedbackIndex
			return out, nil
		}
	}
	return nil, fmt.Errorf("giveFeedback: transaction %s has no NewFeedback event", r.TxHash.Hex())
}

// RevokeFeedback revokes s's feedback number index (1-based) to agent agentID.
func (e *Escrow) RevokeFeedback(ctx context.Context, s Signer, agentID *big.Int, index uint64) (*types.Receipt, error) {
	return e.transact(ctx, s, e.reputationAddr, "revokeFeedback", e.reputation.PackRevokeFeedback(agentID, index))
}

// RespondFeedback appends a response (its URI, required, and hash) to client's feedback number index to agent
// agentID; anyone may respond, typically the agent's owner.
func (e *Escrow) RespondFeedback(ctx context.Context, s Signer, agentID *big.Int, client common.Address, index uint64,
	uri string, hash common.Hash) (*types.Receipt, error) {
	return e.transact(ctx, s, e.reputationAddr, "appendResponse", e.reputation.PackAppendResponse(agentID, client, index, uri, hash))
}

// ReadFeedback reads client's feedback number index to agent agentID from the registry.
func (e *Escrow) ReadFeedback(ctx context.Context, agentID *big.Int, client common.Address, index uint64) (bindings.ReputationRegistryReadFeedbackOutput, error) {
	return reputationCall(e, ctx, "readFeedback", e.reputation.PackReadFeedback(agentID, client, index), e.reputation.UnpackReadFeedback)
}

// FeedbackCount returns the highest feedback index client has used for agent agentID (0: none).
func (e *Escrow) FeedbackCount(ctx context.Context, agentID *big.Int, client common.Address) (uint64, error) {
	return reputationCall(e, ctx, "getLastIndex", e.reputation.PackGetLastIndex(agentID, client), e.reputation.UnpackGetLastIndex)
}

func reputationCall[T any](e *Escrow, ctx context.Context, what string, data []byte, unpack func([]byte) (T, error)) (T, error) {
	v, err := bind.Call(e.reputation.Instance(e.backend, e.reputationAddr), &bind.CallOpts{Context: ctx}, data, unpack)
	if err != nil {
		return v, fmt.Errorf("%s: %w", what, e.explain(err, e.reputationAddr))
	}
	return v, nil
}
