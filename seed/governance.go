package seed

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/eip712"
)

// Governance (with History; docs/governance.md): two principals, each with a mandate over one agent's wallet,
// paid from the principal's own tUSD. Principal 0's agent spends its whole budget (two jobs at the per-job
// cap), so the next agreement it signs under the mandate is refused (OverBudget). Principal 1's agent has a job
// funded when its principal freezes it: the job is left funded, frozen mid-job, for the principal to terminate.

// RolePrincipal is the key role of the principals (Key(seed, RolePrincipal, i)).
const RolePrincipal = "principal"

// Principals is how many principals the governance stage creates.
const Principals = 2

// GovernancePrice is the price of each job funded under a mandate, and the mandates' per-job cap (5 tUSD).
var GovernancePrice = big.NewInt(5_000_000)

const (
	gasGrant       = 700_000
	gasMandateJob  = 500_000
	gasFreeze      = 100_000
	governanceFund = 2 // principal 0's budget, in jobs at GovernancePrice
)

// Governance is what the governance stage created.
type Governance struct {
	// Principals are the principals' keys; principal i granted Mandates[i].
	Principals []*ecdsa.PrivateKey
	Mandates   []*big.Int
	// CappedAgent is the agent whose mandate (Mandates[0]) has spent its whole budget.
	CappedAgent *big.Int
	// FrozenAgent is the agent principal 1 froze while FrozenJob, funded under Mandates[1], was open.
	FrozenAgent *big.Int
	FrozenJob   *big.Int
	// Jobs are every job funded under a mandate.
	Jobs []*big.Int
}

// governanceAgents picks, among the valid agents other than the Sybil target, the capped agent, the frozen
// agent and the provider they pay.
func (sd *seeder) governanceAgents(sybilTarget int) (capped, frozen, provider int, ok bool) {
	var picked []int
	for i, a := range sd.res.Agents {
		if a.Valid && i != sybilTarget {
			picked = append(picked, i)
		}
	}
	if len(picked) < 3 {
		return 0, 0, 0, false
	}
	return picked[0], picked[1], picked[2], true
}

