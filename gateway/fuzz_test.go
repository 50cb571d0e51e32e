package gateway_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/gateway"
	"github.com/agoralabs/agora/seed"
)

// The fuzz targets of issue 14 (docs/gateway.md, "Fuzzing"): for every handler that takes input, a target
// that hands it the fuzzer's raw bytes (a body, a query string, a stream message: the decoding is attacked)
// and, for the signed messages, a target whose typed arguments build a message that is then signed with a
// real key (anvil's and the seeded agents'), so that inputs get past the signature to the rules and the
// store. Every input is judged by fuzzEnv.judge: never a 5xx or a panic, every error a problem+json with a
// code, nothing stored unless the answer was 2xx. The stack is real (fuzz_env_test.go).

// hostileBodies are seeds every raw body target starts from, besides its good bodies.
var hostileBodies = []string{
	"", "null", "{}", "[]", `"typedData"`, "0", "-0", "1e999999", "\x00", "\xff\xfe\xfd", "{", `{"typedData":`,
	`{"typedData":null,"signature":null}`, `{"typedData":{},"signature":"0x"}`, `{"typedData":"RFQ","signature":"0x00"}`,
	`{"typedData":{}}{}`, `{"typedData":{},"typedData":{}}`, `{"unknown":1}`, `{"typedData":[],"signature":[]}`,
	`{"typedData":{"types":{},"primaryType":"RFQ","domain":{},"message":{}},"signature":"0x1234"}`,
	`{"typedData":{"primaryType":"__proto__"},"signature":"0x` + strings.Repeat("ab", 65) + `"}`,
	`{"signature":"0x` + strings.Repeat("0", 129) + `"}`, `{"signature":"` + strings.Repeat("\\u0000", 100) + `"}`,
	strings.Repeat("[", 10_000), `{"typedData":` + strings.Repeat(`{"a":`, 2_000) + "1" + strings.Repeat("}", 2_000) + "}",
}

// addHostile adds the hostile bodies and good's mutations: each message member set to boundary values.
func addHostile(good []byte, add func([]byte)) {
	for _, b := range hostileBodies {
		add([]byte(b))
	}
	add(good)
	var req map[string]json.RawMessage
	if json.Unmarshal(good, &req) != nil {
		return
	}
	var td map[string]json.RawMessage
	if json.Unmarshal(req["typedData"], &td) != nil {
		return
	}
	var msg map[string]any
	if json.Unmarshal(td["message"], &msg) != nil {
		return
	}
	max256 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)).String()
	over256 := new(big.Int).Lsh(big.NewInt(1), 256).String()
	boundaries := []any{"0", "-1", "0x", "0x0", "1e3", 1000, 1e300, -1, "18446744073709551615", "18446744073709551616",
		"253402300799", "253402300800", max256, over256, "0x" + strings.Repeat("f", 65), "", "a\x00b", "\u202e", true, nil,
		[]any{}, map[string]any{}, "0xZZ", "0x00000000000000000000000000000000000000000", strings.Repeat("9", 100)}
	with := func(mutate func(td map[string]json.RawMessage)) {
		c := map[string]json.RawMessage{}
		for k, v := range td {
			c[k] = v
		}
		mutate(c)
		r := map[string]json.RawMessage{}
		for k, v := range req {
			r[k] = v
		}
		r["typedData"], _ = json.Marshal(c)
		b, _ := json.Marshal(r)
		add(b)
	}
	keys := make([]string, 0, len(msg))
	for key := range msg {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	for i, key := range keys {
		for j := range 3 { // three boundaries a member, in turn: the fuzzer crosses them over
			v := boundaries[(3*i+j)%len(boundaries)]
			with(func(c map[string]json.RawMessage) {
				m := map[string]any{}
				for k, x := range msg {
					m[k] = x
				}
				m[key] = v
				c["message"], _ = json.Marshal(m)
			})
		}
	}
	for _, domain := range []string{`{}`, `{"name":"AgoraEscrow","version":"1","chainId":"0x7a69","verifyingContract":"0x0"}`,
		`{"name":"AgoraEscrow","version":"1","chainId":31337,"verifyingContract":"0x5FbDB2315678afecb367f032d93F642f64180aa3","salt":"0x"}`,
		`{"name":"AgoraEscrow","version":"1","chainId":"` + over256 + `","verifyingContract":"0x5FbDB2315678afecb367f032d93F642f64180aa3"}`} {
		with(func(c map[string]json.RawMessage) { c["domain"] = json.RawMessage(domain) })
	}
	with(func(c map[string]json.RawMessage) { c["types"] = json.RawMessage(`{"EIP712Domain":[]}`) })
	with(func(c map[string]json.RawMessage) { c["primaryType"] = json.RawMessage(`"Heartbeat"`) })
	with(func(c map[string]json.RawMessage) { c["extra"] = json.RawMessage(`1`) })
}

// ---- POST /v1/rfqs ----

// rfqArgs are the signed RFQ target's arguments.
type rfqArgs struct {
	Buyer                uint8 // the signing key (the buyer is its address)
	Capability           string
	MaxPrice, FloorPrice []byte
	Deadline             int64 // deliveryDeadline: seconds from now (flagAbsTime1: itself)
	Window               uint32
	Auction              uint8
	Provider             uint8 // 0: none, else fuzzEnv.agentID(Provider-1)
	Validator, Arbiter   uint8 // fuzzEnv.address
	Token, Threshold     uint8
	Review               uint64
	Penalty              uint16
	Nonce                []byte
	Expiry               int64 // seconds from now (flagAbsTime2: itself)
	Flags                uint16
}

func (a rfqArgs) add(f *testing.F) {
	f.Add(a.Buyer, a.Capability, a.MaxPrice, a.FloorPrice, a.Deadline, a.Window, a.Auction, a.Provider, a.Validator,
		a.Arbiter, a.Token, a.Threshold, a.Review, a.Penalty, a.Nonce, a.Expiry, a.Flags)
}

func goodRFQ() rfqArgs {
	return rfqArgs{Capability: "invoice ocr", MaxPrice: []byte{0x03, 0xe8}, Deadline: 3600, Window: 2000, Token: 2,
		Review: 3600, Expiry: 600, Flags: flagFreshNonce}
}

// rfqBody builds, signs and encodes the RFQ of a.
func (fe *fuzzEnv) rfqBody(t testing.TB, now time.Time, a rfqArgs) []byte {
	key := fe.key(a.Buyer)
	buyer := addressOf(key)
	r := eip712.RFQ{Buyer: buyer, Capability: a.Capability, InputSpecHash: crypto.Keccak256Hash([]byte(a.Capability)),
		Token: fe.address(a.Token, buyer), MaxPrice: bigOf(a.MaxPrice, 256), FloorPrice: bigOf(a.FloorPrice, 256),
		DeliveryDeadline: at(now, a.Deadline, a.Flags&flagAbsTime1 != 0), QuoteWindowMs: a.Window, Auction: a.Auction,
		ProviderAgentID: new(big.Int), Validator: fe.address(a.Validator, buyer), ValidationThreshold: a.Threshold,
		Arbiter: fe.address(a.Arbiter, buyer), ReviewWindow: a.Review, LatePenaltyBps: a.Penalty, Nonce: bigOf(a.Nonce, 256),
		Expiry: at(now, a.Expiry, a.Flags&flagAbsTime2 != 0)}
	if a.Provider != 0 {
		r.ProviderAgentID = fe.agentID(a.Provider - 1)
	}
	if a.Flags&flagFreshNonce != 0 {
		r.Nonce = fe.fresh()
	}
	d := domainOf(fe.market, a.Flags)
	return body(t, d, r, map[string][]byte{"signature": signature(t, d, r, key, fe.key(a.Buyer+1), a.Flags)})
}

// rfqStored is what an accepted RFQ stores: the RFQ and its buyer's nonce.
func rfqStored(before, after stored) string {
	if after.RFQs != before.RFQs+1 || after.Nonces != before.Nonces+1 {
		return "did not store one RFQ and one nonce"
	}
	return ""
}

