package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/agoralabs/agora/client"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/indexer/regfile"
)

// agentCommand is `agora agent`: agent operators register agents and manage them in the Identity Registry.
func (a *app) agentCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "agent",
		Short: "Agent operators: register agents, bind their wallets, change their URI and metadata, transfer them",
		Long: `ERC-8004 agents in the deployment's Identity Registry (docs/client.md).

A registration file is checked before anything is sent, with the indexer's own checks (the ERC-8004 fields
and the typed capability declarations; every problem is listed) and its size limit; a file given by --uri is
fetched the way the indexer fetches it. Keys as for "agora market" (--key-file, mode 600, or --keystore): the
signer is the agent's owner (or an operator it approved). Transactions go to --rpc-url and wait for their
receipt; a revert is named by the registry's custom error. Every command prints one JSON line.`,
	}
	signerFlags(cmd.PersistentFlags())

	register := &cobra.Command{Use: "register", Short: "Register a new agent owned by the signer; prints its agentId", Args: cobra.NoArgs,
		Long: `Register a new agent with the registration file --file, as a data: URI of its exact bytes, or with --uri
where it is hosted (the file is fetched from there and checked; with --file too, it must serve those bytes).
Prints {"agentId", "owner", "uri" (absent for an inline file), "bytes", "name", "capabilities", "tx", "block"}.`,
		RunE: a.runAgentRegister}
	registrationFlags(register.Flags())

	setURI := &cobra.Command{Use: "set-uri", Short: "Point an agent at a new registration file (checked first)", Args: cobra.NoArgs,
		RunE: a.runAgentSetURI}
	setURI.Flags().String("agent-id", "", "the agent (required)")
	registrationFlags(setURI.Flags())

	setWallet := &cobra.Command{Use: "set-wallet", Short: "Bind the agent wallet with the wallet's EIP-712 AgentWalletSet proof",
		Long: `Set agent --agent-id's wallet. The wallet proves control by signing AgentWalletSet (domain
"ERC8004IdentityRegistry"): with --wallet-key-file it is signed here; a contract (ERC-1271) or external wallet
signs the typed data of "agora agent wallet-proof" and gives --wallet, --signature and the signed --deadline.
The proof is checked before sending (the token's owner, the deadline, the signature: ECDSA or ERC-1271), then
the signer (the owner) sends setAgentWallet.`,
		Args: cobra.NoArgs, RunE: a.runAgentSetWallet}
	f := setWallet.Flags()
	f.String("agent-id", "", "the agent (required)")
	f.String("wallet-key-file", "", "file holding the wallet's hex private key (mode 600): it signs the proof")
	f.String("wallet", "", "the wallet's address, with --signature (an external or ERC-1271 wallet)")
	f.String("signature", "", "the wallet's signature of the proof (0x-hex), with --wallet and --deadline")
	f.String("deadline", "", `the proof's deadline: a Unix time, or a duration after the chain's time (default 4m; at most 5m)`)

	proof := &cobra.Command{Use: "wallet-proof", Short: "Print the AgentWalletSet typed data a wallet signs (for set-wallet --signature)",
		Args: cobra.NoArgs, RunE: a.runAgentWalletProof}
	proof.Flags().String("agent-id", "", "the agent (required)")
	proof.Flags().String("wallet", "", "the wallet (required)")
	proof.Flags().String("deadline", "", "as for set-wallet")

	unset := &cobra.Command{Use: "unset-wallet", Short: "Clear the agent wallet", Args: cobra.NoArgs, RunE: a.runAgentTx("unset-wallet")}
	unset.Flags().String("agent-id", "", "the agent (required)")
	meta := &cobra.Command{Use: "set-metadata", Short: "Store a metadata value (text, or 0x-hex bytes)", Args: cobra.NoArgs,
		RunE: a.runAgentTx("set-metadata")}
	meta.Flags().String("agent-id", "", "the agent (required)")
	meta.Flags().String("key", "", "the key (required; agentWallet is reserved)")
	meta.Flags().String("value", "", "the value: 0x-hex is stored as those bytes, anything else as its UTF-8 text")
	transfer := &cobra.Command{Use: "transfer", Short: "Transfer the agent's ERC-721 token (the agent wallet is cleared)", Args: cobra.NoArgs,
		RunE: a.runAgentTx("transfer")}
	transfer.Flags().String("agent-id", "", "the agent (required)")
	transfer.Flags().String("to", "", "the new owner (required)")

	show := &cobra.Command{Use: "show", Short: "An agent's owner, wallet and URI on chain, and the gateway's view if reachable",
		Long: `Print {"agentId", "owner", "wallet", "uri", "gateway"}: the Identity Registry's facts, and the gateway's
GET /v1/agents/{id} (the indexed registration file, capabilities, reputation, jobs), or "gatewayError" when
it cannot be read. No key is needed.`,
		Args: cobra.NoArgs, RunE: a.runAgentShow}
	show.Flags().String("agent-id", "", "the agent (required)")
	cmd.AddCommand(register, setURI, setWallet, proof, unset, meta, transfer, show)
	return cmd
}

