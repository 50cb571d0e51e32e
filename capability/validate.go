package capability

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// validate checks declaration i (decoded with json.Number numbers) against sch and returns its
// problems, nil when it is valid. The declaration's JSON values are taken from *budget; when not enough
// are left it is not checked.
func validate(sch *jsonschema.Schema, i int, item any, budget *int) (problems []Problem) {
	base := itemPath(i)
	// Extension values are ignored by the schema: blank them so that nothing below looks at them. Then
	// bound the work the validator may do: it turns numbers into big.Rat values (a huge exponent costs
	// seconds, and an unparsable one crashes its uniqueItems check) and walks every value.
	var pre prepared
	item = pre.walk(item, nil)
	switch {
	case pre.values > MaxValues:
		return []Problem{{Index: i, Path: base, Code: CodeSchema, Message: fmt.Sprintf(
			"too large: more than %d JSON values outside extension fields", MaxValues)}}
	case pre.badNumber != nil:
		return []Problem{{Index: i, Path: base + pointer(pre.badNumber), Code: CodeSchema,
			Message: fmt.Sprintf("number out of range: want at most %d characters and an exponent within ±%d",
				maxNumberLen, maxExponent)}}
	case pre.values > *budget:
		return []Problem{{Index: i, Path: base, Code: CodeTooMany, Message: fmt.Sprintf(
			"not checked: the capabilities of this file hold more than %d JSON values in all", MaxFileValues)}}
	}
	*budget -= pre.values
	defer func() { // the checks above should make this unreachable; never let a validator bug crash a caller
		if r := recover(); r != nil {
			problems = []Problem{{Index: i, Path: base, Code: CodeSchema, Message: fmt.Sprintf("cannot validate: %v", r)}}
		}
	}()
	err := sch.Validate(item)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []Problem{{Index: i, Path: base, Code: CodeSchema, Message: "cannot validate: " + err.Error()}}
	}
	var found []finding
	for _, leaf := range leaves(ve, nil) {
		found = append(found, describe(leaf)...)
	}
	slices.SortFunc(found, func(a, b finding) int {
		if c := comparePointers(a.path, b.path); c != 0 {
			return c
		}
		return strings.Compare(a.message, b.message)
	})
	found = slices.CompactFunc(found, func(a, b finding) bool {
		return a.message == b.message && slices.Equal(a.path, b.path)
	})
	if len(found) == 0 { // cannot happen: a failed validation has at least one leaf
		return []Problem{{Index: i, Path: base, Code: CodeSchema, Message: ve.Error()}}
	}
	for n, f := range found {
		if n == MaxProblemsPerCapability-1 && len(found) > MaxProblemsPerCapability {
			problems = append(problems, Problem{Index: i, Path: base, Code: CodeSchema,
				Message: fmt.Sprintf("and %d more problems", len(found)-n)})
			break
		}
		problems = append(problems, Problem{Index: i, Path: base + pointer(f.path), Code: CodeSchema, Message: f.message})
	}
	return problems
}

// MaxValues bounds the JSON values (objects, arrays, strings, numbers, booleans, nulls) of one
// declaration outside its extension fields. The schema's own limits allow about 1,500; a larger
// declaration is reported as too large without being validated.
const MaxValues = 2048

// MaxFileValues bounds the JSON values outside extension fields of all the declarations of one file, so
// that validating a hostile file costs little more than validating a large honest one. Declarations past
// the budget are reported with CodeTooMany and not checked.
const MaxFileValues = 32768

// The numbers of a declaration outside extension fields must be short: no field of the schema takes a
// number beyond 10^9 or needs more digits than a float64 holds.
const (
	maxNumberLen = 64
	maxExponent  = 64
)

// prepared is the result of walking a declaration before validation.
type prepared struct {
	values    int      // values outside extension fields, counted up to MaxValues+1
	badNumber []string // location of the first number out of range, nil if none
}

