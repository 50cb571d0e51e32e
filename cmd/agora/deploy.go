package main

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"

	"github.com/agoralabs/agora/deployment"
)

func (a *app) deployCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "deploy",
		Short: "Deploy Agora's contracts and write the deployment file",
		Long: `Deploy IdentityRegistry, ReputationRegistry, ValidationRegistry, TestUSD, AgentEscrow, MandateRegistry
and AuditAnchor to the chain at --rpc-url from the account of the private key, then write the deployment file
(chain id, and each contract's address, deploy block and transaction) that the other components read.

Prefer AGORA_PRIVATE_KEY to --private-key: a flag is visible to other users of the machine.`,
		Args: cobra.NoArgs,
		RunE: a.runDeploy,
	}
	f := cmd.Flags()
	f.String("rpc-url", "", "JSON-RPC endpoint of the chain (required)")
	f.String("private-key", "", "hex private key of the deploying account (or AGORA_PRIVATE_KEY)")
	f.String("out", "deployment.json", "where to write the deployment file")
	f.Uint16("fee-bps", 0, "escrow fee in basis points on completed jobs (at most 1000)")
	f.String("fee-recipient", "", "address that receives escrow fees (default: the deployer)")
	f.String("owner", "", "owner of the escrow (default: the deployer)")
	f.Duration("timeout", deployment.DefaultTimeout, "timeout of each RPC call and each wait for a receipt")
	return cmd
}

func (a *app) runDeploy(cmd *cobra.Command, _ []string) error {
	v := a.v
	rpcURL := v.GetString("rpc-url")
	if rpcURL == "" {
		return errors.New("--rpc-url (or AGORA_RPC_URL) is required")
	}
	key, err := parseKey(v.GetString("private-key"))
	if err != nil {
		return err
	}
	feeBps, err := strconv.ParseUint(v.GetString("fee-bps"), 10, 16)
	if err != nil {
		return fmt.Errorf("--fee-bps %q: want basis points, 0 to %d", v.GetString("fee-bps"), deployment.MaxFeeBps)
	}
	if feeBps > deployment.MaxFeeBps {
		return fmt.Errorf("--fee-bps %d is above the maximum of %d", feeBps, deployment.MaxFeeBps)
	}
	timeout, err := time.ParseDuration(v.GetString("timeout"))
	if err != nil || timeout <= 0 {
		return fmt.Errorf("--timeout %q: want a positive duration such as 30s", v.GetString("timeout"))
	}
	opts := deployment.Options{FeeBps: uint16(feeBps), Timeout: timeout, Logger: a.log}
	if opts.FeeRecipient, err = parseAddress("fee-recipient", v.GetString("fee-recipient")); err != nil {
		return err
	}
	if opts.Owner, err = parseAddress("owner", v.GetString("owner")); err != nil {
		return err
	}
	out := v.GetString("out")
	if out == "" {
		return errors.New("--out is required")
	}

	ctx := cmd.Context()
	dctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	client, err := ethclient.DialContext(dctx, rpcURL)
	cancel()
	if err != nil {
		return fmt.Errorf("connect to %s: %w", redactURL(rpcURL), err)
	}
	defer client.Close()

	a.log.Info("deploying", "rpc", redactURL(rpcURL), "deployer", crypto.PubkeyToAddress(key.PublicKey), "fee_bps", opts.FeeBps)
	d, err := deployment.Deploy(ctx, client, key, opts)
	if err != nil {
		return err
	}
	if err := d.Write(out); err != nil {
		return fmt.Errorf("write deployment: %w", err)
	}
	a.log.Info("wrote deployment file", "path", out)
	printDeployment(a.m.Stdout, d, redactURL(rpcURL), out)
	return nil
}

// printDeployment writes the summary a person reads after deploying.
func printDeployment(w io.Writer, d *deployment.Deployment, rpcURL, path string) {
	fmt.Fprintf(w, "chain id    %d\n", d.ChainID)
	fmt.Fprintf(w, "rpc url     %s\n", rpcURL)
	for _, c := range d.All() {
		fmt.Fprintf(w, "%-19s %s (block %d)\n", c.Name, c.Address, c.DeployBlock)
	}
	fmt.Fprintf(w, "deployment  %s\n", path)
}

// redactURL drops what may carry an API key (user info, path, query) from a remote RPC URL; local URLs are
// shown whole.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable url)"
	}
	host := u.Hostname()
	if host == "127.0.0.1" || host == "localhost" || host == "::1" {
		return raw
	}
	if u.User == nil && (u.Path == "" || u.Path == "/") && u.RawQuery == "" {
		return raw
	}
	return u.Scheme + "://" + u.Host + "/…"
}

// parseKey reads a hex private key. Its errors never contain the key.
func parseKey(s string) (*ecdsa.PrivateKey, error) {
	if s == "" {
		return nil, errors.New("--private-key (or AGORA_PRIVATE_KEY) is required")
	}
	key, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(s), "0x"))
	if err != nil {
		return nil, errors.New("invalid private key: want 32 bytes of hex")
	}
	return key, nil
}

// parseAddress reads an optional hex address; empty means the zero address.
func parseAddress(flag, s string) (common.Address, error) {
	if s == "" {
		return common.Address{}, nil
	}
	if !common.IsHexAddress(s) {
		return common.Address{}, fmt.Errorf("--%s %q is not an address", flag, s)
	}
	return common.HexToAddress(s), nil
}
