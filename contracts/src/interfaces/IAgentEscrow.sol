// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC5267} from "@openzeppelin/contracts/interfaces/IERC5267.sol";

/// @title Agora AgentEscrow
/// @notice A funded, enforceable job between agents. The lifecycle and the ERC-8183 (Agentic Commerce) functions
/// and events keep the standard's shapes; Agora adds jobs created from an EIP-712 ServiceAgreement signed by both
/// parties, validator-gated settlement through the ERC-8004 Validation Registry, disputes decided by a named
/// arbiter, and late-delivery penalties. Payment is any ERC-20, chosen per job. The rules are in docs/escrow.md.
/// @dev States and transitions (nothing else is possible):
/// Open->Funded (fund) · Open->Rejected (reject by client) · Funded->Submitted (submit) ·
/// Funded->Rejected (reject) · Funded->Expired (claimRefund) · Submitted->Completed (complete, release,
/// settleFromValidation) · Submitted->Rejected (reject, settleFromValidation) · Submitted->Expired (claimRefund,
/// plain jobs) · Submitted->Disputed (dispute) · Disputed->Resolved (resolve) · Disputed->Expired (claimRefund).
interface IAgentEscrow is IERC5267 {
    // ------------------------------------------------------------------ types

    /// @notice Where a job is in its lifecycle. Completed, Rejected, Expired and Resolved are final.
    enum JobStatus {
        Open,
        Funded,
        Submitted,
        Completed,
        Rejected,
        Expired,
        Disputed,
        Resolved
    }

    /// @notice Everything the escrow knows about a job.
    /// @dev Plain ERC-8183 jobs leave the agreement fields zero. For agreement jobs `evaluator` is the arbiter
    /// (zero when the agreement names none), `budget == funded == price`, and `agreementHash` is non-zero.
    struct Job {
        /// @notice Who pays (plain jobs: the creator).
        address client;
        /// @notice After this time an unsubmitted job can only expire; submissions need `now < expiredAt`.
        uint64 expiredAt;
        /// @notice Current state.
        JobStatus status;
        /// @notice The fee in basis points, fixed when the job was funded.
        uint16 feeBps;
        /// @notice Who does the work and is paid (zero until set on a plain job).
        address provider;
        /// @notice When the provider submitted (0 before).
        uint64 submittedAt;
        /// @notice Agreement: share of the price withheld from a late provider and returned to the client.
        uint16 latePenaltyBps;
        /// @notice Agreement: the lowest validator response (0..100) that pays the provider.
        uint8 validationThreshold;
        /// @notice Plain job: the evaluator. Agreement job: the arbiter (zero when none).
        address evaluator;
        /// @notice Agreement: a submission after this time is late (0 for plain jobs).
        uint64 deliveryDeadline;
        /// @notice The ERC-20 the job pays in.
        address token;
        /// @notice Agreement: seconds after submission during which the client may dispute; silence then pays.
        uint64 reviewWindow;
        /// @notice Agreement: the validator whose answer settles the job (zero when none).
        address validator;
        /// @notice When the job was disputed (0 before).
        uint64 disputedAt;
        /// @notice The agreed price.
        uint256 budget;
        /// @notice What the escrow received for this job; the only amount ever paid out or refunded.
        uint256 funded;
        /// @notice Agreement: the provider's ERC-8004 agent id (0 for plain jobs).
        uint256 providerAgentId;
        /// @notice Agreement: the EIP-712 digest both parties signed (zero for plain jobs).
        bytes32 agreementHash;
        /// @notice What the provider submitted (a hash or content reference).
        bytes32 deliverable;
        /// @notice Agreement: the mandate the client signed under (0: none; the client paid itself).
        uint256 mandateId;
    }

