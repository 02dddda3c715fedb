// eclub enroll end to end: devices recorded by setup, the reference e-Club server on
// loopback, the form sent once through the outbox; the records get the enrollment id.
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDeviceRecord, saveDeviceRecord } from '../src/store/devices.js';
import { scriptedPrompter } from '../src/ui/prompt.js';
import { runCli } from './helpers/cli.js';
import { enrollmentCount, startFixture, type ApiFixture } from './helpers/api.js';
import { deviceRecord } from './helpers/forms.js';

let fx: ApiFixture | undefined;
afterEach(async () => {
  await fx?.cleanup();
  fx = undefined;
});

async function fixture(o: Parameters<typeof startFixture>[0] = {}): Promise<ApiFixture> {
  fx = await startFixture(o);
  for (const n of [1, 2]) await saveDeviceRecord(join(fx.home, 'devices'), deviceRecord(n));
  return fx;
}

const CUSTOMER = ['--company', '가나다무역 (주)', '--department', '총무부', '--email', 'abcde@hanmail.net', '--phone', '(02) 712 - 1234', '--signatory', '홍길동'];
const PARTNER = ['--partner', '민국종합사무기', '--engineer', '이순신', '--partner-phone', '(02) 3450 - 0700'];
const ARGS = ['enroll', ...CUSTOMER, ...PARTNER, '--device', 'DCQ12341', '--device', 'DCQ12342', '--consent'];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const outboxFiles = (f: ApiFixture) => {
  try {
    return readdirSync(join(f.home, 'outbox')).filter((n) => n.endsWith('.json'));
  } catch {
    return []; // no outbox folder yet: nothing queued
  }
};

