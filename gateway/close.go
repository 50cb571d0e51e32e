package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/agoralabs/agora/auction"
	"github.com/agoralabs/agora/audit"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/governance"
	"github.com/agoralabs/agora/governance/policy"
	"github.com/agoralabs/agora/terms"
)

// The close of an RFQ: the auction over its stored quotes, the award and the agreement both parties sign,
// and the penalty of a winner that does not sign (docs/market.md, "Closing and the award").

// reasonQuoteExpired refuses, at the close, a quote whose validUntil has passed: the provider's offer lapsed.
const reasonQuoteExpired = "quote_expired"

// agreementFor returns the ServiceAgreement of RFQ id (v) awarded to quote w at price paid, with expiry
// signBy: the winner's quote (provider, delivery deadline, SLA), the buyer's terms (spec, validator,
// threshold, arbiter, review window, late penalty) from the RFQ, expiredAt the RFQ's delivery deadline plus
// lateGrace, the RFQ's mandate, and the RFQ's id as the nonce both sign with.
func agreementFor(id common.Hash, v *rfqView, w quoteView, paid string, signBy time.Time, lateGrace time.Duration) (eip712.ServiceAgreement, error) {
	a := eip712.ServiceAgreement{Client: common.HexToAddress(v.Buyer), Provider: common.HexToAddress(w.Provider),
		Token: common.HexToAddress(v.Token), DeliveryDeadline: uint64(w.DeliveryDeadline.Unix()),
		ExpiredAt:           uint64(v.DeliveryDeadline.Add(lateGrace).Unix()),
		DeliverableSpecHash: common.HexToHash(v.InputSpecHash), ValidationThreshold: uint8(v.Threshold),
		ReviewWindow: uint64(v.ReviewWindow), LatePenaltyBps: uint16(v.LatePenaltyBps),
		Nonce: new(big.Int).SetBytes(id.Bytes()), Expiry: big.NewInt(signBy.Unix()), SLAHash: common.HexToHash(w.SLAHash)}
	var ok bool
	if a.ProviderAgentID, ok = new(big.Int).SetString(w.ProviderAgentID, 10); !ok {
		return a, fmt.Errorf("agreement: agent id %q", w.ProviderAgentID)
	}
	if a.Price, ok = new(big.Int).SetString(paid, 10); !ok {
		return a, fmt.Errorf("agreement: price %q", paid)
	}
	if a.MandateID, ok = new(big.Int).SetString(v.MandateID, 10); !ok {
		return a, fmt.Errorf("agreement: mandate id %q", v.MandateID)
	}
	if v.Validator != nil {
		a.Validator = common.HexToAddress(*v.Validator)
	}
	if v.Arbiter != nil {
		a.Arbiter = common.HexToAddress(*v.Arbiter)
	}
	return a, nil
}

// signByFor is when the agreement of an award to quote w expires, and so when a winner that has not signed
// it is penalised: the signing window after the close, or one second before the quote's delivery deadline
// if that comes first (the escrow funds no job whose delivery deadline has passed). It follows from the RFQ
// and the quote alone, so that a close decided again signs the same agreement.
func (s *Server) signByFor(v *rfqView, w quoteView) time.Time {
	signBy := v.ClosesAt.Add(s.cfg.SigningWindow)
	if last := w.DeliveryDeadline.Add(-time.Second); last.Before(signBy) {
		signBy = last
	}
	return signBy
}

// scheduleClose closes the RFQ when its window ends (the sweep of a running gateway closes it if this one
// stops first).
func (s *Server) scheduleClose(id common.Hash, at time.Time) {
	time.AfterFunc(time.Until(at), func() {
		run := s.running.Load()
		if run == nil || (*run).Err() != nil {
			return // stopped
		}
		ctx, cancel := context.WithTimeout(*run, 10*time.Second)
		defer cancel()
		if err := s.closeRFQ(ctx, id); err != nil {
			s.log.Warn("rfq close failed; the sweep retries", "rfq", id.Hex(), "err", err)
		}
	})
}

// closeLoop closes overdue RFQs: those whose gateway stopped before their window ended.
func (s *Server) closeLoop(ctx context.Context) {
	t := time.NewTicker(closeSweep)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		rows, err := s.pool.Query(ctx, `SELECT id FROM rfqs WHERE status = 'open' AND closes_at < now() - interval '200 milliseconds'
			ORDER BY closes_at LIMIT 100`)
		if err != nil {
			continue
		}
		ids, err := pgx.CollectRows(rows, pgx.RowTo[[]byte])
		if err != nil {
			continue
		}
		for _, id := range ids {
			if err := s.closeRFQ(ctx, common.BytesToHash(id)); err != nil && ctx.Err() == nil {
				s.log.Warn("rfq close failed", "rfq", common.BytesToHash(id).Hex(), "err", err)
			}
		}
		if err := s.penaliseUnsigned(ctx); err != nil && ctx.Err() == nil {
			s.log.Warn("no-sign penalty sweep failed", "err", err)
		}
	}
}

