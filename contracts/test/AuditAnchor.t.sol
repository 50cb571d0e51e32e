// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test, Vm} from "./utils/Test.sol";
import {AuditAnchor} from "../src/AuditAnchor.sol";

/// @notice AuditAnchor: what an anchor stores and emits, that sizes only increase, each revert with its error, and
/// that operators and logs are kept apart. Gas: gas/AuditAnchorGas.t.sol.
contract AuditAnchorTest is Test {
    bytes32 internal constant LOG = keccak256("agora.example/audit");
    bytes32 internal constant OTHER_LOG = keccak256("agora.example/audit-2");
    bytes32 internal constant ROOT1 = keccak256("root 1");
    bytes32 internal constant ROOT2 = keccak256("root 2");

    AuditAnchor internal anchors;
    address internal operator;
    address internal stranger;

    function setUp() public {
        anchors = new AuditAnchor();
        operator = makeAddr("operator");
        stranger = makeAddr("stranger");
        vm.roll(100);
    }

    function _latest(address who, bytes32 logId) internal view returns (uint256 size, bytes32 root, uint256 blk) {
        (uint64 s, bytes32 r, uint64 b) = anchors.latest(who, logId);
        return (s, r, b);
    }

    // ------------------------------------------------------------------ anchor

    function test_Latest_ZeroBeforeAnyAnchor() public view {
        (uint256 size, bytes32 root, uint256 blk) = _latest(operator, LOG);
        assertEq(size, 0);
        assertEq(root, bytes32(0));
        assertEq(blk, 0);
    }

    function test_Anchor_First_StoresAndEmits() public {
        vm.expectEmit(address(anchors));
        emit AuditAnchor.Anchored(operator, LOG, 1, ROOT1);
        vm.prank(operator);
        anchors.anchor(LOG, 1, ROOT1);

        (uint256 size, bytes32 root, uint256 blk) = _latest(operator, LOG);
        assertEq(size, 1);
        assertEq(root, ROOT1);
        assertEq(blk, 100);
    }

    function test_Anchor_IncreasingSizes_KeepsTheNewest() public {
        vm.prank(operator);
        anchors.anchor(LOG, 10, ROOT1);
        vm.roll(105);
        vm.prank(operator);
        anchors.anchor(LOG, 11, ROOT2);
        (uint256 size, bytes32 root, uint256 blk) = _latest(operator, LOG);
        assertEq(size, 11);
        assertEq(root, ROOT2);
        assertEq(blk, 105);

        vm.roll(200);
        vm.prank(operator);
        anchors.anchor(LOG, type(uint64).max, ROOT1);
        (size, root, blk) = _latest(operator, LOG);
        assertEq(size, type(uint64).max);
        assertEq(root, ROOT1);
        assertEq(blk, 200);
    }

    /// @notice The event's topics: the signature, the operator and the log; size and root in the data.
    function test_Anchor_EventTopics() public {
        vm.recordLogs();
        vm.prank(operator);
        anchors.anchor(LOG, 7, ROOT2);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(logs.length, 1);
        assertEq(logs[0].emitter, address(anchors));
        assertEq(logs[0].topics.length, 3);
        assertEq(logs[0].topics[0], keccak256("Anchored(address,bytes32,uint64,bytes32)"));
        assertEq(logs[0].topics[0], AuditAnchor.Anchored.selector);
        assertEq(logs[0].topics[1], bytes32(uint256(uint160(operator))));
        assertEq(logs[0].topics[2], LOG);
        assertEq(logs[0].data, abi.encode(uint64(7), ROOT2));
    }

    // ------------------------------------------------------------------ reverts

    function test_RevertWhen_RootIsZero() public {
        vm.expectRevert(abi.encodeWithSelector(AuditAnchor.ZeroRoot.selector));
        vm.prank(operator);
        anchors.anchor(LOG, 1, bytes32(0));
    }

    function test_RevertWhen_SizeIsZero() public {
        vm.expectRevert(abi.encodeWithSelector(AuditAnchor.SizeNotIncreasing.selector, uint64(0), uint64(0)));
        vm.prank(operator);
        anchors.anchor(LOG, 0, ROOT1);
    }

    function test_RevertWhen_SizeIsRepeated() public {
        vm.prank(operator);
        anchors.anchor(LOG, 5, ROOT1);
        // the same head again, or another root at the same size: both refused
        vm.expectRevert(abi.encodeWithSelector(AuditAnchor.SizeNotIncreasing.selector, uint64(5), uint64(5)));
        vm.prank(operator);
        anchors.anchor(LOG, 5, ROOT1);
        vm.expectRevert(abi.encodeWithSelector(AuditAnchor.SizeNotIncreasing.selector, uint64(5), uint64(5)));
        vm.prank(operator);
        anchors.anchor(LOG, 5, ROOT2);
    }

    function test_RevertWhen_SizeDecreases() public {
        vm.prank(operator);
        anchors.anchor(LOG, 5, ROOT1);
        vm.expectRevert(abi.encodeWithSelector(AuditAnchor.SizeNotIncreasing.selector, uint64(5), uint64(4)));
        vm.prank(operator);
        anchors.anchor(LOG, 4, ROOT2);
        (uint256 size, bytes32 root,) = _latest(operator, LOG);
        assertEq(size, 5);
        assertEq(root, ROOT1);
    }

    /// @notice The root check comes first: a zero root is refused even at a size that is not increasing.
    function test_RevertWhen_ZeroRootAndSizeNotIncreasing() public {
        vm.expectRevert(abi.encodeWithSelector(AuditAnchor.ZeroRoot.selector));
        vm.prank(operator);
        anchors.anchor(LOG, 0, bytes32(0));
    }

    function test_RevertWhen_SentWithEther() public {
        vm.deal(operator, 1 ether);
        vm.prank(operator);
        (bool ok,) = address(anchors).call{value: 1}(abi.encodeCall(AuditAnchor.anchor, (LOG, 1, ROOT1)));
        assertFalse(ok, "anchor accepted ether");
        vm.prank(operator);
        (ok,) = address(anchors).call{value: 1}("");
        assertFalse(ok, "the contract accepted ether");
        assertEq(address(anchors).balance, 0);
    }

    // ------------------------------------------------------------------ isolation

    /// @notice Another account's anchors are its own: they neither block nor change the operator's.
    function test_Anchor_OperatorsKeptApart() public {
        vm.prank(operator);
        anchors.anchor(LOG, 50, ROOT1);
        // a stranger may anchor a smaller size of the same log id, under its own address only
        vm.prank(stranger);
        anchors.anchor(LOG, 3, ROOT2);
        (uint256 size, bytes32 root,) = _latest(operator, LOG);
        assertEq(size, 50);
        assertEq(root, ROOT1);
        (size, root,) = _latest(stranger, LOG);
        assertEq(size, 3);
        assertEq(root, ROOT2);
        // and the operator's sequence is unaffected by the stranger's
        vm.expectRevert(abi.encodeWithSelector(AuditAnchor.SizeNotIncreasing.selector, uint64(50), uint64(4)));
        vm.prank(operator);
        anchors.anchor(LOG, 4, ROOT2);
    }

    function test_Anchor_LogsKeptApart() public {
        vm.startPrank(operator);
        anchors.anchor(LOG, 50, ROOT1);
        anchors.anchor(OTHER_LOG, 2, ROOT2);
        vm.stopPrank();
        (uint256 size, bytes32 root,) = _latest(operator, LOG);
        assertEq(size, 50);
        assertEq(root, ROOT1);
        (size, root,) = _latest(operator, OTHER_LOG);
        assertEq(size, 2);
        assertEq(root, ROOT2);
    }

    /// @notice Any increasing sequence of sizes is accepted and the newest kept; any other size is refused.
    function testFuzz_Anchor_Sequence(uint64 a, uint64 b, bytes32 r) public {
        vm.assume(r != bytes32(0));
        a = uint64(bound(a, 1, type(uint64).max));
        vm.prank(operator);
        anchors.anchor(LOG, a, r);
        vm.prank(operator);
        if (b <= a) {
            vm.expectRevert(abi.encodeWithSelector(AuditAnchor.SizeNotIncreasing.selector, a, b));
            anchors.anchor(LOG, b, r);
            (uint256 size,,) = _latest(operator, LOG);
            assertEq(size, a);
        } else {
            anchors.anchor(LOG, b, r);
            (uint256 size,,) = _latest(operator, LOG);
            assertEq(size, b);
        }
    }
}
