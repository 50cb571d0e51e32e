#!/usr/bin/env bash
# eip712-fixtures.sh: regenerate testdata/eip712/*.json, the EIP-712 vectors that the Go tests (eip712,
# deployment) and the forge tests (contracts/test/EIP712Fixtures.t.sol) check the contracts and the Go code
# against. Everything here comes from Foundry's cast, independently of the Go code:
#   - the signature:  cast wallet sign --data --from-file <typed.json>   (cast's own EIP-712 hashing)
#   - the digest:     keccak256(0x1901 ‖ domainSeparator ‖ hashStruct), built from cast abi-encode/keccak
#   - the check:      cast wallet verify --no-hash <digest> <signature>  (so both hashings agree)
# Each fixture: {name, description, typedData (eth_signTypedData_v4, integers as decimal strings), digest,
# signer, signature}. The verifying contracts on chain 31337 are where `agora deploy` puts the Identity
# Registry, the escrow and the MandateRegistry on a fresh anvil from dev account 0 (CREATE nonces 0, 4 and 5).
# Heartbeats (the gateway's, checked off-chain) use the domain AgoraGateway/1 with the Identity Registry as
# verifying contract.
# Needs: scripts/setup.sh (for cast) and jq.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
cast=.tools/bin/cast
[[ -x "$cast" ]] || { echo "eip712-fixtures: $cast missing: run scripts/setup.sh" >&2; exit 1; }
command -v jq >/dev/null || { echo "eip712-fixtures: jq is required" >&2; exit 1; }

out=testdata/eip712
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# anvil's dev keys (mnemonic "test test test test test test test test test test test junk"): public test keys.
keys=(
  0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80
  0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d
  0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a
  0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6
  0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a
  0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba
  0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e
  0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356
  0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97
  0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6
)
addr() { "$cast" wallet address --private-key "${keys[$1]}"; }
checksum() { "$cast" to-check-sum-address "$1"; }
created() { "$cast" compute-address --nonce "$1" "$(addr 0)" | awk '{print $NF}'; }

zero=0x0000000000000000000000000000000000000000
max256=115792089237316195423570985008687907853269984665640564039457584007913129639935
max64=18446744073709551615
max32=4294967295
identity=$(created 0)
tusd=$(created 3)
escrow=$(created 4)
mandates=$(created 5)

