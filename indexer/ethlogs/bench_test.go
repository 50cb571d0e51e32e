package ethlogs_test

import (
	"context"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/agoralabs/agora/indexer/ethlogs"
)

// benchLogs is the number of logs in the benchmark response.
const benchLogs = 1000

// benchBody is a realistic eth_getLogs answer: 1,000 logs with 3 topics and 320 bytes of data each, written
// compactly in geth's member order, as nodes send them.
func benchBody() []byte {
	body, _ := gen(rand.New(rand.NewPCG(9, 10)), genConfig{logs: benchLogs, minData: 320, maxData: 320, minTopics: 3, maxTopics: 3})
	return body
}

func reportPerLog(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchLogs), "ns/log")
}

// BenchmarkDecodeResponse decodes the 1,000-log response with DecodeResponse.
func BenchmarkDecodeResponse(b *testing.B) {
	body := benchBody()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		logs, err := ethlogs.DecodeResponse(body)
		if err != nil || len(logs) != benchLogs {
			b.Fatalf("DecodeResponse = %d logs, %v", len(logs), err)
		}
	}
	reportPerLog(b)
}

// BenchmarkDecodeResponse_EncodingJSON decodes the same response as go-ethereum's rpc.Client does: the message
// with a raw result by encoding/json, then the result into []types.Log through Log.UnmarshalJSON.
func BenchmarkDecodeResponse_EncodingJSON(b *testing.B) {
	body := benchBody()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		logs, err := gethDecode(body)
		if err != nil || len(logs) != benchLogs {
			b.Fatalf("gethDecode = %d logs, %v", len(logs), err)
		}
	}
	reportPerLog(b)
}

// BenchmarkClient_GetLogs fetches the 1,000-log response from a local HTTP server over a kept-alive
// connection: request, transfer, body read and decode.
func BenchmarkClient_GetLogs(b *testing.B) {
	body := benchBody()
	s := httptest.NewServer(answerWith(http.StatusOK, body))
	b.Cleanup(s.Close)
	c := ethlogs.NewClient(s.URL, nil)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		logs, err := c.GetLogs(context.Background(), ethlogs.Filter{ToBlock: 1000})
		if err != nil || len(logs) != benchLogs {
			b.Fatalf("GetLogs = %d logs, %v", len(logs), err)
		}
	}
	reportPerLog(b)
}
