// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// IAgentEscrowJob is an auto generated low-level Go binding around an user-defined struct.
type IAgentEscrowJob struct {
	Client              common.Address
	ExpiredAt           uint64
	Status              uint8
	FeeBps              uint16
	Provider            common.Address
	SubmittedAt         uint64
	LatePenaltyBps      uint16
	ValidationThreshold uint8
	Evaluator           common.Address
	DeliveryDeadline    uint64
	Token               common.Address
	ReviewWindow        uint64
	Validator           common.Address
	DisputedAt          uint64
	Budget              *big.Int
	Funded              *big.Int
	ProviderAgentId     *big.Int
	AgreementHash       [32]byte
	Deliverable         [32]byte
	MandateId           *big.Int
}

// IAgentEscrowServiceAgreement is an auto generated low-level Go binding around an user-defined struct.
type IAgentEscrowServiceAgreement struct {
	ProviderAgentId     *big.Int
	Client              common.Address
	Provider            common.Address
	Token               common.Address
	Price               *big.Int
	DeliveryDeadline    uint64
	ExpiredAt           uint64
	DeliverableSpecHash [32]byte
	SlaHash             [32]byte
	Validator           common.Address
	ValidationThreshold uint8
	Arbiter             common.Address
	ReviewWindow        uint64
	LatePenaltyBps      uint16
	Nonce               *big.Int
	Expiry              *big.Int
	MandateId           *big.Int
}

