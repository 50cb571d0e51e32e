// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Vm} from "./Test.sol";
import {AgentEscrow} from "../../src/AgentEscrow.sol";
import {MandateRegistry} from "../../src/MandateRegistry.sol";

/// @notice Deploys an escrow and the MandateRegistry bound to it, as deployment/ does on chain: the escrow first,
/// naming the registry's address computed from the deployer's next nonce, then the registry, naming the escrow.
library Deploy {
    Vm private constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    function escrow(
        address identity,
        address validation,
        address token,
        address owner,
        address feeRecipient,
        uint16 feeBps
    ) internal returns (AgentEscrow e, MandateRegistry m) {
        uint64 nonce = vm.getNonce(address(this));
        address predicted = createAddress(address(this), nonce + 1);
        e = new AgentEscrow(identity, validation, predicted, token, owner, feeRecipient, feeBps);
        m = new MandateRegistry(identity, address(e));
        require(address(m) == predicted, "Deploy: registry address");
    }

    /// @notice The address CREATE gives `deployer`'s contract number `nonce` (RLP of [deployer, nonce]).
    function createAddress(address deployer, uint64 nonce) internal pure returns (address) {
        bytes memory n;
        // Each branch narrows `nonce` only within the range it has just checked.
        // forge-lint: disable-start(unsafe-typecast)
        if (nonce == 0) n = hex"80";
        else if (nonce < 0x80) n = abi.encodePacked(uint8(nonce));
        else if (nonce <= 0xff) n = abi.encodePacked(uint8(0x81), uint8(nonce));
        else if (nonce <= 0xffff) n = abi.encodePacked(uint8(0x82), uint16(nonce));
        else n = abi.encodePacked(uint8(0x83), uint24(nonce));
        // forge-lint: disable-end(unsafe-typecast)
        bytes memory list = abi.encodePacked(uint8(0xd6), uint8(0x94), deployer, n);
        list[0] = bytes1(uint8(0xc0 + 21 + n.length));
        return address(uint160(uint256(keccak256(list))));
    }
}
