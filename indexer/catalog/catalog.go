// Package catalog describes every event of every Agora contract as the indexer stores it: one PostgreSQL
// table per event, one typed column per argument, and a decoder from a raw log to a table row.
//
// The catalog is derived from the contracts' ABIs (the abigen bindings), so a new event or argument shows up
// here, in the generated migration (postgres/migrations/00002_events.sql, see internal/schemagen) and in the
// indexer at once. Column types:
//
//	uint8..uint16, int8..int16   INTEGER
//	uint24..uint32, int24..int32 BIGINT
//	uint256                      uint256 (NUMERIC(78,0) with a range check)
//	other integers               NUMERIC(p,0), p = digits of the type's range
//	address                      address (20 bytes)
//	bytes32, indexed string      hash32 (32 bytes)
//	bytes, other bytesN          BYTEA
//	string                       TEXT, plus <name>_raw BYTEA holding the exact bytes when they are not valid
//	                             UTF-8 or contain NUL (PostgreSQL text cannot); NULL otherwise
//	bool                         BOOLEAN
//
// Every table also has block_number, block_hash, block_time, tx_hash, tx_index and log_index, with
// (block_number, log_index) as its primary key.
package catalog

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/deployment"
)

// Contract is one of Agora's contracts and the prefix of its event tables.
type Contract struct {
	Name   string // as in the deployment file
	Prefix string // table name prefix
	ABI    *abi.ABI
}

// Event is one contract event and the table that mirrors it.
type Event struct {
	Contract  string
	Name      string
	Signature string // e.g. "Registered(uint256,string,address)"
	Topic0    common.Hash
	Table     string
	Args      []Column
	// data-part decoders in ABI order, and how many topics (including topic0) a log must carry.
	topics int
}

// Column is one event argument's column (strings have a second, <name>_raw, column).
type Column struct {
	Arg     string // ABI name
	Name    string // SQL column name
	SQLType string
	Indexed bool
	kind    kind
	bits    int
}

type kind int

const (
	kUint kind = iota
	kInt
	kAddress
	kBool
	kFixedBytes
	kBytes
	kString
	kTopicHash // indexed dynamic value: only its keccak256 is in the log
)

// BaseColumns are the columns every event table starts with, in order.
var BaseColumns = []string{"block_number", "block_hash", "block_time", "tx_hash", "tx_index", "log_index"}

// Catalog is the set of indexed contracts and events.
type Catalog struct {
	Contracts []Contract
	Events    []*Event
	byTopic   map[string]map[common.Hash]*Event // contract name -> topic0 -> event
}

// Default is the catalog of Agora's seven contracts.
var Default = mustBuild()

func mustBuild() *Catalog {
	c, err := Build([]ContractABI{
		{deployment.IdentityRegistry, "identity", &bindings.IdentityRegistryMetaData},
		{deployment.ReputationRegistry, "reputation", &bindings.ReputationRegistryMetaData},
		{deployment.ValidationRegistry, "validation", &bindings.ValidationRegistryMetaData},
		{deployment.AgentEscrow, "escrow", &bindings.AgentEscrowMetaData},
		{deployment.TestUSD, "tusd", &bindings.TestUSDMetaData},
		{deployment.MandateRegistry, "governance", &bindings.MandateRegistryMetaData},
		{deployment.AuditAnchor, "audit_anchor", &bindings.AuditAnchorMetaData},
	})
	if err != nil {
		panic(err) // the bindings are generated and tested; an unsupported type is a programming error
	}
	return c
}

// ContractABI names a contract, its table prefix and its binding metadata.
type ContractABI struct {
	Name   string
	Prefix string
	Meta   interface{ ParseABI() (*abi.ABI, error) }
}

