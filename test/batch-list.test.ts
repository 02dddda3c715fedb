import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBatchExitCode, DeviceListError, parseDeviceList, runBatch, runBounded } from '../src/batch.js';
import { EclubError, ExitCode } from '../src/errors.js';
import { en, ko } from '../src/ui/i18n.js';
import { runCli } from './helpers/cli.js';

type Row = [string, number | null, string | null];

describe('parseDeviceList', () => {
  it.each<[string, string, string, Row[]]>([
    ['bare lines', 'list.csv', '10.0.0.5\n# a comment\n\n10.0.0.6:1161\n', [['10.0.0.5', null, null], ['10.0.0.6', 1161, null]]],
    ['a header', 'list.csv', 'host,port,snmp-version\n10.0.0.5,,1\n10.0.0.6,1161,2c\n', [['10.0.0.5', null, '1'], ['10.0.0.6', 1161, '2c']]],
    ['discover --csv output', 'found.csv', 'host,vendor,model,family,serial,mac\n10.0.0.5,Canon,"iR-ADV C5235",iR-ADV,XTK01001,0000855A0001\n', [['10.0.0.5', null, null]]],
    ['a JSON array', 'list.json', '[{"host": "10.0.0.5", "snmpVersion": "1"}, {"host": "10.0.0.6", "port": 1161}]', [['10.0.0.5', null, '1'], ['10.0.0.6', 1161, null]]],
    ['JSON strings', 'list.json', '["10.0.0.5", "10.0.0.6:1161"]', [['10.0.0.5', null, null], ['10.0.0.6', 1161, null]]],
    ['discover --json output', 'found.json', '{"devices": [{"host": "10.0.0.5", "vendor": "Canon"}], "unreadable": [], "scanned": 254}', [['10.0.0.5', null, null]]],
  ])('reads %s', (_name, file, text, expected) => {
    expect(parseDeviceList(file, text).map((x) => [x.host, x.port, x.snmpVersion])).toEqual(expected);
  });

  it.each([
    ['list.csv', 'host,port\n10.0.0.5,\n10.0.0.300,\n', 'list.csv:3: invalid host "10.0.0.300"'],
    ['list.csv', 'host,port\n10.0.0.5,99999\n', 'list.csv:2: invalid port "99999"'],
    ['list.csv', 'host,snmp-version\n10.0.0.5,4\n', 'list.csv:2: invalid snmp-version "4"'],
    ['list.csv', 'host,community\n10.0.0.5,public\n', 'list.csv:1: the column "community" would keep a secret'],
    ['list.csv', '10.0.0.5,public\n', 'list.csv:1: invalid host "10.0.0.5,public"'],
    ['list.csv', '# nothing\n', 'list.csv lists no device'],
    ['list.json', '[{"host": "10.0.0.5"},', 'list.json is not a device list'],
    ['list.json', '{"hosts": []}', 'list.json is not a device list'],
    ['list.json', '[{"host": "10.0.0.5", "community": "x"}]', 'list.json[0]: the column "community"'],
    ['list.json', '[{"port": 161}]', 'list.json[0]: invalid host ""'],
  ])('%s %j → exit 2: %s', (file, text, message) => {
    let err: unknown;
    try {
      parseDeviceList(file, text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DeviceListError);
    expect((err as EclubError).exitCode).toBe(2);
    expect((err as EclubError).render(en)).toContain(message);
    expect((err as EclubError).render(ko)).toContain(file);
    expect((err as EclubError).fix?.(en)).toContain('host,port,snmp-version');
  });
});

describe('buildBatchExitCode: the worst device decides', () => {
  it.each([
    [[], 0],
    [[0, 0], 0],
    [[0, 1], 1],
    [[1, 6], 6],
    [[6, 3, 1], 3],
    [[4, 1], 1],
    [[0, 2, 3], 2],
    [[0, 130], 130],
    [[0, 42], 42],
  ])('%j → %i', (codes, worst) => {
    expect(buildBatchExitCode(codes)).toBe(worst);
  });
});

describe('runBounded / runBatch', () => {
  it('never runs more than the bound at once and keeps the input order', async () => {
    let running = 0;
    let peak = 0;
    const out = await runBounded([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(peak).toBe(3);
  });

  it('turns a typed error into that device\'s row; the batch goes on', async () => {
    const targets = ['10.0.0.1', '10.0.0.2'].map((host) => ({ host, port: null, snmpVersion: null, source: host }));
    const r = await runBatch(targets, { concurrency: 2, render: (m) => m(en) }, async (t) => {
      if (t.host === '10.0.0.2') throw new EclubError(ExitCode.UNREACHABLE, () => 'no answer', () => 'check the cable');
      return { host: t.host, port: null, source: t.source, serial: 'XTK01001', exitCode: 0, cause: null, message: null, fix: null, report: null };
    });
    expect(r.exitCode).toBe(3);
    expect(r.items[1]).toMatchObject({ host: '10.0.0.2', exitCode: 3, cause: 'EclubError', message: 'no answer', fix: 'check the cable' });
  });

  it('lets an unexpected error through (a bug is not a device result)', async () => {
    const targets = [{ host: '10.0.0.1', port: null, snmpVersion: null, source: 'x' }];
    await expect(runBatch(targets, { concurrency: 1, render: (m) => m(en) }, async () => Promise.reject(new TypeError('bug')))).rejects.toThrow(TypeError);
  });
});

describe('eclub setup --from: bad lists (exit 2, naming file:line)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eclub-batch-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it.each([
    [['setup', '--from', '/nonexistent/list.csv'], ['--from', '/nonexistent/list.csv', 'ENOENT']],
    [['setup', '--from', 'BAD'], [':3: invalid port "x"', 'host,port,snmp-version']],
    [['setup'], ['eclub setup 10.0.0.5', '--from']],
    [['setup', '10.0.0.5', '--from', 'BAD'], ['either a host or --from']],
    [['setup', '--from', 'BAD', '--concurrency', '65'], ['--concurrency', '1 to 64']],
  ])('%j', async (argv, needles) => {
    const bad = file('bad.csv', 'host,port\n10.0.0.5,161\n10.0.0.6,x\n');
    const r = await runCli(argv.map((a) => (a === 'BAD' ? bad : a)));
    expect(r.code).toBe(2);
    for (const n of needles) expect(r.stderr).toContain(n);
    expect(r.stdout).toBe('');
  });

  it('says it in Korean', async () => {
    const bad = file('bad2.csv', 'host\n10.0.0.999\n');
    const r = await runCli(['--lang', 'ko', 'setup', '--from', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:2: host 값 "10.0.0.999"이(가) 올바르지 않습니다`);
  });
});
