// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "../utils/Test.sol";
import {IdentityRegistry} from "../../src/IdentityRegistry.sol";
import {ReputationRegistry} from "../../src/ReputationRegistry.sol";
import {ReputationHandler} from "./handlers/ReputationHandler.sol";

/// @notice The Reputation Registry, three agents of one owner, four clients and the handler that drives them, as the
/// target of an invariant campaign.
abstract contract ReputationInvariantsSetup is Test {
    IdentityRegistry internal identity;
    ReputationRegistry internal reputation;
    ReputationHandler internal handler;

    function setUp() public {
        identity = new IdentityRegistry();
        reputation = new ReputationRegistry(address(identity));
        address owner = makeAddr("agent owner");
        uint256[] memory agents = new uint256[](3);
        vm.startPrank(owner);
        for (uint256 i; i < agents.length; ++i) {
            agents[i] = identity.register();
        }
        vm.stopPrank();
        address[] memory actors = new address[](4);
        actors[0] = makeAddr("client 0");
        actors[1] = makeAddr("client 1");
        actors[2] = makeAddr("client 2");
        actors[3] = makeAddr("client 3");
        handler = new ReputationHandler(reputation, owner, agents, actors);

        bytes4[] memory selectors = new bytes4[](4);
        selectors[0] = ReputationHandler.giveFeedback.selector;
        selectors[1] = ReputationHandler.revokeFeedback.selector;
        selectors[2] = ReputationHandler.appendResponse.selector;
        selectors[3] = ReputationHandler.giveSelfFeedback.selector;
        targetContract(address(handler));
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    function _assertNoViolation() internal view {
        assertEq(handler.selfFeedbackAccepted(), 0, "self-feedback accepted");
        assertEq(handler.revokedTwiceAccepted(), 0, "feedback revoked twice");
        assertEq(handler.validCallsRefused(), 0, "valid feedback, revocation or response refused");
    }
}

/// @notice Reputation Registry invariants over random sequences of feedback, revocations and responses.
contract ReputationInvariantsTest is ReputationInvariantsSetup {
    /// @dev The registry refused everything it must refuse (an owner rating its own agent, a second revocation)
    /// and accepted every valid call the handler made.
    function invariant_HandlerSawNoViolation() public view {
        _assertNoViolation();
    }

    /// @dev For every (agent, client): getLastIndex equals the number of feedbacks given, every index
    /// 1..last is readable, and 0 and last + 1 are not.
    function invariant_IndexesDenseAndOneBased() public view {
        uint256[] memory agents = handler.agents();
        address[] memory actors = handler.actors();
        for (uint256 a; a < agents.length; ++a) {
            for (uint256 c; c < actors.length; ++c) {
                uint64 last = reputation.getLastIndex(agents[a], actors[c]);
                assertEq(last, handler.ghostCount(agents[a], actors[c]), "last index != feedbacks given");
                for (uint64 j = 1; j <= last; ++j) {
                    (,,,, bool revoked) = reputation.readFeedback(agents[a], actors[c], j);
                    assertTrue(revoked == handler.ghostRevoked(agents[a], actors[c], j), "revoked flag");
                }
                try reputation.readFeedback(agents[a], actors[c], last + 1) {
                    assertTrue(false, "index beyond last readable");
                } catch {}
                try reputation.readFeedback(agents[a], actors[c], 0) {
                    assertTrue(false, "index 0 readable");
                } catch {}
            }
        }
    }

    /// @dev The revoked feedback the registry reports matches the ghost count, per agent and in total.
    function invariant_RevokedCountMatchesGhost() public view {
        uint256[] memory agents = handler.agents();
        uint256 total;
        for (uint256 a; a < agents.length; ++a) {
            (address[] memory clients,,,,,, bool[] memory revoked) =
                reputation.readAllFeedback(agents[a], new address[](0), "", "", true);
            uint256 n;
            for (uint256 i; i < revoked.length; ++i) {
                if (revoked[i]) ++n;
            }
            assertEq(n, handler.ghostRevokedByAgent(agents[a]), "revoked per agent");
            assertEq(clients.length - n, handler.ghostLiveByAgent(agents[a]), "live per agent");
            total += n;
        }
        assertEq(total, handler.ghostRevokedTotal(), "revoked in total");
    }

    /// @dev getSummary over all clients counts exactly the non-revoked feedback, with and without a tag filter.
    function invariant_SummaryCountIsNonRevokedFeedback() public view {
        uint256[] memory agents = handler.agents();
        address[] memory actors = handler.actors();
        for (uint256 a; a < agents.length; ++a) {
            (uint64 count,,) = reputation.getSummary(agents[a], actors, "", "");
            assertEq(count, handler.ghostLiveByAgent(agents[a]), "summary count");
            (count,,) = reputation.getSummary(agents[a], actors, "quality", "");
            assertEq(count, handler.ghostLiveByTag1(agents[a], keccak256("quality")), "summary count for tag1");
        }
    }

    /// @dev getClients lists each client once, in order of first feedback.
    function invariant_ClientsInOrderOfFirstFeedback() public view {
        uint256[] memory agents = handler.agents();
        for (uint256 a; a < agents.length; ++a) {
            assertEq(reputation.getClients(agents[a]), handler.ghostClients(agents[a]));
        }
    }

    /// @dev Every accepted response is counted.
    function invariant_ResponseCountsMatchGhost() public view {
        uint256[] memory agents = handler.agents();
        for (uint256 a; a < agents.length; ++a) {
            assertEq(
                reputation.getResponseCount(agents[a], address(0), 0, new address[](0)),
                handler.ghostResponsesByAgent(agents[a]),
                "responses"
            );
        }
    }
}

/// @notice Long runs of the same handler, to show that a campaign does what it is meant to: see EscrowCampaignTest
/// (afterInvariant runs at the end of every run, and the main suite's 64-call runs are too short for a reliable
/// minimum of every action in each of them).
contract ReputationCampaignTest is ReputationInvariantsSetup {
    /// A failing run is reported whole (shrink_run_limit = 0): shrinking would replay it thousands of times.
    /// forge-config: default.invariant.runs = 4
    /// forge-config: default.invariant.depth = 1000
    /// forge-config: default.invariant.shrink_run_limit = 0
    function invariant_LongRunsSawNoViolation() public view {
        _assertNoViolation();
    }

    /// @notice At the end of each run: every action did what it is for at least a minimum number of times, about a
    /// quarter of what a 1,000-call run typically achieves (measured over 100 runs: feedback given 252 times on
    /// average, self-feedback refused 249, revoked 95, second revocations refused 153, responses 249; never fewer
    /// than 205, 218, 80, 121 and 218).
    function afterInvariant() public view {
        assertGe(handler.feedbackGiven(), 60, "giveFeedback: too few feedbacks given in a run");
        assertGe(handler.selfFeedbackRefused(), 60, "giveSelfFeedback: too few refusals in a run");
        assertGe(handler.feedbackRevoked(), 20, "revokeFeedback: too few revocations in a run");
        assertGe(handler.secondRevokeRefused(), 30, "revokeFeedback: too few second revocations refused in a run");
        assertGe(handler.responsesAppended(), 60, "appendResponse: too few responses in a run");
    }
}
