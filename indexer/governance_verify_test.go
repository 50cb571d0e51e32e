package indexer_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/agoralabs/agora/bindings"
)

// verifyGovernance compares every governance projection row with the MandateRegistry's views at the head
// block (getMandate, approversOf, payeeAllowed, specAllowed, remaining, approvals, hasApproved, frozen,
// guardianOf) and checks that the mirror has every mandate. It returns how many rows it checked.
func verifyGovernance(t *testing.T, e *env, p *pgxpool.Pool) int {
	t.Helper()
	ctx := context.Background()
	reg := bindings.NewMandateRegistry()
	registry := reg.Instance(e.chain.Client, e.dep.Contracts.MandateRegistry.Address)
	head, err := e.chain.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := head.Number.Uint64()
	checked := 0

	count := callAt(t, registry, n, reg.PackMandateCount(), reg.UnpackMandateCount)
	if got := row(t, p, `SELECT count(*)::text FROM mandates`); got != count.String() {
		t.Errorf("mandates: %s mirrored, %s on chain", got, count)
	}
	type mandate struct {
		id, mirror      string
		payees          []string
		specs           [][]byte
		approvers       [][]byte
		remaining, left string // mandate_allowance_at(head time): period index and amount
	}
	rows, err := p.Query(ctx, `SELECT m.mandate_id::text,
		concat_ws(' ', encode(principal, 'hex'), agent_id, encode(agent, 'hex'), encode(token, 'hex'), max_per_job,
			budget, period, extract(epoch FROM valid_after)::bigint, extract(epoch FROM valid_until)::bigint,
			any_payee, any_spec, quorum, quorum_high, cardinality(approvers), escalate_above, timelock_above,
			timelock, m.revoked, m.spent, spent_period),
		payees::text[], specs, approvers, a.period_index::text, a.remaining::text
		FROM mandates m JOIN mandate_allowance_at(to_timestamp($1)) a USING (mandate_id) ORDER BY m.mandate_id`,
		float64(head.Time))
	if err != nil {
		t.Fatal(err)
	}
	var mandates []mandate
	for rows.Next() {
		var m mandate
		if err := rows.Scan(&m.id, &m.mirror, &m.payees, &m.specs, &m.approvers, &m.remaining, &m.left); err != nil {
			t.Fatal(err)
		}
		mandates = append(mandates, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	b := func(v bool) string { return map[bool]string{true: "t", false: "f"}[v] }
	for _, m := range mandates {
		id := bigOf(m.id)
		v := callAt(t, registry, n, reg.PackGetMandate(id), reg.UnpackGetMandate)
		chain := fmt.Sprintf("%x %s %x %x %s %s %d %d %d %s %s %d %d %d %s %s %d %s %s %d", v.Principal, v.AgentId,
			v.Agent, v.Token, v.MaxPerJob, v.Budget, v.Period, v.ValidAfter, v.ValidUntil, b(v.AnyPayee), b(v.AnySpec),
			v.Quorum, v.QuorumHigh, v.ApproverCount, v.EscalateAbove, v.TimelockAbove, v.Timelock, b(v.Revoked),
			v.Spent, v.PeriodIndex)
		if m.mirror != chain {
			t.Errorf("mandate %s:\nmirror %s\nchain  %s", m.id, m.mirror, chain)
		}
		approvers := callAt(t, registry, n, reg.PackApproversOf(id), reg.UnpackApproversOf)
		if got, want := fmt.Sprintf("%x", m.approvers), fmt.Sprintf("%x", addrBytes(approvers)); got != want {
			t.Errorf("mandate %s: approvers %s, chain %s", m.id, got, want)
		}
		for _, payee := range m.payees {
			if !callAt(t, registry, n, reg.PackPayeeAllowed(id, bigOf(payee)), reg.UnpackPayeeAllowed) {
				t.Errorf("mandate %s: payee %s mirrored, not allowed on chain", m.id, payee)
			}
		}
		for _, spec := range m.specs {
			if !callAt(t, registry, n, reg.PackSpecAllowed(id, [32]byte(spec)), reg.UnpackSpecAllowed) {
				t.Errorf("mandate %s: spec %x mirrored, not allowed on chain", m.id, spec)
			}
		}
		left := callAt(t, registry, n, reg.PackRemaining(id), reg.UnpackRemaining)
		if got, want := m.remaining+" "+m.left, fmt.Sprintf("%d %s", left.PeriodIndex, left.Amount); got != want {
			t.Errorf("mandate %s: mandate_allowance_at(head) = %s, remaining() = %s", m.id, got, want)
		}
		checked++
	}

	// Approvals: approvals(mandate, agreement) and hasApproved for each approver.
	rows, err = p.Query(ctx, `SELECT mandate_id::text, agreement_hash, approvals, extract(epoch FROM last_at)::bigint,
		approvers FROM mandate_approvals`)
	if err != nil {
		t.Fatal(err)
	}
	type approval struct {
		id        string
		hash      []byte
		count     int32
		lastAt    int64
		approvers [][]byte
	}
	var approvals []approval
	for rows.Next() {
		var a approval
		if err := rows.Scan(&a.id, &a.hash, &a.count, &a.lastAt, &a.approvers); err != nil {
			t.Fatal(err)
		}
		approvals = append(approvals, a)
	}
	rows.Close()
	for _, a := range approvals {
		got := callAt(t, registry, n, reg.PackApprovals(bigOf(a.id), [32]byte(a.hash)), reg.UnpackApprovals)
		if int32(got.Count) != a.count || int64(got.LastAt) != a.lastAt || int(a.count) != len(a.approvers) {
			t.Errorf("approvals %s/%x: mirror %d at %d by %d, chain %d at %d", a.id, a.hash, a.count, a.lastAt,
				len(a.approvers), got.Count, got.LastAt)
		}
		for _, ap := range a.approvers {
			if !callAt(t, registry, n, reg.PackHasApproved(bigOf(a.id), [32]byte(a.hash), common.BytesToAddress(ap)), reg.UnpackHasApproved) {
				t.Errorf("approvals %s/%x: %x approved in the mirror, not on chain", a.id, a.hash, ap)
			}
		}
		checked++
	}

	// Freezes and guardians.
	rows, err = p.Query(ctx, `SELECT principal, agent_id::text, frozen FROM agent_freezes`)
	if err != nil {
		t.Fatal(err)
	}
	type freeze struct {
		principal []byte
		agent     string
		frozen    bool
	}
	var freezes []freeze
	for rows.Next() {
		var f freeze
		if err := rows.Scan(&f.principal, &f.agent, &f.frozen); err != nil {
			t.Fatal(err)
		}
		freezes = append(freezes, f)
	}
	rows.Close()
	for _, f := range freezes {
		got := callAt(t, registry, n, reg.PackFrozen(common.BytesToAddress(f.principal), bigOf(f.agent)), reg.UnpackFrozen)
		if got != f.frozen {
			t.Errorf("freeze %x/%s: mirror %v, chain %v", f.principal, f.agent, f.frozen, got)
		}
		checked++
	}
	rows, err = p.Query(ctx, `SELECT principal, guardian FROM principal_guardians`)
	if err != nil {
		t.Fatal(err)
	}
	var guardians [][2][]byte
	for rows.Next() {
		var g [2][]byte
		if err := rows.Scan(&g[0], &g[1]); err != nil {
			t.Fatal(err)
		}
		guardians = append(guardians, g)
	}
	rows.Close()
	for _, g := range guardians {
		got := callAt(t, registry, n, reg.PackGuardianOf(common.BytesToAddress(g[0])), reg.UnpackGuardianOf)
		if (got == common.Address{}) != (g[1] == nil) || (g[1] != nil && !bytes.Equal(got.Bytes(), g[1])) {
			t.Errorf("guardian of %x: mirror %x, chain %s", g[0], g[1], got)
		}
		checked++
	}
	return checked
}

func addrBytes(as []common.Address) [][]byte {
	out := make([][]byte, len(as))
	for i, a := range as {
		out[i] = a.Bytes()
	}
	return out
}
