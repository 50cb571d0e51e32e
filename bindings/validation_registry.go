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

// ValidationRegistryMetaData contains all meta data concerning the ValidationRegistry contract.
var ValidationRegistryMetaData = bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"identityRegistry\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"MAX_RESPONSE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getAgentValidations\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"requestHashes\",\"type\":\"bytes32[]\",\"internalType\":\"bytes32[]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getIdentityRegistry\",\"inputs\":[],\"outputs\":[{\"name\":\"identityRegistry\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getSummary\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"validatorAddresses\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"tag\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[{\"name\":\"count\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"averageResponse\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getValidationStatus\",\"inputs\":[{\"name\":\"requestHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"validatorAddress\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"response\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"responseHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"tag\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"lastUpdate\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getValidatorRequests\",\"inputs\":[{\"name\":\"validatorAddress\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"requestHashes\",\"type\":\"bytes32[]\",\"internalType\":\"bytes32[]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"validationRequest\",\"inputs\":[{\"name\":\"validatorAddress\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"requestURI\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"requestHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"validationResponse\",\"inputs\":[{\"name\":\"requestHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"response\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"responseURI\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"responseHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"tag\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"event\",\"name\":\"ValidationRequest\",\"inputs\":[{\"name\":\"validatorAddress\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"agentId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"requestURI\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"requestHash\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"ValidationResponse\",\"inputs\":[{\"name\":\"validatorAddress\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"agentId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"requestHash\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"response\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"uint8\"},{\"name\":\"responseURI\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"responseHash\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"tag\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"NotAgentOperator\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotRequestValidator\",\"inputs\":[{\"name\":\"requestHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"validatorAddress\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"RequestHashAlreadyUsed\",\"inputs\":[{\"name\":\"requestHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"ResponseOutOfRange\",\"inputs\":[{\"name\":\"response\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"max\",\"type\":\"uint8\",\"internalType\":\"uint8\"}]},{\"type\":\"error\",\"name\":\"SafeCastOverflowedUintDowncast\",\"inputs\":[{\"name\":\"bits\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"value\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"UnknownRequest\",\"inputs\":[{\"name\":\"requestHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"ZeroIdentityRegistry\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"ZeroValidatorAddress\",\"inputs\":[{\"name\":\"requestHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]}]",
	ID:  "ValidationRegistry",
	Bin: "0x60a034608357601f610d5238819003918201601f19168301916001600160401b03831184841017608757808492602094604052833981010312608357516001600160a01b038116908190036083578015607457608052604051610cb6908161009c823960805181818161015601526102080152f35b6304295e1760e31b5f5260045ffd5b5f80fd5b634e487b7160e01b5f52604160045260245ffdfe6080806040526004361015610012575f80fd5b5f3560e01c908163018e5f5f14610a57575080631b7cabd6146108215780633d659a961461054e5780634bf3158c146104dc5780638d5d0c2d14610468578063aaf400c414610185578063bc4d861b146101415763ff2febfc14610074575f80fd5b3461013d57602036600319011261013d57600435805f525f60205260405f2090815460018060a01b03811691821561012b575090602064ffffffffff60e09360026100d56001880154976100ce6040518094819301610b6e565b0382610aec565b60405196879586528260d01c8587015260ff8360a01c166040870152606086015260c0608086015280519384918260c0880152018686015e5f84840186015260a81c1660a0830152601f01601f19168101030190f35b637bbe34c960e01b5f5260045260245ffd5b5f80fd5b3461013d575f36600319011261013d576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b3461013d57608036600319011261013d5761019e610a9d565b6024356044356001600160401b03811161013d576101c0903690600401610a70565b606435936001600160a01b031691908215610455575f85815260208190526040902080546001600160a01b038116610442576040516331a9108f60e11b8152600481018790527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031690602081602481855afa9081156103a1575f91610423575b5060018060a01b0316908133141591826103ac575b5081610331575b5061031a5765ffffffffffff86116103025765ffffffffffff60a01b16841760d086901b6001600160d01b0319161790555f8481526001602052604090207f530436c3634a98e1e626b0898be2f1e9980cc1bd2a78c07a0aba52d0a48a50599291906102d1908790610c0f565b835f5260026020526102e68660405f20610c0f565b6102fd604051928392602084526020840191610bef565b0390a4005b856306dfcc6560e41b5f52603060045260245260445ffd5b85634b03c45760e01b5f526004523360245260445ffd5b602491506020906040519283809263020604bf60e21b82528b60048301525afa9081156103a1575f91610372575b506001600160a01b031633141588610264565b610394915060203d60201161039a575b61038c8183610aec565b810190610c97565b8861035f565b503d610382565b6040513d5f823e3d90fd5b9091506040519063e985e9c560e01b82526004820152336024820152602081604481855afa9081156103a1575f916103e8575b5015908961025d565b90506020813d60201161041b575b8161040360209383610aec565b8101031261013d5751801515810361013d57896103df565b3d91506103f6565b61043c915060203d60201161039a5761038c8183610aec565b89610248565b8663f762c38760e01b5f5260045260245ffd5b84637f15d59160e11b5f5260045260245ffd5b3461013d57602036600319011261013d576004355f52600160205260405f206040519081602082549182815201915f5260205f20905f5b8181106104c6576104c2856104b681870382610aec565b60405191829182610ab3565b0390f35b825484526020909301926001928301920161049f565b3461013d57602036600319011261013d576001600160a01b036104fd610a9d565b165f52600260205260405f206040519081602082549182815201915f5260205f20905f5b818110610538576104c2856104b681870382610aec565b8254845260209093019260019283019201610521565b3461013d5760a036600319011261013d5760043560243560ff81169081810361013d576044356001600160401b03811161013d57610590903690600401610a70565b90926064356084356001600160401b03811161013d576105b4903690600401610a70565b9060648411610809575f88815260208190526040902080546001600160a01b038116979088156107f6578833036107db5764ffffffffff42116107c35765ffffffffffff60a01b191660a09190911b60ff60a01b16174260a81b64ffffffffff60a81b1617815560018101849055600281016001600160401b0384116107af5761063e8154610b36565b601f811161076a575b505f601f85116001146106da5784927fafddf629e874ccc3963b6a888c477bd464a6c8525024fc88759ea3b2326349ae98979694926102fd966106bc935f916106cf575b508560011b905f198760031b1c19161790555b5460d01c996040519788978852608060208901526080880191610bef565b9260408601528483036060860152610bef565b90508401358e61068b565b601f19851690825f5260205f20915f5b8181106107525750926106bc928795926102fd987fafddf629e874ccc3963b6a888c477bd464a6c8525024fc88759ea3b2326349ae9c9b9a989610610739575b5050600185811b01905561069e565b8501355f19600388901b60f8161c191690558d8061072a565b9192602060018192868a0135815501940192016106ea565b815f5260205f20601f860160051c810191602087106107a5575b601f0160051c01905b81811061079a5750610647565b5f815560010161078d565b9091508190610784565b634e487b7160e01b5f52604160045260245ffd5b6306dfcc6560e41b5f5260286004524260245260445ffd5b888b632464ae0160e01b5f526004523360245260445260645ffd5b8a637bbe34c960e01b5f5260045260245ffd5b83630c258be360e31b5f52600452606460245260445ffd5b3461013d57606036600319011261013d576024356001600160401b03811161013d573660238201121561013d5780600401356001600160401b03811161013d576024820191602436918360051b01011161013d576044356001600160401b03811161013d57610894903690600401610a70565b6004355f908152600160205260408120909485939091906001600160401b0384116107af576040516108d0601f8601601f191660200182610aec565b8481526020810191368682011161013d57859083989598375f60208683010152519020905f958154935f951515811515935b86881061095a578a6001600160401b038a168b81158015610930575b6040805184815260ff86166020820152f35b9092506109465760ff808260409404169261091e565b634e487b7160e01b5f52601260045260245ffd5b90919293949596979861096d8983610b0d565b90549060031b1c5f525f60205260405f2080549064ffffffffff8260a81c1615610a4b5788859182610a22575b50506109fc578680610a07575b6109fc5760ff9060a01c1681018091116109e8576001600160401b039099166001600160401b0381146109e8576001809101985b0196959493929190610902565b634e487b7160e01b5f52601160045260245ffd5b5098976001906109db565b50610a1c6001600160a01b0382168688610c48565b156109a7565b6002919250610a3b906100ce6040518094819301610b6e565b602081519101201415888e61099a565b505098976001906109db565b3461013d575f36600319011261013d5780606460209252f35b9181601f8401121561013d578235916001600160401b03831161013d576020838186019501011161013d57565b600435906001600160a01b038216820361013d57565b60206040818301928281528451809452019201905f5b818110610ad65750505090565b8251845260209384019390920191600101610ac9565b90601f801991011681019081106001600160401b038211176107af57604052565b8054821015610b22575f5260205f2001905f90565b634e487b7160e01b5f52603260045260245ffd5b90600182811c92168015610b64575b6020831014610b5057565b634e487b7160e01b5f52602260045260245ffd5b91607f1691610b45565b5f9291815491610b7d83610b36565b8083529260018116908115610bd25750600114610b9957505050565b5f9081526020812093945091925b838310610bb8575060209250010190565b600181602092949394548385870101520191019190610ba7565b915050602093945060ff929192191683830152151560051b010190565b908060209392818452848401375f828201840152601f01601f1916010190565b8054680100000000000000008110156107af57610c3191600182018155610b0d565b819291549060031b91821b915f19901b1916179055565b9190915f5b83811015610c8f57600581901b8201356001600160a01b0381169081900361013d576001600160a01b03841614610c8657600101610c4d565b50505050600190565b505050505f90565b9081602091031261013d57516001600160a01b038116810361013d579056",
}

