package ethlogs_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/agoralabs/agora/indexer/ethlogs"
)

// TestDecodeResponse_Differential compares DecodeResponse with encoding/json and go-ethereum's
// types.Log.UnmarshalJSON, and with the logs the responses were written from, over many random responses:
// 0-4 topics, 0-2000 bytes of data, shuffled members, unknown members with nested values and escaped
// strings, escaped member names, mixed hex case and random whitespace.
func TestDecodeResponse_Differential(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 1500 {
		c := genConfig{logs: r.IntN(8), maxData: 2000, maxTopics: 4, messy: i%4 != 0}
		if i%100 == 0 {
			c.logs = 200
		}
		body, logs := gen(r, c)
		got, err := ethlogs.DecodeResponse(body)
		if err != nil {
			t.Fatalf("response %d: DecodeResponse: %v\n%s", i, err, body)
		}
		want, err := gethDecode(body)
		if err != nil {
			t.Fatalf("response %d: encoding/json: %v\n%s", i, err, body)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("response %d: DecodeResponse = %+v\nencoding/json gives %+v\n%s", i, got, want, body)
		}
		if !reflect.DeepEqual(got, logs) {
			t.Fatalf("response %d: DecodeResponse = %+v, want the logs written %+v\n%s", i, got, logs, body)
		}
		checkAgainstRef(t, body)
	}
}

// A valid log's members, in geth's order, for hand-written cases.
var baseMembers = [][2]string{
	{"address", `"0x5fbdb2315678afecb367f032d93f642f64180aa3"`},
	{"topics", `["0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef","0x0000000000000000000000000000000000000000000000000000000000000001"]`},
	{"data", `"0x0102ff"`},
	{"blockNumber", `"0x1b4"`},
	{"transactionHash", `"0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b"`},
	{"transactionIndex", `"0x3"`},
	{"blockHash", `"0xdc0818cf78f21a8e70579cb46a43643f78291264dda342ae31049421c82d21ae"`},
	{"blockTimestamp", `"0x6553f100"`},
	{"logIndex", `"0x7"`},
	{"removed", `false`},
}

// baseLog is what baseMembers decode to.
var baseLog = types.Log{
	Address: common.HexToAddress("0x5fbdb2315678afecb367f032d93f642f64180aa3"),
	Topics: []common.Hash{
		common.HexToHash("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"),
		common.HexToHash("0x01"),
	},
	Data:           []byte{1, 2, 0xff},
	BlockNumber:    0x1b4,
	TxHash:         common.HexToHash("0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b"),
	TxIndex:        3,
	BlockHash:      common.HexToHash("0xdc0818cf78f21a8e70579cb46a43643f78291264dda342ae31049421c82d21ae"),
	BlockTimestamp: 0x6553f100,
	Index:          7,
}

// logWith writes baseMembers with the named members replaced by their new raw values ("" drops the member).
func logWith(overrides ...string) string {
	repl := map[string]string{}
	for i := 0; i+1 < len(overrides); i += 2 {
		repl[overrides[i]] = overrides[i+1]
	}
	var parts []string
	for _, m := range baseMembers {
		v, ok := repl[m[0]]
		if !ok {
			v = m[1]
		}
		if v != "" {
			parts = append(parts, `"`+m[0]+`":`+v)
		}
	}
	return "{" + strings.Join(parts, ",") + "}"
}

func respWith(result string) []byte {
	return []byte(`{"jsonrpc":"2.0","id":1,"result":` + result + `}`)
}

// with returns baseLog changed by f.
func with(f func(*types.Log)) types.Log {
	l := baseLog
	l.Topics = append([]common.Hash{}, baseLog.Topics...)
	l.Data = append([]byte{}, baseLog.Data...)
	f(&l)
	return l
}

