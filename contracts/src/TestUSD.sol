// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @title Test USD (tUSD)
/// @notice A stablecoin stand-in for local chains and tests: ERC-20 with ERC-2612 permit and 6 decimals.
/// @dev WARNING: `mint` is open to anyone, so the token has no value. Deploy it only on local or test chains;
/// never treat it as money.
contract TestUSD is ERC20, ERC20Permit {
    constructor() ERC20("Test USD", "tUSD") ERC20Permit("Test USD") {}

    /// @notice Mints `amount` (6 decimals) to `to`. Open to ANY caller: local and test chains only.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice 6, like USDC.
    function decimals() public pure override returns (uint8) {
        return 6;
    }
}
