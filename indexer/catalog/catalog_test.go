package catalog_test

import (
	"bytes"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/indexer/catalog"
	"github.com/agoralabs/agora/internal/modroot"
)

func TestMigrationUpToDate(t *testing.T) {
	root, err := modroot.Find("")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(root, catalog.MigrationFile))
	if err != nil {
		t.Fatal(err)
	}
	if want := catalog.Default.MigrationSQL(); string(got) != want {
		t.Fatalf("%s is stale: run go generate ./indexer/catalog", catalog.MigrationFile)
	}
}

func TestCatalog_CoversEveryEvent(t *testing.T) {
	metas := map[string]*abiSource{
		"IdentityRegistry": {&bindings.IdentityRegistryMetaData}, "ReputationRegistry": {&bindings.ReputationRegistryMetaData},
		"ValidationRegistry": {&bindings.ValidationRegistryMetaData}, "AgentEscrow": {&bindings.AgentEscrowMetaData},
		"TestUSD": {&bindings.TestUSDMetaData}, "MandateRegistry": {&bindings.MandateRegistryMetaData},
		"AuditAnchor": {&bindings.AuditAnchorMetaData},
	}
	total := 0
	for name, m := range metas {
		parsed, err := m.meta.ParseABI()
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range parsed.Events {
			total++
			e := catalog.Default.Event(name, ev.ID)
			if e == nil {
				t.Errorf("%s.%s is not in the catalog", name, ev.Sig)
				continue
			}
			if e.Signature != ev.Sig || e.Topic0 != crypto.Keccak256Hash([]byte(ev.Sig)) {
				t.Errorf("%s: signature %s topic %s", ev.Sig, e.Signature, e.Topic0)
			}
		}
	}
	if total != len(catalog.Default.Events) {
		t.Errorf("catalog has %d events, the ABIs %d", len(catalog.Default.Events), total)
	}
}

type abiSource struct {
	meta interface{ ParseABI() (*abi.ABI, error) }
}

func TestCatalog_TableAndColumnNames(t *testing.T) {
	cases := map[string]string{
		"IdentityRegistry.Registered":           "identity_registered:agent_id,agent_uri,agent_uri_raw,owner",
		"IdentityRegistry.Transfer":             "identity_transfer:from_address,to_address,token_id",
		"ReputationRegistry.NewFeedback":        "reputation_new_feedback:agent_id,client_address,feedback_index,value,value_decimals,indexed_tag1,tag1,tag1_raw,tag2,tag2_raw,endpoint,endpoint_raw,feedback_uri,feedback_uri_raw,feedback_hash",
		"AgentEscrow.EIP712DomainChanged":       "escrow_eip712_domain_changed:",
		"ValidationRegistry.ValidationResponse": "validation_validation_response:validator_address,agent_id,request_hash,response,response_uri,response_uri_raw,response_hash,tag,tag_raw",
		"AgentEscrow.JobTokenSet":               "escrow_job_token_set:job_id,token",
	}
	for key, want := range cases {
		parts := strings.SplitN(key, ".", 2)
		e := catalog.Default.Lookup(parts[0], parts[1])
		if e == nil {
			t.Errorf("%s missing", key)
			continue
		}
		got := e.Table + ":" + strings.Join(e.Columns()[len(catalog.BaseColumns):], ",")
		if got != want {
			t.Errorf("%s:\n got %s\nwant %s", key, got, want)
		}
	}
}

// encode packs args into a log for e using go-ethereum's ABI encoder, so the decoder is checked against an
// independent implementation.
func newFeedbackLog(t *testing.T, tag1 string, value *big.Int) (*catalog.Event, *types.Log) {
	t.Helper()
	parsed, err := bindings.ReputationRegistryMetaData.ParseABI()
	if err != nil {
		t.Fatal(err)
	}
	ev := parsed.Events["NewFeedback"]
	var nonIndexed abi.Arguments
	for _, in := range ev.Inputs {
		if !in.Indexed {
			nonIndexed = append(nonIndexed, in)
		}
	}
	data, err := nonIndexed.Pack(uint64(7), value, uint8(2), tag1, "t2", "https://ep.example", "ipfs://fb", [32]byte{9})
	if err != nil {
		t.Fatal(err)
	}
	client := common.HexToAddress("0x00000000000000000000000000000000000000c1")
	lg := &types.Log{
		Topics: []common.Hash{ev.ID, common.BigToHash(big.NewInt(42)), common.BytesToHash(client.Bytes()),
			crypto.Keccak256Hash([]byte(tag1))},
		Data: data, BlockNumber: 10, Index: 3, TxIndex: 1,
	}
	return catalog.Default.Lookup("ReputationRegistry", "NewFeedback"), lg
}

