package gateway

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
)

// TestReadJSON_Refusals checks the request body reader every POST uses: one JSON object of known fields,
// within the size limit, as application/json.
func TestReadJSON_Refusals(t *testing.T) {
	type body struct {
		A string `json:"a"`
	}
	for _, tc := range []struct {
		name, ct, body string
		limit          int64
		status         int
		code           string
	}{
		{"ok", "application/json", `{"a":"x"}`, 100, 0, ""},
		{"unknown field", "application/json", `{"a":"x","b":1}`, 100, http.StatusBadRequest, CodeInvalidBody},
		{"two values", "application/json", `{"a":"x"} {"a":"y"}`, 100, http.StatusBadRequest, CodeInvalidBody},
		{"not json", "application/json", `{"a":`, 100, http.StatusBadRequest, CodeInvalidBody},
		{"wrong type", "application/json", `{"a":1}`, 100, http.StatusBadRequest, CodeInvalidBody},
		{"too large", "application/json", `{"a":"` + strings.Repeat("x", 200) + `"}`, 100, http.StatusRequestEntityTooLarge, CodeRequestTooLarge},
		{"media type", "text/plain", `{"a":"x"}`, 100, http.StatusUnsupportedMediaType, CodeUnsupportedMedia},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			c, _ := gin.CreateTestContext(rec)
			c.Request = httptest.NewRequest(http.MethodPost, "/", strings.NewReader(tc.body))
			c.Request.Header.Set("Content-Type", tc.ct)
			c.Request.Body = http.MaxBytesReader(rec, c.Request.Body, tc.limit)
			var v body
			p := readJSON(c, &v)
			switch {
			case tc.status == 0 && p != nil:
				t.Fatalf("refused: %+v", p)
			case tc.status == 0 && v.A != "x":
				t.Fatalf("decoded %+v", v)
			case tc.status != 0 && (p == nil || p.Status != tc.status || p.Code != tc.code):
				t.Fatalf("got %+v, want %d %s", p, tc.status, tc.code)
			}
		})
	}
}
