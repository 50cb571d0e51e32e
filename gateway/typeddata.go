package gateway

import (
	"encoding/json"
	"errors"
	"net/http"
	"sort"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/gin-gonic/gin"

	"github.com/agoralabs/agora/eip712"
)

// typedDataKinds are Agora's EIP-712 types by their URL name (GET /v1/eip712/{type}): zero messages, whose
// typed data is the template a wallet fills in.
var typedDataKinds = map[string]eip712.Message{
	"agent-wallet-set":  eip712.AgentWalletSet{},
	"service-agreement": eip712.ServiceAgreement{},
	"heartbeat":         eip712.Heartbeat{},
	"rfq":               eip712.RFQ{},
	"quote":             eip712.Quote{},
	"mandate":           eip712.Mandate{},
	"mandate-approval":  eip712.MandateApproval{},
	"policy-approval":   eip712.PolicyApproval{},
	"approvals-query":   eip712.ApprovalsQuery{},
	"audit-query":       eip712.AuditQuery{},
}

// domainFor returns the domain m is signed under on this gateway's chain: the Identity Registry's for
// AgentWalletSet, the gateway's for Heartbeat, PolicyApproval, ApprovalsQuery and AuditQuery (naming the registry), the MandateRegistry's for Mandate and
// MandateApproval, the escrow's for the market's ServiceAgreement, RFQ and Quote.
func (s *Server) domainFor(m eip712.Message) eip712.Domain {
	switch m.(type) {
	case eip712.AgentWalletSet:
		return eip712.IdentityDomain(s.chainID, s.registry)
	case eip712.Heartbeat, eip712.PolicyApproval, eip712.ApprovalsQuery, eip712.AuditQuery:
		return eip712.GatewayDomain(s.chainID, s.registry)
	case eip712.Mandate, eip712.MandateApproval:
		return eip712.MandateDomain(s.chainID, s.mandates)
	default:
		return eip712.EscrowDomain(s.chainID, s.escrow)
	}
}

// typedDataTemplate serves a type's eth_signTypedData_v4 template: this chain's domain, the types, and a
// message of zeros (integers as decimal strings). The type is named by its URL name or its primary type.
func (s *Server) typedDataTemplate(c *gin.Context) {
	m, ok := typedDataKinds[c.Param("type")]
	if !ok { // its primary type works too: "RFQ", "ServiceAgreement"
		for _, k := range typedDataKinds {
			if k.PrimaryType() == c.Param("type") {
				m, ok = k, true
			}
		}
	}
	if !ok {
		names := make([]string, 0, len(typedDataKinds))
		for n := range typedDataKinds {
			names = append(names, n)
		}
		sort.Strings(names)
		s.fail(c, problem(http.StatusNotFound, CodeUnknownType, "no typed data %q; one of %v", clip(c.Param("type")), names))
		return
	}
	td, err := eip712.NewTypedData(s.domainFor(m), m)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "public, max-age=300")
	sendJSON(c, http.StatusOK, td)
}

// verifyRequest is the body of POST /v1/eip712/verify.
type verifyRequest struct {
	TypedData json.RawMessage `json:"typedData"`
	Signature hexutil.Bytes   `json:"signature"`
	// Signer is the account that should have signed: an EOA (ECDSA) or a contract wallet (ERC-1271). When
	// absent, the ECDSA signer is recovered.
	Signer *common.Address `json:"signer,omitempty"`
}

type verifyResponse struct {
	Valid       bool    `json:"valid"`
	PrimaryType string  `json:"primaryType"`
	Digest      string  `json:"digest"`
	Signer      *string `json:"signer"`
	Method      string  `json:"method,omitempty"` // ecdsa or erc1271, when valid
	Reason      string  `json:"reason,omitempty"` // why not, when not valid
}

// verifyTypedData checks a signature over any of Agora's typed data, signed for this chain and its
// contracts: the answer says whether it is valid, by which method, and the digest. Malformed typed data or
// signatures, and domains of another chain or contract, are problems; a well-formed signature by someone
// else is valid: false. Only the signature is checked: deadlines, nonces and the parties' roles are the
// business of the endpoint that takes the message.
func (s *Server) verifyTypedData(c *gin.Context) {
	var req verifyRequest
	if p := readJSON(c, &req); p != nil {
		s.fail(c, p)
		return
	}
	if len(req.TypedData) == 0 || len(req.Signature) == 0 {
		s.fail(c, problem(http.StatusBadRequest, CodeInvalidBody, "typedData and signature are required"))
		return
	}
	domain, m, err := eip712.ParseTypedData(req.TypedData)
	if err != nil {
		s.fail(c, problem(http.StatusBadRequest, CodeInvalidBody, "typedData: %v", err))
		return
	}
	if p := s.checkDomain(domain, m); p != nil {
		s.fail(c, p)
		return
	}
	digest, err := eip712.Digest(domain, m)
	if err != nil {
		s.fail(c, problem(http.StatusBadRequest, CodeInvalidBody, "typedData: %v", err))
		return
	}
	resp := verifyResponse{PrimaryType: m.PrimaryType(), Digest: digest.Hex()}
	signer := req.Signer
	if signer == nil {
		recovered, err := eip712.RecoverDigest(digest, req.Signature)
		if err != nil {
			s.fail(c, problem(http.StatusBadRequest, CodeInvalidSignature, "signature: %v", err))
			return
		}
		signer = &recovered
	}
	hex := signer.Hex()
	resp.Signer = &hex
	switch err := s.verifier.Verify(c.Request.Context(), *signer, digest, req.Signature); {
	case err == nil:
		resp.Valid, resp.Method = true, "erc1271"
		if recovered, rerr := eip712.RecoverDigest(digest, req.Signature); rerr == nil && recovered == *signer {
			resp.Method = "ecdsa"
		}
	case errors.Is(err, eip712.ErrInvalidSignature):
		s.fail(c, problem(http.StatusBadRequest, CodeInvalidSignature, "signature: %v", err))
		return
	case errors.Is(err, eip712.ErrSignerMismatch):
		resp.Reason = "not signed by " + hex
	case errors.Is(err, eip712.ErrContractRejected):
		resp.Reason = "the contract wallet " + hex + " does not accept the signature (ERC-1271)"
	default:
		s.log.Warn("signature check failed", "signer", hex, "err", err)
		s.fail(c, problem(http.StatusServiceUnavailable, CodeUnavailable, "cannot check the signature now; try again"))
		return
	}
	sendJSON(c, http.StatusOK, resp)
}

// checkDomain checks that typed data of m's type is signed for this gateway's chain and the contract its
// type belongs to.
func (s *Server) checkDomain(d eip712.Domain, m eip712.Message) *Problem {
	want := s.domainFor(m)
	if d.Name != want.Name || d.Version != want.Version {
		return problem(http.StatusBadRequest, CodeWrongContract, "%s domain %q version %q: want %q version %q",
			m.PrimaryType(), clip(d.Name), clip(d.Version), want.Name, want.Version)
	}
	if d.ChainID == nil || d.ChainID.Cmp(want.ChainID) != 0 {
		return problem(http.StatusBadRequest, CodeWrongChain, "signed for chain %v, this gateway serves chain %s",
			d.ChainID, want.ChainID)
	}
	if d.VerifyingContract != want.VerifyingContract {
		return problem(http.StatusBadRequest, CodeWrongContract, "%s signed for verifying contract %s, want %s",
			m.PrimaryType(), d.VerifyingContract.Hex(), want.VerifyingContract.Hex())
	}
	return nil
}
