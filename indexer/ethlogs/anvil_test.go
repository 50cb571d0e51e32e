package ethlogs_test

import (
	"context"
	"io"
	"log/slog"
	"math/big"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/indexer/ethlogs"
	"github.com/agoralabs/agora/internal/devchain"
)

// TestClient_GetLogs_Anvil compares GetLogs with go-ethereum's ethclient.FilterLogs on a real chain, field
// for field, for range queries (one address, two addresses, any address, an empty range) and block-hash
// queries.
func TestClient_GetLogs_Anvil(t *testing.T) {
	chain := devchain.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	d, err := deployment.Deploy(ctx, chain.Client, chain.Keys[0],
		deployment.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatalf("Deploy: %v", err)
	}
	chainID, err := chain.Client.ChainID(ctx)
	if err != nil {
		t.Fatalf("ChainID: %v", err)
	}
	identityAddr, tusdAddr := d.Contracts.IdentityRegistry.Address, d.Contracts.TestUSD.Address

	// Agents registered from several accounts (Registered, Transfer and metadata events), and tUSD minted
	// (Transfer events of another contract).
	identity := bindings.NewIdentityRegistry()
	bound := identity.Instance(chain.Client, identityAddr)
	var receipts []*types.Receipt
	for i := 1; i <= 4; i++ {
		opts := bind.NewKeyedTransactor(chain.Keys[i], chainID)
		opts.Context = ctx
		tx, err := bind.Transact(bound, opts, identity.PackRegister1("https://agent"+strconv.Itoa(i)+".example/card.json"))
		if err != nil {
			t.Fatalf("register agent %d: %v", i, err)
		}
		receipt, err := deployment.WaitMined(ctx, chain.Client, tx, time.Minute)
		if err != nil {
			t.Fatalf("register agent %d: %v", i, err)
		}
		receipts = append(receipts, receipt)
	}
	err = deployment.MintTestUSD(ctx, chain.Client, chain.Keys[0], tusdAddr,
		[]common.Address{chain.Address(1), chain.Address(2)}, big.NewInt(1_000_000), time.Minute)
	if err != nil {
		t.Fatalf("MintTestUSD: %v", err)
	}
	head, err := chain.Client.BlockNumber(ctx)
	if err != nil {
		t.Fatalf("BlockNumber: %v", err)
	}

	c := ethlogs.NewClient(chain.URL, nil)
	compare := func(t *testing.T, f ethlogs.Filter, minLogs int) {
		t.Helper()
		got, err := c.GetLogs(ctx, f)
		if err != nil {
			t.Fatalf("GetLogs(%v): %v", f, err)
		}
		q := ethereum.FilterQuery{BlockHash: f.BlockHash, Addresses: f.Addresses}
		if f.BlockHash == nil {
			q.FromBlock, q.ToBlock = new(big.Int).SetUint64(f.FromBlock), new(big.Int).SetUint64(f.ToBlock)
		}
		want, err := chain.Client.FilterLogs(ctx, q)
		if err != nil {
			t.Fatalf("FilterLogs(%v): %v", f, err)
		}
		if len(want) < minLogs {
			t.Fatalf("FilterLogs(%v) = %d logs, want at least %d: the test sent too few transactions", f, len(want), minLogs)
		}
		if len(got) != len(want) {
			t.Fatalf("GetLogs(%v) = %d logs, FilterLogs gives %d", f, len(got), len(want))
		}
		for i := range want {
			diffLog(t, i, got[i], want[i])
		}
	}

	t.Run("range, one address", func(t *testing.T) {
		compare(t, ethlogs.Filter{FromBlock: 0, ToBlock: head, Addresses: []common.Address{identityAddr}}, 8)
	})
	t.Run("range, two addresses", func(t *testing.T) {
		compare(t, ethlogs.Filter{FromBlock: 1, ToBlock: head, Addresses: []common.Address{identityAddr, tusdAddr}}, 10)
	})
	t.Run("range, any address", func(t *testing.T) {
		compare(t, ethlogs.Filter{FromBlock: 0, ToBlock: head}, 10)
	})
	t.Run("range without logs", func(t *testing.T) {
		got, err := c.GetLogs(ctx, ethlogs.Filter{FromBlock: 0, ToBlock: head, Addresses: []common.Address{{0xde, 0xad}}})
		if err != nil || got == nil || len(got) != 0 {
			t.Errorf("GetLogs(no such address) = %v, %v; want an empty, non-nil slice", got, err)
		}
	})
	t.Run("block hash", func(t *testing.T) {
		for _, r := range receipts {
			compare(t, ethlogs.Filter{BlockHash: &r.BlockHash, Addresses: []common.Address{identityAddr}}, 2)
			compare(t, ethlogs.Filter{BlockHash: &r.BlockHash}, 2)
		}
	})
	t.Run("block timestamps are the blocks' times", func(t *testing.T) {
		logs, err := c.GetLogs(ctx, ethlogs.Filter{FromBlock: 0, ToBlock: head})
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range logs {
			header, err := chain.Client.HeaderByHash(ctx, l.BlockHash)
			if err != nil {
				t.Fatalf("HeaderByHash(%s): %v", l.BlockHash, err)
			}
			if l.BlockTimestamp != header.Time || header.Number.Uint64() != l.BlockNumber {
				t.Errorf("log %d: block %d time %d, want block %d time %d", i, l.BlockNumber, l.BlockTimestamp, header.Number, header.Time)
			}
		}
	})
}

// diffLog reports each field in which got differs from want.
func diffLog(t *testing.T, i int, got, want types.Log) {
	t.Helper()
	fields := []struct {
		name      string
		got, want any
	}{
		{"Address", got.Address, want.Address},
		{"Topics", got.Topics, want.Topics},
		{"Data", got.Data, want.Data},
		{"BlockNumber", got.BlockNumber, want.BlockNumber},
		{"TxHash", got.TxHash, want.TxHash},
		{"TxIndex", got.TxIndex, want.TxIndex},
		{"BlockHash", got.BlockHash, want.BlockHash},
		{"BlockTimestamp", got.BlockTimestamp, want.BlockTimestamp},
		{"Index", got.Index, want.Index},
		{"Removed", got.Removed, want.Removed},
	}
	for _, f := range fields {
		if !reflect.DeepEqual(f.got, f.want) {
			t.Errorf("log %d: %s = %v, FilterLogs gives %v", i, f.name, f.got, f.want)
		}
	}
	if !reflect.DeepEqual(got, want) { // catches a field added to types.Log and not listed above
		t.Errorf("log %d = %+v, FilterLogs gives %+v", i, got, want)
	}
}
