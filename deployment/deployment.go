// Package deployment describes where Agora's contracts live on a chain and deploys them.
//
// A Deployment is written once by `agora deploy` (or `agora devnet`) and read by every later component
// (indexer, gateway, clients) to find the contracts and the block to start indexing from. The file is JSON:
//
//	{
//	  "chainId": 31337,
//	  "deployer": "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
//	  "contracts": {
//	    "IdentityRegistry":   {"address": "0x5fbd…", "deployBlock": 1, "txHash": "0x…"},
//	    "ReputationRegistry": {"address": "0xe7f1…", "deployBlock": 2, "txHash": "0x…"},
//	    "ValidationRegistry": {"address": "0x9fe4…", "deployBlock": 3, "txHash": "0x…"},
//	    "TestUSD":            {"address": "0xcf7e…", "deployBlock": 4, "txHash": "0x…"},
//	    "AgentEscrow":        {"address": "0xdc64…", "deployBlock": 5, "txHash": "0x…"},
//	    "MandateRegistry":    {"address": "0x5fc8…", "deployBlock": 6, "txHash": "0x…"},
//	    "AuditAnchor":        {"address": "0x0165…", "deployBlock": 7, "txHash": "0x…"}
//	  }
//	}
//
// chainId is the EIP-155 chain id; deployer is the account that sent the deployments; each contract has its
// address, the number of the block that holds its creation transaction, and that transaction's hash.
// All seven contracts are required in a file written now; a file written before AuditAnchor existed (six
// contracts) is still read, and AuditAnchorAddress says so with ErrNoAuditAnchor to a caller that needs it.
// Addresses are distinct and non-zero, and unknown fields are rejected. docs/deployment.md says the same for
// readers who are not Go programs.
package deployment

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"
)

// Contract names, as in the Solidity sources and the bindings.
const (
	IdentityRegistry   = "IdentityRegistry"
	ReputationRegistry = "ReputationRegistry"
	ValidationRegistry = "ValidationRegistry"
	TestUSD            = "TestUSD"
	AgentEscrow        = "AgentEscrow"
	MandateRegistry    = "MandateRegistry"
	AuditAnchor        = "AuditAnchor"
)

// Names lists the contracts in deployment order.
var Names = []string{IdentityRegistry, ReputationRegistry, ValidationRegistry, TestUSD, AgentEscrow, MandateRegistry,
	AuditAnchor}

// ErrInvalid is returned (wrapped) for a deployment that fails validation.
var ErrInvalid = errors.New("invalid deployment")

// ErrNoAuditAnchor is returned (wrapped) by AuditAnchorAddress for a deployment written before AuditAnchor
// was part of Agora.
var ErrNoAuditAnchor = errors.New("the deployment has no AuditAnchor (written before Agora deployed one): " +
	"deploy again with agora deploy, or deploy AuditAnchor (no constructor arguments) and add it to the file")

// Deployment records where Agora's contracts are on one chain.
type Deployment struct {
	ChainID   uint64         `json:"chainId"`
	Deployer  common.Address `json:"deployer"`
	Contracts Contracts      `json:"contracts"`
}

// Contracts holds one entry per deployed contract.
type Contracts struct {
	IdentityRegistry   Contract `json:"IdentityRegistry"`
	ReputationRegistry Contract `json:"ReputationRegistry"`
	ValidationRegistry Contract `json:"ValidationRegistry"`
	TestUSD            Contract `json:"TestUSD"`
	AgentEscrow        Contract `json:"AgentEscrow"`
	MandateRegistry    Contract `json:"MandateRegistry"`
	// AuditAnchor is zero in a file written before it existed (see AuditAnchorAddress).
	AuditAnchor Contract `json:"AuditAnchor"`
}

// Contract is one deployed contract.
type Contract struct {
	Address     common.Address `json:"address"`
	DeployBlock uint64         `json:"deployBlock"`
	TxHash      common.Hash    `json:"txHash"`
}

// Named pairs a contract with its name.
type Named struct {
	Name string
	Contract
}

