package gateway_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"slices"
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

// governancePolicy is the principal's Rego policy in TestGateway_Governance: one deny rule and one
// escalation, on top of the mandate's own limits.
const governancePolicy = `package agora.policy

deny contains {"rule": "capability", "reason": "the principal does not buy this"} if input.capability == "forbidden work"

escalate contains {"rule": "escalate_price", "reason": "above 100 base units"} if to_number(input.price) > 100
`

// TestGateway_Governance drives the inline policy check through the gateway against a real mandate on anvil
// and a principal's Rego policy loaded from the policy directory: allow, deny by the policy, refusals by the
// mandate (with the registry's error), an escalation approved or denied by an approver's signed decision (and
// refused from the agent itself), the kill switch withdrawing an open RFQ when the principal revokes, and the
// decisions recorded with their input hashes.
func TestGateway_Governance(t *testing.T) {
	// anvil's dev key 7 is the principal: its policy must be in the directory before the gateway starts.
	principal, err := crypto.HexToECDSA("4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, strings.ToLower(addressOf(principal).Hex())+".rego")
	if err := os.WriteFile(file, []byte(governancePolicy), 0o600); err != nil {
		t.Fatal(err)
	}
	// Approvals expire after 3 s here, so that one expiry can be watched.
	e := setup(t, func(c *gateway.Config) { c.PolicyDir, c.ApprovalTTL = dir, 3*time.Second })
	if addressOf(e.chain.Keys[7]) != addressOf(principal) {
		t.Fatalf("dev key 7 is %s, not the principal %s", addressOf(e.chain.Keys[7]), addressOf(principal))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	chainID := new(big.Int).SetUint64(e.dep.ChainID)
	market := eip712.EscrowDomain(chainID, e.dep.Contracts.AgentEscrow.Address)
	gatewayDomain := eip712.GatewayDomain(chainID, e.dep.Contracts.IdentityRegistry.Address)
	registry := bindings.NewMandateRegistry()
	instance := registry.Instance(e.chain.Client, e.dep.Contracts.MandateRegistry.Address)
	transact := registrySender(ctx, t, e)

	buyer := e.agentByFile(t, "02-eu-invoice-ocr.json")
	approver := e.chain.Keys[8]
	token := e.dep.Contracts.TestUSD.Address
	head, err := e.chain.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	terms := eip712.Mandate{Principal: addressOf(principal), AgentID: buyer.AgentID, Agent: addressOf(buyer.Wallet),
		Token: token, MaxPerJob: big.NewInt(500), Budget: big.NewInt(100_000), ValidUntil: head.Time + 86400,
		Approvers: []common.Address{addressOf(approver)}, Quorum: 1, EscalateAbove: big.NewInt(500), QuorumHigh: 1,
		TimelockAbove: big.NewInt(500)}
	transact(principal, registry.PackGrant(terms.Terms()))
	mandateID, err := bind.Call(instance, &bind.CallOpts{Context: ctx}, registry.PackMandateCount(), registry.UnpackMandateCount)
	if err != nil {
		t.Fatal(err)
	}

	nonce := time.Now().UnixNano()
	rfq := func(capability string, maxPrice int64, window uint32) eip712.RFQ {
		nonce++
		now := time.Now()
		return eip712.RFQ{Buyer: addressOf(buyer.Wallet), Capability: capability, InputSpecHash: crypto.Keccak256Hash([]byte("spec")),
			Token: token, MaxPrice: big.NewInt(maxPrice), DeliveryDeadline: uint64(now.Add(time.Hour).Unix()), QuoteWindowMs: window,
			ReviewWindow: 3600, Nonce: big.NewInt(nonce), Expiry: uint64(now.Add(10 * time.Minute).Unix()), MandateID: mandateID,
			ProviderAgentID: new(big.Int)}
	}
	postRFQ := func(r eip712.RFQ) (response, common.Hash) {
		t.Helper()
		td, err := eip712.MarshalTypedData(market, r)
		if err != nil {
			t.Fatal(err)
		}
		sig, _ := eip712.Sign(buyer.Wallet, market, r)
		id, _ := eip712.Digest(market, r)
		return e.post("/v1/rfqs", map[string]any{"typedData": json.RawMessage(td), "signature": hexutil.Encode(sig)}), id
	}
	decideBy := func(key *ecdsa.PrivateKey, id common.Hash, decision uint8) response {
		t.Helper()
		m := eip712.PolicyApproval{ApprovalID: id, Decision: decision, Deadline: uint64(time.Now().Add(time.Minute).Unix())}
		td, _ := eip712.MarshalTypedData(gatewayDomain, m)
		sig, _ := eip712.Sign(key, gatewayDomain, m)
		return e.post("/v1/approvals/"+id.Hex(), map[string]any{"typedData": json.RawMessage(td), "signature": hexutil.Encode(sig)})
	}
	type pending struct {
		Status   string `json:"status"`
		Code     string `json:"code"`
		Approval struct {
			ID        common.Hash      `json:"id"`
			Status    string           `json:"status"`
			Approvers []common.Address `json:"approvers"`
		} `json:"approval"`
		Decision struct {
			Rule          string `json:"rule"`
			PolicyVersion int    `json:"policyVersion"`
		} `json:"decision"`
	}

	t.Run("allowed within the mandate and the policy", func(t *testing.T) {
		if r, _ := postRFQ(rfq("invoice ocr", 50, 2000)); r.Status != http.StatusCreated {
			t.Fatalf("POST /v1/rfqs: %d %s", r.Status, r.Body)
		}
	})
	t.Run("the policy denies", func(t *testing.T) {
		r, _ := postRFQ(rfq("forbidden work", 50, 2000))
		r.problem(t, http.StatusForbidden, gateway.CodePolicyDenied)
		if !strings.Contains(string(r.Body), "capability") {
			t.Fatalf("problem %s does not name the rule", r.Body)
		}
	})
	t.Run("the mandate refuses, naming the registry's rule", func(t *testing.T) {
		r, _ := postRFQ(rfq("invoice ocr", 600, 2000))
		r.problem(t, http.StatusForbidden, gateway.CodeMandateRefused)
		var p gateway.Problem
		r.decode(t, &p)
		if p.RegistryError != "OverJobCap" {
			t.Fatalf("registryError = %q, want OverJobCap", p.RegistryError)
		}
		other := rfq("invoice ocr", 50, 2000)
		other.MandateID = big.NewInt(99999)
		r, _ = postRFQ(other)
		r.problem(t, http.StatusForbidden, gateway.CodeMandateRefused)
	})
	t.Run("an escalation waits for an approver", func(t *testing.T) {
		asked := rfq("invoice ocr", 200, 2000)
		r, id := postRFQ(asked)
		if r.Status != http.StatusAccepted {
			t.Fatalf("POST /v1/rfqs: %d %s, want 202", r.Status, r.Body)
		}
		var p pending
		r.decode(t, &p)
		if p.Code != gateway.CodeApprovalRequired || p.Approval.ID != id || p.Approval.Status != "pending" ||
			p.Decision.Rule != "escalate_price" || p.Decision.PolicyVersion != 1 {
			t.Fatalf("pending = %+v, want approval %s pending on escalate_price (policy version 1)", p, id.Hex())
		}
		if e.count(`SELECT count(*) FROM rfqs WHERE id = $1`, id.Bytes()) != 0 {
			t.Fatal("an escalated RFQ was opened")
		}
		var list struct {
			Approvals []struct {
				ID common.Hash `json:"id"`
			} `json:"approvals"`
		}
		queue := func(signer *ecdsa.PrivateKey, who common.Address, deadline time.Time) response {
			m := eip712.ApprovalsQuery{Approver: who, Deadline: uint64(deadline.Unix())}
			sig, _ := eip712.Sign(signer, gatewayDomain, m)
			return e.get(fmt.Sprintf("/v1/approvals?status=pending&approver=%s&deadline=%d&signature=%s", who.Hex(),
				m.Deadline, hexutil.Encode(sig)))
		}
		queue(approver, addressOf(approver), time.Now().Add(time.Minute)).decode(t, &list)
		if len(list.Approvals) == 0 || list.Approvals[0].ID != id {
			t.Fatalf("the approver's queue = %+v, want %s first", list.Approvals, id.Hex())
		}
		// Only the approver reads its queue: no signature, another's, or an expired one are refused.
		e.get("/v1/approvals?approver="+addressOf(approver).Hex()).problem(t, http.StatusUnauthorized, gateway.CodeUnauthenticated)
		queue(buyer.Wallet, addressOf(approver), time.Now().Add(time.Minute)).problem(t, http.StatusUnauthorized, gateway.CodeUnauthenticated)
		queue(approver, addressOf(approver), time.Now().Add(-time.Minute)).problem(t, http.StatusBadRequest, gateway.CodeExpired)
		var none struct {
			Approvals []json.RawMessage `json:"approvals"`
		}
		queue(e.chain.Keys[9], addressOf(e.chain.Keys[9]), time.Now().Add(time.Minute)).decode(t, &none)
		if len(none.Approvals) != 0 {
			t.Fatalf("a stranger's queue = %d approvals, want none", len(none.Approvals))
		}
		// Bad decisions change nothing: an expired deadline, another chain, another approval's id, a forgery.
		stale := eip712.PolicyApproval{ApprovalID: id, Decision: eip712.PolicyApprove, Deadline: uint64(time.Now().Add(-time.Minute).Unix())}
		post := func(d eip712.Domain, m eip712.PolicyApproval, key *ecdsa.PrivateKey, spoil func([]byte)) response {
			td, _ := eip712.MarshalTypedData(d, m)
			sig, _ := eip712.Sign(key, d, m)
			if spoil != nil {
				spoil(sig)
			}
			return e.post("/v1/approvals/"+id.Hex(), map[string]any{"typedData": json.RawMessage(td), "signature": hexutil.Encode(sig)})
		}
		post(gatewayDomain, stale, approver, nil).problem(t, http.StatusBadRequest, gateway.CodeExpired)
		fresh := stale
		fresh.Deadline = uint64(time.Now().Add(time.Minute).Unix())
		otherChain := gatewayDomain
		otherChain.ChainID = big.NewInt(8453)
		post(otherChain, fresh, approver, nil).problem(t, http.StatusBadRequest, gateway.CodeWrongChain)
		wrongID := fresh
		wrongID.ApprovalID = common.Hash{1}
		post(gatewayDomain, wrongID, approver, nil).problem(t, http.StatusBadRequest, gateway.CodeInvalidBody)
		post(gatewayDomain, fresh, approver, func(sig []byte) { sig[10] ^= 1 }).problem(t, http.StatusForbidden, gateway.CodeNotApprover)
		var still struct {
			Status string `json:"status"`
		}
		e.get("/v1/approvals/"+id.Hex()).decode(t, &still)
		if still.Status != "pending" {
			t.Fatalf("after refused decisions the approval is %q, want pending", still.Status)
		}
		// The agent cannot approve itself, nor can a stranger.
		decideBy(buyer.Wallet, id, eip712.PolicyApprove).problem(t, http.StatusForbidden, gateway.CodeNotApprover)
		decideBy(e.chain.Keys[9], id, eip712.PolicyApprove).problem(t, http.StatusForbidden, gateway.CodeNotApprover)
		if r := decideBy(approver, id, eip712.PolicyApprove); r.Status != http.StatusOK {
			t.Fatalf("approve: %d %s", r.Status, r.Body)
		}
		decideBy(approver, id, eip712.PolicyDeny).problem(t, http.StatusConflict, gateway.CodeApprovalDecided)
		if r, _ := postRFQ(asked); r.Status != http.StatusCreated {
			t.Fatalf("the approved RFQ, posted again: %d %s", r.Status, r.Body)
		}
	})
	t.Run("a denied escalation is refused", func(t *testing.T) {
		asked := rfq("invoice ocr", 300, 2000)
		r, id := postRFQ(asked)
		if r.Status != http.StatusAccepted {
			t.Fatalf("POST /v1/rfqs: %d %s, want 202", r.Status, r.Body)
		}
		if r := decideBy(principal, id, eip712.PolicyDeny); r.Status != http.StatusOK {
			t.Fatalf("deny by the principal: %d %s", r.Status, r.Body)
		}
		r, _ = postRFQ(asked)
		r.problem(t, http.StatusForbidden, gateway.CodeApprovalDenied)
	})
	t.Run("an escalation nobody decides expires", func(t *testing.T) {
		asked := rfq("invoice ocr", 400, 2000)
		r, id := postRFQ(asked)
		if r.Status != http.StatusAccepted {
			t.Fatalf("POST /v1/rfqs: %d %s, want 202", r.Status, r.Body)
		}
		time.Sleep(3100 * time.Millisecond)
		r, _ = postRFQ(asked)
		r.problem(t, http.StatusForbidden, gateway.CodeApprovalExpired)
		decideBy(approver, id, eip712.PolicyApprove).problem(t, http.StatusConflict, gateway.CodeApprovalDecided)
	})
	t.Run("a contract wallet approves through ERC-1271", func(t *testing.T) {
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
		opts := bind.NewKeyedTransactor(e.chain.Keys[0], chainID)
		opts.Context = ctx
		safe, tx, err := bind.DeployContract(opts, artifact.Bytecode.Object, e.chain.Client,
			common.LeftPadBytes(addressOf(approver).Bytes(), 32)) // the wallet accepts its owner's ECDSA signatures
		if err != nil {
			t.Fatal(err)
		}
		if _, err := deployment.WaitMined(ctx, e.chain.Client, tx, 30*time.Second); err != nil {
			t.Fatal(err)
		}
		second := terms
		second.Approvers = []common.Address{safe}
		transact(principal, registry.PackGrant(second.Terms()))
		id2, err := bind.Call(instance, &bind.CallOpts{Context: ctx}, registry.PackMandateCount(), registry.UnpackMandateCount)
		if err != nil {
			t.Fatal(err)
		}
		asked := rfq("invoice ocr", 200, 2000)
		asked.MandateID = id2
		r, id := postRFQ(asked)
		var p pending
		if r.decode(t, &p); r.Status != http.StatusAccepted || !slices.Contains(p.Approval.Approvers, safe) {
			t.Fatalf("POST /v1/rfqs: %d %s, want 202 with the wallet %s among the approvers", r.Status, r.Body, safe.Hex())
		}
		r = decideBy(approver, id, eip712.PolicyApprove) // the owner's signature, which the wallet accepts
		var decided struct {
			Status    string          `json:"status"`
			DecidedBy *common.Address `json:"decidedBy"`
		}
		if r.decode(t, &decided); r.Status != http.StatusOK || decided.DecidedBy == nil || *decided.DecidedBy != safe {
			t.Fatalf("decision: %d %s, want approved by the wallet %s", r.Status, r.Body, safe.Hex())
		}
		if r, _ := postRFQ(asked); r.Status != http.StatusCreated {
			t.Fatalf("the approved RFQ, posted again: %d %s", r.Status, r.Body)
		}
	})
	t.Run("decisions are recorded with their inputs' hash", func(t *testing.T) {
		n := e.count(`SELECT count(*) FROM policy_decisions WHERE principal = $1 AND octet_length(input_hash) = 32
			AND policy_version = 1`, addressOf(principal).Bytes())
		if n < 6 {
			t.Fatalf("%d decisions recorded for the principal, want at least 6", n)
		}
		if e.count(`SELECT count(*) FROM policy_decisions WHERE outcome = 'deny' AND rule = 'mandate:OverJobCap'`) != 1 {
			t.Fatal("the mandate's refusal was not recorded")
		}
	})
	t.Run("signing and funding an agreement are checked", func(t *testing.T) {
		provider := e.agentByFile(t, "01-vietnamese-invoice-ocr.json")
		agreement := func(price int64) (map[string]any, common.Hash, []byte) {
			nonce++
			now := uint64(time.Now().Unix())
			a := eip712.ServiceAgreement{ProviderAgentID: provider.AgentID, Client: addressOf(buyer.Wallet),
				Provider: addressOf(provider.Wallet), Token: token, Price: big.NewInt(price), DeliveryDeadline: now + 3600,
				ExpiredAt: now + 7200, DeliverableSpecHash: crypto.Keccak256Hash([]byte("spec")), ReviewWindow: 60,
				Nonce: big.NewInt(nonce), Expiry: new(big.Int).SetUint64(now + 600), MandateID: mandateID}
			td, _ := eip712.MarshalTypedData(market, a)
			cs, _ := eip712.Sign(buyer.Wallet, market, a)
			ps, _ := eip712.Sign(provider.Wallet, market, a)
			id, _ := eip712.Digest(market, a)
			return map[string]any{"typedData": json.RawMessage(td), "providerSignature": hexutil.Encode(ps)}, id, cs
		}
		body, id, cs := agreement(50)
		body["clientSignature"] = hexutil.Encode(cs)
		if r := e.post("/v1/agreements", body); r.Status != http.StatusCreated {
			t.Fatalf("POST /v1/agreements: %d %s", r.Status, r.Body)
		}
		if r := e.post("/v1/agreements/"+id.Hex()+"/fund-decision", nil); r.Status != http.StatusOK {
			t.Fatalf("fund-decision: %d %s", r.Status, r.Body)
		}
		// Above the policy's escalation price the client's signature waits for an approver; the provider's
		// is stored meanwhile.
		body, id, cs = agreement(250)
		if r := e.post("/v1/agreements", body); r.Status != http.StatusAccepted {
			t.Fatalf("provider signature: %d %s, want 202 (stored, waiting for the client)", r.Status, r.Body)
		}
		withClient := map[string]any{"typedData": body["typedData"], "clientSignature": hexutil.Encode(cs)}
		r := e.post("/v1/agreements", withClient)
		var p pending
		if r.decode(t, &p); r.Status != http.StatusAccepted || p.Code != gateway.CodeApprovalRequired || p.Approval.ID != id {
			t.Fatalf("client signature: %d %s, want 202 approval_required for %s", r.Status, r.Body, id.Hex())
		}
		e.post("/v1/agreements/"+id.Hex()+"/fund-decision", nil).decode(t, &p)
		if p.Code != gateway.CodeApprovalRequired {
			t.Fatalf("fund-decision before approval = %+v, want approval_required", p)
		}
		if r := decideBy(approver, id, eip712.PolicyApprove); r.Status != http.StatusOK {
			t.Fatalf("approve: %d %s", r.Status, r.Body)
		}
		if r := e.post("/v1/agreements", withClient); r.Status != http.StatusCreated {
			t.Fatalf("client signature after approval: %d %s, want 201 (signed)", r.Status, r.Body)
		}
		if r := e.post("/v1/agreements/"+id.Hex()+"/fund-decision", nil); r.Status != http.StatusOK {
			t.Fatalf("fund-decision after approval: %d %s", r.Status, r.Body)
		}
	})
	t.Run("the kill switch withdraws open RFQs and refuses new ones", func(t *testing.T) {
		r, id := postRFQ(rfq("invoice ocr", 50, 30_000)) // a 30 s window: still open when the mandate goes
		if r.Status != http.StatusCreated {
			t.Fatalf("POST /v1/rfqs: %d %s", r.Status, r.Body)
		}
		follower := e.dial(t, "capability=nothing+matches+this")
		send(t, follower, map[string]any{"type": "follow", "rfqId": id.Hex()})
		if ev := readEvent(t, follower, 5*time.Second); ev.Type != "following" {
			t.Fatalf("follow answer %+v", ev)
		}
		transact(principal, registry.PackRevoke(mandateID))
		e.waitFor("the RFQ to be withdrawn", func() bool {
			var v struct {
				Status string `json:"status"`
			}
			e.get("/v1/rfqs/"+id.Hex()).decode(t, &v)
			return v.Status == "withdrawn"
		})
		if ev := readEvent(t, follower, 5*time.Second); ev.Type != "withdrawn" || ev.RFQ == nil || ev.RFQ.ID != id.Hex() {
			t.Fatalf("the follower heard %+v, want withdrawn for %s", ev, id.Hex())
		}
		r, _ = postRFQ(rfq("invoice ocr", 50, 2000))
		r.problem(t, http.StatusForbidden, gateway.CodeMandateRevoked)
	})
	t.Run("a freeze stops the agent, but only its principal's", func(t *testing.T) {
		own := func() eip712.RFQ { r := rfq("invoice ocr", 50, 2000); r.MandateID = nil; return r }
		freeze := func(key *ecdsa.PrivateKey) {
			t.Helper()
			transact(key, registry.PackFreeze(addressOf(key), buyer.AgentID))
			e.waitFor("the indexer to mirror the freeze", func() bool {
				return e.count(`SELECT count(*) FROM agent_freezes WHERE principal = $1 AND agent_id = $2::text::numeric AND frozen`,
					addressOf(key).Bytes(), buyer.AgentID.String()) == 1
			})
		}
		freeze(e.chain.Keys[9]) // a stranger "freezes" the agent for its own (non-existent) mandates
		if r, _ := postRFQ(own()); r.Status != http.StatusCreated {
			t.Fatalf("after a stranger's freeze: %d %s, want 201", r.Status, r.Body)
		}
		freeze(principal)
		r, _ := postRFQ(own())
		r.problem(t, http.StatusForbidden, gateway.CodeMandateRevoked)
	})
}
