// What "nothing lost" costs: an enrollment sent through the outbox (durable write with
// fsync before the send, removal after the 2xx) beside the same request sent directly,
// against the reference server on loopback; and `outbox push` of queued entries.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { table } from './lib.mjs';

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function body(serial) {
  return {
    joinDate: '2010-07-15',
    customer: { company: '가나다무역 (주)', department: '총무부', email: 'abcde@hanmail.net', phone: '02-712-1234', signatory: '홍길동' },
    partner: { name: '민국종합사무기', engineer: '이순신', phone: '02-3450-0700' },
    consent: { statusCollection: true, privacy: true },
    devices: [{ productName: 'IRC2550I', serial, ip: '101.1.49.233', subnet: '255.255.255.0', gateway: '101.1.49.55', mac: '000085BA57A6' }],
  };
}

export default async function () {
  const { startApiServer, DEMO_PARTNER } = await import(dist('sim/api-server.js'));
  const { createCtx, finishCtx } = await import(dist('context.js'));
  const { createApi } = await import(dist('enroll/api.js'));
  const { sendViaOutbox, pushOutbox, saveEntry, buildEntry } = await import(dist('enroll/outbox.js'));
  const home = mkdtempSync(join(tmpdir(), 'eclub-bench-'));
  const server = await startApiServer({ autoApproveMs: null });
  try {
    const env = { ECLUB_HOME: home, ECLUB_ENDPOINT: server.url, ECLUB_LANG: 'en' };
    const ctx = createCtx({ stdout: { write() {} }, stderr: { write() {} }, stdin: Object.assign(new PassThrough(), { isTTY: false }), env, cwd: home, now: () => new Date() }, 'en', false);
    finishCtx(ctx, { input: false });
    const api = await createApi(ctx, {});
    await api.login(DEMO_PARTNER.id, DEMO_PARTNER.password);
    const n = 40;
    const direct = [];
    const viaOutbox = [];
    for (let i = 0; i < n; i++) {
      let t0 = performance.now();
      await api.call({ method: 'POST', path: '/v1/enrollments', body: { json: body(`DIR${String(i).padStart(5, '0')}`) }, idempotencyKey: `bench-${i}` });
      direct.push(performance.now() - t0);
      t0 = performance.now();
      await sendViaOutbox(api, ctx.paths, { kind: 'enrollment', path: '/v1/enrollments', body: body(`OUT${String(i).padStart(5, '0')}`), serials: [] });
      viaOutbox.push(performance.now() - t0);
    }
    for (let i = 0; i < n; i++) {
      await saveEntry(ctx.paths, buildEntry({ kind: 'enrollment', path: '/v1/enrollments', body: body(`PSH${String(i).padStart(5, '0')}`), serials: [] }, new Date()));
    }
    const t0 = performance.now();
    const outcomes = await pushOutbox(api, ctx.paths);
    const push = performance.now() - t0;
    if (outcomes.some((o) => o.state !== 'accepted')) throw new Error('push left entries behind');
    const d = median(direct);
    const o = median(viaOutbox);
    table(
      ['measure', 'median ms', 'baseline', 'ratio'],
      [
        ['enrollment via outbox', o.toFixed(2), `direct POST: ${d.toFixed(2)}`, (o / d).toFixed(2) + 'x'],
        [`outbox push, ${n} entries`, push.toFixed(1), `${(push / n).toFixed(2)} per entry`, ''],
      ],
    );
  } finally {
    await server.close();
    rmSync(home, { recursive: true, force: true });
  }
}
