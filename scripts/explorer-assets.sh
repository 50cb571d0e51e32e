#!/usr/bin/env bash
# explorer-assets.sh: the explorer's vendored chart library, from the npm registry at a pinned version:
# uPlot's browser build and stylesheet, and its licence, into explorer/assets/vendor/, with their SHA-256 in
# SHA256SUMS (explorer's tests hold the committed files to it). npm checks the tarball against the registry's
# integrity. Run it to update the version (change UPLOT below) and commit the result; --check compares instead.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
UPLOT=1.6.32
out="$root/explorer/assets/vendor"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack "uplot@$UPLOT" --silent >/dev/null && tar xzf "uplot-$UPLOT.tgz")
files=(uPlot.iife.min.js uPlot.min.css)
if [[ "${1:-}" == "--check" ]]; then
    for f in "${files[@]}"; do
        cmp -s "$tmp/package/dist/$f" "$out/$f" || { echo "explorer-assets: $f differs from uplot@$UPLOT" >&2; exit 1; }
    done
    echo "explorer assets match uplot@$UPLOT"
    exit 0
fi
mkdir -p "$out"
for f in "${files[@]}"; do cp "$tmp/package/dist/$f" "$out/$f"; done
cp "$tmp/package/LICENSE" "$out/uPlot.LICENSE"
(cd "$out" && sha256sum "${files[@]}" uPlot.LICENSE >SHA256SUMS && echo "# uplot@$UPLOT from the npm registry (scripts/explorer-assets.sh)" >>SHA256SUMS)
