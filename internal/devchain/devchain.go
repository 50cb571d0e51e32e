// Package devchain gives tests a real, private chain: a fresh anvil on a free 127.0.0.1 port with a scratch
// cache directory, stopped when the test ends. It uses the project's pinned anvil
// (<module root>/.tools/bin/anvil, installed by scripts/setup.sh).
package devchain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/agoralabs/agora/internal/anvil"
	"github.com/agoralabs/agora/internal/modroot"
)

// Chain is a running anvil for one test.
type Chain struct {
	// URL is the HTTP JSON-RPC endpoint.
	URL string
	// Keys are anvil's ten funded development keys, account 0 first.
	Keys []*ecdsa.PrivateKey
	// Client is connected to URL and closed when the test ends.
	Client *ethclient.Client
}

// Address returns the address of development account i.
func (c *Chain) Address(i int) common.Address {
	return crypto.PubkeyToAddress(c.Keys[i].PublicKey)
}

// Start starts anvil for t and stops it in t.Cleanup. It fails t when anvil is missing or does not answer.
func Start(t testing.TB) *Chain {
	t.Helper()
	return StartArgs(t)
}

// StartArgs is Start with extra anvil arguments (for example --prune-history for long benchmark chains).
func StartArgs(t testing.TB, args ...string) *Chain {
	t.Helper()
	bin, err := Anvil()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	node, err := anvil.Start(ctx, anvil.Config{Binary: bin, CachePath: t.TempDir(), Args: args})
	if err != nil {
		t.Fatalf("devchain: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := node.Stop(ctx); err != nil {
			t.Errorf("devchain: %v", err)
		}
	})
	client, err := ethclient.DialContext(ctx, node.URL())
	if err != nil {
		t.Fatalf("devchain: dial %s: %v", node.URL(), err)
	}
	t.Cleanup(client.Close)
	return &Chain{URL: node.URL(), Keys: anvil.DevKeys(), Client: client}
}

// Anvil returns the path of the project's pinned anvil binary, or an error telling how to install it.
func Anvil() (string, error) {
	root, err := modroot.Find("")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(root, ".tools", "bin", "anvil")
	if _, err := os.Stat(bin); err != nil {
		return "", errors.New("devchain: " + bin + " is missing: run scripts/setup.sh")
	}
	return bin, nil
}