describe('eclub enroll against the reference server', () => {
  it.each([
    ['en', /accepted by e-Club: enrollment E-\S+ \(/],
    ['ko', /e-Club 접수 완료: 가입 신청 E-\S+ \(/],
  ] as const)('is accepted (exit 0), once; both records get the enrollment id (%s)', async (lang, accepted) => {
    const f = await fixture();
    const r = await runCli(['--lang', lang, ...ARGS, '--yes'], { env: f.env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(accepted);
    expect(enrollmentCount(f.server)).toBe(1);
    const [enrollment] = Object.values(f.server.state().enrollments) as Array<{ id: string; body: any }>;
    expect(enrollment!.body.customer.phone).toBe('02-712-1234');
    for (const key of ['DCQ12341', 'DCQ12342']) {
      expect((await loadDeviceRecord(join(f.home, 'devices'), key))?.enrollment?.id).toBe(enrollment!.id);
    }
    expect(outboxFiles(f)).toEqual([]);
  });

  it.each([
    ['en', 'rejected', 'devices[0].serial'],
    ['ko', '거부', 'devices[0].serial'],
  ] as const)('the same form twice is no duplicate: 409 already_enrolled, exit 5, shown by field (%s)', async (lang, word, field) => {
    const f = await fixture();
    expect((await runCli([...ARGS, '--yes'], { env: f.env })).code).toBe(0);
    const r = await runCli(['--lang', lang, ...ARGS, '--yes'], { env: f.env });
    expect(r.code).toBe(5);
    expect(r.stdout).toContain(word);
    expect(r.stdout).toContain('already_enrolled');
    expect(r.stdout).toContain(field);
    // The records knew: a warning before sending.
    expect(r.stderr).toMatch(lang === 'en' ? /DCQ12341 is already enrolled \(E-\S+, pending \(waiting for headquarters\)\)/ : /DCQ12341은\(는\) 이미 가입되어 있습니다/);
    expect(enrollmentCount(f.server)).toBe(1);
  });

  it('--json: form, validation, request, outcome with the server answer; no token anywhere', async () => {
    const f = await fixture();
    const r = await runCli(['--json', ...ARGS, '--yes'], { env: f.env });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.validation.ok).toBe(true);
    expect(out.form.devices.map((d: any) => d.serial)).toEqual(['DCQ12341', 'DCQ12342']);
    expect(out.outcome).toMatchObject({ state: 'accepted', exitCode: 0, httpStatus: 201, response: { id: expect.stringMatching(/^E-/), status: 'pending' } });
    expect(out.attachment).toBeNull();
    const token = JSON.parse(readFileSync(join(f.home, 'token.json'), 'utf8')).token as string;
    expect(r.stdout + r.stderr).not.toContain(token);

    const again = await runCli(['--json', ...ARGS, '--yes'], { env: f.env });
    expect(again.code).toBe(5);
    expect(JSON.parse(again.stdout).outcome).toMatchObject({
      state: 'rejected', exitCode: 5, httpStatus: 409, error: { code: 'already_enrolled', fields: [{ path: 'devices[0].serial', message: expect.stringContaining('DCQ12341') }, { path: 'devices[1].serial', message: expect.stringContaining('DCQ12342') }] },
    });
  });

  it('the server down: kept in the outbox (exit 4); outbox push sends it once', async () => {
    const f = await fixture({ faults: { unavailable: { count: 10, retryAfterSec: 0 } } });
    const r = await runCli([...ARGS, '--yes'], { env: f.env });
    expect(r.code).toBe(4);
    expect(outboxFiles(f)).toHaveLength(1);
    expect(enrollmentCount(f.server)).toBe(0);
    f.server.setFaults({ unavailable: { count: 0 } });
    expect((await runCli(['outbox', 'push'], { env: f.env })).code).toBe(0);
    expect(enrollmentCount(f.server)).toBe(1);
    expect((await loadDeviceRecord(join(f.home, 'devices'), 'DCQ12341'))?.enrollment?.id).toMatch(/^E-/);
  });

  it('an invalid form reaches no server: exit 2, nothing queued', async () => {
    const f = await fixture();
    const r = await runCli([...ARGS, '--yes', '--email', 'abcde@hanmail', '--join-date', '2010-02-30'], { env: f.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('customer.email "abcde@hanmail"');
    expect(r.stderr).toContain('joinDate "2010-02-30"');
    expect(enrollmentCount(f.server)).toBe(0);
    expect(outboxFiles(f)).toEqual([]);
  });

  it('--attach uploads the signed scan after acceptance', async () => {
    const f = await fixture();
    const scan = join(f.home, 'signed.pdf');
    writeFileSync(scan, PDF);
    const r = await runCli(['--json', ...ARGS, '--yes', '--attach', scan], { env: f.env });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.attachment).toMatchObject({ state: 'accepted', response: { sha256: out.attachment.outbox.file.sha256 } });
    expect(Object.values(f.server.state().attachments)).toMatchObject([{ enrollmentId: out.outcome.response.id, size: PDF.length }]);
  });

  it('--attach with a file that is no scan is refused before the form goes (exit 2)', async () => {
    const f = await fixture();
    const scan = join(f.home, 'signed.pdf');
    writeFileSync(scan, 'not a pdf');
    const r = await runCli([...ARGS, '--yes', '--attach', scan], { env: f.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a PDF, JPEG or PNG by its content');
    expect(enrollmentCount(f.server)).toBe(0);
  });

  it('interactive: summary, "submit?" yes, accepted', async () => {
    const f = await fixture();
    const prompter = scriptedPrompter([{ confirm: true }]);
    const r = await runCli(ARGS, { env: f.env, prompter });
    expect(r.code, r.stderr).toBe(0);
    expect(prompter.asked).toEqual(['Submit this form with 2 device(s) to e-Club?']);
    expect(r.stderr).toContain('customer: 가나다무역 (주) / 총무부 / 홍길동 / abcde@hanmail.net / 02-712-1234');
    expect(r.stderr).toContain('1. IRC2550I DCQ12341  ip 101.1.49.231');
    expect(enrollmentCount(f.server)).toBe(1);
  });

  it('interactive: "submit?" no sends nothing (exit 130)', async () => {
    const f = await fixture();
    const r = await runCli(ARGS, { env: f.env, prompter: scriptedPrompter([{ confirm: false }]) });
    expect(r.code).toBe(130);
    expect(enrollmentCount(f.server)).toBe(0);
    expect(outboxFiles(f)).toEqual([]);
  });
});
