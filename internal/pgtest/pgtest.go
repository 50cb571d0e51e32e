// Package pgtest gives tests a fresh PostgreSQL database of their own, on the server named by
// AGORA_DATABASE_URL or, when that is unset, on the repo's private cluster started by scripts/pg.sh.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/agoralabs/agora/internal/modroot"
)

var (
	serverOnce sync.Once
	serverURL  string
	serverErr  error
)

// ServerURL returns the URL of the PostgreSQL server the tests use: AGORA_DATABASE_URL when set, otherwise the
// private cluster of scripts/pg.sh, started at most once per process.
func ServerURL() (string, error) {
	serverOnce.Do(func() {
		if u := os.Getenv("AGORA_DATABASE_URL"); u != "" {
			serverURL = u
			return
		}
		root, err := modroot.Find("")
		if err != nil {
			serverErr = err
			return
		}
		cmd := exec.Command("bash", filepath.Join(root, "scripts", "pg.sh"), "start")
		cmd.Dir = root
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			serverErr = fmt.Errorf("pgtest: scripts/pg.sh start: %v\n%s", err, stderr.String())
			return
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		serverURL = strings.TrimSpace(lines[len(lines)-1])
		if serverURL == "" {
			serverErr = fmt.Errorf("pgtest: scripts/pg.sh start printed no URL\n%s", stderr.String())
		}
	})
	return serverURL, serverErr
}

// New creates an empty database named agora_test_<random> for the calling test, drops it (WITH (FORCE)) when
// the test ends, and returns its URL.
func New(t testing.TB) string {
	t.Helper()
	server, err := ServerURL()
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(server)
	if err != nil {
		t.Fatalf("pgtest: bad server URL %q: %v", server, err)
	}
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	name := "agora_test_" + hex.EncodeToString(b[:])

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := exec1(ctx, server, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("pgtest: create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := exec1(ctx, server, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("pgtest: drop database %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return u.String()
}

// exec1 runs one statement on a short-lived connection to the server's maintenance database.
func exec1(ctx context.Context, server, sql string) error {
	conn, err := pgx.Connect(ctx, server)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, sql)
	return err
}
