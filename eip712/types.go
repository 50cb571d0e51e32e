package eip712

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"
)

// AgentWalletSetType is the Identity Registry's typehash preimage (ERC-8004).
const AgentWalletSetType = "AgentWalletSet(uint256 agentId,address newWallet,address owner,uint256 deadline)"

// AgentWalletSet is the message a new agent wallet signs to prove it consents to being set as the wallet
// of agentId (IdentityRegistry.setAgentWallet). Owner is the agent's current owner; the registry accepts
// deadlines at most five minutes ahead.
type AgentWalletSet struct {
	AgentID   *big.Int
	NewWallet common.Address
	Owner     common.Address
	Deadline  *big.Int
}

var agentWalletSetMembers = []Type{
	{Name: "agentId", Type: "uint256"},
	{Name: "newWallet", Type: "address"},
	{Name: "owner", Type: "address"},
	{Name: "deadline", Type: "uint256"},
}

// PrimaryType implements Message.
func (AgentWalletSet) PrimaryType() string { return "AgentWalletSet" }

func (AgentWalletSet) members() []Type { return agentWalletSetMembers }

func (m AgentWalletSet) fields() ([]field, error) {
	var b builder
	b.uint("agentId", 256, m.AgentID)
	b.address("newWallet", m.NewWallet)
	b.address("owner", m.Owner)
	b.uint("deadline", 256, m.Deadline)
	return b.fs, b.err
}

func (m *AgentWalletSet) decode(v *values) {
	m.AgentID = v.uint("agentId", 256)
	m.NewWallet = v.address("newWallet")
	m.Owner = v.address("owner")
	m.Deadline = v.uint("deadline", 256)
}

// ServiceAgreementType is the escrow's typehash preimage (docs/escrow.md).
const ServiceAgreementType = "ServiceAgreement(uint256 providerAgentId,address client,address provider,address token," +
	"uint256 price,uint64 deliveryDeadline,uint64 expiredAt,bytes32 deliverableSpecHash,bytes32 slaHash," +
	"address validator,uint8 validationThreshold,address arbiter,uint64 reviewWindow,uint16 latePenaltyBps," +
	"uint256 nonce,uint256 expiry,uint256 mandateId)"

// ServiceAgreement is the contract that a client and a provider agent both sign and that
// AgentEscrow.createJobFromAgreement turns into a funded job. See docs/escrow.md for the rules.
type ServiceAgreement struct {
	ProviderAgentID     *big.Int
	Client              common.Address
	Provider            common.Address
	Token               common.Address
	Price               *big.Int
	DeliveryDeadline    uint64
	ExpiredAt           uint64
	DeliverableSpecHash common.Hash
	SLAHash             common.Hash
	Validator           common.Address // zero: no validator
	ValidationThreshold uint8          // 0..100
	Arbiter             common.Address // zero: no arbiter
	ReviewWindow        uint64         // seconds
	LatePenaltyBps      uint16
	Nonce               *big.Int
	Expiry              *big.Int
	// MandateID names the MandateRegistry mandate the client signs under: its principal pays, within the
	// mandate's rules (docs/governance.md). Nil or zero: none, the client pays itself.
	MandateID *big.Int
}

var serviceAgreementMembers = []Type{
	{Name: "providerAgentId", Type: "uint256"},
	{Name: "client", Type: "address"},
	{Name: "provider", Type: "address"},
	{Name: "token", Type: "address"},
	{Name: "price", Type: "uint256"},
	{Name: "deliveryDeadline", Type: "uint64"},
	{Name: "expiredAt", Type: "uint64"},
	{Name: "deliverableSpecHash", Type: "bytes32"},
	{Name: "slaHash", Type: "bytes32"},
	{Name: "validator", Type: "address"},
	{Name: "validationThreshold", Type: "uint8"},
	{Name: "arbiter", Type: "address"},
	{Name: "reviewWindow", Type: "uint64"},
	{Name: "latePenaltyBps", Type: "uint16"},
	{Name: "nonce", Type: "uint256"},
	{Name: "expiry", Type: "uint256"},
	{Name: "mandateId", Type: "uint256"},
}

// PrimaryType implements Message.
func (ServiceAgreement) PrimaryType() string { return "ServiceAgreement" }

func (ServiceAgreement) members() []Type { return serviceAgreementMembers }

func (m ServiceAgreement) fields() ([]field, error) {
	var b builder
	b.uint("providerAgentId", 256, m.ProviderAgentID)
	b.address("client", m.Client)
	b.address("provider", m.Provider)
	b.address("token", m.Token)
	b.uint("price", 256, m.Price)
	b.uint("deliveryDeadline", 64, new(big.Int).SetUint64(m.DeliveryDeadline))
	b.uint("expiredAt", 64, new(big.Int).SetUint64(m.ExpiredAt))
	b.bytes32("deliverableSpecHash", m.DeliverableSpecHash)
	b.bytes32("slaHash", m.SLAHash)
	b.address("validator", m.Validator)
	b.uint("validationThreshold", 8, big.NewInt(int64(m.ValidationThreshold)))
	b.address("arbiter", m.Arbiter)
	b.uint("reviewWindow", 64, new(big.Int).SetUint64(m.ReviewWindow))
	b.uint("latePenaltyBps", 16, big.NewInt(int64(m.LatePenaltyBps)))
	b.uint("nonce", 256, m.Nonce)
	b.uint("expiry", 256, m.Expiry)
	b.uint("mandateId", 256, m.MandateID)
	return b.fs, b.err
}

