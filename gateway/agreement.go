package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"

	"github.com/agoralabs/agora/audit"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/governance"
	"github.com/agoralabs/agora/governance/policy"
	"github.com/agoralabs/agora/terms"
)

// agreementRequest is the body of POST /v1/agreements: a ServiceAgreement and one or both parties'
// signatures.
type agreementRequest struct {
	TypedData         json.RawMessage `json:"typedData"`
	ClientSignature   hexutil.Bytes   `json:"clientSignature"`
	ProviderSignature hexutil.Bytes   `json:"providerSignature"`
}

// agreementView is an agreement as GET /v1/agreements/{id} shows it, with its state: awarded while a
// signature is missing, signed once both are in and until the escrow holds a job for it, then the job's
// status (funded, submitted, completed, rejected, expired, disputed, resolved).
type agreementView struct {
	ID                string          `json:"id"`
	State             string          `json:"state"`
	RFQID             *string         `json:"rfqId"`
	JobID             *string         `json:"jobId"`
	Client            string          `json:"client"`
	Provider          string          `json:"provider"`
	ProviderAgentID   string          `json:"providerAgentId"`
	Token             string          `json:"token"`
	Price             string          `json:"price"`
	MandateID         string          `json:"mandateId"`
	Expiry            time.Time       `json:"expiry"`
	CreatedAt         time.Time       `json:"createdAt"`
	SignedAt          *time.Time      `json:"signedAt"`
	ClientSignature   *string         `json:"clientSignature"`
	ProviderSignature *string         `json:"providerSignature"`
	TypedData         json.RawMessage `json:"typedData"`
}

