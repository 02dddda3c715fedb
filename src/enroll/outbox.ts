// The outbox: nothing lost, nothing doubled. A request and its Idempotency-Key are on
// disk (temp file, fsync, rename) before the first byte goes out, and leave only after a
// 2xx. A retry always reuses the entry's key, so the server replays instead of creating
// a second enrollment when an answer was lost (ECLUB-API.md, "Conventions").
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode } from '../errors.js';
import type { Paths } from '../store/paths.js';
import { readJsonFile, writeFileAtomic } from '../store/atomic.js';
import { buildRecordKey, listDeviceRecords, updateDeviceRecord } from '../store/devices.js';
import { buildStoreReadError } from '../store/records.js';
import type { DeviceRecord } from '../types.js';
import type { Api, ApiAnswer } from './client.js';
import type { ApiBody } from './http.js';

export type OutboxKind = 'enrollment' | 'relocation' | 'withdrawal' | 'attachment';

/** An attachment is kept by reference: the file's path and the sha256 it had when queued. */
export interface OutboxFile {
  path: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
}

export interface OutboxError {
  code: string;
  message: string;
  httpStatus?: number;
}

export interface OutboxEntry {
  id: string;
  kind: OutboxKind;
  method: 'POST';
  path: string;
  body: unknown;
  idempotencyKey: string;
  serials: string[];
  createdAt: string;
  attempts: number;
  lastError: OutboxError | null;
  /** pending: `outbox push` sends it; rejected: the server said no, kept until `outbox drop`. */
  state: 'pending' | 'rejected';
  file?: OutboxFile;
}

export interface SendOutcome {
  state: 'accepted' | 'queued' | 'rejected';
  entry: OutboxEntry;
  httpStatus?: number;
  response?: unknown;
  error?: { code: string; message: string; fields?: { path: string; message: string }[] };
  /** A rejection remembered from an earlier send: `outbox push` did not send it again. */
  earlier?: boolean;
}

export interface OutboxRequest {
  kind: OutboxKind;
  path: string;
  body: unknown;
  serials: string[];
  file?: OutboxFile;
}

/** accepted 0, queued 4, rejected 5. */
export function exitCodeFor(outcome: Pick<SendOutcome, 'state'>): number {
  return outcome.state === 'accepted' ? ExitCode.OK : outcome.state === 'queued' ? ExitCode.QUEUED : ExitCode.REJECTED;
}

/** For several outcomes: a rejection outranks a queued entry, which outranks success. */
export function exitCodeForAll(outcomes: readonly Pick<SendOutcome, 'state'>[]): number {
  if (outcomes.some((o) => o.state === 'rejected')) return ExitCode.REJECTED;
  if (outcomes.some((o) => o.state === 'queued')) return ExitCode.QUEUED;
  return ExitCode.OK;
}

export function buildEntry(req: OutboxRequest, now: Date): OutboxEntry {
  const createdAt = now.toISOString();
  const stamp = createdAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const entry: OutboxEntry = {
    id: `${stamp}-${req.kind}-${randomBytes(3).toString('hex')}`,
    kind: req.kind,
    method: 'POST',
    path: req.path,
    body: req.body,
    idempotencyKey: randomUUID(),
    serials: [...req.serials],
    createdAt,
    attempts: 0,
    lastError: null,
    state: 'pending',
  };
  if (req.file) entry.file = { ...req.file };
  return entry;
}

/** What `eclub outbox` shows of an entry: never the body itself (customer data). */
export interface OutboxSummary {
  id: string;
  kind: OutboxKind;
  state: OutboxEntry['state'];
  serials: string[];
  path: string;
  createdAt: string;
  attempts: number;
  lastError: OutboxError | null;
  file?: { name: string; size: number; sha256: string };
}

export function summariseEntry(e: OutboxEntry): OutboxSummary {
  const s: OutboxSummary = {
    id: e.id,
    kind: e.kind,
    state: e.state,
    serials: e.serials,
    path: e.path,
    createdAt: e.createdAt,
    attempts: e.attempts,
    lastError: e.lastError,
  };
  if (e.file) s.file = { name: e.file.name, size: e.file.size, sha256: e.file.sha256 };
  return s;
}

