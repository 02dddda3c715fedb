// attach, status, move, withdraw, outbox drop, config — end to end against the server.
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';
import { enrollmentBody, PARTNER, PASSWORD, startFixture, testCtx, type ApiFixture } from './helpers/api.js';
import { createApi } from '../src/enroll/api.js';
import { sendViaOutbox } from '../src/enroll/outbox.js';
import { saveDeviceRecord } from '../src/store/devices.js';
import type { DeviceRecord } from '../src/types.js';

let fx: ApiFixture | undefined;
afterEach(async () => {
  await fx?.cleanup();
  fx = undefined;
});

async function enrolled(approve = true): Promise<{ fx: ApiFixture; id: string }> {
  fx = await startFixture();
  const ctx = testCtx(fx.env);
  const o = await sendViaOutbox(await createApi(ctx, {}), ctx.paths, {
    kind: 'enrollment',
    path: '/v1/enrollments',
    body: enrollmentBody(),
    serials: ['DCQ12345'],
  });
  if (approve) await fx.server.approveAll();
  return { fx, id: (o.response as { id: string }).id };
}

/** A device record as setup leaves it, reduced to what the outbox touches. */
function bareRecord(): DeviceRecord {
  const at = new Date().toISOString();
  return { schema: 1, key: 'DCQ12345', device: { serial: 'DCQ12345' }, checks: [], steps: [], answers: { dns: null, gateway: null, comTest: null }, createdAt: at, updatedAt: at } as unknown as DeviceRecord;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

describe('eclub attach', () => {
  it.each([
    ['scan.pdf', PDF],
    ['scan.png', PNG],
  ])('uploads %s; the server sha256 matches; exit 0', async (name, bytes) => {
    const { fx, id } = await enrolled();
    const file = join(fx.home, name);
    writeFileSync(file, bytes);
    const r = await runCli(['--json', 'attach', id, file], { env: fx.env });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { state: string; outbox: { file: { sha256: string } }; response: { sha256: string } };
    expect(json.state).toBe('accepted');
    expect(json.response.sha256).toBe(json.outbox.file.sha256);
    expect(Object.values(fx.server.state().attachments)).toMatchObject([{ enrollmentId: id, size: bytes.length }]);
  });

  it.each([
    ['a text file named .pdf', 'fake.pdf', Buffer.from('just text, not a PDF'), 'is not a PDF, JPEG or PNG by its content'],
    ['an empty file', 'empty.png', Buffer.alloc(0), 'is empty'],
    ['a file over 10 MiB', 'big.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), 'the e-Club limit is 10 MiB'],
  ])('refuses %s before sending: exit 2', async (_what, name, bytes, text) => {
    const { fx, id } = await enrolled();
    const file = join(fx.home, name);
    writeFileSync(file, bytes);
    const r = await runCli(['attach', id, file], { env: fx.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(text);
    expect(fx.server.state().attachments).toEqual({});
    expect((await runCli(['outbox'], { env: fx.env })).stdout).toContain('empty');
  });

  it('a sha256 mismatch keeps the scan in the outbox (exit 4); push uploads it again', async () => {
    const { fx, id } = await enrolled();
    const file = join(fx.home, 'scan.pdf');
    writeFileSync(file, PDF);
    fx.server.setFaults({ badSha256: { count: 1 } });
    const r = await runCli(['attach', id, file], { env: fx.env });
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('sha256_mismatch');
    expect((await runCli(['outbox'], { env: fx.env })).stdout).toContain('sha256_mismatch');
    const push = await runCli(['outbox', 'push'], { env: fx.env });
    expect(push.code).toBe(0);
    expect(Object.keys(fx.server.state().attachments)).toHaveLength(2);
  });
});

describe('eclub status', () => {
  it.each([
    ['en', 'approved', 'DCQ12345: active'],
    ['ko', '승인', 'DCQ12345: 사용 중'],
  ])('shows an enrollment and its devices (%s)', async (lang, status, device) => {
    const { fx, id } = await enrolled();
    const r = await runCli(['--lang', lang, 'status', id], { env: fx.env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${id}: ${status}`);
    expect(r.stdout).toContain(device);
  });

  it.each([
    ['en', 'IP 101.1.49.233  subnet 255.255.255.0  gateway 101.1.49.55  MAC 000085BA57A6', /[가-힣]/],
    ['ko', 'IP주소 101.1.49.233  서브넷 255.255.255.0  게이트웨이 101.1.49.55  MAC 어드레스 000085BA57A6', /subnet|gateway/],
  ])('shows a device\'s addresses in the user language (%s)', async (lang, line, otherLanguage) => {
    const { fx } = await enrolled();
    const r = await runCli(['--lang', lang, 'status', 'DCQ12345'], { env: fx.env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(line);
    expect(r.stdout.split('\n')[1]).not.toMatch(otherLanguage);
  });

  it('shows a device by serial, as JSON too; an unknown serial exits 5', async () => {
    const { fx, id } = await enrolled(false);
    const r = await runCli(['--json', 'status', 'dcq12345'], { env: fx.env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'device', device: { serial: 'DCQ12345', status: 'pending', enrollmentId: id, ip: '101.1.49.233' } });
    const missing = await runCli(['status', 'XTK01222'], { env: fx.env });
    expect(missing.code).toBe(5);
    expect(missing.stderr).toContain('404 not_found');
  });
});

describe('eclub move and withdraw', () => {
  it('move: accepted, device relocation-pending, then active at the new address after approval; kept in the record', async () => {
    const { fx } = await enrolled();
    const ctx = testCtx(fx.env);
    await saveDeviceRecord(ctx.paths.devices, bareRecord());
    const r = await runCli(['move', 'DCQ12345', '--ip', '10.20.30.40', '--subnet', '255.255.255.0', '--gateway', '10.20.30.1', '--mac', '00:00:85:ba:57:a6', '--reason', '3층으로 이전'], { env: fx.env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/accepted by e-Club: move R-\d{4}-\d{6}/);
    expect(fx.server.state().devices.DCQ12345!.status).toBe('relocation-pending');
    await fx.server.approveAll();
    expect(fx.server.state().devices.DCQ12345).toMatchObject({ status: 'active', ip: '10.20.30.40', gateway: '10.20.30.1' });
    const record = JSON.parse(readFileSync(join(ctx.paths.devices, 'DCQ12345.json'), 'utf8')) as DeviceRecord;
    expect(record.events).toMatchObject([{ kind: 'relocation', detail: { status: 'pending' } }]);
  });

  it.each([
    ['en', 'gateway must be inside the device\'s subnet'],
    ['ko', '게이트웨이는 기기의 서브넷 안에 있어야 합니다'],
  ])('move with the manual\'s bad gateway and MAC: every problem at once, exit 2, nothing sent (%s)', async (lang, text) => {
    const { fx } = await enrolled();
    const r = await runCli(['--lang', lang, 'move', 'DCQ12345', '--ip', '10.1.2.3', '--subnet', '255.255.255.0', '--gateway', '11.22.22.55', '--mac', '012346CW69A5', '--dns', '168.126.63.1,999.1.1.1'], { env: fx.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(text);
    expect(r.stderr).toContain('--mac "012346CW69A5"');
    expect(r.stderr).toContain('--dns "999.1.1.1"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fx.server.state().requests).toEqual({});
  });

  it('withdraw: accepted, then withdrawn; a second withdrawal is rejected (409 not_active, exit 5)', async () => {
    const { fx } = await enrolled();
    const r = await runCli(['withdraw', 'DCQ12345', '--reason', 'contract-ended', '--date', '2026-12-31', '--note', '계약 만료'], { env: fx.env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/withdrawal W-\d{4}-\d{6}/);
    await fx.server.approveAll();
    expect(fx.server.state().devices.DCQ12345!.status).toBe('withdrawn');
    const again = await runCli(['withdraw', 'DCQ12345', '--reason', 'contract-ended'], { env: fx.env });
    expect(again.code).toBe(5);
    expect(again.stdout).toContain('not active');
    // The rejected request stays in the outbox; a later push says it was refused before,
    // without sending it again — true even with the server down.
    fx.server.setFaults({ unavailable: { count: 10, retryAfterSec: 0 } });
    const push = await runCli(['outbox', 'push'], { env: fx.env });
    expect(push.code).toBe(5);
    expect(push.stdout).toContain('rejected earlier by e-Club, not sent again');
    const ko = await runCli(['--lang', 'ko', 'outbox', 'push'], { env: fx.env });
    expect(ko.stdout).toContain('이전에 e-Club이 거부한 요청이라 다시 보내지 않음');
  });

  it('withdraw with a bad reason and date: both named, exit 2', async () => {
    const { fx } = await enrolled();
    const r = await runCli(['withdraw', 'DCQ12345', '--reason', 'moved-away', '--date', '2026-02-30'], { env: fx.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--reason "moved-away"');
    expect(r.stderr).toContain('--date "2026-02-30"');
  });

  it('queued while the server is down, then pushed; outbox drop discards on purpose', async () => {
    const { fx } = await enrolled();
    fx.server.setFaults({ unavailable: { count: 6, retryAfterSec: 0 } });
    const env = { ...fx.env, ECLUB_RETRY_MAX: '2' };
    const w = await runCli(['withdraw', 'DCQ12345', '--reason', 'device-retrieved'], { env });
    expect(w.code).toBe(4);
    const m = await runCli(['--json', 'move', 'DCQ12345', '--ip', '10.1.2.3', '--subnet', '255.255.255.0', '--gateway', '10.1.2.1'], { env });
    expect(m.code).toBe(4);
    const moveId = (JSON.parse(m.stdout) as { outbox: { id: string } }).outbox.id;
    const dropped = await runCli(['outbox', 'drop', moveId], { env });
    expect(dropped.code).toBe(0);
    expect((await runCli(['outbox', 'drop', moveId], { env })).code).toBe(2);
    fx.server.setFaults({ unavailable: { count: 0 } });
    const push = await runCli(['outbox', 'push'], { env });
    expect(push.code).toBe(0);
    expect(Object.values(fx.server.state().requests).map((q) => q.kind)).toEqual(['withdrawal']);
  });
});

describe('eclub config', () => {
  it('set, get, list, unset; bad values and keys exit 2; unknown keys in the file are warned about', async () => {
    fx = await startFixture({}, false);
    const env = { ECLUB_HOME: fx.home };
    expect((await runCli(['config', 'set', 'partner.name', '민국종합사무기'], { env })).code).toBe(0);
    expect((await runCli(['config', 'set', 'endpoint', 'https://eclub.example.kr/api'], { env })).code).toBe(0);
    expect((await runCli(['config', 'get', 'partner.name'], { env })).stdout).toBe('민국종합사무기\n');
    const list = await runCli(['--json', 'config', 'list'], { env });
    expect(JSON.parse(list.stdout)).toMatchObject({ settings: { endpoint: { value: 'https://eclub.example.kr/api', source: 'file' } } });
    expect((await runCli(['config', 'get', 'endpoint'], { env: { ...env, ECLUB_ENDPOINT: 'http://127.0.0.1:9' } })).stdout).toBe('http://127.0.0.1:9\n');
    const bad = await runCli(['config', 'set', 'endpoint', 'http://eclub.example.kr'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('endpoint');
    const unknown = await runCli(['config', 'set', 'colour', 'blue'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('partner.engineer');
    expect((await runCli(['config', 'set', 'retry.max', 'many'], { env })).code).toBe(2);
    const file = join(fx.home, 'config.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), colour: 'blue' }));
    const warned = await runCli(['config', 'list'], { env });
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain('unknown setting "colour"');
    expect((await runCli(['config', 'unset', 'partner.name'], { env })).code).toBe(0);
    expect((await runCli(['config', 'get', 'partner.name'], { env })).stdout).toBe('');
  });

  it('login takes the partner id and endpoint from config', async () => {
    fx = await startFixture({}, false);
    const env = { ECLUB_HOME: fx.home };
    await runCli(['config', 'set', 'partner.id', PARTNER], { env });
    await runCli(['config', 'set', 'endpoint', fx.server.url], { env });
    const r = await runCli(['login', '--password-file', fx.passwordFile], { env });
    expect(r.code).toBe(0);
  });
});

describe('secrets never reach output or files', () => {
  it('password and token are absent from stdout, stderr, the outbox and every file but the token file', async () => {
    fx = await startFixture({}, false);
    const env = fx.env;
    const runs = [
      await runCli(['--debug', 'login', '--partner-id', PARTNER, '--password-file', fx.passwordFile], { env }),
      await runCli(['--debug', '--json', 'login', '--partner-id', PARTNER, '--password-file', fx.passwordFile], { env }),
    ];
    const token = (JSON.parse(readFileSync(join(fx.home, 'token.json'), 'utf8')) as { token: string }).token;
    const ctx = testCtx(env);
    await saveDeviceRecord(ctx.paths.devices, bareRecord());
    await sendViaOutbox(await createApi(ctx, {}), ctx.paths, { kind: 'enrollment', path: '/v1/enrollments', body: enrollmentBody(), serials: ['DCQ12345'] });
    const record = JSON.parse(readFileSync(join(ctx.paths.devices, 'DCQ12345.json'), 'utf8')) as DeviceRecord;
    expect(record.enrollment).toMatchObject({ id: expect.stringMatching(/^E-\d{4}-000001$/), status: 'pending' });
    fx.server.setFaults({ unavailable: { count: 10, retryAfterSec: 0 }, expireTokens: true });
    const debugEnv = { ...env, ECLUB_RETRY_MAX: '2', ECLUB_PASSWORD_FILE: fx.passwordFile };
    runs.push(
      await runCli(['--debug', '--json', 'withdraw', 'DCQ12345', '--reason', 'contract-ended'], { env: debugEnv }),
      await runCli(['--debug', 'outbox'], { env: debugEnv }),
      await runCli(['--debug', '--json', 'outbox'], { env: debugEnv }),
      await runCli(['--debug', '--json', 'outbox', 'push'], { env: debugEnv }),
      await runCli(['--debug', '--json', 'status', 'DCQ12345'], { env: debugEnv }),
      await runCli(['--debug', 'config', 'list'], { env: debugEnv }),
    );
    fx.server.setFaults({ unavailable: { count: 0 } });
    runs.push(await runCli(['--debug', '--json', 'status', 'DCQ12345'], { env: debugEnv }));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 4, 0, 0, 4, 3, 0, 0]);
    expect(runs.some((r) => r.stderr.includes('→ POST /v1/sessions'))).toBe(true);
    const newToken = (JSON.parse(readFileSync(join(fx.home, 'token.json'), 'utf8')) as { token: string }).token;
    for (const r of runs) {
      for (const secret of [PASSWORD, token, newToken]) {
        expect(r.stdout).not.toContain(secret);
        expect(r.stderr).not.toContain(secret);
      }
    }
    const files = readdirSync(fx.home, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    expect(files.length).toBeGreaterThan(2);
    for (const f of files) {
      const path = join(f.parentPath, f.name);
      const text = readFileSync(path, 'utf8');
      expect(text).not.toContain(PASSWORD);
      if (f.name !== 'token.json') {
        expect(text).not.toContain(token);
        expect(text).not.toContain(newToken);
      }
      if (f.name === 'token.json' || path.includes('outbox')) expect(statSync(path).mode & 0o777).toBe(0o600);
    }
  });
});

describe('config lang', () => {
  it('eclub config set lang ko makes messages Korean; ECLUB_LANG still wins', async () => {
    fx = await startFixture({}, false);
    const env = { ECLUB_HOME: fx.home, ECLUB_LANG: undefined, LANG: 'en_US.UTF-8' };
    expect((await runCli(['config', 'set', 'lang', 'ko'], { env })).code).toBe(0);
    expect((await runCli(['outbox'], { env })).stdout).toContain('outbox가 비어 있습니다');
    expect((await runCli(['outbox'], { env: { ...env, ECLUB_LANG: 'en' } })).stdout).toContain('the outbox is empty');
  });
});
