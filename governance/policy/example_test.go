package policy_test

import (
	"context"
	"fmt"

	"github.com/agoralabs/agora/governance/policy"
)

func Example() {
	e := policy.NewEngine(policy.Options{})
	principal := "0x70997970c51812dc3a010c7d01b50e0d17dc79c8"
	version, err := e.Set(principal, policy.Sample, map[string]any{
		"escalate_above_usd":    500,
		"allowed_jurisdictions": []string{"DE", "FR", "EU"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	rep := 72.5
	d, err := e.Decide(context.Background(), policy.Input{
		Action:        policy.ActionAward,
		Principal:     principal,
		Agent:         policy.Agent{ID: "7", Wallet: "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc"},
		Counterparty:  policy.Counterparty{ID: "12", Wallet: "0x90f79bf6eb2c4f870365e785982e1f101e93b906", Reputation: &rep, Jurisdiction: "DE"},
		Price:         "800000000",
		PriceUSD:      800,
		Token:         "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9",
		Capability:    "ocr.invoice",
		DataClasses:   []string{"pii"},
		Jurisdictions: []string{"DE"},
		SpentTodayUSD: 1200,
		Time:          "2026-03-01T12:00:00Z",
	})
	if err != nil { // an error is a deny
		fmt.Println("deny:", err)
		return
	}
	fmt.Printf("v%d %s %s: %s\n", version, d.Outcome, d.Rule, d.Reason)
	// Output: v1 escalate escalate_price: price 800 USD is above 500 USD
}
