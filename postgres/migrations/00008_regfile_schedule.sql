-- The registration-file fetch schedule (issue 17, docs/indexer.md "Registration files"): a file whose read
-- failed is read again with exponential backoff, and a new URI or a MetadataSet of the agent makes it due at
-- once. The schedule lives in these columns so that it survives restarts of the indexer.

-- +goose Up

-- Bumped by every request to read the file (a new URI, a MetadataSet): a result of an older request is
-- dropped, and the row stays due for the newer one.
CREATE SEQUENCE registration_files_generation;

ALTER TABLE registration_files
    ADD COLUMN next_attempt_at TIMESTAMPTZ DEFAULT now(), -- when the file is read next; NULL: not scheduled
    ADD COLUMN last_attempt_at TIMESTAMPTZ,               -- when the last read finished (any outcome)
    ADD COLUMN failures INTEGER NOT NULL DEFAULT 0,       -- consecutive failed reads (the backoff's exponent)
    ADD COLUMN last_error_code TEXT,                      -- the last read's error (NULL after a success): equals
    ADD COLUMN last_error_message TEXT,                   -- error_code when status = 'error'; with status 'ok' it is
                                                          -- a failed refetch that kept the last good file
    ADD COLUMN generation BIGINT NOT NULL DEFAULT nextval('registration_files_generation');

COMMENT ON COLUMN registration_files.attempts IS 'reads of the file behind the current URI (reset when it changes)';
COMMENT ON COLUMN registration_files.fetched_at IS 'when the stored outcome (status ok or error) was read';

-- Rows from before the schedule: pending ones are due as queued, failed ones are due now (they were never
-- tried again), files read fine are not scheduled.
UPDATE registration_files SET
    next_attempt_at = CASE status WHEN 'pending' THEN queued_at WHEN 'error' THEN now() END,
    last_attempt_at = fetched_at,
    failures = CASE WHEN status = 'error' THEN 1 ELSE 0 END,
    last_error_code = error_code,
    last_error_message = error_message,
    attempts = CASE WHEN status = 'pending' THEN 0 ELSE 1 END;

DROP INDEX registration_files_queued_at_idx;
CREATE INDEX registration_files_due ON registration_files (next_attempt_at, agent_id) WHERE next_attempt_at IS NOT NULL;

-- +goose Down
DROP INDEX registration_files_due;
CREATE INDEX ON registration_files (queued_at) WHERE status = 'pending';
COMMENT ON COLUMN registration_files.attempts IS NULL;
COMMENT ON COLUMN registration_files.fetched_at IS NULL;
ALTER TABLE registration_files
    DROP COLUMN next_attempt_at,
    DROP COLUMN last_attempt_at,
    DROP COLUMN failures,
    DROP COLUMN last_error_code,
    DROP COLUMN last_error_message,
    DROP COLUMN generation;
DROP SEQUENCE registration_files_generation;
