// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test, Vm} from "./utils/Test.sol";
import {ERC1271WalletMock} from "./mocks/ERC1271WalletMock.sol";
import {IdentityRegistry} from "../src/IdentityRegistry.sol";
import {IIdentityRegistry} from "../src/interfaces/IIdentityRegistry.sol";
import {IAgentWalletLookup} from "../src/interfaces/IAgentWalletLookup.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

/// @dev Accepts tokens and, while receiving one, records what the registry already shows for it.
contract SnoopingReceiver {
    IdentityRegistry internal immutable registry;
    string public seenURI;
    bytes public seenMetadata;
    address public seenWallet;
    uint256 public seenLookup;

    constructor(IdentityRegistry registry_) {
        registry = registry_;
    }

    function register(string calldata uri, IIdentityRegistry.MetadataEntry[] calldata metadata)
        external
        returns (uint256)
    {
        return registry.register(uri, metadata);
    }

    function onERC721Received(address, address, uint256 tokenId, bytes calldata) external returns (bytes4) {
        seenURI = registry.tokenURI(tokenId);
        seenMetadata = registry.getMetadata(tokenId, "k");
        seenWallet = registry.getAgentWallet(tokenId);
        seenLookup = registry.getAgentIdByWallet(address(this));
        return this.onERC721Received.selector;
    }
}

/// @dev A contract that cannot receive ERC-721 tokens.
contract NonReceiver {
    function register(IdentityRegistry registry) external returns (uint256) {
        return registry.register();
    }
}

