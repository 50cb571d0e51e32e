// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Test} from "../utils/Test.sol";
import {AgentEscrow} from "../../src/AgentEscrow.sol";
import {Deploy} from "../utils/Deploy.sol";
import {IAgentEscrow} from "../../src/interfaces/IAgentEscrow.sol";
import {IdentityRegistry} from "../../src/IdentityRegistry.sol";
import {ValidationRegistry} from "../../src/ValidationRegistry.sol";
import {TestUSD} from "../../src/TestUSD.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {EscrowHandler} from "./EscrowHandler.sol";

/// @notice The escrow, two tokens and the handler that drives them, as the target of an invariant campaign.
abstract contract EscrowInvariantsSetup is Test {
    AgentEscrow internal escrow;
    EscrowHandler internal handler;
    address[2] internal tokens;

    function setUp() public {
        vm.warp(1_700_000_000);
        IdentityRegistry identity = new IdentityRegistry();
        ValidationRegistry validation = new ValidationRegistry(address(identity));
        tokens = [address(new TestUSD()), address(new MockERC20("Mock DAI", "mDAI", 18))];
        address owner = makeAddr("owner");
        (escrow,) = Deploy.escrow(address(identity), address(validation), tokens[0], owner, makeAddr("fees"), 100);
        handler = new EscrowHandler(escrow, identity, validation, tokens, owner);

        bytes4[] memory selectors = new bytes4[](24);
        selectors[0] = EscrowHandler.createPlainJob.selector;
        selectors[1] = EscrowHandler.createAgreementJob.selector;
        selectors[2] = EscrowHandler.setProvider.selector;
        selectors[3] = EscrowHandler.setBudget.selector;
        selectors[4] = EscrowHandler.fund.selector;
        selectors[5] = EscrowHandler.submit.selector;
        selectors[6] = EscrowHandler.complete.selector;
        selectors[7] = EscrowHandler.reject.selector;
        selectors[8] = EscrowHandler.claimRefund.selector;
        selectors[9] = EscrowHandler.dispute.selector;
        selectors[10] = EscrowHandler.resolve.selector;
        selectors[11] = EscrowHandler.release.selector;
        selectors[12] = EscrowHandler.settleFromValidation.selector;
        selectors[13] = EscrowHandler.validate.selector;
        selectors[14] = EscrowHandler.invalidateNonce.selector;
        selectors[15] = EscrowHandler.setFee.selector;
        selectors[16] = EscrowHandler.warp.selector;
        // weights: agreement jobs, submissions, validation, disputes and time twice as likely
        selectors[17] = EscrowHandler.createAgreementJob.selector;
        selectors[18] = EscrowHandler.submit.selector;
        selectors[19] = EscrowHandler.validate.selector;
        selectors[20] = EscrowHandler.settleFromValidation.selector;
        selectors[21] = EscrowHandler.warp.selector;
        selectors[22] = EscrowHandler.dispute.selector;
        selectors[23] = EscrowHandler.resolve.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }
}

