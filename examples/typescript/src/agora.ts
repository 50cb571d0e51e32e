// agora.ts: what the buyer and the provider share, with nothing but viem, Node's fetch and the ws package
// (Node 20 has no global WebSocket client; viem depends on ws already, so the lock file holds one copy):
// flags and keys, Agora's EIP-712 typed data exactly as the gateway serves it (GET /v1/eip712/{type}), the
// gateway's REST API with its problem+json errors, its WebSocket stream, and the chain.
import { randomBytes } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import WebSocket from "ws";
import {
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createWalletClient,
  defineChain,
  getAddress,
  hashTypedData,
  http,
  isAddress,
  keccak256,
  toHex,
  zeroHash,
  type Address,
  type Chain,
  type Hex,
  type TypedDataDefinition,
} from "viem";
import { privateKeyToAccount, type PrivateKeyAccount } from "viem/accounts";

// ------------------------------------------------------------------------------------------- output

/** print writes one JSON line to stdout: {"event": event, ...fields} (bigints as decimal strings). */
export function print(event: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ event, ...fields }, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  process.stdout.write(line + "\n");
}

/** explain turns an error into one line: a gateway problem with its code, a revert with the escrow's error. */
export function explain(err: unknown): string {
  if (err instanceof BaseError) {
    const revert = err.walk((e) => e instanceof ContractFunctionRevertedError);
    if (revert instanceof ContractFunctionRevertedError && revert.data) {
      const args = (revert.data.args ?? []).map((a) => String(a)).join(", ");
      return `${err.shortMessage.replace(/\.$/, "")} with ${revert.data.errorName}(${args})`;
    }
    return err.details ? `${err.shortMessage} (${err.details})` : err.shortMessage;
  }
  if (!(err instanceof Error)) return String(err);
  // Node's fetch says only "fetch failed"; the reason (ECONNREFUSED, a timeout, …) is its cause.
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : "";
  return err.message + cause;
}

/**
 * main runs a program: its errors go to stderr as one line and exit 1. It exits once stdout is flushed (a pipe
 * may be asynchronous), without waiting for idle keep-alive connections.
 */
export function main(name: string, run: () => Promise<void>): void {
  const exit = (code: number) => process.stdout.write("", () => process.exit(code));
  run().then(
    () => exit(0),
    (err: unknown) => process.stderr.write(`${name}: ${explain(err)}\n`, () => exit(1)),
  );
}

// ------------------------------------------------------------------------------------------- flags

/** The flags both programs take (node:util parseArgs options); AGORA_* variables give their defaults. */
export const commonOptions = {
  gateway: { type: "string", default: process.env.AGORA_GATEWAY ?? "http://127.0.0.1:8080" },
  "rpc-url": { type: "string", default: process.env.AGORA_RPC_URL ?? "http://127.0.0.1:8545" },
  deployment: { type: "string", default: process.env.AGORA_DEPLOYMENT ?? "" },
  "key-file": { type: "string", default: process.env.AGORA_KEY_FILE ?? "" },
  timeout: { type: "string", default: "30" },
} as const;

/** integer reads a flag holding a non-negative decimal integer, at least min. */
export function integer(flag: string, value: string, min = 0n): bigint {
  if (!/^\d+$/.test(value) || BigInt(value) < min) throw new Error(`--${flag} ${JSON.stringify(value)}: want an integer ≥ ${min}`);
  return BigInt(value);
}

/** hashText is keccak256 of a text's UTF-8 bytes, zero for "" (as `agora market` hashes --spec, --sla, …). */
export function hashText(text: string): Hex {
  return text === "" ? zeroHash : keccak256(toHex(text));
}

/** randomNonce is 128 random bits. */
export function randomNonce(): bigint {
  return BigInt("0x" + randomBytes(16).toString("hex"));
}

/** unixNow is the time in whole seconds. */
export function unixNow(): bigint {
  return BigInt(Math.floor(Date.now() / 1000));
}

// ------------------------------------------------------------------------------------------- keys

/**
 * loadAccount reads the signer's private key: a file of hex (optional 0x, whitespace ignored) that only its
 * owner may read, as `agora market --key-file` wants it, or else the variable AGORA_PRIVATE_KEY. There is no
 * key flag: flags are visible to every user of the machine. No message shows the key.
 */
