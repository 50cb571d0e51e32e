#!/usr/bin/env bash
# gas-registries.sh: whole-transaction gas (receipt gasUsed: 21,000 intrinsic + calldata + execution) of every
# ERC-8004 write on Agora's registries, sent as real transactions to a scratch anvil, next to the reference
# implementation's figures for the same calls (solc 0.8.30, via-IR, 200 runs, no proxy).
# Prints "call | ours | reference | delta" and exits 1 if any call costs more than the reference.
#
# Scenario (the reference figures were taken the same way): the agent owner already owns agent 0, so the id
# counter and the owner's balance are warm and every measured agent id is > 0; realistic strings (100-character
# https URIs, tags "quality"/"latency", an MCP endpoint, ~60-character ipfs:// URIs). Rows marked "info" have no
# reference figure and are not compared.
#
# Usage: scripts/gas-registries.sh            (run from anywhere; needs only scripts/setup.sh's toolchain)
# GAS_ROOT=dir IDENTITY=path:Name REPUTATION=... VALIDATION=... measure another implementation with the same
# constructors and calls (it must also expose agentWalletSetDigest(uint256,address,address,uint256)).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/setup.sh"
forge="$root/.tools/bin/forge"
cast="$root/.tools/bin/cast"
anvil="$root/.tools/bin/anvil"
proj=${GAS_ROOT:-$root}
identity_src=${IDENTITY:-contracts/src/IdentityRegistry.sol:IdentityRegistry}
reputation_src=${REPUTATION:-contracts/src/ReputationRegistry.sol:ReputationRegistry}
validation_src=${VALIDATION:-contracts/src/ValidationRegistry.sol:ValidationRegistry}

