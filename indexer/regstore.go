package indexer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/jackc/pgx/v5"

	"github.com/agoralabs/agora/discovery"
	"github.com/agoralabs/agora/indexer/regfile"
)

// DiscoveryChannel is the PostgreSQL NOTIFY channel on which the indexer announces, with the agent id as
// payload, that an agent's search document (agent_profiles, agent_capabilities) changed, and with it the
// state of its registration file.
const DiscoveryChannel = "agora_discovery"

// RegistrationChannel is the PostgreSQL NOTIFY channel on which the indexer announces, with the agent id as
// payload, that only the fetch state of an agent's registration file changed (a failed read recorded and
// the next one scheduled, or a refetch that found the same bytes): readers drop what they cached of it.
const RegistrationChannel = "agora_regfile"

// RegistrationStore is the registration_files table as a regfile.Store: the indexer queues a row whenever an
// agent's URI changes (in the block's transaction), and the regfile pool reads the file and saves the
// outcome here, never blocking indexing.
type RegistrationStore struct{ s *Store }

// Registrations returns the store's registration-file queue.
func (s *Store) Registrations() *RegistrationStore { return &RegistrationStore{s: s} }

// Pending implements regfile.Store: the rows whose next read is due, the longest due first.
func (r *RegistrationStore) Pending(ctx context.Context, limit int) ([]regfile.Job, error) {
	rows, err := r.s.pool.Query(ctx, `SELECT agent_id::text, agent_uri, generation, failures FROM registration_files
		WHERE next_attempt_at <= now() ORDER BY next_attempt_at, agent_id LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("indexer: pending registration files: %w", err)
	}
	defer rows.Close()
	var jobs []regfile.Job
	for rows.Next() {
		var id, uri string
		var gen int64
		var failures int
		if err := rows.Scan(&id, &uri, &gen, &failures); err != nil {
			return nil, err
		}
		n, ok := new(big.Int).SetString(id, 10)
		if !ok {
			return nil, fmt.Errorf("indexer: agent id %q", id)
		}
		jobs = append(jobs, regfile.Job{AgentID: n, URI: uri, Generation: gen, Failures: failures})
	}
	return jobs, rows.Err()
}

// Save implements regfile.Store. A result is dropped when its URI is no longer the agent's or a newer
// request to read the file came in meanwhile (a MetadataSet: the row stays due and is read again), and
// so is one cut short by shutdown (the row stays due for the next run).
//
// A success stores the file and rebuilds the agent's search document (unless the bytes are those already
// stored). A failure of a temporary kind after a good read keeps the good file and only records the error;
// any other failure replaces the outcome with the error and removes the search document. Either way the
// next read is scheduled when res.Retry is set, on the database's clock.
func (r *RegistrationStore) Save(ctx context.Context, res regfile.Result) error {
	if res.Err != nil && res.Err.Code == regfile.CodeCanceled {
		return nil
	}
	id := res.Job.AgentID.String()
	var retry any // NULL: no next read
	if res.Retry > 0 {
		retry = res.Retry
	}
	return pgx.BeginFunc(ctx, r.s.pool, func(tx pgx.Tx) error {
		var status string
		var raw []byte
		err := tx.QueryRow(ctx, `SELECT status, raw FROM registration_files
			WHERE agent_id = $1::text::numeric AND agent_uri = $2 AND generation = $3 FOR UPDATE`,
			id, res.Job.URI, res.Job.Generation).Scan(&status, &raw)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil // superseded: a newer request will save the agent's file
		}
		if err != nil {
			return fmt.Errorf("indexer: registration file of agent %s: %w", id, err)
		}
		channel := RegistrationChannel // only the fetch state changed
		switch {
		case res.Err == nil:
			var parsed any
			if res.Canonical != nil {
				parsed = string(res.Canonical)
			}
			_, err = tx.Exec(ctx, `UPDATE registration_files SET status = 'ok', raw = $2, parsed = $3::jsonb,
					error_code = NULL, error_message = NULL, attempts = attempts + 1, fetched_at = now(),
					next_attempt_at = NULL, last_attempt_at = now(), failures = 0, last_error_code = NULL,
					last_error_message = NULL
				WHERE agent_id = $1::text::numeric`, id, res.Raw, parsed)
			if err == nil && (status != "ok" || !bytes.Equal(raw, res.Raw)) {
				channel = DiscoveryChannel
				if res.Parsed != nil {
					err = discovery.Save(ctx, tx, res.Job.AgentID, res.Job.URI, discovery.NewProfile(res.Parsed))
				} else {
					err = discovery.Delete(ctx, tx, res.Job.AgentID)
				}
			}
		case status == "ok" && res.Err.Temporary:
			_, err = tx.Exec(ctx, `UPDATE registration_files SET attempts = attempts + 1,
					next_attempt_at = now() + $2::interval, last_attempt_at = now(), failures = failures + 1,
					last_error_code = $3, last_error_message = $4
				WHERE agent_id = $1::text::numeric`, id, retry, res.Err.Code, res.Err.Message)
		default:
			_, err = tx.Exec(ctx, `UPDATE registration_files SET status = 'error', raw = $2, parsed = NULL,
					error_code = $3, error_message = $4, attempts = attempts + 1, fetched_at = now(),
					next_attempt_at = now() + $5::interval, last_attempt_at = now(), failures = failures + 1,
					last_error_code = $3, last_error_message = $4
				WHERE agent_id = $1::text::numeric`, id, res.Raw, res.Err.Code, res.Err.Message, retry)
			if err == nil && status != "error" {
				channel = DiscoveryChannel
				err = discovery.Delete(ctx, tx, res.Job.AgentID)
			}
		}
		if err != nil {
			return fmt.Errorf("indexer: save registration file of agent %s: %w", id, err)
		}
		_, err = tx.Exec(ctx, `SELECT pg_notify($1, $2)`, channel, id)
		return err
	})
}
