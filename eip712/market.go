package eip712

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"
)

// The market's messages (issue 5): a buyer's RFQ, a provider's Quote, and the ServiceAgreement both then
// sign. All three are signed under EscrowDomain: they name the escrow contract that will hold the money, as
// a UniswapX order names its reactor, so that no market message can be replayed against another escrow or
// chain.

// RFQType is the typehash preimage of a buyer's request for quotes.
const RFQType = "RFQ(address buyer,string capability,bytes32 inputSpecHash,address token,uint256 maxPrice," +
	"uint256 floorPrice,uint64 deliveryDeadline,uint32 quoteWindowMs,uint8 auction,uint256 providerAgentId," +
	"address validator,uint8 validationThreshold,address arbiter,uint64 reviewWindow,uint16 latePenaltyBps," +
	"uint256 nonce,uint64 expiry,uint256 mandateId)"

// Auction rules of an RFQ.
const (
	// AuctionFirstPrice is a sealed-bid first-price auction: the best quote wins at its own price.
	AuctionFirstPrice uint8 = 0
	// AuctionSecondPrice is a sealed-bid second-price auction: the best quote wins at the second-best price.
	AuctionSecondPrice uint8 = 1
	// AuctionDutch is a reverse Dutch auction: the offered price rises from FloorPrice to MaxPrice over the
	// quote window, and the first provider to accept the current price wins.
	AuctionDutch uint8 = 2
	// AuctionDirect is a request to one named provider (ProviderAgentID), which answers with a quote.
	AuctionDirect uint8 = 3
)

// RFQ is what a buyer signs to ask providers of a capability for quotes. The gateway broadcasts it to the
// providers that match, collects signed Quotes for QuoteWindowMs and awards it by the Auction rule. The
// buyer's terms of the ServiceAgreement that follows (validator, threshold, arbiter, review window, late
// penalty) are fixed here, so that providers quote knowing them.
type RFQ struct {
	Buyer               common.Address // the client that will fund the job
	Capability          string         // what is wanted: a capability name, matched like the capability filter
	InputSpecHash       common.Hash    // keccak256 of the input specification the providers are told about
	Token               common.Address // the payment token
	MaxPrice            *big.Int       // the most the buyer pays, in Token's base units
	FloorPrice          *big.Int       // Dutch auctions: the price offered when the window opens (else 0)
	DeliveryDeadline    uint64         // unix seconds by which the work must be delivered
	QuoteWindowMs       uint32         // how long quotes are collected
	Auction             uint8          // AuctionFirstPrice, AuctionSecondPrice, AuctionDutch or AuctionDirect
	ProviderAgentID     *big.Int       // AuctionDirect: the provider asked (else 0)
	Validator           common.Address // the validator the job will require (zero: none)
	ValidationThreshold uint8          // 0..100: the lowest passing validation response
	Arbiter             common.Address // who settles disputes (zero: none; required with a validator)
	ReviewWindow        uint64         // seconds the buyer has to review a delivery
	LatePenaltyBps      uint16         // share of the price returned to the buyer for late delivery
	Nonce               *big.Int       // single use per buyer
	Expiry              uint64         // unix seconds after which the RFQ is void
	// MandateID is the MandateRegistry mandate the buyer acts under (nil or 0: none, the buyer pays itself);
	// the award's agreement names it, and the gateway's governance checks run against it (docs/governance.md).
	MandateID *big.Int
}

var rfqMembers = []Type{
	{Name: "buyer", Type: "address"},
	{Name: "capability", Type: "string"},
	{Name: "inputSpecHash", Type: "bytes32"},
	{Name: "token", Type: "address"},
	{Name: "maxPrice", Type: "uint256"},
	{Name: "floorPrice", Type: "uint256"},
	{Name: "deliveryDeadline", Type: "uint64"},
	{Name: "quoteWindowMs", Type: "uint32"},
	{Name: "auction", Type: "uint8"},
	{Name: "providerAgentId", Type: "uint256"},
	{Name: "validator", Type: "address"},
	{Name: "validationThreshold", Type: "uint8"},
	{Name: "arbiter", Type: "address"},
	{Name: "reviewWindow", Type: "uint64"},
	{Name: "latePenaltyBps", Type: "uint16"},
	{Name: "nonce", Type: "uint256"},
	{Name: "expiry", Type: "uint64"},
	{Name: "mandateId", Type: "uint256"},
}

// PrimaryType implements Message.
func (RFQ) PrimaryType() string { return "RFQ" }

func (RFQ) members() []Type { return rfqMembers }