// Build makes a catalog from contract ABIs. Events are ordered by contract, then by name.
func Build(contracts []ContractABI) (*Catalog, error) {
	c := &Catalog{byTopic: map[string]map[common.Hash]*Event{}}
	tables := map[string]string{}
	for _, ca := range contracts {
		parsed, err := ca.Meta.ParseABI()
		if err != nil {
			return nil, fmt.Errorf("catalog: %s ABI: %w", ca.Name, err)
		}
		c.Contracts = append(c.Contracts, Contract{Name: ca.Name, Prefix: ca.Prefix, ABI: parsed})
		c.byTopic[ca.Name] = map[common.Hash]*Event{}
		names := make([]string, 0, len(parsed.Events))
		for name := range parsed.Events {
			names = append(names, name)
		}
		sortStrings(names)
		for _, name := range names {
			ev := parsed.Events[name]
			if ev.Anonymous {
				return nil, fmt.Errorf("catalog: %s.%s is anonymous", ca.Name, name)
			}
			e := &Event{
				Contract: ca.Name, Name: ev.RawName, Signature: ev.Sig, Topic0: ev.ID,
				Table: ca.Prefix + "_" + snake(ev.RawName), topics: 1,
			}
			if other, dup := tables[e.Table]; dup {
				return nil, fmt.Errorf("catalog: table %s for both %s and %s", e.Table, other, e.Signature)
			}
			tables[e.Table] = ca.Name + "." + e.Signature
			seen := map[string]bool{}
			for _, seenBase := range BaseColumns {
				seen[seenBase] = true
			}
			for _, in := range ev.Inputs {
				col, err := column(in)
				if err != nil {
					return nil, fmt.Errorf("catalog: %s.%s: %w", ca.Name, e.Signature, err)
				}
				for _, n := range []string{col.Name, col.Name + "_raw"} {
					if seen[n] {
						return nil, fmt.Errorf("catalog: %s.%s: column %s twice", ca.Name, e.Signature, n)
					}
				}
				seen[col.Name] = true
				if col.kind == kString {
					seen[col.Name+"_raw"] = true
				}
				if in.Indexed {
					e.topics++
				}
				e.Args = append(e.Args, col)
			}
			c.Events = append(c.Events, e)
			c.byTopic[ca.Name][e.Topic0] = e
		}
	}
	return c, nil
}

// Event returns the event contract emits with topic0, or nil.
func (c *Catalog) Event(contract string, topic0 common.Hash) *Event {
	return c.byTopic[contract][topic0]
}

// Lookup returns the event called name of contract, or nil.
func (c *Catalog) Lookup(contract, name string) *Event {
	for _, e := range c.Events {
		if e.Contract == contract && e.Name == name {
			return e
		}
	}
	return nil
}

// Columns returns every column of e's table in order: the base columns, then the argument columns (a string
// argument's _raw column right after it).
func (e *Event) Columns() []string {
	cols := append([]string(nil), BaseColumns...)
	for _, a := range e.Args {
		cols = append(cols, a.Name)
		if a.kind == kString {
			cols = append(cols, a.Name+"_raw")
		}
	}
	return cols
}

// Indexes returns the secondary indexes of e's table, each a list of columns: the lookups the projections
// make by key (agent, feedback, validation request, job, mandate). Other arguments are not indexed: every index costs
// on each of the many rows a backfill writes, and readers query the projections.
func (e *Event) Indexes() [][]string {
	has := map[string]bool{}
	for _, a := range e.Args {
		has[a.Name] = true
	}
	switch {
	case has["agent_id"] && has["client_address"] && has["feedback_index"]:
		return [][]string{{"agent_id", "client_address", "feedback_index"}}
	case has["request_hash"]:
		return [][]string{{"request_hash"}}
	case has["job_id"]:
		return [][]string{{"job_id"}}
	case has["mandate_id"]:
		return [][]string{{"mandate_id"}}
	case has["agent_id"] && has["indexed_metadata_key"]:
		return [][]string{{"agent_id", "indexed_metadata_key"}}
	case has["agent_id"]:
		return [][]string{{"agent_id"}}
	case has["token_id"] && e.Contract == deployment.IdentityRegistry && e.Name == "Transfer":
		return [][]string{{"token_id"}}
	}
	return nil
}

