// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";

/// @title AgentSignature
/// @notice The one signature rule of Agora's contracts, ERC-8004's: ECDSA recovery first, then ERC-1271.
/// @dev Unlike OpenZeppelin's SignatureChecker.isValidSignatureNow, which picks ERC-1271 whenever the signer has
/// code, this also accepts a plain ECDSA signature from an account that carries code (an EIP-7702 delegated EOA),
/// and still accepts ERC-1271 from contract wallets. A contract account cannot pass the ECDSA branch unless its
/// address has a private key, which only EIP-7702 accounts have.
library AgentSignature {
    /// @notice True when `signer` signed `digest`: its key recovers from `signature`, or the account approves it
    /// through ERC-1271 `isValidSignature` (magic value 0x1626ba7e).
    function isValidNow(address signer, bytes32 digest, bytes calldata signature) internal view returns (bool) {
        (address recovered, ECDSA.RecoverError err,) = ECDSA.tryRecoverCalldata(digest, signature);
        if (err == ECDSA.RecoverError.NoError && recovered == signer) return true;
        return SignatureChecker.isValidERC1271SignatureNowCalldata(signer, digest, signature);
    }
}
