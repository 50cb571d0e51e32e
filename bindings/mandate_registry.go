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

// IMandateRegistryMandateTerms is an auto generated low-level Go binding around an user-defined struct.
type IMandateRegistryMandateTerms struct {
	Principal     common.Address
	AgentId       *big.Int
	Agent         common.Address
	Token         common.Address
	MaxPerJob     *big.Int
	Budget        *big.Int
	Period        uint64
	ValidAfter    uint64
	ValidUntil    uint64
	Payees        []*big.Int
	Specs         [][32]byte
	Approvers     []common.Address
	Quorum        uint8
	EscalateAbove *big.Int
	QuorumHigh    uint8
	TimelockAbove *big.Int
	Timelock      uint64
}

// IMandateRegistryMandateView is an auto generated low-level Go binding around an user-defined struct.
type IMandateRegistryMandateView struct {
	Principal     common.Address
	AgentId       *big.Int
	Agent         common.Address
	Token         common.Address
	MaxPerJob     *big.Int
	Budget        *big.Int
	Period        uint64
	ValidAfter    uint64
	ValidUntil    uint64
	AnyPayee      bool
	AnySpec       bool
	Quorum        uint8
	QuorumHigh    uint8
	ApproverCount uint8
	EscalateAbove *big.Int
	TimelockAbove *big.Int
	Timelock      uint64
	Revoked       bool
	Spent         *big.Int
	PeriodIndex   uint32
}

