package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/agoralabs/agora/auction"
	"github.com/agoralabs/agora/audit"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/governance"
	"github.com/agoralabs/agora/governance/policy"
	"github.com/agoralabs/agora/terms"
)

// Market limits (docs/market.md).
// DefaultLateGrace is Config.LateGrace's default: an awarded agreement's expiredAt is the RFQ's delivery
// deadline plus a day.
const DefaultLateGrace = 24 * time.Hour

const (
	minQuoteWindow   = 50 * time.Millisecond
	maxQuoteWindow   = time.Minute
	maxRFQLifetime   = 24 * time.Hour // expiry at most this far ahead
	maxCapabilityLen = 200
	closeSweep       = 500 * time.Millisecond // how often a gateway closes overdue RFQs (a crashed peer's)
)

// rfqView is an RFQ as GET /v1/rfqs/{id} shows it.
type rfqView struct {
	ID               string      `json:"id"`
	Status           string      `json:"status"` // open, awarded, no_bids, withdrawn (the kill switch)
	Buyer            string      `json:"buyer"`
	Capability       string      `json:"capability"`
	InputSpecHash    string      `json:"inputSpecHash"`
	Token            string      `json:"token"`
	MaxPrice         string      `json:"maxPrice"`
	FloorPrice       string      `json:"floorPrice"`
	DeliveryDeadline time.Time   `json:"deliveryDeadline"`
	QuoteWindowMs    int         `json:"quoteWindowMs"`
	Auction          string      `json:"auction"`
	ProviderAgentID  *string     `json:"providerAgentId"`
	Validator        *string     `json:"validator"`
	Threshold        int         `json:"validationThreshold"`
	Arbiter          *string     `json:"arbiter"`
	ReviewWindow     int64       `json:"reviewWindow"`
	LatePenaltyBps   int         `json:"latePenaltyBps"`
	Nonce            string      `json:"nonce"`
	Expiry           time.Time   `json:"expiry"`
	MandateID        string      `json:"mandateId"` // the mandate the buyer acts under ("0": none)
	OpenedAt         time.Time   `json:"openedAt"`
	ClosesAt         time.Time   `json:"closesAt"`
	ClosedAt         *time.Time  `json:"closedAt"`
	Quotes           int         `json:"quotes"`
	Award            *awardView  `json:"award"`
	Ranked           []quoteView `json:"ranked"`  // after the close: the valid quotes, best first
	Refused          []refusal   `json:"refused"` // after the close: the quotes the rule refused
}

type awardView struct {
	QuoteID         string `json:"quoteId"`
	ProviderAgentID string `json:"providerAgentId"`
	Provider        string `json:"provider"`
	Price           string `json:"price"` // what the winner quoted
	Paid            string `json:"paid"`  // what it is paid (second price: the second-best, at least its own)
	// SignBy is when the agreement expires: a winner that has not signed it by then is penalised.
	SignBy time.Time `json:"signBy"`
	// AgreementID is the agreement's EIP-712 digest: its id at /v1/agreements and the escrow's agreementHash.
	AgreementID string `json:"agreementId"`
	// Agreement is the ServiceAgreement both parties now sign (eth_signTypedData_v4), as POST /v1/agreements
	// takes it.
	Agreement *eip712.TypedData `json:"agreement"`
}

type quoteView struct {
	ID               string    `json:"id"`
	ProviderAgentID  string    `json:"providerAgentId"`
	Provider         string    `json:"provider"`
	Price            string    `json:"price"`
	DeliveryDeadline time.Time `json:"deliveryDeadline"`
	SLAHash          string    `json:"slaHash"`
	ValidUntil       time.Time `json:"validUntil"`
	AtMs             int       `json:"atMs"`
	Reputation       *float64  `json:"reputation"`
	P95Ms            *int64    `json:"p95Ms"`
	Demoted          bool      `json:"demoted"` // at the close the provider was serving a no-sign penalty
}

type refusal struct {
	QuoteID         string `json:"quoteId"`
	ProviderAgentID string `json:"providerAgentId"`
	Reason          string `json:"reason"`
}

var auctionNames = []string{"first_price", "second_price", "dutch", "direct"}

