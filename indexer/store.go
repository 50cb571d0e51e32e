package indexer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/agoralabs/agora/audit"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/indexer/catalog"
	"github.com/agoralabs/agora/postgres"
)

// agentWalletKeyHash is keccak256("agentWallet"), the indexed key of the wallet's MetadataSet events.
var agentWalletKeyHash = crypto.Keccak256([]byte("agentWallet"))

// ErrOtherDeployment is returned when the database already mirrors another chain or deployment.
var ErrOtherDeployment = errors.New("indexer: the database mirrors another deployment")

// ErrLocked is returned when another indexer holds the database.
var ErrLocked = errors.New("indexer: another indexer is running on this database")

// errCursorMoved is returned by Write when the stored cursor is not where the batch starts.
var errCursorMoved = errors.New("indexer: cursor moved underneath the writer")

// NotifyChannel is the PostgreSQL channel on which every commit (and rollback) announces the new cursor
// block number, delivered when the transaction commits: readers LISTEN to it to refresh caches.
const NotifyChannel = "agora_indexer"

// lockKey is the PostgreSQL advisory lock one indexer holds per database ("agora-ix").
const lockKey = 0x61676f72612d6978

// Store writes mirrored events, projections and the cursor to PostgreSQL.
type Store struct {
	pool  *pgxpool.Pool
	cat   *catalog.Catalog
	specs map[string][]keySpec
	lock  *pgxpool.Conn
	// KeepBlocks is how many recent block hashes are kept for reorg detection.
	KeepBlocks uint64
	// auditChain, when not 0, is the chain id of the escrow and mandate events also written as audit
	// entries (Config.Audit; audit.go).
	auditChain uint64
}

// State is the stored cursor and what it belongs to.
type State struct {
	ChainID    uint64
	StartBlock uint64
	Block      uint64      // last fully indexed block (StartBlock-1 before any)
	Hash       common.Hash // its hash; zero before any block
}

// OpenStore migrates the database at url and connects to it.
func OpenStore(ctx context.Context, url string, cat *catalog.Catalog) (*Store, error) {
	if _, err := postgres.Migrate(ctx, url); err != nil {
		return nil, err
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("indexer: database url: %w", err)
	}
	if cfg.MaxConns < 4 {
		cfg.MaxConns = 4
	}
	// The mirror is derived data and each transaction carries its own cursor, so a PostgreSQL crash can only
	// roll back the last commits together with the cursor that covers them, which are indexed again: waiting
	// for the WAL flush buys nothing here and costs a disk flush per block.
	if _, set := cfg.ConnConfig.RuntimeParams["synchronous_commit"]; !set {
		cfg.ConnConfig.RuntimeParams["synchronous_commit"] = "off"
	}
	cfg.AfterConnect = registerDomains
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("indexer: connect: %w", err)
	}
	return &Store{pool: pool, cat: cat, specs: keySpecs(cat), KeepBlocks: 256}, nil
}

// registerDomains teaches a connection the value domains of 00001, so that their values travel in binary.
func registerDomains(ctx context.Context, conn *pgx.Conn) error {
	for _, name := range []string{"uint256", "address", "hash32"} {
		t, err := conn.LoadType(ctx, name)
		if err != nil {
			return fmt.Errorf("indexer: load type %s: %w", name, err)
		}
		conn.TypeMap().RegisterType(t)
	}
	return nil
}

// Pool returns the connection pool (for the registration-file store and readiness checks).
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Close releases the lock and the pool.
func (s *Store) Close() {
	if s.lock != nil {
		_, _ = s.lock.Exec(context.Background(), "SELECT pg_advisory_unlock($1)", int64(lockKey))
		s.lock.Release()
		s.lock = nil
	}
	s.pool.Close()
}

// Lock takes the database's indexer lock for the life of the store, or returns ErrLocked.
func (s *Store) Lock(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("indexer: lock: %w", err)
	}
	var ok bool
	if err := conn.QueryRow(ctx, "SELECT pg_try_advisory_lock($1)", int64(lockKey)).Scan(&ok); err != nil {
		conn.Release()
		return fmt.Errorf("indexer: lock: %w", err)
	}
	if !ok {
		conn.Release()
		return ErrLocked
	}
	s.lock = conn
	return nil
}