/// @notice Escrow invariants over random sequences of plain and agreement jobs in two tokens.
contract EscrowInvariantsTest is EscrowInvariantsSetup {
    function _held(IAgentEscrow.JobStatus s) internal pure returns (bool) {
        return s == IAgentEscrow.JobStatus.Funded || s == IAgentEscrow.JobStatus.Submitted
            || s == IAgentEscrow.JobStatus.Disputed;
    }

    function _final(IAgentEscrow.JobStatus s) internal pure returns (bool) {
        return s == IAgentEscrow.JobStatus.Completed || s == IAgentEscrow.JobStatus.Rejected
            || s == IAgentEscrow.JobStatus.Expired || s == IAgentEscrow.JobStatus.Resolved;
    }

    /// @notice (1) For each token, the escrow holds exactly the funded amounts of its unsettled jobs.
    function invariant_BalanceEqualsFundedUnsettledJobs() public view {
        uint256[2] memory sums;
        uint256 n = escrow.jobCount();
        for (uint256 id = 1; id <= n; ++id) {
            IAgentEscrow.Job memory j = escrow.getJob(id);
            if (!_held(j.status)) continue;
            sums[j.token == tokens[0] ? 0 : 1] += j.funded;
        }
        assertEq(IERC20(tokens[0]).balanceOf(address(escrow)), sums[0], "token 0 balance");
        assertEq(IERC20(tokens[1]).balanceOf(address(escrow)), sums[1], "token 1 balance");
        assertEq(handler.strayBalanceChanges(), 0, "a call moved another token");
    }

    /// @notice (2) No job pays out more than it was funded; a settled job pays out exactly what it was funded,
    /// in one JobSettled whose parts are the rules' split (fee, late penalty, arbiter's split) and reach the
    /// parties; an unsettled job has paid nothing.
    function invariant_NoJobPaysMoreThanFunded() public view {
        assertEq(handler.badSettlements(), 0, "JobSettled or transfers differ from the rules' split");
        uint256 n = handler.jobCount();
        for (uint256 k; k < n; ++k) {
            uint256 id = handler.jobIds(k);
            IAgentEscrow.Job memory j = escrow.getJob(id);
            uint256 paid = handler.ghostPaid(id);
            assertEq(handler.ghostReceived(id), j.funded, "received != funded");
            assertLe(paid, j.funded, "paid more than funded");
            if (_final(j.status)) {
                assertEq(paid, j.funded, "settled job did not pay out what it held");
                assertEq(handler.ghostSettlements(id), j.funded == 0 ? 0 : 1, "one JobSettled per funded job");
            } else {
                assertEq(paid, 0, "unsettled job paid out");
                assertEq(handler.ghostSettlements(id), 0, "unsettled job emitted JobSettled");
            }
            if (_held(j.status)) assertTrue(j.funded > 0, "held job without funds");
            if (j.funded != 0) assertEq(j.funded, j.budget, "funded == budget");
        }
    }

    /// @notice (3) Every call the handler made, whatever its outcome, moved its job along the transition table of
    /// docs/escrow.md (a failed call moves nothing; a successful one makes exactly its row's transition), and every
    /// job is, on chain, where the handler's model of the rules says it must be (so no call changed another job).
    function invariant_OnlyAllowedTransitions() public view {
        EscrowHandler.Step[] memory steps = handler.steps();
        for (uint256 i; i < steps.length; ++i) {
            EscrowHandler.Step memory s = steps[i];
            if (!_inTable(s)) {
                assertTrue(
                    false,
                    string.concat(
                        "step ",
                        vm.toString(i),
                        ": ",
                        handler.actionName(uint8(s.action)),
                        s.ok ? " succeeded" : " failed",
                        ", status ",
                        vm.toString(uint8(s.from)),
                        " -> ",
                        vm.toString(uint8(s.to))
                    )
                );
            }
        }
        uint256 n = handler.jobCount();
        assertEq(escrow.jobCount(), n, "jobs the handler did not create");
        for (uint256 k; k < n; ++k) {
            uint256 id = handler.jobIds(k);
            IAgentEscrow.Job memory j = escrow.getJob(id);
            EscrowHandler.Lifecycle memory m = handler.model(id);
            assertEq(uint8(j.status), uint8(m.status), "status differs from the model");
            assertEq(j.provider, m.provider, "provider differs from the model");
            assertEq(j.budget, m.budget, "budget differs from the model");
            assertEq(j.funded, m.funded, "funded differs from the model");
            assertEq(j.feeBps, m.feeBps, "fee differs from the model");
            assertEq(j.submittedAt, m.submittedAt, "submittedAt differs from the model");
            assertEq(j.disputedAt, m.disputedAt, "disputedAt differs from the model");
        }
    }

    /// @notice (4) Every call succeeded exactly when the rules allow it: no action was refused where the rules say
    /// it must succeed (a call expected to work is never silently lost), none accepted where they forbid it, and
    /// job ids run 1, 2, 3...
    function invariant_CallsFollowTheRules() public view {
        for (uint256 a; a < handler.N_ACTIONS(); ++a) {
            assertEq(handler.mismatches(a), 0, string.concat(handler.actionName(a), ": outcome against the rules"));
        }
        assertEq(handler.badJobIds(), 0, "job ids not sequential from 1");
    }

    /// @notice Fees stored in jobs never exceed the cap.
    function invariant_FeeWithinCap() public view {
        uint256 n = escrow.jobCount();
        for (uint256 id = 1; id <= n; ++id) {
            assertLe(escrow.getJob(id).feeBps, escrow.MAX_FEE_BPS(), "job fee");
        }
        assertLe(escrow.feeBps(), escrow.MAX_FEE_BPS(), "current fee");
        assertEq(escrow.feeBps(), handler.ghostFeeBps(), "current fee differs from the last one set");
    }

    // ------------------------------------------------------------------ helpers

    /// @dev The transition table of docs/escrow.md, by function: a failed call changes nothing; a successful one
    /// makes one of its function's transitions (setProvider and setBudget keep a job Open).
    function _inTable(EscrowHandler.Step memory s) internal pure returns (bool) {
        if (!s.ok) return s.from == s.to;
        IAgentEscrow.JobStatus f = s.from;
        IAgentEscrow.JobStatus t = s.to;
        EscrowHandler.Action a = s.action;
        if (a == EscrowHandler.Action.SetProvider || a == EscrowHandler.Action.SetBudget) {
            return f == IAgentEscrow.JobStatus.Open && t == IAgentEscrow.JobStatus.Open;
        }
        if (a == EscrowHandler.Action.Fund) {
            return f == IAgentEscrow.JobStatus.Open && t == IAgentEscrow.JobStatus.Funded;
        }
        if (a == EscrowHandler.Action.Submit) {
            return f == IAgentEscrow.JobStatus.Funded && t == IAgentEscrow.JobStatus.Submitted;
        }
        if (a == EscrowHandler.Action.Complete || a == EscrowHandler.Action.Release) {
            return f == IAgentEscrow.JobStatus.Submitted && t == IAgentEscrow.JobStatus.Completed;
        }
        if (a == EscrowHandler.Action.Settle) {
            return f == IAgentEscrow.JobStatus.Submitted
                && (t == IAgentEscrow.JobStatus.Completed || t == IAgentEscrow.JobStatus.Rejected);
        }
        if (a == EscrowHandler.Action.Reject) {
            return (f == IAgentEscrow.JobStatus.Open
                    || f == IAgentEscrow.JobStatus.Funded
                    || f == IAgentEscrow.JobStatus.Submitted) && t == IAgentEscrow.JobStatus.Rejected;
        }
        if (a == EscrowHandler.Action.ClaimRefund) {
            return (f == IAgentEscrow.JobStatus.Funded
                    || f == IAgentEscrow.JobStatus.Submitted
                    || f == IAgentEscrow.JobStatus.Disputed) && t == IAgentEscrow.JobStatus.Expired;
        }
        if (a == EscrowHandler.Action.Dispute) {
            return f == IAgentEscrow.JobStatus.Submitted && t == IAgentEscrow.JobStatus.Disputed;
        }
        if (a == EscrowHandler.Action.Resolve) {
            return f == IAgentEscrow.JobStatus.Disputed && t == IAgentEscrow.JobStatus.Resolved;
        }
        return false;
    }
}

