package workload

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/agoralabs/agora/eip712"
)

// Gas limits of the escrow calls.
const (
	gasCreateJob              = 170_000
	gasSetProvider            = 70_000
	gasSetBudget              = 70_000
	gasApprove                = 60_000
	gasFund                   = 90_000
	gasSubmit                 = 80_000
	gasComplete               = 140_000
	gasReject                 = 100_000
	gasClaimRefund            = 100_000
	gasCreateJobFromAgreement = 400_000
	gasDispute                = 60_000
	gasResolve                = 130_000
	gasRelease                = 130_000
	gasSettleFromValidation   = 150_000

	day  = 86_400
	hour = 3_600
	// tusdUnit is one tUSD in base units (6 decimals).
	tusdUnit = 1_000_000
)

// The ways a job ends. Jobs take them in turn (plainPaths, agreementPaths), so a short run sees them all.
const (
	pathComplete        = iota // plain: the evaluator completes
	pathRejectSubmitted        // plain: the evaluator rejects the submission
	pathWithdraw               // funded, then the provider (or an agreement's arbiter) rejects
	pathRejectOpen             // plain: the client rejects the open job
	pathExpireFunded           // funded, never submitted, refunded after expiry
	pathExpireSubmitted        // plain: submitted, never decided, refunded after expiry
	pathValidatorPass          // agreement: the validator passes the work and anyone settles
	pathValidatorFail          // agreement: the validator fails it and anyone settles (refund)
	pathClientComplete         // agreement: the client (or arbiter) completes
	pathRelease                // agreement: silence through the review window, then anyone releases
	pathDispute                // agreement: the client disputes and the arbiter resolves
	pathLate                   // agreement: delivered after the deadline, completed with a penalty
)

var (
	plainPaths = []int{
		pathComplete, pathRejectSubmitted, pathComplete, pathWithdraw, pathExpireFunded, pathComplete,
		pathRejectOpen, pathExpireSubmitted,
	}
	agreementPaths = []int{
		pathValidatorPass, pathClientComplete, pathRelease, pathDispute, pathValidatorFail, pathLate,
		pathValidatorPass, pathExpireFunded, pathWithdraw, pathClientComplete,
	}
)

// job is an escrow job created by this run.
type job struct {
	id        uint64
	agreement bool
	path      int
	client    *account
	provider  *account // nil until set on a plain job
	planned   *account // the provider a plain job will get
	evaluator *account // plain: the evaluator; agreement: the arbiter (nil when none)
	validator *account // agreement: nil when none
	agent     *agent   // agreement: the provider's agent
	status    uint8
	budget    uint64

	expiredAt, deliveryDeadline, reviewWindow, submittedAt uint64

	threshold   uint8
	deliverable common.Hash
	request     *validation // agreement with a validator: the request once opened
	nextAt      uint64      // the earliest block timestamp of its next step
}

func (j *job) final() bool {
	switch j.status {
	case JobCompleted, JobRejected, JobExpired, JobResolved:
		return true
	}
	return false
}

func (g *gen) jobID(j *job) *big.Int { return bigU(j.id) }

// later schedules j's next step one to three blocks ahead.
func (g *gen) later(j *job) {
	j.nextAt = g.now + g.interval*uint64(g.c.between(1, 3))
}

func (g *gen) finish(j *job, status uint8) {
	j.status = status
	if j.agreement {
		j.agent.jobs--
	}
}

func (g *gen) reason(what string) [32]byte { return g.c.hash(what) }

func (g *gen) tusdAmount(maxUnits int) uint64 {
	return uint64(g.c.between(1, maxUnits))*tusdUnit + uint64(g.rng.IntN(tusdUnit))
}

// createPlainJob creates an ERC-8183 job, with or without its provider, paid in the default token or in
// tUSD named explicitly (the two createJob overloads).
func (g *gen) createPlainJob() bool {
	client := g.pickAccount()
	provider := g.pickAccount(client)
	evaluator := g.pickAccount(client, provider)
	path := plainPaths[g.plainSeq%len(plainPaths)]
	expiredAt := g.now + day*uint64(g.c.between(7, 30))
	if path == pathExpireFunded || path == pathExpireSubmitted {
		expiredAt = g.now + g.interval*uint64(g.c.between(14, 20))
	}
	desc := g.c.sentence(g.c.between(20, 160))
	gas := uint64(gasCreateJob + gasPerCalldataByte*len(desc))
	if !g.room(1, gas) {
		return false
	}
	j := &job{id: g.firstJobID + uint64(len(g.jobs)), path: path, client: client, planned: provider, evaluator: evaluator, status: JobOpen, expiredAt: expiredAt}
	var providerAddr common.Address
	if g.rng.IntN(10) < 6 {
		j.provider = provider
		providerAddr = provider.addr
	}
	var data []byte
	if g.rng.IntN(2) == 0 {
		data = g.escrow.PackCreateJob(providerAddr, evaluator.addr, bigU(expiredAt), desc, common.Address{})
	} else {
		data = g.escrow.PackCreateJob0(providerAddr, evaluator.addr, bigU(expiredAt), desc, common.Address{}, g.addr.tusd)
	}
	tx := g.add(ActionCreateJob, client, g.addr.escrow, data, gas)
	tx.jobID = int64(j.id)
	g.plainSeq++
	g.addJob(j)
	return true
}

