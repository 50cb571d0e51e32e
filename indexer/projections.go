package indexer

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/agoralabs/agora/indexer/catalog"
)

// Projections are recomputed, per key, from every stored event of that key: the same statements serve new
// blocks, reorg rollbacks and a fresh re-index, so they cannot drift apart. Keys are collected from the rows a
// batch writes (or, on rollback, from the rows it deletes).

// Touched holds the projection keys a set of events affects.
type Touched struct {
	Agents      map[string]struct{}      // agent ids, decimal
	Feedback    map[feedbackKey]struct{} // (agent, client, index)
	Validations map[string]struct{}      // request hashes, raw bytes as string
	Jobs        map[string]struct{}      // job ids, decimal
	// Governance holds the keys of the governance projections (governance.go) by kind.
	Governance map[keyKind]map[govKey]struct{}
}

type feedbackKey struct {
	agent  string
	client string // 20 raw bytes
	index  string
}

func newTouched() Touched {
	return Touched{
		Agents: map[string]struct{}{}, Feedback: map[feedbackKey]struct{}{},
		Validations: map[string]struct{}{}, Jobs: map[string]struct{}{},
		Governance: map[keyKind]map[govKey]struct{}{},
	}
}

// keyKind says which projection an event table feeds and through which columns.
type keyKind int

const (
	keyAgent keyKind = iota + 1
	keyFeedback
	keyValidation
	keyJob
	keyMandate       // mandate id
	keyMandatePeriod // (mandate id, period index)
	keyMandateJob    // job id of a job funded under a mandate
	keyApproval      // (mandate id, agreement hash)
	keyFreeze        // (principal, agent id)
	keyGuardian      // principal
)

type keySpec struct {
	kind keyKind
	cols []string // key columns in the event table
}

// keySpecs maps event tables to the projection keys they touch (a table may feed several projections).
func keySpecs(cat *catalog.Catalog) map[string][]keySpec {
	specs := map[string][]keySpec{}
	for _, e := range cat.Events {
		var ks []keySpec
		switch {
		case e.Table == "identity_transfer":
			ks = []keySpec{{kind: keyAgent, cols: []string{"token_id"}}}
		case e.Table == "identity_registered" || e.Table == "identity_uri_updated" ||
			e.Table == "identity_metadata_set":
			ks = []keySpec{{kind: keyAgent, cols: []string{"agent_id"}}}
		case strings.HasPrefix(e.Table, "reputation_"):
			ks = []keySpec{{kind: keyFeedback, cols: []string{"agent_id", "client_address", "feedback_index"}}}
		case strings.HasPrefix(e.Table, "validation_"):
			ks = []keySpec{{kind: keyValidation, cols: []string{"request_hash"}}}
		case strings.HasPrefix(e.Table, "escrow_") && hasColumn(e, "job_id"):
			ks = []keySpec{{kind: keyJob, cols: []string{"job_id"}}}
		}
		ks = append(ks, governanceKeySpecs(e.Table)...)
		if len(ks) == 0 {
			continue
		}
		for _, k := range ks {
			for _, c := range k.cols {
				if !hasColumn(e, c) {
					panic(fmt.Sprintf("indexer: %s has no column %s", e.Table, c)) // the catalog test pins these
				}
			}
		}
		specs[e.Table] = ks
	}
	return specs
}

func hasColumn(e *catalog.Event, name string) bool { return slices.Contains(e.Columns(), name) }

// add records one key, its values in ks.cols order: numbers as decimal text, addresses and hashes as bytes.
func (t Touched) add(kind keyKind, key []any) {
	switch kind {
	case keyAgent:
		t.Agents[key[0].(string)] = struct{}{}
	case keyFeedback:
		t.Feedback[feedbackKey{agent: key[0].(string), client: string(key[1].([]byte)), index: key[2].(string)}] = struct{}{}
	case keyValidation:
		t.Validations[string(key[0].([]byte))] = struct{}{}
	case keyJob:
		t.Jobs[key[0].(string)] = struct{}{}
	default: // governance
		var k govKey
		for i, v := range key {
			if b, ok := v.([]byte); ok {
				k[i] = string(b)
			} else {
				k[i] = v.(string)
			}
		}
		if t.Governance[kind] == nil {
			t.Governance[kind] = map[govKey]struct{}{}
		}
		t.Governance[kind][k] = struct{}{}
	}
}

