package client

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

	"github.com/agoralabs/agora/eip712"
)

// RFQ statuses (RFQ.Status).
const (
	RFQOpen    = "open"
	RFQAwarded = "awarded"
	RFQNoBids  = "no_bids"
)

// Agreement states (Agreement.State): awarded while a signature is missing, signed when both are stored,
// then the escrow job's status as the indexer mirrors it.
const (
	AgreementAwarded   = "awarded"
	AgreementSigned    = "signed"
	AgreementFunded    = "funded"
	AgreementSubmitted = "submitted"
	AgreementCompleted = "completed"
	AgreementRejected  = "rejected"
	AgreementExpired   = "expired"
	AgreementDisputed  = "disputed"
	AgreementResolved  = "resolved"
)

// RFQ is an RFQ as the gateway shows it (GET /v1/rfqs/{id}, and the rfq and closed stream events). Integers
// are decimal strings in the token's base units.
type RFQ struct {
	ID                  string     `json:"id"`
	Status              string     `json:"status"` // RFQOpen, RFQAwarded or RFQNoBids
	Buyer               string     `json:"buyer"`
	Capability          string     `json:"capability"`
	InputSpecHash       string     `json:"inputSpecHash"`
	Token               string     `json:"token"`
	MaxPrice            string     `json:"maxPrice"`
	FloorPrice          string     `json:"floorPrice"`
	DeliveryDeadline    time.Time  `json:"deliveryDeadline"`
	QuoteWindowMs       int        `json:"quoteWindowMs"`
	Auction             string     `json:"auction"` // first_price, second_price, dutch or direct
	ProviderAgentID     *string    `json:"providerAgentId"`
	Validator           *string    `json:"validator"`
	ValidationThreshold int        `json:"validationThreshold"`
	Arbiter             *string    `json:"arbiter"`
	ReviewWindow        int64      `json:"reviewWindow"`
	LatePenaltyBps      int        `json:"latePenaltyBps"`
	Nonce               string     `json:"nonce"`
	Expiry              time.Time  `json:"expiry"`
	MandateID           string     `json:"mandateId"` // the mandate the buyer acts under ("0": none)
	OpenedAt            time.Time  `json:"openedAt"`
	ClosesAt            time.Time  `json:"closesAt"`
	ClosedAt            *time.Time `json:"closedAt"`
	Quotes              int        `json:"quotes"`
	Award               *Award     `json:"award"`   // after the close, when awarded
	Ranked              []Ranked   `json:"ranked"`  // after the close: the valid quotes, best first
	Refused             []Refusal  `json:"refused"` // after the close: the quotes the rule refused
}

// Award is the outcome of an awarded RFQ.
type Award struct {
	QuoteID         string `json:"quoteId"`
	ProviderAgentID string `json:"providerAgentId"`
	Provider        string `json:"provider"`
	Price           string `json:"price"` // what the winner quoted
	Paid            string `json:"paid"`  // what it is paid (second price: the runner-up's)
	// Agreement is the ServiceAgreement both parties sign (eth_signTypedData_v4 JSON).
	Agreement json.RawMessage `json:"agreement"`
}

// Ranked is a valid quote of a closed RFQ.
type Ranked struct {
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
}

// Refusal is a quote the auction rule refused, with its reason (docs/auction.md §5).
type Refusal struct {
	QuoteID         string `json:"quoteId"`
	ProviderAgentID string `json:"providerAgentId"`
	Reason          string `json:"reason"`
}

// QuoteAccepted is the gateway's answer to an accepted quote.
type QuoteAccepted struct {
	ID              string `json:"id"`
	RFQID           string `json:"rfqId"`
	ProviderAgentID string `json:"providerAgentId"`
}

// Agreement is a ServiceAgreement as the gateway shows it (GET /v1/agreements/{id}, the agreement stream
// event). ClientSignature and ProviderSignature are nil while missing.
type Agreement struct {
	ID                string          `json:"id"`
	State             string          `json:"state"`
	RFQID             *string         `json:"rfqId"`
	JobID             *string         `json:"jobId"`
	Client            string          `json:"client"`
	Provider          string          `json:"provider"`
	ProviderAgentID   string          `json:"providerAgentId"`
	Token             string          `json:"token"`
	Price             string          `json:"price"`
	Expiry            time.Time       `json:"expiry"`
	CreatedAt         time.Time       `json:"createdAt"`
	SignedAt          *time.Time      `json:"signedAt"` // when the second signature arrived
	TypedData         json.RawMessage `json:"typedData"`
	ClientSignature   *string         `json:"clientSignature"`
	ProviderSignature *string         `json:"providerSignature"`
}

