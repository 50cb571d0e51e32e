package eip712

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/agoralabs/agora/bindings"
)

// MandateType is the MandateRegistry's typehash preimage (MANDATE_TYPEHASH; docs/governance.md).
const MandateType = "Mandate(address principal,uint256 agentId,address agent,address token,uint256 maxPerJob," +
	"uint256 budget,uint64 period,uint64 validAfter,uint64 validUntil,uint256[] payees,bytes32[] specs," +
	"address[] approvers,uint8 quorum,uint256 escalateAbove,uint8 quorumHigh,uint256 timelockAbove," +
	"uint64 timelock,uint256 nonce,uint256 deadline)"

// Mandate is what a principal signs to grant its agent a mandate (MandateRegistry.grantWithSig), under
// MandateDomain. The fields are IMandateRegistry.MandateTerms plus the signature's Nonce and Deadline.
type Mandate struct {
	Principal     common.Address
	AgentID       *big.Int
	Agent         common.Address // the wallet that signs agreements as client
	Token         common.Address
	MaxPerJob     *big.Int
	Budget        *big.Int // per period, net of refunds
	Period        uint64   // seconds; 0: a one-time budget
	ValidAfter    uint64
	ValidUntil    uint64
	Payees        []*big.Int    // provider agent ids; empty: any
	Specs         []common.Hash // deliverable specification hashes; empty: any
	Approvers     []common.Address
	Quorum        uint8
	EscalateAbove *big.Int
	QuorumHigh    uint8
	TimelockAbove *big.Int
	Timelock      uint64 // seconds
	Nonce         *big.Int
	Deadline      *big.Int
}

var mandateMembers = []Type{
	{Name: "principal", Type: "address"},
	{Name: "agentId", Type: "uint256"},
	{Name: "agent", Type: "address"},
	{Name: "token", Type: "address"},
	{Name: "maxPerJob", Type: "uint256"},
	{Name: "budget", Type: "uint256"},
	{Name: "period", Type: "uint64"},
	{Name: "validAfter", Type: "uint64"},
	{Name: "validUntil", Type: "uint64"},
	{Name: "payees", Type: "uint256[]"},
	{Name: "specs", Type: "bytes32[]"},
	{Name: "approvers", Type: "address[]"},
	{Name: "quorum", Type: "uint8"},
	{Name: "escalateAbove", Type: "uint256"},
	{Name: "quorumHigh", Type: "uint8"},
	{Name: "timelockAbove", Type: "uint256"},
	{Name: "timelock", Type: "uint64"},
	{Name: "nonce", Type: "uint256"},
	{Name: "deadline", Type: "uint256"},
}

// PrimaryType implements Message.
func (Mandate) PrimaryType() string { return "Mandate" }

func (Mandate) members() []Type { return mandateMembers }

func (m Mandate) fields() ([]field, error) {
	var b builder
	b.address("principal", m.Principal)
	b.uint("agentId", 256, m.AgentID)
	b.address("agent", m.Agent)
	b.address("token", m.Token)
	b.uint("maxPerJob", 256, m.MaxPerJob)
	b.uint("budget", 256, m.Budget)
	b.uint("period", 64, new(big.Int).SetUint64(m.Period))
	b.uint("validAfter", 64, new(big.Int).SetUint64(m.ValidAfter))
	b.uint("validUntil", 64, new(big.Int).SetUint64(m.ValidUntil))
	b.uints("payees", 256, m.Payees)
	b.hashes("specs", m.Specs)
	b.addresses("approvers", m.Approvers)
	b.uint("quorum", 8, big.NewInt(int64(m.Quorum)))
	b.uint("escalateAbove", 256, m.EscalateAbove)
	b.uint("quorumHigh", 8, big.NewInt(int64(m.QuorumHigh)))
	b.uint("timelockAbove", 256, m.TimelockAbove)
	b.uint("timelock", 64, new(big.Int).SetUint64(m.Timelock))
	b.uint("nonce", 256, m.Nonce)
	b.uint("deadline", 256, m.Deadline)
	return b.fs, b.err
}

