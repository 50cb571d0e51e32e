// Package authority answers, for anyone, whether an agent's signature can bind its principal: it reads the
// MandateRegistry on chain at one pinned block and runs the escrow's own mandate check (MandateRegistry.spend,
// simulated by eth_call from the escrow's address) on an agreement, so the answer is the contract's, with the
// custom error that would refuse it. The gateway serves it (GET /v1/agreements/{id}/authority,
// GET /v1/agents/{id}/mandates, GET /v1/mandates/{id}); docs/governance.md describes the rules.
package authority

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/eip712"
)

// Chain is what reading mandates needs from a node: calls at a block and the head.
type Chain interface {
	ethereum.ContractCaller
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

var _ Chain = (*ethclient.Client)(nil)

var (
	// ErrNotFound is returned for a mandate id the registry does not hold.
	ErrNotFound = errors.New("no such mandate")
	// ErrUnavailable wraps failures to reach the node.
	ErrUnavailable = errors.New("chain unavailable")
)

// Block is the block an answer was read at.
type Block struct {
	Number uint64      `json:"number"`
	Hash   common.Hash `json:"hash"`
	Time   time.Time   `json:"time"`
}

// Mandate is a mandate as the registry holds it at Block, with what it allows now.
type Mandate struct {
	ID            string           `json:"id"`
	Principal     common.Address   `json:"principal"`
	AgentID       string           `json:"agentId"`
	Agent         common.Address   `json:"agent"`
	Token         common.Address   `json:"token"`
	MaxPerJob     string           `json:"maxPerJob"`
	Budget        string           `json:"budget"`
	Period        uint64           `json:"period"`
	ValidAfter    time.Time        `json:"validAfter"`
	ValidUntil    time.Time        `json:"validUntil"`
	AnyPayee      bool             `json:"anyPayee"`
	AnySpec       bool             `json:"anySpec"`
	Approvers     []common.Address `json:"approvers"`
	Quorum        uint8            `json:"quorum"`
	EscalateAbove string           `json:"escalateAbove"`
	QuorumHigh    uint8            `json:"quorumHigh"`
	TimelockAbove string           `json:"timelockAbove"`
	Timelock      uint64           `json:"timelock"`
	Revoked       bool             `json:"revoked"`
	Frozen        bool             `json:"frozen"`
	// Live: not revoked, not frozen, inside its window.
	Live bool `json:"live"`
	// Remaining is what the agent may still spend in the current period (0 unless Live).
	Remaining   string `json:"remaining"`
	PeriodIndex uint32 `json:"periodIndex"`
	Block       Block  `json:"block"`
}

// Authority is the answer for one agreement.
type Authority struct {
	AgreementID common.Hash `json:"agreementId"`
	MandateID   string      `json:"mandateId"`
	// Bound: the agreement, funded now, would bind the mandate's principal (the escrow's check passes).
	Bound bool `json:"bound"`
	// Error is the registry's custom error that would refuse it (e.g. "OverBudget"), "" when Bound.
	Error   string   `json:"error,omitempty"`
	Reason  string   `json:"reason"`
	Band    string   `json:"band,omitempty"` // autonomous, approval or approval+timelock
	Mandate *Mandate `json:"mandate"`
	// ApprovalsHave and ApprovalsNeed count the approvers' approvals of this agreement; ApprovalsMissing is
	// what is still needed.
	ApprovalsHave    uint8      `json:"approvalsHave"`
	ApprovalsNeed    uint8      `json:"approvalsNeed"`
	ApprovalsMissing uint8      `json:"approvalsMissing"`
	TimelockReadyAt  *time.Time `json:"timelockReadyAt,omitempty"`
	Block            Block      `json:"block"`
}

// Reader reads mandates from one MandateRegistry bound to one escrow.
type Reader struct {
	chain    Chain
	registry common.Address
	escrow   common.Address
	timeout  time.Duration
	abi      *bindings.MandateRegistry
}

// NewReader returns a Reader; timeout bounds each read (default 5 s).
func NewReader(chain Chain, registry, escrow common.Address, timeout time.Duration) *Reader {
	if timeout <= 0 {
		timeout = 5 * time.Second
	}
	return &Reader{chain: chain, registry: registry, escrow: escrow, timeout: timeout, abi: bindings.NewMandateRegistry()}
}

// Head returns the latest block, which later reads of one answer are pinned to.
func (r *Reader) Head(ctx context.Context) (Block, error) {
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	h, err := r.chain.HeaderByNumber(ctx, nil)
	if err != nil {
		return Block{}, fmt.Errorf("%w: head: %w", ErrUnavailable, err)
	}
	return Block{Number: h.Number.Uint64(), Hash: h.Hash(), Time: time.Unix(int64(h.Time), 0).UTC()}, nil
}

func (r *Reader) call(ctx context.Context, at Block, from common.Address, data []byte) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	return r.chain.CallContract(ctx, ethereum.CallMsg{From: from, To: &r.registry, Data: data},
		new(big.Int).SetUint64(at.Number))
}

