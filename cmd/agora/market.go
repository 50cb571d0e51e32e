package main

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"

	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/deployment"
)

// marketCommand is `agora market`: the market's buyer and provider commands (docs/client.md).
func (a *app) marketCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "market",
		Short: "Buy and sell work on the market: RFQs, quotes, agreements and escrow jobs",
		Long: `Commands for buyers and providers of Agora's market (docs/market.md, docs/client.md).

Keys: --key-file names a file holding a hex private key (mode 600: a file that group or others can access
is refused), or --keystore names a go-ethereum keystore file whose passphrase is read from --password-file or
the environment variable AGORA_KEYSTORE_PASSWORD. Keys and passphrases are never printed or logged.

Messages are signed under the domains of the --deployment file (its chain id, escrow and identity registry);
with --deployment "" they are learnt from the gateway. Every command prints JSON, one document per line.`,
	}
	f := cmd.PersistentFlags()
	f.String("gateway", "http://127.0.0.1:8080", "the gateway's URL")
	f.String("deployment", ".devnet/deployment.json", `deployment file ("" learns the domains from the gateway)`)
	f.String("key-file", "", "file holding the signer's hex private key (mode 600)")
	f.String("keystore", "", "go-ethereum keystore file of the signer")
	f.String("password-file", "", "file holding the keystore's passphrase (else env AGORA_KEYSTORE_PASSWORD)")
	f.Duration("timeout", 30*time.Second, "timeout of each request and each wait for a receipt")
	cmd.AddCommand(a.marketRFQCommand(), a.marketProvideCommand(), a.marketSignCommand(), a.marketFundCommand(),
		a.marketSubmitCommand(), a.marketCompleteCommand(), a.marketDisputeCommand(), a.marketResolveCommand())
	return cmd
}

// market is what a market command shares: its signer, the gateway client and the deployment (nil when none).
type market struct {
	a       *app
	signer  *client.KeySigner
	client  *client.Client
	dep     *deployment.Deployment
	timeout time.Duration
}

// openMarket loads the signer, the deployment and the gateway client from the flags.
func (a *app) openMarket() (*market, error) {
	signer, err := a.marketSigner()
	if err != nil {
		return nil, err
	}
	m, err := a.openClient()
	if err != nil {
		return nil, err
	}
	m.signer = signer
	return m, nil
}

// openClient loads the deployment and the gateway client from the flags (no signer).
func (a *app) openClient() (*market, error) {
	v := a.v
	timeout := v.GetDuration("timeout")
	if timeout <= 0 {
		return nil, fmt.Errorf("--timeout %q: want a positive duration such as 30s", v.GetString("timeout"))
	}
	m := &market{a: a, timeout: timeout}
	var err error
	opts := []client.Option{client.WithTimeout(timeout), client.WithUserAgent("agora-cli")}
	if path := v.GetString("deployment"); path != "" {
		if m.dep, err = deployment.Read(path); err != nil {
			return nil, err
		}
		opts = append(opts, client.WithDeployment(m.dep))
	}
	if m.client, err = client.New(v.GetString("gateway"), opts...); err != nil {
		return nil, fmt.Errorf("--gateway: %w", err)
	}
	return m, nil
}

// marketSigner loads the signer from --key-file or --keystore.
func (a *app) marketSigner() (*client.KeySigner, error) {
	v := a.v
	keyFile, keystore := v.GetString("key-file"), v.GetString("keystore")
	switch {
	case keyFile != "" && keystore != "":
		return nil, errors.New("give --key-file or --keystore, not both")
	case keyFile != "":
		return client.LoadKeyFile(keyFile)
	case keystore != "":
		pass, ok := os.LookupEnv("AGORA_KEYSTORE_PASSWORD")
		if path := v.GetString("password-file"); path != "" {
			raw, err := os.ReadFile(path)
			if err != nil {
				return nil, fmt.Errorf("--password-file: %w", err)
			}
			pass, ok = strings.TrimRight(string(raw), "\r\n"), true
		}
		if !ok {
			return nil, errors.New("--keystore needs --password-file or AGORA_KEYSTORE_PASSWORD")
		}
		return client.LoadKeystore(keystore, pass)
	}
	return nil, errors.New("--key-file or --keystore is required")
}