export function loadAccount(keyFile: string): PrivateKeyAccount {
  let text: string;
  if (keyFile !== "") {
    const mode = statSync(keyFile).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new Error(`key file ${keyFile} has mode ${mode.toString(8)}: group or others can access it; chmod 600 it`);
    }
    text = readFileSync(keyFile, "utf8");
  } else if (process.env.AGORA_PRIVATE_KEY) {
    text = process.env.AGORA_PRIVATE_KEY;
  } else {
    throw new Error("--key-file (or AGORA_KEY_FILE) or AGORA_PRIVATE_KEY is required");
  }
  text = text.trim();
  if (!text.startsWith("0x")) text = "0x" + text;
  if (!/^0x[0-9a-fA-F]{64}$/.test(text)) throw new Error("the private key is not 32 bytes of hex");
  return privateKeyToAccount(text as Hex);
}

// ------------------------------------------------------------------------------------------- deployment

/** Deployment is what these programs read of `agora deploy`'s file (docs/deployment.md). */
export interface Deployment {
  chainId: number;
  contracts: Record<string, { address: Address }>;
}

export function readDeployment(path: string): Deployment | undefined {
  if (path === "") return undefined;
  const d = JSON.parse(readFileSync(path, "utf8")) as Deployment;
  if (typeof d.chainId !== "number" || typeof d.contracts !== "object") throw new Error(`${path}: not a deployment file`);
  return d;
}

// ------------------------------------------------------------------------------------------- typed data

export interface Field {
  name: string;
  type: string;
}

/** TypedDataJSON is eth_signTypedData_v4 JSON as the gateway serves and takes it (integers as decimal strings). */
export interface TypedDataJSON {
  types: Record<string, Field[]>;
  primaryType: string;
  domain: { name: string; version: string; chainId: string; verifyingContract: string };
  message: Record<string, unknown>;
}

/** Message is a typed-data message: integers as bigint, addresses checksummed, bytes32 and strings as text. */
export type Message = Record<string, bigint | string>;

const intType = /^(u?)int(\d*)$/;

/**
 * TypedType is one of Agora's EIP-712 types as GET /v1/eip712/{type} serves it on this chain: its domain, its
 * members and a message of zeros. Messages are read against its members, signed and hashed with viem under
 * its domain, and sent back as the same JSON.
 */
export class TypedType {
  constructor(readonly template: TypedDataJSON) {
    const names = Object.keys(template.types).sort();
    const want = ["EIP712Domain", template.primaryType].sort();
    if (names.join() !== want.join()) throw new Error(`typed data ${template.primaryType}: types ${names}, want ${want}`);
    // viem derives EIP712Domain from the domain's fields: the served one must declare exactly those, in order.
    const declared = template.types.EIP712Domain.map((f) => f.name).join();
    if (declared !== "name,version,chainId,verifyingContract") {
      throw new Error(`typed data ${template.primaryType}: EIP712Domain declares ${declared}`);
    }
  }

  get primaryType(): string {
    return this.template.primaryType;
  }
  get fields(): Field[] {
    return this.template.types[this.template.primaryType];
  }
  get chainId(): number {
    return Number(this.template.domain.chainId);
  }
  get verifyingContract(): Address {
    return getAddress(this.template.domain.verifyingContract);
  }

  /** read checks a JSON message against the type's members (every one, nothing else) and converts it. */
  read(json: Record<string, unknown>): Message {
    const extra = Object.keys(json).filter((k) => !this.fields.some((f) => f.name === k));
    if (extra.length > 0) throw new Error(`${this.primaryType}: unknown members ${extra}`);
    const m: Message = {};
    for (const { name, type } of this.fields) {
      const v = json[name];
      const bad = () => new Error(`${this.primaryType}.${name}: ${JSON.stringify(v)} is not a ${type}`);
      const int = intType.exec(type);
      if (int) {
        if (typeof v !== "string" && typeof v !== "number" && typeof v !== "bigint") throw bad();
        const x = BigInt(v);
        const bits = BigInt(int[2] || "256");
        if (int[1] !== "u" || x < 0n || x >= 1n << bits) throw bad();
        m[name] = x;
      } else if (type === "address") {
        if (typeof v !== "string" || !isAddress(v, { strict: false })) throw bad();
        m[name] = getAddress(v);
      } else if (type === "bytes32") {
        if (typeof v !== "string" || !/^0x[0-9a-fA-F]{64}$/.test(v)) throw bad();
        m[name] = v.toLowerCase();
      } else if (type === "string") {
        if (typeof v !== "string") throw bad();
        m[name] = v;
      } else {
        throw new Error(`${this.primaryType}.${name}: type ${type} is not handled by this example`);
      }
    }
    return m;
  }

