// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";

/// @title ERC-8004 Identity Registry
/// @notice One ERC-721 token per agent. The token's URI points at the agent's registration file; free-form
/// metadata is kept per agent; the agent wallet is an address proven by an EIP-712 signature (ERC-1271 for
/// contract wallets). Function and event shapes are the standard's, so selectors and topics match it exactly.
interface IIdentityRegistry is IERC721 {
    /// @notice A metadata key and value given at registration.
    struct MetadataEntry {
        string metadataKey;
        bytes metadataValue;
    }

    /// @notice Emitted once per new agent, after its metadata.
    event Registered(uint256 indexed agentId, string agentURI, address indexed owner);
    /// @notice Emitted for every metadata write, including the reserved `agentWallet` key.
    event MetadataSet(
        uint256 indexed agentId, string indexed indexedMetadataKey, string metadataKey, bytes metadataValue
    );
    /// @notice Emitted when the agent's URI changes after registration.
    event URIUpdated(uint256 indexed agentId, string newURI, address indexed updatedBy);

    /// @notice Registers a new agent owned by the caller, with a URI and initial metadata.
    /// @dev The agent wallet starts as the caller. Reverts with ReservedMetadataKey for `agentWallet`.
    function register(string calldata agentURI, MetadataEntry[] calldata metadata) external returns (uint256 agentId);

    /// @notice Registers a new agent owned by the caller, with a URI.
    function register(string calldata agentURI) external returns (uint256 agentId);

    /// @notice Registers a new agent owned by the caller, without a URI (set it later with setAgentURI).
    function register() external returns (uint256 agentId);

    /// @notice Replaces the agent's URI. Caller: owner, operator approved for all, or the token's approved address.
    function setAgentURI(uint256 agentId, string calldata newURI) external;

    /// @notice Returns the metadata value stored under `metadataKey` (empty when unset).
    function getMetadata(uint256 agentId, string memory metadataKey) external view returns (bytes memory);

    /// @notice Stores a metadata value. Same callers as setAgentURI; the `agentWallet` key is reserved.
    function setMetadata(uint256 agentId, string memory metadataKey, bytes memory metadataValue) external;

    /// @notice Sets the agent wallet to `newWallet`, which proves control by signing the EIP-712 message
    /// `AgentWalletSet(uint256 agentId,address newWallet,address owner,uint256 deadline)` under the domain
    /// ("ERC8004IdentityRegistry", "1", chainId, this registry). ECDSA first, then ERC-1271.
    /// @dev `block.timestamp <= deadline <= block.timestamp + 5 minutes`.
    function setAgentWallet(uint256 agentId, address newWallet, uint256 deadline, bytes calldata signature) external;

    /// @notice Returns the agent wallet (zero when unset or cleared by a transfer).
    function getAgentWallet(uint256 agentId) external view returns (address);

    /// @notice Clears the agent wallet. Same callers as setAgentURI.
    function unsetAgentWallet(uint256 agentId) external;
}
