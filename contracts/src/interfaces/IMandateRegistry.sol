// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC5267} from "@openzeppelin/contracts/interfaces/IERC5267.sol";

/// @title Agora MandateRegistry
/// @notice What an agent may spend for its principal. A principal (a person's or a company's wallet: an EOA or an
/// ERC-1271 contract wallet such as a Safe) grants one of its agents a mandate: a token, a cap per job, a budget
/// per period (recurring, or once), the counterparties and job specifications it may pay for, a validity window,
/// and approval bands. The escrow spends a mandate when it funds a job from an agreement that names it: the
/// principal's funds move, the agent's wallet only signs. The principal, or a guardian it named, revokes a mandate
/// or freezes all of an agent's mandates at once; the agent cannot undo either. Rules and the AP2 mapping:
/// docs/governance.md.
/// @dev Modelled on Safe's allowance module (per-token amount, spent, reset period) and MetaMask's delegation
/// caveats (allowed targets, value limits, time windows), held in one registry so the escrow reads a mandate in
/// one call. Bands, by the agreement's price p: p <= escalateAbove is autonomous; escalateAbove < p <=
/// timelockAbove needs `quorum` approvals; p > timelockAbove needs `quorumHigh` approvals and `timelock` seconds
/// after the last of them. Approvals are recorded on chain (by the approver, or relayed with its EIP-712
/// MandateApproval signature) so that the timelock runs from a time nobody can backdate.
interface IMandateRegistry is IERC5267 {
    /// @notice What a principal grants (the EIP-712 `Mandate` type adds `nonce` and `deadline`).
    struct MandateTerms {
        /// @notice Whose money the agent spends; signs the mandate.
        address principal;
        /// @notice The agent's ERC-8004 id.
        uint256 agentId;
        /// @notice The wallet that signs agreements as the client: the agent's owner or agent wallet at grant.
        address agent;
        /// @notice The only ERC-20 the mandate pays in.
        address token;
        /// @notice The highest price of one job (AP2 amount_range.max).
        uint256 maxPerJob;
        /// @notice What all jobs funded in one period may cost together, net of refunds (AP2 budget).
        uint256 budget;
        /// @notice Seconds after which the budget resets, counted from validAfter; 0 = a one-time budget.
        uint64 period;
        /// @notice No job may be funded before this time.
        uint64 validAfter;
        /// @notice Nor at or after this time (AP2 execution window).
        uint64 validUntil;
        /// @notice The provider agent ids the agent may pay; empty = any (AP2 allowed_payees).
        uint256[] payees;
        /// @notice The deliverable specification hashes it may pay for; empty = any.
        bytes32[] specs;
        /// @notice Who may approve jobs above escalateAbove (at most 16; never the agent).
        address[] approvers;
        /// @notice Approvals needed above escalateAbove.
        uint8 quorum;
        /// @notice The autonomous band's upper bound.
        uint256 escalateAbove;
        /// @notice Approvals needed above timelockAbove (>= quorum).
        uint8 quorumHigh;
        /// @notice The one-approval band's upper bound (>= escalateAbove).
        uint256 timelockAbove;
        /// @notice Seconds that must pass after the last approval above timelockAbove.
        uint64 timelock;
    }

    /// @notice A mandate as stored, with what has been spent in the current period.
    struct MandateView {
        address principal;
        uint256 agentId;
        address agent;
        address token;
        uint256 maxPerJob;
        uint256 budget;
        uint64 period;
        uint64 validAfter;
        uint64 validUntil;
        bool anyPayee;
        bool anySpec;
        uint8 quorum;
        uint8 quorumHigh;
        uint8 approverCount;
        uint256 escalateAbove;
        uint256 timelockAbove;
        uint64 timelock;
        bool revoked;
        /// @notice Spent in the period `periodIndex` (the last one anything was spent in).
        uint256 spent;
        uint32 periodIndex;
    }

    // ------------------------------------------------------------------ events

