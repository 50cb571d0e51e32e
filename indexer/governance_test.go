package indexer_test

import (
	"context"
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common/hexutil"
)

// Row renderings of the governance projections, column by column ("-" for NULL).
const (
	qMandate = `SELECT concat_ws(' ', revoked, COALESCE(encode(revoked_by, 'hex'), '-'), spent_period, spent,
		array_to_string(payees, ','), cardinality(specs), array_to_string(ARRAY(SELECT encode(a, 'hex') FROM unnest(approvers) a), ','),
		COALESCE(encode(struct_hash, 'hex'), '-'), encode(agent, 'hex'), budget, period)
		FROM mandates WHERE mandate_id = $1`
	qPeriod = `SELECT concat_ws(' ', funded, restored, spent, remaining, jobs,
		extract(epoch FROM period_end - period_start)::bigint)
		FROM mandate_periods WHERE mandate_id = $1 AND period_index = $2`
	qJob = `SELECT concat_ws(' ', mandate_id, amount, period_index, returned, restored,
		COALESCE(encode(terminated_by, 'hex'), '-'))
		FROM mandate_jobs WHERE job_id = $1`
	qApproval = `SELECT concat_ws(' ', approvals, array_to_string(ARRAY(SELECT encode(a, 'hex') FROM unnest(approvers) a), ','),
		last_at >= first_at)
		FROM mandate_approvals WHERE mandate_id = $1 AND agreement_hash = $2`
	qFreeze = `SELECT concat_ws(' ', frozen, encode(frozen_by, 'hex'), unfrozen_block > frozen_block)
		FROM agent_freezes WHERE principal = $1 AND agent_id = $2`
	qGuardian  = `SELECT COALESCE(encode(guardian, 'hex'), '-') FROM principal_guardians WHERE principal = $1`
	qAllowance = `SELECT concat_ws(' ', period_index, live, revoked, frozen, spent, remaining)
		FROM mandate_allowance_at(to_timestamp($2)) WHERE mandate_id = $1`
)

