package indexer

import "github.com/jackc/pgx/v5"

// Forward indexing applies each batch's events to the projections incrementally, set-based over the
// batch's block range ($1..$2): the event rows of those blocks are exactly the batch's, so every statement
// is a range scan of the primary key. A statement runs only when the batch holds rows of the tables it
// reads. Rollbacks instead recompute the affected keys from all their events (projections.go); the reorg
// tests compare the two paths row for row against a fresh index. The governance projections (governance.go)
// take part as steps that recompute the keys of the batch's rows with the rollback's own upserts.

// step is one incremental statement and the event tables whose rows it applies.
type incrStep struct {
	sql    string
	tables []string
}

// between is the batch-range predicate for an event table alias.
const between = `block_number BETWEEN $1 AND $2`

var incrSteps = []incrStep{
	// ---------------------------------------------------------------- agents
	// One statement per batch: new agents are inserted with their final state in the range, existing ones
	// updated once, and the registration file of every agent whose URI was set is queued.
	{tables: []string{"identity_registered", "identity_transfer", "identity_uri_updated", "identity_metadata_set"}, sql: `
WITH reg AS (
    SELECT agent_id, agent_uri, agent_uri_raw, owner, block_number, block_time, tx_hash FROM identity_registered
    WHERE ` + between + `),
xfer AS (
    SELECT DISTINCT ON (token_id) token_id AS agent_id, to_address FROM identity_transfer WHERE ` + between + `
    ORDER BY token_id, block_number DESC, log_index DESC),
uri AS (
    SELECT DISTINCT ON (agent_id) agent_id, new_uri, new_uri_raw FROM identity_uri_updated WHERE ` + between + `
    ORDER BY agent_id, block_number DESC, log_index DESC),
wal AS (
    SELECT DISTINCT ON (agent_id) agent_id, metadata_value FROM identity_metadata_set
    WHERE ` + between + ` AND indexed_metadata_key = '\x2ac6109326e720d1435c0db66f7e35eda7839f52b6f1f5520a60788e132b4e39'
    ORDER BY agent_id, block_number DESC, log_index DESC),
last AS (
    SELECT DISTINCT ON (agent_id) agent_id, block_number, block_time FROM (
        SELECT agent_id, block_number, log_index, block_time FROM identity_registered WHERE ` + between + `
        UNION ALL SELECT agent_id, block_number, log_index, block_time FROM identity_uri_updated WHERE ` + between + `
        UNION ALL SELECT agent_id, block_number, log_index, block_time FROM identity_metadata_set WHERE ` + between + `
        UNION ALL SELECT token_id, block_number, log_index, block_time FROM identity_transfer WHERE ` + between + `
    ) x ORDER BY agent_id, block_number DESC, log_index DESC),
ins AS (
    INSERT INTO agents (agent_id, owner, agent_uri, agent_uri_raw, agent_wallet, registered_by, registered_block,
        registered_at, registered_tx, updated_block, updated_at)
    SELECT r.agent_id, COALESCE(x.to_address, r.owner),
        CASE WHEN u.agent_id IS NULL THEN r.agent_uri ELSE u.new_uri END,
        CASE WHEN u.agent_id IS NULL THEN r.agent_uri_raw ELSE u.new_uri_raw END,
        CASE WHEN octet_length(w.metadata_value) = 20 THEN w.metadata_value::address END,
        r.owner, r.block_number, r.block_time, r.tx_hash, l.block_number, l.block_time
    FROM reg r JOIN last l USING (agent_id) LEFT JOIN xfer x USING (agent_id) LEFT JOIN uri u USING (agent_id)
    LEFT JOIN wal w USING (agent_id)
    RETURNING agent_id, agent_uri),
upd AS (
    UPDATE agents a SET owner = COALESCE(x.to_address, a.owner),
        agent_uri = CASE WHEN u.agent_id IS NULL THEN a.agent_uri ELSE u.new_uri END,
        agent_uri_raw = CASE WHEN u.agent_id IS NULL THEN a.agent_uri_raw ELSE u.new_uri_raw END,
        agent_wallet = CASE WHEN w.agent_id IS NULL THEN a.agent_wallet
            WHEN octet_length(w.metadata_value) = 20 THEN w.metadata_value::address END,
        updated_block = l.block_number, updated_at = l.block_time
    FROM last l LEFT JOIN xfer x USING (agent_id) LEFT JOIN uri u USING (agent_id) LEFT JOIN wal w USING (agent_id)
    WHERE a.agent_id = l.agent_id AND NOT EXISTS (SELECT 1 FROM reg WHERE reg.agent_id = l.agent_id)
    RETURNING a.agent_id, a.agent_uri, u.agent_id IS NOT NULL AS uri_set)
INSERT INTO registration_files AS f (agent_id, agent_uri, status, next_attempt_at)
SELECT agent_id, agent_uri, 'pending', now() FROM ins
UNION ALL SELECT agent_id, agent_uri, 'pending', now() FROM upd WHERE uri_set
ON CONFLICT (agent_id) DO UPDATE SET ` + sqlRegistrationReset + `
WHERE f.agent_uri IS DISTINCT FROM EXCLUDED.agent_uri`},
	{tables: []string{"identity_metadata_set"}, sql: `
INSERT INTO agent_metadata AS m (agent_id, key_hash, metadata_key, metadata_key_raw, metadata_value, block_number, updated_at)
SELECT DISTINCT ON (agent_id, indexed_metadata_key)
    agent_id, indexed_metadata_key, metadata_key, metadata_key_raw, metadata_value, block_number, block_time
FROM identity_metadata_set WHERE ` + between + `
ORDER BY agent_id, indexed_metadata_key, block_number DESC, log_index DESC
ON CONFLICT (agent_id, key_hash) DO UPDATE SET metadata_key = EXCLUDED.metadata_key,
    metadata_key_raw = EXCLUDED.metadata_key_raw, metadata_value = EXCLUDED.metadata_value,
    block_number = EXCLUDED.block_number, updated_at = EXCLUDED.updated_at`},
	// A MetadataSet asks for the agent's registration file to be read again at once (its owner may have
	// changed the file behind the same URI): the row becomes due and a read already running is superseded.
	// Rows the statement above queued in this transaction (new agents, new URIs) are due now already.
	{tables: []string{"identity_metadata_set"}, sql: `
UPDATE registration_files f SET next_attempt_at = now(), generation = nextval('registration_files_generation')
WHERE f.agent_id IN (SELECT agent_id FROM identity_metadata_set WHERE ` + between + `)
  AND f.next_attempt_at IS DISTINCT FROM now()`},
	// ---------------------------------------------------------------- feedback
	{tables: []string{"reputation_new_feedback"}, sql: `
INSERT INTO feedback (agent_id, client_address, feedback_index, value, value_decimals, tag1, tag1_raw, tag2, tag2_raw,
    endpoint, endpoint_raw, feedback_uri, feedback_uri_raw, feedback_hash, is_revoked, revoked_block, response_count,
    block_number, block_time, tx_hash)
SELECT agent_id, client_address, feedback_index, value, value_decimals, tag1, tag1_raw, tag2, tag2_raw, endpoint,
    endpoint_raw, feedback_uri, feedback_uri_raw, feedback_hash, FALSE, NULL, 0, block_number, block_time, tx_hash
FROM reputation_new_feedback WHERE ` + between},
	{tables: []string{"reputation_feedback_revoked"}, sql: `
UPDATE feedback f SET is_revoked = TRUE, revoked_block = v.block_number FROM (
    SELECT DISTINCT ON (agent_id, client_address, feedback_index) agent_id, client_address, feedback_index, block_number
    FROM reputation_feedback_revoked WHERE ` + between + `
    ORDER BY agent_id, client_address, feedback_index, block_number, log_index) v
WHERE f.agent_id = v.agent_id AND f.client_address = v.client_address AND f.feedback_index = v.feedback_index
  AND NOT f.is_revoked`},
	{tables: []string{"reputation_response_appended"}, sql: `
UPDATE feedback f SET response_count = f.response_count + r.n FROM (
    SELECT agent_id, client_address, feedback_index, count(*) AS n FROM reputation_response_appended
    WHERE ` + between + ` GROUP BY agent_id, client_address, feedback_index) r
WHERE f.agent_id = r.agent_id AND f.client_address = r.client_address AND f.feedback_index = r.feedback_index`},

	// ---------------------------------------------------------------- validations
	{tables: []string{"validation_validation_request"}, sql: `
INSERT INTO validations AS v (request_hash, validator_address, agent_id, request_uri, request_uri_raw, requested_block,
    requested_at, request_tx, response_count)
SELECT DISTINCT ON (request_hash) request_hash, validator_address, agent_id, request_uri, request_uri_raw,
    block_number, block_time, tx_hash, 0
FROM validation_validation_request WHERE ` + between + `
ORDER BY request_hash, block_number DESC, log_index DESC
ON CONFLICT (request_hash) DO UPDATE SET validator_address = EXCLUDED.validator_address, agent_id = EXCLUDED.agent_id,
    request_uri = EXCLUDED.request_uri, request_uri_raw = EXCLUDED.request_uri_raw,
    requested_block = EXCLUDED.requested_block, requested_at = EXCLUDED.requested_at, request_tx = EXCLUDED.request_tx`},
	{tables: []string{"validation_validation_response"}, sql: `
UPDATE validations v SET response = s.response, response_uri = s.response_uri, response_uri_raw = s.response_uri_raw,
    response_hash = s.response_hash, tag = s.tag, tag_raw = s.tag_raw, responded_block = s.block_number,
    responded_at = s.block_time, response_count = v.response_count + s.n
FROM (SELECT DISTINCT ON (request_hash) *, count(*) OVER (PARTITION BY request_hash) AS n
      FROM validation_validation_response WHERE ` + between + `
      ORDER BY request_hash, block_number DESC, log_index DESC) s
WHERE v.request_hash = s.request_hash`},

	// ---------------------------------------------------------------- escrow jobs
	{tables: []string{"escrow_job_created"}, sql: `
INSERT INTO escrow_jobs (job_id, status, client, provider, evaluator, hook, token, expired_at, fee_bps, budget, funded,
    paid_to_provider, refunded, fee, held, agreement_hash, provider_agent_id, validator, validation_threshold,
    delivery_deadline, review_window, late_penalty_bps, created_block, created_at, created_tx, status_block, status_at)
SELECT c.job_id, 'open', c.client, c.provider, c.evaluator, c.hook, COALESCE(tk.token, ag.token), c.expired_at, 0,
    COALESCE(ag.price, 0), 0, 0, 0, 0, 0, ag.agreement_hash, ag.provider_agent_id, ag.validator,
    ag.validation_threshold, ag.delivery_deadline, ag.review_window, ag.late_penalty_bps,
    c.block_number, c.block_time, c.tx_hash, c.block_number, c.block_time
FROM escrow_job_created c
LEFT JOIN escrow_job_token_set tk ON tk.job_id = c.job_id
LEFT JOIN escrow_agreement_job_created ag ON ag.job_id = c.job_id
WHERE c.` + between},
	setLatest("escrow_provider_set", "provider", "provider = x.provider"),
	setLatest("escrow_budget_set", "amount", "budget = x.amount"),
	{tables: []string{"escrow_job_funded"}, sql: `
UPDATE escrow_jobs j SET funded = x.amount, fee_bps = COALESCE((
    SELECT f.fee_bps FROM escrow_fee_set f WHERE (f.block_number, f.log_index) < (x.block_number, x.log_index)
    ORDER BY f.block_number DESC, f.log_index DESC LIMIT 1), 0)
FROM (SELECT DISTINCT ON (job_id) job_id, amount, block_number, log_index FROM escrow_job_funded WHERE ` + between + `
      ORDER BY job_id, block_number DESC, log_index DESC) x WHERE j.job_id = x.job_id`},
	setLatest("escrow_job_submitted", "deliverable, block_time", "deliverable = x.deliverable, submitted_at = x.block_time"),
	setLatest("escrow_job_disputed", "block_time", "disputed_at = x.block_time"),
	setLatest("escrow_dispute_resolved", "provider_bps", "provider_bps = x.provider_bps"),
	addSum("escrow_payment_released", "amount", "paid_to_provider"),
	addSum("escrow_refunded", "amount", "refunded"),
	addSum("escrow_job_settled", "fee", "fee"),
	{tables: statusTables, sql: `
UPDATE escrow_jobs j SET status = s.status, status_block = s.block_number, status_at = s.block_time FROM (
    SELECT DISTINCT ON (job_id) job_id, status, block_number, block_time FROM (
        SELECT job_id, 'open' AS status, block_number, log_index, block_time FROM escrow_job_created WHERE ` + between + `
        UNION ALL SELECT job_id, 'funded', block_number, log_index, block_time FROM escrow_job_funded WHERE ` + between + `
        UNION ALL SELECT job_id, 'submitted', block_number, log_index, block_time FROM escrow_job_submitted WHERE ` + between + `
        UNION ALL SELECT job_id, 'completed', block_number, log_index, block_time FROM escrow_job_completed WHERE ` + between + `
        UNION ALL SELECT job_id, 'rejected', block_number, log_index, block_time FROM escrow_job_rejected WHERE ` + between + `
        UNION ALL SELECT job_id, 'expired', block_number, log_index, block_time FROM escrow_job_expired WHERE ` + between + `
        UNION ALL SELECT job_id, 'disputed', block_number, log_index, block_time FROM escrow_job_disputed WHERE ` + between + `
        UNION ALL SELECT job_id, 'resolved', block_number, log_index, block_time FROM escrow_dispute_resolved WHERE ` + between + `
    ) x ORDER BY job_id, block_number DESC, log_index DESC) s
WHERE j.job_id = s.job_id`},
	{tables: heldTables, sql: `
UPDATE escrow_jobs j SET held = j.funded - j.paid_to_provider - j.refunded - j.fee
WHERE j.job_id IN (` + heldTouched + `)`},
	{tables: heldTables, sql: `
INSERT INTO escrow_balances AS b (token, held, jobs_holding)
SELECT t.token, COALESCE(sum(j.held), 0), count(j.job_id)
FROM (SELECT DISTINCT token FROM escrow_jobs WHERE job_id IN (` + heldTouched + `)) t
LEFT JOIN escrow_jobs j ON j.token = t.token AND j.held > 0
GROUP BY t.token
ON CONFLICT (token) DO UPDATE SET held = EXCLUDED.held, jobs_holding = EXCLUDED.jobs_holding`},
}