    /// @notice The terms a client and a provider sign (EIP-712, domain "AgoraEscrow" version "1").
    /// @dev Field order is the type string's: see SERVICE_AGREEMENT_TYPEHASH.
    struct ServiceAgreement {
        /// @notice The provider's agent in the ERC-8004 Identity Registry.
        uint256 providerAgentId;
        /// @notice Who pays; must sign.
        address client;
        /// @notice The agent's owner or agent wallet; must sign; is paid.
        address provider;
        /// @notice The ERC-20 to pay in.
        address token;
        /// @notice Amount of `token` pulled from the client when the job is created (> 0).
        uint256 price;
        /// @notice A submission after this time is late (`now < deliveryDeadline <= expiredAt`).
        uint64 deliveryDeadline;
        /// @notice Submissions are accepted until this time; an unsubmitted job can then be refunded.
        uint64 expiredAt;
        /// @notice Hash of the deliverable specification.
        bytes32 deliverableSpecHash;
        /// @notice Hash of the SLA / evaluation suite.
        bytes32 slaHash;
        /// @notice Validator whose ERC-8004 answer settles the job; zero for none (then the threshold must be 0).
        address validator;
        /// @notice Lowest validator response (0..100) that pays the provider.
        uint8 validationThreshold;
        /// @notice Decides disputes; required when a validator is named; zero for none.
        address arbiter;
        /// @notice Seconds after submission during which the client may dispute (at most 30 days).
        uint64 reviewWindow;
        /// @notice Basis points of the price withheld from a late provider (at most 10,000).
        uint16 latePenaltyBps;
        /// @notice Single-use per signer; consumed for both the client and the provider.
        uint256 nonce;
        /// @notice The signatures are void after this time.
        uint256 expiry;
        /// @notice The MandateRegistry mandate the client signs under (0: none, the client pays itself). Under a
        /// mandate the principal pays, within the mandate's rules, and gets every refund.
        uint256 mandateId;
    }

    // ------------------------------------------------------------------ ERC-8183 events

    /// @notice A job was created. Agreement jobs emit it too, with evaluator = arbiter and hook = 0.
    event JobCreated(
        uint256 indexed jobId,
        address indexed client,
        address indexed provider,
        address evaluator,
        uint256 expiredAt,
        address hook
    );
    /// @notice The provider of an open plain job was set.
    event ProviderSet(uint256 indexed jobId, address indexed provider);
    /// @notice The budget of an open plain job was set.
    event BudgetSet(uint256 indexed jobId, uint256 amount);
    /// @notice The job was funded with `amount` from the client.
    event JobFunded(uint256 indexed jobId, address indexed client, uint256 amount);
    /// @notice The provider submitted `deliverable`.
    event JobSubmitted(uint256 indexed jobId, address indexed provider, bytes32 deliverable);
    /// @notice The job completed. `evaluator` is who decided: the caller of complete, the validator for
    /// settleFromValidation (reason = its responseHash), or zero for release after a silent review window.
    event JobCompleted(uint256 indexed jobId, address indexed evaluator, bytes32 reason);
    /// @notice The job was rejected by `rejector` (the validator for a failing settleFromValidation).
    event JobRejected(uint256 indexed jobId, address indexed rejector, bytes32 reason);
    /// @notice The job expired through claimRefund.
    event JobExpired(uint256 indexed jobId);
    /// @notice `amount` was paid to the provider (emitted when amount > 0).
    event PaymentReleased(uint256 indexed jobId, address indexed provider, uint256 amount);
    /// @notice `amount` was returned to the payer: the client, or the principal of the job's mandate (emitted when
    /// amount > 0, including a late penalty).
    event Refunded(uint256 indexed jobId, address indexed client, uint256 amount);

    // ------------------------------------------------------------------ Agora events

    /// @notice The ERC-20 a plain job pays in; emitted right after its JobCreated. (JobCreated's ERC-8183 shape
    /// has no token; agreement jobs carry theirs in AgreementJobCreated.) Lets an indexer track escrow balances
    /// per token from logs alone.
    event JobTokenSet(uint256 indexed jobId, address indexed token);

    /// @notice A job was created from a signed agreement; emitted after JobCreated and before JobFunded.
    event AgreementJobCreated(
        uint256 indexed jobId,
        bytes32 indexed agreementHash,
        uint256 indexed providerAgentId,
        address client,
        address provider,
        address token,
        uint256 price,
        address validator,
        uint8 validationThreshold,
        address arbiter,
        uint64 deliveryDeadline,
        uint64 reviewWindow,
        uint16 latePenaltyBps
    );
    /// @notice The client disputed a submitted agreement job.
    event JobDisputed(uint256 indexed jobId, address indexed client, bytes32 reason);
    /// @notice The arbiter decided a dispute: `providerBps` of the funds to the provider, the rest to the client.
    event DisputeResolved(uint256 indexed jobId, address indexed arbiter, uint16 providerBps, bytes32 reason);
    /// @notice Emitted on every settlement (Completed, Rejected after funding, Expired, Resolved): the proof of
    /// payment that feedback can be tied to. `toProvider + toClient + fee == funded`. providerAgentId is 0 for
    /// plain jobs.
    event JobSettled(
        uint256 indexed jobId,
        address indexed client,
        uint256 indexed providerAgentId,
        address token,
        uint256 toProvider,
        uint256 toClient,
        uint256 fee
    );
    /// @notice The principal (or its guardian) terminated a funded job whose mandate was revoked or whose agent
    /// was frozen; emitted after JobRejected, before the refund.
    event JobTerminated(uint256 indexed jobId, uint256 indexed mandateId, address indexed by);
    /// @notice `signer` cancelled `nonce` before using it.
    event NonceInvalidated(address indexed signer, uint256 nonce);
    /// @notice The fee for jobs funded from now on.
    event FeeSet(uint16 feeBps);
    /// @notice The address fees are paid to from now on.
    event FeeRecipientSet(address recipient);

