// provider.ts: a provider agent of Agora's market with viem alone, run with the key of the agent's wallet. It
// announces the agent online with signed heartbeats (GET /v1/eip712/heartbeat), listens on the gateway's
// WebSocket stream for RFQs of its capabilities, answers each with a signed quote (GET /v1/eip712/quote) on the
// stream, signs the agreement of every RFQ it wins after checking it against its quote, and once the client has
// funded the job submits the deliverable's hash to the escrow. One JSON line per step on stdout; errors on
// stderr, exit status 1. Runs until interrupted (an offline heartbeat on the way out) or --max-jobs submits.
//
//   node dist/provider.js --key-file wallet.key --agent-id 0 --capability "invoice ocr" --price 700000
//
// docs/market.md describes the market, docs/client.md the Go client (and `agora market provide`).
import { parseArgs } from "node:util";
import { getAddress, zeroAddress } from "viem";
import { escrowAbi, JobStatus } from "./abi.js";
import {
  chainOf,
  checkDomain,
  clients,
  commonOptions,
  explain,
  Gateway,
  hashText,
  integer,
  loadAccount,
  main,
  nodeChainId,
  print,
  Problem,
  randomNonce,
  readDeployment,
  unixNow,
  type AgreementView,
  type Message,
  type RFQView,
  type StreamEvent,
} from "./agora.js";

const usage = `usage: node dist/provider.js --agent-id N --capability TEXT --price N [flags]

Runs provider agent N, whose wallet is the key: heartbeats, quotes on every matching RFQ, signs the agreements
it wins and submits the deliverable's hash once the client funds the job. Prints one JSON line per step.

  --agent-id N        the agent's id (required)
  --capability TEXT   capability words to listen for (repeatable; required)
  --price N           the price asked, in the token's base units (required); no bid above an RFQ's maxPrice
  --token ADDR        the heartbeat's price token (default: the deployment's TestUSD)
  --sla TEXT          SLA terms, hashed into each quote's slaHash
  --deliverable TEXT  what is delivered, hashed into submit's deliverable (default "ipfs://deliverable")
  --valid-for S       how long each quote is valid, in seconds (default 300)
  --heartbeat-ttl S   lifetime of each online heartbeat, renewed at half (default 300)
  --p95-ms N          the p95 latency announced in heartbeats (default 1000)
  --capacity N        the concurrent jobs announced in heartbeats (default 1)
  --max-jobs N        stop after submitting N jobs (default 0: run until interrupted)
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
  "agent-id": { type: "string", default: "" },
  capability: { type: "string", multiple: true, default: [] as string[] },
  price: { type: "string", default: "" },
  token: { type: "string", default: "" },
  sla: { type: "string", default: "" },
  deliverable: { type: "string", default: "ipfs://deliverable" },
  "valid-for": { type: "string", default: "300" },
  "heartbeat-ttl": { type: "string", default: "300" },
  "p95-ms": { type: "string", default: "1000" },
  capacity: { type: "string", default: "1" },
  "max-jobs": { type: "string", default: "0" },
} as const;

/** checkWin checks that the award's agreement is what our quote offered, before the provider signs it. */
function checkWin(q: Message, a: Message): void {
  const mismatch = (what: string, got: unknown, want: unknown) =>
    new Error(`the award's agreement is not what the quote offered: ${what} is ${got}, the quote says ${want}`);
  for (const k of ["provider", "providerAgentId", "deliveryDeadline", "slaHash"]) if (a[k] !== q[k]) throw mismatch(k, a[k], q[k]);
  if ((a.price as bigint) < (q.price as bigint)) throw mismatch("price", a.price, `at least ${q.price}`); // second price pays more
  if (a.nonce !== BigInt(q.rfqId as string)) throw mismatch("nonce", a.nonce, `the RFQ id ${q.rfqId}`);
}

const finalStates = new Set(["completed", "rejected", "expired", "resolved"]);

