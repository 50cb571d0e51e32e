package workload

import (
	"encoding/binary"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/eip712"
)

// Gas limits of the ERC-8004 calls. Strings that are stored cost about 700 gas a byte (a storage word per 32
// bytes, plus calldata and log data); the limits allow 900.
const (
	gasPerStoredByte       = 900
	gasRegister            = 180_000
	gasMetadataEntry       = 60_000
	gasSetMetadata         = 80_000
	gasSetAgentURI         = 80_000
	gasSetAgentWallet      = 90_000
	gasUnsetAgentWallet    = 50_000
	gasTransfer            = 80_000
	gasGiveFeedback        = 240_000
	gasRevokeFeedback      = 50_000
	gasAppendResponse      = 90_000
	gasValidationRequest   = 200_000
	gasValidationResponse  = 120_000
	gasPerCalldataByte     = 40
	agentPicksBeforeGiveUp = 4
)

// agent is an agent registered by this run.
type agent struct {
	n      int // index in gen.agents
	id     uint64
	owner  *account
	wallet common.Address
	uri    string
	meta   map[string][]byte
	jobs   int // agreement jobs not final that name it: its owner must stay their provider
}

// feedback is a feedback given in this run.
type feedback struct {
	agent      *agent
	client     *account
	index      uint64
	value      int64
	decimals   uint8
	tag1, tag2 string
	revoked    bool
	responses  int
	at         uint64 // timestamp of its block
}

// validation is a validation request opened in this run.
type validation struct {
	hash      common.Hash
	validator *account
	agent     *agent
	answers   int
	response  uint8
	at        uint64
	job       *job // the escrow job it validates, or nil for a plain request
}

func (g *gen) randomAgent() *agent {
	if len(g.agents) == 0 {
		return nil
	}
	return g.agents[g.rng.IntN(len(g.agents))]
}

func bigU(x uint64) *big.Int { return new(big.Int).SetUint64(x) }

func (g *gen) register() bool {
	owner := g.pickAccount()
	id := g.firstAgentID + uint64(len(g.agents))
	uri := g.c.agentURI(id, g.registryID)
	gas := uint64(gasRegister + gasPerStoredByte*len(uri))
	meta := make(map[string][]byte)
	var entries []bindings.IIdentityRegistryMetadataEntry
	n := 0
	switch r := g.rng.IntN(10); {
	case r >= 8:
		n = 2
	case r >= 5:
		n = 1
	}
	for range n {
		k, v := g.c.metadata()
		if _, dup := meta[k]; dup {
			continue
		}
		meta[k] = v
		entries = append(entries, bindings.IIdentityRegistryMetadataEntry{MetadataKey: k, MetadataValue: v})
		gas += uint64(gasMetadataEntry + gasPerStoredByte*(len(k)+len(v)))
	}
	if !g.room(1, gas) {
		return false
	}
	var data []byte
	switch {
	case len(entries) > 0:
		data = g.identity.PackRegister0(uri, entries)
	case uri != "":
		data = g.identity.PackRegister1(uri)
	default:
		data = g.identity.PackRegister()
	}
	tx := g.add(ActionRegister, owner, g.addr.identity, data, gas)
	tx.agentID = int64(id)
	g.agents = append(g.agents, &agent{n: len(g.agents), id: id, owner: owner, wallet: owner.addr, uri: uri, meta: meta})
	return true
}

func (g *gen) setMetadata() bool {
	a := g.randomAgent()
	if a == nil {
		return false
	}
	k, v := g.c.metadata()
	gas := uint64(gasSetMetadata + gasPerStoredByte*(len(k)+len(v)))
	if !g.room(1, gas) {
		return false
	}
	g.add(ActionSetMetadata, a.owner, g.addr.identity, g.identity.PackSetMetadata(bigU(a.id), k, v), gas)
	a.meta[k] = v
	return true
}

func (g *gen) setAgentURI() bool {
	a := g.randomAgent()
	if a == nil {
		return false
	}
	uri := g.c.agentURI(a.id, g.registryID)
	gas := uint64(gasSetAgentURI + gasPerStoredByte*len(uri))
	if !g.room(1, gas) {
		return false
	}
	g.add(ActionSetAgentURI, a.owner, g.addr.identity, g.identity.PackSetAgentURI(bigU(a.id), uri), gas)
	a.uri = uri
	return true
}

