package main

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/indexer/regfile"
)

// feedbackCommand is `agora feedback`: buyers rate the agents they paid; providers answer.
func (a *app) feedbackCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "feedback",
		Short: "Buyers: feedback tied to the escrow job that paid the agent; providers: responses",
		Long: `ERC-8004 feedback through the deployment's Reputation Registry (docs/client.md).

"give" names the escrow job that paid the agent: the job's client (or, under a mandate, its principal) must be
the signer, its provider the agent, and it must be completed or resolved with a share to the provider; else
nothing is sent. The ERC-8004 feedback file, with proofOfPayment {fromAddress, toAddress, chainId, txHash of the
job's funding transaction}, is registered as a data: URI, or with --uri where the signer hosts it ("file"
prints it), and feedbackHash is keccak256 of its bytes. Keys as for "agora market"; every command prints JSON.`,
	}
	signerFlags(cmd.PersistentFlags())
	give := &cobra.Command{Use: "give", Short: "Give feedback to an agent, naming the escrow job that paid it", Args: cobra.NoArgs,
		RunE: a.runFeedbackGive}
	feedbackFlags(give.Flags())
	give.Flags().String("uri", "", "where the feedback file is hosted (fetched and checked; default: inline data: URI)")
	give.Flags().Bool("fetch-allow-private", false, "fetch --uri from private addresses and plain http://")
	file := &cobra.Command{Use: "file", Short: "Print the feedback file that give would register, to host it (then give --uri)",
		Args: cobra.NoArgs, RunE: a.runFeedbackFile}
	feedbackFlags(file.Flags())
	file.Flags().String("out", "", "write the file here (mode 644) instead of stdout")
	revoke := &cobra.Command{Use: "revoke", Short: "Revoke one of the signer's feedbacks", Args: cobra.NoArgs, RunE: a.runFeedbackRevoke}
	revoke.Flags().String("agent-id", "", "the agent (required)")
	revoke.Flags().String("index", "", "the feedback's index, from 1 (required)")
	respond := &cobra.Command{Use: "respond", Short: "Append a response to a client's feedback (providers answer)", Args: cobra.NoArgs,
		RunE: a.runFeedbackRespond}
	f := respond.Flags()
	f.String("agent-id", "", "the agent (required)")
	f.String("client", "", "the client whose feedback is answered (required)")
	f.String("index", "", "the feedback's index, from 1 (required)")
	f.String("uri", "", "where the response is")
	f.String("hash", "", "keccak256 of the response (0x-hex; optional)")
	f.String("file", "", "the response file, registered inline as a data: URI with its keccak256 (instead of --uri)")
	cmd.AddCommand(give, file, revoke, respond)
	return cmd
}

func feedbackFlags(f *pflag.FlagSet) {
	f.String("agent-id", "", "the agent (required)")
	f.String("job", "", "the escrow job that paid the agent (required)")
	f.String("value", "", "the value, a signed integer: value / 10^decimals (required)")
	f.Uint8("decimals", 0, "the value's decimals, 0 to 18")
	f.String("tag1", "", "first tag")
	f.String("tag2", "", "second tag")
	f.String("endpoint", "", "the endpoint the feedback is about")
}

// feedbackFromFlags reads the feedback flags.
func (a *app) feedbackFromFlags() (client.Feedback, error) {
	v := a.v
	fb := client.Feedback{Tag1: v.GetString("tag1"), Tag2: v.GetString("tag2"), Endpoint: v.GetString("endpoint")}
	var err error
	if fb.AgentID, err = agentIDFlag(a); err != nil {
		return fb, err
	}
	job, ok := new(big.Int).SetString(strings.TrimSpace(v.GetString("job")), 10)
	if !ok || job.Sign() <= 0 {
		return fb, fmt.Errorf("--job %q: want an escrow job id (1, 2, ...)", v.GetString("job"))
	}
	fb.JobID = job
	s := strings.TrimSpace(v.GetString("value"))
	if s == "" {
		return fb, errors.New("--value is required")
	}
	if fb.Value, ok = new(big.Int).SetString(s, 10); !ok {
		return fb, fmt.Errorf("--value %q: want a signed integer (with --decimals for a fraction: 99.77 is --value 9977 --decimals 2)", s)
	}
	d, err := cmdUint(v.GetString("decimals"), 8)
	if err != nil || d > client.MaxFeedbackDecimals {
		return fb, fmt.Errorf("--decimals %q: want 0 to %d", v.GetString("decimals"), client.MaxFeedbackDecimals)
	}
	fb.Decimals = uint8(d)
	if new(big.Int).Abs(fb.Value).Cmp(client.MaxFeedbackValue) > 0 {
		return fb, fmt.Errorf("--value %s: at most 1e38 in absolute value", s)
	}
	return fb, nil
}

