package policy

import (
	"errors"
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Errors returned by the Engine. Set wraps them (or returns a *CompileError, which unwraps to
// ErrForbiddenBuiltin or ErrRecursion when those are among its problems); Decide wraps them too.
var (
	// ErrBadPrincipal: a principal is not 0x followed by 40 hex digits.
	ErrBadPrincipal = errors.New("principal is not a 0x-prefixed 20-byte hex address")
	// ErrTooLarge: a policy's source or parameters exceed Options.MaxSourceBytes or MaxParamsBytes.
	ErrTooLarge = errors.New("policy too large")
	// ErrBadParams: a policy's parameters do not encode as a JSON object.
	ErrBadParams = errors.New("policy parameters are not a JSON object")
	// ErrForbiddenBuiltin: the policy calls a builtin that is non-deterministic or does I/O.
	ErrForbiddenBuiltin = errors.New("policy calls a forbidden builtin")
	// ErrRecursion: the policy's rules depend on themselves, which Rego refuses.
	ErrRecursion = errors.New("policy is recursive")
	// ErrTooSlow: an evaluation did not finish within its deadline (Options.LoadTimeout when Set probes
	// a new policy, Options.DecideTimeout in Decide).
	ErrTooSlow = errors.New("policy evaluation exceeded its deadline")
	// ErrMalformedHit: a deny or escalate element is not an object with a non-empty string "rule" and a
	// string "reason".
	ErrMalformedHit = errors.New("policy produced a malformed rule hit")
	// ErrBadInput: Decide was given an Input it cannot judge (unknown action, bad time, non-finite number).
	ErrBadInput = errors.New("bad policy input")
)

// Problem codes that Agora adds to OPA's (rego_parse_error, rego_compile_error, rego_type_error,
// rego_unsafe_var_error, rego_recursion_error, ...).
const (
	// CodeForbiddenBuiltin marks a call to a builtin removed from the policy capabilities.
	CodeForbiddenBuiltin = "agora_forbidden_builtin"
	// CodeConvention marks a module that breaks the module convention (package agora.policy; deny and
	// escalate are multi-value rules).
	CodeConvention = "agora_convention_error"
)

// Problem is one thing wrong with a policy's text, located in it.
type Problem struct {
	// Code is OPA's error code (e.g. rego_parse_error) or one of the Code* constants.
	Code string `json:"code"`
	// Message is the human text.
	Message string `json:"message"`
	// Row and Col locate the problem in the source, 1-based; 0 when unknown.
	Row int `json:"row,omitempty"`
	Col int `json:"col,omitempty"`
}

// String formats the problem as row:col: message (code).
func (p Problem) String() string {
	if p.Row > 0 {
		return fmt.Sprintf("%d:%d: %s (%s)", p.Row, p.Col, p.Message, p.Code)
	}
	return fmt.Sprintf("%s (%s)", p.Message, p.Code)
}

// CompileError is returned by Set for a policy that does not parse, does not compile, calls a forbidden
// builtin or breaks the module convention. Problems carries OPA's messages, suitable to show the
// policy's author. The previous version of the policy stays in force.
type CompileError struct {
	Principal string
	Problems  []Problem
}

// Error joins the problems.
func (e *CompileError) Error() string {
	ps := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		ps[i] = p.String()
	}
	return fmt.Sprintf("policy for %s does not compile: %s", e.Principal, strings.Join(ps, "; "))
}

// Unwrap returns ErrForbiddenBuiltin and ErrRecursion when the problems include them, so errors.Is
// matches those categories.
func (e *CompileError) Unwrap() []error {
	var errs []error
	for _, p := range e.Problems {
		switch p.Code {
		case CodeForbiddenBuiltin:
			errs = append(errs, ErrForbiddenBuiltin)
		case ast.RecursionErr:
			errs = append(errs, ErrRecursion)
		}
	}
	return errs
}

// compileError converts OPA's errors into a *CompileError.
func compileError(principal string, err error) *CompileError {
	ce := &CompileError{Principal: principal}
	var errs ast.Errors
	var one *ast.Error
	switch {
	case errors.As(err, &errs):
		for _, e := range errs {
			ce.Problems = append(ce.Problems, problem(e))
		}
	case errors.As(err, &one):
		ce.Problems = append(ce.Problems, problem(one))
	default:
		ce.Problems = append(ce.Problems, Problem{Code: ast.CompileErr, Message: err.Error()})
	}
	return ce
}

func problem(e *ast.Error) Problem {
	p := Problem{Code: e.Code, Message: e.Message}
	if e.Location != nil {
		p.Row, p.Col = e.Location.Row, e.Location.Col
	}
	return p
}
