#!/usr/bin/env node
// eip712-viem.cjs: check every EIP-712 vector in testdata/eip712 with viem (from the npm registry, pinned in
// scripts/toolchain/package.json), independently of the Go code, of the contracts and of cast:
//   - viem's hashTypedData must give the fixture's digest;
//   - viem's recoverTypedDataAddress must give the fixture's signer from its signature;
//   - signing with the signer's key (anvil's public dev keys) through viem must give the fixture's signature
//     (RFC 6979 signatures are deterministic).
// Run by the Go test eip712.TestFixtures_Viem; usage: node scripts/eip712-viem.cjs [fixture dir]. Prints one
// line per fixture and exits non-zero on the first mismatch.
"use strict";
const fs = require("fs");
const path = require("path");
const { createRequire } = require("module");

const root = path.resolve(__dirname, "..");
const toolsRequire = createRequire(path.join(root, ".tools", "package.json"));
const { hashTypedData, recoverTypedDataAddress, getAddress } = toolsRequire("viem");
const { privateKeyToAccount } = toolsRequire("viem/accounts");

// anvil's dev keys (mnemonic "test test test test test test test test test test test junk"): public test keys.
const devKeys = [
  "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
  "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
  "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
  "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
  "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
  "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
  "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
  "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
];
const accounts = new Map(devKeys.map((k) => {
  const a = privateKeyToAccount(k);
  return [a.address, a];
}));

// viemTypedData turns eth_signTypedData_v4 JSON (integers as decimal strings) into viem's arguments:
// integers as bigint, the domain type left for viem to derive from the domain's fields.
function viemTypedData(td) {
  const { EIP712Domain, ...types } = td.types;
  const message = {};
  for (const { name, type } of types[td.primaryType]) {
    const v = td.message[name];
    message[name] = /^u?int\d*$/.test(type) ? BigInt(v) : v;
  }
  const domain = { ...td.domain, chainId: BigInt(td.domain.chainId) };
  const derived = ["name", "version", "chainId", "verifyingContract", "salt"].filter((k) => k in td.domain);
  const declared = EIP712Domain.map((f) => f.name);
  if (derived.join() !== declared.join()) {
    throw new Error(`EIP712Domain declares ${declared} but the domain has ${derived}`);
  }
  return { domain, types, primaryType: td.primaryType, message };
}

async function main() {
  const dir = process.argv[2] || path.join(root, "testdata", "eip712");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  if (files.length === 0) throw new Error(`no fixtures in ${dir}`);
  for (const file of files) {
    const f = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    const args = viemTypedData(f.typedData);
    const digest = hashTypedData(args);
    if (digest.toLowerCase() !== f.digest.toLowerCase()) {
      throw new Error(`${f.name}: viem digest ${digest}, fixture ${f.digest}`);
    }
    const signer = await recoverTypedDataAddress({ ...args, signature: f.signature });
    if (signer !== getAddress(f.signer)) {
      throw new Error(`${f.name}: viem recovers ${signer}, fixture signer ${f.signer}`);
    }
    const account = accounts.get(getAddress(f.signer));
    if (!account) throw new Error(`${f.name}: signer ${f.signer} is not an anvil dev account`);
    const sig = await account.signTypedData(args);
    if (sig.toLowerCase() !== f.signature.toLowerCase()) {
      throw new Error(`${f.name}: viem signs ${sig}, fixture ${f.signature}`);
    }
    console.log(`${f.name} ${digest} ok`);
  }
}

main().catch((err) => {
  console.error(`eip712-viem: ${err.message}`);
  process.exit(1);
});
