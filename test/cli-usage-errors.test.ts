import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempHome } from './helpers/cli.js';
import { buildSuggestions } from '../src/ui/command.js';

// Commander's own usage errors must reach the user in the chosen language (they were
// English inside Korean output), exit 2, and as one JSON object with --json.
describe('usage errors found while parsing', () => {
  const cases: { argv: string[]; en: string[]; ko: string[] }[] = [
    { argv: ['attach'], en: ['missing required argument <enrollmentId>'], ko: ['필수 인수 <enrollmentId>'] },
    { argv: ['setup', '1.2.3.4', '5.6.7.8'], en: ['too many arguments for setup: expected 1, got 2'], ko: ['setup 명령의 인수가 너무 많습니다'] },
    { argv: ['setpu'], en: ['unknown command "setpu"', 'did you mean setup?'], ko: ['알 수 없는 명령 "setpu"', '혹시 setup'] },
    { argv: ['setup', '1.2.3.4', '--timout', '5'], en: ['unknown option --timout', 'did you mean --timeout?'], ko: ['알 수 없는 옵션 --timout', '혹시 --timeout'] },
    { argv: ['setup', '1.2.3.4', '--port'], en: ['option --port <port> needs a value'], ko: ['--port <port> 옵션에 값이 필요합니다'] },
    { argv: ['withdraw', 'DCQ12345'], en: ['required option --reason <reason> not given'], ko: ['필수 옵션 --reason <reason>'] },
  ];
  const english = /missing required|too many arguments|unknown (option|command)|Did you mean|argument missing|not specified/i;

  it.each(cases)('$argv in English and Korean', async ({ argv, en, ko }) => {
    const e = await runCli(argv);
    expect(e.code).toBe(2);
    for (const s of en) expect(e.stderr).toContain(s);
    const k = await runCli(['--lang', 'ko', ...argv]);
    expect(k.code).toBe(2);
    for (const s of ko) expect(k.stderr).toContain(s);
    expect(k.stderr).not.toMatch(english);
    expect(k.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints exactly one JSON error object on stdout with --json', async () => {
    const r = await runCli(['--json', '--lang', 'ko', 'attach']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      error: { exitCode: 2, type: 'UsageError', message: '필수 인수 <enrollmentId>이(가) 없습니다', fix: null },
    });
  });
});

describe('eclub help <command>', () => {
  it('helps with a known command (exit 0) and is a usage error for an unknown one (exit 2)', async () => {
    const known = await runCli(['help', 'setup']);
    expect(known.code).toBe(0);
    expect(known.stdout).toContain('--comtest');
    const unknown = await runCli(['help', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
  });
});

describe('buildSuggestions', () => {
  it.each([
    ['setpu', ['setup', 'status', 'simulate'], ['setup']],
    ['--timout', ['--timeout', '--retries', '--port'], ['--timeout']],
    ['bogus', ['setup', 'demo'], []],
    ['x', ['x', 'y'], []],
    ['stat', ['status', 'start'], ['start']],
  ])('%s among %j → %j', (word, candidates, expected) => {
    expect(buildSuggestions(word, candidates)).toEqual(expected);
  });
});

describe('a file named by an option that cannot be read', () => {
  const home = tempHome();
  afterAll(() => home.cleanup());
  const missing = '/nonexistent/eclub-qa/file';
  const cases: { argv: string[]; option: string }[] = [
    { argv: ['login', '--endpoint', 'http://127.0.0.1:9', '--partner-id', 'P-000123', '--password-file', missing], option: '--password-file' },
    { argv: ['attach', '--endpoint', 'http://127.0.0.1:9', 'E-2026-000001', missing], option: '<file>' },
    { argv: ['setup', '127.0.0.1:9', '--snmp-version', '3', '--user', 'u', '--auth-protocol', 'sha', '--auth-key-file', missing], option: '--auth-key-file' },
  ];
  it.each(cases)('$option: says why in the user language, exit 2', async ({ argv, option }) => {
    const env = { ECLUB_HOME: home.dir };
    const en = await runCli(['--no-input', ...argv], { env });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`cannot read ${option} file ${missing}: no such file (ENOENT)`);
    const ko = await runCli(['--lang', 'ko', '--no-input', ...argv], { env });
    expect(ko.code).toBe(2);
    expect(ko.stderr).toContain(`${option} 파일 ${missing}을(를) 읽을 수 없습니다: 파일이 없습니다 (ENOENT)`);
  });

  it('a folder instead of a file', async () => {
    const r = await runCli(['--lang', 'ko', '--no-input', ...cases[0]!.argv.slice(0, -1), home.dir], { env: { ECLUB_HOME: home.dir } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('파일이 아니라 폴더입니다 (EISDIR)');
  });
});