    // ------------------------------------------------------------------ errors

    /// @notice No job has this id.
    error JobNotFound(uint256 jobId);
    /// @notice The job is not in a state that allows the call.
    error WrongStatus(uint256 jobId, JobStatus status);
    /// @notice The caller must be the client.
    error NotClient(address caller);
    /// @notice The caller must be the provider.
    error NotProvider(address caller);
    /// @notice The caller must be the evaluator (plain job).
    error NotEvaluator(address caller);
    /// @notice The caller must be the client or the provider.
    error NotClientOrProvider(address caller);
    /// @notice The caller must be the client or the arbiter (agreement job).
    error NotClientOrArbiter(address caller);
    /// @notice The caller must be the evaluator (arbiter for agreement jobs) or the provider.
    error NotEvaluatorOrProvider(address caller);
    /// @notice The caller must be the arbiter.
    error NotArbiter(address caller);
    /// @notice An address that must be set is zero.
    error ZeroAddress();
    /// @notice Hooks are not supported; `hook` must be zero.
    error HooksNotSupported(address hook);
    /// @notice `expiredAt` must lie in the future.
    error ExpiryNotInFuture(uint256 expiredAt, uint256 now);
    /// @notice `expiredAt` does not fit the job's uint64 timestamp.
    error ExpiryOutOfRange(uint256 expiredAt, uint256 max);
    /// @notice The provider of this job is already set.
    error ProviderAlreadySet(address provider);
    /// @notice fund needs a provider.
    error ProviderNotSet(uint256 jobId);
    /// @notice fund needs a budget above zero.
    error ZeroBudget(uint256 jobId);
    /// @notice The budget differs from what the client expected to pay.
    error BudgetMismatch(uint256 budget, uint256 expected);
    /// @notice The job is past its `expiredAt`; it can only expire.
    error JobPastExpiry(uint256 expiredAt, uint256 now);
    /// @notice claimRefund before `expiredAt`.
    error NotExpired(uint256 expiredAt, uint256 now);
    /// @notice claimRefund on a disputed job before the arbitration timeout.
    error ArbitrationPending(uint256 timeoutAt, uint256 now);
    /// @notice resolve after the arbitration timeout (the job can only be refunded).
    error ArbitrationTimedOut(uint256 timeoutAt, uint256 now);
    /// @notice A submitted agreement job is settled by review, validator or arbiter, never by claimRefund.
    error SubmittedAgreementNotRefundable(uint256 jobId);
    /// @notice The escrow received less than was sent (fee-on-transfer tokens are refused).
    error TransferShortfall(uint256 expected, uint256 received);
    /// @notice The job was not created from an agreement.
    error NotAgreementJob(uint256 jobId);
    /// @notice The agreement names no arbiter, so it cannot be disputed.
    error NoArbiter(uint256 jobId);
    /// @notice The agreement names no validator.
    error NoValidator(uint256 jobId);
    /// @notice release before the review window has ended.
    error ReviewWindowOpen(uint256 endsAt, uint256 now);
    /// @notice dispute after the review window has ended.
    error ReviewWindowClosed(uint256 endsAt, uint256 now);
    /// @notice release while the agreed validator has answered: settleFromValidation decides.
    error ValidationAnswered(bytes32 requestHash);
    /// @notice A split above 10,000 basis points.
    error BpsTooHigh(uint256 bps, uint256 max);
    /// @notice The job has not been submitted, so it has no validation request hash.
    error NotSubmitted(uint256 jobId);
    /// @notice The validation request is unknown to the Validation Registry.
    error ValidationNotFound(bytes32 requestHash);
    /// @notice The validation request names another validator (e.g. the hash was squatted).
    error ValidatorMismatch(address expected, address actual);
    /// @notice The validation request names another agent.
    error ValidationAgentMismatch(uint256 expected, uint256 actual);
    /// @notice The validator has not answered yet.
    error ValidationPending(bytes32 requestHash);
    /// @notice The agreement price is zero.
    error ZeroPrice();
    /// @notice The client and the provider are the same address.
    error ClientIsProvider(address account);
    /// @notice The delivery deadline is not in the future.
    error DeliveryDeadlinePassed(uint256 deliveryDeadline, uint256 now);
    /// @notice The delivery deadline is after `expiredAt`.
    error DeliveryAfterExpiry(uint256 deliveryDeadline, uint256 expiredAt);
    /// @notice A threshold above 100.
    error ThresholdTooHigh(uint8 threshold);
    /// @notice A non-zero threshold without a validator.
    error ThresholdWithoutValidator(uint8 threshold);
    /// @notice A validator without an arbiter: the client would have no recourse if the provider never opens
    /// the validation request.
    error ValidatorWithoutArbiter(address validator);
    /// @notice A review window above the maximum.
    error ReviewWindowTooLong(uint256 reviewWindow, uint256 max);
    /// @notice A late penalty above 10,000 basis points.
    error PenaltyTooHigh(uint256 latePenaltyBps, uint256 max);
    /// @notice The agent id does not fit the escrow's packed storage (the registries number agents from 0 up).
    error AgentIdOutOfRange(uint256 agentId, uint256 max);
    /// @notice The agreement's signatures have expired.
    error AgreementExpired(uint256 expiry, uint256 now);
    /// @notice The signer has used or cancelled this nonce.
    error NonceAlreadyUsed(address signer, uint256 nonce);
    /// @notice The signature is not `signer`'s over the agreement digest (ECDSA or ERC-1271).
    error InvalidSignature(address signer);
    /// @notice The provider is neither the owner nor the agent wallet of the agent (or the agent does not exist).
    error ProviderNotAgent(uint256 agentId, address provider);
    /// @notice The permit failed and the allowance does not cover the price.
    error PermitFailed(address token, address owner, uint256 allowance, uint256 needed);
    /// @notice The job was not funded under a mandate.
    error NotMandateJob(uint256 jobId);
    /// @notice A fee above MAX_FEE_BPS.
    error FeeTooHigh(uint256 feeBps, uint256 max);

