package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/mod/sumdb/note"

	"github.com/agoralabs/agora/audit"
	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/gateway"
)

// The audit log's commands (package audit, docs/audit.md) and the serve flags that turn it on.

// auditServeFlags adds agora serve's audit flags.
func auditServeFlags(f *pflag.FlagSet) {
	f.String("audit-key-file", "", "the operator's audit log signer key (agora audit keygen; mode 600): every decision is logged and this gateway signs the log's heads (empty: no audit log)")
	f.String("audit-anchor-key-file", "", "hex private key (mode 600) of the account that anchors the log's heads on chain (AuditAnchor); empty: no anchoring here")
	f.Duration("audit-anchor-every", audit.DefaultAnchorEvery, "how often the newest signed head is anchored on chain")
	f.StringSlice("audit-readers", nil, "auditors' addresses: their signed AuditQuery reads every entry (others read the entries that name them)")
}

// auditServeConfig fills cfg's audit fields from the flags; backend is the chain client (nil without --rpc-url).
func (a *app) auditServeConfig(cfg *gateway.Config, backend deployment.Backend) error {
	v := a.v
	path := v.GetString("audit-key-file")
	if path == "" {
		if v.GetString("audit-anchor-key-file") != "" {
			return errors.New("--audit-anchor-key-file needs --audit-key-file")
		}
		a.log.Warn("no --audit-key-file: decisions are not written to an audit log")
		return nil
	}
	raw, err := client.ReadSecretFile(path)
	if err != nil {
		return fmt.Errorf("--audit-key-file: %w", err)
	}
	cfg.AuditKey = strings.TrimSpace(string(raw))
	clear(raw)
	for _, r := range nonEmpty(v.GetStringSlice("audit-readers")) {
		if !common.IsHexAddress(r) {
			return fmt.Errorf("--audit-readers: %q is not an address", r)
		}
		cfg.AuditReaders = append(cfg.AuditReaders, common.HexToAddress(r))
	}
	if anchor := v.GetString("audit-anchor-key-file"); anchor != "" {
		if backend == nil {
			return errors.New("--audit-anchor-key-file needs --rpc-url")
		}
		if cfg.AuditAnchorKey, err = client.LoadPrivateKeyFile(anchor); err != nil {
			return fmt.Errorf("--audit-anchor-key-file: %w", err)
		}
		cfg.AnchorBackend, cfg.AuditAnchorEvery = backend, v.GetDuration("audit-anchor-every")
	}
	return nil
}

