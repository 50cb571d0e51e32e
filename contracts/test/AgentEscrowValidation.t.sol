// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EscrowFixture} from "./utils/EscrowFixture.sol";
import {IAgentEscrow} from "../src/interfaces/IAgentEscrow.sol";

/// @notice Validator-gated settlement against the real ERC-8004 Identity and Validation registries.
contract AgentEscrowValidationTest is EscrowFixture {
    uint256 internal constant SUBMITTED_AT = T0 + 1 hours;
    bytes32 internal constant RESPONSE_HASH = keccak256("validator report");

    /// @dev Creates a validated agreement job (threshold 70), submits it and opens the validation request as the
    /// provider (the agent's owner) with the escrow's request hash.
    function _requestedJob() internal returns (uint256 jobId, bytes32 requestHash) {
        jobId = _createAgreementJob(_validatedAgreement());
        vm.warp(SUBMITTED_AT);
        _submit(jobId);
        requestHash = escrow.validationRequestHash(jobId);
        vm.prank(provider);
        validation.validationRequest(validator, providerAgentId, "ipfs://request", requestHash);
    }

    function _respond(bytes32 requestHash, uint8 response) internal {
        vm.prank(validator);
        validation.validationResponse(requestHash, response, "ipfs://response", RESPONSE_HASH, "hard");
    }

    function test_ValidationRequestHash_BindsChainEscrowJobAndDeliverable() public {
        (uint256 jobId, bytes32 requestHash) = _requestedJob();
        assertEq(requestHash, keccak256(abi.encode(block.chainid, address(escrow), jobId, DELIVERABLE)));
        vm.chainId(10);
        assertTrue(escrow.validationRequestHash(jobId) != requestHash, "chain id bound");
    }

    function test_SettleFromValidation_AboveThresholdPaysProvider() public {
        (uint256 jobId, bytes32 requestHash) = _requestedJob();
        _respond(requestHash, 90);
        uint256 fee = _fee(PRICE, FEE_BPS);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobCompleted(jobId, validator, RESPONSE_HASH);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.PaymentReleased(jobId, provider, PRICE - fee);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobSettled(jobId, client, providerAgentId, address(usd), PRICE - fee, 0, fee);
        vm.prank(stranger);
        escrow.settleFromValidation(jobId);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Completed);
        assertEq(usd.balanceOf(provider), PRICE - fee);
        assertEq(usd.balanceOf(feeRecipient), fee);
    }

    function test_SettleFromValidation_AtThresholdPaysProvider() public {
        (uint256 jobId, bytes32 requestHash) = _requestedJob();
        _respond(requestHash, 70);
        escrow.settleFromValidation(jobId);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Completed);
    }

    function test_SettleFromValidation_BelowThresholdRefundsClient() public {
        (uint256 jobId, bytes32 requestHash) = _requestedJob();
        _respond(requestHash, 69);
        uint256 clientBefore = usd.balanceOf(client);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobRejected(jobId, validator, RESPONSE_HASH);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.Refunded(jobId, client, PRICE);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobSettled(jobId, client, providerAgentId, address(usd), 0, PRICE, 0);
        escrow.settleFromValidation(jobId);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Rejected);
        assertEq(usd.balanceOf(client), clientBefore + PRICE);
        assertEq(usd.balanceOf(provider), 0);
    }

    function test_SettleFromValidation_ReadsLatestAnswer() public {
        (uint256 jobId, bytes32 requestHash) = _requestedJob();
        _respond(requestHash, 95);
        _respond(requestHash, 10);
        escrow.settleFromValidation(jobId);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Rejected);
    }

    function test_SettleFromValidation_LateDeliveryStillPenalised() public {
        uint256 jobId = _createAgreementJob(_validatedAgreement());
        vm.warp(DELIVERY + 1);
        _submit(jobId);
        bytes32 requestHash = escrow.validationRequestHash(jobId);
        vm.prank(provider);
        validation.validationRequest(validator, providerAgentId, "", requestHash);
        _respond(requestHash, 100);
        uint256 clientBefore = usd.balanceOf(client);
        escrow.settleFromValidation(jobId);
        uint256 penalty = PRICE * PENALTY_BPS / 10_000;
        assertEq(usd.balanceOf(client), clientBefore + penalty);
        assertEq(usd.balanceOf(provider), PRICE - penalty - _fee(PRICE - penalty, FEE_BPS));
    }

    function test_SettleFromValidation_ThresholdZeroPassesAnyAnswer() public {
        IAgentEscrow.ServiceAgreement memory a = _validatedAgreement();
        a.validationThreshold = 0;
        uint256 jobId = _createAgreementJob(a);
        _submit(jobId);
        bytes32 requestHash = escrow.validationRequestHash(jobId);
        vm.prank(provider);
        validation.validationRequest(validator, providerAgentId, "", requestHash);
        _respond(requestHash, 0);
        escrow.settleFromValidation(jobId);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Completed);
    }

    function test_RevertWhen_SettleBeforeAnswer() public {
        (uint256 jobId, bytes32 requestHash) = _requestedJob();
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.ValidationPending.selector, requestHash));
        escrow.settleFromValidation(jobId);
    }

    function test_RevertWhen_SettleWithoutRequest() public {
        uint256 jobId = _createAgreementJob(_validatedAgreement());
        _submit(jobId);
        bytes32 requestHash = escrow.validationRequestHash(jobId);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.ValidationNotFound.selector, requestHash));
        escrow.settleFromValidation(jobId);
    }

    function test_RevertWhen_SettleBeforeSubmission() public {
        uint256 jobId = _createAgreementJob(_validatedAgreement());
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Funded));
        escrow.settleFromValidation(jobId);
    }

    function test_RevertWhen_SettleTwice() public {
        (uint256 jobId, bytes32 requestHash) = _requestedJob();
        _respond(requestHash, 90);
        escrow.settleFromValidation(jobId);
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Completed));
        escrow.settleFromValidation(jobId);
    }

    function test_RevertWhen_SettleDisputedJob() public {
        (uint256 jobId, bytes32 requestHash) = _requestedJob();
        vm.prank(client);
        escrow.dispute(jobId, REASON);
        _respond(requestHash, 90);
        vm.expectRevert(_wrongStatus(jobId, IAgentEscrow.JobStatus.Disputed));
        escrow.settleFromValidation(jobId);
    }

    function test_RevertWhen_SettleJobWithoutValidator() public {
        uint256 jobId = _createAgreementJob();
        _submit(jobId);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NoValidator.selector, jobId));
        escrow.settleFromValidation(jobId);
    }

    // ------------------------------------------------------------------ squatting

    function _squat(bytes32 requestHash, address namedValidator) internal {
        address squatter = makeAddr("squatter");
        vm.prank(squatter);
        uint256 squatterAgent = identity.register();
        vm.prank(squatter);
        validation.validationRequest(namedValidator, squatterAgent, "", requestHash);
    }

    function test_RevertWhen_HashSquattedByOtherValidator() public {
        uint256 jobId = _createAgreementJob(_validatedAgreement());
        vm.warp(SUBMITTED_AT);
        _submit(jobId);
        bytes32 requestHash = escrow.validationRequestHash(jobId);
        address puppet = makeAddr("puppetValidator");
        _squat(requestHash, puppet);
        vm.prank(puppet);
        validation.validationResponse(requestHash, 0, "", bytes32(0), "");

        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.ValidatorMismatch.selector, validator, puppet));
        escrow.settleFromValidation(jobId);

        // Settlement falls back to the review window: silence pays the provider.
        vm.warp(SUBMITTED_AT + WINDOW);
        escrow.release(jobId);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Completed);
    }

    function test_RevertWhen_HashSquattedWithOtherAgent() public {
        uint256 jobId = _createAgreementJob(_validatedAgreement());
        _submit(jobId);
        bytes32 requestHash = escrow.validationRequestHash(jobId);
        _squat(requestHash, validator);
        _respond(requestHash, 100);
        vm.expectRevert(
            abi.encodeWithSelector(IAgentEscrow.ValidationAgentMismatch.selector, providerAgentId, providerAgentId + 1)
        );
        escrow.settleFromValidation(jobId);
    }

    function test_Squatted_ClientCanStillDispute() public {
        uint256 jobId = _createAgreementJob(_validatedAgreement());
        vm.warp(SUBMITTED_AT);
        _submit(jobId);
        _squat(escrow.validationRequestHash(jobId), makeAddr("puppetValidator"));
        vm.prank(client);
        escrow.dispute(jobId, REASON);
        vm.prank(arbiter);
        escrow.resolve(jobId, 0, REASON);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Resolved);
    }

    // ------------------------------------------------------------------ release vs. validation

    function test_RevertWhen_ReleaseAfterValidatorAnswered() public {
        (uint256 jobId, bytes32 requestHash) = _requestedJob();
        _respond(requestHash, 10);
        vm.warp(SUBMITTED_AT + WINDOW);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.ValidationAnswered.selector, requestHash));
        vm.prank(provider);
        escrow.release(jobId);
        escrow.settleFromValidation(jobId);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Rejected);
    }

    function test_Release_WhenValidatorSilent() public {
        (uint256 jobId,) = _requestedJob();
        vm.warp(SUBMITTED_AT + WINDOW);
        escrow.release(jobId);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Completed);
    }

    function test_Release_WhenNoRequestOpened() public {
        uint256 jobId = _createAgreementJob(_validatedAgreement());
        vm.warp(SUBMITTED_AT);
        _submit(jobId);
        vm.warp(SUBMITTED_AT + WINDOW);
        escrow.release(jobId);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Completed);
    }
}
