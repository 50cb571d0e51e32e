package main

import (
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"

	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/internal/anvil"
	"github.com/agoralabs/agora/workload"
)

func (a *app) workloadCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "workload",
		Short: "Generate reproducible activity on every Agora contract of a local chain (anvil)",
		Long: `Derive --accounts sender accounts from --seed, fund them with ETH and tUSD from the --key account, then
mine --blocks blocks of --tx-per-block transactions each across the Identity, Reputation and Validation
registries, the escrow and TestUSD: agents registered and transferred, metadata and URIs, agent wallets,
feedback, responses and revocations, validation requests and answers, plain and agreement escrow jobs through
all their endings. Automine is off while it runs (it is restored at the end); every transaction must succeed.
Prints the blocks, transactions and events produced, by event type and by action.

Runs against anvil only, with nobody else sending transactions meanwhile, for example the chain of
'agora devnet'. The same seed and --start-time on a fresh devnet reproduce the same logs.`,
		Args: cobra.NoArgs,
		RunE: a.runWorkload,
	}
	f := cmd.Flags()
	f.String("rpc-url", "", "JSON-RPC endpoint of the anvil chain (required)")
	f.String("deployment", ".devnet/deployment.json", "the deployment file")
	f.Int64("seed", 1, "seed of the accounts and of every choice")
	f.Int("blocks", 100, "blocks of actions to mine (one or more setup blocks come first)")
	f.Int("tx-per-block", 50, "transactions per block")
	f.Int("accounts", 50, "sender accounts derived from the seed (at least 4)")
	f.String("key", "", "hex private key of the funder, which pays for everything (default: anvil's dev account 0)")
	f.Int64("start-time", 0, "unix timestamp of the first mined block (0: the latest block's plus the interval)")
	f.Duration("block-interval", workload.DefaultBlockInterval, "time between the timestamps of consecutive blocks (whole seconds)")
	f.Bool("json", false, "print the stats as JSON")
	return cmd
}

func (a *app) runWorkload(cmd *cobra.Command, _ []string) error {
	v := a.v
	rpcURL, d, key, err := a.chainFlags()
	if err != nil {
		return err
	}
	ints := make(map[string]int64)
	for _, name := range []string{"seed", "blocks", "tx-per-block", "accounts", "start-time"} {
		n, err := strconv.ParseInt(v.GetString(name), 10, 64)
		if err != nil {
			return fmt.Errorf("--%s %q: want an integer", name, v.GetString(name))
		}
		ints[name] = n
	}
	interval, err := time.ParseDuration(v.GetString("block-interval"))
	if err != nil {
		return fmt.Errorf("--block-interval %q: want a duration such as 12s", v.GetString("block-interval"))
	}
	cfg := workload.Config{
		RPCURL:        rpcURL,
		Deployment:    d,
		Funder:        key,
		Seed:          ints["seed"],
		Blocks:        int(ints["blocks"]),
		TxPerBlock:    int(ints["tx-per-block"]),
		Accounts:      int(ints["accounts"]),
		BlockInterval: interval,
		Log:           a.log,
	}
	if t := ints["start-time"]; t != 0 {
		cfg.StartTime = time.Unix(t, 0)
	}
	a.log.Info("generating", "rpc", redactURL(rpcURL), "seed", cfg.Seed, "blocks", cfg.Blocks,
		"tx_per_block", cfg.TxPerBlock, "accounts", cfg.Accounts)
	stats, err := workload.Run(cmd.Context(), cfg)
	if err != nil {
		return err
	}
	if v.GetBool("json") {
		out := struct {
			*workload.Stats
			ElapsedSeconds float64 `json:"elapsedSeconds"`
		}{stats, stats.Elapsed.Seconds()}
		enc := json.NewEncoder(a.m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	fmt.Fprint(a.m.Stdout, stats.String())
	return nil
}

// chainFlags reads what the commands that send transactions share: --rpc-url, --deployment and the funder's
// --key (anvil's dev account 0 by default).
func (a *app) chainFlags() (rpcURL string, d *deployment.Deployment, key *ecdsa.PrivateKey, err error) {
	v := a.v
	if rpcURL = v.GetString("rpc-url"); rpcURL == "" {
		return "", nil, nil, errors.New("--rpc-url (or AGORA_RPC_URL) is required")
	}
	path := v.GetString("deployment")
	if path == "" {
		return "", nil, nil, errors.New("--deployment is required")
	}
	if d, err = deployment.Read(path); err != nil {
		return "", nil, nil, err
	}
	key = anvil.DevKey(0)
	if s := v.GetString("key"); s != "" {
		if key, err = crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(s), "0x")); err != nil {
			return "", nil, nil, errors.New("--key: invalid private key: want 32 bytes of hex")
		}
	}
	return rpcURL, d, key, nil
}