// closeRFQ decides an open RFQ whose window has ended, by its auction rule, over the quotes stored in the
// window. It locks the RFQ, so quotes arriving meanwhile wait and then find it closed; a closed RFQ is left
// alone (another gateway closed it). Two round trips, each a pipeline: (begin, lock and read the RFQ, read the
// quotes with live penalties), then (store the result, notify, commit); this gateway's streams get the view
// built here, the other copies read it on the notification.
func (s *Server) closeRFQ(ctx context.Context, id common.Hash) error {
	var closed *rfqView
	demoted, start := 0, time.Now()
	var ct *closeTrace // the close's spans (trace.go), once the RFQ is found open
	var traced struct {
		quotes  int
		refused []refusal
	}
	err := inTx(ctx, s.durable, func(conn *pgxpool.Conn) error {
		var read pgx.Batch
		read.Queue(`BEGIN`)
		read.Queue(rfqSQL+` FOR UPDATE OF r`, id.Bytes())
		read.Queue(quotesSQL, id.Bytes(), true)
		br := conn.SendBatch(ctx, &read)
		defer br.Close()
		if _, err := br.Exec(); err != nil {
			return err
		}
		v, res, err := scanRFQ(br.QueryRow(), id)
		if err != nil || v.Status != "open" {
			return err
		}
		ct = s.traceClose(ctx, res.traceParent, start)
		rows, err := br.Query()
		if err != nil {
			return err
		}
		quotes, err := scanQuotes(rows)
		if err != nil {
			return err
		}
		if err := br.Close(); err != nil {
			return err
		}
		req := auction.Request{Rule: res.rule, Window: time.Duration(v.QuoteWindowMs) * time.Millisecond,
			DirectAgentID: deref(v.ProviderAgentID), Weights: s.cfg.AuctionWeights}
		req.MaxPrice, _ = new(big.Int).SetString(v.MaxPrice, 10)
		req.FloorPrice, _ = new(big.Int).SetString(v.FloorPrice, 10)
		// A quote whose agreement the escrow would not fund now (its delivery deadline has passed, say) cannot
		// win: it is refused before the rule decides, so every award is one the escrow funds until signBy.
		now := time.Now().UTC()
		bids := make([]auction.Bid, 0, len(quotes))
		var penalised []string
		var unfundable []refusal // refused before the rule decides
		for i, q := range quotes {
			a, err := agreementFor(id, v, q, q.Price, s.signByFor(v, q), s.cfg.LateGrace)
			if err != nil {
				return err
			}
			var bad *terms.Violation
			if errors.As(terms.Agreement(a, uint64(now.Unix())), &bad) {
				unfundable = append(unfundable, refusal{QuoteID: q.ID, ProviderAgentID: q.ProviderAgentID, Reason: "escrow:" + bad.Escrow})
				continue
			}
			if !q.ValidUntil.After(now) { // the provider's offer lapsed before the award
				unfundable = append(unfundable, refusal{QuoteID: q.ID, ProviderAgentID: q.ProviderAgentID, Reason: reasonQuoteExpired})
				continue
			}
			if reason := s.awardRefusal(ctx, v, q, a); reason != "" { // the buyer's mandate and policy
				unfundable = append(unfundable, refusal{QuoteID: q.ID, ProviderAgentID: q.ProviderAgentID, Reason: reason})
				continue
			}
			b := auction.Bid{AgentID: q.ProviderAgentID, At: time.Duration(q.AtMs) * time.Millisecond,
				Seq: uint64(i), Demoted: q.Demoted}
			b.Price, _ = new(big.Int).SetString(q.Price, 10)
			if q.Reputation != nil {
				b.Reputation, b.HasReputation = *q.Reputation, true
			}
			if q.P95Ms != nil {
				b.P95Ms = *q.P95Ms
			}
			if q.Demoted && !slices.Contains(penalised, q.ProviderAgentID) {
				penalised = append(penalised, q.ProviderAgentID)
			}
			bids = append(bids, b)
		}
		award, err := auction.Decide(req, bids)
		if err != nil && !errors.Is(err, auction.ErrNoBids) {
			return err
		}
		res.refused = make([]refusal, 0, len(unfundable)+len(award.Refused))
		res.refused = append(res.refused, unfundable...)
		for _, r := range award.Refused {
			res.refused = append(res.refused, refusal{QuoteID: quotes[r.Bid.Seq].ID, ProviderAgentID: r.Bid.AgentID, Reason: r.Reason})
		}
		res.ranked = make([]string, 0, len(award.Ranked))
		for _, b := range award.Ranked {
			res.ranked = append(res.ranked, quotes[b.Seq].ID)
		}
		v.Status, v.ClosedAt = "no_bids", &now
		if err == nil {
			// signBy follows from the RFQ and the winning quote alone, so that a close decided again (below) signs
			// the same agreement.
			w := quotes[award.Winner.Seq]
			paid, signBy := award.Paid.String(), s.signByFor(v, w)
			v.Status, res.winner, res.paid, res.signBy = "awarded", common.HexToHash(w.ID).Bytes(), &paid, &signBy
		}
		if err := s.showResult(id, v, quotes, res); err != nil {
			return err
		}
		closed, traced.quotes, traced.refused = v, len(quotes), res.refused
		refusedJSON, _ := json.Marshal(res.refused)
		var b pgx.Batch
		b.Queue(`UPDATE rfqs SET status = $2, closed_at = $3, winner_quote = $4, paid = $5::text::numeric, refusals = $6,
			ranked = $7, sign_by = $8, agreement_id = $9, award_trace_parent = $10 WHERE id = $1`,
			id.Bytes(), v.Status, now, res.winner, res.paid, refusedJSON, res.ranked, res.signBy, res.agreementID, ct.awarded(v))
		if len(penalised) > 0 {
			b.Queue(`UPDATE quotes SET demoted = true WHERE rfq_id = $1 AND provider_agent_id = ANY($2::text[]::numeric[])`,
				id.Bytes(), penalised)
		}
		s.auditBatch(ct.ctx, &b, closeEntry(id, v, quotes, res, refusedJSON)) // in the RFQ's trace
		b.Queue(`SELECT pg_notify($1, $2)`, channelMarket, s.marketEvent("closed", id))
		// The close alone commits without waiting for the WAL flush: it is derived data. Should a crash lose
		// it, the RFQ is open again with exactly the quotes it had (they were flushed, and later ones are
		// late), and the sweep decides it again to the same award and the same agreement: the rule is
		// deterministic and signBy comes from closesAt.
		b.Queue(`SET LOCAL synchronous_commit TO off`)
		b.Queue(`COMMIT`)
		if err := conn.SendBatch(ctx, &b).Close(); err != nil {
			return err
		}
		demoted = len(penalised)
		return nil
	})
	if ct != nil {
		ct.end(closed, traced.quotes, traced.refused, err)
	}
	if err == nil && closed != nil { // committed: this gateway's streams hear it now
		s.streams.queue(marketMsg{payload: s.marketEvent("closed", id), rfq: closed})
		if demoted > 0 {
			s.metrics.demotedBids.Add(float64(demoted))
		}
	}
	return err
}

