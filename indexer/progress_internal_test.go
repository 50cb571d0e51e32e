package indexer

import (
	"testing"
	"time"
)

func TestProgress_Fill(t *testing.T) {
	cases := []struct {
		name string
		p    Progress
		want Progress // Behind, Percent, ETA
	}{
		{"nothing known", Progress{}, Progress{}},
		{"before the first block", Progress{StartBlock: 101, Indexed: 100, Target: 300, BlocksPerSec: 50},
			Progress{Behind: 200, Percent: 0, ETA: 4 * time.Second}},
		{"a quarter", Progress{StartBlock: 101, Indexed: 150, Target: 300, BlocksPerSec: 10},
			Progress{Behind: 150, Percent: 25, ETA: 15 * time.Second}},
		{"no rate yet", Progress{StartBlock: 101, Indexed: 150, Target: 300},
			Progress{Behind: 150, Percent: 25}},
		{"caught up", Progress{StartBlock: 101, Indexed: 300, Target: 300, BlocksPerSec: 10},
			Progress{Percent: 100}},
		{"ahead of a shorter chain", Progress{StartBlock: 101, Indexed: 300, Target: 290, BlocksPerSec: 10},
			Progress{Percent: 100}},
		{"head below the deployment (confirmations)", Progress{StartBlock: 101, Indexed: 100, Target: 90},
			Progress{Percent: 100}},
	}
	for _, c := range cases {
		p := c.p
		p.fill()
		if p.Behind != c.want.Behind || p.Percent != c.want.Percent || p.ETA != c.want.ETA {
			t.Errorf("%s: behind %d, %.2f%%, ETA %v; want %d, %.2f%%, %v", c.name, p.Behind, p.Percent, p.ETA,
				c.want.Behind, c.want.Percent, c.want.ETA)
		}
	}
}

func TestRateMeter(t *testing.T) {
	var r rateMeter
	if ev, bl := r.rates(time.Now(), 0, 0); ev != 0 || bl != 0 {
		t.Fatalf("rates before any commit: %v, %v", ev, bl)
	}
	t0 := time.Unix(1_000_000, 0)
	r.begin(t0)
	r.add(t0.Add(2*time.Second), 400, 100)
	r.add(t0.Add(4*time.Second), 600, 100)
	// 1,000 events in 200 blocks over the 4 s since the start.
	if ev, bl := r.rates(t0.Add(4*time.Second), 0, 0); ev != 250 || bl != 50 {
		t.Errorf("rates after 4 s: %v events/s, %v blocks/s; want 250, 50", ev, bl)
	}
	// A commit about to be made counts.
	if ev, bl := r.rates(t0.Add(4*time.Second), 1000, 0); ev != 500 || bl != 50 {
		t.Errorf("rates with a pending commit: %v, %v; want 500, 50", ev, bl)
	}
	// Older than 10 s drops out; the span is capped at 10 s.
	r.add(t0.Add(13*time.Second), 100, 10)
	if ev, bl := r.rates(t0.Add(13*time.Second), 0, 0); ev != 70 || bl != 11 {
		t.Errorf("rates after 13 s: %v, %v; want 70 (700/10), 11 (110/10)", ev, bl)
	}
	// A stall decays the rates to 0.
	if ev, bl := r.rates(t0.Add(30*time.Second), 0, 0); ev != 0 || bl != 0 {
		t.Errorf("rates after a 17 s stall: %v, %v; want 0", ev, bl)
	}
}
