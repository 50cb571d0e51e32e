-- The indexer's own state and the projections it keeps current from the event tables (00002_events.sql).
-- Every projection row is recomputed from the events of its key in the same transaction that writes those
-- events, so a rollback (reorg) and a fresh re-index give the same rows.

-- +goose Up

-- One row: which chain and deployment this database mirrors and how far it got (the cursor).
CREATE TABLE indexer_state (
    id BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    chain_id BIGINT NOT NULL,
    contracts JSONB NOT NULL,          -- {"IdentityRegistry": "0x…", …}: a different deployment is refused
    start_block BIGINT NOT NULL,       -- first block indexed (the earliest deploy block)
    block_number BIGINT NOT NULL,      -- last block whose events are all stored (start_block - 1 before any)
    block_hash hash32,                 -- its hash (NULL before any block)
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Hashes of recently indexed blocks, for reorg detection (pruned to the reorg window).
CREATE TABLE indexer_blocks (
    block_number BIGINT PRIMARY KEY,
    block_hash hash32 NOT NULL,
    parent_hash hash32                 -- NULL for blocks known only from their logs
);

-- Logs from an indexed contract whose topic0 is not in its ABI (kept, never dropped).
CREATE TABLE unknown_logs (
    block_number BIGINT NOT NULL,
    block_hash hash32 NOT NULL,
    tx_hash hash32 NOT NULL,
    log_index INTEGER NOT NULL,
    address address NOT NULL,
    topics BYTEA[] NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (block_number, log_index)
);

-- Agents: the IdentityRegistry's view of each agent.
CREATE TABLE agents (
    agent_id uint256 PRIMARY KEY,
    owner address NOT NULL,            -- ownerOf
    agent_uri TEXT NOT NULL,           -- tokenURI
    agent_uri_raw BYTEA,               -- exact bytes when agent_uri cannot hold them (see indexer/catalog)
    agent_wallet address,              -- getAgentWallet; NULL when unset
    registered_by address NOT NULL,
    registered_block BIGINT NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL,
    registered_tx hash32 NOT NULL,
    updated_block BIGINT NOT NULL,     -- last identity event of the agent
    updated_at TIMESTAMPTZ NOT NULL
) WITH (fillfactor = 80);  -- room for HOT updates
CREATE INDEX ON agents (owner);
CREATE INDEX ON agents (agent_wallet);

-- Agent metadata: getMetadata(agentId, key) for every key ever set (agentWallet included).
CREATE TABLE agent_metadata (
    agent_id uint256 NOT NULL REFERENCES agents ON DELETE CASCADE,
    key_hash hash32 NOT NULL,          -- keccak256(key), the event's indexed key
    metadata_key TEXT NOT NULL,
    metadata_key_raw BYTEA,
    metadata_value BYTEA NOT NULL,
    block_number BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (agent_id, key_hash)
) WITH (fillfactor = 80);  -- room for HOT updates

-- Registration files behind agent URIs, read by the fetcher after the URI is committed.
CREATE TABLE registration_files (
    agent_id uint256 PRIMARY KEY REFERENCES agents ON DELETE CASCADE,
    agent_uri TEXT NOT NULL,           -- the URI this row describes (the agent's current one)
    status TEXT NOT NULL CHECK (status IN ('pending', 'ok', 'error')),
    raw BYTEA,                         -- the bytes read (when any were)
    parsed JSONB,                      -- the validated registration, canonical form
    error_code TEXT,                   -- stable code (indexer/regfile), when status = 'error'
    error_message TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    queued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    fetched_at TIMESTAMPTZ
);
CREATE INDEX ON registration_files (queued_at) WHERE status = 'pending';

-- Feedback: readFeedback / readAllFeedback, with revocation and response counts.
CREATE TABLE feedback (
    agent_id uint256 NOT NULL,
    client_address address NOT NULL,
    feedback_index NUMERIC(20, 0) NOT NULL,
    value NUMERIC(39, 0) NOT NULL,
    value_decimals INTEGER NOT NULL,
    tag1 TEXT NOT NULL,
    tag1_raw BYTEA,
    tag2 TEXT NOT NULL,
    tag2_raw BYTEA,
    endpoint TEXT NOT NULL,
    endpoint_raw BYTEA,
    feedback_uri TEXT NOT NULL,
    feedback_uri_raw BYTEA,
    feedback_hash hash32 NOT NULL,
    is_revoked BOOLEAN NOT NULL,
    revoked_block BIGINT,
    response_count INTEGER NOT NULL,
    block_number BIGINT NOT NULL,
    block_time TIMESTAMPTZ NOT NULL,
    tx_hash hash32 NOT NULL,
    PRIMARY KEY (agent_id, client_address, feedback_index)
) WITH (fillfactor = 80);  -- room for HOT updates
CREATE INDEX ON feedback (client_address);

-- Validations: getValidationStatus per request, the latest response winning.
CREATE TABLE validations (
    request_hash hash32 PRIMARY KEY,
    validator_address address NOT NULL,
    agent_id uint256 NOT NULL,
    request_uri TEXT NOT NULL,
    request_uri_raw BYTEA,
    requested_block BIGINT NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    request_tx hash32 NOT NULL,
    response INTEGER,                  -- NULL until the first response
    response_uri TEXT,
    response_uri_raw BYTEA,
    response_hash hash32,
    tag TEXT,
    tag_raw BYTEA,
    responded_block BIGINT,
    responded_at TIMESTAMPTZ,          -- getValidationStatus's lastUpdate
    response_count INTEGER NOT NULL
) WITH (fillfactor = 80);  -- room for HOT updates
CREATE INDEX ON validations (agent_id);
CREATE INDEX ON validations (validator_address);

-- Escrow jobs: AgentEscrow.getJob plus what was paid out.
CREATE TABLE escrow_jobs (
    job_id uint256 PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN
        ('open', 'funded', 'submitted', 'completed', 'rejected', 'expired', 'disputed', 'resolved')),
    client address NOT NULL,
    provider address NOT NULL,         -- zero address until set on a plain job
    evaluator address NOT NULL,        -- agreement jobs: the arbiter
    hook address NOT NULL,
    token address NOT NULL,
    expired_at uint256 NOT NULL,
    fee_bps INTEGER NOT NULL,          -- fixed when funded (0 before)
    budget uint256 NOT NULL,
    funded uint256 NOT NULL,
    paid_to_provider uint256 NOT NULL,
    refunded uint256 NOT NULL,
    fee uint256 NOT NULL,
    held uint256 NOT NULL,             -- funded - paid_to_provider - refunded - fee: still in escrow
    agreement_hash hash32,             -- agreement jobs only, as the following columns
    provider_agent_id uint256,
    validator address,
    validation_threshold INTEGER,
    delivery_deadline NUMERIC(20, 0),
    review_window NUMERIC(20, 0),
    late_penalty_bps INTEGER,
    deliverable hash32,
    submitted_at TIMESTAMPTZ,
    disputed_at TIMESTAMPTZ,
    provider_bps INTEGER,              -- the arbiter's split, once resolved
    created_block BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    created_tx hash32 NOT NULL,
    status_block BIGINT NOT NULL,      -- when status last changed
    status_at TIMESTAMPTZ NOT NULL
) WITH (fillfactor = 80);  -- room for HOT updates
CREATE INDEX ON escrow_jobs (client);
CREATE INDEX ON escrow_jobs (provider);
CREATE INDEX ON escrow_jobs (provider_agent_id);
CREATE INDEX ON escrow_jobs (token);
CREATE INDEX ON escrow_jobs (status);
CREATE INDEX escrow_jobs_holding ON escrow_jobs (token) WHERE held > 0;

-- What the escrow holds per token (the sum of escrow_jobs.held).
CREATE TABLE escrow_balances (
    token address PRIMARY KEY,
    held uint256 NOT NULL,
    jobs_holding INTEGER NOT NULL
);

-- +goose Down
DROP TABLE escrow_balances;
DROP TABLE escrow_jobs;
DROP TABLE validations;
DROP TABLE feedback;
DROP TABLE registration_files;
DROP TABLE agent_metadata;
DROP TABLE agents;
DROP TABLE unknown_logs;
DROP TABLE indexer_blocks;
DROP TABLE indexer_state;
