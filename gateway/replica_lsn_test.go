package gateway

import (
	"context"
	"log/slog"
	"testing"
	"time"
)

func TestParseLSN(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want uint64
		ok   bool
	}{
		{"0/0", 0, true},
		{"0/16B3748", 0x16B3748, true},
		{"16/B374D848", 0x16<<32 | 0xB374D848, true},
		{"FFFFFFFF/FFFFFFFF", 1<<64 - 1, true},
		{"", 0, false},
		{"16B3748", 0, false},
		{"1/100000000", 0, false}, // each half is 32 bits
		{"g/0", 0, false},
	} {
		got, err := parseLSN(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseLSN(%q) = %#x, %v; want %#x, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	// Positions order as numbers: 1/0 is after 0/FFFFFFFF.
	a, _ := parseLSN("0/FFFFFFFF")
	b, _ := parseLSN("1/0")
	if a >= b {
		t.Fatal("0/FFFFFFFF not before 1/0")
	}
}

// The marks of notified changes: behind is the age of the oldest one the standby has not replayed, and
// replaying past a mark drops it.
func TestReplicaMarks(t *testing.T) {
	r := &replica{log: slog.New(slog.DiscardHandler)}
	if r.behind() != 0 {
		t.Fatal("behind with no marks")
	}
	old := time.Now().Add(-3 * time.Second)
	r.marks = []mark{{100, old}, {200, time.Now()}}
	r.want.Store(200)
	if b := r.behind(); b < 3*time.Second {
		t.Fatalf("behind %s, want the oldest mark's age", b)
	}
	r.advance(150)
	if b := r.behind(); b > time.Second || len(r.marks) != 1 || r.replayed.Load() != 150 {
		t.Fatalf("after replaying past the first mark: behind %s, marks %v", b, r.marks)
	}
	r.advance(120) // replay positions never go back
	if r.replayed.Load() != 150 {
		t.Fatal("the replay position went back")
	}
	r.advance(200)
	if r.behind() != 0 || len(r.marks) != 0 {
		t.Fatalf("marks %v after replaying everything", r.marks)
	}
	// Without a replica every read goes to the primary, and nothing is marked.
	if err := r.noteChange(context.Background(), nil); err != nil || len(r.marks) != 0 {
		t.Fatalf("noteChange without a replica: %v, marks %v", err, r.marks)
	}
}
