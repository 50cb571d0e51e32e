package gateway_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"math/big"
	"net/http"
	"strings"
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

// authorityAnswer is the part of GET /v1/agreements/{id}/authority the test reads.
type authorityAnswer struct {
	MandateID        string `json:"mandateId"`
	Bound            bool   `json:"bound"`
	Error            string `json:"error"`
	Reason           string `json:"reason"`
	Band             string `json:"band"`
	ApprovalsHave    uint8  `json:"approvalsHave"`
	ApprovalsNeed    uint8  `json:"approvalsNeed"`
	ApprovalsMissing uint8  `json:"approvalsMissing"`
	AgreementState   string `json:"agreementState"`
	Mandate          *struct {
		ID        string         `json:"id"`
		Principal common.Address `json:"principal"`
		Revoked   bool           `json:"revoked"`
		Live      bool           `json:"live"`
		Remaining string         `json:"remaining"`
	} `json:"mandate"`
	Block struct {
		Number uint64 `json:"number"`
	} `json:"block"`
}

// registrySender returns a function that sends a MandateRegistry call from a key and waits for its success.
func registrySender(ctx context.Context, t *testing.T, e *env) func(*ecdsa.PrivateKey, []byte) {
	chainID := new(big.Int).SetUint64(e.dep.ChainID)
	registry := bindings.NewMandateRegistry()
	instance := registry.Instance(e.chain.Client, e.dep.Contracts.MandateRegistry.Address)
	return func(key *ecdsa.PrivateKey, data []byte) {
		t.Helper()
		opts := bind.NewKeyedTransactor(key, chainID)
		opts.Context = ctx
		tx, err := bind.Transact(instance, opts, data)
		if err != nil {
			t.Fatal(err)
		}
		if r, err := deployment.WaitMined(ctx, e.chain.Client, tx, 30*time.Second); err != nil || r.Status != 1 {
			t.Fatalf("transaction: %v %v", r, err)
		}
	}
}

