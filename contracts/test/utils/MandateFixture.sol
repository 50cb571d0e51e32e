// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EscrowFixture} from "./EscrowFixture.sol";
import {IAgentEscrow} from "../../src/interfaces/IAgentEscrow.sol";
import {IMandateRegistry} from "../../src/interfaces/IMandateRegistry.sol";

/// @notice Shared set-up for the mandate suites, on top of EscrowFixture: the fixture's client is an agent (it owns
/// agent 2, and its wallet signs agreements as the client); a principal holding TestUSD that approved the escrow
/// grants it mandates; a guardian; three approvers with keys. The default terms are the seed example of
/// docs/governance.md in 6-decimal TestUSD: up to $100 autonomous, $100 to $1,000 one approval, above $1,000 two
/// approvals and a 24-hour timelock; at most $5,000 a job and $10,000 per 30 days; one payee (the fixture's
/// provider) and one specification.
abstract contract MandateFixture is EscrowFixture {
    uint256 internal constant USD = 1e6;
    /// @dev T0 as a uint64, for the mandate's and the agreement's time fields.
    uint64 internal constant START = 1_700_000_000;
    uint256 internal constant MAX_PER_JOB = 5_000 * USD;
    uint256 internal constant BUDGET = 10_000 * USD;
    uint64 internal constant PERIOD = 30 days;
    uint64 internal constant VALID_UNTIL = 1_700_000_000 + 365 days;
    uint256 internal constant ESCALATE_ABOVE = 100 * USD;
    uint256 internal constant TIMELOCK_ABOVE = 1_000 * USD;
    uint64 internal constant TIMELOCK = 24 hours;
    bytes32 internal constant SPEC = keccak256("spec");
    uint256 internal constant PRINCIPAL_FUNDS = 1e9 * USD;

    address internal principal;
    uint256 internal principalKey;
    address internal guardian;
    address internal approver1;
    uint256 internal approver1Key;
    address internal approver2;
    uint256 internal approver2Key;
    address internal approver3;
    uint256 internal approver3Key;
    /// @dev The agent the mandates are for: the fixture's client is its owner and wallet.
    uint256 internal agentId;
    uint256 internal nextNonce = 1000;

    function setUp() public virtual override {
        super.setUp();
        (principal, principalKey) = makeAddrAndKey("principal");
        guardian = makeAddr("guardian");
        (approver1, approver1Key) = makeAddrAndKey("approver1");
        (approver2, approver2Key) = makeAddrAndKey("approver2");
        (approver3, approver3Key) = makeAddrAndKey("approver3");
        vm.prank(client);
        agentId = identity.register();
        _mintAndApprove(usd, principal, PRINCIPAL_FUNDS);
    }

    // ------------------------------------------------------------------ terms

    /// @dev The seed example's terms (see the contract notes).
    function _terms() internal view returns (IMandateRegistry.MandateTerms memory t) {
        uint256[] memory payees = new uint256[](1);
        payees[0] = providerAgentId;
        bytes32[] memory specs = new bytes32[](1);
        specs[0] = SPEC;
        address[] memory approvers = new address[](3);
        approvers[0] = approver1;
        approvers[1] = approver2;
        approvers[2] = approver3;
        t = IMandateRegistry.MandateTerms({
            principal: principal,
            agentId: agentId,
            agent: client,
            token: address(usd),
            maxPerJob: MAX_PER_JOB,
            budget: BUDGET,
            period: PERIOD,
            validAfter: START,
            validUntil: VALID_UNTIL,
            payees: payees,
            specs: specs,
            approvers: approvers,
            quorum: 1,
            escalateAbove: ESCALATE_ABOVE,
            quorumHigh: 2,
            timelockAbove: TIMELOCK_ABOVE,
            timelock: TIMELOCK
        });
    }

    /// @dev Terms with nothing but caps: any payee, any spec, no approvers, every price autonomous.
    function _openTerms(uint256 maxPerJob, uint256 budget, uint64 period)
        internal
        view
        returns (IMandateRegistry.MandateTerms memory t)
    {
        t = _terms();
        t.maxPerJob = maxPerJob;
        t.budget = budget;
        t.period = period;
        t.payees = new uint256[](0);
        t.specs = new bytes32[](0);
        t.approvers = new address[](0);
        t.quorum = 0;
        t.quorumHigh = 0;
        t.escalateAbove = maxPerJob;
        t.timelockAbove = maxPerJob;
        t.timelock = 0;
    }

    /// @dev `n` distinct labelled approvers.
    function _approvers(uint256 n) internal returns (address[] memory list) {
        list = new address[](n);
        for (uint256 i; i < n; ++i) {
            list[i] = makeAddr(string.concat("approver#", vm.toString(i)));
        }
    }

    function _grant(IMandateRegistry.MandateTerms memory t) internal returns (uint256 mandateId) {
        vm.prank(t.principal);
        mandateId = mandates.grant(t);
    }

    function _grant() internal returns (uint256) {
        return _grant(_terms());
    }

    function _expectGrantRevert(IMandateRegistry.MandateTerms memory t, bytes memory err) internal {
        vm.prank(t.principal);
        vm.expectRevert(err);
        mandates.grant(t);
    }

    // ------------------------------------------------------------------ agreements under a mandate

    /// @dev Default agreement terms with the agent as client, naming the mandate, at `price`, with deadlines
    /// relative to now and a fresh nonce.
    function _mAgreement(uint256 mandateId, uint256 price) internal returns (IAgentEscrow.ServiceAgreement memory a) {
        a = _agreement();
        a.mandateId = mandateId;
        a.price = price;
        a.deliveryDeadline = uint64(block.timestamp + 1 days);
        a.expiredAt = uint64(block.timestamp + 7 days);
        a.expiry = block.timestamp + 1 hours;
        a.nonce = nextNonce++;
    }

    /// @dev Signs with the agent's (client's) and provider's keys and sends from the relayer.
    function _fund(IAgentEscrow.ServiceAgreement memory a) internal returns (uint256) {
        return _createAgreementJob(a);
    }

    function _fund(uint256 mandateId, uint256 price) internal returns (uint256) {
        return _createAgreementJob(_mAgreement(mandateId, price));
    }

    function _expectFundRevert(IAgentEscrow.ServiceAgreement memory a, bytes memory err) internal {
        bytes memory cs = _sign(clientKey, a);
        bytes memory ps = _sign(providerKey, a);
        vm.prank(relayer);
        vm.expectRevert(err);
        escrow.createJobFromAgreement(a, cs, ps);
    }

    /// @dev The first `n` approvers approve the agreement on chain.
    function _approveBy(uint256 mandateId, IAgentEscrow.ServiceAgreement memory a, uint256 n) internal {
        address[3] memory list = [approver1, approver2, approver3];
        bytes32 h = escrow.hashAgreement(a);
        for (uint256 i; i < n; ++i) {
            vm.prank(list[i]);
            mandates.approve(mandateId, h);
        }
    }

    function _remaining(uint256 mandateId) internal view returns (uint256 amount) {
        (amount,) = mandates.remaining(mandateId);
    }

    function _spent(uint256 mandateId) internal view returns (uint256) {
        return mandates.getMandate(mandateId).spent;
    }

    // ------------------------------------------------------------------ independent EIP-712 encodings

    /// @dev The Mandate type, written out here rather than read from the registry.
    bytes32 internal constant MANDATE_TYPEHASH_STRING = keccak256(
        "Mandate(address principal,uint256 agentId,address agent,address token,uint256 maxPerJob,uint256 budget,uint64 period,uint64 validAfter,uint64 validUntil,uint256[] payees,bytes32[] specs,address[] approvers,uint8 quorum,uint256 escalateAbove,uint8 quorumHigh,uint256 timelockAbove,uint64 timelock,uint256 nonce,uint256 deadline)"
    );
    bytes32 internal constant APPROVAL_TYPEHASH_STRING =
        keccak256("MandateApproval(uint256 mandateId,bytes32 agreementHash,uint256 deadline)");

    function _mandateDomain(uint256 chainId, address verifyingContract) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("AgoraMandates"),
                keccak256("1"),
                chainId,
                verifyingContract
            )
        );
    }

    /// @dev EIP-712 encodes an array as the hash of its members' 32-byte encodings, one after the other.
    function _hashWords(uint256[] memory xs) internal pure returns (bytes32) {
        bytes memory b;
        for (uint256 i; i < xs.length; ++i) {
            b = bytes.concat(b, bytes32(xs[i]));
        }
        return keccak256(b);
    }

    function _hashWords(bytes32[] memory xs) internal pure returns (bytes32) {
        bytes memory b;
        for (uint256 i; i < xs.length; ++i) {
            b = bytes.concat(b, xs[i]);
        }
        return keccak256(b);
    }

    function _hashWords(address[] memory xs) internal pure returns (bytes32) {
        bytes memory b;
        for (uint256 i; i < xs.length; ++i) {
            b = bytes.concat(b, bytes32(uint256(uint160(xs[i]))));
        }
        return keccak256(b);
    }

    function _mandateStructHash(IMandateRegistry.MandateTerms memory t, uint256 nonce, uint256 deadline)
        internal
        pure
        returns (bytes32)
    {
        bytes memory head = abi.encode(
            MANDATE_TYPEHASH_STRING,
            t.principal,
            t.agentId,
            t.agent,
            t.token,
            t.maxPerJob,
            t.budget,
            uint256(t.period),
            uint256(t.validAfter),
            uint256(t.validUntil)
        );
        bytes memory tail = abi.encode(
            _hashWords(t.payees),
            _hashWords(t.specs),
            _hashWords(t.approvers),
            uint256(t.quorum),
            t.escalateAbove,
            uint256(t.quorumHigh),
            t.timelockAbove,
            uint256(t.timelock),
            nonce,
            deadline
        );
        return keccak256(bytes.concat(head, tail));
    }

    function _mandateDigest(
        IMandateRegistry.MandateTerms memory t,
        uint256 nonce,
        uint256 deadline,
        uint256 chainId,
        address verifyingContract
    ) internal pure returns (bytes32) {
        return keccak256(
            abi.encodePacked(
                "\x19\x01", _mandateDomain(chainId, verifyingContract), _mandateStructHash(t, nonce, deadline)
            )
        );
    }

    function _mandateDigest(IMandateRegistry.MandateTerms memory t, uint256 nonce, uint256 deadline)
        internal
        view
        returns (bytes32)
    {
        return _mandateDigest(t, nonce, deadline, block.chainid, address(mandates));
    }

    function _approvalDigest(uint256 mandateId, bytes32 agreementHash, uint256 deadline)
        internal
        view
        returns (bytes32)
    {
        bytes32 structHash = keccak256(abi.encode(APPROVAL_TYPEHASH_STRING, mandateId, agreementHash, deadline));
        return keccak256(abi.encodePacked("\x19\x01", _mandateDomain(block.chainid, address(mandates)), structHash));
    }

    // ------------------------------------------------------------------ errors

    function _err(bytes4 selector) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(selector);
    }

    function _err(bytes4 selector, uint256 x) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(selector, x);
    }

    function _err(bytes4 selector, address x) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(selector, x);
    }
}