  /** fill starts from the served message of zeros and sets the members given. */
  fill(members: Record<string, unknown>): Message {
    return this.read({ ...this.template.message, ...members });
  }

  /** json is the eth_signTypedData_v4 JSON of m under the served domain and types: what the gateway takes. */
  json(m: Message): TypedDataJSON {
    const message: Record<string, string> = {};
    for (const { name } of this.fields) message[name] = m[name].toString();
    return { types: this.template.types, primaryType: this.primaryType, domain: this.template.domain, message };
  }

  /**
   * viem is m as viem's hashTypedData and signTypedData take it (viem adds EIP712Domain itself). The types are
   * known at run time only, so viem's compile-time inference of the message from the types cannot apply.
   */
  viem(m: Message): TypedDataDefinition {
    const d = this.template.domain;
    return {
      domain: { name: d.name, version: d.version, chainId: BigInt(d.chainId), verifyingContract: getAddress(d.verifyingContract) },
      types: { [this.primaryType]: this.fields },
      primaryType: this.primaryType,
      message: m,
    } as unknown as TypedDataDefinition;
  }

  /** digest is m's EIP-712 digest: an RFQ's and an agreement's id at the gateway, the escrow's agreementHash. */
  digest(m: Message): Hex {
    return hashTypedData(this.viem(m));
  }

  /** sign signs m with viem (65 bytes r ‖ s ‖ v, v 27 or 28, low s: what the gateway and the escrow take). */
  sign(account: PrivateKeyAccount, m: Message): Promise<Hex> {
    return account.signTypedData(this.viem(m));
  }

  /**
   * parse reads typed data built by someone else (an RFQ heard on the stream, an award's agreement): it must be
   * exactly this type, under this domain, or it is refused — a gateway cannot make us sign anything else.
   */
  parse(td: TypedDataJSON): Message {
    if (td.primaryType !== this.primaryType) throw new Error(`typed data is a ${td.primaryType}, not a ${this.primaryType}`);
    for (const name of new Set([...Object.keys(td.types), ...Object.keys(this.template.types)])) {
      if (JSON.stringify(td.types[name]) !== JSON.stringify(this.template.types[name])) {
        throw new Error(`typed data ${this.primaryType}: type ${name} is not the one the gateway serves`);
      }
    }
    const a = td.domain;
    const b = this.template.domain;
    if (a.name !== b.name || a.version !== b.version || BigInt(a.chainId) !== BigInt(b.chainId) ||
        getAddress(a.verifyingContract) !== getAddress(b.verifyingContract)) {
      throw new Error(`typed data ${this.primaryType} under ${JSON.stringify(a)}, not this chain's ${JSON.stringify(b)}`);
    }
    return this.read(td.message);
  }
}

/**
 * checkDomain holds a served type's domain to the deployment file, when one is given, and to the node's chain
 * id: without a deployment the gateway is trusted to name the right contracts (fine on a devnet, not for money).
 */
export function checkDomain(t: TypedType, name: string, contract: string, nodeChainId: number, dep?: Deployment): void {
  const d = t.template.domain;
  if (d.name !== name || d.version !== "1") throw new Error(`${t.primaryType} is served under domain ${d.name}/${d.version}, want ${name}/1`);
  if (t.chainId !== nodeChainId) throw new Error(`the gateway serves chain ${t.chainId}; the node is chain ${nodeChainId}`);
  if (dep) {
    const want = dep.contracts[contract]?.address;
    if (t.chainId !== dep.chainId || !want || t.verifyingContract !== getAddress(want)) {
      throw new Error(`the gateway serves ${t.primaryType} for ${t.verifyingContract} on chain ${t.chainId}; the deployment's ${contract} is ${want} on chain ${dep.chainId}`);
    }
  }
}

// ------------------------------------------------------------------------------------------- the gateway

/** ProblemBody is an application/problem+json refusal (docs/gateway.md, "Errors"). */
export interface ProblemBody {
  status?: number;
  code?: string;
  title?: string;
  detail?: string;
  field?: string;
  escrowError?: string;
  registryError?: string;
}

/** Problem is a refusal of the gateway, over HTTP or on the stream. */
export class Problem extends Error {
  constructor(readonly status: number, readonly body: ProblemBody) {
    super(`${status} ${body.code ?? "error"}: ${body.detail ?? body.title ?? ""}` +
      (body.escrowError ? ` (escrow: ${body.escrowError})` : "") + (body.field ? ` [${body.field}]` : ""));
  }
  get code(): string {
    return this.body.code ?? "";
  }
}

