// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IValidationRegistry} from "./interfaces/IValidationRegistry.sol";

/// @title ERC-8004 Validation Registry
/// @notice An agent's owner or operator names a validator for a globally unique requestHash; only that validator
/// answers (0..100) and may answer again. Constructor-wired to the Identity Registry, not upgradeable.
/// @dev A request costs one storage slot: validator, agent id (uint48, far beyond any sequential registry), response
/// and last-update time (uint40 seconds) are packed together, so an answer rewrites that warm slot and adds only its
/// hash and tag. requestURI and responseURI are only emitted.
contract ValidationRegistry is IValidationRegistry {
    /// @notice The highest response a validator may give.
    uint8 public constant MAX_RESPONSE = 100;

    struct Validation {
        // slot 0: the request writes validatorAddress and agentId, each response rewrites response and lastUpdate.
        // validatorAddress != 0 marks the hash as taken; lastUpdate == 0 until the first response.
        address validatorAddress;
        uint8 response;
        uint40 lastUpdate;
        uint48 agentId;
        // slots 1 and 2, first written by a response
        bytes32 responseHash;
        string tag;
    }

    IERC721 private immutable _identityRegistry;

    mapping(bytes32 requestHash => Validation) private _validations;
    mapping(uint256 agentId => bytes32[]) private _agentValidations;
    mapping(address validatorAddress => bytes32[]) private _validatorRequests;

    /// @notice The identity registry address is zero.
    error ZeroIdentityRegistry();
    /// @notice A request must name a validator.
    error ZeroValidatorAddress(bytes32 requestHash);
    /// @notice requestHash has been used by an earlier request (of any agent).
    error RequestHashAlreadyUsed(bytes32 requestHash);
    /// @notice `caller` is neither the agent's owner, an operator approved for all, nor the token's approved address.
    error NotAgentOperator(uint256 agentId, address caller);
    /// @notice No request with this hash exists.
    error UnknownRequest(bytes32 requestHash);
    /// @notice Only the validator named in the request may answer it.
    error NotRequestValidator(bytes32 requestHash, address caller, address validatorAddress);
    /// @notice Responses range over 0..MAX_RESPONSE.
    error ResponseOutOfRange(uint8 response, uint8 max);

    constructor(address identityRegistry) {
        if (identityRegistry == address(0)) revert ZeroIdentityRegistry();
        _identityRegistry = IERC721(identityRegistry);
    }

    /// @inheritdoc IValidationRegistry
    function getIdentityRegistry() external view returns (address identityRegistry) {
        return address(_identityRegistry);
    }

    /// @inheritdoc IValidationRegistry
    function validationRequest(
        address validatorAddress,
        uint256 agentId,
        string calldata requestURI,
        bytes32 requestHash
    ) external {
        if (validatorAddress == address(0)) revert ZeroValidatorAddress(requestHash);
        Validation storage v = _validations[requestHash];
        if (v.validatorAddress != address(0)) revert RequestHashAlreadyUsed(requestHash);
        _checkOperator(agentId);

        v.validatorAddress = validatorAddress;
        v.agentId = SafeCast.toUint48(agentId);
        _agentValidations[agentId].push(requestHash);
        _validatorRequests[validatorAddress].push(requestHash);
        emit ValidationRequest(validatorAddress, agentId, requestURI, requestHash);
    }

    /// @inheritdoc IValidationRegistry
    function validationResponse(
        bytes32 requestHash,
        uint8 response,
        string calldata responseURI,
        bytes32 responseHash,
        string calldata tag
    ) external {
        if (response > MAX_RESPONSE) revert ResponseOutOfRange(response, MAX_RESPONSE);
        Validation storage v = _validations[requestHash];
        address validatorAddress = v.validatorAddress;
        if (validatorAddress == address(0)) revert UnknownRequest(requestHash);
        if (msg.sender != validatorAddress) revert NotRequestValidator(requestHash, msg.sender, validatorAddress);

        v.response = response;
        v.lastUpdate = SafeCast.toUint40(block.timestamp);
        v.responseHash = responseHash;
        v.tag = tag;
        emit ValidationResponse(validatorAddress, v.agentId, requestHash, response, responseURI, responseHash, tag);
    }

    /// @inheritdoc IValidationRegistry
    /// @dev Reverts with UnknownRequest for a hash that was never requested.
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
        )
    {
        Validation storage v = _validations[requestHash];
        validatorAddress = v.validatorAddress;
        if (validatorAddress == address(0)) revert UnknownRequest(requestHash);
        return (validatorAddress, v.agentId, v.response, v.responseHash, v.tag, v.lastUpdate);
    }

    /// @inheritdoc IValidationRegistry
    /// @dev The average is rounded down; (0, 0) when nothing matches.
    function getSummary(uint256 agentId, address[] calldata validatorAddresses, string calldata tag)
        external
        view
        returns (uint64 count, uint8 averageResponse)
    {
        bytes32[] storage hashes = _agentValidations[agentId];
        bool anyTag = bytes(tag).length == 0;
        bytes32 tagHash = keccak256(bytes(tag));
        uint256 total;
        uint256 n = hashes.length;
        for (uint256 i; i < n; ++i) {
            Validation storage v = _validations[hashes[i]];
            if (v.lastUpdate == 0) continue;
            if (!anyTag && keccak256(bytes(v.tag)) != tagHash) continue;
            if (validatorAddresses.length != 0 && !_contains(validatorAddresses, v.validatorAddress)) continue;
            total += v.response;
            ++count;
        }
        // casting to 'uint8' is safe because every counted response is at most MAX_RESPONSE
        // forge-lint: disable-next-line(unsafe-typecast)
        if (count != 0) averageResponse = uint8(total / count);
    }

    /// @inheritdoc IValidationRegistry
    function getAgentValidations(uint256 agentId) external view returns (bytes32[] memory requestHashes) {
        return _agentValidations[agentId];
    }

    /// @inheritdoc IValidationRegistry
    function getValidatorRequests(address validatorAddress) external view returns (bytes32[] memory requestHashes) {
        return _validatorRequests[validatorAddress];
    }

    /// @dev Reverts unless the caller is the agent's owner or operator (and, through ownerOf, unless it exists).
    function _checkOperator(uint256 agentId) private view {
        address owner = _identityRegistry.ownerOf(agentId);
        if (
            msg.sender != owner && !_identityRegistry.isApprovedForAll(owner, msg.sender)
                && _identityRegistry.getApproved(agentId) != msg.sender
        ) revert NotAgentOperator(agentId, msg.sender);
    }

    function _contains(address[] calldata list, address item) private pure returns (bool) {
        uint256 n = list.length;
        for (uint256 i; i < n; ++i) {
            if (list[i] == item) return true;
        }
        return false;
    }
}
