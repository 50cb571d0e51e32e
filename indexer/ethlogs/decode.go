package ethlogs

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"math/bits"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// maxDepth bounds the nesting of skipped values, as encoding/json does.
const maxDepth = 10000

// Arena chunk bounds. Chunks are sized by extrapolating what the part of the body read so far needed to the
// rest of the body, so that a response takes one to three chunks of each kind; the maximum bounds what an
// unusual response (big logs first, small ones after) can waste.
const (
	minDataChunk  = 1 << 10
	maxDataChunk  = 16 << 20
	minTopicChunk = 16
	maxTopicChunk = 256 << 10
	// minLogBytes is less than the JSON of any log (its required members alone take over 300 bytes): it bounds
	// the logs slice's capacity by the body's length.
	minLogBytes = 512
)

// Bits of a log's fields, to find duplicates and missing required fields.
const (
	fAddress uint16 = 1 << iota
	fTopics
	fData
	fBlockNumber
	fTxHash
	fTxIndex
	fBlockHash
	fBlockTimestamp
	fLogIndex
	fRemoved
)

// required are the fields without which a log is refused.
const required = fAddress | fTopics | fData | fBlockNumber | fTxHash | fTxIndex | fBlockHash | fLogIndex

// fieldNames name the field bits, in bit order, for error messages.
var fieldNames = [...]string{"address", "topics", "data", "blockNumber", "transactionHash",
	"transactionIndex", "blockHash", "blockTimestamp", "logIndex", "removed"}

// unhex maps an ASCII hex digit to its value and every other byte to 0xff.
var unhex = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c - '0')
	}
	for c := 'a'; c <= 'f'; c++ {
		t[c] = byte(c - 'a' + 10)
		t[c-'a'+'A'] = byte(c - 'a' + 10)
	}
	return t
}()

// errorObject is the JSON-RPC error member of a response.
type errorObject struct {
	Code    int             `json:"code"`
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data"`
}

// DecodeResponse decodes a full JSON-RPC response body whose result is an array of logs, as eth_getLogs answers.
//
// It is a single pass over body, without reflection. Members may come in any order and unknown members
// (at the top level and in logs) are skipped after being checked to be valid JSON. A non-null "error" member
// makes it return an *RPCError; a null "result" gives no logs and no error. Every log must carry address,
// topics, data, blockNumber, blockHash, transactionHash, transactionIndex and logIndex; blockTimestamp and
// removed are optional (zero when absent or null). Hex quantities may have leading zeros; hashes, addresses
// and data must be complete, even-length hex with a 0x prefix. A known member given twice is an error, and so
// is anything that is not valid JSON. Member names are matched exactly (JSON-RPC is case-sensitive), after
// unescaping.
//
// The returned logs do not refer to body, so the caller may reuse it. The topics and data of all logs share a
// few large allocations; each slice's capacity ends at its length, so appending to one never overwrites
// another.
func DecodeResponse(body []byte) ([]types.Log, error) {
	d := decoder{b: body, logIndex: -1}
	return d.response()
}

// decoder is the state of one DecodeResponse.
type decoder struct {
	b   []byte
	pos int

	// logIndex is the position in the result array of the log being decoded, -1 outside of it.
	logIndex int
	// field is the log member being decoded, for error messages.
	field string

	data       []byte        // current chunk of the data arena; len is what is handed out
	topics     []common.Hash // current chunk of the topics arena
	dataUsed   int           // data bytes handed out, all chunks
	topicsUsed int           // topics handed out, all chunks

	scratch []byte // unescaped strings
}

// decodeError is a malformed response: what is wrong and where.
type decodeError struct {
	call     string // the request, when GetLogs knows it
	offset   int
	logIndex int
	field    string
	msg      string
}