func FuzzPostRFQ(f *testing.F) {
	fe := fuzzSetup(f)
	addHostile(fe.rfqBody(f, time.Now(), goodRFQ()), func(b []byte) { f.Add(b) })
	f.Fuzz(func(t *testing.T, b []byte) {
		before, mark := fe.stored(t), fe.logs.mark()
		fe.judge(t, fe.post("/v1/rfqs", b), before, mark, rfqStored)
	})
}

func FuzzPostRFQSigned(f *testing.F) {
	fe := fuzzSetup(f)
	const max64 = -1                      // with an abs flag: 2^64-1
	unregistered := uint8(len(fe.agents)) // fuzzEnv.agentID: an unregistered agent, then 2^96, then 2^256-1
	seeds := []func(*rfqArgs){
		func(a *rfqArgs) {},
		func(a *rfqArgs) { a.Auction, a.FloorPrice = eip712.AuctionSecondPrice, nil },
		func(a *rfqArgs) { a.Auction, a.FloorPrice = eip712.AuctionDutch, []byte{100} },
		func(a *rfqArgs) { a.Auction, a.Provider = eip712.AuctionDirect, 1 },
		func(a *rfqArgs) { a.Auction, a.Provider = eip712.AuctionDirect, unregistered+1 },
		func(a *rfqArgs) { a.Auction, a.FloorPrice = eip712.AuctionDutch, []byte{0x03, 0xe9} },
		func(a *rfqArgs) { a.Auction = 4 },
		func(a *rfqArgs) { a.Auction = 255 },
		func(a *rfqArgs) { a.Deadline, a.Flags = max64, a.Flags|flagAbsTime1 },
		func(a *rfqArgs) { a.Deadline, a.Flags = 10_000_000_000_000, a.Flags|flagAbsTime1 },
		func(a *rfqArgs) { a.Deadline, a.Flags = 253402300799-3600, a.Flags|flagAbsTime1 },
		func(a *rfqArgs) { a.Deadline, a.Flags = 0, a.Flags|flagAbsTime1 },
		func(a *rfqArgs) { a.Deadline = -1 },
		func(a *rfqArgs) { a.Expiry, a.Flags = max64, a.Flags|flagAbsTime2 },
		func(a *rfqArgs) { a.Expiry = 0 },
		func(a *rfqArgs) { a.Expiry = 24*3600 + 1 },
		func(a *rfqArgs) { a.Expiry = 2 }, // inside the quote window
		func(a *rfqArgs) { a.Window = 0 },
		func(a *rfqArgs) { a.Window = 49 },
		func(a *rfqArgs) { a.Window = 60_000 },
		func(a *rfqArgs) { a.Window = ^uint32(0) },
		func(a *rfqArgs) { a.MaxPrice = nil },
		func(a *rfqArgs) { a.MaxPrice = bytes.Repeat([]byte{0xff}, 32) },
		func(a *rfqArgs) { a.Capability = "invoice\x00ocr" },
		func(a *rfqArgs) { a.Capability = "invoice\nocr" },
		func(a *rfqArgs) { a.Capability = "" },
		func(a *rfqArgs) { a.Capability = "  " },
		func(a *rfqArgs) { a.Capability = strings.Repeat("x", 201) },
		func(a *rfqArgs) { a.Capability = strings.Repeat("é", 100) },
		func(a *rfqArgs) { a.Capability = "\xff\xfe" },
		func(a *rfqArgs) { a.Capability = "invoice \u202eocr" },
		func(a *rfqArgs) { a.Validator, a.Threshold = 0, 50 },
		func(a *rfqArgs) { a.Validator, a.Threshold = 5, 101 },
		func(a *rfqArgs) { a.Validator, a.Arbiter, a.Threshold = 5, 6, 100 },
		func(a *rfqArgs) { a.Validator, a.Arbiter, a.Threshold = 5, 0, 60 },
		func(a *rfqArgs) { a.Validator, a.Arbiter = 1, 6 }, // the buyer validates
		func(a *rfqArgs) { a.Arbiter = 1 },
		func(a *rfqArgs) { a.Review = 30*24*3600 + 1 },
		func(a *rfqArgs) { a.Review = ^uint64(0) },
		func(a *rfqArgs) { a.Penalty = 10_000 },
		func(a *rfqArgs) { a.Penalty = 10_001 },
		func(a *rfqArgs) { a.Penalty = ^uint16(0) },
		func(a *rfqArgs) { a.Token = 0 },
		func(a *rfqArgs) { a.Token = 3 },
		func(a *rfqArgs) { a.Provider = 1 }, // a provider on a sealed auction
		func(a *rfqArgs) { a.Nonce, a.Flags = []byte{7}, 0 },
		func(a *rfqArgs) { a.Nonce, a.Flags = []byte{7}, 0 }, // the same nonce again
		func(a *rfqArgs) { a.Nonce, a.Flags = bytes.Repeat([]byte{0xff}, 32), 0 },
	}
	for mode := uint16(1); mode < 8; mode++ {
		seeds = append(seeds, func(a *rfqArgs) { a.Flags |= mode << spoilShift })
	}
	for d := uint16(1); d < 4; d++ {
		seeds = append(seeds, func(a *rfqArgs) { a.Flags |= d << domainShift })
	}
	for _, s := range seeds {
		a := goodRFQ()
		s(&a)
		a.add(f)
	}
	f.Fuzz(func(t *testing.T, buyer uint8, capability string, maxPrice, floorPrice []byte, deadline int64, window uint32,
		auction, provider, validator, arbiter, token, threshold uint8, review uint64, penalty uint16, nonce []byte,
		expiry int64, flags uint16) {
		b := fe.rfqBody(t, time.Now(), rfqArgs{buyer, capability, maxPrice, floorPrice, deadline, window, auction, provider,
			validator, arbiter, token, threshold, review, penalty, nonce, expiry, flags})
		before, mark := fe.stored(t), fe.logs.mark()
		fe.judge(t, fe.post("/v1/rfqs", b), before, mark, rfqStored)
	})
}

// ---- POST /v1/rfqs/{id}/quotes ----

// quoteArgs are the signed quote target's arguments.
type quoteArgs struct {
	RFQ        uint8 // the RFQ kind (rfqFirstPrice, ...), or past them an id no RFQ has
	Agent      uint8 // fuzzEnv.agentID: 0..2 are online
	Provider   uint8 // the provider address and key: 0 the agent's wallet, 1 its owner, 2 the RFQ's buyer, else keys
	Price      []byte
	Deadline   int64 // deliveryDeadline: seconds from now (flagAbsTime1: itself)
	SLA        []byte
	Nonce      []byte
	ValidUntil int64 // seconds from now (flagAbsTime2: itself)
	Flags      uint16
}

func (a quoteArgs) add(f *testing.F) {
	f.Add(a.RFQ, a.Agent, a.Provider, a.Price, a.Deadline, a.SLA, a.Nonce, a.ValidUntil, a.Flags)
}

func goodQuote() quoteArgs {
	return quoteArgs{Price: []byte{0x01, 0xf4}, Deadline: 1800, SLA: []byte("sla"), ValidUntil: 300, Flags: flagFreshNonce}
}

// agentAt is the seeded agent fuzzEnv.agentID(sel) names, if it names one.
func (fe *fuzzEnv) agentAt(sel uint8) (seed.Agent, bool) {
	if i := int(sel) % (len(fe.agents) + 3); i < len(fe.agents) {
		return fe.agents[i], true
	}
	return seed.Agent{}, false
}