// TestIndexer_Governance grants two mandates (one by transaction, with payees, specs and two approvers; one
// signed by the principal and relayed), funds agreement jobs under them through the escrow, approves one on
// chain and by relayed signature, refunds jobs by the provider's withdrawal, by claimRefund after the expiry
// (one after the budget period rolled over, so nothing is given back) and by terminate after a revocation,
// freezes and unfreezes the agent through a guardian, and checks every governance projection row, the rows
// against the registry's views, and that a recomputation and a fresh index give the same tables.
func TestIndexer_Governance(t *testing.T) {
	e := newEnv(t)
	g := newGov(t, e)
	day := uint64(86400)

	// Granted before the indexer starts, so backfilled; the rest is followed at the head.
	m1 := g.mandate(t, 1000, 500, day, true)
	id1 := g.grant(t, m1)
	id2, hash2 := g.grantWithSig(t, g.mandate(t, 2000, 1000, 0, false), 7)
	r := e.start(t, runOpts{})

	job1 := g.fund(t, id1, 50) // autonomous
	a2, digest2 := g.agreement(t, id1, 200)
	e.transact(t, g.approvers[0], g.registry, g.reg.PackApprove(id1, digest2))
	g.approveWithSig(t, id1, digest2, 1)
	job2 := g.open(t, a2) // one approval needed, two given
	job3 := g.fund(t, id1, 100)
	e.transact(t, g.provider, g.escrow, g.esc.PackReject(job3, [32]byte{}, nil)) // the provider withdraws: 100 back
	job4 := g.fund(t, id2, 300)
	g.warp(t, 2*3600)
	e.transact(t, g.relayer, g.escrow, g.esc.PackClaimRefund(job4)) // expired: 300 back to the one-time budget
	g.warp(t, day)
	job5 := g.fund(t, id1, 80)                                      // period 1
	e.transact(t, g.relayer, g.escrow, g.esc.PackClaimRefund(job1)) // refunded in period 1: restores nothing
	e.transact(t, g.principal, g.registry, g.reg.PackSetGuardian(addr(g.guardian)))
	e.transact(t, g.guardian, g.registry, g.reg.PackFreeze(addr(g.principal), g.agentID))
	e.transact(t, g.principal, g.registry, g.reg.PackUnfreeze(g.agentID))
	e.transact(t, g.guardian, g.registry, g.reg.PackRevoke(id1))
	e.transact(t, g.principal, g.escrow, g.esc.PackTerminate(job5)) // 80 back to period 1
	head := e.head(t)
	r.waitFor(t, head)
	p := r.store.Pool()
	now := float64(g.now(t))

	principal, guardian := hx(addr(g.principal).Bytes()), hx(addr(g.guardian).Bytes())
	ap0, ap1, agent := hx(addr(g.approvers[0]).Bytes()), hx(addr(g.approvers[1]).Bytes()), hx(addr(g.agent).Bytes())
	tests := []struct {
		name  string
		query string
		args  []any
		want  string
	}{
		{"mandate granted by transaction, revoked by the guardian", qMandate, []any{id1},
			fmt.Sprintf("t %s 1 0 1 1 %s,%s - %s 1000 86400", guardian, ap0, ap1, agent)},
		{"mandate granted by signature", qMandate, []any{id2},
			fmt.Sprintf("f - 0 0  0  %s %s 2000 0", hx(hash2.Bytes()), agent)},
		{"period 0: three jobs, one withdrawn", qPeriod, []any{id1, 0}, "350 100 250 750 3 86400"},
		{"period 1: one job, terminated", qPeriod, []any{id1, 1}, "80 80 0 1000 1 86400"},
		{"one-time budget: refunded after expiry", qPeriod, []any{id2, 0}, fmt.Sprintf("300 300 0 2000 1 %d", 30*day+60)},
		{"job refunded after the period rolled over", qJob, []any{job1}, fmt.Sprintf("%s 50 0 50 0 -", id1)},
		{"job approved twice", qJob, []any{job2}, fmt.Sprintf("%s 200 0 0 0 -", id1)},
		{"job withdrawn by the provider", qJob, []any{job3}, fmt.Sprintf("%s 100 0 100 100 -", id1)},
		{"job under the signed mandate, expired", qJob, []any{job4}, fmt.Sprintf("%s 300 0 300 300 -", id2)},
		{"job terminated by the principal", qJob, []any{job5}, fmt.Sprintf("%s 80 1 80 80 %s", id1, principal)},
		{"approvals by transaction and by relayed signature", qApproval, []any{id1, digest2.Bytes()},
			fmt.Sprintf("2 %s,%s t", ap0, ap1)},
		{"frozen by the guardian, unfrozen by the principal", qFreeze, []any{addr(g.principal).Bytes(), g.agentID},
			fmt.Sprintf("f %s t", guardian)},
		{"guardian", qGuardian, []any{addr(g.principal).Bytes()}, guardian},
		{"allowance of the revoked mandate", qAllowance, []any{id1, now}, "1 f t f 0 0"},
		{"allowance of the live mandate", qAllowance, []any{id2, now}, "0 t f f 0 2000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := row(t, p, tt.query, tt.args...); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
	if got, want := row(t, p, `SELECT count(*)::text FROM mandate_jobs`), "5"; got != want {
		t.Errorf("mandate_jobs: %s rows, want %s", got, want)
	}
	if got, want := row(t, p, `SELECT status FROM escrow_jobs WHERE job_id = $1`, job5), "rejected"; got != want {
		t.Errorf("terminated job status %s, want %s", got, want)
	}

	t.Run("projections agree with the registry", func(t *testing.T) {
		if n := verifyAgainstChain(t, e, p); n < 10 {
			t.Errorf("%d rows checked", n)
		}
	})
	mirror := dump(t, p)
	t.Run("recomputation changes nothing", func(t *testing.T) {
		if err := r.store.RebuildProjections(context.Background()); err != nil {
			t.Fatal(err)
		}
		compareDumps(t, "incremental vs recomputed", mirror, dump(t, p))
	})
	t.Run("a fresh index gives the same tables", func(t *testing.T) {
		fresh := e.start(t, runOpts{maxRange: 1000, dbURL: freshDB(t)})
		fresh.waitFor(t, head)
		compareDumps(t, "first index vs fresh index", mirror, dump(t, fresh.store.Pool()))
	})
}

// TestIndexer_GovernanceReorg revokes a mandate, spends and terminates under it, names a guardian and freezes
// the agent on a branch that a reorg then drops (evm_snapshot, evm_revert, a longer branch with another
// spend): the projections must lose the revocation, the freeze, the guardian and the terminated job, keep the
// new branch's spend, match the registry, and equal a fresh index.
func TestIndexer_GovernanceReorg(t *testing.T) {
	for _, mode := range []string{"websocket", "polling"} {
		t.Run(mode, func(t *testing.T) {
			e := newEnv(t)
			g := newGov(t, e)
			ws := ""
			if mode == "polling" {
				ws = "none"
			}
			r := e.start(t, runOpts{ws: ws})
			id := g.grant(t, g.mandate(t, 1000, 500, 86400, false))
			g.fund(t, id, 100)
			r.waitFor(t, e.head(t))
			p := r.store.Pool()

			var snap hexutil.Big
			e.rpc(t, &snap, "evm_snapshot")
			e.transact(t, g.principal, g.registry, g.reg.PackSetGuardian(addr(g.guardian)))
			dropped := g.fund(t, id, 200)
			e.transact(t, g.guardian, g.registry, g.reg.PackRevoke(id)) // the revoking block
			e.transact(t, g.principal, g.escrow, g.esc.PackTerminate(dropped))
			e.transact(t, g.guardian, g.registry, g.reg.PackFreeze(addr(g.principal), g.agentID))
			r.waitFor(t, e.head(t))
			before := []struct{ query, want string }{
				{`SELECT revoked::text FROM mandates`, "true"},
				{`SELECT count(*)::text FROM agent_freezes WHERE frozen`, "1"},
				{`SELECT count(*)::text FROM principal_guardians`, "1"},
				{`SELECT concat_ws(' ', funded, spent) FROM mandate_periods`, "300 100"},
				{`SELECT count(*)::text FROM mandate_jobs WHERE terminated_by IS NOT NULL`, "1"},
			}
			for _, q := range before {
				if got := row(t, p, q.query); got != q.want {
					t.Fatalf("before the reorg: %s = %s, want %s", q.query, got, q.want)
				}
			}

			var ok bool
			e.rpc(t, &ok, "evm_revert", &snap)
			if !ok {
				t.Fatal("evm_revert refused")
			}
			e.rpc(t, nil, "evm_increaseTime", hexutil.Uint64(7))
			kept := g.fund(t, id, 70)
			for range 5 { // a longer branch than the dropped one
				e.transact(t, g.relayer, g.token, g.usd.PackMint(addr(g.relayer), big.NewInt(1)))
			}
			r.waitFor(t, e.head(t))
			waitHash(t, e, r)
			after := []struct{ query, want string }{
				{`SELECT concat_ws(' ', revoked, revoked_by IS NULL, revoked_block IS NULL, spent) FROM mandates`, "f t t 170"},
				{`SELECT count(*)::text FROM agent_freezes`, "0"},
				{`SELECT count(*)::text FROM principal_guardians`, "0"},
				{`SELECT concat_ws(' ', funded, restored, spent, remaining, jobs) FROM mandate_periods`, "170 0 170 830 2"},
				{`SELECT string_agg(job_id::text, ',' ORDER BY job_id) FROM mandate_jobs WHERE terminated_by IS NULL`,
					fmt.Sprintf("1,%s", kept)},
			}
			for _, q := range after {
				if got := row(t, p, q.query); got != q.want {
					t.Errorf("after the reorg: %s = %s, want %s", q.query, got, q.want)
				}
			}
			view := callAt(t, g.registry, e.head(t), g.reg.PackGetMandate(id), g.reg.UnpackGetMandate)
			if view.Revoked {
				t.Fatal("the chain still has the mandate revoked: the reorg did not drop the revoking block")
			}
			verifyAgainstChain(t, e, p)
			fresh := e.start(t, runOpts{ws: ws, dbURL: freshDB(t)})
			fresh.waitFor(t, e.head(t))
			compareDumps(t, "after the reorg vs fresh", dump(t, p), dump(t, fresh.store.Pool()))
		})
	}
}