func TestDecodeResponse_Valid(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []types.Log
	}{
		{"one log", string(respWith("[" + logWith() + "]")), []types.Log{baseLog}},
		{"two logs", string(respWith("[" + logWith() + "," + logWith("logIndex", `"0x8"`) + "]")),
			[]types.Log{baseLog, with(func(l *types.Log) { l.Index = 8 })}},
		{"result null", `{"jsonrpc":"2.0","id":1,"result":null}`, nil},
		{"empty result", `{"jsonrpc":"2.0","id":1,"result":[]}`, []types.Log{}},
		{"empty result with whitespace", " \r\n\t{ \"result\" :\n[ \t]\r} \n", []types.Log{}},
		{"only result", `{"result":[]}`, []types.Log{}},
		{"error null", `{"error":null,"result":[]}`, []types.Log{}},
		{"result first, unknown members after", `{"result":[],"id":{"a":[1,{"b":null}]},"jsonrpc":"2.0","x":"\"}"}`, []types.Log{}},
		{"leading zeros", string(respWith("[" + logWith("blockNumber", `"0x00001b4"`, "transactionIndex", `"0x0"`,
			"logIndex", `"0x0000000000000000000000000007"`, "blockTimestamp", `"0x000000006553f100"`) + "]")),
			[]types.Log{with(func(l *types.Log) { l.TxIndex = 0 })}},
		{"upper case hex and 0X prefix", string(respWith("[" + logWith("data", `"0X0102FF"`, "blockNumber", `"0X1B4"`,
			"address", `"0x5FBDB2315678AFECB367F032D93F642F64180AA3"`) + "]")), []types.Log{baseLog}},
		{"max quantity", string(respWith("[" + logWith("blockNumber", `"0xffffffffffffffff"`) + "]")),
			[]types.Log{with(func(l *types.Log) { l.BlockNumber = math.MaxUint64 })}},
		{"empty data and topics", string(respWith("[" + logWith("data", `"0x"`, "topics", `[]`) + "]")),
			[]types.Log{with(func(l *types.Log) { l.Data = []byte{}; l.Topics = []common.Hash{} })}},
		{"no blockTimestamp", string(respWith("[" + logWith("blockTimestamp", "") + "]")),
			[]types.Log{with(func(l *types.Log) { l.BlockTimestamp = 0 })}},
		{"null blockTimestamp", string(respWith("[" + logWith("blockTimestamp", "null") + "]")),
			[]types.Log{with(func(l *types.Log) { l.BlockTimestamp = 0 })}},
		{"no removed", string(respWith("[" + logWith("removed", "") + "]")), []types.Log{baseLog}},
		{"null removed", string(respWith("[" + logWith("removed", "null") + "]")), []types.Log{baseLog}},
		{"removed", string(respWith("[" + logWith("removed", "true") + "]")),
			[]types.Log{with(func(l *types.Log) { l.Removed = true })}},
		{"escaped member names", string(respWith(`[` + strings.Replace(strings.Replace(logWith(), `"address"`, `"\u0061ddress"`, 1),
			`"logIndex"`, `"log\u0049nde\u0078"`, 1) + `]`)), []types.Log{baseLog}},
		{"escaped hex digits", string(respWith("[" + logWith("blockNumber", `"0x1\u0062\u0034"`, "data", `"\u0030x0102ff"`) + "]")),
			[]types.Log{baseLog}},
		{"escaped slash in an unknown value", `{"result":[],"u":"a\/b\\\"\u00e9\ud83d\ude00"}`, []types.Log{}},
		{"unknown log members", string(respWith("[" + strings.Replace(logWith(), "{", `{"logType":"mined","n":[[],{},-0.5e-3,true,false,null,"x"],`, 1) + "]")),
			[]types.Log{baseLog}},
		{"unknown member named like a field but escaped differently", string(respWith("[" + strings.Replace(logWith(), "{", `{"addresS":5,"address\u0000":1,`, 1) + "]")),
			[]types.Log{baseLog}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ethlogs.DecodeResponse([]byte(tt.body))
			if err != nil {
				t.Fatalf("DecodeResponse(%s) = %v", tt.body, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("DecodeResponse(%s) =\n%+v, want\n%+v", tt.body, got, tt.want)
			}
			checkAgainstRef(t, []byte(tt.body))
		})
	}
}