// registrationFlags are the flags that name a registration file.
func registrationFlags(f *pflag.FlagSet) {
	f.String("file", "", "the registration file (JSON)")
	f.String("uri", "", "where the file is hosted (https://, ipfs://, data:), registered instead of an inline data: URI")
	f.Duration("fetch-timeout", regfile.DefaultTimeout, "timeout of each attempt to fetch --uri")
	f.Bool("fetch-allow-private", false, "fetch --uri from private addresses and plain http:// (as `agora index --fetch-allow-private`)")
	f.String("ipfs-gateway", "", "the IPFS gateway for ipfs:// URIs, e.g. https://ipfs.io (as `agora index`)")
}

// registrationFile reads the --file and --uri flags.
func (a *app) registrationFile() (client.RegistrationFile, error) {
	v := a.v
	f := client.RegistrationFile{URI: strings.TrimSpace(v.GetString("uri")), Fetch: regfile.Config{Timeout: v.GetDuration("fetch-timeout"),
		AllowPrivate: v.GetBool("fetch-allow-private"), IPFSGateway: v.GetString("ipfs-gateway"), UserAgent: "agora-cli"}}
	path := v.GetString("file")
	if path == "" && f.URI == "" {
		return f, errors.New("--file or --uri is required")
	}
	if path != "" {
		info, err := os.Stat(path)
		if err != nil {
			return f, fmt.Errorf("--file: %w", err)
		}
		if info.Size() > client.MaxRegistrationBytes {
			return f, fmt.Errorf("%w: --file %s is %d bytes, the indexer reads at most %d", client.ErrRegistrationTooLarge, path,
				info.Size(), client.MaxRegistrationBytes)
		}
		if f.File, err = os.ReadFile(path); err != nil {
			return f, fmt.Errorf("--file: %w", err)
		}
	}
	return f, nil
}

// agentIDFlag reads --agent-id (agents are numbered from 0).
func agentIDFlag(a *app) (*big.Int, error) {
	s := strings.TrimSpace(a.v.GetString("agent-id"))
	if s == "" {
		return nil, errors.New("--agent-id is required")
	}
	id, ok := new(big.Int).SetString(s, 10)
	if !ok || id.Sign() < 0 {
		return nil, fmt.Errorf("--agent-id %q: want an agent id (0, 1, ...)", s)
	}
	return id, nil
}

// txOut is what every transaction command prints about its transaction.
func txOut(out map[string]any, tx common.Hash, block uint64) map[string]any {
	out["tx"], out["block"] = tx.Hex(), block
	return out
}

func checkedOut(out map[string]any, c *client.CheckedRegistration) map[string]any {
	if strings.HasPrefix(c.URI, "data:") {
		out["inline"] = true
	} else {
		out["uri"] = c.URI
	}
	out["bytes"], out["name"], out["capabilities"] = len(c.Raw), c.Registration.Name, len(c.Capabilities)
	return out
}

func (a *app) runAgentRegister(cmd *cobra.Command, _ []string) error {
	ctx := cmd.Context()
	m, err := a.openMarket()
	if err != nil {
		return err
	}
	f, err := a.registrationFile()
	if err != nil {
		return err
	}
	escrow, closeRPC, err := m.escrow(ctx)
	if err != nil {
		return err
	}
	defer closeRPC()
	reg, err := escrow.RegisterAgent(ctx, m.signer, f)
	if err != nil {
		return err
	}
	return m.print(txOut(checkedOut(map[string]any{"agentId": reg.AgentID.String(), "owner": reg.Owner.Hex()}, reg.File), reg.Tx, reg.Block))
}

