// Command gen regenerates Agora's contract bindings from Foundry's artifacts. It is run by
// `go generate ./bindings` (see bindings/doc.go) from the bindings directory.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/agoralabs/agora/bindings/internal/bindgen"
	"github.com/agoralabs/agora/internal/modroot"
)

func main() {
	out := flag.String("out", ".", "directory to write the bindings to")
	artifacts := flag.String("artifacts", "", "Foundry output directory (default <module root>/contracts/out)")
	lib := flag.Bool("lib", false, "bind in-process with abigen.BindV2 instead of running `go tool abigen` (same output, no tool build)")
	flag.Parse()
	if err := run(*out, *artifacts, *lib); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(out, artifacts string, lib bool) error {
	root, err := modroot.Find(".")
	if err != nil {
		return err
	}
	if artifacts == "" {
		artifacts = filepath.Join(root, "contracts", "out")
	}
	binder := bindgen.Tool(root)
	if lib {
		binder = bindgen.Library
	}
	return bindgen.Generate(context.Background(), artifacts, out, binder)
}