// setAgentWallet binds a fresh wallet, which signs the EIP-712 AgentWalletSet proof; the owner sends it.
func (g *gen) setAgentWallet() bool {
	a := g.randomAgent()
	if a == nil || !g.room(1, gasSetAgentWallet) {
		return false
	}
	key := deriveKey("wallet", g.cfg.Seed, g.walletSeq)
	g.walletSeq++
	wallet := crypto.PubkeyToAddress(key.PublicKey)
	deadline := bigU(g.now + uint64(g.c.between(60, 300))) // the registry allows at most five minutes ahead
	proof := eip712.AgentWalletSet{AgentID: bigU(a.id), NewWallet: wallet, Owner: a.owner.addr, Deadline: deadline}
	sig, err := eip712.Sign(key, g.identityDomain, proof)
	if err != nil {
		g.log.Error("signing a wallet proof", "err", err)
		return false
	}
	g.add(ActionSetAgentWallet, a.owner, g.addr.identity, g.identity.PackSetAgentWallet(bigU(a.id), wallet, deadline, sig), gasSetAgentWallet)
	a.wallet = wallet
	return true
}

func (g *gen) unsetAgentWallet() bool {
	for range agentPicksBeforeGiveUp {
		a := g.randomAgent()
		if a == nil || !g.room(1, gasUnsetAgentWallet) {
			return false
		}
		if a.wallet == (common.Address{}) {
			continue
		}
		g.add(ActionUnsetAgentWallet, a.owner, g.addr.identity, g.identity.PackUnsetAgentWallet(bigU(a.id)), gasUnsetAgentWallet)
		a.wallet = common.Address{}
		return true
	}
	return false
}

// transfer moves an agent to another account; the registry clears its wallet. Agents that providers of open
// agreement jobs still need are not moved.
func (g *gen) transfer() bool {
	for range agentPicksBeforeGiveUp {
		a := g.randomAgent()
		if a == nil || !g.room(1, gasTransfer) {
			return false
		}
		if a.jobs > 0 {
			continue
		}
		to := g.pickAccount(a.owner)
		g.add(ActionTransfer, a.owner, g.addr.identity, g.identity.PackTransferFrom(a.owner.addr, to.addr, bigU(a.id)), gasTransfer)
		a.owner = to
		a.wallet = common.Address{}
		return true
	}
	return false
}

// giveFeedback rates an agent from an account that does not own it (self-feedback reverts).
func (g *gen) giveFeedback() bool {
	a := g.randomAgent()
	if a == nil {
		return false
	}
	client := g.pickAccount(a.owner)
	value, decimals := g.c.feedbackValue()
	tag1, tag2 := g.c.pick(feedbackTags), ""
	if g.rng.IntN(10) < 7 {
		tag2 = g.c.pick(feedbackTags)
	}
	endpoint, uri := g.c.endpoint(), g.c.documentURI()
	var hash common.Hash
	if g.rng.IntN(10) < 8 {
		hash = g.c.hash(uri)
	}
	gas := uint64(gasGiveFeedback + gasPerCalldataByte*(len(tag1)+len(tag2)+len(endpoint)+len(uri)))
	if !g.room(1, gas) {
		return false
	}
	key := [2]int{a.n, client.idx}
	index := g.lastIndex[key] + 1
	data := g.reputation.PackGiveFeedback(bigU(a.id), big.NewInt(value), decimals, tag1, tag2, endpoint, uri, hash)
	g.add(ActionGiveFeedback, client, g.addr.reputation, data, gas)
	g.lastIndex[key] = index
	g.live = append(g.live, len(g.feedback))
	g.feedback = append(g.feedback, &feedback{
		agent: a, client: client, index: index, value: value, decimals: decimals, tag1: tag1, tag2: tag2, at: g.now,
	})
	return true
}

