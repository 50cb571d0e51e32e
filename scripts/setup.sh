#!/usr/bin/env bash
# setup.sh: install Agora's pinned toolchain into .tools/ (git-ignored).
#   forge, anvil, cast (@foundry-rs/*), solc-js behind a native-looking shim, OpenZeppelin contracts.
# Idempotent: when .tools/ already matches scripts/toolchain/package-lock.json it returns at once.
# Prints nothing but errors unless VERBOSE=1. Source-able helpers live in scripts/lib.sh.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$root/.tools"
lock="$root/scripts/toolchain/package-lock.json"
stamp="$tools/.stamp"
want=$(cat "$root/scripts/toolchain/package.json" "$lock" "$root/scripts/toolchain/solc-shim.js" | sha256sum | cut -d' ' -f1)

if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -x "$tools/bin/forge" ]]; then
  exit 0
fi

command -v npm >/dev/null || { echo "setup: npm is required (Node 20+)" >&2; exit 1; }
mkdir -p "$tools/bin"
cp "$root/scripts/toolchain/package.json" "$lock" "$tools/"
# The Foundry packages' postinstall would download binaries; the per-platform packages already ship them.
# A stalled download is retried after a minute rather than npm's five.
(cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error --fetch-timeout=60000 --fetch-retries=5 >/dev/null)

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) plat=linux-amd64 ;;
  Linux-aarch64) plat=linux-arm64 ;;
  Darwin-arm64) plat=darwin-arm64 ;;
  Darwin-x86_64) plat=darwin-amd64 ;;
  *) echo "setup: unsupported platform $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac
for t in forge anvil cast; do
  bin="$tools/node_modules/@foundry-rs/$t-$plat/bin/$t"
  [[ -x "$bin" ]] || { echo "setup: $bin missing" >&2; exit 1; }
  ln -sf "$bin" "$tools/bin/$t"
done
cp "$root/scripts/toolchain/solc-shim.js" "$tools/bin/solc"
chmod +x "$tools/bin/solc"
"$tools/bin/solc" --version | grep -q '^Version: 0\.8\.' || { echo "setup: solc shim broken" >&2; exit 1; }
echo "$want" >"$stamp"
[[ "${VERBOSE:-0}" == 1 ]] && "$tools/bin/forge" --version | head -1
exit 0