# The types, exactly as the contracts define them (IdentityRegistry.AGENT_WALLET_SET_TYPEHASH,
# AgentEscrow.SERVICE_AGREEMENT_TYPEHASH, MandateRegistry.MANDATE_TYPEHASH and MANDATE_APPROVAL_TYPEHASH) and as the gateway defines Heartbeat, RFQ and Quote (eip712.HeartbeatType,
# eip712.RFQType, eip712.QuoteType).
domain_type='[{"name":"name","type":"string"},{"name":"version","type":"string"},{"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}]'
agent_wallet_set_type='[{"name":"agentId","type":"uint256"},{"name":"newWallet","type":"address"},{"name":"owner","type":"address"},{"name":"deadline","type":"uint256"}]'
service_agreement_type='[{"name":"providerAgentId","type":"uint256"},{"name":"client","type":"address"},{"name":"provider","type":"address"},{"name":"token","type":"address"},{"name":"price","type":"uint256"},{"name":"deliveryDeadline","type":"uint64"},{"name":"expiredAt","type":"uint64"},{"name":"deliverableSpecHash","type":"bytes32"},{"name":"slaHash","type":"bytes32"},{"name":"validator","type":"address"},{"name":"validationThreshold","type":"uint8"},{"name":"arbiter","type":"address"},{"name":"reviewWindow","type":"uint64"},{"name":"latePenaltyBps","type":"uint16"},{"name":"nonce","type":"uint256"},{"name":"expiry","type":"uint256"},{"name":"mandateId","type":"uint256"}]'
mandate_type='[{"name":"principal","type":"address"},{"name":"agentId","type":"uint256"},{"name":"agent","type":"address"},{"name":"token","type":"address"},{"name":"maxPerJob","type":"uint256"},{"name":"budget","type":"uint256"},{"name":"period","type":"uint64"},{"name":"validAfter","type":"uint64"},{"name":"validUntil","type":"uint64"},{"name":"payees","type":"uint256[]"},{"name":"specs","type":"bytes32[]"},{"name":"approvers","type":"address[]"},{"name":"quorum","type":"uint8"},{"name":"escalateAbove","type":"uint256"},{"name":"quorumHigh","type":"uint8"},{"name":"timelockAbove","type":"uint256"},{"name":"timelock","type":"uint64"},{"name":"nonce","type":"uint256"},{"name":"deadline","type":"uint256"}]'
policy_approval_type='[{"name":"approvalId","type":"bytes32"},{"name":"decision","type":"uint8"},{"name":"deadline","type":"uint64"}]'
approvals_query_type='[{"name":"approver","type":"address"},{"name":"deadline","type":"uint64"}]'
audit_query_type='[{"name":"reader","type":"address"},{"name":"deadline","type":"uint64"}]'
mandate_approval_type='[{"name":"mandateId","type":"uint256"},{"name":"agreementHash","type":"bytes32"},{"name":"deadline","type":"uint256"}]'
rfq_type='[{"name":"buyer","type":"address"},{"name":"capability","type":"string"},{"name":"inputSpecHash","type":"bytes32"},{"name":"token","type":"address"},{"name":"maxPrice","type":"uint256"},{"name":"floorPrice","type":"uint256"},{"name":"deliveryDeadline","type":"uint64"},{"name":"quoteWindowMs","type":"uint32"},{"name":"auction","type":"uint8"},{"name":"providerAgentId","type":"uint256"},{"name":"validator","type":"address"},{"name":"validationThreshold","type":"uint8"},{"name":"arbiter","type":"address"},{"name":"reviewWindow","type":"uint64"},{"name":"latePenaltyBps","type":"uint16"},{"name":"nonce","type":"uint256"},{"name":"expiry","type":"uint64"},{"name":"mandateId","type":"uint256"}]'
quote_type='[{"name":"rfqId","type":"bytes32"},{"name":"providerAgentId","type":"uint256"},{"name":"provider","type":"address"},{"name":"price","type":"uint256"},{"name":"deliveryDeadline","type":"uint64"},{"name":"slaHash","type":"bytes32"},{"name":"nonce","type":"uint256"},{"name":"validUntil","type":"uint64"}]'
heartbeat_type='[{"name":"agentId","type":"uint256"},{"name":"status","type":"uint8"},{"name":"price","type":"uint256"},{"name":"token","type":"address"},{"name":"p95LatencyMs","type":"uint32"},{"name":"capacity","type":"uint32"},{"name":"expiresAt","type":"uint64"},{"name":"nonce","type":"uint256"}]'

# digest FILE: keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(message)) from cast's ABI encoder and keccak.
# Every member of Agora's types is atomic, a string or an array of atomic values, so encodeData is abi.encode
# of the values in member order, a string replaced by the keccak256 of its UTF-8 bytes and an array by the
# keccak256 of its elements' abi-encoded words (each a bytes32).
digest() {
  local f=$1 primary fields types values mtypes enc i typehash structhash domainsep
  primary=$(jq -r .primaryType "$f")
  fields=$(jq -r --arg p "$primary" '.types[$p] | map(.type + " " + .name) | join(",")' "$f")
  mapfile -t mtypes < <(jq -r --arg p "$primary" '.types[$p][] | .type' "$f")
  mapfile -t values < <(jq -r --arg p "$primary" '. as $d | .types[$p][] | $d.message[.name] | if type == "array" then tojson else . end' "$f")
  enc=()
  for i in "${!mtypes[@]}"; do
    if [[ ${mtypes[$i]} == string ]]; then
      values[i]=$(printf '%s' "${values[$i]}" | "$cast" keccak)
      enc+=(bytes32)
    elif [[ ${mtypes[$i]} == *'[]' ]]; then
      local elem=${mtypes[$i]%'[]'} words=0x e
      while read -r e; do
        [[ -n $e ]] || continue
        words+=$("$cast" abi-encode "f($elem)" "$e" | sed 's/^0x//')
      done < <(jq -r '.[]' <<<"${values[$i]}")
      values[i]=$("$cast" keccak "$words")
      enc+=(bytes32)
    else
      enc+=("${mtypes[$i]}")
    fi
  done
  types=$(IFS=,; echo "${enc[*]}")
  typehash=$("$cast" keccak "$primary($fields)")
  structhash=$("$cast" keccak "$("$cast" abi-encode "f(bytes32,$types)" "$typehash" "${values[@]}")")
  domainsep=$("$cast" keccak "$("$cast" abi-encode "f(bytes32,bytes32,bytes32,uint256,address)" \
    "$("$cast" keccak "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)")" \
    "$("$cast" keccak "$(jq -r .domain.name "$f")")" \
    "$("$cast" keccak "$(jq -r .domain.version "$f")")" \
    "$(jq -r .domain.chainId "$f")" \
    "$(jq -r .domain.verifyingContract "$f")")")
  "$cast" keccak "0x1901${domainsep#0x}${structhash#0x}"
}

