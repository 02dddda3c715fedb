// The reference e-Club server's data and decisions: what each call does to the state and
// what it answers. No sockets here (api-server.ts does HTTP), so every rule is testable.
import { createHash, randomBytes } from 'node:crypto';
import { detectScanType, MAX_SCAN_BYTES } from '../enroll/scan.js';
import { checkEnrollmentBody, checkRelocationBody, checkWithdrawalBody, type FieldError } from './api-rules.js';

export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface Enrollment {
  id: string;
  partnerId: string;
  status: 'pending' | 'approved' | 'rejected';
  reason?: string;
  receivedAt: string;
  serials: string[];
  body: unknown;
}

type DeviceStatus = 'pending' | 'active' | 'relocation-pending' | 'withdrawal-pending' | 'withdrawn' | 'rejected';

interface Device {
  serial: string;
  status: DeviceStatus;
  enrollmentId: string;
  ip: string;
  subnet: string;
  gateway: string;
  mac: string;
  dns?: string[];
}

interface ChangeRequest {
  id: string;
  kind: 'relocation' | 'withdrawal';
  serial: string;
  status: 'pending' | 'approved';
  receivedAt: string;
  body: Record<string, unknown>;
}

export interface ServerState {
  schema: 1;
  seq: { enrollment: number; request: number; attachment: number };
  /** Partner id → salted sha256 of the password. */
  partners: Record<string, { salt: string; hash: string }>;
  /** sha256(token) → session: the data file never holds a usable token. */
  sessions: Record<string, { partnerId: string; expiresAt: string }>;
  enrollments: Record<string, Enrollment>;
  devices: Record<string, Device>;
  requests: Record<string, ChangeRequest>;
  attachments: Record<string, { enrollmentId: string; sha256: string; size: number; type: string; name: string; receivedAt: string }>;
  /** partnerId + key → the first answer, for replays (kept 7 days). */
  idempotency: Record<string, { hash: string; status: number; body: unknown; at: string }>;
}

export const IDEMPOTENCY_TTL_MS = 7 * 24 * 3600 * 1000;

export function hashSecret(secret: string, salt: string): string {
  return createHash('sha256').update(`${salt}:${secret}`).digest('hex');
}

export function emptyState(partners: Record<string, string>): ServerState {
  const state: ServerState = {
    schema: 1,
    seq: { enrollment: 0, request: 0, attachment: 0 },
    partners: {},
    sessions: {},
    enrollments: {},
    devices: {},
    requests: {},
    attachments: {},
    idempotency: {},
  };
  for (const [id, password] of Object.entries(partners)) {
    const salt = randomBytes(8).toString('hex');
    state.partners[id] = { salt, hash: hashSecret(password, salt) };
  }
  return state;
}

const error = (status: number, code: string, message: string, fields?: FieldError[], headers?: Record<string, string>): Answer => ({
  status,
  body: { error: { code, message, ...(fields ? { fields } : {}) } },
  ...(headers ? { headers } : {}),
});

const tokenKey = (token: string) => createHash('sha256').update(token).digest('hex');

/** Canonical JSON (sorted keys) so a replayed body compares equal however it was serialised. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export interface ServerOptions {
  tokenTtlMs: number;
  /** Pending items are approved this long after they arrive; null: only on an admin call. */
  autoApproveMs: number | null;
}

/** Approve what has waited long enough (or everything, with `all`): pending → approved/active. */
export function advance(state: ServerState, now: Date, o: ServerOptions, all = false): number {
  let changed = 0;
  const due = (at: string) => all || (o.autoApproveMs !== null && now.getTime() - Date.parse(at) >= o.autoApproveMs);
  for (const e of Object.values(state.enrollments)) {
    if (e.status !== 'pending' || !due(e.receivedAt)) continue;
    e.status = 'approved';
    for (const s of e.serials) if (state.devices[s]?.status === 'pending') state.devices[s]!.status = 'active';
    changed++;
  }
  for (const r of Object.values(state.requests)) {
    if (r.status !== 'pending' || !due(r.receivedAt)) continue;
    r.status = 'approved';
    const d = state.devices[r.serial];
    if (d && r.kind === 'relocation') {
      const b = r.body as Partial<Device>;
      Object.assign(d, { status: 'active', ip: b.ip, subnet: b.subnet, gateway: b.gateway }, b.mac ? { mac: b.mac } : {}, b.dns ? { dns: b.dns } : {});
    }
    if (d && r.kind === 'withdrawal') d.status = 'withdrawn';
    changed++;
  }
  return changed;
}

