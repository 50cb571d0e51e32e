package conformance_test

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/conformance"
)

// compiled maps the contract names used in signatures.txt to the ABIs compiled into the bindings.
var compiled = map[string]*bind.MetaData{
	"IdentityRegistry":   &bindings.IdentityRegistryMetaData,
	"ReputationRegistry": &bindings.ReputationRegistryMetaData,
	"ValidationRegistry": &bindings.ValidationRegistryMetaData,
	"AgentEscrow":        &bindings.AgentEscrowMetaData,
	"TestUSD":            &bindings.TestUSDMetaData,
}

func readSignatures(t *testing.T) []conformance.Signature {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "erc8004", "signatures.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sigs, err := conformance.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	return sigs
}

// TestCompiledABIsConform is the ERC-8004 / ERC-8183 conformance test: every signature in
// testdata/erc8004/signatures.txt is in the compiled ABI with the same selector or topic, types,
// mutability and indexed flags.
func TestCompiledABIsConform(t *testing.T) {
	sigs := readSignatures(t)
	perContract := map[string]int{}
	for _, s := range sigs {
		meta, ok := compiled[s.Contract]
		if !ok {
			t.Fatalf("line %d: unknown contract %q", s.Line, s.Contract)
		}
		parsed, err := meta.ParseABI()
		if err != nil {
			t.Fatal(err)
		}
		if err := conformance.Check(parsed, s); err != nil {
			t.Errorf("%s (line %d): %v", s.Contract, s.Line, err)
		}
		perContract[s.Contract+" "+string(s.Kind)]++
	}
	// The ERC-8004 lists: 9 functions and 3 events of the Identity Registry (plus ERC-721), 10 and 3 of
	// the Reputation Registry, 7 and 2 of the Validation Registry; ERC-8183: 8 functions and 10 events.
	want := map[string]int{
		"IdentityRegistry function": 9 + 13, "IdentityRegistry event": 3 + 3,
		"ReputationRegistry function": 10, "ReputationRegistry event": 3,
		"ValidationRegistry function": 7, "ValidationRegistry event": 2,
		"AgentEscrow function": 8, "AgentEscrow event": 10,
	}
	for k, n := range want {
		if perContract[k] != n {
			t.Errorf("signatures.txt lists %d of %s, want %d", perContract[k], k, n)
		}
	}
}

