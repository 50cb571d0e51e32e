package ethlogs_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/agoralabs/agora/indexer/ethlogs"
)

// genConfig shapes the responses that gen writes.
type genConfig struct {
	logs      int // number of logs
	minData   int // data length is uniform in [minData, maxData]
	maxData   int
	messy     bool // shuffled members, unknown members with nested values, whitespace, escaped names, mixed hex case
	minTopics int
	maxTopics int
}

// gen writes a JSON-RPC eth_getLogs response and returns it with the logs it holds. Quantities are canonical
// (no leading zeros) so that go-ethereum's decoder accepts them too.
func gen(r *rand.Rand, c genConfig) ([]byte, []types.Log) {
	w := &jw{r: r, messy: c.messy}
	logs := make([]types.Log, c.logs)
	for i := range logs {
		logs[i] = randomLog(r, c, uint(i))
	}
	members := []func(){
		func() { w.key("jsonrpc"); w.str("2.0") },
		func() { w.key("id"); w.raw(strconv.Itoa(r.IntN(1000))) },
		func() {
			w.key("result")
			w.raw("[")
			for i := range logs {
				if i > 0 {
					w.raw(",")
				}
				w.log(&logs[i])
			}
			w.raw("]")
		},
	}
	w.object(members)
	return w.b, logs
}

func randomLog(r *rand.Rand, c genConfig, index uint) types.Log {
	l := types.Log{
		Topics:  make([]common.Hash, c.minTopics+r.IntN(c.maxTopics-c.minTopics+1)),
		Data:    make([]byte, c.minData+r.IntN(c.maxData-c.minData+1)),
		TxIndex: uint(randomQuantity(r)),
		Index:   index,
	}
	fill(r, l.Address[:])
	fill(r, l.TxHash[:])
	fill(r, l.BlockHash[:])
	for i := range l.Topics {
		fill(r, l.Topics[i][:])
	}
	fill(r, l.Data)
	l.BlockNumber = randomQuantity(r)
	if r.IntN(3) > 0 {
		l.BlockTimestamp = randomQuantity(r)
	}
	l.Removed = r.IntN(4) == 0
	return l
}

// randomQuantity returns numbers of every size, with 0, 1 and the maximum likely.
func randomQuantity(r *rand.Rand) uint64 {
	switch r.IntN(8) {
	case 0:
		return 0
	case 1:
		return 1
	case 2:
		return math.MaxUint64
	default:
		return r.Uint64() >> r.IntN(64)
	}
}

func fill(r *rand.Rand, b []byte) {
	for i := range b {
		b[i] = byte(r.Uint32())
	}
}

// jw writes JSON, messily if asked.
type jw struct {
	r     *rand.Rand
	messy bool
	b     []byte
}

func (w *jw) ws() {
	if !w.messy || w.r.IntN(3) > 0 {
		return
	}
	for range 1 + w.r.IntN(3) {
		w.b = append(w.b, " \t\n\r"[w.r.IntN(4)])
	}
}

func (w *jw) raw(s string) { w.ws(); w.b = append(w.b, s...); w.ws() }

func (w *jw) str(s string) { w.ws(); w.b = strconv.AppendQuote(w.b, s); w.ws() }

