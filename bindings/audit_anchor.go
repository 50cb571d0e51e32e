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

// AuditAnchorMetaData contains all meta data concerning the AuditAnchor contract.
var AuditAnchorMetaData = bind.MetaData{
	ABI: "[{\"type\":\"function\",\"name\":\"anchor\",\"inputs\":[{\"name\":\"logId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"size\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"latest\",\"inputs\":[{\"name\":\"operator\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"logId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"size\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"blockNumber\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"event\",\"name\":\"Anchored\",\"inputs\":[{\"name\":\"operator\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"logId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"size\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"root\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"SizeNotIncreasing\",\"inputs\":[{\"name\":\"last\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"size\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"ZeroRoot\",\"inputs\":[]}]",
	ID:  "AuditAnchor",
	Bin: "0x60808060405234601557610189908161001a8239f35b5f80fdfe6080806040526004361015610012575f80fd5b5f3560e01c90816368205bc31461012457506370c127c614610032575f80fd5b346101205760603660031901126101205760043560243567ffffffffffffffff811680910361012057604435801561011157335f525f60205260405f20835f5260205260405f20600181019081549067ffffffffffffffff8216808611156100fa5750839055836fffffffffffffffff00000000000000004360401b16916fffffffffffffffffffffffffffffffff19161717905560405191825260208201527f3d0c97912257c6ad70e8f6fc81ae518ad3e14734d308b512c2729cc637a4b0b160403392a3005b8590630bcdc6e560e01b5f5260045260245260445ffd5b63b263ae7360e01b5f5260045ffd5b5f80fd5b34610120576040366003190112610120576004356001600160a01b0381169190829003610120576060915f525f60205260405f206024355f5260205267ffffffffffffffff60405f20600181015490548282168452602084015260401c166040820152f3",
}

// AuditAnchor is an auto generated Go binding around an Ethereum contract.
type AuditAnchor struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *AuditAnchor) GetABI() abi.ABI {
	return c.abi
}

// NewAuditAnchor creates a new instance of AuditAnchor.
func NewAuditAnchor() *AuditAnchor {
	parsed, err := AuditAnchorMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &AuditAnchor{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *AuditAnchor) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackAnchor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70c127c6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function anchor(bytes32 logId, uint64 size, bytes32 root) returns()
func (auditAnchor *AuditAnchor) PackAnchor(logId [32]byte, size uint64, root [32]byte) []byte {
	enc, err := auditAnchor.abi.Pack("anchor", logId, size, root)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAnchor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70c127c6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function anchor(bytes32 logId, uint64 size, bytes32 root) returns()
func (auditAnchor *AuditAnchor) TryPackAnchor(logId [32]byte, size uint64, root [32]byte) ([]byte, error) {
	return auditAnchor.abi.Pack("anchor", logId, size, root)
}

// PackLatest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x68205bc3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function latest(address operator, bytes32 logId) view returns(uint64 size, bytes32 root, uint64 blockNumber)
func (auditAnchor *AuditAnchor) PackLatest(operator common.Address, logId [32]byte) []byte {
	enc, err := auditAnchor.abi.Pack("latest", operator, logId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLatest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x68205bc3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function latest(address operator, bytes32 logId) view returns(uint64 size, bytes32 root, uint64 blockNumber)
func (auditAnchor *AuditAnchor) TryPackLatest(operator common.Address, logId [32]byte) ([]byte, error) {
	return auditAnchor.abi.Pack("latest", operator, logId)
}

// AuditAnchorLatestOutput serves as a container for the return parameters of contract
// method Latest.
type AuditAnchorLatestOutput struct {
	Size        uint64
	Root        [32]byte
	BlockNumber uint64
}

// UnpackLatest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x68205bc3.
//
// Solidity: function latest(address operator, bytes32 logId) view returns(uint64 size, bytes32 root, uint64 blockNumber)
func (auditAnchor *AuditAnchor) UnpackLatest(data []byte) (AuditAnchorLatestOutput, error) {
	out, err := auditAnchor.abi.Unpack("latest", data)
	outstruct := new(AuditAnchorLatestOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Size = *abi.ConvertType(out[0], new(uint64)).(*uint64)
	outstruct.Root = *abi.ConvertType(out[1], new([32]byte)).(*[32]byte)
	outstruct.BlockNumber = *abi.ConvertType(out[2], new(uint64)).(*uint64)
	return *outstruct, nil
}

// AuditAnchorAnchored represents a Anchored event raised by the AuditAnchor contract.
type AuditAnchorAnchored struct {
	Operator common.Address
	LogId    [32]byte
	Size     uint64
	Root     [32]byte
	Raw      *types.Log // Blockchain specific contextual infos
}

const AuditAnchorAnchoredEventName = "Anchored"

// ContractEventName returns the user-defined event name.
func (AuditAnchorAnchored) ContractEventName() string {
	return AuditAnchorAnchoredEventName
}

// UnpackAnchoredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Anchored(address indexed operator, bytes32 indexed logId, uint64 size, bytes32 root)
func (auditAnchor *AuditAnchor) UnpackAnchoredEvent(log *types.Log) (*AuditAnchorAnchored, error) {
	event := "Anchored"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != auditAnchor.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(AuditAnchorAnchored)
	if len(log.Data) > 0 {
		if err := auditAnchor.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range auditAnchor.abi.Events[event].Inputs {
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
func (auditAnchor *AuditAnchor) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], auditAnchor.abi.Errors["SizeNotIncreasing"].ID.Bytes()[:4]) {
		return auditAnchor.UnpackSizeNotIncreasingError(raw[4:])
	}
	if bytes.Equal(raw[:4], auditAnchor.abi.Errors["ZeroRoot"].ID.Bytes()[:4]) {
		return auditAnchor.UnpackZeroRootError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// AuditAnchorSizeNotIncreasing represents a SizeNotIncreasing error raised by the AuditAnchor contract.
type AuditAnchorSizeNotIncreasing struct {
	Last uint64
	Size uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SizeNotIncreasing(uint64 last, uint64 size)
func AuditAnchorSizeNotIncreasingErrorID() common.Hash {
	return common.HexToHash("0x0bcdc6e587748669f1c3533025860f26ef3fad71563f5cf0ca7a8499ce296678")
}

// UnpackSizeNotIncreasingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SizeNotIncreasing(uint64 last, uint64 size)
func (auditAnchor *AuditAnchor) UnpackSizeNotIncreasingError(raw []byte) (*AuditAnchorSizeNotIncreasing, error) {
	out := new(AuditAnchorSizeNotIncreasing)
	if err := auditAnchor.abi.UnpackIntoInterface(out, "SizeNotIncreasing", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// AuditAnchorZeroRoot represents a ZeroRoot error raised by the AuditAnchor contract.
type AuditAnchorZeroRoot struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroRoot()
func AuditAnchorZeroRootErrorID() common.Hash {
	return common.HexToHash("0xb263ae738e814ca9af6ee56bb85daa47624e790421913c947dcba2aac07cfdbd")
}

// UnpackZeroRootError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroRoot()
func (auditAnchor *AuditAnchor) UnpackZeroRootError(raw []byte) (*AuditAnchorZeroRoot, error) {
	out := new(AuditAnchorZeroRoot)
	if err := auditAnchor.abi.UnpackIntoInterface(out, "ZeroRoot", raw); err != nil {
		return nil, err
	}
	return out, nil
}