func (m *Mandate) decode(v *values) {
	m.Principal = v.address("principal")
	m.AgentID = v.uint("agentId", 256)
	m.Agent = v.address("agent")
	m.Token = v.address("token")
	m.MaxPerJob = v.uint("maxPerJob", 256)
	m.Budget = v.uint("budget", 256)
	m.Period = v.uint("period", 64).Uint64()
	m.ValidAfter = v.uint("validAfter", 64).Uint64()
	m.ValidUntil = v.uint("validUntil", 64).Uint64()
	m.Payees = v.uints("payees", 256)
	m.Specs = v.hashes("specs")
	m.Approvers = v.addresses("approvers")
	m.Quorum = uint8(v.uint("quorum", 8).Uint64())
	m.EscalateAbove = v.uint("escalateAbove", 256)
	m.QuorumHigh = uint8(v.uint("quorumHigh", 8).Uint64())
	m.TimelockAbove = v.uint("timelockAbove", 256)
	m.Timelock = v.uint("timelock", 64).Uint64()
	m.Nonce = v.uint("nonce", 256)
	m.Deadline = v.uint("deadline", 256)
}

// Terms returns m as the registry binding's MandateTerms (grant and grantWithSig take it); nil integers
// become zero and slices are copied.
func (m Mandate) Terms() bindings.IMandateRegistryMandateTerms {
	payees := make([]*big.Int, len(m.Payees))
	for i, p := range m.Payees {
		payees[i] = bigOrZero(p)
	}
	specs := make([][32]byte, len(m.Specs))
	for i, s := range m.Specs {
		specs[i] = s
	}
	return bindings.IMandateRegistryMandateTerms{
		Principal:     m.Principal,
		AgentId:       bigOrZero(m.AgentID),
		Agent:         m.Agent,
		Token:         m.Token,
		MaxPerJob:     bigOrZero(m.MaxPerJob),
		Budget:        bigOrZero(m.Budget),
		Period:        m.Period,
		ValidAfter:    m.ValidAfter,
		ValidUntil:    m.ValidUntil,
		Payees:        payees,
		Specs:         specs,
		Approvers:     append([]common.Address(nil), m.Approvers...),
		Quorum:        m.Quorum,
		EscalateAbove: bigOrZero(m.EscalateAbove),
		QuorumHigh:    m.QuorumHigh,
		TimelockAbove: bigOrZero(m.TimelockAbove),
		Timelock:      m.Timelock,
	}
}

// MandateApprovalType is the MandateRegistry's MANDATE_APPROVAL_TYPEHASH preimage.
const MandateApprovalType = "MandateApproval(uint256 mandateId,bytes32 agreementHash,uint256 deadline)"

// MandateApproval is what an approver signs to approve funding one agreement (its EIP-712 digest under the
// escrow's domain) under one mandate (MandateRegistry.approveWithSig), under MandateDomain.
type MandateApproval struct {
	MandateID     *big.Int
	AgreementHash common.Hash
	Deadline      *big.Int
}

var mandateApprovalMembers = []Type{
	{Name: "mandateId", Type: "uint256"},
	{Name: "agreementHash", Type: "bytes32"},
	{Name: "deadline", Type: "uint256"},
}

// PrimaryType implements Message.
func (MandateApproval) PrimaryType() string { return "MandateApproval" }

func (MandateApproval) members() []Type { return mandateApprovalMembers }

func (m MandateApproval) fields() ([]field, error) {
	var b builder
	b.uint("mandateId", 256, m.MandateID)
	b.bytes32("agreementHash", m.AgreementHash)
	b.uint("deadline", 256, m.Deadline)
	return b.fs, b.err
}

func (m *MandateApproval) decode(v *values) {
	m.MandateID = v.uint("mandateId", 256)
	m.AgreementHash = v.bytes32("agreementHash")
	m.Deadline = v.uint("deadline", 256)
}

// PolicyApprovalType is the typehash preimage of an approver's decision on an action the gateway's policy
// check escalated (GET/POST /v1/approvals). No contract verifies it: the gateway does, under GatewayDomain.
const PolicyApprovalType = "PolicyApproval(bytes32 approvalId,uint8 decision,uint64 deadline)"

