package gateway

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/agoralabs/agora/embed"
)

// vectors keeps the embeddings of every agent profile: it embeds documents that have none for the
// configured model (or whose text changed), stores them in agent_embeddings so that other gateway copies and
// restarts reuse them, and mirrors them into an in-memory index that vector queries search. Changed agents
// are synced by id as their notifications arrive; a full pass runs at start and every ten minutes.
type vectors struct {
	emb     embed.Embedder
	pool    *pgxpool.Pool
	log     *slog.Logger
	idx     *embed.Index
	queries *lru.Cache[string, []float32] // query embeddings (a remote embedder costs a round trip)

	mu      sync.Mutex        // one sync at a time
	loaded  map[string][]byte // agent id -> doc hash of the vector in idx
	pending map[string]bool   // agents to sync (guarded by pendMu)
	pendMu  sync.Mutex
	kickc   chan struct{}
}

func newVectors(emb embed.Embedder, pool *pgxpool.Pool, log *slog.Logger) *vectors {
	q, _ := lru.New[string, []float32](4096)
	return &vectors{emb: emb, pool: pool, log: log, idx: embed.NewIndex(emb.Dims()), queries: q,
		loaded: map[string][]byte{}, pending: map[string]bool{}, kickc: make(chan struct{}, 1)}
}

func (v *vectors) len() int { return v.idx.Len() }

// changed queues agents whose documents changed for the sync loop.
func (v *vectors) changed(ids []string) {
	v.pendMu.Lock()
	for _, id := range ids {
		v.pending[id] = true
	}
	v.pendMu.Unlock()
	select {
	case v.kickc <- struct{}{}:
	default:
	}
}

// run syncs the queued agents as they come (batched while a pass runs), and everything every ten minutes.
func (v *vectors) run(ctx context.Context) {
	full := time.NewTicker(10 * time.Minute)
	defer full.Stop()
	for {
		var err error
		select {
		case <-ctx.Done():
			return
		case <-full.C:
			err = v.sync(ctx)
		case <-v.kickc:
			v.pendMu.Lock()
			ids := make([]string, 0, len(v.pending))
			for id := range v.pending {
				ids = append(ids, id)
			}
			clear(v.pending)
			v.pendMu.Unlock()
			err = v.syncIDs(ctx, ids)
		}
		if err != nil && ctx.Err() == nil {
			v.log.Warn("vector sync failed", "err", err)
		}
	}
}

// embedBatch is how many documents one pass embeds per statement.
const embedBatch = 256

// embedMissing embeds the profiles (of ids, or all when ids is nil) that have no vector of the model for
// their current text, and stores the vectors.
func (v *vectors) embedMissing(ctx context.Context, ids []string) error {
	model := v.emb.Model()
	var idsArg any
	if ids != nil {
		idsArg = ids
	}
	for {
		rows, err := v.pool.Query(ctx, `SELECT p.agent_id::text, p.search_text, p.doc_hash FROM agent_profiles p
			LEFT JOIN agent_embeddings e ON e.model = $1 AND e.agent_id = p.agent_id
			WHERE (e.agent_id IS NULL OR e.doc_hash <> p.doc_hash)
			  AND ($3::text[] IS NULL OR p.agent_id = ANY($3::text[]::numeric[]))
			ORDER BY p.agent_id LIMIT $2`, model, embedBatch, idsArg)
		if err != nil {
			return fmt.Errorf("vectors: pending: %w", err)
		}
		var pid, texts []string
		var hashes [][]byte
		for rows.Next() {
			var id, text string
			var h []byte
			if err := rows.Scan(&id, &text, &h); err != nil {
				rows.Close()
				return err
			}
			pid, texts, hashes = append(pid, id), append(texts, text), append(hashes, h)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("vectors: pending: %w", err)
		}
		if len(pid) == 0 {
			return nil
		}
		vecs, err := v.emb.Embed(ctx, texts)
		if err != nil {
			return fmt.Errorf("vectors: embed: %w", err)
		}
		blobs := make([][]byte, len(vecs))
		for i, vec := range vecs {
			blobs[i] = embed.Encode(vec)
		}
		// Only a profile whose text is still the one embedded gets the vector.
		if _, err := v.pool.Exec(ctx, `INSERT INTO agent_embeddings (agent_id, model, doc_hash, vector)
			SELECT x.agent_id::numeric, $1, x.doc_hash, x.vector
			FROM unnest($2::text[], $3::bytea[], $4::bytea[]) AS x(agent_id, doc_hash, vector)
			JOIN agent_profiles p ON p.agent_id = x.agent_id::numeric AND p.doc_hash = x.doc_hash
			ON CONFLICT (model, agent_id) DO UPDATE SET doc_hash = EXCLUDED.doc_hash, vector = EXCLUDED.vector`,
			model, pid, hashes, blobs); err != nil {
			return fmt.Errorf("vectors: store: %w", err)
		}
		if len(pid) < embedBatch {
			return nil
		}
	}
}

