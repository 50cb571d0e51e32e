package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/agoralabs/agora/reputation"
)

// scorerLock is the advisory lock key that lets one gateway copy at a time recompute reputation.
const scorerLock = 0x61676f72615f7270 // "agora_rp"

// scoreBatch is how many agents one loading pass reads together.
const scoreBatch = 500

// kickScorer asks the scorer for an incremental pass (agents whose inputs changed since the last one).
func (s *Server) kickScorer() {
	select {
	case s.scoreKick <- struct{}{}:
	default:
	}
}

// scoreLoop keeps agent_scores current: after each indexer notification it rescores the agents whose
// feedback, validations or jobs changed in the new blocks, and every ScoreInterval it rescores every agent
// (recency decay moves scores as time passes). At start it reuses the stored reports: when every agent has
// one computed within ScoreInterval, the first pass rescores only the agents without one and those changed
// after the oldest report; otherwise it rescores every agent. Reputation is warm once that first pass is
// done, or once every document in the catalog has a score (another gateway copy may hold the lock).
func (s *Server) scoreLoop(ctx context.Context) {
	last, all, missing := s.storedScores(ctx)
	full := time.NewTicker(s.cfg.ScoreInterval)
	defer full.Stop()
	for {
		covered, ran, err := s.scorePass(ctx, last, all, missing)
		if err != nil && ctx.Err() == nil {
			s.log.Warn("reputation pass failed", "err", err)
		} else if err == nil {
			last = covered
			if ran {
				all, missing = false, false
				s.repWarm.Store(true)
			}
		}
		var retry <-chan time.Time
		if err != nil && !s.repWarm.Load() {
			retry = time.After(5 * time.Second) // warming: do not wait for the next block
		}
		select {
		case <-ctx.Done():
			return
		case <-s.scoreKick:
		case <-retry:
		case <-full.C:
			all = true
		}
	}
}

// storedScores says where the stored reports leave off: the block after which agents changed since the
// oldest report, and that agents without a report must be scored too; or all (rescore every agent) when
// there are none or the oldest is older than ScoreInterval.
func (s *Server) storedScores(ctx context.Context) (since int64, all, missing bool) {
	var n int64
	var oldest *time.Time
	err := s.pool.QueryRow(ctx, `SELECT count(*), COALESCE(min(block_number), -1), min(as_of) FROM agent_scores`).
		Scan(&n, &since, &oldest)
	if err != nil || n == 0 || oldest == nil || time.Since(*oldest) > s.cfg.ScoreInterval {
		return -1, true, false
	}
	return since, false, true
}