// Signatures returns the agreement's stored signatures, nil where missing.
func (a *Agreement) Signatures() (client, provider []byte, err error) {
	dec := func(s *string) ([]byte, error) {
		if s == nil {
			return nil, nil
		}
		return hexutil.Decode(*s)
	}
	if client, err = dec(a.ClientSignature); err != nil {
		return nil, nil, fmt.Errorf("agreement %s: clientSignature: %w", a.ID, err)
	}
	if provider, err = dec(a.ProviderSignature); err != nil {
		return nil, nil, fmt.Errorf("agreement %s: providerSignature: %w", a.ID, err)
	}
	return client, provider, nil
}

// HeartbeatAccepted is the gateway's answer to a heartbeat.
type HeartbeatAccepted struct {
	AgentID   string    `json:"agentId"`
	ID        string    `json:"id"`
	Status    string    `json:"status"`
	Nonce     string    `json:"nonce"`
	ExpiresAt time.Time `json:"expiresAt"`
	Signer    string    `json:"signer"`
}

// signedBody is the body of the gateway's signed-message endpoints.
type signedBody struct {
	TypedData json.RawMessage `json:"typedData"`
	Signature string          `json:"signature"`
}

func sign(ctx context.Context, s Signer, d eip712.Domain, m eip712.Message) (signedBody, error) {
	td, err := eip712.MarshalTypedData(d, m)
	if err != nil {
		return signedBody{}, fmt.Errorf("%s: %w", m.PrimaryType(), err)
	}
	sig, err := Sign(ctx, s, d, m)
	if err != nil {
		return signedBody{}, err
	}
	return signedBody{TypedData: td, Signature: hexutil.Encode(sig)}, nil
}

// RFQID returns the id the gateway gives r: its EIP-712 digest under the escrow domain. A buyer may
// subscribe to it before posting the RFQ, so that it cannot miss the close.
func (c *Client) RFQID(ctx context.Context, r eip712.RFQ) (common.Hash, error) {
	d, err := c.EscrowDomain(ctx)
	if err != nil {
		return common.Hash{}, err
	}
	return eip712.Digest(d, r)
}

// PostRFQ signs r by s, the buyer (a zero r.Buyer is set to s's address), and posts it (POST /v1/rfqs).
func (c *Client) PostRFQ(ctx context.Context, s Signer, r eip712.RFQ) (*RFQ, error) {
	if r.Buyer == (common.Address{}) {
		r.Buyer = s.Address()
	}
	if r.Buyer != s.Address() {
		return nil, fmt.Errorf("RFQ buyer %s is not the signer %s", r.Buyer.Hex(), s.Address().Hex())
	}
	d, err := c.EscrowDomain(ctx)
	if err != nil {
		return nil, err
	}
	body, err := sign(ctx, s, d, r)
	if err != nil {
		return nil, err
	}
	var v RFQ
	if _, err := c.do(ctx, http.MethodPost, "/v1/rfqs", body, &v); err != nil {
		return nil, err
	}
	return &v, nil
}

// GetRFQ returns the RFQ id (GET /v1/rfqs/{id}): while open its terms and the number of quotes, after the
// close the award and the ranked and refused quotes.
func (c *Client) GetRFQ(ctx context.Context, id common.Hash) (*RFQ, error) {
	var v RFQ
	if _, err := c.do(ctx, http.MethodGet, "/v1/rfqs/"+id.Hex(), nil, &v); err != nil {
		return nil, err
	}
	return &v, nil
}

// PostQuote signs q by s, the provider agent's wallet (a zero q.Provider is set to s's address), and posts
// it (POST /v1/rfqs/{q.RFQID}/quotes). Stream.Quote sends it over a WebSocket instead.
func (c *Client) PostQuote(ctx context.Context, s Signer, q eip712.Quote) (*QuoteAccepted, error) {
	body, err := c.signQuote(ctx, s, &q)
	if err != nil {
		return nil, err
	}
	var v QuoteAccepted
	if _, err := c.do(ctx, http.MethodPost, "/v1/rfqs/"+q.RFQID.Hex()+"/quotes", body, &v); err != nil {
		return nil, err
	}
	return &v, nil
}

