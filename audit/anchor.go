package audit

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/deployment"
)

// Anchors: the operator records signed heads of its log in the AuditAnchor contract (docs/deployment.md), under
// its own address and the log's id, keccak256 of the origin. A head anchored on chain cannot be taken back: an
// operator that later rewrites entries below it, even re-signing every checkpoint with its own key, is caught by
// VerifyDB given the anchors (ReadAnchors). The Anchorer anchors the newest signed head every few minutes.

// LogID is the id of the log named origin in the AuditAnchor contract: keccak256 of the origin.
func LogID(origin string) [32]byte {
	return crypto.Keccak256Hash([]byte(origin))
}

// ReadAnchors returns every head operator anchored for the log named origin in the AuditAnchor contract at
// contract, from block fromBlock to the chain's head, in the order they were anchored (sizes increasing).
func ReadAnchors(ctx context.Context, chain bind.ContractFilterer, contract, operator common.Address, origin string,
	fromBlock uint64) ([]Anchor, error) {
	c := bindings.NewAuditAnchor()
	ev := c.GetABI().Events[bindings.AuditAnchorAnchoredEventName]
	q := ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(fromBlock),
		Addresses: []common.Address{contract},
		Topics:    [][]common.Hash{{ev.ID}, {common.BytesToHash(operator.Bytes())}, {LogID(origin)}},
	}
	logs, err := chain.FilterLogs(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("audit: read anchors: %w", err)
	}
	var out []Anchor
	for i := range logs {
		lg := &logs[i]
		if lg.Removed {
			continue
		}
		e, err := c.UnpackAnchoredEvent(lg)
		if err != nil {
			return nil, fmt.Errorf("audit: anchor in transaction %s: %w", lg.TxHash, err)
		}
		if e.Operator != operator || e.LogId != LogID(origin) {
			continue // a node that does not filter by topic
		}
		out = append(out, Anchor{Size: e.Size, Root: e.Root[:], Block: lg.BlockNumber, Tx: lg.TxHash.Hex()})
	}
	return out, nil
}

// RevertError is the AuditAnchor contract's refusal of an anchor: the custom error's name
// ("SizeNotIncreasing", "ZeroRoot") and its decoded arguments (a *bindings.AuditAnchor<Name>).
type RevertError struct {
	Name string
	Args any
	Err  error // the node's error
}

func (e *RevertError) Error() string {
	return fmt.Sprintf("audit: AuditAnchor refused the anchor: %s%+v", e.Name, e.Args)
}

func (e *RevertError) Unwrap() error { return e.Err }

// revertError decodes the contract's custom error carried by err (the node's answer to a call or an estimate
// that reverted), or returns err.
func revertError(c *bindings.AuditAnchor, err error) error {
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
	v, uerr := c.UnpackError(data)
	if uerr != nil {
		return err
	}
	name := strings.TrimPrefix(fmt.Sprintf("%T", v), "*bindings.AuditAnchor")
	return &RevertError{Name: name, Args: v, Err: err}
}

// SendAnchor anchors the head (size, root) of the log named origin from key's account, waits at most timeout
// for the receipt, and returns the anchor. A refusal of the contract is a *RevertError.
func SendAnchor(ctx context.Context, backend deployment.Backend, contract common.Address, key *ecdsa.PrivateKey,
	origin string, size uint64, root []byte, timeout time.Duration) (*Anchor, error) {
	if len(root) != 32 {
		return nil, fmt.Errorf("audit: a root of %d bytes", len(root))
	}
	if timeout <= 0 {
		timeout = deployment.DefaultTimeout
	}
	sctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	chainID, err := backend.ChainID(sctx)
	if err != nil {
		return nil, fmt.Errorf("audit: chain id: %w", err)
	}
	c := bindings.NewAuditAnchor()
	opts := bind.NewKeyedTransactor(key, chainID)
	opts.Context = sctx
	tx, err := bind.Transact(c.Instance(backend, contract), opts, c.PackAnchor(LogID(origin), size, [32]byte(root)))
	if err != nil {
		return nil, revertError(c, err)
	}
	receipt, err := deployment.WaitMined(ctx, backend, tx, timeout)
	if err != nil {
		return nil, fmt.Errorf("audit: anchor of size %d: %w", size, err)
	}
	return &Anchor{Size: size, Root: root, Block: receipt.BlockNumber.Uint64(), Tx: tx.Hash().Hex()}, nil
}

// anchorerLock is the advisory lock key that lets one anchorer at a time send anchors ("agora-an").
const anchorerLock = 0x61676f72612d616e

// DefaultAnchorEvery is how often an Anchorer anchors the newest head by default.
const DefaultAnchorEvery = 10 * time.Minute

// Anchorer anchors the log's newest signed head in the AuditAnchor contract when it is beyond the last one
// anchored, and records the transaction beside the checkpoint (audit_checkpoints.anchor_tx, anchor_block). Every
// gateway may run one: an advisory lock lets one at a time send.
type Anchorer struct {
	pool     *pgxpool.Pool
	backend  deployment.Backend
	contract common.Address
	key      *ecdsa.PrivateKey
	origin   string
	log      *slog.Logger
	// Every is the pause between rounds; Timeout bounds each RPC call and the wait for a receipt.
	Every   time.Duration
	Timeout time.Duration
}

