#!/usr/bin/env bash
# up.sh: the local Agora stack, in the foreground until Ctrl-C:
#   - installs anvil (scripts/setup.sh --anvil) while it builds the agora binary: the contracts are deployed from
#     the bytecode the Go bindings carry (a test checks it against a fresh forge build), so nothing compiles
#     Solidity here;
#   - starts anvil on 127.0.0.1:8545 with every contract deployed (agora devnet; .devnet/deployment.json);
#   - starts PostgreSQL (the private cluster of scripts/pg.sh, unless AGORA_DATABASE_URL names a server) and
#     gives the devnet a fresh database, agora_devnet (the devnet chain is new on every run);
#   - runs the indexer (agora index) into it, with /metrics, /healthz and /readyz on 127.0.0.1:9464;
#   - registers the demo agents of testdata/agents with a plausible history (agora seed --history --governance;
#     skip with AGORA_SEED=0), writing every account's key to .devnet/keys/ (mode 600) and the roster that
#     lists them to .devnet/agents.txt (docs/demo.md), so that a person can act as any of them;
#   - serves the gateway API (agora serve) on http://127.0.0.1:8080 (/openapi.json describes it) and the explorer
#     at http://127.0.0.1:8080/ (docs/explorer.md), with a one
#     minute late grace so that missed deadlines are refunded while you watch;
#   - keeps the audit log (docs/audit.md): a fresh operator key in .devnet/audit.key (verifier key in
#     .devnet/audit.vkey), every decision and escrow or mandate event logged, heads signed and anchored on chain
#     every minute from anvil's dev account 9 (agora audit verify --key-file .devnet/audit.vkey checks it all);
#   - keeps the market trading (agora demo --top-up; AGORA_DEMO=0 turns it off; its steps go to
#     .devnet/demo.log).
# Arguments are passed to agora devnet. Logs: .devnet/devnet.log, .devnet/seed.log, .devnet/demo.log and the
# terminal. Ctrl-C stops everything it started.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
mkdir -p .devnet
# Side by side: anvil's download, PostgreSQL's start and the one go build (which fetches the Go modules).
bash scripts/setup.sh --anvil &
setup=$!
bash scripts/pg.sh start >.devnet/pg.out &
pg=$!
go build -o .devnet/agora ./cmd/agora
wait "$setup"
wait "$pg" || { cat .devnet/pg.out >&2; exit 1; }
server=$(tail -n 1 .devnet/pg.out)
psql=/usr/lib/postgresql/15/bin/psql
command -v psql >/dev/null && psql=$(command -v psql)
"$psql" "$server" -qAt -c "DROP DATABASE IF EXISTS agora_devnet WITH (FORCE)" -c "CREATE DATABASE agora_devnet" >/dev/null
db=$(python3 -c 'import sys, urllib.parse as u; p = u.urlparse(sys.argv[1]); print(u.urlunparse(p._replace(path="/agora_devnet")))' "$server")

rm -f .devnet/deployment.json
.devnet/agora devnet "$@" >.devnet/devnet.log 2>&1 &
devnet=$!
index=""
serve=""
demo=""
stop() {
    trap - EXIT INT TERM
    # The demo first (its providers say goodbye to the gateway), then the gateway, the indexer and the chain.
    [[ -n "$demo" ]] && { kill "$demo" 2>/dev/null || true; wait "$demo" 2>/dev/null || true; }
    kill $serve $index "$devnet" 2>/dev/null || true
    wait $serve $index "$devnet" 2>/dev/null || true
}
trap stop EXIT INT TERM
for _ in $(seq 1 600); do
    [[ -s .devnet/deployment.json ]] && break
    kill -0 "$devnet" 2>/dev/null || { cat .devnet/devnet.log >&2; exit 1; }
    sleep 0.1
done
[[ -s .devnet/deployment.json ]] || { echo "up.sh: the devnet did not come up (see .devnet/devnet.log)" >&2; exit 1; }
cat .devnet/devnet.log
echo "database    $db"
echo "indexer     http://127.0.0.1:9464/metrics /healthz /readyz"
echo "gateway     http://127.0.0.1:8080/v1/agents  (API: /openapi.json)"
echo "explorer    http://127.0.0.1:8080/  (watch the market trade: docs/explorer.md)"
export AGORA_DATABASE_URL="$db"
# The audit log's operator key (new with the chain and the database) and the account that anchors its heads:
# anvil's well-known dev account 9 (nothing else here sends from it).
rm -f .devnet/audit.key .devnet/audit.vkey
.devnet/agora audit keygen --origin agora.devnet/audit --out .devnet/audit.key |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["verifierKey"])' >.devnet/audit.vkey
(umask 077 && printf '%s\n' 2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6 >.devnet/anchor.key)
echo "audit log   verifier key $(cat .devnet/audit.vkey) (.devnet/audit.vkey)"
# --progress off: the terminal is shared with the gateway's log, which would run into the redrawn line.
.devnet/agora index --deployment .devnet/deployment.json --poll-interval 100ms --fetch-allow-private --progress off --audit &
index=$!
if [[ "${AGORA_SEED:-1}" != 0 ]]; then
    rm -rf .devnet/keys
    .devnet/agora seed --rpc-url http://127.0.0.1:8545 --deployment .devnet/deployment.json --dir testdata/agents --history --governance \
        --policy-dir .devnet/policies --roster .devnet/agents.txt --keys-dir .devnet/keys \
        >/dev/null 2>.devnet/seed.log || { cat .devnet/seed.log >&2; exit 1; }
    echo "seeded      $(grep -c '^provider' .devnet/agents.txt) demo providers; every account's key: .devnet/agents.txt, .devnet/keys/"
fi
mkdir -p .devnet/policies
# One address (127.0.0.1) carries the demo's thirty-odd providers and buyers and your own commands: a devnet's
# per-client limits are raised accordingly.
.devnet/agora serve --deployment .devnet/deployment.json --policy-dir .devnet/policies --late-grace 1m \
    --max-client-streams 256 --rate-limit 1000 \
    --audit-key-file .devnet/audit.key --audit-anchor-key-file .devnet/anchor.key --audit-anchor-every 1m &
serve=$!
if [[ "${AGORA_SEED:-1}" != 0 && "${AGORA_DEMO:-1}" != 0 ]]; then
    for _ in $(seq 1 300); do
        curl -fsS -o /dev/null http://127.0.0.1:8080/readyz 2>/dev/null && break
        sleep 0.1
    done
    .devnet/agora demo --roster .devnet/agents.txt --top-up >.devnet/demo.log 2>&1 &
    demo=$!
    echo "demo        the market trades by itself (.devnet/demo.log; AGORA_DEMO=0 turns it off)"
fi
wait -n "$index" "$serve"