// postRFQ takes a buyer's signed RFQ, opens its quote window and closes it when the window ends.
func (s *Server) postRFQ(c *gin.Context) {
	ctx, span := s.requestSpan(c, "rfq.post") // stored with the RFQ: the trade's spans are its children
	defer endRequestSpan(c, span)
	rfq, id, sig, p := readSigned[eip712.RFQ](s, c)
	if p == nil {
		span.SetAttributes(attrRFQ.String(id.Hex()), attrBuyer.String(addr(rfq.Buyer)), attrCapability.String(clip(rfq.Capability)),
			attrMaxPrice.String(bigOrZero(rfq.MaxPrice).String()), attrRule.String(auctionNames[min(int(rfq.Auction), len(auctionNames)-1)]))
		p = s.checkRFQ(ctx, rfq, time.Now())
	}
	if p == nil {
		p = s.checkSignature(ctx, rfq.Buyer, id, sig)
	}
	if p != nil {
		s.fail(c, p)
		return
	}
	buyerAgent := s.agentIDOf(ctx, rfq.Buyer)
	gr := governance.Request{Action: policy.ActionRFQPost, Subject: id, Agent: rfq.Buyer, MandateID: rfq.MandateID,
		AgentID: agentBig(buyerAgent), // a frozen agent posts nothing, even on its own money
		Token:   rfq.Token, Price: rfq.MaxPrice, Capability: rfq.Capability, Expires: time.Unix(int64(rfq.Expiry), 0),
		Counterparty: policy.Counterparty{SybilFlags: []string{}}}
	if rfq.Auction == eip712.AuctionDirect {
		gr.PayeeAgentID, gr.Spec = rfq.ProviderAgentID, rfq.InputSpecHash
		gr.Counterparty = s.counterparty(ctx, rfq.ProviderAgentID.String(), common.Address{})
	}
	if !s.govern(c, gr) {
		return
	}
	now := time.Now()
	closes := now.Add(time.Duration(rfq.QuoteWindowMs) * time.Millisecond)
	td, _ := eip712.MarshalTypedData(s.domainFor(rfq), rfq)
	p = s.storeTx(ctx, "RFQ", func(tx pgx.Tx) error {
		fresh, err := spendNonce(ctx, tx, rfq.Buyer, "RFQ", rfq.Nonce, now)
		if err != nil {
			return err
		}
		if !fresh {
			return problem(http.StatusConflict, CodeNonceUsed, "nonce %s of %s was already used for an RFQ", rfq.Nonce, rfq.Buyer.Hex())
		}
		var provider, validator, arbiter any
		if rfq.Arbiter != (common.Address{}) {
			arbiter = rfq.Arbiter.Bytes()
		}
		if rfq.Auction == eip712.AuctionDirect {
			provider = rfq.ProviderAgentID.String()
		}
		if rfq.Validator != (common.Address{}) {
			validator = rfq.Validator.Bytes()
		}
		_, err = tx.Exec(ctx, `INSERT INTO rfqs (id, buyer, capability, input_spec_hash, token, max_price, floor_price,
			delivery_deadline, quote_window_ms, auction, provider_agent_id, validator, validation_threshold, nonce, expiry,
			typed_data, signature, status, opened_at, closes_at, arbiter, review_window, late_penalty_bps, trace_parent)
			VALUES ($1, $2, $3, $4, $5, $6::text::numeric, $7::text::numeric, $8, $9, $10, $11::text::numeric, $12, $13,
			$14::text::numeric, $15, $16, $17, 'open', $18, $19, $20, $21, $22, $23)`,
			id.Bytes(), rfq.Buyer.Bytes(), rfq.Capability, rfq.InputSpecHash.Bytes(), rfq.Token.Bytes(), rfq.MaxPrice.String(),
			bigOrZero(rfq.FloorPrice).String(), storedTime(rfq.DeliveryDeadline), int(rfq.QuoteWindowMs), int(rfq.Auction),
			provider, validator, int(rfq.ValidationThreshold), rfq.Nonce.String(), storedTime(rfq.Expiry), td, []byte(sig),
			now, closes, arbiter, int64(rfq.ReviewWindow), int(rfq.LatePenaltyBps), s.traceParent(ctx))
		if err != nil {
			return err
		}
		inputs := map[string]string{"capability": rfq.Capability, "token": addr(rfq.Token), "maxPrice": rfq.MaxPrice.String(),
			"quoteWindowMs": strconv.Itoa(int(rfq.QuoteWindowMs)), "deliveryDeadline": strconv.FormatUint(rfq.DeliveryDeadline, 10)}
		if len(rfq.Capability) > audit.MaxInput {
			inputs["capability"] = audit.Hash([]byte(rfq.Capability))
		}
		if rfq.MandateID != nil && rfq.MandateID.Sign() > 0 {
			inputs["mandateId"] = rfq.MandateID.String()
		}
		if rfq.Auction == eip712.AuctionDirect {
			inputs["providerAgentId"] = rfq.ProviderAgentID.String()
		}
		if err := s.auditTx(ctx, tx, audit.Entry{Action: "rfq.posted", Actor: addr(rfq.Buyer), AgentID: buyerAgent,
			Subject: "rfq:" + id.Hex(), Inputs: inputs, Outcome: "open", Rule: auctionNames[min(int(rfq.Auction), len(auctionNames)-1)]}); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `SELECT pg_notify($1, $2)`, channelMarket, s.marketEvent("open", id))
		return err
	})
	if p != nil {
		s.fail(c, p)
		return
	}
	s.scheduleClose(id, closes)
	view, err := s.loadRFQ(ctx, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	// This gateway's streams hear it now, the other copies on the notification.
	s.streams.queue(marketMsg{payload: s.marketEvent("open", id), rfq: view, typedData: td, trace: s.traceParent(ctx)})
	c.Header("Location", "/v1/rfqs/"+id.Hex())
	sendJSON(c, http.StatusCreated, view)
}

