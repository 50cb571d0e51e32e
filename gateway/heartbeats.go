package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/agoralabs/agora/eip712"
)

// heartbeatRequest is the body of POST /v1/heartbeats: eth_signTypedData_v4 typed data of an
// eip712.Heartbeat in the gateway's domain, and the agent wallet's signature of it.
type heartbeatRequest struct {
	TypedData json.RawMessage `json:"typedData"`
	Signature hexutil.Bytes   `json:"signature"`
}

type heartbeatResponse struct {
	AgentID   string    `json:"agentId"`
	ID        string    `json:"id"`
	Status    string    `json:"status"`
	Nonce     string    `json:"nonce"`
	ExpiresAt time.Time `json:"expiresAt"`
	Signer    string    `json:"signer"`
}

func (s *Server) postHeartbeat(c *gin.Context) {
	resp, p := s.acceptHeartbeat(c.Request.Context(), c)
	if p != nil {
		s.metrics.heartbeats.WithLabelValues(p.Code).Inc()
		s.fail(c, p)
		return
	}
	s.metrics.heartbeats.WithLabelValues("ok").Inc()
	sendJSON(c, http.StatusOK, resp)
}

// acceptHeartbeat checks a heartbeat in order — shape, domain (chain and contract), expiry, the agent and
// its wallet, the signature (ECDSA or ERC-1271) — and stores it if its nonce is above the agent's last.
// Any failure returns a Problem and stores nothing.
func (s *Server) acceptHeartbeat(ctx context.Context, c *gin.Context) (*heartbeatResponse, *Problem) {
	var req heartbeatRequest
	if p := readJSON(c, &req); p != nil {
		return nil, p
	}
	if len(req.TypedData) == 0 || len(req.Signature) == 0 {
		return nil, problem(http.StatusBadRequest, CodeInvalidBody, "typedData and signature are required")
	}
	domain, msg, err := eip712.ParseTypedData(req.TypedData)
	if err != nil {
		return nil, problem(http.StatusBadRequest, CodeInvalidBody, "typedData: %v", err)
	}
	hb, ok := msg.(eip712.Heartbeat)
	if !ok {
		return nil, problem(http.StatusBadRequest, CodeInvalidBody, "typedData: primaryType %s, want Heartbeat", msg.PrimaryType())
	}
	if domain.Name != eip712.GatewayDomainName || domain.Version != eip712.DomainVersion {
		return nil, problem(http.StatusBadRequest, CodeWrongContract, "domain %q version %q: want %q version %q",
			clip(domain.Name), clip(domain.Version), eip712.GatewayDomainName, eip712.DomainVersion)
	}
	if domain.ChainID == nil || domain.ChainID.Cmp(s.chainID) != 0 {
		return nil, problem(http.StatusBadRequest, CodeWrongChain, "signed for chain %v, this gateway serves chain %s",
			domain.ChainID, s.chainID)
	}
	if domain.VerifyingContract != s.registry {
		return nil, problem(http.StatusBadRequest, CodeWrongContract, "signed for verifying contract %s, want the Identity Registry %s",
			domain.VerifyingContract.Hex(), s.registry.Hex())
	}
	now := time.Now()
	if hb.ExpiresAt <= uint64(now.Unix()) {
		return nil, problem(http.StatusBadRequest, CodeHeartbeatExpired, "expiresAt %d is not in the future", hb.ExpiresAt)
	}
	if hb.ExpiresAt > uint64(now.Add(s.cfg.HeartbeatMaxTTL).Unix()) {
		return nil, problem(http.StatusBadRequest, CodeHeartbeatExpired, "expiresAt %d is more than %s ahead",
			hb.ExpiresAt, s.cfg.HeartbeatMaxTTL)
	}
	if hb.Status > eip712.HeartbeatBusy {
		return nil, problem(http.StatusBadRequest, CodeInvalidBody, "status %d: want 0 (offline), 1 (online) or 2 (busy)", hb.Status)
	}
	id := hb.AgentID.String()
	wallet, p := s.agentWallet(ctx, id)
	if p != nil {
		return nil, p
	}
	digest, err := eip712.Digest(domain, hb)
	if err != nil {
		return nil, problem(http.StatusBadRequest, CodeInvalidBody, "typedData: %v", err)
	}
	if err := s.verifier.Verify(ctx, wallet, digest, req.Signature); err != nil {
		switch {
		case errors.Is(err, eip712.ErrInvalidSignature):
			return nil, problem(http.StatusBadRequest, CodeInvalidSignature, "signature: %v", err)
		case errors.Is(err, eip712.ErrSignerMismatch), errors.Is(err, eip712.ErrContractRejected):
			return nil, problem(http.StatusForbidden, CodeSignerMismatch, "not signed by agent %s's wallet %s", id, wallet.Hex())
		default:
			s.log.Warn("signature check failed", "agent", id, "err", err)
			return nil, problem(http.StatusServiceUnavailable, CodeUnavailable, "cannot check the signature now; try again")
		}
	}
	row := heartbeatRow{agentID: id, signer: wallet, hb: hb, sig: req.Signature, received: now}
	switch err := s.beats.write(ctx, &row); {
	case errors.Is(err, errStaleNonce):
		return nil, problem(http.StatusConflict, CodeStaleNonce, "nonce %s is not above agent %s's last heartbeat nonce", hb.Nonce, id)
	case errors.Is(err, errWalletChanged):
		return nil, problem(http.StatusForbidden, CodeSignerMismatch, "agent %s's wallet changed", id)
	case dataProblem(err) != nil:
		return nil, dataProblem(err)
	case err != nil:
		s.log.Warn("heartbeat write failed", "agent", id, "err", err)
		return nil, problem(http.StatusServiceUnavailable, CodeUnavailable, "cannot store the heartbeat now; try again")
	}
	return &heartbeatResponse{AgentID: id, ID: s.globalID(id), Status: heartbeatStatus(int16(hb.Status), time.Unix(int64(hb.ExpiresAt), 0)),
		Nonce: hb.Nonce.String(), ExpiresAt: time.Unix(int64(hb.ExpiresAt), 0).UTC(), Signer: wallet.Hex()}, nil
}

