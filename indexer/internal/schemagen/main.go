// Command schemagen writes the event-table migration (catalog.MigrationFile) from the contracts' ABIs.
//
//	go run ./indexer/internal/schemagen [-out path]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/agoralabs/agora/indexer/catalog"
	"github.com/agoralabs/agora/internal/modroot"
)

func main() {
	out := flag.String("out", "", "file to write (default <module root>/"+catalog.MigrationFile+")")
	flag.Parse()
	if *out == "" {
		root, err := modroot.Find("")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		*out = filepath.Join(root, catalog.MigrationFile)
	}
	if err := os.WriteFile(*out, []byte(catalog.Default.MigrationSQL()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