// scorePass rescores every agent (all), or those touched after block since and, with missing, those
// without a report, and returns the indexed block it covered and whether it ran: other gateway copies skip
// the pass while one holds the lock.
func (s *Server) scorePass(ctx context.Context, since int64, all, missing bool) (int64, bool, error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return since, false, err
	}
	defer conn.Release()
	var locked bool
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1)`, int64(scorerLock)).Scan(&locked); err != nil {
		return since, false, err
	}
	if !locked {
		return since, false, nil
	}
	defer func() {
		uctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
		defer cancel()
		_, _ = conn.Exec(uctx, `SELECT pg_advisory_unlock($1)`, int64(scorerLock))
	}()

	var head int64
	if err := conn.QueryRow(ctx, `SELECT COALESCE((SELECT block_number FROM indexer_state), -1)`).Scan(&head); err != nil {
		return since, false, err
	}
	var ids []string
	if all {
		err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			rows, err := tx.Query(ctx, `SELECT agent_id::text FROM agents ORDER BY agent_id`)
			if err != nil {
				return err
			}
			ids, err = pgx.CollectRows(rows, pgx.RowTo[string])
			return err
		})
	} else {
		rows, qerr := conn.Query(ctx, `
			SELECT agent_id::text FROM feedback WHERE block_number > $1 OR revoked_block > $1
			UNION SELECT agent_id::text FROM validations WHERE requested_block > $1 OR responded_block > $1
			UNION SELECT provider_agent_id::text FROM escrow_jobs WHERE status_block > $1 AND provider_agent_id IS NOT NULL
			UNION SELECT a.agent_id::text FROM escrow_jobs j JOIN agents a ON a.agent_wallet = j.provider
				WHERE j.status_block > $1 AND j.provider_agent_id IS NULL
			UNION SELECT agent_id::text FROM agents WHERE updated_block > $1
			UNION SELECT a.agent_id::text FROM agents a
				WHERE $2 AND NOT EXISTS (SELECT 1 FROM agent_scores s WHERE s.agent_id = a.agent_id)`, since, missing)
		if qerr != nil {
			return since, false, qerr
		}
		ids, err = pgx.CollectRows(rows, pgx.RowTo[string])
	}
	if err != nil {
		return since, false, err
	}
	asOf := time.Now().UTC().Truncate(time.Second)
	for start := 0; start < len(ids); start += scoreBatch {
		batch := ids[start:min(start+scoreBatch, len(ids))]
		if err := s.scoreAgents(ctx, conn.Conn(), batch, asOf); err != nil {
			return since, false, err
		}
	}
	return head, true, nil
}

// scoreAgents loads the inputs of ids from one snapshot, scores them and stores the reports.
func (s *Server) scoreAgents(ctx context.Context, conn *pgx.Conn, ids []string, asOf time.Time) error {
	var inputs map[string]*reputation.Inputs
	var block int64
	err := pgx.BeginTxFunc(ctx, conn, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `SELECT COALESCE((SELECT block_number FROM indexer_state), -1)`).Scan(&block); err != nil {
			return err
		}
		var err error
		inputs, err = loadInputs(ctx, tx, ids, asOf)
		return err
	})
	if err != nil {
		return fmt.Errorf("reputation inputs: %w", err)
	}
	var (
		rowIDs  []string
		scores  []float64
		confs   []float64
		flags   []string // JSON arrays, one per agent
		reports []string
	)
	for _, id := range ids {
		in, ok := inputs[id]
		if !ok {
			continue // vanished in a reorg since the id was listed
		}
		r := reputation.Score(*in, reputation.DefaultParams())
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		codes := make([]string, 0, len(r.Flags))
		for _, f := range r.Flags {
			codes = append(codes, f.Code)
		}
		fb, _ := json.Marshal(codes)
		rowIDs, scores, confs = append(rowIDs, id), append(scores, r.Score), append(confs, r.Confidence)
		flags, reports = append(flags, string(fb)), append(reports, string(b))
	}
	if len(rowIDs) == 0 {
		return nil
	}
	rows, err := conn.Query(ctx, `INSERT INTO agent_scores AS s (agent_id, score, confidence, flags, report, as_of, block_number)
		SELECT x.agent_id::numeric, x.score, x.confidence, ARRAY(SELECT jsonb_array_elements_text(x.flags::jsonb)),
			x.report::jsonb, $6, $7
		FROM unnest($1::text[], $2::float8[], $3::float8[], $4::text[], $5::text[]) AS x(agent_id, score, confidence, flags, report)
		JOIN agents a ON a.agent_id = x.agent_id::numeric
		ON CONFLICT (agent_id) DO UPDATE SET score = EXCLUDED.score, confidence = EXCLUDED.confidence,
			flags = EXCLUDED.flags, report = EXCLUDED.report, as_of = EXCLUDED.as_of, block_number = EXCLUDED.block_number
		RETURNING agent_id::text, score::float8`,
		rowIDs, scores, confs, flags, reports, asOf, block)
	if err != nil {
		return fmt.Errorf("store reputation: %w", err)
	}
	stored := map[string]float64{} // as stored (two decimals), as the other gateway copies will read them
	for rows.Next() {
		var id string
		var score float64
		if err = rows.Scan(&id, &score); err != nil {
			break
		}
		stored[id] = score
	}
	rows.Close()
	if err == nil {
		err = rows.Err()
	}
	if err != nil {
		return fmt.Errorf("store reputation: %w", err)
	}
	s.metrics.scored.Add(float64(len(stored)))
	s.catalog.setScores(stored)
	_, err = conn.Exec(ctx, `SELECT pg_notify($1, $2)`, channelScores, idsPayload(s.instance, rowIDs))
	return err
}

// loadInputs reads the reputation inputs of ids (reputation.Inputs documents each field).
func loadInputs(ctx context.Context, tx pgx.Tx, ids []string, asOf time.Time) (map[string]*reputation.Inputs, error) {
	out := map[string]*reputation.Inputs{}
	rows, err := tx.Query(ctx, `SELECT agent_id::text, owner, COALESCE(agent_wallet, ''::bytea) FROM agents
		WHERE agent_id = ANY($1::text[]::numeric[])`, ids)
	if err != nil {
		return nil, err
	}
	var controllers [][]byte // owners and wallets of the batch's agents
	for rows.Next() {
		var id string
		var owner, wallet []byte
		if err := rows.Scan(&id, &owner, &wallet); err != nil {
			rows.Close()
			return nil, err
		}
		in := &reputation.Inputs{AgentID: id, Owner: common.BytesToAddress(owner), AsOf: asOf,
			Reviewers: map[common.Address]reputation.Reviewer{}}
		controllers = append(controllers, owner)
		if len(wallet) == 20 {
			in.Wallet = common.BytesToAddress(wallet)
			controllers = append(controllers, wallet)
		}
		out[id] = in
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	// Feedback, with what the client paid this agent through settled escrow jobs.
	rows, err = tx.Query(ctx, `SELECT f.agent_id::text, f.client_address, f.feedback_index::text, f.value::text,
			f.value_decimals, f.tag1, f.tag2, f.block_time, f.block_number, f.is_revoked,
			COALESCE(pj.n, 0), COALESCE(pj.amount, 0)::text
		FROM feedback f
		JOIN agents a ON a.agent_id = f.agent_id
		LEFT JOIN LATERAL (
			SELECT count(*) AS n, sum(j.paid_to_provider) AS amount FROM escrow_jobs j
			WHERE j.client = f.client_address AND j.paid_to_provider > 0
			  AND (j.provider_agent_id = f.agent_id OR (j.provider_agent_id IS NULL AND j.provider = a.agent_wallet))
		) pj ON true
		WHERE f.agent_id = ANY($1::text[]::numeric[])`, ids)
	if err != nil {
		return nil, err
	}
	clients := map[common.Address]bool{}
	for rows.Next() {
		var (
			id, index, value, amount string
			client                   []byte
			f                        reputation.Feedback
			decimals                 int32
			block                    int64
		)
		if err := rows.Scan(&id, &client, &index, &value, &decimals, &f.Tag1, &f.Tag2, &f.Time, &block, &f.Revoked,
			&f.PaidJobs, &amount); err != nil {
			rows.Close()
			return nil, err
		}
		f.Client = common.BytesToAddress(client)
		f.Index, _ = strconv.ParseUint(index, 10, 64)
		f.Value, _ = new(big.Int).SetString(value, 10)
		f.PaidAmount, _ = new(big.Int).SetString(amount, 10)
		f.Decimals, f.Block, f.Time = uint8(decimals), uint64(block), f.Time.UTC()
		out[id].Feedback = append(out[id].Feedback, f)
		clients[f.Client] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	rows, err = tx.Query(ctx, `SELECT agent_id::text, validator_address, response, COALESCE(tag, ''), requested_at, responded_at
		FROM validations WHERE agent_id = ANY($1::text[]::numeric[])`, ids)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id string
		var validator []byte
		var response *int32
		var v reputation.Validation
		if err := rows.Scan(&id, &validator, &response, &v.Tag, &v.RequestedAt, &v.RespondedAt); err != nil {
			rows.Close()
			return nil, err
		}
		v.Validator = common.BytesToAddress(validator)
		if response != nil {
			r := uint8(*response)
			v.Response = &r
		}
		out[id].Validations = append(out[id].Validations, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	// Jobs where the agent is the provider: agreement jobs name it, plain jobs pay its wallet.
	rows, err = tx.Query(ctx, `SELECT a.agent_id::text, j.status, j.refunded > 0, j.disputed_at IS NOT NULL, j.token,
			j.paid_to_provider::text
		FROM agents a JOIN escrow_jobs j ON j.provider_agent_id = a.agent_id
		WHERE a.agent_id = ANY($1::text[]::numeric[])
		UNION ALL
		SELECT a.agent_id::text, j.status, j.refunded > 0, j.disputed_at IS NOT NULL, j.token, j.paid_to_provider::text
		FROM agents a JOIN escrow_jobs j ON j.provider = a.agent_wallet AND j.provider_agent_id IS NULL
		WHERE a.agent_id = ANY($1::text[]::numeric[])`, ids)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, status, paid string
		var refunded, disputed bool
		var token []byte
		if err := rows.Scan(&id, &status, &refunded, &disputed, &token, &paid); err != nil {
			rows.Close()
			return nil, err
		}
		j := &out[id].Jobs
		j.Total++
		switch status {
		case "completed":
			j.Completed++
		case "rejected":
			j.Rejected++
		case "expired":
			j.Expired++
		case "resolved":
			j.Resolved++
		case "disputed":
		default:
			j.Open++
		}
		if disputed || status == "disputed" {
			j.Disputed++
		}
		if refunded {
			j.Refunded++
		}
		if p, _ := new(big.Int).SetString(paid, 10); p != nil && p.Sign() > 0 {
			if j.VolumeByToken == nil {
				j.VolumeByToken = map[common.Address]*big.Int{}
			}
			t := common.BytesToAddress(token)
			if j.VolumeByToken[t] == nil {
				j.VolumeByToken[t] = new(big.Int)
			}
			j.VolumeByToken[t].Add(j.VolumeByToken[t], p)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(clients) == 0 {
		return out, nil
	}

	// Reviewer standing: history across all agents.
	addrs := make([][]byte, 0, len(clients))
	for a := range clients {
		addrs = append(addrs, a.Bytes())
	}
	rows, err = tx.Query(ctx, `SELECT r.addr,
			LEAST((SELECT min(block_time) FROM feedback WHERE client_address = r.addr),
			      (SELECT min(created_at) FROM escrow_jobs WHERE client = r.addr),
			      (SELECT min(registered_at) FROM agents WHERE owner = r.addr)),
			(SELECT count(*) FROM feedback WHERE client_address = r.addr),
			(SELECT count(DISTINCT agent_id) FROM feedback WHERE client_address = r.addr),
			(SELECT count(*) FROM escrow_jobs WHERE client = r.addr AND paid_to_provider > 0),
			ARRAY(SELECT agent_id::text FROM agents WHERE owner = r.addr OR agent_wallet = r.addr ORDER BY agent_id),
			ARRAY(SELECT DISTINCT owner FROM agents WHERE owner = r.addr OR agent_wallet = r.addr ORDER BY owner)
		FROM unnest($1::bytea[]) AS r(addr)`, addrs)
	if err != nil {
		return nil, err
	}
	reviewers := map[common.Address]reputation.Reviewer{}
	for rows.Next() {
		var addr []byte
		var first *time.Time
		var given, agents, settled int64
		var controls []string
		var owners [][]byte
		if err := rows.Scan(&addr, &first, &given, &agents, &settled, &controls, &owners); err != nil {
			rows.Close()
			return nil, err
		}
		r := reputation.Reviewer{Address: common.BytesToAddress(addr), FeedbackGiven: int(given),
			AgentsReviewed: int(agents), SettledJobsAsClient: int(settled), ControlsAgents: controls}
		if first != nil {
			r.FirstSeen = first.UTC()
		}
		for _, o := range owners {
			r.ControlledOwners = append(r.ControlledOwners, common.BytesToAddress(o))
		}
		reviewers[r.Address] = r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	// Reciprocity: which agents each batch agent's owner or wallet has reviewed.
	rows, err = tx.Query(ctx, `SELECT client_address, array_agg(DISTINCT agent_id::text) FROM feedback
		WHERE client_address = ANY($1::bytea[]) GROUP BY client_address`, controllers)
	if err != nil {
		return nil, err
	}
	reviewedBy := map[common.Address][]string{}
	for rows.Next() {
		var addr []byte
		var agents []string
		if err := rows.Scan(&addr, &agents); err != nil {
			rows.Close()
			return nil, err
		}
		reviewedBy[common.BytesToAddress(addr)] = agents
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, in := range out {
		reviewed := append(slices.Clone(reviewedBy[in.Owner]), reviewedBy[in.Wallet]...)
		for _, f := range in.Feedback {
			r, ok := reviewers[f.Client]
			if !ok {
				continue
			}
			r.ReviewedByThisAgent = false
			for _, a := range r.ControlsAgents {
				if slices.Contains(reviewed, a) {
					r.ReviewedByThisAgent = true
					break
				}
			}
			in.Reviewers[f.Client] = r
		}
	}
	return out, nil
}

// getReputation serves the stored report, computing it first when the agent has none yet.
func (s *Server) getReputation(c *gin.Context) {
	id, p := s.agentParam(c)
	if p != nil {
		writeProblem(c, p)
		return
	}
	ctx := c.Request.Context()
	var report json.RawMessage
	err := s.cachedFresh(ctx, "reputation:"+id, &report, func(db *pgxpool.Pool) (any, error) {
		r, err := s.storedReport(ctx, db, id)
		if errors.Is(err, pgx.ErrNoRows) && db != s.pool {
			r, err = s.storedReport(ctx, s.pool, id) // the replica may not have it yet
		}
		if errors.Is(err, pgx.ErrNoRows) {
			conn, cerr := s.pool.Acquire(ctx)
			if cerr != nil {
				return nil, fmt.Errorf("reputation of %s: %w: %w", id, errUnavailable, cerr)
			}
			err = s.scoreAgents(ctx, conn.Conn(), []string{id}, time.Now().UTC().Truncate(time.Second))
			conn.Release()
			if err != nil {
				return nil, err
			}
			r, err = s.storedReport(ctx, s.pool, id)
		}
		if errors.Is(err, pgx.ErrNoRows) {
			return nil, notFound(id)
		}
		if err != nil {
			return nil, fmt.Errorf("reputation of %s: %w: %w", id, errUnavailable, err)
		}
		return r, nil
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Data(http.StatusOK, jsonContentTypeHeader, append(report, '\n'))
}

func (s *Server) storedReport(ctx context.Context, db *pgxpool.Pool, id string) (json.RawMessage, error) {
	var r []byte
	err := db.QueryRow(ctx, `SELECT jsonb_set(report, '{blockNumber}', to_jsonb(block_number)) FROM agent_scores
		WHERE agent_id = $1::text::numeric`, id).Scan(&r)
	return r, err
}
