// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Test} from "../utils/Test.sol";
import {AgentEscrow} from "../../src/AgentEscrow.sol";
import {MandateRegistry} from "../../src/MandateRegistry.sol";
import {IAgentEscrow} from "../../src/interfaces/IAgentEscrow.sol";
import {IMandateRegistry} from "../../src/interfaces/IMandateRegistry.sol";
import {IdentityRegistry} from "../../src/IdentityRegistry.sol";
import {TestUSD} from "../../src/TestUSD.sol";

/// @notice Drives agents spending their principals' mandates through the escrow: agreements under several
/// mandates at random prices (fresh ones, and proposals that approvers approve first), submissions, completions
/// with and without late penalties, every refund path (rejection, claimRefund after expiry, terminate), revocation,
/// freezes, new grants and time, including period rolls. Callers and moments are sometimes wrong on purpose.
///
/// As in EscrowHandler, the handler never reverts: it keeps a ghost model of every mandate (terms, revocation,
/// freezes, approvals, and the net spend in each period index, built only from the calls it made and the rules of
/// IMandateRegistry), predicts whether each call must succeed, and books every disagreement in counters the
/// invariants assert to be zero: a call whose outcome differs from the rules, a job funded while its mandate was
/// revoked, frozen or outside its window, a job above its cap, a period over budget, a payment that did not come
/// from (or a refund that did not go to) the principal.
contract MandateHandler is Test {
    enum Action {
        Fund,
        Propose,
        Approve,
        Submit,
        Complete,
        Reject,
        ClaimRefund,
        Terminate,
        Revoke,
        Freeze,
        Unfreeze,
        Grant,
        Warp
    }

    uint256 public constant N_ACTIONS = 13; // Action.Warp + 1

    /// @notice A mandate as the rules see it.
    struct MandateModel {
        address principal;
        uint256 agentId;
        address agent;
        uint256 maxPerJob;
        uint256 budget;
        uint64 period;
        uint64 validAfter;
        uint64 validUntil;
        bool anyPayee;
        bool anySpec;
        uint8 quorum;
        uint8 quorumHigh;
        uint256 escalateAbove;
        uint256 timelockAbove;
        uint64 timelock;
        address[] approvers;
        bool revoked;
        /// @dev The last period index anything was spent in (what the registry's spend slot describes).
        uint32 lastIndex;
    }

    /// @notice A job funded under a mandate.
    struct JobModel {
        uint256 mandateId;
        uint32 index;
        uint8 state; // FUNDED, SUBMITTED or SETTLED
        uint256 price;
        uint64 deliveryDeadline;
        uint64 expiredAt;
        uint64 submittedAt;
        address provider;
    }

    struct ApprovalModel {
        uint8 count;
        uint64 lastAt;
        mapping(address approver => bool) by;
    }

    /// @dev An agreement waiting for approvals.
    struct Proposal {
        IAgentEscrow.ServiceAgreement a;
        bytes32 hash;
        bool live;
    }

    /// @dev A (mandate, period index) the model has booked spend in.
    struct Touched {
        uint256 mandateId;
        uint32 index;
    }

    uint8 internal constant FUNDED = 1;
    uint8 internal constant SUBMITTED = 2;
    uint8 internal constant SETTLED = 3;
    uint256 internal constant USD = 1e6;
    uint256 internal constant BPS = 10_000;
    uint16 internal constant PENALTY_BPS = 1_000;
    uint256 internal constant PICK_WINDOW = 32;
    uint256 internal constant N_PROPOSALS = 8;
    uint256 internal constant PRINCIPAL_FUNDS = 1e18 * USD;
    uint256 internal constant AGENT_FUNDS = 1_000 * USD;
    bytes32 internal constant SPEC = keccak256("spec-0");
    bytes32 internal constant OTHER_SPEC = keccak256("spec-1");

    AgentEscrow public immutable escrow;
    MandateRegistry public immutable registry;
    IdentityRegistry public immutable identity;
    TestUSD public immutable usd;
    uint16 internal immutable feeBps;

    address[2] public principals;
    address[3] public agents;
    uint256[3] internal agentIds;
    address[2] public providers;
    uint256[2] internal providerIds;
    address[2] internal approvers;
    address public immutable guardian;
    address internal immutable stranger;
    address internal immutable relayer;
    address internal immutable arbiter;
    mapping(address account => uint256) internal keyOf;

    uint256 public currentTime;
    uint256 internal nonceCounter;

    // ---- ghosts
    mapping(uint256 mandateId => MandateModel) internal _mandates;
    uint256 public mandateCount;
    mapping(address principal => mapping(uint256 agentId => bool)) public frozenModel;
    mapping(uint256 mandateId => mapping(uint32 index => uint256)) public net;
    mapping(uint256 mandateId => mapping(uint32 index => bool)) internal _touched;
    Touched[] internal _touchedList;
    mapping(uint256 jobId => JobModel) internal _jobs;
    uint256[] public jobIds;
    mapping(bytes32 key => ApprovalModel) internal _approvals;
    Proposal[N_PROPOSALS] internal _proposals;
    uint256 internal proposalCursor;
    uint256 public ghostMinted;

    // ---- counters
    uint256[N_ACTIONS] public attempts;
    uint256[N_ACTIONS] public successes;
    /// @notice Calls that succeeded although the rules forbid them, or failed although the rules allow them.
    uint256[N_ACTIONS] public mismatches;
    /// @notice Jobs funded while the model had their mandate revoked, its agent frozen or it outside its window.
    uint256 public fundedWhileBlocked;
    /// @notice Jobs funded above their mandate's per-job cap.
    uint256 public fundedOverCap;
    /// @notice Spends that took a period's net spend over the budget.
    uint256 public overBudget;
    /// @notice Fundings not paid by the principal, or payouts whose parts did not reach the principal, provider and
    /// fee recipient as the rules say (an agent's wallet paying or being paid counts here too).
    uint256 public badPayments;

    // ---- coverage: how often the interesting paths were taken (asserted by the campaign's afterInvariant)
    /// @notice Jobs funded above the autonomous band (approvals checked), and above the timelock band.
    uint256 public fundedWithApprovals;
    uint256 public fundedAfterTimelock;
    /// @notice Jobs funded in a period after the first (a budget that reset).
    uint256 public fundedInLaterPeriod;
    /// @notice Fundings refused because the period's budget was spent.
    uint256 public refusedOverBudget;
    /// @notice Money back to a principal in the job's own period (restored), and after the period rolled (not).
    uint256 public refundsRestored;
    uint256 public refundsAfterRoll;

    constructor(AgentEscrow escrow_, MandateRegistry registry_, IdentityRegistry identity_, TestUSD usd_) {
        escrow = escrow_;
        registry = registry_;
        identity = identity_;
        usd = usd_;
        feeBps = escrow_.feeBps();
        currentTime = block.timestamp;
        guardian = makeAddr("m.guardian");
        stranger = _keyed("m.stranger");
        relayer = makeAddr("m.relayer");
        arbiter = makeAddr("m.arbiter");
        principals = [makeAddr("m.principal0"), makeAddr("m.principal1")];
        for (uint256 i; i < 2; ++i) {
            _fundAccount(principals[i], PRINCIPAL_FUNDS);
            vm.prank(principals[i]);
            registry_.setGuardian(guardian);
            approvers[i] = _keyed(string.concat("m.approver", vm.toString(i)));
            providers[i] = _keyed(string.concat("m.provider", vm.toString(i)));
            vm.prank(providers[i]);
            providerIds[i] = identity_.register();
        }
        for (uint256 i; i < 3; ++i) {
            agents[i] = _keyed(string.concat("m.agent", vm.toString(i)));
            vm.prank(agents[i]);
            agentIds[i] = identity_.register();
            // the agents approve the escrow and hold money too, so that charging an agent would go through
            _fundAccount(agents[i], AGENT_FUNDS);
        }

        // Four mandates to start with (more come from grant):
        // 1: principal 0 -> agent 0, $1,000 a day, any payee and spec, bands $100 / $250, two approvers, 2 h
        _grantInitial(0, 0, 400 * USD, 1_000 * USD, 1 days, 0, 400 days, true, true, 2, 100 * USD, 250 * USD, 2 hours);
        // 2: principal 0 -> agent 1, $2,000 once, provider 0 only, every price autonomous
        _grantInitial(0, 1, 500 * USD, 2_000 * USD, 0, 0, 400 days, false, true, 0, 500 * USD, 500 * USD, 0);
        // 3: principal 1 -> agent 0 (the same agent, another principal), $600 a week, one spec, one approver
        _grantInitial(1, 0, 300 * USD, 600 * USD, 7 days, 0, 400 days, true, false, 1, 150 * USD, 300 * USD, 0);
        // 4: principal 1 -> agent 2, $300 an hour, provider 0 and one spec, valid from tomorrow for 20 days
        _grantInitial(1, 2, 300 * USD, 300 * USD, 1 hours, 1 days, 20 days, false, false, 0, 300 * USD, 300 * USD, 0);
    }

    // ------------------------------------------------------------------ funding

    /// @notice Funds an agreement: half the time a waiting proposal the model says is ready (approved, timelock run
    /// out), if any, and one time in sixteen any waiting proposal, ready or not; otherwise a fresh agreement under a
    /// mandate (mostly a usable one), mostly in its autonomous band, with now and then a wrong client, payee or
    /// spec, or a price above the cap. A proposal is used up by the attempt, whatever its outcome.
    function fund(uint256 seed) external {
        _sync();
        seed = _mix(seed);
        if (seed % 2 == 0) {
            uint256 start = (seed >> 4) % N_PROPOSALS;
            for (uint256 k; k < N_PROPOSALS; ++k) {
                Proposal storage p = _proposals[(start + k) % N_PROPOSALS];
                if (!p.live) continue;
                (bool ready,) = _expectFund(p.a, p.hash);
                if (ready || (seed >> 1) % 8 == 0) {
                    p.live = false;
                    _fundAgreement(p.a);
                    return;
                }
            }
        }
        uint256 id = _pickMandate(seed >> 8, true);
        MandateModel storage mm = _mandates[id];
        uint256 r = uint256(keccak256(abi.encode(seed)));
        IAgentEscrow.ServiceAgreement memory a = _agreementFor(id, r);
        uint256 kind = (r >> 100) % 16;
        uint256 autonomous = mm.escalateAbove < mm.maxPerJob ? mm.escalateAbove : mm.maxPerJob;
        if (kind < 12) a.price = bound(r >> 120, 1, autonomous);
        else if (kind < 14) a.price = bound(r >> 120, 1, mm.maxPerJob);
        else a.price = bound(r >> 120, 1, mm.maxPerJob + mm.maxPerJob / 4 + 1);
        if (kind == 15) a.client = agents[(_agentIndex(mm.agent) + 1) % 3];
        if ((r >> 200) % 16 == 0) {
            a.provider = providers[1];
            a.providerAgentId = providerIds[1];
        }
        if ((r >> 204) % 16 == 0) a.deliverableSpecHash = OTHER_SPEC;
        _fundAgreement(a);
    }

    /// @notice An agreement above a mandate's autonomous band (half the time under a mandate with a timelock band,
    /// and then half the time in that band), kept for approvers to approve and fund to fund.
    function propose(uint256 seed) external {
        _sync();
        seed = _mix(seed);
        uint256 id = _pickMandate(seed, true);
        // half the time a usable mandate with a timelock band, if there is one
        if ((seed >> 128) % 2 == 0) {
            for (uint256 k; k < mandateCount; ++k) {
                uint256 c = (id - 1 + k) % mandateCount + 1;
                if (!blocked(c) && _mandates[c].timelockAbove < _mandates[c].maxPerJob) {
                    id = c;
                    break;
                }
            }
        }
        MandateModel storage mm = _mandates[id];
        if (mm.approvers.length == 0 || mm.escalateAbove >= mm.maxPerJob) return;
        // let the waiting ones gather approvals: no new proposal while six wait (those that can never be funded,
        // under a revoked or expired mandate or past their own expiry, are dropped first)
        uint256 waiting;
        for (uint256 k; k < N_PROPOSALS; ++k) {
            Proposal storage q = _proposals[k];
            if (!q.live) continue;
            MandateModel storage qm = _mandates[q.a.mandateId];
            if (qm.revoked || currentTime >= qm.validUntil || currentTime > q.a.expiry) q.live = false;
            else ++waiting;
        }
        if (waiting >= 6) return;
        ++attempts[uint256(Action.Propose)];
        uint256 r = uint256(keccak256(abi.encode(seed, "propose")));
        IAgentEscrow.ServiceAgreement memory a = _agreementFor(id, r);
        // half the time above the timelock band's bound, if the mandate has that band
        if (mm.timelockAbove < mm.maxPerJob && (r >> 180) % 2 == 0) {
            a.price = bound(r >> 120, mm.timelockAbove + 1, mm.maxPerJob);
        } else {
            a.price = bound(
                r >> 120, mm.escalateAbove + 1, mm.timelockAbove < mm.maxPerJob ? mm.timelockAbove : mm.maxPerJob
            );
        }
        // long enough to gather approvals and wait out a timelock
        a.expiry = currentTime + 3 days;
        a.deliveryDeadline = SafeCast.toUint64(a.expiry + 1);
        a.expiredAt = a.deliveryDeadline + SafeCast.toUint64((r >> 60) % 2 days);
        uint256 slot = proposalCursor++ % N_PROPOSALS;
        for (uint256 k; k < N_PROPOSALS && _proposals[slot].live; ++k) {
            slot = proposalCursor++ % N_PROPOSALS;
        }
        Proposal storage p = _proposals[slot];
        p.a = a;
        p.hash = escrow.hashAgreement(a);
        p.live = true;
        ++successes[uint256(Action.Propose)];
    }

    /// @notice An approver (now and then the agent or a stranger) approves a waiting proposal, mostly one that still
    /// needs approvals, directly or by a relayed signature; mostly an approver that has not approved it yet.
    function approve(uint256 seed) external {
        _sync();
        seed = _mix(seed);
        uint256 slot = seed % N_PROPOSALS;
        for (uint256 k; k < N_PROPOSALS; ++k) {
            uint256 c = (seed % N_PROPOSALS + k) % N_PROPOSALS;
            if (_proposals[c].live && _approvalsMissing(_proposals[c])) {
                slot = c;
                break;
            }
        }
        Proposal storage p = _proposals[slot];
        if (!p.live) return;
        uint256 id = p.a.mandateId;
        bytes32 h = p.hash;
        MandateModel storage mm = _mandates[id];
        uint256 r = (seed >> 8) % 8;
        address who = r == 0 ? mm.agent : r == 1 ? stranger : _freshApprover(mm, _approvals[_key(id, h)], seed >> 16);
        ApprovalModel storage am = _approvals[_key(id, h)];
        bool listed;
        for (uint256 i; i < mm.approvers.length; ++i) {
            if (mm.approvers[i] == who) listed = true;
        }
        bool expectOk = !mm.revoked && listed && !am.by[who];
        ++attempts[uint256(Action.Approve)];
        bool ok;
        if ((seed >> 24) % 2 == 0) {
            vm.prank(who);
            try registry.approve(id, h) {
                ok = true;
            } catch {}
        } else {
            uint256 deadline = currentTime + 1 hours;
            bytes memory sig = signDigest(keyOf[who], registry.hashApproval(id, h, deadline));
            vm.prank(relayer);
            try registry.approveWithSig(id, h, who, deadline, sig) {
                ok = true;
            } catch {}
        }
        _book(Action.Approve, ok, expectOk);
        if (ok) {
            am.by[who] = true;
            ++am.count;
            am.lastAt = SafeCast.toUint64(currentTime);
        }
    }

    // ------------------------------------------------------------------ lifecycle

    function submit(uint256 seed) external {
        _sync();
        seed = _mix(seed);
        uint256 jobId = _pickJob(seed, Action.Submit);
        if (jobId == 0) return;
        JobModel storage j = _jobs[jobId];
        bool expectOk = j.state == FUNDED && currentTime < j.expiredAt;
        ++attempts[uint256(Action.Submit)];
        bool ok = _escrowCall(j.provider, abi.encodeCall(IAgentEscrow.submit, (jobId, keccak256("work"), "")));
        _book(Action.Submit, ok, expectOk);
        if (ok && expectOk) {
            j.state = SUBMITTED;
            j.submittedAt = SafeCast.toUint64(currentTime);
        }
    }

    /// @notice The agent (the job's client) accepts the work: the provider is paid, minus the fee and any late
    /// penalty, which goes back to the principal.
    function complete(uint256 seed) external {
        _sync();
        seed = _mix(seed);
        uint256 jobId = _pickJob(seed, Action.Complete);
        if (jobId == 0) return;
        JobModel storage j = _jobs[jobId];
        bool expectOk = j.state == SUBMITTED;
        uint256 penalty = j.submittedAt > j.deliveryDeadline ? j.price * PENALTY_BPS / BPS : 0;
        uint256 fee = (j.price - penalty) * feeBps / BPS;
        _settle(
            jobId,
            Action.Complete,
            _mandates[j.mandateId].agent,
            abi.encodeCall(IAgentEscrow.complete, (jobId, "ok", "")),
            expectOk,
            [j.price - penalty - fee, penalty, fee]
        );
    }

    /// @notice The provider (one time in eight a stranger) rejects a funded or submitted job.
    function reject(uint256 seed) external {
        _sync();
        seed = _mix(seed);
        uint256 jobId = _pickJob(seed, Action.Reject);
        if (jobId == 0) return;
        JobModel storage j = _jobs[jobId];
        address caller = (seed >> 40) % 8 == 0 ? stranger : j.provider;
        bool expectOk = (j.state == FUNDED || j.state == SUBMITTED) && caller == j.provider;
        _settle(
            jobId,
            Action.Reject,
            caller,
            abi.encodeCall(IAgentEscrow.reject, (jobId, "no", "")),
            expectOk,
            [uint256(0), j.price, 0]
        );
    }

    function claimRefund(uint256 seed) external {
        _sync();
        seed = _mix(seed);
        uint256 jobId = _pickJob(seed, Action.ClaimRefund);
        if (jobId == 0) return;
        JobModel storage j = _jobs[jobId];
        bool expectOk = j.state == FUNDED && currentTime >= j.expiredAt;
        _settle(
            jobId,
            Action.ClaimRefund,
            stranger,
            abi.encodeCall(IAgentEscrow.claimRefund, (jobId)),
            expectOk,
            [uint256(0), j.price, 0]
        );
    }

    /// @notice The principal or its guardian (now and then the agent or a stranger) ends a funded job.
    function terminate(uint256 seed) external {
        _sync();
        seed = _mix(seed);
        uint256 jobId = _pickJob(seed, Action.Terminate);
        if (jobId == 0) return;
        JobModel storage j = _jobs[jobId];
        MandateModel storage mm = _mandates[j.mandateId];
        address caller = _killer(mm, seed >> 40);
        bool expectOk = j.state == FUNDED && (mm.revoked || frozenModel[mm.principal][mm.agentId])
            && (caller == mm.principal || caller == guardian);
        _settle(
            jobId,
            Action.Terminate,
            caller,
            abi.encodeCall(IAgentEscrow.terminate, (jobId)),
            expectOk,
            [uint256(0), j.price, 0]
        );
    }

    // ------------------------------------------------------------------ kill switch and grants

    function revoke(uint256 seed) external {
        _sync();
        seed = _mix(seed);
        uint256 id = _pickMandate(seed, false);
        MandateModel storage mm = _mandates[id];
        address caller = _killer(mm, seed >> 40);
        bool expectOk = !mm.revoked && (caller == mm.principal || caller == guardian);
        ++attempts[uint256(Action.Revoke)];
        vm.prank(caller);
        bool ok;
        try registry.revoke(id) {
            ok = true;
        } catch {}
        _book(Action.Revoke, ok, expectOk);
        if (ok && expectOk) mm.revoked = true;
    }

    function freeze(uint256 seed) external {
        _sync();
        seed = _mix(seed);
        MandateModel storage mm = _mandates[_pickMandate(seed, false)];
        address caller = _killer(mm, seed >> 40);
        bool expectOk = !frozenModel[mm.principal][mm.agentId] && (caller == mm.principal || caller == guardian);
        ++attempts[uint256(Action.Freeze)];
        vm.prank(caller);
        bool ok;
        try registry.freeze(mm.principal, mm.agentId) {
            ok = true;
        } catch {}
        _book(Action.Freeze, ok, expectOk);
        if (ok && expectOk) frozenModel[mm.principal][mm.agentId] = true;
    }

    /// @notice The principal lifts a freeze, mostly of a frozen agent (one time in four the guardian or the agent
    /// tries, and must fail).
    function unfreeze(uint256 seed) external {
        _sync();
        seed = _mix(seed);
        uint256 id = _pickMandate(seed, false);
        if ((seed >> 100) % 8 != 0) {
            for (uint256 k; k < mandateCount; ++k) {
                uint256 c = (id - 1 + k) % mandateCount + 1;
                if (frozenModel[_mandates[c].principal][_mandates[c].agentId]) {
                    id = c;
                    break;
                }
            }
        }
        MandateModel storage mm = _mandates[id];
        uint256 r = (seed >> 40) % 8;
        address caller = r == 0 ? guardian : r == 1 ? mm.agent : mm.principal;
        bool expectOk = caller == mm.principal && frozenModel[mm.principal][mm.agentId];
        ++attempts[uint256(Action.Unfreeze)];
        vm.prank(caller);
        bool ok;
        try registry.unfreeze(mm.agentId) {
            ok = true;
        } catch {}
        _book(Action.Unfreeze, ok, expectOk);
        if (ok && expectOk) frozenModel[mm.principal][mm.agentId] = false;
    }

    /// @notice A principal grants one of the agents a new mandate with random (valid) terms.
    function grant(uint256 seed) external {
        _sync();
        seed = _mix(seed);
        uint256 h = uint256(keccak256(abi.encode(seed, "grant")));
        IMandateRegistry.MandateTerms memory t;
        t.principal = principals[h % 2];
        uint256 ai = (h >> 8) % 3;
        t.agentId = agentIds[ai];
        t.agent = agents[ai];
        t.token = address(usd);
        t.maxPerJob = bound((h >> 16) % 1e12, 10 * USD, 500 * USD);
        t.budget = bound((h >> 56) % 1e12, t.maxPerJob, 4 * t.maxPerJob);
        uint64[4] memory periods = [uint64(0), 1 hours, 1 days, 7 days];
        t.period = periods[(h >> 96) % 4];
        t.validAfter =
            SafeCast.toUint64((h >> 100) % 4 == 0 ? currentTime + (h >> 104) % 12 hours : currentTime - 1 days);
        t.validUntil = SafeCast.toUint64(currentTime + 1 days + (h >> 128) % 30 days);
        if ((h >> 160) % 2 == 0) {
            t.payees = new uint256[](1);
            t.payees[0] = providerIds[0];
        }
        if ((h >> 161) % 2 == 0) {
            t.specs = new bytes32[](1);
            t.specs[0] = SPEC;
        }
        uint256 kind = (h >> 162) % 3;
        t.escalateAbove = t.maxPerJob;
        t.timelockAbove = t.maxPerJob;
        if (kind != 0) {
            t.approvers = new address[](kind);
            t.approvers[0] = approvers[0];
            if (kind == 2) t.approvers[1] = approvers[1];
            t.quorum = 1;
            t.quorumHigh = SafeCast.toUint8(kind);
            t.escalateAbove = t.maxPerJob / 4;
            if (kind == 2) {
                t.timelockAbove = t.maxPerJob / 2;
                t.timelock = SafeCast.toUint64((h >> 170) % 6 hours);
            }
        }
        _grant(t, true);
    }

    /// @notice Half the time a short step (up to six hours); one time in four up to two days; one time in four
    /// onto the next period boundary of a mandate (or a second before it), where its budget resets.
    function warp(uint256 dt) external {
        dt = _mix(dt);
        uint256 kind = dt % 4;
        uint256 step = kind < 2 ? bound(dt >> 8, 0, 6 hours) : bound(dt >> 8, 0, 2 days);
        if (kind == 3) {
            MandateModel storage mm = _mandates[_pickMandate(dt >> 16, true)];
            if (mm.period != 0 && currentTime >= mm.validAfter) {
                uint256 next = mm.validAfter + (uint256(_index(mm)) + 1) * mm.period - (dt >> 12) % 2;
                if (next > currentTime) step = next - currentTime;
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

    function job(uint256 jobId) external view returns (JobModel memory) {
        return _jobs[jobId];
    }

    function mandate(uint256 id) external view returns (MandateModel memory) {
        return _mandates[id];
    }

    function touchedCount() external view returns (uint256) {
        return _touchedList.length;
    }

    function touched(uint256 k) external view returns (uint256 mandateId, uint32 index) {
        return (_touchedList[k].mandateId, _touchedList[k].index);
    }

    /// @notice The model's current period index of a mandate.
    function currentIndex(uint256 id) external view returns (uint32) {
        return _index(_mandates[id]);
    }

    /// @notice Whether the model says the mandate cannot be spent now: revoked, agent frozen, outside its window.
    function blocked(uint256 id) public view returns (bool) {
        MandateModel storage mm = _mandates[id];
        return mm.revoked || frozenModel[mm.principal][mm.agentId] || currentTime < mm.validAfter
            || currentTime >= mm.validUntil;
    }

    function agentCount() external pure returns (uint256) {
        return 3;
    }

    function agentFunds() external pure returns (uint256) {
        return AGENT_FUNDS;
    }

    function actionName(uint256 a) external pure returns (string memory) {
        string[N_ACTIONS] memory names = [
            "fund",
            "propose",
            "approve",
            "submit",
            "complete",
            "reject",
            "claimRefund",
            "terminate",
            "revoke",
            "freeze",
            "unfreeze",
            "grant",
            "warp"
        ];
        return names[a];
    }

    // ------------------------------------------------------------------ the rules

    /// @dev Whether the escrow must fund `a` now, by the model (the escrow's own checks of the terms, then every
    /// rule of the mandate), and whether the mandate is blocked (revoked, frozen, outside its window).
    function _expectFund(IAgentEscrow.ServiceAgreement memory a, bytes32 h)
        internal
        view
        returns (bool ok, bool isBlocked)
    {
        MandateModel storage mm = _mandates[a.mandateId];
        isBlocked = blocked(a.mandateId);
        ok = !isBlocked && currentTime <= a.expiry && a.deliveryDeadline > currentTime && a.client == mm.agent
            && (mm.anyPayee || a.providerAgentId == providerIds[0]) && (mm.anySpec || a.deliverableSpecHash == SPEC)
            && a.price <= mm.maxPerJob && _approved(mm, a.mandateId, h, a.price)
            && net[a.mandateId][_index(mm)] + a.price <= mm.budget;
    }

    function _approved(MandateModel storage mm, uint256 id, bytes32 h, uint256 price) internal view returns (bool) {
        if (price <= mm.escalateAbove) return true;
        ApprovalModel storage am = _approvals[_key(id, h)];
        bool high = price > mm.timelockAbove;
        if (am.count < (high ? mm.quorumHigh : mm.quorum)) return false;
        return !high || currentTime >= uint256(am.lastAt) + mm.timelock;
    }

    /// @dev Period index as IMandateRegistry defines it: whole periods since validAfter (0 for one-time budgets).
    function _index(MandateModel storage mm) internal view returns (uint32) {
        if (mm.period == 0 || currentTime <= mm.validAfter) return 0;
        return SafeCast.toUint32((currentTime - mm.validAfter) / mm.period);
    }

    // ------------------------------------------------------------------ internals

    function _fundAgreement(IAgentEscrow.ServiceAgreement memory a) internal {
        bytes32 h = escrow.hashAgreement(a);
        (bool expectOk, bool isBlocked) = _expectFund(a, h);
        bytes memory cs = signDigest(keyOf[a.client], h);
        bytes memory ps = signDigest(keyOf[a.provider], h);
        MandateModel storage mm = _mandates[a.mandateId];
        uint256[2] memory before = [usd.balanceOf(mm.principal), _agentsBalance()];
        ++attempts[uint256(Action.Fund)];
        vm.prank(relayer);
        try escrow.createJobFromAgreement(a, cs, ps) returns (uint256 jobId) {
            _book(Action.Fund, true, expectOk);
            if (a.price > mm.escalateAbove) ++fundedWithApprovals;
            if (a.price > mm.timelockAbove) ++fundedAfterTimelock;
            if (_index(mm) != 0) ++fundedInLaterPeriod;
            if (isBlocked) ++fundedWhileBlocked;
            if (a.price > mm.maxPerJob) ++fundedOverCap;
            if (usd.balanceOf(mm.principal) + a.price != before[0] || _agentsBalance() != before[1]) ++badPayments;
            _recordJob(jobId, a);
        } catch {
            _book(Action.Fund, false, expectOk);
            if (!isBlocked && net[a.mandateId][_index(mm)] + a.price > mm.budget && a.price <= mm.maxPerJob) {
                ++refusedOverBudget;
            }
        }
    }

    function _recordJob(uint256 jobId, IAgentEscrow.ServiceAgreement memory a) internal {
        MandateModel storage mm = _mandates[a.mandateId];
        uint32 cur = _index(mm);
        jobIds.push(jobId);
        JobModel storage j = _jobs[jobId];
        j.mandateId = a.mandateId;
        j.index = cur;
        j.state = FUNDED;
        j.price = a.price;
        j.deliveryDeadline = a.deliveryDeadline;
        j.expiredAt = a.expiredAt;
        j.provider = a.provider;
        if (!_touched[a.mandateId][cur]) {
            _touched[a.mandateId][cur] = true;
            _touchedList.push(Touched(a.mandateId, cur));
        }
        net[a.mandateId][cur] += a.price;
        mm.lastIndex = cur;
        if (net[a.mandateId][cur] > mm.budget) ++overBudget;
    }

    /// @dev Calls the escrow to settle a job and, when the rules say it succeeds, checks that the parts
    /// `pay` = [to the provider, to the principal, fee] arrived (and nothing reached or left the agents), then
    /// restores the model: the principal's part is given back to the period it was funded in, if that period is
    /// still the current one.
    function _settle(
        uint256 jobId,
        Action action,
        address caller,
        bytes memory data,
        bool expectOk,
        uint256[3] memory pay
    ) internal {
        JobModel storage j = _jobs[jobId];
        MandateModel storage mm = _mandates[j.mandateId];
        uint256[4] memory before = _parties(mm.principal, j.provider);
        ++attempts[uint256(action)];
        bool ok = _escrowCall(caller, data);
        _book(action, ok, expectOk);
        if (!ok || !expectOk) return;
        uint256[4] memory afterwards = _parties(mm.principal, j.provider);
        if (
            afterwards[0] != before[0] + pay[1] || afterwards[1] != before[1] + pay[0]
                || afterwards[2] != before[2] + pay[2] || afterwards[3] != before[3]
        ) ++badPayments;
        j.state = SETTLED;
        if (pay[1] == 0) return;
        if (j.index == _index(mm) && j.index == mm.lastIndex) {
            uint256 n = net[j.mandateId][j.index];
            net[j.mandateId][j.index] = n - (pay[1] < n ? pay[1] : n);
            ++refundsRestored;
        } else {
            ++refundsAfterRoll;
        }
    }

    function _parties(address principal, address provider) internal view returns (uint256[4] memory b) {
        b[0] = usd.balanceOf(principal);
        b[1] = usd.balanceOf(provider);
        b[2] = usd.balanceOf(escrow.feeRecipient());
        b[3] = _agentsBalance();
    }

    function _agentsBalance() internal view returns (uint256 sum) {
        for (uint256 i; i < 3; ++i) {
            sum += usd.balanceOf(agents[i]);
        }
    }

    function _escrowCall(address caller, bytes memory data) internal returns (bool ok) {
        vm.prank(caller);
        (ok,) = address(escrow).call(data);
    }

    /// @dev Books a call's outcome (its attempt was counted before it was made).
    function _book(Action action, bool ok, bool expectOk) internal {
        if (ok) ++successes[uint256(action)];
        if (ok != expectOk) ++mismatches[uint256(action)];
    }

    /// @dev Default terms under mandate `id` for its agent: an allowed payee and spec, deadlines from now, a fresh
    /// nonce.
    function _agreementFor(uint256 id, uint256 r) internal returns (IAgentEscrow.ServiceAgreement memory a) {
        MandateModel storage mm = _mandates[id];
        uint256 pi = mm.anyPayee ? (r >> 8) % 2 : 0;
        a.providerAgentId = providerIds[pi];
        a.client = mm.agent;
        a.provider = providers[pi];
        a.token = address(usd);
        a.deliveryDeadline = SafeCast.toUint64(currentTime + bound((r >> 16) % 1e9, 1 hours, 2 days));
        a.expiredAt = a.deliveryDeadline + SafeCast.toUint64((r >> 48) % 2 days);
        a.deliverableSpecHash = SPEC;
        a.arbiter = arbiter;
        a.reviewWindow = 1 days;
        a.latePenaltyBps = PENALTY_BPS;
        a.nonce = ++nonceCounter;
        a.expiry = currentTime + 1 hours;
        a.mandateId = id;
    }

    /// @dev With `preferUsable`, three times in four a mandate the model says can be spent now (not revoked, agent
    /// not frozen, inside its window), if there is one; otherwise any.
    function _pickMandate(uint256 seed, bool preferUsable) internal view returns (uint256) {
        uint256 n = mandateCount;
        uint256 id = seed % n + 1;
        if (preferUsable && (seed >> 200) % 4 != 0) {
            for (uint256 k; k < n; ++k) {
                uint256 c = (id - 1 + k) % n + 1;
                if (!blocked(c)) return c;
            }
        }
        return id;
    }

    /// @dev Seven times in eight one of the latest PICK_WINDOW jobs on which `action` can succeed by the model (for
    /// the intended caller), if there is one; otherwise any job, whatever its state.
    function _pickJob(uint256 seed, Action action) internal view returns (uint256) {
        uint256 n = jobIds.length;
        if (n == 0) return 0;
        uint256 any = jobIds[(seed >> 3) % n];
        if (seed % 8 == 0) return any;
        uint256[PICK_WINDOW] memory found;
        uint256 count;
        for (uint256 k = n; k > 0 && n - k < PICK_WINDOW; --k) {
            uint256 id = jobIds[k - 1];
            if (_eligible(_jobs[id], action)) found[count++] = id;
        }
        return count == 0 ? any : found[(seed >> 3) % count];
    }

    function _eligible(JobModel storage j, Action action) internal view returns (bool) {
        if (action == Action.Submit) return j.state == FUNDED && currentTime < j.expiredAt;
        if (action == Action.Complete) return j.state == SUBMITTED;
        if (action == Action.Reject) return j.state == FUNDED || j.state == SUBMITTED;
        if (action == Action.ClaimRefund) return j.state == FUNDED && currentTime >= j.expiredAt;
        // terminate
        MandateModel storage mm = _mandates[j.mandateId];
        return j.state == FUNDED && (mm.revoked || frozenModel[mm.principal][mm.agentId]);
    }

    /// @dev Who pulls the kill switch: mostly the principal or the guardian, sometimes the agent or a stranger.
    function _killer(MandateModel storage mm, uint256 seed) internal view returns (address) {
        uint256 r = seed % 8;
        if (r < 3) return mm.principal;
        if (r < 6) return guardian;
        return r == 6 ? mm.agent : stranger;
    }

    function _agentIndex(address agent) internal view returns (uint256) {
        for (uint256 i; i < 3; ++i) {
            if (agents[i] == agent) return i;
        }
        return 0;
    }

    /// @dev The proposal's band needs more approvals than it has.
    function _approvalsMissing(Proposal storage p) internal view returns (bool) {
        MandateModel storage mm = _mandates[p.a.mandateId];
        uint8 need = p.a.price > mm.timelockAbove ? mm.quorumHigh : mm.quorum;
        return !mm.revoked && _approvals[_key(p.a.mandateId, p.hash)].count < need;
    }

    /// @dev Seven times in eight an approver of the mandate that has not approved yet (if any), else any of them.
    function _freshApprover(MandateModel storage mm, ApprovalModel storage am, uint256 seed)
        internal
        view
        returns (address)
    {
        uint256 n = mm.approvers.length;
        uint256 start = seed % n;
        if ((seed >> 8) % 8 != 0) {
            for (uint256 k; k < n; ++k) {
                address a = mm.approvers[(start + k) % n];
                if (!am.by[a]) return a;
            }
        }
        return mm.approvers[start];
    }

    function _key(uint256 id, bytes32 h) internal pure returns (bytes32) {
        return keccak256(abi.encode(id, h));
    }

    function _grantInitial(
        uint256 pi,
        uint256 ai,
        uint256 maxPerJob,
        uint256 budget,
        uint64 period,
        uint64 startsIn,
        uint64 lasts,
        bool anyPayee,
        bool anySpec,
        uint256 nApprovers,
        uint256 escalateAbove,
        uint256 timelockAbove,
        uint64 timelock
    ) internal {
        IMandateRegistry.MandateTerms memory t;
        t.principal = principals[pi];
        t.agentId = agentIds[ai];
        t.agent = agents[ai];
        t.token = address(usd);
        t.maxPerJob = maxPerJob;
        t.budget = budget;
        t.period = period;
        t.validAfter = SafeCast.toUint64(currentTime + startsIn);
        t.validUntil = t.validAfter + lasts;
        if (!anyPayee) {
            t.payees = new uint256[](1);
            t.payees[0] = providerIds[0];
        }
        if (!anySpec) {
            t.specs = new bytes32[](1);
            t.specs[0] = SPEC;
        }
        t.approvers = new address[](nApprovers);
        for (uint256 i; i < nApprovers; ++i) {
            t.approvers[i] = approvers[i];
        }
        t.quorum = nApprovers == 0 ? 0 : 1;
        t.quorumHigh = SafeCast.toUint8(nApprovers);
        t.escalateAbove = escalateAbove;
        t.timelockAbove = timelockAbove;
        t.timelock = timelock;
        _grant(t, false);
    }

    /// @dev Grants as the principal and records the model; every term the handler makes is valid, so a refusal is
    /// a mismatch.
    function _grant(IMandateRegistry.MandateTerms memory t, bool count) internal {
        if (count) ++attempts[uint256(Action.Grant)];
        vm.prank(t.principal);
        try registry.grant(t) returns (uint256 id) {
            if (count) ++successes[uint256(Action.Grant)];
            if (id != mandateCount + 1) ++mismatches[uint256(Action.Grant)];
            mandateCount = id;
            MandateModel storage mm = _mandates[id];
            mm.principal = t.principal;
            mm.agentId = t.agentId;
            mm.agent = t.agent;
            mm.maxPerJob = t.maxPerJob;
            mm.budget = t.budget;
            mm.period = t.period;
            mm.validAfter = t.validAfter;
            mm.validUntil = t.validUntil;
            mm.anyPayee = t.payees.length == 0;
            mm.anySpec = t.specs.length == 0;
            mm.quorum = t.quorum;
            mm.quorumHigh = t.quorumHigh;
            mm.escalateAbove = t.escalateAbove;
            mm.timelockAbove = t.timelockAbove;
            mm.timelock = t.timelock;
            mm.approvers = t.approvers;
        } catch {
            ++mismatches[uint256(Action.Grant)];
        }
    }

    function _fundAccount(address who, uint256 amount) internal {
        usd.mint(who, amount);
        ghostMinted += amount;
        vm.prank(who);
        usd.approve(address(escrow), type(uint256).max);
    }

    function _keyed(string memory name) internal returns (address a) {
        uint256 key;
        (a, key) = makeAddrAndKey(name);
        keyOf[a] = key;
    }

    /// @dev Spreads a seed over all 256 bits (the fuzzer favours small values, which would leave the high bits
    /// that pick callers and jobs at zero), differently for each action.
    function _mix(uint256 seed) internal pure returns (uint256) {
        return uint256(keccak256(abi.encode(seed, msg.sig)));
    }

    function _sync() internal {
        vm.warp(currentTime);
    }
}
