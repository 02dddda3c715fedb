// The one file that imports net-snmp (pinned 3.29.x): a typed promise wrapper with the
// fallbacks real printers need — v1 noSuchName, GETBULK → GETNEXT, tooBig, v2c → v1.
import { createCipheriv } from 'node:crypto';
import netSnmp from 'net-snmp';
import type { SnmpOptions, SnmpV3Options, SnmpVersion } from '../types.js';
import { compareOids, isUnder } from './oids.js';
import {
  SnmpAuthError,
  SnmpDesUnavailableError,
  SnmpRequestError,
  SnmpResponseError,
  SnmpSendError,
  SnmpTimeoutError,
  SnmpWalkLoopError,
} from './errors.js';

// ---- What we use of net-snmp, declared once (its @types are thin). ----
interface RawVarbind {
  oid: string;
  type: number;
  value: unknown;
}
type RawCallback<T> = (error: Error | null, result?: T) => void;
interface RawRequest {
  responseCb: (error: Error | null, result?: unknown) => void;
  feedCb: (req: RawRequest, message: RawMessage) => void;
}
interface RawMessage {
  pdu: { errorStatus: number; errorIndex: number; varbinds: RawVarbind[] };
}
interface RawSession {
  get(oids: string[], cb: RawCallback<RawVarbind[]>): void;
  getNext(oids: string[], cb: RawCallback<RawVarbind[]>): void;
  getBulk(oids: string[], nonRepeaters: number, maxRepetitions: number, cb: RawCallback<Array<RawVarbind | RawVarbind[]>>): void;
  close(): void;
  on(event: string, listener: (...args: unknown[]) => void): void;
  /** Read by each request at creation (index.js `Req`): we override it per instance to keep errorIndex. */
  onSimpleGetResponse: (req: RawRequest, message: RawMessage) => void;
}
interface RawUser {
  name: string;
  level: number;
  authProtocol?: number;
  authKey?: string;
  privProtocol?: number;
  privKey?: string;
}
interface RawSessionOptions {
  port: number;
  retries: number;
  timeout: number;
  version: number;
  context?: string;
  backwardsGetNexts?: boolean;
}
interface NetSnmp {
  Version1: number;
  Version2c: number;
  Version3: number;
  SecurityLevel: Record<'noAuthNoPriv' | 'authNoPriv' | 'authPriv', number>;
  AuthProtocols: Record<string, number>;
  PrivProtocols: Record<string, number>;
  ResponseInvalidCode: Record<string, number | string>;
  RequestTimedOutError: new (message: string) => Error & { readonly timedOut: never };
  ResponseInvalidError: new (message: string) => Error & { code?: number; readonly invalid: never };
  createSession(target: string, community: string, options: RawSessionOptions): RawSession;
  createV3Session(target: string, user: RawUser, options: RawSessionOptions): RawSession;
}
const snmp = netSnmp as unknown as NetSnmp;

// ---- Our own types. ----
export type VarbindType =
  | 'Boolean'
  | 'Integer'
  | 'BitString'
  | 'OctetString'
  | 'Null'
  | 'OID'
  | 'IpAddress'
  | 'Counter32'
  | 'Gauge32'
  | 'TimeTicks'
  | 'Opaque'
  | 'Counter64';

export interface Varbind {
  oid: string;
  type: VarbindType;
  value: number | bigint | Buffer | string | null;
}

const TYPE_NAMES: Readonly<Record<number, VarbindType>> = {
  1: 'Boolean',
  2: 'Integer',
  3: 'BitString',
  4: 'OctetString',
  5: 'Null',
  6: 'OID',
  64: 'IpAddress',
  65: 'Counter32',
  66: 'Gauge32',
  67: 'TimeTicks',
  68: 'Opaque',
  70: 'Counter64',
};
/** noSuchObject, noSuchInstance, endOfMibView: "not there", never an error. */
const ABSENT = new Set([128, 129, 130]);