func (m RFQ) fields() ([]field, error) {
	var b builder
	b.address("buyer", m.Buyer)
	b.string("capability", m.Capability)
	b.bytes32("inputSpecHash", m.InputSpecHash)
	b.address("token", m.Token)
	b.uint("maxPrice", 256, m.MaxPrice)
	b.uint("floorPrice", 256, m.FloorPrice)
	b.uint("deliveryDeadline", 64, new(big.Int).SetUint64(m.DeliveryDeadline))
	b.uint("quoteWindowMs", 32, big.NewInt(int64(m.QuoteWindowMs)))
	b.uint("auction", 8, big.NewInt(int64(m.Auction)))
	b.uint("providerAgentId", 256, m.ProviderAgentID)
	b.address("validator", m.Validator)
	b.uint("validationThreshold", 8, big.NewInt(int64(m.ValidationThreshold)))
	b.address("arbiter", m.Arbiter)
	b.uint("reviewWindow", 64, new(big.Int).SetUint64(m.ReviewWindow))
	b.uint("latePenaltyBps", 16, big.NewInt(int64(m.LatePenaltyBps)))
	b.uint("nonce", 256, m.Nonce)
	b.uint("expiry", 64, new(big.Int).SetUint64(m.Expiry))
	b.uint("mandateId", 256, m.MandateID)
	return b.fs, b.err
}

func (m *RFQ) decode(v *values) {
	m.Buyer = v.address("buyer")
	m.Capability = v.text("capability")
	m.InputSpecHash = v.bytes32("inputSpecHash")
	m.Token = v.address("token")
	m.MaxPrice = v.uint("maxPrice", 256)
	m.FloorPrice = v.uint("floorPrice", 256)
	m.DeliveryDeadline = v.uint("deliveryDeadline", 64).Uint64()
	m.QuoteWindowMs = uint32(v.uint("quoteWindowMs", 32).Uint64())
	m.Auction = uint8(v.uint("auction", 8).Uint64())
	m.ProviderAgentID = v.uint("providerAgentId", 256)
	m.Validator = v.address("validator")
	m.ValidationThreshold = uint8(v.uint("validationThreshold", 8).Uint64())
	m.Arbiter = v.address("arbiter")
	m.ReviewWindow = v.uint("reviewWindow", 64).Uint64()
	m.LatePenaltyBps = uint16(v.uint("latePenaltyBps", 16).Uint64())
	m.Nonce = v.uint("nonce", 256)
	m.Expiry = v.uint("expiry", 64).Uint64()
	m.MandateID = v.uint("mandateId", 256)
}

// QuoteType is the typehash preimage of a provider's answer to an RFQ.
const QuoteType = "Quote(bytes32 rfqId,uint256 providerAgentId,address provider,uint256 price,uint64 deliveryDeadline," +
	"bytes32 slaHash,uint256 nonce,uint64 validUntil)"

// Quote is what a provider agent's wallet signs to bid on an RFQ: the RFQ's id (its EIP-712 digest), the
// price it asks and the delivery deadline and SLA terms it commits to, valid until ValidUntil.
type Quote struct {
	RFQID            common.Hash // the RFQ's digest under EscrowDomain
	ProviderAgentID  *big.Int
	Provider         common.Address // the agent's wallet, which signs and is paid
	Price            *big.Int       // in the RFQ's token's base units
	DeliveryDeadline uint64         // unix seconds, at or before the RFQ's
	SLAHash          common.Hash    // keccak256 of the SLA terms offered
	Nonce            *big.Int       // single use per provider
	ValidUntil       uint64         // unix seconds after which the quote is void
}

var quoteMembers = []Type{
	{Name: "rfqId", Type: "bytes32"},
	{Name: "providerAgentId", Type: "uint256"},
	{Name: "provider", Type: "address"},
	{Name: "price", Type: "uint256"},
	{Name: "deliveryDeadline", Type: "uint64"},
	{Name: "slaHash", Type: "bytes32"},
	{Name: "nonce", Type: "uint256"},
	{Name: "validUntil", Type: "uint64"},
}

// PrimaryType implements Message.
func (Quote) PrimaryType() string { return "Quote" }

func (Quote) members() []Type { return quoteMembers }

func (m Quote) fields() ([]field, error) {
	var b builder
	b.bytes32("rfqId", m.RFQID)
	b.uint("providerAgentId", 256, m.ProviderAgentID)
	b.address("provider", m.Provider)
	b.uint("price", 256, m.Price)
	b.uint("deliveryDeadline", 64, new(big.Int).SetUint64(m.DeliveryDeadline))
	b.bytes32("slaHash", m.SLAHash)
	b.uint("nonce", 256, m.Nonce)
	b.uint("validUntil", 64, new(big.Int).SetUint64(m.ValidUntil))
	return b.fs, b.err
}

func (m *Quote) decode(v *values) {
	m.RFQID = v.bytes32("rfqId")
	m.ProviderAgentID = v.uint("providerAgentId", 256)
	m.Provider = v.address("provider")
	m.Price = v.uint("price", 256)
	m.DeliveryDeadline = v.uint("deliveryDeadline", 64).Uint64()
	m.SLAHash = v.bytes32("slaHash")
	m.Nonce = v.uint("nonce", 256)
	m.ValidUntil = v.uint("validUntil", 64).Uint64()
}