// Mandate reads mandate id at block at.
func (r *Reader) Mandate(ctx context.Context, id *big.Int, at Block) (*Mandate, error) {
	out, err := r.call(ctx, at, common.Address{}, r.abi.PackGetMandate(id))
	if err != nil {
		if name, _ := r.revertName(err); name == "MandateNotFound" {
			return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
		}
		return nil, fmt.Errorf("%w: getMandate: %w", ErrUnavailable, err)
	}
	v, err := r.abi.UnpackGetMandate(out)
	if err != nil {
		return nil, fmt.Errorf("getMandate: %w", err)
	}
	m := &Mandate{
		ID: id.String(), Principal: v.Principal, AgentID: v.AgentId.String(), Agent: v.Agent, Token: v.Token,
		MaxPerJob: v.MaxPerJob.String(), Budget: v.Budget.String(), Period: v.Period,
		ValidAfter: time.Unix(int64(v.ValidAfter), 0).UTC(), ValidUntil: time.Unix(int64(v.ValidUntil), 0).UTC(),
		AnyPayee: v.AnyPayee, AnySpec: v.AnySpec, Quorum: v.Quorum, EscalateAbove: v.EscalateAbove.String(),
		QuorumHigh: v.QuorumHigh, TimelockAbove: v.TimelockAbove.String(), Timelock: v.Timelock,
		Revoked: v.Revoked, Block: at,
	}
	if out, err = r.call(ctx, at, common.Address{}, r.abi.PackFrozen(v.Principal, v.AgentId)); err != nil {
		return nil, fmt.Errorf("%w: frozen: %w", ErrUnavailable, err)
	}
	if m.Frozen, err = r.abi.UnpackFrozen(out); err != nil {
		return nil, err
	}
	if out, err = r.call(ctx, at, common.Address{}, r.abi.PackRemaining(id)); err != nil {
		return nil, fmt.Errorf("%w: remaining: %w", ErrUnavailable, err)
	}
	rem, err := r.abi.UnpackRemaining(out)
	if err != nil {
		return nil, err
	}
	m.Remaining, m.PeriodIndex = rem.Amount.String(), rem.PeriodIndex
	if out, err = r.call(ctx, at, common.Address{}, r.abi.PackApproversOf(id)); err != nil {
		return nil, fmt.Errorf("%w: approvers: %w", ErrUnavailable, err)
	}
	if m.Approvers, err = r.abi.UnpackApproversOf(out); err != nil {
		return nil, err
	}
	now := at.Time
	m.Live = !m.Revoked && !m.Frozen && !now.Before(m.ValidAfter) && now.Before(m.ValidUntil)
	return m, nil
}

