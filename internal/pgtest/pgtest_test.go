package pgtest_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/agoralabs/agora/internal/pgtest"
)

func TestNewGivesDistinctEmptyDatabases(t *testing.T) {
	ctx := context.Background()
	a, b := pgtest.New(t), pgtest.New(t)
	if a == b {
		t.Fatalf("two New calls gave the same URL %q", a)
	}
	names := map[string]bool{}
	for _, u := range []string{a, b} {
		conn, err := pgx.Connect(ctx, u)
		if err != nil {
			t.Fatalf("connect %s: %v", u, err)
		}
		defer conn.Close(ctx)
		var name string
		var tables, domains int
		err = conn.QueryRow(ctx, `SELECT current_database(),
			(SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')),
			(SELECT count(*) FROM information_schema.domains WHERE domain_schema = 'public')`).Scan(&name, &tables, &domains)
		if err != nil {
			t.Fatal(err)
		}
		if tables != 0 || domains != 0 {
			t.Errorf("database %s not empty: %d tables, %d domains", name, tables, domains)
		}
		names[name] = true
	}
	if len(names) != 2 {
		t.Fatalf("two New calls share a database: %v", names)
	}
	// Writing in one is not visible in the other.
	connA, err := pgx.Connect(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	defer connA.Close(ctx)
	if _, err := connA.Exec(ctx, "CREATE TABLE only_in_a (x int)"); err != nil {
		t.Fatal(err)
	}
	connB, err := pgx.Connect(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	defer connB.Close(ctx)
	var n int
	if err := connB.QueryRow(ctx, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_a'").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatal("a table created in the first database shows in the second")
	}
}

func TestNewDropsDatabaseAtCleanup(t *testing.T) {
	ctx := context.Background()
	var name string
	t.Run("inner", func(t *testing.T) {
		conn, err := pgx.Connect(ctx, pgtest.New(t))
		if err != nil {
			t.Fatal(err)
		}
		// Left open on purpose: the drop is WITH (FORCE).
		if err := conn.QueryRow(ctx, "SELECT current_database()").Scan(&name); err != nil {
			t.Fatal(err)
		}
	})
	server, err := pgtest.ServerURL()
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, server)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		t.Fatal(err)
	}
	if name == "" || exists {
		t.Fatalf("database %q still exists after its test ended", name)
	}
}
