package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/agoralabs/agora/indexer"
)

func TestProgressLine(t *testing.T) {
	cases := []struct {
		p    indexer.Progress
		want string
	}{
		{indexer.Progress{}, ""},
		{indexer.Progress{StartBlock: 1, Indexed: 1_234_567, Head: 2_918_000, Behind: 1_683_433, Percent: 42.36,
			EventsPerSec: 12_345.4, ETA: 3*time.Minute + 11*time.Second + 200*time.Millisecond},
			"backfill 42.3%  block 1,234,567  1,683,433 behind  12,345 ev/s  ETA 3m12s"},
		{indexer.Progress{StartBlock: 5, Indexed: 4, Head: 100, Behind: 96},
			"backfill 0.0%  block 4  96 behind  0.0 ev/s  ETA --"},
		{indexer.Progress{StartBlock: 5, Indexed: 90_000, Head: 20_000_000, Behind: 19_910_000, Percent: 0.45,
			EventsPerSec: 99.96, ETA: 30 * time.Hour},
			"backfill 0.4%  block 90,000  19,910,000 behind  100.0 ev/s  ETA 30h00m"},
		{indexer.Progress{StartBlock: 5, Indexed: 999, Head: 1000, Behind: 1, Percent: 99.99, EventsPerSec: 150,
			ETA: 200 * time.Hour}, "backfill 99.9%  block 999  1 behind  150 ev/s  ETA >99h"},
		{indexer.Progress{StartBlock: 5, Indexed: 19_000_000, Head: 19_000_000, Percent: 100, EventsPerSec: 3.24,
			CaughtUp: true}, "live  block 19,000,000  0 behind  3.2 ev/s"},
	}
	for _, c := range cases {
		got := progressLine(c.p)
		if got != c.want {
			t.Errorf("progressLine(%+v)\n got %q\nwant %q", c.p, got, c.want)
		}
		if len(got) > 80 {
			t.Errorf("%q is wider than 80 columns", got)
		}
	}
	for d, want := range map[time.Duration]string{time.Second: "1s", 59 * time.Second: "59s", time.Minute: "1m00s",
		61*time.Minute + 5*time.Second: "1h01m", 100 * time.Hour: ">99h", 1500 * time.Millisecond: "2s"} {
		if got := formatETA(d); got != want {
			t.Errorf("formatETA(%v) = %s, want %s", d, got, want)
		}
	}
	for n, want := range map[uint64]string{0: "0", 999: "999", 1000: "1,000", 123456789: "123,456,789"} {
		if got := group(n); got != want {
			t.Errorf("group(%d) = %s, want %s", n, got, want)
		}
	}
}

// TestStatusLine checks terminal detection and the line drawing: a writer that is not a terminal gets only the
// log records, never a progress line; on a terminal the line is redrawn in place below the records.
func TestStatusLine(t *testing.T) {
	var buf bytes.Buffer
	file, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0) // a character device, but no terminal
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	t.Setenv("TERM", "xterm-256color")
	for _, w := range []io.Writer{&buf, file, null} {
		if isTerminal(w) {
			t.Errorf("%T %v taken for a terminal", w, w)
		}
	}

	// A pseudo-terminal is one (Linux: the master side answers the terminal ioctl).
	if pty, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0); err == nil {
		if !isTerminal(pty) {
			t.Error("a pseudo-terminal not taken for a terminal")
		}
		t.Setenv("TERM", "dumb")
		if isTerminal(pty) {
			t.Error("TERM=dumb: taken for a terminal that redraws lines")
		}
		pty.Close()
	} else {
		t.Logf("no pseudo-terminal to check against: %v", err)
	}

	// Not a terminal: following the progress prints nothing; records pass through untouched.
	quiet := newStatusLine(&buf, isTerminal(&buf))
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	calls := 0
	quiet.follow(ctx, time.Millisecond, func() indexer.Progress {
		calls++
		return indexer.Progress{StartBlock: 1, Head: 10, Indexed: 5, Behind: 5, Percent: 50}
	})
	quiet.Set("backfill 50.0%")
	if _, err := quiet.Write([]byte("time=now level=INFO msg=hello\n")); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != "time=now level=INFO msg=hello\n" || calls != 0 {
		t.Errorf("not a terminal: wrote %q (progress read %d times), want only the record", got, calls)
	}

	// A terminal (forced): the line is drawn in place, records go above it, and it is wiped at the end.
	buf.Reset()
	s := newStatusLine(&buf, true)
	s.Set("backfill 10.0%")
	s.Set("backfill 10.0%") // unchanged: not redrawn
	s.Set("live")
	if _, err := s.Write([]byte("record\n")); err != nil {
		t.Fatal(err)
	}
	s.Set("")
	want := "\rbackfill 10.0%" +
		"\rlive" + strings.Repeat(" ", 10) + strings.Repeat("\b", 10) +
		"\r    \r" + "record\n" + "live" +
		"\r" + "    " + "\b\b\b\b"
	if got := buf.String(); got != want {
		t.Errorf("terminal output\n got %q\nwant %q", got, want)
	}
}