func sortedKeys(m map[string]struct{}) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func byteKeys(m map[string]struct{}) [][]byte {
	keys := sortedKeys(m)
	out := make([][]byte, len(keys))
	for i, k := range keys {
		out[i] = []byte(k)
	}
	return out
}

// queue adds the statements that recompute every projection row of t to b. agentWalletKey is
// keccak256("agentWallet"). fullBalances recomputes every token's balance (after a rollback, when jobs may
// have vanished) instead of only the touched jobs' tokens.
func (t Touched) queue(b *pgx.Batch, fullBalances bool) {
	if len(t.Agents) > 0 {
		ids := sortedKeys(t.Agents)
		b.Queue(sqlAgentsDelete, ids)
		b.Queue(sqlAgentsUpsert, ids, agentWalletKeyHash)
		b.Queue(sqlMetadataDelete, ids)
		b.Queue(sqlMetadataInsert, ids)
		b.Queue(sqlRegistrationQueue, ids)
	}
	if len(t.Feedback) > 0 {
		keys := make([]feedbackKey, 0, len(t.Feedback))
		for k := range t.Feedback {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			a, b := keys[i], keys[j]
			if a.agent != b.agent {
				return a.agent < b.agent
			}
			if a.client != b.client {
				return a.client < b.client
			}
			return a.index < b.index
		})
		agents, clients, indexes := make([]string, len(keys)), make([][]byte, len(keys)), make([]string, len(keys))
		for i, k := range keys {
			agents[i], clients[i], indexes[i] = k.agent, []byte(k.client), k.index
		}
		b.Queue(sqlFeedbackDelete, agents, clients, indexes)
		b.Queue(sqlFeedbackUpsert, agents, clients, indexes)
	}
	if len(t.Validations) > 0 {
		hashes := byteKeys(t.Validations)
		b.Queue(sqlValidationsDelete, hashes)
		b.Queue(sqlValidationsUpsert, hashes)
	}
	if len(t.Jobs) > 0 || fullBalances {
		ids := sortedKeys(t.Jobs)
		if len(ids) > 0 {
			b.Queue(sqlJobsDelete, ids)
			b.Queue(sqlJobsUpsert, ids)
		}
		if fullBalances {
			b.Queue(sqlBalancesDeleteAll)
			b.Queue(sqlBalancesAll)
		} else {
			b.Queue(sqlBalancesOf, ids)
		}
	}
	t.queueGovernance(b)
}

const sqlAgentsDelete = `
DELETE FROM agents a WHERE a.agent_id = ANY($1::text[]::numeric[])
  AND NOT EXISTS (SELECT 1 FROM identity_registered r WHERE r.agent_id = a.agent_id)`

