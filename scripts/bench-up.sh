#!/usr/bin/env bash
# bench-up.sh: how long a new user waits, from a fresh clone with empty Go and npm caches, until scripts/up.sh
# answers on /v1/agents and until the demo market's first escrow job settles (BENCHMARKS.md, "Ready after a
# fresh clone"). Clones HEAD of this checkout into a scratch folder, runs up.sh there with GOMODCACHE, GOCACHE
# and the npm cache pointing at empty scratch folders, prints the two times, stops the stack and removes
# everything. Needs 127.0.0.1:8080, :8545 and :9464 free (no other up.sh running).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
scratch=$(mktemp -d)
up=""
cleanup() {
    if [[ -n "$up" ]]; then
        kill -TERM "$up" 2>/dev/null || true
        wait "$up" 2>/dev/null || true
    fi
    (cd "$scratch/agora" 2>/dev/null && bash scripts/pg.sh stop >/dev/null 2>&1) || true
    chmod -R u+w "$scratch" 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT
git clone -q "$root" "$scratch/agora"
mkdir -p "$scratch/gomod" "$scratch/gocache" "$scratch/npm"
cd "$scratch/agora"
start=$(date +%s.%N)
GOMODCACHE="$scratch/gomod" GOCACHE="$scratch/gocache" npm_config_cache="$scratch/npm" GOFLAGS=-modcacherw \
    bash scripts/up.sh >"$scratch/up.log" 2>&1 &
up=$!
elapsed() { printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)"; }
agents=""
settled=""
for _ in $(seq 1 3600); do
    kill -0 "$up" 2>/dev/null || { cat "$scratch/up.log" >&2; echo "bench-up: up.sh exited" >&2; exit 1; }
    if [[ -z "$agents" ]] && curl -fsS -o /dev/null http://127.0.0.1:8080/v1/agents 2>/dev/null; then
        agents=$(elapsed)
        echo "/v1/agents answered after ${agents} s"
    fi
    if [[ -n "$agents" ]] && grep -q '"event":"completed"' .devnet/demo.log 2>/dev/null; then
        settled=$(elapsed)
        echo "first escrow job settled after ${settled} s"
        break
    fi
    sleep 0.2
done
[[ -n "$settled" ]] || { echo "bench-up: no job settled within 12 minutes" >&2; exit 1; }
