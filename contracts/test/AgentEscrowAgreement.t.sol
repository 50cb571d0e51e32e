// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {EscrowFixture} from "./utils/EscrowFixture.sol";
import {AgentEscrow} from "../src/AgentEscrow.sol";
import {Deploy} from "./utils/Deploy.sol";
import {IAgentEscrow} from "../src/interfaces/IAgentEscrow.sol";
import {ERC1271WalletMock} from "./mocks/ERC1271WalletMock.sol";
import {MockFeeOnTransferToken} from "./mocks/MockFeeOnTransferToken.sol";

/// @notice Jobs created from signed ServiceAgreements: hashing, checks, signatures, nonces, permit.
contract AgentEscrowAgreementTest is EscrowFixture {
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    // ------------------------------------------------------------------ hashing

    function test_HashAgreement_MatchesIndependentEncoding() public view {
        IAgentEscrow.ServiceAgreement memory a = _validatedAgreement();
        assertEq(escrow.hashAgreement(a), _digest(a, block.chainid, address(escrow)));
    }

    function test_HashAgreement_BindsEveryField() public view {
        IAgentEscrow.ServiceAgreement memory a = _validatedAgreement();
        bytes32 base = escrow.hashAgreement(a);
        for (uint256 i; i < 17; ++i) {
            IAgentEscrow.ServiceAgreement memory t = _tamper(a, i, 1);
            assertTrue(escrow.hashAgreement(t) != base, "field not bound");
        }
    }

    // ------------------------------------------------------------------ happy path

    function test_CreateJobFromAgreement_CreatesFundedJob() public {
        IAgentEscrow.ServiceAgreement memory a = _validatedAgreement();
        bytes32 digest = escrow.hashAgreement(a);
        bytes memory cs = _sign(clientKey, a);
        bytes memory ps = _sign(providerKey, a);
        uint256 clientBefore = usd.balanceOf(client);

        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobCreated(1, client, provider, arbiter, EXPIRES, address(0));
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.AgreementJobCreated(
            1,
            digest,
            providerAgentId,
            client,
            provider,
            address(usd),
            PRICE,
            validator,
            70,
            arbiter,
            DELIVERY,
            WINDOW,
            PENALTY_BPS
        );
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobFunded(1, client, PRICE);
        vm.prank(relayer);
        uint256 jobId = escrow.createJobFromAgreement(a, cs, ps);

        assertEq(jobId, 1);
        IAgentEscrow.Job memory job = escrow.getJob(jobId);
        assertEq(job.client, client);
        assertEq(job.provider, provider);
        assertEq(job.evaluator, arbiter);
        assertEq(job.token, address(usd));
        assertEq(job.budget, PRICE);
        assertEq(job.funded, PRICE);
        assertEq(uint256(job.expiredAt), EXPIRES);
        assertEq(uint256(job.status), uint256(IAgentEscrow.JobStatus.Funded));
        assertEq(job.providerAgentId, providerAgentId);
        assertEq(job.agreementHash, digest);
        assertEq(uint256(job.feeBps), FEE_BPS);
        assertEq(job.validator, validator);
        assertEq(uint256(job.validationThreshold), 70);
        assertEq(uint256(job.deliveryDeadline), DELIVERY);
        assertEq(uint256(job.reviewWindow), WINDOW);
        assertEq(uint256(job.latePenaltyBps), PENALTY_BPS);
        assertEq(usd.balanceOf(address(escrow)), PRICE);
        assertEq(usd.balanceOf(client), clientBefore - PRICE);
        assertTrue(escrow.nonceUsed(client, a.nonce));
        assertTrue(escrow.nonceUsed(provider, a.nonce));
        assertFalse(escrow.nonceUsed(relayer, a.nonce));
    }

    function test_CreateJobFromAgreement_InAnotherToken() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.token = address(dai);
        a.price = 5e18;
        uint256 jobId = _createAgreementJob(a);
        assertEq(escrow.getJob(jobId).token, address(dai));
        assertEq(dai.balanceOf(address(escrow)), 5e18);
    }

    function test_CreateJobFromAgreement_ProviderIsAgentWallet() public {
        // The agent is owned by one key; its agent wallet (proved by signature) is the provider.
        (address agentOwner,) = makeAddrAndKey("agentOwner");
        vm.prank(agentOwner);
        uint256 agentId = identity.register();
        (address wallet, uint256 walletKey) = makeAddrAndKey("agentWallet");
        uint256 deadline = T0 + 60;
        bytes memory proof = signDigest(walletKey, identity.agentWalletSetDigest(agentId, wallet, agentOwner, deadline));
        vm.prank(agentOwner);
        identity.setAgentWallet(agentId, wallet, deadline, proof);

        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.providerAgentId = agentId;
        a.provider = wallet;
        bytes memory cs = _sign(clientKey, a);
        bytes memory ps = _sign(walletKey, a);
        uint256 jobId = escrow.createJobFromAgreement(a, cs, ps);
        assertEq(escrow.getJob(jobId).provider, wallet);
    }

    function test_CreateJobFromAgreement_AgentZero() public {
        (address filler, uint256 fillerKey) = makeAddrAndKey("filler");
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.providerAgentId = 0;
        a.provider = filler;
        uint256 jobId = escrow.createJobFromAgreement(a, _sign(clientKey, a), _sign(fillerKey, a));
        assertEq(escrow.getJob(jobId).providerAgentId, 0);
    }

    function test_CreateJobFromAgreement_AtExpiryBoundary() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        vm.warp(a.expiry);
        uint256 jobId = _createAgreementJob(a);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Funded);
    }

    function test_CreateJobFromAgreement_DeliveryDeadlineMayEqualExpiry() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.deliveryDeadline = a.expiredAt;
        _createAgreementJob(a);
        assertEq(escrow.jobCount(), 1);
    }

    function test_CreateJobFromAgreement_ERC1271ClientAndProvider() public {
        (address clientSigner, uint256 clientSignerKey) = makeAddrAndKey("clientSigner");
        (address providerSigner, uint256 providerSignerKey) = makeAddrAndKey("providerSigner");
        ERC1271WalletMock clientWallet = new ERC1271WalletMock(clientSigner);
        ERC1271WalletMock providerWallet = new ERC1271WalletMock(providerSigner);
        usd.mint(address(clientWallet), PRICE);
        vm.prank(address(clientWallet));
        usd.approve(address(escrow), PRICE);
        vm.prank(address(providerWallet));
        uint256 agentId = identity.register();

        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.client = address(clientWallet);
        a.provider = address(providerWallet);
        a.providerAgentId = agentId;
        uint256 jobId = escrow.createJobFromAgreement(a, _sign(clientSignerKey, a), _sign(providerSignerKey, a));
        assertEq(escrow.getJob(jobId).client, address(clientWallet));
        assertEq(usd.balanceOf(address(escrow)), PRICE);
    }

    /// @dev An account with a key that also carries code (an EIP-7702 delegated EOA whose delegate has no
    /// isValidSignature): its plain ECDSA signature counts, as it does for ERC-8004 wallet proofs.
    function test_CreateJobFromAgreement_EcdsaFromAccountWithCode() public {
        vm.etch(client, hex"00");
        vm.etch(provider, hex"00");
        uint256 jobId = _createAgreementJob();
        assertEq(escrow.getJob(jobId).client, client);
        assertEq(usd.balanceOf(address(escrow)), PRICE);
    }

    function test_RevertWhen_ERC1271WalletSignedByWrongKey() public {
        (address clientSigner,) = makeAddrAndKey("clientSigner");
        ERC1271WalletMock clientWallet = new ERC1271WalletMock(clientSigner);
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.client = address(clientWallet);
        bytes memory cs = _sign(providerKey, a);
        bytes memory ps = _sign(providerKey, a);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.InvalidSignature.selector, address(clientWallet)));
        escrow.createJobFromAgreement(a, cs, ps);
    }

    // ------------------------------------------------------------------ term checks

    function test_RevertWhen_PriceIsZero() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.price = 0;
        _expectCreateRevert(a, abi.encodeWithSelector(IAgentEscrow.ZeroPrice.selector));
    }

    function test_RevertWhen_ClientIsZero() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.client = address(0);
        _expectCreateRevert(a, abi.encodeWithSelector(IAgentEscrow.ZeroAddress.selector));
    }

    function test_RevertWhen_ProviderIsZero() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.provider = address(0);
        _expectCreateRevert(a, abi.encodeWithSelector(IAgentEscrow.ZeroAddress.selector));
    }

    function test_RevertWhen_TokenIsZero() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.token = address(0);
        _expectCreateRevert(a, abi.encodeWithSelector(IAgentEscrow.ZeroAddress.selector));
    }

    function test_RevertWhen_ClientIsProvider() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.client = provider;
        _expectCreateRevert(a, abi.encodeWithSelector(IAgentEscrow.ClientIsProvider.selector, provider));
    }

    function test_RevertWhen_DeliveryDeadlineNotInFuture() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.deliveryDeadline -= 1 days; // == now
        _expectCreateRevert(a, abi.encodeWithSelector(IAgentEscrow.DeliveryDeadlinePassed.selector, T0, T0));
    }

    function test_RevertWhen_DeliveryDeadlineAfterExpiry() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.deliveryDeadline = a.expiredAt + 1;
        _expectCreateRevert(
            a, abi.encodeWithSelector(IAgentEscrow.DeliveryAfterExpiry.selector, a.expiredAt + 1, a.expiredAt)
        );
    }

    function test_RevertWhen_ThresholdAbove100() public {
        IAgentEscrow.ServiceAgreement memory a = _validatedAgreement();
        a.validationThreshold = 101;
        _expectCreateRevert(a, abi.encodeWithSelector(IAgentEscrow.ThresholdTooHigh.selector, 101));
    }

    function test_RevertWhen_ThresholdWithoutValidator() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.validationThreshold = 50;
        _expectCreateRevert(a, abi.encodeWithSelector(IAgentEscrow.ThresholdWithoutValidator.selector, 50));
    }

    function test_RevertWhen_ValidatorWithoutArbiter() public {
        IAgentEscrow.ServiceAgreement memory a = _validatedAgreement();
        a.arbiter = address(0);
        _expectCreateRevert(a, abi.encodeWithSelector(IAgentEscrow.ValidatorWithoutArbiter.selector, validator));
    }

    function test_RevertWhen_ReviewWindowTooLong() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.reviewWindow = 30 days + 1;
        _expectCreateRevert(a, abi.encodeWithSelector(IAgentEscrow.ReviewWindowTooLong.selector, 30 days + 1, 30 days));
    }

    function test_RevertWhen_PenaltyAbove10000() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.latePenaltyBps = 10_001;
        _expectCreateRevert(a, abi.encodeWithSelector(IAgentEscrow.PenaltyTooHigh.selector, 10_001, 10_000));
    }

    function test_RevertWhen_AgreementExpired() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.expiry = T0 - 1;
        _expectCreateRevert(a, abi.encodeWithSelector(IAgentEscrow.AgreementExpired.selector, T0 - 1, T0));
    }

    function test_RevertWhen_ProviderAgentDoesNotExist() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.providerAgentId = 99;
        _expectCreateRevert(a, abi.encodeWithSelector(IAgentEscrow.ProviderNotAgent.selector, 99, provider));
    }

    function test_RevertWhen_AgentIdOutOfRange() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.providerAgentId = uint256(type(uint96).max) + 1;
        _expectCreateRevert(
            a,
            abi.encodeWithSelector(
                IAgentEscrow.AgentIdOutOfRange.selector, uint256(type(uint96).max) + 1, type(uint96).max
            )
        );
    }

    function test_RevertWhen_ProviderIsNotTheAgent() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.providerAgentId = 0; // the filler's agent
        _expectCreateRevert(a, abi.encodeWithSelector(IAgentEscrow.ProviderNotAgent.selector, 0, provider));
    }

    function test_RevertWhen_ProviderLostTheAgent() public {
        // The wallet binding is cleared when the agent changes hands, so the old owner can no longer sell as it.
        vm.prank(provider);
        identity.transferFrom(provider, stranger, providerAgentId);
        _expectCreateRevert(
            _agreement(), abi.encodeWithSelector(IAgentEscrow.ProviderNotAgent.selector, providerAgentId, provider)
        );
    }

    function test_RevertWhen_ClientHasNotApproved() public {
        (address poor, uint256 poorKey) = makeAddrAndKey("poorClient");
        usd.mint(poor, PRICE);
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.client = poor;
        bytes memory cs = _sign(poorKey, a);
        bytes memory ps = _sign(providerKey, a);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(escrow), 0, PRICE)
        );
        escrow.createJobFromAgreement(a, cs, ps);
    }

    function test_RevertWhen_AgreementTokenTakesAFee() public {
        MockFeeOnTransferToken fot = new MockFeeOnTransferToken(50);
        fot.mint(client, PRICE);
        vm.prank(client);
        fot.approve(address(escrow), PRICE);
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.token = address(fot);
        _expectCreateRevert(
            a, abi.encodeWithSelector(IAgentEscrow.TransferShortfall.selector, PRICE, PRICE - PRICE * 50 / 10_000)
        );
    }

    // ------------------------------------------------------------------ signatures

    function test_RevertWhen_ClientSignatureFromWrongKey() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        (, uint256 otherKey) = makeAddrAndKey("other");
        bytes memory cs = _sign(otherKey, a);
        bytes memory ps = _sign(providerKey, a);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.InvalidSignature.selector, client));
        escrow.createJobFromAgreement(a, cs, ps);
    }

    function test_RevertWhen_ProviderSignatureFromWrongKey() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        (, uint256 otherKey) = makeAddrAndKey("other");
        bytes memory cs = _sign(clientKey, a);
        bytes memory ps = _sign(otherKey, a);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.InvalidSignature.selector, provider));
        escrow.createJobFromAgreement(a, cs, ps);
    }

    function test_RevertWhen_SignaturesSwapped() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        bytes memory cs = _sign(clientKey, a);
        bytes memory ps = _sign(providerKey, a);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.InvalidSignature.selector, client));
        escrow.createJobFromAgreement(a, ps, cs);
    }

    function test_RevertWhen_SignatureIsMalformed() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        bytes memory ps = _sign(providerKey, a);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.InvalidSignature.selector, client));
        escrow.createJobFromAgreement(a, hex"1234", ps);
    }

    function test_RevertWhen_FieldTamperedAfterSigning() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        bytes memory cs = _sign(clientKey, a);
        bytes memory ps = _sign(providerKey, a);
        a.price = PRICE + 1;
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.InvalidSignature.selector, client));
        escrow.createJobFromAgreement(a, cs, ps);
    }

    function test_RevertWhen_Replayed() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        bytes memory cs = _sign(clientKey, a);
        bytes memory ps = _sign(providerKey, a);
        escrow.createJobFromAgreement(a, cs, ps);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NonceAlreadyUsed.selector, client, a.nonce));
        escrow.createJobFromAgreement(a, cs, ps);
    }

    function test_RevertWhen_OnOtherChain() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        bytes memory cs = _sign(clientKey, a);
        bytes memory ps = _sign(providerKey, a);
        vm.chainId(8453);
        assertEq(escrow.hashAgreement(a), _digest(a, 8453, address(escrow)), "domain follows the chain");
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.InvalidSignature.selector, client));
        escrow.createJobFromAgreement(a, cs, ps);
    }

    function test_RevertWhen_OnOtherEscrow() public {
        (AgentEscrow other,) =
            Deploy.escrow(address(identity), address(validation), address(usd), owner, feeRecipient, FEE_BPS);
        vm.prank(client);
        usd.approve(address(other), type(uint256).max);
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        bytes memory cs = _sign(clientKey, a);
        bytes memory ps = _sign(providerKey, a);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.InvalidSignature.selector, client));
        other.createJobFromAgreement(a, cs, ps);
    }

    // ------------------------------------------------------------------ nonces

    function test_InvalidateNonce_CancelsAgreement() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        bytes memory cs = _sign(clientKey, a);
        bytes memory ps = _sign(providerKey, a);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.NonceInvalidated(client, a.nonce);
        vm.prank(client);
        escrow.invalidateNonce(a.nonce);
        assertTrue(escrow.nonceUsed(client, a.nonce));
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NonceAlreadyUsed.selector, client, a.nonce));
        escrow.createJobFromAgreement(a, cs, ps);
    }

    function test_InvalidateNonce_ByProviderCancelsAgreement() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        bytes memory cs = _sign(clientKey, a);
        bytes memory ps = _sign(providerKey, a);
        vm.prank(provider);
        escrow.invalidateNonce(a.nonce);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NonceAlreadyUsed.selector, provider, a.nonce));
        escrow.createJobFromAgreement(a, cs, ps);
    }

    function test_RevertWhen_InvalidateNonceTwice() public {
        vm.prank(client);
        escrow.invalidateNonce(42);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NonceAlreadyUsed.selector, client, 42));
        vm.prank(client);
        escrow.invalidateNonce(42);
    }

    function test_Nonce_UsedByClientWithAnyProvider() public {
        _createAgreementJob();
        // A second provider offers a different deal with the same nonce: the client's nonce is gone.
        (address other, uint256 otherKey) = makeAddrAndKey("otherProvider");
        vm.prank(other);
        uint256 otherAgent = identity.register();
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.provider = other;
        a.providerAgentId = otherAgent;
        bytes memory cs = _sign(clientKey, a);
        bytes memory ps = _sign(otherKey, a);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NonceAlreadyUsed.selector, client, a.nonce));
        escrow.createJobFromAgreement(a, cs, ps);
    }

    function test_Nonce_UsedByProviderWithAnyClient() public {
        _createAgreementJob();
        (address other, uint256 otherKey) = makeAddrAndKey("otherClient");
        _mintAndApprove(usd, other, PRICE);
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.client = other;
        bytes memory cs = _sign(otherKey, a);
        bytes memory ps = _sign(providerKey, a);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NonceAlreadyUsed.selector, provider, a.nonce));
        escrow.createJobFromAgreement(a, cs, ps);
    }

    function testFuzz_Nonce_BitsAreIndependent(uint256 nonce, uint256 other) public {
        vm.assume(nonce != other);
        vm.prank(client);
        escrow.invalidateNonce(nonce);
        assertTrue(escrow.nonceUsed(client, nonce));
        assertFalse(escrow.nonceUsed(client, other), "other nonce untouched");
        assertFalse(escrow.nonceUsed(provider, nonce), "other signer untouched");
        vm.prank(client);
        escrow.invalidateNonce(other);
        assertTrue(escrow.nonceUsed(client, other));
    }

    function test_Nonce_NeighboursInOneWord() public {
        uint256[4] memory ns = [uint256(0), 1, 255, 256];
        for (uint256 i; i < 4; ++i) {
            vm.prank(client);
            escrow.invalidateNonce(ns[i]);
            for (uint256 k; k < 4; ++k) {
                assertTrue(escrow.nonceUsed(client, ns[k]) == (k <= i), "only the invalidated nonces are used");
            }
        }
    }

    function test_Nonce_NotConsumedByFailedCreation() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        bytes memory ps = _sign(providerKey, a);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.InvalidSignature.selector, client));
        escrow.createJobFromAgreement(a, hex"", ps);
        assertFalse(escrow.nonceUsed(client, a.nonce));
        assertFalse(escrow.nonceUsed(provider, a.nonce));
    }

    // ------------------------------------------------------------------ permit

    function test_CreateJobFromAgreementWithPermit() public {
        (address fresh, uint256 freshKey) = makeAddrAndKey("permitClient");
        usd.mint(fresh, PRICE);
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.client = fresh;
        uint256 deadline = T0 + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(freshKey, _permitDigest(fresh, PRICE, 0, deadline));
        bytes memory cs = _sign(freshKey, a);
        bytes memory ps = _sign(providerKey, a);

        vm.prank(relayer);
        uint256 jobId = escrow.createJobFromAgreementWithPermit(a, cs, ps, deadline, v, r, s);

        _assertStatus(jobId, IAgentEscrow.JobStatus.Funded);
        assertEq(usd.balanceOf(address(escrow)), PRICE);
        assertEq(usd.balanceOf(fresh), 0);
        assertEq(usd.nonces(fresh), 1, "permit consumed");
        assertEq(usd.allowance(fresh, address(escrow)), 0);
    }

    function test_CreateJobFromAgreementWithPermit_ToleratesFrontRunPermit() public {
        (address fresh, uint256 freshKey) = makeAddrAndKey("permitClient");
        usd.mint(fresh, PRICE);
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.client = fresh;
        uint256 deadline = T0 + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(freshKey, _permitDigest(fresh, PRICE, 0, deadline));

        // Someone watching the mempool submits the permit first.
        vm.prank(stranger);
        usd.permit(fresh, address(escrow), PRICE, deadline, v, r, s);

        uint256 jobId =
            escrow.createJobFromAgreementWithPermit(a, _sign(freshKey, a), _sign(providerKey, a), deadline, v, r, s);
        _assertStatus(jobId, IAgentEscrow.JobStatus.Funded);
    }

    function test_CreateJobFromAgreementWithPermit_TokenWithoutPermitButApproved() public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.token = address(dai); // no permit function; the client approved in setUp
        a.price = 1e18;
        uint256 jobId = escrow.createJobFromAgreementWithPermit(
            a, _sign(clientKey, a), _sign(providerKey, a), 0, 0, bytes32(0), bytes32(0)
        );
        _assertStatus(jobId, IAgentEscrow.JobStatus.Funded);
    }

    function test_RevertWhen_PermitFailsAndNoAllowance() public {
        (address fresh, uint256 freshKey) = makeAddrAndKey("permitClient");
        usd.mint(fresh, PRICE);
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.client = fresh;
        uint256 deadline = T0 + 1 hours;
        // Signed for half the price: the permit's digest does not match, so it reverts.
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(freshKey, _permitDigest(fresh, PRICE / 2, 0, deadline));
        bytes memory cs = _sign(freshKey, a);
        bytes memory ps = _sign(providerKey, a);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.PermitFailed.selector, address(usd), fresh, 0, PRICE));
        escrow.createJobFromAgreementWithPermit(a, cs, ps, deadline, v, r, s);
    }

    function test_RevertWhen_PermitPathWithBadAgreementSignature() public {
        (address fresh, uint256 freshKey) = makeAddrAndKey("permitClient");
        usd.mint(fresh, PRICE);
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.client = fresh;
        uint256 deadline = T0 + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(freshKey, _permitDigest(fresh, PRICE, 0, deadline));
        bytes memory ps = _sign(providerKey, a);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.InvalidSignature.selector, fresh));
        escrow.createJobFromAgreementWithPermit(a, ps, ps, deadline, v, r, s);
    }

    // ------------------------------------------------------------------ helpers

    function _expectCreateRevert(IAgentEscrow.ServiceAgreement memory a, bytes memory err) internal {
        bytes memory cs = _sign(clientKey, a);
        bytes memory ps = _sign(providerKey, a);
        vm.expectRevert(err);
        vm.prank(relayer);
        escrow.createJobFromAgreement(a, cs, ps);
    }

    function _permitDigest(address holder, uint256 value, uint256 nonce, uint256 deadline)
        internal
        view
        returns (bytes32)
    {
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, holder, address(escrow), value, nonce, deadline));
        return keccak256(abi.encodePacked("\x19\x01", usd.DOMAIN_SEPARATOR(), structHash));
    }

    /// @dev Returns `a` with field `i` (type-string order) changed by `delta`.
    function _tamper(IAgentEscrow.ServiceAgreement memory a, uint256 i, uint8 delta)
        internal
        pure
        returns (IAgentEscrow.ServiceAgreement memory t)
    {
        t = abi.decode(abi.encode(a), (IAgentEscrow.ServiceAgreement)); // a copy, not an alias
        if (i == 0) t.providerAgentId += delta;
        else if (i == 1) t.client = address(uint160(t.client) ^ uint160(delta));
        else if (i == 2) t.provider = address(uint160(t.provider) ^ uint160(delta));
        else if (i == 3) t.token = address(uint160(t.token) ^ uint160(delta));
        else if (i == 4) t.price += delta;
        else if (i == 5) t.deliveryDeadline += delta;
        else if (i == 6) t.expiredAt += delta;
        else if (i == 7) t.deliverableSpecHash = bytes32(uint256(t.deliverableSpecHash) ^ delta);
        else if (i == 8) t.slaHash = bytes32(uint256(t.slaHash) ^ delta);
        else if (i == 9) t.validator = address(uint160(t.validator) ^ uint160(delta));
        else if (i == 10) t.validationThreshold ^= delta;
        else if (i == 11) t.arbiter = address(uint160(t.arbiter) ^ uint160(delta));
        else if (i == 12) t.reviewWindow ^= delta;
        else if (i == 13) t.latePenaltyBps ^= delta;
        else if (i == 14) t.nonce += delta;
        else if (i == 15) t.expiry += delta;
        else t.mandateId += delta;
    }
}
