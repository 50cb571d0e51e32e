package capability

import (
	"bytes"
	_ "embed"
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schemaV1 is the JSON Schema (draft 2020-12) of one v1 capability declaration. A later version is a new
// file with a new $id; this one does not change once published.
//
//go:embed schema/capability-v1.json
var schemaV1 []byte

// Schema returns a copy of the v1 capability schema (SchemaV1), which the gateway serves at
// /v1/schemas/capability-v1.json.
func Schema() []byte { return slices.Clone(schemaV1) }

// compiled compiles the v1 schema on first use; the result is safe for concurrent validation.
var compiled = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaV1))
	if err != nil {
		return nil, fmt.Errorf("capability: parse schema %s: %w", SchemaV1, err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat() // "uri" and "uint256" are checked, not just annotations
	c.RegisterFormat(&jsonschema.Format{Name: "uint256", Validate: validateUint256})
	c.UseLoader(noLoader{}) // the schema is self-contained; never fetch anything
	if err := c.AddResource(SchemaV1, doc); err != nil {
		return nil, fmt.Errorf("capability: add schema %s: %w", SchemaV1, err)
	}
	sch, err := c.Compile(SchemaV1)
	if err != nil {
		return nil, fmt.Errorf("capability: compile schema %s: %w", SchemaV1, err)
	}
	return sch, nil
})

// noLoader refuses every URL: the capability schema references nothing outside itself.
type noLoader struct{}

func (noLoader) Load(url string) (any, error) {
	return nil, fmt.Errorf("capability: schema loading disabled (%s)", url)
}

// maxUint256 is 2^256 - 1.
var maxUint256 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))

// uint256Syntax is the pattern of the uint256 definition; the format only checks the range of values of
// that form, so that a malformed amount gets one problem, not two.
var uint256Syntax = regexp.MustCompile(`^(0|[1-9][0-9]{0,77})$`)

// errUint256Range is the format failure of a well-formed amount above 2^256 - 1.
var errUint256Range = fmt.Errorf("greater than 2^256-1")

// validateUint256 implements the "uint256" format: a decimal string of at most 2^256 - 1.
func validateUint256(v any) error {
	s, ok := v.(string)
	if !ok || !uint256Syntax.MatchString(s) {
		return nil
	}
	if len(s) < 78 {
		return nil
	}
	n, ok := new(big.Int).SetString(s, 10)
	if !ok || n.Cmp(maxUint256) > 0 {
		return errUint256Range
	}
	return nil
}
