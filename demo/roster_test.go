package demo

import (
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
)

// TestRoster writes a roster and reads it back: every key in its own mode-600 file, named relative to the
// roster, read back as the same signer; then the roster refuses a key file others can read, a key that is not
// the address listed, and a malformed line.
func TestRoster(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "agents.txt")
	keys := make([]*Entry, 0, 4)
	for _, e := range []Entry{{Role: RoleProvider, AgentID: big.NewInt(7), File: "testdata/agents/07-translation.json"},
		{Role: RoleOwner}, {Role: RoleClient}, {Role: RoleClient, Note: "a buyer with tUSD"}} {
		k, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		e.Key = k
		keys = append(keys, &e)
	}
	var entries []Entry
	for _, e := range keys {
		entries = append(entries, *e)
	}
	if err := WriteRoster(path, filepath.Join(dir, "keys"), entries); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(filepath.Join(dir, "keys")); err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("keys folder: %v %v", fi.Mode(), err)
	}
	got, err := ReadRoster(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 {
		t.Fatalf("%d entries", len(got))
	}
	for i, e := range got {
		want := crypto.PubkeyToAddress(keys[i].Key.PublicKey)
		if e.Role != keys[i].Role || e.Address != want || e.Signer.Address() != want || e.Note != keys[i].Note {
			t.Errorf("entry %d: %+v, want %s %s %q", i, e, keys[i].Role, want.Hex(), keys[i].Note)
		}
		if fi, err := os.Stat(filepath.Join(dir, e.KeyFile)); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v %v", e.KeyFile, fi.Mode(), err)
		}
	}
	if got[0].AgentID.Int64() != 7 || got[0].File != "testdata/agents/07-translation.json" || got[0].KeyFile != "keys/agent-7.key" {
		t.Errorf("provider entry %+v", got[0])
	}
	if got[2].KeyFile != "keys/client-0.key" || got[3].KeyFile != "keys/client-1.key" {
		t.Errorf("client key files %s %s", got[2].KeyFile, got[3].KeyFile)
	}

	refuse := func(name, want string, mutate func()) {
		t.Helper()
		if err := WriteRoster(path, filepath.Join(dir, "keys"), entries); err != nil {
			t.Fatal(err)
		}
		mutate()
		if _, err := ReadRoster(path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", name, err, want)
		}
	}
	refuse("a loose key file", "group or others", func() {
		if err := os.Chmod(filepath.Join(dir, "keys", "owner-0.key"), 0o644); err != nil {
			t.Fatal(err)
		}
	})
	refuse("another account's key", "holds the key of", func() {
		data, _ := os.ReadFile(filepath.Join(dir, "keys", "client-0.key"))
		if err := os.WriteFile(filepath.Join(dir, "keys", "owner-0.key"), data, 0o600); err != nil {
			t.Fatal(err)
		}
	})
	refuse("a malformed line", "want role agentId address keyFile", func() {
		f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
		f.WriteString("client 0xabc\n")
		f.Close()
	})
}
