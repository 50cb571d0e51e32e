package client_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/indexer/regfile"
	"github.com/agoralabs/agora/internal/devchain"
	"github.com/agoralabs/agora/internal/modroot"
)

// onChain is a fresh chain with Agora deployed and the escrow helpers on it.
type onChain struct {
	chain *devchain.Chain
	d     *deployment.Deployment
	e     *client.Escrow
}

func newOnChain(t *testing.T, ctx context.Context) *onChain {
	t.Helper()
	chain := devchain.Start(t)
	d, err := deployment.Deploy(ctx, chain.Client, chain.Keys[0], deployment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := client.NewEscrow(ctx, chain.Client, d, 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	return &onChain{chain: chain, d: d, e: e}
}

// registered counts the Registered events of the identity registry.
func (c *onChain) registered(t *testing.T, ctx context.Context) int {
	t.Helper()
	ev := bindings.NewIdentityRegistry().GetABI().Events[bindings.IdentityRegistryRegisteredEventName]
	logs, err := c.chain.Client.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0),
		Addresses: []common.Address{c.d.Contracts.IdentityRegistry.Address}, Topics: [][]common.Hash{{ev.ID}}})
	if err != nil {
		t.Fatal(err)
	}
	return len(logs)
}

// nonce is a's transaction count: unchanged when nothing was sent.
func (c *onChain) nonce(t *testing.T, ctx context.Context, a common.Address) uint64 {
	t.Helper()
	n, err := c.chain.Client.NonceAt(ctx, a, nil)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func agentFile(t *testing.T, name string) []byte {
	t.Helper()
	root, err := modroot.Find("")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(root, "testdata", "agents", name))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// deployWallet deploys the ERC1271WalletMock (contracts/out) controlled by owner.
func deployWallet(t *testing.T, ctx context.Context, c *onChain, owner common.Address) common.Address {
	t.Helper()
	root, err := modroot.Find("")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, "contracts", "out", "ERC1271WalletMock.sol", "ERC1271WalletMock.json"))
	if err != nil {
		t.Fatalf("ERC1271WalletMock artifact: %v", err)
	}
	var artifact struct {
		Bytecode struct {
			Object hexutil.Bytes `json:"object"`
		} `json:"bytecode"`
	}
	if err := json.Unmarshal(data, &artifact); err != nil || len(artifact.Bytecode.Object) == 0 {
		t.Fatalf("ERC1271WalletMock artifact: no bytecode (%v)", err)
	}
	opts := bind.NewKeyedTransactor(c.chain.Keys[0], new(big.Int).SetUint64(c.d.ChainID))
	opts.Context = ctx
	addr, tx, err := bind.DeployContract(opts, artifact.Bytecode.Object, c.chain.Client, common.LeftPadBytes(owner.Bytes(), 32))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := deployment.WaitMined(ctx, c.chain.Client, tx, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	return addr
}

// closedURL is an http URL where nothing listens.
func closedURL(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr + "/agent.json"
}