// escrow dials --rpc-url and returns the escrow helpers of the deployment.
func (m *market) escrow(ctx context.Context) (*client.Escrow, func(), error) {
	if m.dep == nil {
		return nil, nil, errors.New("--deployment is required to reach the escrow")
	}
	rpcURL := m.a.v.GetString("rpc-url")
	if rpcURL == "" {
		return nil, nil, errors.New("--rpc-url (or AGORA_RPC_URL) is required")
	}
	dctx, cancel := context.WithTimeout(ctx, m.timeout)
	defer cancel()
	ec, err := ethclient.DialContext(dctx, rpcURL)
	if err != nil {
		return nil, nil, fmt.Errorf("connect to %s: %w", redactURL(rpcURL), err)
	}
	e, err := client.NewEscrow(dctx, ec, m.dep, m.timeout)
	if err != nil {
		ec.Close()
		return nil, nil, err
	}
	return e, ec.Close, nil
}

// pending prints an escalation (the action waits for an approver: `agora approvals approve <id>`, then run
// the command again) and returns err; any other error is returned as it is.
func (m *market) pending(err error) error {
	var p *client.PendingApproval
	if errors.As(err, &p) {
		if perr := m.print(map[string]any{"event": "pending_approval", "approval": p.Approval, "detail": p.Detail}); perr != nil {
			return perr
		}
	}
	return err
}

// print writes v as one line of JSON to stdout.
func (m *market) print(v any) error { return m.a.print(v) }

// hashFlag reads a bytes32 from --<name>-hash (0x-hex) or, failing that, keccak256 of --<name> (zero when
// both are empty).
func hashFlag(a *app, name string) (common.Hash, error) {
	if h := a.v.GetString(name + "-hash"); h != "" {
		var out common.Hash
		if err := out.UnmarshalText([]byte(h)); err != nil || len(h) != 66 {
			return common.Hash{}, fmt.Errorf("--%s-hash %q: want 0x and 64 hex digits", name, h)
		}
		return out, nil
	}
	if s := a.v.GetString(name); s != "" {
		return crypto.Keccak256Hash([]byte(s)), nil
	}
	return common.Hash{}, nil
}

func bigFlag(a *app, name string, required bool) (*big.Int, error) {
	s := a.v.GetString(name)
	if s == "" {
		if required {
			return nil, fmt.Errorf("--%s is required", name)
		}
		return new(big.Int), nil
	}
	x, ok := new(big.Int).SetString(s, 10)
	if !ok || x.Sign() < 0 {
		return nil, fmt.Errorf("--%s %q: want a non-negative integer in the token's base units", name, s)
	}
	return x, nil
}

func idFlag(a *app, name string) (common.Hash, error) {
	s := a.v.GetString(name)
	var h common.Hash
	if len(s) != 66 || h.UnmarshalText([]byte(s)) != nil {
		return h, fmt.Errorf("--%s %q: want a 0x-prefixed 32-byte id", name, s)
	}
	return h, nil
}

func randomNonce() (*big.Int, error) { return client.RandomNonce() }

// ---------------------------------------------------------------------------------------------- provide

