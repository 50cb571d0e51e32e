// buyer.ts: a buyer of Agora's market with viem alone. It signs an RFQ with the typed data the gateway serves
// (GET /v1/eip712/rfq), follows it on the WebSocket stream, posts it, waits for the close, checks the award's
// agreement against the RFQ, signs it as the client (GET /v1/eip712/service-agreement), waits for the provider's
// signature, approves the escrow and funds the job with createJobFromAgreement, waits for the provider's
// submit on chain and completes the job. One JSON line per step on stdout; errors on stderr, exit status 1.
//
//   node dist/buyer.js --key-file buyer.key --capability "invoice ocr" --max-price 1000000 [--spec "40 invoices"]
//
// docs/market.md describes the market, docs/client.md the Go client that does the same.
import { parseArgs } from "node:util";
import { erc20Abi, getAddress, parseEventLogs, type Address, type Hex } from "viem";
import { escrowAbi, JobStatus } from "./abi.js";
import {
  chainOf,
  checkDomain,
  clients,
  commonOptions,
  Gateway,
  hashText,
  integer,
  loadAccount,
  main,
  nodeChainId,
  print,
  randomNonce,
  readDeployment,
  unixNow,
  until,
  type AgreementView,
  type Message,
  type RFQView,
} from "./agora.js";

const usage = `usage: node dist/buyer.js --capability TEXT --max-price N [flags]

Posts a signed RFQ, waits for the award, signs the agreement as the client, funds the escrow job, waits for
the provider's submit and completes the job. Prints one JSON line per step.

  --capability TEXT   what is wanted, e.g. "invoice ocr" (required)
  --max-price N       the most paid, in the token's base units (required)
  --token ADDR        the payment token (default: the deployment's TestUSD)
  --spec TEXT         the input specification, hashed into inputSpecHash
  --window MS         the quote window in milliseconds, 50 to 60000 (default 2000)
  --deadline S        the delivery deadline, seconds from now (default 3600)
  --review-window S   the review window in seconds (default 3600)
  --submit-wait S     how long to wait for the provider's submit, at most until the deadline (default 3600)
  --reason TEXT       the reason recorded with complete, hashed (default "accepted")
  --gateway URL       the gateway (env AGORA_GATEWAY; default http://127.0.0.1:8080)
  --rpc-url URL       the chain's JSON-RPC endpoint (env AGORA_RPC_URL; default http://127.0.0.1:8545)
  --deployment FILE   agora's deployment file (env AGORA_DEPLOYMENT): the served domains are checked against it
                      and TestUSD is the default token; without it the gateway is trusted to name the contracts
  --key-file FILE     the signer's hex private key, mode 600 (env AGORA_KEY_FILE; else env AGORA_PRIVATE_KEY)
  --timeout S         seconds for each request and each wait for the gateway (default 30)
`;

const options = {
  ...commonOptions,
  help: { type: "boolean", default: false },
  capability: { type: "string", default: "" },
  "max-price": { type: "string", default: "" },
  token: { type: "string", default: "" },
  spec: { type: "string", default: "" },
  window: { type: "string", default: "2000" },
  deadline: { type: "string", default: "3600" },
  "review-window": { type: "string", default: "3600" },
  "submit-wait": { type: "string", default: "3600" },
  reason: { type: "string", default: "accepted" },
} as const;

/** checkAward checks that the award's agreement is what the RFQ asked for, before the buyer signs the price away. */
function checkAward(r: Message, rfqId: Hex, a: Message): void {
  const same = ["token", "validator", "validationThreshold", "arbiter", "reviewWindow", "latePenaltyBps", "mandateId"];
  const mismatch = (what: string, got: unknown, want: unknown) =>
    new Error(`the award's agreement is not what the RFQ asked: ${what} is ${got}, the RFQ says ${want}`);
  if (a.client !== r.buyer) throw mismatch("client", a.client, r.buyer);
  for (const k of same) if (a[k] !== r[k]) throw mismatch(k, a[k], r[k]);
  if (a.deliverableSpecHash !== r.inputSpecHash) throw mismatch("deliverableSpecHash", a.deliverableSpecHash, r.inputSpecHash);
  if ((a.price as bigint) <= 0n || (a.price as bigint) > (r.maxPrice as bigint)) throw mismatch("price", a.price, `at most ${r.maxPrice}`);
  if ((a.deliveryDeadline as bigint) > (r.deliveryDeadline as bigint)) throw mismatch("deliveryDeadline", a.deliveryDeadline, `at most ${r.deliveryDeadline}`);
  if (a.nonce !== BigInt(rfqId)) throw mismatch("nonce", a.nonce, `the RFQ id ${rfqId}`);
}

