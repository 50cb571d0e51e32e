package gateway

import (
	"math/big"
	"net/http"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	lru "github.com/hashicorp/golang-lru/v2"
)

// maxUint256 bounds agent ids.
var maxUint256 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))

// parseAgentID accepts a local agentId ("42") or the ERC-8004 global id "eip155:<chainId>:<registry>:<agentId>"
// of this gateway's chain and Identity Registry, and returns the agent id in canonical decimal.
func (s *Server) parseAgentID(raw string) (string, *Problem) {
	local := raw
	if strings.HasPrefix(raw, "eip155:") {
		parts := strings.Split(raw, ":")
		if len(parts) != 4 {
			return "", problem(http.StatusBadRequest, CodeInvalidAgentID,
				"global id %q: want eip155:<chainId>:<registry>:<agentId>", clip(raw))
		}
		chain, ok := decimal(parts[1])
		if !ok || chain.Sign() == 0 {
			return "", problem(http.StatusBadRequest, CodeInvalidAgentID, "global id %q: bad chain id", clip(raw))
		}
		if !common.IsHexAddress(parts[2]) || !strings.HasPrefix(parts[2], "0x") {
			return "", problem(http.StatusBadRequest, CodeInvalidAgentID, "global id %q: bad registry address", clip(raw))
		}
		if chain.Cmp(s.chainID) != 0 || common.HexToAddress(parts[2]) != s.registry {
			return "", problem(http.StatusNotFound, CodeUnknownRegistry,
				"this gateway serves eip155:%s:%s, not eip155:%s:%s", s.chainID, s.registry.Hex(), parts[1], parts[2])
		}
		local = parts[3]
	}
	id, ok := decimal(local)
	if !ok || id.Cmp(maxUint256) > 0 {
		return "", problem(http.StatusBadRequest, CodeInvalidAgentID,
			"agent id %q: want a decimal uint256 or eip155:<chainId>:<registry>:<agentId>", clip(raw))
	}
	return id.String(), nil
}

// globalID returns the ERC-8004 global id of a local agent id.
func (s *Server) globalID(agentID string) string {
	return "eip155:" + s.chainID.String() + ":" + s.registry.Hex() + ":" + agentID
}

// decimal parses a plain decimal (digits only, no sign, at most 78 digits, no leading zeros but "0").
func decimal(s string) (*big.Int, bool) {
	if s == "" || len(s) > 78 || (len(s) > 1 && s[0] == '0') {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return nil, false
		}
	}
	return new(big.Int).SetString(s, 10)
}

// clip shortens client input echoed in a problem detail.
func clip(s string) string {
	if len(s) > 80 {
		return s[:77] + "..."
	}
	return s
}

// cache holds rendered responses of chain-derived reads (agent detail without its live part, feedback,
// validations, jobs, reputation). Every indexer notification purges it, so an entry is never older than the
// last committed block. A read that began before a purge does not store its (possibly stale) result: put
// takes the generation seen when the read began.
type cache struct {
	mu  sync.Mutex
	gen uint64
	c   *lru.Cache[string, []byte]
}

func newCache(n int) *cache {
	c, _ := lru.New[string, []byte](n)
	return &cache{c: c}
}

// generation returns the current generation, to pass to put.
func (c *cache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

func (c *cache) get(key string) ([]byte, bool) { return c.c.Get(key) }

func (c *cache) put(key string, v []byte, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen == c.gen {
		c.c.Add(key, v)
	}
}

func (c *cache) purge() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.c.Purge()
}
