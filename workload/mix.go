package workload

import (
	"errors"
	"fmt"
)

// Mix holds the relative weights of the actions the generator picks for each free transaction slot of a
// block. A weight of zero turns an action off. PlainJob and AgreementJob start escrow jobs; the generator
// then drives every open job through its later steps (set provider and budget, approve and fund, submit,
// validate, complete, reject, refund, dispute, resolve, release, settle) on its own, using up to half of
// each block's slots, so the weights of the two job actions set how much of the traffic is escrow.
type Mix struct {
	Register           int // register an agent (registration file, https or empty URI, 0-2 metadata entries)
	SetMetadata        int // set a metadata entry (50-300 bytes) on an agent, by its owner
	SetAgentURI        int // replace an agent's URI, by its owner
	SetAgentWallet     int // bind a fresh wallet proven by its EIP-712 signature, by the owner
	UnsetAgentWallet   int // clear the agent wallet, by the owner
	Transfer           int // transferFrom of an agent to another account (clears the wallet)
	GiveFeedback       int // feedback from an account that does not own the agent
	RevokeFeedback     int // revoke one's own feedback
	AppendResponse     int // respond to a feedback (mostly by the agent's owner)
	ValidationRequest  int // the agent's owner asks a validator account
	ValidationResponse int // the named validator answers (0..100; may answer again)
	PlainJob           int // start an ERC-8183 job (createJob)
	AgreementJob       int // start a job from a ServiceAgreement signed by client and provider
}

// DefaultMix is ERC-8004-heavy: mostly feedback and agent metadata, some validation, and escrow jobs for
// about a tenth of the transactions.
func DefaultMix() Mix {
	return Mix{
		Register:           8,
		SetMetadata:        12,
		SetAgentURI:        4,
		SetAgentWallet:     3,
		UnsetAgentWallet:   1,
		Transfer:           1,
		GiveFeedback:       35,
		RevokeFeedback:     3,
		AppendResponse:     8,
		ValidationRequest:  5,
		ValidationResponse: 5,
		PlainJob:           1,
		AgreementJob:       1,
	}
}

// Action names: the keys of Stats.ByAction. Each transaction the generator sends is one action.
const (
	ActionFundETH                = "fundETH"     // setup and top-ups: ETH from the funder
	ActionMintTestUSD            = "mintTestUSD" // setup: tUSD for an account
	ActionRegister               = "register"
	ActionSetMetadata            = "setMetadata"
	ActionSetAgentURI            = "setAgentURI"
	ActionSetAgentWallet         = "setAgentWallet"
	ActionUnsetAgentWallet       = "unsetAgentWallet"
	ActionTransfer               = "transferFrom"
	ActionGiveFeedback           = "giveFeedback"
	ActionRevokeFeedback         = "revokeFeedback"
	ActionAppendResponse         = "appendResponse"
	ActionValidationRequest      = "validationRequest"
	ActionValidationResponse     = "validationResponse"
	ActionCreateJob              = "createJob"
	ActionSetProvider            = "setProvider"
	ActionSetBudget              = "setBudget"
	ActionApprove                = "approve"
	ActionFund                   = "fund"
	ActionSubmit                 = "submit"
	ActionComplete               = "complete"
	ActionReject                 = "reject"
	ActionClaimRefund            = "claimRefund"
	ActionCreateJobFromAgreement = "createJobFromAgreement"
	ActionDispute                = "dispute"
	ActionResolve                = "resolve"
	ActionRelease                = "release"
	ActionSettleFromValidation   = "settleFromValidation"
)

// ActionNames lists every action the generator can send, setup first.
func ActionNames() []string {
	return []string{
		ActionFundETH, ActionMintTestUSD,
		ActionRegister, ActionSetMetadata, ActionSetAgentURI, ActionSetAgentWallet, ActionUnsetAgentWallet,
		ActionTransfer, ActionGiveFeedback, ActionRevokeFeedback, ActionAppendResponse,
		ActionValidationRequest, ActionValidationResponse,
		ActionCreateJob, ActionSetProvider, ActionSetBudget, ActionApprove, ActionFund, ActionSubmit,
		ActionComplete, ActionReject, ActionClaimRefund, ActionCreateJobFromAgreement, ActionDispute,
		ActionResolve, ActionRelease, ActionSettleFromValidation,
	}
}

// weighted is one entry of a Mix: the action a slot starts and its weight.
type weighted struct {
	name   string
	weight int
	do     func(g *gen) bool
}

func (m Mix) entries() []weighted {
	return []weighted{
		{ActionRegister, m.Register, (*gen).register},
		{ActionSetMetadata, m.SetMetadata, (*gen).setMetadata},
		{ActionSetAgentURI, m.SetAgentURI, (*gen).setAgentURI},
		{ActionSetAgentWallet, m.SetAgentWallet, (*gen).setAgentWallet},
		{ActionUnsetAgentWallet, m.UnsetAgentWallet, (*gen).unsetAgentWallet},
		{ActionTransfer, m.Transfer, (*gen).transfer},
		{ActionGiveFeedback, m.GiveFeedback, (*gen).giveFeedback},
		{ActionRevokeFeedback, m.RevokeFeedback, (*gen).revokeFeedback},
		{ActionAppendResponse, m.AppendResponse, (*gen).appendResponse},
		{ActionValidationRequest, m.ValidationRequest, (*gen).validationRequest},
		{ActionValidationResponse, m.ValidationResponse, (*gen).validationResponse},
		{ActionCreateJob, m.PlainJob, (*gen).createPlainJob},
		{ActionCreateJobFromAgreement, m.AgreementJob, (*gen).createAgreementJob},
	}
}

// check rejects negative weights and a mix that turns everything off.
func (m Mix) check() error {
	total := 0
	for _, e := range m.entries() {
		if e.weight < 0 {
			return fmt.Errorf("mix: weight of %s is negative (%d)", e.name, e.weight)
		}
		total += e.weight
	}
	if total == 0 {
		return errors.New("mix: every weight is zero")
	}
	return nil
}