const sqlAgentsUpsert = `
INSERT INTO agents AS a (agent_id, owner, agent_uri, agent_uri_raw, agent_wallet, registered_by, registered_block,
    registered_at, registered_tx, updated_block, updated_at)
SELECT r.agent_id, COALESCE(o.to_address, r.owner), u.uri, u.uri_raw,
    CASE WHEN octet_length(w.metadata_value) = 20 THEN w.metadata_value::address END,
    r.owner, r.block_number, r.block_time, r.tx_hash, l.block_number, l.block_time
FROM identity_registered r
LEFT JOIN LATERAL (
    SELECT t.to_address FROM identity_transfer t WHERE t.token_id = r.agent_id
    ORDER BY t.block_number DESC, t.log_index DESC LIMIT 1) o ON TRUE
CROSS JOIN LATERAL (
    SELECT x.uri, x.uri_raw FROM (
        SELECT agent_uri AS uri, agent_uri_raw AS uri_raw, block_number, log_index
        FROM identity_registered WHERE agent_id = r.agent_id
        UNION ALL
        SELECT new_uri, new_uri_raw, block_number, log_index FROM identity_uri_updated WHERE agent_id = r.agent_id
    ) x ORDER BY x.block_number DESC, x.log_index DESC LIMIT 1) u
LEFT JOIN LATERAL (
    SELECT m.metadata_value FROM identity_metadata_set m
    WHERE m.agent_id = r.agent_id AND m.indexed_metadata_key = $2
    ORDER BY m.block_number DESC, m.log_index DESC LIMIT 1) w ON TRUE
CROSS JOIN LATERAL (
    SELECT y.block_number, y.block_time FROM (
        SELECT block_number, log_index, block_time FROM identity_registered WHERE agent_id = r.agent_id
        UNION ALL SELECT block_number, log_index, block_time FROM identity_uri_updated WHERE agent_id = r.agent_id
        UNION ALL SELECT block_number, log_index, block_time FROM identity_metadata_set WHERE agent_id = r.agent_id
        UNION ALL SELECT block_number, log_index, block_time FROM identity_transfer WHERE token_id = r.agent_id
    ) y ORDER BY y.block_number DESC, y.log_index DESC LIMIT 1) l
WHERE r.agent_id = ANY($1::text[]::numeric[])
ON CONFLICT (agent_id) DO UPDATE SET
    owner = EXCLUDED.owner, agent_uri = EXCLUDED.agent_uri, agent_uri_raw = EXCLUDED.agent_uri_raw,
    agent_wallet = EXCLUDED.agent_wallet, registered_by = EXCLUDED.registered_by,
    registered_block = EXCLUDED.registered_block, registered_at = EXCLUDED.registered_at,
    registered_tx = EXCLUDED.registered_tx, updated_block = EXCLUDED.updated_block, updated_at = EXCLUDED.updated_at`

const sqlMetadataDelete = `DELETE FROM agent_metadata WHERE agent_id = ANY($1::text[]::numeric[])`

const sqlMetadataInsert = `
INSERT INTO agent_metadata (agent_id, key_hash, metadata_key, metadata_key_raw, metadata_value, block_number, updated_at)
SELECT DISTINCT ON (m.agent_id, m.indexed_metadata_key)
    m.agent_id, m.indexed_metadata_key, m.metadata_key, m.metadata_key_raw, m.metadata_value, m.block_number, m.block_time
FROM identity_metadata_set m
WHERE m.agent_id = ANY($1::text[]::numeric[]) AND EXISTS (SELECT 1 FROM agents a WHERE a.agent_id = m.agent_id)
ORDER BY m.agent_id, m.indexed_metadata_key, m.block_number DESC, m.log_index DESC`

// A registration file is (re)queued when its agent's URI changed; rows of vanished agents go by cascade.
// The outcome and the schedule of an unchanged URI stay: they describe the file, not the chain.
const sqlRegistrationQueue = `
INSERT INTO registration_files AS f (agent_id, agent_uri, status, next_attempt_at)
SELECT a.agent_id, a.agent_uri, 'pending', now() FROM agents a WHERE a.agent_id = ANY($1::text[]::numeric[])
ON CONFLICT (agent_id) DO UPDATE SET ` + sqlRegistrationReset + `
WHERE f.agent_uri IS DISTINCT FROM EXCLUDED.agent_uri`

// sqlRegistrationReset starts a registration_files row over for a new URI: no outcome, due now, and a new
// generation so that a read of the old URI still running is dropped.
const sqlRegistrationReset = `agent_uri = EXCLUDED.agent_uri, status = 'pending', raw = NULL, parsed = NULL,
    error_code = NULL, error_message = NULL, attempts = 0, queued_at = now(), fetched_at = NULL,
    next_attempt_at = now(), last_attempt_at = NULL, failures = 0, last_error_code = NULL,
    last_error_message = NULL, generation = nextval('registration_files_generation')`

const sqlFeedbackKeys = `
WITH k AS (SELECT * FROM unnest($1::text[]::numeric[], $2::bytea[], $3::text[]::numeric[])
    AS k(agent_id, client_address, feedback_index))`

