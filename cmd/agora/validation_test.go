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
}
