package indexer

import (
	"cmp"
	"encoding/hex"
	"slices"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/agoralabs/agora/audit"
	"github.com/agoralabs/agora/deployment"
	"github.com/agoralabs/agora/indexer/catalog"
)

// The audit log (package audit, docs/audit.md): with Config.Audit, every mirrored event of the escrow and the
// mandates is also an audit entry, written in the same transaction as the event's row, with the event's
// block, transaction and log index; a rollback after a reorg adds a chain.reorg entry (the log keeps what
// was seen and says it was undone). Entries are made from the chain alone, with the block's time, so that
// indexing the same blocks again makes the same entries. A gateway with the operator's key integrates them.

// auditedContracts are the contracts whose events are audit entries.
var auditedContracts = map[string]string{deployment.AgentEscrow: "escrow", deployment.MandateRegistry: "mandates"}

// actorArgs are the event arguments that name who acted, in the order tried.
var actorArgs = []string{"by", "arbiter", "evaluator", "rejector", "approver", "client", "provider", "principal", "signer"}

// auditSource names the chain in entries.
func auditSource(chainID uint64) string { return "chain:" + strconv.FormatUint(chainID, 10) }

// chainEntry is the audit entry of an event row (from catalog.Event.Row), or false for another contract's.
func chainEntry(chainID uint64, e *catalog.Event, row []any) (audit.Entry, bool, error) {
	short, ok := auditedContracts[e.Contract]
	if !ok {
		return audit.Entry{}, false, nil
	}
	vals, err := e.Values(row)
	if err != nil {
		return audit.Entry{}, false, err
	}
	block, _ := row[0].(int64)
	at, _ := row[2].(time.Time)
	tx, _ := row[3].([]byte)
	logIndex, _ := row[5].(int32)
	out := audit.Entry{Time: audit.FormatTime(at), Action: "chain." + short + "." + e.Name, Outcome: "seen",
		Chain:  &audit.ChainRef{ChainID: chainID, Block: uint64(block), Tx: "0x" + hex.EncodeToString(tx), LogIndex: uint(logIndex)},
		Inputs: map[string]string{}}
	for k, v := range vals {
		if len(v) > audit.MaxInput {
			v = audit.Hash([]byte(v))
		}
		out.Inputs[k] = v
	}
	for _, a := range actorArgs {
		if v, ok := vals[a]; ok && len(v) == 42 {
			out.Actor = v
			break
		}
	}
	if v, ok := vals["principal"]; ok && len(v) == 42 {
		out.Principal = v
	}
	for _, a := range []string{"agentId", "providerAgentId", "payeeAgentId"} {
		if v, ok := vals[a]; ok {
			out.AgentID = v
			break
		}
	}
	switch {
	case vals["jobId"] != "":
		out.Subject = "job:" + vals["jobId"]
	case vals["mandateId"] != "":
		out.Subject = "mandate:" + vals["mandateId"]
	}
	return out, true, nil
}

// queueAudit queues the audit entries of b's escrow and mandate events, in chain order (block, log index).
func (s *Store) queueAudit(batch *pgx.Batch, b *Batch) error {
	var entries []audit.Entry
	for _, e := range s.cat.Events {
		if _, ok := auditedContracts[e.Contract]; !ok {
			continue
		}
		for _, row := range b.rows[e] {
			entry, _, err := chainEntry(s.auditChain, e, row)
			if err != nil {
				return err
			}
			entries = append(entries, entry)
		}
	}
	slices.SortFunc(entries, func(x, y audit.Entry) int {
		return cmp.Or(cmp.Compare(x.Chain.Block, y.Chain.Block), cmp.Compare(x.Chain.LogIndex, y.Chain.LogIndex))
	})
	for _, entry := range entries {
		if err := audit.Queue(batch, auditSource(s.auditChain), entry); err != nil {
			return err
		}
	}
	return nil
}