// MandateRegistryMetaData contains all meta data concerning the MandateRegistry contract.
var MandateRegistryMetaData = bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"identityRegistry_\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"escrow_\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"MANDATE_APPROVAL_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MANDATE_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_APPROVERS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MIN_PERIOD\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"approvals\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"agreementHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"count\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"lastAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"approve\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"agreementHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"approveWithSig\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"agreementHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"approver\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"deadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"signature\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"approversOf\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"address[]\",\"internalType\":\"address[]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"checkTermination\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"principal\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"eip712Domain\",\"inputs\":[],\"outputs\":[{\"name\":\"fields\",\"type\":\"bytes1\",\"internalType\":\"bytes1\"},{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"version\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"chainId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"salt\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"extensions\",\"type\":\"uint256[]\",\"internalType\":\"uint256[]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"escrow\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"freeze\",\"inputs\":[{\"name\":\"principal\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"frozen\",\"inputs\":[{\"name\":\"principal\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getMandate\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"v\",\"type\":\"tuple\",\"internalType\":\"structIMandateRegistry.MandateView\",\"components\":[{\"name\":\"principal\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"agent\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"token\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"maxPerJob\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"budget\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"period\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"validAfter\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"validUntil\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"anyPayee\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"anySpec\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"quorum\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"quorumHigh\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"approverCount\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"escalateAbove\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"timelockAbove\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"timelock\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"revoked\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"spent\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"periodIndex\",\"type\":\"uint32\",\"internalType\":\"uint32\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"grant\",\"inputs\":[{\"name\":\"terms\",\"type\":\"tuple\",\"internalType\":\"structIMandateRegistry.MandateTerms\",\"components\":[{\"name\":\"principal\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"agent\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"token\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"maxPerJob\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"budget\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"period\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"validAfter\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"validUntil\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"payees\",\"type\":\"uint256[]\",\"internalType\":\"uint256[]\"},{\"name\":\"specs\",\"type\":\"bytes32[]\",\"internalType\":\"bytes32[]\"},{\"name\":\"approvers\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"quorum\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"escalateAbove\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"quorumHigh\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"timelockAbove\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"timelock\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]}],\"outputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"grantWithSig\",\"inputs\":[{\"name\":\"terms\",\"type\":\"tuple\",\"internalType\":\"structIMandateRegistry.MandateTerms\",\"components\":[{\"name\":\"principal\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"agent\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"token\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"maxPerJob\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"budget\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"period\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"validAfter\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"validUntil\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"payees\",\"type\":\"uint256[]\",\"internalType\":\"uint256[]\"},{\"name\":\"specs\",\"type\":\"bytes32[]\",\"internalType\":\"bytes32[]\"},{\"name\":\"approvers\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"quorum\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"escalateAbove\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"quorumHigh\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"timelockAbove\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"timelock\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"name\":\"nonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"deadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"signature\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"guardianOf\",\"inputs\":[{\"name\":\"principal\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"hasApproved\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"agreementHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"approver\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"hashApproval\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"agreementHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"deadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"hashMandate\",\"inputs\":[{\"name\":\"terms\",\"type\":\"tuple\",\"internalType\":\"structIMandateRegistry.MandateTerms\",\"components\":[{\"name\":\"principal\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"agent\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"token\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"maxPerJob\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"budget\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"period\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"validAfter\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"validUntil\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"payees\",\"type\":\"uint256[]\",\"internalType\":\"uint256[]\"},{\"name\":\"specs\",\"type\":\"bytes32[]\",\"internalType\":\"bytes32[]\"},{\"name\":\"approvers\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"quorum\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"escalateAbove\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"quorumHigh\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"timelockAbove\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"timelock\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"name\":\"nonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"deadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"identityRegistry\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"invalidateNonce\",\"inputs\":[{\"name\":\"nonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"mandateCount\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"nonceUsed\",\"inputs\":[{\"name\":\"principal\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"payeeAllowed\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"remaining\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"periodIndex\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"restore\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"periodIndex\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"principal\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"revoke\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setGuardian\",\"inputs\":[{\"name\":\"guardian\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"specAllowed\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"specHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"spend\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"jobId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"agent\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"payeeAgentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"specHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"token\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"agreementHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"principal\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"periodIndex\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"unfreeze\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"event\",\"name\":\"AgentFrozen\",\"inputs\":[{\"name\":\"principal\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"agentId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"by\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"AgentUnfrozen\",\"inputs\":[{\"name\":\"principal\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"agentId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"EIP712DomainChanged\",\"inputs\":[],\"anonymous\":false},{\"type\":\"event\",\"name\":\"GuardianSet\",\"inputs\":[{\"name\":\"principal\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"guardian\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"MandateApproved\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"agreementHash\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"approver\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"approvals\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"uint8\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"MandateApprover\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"approver\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"index\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"uint8\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"MandateGranted\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"principal\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"agentId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"agent\",\"type\":\"address\",\"indexed\":false,\"internalType\":\"address\"},{\"name\":\"token\",\"type\":\"address\",\"indexed\":false,\"internalType\":\"address\"},{\"name\":\"maxPerJob\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"budget\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"period\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"validAfter\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"validUntil\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"anyPayee\",\"type\":\"bool\",\"indexed\":false,\"internalType\":\"bool\"},{\"name\":\"anySpec\",\"type\":\"bool\",\"indexed\":false,\"internalType\":\"bool\"},{\"name\":\"quorum\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"uint8\"},{\"name\":\"escalateAbove\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"quorumHigh\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"uint8\"},{\"name\":\"timelockAbove\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"timelock\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"structHash\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"MandateNonceInvalidated\",\"inputs\":[{\"name\":\"principal\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"MandatePayee\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"payeeAgentId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"MandateRestored\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"jobId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"restored\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"periodIndex\",\"type\":\"uint32\",\"indexed\":false,\"internalType\":\"uint32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"MandateRevoked\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"by\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"MandateSpec\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"specHash\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"MandateSpent\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"jobId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"periodIndex\",\"type\":\"uint32\",\"indexed\":false,\"internalType\":\"uint32\"},{\"name\":\"spent\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"AgentIdOutOfRange\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"AgentIsFrozen\",\"inputs\":[{\"name\":\"principal\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"AgentIsPrincipal\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"AgentNotFrozen\",\"inputs\":[{\"name\":\"principal\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"AgentWalletMismatch\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"agent\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"AlreadyApproved\",\"inputs\":[{\"name\":\"approver\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"AmountOutOfRange\",\"inputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ApprovalsMissing\",\"inputs\":[{\"name\":\"have\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"need\",\"type\":\"uint8\",\"internalType\":\"uint8\"}]},{\"type\":\"error\",\"name\":\"ApproverIsAgent\",\"inputs\":[{\"name\":\"approver\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"DuplicateApprover\",\"inputs\":[{\"name\":\"approver\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"InvalidBands\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"InvalidShortString\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"InvalidSignature\",\"inputs\":[{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"InvalidWindow\",\"inputs\":[{\"name\":\"validAfter\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"validUntil\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"MandateAgentMismatch\",\"inputs\":[{\"name\":\"expected\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"actual\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"MandateExpired\",\"inputs\":[{\"name\":\"validUntil\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"now\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"MandateIsRevoked\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"MandateLive\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"MandateNotFound\",\"inputs\":[{\"name\":\"mandateId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"MandateNotYetValid\",\"inputs\":[{\"name\":\"validAfter\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"now\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"MandateTokenMismatch\",\"inputs\":[{\"name\":\"expected\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"actual\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NonceAlreadyUsed\",\"inputs\":[{\"name\":\"principal\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"NotApprover\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotEscrow\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotPrincipal\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotPrincipalOrGuardian\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"OverBudget\",\"inputs\":[{\"name\":\"spent\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"budget\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"OverJobCap\",\"inputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"maxPerJob\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"PayeeNotAllowed\",\"inputs\":[{\"name\":\"providerAgentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"PeriodOutOfRange\",\"inputs\":[{\"name\":\"period\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"SignatureExpired\",\"inputs\":[{\"name\":\"deadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"now\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"SpecNotAllowed\",\"inputs\":[{\"name\":\"specHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"StringTooLong\",\"inputs\":[{\"name\":\"str\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"TimelockPending\",\"inputs\":[{\"name\":\"readyAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"now\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"TooManyApprovers\",\"inputs\":[{\"name\":\"count\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ZeroAddress\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"ZeroCap\",\"inputs\":[]}]",
	ID:  "MandateRegistry",
	Bin: "0x6101a080604052346101d157604081613c1d803803809161002082856101d5565b8339810103126101d15761003f60206100388361020c565b920161020c565b9060405161004e6040826101d5565b600d815260208101906c41676f72614d616e646174657360981b8252604051916100796040846101d5565b600183526020830191603160f81b835261009281610220565b6101205261009f84610220565b61014052519020918260e05251902080610100524660a0526040519060208201927f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f8452604083015260608201524660808201523060a082015260a0815261010860c0826101d5565b5190206080523060c0526001600160a01b0316801580156101c0575b6101b1576101805261016052604051613991908161028c82396080518161377e015260a05181613835015260c05181613748015260e051816137cd015261010051816137f3015261012051816119c0015261014051816119e9015261016051818181610336015281816107390152611dd1015261018051818181610890015281816122090152612d920152f35b63d92e233d60e01b5f5260045ffd5b506001600160a01b03821615610124565b5f80fd5b601f909101601f19168101906001600160401b038211908210176101f857604052565b634e487b7160e01b5f52604160045260245ffd5b51906001600160a01b03821682036101d157565b601f81511161024b57602081519101516020821061023c571790565b5f198260200360031b1b161790565b604460209160405192839163305a27a960e01b83528160048401528051918291826024860152018484015e5f828201840152601f01601f19168101030190fdfe60806040526004361015610011575f80fd5b5f3560e01c80630361bf1414612dc1578063134e18f414612d7d5780631647795e14612d2e5780631f40ebff146120da57806320c5429b1461202d57806324bce60c14611f4357806328ff3c5714611f285780633617376414611edf5780634afc4f6c14611da75780634d39c48114611d6d57806360b5662e14611d4a5780636623fc4614611cbc5780636a0a988814611bfa5780636a9e0e1214611bc05780637a6ec61014611ae157806381e395f514611aa057806384b0196e146119a85780638a0dac4a1461193e57806393cdd68b14611926578063a642a95314611902578063a8e64c8a146115f3578063acd52e8d146115b3578063b70e36f014611567578063bbccf1541461154b578063c21af88a14611518578063c875d8f0146107c2578063d14457a414610768578063e2fdcc1714610724578063ea8f7360146102f9578063ee4f14e914610252578063faaf1a0a146101f45763fd02d64214610179575f80fd5b346101f05760603660031901126101f0576004356001600160401b0381116101f05761022060031982360301126101f0576101e86101c360209260443590602435906004016131da565b6101cb613745565b6042916040519161190160f01b8352600283015260228201522090565b604051908152f35b5f80fd5b346101f05760403660031901126101f05760043560ff6005610215836130bd565b015460a01c16801561022f575b6020906040519015158152f35b505f52600560205260405f206024355f52602052602060ff60405f205416610222565b346101f05760a03660031901126101f057600435602435610271612e09565b906064356084356001600160401b0381116101f057610294903690600401612e1f565b918042116102e357906102ac6102b293928588612fae565b856134ef565b156102c2576102c0926135cb565b005b50633615713d60e21b5f9081526001600160a01b0391909116600452602490fd5b630f88f04960e41b5f526004524260245260445ffd5b346101f0576101003660031901126101f057600435610316612e09565b60643560843560a4359360018060a01b0385168095036101f05760c435917f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031633036107115761036d826130bd565b80546001600160a01b038116969060f081901c60ff166106fe576001830154908160a01c895f52600860205260405f20815f5260205260ff60405f2054166106e8575064ffffffffff8160a01c168042106106d2575064ffffffffff9060c81c16804210156106bc57506001600160a01b0391821691168082036106a75750506002810154966001600160a01b038816808203610692575050600581019182549560ff8760a01c161580610671575b61065f575060ff8660a81c16158061063e575b61062c57506003810154966001600160801b03881680861161061657506004820154906001600160801b038216861161056c575b505061046e906130f0565b63ffffffff81169463ffffffff8160801c1686145f1461055d576001600160801b038091165b16966104a085896130b0565b9060801c8091116105435750866105009285926001600160801b03806104c88660409d6130b0565b845463ffffffff60801b199290911692909216166001600160a01b03199091161760809190911b63ffffffff60801b161790556130b0565b8551928352836020840152858301527f0e8f3449509a63f2400d44a71aaf1aba83a6c027eaef6aa08f8721604bd6bd34606060243593a382519182526020820152f35b8488630c471e1b60e41b5f5260045260245260445260645ffd5b506001600160801b035f610494565b61057860e435866135ab565b5f52600760205260405f20549160ff8360101c169060801c871190815f146106095760ff808460f01c165b16908181106105f457505015610463579064ffffffffff63ffffffff6105d19360c81c169160181c166130b0565b8042106105de5780610463565b63366dbcf160e21b5f526004524260245260445ffd5b631b799ee160e01b5f5260045260245260445ffd5b60ff808460e81c166105a3565b856301be74df60e21b5f5260045260245260445ffd5b63fdd10ead60e01b5f5260045260245ffd5b50835f52600660205260405f20815f5260205260ff60405f2054161561042f565b639928299160e01b5f5260045260245ffd5b50845f52600560205260405f20815f5260205260ff60405f2054161561041c565b636e7efdbf60e01b5f5260045260245260445ffd5b6352b352f760e01b5f5260045260245260445ffd5b633bc4b50d60e11b5f526004524260245260445ffd5b632f9fdd9560e11b5f526004524260245260445ffd5b89630322c7bf60e51b5f5260045260245260445ffd5b84631a006b2b60e11b5f5260045260245ffd5b630447d9c560e11b5f523360045260245ffd5b346101f0575f3660031901126101f0576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b346101f05761077636612e4c565b9060ff6005610784836130bd565b015460a81c1690811561079f575b6020826040519015158152f35b90505f52600660205260405f20905f52602052602060ff60405f20541682610792565b346101f05760203660031901126101f0576001600160401b03600435116101f057610220600435360360031901126101f0576001600160a01b036108096004803501612f79565b163303611505576001600160a01b036108256004803501612f79565b161580156114e7575b80156114c9575b61129257610847604460043501612f79565b6001600160a01b0361085c6004803501612f79565b6001600160a01b0390921691161461149b576bffffffffffffffffffffffff60246004350135116114825760018060a01b037f0000000000000000000000000000000000000000000000000000000000000000166040516331a9108f60e11b8152602460043501356004820152602081602481855afa5f9181611461575b50610911576108ed604460043501612f79565b631deb331960e21b5f526024600435013560045260018060a01b031660245260445ffd5b61091f604460043501612f79565b6001600160a01b039081169116141590816113d1575b506113c3576109496084600435013561396e565b61095860a4600435013561396e565b6109686101a4600435013561396e565b6109786101e4600435013561396e565b608460043501351580156113b5575b6113a65761099a61010460043501613168565b6001600160401b03806109b160e460043501613168565b16911611801590611384575b801561135f575b611321576001600160401b036109de60c460043501613168565b161515806112dc575b6112b357610a006101646004350160043560040161317c565b9050601081116112a1575f5b8181106111e057506101e460043501356101a46004350135119081156111b3575b8115611198575b508015611168575b8015611144575b6111355760025463ffffffff81169063ffffffff82146111215763ffffffff191663ffffffff60018301169081176002555f9081526003602052604090206001600160a01b03610a966004803501612f79565b82546001600160a01b0319169116178155610ab560e460043501613168565b815464ffffffffff60a01b191660a09190911b64ffffffffff60a01b16178155610ae461010460043501613168565b815464ffffffffff60c81b191660c89190911b64ffffffffff60c81b16178155610b12604460043501612f79565b60246004359081013560a01b6001600160a01b0319166001600160a01b03909216919091176001830155610b4890606401612f79565b6002820180546001600160a01b0319166001600160a01b03909216919091178155610b7760c460043501613168565b815464ffffffffff60a01b191660a09190911b64ffffffffff60a01b16178155610ba661020460043501613168565b81549060ff60e81b610bbd610184600435016131cc565b60e81b1660ff60f01b610bd56101c4600435016131cc565b60f01b1691610bed600480356101648101910161317c565b6001600160c81b039590951660c89290921b63ffffffff60c81b1691909117919091179190911760f89290921b6001600160f81b031916919091179091555060a46004803591820135608090811b6001600160801b03199081166001600160801b03608486013581169190911760038701556101e485013590921b166101a48401359091161783820155610c87916101248101910161317c565b905060058201546004356101440160043560040190610ca59161317c565b1560a81b60ff60a81b1662ffffff60a01b19909216921560a01b60ff60a01b169290921717600160b01b1760059092019190915550610ce76004803501612f79565b610cf5604460043501612f79565b610d03606460043501612f79565b610d1160c460043501613168565b610d1f60e460043501613168565b610d2e61010460043501613168565b610d41600480356101248101910161317c565b9050610d56600480356101448101910161317c565b929050610d68610184600435016131cc565b93610d786101c4600435016131cc565b95610d8861020460043501613168565b604080516001600160a01b039b8c168152998b1660208b01526004356084810135918b019190915260a481013560608b01526001600160401b0392831660808b015292821660a08a015292811660c0890152921560e0880152921561010087015260ff9384166101208701526101a4830135610140870152939092166101608501526101e481013561018085015291166101a08301525f6101c08301526024013592909116906001840163ffffffff16907fe45327b7f27c8e699599907485c6b1593dcf884a6df8936c459f4a55b9aa7e9c906101e090a45f5b610e776101246004350160043560040161317c565b9050811015610f175760019063ffffffff828401165f52600560205260405f20610eb682610eb06101246004350160043560040161317c565b9061359b565b355f5260205260405f208260ff19825416179055610ee381610eb06101246004350160043560040161317c565b3563ffffffff838501167f93168ef36089b4d3f561346c1e476c0c97d32a6c4ae9b80c621b62d7b9e3c56d5f80a301610e62565b505f5b610f2f6101446004350160043560040161317c565b9050811015610fc95760019063ffffffff828401165f52600660205260405f20610f6882610eb06101446004350160043560040161317c565b355f5260205260405f208260ff19825416179055610f9581610eb06101446004350160043560040161317c565b3563ffffffff838501167f69fbc3297da631d8f1d49bad3e58da3dda1e560145ab66fe4240c8172b45ee705f80a301610f1a565b50610fdf6101646004350160043560040161317c565b9063ffffffff60018401165f52600460205260405f20906001600160401b03831161110d57600160401b831161110d5781548383558084106110e7575b50905f5260205f205f5b8381106110cc57845f5b6110456101646004350160043560040161317c565b90508110156110b8578061107261106d600193610eb06101646004350160043560040161317c565b612f79565b6040519060ff83168252838060a01b0316907fc1be46c74ac1f0dbc75e3ebdf5cbf05a3788973751a054bd869c4caad2e0bda8602063ffffffff8688011692a301611030565b60208263ffffffff60016040519201168152f35b60019060206110da85612f79565b9401938184015501611026565b825f528360205f2091820191015b818110611102575061101c565b5f81556001016110f5565b634e487b7160e01b5f52604160045260245ffd5b634e487b7160e01b5f52601160045260245ffd5b63e0e4ac6560e01b5f5260045ffd5b5063ffffffff6001600160401b0361116161020460043501613168565b1611610a43565b50608460043501356101a46004350135108015610a3c575060ff611191610184600435016131cc565b1615610a3c565b905060ff6111ab6101c4600435016131cc565b161181610a34565b90506111c4610184600435016131cc565b60ff806111d66101c4600435016131cc565b1691161190610a2d565b8061120b61106d6111fc6101646004350160043560040161317c565b6001600160a01b03949161359b565b168015611292576001600160a01b03611228600435604401612f79565b168114611280575f5b828110611242575050600101610a0c565b818161125f61106d6111fc6101646004350160043560040161317c565b161461126d57600101611231565b50638ef2e40760e01b5f5260045260245ffd5b637d9ae80d60e11b5f5260045260245ffd5b63d92e233d60e01b5f5260045ffd5b63e03232d960e01b5f5260045260245ffd5b6001600160401b036112c960c460043501613168565b63e995f39560e01b5f521660045260245ffd5b50610e106001600160401b036112f660c460043501613168565b1610806109e7575064ffffffffff6001600160401b0361131a60c460043501613168565b16116109e7565b6001600160401b0361133760e460043501613168565b8161134761010460043501613168565b916314016ecf60e11b5f52166004521660245260445ffd5b5064ffffffffff6001600160401b0361137d61010460043501613168565b16116109c4565b5061139461010460043501613168565b6001600160401b0342911611156109bd565b63dd616a4560e01b5f5260045ffd5b5060a4600435013515610987565b6108ed604460043501612f79565b9050602460206113e5604460043501612f79565b92604051928380926233950960e01b825282600435013560048301525afa908115611456575f91611427575b506001600160a01b039182169116141581610935565b611449915060203d60201161144f575b6114418183612f8d565b81019061388f565b82611411565b503d611437565b6040513d5f823e3d90fd5b61147b91925060203d60201161144f576114418183612f8d565b90836108da565b6309490efb60e01b5f526024600435013560045260245ffd5b6114a9604460043501612f79565b6301640dcf60e71b5f9081526001600160a01b0391909116600452602490fd5b506001600160a01b036114e0600435606401612f79565b1615610835565b506001600160a01b036114fe600435604401612f79565b161561082e565b63666cbdeb60e01b5f523360045260245ffd5b346101f05760603660031901126101f0576020611541611536612e09565b602435600435613034565b6040519015158152f35b346101f0575f3660031901126101f0576020604051610e108152f35b346101f05760203660031901126101f0576004356115858133613489565b6040519081527f45d8542eecdfabeb2546a8238e3c494d64d22ab71b48f7a66f3cecf625a2a1d560203392a2005b346101f05760203660031901126101f0576001600160a01b036115d4612df3565b165f526009602052602060018060a01b0360405f205416604051908152f35b346101f05760203660031901126101f0576040516102808101908082106001600160401b0383111761110d57610280916040525f81525f60208201525f60408201525f60608201525f60808201525f60a08201525f60c08201525f60e08201525f6101008201525f6101208201525f6101408201525f6101608201525f6101808201525f6101a08201525f6101c08201525f6101e08201525f6102008201525f6102208201525f6102408201525f61026082015263ffffffff6102606116ba6004356130bd565b928284549460018060a01b038616835260018101548060a01c602085015260018060a01b0316604084015281600282015460018060a01b038116606086015260038301546001600160801b038116608087015260801c60a086015264ffffffffff8160a01c1660c086015264ffffffffff8860a01c1660e086015264ffffffffff8860c81c16610100860152600460058401549360ff8560a01c16151561012088015260ff8560a81c16151561014088015260ff8360e81c1661016088015260ff8360f01c166101808801528260f81c6101a088015201546001600160801b0381166101c087015260801c6101e086015260c81c1661020084015260ff8660f01c1615156102208401526001600160801b03811661024084015260801c16828201526040519360018060a01b031684526020810151602085015260018060a01b03604082015116604085015260018060a01b0360608201511660608501526080810151608085015260a081015160a08501526001600160401b0360c08201511660c08501526001600160401b0360e08201511660e08501526001600160401b03610100820151166101008501526101208101511515610120850152610140810151151561014085015260ff6101608201511661016085015260ff6101808201511661018085015260ff6101a0820151166101a08501526101c08101516101c08501526101e08101516101e08501526001600160401b03610200820151166102008501526102208101511515610220850152610240810151610240850152015116610260820152f35b346101f05760603660031901126101f05760206101e8604435602435600435612fae565b346101f0576102c061193736612e4c565b33916135cb565b346101f05760203660031901126101f057611957612df3565b335f81815260096020526040812080546001600160a01b0319166001600160a01b039490941693841790557fc3ce29e3ab42e524b6f6f1b4d3674898d503ee3577a64ac87b555904ebc141389080a3005b346101f0575f3660031901126101f057611a446119e47f00000000000000000000000000000000000000000000000000000000000000006138ae565b611a0d7f00000000000000000000000000000000000000000000000000000000000000006138ae565b6020611a5260405192611a208385612f8d565b5f84525f368137604051958695600f60f81b875260e08588015260e0870190612e62565b908582036040870152612e62565b4660608501523060808501525f60a085015283810360c08501528180845192838152019301915f5b828110611a8957505050500390f35b835185528695509381019392810192600101611a7a565b346101f057611ab7611ab136612e4c565b906135ab565b5f5260076020526040805f205464ffffffffff82519160ff8160101c16835260181c166020820152f35b346101f05760403660031901126101f0576024356001600160a01b03811690600435908290036101f057611b14816130bd565b80546001600160a01b038116929160f09190911c60ff16159081611b96575b50611b8457508082141580611b64575b611b5257602090604051908152f35b506224b40160e11b5f5260045260245ffd5b505f818152600960205260409020546001600160a01b0316821415611b43565b63d719ae5560e01b5f5260045260245ffd5b9050825f526008602052600160405f2091015460a01c5f5260205260ff60405f2054161584611b33565b346101f0575f3660031901126101f05760206040517fad01ac683a736cbe6a52181c4a3d140bb112559e550874d9bb806b0762a2adeb8152f35b346101f05760203660031901126101f057600435611c17816130bd565b505f52600460205260405f20604051806020835491828152019081935f5260205f20905f5b818110611c9d5750505081611c52910382612f8d565b604051918291602083019060208452518091526040830191905f5b818110611c7b575050500390f35b82516001600160a01b0316845285945060209384019390920191600101611c6d565b82546001600160a01b0316845260209093019260019283019201611c3c565b346101f05760203660031901126101f057600435335f52600860205260405f20815f5260205260ff60405f20541615611d3457335f52600860205260405f20815f5260205260405f2060ff198154169055337fdbc80a76532bc92f251df7139fb6a578e267e551fdaf250aa922ee030f1587495f80a3005b630b4e47b360e01b5f523360045260245260445ffd5b346101f0575f3660031901126101f057602063ffffffff60025416604051908152f35b346101f0575f3660031901126101f05760206040517f71d31fe0c349f826ca4e6118d6f77d8a2530e810b2f240700331158015bdcce48152f35b346101f05760803660031901126101f05760043560443563ffffffff81168091036101f0576064357f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031633036107115782611e0b6020946130bd565b925f60058501805463ffffffff8160801c16841480611ec8575b611e76575b50506040519384528584015260408301527fe5a48f7e27d28af8a53bd87a303b2f76639359f33003bd47b2381a0b9608c481606060243593a3546040516001600160a01b039091168152f35b6001600160801b0316915081851015611eb6576001600160801b0380611e9e875b8095612e86565b16166001600160801b03198254161790558680611e2a565b6001600160801b0380611e9e84611e97565b5063ffffffff611ed7886130f0565b168414611e25565b346101f05760403660031901126101f0576001600160a01b03611f00612df3565b165f52600860205260405f206024355f52602052602060ff60405f2054166040519015158152f35b346101f0575f3660031901126101f057602060405160108152f35b346101f05760403660031901126101f057611f5c612df3565b6001600160a01b03166024353382141580612005575b611ff357815f52600860205260405f20815f5260205260ff60405f205416611fdd57815f52600860205260405f20815f5260205260405f20600160ff1982541617905533917fc6f1d07ea6509bc514d3089cb8bfd980590c17bc661be7b3ebf3aa46214d69f25f80a4005b90630322c7bf60e51b5f5260045260245260445ffd5b6224b40160e11b5f523360045260245ffd5b505f828152600960205260409020546001600160a01b031633141580611f7257508115611f72565b346101f05760203660031901126101f05760043561204a816130bd565b80546001600160a01b0381163381141590816120bb575b50611ff35760ff8160f01c166120a85760ff60f01b1916600160f01b17905533907f17b7a27574bffa9741b6cc781c303d342fc681d80bdfdbfbeeadf2ac0938a4a55f80a3005b82631a006b2b60e11b5f5260045260245ffd5b90505f52600960205260018060a01b0360405f20541633141584612061565b346101f05760803660031901126101f0576001600160401b03600435116101f057610220600435360360031901126101f0576044356024356064356001600160401b0381116101f057612131903690600401612e1f565b90834211612d17576121646121508495612184956004356004016131da565b9461215f600435600401612f79565b613489565b612172600435600401612f79565b61217e856101cb613745565b906134ef565b15612ce9576001600160a01b0361219e6004803501612f79565b16158015612ccb575b8015612cad575b611292576121c0604460043501612f79565b6001600160a01b036121d56004803501612f79565b6001600160a01b0390921691161461149b576bffffffffffffffffffffffff60246004350135116114825760018060a01b037f0000000000000000000000000000000000000000000000000000000000000000166040516331a9108f60e11b8152602460043501356004820152602081602481855afa5f9181612c8c575b50612266576108ed604460043501612f79565b612274604460043501612f79565b6001600160a01b03908116911614159081612c17575b506113c35761229e6084600435013561396e565b6122ad60a4600435013561396e565b6122bd6101a4600435013561396e565b6122cd6101e4600435013561396e565b60846004350135158015612c09575b6113a6576122ef61010460043501613168565b6001600160401b038061230660e460043501613168565b16911611801590612be8575b8015612bc3575b611321576001600160401b0361233360c460043501613168565b16151580612b7e575b6112b3576123556101646004350160043560040161317c565b9050601081116112a1575f5b818110612b0057506101e460043501356101a4600435013511908115612ad3575b8115612ab8575b508015612a88575b8015612a64575b611135576002549063ffffffff82169163ffffffff83146111215763ffffffff191663ffffffff60018401169081176002555f9081526003602052604090206001600160a01b036123ec6004803501612f79565b82546001600160a01b031916911617815561240b60e460043501613168565b815464ffffffffff60a01b191660a09190911b64ffffffffff60a01b1617815561243a61010460043501613168565b815464ffffffffff60c81b191660c89190911b64ffffffffff60c81b16178155612468604460043501612f79565b60246004359081013560a01b6001600160a01b0319166001600160a01b0390921691909117600183015561249e90606401612f79565b6002820180546001600160a01b0319166001600160a01b039092169190911781556124cd60c460043501613168565b815464ffffffffff60a01b191660a09190911b64ffffffffff60a01b161781556124fc61020460043501613168565b81549060ff60e81b612513610184600435016131cc565b60e81b1660ff60f01b61252b6101c4600435016131cc565b60f01b1691612543600480356101648101910161317c565b6001600160c81b039590951660c89290921b63ffffffff60c81b1691909117919091179190911760f89290921b6001600160f81b031916919091179091555060a46004803591820135608090811b6001600160801b03199081166001600160801b03608486013581169190911760038701556101e485013590921b166101a484013590911617838201556125dd916101248101910161317c565b9050600582015460043561014401600435600401906125fb9161317c565b1560a81b60ff60a81b1662ffffff60a01b19909216921560a01b60ff60a01b169290921717600160b01b176005909201919091555061263d6004803501612f79565b9061264c604460043501612f79565b9061265b606460043501612f79565b61266960c460043501613168565b61267760e460043501613168565b61268661010460043501613168565b612699600480356101248101910161317c565b90506126ae600480356101448101910161317c565b9290506126c0610184600435016131cc565b936126d06101c4600435016131cc565b956126e061020460043501613168565b976040519a600160a01b60019003168b52600160a01b600190031660208b01526004356084013560408b015260043560a4013560608b01526001600160401b031660808a01526001600160401b031660a08901526001600160401b031660c08801521560e08701521561010086015260ff166101208501526004356101a4013561014085015260ff166101608401526004356101e401356101808401526001600160401b03166101a08301526101c08201526004356024013591600160a01b6001900316906001840163ffffffff16906101e07fe45327b7f27c8e699599907485c6b1593dcf884a6df8936c459f4a55b9aa7e9c91a45f5b6127ed6101246004350160043560040161317c565b90508110156128875760019063ffffffff828401165f52600560205260405f2061282682610eb06101246004350160043560040161317c565b355f5260205260405f208260ff1982541617905561285381610eb06101246004350160043560040161317c565b3563ffffffff838501167f93168ef36089b4d3f561346c1e476c0c97d32a6c4ae9b80c621b62d7b9e3c56d5f80a3016127d8565b505f5b61289f6101446004350160043560040161317c565b90508110156129395760019063ffffffff828401165f52600660205260405f206128d882610eb06101446004350160043560040161317c565b355f5260205260405f208260ff1982541617905561290581610eb06101446004350160043560040161317c565b3563ffffffff838501167f69fbc3297da631d8f1d49bad3e58da3dda1e560145ab66fe4240c8172b45ee705f80a30161288a565b5061294f6101646004350160043560040161317c565b9063ffffffff60018401165f52600460205260405f20906001600160401b03831161110d57600160401b831161110d578154838355808410612a3e575b50905f5260205f205f5b838110612a2357845f5b6129b56101646004350160043560040161317c565b90508110156110b857806129dd61106d600193610eb06101646004350160043560040161317c565b6040519060ff83168252838060a01b0316907fc1be46c74ac1f0dbc75e3ebdf5cbf05a3788973751a054bd869c4caad2e0bda8602063ffffffff8688011692a3016129a0565b6001906020612a3185612f79565b9401938184015501612996565b825f528360205f2091820191015b818110612a59575061298c565b5f8155600101612a4c565b5063ffffffff6001600160401b03612a8161020460043501613168565b1611612398565b50608460043501356101a46004350135108015612391575060ff612ab1610184600435016131cc565b1615612391565b905060ff612acb6101c4600435016131cc565b161182612389565b9050612ae4610184600435016131cc565b60ff80612af66101c4600435016131cc565b1691161190612382565b80612b1c61106d6111fc6101646004350160043560040161317c565b168015611292576001600160a01b03612b39600435604401612f79565b168114611280575f5b828110612b53575050600101612361565b8181612b7061106d6111fc6101646004350160043560040161317c565b161461126d57600101612b42565b50610e106001600160401b03612b9860c460043501613168565b16108061233c575064ffffffffff6001600160401b03612bbc60c460043501613168565b161161233c565b5064ffffffffff6001600160401b03612be161010460043501613168565b1611612319565b50426001600160401b03612c0161010460043501613168565b161115612312565b5060a46004350135156122dc565b905060246020612c2b604460043501612f79565b92604051928380926233950960e01b825282600435013560048301525afa908115611456575f91612c6d575b506001600160a01b03918216911614158261228a565b612c86915060203d60201161144f576114418183612f8d565b83612c57565b612ca691925060203d60201161144f576114418183612f8d565b9084612253565b506001600160a01b03612cc4600435606401612f79565b16156121ae565b506001600160a01b03612ce2600435604401612f79565b16156121a7565b612cf7600435600401612f79565b633615713d60e21b5f9081526001600160a01b0391909116600452602490fd5b83630f88f04960e41b5f526004524260245260445ffd5b346101f05760403660031901126101f0576020612d49612df3565b6024359060018060a01b03165f52600a825260405f208160081c5f52825260405f2054600160ff60405193161b1615158152f35b346101f0575f3660031901126101f0576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b346101f05760203660031901126101f057604063ffffffff612de4600435612e93565b83519182529091166020820152f35b600435906001600160a01b03821682036101f057565b604435906001600160a01b03821682036101f057565b9181601f840112156101f0578235916001600160401b0383116101f057602083818601950101116101f057565b60409060031901126101f0576004359060243590565b805180835260209291819084018484015e5f828201840152601f01601f1916010190565b9190820391821161112157565b612e9c906130bd565b612ea5816130f0565b90805460ff8160f01c16908115612f48575b8115612f33575b8115612f1e575b50612f1957806005612f0592015463ffffffff8160801c1663ffffffff8516145f14612f08576001600160801b0380600392165b1691015460801c612e86565b91565b5060036001600160801b035f612ef9565b505f91565b64ffffffffff915060c81c164210155f612ec5565b905064ffffffffff8160a01c16421090612ebe565b905060018060a01b0381165f52600860205260405f20600183015460a01c5f5260205260ff60405f20541690612eb7565b356001600160a01b03811681036101f05790565b90601f801991011681019081106001600160401b0382111761110d57604052565b90613008926040519160208301937fad01ac683a736cbe6a52181c4a3d140bb112559e550874d9bb806b0762a2adeb855260408401526060830152608082015260808152612ffd60a082612f8d565b5190206101cb613745565b90565b8054821015613020575f5260205f2001905f90565b634e487b7160e01b5f52603260045260245ffd5b919061304c90835f52600460205260405f20936135ab565b5f52600760205260405f2054905f928054935b84811061306f5750505050505f90565b613079818361300b565b905460039190911b1c6001600160a01b039081169084161461309d5760010161305f565b905061ffff9350600191501b1616151590565b9190820180921161112157565b90815f52600360205260405f209160ff600584015460b01c16156130de5750565b63fe0b43b360e01b5f5260045260245ffd5b64ffffffffff80600283015460a01c16915460a01c1681159081801561315e575b6131575761311f9042612e86565b90613143570463ffffffff81111561313a575063ffffffff90565b63ffffffff1690565b634e487b7160e01b5f52601260045260245ffd5b5050505f90565b5080421115613111565b356001600160401b03811681036101f05790565b903590601e19813603018212156101f057018035906001600160401b0382116101f057602001918160051b360383136101f057565b91906001600160fb1b0381116101f05760051b809282370190565b3560ff811681036101f05790565b906131e482612f79565b906131f160408401612f79565b936131fe60608501612f79565b61320a60c08601613168565b61321660e08701613168565b906132246101008801613168565b926040519860208a01977f71d31fe0c349f826ca4e6118d6f77d8a2530e810b2f240700331158015bdcce48952600160a01b600190031660408b0152602089013560608b0152600160a01b600190031660808a0152600160a01b600190031660a0890152608087013560c089015260a087013560e08901526001600160401b03166101008801526001600160401b03166101208701526001600160401b031661014086015261014085526132da61016086612f8d565b6132e861012085018561317c565b9060405180916020820180946132fd926131b1565b03601f198101825261330f9082612f8d565b5190209161332161014086018661317c565b906040518091602082018094613336926131b1565b03601f19810182526133489082612f8d565b5190209461335a61016082018261317c565b90604051809160208201938491905f905b8082106134595750505003601f19810182526133879082612f8d565b5190209061339861018082016131cc565b6133a56101c083016131cc565b906133b36102008401613168565b936040519960208b0198895260408b015260608a015260ff1660808901526101a082013560a089015260ff1660c08801526101e0013560e08701526001600160401b0316610100860152610120850152610140840152610140835261341a61016084612f8d565b6040519283926020840195518091875e83019060208201905f8252519283915e016020015f815203601f19810182526134539082612f8d565b51902090565b9193509183356001600160a01b03811691908290036101f05760208160019382935201940192018493929161336b565b90600160ff82161b9160018060a01b0316805f52600a60205260405f20908260081c91825f5260205260405f2054928484166134d957505f52600a60205260405f20905f526020521760405f2055565b90633a42b7b560e21b5f5260045260245260445ffd5b909291926134fe83858361385b565b50600481101561358757159081613571575b50613568576064835f9460209660405194630b135d3f60e11b8652600486015260406024860152816044860152838501378281018201859052601f01601f191601915afa630b135d3f60e11b5f5114601f3d11161690565b50505050600190565b6001600160a01b0384811691161490505f613510565b634e487b7160e01b5f52602160045260245ffd5b91908110156130205760051b0190565b906040519060208201928352604082015260408152613453606082612f8d565b60ff6135d6826130bd565b5460f01c1661373357805f52600460205260405f20925f19935f908054915b8281106136f7575b5050505f1984146136d75761361283836135ab565b5f526007602052600160405f20941b9084549161ffff818416166136b65761ffff1661ffff83161790600160ff8361ffff1986161760101c16019560ff8711611121577f2c6346fe9ae22c8dacbbd16301bc8524ea1ff05ad0d2b311321ea50fdae7c4379360209367ffffffffff0000004260181b16916001600160401b0319161762ff00008960101b161717905560ff6040519616865260018060a01b031694a4565b50633040d2cb60e21b5f9081526001600160a01b0391909116600452602490fd5b63761bf8a360e11b5f9081526001600160a01b0391909116600452602490fd5b613701818361300b565b905460039190911b1c6001600160a01b0390811690851614613725576001016135f5565b9295505050925f80806135fd565b631a006b2b60e11b5f5260045260245ffd5b307f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03161480613832575b156137a0577f000000000000000000000000000000000000000000000000000000000000000090565b60405160208101907f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f82527f000000000000000000000000000000000000000000000000000000000000000060408201527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a082015260a0815261345360c082612f8d565b507f00000000000000000000000000000000000000000000000000000000000000004614613777565b90604183036138855761387e9250602081013591604082359201355f1a906138ec565b9192909190565b50505f9160029190565b908160209103126101f057516001600160a01b03811681036101f05790565b60ff811690601f82116138dd57604051916138ca604084612f8d565b6020808452838101919036833783525290565b632cd44ac360e21b5f5260045ffd5b91907f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a08411613963579160209360809260ff5f9560405194855216868401526040830152606082015282805260015afa15611456575f516001600160a01b0381161561395957905f905f90565b505f906001905f90565b5050505f9160039190565b6001600160801b03811161397f5750565b630cd8516360e31b5f5260045260245ffd",
}

