package client_test

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/internal/devchain"
)

// TestEscrow_FundUnderMandate funds an agreement under a mandate on a real chain: the principal grants it and
// lets the escrow pull its tokens; the agent's wallet funds without holding any; the principal pays. An
// agreement above the mandate's cap is refused with the registry's error named, and revocation stops the next.
func TestEscrow_FundUnderMandate(t *testing.T) {
	chain := devchain.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	d, err := deployment.Deploy(ctx, chain.Client, chain.Keys[0], deployment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := client.NewEscrow(ctx, chain.Client, d, 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	chainID := new(big.Int).SetUint64(d.ChainID)
	principalKey, agentKey, providerKey := chain.Keys[7], chain.Keys[5], chain.Keys[6]
	principal, agent := client.NewKeySigner(principalKey), client.NewKeySigner(agentKey)
	register := func(key *ecdsa.PrivateKey) *big.Int {
		t.Helper()
		identity := bindings.NewIdentityRegistry()
		opts := bind.NewKeyedTransactor(key, chainID)
		opts.Context = ctx
		tx, err := bind.Transact(identity.Instance(chain.Client, d.Contracts.IdentityRegistry.Address), opts, identity.PackRegister())
		if err != nil {
			t.Fatal(err)
		}
		r, err := deployment.WaitMined(ctx, chain.Client, tx, 30*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range r.Logs {
			if ev, err := identity.UnpackRegisteredEvent(l); err == nil {
				return ev.AgentId
			}
		}
		t.Fatal("no Registered event")
		return nil
	}
	agentID, providerID := register(agentKey), register(providerKey)
	token := d.Contracts.TestUSD.Address
	usd := bindings.NewTestUSD()
	balance := func(a common.Address) *big.Int {
		t.Helper()
		b, err := bind.Call(usd.Instance(chain.Client, token), &bind.CallOpts{Context: ctx}, usd.PackBalanceOf(a), usd.UnpackBalanceOf)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	opts := bind.NewKeyedTransactor(principalKey, chainID)
	opts.Context = ctx
	tx, err := bind.Transact(usd.Instance(chain.Client, token), opts, usd.PackMint(principal.Address(), big.NewInt(10_000)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := deployment.WaitMined(ctx, chain.Client, tx, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	head, err := chain.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	g, err := e.Grant(ctx, principal, eip712.Mandate{AgentID: agentID, Agent: agent.Address(), Token: token,
		MaxPerJob: big.NewInt(500), Budget: big.NewInt(1000), ValidUntil: head.Time + 86400,
		EscalateAbove: big.NewInt(500), TimelockAbove: big.NewInt(500)})
	if err != nil {
		t.Fatalf("Grant: %v", err)
	}
	if _, err := e.AllowEscrow(ctx, principal, token, big.NewInt(10_000)); err != nil {
		t.Fatal(err)
	}

	nonce := int64(1)
	agreement := func(price int64) (eip712.ServiceAgreement, []byte, []byte) {
		nonce++
		a := eip712.ServiceAgreement{ProviderAgentID: providerID, Client: agent.Address(), Provider: crypto.PubkeyToAddress(providerKey.PublicKey),
			Token: token, Price: big.NewInt(price), DeliveryDeadline: head.Time + 3600, ExpiredAt: head.Time + 7200,
			Nonce: big.NewInt(nonce), Expiry: new(big.Int).SetUint64(head.Time + 600), MandateID: g.MandateID}
		dom := eip712.EscrowDomain(chainID, d.Contracts.AgentEscrow.Address)
		cs, _ := eip712.Sign(agentKey, dom, a)
		ps, _ := eip712.Sign(providerKey, dom, a)
		return a, cs, ps
	}

	before := balance(principal.Address())
	a, cs, ps := agreement(300)
	f, err := e.Fund(ctx, agent, a, cs, ps)
	if err != nil {
		t.Fatalf("Fund: %v", err)
	}
	if f.ApproveTx != (common.Hash{}) {
		t.Error("the agent approved the escrow: under a mandate the principal pays")
	}
	if got, want := new(big.Int).Sub(before, balance(principal.Address())), big.NewInt(300); got.Cmp(want) != 0 {
		t.Errorf("the principal paid %s, want %s", got, want)
	}
	if got := balance(agent.Address()); got.Sign() != 0 {
		t.Errorf("the agent holds %s, want nothing", got)
	}

	// The principal paid: it may give feedback naming the job once it is completed (the agent, the client, too).
	provider := client.NewKeySigner(providerKey)
	if _, err := e.Submit(ctx, provider, f.JobID, common.Hash{1}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Complete(ctx, agent, f.JobID, common.Hash{}); err != nil {
		t.Fatal(err)
	}
	for _, s := range []client.Signer{principal, agent} {
		g, err := e.GiveFeedback(ctx, s, client.Feedback{AgentID: providerID, JobID: f.JobID, Value: big.NewInt(90)})
		if err != nil {
			t.Fatalf("feedback by %s under the mandate: %v", s.Address(), err)
		}
		if g.Payment.Payer != principal.Address() || g.Payment.Client != agent.Address() || g.Payment.FundingTx != f.CreateTx {
			t.Fatalf("the payment of a mandate job: %+v", g.Payment)
		}
	}

	a, cs, ps = agreement(600)
	if _, err := e.Fund(ctx, agent, a, cs, ps); err == nil || !strings.Contains(err.Error(), "OverJobCap") {
		t.Fatalf("Fund above the cap: %v, want the registry's OverJobCap", err)
	}
	if _, err := e.Revoke(ctx, principal, g.MandateID); err != nil {
		t.Fatal(err)
	}
	a, cs, ps = agreement(100)
	if _, err := e.Fund(ctx, agent, a, cs, ps); err == nil || !strings.Contains(err.Error(), "MandateIsRevoked") {
		t.Fatalf("Fund after revocation: %v, want MandateIsRevoked", err)
	}
	if _, err := e.Revoke(ctx, client.NewKeySigner(chain.Keys[9]), g.MandateID); err == nil ||
		!strings.Contains(err.Error(), "NotPrincipalOrGuardian") {
		t.Fatalf("a stranger's revoke: %v", err)
	}
}
