package workload

import (
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// The strings below imitate what real ERC-8004 agents and clients write, so that an indexer sees realistic
// sizes: registration files of a few hundred bytes, tags of 5 to 20 characters, endpoints of about 40 and
// feedback URIs of about 60.

var (
	feedbackTags = []string{
		"starred", "uptime", "reachable", "successRate", "responseTime", "blocktimeFreshness",
		"revenues", "tradingYield", "codeQuality", "accuracy", "latencyP95", "customerSupport",
		"dataFreshness", "costEfficiency", "hallucinationRate", "toolUseSuccess",
	}
	validationTags = []string{"quality", "latency", "correctness", "security-audit", "tee-attested", "zkml-proof"}
	metadataKeys   = []string{"capabilities", "pricing", "a2a", "mcp", "skills", "domains", "sla", "contact"}
	skills         = []string{
		"summarisation", "translation", "code-review", "data-extraction", "image-captioning", "web-research",
		"sql-generation", "forecasting", "classification", "negotiation", "scheduling", "due-diligence",
	}
	words = strings.Fields(`autonomous agent that answers requests quickly reliably with verifiable results and
		transparent pricing for research trading analytics support workflows across chains tools and data`)
	services = []string{"web", "A2A", "MCP", "OASF", "ENS", "DID", "email"}
)

// content draws the workload's strings from the generator's random source, so they are reproducible.
type content struct {
	rng *rand.Rand
}

func (c content) between(lo, hi int) int { return lo + c.rng.IntN(hi-lo+1) }

func (c content) pick(list []string) string { return list[c.rng.IntN(len(list))] }

// letters returns n lowercase letters and digits.
func (c content) letters(n int) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[c.rng.IntN(len(alphabet))]
	}
	return string(b)
}

// hexString returns n random hex digits.
func (c content) hexString(n int) string {
	b := make([]byte, (n+1)/2)
	for i := range b {
		b[i] = byte(c.rng.UintN(256))
	}
	return hex.EncodeToString(b)[:n]
}

// sentence returns words up to about n bytes.
func (c content) sentence(n int) string {
	var sb strings.Builder
	for sb.Len() < n {
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(c.pick(words))
	}
	return sb.String()[:n]
}

// hash is a reproducible bytes32 standing for some off-chain content.
func (c content) hash(parts ...string) common.Hash {
	return crypto.Keccak256Hash([]byte(strings.Join(parts, "\x00")), []byte(c.hexString(16)))
}

// registrationFile is the ERC-8004 agent registration file (what agentURI points to).
type registrationFile struct {
	Type           string         `json:"type"`
	Name           string         `json:"name"`
	Description    string         `json:"description"`
	Image          string         `json:"image"`
	Services       []service      `json:"services"`
	X402Support    bool           `json:"x402Support"`
	Active         bool           `json:"active"`
	Registrations  []registration `json:"registrations"`
	SupportedTrust []string       `json:"supportedTrust"`
}

type service struct {
	Name     string `json:"name"`
	Endpoint string `json:"endpoint"`
	Version  string `json:"version,omitempty"`
}

type registration struct {
	AgentID       uint64 `json:"agentId"`
	AgentRegistry string `json:"agentRegistry"`
}

// agentURI returns a URI for agent id: mostly a data: URI holding a 300-600 byte registration file, some
// https URIs, and a few empty ones.
func (c content) agentURI(id uint64, registry string) string {
	switch r := c.rng.IntN(100); {
	case r < 70:
		return "data:application/json;base64," + base64.StdEncoding.EncodeToString(c.registrationFile(id, registry))
	case r < 93:
		return fmt.Sprintf("https://agents.example/%d.json", id)
	default:
		return ""
	}
}

// registrationFile returns a JSON registration file of 300 to 600 bytes.
func (c content) registrationFile(id uint64, registry string) []byte {
	name := fmt.Sprintf("agent-%d-%s", id, c.letters(4))
	f := registrationFile{
		Type:           "https://eips.ethereum.org/EIPS/eip-8004#registration-v1",
		Name:           name,
		Image:          "https://img.agents.example/" + c.letters(12) + ".png",
		X402Support:    c.rng.IntN(2) == 0,
		Active:         c.rng.IntN(10) != 0,
		Registrations:  []registration{{AgentID: id, AgentRegistry: registry}},
		SupportedTrust: []string{"reputation"},
	}
	for range c.between(1, 2) {
		s := c.pick(services)
		f.Services = append(f.Services, service{Name: s, Endpoint: "https://" + name + ".agents.example/" + strings.ToLower(s), Version: "0.3.0"})
	}
	if c.rng.IntN(2) == 0 {
		f.SupportedTrust = append(f.SupportedTrust, "crypto-economic")
	}
	base, _ := json.Marshal(f) // cannot fail: plain strings, numbers and booleans
	target := c.between(300, 600)
	if n := target - len(base); n > 0 {
		f.Description = c.sentence(n)
	} else {
		f.Description = c.sentence(8)
	}
	out, _ := json.Marshal(f)
	return out
}

// metadata returns a key and a 50-300 byte value.
func (c content) metadata() (string, []byte) {
	key := c.pick(metadataKeys)
	n := c.between(50, 300)
	var v string
	switch key {
	case "capabilities", "skills":
		var sb strings.Builder
		sb.WriteString(`{"skills":[`)
		for sb.Len() < n-2 {
			if sb.Len() > len(`{"skills":[`) {
				sb.WriteByte(',')
			}
			sb.WriteString(`"` + c.pick(skills) + `"`)
		}
		sb.WriteString("]}")
		v = sb.String()
	case "pricing":
		v = fmt.Sprintf(`{"currency":"tUSD","perCall":"%d.%02d","perToken":"0.%06d","note":"%s"}`,
			c.rng.IntN(20), c.rng.IntN(100), c.rng.IntN(1_000_000), c.sentence(max(n-80, 8)))
	case "a2a", "mcp":
		v = fmt.Sprintf(`{"endpoint":"https://%s.agents.example/%s","card":"%s"}`, c.letters(10), key, c.sentence(max(n-70, 8)))
	default:
		v = c.sentence(n)
	}
	return key, []byte(v)
}

// endpoint returns an endpoint URL of about 40 characters.
func (c content) endpoint() string {
	return "https://api." + c.letters(c.between(6, 10)) + ".example/v1/" + c.letters(c.between(5, 9))
}

// documentURI returns a feedback, response or request URI of about 60 characters: ipfs or https.
func (c content) documentURI() string {
	if c.rng.IntN(3) == 0 {
		return "https://feedback.example/f/" + c.hexString(32) + ".json"
	}
	const base32 = "abcdefghijklmnopqrstuvwxyz234567"
	b := make([]byte, 52)
	for i := range b {
		b[i] = base32[c.rng.IntN(len(base32))]
	}
	return "ipfs://bafkrei" + string(b)
}

// feedbackValue returns a value in -100..100 with 0 to 2 decimals, mostly positive as real ratings are.
func (c content) feedbackValue() (int64, uint8) {
	decimals := uint8(c.rng.IntN(3))
	scale := int64(1)
	for range decimals {
		scale *= 10
	}
	var v int64
	if c.rng.IntN(10) < 7 {
		v = 60*scale + c.rng.Int64N(40*scale+1)
	} else {
		v = -100*scale + c.rng.Int64N(200*scale+1)
	}
	return v, decimals
}
