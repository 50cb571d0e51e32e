package regfile

import (
	"math/rand/v2"
	"time"
)

// Defaults of Retry.
const (
	DefaultRetryBase = 30 * time.Second
	DefaultRetryMax  = time.Hour
)

// Retry says when a registration file whose read failed is read again. The Store keeps the schedule (the
// indexer in PostgreSQL, so that it survives restarts); the Pool computes each delay with Delay. Failures
// fall in three classes:
//
//   - temporary (the Error is Temporary: network errors, timeouts, 5xx, 408, 429): Base, doubling with
//     every consecutive failure up to Max, and never less than the server's Retry-After (capped at Max);
//   - permanent (the server answered, or the host cannot be used: 4xx, too_large, invalid_json,
//     invalid_registration, blocked_address, unsupported_scheme, DNS or TLS failures): Max at once — the
//     owner may still fix the file at the same URI, and a new URI or a MetadataSet reads it again at once;
//   - final (nothing but a new URI can change the outcome: empty_uri, bad_uri, bad_data_uri, and every
//     failure of a data: URI, whose content is the URI itself): never again.
//
// Every delay is shortened by a random fraction of up to Jitter so that files that failed together are not
// read again in lockstep; no delay exceeds Max.
type Retry struct {
	Base   time.Duration // first delay after a temporary failure [30s]
	Max    time.Duration // longest delay, and the delay after a permanent failure [1h]
	Jitter float64       // a delay is shortened by up to this fraction, 0 to 1 [0.2]; negative: none
}

func (r Retry) withDefaults() Retry {
	if r.Base <= 0 {
		r.Base = DefaultRetryBase
	}
	if r.Max <= 0 {
		r.Max = DefaultRetryMax
	}
	r.Base = min(r.Base, r.Max)
	switch {
	case r.Jitter == 0:
		r.Jitter = 0.2
	case r.Jitter < 0:
		r.Jitter = 0
	case r.Jitter > 1:
		r.Jitter = 1
	}
	return r
}

// Final reports whether the failure e of uri can only change with a new URI.
func Final(uri string, e *Error) bool {
	switch e.Code {
	case CodeEmptyURI, CodeBadURI, CodeBadDataURI:
		return true
	}
	return Scheme(uri) == "data"
}

// Delay returns how long to wait before reading uri again after its failures-th consecutive failed read
// (1 for the first) ended with e, and false when it is not read again (a final failure, or e is nil).
func (r Retry) Delay(uri string, failures int, e *Error) (time.Duration, bool) {
	if e == nil || e.Code == CodeCanceled || Final(uri, e) {
		return 0, false
	}
	r = r.withDefaults()
	d := r.Max
	if e.Temporary {
		d = r.Base
		for i := 1; i < failures && d < r.Max; i++ {
			d *= 2
		}
		d = max(d, e.RetryAfter)
	}
	d = min(d, r.Max)
	return max(time.Duration(float64(d)*(1-r.Jitter*rand.Float64())), time.Millisecond), true
}
