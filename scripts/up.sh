#!/usr/bin/env bash
# up.sh: the local Agora stack, in the foreground until Ctrl-C:
#   - installs the toolchain and builds the contracts;
#   - starts anvil on 127.0.0.1:8545 with every contract deployed (agora devnet; .devnet/deployment.json);
#   - starts PostgreSQL (the private cluster of scripts/pg.sh, unless AGORA_DATABASE_URL names a server) and
#     gives the devnet a fresh database, agora_devnet (the devnet chain is new on every run);
#   - runs the indexer (agora index) into it, with /metrics, /healthz and /readyz on 127.0.0.1:9464;
#   - registers the demo agents of testdata/agents with a plausible history (agora seed --history; skip with
#     AGORA_SEED=0);
#   - serves the gateway API (agora serve) on http://127.0.0.1:8080 (/openapi.json describes it).
# Arguments are passed to agora devnet. Logs: .devnet/devnet.log, .devnet/seed.log and the terminal.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash scripts/setup.sh
.tools/bin/forge build >/dev/null
mkdir -p .devnet
go build -o .devnet/agora ./cmd/agora

server=$(bash scripts/pg.sh start | tail -n 1)
psql=/usr/lib/postgresql/15/bin/psql
command -v psql >/dev/null && psql=$(command -v psql)
"$psql" "$server" -qAt -c "DROP DATABASE IF EXISTS agora_devnet WITH (FORCE)" -c "CREATE DATABASE agora_devnet" >/dev/null
db=$(python3 -c 'import sys, urllib.parse as u; p = u.urlparse(sys.argv[1]); print(u.urlunparse(p._replace(path="/agora_devnet")))' "$server")

rm -f .devnet/deployment.json
.devnet/agora devnet "$@" >.devnet/devnet.log 2>&1 &
devnet=$!
index=""
serve=""
stop() {
    trap - EXIT INT TERM
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
export AGORA_DATABASE_URL="$db"
.devnet/agora index --deployment .devnet/deployment.json --poll-interval 100ms --fetch-allow-private &
index=$!
if [[ "${AGORA_SEED:-1}" != 0 ]]; then
    .devnet/agora seed --rpc-url http://127.0.0.1:8545 --deployment .devnet/deployment.json --dir testdata/agents --history --governance \
        --policy-dir .devnet/policies \
        >.devnet/agents.txt 2>.devnet/seed.log || { cat .devnet/seed.log >&2; exit 1; }
    echo "seeded      $(wc -l <.devnet/agents.txt) demo agents (.devnet/agents.txt: agentId file wallet)"
fi
mkdir -p .devnet/policies
.devnet/agora serve --deployment .devnet/deployment.json --policy-dir .devnet/policies &
serve=$!
wait -n "$index" "$serve"
