package regfile

import (
	"encoding/base64"
	"strings"
)

// decodeDataURI decodes an RFC 2397 data: URI (uri starts with "data:", any case) whose media type is
// JSON-ish, without any network access. The payload may be base64 (standard or URL alphabet, padded or
// not, line-wrapped or percent-encoded) or percent-encoded text; a '%' not followed by two hex digits is
// kept as it is, because JSON often holds a literal '%' ("100% uptime").
func decodeDataURI(uri string, maxBytes int64) ([]byte, *Error) {
	rest := uri[len("data:"):]
	comma := strings.IndexByte(rest, ',')
	if comma < 0 {
		return nil, newError(CodeBadDataURI, false, nil, "missing ',' before the payload")
	}
	meta, payload := rest[:comma], rest[comma+1:]
	params := strings.Split(meta, ";")
	mediaType := strings.ToLower(strings.TrimSpace(params[0]))
	if !jsonish(mediaType) {
		return nil, newError(CodeBadDataURI, false, nil, "media type %q is not JSON", truncate(mediaType, 64))
	}
	isBase64 := false
	for _, p := range params[1:] {
		if strings.EqualFold(strings.TrimSpace(p), "base64") {
			isBase64 = true
		}
		// Other parameters (charset=utf-8, the non-standard "utf8", ...) do not change how we decode:
		// the payload must be UTF-8 JSON either way, and Parse checks that.
	}
	text := unescapeLenient(payload)
	if !isBase64 {
		if int64(len(text)) > maxBytes {
			return nil, newError(CodeTooLarge, false, nil, "data: payload is %d bytes, limit %d", len(text), maxBytes)
		}
		return []byte(text), nil
	}
	text = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\r', '\n':
			return -1
		}
		return r
	}, text)
	text = strings.TrimRight(text, "=")
	if int64(base64.RawStdEncoding.DecodedLen(len(text))) > maxBytes {
		return nil, newError(CodeTooLarge, false, nil, "data: payload is %d bytes, limit %d",
			base64.RawStdEncoding.DecodedLen(len(text)), maxBytes)
	}
	enc := base64.RawStdEncoding
	if strings.ContainsAny(text, "-_") {
		enc = base64.RawURLEncoding
	}
	out, err := enc.DecodeString(text)
	if err != nil {
		return nil, newError(CodeBadDataURI, false, err, "base64 payload: %v", err)
	}
	return out, nil
}

// jsonish reports whether a data: URI media type may carry a JSON document. An empty type (RFC 2397's
// default text/plain) and text/plain are accepted because real registration files use them.
func jsonish(mediaType string) bool {
	switch mediaType {
	case "", "application/json", "text/json", "text/plain", "application/x-json":
		return true
	}
	return strings.HasSuffix(mediaType, "+json")
}

// unescapeLenient decodes %XX escapes and keeps any other '%' literally.
func unescapeLenient(s string) string {
	i := strings.IndexByte(s, '%')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// truncate shortens s to at most n bytes (on a rune boundary) for messages and logs.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