func (a *app) runAgentSetURI(cmd *cobra.Command, _ []string) error {
	ctx := cmd.Context()
	m, err := a.openMarket()
	if err != nil {
		return err
	}
	id, err := agentIDFlag(a)
	if err != nil {
		return err
	}
	f, err := a.registrationFile()
	if err != nil {
		return err
	}
	escrow, closeRPC, err := m.escrow(ctx)
	if err != nil {
		return err
	}
	defer closeRPC()
	checked, r, err := escrow.SetAgentURI(ctx, m.signer, id, f)
	if err != nil {
		return err
	}
	return m.print(txOut(checkedOut(map[string]any{"agentId": id.String()}, checked), r.TxHash, r.BlockNumber.Uint64()))
}

// deadlineFlag reads --deadline: a Unix time, or a duration after the chain's time (nil: the default). It
// reports whether the value was absolute.
func deadlineFlag(a *app, chainTime func() (uint64, error)) (*big.Int, bool, error) {
	s := strings.TrimSpace(a.v.GetString("deadline"))
	if s == "" {
		return nil, false, nil
	}
	if n, err := strconv.ParseUint(s, 10, 64); err == nil {
		return new(big.Int).SetUint64(n), true, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return nil, false, fmt.Errorf("--deadline %q: want a Unix time or a positive duration such as 4m", s)
	}
	now, err := chainTime()
	if err != nil {
		return nil, false, err
	}
	return new(big.Int).SetUint64(now + uint64(d/time.Second)), false, nil
}

func (a *app) runAgentSetWallet(cmd *cobra.Command, _ []string) error {
	ctx, v := cmd.Context(), a.v
	m, err := a.openMarket()
	if err != nil {
		return err
	}
	id, err := agentIDFlag(a)
	if err != nil {
		return err
	}
	keyFile, walletFlag, sigFlag := v.GetString("wallet-key-file"), v.GetString("wallet"), v.GetString("signature")
	var wallet *client.KeySigner
	var sig []byte
	var external common.Address
	switch {
	case keyFile != "" && (walletFlag != "" || sigFlag != ""):
		return errors.New("give --wallet-key-file, or --wallet with --signature, not both")
	case keyFile != "":
		if wallet, err = client.LoadKeyFile(keyFile); err != nil {
			return fmt.Errorf("--wallet-key-file: %w", err)
		}
	case walletFlag != "" && sigFlag != "":
		if external, err = parseAddress("wallet", walletFlag); err != nil {
			return err
		}
		if sig, err = hexutil.Decode(sigFlag); err != nil {
			return fmt.Errorf("--signature: want 0x-hex: %w", err)
		}
		if v.GetString("deadline") == "" {
			return errors.New("--signature needs the --deadline (Unix time) the wallet signed")
		}
	default:
		return errors.New("--wallet-key-file, or --wallet with --signature, is required")
	}
	escrow, closeRPC, err := m.escrow(ctx)
	if err != nil {
		return err
	}
	defer closeRPC()
	deadline, absolute, err := deadlineFlag(a, func() (uint64, error) { return escrow.ChainTime(ctx) })
	if err != nil {
		return err
	}
	var p eip712.AgentWalletSet
	if wallet != nil {
		if p, sig, err = escrow.SignWalletProof(ctx, wallet, id, deadline); err != nil {
			return err
		}
	} else {
		if !absolute {
			return errors.New("with --signature, --deadline is the Unix time the wallet signed")
		}
		if p, err = escrow.WalletProof(ctx, id, external, deadline); err != nil {
			return err
		}
	}
	r, err := escrow.SetAgentWallet(ctx, m.signer, p, sig)
	if err != nil {
		return err
	}
	return m.print(txOut(map[string]any{"agentId": id.String(), "wallet": p.NewWallet.Hex(), "owner": p.Owner.Hex(),
		"deadline": p.Deadline.String()}, r.TxHash, r.BlockNumber.Uint64()))
}