func TestDecodeResponse_RPCError(t *testing.T) {
	tests := []struct {
		name string
		body string
		want ethlogs.RPCError
	}{
		{"with data", `{"jsonrpc":"2.0","id":1,"error":{"code":-32005,"message":"query returned more than 10000 results","data":{"from":"0x1","to":"0x2"}}}`,
			ethlogs.RPCError{Code: -32005, Message: "query returned more than 10000 results", Data: json.RawMessage(`{"from":"0x1","to":"0x2"}`)}},
		{"without data", `{"error":{"message":"limit exceeded","code":-32602},"id":7,"jsonrpc":"2.0"}`,
			ethlogs.RPCError{Code: -32602, Message: "limit exceeded"}},
		{"null data", `{"error":{"code":1,"message":"m","data":null}}`, ethlogs.RPCError{Code: 1, Message: "m"}},
		{"string data", `{"error":{"code":3,"message":"execution reverted","data":"0x08c379a0"}}`,
			ethlogs.RPCError{Code: 3, Message: "execution reverted", Data: json.RawMessage(`"0x08c379a0"`)}},
		{"result null too", `{"result":null,"error":{"code":-32000,"message":"x"}}`, ethlogs.RPCError{Code: -32000, Message: "x"}},
		{"escaped message", `{"error":{"code":-1,"message":"a \"quoted\" \u00e9"}}`, ethlogs.RPCError{Code: -1, Message: `a "quoted" é`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logs, err := ethlogs.DecodeResponse([]byte(tt.body))
			rpcErr, ok := err.(*ethlogs.RPCError)
			if !ok {
				t.Fatalf("DecodeResponse(%s) = %v, %v; want *RPCError", tt.body, logs, err)
			}
			if !reflect.DeepEqual(*rpcErr, tt.want) {
				t.Errorf("DecodeResponse(%s) error = %#v, want %#v", tt.body, *rpcErr, tt.want)
			}
			if msg := rpcErr.Error(); !strings.Contains(msg, tt.want.Message) {
				t.Errorf("Error() = %q, want it to contain %q", msg, tt.want.Message)
			}
			checkAgainstRef(t, []byte(tt.body))
		})
	}
}

