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
// restarts reuse them, and mirrors them into an in-memory index that vector queries search.
type vectors struct {
	emb     embed.Embedder
	pool    *pgxpool.Pool
	log     *slog.Logger
	idx     *embed.Index
	queries *lru.Cache[string, []float32] // query embeddings (a remote embedder costs a round trip)

	mu     sync.Mutex        // one sync at a time
	loaded map[string][]byte // agent id -> doc hash of the vector in idx
	kickc  chan struct{}
}

func newVectors(emb embed.Embedder, pool *pgxpool.Pool, log *slog.Logger) *vectors {
	q, _ := lru.New[string, []float32](4096)
	return &vectors{emb: emb, pool: pool, log: log, idx: embed.NewIndex(emb.Dims()), queries: q,
		loaded: map[string][]byte{}, kickc: make(chan struct{}, 1)}
}

func (v *vectors) len() int { return v.idx.Len() }

// kick asks the sync loop for a pass; kicks that arrive during a pass coalesce into one more.
func (v *vectors) kick() {
	select {
	case v.kickc <- struct{}{}:
	default:
	}
}

// run syncs on every kick, at most every 100 ms, and every minute regardless.
func (v *vectors) run(ctx context.Context) {
	tick := time.NewTicker(time.Minute)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-v.kickc:
		case <-tick.C:
		}
		if err := v.sync(ctx); err != nil && ctx.Err() == nil {
			v.log.Warn("vector sync failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// embedBatch is how many documents one pass embeds per statement.
const embedBatch = 256

// sync embeds what is missing, then loads into the index every stored vector that differs from the loaded one
// and drops the vectors of vanished profiles.
func (v *vectors) sync(ctx context.Context) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	model := v.emb.Model()
	for {
		rows, err := v.pool.Query(ctx, `SELECT p.agent_id::text, p.search_text, p.doc_hash FROM agent_profiles p
			LEFT JOIN agent_embeddings e ON e.model = $1 AND e.agent_id = p.agent_id
			WHERE e.agent_id IS NULL OR e.doc_hash <> p.doc_hash ORDER BY p.agent_id LIMIT $2`, model, embedBatch)
		if err != nil {
			return fmt.Errorf("vectors: pending: %w", err)
		}
		var ids, texts []string
		var hashes [][]byte
		for rows.Next() {
			var id, text string
			var h []byte
			if err := rows.Scan(&id, &text, &h); err != nil {
				rows.Close()
				return err
			}
			ids, texts, hashes = append(ids, id), append(texts, text), append(hashes, h)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("vectors: pending: %w", err)
		}
		if len(ids) == 0 {
			break
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
			model, ids, hashes, blobs); err != nil {
			return fmt.Errorf("vectors: store: %w", err)
		}
		if len(ids) < embedBatch {
			break
		}
	}

	// Load what changed since the last pass.
	rows, err := v.pool.Query(ctx, `SELECT agent_id::text, doc_hash FROM agent_embeddings WHERE model = $1`, model)
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
		chunk := stale[start:min(start+4096, len(stale))]
		rows, err := v.pool.Query(ctx, `SELECT agent_id::text, doc_hash, vector FROM agent_embeddings
			WHERE model = $1 AND agent_id = ANY($2::text[]::numeric[])`, model, chunk)
		if err != nil {
			return fmt.Errorf("vectors: load: %w", err)
		}
		for rows.Next() {
			var id string
			var h, blob []byte
			if err := rows.Scan(&id, &h, &blob); err != nil {
				rows.Close()
				return err
			}
			vec, err := embed.Decode(blob, v.emb.Dims())
			if err != nil {
				v.log.Warn("bad stored vector; skipped", "agent", id, "err", err)
				continue
			}
			if err := v.idx.Upsert(id, vec); err != nil {
				rows.Close()
				return err
			}
			v.loaded[id] = h
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("vectors: load: %w", err)
		}
	}
	return nil
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
