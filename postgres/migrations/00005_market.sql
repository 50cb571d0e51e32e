-- The market (issue 5): signed RFQs, the signed quotes that answer them, and every nonce a signer has spent on
-- a market message. The gateway writes these tables; RFQ and quote ids are their EIP-712 digests under the
-- escrow's domain (eip712.EscrowDomain), so the same signed message can never be stored twice.

-- +goose Up
CREATE TABLE rfqs (
    id hash32 PRIMARY KEY,                  -- the RFQ's EIP-712 digest
    buyer address NOT NULL,
    capability TEXT NOT NULL,
    input_spec_hash hash32 NOT NULL,
    token address NOT NULL,
    max_price uint256 NOT NULL,
    floor_price uint256 NOT NULL,
    delivery_deadline TIMESTAMPTZ NOT NULL,
    quote_window_ms INTEGER NOT NULL,
    auction SMALLINT NOT NULL,              -- eip712.Auction*: 0 first price, 1 second price, 2 Dutch, 3 direct
    provider_agent_id uint256,              -- direct requests: the provider asked
    validator address,                      -- NULL: none
    validation_threshold SMALLINT NOT NULL,
    arbiter address,                        -- NULL: none (required with a validator)
    review_window BIGINT NOT NULL,          -- seconds
    late_penalty_bps INTEGER NOT NULL,
    nonce uint256 NOT NULL,
    expiry TIMESTAMPTZ NOT NULL,
    typed_data JSONB NOT NULL,              -- what the buyer signed (eth_signTypedData_v4)
    signature BYTEA NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'awarded', 'no_bids')),
    opened_at TIMESTAMPTZ NOT NULL,
    closes_at TIMESTAMPTZ NOT NULL,         -- opened_at + the quote window
    closed_at TIMESTAMPTZ,
    winner_quote hash32,                    -- awarded: the winning quote's id
    paid uint256,                           -- awarded: what the winner is paid (second price: the second-best)
    ranked TEXT[] NOT NULL DEFAULT '{}',    -- at the close: the valid quotes' ids (0x hex), best first
    refusals JSONB NOT NULL DEFAULT '[]',   -- at the close: the quotes the auction rule refused, with reasons
    sign_by TIMESTAMPTZ,                    -- awarded: the award's agreement expires then (its expiry)
    agreement_id hash32,                    -- awarded: the digest of the agreement the winner must sign
    sign_checked BOOLEAN NOT NULL DEFAULT false -- awarded: after sign_by, the winner's signature was looked for
);
CREATE INDEX ON rfqs (closes_at) WHERE status = 'open'; -- gateways close the overdue ones
CREATE INDEX ON rfqs (sign_by) WHERE status = 'awarded' AND NOT sign_checked; -- and penalise unsigned awards
CREATE INDEX ON rfqs (buyer);

CREATE TABLE quotes (
    id hash32 PRIMARY KEY,                  -- the quote's EIP-712 digest
    rfq_id hash32 NOT NULL REFERENCES rfqs ON DELETE CASCADE,
    seq BIGSERIAL NOT NULL,                 -- arrival order
    provider_agent_id uint256 NOT NULL,
    provider address NOT NULL,              -- the agent's wallet at the time, which signed
    price uint256 NOT NULL,
    delivery_deadline TIMESTAMPTZ NOT NULL,
    sla_hash hash32 NOT NULL,
    nonce uint256 NOT NULL,
    valid_until TIMESTAMPTZ NOT NULL,
    typed_data JSONB NOT NULL,
    signature BYTEA NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    at_ms INTEGER NOT NULL,                 -- milliseconds since the RFQ opened
    reputation REAL,                        -- the provider's score when it quoted (NULL: none)
    p95_ms BIGINT,                          -- its live or declared p95 when it quoted (NULL: unknown)
    demoted BOOLEAN NOT NULL DEFAULT false  -- at the close: the provider was serving a penalty
);
CREATE INDEX ON quotes (rfq_id, seq);

-- Service agreements by their EIP-712 digest, which the escrow records as the job's agreement_hash. Each party
-- posts its own signature (checked); with both the agreement is signed (signed_at) and its state is then its
-- escrow job's (escrow_jobs).
CREATE TABLE agreements (
    id hash32 PRIMARY KEY,                  -- the ServiceAgreement's EIP-712 digest
    rfq_id hash32 REFERENCES rfqs ON DELETE SET NULL, -- the RFQ it was awarded from (its nonce is the RFQ id)
    client address NOT NULL,
    provider address NOT NULL,
    provider_agent_id uint256 NOT NULL,
    token address NOT NULL,
    price uint256 NOT NULL,
    delivery_deadline TIMESTAMPTZ NOT NULL,
    expiry TIMESTAMPTZ NOT NULL,            -- the signatures' expiry: fund before it
    typed_data JSONB NOT NULL,
    client_signature BYTEA,                 -- NULL until the client posts it
    provider_signature BYTEA,               -- NULL until the provider posts it
    created_at TIMESTAMPTZ NOT NULL,
    signed_at TIMESTAMPTZ,                  -- when the second signature arrived (both nonces spent then)
    CHECK (client_signature IS NOT NULL OR provider_signature IS NOT NULL),
    CHECK ((signed_at IS NOT NULL) = (client_signature IS NOT NULL AND provider_signature IS NOT NULL))
);
CREATE INDEX ON agreements (client);
CREATE INDEX ON agreements (provider_agent_id);
CREATE INDEX ON agreements (rfq_id);

-- Penalties: a provider that won an award and did not sign its agreement before it expired ranks after every
-- other bidder in the auctions that close before `until` (docs/market.md).
CREATE TABLE provider_penalties (
    agent_id uint256 NOT NULL,
    rfq_id hash32 NOT NULL REFERENCES rfqs ON DELETE CASCADE, -- the award it did not sign
    since TIMESTAMPTZ NOT NULL,
    until TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (agent_id, rfq_id)
);
CREATE INDEX ON provider_penalties (agent_id, until);
-- An agreement's state is its escrow job's: found by agreement_hash, and per block for the streams.
CREATE INDEX escrow_jobs_agreement ON escrow_jobs (agreement_hash) WHERE agreement_hash IS NOT NULL;
CREATE INDEX escrow_jobs_agreement_status ON escrow_jobs (status_block) WHERE agreement_hash IS NOT NULL;

-- Nonces are single use per signer and message type: storing a message spends its nonce in the same
-- transaction, so a replay (or another message with the same nonce) is refused.
CREATE TABLE spent_nonces (
    signer address NOT NULL,
    kind TEXT NOT NULL,                     -- the primary type: RFQ, Quote, ServiceAgreement
    nonce uint256 NOT NULL,
    spent_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (signer, kind, nonce)
);

-- +goose Down
DROP INDEX escrow_jobs_agreement_status;
DROP INDEX escrow_jobs_agreement;
DROP TABLE provider_penalties;
DROP TABLE agreements;
DROP TABLE spent_nonces;
DROP TABLE quotes;
DROP TABLE rfqs;
