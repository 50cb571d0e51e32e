package seed

import (
	"context"
	"crypto/ecdsa"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// tUSD amounts, in base units (6 decimals).
const tusdUnit = 1_000_000

// mintPerClient is the tUSD each client gets: far more than its jobs cost.
var mintPerClient = big.NewInt(10_000 * tusdUnit)

// Gas limits of the history's calls.
const (
	gasCreateJob          = 200_000
	gasSetBudget          = 70_000
	gasApprove            = 60_000
	gasFund               = 100_000
	gasSubmit             = 80_000
	gasComplete           = 150_000
	gasReject             = 110_000
	gasClaimRefund        = 110_000
	gasGiveFeedback       = 240_000
	gasValidationRequest  = 200_000
	gasValidationResponse = 150_000
)

// Chain time the history needs.
const (
	jobLifetime    = 14 * 24 * 3600 // expiredAt of the jobs that do not expire: two weeks ahead
	expiringWindow = 15             // expiredAt of the jobs that expire: this many seconds after creation
)

// How a job ends.
type outcome int

const (
	outcomeComplete outcome = iota // create, fund, submit, complete: the provider is paid
	outcomeReject                  // create, fund, submit, the client (evaluator) rejects: refund
	outcomeWithdraw                // create, fund, the provider rejects: refund
	outcomeExpire                  // create, fund, never submitted, claimRefund after expiry: refund
)

// Kinds of feedback, for the counts.
const (
	feedbackPaid = iota
	feedbackUnpaid
	feedbackSybil
)

// plannedJob is a plain ERC-8183 job from a client to an agent's wallet, paid in tUSD, with the client as
// evaluator.
type plannedJob struct {
	agent   int // index in Result.Agents
	client  int // index in Result.Clients
	budget  *big.Int
	outcome outcome
	review  feedback // the client's feedback once the job ended
	id      *big.Int // assigned on creation
}

// feedback is one giveFeedback call.
type feedback struct {
	agent      int
	from       *ecdsa.PrivateKey
	value      int64
	tag1, tag2 string
	kind       int
}

// validation is one validation request from the agent's owner to the validator, answered unless pending.
type validation struct {
	agent    int
	n        int // 1-based, per agent
	response uint8
	pending  bool
	tag      string
}

// plan is the whole history, decided before anything is sent.
type plan struct {
	jobs        []*plannedJob
	unpaid      []feedback // reviews from clients who never paid the agent
	sybil       []feedback
	validations []validation
	sybilTarget int // index in Result.Agents, -1 for none
	expire      bool
}

// rng returns the random source of one part of the plan: it depends only on the seed, the part and k.
func (sd *seeder) rng(part string, k int) *rand.Rand {
	h := crypto.Keccak256(binary.BigEndian.AppendUint64([]byte(sd.cfg.Seed+"\x00history\x00"+part+"\x00"), uint64(k)))
	return rand.New(rand.NewPCG(binary.BigEndian.Uint64(h[:8]), binary.BigEndian.Uint64(h[8:16])))
}

var (
	goodTags1 = []string{"quality", "latency", "accuracy", "quality", "reliability"}
	goodTags2 = []string{"", "", "", "value", "support", "on-time"}
	validTags = []string{"quality", "compliance", "accuracy"}
)

// quietModulo picks the newcomers: valid agents whose position k among the valid files has
// k % quietModulo == quietModulo-1 get no history (the Sybil target excepted).
const quietModulo = 8

// plan decides the history from the seed and the valid files' positions. canExpire says whether the chain's
// clock can be moved forward (anvil); without it the jobs that would expire are withdrawn instead.
func (sd *seeder) plan(canExpire bool) *plan {
	p := &plan{sybilTarget: -1, expire: canExpire}
	for i, f := range sd.files {
		if f.valid0 == SybilTargetIndex {
			p.sybilTarget = i
		}
	}
	g, v := 0, 0 // global job and validation counters: they spread the rare endings evenly
	for i, f := range sd.files {
		k := f.valid0
		if k < 0 || (k%quietModulo == quietModulo-1 && i != p.sybilTarget) {
			continue
		}
		r := sd.rng("agent", k)
		target := i == p.sybilTarget
		n := 1 + r.IntN(4)
		if target {
			n = 3
		}
		paid := map[int]bool{}
		for range n {
			j := &plannedJob{agent: i, client: r.IntN(Clients),
				budget: big.NewInt(int64(2+r.IntN(60))*tusdUnit + int64(r.IntN(100))*10_000)}
			if !target {
				switch {
				case g%25 == 12:
					j.outcome = outcomeExpire
					if !canExpire {
						j.outcome = outcomeWithdraw
					}
				case g%10 == 3:
					j.outcome = outcomeReject
				case g%10 == 7:
					j.outcome = outcomeWithdraw
				}
				g++
			}
			fb := feedback{agent: i, from: sd.res.Clients[j.client], tag1: goodTags1[r.IntN(len(goodTags1))],
				tag2: goodTags2[r.IntN(len(goodTags2))]}
			switch j.outcome {
			case outcomeComplete:
				fb.value = int64(70 + r.IntN(31))
				if target {
					fb.value = int64(40 + r.IntN(21)) // mediocre, honestly
				}
				paid[j.client] = true
			case outcomeReject:
				fb.value, fb.tag1 = int64(15+r.IntN(30)), "quality"
			case outcomeWithdraw:
				fb.value, fb.tag1 = int64(30+r.IntN(30)), "reliability"
			case outcomeExpire:
				fb.value, fb.tag1 = int64(r.IntN(20)), "reliability"
			}
			j.review = fb
			p.jobs = append(p.jobs, j)
		}
		if !target && r.IntN(3) == 0 {
			for range 1 + r.IntN(2) {
				c := r.IntN(Clients)
				for paid[c] {
					c = (c + 1) % Clients
				}
				p.unpaid = append(p.unpaid, feedback{agent: i, from: sd.res.Clients[c], value: int64(55 + r.IntN(41)),
					tag1: goodTags1[r.IntN(len(goodTags1))], kind: feedbackUnpaid})
			}
		}
		if k%3 == 1 || target {
			for m := range 1 + r.IntN(2) {
				val := validation{agent: i, n: m + 1, tag: validTags[r.IntN(len(validTags))], pending: v%7 == 6}
				switch {
				case target:
					val.response = uint8(35 + r.IntN(21))
				case r.IntN(6) == 0:
					val.response = uint8(10 + r.IntN(30))
				default:
					val.response = uint8(55 + r.IntN(46))
				}
				p.validations = append(p.validations, val)
				v++
			}
		}
	}
	// A review counts as paid when its author paid the agent through a completed job, at any time.
	paid := map[[2]int]bool{}
	for _, j := range p.jobs {
		if j.outcome == outcomeComplete {
			paid[[2]int{j.agent, j.client}] = true
		}
	}
	for _, j := range p.jobs {
		if paid[[2]int{j.agent, j.client}] {
			j.review.kind = feedbackPaid
		} else {
			j.review.kind = feedbackUnpaid
		}
	}
	if p.sybilTarget >= 0 {
		for i := range Sybils {
			p.sybil = append(p.sybil, feedback{agent: p.sybilTarget, from: Key(sd.cfg.Seed, RoleSybil, i), value: 100,
				tag1: "quality", tag2: "", kind: feedbackSybil})
		}
	}
	return p
}

// endpoint returns the first service endpoint of a registration file, or "".
func endpoint(data []byte) string {
	var reg struct {
		Services []struct {
			Endpoint string `json:"endpoint"`
		} `json:"services"`
	}
	if json.Unmarshal(data, &reg) != nil {
		return ""
	}
	for _, s := range reg.Services {
		if s.Endpoint != "" {
			return s.Endpoint
		}
	}
	return ""
}

func (sd *seeder) requestHash(agentID *big.Int, n int) common.Hash {
	return crypto.Keccak256Hash([]byte(sd.cfg.Seed+"\x00validation\x00"), common.LeftPadBytes(agentID.Bytes(), 32),
		binary.BigEndian.AppendUint64(nil, uint64(n)))
}

// giveFeedback sends one review.
func (sd *seeder) giveFeedback(ctx context.Context, b *batch, fb feedback, step string) error {
	a := &sd.res.Agents[fb.agent]
	ep := endpoint(sd.files[fb.agent].data)
	data := sd.reputation.PackGiveFeedback(a.AgentID, big.NewInt(fb.value), 0, fb.tag1, fb.tag2, ep, "", [32]byte{})
	gas := uint64(gasGiveFeedback + gasPerCalldataByte*(len(fb.tag1)+len(fb.tag2)+len(ep)))
	if err := b.send(ctx, step, fb.from, sd.addr.reputation, nil, data, gas); err != nil {
		return err
	}
	c := &a.History
	switch fb.kind {
	case feedbackPaid:
		c.FeedbackPaid++
	case feedbackUnpaid:
		c.FeedbackUnpaid++
	case feedbackSybil:
		c.FeedbackSybil++
	}
	return nil
}

// history runs the plan in phases; each phase waits for its receipts before the next one starts.
func (sd *seeder) history(ctx context.Context, p *plan) error {
	agents, clients := sd.res.Agents, sd.res.Clients
	jobStep := func(j *plannedJob, what string) string {
		return fmt.Sprintf("job %s %s (client %d, %s)", j.id, what, j.client, agents[j.agent].File)
	}

	// 1. Clients open the jobs; owners ask for validations.
	b, err := sd.s.phase(ctx, "history: open jobs")
	if err != nil {
		return err
	}
	now := b.head.Time
	for _, j := range p.jobs {
		expiredAt := now + jobLifetime
		if j.outcome == outcomeExpire {
			expiredAt = now + expiringWindow
		}
		desc := fmt.Sprintf("Work order for %s", strings.TrimSuffix(agents[j.agent].File, ".json"))
		data := sd.escrow.PackCreateJob0(address(agents[j.agent].Wallet), address(clients[j.client]),
			new(big.Int).SetUint64(expiredAt), desc, common.Address{}, sd.addr.tusd)
		step := fmt.Sprintf("createJob (client %d, %s)", j.client, agents[j.agent].File)
		if err := b.send(ctx, step, clients[j.client], sd.addr.escrow, nil, data, gasCreateJob+gasPerCalldataByte*uint64(len(desc))); err != nil {
			return err
		}
	}
	nJobs := len(b.txs)
	for _, val := range p.validations {
		a := &agents[val.agent]
		uri := fmt.Sprintf("https://validator.agora.example/requests/%s-%d", a.AgentID, val.n)
		data := sd.validation.PackValidationRequest(address(sd.res.Validator), a.AgentID, uri, sd.requestHash(a.AgentID, val.n))
		step := fmt.Sprintf("validationRequest %d for %s", val.n, a.File)
		if err := b.send(ctx, step, a.Owner, sd.addr.validation, nil, data, gasValidationRequest+gasPerCalldataByte*uint64(len(uri))); err != nil {
			return err
		}
		a.History.Validations++
	}
	receipts, err := b.wait(ctx)
	if err != nil {
		return err
	}
	for i, j := range p.jobs {
		for _, l := range receipts[i].Logs {
			if l.Address != sd.addr.escrow {
				continue
			}
			if ev, err := sd.escrow.UnpackJobCreatedEvent(l); err == nil {
				j.id = ev.JobId
			}
		}
		if j.id == nil {
			return fmt.Errorf("createJob (client %d, %s): no JobCreated event in %s", j.client, agents[j.agent].File, receipts[i].TxHash)
		}
	}
	sd.log.Info("history: opened jobs and validation requests", "jobs", nJobs, "validations", len(p.validations))

	// 2. Clients set the budget, approve and fund; the validator answers.
	if b, err = sd.s.phase(ctx, "history: fund jobs"); err != nil {
		return err
	}
	for _, j := range p.jobs {
		c := clients[j.client]
		if err := b.send(ctx, jobStep(j, "setBudget"), c, sd.addr.escrow, nil, sd.escrow.PackSetBudget(j.id, j.budget, nil), gasSetBudget); err != nil {
			return err
		}
		if err := b.send(ctx, jobStep(j, "approve"), c, sd.addr.tusd, nil, sd.tusd.PackApprove(sd.addr.escrow, j.budget), gasApprove); err != nil {
			return err
		}
		if err := b.send(ctx, jobStep(j, "fund"), c, sd.addr.escrow, nil, sd.escrow.PackFund(j.id, j.budget, nil), gasFund); err != nil {
			return err
		}
	}
	for _, val := range p.validations {
		if val.pending {
			continue
		}
		a := &agents[val.agent]
		uri := fmt.Sprintf("https://validator.agora.example/reports/%s-%d", a.AgentID, val.n)
		data := sd.validation.PackValidationResponse(sd.requestHash(a.AgentID, val.n), val.response, uri,
			crypto.Keccak256Hash([]byte(uri)), val.tag)
		step := fmt.Sprintf("validationResponse %d for %s", val.n, a.File)
		gas := gasValidationResponse + gasPerCalldataByte*uint64(len(uri)+len(val.tag))
		if err := b.send(ctx, step, sd.res.Validator, sd.addr.validation, nil, data, gas); err != nil {
			return err
		}
		a.History.ValidationsAnswered++
	}
	if _, err := b.wait(ctx); err != nil {
		return err
	}

	// 3. Providers deliver, or withdraw.
	if b, err = sd.s.phase(ctx, "history: deliver"); err != nil {
		return err
	}
	for _, j := range p.jobs {
		w := agents[j.agent].Wallet
		switch j.outcome {
		case outcomeComplete, outcomeReject:
			deliverable := crypto.Keccak256Hash([]byte(fmt.Sprintf("%s deliverable of job %s", sd.cfg.Seed, j.id)))
			err = b.send(ctx, jobStep(j, "submit"), w, sd.addr.escrow, nil, sd.escrow.PackSubmit(j.id, deliverable, nil), gasSubmit)
		case outcomeWithdraw:
			reason := crypto.Keccak256Hash([]byte("capacity exhausted"))
			err = b.send(ctx, jobStep(j, "reject by the provider"), w, sd.addr.escrow, nil, sd.escrow.PackReject(j.id, reason, nil), gasReject)
			agents[j.agent].History.JobsWithdrawn++
		}
		if err != nil {
			return err
		}
	}
	if _, err := b.wait(ctx); err != nil {
		return err
	}

	// 4. Clients decide and review; some review agents they never paid.
	if b, err = sd.s.phase(ctx, "history: decide and review"); err != nil {
		return err
	}
	for _, j := range p.jobs {
		c, h := clients[j.client], &agents[j.agent].History
		switch j.outcome {
		case outcomeComplete:
			reason := crypto.Keccak256Hash([]byte("accepted"))
			if err := b.send(ctx, jobStep(j, "complete"), c, sd.addr.escrow, nil, sd.escrow.PackComplete(j.id, reason, nil), gasComplete); err != nil {
				return err
			}
			h.JobsCompleted++
		case outcomeReject:
			reason := crypto.Keccak256Hash([]byte("deliverable does not match the specification"))
			if err := b.send(ctx, jobStep(j, "reject by the client"), c, sd.addr.escrow, nil, sd.escrow.PackReject(j.id, reason, nil), gasReject); err != nil {
				return err
			}
			h.JobsRejected++
		case outcomeExpire:
			continue // reviewed once refunded
		}
		if err := sd.giveFeedback(ctx, b, j.review, jobStep(j, "feedback")); err != nil {
			return err
		}
	}
	for n, fb := range p.unpaid {
		if err := sd.giveFeedback(ctx, b, fb, fmt.Sprintf("unpaid feedback %d for %s", n, agents[fb.agent].File)); err != nil {
			return err
		}
	}
	if _, err := b.wait(ctx); err != nil {
		return err
	}

	// 5. Expired jobs are refunded (after moving anvil's clock if needed); the Sybils strike.
	if p.expire {
		if err := sd.node.passTime(ctx, sd.backend, now+expiringWindow); err != nil {
			return err
		}
		sd.log.Info("moved the chain's clock forward for the expiring jobs", "to", now+expiringWindow)
	}
	// The Sybils are fresh: funded with gas money only now.
	if len(p.sybil) > 0 {
		if b, err = sd.s.phase(ctx, "history: fund the Sybils"); err != nil {
			return err
		}
		price := b.fees.gasPrice
		if price == nil {
			price = b.fees.feeCap
		}
		for i, fb := range p.sybil {
			step := fmt.Sprintf("fund %s %d", RoleSybil, i)
			if err := b.send(ctx, step, sd.cfg.Funder, address(fb.from), funding(ethSybil, gasBudgetSybil, price), nil, gasTransfer); err != nil {
				return err
			}
		}
		if _, err := b.wait(ctx); err != nil {
			return err
		}
	}
	if b, err = sd.s.phase(ctx, "history: refunds and Sybils"); err != nil {
		return err
	}
	for _, j := range p.jobs {
		if j.outcome != outcomeExpire {
			continue
		}
		c := clients[j.client]
		if err := b.send(ctx, jobStep(j, "claimRefund"), c, sd.addr.escrow, nil, sd.escrow.PackClaimRefund(j.id), gasClaimRefund); err != nil {
			return err
		}
		agents[j.agent].History.JobsExpired++
		if err := sd.giveFeedback(ctx, b, j.review, jobStep(j, "feedback")); err != nil {
			return err
		}
	}
	for n, fb := range p.sybil {
		if err := sd.giveFeedback(ctx, b, fb, fmt.Sprintf("Sybil %d feedback for %s", n, agents[fb.agent].File)); err != nil {
			return err
		}
	}
	if _, err := b.wait(ctx); err != nil {
		return err
	}
	sd.log.Info("history: done", "jobs", len(p.jobs), "feedback", len(p.unpaid)+len(p.jobs)+len(p.sybil))
	return nil
}