const sqlFeedbackDelete = sqlFeedbackKeys + `
DELETE FROM feedback f USING k
WHERE f.agent_id = k.agent_id AND f.client_address = k.client_address AND f.feedback_index = k.feedback_index
  AND NOT EXISTS (SELECT 1 FROM reputation_new_feedback n WHERE n.agent_id = k.agent_id
      AND n.client_address = k.client_address AND n.feedback_index = k.feedback_index)`

const sqlFeedbackUpsert = sqlFeedbackKeys + `
INSERT INTO feedback AS f (agent_id, client_address, feedback_index, value, value_decimals, tag1, tag1_raw, tag2,
    tag2_raw, endpoint, endpoint_raw, feedback_uri, feedback_uri_raw, feedback_hash, is_revoked, revoked_block,
    response_count, block_number, block_time, tx_hash)
SELECT n.agent_id, n.client_address, n.feedback_index, n.value, n.value_decimals, n.tag1, n.tag1_raw, n.tag2,
    n.tag2_raw, n.endpoint, n.endpoint_raw, n.feedback_uri, n.feedback_uri_raw, n.feedback_hash,
    rv.block_number IS NOT NULL, rv.block_number,
    (SELECT count(*) FROM reputation_response_appended ra WHERE ra.agent_id = n.agent_id
        AND ra.client_address = n.client_address AND ra.feedback_index = n.feedback_index),
    n.block_number, n.block_time, n.tx_hash
FROM k JOIN reputation_new_feedback n ON n.agent_id = k.agent_id AND n.client_address = k.client_address
    AND n.feedback_index = k.feedback_index
LEFT JOIN LATERAL (
    SELECT v.block_number FROM reputation_feedback_revoked v WHERE v.agent_id = n.agent_id
        AND v.client_address = n.client_address AND v.feedback_index = n.feedback_index
    ORDER BY v.block_number, v.log_index LIMIT 1) rv ON TRUE
ON CONFLICT (agent_id, client_address, feedback_index) DO UPDATE SET
    value = EXCLUDED.value, value_decimals = EXCLUDED.value_decimals, tag1 = EXCLUDED.tag1,
    tag1_raw = EXCLUDED.tag1_raw, tag2 = EXCLUDED.tag2, tag2_raw = EXCLUDED.tag2_raw, endpoint = EXCLUDED.endpoint,
    endpoint_raw = EXCLUDED.endpoint_raw, feedback_uri = EXCLUDED.feedback_uri,
    feedback_uri_raw = EXCLUDED.feedback_uri_raw, feedback_hash = EXCLUDED.feedback_hash,
    is_revoked = EXCLUDED.is_revoked, revoked_block = EXCLUDED.revoked_block,
    response_count = EXCLUDED.response_count, block_number = EXCLUDED.block_number,
    block_time = EXCLUDED.block_time, tx_hash = EXCLUDED.tx_hash`

const sqlValidationsDelete = `
DELETE FROM validations v WHERE v.request_hash = ANY($1::bytea[])
  AND NOT EXISTS (SELECT 1 FROM validation_validation_request r WHERE r.request_hash = v.request_hash)`