// AgentEscrowMetaData contains all meta data concerning the AgentEscrow contract.
var AgentEscrowMetaData = bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"identityRegistry_\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"validationRegistry_\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"mandateRegistry_\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"defaultToken_\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"owner_\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"feeRecipient_\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"feeBps_\",\"type\":\"uint16\",\"internalType\":\"uint16\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"ARBITRATION_TIMEOUT\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_FEE_BPS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint16\",\"internalType\":\"uint16\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_REVIEW_WINDOW\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"SERVICE_AGREEMENT_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"acceptOwnership\",\"inputs\":[],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"claimRefund\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"complete\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"reason\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"createJob\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"evaluator\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"expiredAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"hook\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"createJob\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"evaluator\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"expiredAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"hook\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"token\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"createJobFromAgreement\",\"inputs\":[{\"name\":\"agreement\",\"type\":\"tuple\",\"internalType\":\"structIAgentEscrow.ServiceAgreement\",\"components\":[{\"name\":\"providerAgentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"client\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"token\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"price\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"deliveryDeadline\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"expiredAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"deliverableSpecHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"slaHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"validator\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"validationThreshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"arbiter\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"reviewWindow\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"latePenaltyBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"expiry\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"name\":\"clientSignature\",\"type\":\"bytes\",\"internalType\":\"bytes\"},{\"name\":\"providerSignature\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"createJobFromAgreementWithPermit\",\"inputs\":[{\"name\":\"agreement\",\"type\":\"tuple\",\"internalType\":\"structIAgentEscrow.ServiceAgreement\",\"components\":[{\"name\":\"providerAgentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"client\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"token\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"price\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"deliveryDeadline\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"expiredAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"deliverableSpecHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"slaHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"validator\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"validationThreshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"arbiter\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"reviewWindow\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"latePenaltyBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"expiry\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"name\":\"clientSignature\",\"type\":\"bytes\",\"internalType\":\"bytes\"},{\"name\":\"providerSignature\",\"type\":\"bytes\",\"internalType\":\"bytes\"},{\"name\":\"permitDeadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"v\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"r\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"s\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"defaultToken\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"dispute\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"reason\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"eip712Domain\",\"inputs\":[],\"outputs\":[{\"name\":\"fields\",\"type\":\"bytes1\",\"internalType\":\"bytes1\"},{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"version\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"chainId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"salt\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"extensions\",\"type\":\"uint256[]\",\"internalType\":\"uint256[]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"feeBps\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint16\",\"internalType\":\"uint16\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"feeRecipient\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"fund\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"expectedBudget\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"getJob\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"tuple\",\"internalType\":\"structIAgentEscrow.Job\",\"components\":[{\"name\":\"client\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"expiredAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"status\",\"type\":\"uint8\",\"internalType\":\"enumIAgentEscrow.JobStatus\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"},{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"submittedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"latePenaltyBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"},{\"name\":\"validationThreshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"evaluator\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"deliveryDeadline\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"token\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"reviewWindow\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"validator\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"disputedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"budget\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"funded\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"providerAgentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"agreementHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"deliverable\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"hashAgreement\",\"inputs\":[{\"name\":\"agreement\",\"type\":\"tuple\",\"internalType\":\"structIAgentEscrow.ServiceAgreement\",\"components\":[{\"name\":\"providerAgentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"client\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"token\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"price\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"deliveryDeadline\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"expiredAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"deliverableSpecHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"slaHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"validator\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"validationThreshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"arbiter\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"reviewWindow\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"latePenaltyBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"expiry\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]}],\"outputs\":[{\"name\":\"digest\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"identityRegistry\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"invalidateNonce\",\"inputs\":[{\"name\":\"nonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"jobCount\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"mandateRegistry\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"nonceUsed\",\"inputs\":[{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"owner\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"pendingOwner\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"reject\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"reason\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"release\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"renounceOwnership\",\"inputs\":[],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"resolve\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"providerBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"},{\"name\":\"reason\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setBudget\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setFee\",\"inputs\":[{\"name\":\"newFeeBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setFeeRecipient\",\"inputs\":[{\"name\":\"newRecipient\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setProvider\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"settleFromValidation\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"submit\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"deliverable\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"terminate\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"transferOwnership\",\"inputs\":[{\"name\":\"newOwner\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"validationRegistry\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"validationRequestHash\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"event\",\"name\":\"AgreementJobCreated\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"agreementHash\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"providerAgentId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"client\",\"type\":\"address\",\"indexed\":false,\"internalType\":\"address\"},{\"name\":\"provider\",\"type\":\"address\",\"indexed\":false,\"internalType\":\"address\"},{\"name\":\"token\",\"type\":\"address\",\"indexed\":false,\"internalType\":\"address\"},{\"name\":\"price\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"validator\",\"type\":\"address\",\"indexed\":false,\"internalType\":\"address\"},{\"name\":\"validationThreshold\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"uint8\"},{\"name\":\"arbiter\",\"type\":\"address\",\"indexed\":false,\"internalType\":\"address\"},{\"name\":\"deliveryDeadline\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"reviewWindow\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"latePenaltyBps\",\"type\":\"uint16\",\"indexed\":false,\"internalType\":\"uint16\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"BudgetSet\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"DisputeResolved\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"arbiter\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"providerBps\",\"type\":\"uint16\",\"indexed\":false,\"internalType\":\"uint16\"},{\"name\":\"reason\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"EIP712DomainChanged\",\"inputs\":[],\"anonymous\":false},{\"type\":\"event\",\"name\":\"FeeRecipientSet\",\"inputs\":[{\"name\":\"recipient\",\"type\":\"address\",\"indexed\":false,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"FeeSet\",\"inputs\":[{\"name\":\"feeBps\",\"type\":\"uint16\",\"indexed\":false,\"internalType\":\"uint16\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"JobCompleted\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"evaluator\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"reason\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"JobCreated\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"client\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"provider\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"evaluator\",\"type\":\"address\",\"indexed\":false,\"internalType\":\"address\"},{\"name\":\"expiredAt\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"hook\",\"type\":\"address\",\"indexed\":false,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"JobDisputed\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"client\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"reason\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"JobExpired\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"JobFunded\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"client\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"JobRejected\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"rejector\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"reason\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"JobSettled\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"client\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"providerAgentId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"token\",\"type\":\"address\",\"indexed\":false,\"internalType\":\"address\"},{\"name\":\"toProvider\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"toClient\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"fee\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"JobSubmitted\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"provider\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"deliverable\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"JobTerminated\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"mandateId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"by\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"JobTokenSet\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"token\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"NonceInvalidated\",\"inputs\":[{\"name\":\"signer\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"OwnershipTransferStarted\",\"inputs\":[{\"name\":\"previousOwner\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"newOwner\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"OwnershipTransferred\",\"inputs\":[{\"name\":\"previousOwner\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"newOwner\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"PaymentReleased\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"provider\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"ProviderSet\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"provider\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Refunded\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"client\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"AgentIdOutOfRange\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"max\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"AgreementExpired\",\"inputs\":[{\"name\":\"expiry\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"now\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ArbitrationPending\",\"inputs\":[{\"name\":\"timeoutAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"now\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ArbitrationTimedOut\",\"inputs\":[{\"name\":\"timeoutAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"now\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"BpsTooHigh\",\"inputs\":[{\"name\":\"bps\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"max\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"BudgetMismatch\",\"inputs\":[{\"name\":\"budget\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"expected\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ClientIsProvider\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"DeliveryAfterExpiry\",\"inputs\":[{\"name\":\"deliveryDeadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"expiredAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"DeliveryDeadlinePassed\",\"inputs\":[{\"name\":\"deliveryDeadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"now\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ExpiryNotInFuture\",\"inputs\":[{\"name\":\"expiredAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"now\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ExpiryOutOfRange\",\"inputs\":[{\"name\":\"expiredAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"max\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"FeeTooHigh\",\"inputs\":[{\"name\":\"feeBps\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"max\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"HooksNotSupported\",\"inputs\":[{\"name\":\"hook\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"InvalidShortString\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"InvalidSignature\",\"inputs\":[{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"JobNotFound\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"JobPastExpiry\",\"inputs\":[{\"name\":\"expiredAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"now\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"NoArbiter\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"NoValidator\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"NonceAlreadyUsed\",\"inputs\":[{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"NotAgreementJob\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"NotArbiter\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotClient\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotClientOrArbiter\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotClientOrProvider\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotEvaluator\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotEvaluatorOrProvider\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotExpired\",\"inputs\":[{\"name\":\"expiredAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"now\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"NotMandateJob\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"NotProvider\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotSubmitted\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"OwnableInvalidOwner\",\"inputs\":[{\"name\":\"owner\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"OwnableUnauthorizedAccount\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"PenaltyTooHigh\",\"inputs\":[{\"name\":\"latePenaltyBps\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"max\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"PermitFailed\",\"inputs\":[{\"name\":\"token\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"owner\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"allowance\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"needed\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ProviderAlreadySet\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"ProviderNotAgent\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"ProviderNotSet\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ReentrancyGuardReentrantCall\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"ReviewWindowClosed\",\"inputs\":[{\"name\":\"endsAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"now\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ReviewWindowOpen\",\"inputs\":[{\"name\":\"endsAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"now\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ReviewWindowTooLong\",\"inputs\":[{\"name\":\"reviewWindow\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"max\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"SafeERC20FailedOperation\",\"inputs\":[{\"name\":\"token\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"StringTooLong\",\"inputs\":[{\"name\":\"str\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"SubmittedAgreementNotRefundable\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ThresholdTooHigh\",\"inputs\":[{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"}]},{\"type\":\"error\",\"name\":\"ThresholdWithoutValidator\",\"inputs\":[{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"}]},{\"type\":\"error\",\"name\":\"TransferShortfall\",\"inputs\":[{\"name\":\"expected\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"received\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ValidationAgentMismatch\",\"inputs\":[{\"name\":\"expected\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"actual\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ValidationAnswered\",\"inputs\":[{\"name\":\"requestHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"ValidationNotFound\",\"inputs\":[{\"name\":\"requestHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"ValidationPending\",\"inputs\":[{\"name\":\"requestHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"ValidatorMismatch\",\"inputs\":[{\"name\":\"expected\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"actual\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"ValidatorWithoutArbiter\",\"inputs\":[{\"name\":\"validator\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"WrongStatus\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"status\",\"type\":\"uint8\",\"internalType\":\"enumIAgentEscrow.JobStatus\"}]},{\"type\":\"error\",\"name\":\"ZeroAddress\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"ZeroBudget\",\"inputs\":[{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ZeroPrice\",\"inputs\":[]}]",
	ID:  "AgentEscrow",
	Bin: "0x6101e080604052346103cc5760e0816143f4803803809161002082856103d0565b8339810103126103cc5761003381610407565b61003f60208301610407565b9061004c60408401610407565b9261005960608201610407565b61006560808301610407565b9460c061007460a08501610407565b9301519461ffff8616968787036103cc576040516100936040826103d0565b600b815260208101906a41676f7261457363726f7760a81b8252604051916100bc6040846103d0565b600183526020830191603160f81b83526100d58161041b565b610120526100e28461041b565b61014052519020918260e05251902080610100524660a0526040519060208201927f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f8452604083015260608201524660808201523060a082015260a0815261014b60c0826103d0565b5190206080523060c0526001600160a01b03169485156103b957600354600280546001600160a01b0319811689179091559096906001600160a01b03167f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e05f80a36001600160a01b0316801580156103a8575b8015610397575b8015610386575b8015610375575b610366576103e8881161034d57610160526001600160a01b03908116610180529081166101a0526101c091909152600480546001600160a01b031916919092169081179091556001600160b01b031990911660a083901b61ffff60a01b16176003556040519081527faab062e3faf62b6c9a0f8e62af66e0310e27127a8c871a67be7dd4d93de6da539060209084907fbf9a9534339a9d6b81696e05dcfb614b7dc518a31d48be3cfb757988381fb323908390a1604051908152a1604051613f6d9081610487823960805181613c22015260a05181613cd9015260c05181613bec015260e05181613c7101526101005181613c97015261012051816115b9015261014051816115e20152610160518181816122370152818161326101526137d9015261018051818181611cdc01526126e901526101a051818181610b1c01528181610f21015281816113ce015281816118bf01528181612c2901528181612e28015261371701526101c051818181611a650152611dc50152f35b876373ab893560e11b5f526004526103e860245260445ffd5b63d92e233d60e01b5f5260045ffd5b506001600160a01b038516156101d3565b506001600160a01b038416156101cc565b506001600160a01b038316156101c5565b506001600160a01b038216156101be565b631e4fbdf760e01b5f525f60045260245ffd5b5f80fd5b601f909101601f19168101906001600160401b038211908210176103f357604052565b634e487b7160e01b5f52604160045260245ffd5b51906001600160a01b03821682036103cc57565b601f815111610446576020815191015160208210610437571790565b5f198260200360031b1b161790565b604460209160405192839163305a27a960e01b83528160048401528051918291826024860152018484015e5f828201840152601f01601f19168101030190fdfe6080806040526004361015610012575f80fd5b5f905f3560e01c90816304bf8a77146122665750806309c71c031461035d578063134e18f4146122225780631647795e146121d357806320f30c091461217e57806324a9d8531461215a5780632ac6f12314611ffd57806337bdc99b14611dee5780634152881214611d7157806341dd26f514611d505780634690484014611d285780634c5d8a0f14611d0b5780634c6b993a14611cc757806357d57e0714611c515780635b7baf6414611af9578063715018a614611a9457806374c13fda14611a5057806379ba5097146119ca5780637a828b281461185657806383811b3f1461169957806384b0196e146115a15780638da5cb5b146115795780638e005553146114e15780639e63798d146113fd578063b4b43126146113b9578063b70e36f01461136d578063bf22c45714611031578063c251c9ab14610ce9578063c7841ddb146108ed578063c9a84bb9146107f0578063d2e13f5014610660578063d55be8c614610643578063d75bbdf31461056d578063dd4ae9d4146104cc578063de847ff81461038b578063e30c397814610362578063e3fa09951461035d578063e74b981b146102db578063e80fdcd5146102465763f2fde38b146101d6575f80fd5b34610243576020366003190112610243576101ef6122bb565b6101f7612ac1565b600380546001600160a01b0319166001600160a01b039283169081179091556002549091167f38d16b8cac22d99fc7c124b9cd0de2d3fa1faef420bfe791d8c362d765e227008380a380f35b80fd5b503461024357366003190161026081126102d7576102201361024357610224356001600160401b0381116102d757610282903690600401612311565b90610244356001600160401b0381116102d357916102bb916102ab602095943690600401612311565b9290916102b6612642565b612ec7565b905f516020613f4d5f395f51905f525d604051908152f35b8380fd5b5080fd5b5034610243576020366003190112610243576102f56122bb565b6102fd612ac1565b6001600160a01b0316801561034e576020817fbf9a9534339a9d6b81696e05dcfb614b7dc518a31d48be3cfb757988381fb323926001600160601b0360a01b6004541617600455604051908152a180f35b63d92e233d60e01b8252600482fd5b61229e565b50346102435780600319360112610243576003546040516001600160a01b039091168152602090f35b5034610243576040366003190112610243576004356103a9816125da565b6006810154156104b85780546001600160a01b03811633036104a55760028201546001600160a01b0316156104915760ff6103e89160e01c1683612677565b64ffffffffff600182015460a01c1690610411600382019263ffffffff845460a01c16906123ca565b8042101561047b5750805460ff60e01b1916600360e11b17905580546001600160c01b03164260c01b6001600160c01b03191617905560405160243581523391907f77054bb8480d9f04c6a50ecbd5d85b6028a947b530b85865293a5817e7e3776f90602090a380f35b635e7dc15360e11b855260045242602452604484fd5b6334e3e20960e21b84526004839052602484fd5b638ccfb28960e01b845233600452602484fd5b638093a60560e01b83526004829052602483fd5b5034610243576104db3661233e565b50506104e6826125da565b8054336001600160a01b038216141580610556575b610543579180600560209361053760ff7f869e2577b006bf47ee981cf6fec2e25583548081c14b98deab587f77b50680389760e01c16886126b8565b0155604051908152a280f35b630112c0c160e31b855233600452602485fd5b5060018201546001600160a01b03163314156104fb565b50346102435761057c3661233e565b5050610589929192612642565b610592836125da565b926006840154155f146105f75760028401546001600160a01b031633036105e4576105d192935b6105ca60ff825460e01c1683612677565b3391612807565b805f516020613f4d5f395f51905f525d80f35b6320ecaae360e11b835233600452602483fd5b83546001600160a01b03163314158061062c575b610619576105d192936105b9565b631aab669160e11b835233600452602483fd5b5060028401546001600160a01b031633141561060b565b503461024357806003193601126102435760206040516103e88152f35b50346102435761066f3661233e565b50509061067a612642565b610683816125da565b80546001600160a01b038116939190338590036107dd576106aa60ff8260e01c16856126b8565b60058201549283156107c95760018301546001600160a01b0316156107b55780840361079e57506001600160401b039060a01c168042101561078857508054600160e01b60ff60e01b1982168117835560035461ffff60e81b60489190911b1662ffffff60e01b19909216919091171781557fe3fbcc1ea1bdc559ec7f0347efde7655e58b5f45a30b0e4470a583c3ef5496b39160209161076e908290879080546001600160f81b0316600160f81b178155600301546001600160a01b0316613a7f565b604051908152a3805f516020613f4d5f395f51905f525d80f35b63577d808d60e01b865260045242602452604485fd5b63733580bd60e01b87526004849052602452604486fd5b63e9dab5e960e01b87526004859052602487fd5b632983750560e11b87526004859052602487fd5b638ccfb28960e01b865233600452602486fd5b50346102435760603660031901126102435760043561080d6122d1565b906044356001600160401b0381116102d35761082d903690600401612311565b5050610838816125da565b80546001600160a01b03811633036108da579061085d60ff60019360e01c16846126b8565b0180549092906001600160a01b0316806108c857506001600160a01b03169182156108b95780546001600160a01b031916831790557f9a87df076ea1725aba8ba29d32517ce37c9597d88cbf16ec6707892cc330ab698380a380f35b63d92e233d60e01b8452600484fd5b63055292df60e41b8552600452602484fd5b638ccfb28960e01b855233600452602485fd5b5034610ac25736600319016102e08112610ac25761022013610ac257610224356001600160401b038111610ac257610929903690600401612311565b9190610244356001600160401b038111610ac25761094b903690600401612311565b9390916102843560ff8116809103610ac257610965612642565b6102043580610afe57506024356001600160a01b0381168103610ac2575b6001600160a01b036109936125c4565b1660843591813b15610ac2575f9160e48392604051948593849263d505accf60e01b845260018060a01b03169889600485015230602485015288604485015261026435606485015260848401526102a43560a48401526102c43560c48401525af19081610ae9575b50610ad957604460206001600160a01b03610a146125c4565b1660405192838092636eb1769f60e11b82528760048301523060248301525afa908115610ace578791610a98575b50818110610a5b5750505091602094916102bb93612ec7565b60849350610a676125c4565b604051631c180b9560e31b81526001600160a01b039091166004820152602481019390935260448301526064820152fd5b90506020813d602011610ac6575b81610ab36020938361251b565b81010312610ac257515f610a42565b5f80fd5b3d9150610aa6565b6040513d89823e3d90fd5b505091602094916102bb93612ec7565b610af69197505f9061251b565b5f955f6109fb565b604051635473264560e11b81526004810191909152610280816024817f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165afa908115610cde575f91610b64575b50516001600160a01b0316610983565b9050610280813d8211610cd6575b81610b80610280938361251b565b81010312610ac257610cca61026060405192610b9b846124eb565b610ba48161253c565b845260208101516020850152610bbc6040820161253c565b6040850152610bcd6060820161253c565b60608501526080810151608085015260a081015160a0850152610bf260c08201612584565b60c0850152610c0360e08201612584565b60e0850152610c156101008201612584565b610100850152610c286101208201612598565b610120850152610c3b6101408201612598565b610140850152610c4e61016082016125a5565b610160850152610c6161018082016125a5565b610180850152610c746101a082016125a5565b6101a08501526101c08101516101c08501526101e08101516101e0850152610c9f6102008201612584565b610200850152610cb26102208201612598565b610220850152610240810151610240850152016125b3565b6102608201525f610b54565b3d9150610b72565b6040513d5f823e3d90fd5b34610ac2576060366003190112610ac2576004356024359061ffff8216809203610ac257610d15612642565b610d1e816125da565b600281018054909291906001600160a01b0316330361101e5760ff815460e01c16600881101561100a5760068103610fed57506127108411610fd4576003810193610d6c855460c01c6123a6565b80421015610fbe5750815460ff60e01b1916600760e01b178255600582015494610da4612710610d9c8489612564565b048097612577565b916040519081526044356020820152847ff1908302396ec6554280fc02ac703633b476b3b26b7ccf223734e0aded75e10c60403393a354825494546001600160a01b03958616958694921692919060e01c80151580610fb5575b610ee6575b50906004608093925f516020613f2d5f395f51905f529589610e9c575b83610e56575b50015460a01c96604051928352602083015260408201525f6060820152a45f5f516020613f4d5f395f51905f525d005b610e61848287613d3d565b877f7ca5472b7ea78c2c0141c5a12ee6d170cf4ce8ed06be3d22c8252ddfc7a6a2c460206040519387855260018060a01b031693a389610e26565b60018201546001600160a01b0316610eb58b8288613d3d565b887f21d71db5be59bb9fa133895586b7404307dd33fb93b16db09dc6f1d9d7d231b060208d604051908152a3610e20565b60018201546040516312bf13db60e21b815260048101929092526024820187905260e01c60448201526064810183905293506020846084815f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165af1938415610cde575f94610f61575b506004610e03565b935091906020843d602011610fad575b81610f7e6020938361251b565b81010312610ac2576004608093610fa25f516020613f2d5f395f51905f529661253c565b955091929350610f59565b3d9150610f71565b50821515610dfe565b631aa22ffd60e01b5f526004524260245260445ffd5b83630293cfd760e11b5f5260045261271060245260445ffd5b63a5d15e1f60e01b5f52600483905261100590612398565b60445ffd5b634e487b7160e01b5f52602160045260245ffd5b6339063ae160e11b5f523360045260245ffd5b34610ac2576020366003190112610ac2575f610260604051611052816124eb565b8281528260208201528260408201528260608201528260808201528260a08201528260c08201528260e08201528261010082015282610120820152826101408201528261016082015282610180820152826101a0820152826101c0820152826101e082015282610200820152826102208201528261024082015201526110d96004356125da565b805460ff8160e01c16916001810154906002810154926003820154906004830154916005840154908260f81c5f146113665781925b6007600687015496015496604051996111268b6124eb565b6001600160a01b0383168b5260a083901c6001600160401b031660208c0152600881101561100a5760ff9261ffff9160408d015260e81c1660608b015260018060a01b03811660808b015264ffffffffff8160a01c1660a08b015261ffff8160c81c1660c08b015260d81c1660e089015260018060a01b0387166101008901526001600160401b038760a01c1661012089015260018060a01b03811661014089015263ffffffff8160a01c1661016089015260018060a01b03841661018089015260c01c6101a08801526101c08701526101e086015260a01c61020085015261022084015261024083015260e01c61026082015260405160018060a01b0382511681526001600160401b0360208301511660208201526040820151600881101561100a576102809261026091604084015261ffff606082015116606084015260018060a01b0360808201511660808401526001600160401b0360a08201511660a084015261ffff60c08201511660c084015260ff60e08201511660e084015260018060a01b03610100820151166101008401526001600160401b036101208201511661012084015260018060a01b03610140820151166101408401526001600160401b036101608201511661016084015260018060a01b03610180820151166101808401526001600160401b036101a0820151166101a08401526101c08101516101c08401526101e08101516101e08401526102008101516102008401526102208101516102208401526102408101516102408401520151610260820152f35b5f9261110e565b34610ac2576020366003190112610ac25760043561138b8133612ad5565b6040519081527f1800cd2301fbc20790ed94f3d55a28ef2306a9c31cd3c72b5b71b6e4cf5c624160203392a2005b34610ac2575f366003190112610ac2576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b34610ac25761140b3661233e565b505090611417816125da565b6001810180546001600160a01b031633036114ce576001600160401b03825461144660ff8260e01c16866126a3565b60a01c16804210156114b85750815460ff60e01b1916600160e11b178255805464ffffffffff60a01b19164260a01b64ffffffffff60a01b1617905560070182905560405191825233917f80c17db79857f338a6a6df68a6883ecc0ce78e2202fe61ed979733573f40538e90602090a3005b63577d808d60e01b5f526004524260245260445ffd5b631bd2224f60e01b5f523360045260245ffd5b34610ac2576020366003190112610ac25760043561ffff811690818103610ac25761150a612ac1565b6103e88211611560576003805461ffff60a01b191660a09290921b61ffff60a01b169190911790556040519081527faab062e3faf62b6c9a0f8e62af66e0310e27127a8c871a67be7dd4d93de6da5390602090a1005b506373ab893560e11b5f526004526103e860245260445ffd5b34610ac2575f366003190112610ac2576002546040516001600160a01b039091168152602090f35b34610ac2575f366003190112610ac25761163d6115dd7f0000000000000000000000000000000000000000000000000000000000000000613cff565b6116067f0000000000000000000000000000000000000000000000000000000000000000613cff565b602061164b60405192611619838561251b565b5f84525f368137604051958695600f60f81b875260e08588015260e0870190612374565b908582036040870152612374565b4660608501523060808501525f60a085015283810360c08501528180845192838152019301915f5b82811061168257505050500390f35b835185528695509381019392810192600101611673565b34610ac257610220366003190112610ac257604051602081017f43c522774f53e5398d5a417db379be7edcb383f52eb4cb615b57a455b33917498152600435604083015260243560018060a01b038116809103610ac25760608301526044356001600160a01b03811690819003610ac25760808301526064356001600160a01b03811690819003610ac25760a083015260843560c083015260a4356001600160401b038116809103610ac25760e083015260c4356001600160401b038116809103610ac25761010083015260e43561012083015261010435610140830152610124356001600160a01b03811690819003610ac2576101608301526101443560ff8116809103610ac257610180830152610164356001600160a01b03811690819003610ac2576101a0830152610184356001600160401b038116809103610ac2576101c08301526101a4359061ffff8216809203610ac257826042926101e060209501526101c4356102008201526101e43561022082015261020435610240820152610240815261182b6102608261251b565b519020611836613be9565b906040519161190160f01b83526002830152602282015220604051908152f35b34610ac2576020366003190112610ac257600435611872612642565b61187b816125da565b90600282015460e01c9182156119b85761189c60ff825460e01c16836126a3565b6040516307a6ec6160e41b815260048101849052336024820152926020846044817f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165afa8015610cde5761197d575b815460ff60e01b1916600160e21b1782556040516e1b585b99185d194b5c995d9bdad959608a1b815261196b9450339084905f516020613f0d5f395f51905f5290602090a33390837fd261f32190ef138f333873b5b63ff727352dbeff7febf5a46053e2e7f68f89675f80a4600581015491612b3b565b5f5f516020613f4d5f395f51905f525d005b6020843d6020116119b0575b816119966020938361251b565b81010312610ac2576119aa61196b9461253c565b506118f4565b3d9150611989565b50622e4c7560e21b5f5260045260245ffd5b34610ac2575f366003190112610ac257600354336001600160a01b0390911603611a3d57600380546001600160a01b0319908116909155600280543392811683179091556001600160a01b03167f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e05f80a3005b63118cdaa760e01b5f523360045260245ffd5b34610ac2575f366003190112610ac2576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b34610ac2575f366003190112610ac257611aac612ac1565b600380546001600160a01b03199081169091556002805491821690555f906001600160a01b03167f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e08280a3005b34610ac2576020366003190112610ac257600435611b15612642565b611b1e816125da565b90815460ff8160e01c1660088110158061100a57600182148015611c45575b15611be65761100a5760021480611bd9575b611bc6576001600160401b039060a01c1691824210611baf5761196b92505b805460ff60e01b1916600560e01b178155817f97237956f8810192811e2c3f273fd02c5d6295206fdd9c62e6fe2bfc19ba92325f80a2600581015491612b3b565b826334170c7760e21b5f526004524260245260445ffd5b5063302fbd7b60e01b5f5260045260245ffd5b5060068301541515611b4f565b90915061100a5760068103611c2f5750611c06600383015460c01c6123a6565b91824210611c185761196b9250611b6e565b826335e1e46b60e01b5f526004524260245260445ffd5b6110059163a5d15e1f60e01b5f52600452612398565b50505f60028214611b3d565b34610ac25760c0366003190112610ac257611c6a6122bb565b611c726122d1565b6064356001600160401b038111610ac257611c91903690600401612311565b5050611c9b6122e7565b60a435906001600160a01b0382168203610ac257602093611cbf9360443591612902565b604051908152f35b34610ac2575f366003190112610ac2576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b34610ac2575f366003190112610ac2576020600554604051908152f35b34610ac2575f366003190112610ac2576004546040516001600160a01b039091168152602090f35b34610ac25761196b611d613661233e565b505090611d6c612642565b6123d7565b34610ac25760a0366003190112610ac257611d8a6122bb565b611d926122d1565b606435906001600160401b038211610ac257602092611db8611cbf933690600401612311565b5050611dc26122e7565b907f00000000000000000000000000000000000000000000000000000000000000009260443591612902565b34610ac2576020366003190112610ac257600435611e0a612642565b611e13816125da565b600681015415611fea57611e2e60ff825460e01c1683612677565b60018101611e5564ffffffffff825460a01c1663ffffffff600385015460a01c16906123ca565b804210611fd457506004820154926001600160a01b03841680611f55575b5061196b9350600360e01b60ff60e01b198454161783556005830154925f92546001600160401b03600283015460a01c1664ffffffffff8260a01c161180611f45575b611f23575b50611f1d84611f18612710611ee3611ed488809a612577565b61ffff875460e81c1690612564565b049687925f877f0fd54bd364fa9e67f17b091aefe930932c09fe7651cf5ad02c71a418f33414446020604051848152a3612577565b612577565b91612cc4565b611f1d949350611f3d61ffff6127109260c81c1685612564565b049293611ebb565b5061ffff8160c81c161515611eb6565b611f63600785015483612610565b94611f6d866126ca565b95939150508395919395611fc1575b505083611fb4575b505081611faa575b50611f975783611e73565b83630bcbd4f360e41b5f5260045260245ffd5b9050151585611f8c565b60a01c1491508680611f84565b6001600160a01b03161493508880611f7c565b634ab4d0bd60e11b5f526004524260245260445ffd5b50638093a60560e01b5f5260045260245ffd5b34610ac2576020366003190112610ac257600435612019612642565b612022816125da565b60048101546001600160a01b0381169182156121475761204960ff825460e01c1685612677565b612057600782015485612610565b92612061846126ca565b929194989397909815612134576001600160a01b0388169580870361211d575060a01c808203612108575050156120f65750600183015460d81c60ff9081169116106120b1575061196b93612807565b815460ff60e01b1916600160e21b1782556040519384526120f194939192509083905f516020613f0d5f395f51905f5290602090a3600581015491612b3b565b61196b565b6310c04c7f60e31b5f5260045260245ffd5b63391d2a4960e21b5f5260045260245260445ffd5b869063b372464760e01b5f5260045260245260445ffd5b8363260bf7bf60e21b5f5260045260245ffd5b83630f4b364760e11b5f5260045260245ffd5b34610ac2575f366003190112610ac257602061ffff60035460a01c16604051908152f35b34610ac2576020366003190112610ac25760043561219b816125da565b64ffffffffff600182015460a01c16156121c0576020916007611cbf92015490612610565b506377eb489f60e11b5f5260045260245ffd5b34610ac2576040366003190112610ac25760206121ee6122bb565b6024359060018060a01b03165f526007825260405f208160081c5f52825260405f2054600160ff60405193161b1615158152f35b34610ac2575f366003190112610ac2576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b34610ac2575f366003190112610ac257807f43c522774f53e5398d5a417db379be7edcb383f52eb4cb615b57a455b339174960209252f35b34610ac2575f366003190112610ac257602060405162278d008152f35b600435906001600160a01b0382168203610ac257565b602435906001600160a01b0382168203610ac257565b608435906001600160a01b0382168203610ac257565b35906001600160a01b0382168203610ac257565b9181601f84011215610ac2578235916001600160401b038311610ac25760208381860195010111610ac257565b6060600319820112610ac2576004359160243591604435906001600160401b038211610ac25761237091600401612311565b9091565b805180835260209291819084018484015e5f828201840152601f01601f1916010190565b600881101561100a57602452565b9062278d0082018092116123b657565b634e487b7160e01b5f52601160045260245ffd5b919082018092116123b657565b6123e0816125da565b805460ff8160e01c1690600882101561100a578115612499575060018114158061248e575b610fed575060028101546001600160a01b031633141580612477575b61246457805460ff60e01b1916600160e21b17815560405192835261246292339083905f516020613f0d5f395f51905f5290602090a3600581015491612b3b565b565b632f9606b760e01b5f523360045260245ffd5b5060018101546001600160a01b0316331415612421565b506002811415612405565b6001600160a01b0316330390506124d857805460ff60e01b1916600160e21b17905560405191825233915f516020613f0d5f395f51905f5290602090a3565b638ccfb28960e01b5f523360045260245ffd5b61028081019081106001600160401b0382111761250757604052565b634e487b7160e01b5f52604160045260245ffd5b90601f801991011681019081106001600160401b0382111761250757604052565b51906001600160a01b0382168203610ac257565b35906001600160401b0382168203610ac257565b818102929181159184041417156123b657565b919082039182116123b657565b51906001600160401b0382168203610ac257565b51908115158203610ac257565b519060ff82168203610ac257565b519063ffffffff82168203610ac257565b6064356001600160a01b0381168103610ac25790565b5f8181526006602052604090208054909291906001600160a01b0316156125fe5750565b6350c83b9560e01b5f5260045260245ffd5b90604051906020820192468452306040840152606083015260808201526080815261263c60a08261251b565b51902090565b5f516020613f4d5f395f51905f525c6126685760015f516020613f4d5f395f51905f525d565b633ee5aeb560e01b5f5260045ffd5b600882101561100a576002820361268c575050565b63a5d15e1f60e01b5f526004526110059150612398565b600882101561100a576001820361268c575050565b600882101561100a578161268c575050565b60405160016234050160e21b0319815260048101919091525f816024817f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165afa5f9182918291829182918161274a575b5061273b5750505050505f905f905f905f905f905f90565b6001600160a01b038516151595565b945094505050503d805f833e612760818361251b565b81019060c081830312610ac2576127768161253c565b602082015193612788604084016125a5565b9360608401519360808101516001600160401b038111610ac25781019180601f84011215610ac2578251926001600160401b03841161250757604051916127d9601f8601601f19166020018461251b565b84835260208583010111610ac257835f9260a09560208094018483015e01015201519194939291905f612723565b6124629391602093600360e01b60ff60e01b1983541617825560058201545f9460018401546001600160401b03600286015460a01c1664ffffffffff8260a01c1611806128e4575b6128ba575b508582611f1892877f0fd54bd364fa9e67f17b091aefe930932c09fe7651cf5ad02c71a418f33414446127106128a061289187611f1d9b9a612577565b61ffff8c5460e81c1690612564565b604051948552049b8c976001600160a01b031693a3612577565b611f1d93929650906127106128d961ffff611f189460c81c1689612564565b049692935090612854565b5061ffff8160c81c16151561284f565b5f1981146123b65760010190565b91949391926001600160a01b031680612aaf57506001600160a01b031680158015612a9e575b612a8f5742851115612a78576001600160401b038511612a5a5761294d6005546128f4565b60058190555f818152600660205260409020805467ffffffffffffffff60a01b1933166001600160e01b03199091161760a088901b67ffffffffffffffff60a01b1617815590958694916003906001810160018060a01b0385166001600160601b0360a01b82541617905560028101856001600160601b0360a01b8254161790550160018060a01b0385166001600160601b0360a01b82541617905560405192835260208301525f604083015260018060a01b031690837fb0f0239bfdd96453e24733e18bfc24b70d8fadf123dd977473518dd577ee79b960603393a46001600160a01b0316907f684bc45ebfb9c4165cdcbc7a3a6b1ef5ff35748d5849095aeed845c81fcc36205f80a3565b8463459269d360e11b5f526004526001600160401b0360245260445ffd5b8463e5df2bc560e01b5f526004524260245260445ffd5b63d92e233d60e01b5f5260045ffd5b506001600160a01b03821615612928565b63d4ece54760e01b5f5260045260245ffd5b6002546001600160a01b03163303611a3d57565b90600160ff82161b9160018060a01b0316805f52600760205260405f20908260081c91825f5260205260405f205492848416612b2557505f52600760205260405f20905f526020521760405f2055565b90633a42b7b560e21b5f5260045260245260445ffd5b6003820154825460028401546001600160a01b03918216949190921691849060e01c80151580612cbb575b612bee575b509160046080925f516020613f2d5f395f51905f529488612ba8575b50015460a01c956040519182525f602083015260408201525f6060820152a4565b612bb3898286613d3d565b867f7ca5472b7ea78c2c0141c5a12ee6d170cf4ce8ed06be3d22c8252ddfc7a6a2c46020604051938c855260018060a01b031693a35f612b87565b60018301546040516312bf13db60e21b815260048101929092526024820186905260e01c60448201526064810187905290506020816084815f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165af1908115610cde575f91612c69575b506004612b6b565b9290506020833d602011612cb3575b81612c856020938361251b565b81010312610ac2576004608092612ca95f516020613f2d5f395f51905f529561253c565b9294509250612c61565b3d9150612c78565b50861515612b66565b919360018060a01b036003830154169060018060a01b0383541694600284015460e01c93869480151580612ebe575b612ded575b5090600460809493925f516020613f2d5f395f51905f52968a612da3575b83612d5d575b5083612d41575b015460a01c97604051938452602084015260408301526060820152a4565b8154612d589085906001600160a01b031687613d3d565b612d23565b612d68848288613d3d565b887f7ca5472b7ea78c2c0141c5a12ee6d170cf4ce8ed06be3d22c8252ddfc7a6a2c460206040519387855260018060a01b031693a35f612d1c565b60018201546001600160a01b0316897f21d71db5be59bb9fa133895586b7404307dd33fb93b16db09dc6f1d9d7d231b060208e612de181868d613d3d565b604051908152a3612d16565b60018201546040516312bf13db60e21b815260048101929092526024820188905260e01c60448201526064810183905294506020856084815f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165af1948515610cde575f95612e68575b506004612cf8565b94509291906020853d602011612eb6575b81612e866020938361251b565b81010312610ac2576004608094612eaa5f516020613f2d5f395f51905f529761253c565b96509192939450612e60565b3d9150612e79565b50821515612cf3565b93929391909160843515613a70576024356001600160a01b0381169003610ac2576024356001600160a01b0316158015613a53575b8015613a36575b612a8f575f906044356001600160a01b0381169003610ac2576024356001600160a01b0390811660443590911614613a175760a4356001600160401b03811614159283610ac257426001600160401b0360a4351611156139f55783610ac25760c4356001600160401b03811614159081610ac2576001600160401b0360c435166001600160401b0360a43516116139c8576101443560ff811614159788610ac257606460ff6101443516116139af57610124356001600160a01b03811614159182610ac257610124356001600160a01b03166139735789610ac25760ff610144351661395a575b610184356001600160401b03811614159182610ac25762278d006001600160401b03610184351611613934576101a43561ffff811614159889610ac25761271061ffff6101a4351611613914576001600160601b03600435116138f4576101e4358042116138de5750604051602081017f43c522774f53e5398d5a417db379be7edcb383f52eb4cb615b57a455b33917498152600435604083015260018060a01b0361309960206004016122fd565b1660608301526001600160a01b036130b160446122fd565b1660808301526001600160a01b036130c960646122fd565b1660a083015260843560c08301526001600160401b036130e960a4612550565b1660e08301526001600160401b0361310160c4612550565b1661010083015260e435610120830152610104356101408301526001600160a01b0361312e6101246122fd565b166101608301526101443560ff81168103610ac25760ff166101808301526001600160a01b0361315f6101646122fd565b166101a08301526001600160401b03613179610184612550565b166101c08301526101a4359161ffff83168303610ac25761ffff604293166101e08201526101c0600401356102008201526101e0600401356102208201526102006004013561024082015261024081526131d56102608261251b565b5190206131e0613be9565b906040519161190160f01b8352600283015260228201522097610ac2576132279061321c6101c43561321481602435612ad5565b604435612ad5565b5f9789602435613dbe565b156138bf5761323b905f9288604435613dbe565b1561389f57610ac2576040516331a9108f60e11b815260048035908201526020816024817f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165afa5f9181613863575b506132bd5763b7d8ba8d60e01b5f908152600480359052604480356001600160a01b031660245290fd5b6044356001600160a01b0390811691161415806137bc575b613797576132e46005546128f4565b9586600555869985610ac257602435985f956102043561369a575b895f52600660205260405f2097610ac25787546001600160a01b0319166024356001600160a01b0316178855610ac257865467ffffffffffffffff60a01b191660c43560a01b67ffffffffffffffff60a01b161787558654600160e01b60ff60e01b1982168117895560035461ffff60e81b60489190911b1662ffffff60e01b19909216919091171787556001870180546001600160a01b0319166044356001600160a01b0316179055610ac257600186015490610ac25762ffffff60c81b19166101a43560c81b61ffff60c81b16176101443560d81b60ff60d81b16176001860155610164356001600160a01b0381169003610ac2576002850180546001600160a01b031916610164356001600160a01b0316179055610ac25760028401805467ffffffffffffffff60a01b191660a43560a01b67ffffffffffffffff60a01b161790556064356001600160a01b0381169003610ac2576003840180546001600160a01b0319166064356001600160a01b031617815590610ac257805463ffffffff60a01b19166101843560a01b63ffffffff60a01b16179055610ac2576004803560a01b6001600160a01b031916610124356001600160a01b03161790830155608435600583015581546001600160f81b0316600160f81b1782556006820183905561020435613646575b5050604080516001600160a01b0361016435811682526001600160401b0360c4351660208301525f92820192909252604435821691602435169084907fb0f0239bfdd96453e24733e18bfc24b70d8fadf123dd977473518dd577ee79b990606090a4604080516001600160a01b0360243581168252604435811660208301526064358116928201929092526084356060820152610124358216608082015260ff610144351660a08201526101643590911660c08201526001600160401b0360a435811660e0830152610184351661010082015261ffff6101a43516610120820152600435919083907fe21ef7d26e07c4a4d8673d8b39515ce9927e6db7e59147ec7a5ac518d50fee689061014090a461360a60843583606435613a7f565b60405160843581526001600160a01b03909216917fe3fbcc1ea1bdc559ec7f0347efde7655e58b5f45a30b0e4470a583c3ef5496b390602090a3565b6002820180546001600160e01b03166102043560e01b6001600160e01b0319161790556136939160010180546001600160e01b031660e09290921b6001600160e01b031916919091179055565b5f806134ec565b99505f96506064356001600160a01b0381169650868103610ac25750604051956307547b9b60e51b875261020435600488015289602488015260018060a01b03602435166044880152600435606488015260e435608488015260a487015260843560c48701528760e4870152604086610104815f60018060a01b037f0000000000000000000000000000000000000000000000000000000000000000165af18015610cde575f965f91613750575b5095996132ff565b9650506040863d60401161378f575b8161376c6040938361251b565b81010312610ac25761378960206137828861253c565b97016125b3565b5f613748565b3d915061375f565b63b7d8ba8d60e01b5f908152600480359052604480356001600160a01b031660245290fd5b506040516233950960e01b815260048035908201526020816024817f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165afa908115610cde575f91613829575b506044356001600160a01b03908116911614156132d5565b90506020813d60201161385b575b816138446020938361251b565b81010312610ac2576138559061253c565b5f613811565b3d9150613837565b9091506020813d602011613897575b8161387f6020938361251b565b81010312610ac2576138909061253c565b905f613293565b3d9150613872565b633615713d60e21b5f9081526044356001600160a01b0316600452602490fd5b633615713d60e21b5f908152602480356001600160a01b031660045290fd5b6365c7ac5760e11b5f526004524260245260445ffd5b63897b359b60e01b5f526004356004526001600160601b0360245260445ffd5b6357a5d22960e11b5f5261ffff6101a4351660045261271060245260445ffd5b63495616b760e01b5f526001600160401b03610184351660045262278d0060245260445ffd5b635b673d7960e01b5f5260ff610144351660045260245ffd5b610164356001600160a01b03811690818103610ac25750612fea57634642a4af60e01b5f908152610124356001600160a01b0316600452602490fd5b631f95ff2160e21b5f5260ff610144351660045260245ffd5b630942597160e21b5f526001600160401b0360a435166004526001600160401b0360c4351660245260445ffd5b633c9a8d0560e01b5f526001600160401b0360a435166004524260245260445ffd5b637ec6667160e01b5f908152602480356001600160a01b031660045290fd5b506064356001600160a01b03811690818103610ac2575015612f03565b506044356001600160a01b03811690818103610ac2575015612efc565b634dfba02360e01b5f5260045ffd5b6040516370a0823160e01b8152306004820152906001600160a01b0316602082602481845afa918215610cde575f92613bb5575b506040516323b872dd60e01b5f9081526001600160a01b039094166004523060245260448590529260209060648180855af160015f5114811615613b96575b836040525f60605215613b8457826024816020936370a0823160e01b82523060048301525afa8015610cde575f90613b50575b613b2f9250612577565b90808203613b3b575050565b6302ba9edf60e61b5f5260045260245260445ffd5b506020823d602011613b7c575b81613b6a6020938361251b565b81010312610ac257613b2f9151613b25565b3d9150613b5d565b635274afe760e01b5f5260045260245ffd5b6001811516613bac57813b15153d151616613af2565b833d5f823e3d90fd5b9091506020813d602011613be1575b81613bd16020938361251b565b81010312610ac25751905f613ab3565b3d9150613bc4565b307f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03161480613cd6575b15613c44577f000000000000000000000000000000000000000000000000000000000000000090565b60405160208101907f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f82527f000000000000000000000000000000000000000000000000000000000000000060408201527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a082015260a0815261263c60c08261251b565b507f00000000000000000000000000000000000000000000000000000000000000004614613c1b565b60ff811690601f8211613d2e5760405191613d1b60408461251b565b6020808452838101919036833783525290565b632cd44ac360e21b5f5260045ffd5b916040519163a9059cbb60e01b5f5260018060a01b031660045260245260205f60448180865af19060015f5114821615613d9d575b60405215613d7d5750565b635274afe760e01b5f9081526001600160a01b0391909116600452602490fd5b906001811516613db557823b15153d15161690613d72565b503d5f823e3d90fd5b90929192613dcd838583613e56565b50600481101561100a57159081613e40575b50613e37576064835f9460209660405194630b135d3f60e11b8652600486015260406024860152816044860152838501378281018201859052601f01601f191601915afa630b135d3f60e11b5f5114601f3d11161690565b50505050600190565b6001600160a01b0384811691161490505f613ddf565b9060418303613e8057613e799250602081013591604082359201355f1a90613e8a565b9192909190565b50505f9160029190565b91907f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a08411613f01579160209360809260ff5f9560405194855216868401526040830152606082015282805260015afa15610cde575f516001600160a01b03811615613ef757905f905f90565b505f906001905f90565b5050505f916003919056feae7362b1af91f4492868987b9c73990d780060811551b58728fbe96fd1bab275241ccb34c2e00df95d4401222e667758a13712b245956a50e7bac91bd9adfa259b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00",
}