// agentWallet returns the agent's wallet, cached until the next indexer notification.
func (s *Server) agentWallet(ctx context.Context, id string) (common.Address, *Problem) {
	key := "wallet:" + id
	if b, ok := s.cache.get(key); ok {
		if len(b) == 0 {
			return common.Address{}, problem(http.StatusConflict, CodeNoAgentWallet, "agent %s has no agent wallet", id)
		}
		if len(b) == 1 {
			return common.Address{}, notFound(id)
		}
		return common.BytesToAddress(b), nil
	}
	gen := s.cache.generation()
	var wallet []byte
	err := s.pool.QueryRow(ctx, `SELECT COALESCE(agent_wallet, ''::bytea) FROM agents WHERE agent_id = $1::text::numeric`, id).Scan(&wallet)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		s.cache.put(key, []byte{0}, gen)
		return common.Address{}, notFound(id)
	case dataProblem(err) != nil:
		return common.Address{}, dataProblem(err)
	case err != nil:
		s.log.Warn("agent wallet lookup failed", "agent", id, "err", err)
		return common.Address{}, problem(http.StatusServiceUnavailable, CodeUnavailable, "database unavailable; try again")
	}
	s.cache.put(key, wallet, gen)
	if len(wallet) == 0 {
		return common.Address{}, problem(http.StatusConflict, CodeNoAgentWallet, "agent %s has no agent wallet", id)
	}
	return common.BytesToAddress(wallet), nil
}

var (
	errStaleNonce    = errors.New("stale nonce")
	errWalletChanged = errors.New("agent wallet changed")
)

type heartbeatRow struct {
	agentID  string
	signer   common.Address
	hb       eip712.Heartbeat
	sig      []byte
	received time.Time
	done     chan error
}

// heartbeatWriter stores verified heartbeats in batches: requests that arrive while a statement runs go
// together in the next one, so thousands per second cost a few statements, each request still waiting for
// its own outcome. Within a batch the highest nonce of an agent wins and the rest are stale. Each batch is
// one statement, which also notifies the other gateway copies (at commit) of the agents it names; several
// writers run at once (heartbeatWriters), the nonce condition keeping concurrent batches of one agent right.
type heartbeatWriter struct {
	pool     *pgxpool.Pool
	catalog  *catalog
	instance string // names this gateway in its notifications, so that it skips its own
	in       chan *heartbeatRow
}

const (
	heartbeatBatch   = 512
	heartbeatWriters = 2
)

func newHeartbeatWriter(pool *pgxpool.Pool, c *catalog, instance string) *heartbeatWriter {
	return &heartbeatWriter{pool: pool, catalog: c, instance: instance, in: make(chan *heartbeatRow, 4*heartbeatBatch)}
}

// beatsPayload is the notification of stored heartbeats (idsPayload).
func beatsPayload(instance string, rows []*heartbeatRow) string {
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.agentID
	}
	return idsPayload(instance, ids)
}

// idsPayload is a notification that names the agents whose heartbeats or scores a gateway stored:
// "<instance>|<agent ids, comma-separated>", or "<instance>|*" when the ids would not fit a notification
// (8,000 bytes).
func idsPayload(instance string, ids []string) string {
	payload := instance + "|" + strings.Join(ids, ",")
	if len(payload) > 7900 {
		return instance + "|*"
	}
	return payload
}

