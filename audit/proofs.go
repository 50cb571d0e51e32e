package audit

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/transparency-dev/merkle/compact"
	"github.com/transparency-dev/merkle/proof"
	"github.com/transparency-dev/merkle/rfc6962"
)

// Querier is what the readers need of PostgreSQL (a pool, a connection or a transaction).
type Querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// ErrNoCheckpoint is returned when no tree head is signed yet (or none of the size asked for).
var ErrNoCheckpoint = errors.New("audit: no checkpoint")

// ErrOutOfRange is returned for an entry or a size beyond a checkpoint.
var ErrOutOfRange = errors.New("audit: out of range")

// StoredCheckpoint is a signed head as stored: its size, root and note.
type StoredCheckpoint struct {
	Size uint64
	Root []byte
	Note string
}

// LatestCheckpoint returns the newest signed head.
func LatestCheckpoint(ctx context.Context, q Querier) (*StoredCheckpoint, error) {
	return readCheckpoint(ctx, q, `SELECT size, root, note FROM audit_checkpoints ORDER BY size DESC LIMIT 1`)
}

// CheckpointOf returns the signed head of the given size.
func CheckpointOf(ctx context.Context, q Querier, size uint64) (*StoredCheckpoint, error) {
	return readCheckpoint(ctx, q, `SELECT size, root, note FROM audit_checkpoints WHERE size = $1`, int64(size))
}

// CheckpointCovering returns the smallest signed head that covers the entry index (size > index).
func CheckpointCovering(ctx context.Context, q Querier, index uint64) (*StoredCheckpoint, error) {
	return readCheckpoint(ctx, q, `SELECT size, root, note FROM audit_checkpoints WHERE size > $1 ORDER BY size LIMIT 1`, int64(index))
}

func readCheckpoint(ctx context.Context, q Querier, sql string, args ...any) (*StoredCheckpoint, error) {
	var c StoredCheckpoint
	var size int64
	err := q.QueryRow(ctx, sql, args...).Scan(&size, &c.Root, &c.Note)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, ErrNoCheckpoint
	}
	if err != nil {
		return nil, fmt.Errorf("audit: read checkpoint: %w", err)
	}
	c.Size = uint64(size)
	return &c, nil
}

// nodeHashes reads the stored hashes of the nodes ids, in their order.
func nodeHashes(ctx context.Context, q Querier, ids []compact.NodeID) ([][]byte, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	levels, idxs := make([]int16, len(ids)), make([]int64, len(ids))
	for i, id := range ids {
		levels[i], idxs[i] = int16(id.Level), int64(id.Index)
	}
	rows, err := q.Query(ctx, `SELECT x.ord, n.hash FROM unnest($1::smallint[], $2::bigint[]) WITH ORDINALITY AS x(level, idx, ord)
		JOIN audit_nodes n ON n.level = x.level AND n.idx = x.idx`, levels, idxs)
	if err != nil {
		return nil, fmt.Errorf("audit: read nodes: %w", err)
	}
	out := make([][]byte, len(ids))
	n := 0
	for rows.Next() {
		var ord int64
		var h []byte
		if err := rows.Scan(&ord, &h); err != nil {
			rows.Close()
			return nil, fmt.Errorf("audit: read nodes: %w", err)
		}
		out[ord-1] = h
		n++
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("audit: read nodes: %w", err)
	}
	if n != len(ids) {
		return nil, fmt.Errorf("audit: %d of %d tree nodes are missing", len(ids)-n, len(ids))
	}
	return out, nil
}

// InclusionProof returns the RFC 6962 inclusion proof of the entry index in the tree of the given size.
func InclusionProof(ctx context.Context, q Querier, index, size uint64) ([][]byte, error) {
	if index >= size {
		return nil, fmt.Errorf("%w: entry %d is not in a tree of %d", ErrOutOfRange, index, size)
	}
	nodes, err := proof.Inclusion(index, size)
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	hashes, err := nodeHashes(ctx, q, nodes.IDs)
	if err != nil {
		return nil, err
	}
	return nodes.Rehash(hashes, rfc6962.DefaultHasher.HashChildren)
}

// ConsistencyProof returns the RFC 6962 consistency proof between the trees of size1 and size2.
func ConsistencyProof(ctx context.Context, q Querier, size1, size2 uint64) ([][]byte, error) {
	if size1 > size2 {
		return nil, fmt.Errorf("%w: size %d is beyond %d", ErrOutOfRange, size1, size2)
	}
	nodes, err := proof.Consistency(size1, size2)
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	hashes, err := nodeHashes(ctx, q, nodes.IDs)
	if err != nil {
		return nil, err
	}
	return nodes.Rehash(hashes, rfc6962.DefaultHasher.HashChildren)
}

// LeafHashAt returns the leaf hash of the entry index, from the tree's nodes (it outlives a pruned entry).
func LeafHashAt(ctx context.Context, q Querier, index uint64) ([]byte, error) {
	h, err := nodeHashes(ctx, q, []compact.NodeID{compact.NewNodeID(0, index)})
	if err != nil {
		return nil, err
	}
	return h[0], nil
}

// VerifyInclusion checks an inclusion proof of a leaf against a root (RFC 6962).
func VerifyInclusion(index, size uint64, leafHash []byte, p [][]byte, root []byte) error {
	return proof.VerifyInclusion(rfc6962.DefaultHasher, index, size, leafHash, p, root)
}

// VerifyConsistency checks a consistency proof between two roots (RFC 6962).
func VerifyConsistency(size1, size2 uint64, p [][]byte, root1, root2 []byte) error {
	return proof.VerifyConsistency(rfc6962.DefaultHasher, size1, size2, p, root1, root2)
}
