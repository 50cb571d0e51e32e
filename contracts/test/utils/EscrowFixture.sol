// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "./Test.sol";
import {AgentEscrow} from "../../src/AgentEscrow.sol";
import {MandateRegistry} from "../../src/MandateRegistry.sol";
import {Deploy} from "./Deploy.sol";
import {IAgentEscrow} from "../../src/interfaces/IAgentEscrow.sol";
import {IdentityRegistry} from "../../src/IdentityRegistry.sol";
import {ValidationRegistry} from "../../src/ValidationRegistry.sol";
import {TestUSD} from "../../src/TestUSD.sol";
import {MockERC20} from "../mocks/MockERC20.sol";

/// @notice Shared set-up for the escrow suites: real ERC-8004 Identity and Validation registries, TestUSD as the
/// default token, a second 18-decimal token, an escrow charging FEE_BPS, named actors, and a provider that owns
/// agent 1 (agent 0 belongs to a filler, so id 0 never passes by accident).
abstract contract EscrowFixture is Test {
    uint256 internal constant T0 = 1_700_000_000;
    uint16 internal constant FEE_BPS = 250;
    uint256 internal constant PRICE = 1_000e6;
    uint64 internal constant DELIVERY = 1_700_000_000 + 1 days;
    uint64 internal constant EXPIRES = 1_700_000_000 + 7 days;
    uint64 internal constant WINDOW = 3 days;
    uint16 internal constant PENALTY_BPS = 1_000;
    bytes32 internal constant DELIVERABLE = keccak256("ipfs://deliverable");
    bytes32 internal constant REASON = keccak256("reason");

    bytes32 internal constant TYPEHASH_STRING = keccak256(
        "ServiceAgreement(uint256 providerAgentId,address client,address provider,address token,uint256 price,uint64 deliveryDeadline,uint64 expiredAt,bytes32 deliverableSpecHash,bytes32 slaHash,address validator,uint8 validationThreshold,address arbiter,uint64 reviewWindow,uint16 latePenaltyBps,uint256 nonce,uint256 expiry,uint256 mandateId)"
    );

    IdentityRegistry internal identity;
    ValidationRegistry internal validation;
    TestUSD internal usd;
    MockERC20 internal dai;
    AgentEscrow internal escrow;
    MandateRegistry internal mandates;

    address internal owner;
    address internal feeRecipient;
    address internal client;
    uint256 internal clientKey;
    address internal provider;
    uint256 internal providerKey;
    address internal evaluator;
    address internal arbiter;
    address internal validator;
    address internal relayer;
    address internal stranger;
    uint256 internal providerAgentId;

    function setUp() public virtual {
        vm.warp(T0);
        owner = makeAddr("owner");
        feeRecipient = makeAddr("feeRecipient");
        (client, clientKey) = makeAddrAndKey("client");
        (provider, providerKey) = makeAddrAndKey("provider");
        evaluator = makeAddr("evaluator");
        arbiter = makeAddr("arbiter");
        validator = makeAddr("validator");
        relayer = makeAddr("relayer");
        stranger = makeAddr("stranger");

        identity = new IdentityRegistry();
        validation = new ValidationRegistry(address(identity));
        usd = new TestUSD();
        dai = new MockERC20("Mock DAI", "mDAI", 18);
        (escrow, mandates) =
            Deploy.escrow(address(identity), address(validation), address(usd), owner, feeRecipient, FEE_BPS);

        vm.prank(makeAddr("filler"));
        identity.register();
        vm.prank(provider);
        providerAgentId = identity.register("https://agents.example/provider.json");

        _mintAndApprove(usd, client, 1e12 * 1e6);
        _mintAndApprove(dai, client, 1e12 * 1e18);
    }

    // ------------------------------------------------------------------ tokens

    function _mintAndApprove(TestUSD token, address who, uint256 amount) internal {
        token.mint(who, amount);
        vm.prank(who);
        token.approve(address(escrow), type(uint256).max);
    }

    function _mintAndApprove(MockERC20 token, address who, uint256 amount) internal {
        token.mint(who, amount);
        vm.prank(who);
        token.approve(address(escrow), type(uint256).max);
    }

    // ------------------------------------------------------------------ agreements

    /// @dev Valid default terms: arbiter, no validator, 10% late penalty, 3-day review window.
    function _agreement() internal view returns (IAgentEscrow.ServiceAgreement memory a) {
        a = IAgentEscrow.ServiceAgreement({
            providerAgentId: providerAgentId,
            client: client,
            provider: provider,
            token: address(usd),
            price: PRICE,
            deliveryDeadline: DELIVERY,
            expiredAt: EXPIRES,
            deliverableSpecHash: keccak256("spec"),
            slaHash: keccak256("sla"),
            validator: address(0),
            validationThreshold: 0,
            arbiter: arbiter,
            reviewWindow: WINDOW,
            latePenaltyBps: PENALTY_BPS,
            nonce: 1,
            expiry: T0 + 1 hours,
            mandateId: 0
        });
    }

    /// @dev Default terms naming the validator with threshold 70.
    function _validatedAgreement() internal view returns (IAgentEscrow.ServiceAgreement memory a) {
        a = _agreement();
        a.validator = validator;
        a.validationThreshold = 70;
    }

    function _sign(uint256 key, IAgentEscrow.ServiceAgreement memory a) internal view returns (bytes memory) {
        return signDigest(key, escrow.hashAgreement(a));
    }

    /// @dev Signs with the default client and provider keys and sends from the relayer.
    function _createAgreementJob(IAgentEscrow.ServiceAgreement memory a) internal returns (uint256 jobId) {
        bytes memory cs = _sign(clientKey, a);
        bytes memory ps = _sign(providerKey, a);
        vm.prank(relayer);
        jobId = escrow.createJobFromAgreement(a, cs, ps);
    }

    function _createAgreementJob() internal returns (uint256 jobId) {
        return _createAgreementJob(_agreement());
    }

    /// @dev An independent EIP-712 digest (no call into the escrow's hashing).
    function _digest(IAgentEscrow.ServiceAgreement memory a, uint256 chainId, address verifyingContract)
        internal
        pure
        returns (bytes32)
    {
        bytes32 domainSeparator = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("AgoraEscrow"),
                keccak256("1"),
                chainId,
                verifyingContract
            )
        );
        bytes memory head = abi.encode(
            TYPEHASH_STRING,
            a.providerAgentId,
            a.client,
            a.provider,
            a.token,
            a.price,
            uint256(a.deliveryDeadline),
            uint256(a.expiredAt),
            a.deliverableSpecHash
        );
        bytes memory tail = abi.encode(
            a.slaHash,
            a.validator,
            uint256(a.validationThreshold),
            a.arbiter,
            uint256(a.reviewWindow),
            uint256(a.latePenaltyBps),
            a.nonce,
            a.expiry,
            a.mandateId
        );
        bytes32 structHash = keccak256(bytes.concat(head, tail));
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator, structHash));
    }

    // ------------------------------------------------------------------ plain jobs

    function _createPlainJob() internal returns (uint256 jobId) {
        vm.prank(client);
        jobId = escrow.createJob(provider, evaluator, EXPIRES, "write a report", address(0));
    }

    function _fundedPlainJob(uint256 budget) internal returns (uint256 jobId) {
        jobId = _createPlainJob();
        vm.prank(client);
        escrow.setBudget(jobId, budget, "");
        vm.prank(client);
        escrow.fund(jobId, budget, "");
    }

    function _fundedPlainJob() internal returns (uint256 jobId) {
        return _fundedPlainJob(PRICE);
    }

    function _submit(uint256 jobId) internal {
        vm.prank(escrow.getJob(jobId).provider);
        escrow.submit(jobId, DELIVERABLE, "");
    }

    function _submittedPlainJob() internal returns (uint256 jobId) {
        jobId = _fundedPlainJob();
        _submit(jobId);
    }

    // ------------------------------------------------------------------ errors and checks

    function _wrongStatus(uint256 jobId, IAgentEscrow.JobStatus status) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IAgentEscrow.WrongStatus.selector, jobId, status);
    }

    function _status(uint256 jobId) internal view returns (IAgentEscrow.JobStatus) {
        return escrow.getJob(jobId).status;
    }

    function _assertStatus(uint256 jobId, IAgentEscrow.JobStatus expected) internal view {
        assertEq(uint256(_status(jobId)), uint256(expected), "job status");
    }

    function _fee(uint256 amount, uint256 bps) internal pure returns (uint256) {
        return amount * bps / 10_000;
    }
}