// checkRFQ checks an RFQ's values against the market's rules and the escrow's terms (package terms) at now:
// every term the buyer fixes here is one the escrow will accept in the award's agreement.
func (s *Server) checkRFQ(ctx context.Context, r eip712.RFQ, now time.Time) *Problem {
	bad := func(format string, args ...any) *Problem {
		return problem(http.StatusBadRequest, CodeInvalidBody, format, args...)
	}
	window := time.Duration(r.QuoteWindowMs) * time.Millisecond
	// Times first, through the one checked conversion: nothing below compares a wrapped value.
	expiry, err := terms.Unix("expiry", r.Expiry)
	if err != nil {
		return termsProblem(err)
	}
	if _, err := terms.Unix("deliveryDeadline", r.DeliveryDeadline); err != nil {
		return termsProblem(err)
	}
	if r.DeliveryDeadline > terms.MaxUnix-uint64(s.cfg.LateGrace/time.Second) { // the award's expiredAt must fit too
		return termsProblem(&terms.Violation{Field: "deliveryDeadline", Detail: fmt.Sprintf(
			"%d: the agreement's expiredAt (%s later) would pass 9999-12-31", r.DeliveryDeadline, s.cfg.LateGrace)})
	}
	switch {
	case !expiry.After(now):
		return problem(http.StatusBadRequest, CodeExpired, "expiry %d is not in the future", r.Expiry).withField("expiry")
	case expiry.After(now.Add(maxRFQLifetime)):
		return bad("expiry %d is more than %s ahead", r.Expiry, maxRFQLifetime).withField("expiry")
	case r.Auction > eip712.AuctionDirect:
		return bad("auction %d: want 0 (first price), 1 (second price), 2 (Dutch) or 3 (direct)", r.Auction).withField("auction")
	case window < minQuoteWindow || window > maxQuoteWindow:
		return bad("quoteWindowMs %d: want %d to %d", r.QuoteWindowMs, minQuoteWindow.Milliseconds(), maxQuoteWindow.Milliseconds()).withField("quoteWindowMs")
	case expiry.Before(now.Add(window).Add(time.Second)):
		return bad("expiry %d falls inside the quote window: the RFQ must outlive it", r.Expiry).withField("expiry")
	case r.Auction == eip712.AuctionDutch && bigOrZero(r.FloorPrice).Cmp(bigOrZero(r.MaxPrice)) > 0:
		return bad("floorPrice %s is above maxPrice %s", r.FloorPrice, r.MaxPrice).withField("floorPrice")
	case r.Auction != eip712.AuctionDutch && bigOrZero(r.FloorPrice).Sign() != 0:
		return bad("floorPrice is for Dutch auctions only").withField("floorPrice")
	case r.Auction != eip712.AuctionDirect && bigOrZero(r.ProviderAgentID).Sign() != 0:
		return bad("providerAgentId is for direct requests (auction 3) only").withField("providerAgentId")
	case r.Buyer != (common.Address{}) && (r.Buyer == r.Validator || r.Buyer == r.Arbiter):
		return bad("the buyer cannot be the validator or the arbiter").withField("buyer")
	}
	if p := checkText("capability", r.Capability, maxCapabilityLen); p != nil {
		return p
	}
	// The escrow's terms the RFQ fixes, in the escrow's order (the price is the maximum; the provider and
	// the winner's delivery deadline come with the quotes).
	for _, err := range []error{
		terms.Price("maxPrice", r.MaxPrice),
		terms.Required("buyer", r.Buyer), terms.Required("token", r.Token),
		terms.DeliveryOpen("deliveryDeadline", r.DeliveryDeadline, uint64(now.Unix())),
		terms.Validation(r.Validator, r.ValidationThreshold, r.Arbiter),
		terms.ReviewWindow(r.ReviewWindow),
		terms.LatePenalty(r.LatePenaltyBps),
	} {
		if err != nil {
			return termsProblem(err)
		}
	}
	if r.Auction == eip712.AuctionDirect {
		if err := terms.AgentID(bigOrZero(r.ProviderAgentID)); err != nil {
			return termsProblem(err)
		}
		if _, p := s.agentWallet(ctx, bigOrZero(r.ProviderAgentID).String()); p != nil && p.Code != CodeNoAgentWallet {
			return p
		}
	}
	return nil
}