/** agreementArgs is the agreement as createJobFromAgreement's ServiceAgreement tuple. */
function agreementArgs(a: Message) {
  return {
    providerAgentId: a.providerAgentId as bigint,
    client: a.client as Address,
    provider: a.provider as Address,
    token: a.token as Address,
    price: a.price as bigint,
    deliveryDeadline: a.deliveryDeadline as bigint,
    expiredAt: a.expiredAt as bigint,
    deliverableSpecHash: a.deliverableSpecHash as Hex,
    slaHash: a.slaHash as Hex,
    validator: a.validator as Address,
    validationThreshold: Number(a.validationThreshold),
    arbiter: a.arbiter as Address,
    reviewWindow: a.reviewWindow as bigint,
    latePenaltyBps: Number(a.latePenaltyBps),
    nonce: a.nonce as bigint,
    expiry: a.expiry as bigint,
    mandateId: a.mandateId as bigint,
  };
}

main("buyer", async () => {
  const { values: flags } = parseArgs({ options, strict: true });
  if (flags.help) {
    process.stdout.write(usage);
    return;
  }
  if (flags.capability === "") throw new Error("--capability is required");
  const maxPrice = integer("max-price", flags["max-price"], 1n);
  const windowMs = integer("window", flags.window, 50n);
  const timeoutMs = Number(integer("timeout", flags.timeout, 1n)) * 1000;
  const buyer = loadAccount(flags["key-file"]);
  const dep = readDeployment(flags.deployment);
  const gw = new Gateway(flags.gateway, timeoutMs);

  // The typed data the gateway serves, under the escrow's domain: held to the node's chain and the deployment.
  const [rfqType, agreementType, chainId] = await Promise.all([
    gw.typedData("rfq"),
    gw.typedData("service-agreement"),
    nodeChainId(flags["rpc-url"]),
  ]);
  checkDomain(rfqType, "AgoraEscrow", "AgentEscrow", chainId, dep);
  checkDomain(agreementType, "AgoraEscrow", "AgentEscrow", chainId, dep);
  const escrow = rfqType.verifyingContract;
  const tokenFlag = flags.token || dep?.contracts.TestUSD?.address;
  if (!tokenFlag) throw new Error("--token is required without --deployment");
  const token = getAddress(tokenFlag);
  const { pub, wallet } = clients(chainOf(chainId, flags["rpc-url"]), flags["rpc-url"], buyer);
  print("ready", { buyer: buyer.address, chainId, escrow, token, domainChecked: dep ? "deployment and node" : "node" });

  // 1. The RFQ: the served message of zeros with the buyer's terms. Its id is its digest, so the stream can
  // follow it before it is posted and cannot miss the close.
  const now = unixNow();
  const rfq = rfqType.fill({
    buyer: buyer.address,
    capability: flags.capability,
    inputSpecHash: hashText(flags.spec),
    token,
    maxPrice,
    deliveryDeadline: now + integer("deadline", flags.deadline, 1n),
    quoteWindowMs: windowMs,
    auction: 0, // sealed first price
    reviewWindow: integer("review-window", flags["review-window"]),
    nonce: randomNonce(),
    expiry: now + 600n,
  });
  const rfqId = rfqType.digest(rfq);
  const stream = await gw.stream({ rfq: [rfqId] });
  const posted = await gw.call<RFQView>("POST", "/v1/rfqs", { typedData: rfqType.json(rfq), signature: await rfqType.sign(buyer, rfq) });
  if (posted.status === 202) throw new Error(`the RFQ waits for an approver: ${JSON.stringify(posted.body)}`);
  if (posted.body.id !== rfqId) throw new Error(`the gateway gave the RFQ id ${posted.body.id}, its digest is ${rfqId}`);
  print("rfq_posted", { rfqId, capability: flags.capability, maxPrice, closesAt: posted.body.closesAt });

  // 2. The close (quote counts arrive meanwhile; bids stay sealed).
  const closeBy = Date.parse(posted.body.closesAt) + timeoutMs;
  const closed = await until(stream, closeBy, "the close", (ev) => {
    if (ev.type === "quote" && ev.rfqId === rfqId) print("quotes", { rfqId, count: ev.quotes });
    return (ev.type === "closed" || ev.type === "withdrawn") && ev.rfq?.id === rfqId ? ev.rfq : undefined;
  }, async () => {
    const r = await gw.get<RFQView>(`/v1/rfqs/${rfqId}`);
    return r.status === "open" ? undefined : r;
  });
  const award = closed.award;
  print("closed", {
    rfqId,
    status: closed.status,
    award: award ? { providerAgentId: award.providerAgentId, provider: award.provider, price: award.price, paid: award.paid } : null,
    ranked: closed.ranked?.length ?? 0,
    refused: closed.refused ?? [],
  });
  if (!award) throw new Error(`RFQ ${rfqId} closed ${closed.status}: no valid bids`);

  // 3. The award's agreement: exactly the served ServiceAgreement type under the escrow's domain, and what the
  // RFQ asked for; signed as the client.
  const agreement = agreementType.parse(award.agreement);
  checkAward(rfq, rfqId, agreement);
  const agreementId = agreementType.digest(agreement);
  if (agreementId !== award.agreementId) throw new Error(`the award names agreement ${award.agreementId}, its digest is ${agreementId}`);
  const clientSignature = await agreementType.sign(buyer, agreement);
  let view = await gw.postAgreement({ typedData: agreementType.json(agreement), clientSignature });
  print("signed", { agreementId, state: view.state, provider: agreement.provider, providerAgentId: agreement.providerAgentId, price: agreement.price });

  // 4. The provider's signature (its agreement events reach this stream: it follows the RFQ).
  if (!view.providerSignature) {
    const signBy = Date.parse(award.signBy) + 1000;
    view = await until(stream, signBy, "the provider's signature",
      (ev) => (ev.type === "agreement" && ev.agreement?.id === agreementId && ev.agreement.providerSignature ? ev.agreement : undefined),
      async () => {
        const v = await gw.get<AgreementView>(`/v1/agreements/${agreementId}`);
        return v.providerSignature ? v : undefined;
      });
  }
  print("agreement_signed", { agreementId, state: view.state });

  // 5. Fund: let the escrow pull the price, then createJobFromAgreement with both signatures.
  const price = agreement.price as bigint;
  const allowance = await pub.readContract({ address: token, abi: erc20Abi, functionName: "allowance", args: [buyer.address, escrow] });
  if (allowance < price) {
    const tx = await wallet.writeContract({ address: token, abi: erc20Abi, functionName: "approve", args: [escrow, price] });
    const r = await pub.waitForTransactionReceipt({ hash: tx });
    if (r.status !== "success") throw new Error(`approve ${tx} reverted`);
    print("approved", { token, spender: escrow, amount: price, tx });
  }
  const createTx = await wallet.writeContract({
    address: escrow,
    abi: escrowAbi,
    functionName: "createJobFromAgreement",
    args: [agreementArgs(agreement), clientSignature, view.providerSignature!],
  });
  const created = await pub.waitForTransactionReceipt({ hash: createTx });
  if (created.status !== "success") throw new Error(`createJobFromAgreement ${createTx} reverted`);
  const [job] = parseEventLogs({ abi: escrowAbi, eventName: "AgreementJobCreated", logs: created.logs });
  if (!job || job.args.agreementHash !== agreementId) throw new Error(`createJobFromAgreement ${createTx}: no job for agreement ${agreementId}`);
  const jobId = job.args.jobId;
  print("funded", { jobId, agreementId, tx: createTx, block: created.blockNumber });

  // 6. The provider's submit, read on chain; the stream's agreement events (the indexer's) say when to look.
  const getJob = () => pub.readContract({ address: escrow, abi: escrowAbi, functionName: "getJob", args: [jobId] });
  const submitBy = Math.min(Number(agreement.deliveryDeadline) * 1000, Date.now() + Number(integer("submit-wait", flags["submit-wait"])) * 1000);
  const submitted = await until(stream, submitBy, `the provider's submit of job ${jobId}`, () => undefined, async () => {
    const j = await getJob();
    return j.status === JobStatus.Funded ? undefined : j;
  });
  if (submitted.status !== JobStatus.Submitted) throw new Error(`job ${jobId} is in status ${submitted.status}, not submitted`);
  print("submitted", { jobId, deliverable: submitted.deliverable, submittedAt: submitted.submittedAt });

  // 7. Complete: the provider is paid.
  const completeTx = await wallet.writeContract({
    address: escrow,
    abi: escrowAbi,
    functionName: "complete",
    args: [jobId, hashText(flags.reason), "0x"],
  });
  const completed = await pub.waitForTransactionReceipt({ hash: completeTx });
  if (completed.status !== "success") throw new Error(`complete ${completeTx} reverted`);
  const final = await getJob();
  if (final.status !== JobStatus.Completed) throw new Error(`job ${jobId} is in status ${final.status} after complete`);
  print("completed", { jobId, agreementId, tx: completeTx, reason: flags.reason });
  stream.close();
});