    /// @notice A mandate was granted, by transaction or by the principal's signature (`structHash` is then the
    /// EIP-712 struct hash it signed, else zero). Its lists follow as one MandatePayee, MandateSpec and
    /// MandateApprover event per entry (flat events, so that an indexer maps each to a table).
    event MandateGranted(
        uint256 indexed mandateId,
        address indexed principal,
        uint256 indexed agentId,
        address agent,
        address token,
        uint256 maxPerJob,
        uint256 budget,
        uint64 period,
        uint64 validAfter,
        uint64 validUntil,
        bool anyPayee,
        bool anySpec,
        uint8 quorum,
        uint256 escalateAbove,
        uint8 quorumHigh,
        uint256 timelockAbove,
        uint64 timelock,
        bytes32 structHash
    );
    /// @notice Provider agent `payeeAgentId` is an allowed payee of the mandate.
    event MandatePayee(uint256 indexed mandateId, uint256 indexed payeeAgentId);
    /// @notice `specHash` is an allowed deliverable specification of the mandate.
    event MandateSpec(uint256 indexed mandateId, bytes32 indexed specHash);
    /// @notice `approver` is the mandate's approver number `index` (from 0).
    event MandateApprover(uint256 indexed mandateId, address indexed approver, uint8 index);
    /// @notice The escrow funded job `jobId` under the mandate; `spent` is the period's total afterwards.
    event MandateSpent(
        uint256 indexed mandateId, uint256 indexed jobId, uint256 amount, uint32 periodIndex, uint256 spent
    );
    /// @notice Money went back to the principal from job `jobId`; `restored` of it was given back to the period's
    /// allowance (0 when the period has rolled since the job was funded).
    event MandateRestored(
        uint256 indexed mandateId, uint256 indexed jobId, uint256 amount, uint256 restored, uint32 periodIndex
    );
    /// @notice An approver approved funding the agreement `agreementHash` under the mandate.
    event MandateApproved(
        uint256 indexed mandateId, bytes32 indexed agreementHash, address indexed approver, uint8 approvals
    );
    /// @notice The mandate was revoked for good.
    event MandateRevoked(uint256 indexed mandateId, address indexed by);
    /// @notice Every mandate `principal` granted agent `agentId` is frozen until the principal unfreezes it.
    event AgentFrozen(address indexed principal, uint256 indexed agentId, address indexed by);
    /// @notice The principal lifted the freeze.
    event AgentUnfrozen(address indexed principal, uint256 indexed agentId);
    /// @notice `guardian` may revoke the principal's mandates and freeze its agents (zero: nobody).
    event GuardianSet(address indexed principal, address indexed guardian);
    /// @notice `principal` cancelled a Mandate signature nonce.
    event MandateNonceInvalidated(address indexed principal, uint256 nonce);

    // ------------------------------------------------------------------ errors

