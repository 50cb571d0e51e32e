-- Embeddings are keyed by the embedder's model and its dimension as well as the agent (issue 17): an
-- OpenAI-compatible model can serve several dimensions under one name, and a vector of another dimension must be
-- embedded again rather than skipped. doc_hash (sha256 of the profile's search_text) says whether a stored
-- vector is still the one of the document: gateways reuse it across restarts while it is.

-- +goose Up
DELETE FROM agent_embeddings WHERE octet_length(vector) = 0 OR octet_length(vector) % 4 <> 0; -- unreadable: embedded again
ALTER TABLE agent_embeddings ADD COLUMN dims INTEGER;
UPDATE agent_embeddings SET dims = octet_length(vector) / 4;
ALTER TABLE agent_embeddings ALTER COLUMN dims SET NOT NULL;
ALTER TABLE agent_embeddings ADD CONSTRAINT agent_embeddings_dims_check CHECK (dims > 0 AND octet_length(vector) = 4 * dims);
ALTER TABLE agent_embeddings DROP CONSTRAINT agent_embeddings_pkey;
ALTER TABLE agent_embeddings ADD PRIMARY KEY (model, dims, agent_id);

-- +goose Down
DELETE FROM agent_embeddings e WHERE EXISTS (SELECT 1 FROM agent_embeddings o
    WHERE o.model = e.model AND o.agent_id = e.agent_id AND o.dims > e.dims);
ALTER TABLE agent_embeddings DROP CONSTRAINT agent_embeddings_pkey;
ALTER TABLE agent_embeddings DROP COLUMN dims;
ALTER TABLE agent_embeddings ADD PRIMARY KEY (model, agent_id);
