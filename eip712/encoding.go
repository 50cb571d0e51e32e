package eip712

import (
	"encoding/json"
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	fastjson "github.com/goccy/go-json"
)

// uintWord encodes x as a uintN word; nil is zero.
func uintWord(x *big.Int, bits int) ([]byte, error) {
	if x == nil {
		return make([]byte, 32), nil
	}
	if x.Sign() < 0 || x.BitLen() > bits {
		return nil, fmt.Errorf("%w: %s does not fit uint%d", ErrInvalidValue, x, bits)
	}
	return common.LeftPadBytes(x.Bytes(), 32), nil
}

// builder collects a message's fields, keeping the first error.
type builder struct {
	fs  []field
	err error
}

func (b *builder) uint(name string, bits int, x *big.Int) {
	w, err := uintWord(x, bits)
	if err != nil {
		if b.err == nil {
			b.err = fmt.Errorf("%s: %w", name, err)
		}
		return
	}
	s := "0"
	if x != nil {
		s = x.String()
	}
	b.fs = append(b.fs, field{Name: name, Type: fmt.Sprintf("uint%d", bits), word: w, json: s})
}

func (b *builder) address(name string, a common.Address) {
	b.fs = append(b.fs, field{Name: name, Type: "address", word: common.LeftPadBytes(a.Bytes(), 32), json: a.Hex()})
}

func (b *builder) bytes32(name string, h common.Hash) {
	b.fs = append(b.fs, field{Name: name, Type: "bytes32", word: h.Bytes(), json: h.Hex()})
}

// string encodes a string member as EIP-712 does: its word is keccak256 of its UTF-8 bytes.
func (b *builder) string(name, s string) {
	b.fs = append(b.fs, field{Name: name, Type: "string", word: crypto.Keccak256([]byte(s)), json: s})
}

// uints encodes a uintN[] member: its word is keccak256 of the elements' words.
func (b *builder) uints(name string, bits int, xs []*big.Int) {
	words := make([][]byte, 0, len(xs))
	strs := make([]string, 0, len(xs))
	for i, x := range xs {
		w, err := uintWord(x, bits)
		if err != nil {
			if b.err == nil {
				b.err = fmt.Errorf("%s[%d]: %w", name, i, err)
			}
			return
		}
		words = append(words, w)
		strs = append(strs, bigOrZero(x).String())
	}
	b.array(name, fmt.Sprintf("uint%d[]", bits), words, strs)
}

func (b *builder) addresses(name string, as []common.Address) {
	words := make([][]byte, len(as))
	strs := make([]string, len(as))
	for i, a := range as {
		words[i], strs[i] = common.LeftPadBytes(a.Bytes(), 32), a.Hex()
	}
	b.array(name, "address[]", words, strs)
}

func (b *builder) hashes(name string, hs []common.Hash) {
	words := make([][]byte, len(hs))
	strs := make([]string, len(hs))
	for i, h := range hs {
		words[i], strs[i] = h.Bytes(), h.Hex()
	}
	b.array(name, "bytes32[]", words, strs)
}

func (b *builder) array(name, typ string, words [][]byte, strs []string) {
	b.fs = append(b.fs, field{Name: name, Type: typ, word: crypto.Keccak256(words...), json: strs})
}

// values decodes the members of a JSON object, keeping the first error and remembering which keys were
// read so that done can reject unknown ones.
type values struct {
	raw  map[string]json.RawMessage
	seen map[string]bool
	err  error
}

func newValues(raw map[string]json.RawMessage) *values {
	return &values{raw: raw, seen: make(map[string]bool, len(raw))}
}

func (v *values) fail(key string, err error) {
	if v.err == nil {
		v.err = fmt.Errorf("%s: %w", key, err)
	}
}

// get returns the value under key as a string (JSON strings unquoted, numbers as written).
func (v *values) get(key string) (string, bool) {
	v.seen[key] = true
	raw, ok := v.raw[key]
	if !ok {
		v.fail(key, fmt.Errorf("%w: missing", ErrInvalidValue))
		return "", false
	}
	var s string
	if err := fastjson.Unmarshal(raw, &s); err == nil {
		return s, true
	}
	var n json.Number
	if err := fastjson.Unmarshal(raw, &n); err == nil {
		return n.String(), true
	}
	v.fail(key, fmt.Errorf("%w: %s is neither a string nor a number", ErrInvalidValue, raw))
	return "", false
}