// Policy approval decisions.
const (
	// PolicyApprove lets the escalated action proceed.
	PolicyApprove uint8 = 1
	// PolicyDeny refuses it for good.
	PolicyDeny uint8 = 2
)

// PolicyApproval is what an approver's wallet signs to decide an escalated action: ApprovalID is the
// approval's id (the escalated request's digest), Decision PolicyApprove or PolicyDeny, Deadline unix
// seconds after which the signature is void.
type PolicyApproval struct {
	ApprovalID common.Hash
	Decision   uint8
	Deadline   uint64
}

var policyApprovalMembers = []Type{
	{Name: "approvalId", Type: "bytes32"},
	{Name: "decision", Type: "uint8"},
	{Name: "deadline", Type: "uint64"},
}

// PrimaryType implements Message.
func (PolicyApproval) PrimaryType() string { return "PolicyApproval" }

func (PolicyApproval) members() []Type { return policyApprovalMembers }

func (m PolicyApproval) fields() ([]field, error) {
	var b builder
	b.bytes32("approvalId", m.ApprovalID)
	b.uint("decision", 8, big.NewInt(int64(m.Decision)))
	b.uint("deadline", 64, new(big.Int).SetUint64(m.Deadline))
	return b.fs, b.err
}

func (m *PolicyApproval) decode(v *values) {
	m.ApprovalID = v.bytes32("approvalId")
	m.Decision = uint8(v.uint("decision", 8).Uint64())
	m.Deadline = v.uint("deadline", 64).Uint64()
}

// ApprovalsQueryType is the typehash preimage of an approver's request for its approval queue
// (GET /v1/approvals). No contract verifies it: the gateway does, under GatewayDomain.
const ApprovalsQueryType = "ApprovalsQuery(address approver,uint64 deadline)"

// ApprovalsQuery is what an approver's wallet signs to read the actions it may decide: the queue holds a
// principal's pending intentions, so only its approvers see it. Deadline (unix seconds, at most ten minutes
// ahead) bounds the signature's use; a replay before then only lists the same queue again.
type ApprovalsQuery struct {
	Approver common.Address
	Deadline uint64
}

var approvalsQueryMembers = []Type{
	{Name: "approver", Type: "address"},
	{Name: "deadline", Type: "uint64"},
}

// PrimaryType implements Message.
func (ApprovalsQuery) PrimaryType() string { return "ApprovalsQuery" }

func (ApprovalsQuery) members() []Type { return approvalsQueryMembers }

func (m ApprovalsQuery) fields() ([]field, error) {
	var b builder
	b.address("approver", m.Approver)
	b.uint("deadline", 64, new(big.Int).SetUint64(m.Deadline))
	return b.fs, b.err
}

func (m *ApprovalsQuery) decode(v *values) {
	m.Approver = v.address("approver")
	m.Deadline = v.uint("deadline", 64).Uint64()
}

// AuditQueryType is the typehash preimage of a reader's request for audit entries (GET /v1/audit/entries).
// No contract verifies it: the gateway does, under GatewayDomain.
const AuditQueryType = "AuditQuery(address reader,uint64 deadline)"

// AuditQuery is what a reader's wallet signs to read audit entries: a principal reads the entries that name
// it, an agent's owner or wallet the agent's, an auditor the operator names everything. Deadline (unix
// seconds, at most ten minutes ahead) bounds the signature's use; a replay before then reads the same
// reader's entries again.
type AuditQuery struct {
	Reader   common.Address
	Deadline uint64
}

var auditQueryMembers = []Type{
	{Name: "reader", Type: "address"},
	{Name: "deadline", Type: "uint64"},
}

// PrimaryType implements Message.
func (AuditQuery) PrimaryType() string { return "AuditQuery" }

func (AuditQuery) members() []Type { return auditQueryMembers }

func (m AuditQuery) fields() ([]field, error) {
	var b builder
	b.address("reader", m.Reader)
	b.uint("deadline", 64, new(big.Int).SetUint64(m.Deadline))
	return b.fs, b.err
}

func (m *AuditQuery) decode(v *values) {
	m.Reader = v.address("reader")
	m.Deadline = v.uint("deadline", 64).Uint64()
}
