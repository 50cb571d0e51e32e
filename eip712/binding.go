package eip712

import (
	"math/big"

	"github.com/agoralabs/agora/bindings"
)

// Binding returns m as the escrow binding's struct: what AgentEscrow's createJobFromAgreement,
// createJobFromAgreementWithPermit and hashAgreement take (bindings.AgentEscrow.PackCreateJobFromAgreement
// and friends). A nil integer becomes zero, as in Digest, so the contract hashes exactly what was signed;
// the integers are copies, so changing m afterwards does not change the result.
func (m ServiceAgreement) Binding() bindings.IAgentEscrowServiceAgreement {
	return bindings.IAgentEscrowServiceAgreement{
		ProviderAgentId:     bigOrZero(m.ProviderAgentID),
		Client:              m.Client,
		Provider:            m.Provider,
		Token:               m.Token,
		Price:               bigOrZero(m.Price),
		DeliveryDeadline:    m.DeliveryDeadline,
		ExpiredAt:           m.ExpiredAt,
		DeliverableSpecHash: m.DeliverableSpecHash,
		SlaHash:             m.SLAHash,
		Validator:           m.Validator,
		ValidationThreshold: m.ValidationThreshold,
		Arbiter:             m.Arbiter,
		ReviewWindow:        m.ReviewWindow,
		LatePenaltyBps:      m.LatePenaltyBps,
		Nonce:               bigOrZero(m.Nonce),
		Expiry:              bigOrZero(m.Expiry),
		MandateId:           bigOrZero(m.MandateID),
	}
}

// bigOrZero returns a copy of x, or zero for nil.
func bigOrZero(x *big.Int) *big.Int {
	if x == nil {
		return new(big.Int)
	}
	return new(big.Int).Set(x)
}