# fixture NAME DESCRIPTION PRIMARY_TYPE DOMAIN_NAME CHAIN_ID VERIFYING_CONTRACT MESSAGE_JSON SIGNER_INDEX
fixture() {
  local name=$1 desc=$2 primary=$3 dname=$4 chain=$5 vc=$6 message=$7 signer_index=$8 members typed sig signer dg
  case $primary in
    AgentWalletSet) members=$agent_wallet_set_type ;;
    ServiceAgreement) members=$service_agreement_type ;;
    Heartbeat) members=$heartbeat_type ;;
    RFQ) members=$rfq_type ;;
    Quote) members=$quote_type ;;
    Mandate) members=$mandate_type ;;
    MandateApproval) members=$mandate_approval_type ;;
    PolicyApproval) members=$policy_approval_type ;;
    ApprovalsQuery) members=$approvals_query_type ;;
    AuditQuery) members=$audit_query_type ;;
  esac
  typed="$tmp/$name.typed.json"
  jq -n --arg primary "$primary" --argjson dt "$domain_type" --argjson mt "$members" \
    --arg dname "$dname" --arg chain "$chain" --arg vc "$(checksum "$vc")" --argjson msg "$message" \
    '{types: {EIP712Domain: $dt, ($primary): $mt}, primaryType: $primary,
      domain: {name: $dname, version: "1", chainId: $chain, verifyingContract: $vc}, message: $msg}' >"$typed"
  sig=$("$cast" wallet sign --data --from-file "$typed" --private-key "${keys[$signer_index]}")
  signer=$(addr "$signer_index")
  dg=$(digest "$typed")
  "$cast" wallet verify --no-hash --address "$signer" "$dg" "$sig" >/dev/null ||
    { echo "eip712-fixtures: $name: cast's typed-data hash differs from the computed digest $dg" >&2; exit 1; }
  jq --arg name "$name" --arg desc "$desc" --arg dg "$dg" --arg signer "$signer" --arg sig "$sig" \
    '{name: $name, description: $desc, typedData: ., digest: $dg, signer: $signer, signature: $sig}' \
    "$typed" >"$out/$name.json"
  echo "$out/$name.json  $dg"
}

# aws MESSAGE FIELDS...: an AgentWalletSet message with checksummed addresses.
aws() {
  jq -n --arg a "$1" --arg w "$(checksum "$2")" --arg o "$(checksum "$3")" --arg d "$4" \
    '{agentId: $a, newWallet: $w, owner: $o, deadline: $d}'
}

# sa: a ServiceAgreement message; arguments in member order.
sa() {
  jq -n --arg p1 "$1" --arg c "$(checksum "$2")" --arg pr "$(checksum "$3")" --arg t "$(checksum "$4")" \
    --arg price "$5" --arg dd "$6" --arg ea "$7" --arg spec "$8" --arg sla "$9" --arg val "$(checksum "${10}")" \
    --arg th "${11}" --arg arb "$(checksum "${12}")" --arg rw "${13}" --arg lp "${14}" --arg n "${15}" --arg e "${16}" \
    --arg mid "${17}" \
    '{providerAgentId: $p1, client: $c, provider: $pr, token: $t, price: $price, deliveryDeadline: $dd,
      expiredAt: $ea, deliverableSpecHash: $spec, slaHash: $sla, validator: $val, validationThreshold: $th,
      arbiter: $arb, reviewWindow: $rw, latePenaltyBps: $lp, nonce: $n, expiry: $e, mandateId: $mid}'
}

