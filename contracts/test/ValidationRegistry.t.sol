// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "./utils/Test.sol";
import {IdentityRegistry} from "../src/IdentityRegistry.sol";
import {ValidationRegistry} from "../src/ValidationRegistry.sol";
import {IValidationRegistry} from "../src/interfaces/IValidationRegistry.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

contract ValidationRegistryTest is Test {
    IdentityRegistry internal identity;
    ValidationRegistry internal validation;
    address internal owner;
    address internal operator;
    address internal validator;
    address internal validator2;
    address internal stranger;
    uint256 internal agentId;

    bytes32 internal constant HASH = keccak256("request-1");
    string internal constant REQUEST_URI =
        "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/request.json";

    function setUp() public {
        vm.warp(1_750_000_000);
        identity = new IdentityRegistry();
        validation = new ValidationRegistry(address(identity));
        owner = makeAddr("owner");
        operator = makeAddr("operator");
        validator = makeAddr("validator");
        validator2 = makeAddr("validator2");
        stranger = makeAddr("stranger");
        vm.prank(makeAddr("someone"));
        identity.register(); // agent 0 belongs to someone else
        vm.prank(owner);
        agentId = identity.register();
    }

    function _request(address v, uint256 id, bytes32 h) internal {
        vm.prank(identity.ownerOf(id));
        validation.validationRequest(v, id, REQUEST_URI, h);
    }

    function _respond(address v, bytes32 h, uint8 response, string memory tag) internal {
        vm.prank(v);
        validation.validationResponse(h, response, "ipfs://response", keccak256(abi.encode(h, response)), tag);
    }

    function _status(bytes32 h)
        internal
        view
        returns (address v, uint256 id, uint8 r, bytes32 rh, string memory tag, uint256 lastUpdate)
    {
        return validation.getValidationStatus(h);
    }

    // ------------------------------------------------------------------ wiring

    function test_GetIdentityRegistry() public view {
        assertEq(validation.getIdentityRegistry(), address(identity));
    }

    function test_RevertWhen_ConstructedWithZeroIdentity() public {
        vm.expectRevert(ValidationRegistry.ZeroIdentityRegistry.selector);
        new ValidationRegistry(address(0));
    }

    // ------------------------------------------------------------------ validationRequest

    function test_ValidationRequest_ByOwner() public {
        vm.expectEmit(address(validation));
        emit IValidationRegistry.ValidationRequest(validator, agentId, REQUEST_URI, HASH);
        _request(validator, agentId, HASH);

        (address v, uint256 id, uint8 r, bytes32 rh, string memory tag, uint256 lastUpdate) = _status(HASH);
        assertEq(v, validator);
        assertEq(id, agentId);
        assertEq(r, 0);
        assertEq(rh, bytes32(0));
        assertEq(tag, "");
        assertEq(lastUpdate, 0, "unanswered");

        bytes32[] memory expected = new bytes32[](1);
        expected[0] = HASH;
        assertEq(validation.getAgentValidations(agentId), expected);
        assertEq(validation.getValidatorRequests(validator), expected);
        assertEq(validation.getAgentValidations(0).length, 0);
    }

    function test_ValidationRequest_ByApprovedForAllOperator() public {
        vm.prank(owner);
        identity.setApprovalForAll(operator, true);
        vm.prank(operator);
        validation.validationRequest(validator, agentId, REQUEST_URI, HASH);
        (address v,,,,,) = _status(HASH);
        assertEq(v, validator);
    }

    function test_ValidationRequest_ByTokenApprovedAddress() public {
        vm.prank(owner);
        identity.approve(operator, agentId);
        vm.prank(operator);
        validation.validationRequest(validator, agentId, REQUEST_URI, HASH);
        (, uint256 id,,,,) = _status(HASH);
        assertEq(id, agentId);
    }

    function test_ValidationRequest_AgentZero() public {
        _request(validator, 0, HASH);
        (address v, uint256 id,,,,) = _status(HASH);
        assertEq(v, validator);
        assertEq(id, 0);
    }

    function test_ValidationRequest_ListsInOrder() public {
        bytes32 h2 = keccak256("request-2");
        bytes32 h3 = keccak256("request-3");
        _request(validator, agentId, HASH);
        _request(validator2, agentId, h2);
        _request(validator, 0, h3);

        bytes32[] memory agentList = new bytes32[](2);
        agentList[0] = HASH;
        agentList[1] = h2;
        assertEq(validation.getAgentValidations(agentId), agentList);

        bytes32[] memory validatorList = new bytes32[](2);
        validatorList[0] = HASH;
        validatorList[1] = h3;
        assertEq(validation.getValidatorRequests(validator), validatorList);
    }

    function test_RevertWhen_ValidationRequestByStranger() public {
        vm.expectRevert(abi.encodeWithSelector(ValidationRegistry.NotAgentOperator.selector, agentId, stranger));
        vm.prank(stranger);
        validation.validationRequest(validator, agentId, REQUEST_URI, HASH);
    }

    function test_RevertWhen_ValidationRequestZeroValidator() public {
        vm.expectRevert(abi.encodeWithSelector(ValidationRegistry.ZeroValidatorAddress.selector, HASH));
        vm.prank(owner);
        validation.validationRequest(address(0), agentId, REQUEST_URI, HASH);
    }

    function test_RevertWhen_ValidationRequestHashReused() public {
        _request(validator, agentId, HASH);
        vm.expectRevert(abi.encodeWithSelector(ValidationRegistry.RequestHashAlreadyUsed.selector, HASH));
        vm.prank(owner);
        validation.validationRequest(validator2, agentId, REQUEST_URI, HASH);
    }

    function test_RevertWhen_ValidationRequestHashReusedByOtherAgent() public {
        _request(validator, agentId, HASH);
        address otherOwner = identity.ownerOf(0);
        vm.expectRevert(abi.encodeWithSelector(ValidationRegistry.RequestHashAlreadyUsed.selector, HASH));
        vm.prank(otherOwner);
        validation.validationRequest(validator, 0, REQUEST_URI, HASH);
    }

    function test_RevertWhen_ValidationRequestUnknownAgent() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 99));
        vm.prank(owner);
        validation.validationRequest(validator, 99, REQUEST_URI, HASH);
    }

    // ------------------------------------------------------------------ validationResponse

    function test_ValidationResponse_RecordsAndEmits() public {
        _request(validator, agentId, HASH);
        vm.warp(block.timestamp + 10);
        vm.expectEmit(address(validation));
        emit IValidationRegistry.ValidationResponse(
            validator, agentId, HASH, 87, "ipfs://response", keccak256("r"), "soft-finality"
        );
        vm.prank(validator);
        validation.validationResponse(HASH, 87, "ipfs://response", keccak256("r"), "soft-finality");

        (address v, uint256 id, uint8 r, bytes32 rh, string memory tag, uint256 lastUpdate) = _status(HASH);
        assertEq(v, validator);
        assertEq(id, agentId);
        assertEq(r, 87);
        assertEq(rh, keccak256("r"));
        assertEq(tag, "soft-finality");
        assertEq(lastUpdate, block.timestamp);
    }

    function test_ValidationResponse_ZeroIsAnAnswer() public {
        _request(validator, agentId, HASH);
        _respond(validator, HASH, 0, "");
        (,, uint8 r,,, uint256 lastUpdate) = _status(HASH);
        assertEq(r, 0);
        assertEq(lastUpdate, block.timestamp);
        (uint64 count,) = validation.getSummary(agentId, new address[](0), "");
        assertEq(count, 1);
    }

    function test_ValidationResponse_UpdateOverwrites() public {
        _request(validator, agentId, HASH);
        _respond(validator, HASH, 40, "soft-finality");
        vm.warp(block.timestamp + 100);
        vm.prank(validator);
        validation.validationResponse(HASH, 100, "ipfs://final", keccak256("final"), "hard-finality");
        (,, uint8 r, bytes32 rh, string memory tag, uint256 lastUpdate) = _status(HASH);
        assertEq(r, 100);
        assertEq(rh, keccak256("final"));
        assertEq(tag, "hard-finality");
        assertEq(lastUpdate, block.timestamp);
    }

    function test_RevertWhen_ValidationResponseAboveHundred() public {
        _request(validator, agentId, HASH);
        vm.expectRevert(abi.encodeWithSelector(ValidationRegistry.ResponseOutOfRange.selector, 101, 100));
        vm.prank(validator);
        validation.validationResponse(HASH, 101, "", bytes32(0), "");
    }

    function test_RevertWhen_ValidationResponseUnknownRequest() public {
        vm.expectRevert(abi.encodeWithSelector(ValidationRegistry.UnknownRequest.selector, HASH));
        vm.prank(validator);
        validation.validationResponse(HASH, 1, "", bytes32(0), "");
    }

    function test_RevertWhen_ValidationResponseByOtherValidator() public {
        _request(validator, agentId, HASH);
        vm.expectRevert(
            abi.encodeWithSelector(ValidationRegistry.NotRequestValidator.selector, HASH, validator2, validator)
        );
        vm.prank(validator2);
        validation.validationResponse(HASH, 1, "", bytes32(0), "");
    }

    function test_RevertWhen_ValidationResponseByAgentOwner() public {
        _request(validator, agentId, HASH);
        vm.expectRevert(abi.encodeWithSelector(ValidationRegistry.NotRequestValidator.selector, HASH, owner, validator));
        vm.prank(owner);
        validation.validationResponse(HASH, 1, "", bytes32(0), "");
    }

    function testFuzz_ValidationResponse_Range(uint8 response) public {
        _request(validator, agentId, HASH);
        if (response > 100) {
            vm.expectRevert(abi.encodeWithSelector(ValidationRegistry.ResponseOutOfRange.selector, response, 100));
        }
        vm.prank(validator);
        validation.validationResponse(HASH, response, "", bytes32(0), "");
        if (response <= 100) {
            (,, uint8 r,,,) = _status(HASH);
            assertEq(r, response);
        }
    }

    function test_RevertWhen_GetValidationStatusUnknown() public {
        vm.expectRevert(abi.encodeWithSelector(ValidationRegistry.UnknownRequest.selector, HASH));
        validation.getValidationStatus(HASH);
    }

    // ------------------------------------------------------------------ getSummary

    function test_GetSummary_CountsOnlyAnswered() public {
        _request(validator, agentId, keccak256("a"));
        _request(validator, agentId, keccak256("b"));
        _request(validator2, agentId, keccak256("c"));
        _respond(validator, keccak256("a"), 90, "hard");
        _respond(validator2, keccak256("c"), 61, "soft");

        (uint64 count, uint8 avg) = validation.getSummary(agentId, new address[](0), "");
        assertEq(count, 2);
        assertEq(avg, 75, "(90 + 61) / 2 rounded down");
    }

    function test_GetSummary_FiltersValidatorsAndTag() public {
        _request(validator, agentId, keccak256("a"));
        _request(validator, agentId, keccak256("b"));
        _request(validator2, agentId, keccak256("c"));
        _respond(validator, keccak256("a"), 90, "hard");
        _respond(validator, keccak256("b"), 70, "soft");
        _respond(validator2, keccak256("c"), 10, "hard");

        address[] memory only1 = new address[](1);
        only1[0] = validator;
        (uint64 count, uint8 avg) = validation.getSummary(agentId, only1, "");
        assertEq(count, 2);
        assertEq(avg, 80);

        (count, avg) = validation.getSummary(agentId, only1, "hard");
        assertEq(count, 1);
        assertEq(avg, 90);

        (count, avg) = validation.getSummary(agentId, new address[](0), "hard");
        assertEq(count, 2);
        assertEq(avg, 50);

        address[] memory both = new address[](2);
        both[0] = validator2;
        both[1] = validator;
        (count, avg) = validation.getSummary(agentId, both, "");
        assertEq(count, 3);
        assertEq(avg, 56);

        address[] memory none = new address[](1);
        none[0] = stranger;
        (count, avg) = validation.getSummary(agentId, none, "");
        assertEq(count, 0);
        assertEq(avg, 0);
    }

    function test_GetSummary_EmptyWhenNothing() public view {
        (uint64 count, uint8 avg) = validation.getSummary(agentId, new address[](0), "");
        assertEq(count, 0);
        assertEq(avg, 0);
    }

    function testFuzz_GetSummary_Average(uint8[8] memory responses, uint8 answered) public {
        answered = uint8(bound(answered, 0, 8));
        uint256 total;
        for (uint256 i; i < 8; ++i) {
            bytes32 h = keccak256(abi.encode("fuzz", i));
            _request(i % 2 == 0 ? validator : validator2, agentId, h);
            if (i < answered) {
                uint8 r = uint8(bound(responses[i], 0, 100));
                _respond(i % 2 == 0 ? validator : validator2, h, r, "");
                total += r;
            }
        }
        (uint64 count, uint8 avg) = validation.getSummary(agentId, new address[](0), "");
        assertEq(count, answered);
        assertEq(avg, answered == 0 ? 0 : total / answered);
    }
}
