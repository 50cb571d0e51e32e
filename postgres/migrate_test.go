package postgres_test

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"math/big"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/pressly/goose/v3"

	"github.com/agoralabs/agora/internal/pgtest"
	"github.com/agoralabs/agora/postgres"
)

func migrated(t *testing.T) *pgx.Conn {
	t.Helper()
	ctx := context.Background()
	url := pgtest.New(t)
	if _, err := postgres.Migrate(ctx, url); err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func TestMigrateAppliesOnceAndIsIdempotent(t *testing.T) {
	ctx := context.Background()
	files, err := fs.Glob(postgres.Migrations(), "*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("embedded migrations: %v, %v", files, err)
	}
	url := pgtest.New(t)
	applied, err := postgres.Migrate(ctx, url)
	if err != nil {
		t.Fatalf("first Migrate: %v", err)
	}
	if applied != len(files) {
		t.Fatalf("first Migrate applied %d, want %d (%v)", applied, len(files), files)
	}
	applied, err = postgres.Migrate(ctx, url)
	if err != nil {
		t.Fatalf("second Migrate: %v", err)
	}
	if applied != 0 {
		t.Fatalf("second Migrate applied %d, want 0", applied)
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var domains []string
	rows, _ := conn.Query(ctx, "SELECT domain_name FROM information_schema.domains WHERE domain_schema = 'public' ORDER BY 1")
	domains, err = pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(domains, ","); got != "address,hash32,uint256" {
		t.Fatalf("domains = %s, want address,hash32,uint256", got)
	}
}

func TestMigrateBadURL(t *testing.T) {
	if _, err := postgres.Migrate(context.Background(), "postgres://postgres@127.0.0.1:1/none?sslmode=disable&connect_timeout=2"); err == nil {
		t.Fatal("Migrate on an unreachable server: want an error")
	}
}

func TestUint256Domain(t *testing.T) {
	ctx := context.Background()
	conn := migrated(t)
	two256 := new(big.Int).Lsh(big.NewInt(1), 256)
	maxU := new(big.Int).Sub(two256, big.NewInt(1))
	for _, tc := range []struct {
		value string
		ok    bool
	}{
		{"0", true},
		{"1", true},
		{maxU.String(), true},
		{two256.String(), false},
		{new(big.Int).Add(two256, big.NewInt(1)).String(), false},
		{"-1", false},
		{"-" + maxU.String(), false},
	} {
		var got string
		err := conn.QueryRow(ctx, "SELECT $1::numeric::uint256::text", tc.value).Scan(&got)
		if tc.ok {
			if err != nil {
				t.Errorf("uint256 %s rejected: %v", tc.value, err)
			} else if got != tc.value {
				t.Errorf("uint256 %s round-tripped as %s", tc.value, got)
			}
		} else if err == nil {
			t.Errorf("uint256 %s accepted", tc.value)
		}
	}
}

func TestByteDomains(t *testing.T) {
	ctx := context.Background()
	conn := migrated(t)
	for _, tc := range []struct {
		domain string
		n      int
		ok     bool
	}{
		{"address", 20, true},
		{"address", 19, false},
		{"address", 21, false},
		{"address", 0, false},
		{"address", 32, false},
		{"hash32", 32, true},
		{"hash32", 31, false},
		{"hash32", 33, false},
		{"hash32", 20, false},
	} {
		b := make([]byte, tc.n)
		for i := range b {
			b[i] = byte(i + 1)
		}
		var got []byte
		err := conn.QueryRow(ctx, "SELECT $1::bytea::"+tc.domain, b).Scan(&got)
		if tc.ok {
			if err != nil {
				t.Errorf("%s of %d bytes rejected: %v", tc.domain, tc.n, err)
			} else if string(got) != string(b) {
				t.Errorf("%s of %d bytes round-tripped as %x", tc.domain, tc.n, got)
			}
		} else if err == nil {
			t.Errorf("%s of %d bytes accepted", tc.domain, tc.n)
		}
	}
	// The domains also hold in a table column, not only in casts.
	if _, err := conn.Exec(ctx, "CREATE TABLE t (a address NOT NULL, h hash32, v uint256)"); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, "INSERT INTO t VALUES ($1, $2, 5)", make([]byte, 20), make([]byte, 32)); err != nil {
		t.Fatalf("valid row rejected: %v", err)
	}
	if _, err := conn.Exec(ctx, "INSERT INTO t VALUES ($1, NULL, NULL)", make([]byte, 21)); err == nil {
		t.Fatal("21-byte address accepted in a table column")
	}
	if _, err := conn.Exec(ctx, "INSERT INTO t VALUES ($1, NULL, -1)", make([]byte, 20)); err == nil {
		t.Fatal("negative uint256 accepted in a table column")
	}
}

func TestMigrationsGoDownAndUpAgain(t *testing.T) {
	ctx := context.Background()
	url := pgtest.New(t)
	if _, err := postgres.Migrate(ctx, url); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p, err := goose.NewProvider(goose.DialectPostgres, db, postgres.Migrations())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.DownTo(ctx, 0); err != nil {
		t.Fatalf("down to 0: %v", err)
	}
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM information_schema.domains WHERE domain_schema = 'public'").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("%d domains left after going down", n)
	}
	if applied, err := postgres.Migrate(ctx, url); err != nil || applied == 0 {
		t.Fatalf("Migrate after down: applied %d, %v", applied, err)
	}
}