/** Headquarters says no: the enrollment and its pending devices are rejected. */
export function rejectEnrollment(state: ServerState, id: string, reason: string): boolean {
  const e = state.enrollments[id];
  if (!e || e.status !== 'pending') return false;
  e.status = 'rejected';
  e.reason = reason;
  for (const s of e.serials) if (state.devices[s]?.status === 'pending') state.devices[s]!.status = 'rejected';
  return true;
}

export interface ApiRequest {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  json?: unknown;
  file?: { name: string; filename: string | null; contentType: string | null; data: Buffer } | null;
}

export function login(state: ServerState, body: unknown, now: Date, o: ServerOptions): Answer {
  const b = (body ?? {}) as { partnerId?: unknown; password?: unknown };
  const partner = typeof b.partnerId === 'string' ? state.partners[b.partnerId] : undefined;
  if (!partner || typeof b.password !== 'string' || hashSecret(b.password, partner.salt) !== partner.hash) {
    return error(401, 'invalid_credentials', 'wrong partner id or password');
  }
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + o.tokenTtlMs).toISOString().replace(/\.\d+Z$/, 'Z');
  state.sessions[tokenKey(token)] = { partnerId: b.partnerId as string, expiresAt };
  return { status: 201, body: { token, expiresAt } };
}

/** The partner behind the bearer token, or the 401 to answer. */
export function authenticate(state: ServerState, header: string | undefined, now: Date): string | Answer {
  const token = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
  const session = token ? state.sessions[tokenKey(token)] : undefined;
  if (!session) return error(401, 'unauthorized', 'log in first');
  if (Date.parse(session.expiresAt) <= now.getTime()) return error(401, 'token_expired', 'the session expired; log in again');
  return session.partnerId;
}

export function expireSessions(state: ServerState, now: Date): void {
  for (const s of Object.values(state.sessions)) s.expiresAt = new Date(now.getTime() - 1000).toISOString();
}

const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * A creating call under its Idempotency-Key: a replay of the same content gets the first
 * answer (201 becomes 200), other content under the same key gets 409.
 */
export function withIdempotency(
  state: ServerState,
  partnerId: string,
  req: ApiRequest,
  content: string,
  now: Date,
  create: () => Answer,
): Answer {
  const key = req.headers['idempotency-key'];
  if (!key || !KEY.test(key)) return error(400, 'idempotency_key_required', 'Idempotency-Key: 1-255 printable ASCII characters');
  for (const [k, v] of Object.entries(state.idempotency)) {
    if (now.getTime() - Date.parse(v.at) > IDEMPOTENCY_TTL_MS) delete state.idempotency[k];
  }
  const slot = `${partnerId} ${key}`;
  const hash = createHash('sha256').update(`${req.method} ${req.path}\n${content}`).digest('hex');
  const seen = state.idempotency[slot];
  if (seen) {
    if (seen.hash !== hash) return error(409, 'idempotency_conflict', 'this Idempotency-Key was used for a different request');
    return { status: seen.status === 201 ? 200 : seen.status, body: seen.body };
  }
  const answer = create();
  if (answer.status >= 200 && answer.status < 300) {
    state.idempotency[slot] = { hash, status: answer.status, body: answer.body, at: now.toISOString() };
  }
  return answer;
}

const LIVE: ReadonlySet<DeviceStatus> = new Set(['pending', 'active', 'relocation-pending', 'withdrawal-pending']);

