package gateway

import (
	_ "embed"
	"net/http"

	"github.com/gin-gonic/gin"
)

// openAPIDocument is the OpenAPI 3 description of every route; the tests validate real responses against it.
//
//go:embed openapi.json
var openAPIDocument []byte

// OpenAPI returns the gateway's OpenAPI 3 document.
func OpenAPI() []byte { return openAPIDocument }

func (s *Server) openAPI(c *gin.Context) {
	c.Header("Cache-Control", "public, max-age=300")
	c.Data(http.StatusOK, "application/json", openAPIDocument)
}
