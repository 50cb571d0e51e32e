package redact

import "testing"

func TestURL(t *testing.T) {
	for in, want := range map[string]string{
		"http://127.0.0.1:8545":                      "http://127.0.0.1:8545",
		"https://user:secret@node.example/v3/abcdef": "https://node.example/...",
		"wss://node.example/?apikey=abcdef#x":        "wss://node.example/",
		"::not a url":                                "<bad url>",
	} {
		if got := URL(in); got != want {
			t.Errorf("URL(%q) = %q, want %q", in, got, want)
		}
	}
}