    /// @notice No mandate has this id.
    error MandateNotFound(uint256 mandateId);
    /// @notice Only the escrow may spend or restore.
    error NotEscrow(address caller);
    /// @notice The caller must be the principal.
    error NotPrincipal(address caller);
    /// @notice The caller must be the principal or its guardian.
    error NotPrincipalOrGuardian(address caller);
    /// @notice The caller is not one of the mandate's approvers.
    error NotApprover(address caller);
    /// @notice An address that must be set is zero.
    error ZeroAddress();
    /// @notice A principal cannot be its own agent.
    error AgentIsPrincipal(address account);
    /// @notice The wallet is neither the owner nor the agent wallet of the agent (or the agent does not exist).
    error AgentWalletMismatch(uint256 agentId, address agent);
    /// @notice The agent id does not fit (the registries number agents from 0 up).
    error AgentIdOutOfRange(uint256 agentId);
    /// @notice An amount above 2^128 - 1.
    error AmountOutOfRange(uint256 amount);
    /// @notice maxPerJob or budget is zero.
    error ZeroCap();
    /// @notice The validity window is empty or already over.
    error InvalidWindow(uint64 validAfter, uint64 validUntil);
    /// @notice A recurring period shorter than an hour or longer than 2^40 - 1 seconds.
    error PeriodOutOfRange(uint64 period);
    /// @notice The approval bands do not fit together: escalateAbove <= timelockAbove, quorum <= quorumHigh <=
    /// approvers, at least one approval wherever a band above the autonomous one can be reached, and a timelock
    /// that fits 32 bits.
    error InvalidBands();
    /// @notice More than 16 approvers.
    error TooManyApprovers(uint256 count);
    /// @notice An approver listed twice.
    error DuplicateApprover(address approver);
    /// @notice The agent cannot approve its own spending.
    error ApproverIsAgent(address approver);
    /// @notice The signature is not the signer's (ECDSA or ERC-1271).
    error InvalidSignature(address signer);
    /// @notice The signed message's deadline has passed.
    error SignatureExpired(uint256 deadline, uint256 now);
    /// @notice The principal has used or cancelled this Mandate nonce.
    error NonceAlreadyUsed(address principal, uint256 nonce);
    /// @notice The approver already approved this agreement under this mandate.
    error AlreadyApproved(address approver);
    /// @notice The mandate was revoked.
    error MandateIsRevoked(uint256 mandateId);
    /// @notice The principal (or its guardian) froze this agent's mandates.
    error AgentIsFrozen(address principal, uint256 agentId);
    /// @notice The agent is not frozen.
    error AgentNotFrozen(address principal, uint256 agentId);
    /// @notice The mandate is not valid yet.
    error MandateNotYetValid(uint64 validAfter, uint256 now);
    /// @notice The mandate has expired.
    error MandateExpired(uint64 validUntil, uint256 now);
    /// @notice The agreement's client is not the mandate's agent wallet.
    error MandateAgentMismatch(address expected, address actual);
    /// @notice The agreement pays in another token.
    error MandateTokenMismatch(address expected, address actual);
    /// @notice The provider agent is not among the allowed payees.
    error PayeeNotAllowed(uint256 providerAgentId);
    /// @notice The deliverable specification is not among the allowed ones.
    error SpecNotAllowed(bytes32 specHash);
    /// @notice The price is above the per-job cap.
    error OverJobCap(uint256 amount, uint256 maxPerJob);
    /// @notice The price would take the period's spend over the budget.
    error OverBudget(uint256 spent, uint256 amount, uint256 budget);
    /// @notice The price's band needs more approvals than the agreement has.
    error ApprovalsMissing(uint8 have, uint8 need);
    /// @notice The price's band needs a timelock that has not run out.
    error TimelockPending(uint256 readyAt, uint256 now);
    /// @notice The mandate is live (not revoked, agent not frozen): its jobs cannot be terminated.
    error MandateLive(uint256 mandateId);

    // ------------------------------------------------------------------ principal and guardian

    /// @notice Grants a mandate; the caller must be `terms.principal`. Returns the new id (from 1).
    function grant(MandateTerms calldata terms) external returns (uint256 mandateId);

    /// @notice Grants a mandate the principal signed as EIP-712 `Mandate` (ECDSA or ERC-1271); anyone may send it.
    function grantWithSig(MandateTerms calldata terms, uint256 nonce, uint256 deadline, bytes calldata signature)
        external
        returns (uint256 mandateId);

    /// @notice Revokes a mandate for good. Caller: its principal or the principal's guardian.
    function revoke(uint256 mandateId) external;

    /// @notice Freezes every mandate `principal` granted agent `agentId`, now and later, until the principal
    /// unfreezes. Caller: the principal or its guardian.
    function freeze(address principal, uint256 agentId) external;

    /// @notice Lifts a freeze. Caller: the principal only (not the guardian, never the agent).
    function unfreeze(uint256 agentId) external;

    /// @notice Names the caller's guardian (zero to remove it).
    function setGuardian(address guardian) external;

