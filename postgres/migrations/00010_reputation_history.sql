-- The history of each agent's reputation score (issue 17: the explorer's reputation chart). Every time a gateway
-- stores a new score or confidence for an agent in agent_scores, the trigger appends it here; an unchanged
-- rescore adds nothing. GET /v1/agents/{id}/reputation/history reads it. Rows go with their agent (a reorg that
-- removes the agent removes its history).

-- +goose Up
CREATE TABLE agent_score_history (
    agent_id uint256 NOT NULL REFERENCES agents ON DELETE CASCADE,
    as_of TIMESTAMPTZ NOT NULL,
    block_number BIGINT NOT NULL,
    score NUMERIC(5, 2) NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (agent_id, as_of)
);

-- +goose StatementBegin
CREATE FUNCTION agent_score_history_append() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.score IS DISTINCT FROM OLD.score OR NEW.confidence IS DISTINCT FROM OLD.confidence THEN
        INSERT INTO agent_score_history (agent_id, as_of, block_number, score, confidence)
        VALUES (NEW.agent_id, NEW.as_of, NEW.block_number, NEW.score, NEW.confidence)
        ON CONFLICT (agent_id, as_of) DO UPDATE
            SET block_number = EXCLUDED.block_number, score = EXCLUDED.score, confidence = EXCLUDED.confidence;
    END IF;
    RETURN NEW;
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER agent_scores_history AFTER INSERT OR UPDATE ON agent_scores
    FOR EACH ROW EXECUTE FUNCTION agent_score_history_append();

-- The scores stored before this migration start each history.
INSERT INTO agent_score_history (agent_id, as_of, block_number, score, confidence)
SELECT agent_id, as_of, block_number, score, confidence FROM agent_scores;

-- +goose Down
DROP TRIGGER agent_scores_history ON agent_scores;
DROP FUNCTION agent_score_history_append();
DROP TABLE agent_score_history;
