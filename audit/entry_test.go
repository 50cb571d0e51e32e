package audit_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/agoralabs/agora/audit"
)

func sampleEntry() audit.Entry {
	return audit.Entry{V: audit.Version, Time: "2026-12-06T10:00:00.123456Z", Source: "gateway:a", Action: "rfq.posted",
		Actor: "0x00000000000000000000000000000000000000aa", AgentID: "7", Subject: "rfq:0x01",
		Inputs: map[string]string{"maxPrice": "1000", "capability": "invoice ocr", "z": "ü<&>"}, Outcome: "open"}
}

// The leaf covers the RFC 8785 form: keys sorted, no spaces, no HTML escaping, and every field.
func TestCanonical(t *testing.T) {
	e := sampleEntry()
	b, err := e.Canonical()
	if err != nil {
		t.Fatal(err)
	}
	want := `{"action":"rfq.posted","actor":"0x00000000000000000000000000000000000000aa","agentId":"7",` +
		`"inputs":{"capability":"invoice ocr","maxPrice":"1000","z":"ü<&>"},"outcome":"open","source":"gateway:a",` +
		`"subject":"rfq:0x01","time":"2026-12-06T10:00:00.123456Z","v":1}`
	if string(b) != want {
		t.Fatalf("canonical form\n got %s\nwant %s", b, want)
	}
	// RFC 6962 leaf: SHA-256 of 0x00 and the bytes.
	h := sha256.Sum256(append([]byte{0}, b...))
	if !bytes.Equal(audit.LeafHash(b), h[:]) {
		t.Fatal("leaf hash is not SHA-256(0x00 || entry)")
	}
	// Whitespace and key order do not change the canonical form; any field does.
	again, err := audit.Canonicalize([]byte(strings.ReplaceAll(strings.Replace(want, `"v":1`, `"v" : 1`, 1), ",", ", ")))
	if err != nil || !bytes.Equal(again, b) {
		t.Fatalf("re-canonicalised %s (%v)", again, err)
	}
	e.Inputs["maxPrice"] = "1001"
	if c, _ := e.Canonical(); bytes.Equal(c, b) {
		t.Fatal("an input change left the canonical form alone")
	}
	if p, err := audit.Parse(b); err != nil || p.Inputs["z"] != "ü<&>" {
		t.Fatalf("parse: %+v %v", p, err)
	}
	if _, err := audit.Parse([]byte(strings.Replace(want, `"v":1`, `"v":1,"extra":"x"`, 1))); !errors.Is(err, audit.ErrInvalid) {
		t.Fatalf("an unknown field: %v", err)
	}
}