    // ------------------------------------------------------------------ ERC-8183 functions

    /// @notice Creates an open job paid in the default token; the caller is the client.
    /// @param provider May be zero and set later with setProvider.
    /// @param evaluator Decides completion or rejection after submission; must be non-zero.
    /// @param expiredAt Must be in the future.
    /// @param description Free text; only its presence in the transaction records it.
    /// @param hook Must be zero (hooks are not supported).
    function createJob(
        address provider,
        address evaluator,
        uint256 expiredAt,
        string calldata description,
        address hook
    ) external returns (uint256 jobId);

    /// @notice Agora's overload of createJob choosing the ERC-20 `token` for this job.
    function createJob(
        address provider,
        address evaluator,
        uint256 expiredAt,
        string calldata description,
        address hook,
        address token
    ) external returns (uint256 jobId);

    /// @notice Sets the provider of an open job whose provider is unset. Caller: the client.
    function setProvider(uint256 jobId, address provider, bytes calldata optParams) external;

    /// @notice Sets the budget of an open job. Caller: the client or the provider.
    function setBudget(uint256 jobId, uint256 amount, bytes calldata optParams) external;

    /// @notice Funds an open job: pulls the budget from the client. Caller: the client. Requires budget > 0, a
    /// provider, `budget == expectedBudget` and `now < expiredAt`. Fixes the job's fee at the current rate.
    function fund(uint256 jobId, uint256 expectedBudget, bytes calldata optParams) external;

    /// @notice Submits the work of a funded job while `now < expiredAt`. Caller: the provider.
    function submit(uint256 jobId, bytes32 deliverable, bytes calldata optParams) external;

    /// @notice Completes a submitted job and pays the provider (less any late penalty and the fee).
    /// Caller: the evaluator (plain job); the client or the arbiter (agreement job).
    function complete(uint256 jobId, bytes32 reason, bytes calldata optParams) external;

    /// @notice Rejects a job. Open: the client (no money moves). Funded or Submitted: the evaluator (the arbiter
    /// for agreement jobs) or the provider (withdrawing); the client is refunded what was funded.
    function reject(uint256 jobId, bytes32 reason, bytes calldata optParams) external;

    /// @notice Refunds the client. Anyone; never blocked. Funded, or Submitted plain job: once
    /// `now >= expiredAt`. Disputed: once `now >= disputedAt + ARBITRATION_TIMEOUT`.
    function claimRefund(uint256 jobId) external;

    // ------------------------------------------------------------------ Agora extensions