/** SNMP error-status values we act on (RFC 3416). */
const STATUS = { tooBig: 1, noSuchName: 2, genErr: 5 } as const;
const STATUS_NAMES: Readonly<Record<number, string>> = {
  1: 'tooBig',
  2: 'noSuchName',
  3: 'badValue',
  4: 'readOnly',
  5: 'genErr',
  6: 'noAccess',
  16: 'authorizationError',
};

/** An error-status in a response, with its 1-based errorIndex (net-snmp drops the index). */
class PduStatusError extends Error {
  constructor(
    readonly status: number,
    readonly index: number,
  ) {
    super(`SNMP error-status ${STATUS_NAMES[status] ?? status} at index ${index}`);
  }
}

function toVarbind(raw: RawVarbind): Varbind | null {
  if (ABSENT.has(raw.type)) return null;
  const type = TYPE_NAMES[raw.type];
  if (!type) return null;
  const v = raw.value;
  if (type === 'Counter64') {
    const buf = Buffer.isBuffer(v) ? v : Buffer.alloc(0);
    let n = 0n;
    for (const byte of buf) n = (n << 8n) | BigInt(byte);
    return { oid: raw.oid, type, value: n };
  }
  if (type === 'Null') return { oid: raw.oid, type, value: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'bigint' || Buffer.isBuffer(v)) {
    return { oid: raw.oid, type, value: v };
  }
  if (typeof v === 'boolean') return { oid: raw.oid, type, value: v ? 1 : 0 };
  return { oid: raw.oid, type, value: null };
}

export interface GetBulkResult {
  nonRepeaters: Array<Varbind | null>;
  /** One list per repeater OID, in the order returned, endOfMibView dropped. */
  repeaters: Varbind[][];
  /** Per repeater: the agent said endOfMibView (nothing follows). */
  endOfMib: boolean[];
}

export interface SnmpSession {
  readonly host: string;
  readonly port: number;
  readonly version: SnmpVersion;
  /** Requests sent so far (a request and its retries count as one). */
  readonly requests: number;
  /** Values aligned with `oids`; null where the device has no such object. */
  get(oids: readonly string[]): Promise<Array<Varbind | null>>;
  /** The next object after each OID; null at the end of the MIB. */
  getNext(oids: readonly string[]): Promise<Array<Varbind | null>>;
  getBulk(nonRepeaterOids: readonly string[], repeaterOids: readonly string[], maxRepetitions: number): Promise<GetBulkResult>;
  /** Every object under `oid`; stops at the subtree's end, refuses non-increasing OIDs. */
  subtree(oid: string): Promise<Varbind[]>;
  /** Several table columns read together; the result is aligned with `columnOids`. */
  columns(columnOids: readonly string[]): Promise<Varbind[][]>;
  close(): void;
}

export type SessionOptions = SnmpOptions & { version: SnmpVersion; maxRepetitions?: number };

/** Node 20 on OpenSSL 3 refuses DES unless the legacy provider is loaded. */
export function isDesAvailable(): boolean {
  try {
    createCipheriv('des-cbc', Buffer.alloc(8), Buffer.alloc(8));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_OSSL_EVP_UNSUPPORTED') return false;
    throw err;
  }
}

function buildUser(opts: SessionOptions): RawUser {
  const v3 = opts.v3;
  if (!v3) throw new SnmpResponseError('-', opts.port, '3', 'no SNMPv3 user');
  const level = v3.privProtocol
    ? snmp.SecurityLevel.authPriv
    : v3.authProtocol
      ? snmp.SecurityLevel.authNoPriv
      : snmp.SecurityLevel.noAuthNoPriv;
  const user: RawUser = { name: v3.user, level };
  if (v3.authProtocol) {
    user.authProtocol = snmp.AuthProtocols[v3.authProtocol];
    user.authKey = v3.authKey ?? '';
  }
  if (v3.privProtocol) {
    if (v3.privProtocol === 'des' && !isDesAvailable()) throw new SnmpDesUnavailableError();
    user.privProtocol = snmp.PrivProtocols[v3.privProtocol];
    user.privKey = v3.privKey ?? '';
  }
  return user;
}