// key writes a member name and colon; a messy writer sometimes escapes one of its characters.
func (w *jw) key(k string) {
	w.ws()
	if w.messy && k != "" && !strings.Contains(k, `\`) && w.r.IntN(8) == 0 {
		i := w.r.IntN(len(k))
		w.b = append(w.b, '"')
		w.b = append(w.b, k[:i]...)
		w.b = fmt.Appendf(w.b, `\u%04x`, k[i])
		w.b = append(w.b, k[i+1:]...)
		w.b = append(w.b, '"')
	} else {
		w.b = append(w.b, '"')
		w.b = append(w.b, k...) // names here need no escaping
		w.b = append(w.b, '"')
	}
	w.raw(":")
}

// object writes the members, shuffled and with unknown members between them when messy.
func (w *jw) object(members []func()) {
	if w.messy {
		w.r.Shuffle(len(members), func(i, j int) { members[i], members[j] = members[j], members[i] })
		for range w.r.IntN(4) {
			members = append(members, func() {
				w.key(unknownNames[w.r.IntN(len(unknownNames))])
				w.value(3)
			})
			last := len(members) - 1
			j := w.r.IntN(len(members))
			members[last], members[j] = members[j], members[last]
		}
	}
	w.raw("{")
	for i, m := range members {
		if i > 0 {
			w.raw(",")
		}
		m()
	}
	w.raw("}")
}

// unknownNames are member names that no decoder knows, even case-insensitively (encoding/json folds case).
var unknownNames = []string{"logType", "transactionLogIndex", "x", "", `ex\"tra`, `back\\slash`, "ünïcöde",
	`\u00e9t\u00e9`, `\ud83d\ude00`, "blockNumberX", "topic", "datum", "removedAt"}

// value writes a random JSON value nested at most depth deep.
func (w *jw) value(depth int) {
	n := 8
	if depth > 0 {
		n = 10
	}
	switch w.r.IntN(n) {
	case 0:
		w.raw("null")
	case 1:
		w.raw("true")
	case 2:
		w.raw("false")
	case 3:
		w.raw([]string{"0", "-0", "12345678901234567890123", "-1.5e+10", "3.25E-2", "0.0", "7e9"}[w.r.IntN(7)])
	case 4, 5:
		w.ws()
		w.b = append(w.b, []string{`""`, `"plain"`, `"q\"uote"`, `"\\\/\b\f\n\r\t"`, `"\u0041\u00e9\ud83d\ude00"`,
			`"ünïcöde ✓"`, `"}]{[,:"`, `"0x1234"`}[w.r.IntN(8)]...)
		w.ws()
	case 6:
		w.raw("[]")
	case 7:
		w.raw("{}")
	case 8:
		w.raw("[")
		for i := range 1 + w.r.IntN(3) {
			if i > 0 {
				w.raw(",")
			}
			w.value(depth - 1)
		}
		w.raw("]")
	case 9:
		w.raw("{")
		for i := range 1 + w.r.IntN(3) {
			if i > 0 {
				w.raw(",")
			}
			w.key(unknownNames[w.r.IntN(len(unknownNames))])
			w.value(depth - 1)
		}
		w.raw("}")
	}
}

// hex writes "0x" + the hex of b, in a random case when messy.
func (w *jw) hex(b []byte) {
	w.ws()
	w.b = append(w.b, '"', '0', 'x')
	if w.messy && w.r.IntN(6) == 0 {
		w.b[len(w.b)-1] = 'X'
	}
	start := len(w.b)
	w.b = hex.AppendEncode(w.b, b)
	w.mixCase(start)
	w.b = append(w.b, '"')
	w.ws()
}

func (w *jw) quantity(v uint64) {
	w.ws()
	w.b = append(w.b, '"', '0', 'x')
	start := len(w.b)
	w.b = strconv.AppendUint(w.b, v, 16)
	w.mixCase(start)
	w.b = append(w.b, '"')
	w.ws()
}

// mixCase upper-cases the hex digits from start: none, all or some.
func (w *jw) mixCase(start int) {
	if !w.messy {
		return
	}
	mode := w.r.IntN(4)
	for i := start; i < len(w.b); i++ {
		if mode == 1 || (mode == 2 && w.r.IntN(2) == 0) {
			w.b[i] = byte(strings.ToUpper(string(w.b[i]))[0])
		}
	}
}

// log writes l with the members a node sends, in geth's order unless messy.
func (w *jw) log(l *types.Log) {
	members := []func(){
		func() { w.key("address"); w.hex(l.Address[:]) },
		func() {
			w.key("topics")
			w.raw("[")
			for i := range l.Topics {
				if i > 0 {
					w.raw(",")
				}
				w.hex(l.Topics[i][:])
			}
			w.raw("]")
		},
		func() { w.key("data"); w.hex(l.Data) },
		func() { w.key("blockNumber"); w.quantity(l.BlockNumber) },
		func() { w.key("transactionHash"); w.hex(l.TxHash[:]) },
		func() { w.key("transactionIndex"); w.quantity(uint64(l.TxIndex)) },
		func() { w.key("blockHash"); w.hex(l.BlockHash[:]) },
	}
	// blockTimestamp 0 and removed false may be absent, null or explicit.
	switch {
	case l.BlockTimestamp != 0 || !w.messy:
		members = append(members, func() { w.key("blockTimestamp"); w.quantity(l.BlockTimestamp) })
	case w.r.IntN(3) == 0:
		members = append(members, func() { w.key("blockTimestamp"); w.raw("null") })
	case w.r.IntN(2) == 0:
		members = append(members, func() { w.key("blockTimestamp"); w.quantity(0) })
	}
	members = append(members, func() { w.key("logIndex"); w.quantity(uint64(l.Index)) })
	switch {
	case l.Removed || !w.messy:
		members = append(members, func() { w.key("removed"); w.raw(strconv.FormatBool(l.Removed)) })
	case w.r.IntN(3) == 0:
		members = append(members, func() { w.key("removed"); w.raw("null") })
	case w.r.IntN(2) == 0:
		members = append(members, func() { w.key("removed"); w.raw("false") })
	}
	w.object(members)
}

// gethDecode is what go-ethereum's client does with a response: the message with a raw result, then the
// result into []types.Log.
func gethDecode(body []byte) ([]types.Log, error) {
	var msg struct {
		Result json.RawMessage `json:"result"`
	}
	if err := json.Unmarshal(body, &msg); err != nil {
		return nil, err
	}
	var logs []types.Log
	if err := json.Unmarshal(msg.Result, &logs); err != nil {
		return nil, err
	}
	return logs, nil
}

// refResult is what refDecode expects of DecodeResponse.
type refResult struct {
	logs   []types.Log
	rpcErr *ethlogs.RPCError // Code and Message only
	err    error
}

// refDecode is an independent model of DecodeResponse's contract: encoding/json checks the syntax and
// tokenises (keeping duplicate names), and the rules are applied to the tokens.
func refDecode(body []byte) refResult {
	fail := func(format string, args ...any) refResult { return refResult{err: fmt.Errorf(format, args...)} }
	if !json.Valid(body) {
		return fail("invalid JSON")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	top, err := tree(dec)
	if err != nil {
		return fail("tree: %v", err)
	}
	if top.kind != '{' {
		return fail("not an object")
	}
	var result, errObj *jv
	for i := range top.obj {
		m := &top.obj[i]
		switch m.k {
		case "result":
			if result != nil {
				return fail("duplicate result")
			}
			result = &m.v
		case "error":
			if errObj != nil {
				return fail("duplicate error")
			}
			errObj = &m.v
		}
	}
	var logs []types.Log
	if result != nil && result.kind != 'z' {
		if result.kind != '[' {
			return fail("result not an array")
		}
		logs = []types.Log{}
		for i := range result.arr {
			l, err := refLog(&result.arr[i])
			if err != nil {
				return fail("log %d: %v", i, err)
			}
			logs = append(logs, l)
		}
	}
	if errObj != nil && errObj.kind != 'z' {
		if errObj.kind != '{' {
			return fail("error not an object")
		}
		var e struct {
			Code    int             `json:"code"`
			Message string          `json:"message"`
			Data    json.RawMessage `json:"data"`
		}
		if err := json.Unmarshal(errObj.marshal(nil), &e); err != nil {
			return fail("error object: %v", err)
		}
		return refResult{rpcErr: &ethlogs.RPCError{Code: e.Code, Message: e.Message}}
	}
	if result == nil {
		return fail("no result")
	}
	return refResult{logs: logs}
}

// jv is a JSON value that keeps members in order, duplicates included.
type jv struct {
	kind byte // '{', '[', 's' string, 'n' number, 'b' bool, 'z' null
	obj  []jm
	arr  []jv
	s    string
	b    bool
}

type jm struct {
	k string
	v jv
}

func tree(dec *json.Decoder) (jv, error) {
	t, err := dec.Token()
	if err != nil {
		return jv{}, err
	}
	switch t := t.(type) {
	case json.Delim:
		v := jv{kind: byte(t)}
		for dec.More() {
			if t == '{' {
				k, err := dec.Token()
				if err != nil {
					return jv{}, err
				}
				m, err := tree(dec)
				if err != nil {
					return jv{}, err
				}
				v.obj = append(v.obj, jm{k: k.(string), v: m})
			} else {
				e, err := tree(dec)
				if err != nil {
					return jv{}, err
				}
				v.arr = append(v.arr, e)
			}
		}
		if _, err := dec.Token(); err != nil { // the closing delimiter
			return jv{}, err
		}
		return v, nil
	case string:
		return jv{kind: 's', s: t}, nil
	case json.Number:
		return jv{kind: 'n', s: t.String()}, nil
	case bool:
		return jv{kind: 'b', b: t}, nil
	case nil:
		return jv{kind: 'z'}, nil
	}
	return jv{}, errors.New("unexpected token")
}

// marshal writes v back as JSON, members in order.
func (v *jv) marshal(dst []byte) []byte {
	switch v.kind {
	case '{':
		dst = append(dst, '{')
		for i, m := range v.obj {
			if i > 0 {
				dst = append(dst, ',')
			}
			k, _ := json.Marshal(m.k)
			dst = append(append(dst, k...), ':')
			dst = m.v.marshal(dst)
		}
		return append(dst, '}')
	case '[':
		dst = append(dst, '[')
		for i := range v.arr {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = v.arr[i].marshal(dst)
		}
		return append(dst, ']')
	case 's':
		s, _ := json.Marshal(v.s)
		return append(dst, s...)
	case 'n':
		return append(dst, v.s...)
	case 'b':
		return strconv.AppendBool(dst, v.b)
	}
	return append(dst, "null"...)
}

func refLog(v *jv) (types.Log, error) {
	var l types.Log
	if v.kind != '{' {
		return l, errors.New("not an object")
	}
	seen, set := map[string]bool{}, map[string]bool{}
	for _, m := range v.obj {
		known := true
		switch m.k {
		case "address", "topics", "data", "blockNumber", "transactionHash", "transactionIndex", "blockHash",
			"blockTimestamp", "logIndex", "removed":
		default:
			known = false
		}
		if !known {
			continue
		}
		if seen[m.k] {
			return l, fmt.Errorf("duplicate %s", m.k)
		}
		seen[m.k] = true
		if m.v.kind == 'z' {
			continue
		}
		set[m.k] = true
		var err error
		switch m.k {
		case "address":
			err = refFixed(m.v, l.Address[:])
		case "topics":
			if m.v.kind != '[' {
				return l, errors.New("topics not an array")
			}
			l.Topics = make([]common.Hash, len(m.v.arr))
			for i := range m.v.arr {
				if err = refFixed(m.v.arr[i], l.Topics[i][:]); err != nil {
					break
				}
			}
		case "data":
			l.Data, err = refBytes(m.v)
		case "blockNumber":
			l.BlockNumber, err = refQuantity(m.v)
		case "transactionHash":
			err = refFixed(m.v, l.TxHash[:])
		case "transactionIndex":
			var q uint64
			q, err = refQuantity(m.v)
			l.TxIndex = uint(q)
		case "blockHash":
			err = refFixed(m.v, l.BlockHash[:])
		case "blockTimestamp":
			l.BlockTimestamp, err = refQuantity(m.v)
		case "logIndex":
			var q uint64
			q, err = refQuantity(m.v)
			l.Index = uint(q)
		case "removed":
			if m.v.kind != 'b' {
				return l, errors.New("removed not a bool")
			}
			l.Removed = m.v.b
		}
		if err != nil {
			return l, fmt.Errorf("%s: %w", m.k, err)
		}
	}
	for _, k := range []string{"address", "topics", "data", "blockNumber", "transactionHash", "transactionIndex",
		"blockHash", "logIndex"} {
		if !set[k] {
			return l, fmt.Errorf("missing %s", k)
		}
	}
	return l, nil
}

func refDigits(v jv) (string, error) {
	if v.kind != 's' {
		return "", errors.New("not a string")
	}
	if !strings.HasPrefix(v.s, "0x") && !strings.HasPrefix(v.s, "0X") {
		return "", errors.New("no 0x prefix")
	}
	return v.s[2:], nil
}

func refBytes(v jv) ([]byte, error) {
	s, err := refDigits(v)
	if err != nil {
		return nil, err
	}
	return hex.DecodeString(s)
}

func refFixed(v jv, dst []byte) error {
	b, err := refBytes(v)
	if err != nil {
		return err
	}
	if len(b) != len(dst) {
		return fmt.Errorf("%d bytes, want %d", len(b), len(dst))
	}
	copy(dst, b)
	return nil
}

func refQuantity(v jv) (uint64, error) {
	s, err := refDigits(v)
	if err != nil {
		return 0, err
	}
	return strconv.ParseUint(s, 16, 64)
}

// checkAgainstRef fails t when DecodeResponse disagrees with refDecode on body.
func checkAgainstRef(t testing.TB, body []byte) {
	t.Helper()
	logs, err := ethlogs.DecodeResponse(body)
	want := refDecode(body)
	var rpcErr *ethlogs.RPCError
	switch {
	case want.rpcErr != nil:
		if !errors.As(err, &rpcErr) || rpcErr.Code != want.rpcErr.Code || rpcErr.Message != want.rpcErr.Message {
			t.Fatalf("DecodeResponse(%q) = %v, want RPC error %v", body, err, want.rpcErr)
		}
	case want.err != nil:
		if err == nil {
			t.Fatalf("DecodeResponse(%q) succeeded with %d logs, want an error (reference: %v)", body, len(logs), want.err)
		}
		if errors.As(err, &rpcErr) {
			t.Fatalf("DecodeResponse(%q) = RPC error %v, want another error (reference: %v)", body, err, want.err)
		}
	case err != nil:
		t.Fatalf("DecodeResponse(%q) = %v, want %d logs", body, err, len(want.logs))
	case !reflect.DeepEqual(logs, want.logs):
		t.Fatalf("DecodeResponse(%q) = %+v, want %+v", body, logs, want.logs)
	}
}
