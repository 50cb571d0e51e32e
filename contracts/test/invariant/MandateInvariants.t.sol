// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "../utils/Test.sol";
import {AgentEscrow} from "../../src/AgentEscrow.sol";
import {MandateRegistry} from "../../src/MandateRegistry.sol";
import {Deploy} from "../utils/Deploy.sol";
import {IAgentEscrow} from "../../src/interfaces/IAgentEscrow.sol";
import {IMandateRegistry} from "../../src/interfaces/IMandateRegistry.sol";
import {IdentityRegistry} from "../../src/IdentityRegistry.sol";
import {ValidationRegistry} from "../../src/ValidationRegistry.sol";
import {TestUSD} from "../../src/TestUSD.sol";
import {MandateHandler} from "./MandateHandler.sol";

/// @notice The escrow, its MandateRegistry, TestUSD and the handler that drives them, as the target of an
/// invariant campaign.
abstract contract MandateInvariantsSetup is Test {
    AgentEscrow internal escrow;
    MandateRegistry internal registry;
    TestUSD internal usd;
    MandateHandler internal handler;

    function setUp() public {
        vm.warp(1_700_000_000);
        IdentityRegistry identity = new IdentityRegistry();
        ValidationRegistry validation = new ValidationRegistry(address(identity));
        usd = new TestUSD();
        (escrow, registry) = Deploy.escrow(
            address(identity), address(validation), address(usd), makeAddr("owner"), makeAddr("fees"), 100
        );
        handler = new MandateHandler(escrow, registry, identity, usd);

        bytes4[] memory selectors = new bytes4[](20);
        selectors[0] = MandateHandler.fund.selector;
        selectors[1] = MandateHandler.propose.selector;
        selectors[2] = MandateHandler.approve.selector;
        selectors[3] = MandateHandler.submit.selector;
        selectors[4] = MandateHandler.complete.selector;
        selectors[5] = MandateHandler.reject.selector;
        selectors[6] = MandateHandler.claimRefund.selector;
        selectors[7] = MandateHandler.terminate.selector;
        selectors[8] = MandateHandler.revoke.selector;
        selectors[9] = MandateHandler.freeze.selector;
        selectors[10] = MandateHandler.unfreeze.selector;
        selectors[11] = MandateHandler.grant.selector;
        selectors[12] = MandateHandler.warp.selector;
        // weights: funding four times, approvals three times, submissions and time twice as likely
        selectors[13] = MandateHandler.fund.selector;
        selectors[14] = MandateHandler.fund.selector;
        selectors[15] = MandateHandler.fund.selector;
        selectors[16] = MandateHandler.approve.selector;
        selectors[17] = MandateHandler.submit.selector;
        selectors[18] = MandateHandler.warp.selector;
        selectors[19] = MandateHandler.approve.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    function _countersClean() internal view {
        for (uint256 a; a < handler.N_ACTIONS(); ++a) {
            assertEq(handler.mismatches(a), 0, string.concat(handler.actionName(a), ": outcome against the rules"));
        }
        assertEq(handler.fundedWhileBlocked(), 0, "funded while revoked, frozen or outside the window");
        assertEq(handler.fundedOverCap(), 0, "funded above maxPerJob");
        assertEq(handler.overBudget(), 0, "a period's net spend went over the budget");
        assertEq(handler.badPayments(), 0, "money came from or went to someone other than the rules say");
    }
}

/// @notice Mandate invariants over random sequences of fundings, approvals, settlements, refunds, kill-switch
/// calls, grants and period rolls.
contract MandateInvariantsTest is MandateInvariantsSetup {
    /// @notice (1) The net spend under a mandate never exceeds its budget in any period, in the model, and every
    /// call's outcome matched the rules (in particular nothing was funded while revoked, frozen or outside the
    /// window, nor above the per-job cap).
    function invariant_NetSpendWithinBudgetEveryPeriod() public view {
        uint256 n = handler.touchedCount();
        for (uint256 k; k < n; ++k) {
            (uint256 id, uint32 index) = handler.touched(k);
            assertLe(handler.net(id, index), registry.getMandate(id).budget, "period over budget");
        }
        _countersClean();
    }

    /// @notice (2) No job was funded above its mandate's maxPerJob; every funded job carries its mandate.
    function invariant_NoJobOverMaxPerJob() public view {
        uint256 n = handler.jobCount();
        assertEq(escrow.jobCount(), n, "jobs the handler did not fund");
        for (uint256 k; k < n; ++k) {
            uint256 jobId = handler.jobIds(k);
            MandateHandler.JobModel memory j = handler.job(jobId);
            IAgentEscrow.Job memory onChain = escrow.getJob(jobId);
            assertLe(onChain.budget, registry.getMandate(j.mandateId).maxPerJob, "job above maxPerJob");
            assertEq(onChain.budget, j.price, "price");
            assertEq(onChain.mandateId, j.mandateId, "mandate");
        }
    }

    /// @notice (3) The registry agrees with the model: the spend of the last period anything was spent in, that
    /// period's index, revocations, freezes, and what remains now (0 when blocked).
    function invariant_RegistryMatchesModel() public view {
        uint256 n = handler.mandateCount();
        assertEq(registry.mandateCount(), n, "mandates");
        for (uint256 id = 1; id <= n; ++id) {
            IMandateRegistry.MandateView memory v = registry.getMandate(id);
            MandateHandler.MandateModel memory m = handler.mandate(id);
            assertEq(uint256(v.periodIndex), uint256(m.lastIndex), "last period spent in");
            assertEq(v.spent, handler.net(id, m.lastIndex), "registry's spend != model's net spend");
            assertEq(v.revoked, m.revoked, "revoked");
            assertEq(registry.frozen(m.principal, m.agentId), handler.frozenModel(m.principal, m.agentId), "frozen");
            (uint256 left, uint32 index) = registry.remaining(id);
            uint32 cur = handler.currentIndex(id);
            assertEq(uint256(index), uint256(cur), "current period index");
            assertEq(left, handler.blocked(id) ? 0 : m.budget - handler.net(id, cur), "remaining");
        }
    }

    /// @notice (4) The escrow holds exactly the price of every live (funded or submitted) job, and each job is
    /// where the model says it is.
    function invariant_EscrowHoldsLiveJobs() public view {
        uint256 n = handler.jobCount();
        uint256 live;
        for (uint256 k; k < n; ++k) {
            uint256 jobId = handler.jobIds(k);
            MandateHandler.JobModel memory j = handler.job(jobId);
            IAgentEscrow.JobStatus s = escrow.getJob(jobId).status;
            if (j.state == 1) {
                assertEq(uint8(s), uint8(IAgentEscrow.JobStatus.Funded), "model: funded");
                live += j.price;
            } else if (j.state == 2) {
                assertEq(uint8(s), uint8(IAgentEscrow.JobStatus.Submitted), "model: submitted");
                live += j.price;
            } else {
                assertTrue(
                    s != IAgentEscrow.JobStatus.Funded && s != IAgentEscrow.JobStatus.Submitted, "model: settled"
                );
            }
        }
        assertEq(usd.balanceOf(address(escrow)), live, "escrow balance != live jobs' funds");
    }

    /// @notice (5) Money is conserved between principals, agents, escrow, providers and the fee recipient, and the
    /// agents' wallets never paid nor received anything.
    function invariant_MoneyConserved() public view {
        uint256 agents;
        for (uint256 i; i < handler.agentCount(); ++i) {
            agents += usd.balanceOf(handler.agents(i));
        }
        assertEq(agents, handler.agentCount() * handler.agentFunds(), "an agent's wallet paid or was paid");
        uint256 total = agents + usd.balanceOf(address(escrow)) + usd.balanceOf(escrow.feeRecipient());
        for (uint256 i; i < 2; ++i) {
            total += usd.balanceOf(handler.principals(i)) + usd.balanceOf(handler.providers(i));
        }
        assertEq(total, handler.ghostMinted(), "money appeared or vanished");
        assertEq(usd.totalSupply(), handler.ghostMinted(), "supply");
    }
}

/// @notice Long runs of the same handler, to show that a campaign does what it is meant to (see EscrowCampaignTest:
/// forge calls afterInvariant at the end of each run, each run starting again from setUp).
contract MandateCampaignTest is MandateInvariantsSetup {
    /// @notice Every call succeeded exactly when the rules allow it over long sequences.
    /// forge-config: default.invariant.runs = 3
    /// forge-config: default.invariant.depth = 3000
    /// forge-config: default.invariant.shrink_run_limit = 0
    function invariant_LongRunsFollowTheRules() public view {
        _countersClean();
    }

    /// @notice At the end of each run: every action succeeded at least its minimum number of times, and the paths
    /// that matter for mandates were taken: fundings that needed approvals and a timelock, fundings in a later
    /// period, refusals for a spent budget, refunds restored to the allowance and refunds after the period rolled.
    /// Measured over 14 seeds (runs of 3,000 calls): each minimum sits at about half the lowest count seen (fund
    /// 330 to 395 successes; terminate 12 to 40; a timelocked funding 6 to 22; an over-budget refusal 10 to 67).
    /// An action or path that never succeeds makes the run fail.
    function afterInvariant() public view {
        uint16[13] memory minimums = [uint16(200), 50, 60, 100, 50, 50, 25, 6, 25, 30, 30, 60, 150];
        for (uint256 a; a < minimums.length; ++a) {
            assertGe(
                handler.successes(a),
                minimums[a],
                string.concat(handler.actionName(a), ": too few successful calls in a run")
            );
        }
        assertGe(handler.fundedWithApprovals(), 15, "too few fundings above the autonomous band");
        assertGe(handler.fundedAfterTimelock(), 2, "too few fundings after a timelock");
        assertGe(handler.fundedInLaterPeriod(), 80, "too few fundings in a later period");
        assertGe(handler.refusedOverBudget(), 3, "too few fundings refused for the budget");
        assertGe(handler.refundsRestored(), 30, "too few refunds restored to the allowance");
        assertGe(handler.refundsAfterRoll(), 30, "too few refunds after the period rolled");
    }
}