// walk counts the values of v, checks its numbers, and replaces the value of every member whose name
// starts with "x-" by null, wherever it is: the schema accepts anything there, so the result of
// validation does not change, but nothing hostile in an extension reaches the validator. It returns v.
func (p *prepared) walk(v any, at []string) any {
	if p.values++; p.values > MaxValues || p.badNumber != nil {
		return v
	}
	switch v := v.(type) {
	case json.Number:
		if !saneNumber(string(v)) {
			p.badNumber = slices.Clone(at)
		}
	case []any:
		for i, e := range v {
			v[i] = p.walk(e, append(at, strconv.Itoa(i)))
		}
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys) // report the same number every time
		for _, k := range keys {
			if strings.HasPrefix(k, "x-") {
				v[k] = nil
				continue
			}
			v[k] = p.walk(v[k], append(at, k))
		}
	}
	return v
}

func saneNumber(s string) bool {
	if len(s) > maxNumberLen {
		return false
	}
	i := strings.IndexAny(s, "eE")
	if i < 0 {
		return true
	}
	exp, err := strconv.Atoi(s[i+1:]) // accepts a sign
	return err == nil && exp >= -maxExponent && exp <= maxExponent
}

// leaves returns the errors of the tree e that have no causes, in tree order. A failed anyOf or oneOf is
// kept whole: the failures of its branches ("mediaType missing", "schema missing") say less than the
// combinator does.
func leaves(e *jsonschema.ValidationError, out []*jsonschema.ValidationError) []*jsonschema.ValidationError {
	switch e.ErrorKind.(type) {
	case *kind.AnyOf, *kind.OneOf:
		return append(out, e)
	}
	if len(e.Causes) == 0 {
		return append(out, e)
	}
	for _, c := range e.Causes {
		out = leaves(c, out)
	}
	return out
}

// finding is one problem of a declaration: where (JSON pointer tokens below the declaration) and what.
type finding struct {
	path    []string
	message string
}

// hints replaces the validator's message for the keywords whose failure needs explaining, keyed by the
// keyword's location in the schema.
var hints = map[string]string{
	"/properties/name/pattern":                      "want a name that is not blank",
	"/$defs/languageTag/pattern":                    `want a BCP 47 language tag such as "vi", "en-US" or "zh-Hant"`,
	"/$defs/typeRef/properties/mediaType/pattern":   `want a media type type/subtype without parameters, such as "application/pdf" or "image/*" (not "*/*")`,
	"/$defs/typeRef/properties/schema/pattern":      "want an https://, ipfs:// or urn: URI of a JSON Schema",
	"/$defs/typeRef/properties/schema/format":       "want an absolute URI",
	"/$defs/typeRef/anyOf":                          "want exactly one of mediaType and schema, got neither",
	"/$defs/typeRef/dependentSchemas/mediaType":     "want exactly one of mediaType and schema, got both",
	"/$defs/uint256/pattern":                        "want a decimal string of token base units (digits only, no sign, no leading zeros, at most 78 digits)",
	"/$defs/uint256/format":                         "want an amount of at most 2^256-1 base units",
	"/$defs/address/pattern":                        "want a 0x-prefixed 20-byte address (40 hex digits)",
	"/$defs/pricing/allOf/0/then/required":          `missing; required when model is "per_unit"`,
	"/$defs/pricing/allOf/1/then/required":          `missing; required when model is "per_outcome"`,
	"/$defs/jurisdiction/enum":                      `want an ISO 3166-1 alpha-2 country code in upper case (such as "VN" or "DE"), "EU" or "GLOBAL"`,
	"/$defs/compliance/properties/evidence/pattern": "want an https:// or ipfs:// URI",
	"/$defs/compliance/properties/evidence/format":  "want an absolute URI",
}

// printer renders the validator's own messages, for the keywords without a hint.
var printer = message.NewPrinter(language.English)

