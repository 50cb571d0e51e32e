package demo

import (
	"bufio"
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/client"
)

// The roster: who the demo market's accounts are and where their keys are, so that a person (or agora demo)
// can act as any of them. It is a text table (.devnet/agents.txt), one account a line:
//
//	role  agentId  address  keyFile  registrationFile  note...
//
// with "-" for an empty column and '#' comment lines. Key files hold a hex private key, mode 600, and are
// named relative to the roster's folder. Roles: provider (an agent whose key is its wallet, ready to trade),
// agent (an agent that is not: the note says why, e.g. invalid or frozen), owner, client, validator, arbiter,
// principal, funder.

// Roles of roster entries.
const (
	RoleProvider  = "provider"
	RoleAgent     = "agent"
	RoleOwner     = "owner"
	RoleClient    = "client"
	RoleValidator = "validator"
	RoleArbiter   = "arbiter"
	RolePrincipal = "principal"
	RoleFunder    = "funder"
)

// Entry is one account of the roster.
type Entry struct {
	Role    string
	AgentID *big.Int // agents only
	Address common.Address
	KeyFile string // as written in the roster: relative to its folder, or absolute
	File    string // the agent's registration file, when known
	Note    string
	// Key is the private key WriteRoster writes.
	Key *ecdsa.PrivateKey
	// Signer signs with the key ReadRoster loaded.
	Signer *client.KeySigner
}

// WriteRoster writes every entry's key into keysDir (created mode 700; each file mode 600, named
// <role>-<agentId or n>.key) and the roster table to path, which names the keys relative to its folder.
func WriteRoster(path, keysDir string, entries []Entry) error {
	if err := os.MkdirAll(keysDir, 0o700); err != nil {
		return fmt.Errorf("roster: %w", err)
	}
	rel, err := filepath.Rel(filepath.Dir(path), keysDir)
	if err != nil {
		rel = keysDir
	}
	var b strings.Builder
	b.WriteString("# Agora demo roster (docs/demo.md): role agentId address keyFile registrationFile note\n")
	b.WriteString("# Key files hold hex private keys (mode 600), relative to this file's folder. Act as any account with\n")
	b.WriteString("# --key-file; e.g. agora market provide --key-file <provider's keyFile> --agent-id <agentId> ...\n")
	counts := map[string]int{}
	for _, e := range entries {
		if e.Key == nil {
			return fmt.Errorf("roster: %s %s has no key", e.Role, e.Address.Hex())
		}
		name := fmt.Sprintf("%s-%d.key", e.Role, counts[e.Role])
		if e.AgentID != nil {
			name = fmt.Sprintf("agent-%s.key", e.AgentID)
		} else {
			counts[e.Role]++
		}
		keyPath := filepath.Join(keysDir, name)
		if err := os.WriteFile(keyPath, []byte(hex.EncodeToString(crypto.FromECDSA(e.Key))+"\n"), 0o600); err != nil {
			return fmt.Errorf("roster: %w", err)
		}
		if err := os.Chmod(keyPath, 0o600); err != nil { // an older file keeps its mode through WriteFile
			return fmt.Errorf("roster: %w", err)
		}
		id := "-"
		if e.AgentID != nil {
			id = e.AgentID.String()
		}
		fmt.Fprintf(&b, "%-9s %-4s %s %-26s %s %s\n", e.Role, id, crypto.PubkeyToAddress(e.Key.PublicKey).Hex(),
			filepath.ToSlash(filepath.Join(rel, name)), dash(e.File), e.Note)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// ReadRoster reads a roster and loads every key (refusing key files that group or others can read, and keys
// that are not the address the roster gives).
func ReadRoster(path string) ([]Entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("roster: %w", err)
	}
	defer f.Close()
	var out []Entry
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Fields(text)
		if len(fields) < 5 {
			return nil, fmt.Errorf("roster %s:%d: want role agentId address keyFile registrationFile [note]", path, line)
		}
		e := Entry{Role: fields[0], KeyFile: fields[3], Note: strings.Join(fields[5:], " ")}
		if fields[4] != "-" {
			e.File = fields[4]
		}
		if fields[1] != "-" {
			id, ok := new(big.Int).SetString(fields[1], 10)
			if !ok || id.Sign() < 0 {
				return nil, fmt.Errorf("roster %s:%d: agent id %q", path, line, fields[1])
			}
			e.AgentID = id
		}
		if !common.IsHexAddress(fields[2]) {
			return nil, fmt.Errorf("roster %s:%d: address %q", path, line, fields[2])
		}
		e.Address = common.HexToAddress(fields[2])
		keyPath := e.KeyFile
		if !filepath.IsAbs(keyPath) {
			keyPath = filepath.Join(filepath.Dir(path), keyPath)
		}
		s, err := client.LoadKeyFile(keyPath)
		if err != nil {
			return nil, fmt.Errorf("roster %s:%d: %w", path, line, err)
		}
		if s.Address() != e.Address {
			return nil, fmt.Errorf("roster %s:%d: %s holds the key of %s, not %s", path, line, e.KeyFile, s.Address().Hex(), e.Address.Hex())
		}
		e.Signer = s
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("roster: %w", err)
	}
	if len(out) == 0 {
		return nil, errors.New("roster: no accounts")
	}
	return out, nil
}
