// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MandateFixture} from "./utils/MandateFixture.sol";
import {IMandateRegistry} from "../src/interfaces/IMandateRegistry.sol";
import {MandateRegistry} from "../src/MandateRegistry.sol";

/// @notice The MandateRegistry's grant by transaction: what it stores and emits, and every check of the terms,
/// each with its own error. Signatures (grantWithSig, EIP-712, nonces) and approvals: MandateSignatures.t.sol; the
/// kill switch and the views: MandateKillSwitch.t.sol; spending through the escrow: MandateEscrow.t.sol; refunds
/// and termination: MandateRefund.t.sol.
contract MandateRegistryTest is MandateFixture {
    // ------------------------------------------------------------------ deployment

    function test_Deployment_BindsEscrowAndIdentity() public view {
        assertEq(mandates.escrow(), address(escrow));
        assertEq(mandates.identityRegistry(), address(identity));
        assertEq(escrow.mandateRegistry(), address(mandates));
        assertEq(mandates.mandateCount(), 0);
        assertEq(mandates.MAX_APPROVERS(), 16);
        assertEq(uint256(mandates.MIN_PERIOD()), 1 hours);
    }

    function test_RevertWhen_DeployedWithZeroAddress() public {
        vm.expectRevert(_err(IMandateRegistry.ZeroAddress.selector));
        new MandateRegistry(address(0), address(escrow));
        vm.expectRevert(_err(IMandateRegistry.ZeroAddress.selector));
        new MandateRegistry(address(identity), address(0));
    }

    // ------------------------------------------------------------------ grant

    function test_Grant_StoresTermsAndEmits() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateGranted(
            1,
            principal,
            agentId,
            client,
            address(usd),
            MAX_PER_JOB,
            BUDGET,
            PERIOD,
            START,
            VALID_UNTIL,
            false,
            false,
            1,
            ESCALATE_ABOVE,
            2,
            TIMELOCK_ABOVE,
            TIMELOCK,
            bytes32(0)
        );
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandatePayee(1, providerAgentId);
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateSpec(1, SPEC);
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateApprover(1, approver1, 0);
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateApprover(1, approver2, 1);
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateApprover(1, approver3, 2);
        uint256 id = _grant(t);

        assertEq(id, 1);
        assertEq(mandates.mandateCount(), 1);
        IMandateRegistry.MandateView memory v = mandates.getMandate(id);
        assertEq(v.principal, principal);
        assertEq(v.agentId, agentId);
        assertEq(v.agent, client);
        assertEq(v.token, address(usd));
        assertEq(v.maxPerJob, MAX_PER_JOB);
        assertEq(v.budget, BUDGET);
        assertEq(uint256(v.period), PERIOD);
        assertEq(uint256(v.validAfter), T0);
        assertEq(uint256(v.validUntil), VALID_UNTIL);
        assertFalse(v.anyPayee);
        assertFalse(v.anySpec);
        assertEq(uint256(v.quorum), 1);
        assertEq(uint256(v.quorumHigh), 2);
        assertEq(uint256(v.approverCount), 3);
        assertEq(v.escalateAbove, ESCALATE_ABOVE);
        assertEq(v.timelockAbove, TIMELOCK_ABOVE);
        assertEq(uint256(v.timelock), TIMELOCK);
        assertFalse(v.revoked);
        assertEq(v.spent, 0);
        assertEq(uint256(v.periodIndex), 0);
    }

    function test_Grant_IdsRunFromOne() public {
        assertEq(_grant(), 1);
        assertEq(_grant(), 2);
        assertEq(_grant(_openTerms(10 * USD, 100 * USD, 0)), 3);
        assertEq(mandates.mandateCount(), 3);
    }

    function test_Grant_EmptyListsMeanAny() public {
        uint256 id = _grant(_openTerms(10 * USD, 100 * USD, 0));
        IMandateRegistry.MandateView memory v = mandates.getMandate(id);
        assertTrue(v.anyPayee);
        assertTrue(v.anySpec);
        assertEq(uint256(v.approverCount), 0);
        assertTrue(mandates.payeeAllowed(id, 0));
        assertTrue(mandates.payeeAllowed(id, 12345));
        assertTrue(mandates.specAllowed(id, keccak256("anything")));
        assertEq(mandates.approversOf(id).length, 0);
    }

    function test_Grant_ToTheAgentWallet() public {
        // The agent's owner binds another wallet (proved by its signature); a mandate may name that wallet.
        (address wallet, uint256 walletKey) = makeAddrAndKey("agentWallet");
        uint256 deadline = T0 + 60;
        bytes memory proof = signDigest(walletKey, identity.agentWalletSetDigest(agentId, wallet, client, deadline));
        vm.prank(client);
        identity.setAgentWallet(agentId, wallet, deadline, proof);

        IMandateRegistry.MandateTerms memory t = _terms();
        t.agent = wallet;
        uint256 id = _grant(t);
        assertEq(mandates.getMandate(id).agent, wallet);
        // the owner is still the agent's wallet too
        assertEq(_grant(), 2);
    }

    function test_Grant_BoundaryValues() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.period = 1 hours; // the shortest recurring period
        t.maxPerJob = type(uint128).max;
        t.budget = type(uint128).max;
        t.timelockAbove = type(uint128).max;
        t.timelock = type(uint32).max;
        t.validUntil = type(uint40).max;
        t.validAfter = 0; // a window that started long ago
        t.agentId = agentId;
        _grant(t);
        t.period = type(uint40).max;
        t.validUntil = START + 1; // ends a second from now
        _grant(t);
        assertEq(mandates.mandateCount(), 2);
    }

    function test_Grant_SixteenApprovers() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.approvers = _approvers(16);
        t.quorumHigh = 16;
        uint256 id = _grant(t);
        assertEq(mandates.approversOf(id), t.approvers);
        assertEq(uint256(mandates.getMandate(id).approverCount), 16);
    }

    // ------------------------------------------------------------------ grant: every check

    function test_RevertWhen_GrantNotByPrincipal() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        vm.prank(stranger);
        vm.expectRevert(_err(IMandateRegistry.NotPrincipal.selector, stranger));
        mandates.grant(t);
        // the agent cannot grant itself a mandate on its principal's money
        vm.prank(client);
        vm.expectRevert(_err(IMandateRegistry.NotPrincipal.selector, client));
        mandates.grant(t);
    }

    function test_RevertWhen_PrincipalIsZero() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.principal = address(0);
        _expectGrantRevert(t, _err(IMandateRegistry.ZeroAddress.selector));
    }

    function test_RevertWhen_AgentIsZero() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.agent = address(0);
        _expectGrantRevert(t, _err(IMandateRegistry.ZeroAddress.selector));
    }

    function test_RevertWhen_TokenIsZero() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.token = address(0);
        _expectGrantRevert(t, _err(IMandateRegistry.ZeroAddress.selector));
    }

    function test_RevertWhen_ApproverIsZero() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.approvers[1] = address(0);
        _expectGrantRevert(t, _err(IMandateRegistry.ZeroAddress.selector));
    }

    function test_RevertWhen_AgentIsPrincipal() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.principal = client;
        _expectGrantRevert(t, _err(IMandateRegistry.AgentIsPrincipal.selector, client));
    }

    function test_RevertWhen_AgentIsNotTheAgentsWallet() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.agent = stranger;
        _expectGrantRevert(t, abi.encodeWithSelector(IMandateRegistry.AgentWalletMismatch.selector, agentId, stranger));
        // another agent's owner is not this agent's wallet either
        t.agent = provider;
        _expectGrantRevert(t, abi.encodeWithSelector(IMandateRegistry.AgentWalletMismatch.selector, agentId, provider));
    }

    function test_RevertWhen_AgentDoesNotExist() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.agentId = 99;
        _expectGrantRevert(t, abi.encodeWithSelector(IMandateRegistry.AgentWalletMismatch.selector, 99, client));
    }

    function test_RevertWhen_AgentLostItsWallet() public {
        // The agent changed hands: the old owner's wallet binding is gone.
        vm.prank(client);
        identity.transferFrom(client, stranger, agentId);
        _expectGrantRevert(
            _terms(), abi.encodeWithSelector(IMandateRegistry.AgentWalletMismatch.selector, agentId, client)
        );
    }

    function test_RevertWhen_AgentIdOutOfRange() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.agentId = uint256(type(uint96).max) + 1;
        _expectGrantRevert(t, _err(IMandateRegistry.AgentIdOutOfRange.selector, t.agentId));
    }

    function test_RevertWhen_AmountOutOfRange() public {
        uint256 tooBig = uint256(type(uint128).max) + 1;
        IMandateRegistry.MandateTerms memory t = _terms();
        t.maxPerJob = tooBig;
        _expectGrantRevert(t, _err(IMandateRegistry.AmountOutOfRange.selector, tooBig));
        t = _terms();
        t.budget = tooBig;
        _expectGrantRevert(t, _err(IMandateRegistry.AmountOutOfRange.selector, tooBig));
        t = _terms();
        t.escalateAbove = tooBig;
        _expectGrantRevert(t, _err(IMandateRegistry.AmountOutOfRange.selector, tooBig));
        t = _terms();
        t.timelockAbove = tooBig;
        _expectGrantRevert(t, _err(IMandateRegistry.AmountOutOfRange.selector, tooBig));
    }

    function test_RevertWhen_MaxPerJobIsZero() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.maxPerJob = 0;
        _expectGrantRevert(t, _err(IMandateRegistry.ZeroCap.selector));
    }

    function test_RevertWhen_BudgetIsZero() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.budget = 0;
        _expectGrantRevert(t, _err(IMandateRegistry.ZeroCap.selector));
    }

    function test_RevertWhen_WindowIsEmpty() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.validAfter = START + 10 days;
        t.validUntil = START + 10 days;
        _expectGrantRevert(t, _window(t));
    }

    function test_RevertWhen_WindowIsInverted() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.validAfter = START + 10 days;
        t.validUntil = START + 9 days;
        _expectGrantRevert(t, _window(t));
    }

    function test_RevertWhen_WindowIsOver() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.validAfter = START - 10 days;
        t.validUntil = START; // ends now
        _expectGrantRevert(t, _window(t));
    }

    function test_RevertWhen_WindowEndsAfterUint40() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.validUntil = uint64(type(uint40).max) + 1;
        _expectGrantRevert(t, _window(t));
    }

    function test_RevertWhen_PeriodShorterThanAnHour() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.period = 1 hours - 1;
        _expectGrantRevert(t, _err(IMandateRegistry.PeriodOutOfRange.selector, uint256(t.period)));
        t.period = 1;
        _expectGrantRevert(t, _err(IMandateRegistry.PeriodOutOfRange.selector, uint256(1)));
    }

    function test_RevertWhen_PeriodLongerThanUint40() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.period = uint64(type(uint40).max) + 1;
        _expectGrantRevert(t, _err(IMandateRegistry.PeriodOutOfRange.selector, uint256(t.period)));
    }

    function test_RevertWhen_Bands_EscalateAboveTimelockAbove() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.escalateAbove = TIMELOCK_ABOVE + 1;
        _expectGrantRevert(t, _err(IMandateRegistry.InvalidBands.selector));
    }

    function test_RevertWhen_Bands_QuorumAboveQuorumHigh() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.quorum = 3;
        t.quorumHigh = 2;
        _expectGrantRevert(t, _err(IMandateRegistry.InvalidBands.selector));
    }

    function test_RevertWhen_Bands_QuorumHighAboveApprovers() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.quorumHigh = 4; // three approvers
        _expectGrantRevert(t, _err(IMandateRegistry.InvalidBands.selector));
        // no approvers at all but a quorum
        t = _terms();
        t.approvers = new address[](0);
        _expectGrantRevert(t, _err(IMandateRegistry.InvalidBands.selector));
    }

    function test_RevertWhen_Bands_ReachableBandWithoutApprovals() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.quorum = 0; // prices above $100 (and up to maxPerJob) would need no approval
        _expectGrantRevert(t, _err(IMandateRegistry.InvalidBands.selector));
        t.quorumHigh = 0;
        _expectGrantRevert(t, _err(IMandateRegistry.InvalidBands.selector));
        // escalateAbove just below maxPerJob: one price needs approvals, so a quorum of zero is refused
        t = _openTerms(10 * USD, 100 * USD, 0);
        t.escalateAbove = 10 * USD - 1;
        _expectGrantRevert(t, _err(IMandateRegistry.InvalidBands.selector));
    }

    function test_Grant_BandsUnreachableNeedNoQuorum() public {
        // escalateAbove >= maxPerJob: every price is autonomous; no approvers, no quorum, any timelock
        IMandateRegistry.MandateTerms memory t = _openTerms(10 * USD, 100 * USD, 0);
        t.escalateAbove = 10 * USD;
        t.timelockAbove = 20 * USD;
        t.timelock = 7 days;
        _grant(t);
        t.escalateAbove = 50 * USD;
        t.timelockAbove = 50 * USD;
        _grant(t);
        assertEq(mandates.mandateCount(), 2);
    }

    function test_RevertWhen_Bands_TimelockAboveUint32() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.timelock = uint64(type(uint32).max) + 1;
        _expectGrantRevert(t, _err(IMandateRegistry.InvalidBands.selector));
    }

    function test_RevertWhen_TooManyApprovers() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.approvers = _approvers(17);
        _expectGrantRevert(t, _err(IMandateRegistry.TooManyApprovers.selector, uint256(17)));
    }

    function test_RevertWhen_DuplicateApprover() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.approvers[2] = approver1;
        _expectGrantRevert(t, _err(IMandateRegistry.DuplicateApprover.selector, approver1));
    }

    function test_RevertWhen_ApproverIsAgent() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.approvers[1] = client;
        _expectGrantRevert(t, _err(IMandateRegistry.ApproverIsAgent.selector, client));
    }

    function test_Grant_PrincipalMayApprove() public {
        // Listing the principal is allowed (only the agent is refused).
        IMandateRegistry.MandateTerms memory t = _terms();
        t.approvers[0] = principal;
        uint256 id = _grant(t);
        bytes32 h = keccak256("agreement");
        vm.prank(principal);
        mandates.approve(id, h);
        assertTrue(mandates.hasApproved(id, h, principal));
    }

    // ------------------------------------------------------------------ helpers

    function _window(IMandateRegistry.MandateTerms memory t) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IMandateRegistry.InvalidWindow.selector, t.validAfter, t.validUntil);
    }
}
