// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "./utils/Test.sol";
import {IdentityRegistry} from "../src/IdentityRegistry.sol";
import {ReputationRegistry} from "../src/ReputationRegistry.sol";
import {IReputationRegistry} from "../src/interfaces/IReputationRegistry.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

contract ReputationRegistryTest is Test {
    IdentityRegistry internal identity;
    ReputationRegistry internal reputation;
    address internal owner;
    address internal operator;
    address internal alice;
    address internal bob;
    address internal carol;
    uint256 internal agentId;
    uint256 internal otherAgent;

    string internal constant ENDPOINT = "https://agent.example.com/mcp";
    string internal constant FEEDBACK_URI = "ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";

    function setUp() public {
        identity = new IdentityRegistry();
        reputation = new ReputationRegistry(address(identity));
        owner = makeAddr("owner");
        operator = makeAddr("operator");
        alice = makeAddr("alice");
        bob = makeAddr("bob");
        carol = makeAddr("carol");
        vm.prank(owner);
        otherAgent = identity.register(); // 0
        vm.prank(owner);
        agentId = identity.register(); // 1
    }

    // ------------------------------------------------------------------ helpers

    function _give(address client, int128 value, uint8 decimals, string memory tag1, string memory tag2) internal {
        vm.prank(client);
        reputation.giveFeedback(agentId, value, decimals, tag1, tag2, ENDPOINT, FEEDBACK_URI, keccak256("f"));
    }

    function _give(address client, int128 value, uint8 decimals) internal {
        _give(client, value, decimals, "quality", "latency");
    }

    function _revoke(address client, uint64 index) internal {
        vm.prank(client);
        reputation.revokeFeedback(agentId, index);
    }

    function _list(address a) internal pure returns (address[] memory l) {
        l = new address[](1);
        l[0] = a;
    }

    function _list(address a, address b) internal pure returns (address[] memory l) {
        l = new address[](2);
        l[0] = a;
        l[1] = b;
    }

    function _summary(address[] memory clients, string memory tag1, string memory tag2)
        internal
        view
        returns (uint64 count, int128 value, uint8 decimals)
    {
        return reputation.getSummary(agentId, clients, tag1, tag2);
    }

    // ------------------------------------------------------------------ wiring

    function test_GetIdentityRegistry() public view {
        assertEq(reputation.getIdentityRegistry(), address(identity));
    }

    function test_RevertWhen_ConstructedWithZeroIdentity() public {
        vm.expectRevert(ReputationRegistry.ZeroIdentityRegistry.selector);
        new ReputationRegistry(address(0));
    }

    // ------------------------------------------------------------------ giveFeedback

    function test_GiveFeedback_StoresAndEmits() public {
        vm.expectEmit(address(reputation));
        emit IReputationRegistry.NewFeedback(
            agentId, alice, 1, 9977, 2, "quality", "quality", "latency", ENDPOINT, FEEDBACK_URI, keccak256("h")
        );
        vm.prank(alice);
        reputation.giveFeedback(agentId, 9977, 2, "quality", "latency", ENDPOINT, FEEDBACK_URI, keccak256("h"));

        (int128 value, uint8 decimals, string memory tag1, string memory tag2, bool revoked) =
            reputation.readFeedback(agentId, alice, 1);
        assertEq(value, 9977);
        assertEq(decimals, 2);
        assertEq(tag1, "quality");
        assertEq(tag2, "latency");
        assertFalse(revoked);
        assertEq(reputation.getLastIndex(agentId, alice), 1);
        assertEq(reputation.getClients(agentId), _list(alice));
    }

    function test_GiveFeedback_IndexedTagTopicIsKeccak() public {
        vm.recordLogs();
        _give(alice, 1, 0, "quality", "");
        bytes32[] memory topics = vm.getRecordedLogs()[0].topics;
        assertEq(topics[0], IReputationRegistry.NewFeedback.selector);
        assertEq(topics[1], bytes32(agentId));
        assertEq(topics[2], bytes32(uint256(uint160(alice))));
        assertEq(topics[3], keccak256("quality"));
    }

    function test_GiveFeedback_DenseOneBasedIndexesPerClient() public {
        _give(alice, 1, 0);
        _give(bob, 2, 0);
        _give(alice, 3, 0);
        _give(alice, 4, 0);
        assertEq(reputation.getLastIndex(agentId, alice), 3);
        assertEq(reputation.getLastIndex(agentId, bob), 1);
        assertEq(reputation.getLastIndex(agentId, carol), 0);
        assertEq(reputation.getLastIndex(otherAgent, alice), 0);
        (int128 v,,,,) = reputation.readFeedback(agentId, alice, 2);
        assertEq(v, 3);
        (v,,,,) = reputation.readFeedback(agentId, bob, 1);
        assertEq(v, 2);
    }

    function test_GiveFeedback_EmptyTagsAndZeroValue() public {
        _give(alice, 0, 0, "", "");
        (int128 value, uint8 decimals, string memory tag1, string memory tag2, bool revoked) =
            reputation.readFeedback(agentId, alice, 1);
        assertEq(value, 0);
        assertEq(decimals, 0);
        assertEq(tag1, "");
        assertEq(tag2, "");
        assertFalse(revoked);
    }

    function test_GiveFeedback_LongTags() public {
        string memory long = "a-tag-that-is-longer-than-thirty-two-bytes-for-sure";
        _give(alice, 5, 0, long, long);
        (,, string memory tag1, string memory tag2,) = reputation.readFeedback(agentId, alice, 1);
        assertEq(tag1, long);
        assertEq(tag2, long);
    }

    function test_GiveFeedback_Bounds() public {
        _give(alice, 1e38, 18);
        _give(alice, -1e38, 0);
        (int128 v, uint8 d,,,) = reputation.readFeedback(agentId, alice, 1);
        assertEq(v, 1e38);
        assertEq(d, 18);
        (v,,,,) = reputation.readFeedback(agentId, alice, 2);
        assertEq(v, -1e38);
    }

    function test_RevertWhen_GiveFeedbackTooManyDecimals() public {
        vm.expectRevert(abi.encodeWithSelector(ReputationRegistry.ValueDecimalsTooHigh.selector, 19, 18));
        _give(alice, 1, 19);
    }

    function test_RevertWhen_GiveFeedbackValueTooLarge() public {
        vm.expectRevert(abi.encodeWithSelector(ReputationRegistry.ValueOutOfRange.selector, int128(1e38 + 1), 1e38));
        _give(alice, 1e38 + 1, 0);
    }

    function test_RevertWhen_GiveFeedbackValueTooNegative() public {
        vm.expectRevert(abi.encodeWithSelector(ReputationRegistry.ValueOutOfRange.selector, type(int128).min, 1e38));
        _give(alice, type(int128).min, 0);
    }

    function testFuzz_GiveFeedback_ValueAndDecimals(int128 value, uint8 decimals) public {
        bool ok = decimals <= 18 && value <= 1e38 && value >= -1e38;
        if (decimals > 18) {
            vm.expectRevert(abi.encodeWithSelector(ReputationRegistry.ValueDecimalsTooHigh.selector, decimals, 18));
        } else if (!ok) {
            vm.expectRevert(abi.encodeWithSelector(ReputationRegistry.ValueOutOfRange.selector, value, 1e38));
        }
        _give(alice, value, decimals);
        assertEq(reputation.getLastIndex(agentId, alice), ok ? 1 : 0);
        if (ok) {
            (int128 v, uint8 d,,,) = reputation.readFeedback(agentId, alice, 1);
            assertEq(v, value);
            assertEq(d, decimals);
        }
    }

    function test_RevertWhen_GiveFeedbackByOwner() public {
        vm.expectRevert(abi.encodeWithSelector(ReputationRegistry.SelfFeedback.selector, agentId, owner));
        _give(owner, 1, 0);
    }

    function test_RevertWhen_GiveFeedbackByApprovedForAllOperator() public {
        vm.prank(owner);
        identity.setApprovalForAll(operator, true);
        vm.expectRevert(abi.encodeWithSelector(ReputationRegistry.SelfFeedback.selector, agentId, operator));
        _give(operator, 1, 0);
    }

    function test_RevertWhen_GiveFeedbackByTokenApprovedAddress() public {
        vm.prank(owner);
        identity.approve(operator, agentId);
        vm.expectRevert(abi.encodeWithSelector(ReputationRegistry.SelfFeedback.selector, agentId, operator));
        _give(operator, 1, 0);
    }

    function test_GiveFeedback_ByPreviousOwnerAfterTransfer() public {
        vm.prank(owner);
        identity.transferFrom(owner, carol, agentId);
        _give(owner, 1, 0);
        assertEq(reputation.getLastIndex(agentId, owner), 1);
        vm.expectRevert(abi.encodeWithSelector(ReputationRegistry.SelfFeedback.selector, agentId, carol));
        _give(carol, 1, 0);
    }

    function test_RevertWhen_GiveFeedbackToUnknownAgent() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 42));
        vm.prank(alice);
        reputation.giveFeedback(42, 1, 0, "", "", "", "", bytes32(0));
    }

    // ------------------------------------------------------------------ revokeFeedback

    function test_RevokeFeedback() public {
        _give(alice, 1, 0);
        _give(alice, 2, 0);
        vm.expectEmit(address(reputation));
        emit IReputationRegistry.FeedbackRevoked(agentId, alice, 2);
        _revoke(alice, 2);
        (int128 v,,,, bool revoked) = reputation.readFeedback(agentId, alice, 2);
        assertTrue(revoked);
        assertEq(v, 2, "value kept");
        (,,,, revoked) = reputation.readFeedback(agentId, alice, 1);
        assertFalse(revoked);
        assertEq(reputation.getLastIndex(agentId, alice), 2, "revoking keeps the index");
    }

    function test_RevertWhen_RevokeFeedbackTwice() public {
        _give(alice, 1, 0);
        _revoke(alice, 1);
        vm.expectRevert(abi.encodeWithSelector(ReputationRegistry.FeedbackAlreadyRevoked.selector, agentId, alice, 1));
        _revoke(alice, 1);
    }

    function test_RevertWhen_RevokeFeedbackIndexZero() public {
        _give(alice, 1, 0);
        vm.expectRevert(abi.encodeWithSelector(ReputationRegistry.FeedbackNotFound.selector, agentId, alice, 0));
        _revoke(alice, 0);
    }

    function test_RevertWhen_RevokeFeedbackBeyondLast() public {
        _give(alice, 1, 0);
        vm.expectRevert(abi.encodeWithSelector(ReputationRegistry.FeedbackNotFound.selector, agentId, alice, 2));
        _revoke(alice, 2);
    }

    function test_RevertWhen_RevokeSomeoneElsesFeedback() public {
        _give(alice, 1, 0);
        vm.expectRevert(abi.encodeWithSelector(ReputationRegistry.FeedbackNotFound.selector, agentId, bob, 1));
        _revoke(bob, 1);
    }

    // ------------------------------------------------------------------ appendResponse

    function test_AppendResponse_AnyoneAnyNumberOfTimes() public {
        _give(alice, 1, 0);
        vm.expectEmit(address(reputation));
        emit IReputationRegistry.ResponseAppended(agentId, alice, 1, owner, "ipfs://r1", keccak256("r1"));
        vm.prank(owner);
        reputation.appendResponse(agentId, alice, 1, "ipfs://r1", keccak256("r1"));
        vm.prank(owner);
        reputation.appendResponse(agentId, alice, 1, "ipfs://r2", bytes32(0));
        vm.prank(bob);
        reputation.appendResponse(agentId, alice, 1, "ipfs://r3", bytes32(0));
        vm.prank(alice);
        reputation.appendResponse(agentId, alice, 1, "ipfs://r4", bytes32(0));

        assertEq(reputation.getResponseCount(agentId, alice, 1, new address[](0)), 4);
        assertEq(reputation.getResponseCount(agentId, alice, 1, _list(owner)), 2);
        assertEq(reputation.getResponseCount(agentId, alice, 1, _list(bob)), 1);
        assertEq(reputation.getResponseCount(agentId, alice, 1, _list(owner, bob)), 3);
        assertEq(reputation.getResponseCount(agentId, alice, 1, _list(carol)), 0);
    }

    function test_AppendResponse_ToRevokedFeedback() public {
        _give(alice, 1, 0);
        _revoke(alice, 1);
        vm.prank(owner);
        reputation.appendResponse(agentId, alice, 1, "ipfs://r", bytes32(0));
        assertEq(reputation.getResponseCount(agentId, alice, 1, new address[](0)), 1);
    }

    function test_AppendResponse_ResponseCountIsSeparateFromFeedbackData() public {
        _give(alice, -5, 1, "quality", "latency");
        vm.prank(owner);
        reputation.appendResponse(agentId, alice, 1, "ipfs://r", bytes32(0));
        (int128 v, uint8 d, string memory t1, string memory t2, bool revoked) =
            reputation.readFeedback(agentId, alice, 1);
        assertEq(v, -5);
        assertEq(d, 1);
        assertEq(t1, "quality");
        assertEq(t2, "latency");
        assertFalse(revoked);
        _revoke(alice, 1);
        assertEq(reputation.getResponseCount(agentId, alice, 1, new address[](0)), 1);
    }

    function test_RevertWhen_AppendResponseToMissingFeedback() public {
        _give(alice, 1, 0);
        vm.expectRevert(abi.encodeWithSelector(ReputationRegistry.FeedbackNotFound.selector, agentId, alice, 2));
        vm.prank(owner);
        reputation.appendResponse(agentId, alice, 2, "ipfs://r", bytes32(0));
        vm.expectRevert(abi.encodeWithSelector(ReputationRegistry.FeedbackNotFound.selector, agentId, bob, 1));
        vm.prank(owner);
        reputation.appendResponse(agentId, bob, 1, "ipfs://r", bytes32(0));
    }

    function test_RevertWhen_AppendResponseIndexZero() public {
        _give(alice, 1, 0);
        vm.expectRevert(abi.encodeWithSelector(ReputationRegistry.FeedbackNotFound.selector, agentId, alice, 0));
        vm.prank(owner);
        reputation.appendResponse(agentId, alice, 0, "ipfs://r", bytes32(0));
    }

    function test_RevertWhen_AppendResponseEmptyURI() public {
        _give(alice, 1, 0);
        vm.expectRevert(ReputationRegistry.EmptyResponseURI.selector);
        vm.prank(owner);
        reputation.appendResponse(agentId, alice, 1, "", keccak256("r"));
    }

    function test_GetResponseCount_Wildcards() public {
        _give(alice, 1, 0);
        _give(alice, 2, 0);
        _give(bob, 3, 0);
        vm.startPrank(owner);
        reputation.appendResponse(agentId, alice, 1, "ipfs://r", bytes32(0));
        reputation.appendResponse(agentId, alice, 2, "ipfs://r", bytes32(0));
        reputation.appendResponse(agentId, bob, 1, "ipfs://r", bytes32(0));
        vm.stopPrank();
        vm.prank(carol);
        reputation.appendResponse(agentId, alice, 2, "ipfs://r", bytes32(0));

        assertEq(reputation.getResponseCount(agentId, alice, 0, new address[](0)), 3, "all of alice's");
        assertEq(reputation.getResponseCount(agentId, address(0), 0, new address[](0)), 4, "all clients");
        assertEq(reputation.getResponseCount(agentId, address(0), 0, _list(owner)), 3, "owner, all clients");
        assertEq(reputation.getResponseCount(agentId, alice, 0, _list(carol)), 1);
        assertEq(reputation.getResponseCount(agentId, alice, 9, new address[](0)), 0, "missing feedback");
        assertEq(reputation.getResponseCount(otherAgent, address(0), 0, new address[](0)), 0);
    }

    // ------------------------------------------------------------------ reads

    function test_RevertWhen_ReadFeedbackIndexZero() public {
        _give(alice, 1, 0);
        vm.expectRevert(abi.encodeWithSelector(ReputationRegistry.FeedbackNotFound.selector, agentId, alice, 0));
        reputation.readFeedback(agentId, alice, 0);
    }

    function test_RevertWhen_ReadFeedbackBeyondLast() public {
        _give(alice, 1, 0);
        vm.expectRevert(abi.encodeWithSelector(ReputationRegistry.FeedbackNotFound.selector, agentId, alice, 2));
        reputation.readFeedback(agentId, alice, 2);
    }

    function test_GetClients_InOrderOfFirstFeedback() public {
        _give(bob, 1, 0);
        _give(alice, 1, 0);
        _give(bob, 1, 0);
        _give(carol, 1, 0);
        address[] memory expected = new address[](3);
        expected[0] = bob;
        expected[1] = alice;
        expected[2] = carol;
        assertEq(reputation.getClients(agentId), expected);
        assertEq(reputation.getClients(otherAgent).length, 0);
    }

    function test_ReadAllFeedback_AllClientsWhenListEmpty() public {
        _give(bob, 10, 0, "quality", "latency");
        _give(alice, 20, 1, "speed", "");
        _give(bob, 30, 2, "quality", "uptime");
        _revoke(bob, 1);

        (
            address[] memory clients,
            uint64[] memory indexes,
            int128[] memory values,
            uint8[] memory decimals,
            string[] memory tag1s,
            string[] memory tag2s,
            bool[] memory revoked
        ) = reputation.readAllFeedback(agentId, new address[](0), "", "", true);
        assertEq(clients.length, 3);
        assertEq(clients[0], bob);
        assertEq(indexes[0], 1);
        assertEq(values[0], 10);
        assertTrue(revoked[0]);
        assertEq(clients[1], bob);
        assertEq(indexes[1], 2);
        assertEq(values[1], 30);
        assertEq(decimals[1], 2);
        assertEq(tag2s[1], "uptime");
        assertFalse(revoked[1]);
        assertEq(clients[2], alice);
        assertEq(tag1s[2], "speed");
        assertEq(tag2s[2], "");

        (clients, indexes,,,,,) = reputation.readAllFeedback(agentId, new address[](0), "", "", false);
        assertEq(clients.length, 2);
        assertEq(indexes[0], 2);
    }

    function test_ReadAllFeedback_FiltersClientsAndTags() public {
        _give(bob, 10, 0, "quality", "latency");
        _give(alice, 20, 0, "quality", "uptime");
        _give(alice, 30, 0, "speed", "latency");

        (address[] memory clients,, int128[] memory values,,,,) =
            reputation.readAllFeedback(agentId, _list(alice), "", "", false);
        assertEq(clients.length, 2);
        assertEq(values[1], 30);

        (clients,, values,,,,) = reputation.readAllFeedback(agentId, new address[](0), "quality", "", false);
        assertEq(clients.length, 2);
        assertEq(values[0], 10);
        assertEq(values[1], 20);

        (clients,, values,,,,) = reputation.readAllFeedback(agentId, new address[](0), "", "latency", false);
        assertEq(clients.length, 2);
        assertEq(values[1], 30);

        (clients,, values,,,,) = reputation.readAllFeedback(agentId, _list(alice), "quality", "uptime", false);
        assertEq(clients.length, 1);
        assertEq(values[0], 20);

        (clients,,,,,,) = reputation.readAllFeedback(agentId, _list(carol), "", "", true);
        assertEq(clients.length, 0);
    }

    // ------------------------------------------------------------------ getSummary

    function test_RevertWhen_GetSummaryWithoutClients() public {
        vm.expectRevert(ReputationRegistry.EmptyClientList.selector);
        reputation.getSummary(agentId, new address[](0), "", "");
    }

    function test_GetSummary_SpecExamples() public {
        _give(alice, 87, 0); // 87
        _give(bob, 9977, 2); // 99.77
        _give(carol, -32, 1); // -3.2
        // (87 + 99.77 - 3.2) / 3 = 61.19; decimals 0, 2, 1 each once: the tie goes to 0 decimals
        (uint64 count, int128 value, uint8 decimals) = _summary(_list(alice, bob), "", "");
        assertEq(count, 2);
        assertEq(decimals, 0, "tie between 0 and 2 decimals");
        assertEq(value, 93, "(87 + 99.77) / 2 = 93.385 -> 93");

        address[] memory all = new address[](3);
        all[0] = alice;
        all[1] = bob;
        all[2] = carol;
        (count, value, decimals) = _summary(all, "", "");
        assertEq(count, 3);
        assertEq(decimals, 0);
        assertEq(value, 61);
    }

    function test_GetSummary_ReportsInMostCommonDecimals() public {
        _give(alice, 9977, 2);
        _give(alice, 9000, 2);
        _give(bob, 80, 0);
        // (99.77 + 90.00 + 80) / 3 = 89.923333.. -> 2 decimals: 8992
        (uint64 count, int128 value, uint8 decimals) = _summary(_list(alice, bob), "", "");
        assertEq(count, 3);
        assertEq(decimals, 2);
        assertEq(value, 8992);
    }

    function test_GetSummary_SkipsRevokedAndFiltersTags() public {
        _give(alice, 100, 0, "quality", "latency");
        _give(alice, 50, 0, "quality", "uptime");
        _give(alice, 10, 0, "speed", "latency");
        _give(bob, 0, 0, "quality", "latency");
        _revoke(bob, 1);

        (uint64 count, int128 value,) = _summary(_list(alice, bob), "", "");
        assertEq(count, 3);
        assertEq(value, 53);

        (count, value,) = _summary(_list(alice, bob), "quality", "");
        assertEq(count, 2);
        assertEq(value, 75);

        (count, value,) = _summary(_list(alice, bob), "", "latency");
        assertEq(count, 2);
        assertEq(value, 55);

        (count, value,) = _summary(_list(alice, bob), "quality", "latency");
        assertEq(count, 1);
        assertEq(value, 100);

        (count, value,) = _summary(_list(bob), "", "");
        assertEq(count, 0);
        assertEq(value, 0);
    }

    function test_GetSummary_NegativeAverageRoundsTowardZero() public {
        _give(alice, -10, 0);
        _give(bob, -5, 0);
        (uint64 count, int128 value, uint8 decimals) = _summary(_list(alice, bob), "", "");
        assertEq(count, 2);
        assertEq(decimals, 0);
        assertEq(value, -7, "-7.5 -> -7");
    }

    function test_GetSummary_Extremes() public {
        _give(alice, 1e38, 0);
        _give(bob, 1e38, 0);
        (, int128 value, uint8 decimals) = _summary(_list(alice, bob), "", "");
        assertEq(value, 1e38);
        assertEq(decimals, 0);
    }

    function test_RevertWhen_GetSummaryAverageOverflowsReportedDecimals() public {
        _give(alice, 1e38, 0);
        _give(bob, 1, 18);
        _give(carol, 1, 18);
        int256 averageWad = (int256(1e38) * 1e18 + 2) / 3;
        vm.expectRevert(abi.encodeWithSelector(ReputationRegistry.SummaryValueOverflow.selector, averageWad, 18));
        address[] memory all = new address[](3);
        all[0] = alice;
        all[1] = bob;
        all[2] = carol;
        reputation.getSummary(agentId, all, "", "");
    }

    /// @dev The summary equals an independent computation of the spec's rule over random feedback.
    function testFuzz_GetSummary_Math(int128[6] memory values, uint8[6] memory decimals, uint8 revokeMask) public {
        int256 sumWad;
        uint256[19] memory counts;
        uint64 live;
        for (uint256 i; i < 6; ++i) {
            int128 v = int128(bound(int256(values[i]), -1e38, 1e38));
            uint8 d = uint8(bound(decimals[i], 0, 18));
            address client = i % 2 == 0 ? alice : bob;
            _give(client, v, d);
            if ((revokeMask >> i) & 1 == 1) {
                _revoke(client, reputation.getLastIndex(agentId, client));
            } else {
                sumWad += int256(v) * int256(10 ** (18 - uint256(d)));
                ++counts[d];
                ++live;
            }
        }
        uint8 mode;
        for (uint8 d; d <= 18; ++d) {
            if (counts[d] > counts[mode]) mode = d;
        }
        int256 expected = live == 0 ? int256(0) : sumWad / int256(uint256(live)) / int256(10 ** (18 - uint256(mode)));
        if (expected > type(int128).max || expected < type(int128).min) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    ReputationRegistry.SummaryValueOverflow.selector, sumWad / int256(uint256(live)), mode
                )
            );
        }
        (uint64 count, int128 value, uint8 summaryDecimals) = reputation.getSummary(agentId, _list(alice, bob), "", "");
        if (expected <= type(int128).max && expected >= type(int128).min) {
            assertEq(count, live);
            assertEq(value, expected);
            assertEq(summaryDecimals, live == 0 ? 0 : mode);
        }
    }

    /// @dev With every value in the same decimals, the summary is the truncated mean in those decimals.
    function testFuzz_GetSummary_SameDecimalsIsMean(int64 a, int64 b, int64 c, uint8 decimals) public {
        decimals = uint8(bound(decimals, 0, 18));
        _give(alice, a, decimals);
        _give(bob, b, decimals);
        _give(carol, c, decimals);
        address[] memory all = new address[](3);
        all[0] = alice;
        all[1] = bob;
        all[2] = carol;
        (uint64 count, int128 value, uint8 d) = reputation.getSummary(agentId, all, "", "");
        assertEq(count, 3);
        assertEq(d, decimals);
        assertEq(value, (int256(a) + b + c) / 3);
    }
}
