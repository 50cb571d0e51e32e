package policy

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
)

// Defaults for the zero Options.
const (
	DefaultMaxSourceBytes = 64 << 10
	DefaultMaxParamsBytes = 64 << 10
	DefaultLoadTimeout    = 100 * time.Millisecond
	DefaultDecideTimeout  = 50 * time.Millisecond
)

// forbiddenBuiltins are removed from the policy capabilities on top of every builtin OPA marks
// non-deterministic: a decision must depend on its Input and parameters only, and never wait on I/O.
var forbiddenBuiltins = []string{
	"http.send", "net.lookup_ip_addr", "opa.runtime", "rand.intn", "time.now_ns", "uuid.rfc4122",
	"io.jwt.encode_sign", "io.jwt.encode_sign_raw", "trace",
}

// Options tune an Engine. Zero or negative fields take the defaults.
type Options struct {
	// MaxSourceBytes bounds a policy's Rego source (DefaultMaxSourceBytes, 64 KiB).
	MaxSourceBytes int
	// MaxParamsBytes bounds a policy's parameters, JSON-encoded (DefaultMaxParamsBytes, 64 KiB).
	MaxParamsBytes int
	// LoadTimeout is the deadline of the probe evaluation Set runs on a new policy
	// (DefaultLoadTimeout, 100 ms).
	LoadTimeout time.Duration
	// DecideTimeout is the deadline of every Decide evaluation (DefaultDecideTimeout, 50 ms).
	DecideTimeout time.Duration
	// Now is the clock that fills an Input's absent time (time.Now).
	Now func() time.Time
}

