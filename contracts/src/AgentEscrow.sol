// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IAgentEscrow} from "./interfaces/IAgentEscrow.sol";
import {IMandateRegistry} from "./interfaces/IMandateRegistry.sol";
import {AgentSignature} from "./libraries/AgentSignature.sol";
import {IIdentityRegistry} from "./interfaces/IIdentityRegistry.sol";
import {IValidationRegistry} from "./interfaces/IValidationRegistry.sol";

/// @title AgentEscrow
/// @notice Agora's job escrow: the ERC-8183 lifecycle plus signed service agreements, validator-gated
/// settlement, arbitrated disputes, late-delivery penalties, and mandates: an agreement that names a mandate is
/// paid by the mandate's principal within what the MandateRegistry allows, and every refund goes back to the
/// principal and its allowance. Rules: docs/escrow.md and docs/governance.md.
/// @dev Not upgradeable. The owner can only change the fee rate (for jobs funded later) and the fee recipient;
/// it has no power over running jobs.
// Deadlines here are hours to days apart, so a block producer's few seconds of timestamp drift do not matter.
// forge-lint: disable-next-item(block-timestamp)
contract AgentEscrow is IAgentEscrow, EIP712, Ownable2Step, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @inheritdoc IAgentEscrow
    bytes32 public constant SERVICE_AGREEMENT_TYPEHASH = keccak256(
        "ServiceAgreement(uint256 providerAgentId,address client,address provider,address token,uint256 price,"
        "uint64 deliveryDeadline,uint64 expiredAt,bytes32 deliverableSpecHash,bytes32 slaHash,address validator,"
        "uint8 validationThreshold,address arbiter,uint64 reviewWindow,uint16 latePenaltyBps,uint256 nonce,"
        "uint256 expiry,uint256 mandateId)"
    );
    /// @inheritdoc IAgentEscrow
    uint16 public constant MAX_FEE_BPS = 1000;
    /// @inheritdoc IAgentEscrow
    uint64 public constant MAX_REVIEW_WINDOW = 30 days;
    /// @inheritdoc IAgentEscrow
    uint64 public constant ARBITRATION_TIMEOUT = 30 days;

    uint256 private constant BPS = 10_000;
    /// @dev The reason JobRejected carries when a principal terminates a job under a revoked mandate.
    bytes32 private constant MANDATE_REVOKED = "mandate-revoked";
    uint8 private constant MAX_RESPONSE = 100;

    IIdentityRegistry private immutable _identity;
    IValidationRegistry private immutable _validation;
    IMandateRegistry private immutable _mandates;
    address private immutable _defaultToken;

    /// @inheritdoc IAgentEscrow
    uint16 public feeBps;
    /// @inheritdoc IAgentEscrow
    address public feeRecipient;
    /// @inheritdoc IAgentEscrow
    uint256 public jobCount;

    /// @dev A job packed into eight slots; getJob expands it into the interface's Job. `funded` is a flag: a
    /// funded job holds exactly its budget (shortfalls are refused and the budget is frozen once funded).
    /// `mandateId` and `mandatePeriod` ride in slots that job creation writes anyway, so a mandate adds no slot.
    struct StoredJob {
        // slot 0
        address client;
        uint64 expiredAt;
        JobStatus status;
        uint16 feeBps;
        bool funded;
        // slot 1
        address provider;
        uint40 submittedAt;
        uint16 latePenaltyBps;
        uint8 validationThreshold;
        uint32 mandatePeriod;
        // slot 2
        address evaluator;
        uint64 deliveryDeadline;
        uint32 mandateId;
        // slot 3
        address token;
        uint32 reviewWindow;
        uint64 disputedAt;
        // slot 4
        address validator;
        uint96 providerAgentId;
        // slots 5-7
        uint256 budget;
        bytes32 agreementHash;
        bytes32 deliverable;
    }

    mapping(uint256 jobId => StoredJob) private _jobs;
    /// @dev Unordered nonces as bitmaps: bit `nonce & 255` of word `nonce >> 8`, so nearby nonces share a slot.
    mapping(address signer => mapping(uint256 word => uint256 bits)) private _nonceBitmap;

    constructor(
        address identityRegistry_,
        address validationRegistry_,
        address mandateRegistry_,
        address defaultToken_,
        address owner_,
        address feeRecipient_,
        uint16 feeBps_
    ) EIP712("AgoraEscrow", "1") Ownable(owner_) {
        if (
            identityRegistry_ == address(0) || validationRegistry_ == address(0) || mandateRegistry_ == address(0)
                || defaultToken_ == address(0) || feeRecipient_ == address(0)
        ) revert ZeroAddress();
        if (feeBps_ > MAX_FEE_BPS) revert FeeTooHigh(feeBps_, MAX_FEE_BPS);
        _identity = IIdentityRegistry(identityRegistry_);
        _validation = IValidationRegistry(validationRegistry_);
        _mandates = IMandateRegistry(mandateRegistry_);
        _defaultToken = defaultToken_;
        feeRecipient = feeRecipient_;
        feeBps = feeBps_;
        emit FeeRecipientSet(feeRecipient_);
        emit FeeSet(feeBps_);
    }

    // ------------------------------------------------------------------ ERC-8183: plain jobs

    /// @inheritdoc IAgentEscrow
    function createJob(
        address provider,
        address evaluator,
        uint256 expiredAt,
        string calldata, /* description */
        address hook
    )
        external
        returns (uint256 jobId)
    {
        return _createJob(provider, evaluator, expiredAt, hook, _defaultToken);
    }

    /// @inheritdoc IAgentEscrow
    function createJob(
        address provider,
        address evaluator,
        uint256 expiredAt,
        string calldata, /* description */
        address hook,
        address token
    ) external returns (uint256 jobId) {
        return _createJob(provider, evaluator, expiredAt, hook, token);
    }

    /// @inheritdoc IAgentEscrow
    function setProvider(uint256 jobId, address provider, bytes calldata) external {
        StoredJob storage job = _job(jobId);
        if (msg.sender != job.client) revert NotClient(msg.sender);
        _requireStatus(jobId, job.status, JobStatus.Open);
        if (job.provider != address(0)) revert ProviderAlreadySet(job.provider);
        if (provider == address(0)) revert ZeroAddress();
        job.provider = provider;
        emit ProviderSet(jobId, provider);
    }

    /// @inheritdoc IAgentEscrow
    function setBudget(uint256 jobId, uint256 amount, bytes calldata) external {
        StoredJob storage job = _job(jobId);
        if (msg.sender != job.client && msg.sender != job.provider) revert NotClientOrProvider(msg.sender);
        _requireStatus(jobId, job.status, JobStatus.Open);
        job.budget = amount;
        emit BudgetSet(jobId, amount);
    }

    /// @inheritdoc IAgentEscrow
    function fund(uint256 jobId, uint256 expectedBudget, bytes calldata) external nonReentrant {
        StoredJob storage job = _job(jobId);
        address client = job.client;
        if (msg.sender != client) revert NotClient(msg.sender);
        _requireStatus(jobId, job.status, JobStatus.Open);
        uint256 budget = job.budget;
        if (budget == 0) revert ZeroBudget(jobId);
        if (job.provider == address(0)) revert ProviderNotSet(jobId);
        if (budget != expectedBudget) revert BudgetMismatch(budget, expectedBudget);
        if (block.timestamp >= job.expiredAt) revert JobPastExpiry(job.expiredAt, block.timestamp);

        job.status = JobStatus.Funded;
        job.feeBps = feeBps;
        job.funded = true;
        _pull(job.token, client, budget);
        emit JobFunded(jobId, client, budget);
    }

    /// @inheritdoc IAgentEscrow
    function submit(uint256 jobId, bytes32 deliverable, bytes calldata) external {
        StoredJob storage job = _job(jobId);
        if (msg.sender != job.provider) revert NotProvider(msg.sender);
        _requireStatus(jobId, job.status, JobStatus.Funded);
        if (block.timestamp >= job.expiredAt) revert JobPastExpiry(job.expiredAt, block.timestamp);
        job.status = JobStatus.Submitted;
        job.submittedAt = uint40(block.timestamp);
        job.deliverable = deliverable;
        emit JobSubmitted(jobId, msg.sender, deliverable);
    }

    /// @inheritdoc IAgentEscrow
    function complete(uint256 jobId, bytes32 reason, bytes calldata) external nonReentrant {
        StoredJob storage job = _job(jobId);
        if (job.agreementHash == bytes32(0)) {
            if (msg.sender != job.evaluator) revert NotEvaluator(msg.sender);
        } else if (msg.sender != job.client && msg.sender != job.evaluator) {
            revert NotClientOrArbiter(msg.sender);
        }
        _requireStatus(jobId, job.status, JobStatus.Submitted);
        _complete(jobId, job, msg.sender, reason);
    }

    /// @inheritdoc IAgentEscrow
    function reject(uint256 jobId, bytes32 reason, bytes calldata) external nonReentrant {
        StoredJob storage job = _job(jobId);
        JobStatus status = job.status;
        if (status == JobStatus.Open) {
            if (msg.sender != job.client) revert NotClient(msg.sender);
            job.status = JobStatus.Rejected;
            emit JobRejected(jobId, msg.sender, reason);
            return;
        }
        if (status != JobStatus.Funded && status != JobStatus.Submitted) revert WrongStatus(jobId, status);
        if (msg.sender != job.evaluator && msg.sender != job.provider) revert NotEvaluatorOrProvider(msg.sender);
        job.status = JobStatus.Rejected;
        emit JobRejected(jobId, msg.sender, reason);
        _refundAll(jobId, job);
    }

    /// @inheritdoc IAgentEscrow
    function claimRefund(uint256 jobId) external nonReentrant {
        StoredJob storage job = _job(jobId);
        JobStatus status = job.status;
        if (status == JobStatus.Funded || status == JobStatus.Submitted) {
            if (status == JobStatus.Submitted && job.agreementHash != bytes32(0)) {
                revert SubmittedAgreementNotRefundable(jobId);
            }
            if (block.timestamp < job.expiredAt) revert NotExpired(job.expiredAt, block.timestamp);
        } else if (status == JobStatus.Disputed) {
            uint256 timeoutAt = uint256(job.disputedAt) + ARBITRATION_TIMEOUT;
            if (block.timestamp < timeoutAt) revert ArbitrationPending(timeoutAt, block.timestamp);
        } else {
            revert WrongStatus(jobId, status);
        }
        job.status = JobStatus.Expired;
        emit JobExpired(jobId);
        _refundAll(jobId, job);
    }

    // ------------------------------------------------------------------ agreements

    /// @inheritdoc IAgentEscrow
    function createJobFromAgreement(
        ServiceAgreement calldata agreement,
        bytes calldata clientSignature,
        bytes calldata providerSignature
    ) external nonReentrant returns (uint256 jobId) {
        jobId = _createFromAgreement(agreement, clientSignature, providerSignature);
    }

    /// @inheritdoc IAgentEscrow
    function createJobFromAgreementWithPermit(
        ServiceAgreement calldata agreement,
        bytes calldata clientSignature,
        bytes calldata providerSignature,
        uint256 permitDeadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external nonReentrant returns (uint256 jobId) {
        // The payer signs the permit: the client, or the principal of the mandate the agreement names.
        address payer =
            agreement.mandateId == 0 ? agreement.client : _mandates.getMandate(agreement.mandateId).principal;
        try IERC20Permit(agreement.token).permit(payer, address(this), agreement.price, permitDeadline, v, r, s) {}
        catch {
            // Someone may have used the permit first (front-running); go on if the allowance is there.
            uint256 allowance = IERC20(agreement.token).allowance(payer, address(this));
            if (allowance < agreement.price) revert PermitFailed(agreement.token, payer, allowance, agreement.price);
        }
        jobId = _createFromAgreement(agreement, clientSignature, providerSignature);
    }

    /// @inheritdoc IAgentEscrow
    function dispute(uint256 jobId, bytes32 reason) external {
        StoredJob storage job = _job(jobId);
        if (job.agreementHash == bytes32(0)) revert NotAgreementJob(jobId);
        if (msg.sender != job.client) revert NotClient(msg.sender);
        if (job.evaluator == address(0)) revert NoArbiter(jobId);
        _requireStatus(jobId, job.status, JobStatus.Submitted);
        uint256 endsAt = uint256(job.submittedAt) + job.reviewWindow;
        if (block.timestamp >= endsAt) revert ReviewWindowClosed(endsAt, block.timestamp);
        job.status = JobStatus.Disputed;
        job.disputedAt = uint64(block.timestamp);
        emit JobDisputed(jobId, msg.sender, reason);
    }

    /// @inheritdoc IAgentEscrow
    function terminate(uint256 jobId) external nonReentrant {
        StoredJob storage job = _job(jobId);
        uint256 mandateId = job.mandateId;
        if (mandateId == 0) revert NotMandateJob(jobId);
        _requireStatus(jobId, job.status, JobStatus.Funded);
        _mandates.checkTermination(mandateId, msg.sender);
        job.status = JobStatus.Rejected;
        emit JobRejected(jobId, msg.sender, MANDATE_REVOKED);
        emit JobTerminated(jobId, mandateId, msg.sender);
        _refundAll(jobId, job);
    }

    /// @inheritdoc IAgentEscrow
    function resolve(uint256 jobId, uint16 providerBps, bytes32 reason) external nonReentrant {
        StoredJob storage job = _job(jobId);
        // Only agreement jobs can be Disputed, and their evaluator field holds the arbiter.
        if (msg.sender != job.evaluator) revert NotArbiter(msg.sender);
        _requireStatus(jobId, job.status, JobStatus.Disputed);
        if (providerBps > BPS) revert BpsTooHigh(providerBps, BPS);
        uint256 timeoutAt = uint256(job.disputedAt) + ARBITRATION_TIMEOUT;
        if (block.timestamp >= timeoutAt) revert ArbitrationTimedOut(timeoutAt, block.timestamp);

        job.status = JobStatus.Resolved;
        uint256 funded = job.budget;
        uint256 toProvider = funded * providerBps / BPS;
        uint256 toClient = funded - toProvider;
        emit DisputeResolved(jobId, msg.sender, providerBps, reason);
        _payout(jobId, job, toProvider, toClient, 0);
    }

    /// @inheritdoc IAgentEscrow
    function release(uint256 jobId) external nonReentrant {
        StoredJob storage job = _job(jobId);
        if (job.agreementHash == bytes32(0)) revert NotAgreementJob(jobId);
        _requireStatus(jobId, job.status, JobStatus.Submitted);
        uint256 endsAt = uint256(job.submittedAt) + job.reviewWindow;
        if (block.timestamp < endsAt) revert ReviewWindowOpen(endsAt, block.timestamp);
        if (job.validator != address(0)) {
            bytes32 requestHash = _requestHash(jobId, job.deliverable);
            (bool found, address validator, uint256 agentId,,, uint256 lastUpdate) = _validationStatus(requestHash);
            if (found && validator == job.validator && agentId == job.providerAgentId && lastUpdate != 0) {
                revert ValidationAnswered(requestHash);
            }
        }
        _complete(jobId, job, address(0), bytes32(0));
    }

    /// @inheritdoc IAgentEscrow
    function settleFromValidation(uint256 jobId) external nonReentrant {
        StoredJob storage job = _job(jobId);
        if (job.validator == address(0)) revert NoValidator(jobId);
        _requireStatus(jobId, job.status, JobStatus.Submitted);
        bytes32 requestHash = _requestHash(jobId, job.deliverable);
        (bool found, address validator, uint256 agentId, uint8 response, bytes32 responseHash, uint256 lastUpdate) =
            _validationStatus(requestHash);
        if (!found) revert ValidationNotFound(requestHash);
        if (validator != job.validator) revert ValidatorMismatch(job.validator, validator);
        if (agentId != job.providerAgentId) revert ValidationAgentMismatch(job.providerAgentId, agentId);
        if (lastUpdate == 0) revert ValidationPending(requestHash);

        if (response >= job.validationThreshold) {
            _complete(jobId, job, validator, responseHash);
        } else {
            job.status = JobStatus.Rejected;
            emit JobRejected(jobId, validator, responseHash);
            _refundAll(jobId, job);
        }
    }

    /// @inheritdoc IAgentEscrow
    function invalidateNonce(uint256 nonce) external {
        _useNonce(msg.sender, nonce);
        emit NonceInvalidated(msg.sender, nonce);
    }

    // ------------------------------------------------------------------ owner

    /// @inheritdoc IAgentEscrow
    function setFee(uint16 newFeeBps) external onlyOwner {
        if (newFeeBps > MAX_FEE_BPS) revert FeeTooHigh(newFeeBps, MAX_FEE_BPS);
        feeBps = newFeeBps;
        emit FeeSet(newFeeBps);
    }

    /// @inheritdoc IAgentEscrow
    function setFeeRecipient(address newRecipient) external onlyOwner {
        if (newRecipient == address(0)) revert ZeroAddress();
        feeRecipient = newRecipient;
        emit FeeRecipientSet(newRecipient);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IAgentEscrow
    function nonceUsed(address signer, uint256 nonce) external view returns (bool) {
        // forge-lint: disable-next-line(incorrect-shift)
        return _nonceBitmap[signer][nonce >> 8] & (1 << (nonce & 0xff)) != 0;
    }

    /// @inheritdoc IAgentEscrow
    function hashAgreement(ServiceAgreement calldata agreement) public view returns (bytes32 digest) {
        return _hashTypedDataV4(keccak256(abi.encode(SERVICE_AGREEMENT_TYPEHASH, agreement)));
    }

    /// @inheritdoc IAgentEscrow
    function validationRequestHash(uint256 jobId) external view returns (bytes32) {
        StoredJob storage job = _job(jobId);
        if (job.submittedAt == 0) revert NotSubmitted(jobId);
        return _requestHash(jobId, job.deliverable);
    }

    /// @inheritdoc IAgentEscrow
    function getJob(uint256 jobId) external view returns (Job memory) {
        StoredJob storage s = _job(jobId);
        return Job({
            client: s.client,
            expiredAt: s.expiredAt,
            status: s.status,
            feeBps: s.feeBps,
            provider: s.provider,
            submittedAt: s.submittedAt,
            latePenaltyBps: s.latePenaltyBps,
            validationThreshold: s.validationThreshold,
            evaluator: s.evaluator,
            deliveryDeadline: s.deliveryDeadline,
            token: s.token,
            reviewWindow: s.reviewWindow,
            validator: s.validator,
            disputedAt: s.disputedAt,
            budget: s.budget,
            funded: s.funded ? s.budget : 0,
            providerAgentId: s.providerAgentId,
            agreementHash: s.agreementHash,
            deliverable: s.deliverable,
            mandateId: s.mandateId
        });
    }

    /// @inheritdoc IAgentEscrow
    function identityRegistry() external view returns (address) {
        return address(_identity);
    }

    /// @inheritdoc IAgentEscrow
    function validationRegistry() external view returns (address) {
        return address(_validation);
    }

    /// @inheritdoc IAgentEscrow
    function defaultToken() external view returns (address) {
        return _defaultToken;
    }

    /// @inheritdoc IAgentEscrow
    function mandateRegistry() external view returns (address) {
        return address(_mandates);
    }

    // ------------------------------------------------------------------ internals

    function _job(uint256 jobId) private view returns (StoredJob storage job) {
        job = _jobs[jobId];
        if (job.client == address(0)) revert JobNotFound(jobId);
    }

    function _requireStatus(uint256 jobId, JobStatus actual, JobStatus expected) private pure {
        if (actual != expected) revert WrongStatus(jobId, actual);
    }

    function _createJob(address provider, address evaluator, uint256 expiredAt, address hook, address token)
        private
        returns (uint256 jobId)
    {
        if (hook != address(0)) revert HooksNotSupported(hook);
        if (evaluator == address(0) || token == address(0)) revert ZeroAddress();
        if (expiredAt <= block.timestamp) revert ExpiryNotInFuture(expiredAt, block.timestamp);
        if (expiredAt > type(uint64).max) revert ExpiryOutOfRange(expiredAt, type(uint64).max);
        jobId = ++jobCount;
        StoredJob storage job = _jobs[jobId];
        job.client = msg.sender;
        // casting to 'uint64' is safe because expiredAt <= type(uint64).max was checked above
        // forge-lint: disable-next-line(unsafe-typecast)
        job.expiredAt = uint64(expiredAt);
        job.provider = provider;
        job.evaluator = evaluator;
        job.token = token;
        emit JobCreated(jobId, msg.sender, provider, evaluator, expiredAt, address(0));
        emit JobTokenSet(jobId, token);
    }

    function _createFromAgreement(
        ServiceAgreement calldata a,
        bytes calldata clientSignature,
        bytes calldata providerSignature
    ) private returns (uint256 jobId) {
        _checkTerms(a);
        bytes32 digest = hashAgreement(a);
        _useNonce(a.client, a.nonce);
        _useNonce(a.provider, a.nonce);
        if (!AgentSignature.isValidNow(a.client, digest, clientSignature)) {
            revert InvalidSignature(a.client);
        }
        if (!AgentSignature.isValidNow(a.provider, digest, providerSignature)) {
            revert InvalidSignature(a.provider);
        }
        _checkProviderIsAgent(a.providerAgentId, a.provider);

        jobId = ++jobCount;
        address payer = a.client;
        uint32 mandatePeriod;
        if (a.mandateId != 0) {
            (payer, mandatePeriod) = _mandates.spend(
                a.mandateId, jobId, a.client, a.providerAgentId, a.deliverableSpecHash, a.token, a.price, digest
            );
        }
        StoredJob storage job = _jobs[jobId];
        job.client = a.client;
        job.expiredAt = a.expiredAt;
        job.status = JobStatus.Funded;
        job.feeBps = feeBps;
        job.provider = a.provider;
        job.latePenaltyBps = a.latePenaltyBps;
        job.validationThreshold = a.validationThreshold;
        job.evaluator = a.arbiter;
        job.deliveryDeadline = a.deliveryDeadline;
        job.token = a.token;
        // reviewWindow <= MAX_REVIEW_WINDOW and providerAgentId <= uint96 max were checked in _checkTerms.
        job.reviewWindow = uint32(a.reviewWindow);
        job.validator = a.validator;
        job.providerAgentId = uint96(a.providerAgentId);
        job.budget = a.price;
        job.funded = true;
        job.agreementHash = digest;
        if (a.mandateId != 0) {
            // The registry only spends mandates it holds, and it numbers them in 32 bits.
            // forge-lint: disable-next-line(unsafe-typecast)
            job.mandateId = uint32(a.mandateId);
            job.mandatePeriod = mandatePeriod;
        }

        emit JobCreated(jobId, a.client, a.provider, a.arbiter, a.expiredAt, address(0));
        emit AgreementJobCreated(
            jobId,
            digest,
            a.providerAgentId,
            a.client,
            a.provider,
            a.token,
            a.price,
            a.validator,
            a.validationThreshold,
            a.arbiter,
            a.deliveryDeadline,
            a.reviewWindow,
            a.latePenaltyBps
        );
        _pull(a.token, payer, a.price);
        emit JobFunded(jobId, payer, a.price);
    }

    function _checkTerms(ServiceAgreement calldata a) private view {
        if (a.price == 0) revert ZeroPrice();
        if (a.client == address(0) || a.provider == address(0) || a.token == address(0)) revert ZeroAddress();
        if (a.client == a.provider) revert ClientIsProvider(a.client);
        if (a.deliveryDeadline <= block.timestamp) revert DeliveryDeadlinePassed(a.deliveryDeadline, block.timestamp);
        if (a.deliveryDeadline > a.expiredAt) revert DeliveryAfterExpiry(a.deliveryDeadline, a.expiredAt);
        if (a.validationThreshold > MAX_RESPONSE) revert ThresholdTooHigh(a.validationThreshold);
        if (a.validator == address(0)) {
            if (a.validationThreshold != 0) revert ThresholdWithoutValidator(a.validationThreshold);
        } else if (a.arbiter == address(0)) {
            revert ValidatorWithoutArbiter(a.validator);
        }
        if (a.reviewWindow > MAX_REVIEW_WINDOW) revert ReviewWindowTooLong(a.reviewWindow, MAX_REVIEW_WINDOW);
        if (a.latePenaltyBps > BPS) revert PenaltyTooHigh(a.latePenaltyBps, BPS);
        if (a.providerAgentId > type(uint96).max) revert AgentIdOutOfRange(a.providerAgentId, type(uint96).max);
        if (block.timestamp > a.expiry) revert AgreementExpired(a.expiry, block.timestamp);
    }

    function _checkProviderIsAgent(uint256 agentId, address provider) private view {
        address owner_;
        try _identity.ownerOf(agentId) returns (address o) {
            owner_ = o;
        } catch {
            revert ProviderNotAgent(agentId, provider);
        }
        if (provider != owner_ && provider != _identity.getAgentWallet(agentId)) {
            revert ProviderNotAgent(agentId, provider);
        }
    }

    function _useNonce(address signer, uint256 nonce) private {
        // forge-lint: disable-next-line(incorrect-shift)
        uint256 bit = 1 << (nonce & 0xff);
        uint256 bits = _nonceBitmap[signer][nonce >> 8];
        if (bits & bit != 0) revert NonceAlreadyUsed(signer, nonce);
        _nonceBitmap[signer][nonce >> 8] = bits | bit;
    }

    /// @dev Pulls `amount` and refuses a shortfall, so a job's `funded` is always what the escrow holds for it.
    function _pull(address token, address from, uint256 amount) private {
        uint256 before = IERC20(token).balanceOf(address(this));
        IERC20(token).safeTransferFrom(from, address(this), amount);
        uint256 received = IERC20(token).balanceOf(address(this)) - before;
        if (received != amount) revert TransferShortfall(amount, received);
    }

    /// @dev Submitted -> Completed: the provider is paid `funded - penalty - fee`; the client gets a late penalty
    /// back; the fee (at the job's rate, on what remains after the penalty) goes to the fee recipient.
    function _complete(uint256 jobId, StoredJob storage job, address decidedBy, bytes32 reason) private {
        job.status = JobStatus.Completed;
        uint256 funded = job.budget;
        uint256 penalty;
        if (job.submittedAt > job.deliveryDeadline && job.latePenaltyBps != 0) {
            // For agreement jobs funded == price (shortfalls are refused).
            penalty = funded * job.latePenaltyBps / BPS;
        }
        uint256 fee = (funded - penalty) * job.feeBps / BPS;
        emit JobCompleted(jobId, decidedBy, reason);
        _payout(jobId, job, funded - penalty - fee, penalty, fee);
    }

    function _refundAll(uint256 jobId, StoredJob storage job) private {
        _payout(jobId, job, 0, job.budget, 0);
    }

    /// @dev The single place money leaves the escrow; callers have already moved the job to a final state.
    /// Under a mandate the client's share goes back to the principal, and to the mandate's allowance.
    function _payout(uint256 jobId, StoredJob storage job, uint256 toProvider, uint256 toClient, uint256 fee) private {
        IERC20 token = IERC20(job.token);
        address client = job.client;
        uint256 mandateId = job.mandateId;
        address payee = client;
        if (mandateId != 0 && toClient != 0) payee = _mandates.restore(mandateId, jobId, job.mandatePeriod, toClient);
        if (toProvider != 0) {
            address provider = job.provider;
            token.safeTransfer(provider, toProvider);
            emit PaymentReleased(jobId, provider, toProvider);
        }
        if (toClient != 0) {
            token.safeTransfer(payee, toClient);
            emit Refunded(jobId, payee, toClient);
        }
        if (fee != 0) token.safeTransfer(feeRecipient, fee);
        emit JobSettled(jobId, client, job.providerAgentId, address(token), toProvider, toClient, fee);
    }

    function _requestHash(uint256 jobId, bytes32 deliverable) private view returns (bytes32) {
        return keccak256(abi.encode(block.chainid, address(this), jobId, deliverable));
    }

    /// @dev getValidationStatus may revert for an unknown hash; that reads as "not found".
    function _validationStatus(bytes32 requestHash)
        private
        view
        returns (
            bool found,
            address validator,
            uint256 agentId,
            uint8 response,
            bytes32 responseHash,
            uint256 lastUpdate
        )
    {
        try _validation.getValidationStatus(requestHash) returns (
            address v, uint256 a, uint8 r, bytes32 h, string memory, uint256 t
        ) {
            return (v != address(0), v, a, r, h, t);
        } catch {
            return (false, address(0), 0, 0, bytes32(0), 0);
        }
    }
}
