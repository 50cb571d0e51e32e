// Package eip712 defines the EIP-712 typed data of Agora: what the contracts verify (the ERC-8004 Identity
// Registry's AgentWalletSet proof and the escrow's ServiceAgreement) and what the gateway verifies (the
// provider Heartbeat, the market's RFQ and Quote). It computes digests the way the contracts do (OpenZeppelin
// EIP712: keccak256("\x19\x01" ‖ domainSeparator ‖ structHash)), signs and recovers them, verifies signatures
// from externally owned accounts and ERC-1271 contract wallets (Verifier), and reads and writes the
// eth_signTypedData_v4 JSON that wallets sign, with every integer as a decimal string.
//
// This package is the one definition of each type: a test checks every type string in the Solidity sources
// against it. testdata/eip712 holds vectors signed by an independent signer (Foundry's cast) that the Go
// tests, the forge tests and viem all check.
package eip712

import (
	"bytes"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	fastjson "github.com/goccy/go-json"
)

// Domain names and version of Agora's contracts and gateway.
const (
	IdentityDomainName = "ERC8004IdentityRegistry"
	EscrowDomainName   = "AgoraEscrow"
	GatewayDomainName  = "AgoraGateway"
	MandateDomainName  = "AgoraMandates"
	DomainVersion      = "1"
)

// DomainType is the EIP712Domain type every Agora contract uses.
const DomainType = "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"

var (
	// ErrInvalidValue is returned for a message or domain value that does not fit its Solidity type.
	ErrInvalidValue = errors.New("invalid value")
	// ErrUnknownType is returned by ParseTypedData for typed data that is not one of Agora's types.
	ErrUnknownType = errors.New("unknown typed data")
	// ErrInvalidSignature is returned for a signature that is not 65 bytes with v in {27, 28} and,
	// by Verifier, for a high-s (malleable) ECDSA signature or one longer than MaxContractSignature.
	ErrInvalidSignature = errors.New("invalid signature")
)

// Domain is an EIP-712 domain with the four fields OpenZeppelin's EIP712 uses.
type Domain struct {
	Name              string
	Version           string
	ChainID           *big.Int
	VerifyingContract common.Address
}

// IdentityDomain returns the domain of the Identity Registry at registry on chainID.
func IdentityDomain(chainID *big.Int, registry common.Address) Domain {
	return Domain{Name: IdentityDomainName, Version: DomainVersion, ChainID: chainID, VerifyingContract: registry}
}

// EscrowDomain returns the domain of the AgentEscrow at escrow on chainID.
func EscrowDomain(chainID *big.Int, escrow common.Address) Domain {
	return Domain{Name: EscrowDomainName, Version: DomainVersion, ChainID: chainID, VerifyingContract: escrow}
}

// MandateDomain returns the domain of the MandateRegistry at registry on chainID.
func MandateDomain(chainID *big.Int, registry common.Address) Domain {
	return Domain{Name: MandateDomainName, Version: DomainVersion, ChainID: chainID, VerifyingContract: registry}
}

// GatewayDomain returns the domain of the gateway's heartbeats for agents of the Identity Registry at
// identityRegistry on chainID. Naming the registry and the chain binds a heartbeat to the registry where its
// agentId lives, so it cannot be replayed for the same agentId of another registry or chain. No contract
// checks this domain; the registry is only its verifyingContract.
func GatewayDomain(chainID *big.Int, identityRegistry common.Address) Domain {
	return Domain{Name: GatewayDomainName, Version: DomainVersion, ChainID: chainID, VerifyingContract: identityRegistry}
}

// Separator returns the domain separator, hashStruct(domain).
func (d Domain) Separator() (common.Hash, error) {
	if d.ChainID == nil {
		return common.Hash{}, fmt.Errorf("chainId: %w: missing", ErrInvalidValue)
	}
	chainID, err := uintWord(d.ChainID, 256)
	if err != nil {
		return common.Hash{}, fmt.Errorf("chainId: %w", err)
	}
	return keccak(
		crypto.Keccak256([]byte(DomainType)),
		crypto.Keccak256([]byte(d.Name)),
		crypto.Keccak256([]byte(d.Version)),
		chainID,
		common.LeftPadBytes(d.VerifyingContract.Bytes(), 32),
	), nil
}

// Message is one of Agora's typed structs.
type Message interface {
	// PrimaryType returns the struct's EIP-712 name, e.g. "AgentWalletSet".
	PrimaryType() string
	// members returns the struct's members in declaration order.
	members() []Type
	// fields returns the members in declaration order with their encoded values.
	fields() ([]field, error)
}