func (a *app) runFeedbackGive(cmd *cobra.Command, _ []string) error {
	ctx := cmd.Context()
	m, err := a.openMarket()
	if err != nil {
		return err
	}
	fb, err := a.feedbackFromFlags()
	if err != nil {
		return err
	}
	fb.URI = strings.TrimSpace(a.v.GetString("uri"))
	fb.Fetch = regfile.Config{AllowPrivate: a.v.GetBool("fetch-allow-private"), UserAgent: "agora-cli"}
	escrow, closeRPC, err := m.escrow(ctx)
	if err != nil {
		return err
	}
	defer closeRPC()
	g, err := escrow.GiveFeedback(ctx, m.signer, fb)
	if err != nil {
		return err
	}
	out := map[string]any{"agentId": g.AgentID.String(), "client": g.Client.Hex(), "index": g.Index, "jobId": fb.JobID.String(),
		"feedbackHash": g.Hash.Hex(), "proofOfPayment": map[string]any{"fromAddress": g.Payment.Payer.Hex(),
			"toAddress": g.Payment.Provider.Hex(), "txHash": g.Payment.FundingTx.Hex()}}
	if fb.URI == "" {
		out["inline"] = true
	} else {
		out["feedbackUri"] = g.URI
	}
	return m.print(txOut(out, g.Tx, g.Block))
}

func (a *app) runFeedbackFile(cmd *cobra.Command, _ []string) error {
	ctx := cmd.Context()
	m, err := a.openMarket()
	if err != nil {
		return err
	}
	fb, err := a.feedbackFromFlags()
	if err != nil {
		return err
	}
	escrow, closeRPC, err := m.escrow(ctx)
	if err != nil {
		return err
	}
	defer closeRPC()
	raw, _, err := escrow.BuildFeedbackFile(ctx, m.signer.Address(), fb)
	if err != nil {
		return err
	}
	if out := a.v.GetString("out"); out != "" {
		if err := os.WriteFile(out, raw, 0o644); err != nil {
			return err
		}
		return m.print(map[string]any{"file": out, "bytes": len(raw), "feedbackHash": crypto.Keccak256Hash(raw).Hex()})
	}
	_, err = fmt.Fprintf(a.m.Stdout, "%s\n", raw)
	return err
}

// indexFlag reads --index (feedback indexes start at 1).
func indexFlag(a *app) (uint64, error) {
	n, err := strconv.ParseUint(strings.TrimSpace(a.v.GetString("index")), 10, 64)
	if err != nil || n == 0 {
		return 0, fmt.Errorf("--index %q: want a feedback index (1, 2, ...)", a.v.GetString("index"))
	}
	return n, nil
}

func (a *app) runFeedbackRevoke(cmd *cobra.Command, _ []string) error {
	return a.feedbackTx(cmd.Context(), func(ctx context.Context, m *market, e *client.Escrow, id *big.Int, index uint64) (map[string]any, error) {
		r, err := e.RevokeFeedback(ctx, m.signer, id, index)
		if err != nil {
			return nil, err
		}
		return txOut(map[string]any{"agentId": id.String(), "client": m.signer.Address().Hex(), "index": index, "revoked": true},
			r.TxHash, r.BlockNumber.Uint64()), nil
	})
}

func (a *app) runFeedbackRespond(cmd *cobra.Command, _ []string) error {
	v := a.v
	clientAddr, err := parseAddress("client", v.GetString("client"))
	if err != nil || clientAddr == (common.Address{}) {
		return errors.Join(err, errors.New("--client is required"))
	}
	uri, path := strings.TrimSpace(v.GetString("uri")), v.GetString("file")
	hash, err := hash32Flag(a, "hash", false)
	if err != nil {
		return err
	}
	switch {
	case uri != "" && path != "":
		return errors.New("give --uri or --file, not both")
	case path != "":
		raw, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("--file: %w", err)
		}
		if len(raw) > client.MaxRegistrationBytes {
			return fmt.Errorf("--file %s: %d bytes, at most %d", path, len(raw), client.MaxRegistrationBytes)
		}
		uri, hash = client.DataURI(raw), crypto.Keccak256Hash(raw)
	case uri == "":
		return errors.New("--uri or --file is required")
	}
	return a.feedbackTx(cmd.Context(), func(ctx context.Context, m *market, e *client.Escrow, id *big.Int, index uint64) (map[string]any, error) {
		r, err := e.RespondFeedback(ctx, m.signer, id, clientAddr, index, uri, hash)
		if err != nil {
			return nil, err
		}
		return txOut(map[string]any{"agentId": id.String(), "client": clientAddr.Hex(), "index": index, "responder": m.signer.Address().Hex(),
			"responseHash": hash.Hex()}, r.TxHash, r.BlockNumber.Uint64()), nil
	})
}

// feedbackTx reads --agent-id and --index, opens the signer and the chain, and prints what act returns.
func (a *app) feedbackTx(ctx context.Context, act func(context.Context, *market, *client.Escrow, *big.Int, uint64) (map[string]any, error)) error {
	m, err := a.openMarket()
	if err != nil {
		return err
	}
	id, err := agentIDFlag(a)
	if err != nil {
		return err
	}
	index, err := indexFlag(a)
	if err != nil {
		return err
	}
	escrow, closeRPC, err := m.escrow(ctx)
	if err != nil {
		return err
	}
	defer closeRPC()
	out, err := act(ctx, m, escrow, id, index)
	if err != nil {
		return err
	}
	return m.print(out)
}