# mandate: a Mandate message; arguments in member order, the three lists as space-separated words.
mandate() {
  local approvers=() a
  for a in ${12}; do approvers+=("$(checksum "$a")"); done
  jq -n --arg pr "$(checksum "$1")" --arg aid "$2" --arg ag "$(checksum "$3")" --arg t "$(checksum "$4")" \
    --arg mpj "$5" --arg b "$6" --arg per "$7" --arg va "$8" --arg vu "$9" --arg payees "${10}" --arg specs "${11}" \
    --arg apps "${approvers[*]}" --arg q "${13}" --arg ea "${14}" --arg qh "${15}" --arg ta "${16}" --arg tl "${17}" \
    --arg n "${18}" --arg d "${19}" \
    'def words: split(" ") | map(select(. != ""));
     {principal: $pr, agentId: $aid, agent: $ag, token: $t, maxPerJob: $mpj, budget: $b, period: $per,
      validAfter: $va, validUntil: $vu, payees: ($payees | words), specs: ($specs | words),
      approvers: ($apps | words), quorum: $q, escalateAbove: $ea, quorumHigh: $qh, timelockAbove: $ta,
      timelock: $tl, nonce: $n, deadline: $d}'
}

# approval: a MandateApproval message.
approval() {
  jq -n --arg m "$1" --arg h "$2" --arg d "$3" '{mandateId: $m, agreementHash: $h, deadline: $d}'
}

# hb: a Heartbeat message; arguments in member order.
hb() {
  jq -n --arg a "$1" --arg st "$2" --arg price "$3" --arg t "$(checksum "$4")" --arg p95 "$5" --arg cap "$6" \
    --arg exp "$7" --arg n "$8" \
    '{agentId: $a, status: $st, price: $price, token: $t, p95LatencyMs: $p95, capacity: $cap, expiresAt: $exp,
      nonce: $n}'
}

# rfq: an RFQ message; arguments in member order.
rfq() {
  jq -n --arg b "$(checksum "$1")" --arg cap "$2" --arg spec "$3" --arg t "$(checksum "$4")" --arg max "$5" \
    --arg floor "$6" --arg dd "$7" --arg win "$8" --arg auc "$9" --arg pid "${10}" --arg val "$(checksum "${11}")" \
    --arg th "${12}" --arg arb "$(checksum "${13}")" --arg rw "${14}" --arg lp "${15}" --arg n "${16}" --arg e "${17}" \
    --arg mid "${18}" \
    '{buyer: $b, capability: $cap, inputSpecHash: $spec, token: $t, maxPrice: $max, floorPrice: $floor,
      deliveryDeadline: $dd, quoteWindowMs: $win, auction: $auc, providerAgentId: $pid, validator: $val,
      validationThreshold: $th, arbiter: $arb, reviewWindow: $rw, latePenaltyBps: $lp, nonce: $n, expiry: $e,
      mandateId: $mid}'
}

# quote: a Quote message; arguments in member order.
quote() {
  jq -n --arg rfq "$1" --arg pid "$2" --arg p "$(checksum "$3")" --arg price "$4" --arg dd "$5" --arg sla "$6" \
    --arg n "$7" --arg vu "$8" \
    '{rfqId: $rfq, providerAgentId: $pid, provider: $p, price: $price, deliveryDeadline: $dd, slaHash: $sla,
      nonce: $n, validUntil: $vu}'
}

