package bindings_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/agoralabs/agora/bindings/internal/bindgen"
	"github.com/agoralabs/agora/internal/modroot"
)

// TestBindingsUpToDate regenerates the bindings from contracts/out into a scratch directory and fails if
// any committed file differs (geth's TestBindingGeneration). Missing artifacts are a failure, not a skip:
// CI builds the contracts before the Go tests.
func TestBindingsUpToDate(t *testing.T) {
	root, err := modroot.Find(".")
	if err != nil {
		t.Fatal(err)
	}
	artifacts := filepath.Join(root, "contracts", "out")
	for _, c := range bindgen.Contracts {
		if _, err := bindgen.ReadArtifact(artifacts, c.Name); err != nil {
			t.Fatalf("%v (the drift check needs Foundry's artifacts)", err)
		}
	}

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	fresh := t.TempDir()
	// bindgen.Library is what `go tool abigen` runs; go generate used the tool, so equal files also mean
	// the two agree.
	if err := bindgen.Generate(ctx, artifacts, fresh, bindgen.Library); err != nil {
		t.Fatalf("Generate: %v", err)
	}
	for _, c := range bindgen.Contracts {
		t.Run(c.Name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(fresh, c.File))
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(c.File)
			if err != nil {
				t.Fatalf("%v: run go generate ./bindings", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from a fresh generation at %s: run go generate ./bindings and commit it",
					c.File, firstDiff(got, want))
			}
		})
	}
}

// TestBindingsNoStrayFiles catches a generated file left behind by a contract that was removed from the
// list.
func TestBindingsNoStrayFiles(t *testing.T) {
	known := map[string]bool{}
	for _, c := range bindgen.Contracts {
		known[c.File] = true
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.HasPrefix(data, []byte("// Code generated via abigen")) && !known[f] {
			t.Errorf("%s is a generated binding for no contract in bindgen.Contracts", f)
		}
	}
}

func TestReadArtifact_Missing(t *testing.T) {
	_, err := bindgen.ReadArtifact(t.TempDir(), "IdentityRegistry")
	if err == nil || !strings.Contains(err.Error(), ".tools/bin/forge build") {
		t.Errorf("ReadArtifact(empty dir) error = %v, want one saying to run .tools/bin/forge build", err)
	}
}

// firstDiff describes the first line where got and want differ, around the first differing byte.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			col := 0
			for col < len(g[i]) && col < len(w[i]) && g[i][col] == w[i][col] {
				col++
			}
			return fmt.Sprintf("line %d col %d: got %q, want %q", i+1, col+1, window(g[i], col), window(w[i], col))
		}
	}
	return fmt.Sprintf("end of file (%d lines, want %d)", len(g), len(w))
}

// window returns up to 40 bytes of s on either side of col.
func window(s string, col int) string {
	lo, hi := max(col-40, 0), min(col+40, len(s))
	return s[lo:hi]
}
