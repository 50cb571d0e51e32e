package gateway

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// agentDetail is GET /v1/agents/{id}.
type agentDetail struct {
	ID                 string            `json:"id"`
	AgentID            string            `json:"agentId"`
	Owner              string            `json:"owner"`
	Wallet             *string           `json:"wallet"`
	AgentURI           string            `json:"agentUri"`
	RegisteredBlock    int64             `json:"registeredBlock"`
	RegisteredAt       time.Time         `json:"registeredAt"`
	UpdatedBlock       int64             `json:"updatedBlock"`
	RegistrationFile   registrationFile  `json:"registrationFile"`
	RegistrationFetch  registrationFetch `json:"registrationFetch"`
	Registration       json.RawMessage   `json:"registration"` // the canonical file; null unless it is valid
	Capabilities       []json.RawMessage `json:"capabilities"`
	CapabilityProblems json.RawMessage   `json:"capabilityProblems"`
	Metadata           []metadataEntry   `json:"metadata"`
	Live               *liveStatus       `json:"live"`
	Reputation         *reputationBrief  `json:"reputation"`
	Jobs               jobSummary        `json:"jobs"`
}

type registrationFile struct {
	Status       string     `json:"status"` // pending, ok or error
	ErrorCode    *string    `json:"errorCode"`
	ErrorMessage *string    `json:"errorMessage"`
	FetchedAt    *time.Time `json:"fetchedAt"`
}

// registrationFetch is where the indexer is with reading the registration file (docs/indexer.md).
type registrationFetch struct {
	State         string      `json:"state"`    // pending, fetched or failed
	Attempts      int         `json:"attempts"` // reads of the current URI
	Failures      int         `json:"failures"` // consecutive failed reads
	LastError     *fetchError `json:"lastError"`
	LastAttemptAt *time.Time  `json:"lastAttemptAt"`
	NextAttemptAt *time.Time  `json:"nextAttemptAt"`
	FetchedAt     *time.Time  `json:"fetchedAt"` // when the file in hand was read (state fetched)
}

type fetchError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// fetchStates maps registration_files.status to registrationFetch.state.
var fetchStates = map[string]string{"pending": "pending", "ok": "fetched", "error": "failed"}

type metadataEntry struct {
	Key   string `json:"key"`
	Value string `json:"value"` // 0x hex
	Block int64  `json:"block"`
}

type jobSummary struct {
	Total    int64            `json:"total"`
	ByStatus map[string]int64 `json:"byStatus"`
	Paid     []tokenAmount    `json:"paid"` // paid to this agent, per token
}

type tokenAmount struct {
	Token  string `json:"token"`
	Amount string `json:"amount"`
}

// agentJobs selects the escrow jobs whose provider is the agent: agreement jobs name it, plain jobs pay its
// wallet. $1 is the agent id.
const agentJobs = `(j.provider_agent_id = $1::text::numeric OR (j.provider_agent_id IS NULL
    AND j.provider = (SELECT agent_wallet FROM agents WHERE agent_id = $1::text::numeric)))`

// agentParam parses the :id path parameter and refuses unknown query parameters.
func (s *Server) agentParam(c *gin.Context, allowed ...string) (string, *Problem) {
	for name := range c.Request.URL.Query() {
		ok := false
		for _, a := range allowed {
			ok = ok || a == name
		}
		if !ok {
			return "", problem(http.StatusBadRequest, CodeInvalidQuery, "unknown parameter %q", clip(name))
		}
	}
	return s.parseAgentID(c.Param("id"))
}

func (s *Server) getAgent(c *gin.Context) {
	id, p := s.agentParam(c)
	if p != nil {
		writeProblem(c, p)
		return
	}
	ctx := c.Request.Context()
	var d agentDetail
	err := s.cachedFresh(ctx, "agent:"+id, &d, func(db *pgxpool.Pool) (any, error) { return s.loadAgent(ctx, db, id) })
	if err != nil {
		s.fail(c, err)
		return
	}
	if d.Live, err = s.liveStatus(ctx, id); err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	sendJSON(c, http.StatusOK, d)
}