func (c *Client) signQuote(ctx context.Context, s Signer, q *eip712.Quote) (signedBody, error) {
	if q.Provider == (common.Address{}) {
		q.Provider = s.Address()
	}
	if q.Provider != s.Address() {
		return signedBody{}, fmt.Errorf("quote provider %s is not the signer %s", q.Provider.Hex(), s.Address().Hex())
	}
	d, err := c.EscrowDomain(ctx)
	if err != nil {
		return signedBody{}, err
	}
	return sign(ctx, s, d, *q)
}

// PostHeartbeat signs hb by s, the agent's wallet, under the gateway domain and posts it
// (POST /v1/heartbeats). The gateway shows the agent with hb.Status until hb.ExpiresAt; hb.Nonce must be
// above the agent's last heartbeat's.
func (c *Client) PostHeartbeat(ctx context.Context, s Signer, hb eip712.Heartbeat) (*HeartbeatAccepted, error) {
	d, err := c.GatewayDomain(ctx)
	if err != nil {
		return nil, err
	}
	body, err := sign(ctx, s, d, hb)
	if err != nil {
		return nil, err
	}
	var v HeartbeatAccepted
	if _, err := c.do(ctx, http.MethodPost, "/v1/heartbeats", body, &v); err != nil {
		return nil, err
	}
	return &v, nil
}

// Role is a party of an agreement.
type Role string

// The two parties of an agreement.
const (
	RoleClient   Role = "client"
	RoleProvider Role = "provider"
)

// ParseAgreement reads a ServiceAgreement's eth_signTypedData_v4 JSON (an award's agreement, or an
// Agreement's TypedData).
func ParseAgreement(typedData []byte) (eip712.Domain, eip712.ServiceAgreement, error) {
	d, m, err := eip712.ParseTypedData(typedData)
	if err != nil {
		return eip712.Domain{}, eip712.ServiceAgreement{}, fmt.Errorf("agreement: %w", err)
	}
	a, ok := m.(eip712.ServiceAgreement)
	if !ok {
		return eip712.Domain{}, eip712.ServiceAgreement{}, fmt.Errorf("agreement: typed data is a %s", m.PrimaryType())
	}
	return d, a, nil
}

// SignAgreement signs a ServiceAgreement's typed data by s, which must be its client or its provider, after
// checking that it is under the client's escrow domain. It returns the agreement, the signature and s's role.
func (c *Client) SignAgreement(ctx context.Context, s Signer, typedData []byte) (eip712.ServiceAgreement, []byte, Role, error) {
	d, a, err := ParseAgreement(typedData)
	if err != nil {
		return a, nil, "", err
	}
	if err := c.checkDomain(ctx, d); err != nil {
		return a, nil, "", err
	}
	var role Role
	switch s.Address() {
	case a.Client:
		role = RoleClient
	case a.Provider:
		role = RoleProvider
	default:
		return a, nil, "", fmt.Errorf("signer %s is neither the client %s nor the provider %s of the agreement",
			s.Address().Hex(), a.Client.Hex(), a.Provider.Hex())
	}
	sig, err := Sign(ctx, s, d, a)
	if err != nil {
		return a, nil, "", err
	}
	return a, sig, role, nil
}

// agreementBody is the body of POST /v1/agreements: the typed data and one or both signatures.
type agreementBody struct {
	TypedData         json.RawMessage `json:"typedData"`
	ClientSignature   string          `json:"clientSignature,omitempty"`
	ProviderSignature string          `json:"providerSignature,omitempty"`
}