// quoteAccepted is the answer to an accepted quote (POST /v1/rfqs/{id}/quotes, or a stream's quote message).
type quoteAccepted struct {
	ID              string `json:"id"`
	RFQID           string `json:"rfqId"`
	ProviderAgentID string `json:"providerAgentId"`
}

// postQuote takes a provider's signed quote on an open RFQ.
func (s *Server) postQuote(c *gin.Context) {
	rfqID, p := parseHash(c.Param("id"))
	if p != nil {
		s.fail(c, p)
		return
	}
	var req signedMessage
	if p := readJSON(c, &req); p != nil {
		s.fail(c, p)
		return
	}
	res, p := s.acceptQuote(c.Request.Context(), rfqID, req)
	if p != nil {
		s.fail(c, p)
		return
	}
	sendJSON(c, http.StatusCreated, res)
}

// takeQuote checks a signed quote on RFQ rfqID and stores it; a refusal is a *Problem and stores nothing. It
// fills tr with what the quote's span needs (acceptQuote).
func (s *Server) takeQuote(ctx context.Context, rfqID common.Hash, req signedMessage, tr *quoteTrace) (*quoteAccepted, *Problem) {
	q, id, sig, p := parseSigned[eip712.Quote](s, req)
	if p != nil {
		return nil, p
	}
	now := time.Now()
	agentID := bigOrZero(q.ProviderAgentID).String()
	tr.quote, tr.agent, tr.price = id, agentID, bigOrZero(q.Price).String()
	validUntil, err := terms.Unix("validUntil", q.ValidUntil)
	if err == nil {
		_, err = terms.Unix("deliveryDeadline", q.DeliveryDeadline)
	}
	if err == nil { // the escrow's terms a quote sets: its price and delivery deadline, its agent id
		err = errors.Join(terms.Price("price", q.Price), terms.DeliveryOpen("deliveryDeadline", q.DeliveryDeadline,
			uint64(now.Unix())), terms.AgentID(q.ProviderAgentID))
	}
	switch {
	case err != nil:
		p = termsProblem(err)
	case q.RFQID != rfqID:
		p = problem(http.StatusBadRequest, CodeInvalidBody, "the quote is for RFQ %s, not %s", q.RFQID.Hex(), rfqID.Hex()).withField("rfqId")
	case !validUntil.After(now):
		p = problem(http.StatusBadRequest, CodeExpired, "validUntil %d is not in the future", q.ValidUntil).withField("validUntil")
	}
	var wallet common.Address
	if p == nil {
		wallet, p = s.agentWallet(ctx, agentID)
	}
	if p == nil && wallet != q.Provider {
		p = problem(http.StatusForbidden, CodeSignerMismatch, "provider %s is not agent %s's wallet %s", q.Provider.Hex(), agentID, wallet.Hex())
	}
	var rep *float64
	var p95 *int64
	if p == nil {
		var online bool
		online, rep, p95 = s.liveProvider(agentID, now)
		if !online {
			p = problem(http.StatusConflict, CodeProviderOffline, "agent %s has no unexpired online or busy heartbeat", agentID)
		}
	}
	if p == nil { // the provider's own kill switch and policy (a provider under no mandate: freezes only)
		p = s.decideProblem(ctx, governance.Request{Action: policy.ActionQuote, Subject: id, Agent: q.Provider,
			AgentID: q.ProviderAgentID, Price: q.Price, Counterparty: policy.Counterparty{SybilFlags: []string{}},
			Expires: validUntil})
	}
	if p == nil {
		p = s.checkSignature(ctx, q.Provider, id, sig)
	}
	if p != nil {
		return nil, p
	}
	td, _ := eip712.MarshalTypedData(s.domainFor(q), q)
	// Two round trips: (begin, key-share lock and read the RFQ, spend the nonce, insert the quote), then
	// commit, or roll back when the RFQ's terms refuse the quote. The lock conflicts only with the close's
	// FOR UPDATE: a quote either commits before the close reads the quotes or finds the RFQ closed.
	err = inTx(ctx, s.durable, func(conn *pgxpool.Conn) error {
		var b pgx.Batch
		b.Queue(`BEGIN`)
		b.Queue(`SELECT status, opened_at, closes_at, delivery_deadline, max_price::text, auction, provider_agent_id::text, buyer,
			trace_parent FROM rfqs WHERE id = $1 FOR KEY SHARE`, rfqID.Bytes())
		b.Queue(`INSERT INTO spent_nonces (signer, kind, nonce, spent_at) VALUES ($1, 'Quote', $2::text::numeric, $3)
			ON CONFLICT DO NOTHING`, q.Provider.Bytes(), bigOrZero(q.Nonce).String(), now)
		b.Queue(`INSERT INTO quotes (id, rfq_id, provider_agent_id, provider, price, delivery_deadline, sla_hash,
			nonce, valid_until, typed_data, signature, received_at, at_ms, reputation, p95_ms)
			SELECT $1, r.id, $3::text::numeric, $4, $5::text::numeric, $6, $7, $8::text::numeric, $9, $10, $11, $12,
				floor(extract(epoch FROM $12::timestamptz - r.opened_at) * 1000)::int, $13, $14
			FROM rfqs r WHERE r.id = $2 ON CONFLICT (id) DO NOTHING`,
			id.Bytes(), rfqID.Bytes(), agentID, q.Provider.Bytes(), q.Price.String(), storedTime(q.DeliveryDeadline),
			q.SLAHash.Bytes(), bigOrZero(q.Nonce).String(), storedTime(q.ValidUntil), td, []byte(sig), now, rep, p95)
		// Its audit entry, stored with it (a refusal below rolls both back and is recorded after).
		audited := s.auditBatch(ctx, &b, quoteEntry(id, rfqID, agentID, q, "accepted", ""))
		br := conn.SendBatch(ctx, &b)
		defer br.Close()
		if _, err := br.Exec(); err != nil {
			return err
		}
		var status string
		var opened, closes, deadline time.Time
		var maxPrice string
		var auctionRule int16
		var direct *string
		var buyer []byte
		err := br.QueryRow().Scan(&status, &opened, &closes, &deadline, &maxPrice, &auctionRule, &direct, &buyer, &tr.parent)
		tr.known = err == nil
		if errors.Is(err, pgx.ErrNoRows) {
			return problem(http.StatusNotFound, CodeRFQNotFound, "no RFQ %s", rfqID.Hex())
		}
		if err != nil {
			return err
		}
		nonce, err := br.Exec()
		if err != nil {
			return err
		}
		if _, err := br.Exec(); err != nil {
			return err
		}
		if audited {
			if _, err := br.Exec(); err != nil {
				return err
			}
		}
		if err := br.Close(); err != nil {
			return err
		}
		max, _ := new(big.Int).SetString(maxPrice, 10)
		switch { // a refusal returns with the transaction open: inTx rolls it back
		case status != "open" || now.After(closes):
			return problem(http.StatusConflict, CodeQuoteLate, "RFQ %s closed at %s", rfqID.Hex(), closes.UTC().Format(time.RFC3339Nano))
		case uint8(auctionRule) == eip712.AuctionDirect && (direct == nil || *direct != agentID):
			return problem(http.StatusForbidden, CodeNotInvited, "RFQ %s asks agent %s only", rfqID.Hex(), deref(direct))
		case q.Price.Cmp(max) > 0:
			return problem(http.StatusUnprocessableEntity, CodeAboveMaxPrice, "price %s is above the RFQ's maxPrice %s", q.Price, max)
		case storedTime(q.DeliveryDeadline).After(deadline):
			return problem(http.StatusBadRequest, CodeInvalidBody, "deliveryDeadline %d is after the RFQ's %d", q.DeliveryDeadline,
				deadline.Unix()).withField("deliveryDeadline")
		case terms.Distinct(common.BytesToAddress(buyer), q.Provider) != nil:
			return termsProblem(terms.Distinct(common.BytesToAddress(buyer), q.Provider))
		case nonce.RowsAffected() != 1:
			return problem(http.StatusConflict, CodeNonceUsed, "nonce %s of %s was already used for a quote", q.Nonce, q.Provider.Hex())
		}
		_, err = conn.Exec(ctx, `COMMIT`)
		return err
	})
	if p := s.storeProblem("quote", err); p != nil {
		if p.Status < 500 { // the RFQ's terms refused a signed quote: a decision of the market's
			s.auditAsync(ctx, quoteEntry(id, rfqID, agentID, q, "refused", p.Code))
		}
		return nil, p
	}
	// This gateway's followers hear it now; the other copies within quoteNoteEvery (a NOTIFY in the quote's
	// transaction would serialize every quote's commit on PostgreSQL's notification queue lock).
	s.streams.notify(s.marketEvent("quote", rfqID))
	s.quoteNotes.add(rfqID)
	return &quoteAccepted{ID: id.Hex(), RFQID: rfqID.Hex(), ProviderAgentID: agentID}, nil
}