// TestEscrow_AgentOperator plays an agent operator on a real chain: registration from a checked file (inline
// and hosted), refusals before anything is sent (an invalid file with every reason, a file too large, an
// unreachable URI), the wallet bound by its EIP-712 proof (an EOA and an ERC-1271 contract wallet), proofs by
// the wrong key or past their deadline refused before sending, unset, URI and metadata changes, and a transfer.
func TestEscrow_AgentOperator(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c := newOnChain(t, ctx)
	e := c.e
	owner, stranger := client.NewKeySigner(c.chain.Keys[1]), client.NewKeySigner(c.chain.Keys[2])
	valid := agentFile(t, "01-vietnamese-invoice-ocr.json")

	reg, err := e.RegisterAgent(ctx, owner, client.RegistrationFile{File: valid})
	if err != nil {
		t.Fatalf("RegisterAgent: %v", err)
	}
	if reg.Owner != owner.Address() || reg.File.URI != client.DataURI(valid) || len(reg.File.Capabilities) == 0 {
		t.Fatalf("Registered = %+v", reg)
	}
	info, err := e.Agent(ctx, reg.AgentID)
	if err != nil || info.Owner != owner.Address() || info.Wallet != owner.Address() || info.URI != client.DataURI(valid) {
		t.Fatalf("Agent = %+v, %v", info, err)
	}
	id := reg.AgentID

	// Refused before anything is sent: the agent count and the owner's nonce do not move.
	count, nonce := c.registered(t, ctx), c.nonce(t, ctx, owner.Address())
	unchanged := func(what string) {
		t.Helper()
		if got := c.registered(t, ctx); got != count {
			t.Errorf("%s: %d agents registered, want %d", what, got, count)
		}
		if got := c.nonce(t, ctx, owner.Address()); got != nonce {
			t.Errorf("%s: the owner sent %d transactions", what, got-nonce)
		}
	}
	invalid := []byte(`{"type":"https://example.org/agent","name":" ","services":[{"name":"web"}],"supportedTrust":["reputation",7],
		"capabilities":[{"description":"no name"},{"name":"ok","pricing":{"model":"per_call","amount":"-1"}}]}`)
	_, err = e.RegisterAgent(ctx, owner, client.RegistrationFile{File: invalid})
	var bad *client.InvalidRegistrationError
	if !errors.As(err, &bad) {
		t.Fatalf("an invalid file: %v, want an InvalidRegistrationError", err)
	}
	for _, want := range []string{"type: want", "name: empty", "services[0].endpoint: missing", "supportedTrust[1]: want string",
		"/capabilities/0", "/capabilities/1"} {
		found := false
		for _, p := range bad.Problems {
			found = found || strings.Contains(p, want)
		}
		if !found || !strings.Contains(err.Error(), want) {
			t.Errorf("the problems do not list %q:\n%v", want, err)
		}
	}
	unchanged("invalid file")
	// A file the indexer parses but whose capability declarations it would drop is refused too.
	if _, err := e.RegisterAgent(ctx, owner, client.RegistrationFile{File: agentFile(t, "invalid-pricing.json")}); !errors.As(err, &bad) ||
		!strings.Contains(err.Error(), "/capabilities/") {
		t.Fatalf("invalid capabilities: %v", err)
	}
	tooBig := append(append([]byte(`{"name":"x","pad":"`), bytes.Repeat([]byte("a"), client.MaxRegistrationBytes)...), `"}`...)
	if _, err := e.RegisterAgent(ctx, owner, client.RegistrationFile{File: tooBig}); !errors.Is(err, client.ErrRegistrationTooLarge) {
		t.Fatalf("a file too large: %v", err)
	}
	private := regfile.Config{AllowPrivate: true, Attempts: 1, Timeout: 5 * time.Second}
	if _, err := e.RegisterAgent(ctx, owner, client.RegistrationFile{URI: closedURL(t), Fetch: private}); !errors.Is(err, client.ErrRegistrationUnreachable) ||
		!strings.Contains(err.Error(), regfile.CodeUnreachable) {
		t.Fatalf("an unreachable URI: %v", err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/agent.json":
			_, _ = w.Write(valid)
		case "/big.json":
			_, _ = w.Write(tooBig)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	if _, err := e.RegisterAgent(ctx, owner, client.RegistrationFile{URI: srv.URL + "/big.json", Fetch: private}); !errors.Is(err, client.ErrRegistrationTooLarge) {
		t.Fatalf("a URI serving a file too large: %v", err)
	}
	if _, err := e.RegisterAgent(ctx, owner, client.RegistrationFile{URI: srv.URL + "/gone.json", Fetch: private}); !errors.Is(err, client.ErrRegistrationUnreachable) ||
		!strings.Contains(err.Error(), "404") {
		t.Fatalf("a URI answering 404: %v", err)
	}
	// Without AllowPrivate, the indexer's fetcher refuses a plain http:// URI on a private address: so does the client.
	if _, err := e.RegisterAgent(ctx, owner, client.RegistrationFile{URI: srv.URL + "/agent.json"}); !errors.Is(err, client.ErrRegistrationUnreachable) {
		t.Fatalf("a private http URI: %v", err)
	}
	if _, err := e.RegisterAgent(ctx, owner, client.RegistrationFile{URI: srv.URL + "/agent.json", File: []byte(`{}`), Fetch: private}); err == nil ||
		!strings.Contains(err.Error(), "differ") {
		t.Fatalf("a URI serving another file: %v", err)
	}
	unchanged("refusals")
	hosted, err := e.RegisterAgent(ctx, owner, client.RegistrationFile{URI: srv.URL + "/agent.json", File: valid, Fetch: private})
	if err != nil {
		t.Fatalf("RegisterAgent with a URI: %v", err)
	}
	if info, err := e.Agent(ctx, hosted.AgentID); err != nil || info.URI != srv.URL+"/agent.json" || hosted.AgentID.Cmp(id) <= 0 {
		t.Fatalf("the hosted agent: %+v, %v", info, err)
	}

	// The agent wallet: the wallet signs, the owner sends.
	walletKey, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	wallet := client.NewKeySigner(walletKey)
	if _, err := e.BindAgentWallet(ctx, owner, wallet, id, nil); err != nil {
		t.Fatalf("BindAgentWallet: %v", err)
	}
	if w, err := e.AgentWallet(ctx, id); err != nil || w != wallet.Address() {
		t.Fatalf("agent wallet %s, %v; want %s", w, err, wallet.Address())
	}
	count, nonce = c.registered(t, ctx), c.nonce(t, ctx, owner.Address())
	other := newKey(t)
	p, sig, err := e.SignWalletProof(ctx, other, id, nil) // signed by another key...
	if err != nil {
		t.Fatal(err)
	}
	p.NewWallet = wallet.Address() // ...for the wallet
	if _, err := e.SetAgentWallet(ctx, owner, p, sig); !errors.Is(err, client.ErrWalletProofSigner) {
		t.Fatalf("a proof by the wrong key: %v", err)
	}
	now, err := e.ChainTime(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, deadline := range []uint64{now - 10, now + 3600} {
		p, sig, err := e.SignWalletProof(ctx, wallet, id, new(big.Int).SetUint64(deadline))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.SetAgentWallet(ctx, owner, p, sig); !errors.Is(err, client.ErrWalletProofDeadline) {
			t.Fatalf("deadline %d at chain time %d: %v", deadline, now, err)
		}
	}
	unchanged("wallet proofs")

	// An ERC-1271 contract wallet: the proof is its signer key's signature over the digest.
	walletOwner := newKey(t)
	contract := deployWallet(t, ctx, c, walletOwner.Address())
	p, err = e.WalletProof(ctx, id, contract, nil)
	if err != nil {
		t.Fatal(err)
	}
	digest, err := eip712.Digest(e.IdentityDomain(), p)
	if err != nil {
		t.Fatal(err)
	}
	wrong, _ := other.SignDigest(ctx, digest)
	if _, err := e.SetAgentWallet(ctx, owner, p, wrong); !errors.Is(err, client.ErrWalletProofSigner) || !errors.Is(err, eip712.ErrContractRejected) {
		t.Fatalf("a contract wallet's proof by the wrong key: %v", err)
	}
	sig, _ = walletOwner.SignDigest(ctx, digest)
	if _, err := e.SetAgentWallet(ctx, owner, p, sig); err != nil {
		t.Fatalf("SetAgentWallet with an ERC-1271 wallet: %v", err)
	}
	if w, _ := e.AgentWallet(ctx, id); w != contract {
		t.Fatalf("agent wallet %s, want the contract %s", w, contract)
	}
	// A stranger cannot send a valid proof: the registry's error is named.
	p, sig, _ = e.SignWalletProof(ctx, wallet, id, nil)
	if _, err := e.SetAgentWallet(ctx, stranger, p, sig); err == nil || !strings.Contains(err.Error(), "NotAgentOperator") {
		t.Fatalf("a stranger's setAgentWallet: %v", err)
	}
	if _, err := e.UnsetAgentWallet(ctx, owner, id); err != nil {
		t.Fatal(err)
	}
	if w, _ := e.AgentWallet(ctx, id); w != (common.Address{}) {
		t.Fatalf("after unset the wallet is %s", w)
	}

	// URI and metadata.
	second := agentFile(t, "07-translation.json")
	if _, _, err := e.SetAgentURI(ctx, stranger, id, client.RegistrationFile{File: second}); err == nil || !strings.Contains(err.Error(), "NotAgentOperator") {
		t.Fatalf("a stranger's setAgentURI: %v", err)
	}
	if _, _, err := e.SetAgentURI(ctx, owner, id, client.RegistrationFile{File: invalid}); !errors.As(err, &bad) {
		t.Fatalf("setAgentURI to an invalid file: %v", err)
	}
	if _, _, err := e.SetAgentURI(ctx, owner, id, client.RegistrationFile{File: second}); err != nil {
		t.Fatal(err)
	}
	if info, _ := e.Agent(ctx, id); info.URI != client.DataURI(second) {
		t.Fatalf("URI after setAgentURI: %.80s", info.URI)
	}
	if _, err := e.SetMetadata(ctx, owner, id, "region", []byte("eu-west")); err != nil {
		t.Fatal(err)
	}
	if v, err := e.AgentMetadata(ctx, id, "region"); err != nil || string(v) != "eu-west" {
		t.Fatalf("metadata %q, %v", v, err)
	}
	if _, err := e.SetMetadata(ctx, owner, id, "agentWallet", []byte{1}); err == nil || !strings.Contains(err.Error(), "ReservedMetadataKey") {
		t.Fatalf("setMetadata agentWallet: %v", err)
	}

	// Transfer: the new owner, the wallet cleared.
	if _, err := e.BindAgentWallet(ctx, owner, wallet, id, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := e.TransferAgent(ctx, stranger, id, stranger.Address()); err == nil || !strings.Contains(err.Error(), "ERC721InsufficientApproval") {
		t.Fatalf("a stranger's transfer: %v", err)
	}
	if _, err := e.TransferAgent(ctx, owner, id, stranger.Address()); err != nil {
		t.Fatal(err)
	}
	if info, _ := e.Agent(ctx, id); info.Owner != stranger.Address() || info.Wallet != (common.Address{}) {
		t.Fatalf("after the transfer: %+v", info)
	}
	if _, err := e.Agent(ctx, big.NewInt(1000)); err == nil || !strings.Contains(err.Error(), "ERC721NonexistentToken") {
		t.Fatalf("an unknown agent: %v", err)
	}
}
