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
/// every entry point with callers, states and times that are sometimes wrong.
///
/// The handler never reverts on what it observes: a revert would undo the state that showed the problem, and with
/// `fail_on_revert = false` forge would also throw the revert away. It keeps a ghost model of every job instead
/// (docs/escrow.md applied to the calls it made, never read back from the escrow), predicts from it whether each
/// call must succeed and what it must do, and books every disagreement in a counter the invariants assert to be
/// zero: a call that succeeded or failed against the rules, a settlement whose split or transfers differ from the
/// rules, a token moved for another job. It also records every call's (status before, status after) on the chain,
/// changed or not, and counts each action's attempts and successes, so that a campaign can show it did something.
contract EscrowHandler is Test {
    enum Action {
        CreatePlainJob,
        CreateAgreementJob,
        SetProvider,
        SetBudget,
        Fund,
        Submit,
        Complete,
        Reject,
        ClaimRefund,
        Dispute,
        Resolve,
        Release,
        Settle,
        Validate,
        InvalidateNonce,
        SetFee,
        Warp
    }

    uint256 public constant N_ACTIONS = 17; // Action.Warp + 1

    /// @notice One call on a job as the chain saw it: its status before and after, whether or not it changed.
    struct Step {
        uint256 jobId;
        IAgentEscrow.JobStatus from;
        IAgentEscrow.JobStatus to;
        Action action;
        bool ok;
    }

    /// @notice What the rules say a job is, built only from the calls the handler made and their predicted effect.
    struct Model {
        IAgentEscrow.JobStatus status;
        bool agreement;
        bool funded;
        uint16 feeBps;
        uint16 latePenaltyBps;
        uint8 threshold;
        address client;
        address provider;
        address evaluator;
        address token;
        address validator;
        uint64 expiredAt;
        uint64 deliveryDeadline;
        uint64 reviewWindow;
        uint64 submittedAt;
        uint64 disputedAt;
        uint256 budget;
        uint256 providerAgentId;
        // the job's validation request, as the handler made it
        address requestValidator;
        uint256 requestAgent;
        bool answered;
        uint8 response;
    }

    /// @dev A call under way: what was known before it.
    struct Pending {
        uint256 id;
        Action action;
        IAgentEscrow.JobStatus from;
        uint256 arg;
        uint256[2] escrowBefore;
        uint256[3] partiesBefore;
        Expected expected;
    }

    /// @notice The part of a job's model that getJob also shows.
    struct Lifecycle {
        IAgentEscrow.JobStatus status;
        address provider;
        uint256 budget;
        uint256 funded;
        uint16 feeBps;
        uint64 submittedAt;
        uint64 disputedAt;
    }

    /// @dev What a call is expected to do, worked out before it is made.
    struct Expected {
        bool ok;
        IAgentEscrow.JobStatus to;
        bool settles;
        uint256 toProvider;
        uint256 toClient;
        uint256 fee;
    }

    uint256 internal constant N_ACTORS = 4;
    uint256 internal constant MAX_PRICE = 1e24;
    uint256 internal constant BPS = 10_000;
    /// @dev How many of the latest jobs _pick considers (older ones are mostly settled; this bounds its cost).
    uint256 internal constant PICK_WINDOW = 32;

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
    /// @dev The job whose deadline the last warp landed on (or a second before), which _pick favours.
    uint256 internal focus;

    // ---- ghosts
    uint256[] public jobIds;
    mapping(uint256 jobId => Model) internal _models;
    mapping(address signer => mapping(uint256 nonce => bool)) internal _nonceUsed;
    uint16 public ghostFeeBps;
    mapping(uint256 jobId => uint256) public ghostReceived;
    mapping(uint256 jobId => uint256) public ghostPaid;
    mapping(uint256 jobId => uint256) public ghostSettlements;
    Step[] internal _steps;
    Pending internal _pending;

    // ---- counters: what each action tried and achieved in this run
    uint256[N_ACTIONS] public attempts;
    uint256[N_ACTIONS] public successes;
    uint256 public squatted;

    // ---- violations (asserted zero by the invariants)
    /// @notice Calls that succeeded although the rules forbid them, or failed although the rules allow them.
    uint256[N_ACTIONS] public mismatches;
    /// @notice Settlements whose JobSettled events or transfers differ from the rules' split.
    uint256 public badSettlements;
    /// @notice Calls that moved the escrow's balance of a token the addressed job does not use.
    uint256 public strayBalanceChanges;
    /// @notice Jobs created with an id other than the next one.
    uint256 public badJobIds;

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
        ghostFeeBps = escrow_.feeBps();
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
        // three jobs in four name their provider at once; the others need setProvider before they can be funded
        address provider = withProvider || providerSeed % 2 == 0 ? actors[(providerSeed >> 1) % N_ACTORS] : address(0);
        address token = tokens[tokenSeed % 2];
        uint64 expiredAt = SafeCast.toUint64(currentTime + 1 + uint256(keccak256(abi.encode(expirySeed))) % 10 days);
        ++attempts[uint256(Action.CreatePlainJob)];
        vm.prank(client);
        uint256 jobId;
        try escrow.createJob(provider, evaluator, expiredAt, "job", address(0), token) returns (uint256 id) {
            jobId = id;
        } catch {
            ++mismatches[uint256(Action.CreatePlainJob)];
            return;
        }
        if (jobId != jobIds.length + 1) ++badJobIds;
        jobIds.push(jobId);
        Model storage m = _models[jobId];
        m.client = client;
        m.provider = provider;
        m.evaluator = evaluator;
        m.token = token;
        m.expiredAt = expiredAt;
        // Open, nothing funded; the client sets a budget (zero sometimes, which fund must then refuse)
        uint256 budget = budgetSeed % 8 == 7 ? 0 : bound(budgetSeed, 1, MAX_PRICE);
        IMintable(token).mint(client, budget);
        vm.prank(client);
        try escrow.setBudget(jobId, budget, "") {
            m.budget = budget;
            ++successes[uint256(Action.CreatePlainJob)];
        } catch {
            ++mismatches[uint256(Action.CreatePlainJob)];
        }
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
        // the terms from a hash of the seed, so that small seeds (which the fuzzer likes) still vary every term
        uint256 terms = uint256(keccak256(abi.encode(termsSeed)));
        a.deliveryDeadline = SafeCast.toUint64(currentTime + bound(terms % 1e6, 1, 5 days));
        a.expiredAt = a.deliveryDeadline + SafeCast.toUint64(bound((terms >> 20) % 1e6, 0, 5 days));
        if ((terms >> 40) % 2 == 1) {
            a.validator = validator;
            a.validationThreshold = SafeCast.toUint8((terms >> 48) % 101);
            a.arbiter = arbiter;
        } else if ((terms >> 41) % 2 == 1) {
            a.arbiter = arbiter;
        }
        a.reviewWindow = SafeCast.toUint64((terms >> 56) % 3 days);
        a.latePenaltyBps = SafeCast.toUint16((terms >> 80) % 10_001);
        a.nonce = ++nonceCounter;
        a.expiry = currentTime + 1 hours;
        IMintable(a.token).mint(a.client, a.price);
        _createAgreementJob(a, keys[c], keys[p]);
    }

    function _createAgreementJob(IAgentEscrow.ServiceAgreement memory a, uint256 clientKey, uint256 providerKey)
        internal
    {
        bytes32 digest = escrow.hashAgreement(a);
        bytes memory cs = signDigest(clientKey, digest);
        bytes memory ps = signDigest(providerKey, digest);
        // Every term is valid; only a nonce either party cancelled beforehand (invalidateNonce) must stop it.
        bool expectOk = !_nonceUsed[a.client][a.nonce] && !_nonceUsed[a.provider][a.nonce];
        uint256 escrowBefore = IERC20(a.token).balanceOf(address(escrow));
        ++attempts[uint256(Action.CreateAgreementJob)];
        vm.prank(stranger);
        try escrow.createJobFromAgreement(a, cs, ps) returns (uint256 jobId) {
            ++successes[uint256(Action.CreateAgreementJob)];
            if (!expectOk) ++mismatches[uint256(Action.CreateAgreementJob)];
            if (jobId != jobIds.length + 1) ++badJobIds;
            _nonceUsed[a.client][a.nonce] = true;
            _nonceUsed[a.provider][a.nonce] = true;
            uint256 escrowAfter = IERC20(a.token).balanceOf(address(escrow));
            ghostReceived[jobId] = escrowAfter > escrowBefore ? escrowAfter - escrowBefore : 0;
            jobIds.push(jobId);
            _recordAgreement(jobId, a);
        } catch {
            if (expectOk) ++mismatches[uint256(Action.CreateAgreementJob)];
        }
    }

    function _recordAgreement(uint256 jobId, IAgentEscrow.ServiceAgreement memory a) internal {
        Model storage m = _models[jobId];
        m.status = IAgentEscrow.JobStatus.Funded;
        m.agreement = true;
        m.funded = true;
        m.feeBps = ghostFeeBps;
        m.latePenaltyBps = a.latePenaltyBps;
        m.threshold = a.validationThreshold;
        m.client = a.client;
        m.provider = a.provider;
        m.evaluator = a.arbiter;
        m.token = a.token;
        m.validator = a.validator;
        m.expiredAt = a.expiredAt;
        m.deliveryDeadline = a.deliveryDeadline;
        m.reviewWindow = a.reviewWindow;
        m.budget = a.price;
        m.providerAgentId = a.providerAgentId;
    }

    // ------------------------------------------------------------------ lifecycle
    // Each action picks a job (mostly one where the rules let the intended caller act, see _pick) and a caller
    // (mostly the intended one, see _caller), and goes through _call, which holds the outcome against the rules.

    function setProvider(uint256 jobSeed, uint256 providerSeed, uint256 callerSeed) external {
        address p = actors[providerSeed % N_ACTORS];
        (uint256 id, address caller) = _pick(jobSeed, Action.SetProvider, callerSeed, uint160(p));
        if (id == 0) return;
        _call(id, Action.SetProvider, caller, uint160(p), abi.encodeCall(IAgentEscrow.setProvider, (id, p, "")));
    }

    function setBudget(uint256 jobSeed, uint256 amount, uint256 callerSeed) external {
        amount = bound(amount, 0, MAX_PRICE);
        (uint256 id, address caller) = _pick(jobSeed, Action.SetBudget, callerSeed, amount);
        if (id == 0) return;
        IMintable(_models[id].token).mint(_models[id].client, amount);
        _call(id, Action.SetBudget, caller, amount, abi.encodeCall(IAgentEscrow.setBudget, (id, amount, "")));
    }

    /// @notice The client funds with the budget it saw; one call in sixteen expects another budget.
    function fund(uint256 jobSeed, uint256 callerSeed) external {
        (uint256 id, address caller) = _pick(jobSeed, Action.Fund, callerSeed, 0);
        if (id == 0) return;
        uint256 expected = _models[id].budget + ((callerSeed >> 40) % 16 == 0 ? 1 : 0);
        _call(id, Action.Fund, caller, expected, abi.encodeCall(IAgentEscrow.fund, (id, expected, "")));
    }

    function submit(uint256 jobSeed, uint256 callerSeed, bytes32 deliverable) external {
        (uint256 id, address caller) = _pick(jobSeed, Action.Submit, callerSeed, 0);
        if (id == 0) return;
        _call(
            id, Action.Submit, caller, uint256(deliverable), abi.encodeCall(IAgentEscrow.submit, (id, deliverable, ""))
        );
    }

    function complete(uint256 jobSeed, uint256 callerSeed) external {
        (uint256 id, address caller) = _pick(jobSeed, Action.Complete, callerSeed, 0);
        if (id == 0) return;
        _call(id, Action.Complete, caller, 0, abi.encodeCall(IAgentEscrow.complete, (id, "ok", "")));
    }

    function reject(uint256 jobSeed, uint256 callerSeed) external {
        (uint256 id, address caller) = _pick(jobSeed, Action.Reject, callerSeed, 0);
        if (id == 0) return;
        _call(id, Action.Reject, caller, 0, abi.encodeCall(IAgentEscrow.reject, (id, "no", "")));
    }

    function claimRefund(uint256 jobSeed, uint256 callerSeed) external {
        (uint256 id, address caller) = _pick(jobSeed, Action.ClaimRefund, callerSeed, 0);
        if (id == 0) return;
        _call(id, Action.ClaimRefund, caller, 0, abi.encodeCall(IAgentEscrow.claimRefund, (id)));
    }

    function dispute(uint256 jobSeed, uint256 callerSeed) external {
        (uint256 id, address caller) = _pick(jobSeed, Action.Dispute, callerSeed, 0);
        if (id == 0) return;
        _call(id, Action.Dispute, caller, 0, abi.encodeCall(IAgentEscrow.dispute, (id, "bad")));
    }

    /// @notice The arbiter splits a disputed job; one split in about ten thousand is out of range.
    function resolve(uint256 jobSeed, uint256 callerSeed, uint256 bps) external {
        uint16 split = uint16(bound(bps, 0, 10_001));
        (uint256 id, address caller) = _pick(jobSeed, Action.Resolve, callerSeed, split);
        if (id == 0) return;
        _call(id, Action.Resolve, caller, split, abi.encodeCall(IAgentEscrow.resolve, (id, split, "x")));
    }

    function release(uint256 jobSeed, uint256 callerSeed) external {
        (uint256 id, address caller) = _pick(jobSeed, Action.Release, callerSeed, 0);
        if (id == 0) return;
        _call(id, Action.Release, caller, 0, abi.encodeCall(IAgentEscrow.release, (id)));
    }

    function settleFromValidation(uint256 jobSeed, uint256 callerSeed) external {
        (uint256 id, address caller) = _pick(jobSeed, Action.Settle, callerSeed, 0);
        if (id == 0) return;
        _call(id, Action.Settle, caller, 0, abi.encodeCall(IAgentEscrow.settleFromValidation, (id)));
    }

    /// @notice The provider opens the job's validation request (or, one time in four, a squatter takes the hash
    /// first, naming someone else), and whoever the request names answers.
    function validate(uint256 jobSeed, uint8 response, bool squatSeed) external {
        bool squat = squatSeed && jobSeed % 2 == 0;
        (uint256 id, Model storage m) = _pickValidated(jobSeed);
        if (id == 0) return;
        ++attempts[uint256(Action.Validate)];
        bytes32 requestHash;
        try escrow.validationRequestHash(id) returns (bytes32 h) {
            requestHash = h;
        } catch {
            ++mismatches[uint256(Action.Validate)];
            return;
        }
        if (m.requestValidator == address(0)) {
            address named = squat ? stranger : m.validator;
            uint256 agentId = squat ? squatterAgent : m.providerAgentId;
            vm.prank(squat ? squatter : m.provider);
            try validation.validationRequest(named, agentId, "", requestHash) {
                m.requestValidator = named;
                m.requestAgent = agentId;
                if (squat) ++squatted;
            } catch {
                ++mismatches[uint256(Action.Validate)];
                return;
            }
        }
        uint8 r = uint8(bound(response, 0, 100));
        vm.prank(m.requestValidator);
        try validation.validationResponse(requestHash, r, "", keccak256("r"), "") {
            m.answered = true;
            m.response = r;
            ++successes[uint256(Action.Validate)];
        } catch {
            ++mismatches[uint256(Action.Validate)];
        }
    }

    /// @notice An actor cancels one of the next few agreement nonces; the nonce must then refuse to be used again,
    /// by invalidateNonce as by an agreement.
    function invalidateNonce(uint256 actorSeed, uint256 nonce) external {
        _sync();
        address actor = actors[actorSeed % N_ACTORS];
        nonce = bound(nonce, nonceCounter + 1, nonceCounter + 3);
        bool expectOk = !_nonceUsed[actor][nonce];
        ++attempts[uint256(Action.InvalidateNonce)];
        vm.prank(actor);
        try escrow.invalidateNonce(nonce) {
            ++successes[uint256(Action.InvalidateNonce)];
            if (!expectOk) ++mismatches[uint256(Action.InvalidateNonce)];
            _nonceUsed[actor][nonce] = true;
        } catch {
            if (expectOk) ++mismatches[uint256(Action.InvalidateNonce)];
        }
    }

    /// @notice The owner sets a fee for future jobs; one above the cap must be refused.
    function setFee(uint256 feeSeed) external {
        _sync();
        uint16 fee = uint16(bound(feeSeed, 0, 1100));
        bool expectOk = fee <= escrow.MAX_FEE_BPS();
        ++attempts[uint256(Action.SetFee)];
        vm.prank(owner);
        try escrow.setFee(fee) {
            ++successes[uint256(Action.SetFee)];
            if (!expectOk) ++mismatches[uint256(Action.SetFee)];
            ghostFeeBps = fee;
        } catch {
            if (expectOk) ++mismatches[uint256(Action.SetFee)];
        }
    }

    /// @notice Half the time a short step (up to two days); one time in four a jump of 30 to 31 days (past any
    /// deadline or arbitration timeout); one time in four onto a job's deadline or a second before it, where the
    /// rules change.
    function warp(uint256 dt) external {
        uint256 step = dt % 4 == 0 ? 30 days + bound(dt >> 8, 0, 1 days) : bound(dt >> 8, 0, 2 days);
        if (dt % 4 == 1 && jobIds.length != 0) {
            uint256 id = jobIds[(dt >> 16) % jobIds.length];
            uint256 b = _boundary(id, dt >> 24) - (dt >> 12) % 2;
            if (b > currentTime) {
                step = b - currentTime;
                focus = id;
            }
        }
        currentTime += step;
        vm.warp(currentTime);
        ++attempts[uint256(Action.Warp)];
        ++successes[uint256(Action.Warp)];
    }

    // ------------------------------------------------------------------ views for the invariants

    function jobCount() external view returns (uint256) {
        return jobIds.length;
    }

    function actionName(uint256 a) external pure returns (string memory) {
        string[N_ACTIONS] memory names = [
            "createPlainJob",
            "createAgreementJob",
            "setProvider",
            "setBudget",
            "fund",
            "submit",
            "complete",
            "reject",
            "claimRefund",
            "dispute",
            "resolve",
            "release",
            "settleFromValidation",
            "validate",
            "invalidateNonce",
            "setFee",
            "warp"
        ];
        return names[a];
    }

    function model(uint256 jobId) external view returns (Lifecycle memory l) {
        Model storage m = _models[jobId];
        l.status = m.status;
        l.provider = m.provider;
        l.budget = m.budget;
        l.funded = m.funded ? m.budget : 0;
        l.feeBps = m.feeBps;
        l.submittedAt = m.submittedAt;
        l.disputedAt = m.disputedAt;
    }

    function steps() external view returns (Step[] memory) {
        return _steps;
    }

    // ------------------------------------------------------------------ the rules (docs/escrow.md)

    /// @dev Whether `action` by `caller` now must succeed on a job in the model's state, and the state it leads
    /// to. `arg` is the action's argument (provider, budget, expected budget, deliverable, split).
    function _rules(Model storage m, Action action, address caller, uint256 arg)
        internal
        view
        returns (bool ok, IAgentEscrow.JobStatus to)
    {
        IAgentEscrow.JobStatus s = m.status;
        uint256 t = currentTime;
        to = s;
        if (action == Action.SetProvider) {
            ok = caller == m.client && s == IAgentEscrow.JobStatus.Open && m.provider == address(0) && arg != 0;
        } else if (action == Action.SetBudget) {
            ok = (caller == m.client || caller == m.provider) && s == IAgentEscrow.JobStatus.Open;
        } else if (action == Action.Fund) {
            ok = caller == m.client && s == IAgentEscrow.JobStatus.Open && m.budget != 0 && m.provider != address(0)
                && arg == m.budget && t < m.expiredAt;
            to = IAgentEscrow.JobStatus.Funded;
        } else if (action == Action.Submit) {
            ok = caller == m.provider && s == IAgentEscrow.JobStatus.Funded && t < m.expiredAt;
            to = IAgentEscrow.JobStatus.Submitted;
        } else if (action == Action.Complete) {
            bool decider = m.agreement ? caller == m.client || caller == m.evaluator : caller == m.evaluator;
            ok = decider && s == IAgentEscrow.JobStatus.Submitted;
            to = IAgentEscrow.JobStatus.Completed;
        } else if (action == Action.Reject) {
            if (s == IAgentEscrow.JobStatus.Open) {
                ok = caller == m.client;
            } else if (s == IAgentEscrow.JobStatus.Funded || s == IAgentEscrow.JobStatus.Submitted) {
                ok = caller == m.evaluator || caller == m.provider;
            }
            to = IAgentEscrow.JobStatus.Rejected;
        } else if (action == Action.ClaimRefund) {
            if (s == IAgentEscrow.JobStatus.Funded) {
                ok = t >= m.expiredAt;
            } else if (s == IAgentEscrow.JobStatus.Submitted) {
                ok = !m.agreement && t >= m.expiredAt;
            } else if (s == IAgentEscrow.JobStatus.Disputed) {
                ok = t >= uint256(m.disputedAt) + escrow.ARBITRATION_TIMEOUT();
            }
            to = IAgentEscrow.JobStatus.Expired;
        } else if (action == Action.Dispute) {
            ok = m.agreement && caller == m.client && m.evaluator != address(0) && s == IAgentEscrow.JobStatus.Submitted
                && t < uint256(m.submittedAt) + m.reviewWindow;
            to = IAgentEscrow.JobStatus.Disputed;
        } else if (action == Action.Resolve) {
            ok = caller == m.evaluator && s == IAgentEscrow.JobStatus.Disputed && arg <= BPS
                && t < uint256(m.disputedAt) + escrow.ARBITRATION_TIMEOUT();
            to = IAgentEscrow.JobStatus.Resolved;
        } else if (action == Action.Release) {
            ok = m.agreement && s == IAgentEscrow.JobStatus.Submitted && t >= uint256(m.submittedAt) + m.reviewWindow
                && !(m.validator != address(0) && _validatorAnswered(m));
            to = IAgentEscrow.JobStatus.Completed;
        } else if (action == Action.Settle) {
            ok = m.validator != address(0) && s == IAgentEscrow.JobStatus.Submitted && _validatorAnswered(m);
            to = m.response >= m.threshold ? IAgentEscrow.JobStatus.Completed : IAgentEscrow.JobStatus.Rejected;
        }
        if (!ok) to = s;
    }

    /// @dev The agreed validator has answered a request naming the job's agent.
    function _validatorAnswered(Model storage m) internal view returns (bool) {
        return m.requestValidator == m.validator && m.requestAgent == m.providerAgentId && m.answered;
    }

    /// @dev The split of docs/escrow.md ("Money") for a job that settles into `to`.
    function _expect(Model storage m, Action action, address caller, uint256 arg)
        internal
        view
        returns (Expected memory e)
    {
        (e.ok, e.to) = _rules(m, action, caller, arg);
        if (!e.ok || !_isFinal(e.to) || !m.funded) return e;
        e.settles = true;
        uint256 funded = m.budget;
        if (e.to == IAgentEscrow.JobStatus.Completed) {
            uint256 penalty;
            if (m.submittedAt > m.deliveryDeadline && m.latePenaltyBps != 0) penalty = funded * m.latePenaltyBps / BPS;
            e.fee = (funded - penalty) * m.feeBps / BPS;
            e.toProvider = funded - penalty - e.fee;
            e.toClient = penalty;
        } else if (e.to == IAgentEscrow.JobStatus.Resolved) {
            e.toProvider = funded * arg / BPS;
            e.toClient = funded - e.toProvider;
        } else {
            e.toClient = funded;
        }
    }

    function _apply(Model storage m, Action action, uint256 arg, IAgentEscrow.JobStatus to) internal {
        if (action == Action.SetProvider) m.provider = address(uint160(arg));
        if (action == Action.SetBudget) m.budget = arg;
        if (action == Action.Fund) {
            m.funded = true;
            m.feeBps = ghostFeeBps;
        }
        if (action == Action.Submit) m.submittedAt = uint64(currentTime);
        if (action == Action.Dispute) m.disputedAt = uint64(currentTime);
        m.status = to;
    }

    // ------------------------------------------------------------------ internals

    function _sync() internal {
        vm.warp(currentTime);
    }

    /// @dev Three times in four one of the latest PICK_WINDOW jobs on which the rules let the intended caller
    /// (see _intended) make this call now, if there is one; one time in eight the job whose deadline the clock just
    /// reached (see warp), whatever the rules say; otherwise any job. Then the caller: mostly the intended one (see
    /// _caller). So most calls should succeed, and wrong jobs, states, callers and times are still tried.
    function _pick(uint256 seed, Action action, uint256 callerSeed, uint256 arg)
        internal
        returns (uint256 id, address caller)
    {
        _sync();
        uint256 n = jobIds.length;
        if (n == 0) return (0, address(0));
        id = jobIds[(seed >> 8) % n];
        if (seed % 8 == 1 && focus != 0) {
            id = focus;
        } else if (seed % 8 > 1) {
            uint256[PICK_WINDOW] memory ready;
            uint256 count;
            for (uint256 k = n > PICK_WINDOW ? n - PICK_WINDOW : 0; k < n; ++k) {
                Model storage jm = _models[jobIds[k]];
                (bool ok,) =
                    _rules(jm, action, _intended(jm, action, callerSeed), action == Action.Fund ? jm.budget : arg);
                if (ok) ready[count++] = jobIds[k];
            }
            if (count != 0) id = ready[(seed >> 8) % count];
        }
        Model storage m = _models[id];
        caller = _caller(m, callerSeed, _intended(m, action, callerSeed));
    }

    /// @dev Who should make this call on this job (a party entitled to it, when there is one).
    function _intended(Model storage m, Action action, uint256 callerSeed) internal view returns (address) {
        bool even = callerSeed % 2 == 0;
        if (action == Action.SetBudget) return even ? m.client : m.provider;
        if (action == Action.Submit) return m.provider;
        if (action == Action.Complete) return m.agreement && even ? m.client : m.evaluator;
        if (action == Action.Reject) {
            return m.status == IAgentEscrow.JobStatus.Open ? m.client : (even ? m.evaluator : m.provider);
        }
        if (action == Action.Resolve) return m.evaluator;
        if (action == Action.ClaimRefund || action == Action.Release || action == Action.Settle) return stranger;
        return m.client; // setProvider, fund, dispute
    }

    /// @dev One of the latest PICK_WINDOW jobs that is submitted (by the model) and names a validator, if any.
    function _pickValidated(uint256 seed) internal returns (uint256 id, Model storage m) {
        _sync();
        uint256 n = jobIds.length;
        uint256 w = n < PICK_WINDOW ? n : PICK_WINDOW;
        for (uint256 k; k < w; ++k) {
            uint256 jid = jobIds[n - w + (seed % w + k) % w];
            Model storage jm = _models[jid];
            if (jm.status == IAgentEscrow.JobStatus.Submitted && jm.validator != address(0)) return (jid, jm);
        }
        return (0, _models[0]);
    }

    /// @dev The first second at which a rule changes for some job: it expires, is late, its review window closes,
    /// its arbitration times out.
    function _boundary(uint256 id, uint256 seed) internal view returns (uint256) {
        Model storage m = _models[id];
        uint256 kind = seed % 3;
        if (kind == 1 && m.status == IAgentEscrow.JobStatus.Submitted) return uint256(m.submittedAt) + m.reviewWindow;
        if (kind == 1 && m.agreement) return uint256(m.deliveryDeadline) + 1;
        if (kind == 2 && m.status == IAgentEscrow.JobStatus.Disputed) {
            return uint256(m.disputedAt) + escrow.ARBITRATION_TIMEOUT();
        }
        return m.expiredAt;
    }

    function _isFinal(IAgentEscrow.JobStatus s) internal pure returns (bool) {
        return s == IAgentEscrow.JobStatus.Completed || s == IAgentEscrow.JobStatus.Rejected
            || s == IAgentEscrow.JobStatus.Expired || s == IAgentEscrow.JobStatus.Resolved;
    }

    /// @dev Three times in four the intended party, otherwise someone who may or may not be entitled.
    function _caller(Model storage m, uint256 seed, address intended) internal view returns (address) {
        uint256 r = (seed >> 16) % 8;
        if (r < 6 && intended != address(0)) return intended;
        if (r == 6) return stranger;
        return (seed >> 24) % 2 == 0 ? m.client : actors[(seed >> 32) % N_ACTORS];
    }

    /// @dev Calls the escrow as `caller` and holds the outcome against the rules: success or failure, the status
    /// the call leads to (recorded as a Step), the escrow's balances, the JobSettled split and the transfers to
    /// the parties. Then moves the model on as the rules say. (What is known before the call waits in storage, in
    /// `_pending`, so that few values are live around the call: via-IR runs out of stack otherwise.)
    function _call(uint256 id, Action action, address caller, uint256 arg, bytes memory data) internal {
        _prepare(id, action, caller, arg);
        (bool ok, Vm.Log[] memory logs) = _exec(caller, data);
        _conclude(ok, logs);
    }

    function _prepare(uint256 id, Action action, address caller, uint256 arg) internal {
        Model storage m = _models[id];
        Pending storage p = _pending;
        p.id = id;
        p.action = action;
        p.arg = arg;
        p.from = escrow.getJob(id).status;
        p.escrowBefore = _escrowBalances();
        p.partiesBefore = _partyBalances(m);
        p.expected = _expect(m, action, caller, arg);
    }

    function _exec(address caller, bytes memory data) internal returns (bool ok, Vm.Log[] memory logs) {
        vm.recordLogs();
        vm.prank(caller);
        (ok,) = address(escrow).call(data);
        logs = vm.getRecordedLogs();
    }

    function _conclude(bool ok, Vm.Log[] memory logs) internal {
        Pending storage p = _pending;
        uint256 id = p.id;
        Action action = p.action;
        Model storage m = _models[id];
        Expected memory e = p.expected;
        ++attempts[uint256(action)];
        if (ok) ++successes[uint256(action)];
        if (ok != e.ok) ++mismatches[uint256(action)];
        _steps.push(Step(id, p.from, escrow.getJob(id).status, action, ok));
        _bookEscrowBalances(id, m.token, p.escrowBefore);
        _countSettlements(id, logs);
        if (ok == e.ok) {
            // (a call with the wrong outcome is already a mismatch; the money it moved is still booked above)
            _checkSettlement(id, logs, e);
            if (e.settles) _checkTransfers(m, p.partiesBefore, e);
        }
        if (e.ok) _apply(m, action, p.arg, e.to);
    }

    function _escrowBalances() internal view returns (uint256[2] memory b) {
        b[0] = IERC20(tokens[0]).balanceOf(address(escrow));
        b[1] = IERC20(tokens[1]).balanceOf(address(escrow));
    }

    function _partyBalances(Model storage m) internal view returns (uint256[3] memory b) {
        IERC20 token = IERC20(m.token);
        b[0] = token.balanceOf(m.provider);
        b[1] = token.balanceOf(m.client);
        b[2] = token.balanceOf(escrow.feeRecipient());
    }

    function _bookEscrowBalances(uint256 id, address token, uint256[2] memory before) internal {
        uint256[2] memory balAfter = _escrowBalances();
        for (uint256 t; t < 2; ++t) {
            if (tokens[t] == token) {
                if (balAfter[t] > before[t]) ghostReceived[id] += balAfter[t] - before[t];
                if (balAfter[t] < before[t]) ghostPaid[id] += before[t] - balAfter[t];
            } else if (balAfter[t] != before[t]) {
                ++strayBalanceChanges;
            }
        }
    }

    /// @dev Counts the JobSettled events a call emitted against the job it addressed.
    function _countSettlements(uint256 id, Vm.Log[] memory logs) internal {
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == address(escrow) && logs[i].topics[0] == IAgentEscrow.JobSettled.selector) {
                ++ghostSettlements[id];
            }
        }
    }

    /// @dev Exactly one JobSettled, for this job and with the rules' split, when the call settles a funded job;
    /// none otherwise.
    function _checkSettlement(uint256 id, Vm.Log[] memory logs, Expected memory e) internal {
        bytes32 topic = IAgentEscrow.JobSettled.selector;
        uint256 seen;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter != address(escrow) || logs[i].topics[0] != topic) continue;
            (, uint256 toProvider, uint256 toClient, uint256 fee) =
                abi.decode(logs[i].data, (address, uint256, uint256, uint256));
            ++seen;
            if (
                uint256(logs[i].topics[1]) != id || toProvider != e.toProvider || toClient != e.toClient || fee != e.fee
            ) ++badSettlements;
        }
        if (seen != (e.settles ? 1 : 0)) ++badSettlements;
    }

    /// @dev The provider, the client and the fee recipient each received their part of the split.
    function _checkTransfers(Model storage m, uint256[3] memory before, Expected memory e) internal {
        uint256[3] memory b = _partyBalances(m);
        bool right;
        if (m.client == m.provider) {
            right = b[1] == before[1] + e.toProvider + e.toClient;
        } else {
            right = b[0] == before[0] + e.toProvider && b[1] == before[1] + e.toClient;
        }
        if (!right || b[2] != before[2] + e.fee) ++badSettlements;
    }
}