func TestRow_DecodesAgainstGoEthereumEncoder(t *testing.T) {
	e, lg := newFeedbackLog(t, "quality", big.NewInt(-12345))
	row, err := e.Row(lg, time.Unix(100, 0))
	if err != nil {
		t.Fatal(err)
	}
	cols := e.Columns()
	get := func(name string) any {
		for i, c := range cols {
			if c == name {
				return row[i]
			}
		}
		t.Fatalf("no column %s", name)
		return nil
	}
	if n := get("agent_id").(pgtype.Numeric); n.Int.Int64() != 42 {
		t.Errorf("agent_id %v", n.Int)
	}
	if n := get("value").(pgtype.Numeric); n.Int.Int64() != -12345 {
		t.Errorf("value %v", n.Int)
	}
	if n := get("feedback_index").(pgtype.Numeric); n.Int.Int64() != 7 {
		t.Errorf("feedback_index %v", n.Int)
	}
	if v := get("value_decimals").(int32); v != 2 {
		t.Errorf("value_decimals %d", v)
	}
	if s := get("tag1").(string); s != "quality" {
		t.Errorf("tag1 %q", s)
	}
	if raw := get("tag1_raw"); raw.([]byte) != nil {
		t.Errorf("tag1_raw %v for valid text", raw)
	}
	if h := get("indexed_tag1").([]byte); !bytes.Equal(h, crypto.Keccak256([]byte("quality"))) {
		t.Errorf("indexed_tag1 %x", h)
	}
	if c := get("client_address").([]byte); len(c) != 20 || c[19] != 0xc1 {
		t.Errorf("client_address %x", c)
	}
	if s := get("endpoint").(string); s != "https://ep.example" {
		t.Errorf("endpoint %q", s)
	}
}

func TestRow_KeepsBytesTextCannotHold(t *testing.T) {
	bad := "ok\x00\xff"
	e, lg := newFeedbackLog(t, bad, big.NewInt(1))
	row, err := e.Row(lg, time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	cols := e.Columns()
	for i, c := range cols {
		if c == "tag1" && row[i].(string) != "ok\uFFFD\uFFFD" {
			t.Errorf("tag1 %q", row[i])
		}
		if c == "tag1_raw" && !bytes.Equal(row[i].([]byte), []byte(bad)) {
			t.Errorf("tag1_raw %q", row[i])
		}
	}
}

func TestRow_RejectsMalformedLogs(t *testing.T) {
	e, lg := newFeedbackLog(t, "x", big.NewInt(1))
	cases := map[string]func(l *types.Log){
		"missing topic": func(l *types.Log) { l.Topics = l.Topics[:3] },
		"short data":    func(l *types.Log) { l.Data = l.Data[:40] },
		"bad offset":    func(l *types.Log) { l.Data[3*32+31] = 0xff }, // tag1's offset word
		"dirty uint64":  func(l *types.Log) { l.Data[0] = 1 },
		"dirty address": func(l *types.Log) { l.Topics[2][0] = 1 },
	}
	for name, mutate := range cases {
		c := *lg
		c.Topics = append([]common.Hash(nil), lg.Topics...)
		c.Data = append([]byte(nil), lg.Data...)
		mutate(&c)
		_, err := e.Row(&c, time.Unix(0, 0))
		var de *catalog.DecodeError
		if !errors.As(err, &de) {
			t.Errorf("%s: err = %v, want DecodeError", name, err)
		}
	}
}