// All returns the contracts in deployment order: all of Names, but AuditAnchor only when the deployment has
// one (a file written before it existed has not).
func (d *Deployment) All() []Named {
	c := &d.Contracts
	all := []Named{
		{IdentityRegistry, c.IdentityRegistry},
		{ReputationRegistry, c.ReputationRegistry},
		{ValidationRegistry, c.ValidationRegistry},
		{TestUSD, c.TestUSD},
		{AgentEscrow, c.AgentEscrow},
		{MandateRegistry, c.MandateRegistry},
	}
	if c.AuditAnchor != (Contract{}) {
		all = append(all, Named{AuditAnchor, c.AuditAnchor})
	}
	return all
}

// AuditAnchorAddress returns the AuditAnchor's address, or ErrNoAuditAnchor when the deployment was written
// before it existed.
func (d *Deployment) AuditAnchorAddress() (common.Address, error) {
	if d.Contracts.AuditAnchor.Address == (common.Address{}) {
		return common.Address{}, ErrNoAuditAnchor
	}
	return d.Contracts.AuditAnchor.Address, nil
}

// Contract returns the contract called name, or false if there is none.
func (d *Deployment) Contract(name string) (Contract, bool) {
	for _, n := range d.All() {
		if n.Name == name {
			return n.Contract, true
		}
	}
	return Contract{}, false
}

// StartBlock returns the lowest deploy block: where an indexer starts reading logs.
func (d *Deployment) StartBlock() uint64 {
	all := d.All()
	lowest := all[0].DeployBlock
	for _, n := range all[1:] {
		lowest = min(lowest, n.DeployBlock)
	}
	return lowest
}

// Validate checks that the deployment is complete and consistent, as read: AuditAnchor may be absent (all its
// fields missing) from a file written before it existed. Encode and Write also require AuditAnchor
// (ValidateNew).
func (d *Deployment) Validate() error {
	if d.ChainID == 0 {
		return fmt.Errorf("%w: chainId is zero", ErrInvalid)
	}
	if d.Deployer == (common.Address{}) {
		return fmt.Errorf("%w: deployer is the zero address", ErrInvalid)
	}
	seen := make(map[common.Address]string)
	for _, n := range d.All() {
		switch {
		case n.Address == (common.Address{}):
			return fmt.Errorf("%w: %s: address is missing or zero", ErrInvalid, n.Name)
		case n.DeployBlock == 0:
			return fmt.Errorf("%w: %s: deployBlock is missing or zero", ErrInvalid, n.Name)
		case n.TxHash == (common.Hash{}):
			return fmt.Errorf("%w: %s: txHash is missing or zero", ErrInvalid, n.Name)
		}
		if other, ok := seen[n.Address]; ok {
			return fmt.Errorf("%w: %s and %s share address %s", ErrInvalid, other, n.Name, n.Address)
		}
		seen[n.Address] = n.Name
	}
	return nil
}

// ValidateNew is Validate for a deployment written now: every contract of Names, AuditAnchor included, is
// present.
func (d *Deployment) ValidateNew() error {
	if d.Contracts.AuditAnchor == (Contract{}) {
		return fmt.Errorf("%w: %s: address is missing or zero", ErrInvalid, AuditAnchor)
	}
	return d.Validate()
}

// Decode reads and validates a deployment.
func Decode(r io.Reader) (*Deployment, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var d Deployment
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: trailing data after the JSON object", ErrInvalid)
	}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	return &d, nil
}

// Read reads and validates the deployment file at path.
func Read(path string) (*Deployment, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d, err := Decode(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

// Encode writes the deployment as indented JSON after validating it (ValidateNew).
func (d *Deployment) Encode(w io.Writer) error {
	if err := d.ValidateNew(); err != nil {
		return err
	}
	data, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// Write validates the deployment and writes it to path, creating the directory if needed. The file is
// replaced atomically, so a reader never sees half of it.
func (d *Deployment) Write(path string) error {
	var buf bytes.Buffer
	if err := d.Encode(&buf); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
