// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EscrowFixture} from "./utils/EscrowFixture.sol";
import {IAgentEscrow} from "../src/interfaces/IAgentEscrow.sol";
import {ERC1271WalletMock} from "./mocks/ERC1271WalletMock.sol";

/// @notice Fuzzed amounts, fees, penalties, splits, deadlines and signatures.
contract AgentEscrowFuzzTest is EscrowFixture {
    uint256 internal constant MAX_AMOUNT = 1e30;

    function _setFee(uint256 feeSeed) internal returns (uint16 fee) {
        fee = uint16(bound(feeSeed, 0, 1000));
        vm.prank(owner);
        escrow.setFee(fee);
    }

    function _balances() internal view returns (uint256 p, uint256 c, uint256 f) {
        return (usd.balanceOf(provider), usd.balanceOf(client), usd.balanceOf(feeRecipient));
    }

    // ------------------------------------------------------------------ money

    function testFuzz_PlainComplete_ConservesFunds(uint256 budget, uint256 feeSeed) public {
        budget = bound(budget, 1, MAX_AMOUNT);
        uint16 fee = _setFee(feeSeed);
        usd.mint(client, budget);
        uint256 jobId = _fundedPlainJob(budget);
        _submit(jobId);
        (uint256 p0, uint256 c0, uint256 f0) = _balances();
        vm.prank(evaluator);
        escrow.complete(jobId, REASON, "");
        (uint256 p1, uint256 c1, uint256 f1) = _balances();

        uint256 expectedFee = budget * fee / 10_000;
        assertEq(f1 - f0, expectedFee, "fee");
        assertEq(p1 - p0, budget - expectedFee, "provider");
        assertEq(c1, c0, "client");
        assertEq((p1 - p0) + (f1 - f0), budget, "conservation");
        assertEq(usd.balanceOf(address(escrow)), 0);
    }

    function testFuzz_AgreementComplete_LatePenalty(
        uint256 price,
        uint256 feeSeed,
        uint256 penaltySeed,
        uint256 submitSeed
    ) public {
        price = bound(price, 1, MAX_AMOUNT);
        uint16 fee = _setFee(feeSeed);
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.price = price;
        a.latePenaltyBps = uint16(bound(penaltySeed, 0, 10_000));
        usd.mint(client, price);
        uint256 jobId = _createAgreementJob(a);
        uint256 submittedAt = bound(submitSeed, T0, EXPIRES - 1);
        vm.warp(submittedAt);
        _submit(jobId);

        (uint256 p0, uint256 c0, uint256 f0) = _balances();
        vm.prank(client);
        escrow.complete(jobId, REASON, "");
        (uint256 p1, uint256 c1, uint256 f1) = _balances();

        uint256 penalty = submittedAt > DELIVERY ? price * a.latePenaltyBps / 10_000 : 0;
        uint256 expectedFee = (price - penalty) * fee / 10_000;
        assertEq(c1 - c0, penalty, "penalty to client");
        assertEq(f1 - f0, expectedFee, "fee on the remainder");
        assertEq(p1 - p0, price - penalty - expectedFee, "provider");
        assertEq((p1 - p0) + (c1 - c0) + (f1 - f0), price, "sum of payouts == funded");
        assertEq(usd.balanceOf(address(escrow)), 0);
    }

    function testFuzz_Resolve_SplitLosesNothing(uint256 price, uint256 bpsSeed, uint256 feeSeed) public {
        price = bound(price, 1, MAX_AMOUNT);
        _setFee(feeSeed);
        uint16 bps = uint16(bound(bpsSeed, 0, 10_000));
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.price = price;
        usd.mint(client, price);
        uint256 jobId = _createAgreementJob(a);
        vm.warp(DELIVERY + 1); // late, to show the penalty is ignored
        _submit(jobId);
        vm.prank(client);
        escrow.dispute(jobId, REASON);

        (uint256 p0, uint256 c0, uint256 f0) = _balances();
        vm.prank(arbiter);
        escrow.resolve(jobId, bps, REASON);
        (uint256 p1, uint256 c1, uint256 f1) = _balances();

        assertEq(p1 - p0, price * bps / 10_000, "provider share");
        assertEq((p1 - p0) + (c1 - c0), price, "no rounding loss");
        assertEq(f1, f0, "no fee");
        assertEq(usd.balanceOf(address(escrow)), 0);
    }

    function testFuzz_RefundReturnsExactlyFunded(uint256 budget, uint256 path) public {
        budget = bound(budget, 1, MAX_AMOUNT);
        usd.mint(client, budget);
        uint256 jobId = _fundedPlainJob(budget);
        uint256 before = usd.balanceOf(client);
        path = bound(path, 0, 2);
        if (path == 0) {
            vm.prank(evaluator);
            escrow.reject(jobId, REASON, "");
        } else if (path == 1) {
            vm.prank(provider);
            escrow.reject(jobId, REASON, "");
        } else {
            vm.warp(EXPIRES);
            escrow.claimRefund(jobId);
        }
        assertEq(usd.balanceOf(client) - before, budget);
        assertEq(usd.balanceOf(address(escrow)), 0);
    }

    function testFuzz_FundRequiresExactBudget(uint256 budget, uint256 expected) public {
        budget = bound(budget, 1, MAX_AMOUNT);
        expected = bound(expected, 0, MAX_AMOUNT);
        vm.assume(budget != expected);
        uint256 jobId = _createPlainJob();
        vm.prank(client);
        escrow.setBudget(jobId, budget, "");
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.BudgetMismatch.selector, budget, expected));
        vm.prank(client);
        escrow.fund(jobId, expected, "");
    }

    // ------------------------------------------------------------------ deadlines

    function testFuzz_AgreementDeadlines(uint256 deliverySeed, uint256 expirySeed) public {
        uint64 delivery = uint64(bound(deliverySeed, T0 - 10 days, T0 + 60 days));
        uint64 expiredAt = uint64(bound(expirySeed, T0 - 10 days, T0 + 60 days));
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.deliveryDeadline = delivery;
        a.expiredAt = expiredAt;
        bytes memory cs = _sign(clientKey, a);
        bytes memory ps = _sign(providerKey, a);
        if (delivery <= T0) {
            vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.DeliveryDeadlinePassed.selector, delivery, T0));
        } else if (delivery > expiredAt) {
            vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.DeliveryAfterExpiry.selector, delivery, expiredAt));
        }
        uint256 jobId = escrow.createJobFromAgreement(a, cs, ps);
        if (delivery > T0 && delivery <= expiredAt) {
            // Submissions are accepted until expiredAt, then the job can only expire.
            vm.warp(expiredAt);
            vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.JobPastExpiry.selector, expiredAt, expiredAt));
            vm.prank(provider);
            escrow.submit(jobId, DELIVERABLE, "");
            escrow.claimRefund(jobId);
            _assertStatus(jobId, IAgentEscrow.JobStatus.Expired);
        }
    }

    function testFuzz_ReviewWindowBoundary(uint256 windowSeed, uint256 waitSeed) public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.reviewWindow = uint64(bound(windowSeed, 0, 30 days));
        uint256 jobId = _createAgreementJob(a);
        _submit(jobId);
        uint256 wait = bound(waitSeed, 0, 31 days);
        vm.warp(T0 + wait);
        if (wait < a.reviewWindow) {
            vm.expectRevert(
                abi.encodeWithSelector(IAgentEscrow.ReviewWindowOpen.selector, T0 + a.reviewWindow, T0 + wait)
            );
            escrow.release(jobId);
            vm.prank(client);
            escrow.dispute(jobId, REASON);
            _assertStatus(jobId, IAgentEscrow.JobStatus.Disputed);
        } else {
            vm.expectRevert(
                abi.encodeWithSelector(IAgentEscrow.ReviewWindowClosed.selector, T0 + a.reviewWindow, T0 + wait)
            );
            vm.prank(client);
            escrow.dispute(jobId, REASON);
            escrow.release(jobId);
            _assertStatus(jobId, IAgentEscrow.JobStatus.Completed);
        }
    }

    function testFuzz_AgreementExpiry(uint256 expirySeed) public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.expiry = bound(expirySeed, T0 - 30 days, T0 + 30 days);
        bytes memory cs = _sign(clientKey, a);
        bytes memory ps = _sign(providerKey, a);
        if (a.expiry < T0) {
            vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.AgreementExpired.selector, a.expiry, T0));
        }
        escrow.createJobFromAgreement(a, cs, ps);
    }

    // ------------------------------------------------------------------ signatures

    function testFuzz_RevertWhen_SignedByWrongKey(uint256 key) public {
        key = bound(key, 1, 115792089237316195423570985008687907852837564279074904382605163141518161494336);
        vm.assume(key != clientKey);
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        bytes memory cs = _sign(key, a);
        bytes memory ps = _sign(providerKey, a);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.InvalidSignature.selector, client));
        escrow.createJobFromAgreement(a, cs, ps);
    }

    function testFuzz_RevertWhen_FieldTampered(uint256 field, uint8 delta) public {
        // Fields whose change keeps the terms valid, so only the signature check can catch it:
        // price, deliverableSpecHash, slaHash, reviewWindow, latePenaltyBps, nonce, expiry, arbiter.
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        bytes memory cs = _sign(clientKey, a);
        bytes memory ps = _sign(providerKey, a);
        vm.assume(delta != 0);
        field = bound(field, 0, 7);
        if (field == 0) a.price += delta;
        else if (field == 1) a.deliverableSpecHash = bytes32(uint256(a.deliverableSpecHash) ^ delta);
        else if (field == 2) a.slaHash = bytes32(uint256(a.slaHash) ^ delta);
        else if (field == 3) a.reviewWindow += delta;
        else if (field == 4) a.latePenaltyBps -= delta;
        else if (field == 5) a.nonce += delta;
        else if (field == 6) a.expiry += delta;
        else a.arbiter = address(uint160(a.arbiter) ^ uint160(delta));
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.InvalidSignature.selector, client));
        escrow.createJobFromAgreement(a, cs, ps);
    }

    function testFuzz_RevertWhen_OtherChainId(uint256 chainId) public {
        chainId = bound(chainId, 1, type(uint64).max);
        vm.assume(chainId != block.chainid);
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        bytes memory cs = _sign(clientKey, a);
        bytes memory ps = _sign(providerKey, a);
        vm.chainId(chainId);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.InvalidSignature.selector, client));
        escrow.createJobFromAgreement(a, cs, ps);
    }

    function testFuzz_RevertWhen_Replayed(uint256 nonce) public {
        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.nonce = nonce;
        bytes memory cs = _sign(clientKey, a);
        bytes memory ps = _sign(providerKey, a);
        escrow.createJobFromAgreement(a, cs, ps);
        vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.NonceAlreadyUsed.selector, client, nonce));
        escrow.createJobFromAgreement(a, cs, ps);
    }

    function testFuzz_ERC1271Parties(uint256 clientSignerSeed, uint256 providerSignerSeed, uint256 price) public {
        uint256 n = 115792089237316195423570985008687907852837564279074904382605163141518161494336;
        uint256 cKey = bound(clientSignerSeed, 1, n);
        uint256 pKey = bound(providerSignerSeed, 1, n);
        price = bound(price, 1, MAX_AMOUNT);
        ERC1271WalletMock cw = new ERC1271WalletMock(vm.addr(cKey));
        ERC1271WalletMock pw = new ERC1271WalletMock(vm.addr(pKey));
        usd.mint(address(cw), price);
        vm.prank(address(cw));
        usd.approve(address(escrow), price);
        vm.prank(address(pw));
        uint256 agentId = identity.register();

        IAgentEscrow.ServiceAgreement memory a = _agreement();
        a.client = address(cw);
        a.provider = address(pw);
        a.providerAgentId = agentId;
        a.price = price;
        bytes memory cs = _sign(cKey, a);
        bytes memory ps = _sign(pKey, a);
        // Each wallet only accepts its own key, so swapping the signatures fails (unless both keys are equal).
        if (cKey != pKey) {
            vm.expectRevert(abi.encodeWithSelector(IAgentEscrow.InvalidSignature.selector, address(cw)));
            escrow.createJobFromAgreement(a, ps, cs);
        }
        uint256 jobId = escrow.createJobFromAgreement(a, cs, ps);
        assertEq(escrow.getJob(jobId).funded, price);
        assertEq(usd.balanceOf(address(escrow)), price);
    }
}
