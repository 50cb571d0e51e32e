// Package conformance checks compiled contract ABIs against interface signatures written out by hand
// (testdata/erc8004/signatures.txt): every listed function must exist with the same selector, input and
// output types and mutability, and every listed event with the same topic and the same indexed flags.
// Selectors and topics are what indexers, SDKs and explorers key on, and a topic does not cover the
// indexed flags, so those are compared one by one.
package conformance

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Kind says whether a Signature is a function or an event.
type Kind string

// The kinds of signature.
const (
	Function Kind = "function"
	Event    Kind = "event"
)

// Param is one input of a signature.
type Param struct {
	Type    string // canonical type, e.g. "uint256" or "(string,bytes)[]"
	Indexed bool   // events only
}

// Signature is one line of the signatures file.
type Signature struct {
	Contract string
	Kind     Kind
	Name     string
	Inputs   []Param
	Outputs  []string // functions only
	View     bool     // functions only
	Line     int
}

// Canonical returns name(type,type,...), the preimage of the selector or topic.
func (s Signature) Canonical() string {
	types := make([]string, len(s.Inputs))
	for i, p := range s.Inputs {
		types[i] = p.Type
	}
	return s.Name + "(" + strings.Join(types, ",") + ")"
}

// ID returns the event topic, or the function selector left-aligned in 32 bytes.
func (s Signature) ID() []byte {
	h := crypto.Keccak256([]byte(s.Canonical()))
	if s.Kind == Function {
		return h[:4]
	}
	return h
}

// String returns the signature as written in the file.
func (s Signature) String() string {
	if s.Kind == Event {
		parts := make([]string, len(s.Inputs))
		for i, p := range s.Inputs {
			parts[i] = p.Type
			if p.Indexed {
				parts[i] += " indexed"
			}
		}
		return "event " + s.Name + "(" + strings.Join(parts, ",") + ")"
	}
	out := "function " + s.Canonical()
	if s.View {
		out += " view"
	}
	if len(s.Outputs) > 0 {
		out += " returns (" + strings.Join(s.Outputs, ",") + ")"
	}
	return out
}

// ErrSyntax is returned (wrapped) for a malformed signatures file.
var ErrSyntax = errors.New("signatures: syntax error")

// Parse reads a signatures file: [Contract] headers, then one function or event per line; # starts a
// comment line.
func Parse(r io.Reader) ([]Signature, error) {
	var (
		out      []Signature
		contract string
		sc       = bufio.NewScanner(r)
		line     int
	)
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if strings.HasPrefix(text, "[") && strings.HasSuffix(text, "]") {
			contract = strings.TrimSpace(text[1 : len(text)-1])
			if contract == "" {
				return nil, fmt.Errorf("%w: line %d: empty contract name", ErrSyntax, line)
			}
			continue
		}
		if contract == "" {
			return nil, fmt.Errorf("%w: line %d: signature before any [Contract] header", ErrSyntax, line)
		}
		sig, err := parseLine(text)
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: %v", ErrSyntax, line, err)
		}
		sig.Contract, sig.Line = contract, line
		out = append(out, sig)
	}
	return out, sc.Err()
}

func parseLine(text string) (Signature, error) {
	kind, rest, ok := strings.Cut(text, " ")
	if !ok || (kind != string(Function) && kind != string(Event)) {
		return Signature{}, fmt.Errorf("want \"function ...\" or \"event ...\", got %q", text)
	}
	s := Signature{Kind: Kind(kind)}
	open := strings.IndexByte(rest, '(')
	if open <= 0 {
		return Signature{}, fmt.Errorf("no parameter list in %q", text)
	}
	s.Name = strings.TrimSpace(rest[:open])
	params, tail, err := splitParens(rest[open:])
	if err != nil {
		return Signature{}, err
	}
	for _, p := range params {
		typ, indexed := strings.CutSuffix(p, " indexed")
		typ = strings.TrimSpace(typ)
		if typ == "" || strings.ContainsAny(typ, " \t") {
			return Signature{}, fmt.Errorf("bad parameter %q (types only, no names)", p)
		}
		if indexed && s.Kind != Event {
			return Signature{}, fmt.Errorf("indexed parameter in a function")
		}
		s.Inputs = append(s.Inputs, Param{Type: typ, Indexed: indexed})
	}
	tail = strings.TrimSpace(tail)
	if s.Kind == Event {
		if tail != "" {
			return Signature{}, fmt.Errorf("unexpected %q after an event", tail)
		}
		return s, nil
	}
	if rest, ok := strings.CutPrefix(tail, "view"); ok {
		s.View = true
		tail = strings.TrimSpace(rest)
	}
	if rest, ok := strings.CutPrefix(tail, "returns"); ok {
		outs, after, err := splitParens(strings.TrimSpace(rest))
		if err != nil {
			return Signature{}, err
		}
		if strings.TrimSpace(after) != "" || len(outs) == 0 {
			return Signature{}, fmt.Errorf("bad returns clause in %q", text)
		}
		s.Outputs = outs
		tail = ""
	}
	if tail != "" {
		return Signature{}, fmt.Errorf("unexpected %q", tail)
	}
	return s, nil
}

