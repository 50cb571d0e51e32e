package eip712_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runViem runs scripts/eip712-viem.cjs (viem from the npm registry, installed by scripts/setup.sh) over dir.
func runViem(t *testing.T, dir string) (string, error) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node (20+) is required to check the vectors with viem: %v", err)
	}
	if _, err := os.Stat(filepath.Join("..", ".tools", "node_modules", "viem", "package.json")); err != nil {
		t.Fatalf("viem is not installed: run scripts/setup.sh (%v)", err)
	}
	out, err := exec.Command(node, filepath.Join("..", "scripts", "eip712-viem.cjs"), dir).CombinedOutput()
	return string(out), err
}

// TestFixtures_Viem checks every vector of testdata/eip712 with viem, independently of this package, the
// contracts and cast: viem's digest, the signer it recovers, and its own signature with the signer's key.
func TestFixtures_Viem(t *testing.T) {
	fixtures := loadFixtures(t)
	out, err := runViem(t, filepath.Join("..", "testdata", "eip712"))
	if err != nil {
		t.Fatalf("viem: %v\n%s", err, out)
	}
	for _, f := range fixtures {
		if !strings.Contains(out, f.Name+" "+f.Digest.Hex()+" ok") {
			t.Errorf("viem did not confirm %s:\n%s", f.Name, out)
		}
	}
}

// TestFixtures_ViemRejectsTampered guards the harness: a vector whose message was changed must fail.
func TestFixtures_ViemRejectsTampered(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "eip712", "rfq_first_price.json"))
	if err != nil {
		t.Fatal(err)
	}
	tampered := strings.Replace(string(data), `"maxPrice": "5000000"`, `"maxPrice": "5000001"`, 1)
	if tampered == string(data) {
		t.Fatal("rfq_first_price.json no longer has the maxPrice this test changes")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "rfq_first_price.json"), []byte(tampered), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := runViem(t, dir)
	if err == nil || !strings.Contains(out, "viem digest") {
		t.Fatalf("viem accepted a tampered vector (err %v):\n%s", err, out)
	}
}