// describe turns one leaf error into findings; required and additionalProperties give one per field.
func describe(e *jsonschema.ValidationError) []finding {
	at := e.InstanceLocation
	hint, hinted := hints[keywordLocation(e)]
	one := func(msg string) []finding { return []finding{{path: at, message: msg}} }
	with := func(msg string, got any) []finding {
		if hinted {
			msg = hint
		}
		if got != nil {
			msg += ", got " + display(got)
		}
		return one(msg)
	}
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		out := make([]finding, 0, len(k.Missing))
		for _, name := range k.Missing {
			msg := "missing required field"
			if hinted {
				msg = hint
			}
			out = append(out, finding{path: child(at, name), message: msg})
		}
		return out
	case *kind.AdditionalProperties:
		out := make([]finding, 0, len(k.Properties))
		for _, name := range k.Properties {
			out = append(out, finding{path: child(at, name),
				message: `unknown field; extension fields must start with "x-"`})
		}
		return out
	case *kind.Type:
		return one("want " + strings.Join(k.Want, " or ") + ", got " + k.Got)
	case *kind.Enum:
		want := make([]string, len(k.Want))
		for i, w := range k.Want {
			want[i] = display(w)
		}
		return with("want one of "+strings.Join(want, ", "), k.Got)
	case *kind.Pattern:
		return with("does not match "+strconv.Quote(k.Want), k.Got)
	case *kind.Format:
		return with("want format "+k.Want, k.Got)
	case *kind.MinLength:
		return with(fmt.Sprintf("too short: %d characters, want at least %d", k.Got, k.Want), nil)
	case *kind.MaxLength:
		return with(fmt.Sprintf("too long: %d characters, want at most %d", k.Got, k.Want), nil)
	case *kind.MaxItems:
		return with(fmt.Sprintf("too many entries: %d, want at most %d", k.Got, k.Want), nil)
	case *kind.MinItems:
		return with(fmt.Sprintf("too few entries: %d, want at least %d", k.Got, k.Want), nil)
	case *kind.Minimum:
		return with(fmt.Sprintf("%s is below the minimum %s", ratString(k.Got), ratString(k.Want)), nil)
	case *kind.Maximum:
		return with(fmt.Sprintf("%s is above the maximum %s", ratString(k.Got), ratString(k.Want)), nil)
	case *kind.UniqueItems:
		return []finding{{path: child(at, strconv.Itoa(k.Duplicates[1])),
			message: fmt.Sprintf("duplicate of entry %d", k.Duplicates[0])}}
	}
	if hinted {
		return one(hint)
	}
	return one(e.ErrorKind.LocalizedString(printer))
}

// keywordLocation is the location of the failed keyword within the schema document, e.g.
// "/$defs/uint256/pattern".
func keywordLocation(e *jsonschema.ValidationError) string {
	_, frag, _ := strings.Cut(e.SchemaURL, "#")
	return frag + pointer(e.ErrorKind.KeywordPath())
}

// display shows a JSON value in a message: strings quoted and shortened, numbers as written, other
// values by their type.
func display(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(truncate(v, 80))
	case json.Number:
		return string(v)
	case bool:
		return strconv.FormatBool(v)
	case nil:
		return "null"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprint(v)
}

func ratString(r interface{ RatString() string }) string {
	if r == nil {
		return "?"
	}
	return r.RatString()
}

func child(at []string, name string) []string { return append(slices.Clip(at), name) }

// pointer encodes tokens as a JSON pointer (RFC 6901): "/a/b~1c" for a, b/c.
func pointer(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(pointerEscaper.Replace(t))
	}
	return b.String()
}

var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

// comparePointers orders token lists element by element, array indexes numerically ("2" before "10").
func comparePointers(a, b []string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		x, y := a[i], b[i]
		if isIndex(x) && isIndex(y) && len(x) != len(y) {
			return cmp.Compare(len(x), len(y)) // no leading zeros: the shorter index is smaller
		}
		if c := strings.Compare(x, y); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(a), len(b))
}

// isIndex reports whether the pointer token t is an array index (digits, no leading zero).
func isIndex(t string) bool {
	if t == "" || (len(t) > 1 && t[0] == '0') {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}
