package gateway

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/agoralabs/agora/embed"
)

// vectors keeps the embeddings of every agent profile: it embeds documents that have none for the
// configured embedder (model and dimension) or whose text changed, stores them in agent_embeddings keyed by
// the model, the dimension and the document's hash, so that other gateway copies and restarts reuse them,
// and mirrors them into an in-memory index that vector queries search. At start the stored vectors are
// loaded (loadStored) and the first sync embeds what is missing in the background: vector search is warm
// once it is done. Changed agents are synced by id as their notifications arrive; a full pass runs every ten
// minutes.
type vectors struct {
	emb   embed.Embedder
	model string
	dims  int
	pool  *pgxpool.Pool
	// stored runs the read of the stored vectors at start (replica.atPrimaryNow); nil: on pool.
	stored  func(ctx context.Context, read func(db *pgxpool.Pool) error) error
	log     *slog.Logger
	idx     *embed.Index
	queries *lru.Cache[string, []float32] // query embeddings (a remote embedder costs a round trip)

	mu       sync.Mutex        // one sync at a time
	loaded   map[string][]byte // agent id -> doc hash of the vector in idx
	loadedMu sync.Mutex        // loaded, between the workers of one sync
	pending  map[string]bool   // agents to sync (guarded by pendMu)
	pendMu   sync.Mutex
	kickc    chan struct{}

	warm     atomic.Bool  // the first sync is done: every profile then was embedded and loaded
	embedded atomic.Int64 // documents this gateway embedded (not queries)
}