// postAgreement stores a party's signature of a ServiceAgreement, after the checks the escrow will make, so
// that a signed agreement is one the escrow accepts while it has not expired. Each party posts its own
// signature (or both at once); the second one makes the agreement signed and spends both parties' nonces.
func (s *Server) postAgreement(c *gin.Context) {
	ctx := c.Request.Context()
	var tr agreementTrace // a span per signature, in the RFQ's trace (trace.go)
	defer s.traceAgreement(c, time.Now(), &tr)
	var req agreementRequest
	if p := readJSON(c, &req); p != nil {
		s.fail(c, p)
		return
	}
	if len(req.ClientSignature) == 0 && len(req.ProviderSignature) == 0 {
		s.fail(c, problem(http.StatusBadRequest, CodeInvalidBody, "typedData and clientSignature, providerSignature or both are required"))
		return
	}
	first := req.ClientSignature
	if len(first) == 0 {
		first = req.ProviderSignature
	}
	a, id, _, p := parseSigned[eip712.ServiceAgreement](s, signedMessage{TypedData: req.TypedData, Signature: first})
	now := time.Now()
	if p == nil {
		tr.id, tr.rfq, tr.agent, tr.price = id, rfqIDOf(a.Nonce), bigOrZero(a.ProviderAgentID).String(), bigOrZero(a.Price).String()
		if len(req.ClientSignature) > 0 {
			tr.parties = append(tr.parties, "client")
		}
		if len(req.ProviderSignature) > 0 {
			tr.parties = append(tr.parties, "provider")
		}
		p = s.checkAgreement(ctx, a, now)
	}
	if p == nil && len(req.ClientSignature) > 0 {
		p = s.checkSignature(ctx, a.Client, id, req.ClientSignature)
	}
	if p == nil && len(req.ProviderSignature) > 0 {
		p = s.checkSignature(ctx, a.Provider, id, req.ProviderSignature)
	}
	if p != nil {
		s.fail(c, p)
		return
	}
	// Each signature commits its signer: the provider (its freezes), the client (its mandate and policy).
	if len(req.ProviderSignature) > 0 {
		if p := s.decideProblem(ctx, governance.Request{Action: policy.ActionAgreementSign, Subject: id, Agent: a.Provider,
			AgentID: a.ProviderAgentID, Token: a.Token, Price: a.Price, Counterparty: policy.Counterparty{SybilFlags: []string{}},
			Expires: time.Unix(bigOrZero(a.Expiry).Int64(), 0)}); p != nil {
			s.fail(c, p)
			return
		}
	}
	if len(req.ClientSignature) > 0 && !s.govern(c, governance.Request{Action: policy.ActionAgreementSign, Subject: id,
		Agent: a.Client, AgentID: agentBig(s.agentIDOf(ctx, a.Client)), MandateID: a.MandateID, Token: a.Token,
		Price: a.Price, PayeeAgentID: a.ProviderAgentID,
		Spec: a.DeliverableSpecHash, Counterparty: s.counterparty(ctx, bigOrZero(a.ProviderAgentID).String(), a.Provider),
		Expires: time.Unix(bigOrZero(a.Expiry).Int64(), 0)}) {
		return
	}
	td, _ := eip712.MarshalTypedData(s.domainFor(a), a)
	var changed, signedNow, signed bool
	var view *agreementView
	var err error
	p = s.storeTx(ctx, "agreement", func(tx pgx.Tx) error {
		lock := func() (clientSig, providerSig []byte, exists bool, err error) {
			err = tx.QueryRow(ctx, `SELECT client_signature, provider_signature FROM agreements WHERE id = $1 FOR UPDATE`,
				id.Bytes()).Scan(&clientSig, &providerSig)
			if errors.Is(err, pgx.ErrNoRows) {
				return nil, nil, false, nil
			}
			return clientSig, providerSig, err == nil, err
		}
		clientSig, providerSig, exists, err := lock()
		if err != nil {
			return err
		}
		var parties []string // whose signatures this request adds
		if !exists {
			first, second := nilIfEmpty(req.ClientSignature), nilIfEmpty(req.ProviderSignature)
			var signedAt *time.Time
			if first != nil && second != nil {
				signedAt = &now
			}
			// Both parties may post their first signatures at once: one inserts, the other waits for it
			// here and then adds its signature to the row.
			tag, err := tx.Exec(ctx, `INSERT INTO agreements (id, rfq_id, client, provider, provider_agent_id, token, price,
				delivery_deadline, expiry, typed_data, client_signature, provider_signature, created_at, signed_at, trace_parent)
				VALUES ($1, (SELECT id FROM rfqs WHERE id = $2 AND status = 'awarded' AND buyer = $3), $3, $4, $5::text::numeric,
				$6, $7::text::numeric, $8, $9, $10, $11, $12, $13, $14,
				(SELECT award_trace_parent FROM rfqs WHERE id = $2 AND status = 'awarded' AND buyer = $3)) ON CONFLICT (id) DO NOTHING`,
				id.Bytes(), rfqIDOf(a.Nonce), a.Client.Bytes(), a.Provider.Bytes(), a.ProviderAgentID.String(), a.Token.Bytes(),
				a.Price.String(), storedTime(a.DeliveryDeadline), storedTime(bigOrZero(a.Expiry).Uint64()), td,
				first, second, now, signedAt)
			if err != nil {
				return err
			}
			if tag.RowsAffected() == 1 {
				clientSig, providerSig, changed = first, second, true
				if first != nil {
					parties = append(parties, "client")
				}
				if second != nil {
					parties = append(parties, "provider")
				}
			} else if clientSig, providerSig, exists, err = lock(); err != nil {
				return err
			} else if !exists {
				return fmt.Errorf("agreement %s: neither inserted nor found", id.Hex())
			}
		}
		if exists {
			// A party's first valid signature stays (an ERC-1271 wallet may sign the same digest differently).
			if clientSig == nil && len(req.ClientSignature) > 0 {
				clientSig, changed = req.ClientSignature, true
				parties = append(parties, "client")
			}
			if providerSig == nil && len(req.ProviderSignature) > 0 {
				providerSig, changed = req.ProviderSignature, true
				parties = append(parties, "provider")
			}
			signed = clientSig != nil && providerSig != nil
			if !changed {
				return nil // nothing new: the same signature again
			}
			var signedAt *time.Time
			if signed {
				signedAt = &now
			}
			if _, err := tx.Exec(ctx, `UPDATE agreements SET client_signature = $2, provider_signature = $3, signed_at = $4 WHERE id = $1`,
				id.Bytes(), clientSig, providerSig, signedAt); err != nil {
				return err
			}
		}
		signed = clientSig != nil && providerSig != nil
		if signed { // the second signature: both nonces are spent with it, or nothing is stored
			signedNow = true
			for _, signer := range []common.Address{a.Client, a.Provider} {
				fresh, err := spendNonce(ctx, tx, signer, "ServiceAgreement", a.Nonce, now)
				if err != nil {
					return err
				}
				if !fresh {
					return problem(http.StatusConflict, CodeNonceUsed, "nonce %s of %s was already used for another agreement", a.Nonce, signer.Hex())
				}
			}
		}
		for _, party := range parties {
			signer := a.Client
			if party == "provider" {
				signer = a.Provider
			}
			outcome := "signed"
			if !signed {
				outcome = "awaiting_other_party"
			}
			inputs := map[string]string{"party": party, "provider": addr(a.Provider), "client": addr(a.Client),
				"price": a.Price.String(), "token": addr(a.Token)}
			if a.MandateID != nil && a.MandateID.Sign() > 0 {
				inputs["mandateId"] = a.MandateID.String()
			}
			if err := s.auditTx(ctx, tx, audit.Entry{Action: "agreement.signature", Actor: addr(signer),
				AgentID: bigOrZero(a.ProviderAgentID).String(), Subject: "agreement:" + id.Hex(), Inputs: inputs, Outcome: outcome}); err != nil {
				return err
			}
		}
		if _, err = tx.Exec(ctx, `SELECT pg_notify($1, $2)`, channelMarket, s.marketEvent("agreement", id)); err != nil {
			return err
		}
		view, err = readAgreement(ctx, tx, id) // the state this commit makes, whatever commits next
		return err
	})
	if p != nil {
		s.fail(c, p)
		return
	}
	if view != nil {
		tr.state = view.State
	}
	if changed { // committed: this gateway's streams hear it now, in the state it made
		s.streams.queue(marketMsg{payload: s.marketEvent("agreement", id), agreement: view})
	} else if view, err = s.loadAgreement(ctx, id); err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Location", "/v1/agreements/"+id.Hex())
	switch {
	case signedNow:
		sendJSON(c, http.StatusCreated, view)
	case signed:
		sendJSON(c, http.StatusOK, view)
	default:
		sendJSON(c, http.StatusAccepted, view) // waiting for the other party's signature
	}
}