// PostAgreement posts a ServiceAgreement with the signatures given (POST /v1/agreements); a nil signature
// is left out. The gateway answers with the agreement: state awarded while a signature is missing, signed
// once both are stored. A 503 answer is retried up to three times (100 ms, 300 ms, 900 ms apart).
func (c *Client) PostAgreement(ctx context.Context, typedData []byte, clientSig, providerSig []byte) (*Agreement, error) {
	if len(clientSig) == 0 && len(providerSig) == 0 {
		return nil, errors.New("post agreement: no signature")
	}
	body := agreementBody{TypedData: typedData}
	if len(clientSig) > 0 {
		body.ClientSignature = hexutil.Encode(clientSig)
	}
	if len(providerSig) > 0 {
		body.ProviderSignature = hexutil.Encode(providerSig)
	}
	// Posting the same signature again is harmless (the gateway answers 200), so a 503 is retried a few times:
	// both parties often sign the moment the award is out.
	var v Agreement
	var err error
	for attempt, delay := 0, 100*time.Millisecond; ; attempt, delay = attempt+1, 3*delay {
		var p *Problem
		if _, err = c.do(ctx, http.MethodPost, "/v1/agreements", body, &v); err == nil || attempt == 3 ||
			!errors.As(err, &p) || p.Status != http.StatusServiceUnavailable {
			break
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(delay):
		}
	}
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// PostAgreementSignature signs the agreement by s (SignAgreement) and posts s's signature as its role's.
func (c *Client) PostAgreementSignature(ctx context.Context, s Signer, typedData []byte) (*Agreement, error) {
	_, sig, role, err := c.SignAgreement(ctx, s, typedData)
	if err != nil {
		return nil, err
	}
	if role == RoleClient {
		return c.PostAgreement(ctx, typedData, sig, nil)
	}
	return c.PostAgreement(ctx, typedData, nil, sig)
}

// GetAgreement returns the agreement id, its digest (GET /v1/agreements/{id}).
func (c *Client) GetAgreement(ctx context.Context, id common.Hash) (*Agreement, error) {
	var v Agreement
	if _, err := c.do(ctx, http.MethodGet, "/v1/agreements/"+id.Hex(), nil, &v); err != nil {
		return nil, err
	}
	return &v, nil
}

// ErrAgreementMismatch is returned (wrapped) by CheckAward and CheckWin for an award's agreement that does
// not follow from the signed RFQ or quote.
var ErrAgreementMismatch = errors.New("agreement does not match")

// CheckAward checks, for the buyer, that an award's agreement is what its RFQ (id rfqID) promised: the buyer
// as client, its token, spec, validator, threshold, arbiter, review window and late penalty, a price at most
// its maxPrice, a delivery deadline at most its own, and the RFQ id as the nonce. The gateway builds the
// agreement; a buyer checks it before signing away the price.
func CheckAward(r eip712.RFQ, rfqID common.Hash, a eip712.ServiceAgreement) error {
	bad := func(what string, got, want any) error {
		return fmt.Errorf("%w: %s is %v, the RFQ says %v", ErrAgreementMismatch, what, got, want)
	}
	switch {
	case a.Client != r.Buyer:
		return bad("client", a.Client.Hex(), r.Buyer.Hex())
	case a.Token != r.Token:
		return bad("token", a.Token.Hex(), r.Token.Hex())
	case a.Price == nil || r.MaxPrice == nil || a.Price.Sign() <= 0 || a.Price.Cmp(r.MaxPrice) > 0:
		return bad("price", a.Price, "at most "+bigString(r.MaxPrice))
	case a.DeliverableSpecHash != r.InputSpecHash:
		return bad("deliverableSpecHash", a.DeliverableSpecHash.Hex(), r.InputSpecHash.Hex())
	case a.Validator != r.Validator || a.ValidationThreshold != r.ValidationThreshold:
		return bad("validator", fmt.Sprintf("%s@%d", a.Validator.Hex(), a.ValidationThreshold),
			fmt.Sprintf("%s@%d", r.Validator.Hex(), r.ValidationThreshold))
	case a.Arbiter != r.Arbiter:
		return bad("arbiter", a.Arbiter.Hex(), r.Arbiter.Hex())
	case a.ReviewWindow != r.ReviewWindow || a.LatePenaltyBps != r.LatePenaltyBps:
		return bad("reviewWindow/latePenaltyBps", fmt.Sprintf("%d/%d", a.ReviewWindow, a.LatePenaltyBps),
			fmt.Sprintf("%d/%d", r.ReviewWindow, r.LatePenaltyBps))
	case a.DeliveryDeadline > r.DeliveryDeadline:
		return bad("deliveryDeadline", a.DeliveryDeadline, "at most "+fmt.Sprint(r.DeliveryDeadline))
	case a.Nonce == nil || common.BigToHash(a.Nonce) != rfqID:
		return bad("nonce", a.Nonce, "the RFQ id "+rfqID.Hex())
	case r.Auction == eip712.AuctionDirect && (a.ProviderAgentID == nil || r.ProviderAgentID == nil || a.ProviderAgentID.Cmp(r.ProviderAgentID) != 0):
		return bad("providerAgentId", a.ProviderAgentID, r.ProviderAgentID)
	}
	return nil
}

// CheckWin checks, for the provider, that an award's agreement is what its quote q offered: its agent and
// wallet, its delivery deadline and SLA, a price at least its own (second price pays more), and the RFQ id
// as the nonce.
func CheckWin(q eip712.Quote, a eip712.ServiceAgreement) error {
	bad := func(what string, got, want any) error {
		return fmt.Errorf("%w: %s is %v, the quote says %v", ErrAgreementMismatch, what, got, want)
	}
	switch {
	case a.Provider != q.Provider:
		return bad("provider", a.Provider.Hex(), q.Provider.Hex())
	case a.ProviderAgentID == nil || q.ProviderAgentID == nil || a.ProviderAgentID.Cmp(q.ProviderAgentID) != 0:
		return bad("providerAgentId", a.ProviderAgentID, q.ProviderAgentID)
	case a.Price == nil || q.Price == nil || a.Price.Cmp(q.Price) < 0:
		return bad("price", a.Price, "at least "+bigString(q.Price))
	case a.DeliveryDeadline != q.DeliveryDeadline:
		return bad("deliveryDeadline", a.DeliveryDeadline, q.DeliveryDeadline)
	case a.SLAHash != q.SLAHash:
		return bad("slaHash", a.SLAHash.Hex(), q.SLAHash.Hex())
	case a.Nonce == nil || common.BigToHash(a.Nonce) != q.RFQID:
		return bad("nonce", a.Nonce, "the RFQ id "+q.RFQID.Hex())
	}
	return nil
}

func bigString(x *big.Int) string {
	if x == nil {
		return "nil"
	}
	return x.String()
}

// auctionRules maps the gateway's auction names to the RFQ's auction field.
var auctionRules = map[string]uint8{"first_price": eip712.AuctionFirstPrice, "second_price": eip712.AuctionSecondPrice,
	"dutch": eip712.AuctionDutch, "direct": eip712.AuctionDirect}

// Signed rebuilds the RFQ the buyer signed from the gateway's view of it and checks that its digest under
// d is the view's id, so that a party can check an award against terms it did not keep (CheckAward).
func (v *RFQ) Signed(d eip712.Domain) (eip712.RFQ, error) {
	r := eip712.RFQ{Buyer: common.HexToAddress(v.Buyer), Capability: v.Capability, InputSpecHash: common.HexToHash(v.InputSpecHash),
		Token: common.HexToAddress(v.Token), DeliveryDeadline: uint64(v.DeliveryDeadline.Unix()), QuoteWindowMs: uint32(v.QuoteWindowMs),
		ValidationThreshold: uint8(v.ValidationThreshold), ReviewWindow: uint64(v.ReviewWindow), LatePenaltyBps: uint16(v.LatePenaltyBps),
		Expiry: uint64(v.Expiry.Unix()), ProviderAgentID: new(big.Int)}
	rule, ok := auctionRules[v.Auction]
	if !ok {
		return r, fmt.Errorf("rfq %s: unknown auction %q", v.ID, v.Auction)
	}
	r.Auction = rule
	var okMax, okFloor, okNonce bool
	r.MaxPrice, okMax = new(big.Int).SetString(v.MaxPrice, 10)
	r.FloorPrice, okFloor = new(big.Int).SetString(v.FloorPrice, 10)
	r.Nonce, okNonce = new(big.Int).SetString(v.Nonce, 10)
	if !okMax || !okFloor || !okNonce {
		return r, fmt.Errorf("rfq %s: malformed maxPrice %q, floorPrice %q or nonce %q", v.ID, v.MaxPrice, v.FloorPrice, v.Nonce)
	}
	if v.ProviderAgentID != nil {
		if _, ok := r.ProviderAgentID.SetString(*v.ProviderAgentID, 10); !ok {
			return r, fmt.Errorf("rfq %s: malformed providerAgentId %q", v.ID, *v.ProviderAgentID)
		}
	}
	if v.Validator != nil {
		r.Validator = common.HexToAddress(*v.Validator)
	}
	if v.Arbiter != nil {
		r.Arbiter = common.HexToAddress(*v.Arbiter)
	}
	if v.MandateID != "" {
		if r.MandateID, ok = new(big.Int).SetString(v.MandateID, 10); !ok {
			return r, fmt.Errorf("rfq %s: malformed mandateId %q", v.ID, v.MandateID)
		}
	}
	id, err := eip712.Digest(d, r)
	if err != nil {
		return r, fmt.Errorf("rfq %s: %w", v.ID, err)
	}
	if id.Hex() != v.ID {
		return r, fmt.Errorf("rfq %s: the terms shown hash to %s, not the id", v.ID, id.Hex())
	}
	return r, nil
}
