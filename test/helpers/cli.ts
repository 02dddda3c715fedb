// Run the CLI the way a user would: in-process through run() (fast, injectable
// prompter), or as a real child process through bin/eclub.js (exit codes, signals).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli.js';
import type { Prompter } from '../../src/ui/prompt.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A throwaway ECLUB_HOME; call cleanup() in afterEach/afterAll. */
export function tempHome(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'eclub-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

class Capture {
  text = '';
  isTTY: boolean;
  constructor(tty: boolean) {
    this.isTTY = tty;
  }
  write(s: string) {
    this.text += s;
    return true;
  }
}

export async function runCli(
  argv: string[],
  o: { env?: Record<string, string | undefined>; prompter?: Prompter; tty?: boolean; now?: Date } = {},
): Promise<CliResult> {
  const stdout = new Capture(false);
  const stderr = new Capture(Boolean(o.tty));
  const stdin = Object.assign(new PassThrough(), { isTTY: Boolean(o.tty) });
  const code = await run(argv, {
    stdout,
    stderr,
    stdin,
    env: { ECLUB_LANG: 'en', ...o.env },
    cwd: process.cwd(),
    now: () => o.now ?? new Date(),
    prompter: o.prompter,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const BIN = fileURLToPath(new URL('../../bin/eclub.js', import.meta.url));

/** Spawn the built CLI (npm test builds first). Input, if given, is piped to stdin. */
export function spawnCli(
  argv: string[],
  o: { env?: Record<string, string | undefined>; input?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ECLUB_LANG: 'en', ...o.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 15_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr });
    });
    child.stdin.end(o.input ?? '');
  });
}
