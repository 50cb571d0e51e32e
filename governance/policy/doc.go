// Package policy is the inline policy check: before every gateway action that commits an agent, the
// principal's own policy, written in Rego and evaluated with OPA's Go library, says allow, escalate or
// deny. It is a pure library that the gateway calls: no network, no database, and a decision depends on
// its Input and the policy's parameters only.
//
// # Input
//
// A decision sees one Input, encoded as JSON with camelCase keys (input.* in Rego):
//
//	action         string    "rfq.post", "quote", "award", "agreement.sign" or "fund"
//	principal      string    the principal (owner) whose agent acts: 0x + 40 hex, lowercased by Decide
//	agent          object    the principal's agent: id (agentId, a decimal string), wallet (0x address)
//	counterparty   object    the other side:
//	  .id            string    its agentId, decimal
//	  .wallet        string    its wallet, 0x address
//	  .reputation    number    its reputation score, 0..100, or null when unknown
//	  .sybilFlags    [string]  the Sybil flag codes raised on it (reputation.Flag codes); [] when none
//	  .jurisdiction  string    where it is, ISO 3166-1 alpha-2 ("EU", "GLOBAL" as in capabilities); "" unknown
//	  .jurisdictions [string]  every jurisdiction its registration file declares (absent when none)
//	  .compliance    [string]  the attestations it declares ("hipaa", "gdpr", ...; absent when none)
//	  .dataClasses   [string]  the data classes it declares handling (absent when none)
//	  .riskClasses   [string]  the EU AI Act risk classes it declares ("high", ...; absent when none)
//	price          string    the amount, a decimal integer in the token's base units
//	priceUSD       number    the amount in USD, converted by the caller (test USD has 6 decimals)
//	token          string    the payment token's address
//	capability     string    the capability asked for
//	dataClasses    [string]  classes of data the work touches: public, pii, phi, financial, biometric, children
//	jurisdictions  [string]  where the work is processed, ISO 3166-1 alpha-2
//	spentTodayUSD  number    what the principal's agents committed in the last 24 hours, computed by the caller
//	mandateId      string    the mandate the action is taken under, if any
//	time           string    when the action happens, RFC 3339; Decide fills the Engine's clock when absent
//
// Decide normalises the input (principal lowercased, absent lists made [], absent time filled), checks
// it (known action, RFC 3339 time, finite numbers: ErrBadInput) and hashes it: Decision.InputHash is the
// hex SHA-256 of its CanonicalJSON, which has its keys sorted and no white space, so an audit log can
// record inputs by hash.
//
// # Policy modules
//
// A principal's policy is one Rego v1 module in package agora.policy. It defines either or both of
//
//	deny contains r if { ... }
//	escalate contains r if { ... }
//
// where each r is an object {"rule": "<id>", "reason": "<text>"} (other keys are ignored; a non-empty
// string rule and a string reason are required: ErrMalformedHit). The Engine evaluates the two sets
// (data.agora.policy.deny and .escalate) with the Input as input, and decides:
//
//   - any deny hit: Deny, Rule = the smallest rule id among the deny hits (so the choice is
//     deterministic), Reason = its reason;
//   - else any escalate hit: Escalate, chosen the same way;
//   - else Allow, Rule "".
//
// Decision.Rules lists every hit. Helper rules and functions are free; only deny and escalate count.
// A policy reads data.params, the JSON object of parameters given with it to Set (or {}), so one text
// can serve many principals with different numbers; Sample, the shipped policy, shows the pattern.
//
// The counterparty's jurisdictions, compliance, dataClasses and riskClasses are left out of the JSON (and
// of input.counterparty) when empty, so an input without them hashes as it did before they existed; a
// policy reads them with object.get(input.counterparty, "compliance", []).
//
// # Sector overlays
//
// Engine.SetOverlays turns on Rego modules shipped in the binary (overlays/): "hipaa" (package
// agora.overlay.hipaa) and "eu-ai-act" (agora.overlay.eu_ai_act), each with default parameters
// (overlays/<id>.json) that the operator may replace one by one. They follow the deny/escalate convention
// and are evaluated for every decision, whether or not the principal has a policy; their hits' rule ids are
// prefixed by the overlay id (hipaa.phi_undeclared, hipaa.jurisdiction, eu_ai_act.human_oversight) and
// decided together with the principal's: any deny denies, else any escalate escalates.
// Decision.Overlays names each overlay that took part with its version and the hash of its text and
// parameters. A principal's module cannot declare an overlay's package, and is compiled apart from them.
//
// # Safety
//
// Set refuses, and the previous version stays in force:
//
//   - a principal that is not 0x + 40 hex digits (ErrBadPrincipal);
//   - a source over Options.MaxSourceBytes or parameters over Options.MaxParamsBytes (ErrTooLarge);
//   - a module that does not parse or compile, or breaks the convention above (*CompileError, with
//     OPA's messages and locations in Problems);
//   - calls to builtins that are non-deterministic or do I/O — http.send, net.lookup_ip_addr,
//     opa.runtime, rand.intn, time.now_ns, uuid.rfc4122, io.jwt.encode_sign*, trace and anything else
//     OPA marks non-deterministic — which are also missing from the compile capabilities
//     (*CompileError matching ErrForbiddenBuiltin). A policy that needs the time reads input.time
//     (time.parse_rfc3339_ns);
//   - recursion, which Rego refuses at compile time (*CompileError matching ErrRecursion);
//   - a policy whose probe evaluation, on a plausible award, takes longer than Options.LoadTimeout
//     (ErrTooSlow), fails, or yields a malformed hit (ErrMalformedHit).
//
// The probe cannot foresee every input, so every Decide also runs under Options.DecideTimeout. Both
// deadlines are wall time, scheduling and garbage collection included. Decide returns an error for a
// bad input, an evaluation over its deadline, a runtime error in the policy, a malformed hit or a
// cancelled context — always with a Deny decision whose Rule is RuleError: callers must treat an error
// as a deny.
//
// Options and their defaults: MaxSourceBytes 64 KiB, MaxParamsBytes 64 KiB (of compact JSON),
// LoadTimeout 100 ms, DecideTimeout 50 ms, Now time.Now.
//
// # Reloading
//
// DirLoader (and Engine.Watch) keeps an Engine in step with a directory of <principal>.rego files,
// each with optional <principal>.json parameters: changed files are set, a file that does not load is
// logged and the version in force kept, and a principal whose file disappears is removed.
//
// # Cost
//
// A decision is one evaluation of a prepared query (no compilation): a few hundred microseconds for a
// 20-rule policy. Each loaded policy keeps its compiled form in memory, some 300 KB for 20 rules.
package policy
