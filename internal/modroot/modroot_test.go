package modroot_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/agoralabs/agora/internal/modroot"
)

func TestFind(t *testing.T) {
	t.Run("from a package directory", func(t *testing.T) {
		got, err := modroot.Find("")
		if err != nil {
			t.Fatalf("Find(%q) error: %v", "", err)
		}
		if _, err := os.Stat(filepath.Join(got, "go.mod")); err != nil {
			t.Fatalf("Find(%q) = %q, which holds no go.mod", "", got)
		}
		want, _ := filepath.Abs("../..")
		if got != want {
			t.Fatalf("Find(%q) = %q, want %q", "", got, want)
		}
	})
	t.Run("outside any module", func(t *testing.T) {
		dir := t.TempDir()
		if got, err := modroot.Find(dir); err == nil {
			t.Fatalf("Find(%q) = %q, want an error", dir, got)
		}
	})
}