func (a *app) marketProvideCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "provide",
		Short: "Provider: quote on every matching RFQ and sign the agreements won",
		Long: `Run provider agent --agent-id, whose wallet is the signer: announce it online with signed heartbeats
(renewed every half --heartbeat-ttl; an offline heartbeat on exit), subscribe to the gateway's stream for the
--capability words, and answer every RFQ heard with a signed quote at --price, capped at the RFQ's maxPrice
(no bid below --min-price). In Dutch auctions it accepts when the rising offer reaches its price. When an RFQ
it quoted closes and it won, it checks the award's agreement against its quote, signs it and posts its
signature. Prints one JSON line per step ({"event": "ready" | "quoted" | "refused" | "no_bid" | "won" |
"lost", ...}). Runs until interrupted, or until --max-rfqs RFQs were answered and decided.`,
		Args: cobra.NoArgs,
		RunE: a.runMarketProvide,
	}
	f := cmd.Flags()
	f.String("agent-id", "", "the provider's agent id (required)")
	f.StringSlice("capability", nil, "capability words to listen for (repeatable; required)")
	f.String("price", "", "the price asked, in the token's base units (required)")
	f.String("min-price", "0", "no bid when the RFQ's maxPrice is below this")
	f.Duration("delivery", 0, "promised delivery time from now (0: the RFQ's deadline)")
	f.String("sla", "", "SLA terms, hashed into slaHash")
	f.String("sla-hash", "", "slaHash as 0x-hex (instead of --sla)")
	f.Duration("valid-for", 5*time.Minute, "how long each quote is valid")
	f.Int("max-rfqs", 0, "stop after answering this many RFQs and seeing them decided (0: run until interrupted)")
	f.Duration("heartbeat-ttl", 5*time.Minute, "lifetime of each online heartbeat (0 sends none)")
	f.Uint32("p95-ms", 1000, "the p95 latency announced in heartbeats")
	f.Uint32("capacity", 1, "the concurrent jobs announced in heartbeats")
	return cmd
}

func (a *app) runMarketProvide(cmd *cobra.Command, _ []string) error {
	ctx, v := cmd.Context(), a.v
	m, err := a.openMarket()
	if err != nil {
		return err
	}
	cfg := client.ProviderConfig{AgentID: new(big.Int), Signer: m.signer, ValidFor: v.GetDuration("valid-for"),
		Delivery: v.GetDuration("delivery"), HeartbeatTTL: v.GetDuration("heartbeat-ttl"), P95LatencyMs: v.GetUint32("p95-ms"),
		Capacity: v.GetUint32("capacity"), MaxRFQs: v.GetInt("max-rfqs"), Log: a.log,
		Report: func(ev client.ProviderEvent) error { return m.print(ev) }}
	if _, ok := cfg.AgentID.SetString(v.GetString("agent-id"), 10); !ok || cfg.AgentID.Sign() < 0 {
		return fmt.Errorf("--agent-id %q: want a decimal agent id", v.GetString("agent-id"))
	}
	if cfg.Capabilities = nonEmpty(v.GetStringSlice("capability")); len(cfg.Capabilities) == 0 {
		return errors.New("--capability is required")
	}
	if cfg.Price, err = bigFlag(a, "price", true); err != nil {
		return err
	}
	if cfg.MinPrice, err = bigFlag(a, "min-price", false); err != nil {
		return err
	}
	if cfg.SLAHash, err = hashFlag(a, "sla"); err != nil {
		return err
	}
	if cfg.MaxRFQs < 0 {
		return errors.New("--max-rfqs must not be negative")
	}
	if m.dep != nil {
		cfg.Token = m.dep.Contracts.TestUSD.Address
	}
	return m.client.Provide(ctx, cfg)
}

// ---------------------------------------------------------------------------------------------- sign

func (a *app) marketSignCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sign",
		Short: "Sign an awarded agreement as its client or its provider",
		Long: `Sign the ServiceAgreement of --rfq (an awarded RFQ's agreement) or --agreement (one a party already
posted), as whichever party the key is, and post the signature (POST /v1/agreements). The client's agreement
is first checked against the RFQ's signed terms. Prints the agreement as a JSON line.`,
		Args: cobra.NoArgs,
		RunE: a.runMarketSign,
	}
	f := cmd.Flags()
	f.String("rfq", "", "the awarded RFQ's id")
	f.String("agreement", "", "the agreement's id")
	return cmd
}

