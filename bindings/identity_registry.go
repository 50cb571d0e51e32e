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

// IIdentityRegistryMetadataEntry is an auto generated low-level Go binding around an user-defined struct.
type IIdentityRegistryMetadataEntry struct {
	MetadataKey   string
	MetadataValue []byte
}

// IdentityRegistryMetaData contains all meta data concerning the IdentityRegistry contract.
var IdentityRegistryMetaData = bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"AGENT_WALLET_KEY\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"string\",\"internalType\":\"string\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"AGENT_WALLET_SET_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_DEADLINE_DELAY\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"agentWalletSetDigest\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"newWallet\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"owner\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"deadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"approve\",\"inputs\":[{\"name\":\"to\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"tokenId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"balanceOf\",\"inputs\":[{\"name\":\"owner\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"eip712Domain\",\"inputs\":[],\"outputs\":[{\"name\":\"fields\",\"type\":\"bytes1\",\"internalType\":\"bytes1\"},{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"version\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"chainId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"salt\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"extensions\",\"type\":\"uint256[]\",\"internalType\":\"uint256[]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getAgentIdByWallet\",\"inputs\":[{\"name\":\"wallet\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getAgentWallet\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getApproved\",\"inputs\":[{\"name\":\"tokenId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getMetadata\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"metadataKey\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"isApprovedForAll\",\"inputs\":[{\"name\":\"owner\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"operator\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"name\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"string\",\"internalType\":\"string\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"ownerOf\",\"inputs\":[{\"name\":\"tokenId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"register\",\"inputs\":[],\"outputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"register\",\"inputs\":[{\"name\":\"agentURI\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"metadata\",\"type\":\"tuple[]\",\"internalType\":\"structIIdentityRegistry.MetadataEntry[]\",\"components\":[{\"name\":\"metadataKey\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"metadataValue\",\"type\":\"bytes\",\"internalType\":\"bytes\"}]}],\"outputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"register\",\"inputs\":[{\"name\":\"agentURI\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"safeTransferFrom\",\"inputs\":[{\"name\":\"from\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"to\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"tokenId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"safeTransferFrom\",\"inputs\":[{\"name\":\"from\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"to\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"tokenId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"data\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setAgentURI\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"newURI\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setAgentWallet\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"newWallet\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"deadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"signature\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setApprovalForAll\",\"inputs\":[{\"name\":\"operator\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"approved\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setMetadata\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"metadataKey\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"metadataValue\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"supportsInterface\",\"inputs\":[{\"name\":\"interfaceId\",\"type\":\"bytes4\",\"internalType\":\"bytes4\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"symbol\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"string\",\"internalType\":\"string\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"tokenURI\",\"inputs\":[{\"name\":\"tokenId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"string\",\"internalType\":\"string\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"transferFrom\",\"inputs\":[{\"name\":\"from\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"to\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"tokenId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"unsetAgentWallet\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"event\",\"name\":\"Approval\",\"inputs\":[{\"name\":\"owner\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"approved\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"tokenId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"ApprovalForAll\",\"inputs\":[{\"name\":\"owner\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"operator\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"approved\",\"type\":\"bool\",\"indexed\":false,\"internalType\":\"bool\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"EIP712DomainChanged\",\"inputs\":[],\"anonymous\":false},{\"type\":\"event\",\"name\":\"MetadataSet\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"indexedMetadataKey\",\"type\":\"string\",\"indexed\":true,\"internalType\":\"string\"},{\"name\":\"metadataKey\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"metadataValue\",\"type\":\"bytes\",\"indexed\":false,\"internalType\":\"bytes\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Registered\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"agentURI\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"owner\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Transfer\",\"inputs\":[{\"name\":\"from\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"to\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"tokenId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"URIUpdated\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"newURI\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"updatedBy\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"DeadlineExpired\",\"inputs\":[{\"name\":\"deadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"timestamp\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"DeadlineTooFar\",\"inputs\":[{\"name\":\"deadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"max\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ERC721IncorrectOwner\",\"inputs\":[{\"name\":\"sender\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"tokenId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"owner\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"ERC721InsufficientApproval\",\"inputs\":[{\"name\":\"operator\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"tokenId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ERC721InvalidApprover\",\"inputs\":[{\"name\":\"approver\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"ERC721InvalidOperator\",\"inputs\":[{\"name\":\"operator\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"ERC721InvalidOwner\",\"inputs\":[{\"name\":\"owner\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"ERC721InvalidReceiver\",\"inputs\":[{\"name\":\"receiver\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"ERC721InvalidSender\",\"inputs\":[{\"name\":\"sender\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"ERC721NonexistentToken\",\"inputs\":[{\"name\":\"tokenId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidShortString\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"InvalidWalletSignature\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"newWallet\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotAgentOperator\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"ReservedMetadataKey\",\"inputs\":[{\"name\":\"metadataKey\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"StringTooLong\",\"inputs\":[{\"name\":\"str\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"WalletNotBound\",\"inputs\":[{\"name\":\"wallet\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"ZeroAgentWallet\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]}]",
	ID:  "IdentityRegistry",
	Bin: "0x6101606040523461043e57604051610018604082610442565b6017815260208101907f455243383030344964656e746974795265676973747279000000000000000000825260405191610053604084610442565b600183526020830191603160f81b8352604051610071604082610442565b600d81526c4167656e744964656e7469747960981b60208201526040519061009a604083610442565b60058252641051d1539560da1b60208301528051906001600160401b038211610345575f5490600182811c92168015610434575b60208310146103275781601f8493116103c7575b50602090601f8311600114610364575f92610359575b50508160011b915f199060031b1c1916175f555b8051906001600160401b0382116103455760015490600182811c9216801561033b575b60208310146103275781601f8493116102b9575b50602090601f8311600114610253575f92610248575b50508160011b915f199060031b1c1916176001555b61017781610465565b6101205261018484610465565b61014052519020918260e05251902080610100524660a0526040519060208201927f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f8452604083015260608201524660808201523060a082015260a081526101ed60c082610442565b5190206080523060c05260405161211190816104d1823960805181611f42015260a05181611fff015260c05181611f0c015260e05181611f9101526101005181611fb70152610120518161075e015261014051816107870152f35b015190505f80610159565b60015f9081528281209350601f198516905b8181106102a15750908460019594939210610289575b505050811b0160015561016e565b01515f1960f88460031b161c191690555f808061027b565b92936020600181928786015181550195019301610265565b60015f529091507fb10e2d527612073b26eecdfd717e6a320cf44b4afac2b0732d9fcbe2b7fa0cf6601f840160051c8101916020851061031d575b90601f859493920160051c01905b81811061030f5750610143565b5f8155849350600101610302565b90915081906102f4565b634e487b7160e01b5f52602260045260245ffd5b91607f169161012f565b634e487b7160e01b5f52604160045260245ffd5b015190505f806100f8565b5f8080528281209350601f198516905b8181106103af5750908460019594939210610397575b505050811b015f5561010c565b01515f1960f88460031b161c191690555f808061038a565b92936020600181928786015181550195019301610374565b5f80529091507f290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e563601f840160051c8101916020851061042a575b90601f859493920160051c01905b81811061041c57506100e2565b5f815584935060010161040f565b9091508190610401565b91607f16916100ce565b5f80fd5b601f909101601f19168101906001600160401b0382119082101761034557604052565b601f815111610490576020815191015160208210610481571790565b5f198260200360031b1b161790565b604460209160405192839163305a27a960e01b83528160048401528051918291826024860152018484015e5f828201840152601f01601f19168101030190fdfe60806040526004361015610011575f80fd5b5f3560e01c80623395091461102c57806301ffc9a714610fbe57806306fdde0314610f1c578063081812fc14610ee0578063095ea7b314610df65780630af28bd314610d625780631aa3a00814610be25780631e50823814610b6e57806323b872dd14610b575780632d1ef5ae146109d85780633fddcf19146109b257806342842e0e14610983578063466648da1461091a5780636352211e146108ea5780636e1db9c0146108ab57806370a082311461085a5780637b93b2341461083e57806384b0196e146107465780638ea422861461063d57806395d89b4114610573578063a22cb465146104bf578063b88d4fde14610452578063c5df39af14610437578063c87b56dd146102b1578063cb4799f21461027f578063dbce4ce914610245578063e985e9c5146101ee5763f2c298be1461014c575f80fd5b346101ea5760203660031901126101ea576004356001600160401b0381116101ea576101c461018160209236906004016110b8565b907fca52e62c367d81bb2e328eb795f7c7ba24afb478408a26c0e201d155c449bc4a6101ad838361174a565b938492604051918291888352339689840191611254565b0390a36101e26040516101d78482611181565b5f8152823333611858565b604051908152f35b5f80fd5b346101ea5760403660031901126101ea5761020761108c565b61020f6110a2565b9060018060a01b03165f52600560205260405f209060018060a01b03165f52602052602060ff60405f2054166040519015158152f35b346101ea575f3660031901126101ea5760206040517f678b53cd718d595370ab070ebf48edfdcd834beac116bf23e625fc7f4d5b7d328152f35b346101ea576102ad610299610293366110e5565b916114be565b604051918291602083526020830190611068565b0390f35b346101ea5760203660031901126101ea576004356102ce816115ff565b50805f52600960205260405f205460a01c601f810180821161040a5760051c916103106102fa84611453565b936103086040519586611181565b808552611453565b602084019290601f19013684375f5b845181101561037057825f52600a60205260405f20815f5260205260405f205490855181101561035c5760019160208260051b880101520161031f565b634e487b7160e01b5f52603260045260245ffd5b604051855183908690839060208201905f5b81811061041e57505061039e925003601f198101845283611181565b81519081808210911802808218911415810281189081810390811161040a576102ad9260206103cc836111a2565b936103da6040519586611181565b8385526103e6846111a2565b8583019390601f19013685370101905e604051918291602083526020830190611068565b634e487b7160e01b5f52601160045260245ffd5b8451835260209485019487945090920191600101610382565b346101ea575f3660031901126101ea576102ad6102996111f3565b346101ea5760803660031901126101ea5761046b61108c565b6104736110a2565b90604435606435926001600160401b0384116101ea57366023850112156101ea576104ab6104bd9436906024816004013591016111bd565b926104b7838383611274565b3361198d565b005b346101ea5760403660031901126101ea576104d861108c565b602435908115158092036101ea573315610560576001600160a01b031690811561054d57335f52600560205260405f20825f5260205260405f2060ff1981541660ff83161790556040519081527f17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c3160203392a3005b50630b61174360e31b5f5260045260245ffd5b63a9fbf51f60e01b5f525f60045260245ffd5b346101ea575f3660031901126101ea576040515f6001546105938161121c565b808452906001811690811561061957506001146105bb575b6102ad8361029981850382611181565b60015f9081527fb10e2d527612073b26eecdfd717e6a320cf44b4afac2b0732d9fcbe2b7fa0cf6939250905b8082106105ff575090915081016020016102996105ab565b9192600181602092548385880101520191019092916105e7565b60ff191660208086019190915291151560051b8401909101915061029990506105ab565b346101ea5760403660031901126101ea576004356001600160401b0381116101ea5761066d9036906004016110b8565b602435906001600160401b0382116101ea57366023830112156101ea578160040135926001600160401b0384116101ea576024830192602436918660051b0101116101ea576106bc828261174a565b925f5b8581106107045760208585817fca52e62c367d81bb2e328eb795f7c7ba24afb478408a26c0e201d155c449bc4a6101c488604051918291888352339689840191611254565b8061074061071e6107186001948a8761146a565b8061148c565b9061073761072d858c8961146a565b602081019061148c565b9290918a611c72565b016106bf565b346101ea575f3660031901126101ea576107e26107827f0000000000000000000000000000000000000000000000000000000000000000612025565b6107ab7f0000000000000000000000000000000000000000000000000000000000000000612025565b60206107f0604051926107be8385611181565b5f84525f368137604051958695600f60f81b875260e08588015260e0870190611068565b908582036040870152611068565b4660608501523060808501525f60a085015283810360c08501528180845192838152019301915f5b82811061082757505050500390f35b835185528695509381019392810192600101610818565b346101ea575f3660031901126101ea57602060405161012c8152f35b346101ea5760203660031901126101ea576001600160a01b0361087b61108c565b168015610898575f526003602052602060405f2054604051908152f35b6322718ad960e21b5f525f60045260245ffd5b346101ea5760803660031901126101ea576108c46110a2565b6044356001600160a01b03811681036101ea576020916101e291606435916004356113c9565b346101ea5760203660031901126101ea5760206109086004356115ff565b6040516001600160a01b039091168152f35b346101ea5760603660031901126101ea576004356024356001600160401b0381116101ea5761094d9036906004016110b8565b91604435926001600160401b0384116101ea576109716104bd9436906004016110b8565b93909261097d81611633565b50611c72565b346101ea576104bd61099436611118565b90604051926109a4602085611181565b5f84526104b7838383611274565b346101ea5760203660031901126101ea576104bd6004356109d281611633565b50611c07565b346101ea5760803660031901126101ea576004356109f46110a2565b906044356064356001600160401b0381116101ea57610a179036906004016110b8565b6001600160a01b038516929091908315610b4457428110610b2e5761012c420180421161040a57808211610b18575090610a5f610a659392610a5887611633565b88886113c9565b86611b5b565b15610b02575f82815260096020526040902080546001600160a01b03191682179055600182019081831161040a575f52600c60205260405f20555f5160206120f15f395f51905f52610ab56111f3565b92610aed610ac16111f3565b94604051926001600160601b03199060601b16602084015260148352610ae8603484611181565b611709565b93610afd60405192839283611725565b0390a3005b90636717041560e11b5f5260045260245260445ffd5b906332ba936f60e11b5f5260045260245260445ffd5b6302a07ebf60e31b5f526004524260245260445ffd5b8463f9a47be960e01b5f5260045260245ffd5b346101ea576104bd610b6836611118565b91611274565b346101ea5760203660031901126101ea576001600160a01b03610b8f61108c565b16805f52600c60205260405f20548015610bcf575f19015f818152600960205260409020546001600160a01b0316829003610bcf57602090604051908152f35b5063fc8e8dad60e01b5f5260045260245ffd5b346101ea575f3660031901126101ea576008545f19811461040a576001810190816008553315610d4f576001600160a01b03610c1e8233611a72565b16610d3c57610c93610c315f8084611667565b6001600160601b0360405191610c4683611152565b338352811660208084019182525f86815260099091526040902092518354915160a084811b939093166001600160a01b039081169216919091179216901b6001600160a01b031916179055565b81811161040a57602091335f52600c835260405f2055610cb16111f3565b815f5160206120f15f395f51905f52610cc86111f3565b92610ce7604051913360601b8884015260148352610ae8603484611181565b93610cf760405192839283611725565b0390a36040518281525f83820152817fca52e62c367d81bb2e328eb795f7c7ba24afb478408a26c0e201d155c449bc4a60403393a36101e26040516101d78482611181565b6339e3563760e11b5f525f60045260245ffd5b633250574960e11b5f525f60045260245ffd5b346101ea577f3a2c7fffc2cba7582c690e3b82c453ea02a308326a98a3ad7576c606336409fb610afd610d94366110e5565b93919290610da184611633565b50610de0610db0868387611667565b5f86815260096020526040902080546001600160a01b031660a09290921b6001600160a01b031916919091179055565b6040519182916020835233966020840191611254565b346101ea5760403660031901126101ea57610e0f61108c565b602435610e1b816115ff565b33151580610ecd575b80610ea0575b610e8d5781906001600160a01b0384811691167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b9255f80a45f90815260046020526040902080546001600160a01b0319166001600160a01b03909216919091179055005b63a9fbf51f60e01b5f523360045260245ffd5b506001600160a01b0381165f90815260056020908152604080832033845290915290205460ff1615610e2a565b506001600160a01b038116331415610e24565b346101ea5760203660031901126101ea57600435610efd816115ff565b505f526004602052602060018060a01b0360405f205416604051908152f35b346101ea575f3660031901126101ea576040515f5f54610f3b8161121c565b80845290600181169081156106195750600114610f62576102ad8361029981850382611181565b5f8080527f290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e563939250905b808210610fa4575090915081016020016102996105ab565b919260018160209254838588010152019101909291610f8c565b346101ea5760203660031901126101ea5760043563ffffffff60e01b81168091036101ea576020906380ac58cd60e01b811490811561101b575b811561100a575b506040519015158152f35b6301ffc9a760e01b14905082610fff565b635b5e139f60e01b81149150610ff8565b346101ea5760203660031901126101ea57600435611049816115ff565b505f526009602052602060018060a01b0360405f205416604051908152f35b805180835260209291819084018484015e5f828201840152601f01601f1916010190565b600435906001600160a01b03821682036101ea57565b602435906001600160a01b03821682036101ea57565b9181601f840112156101ea578235916001600160401b0383116101ea57602083818601950101116101ea57565b9060406003198301126101ea5760043591602435906001600160401b0382116101ea57611114916004016110b8565b9091565b60609060031901126101ea576004356001600160a01b03811681036101ea57906024356001600160a01b03811681036101ea579060443590565b604081019081106001600160401b0382111761116d57604052565b634e487b7160e01b5f52604160045260245ffd5b90601f801991011681019081106001600160401b0382111761116d57604052565b6001600160401b03811161116d57601f01601f191660200190565b9291926111c9826111a2565b916111d76040519384611181565b8294818452818301116101ea578281602093845f960137010152565b60405190611202604083611181565b600b82526a1859d95b9d15d85b1b195d60aa1b6020830152565b90600182811c9216801561124a575b602083101461123657565b634e487b7160e01b5f52602260045260245ffd5b91607f169161122b565b908060209392818452848401375f828201840152601f01601f1916010190565b6001600160a01b0390911691908215610d4f575f828152600260205260409020546001600160a01b0316923361138c575b8315159081611359575b805f52600360205260405f2060018154019055835f52600260205260405f20816001600160601b0360a01b8254161790558381867fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef5f80a48161134e575b50611340575b6001600160a01b031680830361132857505050565b6364283d7b60e01b5f5260045260245260445260645ffd5b61134982611c07565b611313565b90508314155f61130d565b5f84815260046020526040902080546001600160a01b0319169055845f52600360205260405f205f1981540190556112af565b611397833386611e4a565b6112a55782846113b357637e27328960e01b5f5260045260245ffd5b63177e802f60e01b5f523360045260245260445ffd5b91926042936040519260208401947f678b53cd718d595370ab070ebf48edfdcd834beac116bf23e625fc7f4d5b7d328652604085015260018060a01b0316606084015260018060a01b0316608083015260a082015260a0815261142d60c082611181565b519020611438611f09565b906040519161190160f01b8352600283015260228201522090565b6001600160401b03811161116d5760051b60200190565b919081101561035c5760051b81013590603e19813603018212156101ea570190565b903590601e19813603018212156101ea57018035906001600160401b0382116101ea576020019181360383136101ea57565b91906114cb3683836111bd565b602081519101206114da6111f3565b60208151910120146115a657602091925f52600b825260405f2083604051948593843782019081520301902060405190815f8254926115188461121c565b80845293600181169081156115845750600114611540575b5061153d92500382611181565b90565b90505f9291925260205f20905f915b81831061156857505090602061153d928201015f611530565b602091935080600191548385880101520191019091839261154f565b90506020925061153d94915060ff191682840152151560051b8201015f611530565b50505f908152600960205260409020546001600160a01b0381166115d957506040516115d3602082611181565b5f815290565b604051906001600160601b03199060601b1660208201526014815261153d603482611181565b5f818152600260205260409020546001600160a01b0316908115611621575090565b637e27328960e01b5f5260045260245ffd5b9061163d826115ff565b91611649813385611e4a565b156116515750565b634b03c45760e01b5f526004523360245260445ffd5b929190925f5b8281106116835750506001600160601b03169150565b6020810180821161040a5783811015611702575b8082116101ea578381116101ea578582013590829003602081106116f1575b50825f52600a60205260405f208260051c5f5260205260405f2055602081018091111561166d57634e487b7160e01b5f52601160045260245ffd5b5f199060200360031b1b165f6116b6565b5082611697565b602090604051918183925191829101835e81015f815203902090565b909161173c61153d93604084526040840190611068565b916020818403910152611068565b6008549092915f19821461040a5760018201908160085582943315610d4f576001600160a01b0361177b8533611a72565b16610d3c576117f09161178e9185611667565b6001600160601b03604051916117a383611152565b338352811660208084019182525f87815260099091526040902092518354915160a084811b939093166001600160a01b039081169216919091179216901b6001600160a01b031916179055565b80821161040a57335f52600c60205260405f205561180c6111f3565b905f5160206120f15f395f51905f526118236111f3565b92611843604051913360601b602084015260148352610ae8603484611181565b9361185360405192839283611725565b0390a3565b9291813b611867575b50505050565b604051630a85bd0160e11b81526001600160a01b0394851660048201525f602482015260448101919091526080606482015292169190602090829081906118b2906084830190611068565b03815f865af15f9181611948575b5061191557503d1561190e573d6118d6816111a2565b906118e46040519283611181565b81523d5f602083013e5b805190816119095782633250574960e11b5f5260045260245ffd5b602001fd5b60606118ee565b6001600160e01b03191663757a42ff60e11b0161193657505f808080611861565b633250574960e11b5f5260045260245ffd5b9091506020813d602011611985575b8161196460209383611181565b810103126101ea57516001600160e01b0319811681036101ea57905f6118c0565b3d9150611957565b823b61199b575b5050505050565b604051630a85bd0160e11b81526001600160a01b0391821660048201529181166024830152604482019390935260806064820152911691602090829081906119e7906084830190611068565b03815f865af15f9181611a2d575b50611a0b57503d1561190e573d6118d6816111a2565b6001600160e01b03191663757a42ff60e11b0161193657505f80808080611994565b9091506020813d602011611a6a575b81611a4960209383611181565b810103126101ea57516001600160e01b0319811681036101ea57905f6119f5565b3d9150611a3c565b5f828152600260205260409020546001600160a01b03169291908315159081611b28575b6001600160a01b031680611b10575b825f52600260205260405f20816001600160601b0360a01b8254161790558281867fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef5f80a48482611b05575b5050611afa5750565b611b0390611c07565b565b141590505f80611af1565b805f52600360205260405f2060018154019055611aa5565b5f83815260046020526040902080546001600160a01b0319169055845f52600360205260405f205f198154019055611a96565b90929192611b6a838583611ed5565b506004811015611bf357159081611bdd575b50611bd4576064835f9460209660405194630b135d3f60e11b8652600486015260406024860152816044860152838501378281018201859052601f01601f191601915afa630b135d3f60e11b5f5114601f3d11161690565b50505050600190565b6001600160a01b0384811691161490505f611b7c565b634e487b7160e01b5f52602160045260245ffd5b5f81815260096020526040902080546001600160a01b0319169055611c2a6111f3565b905f5160206120f15f395f51905f52611c4a611c446111f3565b93611709565b926020611c6260405192604084526040840190611068565b5f838203918284860152520190a3565b92919091611c813683856111bd565b60208151910120611c906111f3565b6020815191012014611e2157835f52600b60205260405f206020604051809285878337858201908152030190206001600160401b03861161116d57611cd5815461121c565b601f8111611ddc575b50855f601f8211600114611d5f57915f5160206120f15f395f51905f5295949391611853935f91611d54575b508860011b905f198a60031b1c19161790555b60405183858237808481015f815203902096611d46604051958695604087526040870191611254565b918483036020860152611254565b90508201355f611d0a565b5f8381526020812092508890601f198216905b818110611dc15750915f5160206120f15f395f51905f529796959391611853959310611da8575b5050600188811b019055611d1d565b8301355f1960038b901b60f8161c191690555f80611d99565b8684013585556001909401936020938401938b935001611d72565b815f5260205f20601f880160051c81019160208910611e17575b601f0160051c01905b818110611e0c5750611cde565b5f8155600101611dff565b9091508190611df6565b50611e46604051928392630156e31760e61b8452602060048501526024840191611254565b0390fd5b6001600160a01b03909116801515929183611e66575b50505090565b6001600160a01b031680821493509091908315611eb2575b508215611e90575b50505f8080611e60565b5f908152600460205260408120546001600160a01b0316909114915080611e86565b9092505f52600560205260405f20815f5260205260ff60405f205416915f611e7e565b9060418303611eff57611ef89250602081013591604082359201355f1a90612063565b9192909190565b50505f9160029190565b307f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03161480611ffc575b15611f64577f000000000000000000000000000000000000000000000000000000000000000090565b60405160208101907f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f82527f000000000000000000000000000000000000000000000000000000000000000060408201527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a082015260a08152611ff660c082611181565b51902090565b507f00000000000000000000000000000000000000000000000000000000000000004614611f3b565b60ff811690601f82116120545760405191612041604084611181565b6020808452838101919036833783525290565b632cd44ac360e21b5f5260045ffd5b91907f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a084116120e5579160209360809260ff5f9560405194855216868401526040830152606082015282805260015afa156120da575f516001600160a01b038116156120d057905f905f90565b505f906001905f90565b6040513d5f823e3d90fd5b5050505f916003919056fe2c149ed548c6d2993cd73efe187df6eccabe4538091b33adbd25fafdb8a1468b",
}