func (a *app) runAgentWalletProof(cmd *cobra.Command, _ []string) error {
	ctx := cmd.Context()
	m, err := a.openReader()
	if err != nil {
		return err
	}
	id, err := agentIDFlag(a)
	if err != nil {
		return err
	}
	wallet, err := parseAddress("wallet", a.v.GetString("wallet"))
	if err != nil || wallet == (common.Address{}) {
		return errors.Join(err, errors.New("--wallet is required"))
	}
	escrow, closeRPC, err := m.escrow(ctx)
	if err != nil {
		return err
	}
	defer closeRPC()
	deadline, _, err := deadlineFlag(a, func() (uint64, error) { return escrow.ChainTime(ctx) })
	if err != nil {
		return err
	}
	p, err := escrow.WalletProof(ctx, id, wallet, deadline)
	if err != nil {
		return err
	}
	td, err := eip712.MarshalTypedData(escrow.IdentityDomain(), p)
	if err != nil {
		return err
	}
	digest, err := eip712.Digest(escrow.IdentityDomain(), p)
	if err != nil {
		return err
	}
	return m.print(map[string]any{"agentId": id.String(), "wallet": wallet.Hex(), "owner": p.Owner.Hex(), "deadline": p.Deadline.String(),
		"digest": digest.Hex(), "typedData": json.RawMessage(td)})
}

// runAgentTx runs unset-wallet, set-metadata or transfer.
func (a *app) runAgentTx(what string) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, _ []string) error {
		ctx, v := cmd.Context(), a.v
		m, err := a.openMarket()
		if err != nil {
			return err
		}
		id, err := agentIDFlag(a)
		if err != nil {
			return err
		}
		out := map[string]any{"agentId": id.String()}
		var value []byte
		var to common.Address
		switch what {
		case "set-metadata":
			if v.GetString("key") == "" {
				return errors.New("--key is required")
			}
			value = metadataValue(v.GetString("value"))
			out["key"], out["value"] = v.GetString("key"), hexutil.Encode(value)
		case "transfer":
			if to, err = parseAddress("to", v.GetString("to")); err != nil || to == (common.Address{}) {
				return errors.Join(err, errors.New("--to is required"))
			}
		}
		escrow, closeRPC, err := m.escrow(ctx)
		if err != nil {
			return err
		}
		defer closeRPC()
		switch what {
		case "unset-wallet":
			rec, err := escrow.UnsetAgentWallet(ctx, m.signer, id)
			if err != nil {
				return err
			}
			return m.print(txOut(out, rec.TxHash, rec.BlockNumber.Uint64()))
		case "set-metadata":
			rec, err := escrow.SetMetadata(ctx, m.signer, id, v.GetString("key"), value)
			if err != nil {
				return err
			}
			return m.print(txOut(out, rec.TxHash, rec.BlockNumber.Uint64()))
		default: // transfer
			from, err := escrow.AgentOwner(ctx, id)
			if err != nil {
				return err
			}
			rec, err := escrow.TransferAgent(ctx, m.signer, id, to)
			if err != nil {
				return err
			}
			out["from"], out["to"] = from.Hex(), to.Hex()
			return m.print(txOut(out, rec.TxHash, rec.BlockNumber.Uint64()))
		}
	}
}

// metadataValue reads a metadata value: 0x-hex as its bytes, anything else as UTF-8 text.
func metadataValue(s string) []byte {
	if strings.HasPrefix(s, "0x") {
		if b, err := hexutil.Decode(s); err == nil {
			return b
		}
	}
	return []byte(s)
}

func (a *app) runAgentShow(cmd *cobra.Command, _ []string) error {
	ctx := cmd.Context()
	m, err := a.openReader()
	if err != nil {
		return err
	}
	id, err := agentIDFlag(a)
	if err != nil {
		return err
	}
	escrow, closeRPC, err := m.escrow(ctx)
	if err != nil {
		return err
	}
	defer closeRPC()
	info, err := escrow.Agent(ctx, id)
	if err != nil {
		return err
	}
	out := map[string]any{"agentId": id.String(), "owner": info.Owner.Hex(), "wallet": nil, "uri": info.URI}
	if info.Wallet != (common.Address{}) {
		out["wallet"] = info.Wallet.Hex()
	}
	if view, err := m.client.AgentView(ctx, id); err != nil {
		out["gateway"], out["gatewayError"] = nil, err.Error()
	} else {
		out["gateway"] = view
	}
	return m.print(out)
}