func (o Options) withDefaults() Options {
	if o.MaxSourceBytes <= 0 {
		o.MaxSourceBytes = DefaultMaxSourceBytes
	}
	if o.MaxParamsBytes <= 0 {
		o.MaxParamsBytes = DefaultMaxParamsBytes
	}
	if o.LoadTimeout <= 0 {
		o.LoadTimeout = DefaultLoadTimeout
	}
	if o.DecideTimeout <= 0 {
		o.DecideTimeout = DefaultDecideTimeout
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Engine holds one compiled policy per principal and decides inputs against them. It is safe for
// concurrent use; Decide never compiles.
type Engine struct {
	opts      Options
	caps      *ast.Capabilities
	forbidden map[string]bool

	mu       sync.RWMutex
	policies map[string]*compiled
	versions map[string]int     // last version assigned per principal; survives Remove
	overlays []*compiledOverlay // the operator's sector overlays, evaluated for every decision (overlay.go)
}

// compiled is one version of a principal's policy, ready to evaluate.
type compiled struct {
	version int
	query   *rego.PreparedEvalQuery // nil when the module defines neither deny nor escalate
}

// NewEngine returns an empty Engine: every principal is allowed until it has a policy.
func NewEngine(opts Options) *Engine {
	forbidden := make(map[string]bool)
	for _, name := range forbiddenBuiltins {
		forbidden[name] = true
	}
	caps := ast.CapabilitiesForThisVersion()
	var kept []*ast.Builtin
	for _, b := range caps.Builtins {
		if b.Nondeterministic {
			forbidden[b.Name] = true
		}
		if !forbidden[b.Name] {
			kept = append(kept, b)
		}
	}
	caps.Builtins = kept
	return &Engine{
		opts:      opts.withDefaults(),
		caps:      caps,
		forbidden: forbidden,
		policies:  make(map[string]*compiled),
		versions:  make(map[string]int),
	}
}

var principalRE = regexp.MustCompile(`^0x[0-9a-fA-F]{40}$`)

// ParsePrincipal checks that s is 0x followed by 40 hex digits and returns it lowercased.
func ParsePrincipal(s string) (string, error) {
	if !principalRE.MatchString(s) {
		return "", fmt.Errorf("%w: %.50q", ErrBadPrincipal, s)
	}
	return strings.ToLower(s), nil
}

// Set compiles source, the principal's policy module, with its parameters (nil for none), probes it
// once under Options.LoadTimeout and puts it in force. It returns the new version: 1 for the
// principal's first policy, one more than the last one set (even if removed since) otherwise. On any
// error the previous version stays in force; the error is a *CompileError for a text that does not
// compile or call a forbidden builtin, or wraps ErrBadPrincipal, ErrTooLarge, ErrBadParams, ErrTooSlow,
// ErrMalformedHit or OPA's evaluation error from the probe.
func (e *Engine) Set(principal, source string, params map[string]any) (int, error) {
	p, err := ParsePrincipal(principal)
	if err != nil {
		return 0, err
	}
	c, err := e.compile(p, source, params)
	if err != nil {
		return 0, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.versions[p]++
	c.version = e.versions[p]
	e.policies[p] = c
	return c.version, nil
}

// Remove takes the principal's policy out of force: its decisions become allows with PolicyVersion 0.
// A later Set continues its version numbers.
func (e *Engine) Remove(principal string) {
	p, err := ParsePrincipal(principal)
	if err != nil {
		return
	}
	e.mu.Lock()
	delete(e.policies, p)
	e.mu.Unlock()
}

// Version returns the version of the principal's policy in force, 0 if it has none.
func (e *Engine) Version(principal string) int {
	p, err := ParsePrincipal(principal)
	if err != nil {
		return 0
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	if c := e.policies[p]; c != nil {
		return c.version
	}
	return 0
}

// Principals returns the principals that have a policy in force, sorted.
func (e *Engine) Principals() []string {
	e.mu.RLock()
	ps := make([]string, 0, len(e.policies))
	for p := range e.policies {
		ps = append(ps, p)
	}
	e.mu.RUnlock()
	slices.Sort(ps)
	return ps
}

// Decide judges in against its principal's policy. A principal without a policy is allowed (Rule "",
// PolicyVersion 0). Evaluation runs under Options.DecideTimeout.
//
// On error — a bad input, a policy too slow for its deadline, a malformed hit, a runtime error in the
// policy, ctx cancelled — Decide returns the error together with a Decision whose Outcome is Deny and
// Rule is RuleError: callers must treat an error as a deny.
func (e *Engine) Decide(ctx context.Context, in Input) (Decision, error) {
	return e.timed(ctx, in, true)
}

// DecideOverlays decides in by the overlays in force alone, whatever policy in.Principal has: for an agent
// acting on its own money, which no principal's policy governs but the operator's sector rules still do.
// With no overlay in force it allows.
func (e *Engine) DecideOverlays(ctx context.Context, in Input) (Decision, error) {
	return e.timed(ctx, in, false)
}

func (e *Engine) timed(ctx context.Context, in Input, withPolicy bool) (Decision, error) {
	start := time.Now()
	d, err := e.decide(ctx, in, withPolicy)
	if err != nil {
		d.Outcome, d.Rule, d.Reason, d.Rules = Deny, RuleError, err.Error(), []Hit{}
	}
	d.Elapsed = time.Since(start)
	return d, err
}

func (e *Engine) decide(ctx context.Context, in Input, withPolicy bool) (Decision, error) {
	d := Decision{Principal: strings.ToLower(in.Principal)}
	p, err := ParsePrincipal(in.Principal)
	if err != nil {
		return d, err
	}
	in = in.normalized(e.opts.Now)
	if err := in.validate(); err != nil {
		return d, err
	}
	b, err := in.CanonicalJSON()
	if err != nil {
		return d, fmt.Errorf("%w: %v", ErrBadInput, err)
	}
	d.InputHash = hashHex(b)

	e.mu.RLock()
	c := e.policies[p]
	overlays := e.overlays
	e.mu.RUnlock()
	if !withPolicy {
		c = nil
	}
	if c == nil && len(overlays) == 0 {
		d.Outcome, d.Reason, d.Rules = Allow, "no policy", []Hit{}
		return d, nil
	}
	value := in.value()
	hits := []Hit{}
	if c != nil {
		d.PolicyVersion = c.version
		if hits, err = c.eval(ctx, value, e.opts.DecideTimeout); err != nil {
			return d, fmt.Errorf("policy v%d of %s: %w", c.version, p, err)
		}
	}
	for _, o := range overlays {
		d.Overlays = append(d.Overlays, o.ref)
		oh, err := o.eval(ctx, value, e.opts.DecideTimeout)
		if err != nil {
			return d, fmt.Errorf("overlay %s: %w", o.ref.Name, err)
		}
		for _, h := range oh {
			h.Rule = o.prefix + "." + h.Rule
			hits = append(hits, h)
		}
	}
	decideHits(&d, hits)
	return d, nil
}

// decideHits sets d's outcome, rule, reason and rules from the hits: any deny denies, else any
// escalate escalates, else allow.
func decideHits(d *Decision, hits []Hit) {
	rank := func(o Outcome) int {
		if o == Deny {
			return 0
		}
		return 1
	}
	slices.SortFunc(hits, func(a, b Hit) int {
		return cmp.Or(cmp.Compare(rank(a.Outcome), rank(b.Outcome)), cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Reason, b.Reason))
	})
	d.Rules = hits
	if len(hits) == 0 {
		d.Outcome, d.Reason = Allow, "no rule objected"
		return
	}
	d.Outcome, d.Rule, d.Reason = hits[0].Outcome, hits[0].Rule, hits[0].Reason
}

// eval runs the prepared query on the input under timeout.
func (c *compiled) eval(ctx context.Context, input ast.Value, timeout time.Duration) ([]Hit, error) {
	if c.query == nil {
		return []Hit{}, nil
	}
	dctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	rs, err := c.query.Eval(dctx, rego.EvalParsedInput(input))
	switch {
	case ctx.Err() != nil:
		return nil, ctx.Err()
	case dctx.Err() != nil:
		return nil, fmt.Errorf("%w (%v)", ErrTooSlow, timeout)
	case err != nil:
		return nil, err
	case len(rs) != 1:
		return nil, fmt.Errorf("policy query gave %d results, want 1", len(rs))
	}
	hits := []Hit{}
	for _, o := range []Outcome{Deny, Escalate} {
		x, ok := rs[0].Bindings[string(o)]
		if !ok {
			continue
		}
		if hits, err = appendHits(hits, o, x); err != nil {
			return nil, err
		}
	}
	return hits, nil
}

// appendHits appends the elements of set x (an ast.Value, see rego.GenerateJSON in compile) as hits.
func appendHits(hits []Hit, o Outcome, x any) ([]Hit, error) {
	set, ok := x.(ast.Set)
	if !ok {
		return nil, fmt.Errorf("%w: %s is not a set", ErrMalformedHit, o)
	}
	err := set.Iter(func(t *ast.Term) error {
		obj, ok := t.Value.(ast.Object)
		if !ok {
			return fmt.Errorf("%w: %s element %v is not an object", ErrMalformedHit, o, t)
		}
		rule, ok1 := stringField(obj, "rule")
		reason, ok2 := stringField(obj, "reason")
		if !ok1 || !ok2 || rule == "" {
			return fmt.Errorf("%w: %s element %v", ErrMalformedHit, o, t)
		}
		hits = append(hits, Hit{Rule: rule, Outcome: o, Reason: reason})
		return nil
	})
	return hits, err
}

func stringField(obj ast.Object, key string) (string, bool) {
	t := obj.Get(ast.InternedTerm(key))
	if t == nil {
		return "", false
	}
	s, ok := t.Value.(ast.String)
	return string(s), ok
}

// policyPath is the package every policy module declares.
var policyPath = ast.MustParseRef("data.agora.policy")

// compile parses, checks, compiles, prepares and probes one principal's policy.
func (e *Engine) compile(principal, source string, params map[string]any) (*compiled, error) {
	if len(source) > e.opts.MaxSourceBytes {
		return nil, fmt.Errorf("%w: source is %d bytes, limit %d", ErrTooLarge, len(source), e.opts.MaxSourceBytes)
	}
	data, err := paramsData(params, e.opts.MaxParamsBytes)
	if err != nil {
		return nil, err
	}
	return e.compileModule(principal, principal+".rego", policyPath, source, data, principal)
}

// compileModule parses, checks, compiles, prepares and probes one module that must declare package pkg, with
// data as data.params. who names it in errors; the probe evaluates it for probePrincipal.
func (e *Engine) compileModule(who, file string, pkg ast.Ref, source string, data map[string]any, probePrincipal string) (*compiled, error) {
	mod, err := ast.ParseModuleWithOpts(file, source, ast.ParserOptions{
		RegoVersion:  ast.RegoV1,
		Capabilities: e.caps,
	})
	if err != nil {
		return nil, compileError(who, err)
	}
	rules, problems := e.check(mod, pkg)
	if len(problems) > 0 {
		return nil, &CompileError{Principal: who, Problems: problems}
	}
	comp := ast.NewCompiler().
		WithCapabilities(e.caps).
		WithDefaultRegoVersion(ast.RegoV1).
		WithEnablePrintStatements(false)
	if comp.Compile(map[string]*ast.Module{file: mod}); comp.Failed() {
		return nil, compileError(who, comp.Errors)
	}
	c := &compiled{}
	if len(rules) == 0 {
		return c, nil
	}
	q := make([]string, len(rules))
	for i, r := range rules {
		q[i] = fmt.Sprintf("%s := %v.%s", r, pkg, r)
	}
	pq, err := rego.New(
		rego.Query(strings.Join(q, "; ")),
		rego.Compiler(comp),
		rego.Store(inmem.NewFromObject(map[string]any{"params": data})),
		rego.Capabilities(e.caps),
		rego.SetRegoVersion(ast.RegoV1),
		rego.GenerateJSON(func(t *ast.Term, _ *rego.EvalContext) (any, error) { return t.Value, nil }),
	).PrepareForEval(context.Background())
	if err != nil {
		return nil, compileError(who, err)
	}
	c.query = &pq

	probe := probeInput()
	if probePrincipal != "" {
		probe.Principal = probePrincipal
	}
	if _, err := c.eval(context.Background(), probe.value(), e.opts.LoadTimeout); err != nil {
		return nil, fmt.Errorf("policy for %s refused by its probe evaluation: %w", who, err)
	}
	return c, nil
}

// check enforces the module convention and the builtin ban before OPA compiles the module, so the
// author reads "forbidden" rather than "undefined function". It returns which of deny and escalate the
// module defines, in that order.
func (e *Engine) check(mod *ast.Module, pkg ast.Ref) ([]string, []Problem) {
	var problems []Problem
	at := func(code string, loc *ast.Location, format string, args ...any) {
		p := Problem{Code: code, Message: fmt.Sprintf(format, args...)}
		if loc != nil {
			p.Row, p.Col = loc.Row, loc.Col
		}
		problems = append(problems, p)
	}
	if !mod.Package.Path.Equal(pkg) {
		at(CodeConvention, mod.Package.Location, "package is %v, want %v", mod.Package.Path[1:], pkg[1:])
	}
	defined := map[string]bool{}
	for _, r := range mod.Rules {
		ref := r.Head.Ref()
		name, ok := ref[0].Value.(ast.Var)
		if !ok || (name != "deny" && name != "escalate") {
			continue
		}
		if len(ref) != 1 || r.Head.RuleKind() != ast.MultiValue {
			at(CodeConvention, r.Location, "%s must be a multi-value rule: %s contains {\"rule\": ..., \"reason\": ...} if {...}", name, name)
			continue
		}
		defined[string(name)] = true
	}
	ast.WalkTerms(mod, func(t *ast.Term) bool {
		if call, ok := t.Value.(ast.Call); ok {
			if name := call[0].String(); e.forbidden[name] {
				at(CodeForbiddenBuiltin, t.Location, "%s is not allowed in a policy: policies must be deterministic and do no I/O", name)
			}
		}
		return false
	})
	ast.WalkExprs(mod, func(x *ast.Expr) bool {
		if x.IsCall() {
			if name := x.Operator().String(); e.forbidden[name] {
				at(CodeForbiddenBuiltin, x.Location, "%s is not allowed in a policy: policies must be deterministic and do no I/O", name)
			}
		}
		return false
	})
	var rules []string
	for _, r := range []string{"deny", "escalate"} {
		if defined[r] {
			rules = append(rules, r)
		}
	}
	return rules, problems
}

// paramsData returns params as a JSON-typed object (what the store holds as data.params).
func paramsData(params map[string]any, limit int) (map[string]any, error) {
	if params == nil {
		return map[string]any{}, nil
	}
	b, err := json.Marshal(params)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadParams, err)
	}
	if len(b) > limit {
		return nil, fmt.Errorf("%w: parameters are %d bytes of JSON, limit %d", ErrTooLarge, len(b), limit)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var out map[string]any
	if err := dec.Decode(&out); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadParams, err)
	}
	return out, nil
}