// splitParens splits "(a,(b,c)[],d) rest" into ["a", "(b,c)[]", "d"] and " rest".
func splitParens(s string) (parts []string, rest string, err error) {
	if !strings.HasPrefix(s, "(") {
		return nil, "", fmt.Errorf("want '(' in %q", s)
	}
	depth, start := 0, 1
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				if last := strings.TrimSpace(s[start:i]); last != "" || len(parts) > 0 {
					parts = append(parts, last)
				}
				return parts, s[i+1:], nil
			}
		case ',':
			if depth == 1 {
				parts = append(parts, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	return nil, "", fmt.Errorf("unbalanced parentheses in %q", s)
}

// Check reports how a compiled ABI departs from s, or nil if it has exactly that function or event.
func Check(a *abi.ABI, s Signature) error {
	switch s.Kind {
	case Function:
		return checkFunction(a, s)
	case Event:
		return checkEvent(a, s)
	}
	return fmt.Errorf("unknown kind %q", s.Kind)
}

func checkFunction(a *abi.ABI, s Signature) error {
	m, err := a.MethodById(s.ID())
	if err != nil {
		return fmt.Errorf("%s: no function with selector %#x%s", s, s.ID(), sameName(a, s))
	}
	if m.Sig != s.Canonical() {
		return fmt.Errorf("%s: selector %#x belongs to %s", s, s.ID(), m.Sig)
	}
	var problems []string
	if got, want := typesOf(m.Outputs), strings.Join(s.Outputs, ","); got != want {
		problems = append(problems, fmt.Sprintf("returns (%s), want (%s)", got, want))
	}
	wantMut := "nonpayable"
	if s.View {
		wantMut = "view"
	}
	if m.StateMutability != wantMut {
		problems = append(problems, fmt.Sprintf("is %s, want %s", m.StateMutability, wantMut))
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s: %s", s, strings.Join(problems, "; "))
	}
	return nil
}

func checkEvent(a *abi.ABI, s Signature) error {
	ev, err := a.EventByID(common.BytesToHash(s.ID()))
	if err != nil {
		return fmt.Errorf("%s: no event with topic %#x%s", s, s.ID(), sameName(a, s))
	}
	if ev.Sig != s.Canonical() {
		return fmt.Errorf("%s: topic %#x belongs to %s", s, s.ID(), ev.Sig)
	}
	if ev.Anonymous {
		return fmt.Errorf("%s: compiled event is anonymous (no topic 0)", s)
	}
	var problems []string
	for i, in := range ev.Inputs {
		if in.Indexed != s.Inputs[i].Indexed {
			problems = append(problems, fmt.Sprintf("parameter %d (%s %s) has indexed=%t, want %t",
				i, in.Type, in.Name, in.Indexed, s.Inputs[i].Indexed))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s: %s", s, strings.Join(problems, "; "))
	}
	return nil
}

// sameName lists same-named members of a, to say what is there instead.
func sameName(a *abi.ABI, s Signature) string {
	var found []string
	if s.Kind == Function {
		for _, m := range a.Methods {
			if m.RawName == s.Name {
				found = append(found, m.Sig)
			}
		}
	} else {
		for _, e := range a.Events {
			if e.RawName == s.Name {
				found = append(found, e.Sig)
			}
		}
	}
	if len(found) == 0 {
		return " (no " + string(s.Kind) + " of that name either)"
	}
	return "; the ABI has " + strings.Join(found, ", ")
}

func typesOf(args abi.Arguments) string {
	ts := make([]string, len(args))
	for i, a := range args {
		ts[i] = a.Type.String()
	}
	return strings.Join(ts, ",")
}
