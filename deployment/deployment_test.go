package deployment_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/agoralabs/agora/deployment"
)

func sample() *deployment.Deployment {
	c := func(addr byte, block uint64) deployment.Contract {
		return deployment.Contract{Address: common.Address{19: addr}, DeployBlock: block, TxHash: common.Hash{31: addr}}
	}
	return &deployment.Deployment{
		ChainID:  31337,
		Deployer: common.HexToAddress("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
		Contracts: deployment.Contracts{
			IdentityRegistry:   c(1, 7),
			ReputationRegistry: c(2, 8),
			ValidationRegistry: c(3, 9),
			TestUSD:            c(4, 10),
			AgentEscrow:        c(5, 11),
			MandateRegistry:    c(6, 12),
			AuditAnchor:        c(7, 13),
		},
	}
}

func TestDeployment_WriteRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nested", "deployment.json")
	want := sample()
	if err := want.Write(path); err != nil {
		t.Fatalf("Write: %v", err)
	}
	got, err := deployment.Read(path)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Read = %+v, want %+v", got, want)
	}

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	contracts, _ := doc["contracts"].(map[string]any)
	for _, name := range deployment.Names {
		entry, _ := contracts[name].(map[string]any)
		for _, key := range []string{"address", "deployBlock", "txHash"} {
			if _, ok := entry[key]; !ok {
				t.Errorf("file has no contracts.%s.%s", name, key)
			}
		}
	}
	if doc["chainId"] != float64(31337) {
		t.Errorf("file chainId = %v, want 31337", doc["chainId"])
	}
	if !bytes.HasSuffix(data, []byte("}\n")) {
		t.Errorf("file does not end with a newline")
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("directory holds %d entries after Write, want only the file", len(entries))
	}
}

func TestDecode_Invalid(t *testing.T) {
	valid := func() map[string]any {
		var buf bytes.Buffer
		if err := sample().Encode(&buf); err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		return doc
	}
	contract := func(doc map[string]any, name string) map[string]any {
		return doc["contracts"].(map[string]any)[name].(map[string]any)
	}
	tests := []struct {
		name string
		edit func(doc map[string]any)
		want string
	}{
		{"zero chain id", func(d map[string]any) { d["chainId"] = 0 }, "chainId is zero"},
		{"no chain id", func(d map[string]any) { delete(d, "chainId") }, "chainId is zero"},
		{"no deployer", func(d map[string]any) { delete(d, "deployer") }, "deployer"},
		{"missing contract", func(d map[string]any) {
			delete(d["contracts"].(map[string]any), "AgentEscrow")
		}, "AgentEscrow: address is missing"},
		{"zero deploy block", func(d map[string]any) { contract(d, "TestUSD")["deployBlock"] = 0 }, "TestUSD: deployBlock"},
		{"no tx hash", func(d map[string]any) { delete(contract(d, "ValidationRegistry"), "txHash") }, "ValidationRegistry: txHash"},
		{"shared address", func(d map[string]any) {
			contract(d, "AgentEscrow")["address"] = contract(d, "IdentityRegistry")["address"]
		}, "share address"},
		{"unknown field", func(d map[string]any) { d["network"] = "anvil" }, "unknown field"},
		{"unknown contract", func(d map[string]any) {
			d["contracts"].(map[string]any)["Mandates"] = contract(d, "TestUSD")
		}, "unknown field"},
		{"bad address", func(d map[string]any) { contract(d, "TestUSD")["address"] = "0x12" }, "invalid deployment"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := valid()
			tt.edit(doc)
			data, err := json.Marshal(doc)
			if err != nil {
				t.Fatal(err)
			}
			_, err = deployment.Decode(bytes.NewReader(data))
			if !errors.Is(err, deployment.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Decode error = %v, want ErrInvalid mentioning %q", err, tt.want)
			}
		})
	}
	if _, err := deployment.Decode(strings.NewReader(`{"chainId":1} {}`)); !errors.Is(err, deployment.ErrInvalid) {
		t.Errorf("Decode(two objects) error = %v, want ErrInvalid", err)
	}
}

