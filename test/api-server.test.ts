// The reference server by itself, spoken to with fetch over loopback (ECLUB-API.md).
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PARTNER, startApiServer, type ApiServer } from '../src/sim/api-server.js';
import { enrollmentBody } from './helpers/api.js';

const open: ApiServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(o: Parameters<typeof startApiServer>[0] = {}) {
  const s = await startApiServer({ autoApproveMs: null, ...o });
  open.push(s);
  return s;
}

async function call(s: ApiServer, method: string, path: string, o: { token?: string; key?: string; json?: unknown; body?: FormData } = {}) {
  const headers: Record<string, string> = {};
  if (o.token) headers.Authorization = `Bearer ${o.token}`;
  if (o.key) headers['Idempotency-Key'] = o.key;
  if (o.json !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(s.url + path, { method, headers, body: o.json !== undefined ? JSON.stringify(o.json) : (o.body ?? null) });
  return { status: res.status, body: (await res.json()) as Record<string, any>, headers: res.headers };
}

async function token(s: ApiServer): Promise<string> {
  const r = await call(s, 'POST', '/v1/sessions', { json: { partnerId: DEMO_PARTNER.id, password: DEMO_PARTNER.password } });
  expect(r.status).toBe(201);
  return r.body.token as string;
}

describe('reference e-Club server', () => {
  it('logins: 201 with a token, 401 invalid_credentials, 401 without a token', async () => {
    const s = await start();
    expect(typeof (await token(s))).toBe('string');
    const bad = await call(s, 'POST', '/v1/sessions', { json: { partnerId: DEMO_PARTNER.id, password: 'x' } });
    expect(bad).toMatchObject({ status: 401, body: { error: { code: 'invalid_credentials' } } });
    expect(await call(s, 'GET', '/v1/devices/DCQ12345')).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
  });

  it('idempotency: replay → 200 with the first answer; other body → 409; no key → 400', async () => {
    const s = await start();
    const t = await token(s);
    const first = await call(s, 'POST', '/v1/enrollments', { token: t, key: 'k-1', json: enrollmentBody() });
    expect(first.status).toBe(201);
    const replay = await call(s, 'POST', '/v1/enrollments', { token: t, key: 'k-1', json: enrollmentBody() });
    expect(replay).toMatchObject({ status: 200, body: first.body });
    const other = await call(s, 'POST', '/v1/enrollments', { token: t, key: 'k-1', json: enrollmentBody('XTK01222') });
    expect(other).toMatchObject({ status: 409, body: { error: { code: 'idempotency_conflict' } } });
    expect((await call(s, 'POST', '/v1/enrollments', { token: t, json: enrollmentBody('XTK01222') })).status).toBe(400);
    const again = await call(s, 'POST', '/v1/enrollments', { token: t, key: 'k-2', json: enrollmentBody() });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'already_enrolled', fields: [{ path: 'devices[0].serial' }] } } });
    expect(Object.keys(s.state().enrollments)).toHaveLength(1);
  });

  it('attachments: 415 for other types, 413 past 10 MiB, 201 with the sha256', async () => {
    const s = await start();
    const t = await token(s);
    const id = (await call(s, 'POST', '/v1/enrollments', { token: t, key: 'k', json: enrollmentBody() })).body.id as string;
    const upload = (bytes: Buffer, key: string) => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), 'scan');
      return call(s, 'POST', `/v1/enrollments/${id}/attachments`, { token: t, key, body: form });
    };
    expect((await upload(Buffer.from('GIF89a....'), 'a1')).body.error.code).toBe('unsupported_type');
    expect((await upload(Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)]), 'a2')).status).toBe(413);
    const ok = await upload(Buffer.from('%PDF-1.4 signed'), 'a3');
    expect(ok.status).toBe(201);
    expect(ok.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await call(s, 'POST', '/v1/enrollments/E-1999-000001/attachments', { token: t, key: 'a4', body: new FormData() })).body.error.code).toBe('not_found');
  });

  it('approval: pending until the auto-approve time, then approved and active', async () => {
    let clock = new Date('2026-12-04T10:00:00Z');
    const s = await start({ autoApproveMs: 60_000, now: () => clock });
    const t = await token(s);
    const id = (await call(s, 'POST', '/v1/enrollments', { token: t, key: 'k', json: enrollmentBody() })).body.id as string;
    expect((await call(s, 'GET', `/v1/enrollments/${id}`, { token: t })).body).toMatchObject({ status: 'pending', devices: [{ status: 'pending' }] });
    clock = new Date('2026-12-04T10:01:00Z');
    expect((await call(s, 'GET', `/v1/enrollments/${id}`, { token: t })).body).toMatchObject({ status: 'approved', devices: [{ status: 'active' }] });
  });

  it('keeps its state across a restart (sessions, enrollments)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eclub-api-srv-'));
    dirs.push(dir);
    const dataFile = join(dir, 'state.json');
    const a = await start({ dataFile });
    const t = await token(a);
    const id = (await call(a, 'POST', '/v1/enrollments', { token: t, key: 'k', json: enrollmentBody() })).body.id as string;
    await a.close();
    open.splice(open.indexOf(a), 1);
    const b = await start({ dataFile });
    expect((await call(b, 'GET', `/v1/enrollments/${id}`, { token: t })).status).toBe(200);
    expect((await call(b, 'POST', '/v1/enrollments', { token: t, key: 'k', json: enrollmentBody() })).status).toBe(200);
  });

  it('faults: 503 with Retry-After for the next N requests, then normal', async () => {
    const s = await start();
    const t = await token(s);
    s.setFaults({ unavailable: { count: 2, retryAfterSec: 7 } });
    const r1 = await call(s, 'GET', '/v1/devices/DCQ12345', { token: t });
    expect(r1.status).toBe(503);
    expect(r1.headers.get('retry-after')).toBe('7');
    expect((await call(s, 'GET', '/v1/devices/DCQ12345', { token: t })).status).toBe(503);
    expect((await call(s, 'GET', '/v1/devices/DCQ12345', { token: t })).status).toBe(404);
  });

  it('faults: a dropped answer still acted on the request', async () => {
    const s = await start();
    const t = await token(s);
    s.setFaults({ drop: { count: 1 } });
    await expect(call(s, 'POST', '/v1/enrollments', { token: t, key: 'k', json: enrollmentBody() })).rejects.toThrow();
    expect(Object.keys(s.state().enrollments)).toHaveLength(1);
  });
});
