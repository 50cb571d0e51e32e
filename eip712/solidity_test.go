package eip712_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/agoralabs/agora/eip712"
)

// keccakOfLiterals matches keccak256("..." "..." ...): Solidity joins adjacent string literals.
var keccakOfLiterals = regexp.MustCompile(`keccak256\(\s*((?:"[^"]*"\s*)+)\)`)

var literal = regexp.MustCompile(`"([^"]*)"`)

// TestSolidityTypeStrings_FollowGo checks that every EIP-712 type string in the Solidity sources (contracts
// and tests) is the one the Go package defines (eip712.TypeString), so that the two codebases follow one
// definition; and that each Go type is found there (the contracts' own typehashes, the fixture tests' for
// the off-chain types).
func TestSolidityTypeStrings_FollowGo(t *testing.T) {
	want := map[string]string{}
	for _, m := range []eip712.Message{eip712.AgentWalletSet{}, eip712.ServiceAgreement{}, eip712.Heartbeat{},
		eip712.RFQ{}, eip712.Quote{}, eip712.Mandate{}, eip712.MandateApproval{},
		eip712.PolicyApproval{}, eip712.ApprovalsQuery{}, eip712.AuditQuery{}} {
		want[m.PrimaryType()] = eip712.TypeString(m)
	}
	found := map[string]int{}
	var files []string
	for _, dir := range []string{"src", "src/libraries", "src/interfaces", "test"} {
		fs, err := filepath.Glob(filepath.Join("..", "contracts", dir, "*.sol"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fs...)
	}
	if len(files) == 0 {
		t.Fatal("no Solidity sources under contracts/")
	}
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keccakOfLiterals.FindAllStringSubmatch(string(src), -1) {
			var b strings.Builder
			for _, lit := range literal.FindAllStringSubmatch(m[1], -1) {
				b.WriteString(lit[1])
			}
			s := b.String()
			name, _, ok := strings.Cut(s, "(")
			w, known := want[name]
			if !ok || !known {
				continue
			}
			found[name]++
			if s != w {
				t.Errorf("%s: %s type string\n  %s\nwant (eip712.TypeString)\n  %s", path, name, s, w)
			}
		}
	}
	for name := range want {
		if found[name] == 0 {
			t.Errorf("no Solidity source defines %s's type string", name)
		}
	}
}
