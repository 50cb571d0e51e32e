package anvil_test

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/agoralabs/agora/internal/anvil"
	"github.com/agoralabs/agora/internal/devchain"
)

func binary(t *testing.T) string {
	t.Helper()
	bin, err := devchain.Anvil()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

func start(t *testing.T, cfg anvil.Config) *anvil.Node {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	n, err := anvil.Start(ctx, cfg)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() { _ = n.Stop(context.Background()) })
	return n
}

// TestDevKeys checks the built-in keys against the accounts a real anvil reports.
func TestDevKeys(t *testing.T) {
	n := start(t, anvil.Config{Binary: binary(t), CachePath: t.TempDir()})
	c, err := rpc.Dial(n.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var accounts []common.Address
	if err := c.Call(&accounts, "eth_accounts"); err != nil {
		t.Fatal(err)
	}
	if len(accounts) != anvil.NumDevKeys {
		t.Fatalf("eth_accounts returned %d accounts, want %d", len(accounts), anvil.NumDevKeys)
	}
	keys := anvil.DevKeys()
	for i, want := range accounts {
		if got := anvil.DevAddress(i); got != want {
			t.Errorf("DevAddress(%d) = %s, want %s", i, got, want)
		}
		if got := crypto.PubkeyToAddress(keys[i].PublicKey); got != want {
			t.Errorf("DevKeys()[%d] is the key of %s, want %s", i, got, want)
		}
	}
	var chainID string
	if err := c.Call(&chainID, "eth_chainId"); err != nil || chainID != "0x7a69" {
		t.Errorf("eth_chainId = %q, %v; want 0x7a69 (%d)", chainID, err, anvil.ChainID)
	}
}

func TestStart_ListensOnLoopbackWithCache(t *testing.T) {
	cache := filepath.Join(t.TempDir(), "cache")
	n := start(t, anvil.Config{Binary: binary(t), CachePath: cache})
	if !strings.HasPrefix(n.URL(), "http://127.0.0.1:") || n.Port() == 0 {
		t.Errorf("URL() = %q, Port() = %d; want http://127.0.0.1:<port>", n.URL(), n.Port())
	}
	if fi, err := os.Stat(cache); err != nil || !fi.IsDir() {
		t.Errorf("cache path %s: %v, want a directory", cache, err)
	}
}

func TestStop(t *testing.T) {
	n := start(t, anvil.Config{Binary: binary(t), CachePath: t.TempDir()})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := n.Stop(ctx); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	select {
	case <-n.Done():
	default:
		t.Fatal("Done() not closed after Stop")
	}
	if err := n.Stop(ctx); err != nil {
		t.Errorf("second Stop = %v, want nil", err)
	}
	if conn, err := net.DialTimeout("tcp", strings.TrimPrefix(n.URL(), "http://"), time.Second); err == nil {
		conn.Close()
		t.Errorf("something still listens at %s after Stop", n.URL())
	}
}

func TestStart_Errors(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	port := busy.Addr().(*net.TCPAddr).Port

	tests := []struct {
		name string
		cfg  anvil.Config
		want string
	}{
		{"no cache path", anvil.Config{Binary: binary(t)}, "cache path is required"},
		{"missing binary", anvil.Config{Binary: filepath.Join(t.TempDir(), "anvil"), CachePath: t.TempDir()}, "start"},
		{"port taken", anvil.Config{Binary: binary(t), CachePath: t.TempDir(), Port: port}, "exited before listening"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			n, err := anvil.Start(ctx, tt.cfg)
			if err == nil {
				_ = n.Stop(ctx)
				t.Fatalf("Start succeeded, want an error containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Start error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	t.Setenv("PATH", t.TempDir())
	if _, err := anvil.Find(root); !errors.Is(err, anvil.ErrNotFound) || !strings.Contains(err.Error(), "scripts/setup.sh") {
		t.Errorf("Find(empty root) error = %v, want ErrNotFound mentioning scripts/setup.sh", err)
	}
	local := filepath.Join(root, ".tools", "bin", "anvil")
	if err := os.MkdirAll(filepath.Dir(local), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(local, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := anvil.Find(root); err != nil || got != local {
		t.Errorf("Find(root) = %q, %v; want %q", got, err, local)
	}
}
