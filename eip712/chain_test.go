package eip712_test

import (
	"context"
	"io"
	"log/slog"
	"math/big"
	"sort"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/internal/devchain"
)

// TestFixtures_OnChain deploys the contracts to a fresh anvil and checks that the contracts compute the
// fixtures' digests: IdentityRegistry.agentWalletSetDigest and AgentEscrow.hashAgreement. Fixtures for
// chain 31337 must name the addresses `agora deploy` gives on a fresh chain; for the others the contract's
// code is copied to the fixture's address and the chain id is switched (anvil_setCode, anvil_setChainId).
// No contract hashes heartbeats, RFQs or quotes (the gateway checks them off-chain; TestFixtures checks their digests against
// cast and go-ethereum), so for those the chain checks the signature instead: an ERC1271WalletMock owned by
// the fixture's signer, whose OpenZeppelin ECDSA must accept the fixture's signature over its digest.
func TestFixtures_OnChain(t *testing.T) {
	chain := devchain.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d, err := deployment.Deploy(ctx, chain.Client, chain.Keys[0],
		deployment.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatalf("Deploy: %v", err)
	}
	identity, escrow, mandates := bindings.NewIdentityRegistry(), bindings.NewAgentEscrow(), bindings.NewMandateRegistry()
	deployed := map[string]common.Address{
		"AgentWalletSet":   d.Contracts.IdentityRegistry.Address,
		"ServiceAgreement": d.Contracts.AgentEscrow.Address,
		"Heartbeat":        d.Contracts.IdentityRegistry.Address, // GatewayDomain's verifying contract
		"RFQ":              d.Contracts.AgentEscrow.Address,      // the market's messages name the escrow
		"Quote":            d.Contracts.AgentEscrow.Address,
		"Mandate":          d.Contracts.MandateRegistry.Address,
		"MandateApproval":  d.Contracts.MandateRegistry.Address,
		"PolicyApproval":   d.Contracts.IdentityRegistry.Address, // GatewayDomain's verifying contract
		"ApprovalsQuery":   d.Contracts.IdentityRegistry.Address,
		"AuditQuery":       d.Contracts.IdentityRegistry.Address,
	}
	// offChain types are verified by the gateway, not by a contract.
	offChain := func(m eip712.Message) bool {
		switch m.(type) {
		case eip712.Heartbeat, eip712.RFQ, eip712.Quote, eip712.PolicyApproval, eip712.ApprovalsQuery, eip712.AuditQuery:
			return true
		}
		return false
	}
	code := map[string]hexutil.Bytes{}
	for typ, addr := range deployed {
		c, err := chain.Client.CodeAt(ctx, addr, nil)
		if err != nil {
			t.Fatal(err)
		}
		code[typ] = c
	}

	t.Run("type hashes", func(t *testing.T) {
		opts := &bind.CallOpts{Context: ctx}
		got, err := bind.Call(identity.Instance(chain.Client, deployed["AgentWalletSet"]), opts,
			identity.PackAGENTWALLETSETTYPEHASH(), identity.UnpackAGENTWALLETSETTYPEHASH)
		if err != nil {
			t.Fatal(err)
		}
		if want := eip712.TypeHash(eip712.AgentWalletSet{}); common.Hash(got) != want {
			t.Errorf("AGENT_WALLET_SET_TYPEHASH = %x, want %s", got, want)
		}
		got, err = bind.Call(escrow.Instance(chain.Client, deployed["ServiceAgreement"]), opts,
			escrow.PackSERVICEAGREEMENTTYPEHASH(), escrow.UnpackSERVICEAGREEMENTTYPEHASH)
		if err != nil {
			t.Fatal(err)
		}
		if want := eip712.TypeHash(eip712.ServiceAgreement{}); common.Hash(got) != want {
			t.Errorf("SERVICE_AGREEMENT_TYPEHASH = %x, want %s", got, want)
		}
		registry := mandates.Instance(chain.Client, deployed["Mandate"])
		got, err = bind.Call(registry, opts, mandates.PackMANDATETYPEHASH(), mandates.UnpackMANDATETYPEHASH)
		if err != nil {
			t.Fatal(err)
		}
		if want := eip712.TypeHash(eip712.Mandate{}); common.Hash(got) != want {
			t.Errorf("MANDATE_TYPEHASH = %x, want %s", got, want)
		}
		got, err = bind.Call(registry, opts, mandates.PackMANDATEAPPROVALTYPEHASH(),
			mandates.UnpackMANDATEAPPROVALTYPEHASH)
		if err != nil {
			t.Fatal(err)
		}
		if want := eip712.TypeHash(eip712.MandateApproval{}); common.Hash(got) != want {
			t.Errorf("MANDATE_APPROVAL_TYPEHASH = %x, want %s", got, want)
		}
	})

	fixtures := loadFixtures(t)
	wallets := map[common.Address]common.Address{} // off-chain message signer → its ERC-1271 wallet
	for _, f := range fixtures {
		if _, m, err := eip712.ParseTypedData(f.TypedData); err == nil && offChain(m) {
			if _, ok := wallets[f.Signer]; !ok {
				wallets[f.Signer] = deployWallet(t, chain, f.Signer)
			}
		}
	}
	verifier := eip712.NewVerifier(chain.Client, 10*time.Second)
	// Chain 31337 first, so that switching chain ids never affects them.
	sort.SliceStable(fixtures, func(i, j int) bool {
		return chainOf(t, fixtures[i]) == 31337 && chainOf(t, fixtures[j]) != 31337
	})
	for _, f := range fixtures {
		t.Run(f.Name, func(t *testing.T) {
			dom, m, err := eip712.ParseTypedData(f.TypedData)
			if err != nil {
				t.Fatal(err)
			}
			target := dom.VerifyingContract
			devChain := dom.ChainID.Cmp(big.NewInt(31337)) == 0
			if devChain {
				if want := deployed[m.PrimaryType()]; target != want {
					t.Fatalf("verifyingContract = %s, want %s (where agora deploy puts it on a fresh anvil)", target, want)
				}
			}
			if offChain(m) {
				if err := verifier.Verify(ctx, wallets[f.Signer], f.Digest, f.Signature); err != nil {
					t.Errorf("ERC-1271 wallet of %s rejects the fixture signature: %v", f.Signer, err)
				}
				return
			}
			if !devChain {
				rpc(t, chain, "anvil_setChainId", dom.ChainID.Uint64())
				t.Cleanup(func() { rpc(t, chain, "anvil_setChainId", 31337) })
				rpc(t, chain, "anvil_setCode", target, code[m.PrimaryType()])
			}

			opts := &bind.CallOpts{Context: ctx}
			var got [32]byte
			switch m := m.(type) {
			case eip712.AgentWalletSet:
				got, err = bind.Call(identity.Instance(chain.Client, target), opts,
					identity.PackAgentWalletSetDigest(m.AgentID, m.NewWallet, m.Owner, m.Deadline),
					identity.UnpackAgentWalletSetDigest)
			case eip712.ServiceAgreement:
				got, err = bind.Call(escrow.Instance(chain.Client, target), opts,
					escrow.PackHashAgreement(m.Binding()), escrow.UnpackHashAgreement)
			case eip712.Mandate:
				got, err = bind.Call(mandates.Instance(chain.Client, target), opts,
					mandates.PackHashMandate(m.Terms(), m.Nonce, m.Deadline), mandates.UnpackHashMandate)
			case eip712.MandateApproval:
				got, err = bind.Call(mandates.Instance(chain.Client, target), opts,
					mandates.PackHashApproval(m.MandateID, m.AgreementHash, m.Deadline), mandates.UnpackHashApproval)
			default:
				t.Fatalf("unexpected message type %T", m)
			}
			if err != nil {
				t.Fatalf("call: %v", err)
			}
			if common.Hash(got) != f.Digest {
				t.Errorf("on-chain digest = %x, want fixture %s", got, f.Digest)
			}
		})
	}
}

func chainOf(t *testing.T, f fixture) uint64 {
	t.Helper()
	d, _, err := eip712.ParseTypedData(f.TypedData)
	if err != nil {
		t.Fatal(err)
	}
	return d.ChainID.Uint64()
}

func rpc(t *testing.T, chain *devchain.Chain, method string, args ...any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := chain.Client.Client().CallContext(ctx, nil, method, args...); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
}