// revokeFeedback revokes a live feedback given in an earlier block, by its client.
func (g *gen) revokeFeedback() bool {
	for range agentPicksBeforeGiveUp {
		if len(g.live) == 0 || !g.room(1, gasRevokeFeedback) {
			return false
		}
		k := g.rng.IntN(len(g.live))
		f := g.feedback[g.live[k]]
		if f.at >= g.now {
			continue
		}
		g.add(ActionRevokeFeedback, f.client, g.addr.reputation, g.reputation.PackRevokeFeedback(bigU(f.agent.id), f.index), gasRevokeFeedback)
		f.revoked = true
		g.live[k] = g.live[len(g.live)-1]
		g.live = g.live[:len(g.live)-1]
		return true
	}
	return false
}

// appendResponse answers a feedback (revoked ones too), mostly by the agent's owner.
func (g *gen) appendResponse() bool {
	for range agentPicksBeforeGiveUp {
		if len(g.feedback) == 0 {
			return false
		}
		f := g.feedback[g.rng.IntN(len(g.feedback))]
		if f.at >= g.now {
			continue
		}
		responder := f.agent.owner
		if g.rng.IntN(10) < 3 {
			responder = g.pickAccount()
		}
		uri := g.c.documentURI()
		gas := uint64(gasAppendResponse + gasPerCalldataByte*len(uri))
		if !g.room(1, gas) {
			return false
		}
		data := g.reputation.PackAppendResponse(bigU(f.agent.id), f.client.addr, f.index, uri, g.c.hash(uri))
		g.add(ActionAppendResponse, responder, g.addr.reputation, data, gas)
		f.responses++
		return true
	}
	return false
}

// validationRequest has an agent's owner ask another account to validate some work.
func (g *gen) validationRequest() bool {
	a := g.randomAgent()
	if a == nil {
		return false
	}
	validator := g.pickAccount(a.owner)
	uri := g.c.documentURI()
	gas := uint64(gasValidationRequest + gasPerCalldataByte*len(uri))
	if !g.room(1, gas) {
		return false
	}
	// Request hashes are global: the agent id (new in every run) and a counter make this one unique.
	var buf [24]byte
	binary.BigEndian.PutUint64(buf[:8], uint64(g.cfg.Seed))
	binary.BigEndian.PutUint64(buf[8:16], a.id)
	binary.BigEndian.PutUint64(buf[16:], g.requestSeq)
	g.requestSeq++
	hash := crypto.Keccak256Hash([]byte("agora/workload/request"), buf[:])
	g.add(ActionValidationRequest, a.owner, g.addr.validation, g.validation.PackValidationRequest(validator.addr, bigU(a.id), uri, hash), gas)
	g.unanswered = append(g.unanswered, len(g.validations))
	g.validations = append(g.validations, &validation{hash: hash, validator: validator, agent: a, at: g.now})
	return true
}

// validationResponse has a validator answer a plain request from an earlier block: mostly unanswered ones,
// sometimes again.
func (g *gen) validationResponse() bool {
	for range agentPicksBeforeGiveUp {
		var (
			v *validation
			k = -1
		)
		switch {
		case len(g.unanswered) > 0 && g.rng.IntN(4) != 0:
			k = g.rng.IntN(len(g.unanswered))
			v = g.validations[g.unanswered[k]]
		case len(g.validations) > 0:
			v = g.validations[g.rng.IntN(len(g.validations))]
		default:
			return false
		}
		if v.job != nil || v.at >= g.now {
			continue
		}
		response := uint8(g.rng.IntN(101))
		uri, tag := g.c.documentURI(), g.c.pick(validationTags)
		gas := uint64(gasValidationResponse + gasPerCalldataByte*(len(uri)+len(tag)))
		if !g.room(1, gas) {
			return false
		}
		data := g.validation.PackValidationResponse(v.hash, response, uri, g.c.hash(uri), tag)
		g.add(ActionValidationResponse, v.validator, g.addr.validation, data, gas)
		v.answers++
		v.response = response
		if v.answers == 1 {
			if k < 0 {
				for i, idx := range g.unanswered {
					if g.validations[idx] == v {
						k = i
						break
					}
				}
			}
			g.unanswered[k] = g.unanswered[len(g.unanswered)-1]
			g.unanswered = g.unanswered[:len(g.unanswered)-1]
		}
		return true
	}
	return false
}
