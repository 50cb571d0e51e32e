// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MandateFixture} from "./utils/MandateFixture.sol";
import {IMandateRegistry} from "../src/interfaces/IMandateRegistry.sol";

/// @notice The kill switch (revoke, freeze, unfreeze, guardians), the escrow-only entry points, and the views.
contract MandateKillSwitchTest is MandateFixture {
    // ------------------------------------------------------------------ kill switch

    function test_Revoke_ByPrincipal() public {
        uint256 id = _grant();
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateRevoked(id, principal);
        vm.prank(principal);
        mandates.revoke(id);
        assertTrue(mandates.getMandate(id).revoked);
        assertEq(_remaining(id), 0);
        vm.prank(principal);
        vm.expectRevert(_err(IMandateRegistry.MandateIsRevoked.selector, id));
        mandates.revoke(id);
    }

    function test_Revoke_ByGuardian() public {
        uint256 id = _grant();
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.GuardianSet(principal, guardian);
        vm.prank(principal);
        mandates.setGuardian(guardian);
        assertEq(mandates.guardianOf(principal), guardian);
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateRevoked(id, guardian);
        vm.prank(guardian);
        mandates.revoke(id);
        assertTrue(mandates.getMandate(id).revoked);
    }

    function test_RevertWhen_RevokeByAgentOrStranger() public {
        uint256 id = _grant();
        vm.prank(principal);
        mandates.setGuardian(guardian);
        address[4] memory callers = [client, stranger, approver1, provider];
        for (uint256 i; i < callers.length; ++i) {
            vm.prank(callers[i]);
            vm.expectRevert(_err(IMandateRegistry.NotPrincipalOrGuardian.selector, callers[i]));
            mandates.revoke(id);
        }
        assertFalse(mandates.getMandate(id).revoked);
    }

    function test_RevertWhen_RevokeByRemovedGuardian() public {
        uint256 id = _grant();
        vm.prank(principal);
        mandates.setGuardian(guardian);
        vm.prank(principal);
        mandates.setGuardian(address(0));
        assertEq(mandates.guardianOf(principal), address(0));
        vm.prank(guardian);
        vm.expectRevert(_err(IMandateRegistry.NotPrincipalOrGuardian.selector, guardian));
        mandates.revoke(id);
    }

    function test_RevertWhen_RevokeUnknownMandate() public {
        vm.prank(principal);
        vm.expectRevert(_err(IMandateRegistry.MandateNotFound.selector, 7));
        mandates.revoke(7);
    }

    function test_GuardianOfOnePrincipalOnly() public {
        uint256 id = _grant();
        vm.prank(stranger);
        mandates.setGuardian(guardian); // the guardian of someone else
        vm.prank(guardian);
        vm.expectRevert(_err(IMandateRegistry.NotPrincipalOrGuardian.selector, guardian));
        mandates.revoke(id);
        vm.prank(guardian);
        vm.expectRevert(_err(IMandateRegistry.NotPrincipalOrGuardian.selector, guardian));
        mandates.freeze(principal, agentId);
    }

    function test_Freeze_ByPrincipal() public {
        uint256 id = _grant();
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.AgentFrozen(principal, agentId, principal);
        vm.prank(principal);
        mandates.freeze(principal, agentId);
        assertTrue(mandates.frozen(principal, agentId));
        assertEq(_remaining(id), 0);
        assertFalse(mandates.getMandate(id).revoked, "a freeze is not a revocation");
    }

    function test_Freeze_ByGuardian_AllMandatesOfTheAgent() public {
        uint256 a = _grant();
        uint256 b = _grant(_openTerms(10 * USD, 100 * USD, 0));
        vm.prank(principal);
        mandates.setGuardian(guardian);
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.AgentFrozen(principal, agentId, guardian);
        vm.prank(guardian);
        mandates.freeze(principal, agentId);
        assertEq(_remaining(a), 0);
        assertEq(_remaining(b), 0);
        // and mandates granted later
        uint256 c = _grant();
        assertEq(_remaining(c), 0);
        // another principal's mandate for the same agent is not frozen
        (address other,) = makeAddrAndKey("otherPrincipal");
        IMandateRegistry.MandateTerms memory t = _terms();
        t.principal = other;
        uint256 d = _grant(t);
        assertEq(_remaining(d), BUDGET);
        assertFalse(mandates.frozen(other, agentId));
    }

    function test_RevertWhen_FreezeTwice() public {
        vm.prank(principal);
        mandates.freeze(principal, agentId);
        vm.prank(principal);
        vm.expectRevert(abi.encodeWithSelector(IMandateRegistry.AgentIsFrozen.selector, principal, agentId));
        mandates.freeze(principal, agentId);
    }

    function test_RevertWhen_FreezeByAgentOrStranger() public {
        vm.prank(principal);
        mandates.setGuardian(guardian);
        vm.prank(client);
        vm.expectRevert(_err(IMandateRegistry.NotPrincipalOrGuardian.selector, client));
        mandates.freeze(principal, agentId);
        vm.prank(stranger);
        vm.expectRevert(_err(IMandateRegistry.NotPrincipalOrGuardian.selector, stranger));
        mandates.freeze(principal, agentId);
        // nobody is the guardian of the zero address
        vm.prank(address(0));
        mandates.setGuardian(guardian);
        vm.prank(guardian);
        vm.expectRevert(_err(IMandateRegistry.NotPrincipalOrGuardian.selector, guardian));
        mandates.freeze(address(0), agentId);
    }

    function test_Unfreeze_ByPrincipal() public {
        uint256 id = _grant();
        vm.prank(principal);
        mandates.setGuardian(guardian);
        vm.prank(guardian);
        mandates.freeze(principal, agentId);
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.AgentUnfrozen(principal, agentId);
        vm.prank(principal);
        mandates.unfreeze(agentId);
        assertFalse(mandates.frozen(principal, agentId));
        assertEq(_remaining(id), BUDGET);
    }

    function test_RevertWhen_UnfreezeByGuardianOrAgent() public {
        vm.prank(principal);
        mandates.setGuardian(guardian);
        vm.prank(principal);
        mandates.freeze(principal, agentId);
        // unfreeze acts on the caller's own freezes: the guardian and the agent have none
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IMandateRegistry.AgentNotFrozen.selector, guardian, agentId));
        mandates.unfreeze(agentId);
        vm.prank(client);
        vm.expectRevert(abi.encodeWithSelector(IMandateRegistry.AgentNotFrozen.selector, client, agentId));
        mandates.unfreeze(agentId);
        assertTrue(mandates.frozen(principal, agentId));
    }

    function test_RevertWhen_UnfreezeNotFrozen() public {
        vm.prank(principal);
        vm.expectRevert(abi.encodeWithSelector(IMandateRegistry.AgentNotFrozen.selector, principal, agentId));
        mandates.unfreeze(agentId);
    }

    function test_UnfreezeDoesNotUndoRevoke() public {
        uint256 id = _grant();
        vm.startPrank(principal);
        mandates.freeze(principal, agentId);
        mandates.revoke(id);
        mandates.unfreeze(agentId);
        vm.stopPrank();
        assertTrue(mandates.getMandate(id).revoked);
        assertEq(_remaining(id), 0);
    }

    // ------------------------------------------------------------------ escrow only

    function test_RevertWhen_SpendNotByEscrow() public {
        uint256 id = _grant();
        address[3] memory callers = [stranger, principal, client];
        for (uint256 i; i < callers.length; ++i) {
            vm.prank(callers[i]);
            vm.expectRevert(_err(IMandateRegistry.NotEscrow.selector, callers[i]));
            mandates.spend(id, 1, client, providerAgentId, SPEC, address(usd), 1, bytes32(0));
        }
    }

    function test_RevertWhen_RestoreNotByEscrow() public {
        uint256 id = _grant();
        address[3] memory callers = [stranger, principal, client];
        for (uint256 i; i < callers.length; ++i) {
            vm.prank(callers[i]);
            vm.expectRevert(_err(IMandateRegistry.NotEscrow.selector, callers[i]));
            mandates.restore(id, 1, 0, 1);
        }
    }

    // ------------------------------------------------------------------ views

    function test_Views_Lists() public {
        uint256 id = _grant();
        assertTrue(mandates.payeeAllowed(id, providerAgentId));
        assertFalse(mandates.payeeAllowed(id, 0));
        assertFalse(mandates.payeeAllowed(id, agentId));
        assertTrue(mandates.specAllowed(id, SPEC));
        assertFalse(mandates.specAllowed(id, keccak256("other spec")));
        address[] memory expected = new address[](3);
        expected[0] = approver1;
        expected[1] = approver2;
        expected[2] = approver3;
        assertEq(mandates.approversOf(id), expected);
    }

    function test_Views_Remaining() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.validAfter = START + 1 days;
        t.validUntil = START + 100 days;
        uint256 id = _grant(t);
        (uint256 amount, uint32 index) = mandates.remaining(id);
        assertEq(amount, 0, "not valid yet");
        assertEq(uint256(index), 0);
        vm.warp(T0 + 1 days);
        (amount, index) = mandates.remaining(id);
        assertEq(amount, BUDGET);
        assertEq(uint256(index), 0);
        vm.warp(T0 + 1 days + 2 * PERIOD + 5);
        (amount, index) = mandates.remaining(id);
        assertEq(amount, BUDGET);
        assertEq(uint256(index), 2, "periods counted from validAfter");
        vm.warp(T0 + 100 days);
        (amount,) = mandates.remaining(id);
        assertEq(amount, 0, "expired");
    }

    function test_RevertWhen_ViewsOfUnknownMandate() public {
        _grant();
        vm.expectRevert(_err(IMandateRegistry.MandateNotFound.selector, 2));
        mandates.getMandate(2);
        vm.expectRevert(_err(IMandateRegistry.MandateNotFound.selector, 2));
        mandates.remaining(2);
        vm.expectRevert(_err(IMandateRegistry.MandateNotFound.selector, 2));
        mandates.payeeAllowed(2, providerAgentId);
        vm.expectRevert(_err(IMandateRegistry.MandateNotFound.selector, 2));
        mandates.specAllowed(2, SPEC);
        vm.expectRevert(_err(IMandateRegistry.MandateNotFound.selector, 2));
        mandates.approversOf(2);
        vm.expectRevert(_err(IMandateRegistry.MandateNotFound.selector, 0));
        mandates.getMandate(0);
        vm.expectRevert(_err(IMandateRegistry.MandateNotFound.selector, 2));
        mandates.checkTermination(2, principal);
    }
}
