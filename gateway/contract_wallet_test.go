package gateway_test

import (
	"context"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/gateway"
)

// testContractWalletHeartbeat makes an ERC-1271 contract the wallet of an agent and checks that the gateway
// verifies its heartbeats through eth_call on the real chain.
func testContractWalletHeartbeat(t *testing.T, e *env, domain eip712.Domain) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	a := e.agentByFile(t, "09-smart-contract-audit.json")
	signer, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("..", "contracts", "out", "ERC1271WalletMock.sol", "ERC1271WalletMock.json"))
	if err != nil {
		t.Fatalf("ERC1271WalletMock artifact (forge build): %v", err)
	}
	var artifact struct {
		Bytecode struct {
			Object hexutil.Bytes `json:"object"`
		} `json:"bytecode"`
	}
	if err := json.Unmarshal(data, &artifact); err != nil {
		t.Fatal(err)
	}
	chainID := new(big.Int).SetUint64(e.dep.ChainID)
	opts := bind.NewKeyedTransactor(e.chain.Keys[0], chainID)
	opts.Context = ctx
	wallet, tx, err := bind.DeployContract(opts, artifact.Bytecode.Object, e.chain.Client,
		common.LeftPadBytes(addressOf(signer).Bytes(), 32))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := deployment.WaitMined(ctx, e.chain.Client, tx, 30*time.Second); err != nil {
		t.Fatal(err)
	}

	// The owner sets the contract as agent wallet with the contract's ERC-1271 consent.
	head, err := e.chain.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	deadline := new(big.Int).SetUint64(head.Time + 120)
	registry := e.dep.Contracts.IdentityRegistry.Address
	proof := eip712.AgentWalletSet{AgentID: a.AgentID, NewWallet: wallet, Owner: addressOf(a.Owner), Deadline: deadline}
	sig, err := eip712.Sign(signer, eip712.IdentityDomain(chainID, registry), proof)
	if err != nil {
		t.Fatal(err)
	}
	identity := bindings.NewIdentityRegistry()
	ownerOpts := bind.NewKeyedTransactor(a.Owner, chainID)
	ownerOpts.Context = ctx
	tx, err = bind.Transact(identity.Instance(e.chain.Client, registry), ownerOpts,
		identity.PackSetAgentWallet(a.AgentID, wallet, deadline, sig))
	if err != nil {
		t.Fatal(err)
	}
	if r, err := deployment.WaitMined(ctx, e.chain.Client, tx, 30*time.Second); err != nil || r.Status != 1 {
		t.Fatalf("setAgentWallet: %v %v", r, err)
	}
	e.waitFor("the indexer to see the contract wallet", func() bool {
		return e.count(`SELECT count(*) FROM agents WHERE agent_id = $1::text::numeric AND agent_wallet = $2`,
			a.AgentID.String(), wallet.Bytes()) == 1
	})

	hb := eip712.Heartbeat{AgentID: a.AgentID, Status: eip712.HeartbeatOnline, Price: big.NewInt(5),
		Token: e.dep.Contracts.TestUSD.Address, P95LatencyMs: 900, Capacity: 3,
		ExpiresAt: uint64(time.Now().Add(time.Minute).Unix()), Nonce: big.NewInt(1)}
	// The old EOA wallet no longer speaks for the agent.
	e.post("/v1/heartbeats", heartbeat(t, domain, hb, a.Wallet)).problem(t, 403, gateway.CodeSignerMismatch)
	if r := e.post("/v1/heartbeats", heartbeat(t, domain, hb, signer)); r.Status != 200 {
		t.Fatalf("ERC-1271 heartbeat: status %d: %s", r.Status, r.Body)
	}
	e.post("/v1/heartbeats", heartbeat(t, domain, hb, signer)).problem(t, 409, gateway.CodeStaleNonce)

	// POST /v1/eip712/verify checks the same signature for the contract wallet through ERC-1271.
	v := e.verify(t, signed(t, domain, hb, signer, &wallet))
	if !v.Valid || v.Method != "erc1271" {
		t.Fatalf("verify for the contract wallet = %+v, want valid by erc1271", v)
	}
	other := addressOf(e.chain.Keys[7])
	if v := e.verify(t, signed(t, domain, hb, e.chain.Keys[7], &wallet)); v.Valid {
		t.Fatalf("the contract wallet accepted a signature by %s: %+v", other, v)
	}
}
