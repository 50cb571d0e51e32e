package main

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	"github.com/agoralabs/agora/client"
)

// validationCommand is `agora validation`: validators read their queue and answer on chain; agent owners ask.
func (a *app) validationCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "validation",
		Short: "Validators: the work queue, and answers on chain; owners: validation requests",
		Long: `ERC-8004 validations through the Validation Registry (docs/client.md). "queue" reads the gateway (no key);
"respond" and "request" send a transaction from --key-file or --keystore to --rpc-url, naming a revert by the
registry's custom error. Every command prints JSON.`,
	}
	signerFlags(cmd.PersistentFlags())
	queue := &cobra.Command{Use: "queue", Short: "The requests addressed to a validator, oldest first", Args: cobra.NoArgs,
		RunE: a.runValidationQueue}
	queue.Flags().String("validator", "", "the validator (default: the signer's address)")
	queue.Flags().String("status", "pending", "pending, answered or all")
	respond := &cobra.Command{Use: "respond", Short: "Answer a request (the signer is its validator)", Args: cobra.NoArgs,
		RunE: a.runValidationRespond}
	respond.Flags().String("request-hash", "", "the request (required)")
	respond.Flags().Uint8("response", 0, "the answer, 0 to 100")
	respond.Flags().String("uri", "", "where the evidence is")
	respond.Flags().String("response-hash", "", "hash of the evidence (0x-hex)")
	respond.Flags().String("tag", "", "a tag")
	request := &cobra.Command{Use: "request", Short: "Ask a validator to validate an agent's work (the signer owns the agent)",
		Args: cobra.NoArgs, RunE: a.runValidationRequest}
	request.Flags().String("validator", "", "the validator (required)")
	request.Flags().String("agent-id", "", "the agent (required)")
	request.Flags().String("uri", "", "what to validate")
	request.Flags().String("request-hash", "", "the request's hash (0x-hex; required)")
	serve := &cobra.Command{Use: "serve", Short: "Answer every request addressed to the signer by running a command on it",
		Long: `Poll the gateway's queue of pending requests addressed to the signer (every --poll) and answer each by
running --exec (through sh -c) with the request as JSON on its stdin and AGORA_REQUEST_HASH, AGORA_AGENT_ID
and AGORA_REQUEST_URI in its environment: the re-execution trust model. The command prints its verdict: a
number 0 to 100, or {"response": 0..100, "uri": "...", "responseHash": "0x...", "tag": "..."}. The verdict
is posted with validationResponse. A command that fails, prints anything else or outlives --exec-timeout (it
is killed, with what it started) posts nothing; the request is tried again after a backoff, --attempts times
in all. Prints one JSON line per step ({"event": "ready" | "answered" | "failed", ...}): the record of what it
answered, with each transaction. Runs until interrupted.`,
		Args: cobra.NoArgs, RunE: a.runValidationServe}
	serve.Flags().String("exec", "", "the command that decides a request (required)")
	serve.Flags().Duration("exec-timeout", 30*time.Second, "how long the command may run")
	serve.Flags().Duration("poll", 2*time.Second, "how often the queue is read")
	serve.Flags().Int("attempts", 3, "tries per request before giving it up")
	serve.Flags().Duration("backoff", 2*time.Second, "wait after a first failure, doubled after each")
	cmd.AddCommand(queue, respond, request, serve)
	return cmd
}

func (a *app) runValidationQueue(cmd *cobra.Command, _ []string) error {
	m, err := a.openReader()
	if err != nil {
		return err
	}
	var validator common.Address
	switch v := a.v.GetString("validator"); {
	case v != "":
		if validator, err = parseAddress("validator", v); err != nil {
			return err
		}
	case m.signer != nil:
		validator = m.signer.Address()
	default:
		return errors.New("--validator (or a key) is required")
	}
	list, err := m.client.ValidatorQueue(cmd.Context(), validator, a.v.GetString("status"))
	if err != nil {
		return err
	}
	for _, r := range list {
		if err := m.print(r); err != nil {
			return err
		}
	}
	return nil
}