// Authority answers whether agreement a (whose EIP-712 digest under the escrow's domain is digest) binds the
// principal of the mandate it names, at the latest block: the escrow's check is simulated exactly, and the
// approvals of a's band are counted.
func (r *Reader) Authority(ctx context.Context, a eip712.ServiceAgreement, digest common.Hash) (*Authority, error) {
	at, err := r.Head(ctx)
	if err != nil {
		return nil, err
	}
	out := &Authority{AgreementID: digest, MandateID: "0", Block: at}
	if a.MandateID == nil || a.MandateID.Sign() == 0 {
		out.Reason = "the agreement names no mandate: the client pays itself and binds nobody else"
		return out, nil
	}
	out.MandateID = a.MandateID.String()
	m, err := r.Mandate(ctx, a.MandateID, at)
	if errors.Is(err, ErrNotFound) {
		out.Error, out.Reason = "MandateNotFound", fmt.Sprintf("the registry holds no mandate %s", a.MandateID)
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	out.Mandate = m
	price := bigOrZero(a.Price)
	escalate, _ := new(big.Int).SetString(m.EscalateAbove, 10)
	timelock, _ := new(big.Int).SetString(m.TimelockAbove, 10)
	switch {
	case price.Cmp(timelock) > 0:
		out.Band, out.ApprovalsNeed = "approval+timelock", m.QuorumHigh
	case price.Cmp(escalate) > 0:
		out.Band, out.ApprovalsNeed = "approval", m.Quorum
	default:
		out.Band = "autonomous"
	}
	res, err := r.call(ctx, at, common.Address{}, r.abi.PackApprovals(a.MandateID, digest))
	if err != nil {
		return nil, fmt.Errorf("%w: approvals: %w", ErrUnavailable, err)
	}
	ap, err := r.abi.UnpackApprovals(res)
	if err != nil {
		return nil, err
	}
	out.ApprovalsHave = ap.Count
	if out.ApprovalsNeed > ap.Count {
		out.ApprovalsMissing = out.ApprovalsNeed - ap.Count
	}
	if out.Band == "approval+timelock" && ap.Count > 0 {
		t := time.Unix(int64(ap.LastAt+m.Timelock), 0).UTC()
		out.TimelockReadyAt = &t
	}

	// The escrow's own check, from the escrow's address at the same block (job id 0: the next job is unknown,
	// and the registry only logs it).
	name, args, err := r.SimulateSpend(ctx, at, a.MandateID, a.Client, a.ProviderAgentID, a.DeliverableSpecHash,
		a.Token, price, digest)
	if err != nil {
		return nil, err
	}
	if name != "" {
		out.Error, out.Reason = name, name+args
		return out, nil
	}
	out.Bound = true
	out.Reason = fmt.Sprintf("funding now would spend mandate %s of %s (%s band)", m.ID, m.Principal.Hex(), out.Band)
	return out, nil
}

// SimulateSpend runs MandateRegistry.spend from the escrow's address at block at, as the escrow would when
// funding: it returns the registry's custom error that refuses it ("" when it would pass) and its values.
func (r *Reader) SimulateSpend(ctx context.Context, at Block, id *big.Int, agent common.Address, payee *big.Int,
	spec common.Hash, token common.Address, amount *big.Int, digest common.Hash) (string, string, error) {
	data := r.abi.PackSpend(id, new(big.Int), agent, bigOrZero(payee), spec, token, bigOrZero(amount), digest)
	if _, err := r.call(ctx, at, r.escrow, data); err != nil {
		name, args := r.revertName(err)
		if name == "" {
			return "", "", fmt.Errorf("%w: spend: %w", ErrUnavailable, err)
		}
		return name, args, nil
	}
	return "", "", nil
}

// revertName decodes the registry's custom error from the revert data err carries: its name and its values.
func (r *Reader) revertName(err error) (string, string) {
	var de rpc.DataError
	if !errors.As(err, &de) {
		return "", ""
	}
	s, ok := de.ErrorData().(string)
	if !ok {
		return "", ""
	}
	data, derr := hexutil.Decode(s)
	if derr != nil || len(data) < 4 {
		return "", ""
	}
	v, uerr := r.abi.UnpackError(data)
	if uerr != nil {
		return "", ""
	}
	name := strings.TrimPrefix(fmt.Sprintf("%T", v), "*bindings.MandateRegistry")
	return name, strings.TrimPrefix(fmt.Sprintf("%+v", v), "&")
}

func bigOrZero(x *big.Int) *big.Int {
	if x == nil {
		return new(big.Int)
	}
	return x
}
