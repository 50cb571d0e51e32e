package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-isatty"

	"github.com/agoralabs/agora/indexer"
)

// progressEvery is how often the progress line is redrawn at most.
const progressEvery = 250 * time.Millisecond

// isTerminal reports whether w writes to a terminal that understands a carriage return redrawing a line: an
// *os.File (anything with a file descriptor) on a tty, and TERM is not "dumb".
func isTerminal(w io.Writer) bool {
	f, ok := w.(interface{ Fd() uintptr })
	if !ok || os.Getenv("TERM") == "dumb" {
		return false
	}
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// statusLine is one line of progress kept at the bottom of a terminal, redrawn in place with a carriage
// return, below the log records written through it. Log records go through Write: the line is wiped, the
// record written, the line drawn again. When it is disabled (not a terminal, --progress off) Write passes
// records through and Set draws nothing.
type statusLine struct {
	mu      sync.Mutex
	w       io.Writer
	enabled bool
	line    string // drawn now ("" none)
}

func newStatusLine(w io.Writer, enabled bool) *statusLine { return &statusLine{w: w, enabled: enabled} }

// enable turns the line on or off (off wipes it).
func (s *statusLine) enable(on bool) {
	if !on {
		s.Set("")
	}
	s.mu.Lock()
	s.enabled = on
	s.mu.Unlock()
}

// Write writes a log record (whole lines, as slog writes them) above the status line.
func (s *statusLine) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.line == "" {
		return s.w.Write(p)
	}
	if _, err := io.WriteString(s.w, "\r"+strings.Repeat(" ", len(s.line))+"\r"); err != nil {
		return 0, err
	}
	n, err := s.w.Write(p)
	if err == nil {
		_, err = io.WriteString(s.w, s.line)
	}
	return n, err
}

// Set draws line in place of the current one ("" wipes it).
func (s *statusLine) Set(line string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.enabled || line == s.line {
		return
	}
	// Overwrite the old line, padding with spaces where the new one is shorter (no terminal escapes needed).
	pad := max(0, len(s.line)-len(line))
	_, _ = io.WriteString(s.w, "\r"+line+strings.Repeat(" ", pad)+strings.Repeat("\b", pad))
	s.line = line
}

// follow redraws the line from progress every interval until ctx ends, then wipes it.
func (s *statusLine) follow(ctx context.Context, interval time.Duration, progress func() indexer.Progress) {
	if !s.enabled {
		return
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			s.Set("")
			return
		case <-t.C:
			s.Set(progressLine(progress()))
		}
	}
}

// progressLine formats p for the terminal, short enough for 80 columns:
//
//	backfill 42.3%  block 1,234,567  1,683,433 behind  12,345 ev/s  ETA 3m12s
//	live  block 19,000,000  0 behind  3.2 ev/s
//
// It is "" before the indexer knows where it is.
func progressLine(p indexer.Progress) string {
	if p.StartBlock == 0 && p.Head == 0 {
		return ""
	}
	rate := formatRate(p.EventsPerSec) + " ev/s"
	if p.CaughtUp {
		return fmt.Sprintf("live  block %s  %s behind  %s", group(p.Indexed), group(p.Behind), rate)
	}
	eta := "ETA --"
	if p.ETA > 0 {
		eta = "ETA " + formatETA(p.ETA)
	}
	return fmt.Sprintf("backfill %.1f%%  block %s  %s behind  %s  %s", math.Floor(p.Percent*10)/10, group(p.Indexed),
		group(p.Behind), rate, eta)
}

// group writes n with thousands separators.
func group(n uint64) string {
	s := strconv.FormatUint(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// formatRate writes a rate with one decimal below 100 and grouped digits above.
func formatRate(r float64) string {
	if r < 100 {
		return strconv.FormatFloat(math.Round(r*10)/10, 'f', 1, 64)
	}
	return group(uint64(math.Round(r)))
}

// formatETA writes d as 45s, 12m05s or 3h04m (over 99 h: ">99h").
func formatETA(d time.Duration) string {
	s := int64(math.Ceil(d.Seconds()))
	switch {
	case s < 60:
		return fmt.Sprintf("%ds", s)
	case s < 3600:
		return fmt.Sprintf("%dm%02ds", s/60, s%60)
	case s < 100*3600:
		return fmt.Sprintf("%dh%02dm", s/3600, s%3600/60)
	}
	return ">99h"
}
