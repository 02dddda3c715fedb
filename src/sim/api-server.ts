// The reference e-Club API server (ECLUB-API.md in full) on node:http, for tests, the
// demo and `eclub simulate`: sessions, idempotent creates, every validation rule,
// attachments, devices, moves, withdrawals, approvals, a JSON file that survives
// restarts, and faults to inject (503 + Retry-After, slow answers, dropped connections,
// expired tokens, a wrong sha256).
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { writeFileAtomic } from '../store/atomic.js';
import { loadRecordFile } from '../store/records.js';
import { MAX_SCAN_BYTES } from '../enroll/scan.js';
import { parseBoundary, parseMultipart } from './multipart.js';
import {
  advance,
  authenticate,
  canonicalJson,
  createAttachment,
  createChange,
  createEnrollment,
  emptyState,
  errorAnswer,
  expireSessions,
  login,
  readDevice,
  readEnrollment,
  rejectEnrollment,
  withIdempotency,
  type Answer,
  type ApiRequest,
  type ServerOptions,
  type ServerState,
} from './api-store.js';

/** Faults for the next requests to /v1 (admin calls never count). */
export interface ApiFaults {
  /** Answer 503 with Retry-After (seconds) to the next `count` requests, without acting. */
  unavailable?: { count: number; retryAfterSec?: number };
  /** Act, then hold the answer `delayMs` for the next `count` requests. */
  slow?: { count: number; delayMs: number };
  /** Act, send the headers, then destroy the socket, for the next `count` requests. */
  drop?: { count: number };
  /** Every session issued so far expires now (401 token_expired). */
  expireTokens?: boolean;
  /** The next `count` attachments answer a sha256 other than the bytes'. */
  badSha256?: { count: number };
}

export interface ApiServerEvent {
  /** 'handled': the request was acted on (before any delay or drop). */
  type: 'handled';
  method: string;
  path: string;
  status: number;
  fault: 'unavailable' | 'slow' | 'drop' | null;
}

export interface ApiServerOptions {
  host?: string;
  port?: number;
  /** Where the state lives across restarts; in memory only when absent. */
  dataFile?: string;
  faults?: ApiFaults;
  /** Partner id → password. Default: the demo account P-000123 / eclub-demo-2026. */
  partners?: Record<string, string>;
  tokenTtlMs?: number;
  autoApproveMs?: number | null;
  now?: () => Date;
  onEvent?: (e: ApiServerEvent) => void;
  /** Serve HTTPS with this key and certificate (PEM), to test TLS and --ca-file. */
  tls?: { key: string; cert: string };
}

export interface ApiServer {
  url: string;
  close(): Promise<void>;
  setFaults(f: ApiFaults): void;
  /** A copy of the state, for tests and the demo. */
  state(): ServerState;
  /** Approve everything pending now (what headquarters does). */
  approveAll(): Promise<number>;
}

export const DEMO_PARTNER = { id: 'P-000123', password: 'eclub-demo-2026' } as const;

const JSON_LIMIT = 1024 * 1024;
/** The file limit plus room for multipart headers; past this the server stops reading. */
const UPLOAD_LIMIT = MAX_SCAN_BYTES + 64 * 1024;

class TooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new TooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function isState(v: unknown): v is ServerState {
  return typeof v === 'object' && v !== null && (v as ServerState).schema === 1;
}