// field is one member of a struct. Every member of Agora's types is atomic (its encodeData word is its value
// padded to 32 bytes) or an array of atomic values (its word is keccak256 of the elements' words).
type field struct {
	Name string
	Type string
	word []byte // 32 bytes
	json any    // the eth_signTypedData_v4 value: a string, or a []string for an array
}

// TypeString returns encodeType(m), e.g. "AgentWalletSet(uint256 agentId,address newWallet,...)".
func TypeString(m Message) string {
	fs := schema(m)
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.Type + " " + f.Name
	}
	return m.PrimaryType() + "(" + strings.Join(parts, ",") + ")"
}

// TypeHash returns keccak256(encodeType(m)).
func TypeHash(m Message) common.Hash {
	return crypto.Keccak256Hash([]byte(TypeString(m)))
}

// StructHash returns hashStruct(m) = keccak256(typeHash ‖ encodeData(m)).
func StructHash(m Message) (common.Hash, error) {
	fs, err := m.fields()
	if err != nil {
		return common.Hash{}, fmt.Errorf("%s: %w", m.PrimaryType(), err)
	}
	words := make([][]byte, 0, len(fs)+1)
	words = append(words, TypeHash(m).Bytes())
	for _, f := range fs {
		words = append(words, f.word)
	}
	return keccak(words...), nil
}

// Digest returns the hash that is signed: keccak256("\x19\x01" ‖ domainSeparator ‖ hashStruct(m)).
func Digest(d Domain, m Message) (common.Hash, error) {
	sep, err := d.Separator()
	if err != nil {
		return common.Hash{}, err
	}
	sh, err := StructHash(m)
	if err != nil {
		return common.Hash{}, err
	}
	return keccak([]byte{0x19, 0x01}, sep.Bytes(), sh.Bytes()), nil
}

// Sign signs the digest of m under d with key and returns the 65-byte signature r ‖ s ‖ v with v in
// {27, 28}, the form ecrecover-based verifiers (and OpenZeppelin's ECDSA) expect.
func Sign(key *ecdsa.PrivateKey, d Domain, m Message) ([]byte, error) {
	digest, err := Digest(d, m)
	if err != nil {
		return nil, err
	}
	sig, err := crypto.Sign(digest.Bytes(), key)
	if err != nil {
		return nil, err
	}
	sig[64] += 27
	return sig, nil
}

// Recover returns the address that produced sig over the digest of m under d. v must be 27 or 28, as the
// contracts' ecrecover requires.
func Recover(d Domain, m Message, sig []byte) (common.Address, error) {
	digest, err := Digest(d, m)
	if err != nil {
		return common.Address{}, err
	}
	return RecoverDigest(digest, sig)
}

// RecoverDigest returns the address that produced sig over digest. v must be 27 or 28, as the contracts'
// ecrecover requires (go-ethereum's crypto.Sign gives 0 or 1: add 27, as Sign does).
func RecoverDigest(digest common.Hash, sig []byte) (common.Address, error) {
	if len(sig) != 65 {
		return common.Address{}, fmt.Errorf("%w: %d bytes, want 65", ErrInvalidSignature, len(sig))
	}
	if sig[64] != 27 && sig[64] != 28 {
		return common.Address{}, fmt.Errorf("%w: v = %d, want 27 or 28", ErrInvalidSignature, sig[64])
	}
	s := bytes.Clone(sig)
	s[64] -= 27
	pub, err := crypto.SigToPub(digest.Bytes(), s)
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %v", ErrInvalidSignature, err)
	}
	return crypto.PubkeyToAddress(*pub), nil
}

// Type is one member in the "types" section of typed data.
type Type struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// TypedDataDomain is the "domain" section of typed data; chainId is a decimal string.
type TypedDataDomain struct {
	Name              string `json:"name"`
	Version           string `json:"version"`
	ChainID           string `json:"chainId"`
	VerifyingContract string `json:"verifyingContract"`
}

// TypedData is the eth_signTypedData_v4 request body: what a wallet shows and signs. Integers are
// decimal strings, addresses are checksummed, bytes32 values are 0x-prefixed lowercase hex; an array member
// is a JSON array of such strings.
type TypedData struct {
	Types       map[string][]Type `json:"types"`
	PrimaryType string            `json:"primaryType"`
	Domain      TypedDataDomain   `json:"domain"`
	Message     map[string]any    `json:"message"`
}

var domainTypes = []Type{
	{Name: "name", Type: "string"},
	{Name: "version", Type: "string"},
	{Name: "chainId", Type: "uint256"},
	{Name: "verifyingContract", Type: "address"},
}