// MandateRegistry is an auto generated Go binding around an Ethereum contract.
type MandateRegistry struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *MandateRegistry) GetABI() abi.ABI {
	return c.abi
}

// NewMandateRegistry creates a new instance of MandateRegistry.
func NewMandateRegistry() *MandateRegistry {
	parsed, err := MandateRegistryMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &MandateRegistry{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *MandateRegistry) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address identityRegistry_, address escrow_) returns()
func (mandateRegistry *MandateRegistry) PackConstructor(identityRegistry_ common.Address, escrow_ common.Address) []byte {
	enc, err := mandateRegistry.abi.Pack("", identityRegistry_, escrow_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackMANDATEAPPROVALTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6a9e0e12.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MANDATE_APPROVAL_TYPEHASH() view returns(bytes32)
func (mandateRegistry *MandateRegistry) PackMANDATEAPPROVALTYPEHASH() []byte {
	enc, err := mandateRegistry.abi.Pack("MANDATE_APPROVAL_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMANDATEAPPROVALTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6a9e0e12.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MANDATE_APPROVAL_TYPEHASH() view returns(bytes32)
func (mandateRegistry *MandateRegistry) TryPackMANDATEAPPROVALTYPEHASH() ([]byte, error) {
	return mandateRegistry.abi.Pack("MANDATE_APPROVAL_TYPEHASH")
}

// UnpackMANDATEAPPROVALTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6a9e0e12.
//
// Solidity: function MANDATE_APPROVAL_TYPEHASH() view returns(bytes32)
func (mandateRegistry *MandateRegistry) UnpackMANDATEAPPROVALTYPEHASH(data []byte) ([32]byte, error) {
	out, err := mandateRegistry.abi.Unpack("MANDATE_APPROVAL_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackMANDATETYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4d39c481.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MANDATE_TYPEHASH() view returns(bytes32)
func (mandateRegistry *MandateRegistry) PackMANDATETYPEHASH() []byte {
	enc, err := mandateRegistry.abi.Pack("MANDATE_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMANDATETYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4d39c481.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MANDATE_TYPEHASH() view returns(bytes32)
func (mandateRegistry *MandateRegistry) TryPackMANDATETYPEHASH() ([]byte, error) {
	return mandateRegistry.abi.Pack("MANDATE_TYPEHASH")
}

// UnpackMANDATETYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4d39c481.
//
// Solidity: function MANDATE_TYPEHASH() view returns(bytes32)
func (mandateRegistry *MandateRegistry) UnpackMANDATETYPEHASH(data []byte) ([32]byte, error) {
	out, err := mandateRegistry.abi.Unpack("MANDATE_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackMAXAPPROVERS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x28ff3c57.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_APPROVERS() view returns(uint256)
func (mandateRegistry *MandateRegistry) PackMAXAPPROVERS() []byte {
	enc, err := mandateRegistry.abi.Pack("MAX_APPROVERS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXAPPROVERS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x28ff3c57.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_APPROVERS() view returns(uint256)
func (mandateRegistry *MandateRegistry) TryPackMAXAPPROVERS() ([]byte, error) {
	return mandateRegistry.abi.Pack("MAX_APPROVERS")
}

// UnpackMAXAPPROVERS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x28ff3c57.
//
// Solidity: function MAX_APPROVERS() view returns(uint256)
func (mandateRegistry *MandateRegistry) UnpackMAXAPPROVERS(data []byte) (*big.Int, error) {
	out, err := mandateRegistry.abi.Unpack("MAX_APPROVERS", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMINPERIOD is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbbccf154.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MIN_PERIOD() view returns(uint64)
func (mandateRegistry *MandateRegistry) PackMINPERIOD() []byte {
	enc, err := mandateRegistry.abi.Pack("MIN_PERIOD")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMINPERIOD is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbbccf154.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MIN_PERIOD() view returns(uint64)
func (mandateRegistry *MandateRegistry) TryPackMINPERIOD() ([]byte, error) {
	return mandateRegistry.abi.Pack("MIN_PERIOD")
}

// UnpackMINPERIOD is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbbccf154.
//
// Solidity: function MIN_PERIOD() view returns(uint64)
func (mandateRegistry *MandateRegistry) UnpackMINPERIOD(data []byte) (uint64, error) {
	out, err := mandateRegistry.abi.Unpack("MIN_PERIOD", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackApprovals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x81e395f5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approvals(uint256 mandateId, bytes32 agreementHash) view returns(uint8 count, uint64 lastAt)
func (mandateRegistry *MandateRegistry) PackApprovals(mandateId *big.Int, agreementHash [32]byte) []byte {
	enc, err := mandateRegistry.abi.Pack("approvals", mandateId, agreementHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprovals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x81e395f5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approvals(uint256 mandateId, bytes32 agreementHash) view returns(uint8 count, uint64 lastAt)
func (mandateRegistry *MandateRegistry) TryPackApprovals(mandateId *big.Int, agreementHash [32]byte) ([]byte, error) {
	return mandateRegistry.abi.Pack("approvals", mandateId, agreementHash)
}

// MandateRegistryApprovalsOutput serves as a container for the return parameters of contract
// method Approvals.
type MandateRegistryApprovalsOutput struct {
	Count  uint8
	LastAt uint64
}

// UnpackApprovals is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x81e395f5.
//
// Solidity: function approvals(uint256 mandateId, bytes32 agreementHash) view returns(uint8 count, uint64 lastAt)
func (mandateRegistry *MandateRegistry) UnpackApprovals(data []byte) (MandateRegistryApprovalsOutput, error) {
	out, err := mandateRegistry.abi.Unpack("approvals", data)
	outstruct := new(MandateRegistryApprovalsOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Count = *abi.ConvertType(out[0], new(uint8)).(*uint8)
	outstruct.LastAt = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x93cdd68b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approve(uint256 mandateId, bytes32 agreementHash) returns()
func (mandateRegistry *MandateRegistry) PackApprove(mandateId *big.Int, agreementHash [32]byte) []byte {
	enc, err := mandateRegistry.abi.Pack("approve", mandateId, agreementHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x93cdd68b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approve(uint256 mandateId, bytes32 agreementHash) returns()
func (mandateRegistry *MandateRegistry) TryPackApprove(mandateId *big.Int, agreementHash [32]byte) ([]byte, error) {
	return mandateRegistry.abi.Pack("approve", mandateId, agreementHash)
}

// PackApproveWithSig is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xee4f14e9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approveWithSig(uint256 mandateId, bytes32 agreementHash, address approver, uint256 deadline, bytes signature) returns()
func (mandateRegistry *MandateRegistry) PackApproveWithSig(mandateId *big.Int, agreementHash [32]byte, approver common.Address, deadline *big.Int, signature []byte) []byte {
	enc, err := mandateRegistry.abi.Pack("approveWithSig", mandateId, agreementHash, approver, deadline, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApproveWithSig is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xee4f14e9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approveWithSig(uint256 mandateId, bytes32 agreementHash, address approver, uint256 deadline, bytes signature) returns()
func (mandateRegistry *MandateRegistry) TryPackApproveWithSig(mandateId *big.Int, agreementHash [32]byte, approver common.Address, deadline *big.Int, signature []byte) ([]byte, error) {
	return mandateRegistry.abi.Pack("approveWithSig", mandateId, agreementHash, approver, deadline, signature)
}

// PackApproversOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6a0a9888.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approversOf(uint256 mandateId) view returns(address[])
func (mandateRegistry *MandateRegistry) PackApproversOf(mandateId *big.Int) []byte {
	enc, err := mandateRegistry.abi.Pack("approversOf", mandateId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApproversOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6a0a9888.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approversOf(uint256 mandateId) view returns(address[])
func (mandateRegistry *MandateRegistry) TryPackApproversOf(mandateId *big.Int) ([]byte, error) {
	return mandateRegistry.abi.Pack("approversOf", mandateId)
}

// UnpackApproversOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6a0a9888.
//
// Solidity: function approversOf(uint256 mandateId) view returns(address[])
func (mandateRegistry *MandateRegistry) UnpackApproversOf(data []byte) ([]common.Address, error) {
	out, err := mandateRegistry.abi.Unpack("approversOf", data)
	if err != nil {
		return *new([]common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new([]common.Address)).(*[]common.Address)
	return out0, nil
}

// PackCheckTermination is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7a6ec610.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function checkTermination(uint256 mandateId, address caller) view returns(address principal)
func (mandateRegistry *MandateRegistry) PackCheckTermination(mandateId *big.Int, caller common.Address) []byte {
	enc, err := mandateRegistry.abi.Pack("checkTermination", mandateId, caller)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCheckTermination is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7a6ec610.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function checkTermination(uint256 mandateId, address caller) view returns(address principal)
func (mandateRegistry *MandateRegistry) TryPackCheckTermination(mandateId *big.Int, caller common.Address) ([]byte, error) {
	return mandateRegistry.abi.Pack("checkTermination", mandateId, caller)
}

// UnpackCheckTermination is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7a6ec610.
//
// Solidity: function checkTermination(uint256 mandateId, address caller) view returns(address principal)
func (mandateRegistry *MandateRegistry) UnpackCheckTermination(data []byte) (common.Address, error) {
	out, err := mandateRegistry.abi.Unpack("checkTermination", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (mandateRegistry *MandateRegistry) PackEip712Domain() []byte {
	enc, err := mandateRegistry.abi.Pack("eip712Domain")
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
func (mandateRegistry *MandateRegistry) TryPackEip712Domain() ([]byte, error) {
	return mandateRegistry.abi.Pack("eip712Domain")
}

// MandateRegistryEip712DomainOutput serves as a container for the return parameters of contract
// method Eip712Domain.
type MandateRegistryEip712DomainOutput struct {
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
func (mandateRegistry *MandateRegistry) UnpackEip712Domain(data []byte) (MandateRegistryEip712DomainOutput, error) {
	out, err := mandateRegistry.abi.Unpack("eip712Domain", data)
	outstruct := new(MandateRegistryEip712DomainOutput)
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

// PackEscrow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe2fdcc17.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function escrow() view returns(address)
func (mandateRegistry *MandateRegistry) PackEscrow() []byte {
	enc, err := mandateRegistry.abi.Pack("escrow")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEscrow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe2fdcc17.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function escrow() view returns(address)
func (mandateRegistry *MandateRegistry) TryPackEscrow() ([]byte, error) {
	return mandateRegistry.abi.Pack("escrow")
}

// UnpackEscrow is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe2fdcc17.
//
// Solidity: function escrow() view returns(address)
func (mandateRegistry *MandateRegistry) UnpackEscrow(data []byte) (common.Address, error) {
	out, err := mandateRegistry.abi.Unpack("escrow", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackFreeze is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x24bce60c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function freeze(address principal, uint256 agentId) returns()
func (mandateRegistry *MandateRegistry) PackFreeze(principal common.Address, agentId *big.Int) []byte {
	enc, err := mandateRegistry.abi.Pack("freeze", principal, agentId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFreeze is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x24bce60c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function freeze(address principal, uint256 agentId) returns()
func (mandateRegistry *MandateRegistry) TryPackFreeze(principal common.Address, agentId *big.Int) ([]byte, error) {
	return mandateRegistry.abi.Pack("freeze", principal, agentId)
}

// PackFrozen is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x36173764.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function frozen(address principal, uint256 agentId) view returns(bool)
func (mandateRegistry *MandateRegistry) PackFrozen(principal common.Address, agentId *big.Int) []byte {
	enc, err := mandateRegistry.abi.Pack("frozen", principal, agentId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFrozen is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x36173764.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function frozen(address principal, uint256 agentId) view returns(bool)
func (mandateRegistry *MandateRegistry) TryPackFrozen(principal common.Address, agentId *big.Int) ([]byte, error) {
	return mandateRegistry.abi.Pack("frozen", principal, agentId)
}

// UnpackFrozen is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x36173764.
//
// Solidity: function frozen(address principal, uint256 agentId) view returns(bool)
func (mandateRegistry *MandateRegistry) UnpackFrozen(data []byte) (bool, error) {
	out, err := mandateRegistry.abi.Unpack("frozen", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackGetMandate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa8e64c8a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getMandate(uint256 mandateId) view returns((address,uint256,address,address,uint256,uint256,uint64,uint64,uint64,bool,bool,uint8,uint8,uint8,uint256,uint256,uint64,bool,uint256,uint32) v)
func (mandateRegistry *MandateRegistry) PackGetMandate(mandateId *big.Int) []byte {
	enc, err := mandateRegistry.abi.Pack("getMandate", mandateId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetMandate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa8e64c8a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getMandate(uint256 mandateId) view returns((address,uint256,address,address,uint256,uint256,uint64,uint64,uint64,bool,bool,uint8,uint8,uint8,uint256,uint256,uint64,bool,uint256,uint32) v)
func (mandateRegistry *MandateRegistry) TryPackGetMandate(mandateId *big.Int) ([]byte, error) {
	return mandateRegistry.abi.Pack("getMandate", mandateId)
}

// UnpackGetMandate is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa8e64c8a.
//
// Solidity: function getMandate(uint256 mandateId) view returns((address,uint256,address,address,uint256,uint256,uint64,uint64,uint64,bool,bool,uint8,uint8,uint8,uint256,uint256,uint64,bool,uint256,uint32) v)
func (mandateRegistry *MandateRegistry) UnpackGetMandate(data []byte) (IMandateRegistryMandateView, error) {
	out, err := mandateRegistry.abi.Unpack("getMandate", data)
	if err != nil {
		return *new(IMandateRegistryMandateView), err
	}
	out0 := *abi.ConvertType(out[0], new(IMandateRegistryMandateView)).(*IMandateRegistryMandateView)
	return out0, nil
}

// PackGrant is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc875d8f0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function grant((address,uint256,address,address,uint256,uint256,uint64,uint64,uint64,uint256[],bytes32[],address[],uint8,uint256,uint8,uint256,uint64) terms) returns(uint256 mandateId)
func (mandateRegistry *MandateRegistry) PackGrant(terms IMandateRegistryMandateTerms) []byte {
	enc, err := mandateRegistry.abi.Pack("grant", terms)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGrant is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc875d8f0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function grant((address,uint256,address,address,uint256,uint256,uint64,uint64,uint64,uint256[],bytes32[],address[],uint8,uint256,uint8,uint256,uint64) terms) returns(uint256 mandateId)
func (mandateRegistry *MandateRegistry) TryPackGrant(terms IMandateRegistryMandateTerms) ([]byte, error) {
	return mandateRegistry.abi.Pack("grant", terms)
}

// UnpackGrant is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc875d8f0.
//
// Solidity: function grant((address,uint256,address,address,uint256,uint256,uint64,uint64,uint64,uint256[],bytes32[],address[],uint8,uint256,uint8,uint256,uint64) terms) returns(uint256 mandateId)
func (mandateRegistry *MandateRegistry) UnpackGrant(data []byte) (*big.Int, error) {
	out, err := mandateRegistry.abi.Unpack("grant", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGrantWithSig is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1f40ebff.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function grantWithSig((address,uint256,address,address,uint256,uint256,uint64,uint64,uint64,uint256[],bytes32[],address[],uint8,uint256,uint8,uint256,uint64) terms, uint256 nonce, uint256 deadline, bytes signature) returns(uint256 mandateId)
func (mandateRegistry *MandateRegistry) PackGrantWithSig(terms IMandateRegistryMandateTerms, nonce *big.Int, deadline *big.Int, signature []byte) []byte {
	enc, err := mandateRegistry.abi.Pack("grantWithSig", terms, nonce, deadline, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGrantWithSig is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1f40ebff.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function grantWithSig((address,uint256,address,address,uint256,uint256,uint64,uint64,uint64,uint256[],bytes32[],address[],uint8,uint256,uint8,uint256,uint64) terms, uint256 nonce, uint256 deadline, bytes signature) returns(uint256 mandateId)
func (mandateRegistry *MandateRegistry) TryPackGrantWithSig(terms IMandateRegistryMandateTerms, nonce *big.Int, deadline *big.Int, signature []byte) ([]byte, error) {
	return mandateRegistry.abi.Pack("grantWithSig", terms, nonce, deadline, signature)
}

// UnpackGrantWithSig is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1f40ebff.
//
// Solidity: function grantWithSig((address,uint256,address,address,uint256,uint256,uint64,uint64,uint64,uint256[],bytes32[],address[],uint8,uint256,uint8,uint256,uint64) terms, uint256 nonce, uint256 deadline, bytes signature) returns(uint256 mandateId)
func (mandateRegistry *MandateRegistry) UnpackGrantWithSig(data []byte) (*big.Int, error) {
	out, err := mandateRegistry.abi.Unpack("grantWithSig", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGuardianOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xacd52e8d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function guardianOf(address principal) view returns(address)
func (mandateRegistry *MandateRegistry) PackGuardianOf(principal common.Address) []byte {
	enc, err := mandateRegistry.abi.Pack("guardianOf", principal)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGuardianOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xacd52e8d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function guardianOf(address principal) view returns(address)
func (mandateRegistry *MandateRegistry) TryPackGuardianOf(principal common.Address) ([]byte, error) {
	return mandateRegistry.abi.Pack("guardianOf", principal)
}

// UnpackGuardianOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xacd52e8d.
//
// Solidity: function guardianOf(address principal) view returns(address)
func (mandateRegistry *MandateRegistry) UnpackGuardianOf(data []byte) (common.Address, error) {
	out, err := mandateRegistry.abi.Unpack("guardianOf", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackHasApproved is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc21af88a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hasApproved(uint256 mandateId, bytes32 agreementHash, address approver) view returns(bool)
func (mandateRegistry *MandateRegistry) PackHasApproved(mandateId *big.Int, agreementHash [32]byte, approver common.Address) []byte {
	enc, err := mandateRegistry.abi.Pack("hasApproved", mandateId, agreementHash, approver)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHasApproved is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc21af88a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hasApproved(uint256 mandateId, bytes32 agreementHash, address approver) view returns(bool)
func (mandateRegistry *MandateRegistry) TryPackHasApproved(mandateId *big.Int, agreementHash [32]byte, approver common.Address) ([]byte, error) {
	return mandateRegistry.abi.Pack("hasApproved", mandateId, agreementHash, approver)
}

// UnpackHasApproved is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc21af88a.
//
// Solidity: function hasApproved(uint256 mandateId, bytes32 agreementHash, address approver) view returns(bool)
func (mandateRegistry *MandateRegistry) UnpackHasApproved(data []byte) (bool, error) {
	out, err := mandateRegistry.abi.Unpack("hasApproved", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackHashApproval is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa642a953.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hashApproval(uint256 mandateId, bytes32 agreementHash, uint256 deadline) view returns(bytes32)
func (mandateRegistry *MandateRegistry) PackHashApproval(mandateId *big.Int, agreementHash [32]byte, deadline *big.Int) []byte {
	enc, err := mandateRegistry.abi.Pack("hashApproval", mandateId, agreementHash, deadline)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHashApproval is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa642a953.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hashApproval(uint256 mandateId, bytes32 agreementHash, uint256 deadline) view returns(bytes32)
func (mandateRegistry *MandateRegistry) TryPackHashApproval(mandateId *big.Int, agreementHash [32]byte, deadline *big.Int) ([]byte, error) {
	return mandateRegistry.abi.Pack("hashApproval", mandateId, agreementHash, deadline)
}

// UnpackHashApproval is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa642a953.
//
// Solidity: function hashApproval(uint256 mandateId, bytes32 agreementHash, uint256 deadline) view returns(bytes32)
func (mandateRegistry *MandateRegistry) UnpackHashApproval(data []byte) ([32]byte, error) {
	out, err := mandateRegistry.abi.Unpack("hashApproval", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackHashMandate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfd02d642.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hashMandate((address,uint256,address,address,uint256,uint256,uint64,uint64,uint64,uint256[],bytes32[],address[],uint8,uint256,uint8,uint256,uint64) terms, uint256 nonce, uint256 deadline) view returns(bytes32)
func (mandateRegistry *MandateRegistry) PackHashMandate(terms IMandateRegistryMandateTerms, nonce *big.Int, deadline *big.Int) []byte {
	enc, err := mandateRegistry.abi.Pack("hashMandate", terms, nonce, deadline)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHashMandate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfd02d642.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hashMandate((address,uint256,address,address,uint256,uint256,uint64,uint64,uint64,uint256[],bytes32[],address[],uint8,uint256,uint8,uint256,uint64) terms, uint256 nonce, uint256 deadline) view returns(bytes32)
func (mandateRegistry *MandateRegistry) TryPackHashMandate(terms IMandateRegistryMandateTerms, nonce *big.Int, deadline *big.Int) ([]byte, error) {
	return mandateRegistry.abi.Pack("hashMandate", terms, nonce, deadline)
}

// UnpackHashMandate is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfd02d642.
//
// Solidity: function hashMandate((address,uint256,address,address,uint256,uint256,uint64,uint64,uint64,uint256[],bytes32[],address[],uint8,uint256,uint8,uint256,uint64) terms, uint256 nonce, uint256 deadline) view returns(bytes32)
func (mandateRegistry *MandateRegistry) UnpackHashMandate(data []byte) ([32]byte, error) {
	out, err := mandateRegistry.abi.Unpack("hashMandate", data)
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
func (mandateRegistry *MandateRegistry) PackIdentityRegistry() []byte {
	enc, err := mandateRegistry.abi.Pack("identityRegistry")
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
func (mandateRegistry *MandateRegistry) TryPackIdentityRegistry() ([]byte, error) {
	return mandateRegistry.abi.Pack("identityRegistry")
}

// UnpackIdentityRegistry is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x134e18f4.
//
// Solidity: function identityRegistry() view returns(address)
func (mandateRegistry *MandateRegistry) UnpackIdentityRegistry(data []byte) (common.Address, error) {
	out, err := mandateRegistry.abi.Unpack("identityRegistry", data)
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
func (mandateRegistry *MandateRegistry) PackInvalidateNonce(nonce *big.Int) []byte {
	enc, err := mandateRegistry.abi.Pack("invalidateNonce", nonce)
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
func (mandateRegistry *MandateRegistry) TryPackInvalidateNonce(nonce *big.Int) ([]byte, error) {
	return mandateRegistry.abi.Pack("invalidateNonce", nonce)
}

// PackMandateCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x60b5662e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mandateCount() view returns(uint256)
func (mandateRegistry *MandateRegistry) PackMandateCount() []byte {
	enc, err := mandateRegistry.abi.Pack("mandateCount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMandateCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x60b5662e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mandateCount() view returns(uint256)
func (mandateRegistry *MandateRegistry) TryPackMandateCount() ([]byte, error) {
	return mandateRegistry.abi.Pack("mandateCount")
}

// UnpackMandateCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x60b5662e.
//
// Solidity: function mandateCount() view returns(uint256)
func (mandateRegistry *MandateRegistry) UnpackMandateCount(data []byte) (*big.Int, error) {
	out, err := mandateRegistry.abi.Unpack("mandateCount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackNonceUsed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1647795e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nonceUsed(address principal, uint256 nonce) view returns(bool)
func (mandateRegistry *MandateRegistry) PackNonceUsed(principal common.Address, nonce *big.Int) []byte {
	enc, err := mandateRegistry.abi.Pack("nonceUsed", principal, nonce)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNonceUsed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1647795e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nonceUsed(address principal, uint256 nonce) view returns(bool)
func (mandateRegistry *MandateRegistry) TryPackNonceUsed(principal common.Address, nonce *big.Int) ([]byte, error) {
	return mandateRegistry.abi.Pack("nonceUsed", principal, nonce)
}

// UnpackNonceUsed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1647795e.
//
// Solidity: function nonceUsed(address principal, uint256 nonce) view returns(bool)
func (mandateRegistry *MandateRegistry) UnpackNonceUsed(data []byte) (bool, error) {
	out, err := mandateRegistry.abi.Unpack("nonceUsed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackPayeeAllowed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfaaf1a0a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function payeeAllowed(uint256 mandateId, uint256 agentId) view returns(bool)
func (mandateRegistry *MandateRegistry) PackPayeeAllowed(mandateId *big.Int, agentId *big.Int) []byte {
	enc, err := mandateRegistry.abi.Pack("payeeAllowed", mandateId, agentId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPayeeAllowed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfaaf1a0a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function payeeAllowed(uint256 mandateId, uint256 agentId) view returns(bool)
func (mandateRegistry *MandateRegistry) TryPackPayeeAllowed(mandateId *big.Int, agentId *big.Int) ([]byte, error) {
	return mandateRegistry.abi.Pack("payeeAllowed", mandateId, agentId)
}

// UnpackPayeeAllowed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfaaf1a0a.
//
// Solidity: function payeeAllowed(uint256 mandateId, uint256 agentId) view returns(bool)
func (mandateRegistry *MandateRegistry) UnpackPayeeAllowed(data []byte) (bool, error) {
	out, err := mandateRegistry.abi.Unpack("payeeAllowed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackRemaining is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0361bf14.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function remaining(uint256 mandateId) view returns(uint256 amount, uint32 periodIndex)
func (mandateRegistry *MandateRegistry) PackRemaining(mandateId *big.Int) []byte {
	enc, err := mandateRegistry.abi.Pack("remaining", mandateId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRemaining is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0361bf14.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function remaining(uint256 mandateId) view returns(uint256 amount, uint32 periodIndex)
func (mandateRegistry *MandateRegistry) TryPackRemaining(mandateId *big.Int) ([]byte, error) {
	return mandateRegistry.abi.Pack("remaining", mandateId)
}

// MandateRegistryRemainingOutput serves as a container for the return parameters of contract
// method Remaining.
type MandateRegistryRemainingOutput struct {
	Amount      *big.Int
	PeriodIndex uint32
}

// UnpackRemaining is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0361bf14.
//
// Solidity: function remaining(uint256 mandateId) view returns(uint256 amount, uint32 periodIndex)
func (mandateRegistry *MandateRegistry) UnpackRemaining(data []byte) (MandateRegistryRemainingOutput, error) {
	out, err := mandateRegistry.abi.Unpack("remaining", data)
	outstruct := new(MandateRegistryRemainingOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Amount = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.PeriodIndex = *abi.ConvertType(out[1], new(uint32)).(*uint32)
	return *outstruct, nil
}

// PackRestore is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4afc4f6c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function restore(uint256 mandateId, uint256 jobId, uint32 periodIndex, uint256 amount) returns(address principal)
func (mandateRegistry *MandateRegistry) PackRestore(mandateId *big.Int, jobId *big.Int, periodIndex uint32, amount *big.Int) []byte {
	enc, err := mandateRegistry.abi.Pack("restore", mandateId, jobId, periodIndex, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRestore is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4afc4f6c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function restore(uint256 mandateId, uint256 jobId, uint32 periodIndex, uint256 amount) returns(address principal)
func (mandateRegistry *MandateRegistry) TryPackRestore(mandateId *big.Int, jobId *big.Int, periodIndex uint32, amount *big.Int) ([]byte, error) {
	return mandateRegistry.abi.Pack("restore", mandateId, jobId, periodIndex, amount)
}

// UnpackRestore is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4afc4f6c.
//
// Solidity: function restore(uint256 mandateId, uint256 jobId, uint32 periodIndex, uint256 amount) returns(address principal)
func (mandateRegistry *MandateRegistry) UnpackRestore(data []byte) (common.Address, error) {
	out, err := mandateRegistry.abi.Unpack("restore", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRevoke is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x20c5429b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revoke(uint256 mandateId) returns()
func (mandateRegistry *MandateRegistry) PackRevoke(mandateId *big.Int) []byte {
	enc, err := mandateRegistry.abi.Pack("revoke", mandateId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevoke is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x20c5429b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revoke(uint256 mandateId) returns()
func (mandateRegistry *MandateRegistry) TryPackRevoke(mandateId *big.Int) ([]byte, error) {
	return mandateRegistry.abi.Pack("revoke", mandateId)
}

// PackSetGuardian is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8a0dac4a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setGuardian(address guardian) returns()
func (mandateRegistry *MandateRegistry) PackSetGuardian(guardian common.Address) []byte {
	enc, err := mandateRegistry.abi.Pack("setGuardian", guardian)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetGuardian is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8a0dac4a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setGuardian(address guardian) returns()
func (mandateRegistry *MandateRegistry) TryPackSetGuardian(guardian common.Address) ([]byte, error) {
	return mandateRegistry.abi.Pack("setGuardian", guardian)
}

// PackSpecAllowed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd14457a4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function specAllowed(uint256 mandateId, bytes32 specHash) view returns(bool)
func (mandateRegistry *MandateRegistry) PackSpecAllowed(mandateId *big.Int, specHash [32]byte) []byte {
	enc, err := mandateRegistry.abi.Pack("specAllowed", mandateId, specHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSpecAllowed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd14457a4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function specAllowed(uint256 mandateId, bytes32 specHash) view returns(bool)
func (mandateRegistry *MandateRegistry) TryPackSpecAllowed(mandateId *big.Int, specHash [32]byte) ([]byte, error) {
	return mandateRegistry.abi.Pack("specAllowed", mandateId, specHash)
}

// UnpackSpecAllowed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd14457a4.
//
// Solidity: function specAllowed(uint256 mandateId, bytes32 specHash) view returns(bool)
func (mandateRegistry *MandateRegistry) UnpackSpecAllowed(data []byte) (bool, error) {
	out, err := mandateRegistry.abi.Unpack("specAllowed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackSpend is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xea8f7360.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function spend(uint256 mandateId, uint256 jobId, address agent, uint256 payeeAgentId, bytes32 specHash, address token, uint256 amount, bytes32 agreementHash) returns(address principal, uint32 periodIndex)
func (mandateRegistry *MandateRegistry) PackSpend(mandateId *big.Int, jobId *big.Int, agent common.Address, payeeAgentId *big.Int, specHash [32]byte, token common.Address, amount *big.Int, agreementHash [32]byte) []byte {
	enc, err := mandateRegistry.abi.Pack("spend", mandateId, jobId, agent, payeeAgentId, specHash, token, amount, agreementHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSpend is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xea8f7360.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function spend(uint256 mandateId, uint256 jobId, address agent, uint256 payeeAgentId, bytes32 specHash, address token, uint256 amount, bytes32 agreementHash) returns(address principal, uint32 periodIndex)
func (mandateRegistry *MandateRegistry) TryPackSpend(mandateId *big.Int, jobId *big.Int, agent common.Address, payeeAgentId *big.Int, specHash [32]byte, token common.Address, amount *big.Int, agreementHash [32]byte) ([]byte, error) {
	return mandateRegistry.abi.Pack("spend", mandateId, jobId, agent, payeeAgentId, specHash, token, amount, agreementHash)
}

// MandateRegistrySpendOutput serves as a container for the return parameters of contract
// method Spend.
type MandateRegistrySpendOutput struct {
	Principal   common.Address
	PeriodIndex uint32
}

// UnpackSpend is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xea8f7360.
//
// Solidity: function spend(uint256 mandateId, uint256 jobId, address agent, uint256 payeeAgentId, bytes32 specHash, address token, uint256 amount, bytes32 agreementHash) returns(address principal, uint32 periodIndex)
func (mandateRegistry *MandateRegistry) UnpackSpend(data []byte) (MandateRegistrySpendOutput, error) {
	out, err := mandateRegistry.abi.Unpack("spend", data)
	outstruct := new(MandateRegistrySpendOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Principal = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.PeriodIndex = *abi.ConvertType(out[1], new(uint32)).(*uint32)
	return *outstruct, nil
}

// PackUnfreeze is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6623fc46.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unfreeze(uint256 agentId) returns()
func (mandateRegistry *MandateRegistry) PackUnfreeze(agentId *big.Int) []byte {
	enc, err := mandateRegistry.abi.Pack("unfreeze", agentId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnfreeze is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6623fc46.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unfreeze(uint256 agentId) returns()
func (mandateRegistry *MandateRegistry) TryPackUnfreeze(agentId *big.Int) ([]byte, error) {
	return mandateRegistry.abi.Pack("unfreeze", agentId)
}

// MandateRegistryAgentFrozen represents a AgentFrozen event raised by the MandateRegistry contract.
type MandateRegistryAgentFrozen struct {
	Principal common.Address
	AgentId   *big.Int
	By        common.Address
	Raw       *types.Log // Blockchain specific contextual infos
}

const MandateRegistryAgentFrozenEventName = "AgentFrozen"

// ContractEventName returns the user-defined event name.
func (MandateRegistryAgentFrozen) ContractEventName() string {
	return MandateRegistryAgentFrozenEventName
}

// UnpackAgentFrozenEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AgentFrozen(address indexed principal, uint256 indexed agentId, address indexed by)
func (mandateRegistry *MandateRegistry) UnpackAgentFrozenEvent(log *types.Log) (*MandateRegistryAgentFrozen, error) {
	event := "AgentFrozen"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mandateRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MandateRegistryAgentFrozen)
	if len(log.Data) > 0 {
		if err := mandateRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mandateRegistry.abi.Events[event].Inputs {
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

// MandateRegistryAgentUnfrozen represents a AgentUnfrozen event raised by the MandateRegistry contract.
type MandateRegistryAgentUnfrozen struct {
	Principal common.Address
	AgentId   *big.Int
	Raw       *types.Log // Blockchain specific contextual infos
}

const MandateRegistryAgentUnfrozenEventName = "AgentUnfrozen"

// ContractEventName returns the user-defined event name.
func (MandateRegistryAgentUnfrozen) ContractEventName() string {
	return MandateRegistryAgentUnfrozenEventName
}

// UnpackAgentUnfrozenEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AgentUnfrozen(address indexed principal, uint256 indexed agentId)
func (mandateRegistry *MandateRegistry) UnpackAgentUnfrozenEvent(log *types.Log) (*MandateRegistryAgentUnfrozen, error) {
	event := "AgentUnfrozen"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mandateRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MandateRegistryAgentUnfrozen)
	if len(log.Data) > 0 {
		if err := mandateRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mandateRegistry.abi.Events[event].Inputs {
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

// MandateRegistryEIP712DomainChanged represents a EIP712DomainChanged event raised by the MandateRegistry contract.
type MandateRegistryEIP712DomainChanged struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const MandateRegistryEIP712DomainChangedEventName = "EIP712DomainChanged"

// ContractEventName returns the user-defined event name.
func (MandateRegistryEIP712DomainChanged) ContractEventName() string {
	return MandateRegistryEIP712DomainChangedEventName
}

// UnpackEIP712DomainChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EIP712DomainChanged()
func (mandateRegistry *MandateRegistry) UnpackEIP712DomainChangedEvent(log *types.Log) (*MandateRegistryEIP712DomainChanged, error) {
	event := "EIP712DomainChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mandateRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MandateRegistryEIP712DomainChanged)
	if len(log.Data) > 0 {
		if err := mandateRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mandateRegistry.abi.Events[event].Inputs {
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

// MandateRegistryGuardianSet represents a GuardianSet event raised by the MandateRegistry contract.
type MandateRegistryGuardianSet struct {
	Principal common.Address
	Guardian  common.Address
	Raw       *types.Log // Blockchain specific contextual infos
}

const MandateRegistryGuardianSetEventName = "GuardianSet"

// ContractEventName returns the user-defined event name.
func (MandateRegistryGuardianSet) ContractEventName() string {
	return MandateRegistryGuardianSetEventName
}

// UnpackGuardianSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event GuardianSet(address indexed principal, address indexed guardian)
func (mandateRegistry *MandateRegistry) UnpackGuardianSetEvent(log *types.Log) (*MandateRegistryGuardianSet, error) {
	event := "GuardianSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mandateRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MandateRegistryGuardianSet)
	if len(log.Data) > 0 {
		if err := mandateRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mandateRegistry.abi.Events[event].Inputs {
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

// MandateRegistryMandateApproved represents a MandateApproved event raised by the MandateRegistry contract.
type MandateRegistryMandateApproved struct {
	MandateId     *big.Int
	AgreementHash [32]byte
	Approver      common.Address
	Approvals     uint8
	Raw           *types.Log // Blockchain specific contextual infos
}

const MandateRegistryMandateApprovedEventName = "MandateApproved"

// ContractEventName returns the user-defined event name.
func (MandateRegistryMandateApproved) ContractEventName() string {
	return MandateRegistryMandateApprovedEventName
}

// UnpackMandateApprovedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MandateApproved(uint256 indexed mandateId, bytes32 indexed agreementHash, address indexed approver, uint8 approvals)
func (mandateRegistry *MandateRegistry) UnpackMandateApprovedEvent(log *types.Log) (*MandateRegistryMandateApproved, error) {
	event := "MandateApproved"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mandateRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MandateRegistryMandateApproved)
	if len(log.Data) > 0 {
		if err := mandateRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mandateRegistry.abi.Events[event].Inputs {
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

// MandateRegistryMandateApprover represents a MandateApprover event raised by the MandateRegistry contract.
type MandateRegistryMandateApprover struct {
	MandateId *big.Int
	Approver  common.Address
	Index     uint8
	Raw       *types.Log // Blockchain specific contextual infos
}

const MandateRegistryMandateApproverEventName = "MandateApprover"

// ContractEventName returns the user-defined event name.
func (MandateRegistryMandateApprover) ContractEventName() string {
	return MandateRegistryMandateApproverEventName
}

// UnpackMandateApproverEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MandateApprover(uint256 indexed mandateId, address indexed approver, uint8 index)
func (mandateRegistry *MandateRegistry) UnpackMandateApproverEvent(log *types.Log) (*MandateRegistryMandateApprover, error) {
	event := "MandateApprover"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mandateRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MandateRegistryMandateApprover)
	if len(log.Data) > 0 {
		if err := mandateRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mandateRegistry.abi.Events[event].Inputs {
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

// MandateRegistryMandateGranted represents a MandateGranted event raised by the MandateRegistry contract.
type MandateRegistryMandateGranted struct {
	MandateId     *big.Int
	Principal     common.Address
	AgentId       *big.Int
	Agent         common.Address
	Token         common.Address
	MaxPerJob     *big.Int
	Budget        *big.Int
	Period        uint64
	ValidAfter    uint64
	ValidUntil    uint64
	AnyPayee      bool
	AnySpec       bool
	Quorum        uint8
	EscalateAbove *big.Int
	QuorumHigh    uint8
	TimelockAbove *big.Int
	Timelock      uint64
	StructHash    [32]byte
	Raw           *types.Log // Blockchain specific contextual infos
}

const MandateRegistryMandateGrantedEventName = "MandateGranted"

// ContractEventName returns the user-defined event name.
func (MandateRegistryMandateGranted) ContractEventName() string {
	return MandateRegistryMandateGrantedEventName
}

// UnpackMandateGrantedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MandateGranted(uint256 indexed mandateId, address indexed principal, uint256 indexed agentId, address agent, address token, uint256 maxPerJob, uint256 budget, uint64 period, uint64 validAfter, uint64 validUntil, bool anyPayee, bool anySpec, uint8 quorum, uint256 escalateAbove, uint8 quorumHigh, uint256 timelockAbove, uint64 timelock, bytes32 structHash)
func (mandateRegistry *MandateRegistry) UnpackMandateGrantedEvent(log *types.Log) (*MandateRegistryMandateGranted, error) {
	event := "MandateGranted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mandateRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MandateRegistryMandateGranted)
	if len(log.Data) > 0 {
		if err := mandateRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mandateRegistry.abi.Events[event].Inputs {
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

// MandateRegistryMandateNonceInvalidated represents a MandateNonceInvalidated event raised by the MandateRegistry contract.
type MandateRegistryMandateNonceInvalidated struct {
	Principal common.Address
	Nonce     *big.Int
	Raw       *types.Log // Blockchain specific contextual infos
}

const MandateRegistryMandateNonceInvalidatedEventName = "MandateNonceInvalidated"

// ContractEventName returns the user-defined event name.
func (MandateRegistryMandateNonceInvalidated) ContractEventName() string {
	return MandateRegistryMandateNonceInvalidatedEventName
}

// UnpackMandateNonceInvalidatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MandateNonceInvalidated(address indexed principal, uint256 nonce)
func (mandateRegistry *MandateRegistry) UnpackMandateNonceInvalidatedEvent(log *types.Log) (*MandateRegistryMandateNonceInvalidated, error) {
	event := "MandateNonceInvalidated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mandateRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MandateRegistryMandateNonceInvalidated)
	if len(log.Data) > 0 {
		if err := mandateRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mandateRegistry.abi.Events[event].Inputs {
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

// MandateRegistryMandatePayee represents a MandatePayee event raised by the MandateRegistry contract.
type MandateRegistryMandatePayee struct {
	MandateId    *big.Int
	PayeeAgentId *big.Int
	Raw          *types.Log // Blockchain specific contextual infos
}

const MandateRegistryMandatePayeeEventName = "MandatePayee"

// ContractEventName returns the user-defined event name.
func (MandateRegistryMandatePayee) ContractEventName() string {
	return MandateRegistryMandatePayeeEventName
}

// UnpackMandatePayeeEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MandatePayee(uint256 indexed mandateId, uint256 indexed payeeAgentId)
func (mandateRegistry *MandateRegistry) UnpackMandatePayeeEvent(log *types.Log) (*MandateRegistryMandatePayee, error) {
	event := "MandatePayee"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mandateRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MandateRegistryMandatePayee)
	if len(log.Data) > 0 {
		if err := mandateRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mandateRegistry.abi.Events[event].Inputs {
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

// MandateRegistryMandateRestored represents a MandateRestored event raised by the MandateRegistry contract.
type MandateRegistryMandateRestored struct {
	MandateId   *big.Int
	JobId       *big.Int
	Amount      *big.Int
	Restored    *big.Int
	PeriodIndex uint32
	Raw         *types.Log // Blockchain specific contextual infos
}

const MandateRegistryMandateRestoredEventName = "MandateRestored"

// ContractEventName returns the user-defined event name.
func (MandateRegistryMandateRestored) ContractEventName() string {
	return MandateRegistryMandateRestoredEventName
}

// UnpackMandateRestoredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MandateRestored(uint256 indexed mandateId, uint256 indexed jobId, uint256 amount, uint256 restored, uint32 periodIndex)
func (mandateRegistry *MandateRegistry) UnpackMandateRestoredEvent(log *types.Log) (*MandateRegistryMandateRestored, error) {
	event := "MandateRestored"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mandateRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MandateRegistryMandateRestored)
	if len(log.Data) > 0 {
		if err := mandateRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mandateRegistry.abi.Events[event].Inputs {
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

// MandateRegistryMandateRevoked represents a MandateRevoked event raised by the MandateRegistry contract.
type MandateRegistryMandateRevoked struct {
	MandateId *big.Int
	By        common.Address
	Raw       *types.Log // Blockchain specific contextual infos
}

const MandateRegistryMandateRevokedEventName = "MandateRevoked"

// ContractEventName returns the user-defined event name.
func (MandateRegistryMandateRevoked) ContractEventName() string {
	return MandateRegistryMandateRevokedEventName
}

// UnpackMandateRevokedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MandateRevoked(uint256 indexed mandateId, address indexed by)
func (mandateRegistry *MandateRegistry) UnpackMandateRevokedEvent(log *types.Log) (*MandateRegistryMandateRevoked, error) {
	event := "MandateRevoked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mandateRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MandateRegistryMandateRevoked)
	if len(log.Data) > 0 {
		if err := mandateRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mandateRegistry.abi.Events[event].Inputs {
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

// MandateRegistryMandateSpec represents a MandateSpec event raised by the MandateRegistry contract.
type MandateRegistryMandateSpec struct {
	MandateId *big.Int
	SpecHash  [32]byte
	Raw       *types.Log // Blockchain specific contextual infos
}

const MandateRegistryMandateSpecEventName = "MandateSpec"

// ContractEventName returns the user-defined event name.
func (MandateRegistryMandateSpec) ContractEventName() string {
	return MandateRegistryMandateSpecEventName
}

// UnpackMandateSpecEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MandateSpec(uint256 indexed mandateId, bytes32 indexed specHash)
func (mandateRegistry *MandateRegistry) UnpackMandateSpecEvent(log *types.Log) (*MandateRegistryMandateSpec, error) {
	event := "MandateSpec"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mandateRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MandateRegistryMandateSpec)
	if len(log.Data) > 0 {
		if err := mandateRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mandateRegistry.abi.Events[event].Inputs {
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

// MandateRegistryMandateSpent represents a MandateSpent event raised by the MandateRegistry contract.
type MandateRegistryMandateSpent struct {
	MandateId   *big.Int
	JobId       *big.Int
	Amount      *big.Int
	PeriodIndex uint32
	Spent       *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const MandateRegistryMandateSpentEventName = "MandateSpent"

// ContractEventName returns the user-defined event name.
func (MandateRegistryMandateSpent) ContractEventName() string {
	return MandateRegistryMandateSpentEventName
}

// UnpackMandateSpentEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MandateSpent(uint256 indexed mandateId, uint256 indexed jobId, uint256 amount, uint32 periodIndex, uint256 spent)
func (mandateRegistry *MandateRegistry) UnpackMandateSpentEvent(log *types.Log) (*MandateRegistryMandateSpent, error) {
	event := "MandateSpent"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mandateRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MandateRegistryMandateSpent)
	if len(log.Data) > 0 {
		if err := mandateRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mandateRegistry.abi.Events[event].Inputs {
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
func (mandateRegistry *MandateRegistry) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["AgentIdOutOfRange"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackAgentIdOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["AgentIsFrozen"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackAgentIsFrozenError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["AgentIsPrincipal"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackAgentIsPrincipalError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["AgentNotFrozen"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackAgentNotFrozenError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["AgentWalletMismatch"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackAgentWalletMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["AlreadyApproved"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackAlreadyApprovedError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["AmountOutOfRange"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackAmountOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["ApprovalsMissing"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackApprovalsMissingError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["ApproverIsAgent"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackApproverIsAgentError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["DuplicateApprover"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackDuplicateApproverError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["InvalidBands"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackInvalidBandsError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["InvalidShortString"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackInvalidShortStringError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["InvalidSignature"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["InvalidWindow"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackInvalidWindowError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["MandateAgentMismatch"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackMandateAgentMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["MandateExpired"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackMandateExpiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["MandateIsRevoked"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackMandateIsRevokedError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["MandateLive"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackMandateLiveError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["MandateNotFound"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackMandateNotFoundError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["MandateNotYetValid"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackMandateNotYetValidError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["MandateTokenMismatch"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackMandateTokenMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["NonceAlreadyUsed"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackNonceAlreadyUsedError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["NotApprover"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackNotApproverError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["NotEscrow"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackNotEscrowError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["NotPrincipal"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackNotPrincipalError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["NotPrincipalOrGuardian"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackNotPrincipalOrGuardianError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["OverBudget"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackOverBudgetError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["OverJobCap"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackOverJobCapError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["PayeeNotAllowed"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackPayeeNotAllowedError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["PeriodOutOfRange"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackPeriodOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["SignatureExpired"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackSignatureExpiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["SpecNotAllowed"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackSpecNotAllowedError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["StringTooLong"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackStringTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["TimelockPending"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackTimelockPendingError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["TooManyApprovers"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackTooManyApproversError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["ZeroAddress"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackZeroAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], mandateRegistry.abi.Errors["ZeroCap"].ID.Bytes()[:4]) {
		return mandateRegistry.UnpackZeroCapError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// MandateRegistryAgentIdOutOfRange represents a AgentIdOutOfRange error raised by the MandateRegistry contract.
type MandateRegistryAgentIdOutOfRange struct {
	AgentId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AgentIdOutOfRange(uint256 agentId)
func MandateRegistryAgentIdOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x09490efb5eae7af98d00aa38bedeb248a05183c2669a014e8c860d8f6deed996")
}

// UnpackAgentIdOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AgentIdOutOfRange(uint256 agentId)
func (mandateRegistry *MandateRegistry) UnpackAgentIdOutOfRangeError(raw []byte) (*MandateRegistryAgentIdOutOfRange, error) {
	out := new(MandateRegistryAgentIdOutOfRange)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "AgentIdOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryAgentIsFrozen represents a AgentIsFrozen error raised by the MandateRegistry contract.
type MandateRegistryAgentIsFrozen struct {
	Principal common.Address
	AgentId   *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AgentIsFrozen(address principal, uint256 agentId)
func MandateRegistryAgentIsFrozenErrorID() common.Hash {
	return common.HexToHash("0x6458f7e0ce472a7f6e63467f155eded5e313707f8fe5f52d7a60edc6c0d77cbc")
}

// UnpackAgentIsFrozenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AgentIsFrozen(address principal, uint256 agentId)
func (mandateRegistry *MandateRegistry) UnpackAgentIsFrozenError(raw []byte) (*MandateRegistryAgentIsFrozen, error) {
	out := new(MandateRegistryAgentIsFrozen)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "AgentIsFrozen", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryAgentIsPrincipal represents a AgentIsPrincipal error raised by the MandateRegistry contract.
type MandateRegistryAgentIsPrincipal struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AgentIsPrincipal(address account)
func MandateRegistryAgentIsPrincipalErrorID() common.Hash {
	return common.HexToHash("0xb206e780ae027f6592c4f7b7363796df3ea5cf51b0a91b4d4dfcc7991709ab9e")
}

// UnpackAgentIsPrincipalError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AgentIsPrincipal(address account)
func (mandateRegistry *MandateRegistry) UnpackAgentIsPrincipalError(raw []byte) (*MandateRegistryAgentIsPrincipal, error) {
	out := new(MandateRegistryAgentIsPrincipal)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "AgentIsPrincipal", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryAgentNotFrozen represents a AgentNotFrozen error raised by the MandateRegistry contract.
type MandateRegistryAgentNotFrozen struct {
	Principal common.Address
	AgentId   *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AgentNotFrozen(address principal, uint256 agentId)
func MandateRegistryAgentNotFrozenErrorID() common.Hash {
	return common.HexToHash("0x0b4e47b31efd5ffe7a3f7553440f1e599204954d7f210d2cc83462d428872a3f")
}

// UnpackAgentNotFrozenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AgentNotFrozen(address principal, uint256 agentId)
func (mandateRegistry *MandateRegistry) UnpackAgentNotFrozenError(raw []byte) (*MandateRegistryAgentNotFrozen, error) {
	out := new(MandateRegistryAgentNotFrozen)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "AgentNotFrozen", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryAgentWalletMismatch represents a AgentWalletMismatch error raised by the MandateRegistry contract.
type MandateRegistryAgentWalletMismatch struct {
	AgentId *big.Int
	Agent   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AgentWalletMismatch(uint256 agentId, address agent)
func MandateRegistryAgentWalletMismatchErrorID() common.Hash {
	return common.HexToHash("0x77accc64049afd32f3a3d2fd1ba5ab4e8d28180177bd2d2a684ce838239ad9c3")
}

// UnpackAgentWalletMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AgentWalletMismatch(uint256 agentId, address agent)
func (mandateRegistry *MandateRegistry) UnpackAgentWalletMismatchError(raw []byte) (*MandateRegistryAgentWalletMismatch, error) {
	out := new(MandateRegistryAgentWalletMismatch)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "AgentWalletMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryAlreadyApproved represents a AlreadyApproved error raised by the MandateRegistry contract.
type MandateRegistryAlreadyApproved struct {
	Approver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyApproved(address approver)
func MandateRegistryAlreadyApprovedErrorID() common.Hash {
	return common.HexToHash("0xc1034b2c4dd433c82f7587f8c2bd41a05508043c3ac260151796a5cdb3699fe1")
}

// UnpackAlreadyApprovedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyApproved(address approver)
func (mandateRegistry *MandateRegistry) UnpackAlreadyApprovedError(raw []byte) (*MandateRegistryAlreadyApproved, error) {
	out := new(MandateRegistryAlreadyApproved)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "AlreadyApproved", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryAmountOutOfRange represents a AmountOutOfRange error raised by the MandateRegistry contract.
type MandateRegistryAmountOutOfRange struct {
	Amount *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AmountOutOfRange(uint256 amount)
func MandateRegistryAmountOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x66c28b188d809880d854c07ac8c32be3a216f9f5a4f1c7a63d3294059af091aa")
}

// UnpackAmountOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AmountOutOfRange(uint256 amount)
func (mandateRegistry *MandateRegistry) UnpackAmountOutOfRangeError(raw []byte) (*MandateRegistryAmountOutOfRange, error) {
	out := new(MandateRegistryAmountOutOfRange)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "AmountOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryApprovalsMissing represents a ApprovalsMissing error raised by the MandateRegistry contract.
type MandateRegistryApprovalsMissing struct {
	Have uint8
	Need uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ApprovalsMissing(uint8 have, uint8 need)
func MandateRegistryApprovalsMissingErrorID() common.Hash {
	return common.HexToHash("0x1b799ee109cf54741a5b4a559064340f9999dd6b19f913ce74dc1e35b84a4701")
}

// UnpackApprovalsMissingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ApprovalsMissing(uint8 have, uint8 need)
func (mandateRegistry *MandateRegistry) UnpackApprovalsMissingError(raw []byte) (*MandateRegistryApprovalsMissing, error) {
	out := new(MandateRegistryApprovalsMissing)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "ApprovalsMissing", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryApproverIsAgent represents a ApproverIsAgent error raised by the MandateRegistry contract.
type MandateRegistryApproverIsAgent struct {
	Approver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ApproverIsAgent(address approver)
func MandateRegistryApproverIsAgentErrorID() common.Hash {
	return common.HexToHash("0xfb35d01a84901af278dd12ab95f20c8c4b5eb99b19f5b979b195c4e0d4db7357")
}

// UnpackApproverIsAgentError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ApproverIsAgent(address approver)
func (mandateRegistry *MandateRegistry) UnpackApproverIsAgentError(raw []byte) (*MandateRegistryApproverIsAgent, error) {
	out := new(MandateRegistryApproverIsAgent)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "ApproverIsAgent", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryDuplicateApprover represents a DuplicateApprover error raised by the MandateRegistry contract.
type MandateRegistryDuplicateApprover struct {
	Approver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DuplicateApprover(address approver)
func MandateRegistryDuplicateApproverErrorID() common.Hash {
	return common.HexToHash("0x8ef2e4072c917aba67764509a21e284d7495409ca42535a92fafcb5d86b141c8")
}

// UnpackDuplicateApproverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DuplicateApprover(address approver)
func (mandateRegistry *MandateRegistry) UnpackDuplicateApproverError(raw []byte) (*MandateRegistryDuplicateApprover, error) {
	out := new(MandateRegistryDuplicateApprover)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "DuplicateApprover", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryInvalidBands represents a InvalidBands error raised by the MandateRegistry contract.
type MandateRegistryInvalidBands struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidBands()
func MandateRegistryInvalidBandsErrorID() common.Hash {
	return common.HexToHash("0xe0e4ac651d61f99e80cf611cbcc4535cc5a67597915f955c51f62a15c2551578")
}

// UnpackInvalidBandsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidBands()
func (mandateRegistry *MandateRegistry) UnpackInvalidBandsError(raw []byte) (*MandateRegistryInvalidBands, error) {
	out := new(MandateRegistryInvalidBands)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "InvalidBands", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryInvalidShortString represents a InvalidShortString error raised by the MandateRegistry contract.
type MandateRegistryInvalidShortString struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidShortString()
func MandateRegistryInvalidShortStringErrorID() common.Hash {
	return common.HexToHash("0xb3512b0c6163e5f0bafab72bb631b9d58cd7a731b082f910338aa21c83d5c274")
}

// UnpackInvalidShortStringError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidShortString()
func (mandateRegistry *MandateRegistry) UnpackInvalidShortStringError(raw []byte) (*MandateRegistryInvalidShortString, error) {
	out := new(MandateRegistryInvalidShortString)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "InvalidShortString", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryInvalidSignature represents a InvalidSignature error raised by the MandateRegistry contract.
type MandateRegistryInvalidSignature struct {
	Signer common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSignature(address signer)
func MandateRegistryInvalidSignatureErrorID() common.Hash {
	return common.HexToHash("0xd855c4f4d7a9aef9d1b6f49c25339cf5cd471e30830c8071f7b5024985e5abcd")
}

// UnpackInvalidSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSignature(address signer)
func (mandateRegistry *MandateRegistry) UnpackInvalidSignatureError(raw []byte) (*MandateRegistryInvalidSignature, error) {
	out := new(MandateRegistryInvalidSignature)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "InvalidSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryInvalidWindow represents a InvalidWindow error raised by the MandateRegistry contract.
type MandateRegistryInvalidWindow struct {
	ValidAfter uint64
	ValidUntil uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidWindow(uint64 validAfter, uint64 validUntil)
func MandateRegistryInvalidWindowErrorID() common.Hash {
	return common.HexToHash("0x2802dd9e79a34e372a11836a24c9e44afef603e2a285bc4a010e319ef16730df")
}

// UnpackInvalidWindowError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidWindow(uint64 validAfter, uint64 validUntil)
func (mandateRegistry *MandateRegistry) UnpackInvalidWindowError(raw []byte) (*MandateRegistryInvalidWindow, error) {
	out := new(MandateRegistryInvalidWindow)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "InvalidWindow", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryMandateAgentMismatch represents a MandateAgentMismatch error raised by the MandateRegistry contract.
type MandateRegistryMandateAgentMismatch struct {
	Expected common.Address
	Actual   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MandateAgentMismatch(address expected, address actual)
func MandateRegistryMandateAgentMismatchErrorID() common.Hash {
	return common.HexToHash("0x52b352f7f87ea8259204da767fa2cb213019051165e59fb79362cf72fc1d1fec")
}

// UnpackMandateAgentMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MandateAgentMismatch(address expected, address actual)
func (mandateRegistry *MandateRegistry) UnpackMandateAgentMismatchError(raw []byte) (*MandateRegistryMandateAgentMismatch, error) {
	out := new(MandateRegistryMandateAgentMismatch)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "MandateAgentMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryMandateExpired represents a MandateExpired error raised by the MandateRegistry contract.
type MandateRegistryMandateExpired struct {
	ValidUntil uint64
	Now        *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MandateExpired(uint64 validUntil, uint256 now)
func MandateRegistryMandateExpiredErrorID() common.Hash {
	return common.HexToHash("0x77896a1a0ff99476aa583b67b2b39609c878e3254aefeede131bedb244154c04")
}

// UnpackMandateExpiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MandateExpired(uint64 validUntil, uint256 now)
func (mandateRegistry *MandateRegistry) UnpackMandateExpiredError(raw []byte) (*MandateRegistryMandateExpired, error) {
	out := new(MandateRegistryMandateExpired)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "MandateExpired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryMandateIsRevoked represents a MandateIsRevoked error raised by the MandateRegistry contract.
type MandateRegistryMandateIsRevoked struct {
	MandateId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MandateIsRevoked(uint256 mandateId)
func MandateRegistryMandateIsRevokedErrorID() common.Hash {
	return common.HexToHash("0x3400d656c6e566e51135ee0024639b8a7d1cf912d237c6cfb5350044db9cf780")
}

// UnpackMandateIsRevokedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MandateIsRevoked(uint256 mandateId)
func (mandateRegistry *MandateRegistry) UnpackMandateIsRevokedError(raw []byte) (*MandateRegistryMandateIsRevoked, error) {
	out := new(MandateRegistryMandateIsRevoked)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "MandateIsRevoked", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryMandateLive represents a MandateLive error raised by the MandateRegistry contract.
type MandateRegistryMandateLive struct {
	MandateId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MandateLive(uint256 mandateId)
func MandateRegistryMandateLiveErrorID() common.Hash {
	return common.HexToHash("0xd719ae55d05a895e15892b2591f6b2821bed4505a04932402db9dd286c0d32ed")
}

// UnpackMandateLiveError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MandateLive(uint256 mandateId)
func (mandateRegistry *MandateRegistry) UnpackMandateLiveError(raw []byte) (*MandateRegistryMandateLive, error) {
	out := new(MandateRegistryMandateLive)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "MandateLive", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryMandateNotFound represents a MandateNotFound error raised by the MandateRegistry contract.
type MandateRegistryMandateNotFound struct {
	MandateId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MandateNotFound(uint256 mandateId)
func MandateRegistryMandateNotFoundErrorID() common.Hash {
	return common.HexToHash("0xfe0b43b33c5c0dce28fa6e88892bb013352459b40f867c8ca0d8101848c945fc")
}

// UnpackMandateNotFoundError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MandateNotFound(uint256 mandateId)
func (mandateRegistry *MandateRegistry) UnpackMandateNotFoundError(raw []byte) (*MandateRegistryMandateNotFound, error) {
	out := new(MandateRegistryMandateNotFound)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "MandateNotFound", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryMandateNotYetValid represents a MandateNotYetValid error raised by the MandateRegistry contract.
type MandateRegistryMandateNotYetValid struct {
	ValidAfter uint64
	Now        *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MandateNotYetValid(uint64 validAfter, uint256 now)
func MandateRegistryMandateNotYetValidErrorID() common.Hash {
	return common.HexToHash("0x5f3fbb2a34666f98f232ed9877dce212600d059f26f768270824de3e77165242")
}

// UnpackMandateNotYetValidError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MandateNotYetValid(uint64 validAfter, uint256 now)
func (mandateRegistry *MandateRegistry) UnpackMandateNotYetValidError(raw []byte) (*MandateRegistryMandateNotYetValid, error) {
	out := new(MandateRegistryMandateNotYetValid)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "MandateNotYetValid", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryMandateTokenMismatch represents a MandateTokenMismatch error raised by the MandateRegistry contract.
type MandateRegistryMandateTokenMismatch struct {
	Expected common.Address
	Actual   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MandateTokenMismatch(address expected, address actual)
func MandateRegistryMandateTokenMismatchErrorID() common.Hash {
	return common.HexToHash("0x6e7efdbf43ab9e447885513fe107df764a631d864b9dbc94ee4c128b2e03142b")
}

// UnpackMandateTokenMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MandateTokenMismatch(address expected, address actual)
func (mandateRegistry *MandateRegistry) UnpackMandateTokenMismatchError(raw []byte) (*MandateRegistryMandateTokenMismatch, error) {
	out := new(MandateRegistryMandateTokenMismatch)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "MandateTokenMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryNonceAlreadyUsed represents a NonceAlreadyUsed error raised by the MandateRegistry contract.
type MandateRegistryNonceAlreadyUsed struct {
	Principal common.Address
	Nonce     *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NonceAlreadyUsed(address principal, uint256 nonce)
func MandateRegistryNonceAlreadyUsedErrorID() common.Hash {
	return common.HexToHash("0xe90aded4c9591550d967c43fa1aa084b7c54233fc935ae093a53dd8e96de6f90")
}

// UnpackNonceAlreadyUsedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NonceAlreadyUsed(address principal, uint256 nonce)
func (mandateRegistry *MandateRegistry) UnpackNonceAlreadyUsedError(raw []byte) (*MandateRegistryNonceAlreadyUsed, error) {
	out := new(MandateRegistryNonceAlreadyUsed)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "NonceAlreadyUsed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryNotApprover represents a NotApprover error raised by the MandateRegistry contract.
type MandateRegistryNotApprover struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotApprover(address caller)
func MandateRegistryNotApproverErrorID() common.Hash {
	return common.HexToHash("0xec37f14686a75744fb46deb050b359b6fc4b435a57c6181aa8ff686d7e9d6092")
}

// UnpackNotApproverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotApprover(address caller)
func (mandateRegistry *MandateRegistry) UnpackNotApproverError(raw []byte) (*MandateRegistryNotApprover, error) {
	out := new(MandateRegistryNotApprover)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "NotApprover", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryNotEscrow represents a NotEscrow error raised by the MandateRegistry contract.
type MandateRegistryNotEscrow struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotEscrow(address caller)
func MandateRegistryNotEscrowErrorID() common.Hash {
	return common.HexToHash("0x088fb38a41f33ee0d0b310a4c36e73c59f8a95f09b2d8750012a106194ceb6bd")
}

// UnpackNotEscrowError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotEscrow(address caller)
func (mandateRegistry *MandateRegistry) UnpackNotEscrowError(raw []byte) (*MandateRegistryNotEscrow, error) {
	out := new(MandateRegistryNotEscrow)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "NotEscrow", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryNotPrincipal represents a NotPrincipal error raised by the MandateRegistry contract.
type MandateRegistryNotPrincipal struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotPrincipal(address caller)
func MandateRegistryNotPrincipalErrorID() common.Hash {
	return common.HexToHash("0x666cbdebd7cd9d1c990d041433fb76cd75499108a1365fe72ac3c00ac6d2ed8f")
}

// UnpackNotPrincipalError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotPrincipal(address caller)
func (mandateRegistry *MandateRegistry) UnpackNotPrincipalError(raw []byte) (*MandateRegistryNotPrincipal, error) {
	out := new(MandateRegistryNotPrincipal)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "NotPrincipal", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryNotPrincipalOrGuardian represents a NotPrincipalOrGuardian error raised by the MandateRegistry contract.
type MandateRegistryNotPrincipalOrGuardian struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotPrincipalOrGuardian(address caller)
func MandateRegistryNotPrincipalOrGuardianErrorID() common.Hash {
	return common.HexToHash("0x004968022fb6e7885febf64f0ccd903ee7dac496403f99124c3a5352bd267062")
}

// UnpackNotPrincipalOrGuardianError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotPrincipalOrGuardian(address caller)
func (mandateRegistry *MandateRegistry) UnpackNotPrincipalOrGuardianError(raw []byte) (*MandateRegistryNotPrincipalOrGuardian, error) {
	out := new(MandateRegistryNotPrincipalOrGuardian)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "NotPrincipalOrGuardian", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryOverBudget represents a OverBudget error raised by the MandateRegistry contract.
type MandateRegistryOverBudget struct {
	Spent  *big.Int
	Amount *big.Int
	Budget *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OverBudget(uint256 spent, uint256 amount, uint256 budget)
func MandateRegistryOverBudgetErrorID() common.Hash {
	return common.HexToHash("0xc471e1b0b00c54b8dc10cbe0fcfe18966f4840a2462daf013d3654672e1b742b")
}

// UnpackOverBudgetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OverBudget(uint256 spent, uint256 amount, uint256 budget)
func (mandateRegistry *MandateRegistry) UnpackOverBudgetError(raw []byte) (*MandateRegistryOverBudget, error) {
	out := new(MandateRegistryOverBudget)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "OverBudget", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryOverJobCap represents a OverJobCap error raised by the MandateRegistry contract.
type MandateRegistryOverJobCap struct {
	Amount    *big.Int
	MaxPerJob *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OverJobCap(uint256 amount, uint256 maxPerJob)
func MandateRegistryOverJobCapErrorID() common.Hash {
	return common.HexToHash("0x06f9d37cc28a3969010a977ab42a3eb7dcec6287aaa3b0cd0887ee6a1d365187")
}

// UnpackOverJobCapError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OverJobCap(uint256 amount, uint256 maxPerJob)
func (mandateRegistry *MandateRegistry) UnpackOverJobCapError(raw []byte) (*MandateRegistryOverJobCap, error) {
	out := new(MandateRegistryOverJobCap)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "OverJobCap", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryPayeeNotAllowed represents a PayeeNotAllowed error raised by the MandateRegistry contract.
type MandateRegistryPayeeNotAllowed struct {
	ProviderAgentId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PayeeNotAllowed(uint256 providerAgentId)
func MandateRegistryPayeeNotAllowedErrorID() common.Hash {
	return common.HexToHash("0x99282991134949b5e5682406d04aad456798cfc8821abe49be5777e6d88cce1d")
}

// UnpackPayeeNotAllowedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PayeeNotAllowed(uint256 providerAgentId)
func (mandateRegistry *MandateRegistry) UnpackPayeeNotAllowedError(raw []byte) (*MandateRegistryPayeeNotAllowed, error) {
	out := new(MandateRegistryPayeeNotAllowed)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "PayeeNotAllowed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryPeriodOutOfRange represents a PeriodOutOfRange error raised by the MandateRegistry contract.
type MandateRegistryPeriodOutOfRange struct {
	Period uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PeriodOutOfRange(uint64 period)
func MandateRegistryPeriodOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0xe995f3955e25b0e1f0850dc06ee0c06e139ca9a3b3a723e15b214944767ede66")
}

// UnpackPeriodOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PeriodOutOfRange(uint64 period)
func (mandateRegistry *MandateRegistry) UnpackPeriodOutOfRangeError(raw []byte) (*MandateRegistryPeriodOutOfRange, error) {
	out := new(MandateRegistryPeriodOutOfRange)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "PeriodOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistrySignatureExpired represents a SignatureExpired error raised by the MandateRegistry contract.
type MandateRegistrySignatureExpired struct {
	Deadline *big.Int
	Now      *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SignatureExpired(uint256 deadline, uint256 now)
func MandateRegistrySignatureExpiredErrorID() common.Hash {
	return common.HexToHash("0xf88f049083a0890cb69bf0c7edbb1077a93679504997c26fadbfea86435ab250")
}

// UnpackSignatureExpiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SignatureExpired(uint256 deadline, uint256 now)
func (mandateRegistry *MandateRegistry) UnpackSignatureExpiredError(raw []byte) (*MandateRegistrySignatureExpired, error) {
	out := new(MandateRegistrySignatureExpired)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "SignatureExpired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistrySpecNotAllowed represents a SpecNotAllowed error raised by the MandateRegistry contract.
type MandateRegistrySpecNotAllowed struct {
	SpecHash [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SpecNotAllowed(bytes32 specHash)
func MandateRegistrySpecNotAllowedErrorID() common.Hash {
	return common.HexToHash("0xfdd10eadc0503e756f1df3677a4486d2f7ddc43c79ed8d882faee518a48f11ce")
}

// UnpackSpecNotAllowedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SpecNotAllowed(bytes32 specHash)
func (mandateRegistry *MandateRegistry) UnpackSpecNotAllowedError(raw []byte) (*MandateRegistrySpecNotAllowed, error) {
	out := new(MandateRegistrySpecNotAllowed)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "SpecNotAllowed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryStringTooLong represents a StringTooLong error raised by the MandateRegistry contract.
type MandateRegistryStringTooLong struct {
	Str string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StringTooLong(string str)
func MandateRegistryStringTooLongErrorID() common.Hash {
	return common.HexToHash("0x305a27a93f8e33b7392df0a0f91d6fc63847395853c45991eec52dbf24d72381")
}

// UnpackStringTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StringTooLong(string str)
func (mandateRegistry *MandateRegistry) UnpackStringTooLongError(raw []byte) (*MandateRegistryStringTooLong, error) {
	out := new(MandateRegistryStringTooLong)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "StringTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryTimelockPending represents a TimelockPending error raised by the MandateRegistry contract.
type MandateRegistryTimelockPending struct {
	ReadyAt *big.Int
	Now     *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TimelockPending(uint256 readyAt, uint256 now)
func MandateRegistryTimelockPendingErrorID() common.Hash {
	return common.HexToHash("0xd9b6f3c4f125701801e5cef61cc4252a3fd7b56fbd46fba870b2fcf52b14639e")
}

// UnpackTimelockPendingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TimelockPending(uint256 readyAt, uint256 now)
func (mandateRegistry *MandateRegistry) UnpackTimelockPendingError(raw []byte) (*MandateRegistryTimelockPending, error) {
	out := new(MandateRegistryTimelockPending)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "TimelockPending", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryTooManyApprovers represents a TooManyApprovers error raised by the MandateRegistry contract.
type MandateRegistryTooManyApprovers struct {
	Count *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TooManyApprovers(uint256 count)
func MandateRegistryTooManyApproversErrorID() common.Hash {
	return common.HexToHash("0xe03232d97dc790b83a7fea6c681b20d2541251b99e727caa431a7c4aef226f7d")
}

// UnpackTooManyApproversError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TooManyApprovers(uint256 count)
func (mandateRegistry *MandateRegistry) UnpackTooManyApproversError(raw []byte) (*MandateRegistryTooManyApprovers, error) {
	out := new(MandateRegistryTooManyApprovers)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "TooManyApprovers", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryZeroAddress represents a ZeroAddress error raised by the MandateRegistry contract.
type MandateRegistryZeroAddress struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddress()
func MandateRegistryZeroAddressErrorID() common.Hash {
	return common.HexToHash("0xd92e233df2717d4a40030e20904abd27b68fcbeede117eaaccbbdac9618c8c73")
}

// UnpackZeroAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddress()
func (mandateRegistry *MandateRegistry) UnpackZeroAddressError(raw []byte) (*MandateRegistryZeroAddress, error) {
	out := new(MandateRegistryZeroAddress)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "ZeroAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MandateRegistryZeroCap represents a ZeroCap error raised by the MandateRegistry contract.
type MandateRegistryZeroCap struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroCap()
func MandateRegistryZeroCapErrorID() common.Hash {
	return common.HexToHash("0xdd616a4561c371ee64970d3035439461f52c8101fcd15d482c919158021283bd")
}

// UnpackZeroCapError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroCap()
func (mandateRegistry *MandateRegistry) UnpackZeroCapError(raw []byte) (*MandateRegistryZeroCap, error) {
	out := new(MandateRegistryZeroCap)
	if err := mandateRegistry.abi.UnpackIntoInterface(out, "ZeroCap", raw); err != nil {
		return nil, err
	}
	return out, nil
}