// closeEntry is the audit record of a close: the rule's decision, its winner and price, and hashes of the
// ranking and the refusals (GET /v1/rfqs/{id} shows them).
func closeEntry(id common.Hash, v *rfqView, quotes []quoteView, res *rfqResult, refusedJSON []byte) audit.Entry {
	e := audit.Entry{Action: "auction." + v.Status, Actor: strings.ToLower(v.Buyer), Subject: "rfq:" + id.Hex(),
		Outcome: v.Status, Rule: v.Auction, Inputs: map[string]string{"quotes": strconv.Itoa(len(quotes)),
			"refused": strconv.Itoa(len(res.refused)), "refusals": audit.Hash(refusedJSON), "ranking": audit.HashJSON(res.ranked)}}
	if v.MandateID != "" && v.MandateID != "0" {
		e.Inputs["mandateId"] = v.MandateID
	}
	if a := v.Award; a != nil {
		e.AgentID = a.ProviderAgentID
		e.Inputs["paid"], e.Inputs["price"], e.Inputs["winnerQuote"] = a.Paid, a.Price, a.QuoteID
		if a.AgreementID != "" {
			e.Inputs["agreement"] = a.AgreementID
		}
	}
	return e
}

// inTx runs fn on a connection of pool on which fn itself begins and commits a transaction (in pipelines);
// whatever fn leaves open when it fails, or when it returns early, is rolled back before the connection
// goes back.
func inTx(ctx context.Context, pool *pgxpool.Pool, fn func(*pgxpool.Conn) error) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	err = fn(conn)
	if conn.Conn().PgConn().TxStatus() != 'I' { // still in a transaction (or a failed one): undo it
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if _, rerr := conn.Exec(rctx, `ROLLBACK`); rerr != nil {
			conn.Conn().Close(rctx) // a connection in an unknown state is not reused
		}
	}
	return err
}

