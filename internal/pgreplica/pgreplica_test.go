package pgreplica_test

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/agoralabs/agora/internal/pgreplica"
	"github.com/agoralabs/agora/internal/pgtest"
)

// A database made on the primary streams to the standby; rows written there follow, not while replay is
// paused, and again once it resumes; the standby refuses writes; it stops and starts again.
func TestStandbyFollowsThePrimary(t *testing.T) {
	ctx := context.Background()
	standby := pgreplica.Start(t)
	db := pgtest.New(t)
	primary, err := pgx.Connect(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer primary.Close(ctx)
	if _, err := primary.Exec(ctx, `CREATE TABLE t (x int); INSERT INTO t VALUES (1)`); err != nil {
		t.Fatal(err)
	}
	standby.WaitDatabase(t, db)
	replica, err := pgx.Connect(ctx, standby.URL(db))
	if err != nil {
		t.Fatal(err)
	}
	defer replica.Close(ctx)
	count := func() int {
		var n int
		if err := replica.QueryRow(ctx, `SELECT count(*) FROM t`).Scan(&n); err != nil {
			return -1
		}
		return n
	}
	waitFor := func(want int) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for count() != want {
			if time.Now().After(deadline) {
				t.Fatalf("the standby has %d rows, want %d", count(), want)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	waitFor(1)
	if _, err := replica.Exec(ctx, `INSERT INTO t VALUES (2)`); err == nil {
		t.Fatal("the standby took a write")
	}

	if _, err := replica.Exec(ctx, `SELECT pg_wal_replay_pause()`); err != nil {
		t.Fatal(err)
	}
	if _, err := primary.Exec(ctx, `INSERT INTO t VALUES (2)`); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if n := count(); n != 1 {
		t.Fatalf("replay paused, yet the standby has %d rows", n)
	}
	if _, err := replica.Exec(ctx, `SELECT pg_wal_replay_resume()`); err != nil {
		t.Fatal(err)
	}
	waitFor(2)

	replica.Close(ctx)
	standby.Stop(t)
	if _, err := pgx.Connect(ctx, standby.URL(db)); err == nil {
		t.Fatal("a stopped standby answers")
	}
	if _, err := primary.Exec(ctx, `INSERT INTO t VALUES (3)`); err != nil {
		t.Fatal(err)
	}
	standby.Restart(t)
	if replica, err = pgx.Connect(ctx, standby.URL(db)); err != nil {
		t.Fatal(err)
	}
	waitFor(3)
}
