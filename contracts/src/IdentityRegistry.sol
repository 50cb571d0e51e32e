// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721Utils} from "@openzeppelin/contracts/token/ERC721/utils/ERC721Utils.sol";
import {Bytes} from "@openzeppelin/contracts/utils/Bytes.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {IIdentityRegistry} from "./interfaces/IIdentityRegistry.sol";
import {IAgentWalletLookup} from "./interfaces/IAgentWalletLookup.sol";
import {AgentSignature} from "./libraries/AgentSignature.sol";

/// @title ERC-8004 Identity Registry
/// @notice One ERC-721 token ("AgentIdentity", "AGENT") per agent, numbered from 0. Not upgradeable.
/// @dev The agent wallet lives in one place (`_agents`, packed with the URI length); the reserved metadata key
/// `agentWallet` is derived from it on read, so it is never stored twice. `register` writes every piece of state
/// and emits every event before its only external call (the ERC-721 receiver check), which closes the
/// `_safeMint` reentrancy window. Token URIs are stored here rather than through ERC721URIStorage, for the
/// packing above and because `URIUpdated` already announces changes, so ERC-4906's extra `MetadataUpdate` log
/// would only cost gas. Also implements the Agora reverse lookup (IAgentWalletLookup).
contract IdentityRegistry is ERC721, EIP712, IIdentityRegistry, IAgentWalletLookup {
    /// @notice The reserved metadata key that mirrors the agent wallet.
    string public constant AGENT_WALLET_KEY = "agentWallet";
    /// @notice EIP-712 type of the proof that `newWallet` agrees to become the agent wallet.
    bytes32 public constant AGENT_WALLET_SET_TYPEHASH =
        keccak256("AgentWalletSet(uint256 agentId,address newWallet,address owner,uint256 deadline)");
    /// @notice How far in the future a wallet proof's deadline may lie.
    uint256 public constant MAX_DEADLINE_DELAY = 5 minutes;

    bytes32 private constant AGENT_WALLET_KEY_HASH = keccak256(bytes(AGENT_WALLET_KEY));

    /// @dev One slot per agent: its wallet and the byte length of its URI. Keeping the length here instead of in
    /// a `string` header slot lets the wallet ride along for free on registration.
    struct AgentRecord {
        address wallet;
        uint96 uriLength;
    }

    /// @dev The id the next registration receives.
    uint256 private _nextAgentId;
    mapping(uint256 agentId => AgentRecord) private _agents;
    /// @dev The URI bytes in 32-byte words (the last one right-padded with zeros); words past
    /// `uriLength` are stale leftovers and never read.
    mapping(uint256 agentId => mapping(uint256 wordIndex => bytes32)) private _uriWords;
    mapping(uint256 agentId => mapping(string metadataKey => bytes)) private _metadata;
    /// @dev agentId + 1 of the latest binding of each wallet (0: never bound); validated against the agent's
    /// current wallet on read, so unsetting or transferring needs no write here.
    mapping(address wallet => uint256) private _walletBindings;

    /// @notice `caller` is neither the agent's owner, an operator approved for all, nor the token's approved address.
    error NotAgentOperator(uint256 agentId, address caller);
    /// @notice The reserved key `agentWallet` can only be changed through setAgentWallet/unsetAgentWallet.
    error ReservedMetadataKey(string metadataKey);
    /// @notice The agent wallet cannot be set to the zero address (use unsetAgentWallet).
    error ZeroAgentWallet(uint256 agentId);
    /// @notice The wallet proof's deadline has passed.
    error DeadlineExpired(uint256 deadline, uint256 timestamp);
    /// @notice The wallet proof's deadline lies more than MAX_DEADLINE_DELAY ahead.
    error DeadlineTooFar(uint256 deadline, uint256 max);
    /// @notice `newWallet` did not sign the AgentWalletSet message (neither by ECDSA nor by ERC-1271).
    error InvalidWalletSignature(uint256 agentId, address newWallet);

    constructor() ERC721("AgentIdentity", "AGENT") EIP712("ERC8004IdentityRegistry", "1") {}

    // ---------------------------------------------------------------- registration

    /// @inheritdoc IIdentityRegistry
    function register(string calldata agentURI, MetadataEntry[] calldata metadata) external returns (uint256 agentId) {
        agentId = _mintAgent(bytes(agentURI));
        uint256 n = metadata.length;
        for (uint256 i; i < n; ++i) {
            _writeMetadata(agentId, metadata[i].metadataKey, metadata[i].metadataValue);
        }
        emit Registered(agentId, agentURI, msg.sender);
        ERC721Utils.checkOnERC721Received(msg.sender, address(0), msg.sender, agentId, "");
    }

    /// @inheritdoc IIdentityRegistry
    function register(string calldata agentURI) external returns (uint256 agentId) {
        agentId = _mintAgent(bytes(agentURI));
        emit Registered(agentId, agentURI, msg.sender);
        ERC721Utils.checkOnERC721Received(msg.sender, address(0), msg.sender, agentId, "");
    }

    /// @inheritdoc IIdentityRegistry
    function register() external returns (uint256 agentId) {
        agentId = _mintAgent(msg.data[0:0]);
        emit Registered(agentId, "", msg.sender);
        ERC721Utils.checkOnERC721Received(msg.sender, address(0), msg.sender, agentId, "");
    }

    // ---------------------------------------------------------------- URI and metadata

    /// @inheritdoc IIdentityRegistry
    function setAgentURI(uint256 agentId, string calldata newURI) external {
        _checkWriter(agentId);
        _agents[agentId].uriLength = _writeURIWords(agentId, bytes(newURI));
        emit URIUpdated(agentId, newURI, msg.sender);
    }

    /// @notice The agent's URI (its registration file), empty until set.
    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        _requireOwned(tokenId);
        uint256 length = _agents[tokenId].uriLength;
        bytes32[] memory words = new bytes32[]((length + 31) / 32);
        for (uint256 i; i < words.length; ++i) {
            words[i] = _uriWords[tokenId][i];
        }
        return string(Bytes.slice(abi.encodePacked(words), 0, length));
    }

    /// @inheritdoc IIdentityRegistry
    /// @dev For `agentWallet` this is the 20-byte packed wallet, or empty when there is none.
    function getMetadata(uint256 agentId, string calldata metadataKey) external view returns (bytes memory) {
        if (keccak256(bytes(metadataKey)) == AGENT_WALLET_KEY_HASH) {
            address wallet = _agents[agentId].wallet;
            return wallet == address(0) ? bytes("") : abi.encodePacked(wallet);
        }
        return _metadata[agentId][metadataKey];
    }

    /// @inheritdoc IIdentityRegistry
    function setMetadata(uint256 agentId, string calldata metadataKey, bytes calldata metadataValue) external {
        _checkWriter(agentId);
        _writeMetadata(agentId, metadataKey, metadataValue);
    }

    // ---------------------------------------------------------------- agent wallet

    /// @inheritdoc IIdentityRegistry
    function setAgentWallet(uint256 agentId, address newWallet, uint256 deadline, bytes calldata signature) external {
        if (newWallet == address(0)) revert ZeroAgentWallet(agentId);
        // forge-lint: disable-next-line(block-timestamp)
        if (deadline < block.timestamp) revert DeadlineExpired(deadline, block.timestamp);
        uint256 maxDeadline = block.timestamp + MAX_DEADLINE_DELAY;
        if (deadline > maxDeadline) revert DeadlineTooFar(deadline, maxDeadline);
        address owner = _checkWriter(agentId);

        bytes32 digest = agentWalletSetDigest(agentId, newWallet, owner, deadline);
        // ECDSA first (covers EOAs, including EIP-7702 accounts that carry code), then ERC-1271.
        if (!AgentSignature.isValidNow(newWallet, digest, signature)) {
            revert InvalidWalletSignature(agentId, newWallet);
        }

        _bindWallet(agentId, newWallet);
    }

    /// @inheritdoc IIdentityRegistry
    function getAgentWallet(uint256 agentId) external view returns (address) {
        _requireOwned(agentId);
        return _agents[agentId].wallet;
    }

    /// @inheritdoc IIdentityRegistry
    function unsetAgentWallet(uint256 agentId) external {
        _checkWriter(agentId);
        _clearWallet(agentId);
    }

    /// @inheritdoc IAgentWalletLookup
    function getAgentIdByWallet(address wallet) external view returns (uint256 agentId) {
        uint256 binding = _walletBindings[wallet];
        if (binding == 0) revert WalletNotBound(wallet);
        unchecked {
            agentId = binding - 1;
        }
        if (_agents[agentId].wallet != wallet) revert WalletNotBound(wallet);
    }

    /// @notice The EIP-712 digest `newWallet` signs for setAgentWallet, under this registry's domain on this chain.
    /// @param owner The agent's owner at the time of the call (the proof is void once the token moves).
    function agentWalletSetDigest(uint256 agentId, address newWallet, address owner, uint256 deadline)
        public
        view
        returns (bytes32)
    {
        return _hashTypedDataV4(keccak256(abi.encode(AGENT_WALLET_SET_TYPEHASH, agentId, newWallet, owner, deadline)));
    }

    // ---------------------------------------------------------------- internals

    /// @dev Mints the next id to the caller, stores its URI and binds the caller as its wallet (one slot for
    /// both). Emits Transfer, then MetadataSet for `agentWallet`. Makes no external call: the receiver check is
    /// the caller's last step.
    function _mintAgent(bytes calldata agentURI) private returns (uint256 agentId) {
        agentId = _nextAgentId++;
        _mint(msg.sender, agentId);
        _agents[agentId] = AgentRecord({wallet: msg.sender, uriLength: _writeURIWords(agentId, agentURI)});
        _walletBindings[msg.sender] = agentId + 1;
        emit MetadataSet(agentId, AGENT_WALLET_KEY, AGENT_WALLET_KEY, abi.encodePacked(msg.sender));
    }

    function _bindWallet(uint256 agentId, address wallet) private {
        _agents[agentId].wallet = wallet;
        _walletBindings[wallet] = agentId + 1;
        emit MetadataSet(agentId, AGENT_WALLET_KEY, AGENT_WALLET_KEY, abi.encodePacked(wallet));
    }

    /// @dev Stores `uri` as 32-byte words and returns its length (the caller stores it in the agent record).
    function _writeURIWords(uint256 agentId, bytes calldata uri) private returns (uint96) {
        uint256 length = uri.length;
        for (uint256 start; start < length; start += 32) {
            uint256 end = start + 32 < length ? start + 32 : length;
            _uriWords[agentId][start / 32] = bytes32(uri[start:end]);
        }
        // casting to 'uint96' is safe because calldata cannot approach 2**96 bytes
        // forge-lint: disable-next-line(unsafe-typecast)
        return uint96(length);
    }

    function _clearWallet(uint256 agentId) private {
        delete _agents[agentId].wallet;
        emit MetadataSet(agentId, AGENT_WALLET_KEY, AGENT_WALLET_KEY, "");
    }

    function _writeMetadata(uint256 agentId, string calldata metadataKey, bytes calldata metadataValue) private {
        if (keccak256(bytes(metadataKey)) == AGENT_WALLET_KEY_HASH) revert ReservedMetadataKey(metadataKey);
        _metadata[agentId][metadataKey] = metadataValue;
        emit MetadataSet(agentId, metadataKey, metadataKey, metadataValue);
    }

    /// @dev Reverts unless the caller may write the agent's data; returns the owner (reverts if no such agent).
    function _checkWriter(uint256 agentId) private view returns (address owner) {
        owner = _requireOwned(agentId);
        if (!_isAuthorized(owner, msg.sender, agentId)) revert NotAgentOperator(agentId, msg.sender);
    }

    /// @dev Clears the agent wallet whenever the token changes hands (not on mint, not on a self-transfer).
    function _update(address to, uint256 tokenId, address auth) internal override returns (address from) {
        from = super._update(to, tokenId, auth);
        if (from != address(0) && from != to) _clearWallet(tokenId);
    }
}