    /// @notice Cancels one of the caller's Mandate signature nonces.
    function invalidateNonce(uint256 nonce) external;

    // ------------------------------------------------------------------ approvers

    /// @notice Approves funding the agreement with EIP-712 digest `agreementHash` under the mandate.
    /// Caller: one of the mandate's approvers.
    function approve(uint256 mandateId, bytes32 agreementHash) external;

    /// @notice As approve, relayed: `approver` signed EIP-712 `MandateApproval(mandateId, agreementHash, deadline)`.
    function approveWithSig(
        uint256 mandateId,
        bytes32 agreementHash,
        address approver,
        uint256 deadline,
        bytes calldata signature
    ) external;

    // ------------------------------------------------------------------ escrow

    /// @notice Spends `amount` for job `jobId`, or reverts with the rule that failed. Caller: the escrow.
    /// @return principal Who pays.
    /// @return periodIndex The period the spend counts in (pass it back to restore).
    function spend(
        uint256 mandateId,
        uint256 jobId,
        address agent,
        uint256 payeeAgentId,
        bytes32 specHash,
        address token,
        uint256 amount,
        bytes32 agreementHash
    ) external returns (address principal, uint32 periodIndex);

    /// @notice Records `amount` of job `jobId` going back to the principal, and gives it back to the allowance
    /// when the job was funded in the current period. Caller: the escrow.
    /// @return principal Where the money goes.
    function restore(uint256 mandateId, uint256 jobId, uint32 periodIndex, uint256 amount)
        external
        returns (address principal);

    /// @notice Reverts unless `caller` may terminate the mandate's jobs: the mandate is revoked or its agent
    /// frozen, and the caller is the principal or its guardian. Returns the principal.
    function checkTermination(uint256 mandateId, address caller) external view returns (address principal);

    // ------------------------------------------------------------------ views

    /// @notice The mandate as stored.
    function getMandate(uint256 mandateId) external view returns (MandateView memory);

    /// @notice What the agent may still spend in the current period (0 when revoked, frozen or outside its
    /// window), and the current period's index.
    function remaining(uint256 mandateId) external view returns (uint256 amount, uint32 periodIndex);

    /// @notice Approvals recorded for the agreement, and when the last one was.
    function approvals(uint256 mandateId, bytes32 agreementHash) external view returns (uint8 count, uint64 lastAt);

    /// @notice Whether `approver` approved the agreement.
    function hasApproved(uint256 mandateId, bytes32 agreementHash, address approver) external view returns (bool);

    /// @notice Whether the principal froze the agent.
    function frozen(address principal, uint256 agentId) external view returns (bool);

    /// @notice The principal's guardian (zero: none).
    function guardianOf(address principal) external view returns (address);

    /// @notice Whether `principal` has used or cancelled a Mandate nonce.
    function nonceUsed(address principal, uint256 nonce) external view returns (bool);

    /// @notice Whether provider agent `agentId` is an allowed payee.
    function payeeAllowed(uint256 mandateId, uint256 agentId) external view returns (bool);

    /// @notice Whether `specHash` is an allowed specification.
    function specAllowed(uint256 mandateId, bytes32 specHash) external view returns (bool);

    /// @notice The mandate's approvers.
    function approversOf(uint256 mandateId) external view returns (address[] memory);

    /// @notice The EIP-712 digest of a Mandate: what the principal signs.
    function hashMandate(MandateTerms calldata terms, uint256 nonce, uint256 deadline) external view returns (bytes32);

    /// @notice The EIP-712 digest of a MandateApproval: what an approver signs.
    function hashApproval(uint256 mandateId, bytes32 agreementHash, uint256 deadline) external view returns (bytes32);

    /// @notice The number of mandates granted; ids run from 1.
    function mandateCount() external view returns (uint256);

    /// @notice The escrow allowed to spend mandates.
    function escrow() external view returns (address);

    /// @notice The ERC-8004 Identity Registry that proves agents' wallets.
    function identityRegistry() external view returns (address);
}
