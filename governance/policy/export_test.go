package policy

import "github.com/open-policy-agent/opa/v1/ast"

// InputValue exposes Input.value to the tests, which hold it to the canonical JSON.
func InputValue(in Input) ast.Value { return in.value() }