function entryPath(paths: Paths, id: string): string {
  return join(paths.outbox, `${id.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
}

/** Mode 0600: bodies hold customers' names, emails and phone numbers. */
export async function saveEntry(paths: Paths, entry: OutboxEntry): Promise<void> {
  await writeFileAtomic(entryPath(paths, entry.id), JSON.stringify(entry, null, 2) + '\n', 0o600);
}

function isEntry(v: unknown): v is OutboxEntry {
  const e = v as OutboxEntry | null;
  return typeof e?.id === 'string' && typeof e.idempotencyKey === 'string' && typeof e.path === 'string';
}

/** Every entry, oldest first; files that are not entries are listed in `skipped`, untouched. */
export async function listOutbox(paths: Paths): Promise<{ entries: OutboxEntry[]; skipped: string[] }> {
  let names: string[];
  try {
    names = await readdir(paths.outbox);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], skipped: [] };
    throw buildStoreReadError(paths.outbox, err);
  }
  const entries: OutboxEntry[] = [];
  const skipped: string[] = [];
  for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.'))) {
    const path = join(paths.outbox, name);
    let v: unknown;
    try {
      v = await readJsonFile(path);
    } catch (err) {
      // A damaged file is shown as skipped and kept: it may be the only copy of a request.
      if (err instanceof SyntaxError) {
        skipped.push(path);
        continue;
      }
      throw err;
    }
    if (isEntry(v)) entries.push({ ...v, state: v.state ?? 'pending' });
    else skipped.push(path);
  }
  entries.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return { entries, skipped };
}

/** Discard one entry on purpose; false when there is no such id. */
export async function dropEntry(paths: Paths, id: string): Promise<OutboxEntry | null> {
  const { entries } = await listOutbox(paths);
  const entry = entries.find((e) => e.id === id);
  if (!entry) return null;
  await rm(entryPath(paths, entry.id));
  return entry;
}

/** Save the request durably, then send it: the one way eclub creates anything on e-Club. */
export async function sendViaOutbox(api: Api, paths: Paths, req: OutboxRequest, now = new Date()): Promise<SendOutcome> {
  const entry = buildEntry(req, now);
  await saveEntry(paths, entry);
  return pushEntry(api, paths, entry, now);
}

/** Send every pending entry again with its original key. Rejected entries wait for `drop`. */
export async function pushOutbox(api: Api, paths: Paths, now = new Date()): Promise<SendOutcome[]> {
  const { entries } = await listOutbox(paths);
  const outcomes: SendOutcome[] = [];
  for (const entry of entries) {
    if (entry.state === 'rejected') outcomes.push({ state: 'rejected', entry, earlier: true, ...(entry.lastError ? { error: entry.lastError } : {}) });
    else outcomes.push(await pushEntry(api, paths, entry, now));
  }
  return outcomes;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The body to send: JSON, or the attachment's bytes read now and checked against the queue. */
async function readBody(entry: OutboxEntry): Promise<ApiBody | OutboxError> {
  if (!entry.file) return { json: entry.body };
  const f = entry.file;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(f.path);
  } catch (err) {
    return { code: 'file_unreadable', message: `${f.path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  if (sha256Hex(bytes) !== f.sha256) return { code: 'file_changed', message: `${f.path} changed since it was queued` };
  return { file: { field: 'file', name: f.name, type: f.type, bytes } };
}

export async function pushEntry(api: Api, paths: Paths, entry: OutboxEntry, now = new Date()): Promise<SendOutcome> {
  const body = await readBody(entry);
  if ('code' in body) return markRejected(paths, entry, body);
  const answer: ApiAnswer = await api.call({ method: entry.method, path: entry.path, body, idempotencyKey: entry.idempotencyKey });
  entry.attempts += 1;
  if (answer.kind === 'unavailable') {
    entry.lastError = answer.error;
    await saveEntry(paths, entry);
    return { state: 'queued', entry, error: answer.error, ...(answer.error.httpStatus ? { httpStatus: answer.error.httpStatus } : {}) };
  }
  if (answer.kind === 'rejected') {
    const outcome = await markRejected(paths, entry, { ...answer.error, httpStatus: answer.status });
    return { ...outcome, httpStatus: answer.status, error: answer.error };
  }
  const sent = entry.file?.sha256;
  const received = (answer.data as { sha256?: unknown } | null)?.sha256;
  if (entry.kind === 'attachment' && sent !== received) {
    // The server holds bytes other than ours: keep the entry and upload afresh next time.
    entry.lastError = { code: 'sha256_mismatch', message: `sent ${sent}, server has ${String(received)}`, httpStatus: answer.status };
    entry.idempotencyKey = randomUUID();
    await saveEntry(paths, entry);
    return { state: 'queued', entry, httpStatus: answer.status, response: answer.data, error: entry.lastError };
  }
  await recordAnswer(paths, entry, answer.data, now);
  await rm(entryPath(paths, entry.id), { force: true });
  return { state: 'accepted', entry, httpStatus: answer.status, response: answer.data };
}

async function markRejected(paths: Paths, entry: OutboxEntry, error: OutboxError): Promise<SendOutcome> {
  entry.state = 'rejected';
  entry.lastError = { code: error.code, message: error.message, ...(error.httpStatus ? { httpStatus: error.httpStatus } : {}) };
  await saveEntry(paths, entry);
  return { state: 'rejected', entry, error: entry.lastError };
}

/** Keep the server's answer with the devices it concerns (DeviceRecord.enrollment / events). */
async function recordAnswer(paths: Paths, entry: OutboxEntry, data: unknown, now: Date): Promise<void> {
  const at = now.toISOString();
  const answer = (data ?? {}) as Record<string, unknown>;
  const change = (r: DeviceRecord): DeviceRecord => {
    if (entry.kind === 'enrollment' && typeof answer.id === 'string') {
      const enrollment: NonNullable<DeviceRecord['enrollment']> = { id: answer.id, status: String(answer.status ?? ''), updatedAt: at };
      if (typeof answer.receivedAt === 'string') enrollment.receivedAt = answer.receivedAt;
      return { ...r, enrollment, updatedAt: at };
    }
    const detail: Record<string, unknown> = { ...answer, path: entry.path };
    if (entry.kind !== 'attachment') detail.request = entry.body;
    return { ...r, events: [...(r.events ?? []), { at, kind: entry.kind, detail }], updatedAt: at };
  };
  let keys = entry.serials.map((serial) => buildRecordKey({ serial, mac: null, host: serial }));
  if (entry.kind === 'attachment' && keys.length === 0) {
    const enrollmentId = decodeURIComponent(entry.path.split('/')[3] ?? '');
    const { records } = await listDeviceRecords(paths.devices);
    keys = records.filter((r) => r.enrollment?.id === enrollmentId).map((r) => r.key);
  }
  for (const key of keys) await updateDeviceRecord(paths.devices, key, change);
}
