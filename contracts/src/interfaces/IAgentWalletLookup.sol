// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Agora extension: reverse lookup from agent wallet to agent id
/// @notice ERC-8004 maps an agent to its wallet but not back; services that receive a payment or a signature
/// from a wallet want to know which agent stands behind it. This is an Agora addition, not part of ERC-8004.
interface IAgentWalletLookup {
    /// @notice `wallet` is not the current wallet of the agent it was last bound to (or was never bound).
    error WalletNotBound(address wallet);

    /// @notice Returns the agent whose current agent wallet is `wallet`.
    /// @dev The latest binding wins: `register` binds the caller as the new agent's default wallet and
    /// `setAgentWallet` binds `newWallet`; each binding replaces the wallet's previous one. A binding goes stale
    /// when that agent's wallet later changes, is unset, or is cleared by a transfer of the token; stale bindings
    /// are detected on read and revert rather than being returned. So a wallet that is the default wallet of two
    /// agents resolves to the most recently registered one, and to none once that one's wallet moves on.
    /// @param wallet The wallet to resolve.
    /// @return agentId The agent whose `getAgentWallet(agentId) == wallet`. Reverts with WalletNotBound otherwise.
    function getAgentIdByWallet(address wallet) external view returns (uint256 agentId);
}