export function createEnrollment(state: ServerState, partnerId: string, body: unknown, now: Date): Answer {
  const fields = checkEnrollmentBody(body);
  if (fields.length > 0) return error(422, 'invalid', `${fields.length} invalid field(s)`, fields);
  const b = body as { devices: Array<Record<string, unknown>> };
  const taken = b.devices
    .map((d, i) => ({ serial: String(d.serial), i }))
    .filter(({ serial }) => LIVE.has(state.devices[serial]?.status as DeviceStatus));
  if (taken.length > 0) {
    return error(
      409,
      'already_enrolled',
      `${taken.length} device(s) already enrolled`,
      taken.map(({ serial, i }) => ({ path: `devices[${i}].serial`, message: `${serial} is already enrolled (${state.devices[serial]!.enrollmentId})` })),
    );
  }
  state.seq.enrollment += 1;
  const id = `E-${now.getUTCFullYear()}-${String(state.seq.enrollment).padStart(6, '0')}`;
  const receivedAt = now.toISOString().replace(/\.\d+Z$/, 'Z');
  const serials = b.devices.map((d) => String(d.serial));
  state.enrollments[id] = { id, partnerId, status: 'pending', receivedAt, serials, body };
  for (const d of b.devices) {
    state.devices[String(d.serial)] = {
      serial: String(d.serial),
      status: 'pending',
      enrollmentId: id,
      ip: String(d.ip),
      subnet: String(d.subnet),
      gateway: String(d.gateway),
      mac: String(d.mac),
      ...(Array.isArray(d.dns) ? { dns: d.dns.map(String) } : {}),
    };
  }
  return { status: 201, body: { id, status: 'pending', receivedAt, devices: serials.map((serial) => ({ serial, status: 'pending' })) } };
}

export function readEnrollment(state: ServerState, partnerId: string, id: string): Answer {
  const e = state.enrollments[id];
  if (!e || e.partnerId !== partnerId) return error(404, 'not_found', `no enrollment ${id}`);
  return {
    status: 200,
    body: {
      id: e.id,
      status: e.status,
      ...(e.reason ? { reason: e.reason } : {}),
      receivedAt: e.receivedAt,
      devices: e.serials.map((serial) => ({ serial, status: state.devices[serial]?.enrollmentId === e.id ? state.devices[serial]!.status : 'pending' })),
    },
  };
}

export function readDevice(state: ServerState, partnerId: string, serial: string): Answer {
  const d = state.devices[serial];
  if (!d || state.enrollments[d.enrollmentId]?.partnerId !== partnerId) return error(404, 'not_found', `no device ${serial}`);
  return { status: 200, body: { ...d } };
}

export function createChange(
  state: ServerState,
  partnerId: string,
  kind: 'relocation' | 'withdrawal',
  serial: string,
  body: unknown,
  now: Date,
): Answer {
  const d = state.devices[serial];
  if (!d || state.enrollments[d.enrollmentId]?.partnerId !== partnerId) return error(404, 'not_found', `no device ${serial}`);
  const fields = kind === 'relocation' ? checkRelocationBody(body) : checkWithdrawalBody(body);
  if (fields.length > 0) return error(422, 'invalid', `${fields.length} invalid field(s)`, fields);
  if (d.status !== 'active') return error(409, 'not_active', `device ${serial} is ${d.status}`);
  state.seq.request += 1;
  const id = `${kind === 'relocation' ? 'R' : 'W'}-${now.getUTCFullYear()}-${String(state.seq.request).padStart(6, '0')}`;
  state.requests[id] = { id, kind, serial, status: 'pending', receivedAt: now.toISOString(), body: body as Record<string, unknown> };
  d.status = kind === 'relocation' ? 'relocation-pending' : 'withdrawal-pending';
  return { status: 202, body: { requestId: id, status: 'pending' } };
}

export function createAttachment(
  state: ServerState,
  partnerId: string,
  enrollmentId: string,
  file: ApiRequest['file'],
  now: Date,
  corrupt: boolean,
): Answer {
  const e = state.enrollments[enrollmentId];
  if (!e || e.partnerId !== partnerId) return error(404, 'not_found', `no enrollment ${enrollmentId}`);
  if (!file || file.name !== 'file') return error(422, 'invalid', 'one part named "file" is required', [{ path: 'file', message: 'required' }]);
  if (file.data.length > MAX_SCAN_BYTES) return error(413, 'too_large', 'at most 10 MiB');
  const type = detectScanType(file.data);
  if (!type) return error(415, 'unsupported_type', 'PDF, JPEG or PNG only');
  state.seq.attachment += 1;
  const attachmentId = `A-${String(state.seq.attachment).padStart(6, '0')}`;
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  state.attachments[attachmentId] = { enrollmentId, sha256, size: file.data.length, type, name: file.filename ?? 'scan', receivedAt: now.toISOString() };
  // The corrupt fault reports another digest, as if bytes were damaged on the way.
  return { status: 201, body: { attachmentId, sha256: corrupt ? createHash('sha256').update(sha256).digest('hex') : sha256 } };
}

export { error as errorAnswer };