// nilIfEmpty is b, or nil when it is empty (a signature not given is stored as NULL).
func nilIfEmpty(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	return b
}

// rfqIDOf is the RFQ id an agreement's nonce names (an awarded agreement's nonce is its RFQ's id), or nil
// when the nonce does not fit 32 bytes.
func rfqIDOf(nonce *big.Int) []byte {
	n := bigOrZero(nonce)
	if n.BitLen() > 256 {
		return nil
	}
	return common.BigToHash(n).Bytes()
}

// checkAgreement makes the escrow's checks of an agreement's terms at now (package terms, in the escrow's
// order, and the store's bounds), then the escrow's check that the provider is the agent's owner or wallet.
// The signatures are checked after it (checkSignature: the escrow's signature rule).
func (s *Server) checkAgreement(ctx context.Context, a eip712.ServiceAgreement, now time.Time) *Problem {
	if err := terms.Agreement(a, uint64(now.Unix())); err != nil {
		return termsProblem(err)
	}
	id := a.ProviderAgentID.String()
	wallet, p := s.agentWallet(ctx, id)
	if p != nil && p.Code != CodeNoAgentWallet {
		return p
	}
	if a.Provider == wallet {
		return nil
	}
	var owner []byte
	err := s.pool.QueryRow(ctx, `SELECT owner FROM agents WHERE agent_id = $1::text::numeric`, id).Scan(&owner)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return problem(http.StatusServiceUnavailable, CodeUnavailable, "database unavailable; try again")
	}
	if owner == nil || common.BytesToAddress(owner) != a.Provider {
		p := problem(http.StatusForbidden, CodeSignerMismatch, "provider %s is neither the owner nor the wallet of agent %s", a.Provider.Hex(), id)
		p.Field, p.EscrowError = "provider", "ProviderNotAgent"
		return p
	}
	return nil
}

func (s *Server) loadAgreement(ctx context.Context, id common.Hash) (*agreementView, error) {
	return readAgreement(ctx, s.pool, id)
}

// rowQuerier is a pool or a transaction, for a read of one row.
type rowQuerier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

func readAgreement(ctx context.Context, q rowQuerier, id common.Hash) (*agreementView, error) {
	v := &agreementView{ID: id.Hex(), State: "awarded"}
	var rfq, client, provider, token, clientSig, providerSig []byte
	var status *string
	err := q.QueryRow(ctx, `SELECT a.rfq_id, a.client, a.provider, a.provider_agent_id::text, a.token, a.price::text,
			COALESCE(a.typed_data->'message'->>'mandateId', '0'), a.expiry, a.created_at, a.signed_at, a.client_signature, a.provider_signature, a.typed_data, j.job_id::text, j.status
		FROM agreements a LEFT JOIN escrow_jobs j ON j.agreement_hash = a.id
		WHERE a.id = $1`, id.Bytes()).Scan(&rfq, &client, &provider, &v.ProviderAgentID, &token, &v.Price, &v.MandateID, &v.Expiry,
		&v.CreatedAt, &v.SignedAt, &clientSig, &providerSig, &v.TypedData, &v.JobID, &status)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, problem(http.StatusNotFound, CodeAgreementNotFound, "no agreement %s", id.Hex())
	}
	if err != nil {
		return nil, fmt.Errorf("agreement: %w: %w", errUnavailable, err)
	}
	if rfq != nil {
		r := common.BytesToHash(rfq).Hex()
		v.RFQID = &r
	}
	if v.SignedAt != nil {
		t := v.SignedAt.UTC()
		v.SignedAt, v.State = &t, "signed"
	}
	if status != nil {
		v.State = *status
	}
	if clientSig != nil {
		h := hexutil.Encode(clientSig)
		v.ClientSignature = &h
	}
	if providerSig != nil {
		h := hexutil.Encode(providerSig)
		v.ProviderSignature = &h
	}
	v.Client, v.Provider, v.Token = common.BytesToAddress(client).Hex(), common.BytesToAddress(provider).Hex(), common.BytesToAddress(token).Hex()
	v.Expiry, v.CreatedAt = v.Expiry.UTC(), v.CreatedAt.UTC()
	return v, nil
}
