import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from './helpers/cli.js';

describe('eclub (the program)', () => {
  it('prints help with every command and the exit codes, exit 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['setup', 'devices', 'diagnose', 'enroll', 'simulate', 'discover']) expect(r.stdout).toContain(cmd);
    expect(r.stdout).toContain('Exit codes');
    expect(r.stdout).toContain('130  cancelled');
  });

  it('writes help in Korean with --lang ko', async () => {
    const r = await runCli(['--lang', 'ko', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('종료 코드');
  });

  it('picks Korean from ECLUB_LANG and LANG', async () => {
    expect((await runCli(['--help'], { env: { ECLUB_LANG: 'ko' } })).stdout).toContain('종료 코드');
    expect((await runCli(['--help'], { env: { ECLUB_LANG: undefined, LANG: 'ko_KR.UTF-8' } })).stdout).toContain('종료 코드');
  });

  it('rejects an unknown language with exit 2, naming --lang', async () => {
    const r = await runCli(['--lang', 'fr', '--help']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang');
    expect(r.stderr).toContain('ko, en');
  });

  it('answers an unknown option with exit 2 and a hint, no stack trace', async () => {
    const r = await runCli(['--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--bogus');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('runs as a real process through bin/eclub.js', async () => {
    const r = await spawnCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