/// @notice Long runs of the same handler, to show that a campaign does what it is meant to. forge calls
/// afterInvariant at the end of every run, on that run's state (each run starts again from setUp), so the minimums
/// below hold per run; the main suite's runs (64 calls over 17 actions) are too short for every action to succeed in
/// each of them, these are long enough. Each minimum fails if its action never succeeds: because the escrow refuses
/// it, or because the handler never makes a call that should work.
contract EscrowCampaignTest is EscrowInvariantsSetup {
    /// @notice Every call succeeded exactly when the rules allow it, and every settlement paid the rules' split,
    /// over long sequences.
    /// A failing run is reported whole (shrink_run_limit = 0): shrinking would replay it thousands of times.
    /// forge-config: default.invariant.runs = 3
    /// forge-config: default.invariant.depth = 5000
    /// forge-config: default.invariant.shrink_run_limit = 0
    function invariant_LongRunsFollowTheRules() public view {
        for (uint256 a; a < handler.N_ACTIONS(); ++a) {
            assertEq(handler.mismatches(a), 0, string.concat(handler.actionName(a), ": outcome against the rules"));
        }
        assertEq(handler.badSettlements(), 0, "JobSettled or transfers differ from the rules' split");
        assertEq(handler.strayBalanceChanges(), 0, "a call moved another token");
        assertEq(handler.badJobIds(), 0, "job ids not sequential from 1");
    }

    /// @notice At the end of each run: every action succeeded at least its minimum number of times. Measured over
    /// 120 runs of 5,000 calls (three seeds), each action's count is about Poisson-distributed; the rarest,
    /// settleFromValidation and resolve, averaged 15 and 22 (never fewer than 6 and 10). The minimums sit several
    /// standard deviations below the means (a false alarm: a few in a hundred thousand runs), and any action that
    /// never succeeds makes the run fail.
    function afterInvariant() public view {
        uint8[17] memory minimums = [50, 80, 8, 35, 6, 35, 12, 30, 30, 8, 3, 5, 2, 5, 45, 45, 100];
        for (uint256 a; a < minimums.length; ++a) {
            assertGe(
                handler.successes(a),
                minimums[a],
                string.concat(handler.actionName(a), ": too few successful calls in a run")
            );
        }
    }
}