func (a *app) auditCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "audit",
		Short: "The audit log: make the operator's key, verify, export, prune and anchor",
		Long: `The audit log (docs/audit.md): every gateway decision and every escrow and mandate event, as the leaves
of an RFC 6962 Merkle tree whose heads the operator signs as C2SP checkpoints and anchors on chain.

  agora audit keygen --origin NAME --out FILE      the operator's signer key (FILE, mode 600); prints the verifier key
  agora audit verify --key VKEY --database-url URL  check a database end to end (and the on-chain anchors with --rpc-url)
  agora audit verify --key VKEY --file EXPORT       check an export offline
  agora audit export --database-url URL --out FILE  a time range, or one agent's, principal's or subject's entries, with proofs
  agora audit prune --key VKEY --before 2026-06 --dir DIR   export and drop the months before, at least 6 months back
  agora audit anchor --key-file F --database-url URL        anchor the newest signed head on chain now

verify prints a JSON report; a bad log prints {"ok":false,"entry":N,"reason":…} naming the first bad entry and
exits with status 1.`,
	}
	keygen := &cobra.Command{Use: "keygen", Short: "Make the operator's audit signer key", Args: cobra.NoArgs, RunE: a.runAuditKeygen}
	keygen.Flags().String("origin", "", `the log's name, the first line of its checkpoints, e.g. "agora.example.com/audit" (required)`)
	keygen.Flags().String("out", "", "file to write the signer key to, mode 600 (required; never overwritten)")

	verify := &cobra.Command{Use: "verify", Short: "Verify a database or an export end to end", Args: cobra.NoArgs, RunE: a.runAuditVerify}
	vf := verify.Flags()
	vf.String("key", "", "the operator's verifier key (or --key-file)")
	vf.String("key-file", "", "file holding the verifier key")
	vf.String("database-url", "", "PostgreSQL URL to verify (env AGORA_DATABASE_URL)")
	vf.String("file", "", "an export to verify offline instead (- for stdin)")
	vf.String("rpc-url", "", "with --database-url: also check the heads anchored on this chain")
	vf.String("deployment", ".devnet/deployment.json", "deployment file (the AuditAnchor contract)")
	vf.String("operator", "", "the account that anchors the heads (required with --rpc-url)")

	export := &cobra.Command{Use: "export", Short: "Export entries with the proofs that verify them offline", Args: cobra.NoArgs, RunE: a.runAuditExport}
	ef := export.Flags()
	ef.String("database-url", "", "PostgreSQL URL (env AGORA_DATABASE_URL)")
	ef.String("out", "-", "file to write (- for stdout)")
	ef.String("from", "", "entries from this time (RFC 3339)")
	ef.String("to", "", "entries before this time (RFC 3339)")
	ef.String("agent", "", "one agent's entries (agent id)")
	ef.String("principal", "", "one principal's entries (address)")
	ef.String("actor", "", "one actor's entries (address)")
	ef.String("subject", "", `one subject's entries: "job:7", "rfq:0x…", "agreement:0x…", "mandate:3"`)
	ef.Bool("no-proofs", false, "leave the proofs out (only for an export of every entry: the verifier rebuilds the tree)")

	prune := &cobra.Command{Use: "prune", Short: "Export and drop the months older than the retention", Args: cobra.NoArgs, RunE: a.runAuditPrune}
	pf := prune.Flags()
	pf.String("database-url", "", "PostgreSQL URL (env AGORA_DATABASE_URL)")
	pf.String("key", "", "the operator's verifier key (or --key-file): each archive is verified before its month is dropped")
	pf.String("key-file", "", "file holding the verifier key")
	pf.String("before", "", "drop the months before this one, YYYY-MM (at least 6 months back; required)")
	pf.String("dir", "audit-archive", "directory of the archives (audit-YYYY-MM.jsonl)")

	anchor := &cobra.Command{Use: "anchor", Short: "Anchor the newest signed head on chain now", Args: cobra.NoArgs, RunE: a.runAuditAnchor}
	af := anchor.Flags()
	af.String("database-url", "", "PostgreSQL URL (env AGORA_DATABASE_URL)")
	af.String("key-file", "", "hex private key (mode 600) of the anchoring account (required)")
	af.String("rpc-url", "http://127.0.0.1:8545", "JSON-RPC endpoint")
	af.String("deployment", ".devnet/deployment.json", "deployment file (the AuditAnchor contract)")

	entries := &cobra.Command{Use: "entries", Short: "Read the audit entries your key may read, from the gateway, with their proofs",
		Long: `Read the audit entries the signer may read (GET /v1/audit/entries, with a signed EIP-712 AuditQuery): those that
name its address as principal or actor, those about the agents it owns or is the wallet of, or every entry for an
auditor the operator names (agora serve --audit-readers). Prints one JSON page per line, oldest entries first, each
entry with its inclusion proof in the page's checkpoint. Keys as for "agora market".`,
		Args: cobra.NoArgs, RunE: a.runAuditEntries}
	signerFlags(entries.Flags())
	nf := entries.Flags()
	nf.String("agent", "", "only this agent's entries (one you own or are the wallet of)")
	nf.String("principal", "", "only the entries naming this principal (yourself, unless you are an auditor)")
	nf.String("subject", "", `only this subject's: "job:7", "rfq:0x…", "agreement:0x…", "mandate:3"`)
	nf.Int("limit", 100, "entries per page")
	nf.Int("pages", 1, "pages to read (0: every page)")

	cmd.AddCommand(keygen, verify, export, prune, anchor, entries)
	return cmd
}

