// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "../utils/Test.sol";
import {IdentityRegistry} from "../../src/IdentityRegistry.sol";
import {ReputationRegistry} from "../../src/ReputationRegistry.sol";
import {ReputationHandler} from "./handlers/ReputationHandler.sol";

contract ReputationInvariantsTest is Test {
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