export interface AwardView {
  quoteId: string;
  providerAgentId: string;
  provider: string;
  price: string;
  paid: string;
  signBy: string;
  agreementId: string;
  agreement: TypedDataJSON;
}

export interface RFQView {
  id: string;
  status: string; // open, awarded, no_bids, withdrawn
  buyer: string;
  capability: string;
  maxPrice: string;
  auction: string;
  openedAt: string;
  closesAt: string;
  quotes: number;
  award?: AwardView | null;
  ranked?: { providerAgentId: string; price: string }[];
  refused?: { providerAgentId: string; reason: string }[];
}

export interface AgreementView {
  id: string;
  state: string; // awarded, signed, funded, submitted, completed, …
  rfqId: string | null;
  jobId: string | null;
  client: string;
  provider: string;
  providerAgentId: string;
  price: string;
  clientSignature: Hex | null;
  providerSignature: Hex | null;
  typedData: TypedDataJSON;
}

/** StreamEvent is one message of GET /v1/stream (docs/market.md, "Streams"). */
export interface StreamEvent {
  type: string;
  rfqId?: string;
  quotes?: number;
  rfq?: RFQView;
  typedData?: TypedDataJSON;
  quote?: { id: string; rfqId: string; providerAgentId: string };
  agreement?: AgreementView;
  problem?: ProblemBody;
}

export class Gateway {
  private readonly base: string;

  constructor(url: string, readonly timeoutMs: number) {
    const u = new URL(url);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error(`--gateway ${url}: want an http(s) URL`);
    this.base = u.toString().replace(/\/$/, "");
  }

  /** call sends a request; a refusal (4xx, 5xx) is thrown as a Problem. */
  async call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(this.base + path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text === "" ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (!res.ok) throw new Problem(res.status, (parsed as ProblemBody) ?? { detail: text.slice(0, 200) });
    return { status: res.status, body: parsed as T };
  }

  async get<T>(path: string): Promise<T> {
    return (await this.call<T>("GET", path)).body;
  }

  /** typedData fetches one of Agora's types: rfq, quote, service-agreement, heartbeat, … */
  async typedData(name: string): Promise<TypedType> {
    return new TypedType(await this.get<TypedDataJSON>(`/v1/eip712/${name}`));
  }

  /**
   * postAgreement posts a party's signature of an agreement (POST /v1/agreements). Posting the same signature
   * again is harmless, so a 503 (the database busy as both parties sign at once) is retried, as the Go client does.
   */
  async postAgreement(body: { typedData: TypedDataJSON; clientSignature?: Hex; providerSignature?: Hex }): Promise<AgreementView> {
    for (let attempt = 0, delay = 100; ; attempt++, delay *= 3) {
      try {
        return (await this.call<AgreementView>("POST", "/v1/agreements", body)).body;
      } catch (err) {
        if (!(err instanceof Problem) || err.status !== 503 || attempt === 3) throw err;
        await sleep(delay);
      }
    }
  }