func (w *heartbeatWriter) write(ctx context.Context, r *heartbeatRow) error {
	r.done = make(chan error, 1)
	select {
	case w.in <- r:
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-r.done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (w *heartbeatWriter) run(ctx context.Context) {
	batch := make([]*heartbeatRow, 0, heartbeatBatch)
	for {
		select {
		case <-ctx.Done():
			for {
				select {
				case r := <-w.in:
					r.done <- ctx.Err()
				default:
					return
				}
			}
		case r := <-w.in:
			batch = append(batch[:0], r)
		fill:
			for len(batch) < heartbeatBatch {
				select {
				case r := <-w.in:
					batch = append(batch, r)
				default:
					break fill
				}
			}
			w.flush(ctx, batch)
		}
	}
}

func (w *heartbeatWriter) flush(ctx context.Context, batch []*heartbeatRow) {
	n := len(batch)
	ids, prices, nonces := make([]string, n), make([]string, n), make([]string, n)
	signers, tokens, sigs := make([][]byte, n), make([][]byte, n), make([][]byte, n)
	statuses := make([]int16, n)
	p95s, caps := make([]int64, n), make([]int64, n)
	expires, received := make([]time.Time, n), make([]time.Time, n)
	for i, r := range batch {
		ids[i], prices[i], nonces[i] = r.agentID, r.hb.Price.String(), r.hb.Nonce.String()
		signers[i], tokens[i], sigs[i] = r.signer.Bytes(), r.hb.Token.Bytes(), r.sig
		statuses[i], p95s[i], caps[i] = int16(r.hb.Status), int64(r.hb.P95LatencyMs), int64(r.hb.Capacity)
		expires[i], received[i] = time.Unix(int64(r.hb.ExpiresAt), 0), r.received
	}
	wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	rows, err := w.pool.Query(wctx, `WITH input AS (
		SELECT ord, agent_id::numeric AS agent_id, signer, status, price::numeric AS price, token, p95_ms, capacity,
			expires_at, nonce::numeric AS nonce, signature, received_at
		FROM unnest($1::text[], $2::bytea[], $3::int2[], $4::text[], $5::bytea[], $6::int8[], $7::int8[],
			$8::timestamptz[], $9::text[], $10::bytea[], $11::timestamptz[]) WITH ORDINALITY
			AS t(agent_id, signer, status, price, token, p95_ms, capacity, expires_at, nonce, signature, received_at, ord)),
	best AS (
		SELECT DISTINCT ON (i.agent_id) i.* FROM input i
		JOIN agents a ON a.agent_id = i.agent_id AND a.agent_wallet = i.signer
		ORDER BY i.agent_id, i.nonce DESC, i.ord),
	note AS (SELECT pg_notify($12, $13))
	INSERT INTO heartbeats AS h (agent_id, signer, status, price, token, p95_ms, capacity, expires_at, nonce,
		signature, received_at)
	SELECT agent_id, signer, status, price, token, p95_ms, capacity, expires_at, nonce, signature, received_at
	FROM best, note
	ON CONFLICT (agent_id) DO UPDATE SET signer = EXCLUDED.signer, status = EXCLUDED.status, price = EXCLUDED.price,
		token = EXCLUDED.token, p95_ms = EXCLUDED.p95_ms, capacity = EXCLUDED.capacity, expires_at = EXCLUDED.expires_at,
		nonce = EXCLUDED.nonce, signature = EXCLUDED.signature, received_at = EXCLUDED.received_at
	WHERE h.nonce < EXCLUDED.nonce
	RETURNING agent_id::text, nonce::text`,
		ids, signers, statuses, prices, tokens, p95s, caps, expires, nonces, sigs, received,
		channelHeartbeats, beatsPayload(w.instance, batch))
	if err != nil {
		for _, r := range batch {
			r.done <- fmt.Errorf("store heartbeats: %w", err)
		}
		return
	}
	stored := map[[2]string]bool{}
	for rows.Next() {
		var id, nonce string
		if err = rows.Scan(&id, &nonce); err != nil {
			break
		}
		stored[[2]string{id, nonce}] = true
	}
	rows.Close()
	if err == nil {
		err = rows.Err()
	}
	if err != nil {
		for _, r := range batch {
			r.done <- fmt.Errorf("store heartbeats: %w", err)
		}
		return
	}
	// Search sees the stored heartbeats before their senders get an answer; other gateway copies load them
	// on the notification.
	var accepted, refused []*heartbeatRow
	for _, r := range batch {
		key := [2]string{r.agentID, r.hb.Nonce.String()}
		if stored[key] {
			delete(stored, key) // a duplicate of the same nonce in this batch is a replay
			accepted = append(accepted, r)
		} else {
			refused = append(refused, r)
		}
	}
	if len(accepted) > 0 {
		w.catalog.setBeats(accepted)
	}
	for _, r := range accepted {
		r.done <- nil
	}
	for _, r := range refused {
		r.done <- w.whyNot(wctx, r)
	}
}

// whyNot tells why a verified heartbeat was not stored: the wallet changed since it was read, or the nonce
// is not above the stored one.
func (w *heartbeatWriter) whyNot(ctx context.Context, r *heartbeatRow) error {
	var wallet []byte
	err := w.pool.QueryRow(ctx, `SELECT agent_wallet FROM agents WHERE agent_id = $1::text::numeric`, r.agentID).Scan(&wallet)
	if errors.Is(err, pgx.ErrNoRows) || (err == nil && common.BytesToAddress(wallet) != r.signer) {
		return errWalletChanged
	}
	if err != nil {
		return fmt.Errorf("store heartbeats: %w", err)
	}
	return errStaleNonce
}