// quoteEntry is the audit record of a signed quote accepted or refused (rule: the refusal's code).
func quoteEntry(id, rfqID common.Hash, agentID string, q eip712.Quote, outcome, rule string) audit.Entry {
	return audit.Entry{Action: "quote." + outcome, Actor: addr(q.Provider), AgentID: agentID, Subject: "rfq:" + rfqID.Hex(),
		Inputs: map[string]string{"quote": id.Hex(), "price": q.Price.String(), "validUntil": strconv.FormatUint(q.ValidUntil, 10),
			"deliveryDeadline": strconv.FormatUint(q.DeliveryDeadline, 10)},
		Outcome: outcome, Rule: rule}
}

// liveProvider reports whether the agent has an unexpired online or busy heartbeat, with its reputation and
// its effective p95 (live, else the lowest declared one), as the auction weighs them.
func (s *Server) liveProvider(agentID string, now time.Time) (online bool, rep *float64, p95 *int64) {
	cat := s.catalog
	cat.mu.RLock()
	defer cat.mu.RUnlock()
	beat, ok := cat.live[agentID]
	online = ok && beat.status != int16(eip712.HeartbeatOffline) && now.Before(beat.expires)
	if score, ok := cat.scores[agentID]; ok {
		rep = &score
	}
	switch d := cat.byID[agentID]; {
	case online && beat.p95 > 0:
		v := beat.p95
		p95 = &v
	case d != nil && cat.pre[d.ord].minP95 > 0:
		v := int64(cat.pre[d.ord].minP95)
		p95 = &v
	}
	return online, rep, p95
}

