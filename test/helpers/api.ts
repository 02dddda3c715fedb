// A reference e-Club server on loopback port 0, a throwaway ECLUB_HOME logged in to it,
// and a Ctx for calling the client in-process (what `eclub enroll` does).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createCtx, finishCtx, type Ctx } from '../../src/context.js';
import { en } from '../../src/ui/i18n.js';
import { DEMO_PARTNER, startApiServer, type ApiServer, type ApiServerOptions } from '../../src/sim/api-server.js';
import { runCli } from './cli.js';

export const PASSWORD = DEMO_PARTNER.password;
export const PARTNER = DEMO_PARTNER.id;

/** A valid enrollment body (the manual's example, with its gateway and MAC corrected). */
export function enrollmentBody(serial = 'DCQ12345'): Record<string, unknown> {
  return {
    joinDate: '2010-07-15',
    customer: { company: '가나다무역 (주)', department: '총무부', email: 'abcde@hanmail.net', phone: '02-712-1234', signatory: '홍길동' },
    partner: { name: '민국종합사무기', engineer: '이순신', phone: '02-3450-0700' },
    consent: { statusCollection: true, privacy: true },
    devices: [
      { productName: 'IRC2550I', serial, ip: '101.1.49.233', subnet: '255.255.255.0', gateway: '101.1.49.55', mac: '000085BA57A6' },
    ],
  };
}

export interface ApiFixture {
  server: ApiServer;
  home: string;
  passwordFile: string;
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

/** Small timeouts and backoff so faults resolve quickly; override per test through env. */
export async function startFixture(o: ApiServerOptions = {}, login = true): Promise<ApiFixture> {
  const home = mkdtempSync(join(tmpdir(), 'eclub-api-home-'));
  const serverDir = mkdtempSync(join(tmpdir(), 'eclub-api-server-'));
  const { faults, ...rest } = o;
  const server = await startApiServer({ dataFile: join(serverDir, 'state.json'), autoApproveMs: null, ...rest });
  const passwordFile = join(serverDir, 'password.txt');
  writeFileSync(passwordFile, PASSWORD + '\n');
  const env = {
    ECLUB_HOME: home,
    ECLUB_ENDPOINT: server.url,
    ECLUB_HTTP_TIMEOUT_MS: '2000',
    ECLUB_RETRY_MAX: '3',
    ECLUB_RETRY_BASE_MS: '10',
    ECLUB_RETRY_MAX_WAIT_MS: '3000',
  };
  if (login) {
    const r = await runCli(['login', '--partner-id', PARTNER, '--password-file', passwordFile], { env });
    if (r.code !== 0) throw new Error(`fixture login failed: ${r.stderr}`);
  }
  // Faults start after the fixture's own login, so they hit the call under test.
  if (faults) server.setFaults(faults);
  return {
    server,
    home,
    passwordFile,
    env,
    cleanup: async () => {
      await server.close();
      rmSync(home, { recursive: true, force: true });
      rmSync(serverDir, { recursive: true, force: true });
    },
  };
}

/** A Ctx like the CLI builds, with no terminal: what a command's core receives. */
export function testCtx(env: Record<string, string | undefined>, o: { json?: boolean } = {}): Ctx & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const ctx = createCtx(
    {
      stdout: { write: (s: string) => stdout.push(s) },
      stderr: { write: (s: string) => stderr.push(s) },
      stdin: Object.assign(new PassThrough(), { isTTY: false }),
      env: { ECLUB_LANG: 'en', ...env },
      cwd: process.cwd(),
      now: () => new Date(),
    },
    'en',
    false,
    en,
  );
  finishCtx(ctx, { json: o.json ?? false, input: false });
  return Object.assign(ctx, { stdout, stderr });
}

export function enrollmentCount(server: ApiServer): number {
  return Object.keys(server.state().enrollments).length;
}