/**
 * Rows per column per GETBULK: readDevice asks 9 columns at once, and 20 rows covers a
 * printer's interfaces, supplies and Canon counters in one response; tooBig halves it.
 */
const DEFAULT_MAX_REPETITIONS = 20;

export function openSession(host: string, opts: SessionOptions): SnmpSession {
  const rawOptions: RawSessionOptions = {
    port: opts.port,
    retries: opts.retries,
    timeout: opts.timeoutMs,
    version: opts.version === '1' ? snmp.Version1 : opts.version === '2c' ? snmp.Version2c : snmp.Version3,
    // We check OID order ourselves (walks must increase) and say which device broke it.
    backwardsGetNexts: true,
  };
  if (opts.version === '3' && opts.v3?.context) rawOptions.context = opts.v3.context;
  const raw =
    opts.version === '3'
      ? snmp.createV3Session(host, buildUser(opts), rawOptions)
      : snmp.createSession(host, opts.community, rawOptions);
  // net-snmp reports error-status as an Error without errorIndex; keep the index so a v1
  // noSuchName names the OID to drop (index.js `Session.prototype.onSimpleGetResponse`).
  raw.onSimpleGetResponse = (req, message) => {
    if (message.pdu.errorStatus > 0) req.responseCb(new PduStatusError(message.pdu.errorStatus, message.pdu.errorIndex));
    else req.feedCb(req, message);
  };
  // A reply that does not parse is emitted as 'error' (index.js `Session.prototype.onMsg`);
  // unheard it would crash the process. The request it belonged to then times out.
  raw.on('error', () => undefined);
  return new Session(host, opts, raw);
}

class Session implements SnmpSession {
  requests = 0;
  /** Replies received: a silent GETBULK after replies means "no GETBULK here", not "device gone". */
  private answered = 0;
  private bulk: 'unknown' | 'works' | 'broken';
  private maxRepetitions: number;
  private closed = false;
  readonly port: number;
  readonly version: SnmpVersion;

  constructor(
    readonly host: string,
    private readonly opts: SessionOptions,
    private readonly raw: RawSession,
  ) {
    this.port = opts.port;
    this.version = opts.version;
    this.bulk = opts.version === '1' ? 'broken' : 'unknown';
    this.maxRepetitions = opts.maxRepetitions ?? DEFAULT_MAX_REPETITIONS;
  }

  private call<T>(oids: readonly string[], send: (cb: RawCallback<T>) => void): Promise<T> {
    this.requests++;
    const started = performance.now();
    return new Promise<T>((resolve, reject) => {
      send((error, result) => {
        if (!error) {
          this.answered++;
          resolve(result as T);
          return;
        }
        reject(this.translate(error, oids, performance.now() - started));
      });
    });
  }