// syncIDs embeds and loads the vectors of ids, and drops those of ids without a profile.
func (v *vectors) syncIDs(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if err := v.embedMissing(ctx, ids); err != nil {
		return err
	}
	found, err := v.loadVectors(ctx, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if !found[id] {
			v.idx.Remove(id)
			delete(v.loaded, id)
		}
	}
	return nil
}

// sync embeds what is missing, then loads into the index every stored vector that differs from the loaded
// one and drops the vectors of vanished profiles.
func (v *vectors) sync(ctx context.Context) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if err := v.embedMissing(ctx, nil); err != nil {
		return err
	}
	rows, err := v.pool.Query(ctx, `SELECT agent_id::text, doc_hash FROM agent_embeddings WHERE model = $1`, v.emb.Model())
	if err != nil {
		return fmt.Errorf("vectors: list: %w", err)
	}
	seen := make(map[string]bool, len(v.loaded))
	var stale []string
	for rows.Next() {
		var id string
		var h []byte
		if err := rows.Scan(&id, &h); err != nil {
			rows.Close()
			return err
		}
		seen[id] = true
		if !bytes.Equal(v.loaded[id], h) {
			stale = append(stale, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("vectors: list: %w", err)
	}
	for id := range v.loaded {
		if !seen[id] {
			v.idx.Remove(id)
			delete(v.loaded, id)
		}
	}
	for start := 0; start < len(stale); start += 4096 {
		if _, err := v.loadVectors(ctx, stale[start:min(start+4096, len(stale))]); err != nil {
			return err
		}
	}
	return nil
}

// loadVectors puts the stored vectors of ids into the index and returns the ids it found. Callers hold mu.
func (v *vectors) loadVectors(ctx context.Context, ids []string) (map[string]bool, error) {
	rows, err := v.pool.Query(ctx, `SELECT e.agent_id::text, e.doc_hash, e.vector FROM agent_embeddings e
		JOIN agent_profiles p ON p.agent_id = e.agent_id AND p.doc_hash = e.doc_hash
		WHERE e.model = $1 AND e.agent_id = ANY($2::text[]::numeric[])`, v.emb.Model(), ids)
	if err != nil {
		return nil, fmt.Errorf("vectors: load: %w", err)
	}
	defer rows.Close()
	found := map[string]bool{}
	for rows.Next() {
		var id string
		var h, blob []byte
		if err := rows.Scan(&id, &h, &blob); err != nil {
			return nil, err
		}
		vec, err := embed.Decode(blob, v.emb.Dims())
		if err != nil {
			v.log.Warn("bad stored vector; skipped", "agent", id, "err", err)
			continue
		}
		if err := v.idx.Upsert(id, vec); err != nil {
			return nil, err
		}
		v.loaded[id] = h
		found[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("vectors: load: %w", err)
	}
	return found, nil
}

// embedQuery returns the embedding of a query text (cached: a remote embedder costs a round trip).
func (v *vectors) embedQuery(ctx context.Context, text string) ([]float32, error) {
	if q, ok := v.queries.Get(text); ok {
		return q, nil
	}
	vecs, err := v.emb.Embed(ctx, []string{text})
	if err != nil {
		return nil, fmt.Errorf("embed query: %w: %w", errUnavailable, err)
	}
	v.queries.Add(text, vecs[0])
	return vecs[0], nil
}
