// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MandateFixture} from "../utils/MandateFixture.sol";
import {Deploy} from "../utils/Deploy.sol";
import {AgentEscrow} from "../../src/AgentEscrow.sol";
import {MandateRegistry} from "../../src/MandateRegistry.sol";
import {IdentityRegistry} from "../../src/IdentityRegistry.sol";
import {ValidationRegistry} from "../../src/ValidationRegistry.sol";
import {TestUSD} from "../../src/TestUSD.sol";
import {IAgentEscrow} from "../../src/interfaces/IAgentEscrow.sol";
import {IMandateRegistry} from "../../src/interfaces/IMandateRegistry.sol";

/// @notice What a mandate adds to funding a job, written to snapshots/MandateGasTest.json, and held to a budget:
/// the registry's check in the autonomous band costs at most 40,000 gas over the same agreement without a mandate,
/// and each approval the band checks at most 8,000 more.
///
/// Like for like: four cases, each on its own copy of the contracts (identity and validation registries, TestUSD,
/// escrow and MandateRegistry) set up the same way, so that every measurement meets cold storage, as a real
/// transaction would, even when the four are measured in one test. (Against one set of contracts that does not
/// work: neither reverting to a state snapshot nor vm.cool gives back the cold, unwritten state; the same call was
/// measured 50,000 gas apart.) In every copy the escrow already holds one job; the same two parties sign (the
/// agent's wallet as the client, the provider), with nonces in a bitmap word neither has used (a first agreement,
/// as EscrowGasTest's "createJobFromAgreement"), with a validator, at the same moment. Without a mandate the agent's
/// wallet pays; with one, the principal (both hold tokens and approved the escrow). The mandate is the seed example
/// with one payee and one specification listed: the realistic worst case, where both lists are looked up. The
/// arguments are in memory before a section starts (EscrowGasTest's sections also read the agreement from storage,
/// cold, so its figures are higher).
contract MandateGasTest is MandateFixture {
    uint256 internal constant MAX_MANDATE_OVERHEAD = 40_000;
    uint256 internal constant MAX_PER_APPROVAL = 8_000;

    /// @dev One copy of the contracts and the agreement measured on it.
    struct Case {
        AgentEscrow escrow;
        IAgentEscrow.ServiceAgreement agreement;
        bytes clientSig;
        bytes providerSig;
    }

    Case[4] internal cases;
    string[4] internal names = [
        "createJobFromAgreement (no mandate)",
        "createJobFromAgreement (mandate, autonomous)",
        "createJobFromAgreement (mandate, 1 approval)",
        "createJobFromAgreement (mandate, 2 approvals + timelock)"
    ];

    uint256 internal mandateId;
    uint256 internal revokeId;
    uint256 internal terminateJob;
    uint256 internal refundJob;

    function setUp() public override {
        super.setUp();
        uint256[4] memory prices = [50 * USD, 50 * USD, 500 * USD, 2_000 * USD];
        for (uint256 i; i < 4; ++i) {
            _setUpCase(i, prices[i]);
        }
        // past the 24-hour timelock, in the same period
        vm.warp(T0 + 1 days);

        // for the other sections, on the fixture's contracts: a mandate to approve under, one to revoke, and funded
        // jobs under a third, revoked
        mandateId = _grant();
        revokeId = _grant();
        uint256 other = _grant();
        terminateJob = _fund(other, 60 * USD);
        refundJob = _fund(other, 60 * USD);
        vm.prank(principal);
        mandates.revoke(other);
    }

    /// @notice The budget: the mandate's overhead in the autonomous band, and what each approval adds. The four
    /// cases are measured in one test with gasleft(), each on its own contracts: forge's gas sections after the first
    /// one of a test were measured tens of thousands of gas too high, gasleft() gives the same figure in any order.
    /// The differences are recorded as values in the snapshot.
    function test_Gas_MandateOverhead() public {
        uint256[4] memory used;
        for (uint256 i; i < 4; ++i) {
            used[i] = _fundCase(i);
        }
        uint256 overhead = used[1] - used[0];
        uint256 band1 = used[2] - used[1];
        uint256 band2 = used[3] - used[1];
        vm.snapshotValue("mandate overhead: autonomous - no mandate", overhead);
        vm.snapshotValue("mandate overhead: 1 approval - autonomous", band1);
        vm.snapshotValue("mandate overhead: 2 approvals + timelock - autonomous", band2);
        assertLe(overhead, MAX_MANDATE_OVERHEAD, "mandate check above 40,000 gas");
        assertLe(band1, MAX_PER_APPROVAL, "one approval above 8,000 gas");
        assertLe(band2, 2 * MAX_PER_APPROVAL, "two approvals above 16,000 gas");
    }

    function test_Gas_CreateJobFromAgreement_NoMandate() public {
        _section(0);
    }

    function test_Gas_CreateJobFromAgreement_MandateAutonomous() public {
        _section(1);
    }

    function test_Gas_CreateJobFromAgreement_MandateOneApproval() public {
        _section(2);
    }

    function test_Gas_CreateJobFromAgreement_MandateTwoApprovalsTimelock() public {
        _section(3);
    }

    function test_Gas_Grant() public {
        vm.prank(principal);
        vm.startSnapshotGas("grant (seed example: 1 payee, 1 spec, 3 approvers)");
        mandates.grant(_terms());
        vm.stopSnapshotGas();
    }

    function test_Gas_Approve() public {
        bytes32 h = keccak256("another agreement");
        vm.prank(approver1);
        vm.startSnapshotGas("approve");
        mandates.approve(mandateId, h);
        vm.stopSnapshotGas();
    }

    function test_Gas_Revoke() public {
        vm.prank(principal);
        vm.startSnapshotGas("revoke");
        mandates.revoke(revokeId);
        vm.stopSnapshotGas();
    }

    function test_Gas_Freeze() public {
        vm.prank(principal);
        vm.startSnapshotGas("freeze");
        mandates.freeze(principal, agentId);
        vm.stopSnapshotGas();
    }

    function test_Gas_Terminate() public {
        vm.prank(principal);
        vm.startSnapshotGas("terminate (refund + restore)");
        escrow.terminate(terminateJob);
        vm.stopSnapshotGas();
        _assertStatus(terminateJob, IAgentEscrow.JobStatus.Rejected);
    }

    function test_Gas_ClaimRefundUnderMandate() public {
        vm.warp(escrow.getJob(refundJob).expiredAt);
        vm.prank(relayer);
        vm.startSnapshotGas("claimRefund (mandate: restore)");
        escrow.claimRefund(refundJob);
        vm.stopSnapshotGas();
        _assertStatus(refundJob, IAgentEscrow.JobStatus.Expired);
    }

    /// @dev Funds case `i` as the relayer and returns the gas the call used, by gasleft().
    function _fundCase(uint256 i) internal returns (uint256 gasUsed) {
        Case storage c = cases[i];
        IAgentEscrow.ServiceAgreement memory a = c.agreement;
        bytes memory cs = c.clientSig;
        bytes memory ps = c.providerSig;
        AgentEscrow e = c.escrow;
        vm.prank(relayer);
        uint256 before = gasleft();
        uint256 jobId = e.createJobFromAgreement(a, cs, ps);
        gasUsed = before - gasleft();
        assertEq(e.getJob(jobId).mandateId, a.mandateId);
        assertEq(uint256(e.getJob(jobId).status), uint256(IAgentEscrow.JobStatus.Funded));
    }

    /// @dev Case `i` as a gas section (the test's only one).
    function _section(uint256 i) internal {
        Case storage c = cases[i];
        IAgentEscrow.ServiceAgreement memory a = c.agreement;
        bytes memory cs = c.clientSig;
        bytes memory ps = c.providerSig;
        AgentEscrow e = c.escrow;
        vm.prank(relayer);
        vm.startSnapshotGas(names[i]);
        uint256 jobId = e.createJobFromAgreement(a, cs, ps);
        vm.stopSnapshotGas();
        assertEq(e.getJob(jobId).mandateId, a.mandateId);
    }

    /// @dev A copy of the fixture's contracts with the same agents (filler 0, provider 1, the agent 2), the agent
    /// and the principal funded, one job already held, the seed mandate granted (cases 1 to 3), the case's
    /// agreement signed and approved by as many approvers as its band needs.
    function _setUpCase(uint256 i, uint256 price) internal {
        IdentityRegistry id = new IdentityRegistry();
        ValidationRegistry val = new ValidationRegistry(address(id));
        TestUSD token = new TestUSD();
        (AgentEscrow e, MandateRegistry reg) =
            Deploy.escrow(address(id), address(val), address(token), owner, feeRecipient, FEE_BPS);
        vm.prank(makeAddr("filler"));
        id.register();
        vm.prank(provider);
        id.register();
        vm.prank(client);
        id.register();
        address[3] memory payers = [client, principal, makeAddr("warmupClient")];
        for (uint256 k; k < 3; ++k) {
            token.mint(payers[k], 1e9 * USD);
            vm.prank(payers[k]);
            token.approve(address(e), type(uint256).max);
        }
        // one job before: the escrow holds money and has a job count
        (, uint256 warmupKey) = makeAddrAndKey("warmupClient");
        IAgentEscrow.ServiceAgreement memory w = _validatedAgreement();
        w.client = payers[2];
        w.token = address(token);
        w.price = 10 * USD;
        bytes32 wd = e.hashAgreement(w);
        e.createJobFromAgreement(w, signDigest(warmupKey, wd), signDigest(providerKey, wd));

        IAgentEscrow.ServiceAgreement memory a = _validatedAgreement();
        a.token = address(token);
        a.price = price;
        a.nonce = 1 << 128;
        a.expiry = T0 + 2 days;
        a.deliveryDeadline = START + 3 days;
        if (i != 0) {
            IMandateRegistry.MandateTerms memory t = _terms();
            t.token = address(token);
            vm.prank(principal);
            a.mandateId = reg.grant(t);
        }
        bytes32 digest = e.hashAgreement(a);
        address[2] memory approving = [approver1, approver2];
        for (uint256 k; k + 1 < i && k < 2; ++k) {
            vm.prank(approving[k]);
            reg.approve(a.mandateId, digest);
        }
        Case storage c = cases[i];
        c.escrow = e;
        c.agreement = a;
        c.clientSig = signDigest(clientKey, digest);
        c.providerSig = signDigest(providerKey, digest);
    }
}