// TestGateway_Authority grants a real mandate on anvil, posts agreements signed under it, and reads the proof
// of authority the gateway derives from the chain: bound in the autonomous band, refused until an approver
// approves in the approval band, refused once the principal revokes; and the mandate itself, by id and by
// agent.
func TestGateway_Authority(t *testing.T) {
	e := setup(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	chainID := new(big.Int).SetUint64(e.dep.ChainID)
	market := eip712.EscrowDomain(chainID, e.dep.Contracts.AgentEscrow.Address)
	registry := bindings.NewMandateRegistry()
	instance := registry.Instance(e.chain.Client, e.dep.Contracts.MandateRegistry.Address)
	send := registrySender(ctx, t, e)

	buyer := e.agentByFile(t, "02-eu-invoice-ocr.json") // acts for the principal through its agent wallet
	provider := e.agentByFile(t, "01-vietnamese-invoice-ocr.json")
	principal, approver := e.chain.Keys[7], e.chain.Keys[8]
	token := e.dep.Contracts.TestUSD.Address
	head, err := e.chain.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	terms := eip712.Mandate{Principal: addressOf(principal), AgentID: buyer.AgentID, Agent: addressOf(buyer.Wallet),
		Token: token, MaxPerJob: big.NewInt(500), Budget: big.NewInt(1000), ValidUntil: head.Time + 86400,
		Approvers: []common.Address{addressOf(approver)}, Quorum: 1, EscalateAbove: big.NewInt(100), QuorumHigh: 1,
		TimelockAbove: big.NewInt(500)}
	send(principal, registry.PackGrant(terms.Terms()))
	out, err := bind.Call(instance, &bind.CallOpts{Context: ctx}, registry.PackMandateCount(), registry.UnpackMandateCount)
	if err != nil {
		t.Fatal(err)
	}
	mandateID := out

	nonce := time.Now().UnixNano()
	post := func(price int64, mandate *big.Int) common.Hash {
		t.Helper()
		nonce++
		now := uint64(time.Now().Unix())
		a := eip712.ServiceAgreement{ProviderAgentID: provider.AgentID, Client: addressOf(buyer.Wallet),
			Provider: addressOf(provider.Wallet), Token: token, Price: big.NewInt(price), DeliveryDeadline: now + 3600,
			ExpiredAt: now + 7200, DeliverableSpecHash: crypto.Keccak256Hash([]byte("spec")), ReviewWindow: 60,
			Nonce: big.NewInt(nonce), Expiry: new(big.Int).SetUint64(now + 600), MandateID: mandate}
		td, err := eip712.MarshalTypedData(market, a)
		if err != nil {
			t.Fatal(err)
		}
		cs, _ := eip712.Sign(buyer.Wallet, market, a)
		ps, _ := eip712.Sign(provider.Wallet, market, a)
		r := e.post("/v1/agreements", map[string]any{"typedData": json.RawMessage(td),
			"clientSignature": hexutil.Encode(cs), "providerSignature": hexutil.Encode(ps)})
		if r.Status != http.StatusCreated {
			t.Fatalf("POST /v1/agreements: %d %s", r.Status, r.Body)
		}
		digest, err := eip712.Digest(market, a)
		if err != nil {
			t.Fatal(err)
		}
		return digest
	}
	authorityOf := func(id common.Hash) authorityAnswer {
		t.Helper()
		r := e.get("/v1/agreements/" + id.Hex() + "/authority")
		if r.Status != http.StatusOK {
			t.Fatalf("authority of %s: %d %s", id.Hex(), r.Status, r.Body)
		}
		var a authorityAnswer
		r.decode(t, &a)
		return a
	}

	small := post(50, mandateID)
	approval := post(200, mandateID)
	none := post(50, nil)

	t.Run("autonomous band binds the principal", func(t *testing.T) {
		a := authorityOf(small)
		if !a.Bound || a.Error != "" || a.Band != "autonomous" || a.Mandate == nil ||
			a.Mandate.Principal != addressOf(principal) || a.Mandate.Remaining != "1000" || !a.Mandate.Live ||
			a.AgreementState != "signed" || a.Block.Number == 0 {
			t.Fatalf("authority = %+v (mandate %+v), want bound in the autonomous band by %s with 1000 left",
				a, a.Mandate, addressOf(principal))
		}
	})
	t.Run("approval band needs the approver", func(t *testing.T) {
		a := authorityOf(approval)
		if a.Bound || a.Error != "ApprovalsMissing" || a.Band != "approval" || a.ApprovalsMissing != 1 || a.ApprovalsNeed != 1 {
			t.Fatalf("before approval: %+v, want refused with ApprovalsMissing and one approval missing", a)
		}
		send(approver, registry.PackApprove(mandateID, approval))
		if a := authorityOf(approval); !a.Bound || a.ApprovalsHave != 1 || a.ApprovalsMissing != 0 {
			t.Fatalf("after approval: %+v, want bound with one approval", a)
		}
	})
	t.Run("the mandate's activity", func(t *testing.T) {
		e.waitFor("the indexer to mirror the approval", func() bool {
			return e.count(`SELECT count(*) FROM mandate_approvals WHERE mandate_id = $1::text::numeric`, mandateID.String()) == 1
		})
		var act struct {
			MandateID string `json:"mandateId"`
			Jobs      []any  `json:"jobs"`
			Approvals []struct {
				AgreementHash string   `json:"agreementHash"`
				Approvals     int      `json:"approvals"`
				Approvers     []string `json:"approvers"`
			} `json:"approvals"`
		}
		e.get("/v1/mandates/"+mandateID.String()+"/activity").decode(t, &act)
		if act.MandateID != mandateID.String() || len(act.Approvals) != 1 || act.Approvals[0].AgreementHash != approval.Hex() ||
			act.Approvals[0].Approvals != 1 || len(act.Approvals[0].Approvers) != 1 ||
			!strings.EqualFold(act.Approvals[0].Approvers[0], addressOf(approver).Hex()) || act.Jobs == nil {
			t.Fatalf("activity %+v, want the one on-chain approval of %s by %s", act, approval.Hex(), addressOf(approver).Hex())
		}
		e.get("/v1/mandates/99999/activity").problem(t, http.StatusNotFound, gateway.CodeMandateNotFound)
		e.get("/v1/mandates/x1/activity").problem(t, http.StatusBadRequest, gateway.CodeInvalidID)
		e.get("/v1/mandates/0/activity").problem(t, http.StatusBadRequest, gateway.CodeInvalidID)
	})
	t.Run("no mandate binds nobody", func(t *testing.T) {
		if a := authorityOf(none); a.Bound || a.MandateID != "0" || a.Mandate != nil {
			t.Fatalf("authority = %+v, want unbound without a mandate", a)
		}
	})
	t.Run("the mandate by id", func(t *testing.T) {
		var m struct {
			ID      string `json:"id"`
			AgentID string `json:"agentId"`
			Budget  string `json:"budget"`
		}
		r := e.get("/v1/mandates/" + mandateID.String())
		if r.Status != http.StatusOK {
			t.Fatalf("GET mandate: %d %s", r.Status, r.Body)
		}
		r.decode(t, &m)
		if m.ID != mandateID.String() || m.AgentID != buyer.AgentID.String() || m.Budget != "1000" {
			t.Fatalf("mandate = %+v", m)
		}
		e.get("/v1/mandates/99999").problem(t, http.StatusNotFound, gateway.CodeMandateNotFound)
		e.get("/v1/mandates/x1").problem(t, http.StatusBadRequest, gateway.CodeInvalidID)
		e.get("/v1/agreements/"+common.Hash{1}.Hex()+"/authority").problem(t, http.StatusNotFound, gateway.CodeAgreementNotFound)
	})
	t.Run("revocation unbinds at once", func(t *testing.T) {
		send(principal, registry.PackRevoke(mandateID))
		a := authorityOf(small)
		if a.Bound || a.Error != "MandateIsRevoked" || a.Mandate == nil || !a.Mandate.Revoked || a.Mandate.Live ||
			a.Mandate.Remaining != "0" {
			t.Fatalf("authority = %+v (mandate %+v), want refused as MandateIsRevoked", a, a.Mandate)
		}
	})
	t.Run("the agent's mandates", func(t *testing.T) {
		e.waitFor("the indexer to mirror the grant", func() bool {
			return e.count(`SELECT count(*) FROM governance_mandate_granted WHERE mandate_id = $1::text::numeric`,
				mandateID.String()) == 1
		})
		var list struct {
			Mandates []struct {
				ID      string `json:"id"`
				Revoked bool   `json:"revoked"`
			} `json:"mandates"`
		}
		r := e.get("/v1/agents/" + buyer.AgentID.String() + "/mandates")
		if r.Status != http.StatusOK {
			t.Fatalf("GET mandates: %d %s", r.Status, r.Body)
		}
		r.decode(t, &list)
		if len(list.Mandates) != 1 || list.Mandates[0].ID != mandateID.String() || !list.Mandates[0].Revoked {
			t.Fatalf("mandates = %+v, want mandate %s, revoked", list.Mandates, mandateID)
		}
		if r := e.get("/v1/agents/" + provider.AgentID.String() + "/mandates"); r.Status != http.StatusOK {
			t.Fatalf("GET mandates of an agent without any: %d %s", r.Status, r.Body)
		}
	})
}
