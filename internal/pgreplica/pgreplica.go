// Package pgreplica gives a test a real PostgreSQL streaming standby of the server pgtest uses (the private
// cluster of scripts/pg.sh): pg_basebackup -R -X stream into a temporary folder, then pg_ctl start on a free
// 127.0.0.1 port. As root both run as the non-root user postgres, as scripts/pg.sh does. The standby
// replicates the whole cluster, so every pgtest database appears on it (Standby.URL, WaitDatabase).
package pgreplica

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/agoralabs/agora/internal/pgtest"
)

// Standby is a running (or stopped) streaming standby.
type Standby struct {
	dir     string // the temporary folder: data/ and postgres.log
	data    string
	port    int
	primary string // the primary server's URL
	bin     string
	running bool
}

func pgBin() string {
	if b := os.Getenv("PG_BIN"); b != "" {
		return b
	}
	return "/usr/lib/postgresql/15/bin"
}

// Start makes a standby of the test server with pg_basebackup and starts it; the test's cleanup stops it
// and removes its folder. The primary must run with wal_level replica and accept replication connections
// from 127.0.0.1 (scripts/pg.sh's cluster does).
func Start(t testing.TB) *Standby {
	t.Helper()
	primary, err := pgtest.ServerURL()
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(primary)
	if err != nil {
		t.Fatalf("pgreplica: primary url: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, primary)
	if err != nil {
		t.Fatalf("pgreplica: primary: %v", err)
	}
	var level string
	err = conn.QueryRow(ctx, `SHOW wal_level`).Scan(&level)
	conn.Close(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if level == "minimal" {
		t.Fatalf("pgreplica: the primary runs with wal_level=minimal (a cluster started by an older scripts/pg.sh): " +
			"restart it with scripts/pg.sh stop, and the next test starts it with wal_level=replica")
	}

	dir, err := os.MkdirTemp("", "agora-standby-")
	if err != nil {
		t.Fatal(err)
	}
	s := &Standby{dir: dir, data: filepath.Join(dir, "data"), primary: primary, bin: pgBin()}
	t.Cleanup(func() {
		s.Stop(t)
		_ = os.RemoveAll(dir)
	})
	if os.Geteuid() == 0 {
		pg, err := user.Lookup("postgres")
		if err != nil {
			t.Fatalf("pgreplica: running as root needs the non-root user postgres: %v", err)
		}
		uid, _ := strconv.Atoi(pg.Uid)
		gid, _ := strconv.Atoi(pg.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	host, port := u.Hostname(), u.Port()
	if port == "" {
		port = "5432"
	}
	user := u.User.Username()
	if user == "" {
		user = "postgres"
	}
	if out, err := s.run(ctx, filepath.Join(s.bin, "pg_basebackup"), "-D", s.data, "-R", "-X", "stream", "-c", "fast",
		"-h", host, "-p", port, "-U", user); err != nil {
		t.Fatalf("pgreplica: pg_basebackup: %v\n%s", err, out)
	}
	s.Restart(t)
	return s
}

// run runs a PostgreSQL binary as the cluster's owner: postgres when we are root, else ourselves.
func (s *Standby) run(ctx context.Context, name string, args ...string) ([]byte, error) {
	var cmd *exec.Cmd
	if os.Geteuid() == 0 {
		cmd = exec.CommandContext(ctx, "runuser", append([]string{"-u", "postgres", "--", name}, args...)...)
	} else {
		cmd = exec.CommandContext(ctx, name, args...)
	}
	cmd.Dir = "/"
	return cmd.CombinedOutput()
}

// Restart starts the (stopped) standby again, on its port when it is still free.
func (s *Standby) Restart(t testing.TB) {
	t.Helper()
	if s.running {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var last error
	for range 5 {
		if s.port == 0 || !portFree(s.port) {
			p, err := freePort()
			if err != nil {
				t.Fatal(err)
			}
			s.port = p
		}
		out, err := s.run(ctx, filepath.Join(s.bin, "pg_ctl"), "start", "-D", s.data, "-l", filepath.Join(s.dir, "postgres.log"),
			"-w", "-t", "60", "-o", fmt.Sprintf("-p %d -c shared_buffers=64MB", s.port))
		if err == nil {
			s.running = true
			return
		}
		last = fmt.Errorf("%v\n%s", err, out)
		s.port = 0
	}
	log, _ := os.ReadFile(filepath.Join(s.dir, "postgres.log"))
	t.Fatalf("pgreplica: pg_ctl start: %v\n%s", last, tail(string(log), 2000))
}

// Stop stops the standby (fast shutdown); Restart starts it again.
func (s *Standby) Stop(t testing.TB) {
	t.Helper()
	if !s.running {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if out, err := s.run(ctx, filepath.Join(s.bin, "pg_ctl"), "stop", "-D", s.data, "-m", "fast", "-w", "-t", "60"); err != nil {
		t.Errorf("pgreplica: pg_ctl stop: %v\n%s", err, out)
		return
	}
	s.running = false
}

// URL returns the standby's URL of the database that dbURL (a URL on the primary) names.
func (s *Standby) URL(dbURL string) string {
	u, err := url.Parse(dbURL)
	if err != nil {
		return ""
	}
	u.Host = net.JoinHostPort("127.0.0.1", strconv.Itoa(s.port))
	return u.String()
}

// WaitDatabase waits until the database of dbURL (created on the primary) has reached the standby and
// answers there.
func (s *Standby) WaitDatabase(t testing.TB, dbURL string) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		conn, err := pgx.Connect(ctx, s.URL(dbURL))
		if err == nil {
			var standby bool
			err = conn.QueryRow(ctx, `SELECT pg_is_in_recovery()`).Scan(&standby)
			conn.Close(ctx)
			if err == nil && !standby {
				err = errors.New("not in recovery")
			}
		}
		cancel()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("pgreplica: the database of %s on the standby: %v", dbURL, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func portFree(port int) bool {
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return false
	}
	ln.Close()
	return true
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