// quote builds the path and signed body of the quote of a.
func (fe *fuzzEnv) quote(t testing.TB, now time.Time, a quoteArgs) (common.Hash, []byte) {
	var rfqID common.Hash
	if k := int(a.RFQ) % (rfqKinds + 1); k < rfqKinds {
		rfqID = fe.rfq(t, k).id
	} else {
		rfqID = crypto.Keccak256Hash(a.SLA)
	}
	agent, known := fe.agentAt(a.Agent)
	var key *ecdsa.PrivateKey
	switch {
	case a.Provider == 0 && known:
		key = agent.Wallet
	case a.Provider == 1 && known:
		key = agent.Owner
	case a.Provider == 2:
		key = fe.buyer
	default:
		key = fe.key(a.Provider)
	}
	q := eip712.Quote{RFQID: rfqID, ProviderAgentID: fe.agentID(a.Agent), Provider: addressOf(key), Price: bigOf(a.Price, 256),
		DeliveryDeadline: at(now, a.Deadline, a.Flags&flagAbsTime1 != 0), SLAHash: hashOf(a.SLA), Nonce: bigOf(a.Nonce, 256),
		ValidUntil: at(now, a.ValidUntil, a.Flags&flagAbsTime2 != 0)}
	if a.Flags&flagFreshNonce != 0 {
		q.Nonce = fe.fresh()
	}
	d := domainOf(fe.market, a.Flags)
	return rfqID, body(t, d, q, map[string][]byte{"signature": signature(t, d, q, key, fe.key(a.Provider+1), a.Flags)})
}

// quoteStored is what an accepted quote stores: the quote and its provider's nonce.
func quoteStored(before, after stored) string {
	if after.Quotes != before.Quotes+1 || after.Nonces != before.Nonces+1 {
		return "did not store one quote and one nonce"
	}
	return ""
}

func FuzzPostQuote(f *testing.F) {
	fe := fuzzSetup(f)
	fe.online(f)
	id, good := fe.quote(f, time.Now(), goodQuote())
	addHostile(good, func(b []byte) { f.Add(id.Hex(), b) })
	for _, s := range []string{strings.ToUpper(id.Hex()), "0x" + strings.Repeat("0", 64), "", "0x", "x", id.Hex() + "00",
		"0x" + strings.Repeat("g", 64), "%2F", "../agents", id.Hex() + "/"} {
		f.Add(s, good)
	}
	f.Fuzz(func(t *testing.T, id string, b []byte) {
		before, mark := fe.stored(t), fe.logs.mark()
		fe.judge(t, fe.post("/v1/rfqs/"+id+"/quotes", b), before, mark, quoteStored)
	})
}

func FuzzPostQuoteSigned(f *testing.F) {
	fe := fuzzSetup(f)
	const max64 = -1
	unregistered := uint8(len(fe.agents))
	seeds := []func(*quoteArgs){
		func(a *quoteArgs) {},
		func(a *quoteArgs) { a.Agent = 1 },
		func(a *quoteArgs) { a.RFQ = rfqDirect },
		func(a *quoteArgs) { a.RFQ, a.Agent = rfqDirect, 1 }, // not invited
		func(a *quoteArgs) { a.RFQ = rfqDirectOther },
		func(a *quoteArgs) { a.RFQ = rfqClosed },
		func(a *quoteArgs) { a.RFQ = rfqKinds }, // no such RFQ
		func(a *quoteArgs) { a.Agent = agentOffline },
		func(a *quoteArgs) { a.Agent = unregistered },
		func(a *quoteArgs) { a.Agent = unregistered + 1 },
		func(a *quoteArgs) { a.Agent = unregistered + 2 },
		func(a *quoteArgs) { a.Provider = 1 }, // the owner, not the wallet
		func(a *quoteArgs) { a.Provider = 2 }, // the buyer
		func(a *quoteArgs) { a.Provider = 9 },
		func(a *quoteArgs) { a.Price = nil },
		func(a *quoteArgs) { a.Price = []byte{0x0f, 0x42, 0x40} }, // maxPrice
		func(a *quoteArgs) { a.Price = []byte{0x0f, 0x42, 0x41} }, // above it
		func(a *quoteArgs) { a.Price = bytes.Repeat([]byte{0xff}, 32) },
		func(a *quoteArgs) { a.Deadline, a.Flags = max64, a.Flags|flagAbsTime1 },
		func(a *quoteArgs) { a.Deadline, a.Flags = 253402300800, a.Flags|flagAbsTime1 },
		func(a *quoteArgs) { a.Deadline = -60 },
		func(a *quoteArgs) { a.Deadline = 3 * 3600 }, // after the RFQ's
		func(a *quoteArgs) { a.Deadline = 0 },
		func(a *quoteArgs) { a.ValidUntil, a.Flags = max64, a.Flags|flagAbsTime2 },
		func(a *quoteArgs) { a.ValidUntil = 0 },
		func(a *quoteArgs) { a.ValidUntil = -1 },
		func(a *quoteArgs) { a.Nonce, a.Flags = []byte{9}, 0 },
		func(a *quoteArgs) { a.Nonce, a.Flags = []byte{9}, 0 }, // the same nonce again
		func(a *quoteArgs) { a.Nonce, a.Flags = bytes.Repeat([]byte{0xff}, 32), 0 },
		func(a *quoteArgs) { a.SLA = nil },
	}
	for mode := uint16(1); mode < 8; mode++ {
		seeds = append(seeds, func(a *quoteArgs) { a.Flags |= mode << spoilShift })
	}
	for d := uint16(1); d < 4; d++ {
		seeds = append(seeds, func(a *quoteArgs) { a.Flags |= d << domainShift })
	}
	for _, s := range seeds {
		a := goodQuote()
		s(&a)
		a.add(f)
	}
	f.Fuzz(func(t *testing.T, rfq, agent, provider uint8, price []byte, deadline int64, sla, nonce []byte, validUntil int64,
		flags uint16) {
		fe.online(t)
		id, b := fe.quote(t, time.Now(), quoteArgs{rfq, agent, provider, price, deadline, sla, nonce, validUntil, flags})
		before, mark := fe.stored(t), fe.logs.mark()
		fe.judge(t, fe.post("/v1/rfqs/"+id.Hex()+"/quotes", b), before, mark, quoteStored)
	})
}

// ---- POST /v1/agreements ----

// agreementArgs are the signed agreement target's arguments.
type agreementArgs struct {
	Agent, Client, Provider uint8 // Client: a key; Provider: 0 the agent's wallet, 1 its owner, 2 the client, else keys
	Token                   uint8
	Price                   []byte
	Deadline, ExpiredAt     int64 // seconds from now (flagAbsTime1, flagAbsTime2: themselves)
	Spec, SLA               []byte
	Validator, Arbiter      uint8
	Threshold               uint8
	Review                  uint64
	Penalty                 uint16
	Nonce                   []byte
	Expiry                  int64  // seconds from now (flagAbsTime3: itself)
	ExpiryHigh              []byte // expiry's bits above 64 (it is a uint256)
	Sigs                    uint8  // bit 0: the client's signature, bit 1: the provider's; bits 4..6 spoil the provider's
	Flags                   uint16 // the spoil bits spoil the client's
}

func (a agreementArgs) add(f *testing.F) {
	f.Add(a.Agent, a.Client, a.Provider, a.Token, a.Price, a.Deadline, a.ExpiredAt, a.Spec, a.SLA, a.Validator, a.Arbiter,
		a.Threshold, a.Review, a.Penalty, a.Nonce, a.Expiry, a.ExpiryHigh, a.Sigs, a.Flags)
}

func goodAgreement() agreementArgs {
	return agreementArgs{Client: 1, Token: 2, Price: []byte{100}, Deadline: 3600, ExpiredAt: 7200, Spec: []byte("spec"),
		SLA: []byte("sla"), Review: 60, Expiry: 600, Sigs: 3, Flags: flagFreshNonce}
}