// cached fills out from the cache entry key, or from load (storing its JSON when no notification came
// in between).
func (s *Server) cached(ctx context.Context, key string, out any, load func() (any, error)) error {
	if b, ok := s.cache.get(key); ok {
		s.metrics.cacheHits.WithLabelValues("hit").Inc()
		return json.Unmarshal(b, out)
	}
	s.metrics.cacheHits.WithLabelValues("miss").Inc()
	gen := s.cache.generation()
	v, err := load()
	if err != nil {
		return err
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	s.cache.put(key, b, gen)
	return json.Unmarshal(b, out)
}

func notFound(id string) *Problem {
	return problem(http.StatusNotFound, CodeAgentNotFound, "no agent %s is registered", id)
}

func (s *Server) loadAgent(ctx context.Context, db *pgxpool.Pool, id string) (*agentDetail, error) {
	d := &agentDetail{ID: s.globalID(id), AgentID: id}
	var caps, problems, registration []byte
	var sc scoreColumns
	rf := &d.RegistrationFetch
	var lastCode *string
	var lastMessage string
	err := db.QueryRow(ctx, `SELECT '0x' || encode(a.owner, 'hex'), '0x' || encode(a.agent_wallet, 'hex'),
			a.agent_uri, a.registered_block, a.registered_at, a.updated_block,
			COALESCE(f.status, 'pending'), f.error_code, f.error_message, f.fetched_at,
			COALESCE(f.attempts, 0), COALESCE(f.failures, 0), f.last_error_code, COALESCE(f.last_error_message, ''),
			f.last_attempt_at, f.next_attempt_at,
			p.registration, p.capability_problems,
			(SELECT jsonb_agg(jsonb_build_object('index', c.idx) || c.declaration ORDER BY c.idx)
			   FROM agent_capabilities c WHERE c.agent_id = a.agent_id),
			r.score::float8, r.confidence, r.flags, r.as_of
		FROM agents a
		LEFT JOIN registration_files f ON f.agent_id = a.agent_id
		LEFT JOIN agent_profiles p ON p.agent_id = a.agent_id
		LEFT JOIN agent_scores r ON r.agent_id = a.agent_id
		WHERE a.agent_id = $1::text::numeric`, id).Scan(append([]any{&d.Owner, &d.Wallet, &d.AgentURI,
		&d.RegisteredBlock, &d.RegisteredAt, &d.UpdatedBlock, &d.RegistrationFile.Status, &d.RegistrationFile.ErrorCode,
		&d.RegistrationFile.ErrorMessage, &d.RegistrationFile.FetchedAt, &rf.Attempts, &rf.Failures, &lastCode,
		&lastMessage, &rf.LastAttemptAt, &rf.NextAttemptAt, &registration, &problems, &caps}, sc.dest()...)...)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, notFound(id)
	}
	if err != nil {
		return nil, fmt.Errorf("agent %s: %w: %w", id, errUnavailable, err)
	}
	d.RegisteredAt = d.RegisteredAt.UTC()
	rf.State = fetchStates[d.RegistrationFile.Status]
	if lastCode != nil {
		rf.LastError = &fetchError{Code: *lastCode, Message: lastMessage}
	}
	if rf.State == "fetched" {
		rf.FetchedAt = d.RegistrationFile.FetchedAt
	}
	for _, t := range []*time.Time{d.RegistrationFile.FetchedAt, rf.LastAttemptAt, rf.NextAttemptAt} {
		if t != nil {
			*t = t.UTC()
		}
	}
	d.Registration = nullJSON(registration)
	d.CapabilityProblems = json.RawMessage("[]")
	if len(problems) > 0 {
		d.CapabilityProblems = problems
	}
	d.Capabilities = []json.RawMessage{}
	if len(caps) > 0 {
		if err := json.Unmarshal(caps, &d.Capabilities); err != nil {
			return nil, err
		}
	}
	d.Reputation = sc.brief()

	rows, err := db.Query(ctx, `SELECT metadata_key, '0x' || encode(metadata_value, 'hex'), block_number
		FROM agent_metadata WHERE agent_id = $1::text::numeric ORDER BY metadata_key, key_hash`, id)
	if err != nil {
		return nil, fmt.Errorf("agent %s metadata: %w: %w", id, errUnavailable, err)
	}
	d.Metadata, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (metadataEntry, error) {
		var m metadataEntry
		return m, r.Scan(&m.Key, &m.Value, &m.Block)
	})
	if err != nil {
		return nil, fmt.Errorf("agent %s metadata: %w: %w", id, errUnavailable, err)
	}
	if d.Jobs, err = s.jobSummary(ctx, db, id); err != nil {
		return nil, err
	}
	return d, nil
}