func (a *app) runMarketSign(cmd *cobra.Command, _ []string) error {
	ctx, v := cmd.Context(), a.v
	m, err := a.openMarket()
	if err != nil {
		return err
	}
	var typed []byte
	switch {
	case v.GetString("rfq") != "" && v.GetString("agreement") != "":
		return errors.New("give --rfq or --agreement, not both")
	case v.GetString("rfq") != "":
		id, err := idFlag(a, "rfq")
		if err != nil {
			return err
		}
		r, err := m.client.GetRFQ(ctx, id)
		if err != nil {
			return err
		}
		if r.Award == nil {
			return fmt.Errorf("RFQ %s is %s: no award to sign", r.ID, r.Status)
		}
		typed = r.Award.Agreement
		d, err := m.client.EscrowDomain(ctx)
		if err != nil {
			return err
		}
		_, ag, err := client.ParseAgreement(typed)
		if err != nil {
			return err
		}
		if ag.Client == m.signer.Address() {
			signedRFQ, err := r.Signed(d)
			if err == nil {
				err = client.CheckAward(signedRFQ, id, ag)
			}
			if err != nil {
				return err
			}
		}
	case v.GetString("agreement") != "":
		id, err := idFlag(a, "agreement")
		if err != nil {
			return err
		}
		ag, err := m.client.GetAgreement(ctx, id)
		if err != nil {
			return err
		}
		typed = ag.TypedData
	default:
		return errors.New("--rfq or --agreement is required")
	}
	view, err := m.client.PostAgreementSignature(ctx, m.signer, typed)
	if err != nil {
		return m.pending(err)
	}
	return m.print(view)
}

// ---------------------------------------------------------------------------------------------- chain

func (a *app) marketFundCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "fund",
		Short: "Client: create and fund the escrow job of a signed agreement",
		Long: `Read the signed agreement --agreement from the gateway (both signatures must be in), approve the
escrow for its price if the allowance is short, and send createJobFromAgreement from the client's account.
Prints {"agreementId", "jobId", "approveTx", "createTx", "block"}.`,
		Args: cobra.NoArgs,
		RunE: a.runMarketFund,
	}
	cmd.Flags().String("agreement", "", "the agreement's id (required)")
	cmd.Flags().String("rpc-url", "http://127.0.0.1:8545", "JSON-RPC endpoint of the chain")
	return cmd
}

func (a *app) runMarketFund(cmd *cobra.Command, _ []string) error {
	ctx := cmd.Context()
	m, err := a.openMarket()
	if err != nil {
		return err
	}
	id, err := idFlag(a, "agreement")
	if err != nil {
		return err
	}
	view, err := m.client.GetAgreement(ctx, id)
	if err != nil {
		return err
	}
	clientSig, providerSig, err := view.Signatures()
	if err != nil {
		return err
	}
	if clientSig == nil || providerSig == nil {
		return fmt.Errorf("agreement %s is %s: both signatures are needed to fund it", view.ID, view.State)
	}
	_, ag, err := client.ParseAgreement(view.TypedData)
	if err != nil {
		return err
	}
	// The principal's policy and approvals first (the escrow checks the mandate itself).
	if err := m.client.CheckFund(ctx, id); err != nil {
		return m.pending(err)
	}
	escrow, closeRPC, err := m.escrow(ctx)
	if err != nil {
		return err
	}
	defer closeRPC()
	funded, err := escrow.Fund(ctx, m.signer, ag, clientSig, providerSig)
	if err != nil {
		return err
	}
	if funded.AgreementHash != id {
		return fmt.Errorf("the escrow hashed the agreement to %s, not %s", funded.AgreementHash.Hex(), id.Hex())
	}
	out := map[string]any{"agreementId": id.Hex(), "jobId": funded.JobID.String(), "createTx": funded.CreateTx.Hex(), "block": funded.Block}
	if funded.ApproveTx != (common.Hash{}) {
		out["approveTx"] = funded.ApproveTx.Hex()
	}
	return m.print(out)
}

