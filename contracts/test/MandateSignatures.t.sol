// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MandateFixture} from "./utils/MandateFixture.sol";
import {IMandateRegistry} from "../src/interfaces/IMandateRegistry.sol";
import {ERC1271WalletMock} from "./mocks/ERC1271WalletMock.sol";

/// @notice Mandates by signature and approvals: the EIP-712 types and digests against independent encodings,
/// grantWithSig (EOA and ERC-1271 principals, expiry, replay, forgery, another key, another chain or contract,
/// cancelled nonces), and approve / approveWithSig with every refusal.
contract MandateSignaturesTest is MandateFixture {
    // ------------------------------------------------------------------ EIP-712

    function test_MandateTypehash_MatchesIndependentString() public view {
        assertEq(mandates.MANDATE_TYPEHASH(), MANDATE_TYPEHASH_STRING);
        assertEq(mandates.MANDATE_APPROVAL_TYPEHASH(), APPROVAL_TYPEHASH_STRING);
    }

    function test_HashMandate_MatchesIndependentEncoding() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        assertEq(mandates.hashMandate(t, 7, T0 + 1 hours), _mandateDigest(t, 7, T0 + 1 hours));
        // with empty lists, and with sixteen approvers
        t = _openTerms(10 * USD, 100 * USD, 0);
        assertEq(mandates.hashMandate(t, 0, 0), _mandateDigest(t, 0, 0));
        t = _terms();
        t.approvers = _approvers(16);
        assertEq(mandates.hashMandate(t, type(uint256).max, 1), _mandateDigest(t, type(uint256).max, 1));
    }

    function test_HashMandate_BindsEveryField() public view {
        IMandateRegistry.MandateTerms memory t = _terms();
        bytes32 base = mandates.hashMandate(t, 1, 2);
        for (uint256 i; i < 17; ++i) {
            assertTrue(mandates.hashMandate(_tamper(_terms(), i), 1, 2) != base, "field not bound");
        }
        assertTrue(mandates.hashMandate(t, 2, 2) != base, "nonce not bound");
        assertTrue(mandates.hashMandate(t, 1, 3) != base, "deadline not bound");
    }

    function test_HashApproval_MatchesIndependentEncoding() public view {
        bytes32 h = keccak256("agreement");
        assertEq(mandates.hashApproval(3, h, T0 + 5), _approvalDigest(3, h, T0 + 5));
    }

    function test_Eip712Domain() public view {
        (
            bytes1 fields,
            string memory name,
            string memory version,
            uint256 chainId,
            address verifyingContract,
            bytes32 salt,
            uint256[] memory extensions
        ) = mandates.eip712Domain();
        assertEq(uint256(uint8(fields)), 0x0f);
        assertEq(name, "AgoraMandates");
        assertEq(version, "1");
        assertEq(chainId, block.chainid);
        assertEq(verifyingContract, address(mandates));
        assertEq(salt, bytes32(0));
        assertEq(extensions.length, 0);
    }

    // ------------------------------------------------------------------ grantWithSig

    function test_GrantWithSig_Eoa() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        uint256 deadline = T0 + 1 hours;
        bytes memory sig = signDigest(principalKey, _mandateDigest(t, 5, deadline));
        bytes32 structHash = _mandateStructHash(t, 5, deadline);
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateGranted(
            1,
            principal,
            agentId,
            client,
            address(usd),
            MAX_PER_JOB,
            BUDGET,
            PERIOD,
            START,
            VALID_UNTIL,
            false,
            false,
            1,
            ESCALATE_ABOVE,
            2,
            TIMELOCK_ABOVE,
            TIMELOCK,
            structHash
        );
        vm.prank(relayer);
        uint256 id = mandates.grantWithSig(t, 5, deadline, sig);
        assertEq(id, 1);
        assertEq(mandates.getMandate(id).principal, principal);
        assertTrue(mandates.nonceUsed(principal, 5));
        assertFalse(mandates.nonceUsed(principal, 4));
        assertFalse(mandates.nonceUsed(relayer, 5));
    }

    function test_GrantWithSig_AtDeadline() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        uint256 deadline = T0 + 1 hours;
        bytes memory sig = signDigest(principalKey, _mandateDigest(t, 5, deadline));
        vm.warp(deadline);
        mandates.grantWithSig(t, 5, deadline, sig);
        assertEq(mandates.mandateCount(), 1);
    }

    function test_GrantWithSig_Erc1271Principal() public {
        (address signer, uint256 signerKey) = makeAddrAndKey("safeOwner");
        ERC1271WalletMock wallet = new ERC1271WalletMock(signer);
        IMandateRegistry.MandateTerms memory t = _terms();
        t.principal = address(wallet);
        bytes memory sig = signDigest(signerKey, _mandateDigest(t, 1, T0));
        uint256 id = mandates.grantWithSig(t, 1, T0, sig);
        assertEq(mandates.getMandate(id).principal, address(wallet));
        assertTrue(mandates.nonceUsed(address(wallet), 1));

        // a signature by another key is refused for the wallet
        bytes memory bad = signDigest(principalKey, _mandateDigest(t, 2, T0));
        vm.expectRevert(_err(IMandateRegistry.InvalidSignature.selector, address(wallet)));
        mandates.grantWithSig(t, 2, T0, bad);
    }

    function test_RevertWhen_GrantSignatureExpired() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        uint256 deadline = T0 + 1 hours;
        bytes memory sig = signDigest(principalKey, _mandateDigest(t, 5, deadline));
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(IMandateRegistry.SignatureExpired.selector, deadline, deadline + 1));
        mandates.grantWithSig(t, 5, deadline, sig);
    }

    function test_RevertWhen_GrantSignatureReplayed() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        bytes memory sig = signDigest(principalKey, _mandateDigest(t, 5, T0));
        mandates.grantWithSig(t, 5, T0, sig);
        vm.expectRevert(abi.encodeWithSelector(IMandateRegistry.NonceAlreadyUsed.selector, principal, 5));
        mandates.grantWithSig(t, 5, T0, sig);
        assertEq(mandates.mandateCount(), 1);
    }

    function test_RevertWhen_GrantSignatureForged() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        bytes memory sig = signDigest(principalKey, _mandateDigest(t, 5, T0));
        sig[10] ^= 0x01;
        vm.expectRevert(_err(IMandateRegistry.InvalidSignature.selector, principal));
        mandates.grantWithSig(t, 5, T0, sig);
        vm.expectRevert(_err(IMandateRegistry.InvalidSignature.selector, principal));
        mandates.grantWithSig(t, 5, T0, "");
        assertFalse(mandates.nonceUsed(principal, 5), "a refused signature spent the nonce");
    }

    function test_RevertWhen_GrantSignedByAnotherKey() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        // the agent signs a mandate on its principal's money
        bytes memory sig = signDigest(clientKey, _mandateDigest(t, 5, T0));
        vm.expectRevert(_err(IMandateRegistry.InvalidSignature.selector, principal));
        mandates.grantWithSig(t, 5, T0, sig);
    }

    function test_RevertWhen_GrantTermsChangedAfterSigning() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        bytes memory sig = signDigest(principalKey, _mandateDigest(t, 5, T0));
        t.budget += 1;
        vm.expectRevert(_err(IMandateRegistry.InvalidSignature.selector, principal));
        mandates.grantWithSig(t, 5, T0, sig);
        t = _terms();
        t.payees[0] = 0;
        vm.expectRevert(_err(IMandateRegistry.InvalidSignature.selector, principal));
        mandates.grantWithSig(t, 5, T0, sig);
    }

    function test_RevertWhen_GrantSignedForAnotherChain() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        // signed for chain 1, sent here
        bytes memory sig = signDigest(principalKey, _mandateDigest(t, 5, T0, 1, address(mandates)));
        vm.expectRevert(_err(IMandateRegistry.InvalidSignature.selector, principal));
        mandates.grantWithSig(t, 5, T0, sig);
        // signed here, replayed after a fork to another chain id
        sig = signDigest(principalKey, _mandateDigest(t, 5, T0));
        vm.chainId(1);
        vm.expectRevert(_err(IMandateRegistry.InvalidSignature.selector, principal));
        mandates.grantWithSig(t, 5, T0, sig);
    }

    function test_RevertWhen_GrantSignedForAnotherRegistry() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        bytes memory sig = signDigest(principalKey, _mandateDigest(t, 5, T0, block.chainid, address(escrow)));
        vm.expectRevert(_err(IMandateRegistry.InvalidSignature.selector, principal));
        mandates.grantWithSig(t, 5, T0, sig);
    }

    function test_GrantWithSig_StillChecksTerms() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.budget = 0;
        bytes memory sig = signDigest(principalKey, _mandateDigest(t, 5, T0));
        vm.expectRevert(_err(IMandateRegistry.ZeroCap.selector));
        mandates.grantWithSig(t, 5, T0, sig);
    }

    function test_InvalidateNonce() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        bytes memory sig = signDigest(principalKey, _mandateDigest(t, 300, T0));
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateNonceInvalidated(principal, 300);
        vm.prank(principal);
        mandates.invalidateNonce(300);
        assertTrue(mandates.nonceUsed(principal, 300));
        assertFalse(mandates.nonceUsed(principal, 301), "same bitmap word, other bit");

        vm.expectRevert(abi.encodeWithSelector(IMandateRegistry.NonceAlreadyUsed.selector, principal, 300));
        mandates.grantWithSig(t, 300, T0, sig);
        vm.prank(principal);
        vm.expectRevert(abi.encodeWithSelector(IMandateRegistry.NonceAlreadyUsed.selector, principal, 300));
        mandates.invalidateNonce(300);
        // someone else's cancellation does not touch the principal's nonces
        vm.prank(stranger);
        mandates.invalidateNonce(301);
        mandates.grantWithSig(t, 301, T0, signDigest(principalKey, _mandateDigest(t, 301, T0)));
    }

    // ------------------------------------------------------------------ approvals

    function test_Approve_RecordsAndEmits() public {
        uint256 id = _grant();
        bytes32 h = keccak256("agreement");
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateApproved(id, h, approver2, 1);
        vm.prank(approver2);
        mandates.approve(id, h);
        (uint8 count, uint64 lastAt) = mandates.approvals(id, h);
        assertEq(uint256(count), 1);
        assertEq(uint256(lastAt), T0);
        assertTrue(mandates.hasApproved(id, h, approver2));
        assertFalse(mandates.hasApproved(id, h, approver1));
        assertFalse(mandates.hasApproved(id, h, stranger));

        vm.warp(T0 + 1 hours);
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateApproved(id, h, approver3, 2);
        vm.prank(approver3);
        mandates.approve(id, h);
        (count, lastAt) = mandates.approvals(id, h);
        assertEq(uint256(count), 2);
        assertEq(uint256(lastAt), T0 + 1 hours, "lastAt is the latest approval");
        // approvals are per agreement and per mandate
        (count,) = mandates.approvals(id, keccak256("other agreement"));
        assertEq(uint256(count), 0);
        uint256 other = _grant();
        (count,) = mandates.approvals(other, h);
        assertEq(uint256(count), 0);
        assertFalse(mandates.hasApproved(other, h, approver2));
    }

    function test_ApproveWithSig() public {
        uint256 id = _grant();
        bytes32 h = keccak256("agreement");
        uint256 deadline = T0 + 1 hours;
        assertEq(mandates.hashApproval(id, h, deadline), _approvalDigest(id, h, deadline));
        bytes memory sig = signDigest(approver1Key, _approvalDigest(id, h, deadline));
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateApproved(id, h, approver1, 1);
        vm.prank(relayer);
        mandates.approveWithSig(id, h, approver1, deadline, sig);
        assertTrue(mandates.hasApproved(id, h, approver1));
        // replaying the signature is refused
        vm.expectRevert(_err(IMandateRegistry.AlreadyApproved.selector, approver1));
        mandates.approveWithSig(id, h, approver1, deadline, sig);
    }

    function test_ApproveWithSig_Erc1271Approver() public {
        (address signer, uint256 signerKey) = makeAddrAndKey("boardSigner");
        ERC1271WalletMock board = new ERC1271WalletMock(signer);
        IMandateRegistry.MandateTerms memory t = _terms();
        t.approvers[2] = address(board);
        uint256 id = _grant(t);
        bytes32 h = keccak256("agreement");
        mandates.approveWithSig(id, h, address(board), T0, signDigest(signerKey, _approvalDigest(id, h, T0)));
        assertTrue(mandates.hasApproved(id, h, address(board)));
    }

    function test_RevertWhen_ApprovalSignatureExpired() public {
        uint256 id = _grant();
        bytes32 h = keccak256("agreement");
        bytes memory sig = signDigest(approver1Key, _approvalDigest(id, h, T0));
        vm.warp(T0 + 1);
        vm.expectRevert(abi.encodeWithSelector(IMandateRegistry.SignatureExpired.selector, T0, T0 + 1));
        mandates.approveWithSig(id, h, approver1, T0, sig);
    }

    function test_RevertWhen_ApprovalSignedByAnotherKey() public {
        uint256 id = _grant();
        bytes32 h = keccak256("agreement");
        bytes memory sig = signDigest(approver2Key, _approvalDigest(id, h, T0));
        vm.expectRevert(_err(IMandateRegistry.InvalidSignature.selector, approver1));
        mandates.approveWithSig(id, h, approver1, T0, sig);
        // signed for another agreement
        sig = signDigest(approver1Key, _approvalDigest(id, keccak256("other"), T0));
        vm.expectRevert(_err(IMandateRegistry.InvalidSignature.selector, approver1));
        mandates.approveWithSig(id, h, approver1, T0, sig);
    }

    function test_RevertWhen_ApproveWithSigByNonApprover() public {
        uint256 id = _grant();
        bytes32 h = keccak256("agreement");
        // the agent signs its own approval: a valid signature, but not an approver's
        bytes memory sig = signDigest(clientKey, _approvalDigest(id, h, T0));
        vm.expectRevert(_err(IMandateRegistry.NotApprover.selector, client));
        mandates.approveWithSig(id, h, client, T0, sig);
    }

    function test_RevertWhen_ApproveByNonApprover() public {
        uint256 id = _grant();
        bytes32 h = keccak256("agreement");
        vm.prank(stranger);
        vm.expectRevert(_err(IMandateRegistry.NotApprover.selector, stranger));
        mandates.approve(id, h);
        // the agent itself
        vm.prank(client);
        vm.expectRevert(_err(IMandateRegistry.NotApprover.selector, client));
        mandates.approve(id, h);
        // the principal, when it did not list itself
        vm.prank(principal);
        vm.expectRevert(_err(IMandateRegistry.NotApprover.selector, principal));
        mandates.approve(id, h);
        // an approver of another mandate
        IMandateRegistry.MandateTerms memory t = _terms();
        t.approvers[0] = stranger;
        uint256 other = _grant(t);
        vm.prank(stranger);
        mandates.approve(other, h);
        vm.prank(stranger);
        vm.expectRevert(_err(IMandateRegistry.NotApprover.selector, stranger));
        mandates.approve(id, h);
    }

    function test_RevertWhen_ApproveTwice() public {
        uint256 id = _grant();
        bytes32 h = keccak256("agreement");
        vm.prank(approver1);
        mandates.approve(id, h);
        vm.prank(approver1);
        vm.expectRevert(_err(IMandateRegistry.AlreadyApproved.selector, approver1));
        mandates.approve(id, h);
        // nor by signature afterwards
        bytes memory sig = signDigest(approver1Key, _approvalDigest(id, h, T0));
        vm.expectRevert(_err(IMandateRegistry.AlreadyApproved.selector, approver1));
        mandates.approveWithSig(id, h, approver1, T0, sig);
        (uint8 count,) = mandates.approvals(id, h);
        assertEq(uint256(count), 1);
    }

    function test_RevertWhen_ApproveRevokedMandate() public {
        uint256 id = _grant();
        vm.prank(principal);
        mandates.revoke(id);
        vm.prank(approver1);
        vm.expectRevert(_err(IMandateRegistry.MandateIsRevoked.selector, id));
        mandates.approve(id, keccak256("agreement"));
    }

    function test_RevertWhen_ApproveUnknownMandate() public {
        vm.prank(approver1);
        vm.expectRevert(_err(IMandateRegistry.MandateNotFound.selector, 1));
        mandates.approve(1, keccak256("agreement"));
    }

    function test_Approve_AllSixteen() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.approvers = _approvers(16);
        t.quorumHigh = 16;
        uint256 id = _grant(t);
        bytes32 h = keccak256("agreement");
        for (uint256 i; i < 16; ++i) {
            vm.prank(t.approvers[i]);
            mandates.approve(id, h);
            assertTrue(mandates.hasApproved(id, h, t.approvers[i]));
        }
        (uint8 count,) = mandates.approvals(id, h);
        assertEq(uint256(count), 16);
    }

    // ------------------------------------------------------------------ helpers

    /// @dev Changes field `i` of the terms (the seventeen members of MandateTerms, in order).
    function _tamper(IMandateRegistry.MandateTerms memory t, uint256 i)
        internal
        pure
        returns (IMandateRegistry.MandateTerms memory)
    {
        if (i == 0) t.principal = address(1);
        else if (i == 1) t.agentId += 1;
        else if (i == 2) t.agent = address(1);
        else if (i == 3) t.token = address(1);
        else if (i == 4) t.maxPerJob += 1;
        else if (i == 5) t.budget += 1;
        else if (i == 6) t.period += 1;
        else if (i == 7) t.validAfter += 1;
        else if (i == 8) t.validUntil += 1;
        else if (i == 9) t.payees[0] += 1;
        else if (i == 10) t.specs[0] = bytes32(uint256(t.specs[0]) + 1);
        else if (i == 11) t.approvers[0] = address(1);
        else if (i == 12) t.quorum += 1;
        else if (i == 13) t.escalateAbove += 1;
        else if (i == 14) t.quorumHigh += 1;
        else if (i == 15) t.timelockAbove += 1;
        else t.timelock += 1;
        return t;
    }
}
