// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title ERC-8004 Validation Registry
/// @notice An agent's owner asks a named validator to check some work (identified by a globally unique
/// requestHash); the validator answers 0..100 and may answer again. Shapes are the standard's.
interface IValidationRegistry {
    event ValidationRequest(
        address indexed validatorAddress, uint256 indexed agentId, string requestURI, bytes32 indexed requestHash
    );
    event ValidationResponse(
        address indexed validatorAddress,
        uint256 indexed agentId,
        bytes32 indexed requestHash,
        uint8 response,
        string responseURI,
        bytes32 responseHash,
        string tag
    );

    /// @notice The Identity Registry whose agents are validated.
    function getIdentityRegistry() external view returns (address identityRegistry);

    /// @notice Opens a request. Caller: the agent's owner or an operator; requestHash must be new.
    function validationRequest(
        address validatorAddress,
        uint256 agentId,
        string calldata requestURI,
        bytes32 requestHash
    ) external;

    /// @notice Answers a request, 0..100. Caller: the named validator; may be repeated.
    function validationResponse(
        bytes32 requestHash,
        uint8 response,
        string calldata responseURI,
        bytes32 responseHash,
        string calldata tag
    ) external;

    /// @notice The request and its latest response (lastUpdate is 0 until the validator answers).
    function getValidationStatus(bytes32 requestHash)
        external
        view
        returns (
            address validatorAddress,
            uint256 agentId,
            uint8 response,
            bytes32 responseHash,
            string memory tag,
            uint256 lastUpdate
        );

    /// @notice Count and average response of the answered requests of `agentId` from the given validators
    /// (all when the list is empty) with the given tag ("" is a wildcard).
    function getSummary(uint256 agentId, address[] calldata validatorAddresses, string calldata tag)
        external
        view
        returns (uint64 count, uint8 averageResponse);

    /// @notice Every request hash opened for `agentId`.
    function getAgentValidations(uint256 agentId) external view returns (bytes32[] memory requestHashes);

    /// @notice Every request hash naming `validatorAddress`.
    function getValidatorRequests(address validatorAddress) external view returns (bytes32[] memory requestHashes);
}