// agreement builds and signs the agreement of a.
func (fe *fuzzEnv) agreement(t testing.TB, now time.Time, a agreementArgs) []byte {
	clientKey := fe.key(a.Client)
	client := addressOf(clientKey)
	agent, known := fe.agentAt(a.Agent)
	var providerKey *ecdsa.PrivateKey
	switch {
	case a.Provider == 0 && known:
		providerKey = agent.Wallet
	case a.Provider == 1 && known:
		providerKey = agent.Owner
	case a.Provider == 2:
		providerKey = clientKey
	default:
		providerKey = fe.key(a.Provider)
	}
	expiry := new(big.Int).SetUint64(at(now, a.Expiry, a.Flags&flagAbsTime3 != 0))
	expiry.Or(expiry, new(big.Int).Lsh(bigOf(a.ExpiryHigh, 192), 64))
	m := eip712.ServiceAgreement{ProviderAgentID: fe.agentID(a.Agent), Client: client, Provider: addressOf(providerKey),
		Token: fe.address(a.Token, client), Price: bigOf(a.Price, 256), DeliveryDeadline: at(now, a.Deadline, a.Flags&flagAbsTime1 != 0),
		ExpiredAt: at(now, a.ExpiredAt, a.Flags&flagAbsTime2 != 0), DeliverableSpecHash: hashOf(a.Spec), SLAHash: hashOf(a.SLA),
		Validator: fe.address(a.Validator, client), ValidationThreshold: a.Threshold, Arbiter: fe.address(a.Arbiter, client),
		ReviewWindow: a.Review, LatePenaltyBps: a.Penalty, Nonce: bigOf(a.Nonce, 256), Expiry: expiry}
	if a.Flags&flagFreshNonce != 0 {
		m.Nonce = fe.fresh()
	}
	d := domainOf(fe.market, a.Flags)
	sigs := map[string][]byte{}
	if a.Sigs&1 != 0 {
		sigs["clientSignature"] = signature(t, d, m, clientKey, fe.key(a.Client+1), a.Flags)
	}
	if a.Sigs&2 != 0 {
		sigs["providerSignature"] = signature(t, d, m, providerKey, fe.key(a.Provider+1), uint16(a.Sigs&0x70))
	}
	return body(t, d, m, sigs)
}

// agreementStored: a 201 (the second signature) spends both parties' nonces; a 200 (both were in) changes
// nothing.
func agreementStored(status *int) func(before, after stored) string {
	return func(before, after stored) string {
		switch {
		case *status == http.StatusCreated && (after.Nonces != before.Nonces+2 || after.Agreements == before.Agreements):
			return "did not store the signature and two nonces"
		case *status == http.StatusOK && after != before:
			return "stored again"
		}
		return ""
	}
}