const sqlValidationsUpsert = `
INSERT INTO validations AS v (request_hash, validator_address, agent_id, request_uri, request_uri_raw, requested_block,
    requested_at, request_tx, response, response_uri, response_uri_raw, response_hash, tag, tag_raw,
    responded_block, responded_at, response_count)
SELECT r.request_hash, r.validator_address, r.agent_id, r.request_uri, r.request_uri_raw, r.block_number,
    r.block_time, r.tx_hash, s.response, s.response_uri, s.response_uri_raw, s.response_hash, s.tag, s.tag_raw,
    s.block_number, s.block_time,
    (SELECT count(*) FROM validation_validation_response c WHERE c.request_hash = r.request_hash)
FROM (SELECT DISTINCT ON (request_hash) * FROM validation_validation_request
      WHERE request_hash = ANY($1::bytea[]) ORDER BY request_hash, block_number DESC, log_index DESC) r
LEFT JOIN LATERAL (
    SELECT * FROM validation_validation_response x WHERE x.request_hash = r.request_hash
    ORDER BY x.block_number DESC, x.log_index DESC LIMIT 1) s ON TRUE
ON CONFLICT (request_hash) DO UPDATE SET
    validator_address = EXCLUDED.validator_address, agent_id = EXCLUDED.agent_id,
    request_uri = EXCLUDED.request_uri, request_uri_raw = EXCLUDED.request_uri_raw,
    requested_block = EXCLUDED.requested_block, requested_at = EXCLUDED.requested_at,
    request_tx = EXCLUDED.request_tx, response = EXCLUDED.response, response_uri = EXCLUDED.response_uri,
    response_uri_raw = EXCLUDED.response_uri_raw, response_hash = EXCLUDED.response_hash, tag = EXCLUDED.tag,
    tag_raw = EXCLUDED.tag_raw, responded_block = EXCLUDED.responded_block, responded_at = EXCLUDED.responded_at,
    response_count = EXCLUDED.response_count`

const sqlJobsDelete = `
DELETE FROM escrow_jobs j WHERE j.job_id = ANY($1::text[]::numeric[])
  AND NOT EXISTS (SELECT 1 FROM escrow_job_created c WHERE c.job_id = j.job_id)`

// latest returns a LATERAL subquery picking the newest row of table for the job.
func latest(table, cols, alias string) string {
	return fmt.Sprintf(`LEFT JOIN LATERAL (SELECT %s FROM %s x WHERE x.job_id = c.job_id
    ORDER BY x.block_number DESC, x.log_index DESC LIMIT 1) %s ON TRUE
`, cols, table, alias)
}

func sum(table, col, alias string) string {
	return fmt.Sprintf(`LEFT JOIN LATERAL (SELECT sum(x.%s) AS amount FROM %s x WHERE x.job_id = c.job_id) %s ON TRUE
`, col, table, alias)
}

