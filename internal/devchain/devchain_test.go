package devchain_test

import (
	"context"
	"testing"
	"time"

	"github.com/agoralabs/agora/internal/devchain"
)

func TestStart(t *testing.T) {
	chain := devchain.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	id, err := chain.Client.ChainID(ctx)
	if err != nil || id.Uint64() != 31337 {
		t.Fatalf("ChainID = %v, %v; want 31337", id, err)
	}
	bal, err := chain.Client.BalanceAt(ctx, chain.Address(9), nil)
	if err != nil || bal.Sign() <= 0 {
		t.Errorf("BalanceAt(dev account 9) = %v, %v; want a funded account", bal, err)
	}
	// Two chains in one test are independent.
	other := devchain.Start(t)
	if other.URL == chain.URL {
		t.Errorf("two chains share %s", chain.URL)
	}
}