// setLatest updates each job with a row of the batch in table from its newest such row: cols are the
// columns read (as x), set the assignments.
func setLatest(table, cols, set string) incrStep {
	return incrStep{tables: []string{table}, sql: `
UPDATE escrow_jobs j SET ` + set + ` FROM (
    SELECT DISTINCT ON (job_id) job_id, ` + cols + ` FROM ` + table + ` WHERE ` + between + `
    ORDER BY job_id, block_number DESC, log_index DESC) x WHERE j.job_id = x.job_id`}
}

// addSum adds the batch's sum of col in table, per job, to the job's column.
func addSum(table, col, column string) incrStep {
	return incrStep{tables: []string{table}, sql: `
UPDATE escrow_jobs j SET ` + column + ` = j.` + column + ` + x.amount FROM (
    SELECT job_id, sum(` + col + `) AS amount FROM ` + table + ` WHERE ` + between + ` GROUP BY job_id) x
WHERE j.job_id = x.job_id`}
}

// heldTables move money in or out of a job.
var heldTables = []string{"escrow_job_funded", "escrow_payment_released", "escrow_refunded", "escrow_job_settled"}

const heldTouched = `
    SELECT job_id FROM escrow_job_funded WHERE ` + between + `
    UNION SELECT job_id FROM escrow_payment_released WHERE ` + between + `
    UNION SELECT job_id FROM escrow_refunded WHERE ` + between + `
    UNION SELECT job_id FROM escrow_job_settled WHERE ` + between

var statusTables = []string{"escrow_job_created", "escrow_job_funded", "escrow_job_submitted", "escrow_job_completed",
	"escrow_job_rejected", "escrow_job_expired", "escrow_job_disputed", "escrow_dispute_resolved"}

// queueIncremental adds the statements that apply blocks from..to to the projections, given the event tables
// that have rows in the batch.
func queueIncremental(b *pgx.Batch, present map[string]bool, from, to uint64) {
	for _, steps := range [][]incrStep{incrSteps, govSteps} {
		for _, st := range steps {
			for _, t := range st.tables {
				if present[t] {
					b.Queue(st.sql, int64(from), int64(to))
					break
				}
			}
		}
	}
}