// malformed are responses that DecodeResponse must refuse (with an error that is not an *RPCError).
var malformed = []struct{ name, body string }{
	{"empty", ``},
	{"whitespace", " \n"},
	{"null", `null`},
	{"array", `[{"result":[]}]`},
	{"string", `"result"`},
	{"no result", `{"jsonrpc":"2.0","id":1}`},
	{"empty object", `{}`},
	{"result object", `{"result":{}}`},
	{"result string", `{"result":"[]"}`},
	{"result number", `{"result":0}`},
	{"result true", `{"result":true}`},
	{"duplicate result", `{"result":[],"result":[]}`},
	{"duplicate error", `{"error":null,"error":null,"result":[]}`},
	{"error string", `{"error":"boom","result":[]}`},
	{"error array", `{"error":[],"result":[]}`},
	{"error code string", `{"error":{"code":"x","message":"m"}}`},
	{"error code fraction", `{"error":{"code":1.5,"message":"m"}}`},
	{"error message number", `{"error":{"code":1,"message":5}}`},
	{"trailing data", `{"result":[]}x`},
	{"two objects", `{"result":[]}{"result":[]}`},
	{"trailing comma", `{"result":[],}`},
	{"trailing comma in result", `{"result":[` + logWith() + `,]}`},
	{"missing comma", `{"result":[] "id":1}`},
	{"missing colon", `{"result" []}`},
	{"unquoted key", `{result:[]}`},
	{"single quotes", `{'result':[]}`},
	{"bad literal", `{"result":nul}`},
	{"null element", `{"result":[null]}`},
	{"number element", `{"result":[1]}`},
	{"array element", `{"result":[[]]}`},
	{"empty log", `{"result":[{}]}`},
	{"missing address", string(respWith("[" + logWith("address", "") + "]"))},
	{"missing topics", string(respWith("[" + logWith("topics", "") + "]"))},
	{"missing data", string(respWith("[" + logWith("data", "") + "]"))},
	{"missing blockNumber", string(respWith("[" + logWith("blockNumber", "") + "]"))},
	{"missing transactionHash", string(respWith("[" + logWith("transactionHash", "") + "]"))},
	{"missing transactionIndex", string(respWith("[" + logWith("transactionIndex", "") + "]"))},
	{"missing blockHash", string(respWith("[" + logWith("blockHash", "") + "]"))},
	{"missing logIndex", string(respWith("[" + logWith("logIndex", "") + "]"))},
	{"null address", string(respWith("[" + logWith("address", "null") + "]"))},
	{"null topics", string(respWith("[" + logWith("topics", "null") + "]"))},
	{"null data", string(respWith("[" + logWith("data", "null") + "]"))},
	{"null blockNumber (pending)", string(respWith("[" + logWith("blockNumber", "null") + "]"))},
	{"null blockHash", string(respWith("[" + logWith("blockHash", "null") + "]"))},
	{"null topic", string(respWith("[" + logWith("topics", "[null]") + "]"))},
	{"duplicate address", string(respWith("[" + strings.Replace(logWith(), "{", `{"address":"0x5fbdb2315678afecb367f032d93f642f64180aa3",`, 1) + "]"))},
	{"duplicate removed", string(respWith("[" + strings.Replace(logWith(), "{", `{"removed":true,`, 1) + "]"))},
	{"duplicate via escape", string(respWith("[" + strings.Replace(logWith(), "{", `{"dat\u0061":"0x",`, 1) + "]"))},
	{"odd data", string(respWith("[" + logWith("data", `"0x010"`) + "]"))},
	{"odd data of one digit", string(respWith("[" + logWith("data", `"0x1"`) + "]"))},
	{"data without prefix", string(respWith("[" + logWith("data", `"0102"`) + "]"))},
	{"empty data string", string(respWith("[" + logWith("data", `""`) + "]"))},
	{"data bad digit", string(respWith("[" + logWith("data", `"0x01g2"`) + "]"))},
	{"data number", string(respWith("[" + logWith("data", `12`) + "]"))},
	{"data array", string(respWith("[" + logWith("data", `[1,2]`) + "]"))},
	{"data with escaped non-ASCII", string(respWith("[" + logWith("data", `"0x01\u00e9"`) + "]"))},
	{"data with control character", string(respWith("[" + logWith("data", "\"0x01\n2\"") + "]"))},
	{"short address", string(respWith("[" + logWith("address", `"0x5fbdb2315678afecb367f032d93f642f64180a"`) + "]"))},
	{"long address", string(respWith("[" + logWith("address", `"0x5fbdb2315678afecb367f032d93f642f64180aa300"`) + "]"))},
	{"odd address", string(respWith("[" + logWith("address", `"0x5fbdb2315678afecb367f032d93f642f64180aa"`) + "]"))},
	{"address without prefix", string(respWith("[" + logWith("address", `"5fbdb2315678afecb367f032d93f642f64180aa3"`) + "]"))},
	{"address bad digit", string(respWith("[" + logWith("address", `"0x5fbdb2315678afecb367f032d93f642f64180aaz"`) + "]"))},
	{"short hash", string(respWith("[" + logWith("blockHash", `"0xdc0818cf78f21a8e70579cb46a43643f78291264dda342ae31049421c82d21"`) + "]"))},
	{"short topic", string(respWith("[" + logWith("topics", `["0x01"]`) + "]"))},
	{"topics object", string(respWith("[" + logWith("topics", `{}`) + "]"))},
	{"topics string", string(respWith("[" + logWith("topics", `"0x"`) + "]"))},
	{"topics trailing comma", string(respWith("[" + logWith("topics", `["0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",]`) + "]"))},
	{"quantity without digits", string(respWith("[" + logWith("blockNumber", `"0x"`) + "]"))},
	{"quantity without prefix", string(respWith("[" + logWith("blockNumber", `"1b4"`) + "]"))},
	{"quantity empty", string(respWith("[" + logWith("logIndex", `""`) + "]"))},
	{"quantity number", string(respWith("[" + logWith("blockNumber", `436`) + "]"))},
	{"quantity over 64 bits", string(respWith("[" + logWith("blockNumber", `"0x10000000000000000"`) + "]"))},
	{"quantity over 64 bits after zeros", string(respWith("[" + logWith("blockNumber", `"0x0010000000000000000"`) + "]"))},
	{"quantity bad digit", string(respWith("[" + logWith("transactionIndex", `"0x1g"`) + "]"))},
	{"quantity negative", string(respWith("[" + logWith("logIndex", `"-0x1"`) + "]"))},
	{"blockTimestamp bad", string(respWith("[" + logWith("blockTimestamp", `"0xzz"`) + "]"))},
	{"blockTimestamp number", string(respWith("[" + logWith("blockTimestamp", `1`) + "]"))},
	{"removed string", string(respWith("[" + logWith("removed", `"true"`) + "]"))},
	{"removed number", string(respWith("[" + logWith("removed", `0`) + "]"))},
	{"removed bad literal", string(respWith("[" + logWith("removed", `tru`) + "]"))},
	{"unterminated string", `{"result":[],"x":"abc}`},
	{"unterminated key", `{"result":[],"x`},
	{"bad escape", `{"result":[],"x":"\x"}`},
	{"short unicode escape", `{"result":[],"x":"\u12"}`},
	{"bad unicode escape", `{"result":[],"x":"\u12g4"}`},
	{"control character", "{\"result\":[],\"x\":\"a\tb\"}"},
	{"control character in key", "{\"result\":[],\"x\x01\":1}"},
	{"number leading zero", `{"result":[],"id":01}`},
	{"number plus", `{"result":[],"id":+1}`},
	{"number dot", `{"result":[],"id":1.}`},
	{"number exponent", `{"result":[],"id":1e}`},
	{"number minus", `{"result":[],"id":-}`},
	{"number hex", `{"result":[],"id":0x1}`},
	{"NaN", `{"result":[],"id":NaN}`},
	{"mismatched brackets", `{"result":[],"x":[1,2}}`},
	{"mismatched braces", `{"result":[],"x":{"a":1]}`},
	{"unclosed nesting", `{"result":[],"x":[[[[`},
	{"object without value", `{"result":[],"x":{"a"}}`},
	{"object with non-string key", `{"result":[],"x":{1:2}}`},
	{"comment", `{"result":[] /* c */}`},
	{"BOM", "\ufeff{\"result\":[]}"},
	{"garbage", "\x00\x01\x02garbage\xff"},
	{"deep nesting", `{"result":[],"x":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`},
	{"very deep unclosed nesting", `{"result":[],"x":` + strings.Repeat("[{\"a\":", 200000)},
}