// TestRegfileScheduleMigration upgrades registration_files rows written before the fetch schedule (00008):
// pending rows stay due, failed rows (never tried again before) become due now, read files unscheduled.
func TestRegfileScheduleMigration(t *testing.T) {
	ctx := context.Background()
	url := pgtest.New(t)
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p, err := goose.NewProvider(goose.DialectPostgres, db, postgres.Migrations())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(ctx, 7); err != nil {
		t.Fatal(err)
	}
	_, err = db.ExecContext(ctx, `
		INSERT INTO agents (agent_id, owner, agent_uri, registered_by, registered_block, registered_at, registered_tx,
			updated_block, updated_at)
		SELECT i, '\x0000000000000000000000000000000000000001', 'https://a.example/' || i,
			'\x0000000000000000000000000000000000000001', 1, now(), decode(repeat('00', 32), 'hex'), 1, now()
		FROM generate_series(1, 3) i;
		INSERT INTO registration_files (agent_id, agent_uri, status, error_code, error_message, attempts, queued_at, fetched_at)
		VALUES (1, 'https://a.example/1', 'pending', NULL, NULL, 0, now() - interval '1 hour', NULL),
		       (2, 'https://a.example/2', 'ok', NULL, NULL, 2, now() - interval '1 hour', now() - interval '50 minutes'),
		       (3, 'https://a.example/3', 'error', 'timeout', 'too slow', 3, now() - interval '1 hour', now() - interval '50 minutes')`)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := postgres.Migrate(ctx, url); err != nil {
		t.Fatal(err)
	}
	rows, err := db.QueryContext(ctx, `SELECT agent_id::int, next_attempt_at IS NOT NULL AND next_attempt_at <= now(),
			next_attempt_at IS NULL, failures, attempts, COALESCE(last_error_code, ''), last_attempt_at IS NOT DISTINCT FROM fetched_at
		FROM registration_files ORDER BY agent_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	want := []string{"1 due=true unscheduled=false failures=0 attempts=0 err= last=true",
		"2 due=false unscheduled=true failures=0 attempts=1 err= last=true",
		"3 due=true unscheduled=false failures=1 attempts=1 err=timeout last=true"}
	var got []string
	for rows.Next() {
		var id, failures, attempts int
		var due, unscheduled, last bool
		var code string
		if err := rows.Scan(&id, &due, &unscheduled, &failures, &attempts, &code, &last); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d due=%v unscheduled=%v failures=%d attempts=%d err=%s last=%v", id, due,
			unscheduled, failures, attempts, code, last))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("after 00008:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
