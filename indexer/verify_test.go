package indexer_test

import (
	"bytes"
	"context"
	"fmt"
	"math/big"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/agoralabs/agora/bindings"
	"github.com/agoralabs/agora/indexer/catalog"
)

func call[T any](t *testing.T, e *env, addr common.Address, meta interface {
	Instance(bind.ContractBackend, common.Address) *bind.BoundContract
}, data []byte, unpack func([]byte) (T, error)) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	v, err := bind.Call(meta.Instance(e.chain.Client, addr), &bind.CallOpts{Context: ctx}, data, unpack)
	if err != nil {
		t.Fatalf("call %s: %v", addr, err)
	}
	return v
}

func bigOf(s string) *big.Int {
	n, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic("bad number " + s)
	}
	return n
}

// verifyAgainstChain compares every projection row with the contracts' own views at the current head, and
// checks counts so that nothing on chain is missing from the mirror. It returns how many rows it checked.
func verifyAgainstChain(t *testing.T, e *env, p *pgxpool.Pool) int {
	t.Helper()
	ctx := context.Background()
	idc, rep, val, esc, usd := bindings.NewIdentityRegistry(), bindings.NewReputationRegistry(),
		bindings.NewValidationRegistry(), bindings.NewAgentEscrow(), bindings.NewTestUSD()
	c := e.dep.Contracts
	checked := 0

	// Agents: ownerOf, tokenURI, getAgentWallet, every metadata key.
	rows, err := p.Query(ctx, `SELECT agent_id::text, owner, agent_uri, COALESCE(agent_uri_raw, convert_to(agent_uri, 'UTF8')),
		agent_wallet FROM agents a ORDER BY a.agent_id`)
	if err != nil {
		t.Fatal(err)
	}
	type agent struct {
		id     string
		owner  []byte
		uriRaw []byte
		wallet []byte
	}
	var agents []agent
	for rows.Next() {
		var a agent
		var uri string
		if err := rows.Scan(&a.id, &a.owner, &uri, &a.uriRaw, &a.wallet); err != nil {
			t.Fatal(err)
		}
		agents = append(agents, a)
	}
	rows.Close()
	for i, a := range agents {
		id := bigOf(a.id)
		if want := big.NewInt(int64(i)); id.Cmp(want) != 0 {
			t.Fatalf("agents: id %s at position %d: ids are dense from 0 on chain", a.id, i)
		}
		owner := call(t, e, c.IdentityRegistry.Address, idc, idc.PackOwnerOf(id), idc.UnpackOwnerOf)
		if !bytes.Equal(owner.Bytes(), a.owner) {
			t.Errorf("agent %s owner %x, chain %s", a.id, a.owner, owner)
		}
		uri := call(t, e, c.IdentityRegistry.Address, idc, idc.PackTokenURI(id), idc.UnpackTokenURI)
		if uri != string(a.uriRaw) {
			t.Errorf("agent %s uri %q, chain %q", a.id, a.uriRaw, uri)
		}
		wallet := call(t, e, c.IdentityRegistry.Address, idc, idc.PackGetAgentWallet(id), idc.UnpackGetAgentWallet)
		if (wallet == common.Address{}) != (a.wallet == nil) || (a.wallet != nil && !bytes.Equal(wallet.Bytes(), a.wallet)) {
			t.Errorf("agent %s wallet %x, chain %s", a.id, a.wallet, wallet)
		}
		checked++
	}
	// No agent beyond the last one exists on chain.
	next := big.NewInt(int64(len(agents)))
	if _, err := bind.Call(idc.Instance(e.chain.Client, c.IdentityRegistry.Address), nil, idc.PackOwnerOf(next), idc.UnpackOwnerOf); err == nil {
		t.Errorf("agent %s exists on chain but not in the mirror", next)
	}
	rows, err = p.Query(ctx, `SELECT agent_id::text, COALESCE(metadata_key_raw, convert_to(metadata_key, 'UTF8')), metadata_value FROM agent_metadata`)
	if err != nil {
		t.Fatal(err)
	}
	type md struct {
		id         string
		key, value []byte
	}
	var mds []md
	for rows.Next() {
		var m md
		if err := rows.Scan(&m.id, &m.key, &m.value); err != nil {
			t.Fatal(err)
		}
		mds = append(mds, m)
	}
	rows.Close()
	for _, m := range mds {
		v := call(t, e, c.IdentityRegistry.Address, idc, idc.PackGetMetadata(bigOf(m.id), string(m.key)), idc.UnpackGetMetadata)
		if !bytes.Equal(v, m.value) {
			t.Errorf("agent %s metadata %q = %x, chain %x", m.id, m.key, m.value, v)
		}
		checked++
	}

	// Feedback: readFeedback, getResponseCount, getLastIndex per (agent, client).
	rows, err = p.Query(ctx, `SELECT agent_id::text, client_address, feedback_index::text, value::text, value_decimals,
		COALESCE(tag1_raw, convert_to(tag1, 'UTF8')), COALESCE(tag2_raw, convert_to(tag2, 'UTF8')), is_revoked, response_count FROM feedback`)
	if err != nil {
		t.Fatal(err)
	}
	type fb struct {
		agent, index, value string
		client, tag1, tag2  []byte
		decimals            int32
		revoked             bool
		responses           int32
	}
	var fbs []fb
	for rows.Next() {
		var f fb
		if err := rows.Scan(&f.agent, &f.client, &f.index, &f.value, &f.decimals, &f.tag1, &f.tag2, &f.revoked, &f.responses); err != nil {
			t.Fatal(err)
		}
		fbs = append(fbs, f)
	}
	rows.Close()
	lastIndex := map[string]uint64{}
	for _, f := range fbs {
		id, client, index := bigOf(f.agent), common.BytesToAddress(f.client), bigOf(f.index).Uint64()
		got := call(t, e, c.ReputationRegistry.Address, rep, rep.PackReadFeedback(id, client, index), rep.UnpackReadFeedback)
		if got.Value.String() != f.value || int32(got.ValueDecimals) != f.decimals || got.Tag1 != string(f.tag1) ||
			got.Tag2 != string(f.tag2) || got.IsRevoked != f.revoked {
			t.Errorf("feedback %s/%s/%d: mirror %v %d %q %q %v, chain %+v", f.agent, client, index, f.value, f.decimals,
				f.tag1, f.tag2, f.revoked, got)
		}
		n := call(t, e, c.ReputationRegistry.Address, rep, rep.PackGetResponseCount(id, client, index, nil), rep.UnpackGetResponseCount)
		if int64(n) != int64(f.responses) {
			t.Errorf("feedback %s/%s/%d: %d responses, chain %d", f.agent, client, index, f.responses, n)
		}
		k := f.agent + "/" + client.Hex()
		lastIndex[k] = max(lastIndex[k], index)
		checked++
	}
	for k, last := range lastIndex {
		parts := strings.Split(k, "/")
		got := call(t, e, c.ReputationRegistry.Address, rep, rep.PackGetLastIndex(bigOf(parts[0]), common.HexToAddress(parts[1])), rep.UnpackGetLastIndex)
		if got != last {
			t.Errorf("feedback %s: last index %d, chain %d", k, last, got)
		}
	}
	// Every agent's client list on chain is in the mirror.
	for _, a := range agents {
		clients := call(t, e, c.ReputationRegistry.Address, rep, rep.PackGetClients(bigOf(a.id)), rep.UnpackGetClients)
		for _, cl := range clients {
			if _, ok := lastIndex[a.id+"/"+cl.Hex()]; !ok {
				t.Errorf("agent %s: client %s has feedback on chain but none in the mirror", a.id, cl)
			}
		}
	}

	// Validations: getValidationStatus.
	rows, err = p.Query(ctx, `SELECT request_hash, validator_address, agent_id::text, COALESCE(response, 0),
		COALESCE(response_hash, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea),
		COALESCE(tag_raw, convert_to(COALESCE(tag, ''), 'UTF8')), COALESCE(extract(epoch FROM responded_at)::bigint, 0) FROM validations`)
	if err != nil {
		t.Fatal(err)
	}
	type vr struct {
		hash, validator, respHash, tag []byte
		agent                          string
		response                       int32
		updated                        int64
	}
	var vrs []vr
	for rows.Next() {
		var v vr
		if err := rows.Scan(&v.hash, &v.validator, &v.agent, &v.response, &v.respHash, &v.tag, &v.updated); err != nil {
			t.Fatal(err)
		}
		vrs = append(vrs, v)
	}
	rows.Close()
	for _, v := range vrs {
		got := call(t, e, c.ValidationRegistry.Address, val, val.PackGetValidationStatus([32]byte(v.hash)), val.UnpackGetValidationStatus)
		if !bytes.Equal(got.ValidatorAddress.Bytes(), v.validator) || got.AgentId.String() != v.agent ||
			int32(got.Response) != v.response || !bytes.Equal(got.ResponseHash[:], v.respHash) || got.Tag != string(v.tag) ||
			got.LastUpdate.Int64() != v.updated {
			t.Errorf("validation %x: mirror %x %s %d %x %q %d, chain %+v", v.hash, v.validator, v.agent, v.response,
				v.respHash, v.tag, v.updated, got)
		}
		checked++
	}

	// Escrow jobs: getJob for every job the escrow has.
	count := call(t, e, c.AgentEscrow.Address, esc, esc.PackJobCount(), esc.UnpackJobCount)
	var mirrored int64
	if err := p.QueryRow(ctx, `SELECT count(*) FROM escrow_jobs`).Scan(&mirrored); err != nil {
		t.Fatal(err)
	}
	if count.Int64() != mirrored {
		t.Errorf("escrow: %d jobs on chain, %d mirrored", count, mirrored)
	}
	statuses := []string{"open", "funded", "submitted", "completed", "rejected", "expired", "disputed", "resolved"}
	for id := int64(1); id <= count.Int64(); id++ {
		j := call(t, e, c.AgentEscrow.Address, esc, esc.PackGetJob(big.NewInt(id)), esc.UnpackGetJob)
		var (
			status                             string
			client, provider, evaluator, token []byte
			expiredAt, budget, funded, agentID string
			mandateID                          string
			feeBps                             int32
			agreement, deliverable, validator  []byte
			threshold, penalty                 int32
			deadline, window                   string
			submittedAt, disputedAt            int64
		)
		err := p.QueryRow(ctx, `SELECT status, client, provider, evaluator, token, expired_at::text, budget::text,
			funded::text, COALESCE(provider_agent_id, 0)::text, fee_bps,
			COALESCE(agreement_hash, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea),
			COALESCE(deliverable, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea),
			COALESCE(validator, '\x0000000000000000000000000000000000000000'::bytea),
			COALESCE(validation_threshold, 0), COALESCE(late_penalty_bps, 0), COALESCE(delivery_deadline, 0)::text,
			COALESCE(review_window, 0)::text, COALESCE(extract(epoch FROM submitted_at)::bigint, 0),
			COALESCE(extract(epoch FROM disputed_at)::bigint, 0),
			COALESCE((SELECT m.mandate_id FROM mandate_jobs m WHERE m.job_id = j.job_id), 0)::text
			FROM escrow_jobs j WHERE job_id = $1`, id).Scan(&status, &client, &provider, &evaluator, &token, &expiredAt,
			&budget, &funded, &agentID, &feeBps, &agreement, &deliverable, &validator, &threshold, &penalty, &deadline,
			&window, &submittedAt, &disputedAt, &mandateID)
		if err != nil {
			t.Errorf("job %d: %v", id, err)
			continue
		}
		mirror := fmt.Sprintf("%s %x %x %x %x %s %s %s %s %d %x %x %x %d %d %s %s %d %d %s", status, client, provider,
			evaluator, token, expiredAt, budget, funded, agentID, feeBps, agreement, deliverable, validator, threshold,
			penalty, deadline, window, submittedAt, disputedAt, mandateID)
		chain := fmt.Sprintf("%s %x %x %x %x %d %s %s %s %d %x %x %x %d %d %d %d %d %d %s", statuses[j.Status], j.Client,
			j.Provider, j.Evaluator, j.Token, j.ExpiredAt, j.Budget, j.Funded, j.ProviderAgentId, j.FeeBps, j.AgreementHash,
			j.Deliverable, j.Validator, j.ValidationThreshold, j.LatePenaltyBps, j.DeliveryDeadline, j.ReviewWindow,
			j.SubmittedAt, j.DisputedAt, j.MandateId)
		if mirror != chain {
			t.Errorf("job %d:\nmirror %s\nchain  %s", id, mirror, chain)
		}
		checked++
	}
	// Balances: what the escrow holds per token is its token balance.
	rows, err = p.Query(ctx, `SELECT token, held::text FROM escrow_balances`)
	if err != nil {
		t.Fatal(err)
	}
	held := map[common.Address]string{}
	for rows.Next() {
		var tok []byte
		var h string
		if err := rows.Scan(&tok, &h); err != nil {
			t.Fatal(err)
		}
		held[common.BytesToAddress(tok)] = h
	}
	rows.Close()
	bal := call(t, e, c.TestUSD.Address, usd, usd.PackBalanceOf(c.AgentEscrow.Address), usd.UnpackBalanceOf)
	if h, ok := held[c.TestUSD.Address]; (ok || bal.Sign() != 0) && h != bal.String() {
		t.Errorf("escrow holds %s tUSD on chain, mirror says %q", bal, h)
	}
	return checked + verifyGovernance(t, e, p)
}

