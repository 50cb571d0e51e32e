// Package bindgen generates the abigen v2 bindings in package bindings from Foundry's build artifacts
// (contracts/out/<Name>.sol/<Name>.json), one Go file per contract, deterministically.
//
// `go generate ./bindings` runs the abigen pinned in go.mod as a tool (`go tool abigen --v2`, see Tool).
// The drift test calls abigen.BindV2 from the same pinned module instead (see Library): the very function
// the tool runs, with the same arguments. So the test also proves the two agree, and it stays fast on a
// fresh machine, where compiling cmd/abigen (which links all of geth) takes about 8 minutes on 2 cores.
// The only change made to abigen's output is a contract prefix on the types that hold multi-value results
// (see prefixOutputTypes).
package bindgen

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi/abigen"
)

// Package is the Go package name of the generated bindings.
const Package = "bindings"

// Contract names a contract that gets a binding and the file it is written to.
type Contract struct {
	Name string // the Solidity contract, e.g. "IdentityRegistry"
	File string // the Go file in bindings/, e.g. "identity_registry.go"
}

// Contracts are the contracts Agora deploys, in deployment order.
var Contracts = []Contract{
	{Name: "IdentityRegistry", File: "identity_registry.go"},
	{Name: "ReputationRegistry", File: "reputation_registry.go"},
	{Name: "ValidationRegistry", File: "validation_registry.go"},
	{Name: "TestUSD", File: "test_usd.go"},
	{Name: "AgentEscrow", File: "agent_escrow.go"},
	{Name: "MandateRegistry", File: "mandate_registry.go"},
	{Name: "AuditAnchor", File: "audit_anchor.go"},
}

// ErrNoArtifact is returned when a contract's Foundry artifact is missing or has no bytecode.
var ErrNoArtifact = errors.New("forge artifact missing: run .tools/bin/forge build")

// Artifact is the part of a Foundry artifact that bindings need.
type Artifact struct {
	ABI      json.RawMessage `json:"abi"`
	Bytecode struct {
		Object string `json:"object"`
	} `json:"bytecode"`
}

// ReadArtifact reads <artifacts>/<name>.sol/<name>.json.
func ReadArtifact(artifacts, name string) (*Artifact, error) {
	path := filepath.Join(artifacts, name+".sol", name+".json")
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", path, ErrNoArtifact)
	}
	if err != nil {
		return nil, err
	}
	var a Artifact
	if err := json.Unmarshal(data, &a); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(a.ABI) == 0 || strings.TrimPrefix(a.Bytecode.Object, "0x") == "" {
		return nil, fmt.Errorf("%s: no abi or bytecode: %w", path, ErrNoArtifact)
	}
	if strings.Contains(a.Bytecode.Object, "__$") {
		return nil, fmt.Errorf("%s: bytecode needs library linking, which Agora does not use", path)
	}
	return &a, nil
}

// Binder turns one contract's ABI (compact JSON) and creation bytecode (0x-hex) into Go source.
type Binder func(ctx context.Context, name, abiJSON, bin string) ([]byte, error)

// Library binds with abigen.BindV2 in-process, passing what cmd/abigen passes for
// --abi/--bin/--type/--pkg input: no libraries, no aliases.
func Library(_ context.Context, name, abiJSON, bin string) ([]byte, error) {
	code, err := abigen.BindV2([]string{name}, []string{abiJSON}, []string{bin}, Package,
		map[string]string{}, map[string]string{})
	if err != nil {
		return nil, fmt.Errorf("abigen: %w", err)
	}
	return []byte(code), nil
}

// Tool returns a Binder that runs `go tool abigen --v2` in the module at root (where go.mod pins it).
func Tool(root string) Binder {
	return func(ctx context.Context, name, abiJSON, bin string) ([]byte, error) {
		scratch, err := os.MkdirTemp("", "bindgen-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(scratch)
		abiFile := filepath.Join(scratch, name+".abi")
		binFile := filepath.Join(scratch, name+".bin")
		outFile := filepath.Join(scratch, name+".go")
		if err := os.WriteFile(abiFile, []byte(abiJSON), 0o644); err != nil {
			return nil, err
		}
		if err := os.WriteFile(binFile, []byte(bin), 0o644); err != nil {
			return nil, err
		}
		cmd := exec.CommandContext(ctx, "go", "tool", "abigen", "--v2",
			"--abi", abiFile, "--bin", binFile, "--pkg", Package, "--type", name, "--out", outFile)
		cmd.Dir = root
		if msg, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("go tool abigen: %w: %s", err, bytes.TrimSpace(msg))
		}
		return os.ReadFile(outFile)
	}
}

// Generate writes one binding file per entry of Contracts into out, reading Foundry's artifacts from
// artifacts and binding each with bind.
func Generate(ctx context.Context, artifacts, out string, bind Binder) error {
	for _, c := range Contracts {
		a, err := ReadArtifact(artifacts, c.Name)
		if err != nil {
			return err
		}
		var abiJSON bytes.Buffer
		if err := json.Compact(&abiJSON, a.ABI); err != nil {
			return fmt.Errorf("%s: %w", c.Name, err)
		}
		code, err := bind(ctx, c.Name, abiJSON.String(), a.Bytecode.Object)
		if err != nil {
			return fmt.Errorf("%s: %w", c.Name, err)
		}
		if code, err = prefixOutputTypes(code, c.Name); err != nil {
			return fmt.Errorf("%s: %w", c.Name, err)
		}
		if err := os.WriteFile(filepath.Join(out, c.File), code, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// outputType matches the declaration of a struct abigen v2 gathers a method's results in.
var outputType = regexp.MustCompile(`(?m)^type (\w+Output) struct \{`)

// prefixOutputTypes renames every <Method>Output type to <Contract><Method>Output. abigen v2 names them
// after the method alone, so two contracts with a multi-value getSummary or eip712Domain would declare
// the same type twice in one package.
func prefixOutputTypes(code []byte, contract string) ([]byte, error) {
	for _, m := range outputType.FindAllSubmatch(code, -1) {
		old := string(m[1])
		re := regexp.MustCompile(`\b` + regexp.QuoteMeta(old) + `\b`)
		code = re.ReplaceAll(code, []byte(contract+old))
	}
	return format.Source(code)
}