// getByID serves GET /v1/rfqs/{id} and /v1/agreements/{id}: the record whose EIP-712 digest is {id}, read by
// load (an RFQ's terms, status and, once closed, the award; an agreement and its escrow state).
func getByID[T any](s *Server, load func(context.Context, common.Hash) (T, error)) gin.HandlerFunc {
	return func(c *gin.Context) {
		id, p := parseHash(c.Param("id"))
		if p != nil {
			s.fail(c, p)
			return
		}
		view, err := load(c.Request.Context(), id)
		if err != nil {
			s.fail(c, err)
			return
		}
		sendJSON(c, http.StatusOK, view)
	}
}

// loadRFQ reads an RFQ: its terms, and once closed its result.
func (s *Server) loadRFQ(ctx context.Context, id common.Hash) (*rfqView, error) {
	v, res, err := scanRFQ(s.pool.QueryRow(ctx, rfqSQL, id.Bytes()), id)
	if err != nil || v.Status == "open" {
		return v, err // sealed while open: quotes stay hidden until the close
	}
	rows, err := s.pool.Query(ctx, quotesSQL, id.Bytes(), false)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w: %w", errUnavailable, err)
	}
	quotes, err := scanQuotes(rows)
	if err != nil {
		return nil, err
	}
	return v, s.showResult(id, v, quotes, res)
}

