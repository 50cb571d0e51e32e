#!/usr/bin/env bash
# setup.sh: install Agora's pinned toolchain into .tools/ (git-ignored).
#   forge, anvil, cast (@foundry-rs/*), solc-js behind a native-looking shim, OpenZeppelin contracts.
# Idempotent: when .tools/ already matches scripts/toolchain/package-lock.json it returns at once.
# Prints nothing but errors unless VERBOSE=1.
#
# setup.sh --anvil installs anvil alone (about a quarter of the download), pinned by the same lock: enough to
# run the stack (scripts/up.sh deploys from the bytecode the Go bindings carry, so running needs no compiler).
# A full install later replaces it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$root/.tools"
lock="$root/scripts/toolchain/package-lock.json"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) plat=linux-amd64 ;;
  Linux-aarch64) plat=linux-arm64 ;;
  Darwin-arm64) plat=darwin-arm64 ;;
  Darwin-x86_64) plat=darwin-amd64 ;;
  *) echo "setup: unsupported platform $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac

if [[ "${1:-}" == "--anvil" ]]; then
  [[ -x "$tools/bin/anvil" ]] && exit 0
  command -v npm >/dev/null || { echo "setup: npm is required (Node 20+)" >&2; exit 1; }
  dir="$tools/anvil-only"
  mkdir -p "$dir" "$tools/bin"
  # A package and lock of the one platform package, cut from the toolchain's lock (same version and integrity).
  node -e '
    const fs = require("fs"), [lockPath, dir, plat] = process.argv.slice(1);
    const lock = JSON.parse(fs.readFileSync(lockPath, "utf8"));
    const name = "@foundry-rs/anvil-" + plat, entry = lock.packages["node_modules/" + name];
    if (!entry) { console.error("setup: " + name + " is not in the lock"); process.exit(1); }
    const pkg = { name: "agora-anvil", private: true, dependencies: { [name]: entry.version } };
    const out = { name: "agora-anvil", lockfileVersion: 3, requires: true,
      packages: { "": { name: "agora-anvil", dependencies: pkg.dependencies }, ["node_modules/" + name]: entry } };
    delete out.packages["node_modules/" + name].optional;
    fs.writeFileSync(dir + "/package.json", JSON.stringify(pkg, null, 2));
    fs.writeFileSync(dir + "/package-lock.json", JSON.stringify(out, null, 2));
  ' "$lock" "$dir" "$plat"
  (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error --fetch-timeout=60000 --fetch-retries=5 >/dev/null)
  bin="$dir/node_modules/@foundry-rs/anvil-$plat/bin/anvil"
  [[ -x "$bin" ]] || { echo "setup: $bin missing" >&2; exit 1; }
  ln -sf "$bin" "$tools/bin/anvil"
  exit 0
fi
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