func newVectors(emb embed.Embedder, pool *pgxpool.Pool, log *slog.Logger) *vectors {
	q, _ := lru.New[string, []float32](4096)
	return &vectors{emb: emb, model: emb.Model(), dims: emb.Dims(), pool: pool, log: log, idx: embed.NewIndex(emb.Dims()),
		queries: q, loaded: map[string][]byte{}, pending: map[string]bool{}, kickc: make(chan struct{}, 1)}
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

// run loads the stored vectors and embeds what is missing (the first sync: vectors are warm after it),
// then syncs the queued agents as they come (batched while a pass runs), and everything every ten minutes.
func (v *vectors) run(ctx context.Context) {
	if err := v.loadStored(ctx); err != nil && ctx.Err() == nil {
		v.log.Warn("loading the stored vectors failed", "err", err)
	}
	for !v.warm.Load() {
		err := v.sync(ctx)
		if err == nil {
			v.warm.Store(true)
			break
		}
		if ctx.Err() != nil {
			return
		}
		v.log.Warn("vector sync failed; trying again", "err", err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(5 * time.Second):
		}
	}
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

// embedBatch is how many documents one embedder call embeds; embedWorkers batches are embedded and stored
// at a time.
const embedBatch = 256

var embedWorkers = min(4, max(1, runtime.GOMAXPROCS(0)))

// embedMissing embeds the profiles (of ids, or all when ids is nil) that have no vector of the embedder for
// their current text, stores the vectors and puts them in the index. Callers hold mu.
func (v *vectors) embedMissing(ctx context.Context, ids []string) error {
	var idsArg any
	if ids != nil {
		idsArg = ids
	}
	after := "-1" // keyset: profiles in agent id order, each looked at once
	for {
		rows, err := v.pool.Query(ctx, `SELECT p.agent_id::text, p.search_text, p.doc_hash FROM agent_profiles p
			LEFT JOIN agent_embeddings e ON e.model = $1 AND e.dims = $2 AND e.agent_id = p.agent_id
			WHERE (e.agent_id IS NULL OR e.doc_hash <> p.doc_hash) AND p.agent_id > $3::numeric
			  AND ($5::text[] IS NULL OR p.agent_id = ANY($5::text[]::numeric[]))
			ORDER BY p.agent_id LIMIT $4`, v.model, v.dims, after, embedBatch*embedWorkers, idsArg)
		if err != nil {
			return fmt.Errorf("vectors: pending: %w", err)
		}
		var batch pendingDocs
		for rows.Next() {
			var id, text string
			var h []byte
			if err := rows.Scan(&id, &text, &h); err != nil {
				rows.Close()
				return err
			}
			batch.ids, batch.texts, batch.hashes = append(batch.ids, id), append(batch.texts, text), append(batch.hashes, h)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("vectors: pending: %w", err)
		}
		if len(batch.ids) == 0 {
			return nil
		}
		after = batch.ids[len(batch.ids)-1]
		var wg sync.WaitGroup
		errs := make([]error, embedWorkers)
		for w := range embedWorkers {
			part := batch.slice(w*embedBatch, (w+1)*embedBatch)
			if len(part.ids) == 0 {
				break
			}
			wg.Add(1)
			go func() { defer wg.Done(); errs[w] = v.embedStore(ctx, part) }()
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			return err
		}
		if len(batch.ids) < embedBatch*embedWorkers {
			return nil
		}
	}
}

// pendingDocs are profiles to embed: ids, texts and doc hashes alike.
type pendingDocs struct {
	ids, texts []string
	hashes     [][]byte
}

func (p pendingDocs) slice(lo, hi int) pendingDocs {
	lo, hi = min(lo, len(p.ids)), min(hi, len(p.ids))
	return pendingDocs{p.ids[lo:hi], p.texts[lo:hi], p.hashes[lo:hi]}
}

// embedStore embeds docs, stores the vectors of the profiles whose text is still the one embedded and
// puts those in the index. Callers hold mu (its workers share it).
func (v *vectors) embedStore(ctx context.Context, docs pendingDocs) error {
	vecs, err := v.emb.Embed(ctx, docs.texts)
	if err != nil {
		return fmt.Errorf("vectors: embed: %w", err)
	}
	if len(vecs) != len(docs.ids) {
		return fmt.Errorf("vectors: embed: %d vectors for %d texts", len(vecs), len(docs.ids))
	}
	v.embedded.Add(int64(len(vecs)))
	blobs := make([][]byte, len(vecs))
	for i, vec := range vecs {
		if len(vec) != v.dims {
			return fmt.Errorf("vectors: embed: %w: %d values, want %d", embed.ErrDims, len(vec), v.dims)
		}
		blobs[i] = embed.Encode(vec)
	}
	// Only a profile whose text is still the one embedded gets the vector.
	rows, err := v.pool.Query(ctx, `INSERT INTO agent_embeddings (agent_id, model, dims, doc_hash, vector)
		SELECT x.agent_id::numeric, $1, $2, x.doc_hash, x.vector
		FROM unnest($3::text[], $4::bytea[], $5::bytea[]) AS x(agent_id, doc_hash, vector)
		JOIN agent_profiles p ON p.agent_id = x.agent_id::numeric AND p.doc_hash = x.doc_hash
		ON CONFLICT (model, dims, agent_id) DO UPDATE SET doc_hash = EXCLUDED.doc_hash, vector = EXCLUDED.vector
		RETURNING agent_id::text`,
		v.model, v.dims, docs.ids, docs.hashes, blobs)
	if err != nil {
		return fmt.Errorf("vectors: store: %w", err)
	}
	stored, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return fmt.Errorf("vectors: store: %w", err)
	}
	at := make(map[string]int, len(docs.ids))
	for i, id := range docs.ids {
		at[id] = i
	}
	for _, id := range stored {
		i := at[id]
		if err := v.idx.Upsert(id, vecs[i]); err != nil {
			return err
		}
		v.setLoaded(id, docs.hashes[i])
	}
	return nil
}

// setLoaded records the document hash of id's vector in the index. Callers hold mu; the workers of one
// sync share it, hence loadedMu.
func (v *vectors) setLoaded(id string, hash []byte) {
	v.loadedMu.Lock()
	v.loaded[id] = hash
	v.loadedMu.Unlock()
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

// loadStored puts every stored vector of the embedder whose document is unchanged into the index, in one
// read (at start: a restart reuses what was embedded before), from the replica when there is one (the sync
// that follows reads the primary and completes what a lagging replica missed).
func (v *vectors) loadStored(ctx context.Context) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.stored == nil {
		return v.loadStoredFrom(ctx, v.pool)
	}
	return v.stored(ctx, func(db *pgxpool.Pool) error { return v.loadStoredFrom(ctx, db) })
}

func (v *vectors) loadStoredFrom(ctx context.Context, db *pgxpool.Pool) error {
	rows, err := db.Query(ctx, `SELECT e.agent_id::text, e.doc_hash, e.vector FROM agent_embeddings e
		JOIN agent_profiles p ON p.agent_id = e.agent_id AND p.doc_hash = e.doc_hash
		WHERE e.model = $1 AND e.dims = $2`, v.model, v.dims)
	if err != nil {
		return fmt.Errorf("vectors: load: %w", err)
	}
	defer rows.Close()
	// The index's work per vector (a sketch and a quantisation) runs beside the read.
	type stored struct {
		id         string
		hash, blob []byte
	}
	work := make(chan []stored, 4)
	var wg sync.WaitGroup
	var upsertErr error
	var errOnce sync.Once
	for range max(1, runtime.GOMAXPROCS(0)-1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for chunk := range work {
				for _, x := range chunk {
					vec, err := embed.Decode(x.blob, v.dims)
					if err != nil {
						v.log.Warn("bad stored vector; skipped", "agent", x.id, "err", err)
						continue
					}
					if err := v.idx.Upsert(x.id, vec); err != nil {
						errOnce.Do(func() { upsertErr = err })
						continue
					}
					v.setLoaded(x.id, x.hash)
				}
			}
		}()
	}
	chunk := make([]stored, 0, 256)
	for rows.Next() {
		var x stored
		if err := rows.Scan(&x.id, &x.hash, &x.blob); err != nil {
			close(work)
			wg.Wait()
			return err
		}
		if chunk = append(chunk, x); len(chunk) == cap(chunk) {
			work <- chunk
			chunk = make([]stored, 0, 256)
		}
	}
	work <- chunk
	close(work)
	wg.Wait()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("vectors: load: %w", err)
	}
	return upsertErr
}

// sync embeds what is missing, then loads into the index every stored vector that differs from the loaded
// one and drops the vectors of vanished profiles.
func (v *vectors) sync(ctx context.Context) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if err := v.embedMissing(ctx, nil); err != nil {
		return err
	}
	rows, err := v.pool.Query(ctx, `SELECT agent_id::text, doc_hash FROM agent_embeddings WHERE model = $1 AND dims = $2`,
		v.model, v.dims)
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
		WHERE e.model = $1 AND e.dims = $2 AND e.agent_id = ANY($3::text[]::numeric[])`, v.model, v.dims, ids)
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
		vec, err := embed.Decode(blob, v.dims)
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
