// A real process killed (SIGKILL) between send and answer: the request is already in the
// outbox with its key, so `outbox push` replays it and the server keeps exactly one.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './helpers/cli.js';
import { enrollmentBody, enrollmentCount, startFixture, type ApiFixture } from './helpers/api.js';

let fx: ApiFixture | undefined;
afterEach(async () => {
  await fx?.cleanup();
  fx = undefined;
});

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

/** The child does what `eclub enroll` does: build a ctx, createApi, sendViaOutbox. */
const CHILD = `
import { createCtx, finishCtx } from '${DIST}context.js';
import { en } from '${DIST}ui/i18n.js';
import { createApi } from '${DIST}enroll/api.js';
import { sendViaOutbox } from '${DIST}enroll/outbox.js';
const ctx = createCtx({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd(), now: () => new Date() }, 'en', false, en);
finishCtx(ctx, { input: false });
const api = await createApi(ctx, {});
const body = JSON.parse(process.env.BODY);
const o = await sendViaOutbox(api, ctx.paths, { kind: 'enrollment', path: '/v1/enrollments', body, serials: ['DCQ12345'] });
console.log(o.state);
`;

describe('a crash between send and answer', () => {
  it('SIGKILL while the server holds the answer, then outbox push → exactly one enrollment', async () => {
    let onHandled: () => void = () => {};
    const handled = new Promise<void>((resolve) => (onHandled = resolve));
    // The server acts on the request, tells us (onEvent), then sits on the answer for 10 s.
    fx = await startFixture({
      faults: { slow: { count: 1, delayMs: 10_000 } },
      onEvent: (e) => {
        if (e.path === '/v1/enrollments' && e.status === 201) onHandled();
      },
    });
    const script = join(fx.home, 'child.mjs');
    writeFileSync(script, CHILD);
    const child = spawn(process.execPath, [script], {
      env: { PATH: process.env.PATH, ...fx.env, BODY: JSON.stringify(enrollmentBody()) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let childOut = '';
    child.stdout.on('data', (d) => (childOut += d));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await handled;
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(childOut).toBe('');
    expect(enrollmentCount(fx.server)).toBe(1);

    const list = await runCli(['--json', 'outbox'], { env: fx.env });
    const entries = (JSON.parse(list.stdout) as { entries: { kind: string; attempts: number }[] }).entries;
    expect(entries).toMatchObject([{ kind: 'enrollment', attempts: 0 }]);

    const push = await runCli(['outbox', 'push'], { env: fx.env });
    expect(push.code).toBe(0);
    expect(push.stdout).toContain('1 accepted');
    expect(enrollmentCount(fx.server)).toBe(1);
    expect((await runCli(['outbox'], { env: fx.env })).stdout).toContain('the outbox is empty');
  });
});
