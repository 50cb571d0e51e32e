// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EscrowFixture} from "../utils/EscrowFixture.sol";
import {IAgentEscrow} from "../../src/interfaces/IAgentEscrow.sol";

/// @notice Gas sections for the escrow's main calls, written to snapshots/EscrowGasTest.json. Every job is
/// prepared in setUp so that the measured call meets cold storage, as a real transaction would; the provider and
/// fee recipient hold no tokens yet (first payment).
contract EscrowGasTest is EscrowFixture {
    IAgentEscrow.ServiceAgreement internal fresh;
    bytes internal freshClientSig;
    bytes internal freshProviderSig;

    IAgentEscrow.ServiceAgreement internal repeat;
    bytes internal repeatClientSig;
    bytes internal repeatProviderSig;

    IAgentEscrow.ServiceAgreement internal permitted;
    bytes internal permitClientSig;
    bytes internal permitProviderSig;
    uint8 internal permitV;
    bytes32 internal permitR;
    bytes32 internal permitS;

    uint256 internal fundedJob;
    uint256 internal completeJob;
    uint256 internal releaseJob;
    uint256 internal settleJob;
    uint256 internal refundJob;

    function setUp() public override {
        super.setUp();

        // A nonce in a bitmap word neither signer has touched: their first agreement (worst case).
        fresh = _validatedAgreement();
        fresh.nonce = 1 << 128;
        freshClientSig = _sign(clientKey, fresh);
        freshProviderSig = _sign(providerKey, fresh);
        // A nonce next to ones both signers used before (nonces 1..5 below): parties who trade repeatedly.
        repeat = _validatedAgreement();
        repeat.nonce = 100;
        repeatClientSig = _sign(clientKey, repeat);
        repeatProviderSig = _sign(providerKey, repeat);

        (address permitClient, uint256 permitKey) = makeAddrAndKey("permitClient");
        usd.mint(permitClient, PRICE);
        permitted = _validatedAgreement();
        permitted.client = permitClient;
        permitted.nonce = 101;
        permitClientSig = _sign(permitKey, permitted);
        permitProviderSig = _sign(providerKey, permitted);
        bytes32 permitHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                permitClient,
                address(escrow),
                PRICE,
                uint256(0),
                T0 + 1 hours
            )
        );
        (permitV, permitR, permitS) =
            vm.sign(permitKey, keccak256(abi.encodePacked("\x19\x01", usd.DOMAIN_SEPARATOR(), permitHash)));

        fundedJob = _agreementJob(1);
        completeJob = _agreementJob(2);
        _submit(completeJob);
        releaseJob = _agreementJob(3);
        _submit(releaseJob);
        refundJob = _agreementJob(4);

        settleJob = _agreementJob(5);
        _submit(settleJob);
        bytes32 requestHash = escrow.validationRequestHash(settleJob);
        vm.prank(provider);
        validation.validationRequest(validator, providerAgentId, "ipfs://request", requestHash);
        vm.prank(validator);
        validation.validationResponse(requestHash, 90, "ipfs://response", keccak256("report"), "hard");
    }

    function _agreementJob(uint256 nonce) internal returns (uint256) {
        IAgentEscrow.ServiceAgreement memory a = _validatedAgreement();
        a.nonce = nonce;
        return _createAgreementJob(a);
    }

    function test_Gas_CreateJobFromAgreement() public {
        vm.prank(relayer);
        vm.startSnapshotGas("createJobFromAgreement");
        uint256 jobId = escrow.createJobFromAgreement(fresh, freshClientSig, freshProviderSig);
        vm.stopSnapshotGas();
        _assertStatus(jobId, IAgentEscrow.JobStatus.Funded);
    }

    function test_Gas_CreateJobFromAgreement_RepeatParties() public {
        vm.prank(relayer);
        vm.startSnapshotGas("createJobFromAgreement (repeat parties)");
        uint256 jobId = escrow.createJobFromAgreement(repeat, repeatClientSig, repeatProviderSig);
        vm.stopSnapshotGas();
        _assertStatus(jobId, IAgentEscrow.JobStatus.Funded);
    }

    function test_Gas_CreateJobFromAgreementWithPermit() public {
        vm.prank(relayer);
        vm.startSnapshotGas("createJobFromAgreementWithPermit");
        uint256 jobId = escrow.createJobFromAgreementWithPermit(
            permitted, permitClientSig, permitProviderSig, T0 + 1 hours, permitV, permitR, permitS
        );
        vm.stopSnapshotGas();
        _assertStatus(jobId, IAgentEscrow.JobStatus.Funded);
    }

    function test_Gas_Submit() public {
        vm.prank(provider);
        vm.startSnapshotGas("submit");
        escrow.submit(fundedJob, DELIVERABLE, "");
        vm.stopSnapshotGas();
        _assertStatus(fundedJob, IAgentEscrow.JobStatus.Submitted);
    }

    function test_Gas_Complete() public {
        vm.prank(client);
        vm.startSnapshotGas("complete");
        escrow.complete(completeJob, REASON, "");
        vm.stopSnapshotGas();
        _assertStatus(completeJob, IAgentEscrow.JobStatus.Completed);
    }

    function test_Gas_Release() public {
        vm.warp(T0 + WINDOW);
        vm.prank(relayer);
        vm.startSnapshotGas("release");
        escrow.release(releaseJob);
        vm.stopSnapshotGas();
        _assertStatus(releaseJob, IAgentEscrow.JobStatus.Completed);
    }

    function test_Gas_SettleFromValidation() public {
        vm.prank(relayer);
        vm.startSnapshotGas("settleFromValidation");
        escrow.settleFromValidation(settleJob);
        vm.stopSnapshotGas();
        _assertStatus(settleJob, IAgentEscrow.JobStatus.Completed);
    }

    function test_Gas_ClaimRefund() public {
        vm.warp(EXPIRES);
        vm.prank(relayer);
        vm.startSnapshotGas("claimRefund");
        escrow.claimRefund(refundJob);
        vm.stopSnapshotGas();
        _assertStatus(refundJob, IAgentEscrow.JobStatus.Expired);
    }

    function test_Gas_CreateJobSetBudgetFund() public {
        vm.startPrank(client);
        vm.startSnapshotGas("createJob+setBudget+fund");
        uint256 jobId = escrow.createJob(provider, evaluator, EXPIRES, "write a report", address(0));
        escrow.setBudget(jobId, PRICE, "");
        escrow.fund(jobId, PRICE, "");
        vm.stopSnapshotGas();
        vm.stopPrank();
        _assertStatus(jobId, IAgentEscrow.JobStatus.Funded);
    }
}