// doctor returns the IdentityRegistry or ReputationRegistry ABI after edit changed its JSON.
func doctor(t *testing.T, meta *bind.MetaData, edit func(entries []map[string]any) []map[string]any) *abi.ABI {
	t.Helper()
	var entries []map[string]any
	if err := json.Unmarshal([]byte(meta.ABI), &entries); err != nil {
		t.Fatal(err)
	}
	entries = edit(entries)
	data, err := json.Marshal(entries)
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := abi.JSON(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	return &parsed
}

// find returns the ABI entry of the given type and name (the first, for overloads).
func find(t *testing.T, entries []map[string]any, typ, name string) map[string]any {
	t.Helper()
	for _, e := range entries {
		if e["type"] == typ && e["name"] == name {
			return e
		}
	}
	t.Fatalf("no %s %s in ABI", typ, name)
	return nil
}

func input(e map[string]any, i int) map[string]any {
	return e["inputs"].([]any)[i].(map[string]any)
}

// TestCheck_CatchesDoctoredABIs proves the check can fail: each case breaks one thing in a real compiled
// ABI that a selector or topic alone would not reveal, or that removes a member.
func TestCheck_CatchesDoctoredABIs(t *testing.T) {
	mustParse := func(line string) conformance.Signature {
		t.Helper()
		sigs, err := conformance.Parse(strings.NewReader("[X]\n" + line))
		if err != nil || len(sigs) != 1 {
			t.Fatalf("Parse(%q) = %v, %v", line, sigs, err)
		}
		return sigs[0]
	}
	tests := []struct {
		name    string
		meta    *bind.MetaData
		sig     string
		edit    func([]map[string]any) []map[string]any
		wantErr string
	}{
		{
			name: "event parameter no longer indexed",
			meta: &bindings.ReputationRegistryMetaData,
			sig:  "event FeedbackRevoked(uint256 indexed,address indexed,uint64 indexed)",
			edit: func(es []map[string]any) []map[string]any {
				input(find(t, es, "event", "FeedbackRevoked"), 2)["indexed"] = false
				return es
			},
			wantErr: "indexed=false, want true",
		},
		{
			name: "event parameter indexed that should not be",
			meta: &bindings.IdentityRegistryMetaData,
			sig:  "event Registered(uint256 indexed,string,address indexed)",
			edit: func(es []map[string]any) []map[string]any {
				input(find(t, es, "event", "Registered"), 1)["indexed"] = true
				return es
			},
			wantErr: "indexed=true, want false",
		},
		{
			name: "event removed",
			meta: &bindings.IdentityRegistryMetaData,
			sig:  "event URIUpdated(uint256 indexed,string,address indexed)",
			edit: func(es []map[string]any) []map[string]any {
				out := es[:0]
				for _, e := range es {
					if e["name"] != "URIUpdated" {
						out = append(out, e)
					}
				}
				return out
			},
			wantErr: "no event with topic",
		},
		{
			name: "event parameter type changed",
			meta: &bindings.ReputationRegistryMetaData,
			sig:  "event FeedbackRevoked(uint256 indexed,address indexed,uint64 indexed)",
			edit: func(es []map[string]any) []map[string]any {
				input(find(t, es, "event", "FeedbackRevoked"), 2)["type"] = "uint256"
				return es
			},
			wantErr: "the ABI has FeedbackRevoked(uint256,address,uint256)",
		},
		{
			name: "event made anonymous",
			meta: &bindings.IdentityRegistryMetaData,
			sig:  "event URIUpdated(uint256 indexed,string,address indexed)",
			edit: func(es []map[string]any) []map[string]any {
				find(t, es, "event", "URIUpdated")["anonymous"] = true
				return es
			},
			wantErr: "anonymous",
		},
		{
			name: "function parameter type changed",
			meta: &bindings.ReputationRegistryMetaData,
			sig:  "function revokeFeedback(uint256,uint64)",
			edit: func(es []map[string]any) []map[string]any {
				input(find(t, es, "function", "revokeFeedback"), 1)["type"] = "uint256"
				return es
			},
			wantErr: "no function with selector",
		},
		{
			name: "function return type changed",
			meta: &bindings.IdentityRegistryMetaData,
			sig:  "function getAgentWallet(uint256) view returns (address)",
			edit: func(es []map[string]any) []map[string]any {
				find(t, es, "function", "getAgentWallet")["outputs"].([]any)[0].(map[string]any)["type"] = "uint256"
				return es
			},
			wantErr: "returns (uint256), want (address)",
		},
		{
			name: "view function no longer view",
			meta: &bindings.IdentityRegistryMetaData,
			sig:  "function getAgentWallet(uint256) view returns (address)",
			edit: func(es []map[string]any) []map[string]any {
				find(t, es, "function", "getAgentWallet")["stateMutability"] = "nonpayable"
				return es
			},
			wantErr: "is nonpayable, want view",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sig := mustParse(tt.sig)
			pristine, err := tt.meta.ParseABI()
			if err != nil {
				t.Fatal(err)
			}
			if err := conformance.Check(pristine, sig); err != nil {
				t.Fatalf("Check(compiled ABI) = %v, want nil before doctoring", err)
			}
			err = conformance.Check(doctor(t, tt.meta, tt.edit), sig)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Check(doctored ABI) = %v, want an error containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestParse(t *testing.T) {
	sigs, err := conformance.Parse(strings.NewReader(`
# comment
[IdentityRegistry]
function register(string,(string,bytes)[]) returns (uint256)
function getMetadata(uint256,string) view returns (bytes)
function register()
event MetadataSet(uint256 indexed,string indexed,string,bytes)
`))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ canonical, str string }{
		{"register(string,(string,bytes)[])", "function register(string,(string,bytes)[]) returns (uint256)"},
		{"getMetadata(uint256,string)", "function getMetadata(uint256,string) view returns (bytes)"},
		{"register()", "function register()"},
		{"MetadataSet(uint256,string,string,bytes)", "event MetadataSet(uint256 indexed,string indexed,string,bytes)"},
	}
	if len(sigs) != len(want) {
		t.Fatalf("Parse returned %d signatures, want %d", len(sigs), len(want))
	}
	for i, w := range want {
		if got := sigs[i].Canonical(); got != w.canonical {
			t.Errorf("sig %d Canonical() = %q, want %q", i, got, w.canonical)
		}
		if got := sigs[i].String(); got != w.str {
			t.Errorf("sig %d String() = %q, want %q", i, got, w.str)
		}
		if sigs[i].Contract != "IdentityRegistry" {
			t.Errorf("sig %d Contract = %q, want IdentityRegistry", i, sigs[i].Contract)
		}
	}
	// Known selector and topic: ERC-721 Transfer.
	transfer, err := conformance.Parse(strings.NewReader("[T]\nevent Transfer(address indexed,address indexed,uint256 indexed)"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := transfer[0].ID(), "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"; hex.EncodeToString(got) != want {
		t.Errorf("Transfer topic = %s, want %s", hex.EncodeToString(got), want)
	}
}

func TestParse_Errors(t *testing.T) {
	tests := []string{
		"function f(uint256)",                      // no [Contract] header
		"[X]\nfunc f(uint256)",                     // bad kind
		"[X]\nfunction f(uint256 amount)",          // a name where only types belong
		"[X]\nfunction f(uint256 indexed)",         // indexed in a function
		"[X]\nevent E(uint256) view",               // trailing words on an event
		"[X]\nfunction f((uint256,bytes)",          // unbalanced
		"[X]\nfunction f(uint256) returns uint256", // returns without parentheses
		"[X]\nfunction f(uint256) payable",         // unknown modifier
		"[]\nfunction f()",                         // empty contract name
		"[X]\nfunction f(uint256,) returns (bool)", // empty parameter
		"[X]\nfunction f(uint256) returns ()",      // empty returns
	}
	for _, in := range tests {
		if _, err := conformance.Parse(strings.NewReader(in)); !errors.Is(err, conformance.ErrSyntax) {
			t.Errorf("Parse(%q) error = %v, want ErrSyntax", in, err)
		}
	}
}
