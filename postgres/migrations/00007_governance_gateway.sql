-- Governance in the gateway (issue 15, docs/governance.md): every decision of the inline policy check, and the
-- approval queue of the actions it escalated. The gateway writes these tables; the chain's governance facts are
-- the indexer's (governance_* event tables and their projections).

-- +goose Up
CREATE TABLE policy_decisions (
    id BIGSERIAL PRIMARY KEY,
    action TEXT NOT NULL,                   -- rfq.post, quote, award, agreement.sign, fund
    subject hash32 NOT NULL,                -- the request's EIP-712 digest (RFQ, quote or agreement id)
    agent address NOT NULL,                 -- the acting wallet
    principal address,                      -- NULL when the action names no mandate
    mandate_id uint256,
    outcome TEXT NOT NULL CHECK (outcome IN ('allow', 'escalate', 'deny')),
    rule TEXT NOT NULL,                     -- the rule that decided ("" for a default allow)
    reason TEXT NOT NULL,
    rules JSONB NOT NULL,                   -- every rule hit
    policy_version INTEGER NOT NULL,        -- 0: the principal has no policy
    input_hash hash32 NOT NULL,             -- SHA-256 of the canonical input (policy.Input.Hash)
    input JSONB NOT NULL,
    approval_id hash32,                     -- the approval an escalation opened or used
    decided_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ON policy_decisions (principal, decided_at);
CREATE INDEX ON policy_decisions (subject);

CREATE TABLE approvals (
    id hash32 PRIMARY KEY,                  -- the escalated request's EIP-712 digest
    action TEXT NOT NULL,
    agent address NOT NULL,
    principal address NOT NULL,
    mandate_id uint256 NOT NULL,
    approvers BYTEA[] NOT NULL,             -- who may decide: the principal and the mandate's approvers
    rule TEXT NOT NULL,                     -- the rule that escalated
    reason TEXT NOT NULL,
    summary JSONB NOT NULL,                 -- what is asked: price, token, capability, counterparty
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'denied')),
    decided_by address,
    signature BYTEA,                        -- the approver's PolicyApproval signature
    decided_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,        -- a pending approval past this is expired: the action is refused
    CHECK ((status = 'pending') = (decided_by IS NULL))
);
CREATE INDEX ON approvals (status, expires_at);
CREATE INDEX approvals_approvers ON approvals USING GIN (approvers);

-- The kill switch (docs/governance.md): an open RFQ under a revoked mandate, or by a frozen agent, is withdrawn;
-- so is an open quote of a frozen agent (a withdrawn quote cannot win).
ALTER TABLE rfqs DROP CONSTRAINT rfqs_status_check;
ALTER TABLE rfqs ADD CONSTRAINT rfqs_status_check CHECK (status IN ('open', 'awarded', 'no_bids', 'withdrawn'));
ALTER TABLE quotes ADD COLUMN withdrawn_at TIMESTAMPTZ;

-- +goose Down
ALTER TABLE quotes DROP COLUMN withdrawn_at;
UPDATE rfqs SET status = 'no_bids' WHERE status = 'withdrawn';
ALTER TABLE rfqs DROP CONSTRAINT rfqs_status_check;
ALTER TABLE rfqs ADD CONSTRAINT rfqs_status_check CHECK (status IN ('open', 'awarded', 'no_bids'));
DROP TABLE approvals;
DROP TABLE policy_decisions;
