#!/usr/bin/env bash
# chromium.sh: make sure Debian's Chromium is installed, for the explorer's browser tests (cmd/agora
# TestExplorer drives it with chromedp). Installs it with apt-get when it is missing and this runs as root (or
# with passwordless sudo); otherwise says loudly that the browser tests will be skipped. AGORA_CHROMIUM names
# another browser binary.
set -euo pipefail
if [[ -n "${AGORA_CHROMIUM:-}" ]] || command -v chromium >/dev/null || command -v chromium-browser >/dev/null; then
    exit 0
fi
as_root=()
if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        as_root=(sudo -n)
    else
        echo "chromium.sh: *** Chromium is missing and cannot be installed without root: the explorer's browser tests will be SKIPPED (apt-get install chromium) ***" >&2
        exit 0
    fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get install -y -q chromium >/dev/null 2>&1; then
    "${as_root[@]}" apt-get update -q >/dev/null
    "${as_root[@]}" apt-get install -y -q chromium >/dev/null
fi
command -v chromium >/dev/null || { echo "chromium.sh: apt-get did not install chromium" >&2; exit 1; }