func column(in abi.Argument) (Column, error) {
	col := Column{Arg: in.Name, Name: columnName(in.Name), Indexed: in.Indexed, bits: in.Type.Size}
	if in.Name == "" {
		return col, errors.New("unnamed argument")
	}
	switch in.Type.T {
	case abi.UintTy, abi.IntTy:
		col.kind = kUint
		if in.Type.T == abi.IntTy {
			col.kind = kInt
		}
		switch {
		case in.Type.Size <= 16:
			col.SQLType = "INTEGER"
		case in.Type.Size <= 32:
			col.SQLType = "BIGINT"
		case in.Type.Size == 256 && col.kind == kUint:
			col.SQLType = "uint256"
		default:
			max := new(big.Int).Lsh(big.NewInt(1), uint(in.Type.Size))
			col.SQLType = fmt.Sprintf("NUMERIC(%d, 0)", len(max.String()))
		}
	case abi.AddressTy:
		col.kind, col.SQLType = kAddress, "address"
	case abi.BoolTy:
		col.kind, col.SQLType = kBool, "BOOLEAN"
	case abi.FixedBytesTy:
		col.kind, col.SQLType = kFixedBytes, "BYTEA"
		if in.Type.Size == 32 {
			col.SQLType = "hash32"
		}
	case abi.BytesTy, abi.StringTy:
		switch {
		case in.Indexed:
			col.kind, col.SQLType = kTopicHash, "hash32"
		case in.Type.T == abi.StringTy:
			col.kind, col.SQLType = kString, "TEXT"
		default:
			col.kind, col.SQLType = kBytes, "BYTEA"
		}
	default:
		return col, fmt.Errorf("argument %s: type %s is not supported", in.Name, in.Type.String())
	}
	return col, nil
}

// reserved maps argument names that are SQL keywords to column names.
var reserved = map[string]string{"from": "from_address", "to": "to_address"}

func columnName(arg string) string {
	s := snake(arg)
	if r, ok := reserved[s]; ok {
		return r
	}
	return s
}