    /// @notice Creates and funds a job from an agreement signed by both parties; anyone may send it. Pulls
    /// `price` of `token` from the payer (who must have approved the escrow): the client, or, when the agreement
    /// names a mandate, the mandate's principal after the MandateRegistry has checked and spent the mandate (its
    /// custom errors name the rule that failed). Consumes `nonce` for both signers.
    /// Emits JobCreated, AgreementJobCreated, (MandateSpent), JobFunded.
    function createJobFromAgreement(
        ServiceAgreement calldata agreement,
        bytes calldata clientSignature,
        bytes calldata providerSignature
    ) external returns (uint256 jobId);

    /// @notice As createJobFromAgreement after an ERC-2612 permit from the client to the escrow for exactly
    /// `price`. A permit that fails (e.g. already used by a front-runner) is tolerated if the allowance suffices.
    function createJobFromAgreementWithPermit(
        ServiceAgreement calldata agreement,
        bytes calldata clientSignature,
        bytes calldata providerSignature,
        uint256 permitDeadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external returns (uint256 jobId);

    /// @notice Disputes a submitted agreement job that names an arbiter, within the review window.
    /// Caller: the client.
    function dispute(uint256 jobId, bytes32 reason) external;

    /// @notice Ends a funded, unsubmitted job whose mandate was revoked or whose agent was frozen, refunding the
    /// principal (and its allowance). Caller: the principal or its guardian. Emits JobRejected (reason
    /// "mandate-revoked"), JobTerminated, Refunded, JobSettled.
    function terminate(uint256 jobId) external;

    /// @notice Decides a dispute before the arbitration timeout: `providerBps` of the funds to the provider,
    /// the rest to the client, no fee, no late penalty. Final. Caller: the arbiter.
    function resolve(uint256 jobId, uint16 providerBps, bytes32 reason) external;

    /// @notice Pays the provider of a submitted agreement job once the review window has passed in silence.
    /// Anyone. Reverts if the agreed validator has already answered (settleFromValidation decides then).
    function release(uint256 jobId) external;

    /// @notice Settles a submitted agreement job from the agreed validator's answer to validationRequestHash:
    /// `response >= validationThreshold` completes (pays the provider), below rejects (refunds the client).
    /// Anyone. The request must name the agreed validator and the job's providerAgentId and be answered.
    function settleFromValidation(uint256 jobId) external;

    /// @notice Cancels the caller's `nonce` so no agreement signed with it can be used.
    function invalidateNonce(uint256 nonce) external;

    /// @notice Sets the fee for jobs funded from now on. Owner only.
    function setFee(uint16 newFeeBps) external;

    /// @notice Sets the address fees are paid to (applies to every later settlement). Owner only.
    function setFeeRecipient(address newRecipient) external;

    // ------------------------------------------------------------------ views

    /// @notice Whether `signer` has used or cancelled `nonce`.
    function nonceUsed(address signer, uint256 nonce) external view returns (bool);

    /// @notice The full EIP-712 digest of `agreement` under this escrow's domain: what both parties sign.
    function hashAgreement(ServiceAgreement calldata agreement) external view returns (bytes32 digest);

    /// @notice `keccak256(abi.encode(block.chainid, escrow, jobId, deliverable))`: the hash the provider opens in
    /// the Validation Registry. Reverts before submission.
    function validationRequestHash(uint256 jobId) external view returns (bytes32);

    /// @notice Every field of a job. Reverts for an unknown id.
    function getJob(uint256 jobId) external view returns (Job memory);

    /// @notice The number of jobs created; ids run from 1 to jobCount().
    function jobCount() external view returns (uint256);

    /// @notice The EIP-712 type hash of ServiceAgreement.
    function SERVICE_AGREEMENT_TYPEHASH() external view returns (bytes32);

    /// @notice The highest fee, in basis points (1,000 = 10%).
    function MAX_FEE_BPS() external view returns (uint16);

    /// @notice The longest review window an agreement may name (30 days).
    function MAX_REVIEW_WINDOW() external view returns (uint64);

    /// @notice How long a dispute may stay undecided before anyone can refund the client (30 days).
    function ARBITRATION_TIMEOUT() external view returns (uint64);

    /// @notice The fee for jobs funded from now on, in basis points.
    function feeBps() external view returns (uint16);

    /// @notice Where fees are paid.
    function feeRecipient() external view returns (address);

    /// @notice The ERC-8004 Identity Registry that proves providers.
    function identityRegistry() external view returns (address);

    /// @notice The ERC-8004 Validation Registry that validator-gated jobs settle from.
    function validationRegistry() external view returns (address);

    /// @notice The token of jobs created with the 5-argument createJob.
    function defaultToken() external view returns (address);

    /// @notice The MandateRegistry whose mandates agreements may name.
    function mandateRegistry() external view returns (address);
}
