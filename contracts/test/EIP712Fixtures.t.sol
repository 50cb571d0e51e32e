// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test, Vm} from "./utils/Test.sol";
import {IdentityRegistry} from "../src/IdentityRegistry.sol";
import {ValidationRegistry} from "../src/ValidationRegistry.sol";
import {AgentEscrow} from "../src/AgentEscrow.sol";
import {Deploy} from "./utils/Deploy.sol";
import {TestUSD} from "../src/TestUSD.sol";
import {IAgentEscrow} from "../src/interfaces/IAgentEscrow.sol";
import {MandateRegistry} from "../src/MandateRegistry.sol";
import {IMandateRegistry} from "../src/interfaces/IMandateRegistry.sol";

/// @notice Checks the contracts against the EIP-712 vectors in testdata/eip712, which Foundry's cast signed
/// (scripts/eip712-fixtures.sh) independently of this code and of the Go code. Each fixture names its domain's
/// chain id and verifying contract: the contract's runtime code is etched there and the chain id switched, so that
/// OpenZeppelin's EIP712 rebuilds the domain separator for that address and chain, and the contract's digest must
/// equal the fixture's. The fixture's signature must recover to its signer with plain ecrecover. No contract hashes
/// the gateway's Heartbeat or the market's RFQ and Quote (verified off-chain): their digests are rebuilt here
/// from the type strings.
contract EIP712FixturesTest is Test {
    string internal constant DIR = "testdata/eip712";

    /// @dev eip712.HeartbeatType; domain AgoraGateway/1 with the Identity Registry as verifying contract.
    bytes32 internal constant APPROVALS_QUERY_TYPEHASH = keccak256("ApprovalsQuery(address approver,uint64 deadline)");
    bytes32 internal constant AUDIT_QUERY_TYPEHASH = keccak256("AuditQuery(address reader,uint64 deadline)");
    bytes32 internal constant POLICY_APPROVAL_TYPEHASH =
        keccak256("PolicyApproval(bytes32 approvalId,uint8 decision,uint64 deadline)");
    bytes32 internal constant HEARTBEAT_TYPEHASH = keccak256(
        "Heartbeat(uint256 agentId,uint8 status,uint256 price,address token,uint32 p95LatencyMs,uint32 capacity,uint64 expiresAt,uint256 nonce)"
    );

    /// @dev eip712.RFQType and eip712.QuoteType; domain AgoraEscrow/1 with the escrow as verifying contract.
    bytes32 internal constant RFQ_TYPEHASH = keccak256(
        "RFQ(address buyer,string capability,bytes32 inputSpecHash,address token,uint256 maxPrice,uint256 floorPrice,uint64 deliveryDeadline,uint32 quoteWindowMs,uint8 auction,uint256 providerAgentId,address validator,uint8 validationThreshold,address arbiter,uint64 reviewWindow,uint16 latePenaltyBps,uint256 nonce,uint64 expiry,uint256 mandateId)"
    );
    bytes32 internal constant QUOTE_TYPEHASH = keccak256(
        "Quote(bytes32 rfqId,uint256 providerAgentId,address provider,uint256 price,uint64 deliveryDeadline,bytes32 slaHash,uint256 nonce,uint64 validUntil)"
    );

    /// @dev An RFQ's encodeData words: the string capability is encoded as its keccak256.
    struct RFQWords {
        address buyer;
        bytes32 capabilityHash;
        bytes32 inputSpecHash;
        address token;
        uint256 maxPrice;
        uint256 floorPrice;
        uint64 deliveryDeadline;
        uint32 quoteWindowMs;
        uint8 auction;
        uint256 providerAgentId;
        address validator;
        uint8 validationThreshold;
        address arbiter;
        uint64 reviewWindow;
        uint16 latePenaltyBps;
        uint256 nonce;
        uint64 expiry;
        uint256 mandateId;
    }

    struct Quote {
        bytes32 rfqId;
        uint256 providerAgentId;
        address provider;
        uint256 price;
        uint64 deliveryDeadline;
        bytes32 slaHash;
        uint256 nonce;
        uint64 validUntil;
    }

    struct Heartbeat {
        uint256 agentId;
        uint8 status;
        uint256 price;
        address token;
        uint32 p95LatencyMs;
        uint32 capacity;
        uint64 expiresAt;
        uint256 nonce;
    }

    IdentityRegistry internal identity;
    AgentEscrow internal escrow;
    MandateRegistry internal mandates;

    function setUp() public {
        identity = new IdentityRegistry();
        ValidationRegistry validation = new ValidationRegistry(address(identity));
        TestUSD token = new TestUSD();
        (escrow, mandates) =
            Deploy.escrow(address(identity), address(validation), address(token), address(this), address(this), 0);
    }

    function test_FixtureDigests() public {
        Vm.DirEntry[] memory entries = vm.readDir(DIR);
        uint256 walletFixtures;
        uint256 agreementFixtures;
        uint256 heartbeatFixtures;
        uint256 rfqFixtures;
        uint256 quoteFixtures;
        uint256 mandateFixtures;
        uint256 approvalFixtures;
        uint256 policyApprovalFixtures;
        uint256 queryFixtures;
        uint256 auditQueryFixtures;
        for (uint256 i; i < entries.length; ++i) {
            if (entries[i].isDir || !_endsWith(entries[i].path, ".json")) continue;
            string memory json = vm.readFile(entries[i].path);
            string memory primaryType = vm.parseJsonString(json, ".typedData.primaryType");
            if (_eq(primaryType, "AgentWalletSet")) {
                _checkAgentWalletSet(json);
                ++walletFixtures;
            } else if (_eq(primaryType, "ServiceAgreement")) {
                _checkServiceAgreement(json);
                ++agreementFixtures;
            } else if (_eq(primaryType, "Heartbeat")) {
                _checkHeartbeat(json);
                ++heartbeatFixtures;
            } else if (_eq(primaryType, "RFQ")) {
                _checkRFQ(json);
                ++rfqFixtures;
            } else if (_eq(primaryType, "Quote")) {
                _checkQuote(json);
                ++quoteFixtures;
            } else if (_eq(primaryType, "Mandate")) {
                _checkMandate(json);
                ++mandateFixtures;
            } else if (_eq(primaryType, "ApprovalsQuery")) {
                _checkApprovalsQuery(json);
                ++queryFixtures;
            } else if (_eq(primaryType, "AuditQuery")) {
                _checkAuditQuery(json);
                ++auditQueryFixtures;
            } else if (_eq(primaryType, "PolicyApproval")) {
                _checkPolicyApproval(json);
                ++policyApprovalFixtures;
            } else if (_eq(primaryType, "MandateApproval")) {
                _checkMandateApproval(json);
                ++approvalFixtures;
            } else {
                revert(string.concat("unknown primaryType in ", entries[i].path));
            }
        }
        // An empty or missing directory must fail, not pass vacuously.
        assertTrue(walletFixtures >= 3, "fewer than 3 AgentWalletSet fixtures");
        assertTrue(agreementFixtures >= 3, "fewer than 3 ServiceAgreement fixtures");
        assertTrue(heartbeatFixtures >= 3, "fewer than 3 Heartbeat fixtures");
        assertTrue(rfqFixtures >= 3, "fewer than 3 RFQ fixtures");
        assertTrue(quoteFixtures >= 3, "fewer than 3 Quote fixtures");
        assertTrue(mandateFixtures >= 3, "fewer than 3 Mandate fixtures");
        assertTrue(approvalFixtures >= 3, "fewer than 3 MandateApproval fixtures");
        assertTrue(policyApprovalFixtures >= 3, "fewer than 3 PolicyApproval fixtures");
        assertTrue(queryFixtures >= 3, "fewer than 3 ApprovalsQuery fixtures");
        assertTrue(auditQueryFixtures >= 3, "fewer than 3 AuditQuery fixtures");
    }

    /// @dev The gateway's ApprovalsQuery (verified off-chain, under AgoraGateway/1 naming the Identity Registry).
    function _checkApprovalsQuery(string memory json) internal pure {
        string memory m = ".typedData.message.";
        bytes32 structHash = keccak256(
            abi.encode(
                APPROVALS_QUERY_TYPEHASH,
                vm.parseJsonAddress(json, string.concat(m, "approver")),
                uint64(vm.parseJsonUint(json, string.concat(m, "deadline")))
            )
        );
        _checkGatewayDigest(json, structHash);
    }

    /// @dev The gateway's AuditQuery (verified off-chain, under AgoraGateway/1 naming the Identity Registry).
    function _checkAuditQuery(string memory json) internal pure {
        string memory m = ".typedData.message.";
        bytes32 structHash = keccak256(
            abi.encode(
                AUDIT_QUERY_TYPEHASH,
                vm.parseJsonAddress(json, string.concat(m, "reader")),
                uint64(vm.parseJsonUint(json, string.concat(m, "deadline")))
            )
        );
        _checkGatewayDigest(json, structHash);
    }

    /// @dev keccak256(0x1901 || the gateway's domain separator || structHash) against the fixture.
    function _checkGatewayDigest(string memory json, bytes32 structHash) internal pure {
        assertEq(vm.parseJsonString(json, ".typedData.domain.name"), "AgoraGateway", "gateway domain name");
        bytes32 domainSeparator = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("AgoraGateway"),
                keccak256("1"),
                vm.parseJsonUint(json, ".typedData.domain.chainId"),
                vm.parseJsonAddress(json, ".typedData.domain.verifyingContract")
            )
        );
        _checkDigestAndSigner(
            json,
            vm.parseJsonString(json, ".name"),
            keccak256(abi.encodePacked("\x19\x01", domainSeparator, structHash))
        );
    }

    /// @dev The gateway's PolicyApproval (verified off-chain, under AgoraGateway/1 naming the Identity Registry).
    function _checkPolicyApproval(string memory json) internal pure {
        string memory m = ".typedData.message.";
        bytes32 structHash = keccak256(
            abi.encode(
                POLICY_APPROVAL_TYPEHASH,
                vm.parseJsonBytes32(json, string.concat(m, "approvalId")),
                uint8(vm.parseJsonUint(json, string.concat(m, "decision"))),
                uint64(vm.parseJsonUint(json, string.concat(m, "deadline")))
            )
        );
        _checkGatewayDigest(json, structHash);
    }

    function _checkMandate(string memory json) internal {
        string memory name = vm.parseJsonString(json, ".name");
        string memory m = ".typedData.message.";
        IMandateRegistry.MandateTerms memory t;
        t.principal = vm.parseJsonAddress(json, string.concat(m, "principal"));
        t.agentId = vm.parseJsonUint(json, string.concat(m, "agentId"));
        t.agent = vm.parseJsonAddress(json, string.concat(m, "agent"));
        t.token = vm.parseJsonAddress(json, string.concat(m, "token"));
        t.maxPerJob = vm.parseJsonUint(json, string.concat(m, "maxPerJob"));
        t.budget = vm.parseJsonUint(json, string.concat(m, "budget"));
        t.period = uint64(vm.parseJsonUint(json, string.concat(m, "period")));
        t.validAfter = uint64(vm.parseJsonUint(json, string.concat(m, "validAfter")));
        t.validUntil = uint64(vm.parseJsonUint(json, string.concat(m, "validUntil")));
        t.payees = vm.parseJsonUintArray(json, string.concat(m, "payees"));
        t.specs = vm.parseJsonBytes32Array(json, string.concat(m, "specs"));
        t.approvers = vm.parseJsonAddressArray(json, string.concat(m, "approvers"));
        t.quorum = uint8(vm.parseJsonUint(json, string.concat(m, "quorum")));
        t.escalateAbove = vm.parseJsonUint(json, string.concat(m, "escalateAbove"));
        t.quorumHigh = uint8(vm.parseJsonUint(json, string.concat(m, "quorumHigh")));
        t.timelockAbove = vm.parseJsonUint(json, string.concat(m, "timelockAbove"));
        t.timelock = uint64(vm.parseJsonUint(json, string.concat(m, "timelock")));
        MandateRegistry target = MandateRegistry(_etchAt(json, address(mandates)));
        bytes32 got = target.hashMandate(
            t, vm.parseJsonUint(json, string.concat(m, "nonce")), vm.parseJsonUint(json, string.concat(m, "deadline"))
        );
        _checkDigestAndSigner(json, name, got);
    }

    function _checkMandateApproval(string memory json) internal {
        string memory name = vm.parseJsonString(json, ".name");
        string memory m = ".typedData.message.";
        MandateRegistry target = MandateRegistry(_etchAt(json, address(mandates)));
        bytes32 got = target.hashApproval(
            vm.parseJsonUint(json, string.concat(m, "mandateId")),
            vm.parseJsonBytes32(json, string.concat(m, "agreementHash")),
            vm.parseJsonUint(json, string.concat(m, "deadline"))
        );
        _checkDigestAndSigner(json, name, got);
    }

    /// @dev Guards the harness: a fixture whose message was changed must no longer match.
    function test_TamperedAgreementDoesNotMatch() public {
        string memory json = vm.readFile(string.concat(DIR, "/service_agreement_validated.json"));
        IAgentEscrow.ServiceAgreement memory a = _agreement(json);
        a.latePenaltyBps += 1;
        bytes32 want = vm.parseJsonBytes32(json, ".digest");
        AgentEscrow target = AgentEscrow(_etchAt(json, address(escrow)));
        assertTrue(target.hashAgreement(a) != want, "tampered agreement still matches the fixture digest");
    }

    function _checkAgentWalletSet(string memory json) internal {
        string memory name = vm.parseJsonString(json, ".name");
        string memory m = ".typedData.message";
        IdentityRegistry target = IdentityRegistry(_etchAt(json, address(identity)));
        bytes32 got = target.agentWalletSetDigest(
            vm.parseJsonUint(json, string.concat(m, ".agentId")),
            vm.parseJsonAddress(json, string.concat(m, ".newWallet")),
            vm.parseJsonAddress(json, string.concat(m, ".owner")),
            vm.parseJsonUint(json, string.concat(m, ".deadline"))
        );
        _checkDigestAndSigner(json, name, got);
    }

    function _checkServiceAgreement(string memory json) internal {
        string memory name = vm.parseJsonString(json, ".name");
        AgentEscrow target = AgentEscrow(_etchAt(json, address(escrow)));
        _checkDigestAndSigner(json, name, target.hashAgreement(_agreement(json)));
    }

    function _checkHeartbeat(string memory json) internal pure {
        string memory m = ".typedData.message.";
        Heartbeat memory h;
        h.agentId = vm.parseJsonUint(json, string.concat(m, "agentId"));
        h.status = uint8(vm.parseJsonUint(json, string.concat(m, "status")));
        h.price = vm.parseJsonUint(json, string.concat(m, "price"));
        h.token = vm.parseJsonAddress(json, string.concat(m, "token"));
        h.p95LatencyMs = uint32(vm.parseJsonUint(json, string.concat(m, "p95LatencyMs")));
        h.capacity = uint32(vm.parseJsonUint(json, string.concat(m, "capacity")));
        h.expiresAt = uint64(vm.parseJsonUint(json, string.concat(m, "expiresAt")));
        h.nonce = vm.parseJsonUint(json, string.concat(m, "nonce"));
        assertEq(vm.parseJsonString(json, ".typedData.domain.name"), "AgoraGateway", "heartbeat domain name");
        _checkDigestAndSigner(
            json,
            vm.parseJsonString(json, ".name"),
            _heartbeatDigest(
                h,
                vm.parseJsonUint(json, ".typedData.domain.chainId"),
                vm.parseJsonAddress(json, ".typedData.domain.verifyingContract")
            )
        );
    }

    function _checkRFQ(string memory json) internal pure {
        string memory m = ".typedData.message.";
        RFQWords memory r;
        r.buyer = vm.parseJsonAddress(json, string.concat(m, "buyer"));
        r.capabilityHash = keccak256(bytes(vm.parseJsonString(json, string.concat(m, "capability"))));
        r.inputSpecHash = vm.parseJsonBytes32(json, string.concat(m, "inputSpecHash"));
        r.token = vm.parseJsonAddress(json, string.concat(m, "token"));
        r.maxPrice = vm.parseJsonUint(json, string.concat(m, "maxPrice"));
        r.floorPrice = vm.parseJsonUint(json, string.concat(m, "floorPrice"));
        r.deliveryDeadline = uint64(vm.parseJsonUint(json, string.concat(m, "deliveryDeadline")));
        r.quoteWindowMs = uint32(vm.parseJsonUint(json, string.concat(m, "quoteWindowMs")));
        r.auction = uint8(vm.parseJsonUint(json, string.concat(m, "auction")));
        r.providerAgentId = vm.parseJsonUint(json, string.concat(m, "providerAgentId"));
        r.validator = vm.parseJsonAddress(json, string.concat(m, "validator"));
        r.validationThreshold = uint8(vm.parseJsonUint(json, string.concat(m, "validationThreshold")));
        r.arbiter = vm.parseJsonAddress(json, string.concat(m, "arbiter"));
        r.reviewWindow = uint64(vm.parseJsonUint(json, string.concat(m, "reviewWindow")));
        r.latePenaltyBps = uint16(vm.parseJsonUint(json, string.concat(m, "latePenaltyBps")));
        r.nonce = vm.parseJsonUint(json, string.concat(m, "nonce"));
        r.expiry = uint64(vm.parseJsonUint(json, string.concat(m, "expiry")));
        r.mandateId = vm.parseJsonUint(json, string.concat(m, "mandateId"));
        _checkMarket(json, keccak256(abi.encode(RFQ_TYPEHASH, r)));
    }

    function _checkQuote(string memory json) internal pure {
        string memory m = ".typedData.message.";
        Quote memory q;
        q.rfqId = vm.parseJsonBytes32(json, string.concat(m, "rfqId"));
        q.providerAgentId = vm.parseJsonUint(json, string.concat(m, "providerAgentId"));
        q.provider = vm.parseJsonAddress(json, string.concat(m, "provider"));
        q.price = vm.parseJsonUint(json, string.concat(m, "price"));
        q.deliveryDeadline = uint64(vm.parseJsonUint(json, string.concat(m, "deliveryDeadline")));
        q.slaHash = vm.parseJsonBytes32(json, string.concat(m, "slaHash"));
        q.nonce = vm.parseJsonUint(json, string.concat(m, "nonce"));
        q.validUntil = uint64(vm.parseJsonUint(json, string.concat(m, "validUntil")));
        _checkMarket(json, keccak256(abi.encode(QUOTE_TYPEHASH, q)));
    }

    /// @dev A market message (RFQ or Quote) under AgoraEscrow/1: its digest from hashStruct.
    function _checkMarket(string memory json, bytes32 structHash) internal pure {
        assertEq(vm.parseJsonString(json, ".typedData.domain.name"), "AgoraEscrow", "market domain name");
        bytes32 domainSeparator = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("AgoraEscrow"),
                keccak256("1"),
                vm.parseJsonUint(json, ".typedData.domain.chainId"),
                vm.parseJsonAddress(json, ".typedData.domain.verifyingContract")
            )
        );
        _checkDigestAndSigner(
            json,
            vm.parseJsonString(json, ".name"),
            keccak256(abi.encodePacked("\x19\x01", domainSeparator, structHash))
        );
    }

    /// @dev keccak256(0x1901 || domainSeparator || hashStruct(h)); every member is static, so abi.encode of the
    /// struct is its members' words in order (EIP-712 encodeData).
    function _heartbeatDigest(Heartbeat memory h, uint256 chainId, address registry) internal pure returns (bytes32) {
        bytes32 domainSeparator = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("AgoraGateway"),
                keccak256("1"),
                chainId,
                registry
            )
        );
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator, keccak256(abi.encode(HEARTBEAT_TYPEHASH, h))));
    }

    function _agreement(string memory json) internal pure returns (IAgentEscrow.ServiceAgreement memory a) {
        string memory m = ".typedData.message.";
        a.providerAgentId = vm.parseJsonUint(json, string.concat(m, "providerAgentId"));
        a.client = vm.parseJsonAddress(json, string.concat(m, "client"));
        a.provider = vm.parseJsonAddress(json, string.concat(m, "provider"));
        a.token = vm.parseJsonAddress(json, string.concat(m, "token"));
        a.price = vm.parseJsonUint(json, string.concat(m, "price"));
        a.deliveryDeadline = uint64(vm.parseJsonUint(json, string.concat(m, "deliveryDeadline")));
        a.expiredAt = uint64(vm.parseJsonUint(json, string.concat(m, "expiredAt")));
        a.deliverableSpecHash = vm.parseJsonBytes32(json, string.concat(m, "deliverableSpecHash"));
        a.slaHash = vm.parseJsonBytes32(json, string.concat(m, "slaHash"));
        a.validator = vm.parseJsonAddress(json, string.concat(m, "validator"));
        a.validationThreshold = uint8(vm.parseJsonUint(json, string.concat(m, "validationThreshold")));
        a.arbiter = vm.parseJsonAddress(json, string.concat(m, "arbiter"));
        a.reviewWindow = uint64(vm.parseJsonUint(json, string.concat(m, "reviewWindow")));
        a.latePenaltyBps = uint16(vm.parseJsonUint(json, string.concat(m, "latePenaltyBps")));
        a.nonce = vm.parseJsonUint(json, string.concat(m, "nonce"));
        a.expiry = vm.parseJsonUint(json, string.concat(m, "expiry"));
        a.mandateId = vm.parseJsonUint(json, string.concat(m, "mandateId"));
    }

    /// @dev Puts `template`'s runtime code at the fixture's verifying contract and switches to its chain id.
    function _etchAt(string memory json, address template) internal returns (address target) {
        target = vm.parseJsonAddress(json, ".typedData.domain.verifyingContract");
        vm.chainId(vm.parseJsonUint(json, ".typedData.domain.chainId"));
        vm.etch(target, template.code);
    }

    function _checkDigestAndSigner(string memory json, string memory name, bytes32 got) internal pure {
        bytes32 want = vm.parseJsonBytes32(json, ".digest");
        assertEq(got, want, string.concat(name, ": contract digest"));

        bytes memory sig = vm.parseJsonBytes(json, ".signature");
        assertEq(sig.length, 65, string.concat(name, ": signature length"));
        (bytes32 r, bytes32 s) = abi.decode(sig, (bytes32, bytes32));
        address recovered = ecrecover(want, uint8(sig[64]), r, s);
        assertEq(recovered, vm.parseJsonAddress(json, ".signer"), string.concat(name, ": ecrecover"));
    }

    function _eq(string memory a, string memory b) internal pure returns (bool) {
        return keccak256(bytes(a)) == keccak256(bytes(b));
    }

    function _endsWith(string memory s, string memory suffix) internal pure returns (bool) {
        bytes memory b = bytes(s);
        bytes memory x = bytes(suffix);
        if (b.length < x.length) return false;
        for (uint256 i; i < x.length; ++i) {
            if (b[b.length - x.length + i] != x[i]) return false;
        }
        return true;
    }
}