// NewTypedData returns the typed data for m under d.
func NewTypedData(d Domain, m Message) (*TypedData, error) {
	fs, err := m.fields()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", m.PrimaryType(), err)
	}
	if _, err := d.Separator(); err != nil {
		return nil, err
	}
	td := &TypedData{
		Types: map[string][]Type{
			"EIP712Domain":  slices.Clone(domainTypes),
			m.PrimaryType(): schema(m),
		},
		PrimaryType: m.PrimaryType(),
		Domain: TypedDataDomain{
			Name:              d.Name,
			Version:           d.Version,
			ChainID:           d.ChainID.String(),
			VerifyingContract: d.VerifyingContract.Hex(),
		},
		Message: make(map[string]any, len(fs)),
	}
	for _, f := range fs {
		td.Message[f.Name] = f.json
	}
	return td, nil
}

// MarshalTypedData returns the eth_signTypedData_v4 JSON for m under d.
func MarshalTypedData(d Domain, m Message) ([]byte, error) {
	td, err := NewTypedData(d, m)
	if err != nil {
		return nil, err
	}
	return json.Marshal(td)
}

// ParseTypedData reads eth_signTypedData_v4 JSON holding one of Agora's types. The types section must
// match Agora's definitions exactly; integers may be decimal strings, 0x-hex strings or JSON numbers.
// The message is returned by value (AgentWalletSet, ServiceAgreement, Heartbeat, RFQ or Quote).
func ParseTypedData(data []byte) (Domain, Message, error) {
	var raw struct {
		Types       map[string][]Type          `json:"types"`
		PrimaryType string                     `json:"primaryType"`
		Domain      map[string]json.RawMessage `json:"domain"`
		Message     map[string]json.RawMessage `json:"message"`
	}
	if err := fastjson.Unmarshal(data, &raw); err != nil {
		return Domain{}, nil, fmt.Errorf("typed data: %w", err)
	}
	k, ok := kinds[raw.PrimaryType]
	if !ok {
		return Domain{}, nil, fmt.Errorf("%w: primaryType %q", ErrUnknownType, raw.PrimaryType)
	}
	proto := k.proto
	want := map[string][]Type{"EIP712Domain": domainTypes, proto.PrimaryType(): proto.members()}
	if len(raw.Types) != len(want) {
		return Domain{}, nil, fmt.Errorf("%w: %d types, want %d", ErrUnknownType, len(raw.Types), len(want))
	}
	for name, members := range want {
		if !slices.Equal(raw.Types[name], members) {
			return Domain{}, nil, fmt.Errorf("%w: type %s is %v, want %v", ErrUnknownType, name, raw.Types[name], members)
		}
	}

	d, err := parseDomain(raw.Domain)
	if err != nil {
		return Domain{}, nil, err
	}
	vals := newValues(raw.Message)
	m := k.decode(vals)
	if err := vals.done(); err != nil {
		return Domain{}, nil, fmt.Errorf("%s: %w", proto.PrimaryType(), err)
	}
	return d, m, nil
}

// kind is one of Agora's types for ParseTypedData: its zero message and its decoder.
type kind struct {
	proto  Message
	decode func(*values) Message
}

var kinds = map[string]kind{
	"AgentWalletSet":   {AgentWalletSet{}, decoder[AgentWalletSet]()},
	"ServiceAgreement": {ServiceAgreement{}, decoder[ServiceAgreement]()},
	"Heartbeat":        {Heartbeat{}, decoder[Heartbeat]()},
	"RFQ":              {RFQ{}, decoder[RFQ]()},
	"Quote":            {Quote{}, decoder[Quote]()},
	"Mandate":          {Mandate{}, decoder[Mandate]()},
	"MandateApproval":  {MandateApproval{}, decoder[MandateApproval]()},
	"PolicyApproval":   {PolicyApproval{}, decoder[PolicyApproval]()},
	"ApprovalsQuery":   {ApprovalsQuery{}, decoder[ApprovalsQuery]()},
	"AuditQuery":       {AuditQuery{}, decoder[AuditQuery]()},
}

// decoder returns a function that decodes a message of type T by value.
func decoder[T Message, P interface {
	*T
	decode(*values)
}]() func(*values) Message {
	return func(v *values) Message {
		var m T
		P(&m).decode(v)
		return m
	}
}

func parseDomain(raw map[string]json.RawMessage) (Domain, error) {
	vals := newValues(raw)
	d := Domain{
		Name:              vals.string("name"),
		Version:           vals.string("version"),
		ChainID:           vals.uint("chainId", 256),
		VerifyingContract: vals.address("verifyingContract"),
	}
	if err := vals.done(); err != nil {
		return Domain{}, fmt.Errorf("domain: %w", err)
	}
	return d, nil
}

// schema returns m's members (names and types only).
func schema(m Message) []Type {
	return slices.Clone(m.members())
}

func keccak(parts ...[]byte) common.Hash {
	return crypto.Keccak256Hash(parts...)
}