  /** net-snmp errors → ours. Never copies net-snmp's message: some quote the community. */
  private translate(error: Error, oids: readonly string[], elapsedMs: number): Error {
    const { host, port, version, opts } = this;
    if (error instanceof PduStatusError) {
      this.answered++;
      return error;
    }
    if (error instanceof snmp.RequestTimedOutError) {
      return new SnmpTimeoutError(host, port, [version], oids, elapsedMs, opts.timeoutMs, opts.retries);
    }
    if (error instanceof snmp.ResponseInvalidError) {
      const code = error.code;
      const codeName = String(snmp.ResponseInvalidCode[String(code)] ?? code);
      if (codeName === 'EAuthFailure' || codeName === 'ECouldNotDecrypt' || codeName === 'ENotInTimeWindow') {
        // The USM report's own words ("Unknown User Name", "Wrong Digest ..."): no secrets in them.
        return new SnmpAuthError(host, port, codeName === 'EAuthFailure' ? error.message : codeName);
      }
      // No `cause`: net-snmp's text may quote the community.
      return new SnmpResponseError(host, port, version, codeName);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_OSSL_EVP_UNSUPPORTED') return new SnmpDesUnavailableError({ cause: error });
    // The datagram could not leave: a host name that does not resolve, no route, ...
    if (code) return new SnmpSendError(host, port, code, { cause: error });
    return new SnmpResponseError(host, port, version, error.name);
  }

  private statusError(e: PduStatusError, oids: readonly string[]): SnmpRequestError {
    const oid = oids[e.index - 1];
    return new SnmpRequestError(this.host, this.port, this.version, STATUS_NAMES[e.status] ?? String(e.status), oid ? [oid] : oids);
  }

  async get(oids: readonly string[]): Promise<Array<Varbind | null>> {
    const result: Array<Varbind | null> = oids.map(() => null);
    await this.getInto(
      oids.map((oid, i) => ({ oid, i })),
      result,
    );
    return result;
  }

  private async getInto(items: Array<{ oid: string; i: number }>, result: Array<Varbind | null>): Promise<void> {
    let pending = items;
    while (pending.length > 0) {
      const asked = pending.map((p) => p.oid);
      try {
        const vbs = await this.call<RawVarbind[]>(asked, (cb) => this.raw.get(asked, cb));
        pending.forEach((p, k) => {
          const vb = vbs[k];
          result[p.i] = vb ? toVarbind(vb) : null;
        });
        return;
      } catch (e) {
        if (!(e instanceof PduStatusError)) throw e;
        // v1: one missing OID fails the whole GET (noSuchName, some agents genErr) — drop it and ask again.
        if ((e.status === STATUS.noSuchName || e.status === STATUS.genErr) && pending.length > 1) {
          if (e.index >= 1 && e.index <= pending.length) {
            pending = pending.filter((_, k) => k !== e.index - 1);
            continue;
          }
          // No usable errorIndex: ask one OID at a time.
          for (const p of pending) await this.getInto([p], result);
          return;
        }
        if (e.status === STATUS.noSuchName) return; // the single OID is missing: stays null
        if (e.status === STATUS.tooBig && pending.length > 1) {
          const half = Math.ceil(pending.length / 2);
          await this.getInto(pending.slice(0, half), result);
          await this.getInto(pending.slice(half), result);
          return;
        }
        throw this.statusError(e, asked);
      }
    }
  }

  async getNext(oids: readonly string[]): Promise<Array<Varbind | null>> {
    const result: Array<Varbind | null> = oids.map(() => null);
    let pending = oids.map((oid, i) => ({ oid, i }));
    while (pending.length > 0) {
      const asked = pending.map((p) => p.oid);
      try {
        const vbs = await this.call<RawVarbind[]>(asked, (cb) => this.raw.getNext(asked, cb));
        pending.forEach((p, k) => {
          const vb = vbs[k];
          result[p.i] = vb ? toVarbind(vb) : null;
        });
        return result;
      } catch (e) {
        if (!(e instanceof PduStatusError)) throw e;
        // v1 end of MIB: noSuchName for that varbind; it stays null, ask the rest.
        if (e.status === STATUS.noSuchName && e.index >= 1 && e.index <= pending.length) {
          pending = pending.filter((_, k) => k !== e.index - 1);
          continue;
        }
        if (e.status === STATUS.noSuchName) return result;
        throw this.statusError(e, asked);
      }
    }
    return result;
  }

  async getBulk(nonRepeaterOids: readonly string[], repeaterOids: readonly string[], maxRepetitions: number): Promise<GetBulkResult> {
    try {
      return await this.bulkOnce(nonRepeaterOids, repeaterOids, maxRepetitions);
    } catch (e) {
      if (e instanceof PduStatusError) throw this.statusError(e, [...nonRepeaterOids, ...repeaterOids]);
      throw e;
    }
  }

  /** One GETBULK; error-status stays a PduStatusError for step() to act on. */
  private async bulkOnce(nonRepeaterOids: readonly string[], repeaterOids: readonly string[], maxRepetitions: number): Promise<GetBulkResult> {
    if (this.version === '1') {
      // v1 has no GETBULK: one GETNEXT is one repetition.
      const vbs = await this.getNext([...nonRepeaterOids, ...repeaterOids]);
      return {
        nonRepeaters: vbs.slice(0, nonRepeaterOids.length),
        repeaters: vbs.slice(nonRepeaterOids.length).map((vb) => (vb ? [vb] : [])),
        endOfMib: vbs.slice(nonRepeaterOids.length).map((vb) => vb === null),
      };
    }
    const asked = [...nonRepeaterOids, ...repeaterOids];
    const n = nonRepeaterOids.length;
    const rows = await this.call<Array<RawVarbind | RawVarbind[]>>(asked, (cb) =>
      this.raw.getBulk(asked, n, maxRepetitions, cb),
    );
    const nonRepeaters: Array<Varbind | null> = [];
    const repeaters: Varbind[][] = repeaterOids.map(() => []);
    const endOfMib = repeaterOids.map(() => false);
    rows.forEach((row, k) => {
      if (k < n) nonRepeaters.push(Array.isArray(row) ? null : toVarbind(row));
      else if (Array.isArray(row)) {
        for (const vb of row) {
          const v = toVarbind(vb);
          if (v) repeaters[k - n]!.push(v);
          else {
            endOfMib[k - n] = true; // endOfMibView ends this column
            break;
          }
        }
      }
    });
    while (nonRepeaters.length < n) nonRepeaters.push(null);
    return { nonRepeaters, repeaters, endOfMib };
  }

  /** One step for several columns: GETBULK while it works, else GETNEXT. */
  private async step(cursors: readonly string[]): Promise<Pick<GetBulkResult, 'repeaters' | 'endOfMib'>> {
    while (this.bulk !== 'broken') {
      try {
        const r = await this.bulkOnce([], cursors, this.maxRepetitions);
        this.bulk = 'works';
        return r;
      } catch (e) {
        if (e instanceof PduStatusError && e.status === STATUS.tooBig && this.maxRepetitions > 1) {
          this.maxRepetitions = Math.max(1, Math.floor(this.maxRepetitions / 2));
          continue;
        }
        // A device without GETBULK answers genErr (or anything else) or stays silent
        // while it answered GET a moment ago: walk with GETNEXT instead.
        const silentBulk = e instanceof SnmpTimeoutError && this.answered > 0 && this.bulk === 'unknown';
        if (e instanceof PduStatusError || silentBulk) {
          this.bulk = 'broken';
          break;
        }
        throw e;
      }
    }
    const vbs = await this.getNext(cursors);
    return { repeaters: vbs.map((vb) => (vb ? [vb] : [])), endOfMib: vbs.map((vb) => vb === null) };
  }

  async columns(columnOids: readonly string[]): Promise<Varbind[][]> {
    const out: Varbind[][] = columnOids.map(() => []);
    const cursor = [...columnOids];
    let active = columnOids.map((_, i) => i);
    while (active.length > 0) {
      const { repeaters, endOfMib } = await this.step(active.map((i) => cursor[i]!));
      const still: number[] = [];
      active.forEach((col, k) => {
        const got = repeaters[k] ?? [];
        let done = got.length === 0 || endOfMib[k] === true;
        for (const vb of got) {
          if (!isUnder(columnOids[col]!, vb.oid)) {
            done = true;
            break;
          }
          if (compareOids(vb.oid, cursor[col]!) <= 0) {
            throw new SnmpWalkLoopError(this.host, this.port, cursor[col]!, vb.oid);
          }
          out[col]!.push(vb);
          cursor[col] = vb.oid;
        }
        if (!done) still.push(col);
      });
      active = still;
    }
    return out;
  }

  async subtree(oid: string): Promise<Varbind[]> {
    const [col] = await this.columns([oid]);
    return col!;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.raw.close();
  }
}

/**
 * Open a session that answers. `version: 'auto'` tries v2c, then v1 (some Canon models drop
 * v2c silently); the first real request IS the probe, so a v2c device costs nothing extra.
 */
export async function openAnsweringSession(
  host: string,
  opts: SnmpOptions,
  firstOids: readonly string[],
  open: (host: string, opts: SessionOptions) => SnmpSession = openSession,
): Promise<{ session: SnmpSession; first: Array<Varbind | null>; versionsTried: SnmpVersion[]; silentRequests: number }> {
  const versions: SnmpVersion[] = opts.version === 'auto' ? ['2c', '1'] : [opts.version];
  const tried: SnmpVersion[] = [];
  let requests = 0;
  let elapsed = 0;
  for (const version of versions) {
    tried.push(version);
    const session = open(host, { ...opts, version });
    const started = performance.now();
    try {
      const first = await session.get(firstOids);
      return { session, first, versionsTried: tried, silentRequests: requests };
    } catch (e) {
      requests += session.requests;
      session.close();
      if (!(e instanceof SnmpTimeoutError)) throw e;
      elapsed += performance.now() - started;
    }
  }
  throw new SnmpTimeoutError(host, opts.port, tried, firstOids, elapsed, opts.timeoutMs, opts.retries);
}

// ---- The agent side (for the simulator): net-snmp's Agent for the message layer only. ----
//
// net-snmp 3.29.2's Agent answers from MIB providers, awkward for an arbitrary recorded walk,
// and its getBulkRequest caps the TOTAL varbinds at maxRepetitions. We keep its message layer
// (BER, v1/v2c communities, v3 USM, discovery reports) and override, on the instance, the
// three request handlers and onProxyRequest (a v3 context name routes there), index.js
// ~5856–5970: each receives (socket, requestMessage, rinfo), builds
// requestMessage.pdu.getResponsePduForRequest(), fills varbinds and calls
// this.sendResponse(socket, rinfo, requestMessage, responsePdu). Re-check on upgrade.

export type AgentVarbindType = VarbindType | 'NoSuchObject' | 'NoSuchInstance' | 'EndOfMibView';

export interface AgentVarbind {
  oid: string;
  type: AgentVarbindType;
  value: number | bigint | Buffer | string | null;
}

export interface AgentRequest {
  version: SnmpVersion;
  kind: 'get' | 'getNext' | 'getBulk';
  oids: string[];
  nonRepeaters: number;
  maxRepetitions: number;
}

export interface AgentResponse {
  errorStatus?: 'noSuchName' | 'tooBig' | 'genErr';
  /** 1-based, the varbind the error is about. */
  errorIndex?: number;
  varbinds: AgentVarbind[];
}

/** Answer by calling `respond` (now, later, or never: a silent device). */
export type AgentHandler = (request: AgentRequest, respond: (response: AgentResponse) => void) => void;

interface RawAgentPdu {
  type: number;
  varbinds: Array<{ oid: string }>;
  nonRepeaters?: number;
  maxRepetitions?: number;
  getResponsePduForRequest(): { errorStatus: number; errorIndex: number; varbinds: unknown[] };
}
interface RawAgentMessage {
  version: number;
  pdu: RawAgentPdu;
}
type RawAgentMethod = (socket: unknown, message: RawAgentMessage, rinfo: unknown) => void;
interface RawAgent {
  getAuthorizer(): { addCommunity(c: string): void; addUser(u: RawUser): void };
  sendResponse(socket: unknown, rinfo: unknown, message: RawAgentMessage, pdu: unknown): void;
  getRequest: RawAgentMethod;
  getNextRequest: RawAgentMethod;
  getBulkRequest: RawAgentMethod;
  onProxyRequest: RawAgentMethod;
  close(cb?: () => void): void;
  listener: { sockets: Record<string, import('node:dgram').Socket> };
}
interface NetSnmpAgentApi {
  createAgent(options: { port: number; address: string; disableAuthorization: boolean }, callback: (error: Error | null) => void): RawAgent;
}

const AGENT_TYPES: Readonly<Record<AgentVarbindType, number>> = {
  Boolean: 1,
  Integer: 2,
  BitString: 3,
  OctetString: 4,
  Null: 5,
  OID: 6,
  IpAddress: 64,
  Counter32: 65,
  Gauge32: 66,
  TimeTicks: 67,
  Opaque: 68,
  Counter64: 70,
  NoSuchObject: 128,
  NoSuchInstance: 129,
  EndOfMibView: 130,
};
const AGENT_STATUS = { noSuchName: 2, tooBig: 1, genErr: 5 } as const;
const PDU_GET = 0xa0;
const PDU_GETNEXT = 0xa1;
const PDU_GETBULK = 0xa5;

/** Counter64 goes on the wire as unsigned big-endian bytes (net-snmp writes the Buffer as is). */
function counter64Bytes(n: bigint): Buffer {
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  const buf = Buffer.from(hex, 'hex');
  return buf[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), buf]) : buf;
}