// scoreColumns scans the optional reputation columns (score, confidence, flags, as_of) into a brief.
type scoreColumns struct {
	score *float64
	conf  *float32
	flags []string
	asOf  *time.Time
}

func (sc *scoreColumns) dest() []any { return []any{&sc.score, &sc.conf, &sc.flags, &sc.asOf} }

func (sc *scoreColumns) brief() *reputationBrief {
	if sc.score == nil {
		return nil
	}
	flags := sc.flags
	if flags == nil {
		flags = []string{}
	}
	return &reputationBrief{Score: *sc.score, Confidence: float64(*sc.conf), Flags: flags, AsOf: sc.asOf.UTC()}
}

func nullJSON(b []byte) json.RawMessage {
	if len(b) == 0 {
		return json.RawMessage("null")
	}
	return b
}

func (s *Server) jobSummary(ctx context.Context, db *pgxpool.Pool, id string) (jobSummary, error) {
	js := jobSummary{ByStatus: map[string]int64{}, Paid: []tokenAmount{}}
	rows, err := db.Query(ctx, `SELECT j.status, count(*) FROM escrow_jobs j WHERE `+agentJobs+` GROUP BY j.status`, id)
	if err != nil {
		return js, fmt.Errorf("agent %s jobs: %w: %w", id, errUnavailable, err)
	}
	for rows.Next() {
		var status string
		var n int64
		if err := rows.Scan(&status, &n); err != nil {
			rows.Close()
			return js, err
		}
		js.ByStatus[status] = n
		js.Total += n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return js, fmt.Errorf("agent %s jobs: %w: %w", id, errUnavailable, err)
	}
	rows, err = db.Query(ctx, `SELECT '0x' || encode(j.token, 'hex'), sum(j.paid_to_provider)::text FROM escrow_jobs j
		WHERE `+agentJobs+` AND j.paid_to_provider > 0 GROUP BY j.token ORDER BY j.token`, id)
	if err != nil {
		return js, fmt.Errorf("agent %s jobs: %w: %w", id, errUnavailable, err)
	}
	js.Paid, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (tokenAmount, error) {
		var t tokenAmount
		return t, r.Scan(&t.Token, &t.Amount)
	})
	if err != nil {
		return js, fmt.Errorf("agent %s jobs: %w: %w", id, errUnavailable, err)
	}
	return js, nil
}

// liveStatus reads the agent's heartbeat (never cached: heartbeats are not chain events).
func (s *Server) liveStatus(ctx context.Context, id string) (*liveStatus, error) {
	var l liveStatus
	var status int16
	err := s.pool.QueryRow(ctx, `SELECT status, price::text, '0x' || encode(token, 'hex'), p95_ms, capacity,
			expires_at, received_at, nonce::text
		FROM heartbeats WHERE agent_id = $1::text::numeric`, id).Scan(&status, &l.Price, &l.Token, &l.P95LatencyMs,
		&l.Capacity, &l.ExpiresAt, &l.ReceivedAt, &l.Nonce)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("heartbeat of %s: %w: %w", id, errUnavailable, err)
	}
	l.Status = heartbeatStatus(status, l.ExpiresAt)
	l.ExpiresAt, l.ReceivedAt = l.ExpiresAt.UTC(), l.ReceivedAt.UTC()
	return &l, nil
}

// page is a paginated list response.
type page[T any] struct {
	Items      []T     `json:"items"`
	NextCursor *string `json:"nextCursor"`
}

// listParams parses limit and cursor of a list endpoint; the cursor is bound to the list by scope.
func listParams(values url.Values, scope string) (limit int, after *cursor, p *Problem) {
	limit = 50
	for _, name := range []string{"limit", "cursor"} {
		if len(values[name]) > 1 {
			return 0, nil, problem(http.StatusBadRequest, CodeInvalidQuery, "parameter %q given more than once", name)
		}
	}
	if v := values.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 200 {
			return 0, nil, problem(http.StatusBadRequest, CodeInvalidQuery, "limit %q: want an integer from 1 to 200", clip(v))
		}
		limit = n
	}
	if v := values.Get("cursor"); v != "" {
		if after, p = decodeCursor(v, scopeHash(scope)); p != nil {
			return 0, nil, p
		}
		if after.Key == "none" { // a search's key (no value); a list's keys are numbers
			return 0, nil, problem(http.StatusBadRequest, CodeInvalidCursor, "cursor is not one this list returned")
		}
	}
	return limit, after, nil
}