// snake turns a Solidity identifier into snake_case: agentURI -> agent_uri, indexedTag1 -> indexed_tag1,
// EIP712DomainChanged -> eip712_domain_changed.
func snake(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		if unicode.IsUpper(r) {
			prevLower := i > 0 && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]))
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			prevUpper := i > 0 && unicode.IsUpper(rs[i-1])
			if i > 0 && (prevLower || (prevUpper && nextLower)) {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// DecodeError is returned for a log that does not fit its event's ABI (wrong topic count, short or
// malformed data). The indexer stops on it rather than store a half-understood event.
type DecodeError struct {
	Event  string
	Block  uint64
	Index  uint
	Reason string
}

func (e *DecodeError) Error() string {
	return fmt.Sprintf("decode %s at block %d log %d: %s", e.Event, e.Block, e.Index, e.Reason)
}

// Row decodes lg into the values of e's table row, in Columns order. blockTime is the block's timestamp.
func (e *Event) Row(lg *types.Log, blockTime time.Time) ([]any, error) {
	fail := func(format string, args ...any) ([]any, error) {
		return nil, &DecodeError{Event: e.Contract + "." + e.Name, Block: lg.BlockNumber, Index: lg.Index,
			Reason: fmt.Sprintf(format, args...)}
	}
	if len(lg.Topics) != e.topics {
		return fail("%d topics, want %d", len(lg.Topics), e.topics)
	}
	row := make([]any, 0, len(BaseColumns)+len(e.Args)+2)
	row = append(row, int64(lg.BlockNumber), lg.BlockHash.Bytes(), blockTime, lg.TxHash.Bytes(),
		int32(lg.TxIndex), int32(lg.Index))
	topic := 1
	head := 0 // offset of the next head word in lg.Data
	data := lg.Data
	for _, a := range e.Args {
		var word []byte
		if a.Indexed {
			word = lg.Topics[topic][:]
			topic++
		} else {
			if head+32 > len(data) {
				return fail("data too short for %s", a.Arg)
			}
			word = data[head : head+32]
			head += 32
		}
		switch a.kind {
		case kUint, kInt:
			v, err := integer(word, a)
			if err != nil {
				return fail("%s: %v", a.Arg, err)
			}
			row = append(row, v)
		case kAddress:
			if !allZero(word[:12]) {
				return fail("%s: not an address", a.Arg)
			}
			row = append(row, copyBytes(word[12:]))
		case kBool:
			if !allZero(word[:31]) || word[31] > 1 {
				return fail("%s: not a bool", a.Arg)
			}
			row = append(row, word[31] == 1)
		case kFixedBytes:
			if !allZero(word[a.bits:]) {
				return fail("%s: dirty bytes%d padding", a.Arg, a.bits)
			}
			row = append(row, copyBytes(word[:a.bits]))
		case kTopicHash:
			row = append(row, copyBytes(word))
		case kBytes, kString:
			b, err := dynamic(data, word)
			if err != nil {
				return fail("%s: %v", a.Arg, err)
			}
			if a.kind == kBytes {
				row = append(row, b)
				break
			}
			text, raw := Text(b)
			row = append(row, text, raw)
		}
	}
	return row, nil
}

// Text returns b as PostgreSQL text and, when that text is not exactly b (invalid UTF-8 or NUL bytes, which
// text cannot hold), b itself; otherwise nil. Invalid sequences and NULs become U+FFFD.
func Text(b []byte) (string, []byte) {
	if utf8.Valid(b) && !containsNUL(b) {
		return string(b), nil
	}
	s := strings.ToValidUTF8(string(b), "\uFFFD")
	return strings.ReplaceAll(s, "\x00", "\uFFFD"), copyBytes(b)
}

func containsNUL(b []byte) bool {
	for _, c := range b {
		if c == 0 {
			return true
		}
	}
	return false
}

func integer(word []byte, a Column) (any, error) {
	if a.kind == kUint {
		if a.bits < 256 && !allZero(word[:32-a.bits/8]) {
			return nil, errors.New("value out of range")
		}
		if a.bits <= 32 {
			var v uint64
			for _, c := range word[28:] {
				v = v<<8 | uint64(c)
			}
			if a.bits <= 16 {
				return int32(v), nil
			}
			return int64(v), nil
		}
		return pgtype.Numeric{Int: new(big.Int).SetBytes(word), Valid: true}, nil
	}
	v := new(big.Int).SetBytes(word)
	if word[0]&0x80 != 0 {
		v.Sub(v, new(big.Int).Lsh(big.NewInt(1), 256))
	}
	if a.bits < 256 {
		lim := new(big.Int).Lsh(big.NewInt(1), uint(a.bits-1))
		if v.Cmp(lim) >= 0 || v.Cmp(new(big.Int).Neg(lim)) < 0 {
			return nil, errors.New("value out of range")
		}
	}
	switch {
	case a.bits <= 16:
		return int32(v.Int64()), nil
	case a.bits <= 32:
		return v.Int64(), nil
	}
	return pgtype.Numeric{Int: v, Valid: true}, nil
}

// dynamic reads the bytes whose head word (an offset into data) is word.
func dynamic(data, word []byte) ([]byte, error) {
	if !allZero(word[:24]) {
		return nil, errors.New("offset out of range")
	}
	off := beUint64(word[24:])
	if off > uint64(len(data)) || uint64(len(data))-off < 32 {
		return nil, errors.New("offset out of range")
	}
	lw := data[off : off+32]
	if !allZero(lw[:24]) {
		return nil, errors.New("length out of range")
	}
	n := beUint64(lw[24:])
	start := off + 32
	if n > uint64(len(data))-start {
		return nil, errors.New("length out of range")
	}
	return copyBytes(data[start : start+n]), nil
}

func beUint64(b []byte) uint64 {
	var v uint64
	for _, c := range b {
		v = v<<8 | uint64(c)
	}
	return v
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

func copyBytes(b []byte) []byte {
	out := make([]byte, len(b))
	copy(out, b)
	return out
}