function toRawAgentVarbind(vb: AgentVarbind): { oid: string; type: number; value: unknown } {
  const type = AGENT_TYPES[vb.type];
  const value = vb.type === 'Counter64' && typeof vb.value === 'bigint' ? counter64Bytes(vb.value) : vb.value;
  return { oid: vb.oid, type, value };
}

function fromRawVersion(v: number): SnmpVersion {
  return v === snmp.Version1 ? '1' : v === snmp.Version2c ? '2c' : '3';
}

export interface AgentListenOptions {
  host: string;
  port: number;
  communities: readonly string[];
  users: readonly SnmpV3Options[];
}

/** Listen on host:port (UDP) and hand every readable request to `handler`. Rejects on bind errors (EADDRINUSE). */
export function listenAgent(o: AgentListenOptions, handler: AgentHandler): Promise<{ close(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    let started = false;
    let closed = false;
    const agent = (netSnmp as unknown as NetSnmpAgentApi).createAgent(
      { port: o.port, address: o.host, disableAuthorization: false },
      (error) => {
        // Before listening: a bind error. After: bad communities, unknown users — a real device drops those silently.
        if (error && !started) {
          started = true;
          closed = true;
          agent.close();
          reject(error);
        }
      },
    );
    const auth = agent.getAuthorizer();
    for (const c of o.communities) auth.addCommunity(c);
    for (const u of o.users) auth.addUser(buildUser({ port: o.port, community: '', version: '3', timeoutMs: 0, retries: 0, v3: u }));

    const serve: RawAgentMethod = (socket, message, rinfo) => {
      const pdu = message.pdu;
      const kind = pdu.type === PDU_GET ? 'get' : pdu.type === PDU_GETNEXT ? 'getNext' : pdu.type === PDU_GETBULK ? 'getBulk' : null;
      if (!kind) return;
      const request: AgentRequest = {
        version: fromRawVersion(message.version),
        kind,
        oids: pdu.varbinds.map((vb) => vb.oid),
        nonRepeaters: pdu.nonRepeaters ?? 0,
        maxRepetitions: pdu.maxRepetitions ?? 0,
      };
      handler(request, (response) => {
        if (closed) return; // net-snmp crashes sending on a closed socket
        const out = pdu.getResponsePduForRequest();
        out.varbinds = response.varbinds.map(toRawAgentVarbind);
        if (response.errorStatus) {
          out.errorStatus = AGENT_STATUS[response.errorStatus];
          out.errorIndex = response.errorIndex ?? 0;
        }
        agent.sendResponse(socket, rinfo, message, out);
      });
    };
    agent.getRequest = serve;
    agent.getNextRequest = serve;
    agent.getBulkRequest = serve;
    // A v3 context name: one walk serves every context.
    agent.onProxyRequest = serve;

    const sockets = Object.values(agent.listener.sockets);
    let waiting = sockets.length;
    for (const s of sockets) {
      s.once('listening', () => {
        if (--waiting === 0 && !started) {
          started = true;
          resolve({
            close: () =>
              new Promise<void>((done) => {
                if (closed) return done();
                closed = true;
                agent.close(() => done());
              }),
          });
        }
      });
    }
  });
}
