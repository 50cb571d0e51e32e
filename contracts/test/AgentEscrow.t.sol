// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {EscrowFixture} from "./utils/EscrowFixture.sol";
import {Vm} from "./utils/Test.sol";
import {AgentEscrow} from "../src/AgentEscrow.sol";
import {IAgentEscrow} from "../src/interfaces/IAgentEscrow.sol";
import {MockFeeOnTransferToken} from "./mocks/MockFeeOnTransferToken.sol";
import {MockReentrantToken} from "./mocks/MockReentrantToken.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @notice Deployment, owner controls and the plain ERC-8183 lifecycle.
contract AgentEscrowTest is EscrowFixture {
    // ------------------------------------------------------------------ constructor

    function test_Constructor_WiresEverything() public view {
        assertEq(escrow.identityRegistry(), address(identity));
        assertEq(escrow.validationRegistry(), address(validation));
        assertEq(escrow.defaultToken(), address(usd));
        assertEq(escrow.owner(), owner);
        assertEq(escrow.feeRecipient(), feeRecipient);
        assertEq(uint256(escrow.feeBps()), FEE_BPS);
        assertEq(uint256(escrow.MAX_FEE_BPS()), 1000);
        assertEq(uint256(escrow.MAX_REVIEW_WINDOW()), 30 days);
        assertEq(uint256(escrow.ARBITRATION_TIMEOUT()), 30 days);
        assertEq(escrow.jobCount(), 0);
        assertEq(escrow.SERVICE_AGREEMENT_TYPEHASH(), TYPEHASH_STRING);
        (, string memory name, string memory version, uint256 chainId, address verifyingContract,,) =
            escrow.eip712Domain();
        assertEq(name, "AgoraEscrow");
        assertEq(version, "1");
        assertEq(chainId, block.chainid);
        assertEq(verifyingContract, address(escrow));
    }

    function test_Constructor_EmitsFeeEvents() public {
        vm.expectEmit();
        emit IAgentEscrow.FeeRecipientSet(feeRecipient);
        vm.expectEmit();
        emit IAgentEscrow.FeeSet(7);
        new AgentEscrow(address(identity), address(validation), address(mandates), address(usd), owner, feeRecipient, 7);
    }

    function test_RevertWhen_ConstructorGetsZeroAddress() public {
        address[5] memory good = [address(identity), address(validation), address(mandates), address(usd), feeRecipient];
        for (uint256 i; i < 5; ++i) {
            address[5] memory args = good;
            args[i] = address(0);
            vm.expectRevert(IAgentEscrow.ZeroAddress.selector);
            new AgentEscrow(args[0], args[1], args[2], args[3], owner, args[4], FEE_BPS);
        }
    }

    function test_RevertWhen_ConstructorOwnerIsZero() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableInvalidOwner.selector, address(0)));
        new AgentEscrow(
            address(identity), address(validation), address(mandates), address(usd), address(0), feeRecipient, FEE_BPS
        );
    }

    function test_RevertWhen_ConstructorFeeTooHigh() public {
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.FeeTooHigh.selector, 1001, 1000));
        new AgentEscrow(
            address(identity), address(validation), address(mandates), address(usd), owner, feeRecipient, 1001
        );
    }

    function test_TestUSD_MetadataAndOpenMint() public {
        assertEq(usd.name(), "Test USD");
        assertEq(usd.symbol(), "tUSD");
        assertEq(uint256(usd.decimals()), 6);
        (, string memory name, string memory version,,,,) = usd.eip712Domain();
        assertEq(name, "Test USD", "permit domain name");
        assertEq(version, "1");
        vm.prank(stranger);
        usd.mint(stranger, 5e6);
        assertEq(usd.balanceOf(stranger), 5e6, "anyone may mint");
    }

    // ------------------------------------------------------------------ owner

    function test_SetFee_AppliesToJobsFundedLater() public {
        uint256 before = _fundedPlainJob();
        uint256 open = _createPlainJob();

        vm.expectEmit(address(escrow));
        emit IAgentEscrow.FeeSet(1000);
        vm.prank(owner);
        escrow.setFee(1000);

        assertEq(uint256(escrow.feeBps()), 1000);
        assertEq(uint256(escrow.getJob(before).feeBps), FEE_BPS, "funded job keeps its fee");
        vm.startPrank(client);
        escrow.setBudget(open, PRICE, "");
        escrow.fund(open, PRICE, "");
        vm.stopPrank();
        assertEq(uint256(escrow.getJob(open).feeBps), 1000, "fee fixed at funding");

        _submit(before);
        vm.prank(evaluator);
        escrow.complete(before, REASON, "");
        assertEq(usd.balanceOf(feeRecipient), _fee(PRICE, FEE_BPS), "old rate charged");
    }

    function test_RevertWhen_SetFeeAboveMax() public {
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.FeeTooHigh.selector, 1001, 1000));
        vm.prank(owner);
        escrow.setFee(1001);
    }

    function test_RevertWhen_SetFeeByNonOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        escrow.setFee(1);
    }

    function test_SetFeeRecipient_PaysNewRecipient() public {
        uint256 jobId = _submittedPlainJob();
        address next = makeAddr("nextRecipient");
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.FeeRecipientSet(next);
        vm.prank(owner);
        escrow.setFeeRecipient(next);
        assertEq(escrow.feeRecipient(), next);

        vm.prank(evaluator);
        escrow.complete(jobId, REASON, "");
        assertEq(usd.balanceOf(next), _fee(PRICE, FEE_BPS));
        assertEq(usd.balanceOf(feeRecipient), 0);
    }

    function test_RevertWhen_SetFeeRecipientZero() public {
        vm.expectRevert(IAgentEscrow.ZeroAddress.selector);
        vm.prank(owner);
        escrow.setFeeRecipient(address(0));
    }

    function test_RevertWhen_SetFeeRecipientByNonOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        escrow.setFeeRecipient(stranger);
    }

    function test_Ownership_TransfersInTwoSteps() public {
        address next = makeAddr("nextOwner");
        vm.prank(owner);
        escrow.transferOwnership(next);
        assertEq(escrow.owner(), owner, "still the old owner");
        assertEq(escrow.pendingOwner(), next);
        vm.prank(next);
        escrow.acceptOwnership();
        assertEq(escrow.owner(), next);
        vm.prank(next);
        escrow.setFee(0);
        assertEq(uint256(escrow.feeBps()), 0);
    }

    // ------------------------------------------------------------------ createJob

    function test_CreateJob_UsesDefaultToken() public {
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobCreated(1, client, provider, evaluator, EXPIRES, address(0));
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobTokenSet(1, address(usd));
        uint256 jobId = _createPlainJob();

        assertEq(jobId, 1);
        assertEq(escrow.jobCount(), 1);
        IAgentEscrow.Job memory job = escrow.getJob(jobId);
        assertEq(job.client, client);
        assertEq(job.provider, provider);
        assertEq(job.evaluator, evaluator);
        assertEq(job.token, address(usd));
        assertEq(uint256(job.expiredAt), EXPIRES);
        assertEq(uint256(job.status), uint256(IAgentEscrow.JobStatus.Open));
        assertEq(job.budget, 0);
        assertEq(job.funded, 0);
        assertEq(job.agreementHash, bytes32(0));
        assertEq(job.providerAgentId, 0);
        assertEq(uint256(job.submittedAt), 0);
    }

    function test_CreateJob_WithTokenAndNoProvider() public {
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobCreated(1, client, address(0), evaluator, EXPIRES, address(0));
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobTokenSet(1, address(dai));
        vm.prank(client);
        uint256 jobId = escrow.createJob(address(0), evaluator, EXPIRES, "d", address(0), address(dai));
        assertEq(escrow.getJob(jobId).token, address(dai));
        assertEq(escrow.getJob(jobId).provider, address(0));
        vm.prank(client);
        assertEq(escrow.createJob(provider, evaluator, EXPIRES, "d", address(0)), 2, "ids increase");
    }

    function test_RevertWhen_CreateJobWithHook() public {
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.HooksNotSupported.selector, stranger));
        vm.prank(client);
        escrow.createJob(provider, evaluator, EXPIRES, "d", stranger);
    }

    function test_RevertWhen_CreateJobWithoutEvaluator() public {
        vm.expectRevert(IAgentEscrow.ZeroAddress.selector);
        vm.prank(client);
        escrow.createJob(provider, address(0), EXPIRES, "d", address(0));
    }

    function test_RevertWhen_CreateJobWithZeroToken() public {
        vm.expectRevert(IAgentEscrow.ZeroAddress.selector);
        vm.prank(client);
        escrow.createJob(provider, evaluator, EXPIRES, "d", address(0), address(0));
    }

    function test_RevertWhen_CreateJobExpiryNotInFuture() public {
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.ExpiryNotInFuture.selector, T0, T0));
        vm.prank(client);
        escrow.createJob(provider, evaluator, T0, "d", address(0));
    }

    function test_RevertWhen_CreateJobExpiryOutOfRange() public {
        uint256 tooFar = uint256(type(uint64).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.ExpiryOutOfRange.selector, tooFar, type(uint64).max));
        vm.prank(client);
        escrow.createJob(provider, evaluator, tooFar, "d", address(0));
    }

    // ------------------------------------------------------------------ setProvider

    function test_SetProvider() public {
        vm.prank(client);
        uint256 jobId = escrow.createJob(address(0), evaluator, EXPIRES, "d", address(0));
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.ProviderSet(jobId, provider);
        vm.prank(client);
        escrow.setProvider(jobId, provider, "");
        assertEq(escrow.getJob(jobId).provider, provider);
    }

    function test_RevertWhen_SetProviderNotClient() public {
        vm.prank(client);
        uint256 jobId = escrow.createJob(address(0), evaluator, EXPIRES, "d", address(0));
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NotClient.selector, stranger));
        vm.prank(stranger);
        escrow.setProvider(jobId, provider, "");
    }

    function test_RevertWhen_SetProviderAlreadySet() public {
        uint256 jobId = _createPlainJob();
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.ProviderAlreadySet.selector, provider));
        vm.prank(client);
        escrow.setProvider(jobId, stranger, "");
    }

    function test_RevertWhen_SetProviderZero() public {
        vm.prank(client);
        uint256 jobId = escrow.createJob(address(0), evaluator, EXPIRES, "d", address(0));
        vm.expectRevert(IAgentEscrow.ZeroAddress.selector);
        vm.prank(client);
        escrow.setProvider(jobId, address(0), "");
    }

    function test_RevertWhen_SetProviderNotOpen() public {
        vm.prank(client);
        uint256 jobId = escrow.createJob(address(0), evaluator, EXPIRES, "d", address(0));
        vm.prank(client);
        escrow.reject(jobId, REASON, "");
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Rejected));
        vm.prank(client);
        escrow.setProvider(jobId, provider, "");
    }

    function test_RevertWhen_JobDoesNotExist() public {
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.JobNotFound.selector, 7));
        vm.prank(client);
        escrow.setProvider(7, provider, "");
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.JobNotFound.selector, 0));
        escrow.getJob(0);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.JobNotFound.selector, 3));
        escrow.claimRefund(3);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.JobNotFound.selector, 3));
        escrow.validationRequestHash(3);
    }

    // ------------------------------------------------------------------ setBudget

    function test_SetBudget_ByClientOrProvider() public {
        uint256 jobId = _createPlainJob();
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.BudgetSet(jobId, 5);
        vm.prank(client);
        escrow.setBudget(jobId, 5, "");
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.BudgetSet(jobId, 9);
        vm.prank(provider);
        escrow.setBudget(jobId, 9, "");
        assertEq(escrow.getJob(jobId).budget, 9);
    }

    function test_RevertWhen_SetBudgetByStranger() public {
        uint256 jobId = _createPlainJob();
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NotClientOrProvider.selector, stranger));
        vm.prank(stranger);
        escrow.setBudget(jobId, 5, "");
    }

    function test_RevertWhen_SetBudgetAfterFunding() public {
        uint256 jobId = _fundedPlainJob();
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Funded));
        vm.prank(provider);
        escrow.setBudget(jobId, PRICE * 2, "");
    }

    // ------------------------------------------------------------------ fund

    function test_Fund_PullsBudgetAndFixesFee() public {
        uint256 jobId = _createPlainJob();
        vm.prank(client);
        escrow.setBudget(jobId, PRICE, "");
        uint256 clientBefore = usd.balanceOf(client);

        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobFunded(jobId, client, PRICE);
        vm.prank(client);
        escrow.fund(jobId, PRICE, "");

        IAgentEscrow.Job memory job = escrow.getJob(jobId);
        assertEq(uint256(job.status), uint256(IAgentEscrow.JobStatus.Funded));
        assertEq(job.funded, PRICE);
        assertEq(uint256(job.feeBps), FEE_BPS);
        assertEq(usd.balanceOf(address(escrow)), PRICE);
        assertEq(usd.balanceOf(client), clientBefore - PRICE);
    }

    function test_RevertWhen_FundNotClient() public {
        uint256 jobId = _createPlainJob();
        vm.prank(client);
        escrow.setBudget(jobId, PRICE, "");
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NotClient.selector, provider));
        vm.prank(provider);
        escrow.fund(jobId, PRICE, "");
    }

    function test_RevertWhen_FundTwice() public {
        uint256 jobId = _fundedPlainJob();
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Funded));
        vm.prank(client);
        escrow.fund(jobId, PRICE, "");
    }

    function test_RevertWhen_FundZeroBudget() public {
        uint256 jobId = _createPlainJob();
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.ZeroBudget.selector, jobId));
        vm.prank(client);
        escrow.fund(jobId, 0, "");
    }

    function test_RevertWhen_FundWithoutProvider() public {
        vm.startPrank(client);
        uint256 jobId = escrow.createJob(address(0), evaluator, EXPIRES, "d", address(0));
        escrow.setBudget(jobId, PRICE, "");
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.ProviderNotSet.selector, jobId));
        escrow.fund(jobId, PRICE, "");
        vm.stopPrank();
    }

    function test_RevertWhen_FundBudgetRaisedByProvider() public {
        uint256 jobId = _createPlainJob();
        vm.prank(client);
        escrow.setBudget(jobId, PRICE, "");
        vm.prank(provider);
        escrow.setBudget(jobId, PRICE * 10, "");
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.BudgetMismatch.selector, PRICE * 10, PRICE));
        vm.prank(client);
        escrow.fund(jobId, PRICE, "");
    }

    function test_RevertWhen_FundAfterExpiry() public {
        uint256 jobId = _createPlainJob();
        vm.prank(client);
        escrow.setBudget(jobId, PRICE, "");
        vm.warp(EXPIRES);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.JobPastExpiry.selector, EXPIRES, EXPIRES));
        vm.prank(client);
        escrow.fund(jobId, PRICE, "");
    }

    function test_RevertWhen_FundWithFeeOnTransferToken() public {
        MockFeeOnTransferToken fot = new MockFeeOnTransferToken(100);
        fot.mint(client, PRICE);
        vm.startPrank(client);
        fot.approve(address(escrow), PRICE);
        uint256 jobId = escrow.createJob(provider, evaluator, EXPIRES, "d", address(0), address(fot));
        escrow.setBudget(jobId, PRICE, "");
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.TransferShortfall.selector, PRICE, PRICE * 99 / 100));
        escrow.fund(jobId, PRICE, "");
        vm.stopPrank();
    }

    // ------------------------------------------------------------------ submit

    function test_Submit_RecordsDeliverable() public {
        uint256 jobId = _fundedPlainJob();
        vm.warp(T0 + 100);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobSubmitted(jobId, provider, DELIVERABLE);
        vm.prank(provider);
        escrow.submit(jobId, DELIVERABLE, "");
        IAgentEscrow.Job memory job = escrow.getJob(jobId);
        assertEq(uint256(job.status), uint256(IAgentEscrow.JobStatus.Submitted));
        assertEq(job.deliverable, DELIVERABLE);
        assertEq(uint256(job.submittedAt), T0 + 100);
    }

    function test_RevertWhen_SubmitNotProvider() public {
        uint256 jobId = _fundedPlainJob();
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NotProvider.selector, client));
        vm.prank(client);
        escrow.submit(jobId, DELIVERABLE, "");
    }

    function test_RevertWhen_SubmitUnfunded() public {
        uint256 jobId = _createPlainJob();
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Open));
        vm.prank(provider);
        escrow.submit(jobId, DELIVERABLE, "");
    }

    function test_RevertWhen_SubmitTwice() public {
        uint256 jobId = _submittedPlainJob();
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Submitted));
        vm.prank(provider);
        escrow.submit(jobId, DELIVERABLE, "");
    }

    function test_RevertWhen_SubmitAtExpiry() public {
        uint256 jobId = _fundedPlainJob();
        vm.warp(EXPIRES);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.JobPastExpiry.selector, EXPIRES, EXPIRES));
        vm.prank(provider);
        escrow.submit(jobId, DELIVERABLE, "");
    }

    // ------------------------------------------------------------------ complete

    function test_Complete_PaysProviderLessFee() public {
        uint256 jobId = _submittedPlainJob();
        uint256 fee = _fee(PRICE, FEE_BPS);

        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobCompleted(jobId, evaluator, REASON);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.PaymentReleased(jobId, provider, PRICE - fee);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobSettled(jobId, client, 0, address(usd), PRICE - fee, 0, fee);
        vm.prank(evaluator);
        escrow.complete(jobId, REASON, "");

        _assertStatus(jobId, IAgentEscrow.JobStatus.Completed);
        assertEq(usd.balanceOf(provider), PRICE - fee);
        assertEq(usd.balanceOf(feeRecipient), fee);
        assertEq(usd.balanceOf(address(escrow)), 0);
    }

    function test_Complete_LateSubmissionCarriesNoPenaltyOnPlainJob() public {
        uint256 jobId = _fundedPlainJob();
        vm.warp(EXPIRES - 1);
        _submit(jobId);
        vm.prank(evaluator);
        escrow.complete(jobId, REASON, "");
        assertEq(usd.balanceOf(provider), PRICE - _fee(PRICE, FEE_BPS));
    }

    function test_RevertWhen_CompleteNotEvaluator() public {
        uint256 jobId = _submittedPlainJob();
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NotEvaluator.selector, client));
        vm.prank(client);
        escrow.complete(jobId, REASON, "");
    }

    function test_RevertWhen_CompleteBeforeSubmission() public {
        uint256 jobId = _fundedPlainJob();
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Funded));
        vm.prank(evaluator);
        escrow.complete(jobId, REASON, "");
    }

    // ------------------------------------------------------------------ reject

    function test_Reject_OpenByClientMovesNoMoney() public {
        uint256 jobId = _createPlainJob();
        vm.recordLogs();
        vm.prank(client);
        escrow.reject(jobId, REASON, "");
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(logs.length, 1, "only JobRejected");
        assertEq(logs[0].topics[0], IAgentEscrow.JobRejected.selector);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Rejected);
        assertEq(usd.balanceOf(address(escrow)), 0);
    }

    function test_Reject_OpenEmitsJobRejected() public {
        uint256 jobId = _createPlainJob();
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobRejected(jobId, client, REASON);
        vm.prank(client);
        escrow.reject(jobId, REASON, "");
    }

    function test_RevertWhen_RejectOpenNotClient() public {
        uint256 jobId = _createPlainJob();
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NotClient.selector, evaluator));
        vm.prank(evaluator);
        escrow.reject(jobId, REASON, "");
    }

    function test_Reject_FundedByEvaluatorRefunds() public {
        uint256 jobId = _fundedPlainJob();
        uint256 clientBefore = usd.balanceOf(client);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobRejected(jobId, evaluator, REASON);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.Refunded(jobId, client, PRICE);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobSettled(jobId, client, 0, address(usd), 0, PRICE, 0);
        vm.prank(evaluator);
        escrow.reject(jobId, REASON, "");
        _assertStatus(jobId, IAgentEscrow.JobStatus.Rejected);
        assertEq(usd.balanceOf(client), clientBefore + PRICE);
        assertEq(usd.balanceOf(address(escrow)), 0);
    }

    function test_Reject_FundedByProviderWithdrawing() public {
        uint256 jobId = _fundedPlainJob();
        uint256 clientBefore = usd.balanceOf(client);
        vm.prank(provider);
        escrow.reject(jobId, REASON, "");
        _assertStatus(jobId, IAgentEscrow.JobStatus.Rejected);
        assertEq(usd.balanceOf(client), clientBefore + PRICE);
    }

    function test_Reject_SubmittedByEvaluatorRefunds() public {
        uint256 jobId = _submittedPlainJob();
        uint256 clientBefore = usd.balanceOf(client);
        vm.prank(evaluator);
        escrow.reject(jobId, REASON, "");
        _assertStatus(jobId, IAgentEscrow.JobStatus.Rejected);
        assertEq(usd.balanceOf(client), clientBefore + PRICE);
        assertEq(usd.balanceOf(feeRecipient), 0, "no fee on rejection");
    }

    function test_RevertWhen_RejectFundedByClient() public {
        uint256 jobId = _fundedPlainJob();
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NotEvaluatorOrProvider.selector, client));
        vm.prank(client);
        escrow.reject(jobId, REASON, "");
    }

    function test_RevertWhen_RejectCompleted() public {
        uint256 jobId = _submittedPlainJob();
        vm.prank(evaluator);
        escrow.complete(jobId, REASON, "");
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Completed));
        vm.prank(evaluator);
        escrow.reject(jobId, REASON, "");
    }

    function test_RejectedBudgetIsNeverPaidTwice() public {
        // The known ERC-8183 bug: refunding a budget that was set but never funded. Another job's escrow must
        // stay untouched when an unfunded job with a budget is rejected.
        uint256 funded = _fundedPlainJob();
        uint256 unfunded = _createPlainJob();
        vm.prank(client);
        escrow.setBudget(unfunded, PRICE, "");
        vm.prank(client);
        escrow.reject(unfunded, REASON, "");
        assertEq(usd.balanceOf(address(escrow)), PRICE);
        assertEq(escrow.getJob(unfunded).funded, 0);
        vm.expectRevert(_wrongStatus(unfunded, IAgentEscrow.JobStatus.Rejected));
        escrow.claimRefund(unfunded);
        _assertStatus(funded, IAgentEscrow.JobStatus.Funded);
    }

    // ------------------------------------------------------------------ claimRefund

    function test_ClaimRefund_FundedAfterExpiryByAnyone() public {
        uint256 jobId = _fundedPlainJob();
        uint256 clientBefore = usd.balanceOf(client);
        vm.warp(EXPIRES);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobExpired(jobId);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.Refunded(jobId, client, PRICE);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobSettled(jobId, client, 0, address(usd), 0, PRICE, 0);
        vm.prank(stranger);
        escrow.claimRefund(jobId);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Expired);
        assertEq(usd.balanceOf(client), clientBefore + PRICE);
    }

    function test_ClaimRefund_SubmittedPlainJobAfterExpiry() public {
        uint256 jobId = _submittedPlainJob();
        uint256 clientBefore = usd.balanceOf(client);
        vm.warp(EXPIRES);
        vm.prank(stranger);
        escrow.claimRefund(jobId);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Expired);
        assertEq(usd.balanceOf(client), clientBefore + PRICE);
    }

    function test_RevertWhen_ClaimRefundBeforeExpiry() public {
        uint256 jobId = _fundedPlainJob();
        vm.warp(EXPIRES - 1);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NotExpired.selector, EXPIRES, EXPIRES - 1));
        escrow.claimRefund(jobId);
    }

    function test_RevertWhen_ClaimRefundOpen() public {
        uint256 jobId = _createPlainJob();
        vm.warp(EXPIRES);
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Open));
        escrow.claimRefund(jobId);
    }

    function test_RevertWhen_ClaimRefundTwice() public {
        uint256 jobId = _fundedPlainJob();
        vm.warp(EXPIRES);
        escrow.claimRefund(jobId);
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Expired));
        escrow.claimRefund(jobId);
    }

    // ------------------------------------------------------------------ plain jobs and Agora-only calls

    function test_RevertWhen_AgreementOnlyCallsOnPlainJob() public {
        uint256 jobId = _submittedPlainJob();
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NotAgreementJob.selector, jobId));
        escrow.release(jobId);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NotAgreementJob.selector, jobId));
        vm.prank(client);
        escrow.dispute(jobId, REASON);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NoValidator.selector, jobId));
        escrow.settleFromValidation(jobId);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NotArbiter.selector, client));
        vm.prank(client);
        escrow.resolve(jobId, 5000, REASON);
    }

    function test_ValidationRequestHash_RequiresSubmission() public {
        uint256 jobId = _fundedPlainJob();
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NotSubmitted.selector, jobId));
        escrow.validationRequestHash(jobId);
        _submit(jobId);
        assertEq(
            escrow.validationRequestHash(jobId),
            keccak256(abi.encode(block.chainid, address(escrow), jobId, DELIVERABLE))
        );
    }

    // ------------------------------------------------------------------ reentrancy

    function test_RevertWhen_TokenReentersOnPayout() public {
        MockReentrantToken rt = new MockReentrantToken();
        rt.mint(client, PRICE * 2);
        vm.startPrank(client);
        rt.approve(address(escrow), type(uint256).max);
        uint256 a = escrow.createJob(provider, evaluator, EXPIRES, "a", address(0), address(rt));
        uint256 b = escrow.createJob(provider, evaluator, EXPIRES, "b", address(0), address(rt));
        escrow.setBudget(a, PRICE, "");
        escrow.setBudget(b, PRICE, "");
        escrow.fund(a, PRICE, "");
        escrow.fund(b, PRICE, "");
        vm.stopPrank();
        vm.warp(EXPIRES);

        // While paying job a's refund, the token tries to claim job b's refund as well.
        rt.arm(address(escrow), abi.encodeCall(IAgentEscrow.claimRefund, (b)));
        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        escrow.claimRefund(a);
        _assertStatus(a, IAgentEscrow.JobStatus.Funded);
        assertEq(rt.balanceOf(address(escrow)), PRICE * 2);
    }

    function test_RevertWhen_TokenReentersOnFunding() public {
        MockReentrantToken rt = new MockReentrantToken();
        rt.mint(client, PRICE * 2);
        vm.startPrank(client);
        rt.approve(address(escrow), type(uint256).max);
        uint256 a = escrow.createJob(provider, evaluator, EXPIRES, "a", address(0), address(rt));
        escrow.setBudget(a, PRICE, "");
        vm.stopPrank();

        rt.arm(address(escrow), abi.encodeCall(IAgentEscrow.fund, (a, PRICE, bytes(""))));
        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        vm.prank(client);
        escrow.fund(a, PRICE, "");
    }
}