// createAgreementJob has the client and the agent's owner sign a ServiceAgreement and someone (the client
// or a relayer) open the funded job after the client's approve.
func (g *gen) createAgreementJob() bool {
	a := g.randomAgent()
	if a == nil {
		return false
	}
	provider := a.owner
	client := g.pickAccount(provider)
	path := agreementPaths[g.agreementSeq%len(agreementPaths)]
	withValidator := path == pathValidatorPass || path == pathValidatorFail
	var arbiter, validator *account
	if withValidator || path == pathDispute || g.rng.IntN(2) == 0 {
		arbiter = g.pickAccount(client, provider) // a validator needs an arbiter; so does a dispute
	}
	if withValidator {
		validator = g.pickAccount(client, provider, arbiter)
	}
	price := g.tusdAmount(200)
	if client.tusd < price || !g.room(2, gasApprove+gasCreateJobFromAgreement) {
		return false
	}
	id := g.firstJobID + uint64(len(g.jobs))
	deliveryDeadline := g.now + day*uint64(g.c.between(1, 7))
	expiredAt := deliveryDeadline + day*uint64(g.c.between(1, 7))
	reviewWindow := hour * uint64(g.c.between(1, 72))
	var penalty uint16
	if g.rng.IntN(2) == 0 {
		penalty = uint16(g.c.between(100, 2000))
	}
	switch path {
	case pathLate:
		deliveryDeadline = g.now + g.interval*uint64(g.c.between(2, 4))
		expiredAt = deliveryDeadline + g.interval*uint64(g.c.between(20, 40))
		penalty = uint16(g.c.between(500, 2000))
	case pathExpireFunded:
		deliveryDeadline = g.now + g.interval*uint64(g.c.between(2, 4))
		expiredAt = deliveryDeadline + g.interval*uint64(g.c.between(4, 8))
	case pathRelease:
		reviewWindow = g.interval * uint64(g.c.between(3, 8))
	}
	var threshold uint8
	if withValidator {
		threshold = uint8(g.c.between(50, 90))
	}
	agreement := eip712.ServiceAgreement{
		ProviderAgentID:     bigU(a.id),
		Client:              client.addr,
		Provider:            provider.addr,
		Token:               g.addr.tusd,
		Price:               bigU(price),
		DeliveryDeadline:    deliveryDeadline,
		ExpiredAt:           expiredAt,
		DeliverableSpecHash: g.c.hash("spec"),
		SLAHash:             g.c.hash("sla"),
		ValidationThreshold: threshold,
		ReviewWindow:        reviewWindow,
		LatePenaltyBps:      penalty,
		Nonce:               bigU(id), // job ids never repeat on a chain, so neither do the nonces
		Expiry:              bigU(g.now + 600),
	}
	if arbiter != nil {
		agreement.Arbiter = arbiter.addr
	}
	if validator != nil {
		agreement.Validator = validator.addr
	}
	clientSig, err := eip712.Sign(client.key, g.escrowDomain, agreement)
	if err != nil {
		g.log.Error("signing an agreement", "err", err)
		return false
	}
	providerSig, err := eip712.Sign(provider.key, g.escrowDomain, agreement)
	if err != nil {
		g.log.Error("signing an agreement", "err", err)
		return false
	}
	relayer := client
	if g.rng.IntN(10) < 4 {
		relayer = g.pickAccount()
	}
	g.add(ActionApprove, client, g.addr.tusd, g.tusd.PackApprove(g.addr.escrow, bigU(price)), gasApprove)
	tx := g.add(ActionCreateJobFromAgreement, relayer, g.addr.escrow,
		g.escrow.PackCreateJobFromAgreement(agreement.Binding(), clientSig, providerSig), gasCreateJobFromAgreement)
	tx.jobID = int64(id)
	client.tusd -= price
	a.jobs++
	g.agreementSeq++
	g.addJob(&job{
		id: id, agreement: true, path: path, client: client, provider: provider, evaluator: arbiter, validator: validator,
		agent: a, status: JobFunded, budget: price, expiredAt: expiredAt, deliveryDeadline: deliveryDeadline,
		reviewWindow: reviewWindow, threshold: threshold,
	})
	return true
}