func (sd *seeder) governance(ctx context.Context, sybilTarget int) error {
	capped, frozen, provider, ok := sd.governanceAgents(sybilTarget)
	if !ok {
		sd.log.Info("governance stage skipped: fewer than three valid agents")
		return nil
	}
	res := sd.res
	g := &Governance{}
	for i := range Principals {
		g.Principals = append(g.Principals, Key(sd.cfg.Seed, RolePrincipal, i))
	}
	agents := []int{capped, frozen}
	budgets := []*big.Int{new(big.Int).Mul(GovernancePrice, big.NewInt(governanceFund)), new(big.Int).Mul(GovernancePrice, big.NewInt(10))}
	mandates := bindings.NewMandateRegistry()

	// Funding: ETH for the principals' transactions, tUSD to spend.
	b, err := sd.s.phase(ctx, "governance funding")
	if err != nil {
		return err
	}
	price := b.fees.gasPrice
	if price == nil {
		price = b.fees.feeCap
	}
	for i, k := range g.Principals {
		if err := b.send(ctx, fmt.Sprintf("fund principal %d", i), sd.cfg.Funder, address(k),
			funding(ethClient, gasApprove+gasGrant+gasFreeze, price), nil, gasTransfer); err != nil {
			return err
		}
		if err := b.send(ctx, fmt.Sprintf("mint tUSD to principal %d", i), sd.cfg.Funder, sd.addr.tusd, nil,
			sd.tusd.PackMint(address(k), budgets[i]), gasMint); err != nil {
			return err
		}
	}
	if _, err := b.wait(ctx); err != nil {
		return err
	}

	// Mandates: each principal lets the escrow pull its tUSD and grants its agent a mandate.
	if b, err = sd.s.phase(ctx, "governance mandates"); err != nil {
		return err
	}
	for i, k := range g.Principals {
		a := res.Agents[agents[i]]
		terms := eip712.Mandate{Principal: address(k), AgentID: a.AgentID, Agent: address(a.Wallet), Token: sd.addr.tusd,
			MaxPerJob: GovernancePrice, Budget: budgets[i], Period: 86400, ValidUntil: b.head.Time + 365*86400,
			EscalateAbove: GovernancePrice, TimelockAbove: GovernancePrice}
		if err := b.send(ctx, fmt.Sprintf("principal %d approves the escrow", i), k, sd.addr.tusd, nil,
			sd.tusd.PackApprove(sd.addr.escrow, budgets[i]), gasApprove); err != nil {
			return err
		}
		if err := b.send(ctx, fmt.Sprintf("principal %d grants a mandate", i), k, sd.addr.mandates, nil,
			mandates.PackGrant(terms.Terms()), gasGrant); err != nil {
			return err
		}
	}
	receipts, err := b.wait(ctx)
	if err != nil {
		return err
	}
	g.Mandates = make([]*big.Int, Principals)
	for _, r := range receipts {
		for _, l := range r.Logs {
			if ev, err := mandates.UnpackMandateGrantedEvent(l); err == nil && l.Address == sd.addr.mandates {
				for i, k := range g.Principals {
					if ev.Principal == address(k) {
						g.Mandates[i] = ev.MandateId
					}
				}
			}
		}
	}
	for i, id := range g.Mandates {
		if id == nil {
			return fmt.Errorf("principal %d's mandate: no MandateGranted event", i)
		}
	}

	// Jobs: the capped agent spends its whole budget; the frozen agent funds one job. The funder relays them.
	if b, err = sd.s.phase(ctx, "governance jobs"); err != nil {
		return err
	}
	p := res.Agents[provider]
	domain := eip712.EscrowDomain(sd.chainID, sd.addr.escrow)
	jobsOf := []int{governanceFund, 1}
	for i, n := range jobsOf {
		a := res.Agents[agents[i]]
		for j := range n {
			ag := eip712.ServiceAgreement{ProviderAgentID: p.AgentID, Client: address(a.Wallet), Provider: address(p.Wallet),
				Token: sd.addr.tusd, Price: GovernancePrice, DeliveryDeadline: b.head.Time + 2*86400,
				ExpiredAt: b.head.Time + 7*86400, DeliverableSpecHash: sd.requestHash(a.AgentID, 9000+j), ReviewWindow: 86400,
				Nonce: big.NewInt(int64(800_400_000 + 100*i + j)), Expiry: new(big.Int).SetUint64(b.head.Time + 3600),
				MandateID: g.Mandates[i]}
			cs, err := eip712.Sign(a.Wallet, domain, ag)
			if err != nil {
				return err
			}
			ps, err := eip712.Sign(p.Wallet, domain, ag)
			if err != nil {
				return err
			}
			if err := b.send(ctx, fmt.Sprintf("job %d under mandate %s", j, g.Mandates[i]), sd.cfg.Funder, sd.addr.escrow, nil,
				sd.escrow.PackCreateJobFromAgreement(ag.Binding(), cs, ps), gasMandateJob); err != nil {
				return err
			}
		}
	}
	if receipts, err = b.wait(ctx); err != nil {
		return err
	}
	for _, r := range receipts {
		for _, l := range r.Logs {
			if ev, err := sd.escrow.UnpackAgreementJobCreatedEvent(l); err == nil && l.Address == sd.addr.escrow {
				g.Jobs = append(g.Jobs, ev.JobId)
				if ev.Client == address(res.Agents[frozen].Wallet) {
					g.FrozenJob = ev.JobId
				}
			}
		}
	}
	if len(g.Jobs) != governanceFund+1 || g.FrozenJob == nil {
		return errors.New("governance jobs: missing AgreementJobCreated events")
	}

	// The kill switch: principal 1 freezes its agent mid-job.
	if b, err = sd.s.phase(ctx, "governance freeze"); err != nil {
		return err
	}
	if err := b.send(ctx, "principal 1 freezes its agent", g.Principals[1], sd.addr.mandates, nil,
		mandates.PackFreeze(address(g.Principals[1]), res.Agents[frozen].AgentID), gasFreeze); err != nil {
		return err
	}
	if _, err := b.wait(ctx); err != nil {
		return err
	}
	g.CappedAgent, g.FrozenAgent = res.Agents[capped].AgentID, res.Agents[frozen].AgentID
	res.Governance = g
	sd.log.Info("governance seeded", "mandates", len(g.Mandates), "capped_agent", g.CappedAgent,
		"frozen_agent", g.FrozenAgent, "frozen_job", g.FrozenJob)
	return nil
}
