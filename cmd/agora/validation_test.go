package main

import (
	"context"
	"encoding/hex"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/seed"
)

// TestValidationCommands plays the seeded validator from the command line: its queue from the gateway,
// oldest first; an answer on chain that leaves the queue once indexed; and a stranger's answer refused with
// the registry's custom error.
func TestValidationCommands(t *testing.T) {
	chain, d, file := deployedChain(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	seeded, err := seed.Run(ctx, chain.Client, seed.Config{Dir: seedAgentsDir, Deployment: d, Funder: chain.Keys[0], History: true})
	if err != nil {
		t.Fatal(err)
	}
	gatewayURL := startStack(t, chain.URL, file)
	validator := crypto.PubkeyToAddress(seeded.Validator.PublicKey).Hex()
	flags := []string{"--gateway", gatewayURL, "--deployment", file}
	queue := func() []map[string]any {
		t.Helper()
		stdout, stderr, err := run(t, ctx, append(append([]string{"validation", "queue"}, flags...), "--validator", validator)...)
		if err != nil {
			t.Fatalf("validation queue: %v\n%s", err, stderr)
		}
		return jsonLines(t, stdout)
	}
	deadline := time.Now().Add(90 * time.Second)
	var pending []map[string]any
	for {
		if res, err := http.Get(gatewayURL + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				if pending = queue(); len(pending) > 0 {
					break
				}
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("the validator's queue never filled")
		}
		time.Sleep(100 * time.Millisecond)
	}
	first, _ := pending[0]["requestHash"].(string)
	key := writeKeyFile(t, hex.EncodeToString(crypto.FromECDSA(seeded.Validator)))
	stdout, stderr, err := run(t, ctx, append(append([]string{"validation", "respond"}, flags...), "--rpc-url", chain.URL,
		"--key-file", key, "--request-hash", first, "--response", "90", "--tag", "re-executed")...)
	if err != nil {
		t.Fatalf("validation respond: %v\n%s", err, stderr)
	}
	if out := jsonLines(t, stdout); len(out) != 1 || out[0]["tx"] == nil {
		t.Fatalf("respond printed %s", stdout)
	}
	for len(queue()) != len(pending)-1 {
		if time.Now().After(deadline) {
			t.Fatalf("the answered request never left the queue of %d", len(pending))
		}
		time.Sleep(50 * time.Millisecond)
	}
	_, _, err = run(t, ctx, append(append([]string{"validation", "respond"}, flags...), "--rpc-url", chain.URL,
		"--key-file", writeKeyFile(t, keyHex(t, 9)), "--request-hash", first, "--response", "10")...)
	if err == nil || !strings.Contains(err.Error(), "NotRequestValidator") {
		t.Fatalf("a stranger's answer: %v, want NotRequestValidator", err)
	}
	unknown := crypto.Keccak256Hash([]byte("no such request")).Hex()
	_, _, err = run(t, ctx, append(append([]string{"validation", "respond"}, flags...), "--rpc-url", chain.URL,
		"--key-file", key, "--request-hash", unknown, "--response", "50")...)
	if err == nil || !strings.Contains(err.Error(), "UnknownRequest") {
		t.Fatalf("an answer to an unknown request: %v, want UnknownRequest", err)
	}

	// validation serve answers the rest by running a command: one request's command crashes, one prints
	// garbage, one hangs past the timeout; those post nothing and stay pending after their attempts.
	owner := seeded.Agents[0].Owner
	ownerKey := writeKeyFile(t, hex.EncodeToString(crypto.FromECDSA(owner)))
	bad := map[string]string{}
	for i, what := range []string{"crash", "garbage", "hang"} {
		h := crypto.Keccak256Hash([]byte(what)).Hex()
		bad[h] = what
		if _, stderr, err := run(t, ctx, append(append([]string{"validation", "request"}, flags...), "--rpc-url", chain.URL,
			"--key-file", ownerKey, "--validator", validator, "--agent-id", seeded.Agents[0].AgentID.String(),
			"--uri", "demo://"+what, "--request-hash", h)...); err != nil {
			t.Fatalf("validation request %d: %v\n%s", i, err, stderr)
		}
	}
	script := `case "$AGORA_REQUEST_URI" in
demo://crash) echo boom >&2; exit 3 ;;
demo://garbage) echo "looks fine to me" ;;
demo://hang) sleep 60 ;;
*) echo '{"response": 77, "tag": "re-executed"}' ;;
esac`
	sctx, stop := context.WithCancel(ctx)
	defer stop()
	out, done := startCommand(t, sctx, append(append([]string{"validation", "serve"}, flags...), "--rpc-url", chain.URL,
		"--key-file", key, "--exec", script, "--exec-timeout", "1s", "--poll", "100ms", "--attempts", "2", "--backoff", "100ms")...)
	gaveUp := func() map[string]string {
		got := map[string]string{}
		for _, ev := range jsonLines(t, out.String()) {
			if ev["gaveUp"] == true {
				got[ev["requestHash"].(string)] = ev["error"].(string)
			}
		}
		return got
	}
	for len(gaveUp()) < 3 || len(queue()) != 3 {
		if time.Now().After(deadline.Add(time.Minute)) {
			t.Fatalf("serve did not settle: queue %v\n%s", queue(), out.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	want := map[string]string{"crash": "exit status 3 (stderr: boom)", "garbage": "want a number", "hang": "no answer within 1s"}
	for h, msg := range gaveUp() {
		if what, ok := bad[h]; !ok || !strings.Contains(msg, want[what]) {
			t.Errorf("gave up %s (%s): %q", h, bad[h], msg)
		}
	}
	for _, r := range queue() {
		if _, ok := bad[r["requestHash"].(string)]; !ok {
			t.Errorf("still pending: %v", r)
		}
	}
	answered := 0
	for _, ev := range jsonLines(t, out.String()) {
		if ev["event"] == "answered" {
			answered++
			if v, _ := ev["verdict"].(map[string]any); v["response"] != 77.0 || ev["tx"] == nil {
				t.Errorf("answered: %v", ev)
			}
		}
	}
	if answered != len(pending)-1 {
		t.Errorf("answered %d requests, want the %d left of the seeded ones", answered, len(pending)-1)
	}
	stop()
	if err := <-done; err != nil {
		t.Fatalf("validation serve: %v", err)
	}
}
