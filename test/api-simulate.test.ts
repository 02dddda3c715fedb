// `eclub simulate` starts the reference e-Club API beside the devices; the demo enrolls into it.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, tempHome } from './helpers/cli.js';
import { enrollmentBody, PARTNER, PASSWORD, testCtx } from './helpers/api.js';
import { createApi } from '../src/enroll/api.js';
import { sendViaOutbox } from '../src/enroll/outbox.js';

const BIN = fileURLToPath(new URL('../bin/eclub.js', import.meta.url));

interface Listed {
  services: Array<{ name: string; url: string; partnerId: string }>;
}

describe('eclub simulate with the e-Club API', () => {
  it('prints the API URL; login, enrollment and approval work against it; SIGINT stops both', async () => {
    const home = tempHome();
    const child = spawn(process.execPath, [BIN, 'simulate', '--profile', 'irc2550i', '--api-approve-after', '0', '--json'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ECLUB_HOME: home.dir, ECLUB_LANG: 'en' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let stdout = '';
    const listed = await new Promise<Listed>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        stdout += d;
        if (stdout.endsWith('\n}\n')) resolve(JSON.parse(stdout) as Listed);
      });
      void exited.then(() => reject(new Error('simulate exited early')));
    });
    try {
      const api = listed.services.find((s) => s.name === 'e-club-api')!;
      expect(api).toMatchObject({ partnerId: PARTNER, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
      expect(stdout).not.toContain(PASSWORD);
      const pw = join(home.dir, 'pw');
      writeFileSync(pw, PASSWORD);
      const env = { ECLUB_HOME: home.dir, ECLUB_ENDPOINT: api.url };
      expect((await runCli(['login', '--partner-id', PARTNER, '--password-file', pw], { env })).code).toBe(0);
      const ctx = testCtx(env);
      const o = await sendViaOutbox(await createApi(ctx, {}), ctx.paths, { kind: 'enrollment', path: '/v1/enrollments', body: enrollmentBody(), serials: ['DCQ12345'] });
      expect(o.state).toBe('accepted');
      const status = await runCli(['status', (o.response as { id: string }).id], { env });
      expect(status.stdout).toContain(': approved');
    } finally {
      child.kill('SIGINT');
      home.cleanup();
    }
    expect(await exited).toBe(0);
  });

  it('--no-api leaves it out', async () => {
    const child = spawn(process.execPath, [BIN, 'simulate', '--profile', 'irc2550i', '--no-api', '--json'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ECLUB_LANG: 'en' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let stdout = '';
    const listed = await new Promise<Listed>((resolve) =>
      child.stdout.on('data', (d) => {
        stdout += d;
        if (stdout.endsWith('\n}\n')) resolve(JSON.parse(stdout) as Listed);
      }),
    );
    child.kill('SIGINT');
    expect(listed.services).toEqual([]);
    expect(await exited).toBe(0);
  });

  it('a bad --api-approve-after exits 2 naming it', async () => {
    const bad = await runCli(['simulate', '--api-approve-after', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--api-approve-after');
  });
});