// IdentityRegistry is an auto generated Go binding around an Ethereum contract.
type IdentityRegistry struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *IdentityRegistry) GetABI() abi.ABI {
	return c.abi
}

// NewIdentityRegistry creates a new instance of IdentityRegistry.
func NewIdentityRegistry() *IdentityRegistry {
	parsed, err := IdentityRegistryMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &IdentityRegistry{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *IdentityRegistry) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackAGENTWALLETKEY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc5df39af.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function AGENT_WALLET_KEY() view returns(string)
func (identityRegistry *IdentityRegistry) PackAGENTWALLETKEY() []byte {
	enc, err := identityRegistry.abi.Pack("AGENT_WALLET_KEY")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAGENTWALLETKEY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc5df39af.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function AGENT_WALLET_KEY() view returns(string)
func (identityRegistry *IdentityRegistry) TryPackAGENTWALLETKEY() ([]byte, error) {
	return identityRegistry.abi.Pack("AGENT_WALLET_KEY")
}

// UnpackAGENTWALLETKEY is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc5df39af.
//
// Solidity: function AGENT_WALLET_KEY() view returns(string)
func (identityRegistry *IdentityRegistry) UnpackAGENTWALLETKEY(data []byte) (string, error) {
	out, err := identityRegistry.abi.Unpack("AGENT_WALLET_KEY", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackAGENTWALLETSETTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdbce4ce9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function AGENT_WALLET_SET_TYPEHASH() view returns(bytes32)
func (identityRegistry *IdentityRegistry) PackAGENTWALLETSETTYPEHASH() []byte {
	enc, err := identityRegistry.abi.Pack("AGENT_WALLET_SET_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAGENTWALLETSETTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdbce4ce9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function AGENT_WALLET_SET_TYPEHASH() view returns(bytes32)
func (identityRegistry *IdentityRegistry) TryPackAGENTWALLETSETTYPEHASH() ([]byte, error) {
	return identityRegistry.abi.Pack("AGENT_WALLET_SET_TYPEHASH")
}

// UnpackAGENTWALLETSETTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdbce4ce9.
//
// Solidity: function AGENT_WALLET_SET_TYPEHASH() view returns(bytes32)
func (identityRegistry *IdentityRegistry) UnpackAGENTWALLETSETTYPEHASH(data []byte) ([32]byte, error) {
	out, err := identityRegistry.abi.Unpack("AGENT_WALLET_SET_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackMAXDEADLINEDELAY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b93b234.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_DEADLINE_DELAY() view returns(uint256)
func (identityRegistry *IdentityRegistry) PackMAXDEADLINEDELAY() []byte {
	enc, err := identityRegistry.abi.Pack("MAX_DEADLINE_DELAY")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXDEADLINEDELAY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b93b234.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_DEADLINE_DELAY() view returns(uint256)
func (identityRegistry *IdentityRegistry) TryPackMAXDEADLINEDELAY() ([]byte, error) {
	return identityRegistry.abi.Pack("MAX_DEADLINE_DELAY")
}

// UnpackMAXDEADLINEDELAY is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7b93b234.
//
// Solidity: function MAX_DEADLINE_DELAY() view returns(uint256)
func (identityRegistry *IdentityRegistry) UnpackMAXDEADLINEDELAY(data []byte) (*big.Int, error) {
	out, err := identityRegistry.abi.Unpack("MAX_DEADLINE_DELAY", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackAgentWalletSetDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6e1db9c0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function agentWalletSetDigest(uint256 agentId, address newWallet, address owner, uint256 deadline) view returns(bytes32)
func (identityRegistry *IdentityRegistry) PackAgentWalletSetDigest(agentId *big.Int, newWallet common.Address, owner common.Address, deadline *big.Int) []byte {
	enc, err := identityRegistry.abi.Pack("agentWalletSetDigest", agentId, newWallet, owner, deadline)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAgentWalletSetDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6e1db9c0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function agentWalletSetDigest(uint256 agentId, address newWallet, address owner, uint256 deadline) view returns(bytes32)
func (identityRegistry *IdentityRegistry) TryPackAgentWalletSetDigest(agentId *big.Int, newWallet common.Address, owner common.Address, deadline *big.Int) ([]byte, error) {
	return identityRegistry.abi.Pack("agentWalletSetDigest", agentId, newWallet, owner, deadline)
}

// UnpackAgentWalletSetDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6e1db9c0.
//
// Solidity: function agentWalletSetDigest(uint256 agentId, address newWallet, address owner, uint256 deadline) view returns(bytes32)
func (identityRegistry *IdentityRegistry) UnpackAgentWalletSetDigest(data []byte) ([32]byte, error) {
	out, err := identityRegistry.abi.Unpack("agentWalletSetDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approve(address to, uint256 tokenId) returns()
func (identityRegistry *IdentityRegistry) PackApprove(to common.Address, tokenId *big.Int) []byte {
	enc, err := identityRegistry.abi.Pack("approve", to, tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approve(address to, uint256 tokenId) returns()
func (identityRegistry *IdentityRegistry) TryPackApprove(to common.Address, tokenId *big.Int) ([]byte, error) {
	return identityRegistry.abi.Pack("approve", to, tokenId)
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (identityRegistry *IdentityRegistry) PackBalanceOf(owner common.Address) []byte {
	enc, err := identityRegistry.abi.Pack("balanceOf", owner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (identityRegistry *IdentityRegistry) TryPackBalanceOf(owner common.Address) ([]byte, error) {
	return identityRegistry.abi.Pack("balanceOf", owner)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (identityRegistry *IdentityRegistry) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := identityRegistry.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (identityRegistry *IdentityRegistry) PackEip712Domain() []byte {
	enc, err := identityRegistry.abi.Pack("eip712Domain")
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
func (identityRegistry *IdentityRegistry) TryPackEip712Domain() ([]byte, error) {
	return identityRegistry.abi.Pack("eip712Domain")
}

// IdentityRegistryEip712DomainOutput serves as a container for the return parameters of contract
// method Eip712Domain.
type IdentityRegistryEip712DomainOutput struct {
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
func (identityRegistry *IdentityRegistry) UnpackEip712Domain(data []byte) (IdentityRegistryEip712DomainOutput, error) {
	out, err := identityRegistry.abi.Unpack("eip712Domain", data)
	outstruct := new(IdentityRegistryEip712DomainOutput)
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

// PackGetAgentIdByWallet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1e508238.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getAgentIdByWallet(address wallet) view returns(uint256 agentId)
func (identityRegistry *IdentityRegistry) PackGetAgentIdByWallet(wallet common.Address) []byte {
	enc, err := identityRegistry.abi.Pack("getAgentIdByWallet", wallet)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetAgentIdByWallet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1e508238.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getAgentIdByWallet(address wallet) view returns(uint256 agentId)
func (identityRegistry *IdentityRegistry) TryPackGetAgentIdByWallet(wallet common.Address) ([]byte, error) {
	return identityRegistry.abi.Pack("getAgentIdByWallet", wallet)
}

// UnpackGetAgentIdByWallet is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1e508238.
//
// Solidity: function getAgentIdByWallet(address wallet) view returns(uint256 agentId)
func (identityRegistry *IdentityRegistry) UnpackGetAgentIdByWallet(data []byte) (*big.Int, error) {
	out, err := identityRegistry.abi.Unpack("getAgentIdByWallet", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetAgentWallet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x00339509.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getAgentWallet(uint256 agentId) view returns(address)
func (identityRegistry *IdentityRegistry) PackGetAgentWallet(agentId *big.Int) []byte {
	enc, err := identityRegistry.abi.Pack("getAgentWallet", agentId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetAgentWallet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x00339509.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getAgentWallet(uint256 agentId) view returns(address)
func (identityRegistry *IdentityRegistry) TryPackGetAgentWallet(agentId *big.Int) ([]byte, error) {
	return identityRegistry.abi.Pack("getAgentWallet", agentId)
}

// UnpackGetAgentWallet is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x00339509.
//
// Solidity: function getAgentWallet(uint256 agentId) view returns(address)
func (identityRegistry *IdentityRegistry) UnpackGetAgentWallet(data []byte) (common.Address, error) {
	out, err := identityRegistry.abi.Unpack("getAgentWallet", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackGetApproved is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x081812fc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (identityRegistry *IdentityRegistry) PackGetApproved(tokenId *big.Int) []byte {
	enc, err := identityRegistry.abi.Pack("getApproved", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetApproved is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x081812fc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (identityRegistry *IdentityRegistry) TryPackGetApproved(tokenId *big.Int) ([]byte, error) {
	return identityRegistry.abi.Pack("getApproved", tokenId)
}

// UnpackGetApproved is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x081812fc.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (identityRegistry *IdentityRegistry) UnpackGetApproved(data []byte) (common.Address, error) {
	out, err := identityRegistry.abi.Unpack("getApproved", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackGetMetadata is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcb4799f2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getMetadata(uint256 agentId, string metadataKey) view returns(bytes)
func (identityRegistry *IdentityRegistry) PackGetMetadata(agentId *big.Int, metadataKey string) []byte {
	enc, err := identityRegistry.abi.Pack("getMetadata", agentId, metadataKey)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetMetadata is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcb4799f2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getMetadata(uint256 agentId, string metadataKey) view returns(bytes)
func (identityRegistry *IdentityRegistry) TryPackGetMetadata(agentId *big.Int, metadataKey string) ([]byte, error) {
	return identityRegistry.abi.Pack("getMetadata", agentId, metadataKey)
}

// UnpackGetMetadata is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xcb4799f2.
//
// Solidity: function getMetadata(uint256 agentId, string metadataKey) view returns(bytes)
func (identityRegistry *IdentityRegistry) UnpackGetMetadata(data []byte) ([]byte, error) {
	out, err := identityRegistry.abi.Unpack("getMetadata", data)
	if err != nil {
		return *new([]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	return out0, nil
}

// PackIsApprovedForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe985e9c5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (identityRegistry *IdentityRegistry) PackIsApprovedForAll(owner common.Address, operator common.Address) []byte {
	enc, err := identityRegistry.abi.Pack("isApprovedForAll", owner, operator)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsApprovedForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe985e9c5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (identityRegistry *IdentityRegistry) TryPackIsApprovedForAll(owner common.Address, operator common.Address) ([]byte, error) {
	return identityRegistry.abi.Pack("isApprovedForAll", owner, operator)
}

// UnpackIsApprovedForAll is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe985e9c5.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (identityRegistry *IdentityRegistry) UnpackIsApprovedForAll(data []byte) (bool, error) {
	out, err := identityRegistry.abi.Unpack("isApprovedForAll", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function name() view returns(string)
func (identityRegistry *IdentityRegistry) PackName() []byte {
	enc, err := identityRegistry.abi.Pack("name")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function name() view returns(string)
func (identityRegistry *IdentityRegistry) TryPackName() ([]byte, error) {
	return identityRegistry.abi.Pack("name")
}

// UnpackName is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (identityRegistry *IdentityRegistry) UnpackName(data []byte) (string, error) {
	out, err := identityRegistry.abi.Unpack("name", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackOwnerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6352211e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (identityRegistry *IdentityRegistry) PackOwnerOf(tokenId *big.Int) []byte {
	enc, err := identityRegistry.abi.Pack("ownerOf", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwnerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6352211e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (identityRegistry *IdentityRegistry) TryPackOwnerOf(tokenId *big.Int) ([]byte, error) {
	return identityRegistry.abi.Pack("ownerOf", tokenId)
}

// UnpackOwnerOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6352211e.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (identityRegistry *IdentityRegistry) UnpackOwnerOf(data []byte) (common.Address, error) {
	out, err := identityRegistry.abi.Unpack("ownerOf", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1aa3a008.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function register() returns(uint256 agentId)
func (identityRegistry *IdentityRegistry) PackRegister() []byte {
	enc, err := identityRegistry.abi.Pack("register")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1aa3a008.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function register() returns(uint256 agentId)
func (identityRegistry *IdentityRegistry) TryPackRegister() ([]byte, error) {
	return identityRegistry.abi.Pack("register")
}

// UnpackRegister is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1aa3a008.
//
// Solidity: function register() returns(uint256 agentId)
func (identityRegistry *IdentityRegistry) UnpackRegister(data []byte) (*big.Int, error) {
	out, err := identityRegistry.abi.Unpack("register", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRegister0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8ea42286.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function register(string agentURI, (string,bytes)[] metadata) returns(uint256 agentId)
func (identityRegistry *IdentityRegistry) PackRegister0(agentURI string, metadata []IIdentityRegistryMetadataEntry) []byte {
	enc, err := identityRegistry.abi.Pack("register0", agentURI, metadata)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegister0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8ea42286.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function register(string agentURI, (string,bytes)[] metadata) returns(uint256 agentId)
func (identityRegistry *IdentityRegistry) TryPackRegister0(agentURI string, metadata []IIdentityRegistryMetadataEntry) ([]byte, error) {
	return identityRegistry.abi.Pack("register0", agentURI, metadata)
}

// UnpackRegister0 is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8ea42286.
//
// Solidity: function register(string agentURI, (string,bytes)[] metadata) returns(uint256 agentId)
func (identityRegistry *IdentityRegistry) UnpackRegister0(data []byte) (*big.Int, error) {
	out, err := identityRegistry.abi.Unpack("register0", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRegister1 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2c298be.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function register(string agentURI) returns(uint256 agentId)
func (identityRegistry *IdentityRegistry) PackRegister1(agentURI string) []byte {
	enc, err := identityRegistry.abi.Pack("register1", agentURI)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegister1 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2c298be.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function register(string agentURI) returns(uint256 agentId)
func (identityRegistry *IdentityRegistry) TryPackRegister1(agentURI string) ([]byte, error) {
	return identityRegistry.abi.Pack("register1", agentURI)
}

// UnpackRegister1 is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf2c298be.
//
// Solidity: function register(string agentURI) returns(uint256 agentId)
func (identityRegistry *IdentityRegistry) UnpackRegister1(data []byte) (*big.Int, error) {
	out, err := identityRegistry.abi.Unpack("register1", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackSafeTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42842e0e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId) returns()
func (identityRegistry *IdentityRegistry) PackSafeTransferFrom(from common.Address, to common.Address, tokenId *big.Int) []byte {
	enc, err := identityRegistry.abi.Pack("safeTransferFrom", from, to, tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSafeTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42842e0e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId) returns()
func (identityRegistry *IdentityRegistry) TryPackSafeTransferFrom(from common.Address, to common.Address, tokenId *big.Int) ([]byte, error) {
	return identityRegistry.abi.Pack("safeTransferFrom", from, to, tokenId)
}

// PackSafeTransferFrom0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb88d4fde.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId, bytes data) returns()
func (identityRegistry *IdentityRegistry) PackSafeTransferFrom0(from common.Address, to common.Address, tokenId *big.Int, data []byte) []byte {
	enc, err := identityRegistry.abi.Pack("safeTransferFrom0", from, to, tokenId, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSafeTransferFrom0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb88d4fde.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId, bytes data) returns()
func (identityRegistry *IdentityRegistry) TryPackSafeTransferFrom0(from common.Address, to common.Address, tokenId *big.Int, data []byte) ([]byte, error) {
	return identityRegistry.abi.Pack("safeTransferFrom0", from, to, tokenId, data)
}

// PackSetAgentURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0af28bd3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setAgentURI(uint256 agentId, string newURI) returns()
func (identityRegistry *IdentityRegistry) PackSetAgentURI(agentId *big.Int, newURI string) []byte {
	enc, err := identityRegistry.abi.Pack("setAgentURI", agentId, newURI)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetAgentURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0af28bd3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setAgentURI(uint256 agentId, string newURI) returns()
func (identityRegistry *IdentityRegistry) TryPackSetAgentURI(agentId *big.Int, newURI string) ([]byte, error) {
	return identityRegistry.abi.Pack("setAgentURI", agentId, newURI)
}

// PackSetAgentWallet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2d1ef5ae.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setAgentWallet(uint256 agentId, address newWallet, uint256 deadline, bytes signature) returns()
func (identityRegistry *IdentityRegistry) PackSetAgentWallet(agentId *big.Int, newWallet common.Address, deadline *big.Int, signature []byte) []byte {
	enc, err := identityRegistry.abi.Pack("setAgentWallet", agentId, newWallet, deadline, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetAgentWallet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2d1ef5ae.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setAgentWallet(uint256 agentId, address newWallet, uint256 deadline, bytes signature) returns()
func (identityRegistry *IdentityRegistry) TryPackSetAgentWallet(agentId *big.Int, newWallet common.Address, deadline *big.Int, signature []byte) ([]byte, error) {
	return identityRegistry.abi.Pack("setAgentWallet", agentId, newWallet, deadline, signature)
}

// PackSetApprovalForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa22cb465.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setApprovalForAll(address operator, bool approved) returns()
func (identityRegistry *IdentityRegistry) PackSetApprovalForAll(operator common.Address, approved bool) []byte {
	enc, err := identityRegistry.abi.Pack("setApprovalForAll", operator, approved)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetApprovalForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa22cb465.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setApprovalForAll(address operator, bool approved) returns()
func (identityRegistry *IdentityRegistry) TryPackSetApprovalForAll(operator common.Address, approved bool) ([]byte, error) {
	return identityRegistry.abi.Pack("setApprovalForAll", operator, approved)
}

// PackSetMetadata is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x466648da.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setMetadata(uint256 agentId, string metadataKey, bytes metadataValue) returns()
func (identityRegistry *IdentityRegistry) PackSetMetadata(agentId *big.Int, metadataKey string, metadataValue []byte) []byte {
	enc, err := identityRegistry.abi.Pack("setMetadata", agentId, metadataKey, metadataValue)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetMetadata is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x466648da.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setMetadata(uint256 agentId, string metadataKey, bytes metadataValue) returns()
func (identityRegistry *IdentityRegistry) TryPackSetMetadata(agentId *big.Int, metadataKey string, metadataValue []byte) ([]byte, error) {
	return identityRegistry.abi.Pack("setMetadata", agentId, metadataKey, metadataValue)
}

// PackSupportsInterface is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ffc9a7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (identityRegistry *IdentityRegistry) PackSupportsInterface(interfaceId [4]byte) []byte {
	enc, err := identityRegistry.abi.Pack("supportsInterface", interfaceId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSupportsInterface is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ffc9a7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (identityRegistry *IdentityRegistry) TryPackSupportsInterface(interfaceId [4]byte) ([]byte, error) {
	return identityRegistry.abi.Pack("supportsInterface", interfaceId)
}

// UnpackSupportsInterface is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (identityRegistry *IdentityRegistry) UnpackSupportsInterface(data []byte) (bool, error) {
	out, err := identityRegistry.abi.Unpack("supportsInterface", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function symbol() view returns(string)
func (identityRegistry *IdentityRegistry) PackSymbol() []byte {
	enc, err := identityRegistry.abi.Pack("symbol")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function symbol() view returns(string)
func (identityRegistry *IdentityRegistry) TryPackSymbol() ([]byte, error) {
	return identityRegistry.abi.Pack("symbol")
}

// UnpackSymbol is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (identityRegistry *IdentityRegistry) UnpackSymbol(data []byte) (string, error) {
	out, err := identityRegistry.abi.Unpack("symbol", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTokenURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc87b56dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (identityRegistry *IdentityRegistry) PackTokenURI(tokenId *big.Int) []byte {
	enc, err := identityRegistry.abi.Pack("tokenURI", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTokenURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc87b56dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (identityRegistry *IdentityRegistry) TryPackTokenURI(tokenId *big.Int) ([]byte, error) {
	return identityRegistry.abi.Pack("tokenURI", tokenId)
}

// UnpackTokenURI is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc87b56dd.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (identityRegistry *IdentityRegistry) UnpackTokenURI(data []byte) (string, error) {
	out, err := identityRegistry.abi.Unpack("tokenURI", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferFrom(address from, address to, uint256 tokenId) returns()
func (identityRegistry *IdentityRegistry) PackTransferFrom(from common.Address, to common.Address, tokenId *big.Int) []byte {
	enc, err := identityRegistry.abi.Pack("transferFrom", from, to, tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferFrom(address from, address to, uint256 tokenId) returns()
func (identityRegistry *IdentityRegistry) TryPackTransferFrom(from common.Address, to common.Address, tokenId *big.Int) ([]byte, error) {
	return identityRegistry.abi.Pack("transferFrom", from, to, tokenId)
}

// PackUnsetAgentWallet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3fddcf19.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unsetAgentWallet(uint256 agentId) returns()
func (identityRegistry *IdentityRegistry) PackUnsetAgentWallet(agentId *big.Int) []byte {
	enc, err := identityRegistry.abi.Pack("unsetAgentWallet", agentId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnsetAgentWallet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3fddcf19.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unsetAgentWallet(uint256 agentId) returns()
func (identityRegistry *IdentityRegistry) TryPackUnsetAgentWallet(agentId *big.Int) ([]byte, error) {
	return identityRegistry.abi.Pack("unsetAgentWallet", agentId)
}

// IdentityRegistryApproval represents a Approval event raised by the IdentityRegistry contract.
type IdentityRegistryApproval struct {
	Owner    common.Address
	Approved common.Address
	TokenId  *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const IdentityRegistryApprovalEventName = "Approval"

// ContractEventName returns the user-defined event name.
func (IdentityRegistryApproval) ContractEventName() string {
	return IdentityRegistryApprovalEventName
}

// UnpackApprovalEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId)
func (identityRegistry *IdentityRegistry) UnpackApprovalEvent(log *types.Log) (*IdentityRegistryApproval, error) {
	event := "Approval"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != identityRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(IdentityRegistryApproval)
	if len(log.Data) > 0 {
		if err := identityRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range identityRegistry.abi.Events[event].Inputs {
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

// IdentityRegistryApprovalForAll represents a ApprovalForAll event raised by the IdentityRegistry contract.
type IdentityRegistryApprovalForAll struct {
	Owner    common.Address
	Operator common.Address
	Approved bool
	Raw      *types.Log // Blockchain specific contextual infos
}

const IdentityRegistryApprovalForAllEventName = "ApprovalForAll"

// ContractEventName returns the user-defined event name.
func (IdentityRegistryApprovalForAll) ContractEventName() string {
	return IdentityRegistryApprovalForAllEventName
}

// UnpackApprovalForAllEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ApprovalForAll(address indexed owner, address indexed operator, bool approved)
func (identityRegistry *IdentityRegistry) UnpackApprovalForAllEvent(log *types.Log) (*IdentityRegistryApprovalForAll, error) {
	event := "ApprovalForAll"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != identityRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(IdentityRegistryApprovalForAll)
	if len(log.Data) > 0 {
		if err := identityRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range identityRegistry.abi.Events[event].Inputs {
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

// IdentityRegistryEIP712DomainChanged represents a EIP712DomainChanged event raised by the IdentityRegistry contract.
type IdentityRegistryEIP712DomainChanged struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const IdentityRegistryEIP712DomainChangedEventName = "EIP712DomainChanged"

// ContractEventName returns the user-defined event name.
func (IdentityRegistryEIP712DomainChanged) ContractEventName() string {
	return IdentityRegistryEIP712DomainChangedEventName
}

// UnpackEIP712DomainChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EIP712DomainChanged()
func (identityRegistry *IdentityRegistry) UnpackEIP712DomainChangedEvent(log *types.Log) (*IdentityRegistryEIP712DomainChanged, error) {
	event := "EIP712DomainChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != identityRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(IdentityRegistryEIP712DomainChanged)
	if len(log.Data) > 0 {
		if err := identityRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range identityRegistry.abi.Events[event].Inputs {
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

// IdentityRegistryMetadataSet represents a MetadataSet event raised by the IdentityRegistry contract.
type IdentityRegistryMetadataSet struct {
	AgentId            *big.Int
	IndexedMetadataKey common.Hash
	MetadataKey        string
	MetadataValue      []byte
	Raw                *types.Log // Blockchain specific contextual infos
}

const IdentityRegistryMetadataSetEventName = "MetadataSet"

// ContractEventName returns the user-defined event name.
func (IdentityRegistryMetadataSet) ContractEventName() string {
	return IdentityRegistryMetadataSetEventName
}

// UnpackMetadataSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MetadataSet(uint256 indexed agentId, string indexed indexedMetadataKey, string metadataKey, bytes metadataValue)
func (identityRegistry *IdentityRegistry) UnpackMetadataSetEvent(log *types.Log) (*IdentityRegistryMetadataSet, error) {
	event := "MetadataSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != identityRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(IdentityRegistryMetadataSet)
	if len(log.Data) > 0 {
		if err := identityRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range identityRegistry.abi.Events[event].Inputs {
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

// IdentityRegistryRegistered represents a Registered event raised by the IdentityRegistry contract.
type IdentityRegistryRegistered struct {
	AgentId  *big.Int
	AgentURI string
	Owner    common.Address
	Raw      *types.Log // Blockchain specific contextual infos
}

const IdentityRegistryRegisteredEventName = "Registered"

// ContractEventName returns the user-defined event name.
func (IdentityRegistryRegistered) ContractEventName() string {
	return IdentityRegistryRegisteredEventName
}

// UnpackRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Registered(uint256 indexed agentId, string agentURI, address indexed owner)
func (identityRegistry *IdentityRegistry) UnpackRegisteredEvent(log *types.Log) (*IdentityRegistryRegistered, error) {
	event := "Registered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != identityRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(IdentityRegistryRegistered)
	if len(log.Data) > 0 {
		if err := identityRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range identityRegistry.abi.Events[event].Inputs {
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

// IdentityRegistryTransfer represents a Transfer event raised by the IdentityRegistry contract.
type IdentityRegistryTransfer struct {
	From    common.Address
	To      common.Address
	TokenId *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const IdentityRegistryTransferEventName = "Transfer"

// ContractEventName returns the user-defined event name.
func (IdentityRegistryTransfer) ContractEventName() string {
	return IdentityRegistryTransferEventName
}

// UnpackTransferEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)
func (identityRegistry *IdentityRegistry) UnpackTransferEvent(log *types.Log) (*IdentityRegistryTransfer, error) {
	event := "Transfer"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != identityRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(IdentityRegistryTransfer)
	if len(log.Data) > 0 {
		if err := identityRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range identityRegistry.abi.Events[event].Inputs {
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

// IdentityRegistryURIUpdated represents a URIUpdated event raised by the IdentityRegistry contract.
type IdentityRegistryURIUpdated struct {
	AgentId   *big.Int
	NewURI    string
	UpdatedBy common.Address
	Raw       *types.Log // Blockchain specific contextual infos
}

const IdentityRegistryURIUpdatedEventName = "URIUpdated"

// ContractEventName returns the user-defined event name.
func (IdentityRegistryURIUpdated) ContractEventName() string {
	return IdentityRegistryURIUpdatedEventName
}

// UnpackURIUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event URIUpdated(uint256 indexed agentId, string newURI, address indexed updatedBy)
func (identityRegistry *IdentityRegistry) UnpackURIUpdatedEvent(log *types.Log) (*IdentityRegistryURIUpdated, error) {
	event := "URIUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != identityRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(IdentityRegistryURIUpdated)
	if len(log.Data) > 0 {
		if err := identityRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range identityRegistry.abi.Events[event].Inputs {
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
func (identityRegistry *IdentityRegistry) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], identityRegistry.abi.Errors["DeadlineExpired"].ID.Bytes()[:4]) {
		return identityRegistry.UnpackDeadlineExpiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], identityRegistry.abi.Errors["DeadlineTooFar"].ID.Bytes()[:4]) {
		return identityRegistry.UnpackDeadlineTooFarError(raw[4:])
	}
	if bytes.Equal(raw[:4], identityRegistry.abi.Errors["ERC721IncorrectOwner"].ID.Bytes()[:4]) {
		return identityRegistry.UnpackERC721IncorrectOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], identityRegistry.abi.Errors["ERC721InsufficientApproval"].ID.Bytes()[:4]) {
		return identityRegistry.UnpackERC721InsufficientApprovalError(raw[4:])
	}
	if bytes.Equal(raw[:4], identityRegistry.abi.Errors["ERC721InvalidApprover"].ID.Bytes()[:4]) {
		return identityRegistry.UnpackERC721InvalidApproverError(raw[4:])
	}
	if bytes.Equal(raw[:4], identityRegistry.abi.Errors["ERC721InvalidOperator"].ID.Bytes()[:4]) {
		return identityRegistry.UnpackERC721InvalidOperatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], identityRegistry.abi.Errors["ERC721InvalidOwner"].ID.Bytes()[:4]) {
		return identityRegistry.UnpackERC721InvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], identityRegistry.abi.Errors["ERC721InvalidReceiver"].ID.Bytes()[:4]) {
		return identityRegistry.UnpackERC721InvalidReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], identityRegistry.abi.Errors["ERC721InvalidSender"].ID.Bytes()[:4]) {
		return identityRegistry.UnpackERC721InvalidSenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], identityRegistry.abi.Errors["ERC721NonexistentToken"].ID.Bytes()[:4]) {
		return identityRegistry.UnpackERC721NonexistentTokenError(raw[4:])
	}
	if bytes.Equal(raw[:4], identityRegistry.abi.Errors["InvalidShortString"].ID.Bytes()[:4]) {
		return identityRegistry.UnpackInvalidShortStringError(raw[4:])
	}
	if bytes.Equal(raw[:4], identityRegistry.abi.Errors["InvalidWalletSignature"].ID.Bytes()[:4]) {
		return identityRegistry.UnpackInvalidWalletSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], identityRegistry.abi.Errors["NotAgentOperator"].ID.Bytes()[:4]) {
		return identityRegistry.UnpackNotAgentOperatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], identityRegistry.abi.Errors["ReservedMetadataKey"].ID.Bytes()[:4]) {
		return identityRegistry.UnpackReservedMetadataKeyError(raw[4:])
	}
	if bytes.Equal(raw[:4], identityRegistry.abi.Errors["StringTooLong"].ID.Bytes()[:4]) {
		return identityRegistry.UnpackStringTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], identityRegistry.abi.Errors["WalletNotBound"].ID.Bytes()[:4]) {
		return identityRegistry.UnpackWalletNotBoundError(raw[4:])
	}
	if bytes.Equal(raw[:4], identityRegistry.abi.Errors["ZeroAgentWallet"].ID.Bytes()[:4]) {
		return identityRegistry.UnpackZeroAgentWalletError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// IdentityRegistryDeadlineExpired represents a DeadlineExpired error raised by the IdentityRegistry contract.
type IdentityRegistryDeadlineExpired struct {
	Deadline  *big.Int
	Timestamp *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DeadlineExpired(uint256 deadline, uint256 timestamp)
func IdentityRegistryDeadlineExpiredErrorID() common.Hash {
	return common.HexToHash("0x1503f5f8f67350efa9a8d51644671a4385b3c5671710bbbdfa1cdf5839b8be26")
}

// UnpackDeadlineExpiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DeadlineExpired(uint256 deadline, uint256 timestamp)
func (identityRegistry *IdentityRegistry) UnpackDeadlineExpiredError(raw []byte) (*IdentityRegistryDeadlineExpired, error) {
	out := new(IdentityRegistryDeadlineExpired)
	if err := identityRegistry.abi.UnpackIntoInterface(out, "DeadlineExpired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// IdentityRegistryDeadlineTooFar represents a DeadlineTooFar error raised by the IdentityRegistry contract.
type IdentityRegistryDeadlineTooFar struct {
	Deadline *big.Int
	Max      *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DeadlineTooFar(uint256 deadline, uint256 max)
func IdentityRegistryDeadlineTooFarErrorID() common.Hash {
	return common.HexToHash("0x657526de9b7cb048f0c6b5d030f691cc9cd857a90871a22f4ff14c047d29d221")
}

// UnpackDeadlineTooFarError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DeadlineTooFar(uint256 deadline, uint256 max)
func (identityRegistry *IdentityRegistry) UnpackDeadlineTooFarError(raw []byte) (*IdentityRegistryDeadlineTooFar, error) {
	out := new(IdentityRegistryDeadlineTooFar)
	if err := identityRegistry.abi.UnpackIntoInterface(out, "DeadlineTooFar", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// IdentityRegistryERC721IncorrectOwner represents a ERC721IncorrectOwner error raised by the IdentityRegistry contract.
type IdentityRegistryERC721IncorrectOwner struct {
	Sender  common.Address
	TokenId *big.Int
	Owner   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner)
func IdentityRegistryERC721IncorrectOwnerErrorID() common.Hash {
	return common.HexToHash("0x64283d7b313c8117c125f736876fa2b4e90ea3831a4716dfdb87d2f540e26289")
}

// UnpackERC721IncorrectOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner)
func (identityRegistry *IdentityRegistry) UnpackERC721IncorrectOwnerError(raw []byte) (*IdentityRegistryERC721IncorrectOwner, error) {
	out := new(IdentityRegistryERC721IncorrectOwner)
	if err := identityRegistry.abi.UnpackIntoInterface(out, "ERC721IncorrectOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// IdentityRegistryERC721InsufficientApproval represents a ERC721InsufficientApproval error raised by the IdentityRegistry contract.
type IdentityRegistryERC721InsufficientApproval struct {
	Operator common.Address
	TokenId  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InsufficientApproval(address operator, uint256 tokenId)
func IdentityRegistryERC721InsufficientApprovalErrorID() common.Hash {
	return common.HexToHash("0x177e802f6f313bc89797ecace66d6d29ab4719cbaaacbb87367264048b1eb861")
}

// UnpackERC721InsufficientApprovalError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InsufficientApproval(address operator, uint256 tokenId)
func (identityRegistry *IdentityRegistry) UnpackERC721InsufficientApprovalError(raw []byte) (*IdentityRegistryERC721InsufficientApproval, error) {
	out := new(IdentityRegistryERC721InsufficientApproval)
	if err := identityRegistry.abi.UnpackIntoInterface(out, "ERC721InsufficientApproval", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// IdentityRegistryERC721InvalidApprover represents a ERC721InvalidApprover error raised by the IdentityRegistry contract.
type IdentityRegistryERC721InvalidApprover struct {
	Approver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidApprover(address approver)
func IdentityRegistryERC721InvalidApproverErrorID() common.Hash {
	return common.HexToHash("0xa9fbf51f86b8e03595d59dc726bb10c329bb24f62589be276d8dd193ca0b69ea")
}

// UnpackERC721InvalidApproverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidApprover(address approver)
func (identityRegistry *IdentityRegistry) UnpackERC721InvalidApproverError(raw []byte) (*IdentityRegistryERC721InvalidApprover, error) {
	out := new(IdentityRegistryERC721InvalidApprover)
	if err := identityRegistry.abi.UnpackIntoInterface(out, "ERC721InvalidApprover", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// IdentityRegistryERC721InvalidOperator represents a ERC721InvalidOperator error raised by the IdentityRegistry contract.
type IdentityRegistryERC721InvalidOperator struct {
	Operator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidOperator(address operator)
func IdentityRegistryERC721InvalidOperatorErrorID() common.Hash {
	return common.HexToHash("0x5b08ba185e8f577075361f3a3555a6580a227ce22734dcc979c1aeadf894658b")
}

// UnpackERC721InvalidOperatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidOperator(address operator)
func (identityRegistry *IdentityRegistry) UnpackERC721InvalidOperatorError(raw []byte) (*IdentityRegistryERC721InvalidOperator, error) {
	out := new(IdentityRegistryERC721InvalidOperator)
	if err := identityRegistry.abi.UnpackIntoInterface(out, "ERC721InvalidOperator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// IdentityRegistryERC721InvalidOwner represents a ERC721InvalidOwner error raised by the IdentityRegistry contract.
type IdentityRegistryERC721InvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidOwner(address owner)
func IdentityRegistryERC721InvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x89c62b6479af2e623826dcc39c5133061d35b66d72de92833401dd2fd6567480")
}

// UnpackERC721InvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidOwner(address owner)
func (identityRegistry *IdentityRegistry) UnpackERC721InvalidOwnerError(raw []byte) (*IdentityRegistryERC721InvalidOwner, error) {
	out := new(IdentityRegistryERC721InvalidOwner)
	if err := identityRegistry.abi.UnpackIntoInterface(out, "ERC721InvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// IdentityRegistryERC721InvalidReceiver represents a ERC721InvalidReceiver error raised by the IdentityRegistry contract.
type IdentityRegistryERC721InvalidReceiver struct {
	Receiver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidReceiver(address receiver)
func IdentityRegistryERC721InvalidReceiverErrorID() common.Hash {
	return common.HexToHash("0x64a0ae9278f805eaf991dcd18ca78756d280b7508b764ef1b255c55845c11df9")
}

// UnpackERC721InvalidReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidReceiver(address receiver)
func (identityRegistry *IdentityRegistry) UnpackERC721InvalidReceiverError(raw []byte) (*IdentityRegistryERC721InvalidReceiver, error) {
	out := new(IdentityRegistryERC721InvalidReceiver)
	if err := identityRegistry.abi.UnpackIntoInterface(out, "ERC721InvalidReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// IdentityRegistryERC721InvalidSender represents a ERC721InvalidSender error raised by the IdentityRegistry contract.
type IdentityRegistryERC721InvalidSender struct {
	Sender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidSender(address sender)
func IdentityRegistryERC721InvalidSenderErrorID() common.Hash {
	return common.HexToHash("0x73c6ac6e10798e95d99e1f130d923eb40193ecb8d094ec3dce93292564eb3b17")
}

// UnpackERC721InvalidSenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidSender(address sender)
func (identityRegistry *IdentityRegistry) UnpackERC721InvalidSenderError(raw []byte) (*IdentityRegistryERC721InvalidSender, error) {
	out := new(IdentityRegistryERC721InvalidSender)
	if err := identityRegistry.abi.UnpackIntoInterface(out, "ERC721InvalidSender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// IdentityRegistryERC721NonexistentToken represents a ERC721NonexistentToken error raised by the IdentityRegistry contract.
type IdentityRegistryERC721NonexistentToken struct {
	TokenId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721NonexistentToken(uint256 tokenId)
func IdentityRegistryERC721NonexistentTokenErrorID() common.Hash {
	return common.HexToHash("0x7e273289a3a9ef6670f06df7dca227856fc925e956db96980692764a8bc734d7")
}

// UnpackERC721NonexistentTokenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721NonexistentToken(uint256 tokenId)
func (identityRegistry *IdentityRegistry) UnpackERC721NonexistentTokenError(raw []byte) (*IdentityRegistryERC721NonexistentToken, error) {
	out := new(IdentityRegistryERC721NonexistentToken)
	if err := identityRegistry.abi.UnpackIntoInterface(out, "ERC721NonexistentToken", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// IdentityRegistryInvalidShortString represents a InvalidShortString error raised by the IdentityRegistry contract.
type IdentityRegistryInvalidShortString struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidShortString()
func IdentityRegistryInvalidShortStringErrorID() common.Hash {
	return common.HexToHash("0xb3512b0c6163e5f0bafab72bb631b9d58cd7a731b082f910338aa21c83d5c274")
}

// UnpackInvalidShortStringError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidShortString()
func (identityRegistry *IdentityRegistry) UnpackInvalidShortStringError(raw []byte) (*IdentityRegistryInvalidShortString, error) {
	out := new(IdentityRegistryInvalidShortString)
	if err := identityRegistry.abi.UnpackIntoInterface(out, "InvalidShortString", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// IdentityRegistryInvalidWalletSignature represents a InvalidWalletSignature error raised by the IdentityRegistry contract.
type IdentityRegistryInvalidWalletSignature struct {
	AgentId   *big.Int
	NewWallet common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidWalletSignature(uint256 agentId, address newWallet)
func IdentityRegistryInvalidWalletSignatureErrorID() common.Hash {
	return common.HexToHash("0xce2e082aa3229edf611251f9bc61fe355dec9fa834bb9d68d0dc3bfa8bdf333f")
}

// UnpackInvalidWalletSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidWalletSignature(uint256 agentId, address newWallet)
func (identityRegistry *IdentityRegistry) UnpackInvalidWalletSignatureError(raw []byte) (*IdentityRegistryInvalidWalletSignature, error) {
	out := new(IdentityRegistryInvalidWalletSignature)
	if err := identityRegistry.abi.UnpackIntoInterface(out, "InvalidWalletSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// IdentityRegistryNotAgentOperator represents a NotAgentOperator error raised by the IdentityRegistry contract.
type IdentityRegistryNotAgentOperator struct {
	AgentId *big.Int
	Caller  common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotAgentOperator(uint256 agentId, address caller)
func IdentityRegistryNotAgentOperatorErrorID() common.Hash {
	return common.HexToHash("0x4b03c457dea7c11179e982fe5ca9be9c1d68c5dd8b80fbf1dcc4c6158e370b66")
}

// UnpackNotAgentOperatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotAgentOperator(uint256 agentId, address caller)
func (identityRegistry *IdentityRegistry) UnpackNotAgentOperatorError(raw []byte) (*IdentityRegistryNotAgentOperator, error) {
	out := new(IdentityRegistryNotAgentOperator)
	if err := identityRegistry.abi.UnpackIntoInterface(out, "NotAgentOperator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// IdentityRegistryReservedMetadataKey represents a ReservedMetadataKey error raised by the IdentityRegistry contract.
type IdentityRegistryReservedMetadataKey struct {
	MetadataKey string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReservedMetadataKey(string metadataKey)
func IdentityRegistryReservedMetadataKeyErrorID() common.Hash {
	return common.HexToHash("0x55b8c5c0369e967482210ad7d5eda7af6ea35d0a2ecd108c0d8d1ae25c19d216")
}

// UnpackReservedMetadataKeyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReservedMetadataKey(string metadataKey)
func (identityRegistry *IdentityRegistry) UnpackReservedMetadataKeyError(raw []byte) (*IdentityRegistryReservedMetadataKey, error) {
	out := new(IdentityRegistryReservedMetadataKey)
	if err := identityRegistry.abi.UnpackIntoInterface(out, "ReservedMetadataKey", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// IdentityRegistryStringTooLong represents a StringTooLong error raised by the IdentityRegistry contract.
type IdentityRegistryStringTooLong struct {
	Str string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StringTooLong(string str)
func IdentityRegistryStringTooLongErrorID() common.Hash {
	return common.HexToHash("0x305a27a93f8e33b7392df0a0f91d6fc63847395853c45991eec52dbf24d72381")
}

// UnpackStringTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StringTooLong(string str)
func (identityRegistry *IdentityRegistry) UnpackStringTooLongError(raw []byte) (*IdentityRegistryStringTooLong, error) {
	out := new(IdentityRegistryStringTooLong)
	if err := identityRegistry.abi.UnpackIntoInterface(out, "StringTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// IdentityRegistryWalletNotBound represents a WalletNotBound error raised by the IdentityRegistry contract.
type IdentityRegistryWalletNotBound struct {
	Wallet common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WalletNotBound(address wallet)
func IdentityRegistryWalletNotBoundErrorID() common.Hash {
	return common.HexToHash("0xfc8e8dada15d060c11a2957eb274b5416dde27183d35dddf7eb2f7c9da560eb5")
}

// UnpackWalletNotBoundError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WalletNotBound(address wallet)
func (identityRegistry *IdentityRegistry) UnpackWalletNotBoundError(raw []byte) (*IdentityRegistryWalletNotBound, error) {
	out := new(IdentityRegistryWalletNotBound)
	if err := identityRegistry.abi.UnpackIntoInterface(out, "WalletNotBound", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// IdentityRegistryZeroAgentWallet represents a ZeroAgentWallet error raised by the IdentityRegistry contract.
type IdentityRegistryZeroAgentWallet struct {
	AgentId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAgentWallet(uint256 agentId)
func IdentityRegistryZeroAgentWalletErrorID() common.Hash {
	return common.HexToHash("0xf9a47be97360666628b0725b1629a64b401c8da868560bbe3cb274adcb5c5445")
}

// UnpackZeroAgentWalletError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAgentWallet(uint256 agentId)
func (identityRegistry *IdentityRegistry) UnpackZeroAgentWalletError(raw []byte) (*IdentityRegistryZeroAgentWallet, error) {
	out := new(IdentityRegistryZeroAgentWallet)
	if err := identityRegistry.abi.UnpackIntoInterface(out, "ZeroAgentWallet", raw); err != nil {
		return nil, err
	}
	return out, nil
}