func (e *decodeError) Error() string {
	s := "ethlogs: "
	if e.call != "" {
		s += e.call + ": "
	}
	s += "decode response: "
	if e.logIndex >= 0 {
		s += "log " + strconv.Itoa(e.logIndex) + ": "
	}
	if e.field != "" {
		s += e.field + ": "
	}
	return s + e.msg + " at offset " + strconv.Itoa(e.offset)
}

func (d *decoder) fail(msg string) error {
	return &decodeError{offset: d.pos, logIndex: d.logIndex, field: d.field, msg: msg}
}

func (d *decoder) failf(format string, args ...any) error {
	return d.fail(fmt.Sprintf(format, args...))
}

// unexpected is the error for the byte at d.pos (or the end of input) where want was expected.
func (d *decoder) unexpected(want string) error {
	if d.pos >= len(d.b) {
		return d.fail("unexpected end of input, want " + want)
	}
	return d.failf("unexpected %q, want %s", d.b[d.pos], want)
}

// ws skips JSON whitespace.
func (d *decoder) ws() {
	for d.pos < len(d.b) {
		switch d.b[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// peek returns the byte at d.pos, or 0 at the end of input.
func (d *decoder) peek() byte {
	if d.pos < len(d.b) {
		return d.b[d.pos]
	}
	return 0
}

// null consumes a null literal if one is at d.pos.
func (d *decoder) null() bool {
	if bytes.HasPrefix(d.b[d.pos:], litNull) {
		d.pos += len(litNull)
		return true
	}
	return false
}

var (
	litNull  = []byte("null")
	litTrue  = []byte("true")
	litFalse = []byte("false")
)

// next consumes whitespace and then one of the two delimiters; it reports whether it was the closing one.
func (d *decoder) next(closing byte, want string) (bool, error) {
	d.ws()
	if d.pos < len(d.b) {
		switch d.b[d.pos] {
		case ',':
			d.pos++
			d.ws()
			return false, nil
		case closing:
			d.pos++
			return true, nil
		}
	}
	return false, d.unexpected(want)
}

// response decodes the top-level object.
func (d *decoder) response() ([]types.Log, error) {
	d.ws()
	if d.peek() != '{' {
		return nil, d.unexpected("a JSON-RPC response object")
	}
	d.pos++
	d.ws()
	var (
		logs                  []types.Log
		haveResult, haveError bool
		errorRaw              []byte
		errorStart            int
	)
	if d.peek() == '}' {
		d.pos++
	} else {
		for {
			key, err := d.key()
			if err != nil {
				return nil, err
			}
			switch string(key) {
			case "result":
				if haveResult {
					return nil, d.fail("duplicate result member")
				}
				haveResult = true
				if d.null() {
					break
				}
				if d.peek() != '[' {
					return nil, d.unexpected("an array or null as result")
				}
				if logs, err = d.logs(); err != nil {
					return nil, err
				}
			case "error":
				if haveError {
					return nil, d.fail("duplicate error member")
				}
				haveError = true
				if d.null() {
					break
				}
				if d.peek() != '{' {
					return nil, d.unexpected("an object or null as error")
				}
				errorStart = d.pos
				if err := d.skipValue(); err != nil {
					return nil, err
				}
				errorRaw = d.b[errorStart:d.pos]
			default:
				if err := d.skipValue(); err != nil {
					return nil, err
				}
			}
			closed, err := d.next('}', `"," or "}" in the response object`)
			if err != nil {
				return nil, err
			}
			if closed {
				break
			}
		}
	}
	d.ws()
	if d.pos != len(d.b) {
		return nil, d.fail("data after the response object")
	}
	if errorRaw != nil {
		var e errorObject
		if err := json.Unmarshal(errorRaw, &e); err != nil {
			return nil, &decodeError{offset: errorStart, logIndex: -1, field: "error", msg: err.Error()}
		}
		if string(e.Data) == "null" {
			e.Data = nil
		}
		return nil, &RPCError{Code: e.Code, Message: e.Message, Data: e.Data}
	}
	if !haveResult {
		return nil, &decodeError{offset: d.pos, logIndex: -1, msg: "neither result nor error"}
	}
	return logs, nil
}

// key reads an object member's name and the colon after it, leaving d.pos at its value.
// The name is valid until the next call that reads a string.
func (d *decoder) key() ([]byte, error) {
	if d.peek() != '"' {
		return nil, d.unexpected("a member name")
	}
	k, err := d.str()
	if err != nil {
		return nil, err
	}
	d.ws()
	if d.peek() != ':' {
		return nil, d.unexpected(`":"`)
	}
	d.pos++
	d.ws()
	return k, nil
}

// str reads the string at d.pos (which is '"') and returns its content. Escapes are decoded into d.scratch,
// except that \u escapes of non-ASCII characters become 0xff: the result is only matched against ASCII
// names and hex digits, so any non-ASCII byte serves.
func (d *decoder) str() ([]byte, error) {
	b := d.b
	start := d.pos + 1
	for i := start; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			d.pos = i + 1
			return b[start:i], nil
		case c == '\\':
			return d.strEscaped(start, i)
		case c < 0x20:
			d.pos = i
			return nil, d.fail("control character in string")
		}
	}
	d.pos = len(b)
	return nil, d.fail("unterminated string")
}

// strEscaped finishes str from the first backslash at i.
func (d *decoder) strEscaped(start, i int) ([]byte, error) {
	b := d.b
	out := append(d.scratch[:0], b[start:i]...)
	for i < len(b) {
		c := b[i]
		switch {
		case c == '"':
			d.pos = i + 1
			d.scratch = out
			return out, nil
		case c == '\\':
			r, n, err := d.escape(i)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
			i += n
			continue
		case c < 0x20:
			d.pos = i
			return nil, d.fail("control character in string")
		}
		out = append(out, c)
		i++
	}
	d.pos = len(b)
	return nil, d.fail("unterminated string")
}

// escape decodes the escape sequence at i (which is '\\'): the byte it stands for (0xff for a \u escape of a
// non-ASCII character) and its length.
func (d *decoder) escape(i int) (byte, int, error) {
	b := d.b
	if i+1 >= len(b) {
		d.pos = len(b)
		return 0, 0, d.fail("unterminated string")
	}
	switch b[i+1] {
	case '"', '\\', '/':
		return b[i+1], 2, nil
	case 'b':
		return '\b', 2, nil
	case 'f':
		return '\f', 2, nil
	case 'n':
		return '\n', 2, nil
	case 'r':
		return '\r', 2, nil
	case 't':
		return '\t', 2, nil
	case 'u':
		if i+6 > len(b) {
			d.pos = len(b)
			return 0, 0, d.fail("unterminated string")
		}
		var v int
		for _, h := range b[i+2 : i+6] {
			x := unhex[h]
			if x > 15 {
				d.pos = i
				return 0, 0, d.fail(`invalid \u escape`)
			}
			v = v<<4 | int(x)
		}
		if v >= 0x80 {
			return 0xff, 6, nil
		}
		return byte(v), 6, nil
	}
	d.pos = i
	return 0, 0, d.fail("invalid escape in string")
}

// skipString skips the string at d.pos (which is '"'), checking it.
func (d *decoder) skipString() error {
	b := d.b
	for i := d.pos + 1; i < len(b); {
		switch c := b[i]; {
		case c == '"':
			d.pos = i + 1
			return nil
		case c == '\\':
			_, n, err := d.escape(i)
			if err != nil {
				return err
			}
			i += n
		case c < 0x20:
			d.pos = i
			return d.fail("control character in string")
		default:
			i++
		}
	}
	d.pos = len(b)
	return d.fail("unterminated string")
}

// skipNumber skips the number at d.pos, checking its syntax.
func (d *decoder) skipNumber() error {
	b, i := d.b, d.pos
	digits := func() bool {
		s := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		return i > s
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		digits()
	default:
		d.pos = i
		return d.unexpected("a digit")
	}
	if i < len(b) && b[i] == '.' {
		i++
		if !digits() {
			d.pos = i
			return d.unexpected("a digit after the decimal point")
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if !digits() {
			d.pos = i
			return d.unexpected("a digit in the exponent")
		}
	}
	d.pos = i
	return nil
}

// literal consumes lit at d.pos or fails.
func (d *decoder) literal(lit []byte) error {
	if !bytes.HasPrefix(d.b[d.pos:], lit) {
		return d.unexpected(string(lit))
	}
	d.pos += len(lit)
	return nil
}

// skipValue skips any JSON value at d.pos, checking it. It is iterative, so deep nesting cannot exhaust the
// stack; the nesting is bounded by maxDepth all the same.
func (d *decoder) skipValue() error {
	var stackBuf [64]byte
	stack := stackBuf[:0] // open containers, '{' or '['
	for {
		// A value starts at d.pos.
		if d.pos >= len(d.b) {
			return d.unexpected("a value")
		}
		switch c := d.b[d.pos]; c {
		case '{', '[':
			d.pos++
			d.ws()
			if closing := c + 2; d.peek() == closing { // '}' is '{'+2, ']' is '['+2
				d.pos++
				break
			}
			if len(stack) >= maxDepth {
				return d.fail("nesting too deep")
			}
			stack = append(stack, c)
			if c == '{' {
				if err := d.skipKey(); err != nil {
					return err
				}
			}
			continue
		case '"':
			if err := d.skipString(); err != nil {
				return err
			}
		case 't':
			if err := d.literal(litTrue); err != nil {
				return err
			}
		case 'f':
			if err := d.literal(litFalse); err != nil {
				return err
			}
		case 'n':
			if err := d.literal(litNull); err != nil {
				return err
			}
		case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			if err := d.skipNumber(); err != nil {
				return err
			}
		default:
			return d.unexpected("a value")
		}
		// A value ended: close containers until one continues with another element.
		for {
			if len(stack) == 0 {
				return nil
			}
			open := stack[len(stack)-1]
			closed, err := d.next(open+2, `"," or the end of a container`)
			if err != nil {
				return err
			}
			if !closed {
				if open == '{' {
					if err := d.skipKey(); err != nil {
						return err
					}
				}
				break
			}
			stack = stack[:len(stack)-1]
		}
	}
}

// skipKey skips a member name and its colon.
func (d *decoder) skipKey() error {
	if d.peek() != '"' {
		return d.unexpected("a member name")
	}
	if err := d.skipString(); err != nil {
		return err
	}
	d.ws()
	if d.peek() != ':' {
		return d.unexpected(`":"`)
	}
	d.pos++
	d.ws()
	return nil
}

// logs decodes the result array at d.pos (which is '[').
func (d *decoder) logs() ([]types.Log, error) {
	d.pos++
	d.ws()
	if d.peek() == ']' {
		d.pos++
		return []types.Log{}, nil
	}
	var logs []types.Log
	start := d.pos
	for {
		if len(logs) == cap(logs) {
			logs = d.growLogs(logs, start)
		}
		d.logIndex = len(logs)
		logs = logs[:len(logs)+1]
		if err := d.log(&logs[len(logs)-1]); err != nil {
			return nil, err
		}
		closed, err := d.next(']', `"," or "]" in the result array`)
		if err != nil {
			return nil, err
		}
		if closed {
			d.logIndex = -1
			return logs, nil
		}
	}
}

// growLogs returns logs with room for the logs that the rest of the body likely holds, judging by the
// bytes per log so far (the array started at start), and at least half as many as it has.
func (d *decoder) growLogs(logs []types.Log, start int) []types.Log {
	extra := 1 // the first log tells how long logs are
	if n := len(logs); n > 0 {
		rest := len(d.b) - d.pos
		est := n * rest / max(d.pos-start, 1)
		extra = max(min(est+est/8+1, rest/minLogBytes+1), n/2)
	}
	grown := make([]types.Log, len(logs), len(logs)+extra)
	copy(grown, logs)
	return grown
}

// chunkSize is the size of a new arena chunk: used so far extrapolated to the rest of the body (or guess
// when nothing was used yet), at most bound, at least least.
func (d *decoder) chunkSize(used, guess, least, bound int) int {
	rest := len(d.b) - d.pos
	size := guess
	if used > 0 && d.pos > 0 {
		est := used * rest / d.pos
		size = est + est/8
	}
	return max(min(size, bound), least)
}

// log decodes one log object at d.pos into l.
func (d *decoder) log(l *types.Log) error {
	if d.peek() != '{' {
		return d.unexpected("a log object")
	}
	d.pos++
	d.ws()
	var seen, set uint16
	if d.peek() == '}' {
		d.pos++
	} else {
		for {
			key, err := d.key()
			if err != nil {
				return err
			}
			var f uint16
			switch string(key) {
			case "address":
				f = fAddress
			case "topics":
				f = fTopics
			case "data":
				f = fData
			case "blockNumber":
				f = fBlockNumber
			case "transactionHash":
				f = fTxHash
			case "transactionIndex":
				f = fTxIndex
			case "blockHash":
				f = fBlockHash
			case "blockTimestamp":
				f = fBlockTimestamp
			case "logIndex":
				f = fLogIndex
			case "removed":
				f = fRemoved
			default:
				if err := d.skipValue(); err != nil {
					return err
				}
			}
			if f != 0 {
				if seen&f != 0 {
					d.field = fieldNames[bits.TrailingZeros16(f)]
					return d.fail("duplicate member")
				}
				seen |= f
				isSet, err := d.field1(l, f)
				if err != nil {
					return err
				}
				if isSet {
					set |= f
				}
			}
			closed, err := d.next('}', `"," or "}" in the log object`)
			if err != nil {
				return err
			}
			if closed {
				break
			}
		}
	}
	if missing := required &^ set; missing != 0 {
		return d.fail("missing " + fieldNames[bits.TrailingZeros16(missing)])
	}
	return nil
}

// field1 decodes the value at d.pos of the log member f and reports whether it was set: a null value leaves
// l as it is.
func (d *decoder) field1(l *types.Log, f uint16) (bool, error) {
	if d.null() {
		return false, nil
	}
	d.field = fieldNames[bits.TrailingZeros16(f)]
	var err error
	switch f {
	case fAddress:
		err = d.fixed(l.Address[:])
	case fTopics:
		l.Topics, err = d.topicList()
	case fData:
		l.Data, err = d.bytes()
	case fBlockNumber:
		l.BlockNumber, err = d.quantity()
	case fTxHash:
		err = d.fixed(l.TxHash[:])
	case fTxIndex:
		l.TxIndex, err = d.uint()
	case fBlockHash:
		err = d.fixed(l.BlockHash[:])
	case fBlockTimestamp:
		l.BlockTimestamp, err = d.quantity()
	case fLogIndex:
		l.Index, err = d.uint()
	case fRemoved:
		switch d.peek() {
		case 't':
			err = d.literal(litTrue)
			l.Removed = true
		case 'f':
			err = d.literal(litFalse)
			l.Removed = false
		default:
			err = d.unexpected("true, false or null")
		}
	}
	if err != nil {
		return false, err
	}
	d.field = ""
	return true, nil
}

// hexString reads the string at d.pos as "0x" + hex digits and returns the digits (unescaped if need be).
func (d *decoder) hexString() ([]byte, error) {
	if d.peek() != '"' {
		return nil, d.unexpected("a hex string")
	}
	start := d.pos
	s, err := d.str()
	if err != nil {
		return nil, err
	}
	if len(s) < 2 || s[0] != '0' || s[1]|0x20 != 'x' {
		d.pos = start
		return nil, d.fail("hex string without 0x prefix")
	}
	return s[2:], nil
}

// fixed decodes a hex string of exactly len(dst) bytes into dst.
func (d *decoder) fixed(dst []byte) error {
	b, p, n := d.b, d.pos, 2*len(dst)
	// Fast path: "0x" + n hex digits + '"', no escapes.
	if end := p + 3 + n; end < len(b) && b[p] == '"' && b[p+1] == '0' && b[p+2]|0x20 == 'x' && b[end] == '"' &&
		decodeHex(dst, b[p+3:end]) {
		d.pos = end + 1
		return nil
	}
	start := d.pos
	s, err := d.hexString()
	if err != nil {
		return err
	}
	if len(s) != n {
		d.pos = start
		return d.failf("hex string of %d digits, want %d", len(s), n)
	}
	if !decodeHex(dst, s) {
		d.pos = start
		return d.fail("invalid hex digit")
	}
	return nil
}

// bytes decodes a hex string of any even length into the data arena.
func (d *decoder) bytes() ([]byte, error) {
	b, p := d.b, d.pos
	// Fast path: "0x" + hex digits + '"', no escapes.
	if p+3 < len(b) && b[p] == '"' && b[p+1] == '0' && b[p+2]|0x20 == 'x' {
		if q := bytes.IndexByte(b[p+3:], '"'); q >= 0 && q%2 == 0 {
			saved, savedUsed := d.data, d.dataUsed // allocData may start a new chunk: restore the old one
			dst := d.allocData(q / 2)
			if decodeHex(dst, b[p+3:p+3+q]) {
				d.pos = p + 3 + q + 1
				return dst, nil
			}
			d.data, d.dataUsed = saved, savedUsed
		}
	}
	start := d.pos
	s, err := d.hexString()
	if err != nil {
		return nil, err
	}
	if len(s)%2 != 0 {
		d.pos = start
		return nil, d.fail("odd number of hex digits")
	}
	dst := d.allocData(len(s) / 2)
	if !decodeHex(dst, s) {
		d.pos = start
		return nil, d.fail("invalid hex digit")
	}
	return dst, nil
}

// allocData returns n bytes from the data arena, with a capacity of n.
func (d *decoder) allocData(n int) []byte {
	if n == 0 {
		return []byte{}
	}
	if n > cap(d.data)-len(d.data) {
		// The rest of the body, from this string on, holds at most half its length in bytes.
		rest := len(d.b) - d.pos
		d.data = make([]byte, 0, max(d.chunkSize(d.dataUsed, rest/8, minDataChunk, min(rest/2, maxDataChunk)), n))
	}
	d.dataUsed += n
	off := len(d.data)
	d.data = d.data[:off+n]
	return d.data[off : off+n : off+n]
}

// topicList decodes an array of 32-byte hex strings into the topics arena.
func (d *decoder) topicList() ([]common.Hash, error) {
	if d.peek() != '[' {
		return nil, d.unexpected("an array of topics")
	}
	d.pos++
	d.ws()
	if d.peek() == ']' {
		d.pos++
		return []common.Hash{}, nil
	}
	start := len(d.topics)
	for {
		if len(d.topics) == cap(d.topics) {
			d.growTopics(start)
			start = 0
		}
		n := len(d.topics)
		d.topics = d.topics[:n+1]
		d.topicsUsed++
		if err := d.fixed(d.topics[n][:]); err != nil {
			return nil, err
		}
		closed, err := d.next(']', `"," or "]" in topics`)
		if err != nil {
			return nil, err
		}
		if closed {
			end := len(d.topics)
			return d.topics[start:end:end], nil
		}
	}
}

// growTopics starts a new topics chunk, moving the topics of the log being decoded (from start) into it.
func (d *decoder) growTopics(start int) {
	// A topic takes at least 67 bytes of JSON ("0x", 64 digits and a comma or bracket).
	rest := len(d.b) - d.pos
	size := d.chunkSize(d.topicsUsed, rest/512, minTopicChunk, min(rest/67+1, maxTopicChunk))
	partial := d.topics[start:]
	chunk := make([]common.Hash, len(partial), len(partial)+size)
	copy(chunk, partial)
	d.topics = chunk
}

// quantity decodes a hex quantity ("0x" + 1 to 64 bits of hex digits, leading zeros allowed).
func (d *decoder) quantity() (uint64, error) {
	b, p := d.b, d.pos
	// Fast path: "0x" + digits that fit + '"'.
	if p+3 < len(b) && b[p] == '"' && b[p+1] == '0' && b[p+2]|0x20 == 'x' {
		var v uint64
		i := p + 3
		for ; i < len(b); i++ {
			x := unhex[b[i]]
			if x > 15 || v>>60 != 0 {
				break
			}
			v = v<<4 | uint64(x)
		}
		if i > p+3 && i < len(b) && b[i] == '"' {
			d.pos = i + 1
			return v, nil
		}
	}
	start := d.pos
	s, err := d.hexString()
	if err != nil {
		return 0, err
	}
	if len(s) == 0 {
		d.pos = start
		return 0, d.fail("empty hex quantity")
	}
	var v uint64
	for _, c := range s {
		x := unhex[c]
		if x > 15 {
			d.pos = start
			return 0, d.fail("invalid hex digit")
		}
		if v>>60 != 0 {
			d.pos = start
			return 0, d.fail("hex quantity exceeds 64 bits")
		}
		v = v<<4 | uint64(x)
	}
	return v, nil
}

// uint decodes a hex quantity that must fit a uint.
func (d *decoder) uint() (uint, error) {
	start := d.pos
	v, err := d.quantity()
	if err != nil {
		return 0, err
	}
	if v > math.MaxUint {
		d.pos = start
		return 0, d.fail("hex quantity exceeds the range of uint")
	}
	return uint(v), nil
}

// decodeHex decodes 2*len(dst) hex digits from src (which must be that long) into dst and reports whether
// they were all hex digits. It works on 8 digits at a time in a uint64 (SWAR): most of a response is hex.
func decodeHex(dst, src []byte) bool {
	if len(src) != 2*len(dst) {
		return false
	}
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	for len(src) >= 8 {
		x := binary.LittleEndian.Uint64(src)
		// Every lane below 0x80 first, so that the range checks below cannot carry into the next lane.
		if x&highs != 0 {
			return false
		}
		// A lane's high bit is set by x+(0x80-lo) when x >= lo, and by x+(0x7f-hi) when x > hi.
		y := x | 0x20*ones // 'A'-'F' to 'a'-'f'
		digit := (x + (0x80-'0')*ones) &^ (x + (0x7f-'9')*ones) & highs
		letter := (y + (0x80-'a')*ones) &^ (y + (0x7f-'f')*ones) & highs
		if digit|letter != highs {
			return false
		}
		nib := x&(0x0f*ones) + (letter>>7)*9 // each lane's value, 0-15
		// Pairs of lanes (high digit first in memory, so in the low byte) into bytes, then the bytes together.
		t := (nib&0x000f000f000f000f)<<4 | (nib>>8)&0x000f000f000f000f
		t = (t | t>>8) & 0x0000ffff0000ffff
		t = (t | t>>16) & 0xffffffff
		binary.LittleEndian.PutUint32(dst, uint32(t))
		src, dst = src[8:], dst[4:]
	}
	var bad byte
	for i := range dst {
		hi, lo := unhex[src[2*i]], unhex[src[2*i+1]]
		bad |= hi | lo
		dst[i] = hi<<4 | lo
	}
	return bad&0xf0 == 0
}
