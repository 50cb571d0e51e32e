// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IReputationRegistry} from "./interfaces/IReputationRegistry.sol";

/// @title ERC-8004 Reputation Registry
/// @notice Feedback from clients to agents under dense 1-based indexes per (agent, client). Constructor-wired to
/// the Identity Registry, not upgradeable.
/// @dev Storage per feedback: one packed slot (value, decimals, revoked flag, total response count) and one slot
/// per short tag. A client is known to an agent exactly when its last index is non-zero, so no separate
/// "client exists" flag is kept. endpoint, feedbackURI, feedbackHash, responseURI and responseHash are only
/// emitted.
contract ReputationRegistry is IReputationRegistry {
    /// @notice The largest valueDecimals accepted.
    uint8 public constant MAX_VALUE_DECIMALS = 18;
    /// @notice The largest |value| accepted.
    int128 public constant MAX_ABS_VALUE = 1e38;

    struct Feedback {
        // slot 0
        int128 value;
        uint8 valueDecimals;
        bool isRevoked;
        uint64 responseCount; // all responses to this feedback, from every responder
        // one slot each while shorter than 32 bytes
        string tag1;
        string tag2;
    }

    IERC721 private immutable _identityRegistry;

    mapping(uint256 agentId => mapping(address client => mapping(uint64 feedbackIndex => Feedback))) private _feedback;
    mapping(uint256 agentId => mapping(address client => uint64)) private _lastIndex;
    mapping(uint256 agentId => address[]) private _clients;
    mapping(
        uint256 agentId
            => mapping(address client => mapping(uint64 feedbackIndex => mapping(address responder => uint64)))
    ) private _responseCounts;

    /// @notice The identity registry address is zero.
    error ZeroIdentityRegistry();
    /// @notice valueDecimals must be at most MAX_VALUE_DECIMALS.
    error ValueDecimalsTooHigh(uint8 valueDecimals, uint8 max);
    /// @notice |value| must be at most MAX_ABS_VALUE.
    error ValueOutOfRange(int128 value, int128 maxAbs);
    /// @notice The agent's owner, its operators and its approved address may not rate it.
    error SelfFeedback(uint256 agentId, address caller);
    /// @notice No feedback `feedbackIndex` from `clientAddress` to `agentId` (indexes run 1..getLastIndex).
    error FeedbackNotFound(uint256 agentId, address clientAddress, uint64 feedbackIndex);
    /// @notice The feedback was revoked already.
    error FeedbackAlreadyRevoked(uint256 agentId, address clientAddress, uint64 feedbackIndex);
    /// @notice A response needs a responseURI.
    error EmptyResponseURI();
    /// @notice getSummary needs a non-empty client list.
    error EmptyClientList();
    /// @notice The average does not fit an int128 in the reported decimals.
    error SummaryValueOverflow(int256 averageWad, uint8 valueDecimals);

    constructor(address identityRegistry) {
        if (identityRegistry == address(0)) revert ZeroIdentityRegistry();
        _identityRegistry = IERC721(identityRegistry);
    }

    /// @inheritdoc IReputationRegistry
    function getIdentityRegistry() external view returns (address identityRegistry) {
        return address(_identityRegistry);
    }

    /// @inheritdoc IReputationRegistry
    function giveFeedback(
        uint256 agentId,
        int128 value,
        uint8 valueDecimals,
        string calldata tag1,
        string calldata tag2,
        string calldata endpoint,
        string calldata feedbackURI,
        bytes32 feedbackHash
    ) external {
        if (valueDecimals > MAX_VALUE_DECIMALS) {
            revert ValueDecimalsTooHigh(valueDecimals, MAX_VALUE_DECIMALS);
        }
        if (value > MAX_ABS_VALUE || value < -MAX_ABS_VALUE) revert ValueOutOfRange(value, MAX_ABS_VALUE);
        _checkNotSelf(agentId);

        uint64 lastIndex = _lastIndex[agentId][msg.sender];
        if (lastIndex == 0) _clients[agentId].push(msg.sender);
        uint64 feedbackIndex = lastIndex + 1;
        _lastIndex[agentId][msg.sender] = feedbackIndex;

        Feedback storage f = _feedback[agentId][msg.sender][feedbackIndex];
        f.value = value;
        f.valueDecimals = valueDecimals;
        if (bytes(tag1).length != 0) f.tag1 = tag1;
        if (bytes(tag2).length != 0) f.tag2 = tag2;

        emit NewFeedback(
            agentId,
            msg.sender,
            feedbackIndex,
            value,
            valueDecimals,
            tag1,
            tag1,
            tag2,
            endpoint,
            feedbackURI,
            feedbackHash
        );
    }

    /// @inheritdoc IReputationRegistry
    function revokeFeedback(uint256 agentId, uint64 feedbackIndex) external {
        Feedback storage f = _existingFeedback(agentId, msg.sender, feedbackIndex);
        if (f.isRevoked) revert FeedbackAlreadyRevoked(agentId, msg.sender, feedbackIndex);
        f.isRevoked = true;
        emit FeedbackRevoked(agentId, msg.sender, feedbackIndex);
    }

    /// @inheritdoc IReputationRegistry
    function appendResponse(
        uint256 agentId,
        address clientAddress,
        uint64 feedbackIndex,
        string calldata responseURI,
        bytes32 responseHash
    ) external {
        if (bytes(responseURI).length == 0) revert EmptyResponseURI();
        Feedback storage f = _existingFeedback(agentId, clientAddress, feedbackIndex);
        ++f.responseCount;
        ++_responseCounts[agentId][clientAddress][feedbackIndex][msg.sender];
        emit ResponseAppended(agentId, clientAddress, feedbackIndex, msg.sender, responseURI, responseHash);
    }

    /// @inheritdoc IReputationRegistry
    /// @dev Rounds toward zero, first when averaging in 18 decimals and then when rescaling. (0, 0, 0) when no
    /// feedback matches.
    function getSummary(uint256 agentId, address[] calldata clientAddresses, string calldata tag1, string calldata tag2)
        external
        view
        returns (uint64 count, int128 summaryValue, uint8 summaryValueDecimals)
    {
        if (clientAddresses.length == 0) revert EmptyClientList();
        TagFilter memory filter = _tagFilter(tag1, tag2);
        uint64[19] memory decimalsCount;
        int256 sumWad; // |value| <= 1e38 scaled by <= 1e18, times < 2^64 entries, stays far below 2^255
        for (uint256 i; i < clientAddresses.length; ++i) {
            address client = clientAddresses[i];
            uint64 last = _lastIndex[agentId][client];
            for (uint64 j = 1; j <= last; ++j) {
                Feedback storage f = _feedback[agentId][client][j];
                if (f.isRevoked || !_matches(f, filter)) continue;
                uint8 d = f.valueDecimals;
                sumWad += int256(f.value) * int256(10 ** uint256(MAX_VALUE_DECIMALS - d));
                ++decimalsCount[d];
                ++count;
            }
        }
        if (count == 0) return (0, 0, 0);

        uint64 best;
        for (uint8 d; d <= MAX_VALUE_DECIMALS; ++d) {
            if (decimalsCount[d] > best) {
                best = decimalsCount[d];
                summaryValueDecimals = d;
            }
        }
        int256 averageWad = sumWad / int256(uint256(count));
        int256 scaled = averageWad / int256(10 ** uint256(MAX_VALUE_DECIMALS - summaryValueDecimals));
        if (scaled > type(int128).max || scaled < type(int128).min) {
            revert SummaryValueOverflow(averageWad, summaryValueDecimals);
        }
        // casting to 'int128' is safe because the range was checked just above
        // forge-lint: disable-next-line(unsafe-typecast)
        summaryValue = int128(scaled);
    }

    /// @inheritdoc IReputationRegistry
    /// @dev Reverts with FeedbackNotFound for index 0 or an index beyond getLastIndex.
    function readFeedback(uint256 agentId, address clientAddress, uint64 feedbackIndex)
        external
        view
        returns (int128 value, uint8 valueDecimals, string memory tag1, string memory tag2, bool isRevoked)
    {
        Feedback storage f = _existingFeedback(agentId, clientAddress, feedbackIndex);
        return (f.value, f.valueDecimals, f.tag1, f.tag2, f.isRevoked);
    }

    /// @inheritdoc IReputationRegistry
    function readAllFeedback(
        uint256 agentId,
        address[] calldata clientAddresses,
        string calldata tag1,
        string calldata tag2,
        bool includeRevoked
    )
        external
        view
        returns (
            address[] memory clients,
            uint64[] memory feedbackIndexes,
            int128[] memory values,
            uint8[] memory valueDecimals,
            string[] memory tag1s,
            string[] memory tag2s,
            bool[] memory revokedStatuses
        )
    {
        address[] memory clientList = clientAddresses;
        if (clientList.length == 0) clientList = _clients[agentId];
        TagFilter memory filter = _tagFilter(tag1, tag2);

        uint256 total;
        for (uint256 i; i < clientList.length; ++i) {
            uint64 last = _lastIndex[agentId][clientList[i]];
            for (uint64 j = 1; j <= last; ++j) {
                Feedback storage f = _feedback[agentId][clientList[i]][j];
                if ((includeRevoked || !f.isRevoked) && _matches(f, filter)) ++total;
            }
        }

        clients = new address[](total);
        feedbackIndexes = new uint64[](total);
        values = new int128[](total);
        valueDecimals = new uint8[](total);
        tag1s = new string[](total);
        tag2s = new string[](total);
        revokedStatuses = new bool[](total);

        uint256 k;
        for (uint256 i; i < clientList.length; ++i) {
            address client = clientList[i];
            uint64 last = _lastIndex[agentId][client];
            for (uint64 j = 1; j <= last; ++j) {
                Feedback storage f = _feedback[agentId][client][j];
                if ((!includeRevoked && f.isRevoked) || !_matches(f, filter)) continue;
                clients[k] = client;
                feedbackIndexes[k] = j;
                values[k] = f.value;
                valueDecimals[k] = f.valueDecimals;
                tag1s[k] = f.tag1;
                tag2s[k] = f.tag2;
                revokedStatuses[k] = f.isRevoked;
                ++k;
            }
        }
    }

    /// @inheritdoc IReputationRegistry
    /// @dev As in the reference implementation, `clientAddress == address(0)` counts over every client of the
    /// agent and `feedbackIndex == 0` over every feedback of the client. A feedback that does not exist has no
    /// responses.
    function getResponseCount(
        uint256 agentId,
        address clientAddress,
        uint64 feedbackIndex,
        address[] calldata responders
    ) external view returns (uint64 count) {
        if (clientAddress == address(0)) {
            address[] storage clients = _clients[agentId];
            for (uint256 i; i < clients.length; ++i) {
                count += _countClient(agentId, clients[i], responders);
            }
        } else if (feedbackIndex == 0) {
            count = _countClient(agentId, clientAddress, responders);
        } else {
            count = _countResponses(agentId, clientAddress, feedbackIndex, responders);
        }
    }

    /// @inheritdoc IReputationRegistry
    function getClients(uint256 agentId) external view returns (address[] memory) {
        return _clients[agentId];
    }

    /// @inheritdoc IReputationRegistry
    function getLastIndex(uint256 agentId, address clientAddress) external view returns (uint64) {
        return _lastIndex[agentId][clientAddress];
    }

    // ---------------------------------------------------------------- internals

    struct TagFilter {
        bool anyTag1;
        bool anyTag2;
        bytes32 tag1Hash;
        bytes32 tag2Hash;
    }

    function _tagFilter(string calldata tag1, string calldata tag2) private pure returns (TagFilter memory) {
        return TagFilter({
            anyTag1: bytes(tag1).length == 0,
            anyTag2: bytes(tag2).length == 0,
            tag1Hash: keccak256(bytes(tag1)),
            tag2Hash: keccak256(bytes(tag2))
        });
    }

    function _matches(Feedback storage f, TagFilter memory filter) private view returns (bool) {
        return (filter.anyTag1 || keccak256(bytes(f.tag1)) == filter.tag1Hash)
            && (filter.anyTag2 || keccak256(bytes(f.tag2)) == filter.tag2Hash);
    }

    /// @dev Reverts (ERC721NonexistentToken from the identity registry) unless the agent exists, and with
    /// SelfFeedback when the caller is its owner, an operator approved for all, or its approved address.
    function _checkNotSelf(uint256 agentId) private view {
        address owner = _identityRegistry.ownerOf(agentId);
        if (
            msg.sender == owner || _identityRegistry.isApprovedForAll(owner, msg.sender)
                || _identityRegistry.getApproved(agentId) == msg.sender
        ) revert SelfFeedback(agentId, msg.sender);
    }

    function _existingFeedback(uint256 agentId, address clientAddress, uint64 feedbackIndex)
        private
        view
        returns (Feedback storage)
    {
        if (feedbackIndex == 0 || feedbackIndex > _lastIndex[agentId][clientAddress]) {
            revert FeedbackNotFound(agentId, clientAddress, feedbackIndex);
        }
        return _feedback[agentId][clientAddress][feedbackIndex];
    }

    function _countClient(uint256 agentId, address clientAddress, address[] calldata responders)
        private
        view
        returns (uint64 count)
    {
        uint64 last = _lastIndex[agentId][clientAddress];
        for (uint64 j = 1; j <= last; ++j) {
            count += _countResponses(agentId, clientAddress, j, responders);
        }
    }

    function _countResponses(
        uint256 agentId,
        address clientAddress,
        uint64 feedbackIndex,
        address[] calldata responders
    ) private view returns (uint64 count) {
        if (responders.length == 0) {
            return _feedback[agentId][clientAddress][feedbackIndex].responseCount;
        }
        mapping(address => uint64) storage perResponder = _responseCounts[agentId][clientAddress][feedbackIndex];
        for (uint256 i; i < responders.length; ++i) {
            count += perResponder[responders[i]];
        }
    }
}
