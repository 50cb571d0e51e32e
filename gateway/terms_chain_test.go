package gateway_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/gethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/eip712"
	"github.com/agoralabs/agora/gateway"
	"github.com/agoralabs/agora/seed"
	"github.com/agoralabs/agora/terms"
)

// escrowTermErrors are the custom errors of AgentEscrow._checkTerms: where the escrow refuses an agreement
// with one of them, the gateway must refuse it naming the same one (it checks the terms first, in the
// escrow's order).
var escrowTermErrors = map[string]bool{"ZeroPrice": true, "ZeroAddress": true, "ClientIsProvider": true,
	"DeliveryDeadlinePassed": true, "DeliveryAfterExpiry": true, "ThresholdTooHigh": true, "ThresholdWithoutValidator": true,
	"ValidatorWithoutArbiter": true, "ReviewWindowTooLong": true, "PenaltyTooHigh": true, "AgentIdOutOfRange": true,
	"AgreementExpired": true}

// TestAgreementTerms_MatchEscrow is the property that the gateway accepts exactly the agreements the escrow
// funds: agreements built at and around every boundary of the escrow's rules (price, parties, deadlines and
// their order, validator/arbiter/threshold, review window, penalty, agent id, expiry, the provider's agent,
// the signature form) are posted to POST /v1/agreements with both signatures and passed to
// createJobFromAgreement by eth_call on the real escrow, at the same second (a block-time override). Each
// side must accept or refuse alike, and refuse a term with the same escrow error; the one allowed difference
// is a time after terms.MaxUnix, which the escrow takes and the store cannot hold (refused as invalid_value).
// The seed is printed; AGORA_PROPERTY_SEED replays one.
func TestAgreementTerms_MatchEscrow(t *testing.T) {
	e := setup(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("AGORA_PROPERTY_SEED"); s != "" {
		var err error
		if seed, err = strconv.ParseUint(s, 0, 64); err != nil {
			t.Fatalf("AGORA_PROPERTY_SEED: %v", err)
		}
	}
	t.Logf("seed %#x (replay: AGORA_PROPERTY_SEED=%#x)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 8004))

	chainID := new(big.Int).SetUint64(e.dep.ChainID)
	escrowAddr, tusdAddr := e.dep.Contracts.AgentEscrow.Address, e.dep.Contracts.TestUSD.Address
	domain := eip712.EscrowDomain(chainID, escrowAddr)
	client := e.chain.Keys[6]
	a := e.agentByFile(t, "01-vietnamese-invoice-ocr.json")
	b := e.agentByFile(t, "07-translation.json")
	fundClient(ctx, t, e, client, tusdAddr, escrowAddr)
	errorNames := escrowErrorNames(t)
	geth := gethclient.New(rpcClient(ctx, t, e.chain.URL))

	const cases = 600
	var accepted, refused, storeBound int
	seen := map[string]int{}
	for i := 0; i < cases; i++ {
		var c termsCase
		var status int
		var body []byte
		var now uint64
		for {
			now = uint64(time.Now().Unix())
			c = newTermsCase(rng, now, client, a, b, tusdAddr)
			r := e.post("/v1/agreements", c.request(t, domain, rng))
			status, body = r.Status, r.Body
			if uint64(time.Now().Unix()) == now {
				break // judged within the same second as the case was built for; else build it again
			}
		}
		gatewayOK := status == http.StatusCreated
		if !gatewayOK && status >= 500 {
			t.Fatalf("case %d (%s): %d %s", i, c, status, body)
		}
		var p gateway.Problem
		if !gatewayOK {
			if err := json.Unmarshal(body, &p); err != nil || p.Code == "" {
				t.Fatalf("case %d: %d %s: not a problem", i, status, body)
			}
		}
		escrowErr := callCreateJob(ctx, t, geth, escrowAddr, c, now, errorNames)
		escrowOK := escrowErr == ""
		switch {
		case gatewayOK && !escrowOK:
			t.Errorf("case %d (%s): the gateway accepted an agreement the escrow refuses with %s", i, c, escrowErr)
		case !gatewayOK && escrowOK:
			if p.Code == gateway.CodeInvalidValue && c.pastMaxUnix() {
				storeBound++
				continue
			}
			t.Errorf("case %d (%s): the gateway refused (%d %s %s: %s) an agreement the escrow funds", i, c, status, p.Code,
				p.EscrowError, p.Detail)
		case !gatewayOK && escrowTermErrors[escrowErr] && p.EscrowError != escrowErr:
			t.Errorf("case %d (%s): the escrow refuses with %s, the gateway with %q (%s: %s)", i, c, escrowErr, p.EscrowError, p.Code, p.Detail)
		case gatewayOK:
			accepted++
		default:
			refused++
			seen[escrowErr]++
		}
	}
	t.Logf("%d cases: %d accepted by both, %d refused by both %v, %d refused by the gateway alone for a time past 9999",
		cases, accepted, refused, seen, storeBound)
	// The generator must reach both sides of the boundaries, or the property says little.
	if accepted < cases/20 || refused < cases/2 {
		t.Errorf("the generator is unbalanced: %d accepted, %d refused of %d", accepted, refused, cases)
	}
	for name := range escrowTermErrors {
		if seen[name] == 0 {
			t.Errorf("no case was refused with %s: widen the generator", name)
		}
	}
	for _, name := range []string{"InvalidSignature", "ProviderNotAgent"} {
		if seen[name] == 0 {
			t.Errorf("no case was refused with %s: widen the generator", name)
		}
	}
}

// termsCase is one agreement, who signs it for each side, and how the signatures are spoiled.
type termsCase struct {
	a                      eip712.ServiceAgreement
	clientKey, provKey     *ecdsa.PrivateKey
	clientSig, providerSig []byte
	focus                  int  // the term this case moves (newTermsCase)
	spoilSignature         bool // one signature is spoiled (request)
	notes                  []string
}

func (c termsCase) String() string {
	return fmt.Sprintf("price=%v client=%s provider=%s token=%s deliveryDeadline=%d expiredAt=%d validator=%s threshold=%d "+
		"arbiter=%s reviewWindow=%d latePenaltyBps=%d providerAgentId=%v expiry=%v %v", c.a.Price, short(c.a.Client),
		short(c.a.Provider), short(c.a.Token), c.a.DeliveryDeadline, c.a.ExpiredAt, short(c.a.Validator), c.a.ValidationThreshold,
		short(c.a.Arbiter), c.a.ReviewWindow, c.a.LatePenaltyBps, c.a.ProviderAgentID, c.a.Expiry, c.notes)
}

func short(a common.Address) string {
	if a == (common.Address{}) {
		return "0"
	}
	return a.Hex()[:8]
}

// pastMaxUnix reports whether one of the agreement's times is after what the store holds.
func (c termsCase) pastMaxUnix() bool {
	return c.a.DeliveryDeadline > terms.MaxUnix || c.a.ExpiredAt > terms.MaxUnix ||
		c.a.Expiry.Cmp(big.NewInt(terms.MaxUnix)) > 0
}

// newTermsCase draws an agreement at now. Most cases move one term (the focus) to a value at or around one
// of the escrow's boundaries, so that every rule is reached alone; every term also moves now and then, so
// that rules meet; a few cases move nothing.
func newTermsCase(rng *rand.Rand, now uint64, clientKey *ecdsa.PrivateKey, a, b seed.Agent, token common.Address) termsCase {
	const moving = 14 // terms that move: 0..12 below, 13 the signatures (request)
	c := termsCase{clientKey: clientKey, provKey: a.Wallet, focus: rng.IntN(moving + 2)}
	moves := func(i int) bool { return i == c.focus || rng.IntN(12) == 0 }
	pick := func(i int, good any, alternatives ...any) any {
		if !moves(i) {
			return good
		}
		return alternatives[rng.IntN(len(alternatives))]
	}
	u64 := func(v any) uint64 { return v.(uint64) }
	max64 := ^uint64(0)
	big2 := func(exp uint) *big.Int { return new(big.Int).Lsh(big.NewInt(1), exp) }
	minus1 := func(x *big.Int) *big.Int { return new(big.Int).Sub(x, big.NewInt(1)) }
	other := common.HexToAddress("0x00000000000000000000000000000000000000aa")

	ag := &c.a
	if moves(0) {
		if rng.IntN(2) == 0 {
			c.provKey, c.notes = a.Owner, append(c.notes, "provider is the owner")
		} else {
			c.provKey, c.notes = b.Wallet, append(c.notes, "provider of another agent")
		}
	}
	ag.Client, ag.Provider = addressOf(clientKey), addressOf(c.provKey)
	if moves(1) {
		switch rng.IntN(3) {
		case 0:
			ag.Client, c.notes = common.Address{}, append(c.notes, "client zero")
		case 1:
			c.clientKey, ag.Client, c.notes = c.provKey, ag.Provider, append(c.notes, "client is provider")
		case 2:
			ag.Provider, c.notes = common.Address{}, append(c.notes, "provider zero")
		}
	}
	ag.Token = pick(2, token, common.Address{}).(common.Address)
	ag.Price = pick(3, big.NewInt(1_000_000), big.NewInt(0), big.NewInt(1)).(*big.Int)
	ag.DeliveryDeadline = u64(pick(4, now+3600, now-1, now, now+1, uint64(terms.MaxUnix), uint64(terms.MaxUnix+1), max64))
	ag.ExpiredAt = ag.DeliveryDeadline + 86400
	if ag.ExpiredAt < ag.DeliveryDeadline { // wrapped
		ag.ExpiredAt = max64
	}
	ag.ExpiredAt = u64(pick(5, ag.ExpiredAt, ag.DeliveryDeadline, ag.DeliveryDeadline-1, uint64(terms.MaxUnix),
		uint64(terms.MaxUnix+1), max64))
	if moves(6) {
		ag.Validator = addressOf(a.Owner) // any address: the escrow does not look it up when funding
		ag.Validator[0] ^= 0xff
		if rng.IntN(2) == 0 {
			ag.ValidationThreshold = 80
		}
	}
	if c.focus == 6 && rng.IntN(2) == 0 {
		c.focus = 8 // a validator without an arbiter
	}
	ag.ValidationThreshold = uint8(u64(pick(7, uint64(ag.ValidationThreshold), uint64(0), uint64(1), uint64(100), uint64(101), uint64(255))))
	ag.Arbiter = pick(8, other, common.Address{}).(common.Address)
	ag.ReviewWindow = u64(pick(9, uint64(3600), uint64(0), uint64(terms.MaxReviewWindow), uint64(terms.MaxReviewWindow+1), max64))
	ag.LatePenaltyBps = uint16(u64(pick(10, uint64(500), uint64(0), uint64(terms.BPS), uint64(terms.BPS+1), uint64(65535))))
	ag.ProviderAgentID = pick(11, a.AgentID, b.AgentID, terms.MaxAgentID, big2(96), minus1(big2(256))).(*big.Int)
	ag.Expiry = pick(12, new(big.Int).SetUint64(now+600), new(big.Int).SetUint64(now-1), new(big.Int).SetUint64(now-1),
		new(big.Int).SetUint64(now-1), new(big.Int).SetUint64(now),
		new(big.Int).SetUint64(now+1), big.NewInt(terms.MaxUnix), big.NewInt(terms.MaxUnix+1), big2(64), big2(255), minus1(big2(256))).(*big.Int)
	c.spoilSignature = moves(13)
	ag.DeliverableSpecHash = crypto.Keccak256Hash([]byte("spec"))
	ag.SLAHash = crypto.Keccak256Hash([]byte("sla"))
	ag.Nonce = new(big.Int).SetUint64(rng.Uint64()) // fresh: each case is judged alone
	return c
}

// request signs the case and spoils a signature now and then: v 0/1, high s, 64 bytes (EIP-2098), another
// signer.
func (c *termsCase) request(t *testing.T, d eip712.Domain, rng *rand.Rand) map[string]any {
	t.Helper()
	var err error
	if c.clientSig, err = eip712.Sign(c.clientKey, d, c.a); err != nil {
		t.Fatal(err)
	}
	if c.providerSig, err = eip712.Sign(c.provKey, d, c.a); err != nil {
		t.Fatal(err)
	}
	spoil := func(sig []byte, who string, how int) []byte {
		switch how {
		case 0:
			sig[64] -= 27
			c.notes = append(c.notes, who+" v 0/1")
		case 1:
			n := crypto.S256().Params().N
			s := new(big.Int).Sub(n, new(big.Int).SetBytes(sig[32:64]))
			copy(sig[32:64], common.LeftPadBytes(s.Bytes(), 32))
			sig[64] = 27 + 28 - sig[64]
			c.notes = append(c.notes, who+" high s")
		case 2:
			vs := new(big.Int).SetBytes(sig[32:64])
			if sig[64] == 28 {
				vs.SetBit(vs, 255, 1)
			}
			sig = append(bytes.Clone(sig[:32]), common.LeftPadBytes(vs.Bytes(), 32)...)
			c.notes = append(c.notes, who+" 64 bytes")
		case 3:
			sig[10] ^= 1
			c.notes = append(c.notes, who+" another signer")
		}
		return sig
	}
	if c.spoilSignature {
		if r := rng.IntN(8); r < 4 {
			c.clientSig = spoil(c.clientSig, "client", r)
		} else {
			c.providerSig = spoil(c.providerSig, "provider", r-4)
		}
	}
	td, err := eip712.MarshalTypedData(d, c.a)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]any{"typedData": json.RawMessage(td), "clientSignature": hexutil.Encode(c.clientSig),
		"providerSignature": hexutil.Encode(c.providerSig)}
}

// callCreateJob runs createJobFromAgreement by eth_call at block time now and returns "" when it would
// succeed, else the name of its custom error.
func callCreateJob(ctx context.Context, t *testing.T, geth *gethclient.Client, escrow common.Address, c termsCase, now uint64,
	names map[[4]byte]string) string {
	t.Helper()
	data := bindings.NewAgentEscrow().PackCreateJobFromAgreement(c.a.Binding(), c.clientSig, c.providerSig)
	_, err := geth.CallContractWithBlockOverrides(ctx, ethereum.CallMsg{From: common.Address{0x99}, To: &escrow, Data: data,
		Gas: 3_000_000}, nil, nil, gethclient.BlockOverrides{Time: now})
	if err == nil {
		return ""
	}
	var de rpc.DataError
	if !errors.As(err, &de) {
		t.Fatalf("eth_call createJobFromAgreement: %v", err)
	}
	raw, _ := de.ErrorData().(string)
	revert, derr := hex.DecodeString(strings.TrimPrefix(raw, "0x"))
	if derr != nil || len(revert) < 4 {
		t.Fatalf("eth_call createJobFromAgreement: %v (data %v)", err, de.ErrorData())
	}
	name, ok := names[[4]byte(revert[:4])]
	if !ok {
		t.Fatalf("eth_call createJobFromAgreement reverted with an unknown error %x (%v)", revert, err)
	}
	return name
}

// escrowErrorNames maps the custom error selectors of the escrow and the token to their names.
func escrowErrorNames(t *testing.T) map[[4]byte]string {
	t.Helper()
	names := map[[4]byte]string{}
	for _, meta := range []*bind.MetaData{&bindings.AgentEscrowMetaData, &bindings.TestUSDMetaData} {
		parsed, err := meta.ParseABI()
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range parsed.Errors {
			names[[4]byte(e.ID[:4])] = e.Name
		}
	}
	return names
}

// fundClient mints the client far more tUSD than any case's price and approves the escrow for all of it, so
// that the money is never why the escrow refuses.
func fundClient(ctx context.Context, t *testing.T, e *env, client *ecdsa.PrivateKey, tusd, escrow common.Address) {
	t.Helper()
	if err := deployment.MintTestUSD(ctx, e.chain.Client, e.chain.Keys[0], tusd, []common.Address{addressOf(client)},
		big.NewInt(1_000_000_000_000), 30*time.Second); err != nil {
		t.Fatal(err)
	}
	token := bindings.NewTestUSD()
	opts := bind.NewKeyedTransactor(client, new(big.Int).SetUint64(e.dep.ChainID))
	opts.Context = ctx
	tx, err := bind.Transact(token.Instance(e.chain.Client, tusd), opts, token.PackApprove(escrow, new(big.Int).Lsh(big.NewInt(1), 255)))
	if err != nil {
		t.Fatal(err)
	}
	if r, err := deployment.WaitMined(ctx, e.chain.Client, tx, 30*time.Second); err != nil || r.Status != 1 {
		t.Fatalf("approve: %v %v", r, err)
	}
}

func rpcClient(ctx context.Context, t *testing.T, url string) *rpc.Client {
	t.Helper()
	c, err := rpc.DialContext(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}
