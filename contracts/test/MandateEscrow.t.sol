// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {MandateFixture} from "./utils/MandateFixture.sol";
import {IAgentEscrow} from "../src/interfaces/IAgentEscrow.sol";
import {IMandateRegistry} from "../src/interfaces/IMandateRegistry.sol";
import {ERC1271WalletMock} from "./mocks/ERC1271WalletMock.sol";

/// @notice Spending a mandate through the escrow: createJobFromAgreement with `mandateId` set, signed by the
/// agent's wallet as the client and paid by the principal. Every rule of the registry's spend, each refusal
/// bubbling out of createJobFromAgreement with its own error, the approval bands and the timelock, per-job caps,
/// period budgets and their reset.
contract MandateEscrowTest is MandateFixture {
    // ------------------------------------------------------------------ success

    function test_Spend_PrincipalPaysNotTheAgent() public {
        uint256 id = _grant();
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, 60 * USD);
        uint256 principalBefore = usd.balanceOf(principal);
        uint256 agentBefore = usd.balanceOf(client);

        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateSpent(id, 1, 60 * USD, 0, 60 * USD);
        vm.expectEmit(address(escrow));
        emit IAgentEscrow.JobFunded(1, principal, 60 * USD);
        uint256 jobId = _fund(a);

        assertEq(usd.balanceOf(principal), principalBefore - 60 * USD, "principal pays");
        assertEq(usd.balanceOf(client), agentBefore, "the agent's wallet only signs");
        assertEq(usd.balanceOf(address(escrow)), 60 * USD);
        IAgentEscrow.Job memory job = escrow.getJob(jobId);
        assertEq(job.mandateId, id);
        assertEq(job.client, client, "the agent is the job's client");
        assertEq(job.funded, 60 * USD);
        assertEq(_remaining(id), BUDGET - 60 * USD);
        assertEq(_spent(id), 60 * USD);
    }

    function test_Spend_WithoutPrincipalAllowance_AgentAllowanceDoesNotHelp() public {
        // The agent approved the escrow (fixture); a principal that did not is not charged, nor is the agent.
        (address poor,) = makeAddrAndKey("poorPrincipal");
        usd.mint(poor, BUDGET);
        IMandateRegistry.MandateTerms memory t = _terms();
        t.principal = poor;
        uint256 id = _grant(t);
        _expectFundRevert(
            _mAgreement(id, 60 * USD),
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(escrow), 0, 60 * USD)
        );
    }

    function test_Spend_WithPermitFromThePrincipal() public {
        // The principal signs an ERC-2612 permit for the escrow; no prior approve.
        (address p, uint256 pKey) = makeAddrAndKey("permitPrincipal");
        usd.mint(p, BUDGET);
        IMandateRegistry.MandateTerms memory t = _terms();
        t.principal = p;
        uint256 id = _grant(t);
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, 60 * USD);
        bytes32 permitHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                p,
                address(escrow),
                60 * USD,
                uint256(0),
                T0 + 1 hours
            )
        );
        (uint8 v, bytes32 r, bytes32 s) =
            vm.sign(pKey, keccak256(abi.encodePacked("\x19\x01", usd.DOMAIN_SEPARATOR(), permitHash)));
        uint256 jobId = escrow.createJobFromAgreementWithPermit(
            a, _sign(clientKey, a), _sign(providerKey, a), T0 + 1 hours, v, r, s
        );
        assertEq(usd.balanceOf(p), BUDGET - 60 * USD);
        assertEq(escrow.getJob(jobId).mandateId, id);
    }

    function test_Spend_Erc1271Principal() public {
        (address signer,) = makeAddrAndKey("safeOwner");
        ERC1271WalletMock safe = new ERC1271WalletMock(signer);
        usd.mint(address(safe), BUDGET);
        vm.prank(address(safe));
        usd.approve(address(escrow), type(uint256).max);
        IMandateRegistry.MandateTerms memory t = _terms();
        t.principal = address(safe);
        uint256 id = _grant(t);
        _fund(id, 60 * USD);
        assertEq(usd.balanceOf(address(safe)), BUDGET - 60 * USD);
    }

    function test_Spend_AgreementWithoutMandateUnchanged() public {
        _grant();
        uint256 agentBefore = usd.balanceOf(client);
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(0, 60 * USD);
        uint256 jobId = _fund(a);
        assertEq(usd.balanceOf(client), agentBefore - 60 * USD, "no mandate: the client pays");
        assertEq(escrow.getJob(jobId).mandateId, 0);
        assertEq(_spent(1), 0);
    }

    // ------------------------------------------------------------------ seed example: bands and timelock

    /// @notice The seed example of docs/governance.md, end to end: up to $100 autonomous; above $100 and up to
    /// $1,000 one approval; above $1,000 two approvals and 24 hours after the last one.
    function test_SeedExample_Bands() public {
        uint256 id = _grant();

        // $100 exactly: autonomous
        _fund(id, 100 * USD);

        // $100.000001: one approval needed
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, 100 * USD + 1);
        _expectFundRevert(a, abi.encodeWithSelector(IMandateRegistry.ApprovalsMissing.selector, 0, 1));
        _approveBy(id, a, 1);
        _fund(a);

        // $1,000 exactly: still one approval, no timelock
        a = _mAgreement(id, 1_000 * USD);
        _approveBy(id, a, 1);
        _fund(a);

        // $1,000.000001: two approvals, then 24 hours
        a = _mAgreement(id, 1_000 * USD + 1);
        a.expiry = T0 + 2 days;
        a.deliveryDeadline = START + 3 days;
        _approveBy(id, a, 1);
        _expectFundRevert(a, abi.encodeWithSelector(IMandateRegistry.ApprovalsMissing.selector, 1, 2));
        vm.warp(T0 + 1 hours);
        bytes32 h = escrow.hashAgreement(a);
        vm.prank(approver3);
        mandates.approve(id, h);
        uint256 readyAt = T0 + 1 hours + 24 hours; // from the LAST approval
        _expectFundRevert(a, abi.encodeWithSelector(IMandateRegistry.TimelockPending.selector, readyAt, T0 + 1 hours));
        vm.warp(readyAt - 1);
        _expectFundRevert(a, abi.encodeWithSelector(IMandateRegistry.TimelockPending.selector, readyAt, readyAt - 1));
        vm.warp(readyAt);
        uint256 jobId = _fund(a);
        assertEq(escrow.getJob(jobId).funded, 1_000 * USD + 1);
        assertEq(_spent(id), 100 * USD + (100 * USD + 1) + 1_000 * USD + (1_000 * USD + 1));
    }

    function test_RevertWhen_Band1_ApprovalsMissing() public {
        uint256 id = _grant();
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, 500 * USD);
        _expectFundRevert(a, abi.encodeWithSelector(IMandateRegistry.ApprovalsMissing.selector, 0, 1));
    }

    function test_RevertWhen_Band2_ApprovalsMissing() public {
        uint256 id = _grant();
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, 2_000 * USD);
        _expectFundRevert(a, abi.encodeWithSelector(IMandateRegistry.ApprovalsMissing.selector, 0, 2));
        _approveBy(id, a, 1);
        _expectFundRevert(a, abi.encodeWithSelector(IMandateRegistry.ApprovalsMissing.selector, 1, 2));
    }

    function test_Band2_ThreeApprovalsStillWaitForTheTimelock() public {
        uint256 id = _grant();
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, 2_000 * USD);
        a.expiry = T0 + 2 days;
        a.deliveryDeadline = START + 3 days;
        _approveBy(id, a, 3);
        _expectFundRevert(a, abi.encodeWithSelector(IMandateRegistry.TimelockPending.selector, T0 + 24 hours, T0));
        vm.warp(T0 + 24 hours);
        _fund(a);
    }

    function test_Band2_ZeroTimelock() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.timelock = 0;
        uint256 id = _grant(t);
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, 2_000 * USD);
        _approveBy(id, a, 2);
        _fund(a);
    }

    function test_RevertWhen_ApprovalOfAnotherAgreement() public {
        uint256 id = _grant();
        IAgentEscrow.ServiceAgreement memory approved = _mAgreement(id, 500 * USD);
        _approveBy(id, approved, 3);
        // same terms, another nonce: another agreement, no approvals
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, 500 * USD);
        _expectFundRevert(a, abi.encodeWithSelector(IMandateRegistry.ApprovalsMissing.selector, 0, 1));
        // the approved one at a higher price is another agreement too
        approved.price = 600 * USD;
        _expectFundRevert(approved, abi.encodeWithSelector(IMandateRegistry.ApprovalsMissing.selector, 0, 1));
    }

    function test_RevertWhen_ApprovalUnderAnotherMandate() public {
        uint256 id = _grant();
        uint256 other = _grant();
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, 500 * USD);
        bytes32 h = escrow.hashAgreement(a);
        vm.prank(approver1);
        mandates.approve(other, h);
        _expectFundRevert(a, abi.encodeWithSelector(IMandateRegistry.ApprovalsMissing.selector, 0, 1));
    }

    function test_Band1_ApprovedBySignature() public {
        uint256 id = _grant();
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, 500 * USD);
        bytes32 h = escrow.hashAgreement(a);
        mandates.approveWithSig(id, h, approver2, T0, signDigest(approver2Key, _approvalDigest(id, h, T0)));
        _fund(a);
        assertEq(_spent(id), 500 * USD);
    }

    // ------------------------------------------------------------------ each refusal

    function test_RevertWhen_MandateNotFound() public {
        _expectFundRevert(_mAgreement(1, 60 * USD), _err(IMandateRegistry.MandateNotFound.selector, 1));
        _grant();
        _expectFundRevert(_mAgreement(2, 60 * USD), _err(IMandateRegistry.MandateNotFound.selector, 2));
        uint256 huge = uint256(type(uint32).max) + 2;
        _expectFundRevert(_mAgreement(huge, 60 * USD), _err(IMandateRegistry.MandateNotFound.selector, huge));
    }

    function test_RevertWhen_MandateRevoked() public {
        uint256 id = _grant();
        _fund(id, 60 * USD);
        vm.prank(principal);
        mandates.revoke(id);
        _expectFundRevert(_mAgreement(id, 60 * USD), _err(IMandateRegistry.MandateIsRevoked.selector, id));
    }

    function test_RevertWhen_AgentFrozen() public {
        uint256 id = _grant();
        vm.prank(principal);
        mandates.setGuardian(guardian);
        vm.prank(guardian);
        mandates.freeze(principal, agentId);
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, 60 * USD);
        _expectFundRevert(a, abi.encodeWithSelector(IMandateRegistry.AgentIsFrozen.selector, principal, agentId));
        vm.prank(principal);
        mandates.unfreeze(agentId);
        _fund(a);
    }

    function test_RevertWhen_MandateNotYetValid() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.validAfter = START + 1 hours;
        uint256 id = _grant(t);
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, 60 * USD);
        _expectFundRevert(a, abi.encodeWithSelector(IMandateRegistry.MandateNotYetValid.selector, T0 + 1 hours, T0));
        vm.warp(T0 + 1 hours - 1);
        _expectFundRevert(
            a, abi.encodeWithSelector(IMandateRegistry.MandateNotYetValid.selector, T0 + 1 hours, T0 + 1 hours - 1)
        );
        vm.warp(T0 + 1 hours); // valid from validAfter on (and the agreement's expiry is still ahead)
        _fund(a);
    }

    function test_RevertWhen_MandateExpired() public {
        IMandateRegistry.MandateTerms memory t = _terms();
        t.validUntil = START + 1 days;
        uint256 id = _grant(t);
        vm.warp(T0 + 1 days - 1);
        _fund(id, 60 * USD); // the last second of the window
        vm.warp(T0 + 1 days);
        _expectFundRevert(
            _mAgreement(id, 60 * USD),
            abi.encodeWithSelector(IMandateRegistry.MandateExpired.selector, T0 + 1 days, T0 + 1 days)
        );
        assertEq(_remaining(id), 0);
    }

    function test_RevertWhen_MandateForAnotherAgent() public {
        // Another agent (its own owner and wallet) signs an agreement naming this agent's mandate.
        (address other, uint256 otherKey) = makeAddrAndKey("otherAgent");
        vm.prank(other);
        identity.register();
        uint256 id = _grant();
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, 60 * USD);
        a.client = other;
        bytes memory cs = _sign(otherKey, a);
        bytes memory ps = _sign(providerKey, a);
        vm.expectRevert(abi.encodeWithSelector(IMandateRegistry.MandateAgentMismatch.selector, client, other));
        escrow.createJobFromAgreement(a, cs, ps);
        // nor may the principal sign as the client of its own mandate
        a.client = principal;
        cs = _sign(principalKey, a);
        ps = _sign(providerKey, a);
        vm.expectRevert(abi.encodeWithSelector(IMandateRegistry.MandateAgentMismatch.selector, client, principal));
        escrow.createJobFromAgreement(a, cs, ps);
    }

    function test_RevertWhen_MandateTokenMismatch() public {
        uint256 id = _grant();
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, 60 * USD);
        a.token = address(dai);
        _expectFundRevert(
            a, abi.encodeWithSelector(IMandateRegistry.MandateTokenMismatch.selector, address(usd), address(dai))
        );
    }

    function test_RevertWhen_PayeeNotAllowed() public {
        (address seller, uint256 sellerKey) = makeAddrAndKey("otherSeller");
        vm.prank(seller);
        uint256 sellerAgent = identity.register();
        uint256 id = _grant();
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, 60 * USD);
        a.provider = seller;
        a.providerAgentId = sellerAgent;
        bytes memory cs = _sign(clientKey, a);
        bytes memory ps = _sign(sellerKey, a);
        vm.expectRevert(abi.encodeWithSelector(IMandateRegistry.PayeeNotAllowed.selector, sellerAgent));
        escrow.createJobFromAgreement(a, cs, ps);

        // with an empty payee list, any provider agent will do
        uint256 open = _grant(_openTerms(100 * USD, BUDGET, PERIOD));
        a.mandateId = open;
        escrow.createJobFromAgreement(a, _sign(clientKey, a), _sign(sellerKey, a));
    }

    function test_RevertWhen_SpecNotAllowed() public {
        uint256 id = _grant();
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, 60 * USD);
        a.deliverableSpecHash = keccak256("another spec");
        _expectFundRevert(a, abi.encodeWithSelector(IMandateRegistry.SpecNotAllowed.selector, a.deliverableSpecHash));
    }

    function test_Spend_SeveralPayeesAndSpecs() public {
        (address seller, uint256 sellerKey) = makeAddrAndKey("secondSeller");
        vm.prank(seller);
        uint256 sellerAgent = identity.register();
        IMandateRegistry.MandateTerms memory t = _terms();
        t.payees = new uint256[](2);
        t.payees[0] = sellerAgent;
        t.payees[1] = providerAgentId;
        t.specs = new bytes32[](2);
        t.specs[0] = keccak256("spec B");
        t.specs[1] = SPEC;
        uint256 id = _grant(t);
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, 60 * USD);
        a.provider = seller;
        a.providerAgentId = sellerAgent;
        a.deliverableSpecHash = keccak256("spec B");
        escrow.createJobFromAgreement(a, _sign(clientKey, a), _sign(sellerKey, a));
        _fund(id, 60 * USD); // the fixture's provider and SPEC
        assertEq(_spent(id), 120 * USD);
    }

    function test_RevertWhen_OverJobCap() public {
        uint256 id = _grant();
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, MAX_PER_JOB + 1);
        a.expiry = T0 + 2 days;
        a.deliveryDeadline = START + 3 days;
        _expectFundRevert(a, abi.encodeWithSelector(IMandateRegistry.OverJobCap.selector, MAX_PER_JOB + 1, MAX_PER_JOB));
        // refused whatever the approvals and however long they waited
        _approveBy(id, a, 3);
        vm.warp(T0 + 1 days);
        _expectFundRevert(a, abi.encodeWithSelector(IMandateRegistry.OverJobCap.selector, MAX_PER_JOB + 1, MAX_PER_JOB));
        // the cap itself passes (two approvals, timelock run out)
        a.price = MAX_PER_JOB;
        _approveBy(id, a, 2);
        vm.warp(T0 + 2 days);
        _fund(a);
    }

    function test_Spend_ExactlyTheJobCap() public {
        uint256 id = _grant(_openTerms(100 * USD, BUDGET, PERIOD));
        _fund(id, 100 * USD);
        _expectFundRevert(
            _mAgreement(id, 100 * USD + 1),
            abi.encodeWithSelector(IMandateRegistry.OverJobCap.selector, 100 * USD + 1, 100 * USD)
        );
    }

    function test_RevertWhen_OverBudget() public {
        uint256 id = _grant(_openTerms(400 * USD, 1_000 * USD, PERIOD));
        _fund(id, 400 * USD);
        _fund(id, 400 * USD);
        _expectFundRevert(
            _mAgreement(id, 200 * USD + 1),
            abi.encodeWithSelector(IMandateRegistry.OverBudget.selector, 800 * USD, 200 * USD + 1, 1_000 * USD)
        );
        _fund(id, 200 * USD); // exactly to the budget
        assertEq(_remaining(id), 0);
        _expectFundRevert(
            _mAgreement(id, 1),
            abi.encodeWithSelector(IMandateRegistry.OverBudget.selector, 1_000 * USD, 1, 1_000 * USD)
        );
    }

    /// @notice The seed example's agent splits its spending into autonomous $100 jobs to get past the approvals:
    /// the period budget still stops it, at the 101st.
    function test_RevertWhen_SplittingJobsToDodgeTheBudget() public {
        uint256 id = _grant();
        for (uint256 i; i < BUDGET / (100 * USD); ++i) {
            _fund(id, 100 * USD);
        }
        assertEq(_spent(id), BUDGET);
        assertEq(_remaining(id), 0);
        _expectFundRevert(
            _mAgreement(id, 1), abi.encodeWithSelector(IMandateRegistry.OverBudget.selector, BUDGET, 1, BUDGET)
        );
        _expectFundRevert(
            _mAgreement(id, 100 * USD),
            abi.encodeWithSelector(IMandateRegistry.OverBudget.selector, BUDGET, 100 * USD, BUDGET)
        );
        assertEq(escrow.jobCount(), 100);
        assertEq(usd.balanceOf(address(escrow)), BUDGET);
    }

    function test_RevertWhen_OverBudget_CheckedAfterApprovals() public {
        // A fully approved job that would exceed the budget is still refused.
        IMandateRegistry.MandateTerms memory t = _terms();
        t.budget = 1_500 * USD;
        uint256 id = _grant(t);
        _fund(id, 100 * USD);
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, 1_000 * USD);
        _approveBy(id, a, 1);
        _fund(a);
        a = _mAgreement(id, 500 * USD);
        _approveBy(id, a, 3);
        _expectFundRevert(
            a, abi.encodeWithSelector(IMandateRegistry.OverBudget.selector, 1_100 * USD, 500 * USD, 1_500 * USD)
        );
    }

    // ------------------------------------------------------------------ periods

    function test_PeriodRoll_ResetsTheBudget() public {
        uint256 id = _grant(_openTerms(500 * USD, 1_000 * USD, PERIOD));
        _fund(id, 500 * USD);
        _fund(id, 500 * USD);
        vm.warp(T0 + PERIOD - 1);
        _expectFundRevert(
            _mAgreement(id, 1),
            abi.encodeWithSelector(IMandateRegistry.OverBudget.selector, 1_000 * USD, 1, 1_000 * USD)
        );
        vm.warp(T0 + PERIOD);
        (uint256 left, uint32 index) = mandates.remaining(id);
        assertEq(left, 1_000 * USD);
        assertEq(uint256(index), 1);
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateSpent(id, 3, 300 * USD, 1, 300 * USD);
        _fund(id, 300 * USD);
        IMandateRegistry.MandateView memory v = mandates.getMandate(id);
        assertEq(v.spent, 300 * USD);
        assertEq(uint256(v.periodIndex), 1);
        assertEq(_remaining(id), 700 * USD);
        // a period skipped entirely: the budget is whole again two periods later
        vm.warp(T0 + 3 * PERIOD + 1);
        (left, index) = mandates.remaining(id);
        assertEq(left, 1_000 * USD);
        assertEq(uint256(index), 3);
        _fund(id, 500 * USD);
        _fund(id, 500 * USD);
        assertEq(_remaining(id), 0);
    }

    function test_PeriodRoll_CountedFromValidAfter() public {
        // The window opened 20 days ago, so the current 30-day period ends in 10 days.
        IMandateRegistry.MandateTerms memory t = _openTerms(500 * USD, 500 * USD, PERIOD);
        t.validAfter = START - 20 days;
        uint256 id = _grant(t);
        _fund(id, 500 * USD);
        vm.warp(T0 + 10 days - 1);
        _expectFundRevert(
            _mAgreement(id, 1), abi.encodeWithSelector(IMandateRegistry.OverBudget.selector, 500 * USD, 1, 500 * USD)
        );
        vm.warp(T0 + 10 days);
        (uint256 left, uint32 index) = mandates.remaining(id);
        assertEq(left, 500 * USD);
        assertEq(uint256(index), 1);
        _fund(id, 500 * USD);
    }

    function test_OneTimeBudget_NeverResets() public {
        uint256 id = _grant(_openTerms(500 * USD, 1_000 * USD, 0));
        _fund(id, 500 * USD);
        vm.warp(T0 + 40 days);
        _fund(id, 500 * USD);
        for (uint256 i = 1; i <= 3; ++i) {
            vm.warp(T0 + i * 100 days);
            (uint256 left, uint32 index) = mandates.remaining(id);
            assertEq(left, 0);
            assertEq(uint256(index), 0);
            _expectFundRevert(
                _mAgreement(id, 1),
                abi.encodeWithSelector(IMandateRegistry.OverBudget.selector, 1_000 * USD, 1, 1_000 * USD)
            );
        }
        assertEq(uint256(mandates.getMandate(id).periodIndex), 0);
    }

    function test_ShortestPeriod_OneHour() public {
        uint256 id = _grant(_openTerms(100 * USD, 100 * USD, 1 hours));
        for (uint256 i; i < 5; ++i) {
            vm.warp(T0 + i * 1 hours);
            _fund(id, 100 * USD);
            _expectFundRevert(
                _mAgreement(id, 1),
                abi.encodeWithSelector(IMandateRegistry.OverBudget.selector, 100 * USD, 1, 100 * USD)
            );
            assertEq(uint256(mandates.getMandate(id).periodIndex), i);
        }
    }

    // ------------------------------------------------------------------ order of the checks

    function test_Refusal_RevokedBeforeEverythingElse() public {
        // A revoked mandate reports the revocation, whatever else is wrong with the agreement.
        uint256 id = _grant();
        vm.prank(principal);
        mandates.revoke(id);
        vm.prank(principal);
        mandates.freeze(principal, agentId);
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, MAX_PER_JOB + 1);
        a.deliverableSpecHash = keccak256("another spec");
        _expectFundRevert(a, _err(IMandateRegistry.MandateIsRevoked.selector, id));
    }

    function test_Refusal_EscrowChecksFirst() public {
        // The escrow's own checks of the agreement come before the mandate's.
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(99, 60 * USD);
        a.expiry = T0 - 1;
        _expectFundRevert(a, abi.encodeWithSelector(IAgentEscrow.AgreementExpired.selector, T0 - 1, T0));
    }
}
