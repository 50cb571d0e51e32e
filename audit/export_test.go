package audit_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/agoralabs/agora/audit"
)

func TestExport(t *testing.T) {
	ctx := context.Background()
	l := newTestLog(t)
	l.fill(t, 2, 60) // 120 entries: agents 1..5

	export := func(f audit.Filter) (string, int) {
		t.Helper()
		var b bytes.Buffer
		n, err := audit.Export(ctx, l.pool, &b, f)
		if err != nil {
			t.Fatal(err)
		}
		return b.String(), n
	}
	verify := func(s string) (*audit.Report, error) { return audit.VerifyExport(strings.NewReader(s), l.verifier) }

	// Everything, without proofs: the verifier rebuilds the root.
	all, n := export(audit.Filter{NoProofs: true})
	if n != 120 {
		t.Fatalf("exported %d entries", n)
	}
	if rep, err := verify(all); err != nil || rep.Entries != 120 || rep.Size != 120 {
		t.Fatalf("full export: %+v %v", rep, err)
	}
	// One agent's entries, each with its proof.
	agent, n := export(audit.Filter{AgentID: "3"})
	if n != 24 {
		t.Fatalf("agent 3 has %d entries, want 24", n)
	}
	for _, line := range strings.Split(strings.TrimSpace(agent), "\n")[1:] {
		var l audit.Line
		if err := json.Unmarshal([]byte(line), &l); err != nil || len(l.Proof) == 0 || !strings.Contains(string(l.Entry), `"agentId":"3"`) {
			t.Fatalf("line %s (%v)", line, err)
		}
	}
	if rep, err := verify(agent); err != nil || rep.Entries != 24 {
		t.Fatalf("agent export: %+v %v", rep, err)
	}
	// A time range and a principal.
	var want int
	if err := l.pool.QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE principal = '0x00000000000000000000000000000000000000b1'
		AND seq >= 10 AND seq < 50`).Scan(&want); err != nil || want == 0 {
		t.Fatalf("principal b has %d entries in [10, 50) (%v)", want, err)
	}
	if s, n := export(audit.Filter{Principal: "0x00000000000000000000000000000000000000B1", FromSeq: 10, ToSeq: 50}); n != want {
		t.Fatalf("principal b in [10, 50): %d entries, want %d", n, want)
	} else if _, err := verify(s); err != nil {
		t.Fatal(err)
	}
	if _, err := audit.Export(ctx, l.pool, &bytes.Buffer{}, audit.Filter{NoProofs: true, AgentID: "1"}); err == nil {
		t.Fatal("a filtered export without proofs")
	}

	lines := func(s string) []string { return strings.Split(strings.TrimSuffix(s, "\n"), "\n") }
	join := func(ls []string) string { return strings.Join(ls, "\n") + "\n" }
	flip := func(s string) string { return strings.Replace(s, `"outcome":"accepted"`, `"outcome":"acceptee"`, 1) }
	for _, c := range []struct {
		name   string
		export string
		entry  int64
		reason string
	}{
		{"flip a byte (no proofs)", func() string { ls := lines(all); ls[8] = flip(ls[8]); return join(ls) }(), -1, "was changed, moved or replaced"},
		{"flip a byte (proofs)", func() string { ls := lines(agent); ls[3] = flip(ls[3]); return join(ls) }(), seqOf(t, lines(agent)[3]), "not in the signed tree"},
		{"delete an entry", func() string { ls := lines(all); return join(append(ls[:6:6], ls[7:]...)) }(), 5, "is missing"},
		{"reorder two (no proofs)", func() string { ls := lines(all); ls[4], ls[5] = ls[5], ls[4]; return join(ls) }(), 3, "is missing"},
		{"reorder two (proofs)", func() string { ls := lines(agent); ls[4], ls[5] = ls[5], ls[4]; return join(ls) }(), seqOf(t, lines(agent)[4]), "out of order"},
		{"repeat one", func() string { ls := lines(agent); return join(append(ls[:4:4], ls[3:]...)) }(), seqOf(t, lines(agent)[3]), "appears twice"},
		{"truncate the tail", join(lines(all)[:100]), 99, "the tail was cut"},
		{"forge the head", strings.Replace(all, `\n120\n`, `\n121\n`, 1), -1, "forged or altered tree head"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := verify(c.export)
			p, ok := audit.AsProblem(err)
			if !ok || p.Entry != c.entry || !strings.Contains(p.Reason, c.reason) {
				t.Fatalf("got %v, want entry %d: …%s…", err, c.entry, c.reason)
			}
		})
	}
}

func seqOf(t *testing.T, line string) int64 {
	t.Helper()
	var l audit.Line
	if err := json.Unmarshal([]byte(line), &l); err != nil {
		t.Fatal(err)
	}
	return int64(l.Seq)
}