// ValidationRegistry is an auto generated Go binding around an Ethereum contract.
type ValidationRegistry struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *ValidationRegistry) GetABI() abi.ABI {
	return c.abi
}

// NewValidationRegistry creates a new instance of ValidationRegistry.
func NewValidationRegistry() *ValidationRegistry {
	parsed, err := ValidationRegistryMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &ValidationRegistry{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *ValidationRegistry) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address identityRegistry) returns()
func (validationRegistry *ValidationRegistry) PackConstructor(identityRegistry common.Address) []byte {
	enc, err := validationRegistry.abi.Pack("", identityRegistry)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackMAXRESPONSE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x018e5f5f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_RESPONSE() view returns(uint8)
func (validationRegistry *ValidationRegistry) PackMAXRESPONSE() []byte {
	enc, err := validationRegistry.abi.Pack("MAX_RESPONSE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXRESPONSE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x018e5f5f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_RESPONSE() view returns(uint8)
func (validationRegistry *ValidationRegistry) TryPackMAXRESPONSE() ([]byte, error) {
	return validationRegistry.abi.Pack("MAX_RESPONSE")
}

// UnpackMAXRESPONSE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x018e5f5f.
//
// Solidity: function MAX_RESPONSE() view returns(uint8)
func (validationRegistry *ValidationRegistry) UnpackMAXRESPONSE(data []byte) (uint8, error) {
	out, err := validationRegistry.abi.Unpack("MAX_RESPONSE", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackGetAgentValidations is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8d5d0c2d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getAgentValidations(uint256 agentId) view returns(bytes32[] requestHashes)
func (validationRegistry *ValidationRegistry) PackGetAgentValidations(agentId *big.Int) []byte {
	enc, err := validationRegistry.abi.Pack("getAgentValidations", agentId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetAgentValidations is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8d5d0c2d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getAgentValidations(uint256 agentId) view returns(bytes32[] requestHashes)
func (validationRegistry *ValidationRegistry) TryPackGetAgentValidations(agentId *big.Int) ([]byte, error) {
	return validationRegistry.abi.Pack("getAgentValidations", agentId)
}

// UnpackGetAgentValidations is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8d5d0c2d.
//
// Solidity: function getAgentValidations(uint256 agentId) view returns(bytes32[] requestHashes)
func (validationRegistry *ValidationRegistry) UnpackGetAgentValidations(data []byte) ([][32]byte, error) {
	out, err := validationRegistry.abi.Unpack("getAgentValidations", data)
	if err != nil {
		return *new([][32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([][32]byte)).(*[][32]byte)
	return out0, nil
}

// PackGetIdentityRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbc4d861b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getIdentityRegistry() view returns(address identityRegistry)
func (validationRegistry *ValidationRegistry) PackGetIdentityRegistry() []byte {
	enc, err := validationRegistry.abi.Pack("getIdentityRegistry")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetIdentityRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbc4d861b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getIdentityRegistry() view returns(address identityRegistry)
func (validationRegistry *ValidationRegistry) TryPackGetIdentityRegistry() ([]byte, error) {
	return validationRegistry.abi.Pack("getIdentityRegistry")
}

// UnpackGetIdentityRegistry is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbc4d861b.
//
// Solidity: function getIdentityRegistry() view returns(address identityRegistry)
func (validationRegistry *ValidationRegistry) UnpackGetIdentityRegistry(data []byte) (common.Address, error) {
	out, err := validationRegistry.abi.Unpack("getIdentityRegistry", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackGetSummary is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1b7cabd6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getSummary(uint256 agentId, address[] validatorAddresses, string tag) view returns(uint64 count, uint8 averageResponse)
func (validationRegistry *ValidationRegistry) PackGetSummary(agentId *big.Int, validatorAddresses []common.Address, tag string) []byte {
	enc, err := validationRegistry.abi.Pack("getSummary", agentId, validatorAddresses, tag)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetSummary is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1b7cabd6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getSummary(uint256 agentId, address[] validatorAddresses, string tag) view returns(uint64 count, uint8 averageResponse)
func (validationRegistry *ValidationRegistry) TryPackGetSummary(agentId *big.Int, validatorAddresses []common.Address, tag string) ([]byte, error) {
	return validationRegistry.abi.Pack("getSummary", agentId, validatorAddresses, tag)
}

// ValidationRegistryGetSummaryOutput serves as a container for the return parameters of contract
// method GetSummary.
type ValidationRegistryGetSummaryOutput struct {
	Count           uint64
	AverageResponse uint8
}

// UnpackGetSummary is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1b7cabd6.
//
// Solidity: function getSummary(uint256 agentId, address[] validatorAddresses, string tag) view returns(uint64 count, uint8 averageResponse)
func (validationRegistry *ValidationRegistry) UnpackGetSummary(data []byte) (ValidationRegistryGetSummaryOutput, error) {
	out, err := validationRegistry.abi.Unpack("getSummary", data)
	outstruct := new(ValidationRegistryGetSummaryOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Count = *abi.ConvertType(out[0], new(uint64)).(*uint64)
	outstruct.AverageResponse = *abi.ConvertType(out[1], new(uint8)).(*uint8)
	return *outstruct, nil
}

// PackGetValidationStatus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xff2febfc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getValidationStatus(bytes32 requestHash) view returns(address validatorAddress, uint256 agentId, uint8 response, bytes32 responseHash, string tag, uint256 lastUpdate)
func (validationRegistry *ValidationRegistry) PackGetValidationStatus(requestHash [32]byte) []byte {
	enc, err := validationRegistry.abi.Pack("getValidationStatus", requestHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetValidationStatus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xff2febfc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getValidationStatus(bytes32 requestHash) view returns(address validatorAddress, uint256 agentId, uint8 response, bytes32 responseHash, string tag, uint256 lastUpdate)
func (validationRegistry *ValidationRegistry) TryPackGetValidationStatus(requestHash [32]byte) ([]byte, error) {
	return validationRegistry.abi.Pack("getValidationStatus", requestHash)
}

// ValidationRegistryGetValidationStatusOutput serves as a container for the return parameters of contract
// method GetValidationStatus.
type ValidationRegistryGetValidationStatusOutput struct {
	ValidatorAddress common.Address
	AgentId          *big.Int
	Response         uint8
	ResponseHash     [32]byte
	Tag              string
	LastUpdate       *big.Int
}

// UnpackGetValidationStatus is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xff2febfc.
//
// Solidity: function getValidationStatus(bytes32 requestHash) view returns(address validatorAddress, uint256 agentId, uint8 response, bytes32 responseHash, string tag, uint256 lastUpdate)
func (validationRegistry *ValidationRegistry) UnpackGetValidationStatus(data []byte) (ValidationRegistryGetValidationStatusOutput, error) {
	out, err := validationRegistry.abi.Unpack("getValidationStatus", data)
	outstruct := new(ValidationRegistryGetValidationStatusOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.ValidatorAddress = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.AgentId = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.Response = *abi.ConvertType(out[2], new(uint8)).(*uint8)
	outstruct.ResponseHash = *abi.ConvertType(out[3], new([32]byte)).(*[32]byte)
	outstruct.Tag = *abi.ConvertType(out[4], new(string)).(*string)
	outstruct.LastUpdate = abi.ConvertType(out[5], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackGetValidatorRequests is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4bf3158c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getValidatorRequests(address validatorAddress) view returns(bytes32[] requestHashes)
func (validationRegistry *ValidationRegistry) PackGetValidatorRequests(validatorAddress common.Address) []byte {
	enc, err := validationRegistry.abi.Pack("getValidatorRequests", validatorAddress)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetValidatorRequests is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4bf3158c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getValidatorRequests(address validatorAddress) view returns(bytes32[] requestHashes)
func (validationRegistry *ValidationRegistry) TryPackGetValidatorRequests(validatorAddress common.Address) ([]byte, error) {
	return validationRegistry.abi.Pack("getValidatorRequests", validatorAddress)
}

// UnpackGetValidatorRequests is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4bf3158c.
//
// Solidity: function getValidatorRequests(address validatorAddress) view returns(bytes32[] requestHashes)
func (validationRegistry *ValidationRegistry) UnpackGetValidatorRequests(data []byte) ([][32]byte, error) {
	out, err := validationRegistry.abi.Unpack("getValidatorRequests", data)
	if err != nil {
		return *new([][32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([][32]byte)).(*[][32]byte)
	return out0, nil
}

// PackValidationRequest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaaf400c4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function validationRequest(address validatorAddress, uint256 agentId, string requestURI, bytes32 requestHash) returns()
func (validationRegistry *ValidationRegistry) PackValidationRequest(validatorAddress common.Address, agentId *big.Int, requestURI string, requestHash [32]byte) []byte {
	enc, err := validationRegistry.abi.Pack("validationRequest", validatorAddress, agentId, requestURI, requestHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackValidationRequest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaaf400c4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function validationRequest(address validatorAddress, uint256 agentId, string requestURI, bytes32 requestHash) returns()
func (validationRegistry *ValidationRegistry) TryPackValidationRequest(validatorAddress common.Address, agentId *big.Int, requestURI string, requestHash [32]byte) ([]byte, error) {
	return validationRegistry.abi.Pack("validationRequest", validatorAddress, agentId, requestURI, requestHash)
}

// PackValidationResponse is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3d659a96.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function validationResponse(bytes32 requestHash, uint8 response, string responseURI, bytes32 responseHash, string tag) returns()
func (validationRegistry *ValidationRegistry) PackValidationResponse(requestHash [32]byte, response uint8, responseURI string, responseHash [32]byte, tag string) []byte {
	enc, err := validationRegistry.abi.Pack("validationResponse", requestHash, response, responseURI, responseHash, tag)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackValidationResponse is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3d659a96.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function validationResponse(bytes32 requestHash, uint8 response, string responseURI, bytes32 responseHash, string tag) returns()
func (validationRegistry *ValidationRegistry) TryPackValidationResponse(requestHash [32]byte, response uint8, responseURI string, responseHash [32]byte, tag string) ([]byte, error) {
	return validationRegistry.abi.Pack("validationResponse", requestHash, response, responseURI, responseHash, tag)
}

// ValidationRegistryValidationRequest represents a ValidationRequest event raised by the ValidationRegistry contract.
type ValidationRegistryValidationRequest struct {
	ValidatorAddress common.Address
	AgentId          *big.Int
	RequestURI       string
	RequestHash      [32]byte
	Raw              *types.Log // Blockchain specific contextual infos
}

const ValidationRegistryValidationRequestEventName = "ValidationRequest"

// ContractEventName returns the user-defined event name.
func (ValidationRegistryValidationRequest) ContractEventName() string {
	return ValidationRegistryValidationRequestEventName
}

// UnpackValidationRequestEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ValidationRequest(address indexed validatorAddress, uint256 indexed agentId, string requestURI, bytes32 indexed requestHash)
func (validationRegistry *ValidationRegistry) UnpackValidationRequestEvent(log *types.Log) (*ValidationRegistryValidationRequest, error) {
	event := "ValidationRequest"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != validationRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ValidationRegistryValidationRequest)
	if len(log.Data) > 0 {
		if err := validationRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range validationRegistry.abi.Events[event].Inputs {
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

// ValidationRegistryValidationResponse represents a ValidationResponse event raised by the ValidationRegistry contract.
type ValidationRegistryValidationResponse struct {
	ValidatorAddress common.Address
	AgentId          *big.Int
	RequestHash      [32]byte
	Response         uint8
	ResponseURI      string
	ResponseHash     [32]byte
	Tag              string
	Raw              *types.Log // Blockchain specific contextual infos
}

const ValidationRegistryValidationResponseEventName = "ValidationResponse"

// ContractEventName returns the user-defined event name.
func (ValidationRegistryValidationResponse) ContractEventName() string {
	return ValidationRegistryValidationResponseEventName
}

// UnpackValidationResponseEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ValidationResponse(address indexed validatorAddress, uint256 indexed agentId, bytes32 indexed requestHash, uint8 response, string responseURI, bytes32 responseHash, string tag)
func (validationRegistry *ValidationRegistry) UnpackValidationResponseEvent(log *types.Log) (*ValidationRegistryValidationResponse, error) {
	event := "ValidationResponse"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != validationRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ValidationRegistryValidationResponse)
	if len(log.Data) > 0 {
		if err := validationRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range validationRegistry.abi.Events[event].Inputs {
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
func (validationRegistry *ValidationRegistry) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], validationRegistry.abi.Errors["NotAgentOperator"].ID.Bytes()[:4]) {
		return validationRegistry.UnpackNotAgentOperatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], validationRegistry.abi.Errors["NotRequestValidator"].ID.Bytes()[:4]) {
		return validationRegistry.UnpackNotRequestValidatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], validationRegistry.abi.Errors["RequestHashAlreadyUsed"].ID.Bytes()[:4]) {
		return validationRegistry.UnpackRequestHashAlreadyUsedError(raw[4:])
	}
	if bytes.Equal(raw[:4], validationRegistry.abi.Errors["ResponseOutOfRange"].ID.Bytes()[:4]) {
		return validationRegistry.UnpackResponseOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], validationRegistry.abi.Errors["SafeCastOverflowedUintDowncast"].ID.Bytes()[:4]) {
		return validationRegistry.UnpackSafeCastOverflowedUintDowncastError(raw[4:])
	}
	if bytes.Equal(raw[:4], validationRegistry.abi.Errors["UnknownRequest"].ID.Bytes()[:4]) {
		return validationRegistry.UnpackUnknownRequestError(raw[4:])
	}
	if bytes.Equal(raw[:4], validationRegistry.abi.Errors["ZeroIdentityRegistry"].ID.Bytes()[:4]) {
		return validationRegistry.UnpackZeroIdentityRegistryError(raw[4:])
	}
	if bytes.Equal(raw[:4], validationRegistry.abi.Errors["ZeroValidatorAddress"].ID.Bytes()[:4]) {
		return validationRegistry.UnpackZeroValidatorAddressError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// ValidationRegistryNotAgentOperator represents a NotAgentOperator error raised by the ValidationRegistry contract.
type ValidationRegistryNotAgentOperator struct {
	AgentId *big.Int
	Caller  common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotAgentOperator(uint256 agentId, address caller)
func ValidationRegistryNotAgentOperatorErrorID() common.Hash {
	return common.HexToHash("0x4b03c457dea7c11179e982fe5ca9be9c1d68c5dd8b80fbf1dcc4c6158e370b66")
}

// UnpackNotAgentOperatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotAgentOperator(uint256 agentId, address caller)
func (validationRegistry *ValidationRegistry) UnpackNotAgentOperatorError(raw []byte) (*ValidationRegistryNotAgentOperator, error) {
	out := new(ValidationRegistryNotAgentOperator)
	if err := validationRegistry.abi.UnpackIntoInterface(out, "NotAgentOperator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ValidationRegistryNotRequestValidator represents a NotRequestValidator error raised by the ValidationRegistry contract.
type ValidationRegistryNotRequestValidator struct {
	RequestHash      [32]byte
	Caller           common.Address
	ValidatorAddress common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotRequestValidator(bytes32 requestHash, address caller, address validatorAddress)
func ValidationRegistryNotRequestValidatorErrorID() common.Hash {
	return common.HexToHash("0x2464ae010ddaf3630cc0cbb8b13e31f5f9d4d0c23951c687eec8bb91a581e92b")
}

// UnpackNotRequestValidatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotRequestValidator(bytes32 requestHash, address caller, address validatorAddress)
func (validationRegistry *ValidationRegistry) UnpackNotRequestValidatorError(raw []byte) (*ValidationRegistryNotRequestValidator, error) {
	out := new(ValidationRegistryNotRequestValidator)
	if err := validationRegistry.abi.UnpackIntoInterface(out, "NotRequestValidator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ValidationRegistryRequestHashAlreadyUsed represents a RequestHashAlreadyUsed error raised by the ValidationRegistry contract.
type ValidationRegistryRequestHashAlreadyUsed struct {
	RequestHash [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RequestHashAlreadyUsed(bytes32 requestHash)
func ValidationRegistryRequestHashAlreadyUsedErrorID() common.Hash {
	return common.HexToHash("0xf762c3874e867e5cdf89258dcf0505ff5f3d08ba2a5d334322086bca64905e02")
}

// UnpackRequestHashAlreadyUsedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RequestHashAlreadyUsed(bytes32 requestHash)
func (validationRegistry *ValidationRegistry) UnpackRequestHashAlreadyUsedError(raw []byte) (*ValidationRegistryRequestHashAlreadyUsed, error) {
	out := new(ValidationRegistryRequestHashAlreadyUsed)
	if err := validationRegistry.abi.UnpackIntoInterface(out, "RequestHashAlreadyUsed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ValidationRegistryResponseOutOfRange represents a ResponseOutOfRange error raised by the ValidationRegistry contract.
type ValidationRegistryResponseOutOfRange struct {
	Response uint8
	Max      uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ResponseOutOfRange(uint8 response, uint8 max)
func ValidationRegistryResponseOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x612c5f18b378f6ab11550c998948265fa6273061eda2d61a45d2705a180044c5")
}

// UnpackResponseOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ResponseOutOfRange(uint8 response, uint8 max)
func (validationRegistry *ValidationRegistry) UnpackResponseOutOfRangeError(raw []byte) (*ValidationRegistryResponseOutOfRange, error) {
	out := new(ValidationRegistryResponseOutOfRange)
	if err := validationRegistry.abi.UnpackIntoInterface(out, "ResponseOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ValidationRegistrySafeCastOverflowedUintDowncast represents a SafeCastOverflowedUintDowncast error raised by the ValidationRegistry contract.
type ValidationRegistrySafeCastOverflowedUintDowncast struct {
	Bits  uint8
	Value *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeCastOverflowedUintDowncast(uint8 bits, uint256 value)
func ValidationRegistrySafeCastOverflowedUintDowncastErrorID() common.Hash {
	return common.HexToHash("0x6dfcc6503a32754ce7a89698e18201fc5294fd4aad43edefee786f88423b1a12")
}

// UnpackSafeCastOverflowedUintDowncastError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeCastOverflowedUintDowncast(uint8 bits, uint256 value)
func (validationRegistry *ValidationRegistry) UnpackSafeCastOverflowedUintDowncastError(raw []byte) (*ValidationRegistrySafeCastOverflowedUintDowncast, error) {
	out := new(ValidationRegistrySafeCastOverflowedUintDowncast)
	if err := validationRegistry.abi.UnpackIntoInterface(out, "SafeCastOverflowedUintDowncast", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ValidationRegistryUnknownRequest represents a UnknownRequest error raised by the ValidationRegistry contract.
type ValidationRegistryUnknownRequest struct {
	RequestHash [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownRequest(bytes32 requestHash)
func ValidationRegistryUnknownRequestErrorID() common.Hash {
	return common.HexToHash("0x7bbe34c9053d934edfcee0212dafa8d890e3f195bd69a9d5952188773cb7ad36")
}

// UnpackUnknownRequestError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownRequest(bytes32 requestHash)
func (validationRegistry *ValidationRegistry) UnpackUnknownRequestError(raw []byte) (*ValidationRegistryUnknownRequest, error) {
	out := new(ValidationRegistryUnknownRequest)
	if err := validationRegistry.abi.UnpackIntoInterface(out, "UnknownRequest", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ValidationRegistryZeroIdentityRegistry represents a ZeroIdentityRegistry error raised by the ValidationRegistry contract.
type ValidationRegistryZeroIdentityRegistry struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroIdentityRegistry()
func ValidationRegistryZeroIdentityRegistryErrorID() common.Hash {
	return common.HexToHash("0x214af0b86062a7dbfc765aa44f6a9b3ff68c297090d618c44b8df52023e6e2b4")
}

// UnpackZeroIdentityRegistryError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroIdentityRegistry()
func (validationRegistry *ValidationRegistry) UnpackZeroIdentityRegistryError(raw []byte) (*ValidationRegistryZeroIdentityRegistry, error) {
	out := new(ValidationRegistryZeroIdentityRegistry)
	if err := validationRegistry.abi.UnpackIntoInterface(out, "ZeroIdentityRegistry", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ValidationRegistryZeroValidatorAddress represents a ZeroValidatorAddress error raised by the ValidationRegistry contract.
type ValidationRegistryZeroValidatorAddress struct {
	RequestHash [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroValidatorAddress(bytes32 requestHash)
func ValidationRegistryZeroValidatorAddressErrorID() common.Hash {
	return common.HexToHash("0xfe2bab22b7c143e8ac744c4aeb8e801783181b89e3cda2663b0630b7d4a3ec1b")
}

// UnpackZeroValidatorAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroValidatorAddress(bytes32 requestHash)
func (validationRegistry *ValidationRegistry) UnpackZeroValidatorAddressError(raw []byte) (*ValidationRegistryZeroValidatorAddress, error) {
	out := new(ValidationRegistryZeroValidatorAddress)
	if err := validationRegistry.abi.UnpackIntoInterface(out, "ZeroValidatorAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}