func (a *app) runAuditEntries(cmd *cobra.Command, _ []string) error {
	m, err := a.openMarket()
	if err != nil {
		return err
	}
	f := client.AuditFilter{AgentID: a.v.GetString("agent"), Principal: a.v.GetString("principal"),
		Subject: a.v.GetString("subject"), Limit: a.v.GetInt("limit")}
	for pages := a.v.GetInt("pages"); ; pages-- {
		page, err := m.client.AuditEntries(cmd.Context(), m.signer, f)
		if err != nil {
			return err
		}
		if err := m.print(page); err != nil {
			return err
		}
		if page.NextAfter == nil || pages == 1 {
			return nil
		}
		f.After = page.NextAfter
	}
}

func (a *app) print(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(a.m.Stdout, "%s\n", b)
	return err
}

func (a *app) runAuditKeygen(cmd *cobra.Command, _ []string) error {
	origin, out := a.v.GetString("origin"), a.v.GetString("out")
	if origin == "" || out == "" {
		return errors.New("--origin and --out are required")
	}
	skey, vkey, err := audit.GenerateKey(origin)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(out, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	if _, err := fmt.Fprintln(f, skey); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return a.print(map[string]string{"origin": origin, "verifierKey": vkey, "signerKeyFile": out})
}

// verifier reads --key or --key-file.
func (a *app) verifier() (note.Verifier, error) {
	key, file := a.v.GetString("key"), a.v.GetString("key-file")
	switch {
	case key != "" && file != "":
		return nil, errors.New("give --key or --key-file, not both")
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("--key-file: %w", err)
		}
		key = string(b)
	case key == "":
		return nil, errors.New("--key (the operator's verifier key) or --key-file is required")
	}
	return audit.NewVerifier(key)
}

// auditPool connects to --database-url (or AGORA_DATABASE_URL).
func (a *app) auditPool(ctx context.Context) (*pgxpool.Pool, error) {
	url := a.v.GetString("database-url")
	if url == "" {
		return nil, errors.New("--database-url (or AGORA_DATABASE_URL) is required")
	}
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("database: %w", err)
	}
	return pool, nil
}

func (a *app) runAuditVerify(cmd *cobra.Command, _ []string) error {
	ctx := cmd.Context()
	v, err := a.verifier()
	if err != nil {
		return err
	}
	var rep *audit.Report
	if file := a.v.GetString("file"); file != "" {
		var r io.Reader = os.Stdin
		if file != "-" {
			f, err := os.Open(file)
			if err != nil {
				return err
			}
			defer f.Close()
			r = f
		}
		rep, err = audit.VerifyExport(r, v)
	} else {
		pool, perr := a.auditPool(ctx)
		if perr != nil {
			return perr
		}
		defer pool.Close()
		anchors, aerr := a.anchors(ctx, v.Name())
		if aerr != nil {
			return aerr
		}
		rep, err = audit.VerifyDB(ctx, pool, v, anchors...)
	}
	if p, ok := audit.AsProblem(err); ok {
		if perr := a.print(map[string]any{"ok": false, "entry": p.Entry, "reason": p.Reason}); perr != nil {
			return perr
		}
		return fmt.Errorf("the audit log does not verify: %w", p)
	}
	if err != nil {
		return err
	}
	return a.print(struct {
		OK bool `json:"ok"`
		*audit.Report
	}{true, rep})
}