scratch=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
rpc="http://127.0.0.1:$port"
"$anvil" --port "$port" --cache-path "$scratch/cache" --silent >"$scratch/anvil.log" 2>&1 &
anvil_pid=$!
cleanup() {
  kill "$anvil_pid" 2>/dev/null || true
  wait "$anvil_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT
for _ in $(seq 1 100); do
  "$cast" chain-id --rpc-url "$rpc" >/dev/null 2>&1 && break
  sleep 0.1
done

# anvil's well-known development accounts (test mnemonic), never used anywhere else.
mnemonic="test test test test test test test test test test test junk"
key() { "$cast" wallet private-key "$mnemonic" "$1"; }
deployer=$(key 0) owner=$(key 1) client=$(key 2) validator=$(key 4) responder=$(key 5) wallet=$(key 6)
newcomer=$(key 7)
addr() { "$cast" wallet address --private-key "$1"; }

deploy() { # deploy <path:Name> [constructor args...] -> address
  local src=$1
  shift
  (cd "$proj" && "$forge" create "$src" --rpc-url "$rpc" --private-key "$deployer" --broadcast \
    ${1:+--constructor-args "$@"}) | awk '/Deployed to:/ {print $3}'
}

send() { # send <key> <to> <sig> [args...] -> gasUsed (fails on revert)
  local k=$1 to=$2
  shift 2
  local tx
  tx=$("$cast" send --async --rpc-url "$rpc" --private-key "$k" "$to" "$@")
  local status
  status=$("$cast" receipt --rpc-url "$rpc" "$tx" status)
  [[ $status == true || $status == 1* ]] || { echo "gas-registries: $* reverted" >&2; exit 2; }
  "$cast" receipt --rpc-url "$rpc" "$tx" gasUsed
}

identity=$(deploy "$identity_src")
reputation=$(deploy "$reputation_src" "$identity")
validation=$(deploy "$validation_src" "$identity")
[[ -n $identity && -n $reputation && -n $validation ]] || { echo "gas-registries: deployment failed" >&2; exit 2; }

uri1="https://agents.example.com/registrations/0x8004a169fb4a3325136eb29fa0ceb6d2e539a432/agent-1.json?v=1"
uri2="https://agents.example.com/registry/v2/84532/0x8004a169fb4a3325136eb29fa0ceb6d2e539a432/01/card.json"
uri3="https://agents.example.com/registrations/0x8004a169fb4a3325136eb29fa0ceb6d2e539a432/agent-2.json?v=1"
[[ ${#uri1} == 100 && ${#uri2} == 100 && ${#uri3} == 100 ]] || { echo "gas-registries: URIs must be 100 chars" >&2; exit 2; }
endpoint="https://agent.example.com/mcp"
feedback_uri="ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"
response_uri="ipfs://bafkreiem4twkqzsq2aj4shbycd4yvoj2cx72vezicletlhi7dijjciqpui"
request_uri="ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/validation-request.json"
response_uri_v="ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/validation-response.json"
hex() { printf '%s' "$1" | od -An -v -tx1 | tr -d ' \n'; }
ens_name=0x$(hex "agent-1.agora.eth")                                         # 17 bytes
pay_to=$("$cast" wallet address --private-key "$(key 8)")                     # 20 bytes
homepage=0x$(hex "https://agents.example.com/.well-known/agent-card.json")    # 54 bytes

declare -a names ours refs
row() { names+=("$1"); ours+=("$2"); refs+=("$3"); }

# warm-up: agent 0 for the owner (counter, balance and wallet binding warm)
send "$owner" "$identity" "register()" >/dev/null

row "register(string)" "$(send "$owner" "$identity" "register(string)" "$uri1")" 201908
row "register(string,MetadataEntry[2])" "$(send "$owner" "$identity" "register(string,(string,bytes)[])" "$uri3" \
  "[(\"ens\",$ens_name),(\"x402.payTo\",$pay_to)]")" 261710
row "setMetadata (new key)" "$(send "$owner" "$identity" "setMetadata(uint256,string,bytes)" 1 "homepage" "$homepage")" 97868
row "setAgentURI" "$(send "$owner" "$identity" "setAgentURI(uint256,string)" 1 "$uri2")" 51009

wallet_addr=$(addr "$wallet")
owner_addr=$(addr "$owner")
now=$("$cast" block latest --field timestamp --rpc-url "$rpc")
deadline=$((now + 120))
digest=$("$cast" call --rpc-url "$rpc" "$identity" "agentWalletSetDigest(uint256,address,address,uint256)(bytes32)" \
  1 "$wallet_addr" "$owner_addr" "$deadline")
signature=$("$cast" wallet sign --no-hash --private-key "$wallet" "$digest")
row "setAgentWallet (EOA)" "$(send "$owner" "$identity" "setAgentWallet(uint256,address,uint256,bytes)" 1 "$wallet_addr" \
  "$deadline" "$signature")" 45558

fb="giveFeedback(uint256,int128,uint8,string,string,string,string,bytes32)"
row "giveFeedback (client's first)" "$(send "$client" "$reputation" "$fb" 1 87 0 quality latency "$endpoint" \
  "$feedback_uri" "$("$cast" keccak feedback-1)")" 209226
row "giveFeedback (client's second)" "$(send "$client" "$reputation" "$fb" 1 9977 2 quality latency "$endpoint" \
  "$feedback_uri" "$("$cast" keccak feedback-2)")" 127376
row "revokeFeedback" "$(send "$client" "$reputation" "revokeFeedback(uint256,uint64)" 1 1)" 31515
row "appendResponse" "$(send "$responder" "$reputation" "appendResponse(uint256,address,uint64,string,bytes32)" 1 \
  "$(addr "$client")" 2 "$response_uri" "$("$cast" keccak response-1)")" 120384

request_hash=$("$cast" keccak "validation-request-1")
row "validationRequest" "$(send "$owner" "$validation" "validationRequest(address,uint256,string,bytes32)" \
  "$(addr "$validator")" 1 "$request_uri" "$request_hash")" 188359
vr="validationResponse(bytes32,uint8,string,bytes32,string)"
row "validationResponse (first)" "$(send "$validator" "$validation" "$vr" "$request_hash" 80 "$response_uri_v" \
  "$("$cast" keccak vresponse-1)" soft-finality)" 127484
row "validationResponse (update)" "$(send "$validator" "$validation" "$vr" "$request_hash" 95 "$response_uri_v" \
  "$("$cast" keccak vresponse-2)" hard-finality)" 53484

# informational: a first-time registrant (cold balance and wallet binding), and setAgentWallet to a wallet that
# already has a (now stale) reverse-lookup entry, which isolates the cost of creating that entry.
row "register(string), first-time registrant" "$(send "$newcomer" "$identity" "register(string)" "$uri1")" info
digest=$("$cast" call --rpc-url "$rpc" "$identity" "agentWalletSetDigest(uint256,address,address,uint256)(bytes32)" \
  2 "$wallet_addr" "$owner_addr" "$deadline")
signature=$("$cast" wallet sign --no-hash --private-key "$wallet" "$digest")
row "setAgentWallet (wallet bound before)" "$(send "$owner" "$identity" "setAgentWallet(uint256,address,uint256,bytes)" 2 \
  "$wallet_addr" "$deadline" "$signature")" info

fail=0
printf '%-42s | %9s | %9s | %8s\n' call ours reference delta
printf '%-42s-+-%9s-+-%9s-+-%8s\n' "$(printf '%.0s-' {1..42})" --------- --------- --------
for i in "${!names[@]}"; do
  if [[ ${refs[$i]} == info ]]; then
    printf '%-42s | %9d | %9s | %8s\n' "${names[$i]}" "${ours[$i]}" "-" "info"
    continue
  fi
  delta=$((ours[i] - refs[i]))
  printf '%-42s | %9d | %9d | %+8d\n' "${names[$i]}" "${ours[$i]}" "${refs[$i]}" "$delta"
  ((delta > 0)) && fail=1
done
if ((fail)); then
  echo "gas-registries: some calls cost more than the reference" >&2
  exit 1
fi
