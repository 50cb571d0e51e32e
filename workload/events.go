package workload

import (
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/deployment"
)

// eventNames names the logs of a deployment's contracts as "Contract.Event", from the bindings' ABIs, so
// that events added to a contract are counted without changes here.
type eventNames struct {
	contracts map[common.Address]string
	byTopic   map[common.Address]map[common.Hash]string

	registered, jobCreated common.Hash
}

func newEventNames(d *deployment.Deployment) *eventNames {
	abis := map[string]abi.ABI{
		deployment.IdentityRegistry:   bindings.NewIdentityRegistry().GetABI(),
		deployment.ReputationRegistry: bindings.NewReputationRegistry().GetABI(),
		deployment.ValidationRegistry: bindings.NewValidationRegistry().GetABI(),
		deployment.TestUSD:            bindings.NewTestUSD().GetABI(),
		deployment.AgentEscrow:        bindings.NewAgentEscrow().GetABI(),
	}
	e := &eventNames{
		contracts:  make(map[common.Address]string),
		byTopic:    make(map[common.Address]map[common.Hash]string),
		registered: abis[deployment.IdentityRegistry].Events["Registered"].ID,
		jobCreated: abis[deployment.AgentEscrow].Events["JobCreated"].ID,
	}
	for _, c := range d.All() {
		e.contracts[c.Address] = c.Name
		topics := make(map[common.Hash]string)
		for _, ev := range abis[c.Name].Events {
			topics[ev.ID] = c.Name + "." + ev.RawName
		}
		e.byTopic[c.Address] = topics
	}
	return e
}

// name returns the "Contract.Event" name of l, or false when l is not from one of the deployment's
// contracts. An event missing from the ABI is named by its topic.
func (e *eventNames) name(l *types.Log) (string, bool) {
	contract, ok := e.contracts[l.Address]
	if !ok {
		return "", false
	}
	if len(l.Topics) == 0 {
		return contract + ".anonymous", true
	}
	if name, ok := e.byTopic[l.Address][l.Topics[0]]; ok {
		return name, true
	}
	return contract + "." + l.Topics[0].Hex(), true
}

// EventNamer returns a function naming logs as Stats.ByEvent does ("Contract.Event"); it reports false for a
// log that is not from one of d's contracts. Tests use it to count the logs on chain the same way.
func EventNamer(d *deployment.Deployment) func(l *types.Log) (string, bool) {
	return newEventNames(d).name
}