func TestDecodeResponse_Malformed(t *testing.T) {
	for _, tt := range malformed {
		t.Run(tt.name, func(t *testing.T) {
			logs, err := ethlogs.DecodeResponse([]byte(tt.body))
			if err == nil {
				t.Fatalf("DecodeResponse(%.200q) = %d logs, want an error", tt.body, len(logs))
			}
			if _, ok := err.(*ethlogs.RPCError); ok {
				t.Fatalf("DecodeResponse(%.200q) = RPC error %v, want a decoding error", tt.body, err)
			}
			if len(err.Error()) > 400 {
				t.Errorf("error message of %d bytes, want a short one: %.500s", len(err.Error()), err)
			}
			if len(tt.body) < 10000 {
				checkAgainstRef(t, []byte(tt.body))
			}
		})
	}
}

// TestDecodeResponse_NestingWithinLimits accepts unknown values nested deeply but within encoding/json's limit.
func TestDecodeResponse_NestingWithinLimits(t *testing.T) {
	body := `{"result":[],"x":` + strings.Repeat(`[{"a":`, 2000) + "1" + strings.Repeat("}]", 2000) + `}`
	if _, err := ethlogs.DecodeResponse([]byte(body)); err != nil {
		t.Fatalf("DecodeResponse(nesting 4000) = %v", err)
	}
	checkAgainstRef(t, []byte(body))
}

// TestDecodeResponse_Truncated cuts valid responses at every byte offset: each cut must be an error.
func TestDecodeResponse_Truncated(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	bodies := [][]byte{
		respWith("[" + logWith() + "," + logWith() + "]"),
		[]byte(`{"jsonrpc":"2.0","id":1,"error":{"code":-32005,"message":"query returned more than 10000 results","data":[1,{"a":"\u00e9"}]}}`),
	}
	for range 5 {
		body, _ := gen(r, genConfig{logs: 3, maxData: 40, maxTopics: 4, messy: true})
		bodies = append(bodies, bytes.TrimRight(body, " \t\r\n"))
	}
	for _, body := range bodies {
		if _, err := ethlogs.DecodeResponse(body); err != nil && !isRPCError(err) {
			t.Fatalf("DecodeResponse(full %q) = %v", body, err)
		}
		for n := range len(body) {
			cut := bytes.Clone(body[:n]) // a copy of exactly n bytes, so that reading past it faults in the race/asan builds
			if logs, err := ethlogs.DecodeResponse(cut); err == nil || isRPCError(err) {
				t.Fatalf("DecodeResponse(first %d of %d bytes %q) = %d logs, %v; want a decoding error", n, len(body), cut, len(logs), err)
			}
		}
	}
}