// Init records which deployment the database mirrors (first run) or checks that it is the same one, and
// returns the cursor.
func (s *Store) Init(ctx context.Context, dep *deployment.Deployment) (State, error) {
	contracts := map[string]string{}
	for _, n := range dep.All() {
		contracts[n.Name] = strings.ToLower(n.Address.Hex())
	}
	want, err := json.Marshal(contracts)
	if err != nil {
		return State{}, err
	}
	start := dep.StartBlock()
	if start == 0 {
		return State{}, fmt.Errorf("indexer: the deployment starts at block 0 (genesis holds no creation transactions)")
	}
	startMinus1 := int64(start) - 1
	_, err = s.pool.Exec(ctx, `INSERT INTO indexer_state (chain_id, contracts, start_block, block_number)
		VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`, int64(dep.ChainID), string(want), int64(start), startMinus1)
	if err != nil {
		return State{}, fmt.Errorf("indexer: init state: %w", err)
	}
	var (
		chainID   int64
		got       map[string]string
		st        State
		startBlk  int64
		block     int64
		blockHash []byte
	)
	err = s.pool.QueryRow(ctx, `SELECT chain_id, contracts, start_block, block_number, block_hash FROM indexer_state`).
		Scan(&chainID, &got, &startBlk, &block, &blockHash)
	if err != nil {
		return State{}, fmt.Errorf("indexer: read state: %w", err)
	}
	if uint64(chainID) != dep.ChainID || !sameContracts(got, contracts) {
		return State{}, fmt.Errorf("%w: chain %d %v, not chain %d %v", ErrOtherDeployment, chainID, got, dep.ChainID, contracts)
	}
	st = State{ChainID: uint64(chainID), StartBlock: uint64(startBlk), Block: uint64(block)}
	st.Hash = common.BytesToHash(blockHash)
	return st, nil
}