// penaliseUnsigned looks, once, at every award whose agreement expired: a winner that had not posted its
// signature of the award's agreement (agreement_id, fixed at the close) is penalised (provider_penalties)
// for NoSignPenalty from signBy. One statement per sweep: every gateway sweeps, and the RFQ row locks (SKIP
// LOCKED) keep two from judging the same award.
func (s *Server) penaliseUnsigned(ctx context.Context) error {
	type penalty struct {
		rfq          []byte
		agent        string
		since, until time.Time
	}
	var judged []penalty
	// One transaction: the penalties and their audit entries.
	err := pgx.BeginFunc(ctx, s.durable, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `WITH due AS (
				SELECT r.id, r.agreement_id, r.sign_by, q.provider_agent_id FROM rfqs r JOIN quotes q ON q.id = r.winner_quote
				WHERE r.status = 'awarded' AND NOT r.sign_checked AND r.sign_by < now()
				ORDER BY r.sign_by LIMIT 100 FOR UPDATE OF r SKIP LOCKED),
			judged AS (UPDATE rfqs SET sign_checked = true FROM due WHERE rfqs.id = due.id RETURNING due.*)
			INSERT INTO provider_penalties (agent_id, rfq_id, since, until)
			SELECT provider_agent_id, id, sign_by, sign_by + $1 * interval '1 microsecond' FROM judged
			WHERE NOT EXISTS (SELECT 1 FROM agreements a WHERE a.id = judged.agreement_id AND a.provider_signature IS NOT NULL)
			ON CONFLICT DO NOTHING
			RETURNING rfq_id, agent_id::text, since, until`, s.cfg.NoSignPenalty.Microseconds())
		if err != nil {
			return err
		}
		judged, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (penalty, error) {
			var p penalty
			err := r.Scan(&p.rfq, &p.agent, &p.since, &p.until)
			return p, err
		})
		if err != nil {
			return err
		}
		for _, p := range judged {
			if err := s.auditTx(ctx, tx, audit.Entry{Action: "penalty.no_sign", AgentID: p.agent,
				Subject: "rfq:" + common.BytesToHash(p.rfq).Hex(), Outcome: "penalised", Rule: "no_sign",
				Inputs: map[string]string{"since": audit.FormatTime(p.since), "until": audit.FormatTime(p.until)}}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil || len(judged) == 0 {
		return err
	}
	payloads := make([]string, 0, len(judged))
	for _, p := range judged {
		id := common.BytesToHash(p.rfq)
		s.metrics.noSignPenalties.Inc()
		s.log.Info("winner did not sign; penalised", "rfq", id.Hex(), "agent", p.agent, "until", p.until)
		s.tracePenalty(ctx, id, p.agent, p.since, p.until)
		payloads = append(payloads, s.marketEvent("penalty", id))
	}
	// Watchers on every copy hear the penalty (a "penalty" event): this one's at once, the others' by NOTIFY.
	for _, p := range payloads {
		s.streams.notify(p)
	}
	_, err = s.pool.Exec(ctx, `SELECT pg_notify($1, p) FROM unnest($2::text[]) p`, channelMarket, payloads)
	return err
}

// awardRefusal is why the buyer's mandate or policy refuses awarding quote q's agreement a ("" when it may
// win): "mandate:<registry error>" or "policy:<rule>". An RFQ under no mandate is the buyer's own business;
// an escalation does not stop the award (the client's signature of the agreement waits for the approval,
// which an approver can give as soon as the award is shown).
func (s *Server) awardRefusal(ctx context.Context, v *rfqView, q quoteView, a eip712.ServiceAgreement) string {
	if v.MandateID == "0" || v.MandateID == "" {
		return ""
	}
	digest, err := eip712.Digest(s.domainFor(a), a)
	if err != nil {
		return "escrow:invalid"
	}
	verdict, err := s.gate.Check(ctx, governance.Request{Action: policy.ActionAward, Subject: digest, Agent: a.Client,
		MandateID: a.MandateID, Token: a.Token, Price: a.Price, Capability: v.Capability, PayeeAgentID: a.ProviderAgentID,
		Spec: a.DeliverableSpecHash, Counterparty: s.counterparty(ctx, q.ProviderAgentID, a.Provider),
		Expires: time.Unix(bigOrZero(a.Expiry).Int64(), 0)})
	if err != nil {
		s.log.Warn("governance check at the close failed; the quote is refused", "rfq", v.ID, "quote", q.ID, "err", err)
		return "governance_unavailable"
	}
	s.metrics.decisions.WithLabelValues(policy.ActionAward, string(verdict.Outcome)).Inc()
	if verdict.Outcome != policy.Deny {
		return ""
	}
	if verdict.RegistryError != "" {
		return "mandate:" + verdict.RegistryError
	}
	return "policy:" + verdict.Rule
}