func isRPCError(err error) bool {
	var rpcErr *ethlogs.RPCError
	return errors.As(err, &rpcErr)
}

// TestDecodeResponse_Mutations damages valid responses at random (flipped, dropped, inserted and replaced
// bytes): DecodeResponse must not panic and must agree with the reference model on every one.
func TestDecodeResponse_Mutations(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	special := []byte(`{}[],:"\ 0xXaAfF-+.eE/ntrul9` + "\x00\x1f\x7f\xff\t")
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for range n {
		body, _ := gen(r, genConfig{logs: 1 + r.IntN(2), maxData: 8, maxTopics: 2, messy: r.IntN(2) == 0})
		for range 1 + r.IntN(3) {
			i := r.IntN(len(body))
			c := special[r.IntN(len(special))]
			switch r.IntN(4) {
			case 0:
				body[i] = c
			case 1:
				body = append(body[:i], body[i+1:]...)
			case 2:
				body = append(body[:i], append([]byte{c}, body[i:]...)...)
			case 3:
				body[i] ^= 1 << r.IntN(8)
			}
		}
		checkAgainstRef(t, body)
	}
}

// TestDecodeResponse_Independent checks that the logs do not share memory with the body or with each other.
func TestDecodeResponse_Independent(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	body, want := gen(r, genConfig{logs: 50, maxData: 300, minTopics: 1, maxTopics: 4})
	got, err := ethlogs.DecodeResponse(body)
	if err != nil {
		t.Fatal(err)
	}
	for i := range body {
		body[i] = '0'
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("logs changed when the body was overwritten")
	}
	for i := range got {
		if cap(got[i].Data) != len(got[i].Data) || cap(got[i].Topics) != len(got[i].Topics) {
			t.Fatalf("log %d: data cap %d len %d, topics cap %d len %d; want capacities equal to lengths",
				i, cap(got[i].Data), len(got[i].Data), cap(got[i].Topics), len(got[i].Topics))
		}
		got[i].Data = append(got[i].Data, 0xee)
		got[i].Topics = append(got[i].Topics, common.Hash{0xee})
	}
	for i := range got {
		if !bytes.Equal(got[i].Data[:len(want[i].Data)], want[i].Data) || !reflect.DeepEqual(got[i].Topics[:len(want[i].Topics)], want[i].Topics) {
			t.Fatalf("log %d changed when the other logs' data and topics were appended to", i)
		}
	}
}

// TestDecodeResponse_LargeData mixes data larger than the arena's chunks with small and escaped data, so that
// chunks are started mid-response and a fast path given up after one was started.
func TestDecodeResponse_LargeData(t *testing.T) {
	big := bytes.Repeat([]byte{0xab}, 5<<20)
	bigHex := `"0x` + strings.Repeat("ab", 5<<20) + `"`
	body := respWith("[" + logWith("data", bigHex) + "," + logWith("data", `"0x0203\u0030\u0031"`) + "," +
		logWith("data", bigHex) + "," + logWith() + "]")
	got, err := ethlogs.DecodeResponse(body)
	if err != nil {
		t.Fatalf("DecodeResponse: %v", err)
	}
	want := []types.Log{
		with(func(l *types.Log) { l.Data = big }),
		with(func(l *types.Log) { l.Data = []byte{2, 3, 1} }),
		with(func(l *types.Log) { l.Data = big }),
		baseLog,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("DecodeResponse gave other logs than written")
	}
	bad := respWith("[" + logWith("data", bigHex) + "," + logWith("data", `"0x\u0030\u0067"`) + "]")
	if _, err := ethlogs.DecodeResponse(bad); err == nil {
		t.Errorf("DecodeResponse(invalid escaped data after large data) succeeded, want an error")
	}
}
