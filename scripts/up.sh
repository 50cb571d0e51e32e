#!/usr/bin/env bash
# up.sh: the local Agora stack. Installs the toolchain, builds the contracts, starts anvil on 127.0.0.1:8545
# and deploys every contract; the deployment file is .devnet/deployment.json. Ctrl-C stops it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash scripts/setup.sh
.tools/bin/forge build >/dev/null
exec go run ./cmd/agora devnet "$@"