// NewAnchorer returns an anchorer of the log named origin (the sequencer's signer name), sending from key's
// account to the AuditAnchor contract at contract.
func NewAnchorer(pool *pgxpool.Pool, backend deployment.Backend, contract common.Address, key *ecdsa.PrivateKey,
	origin string, log *slog.Logger) *Anchorer {
	if log == nil {
		log = slog.Default()
	}
	return &Anchorer{pool: pool, backend: backend, contract: contract, key: key, origin: origin, log: log,
		Every: DefaultAnchorEvery, Timeout: deployment.DefaultTimeout}
}

// Operator is the address the anchors are recorded under (the key's).
func (a *Anchorer) Operator() common.Address { return crypto.PubkeyToAddress(a.key.PublicKey) }

// Run anchors at once, then every Every, until ctx ends.
func (a *Anchorer) Run(ctx context.Context) {
	for ctx.Err() == nil {
		an, err := a.Step(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			a.log.Warn("audit: anchoring failed", "err", err)
		case an != nil:
			a.log.Info("audit: head anchored", "size", an.Size, "block", an.Block, "tx", an.Tx)
		}
		select {
		case <-ctx.Done():
		case <-time.After(a.Every):
		}
	}
}

// Step does one round: it anchors the newest signed head if its size is beyond the last one anchored and
// returns the anchor; nil when there was nothing to anchor or another anchorer holds the lock. Before anchoring
// it checks that the database still has the head anchored last, with its root: an anchorer does not extend a
// history that disagrees with the chain.
func (a *Anchorer) Step(ctx context.Context) (*Anchor, error) {
	conn, err := a.pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	defer conn.Release()
	var locked bool
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1)`, int64(anchorerLock)).Scan(&locked); err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	if !locked {
		return nil, nil
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, int64(anchorerLock))

	cp, err := LatestCheckpoint(ctx, conn)
	if errors.Is(err, ErrNoCheckpoint) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if origin, _, _ := strings.Cut(cp.Note, "\n"); origin != a.origin {
		return nil, fmt.Errorf("%w: %q, the anchorer's is %q", ErrOrigin, origin, a.origin)
	}
	c := bindings.NewAuditAnchor()
	cctx, cancel := context.WithTimeout(ctx, a.Timeout)
	last, err := bind.Call(c.Instance(a.backend, a.contract), &bind.CallOpts{Context: cctx},
		c.PackLatest(a.Operator(), LogID(a.origin)), c.UnpackLatest)
	cancel()
	if err != nil {
		return nil, fmt.Errorf("audit: read the last anchor: %w", err)
	}
	if last.Size > 0 {
		have, err := CheckpointOf(ctx, conn, last.Size)
		switch {
		case errors.Is(err, ErrNoCheckpoint):
			return nil, fmt.Errorf("audit: the head of size %d anchored in block %d is not among the stored checkpoints",
				last.Size, last.BlockNumber)
		case err != nil:
			return nil, err
		case [32]byte(have.Root) != last.Root:
			return nil, fmt.Errorf("audit: the stored checkpoint of size %d has root %x, the one anchored in block %d %x",
				last.Size, have.Root, last.BlockNumber, last.Root)
		}
	}
	if cp.Size <= last.Size {
		return nil, a.recordMissing(ctx, conn, last.Size, last.BlockNumber)
	}
	an, err := SendAnchor(ctx, a.backend, a.contract, a.key, a.origin, cp.Size, cp.Root, a.Timeout)
	if err != nil {
		return nil, err
	}
	if err := a.record(ctx, conn, an); err != nil {
		return an, err
	}
	return an, nil
}

// record stores the anchor's transaction and block beside its checkpoint.
func (a *Anchorer) record(ctx context.Context, q *pgxpool.Conn, an *Anchor) error {
	tx := common.HexToHash(an.Tx)
	if _, err := q.Exec(context.WithoutCancel(ctx), `UPDATE audit_checkpoints SET anchor_tx = $2, anchor_block = $3 WHERE size = $1`,
		int64(an.Size), tx.Bytes(), int64(an.Block)); err != nil {
		return fmt.Errorf("audit: record the anchor of size %d (transaction %s): %w", an.Size, an.Tx, err)
	}
	return nil
}

// recordMissing records the anchor of size (anchored in block) when the database does not have it yet: an
// anchorer stopped between the receipt and the record.
func (a *Anchorer) recordMissing(ctx context.Context, conn *pgxpool.Conn, size, block uint64) error {
	if size == 0 {
		return nil
	}
	var missing bool
	if err := conn.QueryRow(ctx, `SELECT anchor_tx IS NULL FROM audit_checkpoints WHERE size = $1`, int64(size)).Scan(&missing); err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	if !missing {
		return nil
	}
	cctx, cancel := context.WithTimeout(ctx, a.Timeout)
	defer cancel()
	anchors, err := ReadAnchors(cctx, a.backend, a.contract, a.Operator(), a.origin, block)
	if err != nil {
		return err
	}
	for i := range anchors {
		if anchors[i].Size == size {
			return a.record(ctx, conn, &anchors[i])
		}
	}
	return nil
}