func scopeHash(scope string) string {
	sum := sha256.Sum256([]byte(scope))
	return hex.EncodeToString(sum[:8])
}

// list serves one paginated, cached list of an agent. query selects rows ordered by an ascending numeric key
// and a decimal tiebreak id (both returned as the first two columns as text), $1 = agent id, $2/$3 = the
// cursor's key and id (NULL on the first page), $4 = limit+1; scan reads the remaining columns.
func list[T any](s *Server, c *gin.Context, kind, query string, scan func(pgx.Rows) (T, error)) {
	id, p := s.agentParam(c, "limit", "cursor")
	if p != nil {
		writeProblem(c, p)
		return
	}
	scope := kind + ":" + id
	limit, after, p := listParams(c.Request.URL.Query(), scope)
	if p != nil {
		writeProblem(c, p)
		return
	}
	ctx := c.Request.Context()
	var out page[T]
	err := s.cachedFresh(ctx, scope+":"+c.Request.URL.RawQuery, &out, func(db *pgxpool.Pool) (any, error) {
		var exists bool
		if err := db.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM agents WHERE agent_id = $1::text::numeric)`, id).Scan(&exists); err != nil {
			return nil, fmt.Errorf("%s of %s: %w: %w", kind, id, errUnavailable, err)
		}
		if !exists {
			return nil, notFound(id)
		}
		var key, tie any
		if after != nil {
			key, tie = after.Key, after.ID
		}
		rows, err := db.Query(ctx, query, id, key, tie, limit+1)
		if err != nil {
			return nil, fmt.Errorf("%s of %s: %w: %w", kind, id, errUnavailable, err)
		}
		defer rows.Close()
		res := page[T]{Items: []T{}}
		var lastKey, lastID string
		for rows.Next() {
			var k, t string
			item, err := scanWithKey(rows, &k, &t, scan)
			if err != nil {
				return nil, err
			}
			if len(res.Items) == limit {
				cur := encodeCursor(scopeHash(scope), lastKey, lastID, 0)
				res.NextCursor = &cur
				break
			}
			res.Items = append(res.Items, item)
			lastKey, lastID = k, t
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("%s of %s: %w: %w", kind, id, errUnavailable, err)
		}
		return res, nil
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	sendJSON(c, http.StatusOK, out)
}

// scanWithKey lets scan read a row whose first two columns are the keyset key and tiebreak.
func scanWithKey[T any](rows pgx.Rows, key, tie *string, scan func(pgx.Rows) (T, error)) (T, error) {
	return scan(keyedRows{Rows: rows, key: key, tie: tie})
}

// keyedRows prepends the key and tiebreak destinations to every Scan.
type keyedRows struct {
	pgx.Rows
	key, tie *string
}

func (r keyedRows) Scan(dest ...any) error {
	return r.Rows.Scan(append([]any{r.key, r.tie}, dest...)...)
}

type feedbackItem struct {
	Client        string    `json:"client"`
	FeedbackIndex string    `json:"feedbackIndex"`
	Value         string    `json:"value"`
	ValueDecimals int       `json:"valueDecimals"`
	Tag1          string    `json:"tag1"`
	Tag2          string    `json:"tag2"`
	Endpoint      string    `json:"endpoint"`
	FeedbackURI   string    `json:"feedbackUri"`
	FeedbackHash  string    `json:"feedbackHash"`
	Revoked       bool      `json:"revoked"`
	ResponseCount int       `json:"responseCount"`
	Block         int64     `json:"block"`
	Time          time.Time `json:"time"`
	TxHash        string    `json:"txHash"`
}

// Newest first: the key is the negated block number; the tiebreak a row number stable for the block.
func (s *Server) listFeedback(c *gin.Context) {
	list(s, c, "feedback", `SELECT * FROM (
		SELECT (-block_number)::text AS k, row_number() OVER (PARTITION BY block_number ORDER BY client_address, feedback_index)::text AS t,
			'0x' || encode(client_address, 'hex'), feedback_index::text, value::text, value_decimals, tag1, tag2, endpoint,
			feedback_uri, '0x' || encode(feedback_hash, 'hex'), is_revoked, response_count, block_number, block_time,
			'0x' || encode(tx_hash, 'hex')
		FROM feedback WHERE agent_id = $1::text::numeric) f
		WHERE $2::numeric IS NULL OR (k::numeric, t::numeric) > ($2::numeric, $3::numeric)
		ORDER BY k::numeric, t::numeric LIMIT $4`,
		func(r pgx.Rows) (feedbackItem, error) {
			var f feedbackItem
			err := r.Scan(&f.Client, &f.FeedbackIndex, &f.Value, &f.ValueDecimals, &f.Tag1, &f.Tag2, &f.Endpoint,
				&f.FeedbackURI, &f.FeedbackHash, &f.Revoked, &f.ResponseCount, &f.Block, &f.Time, &f.TxHash)
			f.Time = f.Time.UTC()
			return f, err
		})
}

type validationItem struct {
	RequestHash   string     `json:"requestHash"`
	Validator     string     `json:"validator"`
	RequestURI    string     `json:"requestUri"`
	RequestedAt   time.Time  `json:"requestedAt"`
	RequestedBlck int64      `json:"requestedBlock"`
	Response      *int       `json:"response"`
	ResponseURI   *string    `json:"responseUri"`
	Tag           *string    `json:"tag"`
	RespondedAt   *time.Time `json:"respondedAt"`
	ResponseCount int        `json:"responseCount"`
}

func (s *Server) listValidations(c *gin.Context) {
	list(s, c, "validations", `SELECT * FROM (
		SELECT (-requested_block)::text AS k, row_number() OVER (PARTITION BY requested_block ORDER BY request_hash)::text AS t,
			'0x' || encode(request_hash, 'hex'), '0x' || encode(validator_address, 'hex'), request_uri, requested_at,
			requested_block, response, response_uri, tag, responded_at, response_count
		FROM validations WHERE agent_id = $1::text::numeric) v
		WHERE $2::numeric IS NULL OR (k::numeric, t::numeric) > ($2::numeric, $3::numeric)
		ORDER BY k::numeric, t::numeric LIMIT $4`,
		func(r pgx.Rows) (validationItem, error) {
			var v validationItem
			err := r.Scan(&v.RequestHash, &v.Validator, &v.RequestURI, &v.RequestedAt, &v.RequestedBlck, &v.Response,
				&v.ResponseURI, &v.Tag, &v.RespondedAt, &v.ResponseCount)
			v.RequestedAt = v.RequestedAt.UTC()
			if v.RespondedAt != nil {
				t := v.RespondedAt.UTC()
				v.RespondedAt = &t
			}
			return v, err
		})
}

type jobItem struct {
	JobID          string    `json:"jobId"`
	Status         string    `json:"status"`
	Client         string    `json:"client"`
	Provider       string    `json:"provider"`
	Evaluator      string    `json:"evaluator"`
	Token          string    `json:"token"`
	Budget         string    `json:"budget"`
	Funded         string    `json:"funded"`
	PaidToProvider string    `json:"paidToProvider"`
	Refunded       string    `json:"refunded"`
	Fee            string    `json:"fee"`
	Held           string    `json:"held"`
	AgreementHash  *string   `json:"agreementHash"`
	CreatedBlock   int64     `json:"createdBlock"`
	CreatedAt      time.Time `json:"createdAt"`
	StatusAt       time.Time `json:"statusAt"`
}

func (s *Server) listJobs(c *gin.Context) {
	list(s, c, "jobs", `SELECT (-j.job_id)::text, j.job_id::text, j.job_id::text, j.status, '0x' || encode(j.client, 'hex'),
			'0x' || encode(j.provider, 'hex'), '0x' || encode(j.evaluator, 'hex'), '0x' || encode(j.token, 'hex'),
			j.budget::text, j.funded::text, j.paid_to_provider::text, j.refunded::text, j.fee::text, j.held::text,
			'0x' || encode(j.agreement_hash, 'hex'), j.created_block, j.created_at, j.status_at
		FROM escrow_jobs j WHERE `+agentJobs+`
		  AND ($2::numeric IS NULL OR (-j.job_id, j.job_id) > ($2::numeric, $3::numeric))
		ORDER BY j.job_id DESC LIMIT $4`,
		func(r pgx.Rows) (jobItem, error) {
			var j jobItem
			err := r.Scan(&j.JobID, &j.Status, &j.Client, &j.Provider, &j.Evaluator, &j.Token, &j.Budget, &j.Funded,
				&j.PaidToProvider, &j.Refunded, &j.Fee, &j.Held, &j.AgreementHash, &j.CreatedBlock, &j.CreatedAt, &j.StatusAt)
			j.CreatedAt, j.StatusAt = j.CreatedAt.UTC(), j.StatusAt.UTC()
			return j, err
		})
}
