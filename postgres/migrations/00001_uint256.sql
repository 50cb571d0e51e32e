-- Value domains shared by every mirrored table.
-- uint256: a Solidity uint256, 0 <= VALUE < 2^256 (the bound is 2^256 written out: 2^256 with integer
-- operands would be double precision and let rounding through).
-- address / hash32: raw bytes, 20 and 32 long (one representation for addresses and hashes everywhere).

-- +goose Up
CREATE DOMAIN uint256 AS NUMERIC(78, 0)
    CHECK (VALUE >= 0 AND VALUE < 115792089237316195423570985008687907853269984665640564039457584007913129639936);
CREATE DOMAIN address AS BYTEA CHECK (octet_length(VALUE) = 20);
CREATE DOMAIN hash32 AS BYTEA CHECK (octet_length(VALUE) = 32);

-- +goose Down
DROP DOMAIN hash32;
DROP DOMAIN address;
DROP DOMAIN uint256;
