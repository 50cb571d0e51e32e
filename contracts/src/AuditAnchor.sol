// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title AuditAnchor
/// @notice Where an operator anchors the signed tree heads of its audit logs (package audit, docs/deployment.md):
/// each anchor records, for the sender and one log, the tree's size and RFC 6962 root hash at a block nobody can
/// rewrite. Once a head is anchored the operator cannot replace the entries below it, nor re-sign the log's history
/// with its own key, without an auditor noticing: the entries no longer hash to the anchored root.
/// @dev Not upgradeable, no owner, holds no ETH. Anyone may anchor, but only under its own address: an operator's
/// anchors are the ones whose `operator` is its key's address, and nobody else can add to or reorder them. A log
/// is named by `logId`, the keccak256 of its origin (the first line of its C2SP checkpoints). Sizes strictly
/// increase per (operator, logId), so the anchored heads of a log are a sequence an auditor reads from the
/// `Anchored` events (every head) or `latest` (the newest). The contract does not check that the heads are
/// consistent with one another (it cannot: it sees no proofs); an auditor checks every anchored root against the
/// entries the operator serves.
contract AuditAnchor {
    /// @notice The newest head anchored for one (operator, log): two slots.
    struct Head {
        bytes32 root;
        uint64 size;
        uint64 blockNumber;
    }

    /// @notice A head was anchored.
    /// @param operator The account that anchored it (the log's operator).
    /// @param logId keccak256 of the log's origin.
    /// @param size The tree's size (number of entries) at this head.
    /// @param root The RFC 6962 root hash of the first `size` entries.
    event Anchored(address indexed operator, bytes32 indexed logId, uint64 size, bytes32 root);

    /// @notice The root is zero: no tree of one entry or more has it.
    error ZeroRoot();
    /// @notice The size is not above the last anchored size of this (operator, log) (0 when none was anchored).
    /// @param last The size anchored last.
    /// @param size The size given.
    error SizeNotIncreasing(uint64 last, uint64 size);

    mapping(address operator => mapping(bytes32 logId => Head)) private _heads;

    /// @notice Anchors the head (size, root) of the sender's log `logId`.
    /// @param logId keccak256 of the log's origin (the first line of its checkpoints).
    /// @param size The tree's size; above the size the sender anchored last for this log.
    /// @param root The tree's RFC 6962 root hash at `size`; non-zero.
    function anchor(bytes32 logId, uint64 size, bytes32 root) external {
        if (root == bytes32(0)) revert ZeroRoot();
        Head storage h = _heads[msg.sender][logId];
        uint64 last = h.size;
        if (size <= last) revert SizeNotIncreasing(last, size);
        h.root = root;
        h.size = size;
        h.blockNumber = uint64(block.number);
        emit Anchored(msg.sender, logId, size, root);
    }

    /// @notice The newest head `operator` anchored for `logId`; all zero when it anchored none.
    /// @return size The tree's size at that head.
    /// @return root Its root hash.
    /// @return blockNumber The block it was anchored in.
    function latest(address operator, bytes32 logId)
        external
        view
        returns (uint64 size, bytes32 root, uint64 blockNumber)
    {
        Head storage h = _heads[operator][logId];
        return (h.size, h.root, h.blockNumber);
    }
}
