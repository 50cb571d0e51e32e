// Package redact removes what may be secret from values that end up in logs and error messages.
package redact

import "net/url"

// URL keeps the scheme and host of an endpoint URL: its user info, path, query and fragment may hold
// credentials or API keys (as in https://mainnet.example/v3/<key>). A non-empty path shows as "/...".
func URL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "<bad url>"
	}
	u.User = nil
	u.RawQuery = ""
	u.Fragment = ""
	if len(u.Path) > 1 {
		u.Path = "/..."
	}
	return u.String()
}