// dump renders every mirrored table (events and projections) as sorted text, leaving out what depends on
// when the indexer ran rather than on the chain.
func dump(t *testing.T, p *pgxpool.Pool) map[string][]string {
	t.Helper()
	ctx := context.Background()
	tables := []string{"agents", "agent_metadata", "feedback", "validations", "escrow_jobs", "escrow_balances", "unknown_logs",
		"mandates", "mandate_periods", "mandate_jobs", "mandate_approvals", "agent_freezes", "principal_guardians"}
	for _, e := range catalog.Default.Events {
		tables = append(tables, e.Table)
	}
	out := map[string][]string{}
	for _, table := range tables {
		rows, err := p.Query(ctx, "SELECT t::text FROM "+table+" t")
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			lines = append(lines, s)
		}
		rows.Close()
		sort.Strings(lines)
		out[table] = lines
	}
	rows, err := p.Query(ctx, `SELECT agent_id::text || ' ' || agent_uri FROM registration_files`)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, s)
	}
	rows.Close()
	sort.Strings(lines)
	out["registration_files"] = lines
	return out
}

func compareDumps(t *testing.T, what string, a, b map[string][]string) {
	t.Helper()
	for table, rows := range a {
		other := b[table]
		if strings.Join(rows, "\n") != strings.Join(other, "\n") {
			t.Errorf("%s: table %s differs: %d rows vs %d rows", what, table, len(rows), len(other))
			for i := 0; i < len(rows) || i < len(other); i++ {
				var x, y string
				if i < len(rows) {
					x = rows[i]
				}
				if i < len(other) {
					y = other[i]
				}
				if x != y {
					t.Errorf("  first difference:\n  %s\n  %s", x, y)
					break
				}
			}
		}
	}
}

func totalRows(d map[string][]string) int {
	n := 0
	for _, rows := range d {
		n += len(rows)
	}
	return n
}
