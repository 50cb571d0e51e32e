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

// ReputationRegistryMetaData contains all meta data concerning the ReputationRegistry contract.
var ReputationRegistryMetaData = bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"identityRegistry\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"MAX_ABS_VALUE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"int128\",\"internalType\":\"int128\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_VALUE_DECIMALS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"appendResponse\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"clientAddress\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"feedbackIndex\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"responseURI\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"responseHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"getClients\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"address[]\",\"internalType\":\"address[]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getIdentityRegistry\",\"inputs\":[],\"outputs\":[{\"name\":\"identityRegistry\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getLastIndex\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"clientAddress\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getResponseCount\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"clientAddress\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"feedbackIndex\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"responders\",\"type\":\"address[]\",\"internalType\":\"address[]\"}],\"outputs\":[{\"name\":\"count\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getSummary\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"clientAddresses\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"tag1\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"tag2\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[{\"name\":\"count\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"summaryValue\",\"type\":\"int128\",\"internalType\":\"int128\"},{\"name\":\"summaryValueDecimals\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"giveFeedback\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"value\",\"type\":\"int128\",\"internalType\":\"int128\"},{\"name\":\"valueDecimals\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"tag1\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"tag2\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"endpoint\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"feedbackURI\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"feedbackHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"readAllFeedback\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"clientAddresses\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"tag1\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"tag2\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"includeRevoked\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"outputs\":[{\"name\":\"clients\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"feedbackIndexes\",\"type\":\"uint64[]\",\"internalType\":\"uint64[]\"},{\"name\":\"values\",\"type\":\"int128[]\",\"internalType\":\"int128[]\"},{\"name\":\"valueDecimals\",\"type\":\"uint8[]\",\"internalType\":\"uint8[]\"},{\"name\":\"tag1s\",\"type\":\"string[]\",\"internalType\":\"string[]\"},{\"name\":\"tag2s\",\"type\":\"string[]\",\"internalType\":\"string[]\"},{\"name\":\"revokedStatuses\",\"type\":\"bool[]\",\"internalType\":\"bool[]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"readFeedback\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"clientAddress\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"feedbackIndex\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[{\"name\":\"value\",\"type\":\"int128\",\"internalType\":\"int128\"},{\"name\":\"valueDecimals\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"tag1\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"tag2\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"isRevoked\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"revokeFeedback\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"feedbackIndex\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"event\",\"name\":\"FeedbackRevoked\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"clientAddress\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"feedbackIndex\",\"type\":\"uint64\",\"indexed\":true,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"NewFeedback\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"clientAddress\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"feedbackIndex\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"value\",\"type\":\"int128\",\"indexed\":false,\"internalType\":\"int128\"},{\"name\":\"valueDecimals\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"uint8\"},{\"name\":\"indexedTag1\",\"type\":\"string\",\"indexed\":true,\"internalType\":\"string\"},{\"name\":\"tag1\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"tag2\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"endpoint\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"feedbackURI\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"feedbackHash\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"ResponseAppended\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"clientAddress\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"feedbackIndex\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"responder\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"responseURI\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"responseHash\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"EmptyClientList\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"EmptyResponseURI\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"FeedbackAlreadyRevoked\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"clientAddress\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"feedbackIndex\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"FeedbackNotFound\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"clientAddress\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"feedbackIndex\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"SelfFeedback\",\"inputs\":[{\"name\":\"agentId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"SummaryValueOverflow\",\"inputs\":[{\"name\":\"averageWad\",\"type\":\"int256\",\"internalType\":\"int256\"},{\"name\":\"valueDecimals\",\"type\":\"uint8\",\"internalType\":\"uint8\"}]},{\"type\":\"error\",\"name\":\"ValueDecimalsTooHigh\",\"inputs\":[{\"name\":\"valueDecimals\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"max\",\"type\":\"uint8\",\"internalType\":\"uint8\"}]},{\"type\":\"error\",\"name\":\"ValueOutOfRange\",\"inputs\":[{\"name\":\"value\",\"type\":\"int128\",\"internalType\":\"int128\"},{\"name\":\"maxAbs\",\"type\":\"int128\",\"internalType\":\"int128\"}]},{\"type\":\"error\",\"name\":\"ZeroIdentityRegistry\",\"inputs\":[]}]",
	ID:  "ReputationRegistry",
	Bin: "0x60a034608357601f611e0638819003918201601f19168301916001600160401b03831184841017608757808492602094604052833981010312608357516001600160a01b038116908190036083578015607457608052604051611d6a908161009c823960805181818161090a0152610d150152f35b6304295e1760e31b5f5260045ffd5b5f80fd5b634e487b7160e01b5f52604160045260245ffdfe6101206040526004361015610012575f80fd5b5f3560e01c8063232b08101461130f5780633c036a7e14610c2457806342dd519c14610b9f578063499c9c6d14610b755780634ab3ca9914610ae15780636e04cacd146109e257806381bbba5814610939578063bc4d861b146108f5578063c2349ab21461078e578063d9d842241461010a578063f2d81759146100bd5763fffad6df1461009e575f80fd5b346100b9575f3660031901126100b957602060405160128152f35b5f80fd5b346100b95760403660031901126100b9576100d66113bd565b6004355f52600160205260405f209060018060a01b03165f5260205260206001600160401b0360405f205416604051908152f35b346100b95760a03660031901126100b9576024356001600160401b0381116100b95761013a903690600401611476565b6044356001600160401b0381116100b95761015990369060040161140d565b92906064356001600160401b0381116100b95761017a90369060040161140d565b916084359485151586036100b957610191816119c4565b9461019f60405196876115d2565b818652602086019160051b8101903682116100b957915b81831061076e57505050835115610703575b946101d4939495611c7e565b610100525f5f5b82518110156102f2576004355f9081526001602052604090206001600160a01b0361020683866119db565b511660018060a01b03165f526020526001600160401b0360405f20541660015b816001600160401b03821611156102415750506001016101db565b6004355f9081526020819052604090209295919491926001600160a01b0361026988856119db565b511660018060a01b03165f5260205260405f206001600160401b0382165f5260205260405f20839084156102e2575b816102cd575b506102b8575b6102ad90611680565b949194939093610226565b926102c56102ad916119ef565b9390506102a4565b6102dc91506101005190611cec565b8761029e565b805460881c60ff16159150610298565b5090916102fe826119c4565b9061030c60405192836115d2565b828252601f1961031b846119c4565b0136602084013761033c61032e846119c4565b60405160a05260a0516115d2565b8260a0515261034a836119c4565b601f190136602060a051013761035f836119c4565b9161036d60405193846115d2565b838352610379846119c4565b601f190136602085013761039d61038f856119c4565b60405160c05260c0516115d2565b8360c051526103ab846119c4565b601f190136602060c05101376103c0846119fd565b60e0526103cc846119fd565b906103ef6103d9866119c4565b956103e760405197886115d2565b8087526119c4565b601f19013660208701375f945f5b87518110156105b8576001600160a01b03610418828a6119db565b51166080526004355f52600160205260405f2060018060a01b03608051165f526020526001600160401b0360405f205416966001905b886001600160401b038316116105ad576004355f908152602081815260408083206080516001600160a01b0316845282528083206001600160401b0386168452909152902087158061059f575b801561058b575b6105805761057a91610574916080516104bb838a6119db565b526001600160401b0385166104d28360a0516119db565b5260026105448254928d6104ea8686600f0b926119db565b5260ff8460801c166104fe8660c0516119db565b5260405161051a816105138160018601611536565b03826115d2565b6105268660e0516119db565b526105338560e0516119db565b506105136040518094819301611536565b61054e838b6119db565b52610559828a6119db565b5060ff61056683896119db565b9160881c16151590526119ef565b91611680565b9061044e565b509061057a90611680565b506105996101005182611cec565b156104a2565b5060ff815460881c1661049b565b9750506001016103fd565b50906105d491838660405194859460e0865260e086019061143a565b8481036020860152602060a05151918281520190602060a05101905f5b8181106106e1575050508481036040860152602080835192838152019201905f5b8181106106c5575050508381036060850152602060c05151918281520190602060c05101905f5b8181106106a9575050509061065b82856106699403608087015260e0516114a6565b9084820360a08601526114a6565b82810360c0840152602080835192838152019201905f5b81811061068e575050500390f35b82511515845285945060209384019390920191600101610680565b825160ff16845287965060209384019390920191600101610639565b8251600f0b845287965060209384019390920191600101610612565b82516001600160401b03168452889750602093840193909201916001016105f1565b92506004355f52600260205260405f209460405180602088549182815201975f5260205f20905f5b81811061074f57505050610746816101d496979803826115d2565b935094936101c8565b82546001600160a01b03168a526020909901986001928301920161072b565b82356001600160a01b03811681036100b9578152602092830192016101b6565b346100b95760a03660031901126100b9576004356107aa6113bd565b906107b36113d3565b906064356001600160401b0381116100b9576107d390369060040161140d565b80156108e6577fb1c6be0b5b8aef6539e2fac0fd131a2faa7b49edf8e505b5eb0ad487d56051d4916108ca9161080a868887611a46565b805467ffffffffffffffff60901b61082e609083901c6001600160401b0316611680565b60901b16906001600160401b0360901b1916179055845f52600360205260405f2060018060a01b0388165f5260205260405f206001600160401b0387165f5260205260405f2060018060a01b0333165f5260205260405f206001600160401b0361089a81835416611680565b166001600160401b03198254161790556001600160401b036040519616865260606020870152606086019161163c565b608435604085015233946001600160a01b0316939081900390a4005b633e75d08b60e21b5f5260045ffd5b346100b9575f3660031901126100b9576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b346100b95760803660031901126100b9576024356001600160401b0381116100b957610969903690600401611476565b6044356001600160401b0381116100b95761098890369060040161140d565b929091606435916001600160401b0383116100b95760609460ff946109b46109bf95369060040161140d565b9490936004356116fb565b906001600160401b0360409493945194168452600f0b6020840152166040820152f35b346100b95760803660031901126100b9576004356109fe6113bd565b90610a076113d3565b916064356001600160401b0381116100b957610a27903690600401611476565b5f949092906001600160a01b038216610ab657505090825f94939452600260205260405f20915f948354935b848710610a75575050505050602091505b6001600160401b0360405191168152f35b9091929394610aa9600191610aa38787610a8f8c886115f3565b878060a01b0391549060031b1c1688611bc4565b9061161c565b9601959493929190610a53565b602095506001600160401b038116610ad75750610ad293611bc4565b610a64565b90610ad294611af6565b346100b95760403660031901126100b957600435602435906001600160401b038216918281036100b957610b16903383611a46565b805460ff8160881c16610b5a5760ff60881b1916600160881b17905533907f25156fd3288212246d8b008d5921fde376c71ed14ac2e072a506eb06fde6d09d5f80a4005b505063a83b382960e01b5f526004523360245260445260645ffd5b346100b9575f3660031901126100b95760206040516f4b3b4ca85a86c47a098a2240000000008152f35b346100b95760203660031901126100b9576004355f52600260205260405f206040519081602082549182815201915f5260205f20905f5b818110610c0557610c0185610bed818703826115d2565b60405191829160208352602083019061143a565b0390f35b82546001600160a01b0316845260209093019260019283019201610bd6565b346100b9576101003660031901126100b95760043560243580600f0b918282036100b95760443560ff81168082036100b9576064356001600160401b0381116100b957610c7590369060040161140d565b906084356001600160401b0381116100b957610c9590369060040161140d565b60a4356001600160401b0381116100b957610cb490369060040161140d565b93909460c4356001600160401b0381116100b957610cd690369060040161140d565b979098601282116112f7576f4b3b4ca85a86c47a098a2240000000008d1380156112dd575b6112b6576040516331a9108f60e11b8152600481018c90527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031690602081602481855afa908115611216575f91611297575b5060018060a01b031690813314918215611221575b5081156111a8575b50611191575f8b81526001602090815260408083203384529091529020546001600160401b03168015611140575b6001019b6001600160401b038d1161112c578b5f52600160205260405f2060018060a01b0333165f526020528c6001600160401b0360405f2091166001600160401b03198254161790558b5f525f60205260405f2060018060a01b0333165f526020528c6001600160401b0360405f2091165f5260205260405f20916fffffffffffffffffffffffffffffffff83549160ff60801b9060801b1692169070ffffffffffffffffffffffffffffffffff19161717815582611027575b84610f0d575b5060405182848237808381015f81520390209b6040519b6001600160401b03168c5260208c015260408b015260608a0161010090526101008a0190610ea59261163c565b9088820360808a0152610eb79261163c565b9086820360a0880152610ec99261163c565b9084820360c0860152610edb9261163c565b9160e43560e0820152803393037f6a4a61743519c9d648a14e6493f47dbe3ff1aa29e7785c96c8326a205e58febc91a4005b6002016001600160401b03851161101357610f2881546114fe565b601f8111610fce575b50845f601f8211600114610f6a575f91610f5f575b508560011b905f198760031b1c19161790555b8c610e61565b90508601358e610f46565b5f8381526020812092508790601f198216905b818110610fb3575010610f9a575b5050600185811b019055610f59565b8701355f19600388901b60f8161c191690558d80610f8b565b8a84013585556001909401936020938401938a935001610f7d565b815f5260205f20601f870160051c81019160208810611009575b601f0160051c01905b818110610ffe5750610f31565b5f8155600101610ff1565b9091508190610fe8565b634e487b7160e01b5f52604160045260245ffd5b600181016001600160401b0384116110135761104381546114fe565b601f81116110e7575b50835f601f8211600114611083575f91611078575b508460011b905f198660031b1c1916179055610e5b565b90508501358f611061565b5f8381526020812092508690601f198216905b8181106110cc5750106110b3575b5050600184811b019055610e5b565b8601355f19600387901b60f8161c191690558e806110a4565b89840135855560019094019360209384019389935001611096565b815f5260205f20601f860160051c81019160208710611122575b601f0160051c01905b818110611117575061104c565b5f815560010161110a565b9091508190611101565b634e487b7160e01b5f52601160045260245ffd5b8b5f52600260205260405f209081549168010000000000000000831015611013578261117291600180950181556115f3565b81549060031b9033821b91858060a01b03901b19161790559050610da0565b8a631341f36760e31b5f526004523360245260445ffd5b905060208c60246040518094819363020604bf60e21b835260048301525afa908115611216575f916111e7575b506001600160a01b031633148e610d72565b611209915060203d60201161120f575b61120181836115d2565b810190611ad7565b8e6111d5565b503d6111f7565b6040513d5f823e3d90fd5b9091506040519063e985e9c560e01b82526004820152336024820152602081604481855afa908115611216575f9161125c575b50908f610d6a565b90506020813d60201161128f575b81611277602093836115d2565b810103126100b9575180151581036100b9578f611254565b3d915061126a565b6112b0915060203d60201161120f5761120181836115d2565b8f610d55565b8c631ccb078160e31b5f526004526f4b3b4ca85a86c47a098a22400000000060245260445ffd5b506f4b3b4ca85a86c47a098a223fffffffff198d12610cfb565b50630b3bef7560e11b5f52600452601260245260445ffd5b346100b95760603660031901126100b95761139f61133f61132e6113bd565b6113366113d3565b90600435611a46565b805460ff6113ad600261137760405195611367876113608160018501611536565b03886115d2565b6105136040518094819301611536565b60405195869585600f0b8752848660801c16602088015260a0604088015260a08701906113e9565b9085820360608701526113e9565b9160881c16151560808301520390f35b602435906001600160a01b03821682036100b957565b604435906001600160401b03821682036100b957565b805180835260209291819084018484015e5f828201840152601f01601f1916010190565b9181601f840112156100b9578235916001600160401b0383116100b957602083818601950101116100b957565b90602080835192838152019201905f5b8181106114575750505090565b82516001600160a01b031684526020938401939092019160010161144a565b9181601f840112156100b9578235916001600160401b0383116100b9576020808501948460051b0101116100b957565b9080602083519182815201916020808360051b8301019401925f915b8383106114d157505050505090565b90919293946020806114ef600193601f1986820301875289516113e9565b970193019301919392906114c2565b90600182811c9216801561152c575b602083101461151857565b634e487b7160e01b5f52602260045260245ffd5b91607f169161150d565b5f9291815491611545836114fe565b808352926001811690811561159a575060011461156157505050565b5f9081526020812093945091925b838310611580575060209250010190565b60018160209294939454838587010152019101919061156f565b915050602093945060ff929192191683830152151560051b010190565b608081019081106001600160401b0382111761101357604052565b90601f801991011681019081106001600160401b0382111761101357604052565b8054821015611608575f5260205f2001905f90565b634e487b7160e01b5f52603260045260245ffd5b906001600160401b03809116911601906001600160401b03821161112c57565b908060209392818452848401375f828201840152601f01601f1916010190565b91908110156116085760051b0190565b356001600160a01b03811681036100b95790565b6001600160401b03166001600160401b03811461112c5760010190565b60ff166012039060ff821161112c57565b604d811161112c57600a0a90565b9060138110156116085760051b0190565b81156116e757600160ff1b81145f1983141661112c570590565b634e487b7160e01b5f52601260045260245ffd5b93959692909194965f975f9787156119b55761171693611c7e565b90610260936040519461172981876115d2565b3686375f955f5b8181106118545750505050506001600160401b03851615611847575f905f5b60ff8116601281116117b5576001600160401b0361176d82876116bc565b51166001600160401b03851610611793575b5060ff1660ff811461112c5760010161174f565b6117aa9196506001600160401b03929350846116bc565b5116908460ff61177f565b5050939290506117d091506001600160401b038516906116cd565b6117ed6117e760ff6117e18561169d565b166116ae565b826116cd565b906f7fffffffffffffffffffffffffffffff8213801561182d575b6118135750600f0b91565b8260ff91633b4ed69960e21b5f526004521660245260445ffd5b506f7fffffffffffffffffffffffffffffff198212611808565b93505050505f905f905f90565b61186761186282848761165c565b61166c565b835f52600160205260405f2060018060a01b0382165f526020526001600160401b0360405f20541660019160018060a01b03165b816001600160401b03841611156118b757505050600101611730565b90919a999b855f525f60205260405f20825f5260205260405f206001600160401b038d165f5260205260405f208054908960ff8360881c169182156119a3575b5050611996576117e19b9c9d61191a60ff808460801c169e8f94600f0b9461169d565b82810292905f8212600160ff1b82141661112c57818405149015171561112c575f828201928312911290801582169115161761112c5761198f918b6001600160401b03611980611989949f61197a8361197383876116bc565b5116611680565b936116bc565b91169052611680565b9c611680565b919061189b565b509b999a61198f90611680565b6119ad9250611cec565b15895f6118f7565b63093905e560e41b5f5260045ffd5b6001600160401b0381116110135760051b60200190565b80518210156116085760209160051b010190565b5f19811461112c5760010190565b90611a07826119c4565b611a1460405191826115d2565b8281528092611a25601f19916119c4565b01905f5b828110611a3557505050565b806060602080938501015201611a29565b916001600160401b03169182158015611aa7575b611a87575f525f60205260405f209060018060a01b03165f5260205260405f20905f5260205260405f2090565b6341f3499560e11b5f5260045260018060a01b031660245260445260645ffd5b50805f52600160205260405f2060018060a01b0383165f526020526001600160401b0360405f2054168311611a5a565b908160209103126100b957516001600160a01b03811681036100b95790565b949391905f958315611b88575f94939452600360205260405f209060018060a01b03165f526020526001600160401b0360405f2091165f5260205260405f205f925b808410611b455750505050565b90919294611b7e600191611b5d61186289868961165c565b838060a01b03165f52846020526001600160401b0360405f2054169061161c565b9501929190611b38565b5f908152602081815260408083206001600160a01b0390941683529281528282206001600160401b0394851683529052205460901c1693505050565b9193925f94835f52600160205260405f2060018060a01b0384165f526020526001600160401b0360405f205416926001945b846001600160401b0387161115611c0f57505050505050565b909192939496611c29611c2f91610aa387878c8888611af6565b97611680565b9493929190611bf6565b9291926001600160401b0382116110135760405191611c62601f8201601f1916602001846115d2565b8294818452818301116100b9578281602093845f960137010152565b611cb1611cc191949392945f6060604051611c98816115b7565b8281528260208201528260408201520152853691611c39565b6020815191012091833691611c39565b602081519101209160405193611cd6856115b7565b1584521560208401526040830152606082015290565b81511591821592611d41575b82611d0257505090565b90915060208101511591821592611d1857505090565b6060919250611d336002916105136040518094819301611536565b602081519101209101511490565b9150604051611d57816105138160018601611536565b6020815191012060408301511491611cf856",
}

// ReputationRegistry is an auto generated Go binding around an Ethereum contract.
type ReputationRegistry struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *ReputationRegistry) GetABI() abi.ABI {
	return c.abi
}

// NewReputationRegistry creates a new instance of ReputationRegistry.
func NewReputationRegistry() *ReputationRegistry {
	parsed, err := ReputationRegistryMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &ReputationRegistry{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *ReputationRegistry) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address identityRegistry) returns()
func (reputationRegistry *ReputationRegistry) PackConstructor(identityRegistry common.Address) []byte {
	enc, err := reputationRegistry.abi.Pack("", identityRegistry)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackMAXABSVALUE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x499c9c6d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_ABS_VALUE() view returns(int128)
func (reputationRegistry *ReputationRegistry) PackMAXABSVALUE() []byte {
	enc, err := reputationRegistry.abi.Pack("MAX_ABS_VALUE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXABSVALUE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x499c9c6d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_ABS_VALUE() view returns(int128)
func (reputationRegistry *ReputationRegistry) TryPackMAXABSVALUE() ([]byte, error) {
	return reputationRegistry.abi.Pack("MAX_ABS_VALUE")
}

// UnpackMAXABSVALUE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x499c9c6d.
//
// Solidity: function MAX_ABS_VALUE() view returns(int128)
func (reputationRegistry *ReputationRegistry) UnpackMAXABSVALUE(data []byte) (*big.Int, error) {
	out, err := reputationRegistry.abi.Unpack("MAX_ABS_VALUE", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXVALUEDECIMALS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfffad6df.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_VALUE_DECIMALS() view returns(uint8)
func (reputationRegistry *ReputationRegistry) PackMAXVALUEDECIMALS() []byte {
	enc, err := reputationRegistry.abi.Pack("MAX_VALUE_DECIMALS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXVALUEDECIMALS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfffad6df.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_VALUE_DECIMALS() view returns(uint8)
func (reputationRegistry *ReputationRegistry) TryPackMAXVALUEDECIMALS() ([]byte, error) {
	return reputationRegistry.abi.Pack("MAX_VALUE_DECIMALS")
}

// UnpackMAXVALUEDECIMALS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfffad6df.
//
// Solidity: function MAX_VALUE_DECIMALS() view returns(uint8)
func (reputationRegistry *ReputationRegistry) UnpackMAXVALUEDECIMALS(data []byte) (uint8, error) {
	out, err := reputationRegistry.abi.Unpack("MAX_VALUE_DECIMALS", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackAppendResponse is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc2349ab2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function appendResponse(uint256 agentId, address clientAddress, uint64 feedbackIndex, string responseURI, bytes32 responseHash) returns()
func (reputationRegistry *ReputationRegistry) PackAppendResponse(agentId *big.Int, clientAddress common.Address, feedbackIndex uint64, responseURI string, responseHash [32]byte) []byte {
	enc, err := reputationRegistry.abi.Pack("appendResponse", agentId, clientAddress, feedbackIndex, responseURI, responseHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAppendResponse is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc2349ab2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function appendResponse(uint256 agentId, address clientAddress, uint64 feedbackIndex, string responseURI, bytes32 responseHash) returns()
func (reputationRegistry *ReputationRegistry) TryPackAppendResponse(agentId *big.Int, clientAddress common.Address, feedbackIndex uint64, responseURI string, responseHash [32]byte) ([]byte, error) {
	return reputationRegistry.abi.Pack("appendResponse", agentId, clientAddress, feedbackIndex, responseURI, responseHash)
}

// PackGetClients is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42dd519c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getClients(uint256 agentId) view returns(address[])
func (reputationRegistry *ReputationRegistry) PackGetClients(agentId *big.Int) []byte {
	enc, err := reputationRegistry.abi.Pack("getClients", agentId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetClients is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42dd519c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getClients(uint256 agentId) view returns(address[])
func (reputationRegistry *ReputationRegistry) TryPackGetClients(agentId *big.Int) ([]byte, error) {
	return reputationRegistry.abi.Pack("getClients", agentId)
}

// UnpackGetClients is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x42dd519c.
//
// Solidity: function getClients(uint256 agentId) view returns(address[])
func (reputationRegistry *ReputationRegistry) UnpackGetClients(data []byte) ([]common.Address, error) {
	out, err := reputationRegistry.abi.Unpack("getClients", data)
	if err != nil {
		return *new([]common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new([]common.Address)).(*[]common.Address)
	return out0, nil
}

// PackGetIdentityRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbc4d861b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getIdentityRegistry() view returns(address identityRegistry)
func (reputationRegistry *ReputationRegistry) PackGetIdentityRegistry() []byte {
	enc, err := reputationRegistry.abi.Pack("getIdentityRegistry")
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
func (reputationRegistry *ReputationRegistry) TryPackGetIdentityRegistry() ([]byte, error) {
	return reputationRegistry.abi.Pack("getIdentityRegistry")
}

// UnpackGetIdentityRegistry is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbc4d861b.
//
// Solidity: function getIdentityRegistry() view returns(address identityRegistry)
func (reputationRegistry *ReputationRegistry) UnpackGetIdentityRegistry(data []byte) (common.Address, error) {
	out, err := reputationRegistry.abi.Unpack("getIdentityRegistry", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackGetLastIndex is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2d81759.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getLastIndex(uint256 agentId, address clientAddress) view returns(uint64)
func (reputationRegistry *ReputationRegistry) PackGetLastIndex(agentId *big.Int, clientAddress common.Address) []byte {
	enc, err := reputationRegistry.abi.Pack("getLastIndex", agentId, clientAddress)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetLastIndex is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2d81759.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getLastIndex(uint256 agentId, address clientAddress) view returns(uint64)
func (reputationRegistry *ReputationRegistry) TryPackGetLastIndex(agentId *big.Int, clientAddress common.Address) ([]byte, error) {
	return reputationRegistry.abi.Pack("getLastIndex", agentId, clientAddress)
}

// UnpackGetLastIndex is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf2d81759.
//
// Solidity: function getLastIndex(uint256 agentId, address clientAddress) view returns(uint64)
func (reputationRegistry *ReputationRegistry) UnpackGetLastIndex(data []byte) (uint64, error) {
	out, err := reputationRegistry.abi.Unpack("getLastIndex", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackGetResponseCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6e04cacd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getResponseCount(uint256 agentId, address clientAddress, uint64 feedbackIndex, address[] responders) view returns(uint64 count)
func (reputationRegistry *ReputationRegistry) PackGetResponseCount(agentId *big.Int, clientAddress common.Address, feedbackIndex uint64, responders []common.Address) []byte {
	enc, err := reputationRegistry.abi.Pack("getResponseCount", agentId, clientAddress, feedbackIndex, responders)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetResponseCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6e04cacd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getResponseCount(uint256 agentId, address clientAddress, uint64 feedbackIndex, address[] responders) view returns(uint64 count)
func (reputationRegistry *ReputationRegistry) TryPackGetResponseCount(agentId *big.Int, clientAddress common.Address, feedbackIndex uint64, responders []common.Address) ([]byte, error) {
	return reputationRegistry.abi.Pack("getResponseCount", agentId, clientAddress, feedbackIndex, responders)
}

// UnpackGetResponseCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6e04cacd.
//
// Solidity: function getResponseCount(uint256 agentId, address clientAddress, uint64 feedbackIndex, address[] responders) view returns(uint64 count)
func (reputationRegistry *ReputationRegistry) UnpackGetResponseCount(data []byte) (uint64, error) {
	out, err := reputationRegistry.abi.Unpack("getResponseCount", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackGetSummary is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x81bbba58.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getSummary(uint256 agentId, address[] clientAddresses, string tag1, string tag2) view returns(uint64 count, int128 summaryValue, uint8 summaryValueDecimals)
func (reputationRegistry *ReputationRegistry) PackGetSummary(agentId *big.Int, clientAddresses []common.Address, tag1 string, tag2 string) []byte {
	enc, err := reputationRegistry.abi.Pack("getSummary", agentId, clientAddresses, tag1, tag2)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetSummary is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x81bbba58.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getSummary(uint256 agentId, address[] clientAddresses, string tag1, string tag2) view returns(uint64 count, int128 summaryValue, uint8 summaryValueDecimals)
func (reputationRegistry *ReputationRegistry) TryPackGetSummary(agentId *big.Int, clientAddresses []common.Address, tag1 string, tag2 string) ([]byte, error) {
	return reputationRegistry.abi.Pack("getSummary", agentId, clientAddresses, tag1, tag2)
}

// ReputationRegistryGetSummaryOutput serves as a container for the return parameters of contract
// method GetSummary.
type ReputationRegistryGetSummaryOutput struct {
	Count                uint64
	SummaryValue         *big.Int
	SummaryValueDecimals uint8
}

// UnpackGetSummary is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x81bbba58.
//
// Solidity: function getSummary(uint256 agentId, address[] clientAddresses, string tag1, string tag2) view returns(uint64 count, int128 summaryValue, uint8 summaryValueDecimals)
func (reputationRegistry *ReputationRegistry) UnpackGetSummary(data []byte) (ReputationRegistryGetSummaryOutput, error) {
	out, err := reputationRegistry.abi.Unpack("getSummary", data)
	outstruct := new(ReputationRegistryGetSummaryOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Count = *abi.ConvertType(out[0], new(uint64)).(*uint64)
	outstruct.SummaryValue = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.SummaryValueDecimals = *abi.ConvertType(out[2], new(uint8)).(*uint8)
	return *outstruct, nil
}

// PackGiveFeedback is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3c036a7e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function giveFeedback(uint256 agentId, int128 value, uint8 valueDecimals, string tag1, string tag2, string endpoint, string feedbackURI, bytes32 feedbackHash) returns()
func (reputationRegistry *ReputationRegistry) PackGiveFeedback(agentId *big.Int, value *big.Int, valueDecimals uint8, tag1 string, tag2 string, endpoint string, feedbackURI string, feedbackHash [32]byte) []byte {
	enc, err := reputationRegistry.abi.Pack("giveFeedback", agentId, value, valueDecimals, tag1, tag2, endpoint, feedbackURI, feedbackHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGiveFeedback is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3c036a7e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function giveFeedback(uint256 agentId, int128 value, uint8 valueDecimals, string tag1, string tag2, string endpoint, string feedbackURI, bytes32 feedbackHash) returns()
func (reputationRegistry *ReputationRegistry) TryPackGiveFeedback(agentId *big.Int, value *big.Int, valueDecimals uint8, tag1 string, tag2 string, endpoint string, feedbackURI string, feedbackHash [32]byte) ([]byte, error) {
	return reputationRegistry.abi.Pack("giveFeedback", agentId, value, valueDecimals, tag1, tag2, endpoint, feedbackURI, feedbackHash)
}

// PackReadAllFeedback is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd9d84224.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function readAllFeedback(uint256 agentId, address[] clientAddresses, string tag1, string tag2, bool includeRevoked) view returns(address[] clients, uint64[] feedbackIndexes, int128[] values, uint8[] valueDecimals, string[] tag1s, string[] tag2s, bool[] revokedStatuses)
func (reputationRegistry *ReputationRegistry) PackReadAllFeedback(agentId *big.Int, clientAddresses []common.Address, tag1 string, tag2 string, includeRevoked bool) []byte {
	enc, err := reputationRegistry.abi.Pack("readAllFeedback", agentId, clientAddresses, tag1, tag2, includeRevoked)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReadAllFeedback is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd9d84224.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function readAllFeedback(uint256 agentId, address[] clientAddresses, string tag1, string tag2, bool includeRevoked) view returns(address[] clients, uint64[] feedbackIndexes, int128[] values, uint8[] valueDecimals, string[] tag1s, string[] tag2s, bool[] revokedStatuses)
func (reputationRegistry *ReputationRegistry) TryPackReadAllFeedback(agentId *big.Int, clientAddresses []common.Address, tag1 string, tag2 string, includeRevoked bool) ([]byte, error) {
	return reputationRegistry.abi.Pack("readAllFeedback", agentId, clientAddresses, tag1, tag2, includeRevoked)
}

// ReputationRegistryReadAllFeedbackOutput serves as a container for the return parameters of contract
// method ReadAllFeedback.
type ReputationRegistryReadAllFeedbackOutput struct {
	Clients         []common.Address
	FeedbackIndexes []uint64
	Values          []*big.Int
	ValueDecimals   []uint8
	Tag1s           []string
	Tag2s           []string
	RevokedStatuses []bool
}

// UnpackReadAllFeedback is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd9d84224.
//
// Solidity: function readAllFeedback(uint256 agentId, address[] clientAddresses, string tag1, string tag2, bool includeRevoked) view returns(address[] clients, uint64[] feedbackIndexes, int128[] values, uint8[] valueDecimals, string[] tag1s, string[] tag2s, bool[] revokedStatuses)
func (reputationRegistry *ReputationRegistry) UnpackReadAllFeedback(data []byte) (ReputationRegistryReadAllFeedbackOutput, error) {
	out, err := reputationRegistry.abi.Unpack("readAllFeedback", data)
	outstruct := new(ReputationRegistryReadAllFeedbackOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Clients = *abi.ConvertType(out[0], new([]common.Address)).(*[]common.Address)
	outstruct.FeedbackIndexes = *abi.ConvertType(out[1], new([]uint64)).(*[]uint64)
	outstruct.Values = *abi.ConvertType(out[2], new([]*big.Int)).(*[]*big.Int)
	outstruct.ValueDecimals = *abi.ConvertType(out[3], new([]uint8)).(*[]uint8)
	outstruct.Tag1s = *abi.ConvertType(out[4], new([]string)).(*[]string)
	outstruct.Tag2s = *abi.ConvertType(out[5], new([]string)).(*[]string)
	outstruct.RevokedStatuses = *abi.ConvertType(out[6], new([]bool)).(*[]bool)
	return *outstruct, nil
}

// PackReadFeedback is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x232b0810.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function readFeedback(uint256 agentId, address clientAddress, uint64 feedbackIndex) view returns(int128 value, uint8 valueDecimals, string tag1, string tag2, bool isRevoked)
func (reputationRegistry *ReputationRegistry) PackReadFeedback(agentId *big.Int, clientAddress common.Address, feedbackIndex uint64) []byte {
	enc, err := reputationRegistry.abi.Pack("readFeedback", agentId, clientAddress, feedbackIndex)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReadFeedback is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x232b0810.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function readFeedback(uint256 agentId, address clientAddress, uint64 feedbackIndex) view returns(int128 value, uint8 valueDecimals, string tag1, string tag2, bool isRevoked)
func (reputationRegistry *ReputationRegistry) TryPackReadFeedback(agentId *big.Int, clientAddress common.Address, feedbackIndex uint64) ([]byte, error) {
	return reputationRegistry.abi.Pack("readFeedback", agentId, clientAddress, feedbackIndex)
}

// ReputationRegistryReadFeedbackOutput serves as a container for the return parameters of contract
// method ReadFeedback.
type ReputationRegistryReadFeedbackOutput struct {
	Value         *big.Int
	ValueDecimals uint8
	Tag1          string
	Tag2          string
	IsRevoked     bool
}

// UnpackReadFeedback is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x232b0810.
//
// Solidity: function readFeedback(uint256 agentId, address clientAddress, uint64 feedbackIndex) view returns(int128 value, uint8 valueDecimals, string tag1, string tag2, bool isRevoked)
func (reputationRegistry *ReputationRegistry) UnpackReadFeedback(data []byte) (ReputationRegistryReadFeedbackOutput, error) {
	out, err := reputationRegistry.abi.Unpack("readFeedback", data)
	outstruct := new(ReputationRegistryReadFeedbackOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Value = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.ValueDecimals = *abi.ConvertType(out[1], new(uint8)).(*uint8)
	outstruct.Tag1 = *abi.ConvertType(out[2], new(string)).(*string)
	outstruct.Tag2 = *abi.ConvertType(out[3], new(string)).(*string)
	outstruct.IsRevoked = *abi.ConvertType(out[4], new(bool)).(*bool)
	return *outstruct, nil
}

// PackRevokeFeedback is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4ab3ca99.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revokeFeedback(uint256 agentId, uint64 feedbackIndex) returns()
func (reputationRegistry *ReputationRegistry) PackRevokeFeedback(agentId *big.Int, feedbackIndex uint64) []byte {
	enc, err := reputationRegistry.abi.Pack("revokeFeedback", agentId, feedbackIndex)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevokeFeedback is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4ab3ca99.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revokeFeedback(uint256 agentId, uint64 feedbackIndex) returns()
func (reputationRegistry *ReputationRegistry) TryPackRevokeFeedback(agentId *big.Int, feedbackIndex uint64) ([]byte, error) {
	return reputationRegistry.abi.Pack("revokeFeedback", agentId, feedbackIndex)
}

// ReputationRegistryFeedbackRevoked represents a FeedbackRevoked event raised by the ReputationRegistry contract.
type ReputationRegistryFeedbackRevoked struct {
	AgentId       *big.Int
	ClientAddress common.Address
	FeedbackIndex uint64
	Raw           *types.Log // Blockchain specific contextual infos
}

const ReputationRegistryFeedbackRevokedEventName = "FeedbackRevoked"

// ContractEventName returns the user-defined event name.
func (ReputationRegistryFeedbackRevoked) ContractEventName() string {
	return ReputationRegistryFeedbackRevokedEventName
}

// UnpackFeedbackRevokedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event FeedbackRevoked(uint256 indexed agentId, address indexed clientAddress, uint64 indexed feedbackIndex)
func (reputationRegistry *ReputationRegistry) UnpackFeedbackRevokedEvent(log *types.Log) (*ReputationRegistryFeedbackRevoked, error) {
	event := "FeedbackRevoked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != reputationRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ReputationRegistryFeedbackRevoked)
	if len(log.Data) > 0 {
		if err := reputationRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range reputationRegistry.abi.Events[event].Inputs {
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

// ReputationRegistryNewFeedback represents a NewFeedback event raised by the ReputationRegistry contract.
type ReputationRegistryNewFeedback struct {
	AgentId       *big.Int
	ClientAddress common.Address
	FeedbackIndex uint64
	Value         *big.Int
	ValueDecimals uint8
	IndexedTag1   common.Hash
	Tag1          string
	Tag2          string
	Endpoint      string
	FeedbackURI   string
	FeedbackHash  [32]byte
	Raw           *types.Log // Blockchain specific contextual infos
}

const ReputationRegistryNewFeedbackEventName = "NewFeedback"

// ContractEventName returns the user-defined event name.
func (ReputationRegistryNewFeedback) ContractEventName() string {
	return ReputationRegistryNewFeedbackEventName
}

// UnpackNewFeedbackEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event NewFeedback(uint256 indexed agentId, address indexed clientAddress, uint64 feedbackIndex, int128 value, uint8 valueDecimals, string indexed indexedTag1, string tag1, string tag2, string endpoint, string feedbackURI, bytes32 feedbackHash)
func (reputationRegistry *ReputationRegistry) UnpackNewFeedbackEvent(log *types.Log) (*ReputationRegistryNewFeedback, error) {
	event := "NewFeedback"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != reputationRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ReputationRegistryNewFeedback)
	if len(log.Data) > 0 {
		if err := reputationRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range reputationRegistry.abi.Events[event].Inputs {
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

// ReputationRegistryResponseAppended represents a ResponseAppended event raised by the ReputationRegistry contract.
type ReputationRegistryResponseAppended struct {
	AgentId       *big.Int
	ClientAddress common.Address
	FeedbackIndex uint64
	Responder     common.Address
	ResponseURI   string
	ResponseHash  [32]byte
	Raw           *types.Log // Blockchain specific contextual infos
}

const ReputationRegistryResponseAppendedEventName = "ResponseAppended"

// ContractEventName returns the user-defined event name.
func (ReputationRegistryResponseAppended) ContractEventName() string {
	return ReputationRegistryResponseAppendedEventName
}

// UnpackResponseAppendedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ResponseAppended(uint256 indexed agentId, address indexed clientAddress, uint64 feedbackIndex, address indexed responder, string responseURI, bytes32 responseHash)
func (reputationRegistry *ReputationRegistry) UnpackResponseAppendedEvent(log *types.Log) (*ReputationRegistryResponseAppended, error) {
	event := "ResponseAppended"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != reputationRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ReputationRegistryResponseAppended)
	if len(log.Data) > 0 {
		if err := reputationRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range reputationRegistry.abi.Events[event].Inputs {
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
func (reputationRegistry *ReputationRegistry) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], reputationRegistry.abi.Errors["EmptyClientList"].ID.Bytes()[:4]) {
		return reputationRegistry.UnpackEmptyClientListError(raw[4:])
	}
	if bytes.Equal(raw[:4], reputationRegistry.abi.Errors["EmptyResponseURI"].ID.Bytes()[:4]) {
		return reputationRegistry.UnpackEmptyResponseURIError(raw[4:])
	}
	if bytes.Equal(raw[:4], reputationRegistry.abi.Errors["FeedbackAlreadyRevoked"].ID.Bytes()[:4]) {
		return reputationRegistry.UnpackFeedbackAlreadyRevokedError(raw[4:])
	}
	if bytes.Equal(raw[:4], reputationRegistry.abi.Errors["FeedbackNotFound"].ID.Bytes()[:4]) {
		return reputationRegistry.UnpackFeedbackNotFoundError(raw[4:])
	}
	if bytes.Equal(raw[:4], reputationRegistry.abi.Errors["SelfFeedback"].ID.Bytes()[:4]) {
		return reputationRegistry.UnpackSelfFeedbackError(raw[4:])
	}
	if bytes.Equal(raw[:4], reputationRegistry.abi.Errors["SummaryValueOverflow"].ID.Bytes()[:4]) {
		return reputationRegistry.UnpackSummaryValueOverflowError(raw[4:])
	}
	if bytes.Equal(raw[:4], reputationRegistry.abi.Errors["ValueDecimalsTooHigh"].ID.Bytes()[:4]) {
		return reputationRegistry.UnpackValueDecimalsTooHighError(raw[4:])
	}
	if bytes.Equal(raw[:4], reputationRegistry.abi.Errors["ValueOutOfRange"].ID.Bytes()[:4]) {
		return reputationRegistry.UnpackValueOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], reputationRegistry.abi.Errors["ZeroIdentityRegistry"].ID.Bytes()[:4]) {
		return reputationRegistry.UnpackZeroIdentityRegistryError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// ReputationRegistryEmptyClientList represents a EmptyClientList error raised by the ReputationRegistry contract.
type ReputationRegistryEmptyClientList struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EmptyClientList()
func ReputationRegistryEmptyClientListErrorID() common.Hash {
	return common.HexToHash("0x93905e505feaf858032c839f75fd689d02e19afc183dd116d07ee4a9faa1ae78")
}

// UnpackEmptyClientListError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EmptyClientList()
func (reputationRegistry *ReputationRegistry) UnpackEmptyClientListError(raw []byte) (*ReputationRegistryEmptyClientList, error) {
	out := new(ReputationRegistryEmptyClientList)
	if err := reputationRegistry.abi.UnpackIntoInterface(out, "EmptyClientList", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReputationRegistryEmptyResponseURI represents a EmptyResponseURI error raised by the ReputationRegistry contract.
type ReputationRegistryEmptyResponseURI struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EmptyResponseURI()
func ReputationRegistryEmptyResponseURIErrorID() common.Hash {
	return common.HexToHash("0xf9d7422c53fb5185472505470bb4ada755f19bab409bea652765af5358f71b6b")
}

// UnpackEmptyResponseURIError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EmptyResponseURI()
func (reputationRegistry *ReputationRegistry) UnpackEmptyResponseURIError(raw []byte) (*ReputationRegistryEmptyResponseURI, error) {
	out := new(ReputationRegistryEmptyResponseURI)
	if err := reputationRegistry.abi.UnpackIntoInterface(out, "EmptyResponseURI", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReputationRegistryFeedbackAlreadyRevoked represents a FeedbackAlreadyRevoked error raised by the ReputationRegistry contract.
type ReputationRegistryFeedbackAlreadyRevoked struct {
	AgentId       *big.Int
	ClientAddress common.Address
	FeedbackIndex uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error FeedbackAlreadyRevoked(uint256 agentId, address clientAddress, uint64 feedbackIndex)
func ReputationRegistryFeedbackAlreadyRevokedErrorID() common.Hash {
	return common.HexToHash("0xa83b38290f39d75e00cc844ec7fe51e4c5cca9c03afe46302804d04d481fe0b7")
}

// UnpackFeedbackAlreadyRevokedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error FeedbackAlreadyRevoked(uint256 agentId, address clientAddress, uint64 feedbackIndex)
func (reputationRegistry *ReputationRegistry) UnpackFeedbackAlreadyRevokedError(raw []byte) (*ReputationRegistryFeedbackAlreadyRevoked, error) {
	out := new(ReputationRegistryFeedbackAlreadyRevoked)
	if err := reputationRegistry.abi.UnpackIntoInterface(out, "FeedbackAlreadyRevoked", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReputationRegistryFeedbackNotFound represents a FeedbackNotFound error raised by the ReputationRegistry contract.
type ReputationRegistryFeedbackNotFound struct {
	AgentId       *big.Int
	ClientAddress common.Address
	FeedbackIndex uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error FeedbackNotFound(uint256 agentId, address clientAddress, uint64 feedbackIndex)
func ReputationRegistryFeedbackNotFoundErrorID() common.Hash {
	return common.HexToHash("0x83e6932afc615202b071df7ef0a220ae77b41e0a65d9942a884d60fc0bfa70f6")
}

// UnpackFeedbackNotFoundError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error FeedbackNotFound(uint256 agentId, address clientAddress, uint64 feedbackIndex)
func (reputationRegistry *ReputationRegistry) UnpackFeedbackNotFoundError(raw []byte) (*ReputationRegistryFeedbackNotFound, error) {
	out := new(ReputationRegistryFeedbackNotFound)
	if err := reputationRegistry.abi.UnpackIntoInterface(out, "FeedbackNotFound", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReputationRegistrySelfFeedback represents a SelfFeedback error raised by the ReputationRegistry contract.
type ReputationRegistrySelfFeedback struct {
	AgentId *big.Int
	Caller  common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SelfFeedback(uint256 agentId, address caller)
func ReputationRegistrySelfFeedbackErrorID() common.Hash {
	return common.HexToHash("0x9a0f9b3819feca7caa0bb78500ab6f49e71f1a33922908419e4a14ac542e9299")
}

// UnpackSelfFeedbackError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SelfFeedback(uint256 agentId, address caller)
func (reputationRegistry *ReputationRegistry) UnpackSelfFeedbackError(raw []byte) (*ReputationRegistrySelfFeedback, error) {
	out := new(ReputationRegistrySelfFeedback)
	if err := reputationRegistry.abi.UnpackIntoInterface(out, "SelfFeedback", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReputationRegistrySummaryValueOverflow represents a SummaryValueOverflow error raised by the ReputationRegistry contract.
type ReputationRegistrySummaryValueOverflow struct {
	AverageWad    *big.Int
	ValueDecimals uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SummaryValueOverflow(int256 averageWad, uint8 valueDecimals)
func ReputationRegistrySummaryValueOverflowErrorID() common.Hash {
	return common.HexToHash("0xed3b5a642289135752f634f4f387166476134b2acb8bfe68017f64c6e31fd194")
}

// UnpackSummaryValueOverflowError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SummaryValueOverflow(int256 averageWad, uint8 valueDecimals)
func (reputationRegistry *ReputationRegistry) UnpackSummaryValueOverflowError(raw []byte) (*ReputationRegistrySummaryValueOverflow, error) {
	out := new(ReputationRegistrySummaryValueOverflow)
	if err := reputationRegistry.abi.UnpackIntoInterface(out, "SummaryValueOverflow", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReputationRegistryValueDecimalsTooHigh represents a ValueDecimalsTooHigh error raised by the ReputationRegistry contract.
type ReputationRegistryValueDecimalsTooHigh struct {
	ValueDecimals uint8
	Max           uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ValueDecimalsTooHigh(uint8 valueDecimals, uint8 max)
func ReputationRegistryValueDecimalsTooHighErrorID() common.Hash {
	return common.HexToHash("0x1677deeab301133c4df0f50698da6aa66e24bed39af37557d182607c7c6877eb")
}

// UnpackValueDecimalsTooHighError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ValueDecimalsTooHigh(uint8 valueDecimals, uint8 max)
func (reputationRegistry *ReputationRegistry) UnpackValueDecimalsTooHighError(raw []byte) (*ReputationRegistryValueDecimalsTooHigh, error) {
	out := new(ReputationRegistryValueDecimalsTooHigh)
	if err := reputationRegistry.abi.UnpackIntoInterface(out, "ValueDecimalsTooHigh", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReputationRegistryValueOutOfRange represents a ValueOutOfRange error raised by the ReputationRegistry contract.
type ReputationRegistryValueOutOfRange struct {
	Value  *big.Int
	MaxAbs *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ValueOutOfRange(int128 value, int128 maxAbs)
func ReputationRegistryValueOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0xe6583c08682d248aec1ed8d357650aa1b42dc57e2b2eae99deff30eb66549c82")
}

// UnpackValueOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ValueOutOfRange(int128 value, int128 maxAbs)
func (reputationRegistry *ReputationRegistry) UnpackValueOutOfRangeError(raw []byte) (*ReputationRegistryValueOutOfRange, error) {
	out := new(ReputationRegistryValueOutOfRange)
	if err := reputationRegistry.abi.UnpackIntoInterface(out, "ValueOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReputationRegistryZeroIdentityRegistry represents a ZeroIdentityRegistry error raised by the ReputationRegistry contract.
type ReputationRegistryZeroIdentityRegistry struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroIdentityRegistry()
func ReputationRegistryZeroIdentityRegistryErrorID() common.Hash {
	return common.HexToHash("0x214af0b86062a7dbfc765aa44f6a9b3ff68c297090d618c44b8df52023e6e2b4")
}

// UnpackZeroIdentityRegistryError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroIdentityRegistry()
func (reputationRegistry *ReputationRegistry) UnpackZeroIdentityRegistryError(raw []byte) (*ReputationRegistryZeroIdentityRegistry, error) {
	out := new(ReputationRegistryZeroIdentityRegistry)
	if err := reputationRegistry.abi.UnpackIntoInterface(out, "ZeroIdentityRegistry", raw); err != nil {
		return nil, err
	}
	return out, nil
}
