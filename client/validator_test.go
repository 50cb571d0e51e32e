package client

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

func TestParseVerdict(t *testing.T) {
	good := []struct {
		in   string
		want Verdict
	}{
		{"90\n", Verdict{Response: 90}},
		{" 0 ", Verdict{Response: 0}},
		{`{"response": 100, "uri": "ipfs://x", "tag": "re-executed"}`, Verdict{Response: 100, URI: "ipfs://x", Tag: "re-executed"}},
		{`{"response": 7, "responseHash": "0x` + strings.Repeat("ab", 32) + `"}`,
			Verdict{Response: 7, ResponseHash: common.HexToHash(strings.Repeat("ab", 32))}},
	}
	for _, c := range good {
		got, err := ParseVerdict([]byte(c.in))
		if err != nil || got != c.want {
			t.Errorf("ParseVerdict(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
	bad := map[string]string{
		"101":                             "not 0 to 100",
		"-1":                              "want a number",
		"ok":                              "want a number",
		"":                                "want a number",
		`{"response": 101}`:               "not 0 to 100",
		`{"response": 5.5}`:               "not 0 to 100",
		`{"uri": "x"}`:                    "no response",
		`{"response": 5, "extra": 1}`:     "want a number",
		`{"response": 5} {"response": 6}`: "want a number",
		`{"response": 5, "responseHash": "0x12"}`: "not a 0x-prefixed 32-byte hash",
	}
	for in, want := range bad {
		if _, err := ParseVerdict([]byte(in)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseVerdict(%q): %v, want an error containing %q", in, err, want)
		}
	}
}

// TestExecAnswerer runs real commands: the request arrives on stdin and in the environment; a crash, a hang
// (killed with its children at the timeout), garbage and an oversized answer give errors.
func TestExecAnswerer(t *testing.T) {
	ctx := context.Background()
	req := ValidationRequest{RequestHash: common.HexToHash("0x01"), AgentID: "42", RequestURI: "ipfs://job"}
	sh := func(script string, timeout time.Duration) Answerer {
		return ExecAnswerer([]string{"sh", "-c", script}, timeout)
	}

	v, err := sh(`grep -q '"agentId":"42"' && [ "$AGORA_AGENT_ID" = 42 ] && [ "$AGORA_REQUEST_URI" = ipfs://job ] && echo 88`, 5*time.Second)(ctx, req)
	if err != nil || v.Response != 88 {
		t.Fatalf("answer from stdin and env: %+v, %v", v, err)
	}
	cases := map[string]struct {
		script string
		want   string
	}{
		"crash":   {"echo boom >&2; exit 3", "exit status 3 (stderr: boom)"},
		"hang":    {"sleep 30 & sleep 30", "no answer within"},
		"garbage": {"echo yes", "want a number"},
		"huge":    {"head -c 100000 /dev/zero | tr '\\0' 7", "printed more than"},
	}
	for name, c := range cases {
		start := time.Now()
		_, err := sh(c.script, 500*time.Millisecond)(ctx, req)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error containing %q", name, err, c.want)
		}
		if time.Since(start) > 5*time.Second {
			t.Errorf("%s: took %s: the process group was not killed", name, time.Since(start))
		}
	}
	if _, err := ExecAnswerer(nil, time.Second)(ctx, req); err == nil {
		t.Error("no command: no error")
	}
}