func (g *gen) addJob(j *job) {
	g.later(j)
	g.active = append(g.active, len(g.jobs))
	g.jobs = append(g.jobs, j)
}

// stepJobs takes the next step of every job that is due, oldest first, until the block holds limit
// transactions, then forgets the jobs that are final.
func (g *gen) stepJobs(limit int) {
	for _, k := range g.active {
		if len(g.txs) >= limit {
			break
		}
		j := g.jobs[k]
		if j.nextAt > g.now {
			continue
		}
		var stepped bool
		if j.agreement {
			stepped = g.stepAgreement(j)
		} else {
			stepped = g.stepPlain(j)
		}
		if stepped && !j.final() {
			g.later(j)
		}
	}
	kept := g.active[:0]
	for _, k := range g.active {
		if !g.jobs[k].final() {
			kept = append(kept, k)
		}
	}
	g.active = kept
}

// one plans a single-transaction step if it fits.
func (g *gen) one(action string, from *account, data []byte, gas uint64) bool {
	if !g.room(1, gas) {
		return false
	}
	g.add(action, from, g.addr.escrow, data, gas)
	return true
}

func (g *gen) claimRefund(j *job) bool {
	if !g.one(ActionClaimRefund, g.pickAccount(), g.escrow.PackClaimRefund(g.jobID(j)), gasClaimRefund) {
		return false
	}
	g.finish(j, JobExpired)
	return true
}

func (g *gen) submit(j *job) bool {
	deliverable := g.c.hash("deliverable")
	if !g.one(ActionSubmit, j.provider, g.escrow.PackSubmit(g.jobID(j), deliverable, nil), gasSubmit) {
		return false
	}
	j.deliverable, j.submittedAt, j.status = deliverable, g.now, JobSubmitted
	return true
}

// stepPlain takes the next step of a plain job (docs/escrow.md has the rules), or waits for its time.
func (g *gen) stepPlain(j *job) bool {
	id := g.jobID(j)
	switch j.status {
	case JobOpen:
		switch {
		case j.provider == nil:
			if !g.one(ActionSetProvider, j.client, g.escrow.PackSetProvider(id, j.planned.addr, nil), gasSetProvider) {
				return false
			}
			j.provider = j.planned
		case j.budget == 0:
			from := j.client
			if g.rng.IntN(3) == 0 {
				from = j.provider // the provider may set the budget too
			}
			amount := g.tusdAmount(500)
			if !g.one(ActionSetBudget, from, g.escrow.PackSetBudget(id, bigU(amount), nil), gasSetBudget) {
				return false
			}
			j.budget = amount
		case j.path == pathRejectOpen || g.now >= j.expiredAt || j.client.tusd < j.budget:
			if !g.one(ActionReject, j.client, g.escrow.PackReject(id, g.reason("reject"), nil), gasReject) {
				return false
			}
			g.finish(j, JobRejected)
		default:
			if !g.room(2, gasApprove+gasFund) {
				return false
			}
			g.add(ActionApprove, j.client, g.addr.tusd, g.tusd.PackApprove(g.addr.escrow, bigU(j.budget)), gasApprove)
			g.add(ActionFund, j.client, g.addr.escrow, g.escrow.PackFund(id, bigU(j.budget), nil), gasFund)
			j.client.tusd -= j.budget
			j.status = JobFunded
		}
	case JobFunded:
		switch {
		case g.now >= j.expiredAt:
			return g.claimRefund(j)
		case j.path == pathWithdraw:
			if !g.one(ActionReject, j.provider, g.escrow.PackReject(id, g.reason("withdraw"), nil), gasReject) {
				return false
			}
			g.finish(j, JobRejected)
		case j.path == pathExpireFunded:
			j.nextAt = j.expiredAt
			return false
		default:
			return g.submit(j)
		}
	case JobSubmitted:
		switch j.path {
		case pathRejectSubmitted:
			if !g.one(ActionReject, j.evaluator, g.escrow.PackReject(id, g.reason("reject"), nil), gasReject) {
				return false
			}
			g.finish(j, JobRejected)
		case pathExpireSubmitted:
			if g.now < j.expiredAt {
				j.nextAt = j.expiredAt
				return false
			}
			return g.claimRefund(j)
		default:
			if !g.one(ActionComplete, j.evaluator, g.escrow.PackComplete(id, g.reason("complete"), nil), gasComplete) {
				return false
			}
			g.finish(j, JobCompleted)
		}
	}
	return true
}

