package ethlogs_test

import (
	"math/rand/v2"
	"testing"
)

// FuzzDecodeResponse feeds DecodeResponse arbitrary bodies, seeded with valid responses, error answers and
// the malformed cases: it must never panic, and it must agree with the reference model built on
// encoding/json (same logs, or an RPC error, or an error, as the model says).
func FuzzDecodeResponse(f *testing.F) {
	r := rand.New(rand.NewPCG(11, 12))
	for i := range 12 {
		body, _ := gen(r, genConfig{logs: i % 3, maxData: 40, maxTopics: 4, messy: i%2 == 1})
		f.Add(body)
	}
	f.Add(respWith("[" + logWith() + "]"))
	f.Add([]byte(`{"jsonrpc":"2.0","id":1,"result":null}`))
	f.Add([]byte(`{"jsonrpc":"2.0","id":1,"result":[]}`))
	f.Add([]byte(`{"jsonrpc":"2.0","id":1,"error":{"code":-32005,"message":"query returned more than 10000 results","data":{"a":[1,"\u00e9"]}}}`))
	for _, m := range malformed {
		if len(m.body) < 1000 {
			f.Add([]byte(m.body))
		}
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		checkAgainstRef(t, body)
	})
}
