package postgres_test

import (
	"context"
	"database/sql"
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