func (v *values) string(key string) string {
	s, _ := v.get(key)
	return s
}

// text reads a string member, which must be a JSON string (a number is not a string here).
func (v *values) text(key string) string {
	v.seen[key] = true
	raw, ok := v.raw[key]
	if !ok {
		v.fail(key, fmt.Errorf("%w: missing", ErrInvalidValue))
		return ""
	}
	var s string
	if err := fastjson.Unmarshal(raw, &s); err != nil {
		v.fail(key, fmt.Errorf("%w: %s is not a string", ErrInvalidValue, raw))
	}
	return s
}

// uint parses a decimal or 0x-hex unsigned integer that fits bits. It never returns nil.
func (v *values) uint(key string, bits int) *big.Int {
	s, ok := v.get(key)
	if !ok {
		return new(big.Int)
	}
	x, ok := new(big.Int), false
	if hex, isHex := strings.CutPrefix(s, "0x"); isHex {
		_, ok = x.SetString(hex, 16)
	} else {
		_, ok = x.SetString(s, 10)
	}
	if !ok || x.Sign() < 0 || x.BitLen() > bits {
		v.fail(key, fmt.Errorf("%w: %q is not a uint%d", ErrInvalidValue, s, bits))
		return new(big.Int)
	}
	return x
}

func (v *values) address(key string) common.Address {
	s, ok := v.get(key)
	if !ok {
		return common.Address{}
	}
	if !common.IsHexAddress(s) || !strings.HasPrefix(s, "0x") {
		v.fail(key, fmt.Errorf("%w: %q is not an address", ErrInvalidValue, s))
		return common.Address{}
	}
	return common.HexToAddress(s)
}

func (v *values) bytes32(key string) common.Hash {
	s, ok := v.get(key)
	if !ok {
		return common.Hash{}
	}
	h := common.Hash{}
	if err := h.UnmarshalText([]byte(s)); err != nil {
		v.fail(key, fmt.Errorf("%w: %q is not a bytes32", ErrInvalidValue, s))
	}
	return h
}

// list reads an array member: a JSON array whose elements are read like scalar members.
func (v *values) list(key string) []json.RawMessage {
	v.seen[key] = true
	raw, ok := v.raw[key]
	if !ok {
		v.fail(key, fmt.Errorf("%w: missing", ErrInvalidValue))
		return nil
	}
	var items []json.RawMessage
	if err := fastjson.Unmarshal(raw, &items); err != nil {
		v.fail(key, fmt.Errorf("%w: %s is not an array", ErrInvalidValue, raw))
		return nil
	}
	return items
}

// each decodes the elements of array member key with read, as scalar members named key[i].
func each[T any](v *values, key string, read func(*values, string) T) []T {
	items := v.list(key)
	out := make([]T, 0, len(items))
	for i, item := range items {
		name := fmt.Sprintf("%s[%d]", key, i)
		sub := &values{raw: map[string]json.RawMessage{name: item}, seen: map[string]bool{}}
		x := read(sub, name)
		if sub.err != nil {
			v.fail(key, sub.err)
			return nil
		}
		out = append(out, x)
	}
	return out
}

func (v *values) uints(key string, bits int) []*big.Int {
	return each(v, key, func(s *values, k string) *big.Int { return s.uint(k, bits) })
}

func (v *values) addresses(key string) []common.Address {
	return each(v, key, func(s *values, k string) common.Address { return s.address(k) })
}

func (v *values) hashes(key string) []common.Hash {
	return each(v, key, func(s *values, k string) common.Hash { return s.bytes32(k) })
}

// done reports the first error, or any key that no member read.
func (v *values) done() error {
	if v.err != nil {
		return v.err
	}
	var extra []string
	for k := range v.raw {
		if !v.seen[k] {
			extra = append(extra, k)
		}
	}
	if len(extra) > 0 {
		sort.Strings(extra)
		return fmt.Errorf("%w: unknown members %s", ErrInvalidValue, strings.Join(extra, ", "))
	}
	return nil
}