main("provider", async () => {
  const { values: flags } = parseArgs({ options, strict: true });
  if (flags.help) {
    process.stdout.write(usage);
    return;
  }
  const agentId = integer("agent-id", flags["agent-id"]);
  const capabilities = flags.capability.filter((c) => c.trim() !== "");
  if (capabilities.length === 0) throw new Error("--capability is required (repeatable)");
  const price = integer("price", flags.price, 1n);
  const ttl = integer("heartbeat-ttl", flags["heartbeat-ttl"], 2n);
  const validFor = integer("valid-for", flags["valid-for"], 1n);
  const maxJobs = Number(integer("max-jobs", flags["max-jobs"]));
  const timeoutMs = Number(integer("timeout", flags.timeout, 1n)) * 1000;
  const account = loadAccount(flags["key-file"]);
  const dep = readDeployment(flags.deployment);
  const gw = new Gateway(flags.gateway, timeoutMs);

  const [heartbeatType, rfqType, quoteType, agreementType, chainId] = await Promise.all([
    gw.typedData("heartbeat"),
    gw.typedData("rfq"),
    gw.typedData("quote"),
    gw.typedData("service-agreement"),
    nodeChainId(flags["rpc-url"]),
  ]);
  checkDomain(heartbeatType, "AgoraGateway", "IdentityRegistry", chainId, dep);
  for (const t of [rfqType, quoteType, agreementType]) checkDomain(t, "AgoraEscrow", "AgentEscrow", chainId, dep);
  const escrow = quoteType.verifyingContract;
  const token = getAddress(flags.token || dep?.contracts.TestUSD?.address || zeroAddress);
  const { pub, wallet } = clients(chainOf(chainId, flags["rpc-url"]), flags["rpc-url"], account);

  // Heartbeats: online until expiresAt, renewed at half the lifetime. The nonce must grow: nanoseconds, like
  // `agora market provide`, so that either can follow the other for the same agent.
  let beat = 0n;
  const heartbeat = async (status: 0 | 1) => {
    const expiresAt = unixNow() + ttl;
    const hb = heartbeatType.fill({
      agentId,
      status,
      price,
      token,
      p95LatencyMs: integer("p95-ms", flags["p95-ms"]),
      capacity: integer("capacity", flags.capacity),
      expiresAt,
      nonce: BigInt(Date.now()) * 1_000_000n + (beat++ % 1_000_000n),
    });
    await gw.call("POST", "/v1/heartbeats", { typedData: heartbeatType.json(hb), signature: await heartbeatType.sign(account, hb) });
    print("heartbeat", { agentId, status: status === 1 ? "online" : "offline", expiresAt });
  };
  await heartbeat(1);
  const renew = setInterval(() => {
    heartbeat(1).catch((err) => process.stderr.write(`provider: heartbeat renewal failed: ${explain(err)}\n`));
  }, (Number(ttl) * 1000) / 2);

  // The stream hears RFQs of these capabilities while the agent is online, the closes of those it heard, and
  // the agreement events of the agent's agreements (signed, funded, submitted, …).
  const stream = await gw.stream({ capability: capabilities, agentId: agentId.toString() });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(renew);
    stream.close();
    await heartbeat(0).catch((err) => process.stderr.write(`provider: offline heartbeat failed: ${explain(err)}\n`));
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stop().finally(() => process.exit(0)));
  print("ready", { agentId, provider: account.address, capabilities, price, escrow });

  const quoted = new Map<string, Message>(); // RFQ id -> the quote sent, until the close
  const won = new Map<string, bigint>(); // agreement id -> its expiry: the agreements signed, until funded
  let submitted = 0;

  // answer quotes on an RFQ heard on the stream, after checking that it is what the buyer signed.
  const answer = async (ev: StreamEvent) => {
    let rfq: Message;
    try {
      rfq = rfqType.parse(ev.typedData!);
    } catch (err) {
      print("ignored", { rfqId: ev.rfq?.id, reason: explain(err) });
      return;
    }
    const rfqId = rfqType.digest(rfq);
    if (rfqId !== ev.rfq?.id) {
      print("ignored", { rfqId: ev.rfq?.id, reason: `the typed data's digest is ${rfqId}` });
      return;
    }
    const reason = rfq.auction === 2n ? "Dutch auctions are not handled by this example"
      : (rfq.maxPrice as bigint) < price ? `maxPrice ${rfq.maxPrice} is below the price` : "";
    if (reason !== "") {
      await stream.send({ type: "no_bid", rfqId }, timeoutMs);
      print("no_bid", { rfqId, reason });
      return;
    }
    const quote = quoteType.fill({
      rfqId,
      providerAgentId: agentId,
      provider: account.address,
      price,
      deliveryDeadline: rfq.deliveryDeadline,
      slaHash: hashText(flags.sla),
      nonce: randomNonce(),
      validUntil: unixNow() + validFor,
    });
    try {
      const ans = await stream.send({ type: "quote", rfqId, typedData: quoteType.json(quote), signature: await quoteType.sign(account, quote) }, timeoutMs);
      quoted.set(rfqId, quote);
      print("quoted", { rfqId, quoteId: ans.quote?.id, price, capability: rfq.capability });
    } catch (err) {
      if (!(err instanceof Problem)) throw err;
      print("refused", { rfqId, code: err.code, detail: err.body.detail });
    }
  };

  // decided signs the agreement of an RFQ this agent won.
  const decided = async (rfq: RFQView) => {
    const quote = quoted.get(rfq.id);
    if (!quote) return;
    quoted.delete(rfq.id);
    const award = rfq.award;
    if (!award || award.providerAgentId !== agentId.toString()) {
      print("lost", { rfqId: rfq.id, status: rfq.status, winner: award?.providerAgentId ?? null });
      return;
    }
    let agreement: Message;
    try {
      agreement = agreementType.parse(award.agreement);
      checkWin(quote, agreement);
    } catch (err) {
      print("refused_award", { rfqId: rfq.id, detail: explain(err) });
      return;
    }
    const agreementId = agreementType.digest(agreement);
    const view = await gw.postAgreement({ typedData: agreementType.json(agreement), providerSignature: await agreementType.sign(account, agreement) });
    won.set(agreementId, agreement.expiry as bigint);
    print("won", { rfqId: rfq.id, agreementId, price: agreement.price, state: view.state });
  };

  // progressed submits the deliverable once a won agreement's job is funded, after reading the job on chain.
  const progressed = async (view: AgreementView) => {
    const expiry = won.get(view.id);
    if (expiry === undefined) return;
    if (finalStates.has(view.state)) {
      won.delete(view.id);
      print("ended", { agreementId: view.id, state: view.state });
      return;
    }
    if ((view.state === "awarded" || view.state === "signed") && unixNow() > expiry) {
      won.delete(view.id); // the escrow no longer funds it (AgreementExpired)
      print("ended", { agreementId: view.id, state: view.state, detail: "not funded before the agreement's expiry" });
      return;
    }
    if (view.state !== "funded" || view.jobId === null) return;
    won.delete(view.id);
    const jobId = BigInt(view.jobId);
    const job = await pub.readContract({ address: escrow, abi: escrowAbi, functionName: "getJob", args: [jobId] });
    if (job.provider !== account.address || job.agreementHash !== view.id || job.status !== JobStatus.Funded) {
      print("not_submitting", { jobId, agreementId: view.id, reason: `on chain: provider ${job.provider}, agreement ${job.agreementHash}, status ${job.status}` });
      return;
    }
    print("funded", { jobId, agreementId: view.id, budget: job.budget });
    const deliverable = hashText(flags.deliverable);
    const tx = await wallet.writeContract({ address: escrow, abi: escrowAbi, functionName: "submit", args: [jobId, deliverable, "0x"] });
    const receipt = await pub.waitForTransactionReceipt({ hash: tx });
    if (receipt.status !== "success") throw new Error(`submit ${tx} reverted`);
    submitted++;
    print("submitted", { jobId, agreementId: view.id, deliverable, tx });
  };

  // One event at a time. A step that fails (a refusal, a revert, a request that timed out) is reported and the
  // provider goes on; only the stream's end stops it.
  const step = async (what: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (err) {
      print("failed", { step: what, detail: explain(err) });
    }
  };
  let polled = Date.now();
  while (maxJobs === 0 || submitted < maxJobs) {
    const ev = await stream.next(1000);
    if (ev?.type === "rfq") await step("quote", () => answer(ev));
    else if ((ev?.type === "closed" || ev?.type === "withdrawn") && ev.rfq) await step("award", () => decided(ev.rfq!));
    else if (ev?.type === "agreement" && ev.agreement) await step("submit", () => progressed(ev.agreement!));
    // The gateway's view of the agreements won, every two seconds: the state is there even if an event was missed.
    if (won.size > 0 && Date.now() - polled >= 2000) {
      polled = Date.now();
      for (const id of [...won.keys()]) await step("submit", async () => progressed(await gw.get<AgreementView>(`/v1/agreements/${id}`)));
    }
  }
  await stop();
});