func sameContracts(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// blockRef is a block hash the indexer has seen (parent known only for headers).
type blockRef struct {
	number uint64
	hash   common.Hash
	parent *common.Hash
}

// Batch is everything one transaction writes: the events of blocks From..To and the cursor at To.
type Batch struct {
	From, To uint64
	Hash     common.Hash // of block To
	rows     map[*catalog.Event][][]any
	unknown  [][]any
	blocks   []blockRef
	Events   int
	progress *Progress // stored with the cursor when set
}

func newBatch(from, to uint64) *Batch {
	return &Batch{From: from, To: to, rows: map[*catalog.Event][][]any{}}
}

// Write commits b in one transaction: rows, projections, block hashes and the cursor. It fails with
// errCursorMoved (writing nothing) unless the stored cursor is b.From-1.
func (s *Store) Write(ctx context.Context, b *Batch) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("indexer: begin: %w", err)
	}
	defer tx.Rollback(context.Background()) //nolint:errcheck // after Commit this is a no-op

	var cursor int64
	if err := tx.QueryRow(ctx, `SELECT block_number FROM indexer_state FOR UPDATE`).Scan(&cursor); err != nil {
		return fmt.Errorf("indexer: cursor: %w", err)
	}
	if cursor != int64(b.From)-1 {
		return fmt.Errorf("%w: at %d, batch starts at %d", errCursorMoved, cursor, b.From)
	}
	batch := &pgx.Batch{}
	for _, e := range s.cat.Events {
		rows := b.rows[e]
		if len(rows) == 0 {
			continue
		}
		batch.Queue(insertUnnest(e, rows[0]), columns(rows)...)
	}
	for _, r := range b.unknown {
		batch.Queue(`INSERT INTO unknown_logs (block_number, block_hash, tx_hash, log_index, address, topics, data)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, r...)
	}
	present := make(map[string]bool, len(b.rows))
	for e, rows := range b.rows {
		if len(rows) > 0 {
			present[e.Table] = true
		}
	}
	queueIncremental(batch, present, b.From, b.To)
	if s.auditChain != 0 {
		if err := s.queueAudit(batch, b); err != nil {
			return fmt.Errorf("indexer: audit entries of blocks %d-%d: %w", b.From, b.To, err)
		}
	}
	s.queueBlocks(batch, b.blocks, b.To)
	if p := b.progress; p != nil {
		batch.Queue(`UPDATE indexer_state SET block_number = $1, block_hash = $2, updated_at = now(), head_block = $3,
				target_block = $4, events_per_second = $5, blocks_per_second = $6`,
			int64(b.To), b.Hash.Bytes(), int64(p.Head), int64(p.Target), p.EventsPerSec, p.BlocksPerSec)
	} else {
		batch.Queue(`UPDATE indexer_state SET block_number = $1, block_hash = $2, updated_at = now()`,
			int64(b.To), b.Hash.Bytes())
	}
	batch.Queue(`SELECT pg_notify('`+NotifyChannel+`', $1)`, fmt.Sprint(b.To))
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return fmt.Errorf("indexer: write blocks %d-%d: %w", b.From, b.To, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("indexer: commit blocks %d-%d: %w", b.From, b.To, err)
	}
	return nil
}

func (s *Store) queueBlocks(batch *pgx.Batch, blocks []blockRef, to uint64) {
	if len(blocks) > 0 {
		nums := make([]int64, len(blocks))
		hashes := make([][]byte, len(blocks))
		parents := make([][]byte, len(blocks))
		for i, bl := range blocks {
			nums[i], hashes[i] = int64(bl.number), bl.hash.Bytes()
			if bl.parent != nil {
				parents[i] = bl.parent.Bytes()
			}
		}
		batch.Queue(`INSERT INTO indexer_blocks AS b (block_number, block_hash, parent_hash)
			SELECT * FROM unnest($1::bigint[], $2::bytea[], $3::bytea[])
			ON CONFLICT (block_number) DO UPDATE SET block_hash = EXCLUDED.block_hash,
				parent_hash = COALESCE(EXCLUDED.parent_hash, b.parent_hash)`, nums, hashes, parents)
	}
	if to > s.KeepBlocks {
		batch.Queue(`DELETE FROM indexer_blocks WHERE block_number < $1`, int64(to-s.KeepBlocks))
	}
}

// storedBlocks returns stored block hashes at or below n, newest first.
func (s *Store) storedBlocks(ctx context.Context, n uint64, limit int) ([]blockRef, error) {
	rows, err := s.pool.Query(ctx, `SELECT block_number, block_hash FROM indexer_blocks WHERE block_number <= $1
		ORDER BY block_number DESC LIMIT $2`, int64(n), limit)
	if err != nil {
		return nil, fmt.Errorf("indexer: stored blocks: %w", err)
	}
	defer rows.Close()
	var out []blockRef
	for rows.Next() {
		var num int64
		var h []byte
		if err := rows.Scan(&num, &h); err != nil {
			return nil, err
		}
		out = append(out, blockRef{number: uint64(num), hash: common.BytesToHash(h)})
	}
	return out, rows.Err()
}

// Rollback deletes every event above block ancestor, recomputes the projections they touched and moves
// the cursor to ancestor (whose hash is ancestorHash), in one transaction. It returns the events deleted.
func (s *Store) Rollback(ctx context.Context, ancestor uint64, ancestorHash common.Hash) (int64, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return 0, fmt.Errorf("indexer: begin rollback: %w", err)
	}
	defer tx.Rollback(context.Background()) //nolint:errcheck

	if _, err := tx.Exec(ctx, `SELECT 1 FROM indexer_state FOR UPDATE`); err != nil {
		return 0, err
	}
	touched, err := s.collectKeys(ctx, tx, int64(ancestor))
	if err != nil {
		return 0, err
	}
	var deleted int64
	for _, e := range s.cat.Events {
		tag, err := tx.Exec(ctx, fmt.Sprintf(`DELETE FROM %s WHERE block_number > $1`, e.Table), int64(ancestor))
		if err != nil {
			return 0, fmt.Errorf("indexer: rollback %s: %w", e.Table, err)
		}
		deleted += tag.RowsAffected()
	}
	batch := &pgx.Batch{}
	if s.auditChain != 0 && deleted > 0 {
		// The log keeps what was seen; this entry says it was undone.
		if err := audit.Queue(batch, auditSource(s.auditChain), audit.Entry{Action: "chain.reorg", Outcome: "rolled_back",
			Inputs: map[string]string{"ancestor": strconv.FormatUint(ancestor, 10), "ancestorHash": strings.ToLower(ancestorHash.Hex()),
				"eventsRemoved": strconv.FormatInt(deleted, 10)}}); err != nil {
			return 0, err
		}
	}
	batch.Queue(`DELETE FROM unknown_logs WHERE block_number > $1`, int64(ancestor))
	batch.Queue(`DELETE FROM indexer_blocks WHERE block_number > $1`, int64(ancestor))
	touched.queue(batch, true)
	batch.Queue(`UPDATE indexer_state SET block_number = $1, block_hash = $2, updated_at = now()`,
		int64(ancestor), ancestorHash.Bytes())
	batch.Queue(`SELECT pg_notify('`+NotifyChannel+`', $1)`, fmt.Sprint(ancestor))
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return 0, fmt.Errorf("indexer: rollback to %d: %w", ancestor, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, fmt.Errorf("indexer: commit rollback to %d: %w", ancestor, err)
	}
	return deleted, nil
}

// collectKeys returns the projection keys of every event above block.
func (s *Store) collectKeys(ctx context.Context, tx pgx.Tx, above int64) (Touched, error) {
	touched := newTouched()
	for _, e := range s.cat.Events {
		for _, ks := range s.specs[e.Table] {
			if err := collectSpec(ctx, tx, e, ks, above, touched); err != nil {
				return touched, err
			}
		}
	}
	return touched, nil
}

// collectSpec adds the keys ks of e's rows above block to touched.
func collectSpec(ctx context.Context, tx pgx.Tx, e *catalog.Event, ks keySpec, above int64, touched Touched) error {
	sel := make([]string, len(ks.cols))
	for i, c := range ks.cols {
		sel[i] = c // addresses and hashes stay bytes
		if t := columnType(e, c); t != "address" && t != "hash32" {
			sel[i] = c + "::text"
		}
	}
	rows, err := tx.Query(ctx, fmt.Sprintf(`SELECT DISTINCT %s FROM %s WHERE block_number > $1`,
		strings.Join(sel, ", "), e.Table), above)
	if err != nil {
		return fmt.Errorf("indexer: keys of %s: %w", e.Table, err)
	}
	defer rows.Close()
	for rows.Next() {
		key, err := rows.Values()
		if err != nil {
			return err
		}
		touched.add(ks.kind, key)
	}
	return rows.Err()
}

// RebuildProjections recomputes every projection row from all stored events, in one transaction (the same
// statements a rollback uses). Indexing keeps the projections current incrementally, so this changes
// nothing unless they were damaged; tests use it to check the incremental path against the recomputation.
func (s *Store) RebuildProjections(ctx context.Context) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("indexer: begin rebuild: %w", err)
	}
	defer tx.Rollback(context.Background()) //nolint:errcheck
	if _, err := tx.Exec(ctx, `SELECT 1 FROM indexer_state FOR UPDATE`); err != nil {
		return err
	}
	touched, err := s.collectKeys(ctx, tx, -1)
	if err != nil {
		return err
	}
	batch := &pgx.Batch{}
	touched.queue(batch, true)
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return fmt.Errorf("indexer: rebuild projections: %w", err)
	}
	return tx.Commit(ctx)
}

// columnType returns the SQL type of e's argument column name.
func columnType(e *catalog.Event, name string) string {
	for _, a := range e.Args {
		if a.Name == name {
			return a.SQLType
		}
	}
	return ""
}
