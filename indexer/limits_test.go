package indexer_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync/atomic"
	"testing"
)

// limitingProxy forwards JSON-RPC to target but refuses eth_getLogs ranges wider than maxBlocks the way
// Infura does: error -32005 with a block range that would work.
func limitingProxy(t *testing.T, target string, maxBlocks uint64, refused *atomic.Int64) string {
	t.Helper()
	return nodeProxy(t, target, func(w http.ResponseWriter, r *http.Request) bool {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.ContentLength = int64(len(body))
		var req struct {
			ID     json.RawMessage   `json:"id"`
			Method string            `json:"method"`
			Params []json.RawMessage `json:"params"`
		}
		if json.Unmarshal(body, &req) == nil && req.Method == "eth_getLogs" && len(req.Params) == 1 {
			var f struct {
				FromBlock, ToBlock string
			}
			if json.Unmarshal(req.Params[0], &f) == nil && f.FromBlock != "" {
				from, _ := strconv.ParseUint(f.FromBlock[2:], 16, 64)
				to, _ := strconv.ParseUint(f.ToBlock[2:], 16, 64)
				if to-from+1 > maxBlocks {
					refused.Add(1)
					w.Header().Set("Content-Type", "application/json")
					fmt.Fprintf(w, `{"jsonrpc":"2.0","id":%s,"error":{"code":-32005,"message":"query returned more than 10000 results. Try with this block range [0x%x, 0x%x]."}}`,
						req.ID, from, from+maxBlocks-1)
					return true
				}
			}
		}
		return false
	})
}

// TestIndexer_ShrinksRangesOnTooManyResults indexes through a node that refuses ranges over 5 blocks: the
// indexer must take the suggested ranges and still mirror everything.
func TestIndexer_ShrinksRangesOnTooManyResults(t *testing.T) {
	e := newEnv(t)
	a := newActor(t, e)
	for i := range 6 {
		a.round(t, fmt.Sprintf("r%d", i), int64(i))
	}
	head := e.head(t)
	var refused atomic.Int64
	r := e.via(limitingProxy(t, e.chain.URL, 5, &refused)).start(t, runOpts{ws: "none", maxRange: 1000})
	r.waitFor(t, head)
	if refused.Load() == 0 {
		t.Fatal("the node never refused a range: the test does not exercise splitting")
	}
	fresh := e.start(t, runOpts{dbURL: freshDB(t)})
	fresh.waitFor(t, head)
	compareDumps(t, "through a range-limited node vs direct", dump(t, r.store.Pool()), dump(t, fresh.store.Pool()))
	t.Logf("%d ranges refused", refused.Load())
}
