package gateway

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"
)

// GET /v1/market/stats?minutes=N: the market's recent history for charts (the explorer's market page), from the
// gateway's own tables: per minute, RFQs opened, awarded and unfilled, volume paid per token and the median time
// from opening to award; the clearing prices of the awards; and the no-sign penalties that started.

const (
	defaultStatsMinutes = 60
	maxStatsMinutes     = 24 * 60
	maxStatsPrices      = 500
)

type marketMinute struct {
	Minute        time.Time         `json:"minute"`
	RFQs          int               `json:"rfqs"`
	Awarded       int               `json:"awarded"`
	NoBids        int               `json:"noBids"`
	VolumeByToken map[string]string `json:"volumeByToken"`
	MedianAwardMs *float64          `json:"medianAwardMs"`
}

type marketPrice struct {
	At         time.Time `json:"at"`
	RFQID      string    `json:"rfqId"`
	Capability string    `json:"capability"`
	Auction    string    `json:"auction"`
	Token      string    `json:"token"`
	Paid       string    `json:"paid"`
}

type marketPenalty struct {
	AgentID string    `json:"agentId"`
	RFQID   string    `json:"rfqId"`
	Since   time.Time `json:"since"`
	Until   time.Time `json:"until"`
}

type marketStats struct {
	From      time.Time       `json:"from"`
	To        time.Time       `json:"to"`
	Minutes   []marketMinute  `json:"minutes"`
	Prices    []marketPrice   `json:"prices"`
	Penalties []marketPenalty `json:"penalties"`
}

func (s *Server) getMarketStats(c *gin.Context) {
	q := c.Request.URL.Query()
	for name := range q {
		if name != "minutes" {
			s.fail(c, problem(http.StatusBadRequest, CodeInvalidQuery, "unknown parameter %q: minutes", clip(name)))
			return
		}
	}
	minutes := defaultStatsMinutes
	if v := q.Get("minutes"); v != "" || len(q["minutes"]) > 1 {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxStatsMinutes || len(q["minutes"]) > 1 {
			s.fail(c, problem(http.StatusBadRequest, CodeInvalidQuery, "minutes %q: want one integer from 1 to %d", clip(v), maxStatsMinutes))
			return
		}
		minutes = n
	}
	now := time.Now().UTC().Truncate(time.Second)
	st := marketStats{From: now.Add(-time.Duration(minutes) * time.Minute), To: now, Minutes: []marketMinute{},
		Prices: []marketPrice{}, Penalties: []marketPenalty{}}
	ctx := c.Request.Context()
	batch := &pgx.Batch{}
	batch.Queue(`SELECT date_trunc('minute', opened_at) AS m, count(*), count(*) FILTER (WHERE status = 'awarded'),
			count(*) FILTER (WHERE status = 'no_bids'),
			percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - opened_at) * 1000)
				FILTER (WHERE status = 'awarded')
		FROM rfqs WHERE opened_at >= $1 GROUP BY 1 ORDER BY 1`, st.From)
	batch.Queue(`SELECT date_trunc('minute', opened_at), '0x' || encode(token, 'hex'), sum(paid)::text
		FROM rfqs WHERE opened_at >= $1 AND status = 'awarded' GROUP BY 1, 2`, st.From)
	batch.Queue(`SELECT closed_at, '0x' || encode(id, 'hex'), capability, auction, '0x' || encode(token, 'hex'), paid::text
		FROM rfqs WHERE opened_at >= $1 AND status = 'awarded' ORDER BY closed_at DESC LIMIT $2`, st.From, maxStatsPrices)
	batch.Queue(`SELECT agent_id::text, '0x' || encode(rfq_id, 'hex'), since, until FROM provider_penalties
		WHERE since >= $1 ORDER BY since DESC LIMIT 200`, st.From)
	br := s.pool.SendBatch(ctx, batch)
	defer br.Close()
	rows, err := br.Query()
	if err == nil {
		st.Minutes, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (marketMinute, error) {
			m := marketMinute{VolumeByToken: map[string]string{}}
			err := r.Scan(&m.Minute, &m.RFQs, &m.Awarded, &m.NoBids, &m.MedianAwardMs)
			m.Minute = m.Minute.UTC()
			return m, err
		})
	}
	if err == nil {
		if rows, err = br.Query(); err == nil {
			byMinute := map[time.Time]*marketMinute{}
			for i := range st.Minutes {
				byMinute[st.Minutes[i].Minute] = &st.Minutes[i]
			}
			var minute time.Time
			var token, volume string
			_, err = pgx.ForEachRow(rows, []any{&minute, &token, &volume}, func() error {
				if m := byMinute[minute.UTC()]; m != nil {
					m.VolumeByToken[token] = volume
				}
				return nil
			})
		}
	}
	if err == nil {
		if rows, err = br.Query(); err == nil {
			st.Prices, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (marketPrice, error) {
				var p marketPrice
				var rule int16
				err := r.Scan(&p.At, &p.RFQID, &p.Capability, &rule, &p.Token, &p.Paid)
				p.At = p.At.UTC()
				if int(rule) < len(auctionNames) {
					p.Auction = auctionNames[rule]
				}
				return p, err
			})
		}
	}
	if err == nil {
		if rows, err = br.Query(); err == nil {
			st.Penalties, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (marketPenalty, error) {
				var p marketPenalty
				err := r.Scan(&p.AgentID, &p.RFQID, &p.Since, &p.Until)
				p.Since, p.Until = p.Since.UTC(), p.Until.UTC()
				return p, err
			})
		}
	}
	if err != nil {
		s.fail(c, problem(http.StatusServiceUnavailable, CodeUnavailable, "the market's history cannot be read"))
		return
	}
	if st.Prices == nil {
		st.Prices = []marketPrice{}
	}
	if st.Minutes == nil {
		st.Minutes = []marketMinute{}
	}
	if st.Penalties == nil {
		st.Penalties = []marketPenalty{}
	}
	// Oldest first, for charts.
	for i, j := 0, len(st.Prices)-1; i < j; i, j = i+1, j-1 {
		st.Prices[i], st.Prices[j] = st.Prices[j], st.Prices[i]
	}
	c.Header("Cache-Control", "no-store")
	sendJSON(c, http.StatusOK, st)
}
