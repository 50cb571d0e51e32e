package indexer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
)

// The governance projections (postgres/migrations/00006_governance.sql) are recomputed per key from every stored
// event of the key, as projections.go does, by one upsert per projection. Only where the keys come from differs:
// forward indexing selects them from the rows of the batch's block range (so the upsert runs as an incremental
// step, incremental.go), a rollback or rebuild passes the keys it collected as arrays and first deletes the rows
// whose events are all gone. A reorg that drops a revocation therefore recomputes the mandate without it.

// govKey is one governance projection key: its columns' values, numbers as decimal text and addresses and
// hashes as raw bytes (a one-column key leaves the second empty).
type govKey [2]string

// govCol is a key column: its name in the event tables and in k, and its SQL type.
type govCol struct{ name, typ string }

// govProjection is one governance projection table.
type govProjection struct {
	kind   keyKind
	tables []string // event tables whose rows change it; each has the key columns
	cols   []govCol // the key
	// delete removes the rows of the keys in k that no event backs any more; upsert recomputes the rows of the
	// keys in k. Both follow a WITH k AS (…) naming the keys.
	delete, upsert string
}

const zeroAddress = `'\x0000000000000000000000000000000000000000'`

const zeroHash = `'\x0000000000000000000000000000000000000000000000000000000000000000'`

var (
	colMandate = govCol{"mandate_id", "numeric"}
	colPeriod  = govCol{"period_index", "bigint"}
	colJob     = govCol{"job_id", "numeric"}
)

var govProjections = []govProjection{
	{
		kind: keyMandate, cols: []govCol{colMandate},
		tables: []string{"governance_mandate_granted", "governance_mandate_payee", "governance_mandate_spec",
			"governance_mandate_approver", "governance_mandate_revoked", "governance_mandate_spent",
			"governance_mandate_restored", "governance_mandate_approved"},
		delete: sqlMandatesDelete, upsert: sqlMandatesUpsert,
	},
	{
		kind: keyMandatePeriod, cols: []govCol{colMandate, colPeriod},
		tables: []string{"governance_mandate_spent", "governance_mandate_restored"},
		delete: sqlMandatePeriodsDelete, upsert: sqlMandatePeriodsUpsert,
	},
	{
		kind: keyMandateJob, cols: []govCol{colJob},
		tables: []string{"governance_mandate_spent", "governance_mandate_restored", "escrow_job_terminated"},
		delete: sqlMandateJobsDelete, upsert: sqlMandateJobsUpsert,
	},
	{
		kind: keyApproval, cols: []govCol{colMandate, {"agreement_hash", "bytea"}},
		tables: []string{"governance_mandate_approved"},
		delete: sqlApprovalsDelete, upsert: sqlApprovalsUpsert,
	},
	{
		kind: keyFreeze, cols: []govCol{{"principal", "bytea"}, {"agent_id", "numeric"}},
		tables: []string{"governance_agent_frozen", "governance_agent_unfrozen"},
		delete: sqlFreezesDelete, upsert: sqlFreezesUpsert,
	},
	{
		kind: keyGuardian, cols: []govCol{{"principal", "bytea"}},
		tables: []string{"governance_guardian_set"},
		delete: sqlGuardiansDelete, upsert: sqlGuardiansUpsert,
	},
}

// governanceKeySpecs returns the governance keys the rows of table touch.
func governanceKeySpecs(table string) []keySpec {
	var out []keySpec
	for _, p := range govProjections {
		if slices.Contains(p.tables, table) {
			cols := make([]string, len(p.cols))
			for i, c := range p.cols {
				cols[i] = c.name
			}
			out = append(out, keySpec{kind: p.kind, cols: cols})
		}
	}
	return out
}

// rangeKeys is the CTE of p's distinct keys among the rows of the batch's block range.
func (p govProjection) rangeKeys() string {
	cols := make([]string, len(p.cols))
	for i, c := range p.cols {
		cols[i] = c.name
	}
	sel := make([]string, len(p.tables))
	for i, t := range p.tables {
		sel[i] = fmt.Sprintf("SELECT DISTINCT %s FROM %s WHERE %s", strings.Join(cols, ", "), t, between)
	}
	return "WITH k AS (" + strings.Join(sel, "\n    UNION ") + ")"
}

