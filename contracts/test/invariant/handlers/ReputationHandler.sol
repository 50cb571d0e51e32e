// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "../../utils/Test.sol";
import {ReputationRegistry} from "../../../src/ReputationRegistry.sol";

/// @notice Drives the Reputation Registry with a fixed set of clients and agents and mirrors every accepted
/// write in ghost variables.
///
/// The handler never reverts on what it observes: a revert would undo the state that showed the problem, and with
/// `fail_on_revert = false` forge would also throw the revert away. A call the registry must refuse but accepts, or
/// must accept but refuses, is booked in a violation counter that the invariants assert to be zero; every outcome
/// the rules ask for is counted, so that a campaign can show it did something.
contract ReputationHandler is Test {
    ReputationRegistry public immutable reputation;
    address public immutable agentOwner;

    address[] internal _actors;
    uint256[] internal _agents;
    string[3] internal _tags = ["", "quality", "latency"];

    // ---- ghosts
    mapping(uint256 agentId => mapping(address client => uint64)) public ghostCount;
    mapping(uint256 agentId => mapping(address client => mapping(uint64 index => bool))) public ghostRevoked;
    mapping(uint256 agentId => uint256) public ghostRevokedByAgent;
    mapping(uint256 agentId => uint256) public ghostLiveByAgent;
    mapping(uint256 agentId => mapping(bytes32 tag1Hash => uint256)) public ghostLiveByTag1;
    mapping(uint256 agentId => mapping(address client => mapping(uint64 index => bytes32))) public ghostTag1;
    mapping(uint256 agentId => uint256) public ghostResponsesByAgent;
    mapping(uint256 agentId => address[]) internal _ghostClients;
    uint256 public ghostRevokedTotal;

    // ---- what each action achieved in this run
    uint256 public feedbackGiven;
    uint256 public selfFeedbackRefused;
    uint256 public feedbackRevoked;
    uint256 public secondRevokeRefused;
    uint256 public responsesAppended;

    // ---- violations (asserted zero by the invariants)
    /// @notice The agent's owner rated its own agent and the registry accepted it.
    uint256 public selfFeedbackAccepted;
    /// @notice A client revoked the same feedback twice and the registry accepted it.
    uint256 public revokedTwiceAccepted;
    /// @notice Valid calls (feedback from a non-owner in range, a client revoking its own live feedback, a response to
    /// existing feedback) that the registry refused.
    uint256 public validCallsRefused;

    constructor(
        ReputationRegistry reputation_,
        address agentOwner_,
        uint256[] memory agents_,
        address[] memory actors_
    ) {
        reputation = reputation_;
        agentOwner = agentOwner_;
        _agents = agents_;
        _actors = actors_;
    }

    function actors() external view returns (address[] memory) {
        return _actors;
    }

    function agents() external view returns (uint256[] memory) {
        return _agents;
    }

    function ghostClients(uint256 agentId) external view returns (address[] memory) {
        return _ghostClients[agentId];
    }

    // ---- actions

    function giveFeedback(uint256 actorSeed, uint256 agentSeed, int256 value, uint256 decimals, uint256 tagSeed)
        external
    {
        address client = _actors[actorSeed % _actors.length];
        uint256 agentId = _agents[agentSeed % _agents.length];
        // keep averages representable in 18 decimals, so getSummary never overflows
        int128 v = int128(bound(value, -1e18, 1e18));
        uint8 d = uint8(bound(decimals, 0, 18));
        string memory tag1 = _tags[tagSeed % 3];
        string memory tag2 = _tags[(tagSeed / 3) % 3];

        vm.prank(client);
        try reputation.giveFeedback(
            agentId, v, d, tag1, tag2, "https://agent.example.com/mcp", "ipfs://f", bytes32(0)
        ) {}
        catch {
            ++validCallsRefused;
            return;
        }
        ++feedbackGiven;
        uint64 index = ++ghostCount[agentId][client];
        if (index == 1) _ghostClients[agentId].push(client);
        ghostTag1[agentId][client][index] = keccak256(bytes(tag1));
        ++ghostLiveByAgent[agentId];
        ++ghostLiveByTag1[agentId][keccak256(bytes(tag1))];
    }

    /// @dev The agent owner tries to rate its own agent; the registry must refuse and nothing may change.
    function giveSelfFeedback(uint256 agentSeed) external {
        uint256 agentId = _agents[agentSeed % _agents.length];
        vm.prank(agentOwner);
        try reputation.giveFeedback(agentId, 100, 0, "", "", "", "", bytes32(0)) {
            ++selfFeedbackAccepted;
        } catch {
            ++selfFeedbackRefused;
        }
    }

    /// @notice A client revokes one of its feedbacks; one time in four it picks one already revoked (if any), which
    /// the registry must refuse.
    function revokeFeedback(uint256 actorSeed, uint256 agentSeed, uint256 indexSeed) external {
        (address client, uint256 agentId, uint64 last) = _pickRated(actorSeed, agentSeed);
        if (last == 0) return;
        uint64 index = uint64(bound(indexSeed, 1, last));
        if (indexSeed % 4 == 0) {
            for (uint64 k; k < last; ++k) {
                uint64 j = (index + k - 1) % last + 1;
                if (ghostRevoked[agentId][client][j]) {
                    index = j;
                    break;
                }
            }
        }

        vm.prank(client);
        if (ghostRevoked[agentId][client][index]) {
            try reputation.revokeFeedback(agentId, index) {
                ++revokedTwiceAccepted;
            } catch {
                ++secondRevokeRefused;
            }
            return;
        }
        try reputation.revokeFeedback(agentId, index) {}
        catch {
            ++validCallsRefused;
            return;
        }
        ++feedbackRevoked;
        ghostRevoked[agentId][client][index] = true;
        ++ghostRevokedByAgent[agentId];
        ++ghostRevokedTotal;
        --ghostLiveByAgent[agentId];
        --ghostLiveByTag1[agentId][ghostTag1[agentId][client][index]];
    }

    function appendResponse(uint256 responderSeed, uint256 actorSeed, uint256 agentSeed, uint256 indexSeed) external {
        address responder = _actors[responderSeed % _actors.length];
        (address client, uint256 agentId, uint64 last) = _pickRated(actorSeed, agentSeed);
        if (last == 0) return;
        uint64 index = uint64(bound(indexSeed, 1, last));
        vm.prank(responder);
        try reputation.appendResponse(agentId, client, index, "ipfs://r", bytes32(0)) {}
        catch {
            ++validCallsRefused;
            return;
        }
        ++responsesAppended;
        ++ghostResponsesByAgent[agentId];
    }

    /// @dev The (client, agent) the seeds name if that client has rated that agent, else the next pair that has
    /// (last == 0 when there is none yet).
    function _pickRated(uint256 actorSeed, uint256 agentSeed)
        internal
        view
        returns (address client, uint256 agentId, uint64 last)
    {
        uint256 nc = _actors.length;
        uint256 pairs = nc * _agents.length;
        uint256 start = (agentSeed % _agents.length) * nc + actorSeed % nc;
        for (uint256 k; k < pairs; ++k) {
            uint256 p = (start + k) % pairs;
            client = _actors[p % nc];
            agentId = _agents[p / nc];
            last = ghostCount[agentId][client];
            if (last != 0) return (client, agentId, last);
        }
    }
}
