package policy

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Sector overlays are Rego modules shipped in the binary (overlays/<file>.rego, with their default
// parameters in overlays/<file>.json) that the operator turns on for every decision, on top of each
// principal's own policy: HIPAA and the EU AI Act. Each declares package agora.overlay.<id> and follows
// the deny/escalate convention of a principal's policy; its hits' rule ids are prefixed by <id>.

//go:embed overlays/*.rego overlays/*.json
var overlayFiles embed.FS

// The overlays' names, as the operator gives them (agora serve --policy-overlays).
const (
	OverlayHIPAA   = "hipaa"
	OverlayEUAIAct = "eu-ai-act"
)

// ErrUnknownOverlay: SetOverlays was given a name that is not a shipped overlay.
var ErrUnknownOverlay = errors.New("unknown policy overlay")

// ErrOverlayParams: an overlay's parameters name an unknown parameter or give one the wrong type.
var ErrOverlayParams = errors.New("bad overlay parameters")

// overlayDef is one shipped overlay.
type overlayDef struct {
	name    string // as the operator names it
	id      string // package agora.overlay.<id>, and the prefix of its rule ids
	version int    // bumped whenever the text or the defaults change meaning
}

var overlayDefs = []overlayDef{
	{name: OverlayEUAIAct, id: "eu_ai_act", version: 1},
	{name: OverlayHIPAA, id: "hipaa", version: 1},
}

// OverlayNames returns the names of the shipped overlays, sorted.
func OverlayNames() []string {
	out := make([]string, len(overlayDefs))
	for i, d := range overlayDefs {
		out[i] = d.name
	}
	return out
}

// lookupOverlay finds an overlay by name; the package id ("eu_ai_act") is accepted too, in any letter case.
func lookupOverlay(name string) (overlayDef, bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, d := range overlayDefs {
		if n == d.name || n == d.id {
			return d, true
		}
	}
	return overlayDef{}, false
}

// CheckOverlays returns an error naming the first unknown or repeated name, and the known ones.
func CheckOverlays(names []string) error {
	seen := map[string]bool{}
	for _, n := range names {
		d, ok := lookupOverlay(n)
		if !ok {
			return fmt.Errorf("%w %q: the overlays are %s", ErrUnknownOverlay, n, strings.Join(OverlayNames(), ", "))
		}
		if seen[d.name] {
			return fmt.Errorf("policy overlay %q named twice", d.name)
		}
		seen[d.name] = true
	}
	return nil
}

// OverlaySource returns the Rego text and the default parameters (JSON) of a shipped overlay.
func OverlaySource(name string) (rego string, defaults []byte, err error) {
	d, ok := lookupOverlay(name)
	if !ok {
		return "", nil, fmt.Errorf("%w %q: the overlays are %s", ErrUnknownOverlay, name, strings.Join(OverlayNames(), ", "))
	}
	src, err := overlayFiles.ReadFile("overlays/" + d.id + ".rego")
	if err != nil {
		return "", nil, err
	}
	defaults, err = overlayFiles.ReadFile("overlays/" + d.id + ".json")
	return string(src), defaults, err
}

// OverlayConfig turns one overlay on: its name and the parameters that replace its defaults (nil: the
// defaults; a parameter left out keeps its default).
type OverlayConfig struct {
	Name   string
	Params map[string]any
}

// OverlayRef names an overlay that took part in a decision.
type OverlayRef struct {
	// Name is the overlay's name ("hipaa", "eu-ai-act").
	Name string `json:"name"`
	// Version is the shipped overlay's version.
	Version int `json:"version"`
	// Hash is the hex SHA-256 of its Rego text, a zero byte and its effective parameters' JSON (keys
	// sorted): two decisions with the same hash ran the same rules with the same numbers.
	Hash string `json:"hash"`
}

// compiledOverlay is an overlay ready to evaluate.
type compiledOverlay struct {
	*compiled
	ref    OverlayRef
	prefix string
}

// SetOverlays compiles the named overlays with their parameters and puts them in force for every later
// decision, replacing those in force; an empty list turns them off. On any error (an unknown or repeated
// name, a parameter that does not exist or has another type than its default) nothing changes.
//
// Overlays are evaluated for every principal, with or without a policy of its own, after it: any deny
// (of the policy or an overlay) denies, else any escalate escalates. A principal cannot replace or
// silence an overlay: its module must be package agora.policy, and it is compiled apart from them.
func (e *Engine) SetOverlays(configs []OverlayConfig) error {
	names := make([]string, len(configs))
	for i, c := range configs {
		names[i] = c.Name
	}
	if err := CheckOverlays(names); err != nil {
		return err
	}
	out := make([]*compiledOverlay, 0, len(configs))
	for _, c := range configs {
		o, err := e.compileOverlay(c)
		if err != nil {
			return err
		}
		out = append(out, o)
	}
	slices.SortFunc(out, func(a, b *compiledOverlay) int { return strings.Compare(a.ref.Name, b.ref.Name) })
	e.mu.Lock()
	e.overlays = out
	e.mu.Unlock()
	return nil
}

// Overlays returns the overlays in force, sorted by name.
func (e *Engine) Overlays() []OverlayRef {
	e.mu.RLock()
	defer e.mu.RUnlock()
	out := make([]OverlayRef, len(e.overlays))
	for i, o := range e.overlays {
		out[i] = o.ref
	}
	return out
}

func (e *Engine) compileOverlay(c OverlayConfig) (*compiledOverlay, error) {
	d, _ := lookupOverlay(c.Name)
	src, raw, err := OverlaySource(d.name)
	if err != nil {
		return nil, err
	}
	params, err := overlayParams(d.name, raw, c.Params)
	if err != nil {
		return nil, err
	}
	data, err := paramsData(params, e.opts.MaxParamsBytes)
	if err != nil {
		return nil, err
	}
	canon, err := json.Marshal(data) // maps marshal with sorted keys
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrOverlayParams, err)
	}
	pkg := ast.MustParseRef("data.agora.overlay." + d.id)
	comp, err := e.compileModule("overlay "+d.name, "overlays/"+d.id+".rego", pkg, src, data, "")
	if err != nil {
		return nil, err
	}
	return &compiledOverlay{compiled: comp, prefix: d.id,
		ref: OverlayRef{Name: d.name, Version: d.version, Hash: hashHex(slices.Concat([]byte(src), []byte{0}, canon))}}, nil
}