// anchors reads the heads --operator anchored on --rpc-url (none without --rpc-url).
func (a *app) anchors(ctx context.Context, origin string) ([]audit.Anchor, error) {
	rpc := a.v.GetString("rpc-url")
	if rpc == "" {
		return nil, nil
	}
	op := a.v.GetString("operator")
	if !common.IsHexAddress(op) {
		return nil, errors.New("--operator (the anchoring account) is required with --rpc-url")
	}
	dep, err := deployment.Read(a.v.GetString("deployment"))
	if err != nil {
		return nil, err
	}
	contract, err := dep.AuditAnchorAddress()
	if err != nil {
		return nil, err
	}
	ec, err := ethclient.DialContext(ctx, rpc)
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", redactURL(rpc), err)
	}
	defer ec.Close()
	return audit.ReadAnchors(ctx, ec, contract, common.HexToAddress(op), origin, dep.Contracts.AuditAnchor.DeployBlock)
}

func (a *app) runAuditExport(cmd *cobra.Command, _ []string) error {
	ctx := cmd.Context()
	v := a.v
	f := audit.Filter{AgentID: v.GetString("agent"), Principal: v.GetString("principal"), Actor: v.GetString("actor"),
		Subject: v.GetString("subject"), NoProofs: v.GetBool("no-proofs")}
	for name, dst := range map[string]*time.Time{"from": &f.From, "to": &f.To} {
		if s := v.GetString(name); s != "" {
			t, err := time.Parse(time.RFC3339, s)
			if err != nil {
				return fmt.Errorf("--%s: %w", name, err)
			}
			*dst = t
		}
	}
	pool, err := a.auditPool(ctx)
	if err != nil {
		return err
	}
	defer pool.Close()
	w := a.m.Stdout
	if out := v.GetString("out"); out != "-" {
		file, err := os.OpenFile(out, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o640)
		if err != nil {
			return fmt.Errorf("--out: %w", err)
		}
		defer file.Close()
		w = file
	}
	n, err := audit.Export(ctx, pool, w, f)
	if err != nil {
		return err
	}
	a.log.Info("exported", "entries", n)
	return nil
}

func (a *app) runAuditPrune(cmd *cobra.Command, _ []string) error {
	ctx := cmd.Context()
	v, err := a.verifier()
	if err != nil {
		return err
	}
	before, err := time.Parse("2006-01", a.v.GetString("before"))
	if err != nil {
		return errors.New("--before YYYY-MM is required")
	}
	pool, err := a.auditPool(ctx)
	if err != nil {
		return err
	}
	defer pool.Close()
	arch, err := audit.Prune(ctx, pool, v, a.v.GetString("dir"), before, time.Now())
	for _, x := range arch {
		if perr := a.print(x); perr != nil {
			return perr
		}
	}
	return err
}

func (a *app) runAuditAnchor(cmd *cobra.Command, _ []string) error {
	ctx := cmd.Context()
	key, err := client.LoadPrivateKeyFile(a.v.GetString("key-file"))
	if err != nil {
		return fmt.Errorf("--key-file: %w", err)
	}
	dep, err := deployment.Read(a.v.GetString("deployment"))
	if err != nil {
		return err
	}
	contract, err := dep.AuditAnchorAddress()
	if err != nil {
		return err
	}
	pool, err := a.auditPool(ctx)
	if err != nil {
		return err
	}
	defer pool.Close()
	var origin string
	if err := pool.QueryRow(ctx, `SELECT origin FROM audit_tree`).Scan(&origin); err != nil {
		return fmt.Errorf("the database has no audit tree yet: %w", err)
	}
	ec, err := ethclient.DialContext(ctx, a.v.GetString("rpc-url"))
	if err != nil {
		return fmt.Errorf("connect to %s: %w", redactURL(a.v.GetString("rpc-url")), err)
	}
	defer ec.Close()
	an, err := audit.NewAnchorer(pool, ec, contract, key, origin, a.log.With("component", "audit")).Step(ctx)
	if err != nil {
		return err
	}
	if an == nil {
		return a.print(map[string]any{"anchored": false, "reason": "the newest signed head is anchored already"})
	}
	return a.print(map[string]any{"anchored": true, "size": an.Size, "root": fmt.Sprintf("%x", an.Root), "block": an.Block, "tx": an.Tx})
}
