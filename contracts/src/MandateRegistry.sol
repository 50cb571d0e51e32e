// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";

import {IMandateRegistry} from "./interfaces/IMandateRegistry.sol";
import {IIdentityRegistry} from "./interfaces/IIdentityRegistry.sol";
import {AgentSignature} from "./libraries/AgentSignature.sol";

/// @title MandateRegistry
/// @notice Mandates: what an agent may spend for its principal, enforced by the AgentEscrow it is bound to.
/// Rules: IMandateRegistry and docs/governance.md.
/// @dev Not upgradeable, no owner. The escrow is fixed at deployment (its address is computed before it exists),
/// so nobody else can spend or restore an allowance. A mandate is packed into six slots so that the escrow's
/// check costs a handful of cold reads: the spend slot holds a marker so that the first spend rewrites a non-zero
/// slot. Periods are counted from validAfter: period index `(now - validAfter) / period` (0 for one-time budgets);
/// spend is net of refunds made in the same period.
// Periods and validity windows are hours to months long; a block producer's seconds of drift do not matter.
// forge-lint: disable-next-item(block-timestamp)
contract MandateRegistry is IMandateRegistry, EIP712 {
    /// @notice EIP-712 type of a mandate the principal signs.
    bytes32 public constant MANDATE_TYPEHASH = keccak256(
        "Mandate(address principal,uint256 agentId,address agent,address token,uint256 maxPerJob,uint256 budget,"
        "uint64 period,uint64 validAfter,uint64 validUntil,uint256[] payees,bytes32[] specs,address[] approvers,"
        "uint8 quorum,uint256 escalateAbove,uint8 quorumHigh,uint256 timelockAbove,uint64 timelock,uint256 nonce,"
        "uint256 deadline)"
    );
    /// @notice EIP-712 type of an approver's approval of one agreement under one mandate.
    bytes32 public constant MANDATE_APPROVAL_TYPEHASH =
        keccak256("MandateApproval(uint256 mandateId,bytes32 agreementHash,uint256 deadline)");
    /// @notice The most approvers a mandate may name.
    uint256 public constant MAX_APPROVERS = 16;
    /// @notice The shortest recurring period.
    uint64 public constant MIN_PERIOD = 1 hours;

    /// @dev Six slots; see the contract notes.
    struct Stored {
        // slot 0
        address principal;
        uint40 validAfter;
        uint40 validUntil;
        bool revoked;
        // slot 1
        address agent;
        uint96 agentId;
        // slot 2
        address token;
        uint40 period;
        uint32 timelock;
        uint8 quorum;
        uint8 quorumHigh;
        uint8 approverCount;
        // slot 3
        uint128 maxPerJob;
        uint128 budget;
        // slot 4
        uint128 escalateAbove;
        uint128 timelockAbove;
        // slot 5
        uint128 spent;
        uint32 periodIndex;
        bool anyPayee;
        bool anySpec;
        bool exists;
    }

    /// @dev One slot per (mandate, agreement): a bit per approver index, the count, and the last approval's time.
    struct Approval {
        uint16 bits;
        uint8 count;
        uint40 lastAt;
    }

    address private immutable _escrow;
    IIdentityRegistry private immutable _identity;

    uint32 private _count;
    mapping(uint256 mandateId => Stored) private _mandates;
    mapping(uint256 mandateId => address[]) private _approvers;
    mapping(uint256 mandateId => mapping(uint256 agentId => bool)) private _payees;
    mapping(uint256 mandateId => mapping(bytes32 specHash => bool)) private _specs;
    mapping(bytes32 key => Approval) private _approvals;
    mapping(address principal => mapping(uint256 agentId => bool)) private _frozen;
    mapping(address principal => address) private _guardians;
    mapping(address principal => mapping(uint256 word => uint256 bits)) private _nonceBitmap;

    /// @param identityRegistry_ The ERC-8004 Identity Registry that proves agents' wallets at grant.
    /// @param escrow_ The AgentEscrow that will spend mandates (deployed next; its address is known in advance).
    constructor(address identityRegistry_, address escrow_) EIP712("AgoraMandates", "1") {
        if (identityRegistry_ == address(0) || escrow_ == address(0)) revert ZeroAddress();
        _identity = IIdentityRegistry(identityRegistry_);
        _escrow = escrow_;
    }

    // ------------------------------------------------------------------ principal and guardian

    /// @inheritdoc IMandateRegistry
    function grant(MandateTerms calldata terms) external returns (uint256 mandateId) {
        if (msg.sender != terms.principal) revert NotPrincipal(msg.sender);
        return _grant(terms, bytes32(0));
    }

    /// @inheritdoc IMandateRegistry
    function grantWithSig(MandateTerms calldata terms, uint256 nonce, uint256 deadline, bytes calldata signature)
        external
        returns (uint256 mandateId)
    {
        if (block.timestamp > deadline) revert SignatureExpired(deadline, block.timestamp);
        bytes32 structHash = _mandateStructHash(terms, nonce, deadline);
        _useNonce(terms.principal, nonce);
        if (!AgentSignature.isValidNow(terms.principal, _hashTypedDataV4(structHash), signature)) {
            revert InvalidSignature(terms.principal);
        }
        return _grant(terms, structHash);
    }

    /// @inheritdoc IMandateRegistry
    function revoke(uint256 mandateId) external {
        Stored storage m = _mandate(mandateId);
        address principal = m.principal;
        if (msg.sender != principal && msg.sender != _guardians[principal]) revert NotPrincipalOrGuardian(msg.sender);
        if (m.revoked) revert MandateIsRevoked(mandateId);
        m.revoked = true;
        emit MandateRevoked(mandateId, msg.sender);
    }

    /// @inheritdoc IMandateRegistry
    function freeze(address principal, uint256 agentId) external {
        if (msg.sender != principal && (msg.sender != _guardians[principal] || principal == address(0))) {
            revert NotPrincipalOrGuardian(msg.sender);
        }
        if (_frozen[principal][agentId]) revert AgentIsFrozen(principal, agentId);
        _frozen[principal][agentId] = true;
        emit AgentFrozen(principal, agentId, msg.sender);
    }

    /// @inheritdoc IMandateRegistry
    function unfreeze(uint256 agentId) external {
        if (!_frozen[msg.sender][agentId]) revert AgentNotFrozen(msg.sender, agentId);
        _frozen[msg.sender][agentId] = false;
        emit AgentUnfrozen(msg.sender, agentId);
    }

    /// @inheritdoc IMandateRegistry
    function setGuardian(address guardian) external {
        _guardians[msg.sender] = guardian;
        emit GuardianSet(msg.sender, guardian);
    }

    /// @inheritdoc IMandateRegistry
    function invalidateNonce(uint256 nonce) external {
        _useNonce(msg.sender, nonce);
        emit MandateNonceInvalidated(msg.sender, nonce);
    }

    // ------------------------------------------------------------------ approvers

    /// @inheritdoc IMandateRegistry
    function approve(uint256 mandateId, bytes32 agreementHash) external {
        _approve(mandateId, agreementHash, msg.sender);
    }

    /// @inheritdoc IMandateRegistry
    function approveWithSig(
        uint256 mandateId,
        bytes32 agreementHash,
        address approver,
        uint256 deadline,
        bytes calldata signature
    ) external {
        if (block.timestamp > deadline) revert SignatureExpired(deadline, block.timestamp);
        if (!AgentSignature.isValidNow(approver, hashApproval(mandateId, agreementHash, deadline), signature)) {
            revert InvalidSignature(approver);
        }
        _approve(mandateId, agreementHash, approver);
    }

    // ------------------------------------------------------------------ escrow

    /// @inheritdoc IMandateRegistry
    function spend(
        uint256 mandateId,
        uint256 jobId,
        address agent,
        uint256 payeeAgentId,
        bytes32 specHash,
        address token,
        uint256 amount,
        bytes32 agreementHash
    ) external returns (address principal, uint32 periodIndex) {
        if (msg.sender != _escrow) revert NotEscrow(msg.sender);
        Stored storage m = _mandate(mandateId);
        principal = m.principal;
        if (m.revoked) revert MandateIsRevoked(mandateId);
        uint256 agentId = m.agentId;
        if (_frozen[principal][agentId]) revert AgentIsFrozen(principal, agentId);
        if (block.timestamp < m.validAfter) revert MandateNotYetValid(m.validAfter, block.timestamp);
        if (block.timestamp >= m.validUntil) revert MandateExpired(m.validUntil, block.timestamp);
        if (agent != m.agent) revert MandateAgentMismatch(m.agent, agent);
        if (token != m.token) revert MandateTokenMismatch(m.token, token);
        if (!m.anyPayee && !_payees[mandateId][payeeAgentId]) revert PayeeNotAllowed(payeeAgentId);
        if (!m.anySpec && !_specs[mandateId][specHash]) revert SpecNotAllowed(specHash);
        if (amount > m.maxPerJob) revert OverJobCap(amount, m.maxPerJob);
        if (amount > m.escalateAbove) _checkApprovals(m, mandateId, agreementHash, amount);

        periodIndex = _periodIndex(m);
        uint256 spent = periodIndex == m.periodIndex ? m.spent : 0;
        if (spent + amount > m.budget) revert OverBudget(spent, amount, m.budget);
        // amount <= maxPerJob < 2^128 and spent + amount <= budget < 2^128.
        // forge-lint: disable-next-line(unsafe-typecast)
        m.spent = uint128(spent + amount);
        m.periodIndex = periodIndex;
        emit MandateSpent(mandateId, jobId, amount, periodIndex, spent + amount);
    }

    /// @inheritdoc IMandateRegistry
    function restore(uint256 mandateId, uint256 jobId, uint32 periodIndex, uint256 amount)
        external
        returns (address principal)
    {
        if (msg.sender != _escrow) revert NotEscrow(msg.sender);
        Stored storage m = _mandate(mandateId);
        uint256 restored;
        // Only a job funded in the current period gives back to the allowance. Comparing with the last period
        // anything was spent in is not enough: when nothing has been spent since the period rolled, that is still
        // the job's (closed) period.
        if (periodIndex == m.periodIndex && periodIndex == _periodIndex(m)) {
            uint256 spent = m.spent;
            restored = amount < spent ? amount : spent;
            // restored <= spent < 2^128
            // forge-lint: disable-next-line(unsafe-typecast)
            m.spent = uint128(spent - restored);
        }
        emit MandateRestored(mandateId, jobId, amount, restored, periodIndex);
        return m.principal;
    }

    /// @inheritdoc IMandateRegistry
    function checkTermination(uint256 mandateId, address caller) external view returns (address principal) {
        Stored storage m = _mandate(mandateId);
        principal = m.principal;
        if (!m.revoked && !_frozen[principal][m.agentId]) revert MandateLive(mandateId);
        if (caller != principal && caller != _guardians[principal]) revert NotPrincipalOrGuardian(caller);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IMandateRegistry
    function getMandate(uint256 mandateId) external view returns (MandateView memory v) {
        Stored storage m = _mandate(mandateId);
        v.principal = m.principal;
        v.agentId = m.agentId;
        v.agent = m.agent;
        v.token = m.token;
        v.maxPerJob = m.maxPerJob;
        v.budget = m.budget;
        v.period = m.period;
        v.validAfter = m.validAfter;
        v.validUntil = m.validUntil;
        v.anyPayee = m.anyPayee;
        v.anySpec = m.anySpec;
        v.quorum = m.quorum;
        v.quorumHigh = m.quorumHigh;
        v.approverCount = m.approverCount;
        v.escalateAbove = m.escalateAbove;
        v.timelockAbove = m.timelockAbove;
        v.timelock = m.timelock;
        v.revoked = m.revoked;
        v.spent = m.spent;
        v.periodIndex = m.periodIndex;
    }

    /// @inheritdoc IMandateRegistry
    function remaining(uint256 mandateId) external view returns (uint256 amount, uint32 periodIndex) {
        Stored storage m = _mandate(mandateId);
        periodIndex = _periodIndex(m);
        if (
            m.revoked || _frozen[m.principal][m.agentId] || block.timestamp < m.validAfter
                || block.timestamp >= m.validUntil
        ) return (0, periodIndex);
        uint256 spent = periodIndex == m.periodIndex ? m.spent : 0;
        amount = m.budget - spent;
    }

    /// @inheritdoc IMandateRegistry
    function approvals(uint256 mandateId, bytes32 agreementHash) external view returns (uint8 count, uint64 lastAt) {
        Approval storage a = _approvals[_approvalKey(mandateId, agreementHash)];
        return (a.count, a.lastAt);
    }

    /// @inheritdoc IMandateRegistry
    function hasApproved(uint256 mandateId, bytes32 agreementHash, address approver) external view returns (bool) {
        address[] storage list = _approvers[mandateId];
        uint256 bits = _approvals[_approvalKey(mandateId, agreementHash)].bits;
        for (uint256 i; i < list.length; ++i) {
            // forge-lint: disable-next-line(incorrect-shift)
            if (list[i] == approver) return bits & (1 << i) != 0;
        }
        return false;
    }

    /// @inheritdoc IMandateRegistry
    function frozen(address principal, uint256 agentId) external view returns (bool) {
        return _frozen[principal][agentId];
    }

    /// @inheritdoc IMandateRegistry
    function guardianOf(address principal) external view returns (address) {
        return _guardians[principal];
    }

    /// @inheritdoc IMandateRegistry
    function nonceUsed(address principal, uint256 nonce) external view returns (bool) {
        // forge-lint: disable-next-line(incorrect-shift)
        return _nonceBitmap[principal][nonce >> 8] & (1 << (nonce & 0xff)) != 0;
    }

    /// @inheritdoc IMandateRegistry
    function payeeAllowed(uint256 mandateId, uint256 agentId) external view returns (bool) {
        return _mandate(mandateId).anyPayee || _payees[mandateId][agentId];
    }

    /// @inheritdoc IMandateRegistry
    function specAllowed(uint256 mandateId, bytes32 specHash) external view returns (bool) {
        return _mandate(mandateId).anySpec || _specs[mandateId][specHash];
    }

    /// @inheritdoc IMandateRegistry
    function approversOf(uint256 mandateId) external view returns (address[] memory) {
        _mandate(mandateId);
        return _approvers[mandateId];
    }

    /// @inheritdoc IMandateRegistry
    function hashMandate(MandateTerms calldata terms, uint256 nonce, uint256 deadline) external view returns (bytes32) {
        return _hashTypedDataV4(_mandateStructHash(terms, nonce, deadline));
    }

    /// @inheritdoc IMandateRegistry
    function hashApproval(uint256 mandateId, bytes32 agreementHash, uint256 deadline) public view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(MANDATE_APPROVAL_TYPEHASH, mandateId, agreementHash, deadline)));
    }

    /// @inheritdoc IMandateRegistry
    function mandateCount() external view returns (uint256) {
        return _count;
    }

    /// @inheritdoc IMandateRegistry
    function escrow() external view returns (address) {
        return _escrow;
    }

    /// @inheritdoc IMandateRegistry
    function identityRegistry() external view returns (address) {
        return address(_identity);
    }

    // ------------------------------------------------------------------ internals

    function _mandate(uint256 mandateId) private view returns (Stored storage m) {
        m = _mandates[mandateId];
        if (!m.exists) revert MandateNotFound(mandateId);
    }

    function _grant(MandateTerms calldata t, bytes32 structHash) private returns (uint256 mandateId) {
        _checkParties(t);
        _checkAmounts(t);
        _checkApprovers(t);

        mandateId = ++_count;
        Stored storage m = _mandates[mandateId];
        m.principal = t.principal;
        // Each narrowing below was range-checked in _checkParties/_checkAmounts/_checkApprovers.
        // forge-lint: disable-start(unsafe-typecast)
        m.validAfter = uint40(t.validAfter);
        m.validUntil = uint40(t.validUntil);
        m.agent = t.agent;
        m.agentId = uint96(t.agentId);
        m.token = t.token;
        m.period = uint40(t.period);
        m.timelock = uint32(t.timelock);
        m.quorum = t.quorum;
        m.quorumHigh = t.quorumHigh;
        m.approverCount = uint8(t.approvers.length);
        m.maxPerJob = uint128(t.maxPerJob);
        m.budget = uint128(t.budget);
        m.escalateAbove = uint128(t.escalateAbove);
        m.timelockAbove = uint128(t.timelockAbove);
        // forge-lint: disable-end(unsafe-typecast)
        m.anyPayee = t.payees.length == 0;
        m.anySpec = t.specs.length == 0;
        m.exists = true;
        emit MandateGranted(
            mandateId,
            t.principal,
            t.agentId,
            t.agent,
            t.token,
            t.maxPerJob,
            t.budget,
            t.period,
            t.validAfter,
            t.validUntil,
            t.payees.length == 0,
            t.specs.length == 0,
            t.quorum,
            t.escalateAbove,
            t.quorumHigh,
            t.timelockAbove,
            t.timelock,
            structHash
        );
        for (uint256 i; i < t.payees.length; ++i) {
            _payees[mandateId][t.payees[i]] = true;
            emit MandatePayee(mandateId, t.payees[i]);
        }
        for (uint256 i; i < t.specs.length; ++i) {
            _specs[mandateId][t.specs[i]] = true;
            emit MandateSpec(mandateId, t.specs[i]);
        }
        _approvers[mandateId] = t.approvers;
        for (uint256 i; i < t.approvers.length; ++i) {
            // i < MAX_APPROVERS = 16
            // forge-lint: disable-next-line(unsafe-typecast)
            emit MandateApprover(mandateId, t.approvers[i], uint8(i));
        }
    }

    function _checkParties(MandateTerms calldata t) private view {
        if (t.principal == address(0) || t.agent == address(0) || t.token == address(0)) revert ZeroAddress();
        if (t.agent == t.principal) revert AgentIsPrincipal(t.agent);
        if (t.agentId > type(uint96).max) revert AgentIdOutOfRange(t.agentId);
        address owner_;
        try _identity.ownerOf(t.agentId) returns (address o) {
            owner_ = o;
        } catch {
            revert AgentWalletMismatch(t.agentId, t.agent);
        }
        if (t.agent != owner_ && t.agent != _identity.getAgentWallet(t.agentId)) {
            revert AgentWalletMismatch(t.agentId, t.agent);
        }
    }

    function _checkAmounts(MandateTerms calldata t) private view {
        _checkAmount(t.maxPerJob);
        _checkAmount(t.budget);
        _checkAmount(t.escalateAbove);
        _checkAmount(t.timelockAbove);
        if (t.maxPerJob == 0 || t.budget == 0) revert ZeroCap();
        if (t.validUntil <= t.validAfter || t.validUntil <= block.timestamp || t.validUntil > type(uint40).max) {
            revert InvalidWindow(t.validAfter, t.validUntil);
        }
        if (t.period != 0 && (t.period < MIN_PERIOD || t.period > type(uint40).max)) {
            revert PeriodOutOfRange(t.period);
        }
    }

    function _checkApprovers(MandateTerms calldata t) private pure {
        uint256 n = t.approvers.length;
        if (n > MAX_APPROVERS) revert TooManyApprovers(n);
        for (uint256 i; i < n; ++i) {
            address a = t.approvers[i];
            if (a == address(0)) revert ZeroAddress();
            if (a == t.agent) revert ApproverIsAgent(a);
            for (uint256 j; j < i; ++j) {
                if (t.approvers[j] == a) revert DuplicateApprover(a);
            }
        }
        if (
            t.escalateAbove > t.timelockAbove || t.quorum > t.quorumHigh || t.quorumHigh > n
                || (t.escalateAbove < t.maxPerJob && t.quorum == 0) || t.timelock > type(uint32).max
        ) revert InvalidBands();
    }

    function _checkAmount(uint256 amount) private pure {
        if (amount > type(uint128).max) revert AmountOutOfRange(amount);
    }

    function _checkApprovals(Stored storage m, uint256 mandateId, bytes32 agreementHash, uint256 amount) private view {
        Approval storage a = _approvals[_approvalKey(mandateId, agreementHash)];
        uint8 count = a.count;
        bool high = amount > m.timelockAbove;
        uint8 need = high ? m.quorumHigh : m.quorum;
        if (count < need) revert ApprovalsMissing(count, need);
        if (high) {
            uint256 readyAt = uint256(a.lastAt) + m.timelock;
            if (block.timestamp < readyAt) revert TimelockPending(readyAt, block.timestamp);
        }
    }

    function _approve(uint256 mandateId, bytes32 agreementHash, address approver) private {
        Stored storage m = _mandate(mandateId);
        if (m.revoked) revert MandateIsRevoked(mandateId);
        address[] storage list = _approvers[mandateId];
        uint256 index = type(uint256).max;
        for (uint256 i; i < list.length; ++i) {
            if (list[i] == approver) {
                index = i;
                break;
            }
        }
        if (index == type(uint256).max) revert NotApprover(approver);
        Approval storage a = _approvals[_approvalKey(mandateId, agreementHash)];
        // index < MAX_APPROVERS = 16
        // forge-lint: disable-next-line(unsafe-typecast,incorrect-shift)
        uint16 bit = uint16(1 << index);
        if (a.bits & bit != 0) revert AlreadyApproved(approver);
        a.bits |= bit;
        uint8 count = a.count + 1;
        a.count = count;
        a.lastAt = uint40(block.timestamp);
        emit MandateApproved(mandateId, agreementHash, approver, count);
    }

    function _periodIndex(Stored storage m) private view returns (uint32) {
        uint256 period = m.period;
        uint256 from = m.validAfter;
        if (period == 0 || block.timestamp <= from) return 0;
        // period >= MIN_PERIOD and now < 2^40 keep the index under 2^32 while the mandate is valid; past
        // validUntil nothing is spent, and the view clamps.
        uint256 index = (block.timestamp - from) / period;
        // forge-lint: disable-next-line(unsafe-typecast)
        return index > type(uint32).max ? type(uint32).max : uint32(index);
    }

    function _approvalKey(uint256 mandateId, bytes32 agreementHash) private pure returns (bytes32) {
        return keccak256(abi.encode(mandateId, agreementHash));
    }

    function _mandateStructHash(MandateTerms calldata t, uint256 nonce, uint256 deadline)
        private
        pure
        returns (bytes32)
    {
        // Two halves of one abi.encode: every member is one 32-byte word, arrays by the hash of their packed words.
        return keccak256(
            bytes.concat(
                abi.encode(
                    MANDATE_TYPEHASH,
                    t.principal,
                    t.agentId,
                    t.agent,
                    t.token,
                    t.maxPerJob,
                    t.budget,
                    t.period,
                    t.validAfter,
                    t.validUntil
                ),
                abi.encode(
                    keccak256(abi.encodePacked(t.payees)),
                    keccak256(abi.encodePacked(t.specs)),
                    keccak256(abi.encodePacked(t.approvers)),
                    t.quorum,
                    t.escalateAbove,
                    t.quorumHigh,
                    t.timelockAbove,
                    t.timelock,
                    nonce,
                    deadline
                )
            )
        );
    }

    function _useNonce(address principal, uint256 nonce) private {
        // forge-lint: disable-next-line(incorrect-shift)
        uint256 bit = 1 << (nonce & 0xff);
        uint256 bits = _nonceBitmap[principal][nonce >> 8];
        if (bits & bit != 0) revert NonceAlreadyUsed(principal, nonce);
        _nonceBitmap[principal][nonce >> 8] = bits | bit;
    }
}
