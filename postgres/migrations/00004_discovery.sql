-- Discovery: what the gateway searches. The indexer derives agent_profiles and agent_capabilities from each
-- valid registration file in the transaction that stores the file (indexer/regstore.go, discovery/); the
-- gateway keeps signed heartbeats, reputation scores and text embeddings. Every row belongs to an agent and
-- goes with it when a reorg removes the agent.

-- +goose Up
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- One search document per agent whose registration file is valid. Array columns hold the union over the
-- agent's services and valid capabilities (lowercased where the value is case-insensitive). The gateway
-- searches an in-memory copy (gateway/catalog.go), so these tables carry no search indexes: every index
-- would only slow the indexer's writes.
CREATE TABLE agent_profiles (
    agent_id uint256 PRIMARY KEY REFERENCES agents ON DELETE CASCADE,
    agent_uri TEXT NOT NULL,                -- the URI the file came from
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    image TEXT NOT NULL,
    active BOOLEAN,                         -- the file's `active` (NULL when absent)
    x402_support BOOLEAN NOT NULL,          -- the file's `x402Support` (absent = false)
    supported_trust TEXT[] NOT NULL,
    service_names TEXT[] NOT NULL,          -- e.g. {a2a,mcp,oasf,web}
    mcp_tools TEXT[] NOT NULL,
    a2a_skills TEXT[] NOT NULL,
    oasf_skills TEXT[] NOT NULL,
    oasf_domains TEXT[] NOT NULL,
    languages TEXT[] NOT NULL,
    input_types TEXT[] NOT NULL,
    output_types TEXT[] NOT NULL,
    jurisdictions TEXT[] NOT NULL,
    data_classes TEXT[] NOT NULL,
    attestations TEXT[] NOT NULL,
    risk_classes TEXT[] NOT NULL,
    pricing_models TEXT[] NOT NULL,
    tokens TEXT[] NOT NULL,                 -- lowercase 0x addresses
    token_symbols TEXT[] NOT NULL,          -- lowercased
    min_price uint256,                      -- lowest declared price over the capabilities (any model, any token)
    min_p95_ms BIGINT,                      -- lowest declared p95 latency
    capability_count INTEGER NOT NULL,
    capability_problems JSONB NOT NULL,     -- invalid declarations, reported (capability.Problem[])
    search_text TEXT NOT NULL,              -- everything searchable, for trigram similarity and embeddings
    tsv TSVECTOR NOT NULL,                  -- every word, for matching: name A, capability names and tags B,
                                            -- descriptions C, the rest D
    tsv_rank TSVECTOR NOT NULL,             -- name A, capability names and tags B: small, so ranking stays cheap
    doc_hash BYTEA NOT NULL,                -- sha256(search_text): embeddings are recomputed when it changes
    registration JSONB NOT NULL,            -- the canonical registration file
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every word of every search document, for correcting typos in text queries (trigram similarity).
CREATE TABLE search_words (word TEXT PRIMARY KEY);
CREATE INDEX search_words_trgm ON search_words USING GIN (word gin_trgm_ops);

-- Valid capability declarations (capability/schema/capability-v1.json), one row each.
CREATE TABLE agent_capabilities (
    agent_id uint256 NOT NULL REFERENCES agent_profiles ON DELETE CASCADE,
    idx INTEGER NOT NULL,                   -- position in the file's capabilities array
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    languages TEXT[] NOT NULL,
    input_types TEXT[] NOT NULL,            -- media types (lowercase) and JSON Schema URIs
    output_types TEXT[] NOT NULL,
    pricing_model TEXT NOT NULL,
    price uint256 NOT NULL,
    token address NOT NULL,
    token_symbol TEXT NOT NULL,             -- as declared ("" when absent)
    token_decimals INTEGER,
    price_unit TEXT NOT NULL,
    p95_ms BIGINT,
    throughput_per_minute BIGINT,
    jurisdictions TEXT[] NOT NULL,
    data_classes TEXT[] NOT NULL,
    attestations TEXT[] NOT NULL,
    risk_class TEXT NOT NULL,
    mcp_tools TEXT[] NOT NULL,
    a2a_skills TEXT[] NOT NULL,
    oasf_skills TEXT[] NOT NULL,
    oasf_domains TEXT[] NOT NULL,
    declaration JSONB NOT NULL,             -- the declaration as the gateway serves it
    PRIMARY KEY (agent_id, idx)
);

-- The latest valid heartbeat of each agent, signed by its agent wallet (eip712.Heartbeat).
CREATE TABLE heartbeats (
    agent_id uint256 PRIMARY KEY REFERENCES agents ON DELETE CASCADE,
    signer address NOT NULL,
    status SMALLINT NOT NULL,               -- eip712.HeartbeatOffline/Online/Busy
    price uint256 NOT NULL,
    token address NOT NULL,
    p95_ms BIGINT NOT NULL,
    capacity BIGINT NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    nonce uint256 NOT NULL,                 -- strictly increasing per agent: a replay is refused
    signature BYTEA NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
) WITH (fillfactor = 50);

-- Reputation reports (reputation.Report), recomputed when an agent's feedback, validations or jobs change.
CREATE TABLE agent_scores (
    agent_id uint256 PRIMARY KEY REFERENCES agents ON DELETE CASCADE,
    score NUMERIC(5, 2) NOT NULL,
    confidence REAL NOT NULL,
    flags TEXT[] NOT NULL,
    report JSONB NOT NULL,
    as_of TIMESTAMPTZ NOT NULL,
    block_number BIGINT NOT NULL            -- the indexed block the inputs were read at
);
CREATE INDEX ON agent_scores (as_of);   -- gateways load the reports computed since their last look

-- Text embeddings of agent_profiles.search_text, per embedding model.
CREATE TABLE agent_embeddings (
    agent_id uint256 NOT NULL REFERENCES agent_profiles ON DELETE CASCADE,
    model TEXT NOT NULL,
    doc_hash BYTEA NOT NULL,
    vector BYTEA NOT NULL,                  -- little-endian float32 (embed.Encode)
    PRIMARY KEY (model, agent_id)
);

-- +goose Down
DROP TABLE agent_embeddings;
DROP TABLE agent_scores;
DROP TABLE heartbeats;
DROP TABLE agent_capabilities;
DROP TABLE search_words;
DROP TABLE agent_profiles;
