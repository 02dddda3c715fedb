// setup --from's runner and summary, with the device reader swapped for fixtures
// (the per-device flow itself is setup's and has its own tests).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runSetupBatch } from '../src/batch-setup.js';
import { createCtx, finishCtx, type Ctx } from '../src/context.js';
import { messagesFor } from '../src/ui/i18n.js';
import { EclubError, ExitCode } from '../src/errors.js';
import { listDeviceRecords } from '../src/store/devices.js';
import type { DeviceInfo, SnmpOptions } from '../src/types.js';
import { startFleet, type Fleet } from '../src/sim/fleet.js';
import { runCli, tempHome } from './helpers/cli.js';

const device = (host: string, o: Partial<DeviceInfo>): DeviceInfo => ({
  host, port: 161, snmpVersion: '1', vendor: 'Canon', model: 'iR-ADV C5235', family: 'iR-ADV', productName: 'IRADVC5235',
  serial: null, firmware: 'R7.21', mac: null, ip: host, subnet: '255.255.255.0', gateway: '10.0.0.1', sysDescr: 'Canon iR-ADV C5235 /P',
  sysObjectId: '1.3.6.1.4.1.1602.4.7', clock: null, uptime: 100, status: { device: null, printer: null, errors: [] }, alerts: [],
  counters: [], pageCount: null, supplies: [], ...o,
});

const FLEET: Record<string, DeviceInfo> = {
  '10.0.0.5': device('10.0.0.5', { serial: 'XTK01001', mac: '0000855A0001' }),
  '10.0.0.6': device('10.0.0.6', { serial: 'XTK01002', mac: '0000855A0002', gateway: '11.22.22.55' }),
};

class Capture {
  text = '';
  isTTY = false;
  write(s: string) {
    this.text += s;
    return true;
  }
}

let home: ReturnType<typeof tempHome> | undefined;
afterEach(() => home?.cleanup());

function makeCtx(lang: 'en' | 'ko', json = false): { ctx: Ctx; stdout: Capture; stderr: Capture } {
  home = tempHome();
  const stdout = new Capture();
  const stderr = new Capture();
  const ctx = createCtx({ stdout, stderr, stdin: process.stdin, env: { ECLUB_HOME: home.dir }, cwd: '/', now: () => new Date('2026-12-04T10:00:00Z') }, lang, false, messagesFor(lang));
  finishCtx(ctx, { json, input: false });
  return { ctx, stdout, stderr };
}

const snmp: SnmpOptions = { port: 161, community: 'public', version: 'auto', timeoutMs: 300, retries: 0 };
const targets = ['10.0.0.5', '10.0.0.6', '10.0.0.7'].map((host, i) => ({ host, port: null, snmpVersion: null, source: `list.csv:${i + 2}` }));
const readDevice = async (host: string) => {
  const d = FLEET[host];
  if (!d) throw new EclubError(ExitCode.UNREACHABLE, () => `${host} did not answer`, () => 'check the cable and --community');
  return { device: d, requests: 1, versionsTried: ['1' as const] };
};

describe('eclub setup --from (runner and summary)', () => {
  it('summarises every device in one table; the exit code is the worst device\'s', async () => {
    const { ctx, stdout, stderr } = makeCtx('en');
    const code = await runSetupBatch(ctx, { snmp, targets, concurrency: 2, dns: ['168.126.63.1'], gateway: null, comTest: 'OK', yes: true }, { readDevice });
    expect(code).toBe(3);
    const lines = stdout.text.trim().split('\n');
    expect(lines[0]).toMatch(/^host\s+serial\s+result\s+cause\s+fix$/);
    expect(lines[2]).toMatch(/^10\.0\.0\.5\s+XTK01001\s+ok\s+-\s+-$/);
    expect(lines[3]).toMatch(/^10\.0\.0\.6\s+XTK01002\s+check failed\s+.*11\.22\.22\.55/);
    expect(lines[4]).toMatch(/^10\.0\.0\.7\s+-\s+unreachable\s+10\.0\.0\.7 did not answer\s+check the cable/);
    expect(stderr.text).toContain('3 device(s): 1 ok; exit code 3');
    const { records } = await listDeviceRecords(ctx.paths.devices);
    expect(records.map((r) => [r.key, r.answers.comTest])).toEqual([['XTK01001', 'OK'], ['XTK01002', 'OK']]);
  });

  it('prints the same rows as JSON', async () => {
    const { ctx, stdout } = makeCtx('en', true);
    const code = await runSetupBatch(ctx, { snmp, targets: targets.slice(0, 2), concurrency: 2, dns: ['168.126.63.1'], gateway: null, comTest: 'OK', yes: true }, { readDevice });
    expect(code).toBe(1);
    const out = JSON.parse(stdout.text);
    expect(out.exitCode).toBe(1);
    expect(out.devices.map((d: { host: string; exitCode: number; cause: string | null }) => [d.host, d.exitCode, d.cause])).toEqual([
      ['10.0.0.5', 0, null],
      ['10.0.0.6', 1, 'gateway-in-subnet'],
    ]);
    expect(out.devices[0].report).toMatch(/XTK01001\.json$/);
    expect(stdout.text).not.toContain('public');
  });

  it('writes the summary in Korean', async () => {
    const { ctx, stdout, stderr } = makeCtx('ko');
    await runSetupBatch(ctx, { snmp, targets, concurrency: 3, dns: ['168.126.63.1'], gateway: null, comTest: 'OK', yes: true }, { readDevice });
    expect(stdout.text).toMatch(/^호스트\s+기번\s+결과\s+원인\s+조치/);
    expect(stdout.text).toContain('응답 없음');
    expect(stderr.text).toContain('기기 3대: 정상 1대; 종료 코드 3');
  });
});

describe('eclub discover --csv, then eclub setup --from (a loopback fleet, real SNMP)', () => {
  let fleet: Fleet;
  beforeAll(async () => {
    fleet = await startFleet({ count: 4 });
  });
  afterAll(() => fleet.close());

  it('sets up every device found, one summary, records as reports', async () => {
    const h = tempHome();
    try {
      const port = String(fleet.port);
      const found = await runCli(['discover', '127.0.0.1-6', '--port', port, '--timeout', '300', '--retries', '0', '--csv']);
      const list = join(h.dir, 'found.csv');
      writeFileSync(list, found.stdout);
      const r = await runCli(
        ['setup', '--from', list, '--port', port, '--timeout', '300', '--dns', '168.126.63.1', '--comtest', 'OK', '--yes'],
        { env: { ECLUB_HOME: h.dir } },
      );
      const rows = r.stdout.trim().split('\n').slice(2);
      expect(rows).toHaveLength(4);
      expect(rows[0]).toMatch(/^127\.0\.0\.2:\d+\s+XTK01001\s+ok\b/);
      expect(rows[1]).toMatch(/^127\.0\.0\.3:\d+\s+-\s+ok\b/); // v1 only, no serial: a warning, not a failure
      expect(rows[3]).toMatch(/^127\.0\.0\.5:\d+\s+PHBXK00004\s+ok\b/);
      expect(r.stderr).toContain('4 device(s): 4 ok; exit code 0');
      expect(r.code).toBe(0);
      const { records } = await listDeviceRecords(join(h.dir, 'devices'));
      expect(records.map((x) => [x.key, x.answers.comTest])).toEqual([
        ['PHBXK00004', 'OK'],
        ['XTK01001', 'OK'],
        ['XTK01003', 'OK'],
        ['mac-0000855A0002', 'OK'],
      ]);
    } finally {
      h.cleanup();
    }
  });
});