// AgentEscrow is an auto generated Go binding around an Ethereum contract.
type AgentEscrow struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *AgentEscrow) GetABI() abi.ABI {
	return c.abi
}

// NewAgentEscrow creates a new instance of AgentEscrow.
func NewAgentEscrow() *AgentEscrow {
	parsed, err := AgentEscrowMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &AgentEscrow{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *AgentEscrow) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address identityRegistry_, address validationRegistry_, address mandateRegistry_, address defaultToken_, address owner_, address feeRecipient_, uint16 feeBps_) returns()
func (agentEscrow *AgentEscrow) PackConstructor(identityRegistry_ common.Address, validationRegistry_ common.Address, mandateRegistry_ common.Address, defaultToken_ common.Address, owner_ common.Address, feeRecipient_ common.Address, feeBps_ uint16) []byte {
	enc, err := agentEscrow.abi.Pack("", identityRegistry_, validationRegistry_, mandateRegistry_, defaultToken_, owner_, feeRecipient_, feeBps_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackARBITRATIONTIMEOUT is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x09c71c03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ARBITRATION_TIMEOUT() view returns(uint64)
func (agentEscrow *AgentEscrow) PackARBITRATIONTIMEOUT() []byte {
	enc, err := agentEscrow.abi.Pack("ARBITRATION_TIMEOUT")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackARBITRATIONTIMEOUT is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x09c71c03.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function ARBITRATION_TIMEOUT() view returns(uint64)
func (agentEscrow *AgentEscrow) TryPackARBITRATIONTIMEOUT() ([]byte, error) {
	return agentEscrow.abi.Pack("ARBITRATION_TIMEOUT")
}

// UnpackARBITRATIONTIMEOUT is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x09c71c03.
//
// Solidity: function ARBITRATION_TIMEOUT() view returns(uint64)
func (agentEscrow *AgentEscrow) UnpackARBITRATIONTIMEOUT(data []byte) (uint64, error) {
	out, err := agentEscrow.abi.Unpack("ARBITRATION_TIMEOUT", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackMAXFEEBPS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd55be8c6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_FEE_BPS() view returns(uint16)
func (agentEscrow *AgentEscrow) PackMAXFEEBPS() []byte {
	enc, err := agentEscrow.abi.Pack("MAX_FEE_BPS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXFEEBPS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd55be8c6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_FEE_BPS() view returns(uint16)
func (agentEscrow *AgentEscrow) TryPackMAXFEEBPS() ([]byte, error) {
	return agentEscrow.abi.Pack("MAX_FEE_BPS")
}

// UnpackMAXFEEBPS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd55be8c6.
//
// Solidity: function MAX_FEE_BPS() view returns(uint16)
func (agentEscrow *AgentEscrow) UnpackMAXFEEBPS(data []byte) (uint16, error) {
	out, err := agentEscrow.abi.Unpack("MAX_FEE_BPS", data)
	if err != nil {
		return *new(uint16), err
	}
	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)
	return out0, nil
}

// PackMAXREVIEWWINDOW is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe3fa0995.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_REVIEW_WINDOW() view returns(uint64)
func (agentEscrow *AgentEscrow) PackMAXREVIEWWINDOW() []byte {
	enc, err := agentEscrow.abi.Pack("MAX_REVIEW_WINDOW")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXREVIEWWINDOW is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe3fa0995.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_REVIEW_WINDOW() view returns(uint64)
func (agentEscrow *AgentEscrow) TryPackMAXREVIEWWINDOW() ([]byte, error) {
	return agentEscrow.abi.Pack("MAX_REVIEW_WINDOW")
}

// UnpackMAXREVIEWWINDOW is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe3fa0995.
//
// Solidity: function MAX_REVIEW_WINDOW() view returns(uint64)
func (agentEscrow *AgentEscrow) UnpackMAXREVIEWWINDOW(data []byte) (uint64, error) {
	out, err := agentEscrow.abi.Unpack("MAX_REVIEW_WINDOW", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackSERVICEAGREEMENTTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x04bf8a77.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function SERVICE_AGREEMENT_TYPEHASH() view returns(bytes32)
func (agentEscrow *AgentEscrow) PackSERVICEAGREEMENTTYPEHASH() []byte {
	enc, err := agentEscrow.abi.Pack("SERVICE_AGREEMENT_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSERVICEAGREEMENTTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x04bf8a77.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function SERVICE_AGREEMENT_TYPEHASH() view returns(bytes32)
func (agentEscrow *AgentEscrow) TryPackSERVICEAGREEMENTTYPEHASH() ([]byte, error) {
	return agentEscrow.abi.Pack("SERVICE_AGREEMENT_TYPEHASH")
}

// UnpackSERVICEAGREEMENTTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x04bf8a77.
//
// Solidity: function SERVICE_AGREEMENT_TYPEHASH() view returns(bytes32)
func (agentEscrow *AgentEscrow) UnpackSERVICEAGREEMENTTYPEHASH(data []byte) ([32]byte, error) {
	out, err := agentEscrow.abi.Unpack("SERVICE_AGREEMENT_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackAcceptOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79ba5097.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function acceptOwnership() returns()
func (agentEscrow *AgentEscrow) PackAcceptOwnership() []byte {
	enc, err := agentEscrow.abi.Pack("acceptOwnership")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAcceptOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79ba5097.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function acceptOwnership() returns()
func (agentEscrow *AgentEscrow) TryPackAcceptOwnership() ([]byte, error) {
	return agentEscrow.abi.Pack("acceptOwnership")
}

// PackClaimRefund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5b7baf64.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimRefund(uint256 jobId) returns()
func (agentEscrow *AgentEscrow) PackClaimRefund(jobId *big.Int) []byte {
	enc, err := agentEscrow.abi.Pack("claimRefund", jobId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimRefund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5b7baf64.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimRefund(uint256 jobId) returns()
func (agentEscrow *AgentEscrow) TryPackClaimRefund(jobId *big.Int) ([]byte, error) {
	return agentEscrow.abi.Pack("claimRefund", jobId)
}

// PackComplete is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd75bbdf3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function complete(uint256 jobId, bytes32 reason, bytes ) returns()
func (agentEscrow *AgentEscrow) PackComplete(jobId *big.Int, reason [32]byte, arg2 []byte) []byte {
	enc, err := agentEscrow.abi.Pack("complete", jobId, reason, arg2)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackComplete is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd75bbdf3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function complete(uint256 jobId, bytes32 reason, bytes ) returns()
func (agentEscrow *AgentEscrow) TryPackComplete(jobId *big.Int, reason [32]byte, arg2 []byte) ([]byte, error) {
	return agentEscrow.abi.Pack("complete", jobId, reason, arg2)
}

// PackCreateJob is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x41528812.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function createJob(address provider, address evaluator, uint256 expiredAt, string , address hook) returns(uint256 jobId)
func (agentEscrow *AgentEscrow) PackCreateJob(provider common.Address, evaluator common.Address, expiredAt *big.Int, arg3 string, hook common.Address) []byte {
	enc, err := agentEscrow.abi.Pack("createJob", provider, evaluator, expiredAt, arg3, hook)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCreateJob is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x41528812.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function createJob(address provider, address evaluator, uint256 expiredAt, string , address hook) returns(uint256 jobId)
func (agentEscrow *AgentEscrow) TryPackCreateJob(provider common.Address, evaluator common.Address, expiredAt *big.Int, arg3 string, hook common.Address) ([]byte, error) {
	return agentEscrow.abi.Pack("createJob", provider, evaluator, expiredAt, arg3, hook)
}

// UnpackCreateJob is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x41528812.
//
// Solidity: function createJob(address provider, address evaluator, uint256 expiredAt, string , address hook) returns(uint256 jobId)
func (agentEscrow *AgentEscrow) UnpackCreateJob(data []byte) (*big.Int, error) {
	out, err := agentEscrow.abi.Unpack("createJob", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCreateJob0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x57d57e07.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function createJob(address provider, address evaluator, uint256 expiredAt, string , address hook, address token) returns(uint256 jobId)
func (agentEscrow *AgentEscrow) PackCreateJob0(provider common.Address, evaluator common.Address, expiredAt *big.Int, arg3 string, hook common.Address, token common.Address) []byte {
	enc, err := agentEscrow.abi.Pack("createJob0", provider, evaluator, expiredAt, arg3, hook, token)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCreateJob0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x57d57e07.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function createJob(address provider, address evaluator, uint256 expiredAt, string , address hook, address token) returns(uint256 jobId)
func (agentEscrow *AgentEscrow) TryPackCreateJob0(provider common.Address, evaluator common.Address, expiredAt *big.Int, arg3 string, hook common.Address, token common.Address) ([]byte, error) {
	return agentEscrow.abi.Pack("createJob0", provider, evaluator, expiredAt, arg3, hook, token)
}

// UnpackCreateJob0 is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x57d57e07.
//
// Solidity: function createJob(address provider, address evaluator, uint256 expiredAt, string , address hook, address token) returns(uint256 jobId)
func (agentEscrow *AgentEscrow) UnpackCreateJob0(data []byte) (*big.Int, error) {
	out, err := agentEscrow.abi.Unpack("createJob0", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCreateJobFromAgreement is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe80fdcd5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function createJobFromAgreement((uint256,address,address,address,uint256,uint64,uint64,bytes32,bytes32,address,uint8,address,uint64,uint16,uint256,uint256,uint256) agreement, bytes clientSignature, bytes providerSignature) returns(uint256 jobId)
func (agentEscrow *AgentEscrow) PackCreateJobFromAgreement(agreement IAgentEscrowServiceAgreement, clientSignature []byte, providerSignature []byte) []byte {
	enc, err := agentEscrow.abi.Pack("createJobFromAgreement", agreement, clientSignature, providerSignature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCreateJobFromAgreement is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe80fdcd5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function createJobFromAgreement((uint256,address,address,address,uint256,uint64,uint64,bytes32,bytes32,address,uint8,address,uint64,uint16,uint256,uint256,uint256) agreement, bytes clientSignature, bytes providerSignature) returns(uint256 jobId)
func (agentEscrow *AgentEscrow) TryPackCreateJobFromAgreement(agreement IAgentEscrowServiceAgreement, clientSignature []byte, providerSignature []byte) ([]byte, error) {
	return agentEscrow.abi.Pack("createJobFromAgreement", agreement, clientSignature, providerSignature)
}

// UnpackCreateJobFromAgreement is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe80fdcd5.
//
// Solidity: function createJobFromAgreement((uint256,address,address,address,uint256,uint64,uint64,bytes32,bytes32,address,uint8,address,uint64,uint16,uint256,uint256,uint256) agreement, bytes clientSignature, bytes providerSignature) returns(uint256 jobId)
func (agentEscrow *AgentEscrow) UnpackCreateJobFromAgreement(data []byte) (*big.Int, error) {
	out, err := agentEscrow.abi.Unpack("createJobFromAgreement", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCreateJobFromAgreementWithPermit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc7841ddb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function createJobFromAgreementWithPermit((uint256,address,address,address,uint256,uint64,uint64,bytes32,bytes32,address,uint8,address,uint64,uint16,uint256,uint256,uint256) agreement, bytes clientSignature, bytes providerSignature, uint256 permitDeadline, uint8 v, bytes32 r, bytes32 s) returns(uint256 jobId)
func (agentEscrow *AgentEscrow) PackCreateJobFromAgreementWithPermit(agreement IAgentEscrowServiceAgreement, clientSignature []byte, providerSignature []byte, permitDeadline *big.Int, v uint8, r [32]byte, s [32]byte) []byte {
	enc, err := agentEscrow.abi.Pack("createJobFromAgreementWithPermit", agreement, clientSignature, providerSignature, permitDeadline, v, r, s)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCreateJobFromAgreementWithPermit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc7841ddb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function createJobFromAgreementWithPermit((uint256,address,address,address,uint256,uint64,uint64,bytes32,bytes32,address,uint8,address,uint64,uint16,uint256,uint256,uint256) agreement, bytes clientSignature, bytes providerSignature, uint256 permitDeadline, uint8 v, bytes32 r, bytes32 s) returns(uint256 jobId)
func (agentEscrow *AgentEscrow) TryPackCreateJobFromAgreementWithPermit(agreement IAgentEscrowServiceAgreement, clientSignature []byte, providerSignature []byte, permitDeadline *big.Int, v uint8, r [32]byte, s [32]byte) ([]byte, error) {
	return agentEscrow.abi.Pack("createJobFromAgreementWithPermit", agreement, clientSignature, providerSignature, permitDeadline, v, r, s)
}

// UnpackCreateJobFromAgreementWithPermit is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc7841ddb.
//
// Solidity: function createJobFromAgreementWithPermit((uint256,address,address,address,uint256,uint64,uint64,bytes32,bytes32,address,uint8,address,uint64,uint16,uint256,uint256,uint256) agreement, bytes clientSignature, bytes providerSignature, uint256 permitDeadline, uint8 v, bytes32 r, bytes32 s) returns(uint256 jobId)
func (agentEscrow *AgentEscrow) UnpackCreateJobFromAgreementWithPermit(data []byte) (*big.Int, error) {
	out, err := agentEscrow.abi.Unpack("createJobFromAgreementWithPermit", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackDefaultToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x74c13fda.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function defaultToken() view returns(address)
func (agentEscrow *AgentEscrow) PackDefaultToken() []byte {
	enc, err := agentEscrow.abi.Pack("defaultToken")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDefaultToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x74c13fda.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function defaultToken() view returns(address)
func (agentEscrow *AgentEscrow) TryPackDefaultToken() ([]byte, error) {
	return agentEscrow.abi.Pack("defaultToken")
}

// UnpackDefaultToken is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x74c13fda.
//
// Solidity: function defaultToken() view returns(address)
func (agentEscrow *AgentEscrow) UnpackDefaultToken(data []byte) (common.Address, error) {
	out, err := agentEscrow.abi.Unpack("defaultToken", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackDispute is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xde847ff8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function dispute(uint256 jobId, bytes32 reason) returns()
func (agentEscrow *AgentEscrow) PackDispute(jobId *big.Int, reason [32]byte) []byte {
	enc, err := agentEscrow.abi.Pack("dispute", jobId, reason)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDispute is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xde847ff8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function dispute(uint256 jobId, bytes32 reason) returns()
func (agentEscrow *AgentEscrow) TryPackDispute(jobId *big.Int, reason [32]byte) ([]byte, error) {
	return agentEscrow.abi.Pack("dispute", jobId, reason)
}

// PackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (agentEscrow *AgentEscrow) PackEip712Domain() []byte {
	enc, err := agentEscrow.abi.Pack("eip712Domain")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (agentEscrow *AgentEscrow) TryPackEip712Domain() ([]byte, error) {
	return agentEscrow.abi.Pack("eip712Domain")
}

// AgentEscrowEip712DomainOutput serves as a container for the return parameters of contract
// method Eip712Domain.
type AgentEscrowEip712DomainOutput struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}

// UnpackEip712Domain is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (agentEscrow *AgentEscrow) UnpackEip712Domain(data []byte) (AgentEscrowEip712DomainOutput, error) {
	out, err := agentEscrow.abi.Unpack("eip712Domain", data)
	outstruct := new(AgentEscrowEip712DomainOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Fields = *abi.ConvertType(out[0], new([1]byte)).(*[1]byte)
	outstruct.Name = *abi.ConvertType(out[1], new(string)).(*string)
	outstruct.Version = *abi.ConvertType(out[2], new(string)).(*string)
	outstruct.ChainId = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.VerifyingContract = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	outstruct.Salt = *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	outstruct.Extensions = *abi.ConvertType(out[6], new([]*big.Int)).(*[]*big.Int)
	return *outstruct, nil
}

// PackFeeBps is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x24a9d853.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function feeBps() view returns(uint16)
func (agentEscrow *AgentEscrow) PackFeeBps() []byte {
	enc, err := agentEscrow.abi.Pack("feeBps")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFeeBps is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x24a9d853.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function feeBps() view returns(uint16)
func (agentEscrow *AgentEscrow) TryPackFeeBps() ([]byte, error) {
	return agentEscrow.abi.Pack("feeBps")
}

// UnpackFeeBps is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x24a9d853.
//
// Solidity: function feeBps() view returns(uint16)
func (agentEscrow *AgentEscrow) UnpackFeeBps(data []byte) (uint16, error) {
	out, err := agentEscrow.abi.Unpack("feeBps", data)
	if err != nil {
		return *new(uint16), err
	}
	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)
	return out0, nil
}

// PackFeeRecipient is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x46904840.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function feeRecipient() view returns(address)
func (agentEscrow *AgentEscrow) PackFeeRecipient() []byte {
	enc, err := agentEscrow.abi.Pack("feeRecipient")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFeeRecipient is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x46904840.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function feeRecipient() view returns(address)
func (agentEscrow *AgentEscrow) TryPackFeeRecipient() ([]byte, error) {
	return agentEscrow.abi.Pack("feeRecipient")
}

// UnpackFeeRecipient is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x46904840.
//
// Solidity: function feeRecipient() view returns(address)
func (agentEscrow *AgentEscrow) UnpackFeeRecipient(data []byte) (common.Address, error) {
	out, err := agentEscrow.abi.Unpack("feeRecipient", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackFund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd2e13f50.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function fund(uint256 jobId, uint256 expectedBudget, bytes ) returns()
func (agentEscrow *AgentEscrow) PackFund(jobId *big.Int, expectedBudget *big.Int, arg2 []byte) []byte {
	enc, err := agentEscrow.abi.Pack("fund", jobId, expectedBudget, arg2)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd2e13f50.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function fund(uint256 jobId, uint256 expectedBudget, bytes ) returns()
func (agentEscrow *AgentEscrow) TryPackFund(jobId *big.Int, expectedBudget *big.Int, arg2 []byte) ([]byte, error) {
	return agentEscrow.abi.Pack("fund", jobId, expectedBudget, arg2)
}

// PackGetJob is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbf22c457.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getJob(uint256 jobId) view returns((address,uint64,uint8,uint16,address,uint64,uint16,uint8,address,uint64,address,uint64,address,uint64,uint256,uint256,uint256,bytes32,bytes32,uint256))
func (agentEscrow *AgentEscrow) PackGetJob(jobId *big.Int) []byte {
	enc, err := agentEscrow.abi.Pack("getJob", jobId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetJob is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbf22c457.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getJob(uint256 jobId) view returns((address,uint64,uint8,uint16,address,uint64,uint16,uint8,address,uint64,address,uint64,address,uint64,uint256,uint256,uint256,bytes32,bytes32,uint256))
func (agentEscrow *AgentEscrow) TryPackGetJob(jobId *big.Int) ([]byte, error) {
	return agentEscrow.abi.Pack("getJob", jobId)
}

// UnpackGetJob is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbf22c457.
//
// Solidity: function getJob(uint256 jobId) view returns((address,uint64,uint8,uint16,address,uint64,uint16,uint8,address,uint64,address,uint64,address,uint64,uint256,uint256,uint256,bytes32,bytes32,uint256))
func (agentEscrow *AgentEscrow) UnpackGetJob(data []byte) (IAgentEscrowJob, error) {
	out, err := agentEscrow.abi.Unpack("getJob", data)
	if err != nil {
		return *new(IAgentEscrowJob), err
	}
	out0 := *abi.ConvertType(out[0], new(IAgentEscrowJob)).(*IAgentEscrowJob)
	return out0, nil
}

// PackHashAgreement is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x83811b3f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hashAgreement((uint256,address,address,address,uint256,uint64,uint64,bytes32,bytes32,address,uint8,address,uint64,uint16,uint256,uint256,uint256) agreement) view returns(bytes32 digest)
func (agentEscrow *AgentEscrow) PackHashAgreement(agreement IAgentEscrowServiceAgreement) []byte {
	enc, err := agentEscrow.abi.Pack("hashAgreement", agreement)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHashAgreement is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x83811b3f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hashAgreement((uint256,address,address,address,uint256,uint64,uint64,bytes32,bytes32,address,uint8,address,uint64,uint16,uint256,uint256,uint256) agreement) view returns(bytes32 digest)
func (agentEscrow *AgentEscrow) TryPackHashAgreement(agreement IAgentEscrowServiceAgreement) ([]byte, error) {
	return agentEscrow.abi.Pack("hashAgreement", agreement)
}

// UnpackHashAgreement is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x83811b3f.
//
// Solidity: function hashAgreement((uint256,address,address,address,uint256,uint64,uint64,bytes32,bytes32,address,uint8,address,uint64,uint16,uint256,uint256,uint256) agreement) view returns(bytes32 digest)
func (agentEscrow *AgentEscrow) UnpackHashAgreement(data []byte) ([32]byte, error) {
	out, err := agentEscrow.abi.Unpack("hashAgreement", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackIdentityRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x134e18f4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function identityRegistry() view returns(address)
func (agentEscrow *AgentEscrow) PackIdentityRegistry() []byte {
	enc, err := agentEscrow.abi.Pack("identityRegistry")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIdentityRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x134e18f4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function identityRegistry() view returns(address)
func (agentEscrow *AgentEscrow) TryPackIdentityRegistry() ([]byte, error) {
	return agentEscrow.abi.Pack("identityRegistry")
}

// UnpackIdentityRegistry is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x134e18f4.
//
// Solidity: function identityRegistry() view returns(address)
func (agentEscrow *AgentEscrow) UnpackIdentityRegistry(data []byte) (common.Address, error) {
	out, err := agentEscrow.abi.Unpack("identityRegistry", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackInvalidateNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb70e36f0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function invalidateNonce(uint256 nonce) returns()
func (agentEscrow *AgentEscrow) PackInvalidateNonce(nonce *big.Int) []byte {
	enc, err := agentEscrow.abi.Pack("invalidateNonce", nonce)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackInvalidateNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb70e36f0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function invalidateNonce(uint256 nonce) returns()
func (agentEscrow *AgentEscrow) TryPackInvalidateNonce(nonce *big.Int) ([]byte, error) {
	return agentEscrow.abi.Pack("invalidateNonce", nonce)
}

// PackJobCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4c5d8a0f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function jobCount() view returns(uint256)
func (agentEscrow *AgentEscrow) PackJobCount() []byte {
	enc, err := agentEscrow.abi.Pack("jobCount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackJobCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4c5d8a0f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function jobCount() view returns(uint256)
func (agentEscrow *AgentEscrow) TryPackJobCount() ([]byte, error) {
	return agentEscrow.abi.Pack("jobCount")
}

// UnpackJobCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4c5d8a0f.
//
// Solidity: function jobCount() view returns(uint256)
func (agentEscrow *AgentEscrow) UnpackJobCount(data []byte) (*big.Int, error) {
	out, err := agentEscrow.abi.Unpack("jobCount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMandateRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb4b43126.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mandateRegistry() view returns(address)
func (agentEscrow *AgentEscrow) PackMandateRegistry() []byte {
	enc, err := agentEscrow.abi.Pack("mandateRegistry")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMandateRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb4b43126.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mandateRegistry() view returns(address)
func (agentEscrow *AgentEscrow) TryPackMandateRegistry() ([]byte, error) {
	return agentEscrow.abi.Pack("mandateRegistry")
}

// UnpackMandateRegistry is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb4b43126.
//
// Solidity: function mandateRegistry() view returns(address)
func (agentEscrow *AgentEscrow) UnpackMandateRegistry(data []byte) (common.Address, error) {
	out, err := agentEscrow.abi.Unpack("mandateRegistry", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackNonceUsed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1647795e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nonceUsed(address signer, uint256 nonce) view returns(bool)
func (agentEscrow *AgentEscrow) PackNonceUsed(signer common.Address, nonce *big.Int) []byte {
	enc, err := agentEscrow.abi.Pack("nonceUsed", signer, nonce)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNonceUsed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1647795e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nonceUsed(address signer, uint256 nonce) view returns(bool)
func (agentEscrow *AgentEscrow) TryPackNonceUsed(signer common.Address, nonce *big.Int) ([]byte, error) {
	return agentEscrow.abi.Pack("nonceUsed", signer, nonce)
}

// UnpackNonceUsed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1647795e.
//
// Solidity: function nonceUsed(address signer, uint256 nonce) view returns(bool)
func (agentEscrow *AgentEscrow) UnpackNonceUsed(data []byte) (bool, error) {
	out, err := agentEscrow.abi.Unpack("nonceUsed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (agentEscrow *AgentEscrow) PackOwner() []byte {
	enc, err := agentEscrow.abi.Pack("owner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function owner() view returns(address)
func (agentEscrow *AgentEscrow) TryPackOwner() ([]byte, error) {
	return agentEscrow.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (agentEscrow *AgentEscrow) UnpackOwner(data []byte) (common.Address, error) {
	out, err := agentEscrow.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPendingOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe30c3978.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pendingOwner() view returns(address)
func (agentEscrow *AgentEscrow) PackPendingOwner() []byte {
	enc, err := agentEscrow.abi.Pack("pendingOwner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPendingOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe30c3978.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pendingOwner() view returns(address)
func (agentEscrow *AgentEscrow) TryPackPendingOwner() ([]byte, error) {
	return agentEscrow.abi.Pack("pendingOwner")
}

// UnpackPendingOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe30c3978.
//
// Solidity: function pendingOwner() view returns(address)
func (agentEscrow *AgentEscrow) UnpackPendingOwner(data []byte) (common.Address, error) {
	out, err := agentEscrow.abi.Unpack("pendingOwner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackReject is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x41dd26f5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reject(uint256 jobId, bytes32 reason, bytes ) returns()
func (agentEscrow *AgentEscrow) PackReject(jobId *big.Int, reason [32]byte, arg2 []byte) []byte {
	enc, err := agentEscrow.abi.Pack("reject", jobId, reason, arg2)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReject is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x41dd26f5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reject(uint256 jobId, bytes32 reason, bytes ) returns()
func (agentEscrow *AgentEscrow) TryPackReject(jobId *big.Int, reason [32]byte, arg2 []byte) ([]byte, error) {
	return agentEscrow.abi.Pack("reject", jobId, reason, arg2)
}

// PackRelease is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x37bdc99b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function release(uint256 jobId) returns()
func (agentEscrow *AgentEscrow) PackRelease(jobId *big.Int) []byte {
	enc, err := agentEscrow.abi.Pack("release", jobId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRelease is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x37bdc99b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function release(uint256 jobId) returns()
func (agentEscrow *AgentEscrow) TryPackRelease(jobId *big.Int) ([]byte, error) {
	return agentEscrow.abi.Pack("release", jobId)
}

// PackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceOwnership() returns()
func (agentEscrow *AgentEscrow) PackRenounceOwnership() []byte {
	enc, err := agentEscrow.abi.Pack("renounceOwnership")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function renounceOwnership() returns()
func (agentEscrow *AgentEscrow) TryPackRenounceOwnership() ([]byte, error) {
	return agentEscrow.abi.Pack("renounceOwnership")
}

// PackResolve is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc251c9ab.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function resolve(uint256 jobId, uint16 providerBps, bytes32 reason) returns()
func (agentEscrow *AgentEscrow) PackResolve(jobId *big.Int, providerBps uint16, reason [32]byte) []byte {
	enc, err := agentEscrow.abi.Pack("resolve", jobId, providerBps, reason)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackResolve is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc251c9ab.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function resolve(uint256 jobId, uint16 providerBps, bytes32 reason) returns()
func (agentEscrow *AgentEscrow) TryPackResolve(jobId *big.Int, providerBps uint16, reason [32]byte) ([]byte, error) {
	return agentEscrow.abi.Pack("resolve", jobId, providerBps, reason)
}

// PackSetBudget is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd4ae9d4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setBudget(uint256 jobId, uint256 amount, bytes ) returns()
func (agentEscrow *AgentEscrow) PackSetBudget(jobId *big.Int, amount *big.Int, arg2 []byte) []byte {
	enc, err := agentEscrow.abi.Pack("setBudget", jobId, amount, arg2)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetBudget is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd4ae9d4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setBudget(uint256 jobId, uint256 amount, bytes ) returns()
func (agentEscrow *AgentEscrow) TryPackSetBudget(jobId *big.Int, amount *big.Int, arg2 []byte) ([]byte, error) {
	return agentEscrow.abi.Pack("setBudget", jobId, amount, arg2)
}

// PackSetFee is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8e005553.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setFee(uint16 newFeeBps) returns()
func (agentEscrow *AgentEscrow) PackSetFee(newFeeBps uint16) []byte {
	enc, err := agentEscrow.abi.Pack("setFee", newFeeBps)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetFee is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8e005553.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setFee(uint16 newFeeBps) returns()
func (agentEscrow *AgentEscrow) TryPackSetFee(newFeeBps uint16) ([]byte, error) {
	return agentEscrow.abi.Pack("setFee", newFeeBps)
}

// PackSetFeeRecipient is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe74b981b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setFeeRecipient(address newRecipient) returns()
func (agentEscrow *AgentEscrow) PackSetFeeRecipient(newRecipient common.Address) []byte {
	enc, err := agentEscrow.abi.Pack("setFeeRecipient", newRecipient)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetFeeRecipient is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe74b981b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setFeeRecipient(address newRecipient) returns()
func (agentEscrow *AgentEscrow) TryPackSetFeeRecipient(newRecipient common.Address) ([]byte, error) {
	return agentEscrow.abi.Pack("setFeeRecipient", newRecipient)
}

// PackSetProvider is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc9a84bb9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setProvider(uint256 jobId, address provider, bytes ) returns()
func (agentEscrow *AgentEscrow) PackSetProvider(jobId *big.Int, provider common.Address, arg2 []byte) []byte {
	enc, err := agentEscrow.abi.Pack("setProvider", jobId, provider, arg2)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetProvider is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc9a84bb9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setProvider(uint256 jobId, address provider, bytes ) returns()
func (agentEscrow *AgentEscrow) TryPackSetProvider(jobId *big.Int, provider common.Address, arg2 []byte) ([]byte, error) {
	return agentEscrow.abi.Pack("setProvider", jobId, provider, arg2)
}

// PackSettleFromValidation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2ac6f123.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function settleFromValidation(uint256 jobId) returns()
func (agentEscrow *AgentEscrow) PackSettleFromValidation(jobId *big.Int) []byte {
	enc, err := agentEscrow.abi.Pack("settleFromValidation", jobId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSettleFromValidation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2ac6f123.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function settleFromValidation(uint256 jobId) returns()
func (agentEscrow *AgentEscrow) TryPackSettleFromValidation(jobId *big.Int) ([]byte, error) {
	return agentEscrow.abi.Pack("settleFromValidation", jobId)
}

// PackSubmit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9e63798d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function submit(uint256 jobId, bytes32 deliverable, bytes ) returns()
func (agentEscrow *AgentEscrow) PackSubmit(jobId *big.Int, deliverable [32]byte, arg2 []byte) []byte {
	enc, err := agentEscrow.abi.Pack("submit", jobId, deliverable, arg2)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubmit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9e63798d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function submit(uint256 jobId, bytes32 deliverable, bytes ) returns()
func (agentEscrow *AgentEscrow) TryPackSubmit(jobId *big.Int, deliverable [32]byte, arg2 []byte) ([]byte, error) {
	return agentEscrow.abi.Pack("submit", jobId, deliverable, arg2)
}

// PackTerminate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7a828b28.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function terminate(uint256 jobId) returns()
func (agentEscrow *AgentEscrow) PackTerminate(jobId *big.Int) []byte {
	enc, err := agentEscrow.abi.Pack("terminate", jobId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTerminate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7a828b28.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function terminate(uint256 jobId) returns()
func (agentEscrow *AgentEscrow) TryPackTerminate(jobId *big.Int) ([]byte, error) {
	return agentEscrow.abi.Pack("terminate", jobId)
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (agentEscrow *AgentEscrow) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := agentEscrow.abi.Pack("transferOwnership", newOwner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (agentEscrow *AgentEscrow) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return agentEscrow.abi.Pack("transferOwnership", newOwner)
}

// PackValidationRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4c6b993a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function validationRegistry() view returns(address)
func (agentEscrow *AgentEscrow) PackValidationRegistry() []byte {
	enc, err := agentEscrow.abi.Pack("validationRegistry")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackValidationRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4c6b993a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function validationRegistry() view returns(address)
func (agentEscrow *AgentEscrow) TryPackValidationRegistry() ([]byte, error) {
	return agentEscrow.abi.Pack("validationRegistry")
}

// UnpackValidationRegistry is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4c6b993a.
//
// Solidity: function validationRegistry() view returns(address)
func (agentEscrow *AgentEscrow) UnpackValidationRegistry(data []byte) (common.Address, error) {
	out, err := agentEscrow.abi.Unpack("validationRegistry", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackValidationRequestHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x20f30c09.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function validationRequestHash(uint256 jobId) view returns(bytes32)
func (agentEscrow *AgentEscrow) PackValidationRequestHash(jobId *big.Int) []byte {
	enc, err := agentEscrow.abi.Pack("validationRequestHash", jobId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackValidationRequestHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x20f30c09.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function validationRequestHash(uint256 jobId) view returns(bytes32)
func (agentEscrow *AgentEscrow) TryPackValidationRequestHash(jobId *big.Int) ([]byte, error) {
	return agentEscrow.abi.Pack("validationRequestHash", jobId)
}

// UnpackValidationRequestHash is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x20f30c09.
//
// Solidity: function validationRequestHash(uint256 jobId) view returns(bytes32)
func (agentEscrow *AgentEscrow) UnpackValidationRequestHash(data []byte) ([32]byte, error) {
	out, err := agentEscrow.abi.Unpack("validationRequestHash", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// AgentEscrowAgreementJobCreated represents a AgreementJobCreated event raised by the AgentEscrow contract.
type AgentEscrowAgreementJobCreated struct {
	JobId               *big.Int
	AgreementHash       [32]byte
	ProviderAgentId     *big.Int
	Client              common.Address
	Provider            common.Address
	Token               common.Address
	Price               *big.Int
	Validator           common.Address
	ValidationThreshold uint8
	Arbiter             common.Address
	DeliveryDeadline    uint64
	ReviewWindow        uint64
	LatePenaltyBps      uint16
	Raw                 *types.Log // Blockchain specific contextual infos
}

const AgentEscrowAgreementJobCreatedEventName = "AgreementJobCreated"

// ContractEventName returns the user-defined event name.
func (AgentEscrowAgreementJobCreated) ContractEventName() string {
	return AgentEscrowAgreementJobCreatedEventName
}

// UnpackAgreementJobCreatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AgreementJobCreated(uint256 indexed jobId, bytes32 indexed agreementHash, uint256 indexed providerAgentId, address client, address provider, address token, uint256 price, address validator, uint8 validationThreshold, address arbiter, uint64 deliveryDeadline, uint64 reviewWindow, uint16 latePenaltyBps)
func (agentEscrow *AgentEscrow) UnpackAgreementJobCreatedEvent(log *types.Log) (*AgentEscrowAgreementJobCreated, error) {
	event := "AgreementJobCreated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowAgreementJobCreated)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AgentEscrowBudgetSet represents a BudgetSet event raised by the AgentEscrow contract.
type AgentEscrowBudgetSet struct {
	JobId  *big.Int
	Amount *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const AgentEscrowBudgetSetEventName = "BudgetSet"

// ContractEventName returns the user-defined event name.
func (AgentEscrowBudgetSet) ContractEventName() string {
	return AgentEscrowBudgetSetEventName
}

// UnpackBudgetSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event BudgetSet(uint256 indexed jobId, uint256 amount)
func (agentEscrow *AgentEscrow) UnpackBudgetSetEvent(log *types.Log) (*AgentEscrowBudgetSet, error) {
	event := "BudgetSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowBudgetSet)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AgentEscrowDisputeResolved represents a DisputeResolved event raised by the AgentEscrow contract.
type AgentEscrowDisputeResolved struct {
	JobId       *big.Int
	Arbiter     common.Address
	ProviderBps uint16
	Reason      [32]byte
	Raw         *types.Log // Blockchain specific contextual infos
}

const AgentEscrowDisputeResolvedEventName = "DisputeResolved"

// ContractEventName returns the user-defined event name.
func (AgentEscrowDisputeResolved) ContractEventName() string {
	return AgentEscrowDisputeResolvedEventName
}

// UnpackDisputeResolvedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event DisputeResolved(uint256 indexed jobId, address indexed arbiter, uint16 providerBps, bytes32 reason)
func (agentEscrow *AgentEscrow) UnpackDisputeResolvedEvent(log *types.Log) (*AgentEscrowDisputeResolved, error) {
	event := "DisputeResolved"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowDisputeResolved)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AgentEscrowEIP712DomainChanged represents a EIP712DomainChanged event raised by the AgentEscrow contract.
type AgentEscrowEIP712DomainChanged struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const AgentEscrowEIP712DomainChangedEventName = "EIP712DomainChanged"

// ContractEventName returns the user-defined event name.
func (AgentEscrowEIP712DomainChanged) ContractEventName() string {
	return AgentEscrowEIP712DomainChangedEventName
}

// UnpackEIP712DomainChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EIP712DomainChanged()
func (agentEscrow *AgentEscrow) UnpackEIP712DomainChangedEvent(log *types.Log) (*AgentEscrowEIP712DomainChanged, error) {
	event := "EIP712DomainChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowEIP712DomainChanged)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AgentEscrowFeeRecipientSet represents a FeeRecipientSet event raised by the AgentEscrow contract.
type AgentEscrowFeeRecipientSet struct {
	Recipient common.Address
	Raw       *types.Log // Blockchain specific contextual infos
}

const AgentEscrowFeeRecipientSetEventName = "FeeRecipientSet"

// ContractEventName returns the user-defined event name.
func (AgentEscrowFeeRecipientSet) ContractEventName() string {
	return AgentEscrowFeeRecipientSetEventName
}

// UnpackFeeRecipientSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event FeeRecipientSet(address recipient)
func (agentEscrow *AgentEscrow) UnpackFeeRecipientSetEvent(log *types.Log) (*AgentEscrowFeeRecipientSet, error) {
	event := "FeeRecipientSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowFeeRecipientSet)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AgentEscrowFeeSet represents a FeeSet event raised by the AgentEscrow contract.
type AgentEscrowFeeSet struct {
	FeeBps uint16
	Raw    *types.Log // Blockchain specific contextual infos
}

const AgentEscrowFeeSetEventName = "FeeSet"

// ContractEventName returns the user-defined event name.
func (AgentEscrowFeeSet) ContractEventName() string {
	return AgentEscrowFeeSetEventName
}

// UnpackFeeSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event FeeSet(uint16 feeBps)
func (agentEscrow *AgentEscrow) UnpackFeeSetEvent(log *types.Log) (*AgentEscrowFeeSet, error) {
	event := "FeeSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowFeeSet)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AgentEscrowJobCompleted represents a JobCompleted event raised by the AgentEscrow contract.
type AgentEscrowJobCompleted struct {
	JobId     *big.Int
	Evaluator common.Address
	Reason    [32]byte
	Raw       *types.Log // Blockchain specific contextual infos
}

const AgentEscrowJobCompletedEventName = "JobCompleted"

// ContractEventName returns the user-defined event name.
func (AgentEscrowJobCompleted) ContractEventName() string {
	return AgentEscrowJobCompletedEventName
}

// UnpackJobCompletedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event JobCompleted(uint256 indexed jobId, address indexed evaluator, bytes32 reason)
func (agentEscrow *AgentEscrow) UnpackJobCompletedEvent(log *types.Log) (*AgentEscrowJobCompleted, error) {
	event := "JobCompleted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowJobCompleted)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AgentEscrowJobCreated represents a JobCreated event raised by the AgentEscrow contract.
type AgentEscrowJobCreated struct {
	JobId     *big.Int
	Client    common.Address
	Provider  common.Address
	Evaluator common.Address
	ExpiredAt *big.Int
	Hook      common.Address
	Raw       *types.Log // Blockchain specific contextual infos
}

const AgentEscrowJobCreatedEventName = "JobCreated"

// ContractEventName returns the user-defined event name.
func (AgentEscrowJobCreated) ContractEventName() string {
	return AgentEscrowJobCreatedEventName
}

// UnpackJobCreatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event JobCreated(uint256 indexed jobId, address indexed client, address indexed provider, address evaluator, uint256 expiredAt, address hook)
func (agentEscrow *AgentEscrow) UnpackJobCreatedEvent(log *types.Log) (*AgentEscrowJobCreated, error) {
	event := "JobCreated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowJobCreated)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AgentEscrowJobDisputed represents a JobDisputed event raised by the AgentEscrow contract.
type AgentEscrowJobDisputed struct {
	JobId  *big.Int
	Client common.Address
	Reason [32]byte
	Raw    *types.Log // Blockchain specific contextual infos
}

const AgentEscrowJobDisputedEventName = "JobDisputed"

// ContractEventName returns the user-defined event name.
func (AgentEscrowJobDisputed) ContractEventName() string {
	return AgentEscrowJobDisputedEventName
}

// UnpackJobDisputedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event JobDisputed(uint256 indexed jobId, address indexed client, bytes32 reason)
func (agentEscrow *AgentEscrow) UnpackJobDisputedEvent(log *types.Log) (*AgentEscrowJobDisputed, error) {
	event := "JobDisputed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowJobDisputed)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AgentEscrowJobExpired represents a JobExpired event raised by the AgentEscrow contract.
type AgentEscrowJobExpired struct {
	JobId *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const AgentEscrowJobExpiredEventName = "JobExpired"

// ContractEventName returns the user-defined event name.
func (AgentEscrowJobExpired) ContractEventName() string {
	return AgentEscrowJobExpiredEventName
}

// UnpackJobExpiredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event JobExpired(uint256 indexed jobId)
func (agentEscrow *AgentEscrow) UnpackJobExpiredEvent(log *types.Log) (*AgentEscrowJobExpired, error) {
	event := "JobExpired"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowJobExpired)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AgentEscrowJobFunded represents a JobFunded event raised by the AgentEscrow contract.
type AgentEscrowJobFunded struct {
	JobId  *big.Int
	Client common.Address
	Amount *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const AgentEscrowJobFundedEventName = "JobFunded"

// ContractEventName returns the user-defined event name.
func (AgentEscrowJobFunded) ContractEventName() string {
	return AgentEscrowJobFundedEventName
}

// UnpackJobFundedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event JobFunded(uint256 indexed jobId, address indexed client, uint256 amount)
func (agentEscrow *AgentEscrow) UnpackJobFundedEvent(log *types.Log) (*AgentEscrowJobFunded, error) {
	event := "JobFunded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowJobFunded)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AgentEscrowJobRejected represents a JobRejected event raised by the AgentEscrow contract.
type AgentEscrowJobRejected struct {
	JobId    *big.Int
	Rejector common.Address
	Reason   [32]byte
	Raw      *types.Log // Blockchain specific contextual infos
}

const AgentEscrowJobRejectedEventName = "JobRejected"

// ContractEventName returns the user-defined event name.
func (AgentEscrowJobRejected) ContractEventName() string {
	return AgentEscrowJobRejectedEventName
}

// UnpackJobRejectedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event JobRejected(uint256 indexed jobId, address indexed rejector, bytes32 reason)
func (agentEscrow *AgentEscrow) UnpackJobRejectedEvent(log *types.Log) (*AgentEscrowJobRejected, error) {
	event := "JobRejected"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowJobRejected)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AgentEscrowJobSettled represents a JobSettled event raised by the AgentEscrow contract.
type AgentEscrowJobSettled struct {
	JobId           *big.Int
	Client          common.Address
	ProviderAgentId *big.Int
	Token           common.Address
	ToProvider      *big.Int
	ToClient        *big.Int
	Fee             *big.Int
	Raw             *types.Log // Blockchain specific contextual infos
}

const AgentEscrowJobSettledEventName = "JobSettled"

// ContractEventName returns the user-defined event name.
func (AgentEscrowJobSettled) ContractEventName() string {
	return AgentEscrowJobSettledEventName
}

// UnpackJobSettledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event JobSettled(uint256 indexed jobId, address indexed client, uint256 indexed providerAgentId, address token, uint256 toProvider, uint256 toClient, uint256 fee)
func (agentEscrow *AgentEscrow) UnpackJobSettledEvent(log *types.Log) (*AgentEscrowJobSettled, error) {
	event := "JobSettled"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowJobSettled)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AgentEscrowJobSubmitted represents a JobSubmitted event raised by the AgentEscrow contract.
type AgentEscrowJobSubmitted struct {
	JobId       *big.Int
	Provider    common.Address
	Deliverable [32]byte
	Raw         *types.Log // Blockchain specific contextual infos
}

const AgentEscrowJobSubmittedEventName = "JobSubmitted"

// ContractEventName returns the user-defined event name.
func (AgentEscrowJobSubmitted) ContractEventName() string {
	return AgentEscrowJobSubmittedEventName
}

// UnpackJobSubmittedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event JobSubmitted(uint256 indexed jobId, address indexed provider, bytes32 deliverable)
func (agentEscrow *AgentEscrow) UnpackJobSubmittedEvent(log *types.Log) (*AgentEscrowJobSubmitted, error) {
	event := "JobSubmitted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowJobSubmitted)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AgentEscrowJobTerminated represents a JobTerminated event raised by the AgentEscrow contract.
type AgentEscrowJobTerminated struct {
	JobId     *big.Int
	MandateId *big.Int
	By        common.Address
	Raw       *types.Log // Blockchain specific contextual infos
}

const AgentEscrowJobTerminatedEventName = "JobTerminated"

// ContractEventName returns the user-defined event name.
func (AgentEscrowJobTerminated) ContractEventName() string {
	return AgentEscrowJobTerminatedEventName
}

// UnpackJobTerminatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event JobTerminated(uint256 indexed jobId, uint256 indexed mandateId, address indexed by)
func (agentEscrow *AgentEscrow) UnpackJobTerminatedEvent(log *types.Log) (*AgentEscrowJobTerminated, error) {
	event := "JobTerminated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowJobTerminated)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AgentEscrowJobTokenSet represents a JobTokenSet event raised by the AgentEscrow contract.
type AgentEscrowJobTokenSet struct {
	JobId *big.Int
	Token common.Address
	Raw   *types.Log // Blockchain specific contextual infos
}

const AgentEscrowJobTokenSetEventName = "JobTokenSet"

// ContractEventName returns the user-defined event name.
func (AgentEscrowJobTokenSet) ContractEventName() string {
	return AgentEscrowJobTokenSetEventName
}

// UnpackJobTokenSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event JobTokenSet(uint256 indexed jobId, address indexed token)
func (agentEscrow *AgentEscrow) UnpackJobTokenSetEvent(log *types.Log) (*AgentEscrowJobTokenSet, error) {
	event := "JobTokenSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowJobTokenSet)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AgentEscrowNonceInvalidated represents a NonceInvalidated event raised by the AgentEscrow contract.
type AgentEscrowNonceInvalidated struct {
	Signer common.Address
	Nonce  *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const AgentEscrowNonceInvalidatedEventName = "NonceInvalidated"

// ContractEventName returns the user-defined event name.
func (AgentEscrowNonceInvalidated) ContractEventName() string {
	return AgentEscrowNonceInvalidatedEventName
}

// UnpackNonceInvalidatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event NonceInvalidated(address indexed signer, uint256 nonce)
func (agentEscrow *AgentEscrow) UnpackNonceInvalidatedEvent(log *types.Log) (*AgentEscrowNonceInvalidated, error) {
	event := "NonceInvalidated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowNonceInvalidated)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AgentEscrowOwnershipTransferStarted represents a OwnershipTransferStarted event raised by the AgentEscrow contract.
type AgentEscrowOwnershipTransferStarted struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const AgentEscrowOwnershipTransferStartedEventName = "OwnershipTransferStarted"

// ContractEventName returns the user-defined event name.
func (AgentEscrowOwnershipTransferStarted) ContractEventName() string {
	return AgentEscrowOwnershipTransferStartedEventName
}

// UnpackOwnershipTransferStartedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferStarted(address indexed previousOwner, address indexed newOwner)
func (agentEscrow *AgentEscrow) UnpackOwnershipTransferStartedEvent(log *types.Log) (*AgentEscrowOwnershipTransferStarted, error) {
	event := "OwnershipTransferStarted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowOwnershipTransferStarted)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AgentEscrowOwnershipTransferred represents a OwnershipTransferred event raised by the AgentEscrow contract.
type AgentEscrowOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const AgentEscrowOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (AgentEscrowOwnershipTransferred) ContractEventName() string {
	return AgentEscrowOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (agentEscrow *AgentEscrow) UnpackOwnershipTransferredEvent(log *types.Log) (*AgentEscrowOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AgentEscrowPaymentReleased represents a PaymentReleased event raised by the AgentEscrow contract.
type AgentEscrowPaymentReleased struct {
	JobId    *big.Int
	Provider common.Address
	Amount   *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const AgentEscrowPaymentReleasedEventName = "PaymentReleased"

// ContractEventName returns the user-defined event name.
func (AgentEscrowPaymentReleased) ContractEventName() string {
	return AgentEscrowPaymentReleasedEventName
}

// UnpackPaymentReleasedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PaymentReleased(uint256 indexed jobId, address indexed provider, uint256 amount)
func (agentEscrow *AgentEscrow) UnpackPaymentReleasedEvent(log *types.Log) (*AgentEscrowPaymentReleased, error) {
	event := "PaymentReleased"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowPaymentReleased)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AgentEscrowProviderSet represents a ProviderSet event raised by the AgentEscrow contract.
type AgentEscrowProviderSet struct {
	JobId    *big.Int
	Provider common.Address
	Raw      *types.Log // Blockchain specific contextual infos
}

const AgentEscrowProviderSetEventName = "ProviderSet"

// ContractEventName returns the user-defined event name.
func (AgentEscrowProviderSet) ContractEventName() string {
	return AgentEscrowProviderSetEventName
}

// UnpackProviderSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ProviderSet(uint256 indexed jobId, address indexed provider)
func (agentEscrow *AgentEscrow) UnpackProviderSetEvent(log *types.Log) (*AgentEscrowProviderSet, error) {
	event := "ProviderSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowProviderSet)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// AgentEscrowRefunded represents a Refunded event raised by the AgentEscrow contract.
type AgentEscrowRefunded struct {
	JobId  *big.Int
	Client common.Address
	Amount *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const AgentEscrowRefundedEventName = "Refunded"

// ContractEventName returns the user-defined event name.
func (AgentEscrowRefunded) ContractEventName() string {
	return AgentEscrowRefundedEventName
}

// UnpackRefundedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Refunded(uint256 indexed jobId, address indexed client, uint256 amount)
func (agentEscrow *AgentEscrow) UnpackRefundedEvent(log *types.Log) (*AgentEscrowRefunded, error) {
	event := "Refunded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != agentEscrow.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AgentEscrowRefunded)
	if len(log.Data) > 0 {
		if err := agentEscrow.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range agentEscrow.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (agentEscrow *AgentEscrow) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["AgentIdOutOfRange"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackAgentIdOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["AgreementExpired"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackAgreementExpiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ArbitrationPending"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackArbitrationPendingError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ArbitrationTimedOut"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackArbitrationTimedOutError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["BpsTooHigh"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackBpsTooHighError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["BudgetMismatch"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackBudgetMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ClientIsProvider"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackClientIsProviderError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["DeliveryAfterExpiry"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackDeliveryAfterExpiryError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["DeliveryDeadlinePassed"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackDeliveryDeadlinePassedError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ExpiryNotInFuture"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackExpiryNotInFutureError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ExpiryOutOfRange"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackExpiryOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["FeeTooHigh"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackFeeTooHighError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["HooksNotSupported"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackHooksNotSupportedError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["InvalidShortString"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackInvalidShortStringError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["InvalidSignature"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["JobNotFound"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackJobNotFoundError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["JobPastExpiry"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackJobPastExpiryError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["NoArbiter"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackNoArbiterError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["NoValidator"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackNoValidatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["NonceAlreadyUsed"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackNonceAlreadyUsedError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["NotAgreementJob"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackNotAgreementJobError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["NotArbiter"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackNotArbiterError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["NotClient"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackNotClientError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["NotClientOrArbiter"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackNotClientOrArbiterError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["NotClientOrProvider"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackNotClientOrProviderError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["NotEvaluator"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackNotEvaluatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["NotEvaluatorOrProvider"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackNotEvaluatorOrProviderError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["NotExpired"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackNotExpiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["NotMandateJob"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackNotMandateJobError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["NotProvider"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackNotProviderError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["NotSubmitted"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackNotSubmittedError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["PenaltyTooHigh"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackPenaltyTooHighError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["PermitFailed"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackPermitFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ProviderAlreadySet"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackProviderAlreadySetError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ProviderNotAgent"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackProviderNotAgentError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ProviderNotSet"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackProviderNotSetError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ReentrancyGuardReentrantCall"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackReentrancyGuardReentrantCallError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ReviewWindowClosed"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackReviewWindowClosedError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ReviewWindowOpen"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackReviewWindowOpenError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ReviewWindowTooLong"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackReviewWindowTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["SafeERC20FailedOperation"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackSafeERC20FailedOperationError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["StringTooLong"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackStringTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["SubmittedAgreementNotRefundable"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackSubmittedAgreementNotRefundableError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ThresholdTooHigh"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackThresholdTooHighError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ThresholdWithoutValidator"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackThresholdWithoutValidatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["TransferShortfall"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackTransferShortfallError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ValidationAgentMismatch"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackValidationAgentMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ValidationAnswered"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackValidationAnsweredError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ValidationNotFound"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackValidationNotFoundError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ValidationPending"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackValidationPendingError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ValidatorMismatch"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackValidatorMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ValidatorWithoutArbiter"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackValidatorWithoutArbiterError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["WrongStatus"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackWrongStatusError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ZeroAddress"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackZeroAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ZeroBudget"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackZeroBudgetError(raw[4:])
	}
	if bytes.Equal(raw[:4], agentEscrow.abi.Errors["ZeroPrice"].ID.Bytes()[:4]) {
		return agentEscrow.UnpackZeroPriceError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// AgentEscrowAgentIdOutOfRange represents a AgentIdOutOfRange error raised by the AgentEscrow contract.
type AgentEscrowAgentIdOutOfRange struct {
	AgentId *big.Int
	Max     *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AgentIdOutOfRange(uint256 agentId, uint256 max)
func AgentEscrowAgentIdOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x897b359bf01aaebbbbfc65991f0c46d939bee407de78ec1dad1a4edb14009514")
}

// UnpackAgentIdOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AgentIdOutOfRange(uint256 agentId, uint256 max)
func (agentEscrow *AgentEscrow) UnpackAgentIdOutOfRangeError(raw []byte) (*AgentEscrowAgentIdOutOfRange, error) {
	out := new(AgentEscrowAgentIdOutOfRange)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "AgentIdOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowAgreementExpired represents a AgreementExpired error raised by the AgentEscrow contract.
type AgentEscrowAgreementExpired struct {
	Expiry *big.Int
	Now    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AgreementExpired(uint256 expiry, uint256 now)
func AgentEscrowAgreementExpiredErrorID() common.Hash {
	return common.HexToHash("0xcb8f58aebb1cb3e6329bf6f0474e05f0c420c290e9b1d1881b2b50a2d16f2478")
}

// UnpackAgreementExpiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AgreementExpired(uint256 expiry, uint256 now)
func (agentEscrow *AgentEscrow) UnpackAgreementExpiredError(raw []byte) (*AgentEscrowAgreementExpired, error) {
	out := new(AgentEscrowAgreementExpired)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "AgreementExpired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowArbitrationPending represents a ArbitrationPending error raised by the AgentEscrow contract.
type AgentEscrowArbitrationPending struct {
	TimeoutAt *big.Int
	Now       *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ArbitrationPending(uint256 timeoutAt, uint256 now)
func AgentEscrowArbitrationPendingErrorID() common.Hash {
	return common.HexToHash("0x35e1e46b97a60e83d0081340678c10a5c56a2c001c7d9ebeb0dc1b8ca2052c96")
}

// UnpackArbitrationPendingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ArbitrationPending(uint256 timeoutAt, uint256 now)
func (agentEscrow *AgentEscrow) UnpackArbitrationPendingError(raw []byte) (*AgentEscrowArbitrationPending, error) {
	out := new(AgentEscrowArbitrationPending)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ArbitrationPending", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowArbitrationTimedOut represents a ArbitrationTimedOut error raised by the AgentEscrow contract.
type AgentEscrowArbitrationTimedOut struct {
	TimeoutAt *big.Int
	Now       *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ArbitrationTimedOut(uint256 timeoutAt, uint256 now)
func AgentEscrowArbitrationTimedOutErrorID() common.Hash {
	return common.HexToHash("0x1aa22ffd55e581f36344c81e3de6873bb3665d133c5bf103da15ec8228292181")
}

// UnpackArbitrationTimedOutError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ArbitrationTimedOut(uint256 timeoutAt, uint256 now)
func (agentEscrow *AgentEscrow) UnpackArbitrationTimedOutError(raw []byte) (*AgentEscrowArbitrationTimedOut, error) {
	out := new(AgentEscrowArbitrationTimedOut)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ArbitrationTimedOut", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowBpsTooHigh represents a BpsTooHigh error raised by the AgentEscrow contract.
type AgentEscrowBpsTooHigh struct {
	Bps *big.Int
	Max *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BpsTooHigh(uint256 bps, uint256 max)
func AgentEscrowBpsTooHighErrorID() common.Hash {
	return common.HexToHash("0x05279fae86e37a900d3bdb9668d2fea7cf3a9ef885c13482d614348141486c0a")
}

// UnpackBpsTooHighError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BpsTooHigh(uint256 bps, uint256 max)
func (agentEscrow *AgentEscrow) UnpackBpsTooHighError(raw []byte) (*AgentEscrowBpsTooHigh, error) {
	out := new(AgentEscrowBpsTooHigh)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "BpsTooHigh", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowBudgetMismatch represents a BudgetMismatch error raised by the AgentEscrow contract.
type AgentEscrowBudgetMismatch struct {
	Budget   *big.Int
	Expected *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BudgetMismatch(uint256 budget, uint256 expected)
func AgentEscrowBudgetMismatchErrorID() common.Hash {
	return common.HexToHash("0x733580bdd9673e94c0e0116aedc5402eab407ab12d9fc5ea918f64e45a9f4921")
}

// UnpackBudgetMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BudgetMismatch(uint256 budget, uint256 expected)
func (agentEscrow *AgentEscrow) UnpackBudgetMismatchError(raw []byte) (*AgentEscrowBudgetMismatch, error) {
	out := new(AgentEscrowBudgetMismatch)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "BudgetMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowClientIsProvider represents a ClientIsProvider error raised by the AgentEscrow contract.
type AgentEscrowClientIsProvider struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ClientIsProvider(address account)
func AgentEscrowClientIsProviderErrorID() common.Hash {
	return common.HexToHash("0x7ec666713e8ea7140b2275e5f95deb1326343bfcab997080ece363eab37372d3")
}

// UnpackClientIsProviderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ClientIsProvider(address account)
func (agentEscrow *AgentEscrow) UnpackClientIsProviderError(raw []byte) (*AgentEscrowClientIsProvider, error) {
	out := new(AgentEscrowClientIsProvider)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ClientIsProvider", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowDeliveryAfterExpiry represents a DeliveryAfterExpiry error raised by the AgentEscrow contract.
type AgentEscrowDeliveryAfterExpiry struct {
	DeliveryDeadline *big.Int
	ExpiredAt        *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DeliveryAfterExpiry(uint256 deliveryDeadline, uint256 expiredAt)
func AgentEscrowDeliveryAfterExpiryErrorID() common.Hash {
	return common.HexToHash("0x250965c4cceecb776172bc244eca3e47d9ec97f8b7b5b6f46c4e11feb8f381d4")
}

// UnpackDeliveryAfterExpiryError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DeliveryAfterExpiry(uint256 deliveryDeadline, uint256 expiredAt)
func (agentEscrow *AgentEscrow) UnpackDeliveryAfterExpiryError(raw []byte) (*AgentEscrowDeliveryAfterExpiry, error) {
	out := new(AgentEscrowDeliveryAfterExpiry)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "DeliveryAfterExpiry", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowDeliveryDeadlinePassed represents a DeliveryDeadlinePassed error raised by the AgentEscrow contract.
type AgentEscrowDeliveryDeadlinePassed struct {
	DeliveryDeadline *big.Int
	Now              *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DeliveryDeadlinePassed(uint256 deliveryDeadline, uint256 now)
func AgentEscrowDeliveryDeadlinePassedErrorID() common.Hash {
	return common.HexToHash("0x3c9a8d05f04c3229db1a8bf5b26eb9aa98ba129e4a53dd9f3aabbc2b3dd71589")
}

// UnpackDeliveryDeadlinePassedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DeliveryDeadlinePassed(uint256 deliveryDeadline, uint256 now)
func (agentEscrow *AgentEscrow) UnpackDeliveryDeadlinePassedError(raw []byte) (*AgentEscrowDeliveryDeadlinePassed, error) {
	out := new(AgentEscrowDeliveryDeadlinePassed)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "DeliveryDeadlinePassed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowExpiryNotInFuture represents a ExpiryNotInFuture error raised by the AgentEscrow contract.
type AgentEscrowExpiryNotInFuture struct {
	ExpiredAt *big.Int
	Now       *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ExpiryNotInFuture(uint256 expiredAt, uint256 now)
func AgentEscrowExpiryNotInFutureErrorID() common.Hash {
	return common.HexToHash("0xe5df2bc5ebf6f9519a2c4c063e7f3aabaaa064302697faa4000a67f749c388b2")
}

// UnpackExpiryNotInFutureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ExpiryNotInFuture(uint256 expiredAt, uint256 now)
func (agentEscrow *AgentEscrow) UnpackExpiryNotInFutureError(raw []byte) (*AgentEscrowExpiryNotInFuture, error) {
	out := new(AgentEscrowExpiryNotInFuture)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ExpiryNotInFuture", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowExpiryOutOfRange represents a ExpiryOutOfRange error raised by the AgentEscrow contract.
type AgentEscrowExpiryOutOfRange struct {
	ExpiredAt *big.Int
	Max       *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ExpiryOutOfRange(uint256 expiredAt, uint256 max)
func AgentEscrowExpiryOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x8b24d3a69e17bab423c82e67bd663c8dd4e41b2bec49704e9ed61ad589ae0ff7")
}

// UnpackExpiryOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ExpiryOutOfRange(uint256 expiredAt, uint256 max)
func (agentEscrow *AgentEscrow) UnpackExpiryOutOfRangeError(raw []byte) (*AgentEscrowExpiryOutOfRange, error) {
	out := new(AgentEscrowExpiryOutOfRange)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ExpiryOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowFeeTooHigh represents a FeeTooHigh error raised by the AgentEscrow contract.
type AgentEscrowFeeTooHigh struct {
	FeeBps *big.Int
	Max    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error FeeTooHigh(uint256 feeBps, uint256 max)
func AgentEscrowFeeTooHighErrorID() common.Hash {
	return common.HexToHash("0xe757126a89ba5140023477c243d17c34ca7467d317e5523eafa819ff2931905a")
}

// UnpackFeeTooHighError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error FeeTooHigh(uint256 feeBps, uint256 max)
func (agentEscrow *AgentEscrow) UnpackFeeTooHighError(raw []byte) (*AgentEscrowFeeTooHigh, error) {
	out := new(AgentEscrowFeeTooHigh)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "FeeTooHigh", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowHooksNotSupported represents a HooksNotSupported error raised by the AgentEscrow contract.
type AgentEscrowHooksNotSupported struct {
	Hook common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error HooksNotSupported(address hook)
func AgentEscrowHooksNotSupportedErrorID() common.Hash {
	return common.HexToHash("0xd4ece54729788e431fe008b3dfbe1549f91a6378b5d9e12cddc552b1e95b02ed")
}

// UnpackHooksNotSupportedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error HooksNotSupported(address hook)
func (agentEscrow *AgentEscrow) UnpackHooksNotSupportedError(raw []byte) (*AgentEscrowHooksNotSupported, error) {
	out := new(AgentEscrowHooksNotSupported)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "HooksNotSupported", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowInvalidShortString represents a InvalidShortString error raised by the AgentEscrow contract.
type AgentEscrowInvalidShortString struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidShortString()
func AgentEscrowInvalidShortStringErrorID() common.Hash {
	return common.HexToHash("0xb3512b0c6163e5f0bafab72bb631b9d58cd7a731b082f910338aa21c83d5c274")
}

// UnpackInvalidShortStringError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidShortString()
func (agentEscrow *AgentEscrow) UnpackInvalidShortStringError(raw []byte) (*AgentEscrowInvalidShortString, error) {
	out := new(AgentEscrowInvalidShortString)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "InvalidShortString", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowInvalidSignature represents a InvalidSignature error raised by the AgentEscrow contract.
type AgentEscrowInvalidSignature struct {
	Signer common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSignature(address signer)
func AgentEscrowInvalidSignatureErrorID() common.Hash {
	return common.HexToHash("0xd855c4f4d7a9aef9d1b6f49c25339cf5cd471e30830c8071f7b5024985e5abcd")
}

// UnpackInvalidSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSignature(address signer)
func (agentEscrow *AgentEscrow) UnpackInvalidSignatureError(raw []byte) (*AgentEscrowInvalidSignature, error) {
	out := new(AgentEscrowInvalidSignature)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "InvalidSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowJobNotFound represents a JobNotFound error raised by the AgentEscrow contract.
type AgentEscrowJobNotFound struct {
	JobId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error JobNotFound(uint256 jobId)
func AgentEscrowJobNotFoundErrorID() common.Hash {
	return common.HexToHash("0x50c83b95127a798ba9a3cc9005cf8723a60cccb7b73e46735574acf873273bbc")
}

// UnpackJobNotFoundError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error JobNotFound(uint256 jobId)
func (agentEscrow *AgentEscrow) UnpackJobNotFoundError(raw []byte) (*AgentEscrowJobNotFound, error) {
	out := new(AgentEscrowJobNotFound)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "JobNotFound", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowJobPastExpiry represents a JobPastExpiry error raised by the AgentEscrow contract.
type AgentEscrowJobPastExpiry struct {
	ExpiredAt *big.Int
	Now       *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error JobPastExpiry(uint256 expiredAt, uint256 now)
func AgentEscrowJobPastExpiryErrorID() common.Hash {
	return common.HexToHash("0x577d808d482f213c86af84d194be633b28a886a8936b338f59f7ddafff8de216")
}

// UnpackJobPastExpiryError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error JobPastExpiry(uint256 expiredAt, uint256 now)
func (agentEscrow *AgentEscrow) UnpackJobPastExpiryError(raw []byte) (*AgentEscrowJobPastExpiry, error) {
	out := new(AgentEscrowJobPastExpiry)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "JobPastExpiry", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowNoArbiter represents a NoArbiter error raised by the AgentEscrow contract.
type AgentEscrowNoArbiter struct {
	JobId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoArbiter(uint256 jobId)
func AgentEscrowNoArbiterErrorID() common.Hash {
	return common.HexToHash("0xd38f8824ec013d1c694e80ccb8764e91c1170b384fddfc8a5c3ba59d6fc2126c")
}

// UnpackNoArbiterError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoArbiter(uint256 jobId)
func (agentEscrow *AgentEscrow) UnpackNoArbiterError(raw []byte) (*AgentEscrowNoArbiter, error) {
	out := new(AgentEscrowNoArbiter)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "NoArbiter", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowNoValidator represents a NoValidator error raised by the AgentEscrow contract.
type AgentEscrowNoValidator struct {
	JobId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoValidator(uint256 jobId)
func AgentEscrowNoValidatorErrorID() common.Hash {
	return common.HexToHash("0x1e966c8e2b8f1af027b506a2c88e8e34dd9d49515f4be5ee25edfef8e593e8b0")
}

// UnpackNoValidatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoValidator(uint256 jobId)
func (agentEscrow *AgentEscrow) UnpackNoValidatorError(raw []byte) (*AgentEscrowNoValidator, error) {
	out := new(AgentEscrowNoValidator)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "NoValidator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowNonceAlreadyUsed represents a NonceAlreadyUsed error raised by the AgentEscrow contract.
type AgentEscrowNonceAlreadyUsed struct {
	Signer common.Address
	Nonce  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NonceAlreadyUsed(address signer, uint256 nonce)
func AgentEscrowNonceAlreadyUsedErrorID() common.Hash {
	return common.HexToHash("0xe90aded4c9591550d967c43fa1aa084b7c54233fc935ae093a53dd8e96de6f90")
}

// UnpackNonceAlreadyUsedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NonceAlreadyUsed(address signer, uint256 nonce)
func (agentEscrow *AgentEscrow) UnpackNonceAlreadyUsedError(raw []byte) (*AgentEscrowNonceAlreadyUsed, error) {
	out := new(AgentEscrowNonceAlreadyUsed)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "NonceAlreadyUsed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowNotAgreementJob represents a NotAgreementJob error raised by the AgentEscrow contract.
type AgentEscrowNotAgreementJob struct {
	JobId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotAgreementJob(uint256 jobId)
func AgentEscrowNotAgreementJobErrorID() common.Hash {
	return common.HexToHash("0x8093a605dcab45dc26c881d7761e3a3cb9c6964a946dce19a6e3ad167806f552")
}

// UnpackNotAgreementJobError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotAgreementJob(uint256 jobId)
func (agentEscrow *AgentEscrow) UnpackNotAgreementJobError(raw []byte) (*AgentEscrowNotAgreementJob, error) {
	out := new(AgentEscrowNotAgreementJob)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "NotAgreementJob", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowNotArbiter represents a NotArbiter error raised by the AgentEscrow contract.
type AgentEscrowNotArbiter struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotArbiter(address caller)
func AgentEscrowNotArbiterErrorID() common.Hash {
	return common.HexToHash("0x720c75c28bf729d07d907a7cb2128014dd379623a8d7da4275d1c2374b21e016")
}

// UnpackNotArbiterError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotArbiter(address caller)
func (agentEscrow *AgentEscrow) UnpackNotArbiterError(raw []byte) (*AgentEscrowNotArbiter, error) {
	out := new(AgentEscrowNotArbiter)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "NotArbiter", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowNotClient represents a NotClient error raised by the AgentEscrow contract.
type AgentEscrowNotClient struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotClient(address caller)
func AgentEscrowNotClientErrorID() common.Hash {
	return common.HexToHash("0x8ccfb289fc1d1f7428a8827394f1b1d51db753f181a492c2f6f4e6ed29368ddd")
}

// UnpackNotClientError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotClient(address caller)
func (agentEscrow *AgentEscrow) UnpackNotClientError(raw []byte) (*AgentEscrowNotClient, error) {
	out := new(AgentEscrowNotClient)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "NotClient", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowNotClientOrArbiter represents a NotClientOrArbiter error raised by the AgentEscrow contract.
type AgentEscrowNotClientOrArbiter struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotClientOrArbiter(address caller)
func AgentEscrowNotClientOrArbiterErrorID() common.Hash {
	return common.HexToHash("0x3556cd226e6a9fc9952fb7189547a3c462fc94034d6f7e601f8bf26c586b1653")
}

// UnpackNotClientOrArbiterError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotClientOrArbiter(address caller)
func (agentEscrow *AgentEscrow) UnpackNotClientOrArbiterError(raw []byte) (*AgentEscrowNotClientOrArbiter, error) {
	out := new(AgentEscrowNotClientOrArbiter)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "NotClientOrArbiter", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowNotClientOrProvider represents a NotClientOrProvider error raised by the AgentEscrow contract.
type AgentEscrowNotClientOrProvider struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotClientOrProvider(address caller)
func AgentEscrowNotClientOrProviderErrorID() common.Hash {
	return common.HexToHash("0x089606084ae4ae44861b6aa5a3aba56a2b68e95788222ddda52bc716835d425d")
}

// UnpackNotClientOrProviderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotClientOrProvider(address caller)
func (agentEscrow *AgentEscrow) UnpackNotClientOrProviderError(raw []byte) (*AgentEscrowNotClientOrProvider, error) {
	out := new(AgentEscrowNotClientOrProvider)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "NotClientOrProvider", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowNotEvaluator represents a NotEvaluator error raised by the AgentEscrow contract.
type AgentEscrowNotEvaluator struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotEvaluator(address caller)
func AgentEscrowNotEvaluatorErrorID() common.Hash {
	return common.HexToHash("0x41d955c6c245852fe63a45470053bcaae62167a3e2182f484d5f5047ef3d6dcb")
}

// UnpackNotEvaluatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotEvaluator(address caller)
func (agentEscrow *AgentEscrow) UnpackNotEvaluatorError(raw []byte) (*AgentEscrowNotEvaluator, error) {
	out := new(AgentEscrowNotEvaluator)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "NotEvaluator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowNotEvaluatorOrProvider represents a NotEvaluatorOrProvider error raised by the AgentEscrow contract.
type AgentEscrowNotEvaluatorOrProvider struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotEvaluatorOrProvider(address caller)
func AgentEscrowNotEvaluatorOrProviderErrorID() common.Hash {
	return common.HexToHash("0x2f9606b793e196ca2a7dc57429405f1be8024fcbdce7afde92b2c58eb4b290e7")
}

// UnpackNotEvaluatorOrProviderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotEvaluatorOrProvider(address caller)
func (agentEscrow *AgentEscrow) UnpackNotEvaluatorOrProviderError(raw []byte) (*AgentEscrowNotEvaluatorOrProvider, error) {
	out := new(AgentEscrowNotEvaluatorOrProvider)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "NotEvaluatorOrProvider", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowNotExpired represents a NotExpired error raised by the AgentEscrow contract.
type AgentEscrowNotExpired struct {
	ExpiredAt *big.Int
	Now       *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotExpired(uint256 expiredAt, uint256 now)
func AgentEscrowNotExpiredErrorID() common.Hash {
	return common.HexToHash("0xd05c31dc7df4bbc3cccceec6446e01bfaa4af4aa86fd0e515f9a5b1abf27dfc4")
}

// UnpackNotExpiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotExpired(uint256 expiredAt, uint256 now)
func (agentEscrow *AgentEscrow) UnpackNotExpiredError(raw []byte) (*AgentEscrowNotExpired, error) {
	out := new(AgentEscrowNotExpired)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "NotExpired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowNotMandateJob represents a NotMandateJob error raised by the AgentEscrow contract.
type AgentEscrowNotMandateJob struct {
	JobId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotMandateJob(uint256 jobId)
func AgentEscrowNotMandateJobErrorID() common.Hash {
	return common.HexToHash("0x00b931d4058e4dc2670087f558f6c153587ef44cd033915bca9d564e30e39e81")
}

// UnpackNotMandateJobError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotMandateJob(uint256 jobId)
func (agentEscrow *AgentEscrow) UnpackNotMandateJobError(raw []byte) (*AgentEscrowNotMandateJob, error) {
	out := new(AgentEscrowNotMandateJob)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "NotMandateJob", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowNotProvider represents a NotProvider error raised by the AgentEscrow contract.
type AgentEscrowNotProvider struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotProvider(address caller)
func AgentEscrowNotProviderErrorID() common.Hash {
	return common.HexToHash("0x1bd2224f47bf32854983ee16847394426ab18eae693119e80eb952977965d64a")
}

// UnpackNotProviderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotProvider(address caller)
func (agentEscrow *AgentEscrow) UnpackNotProviderError(raw []byte) (*AgentEscrowNotProvider, error) {
	out := new(AgentEscrowNotProvider)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "NotProvider", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowNotSubmitted represents a NotSubmitted error raised by the AgentEscrow contract.
type AgentEscrowNotSubmitted struct {
	JobId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotSubmitted(uint256 jobId)
func AgentEscrowNotSubmittedErrorID() common.Hash {
	return common.HexToHash("0xefd6913ed36cad1e2ecb6a4076f2560e913328e2977c409e34ffcf8bc4fbbc9d")
}

// UnpackNotSubmittedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotSubmitted(uint256 jobId)
func (agentEscrow *AgentEscrow) UnpackNotSubmittedError(raw []byte) (*AgentEscrowNotSubmitted, error) {
	out := new(AgentEscrowNotSubmitted)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "NotSubmitted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowOwnableInvalidOwner represents a OwnableInvalidOwner error raised by the AgentEscrow contract.
type AgentEscrowOwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func AgentEscrowOwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (agentEscrow *AgentEscrow) UnpackOwnableInvalidOwnerError(raw []byte) (*AgentEscrowOwnableInvalidOwner, error) {
	out := new(AgentEscrowOwnableInvalidOwner)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowOwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the AgentEscrow contract.
type AgentEscrowOwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func AgentEscrowOwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (agentEscrow *AgentEscrow) UnpackOwnableUnauthorizedAccountError(raw []byte) (*AgentEscrowOwnableUnauthorizedAccount, error) {
	out := new(AgentEscrowOwnableUnauthorizedAccount)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowPenaltyTooHigh represents a PenaltyTooHigh error raised by the AgentEscrow contract.
type AgentEscrowPenaltyTooHigh struct {
	LatePenaltyBps *big.Int
	Max            *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PenaltyTooHigh(uint256 latePenaltyBps, uint256 max)
func AgentEscrowPenaltyTooHighErrorID() common.Hash {
	return common.HexToHash("0xaf4ba45247206817259cc40ddc392fc50a3f44c3e5a4e6b251fffdff05945eea")
}

// UnpackPenaltyTooHighError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PenaltyTooHigh(uint256 latePenaltyBps, uint256 max)
func (agentEscrow *AgentEscrow) UnpackPenaltyTooHighError(raw []byte) (*AgentEscrowPenaltyTooHigh, error) {
	out := new(AgentEscrowPenaltyTooHigh)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "PenaltyTooHigh", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowPermitFailed represents a PermitFailed error raised by the AgentEscrow contract.
type AgentEscrowPermitFailed struct {
	Token     common.Address
	Owner     common.Address
	Allowance *big.Int
	Needed    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PermitFailed(address token, address owner, uint256 allowance, uint256 needed)
func AgentEscrowPermitFailedErrorID() common.Hash {
	return common.HexToHash("0xe0c05ca8593ec5d492bc92208c10493ff83fd924200981f7e62ff0daf7ae312b")
}

// UnpackPermitFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PermitFailed(address token, address owner, uint256 allowance, uint256 needed)
func (agentEscrow *AgentEscrow) UnpackPermitFailedError(raw []byte) (*AgentEscrowPermitFailed, error) {
	out := new(AgentEscrowPermitFailed)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "PermitFailed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowProviderAlreadySet represents a ProviderAlreadySet error raised by the AgentEscrow contract.
type AgentEscrowProviderAlreadySet struct {
	Provider common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ProviderAlreadySet(address provider)
func AgentEscrowProviderAlreadySetErrorID() common.Hash {
	return common.HexToHash("0x55292df0ed903dc663c1a9bcf238180b5a5886e5998a1e967eacddded000aa55")
}

// UnpackProviderAlreadySetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ProviderAlreadySet(address provider)
func (agentEscrow *AgentEscrow) UnpackProviderAlreadySetError(raw []byte) (*AgentEscrowProviderAlreadySet, error) {
	out := new(AgentEscrowProviderAlreadySet)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ProviderAlreadySet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowProviderNotAgent represents a ProviderNotAgent error raised by the AgentEscrow contract.
type AgentEscrowProviderNotAgent struct {
	AgentId  *big.Int
	Provider common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ProviderNotAgent(uint256 agentId, address provider)
func AgentEscrowProviderNotAgentErrorID() common.Hash {
	return common.HexToHash("0xb7d8ba8d593d0d56d6816f98734ecdfe7a26c534f0c803cf51b647b9adf947de")
}

// UnpackProviderNotAgentError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ProviderNotAgent(uint256 agentId, address provider)
func (agentEscrow *AgentEscrow) UnpackProviderNotAgentError(raw []byte) (*AgentEscrowProviderNotAgent, error) {
	out := new(AgentEscrowProviderNotAgent)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ProviderNotAgent", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowProviderNotSet represents a ProviderNotSet error raised by the AgentEscrow contract.
type AgentEscrowProviderNotSet struct {
	JobId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ProviderNotSet(uint256 jobId)
func AgentEscrowProviderNotSetErrorID() common.Hash {
	return common.HexToHash("0xe9dab5e95b38f4257e4e50e70f99a71d79b3b7211505ef4219dbbcfce54e7197")
}

// UnpackProviderNotSetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ProviderNotSet(uint256 jobId)
func (agentEscrow *AgentEscrow) UnpackProviderNotSetError(raw []byte) (*AgentEscrowProviderNotSet, error) {
	out := new(AgentEscrowProviderNotSet)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ProviderNotSet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowReentrancyGuardReentrantCall represents a ReentrancyGuardReentrantCall error raised by the AgentEscrow contract.
type AgentEscrowReentrancyGuardReentrantCall struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReentrancyGuardReentrantCall()
func AgentEscrowReentrancyGuardReentrantCallErrorID() common.Hash {
	return common.HexToHash("0x3ee5aeb571de7fc460830b4d0017439a1ca56fb0bc39062227ade4fe4a24c1ca")
}

// UnpackReentrancyGuardReentrantCallError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReentrancyGuardReentrantCall()
func (agentEscrow *AgentEscrow) UnpackReentrancyGuardReentrantCallError(raw []byte) (*AgentEscrowReentrancyGuardReentrantCall, error) {
	out := new(AgentEscrowReentrancyGuardReentrantCall)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ReentrancyGuardReentrantCall", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowReviewWindowClosed represents a ReviewWindowClosed error raised by the AgentEscrow contract.
type AgentEscrowReviewWindowClosed struct {
	EndsAt *big.Int
	Now    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReviewWindowClosed(uint256 endsAt, uint256 now)
func AgentEscrowReviewWindowClosedErrorID() common.Hash {
	return common.HexToHash("0xbcfb82a6b4132e7827ac45213d5c7f0ae0368c428fcb585a89463019becb1d66")
}

// UnpackReviewWindowClosedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReviewWindowClosed(uint256 endsAt, uint256 now)
func (agentEscrow *AgentEscrow) UnpackReviewWindowClosedError(raw []byte) (*AgentEscrowReviewWindowClosed, error) {
	out := new(AgentEscrowReviewWindowClosed)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ReviewWindowClosed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowReviewWindowOpen represents a ReviewWindowOpen error raised by the AgentEscrow contract.
type AgentEscrowReviewWindowOpen struct {
	EndsAt *big.Int
	Now    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReviewWindowOpen(uint256 endsAt, uint256 now)
func AgentEscrowReviewWindowOpenErrorID() common.Hash {
	return common.HexToHash("0x9569a17adabf5b9b5b7b7fdd8d1745ac34c6b95d4be5a7e94ed780573eee4824")
}

// UnpackReviewWindowOpenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReviewWindowOpen(uint256 endsAt, uint256 now)
func (agentEscrow *AgentEscrow) UnpackReviewWindowOpenError(raw []byte) (*AgentEscrowReviewWindowOpen, error) {
	out := new(AgentEscrowReviewWindowOpen)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ReviewWindowOpen", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowReviewWindowTooLong represents a ReviewWindowTooLong error raised by the AgentEscrow contract.
type AgentEscrowReviewWindowTooLong struct {
	ReviewWindow *big.Int
	Max          *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReviewWindowTooLong(uint256 reviewWindow, uint256 max)
func AgentEscrowReviewWindowTooLongErrorID() common.Hash {
	return common.HexToHash("0x495616b760feb29b222c28fabbde6a7a0e8500bf822c300a8dbcd9d073748055")
}

// UnpackReviewWindowTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReviewWindowTooLong(uint256 reviewWindow, uint256 max)
func (agentEscrow *AgentEscrow) UnpackReviewWindowTooLongError(raw []byte) (*AgentEscrowReviewWindowTooLong, error) {
	out := new(AgentEscrowReviewWindowTooLong)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ReviewWindowTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowSafeERC20FailedOperation represents a SafeERC20FailedOperation error raised by the AgentEscrow contract.
type AgentEscrowSafeERC20FailedOperation struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeERC20FailedOperation(address token)
func AgentEscrowSafeERC20FailedOperationErrorID() common.Hash {
	return common.HexToHash("0x5274afe73c98b4749fc91ffae6b7b574e7842cb2144a159e9377a5f20b32edf9")
}

// UnpackSafeERC20FailedOperationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeERC20FailedOperation(address token)
func (agentEscrow *AgentEscrow) UnpackSafeERC20FailedOperationError(raw []byte) (*AgentEscrowSafeERC20FailedOperation, error) {
	out := new(AgentEscrowSafeERC20FailedOperation)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "SafeERC20FailedOperation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowStringTooLong represents a StringTooLong error raised by the AgentEscrow contract.
type AgentEscrowStringTooLong struct {
	Str string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StringTooLong(string str)
func AgentEscrowStringTooLongErrorID() common.Hash {
	return common.HexToHash("0x305a27a93f8e33b7392df0a0f91d6fc63847395853c45991eec52dbf24d72381")
}

// UnpackStringTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StringTooLong(string str)
func (agentEscrow *AgentEscrow) UnpackStringTooLongError(raw []byte) (*AgentEscrowStringTooLong, error) {
	out := new(AgentEscrowStringTooLong)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "StringTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowSubmittedAgreementNotRefundable represents a SubmittedAgreementNotRefundable error raised by the AgentEscrow contract.
type AgentEscrowSubmittedAgreementNotRefundable struct {
	JobId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SubmittedAgreementNotRefundable(uint256 jobId)
func AgentEscrowSubmittedAgreementNotRefundableErrorID() common.Hash {
	return common.HexToHash("0x302fbd7bcf85bf1cff2a5ab882bb28d1338c7cfb5c78c5962d4af0f274f1ea60")
}

// UnpackSubmittedAgreementNotRefundableError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SubmittedAgreementNotRefundable(uint256 jobId)
func (agentEscrow *AgentEscrow) UnpackSubmittedAgreementNotRefundableError(raw []byte) (*AgentEscrowSubmittedAgreementNotRefundable, error) {
	out := new(AgentEscrowSubmittedAgreementNotRefundable)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "SubmittedAgreementNotRefundable", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowThresholdTooHigh represents a ThresholdTooHigh error raised by the AgentEscrow contract.
type AgentEscrowThresholdTooHigh struct {
	Threshold uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ThresholdTooHigh(uint8 threshold)
func AgentEscrowThresholdTooHighErrorID() common.Hash {
	return common.HexToHash("0x7e57fc84ffce9a27f276c3fbfaf785d0d7841039ad734a93af4014f463dae822")
}

// UnpackThresholdTooHighError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ThresholdTooHigh(uint8 threshold)
func (agentEscrow *AgentEscrow) UnpackThresholdTooHighError(raw []byte) (*AgentEscrowThresholdTooHigh, error) {
	out := new(AgentEscrowThresholdTooHigh)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ThresholdTooHigh", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowThresholdWithoutValidator represents a ThresholdWithoutValidator error raised by the AgentEscrow contract.
type AgentEscrowThresholdWithoutValidator struct {
	Threshold uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ThresholdWithoutValidator(uint8 threshold)
func AgentEscrowThresholdWithoutValidatorErrorID() common.Hash {
	return common.HexToHash("0x5b673d792eb05a6da6bf71ea7ae6527c526113d9ca3fbe6f60bd158969e4556e")
}

// UnpackThresholdWithoutValidatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ThresholdWithoutValidator(uint8 threshold)
func (agentEscrow *AgentEscrow) UnpackThresholdWithoutValidatorError(raw []byte) (*AgentEscrowThresholdWithoutValidator, error) {
	out := new(AgentEscrowThresholdWithoutValidator)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ThresholdWithoutValidator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowTransferShortfall represents a TransferShortfall error raised by the AgentEscrow contract.
type AgentEscrowTransferShortfall struct {
	Expected *big.Int
	Received *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TransferShortfall(uint256 expected, uint256 received)
func AgentEscrowTransferShortfallErrorID() common.Hash {
	return common.HexToHash("0xaea7b7c04c93d58a8227f091c480b259c14bdbdf958a933c1fc9a3a2d7265654")
}

// UnpackTransferShortfallError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TransferShortfall(uint256 expected, uint256 received)
func (agentEscrow *AgentEscrow) UnpackTransferShortfallError(raw []byte) (*AgentEscrowTransferShortfall, error) {
	out := new(AgentEscrowTransferShortfall)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "TransferShortfall", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowValidationAgentMismatch represents a ValidationAgentMismatch error raised by the AgentEscrow contract.
type AgentEscrowValidationAgentMismatch struct {
	Expected *big.Int
	Actual   *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ValidationAgentMismatch(uint256 expected, uint256 actual)
func AgentEscrowValidationAgentMismatchErrorID() common.Hash {
	return common.HexToHash("0xe474a924861e2096d44ab80556f80193e7d5e9672606feebf9f92037314e79f4")
}

// UnpackValidationAgentMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ValidationAgentMismatch(uint256 expected, uint256 actual)
func (agentEscrow *AgentEscrow) UnpackValidationAgentMismatchError(raw []byte) (*AgentEscrowValidationAgentMismatch, error) {
	out := new(AgentEscrowValidationAgentMismatch)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ValidationAgentMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowValidationAnswered represents a ValidationAnswered error raised by the AgentEscrow contract.
type AgentEscrowValidationAnswered struct {
	RequestHash [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ValidationAnswered(bytes32 requestHash)
func AgentEscrowValidationAnsweredErrorID() common.Hash {
	return common.HexToHash("0xbcbd4f30dd01b5d5d7e57aa5c8d5c6cf9be02847b4b4be3d52e8c0ba9d713c15")
}

// UnpackValidationAnsweredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ValidationAnswered(bytes32 requestHash)
func (agentEscrow *AgentEscrow) UnpackValidationAnsweredError(raw []byte) (*AgentEscrowValidationAnswered, error) {
	out := new(AgentEscrowValidationAnswered)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ValidationAnswered", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowValidationNotFound represents a ValidationNotFound error raised by the AgentEscrow contract.
type AgentEscrowValidationNotFound struct {
	RequestHash [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ValidationNotFound(bytes32 requestHash)
func AgentEscrowValidationNotFoundErrorID() common.Hash {
	return common.HexToHash("0x982fdefcd177b1dda6981f2661cd00ba60ea9fdad2fdc493d408fa58ee70c627")
}

// UnpackValidationNotFoundError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ValidationNotFound(bytes32 requestHash)
func (agentEscrow *AgentEscrow) UnpackValidationNotFoundError(raw []byte) (*AgentEscrowValidationNotFound, error) {
	out := new(AgentEscrowValidationNotFound)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ValidationNotFound", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowValidationPending represents a ValidationPending error raised by the AgentEscrow contract.
type AgentEscrowValidationPending struct {
	RequestHash [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ValidationPending(bytes32 requestHash)
func AgentEscrowValidationPendingErrorID() common.Hash {
	return common.HexToHash("0x860263f8a2fbe31b4517e839661a16e5f868e90aaf86758e2055655072f4a825")
}

// UnpackValidationPendingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ValidationPending(bytes32 requestHash)
func (agentEscrow *AgentEscrow) UnpackValidationPendingError(raw []byte) (*AgentEscrowValidationPending, error) {
	out := new(AgentEscrowValidationPending)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ValidationPending", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowValidatorMismatch represents a ValidatorMismatch error raised by the AgentEscrow contract.
type AgentEscrowValidatorMismatch struct {
	Expected common.Address
	Actual   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ValidatorMismatch(address expected, address actual)
func AgentEscrowValidatorMismatchErrorID() common.Hash {
	return common.HexToHash("0xb3724647ac069d0b9aa66a68617979a109368efd3d8b1536657c7c8351fc63bb")
}

// UnpackValidatorMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ValidatorMismatch(address expected, address actual)
func (agentEscrow *AgentEscrow) UnpackValidatorMismatchError(raw []byte) (*AgentEscrowValidatorMismatch, error) {
	out := new(AgentEscrowValidatorMismatch)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ValidatorMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowValidatorWithoutArbiter represents a ValidatorWithoutArbiter error raised by the AgentEscrow contract.
type AgentEscrowValidatorWithoutArbiter struct {
	Validator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ValidatorWithoutArbiter(address validator)
func AgentEscrowValidatorWithoutArbiterErrorID() common.Hash {
	return common.HexToHash("0x4642a4af0b6ed78fce0a156ea3e631410cf68fba75fb98187391fae08f08b8a6")
}

// UnpackValidatorWithoutArbiterError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ValidatorWithoutArbiter(address validator)
func (agentEscrow *AgentEscrow) UnpackValidatorWithoutArbiterError(raw []byte) (*AgentEscrowValidatorWithoutArbiter, error) {
	out := new(AgentEscrowValidatorWithoutArbiter)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ValidatorWithoutArbiter", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowWrongStatus represents a WrongStatus error raised by the AgentEscrow contract.
type AgentEscrowWrongStatus struct {
	JobId  *big.Int
	Status uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongStatus(uint256 jobId, uint8 status)
func AgentEscrowWrongStatusErrorID() common.Hash {
	return common.HexToHash("0xa5d15e1f94e40302e3f7050760870a95f04eb9d943cd2cb333833178258083d6")
}

// UnpackWrongStatusError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongStatus(uint256 jobId, uint8 status)
func (agentEscrow *AgentEscrow) UnpackWrongStatusError(raw []byte) (*AgentEscrowWrongStatus, error) {
	out := new(AgentEscrowWrongStatus)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "WrongStatus", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowZeroAddress represents a ZeroAddress error raised by the AgentEscrow contract.
type AgentEscrowZeroAddress struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddress()
func AgentEscrowZeroAddressErrorID() common.Hash {
	return common.HexToHash("0xd92e233df2717d4a40030e20904abd27b68fcbeede117eaaccbbdac9618c8c73")
}

// UnpackZeroAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddress()
func (agentEscrow *AgentEscrow) UnpackZeroAddressError(raw []byte) (*AgentEscrowZeroAddress, error) {
	out := new(AgentEscrowZeroAddress)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ZeroAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowZeroBudget represents a ZeroBudget error raised by the AgentEscrow contract.
type AgentEscrowZeroBudget struct {
	JobId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroBudget(uint256 jobId)
func AgentEscrowZeroBudgetErrorID() common.Hash {
	return common.HexToHash("0x5306ea0a7b6b4a93833d1e0f4b72feac473847710cf06ae53df15f4ee6c622f4")
}

// UnpackZeroBudgetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroBudget(uint256 jobId)
func (agentEscrow *AgentEscrow) UnpackZeroBudgetError(raw []byte) (*AgentEscrowZeroBudget, error) {
	out := new(AgentEscrowZeroBudget)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ZeroBudget", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AgentEscrowZeroPrice represents a ZeroPrice error raised by the AgentEscrow contract.
type AgentEscrowZeroPrice struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroPrice()
func AgentEscrowZeroPriceErrorID() common.Hash {
	return common.HexToHash("0x4dfba023c19aaad0ad1005b8a52f2ae0c7a1acb3f45ecd31562b980620d65f93")
}

// UnpackZeroPriceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroPrice()
func (agentEscrow *AgentEscrow) UnpackZeroPriceError(raw []byte) (*AgentEscrowZeroPrice, error) {
	out := new(AgentEscrowZeroPrice)
	if err := agentEscrow.abi.UnpackIntoInterface(out, "ZeroPrice", raw); err != nil {
		return nil, err
	}
	return out, nil
}
