package regfile_test

import (
	"testing"
	"time"

	"github.com/agoralabs/agora/indexer/regfile"
)

func TestRetry_Delay(t *testing.T) {
	temporary := &regfile.Error{Code: regfile.CodeTimeout, Temporary: true}
	permanent := &regfile.Error{Code: regfile.CodeInvalidJSON}
	const https = "https://agents.example/a.json"
	noJitter := regfile.Retry{Base: 30 * time.Second, Max: time.Hour, Jitter: -1}
	cases := []struct {
		name     string
		r        regfile.Retry
		uri      string
		failures int
		err      *regfile.Error
		want     time.Duration // 0: not read again
	}{
		{"first temporary failure", noJitter, https, 1, temporary, 30 * time.Second},
		{"second", noJitter, https, 2, temporary, time.Minute},
		{"doubling", noJitter, https, 5, temporary, 8 * time.Minute},
		{"capped", noJitter, https, 8, temporary, time.Hour},
		{"capped far out", noJitter, https, 1000, temporary, time.Hour},
		{"defaults", regfile.Retry{Jitter: -1}, https, 2, temporary, time.Minute},
		{"Retry-After lengthens",
			noJitter, https, 1, &regfile.Error{Code: regfile.CodeHTTPStatus, Temporary: true, RetryAfter: 10 * time.Minute}, 10 * time.Minute},
		{"Retry-After capped",
			noJitter, https, 1, &regfile.Error{Code: regfile.CodeHTTPStatus, Temporary: true, RetryAfter: 5 * time.Hour}, time.Hour},
		{"permanent: the maximum at once", noJitter, https, 1, permanent, time.Hour},
		{"404", noJitter, https, 1, &regfile.Error{Code: regfile.CodeHTTPStatus}, time.Hour},
		{"unsupported scheme (configuration may change)", noJitter, "ipfs://bafy", 1,
			&regfile.Error{Code: regfile.CodeUnsupportedScheme}, time.Hour},
		{"empty URI: final", noJitter, "", 1, &regfile.Error{Code: regfile.CodeEmptyURI}, 0},
		{"bad URI: final", noJitter, "https://", 1, &regfile.Error{Code: regfile.CodeBadURI}, 0},
		{"bad data: URI: final", noJitter, "data:,x", 1, &regfile.Error{Code: regfile.CodeBadDataURI}, 0},
		{"invalid data: file: final", noJitter, "data:application/json,{}", 1, &regfile.Error{Code: regfile.CodeInvalidRegistration}, 0},
		{"canceled: not a failure", noJitter, https, 1, &regfile.Error{Code: regfile.CodeCanceled, Temporary: true}, 0},
		{"success", noJitter, https, 1, nil, 0},
	}
	for _, c := range cases {
		d, ok := c.r.Delay(c.uri, c.failures, c.err)
		if ok != (c.want > 0) || d != c.want {
			t.Errorf("%s: Delay = %v, %v; want %v", c.name, d, ok, c.want)
		}
	}
	// Jitter only shortens, by at most its fraction, and never past the maximum.
	r := regfile.Retry{Base: time.Second, Max: 10 * time.Second}
	seen := map[time.Duration]bool{}
	for i := 0; i < 200; i++ {
		d, ok := r.Delay(https, 3, temporary)
		if !ok || d < 3200*time.Millisecond || d > 4*time.Second {
			t.Fatalf("jittered delay %v, want 3.2s to 4s", d)
		}
		seen[d] = true
		if d, _ := r.Delay(https, 20, temporary); d < 8*time.Second || d > 10*time.Second {
			t.Fatalf("jittered capped delay %v, want 8s to 10s", d)
		}
	}
	if len(seen) < 100 {
		t.Errorf("only %d distinct delays in 200: no jitter?", len(seen))
	}
}