// arrayKeys is the CTE of p's keys passed as one array per key column.
func (p govProjection) arrayKeys() string {
	args, names := make([]string, len(p.cols)), make([]string, len(p.cols))
	for i, c := range p.cols {
		names[i] = c.name
		if c.typ == "bytea" {
			args[i] = fmt.Sprintf("$%d::bytea[]", i+1)
		} else {
			args[i] = fmt.Sprintf("$%d::text[]::%s[]", i+1, c.typ)
		}
	}
	return fmt.Sprintf("WITH k AS (SELECT * FROM unnest(%s) AS k(%s))", strings.Join(args, ", "), strings.Join(names, ", "))
}

// govSteps apply a batch to the governance projections: the upserts over the batch's keys.
var govSteps = func() []incrStep {
	steps := make([]incrStep, len(govProjections))
	for i, p := range govProjections {
		steps[i] = incrStep{tables: p.tables, sql: p.rangeKeys() + p.upsert}
	}
	return steps
}()

// queueGovernance adds the statements that recompute the governance rows of t's keys to b.
func (t Touched) queueGovernance(b *pgx.Batch) {
	for _, p := range govProjections {
		keys := t.Governance[p.kind]
		if len(keys) == 0 {
			continue
		}
		sorted := make([]govKey, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		slices.SortFunc(sorted, func(a, b govKey) int {
			if c := strings.Compare(a[0], b[0]); c != 0 {
				return c
			}
			return strings.Compare(a[1], b[1])
		})
		args := make([]any, len(p.cols))
		for i, c := range p.cols {
			if c.typ == "bytea" {
				col := make([][]byte, len(sorted))
				for j, k := range sorted {
					col[j] = []byte(k[i])
				}
				args[i] = col
			} else {
				col := make([]string, len(sorted))
				for j, k := range sorted {
					col[j] = k[i]
				}
				args[i] = col
			}
		}
		cte := p.arrayKeys()
		b.Queue(cte+p.delete, args...)
		b.Queue(cte+p.upsert, args...)
	}
}

// ---------------------------------------------------------------- mandates

const sqlMandatesDelete = `
DELETE FROM mandates m USING k WHERE m.mandate_id = k.mandate_id
  AND NOT EXISTS (SELECT 1 FROM governance_mandate_granted g WHERE g.mandate_id = k.mandate_id)`

// newestOf is a subquery giving the newest row of table for the mandate g.
func newestOf(table string) string {
	return `(SELECT block_number, log_index, block_time FROM ` + table + ` WHERE mandate_id = g.mandate_id
        ORDER BY block_number DESC, log_index DESC LIMIT 1)`
}

var sqlMandatesUpsert = `
INSERT INTO mandates AS m (mandate_id, principal, agent_id, agent, token, max_per_job, budget, period, valid_after,
    valid_until, any_payee, any_spec, payees, specs, approvers, quorum, escalate_above, quorum_high, timelock_above,
    timelock, struct_hash, revoked, revoked_by, revoked_block, revoked_at, revoked_tx, spent_period, spent,
    granted_block, granted_at, granted_tx, updated_block, updated_at)
SELECT g.mandate_id, g.principal, g.agent_id, g.agent, g.token, g.max_per_job, g.budget, g.period,
    to_timestamp(g.valid_after::float8), to_timestamp(g.valid_until::float8), g.any_payee, g.any_spec,
    ARRAY(SELECT x.payee_agent_id::numeric FROM governance_mandate_payee x WHERE x.mandate_id = g.mandate_id
        ORDER BY x.block_number, x.log_index),
    ARRAY(SELECT x.spec_hash::bytea FROM governance_mandate_spec x WHERE x.mandate_id = g.mandate_id
        ORDER BY x.block_number, x.log_index),
    ARRAY(SELECT x.approver::bytea FROM governance_mandate_approver x WHERE x.mandate_id = g.mandate_id
        ORDER BY x.index, x.block_number, x.log_index),
    g.quorum, g.escalate_above, g.quorum_high, g.timelock_above, g.timelock, NULLIF(g.struct_hash, ` + zeroHash + `),
    rv.block_number IS NOT NULL, rv.by, rv.block_number, rv.block_time, rv.tx_hash, COALESCE(lp.period_index, 0),
    (SELECT COALESCE(sum(x.amount), 0) FROM governance_mandate_spent x
        WHERE x.mandate_id = g.mandate_id AND x.period_index = lp.period_index)
    - (SELECT COALESCE(sum(x.restored), 0) FROM governance_mandate_restored x
        WHERE x.mandate_id = g.mandate_id AND x.period_index = lp.period_index),
    g.block_number, g.block_time, g.tx_hash, u.block_number, u.block_time
FROM (SELECT DISTINCT ON (mandate_id) * FROM governance_mandate_granted WHERE mandate_id IN (SELECT mandate_id FROM k)
      ORDER BY mandate_id, block_number DESC, log_index DESC) g
LEFT JOIN LATERAL (
    SELECT x.by, x.block_number, x.block_time, x.tx_hash FROM governance_mandate_revoked x
    WHERE x.mandate_id = g.mandate_id ORDER BY x.block_number, x.log_index LIMIT 1) rv ON TRUE
LEFT JOIN LATERAL (
    -- the last period spent in: periods only grow with time, so the highest index is the newest spend's
    SELECT x.period_index FROM governance_mandate_spent x WHERE x.mandate_id = g.mandate_id
    ORDER BY x.period_index DESC LIMIT 1) lp ON TRUE
CROSS JOIN LATERAL (
    SELECT y.block_number, y.block_time FROM (
        SELECT g.block_number, g.log_index, g.block_time
        UNION ALL ` + newestOf("governance_mandate_revoked") + `
        UNION ALL ` + newestOf("governance_mandate_spent") + `
        UNION ALL ` + newestOf("governance_mandate_restored") + `
        UNION ALL ` + newestOf("governance_mandate_approved") + `
    ) y ORDER BY y.block_number DESC, y.log_index DESC LIMIT 1) u
ON CONFLICT (mandate_id) DO UPDATE SET
    principal = EXCLUDED.principal, agent_id = EXCLUDED.agent_id, agent = EXCLUDED.agent, token = EXCLUDED.token,
    max_per_job = EXCLUDED.max_per_job, budget = EXCLUDED.budget, period = EXCLUDED.period,
    valid_after = EXCLUDED.valid_after, valid_until = EXCLUDED.valid_until, any_payee = EXCLUDED.any_payee,
    any_spec = EXCLUDED.any_spec, payees = EXCLUDED.payees, specs = EXCLUDED.specs, approvers = EXCLUDED.approvers,
    quorum = EXCLUDED.quorum, escalate_above = EXCLUDED.escalate_above, quorum_high = EXCLUDED.quorum_high,
    timelock_above = EXCLUDED.timelock_above, timelock = EXCLUDED.timelock, struct_hash = EXCLUDED.struct_hash,
    revoked = EXCLUDED.revoked, revoked_by = EXCLUDED.revoked_by, revoked_block = EXCLUDED.revoked_block,
    revoked_at = EXCLUDED.revoked_at, revoked_tx = EXCLUDED.revoked_tx, spent_period = EXCLUDED.spent_period,
    spent = EXCLUDED.spent, granted_block = EXCLUDED.granted_block, granted_at = EXCLUDED.granted_at,
    granted_tx = EXCLUDED.granted_tx, updated_block = EXCLUDED.updated_block, updated_at = EXCLUDED.updated_at`

// ---------------------------------------------------------------- periods

const sqlMandatePeriodsDelete = `
DELETE FROM mandate_periods p USING k WHERE p.mandate_id = k.mandate_id AND p.period_index = k.period_index
  AND NOT EXISTS (SELECT 1 FROM governance_mandate_spent s
      WHERE s.mandate_id = k.mandate_id AND s.period_index = k.period_index)`

// A restore always names the period its job was funded in, so a period has a row exactly when it has a spend.
const sqlMandatePeriodsUpsert = `
INSERT INTO mandate_periods AS p (mandate_id, period_index, period_start, period_end, funded, restored, spent,
    remaining, jobs, updated_block, updated_at)
SELECT k.mandate_id, k.period_index, to_timestamp((g.valid_after + k.period_index * g.period)::float8),
    to_timestamp((CASE WHEN g.period = 0 THEN g.valid_until
        ELSE LEAST(g.valid_after + (k.period_index + 1) * g.period, g.valid_until) END)::float8),
    s.funded, r.restored, s.funded - r.restored, g.budget - (s.funded - r.restored), s.jobs,
    u.block_number, u.block_time
FROM k
CROSS JOIN LATERAL (
    SELECT x.valid_after, x.valid_until, x.period, x.budget FROM governance_mandate_granted x
    WHERE x.mandate_id = k.mandate_id ORDER BY x.block_number DESC, x.log_index DESC LIMIT 1) g
CROSS JOIN LATERAL (
    SELECT COALESCE(sum(x.amount), 0) AS funded, count(*) AS jobs FROM governance_mandate_spent x
    WHERE x.mandate_id = k.mandate_id AND x.period_index = k.period_index) s
CROSS JOIN LATERAL (
    SELECT COALESCE(sum(x.restored), 0) AS restored FROM governance_mandate_restored x
    WHERE x.mandate_id = k.mandate_id AND x.period_index = k.period_index) r
CROSS JOIN LATERAL (
    SELECT y.block_number, y.block_time FROM (
        SELECT block_number, log_index, block_time FROM governance_mandate_spent
        WHERE mandate_id = k.mandate_id AND period_index = k.period_index
        UNION ALL SELECT block_number, log_index, block_time FROM governance_mandate_restored
        WHERE mandate_id = k.mandate_id AND period_index = k.period_index
    ) y ORDER BY y.block_number DESC, y.log_index DESC LIMIT 1) u
WHERE s.jobs > 0
ON CONFLICT (mandate_id, period_index) DO UPDATE SET
    period_start = EXCLUDED.period_start, period_end = EXCLUDED.period_end, funded = EXCLUDED.funded,
    restored = EXCLUDED.restored, spent = EXCLUDED.spent, remaining = EXCLUDED.remaining, jobs = EXCLUDED.jobs,
    updated_block = EXCLUDED.updated_block, updated_at = EXCLUDED.updated_at`

// ---------------------------------------------------------------- jobs

const sqlMandateJobsDelete = `
DELETE FROM mandate_jobs j USING k WHERE j.job_id = k.job_id
  AND NOT EXISTS (SELECT 1 FROM governance_mandate_spent s WHERE s.job_id = k.job_id)`

const sqlMandateJobsUpsert = `
INSERT INTO mandate_jobs AS j (job_id, mandate_id, amount, period_index, returned, restored, spent_block, spent_at,
    spent_tx, terminated_by, terminated_block, terminated_at, updated_block)
SELECT s.job_id, s.mandate_id, s.amount, s.period_index, COALESCE(r.returned, 0), COALESCE(r.restored, 0),
    s.block_number, s.block_time, s.tx_hash, t.by, t.block_number, t.block_time,
    GREATEST(s.block_number, r.block_number, t.block_number)
FROM (SELECT DISTINCT ON (job_id) * FROM governance_mandate_spent WHERE job_id IN (SELECT job_id FROM k)
      ORDER BY job_id, block_number DESC, log_index DESC) s
LEFT JOIN LATERAL (
    SELECT sum(x.amount) AS returned, sum(x.restored) AS restored, max(x.block_number) AS block_number
    FROM governance_mandate_restored x WHERE x.job_id = s.job_id) r ON TRUE
LEFT JOIN LATERAL (
    SELECT x.by, x.block_number, x.block_time FROM escrow_job_terminated x WHERE x.job_id = s.job_id
    ORDER BY x.block_number DESC, x.log_index DESC LIMIT 1) t ON TRUE
ON CONFLICT (job_id) DO UPDATE SET
    mandate_id = EXCLUDED.mandate_id, amount = EXCLUDED.amount, period_index = EXCLUDED.period_index,
    returned = EXCLUDED.returned, restored = EXCLUDED.restored, spent_block = EXCLUDED.spent_block,
    spent_at = EXCLUDED.spent_at, spent_tx = EXCLUDED.spent_tx, terminated_by = EXCLUDED.terminated_by,
    terminated_block = EXCLUDED.terminated_block, terminated_at = EXCLUDED.terminated_at,
    updated_block = EXCLUDED.updated_block`

// ---------------------------------------------------------------- approvals

const sqlApprovalsDelete = `
DELETE FROM mandate_approvals a USING k WHERE a.mandate_id = k.mandate_id AND a.agreement_hash = k.agreement_hash
  AND NOT EXISTS (SELECT 1 FROM governance_mandate_approved x
      WHERE x.mandate_id = k.mandate_id AND x.agreement_hash = k.agreement_hash)`

const sqlApprovalsUpsert = `
INSERT INTO mandate_approvals AS a (mandate_id, agreement_hash, approvals, approvers, first_at, last_block, last_at)
SELECT x.mandate_id, x.agreement_hash, count(*), array_agg(x.approver::bytea ORDER BY x.block_number, x.log_index),
    min(x.block_time), max(x.block_number), max(x.block_time)
FROM k JOIN governance_mandate_approved x ON x.mandate_id = k.mandate_id AND x.agreement_hash = k.agreement_hash
GROUP BY x.mandate_id, x.agreement_hash
ON CONFLICT (mandate_id, agreement_hash) DO UPDATE SET
    approvals = EXCLUDED.approvals, approvers = EXCLUDED.approvers, first_at = EXCLUDED.first_at,
    last_block = EXCLUDED.last_block, last_at = EXCLUDED.last_at`

// ---------------------------------------------------------------- freezes and guardians

const sqlFreezesDelete = `
DELETE FROM agent_freezes f USING k WHERE f.principal = k.principal AND f.agent_id = k.agent_id
  AND NOT EXISTS (SELECT 1 FROM governance_agent_frozen x WHERE x.principal = k.principal AND x.agent_id = k.agent_id)`

const sqlFreezesUpsert = `
INSERT INTO agent_freezes AS f (principal, agent_id, frozen, frozen_by, frozen_block, frozen_at, unfrozen_block,
    unfrozen_at)
SELECT fz.principal, fz.agent_id,
    uf.block_number IS NULL OR (fz.block_number, fz.log_index) > (uf.block_number, uf.log_index),
    fz.by, fz.block_number, fz.block_time, uf.block_number, uf.block_time
FROM k
CROSS JOIN LATERAL (
    SELECT x.principal, x.agent_id, x.by, x.block_number, x.log_index, x.block_time FROM governance_agent_frozen x
    WHERE x.principal = k.principal AND x.agent_id = k.agent_id
    ORDER BY x.block_number DESC, x.log_index DESC LIMIT 1) fz
LEFT JOIN LATERAL (
    SELECT x.block_number, x.log_index, x.block_time FROM governance_agent_unfrozen x
    WHERE x.principal = k.principal AND x.agent_id = k.agent_id
    ORDER BY x.block_number DESC, x.log_index DESC LIMIT 1) uf ON TRUE
ON CONFLICT (principal, agent_id) DO UPDATE SET
    frozen = EXCLUDED.frozen, frozen_by = EXCLUDED.frozen_by, frozen_block = EXCLUDED.frozen_block,
    frozen_at = EXCLUDED.frozen_at, unfrozen_block = EXCLUDED.unfrozen_block, unfrozen_at = EXCLUDED.unfrozen_at`

const sqlGuardiansDelete = `
DELETE FROM principal_guardians g USING k WHERE g.principal = k.principal
  AND NOT EXISTS (SELECT 1 FROM governance_guardian_set x WHERE x.principal = k.principal)`

const sqlGuardiansUpsert = `
INSERT INTO principal_guardians AS g (principal, guardian, block_number, block_time, tx_hash)
SELECT DISTINCT ON (x.principal) x.principal, NULLIF(x.guardian, ` + zeroAddress + `), x.block_number,
    x.block_time, x.tx_hash
FROM governance_guardian_set x WHERE x.principal IN (SELECT principal FROM k)
ORDER BY x.principal, x.block_number DESC, x.log_index DESC
ON CONFLICT (principal) DO UPDATE SET guardian = EXCLUDED.guardian, block_number = EXCLUDED.block_number,
    block_time = EXCLUDED.block_time, tx_hash = EXCLUDED.tx_hash`
