-- The audit log (issue 18, package audit, docs/audit.md). Writers (every gateway, the indexer) add canonical
-- entries to audit_pending; one sequencer at a time (the holder of an advisory lock) gives them their place in
-- the tree, in id order: it moves them to audit_log with their leaf hashes, stores the tree's new nodes in
-- audit_nodes and signs the new tree head into audit_checkpoints. Entries are only ever appended; months older
-- than the retention are exported and their partitions dropped (agora audit prune), recorded in audit_archives,
-- while their leaf hashes stay in audit_nodes so the tree and every proof still verify.

-- +goose Up
CREATE TABLE audit_pending (
    id        BIGSERIAL PRIMARY KEY,
    entry     BYTEA       NOT NULL, -- RFC 8785 canonical JSON
    time      TIMESTAMPTZ NOT NULL,
    action    TEXT        NOT NULL,
    actor     TEXT,
    principal TEXT,
    agent_id  NUMERIC,
    subject   TEXT,
    trace_id  TEXT
);

CREATE TABLE audit_log (
    seq       BIGINT      NOT NULL CHECK (seq >= 0), -- the leaf index
    logged_at TIMESTAMPTZ NOT NULL,                  -- when the sequencer placed it (never decreasing): its partition
    time      TIMESTAMPTZ NOT NULL,                  -- the entry's own time
    action    TEXT        NOT NULL,
    actor     TEXT,
    principal TEXT,
    agent_id  NUMERIC,
    subject   TEXT,
    trace_id  TEXT,
    entry     BYTEA       NOT NULL,
    leaf_hash BYTEA       NOT NULL CHECK (octet_length(leaf_hash) = 32),
    PRIMARY KEY (seq, logged_at)
) PARTITION BY RANGE (logged_at);
CREATE INDEX audit_log_agent ON audit_log (agent_id, seq) WHERE agent_id IS NOT NULL;
CREATE INDEX audit_log_principal ON audit_log (principal, seq) WHERE principal IS NOT NULL;
CREATE INDEX audit_log_actor ON audit_log (actor, seq) WHERE actor IS NOT NULL;
CREATE INDEX audit_log_subject ON audit_log (subject, seq) WHERE subject IS NOT NULL;
CREATE INDEX audit_log_time ON audit_log (time);

-- Every node of the tree that roots a perfect subtree, leaves (level 0) included.
CREATE TABLE audit_nodes (
    level SMALLINT NOT NULL CHECK (level >= 0 AND level < 64),
    idx   BIGINT   NOT NULL CHECK (idx >= 0),
    hash  BYTEA    NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (level, idx)
);

-- The tree's size and its compact range (the hashes of the perfect subtrees covering it, left to right):
-- what the next sequencer appends to. One row.
CREATE TABLE audit_tree (
    one     BOOLEAN PRIMARY KEY DEFAULT true CHECK (one),
    size    BIGINT  NOT NULL CHECK (size >= 0),
    compact BYTEA[] NOT NULL,
    origin  TEXT    NOT NULL,
    logged_at TIMESTAMPTZ NOT NULL -- the last integration's
);

-- Signed tree heads (C2SP tlog-checkpoint signed notes), one per size signed.
CREATE TABLE audit_checkpoints (
    size      BIGINT PRIMARY KEY CHECK (size >= 0),
    root      BYTEA       NOT NULL CHECK (octet_length(root) = 32),
    note      TEXT        NOT NULL,
    signed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Months exported and dropped by agora audit prune: each a contiguous range of leaves.
CREATE TABLE audit_archives (
    month       DATE PRIMARY KEY,
    entries     BIGINT      NOT NULL,
    first_seq   BIGINT,
    last_seq    BIGINT,
    file        TEXT        NOT NULL,
    sha256      BYTEA       NOT NULL CHECK (octet_length(sha256) = 32),
    dropped_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE audit_archives;
DROP TABLE audit_checkpoints;
DROP TABLE audit_tree;
DROP TABLE audit_nodes;
DROP TABLE audit_log;
DROP TABLE audit_pending;
