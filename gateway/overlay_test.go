package gateway_test

import (
	"context"
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
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/gateway"
)

// TestOverlay_Gateway runs the sector overlays through the gateway, on a real mandate whose principal has no
// policy of its own: a direct RFQ for a high-risk capability to an EU provider waits for an approver
// (eu_ai_act.human_oversight), PHI work for a provider that declares no HIPAA compliance is refused
// (hipaa.phi_undeclared), PHI work for a US provider declaring HIPAA proceeds, and the audit log names the
// overlay's rule and the overlays that took part.
func TestOverlay_Gateway(t *testing.T) {
	e := setup(t, func(c *gateway.Config) { c.PolicyOverlays = []string{"hipaa", "eu-ai-act"} })
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	chainID := new(big.Int).SetUint64(e.dep.ChainID)
	market := eip712.EscrowDomain(chainID, e.dep.Contracts.AgentEscrow.Address)
	registry := bindings.NewMandateRegistry()
	instance := registry.Instance(e.chain.Client, e.dep.Contracts.MandateRegistry.Address)
	transact := registrySender(ctx, t, e)

	principal, approver := e.chain.Keys[7], e.chain.Keys[8]
	buyer := e.agentByFile(t, "08-code-review.json")
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
	underMandate := mandateID
	direct := func(capability, providerFile string) (response, common.Hash) {
		t.Helper()
		nonce++
		now := time.Now()
		r := eip712.RFQ{Buyer: addressOf(buyer.Wallet), Capability: capability, InputSpecHash: crypto.Keccak256Hash([]byte("spec")),
			Token: token, MaxPrice: big.NewInt(50), DeliveryDeadline: uint64(now.Add(time.Hour).Unix()), QuoteWindowMs: 2000,
			Auction: eip712.AuctionDirect, ProviderAgentID: e.agentByFile(t, providerFile).AgentID,
			ReviewWindow: 3600, Nonce: big.NewInt(nonce), Expiry: uint64(now.Add(10 * time.Minute).Unix()), MandateID: underMandate}
		td, err := eip712.MarshalTypedData(market, r)
		if err != nil {
			t.Fatal(err)
		}
		sig, _ := eip712.Sign(buyer.Wallet, market, r)
		id, _ := eip712.Digest(market, r)
		return e.post("/v1/rfqs", map[string]any{"typedData": json.RawMessage(td), "signature": hexutil.Encode(sig)}), id
	}
	type hit struct{ Rule, Outcome string }
	var escalated, denied common.Hash

	t.Run("a high-risk capability for the EU waits for an approver", func(t *testing.T) {
		// TalentSift declares EU, GB and US; candidate screening is Annex III employment.
		r, id := direct("candidate screening", "29-resume-screening.json")
		if r.Status != http.StatusAccepted {
			t.Fatalf("POST /v1/rfqs: %d %s, want 202", r.Status, r.Body)
		}
		var p struct {
			Status   string `json:"status"`
			Code     string `json:"code"`
			Approval struct {
				ID        common.Hash      `json:"id"`
				Approvers []common.Address `json:"approvers"`
			} `json:"approval"`
			Decision struct {
				Rule     string `json:"rule"`
				Reason   string `json:"reason"`
				Rules    []hit  `json:"rules"`
				Overlays []struct {
					Name string `json:"name"`
					Hash string `json:"hash"`
				} `json:"overlays"`
			} `json:"decision"`
		}
		r.decode(t, &p)
		if p.Status != "pending_approval" || p.Code != gateway.CodeApprovalRequired || p.Approval.ID != id ||
			p.Decision.Rule != "eu_ai_act.human_oversight" || !strings.Contains(p.Decision.Reason, "employment") {
			t.Fatalf("answer = %+v, want pending approval %s on eu_ai_act.human_oversight (employment)", p, id.Hex())
		}
		if len(p.Decision.Overlays) != 2 || p.Decision.Overlays[0].Name != "eu-ai-act" || p.Decision.Overlays[1].Name != "hipaa" {
			t.Fatalf("decision overlays = %+v, want eu-ai-act and hipaa", p.Decision.Overlays)
		}
		if len(p.Approval.Approvers) != 2 || p.Approval.Approvers[0] != addressOf(principal) || p.Approval.Approvers[1] != addressOf(approver) {
			t.Fatalf("approvers = %v, want the principal and the mandate's approver", p.Approval.Approvers)
		}
		if e.count(`SELECT count(*) FROM rfqs WHERE id = $1`, id.Bytes()) != 0 {
			t.Fatal("the escalated RFQ was opened")
		}
		escalated = id
	})
	t.Run("PHI for a provider without HIPAA is refused", func(t *testing.T) {
		// The same provider declares no HIPAA attestation: clinical notes are PHI.
		r, id := direct("clinical notes summarisation", "29-resume-screening.json")
		r.problem(t, http.StatusForbidden, gateway.CodePolicyDenied)
		if !strings.Contains(string(r.Body), "hipaa.phi_undeclared") {
			t.Fatalf("problem %s does not name hipaa.phi_undeclared", r.Body)
		}
		var rules []hit
		if err := e.db.QueryRow(ctx, `SELECT rules FROM policy_decisions WHERE subject = $1`, id.Bytes()).Scan(&rules); err != nil {
			t.Fatal(err)
		}
		// The EU AI Act's escalation (the provider declares a high-risk capability) is listed; the deny won.
		if len(rules) != 2 || rules[0] != (hit{"hipaa.phi_undeclared", "deny"}) || rules[1] != (hit{"eu_ai_act.human_oversight", "escalate"}) {
			t.Fatalf("recorded rules = %+v", rules)
		}
		denied = id
	})
	t.Run("PHI for a US provider declaring HIPAA proceeds", func(t *testing.T) {
		if r, _ := direct("medical dictation transcription", "04-medical-transcription.json"); r.Status != http.StatusCreated {
			t.Fatalf("POST /v1/rfqs: %d %s, want 201", r.Status, r.Body)
		}
	})
	// An agent on its own money (no mandate): no principal's policy, but the operator's overlays. PHI to an
	// undeclared provider is refused as before; a high-risk capability, which needs an approver and has none,
	// is refused with the overlay's rule; ordinary and declared work proceeds.
	t.Run("without a mandate", func(t *testing.T) {
		underMandate = nil
		defer func() { underMandate = mandateID }()
		r, _ := direct("clinical notes summarisation", "29-resume-screening.json")
		r.problem(t, http.StatusForbidden, gateway.CodePolicyDenied)
		if !strings.Contains(string(r.Body), "hipaa.phi_undeclared") {
			t.Fatalf("problem %s does not name hipaa.phi_undeclared", r.Body)
		}
		r, id := direct("candidate screening", "29-resume-screening.json")
		r.problem(t, http.StatusForbidden, gateway.CodePolicyDenied)
		if !strings.Contains(string(r.Body), "eu_ai_act.human_oversight") || !strings.Contains(string(r.Body), "no approver") {
			t.Fatalf("problem %s does not name eu_ai_act.human_oversight and the missing approver", r.Body)
		}
		if e.count(`SELECT count(*) FROM rfqs WHERE id = $1`, id.Bytes()) != 0 {
			t.Fatal("the refused RFQ was opened")
		}
		if r, _ := direct("medical dictation transcription", "04-medical-transcription.json"); r.Status != http.StatusCreated {
			t.Fatalf("PHI to a HIPAA provider without a mandate: %d %s, want 201", r.Status, r.Body)
		}
		if r, _ := direct("translation", "07-translation.json"); r.Status != http.StatusCreated {
			t.Fatalf("ordinary work without a mandate: %d %s, want 201", r.Status, r.Body)
		}
	})
	t.Run("the audit log names the overlay's rule", func(t *testing.T) {
		e.waitFor("the decisions sequenced into the audit log", func() bool {
			return e.count(`SELECT count(*) FROM audit_log WHERE subject IN ($1, $2)`, "rfq:"+escalated.Hex(), "rfq:"+denied.Hex()) == 2
		})
		for action, want := range map[string]struct {
			id   common.Hash
			rule string
		}{"policy.escalate": {escalated, "eu_ai_act.human_oversight"}, "policy.deny": {denied, "hipaa.phi_undeclared"}} {
			// The entry is its canonical JSON; audit_log has no rule column of its own.
			var rule, overlays string
			err := e.db.QueryRow(ctx, `SELECT convert_from(entry, 'UTF8')::jsonb->>'rule',
					convert_from(entry, 'UTF8')::jsonb->'inputs'->>'overlays'
				FROM audit_log WHERE action = $1 AND subject = $2`, action, "rfq:"+want.id.Hex()).Scan(&rule, &overlays)
			if err != nil {
				t.Fatalf("%s: %v", action, err)
			}
			if rule != want.rule || !strings.HasPrefix(overlays, "eu-ai-act/1/sha256:") || !strings.Contains(overlays, ",hipaa/1/sha256:") {
				t.Fatalf("%s: rule %q, overlays %q; want %s and both overlays", action, rule, overlays, want.rule)
			}
		}
	})
}
