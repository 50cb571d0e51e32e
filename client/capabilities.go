package client

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/ethereum/go-ethereum/common"
)

// Capability is one capability an agent's registration file declares, as the gateway serves it
// (GET /v1/agents/{id}: capability/schema/capability-v1.json).
type Capability struct {
	Index     int      `json:"index"`
	Name      string   `json:"name"`
	Tags      []string `json:"tags"`
	Languages []string `json:"languages"`
	Pricing   struct {
		Model    string `json:"model"`
		Amount   string `json:"amount"` // in the token's base units
		Token    string `json:"token"`
		Symbol   string `json:"symbol"`
		Decimals int    `json:"decimals"`
	} `json:"pricing"`
}

// AgentCapabilities is what the gateway knows of an agent's work: who it is and what it declares.
type AgentCapabilities struct {
	AgentID      string         `json:"agentId"`
	Owner        common.Address `json:"owner"`
	Wallet       common.Address `json:"wallet"`
	Capabilities []Capability   `json:"capabilities"`
}

// Capabilities reads agent agentID's declared capabilities from the gateway (a Problem with code
// agent_not_found when it has none).
func (c *Client) Capabilities(ctx context.Context, agentID string) (*AgentCapabilities, error) {
	var out AgentCapabilities
	if _, err := c.do(ctx, http.MethodGet, "/v1/agents/"+url.PathEscape(agentID), nil, &out); err != nil {
		return nil, fmt.Errorf("agent %s: %w", agentID, err)
	}
	return &out, nil
}