func TestValidate(t *testing.T) {
	long := strings.Repeat("a", audit.MaxInput+1)
	for name, change := range map[string]func(*audit.Entry){
		"version":            func(e *audit.Entry) { e.V = 2 },
		"local time":         func(e *audit.Entry) { e.Time = "2026-12-06T10:00:00+01:00" },
		"nanoseconds":        func(e *audit.Entry) { e.Time = "2026-12-06T10:00:00.123456789Z" },
		"action":             func(e *audit.Entry) { e.Action = "Posted" },
		"upper-case address": func(e *audit.Entry) { e.Actor = "0x00000000000000000000000000000000000000AA" },
		"agent id":           func(e *audit.Entry) { e.AgentID = "07" },
		"trace id":           func(e *audit.Entry) { e.TraceID = "xyz" },
		"control character":  func(e *audit.Entry) { e.Outcome = "ok\n" },
		"no outcome":         func(e *audit.Entry) { e.Outcome = "" },
		"long input":         func(e *audit.Entry) { e.Inputs["task"] = long },
		"input name":         func(e *audit.Entry) { e.Inputs["a b"] = "x" },
		"chain reference":    func(e *audit.Entry) { e.Chain = &audit.ChainRef{ChainID: 1, Tx: "0x12"} },
	} {
		e := sampleEntry()
		change(&e)
		if _, err := e.Canonical(); !errors.Is(err, audit.ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
	e := sampleEntry()
	e.Inputs["task"] = audit.Hash([]byte(long))
	if _, err := e.Canonical(); err != nil {
		t.Fatalf("a hashed input: %v", err)
	}
	if got := audit.FormatTime(time.Date(2026, 1, 2, 3, 4, 5, 123456789, time.FixedZone("x", 3600))); got != "2026-01-02T02:04:05.123456Z" {
		t.Fatalf("FormatTime: %s", got)
	}
}

func TestCheckpoint(t *testing.T) {
	skey, vkey, err := audit.GenerateKey("agora.test/audit")
	if err != nil {
		t.Fatal(err)
	}
	signer, err := audit.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	verifier, err := audit.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	if derived, err := audit.VerifierKey(skey); err != nil || derived != vkey {
		t.Fatalf("the verifier key of the signer key: %q %v, want %q", derived, err, vkey)
	}
	if _, err := audit.VerifierKey(vkey); err == nil {
		t.Fatal("a verifier key taken for a signer key")
	}
	root := sha256.Sum256([]byte("root"))
	text, err := audit.SignCheckpoint(signer, 42, root[:])
	if err != nil {
		t.Fatal(err)
	}
	// The C2SP tlog-checkpoint body: origin, size, base64 root; then a blank line and the signature line.
	lines := strings.Split(text, "\n")
	if lines[0] != "agora.test/audit" || lines[1] != "42" || lines[3] != "" || !strings.HasPrefix(lines[4], "— agora.test/audit ") {
		t.Fatalf("checkpoint:\n%s", text)
	}
	cp, err := audit.OpenCheckpoint(text, verifier)
	if err != nil || cp.Size != 42 || !bytes.Equal(cp.Root, root[:]) {
		t.Fatalf("open: %+v %v", cp, err)
	}
	// sumdb/note alone reads it.
	if n, err := note.Open([]byte(text), note.VerifierList(verifier)); err != nil || len(n.Sigs) != 1 {
		t.Fatalf("note.Open: %v", err)
	}
	// Another key of the same name, an altered size: refused.
	otherS, _, _ := audit.GenerateKey("agora.test/audit")
	other, _ := audit.NewSigner(otherS)
	forged, _ := audit.SignCheckpoint(other, 42, root[:])
	if _, err := audit.OpenCheckpoint(forged, verifier); !errors.Is(err, audit.ErrCheckpoint) {
		t.Fatalf("a head signed by another key: %v", err)
	}
	if _, err := audit.OpenCheckpoint(strings.Replace(text, "\n42\n", "\n43\n", 1), verifier); !errors.Is(err, audit.ErrCheckpoint) {
		t.Fatalf("an altered head: %v", err)
	}
	if _, _, err := audit.GenerateKey("has space"); err == nil {
		t.Fatal("an origin with a space")
	}
}

// The entry's canonical form, written directly, is what an RFC 8785 library (github.com/gowebpki/jcs) makes
// of its JSON, on random entries with quotes, backslashes, HTML characters, line and paragraph separators,
// non-BMP characters and every optional field.
func TestCanonicalMatchesJCS(t *testing.T) {
	rnd := rand.New(rand.NewPCG(8785, 1))
	alphabet := []string{"a", "Z", "0", " ", `"`, `\`, "<", ">", "&", "ü", "\u2028", "\u2029", "€", "𝄞", "/", "'", "é", "\u007e", "\u0080", "\ufeff"}
	text := func(n int) string {
		var b strings.Builder
		for range rnd.IntN(n) {
			b.WriteString(alphabet[rnd.IntN(len(alphabet))])
		}
		return b.String()
	}
	for i := range 2000 {
		e := sampleEntry()
		e.Outcome = "x" + text(20)
		e.Subject, e.Rule, e.Source = text(30), text(10), "s"+text(10)
		e.Inputs = map[string]string{}
		for range rnd.IntN(6) {
			e.Inputs[fmt.Sprintf("k%c%d", 'a'+rune(rnd.IntN(26)), rnd.IntN(100))] = text(40)
		}
		if rnd.IntN(2) == 0 {
			e.Chain = &audit.ChainRef{ChainID: rnd.Uint64N(1 << 53), Block: rnd.Uint64N(1 << 53), Tx: "0x" + strings.Repeat("ab", 32), LogIndex: uint(rnd.IntN(1000))}
		}
		if rnd.IntN(2) == 0 {
			e.Actor, e.Principal, e.AgentID, e.TraceID = "", "", "", ""
		}
		got, err := e.Canonical()
		if err != nil {
			t.Fatalf("entry %d: %v", i, err)
		}
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		want, err := audit.Canonicalize(b)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("entry %d:\n got %s\nwant %s", i, got, want)
		}
		back, err := audit.Parse(got)
		if err != nil || back.Outcome != e.Outcome || len(back.Inputs) != len(e.Inputs) {
			t.Fatalf("entry %d does not parse back: %v", i, err)
		}
	}
	// Numbers beyond 2^53 are refused: JSON would not hold them exactly.
	e := sampleEntry()
	e.Chain = &audit.ChainRef{ChainID: 1, Block: 1 << 53, Tx: "0x" + strings.Repeat("ab", 32)}
	if _, err := e.Canonical(); !errors.Is(err, audit.ErrInvalid) {
		t.Fatalf("block 2^53: %v", err)
	}
}
