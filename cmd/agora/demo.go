package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/agoralabs/agora/demo"
)

// demoCommand is `agora demo`: the self-trading demo market (package demo).
func (a *app) demoCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Keep a market trading: the roster's agents quote, buy, deliver, validate, dispute and review",
		Long: `Play every account of --roster (written by agora seed --roster; format in docs/demo.md) on the market,
through the gateway and the chain only: providers announce themselves and quote at their declared prices,
buyers post an RFQ every --every under the four auction rules, both sides sign, buyers fund the escrow,
providers deliver (now and then one misses its deadline and the buyer reclaims the price after the gateway's
late grace), the validator answers the jobs that name it, the buyer completes or disputes the others (the
arbiter resolves), and buyers review the providers they paid. With --top-up the roster's funder keeps every
account in ETH and the clients in TestUSD. Prints one JSON line per step, totals every --stats-every. A
gateway that goes away is rejoined when it returns. Runs until interrupted, then stops every agent.`,
		Args: cobra.NoArgs,
		RunE: a.runDemo,
	}
	f := cmd.Flags()
	f.String("gateway", "http://127.0.0.1:8080", "the gateway's URL")
	f.String("rpc-url", "http://127.0.0.1:8545", "JSON-RPC endpoint of the chain")
	f.String("deployment", ".devnet/deployment.json", "the deployment file")
	f.String("roster", ".devnet/agents.txt", "the roster of accounts and key files")
	f.Duration("every", demoDefaults.Every, "time between two RFQs")
	f.Int("in-flight", 8, "jobs under way at once, at most")
	f.Duration("deadline", demoDefaults.Deadline, "each RFQ's delivery deadline, from its posting")
	f.Duration("review-window", demoDefaults.ReviewWindow, "each RFQ's review window (disputes open within it)")
	f.Duration("stats-every", demoDefaults.StatsEvery, "how often the totals are printed")
	f.Bool("top-up", false, "the roster's funder keeps the accounts in ETH and the clients in TestUSD (devnets)")
	f.Uint64("seed", 0, "seed of the random choices (0: the time)")
	f.String("odds", "", `how often things happen, each one in N, e.g. "validate=3,miss=12,fail=6,dispute=8,review=2" (the defaults): RFQs naming the validator, deliveries missed, validations failed, deliveries disputed, paid jobs reviewed`)
	f.Duration("timeout", 30*time.Second, "timeout of each request and each wait for a receipt")
	return cmd
}

var demoDefaults = demo.Defaults()

func (a *app) runDemo(cmd *cobra.Command, _ []string) error {
	ctx, v := cmd.Context(), a.v
	if v.GetString("roster") == "" {
		return errors.New("--roster is required")
	}
	roster, err := demo.ReadRoster(v.GetString("roster"))
	if err != nil {
		return err
	}
	m, err := a.openClient()
	if err != nil {
		return err
	}
	if m.dep == nil {
		return errors.New("--deployment is required")
	}
	escrow, closeRPC, err := m.escrow(ctx)
	if err != nil {
		return err
	}
	defer closeRPC()
	if v.GetInt("in-flight") < 1 {
		return fmt.Errorf("--in-flight %d: want at least 1", v.GetInt("in-flight"))
	}
	odds, err := parseOdds(v.GetString("odds"))
	if err != nil {
		return err
	}
	return demo.Run(ctx, demo.Config{Odds: odds, Client: m.client, Escrow: escrow, Roster: roster, Token: m.dep.Contracts.TestUSD.Address,
		Every: v.GetDuration("every"), InFlight: v.GetInt("in-flight"), Deadline: v.GetDuration("deadline"),
		ReviewWindow: v.GetDuration("review-window"), StatsEvery: v.GetDuration("stats-every"), TopUp: v.GetBool("top-up"),
		Seed: v.GetUint64("seed"), Log: a.log, Report: demo.JSONReport(a.m.Stdout)})
}

// parseOdds reads --odds: name=N pairs separated by commas.
func parseOdds(s string) (demo.Odds, error) {
	var o demo.Odds
	fields := map[string]*int{"validate": &o.Validate, "miss": &o.Miss, "fail": &o.Fail, "dispute": &o.Dispute, "review": &o.Review}
	for _, kv := range strings.Split(s, ",") {
		if kv = strings.TrimSpace(kv); kv == "" {
			continue
		}
		name, val, _ := strings.Cut(kv, "=")
		p, ok := fields[name]
		n, err := strconv.Atoi(val)
		if !ok || err != nil || n < 1 {
			return o, fmt.Errorf("--odds %q: want name=N (N at least 1) with names validate, miss, fail, dispute, review", kv)
		}
		*p = n
	}
	return o, nil
}
