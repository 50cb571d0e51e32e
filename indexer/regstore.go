package indexer

import (
	"context"
	"fmt"
	"math/big"

	"github.com/jackc/pgx/v5"

	"github.com/agoralabs/agora/discovery"
	"github.com/agoralabs/agora/indexer/regfile"
)

// DiscoveryChannel is the PostgreSQL NOTIFY channel on which the indexer announces, with the agent id as
// payload, that an agent's search document (agent_profiles, agent_capabilities) changed.
const DiscoveryChannel = "agora_discovery"

// RegistrationStore is the registration_files table as a regfile.Store: the indexer queues a row whenever an
// agent's URI changes (in the block's transaction), and the regfile pool reads the file and saves the
// outcome here, never blocking indexing.
type RegistrationStore struct{ s *Store }

// Registrations returns the store's registration-file queue.
func (s *Store) Registrations() *RegistrationStore { return &RegistrationStore{s: s} }

// Pending implements regfile.Store.
func (r *RegistrationStore) Pending(ctx context.Context, limit int) ([]regfile.Job, error) {
	rows, err := r.s.pool.Query(ctx, `SELECT agent_id::text, agent_uri FROM registration_files
		WHERE status = 'pending' ORDER BY queued_at, agent_id LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("indexer: pending registration files: %w", err)
	}
	defer rows.Close()
	var jobs []regfile.Job
	for rows.Next() {
		var id, uri string
		if err := rows.Scan(&id, &uri); err != nil {
			return nil, err
		}
		n, ok := new(big.Int).SetString(id, 10)
		if !ok {
			return nil, fmt.Errorf("indexer: agent id %q", id)
		}
		jobs = append(jobs, regfile.Job{AgentID: n, URI: uri})
	}
	return jobs, rows.Err()
}

// Save implements regfile.Store. A result for a URI that is no longer the agent's is dropped, and so is one
// cut short by shutdown (the row stays pending for the next run).
func (r *RegistrationStore) Save(ctx context.Context, res regfile.Result) error {
	if res.Err != nil && res.Err.Code == regfile.CodeCanceled {
		return nil
	}
	status, code, msg := "ok", "", ""
	var parsed any
	if res.Err != nil {
		status, code, msg = "error", res.Err.Code, res.Err.Message
	} else if res.Canonical != nil {
		parsed = string(res.Canonical)
	}
	return pgx.BeginFunc(ctx, r.s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE registration_files SET status = $3, raw = $4, parsed = $5::jsonb,
				error_code = NULLIF($6, ''), error_message = NULLIF($7, ''), attempts = $8, fetched_at = $9
			WHERE agent_id = $1::text::numeric AND agent_uri = $2 AND status = 'pending'`,
			res.Job.AgentID.String(), res.Job.URI, status, res.Raw, parsed, code, msg, res.Attempts, res.FetchedAt)
		if err != nil {
			return fmt.Errorf("indexer: save registration file of agent %s: %w", res.Job.AgentID, err)
		}
		if tag.RowsAffected() == 0 {
			return nil // the URI changed meanwhile: a newer job will save the agent's profile
		}
		// The search document follows the file: rebuilt from a valid one, removed otherwise.
		if res.Err == nil && res.Parsed != nil {
			err = discovery.Save(ctx, tx, res.Job.AgentID, res.Job.URI, discovery.NewProfile(res.Parsed))
		} else {
			err = discovery.Delete(ctx, tx, res.Job.AgentID)
		}
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `SELECT pg_notify($1, $2)`, DiscoveryChannel, res.Job.AgentID.String())
		return err
	})
}
