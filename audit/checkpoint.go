package audit

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"github.com/transparency-dev/formats/log"
	"golang.org/x/mod/sumdb/note"
)

// A checkpoint is a signed tree head in the C2SP tlog-checkpoint form: the origin line, the tree size in
// decimal, the root hash in base64, then the signatures of a signed note (Ed25519, golang.org/x/mod/sumdb/note).
// Tools that read Go's checksum database or Rekor v2 checkpoints read these.

// Checkpoint is a verified tree head.
type Checkpoint struct {
	Origin string
	Size   uint64
	Root   []byte
	Note   string // the signed note, as served
}

// ErrCheckpoint is wrapped by every error of OpenCheckpoint.
var ErrCheckpoint = errors.New("audit: bad checkpoint")

// GenerateKey returns a new Ed25519 note key pair named origin: the signer key (secret, for the operator's
// gateways) and the verifier key (public, for auditors), in the sumdb/note text forms.
func GenerateKey(origin string) (signer, verifier string, err error) {
	if !validOrigin(origin) {
		return "", "", fmt.Errorf("audit: origin %q must be non-empty text without spaces or '+'", origin)
	}
	return note.GenerateKey(rand.Reader, origin)
}

// validOrigin reports whether origin can name a note key (sumdb/note: no space, no '+', printable).
func validOrigin(origin string) bool {
	return origin != "" && plain(origin) && !strings.ContainsAny(origin, " +")
}

// NewSigner parses a signer key (from GenerateKey).
func NewSigner(skey string) (note.Signer, error) {
	s, err := note.NewSigner(strings.TrimSpace(skey))
	if err != nil {
		return nil, fmt.Errorf("audit: signer key: %w", err)
	}
	return s, nil
}

// NewVerifier parses a verifier key (from GenerateKey).
func NewVerifier(vkey string) (note.Verifier, error) {
	v, err := note.NewVerifier(strings.TrimSpace(vkey))
	if err != nil {
		return nil, fmt.Errorf("audit: verifier key: %w", err)
	}
	return v, nil
}

// SignCheckpoint signs the tree head (size, root) of the log named by the signer.
func SignCheckpoint(s note.Signer, size uint64, root []byte) (string, error) {
	body := log.Checkpoint{Origin: s.Name(), Size: size, Hash: root}.Marshal()
	b, err := note.Sign(&note.Note{Text: string(body)}, s)
	if err != nil {
		return "", fmt.Errorf("audit: sign checkpoint: %w", err)
	}
	return string(b), nil
}

// OpenCheckpoint verifies a checkpoint's signature by v (whose name is the log's origin) and parses it.
func OpenCheckpoint(text string, v note.Verifier) (*Checkpoint, error) {
	cp, _, _, err := log.ParseCheckpoint([]byte(text), v.Name(), v)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCheckpoint, err)
	}
	return &Checkpoint{Origin: cp.Origin, Size: cp.Size, Root: cp.Hash, Note: text}, nil
}

// VerifierKey returns the verifier key (public) of a signer key (from GenerateKey).
func VerifierKey(skey string) (string, error) {
	parts := strings.SplitN(strings.TrimSpace(skey), "+", 5)
	if len(parts) != 5 || parts[0] != "PRIVATE" || parts[1] != "KEY" {
		return "", fmt.Errorf("audit: not a signer key")
	}
	key, err := base64.StdEncoding.DecodeString(parts[4])
	if err != nil || len(key) != 1+ed25519.SeedSize || key[0] != 1 { // 1: Ed25519, as sumdb/note writes it
		return "", fmt.Errorf("audit: not an Ed25519 signer key")
	}
	pub := ed25519.NewKeyFromSeed(key[1:]).Public().(ed25519.PublicKey)
	vkey, err := note.NewEd25519VerifierKey(parts[2], pub)
	if err != nil {
		return "", fmt.Errorf("audit: %w", err)
	}
	if _, err := NewSigner(skey); err != nil { // the name and hash agree with the key
		return "", err
	}
	return vkey, nil
}
