// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EscrowFixture} from "./utils/EscrowFixture.sol";
import {Vm} from "./utils/Test.sol";
import {IAgentEscrow} from "../src/interfaces/IAgentEscrow.sol";

/// @notice Settling agreement jobs: completion by client or arbiter, late penalties, release after a silent
/// review window, disputes and their resolution or timeout, rejection and refunds.
contract AgentEscrowSettlementTest is EscrowFixture {
    uint256 internal constant ON_TIME = T0 + 1 hours;
    uint256 internal constant LATE = DELIVERY + 1;

    function _submittedAgreementJob(uint256 at) internal returns (uint256 jobId) {
        jobId = _createAgreementJob();
        vm.warp(at);
        _submit(jobId);
    }

    function _escrowLogCount() internal returns (uint256 n) {
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == address(escrow)) ++n;
        }
    }

    // ------------------------------------------------------------------ complete

    function test_Complete_ByClientOnTime() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        uint256 fee = _fee(PRICE, FEE_BPS);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobCompleted(jobId, client, REASON);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.PaymentReleased(jobId, provider, PRICE - fee);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobSettled(jobId, client, providerAgentId, address(usd), PRICE - fee, 0, fee);
        vm.prank(client);
        escrow.complete(jobId, REASON, "");
        _assertStatus(jobId, IAgentEscrow.JobStatus.Completed);
        assertEq(usd.balanceOf(provider), PRICE - fee);
        assertEq(usd.balanceOf(feeRecipient), fee);
        assertEq(usd.balanceOf(address(escrow)), 0);
    }

    function test_Complete_ByArbiter() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.prank(arbiter);
        escrow.complete(jobId, REASON, "");
        _assertStatus(jobId, IAgentEscrow.JobStatus.Completed);
    }

    function test_Complete_LateSubmissionPaysPenaltyToClient() public {
        uint256 jobId = _submittedAgreementJob(LATE);
        uint256 clientBefore = usd.balanceOf(client);
        uint256 penalty = PRICE * PENALTY_BPS / 10_000;
        uint256 fee = _fee(PRICE - penalty, FEE_BPS);
        uint256 toProvider = PRICE - penalty - fee;

        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobCompleted(jobId, client, REASON);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.PaymentReleased(jobId, provider, toProvider);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.Refunded(jobId, client, penalty);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobSettled(jobId, client, providerAgentId, address(usd), toProvider, penalty, fee);
        vm.prank(client);
        escrow.complete(jobId, REASON, "");

        assertEq(usd.balanceOf(provider), toProvider);
        assertEq(usd.balanceOf(client), clientBefore + penalty);
        assertEq(usd.balanceOf(feeRecipient), fee);
        assertEq(usd.balanceOf(address(escrow)), 0);
    }

    function test_Complete_SubmissionAtDeadlineIsOnTime() public {
        uint256 jobId = _submittedAgreementJob(DELIVERY);
        vm.prank(client);
        escrow.complete(jobId, REASON, "");
        assertEq(usd.balanceOf(provider), PRICE - _fee(PRICE, FEE_BPS));
    }

    function test_Complete_FullPenaltyLeavesProviderNothing() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.latePenaltyBps = 10_000;
        uint256 jobId = _createAgreementJob(a);
        vm.warp(LATE);
        _submit(jobId);
        uint256 clientBefore = usd.balanceOf(client);
        vm.recordLogs();
        vm.prank(client);
        escrow.complete(jobId, REASON, "");
        assertEq(usd.balanceOf(provider), 0);
        assertEq(usd.balanceOf(client), clientBefore + PRICE);
        assertEq(usd.balanceOf(feeRecipient), 0);
        // JobCompleted, Refunded, JobSettled: no PaymentReleased of zero
        assertEq(_escrowLogCount(), 3);
    }

    function test_RevertWhen_CompleteByProvider() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NotClientOrArbiter.selector, provider));
        vm.prank(provider);
        escrow.complete(jobId, REASON, "");
    }

    function test_RevertWhen_CompleteBeforeSubmission() public {
        uint256 jobId = _createAgreementJob();
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Funded));
        vm.prank(client);
        escrow.complete(jobId, REASON, "");
    }

    function test_RevertWhen_SubmitAfterExpiry() public {
        uint256 jobId = _createAgreementJob();
        vm.warp(EXPIRES);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.JobPastExpiry.selector, EXPIRES, EXPIRES));
        vm.prank(provider);
        escrow.submit(jobId, DELIVERABLE, "");
    }

    // ------------------------------------------------------------------ release

    function test_Release_AfterSilentReviewWindow() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.warp(ON_TIME + WINDOW);
        uint256 fee = _fee(PRICE, FEE_BPS);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobCompleted(jobId, address(0), bytes32(0));
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobSettled(jobId, client, providerAgentId, address(usd), PRICE - fee, 0, fee);
        vm.prank(stranger);
        escrow.release(jobId);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Completed);
        assertEq(usd.balanceOf(provider), PRICE - fee);
    }

    function test_Release_AppliesLatePenalty() public {
        uint256 jobId = _submittedAgreementJob(LATE);
        vm.warp(LATE + WINDOW);
        uint256 clientBefore = usd.balanceOf(client);
        escrow.release(jobId);
        uint256 penalty = PRICE * PENALTY_BPS / 10_000;
        assertEq(usd.balanceOf(client), clientBefore + penalty);
        assertEq(usd.balanceOf(provider), PRICE - penalty - _fee(PRICE - penalty, FEE_BPS));
    }

    function test_Release_ZeroWindowPaysAtOnce() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.reviewWindow = 0;
        uint256 jobId = _createAgreementJob(a);
        _submit(jobId);
        escrow.release(jobId);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Completed);
    }

    function test_RevertWhen_ReleaseDuringReviewWindow() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.warp(ON_TIME + WINDOW - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IAgentEscrow.ReviewWindowOpen.selector, ON_TIME + WINDOW, ON_TIME + WINDOW - 1)
        );
        escrow.release(jobId);
    }

    function test_RevertWhen_ReleaseBeforeSubmission() public {
        uint256 jobId = _createAgreementJob();
        vm.warp(EXPIRES);
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Funded));
        escrow.release(jobId);
    }

    function test_RevertWhen_ReleaseDisputed() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.prank(client);
        escrow.dispute(jobId, REASON);
        vm.warp(ON_TIME + WINDOW);
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Disputed));
        escrow.release(jobId);
    }

    // ------------------------------------------------------------------ dispute

    function test_Dispute_WithinReviewWindow() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.warp(ON_TIME + WINDOW - 1);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobDisputed(jobId, client, REASON);
        vm.prank(client);
        escrow.dispute(jobId, REASON);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Disputed);
        assertEq(uint256(escrow.getJob(jobId).disputedAt), ON_TIME + WINDOW - 1);
    }

    function test_RevertWhen_DisputeAfterReviewWindow() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.warp(ON_TIME + WINDOW);
        vm.expectRevert(
            abi.encodeWithSelector(IAgentEscrow.ReviewWindowClosed.selector, ON_TIME + WINDOW, ON_TIME + WINDOW)
        );
        vm.prank(client);
        escrow.dispute(jobId, REASON);
    }

    function test_RevertWhen_DisputeByNonClient() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NotClient.selector, arbiter));
        vm.prank(arbiter);
        escrow.dispute(jobId, REASON);
    }

    function test_RevertWhen_DisputeWithoutArbiter() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.arbiter = address(0);
        uint256 jobId = _createAgreementJob(a);
        _submit(jobId);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NoArbiter.selector, jobId));
        vm.prank(client);
        escrow.dispute(jobId, REASON);
    }

    function test_RevertWhen_DisputeBeforeSubmission() public {
        uint256 jobId = _createAgreementJob();
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Funded));
        vm.prank(client);
        escrow.dispute(jobId, REASON);
    }

    function test_RevertWhen_DisputeTwice() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.prank(client);
        escrow.dispute(jobId, REASON);
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Disputed));
        vm.prank(client);
        escrow.dispute(jobId, REASON);
    }

    // ------------------------------------------------------------------ resolve

    function test_Resolve_SplitsWithoutFeeOrPenalty() public {
        uint256 jobId = _submittedAgreementJob(LATE);
        vm.prank(client);
        escrow.dispute(jobId, REASON);
        uint256 clientBefore = usd.balanceOf(client);
        uint256 toProvider = PRICE * 6000 / 10_000;

        vm.expectEmit(address(escrow));
        emit IAgentEscrow.DisputeResolved(jobId, arbiter, 6000, REASON);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.PaymentReleased(jobId, provider, toProvider);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.Refunded(jobId, client, PRICE - toProvider);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobSettled(jobId, client, providerAgentId, address(usd), toProvider, PRICE - toProvider, 0);
        vm.prank(arbiter);
        escrow.resolve(jobId, 6000, REASON);

        _assertStatus(jobId, IAgentEscrow.JobStatus.Resolved);
        assertEq(usd.balanceOf(provider), toProvider);
        assertEq(usd.balanceOf(client), clientBefore + PRICE - toProvider);
        assertEq(usd.balanceOf(feeRecipient), 0);
    }

    function test_Resolve_AllToOneSide() public {
        uint256 a = _submittedAgreementJob(ON_TIME);
        IAgentEscrow.ServiceAgreement memory terms = _agreement();
        terms.nonce = 2;
        uint256 b = _createAgreementJob(terms);
        _submit(b);
        vm.startPrank(client);
        escrow.dispute(a, REASON);
        escrow.dispute(b, REASON);
        vm.stopPrank();
        uint256 clientBefore = usd.balanceOf(client);
        vm.startPrank(arbiter);
        escrow.resolve(a, 10_000, REASON);
        escrow.resolve(b, 0, REASON);
        vm.stopPrank();
        assertEq(usd.balanceOf(provider), PRICE);
        assertEq(usd.balanceOf(client), clientBefore + PRICE);
    }

    function test_Resolve_JustBeforeTimeout() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.prank(client);
        escrow.dispute(jobId, REASON);
        vm.warp(ON_TIME + 30 days - 1);
        vm.prank(arbiter);
        escrow.resolve(jobId, 5000, REASON);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Resolved);
    }

    function test_RevertWhen_ResolveByNonArbiter() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.prank(client);
        escrow.dispute(jobId, REASON);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NotArbiter.selector, client));
        vm.prank(client);
        escrow.resolve(jobId, 0, REASON);
    }

    function test_RevertWhen_ResolveUndisputed() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Submitted));
        vm.prank(arbiter);
        escrow.resolve(jobId, 5000, REASON);
    }

    function test_RevertWhen_ResolveAbove10000Bps() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.prank(client);
        escrow.dispute(jobId, REASON);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.BpsTooHigh.selector, 10_001, 10_000));
        vm.prank(arbiter);
        escrow.resolve(jobId, 10_001, REASON);
    }

    function test_RevertWhen_ResolveAfterTimeout() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.prank(client);
        escrow.dispute(jobId, REASON);
        vm.warp(ON_TIME + 30 days);
        vm.expectRevert(
            abi.encodeWithSelector(IAgentEscrow.ArbitrationTimedOut.selector, ON_TIME + 30 days, ON_TIME + 30 days)
        );
        vm.prank(arbiter);
        escrow.resolve(jobId, 5000, REASON);
    }

    // ------------------------------------------------------------------ claimRefund on agreement jobs

    function test_ClaimRefund_DisputeTimedOut() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.prank(client);
        escrow.dispute(jobId, REASON);
        uint256 clientBefore = usd.balanceOf(client);
        vm.warp(ON_TIME + 30 days);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobExpired(jobId);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobSettled(jobId, client, providerAgentId, address(usd), 0, PRICE, 0);
        vm.prank(stranger);
        escrow.claimRefund(jobId);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Expired);
        assertEq(usd.balanceOf(client), clientBefore + PRICE);
    }

    function test_RevertWhen_ClaimRefundDuringArbitration() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.prank(client);
        escrow.dispute(jobId, REASON);
        vm.warp(ON_TIME + 30 days - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IAgentEscrow.ArbitrationPending.selector, ON_TIME + 30 days, ON_TIME + 30 days - 1)
        );
        escrow.claimRefund(jobId);
    }

    function test_RevertWhen_ClaimRefundSubmittedAgreementJob() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.warp(EXPIRES + 365 days);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.SubmittedAgreementNotRefundable.selector, jobId));
        escrow.claimRefund(jobId);
    }

    function test_ClaimRefund_UnsubmittedAgreementJobAfterExpiry() public {
        uint256 jobId = _createAgreementJob();
        uint256 clientBefore = usd.balanceOf(client);
        vm.warp(EXPIRES);
        escrow.claimRefund(jobId);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Expired);
        assertEq(usd.balanceOf(client), clientBefore + PRICE);
    }

    function test_RevertWhen_ClaimRefundCompleted() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.prank(client);
        escrow.complete(jobId, REASON, "");
        vm.warp(EXPIRES);
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Completed));
        escrow.claimRefund(jobId);
    }

    // ------------------------------------------------------------------ reject on agreement jobs

    function test_Reject_SubmittedByArbiter() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        uint256 clientBefore = usd.balanceOf(client);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobRejected(jobId, arbiter, REASON);
        vm.prank(arbiter);
        escrow.reject(jobId, REASON, "");
        _assertStatus(jobId, IAgentEscrow.JobStatus.Rejected);
        assertEq(usd.balanceOf(client), clientBefore + PRICE);
    }

    function test_Reject_FundedByProviderWithdrawing() public {
        uint256 jobId = _createAgreementJob();
        uint256 clientBefore = usd.balanceOf(client);
        vm.prank(provider);
        escrow.reject(jobId, REASON, "");
        assertEq(usd.balanceOf(client), clientBefore + PRICE);
    }

    function test_Reject_SubmittedByProvider() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.prank(provider);
        escrow.reject(jobId, REASON, "");
        _assertStatus(jobId, IAgentEscrow.JobStatus.Rejected);
    }

    function test_RevertWhen_RejectAgreementJobByClient() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NotEvaluatorOrProvider.selector, client));
        vm.prank(client);
        escrow.reject(jobId, REASON, "");
    }

    function test_RevertWhen_RejectDisputed() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.prank(client);
        escrow.dispute(jobId, REASON);
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Disputed));
        vm.prank(provider);
        escrow.reject(jobId, REASON, "");
    }

    function test_RevertWhen_RejectResolved() public {
        uint256 jobId = _submittedAgreementJob(ON_TIME);
        vm.prank(client);
        escrow.dispute(jobId, REASON);
        vm.prank(arbiter);
        escrow.resolve(jobId, 1, REASON);
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Resolved));
        vm.prank(arbiter);
        escrow.reject(jobId, REASON, "");
    }
}
