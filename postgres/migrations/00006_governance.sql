-- Governance (issue 15): the indexer's projections of the MandateRegistry's events (the governance_* tables of
-- 00002_events.sql) and of the escrow's JobTerminated. Like 00003's, every row is recomputed from the stored
-- events of its key in the transaction that writes or deletes those events (indexer/governance.go), so a reorg
-- and a fresh re-index give the same rows. Times the registry keeps as uint64 seconds are TIMESTAMPTZ when they
-- are instants (valid_after, valid_until: the registry caps them at 2^40 - 1, within PostgreSQL's range) and
-- BIGINT seconds when they are durations (period, timelock). Lists are arrays in the registry's order: uint256
-- lists NUMERIC(78,0)[], address and bytes32 lists BYTEA[] (base types, so that clients decode them without
-- registering the domains; every element comes from a column of the domain).

-- +goose Up

-- Lookups the recomputation makes that the generated indexes of 00002 do not serve.
CREATE INDEX ON governance_mandate_spent (mandate_id, period_index);
CREATE INDEX ON governance_mandate_restored (mandate_id, period_index);
CREATE INDEX ON governance_agent_frozen (principal, agent_id);
CREATE INDEX ON governance_agent_unfrozen (principal, agent_id);
CREATE INDEX ON governance_guardian_set (principal);

-- Mandates: MandateRegistry.getMandate, the lists (approversOf, payeeAllowed, specAllowed) and the revocation.
-- A freeze applies to every mandate of (principal, agent_id): see agent_freezes and mandate_allowance.
CREATE TABLE mandates (
    mandate_id uint256 PRIMARY KEY,
    principal address NOT NULL,
    agent_id uint256 NOT NULL,
    agent address NOT NULL,              -- the wallet that signs agreements as client
    token address NOT NULL,
    max_per_job uint256 NOT NULL,
    budget uint256 NOT NULL,             -- per period, net of refunds
    period BIGINT NOT NULL,              -- seconds; 0 = a one-time budget
    valid_after TIMESTAMPTZ NOT NULL,
    valid_until TIMESTAMPTZ NOT NULL,    -- exclusive
    any_payee BOOLEAN NOT NULL,
    any_spec BOOLEAN NOT NULL,
    payees NUMERIC(78, 0)[] NOT NULL,    -- provider agent ids, in grant order ('{}' = any)
    specs BYTEA[] NOT NULL,              -- deliverable specification hashes ('{}' = any)
    approvers BYTEA[] NOT NULL,          -- by approver index
    quorum INTEGER NOT NULL,
    escalate_above uint256 NOT NULL,
    quorum_high INTEGER NOT NULL,
    timelock_above uint256 NOT NULL,
    timelock BIGINT NOT NULL,            -- seconds
    struct_hash hash32,                  -- the EIP-712 struct hash the principal signed; NULL when granted by transaction
    revoked BOOLEAN NOT NULL,
    revoked_by address,                  -- the principal or its guardian
    revoked_block BIGINT,
    revoked_at TIMESTAMPTZ,
    revoked_tx hash32,
    spent_period BIGINT NOT NULL,        -- getMandate's periodIndex: the last period anything was spent in (0 before)
    spent uint256 NOT NULL,              -- getMandate's spent: net spend in spent_period
    granted_block BIGINT NOT NULL,
    granted_at TIMESTAMPTZ NOT NULL,
    granted_tx hash32 NOT NULL,
    updated_block BIGINT NOT NULL,       -- last event of the mandate (grant, spend, restore, approval, revocation)
    updated_at TIMESTAMPTZ NOT NULL
) WITH (fillfactor = 80);  -- room for HOT updates
CREATE INDEX ON mandates (agent_id);
CREATE INDEX ON mandates (principal);
CREATE INDEX ON mandates (agent);

-- Spend per mandate and period: one row per period in which a job was funded under the mandate.
CREATE TABLE mandate_periods (
    mandate_id uint256 NOT NULL,
    period_index BIGINT NOT NULL,        -- (time - valid_after) / period; always 0 for one-time budgets
    period_start TIMESTAMPTZ NOT NULL,   -- valid_after + period_index * period
    period_end TIMESTAMPTZ NOT NULL,     -- exclusive: the next period's start, at most valid_until
    funded uint256 NOT NULL,             -- sum of MandateSpent.amount: the jobs funded in the period
    restored uint256 NOT NULL,           -- sum of MandateRestored.restored: refunds given back to this period
    spent uint256 NOT NULL,              -- funded - restored: what counts against the budget
    remaining uint256 NOT NULL,          -- budget - spent: the allowance left in the period
    jobs INTEGER NOT NULL,               -- jobs funded in the period
    updated_block BIGINT NOT NULL,       -- last spend or restore of the period
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (mandate_id, period_index)
) WITH (fillfactor = 80);  -- room for HOT updates

-- Jobs funded under a mandate (MandateSpent), what came back (MandateRestored) and a termination (JobTerminated).
CREATE TABLE mandate_jobs (
    job_id uint256 PRIMARY KEY,          -- escrow_jobs.job_id
    mandate_id uint256 NOT NULL,
    amount uint256 NOT NULL,             -- the price spent
    period_index BIGINT NOT NULL,        -- the period it counts in
    returned uint256 NOT NULL,           -- sum of MandateRestored.amount: refunded to the principal
    restored uint256 NOT NULL,           -- sum of MandateRestored.restored: given back to the allowance
    spent_block BIGINT NOT NULL,
    spent_at TIMESTAMPTZ NOT NULL,
    spent_tx hash32 NOT NULL,
    terminated_by address,               -- AgentEscrow.terminate: the principal or its guardian
    terminated_block BIGINT,
    terminated_at TIMESTAMPTZ,
    updated_block BIGINT NOT NULL
) WITH (fillfactor = 80);  -- room for HOT updates
CREATE INDEX ON mandate_jobs (mandate_id);

-- Approvals per mandate and agreement digest: MandateRegistry.approvals (count, lastAt) and who approved.
CREATE TABLE mandate_approvals (
    mandate_id uint256 NOT NULL,
    agreement_hash hash32 NOT NULL,      -- the ServiceAgreement's EIP-712 digest
    approvals INTEGER NOT NULL,
    approvers BYTEA[] NOT NULL,          -- in approval order
    first_at TIMESTAMPTZ NOT NULL,
    last_block BIGINT NOT NULL,
    last_at TIMESTAMPTZ NOT NULL,        -- lastAt: a timelock runs from here
    PRIMARY KEY (mandate_id, agreement_hash)
) WITH (fillfactor = 80);  -- room for HOT updates

-- Freezes: MandateRegistry.frozen(principal, agentId), one row per pair ever frozen.
CREATE TABLE agent_freezes (
    principal address NOT NULL,
    agent_id uint256 NOT NULL,
    frozen BOOLEAN NOT NULL,
    frozen_by address NOT NULL,          -- of the last freeze: the principal or its guardian
    frozen_block BIGINT NOT NULL,
    frozen_at TIMESTAMPTZ NOT NULL,
    unfrozen_block BIGINT,               -- of the last unfreeze (NULL: never unfrozen)
    unfrozen_at TIMESTAMPTZ,
    PRIMARY KEY (principal, agent_id)
) WITH (fillfactor = 80);  -- room for HOT updates
CREATE INDEX ON agent_freezes (agent_id);

-- Guardians: MandateRegistry.guardianOf, one row per principal that ever named one.
CREATE TABLE principal_guardians (
    principal address PRIMARY KEY,
    guardian address,                    -- NULL after the principal removed its guardian (set it to zero)
    block_number BIGINT NOT NULL,
    block_time TIMESTAMPTZ NOT NULL,
    tx_hash hash32 NOT NULL
) WITH (fillfactor = 80);  -- room for HOT updates
CREATE INDEX ON principal_guardians (guardian);

-- MandateRegistry.remaining at time as_of: what each mandate's agent may still spend in the period as_of falls in
-- (0 while revoked, frozen or outside the validity window). It reads the projections; nothing stores it, since
-- it changes with time alone.
-- +goose StatementBegin
CREATE FUNCTION mandate_allowance_at(as_of TIMESTAMPTZ)
RETURNS TABLE (mandate_id uint256, period_index BIGINT, live BOOLEAN, revoked BOOLEAN, frozen BOOLEAN,
    spent uint256, remaining uint256)
LANGUAGE sql STABLE AS $$
SELECT m.mandate_id, c.period_index, l.live, m.revoked, COALESCE(f.frozen, FALSE),
    COALESCE(p.spent, 0), CASE WHEN l.live THEN m.budget - COALESCE(p.spent, 0) ELSE 0 END
FROM mandates m
LEFT JOIN agent_freezes f ON f.principal = m.principal AND f.agent_id = m.agent_id
CROSS JOIN LATERAL (SELECT floor(extract(epoch FROM as_of))::bigint AS now_s,
    extract(epoch FROM m.valid_after)::bigint AS after_s) t
CROSS JOIN LATERAL (SELECT CASE WHEN m.period = 0 OR t.now_s <= t.after_s THEN 0
    ELSE LEAST((t.now_s - t.after_s) / m.period, 4294967295) END AS period_index) c
CROSS JOIN LATERAL (SELECT NOT m.revoked AND NOT COALESCE(f.frozen, FALSE) AND as_of >= m.valid_after
    AND as_of < m.valid_until AS live) l
LEFT JOIN mandate_periods p ON p.mandate_id = m.mandate_id AND p.period_index = c.period_index
$$;
-- +goose StatementEnd

-- mandate_allowance_at(now()): the remaining allowance per mandate, as the gateway reads it.
CREATE VIEW mandate_allowance AS SELECT * FROM mandate_allowance_at(now());

-- +goose Down
DROP VIEW mandate_allowance;
DROP FUNCTION mandate_allowance_at(TIMESTAMPTZ);
DROP TABLE principal_guardians;
DROP TABLE agent_freezes;
DROP TABLE mandate_approvals;
DROP TABLE mandate_jobs;
DROP TABLE mandate_periods;
DROP TABLE mandates;
DROP INDEX governance_guardian_set_principal_idx;
DROP INDEX governance_agent_unfrozen_principal_agent_id_idx;
DROP INDEX governance_agent_frozen_principal_agent_id_idx;
DROP INDEX governance_mandate_restored_mandate_id_period_index_idx;
DROP INDEX governance_mandate_spent_mandate_id_period_index_idx;