func (a *app) marketSubmitCommand() *cobra.Command {
	return a.jobCommand("submit", "Provider: submit a deliverable's hash to a funded escrow job", "",
		"deliverable", "the deliverable (or a reference to it)", true,
		func(ctx context.Context, m *market, escrow *client.Escrow, job *big.Int, deliverable common.Hash) (map[string]any, error) {
			r, err := escrow.Submit(ctx, m.signer, job, deliverable)
			if err != nil {
				return nil, err
			}
			return map[string]any{"jobId": job.String(), "deliverable": deliverable.Hex(), "tx": r.TxHash.Hex()}, nil
		})
}

func (a *app) marketCompleteCommand() *cobra.Command {
	return a.jobCommand("complete", "Complete or settle a submitted escrow job, as the escrow allows the signer",
		`End a submitted job: complete it when the signer is the client (or the agreement's arbiter); otherwise
settle it by the validator's answer when the agreement names a validator, or release it once the review window
has passed. Prints {"jobId", "method", "tx"}.`,
		"reason", "the reason recorded with complete", false,
		func(ctx context.Context, m *market, escrow *client.Escrow, job *big.Int, reason common.Hash) (map[string]any, error) {
			method, r, err := escrow.Settle(ctx, m.signer, job, reason)
			if err != nil {
				return nil, err
			}
			return map[string]any{"jobId": job.String(), "method": method, "tx": r.TxHash.Hex()}, nil
		})
}

// jobCommand builds a command that acts on one escrow job (--job, or --agreement whose job is found on
// chain) with a hashed value (--<hashed> text, or --<hashed>-hash as 0x-hex; required: refused before any
// network call when missing), and prints what act returns.
func (a *app) jobCommand(use, short, long, hashed, usage string, required bool,
	act func(ctx context.Context, m *market, escrow *client.Escrow, job *big.Int, h common.Hash) (map[string]any, error)) *cobra.Command {
	cmd := &cobra.Command{Use: use, Short: short, Long: long, Args: cobra.NoArgs}
	f := cmd.Flags()
	f.String("job", "", "the escrow job id")
	f.String("agreement", "", "the agreement's id (its job is found on chain), instead of --job")
	f.String(hashed, "", usage+", hashed")
	f.String(hashed+"-hash", "", "the "+hashed+"'s hash as 0x-hex (instead of --"+hashed+")")
	f.String("rpc-url", "http://127.0.0.1:8545", "JSON-RPC endpoint of the chain")
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		ctx := cmd.Context()
		m, err := a.openMarket()
		if err != nil {
			return err
		}
		h, err := hashFlag(a, hashed)
		if err != nil {
			return err
		}
		if required && h == (common.Hash{}) {
			return fmt.Errorf("--%s or --%s-hash is required", hashed, hashed)
		}
		escrow, closeRPC, err := m.escrow(ctx)
		if err != nil {
			return err
		}
		defer closeRPC()
		job, err := m.jobFlag(ctx, escrow)
		if err != nil {
			return err
		}
		out, err := act(ctx, m, escrow, job, h)
		if err != nil {
			return err
		}
		return m.print(out)
	}
	return cmd
}

// jobFlag reads --job, or finds the job of --agreement on chain.
func (m *market) jobFlag(ctx context.Context, escrow *client.Escrow) (*big.Int, error) {
	v := m.a.v
	switch job, ag := v.GetString("job"), v.GetString("agreement"); {
	case job != "" && ag != "":
		return nil, errors.New("give --job or --agreement, not both")
	case job != "":
		id, ok := new(big.Int).SetString(job, 10)
		if !ok || id.Sign() <= 0 {
			return nil, fmt.Errorf("--job %q: want a job id (1, 2, ...)", job)
		}
		return id, nil
	case ag != "":
		id, err := idFlag(m.a, "agreement")
		if err != nil {
			return nil, err
		}
		return escrow.JobByAgreement(ctx, id)
	}
	return nil, errors.New("--job or --agreement is required")
}
