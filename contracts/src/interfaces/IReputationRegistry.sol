// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title ERC-8004 Reputation Registry
/// @notice Feedback from clients to agents: a signed fixed-point value with tags, stored per (agent, client)
/// under a 1-based index; endpoint, feedbackURI and feedbackHash are only emitted. Shapes are the standard's.
interface IReputationRegistry {
    event NewFeedback(
        uint256 indexed agentId,
        address indexed clientAddress,
        uint64 feedbackIndex,
        int128 value,
        uint8 valueDecimals,
        string indexed indexedTag1,
        string tag1,
        string tag2,
        string endpoint,
        string feedbackURI,
        bytes32 feedbackHash
    );
    event FeedbackRevoked(uint256 indexed agentId, address indexed clientAddress, uint64 indexed feedbackIndex);
    event ResponseAppended(
        uint256 indexed agentId,
        address indexed clientAddress,
        uint64 feedbackIndex,
        address indexed responder,
        string responseURI,
        bytes32 responseHash
    );

    /// @notice The Identity Registry whose agents this registry rates.
    function getIdentityRegistry() external view returns (address identityRegistry);

    /// @notice Gives feedback to an existing agent. The agent's owner and operators may not rate it.
    /// @dev valueDecimals 0..18 and |value| <= 1e38.
    function giveFeedback(
        uint256 agentId,
        int128 value,
        uint8 valueDecimals,
        string calldata tag1,
        string calldata tag2,
        string calldata endpoint,
        string calldata feedbackURI,
        bytes32 feedbackHash
    ) external;

    /// @notice Revokes the caller's feedback `feedbackIndex` (1-based) to `agentId`. Revoking twice reverts.
    function revokeFeedback(uint256 agentId, uint64 feedbackIndex) external;

    /// @notice Appends a response to a feedback. Anyone, any number of times.
    function appendResponse(
        uint256 agentId,
        address clientAddress,
        uint64 feedbackIndex,
        string calldata responseURI,
        bytes32 responseHash
    ) external;

    /// @notice Averages the non-revoked feedback of the given clients (non-empty list) matching the tags
    /// ("" is a wildcard). Values are normalised to 18 decimals, averaged, and reported in the most common
    /// valueDecimals (ties: the fewest decimals).
    function getSummary(uint256 agentId, address[] calldata clientAddresses, string calldata tag1, string calldata tag2)
        external
        view
        returns (uint64 count, int128 summaryValue, uint8 summaryValueDecimals);

    /// @notice Reads one feedback.
    function readFeedback(uint256 agentId, address clientAddress, uint64 feedbackIndex)
        external
        view
        returns (int128 value, uint8 valueDecimals, string memory tag1, string memory tag2, bool isRevoked);

    /// @notice Reads all feedback of the given clients (all clients when the list is empty) matching the tags.
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
        );

    /// @notice Counts responses to a feedback, from the given responders (all when the list is empty).
    function getResponseCount(
        uint256 agentId,
        address clientAddress,
        uint64 feedbackIndex,
        address[] calldata responders
    ) external view returns (uint64 count);

    /// @notice Every client that has given feedback to `agentId`, in order of first feedback.
    function getClients(uint256 agentId) external view returns (address[] memory);

    /// @notice The highest feedback index `clientAddress` has used for `agentId` (0 when none).
    function getLastIndex(uint256 agentId, address clientAddress) external view returns (uint64);
}
