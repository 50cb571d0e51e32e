// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "../utils/Test.sol";
import {IdentityRegistry} from "../../src/IdentityRegistry.sol";
import {ReputationRegistry} from "../../src/ReputationRegistry.sol";
import {ValidationRegistry} from "../../src/ValidationRegistry.sol";
import {IIdentityRegistry} from "../../src/interfaces/IIdentityRegistry.sol";

/// @notice Gas sections (execution gas of the call, no intrinsic cost) for every ERC-8004 write, written by forge
/// to snapshots/RegistryGasTest.json. The scenario mirrors scripts/gas-registries.sh, which measures whole
/// transactions against the reference figures: the owner already owns agent 0, measured ids are > 0, and every
/// registry is cooled before a section so that each one is priced like a transaction of its own.
contract RegistryGasTest is Test {
    string internal constant URI =
        "https://agents.example.com/registrations/0x8004a169fb4a3325136eb29fa0ceb6d2e539a432/agent-1.json?v=1";
    string internal constant URI2 =
        "https://agents.example.com/registry/v2/84532/0x8004a169fb4a3325136eb29fa0ceb6d2e539a432/01/card.json";
    string internal constant ENDPOINT = "https://agent.example.com/mcp";
    string internal constant FEEDBACK_URI = "ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";
    string internal constant RESPONSE_URI = "ipfs://bafkreiem4twkqzsq2aj4shbycd4yvoj2cx72vezicletlhi7dijjciqpui";
    string internal constant REQUEST_URI =
        "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/validation-request.json";
    string internal constant VRESPONSE_URI =
        "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/validation-response.json";
    bytes32 internal constant REQUEST_HASH = keccak256("validation-request-1");

    IdentityRegistry internal identity;
    ReputationRegistry internal reputation;
    ValidationRegistry internal validation;
    address internal owner;
    address internal client;
    address internal validator;
    address internal responder;
    address internal wallet;
    uint256 internal walletKey;
    uint256 internal agentId;

    function setUp() public {
        vm.warp(1_750_000_000);
        identity = new IdentityRegistry();
        reputation = new ReputationRegistry(address(identity));
        validation = new ValidationRegistry(address(identity));
        owner = makeAddr("owner");
        client = makeAddr("client");
        validator = makeAddr("validator");
        responder = makeAddr("responder");
        (wallet, walletKey) = makeAddrAndKey("wallet");
        vm.startPrank(owner);
        identity.register(); // agent 0: warm counter, balance and wallet binding
        agentId = identity.register(URI); // agent 1, the subject of the update calls
        vm.stopPrank();
    }

    /// @dev Each section stands for its own transaction: nothing the test touched before may be warm.
    function _cold() internal {
        vm.cool(address(identity));
        vm.cool(address(reputation));
        vm.cool(address(validation));
    }

    function test_Gas_Register() public {
        vm.startPrank(owner);
        _cold();
        vm.startSnapshotGas("register(string)");
        identity.register(URI);
        vm.stopSnapshotGas();
        vm.stopPrank();
    }

    function test_Gas_RegisterWithMetadata() public {
        IIdentityRegistry.MetadataEntry[] memory m = new IIdentityRegistry.MetadataEntry[](2);
        m[0] = IIdentityRegistry.MetadataEntry("ens", bytes("agent-1.agora.eth"));
        m[1] = IIdentityRegistry.MetadataEntry("x402.payTo", abi.encodePacked(makeAddr("payTo")));
        vm.startPrank(owner);
        _cold();
        vm.startSnapshotGas("register(string,MetadataEntry[2])");
        identity.register(URI, m);
        vm.stopSnapshotGas();
        vm.stopPrank();
    }

    function test_Gas_SetMetadata() public {
        bytes memory value = bytes("https://agents.example.com/.well-known/agent-card.json");
        vm.startPrank(owner);
        _cold();
        vm.startSnapshotGas("setMetadata (new key)");
        identity.setMetadata(agentId, "homepage", value);
        vm.stopSnapshotGas();
        vm.stopPrank();
    }

    function test_Gas_SetAgentURI() public {
        vm.startPrank(owner);
        _cold();
        vm.startSnapshotGas("setAgentURI");
        identity.setAgentURI(agentId, URI2);
        vm.stopSnapshotGas();
        vm.stopPrank();
    }

    function test_Gas_SetAgentWallet() public {
        uint256 deadline = block.timestamp + 120;
        bytes memory sig = signDigest(walletKey, identity.agentWalletSetDigest(agentId, wallet, owner, deadline));
        vm.startPrank(owner);
        _cold();
        vm.startSnapshotGas("setAgentWallet (EOA)");
        identity.setAgentWallet(agentId, wallet, deadline, sig);
        vm.stopSnapshotGas();
        vm.stopPrank();
    }

    function _giveFeedback(int128 value, uint8 decimals, string memory hashSeed) internal {
        reputation.giveFeedback(
            agentId, value, decimals, "quality", "latency", ENDPOINT, FEEDBACK_URI, keccak256(bytes(hashSeed))
        );
    }

    function test_Gas_GiveFeedback() public {
        vm.startPrank(client);
        _cold();
        vm.startSnapshotGas("giveFeedback (client's first)");
        _giveFeedback(87, 0, "feedback-1");
        vm.stopSnapshotGas();
        _cold();
        vm.startSnapshotGas("giveFeedback (client's second)");
        _giveFeedback(9977, 2, "feedback-2");
        vm.stopSnapshotGas();
        vm.stopPrank();
    }

    function test_Gas_RevokeFeedbackAndAppendResponse() public {
        vm.startPrank(client);
        _giveFeedback(87, 0, "feedback-1");
        _giveFeedback(9977, 2, "feedback-2");
        _cold();
        vm.startSnapshotGas("revokeFeedback");
        reputation.revokeFeedback(agentId, 1);
        vm.stopSnapshotGas();
        vm.stopPrank();

        vm.startPrank(responder);
        _cold();
        vm.startSnapshotGas("appendResponse");
        reputation.appendResponse(agentId, client, 2, RESPONSE_URI, keccak256("response-1"));
        vm.stopSnapshotGas();
        vm.stopPrank();
    }

    function test_Gas_Validation() public {
        vm.startPrank(owner);
        _cold();
        vm.startSnapshotGas("validationRequest");
        validation.validationRequest(validator, agentId, REQUEST_URI, REQUEST_HASH);
        vm.stopSnapshotGas();
        vm.stopPrank();

        vm.startPrank(validator);
        _cold();
        vm.startSnapshotGas("validationResponse (first)");
        validation.validationResponse(REQUEST_HASH, 80, VRESPONSE_URI, keccak256("vresponse-1"), "soft-finality");
        vm.stopSnapshotGas();
        _cold();
        vm.startSnapshotGas("validationResponse (update)");
        validation.validationResponse(REQUEST_HASH, 95, VRESPONSE_URI, keccak256("vresponse-2"), "hard-finality");
        vm.stopSnapshotGas();
        vm.stopPrank();
    }
}