// rfqResult is what a close decided, as stored in the RFQ's row.
type rfqResult struct {
	rule        auction.Rule
	winner      []byte // the winning quote's id; nil: none
	paid        *string
	refused     []refusal
	ranked      []string // quote ids, best first
	signBy      *time.Time
	agreementID []byte  // the award's agreement digest, fixed at the close; nil: compute it
	traceParent *string // the rfq.post span's (trace.go)
}

// rfqSQL reads an RFQ's row by id ($1), for scanRFQ.
const rfqSQL = `SELECT status, buyer, capability, input_spec_hash, token, max_price::text, floor_price::text,
		delivery_deadline, quote_window_ms, auction, provider_agent_id::text, validator, validation_threshold, nonce::text,
		expiry, opened_at, closes_at, closed_at, winner_quote, paid::text, refusals, ranked, arbiter, review_window, late_penalty_bps,
		sign_by, agreement_id, (SELECT count(*) FROM quotes q WHERE q.rfq_id = r.id),
		COALESCE(r.typed_data->'message'->>'mandateId', '0'), trace_parent
		FROM rfqs r WHERE id = $1`

// scanRFQ reads an RFQ's row (rfqSQL): its terms in the view, its result apart.
func scanRFQ(row pgx.Row, id common.Hash) (*rfqView, *rfqResult, error) {
	v := &rfqView{ID: id.Hex(), Ranked: []quoteView{}, Refused: []refusal{}}
	res := &rfqResult{}
	var buyer, spec, token, validator, arbiter, refused []byte
	var rule int16
	err := row.Scan(&v.Status, &buyer, &v.Capability, &spec, &token, &v.MaxPrice,
		&v.FloorPrice, &v.DeliveryDeadline, &v.QuoteWindowMs, &rule, &v.ProviderAgentID, &validator, &v.Threshold,
		&v.Nonce, &v.Expiry, &v.OpenedAt, &v.ClosesAt, &v.ClosedAt, &res.winner, &res.paid, &refused, &res.ranked, &arbiter,
		&v.ReviewWindow, &v.LatePenaltyBps, &res.signBy, &res.agreementID, &v.Quotes, &v.MandateID, &res.traceParent)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil, problem(http.StatusNotFound, CodeRFQNotFound, "no RFQ %s", id.Hex())
	}
	if err != nil {
		return nil, nil, fmt.Errorf("rfq: %w: %w", errUnavailable, err)
	}
	res.rule = auction.Rule(rule)
	v.Buyer, v.Token = common.BytesToAddress(buyer).Hex(), common.BytesToAddress(token).Hex()
	v.InputSpecHash = common.BytesToHash(spec).Hex()
	v.Auction = auctionNames[min(int(rule), len(auctionNames)-1)]
	if validator != nil {
		a := common.BytesToAddress(validator).Hex()
		v.Validator = &a
	}
	if arbiter != nil {
		a := common.BytesToAddress(arbiter).Hex()
		v.Arbiter = &a
	}
	for _, t := range []*time.Time{&v.DeliveryDeadline, &v.Expiry, &v.OpenedAt, &v.ClosesAt} {
		*t = t.UTC()
	}
	if v.ClosedAt != nil {
		t := v.ClosedAt.UTC()
		v.ClosedAt = &t
	}
	if err := json.Unmarshal(refused, &res.refused); err != nil {
		return nil, nil, fmt.Errorf("rfq refusals: %w", err)
	}
	return v, res, nil
}

