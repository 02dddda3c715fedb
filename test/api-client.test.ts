// The client and outbox against the real reference server on loopback, through each fault.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, spawnCli } from './helpers/cli.js';
import { enrollmentBody, enrollmentCount, PARTNER, PASSWORD, startFixture, testCtx, type ApiFixture } from './helpers/api.js';
import { createApi } from '../src/enroll/api.js';
import { exitCodeFor, listOutbox, sendViaOutbox } from '../src/enroll/outbox.js';
import { printSendOutcome } from '../src/enroll/report.js';

let fx: ApiFixture | undefined;
afterEach(async () => {
  await fx?.cleanup();
  fx = undefined;
});

/** Submit an enrollment the way `eclub enroll` does: through the outbox. */
async function enroll(env: Record<string, string>, body = enrollmentBody(), json = false) {
  const ctx = testCtx(env, { json });
  const api = await createApi(ctx, {});
  const outcome = await sendViaOutbox(api, ctx.paths, { kind: 'enrollment', path: '/v1/enrollments', body, serials: ['DCQ12345'] });
  const code = printSendOutcome(ctx, outcome);
  return { outcome, code, stdout: ctx.stdout.join(''), stderr: ctx.stderr.join('') };
}

describe('eclub login', () => {
  it('logs in, keeps only the token, mode 0600', async () => {
    fx = await startFixture({}, false);
    const r = await runCli(['login', '--partner-id', PARTNER, '--password-file', fx.passwordFile], { env: fx.env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`logged in as ${PARTNER}`);
    const tokenFile = join(fx.home, 'token.json');
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(tokenFile, 'utf8')).not.toContain(PASSWORD);
  });

  it.each([
    ['en', 'login refused for P-000123'],
    ['ko', 'P-000123 로그인이 거부되었습니다'],
  ])('a wrong password exits 7 (%s)', async (lang, text) => {
    fx = await startFixture({}, false);
    const bad = join(fx.home, 'bad.txt');
    writeFileSync(bad, 'not-the-password\n');
    const r = await runCli(['--lang', lang, 'login', '--partner-id', PARTNER, '--password-file', bad], { env: fx.env });
    expect(r.code).toBe(7);
    expect(r.stderr).toContain(text);
  });

  it.each([
    ['en', '', 'invalid --partner-id ""', 'like P-000123'],
    ['ko', '   ', '--partner-id 값 "   "', 'P-000123 같은'],
  ])('an empty partner ID is a usage error, exit 2, nothing sent (%s)', async (lang, id, named, allowed) => {
    fx = await startFixture({}, false);
    const r = await runCli(['--lang', lang, 'login', '--partner-id', id, '--password-file', fx.passwordFile], { env: fx.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(named);
    expect(r.stderr).toContain(allowed);
    expect(Object.keys(fx.server.state().sessions)).toEqual([]);
  });

  it('trims a pasted partner ID', async () => {
    fx = await startFixture({}, false);
    const r = await runCli(['login', '--partner-id', ` ${PARTNER} `, '--password-file', fx.passwordFile], { env: fx.env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`logged in as ${PARTNER} `);
  });

  it('reads the password from a hidden prompt when there is a terminal', async () => {
    fx = await startFixture({}, false);
    const { scriptedPrompter } = await import('../src/ui/prompt.js');
    const prompter = scriptedPrompter([{ password: PASSWORD }]);
    const r = await runCli(['login', '--partner-id', PARTNER], { env: fx.env, prompter, tty: true });
    expect(r.code).toBe(0);
    expect(prompter.asked).toEqual([`e-Club password for ${PARTNER}`]);
  });

  it('reads the password from stdin when it is piped (a real process)', async () => {
    fx = await startFixture({}, false);
    const r = await spawnCli(['login', '--partner-id', PARTNER], { env: fx.env, input: `${PASSWORD}\n` });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
    const empty = await spawnCli(['login', '--partner-id', PARTNER], { env: fx.env, input: '' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--password-file');
  });

  it('logout removes the token', async () => {
    fx = await startFixture();
    const r = await runCli(['logout'], { env: fx.env });
    expect(r.code).toBe(0);
    expect(() => statSync(join(fx!.home, 'token.json'))).toThrow();
    expect((await runCli(['logout'], { env: fx.env })).stdout).toContain('not logged in');
  });

  it.each([
    ['http://192.0.2.10:8080', 'login'],
    ['http://example.com', 'status'],
  ])('refuses plain http to %s before any socket, exit 2 naming --endpoint', async (endpoint, cmd) => {
    fx = await startFixture({}, false);
    const argv = cmd === 'login' ? ['login', '--partner-id', PARTNER, '--password-file', fx.passwordFile] : ['status', 'DCQ12345'];
    const r = await runCli([...argv, '--endpoint', endpoint], { env: fx.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--endpoint');
    expect(r.stderr).toContain('http:// only to 127.0.0.1');
  });
});

describe('enrollment through the outbox', () => {
  it('is accepted: exit 0, outbox empty, the answer kept in the device record', async () => {
    fx = await startFixture();
    const r = await enroll(fx.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/accepted by e-Club: enrollment E-\d{4}-000001 \(pending/);
    expect((await listOutbox(testCtx(fx.env).paths)).entries).toEqual([]);
    expect(enrollmentCount(fx.server)).toBe(1);
  });

  it('503 with Retry-After, then success: one enrollment on the server', async () => {
    fx = await startFixture({ faults: { unavailable: { count: 1, retryAfterSec: 1 } } });
    const r = await enroll(fx.env);
    expect(r.code).toBe(0);
    expect(enrollmentCount(fx.server)).toBe(1);
  });

  it('a Retry-After beyond the wait cap is honoured by giving up: queued, exit 4', async () => {
    fx = await startFixture({ faults: { unavailable: { count: 1, retryAfterSec: 60 } } });
    const r = await enroll(fx.env);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('saved in the outbox');
    expect(r.stdout).toContain('HTTP 503');
    expect(enrollmentCount(fx.server)).toBe(0);
  });

  it('slow answers past the timeout: queued (exit 4), then outbox push → exactly one enrollment', async () => {
    fx = await startFixture({ faults: { slow: { count: 2, delayMs: 1500 } } });
    const env = { ...fx.env, ECLUB_HTTP_TIMEOUT_MS: '300', ECLUB_RETRY_MAX: '2' };
    const r = await enroll(env);
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/ETIMEDOUT|ECONNABORTED/);
    const list = await runCli(['outbox'], { env });
    expect(list.stdout).toMatch(/waiting\s+enrollment\s+DCQ12345/);
    expect(list.stdout).toContain('attempts 1');
    const push = await runCli(['outbox', 'push'], { env });
    expect(push.code).toBe(0);
    expect(push.stdout).toContain('1 accepted, 0 still waiting, 0 rejected');
    expect(enrollmentCount(fx.server)).toBe(1);
  });

  it('a connection dropped mid-answer is retried with the same key: one enrollment', async () => {
    fx = await startFixture({ faults: { drop: { count: 1 } } });
    const r = await enroll(fx.env);
    expect(r.code).toBe(0);
    expect(enrollmentCount(fx.server)).toBe(1);
  });

  it('dropped every time: queued, then push → one enrollment (the server replays)', async () => {
    fx = await startFixture({ faults: { drop: { count: 3 } } });
    const r = await enroll(fx.env, enrollmentBody(), true);
    expect(r.code).toBe(4);
    const json = JSON.parse(r.stdout) as { state: string; outbox: { attempts: number } };
    expect(json).toMatchObject({ state: 'queued', outbox: { attempts: 1 } });
    expect(enrollmentCount(fx.server)).toBe(1);
    const push = await runCli(['--json', 'outbox', 'push'], { env: fx.env });
    expect(push.code).toBe(0);
    expect(JSON.parse(push.stdout)).toMatchObject({ summary: { accepted: 1, queued: 0, rejected: 0 }, outcomes: [{ httpStatus: 200 }] });
    expect(enrollmentCount(fx.server)).toBe(1);
  });

  it('422 is shown by field and not retried: exit 5, kept in the outbox as rejected', async () => {
    fx = await startFixture();
    const body = enrollmentBody();
    (body.devices as Record<string, unknown>[])[0]!.gateway = '11.22.22.55';
    (body.devices as Record<string, unknown>[])[0]!.mac = '012346CW69A5';
    const r = await enroll(fx.env, body);
    expect(r.code).toBe(5);
    expect(r.stdout).toContain('devices[0].gateway');
    expect(r.stdout).toContain('devices[0].mac');
    expect(r.outcome.entry.attempts).toBe(1);
    const list = await runCli(['outbox'], { env: fx.env });
    expect(list.stdout).toContain('REJECTED');
    const push = await runCli(['outbox', 'push'], { env: fx.env });
    expect(push.code).toBe(5);
  });

  it('409 already_enrolled: exit 5 with the field, in Korean too', async () => {
    fx = await startFixture();
    expect((await enroll(fx.env)).code).toBe(0);
    const r = await enroll({ ...fx.env, ECLUB_LANG: 'ko' });
    expect(r.code).toBe(5);
    expect(r.outcome.httpStatus).toBe(409);
    expect(r.stdout).toContain('devices[0].serial');
    const ko = testCtx({ ...fx.env }, {});
    ko.t = (await import('../src/ui/i18n.js')).messagesFor('ko');
    printSendOutcome(ko, r.outcome);
    expect(ko.stdout.join('')).toContain('이미 e-Club에 가입되어 있습니다');
    expect(exitCodeFor(r.outcome)).toBe(5);
  });

  it('401 token_expired: one re-login with the password file, then success', async () => {
    fx = await startFixture();
    fx.server.setFaults({ expireTokens: true });
    const before = readFileSync(join(fx.home, 'token.json'), 'utf8');
    const r = await enroll({ ...fx.env, ECLUB_PASSWORD_FILE: fx.passwordFile });
    expect(r.code).toBe(0);
    expect(readFileSync(join(fx.home, 'token.json'), 'utf8')).not.toBe(before);
    expect(enrollmentCount(fx.server)).toBe(1);
  });

  it('401 with no way to get the password: exit 7 naming eclub login, the request kept', async () => {
    fx = await startFixture();
    fx.server.setFaults({ expireTokens: true });
    const r = await runCli(['withdraw', 'DCQ12345', '--reason', 'contract-ended'], { env: fx.env });
    expect(r.code).toBe(7);
    expect(r.stderr).toContain('eclub login');
    expect((await runCli(['outbox'], { env: fx.env })).stdout).toContain('withdrawal');
  });
});
