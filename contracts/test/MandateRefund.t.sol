// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MandateFixture} from "./utils/MandateFixture.sol";
import {Vm} from "./utils/Test.sol";
import {IAgentEscrow} from "../src/interfaces/IAgentEscrow.sol";
import {IMandateRegistry} from "../src/interfaces/IMandateRegistry.sol";

/// @notice Money going back under a mandate: every path that returns funds to the client side pays the principal
/// (never the agent) and gives the amount back to the allowance when the job was funded in the current period;
/// and terminate, the kill switch's effect on funded jobs.
contract MandateRefundTest is MandateFixture {
    uint256 internal constant P = 80 * USD; // autonomous in the seed example
    bytes32 internal constant MANDATE_REVOKED = "mandate-revoked";

    uint256 internal id;
    uint256 internal agentBefore;

    function setUp() public override {
        super.setUp();
        id = _grant();
        agentBefore = usd.balanceOf(client);
    }

    // ------------------------------------------------------------------ refund paths

    function test_ClaimRefund_PaysThePrincipalAndRestores() public {
        uint256 jobId = _fund(id, P);
        uint64 expiredAt = escrow.getJob(jobId).expiredAt;
        uint256 principalBefore = usd.balanceOf(principal);
        vm.warp(expiredAt);
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateRestored(id, jobId, P, P, 0);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.Refunded(jobId, principal, P);
        vm.prank(stranger);
        escrow.claimRefund(jobId);
        assertEq(usd.balanceOf(principal), principalBefore + P, "principal refunded");
        assertEq(usd.balanceOf(client), agentBefore, "agent untouched");
        assertEq(_spent(id), 0);
        assertEq(_remaining(id), BUDGET);
    }

    function test_Reject_ByProvider_PaysThePrincipalAndRestores() public {
        uint256 a = _fund(id, P);
        uint256 b = _fund(id, P);
        uint256 principalBefore = usd.balanceOf(principal);
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateRestored(id, a, P, P, 0);
        vm.prank(provider);
        escrow.reject(a, REASON, "");
        assertEq(usd.balanceOf(principal), principalBefore + P);
        assertEq(usd.balanceOf(client), agentBefore);
        assertEq(_spent(id), P, "only the rejected job is given back");
        assertEq(_remaining(id), BUDGET - P);
        _assertStatus(b, IAgentEscrow.JobStatus.Funded);
    }

    function test_Reject_AfterSubmit_Restores() public {
        uint256 jobId = _fund(id, P);
        _submit(jobId);
        vm.prank(provider);
        escrow.reject(jobId, REASON, "");
        assertEq(_spent(id), 0);
    }

    function test_SettleFromValidation_Failing_PaysThePrincipalAndRestores() public {
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, P);
        a.validator = validator;
        a.validationThreshold = 70;
        uint256 jobId = _fund(a);
        _submit(jobId);
        bytes32 requestHash = escrow.validationRequestHash(jobId);
        vm.prank(provider);
        validation.validationRequest(validator, providerAgentId, "ipfs://request", requestHash);
        vm.prank(validator);
        validation.validationResponse(requestHash, 10, "ipfs://response", keccak256("report"), "hard");
        uint256 principalBefore = usd.balanceOf(principal);
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateRestored(id, jobId, P, P, 0);
        escrow.settleFromValidation(jobId);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Rejected);
        assertEq(usd.balanceOf(principal), principalBefore + P);
        assertEq(usd.balanceOf(client), agentBefore);
        assertEq(_spent(id), 0);
    }

    function test_Resolve_ClientShareToThePrincipal() public {
        uint256 jobId = _fund(id, P);
        _submit(jobId);
        vm.prank(client); // the agent disputes, as the job's client
        escrow.dispute(jobId, REASON);
        uint256 toProvider = P * 3_000 / 10_000;
        uint256 toClient = P - toProvider;
        uint256 principalBefore = usd.balanceOf(principal);
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateRestored(id, jobId, toClient, toClient, 0);
        vm.prank(arbiter);
        escrow.resolve(jobId, 3_000, REASON);
        assertEq(usd.balanceOf(principal), principalBefore + toClient);
        assertEq(usd.balanceOf(provider), toProvider);
        assertEq(usd.balanceOf(client), agentBefore);
        assertEq(_spent(id), toProvider, "net spend: what the provider kept");
    }

    function test_Resolve_AllToProvider_RestoresNothing() public {
        uint256 jobId = _fund(id, P);
        _submit(jobId);
        vm.prank(client);
        escrow.dispute(jobId, REASON);
        vm.recordLogs();
        vm.prank(arbiter);
        escrow.resolve(jobId, 10_000, REASON);
        assertEq(_countLogs(IMandateRegistry.MandateRestored.selector), 0);
        assertEq(_spent(id), P);
    }

    function test_ClaimRefund_AfterArbitrationTimeout_PeriodRolled() public {
        uint256 jobId = _fund(id, P);
        _submit(jobId);
        vm.prank(client);
        escrow.dispute(jobId, REASON);
        vm.warp(block.timestamp + 30 days);
        // 30 days after T0 the 30-day period has rolled: the refund restores nothing
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateRestored(id, jobId, P, 0, 0);
        escrow.claimRefund(jobId);
    }

    function test_LatePenalty_ToThePrincipalAndRestored() public {
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, P);
        uint256 jobId = _fund(a);
        vm.warp(a.deliveryDeadline + 1);
        _submit(jobId);
        uint256 penalty = P * PENALTY_BPS / 10_000;
        uint256 fee = _fee(P - penalty, FEE_BPS);
        uint256 principalBefore = usd.balanceOf(principal);
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateRestored(id, jobId, penalty, penalty, 0);
        vm.prank(client);
        escrow.complete(jobId, REASON, "");
        assertEq(usd.balanceOf(principal), principalBefore + penalty);
        assertEq(usd.balanceOf(provider), P - penalty - fee);
        assertEq(usd.balanceOf(feeRecipient), fee);
        assertEq(usd.balanceOf(client), agentBefore);
        assertEq(_spent(id), P - penalty);
    }

    function test_Complete_OnTime_RestoresNothing() public {
        uint256 jobId = _fund(id, P);
        _submit(jobId);
        vm.recordLogs();
        vm.prank(client);
        escrow.complete(jobId, REASON, "");
        assertEq(_countLogs(IMandateRegistry.MandateRestored.selector), 0);
        assertEq(_spent(id), P);
        assertEq(usd.balanceOf(provider), P - _fee(P, FEE_BPS));
    }

    function test_Refund_MakesRoomForANewJob() public {
        uint256 open = _grant(_openTerms(500 * USD, 1_000 * USD, PERIOD));
        uint256 a = _fund(open, 500 * USD);
        _fund(open, 500 * USD);
        _expectFundRevert(
            _mAgreement(open, 1),
            abi.encodeWithSelector(IMandateRegistry.OverBudget.selector, 1_000 * USD, 1, 1_000 * USD)
        );
        vm.prank(provider);
        escrow.reject(a, REASON, "");
        _fund(open, 500 * USD);
        assertEq(_remaining(open), 0);
    }

    // ------------------------------------------------------------------ refunds after the period rolled

    /// @notice Funded in period 0, refunded in period 1 (in which nothing was spent yet): the money goes to the
    /// principal, the allowance of period 1 is unchanged, and period 0's record is left alone (restored = 0).
    function test_RefundAfterPeriodRolled_RestoresNothing() public {
        uint256 jobId = _fund(id, P);
        vm.warp(T0 + PERIOD);
        uint256 principalBefore = usd.balanceOf(principal);
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateRestored(id, jobId, P, 0, 0);
        escrow.claimRefund(jobId);
        assertEq(usd.balanceOf(principal), principalBefore + P, "the money still goes back");
        IMandateRegistry.MandateView memory v = mandates.getMandate(id);
        assertEq(v.spent, P, "period 0's record untouched");
        assertEq(uint256(v.periodIndex), 0);
        (uint256 left, uint32 index) = mandates.remaining(id);
        assertEq(left, BUDGET);
        assertEq(uint256(index), 1);
    }

    /// @notice As above, after the agent already spent in period 1: period 1's spend is not reduced by a refund
    /// of a period-0 job (no budget laundering across periods).
    function test_RefundAfterPeriodRolled_DoesNotReduceNewPeriodSpend() public {
        uint256 old = _fund(id, P);
        vm.warp(T0 + PERIOD + 1);
        _fund(id, 90 * USD);
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateRestored(id, old, P, 0, 0);
        escrow.claimRefund(old);
        IMandateRegistry.MandateView memory v = mandates.getMandate(id);
        assertEq(v.spent, 90 * USD);
        assertEq(uint256(v.periodIndex), 1);
        assertEq(_remaining(id), BUDGET - 90 * USD);
    }

    function test_OneTimeBudget_RefundRestoresAnyTimeLater() public {
        uint256 once = _grant(_openTerms(500 * USD, 500 * USD, 0));
        uint256 jobId = _fund(once, 500 * USD);
        vm.warp(T0 + 200 days);
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateRestored(once, jobId, 500 * USD, 500 * USD, 0);
        escrow.claimRefund(jobId);
        assertEq(_remaining(once), 500 * USD);
    }

    // ------------------------------------------------------------------ terminate

    function test_Terminate_ByPrincipalAfterRevoke() public {
        uint256 jobId = _fund(id, P);
        vm.prank(principal);
        mandates.revoke(id);
        uint256 principalBefore = usd.balanceOf(principal);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobRejected(jobId, principal, MANDATE_REVOKED);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobTerminated(jobId, id, principal);
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateRestored(id, jobId, P, P, 0);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.Refunded(jobId, principal, P);
        vm.prank(principal);
        escrow.terminate(jobId);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Rejected);
        assertEq(usd.balanceOf(principal), principalBefore + P);
        assertEq(usd.balanceOf(client), agentBefore);
        assertEq(usd.balanceOf(address(escrow)), 0);
        assertEq(_spent(id), 0);
        // a terminated job cannot be terminated again
        vm.prank(principal);
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Rejected));
        escrow.terminate(jobId);
    }

    function test_Terminate_ByGuardianAfterFreeze() public {
        vm.prank(principal);
        mandates.setGuardian(guardian);
        uint256 a = _fund(id, P);
        uint256 b = _fund(id, 90 * USD);
        vm.prank(guardian);
        mandates.freeze(principal, agentId);
        uint256 principalBefore = usd.balanceOf(principal);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobTerminated(a, id, guardian);
        vm.prank(guardian);
        escrow.terminate(a);
        vm.prank(principal);
        escrow.terminate(b);
        assertEq(usd.balanceOf(principal), principalBefore + P + 90 * USD, "the principal gets it, not the guardian");
        assertEq(usd.balanceOf(guardian), 0);
        assertEq(_spent(id), 0);
        assertEq(usd.balanceOf(address(escrow)), 0);
    }

    function test_Terminate_ByGuardianAfterRevoke() public {
        vm.prank(principal);
        mandates.setGuardian(guardian);
        uint256 jobId = _fund(id, P);
        vm.prank(guardian);
        mandates.revoke(id);
        vm.prank(guardian);
        escrow.terminate(jobId);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Rejected);
    }

    function test_RevertWhen_TerminateNotMandateJob() public {
        uint256 jobId = _fund(0, P);
        vm.prank(principal);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NotMandateJob.selector, jobId));
        escrow.terminate(jobId);
        uint256 plain = _fundedPlainJob();
        vm.prank(client);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NotMandateJob.selector, plain));
        escrow.terminate(plain);
    }

    function test_RevertWhen_TerminateLiveMandate() public {
        uint256 jobId = _fund(id, P);
        vm.prank(principal);
        vm.expectRevert(_err(IMandateRegistry.MandateLive.selector, id));
        escrow.terminate(jobId);
        // frozen and unfrozen again: live
        vm.startPrank(principal);
        mandates.freeze(principal, agentId);
        mandates.unfreeze(agentId);
        vm.expectRevert(_err(IMandateRegistry.MandateLive.selector, id));
        escrow.terminate(jobId);
        vm.stopPrank();
        // another principal freezing the same agent does not end this principal's jobs
        (address other,) = makeAddrAndKey("otherPrincipal");
        vm.prank(other);
        mandates.freeze(other, agentId);
        vm.prank(principal);
        vm.expectRevert(_err(IMandateRegistry.MandateLive.selector, id));
        escrow.terminate(jobId);
    }

    function test_RevertWhen_TerminateByAgentOrStranger() public {
        vm.prank(principal);
        mandates.setGuardian(guardian);
        uint256 jobId = _fund(id, P);
        vm.prank(principal);
        mandates.revoke(id);
        address[4] memory callers = [client, stranger, provider, approver1];
        for (uint256 i; i < callers.length; ++i) {
            vm.prank(callers[i]);
            vm.expectRevert(_err(IMandateRegistry.NotPrincipalOrGuardian.selector, callers[i]));
            escrow.terminate(jobId);
        }
        _assertStatus(jobId, IAgentEscrow.JobStatus.Funded);
    }

    function test_RevertWhen_TerminateAfterSubmit() public {
        uint256 jobId = _fund(id, P);
        _submit(jobId);
        vm.prank(principal);
        mandates.revoke(id);
        vm.prank(principal);
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Submitted));
        escrow.terminate(jobId);
        // the submitted job settles as usual
        vm.prank(client);
        escrow.complete(jobId, REASON, "");
        _assertStatus(jobId, IAgentEscrow.JobStatus.Completed);
    }

    function test_RevertWhen_TerminateUnknownJob() public {
        vm.prank(principal);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.JobNotFound.selector, 42));
        escrow.terminate(42);
    }

    function test_Terminate_AfterPeriodRolled_RestoresNothing() public {
        uint256 jobId = _fund(id, P);
        vm.warp(T0 + PERIOD);
        vm.prank(principal);
        mandates.revoke(id);
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateRestored(id, jobId, P, 0, 0);
        vm.prank(principal);
        escrow.terminate(jobId);
    }

    function test_CheckTermination_View() public {
        vm.prank(principal);
        mandates.setGuardian(guardian);
        vm.expectRevert(_err(IMandateRegistry.MandateLive.selector, id));
        mandates.checkTermination(id, principal);
        vm.prank(guardian);
        mandates.freeze(principal, agentId);
        assertEq(mandates.checkTermination(id, principal), principal);
        assertEq(mandates.checkTermination(id, guardian), principal);
        vm.expectRevert(_err(IMandateRegistry.NotPrincipalOrGuardian.selector, client));
        mandates.checkTermination(id, client);
    }

    // ------------------------------------------------------------------ helpers

    function _countLogs(bytes32 topic0) internal returns (uint256 n) {
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics.length != 0 && logs[i].topics[0] == topic0) ++n;
        }
    }
}
