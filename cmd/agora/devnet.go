package main

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"

	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/internal/anvil"
)

// devnetMint is what each dev account receives: 1,000,000 tUSD (6 decimals).
var devnetMint = new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(1_000_000))

func (a *app) devnetCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "devnet",
		Short: "Run a local chain (anvil) with Agora's contracts deployed",
		Long: `Start anvil on 127.0.0.1, deploy every contract from anvil's first dev account, mint 1,000,000
tUSD to each of the ten dev accounts, write the deployment file, print where everything is, and run until
interrupted (Ctrl-C or SIGTERM), then stop anvil and remove its cache directory. The chain lives in memory:
each run starts from block 0 and deploys to the same addresses.`,
		Args: cobra.NoArgs,
		RunE: a.runDevnet,
	}
	f := cmd.Flags()
	f.Int("port", 8545, "port anvil listens on at 127.0.0.1 (0 picks a free one)")
	f.String("state-dir", ".devnet", "directory for anvil's cache, its log and the deployment file")
	f.String("out", "", "where to write the deployment file (default <state-dir>/deployment.json)")
	f.String("anvil", "", "anvil binary (default .tools/bin/anvil, then PATH)")
	return cmd
}

func (a *app) runDevnet(cmd *cobra.Command, _ []string) (err error) {
	v := a.v
	ctx := cmd.Context()
	stateDir := v.GetString("state-dir")
	if stateDir == "" {
		return errors.New("--state-dir is required")
	}
	out := v.GetString("out")
	if out == "" {
		out = filepath.Join(stateDir, "deployment.json")
	}
	port, err := strconv.Atoi(v.GetString("port"))
	if err != nil || port < 0 || port > 65535 {
		return fmt.Errorf("--port %q: want 0 to 65535", v.GetString("port"))
	}
	bin := v.GetString("anvil")
	if bin == "" {
		if bin, err = anvil.Find("."); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(stateDir, 0o755); err != nil {
		return err
	}
	logPath := filepath.Join(stateDir, "anvil.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return err
	}
	defer logFile.Close()

	cache := filepath.Join(stateDir, "anvil-cache")
	node, err := anvil.Start(ctx, anvil.Config{
		Binary: bin, Port: port, CachePath: cache, Output: logFile,
		// Keep only the latest state: anvil 1.7 otherwise writes every historical state to its cache (tens of GB
		// over a long session), and nothing here queries old states.
		Args: []string{"--prune-history"},
	})
	if err != nil {
		_ = os.RemoveAll(cache)
		return err
	}
	a.log.Info("anvil started", "rpc", node.URL(), "log", logPath)
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		stopErr := node.Stop(sctx)
		if rmErr := os.RemoveAll(cache); stopErr == nil {
			stopErr = rmErr
		}
		if stopErr != nil && err == nil {
			err = stopErr
		}
		a.log.Info("anvil stopped")
	}()

	dctx, cancel := context.WithTimeout(ctx, deployment.DefaultTimeout)
	client, err := ethclient.DialContext(dctx, node.URL())
	cancel()
	if err != nil {
		return fmt.Errorf("connect to anvil: %w", err)
	}
	defer client.Close()

	deployer := anvil.DevKey(0)
	d, err := deployment.Deploy(ctx, client, deployer, deployment.Options{Logger: a.log})
	if err != nil {
		return err
	}
	accounts := make([]common.Address, anvil.NumDevKeys)
	for i := range accounts {
		accounts[i] = anvil.DevAddress(i)
	}
	if err := deployment.MintTestUSD(ctx, client, deployer, d.Contracts.TestUSD.Address, accounts, devnetMint, 0); err != nil {
		return err
	}
	if err := d.Write(out); err != nil {
		return fmt.Errorf("write deployment: %w", err)
	}
	printDeployment(a.m.Stdout, d, node.URL(), out)
	fmt.Fprintf(a.m.Stdout, "tUSD        1,000,000 minted to each of anvil's %d dev accounts\n", len(accounts))
	fmt.Fprintln(a.m.Stdout, "running: Ctrl-C stops the chain")

	select {
	case <-ctx.Done():
		a.log.Info("stopping", "reason", context.Cause(ctx))
		return nil
	case <-node.Done():
		return errors.New("anvil exited unexpectedly (see " + logPath + ")")
	}
}