mkdir -p "$out"
rm -f "$out"/*.json

# ---- AgentWalletSet: the new wallet signs (ERC-8004 setAgentWallet)
fixture agent_wallet_set_basic "agent 0, owner is dev 0, dev 1 consents to be its wallet" \
  AgentWalletSet ERC8004IdentityRegistry 31337 "$identity" \
  "$(aws 0 "$(addr 1)" "$(addr 0)" 1767225900)" 1
fixture agent_wallet_set_max "every uint256 at its maximum" \
  AgentWalletSet ERC8004IdentityRegistry 31337 "$identity" \
  "$(aws "$max256" "$(addr 2)" "$(addr 3)" "$max256")" 2
fixture agent_wallet_set_owner_is_wallet "the owner proves its own address as wallet, large agent id" \
  AgentWalletSet ERC8004IdentityRegistry 31337 "$identity" \
  "$(aws 90000000000000000000000000000001 "$(addr 4)" "$(addr 4)" 1800000000)" 4
fixture agent_wallet_set_chain_8453 "another chain id and registry: the domain must change the digest" \
  AgentWalletSet ERC8004IdentityRegistry 8453 0x8004A169FB4a3325136EB29fA0ceB6D2e539a432 \
  "$(aws 0 "$(addr 1)" "$(addr 0)" 1767225900)" 1

# ---- ServiceAgreement: client and provider both sign the same digest
spec=$("$cast" keccak "deliverable: translate manifest.json to Japanese, JSON schema v1")
sla=$("$cast" keccak "sla: p95 latency 30s, eval suite agora/translate@1")
fixture service_agreement_plain "tUSD job without validator or arbiter (zero addresses), signed by the client" \
  ServiceAgreement AgoraEscrow 31337 "$escrow" \
  "$(sa 1 "$(addr 5)" "$(addr 6)" "$tusd" 25000000 1767229200 1767315600 "$spec" "$sla" \
    "$zero" 0 "$zero" 86400 0 1 1767222000 0)" 5
fixture service_agreement_validated "validator (threshold 80), arbiter, late penalty 15%, random nonce, signed by the provider" \
  ServiceAgreement AgoraEscrow 31337 "$escrow" \
  "$(sa 7 "$(addr 5)" "$(addr 6)" "$tusd" 1234567890123 1767229200 1767834000 "$spec" "$sla" \
    "$(addr 7)" 80 "$(addr 8)" 259200 1500 \
    81985529216486895123456789012345678901234567890123456789012345678901234567 1767222000 3)" 6
fixture service_agreement_max "every integer at its type's maximum and all-ones hashes" \
  ServiceAgreement AgoraEscrow 31337 "$escrow" \
  "$(sa "$max256" "$(addr 8)" "$(addr 9)" "$tusd" "$max256" "$max64" "$max64" \
    0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff \
    0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff \
    "$(addr 7)" 255 "$(addr 8)" "$max64" 65535 "$max256" "$max256" "$max256")" 9
fixture service_agreement_chain_11155111 "another chain id and escrow address" \
  ServiceAgreement AgoraEscrow 11155111 0x1111111111111111111111111111111111111111 \
  "$(sa 1 "$(addr 5)" "$(addr 6)" 0x2222222222222222222222222222222222222222 25000000 1767229200 1767315600 \
    "$spec" "$sla" "$zero" 0 "$zero" 86400 0 1 1767222000 0)" 5

# ---- Heartbeat: the agent's wallet signs its live status and price for the gateway
# status: 0 offline, 1 online, 2 busy (eip712.HeartbeatOffline...).
fixture heartbeat_basic "agent 1 online at 0.25 tUSD per call, p95 180 ms, 32 concurrent calls; signed by its wallet, dev 3" \
  Heartbeat AgoraGateway 31337 "$identity" \
  "$(hb 1 1 250000 "$tusd" 180 32 1767225960 1)" 3
fixture heartbeat_max "every integer at its type's maximum (status 255 encodes, though the gateway accepts only 0 to 2)" \
  Heartbeat AgoraGateway 31337 "$identity" \
  "$(hb "$max256" 255 "$max256" "$(addr 9)" "$max32" "$max32" "$max64" "$max256")" 7
fixture heartbeat_chain_8453 "busy agent on another chain id and registry, priced in USDC, large nonce" \
  Heartbeat AgoraGateway 8453 0x8004A169FB4a3325136EB29fA0ceB6D2e539a432 \
  "$(hb 4242 2 10000 0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913 950 4 1767226000 1767225930000000001)" 3

# ---- RFQ: the buyer signs; auction 0 first price, 1 second price, 2 Dutch, 3 direct (eip712.Auction*)
input=$("$cast" keccak "input: 40 scanned invoices, PDF, Vietnamese, schema agora/invoice@1")
fixture rfq_first_price "sealed first-price RFQ for Vietnamese invoice OCR, 250 ms window, signed by the buyer, dev 5" \
  RFQ AgoraEscrow 31337 "$escrow" \
  "$(rfq "$(addr 5)" "invoice ocr vietnamese" "$input" "$tusd" 5000000 0 1767229200 250 0 0 "$zero" 0 "$zero" 86400 0 1 1767222600 0)" 5
fixture rfq_dutch_validated "Dutch RFQ from 1 to 3 tUSD with a validator (threshold 80), non-ASCII capability" \
  RFQ AgoraEscrow 31337 "$escrow" \
  "$(rfq "$(addr 5)" "traduction juridique — 日本語" "$input" "$tusd" 3000000 1000000 1767229200 500 2 0 \
    "$(addr 7)" 80 "$(addr 8)" 259200 1500 1767222000123 1767222600 3)" 5
fixture rfq_max "every integer at its type's maximum (auction 255 encodes, though the gateway accepts only 0 to 3), empty capability" \
  RFQ AgoraEscrow 31337 "$escrow" \
  "$(rfq "$(addr 9)" "" 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff "$(addr 8)" "$max256" "$max256" \
    "$max64" "$max32" 255 "$max256" "$(addr 7)" 255 "$(addr 8)" "$max64" 65535 "$max256" "$max64" "$max256")" 9
fixture rfq_direct_chain_8453 "direct request to agent 4242 on another chain id and escrow, priced in USDC" \
  RFQ AgoraEscrow 8453 0x1111111111111111111111111111111111111111 \
  "$(rfq "$(addr 5)" "speech to text" "$input" 0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913 200000 0 1767229200 1000 3 4242 \
    "$zero" 0 "$zero" 3600 500 2 1767222600 0)" 5

# ---- Quote: the provider agent's wallet signs its bid on an RFQ (rfqId: the RFQ's digest)
rfq_id=$(jq -r .digest "$out/rfq_first_price.json")
fixture quote_basic "agent 1 (wallet dev 6) bids 4.2 tUSD on rfq_first_price, delivery in 1 h" \
  Quote AgoraEscrow 31337 "$escrow" \
  "$(quote "$rfq_id" 1 "$(addr 6)" 4200000 1767225600 "$sla" 1 1767222600)" 6
fixture quote_max "every integer at its type's maximum and all-ones hashes" \
  Quote AgoraEscrow 31337 "$escrow" \
  "$(quote 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff "$max256" "$(addr 9)" "$max256" "$max64" \
    0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff "$max256" "$max64")" 9
fixture quote_chain_8453 "a quote on rfq_direct_chain_8453, on that chain and escrow" \
  Quote AgoraEscrow 8453 0x1111111111111111111111111111111111111111 \
  "$(quote "$(jq -r .digest "$out/rfq_direct_chain_8453.json")" 4242 "$(addr 3)" 180000 1767228000 "$sla" \
    1767222000456 1767222900)" 3

# ---- Mandate: the principal signs what its agent may spend (MandateRegistry.grantWithSig)
fixture mandate_bands "principal dev 0 grants agent 1 (wallet dev 5) 50 tUSD a day, 20 per job: up to 1 autonomous, 1-5 one approval, above 5 two approvals and 24 h" \
  Mandate AgoraMandates 31337 "$mandates" \
  "$(mandate "$(addr 0)" 1 "$(addr 5)" "$tusd" 20000000 50000000 86400 1767222000 1798758000 "7 4242" "$spec $sla" \
    "$(addr 2) $(addr 3)" 1 1000000 2 5000000 86400 1 1767225600)" 0
fixture mandate_any "one-time budget, any payee and spec (empty lists), no approvers" \
  Mandate AgoraMandates 31337 "$mandates" \
  "$(mandate "$(addr 1)" 2 "$(addr 6)" "$tusd" 1000000 5000000 0 0 1798758000 "" "" "" 0 1000000 0 1000000 0 \
    77 1767225600)" 1
fixture mandate_max "every integer at its type's maximum, one of each list" \
  Mandate AgoraMandates 31337 "$mandates" \
  "$(mandate "$(addr 9)" "$max256" "$(addr 8)" "$(addr 7)" "$max256" "$max256" "$max64" "$max64" "$max64" "$max256" \
    0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff "$(addr 6)" 255 "$max256" 255 "$max256" "$max64" \
    "$max256" "$max256")" 9
fixture mandate_chain_8453 "another chain id and registry, priced in USDC" \
  Mandate AgoraMandates 8453 0x3333333333333333333333333333333333333333 \
  "$(mandate "$(addr 0)" 4242 "$(addr 5)" 0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913 20000000 50000000 604800 \
    1767222000 1798758000 "" "$spec" "$(addr 2)" 1 1000000 1 20000000 0 2 1767225600)" 0

# ---- MandateApproval: an approver signs its approval of one agreement under one mandate
fixture mandate_approval_basic "approver dev 2 approves service_agreement_validated under mandate 3" \
  MandateApproval AgoraMandates 31337 "$mandates" \
  "$(approval 3 "$(jq -r .digest "$out/service_agreement_validated.json")" 1767225600)" 2
fixture mandate_approval_max "every integer at its maximum, all-ones hash" \
  MandateApproval AgoraMandates 31337 "$mandates" \
  "$(approval "$max256" 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff "$max256")" 3
fixture mandate_approval_chain_8453 "on another chain id and registry" \
  MandateApproval AgoraMandates 8453 0x3333333333333333333333333333333333333333 \
  "$(approval 1 "$(jq -r .digest "$out/service_agreement_chain_11155111.json")" 1767225600)" 2

# ---- PolicyApproval: an approver decides an action the gateway's policy escalated (checked off-chain)
fixture policy_approval_approve "approver dev 2 approves the escalated rfq_first_price (decision 1)" \
  PolicyApproval AgoraGateway 31337 "$identity" \
  "$(jq -n --arg id "$(jq -r .digest "$out/rfq_first_price.json")" '{approvalId: $id, decision: "1", deadline: "1767225600"}')" 2
fixture policy_approval_deny "approver dev 3 denies it (decision 2)" \
  PolicyApproval AgoraGateway 31337 "$identity" \
  "$(jq -n --arg id "$(jq -r .digest "$out/rfq_first_price.json")" '{approvalId: $id, decision: "2", deadline: "1767225600"}')" 3
fixture policy_approval_max "every integer at its maximum, all-ones id, another chain and registry" \
  PolicyApproval AgoraGateway 8453 0x8004A169FB4a3325136EB29fA0ceB6D2e539a432 \
  "$(jq -n --arg m "$max64" '{approvalId: "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", decision: "255", deadline: $m}')" 9

# ---- ApprovalsQuery: an approver asks for its queue (checked off-chain)
fixture approvals_query_basic "approver dev 2 reads its queue" \
  ApprovalsQuery AgoraGateway 31337 "$identity" \
  "$(jq -n --arg a "$(checksum "$(addr 2)")" '{approver: $a, deadline: "1767225600"}')" 2
fixture approvals_query_contract "dev 3 signs for approver dev 4 (a contract wallet it owns would accept it by ERC-1271)" \
  ApprovalsQuery AgoraGateway 31337 "$identity" \
  "$(jq -n --arg a "$(checksum "$(addr 4)")" '{approver: $a, deadline: "1767225600"}')" 3
fixture approvals_query_max "deadline at its maximum, another chain and registry" \
  ApprovalsQuery AgoraGateway 8453 0x8004A169FB4a3325136EB29fA0ceB6D2e539a432 \
  "$(jq -n --arg a "$(checksum "$(addr 9)")" --arg m "$max64" '{approver: $a, deadline: $m}')" 9

# ---- AuditQuery: a principal, an agent's owner or wallet, or an auditor reads audit entries (checked off-chain)
fixture audit_query_basic "principal dev 7 reads its audit entries" \
  AuditQuery AgoraGateway 31337 "$identity" \
  "$(jq -n --arg a "$(checksum "$(addr 7)")" '{reader: $a, deadline: "1767225600"}')" 7
fixture audit_query_contract "dev 3 signs for reader dev 5 (a contract wallet it owns would accept it by ERC-1271)" \
  AuditQuery AgoraGateway 31337 "$identity" \
  "$(jq -n --arg a "$(checksum "$(addr 5)")" '{reader: $a, deadline: "1767225600"}')" 3
fixture audit_query_max "deadline at its maximum, another chain and registry" \
  AuditQuery AgoraGateway 8453 0x8004A169FB4a3325136EB29fA0ceB6D2e539a432 \
  "$(jq -n --arg a "$(checksum "$(addr 9)")" --arg m "$max64" '{reader: $a, deadline: $m}')" 9