// showResult fills a closed RFQ's view from its result and quotes: the ranked and refused quotes, and the
// award with the agreement both parties sign (res.agreementID is set to its digest when it was nil).
func (s *Server) showResult(id common.Hash, v *rfqView, quotes []quoteView, res *rfqResult) error {
	if res.refused != nil {
		v.Refused = res.refused
	}
	byID := make(map[string]quoteView, len(quotes))
	for _, q := range quotes {
		byID[q.ID] = q
	}
	for _, qid := range res.ranked {
		v.Ranked = append(v.Ranked, byID[qid])
	}
	if res.winner == nil || res.paid == nil || res.signBy == nil {
		return nil
	}
	w := byID[common.BytesToHash(res.winner).Hex()]
	v.Award = &awardView{QuoteID: w.ID, ProviderAgentID: w.ProviderAgentID, Provider: w.Provider, Price: w.Price, Paid: *res.paid,
		SignBy: res.signBy.UTC()}
	a, err := agreementFor(id, v, w, v.Award.Paid, v.Award.SignBy, s.cfg.LateGrace)
	if err != nil {
		return err
	}
	d := s.domainFor(a)
	if v.Award.Agreement, err = eip712.NewTypedData(d, a); err != nil {
		return err
	}
	if res.agreementID == nil {
		digest, err := eip712.Digest(d, a)
		if err != nil {
			return err
		}
		res.agreementID = digest.Bytes()
	}
	v.Award.AgreementID = common.BytesToHash(res.agreementID).Hex()
	return nil
}

// quotesSQL reads an RFQ's quotes ($1) in arrival order, for scanQuotes. With $2 (at the close) a quote is
// demoted when its provider serves a no-sign penalty now; otherwise as the close recorded it.
const quotesSQL = `SELECT id, provider_agent_id::text, provider, price::text, delivery_deadline, sla_hash,
		valid_until, at_ms, reputation::float8, p95_ms, demoted OR ($2 AND EXISTS (SELECT 1 FROM provider_penalties p
			WHERE p.agent_id = q.provider_agent_id AND p.until > now()))
		FROM quotes q WHERE rfq_id = $1 AND q.withdrawn_at IS NULL ORDER BY seq`

func scanQuotes(rows pgx.Rows) ([]quoteView, error) {
	defer rows.Close()
	var out []quoteView
	for rows.Next() {
		var q quoteView
		var id, provider, sla []byte
		if err := rows.Scan(&id, &q.ProviderAgentID, &provider, &q.Price, &q.DeliveryDeadline, &sla, &q.ValidUntil, &q.AtMs,
			&q.Reputation, &q.P95Ms, &q.Demoted); err != nil {
			return nil, fmt.Errorf("quotes: %w", err)
		}
		q.ID, q.Provider, q.SLAHash = common.BytesToHash(id).Hex(), common.BytesToAddress(provider).Hex(), common.BytesToHash(sla).Hex()
		q.DeliveryDeadline, q.ValidUntil = q.DeliveryDeadline.UTC(), q.ValidUntil.UTC()
		out = append(out, q)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("quotes: %w: %w", errUnavailable, err)
	}
	return out, nil
}

// quoteNoteEvery is how often a gateway tells the other copies which RFQs it took quotes for.
const quoteNoteEvery = 20 * time.Millisecond

// quoteNotes collects the RFQs quoted on this gateway, for one NOTIFY statement per tick: followers on other
// copies see quote counts at most quoteNoteEvery late. Only counts travel this way; the close reads the
// quotes from the database.
type quoteNotes struct {
	mu  sync.Mutex
	ids map[common.Hash]struct{}
}

func (n *quoteNotes) add(id common.Hash) {
	n.mu.Lock()
	n.ids[id] = struct{}{}
	n.mu.Unlock()
}

func (n *quoteNotes) run(ctx context.Context, s *Server) {
	t := time.NewTicker(quoteNoteEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		n.mu.Lock()
		if len(n.ids) == 0 {
			n.mu.Unlock()
			continue
		}
		payloads := make([]string, 0, len(n.ids))
		for id := range n.ids {
			payloads = append(payloads, s.marketEvent("quote", id))
		}
		clear(n.ids)
		n.mu.Unlock()
		if _, err := s.pool.Exec(ctx, `SELECT pg_notify($1, p) FROM unnest($2::text[]) p`, channelMarket, payloads); err != nil && ctx.Err() == nil {
			s.log.Warn("quote notifications not sent", "rfqs", len(payloads), "err", err)
		}
	}
}

// parseHash reads a 0x-prefixed 32-byte id from the path.
func parseHash(s string) (common.Hash, *Problem) {
	var h common.Hash
	if len(s) != 66 || h.UnmarshalText([]byte(s)) != nil {
		return h, problem(http.StatusBadRequest, CodeInvalidID, "%q is not a 0x-prefixed 32-byte id", clip(s))
	}
	return h, nil
}

func bigOrZero(x *big.Int) *big.Int {
	if x == nil {
		return new(big.Int)
	}
	return x
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