// A file written before AuditAnchor existed is read: AuditAnchorAddress then says it has none, All leaves it out,
// and such a deployment is not written again. A partial AuditAnchor entry is refused.
func TestDecode_WithoutAuditAnchor(t *testing.T) {
	var buf bytes.Buffer
	if err := sample().Encode(&buf); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	contracts := doc["contracts"].(map[string]any)
	anchor := contracts[deployment.AuditAnchor]
	delete(contracts, deployment.AuditAnchor)
	old, _ := json.Marshal(doc)
	d, err := deployment.Decode(bytes.NewReader(old))
	if err != nil {
		t.Fatalf("Decode(six contracts) = %v", err)
	}
	if _, err := d.AuditAnchorAddress(); !errors.Is(err, deployment.ErrNoAuditAnchor) {
		t.Errorf("AuditAnchorAddress() error = %v, want ErrNoAuditAnchor", err)
	}
	if n := len(d.All()); n != 6 {
		t.Errorf("All() has %d contracts, want 6", n)
	}
	if _, ok := d.Contract(deployment.AuditAnchor); ok {
		t.Errorf("Contract(AuditAnchor) found in a file without it")
	}
	if got := d.StartBlock(); got != 7 {
		t.Errorf("StartBlock() = %d, want 7", got)
	}
	if err := d.Encode(&bytes.Buffer{}); !errors.Is(err, deployment.ErrInvalid) || !strings.Contains(err.Error(), "AuditAnchor") {
		t.Errorf("Encode(no AuditAnchor) error = %v, want ErrInvalid naming AuditAnchor", err)
	}

	// With it, the address is there; without its deployBlock, the file is refused.
	if addr, err := sample().AuditAnchorAddress(); err != nil || addr != sample().Contracts.AuditAnchor.Address {
		t.Errorf("AuditAnchorAddress() = %s, %v", addr, err)
	}
	delete(anchor.(map[string]any), "deployBlock")
	contracts[deployment.AuditAnchor] = anchor
	partial, _ := json.Marshal(doc)
	if _, err := deployment.Decode(bytes.NewReader(partial)); !errors.Is(err, deployment.ErrInvalid) ||
		!strings.Contains(err.Error(), "AuditAnchor: deployBlock") {
		t.Errorf("Decode(partial AuditAnchor) error = %v, want ErrInvalid", err)
	}
}

func TestDeployment_Encode_Validates(t *testing.T) {
	d := sample()
	d.Contracts.TestUSD.Address = common.Address{}
	if err := d.Encode(&bytes.Buffer{}); !errors.Is(err, deployment.ErrInvalid) {
		t.Errorf("Encode(invalid) error = %v, want ErrInvalid", err)
	}
	if err := d.Write(filepath.Join(t.TempDir(), "d.json")); !errors.Is(err, deployment.ErrInvalid) {
		t.Errorf("Write(invalid) error = %v, want ErrInvalid", err)
	}
}

func TestDeployment_StartBlockAndLookup(t *testing.T) {
	d := sample()
	d.Contracts.TestUSD.DeployBlock = 3
	if got, want := d.StartBlock(), uint64(3); got != want {
		t.Errorf("StartBlock() = %d, want %d", got, want)
	}
	names := make([]string, 0, len(deployment.Names))
	for _, c := range d.All() {
		names = append(names, c.Name)
	}
	if !reflect.DeepEqual(names, deployment.Names) {
		t.Errorf("All() names = %v, want %v", names, deployment.Names)
	}
	if c, ok := d.Contract(deployment.AgentEscrow); !ok || c != d.Contracts.AgentEscrow {
		t.Errorf("Contract(AgentEscrow) = %+v, %t, want %+v, true", c, ok, d.Contracts.AgentEscrow)
	}
	if _, ok := d.Contract("Nope"); ok {
		t.Errorf("Contract(Nope) found, want not found")
	}
}