export async function startApiServer(o: ApiServerOptions = {}): Promise<ApiServer> {
  const now = o.now ?? (() => new Date());
  const opts: ServerOptions = { tokenTtlMs: o.tokenTtlMs ?? 3600_000, autoApproveMs: o.autoApproveMs === undefined ? 30_000 : o.autoApproveMs };
  // A file that cannot be read, or is not this server's state, stops here (exit 2) rather
  // than being overwritten by an empty state.
  const loaded = o.dataFile ? await loadRecordFile(o.dataFile, isState) : undefined;
  const state: ServerState = loaded ?? emptyState(o.partners ?? { [DEMO_PARTNER.id]: DEMO_PARTNER.password });
  let faults: ApiFaults = {};
  let saving: Promise<void> = Promise.resolve();

  /** Persist the whole state; writes are chained so the file always ends with the latest. */
  const persist = (): Promise<void> => {
    if (!o.dataFile) return Promise.resolve();
    const file = o.dataFile;
    saving = saving.then(() => writeFileAtomic(file, JSON.stringify(state, null, 2) + '\n', 0o600));
    return saving;
  };

  const setFaults = (f: ApiFaults) => {
    if (f.expireTokens) expireSessions(state, now());
    faults = { ...faults, ...f };
    delete faults.expireTokens;
  };
  if (o.faults) setFaults(o.faults);

  const take = <K extends 'unavailable' | 'slow' | 'drop' | 'badSha256'>(k: K): NonNullable<ApiFaults[K]> | null => {
    const f = faults[k];
    if (!f || f.count <= 0) return null;
    f.count -= 1;
    return f as NonNullable<ApiFaults[K]>;
  };

  const route = async (req: IncomingMessage, path: string): Promise<Answer> => {
    const method = req.method ?? 'GET';
    const isUpload = /^\/v1\/enrollments\/[^/]+\/attachments$/.test(path);
    const raw = await readBody(req, isUpload ? UPLOAD_LIMIT : JSON_LIMIT);
    const api: ApiRequest = { method, path, headers: req.headers as Record<string, string | undefined> };
    if (!isUpload && raw.length > 0) {
      try {
        api.json = JSON.parse(raw.toString('utf8')) as unknown;
      } catch (err) {
        if (err instanceof SyntaxError) return errorAnswer(400, 'bad_request', 'the body is not JSON');
        throw err;
      }
    }
    const at = now();
    if (method === 'POST' && path === '/v1/sessions') return login(state, api.json, at, opts);
    const who = authenticate(state, req.headers.authorization, at);
    if (typeof who !== 'string') return who;
    advance(state, at, opts);
    let m: RegExpExecArray | null;
    if (method === 'POST' && path === '/v1/enrollments') {
      return withIdempotency(state, who, api, canonicalJson(api.json), at, () => createEnrollment(state, who, api.json, at));
    }
    if (method === 'GET' && (m = /^\/v1\/enrollments\/([^/]+)$/.exec(path))) return readEnrollment(state, who, decodeURIComponent(m[1]!));
    if (method === 'GET' && (m = /^\/v1\/devices\/([^/]+)$/.exec(path))) return readDevice(state, who, decodeURIComponent(m[1]!));
    if (method === 'POST' && (m = /^\/v1\/devices\/([^/]+)\/(relocations|withdrawals)$/.exec(path))) {
      const serial = decodeURIComponent(m[1]!);
      const kind = m[2] === 'relocations' ? 'relocation' : 'withdrawal';
      return withIdempotency(state, who, api, canonicalJson(api.json), at, () => createChange(state, who, kind, serial, api.json, at));
    }
    if (method === 'POST' && (m = /^\/v1\/enrollments\/([^/]+)\/attachments$/.exec(path))) {
      const enrollmentId = decodeURIComponent(m[1]!);
      const boundary = parseBoundary(req.headers['content-type']);
      const parts = boundary ? parseMultipart(raw, boundary) : null;
      if (!parts) return errorAnswer(415, 'unsupported_type', 'expected multipart/form-data');
      const file = parts.find((p) => p.name === 'file') ?? null;
      const content = file ? createHash('sha256').update(file.data).digest('hex') : '';
      return withIdempotency(state, who, api, content, at, () =>
        createAttachment(state, who, enrollmentId, file, at, take('badSha256') !== null),
      );
    }
    return errorAnswer(404, 'not_found', `no route ${method} ${path}`);
  };

  const admin = async (req: IncomingMessage, path: string): Promise<Answer> => {
    const raw = await readBody(req, JSON_LIMIT);
    const body = (raw.length ? JSON.parse(raw.toString('utf8')) : {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;
    if (path === '/_admin/approve') return { status: 200, body: { approved: advance(state, now(), opts, true) } };
    if ((m = /^\/_admin\/enrollments\/([^/]+)\/reject$/.exec(path))) {
      const ok = rejectEnrollment(state, decodeURIComponent(m[1]!), String(body.reason ?? 'rejected by headquarters'));
      return ok ? { status: 200, body: { rejected: true } } : errorAnswer(404, 'not_found', 'no pending enrollment');
    }
    if (path === '/_admin/faults') {
      setFaults(body as ApiFaults);
      return { status: 200, body: { faults } };
    }
    if (path === '/_admin/state') return { status: 200, body: { ...state, partners: Object.keys(state.partners), sessions: Object.keys(state.sessions).length } };
    return errorAnswer(404, 'not_found', `no admin route ${path}`);
  };

  const send = (res: ServerResponse, a: Answer, drop: boolean) => {
    const text = JSON.stringify(a.body);
    res.writeHead(a.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...a.headers });
    if (drop) {
      // Headers out, body never: the client sees the connection die mid-answer.
      res.flushHeaders();
      res.socket?.destroy();
      return;
    }
    res.end(text);
  };

  const listener: RequestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const handle = async () => {
      if (path.startsWith('/_admin/')) {
        const a = await admin(req, path);
        await persist();
        return send(res, a, false);
      }
      const unavailable = take('unavailable');
      if (unavailable) {
        req.resume();
        o.onEvent?.({ type: 'handled', method: req.method ?? '', path, status: 503, fault: 'unavailable' });
        return send(res, errorAnswer(503, 'unavailable', 'try again later', undefined, { 'Retry-After': String(unavailable.retryAfterSec ?? 1) }), false);
      }
      const slow = take('slow');
      const drop = take('drop');
      const a = await route(req, path);
      await persist();
      o.onEvent?.({ type: 'handled', method: req.method ?? '', path, status: a.status, fault: slow ? 'slow' : drop ? 'drop' : null });
      if (slow) await new Promise((r) => setTimeout(r, slow.delayMs));
      if (!res.socket || res.socket.destroyed) return;
      send(res, a, drop !== null);
    };
    handle().catch((err: unknown) => {
      if (err instanceof TooLarge) {
        res.setHeader('Connection', 'close');
        return send(res, errorAnswer(413, 'too_large', 'at most 10 MiB'), false);
      }
      if (err instanceof SyntaxError) return send(res, errorAnswer(400, 'bad_request', 'the body is not JSON'), false);
      send(res, errorAnswer(500, 'internal', err instanceof Error ? err.message : String(err)), false);
    });
  };
  const server = o.tls ? createTlsServer({ key: o.tls.key, cert: o.tls.cert }, listener) : createServer(listener);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, o.host ?? '127.0.0.1', () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `${o.tls ? 'https' : 'http'}://${host}:${addr.port}`,
    setFaults,
    state: () => structuredClone(state),
    approveAll: async () => {
      const n = advance(state, now(), opts, true);
      await persist();
      return n;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await saving;
    },
  };
}
