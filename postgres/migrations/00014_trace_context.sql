-- Trace context of the market (issue 18, docs/tracing.md): the W3C traceparent of an RFQ's rfq.post span, so
-- that its close, its award, its agreement's signatures, a no-sign penalty and its escrow job's states (all
-- later, some on other gateway copies) are spans of the same trace; NULL when it was posted untraced.

-- +goose Up
ALTER TABLE rfqs
    ADD COLUMN trace_parent TEXT CHECK (trace_parent ~ '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$'),
    -- the award span's (the parent of its agreement's spans)
    ADD COLUMN award_trace_parent TEXT CHECK (award_trace_parent ~ '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$');
ALTER TABLE agreements
    -- its RFQ's award span's: the parent of its signatures' and its escrow job's spans
    ADD COLUMN trace_parent TEXT CHECK (trace_parent ~ '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$'),
    -- the escrow job's events up to this block have their spans (one gateway copy emits each)
    ADD COLUMN traced_block BIGINT NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE agreements DROP COLUMN traced_block, DROP COLUMN trace_parent;
ALTER TABLE rfqs DROP COLUMN award_trace_parent, DROP COLUMN trace_parent;
