package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
)

// A validator that answers every request addressed to it (ERC-8004's re-execution trust model): it reads its
// queue from the gateway, asks an Answerer for the verdict, and posts it on chain. `agora validation serve`
// and `agora demo` are both this loop.

// Verdict is a validator's answer to one request.
type Verdict struct {
	Response     uint8       `json:"response"`               // 0..100
	URI          string      `json:"uri,omitempty"`          // where the evidence is
	ResponseHash common.Hash `json:"responseHash,omitempty"` // hash of the evidence
	Tag          string      `json:"tag,omitempty"`
}

// An Answerer decides a request. An error means no verdict: nothing is posted and the request is retried.
type Answerer func(ctx context.Context, r ValidationRequest) (Verdict, error)

// Validator events (ValidatorEvent.Event).
const (
	ValidatorReady    = "ready"    // the first poll succeeded
	ValidatorAnswered = "answered" // the verdict is on chain (Tx, Block)
	ValidatorFailed   = "failed"   // an attempt failed (Error); it is retried unless GaveUp
)

// ValidatorEvent is one step of ServeValidations: the record of what the validator answered.
type ValidatorEvent struct {
	Time        time.Time   `json:"time"`
	Event       string      `json:"event"`
	Validator   string      `json:"validator,omitempty"`
	RequestHash common.Hash `json:"requestHash,omitzero"`
	AgentID     string      `json:"agentId,omitempty"`
	Verdict     *Verdict    `json:"verdict,omitempty"`
	Tx          common.Hash `json:"tx,omitzero"`
	Block       uint64      `json:"block,omitempty"`
	Attempt     int         `json:"attempt,omitempty"`
	GaveUp      bool        `json:"gaveUp,omitempty"`
	Error       string      `json:"error,omitempty"`
}

// ValidatorConfig is what ServeValidations needs.
type ValidatorConfig struct {
	Signer Signer // the validator
	Answer Answerer
	// Poll is how often the queue is read (0: 2s).
	Poll time.Duration
	// Attempts bounds the tries of one request, its Answerer and its transaction (0: 3); then it is given
	// up until the validator restarts.
	Attempts int
	// Backoff is the wait after a first failure, doubled after each (0: 2s).
	Backoff time.Duration
	// Report receives every step (nil: none); a Report error ends ServeValidations.
	Report func(ValidatorEvent) error
	Log    *slog.Logger
}

