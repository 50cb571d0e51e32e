package gateway_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/agoralabs/agora/gateway"
)

// TestGateway_ValidatorQueue pages through the seeded validator's queue: every request addressed to it and
// not answered, oldest first, then the answered ones, each page as the indexer mirrored them; bad queries are
// refused.
func TestGateway_ValidatorQueue(t *testing.T) {
	e := setup(t)
	validator := addressOf(e.seeded.Validator)
	pending := e.count(`SELECT count(*) FROM validations WHERE validator_address = $1 AND response IS NULL`, validator.Bytes())
	answered := e.count(`SELECT count(*) FROM validations WHERE validator_address = $1 AND response IS NOT NULL`, validator.Bytes())
	if pending == 0 || answered == 0 {
		t.Fatalf("the seed left %d pending and %d answered requests for the validator; the test needs both", pending, answered)
	}
	type item struct {
		RequestHash    common.Hash    `json:"requestHash"`
		Validator      common.Address `json:"validator"`
		RequestedBlock int64          `json:"requestedBlock"`
		Response       *int           `json:"response"`
	}
	walk := func(status string) []item {
		t.Helper()
		var all []item
		cursor := ""
		for pages := 0; ; pages++ {
			q := url.Values{"validator": {validator.Hex()}, "status": {status}, "limit": {"3"}}
			if cursor != "" {
				q.Set("cursor", cursor)
			}
			var p struct {
				Items      []item  `json:"items"`
				NextCursor *string `json:"nextCursor"`
			}
			r := e.get("/v1/validations?" + q.Encode())
			if r.Status != http.StatusOK {
				t.Fatalf("GET /v1/validations: %d %s", r.Status, r.Body)
			}
			r.decode(t, &p)
			all = append(all, p.Items...)
			if p.NextCursor == nil || pages > 100 {
				return all
			}
			cursor = *p.NextCursor
		}
	}
	got := walk("pending")
	if int64(len(got)) != pending {
		t.Fatalf("pending queue has %d requests, the projection %d", len(got), pending)
	}
	for i, it := range got {
		if it.Validator != validator || it.Response != nil {
			t.Errorf("item %d = %+v: want a pending request addressed to %s", i, it, validator.Hex())
		}
		if i > 0 && (it.RequestedBlock < got[i-1].RequestedBlock ||
			it.RequestedBlock == got[i-1].RequestedBlock && it.RequestHash.Hex() <= got[i-1].RequestHash.Hex()) {
			t.Errorf("item %d is not after item %d: oldest first", i, i-1)
		}
	}
	done := walk("answered")
	if int64(len(done)) != answered {
		t.Fatalf("answered list has %d requests, the projection %d", len(done), answered)
	}
	for _, it := range done {
		if it.Response == nil {
			t.Errorf("answered item %+v has no response", it)
		}
	}
	if all := walk("all"); int64(len(all)) != pending+answered {
		t.Errorf("all: %d, want %d", len(all), pending+answered)
	}

	e.get("/v1/validations").problem(t, http.StatusBadRequest, gateway.CodeInvalidQuery)
	e.get("/v1/validations?validator=nope").problem(t, http.StatusBadRequest, gateway.CodeInvalidQuery)
	e.get("/v1/validations?validator="+validator.Hex()+"&status=maybe").problem(t, http.StatusBadRequest, gateway.CodeInvalidQuery)
	e.get("/v1/validations?validator="+validator.Hex()+"&agent=1").problem(t, http.StatusBadRequest, gateway.CodeInvalidQuery)
	var first struct {
		NextCursor *string `json:"nextCursor"`
	}
	e.get("/v1/validations?validator="+validator.Hex()+"&limit=1").decode(t, &first)
	if first.NextCursor != nil { // a pending queue's cursor is not an answered list's
		e.get("/v1/validations?validator="+validator.Hex()+"&status=answered&cursor="+url.QueryEscape(*first.NextCursor)).
			problem(t, http.StatusBadRequest, gateway.CodeInvalidCursor)
	}
}