  /** stream opens GET /v1/stream and resolves once the gateway says "subscribed". */
  stream(sub: { capability?: string[]; agentId?: string; rfq?: string[] }): Promise<Stream> {
    const q = new URLSearchParams();
    for (const c of sub.capability ?? []) q.append("capability", c);
    if (sub.agentId) q.set("agentId", sub.agentId);
    for (const id of sub.rfq ?? []) q.append("rfq", id);
    return Stream.open(this.base.replace(/^http/, "ws") + "/v1/stream?" + q.toString(), this.timeoutMs);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// The events that answer a message the client sent: the gateway answers every message once, in order.
const answers = new Set(["problem", "quote_accepted", "following", "unfollowed", "no_bid_noted"]);

/**
 * Stream is an open WebSocket stream. next() returns its events in order; send() sends a message (a quote, a
 * follow, a no-bid) and returns the gateway's answer to it, which next() does not return. The ws package
 * answers the gateway's pings itself.
 */
export class Stream {
  private queue: StreamEvent[] = [];
  private wake?: () => void;
  private pending: { resolve: (ev: StreamEvent) => void; reject: (err: Error) => void }[] = [];
  private failure?: Error;

  private constructor(private readonly ws: WebSocket) {}

  static open(url: string, timeoutMs: number): Promise<Stream> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { handshakeTimeout: timeoutMs, maxPayload: 4 << 20 });
      const s = new Stream(ws);
      let subscribed = false;
      ws.on("unexpected-response", (req, res) => {
        // The gateway refused the subscription: its body is a problem.
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => {
          let p: ProblemBody;
          try {
            p = JSON.parse(body) as ProblemBody;
          } catch {
            p = { detail: body.slice(0, 200) };
          }
          reject(new Problem(res.statusCode ?? 0, p));
          req.destroy();
        });
      });
      ws.on("message", (data) => {
        let ev: StreamEvent;
        try {
          ev = JSON.parse(data.toString()) as StreamEvent;
        } catch {
          s.fail(new Error(`stream: an event that is not JSON: ${data.toString().slice(0, 200)}`));
          return;
        }
        if (!subscribed && ev.type === "subscribed") {
          subscribed = true;
          resolve(s);
          return;
        }
        s.receive(ev);
      });
      ws.on("error", (err) => {
        if (!subscribed) reject(err);
        s.fail(err);
      });
      ws.on("close", (code, reason) => {
        const err = new Error(`stream closed by the gateway: ${code} ${reason.toString()}`);
        if (!subscribed) reject(err);
        s.fail(err);
      });
    });
  }

  private receive(ev: StreamEvent): void {
    if (answers.has(ev.type) && this.pending.length > 0) {
      const p = this.pending.shift()!;
      if (ev.type === "problem") p.reject(new Problem(ev.problem?.status ?? 0, ev.problem ?? {}));
      else p.resolve(ev);
      return;
    }
    this.queue.push(ev);
    this.wake?.();
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    for (const p of this.pending) p.reject(err);
    this.pending = [];
    this.wake?.();
  }

  /** next returns the next event, or undefined when none came within timeoutMs. */
  async next(timeoutMs: number): Promise<StreamEvent | undefined> {
    if (this.queue.length === 0 && !this.failure) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, timeoutMs);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = undefined;
    }
    if (this.queue.length > 0) return this.queue.shift();
    if (this.failure) throw this.failure;
    return undefined;
  }

  /** send sends a message and waits for the gateway's answer; a refusal is thrown as a Problem. */
  send(msg: Record<string, unknown>, timeoutMs: number): Promise<StreamEvent> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`stream: no answer to ${msg.type} within ${timeoutMs} ms`)), timeoutMs);
      this.pending.push({
        resolve: (ev) => (clearTimeout(t), resolve(ev)),
        reject: (err) => (clearTimeout(t), reject(err)),
      });
      this.ws.send(JSON.stringify(msg));
    });
  }

  close(): void {
    this.failure ??= new Error("stream closed");
    this.ws.close(1000);
  }
}

// ------------------------------------------------------------------------------------------- the chain

/** chainOf describes the chain the gateway serves, so that viem refuses to send to another. */
export function chainOf(id: number, rpcUrl: string): Chain {
  return defineChain({
    id,
    name: `chain ${id}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
}

/** clients are viem's public and wallet clients on the chain (polling fast: a devnet mines at once). */
export function clients(chain: Chain, rpcUrl: string, account: PrivateKeyAccount) {
  const transport = http(rpcUrl, { timeout: 30_000 });
  return {
    pub: createPublicClient({ chain, transport, pollingInterval: 100 }),
    wallet: createWalletClient({ account, chain, transport, pollingInterval: 100 }),
  };
}

/** nodeChainId asks the node for its chain id before anything is signed. */
export async function nodeChainId(rpcUrl: string): Promise<number> {
  return createPublicClient({ transport: http(rpcUrl, { timeout: 30_000 }) }).getChainId();
}

/**
 * until waits, up to deadline (a Date.now() value), for an event that pick accepts; at most once a second it
 * also asks poll, if given (the gateway's GET or the chain: the state is there even if an event was missed).
 */
export async function until<T>(
  stream: Stream,
  deadline: number,
  what: string,
  pick: (ev: StreamEvent) => T | undefined,
  poll?: () => Promise<T | undefined>,
): Promise<T> {
  let polled = Date.now();
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`timed out waiting for ${what}`);
    const ev = await stream.next(Math.min(left, 1000));
    let got = ev ? pick(ev) : undefined;
    if (got === undefined && poll && Date.now() - polled >= 1000) {
      polled = Date.now();
      got = await poll();
    }
    if (got !== undefined) return got;
  }
}
