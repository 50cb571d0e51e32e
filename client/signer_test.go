package client_test

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/eip712"
)

// testKeyHex is a fixed private key (not a dev chain's).
const testKeyHex = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"

func testKeyAddress(t *testing.T) common.Address {
	t.Helper()
	k, err := crypto.HexToECDSA(testKeyHex)
	if err != nil {
		t.Fatal(err)
	}
	return crypto.PubkeyToAddress(k.PublicKey)
}

func writeFile(t *testing.T, content string, mode os.FileMode) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil { // umask may have narrowed it
		t.Fatal(err)
	}
	return path
}

func TestLoadKeyFile_Forms(t *testing.T) {
	want := testKeyAddress(t)
	for name, content := range map[string]string{
		"bare":       testKeyHex,
		"0x":         "0x" + testKeyHex,
		"whitespace": "  \n0x" + testKeyHex + "\r\n\n",
		"upper":      strings.ToUpper(testKeyHex) + "\n",
	} {
		t.Run(name, func(t *testing.T) {
			s, err := client.LoadKeyFile(writeFile(t, content, 0o600))
			if err != nil {
				t.Fatalf("LoadKeyFile: %v", err)
			}
			if s.Address() != want {
				t.Fatalf("address %s, want %s", s.Address().Hex(), want.Hex())
			}
			for _, shown := range []string{fmt.Sprint(s), fmt.Sprintf("%+v", s), fmt.Sprintf("%#v", s)} {
				if strings.Contains(strings.ToLower(shown), testKeyHex[:16]) || !strings.Contains(shown, want.Hex()) {
					t.Errorf("printing the signer shows %q", shown)
				}
			}
		})
	}
}

func TestLoadKeyFile_Refusals(t *testing.T) {
	for _, tc := range []struct {
		name    string
		content string
		mode    os.FileMode
		is      error
		want    string
	}{
		{"group readable", testKeyHex, 0o640, client.ErrKeyFilePermissions, "chmod 600"},
		{"world readable", testKeyHex, 0o604, client.ErrKeyFilePermissions, "chmod 600"},
		{"group writable", testKeyHex, 0o620, client.ErrKeyFilePermissions, "chmod 600"},
		{"not hex", "0x" + strings.Repeat("zz", 32), 0o600, nil, "invalid private key"},
		{"short", testKeyHex[:62], 0o600, nil, "invalid private key"},
		{"long", testKeyHex + "00", 0o600, nil, "invalid private key"},
		{"zero", strings.Repeat("0", 64), 0o600, nil, "invalid private key"},
		{"empty", "", 0o600, nil, "invalid private key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := client.LoadKeyFile(writeFile(t, tc.content, tc.mode))
			if err == nil || !strings.Contains(err.Error(), tc.want) || (tc.is != nil && !errors.Is(err, tc.is)) {
				t.Fatalf("LoadKeyFile: error %v, want one containing %q", err, tc.want)
			}
			if tc.content != "" && strings.Contains(err.Error(), tc.content[2:20]) {
				t.Fatalf("the error shows the file's content: %v", err)
			}
		})
	}
	if _, err := client.LoadKeyFile(filepath.Join(t.TempDir(), "missing")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("missing file: %v", err)
	}
	if _, err := client.LoadKeyFile(t.TempDir()); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Fatalf("a directory: %v", err)
	}
}

func TestLoadKeystore(t *testing.T) {
	key, err := crypto.HexToECDSA(testKeyHex)
	if err != nil {
		t.Fatal(err)
	}
	const pass = "correct horse battery staple"
	blob, err := keystore.EncryptKey(&keystore.Key{Address: crypto.PubkeyToAddress(key.PublicKey), PrivateKey: key},
		pass, keystore.LightScryptN, keystore.LightScryptP)
	if err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, string(blob), 0o600)
	s, err := client.LoadKeystore(path, pass)
	if err != nil {
		t.Fatalf("LoadKeystore: %v", err)
	}
	if s.Address() != testKeyAddress(t) {
		t.Fatalf("address %s", s.Address().Hex())
	}
	_, err = client.LoadKeystore(path, "wrong")
	if !errors.Is(err, keystore.ErrDecrypt) || strings.Contains(err.Error(), "wrong") {
		t.Fatalf("wrong passphrase: %v", err)
	}
	if _, err := client.LoadKeystore(writeFile(t, "{}", 0o600), pass); err == nil {
		t.Fatal("an empty keystore loaded")
	}
}

// TestSign: signatures recover to the signer with v 27/28, as eip712.Sign makes them.
func TestSign(t *testing.T) {
	s, err := client.ParseKey("0x" + testKeyHex)
	if err != nil {
		t.Fatal(err)
	}
	d := eip712.EscrowDomain(big.NewInt(31337), common.HexToAddress("0x00000000000000000000000000000000000000e5"))
	q := eip712.Quote{RFQID: common.Hash{1}, ProviderAgentID: big.NewInt(3), Provider: s.Address(), Price: big.NewInt(5),
		Nonce: big.NewInt(9), ValidUntil: 99}
	sig, err := client.Sign(context.Background(), s, d, q)
	if err != nil {
		t.Fatal(err)
	}
	key, _ := crypto.HexToECDSA(testKeyHex)
	want, err := eip712.Sign(key, d, q)
	if err != nil {
		t.Fatal(err)
	}
	if hex.EncodeToString(sig) != hex.EncodeToString(want) || (sig[64] != 27 && sig[64] != 28) {
		t.Fatalf("signature %x, want eip712.Sign's %x", sig, want)
	}
	if got, err := eip712.Recover(d, q, sig); err != nil || got != s.Address() {
		t.Fatalf("recovered %s, %v", got.Hex(), err)
	}
	if _, err := client.ParseKey("0x1234"); err == nil || strings.Contains(err.Error(), "1234") {
		t.Fatalf("ParseKey of a short key: %v", err)
	}
}

// TestTransactOpts: a transaction signed through a Signer is sent by its address.
func TestTransactOpts(t *testing.T) {
	s, _ := client.ParseKey(testKeyHex)
	chain := big.NewInt(31337)
	opts := client.TransactOpts(context.Background(), s, chain)
	tx := types.NewTx(&types.DynamicFeeTx{ChainID: chain, Nonce: 1, Gas: 21000, GasFeeCap: big.NewInt(1), GasTipCap: big.NewInt(1),
		To: &common.Address{1}, Value: big.NewInt(1)})
	signed, err := opts.Signer(s.Address(), tx)
	if err != nil {
		t.Fatal(err)
	}
	from, err := types.Sender(types.LatestSignerForChainID(chain), signed)
	if err != nil || from != s.Address() {
		t.Fatalf("sender %s, %v; want %s", from.Hex(), err, s.Address().Hex())
	}
	if _, err := opts.Signer(common.Address{2}, tx); err == nil {
		t.Fatal("signed for another account")
	}
}
