-- The indexer's progress (issue 17, docs/indexer.md "Progress"), stored with the cursor at every commit so that
-- other processes can show it: indexer.ReadProgress reads these columns.

-- +goose Up
ALTER TABLE indexer_state
    ADD COLUMN head_block BIGINT,                  -- the node's latest block when the cursor was committed
    ADD COLUMN target_block BIGINT,                -- head_block less the confirmations: what the indexer catches up to
    ADD COLUMN events_per_second DOUBLE PRECISION, -- events committed per second over the 10 s before the commit
    ADD COLUMN blocks_per_second DOUBLE PRECISION; -- blocks committed per second over the 10 s before the commit

-- +goose Down
ALTER TABLE indexer_state
    DROP COLUMN head_block,
    DROP COLUMN target_block,
    DROP COLUMN events_per_second,
    DROP COLUMN blocks_per_second;
