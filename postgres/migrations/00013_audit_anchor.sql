-- Anchors of the audit log (issue 18, audit.Anchorer, docs/deployment.md): the transaction that recorded a signed
-- tree head in the AuditAnchor contract, and its block. NULL while a head is not anchored; the anchorer anchors the
-- newest head every few minutes, so most heads never are (an anchor of size n covers every smaller head through
-- the consistency of the tree).

-- +goose Up
ALTER TABLE audit_checkpoints
    ADD COLUMN anchor_tx    BYTEA CHECK (octet_length(anchor_tx) = 32),
    ADD COLUMN anchor_block BIGINT CHECK (anchor_block > 0),
    ADD CONSTRAINT audit_checkpoints_anchor CHECK ((anchor_tx IS NULL) = (anchor_block IS NULL));

-- +goose Down
ALTER TABLE audit_checkpoints
    DROP CONSTRAINT audit_checkpoints_anchor,
    DROP COLUMN anchor_block,
    DROP COLUMN anchor_tx;
