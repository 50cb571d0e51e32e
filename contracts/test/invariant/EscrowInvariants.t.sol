// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Test} from "../utils/Test.sol";
import {AgentEscrow} from "../../src/AgentEscrow.sol";
import {IAgentEscrow} from "../../src/interfaces/IAgentEscrow.sol";
import {IdentityRegistry} from "../../src/IdentityRegistry.sol";
import {ValidationRegistry} from "../../src/ValidationRegistry.sol";
import {TestUSD} from "../../src/TestUSD.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {EscrowHandler} from "./EscrowHandler.sol";

/// @notice Escrow invariants over random sequences of plain and agreement jobs in two tokens.
contract EscrowInvariantsTest is Test {
    AgentEscrow internal escrow;
    EscrowHandler internal handler;
    address[2] internal tokens;

    function setUp() public {
        vm.warp(1_700_000_000);
        IdentityRegistry identity = new IdentityRegistry();
        ValidationRegistry validation = new ValidationRegistry(address(identity));
        tokens = [address(new TestUSD()), address(new MockERC20("Mock DAI", "mDAI", 18))];
        address owner = makeAddr("owner");
        escrow = new AgentEscrow(address(identity), address(validation), tokens[0], owner, makeAddr("fees"), 100);
        handler = new EscrowHandler(escrow, identity, validation, tokens, owner);

        bytes4[] memory selectors = new bytes4[](22);
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
        // weights: agreement jobs, submissions, validation and time twice as likely
        selectors[17] = EscrowHandler.createAgreementJob.selector;
        selectors[18] = EscrowHandler.submit.selector;
        selectors[19] = EscrowHandler.validate.selector;
        selectors[20] = EscrowHandler.settleFromValidation.selector;
        selectors[21] = EscrowHandler.warp.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

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
    /// in one JobSettled whose parts add up to it; an unsettled job has paid nothing.
    function invariant_NoJobPaysMoreThanFunded() public view {
        assertEq(handler.badSettlements(), 0, "JobSettled parts != funded");
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

    /// @notice (3) Every observed status change is in the transition table, made by the right function, caller
    /// and time, and only on the job the call addressed.
    function invariant_OnlyAllowedTransitions() public view {
        assertEq(handler.illegalTransitions(), 0, "illegal transition");
        uint256 n = handler.transitionCount();
        for (uint256 i; i < n; ++i) {
            EscrowHandler.Transition memory t = handler.transitionAt(i);
            assertTrue(uint8(t.to) != uint8(IAgentEscrow.JobStatus.Open), "back to Open");
            assertTrue(uint8(t.from) != uint8(t.to), "no-op recorded");
        }
    }

    /// @notice Fees stored in jobs never exceed the cap.
    function invariant_FeeWithinCap() public view {
        uint256 n = escrow.jobCount();
        for (uint256 id = 1; id <= n; ++id) {
            assertLe(escrow.getJob(id).feeBps, escrow.MAX_FEE_BPS(), "job fee");
        }
        assertLe(escrow.feeBps(), escrow.MAX_FEE_BPS(), "current fee");
    }
}