func (m *ServiceAgreement) decode(v *values) {
	m.ProviderAgentID = v.uint("providerAgentId", 256)
	m.Client = v.address("client")
	m.Provider = v.address("provider")
	m.Token = v.address("token")
	m.Price = v.uint("price", 256)
	m.DeliveryDeadline = v.uint("deliveryDeadline", 64).Uint64()
	m.ExpiredAt = v.uint("expiredAt", 64).Uint64()
	m.DeliverableSpecHash = v.bytes32("deliverableSpecHash")
	m.SLAHash = v.bytes32("slaHash")
	m.Validator = v.address("validator")
	m.ValidationThreshold = uint8(v.uint("validationThreshold", 8).Uint64())
	m.Arbiter = v.address("arbiter")
	m.ReviewWindow = v.uint("reviewWindow", 64).Uint64()
	m.LatePenaltyBps = uint16(v.uint("latePenaltyBps", 16).Uint64())
	m.Nonce = v.uint("nonce", 256)
	m.Expiry = v.uint("expiry", 256)
	m.MandateID = v.uint("mandateId", 256)
}

// HeartbeatType is the typehash preimage of the gateway's provider heartbeat (issue 4 §5). No contract
// verifies heartbeats: the gateway does, off-chain, under GatewayDomain.
const HeartbeatType = "Heartbeat(uint256 agentId,uint8 status,uint256 price,address token,uint32 p95LatencyMs," +
	"uint32 capacity,uint64 expiresAt,uint256 nonce)"

// Heartbeat statuses. Any uint8 encodes (the typed data is only a uint8), but the gateway accepts only these.
const (
	// HeartbeatOffline means the provider takes no calls until its next heartbeat.
	HeartbeatOffline uint8 = 0
	// HeartbeatOnline means the provider takes calls at Price, within P95LatencyMs, up to Capacity at once.
	HeartbeatOnline uint8 = 1
	// HeartbeatBusy means the provider is up but at capacity: callers should expect queueing or refusals.
	HeartbeatBusy uint8 = 2
)

// Heartbeat is what a provider agent's wallet signs to announce its live status and price to the gateway.
// The gateway shows the agent with this status until ExpiresAt (unix seconds), then offline; Nonce orders a
// provider's heartbeats so that an older or replayed one cannot replace a newer one.
type Heartbeat struct {
	AgentID      *big.Int
	Status       uint8          // HeartbeatOffline, HeartbeatOnline or HeartbeatBusy
	Price        *big.Int       // per call, in Token's base units
	Token        common.Address // the payment token (zero: none announced)
	P95LatencyMs uint32
	Capacity     uint32 // concurrent calls the provider accepts
	ExpiresAt    uint64 // unix seconds
	Nonce        *big.Int
}

var heartbeatMembers = []Type{
	{Name: "agentId", Type: "uint256"},
	{Name: "status", Type: "uint8"},
	{Name: "price", Type: "uint256"},
	{Name: "token", Type: "address"},
	{Name: "p95LatencyMs", Type: "uint32"},
	{Name: "capacity", Type: "uint32"},
	{Name: "expiresAt", Type: "uint64"},
	{Name: "nonce", Type: "uint256"},
}

// PrimaryType implements Message.
func (Heartbeat) PrimaryType() string { return "Heartbeat" }

func (Heartbeat) members() []Type { return heartbeatMembers }

func (m Heartbeat) fields() ([]field, error) {
	var b builder
	b.uint("agentId", 256, m.AgentID)
	b.uint("status", 8, big.NewInt(int64(m.Status)))
	b.uint("price", 256, m.Price)
	b.address("token", m.Token)
	b.uint("p95LatencyMs", 32, big.NewInt(int64(m.P95LatencyMs)))
	b.uint("capacity", 32, big.NewInt(int64(m.Capacity)))
	b.uint("expiresAt", 64, new(big.Int).SetUint64(m.ExpiresAt))
	b.uint("nonce", 256, m.Nonce)
	return b.fs, b.err
}

func (m *Heartbeat) decode(v *values) {
	m.AgentID = v.uint("agentId", 256)
	m.Status = uint8(v.uint("status", 8).Uint64())
	m.Price = v.uint("price", 256)
	m.Token = v.address("token")
	m.P95LatencyMs = uint32(v.uint("p95LatencyMs", 32).Uint64())
	m.Capacity = uint32(v.uint("capacity", 32).Uint64())
	m.ExpiresAt = v.uint("expiresAt", 64).Uint64()
	m.Nonce = v.uint("nonce", 256)
}