// overlayParams returns the defaults with the given parameters laid over them: each must be a default's
// name and have its JSON type (a number for a number, a list for a list, ...; null is refused).
func overlayParams(name string, defaults []byte, given map[string]any) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(defaults))
	dec.UseNumber()
	var out map[string]any
	if err := dec.Decode(&out); err != nil {
		return nil, fmt.Errorf("overlay %s: defaults: %w", name, err)
	}
	if len(given) == 0 {
		return out, nil
	}
	b, err := json.Marshal(given)
	if err != nil {
		return nil, fmt.Errorf("%w: overlay %s: %v", ErrOverlayParams, name, err)
	}
	dec = json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var in map[string]any
	if err := dec.Decode(&in); err != nil {
		return nil, fmt.Errorf("%w: overlay %s: %v", ErrOverlayParams, name, err)
	}
	keys := make([]string, 0, len(in))
	for k := range in {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		def, ok := out[k]
		if !ok {
			known := make([]string, 0, len(out))
			for d := range out {
				known = append(known, d)
			}
			slices.Sort(known)
			return nil, fmt.Errorf("%w: overlay %s has no parameter %q (it has %s)", ErrOverlayParams, name, k, strings.Join(known, ", "))
		}
		if got, want := jsonType(in[k]), jsonType(def); got != want {
			return nil, fmt.Errorf("%w: overlay %s parameter %s is a %s, want a %s", ErrOverlayParams, name, k, got, want)
		}
		out[k] = in[k]
	}
	return out, nil
}

// jsonType names the JSON type of a decoded value.
func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number, float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}
