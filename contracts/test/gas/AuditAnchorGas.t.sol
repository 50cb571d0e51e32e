// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "../utils/Test.sol";
import {AuditAnchor} from "../../src/AuditAnchor.sol";

/// @notice Gas sections of AuditAnchor.anchor (execution gas of the call, no intrinsic cost), written by forge to
/// snapshots/AuditAnchorGasTest.json: an operator's first head of a log (two slots written from zero) and a later
/// one (the same slots rewritten). The contract is cooled before each section, as in a transaction of its own.
contract AuditAnchorGasTest is Test {
    bytes32 internal constant LOG = keccak256("agora.example/audit");

    AuditAnchor internal anchors;
    address internal operator;

    function setUp() public {
        anchors = new AuditAnchor();
        operator = makeAddr("operator");
        vm.roll(100);
    }

    function test_Gas_AnchorFirst() public {
        vm.startPrank(operator);
        vm.cool(address(anchors));
        vm.startSnapshotGas("anchor (first)");
        anchors.anchor(LOG, 1_000, keccak256("root 1"));
        vm.stopSnapshotGas();
        vm.stopPrank();
    }

    function test_Gas_AnchorNext() public {
        vm.startPrank(operator);
        anchors.anchor(LOG, 1_000, keccak256("root 1"));
        vm.roll(150);
        vm.cool(address(anchors));
        vm.startSnapshotGas("anchor (next)");
        anchors.anchor(LOG, 2_000, keccak256("root 2"));
        vm.stopSnapshotGas();
        vm.stopPrank();
    }
}
