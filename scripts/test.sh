#!/usr/bin/env bash
# test.sh: every test Agora has, from a fresh clone. Installs the pinned toolchain first (scripts/setup.sh).
#   forge: build, format check, unit + fuzz + invariant suites with a per-commit fuzz seed (printed), gas sections
#          (which land in snapshots/ and do not depend on the seed) unchanged
#   go:    vet, gofmt check, every package's tests (real anvil chains and a private PostgreSQL, scripts/pg.sh,
#          started by the tests themselves; cmd/agora's also installs and builds examples/typescript with npm ci
#          and tsc, and runs its buyer and provider against the Go agents), then each gateway fuzz target for a
#          short budget (AGORA_FUZZTIME a target, default 10s; 0 skips them; docs/gateway.md, "Fuzzing")
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash scripts/setup.sh
bash scripts/chromium.sh # Debian's Chromium for the explorer's browser tests (installed when missing, as root)
forge=.tools/bin/forge

step() { printf '\n==> %s\n' "$*"; }

step "forge build"
$forge build >/dev/null
step "forge fmt --check"
$forge fmt --check
step "forge test (unit, fuzz, invariant)"
# The seed of the fuzz and invariant campaigns: AGORA_FUZZ_SEED if set; else the first 16 hex digits of the commit,
# so that every commit tries new inputs and rerunning a commit repeats them; outside git, the time and pid. It is
# printed before the run: `forge test --fuzz-seed <seed>` replays a failure (docs/escrow.md, "Tests"). A plain
# `forge test` keeps foundry.toml's fixed seed.
if [[ -n "${AGORA_FUZZ_SEED:-}" ]]; then
  seed=$AGORA_FUZZ_SEED
elif head=$(git rev-parse --verify -q HEAD 2>/dev/null); then
  seed=0x${head:0:16}
else
  seed=$(printf '0x%08x%08x' "$(date +%s)" "$$")
fi
echo "fuzz seed: $seed (replay: .tools/bin/forge test --fuzz-seed $seed)"
$forge test --fuzz-seed "$seed"
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
stop_pg=false
if [[ -z "${AGORA_DATABASE_URL:-}" ]] && ! bash scripts/pg.sh url >/dev/null 2>&1; then
  stop_pg=true
fi
fuzzdir=$(mktemp -d)
cleanup() {
  rm -rf "$fuzzdir"
  if $stop_pg; then bash scripts/pg.sh stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
go test -count=1 ./...

fuzztime=${AGORA_FUZZTIME:-10s}
if [[ "$fuzztime" != 0 ]]; then
  step "go fuzz ($fuzztime a target)"
  # One target a run, as go requires, all from one test binary built once with the module's own packages
  # instrumented for coverage (`go test -fuzz` instruments every dependency too, a build of minutes on a clean
  # machine; these are the code the targets aim at). Interesting inputs go to go's fuzz cache, as with
  # `go test -fuzz`; a failing input is written to gateway/testdata/fuzz/ and fails the run. Each run is ended
  # by SIGINT rather than -fuzztime: Go 1.26's coordinator can fail a -fuzztime run at its deadline with a bare
  # "context deadline exceeded" (golang/go#75804, fixed in Go 1.27), while an interrupted run ends cleanly.
  module=$(go list -m)
  go test -c -o "$fuzzdir/gateway.test" -gcflags="$module/...=-d=libfuzzer" ./gateway
  cache="$(go env GOCACHE)/fuzz/$module/gateway"
  for target in $(cd gateway && "$fuzzdir/gateway.test" -test.list '^Fuzz'); do
    (cd gateway && timeout --foreground --preserve-status -s INT "$fuzztime" "$fuzzdir/gateway.test" -test.run '^$' \
      -test.fuzz "^$target\$" -test.fuzzcachedir "$cache" -test.timeout 5m)
  done
fi