var sqlJobsUpsert = `
INSERT INTO escrow_jobs AS j (job_id, status, client, provider, evaluator, hook, token, expired_at, fee_bps, budget,
    funded, paid_to_provider, refunded, fee, held, agreement_hash, provider_agent_id, validator, validation_threshold,
    delivery_deadline, review_window, late_penalty_bps, deliverable, submitted_at, disputed_at, provider_bps,
    created_block, created_at, created_tx, status_block, status_at)
SELECT c.job_id, st.status, c.client, COALESCE(ps.provider, c.provider), c.evaluator, c.hook,
    COALESCE(tk.token, ag.token), c.expired_at, COALESCE(fb.fee_bps, 0),
    COALESCE(ag.price, bs.amount, 0), COALESCE(fu.amount, 0), COALESCE(pr.amount, 0), COALESCE(rf.amount, 0),
    COALESCE(se.amount, 0),
    COALESCE(fu.amount, 0) - COALESCE(pr.amount, 0) - COALESCE(rf.amount, 0) - COALESCE(se.amount, 0),
    ag.agreement_hash, ag.provider_agent_id, ag.validator, ag.validation_threshold, ag.delivery_deadline,
    ag.review_window, ag.late_penalty_bps, sb.deliverable, sb.block_time, di.block_time, dr.provider_bps,
    c.block_number, c.block_time, c.tx_hash, st.block_number, st.block_time
FROM escrow_job_created c
` + latest("escrow_job_token_set", "x.token", "tk") +
	latest("escrow_agreement_job_created", "x.*", "ag") +
	latest("escrow_provider_set", "x.provider", "ps") +
	latest("escrow_budget_set", "x.amount", "bs") +
	latest("escrow_job_funded", "x.amount, x.block_number, x.log_index", "fu") +
	latest("escrow_job_submitted", "x.deliverable, x.block_time", "sb") +
	latest("escrow_job_disputed", "x.block_time", "di") +
	latest("escrow_dispute_resolved", "x.provider_bps", "dr") +
	sum("escrow_payment_released", "amount", "pr") +
	sum("escrow_refunded", "amount", "rf") +
	sum("escrow_job_settled", "fee", "se") + `
LEFT JOIN LATERAL (SELECT f.fee_bps FROM escrow_fee_set f
    WHERE (f.block_number, f.log_index) < (fu.block_number, fu.log_index)
    ORDER BY f.block_number DESC, f.log_index DESC LIMIT 1) fb ON TRUE
CROSS JOIN LATERAL (
    SELECT s.status, s.block_number, s.block_time FROM (
        SELECT 'open' AS status, block_number, log_index, block_time FROM escrow_job_created WHERE job_id = c.job_id
        UNION ALL SELECT 'funded', block_number, log_index, block_time FROM escrow_job_funded WHERE job_id = c.job_id
        UNION ALL SELECT 'submitted', block_number, log_index, block_time FROM escrow_job_submitted WHERE job_id = c.job_id
        UNION ALL SELECT 'completed', block_number, log_index, block_time FROM escrow_job_completed WHERE job_id = c.job_id
        UNION ALL SELECT 'rejected', block_number, log_index, block_time FROM escrow_job_rejected WHERE job_id = c.job_id
        UNION ALL SELECT 'expired', block_number, log_index, block_time FROM escrow_job_expired WHERE job_id = c.job_id
        UNION ALL SELECT 'disputed', block_number, log_index, block_time FROM escrow_job_disputed WHERE job_id = c.job_id
        UNION ALL SELECT 'resolved', block_number, log_index, block_time FROM escrow_dispute_resolved WHERE job_id = c.job_id
    ) s ORDER BY s.block_number DESC, s.log_index DESC LIMIT 1) st
WHERE c.job_id = ANY($1::text[]::numeric[])
ON CONFLICT (job_id) DO UPDATE SET
    status = EXCLUDED.status, client = EXCLUDED.client, provider = EXCLUDED.provider, evaluator = EXCLUDED.evaluator,
    hook = EXCLUDED.hook, token = EXCLUDED.token, expired_at = EXCLUDED.expired_at, fee_bps = EXCLUDED.fee_bps,
    budget = EXCLUDED.budget, funded = EXCLUDED.funded, paid_to_provider = EXCLUDED.paid_to_provider,
    refunded = EXCLUDED.refunded, fee = EXCLUDED.fee, held = EXCLUDED.held, agreement_hash = EXCLUDED.agreement_hash,
    provider_agent_id = EXCLUDED.provider_agent_id, validator = EXCLUDED.validator,
    validation_threshold = EXCLUDED.validation_threshold, delivery_deadline = EXCLUDED.delivery_deadline,
    review_window = EXCLUDED.review_window, late_penalty_bps = EXCLUDED.late_penalty_bps,
    deliverable = EXCLUDED.deliverable, submitted_at = EXCLUDED.submitted_at, disputed_at = EXCLUDED.disputed_at,
    provider_bps = EXCLUDED.provider_bps, created_block = EXCLUDED.created_block, created_at = EXCLUDED.created_at,
    created_tx = EXCLUDED.created_tx, status_block = EXCLUDED.status_block, status_at = EXCLUDED.status_at`

const sqlBalancesOf = `
INSERT INTO escrow_balances AS b (token, held, jobs_holding)
SELECT t.token, COALESCE(sum(j.held), 0), count(j.job_id)
FROM (SELECT DISTINCT token FROM escrow_jobs WHERE job_id = ANY($1::text[]::numeric[])) t
LEFT JOIN escrow_jobs j ON j.token = t.token AND j.held > 0
GROUP BY t.token
ON CONFLICT (token) DO UPDATE SET held = EXCLUDED.held, jobs_holding = EXCLUDED.jobs_holding`

const sqlBalancesDeleteAll = `DELETE FROM escrow_balances`

const sqlBalancesAll = `
INSERT INTO escrow_balances (token, held, jobs_holding)
SELECT j.token, sum(j.held), count(*) FILTER (WHERE j.held > 0) FROM escrow_jobs j GROUP BY j.token`