// requestHash is the escrow's validationRequestHash: keccak256(abi.encode(chainid, escrow, jobId,
// deliverable)).
func (g *gen) requestHash(j *job) common.Hash {
	return crypto.Keccak256Hash(common.LeftPadBytes(g.chainID.Bytes(), 32), common.LeftPadBytes(g.addr.escrow.Bytes(), 32),
		common.LeftPadBytes(g.jobID(j).Bytes(), 32), j.deliverable.Bytes())
}

// stepAgreement takes the next step of an agreement job, or waits for its time.
func (g *gen) stepAgreement(j *job) bool {
	id := g.jobID(j)
	switch j.status {
	case JobFunded:
		switch {
		case g.now >= j.expiredAt:
			return g.claimRefund(j)
		case j.path == pathExpireFunded:
			j.nextAt = j.expiredAt
			return false
		case j.path == pathWithdraw:
			from := j.provider
			if j.evaluator != nil && g.rng.IntN(2) == 0 {
				from = j.evaluator // the arbiter may reject a funded job too
			}
			if !g.one(ActionReject, from, g.escrow.PackReject(id, g.reason("withdraw"), nil), gasReject) {
				return false
			}
			g.finish(j, JobRejected)
		case j.path == pathLate && g.now <= j.deliveryDeadline:
			j.nextAt = j.deliveryDeadline + 1
			return false
		default:
			return g.submit(j)
		}
	case JobSubmitted:
		switch j.path {
		case pathValidatorPass, pathValidatorFail:
			return g.stepValidated(j)
		case pathRelease:
			return g.release(j)
		case pathDispute:
			if g.now >= j.submittedAt+j.reviewWindow {
				return g.release(j) // too late to dispute: silence pays
			}
			if !g.one(ActionDispute, j.client, g.escrow.PackDispute(id, g.reason("dispute")), gasDispute) {
				return false
			}
			j.status = JobDisputed
		default:
			from := j.client
			if j.evaluator != nil && g.rng.IntN(10) < 3 {
				from = j.evaluator
			}
			if !g.one(ActionComplete, from, g.escrow.PackComplete(id, g.reason("complete"), nil), gasComplete) {
				return false
			}
			g.finish(j, JobCompleted)
		}
	case JobDisputed:
		bps := uint16(g.c.between(0, 10_000))
		if !g.one(ActionResolve, j.evaluator, g.escrow.PackResolve(id, bps, g.reason("resolve")), gasResolve) {
			return false
		}
		g.finish(j, JobResolved)
	}
	return true
}

// release pays the provider once the review window has passed in silence.
func (g *gen) release(j *job) bool {
	if end := j.submittedAt + j.reviewWindow; g.now < end {
		j.nextAt = end
		return false
	}
	if !g.one(ActionRelease, g.pickAccount(), g.escrow.PackRelease(g.jobID(j)), gasRelease) {
		return false
	}
	g.finish(j, JobCompleted)
	return true
}

// stepValidated drives a validator-gated job: the provider opens the request, the validator answers, and
// anyone settles from the answer.
func (g *gen) stepValidated(j *job) bool {
	switch {
	case j.request == nil:
		uri := g.c.documentURI()
		gas := uint64(gasValidationRequest + gasPerCalldataByte*len(uri))
		if !g.room(1, gas) {
			return false
		}
		hash := g.requestHash(j)
		g.add(ActionValidationRequest, j.provider, g.addr.validation,
			g.validation.PackValidationRequest(j.validator.addr, bigU(j.agent.id), uri, hash), gas)
		j.request = &validation{hash: hash, validator: j.validator, agent: j.agent, at: g.now, job: j}
		g.validations = append(g.validations, j.request)
	case j.request.answers == 0:
		response := uint8(g.c.between(int(j.threshold), 100))
		if j.path == pathValidatorFail {
			response = uint8(g.c.between(0, int(j.threshold)-1))
		}
		uri, tag := g.c.documentURI(), g.c.pick(validationTags)
		gas := uint64(gasValidationResponse + gasPerCalldataByte*(len(uri)+len(tag)))
		if !g.room(1, gas) {
			return false
		}
		g.add(ActionValidationResponse, j.validator, g.addr.validation,
			g.validation.PackValidationResponse(j.request.hash, response, uri, g.c.hash(uri), tag), gas)
		j.request.answers++
		j.request.response = response
	default:
		if !g.one(ActionSettleFromValidation, g.pickAccount(), g.escrow.PackSettleFromValidation(g.jobID(j)), gasSettleFromValidation) {
			return false
		}
		if j.request.response >= j.threshold {
			g.finish(j, JobCompleted)
		} else {
			g.finish(j, JobRejected)
		}
	}
	return true
}
