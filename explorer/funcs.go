package explorer

import (
	"encoding/json"
	"fmt"
	"html/template"
	"math/big"
	"strconv"
	"strings"
	"time"
)

// funcs are the templates' helpers. Values come from JSON decoded with UseNumber: numbers are json.Number,
// objects map[string]any, arrays []any.
var funcs = template.FuncMap{
	"dig":    dig,
	"list":   list,
	"str":    str,
	"short":  short,
	"uri":    uri,
	"fixed":  fixed,
	"amount": amount,
	"when":   when,
	"ago":    ago,
	"pretty": pretty,
	"json":   jsonScript,
	"eq":     func(a, b any) bool { return str(a) == str(b) },
	"nonzero": func(v any) bool {
		s := str(v)
		return s != "" && s != "0" && s != "0x0000000000000000000000000000000000000000"
	},
	"join": func(v any, sep string) string {
		var out []string
		for _, x := range list(v) {
			out = append(out, str(x))
		}
		return strings.Join(out, sep)
	},
}

// dig walks nested objects: dig m "reputation" "score".
func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// list is v as an array (nil for anything else).
func list(v any) []any {
	a, _ := v.([]any)
	return a
}

// str is v as text ("" for nil).
func str(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		if x {
			return "yes"
		}
		return "no"
	default:
		return fmt.Sprint(x)
	}
}

// short abbreviates a hash or an address: 0x1234…cdef.
func short(v any) string {
	s := str(v)
	if len(s) > 14 && strings.HasPrefix(s, "0x") {
		return s[:6] + "…" + s[len(s)-4:]
	}
	return s
}

// uri shows an agent URI: a data: URI by its media type and size, anything else as it is.
func uri(v any) string {
	s := str(v)
	if head, data, ok := strings.Cut(s, ","); ok && strings.HasPrefix(head, "data:") {
		return fmt.Sprintf("%s,… (%d bytes inline)", head, len(data))
	}
	return s
}

// fixed shows a number with one decimal ("" for anything else).
func fixed(v any) string {
	f, err := strconv.ParseFloat(str(v), 64)
	if err != nil {
		return str(v)
	}
	return strconv.FormatFloat(f, 'f', 1, 64)
}

// amount shows a token amount in base units with six decimals (tUSD's and USDC's), trailing zeros trimmed.
func amount(v any) string {
	s := str(v)
	x, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return s
	}
	neg := x.Sign() < 0
	x.Abs(x)
	unit := big.NewInt(1_000_000)
	whole, frac := new(big.Int).QuoRem(x, unit, new(big.Int))
	out := whole.String()
	if frac.Sign() != 0 {
		out += "." + strings.TrimRight(fmt.Sprintf("%06d", frac.Int64()), "0")
	}
	if neg {
		out = "-" + out
	}
	return out
}

func parseTime(v any) (time.Time, bool) {
	t, err := time.Parse(time.RFC3339Nano, str(v))
	return t, err == nil
}

// when shows a time in UTC.
func when(v any) string {
	t, ok := parseTime(v)
	if !ok {
		return str(v)
	}
	return t.UTC().Format("2006-01-02 15:04:05 UTC")
}

// ago shows how long ago a time was, roughly.
func ago(v any) string {
	t, ok := parseTime(v)
	if !ok {
		return str(v)
	}
	d := time.Since(t)
	switch {
	case d < 0:
		return "in " + (-d).Round(time.Second).String()
	case d < time.Minute:
		return fmt.Sprintf("%ds ago", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm ago", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh ago", int(d.Hours()))
	}
	return fmt.Sprintf("%dd ago", int(d.Hours()/24))
}

// pretty is v as indented JSON.
func pretty(v any) string {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return str(v)
	}
	return string(b)
}

// jsonScript is v as JSON text, for a data-* attribute (html/template escapes it there; the script reads it
// with JSON.parse).
func jsonScript(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
