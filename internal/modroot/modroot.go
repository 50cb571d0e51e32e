// Package modroot finds the root of the Agora module (the directory holding go.mod), where the toolchain
// (.tools/), the contract artifacts (contracts/out/) and testdata/ live.
package modroot

import (
	"errors"
	"os"
	"path/filepath"
)

// Find returns the directory holding go.mod, searching upwards from dir ("" means the working directory,
// which for a test is its package directory).
func Find(dir string) (string, error) {
	if dir == "" {
		dir = "."
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("modroot: no go.mod above " + dir)
		}
		dir = parent
	}
}
