package client

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/eip712"
)

// Signer is an account that signs: market messages, agreements and, through the escrow helpers,
// transactions.
type Signer interface {
	// Address is the account's address.
	Address() common.Address
	// SignDigest signs a 32-byte digest as it is (no prefix is added) and returns the 65-byte signature
	// r ‖ s ‖ v with a low s and v 27 or 28.
	SignDigest(ctx context.Context, digest common.Hash) ([]byte, error)
}

// KeySigner is a Signer holding a secp256k1 private key in memory. Its String and GoString show only the
// address, so that printing one never prints the key.
type KeySigner struct {
	key  *ecdsa.PrivateKey
	addr common.Address
}

// NewKeySigner returns a Signer for key.
func NewKeySigner(key *ecdsa.PrivateKey) *KeySigner {
	return &KeySigner{key: key, addr: crypto.PubkeyToAddress(key.PublicKey)}
}

// Address implements Signer.
func (s *KeySigner) Address() common.Address { return s.addr }

// SignDigest implements Signer: go-ethereum's secp256k1 signature (low s) with v moved to 27/28.
func (s *KeySigner) SignDigest(_ context.Context, digest common.Hash) ([]byte, error) {
	sig, err := crypto.Sign(digest.Bytes(), s.key)
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	sig[64] += 27
	return sig, nil
}

// String returns the signer's address.
func (s *KeySigner) String() string { return "KeySigner(" + s.addr.Hex() + ")" }

// GoString returns the signer's address (for %#v).
func (s *KeySigner) GoString() string { return s.String() }

// Sign signs the EIP-712 digest of m under d with s.
func Sign(ctx context.Context, s Signer, d eip712.Domain, m eip712.Message) ([]byte, error) {
	digest, err := eip712.Digest(d, m)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", m.PrimaryType(), err)
	}
	sig, err := s.SignDigest(ctx, digest)
	if err != nil {
		return nil, err
	}
	if len(sig) != 65 || (sig[64] != 27 && sig[64] != 28) {
		return nil, fmt.Errorf("signer %s returned a malformed signature (%d bytes)", s.Address().Hex(), len(sig))
	}
	return sig, nil
}

// ErrKeyFilePermissions is returned (wrapped) by LoadKeyFile for a key file that group or others may access.
var ErrKeyFilePermissions = errors.New("key file is accessible by group or others")

// LoadKeyFile reads a hex private key (32 bytes, optional 0x, surrounding whitespace ignored) from path.
// On Unix it refuses a file whose permissions grant group or others any access (chmod 600 fixes it), as ssh
// refuses such private keys: a key other users can read is no longer private. The errors never contain the
// file's content.
func LoadKeyFile(path string) (*KeySigner, error) {
	key, err := LoadPrivateKeyFile(path)
	if err != nil {
		return nil, err
	}
	return NewKeySigner(key), nil
}

// LoadPrivateKeyFile reads a hex private key from a file as LoadKeyFile does (mode 600 required), for a
// caller that sends transactions with it itself (the audit log's anchorer).
func LoadPrivateKeyFile(path string) (*ecdsa.PrivateKey, error) {
	raw, err := ReadSecretFile(path)
	if err != nil {
		return nil, err
	}
	key, err := parseHexKey(string(raw))
	clear(raw)
	if err != nil {
		return nil, fmt.Errorf("key file %s: %w", path, err)
	}
	return key, nil
}

// ReadSecretFile reads a small secret file (at most 4 KiB) that only its owner may read or write (mode 600:
// ErrKeyFilePermissions otherwise): a private key, the audit log's signer key. The caller clears the bytes.
func ReadSecretFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("key file: %w", err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("key file %s: not a regular file", path)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("%w: %s has mode %04o; chmod 600 it", ErrKeyFilePermissions, path, info.Mode().Perm())
	}
	if info.Size() > 4096 {
		return nil, fmt.Errorf("key file %s: %d bytes, too long for a key", path, info.Size())
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("key file: %w", err)
	}
	return raw, nil
}

// ParseKey reads a hex private key (32 bytes, optional 0x, surrounding whitespace ignored). Its error never
// contains the input.
func ParseKey(s string) (*KeySigner, error) {
	key, err := parseHexKey(s)
	if err != nil {
		return nil, err
	}
	return NewKeySigner(key), nil
}

func parseHexKey(s string) (*ecdsa.PrivateKey, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != 32 {
		clear(b)
		return nil, errors.New("invalid private key: want 32 bytes of hex")
	}
	key, err := crypto.ToECDSA(b)
	clear(b)
	if err != nil {
		return nil, errors.New("invalid private key: not a secp256k1 scalar")
	}
	return key, nil
}

// LoadKeystore decrypts the go-ethereum keystore (Web3 Secret Storage) file at path with passphrase.
// A wrong passphrase gives an error wrapping keystore.ErrDecrypt.
func LoadKeystore(path, passphrase string) (*KeySigner, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("keystore: %w", err)
	}
	if info.Size() > 1<<20 {
		return nil, fmt.Errorf("keystore %s: %d bytes, too long for a keystore file", path, info.Size())
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("keystore: %w", err)
	}
	k, err := keystore.DecryptKey(raw, passphrase)
	if err != nil {
		return nil, fmt.Errorf("keystore %s: %w", path, err)
	}
	return NewKeySigner(k.PrivateKey), nil
}
