#!/usr/bin/env bash
# test.sh: every test Agora has, from a fresh clone. Installs the pinned toolchain first (scripts/setup.sh).
#   forge: build, format check, unit + fuzz + invariant suites (gas sections land in snapshots/)
#   go:    vet, gofmt check, every package's tests (real anvil chains and a private PostgreSQL, scripts/pg.sh,
#          started by the tests themselves)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash scripts/setup.sh
forge=.tools/bin/forge

step() { printf '\n==> %s\n' "$*"; }

step "forge build"
$forge build >/dev/null
step "forge fmt --check"
$forge fmt --check
step "forge test (unit, fuzz, invariant)"
$forge test
step "gas snapshot unchanged"
git diff --exit-code -- snapshots/ || { echo "gas sections changed: commit snapshots/ if intended" >&2; exit 1; }

step "go vet"
go vet ./...
step "gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' | grep -v '^bindings/') 2>/dev/null || true)
[[ -z "$unformatted" ]] || { echo "gofmt would change: $unformatted" >&2; exit 1; }
step "go test"
# Tests that need PostgreSQL start the private cluster (scripts/pg.sh) themselves; stop it afterwards unless it
# was already running (a developer's own) or AGORA_DATABASE_URL names another server.
if [[ -z "${AGORA_DATABASE_URL:-}" ]] && ! bash scripts/pg.sh url >/dev/null 2>&1; then
  trap 'bash scripts/pg.sh stop >/dev/null 2>&1 || true' EXIT
fi
go test -count=1 ./...
