// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Test, Vm} from "../utils/Test.sol";
import {AgentEscrow} from "../../src/AgentEscrow.sol";
import {IAgentEscrow} from "../../src/interfaces/IAgentEscrow.sol";
import {IdentityRegistry} from "../../src/IdentityRegistry.sol";
import {ValidationRegistry} from "../../src/ValidationRegistry.sol";

interface IMintable {
    function mint(address to, uint256 amount) external;
}

/// @notice Drives the escrow through random plain and agreement jobs in two tokens with several actors, calling
/// every entry point with callers that are sometimes wrong, and keeps ghost books: what each job received and paid,
/// every JobSettled split, and every status change with the action, caller and time that caused it.
contract EscrowHandler is Test {
    enum Action {
        Create,
        Fund,
        Submit,
        Complete,
        Reject,
        ClaimRefund,
        Dispute,
        Resolve,
        Release,
        Settle,
        Other
    }

    struct Transition {
        uint256 jobId;
        IAgentEscrow.JobStatus from;
        IAgentEscrow.JobStatus to;
        Action action;
    }

    uint256 internal constant N_ACTORS = 4;
    uint256 internal constant MAX_PRICE = 1e24;

    AgentEscrow public immutable escrow;
    IdentityRegistry public immutable identity;
    ValidationRegistry public immutable validation;
    address[2] public tokens;
    address public immutable owner;

    address[N_ACTORS] internal actors;
    uint256[N_ACTORS] internal keys;
    uint256[N_ACTORS] internal agentIds;
    address internal immutable evaluator;
    address internal immutable arbiter;
    address internal immutable validator;
    address internal immutable stranger;
    address internal immutable squatter;
    uint256 internal immutable squatterAgent;

    uint256 public currentTime;
    uint256 internal nonceCounter;

    // ---- ghosts
    uint256[] public jobIds;
    mapping(uint256 jobId => IAgentEscrow.JobStatus) public lastStatus;
    mapping(uint256 jobId => uint256) public ghostReceived;
    mapping(uint256 jobId => uint256) public ghostPaid;
    mapping(uint256 jobId => uint256) public ghostSettlements;
    Transition[] internal transitions;
    uint256 public illegalTransitions;
    uint256 public badSettlements;
    uint256 public strayBalanceChanges;
    mapping(bytes32 => uint256) public calls;

    constructor(
        AgentEscrow escrow_,
        IdentityRegistry identity_,
        ValidationRegistry validation_,
        address[2] memory tokens_,
        address owner_
    ) {
        escrow = escrow_;
        identity = identity_;
        validation = validation_;
        tokens = tokens_;
        owner = owner_;
        evaluator = makeAddr("h.evaluator");
        arbiter = makeAddr("h.arbiter");
        validator = makeAddr("h.validator");
        stranger = makeAddr("h.stranger");
        squatter = makeAddr("h.squatter");
        string[N_ACTORS] memory names = ["h.alice", "h.bob", "h.carol", "h.dave"];
        for (uint256 i; i < N_ACTORS; ++i) {
            (actors[i], keys[i]) = makeAddrAndKey(names[i]);
            vm.prank(actors[i]);
            agentIds[i] = identity.register();
            for (uint256 t; t < 2; ++t) {
                vm.prank(actors[i]);
                IERC20(tokens[t]).approve(address(escrow), type(uint256).max);
            }
        }
        vm.prank(squatter);
        squatterAgent = identity.register();
        currentTime = 1_700_000_000;
    }

    // ------------------------------------------------------------------ creation

    function createPlainJob(
        uint256 clientSeed,
        uint256 providerSeed,
        uint256 tokenSeed,
        uint256 budgetSeed,
        uint256 expirySeed,
        bool withProvider
    ) external {
        _sync();
        address client = actors[clientSeed % N_ACTORS];
        address provider = withProvider ? actors[providerSeed % N_ACTORS] : address(0);
        address token = tokens[tokenSeed % 2];
        uint256 expiredAt = currentTime + bound(expirySeed, 1, 10 days);
        vm.prank(client);
        uint256 jobId = escrow.createJob(provider, evaluator, expiredAt, "job", address(0), token);
        _track(jobId, IAgentEscrow.JobStatus.Open);
        uint256 budget = bound(budgetSeed, 0, MAX_PRICE);
        vm.prank(client);
        escrow.setBudget(jobId, budget, "");
        IMintable(token).mint(client, budget);
        ++calls["createPlainJob"];
    }

    function createAgreementJob(
        uint256 clientSeed,
        uint256 providerSeed,
        uint256 tokenSeed,
        uint256 priceSeed,
        uint256 termsSeed
    ) external {
        _sync();
        uint256 c = clientSeed % N_ACTORS;
        uint256 p = providerSeed % N_ACTORS;
        if (p == c) p = (p + 1) % N_ACTORS;
        IAgentEscrow.ServiceAgreement memory a;
        a.providerAgentId = agentIds[p];
        a.client = actors[c];
        a.provider = actors[p];
        a.token = tokens[tokenSeed % 2];
        a.price = bound(priceSeed, 1, MAX_PRICE);
        a.deliveryDeadline = SafeCast.toUint64(currentTime + bound(termsSeed % 1e6, 1, 5 days));
        a.expiredAt = a.deliveryDeadline + SafeCast.toUint64(bound((termsSeed >> 20) % 1e6, 0, 5 days));
        if ((termsSeed >> 40) % 2 == 1) {
            a.validator = validator;
            a.validationThreshold = SafeCast.toUint8((termsSeed >> 48) % 101);
            a.arbiter = arbiter;
        } else if ((termsSeed >> 41) % 2 == 1) {
            a.arbiter = arbiter;
        }
        a.reviewWindow = SafeCast.toUint64((termsSeed >> 56) % 3 days);
        a.latePenaltyBps = SafeCast.toUint16((termsSeed >> 80) % 10_001);
        a.nonce = ++nonceCounter;
        a.expiry = currentTime + 1 hours;
        IMintable(a.token).mint(a.client, a.price);

        bytes32 digest = escrow.hashAgreement(a);
        bytes memory cs = signDigest(keys[c], digest);
        bytes memory ps = signDigest(keys[p], digest);
        uint256 escrowBefore = IERC20(a.token).balanceOf(address(escrow));
        vm.prank(stranger);
        uint256 jobId = escrow.createJobFromAgreement(a, cs, ps);
        ghostReceived[jobId] = IERC20(a.token).balanceOf(address(escrow)) - escrowBefore;
        _track(jobId, IAgentEscrow.JobStatus.Funded);
        ++calls["createAgreementJob"];
    }

    // ------------------------------------------------------------------ lifecycle

    function setProvider(uint256 jobSeed, uint256 providerSeed, uint256 callerSeed) external {
        (uint256 id, IAgentEscrow.Job memory j) = _pick(jobSeed);
        if (id == 0) return;
        address caller = _caller(j, callerSeed, j.client);
        address p = actors[providerSeed % N_ACTORS];
        _call(id, Action.Other, caller, abi.encodeCall(IAgentEscrow.setProvider, (id, p, "")));
    }

    function setBudget(uint256 jobSeed, uint256 amount, uint256 callerSeed) external {
        (uint256 id, IAgentEscrow.Job memory j) = _pick(jobSeed);
        if (id == 0) return;
        amount = bound(amount, 0, MAX_PRICE);
        address caller = _caller(j, callerSeed, callerSeed % 2 == 0 ? j.client : j.provider);
        IMintable(j.token).mint(j.client, amount);
        _call(id, Action.Other, caller, abi.encodeCall(IAgentEscrow.setBudget, (id, amount, "")));
    }

    function fund(uint256 jobSeed, uint256 callerSeed) external {
        (uint256 id, IAgentEscrow.Job memory j) = _pick(jobSeed);
        if (id == 0) return;
        address caller = _caller(j, callerSeed, j.client);
        _call(id, Action.Fund, caller, abi.encodeCall(IAgentEscrow.fund, (id, j.budget, "")));
    }

    function submit(uint256 jobSeed, uint256 callerSeed, bytes32 deliverable) external {
        (uint256 id, IAgentEscrow.Job memory j) = _pick(jobSeed);
        if (id == 0) return;
        address caller = _caller(j, callerSeed, j.provider);
        _call(id, Action.Submit, caller, abi.encodeCall(IAgentEscrow.submit, (id, deliverable, "")));
    }

    function complete(uint256 jobSeed, uint256 callerSeed) external {
        (uint256 id, IAgentEscrow.Job memory j) = _pick(jobSeed);
        if (id == 0) return;
        bool agreement = j.agreementHash != bytes32(0);
        address caller = _caller(j, callerSeed, agreement && callerSeed % 2 == 0 ? j.client : j.evaluator);
        _call(id, Action.Complete, caller, abi.encodeCall(IAgentEscrow.complete, (id, "ok", "")));
    }

    function reject(uint256 jobSeed, uint256 callerSeed) external {
        (uint256 id, IAgentEscrow.Job memory j) = _pick(jobSeed);
        if (id == 0) return;
        address intended =
            j.status == IAgentEscrow.JobStatus.Open ? j.client : (callerSeed % 2 == 0 ? j.evaluator : j.provider);
        address caller = _caller(j, callerSeed, intended);
        _call(id, Action.Reject, caller, abi.encodeCall(IAgentEscrow.reject, (id, "no", "")));
    }

    function claimRefund(uint256 jobSeed, uint256 callerSeed) external {
        (uint256 id, IAgentEscrow.Job memory j) = _pick(jobSeed);
        if (id == 0) return;
        address caller = _caller(j, callerSeed, stranger);
        _call(id, Action.ClaimRefund, caller, abi.encodeCall(IAgentEscrow.claimRefund, (id)));
    }

    function dispute(uint256 jobSeed, uint256 callerSeed) external {
        (uint256 id, IAgentEscrow.Job memory j) = _pick(jobSeed);
        if (id == 0) return;
        address caller = _caller(j, callerSeed, j.client);
        _call(id, Action.Dispute, caller, abi.encodeCall(IAgentEscrow.dispute, (id, "bad")));
    }

    function resolve(uint256 jobSeed, uint256 callerSeed, uint256 bps) external {
        (uint256 id, IAgentEscrow.Job memory j) = _pick(jobSeed);
        if (id == 0) return;
        uint16 split = uint16(bound(bps, 0, 10_001));
        address caller = _caller(j, callerSeed, j.evaluator);
        _call(id, Action.Resolve, caller, abi.encodeCall(IAgentEscrow.resolve, (id, split, "x")));
    }

    function release(uint256 jobSeed, uint256 callerSeed) external {
        (uint256 id, IAgentEscrow.Job memory j) = _pick(jobSeed);
        if (id == 0) return;
        address caller = _caller(j, callerSeed, stranger);
        _call(id, Action.Release, caller, abi.encodeCall(IAgentEscrow.release, (id)));
    }

    function settleFromValidation(uint256 jobSeed, uint256 callerSeed) external {
        (uint256 id, IAgentEscrow.Job memory j) = jobSeed % 4 == 0 ? _pick(jobSeed) : _pickValidated(jobSeed);
        if (id == 0) return;
        address caller = _caller(j, callerSeed, stranger);
        _call(id, Action.Settle, caller, abi.encodeCall(IAgentEscrow.settleFromValidation, (id)));
    }

    /// @notice The provider opens the job's validation request (or a squatter takes the hash first), and the
    /// named validator answers.
    function validate(uint256 jobSeed, uint8 response, bool squat) external {
        (uint256 id, IAgentEscrow.Job memory j) = _pickValidated(jobSeed);
        if (id == 0 || j.submittedAt == 0 || j.validator == address(0)) return;
        bytes32 requestHash = escrow.validationRequestHash(id);
        address named = squat ? stranger : j.validator;
        try validation.getValidationStatus(requestHash) returns (
            address v, uint256, uint8, bytes32, string memory, uint256
        ) {
            named = v;
        } catch {
            vm.prank(squat ? squatter : j.provider);
            validation.validationRequest(named, squat ? squatterAgent : j.providerAgentId, "", requestHash);
        }
        vm.prank(named);
        validation.validationResponse(requestHash, uint8(bound(response, 0, 100)), "", keccak256("r"), "");
        if (named != j.validator) ++calls["squatted"];
        ++calls["validate"];
    }

    function invalidateNonce(uint256 actorSeed, uint256 nonce) external {
        _sync();
        vm.prank(actors[actorSeed % N_ACTORS]);
        try escrow.invalidateNonce(bound(nonce, nonceCounter + 1, nonceCounter + 3)) {} catch {}
        ++calls["invalidateNonce"];
    }

    function setFee(uint256 feeSeed) external {
        _sync();
        vm.prank(owner);
        escrow.setFee(uint16(bound(feeSeed, 0, 1000)));
        ++calls["setFee"];
    }

    /// @notice Mostly short steps; one in three jumps 30 to 31 days (past any deadline or arbitration timeout).
    function warp(uint256 dt) external {
        currentTime += dt % 3 == 0 ? 30 days + bound(dt >> 8, 0, 1 days) : bound(dt >> 8, 0, 2 days);
        vm.warp(currentTime);
        ++calls["warp"];
    }

    // ------------------------------------------------------------------ views for the invariants

    function jobCount() external view returns (uint256) {
        return jobIds.length;
    }

    function transitionCount() external view returns (uint256) {
        return transitions.length;
    }

    function transitionAt(uint256 i) external view returns (Transition memory) {
        return transitions[i];
    }

    // ------------------------------------------------------------------ internals

    function _sync() internal {
        vm.warp(currentTime);
    }

    function _track(uint256 jobId, IAgentEscrow.JobStatus expected) internal {
        jobIds.push(jobId);
        IAgentEscrow.JobStatus actual = escrow.getJob(jobId).status;
        lastStatus[jobId] = actual;
        if (actual != expected) ++illegalTransitions;
    }

    /// @dev Mostly a job that is still live (not in a final state), sometimes any job, so that wrong-state
    /// calls are exercised too.
    function _pick(uint256 seed) internal returns (uint256 id, IAgentEscrow.Job memory j) {
        _sync();
        uint256 n = jobIds.length;
        if (n == 0) return (0, j);
        if (seed % 8 != 0) {
            uint256 live;
            for (uint256 k; k < n; ++k) {
                if (!_isFinal(lastStatus[jobIds[k]])) ++live;
            }
            if (live != 0) {
                uint256 target = (seed >> 8) % live;
                for (uint256 k; k < n; ++k) {
                    if (_isFinal(lastStatus[jobIds[k]])) continue;
                    if (target == 0) {
                        id = jobIds[k];
                        break;
                    }
                    --target;
                }
                return (id, escrow.getJob(id));
            }
        }
        id = jobIds[(seed >> 8) % n];
        j = escrow.getJob(id);
    }

    /// @dev A submitted job that names a validator, if there is one.
    function _pickValidated(uint256 seed) internal returns (uint256 id, IAgentEscrow.Job memory j) {
        _sync();
        uint256 n = jobIds.length;
        for (uint256 k; k < n; ++k) {
            uint256 jid = jobIds[(k + seed) % n];
            if (lastStatus[jid] != IAgentEscrow.JobStatus.Submitted) continue;
            j = escrow.getJob(jid);
            if (j.validator != address(0)) return (jid, j);
        }
        return (0, j);
    }

    function _isFinal(IAgentEscrow.JobStatus s) internal pure returns (bool) {
        return s == IAgentEscrow.JobStatus.Completed || s == IAgentEscrow.JobStatus.Rejected
            || s == IAgentEscrow.JobStatus.Expired || s == IAgentEscrow.JobStatus.Resolved;
    }

    /// @dev Three times in four the intended party, otherwise someone who may or may not be entitled.
    function _caller(IAgentEscrow.Job memory j, uint256 seed, address intended) internal view returns (address) {
        uint256 r = (seed >> 16) % 8;
        if (r < 6 && intended != address(0)) return intended;
        if (r == 6) return stranger;
        return (seed >> 24) % 2 == 0 ? j.client : actors[(seed >> 32) % N_ACTORS];
    }

    /// @dev Calls the escrow as `caller`, then books money (balance deltas and JobSettled events) against the
    /// job and checks every status change against the transition table.
    function _call(uint256 id, Action action, address caller, bytes memory data) internal {
        IAgentEscrow.Job memory before = escrow.getJob(id);
        uint256[2] memory balBefore = _escrowBalances();
        vm.recordLogs();
        vm.prank(caller);
        (bool ok,) = address(escrow).call(data);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        ++calls[ok ? bytes32(uint256(action) + 1) : bytes32(uint256(action) + 101)];

        uint256[2] memory balAfter = _escrowBalances();
        for (uint256 t; t < 2; ++t) {
            if (tokens[t] == before.token) {
                if (balAfter[t] > balBefore[t]) ghostReceived[id] += balAfter[t] - balBefore[t];
                if (balAfter[t] < balBefore[t]) ghostPaid[id] += balBefore[t] - balAfter[t];
            } else if (balAfter[t] != balBefore[t]) {
                ++strayBalanceChanges;
            }
        }
        _checkSettlements(id, logs);

        for (uint256 k; k < jobIds.length; ++k) {
            uint256 jid = jobIds[k];
            IAgentEscrow.JobStatus now_ = escrow.getJob(jid).status;
            IAgentEscrow.JobStatus was = lastStatus[jid];
            if (now_ == was) continue;
            transitions.push(Transition(jid, was, now_, action));
            if (jid != id || !_allowed(before, was, now_, action, caller)) ++illegalTransitions;
            lastStatus[jid] = now_;
        }
    }

    function _checkSettlements(uint256 id, Vm.Log[] memory logs) internal {
        bytes32 topic = IAgentEscrow.JobSettled.selector;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter != address(escrow) || logs[i].topics[0] != topic) continue;
            (, uint256 toProvider, uint256 toClient, uint256 fee) =
                abi.decode(logs[i].data, (address, uint256, uint256, uint256));
            ++ghostSettlements[id];
            if (uint256(logs[i].topics[1]) != id || toProvider + toClient + fee != escrow.getJob(id).funded) {
                ++badSettlements;
            }
        }
    }

    function _escrowBalances() internal view returns (uint256[2] memory b) {
        b[0] = IERC20(tokens[0]).balanceOf(address(escrow));
        b[1] = IERC20(tokens[1]).balanceOf(address(escrow));
    }

    /// @dev The transition table of docs/escrow.md, with the caller and time conditions.
    function _allowed(
        IAgentEscrow.Job memory j,
        IAgentEscrow.JobStatus from,
        IAgentEscrow.JobStatus to,
        Action action,
        address caller
    ) internal view returns (bool) {
        bool agreement = j.agreementHash != bytes32(0);
        uint256 t = currentTime;
        if (from == IAgentEscrow.JobStatus.Open) {
            if (to == IAgentEscrow.JobStatus.Funded) return action == Action.Fund && caller == j.client;
            if (to == IAgentEscrow.JobStatus.Rejected) return action == Action.Reject && caller == j.client;
            return false;
        }
        if (from == IAgentEscrow.JobStatus.Funded) {
            if (to == IAgentEscrow.JobStatus.Submitted) {
                return action == Action.Submit && caller == j.provider && t < j.expiredAt;
            }
            if (to == IAgentEscrow.JobStatus.Rejected) {
                return action == Action.Reject && (caller == j.evaluator || caller == j.provider);
            }
            if (to == IAgentEscrow.JobStatus.Expired) return action == Action.ClaimRefund && t >= j.expiredAt;
            return false;
        }
        if (from == IAgentEscrow.JobStatus.Submitted) {
            uint256 windowEnd = uint256(j.submittedAt) + j.reviewWindow;
            if (to == IAgentEscrow.JobStatus.Completed) {
                if (action == Action.Complete) {
                    return agreement ? (caller == j.client || caller == j.evaluator) : caller == j.evaluator;
                }
                if (action == Action.Release) return agreement && t >= windowEnd;
                return action == Action.Settle && agreement && j.validator != address(0);
            }
            if (to == IAgentEscrow.JobStatus.Rejected) {
                if (action == Action.Reject) return caller == j.evaluator || caller == j.provider;
                return action == Action.Settle && agreement && j.validator != address(0);
            }
            if (to == IAgentEscrow.JobStatus.Expired) {
                return action == Action.ClaimRefund && !agreement && t >= j.expiredAt;
            }
            if (to == IAgentEscrow.JobStatus.Disputed) {
                return action == Action.Dispute && agreement && caller == j.client && j.evaluator != address(0)
                    && t < windowEnd;
            }
            return false;
        }
        if (from == IAgentEscrow.JobStatus.Disputed) {
            uint256 timeout = uint256(j.disputedAt) + escrow.ARBITRATION_TIMEOUT();
            if (to == IAgentEscrow.JobStatus.Resolved) {
                return action == Action.Resolve && caller == j.evaluator && t < timeout;
            }
            if (to == IAgentEscrow.JobStatus.Expired) return action == Action.ClaimRefund && t >= timeout;
            return false;
        }
        // Completed, Rejected, Expired and Resolved are final.
        return false;
    }
}