func hash32Flag(a *app, name string, required bool) (common.Hash, error) {
	s := a.v.GetString(name)
	var h common.Hash
	if s == "" && !required {
		return h, nil
	}
	if len(s) != 66 || h.UnmarshalText([]byte(s)) != nil {
		return h, fmt.Errorf("--%s %q: want a 0x-prefixed 32-byte hash", name, s)
	}
	return h, nil
}

func (a *app) runValidationRespond(cmd *cobra.Command, _ []string) error {
	ctx := cmd.Context()
	m, err := a.openMarket()
	if err != nil {
		return err
	}
	v := a.v
	request, err := hash32Flag(a, "request-hash", true)
	if err != nil {
		return err
	}
	evidence, err := hash32Flag(a, "response-hash", false)
	if err != nil {
		return err
	}
	response := v.GetUint("response")
	if response > 100 {
		return fmt.Errorf("--response %d: want 0 to 100", response)
	}
	escrow, closeRPC, err := m.escrow(ctx)
	if err != nil {
		return err
	}
	defer closeRPC()
	r, err := escrow.RespondValidation(ctx, m.signer, request, uint8(response), v.GetString("uri"), evidence, v.GetString("tag"))
	if err != nil {
		return err
	}
	return m.print(map[string]any{"requestHash": request.Hex(), "response": response, "tx": r.TxHash.Hex(), "block": r.BlockNumber.Uint64()})
}

func (a *app) runValidationRequest(cmd *cobra.Command, _ []string) error {
	ctx := cmd.Context()
	m, err := a.openMarket()
	if err != nil {
		return err
	}
	v := a.v
	validator, err := parseAddress("validator", v.GetString("validator"))
	if err != nil || validator == (common.Address{}) {
		return errors.Join(err, errors.New("--validator is required"))
	}
	agent, ok := new(big.Int).SetString(v.GetString("agent-id"), 10)
	if !ok {
		return fmt.Errorf("--agent-id %q: an agent id", v.GetString("agent-id"))
	}
	request, err := hash32Flag(a, "request-hash", true)
	if err != nil {
		return err
	}
	escrow, closeRPC, err := m.escrow(ctx)
	if err != nil {
		return err
	}
	defer closeRPC()
	r, err := escrow.RequestValidation(ctx, m.signer, validator, agent, v.GetString("uri"), request)
	if err != nil {
		return err
	}
	return m.print(map[string]any{"requestHash": request.Hex(), "validator": validator.Hex(), "agentId": agent.String(),
		"tx": r.TxHash.Hex(), "block": r.BlockNumber.Uint64()})
}

func (a *app) runValidationServe(cmd *cobra.Command, _ []string) error {
	ctx, v := cmd.Context(), a.v
	command := strings.TrimSpace(v.GetString("exec"))
	if command == "" {
		return errors.New("--exec is required")
	}
	timeout := v.GetDuration("exec-timeout")
	if timeout <= 0 {
		return errors.New("--exec-timeout must be positive")
	}
	if v.GetInt("attempts") < 1 {
		return errors.New("--attempts must be at least 1")
	}
	m, err := a.openMarket()
	if err != nil {
		return err
	}
	escrow, closeRPC, err := m.escrow(ctx)
	if err != nil {
		return err
	}
	defer closeRPC()
	return client.ServeValidations(ctx, m.client, escrow, client.ValidatorConfig{Signer: m.signer,
		Answer: client.ExecAnswerer([]string{"sh", "-c", command}, timeout), Poll: v.GetDuration("poll"),
		Attempts: v.GetInt("attempts"), Backoff: v.GetDuration("backoff"), Log: a.log,
		Report: func(ev client.ValidatorEvent) error { return m.print(ev) }})
}