contract IdentityRegistryTest is Test {
    bytes32 internal constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 internal constant WALLET_TYPEHASH =
        keccak256("AgentWalletSet(uint256 agentId,address newWallet,address owner,uint256 deadline)");
    string internal constant URI = "https://agents.example.com/registrations/agent.json";

    IdentityRegistry internal registry;
    address internal alice;
    address internal bob;
    address internal carol;
    address internal wallet;
    uint256 internal walletKey;

    function setUp() public {
        vm.warp(1_750_000_000);
        registry = new IdentityRegistry();
        alice = makeAddr("alice");
        bob = makeAddr("bob");
        carol = makeAddr("carol");
        (wallet, walletKey) = makeAddrAndKey("wallet");
    }

    // ------------------------------------------------------------------ helpers

    function _register(address who) internal returns (uint256 agentId) {
        vm.prank(who);
        agentId = registry.register();
    }

    function _entries(string memory k1, bytes memory v1, string memory k2, bytes memory v2)
        internal
        pure
        returns (IIdentityRegistry.MetadataEntry[] memory m)
    {
        m = new IIdentityRegistry.MetadataEntry[](2);
        m[0] = IIdentityRegistry.MetadataEntry(k1, v1);
        m[1] = IIdentityRegistry.MetadataEntry(k2, v2);
    }

    /// @dev The EIP-712 digest computed independently of the registry's view.
    function _digest(uint256 agentId, address newWallet, address owner, uint256 deadline)
        internal
        view
        returns (bytes32)
    {
        bytes32 domain = keccak256(
            abi.encode(
                DOMAIN_TYPEHASH, keccak256("ERC8004IdentityRegistry"), keccak256("1"), block.chainid, address(registry)
            )
        );
        bytes32 structHash = keccak256(abi.encode(WALLET_TYPEHASH, agentId, newWallet, owner, deadline));
        return keccak256(abi.encodePacked("\x19\x01", domain, structHash));
    }

    function _proof(uint256 key, uint256 agentId, address newWallet, address owner, uint256 deadline)
        internal
        view
        returns (bytes memory)
    {
        return signDigest(key, _digest(agentId, newWallet, owner, deadline));
    }

    function _setWallet(uint256 agentId, address owner, address newWallet, uint256 key) internal {
        uint256 deadline = block.timestamp + 60;
        bytes memory sig = _proof(key, agentId, newWallet, owner, deadline);
        vm.prank(owner);
        registry.setAgentWallet(agentId, newWallet, deadline, sig);
    }

    // ------------------------------------------------------------------ ERC-721 surface

    function test_NameSymbolAndInterfaces() public view {
        assertEq(registry.name(), "AgentIdentity");
        assertEq(registry.symbol(), "AGENT");
        assertTrue(registry.supportsInterface(0x80ac58cd), "ERC-721");
        assertTrue(registry.supportsInterface(0x5b5e139f), "ERC-721 metadata");
        assertTrue(registry.supportsInterface(0x01ffc9a7), "ERC-165");
        assertFalse(registry.supportsInterface(0xffffffff), "invalid id");
    }

    function test_RevertWhen_TokenURIOfUnknownAgent() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 7));
        registry.tokenURI(7);
    }

    // ------------------------------------------------------------------ register

    function test_Register_NumbersFromZero() public {
        assertEq(_register(alice), 0);
        assertEq(_register(bob), 1);
        assertEq(_register(alice), 2);
        assertEq(registry.ownerOf(0), alice);
        assertEq(registry.ownerOf(1), bob);
        assertEq(registry.balanceOf(alice), 2);
        assertEq(registry.tokenURI(0), "");
        assertEq(registry.getAgentWallet(1), bob);
    }

    function test_Register_EmitsTransferWalletThenRegistered() public {
        vm.expectEmit(address(registry));
        emit IERC721.Transfer(address(0), alice, 0);
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.MetadataSet(0, "agentWallet", "agentWallet", abi.encodePacked(alice));
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.Registered(0, "", alice);
        _register(alice);
    }

    function test_RegisterWithURI_StoresURIAndEmits() public {
        vm.expectEmit(address(registry));
        emit IERC721.Transfer(address(0), alice, 0);
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.MetadataSet(0, "agentWallet", "agentWallet", abi.encodePacked(alice));
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.Registered(0, URI, alice);
        vm.prank(alice);
        uint256 agentId = registry.register(URI);
        assertEq(agentId, 0);
        assertEq(registry.tokenURI(agentId), URI);
        assertEq(registry.getAgentWallet(agentId), alice);
    }

    function test_RegisterWithMetadata_EmitsInOrder() public {
        IIdentityRegistry.MetadataEntry[] memory m =
            _entries("ens", bytes("agent.eth"), "x402.payTo", abi.encodePacked(bob));
        _register(carol); // agent 0, so the checked id is 1

        vm.expectEmit(address(registry));
        emit IERC721.Transfer(address(0), alice, 1);
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.MetadataSet(1, "agentWallet", "agentWallet", abi.encodePacked(alice));
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.MetadataSet(1, "ens", "ens", bytes("agent.eth"));
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.MetadataSet(1, "x402.payTo", "x402.payTo", abi.encodePacked(bob));
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.Registered(1, URI, alice);
        vm.prank(alice);
        registry.register(URI, m);
    }

    function test_RegisterWithMetadata_ExactLogSequence() public {
        IIdentityRegistry.MetadataEntry[] memory m = _entries("a", hex"01", "b", hex"02");
        vm.recordLogs();
        vm.prank(alice);
        registry.register(URI, m);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(logs.length, 5, "exactly five logs");
        assertEq(logs[0].topics[0], IERC721.Transfer.selector);
        assertEq(logs[1].topics[0], IIdentityRegistry.MetadataSet.selector);
        assertEq(logs[1].topics[2], keccak256("agentWallet"));
        assertEq(logs[2].topics[2], keccak256("a"));
        assertEq(logs[3].topics[2], keccak256("b"));
        assertEq(logs[4].topics[0], IIdentityRegistry.Registered.selector);
    }

    function test_RegisterWithMetadata_StoresEntries() public {
        IIdentityRegistry.MetadataEntry[] memory m = _entries("ens", bytes("agent.eth"), "blob", new bytes(70));
        vm.prank(alice);
        uint256 agentId = registry.register(URI, m);
        assertEq(registry.getMetadata(agentId, "ens"), bytes("agent.eth"));
        assertEq(registry.getMetadata(agentId, "blob"), new bytes(70));
        assertEq(registry.getMetadata(agentId, "missing"), bytes(""));
        assertEq(registry.tokenURI(agentId), URI);
    }

    function test_RegisterWithMetadata_EmptyList() public {
        vm.prank(alice);
        uint256 agentId = registry.register(URI, new IIdentityRegistry.MetadataEntry[](0));
        assertEq(registry.tokenURI(agentId), URI);
        assertEq(registry.getAgentWallet(agentId), alice);
    }

    function test_RevertWhen_RegisterWithReservedKey() public {
        IIdentityRegistry.MetadataEntry[] memory m = _entries("ok", hex"01", "agentWallet", abi.encodePacked(bob));
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.ReservedMetadataKey.selector, "agentWallet"));
        vm.prank(alice);
        registry.register(URI, m);
    }

    function test_Register_ContractReceiverSeesCompleteState() public {
        SnoopingReceiver receiver = new SnoopingReceiver(registry);
        IIdentityRegistry.MetadataEntry[] memory m = new IIdentityRegistry.MetadataEntry[](1);
        m[0] = IIdentityRegistry.MetadataEntry("k", hex"c0ffee");
        _register(alice); // the receiver gets id 1, so a zero default cannot pass for a real lookup
        uint256 agentId = receiver.register(URI, m);
        assertEq(agentId, 1);
        assertEq(receiver.seenURI(), URI);
        assertEq(receiver.seenMetadata(), hex"c0ffee");
        assertEq(receiver.seenWallet(), address(receiver));
        assertEq(receiver.seenLookup(), 1);
    }

    function test_RevertWhen_RegisterFromNonReceiver() public {
        NonReceiver nr = new NonReceiver();
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721InvalidReceiver.selector, address(nr)));
        nr.register(registry);
    }

    function testFuzz_Register_URIRoundTrip(string calldata uri) public {
        vm.prank(alice);
        uint256 agentId = registry.register(uri);
        assertEq(registry.tokenURI(agentId), uri);
    }

    // ------------------------------------------------------------------ setAgentURI

    function test_SetAgentURI_ByOwnerOperatorAndApproved() public {
        uint256 agentId = _register(alice);

        vm.expectEmit(address(registry));
        emit IIdentityRegistry.URIUpdated(agentId, "ipfs://one", alice);
        vm.prank(alice);
        registry.setAgentURI(agentId, "ipfs://one");
        assertEq(registry.tokenURI(agentId), "ipfs://one");

        vm.prank(alice);
        registry.setApprovalForAll(bob, true);
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.URIUpdated(agentId, "ipfs://two", bob);
        vm.prank(bob);
        registry.setAgentURI(agentId, "ipfs://two");
        assertEq(registry.tokenURI(agentId), "ipfs://two");

        vm.prank(alice);
        registry.approve(carol, agentId);
        vm.prank(carol);
        registry.setAgentURI(agentId, "ipfs://three");
        assertEq(registry.tokenURI(agentId), "ipfs://three");
    }

    function testFuzz_SetAgentURI_ReplacesWithoutLeftovers(string calldata first, string calldata second) public {
        vm.prank(alice);
        uint256 agentId = registry.register(first);
        vm.prank(alice);
        registry.setAgentURI(agentId, second);
        assertEq(registry.tokenURI(agentId), second);
    }

    function test_SetAgentURI_ShorterAfterLonger() public {
        vm.prank(alice);
        uint256 agentId = registry.register(string(abi.encodePacked(URI, URI, URI)));
        vm.prank(alice);
        registry.setAgentURI(agentId, "ipfs://x");
        assertEq(registry.tokenURI(agentId), "ipfs://x");
        vm.prank(alice);
        registry.setAgentURI(agentId, "");
        assertEq(registry.tokenURI(agentId), "");
    }

    function test_RevertWhen_SetAgentURIByStranger() public {
        uint256 agentId = _register(alice);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.NotAgentOperator.selector, agentId, bob));
        vm.prank(bob);
        registry.setAgentURI(agentId, "ipfs://x");
    }

    function test_RevertWhen_SetAgentURIOfUnknownAgent() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 3));
        vm.prank(alice);
        registry.setAgentURI(3, "ipfs://x");
    }

    // ------------------------------------------------------------------ metadata

    function test_SetMetadata_ByOwnerOperatorAndApproved() public {
        uint256 agentId = _register(alice);

        vm.expectEmit(address(registry));
        emit IIdentityRegistry.MetadataSet(agentId, "k", "k", hex"01");
        vm.prank(alice);
        registry.setMetadata(agentId, "k", hex"01");
        assertEq(registry.getMetadata(agentId, "k"), hex"01");

        vm.prank(alice);
        registry.setApprovalForAll(bob, true);
        vm.prank(bob);
        registry.setMetadata(agentId, "k", hex"02");
        assertEq(registry.getMetadata(agentId, "k"), hex"02");

        vm.prank(alice);
        registry.approve(carol, agentId);
        vm.prank(carol);
        registry.setMetadata(agentId, "k", "");
        assertEq(registry.getMetadata(agentId, "k"), "");
    }

    function testFuzz_SetMetadata_RoundTrip(string calldata key, bytes calldata value) public {
        vm.assume(keccak256(bytes(key)) != keccak256("agentWallet"));
        uint256 agentId = _register(alice);
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.MetadataSet(agentId, key, key, value);
        vm.prank(alice);
        registry.setMetadata(agentId, key, value);
        assertEq(registry.getMetadata(agentId, key), value);
    }

    function test_RevertWhen_SetMetadataReservedKey() public {
        uint256 agentId = _register(alice);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.ReservedMetadataKey.selector, "agentWallet"));
        vm.prank(alice);
        registry.setMetadata(agentId, "agentWallet", abi.encodePacked(bob));
    }

    function test_RevertWhen_SetMetadataByStranger() public {
        uint256 agentId = _register(alice);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.NotAgentOperator.selector, agentId, bob));
        vm.prank(bob);
        registry.setMetadata(agentId, "k", hex"01");
    }

    function test_RevertWhen_SetMetadataOfUnknownAgent() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 0));
        vm.prank(alice);
        registry.setMetadata(0, "k", hex"01");
    }

    function test_GetMetadata_AgentWalletMirrorsWallet() public {
        uint256 agentId = _register(alice);
        assertEq(registry.getMetadata(agentId, "agentWallet"), abi.encodePacked(alice));
        assertEq(registry.getMetadata(agentId, "agentWallet").length, 20);
        _setWallet(agentId, alice, wallet, walletKey);
        assertEq(registry.getMetadata(agentId, "agentWallet"), abi.encodePacked(wallet));
        vm.prank(alice);
        registry.unsetAgentWallet(agentId);
        assertEq(registry.getMetadata(agentId, "agentWallet"), "");
    }

    // ------------------------------------------------------------------ setAgentWallet

    function test_SetAgentWallet_EOA() public {
        uint256 agentId = _register(alice);
        uint256 deadline = block.timestamp + 60;
        bytes memory sig = _proof(walletKey, agentId, wallet, alice, deadline);
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.MetadataSet(agentId, "agentWallet", "agentWallet", abi.encodePacked(wallet));
        vm.prank(alice);
        registry.setAgentWallet(agentId, wallet, deadline, sig);
        assertEq(registry.getAgentWallet(agentId), wallet);
        assertEq(registry.getAgentIdByWallet(wallet), agentId);
    }

    function test_SetAgentWallet_ERC1271() public {
        uint256 agentId = _register(alice);
        ERC1271WalletMock contractWallet = new ERC1271WalletMock(wallet);
        uint256 deadline = block.timestamp + 300;
        bytes memory sig = _proof(walletKey, agentId, address(contractWallet), alice, deadline);
        vm.prank(alice);
        registry.setAgentWallet(agentId, address(contractWallet), deadline, sig);
        assertEq(registry.getAgentWallet(agentId), address(contractWallet));
        assertEq(registry.getAgentIdByWallet(address(contractWallet)), agentId);
    }

    /// @dev ECDSA is tried before ERC-1271: an account with code (e.g. an EIP-7702 EOA) whose key signed passes even
    /// when its code would reject the signature.
    function test_SetAgentWallet_ECDSAFirstForAccountWithCode() public {
        uint256 agentId = _register(alice);
        ERC1271WalletMock rejecting = new ERC1271WalletMock(makeAddr("someone else"));
        vm.etch(wallet, address(rejecting).code);
        uint256 deadline = block.timestamp + 60;
        bytes memory sig = _proof(walletKey, agentId, wallet, alice, deadline);
        assertEq(
            ERC1271WalletMock(wallet).isValidSignature(_digest(agentId, wallet, alice, deadline), sig),
            bytes4(0xffffffff)
        );
        vm.prank(alice);
        registry.setAgentWallet(agentId, wallet, deadline, sig);
        assertEq(registry.getAgentWallet(agentId), wallet);
    }

    function test_SetAgentWallet_ByOperatorSignsOverOwner() public {
        uint256 agentId = _register(alice);
        vm.prank(alice);
        registry.setApprovalForAll(bob, true);
        uint256 deadline = block.timestamp;
        bytes memory sig = _proof(walletKey, agentId, wallet, alice, deadline);
        vm.prank(bob);
        registry.setAgentWallet(agentId, wallet, deadline, sig);
        assertEq(registry.getAgentWallet(agentId), wallet);

        (address w2, uint256 k2) = makeAddrAndKey("wallet2");
        vm.prank(alice);
        registry.approve(carol, agentId);
        sig = _proof(k2, agentId, w2, alice, deadline);
        vm.prank(carol);
        registry.setAgentWallet(agentId, w2, deadline, sig);
        assertEq(registry.getAgentWallet(agentId), w2);
    }

    function test_RevertWhen_SetAgentWalletWrongEOASigner() public {
        uint256 agentId = _register(alice);
        (, uint256 otherKey) = makeAddrAndKey("other");
        uint256 deadline = block.timestamp + 60;
        bytes memory sig = _proof(otherKey, agentId, wallet, alice, deadline);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.InvalidWalletSignature.selector, agentId, wallet));
        vm.prank(alice);
        registry.setAgentWallet(agentId, wallet, deadline, sig);
    }

    function test_RevertWhen_SetAgentWalletWrongERC1271Signer() public {
        uint256 agentId = _register(alice);
        ERC1271WalletMock contractWallet = new ERC1271WalletMock(wallet);
        (, uint256 otherKey) = makeAddrAndKey("other");
        uint256 deadline = block.timestamp + 60;
        bytes memory sig = _proof(otherKey, agentId, address(contractWallet), alice, deadline);
        vm.expectRevert(
            abi.encodeWithSelector(IdentityRegistry.InvalidWalletSignature.selector, agentId, address(contractWallet))
        );
        vm.prank(alice);
        registry.setAgentWallet(agentId, address(contractWallet), deadline, sig);
    }

    function test_RevertWhen_SetAgentWalletMalformedSignature() public {
        uint256 agentId = _register(alice);
        uint256 deadline = block.timestamp + 60;
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.InvalidWalletSignature.selector, agentId, wallet));
        vm.prank(alice);
        registry.setAgentWallet(agentId, wallet, deadline, hex"1234");
    }

    function test_RevertWhen_SetAgentWalletWrongOwnerInMessage() public {
        uint256 agentId = _register(alice);
        uint256 deadline = block.timestamp + 60;
        bytes memory sig = _proof(walletKey, agentId, wallet, bob, deadline);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.InvalidWalletSignature.selector, agentId, wallet));
        vm.prank(alice);
        registry.setAgentWallet(agentId, wallet, deadline, sig);
    }

    function test_RevertWhen_SetAgentWalletProofForOtherAgent() public {
        uint256 agentId = _register(alice);
        uint256 other = _register(alice);
        uint256 deadline = block.timestamp + 60;
        bytes memory sig = _proof(walletKey, other, wallet, alice, deadline);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.InvalidWalletSignature.selector, agentId, wallet));
        vm.prank(alice);
        registry.setAgentWallet(agentId, wallet, deadline, sig);
    }

    function test_RevertWhen_SetAgentWalletReplayedOnOtherChain() public {
        uint256 agentId = _register(alice);
        uint256 deadline = block.timestamp + 60;
        bytes memory sig = _proof(walletKey, agentId, wallet, alice, deadline);
        vm.chainId(block.chainid + 1);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.InvalidWalletSignature.selector, agentId, wallet));
        vm.prank(alice);
        registry.setAgentWallet(agentId, wallet, deadline, sig);
    }

    function test_RevertWhen_SetAgentWalletProofAfterTransfer() public {
        uint256 agentId = _register(alice);
        uint256 deadline = block.timestamp + 60;
        bytes memory sig = _proof(walletKey, agentId, wallet, alice, deadline);
        vm.prank(alice);
        registry.transferFrom(alice, bob, agentId);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.InvalidWalletSignature.selector, agentId, wallet));
        vm.prank(bob);
        registry.setAgentWallet(agentId, wallet, deadline, sig);
    }

    function test_RevertWhen_SetAgentWalletExpired() public {
        uint256 agentId = _register(alice);
        uint256 deadline = block.timestamp - 1;
        bytes memory sig = _proof(walletKey, agentId, wallet, alice, deadline);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.DeadlineExpired.selector, deadline, block.timestamp));
        vm.prank(alice);
        registry.setAgentWallet(agentId, wallet, deadline, sig);
    }

    function test_RevertWhen_SetAgentWalletDeadlineTooFar() public {
        uint256 agentId = _register(alice);
        uint256 deadline = block.timestamp + 5 minutes + 1;
        bytes memory sig = _proof(walletKey, agentId, wallet, alice, deadline);
        vm.expectRevert(
            abi.encodeWithSelector(IdentityRegistry.DeadlineTooFar.selector, deadline, block.timestamp + 5 minutes)
        );
        vm.prank(alice);
        registry.setAgentWallet(agentId, wallet, deadline, sig);
    }

    function test_RevertWhen_SetAgentWalletZero() public {
        uint256 agentId = _register(alice);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.ZeroAgentWallet.selector, agentId));
        vm.prank(alice);
        registry.setAgentWallet(agentId, address(0), block.timestamp, "");
    }

    function test_RevertWhen_SetAgentWalletByStranger() public {
        uint256 agentId = _register(alice);
        uint256 deadline = block.timestamp + 60;
        bytes memory sig = _proof(walletKey, agentId, wallet, alice, deadline);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.NotAgentOperator.selector, agentId, bob));
        vm.prank(bob);
        registry.setAgentWallet(agentId, wallet, deadline, sig);
    }

    function test_RevertWhen_SetAgentWalletOfUnknownAgent() public {
        uint256 deadline = block.timestamp + 60;
        bytes memory sig = _proof(walletKey, 9, wallet, alice, deadline);
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 9));
        vm.prank(alice);
        registry.setAgentWallet(9, wallet, deadline, sig);
    }

    function testFuzz_SetAgentWallet_AnyEOAKey(uint256 key) public {
        key = bound(key, 1, 115792089237316195423570985008687907852837564279074904382605163141518161494336);
        address newWallet = vm.addr(key);
        uint256 agentId = _register(alice);
        _setWallet(agentId, alice, newWallet, key);
        assertEq(registry.getAgentWallet(agentId), newWallet);
        assertEq(registry.getAgentIdByWallet(newWallet), agentId);
    }

    function testFuzz_SetAgentWallet_RejectsOtherKey(uint256 signerKey, uint256 walletSeed) public {
        signerKey = bound(signerKey, 1, 1e70);
        uint256 otherKey = bound(walletSeed, 1, 1e70);
        vm.assume(signerKey != otherKey);
        address newWallet = vm.addr(otherKey);
        uint256 agentId = _register(alice);
        uint256 deadline = block.timestamp + 1;
        bytes memory sig = _proof(signerKey, agentId, newWallet, alice, deadline);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.InvalidWalletSignature.selector, agentId, newWallet));
        vm.prank(alice);
        registry.setAgentWallet(agentId, newWallet, deadline, sig);
    }

    function testFuzz_SetAgentWallet_ERC1271AnyOwnerKey(uint256 key) public {
        key = bound(key, 1, 1e70);
        ERC1271WalletMock contractWallet = new ERC1271WalletMock(vm.addr(key));
        uint256 agentId = _register(alice);
        _setWallet(agentId, alice, address(contractWallet), key);
        assertEq(registry.getAgentWallet(agentId), address(contractWallet));
    }

    /// @dev Deadlines in [now, now + 5 minutes] pass; below expire; above are too far.
    function testFuzz_SetAgentWallet_DeadlineWindow(uint256 deadline) public {
        uint256 start = block.timestamp;
        deadline = bound(deadline, start - 1 hours, start + 1 hours);
        uint256 agentId = _register(alice);
        bytes memory sig = _proof(walletKey, agentId, wallet, alice, deadline);
        bool inWindow = deadline >= start && deadline <= start + 5 minutes;
        if (deadline < start) {
            vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.DeadlineExpired.selector, deadline, start));
        } else if (!inWindow) {
            vm.expectRevert(
                abi.encodeWithSelector(IdentityRegistry.DeadlineTooFar.selector, deadline, start + 5 minutes)
            );
        }
        vm.prank(alice);
        registry.setAgentWallet(agentId, wallet, deadline, sig);
        assertEq(registry.getAgentWallet(agentId), inWindow ? wallet : alice);
    }

    /// @dev A proof signed for one chain id never verifies on another.
    function testFuzz_SetAgentWallet_ChainIdBound(uint64 otherChain) public {
        vm.assume(otherChain != block.chainid && otherChain != 0);
        uint256 agentId = _register(alice);
        uint256 deadline = block.timestamp + 60;
        bytes memory sig = _proof(walletKey, agentId, wallet, alice, deadline);
        vm.chainId(otherChain);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.InvalidWalletSignature.selector, agentId, wallet));
        vm.prank(alice);
        registry.setAgentWallet(agentId, wallet, deadline, sig);
    }

    function test_AgentWalletSetDigest_MatchesIndependentEncoding() public {
        assertEq(registry.agentWalletSetDigest(4, wallet, alice, 123), _digest(4, wallet, alice, 123));
        vm.chainId(8453);
        assertEq(registry.agentWalletSetDigest(4, wallet, alice, 123), _digest(4, wallet, alice, 123));
        (bytes1 fields, string memory name, string memory version, uint256 chainId, address verifying,,) =
            registry.eip712Domain();
        assertEq(uint8(fields), 0x0f);
        assertEq(name, "ERC8004IdentityRegistry");
        assertEq(version, "1");
        assertEq(chainId, 8453);
        assertEq(verifying, address(registry));
        assertEq(registry.AGENT_WALLET_SET_TYPEHASH(), WALLET_TYPEHASH);
    }

    // ------------------------------------------------------------------ unset, transfer

    function test_UnsetAgentWallet() public {
        uint256 agentId = _register(alice);
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.MetadataSet(agentId, "agentWallet", "agentWallet", "");
        vm.prank(alice);
        registry.unsetAgentWallet(agentId);
        assertEq(registry.getAgentWallet(agentId), address(0));
    }

    function test_UnsetAgentWallet_ByOperator() public {
        uint256 agentId = _register(alice);
        vm.prank(alice);
        registry.setApprovalForAll(bob, true);
        vm.prank(bob);
        registry.unsetAgentWallet(agentId);
        assertEq(registry.getAgentWallet(agentId), address(0));
    }

    function test_RevertWhen_UnsetAgentWalletByStranger() public {
        uint256 agentId = _register(alice);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.NotAgentOperator.selector, agentId, bob));
        vm.prank(bob);
        registry.unsetAgentWallet(agentId);
    }

    function test_RevertWhen_UnsetAgentWalletOfUnknownAgent() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 5));
        vm.prank(alice);
        registry.unsetAgentWallet(5);
    }

    function test_RevertWhen_GetAgentWalletOfUnknownAgent() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 0));
        registry.getAgentWallet(0);
    }

    function test_Transfer_ClearsWallet() public {
        uint256 agentId = _register(alice);
        _setWallet(agentId, alice, wallet, walletKey);
        vm.expectEmit(address(registry));
        emit IERC721.Transfer(alice, bob, agentId);
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.MetadataSet(agentId, "agentWallet", "agentWallet", "");
        vm.prank(alice);
        registry.transferFrom(alice, bob, agentId);
        assertEq(registry.getAgentWallet(agentId), address(0));
        assertEq(registry.getMetadata(agentId, "agentWallet"), "");
        assertEq(registry.ownerOf(agentId), bob);
    }

    function test_SafeTransfer_ClearsWallet() public {
        uint256 agentId = _register(alice);
        vm.prank(alice);
        registry.safeTransferFrom(alice, bob, agentId);
        assertEq(registry.getAgentWallet(agentId), address(0));
    }

    function test_SelfTransfer_KeepsWallet() public {
        uint256 agentId = _register(alice);
        vm.prank(alice);
        registry.transferFrom(alice, alice, agentId);
        assertEq(registry.getAgentWallet(agentId), alice);
    }

    function test_Transfer_KeepsURIAndMetadata() public {
        vm.prank(alice);
        uint256 agentId = registry.register(URI);
        vm.prank(alice);
        registry.setMetadata(agentId, "k", hex"01");
        vm.prank(alice);
        registry.transferFrom(alice, bob, agentId);
        assertEq(registry.tokenURI(agentId), URI);
        assertEq(registry.getMetadata(agentId, "k"), hex"01");
    }

    // ------------------------------------------------------------------ reverse lookup

    function test_GetAgentIdByWallet_AfterRegister() public {
        _register(bob);
        uint256 agentId = _register(alice);
        assertEq(registry.getAgentIdByWallet(alice), agentId);
        assertEq(registry.getAgentIdByWallet(bob), 0);
    }

    function test_RevertWhen_GetAgentIdByWalletNeverBound() public {
        _register(alice);
        vm.expectRevert(abi.encodeWithSelector(IAgentWalletLookup.WalletNotBound.selector, bob));
        registry.getAgentIdByWallet(bob);
        vm.expectRevert(abi.encodeWithSelector(IAgentWalletLookup.WalletNotBound.selector, address(0)));
        registry.getAgentIdByWallet(address(0));
    }

    function test_GetAgentIdByWallet_LatestRegistrationWins() public {
        _register(alice);
        uint256 second = _register(alice);
        assertEq(registry.getAgentIdByWallet(alice), second);
    }

    function test_GetAgentIdByWallet_FollowsSetAgentWallet() public {
        uint256 agentId = _register(alice);
        _setWallet(agentId, alice, wallet, walletKey);
        assertEq(registry.getAgentIdByWallet(wallet), agentId);
        // alice's binding is stale: agent's wallet is no longer alice
        vm.expectRevert(abi.encodeWithSelector(IAgentWalletLookup.WalletNotBound.selector, alice));
        registry.getAgentIdByWallet(alice);
    }

    function test_GetAgentIdByWallet_LatestSetWins() public {
        uint256 first = _register(alice);
        uint256 second = _register(bob);
        _setWallet(first, alice, wallet, walletKey);
        _setWallet(second, bob, wallet, walletKey);
        assertEq(registry.getAgentIdByWallet(wallet), second);
        assertEq(registry.getAgentWallet(first), wallet, "the first agent keeps its wallet");
    }

    function test_RevertWhen_GetAgentIdByWalletAfterUnset() public {
        uint256 agentId = _register(alice);
        _setWallet(agentId, alice, wallet, walletKey);
        vm.prank(alice);
        registry.unsetAgentWallet(agentId);
        vm.expectRevert(abi.encodeWithSelector(IAgentWalletLookup.WalletNotBound.selector, wallet));
        registry.getAgentIdByWallet(wallet);
    }

    function test_RevertWhen_GetAgentIdByWalletAfterTransfer() public {
        uint256 agentId = _register(alice);
        vm.prank(alice);
        registry.transferFrom(alice, bob, agentId);
        vm.expectRevert(abi.encodeWithSelector(IAgentWalletLookup.WalletNotBound.selector, alice));
        registry.getAgentIdByWallet(alice);
        vm.expectRevert(abi.encodeWithSelector(IAgentWalletLookup.WalletNotBound.selector, bob));
        registry.getAgentIdByWallet(bob);
    }

    function test_RevertWhen_GetAgentIdByWalletOlderAgentAfterLatestMoved() public {
        _register(alice);
        uint256 second = _register(alice);
        _setWallet(second, alice, wallet, walletKey);
        // alice is still agent 0's wallet, but her latest binding (agent 1) went stale: latest binding wins
        vm.expectRevert(abi.encodeWithSelector(IAgentWalletLookup.WalletNotBound.selector, alice));
        registry.getAgentIdByWallet(alice);
    }

    function test_GetAgentIdByWallet_RebindAfterTransfer() public {
        uint256 agentId = _register(alice);
        vm.prank(alice);
        registry.transferFrom(alice, bob, agentId);
        _setWallet(agentId, bob, wallet, walletKey);
        assertEq(registry.getAgentIdByWallet(wallet), agentId);
    }
}