func FuzzPostAgreement(f *testing.F) {
	fe := fuzzSetup(f)
	now := time.Now()
	good := goodAgreement()
	addHostile(fe.agreement(f, now, good), func(b []byte) { f.Add(b) })
	good.Sigs = 1
	f.Add(fe.agreement(f, now, good))
	f.Add([]byte(`{"typedData":{},"clientSignature":"0x00","providerSignature":"0x00"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		before, mark := fe.stored(t), fe.logs.mark()
		x := fe.post("/v1/agreements", b)
		fe.judge(t, x, before, mark, agreementStored(&x.status))
	})
}

func FuzzPostAgreementSigned(f *testing.F) {
	fe := fuzzSetup(f)
	const max64 = -1
	unregistered := uint8(len(fe.agents))
	seeds := []func(*agreementArgs){
		func(a *agreementArgs) {},
		func(a *agreementArgs) { a.Sigs = 1 },
		func(a *agreementArgs) { a.Sigs = 2 },
		func(a *agreementArgs) { a.Sigs = 0 },
		func(a *agreementArgs) { a.Nonce, a.Flags = []byte{5}, 0 },
		func(a *agreementArgs) { a.Nonce, a.Flags, a.Sigs = []byte{5}, 0, 1 },            // the same agreement: one signature again
		func(a *agreementArgs) { a.Nonce, a.Flags, a.Price = []byte{5}, 0, []byte{101} }, // another agreement, the same nonce
		func(a *agreementArgs) { a.Provider = 1 },                                        // the agent's owner
		func(a *agreementArgs) { a.Provider = 2 },                                        // the client
		func(a *agreementArgs) { a.Provider = 9 },                                        // neither owner nor wallet
		func(a *agreementArgs) { a.Agent = unregistered },
		func(a *agreementArgs) { a.Agent = unregistered + 1 }, // 2^96
		func(a *agreementArgs) { a.Agent = unregistered + 2 },
		func(a *agreementArgs) { a.Price = nil },
		func(a *agreementArgs) { a.Price = bytes.Repeat([]byte{0xff}, 32) },
		func(a *agreementArgs) { a.Token = 0 },
		func(a *agreementArgs) { a.Deadline = -1 },
		func(a *agreementArgs) { a.Deadline = 0 },
		func(a *agreementArgs) { a.Deadline, a.ExpiredAt = 7200, 3600 },
		func(a *agreementArgs) { a.Deadline, a.Flags = max64, a.Flags|flagAbsTime1 },
		func(a *agreementArgs) { a.ExpiredAt, a.Flags = max64, a.Flags|flagAbsTime2 },
		func(a *agreementArgs) { a.ExpiredAt, a.Flags = 253402300800, a.Flags|flagAbsTime2 },
		func(a *agreementArgs) { a.Expiry, a.Flags = max64, a.Flags|flagAbsTime3 },
		func(a *agreementArgs) { a.ExpiryHigh = append([]byte{0x80}, make([]byte, 23)...) }, // 2^255 and more
		func(a *agreementArgs) { a.Expiry = 0 },
		func(a *agreementArgs) { a.Expiry = -600 },
		func(a *agreementArgs) { a.Validator, a.Threshold = 0, 1 },
		func(a *agreementArgs) { a.Validator, a.Threshold = 5, 101 },
		func(a *agreementArgs) { a.Validator, a.Arbiter, a.Threshold = 5, 0, 50 },
		func(a *agreementArgs) { a.Validator, a.Arbiter, a.Threshold = 5, 6, 50 },
		func(a *agreementArgs) { a.Validator, a.Arbiter = 1, 6 },
		func(a *agreementArgs) { a.Review = 30*24*3600 + 1 },
		func(a *agreementArgs) { a.Review = ^uint64(0) },
		func(a *agreementArgs) { a.Penalty = 10_001 },
		func(a *agreementArgs) { a.Sigs = 3 | 2<<4 }, // the provider's v as 0/1
		func(a *agreementArgs) { a.Sigs = 3 | 3<<4 }, // the provider's high s
		func(a *agreementArgs) { a.Sigs = 2 | 1<<4 }, // the provider's by another key
	}
	for mode := uint16(1); mode < 8; mode++ {
		seeds = append(seeds, func(a *agreementArgs) { a.Flags |= mode << spoilShift })
	}
	for d := uint16(1); d < 4; d++ {
		seeds = append(seeds, func(a *agreementArgs) { a.Flags |= d << domainShift })
	}
	for _, s := range seeds {
		a := goodAgreement()
		s(&a)
		a.add(f)
	}
	f.Fuzz(func(t *testing.T, agent, client, provider, token uint8, price []byte, deadline, expiredAt int64, spec, sla []byte,
		validator, arbiter, threshold uint8, review uint64, penalty uint16, nonce []byte, expiry int64, expiryHigh []byte,
		sigs uint8, flags uint16) {
		b := fe.agreement(t, time.Now(), agreementArgs{agent, client, provider, token, price, deadline, expiredAt, spec, sla,
			validator, arbiter, threshold, review, penalty, nonce, expiry, expiryHigh, sigs, flags})
		before, mark := fe.stored(t), fe.logs.mark()
		x := fe.post("/v1/agreements", b)
		fe.judge(t, x, before, mark, agreementStored(&x.status))
	})
}

// ---- POST /v1/heartbeats ----

// beatArgs are the signed heartbeat target's arguments.
type beatArgs struct {
	Agent, Status uint8 // Agent: agentBeat's agents, then not registered, 2^96, 2^256-1
	Price         []byte
	Token         uint8
	P95, Capacity uint32
	Expires       int64 // seconds from now (flagAbsTime1: itself)
	Nonce         []byte
	Signer        uint8 // 0 the agent's wallet, 1 its owner, else keys
	Flags         uint16
}

func (a beatArgs) add(f *testing.F) {
	f.Add(a.Agent, a.Status, a.Price, a.Token, a.P95, a.Capacity, a.Expires, a.Nonce, a.Signer, a.Flags)
}

func goodBeat() beatArgs {
	return beatArgs{Status: eip712.HeartbeatOnline, Price: []byte{200}, Token: 2, P95: 150, Capacity: 4, Expires: 600,
		Flags: flagFreshNonce}
}

// heartbeat builds and signs the heartbeat of a.
func (fe *fuzzEnv) heartbeat(t testing.TB, now time.Time, a beatArgs) []byte {
	var id *big.Int
	var agent seed.Agent
	known := false
	switch i := int(a.Agent) % (nBeat + 3); i {
	case nBeat:
		id = big.NewInt(1_000_000)
	case nBeat + 1:
		id = new(big.Int).Lsh(big.NewInt(1), 96)
	case nBeat + 2:
		id = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	default:
		agent, known = fe.agents[agentBeat+i], true
		id = new(big.Int).Set(agent.AgentID)
	}
	key := fe.key(a.Signer)
	switch {
	case a.Signer == 0 && known:
		key = agent.Wallet
	case a.Signer == 1 && known:
		key = agent.Owner
	}
	hb := eip712.Heartbeat{AgentID: id, Status: a.Status, Price: bigOf(a.Price, 256), Token: fe.address(a.Token, addressOf(key)),
		P95LatencyMs: a.P95, Capacity: a.Capacity, ExpiresAt: at(now, a.Expires, a.Flags&flagAbsTime1 != 0), Nonce: bigOf(a.Nonce, 256)}
	if a.Flags&flagFreshNonce != 0 {
		hb.Nonce = fe.beatNonce(t, id)
	}
	d := domainOf(fe.beats, a.Flags)
	return body(t, d, hb, map[string][]byte{"signature": signature(t, d, hb, key, fe.key(a.Signer+1), a.Flags)})
}

// beatStored: an accepted heartbeat replaced the agent's.
func beatStored(before, after stored) string {
	if after.Heartbeat == before.Heartbeat || after.RFQs != before.RFQs || after.Quotes != before.Quotes ||
		after.Nonces != before.Nonces || after.Agreements != before.Agreements {
		return "did not store the heartbeat alone"
	}
	return ""
}

func FuzzPostHeartbeat(f *testing.F) {
	fe := fuzzSetup(f)
	addHostile(fe.heartbeat(f, time.Now(), goodBeat()), func(b []byte) { f.Add(b) })
	f.Fuzz(func(t *testing.T, b []byte) {
		before, mark := fe.stored(t), fe.logs.mark()
		fe.judge(t, fe.post("/v1/heartbeats", b), before, mark, beatStored)
	})
}

func FuzzPostHeartbeatSigned(f *testing.F) {
	fe := fuzzSetup(f)
	const max64 = -1
	seeds := []func(*beatArgs){
		func(a *beatArgs) {},
		func(a *beatArgs) { a.Status = eip712.HeartbeatOffline },
		func(a *beatArgs) { a.Status = eip712.HeartbeatBusy },
		func(a *beatArgs) { a.Status = 3 },
		func(a *beatArgs) { a.Status = 255 },
		func(a *beatArgs) { a.Agent = 1 },
		func(a *beatArgs) { a.Agent = nBeat },
		func(a *beatArgs) { a.Agent = nBeat + 1 },
		func(a *beatArgs) { a.Agent = nBeat + 2 },
		func(a *beatArgs) { a.Signer = 1 },
		func(a *beatArgs) { a.Signer = 7 },
		func(a *beatArgs) { a.Price = nil },
		func(a *beatArgs) { a.Price = bytes.Repeat([]byte{0xff}, 32) },
		func(a *beatArgs) { a.Token = 0 },
		func(a *beatArgs) { a.P95, a.Capacity = 0, 0 },
		func(a *beatArgs) { a.P95, a.Capacity = ^uint32(0), ^uint32(0) },
		func(a *beatArgs) { a.Expires = 0 },
		func(a *beatArgs) { a.Expires = -1 },
		func(a *beatArgs) { a.Expires = 3600 },
		func(a *beatArgs) { a.Expires = 3601 },
		func(a *beatArgs) { a.Expires, a.Flags = max64, a.Flags|flagAbsTime1 },
		func(a *beatArgs) { a.Expires, a.Flags = 253402300800, a.Flags|flagAbsTime1 },
		func(a *beatArgs) { a.Nonce, a.Flags = []byte{1}, 0 },
		func(a *beatArgs) { a.Nonce, a.Flags = nil, 0 },
		// The last nonce: no heartbeat of that agent is fresh after it.
		func(a *beatArgs) { a.Agent, a.Nonce, a.Flags = nBeat-1, bytes.Repeat([]byte{0xff}, 32), 0 },
	}
	for mode := uint16(1); mode < 8; mode++ {
		seeds = append(seeds, func(a *beatArgs) { a.Flags |= mode << spoilShift })
	}
	for d := uint16(1); d < 4; d++ {
		seeds = append(seeds, func(a *beatArgs) { a.Flags |= d << domainShift })
	}
	for _, s := range seeds {
		a := goodBeat()
		s(&a)
		a.add(f)
	}
	f.Fuzz(func(t *testing.T, agent, status uint8, price []byte, token uint8, p95, capacity uint32, expires int64, nonce []byte,
		signer uint8, flags uint16) {
		b := fe.heartbeat(t, time.Now(), beatArgs{Agent: agent, Status: status, Price: price, Token: token, P95: p95,
			Capacity: capacity, Expires: expires, Nonce: nonce, Signer: signer, Flags: flags})
		before, mark := fe.stored(t), fe.logs.mark()
		fe.judge(t, fe.post("/v1/heartbeats", b), before, mark, beatStored)
	})
}

// ---- POST /v1/eip712/verify ----

// verifyArgs are the signed verify target's arguments: one message of any of Agora's types from generic
// values.
type verifyArgs struct {
	Kind   uint8 // AgentWalletSet, ServiceAgreement, Heartbeat, RFQ, Quote
	A, B   uint64
	X, Y   []byte
	S      string
	Key    uint8
	Signer uint8 // the signer member: 0 absent (recovered), 1 the key's, 2 another key's, 3 the escrow (a contract), 4 zero
	Flags  uint16
}

func (a verifyArgs) add(f *testing.F) {
	f.Add(a.Kind, a.A, a.B, a.X, a.Y, a.S, a.Key, a.Signer, a.Flags)
}

// verifyBody builds the message of a, signs it and encodes the verify request.
func (fe *fuzzEnv) verifyBody(t testing.TB, a verifyArgs) []byte {
	key := fe.key(a.Key)
	self := addressOf(key)
	x, y := bigOf(a.X, 256), bigOf(a.Y, 256)
	chainID := new(big.Int).SetUint64(fe.dep.ChainID)
	var m eip712.Message
	d := fe.market
	switch a.Kind % 5 {
	case 0:
		m = eip712.AgentWalletSet{AgentID: x, NewWallet: self, Owner: fe.address(uint8(a.A), self), Deadline: y}
		d = eip712.IdentityDomain(chainID, fe.dep.Contracts.IdentityRegistry.Address)
	case 1:
		m = eip712.ServiceAgreement{ProviderAgentID: x, Client: self, Provider: fe.address(uint8(a.B), self), Token: fe.token,
			Price: y, DeliveryDeadline: a.A, ExpiredAt: a.B, DeliverableSpecHash: hashOf([]byte(a.S)), Validator: fe.address(uint8(a.A>>8), self),
			ValidationThreshold: uint8(a.B >> 8), ReviewWindow: a.A, LatePenaltyBps: uint16(a.B), Nonce: x, Expiry: y}
	case 2:
		m = eip712.Heartbeat{AgentID: x, Status: uint8(a.A), Price: y, Token: fe.token, P95LatencyMs: uint32(a.A >> 8),
			Capacity: uint32(a.B), ExpiresAt: a.B, Nonce: x}
		d = fe.beats
	case 3:
		m = eip712.RFQ{Buyer: self, Capability: a.S, Token: fe.token, MaxPrice: x, FloorPrice: y, DeliveryDeadline: a.A,
			QuoteWindowMs: uint32(a.B), Auction: uint8(a.B >> 32), ProviderAgentID: y, Nonce: x, Expiry: a.B}
	default:
		m = eip712.Quote{RFQID: hashOf(a.X), ProviderAgentID: y, Provider: self, Price: x, DeliveryDeadline: a.A,
			SLAHash: hashOf([]byte(a.S)), Nonce: y, ValidUntil: a.B}
	}
	d = domainOf(d, a.Flags)
	td, err := eip712.MarshalTypedData(d, m)
	if err != nil {
		t.Fatalf("typed data of %+v: %v", m, err)
	}
	req := map[string]any{"typedData": json.RawMessage(td)}
	if sig := signature(t, d, m, key, fe.key(a.Key+1), a.Flags); sig != nil {
		req["signature"] = "0x" + common.Bytes2Hex(sig)
	}
	switch a.Signer % 5 {
	case 1:
		req["signer"] = self.Hex()
	case 2:
		req["signer"] = addressOf(fe.key(a.Key + 1)).Hex()
	case 3:
		req["signer"] = fe.dep.Contracts.AgentEscrow.Address.Hex()
	case 4:
		req["signer"] = common.Address{}.Hex()
	}
	b, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func FuzzVerify(f *testing.F) {
	fe := fuzzSetup(f)
	for kind := uint8(0); kind < 5; kind++ {
		addHostile(fe.verifyBody(f, verifyArgs{Kind: kind, A: 1, B: 2, X: []byte{1}, Y: []byte{2}, S: "ocr", Signer: 1}),
			func(b []byte) { f.Add(b) })
	}
	f.Add([]byte(`{"typedData":{},"signature":"0x00","signer":"0x00"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		before, mark := fe.stored(t), fe.logs.mark()
		fe.judge(t, fe.post("/v1/eip712/verify", b), before, mark, unchanged)
	})
}

func FuzzVerifySigned(f *testing.F) {
	fe := fuzzSetup(f)
	max := bytes.Repeat([]byte{0xff}, 32)
	for kind := uint8(0); kind < 5; kind++ {
		for _, a := range []verifyArgs{
			{A: 1, B: 2, X: []byte{1}, Y: []byte{2}, S: "ocr"},
			{A: ^uint64(0), B: ^uint64(0), X: max, Y: max, S: "a\x00b", Signer: 1},
			{Signer: 2},
			{Signer: 3},
			{Signer: 4},
			{S: "\xff", Flags: spoilV01 << spoilShift},
			{Flags: spoilHighS << spoilShift},
			{Flags: spoilTruncated << spoilShift, Signer: 1},
			{Flags: spoilEmpty << spoilShift},
			{Flags: spoilLong << spoilShift, Signer: 3},
			{Flags: spoilOtherKey << spoilShift, Signer: 1},
			{Flags: domainChain << domainShift},
			{Flags: domainContract << domainShift},
			{Flags: domainName << domainShift},
		} {
			a.Kind = kind
			a.add(f)
		}
	}
	f.Fuzz(func(t *testing.T, kind uint8, a, b uint64, x, y []byte, s string, key, signer uint8, flags uint16) {
		req := fe.verifyBody(t, verifyArgs{kind, a, b, x, y, s, key, signer, flags})
		before, mark := fe.stored(t), fe.logs.mark()
		fe.judge(t, fe.post("/v1/eip712/verify", req), before, mark, unchanged)
	})
}

// ---- GET /v1/agents (search) ----

func FuzzSearchAgents(f *testing.F) {
	fe := fuzzSetup(f)
	owner := addressOf(fe.agents[0].Owner).Hex()
	// A real cursor, and one of another query.
	cursorOf := func(query string) string {
		x := fe.serve(context.Background(), http.MethodGet, "/v1/agents", query, "", nil)
		var page struct {
			NextCursor *string `json:"nextCursor"`
		}
		if x.status != http.StatusOK || json.Unmarshal(x.body, &page) != nil || page.NextCursor == nil {
			f.Fatalf("search %q: %d %s", query, x.status, x.body)
		}
		return *page.NextCursor
	}
	cursor := cursorOf("q=invoice&limit=1")
	other := cursorOf("limit=1")
	for _, q := range []string{
		"", "q=ocr+invoices&language=vi&maxLatencyMs=200&compliance=hipaa&token=USDC&minReputation=40",
		"q=invoice&limit=1&cursor=" + cursor, "q=invoice&limit=1&cursor=" + other, "limit=1&cursor=" + other,
		"cursor=" + cursor, "cursor=" + strings.Repeat("A", 513), "cursor=eyJ2IjoxfQ", "cursor=%00",
		"q=invoic&mode=text", "q=scan+receipts&mode=vector", "q=ocr&mode=hybrid&sort=price", "q=ocr&sort=latency",
		"sort=reputation", "sort=relevance", "mode=text", "q=%00", "q=%ff%fe", "q=" + strings.Repeat("a", 257),
		"q=" + strings.Repeat("é", 256), "q=!!!", "q=the+a+of", "limit=0", "limit=100", "limit=101", "limit=-1",
		"limit=1e2", "owner=" + owner, "owner=0x0", "owner=" + strings.ToLower(owner), "supportedTrust=reputation",
		"supportedTrust=crypto-economic&supportedTrust=tee-attestation", "supportedTrust=x", "x402=true",
		"x402=1", "active=false", "online=true", "online=TRUE", "minReputation=0", "minReputation=100",
		"minReputation=100.0001", "minReputation=NaN", "minReputation=Inf", "minReputation=-0", "minReputation=1e-400",
		"mcpTool=extract_invoice", "a2aSkill=ocr", "oasfSkill=natural_language_processing", "oasfDomain=finance",
		"mcpTool=" + strings.Repeat("x", 201), "capability=invoice+ocr", "capability=" + strings.Repeat("x", 101),
		"input=image/png", "input=image/*", "input=*/*", "input=IMAGE/PNG", "output=application/json", "language=vi",
		"language=vi-VN", "language=VI", "language=x", "jurisdiction=EU", "jurisdiction=GLOBAL", "jurisdiction=vn",
		"jurisdiction=EUR", "dataClass=pii", "dataClass=PHI", "dataClass=x", "compliance=soc2-type2",
		"compliance=hipaa&compliance=gdpr", "riskClass=high", "riskClass=gpai-systemic", "pricingModel=per_call",
		"pricingModel=PER_CALL", "token=" + fe.token.Hex(), "token=0x", "token=usdc", "token=" + strings.Repeat("A", 17),
		"maxPrice=0", "maxPrice=1000", "maxPrice=" + new(big.Int).Lsh(big.NewInt(1), 256).String(), "maxPrice=01",
		"maxPrice=-1", "maxLatencyMs=0", "maxLatencyMs=1099511627776", "maxLatencyMs=1099511627777",
		"maxLatencyMs=9223372036854775808", "minThroughput=10", "q=a&q=b", "limit=1&limit=2", "x=1", "Q=ocr", "q=",
		"q", "&&&", "q=%zz", "q=a;b", "language=" + strings.Repeat("vi&language=", 33) + "vi", strings.Repeat("x", 5000),
		"q=invoice&language=vi&language=en&jurisdiction=VN&dataClass=financial&compliance=gdpr&riskClass=limited" +
			"&pricingModel=per_unit&input=application/pdf&output=application/json&maxPrice=100000&maxLatencyMs=5000" +
			"&minThroughput=1&token=USDC&x402=false&active=true&online=false&minReputation=1&sort=price&limit=5",
	} {
		f.Add(q, "", "", 0)
	}
	for _, c := range []struct {
		query, key, id string
		pos            int
	}{
		{"limit=1", "50", "3", 1}, {"limit=1", "none", "3", 1}, {"q=invoice&limit=1", "0.0327", "5", 1},
		{"q=ocr&mode=vector", "0.5", "0", 999_999}, {"q=ocr&mode=vector", "0.5", "0", 1_000_001}, {"sort=price", "1000", "1", 0},
		{"sort=price", strings.Repeat("9", 80), "1", 0}, {"sort=latency", "-1", "01", 0}, {"sort=price", "1.5", "1", 0},
		{"q=ocr&sort=price", "none", "", 0}, {"sort=reputation", "1e5", "1", -1}, {"", "-0", strings.Repeat("9", 79), 0},
	} {
		f.Add(c.query, c.key, c.id, c.pos)
	}
	f.Fuzz(func(t *testing.T, query, key, id string, pos int) {
		if key != "" || id != "" {
			// A cursor bound to this query (as the gateway hashes it): past the binding, to the paging.
			if query != "" {
				query += "&"
			}
			query += "cursor=" + boundCursor(searchHash(query), key, id, pos)
		}
		before, mark := fe.stored(t), fe.logs.mark()
		fe.judge(t, fe.serve(context.Background(), http.MethodGet, "/v1/agents", query, "", nil), before, mark, unchanged)
	})
}

// boundCursor is a page cursor with the fuzzer's key, agent id and position, bound to the query or list
// whose hash is given: it gets past the binding to the paging, as a signature gets a message past the
// signature check.
func boundCursor(hash, key, id string, pos int) string {
	b, _ := json.Marshal(map[string]any{"v": 1, "q": hash, "k": key, "i": id, "n": pos})
	return base64.RawURLEncoding.EncodeToString(b)
}

// searchHash is the hash GET /v1/agents binds its cursors to: every parameter but cursor and limit.
func searchHash(query string) string {
	values, _ := url.ParseQuery(query)
	canon := url.Values{}
	for k, vs := range values {
		if k != "cursor" && k != "limit" {
			sorted := slices.Clone(vs)
			slices.Sort(sorted)
			canon[k] = sorted
		}
	}
	sum := sha256.Sum256([]byte(canon.Encode()))
	return hex.EncodeToString(sum[:8])
}

// listHash is the hash an agent's list binds its cursors to: the list and the agent.
func listHash(kind, agentID string) string {
	if strings.HasPrefix(agentID, "eip155:") {
		agentID = agentID[strings.LastIndex(agentID, ":")+1:]
	}
	if n, ok := new(big.Int).SetString(agentID, 10); ok {
		agentID = n.String()
	}
	sum := sha256.Sum256([]byte(kind + ":" + agentID))
	return hex.EncodeToString(sum[:8])
}

// ---- GET routes with a path id and a query ----

var getRoutes = []struct{ prefix, suffix string }{
	{"/v1/agents/", ""}, {"/v1/agents/", "/feedback"}, {"/v1/agents/", "/validations"}, {"/v1/agents/", "/jobs"},
	{"/v1/agents/", "/reputation"}, {"/v1/eip712/", ""}, {"/v1/rfqs/", ""}, {"/v1/agreements/", ""},
}

func FuzzGetRoutes(f *testing.F) {
	fe := fuzzSetup(f)
	rfq := fe.rfq(f, rfqFirstPrice).id.Hex()
	closed := fe.rfq(f, rfqClosed).id.Hex()
	x := fe.post("/v1/agreements", fe.agreement(f, time.Now(), agreementArgs{Client: 1, Token: 2, Price: []byte{1},
		Deadline: 3600, ExpiredAt: 7200, Review: 60, Expiry: 600, Sigs: 1, Flags: flagFreshNonce}))
	var agreement struct {
		ID string `json:"id"`
	}
	if x.status != http.StatusAccepted || json.Unmarshal(x.body, &agreement) != nil {
		f.Fatalf("post an agreement: %d %s", x.status, x.body)
	}
	agent := fe.agents[0].AgentID.String()
	global := "eip155:" + new(big.Int).SetUint64(fe.dep.ChainID).String() + ":" + fe.dep.Contracts.IdentityRegistry.Address.Hex() + ":"
	var feedback string
	for _, a := range fe.agents {
		x := fe.serve(context.Background(), http.MethodGet, "/v1/agents/"+a.AgentID.String()+"/feedback", "limit=1", "", nil)
		var page struct {
			NextCursor *string `json:"nextCursor"`
		}
		if x.status == http.StatusOK && json.Unmarshal(x.body, &page) == nil && page.NextCursor != nil {
			agent, feedback = a.AgentID.String(), *page.NextCursor
			break
		}
	}
	ids := []string{agent, global + agent, "eip155:1:" + fe.dep.Contracts.IdentityRegistry.Address.Hex() + ":" + agent,
		"eip155:31337:0xZZ:1", "eip155:0:0x0:1", "eip155::::", "0", "01", "-1", "1.5", "", " ", "%00",
		new(big.Int).Lsh(big.NewInt(1), 256).String(), strings.Repeat("9", 79), "agent-wallet-set", "heartbeat",
		"service-agreement", "rfq", "quote", "RFQ", "..", rfq, closed, agreement.ID, strings.ToUpper(rfq), "0x" + rfq[2:40],
		"0x" + strings.Repeat("0", 64), "a/b", "1/feedback/2"}
	queries := []string{"", "limit=1", "limit=200", "limit=201", "limit=0", "limit=x", "cursor=" + feedback,
		"limit=1&cursor=" + feedback, "cursor=AAAA", "cursor=" + strings.Repeat("A", 600), "x=1", "limit=1&limit=2", "%zz"}
	for r, id := range []string{agent, agent, agent, agent, agent, "rfq", rfq, agreement.ID} {
		f.Add(uint8(r), id, "", "", "") // every route with an id it knows
	}
	for i, id := range ids {
		f.Add(uint8(i%len(getRoutes)), id, "", "", "")
		f.Add(uint8((i+3)%len(getRoutes)), id, "", "", "")
	}
	for i, q := range queries {
		f.Add(uint8(i%4), agent, q, "", "")
	}
	for i, c := range [][2]string{{"-100", "1"}, {"none", "1"}, {"-1.5", "0"}, {strings.Repeat("9", 80), strings.Repeat("9", 79)},
		{"1", "-1"}, {"", "1"}, {"0", ""}} {
		f.Add(uint8(1+i%3), agent, "limit=1", c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, route uint8, id, query, key, cursorID string) {
		r := getRoutes[int(route)%len(getRoutes)]
		if (key != "" || cursorID != "") && r.suffix != "" && r.suffix != "/reputation" {
			// A cursor bound to this list (as the gateway hashes it): past the binding, to the paging.
			if query != "" {
				query += "&"
			}
			query += "cursor=" + boundCursor(listHash(r.suffix[1:], id), key, cursorID, 0)
		}
		before, mark := fe.stored(t), fe.logs.mark()
		fe.judge(t, fe.serve(context.Background(), http.MethodGet, r.prefix+id+r.suffix, query, "", nil), before, mark, unchanged)
	})
}

// ---- the streams: subscriptions and WebSocket client messages ----

// FuzzStreamSubscribe: a stream's subscription query (capability, agentId, rfq), checked before the stream
// opens: over SSE (the raw query, answered at once: the request's context is already over), over a real
// WebSocket handshake (the query as a client can send it), and to GET /v1/stream without a handshake.
func FuzzStreamSubscribe(f *testing.F) {
	fe := fuzzSetup(f)
	rfq := fe.rfq(f, rfqFirstPrice).id.Hex()
	agent := fe.agents[0].AgentID.String()
	for _, q := range []string{"capability=ocr", "capability=invoice+ocr&capability=receipt&agentId=" + agent,
		"agentId=" + agent, "rfq=" + rfq, "rfq=" + rfq + "&rfq=" + rfq, "", "capability=", "capability=!!!",
		"capability=" + strings.Repeat("a", 101), strings.Repeat("capability=a&", 21), strings.Repeat("rfq="+rfq+"&", 51),
		"agentId=eip155:31337:0x0:1", "agentId=-1", "agentId=" + strings.Repeat("9", 80), "rfq=0x", "rfq=" + strings.ToUpper(rfq),
		"x=1", "capability=%ff", "capability=%00ocr", "agentId=1&agentId=2", "%zz"} {
		for how := range uint8(3) {
			f.Add(how, q)
		}
	}
	ws := "ws" + strings.TrimPrefix(fe.http.URL, "http") + "/v1/stream?"
	f.Fuzz(func(t *testing.T, how uint8, query string) {
		before, mark := fe.stored(t), fe.logs.mark()
		if how%3 != 1 {
			path := "/v1/stream/sse"
			if how%3 == 2 {
				path = "/v1/stream" // no handshake
			}
			over, cancel := context.WithCancel(context.Background())
			cancel()
			fe.judge(t, fe.serve(over, http.MethodGet, path, query, "", nil), before, mark, unchanged)
			return
		}
		values, err := url.ParseQuery(query)
		if err != nil {
			return // not a query a client sends; the SSE case reads it raw
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		conn, res, err := websocket.Dial(ctx, ws+values.Encode(), nil)
		x := fuzzExchange{req: "WebSocket /v1/stream?" + values.Encode()}
		if err == nil {
			conn.CloseNow()
			x.status = http.StatusOK
		} else if res != nil {
			x.status, x.header = res.StatusCode, res.Header
			if res.Body != nil {
				x.body, _ = io.ReadAll(res.Body)
			}
		} else {
			t.Fatalf("dial %s: %v", x.req, err)
		}
		fe.judge(t, x, before, mark, unchanged)
	})
}

// streamReply is the part of a stream event the stream target reads.
type streamReply struct {
	Type    string          `json:"type"`
	Problem json.RawMessage `json:"problem"`
}

// FuzzStreamMessage: a WebSocket client's message (quote, follow, unfollow, no_bid), as the fuzzer's bytes,
// on a stream of its own. Every message is answered (a problem event for a refusal, judged as an HTTP
// problem would be), except one over the 64 KiB limit, which closes the stream.
func FuzzStreamMessage(f *testing.F) {
	fe := fuzzSetup(f)
	fe.online(f)
	id, quote := fe.quote(f, time.Now(), goodQuote())
	var q struct {
		TypedData json.RawMessage `json:"typedData"`
		Signature string          `json:"signature"`
	}
	if err := json.Unmarshal(quote, &q); err != nil {
		f.Fatal(err)
	}
	good, _ := json.Marshal(map[string]any{"type": "quote", "rfqId": id.Hex(), "typedData": q.TypedData, "signature": q.Signature})
	addHostile(good, func(b []byte) { f.Add(b) })
	rfqs := []string{id.Hex(), "", "0x", "0x" + strings.Repeat("0", 64), strings.ToUpper(id.Hex())}
	for i, typ := range []string{"follow", "unfollow", "no_bid", "quote", "", "FOLLOW", "subscribed", "problem"} {
		for _, rfq := range []string{id.Hex(), rfqs[i%len(rfqs)]} {
			b, _ := json.Marshal(map[string]any{"type": typ, "rfqId": rfq})
			f.Add(b)
		}
	}
	f.Add([]byte(`{"type":"quote","rfqId":"` + id.Hex() + `","typedData":{},"signature":"0xzz"}`))
	f.Add([]byte(`{"type":"quote","rfqId":"` + id.Hex() + `","typedData":null,"signature":12}`))
	ws := "ws" + strings.TrimPrefix(fe.http.URL, "http") + "/v1/stream?capability=zzfuzzstreamzz"
	replies := map[string]bool{"problem": true, "quote_accepted": true, "following": true, "unfollowed": true, "no_bid_noted": true}
	f.Fuzz(func(t *testing.T, msg []byte) {
		fe.online(t)
		ctx, cancel := context.WithTimeout(context.Background(), 8*time.Second)
		defer cancel()
		conn, _, err := websocket.Dial(ctx, ws, nil)
		if err != nil {
			t.Fatalf("dial: %v", err)
		}
		defer conn.CloseNow()
		conn.SetReadLimit(1 << 20)
		if _, data, err := conn.Read(ctx); err != nil || !bytes.Contains(data, []byte(`"subscribed"`)) {
			t.Fatalf("first event %s (%v), want subscribed", data, err)
		}
		before, mark := fe.stored(t), fe.logs.mark()
		if err := conn.Write(ctx, websocket.MessageText, msg); err != nil {
			t.Fatalf("write: %v", err)
		}
		x := fuzzExchange{req: "WebSocket message " + clipBody(msg)}
		for {
			_, data, err := conn.Read(ctx)
			if err != nil {
				if len(msg) > 64<<10 && websocket.CloseStatus(err) == websocket.StatusMessageTooBig {
					// Closed, as documented: nothing to judge but the store.
					if after := fe.stored(t); after != before {
						t.Fatalf("a message over the limit stored: %+v, was %+v", after, before)
					}
					return
				}
				t.Fatalf("no answer to %s: %v", x.req, err)
			}
			var ev streamReply
			if err := json.Unmarshal(data, &ev); err != nil {
				t.Fatalf("event %s: %v", data, err)
			}
			if !replies[ev.Type] {
				continue // a market event, not the answer
			}
			x.body = data
			switch ev.Type {
			case "problem":
				// A refusal is judged as the same problem over HTTP would be.
				var p struct {
					Status int `json:"status"`
				}
				_ = json.Unmarshal(ev.Problem, &p)
				x.status, x.header, x.body = p.Status, http.Header{"Content-Type": {"application/problem+json"}}, ev.Problem
			case "quote_accepted":
				x.status = http.StatusCreated
			default:
				x.status = http.StatusOK
			}
			stores := quoteStored
			if ev.Type != "quote_accepted" {
				stores = unchanged
			}
			fe.judge(t, x, before, mark, stores)
			return
		}
	})
}

// TestFuzzFindings replays what the fuzz targets found, with the answers the gateway now gives.
func TestFuzzFindings(t *testing.T) {
	fe := fuzzSetup(t)
	agent := fe.agents[0].AgentID.String()

	t.Run("a list cursor with a search's key", func(t *testing.T) {
		// FuzzGetRoutes: "none" (a search's key for no value) reached the list's SQL as a number, and the
		// store's refusal came back as invalid_value.
		x := fe.serve(context.Background(), http.MethodGet, "/v1/agents/"+agent+"/feedback",
			"cursor="+boundCursor(listHash("feedback", agent), "none", "1", 0), "", nil)
		response{Status: x.status, Header: x.header, Body: x.body}.problem(t, http.StatusBadRequest, "invalid_cursor")
	})

	t.Run("GET /v1/stream without a handshake it takes", func(t *testing.T) {
		// FuzzStreamSubscribe: websocket.Accept's refusals went out as text/plain (426, 400, 403).
		for _, c := range []struct {
			name   string
			header map[string]string
			status int
			code   string
		}{
			{"no upgrade", nil, http.StatusUpgradeRequired, gateway.CodeUpgradeRequired},
			{"version 12", map[string]string{"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "12",
				"Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}, http.StatusBadRequest, gateway.CodeInvalidHandshake},
			{"another origin", map[string]string{"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
				"Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Origin": "https://elsewhere.example"}, http.StatusForbidden, gateway.CodeOriginNotAllowed},
		} {
			t.Run(c.name, func(t *testing.T) {
				req, err := http.NewRequest(http.MethodGet, fe.http.URL+"/v1/stream?capability=ocr", nil)
				if err != nil {
					t.Fatal(err)
				}
				for k, v := range c.header {
					req.Header.Set(k, v)
				}
				res, err := fe.http.Client().Do(req)
				if err != nil {
					t.Fatal(err)
				}
				defer res.Body.Close()
				b, _ := io.ReadAll(res.Body)
				r := response{Status: res.StatusCode, Header: res.Header, Body: b}
				fe.api.check(t, req, r)
				r.problem(t, c.status, c.code)
			})
		}
	})
}