// ServeValidations answers every pending request addressed to cfg.Signer until ctx ends (nil then). A
// failing gateway is retried at the next poll; a failure to report ends it.
func ServeValidations(ctx context.Context, c *Client, e *Escrow, cfg ValidatorConfig) error {
	if cfg.Signer == nil || cfg.Answer == nil {
		return errors.New("serve validations: a signer and an answerer are required")
	}
	if cfg.Poll <= 0 {
		cfg.Poll = 2 * time.Second
	}
	if cfg.Attempts <= 0 {
		cfg.Attempts = 3
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = 2 * time.Second
	}
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	report := func(ev ValidatorEvent) error {
		ev.Time = time.Now().UTC()
		if cfg.Report == nil {
			return nil
		}
		return cfg.Report(ev)
	}
	type state struct {
		attempts int
		next     time.Time // not before
		done     bool      // answered (the queue may lag behind the chain) or given up
	}
	seen := map[common.Hash]*state{}
	ready := false
	t := time.NewTicker(cfg.Poll)
	defer t.Stop()
	for {
		queue, err := c.ValidatorQueue(ctx, cfg.Signer.Address(), "pending")
		switch {
		case ctx.Err() != nil:
			return nil
		case err != nil:
			log.Warn("validator queue unavailable; retrying", "err", err)
		case !ready:
			ready = true
			if err := report(ValidatorEvent{Event: ValidatorReady, Validator: cfg.Signer.Address().Hex()}); err != nil {
				return err
			}
		}
		for _, r := range queue {
			st := seen[r.RequestHash]
			if st == nil {
				st = &state{}
				seen[r.RequestHash] = st
			}
			if st.done || time.Now().Before(st.next) {
				continue
			}
			st.attempts++
			ev, err := answerOne(ctx, e, cfg, r)
			if ctx.Err() != nil {
				return nil
			}
			ev.RequestHash, ev.AgentID, ev.Attempt = r.RequestHash, r.AgentID, st.attempts
			if err != nil {
				ev.Event, ev.Error = ValidatorFailed, err.Error()
				st.next = time.Now().Add(cfg.Backoff << (st.attempts - 1))
				if st.attempts >= cfg.Attempts {
					st.done, ev.GaveUp = true, true
				}
			} else {
				ev.Event, st.done = ValidatorAnswered, true
			}
			if err := report(ev); err != nil {
				return err
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// answerOne asks for the verdict on r and posts it.
func answerOne(ctx context.Context, e *Escrow, cfg ValidatorConfig, r ValidationRequest) (ValidatorEvent, error) {
	v, err := cfg.Answer(ctx, r)
	if err != nil {
		return ValidatorEvent{}, fmt.Errorf("no verdict: %w", err)
	}
	if v.Response > 100 {
		return ValidatorEvent{}, fmt.Errorf("no verdict: response %d is not 0 to 100", v.Response)
	}
	rc, err := e.RespondValidation(ctx, cfg.Signer, r.RequestHash, v.Response, v.URI, v.ResponseHash, v.Tag)
	if err != nil {
		return ValidatorEvent{Verdict: &v}, err
	}
	return ValidatorEvent{Verdict: &v, Tx: rc.TxHash, Block: rc.BlockNumber.Uint64()}, nil
}

// maxVerdictOutput bounds what an Exec command may print.
const maxVerdictOutput = 64 << 10

// ExecAnswerer runs argv (argv[0] found on PATH) for each request, with the request as one JSON document on
// its stdin and AGORA_REQUEST_HASH, AGORA_AGENT_ID and AGORA_REQUEST_URI in its environment, and reads the
// verdict from its stdout: a JSON object {"response": 0..100, "uri", "responseHash", "tag"} or a bare number
// 0..100. A command that exits non-zero, outlives timeout (it and its children are killed), or prints
// anything else gives an error, and nothing is posted.
func ExecAnswerer(argv []string, timeout time.Duration) Answerer {
	return func(ctx context.Context, r ValidationRequest) (Verdict, error) {
		if len(argv) == 0 {
			return Verdict{}, errors.New("no command")
		}
		in, err := json.Marshal(r)
		if err != nil {
			return Verdict{}, err
		}
		ctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
		cmd.Stdin = bytes.NewReader(in)
		cmd.Env = append(os.Environ(), "AGORA_REQUEST_HASH="+r.RequestHash.Hex(), "AGORA_AGENT_ID="+r.AgentID,
			"AGORA_REQUEST_URI="+r.RequestURI)
		var out, stderr limitedBuffer
		out.max, stderr.max = maxVerdictOutput, 4<<10
		cmd.Stdout, cmd.Stderr = &out, &stderr
		// Its own process group, so that a timeout kills what it started too.
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
		cmd.WaitDelay = time.Second
		err = cmd.Run()
		switch {
		case ctx.Err() == context.DeadlineExceeded:
			return Verdict{}, fmt.Errorf("%s: no answer within %s", argv[0], timeout)
		case err != nil:
			return Verdict{}, fmt.Errorf("%s: %w%s", argv[0], err, stderrTail(stderr.String()))
		case out.over:
			return Verdict{}, fmt.Errorf("%s: printed more than %d bytes", argv[0], maxVerdictOutput)
		}
		return ParseVerdict(out.Bytes())
	}
}

// ParseVerdict reads a verdict as ExecAnswerer's commands print it.
func ParseVerdict(out []byte) (Verdict, error) {
	s := strings.TrimSpace(string(out))
	if n, err := strconv.ParseUint(s, 10, 8); err == nil {
		if n > 100 {
			return Verdict{}, fmt.Errorf("verdict %d is not 0 to 100", n)
		}
		return Verdict{Response: uint8(n)}, nil
	}
	var raw struct {
		Response     *json.Number `json:"response"`
		URI          string       `json:"uri"`
		ResponseHash string       `json:"responseHash"`
		Tag          string       `json:"tag"`
	}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil || dec.More() {
		return Verdict{}, fmt.Errorf("verdict %q: want a number 0 to 100 or {\"response\": 0..100, \"uri\", \"responseHash\", \"tag\"}", clip(s, 80))
	}
	if raw.Response == nil {
		return Verdict{}, errors.New("verdict: no response")
	}
	n, err := strconv.ParseUint(raw.Response.String(), 10, 8)
	if err != nil || n > 100 {
		return Verdict{}, fmt.Errorf("verdict: response %s is not 0 to 100", raw.Response)
	}
	v := Verdict{Response: uint8(n), URI: raw.URI, Tag: raw.Tag}
	if raw.ResponseHash != "" {
		if len(raw.ResponseHash) != 66 || v.ResponseHash.UnmarshalText([]byte(raw.ResponseHash)) != nil {
			return Verdict{}, fmt.Errorf("verdict: responseHash %q is not a 0x-prefixed 32-byte hash", clip(raw.ResponseHash, 80))
		}
	}
	return v, nil
}

// ValidationRequestHash is the request hash the escrow expects for a submitted job's validation
// (AgentEscrow.validationRequestHash): the provider's owner requests validation under it.
func (e *Escrow) ValidationRequestHash(ctx context.Context, jobID *big.Int) (common.Hash, error) {
	h, err := bind.Call(e.escrow.Instance(e.backend, e.address), &bind.CallOpts{Context: ctx},
		e.escrow.PackValidationRequestHash(jobID), e.escrow.UnpackValidationRequestHash)
	if err != nil {
		return common.Hash{}, fmt.Errorf("validationRequestHash(%s): %w", jobID, e.explain(err, e.address))
	}
	return h, nil
}

// limitedBuffer keeps the first max bytes written and notes whether more came. (Not an embedded
// bytes.Buffer: its ReadFrom would let io.Copy bypass the limit.)
type limitedBuffer struct {
	buf  bytes.Buffer
	max  int
	over bool
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.buf.Len(); room < len(p) {
		b.over = true
		if room > 0 {
			b.buf.Write(p[:room])
		}
		return len(p), nil
	}
	return b.buf.Write(p)
}

func (b *limitedBuffer) Bytes() []byte  { return b.buf.Bytes() }
func (b *limitedBuffer) String() string { return b.buf.String() }

var _ io.Writer = (*limitedBuffer)(nil)

func stderrTail(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return " (stderr: " + clip(s, 200) + ")"
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
