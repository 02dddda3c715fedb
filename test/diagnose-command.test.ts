// `eclub diagnose` through the CLI with the probes replaced by fakes (the real probes are
// exercised end to end in diagnose-sim.test.ts): verdict, exit code, JSON, the flow's
// file, resume, prompts, and the support bundle.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DiagnoseDeps } from '../src/checks/diagnose.js';
import { EclubError, ExitCode } from '../src/errors.js';
import type { CheckResult, DeviceInfo } from '../src/types.js';
import { scriptedPrompter } from '../src/ui/prompt.js';
import { runCli, tempHome } from './helpers/cli.js';

type Scenario = 'healthy' | 'device-silent' | 'dns-down' | 'port-closed' | 'wrong-ca' | 'proxy-407' | 'clock-off';
const world = vi.hoisted(() => ({ scenario: 'healthy' as string, pinged: [] as string[] }));

const DEVICE: DeviceInfo = {
  host: '127.0.0.1', port: 161, snmpVersion: '2c', vendor: 'Canon', model: 'iR C2550i', family: 'iRC',
  productName: 'IRC2550I', serial: 'DCQ12345', firmware: '01.21', mac: '000085BA57A6', ip: '101.1.49.233',
  subnet: '255.255.255.0', gateway: '101.1.49.55', sysDescr: 'Canon iR C2550i', sysObjectId: '1.3.6.1.4.1.1602.4.7',
  clock: '2026-12-04T20:00:00.000Z', uptime: 100, status: { device: 'running', printer: 'idle', errors: [] },
  alerts: [], counters: [], pageCount: 1, supplies: [],
};

const ugwChecks = (s: string): CheckResult[] => {
  const ok = (id: string): CheckResult => ({ id, status: 'pass', evidence: `${id} ok`, fix: null });
  const fail = (id: string, evidence: string, fix: string): CheckResult => ({ id, status: 'fail', evidence, fix });
  const skip = (id: string): CheckResult => ({ id, status: 'skip', evidence: 'needs an earlier check', fix: null });
  switch (s) {
    case 'dns-down':
      return [fail('dns', 'DNS server 101.1.49.1 did not answer (device DCQ12345)', 'set 168.126.63.1 on the panel'), skip('ugw-tcp'), skip('ugw-tls'), skip('ugw-http')];
    case 'port-closed':
      return [ok('dns'), fail('ugw-tcp', 'connection refused', 'open TCP 443'), skip('ugw-tls'), skip('ugw-http')];
    case 'wrong-ca':
      return [ok('dns'), ok('ugw-tcp'), fail('ugw-tls', 'something on the path re-signs TLS', 'exempt the device from TLS inspection'), skip('ugw-http')];
    case 'proxy-407':
      return [ok('dns'), ok('ugw-tcp'), ok('ugw-tls'), fail('ugw-http', '407 from the proxy: NTLM only', 'allow Basic on the proxy')];
    default:
      return ['dns', 'ugw-tcp', 'ugw-tls', 'ugw-http'].map(ok);
  }
};

const fakeDeps: Omit<DiagnoseDeps, 'checkNetworkSettings'> = {
  async readDevice() {
    if (world.scenario === 'device-silent') {
      throw new EclubError(ExitCode.UNREACHABLE, () => 'no SNMP answer from 127.0.0.1:161', () => 'turn SNMP on');
    }
    return { device: DEVICE };
  },
  async probeUgw() {
    return { checks: ugwChecks(world.scenario), cert: null, address: '127.0.0.1' };
  },
  async probeIcmp(id, host) {
    world.pinged.push(`${id}:${host}`);
    return { id, status: 'pass', evidence: `${host} answers ping`, fix: null };
  },
  checkDeviceClock(clock) {
    if (clock === null) return { id: 'device-clock', status: 'skip', evidence: 'no clock', fix: null };
    return world.scenario === 'clock-off'
      ? { id: 'device-clock', status: 'fail', evidence: 'device clock is 3 years behind', fix: 'set the date and time' }
      : { id: 'device-clock', status: 'pass', evidence: 'within a minute', fix: null };
  },
};

vi.mock('../src/diagnose/deps.js', async () => {
  const { checkNetworkSettings } = await import('../src/checks/network.js');
  return { loadDiagnoseDeps: async () => ({ ...fakeDeps, checkNetworkSettings }) };
});

let home: ReturnType<typeof tempHome>;
beforeEach(() => {
  home = tempHome();
  world.scenario = 'healthy';
  world.pinged = [];
});
afterEach(() => home.cleanup());

const BASE = ['diagnose', '127.0.0.1', '--dns', '101.1.49.1', '--gateway-ping', '127.0.0.1'];
const run = (args: string[], o: Parameters<typeof runCli>[1] = {}) =>
  runCli([...BASE, ...args], { ...o, env: { ECLUB_HOME: home.dir, ...o.env } });
const flowFile = (key = 'DCQ12345') => join(home.dir, 'flows', `${key}.json`);

describe('eclub diagnose names the cause and exits with its code', () => {
  const cases: Array<[Scenario, string | null, number, string, string]> = [
    ['healthy', null, 0, 'no cause found', '원인을 찾지 못함'],
    ['device-silent', 'device-snmp', 3, 'the device does not answer', '기기 응답 없음'],
    ['dns-down', 'dns', 6, 'most likely cause: DNS', '가장 유력한 원인: DNS'],
    ['port-closed', 'ugw-tcp', 6, 'a firewall on TCP 443', 'TCP 443을 막는 방화벽'],
    ['wrong-ca', 'ugw-tls', 6, 'TLS on the way to the UGW', 'UGW까지의 TLS'],
    ['proxy-407', 'ugw-http', 6, "the proxy or the UGW's HTTP answer", '프록시 또는 UGW의 HTTP 응답'],
    ['clock-off', 'device-clock', 1, "the device's clock", '기기 시계'],
  ];
  it.each(cases)('%s → %s, exit %i', async (scenario, cause, code, en, ko) => {
    world.scenario = scenario;
    const json = await run(['--no-input', '--json']);
    expect(json.code).toBe(code);
    const out = JSON.parse(json.stdout);
    expect(Object.keys(out)).toEqual(['device', 'checks', 'verdict', 'flow']);
    expect(out.verdict.cause).toBe(cause);
    expect(out.checks.map((c: CheckResult) => c.id)).toContain('device-snmp');

    const text = await run(['--no-input', '--no-color']);
    expect(text.code).toBe(code);
    expect(text.stdout.split('\n')[0]).toContain(en);
    const korean = await run(['--no-input', '--lang', 'ko']);
    expect(korean.code).toBe(code);
    expect(korean.stdout.split('\n')[0]).toContain(ko);
  });

  it('puts the checks in dependency order, pinging the overridden gateway', async () => {
    const r = await run(['--no-input', '--json']);
    const ids = JSON.parse(r.stdout).checks.map((c: CheckResult) => c.id);
    expect(ids).toEqual([
      'device-snmp', 'device-icmp', 'ip-valid', 'mask-contiguous', 'ip-not-network-or-broadcast', 'gateway-in-subnet',
      'mac-valid', 'mac-oui', 'serial-pattern', 'dns-valid', 'gateway-icmp', 'dns', 'ugw-tcp', 'ugw-tls', 'ugw-http', 'device-clock',
    ]);
    expect(world.pinged.sort()).toEqual(['device-icmp:127.0.0.1', 'gateway-icmp:127.0.0.1']);
  });

  it('with a silent device, skips what needs its settings and keeps probing the UGW', async () => {
    world.scenario = 'device-silent';
    const r = await run(['--no-input', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.device).toBeNull();
    const byId = Object.fromEntries(out.checks.map((c: CheckResult) => [c.id, c.status]));
    expect(byId).toMatchObject({ 'device-snmp': 'fail', 'network-settings': 'skip', 'ugw-http': 'pass', 'device-clock': 'skip' });
    expect(out.verdict.fix).toBe('turn SNMP on');
  });
});

describe('--serial takes the device from its record', () => {
  it.each([['DCQ12345'], [' dcq12345']])('--serial %s uses the recorded host, DNS and gateway (the gateway ping starts with the rest)', async (typed) => {
    mkdirSync(join(home.dir, 'devices'), { recursive: true });
    const record = {
      schema: 1, key: 'DCQ12345', device: { ...DEVICE, host: '127.0.0.9' }, checks: [], steps: [],
      answers: { dns: ['101.1.49.2'], gateway: '127.0.0.10', comTest: null },
      createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z',
    };
    writeFileSync(join(home.dir, 'devices', 'DCQ12345.json'), JSON.stringify(record));
    const r = await runCli(['diagnose', '--serial', typed, '--no-input', '--json'], { env: { ECLUB_HOME: home.dir } });
    expect(r.code).toBe(0);
    expect(world.pinged.sort()).toEqual(['device-icmp:127.0.0.9', 'gateway-icmp:127.0.0.10']);
    const dnsValid = JSON.parse(r.stdout).checks.find((c: CheckResult) => c.id === 'dns-valid');
    expect(dnsValid.evidence).toContain('101.1.49.2');
  });
});

describe('the NG flow after the checks', () => {
  it('an outside cause blocks the device steps and says why', async () => {
    world.scenario = 'dns-down';
    const r = await run(['--no-input', '--no-color']);
    expect(r.stdout).toContain("fix the cause outside the device first — CA-KEY and firmware won't help");
    expect(r.stdout).toContain('set 168.126.63.1 on the panel');
    expect(r.stdout).not.toContain('CLEAR > CA-KEY');
    expect(r.stdout).toContain('eclub diagnose --resume DCQ12345');
    const saved = JSON.parse(readFileSync(flowFile(), 'utf8'));
    expect(saved.state).toMatchObject({ stage: 'fix-outside', blockedBy: 'dns' });
    expect(JSON.stringify(saved)).not.toContain('public');
  });

  it('--comtest ng walks level 1 → CA-KEY → firmware across resumes, then OK is done', async () => {
    const first = await run(['--no-input', '--json', '--comtest', 'ng']);
    expect(JSON.parse(first.stdout).flow.stage).toBe('ca-key');
    const resume = (answer: string) =>
      runCli(['diagnose', '--resume', 'DCQ12345', '--no-input', '--json', '--comtest', answer], { env: { ECLUB_HOME: home.dir } });
    const second = JSON.parse((await resume('ng')).stdout);
    expect(second.flow.stage).toBe('firmware');
    expect(second.flow.steps.map((s: { id: string }) => s.id)).toEqual(['firmware', 'erds-clear', 'erds-enable', 'comtest']);
    const third = await resume('ok');
    expect(third.code).toBe(0);
    expect(JSON.parse(third.stdout).flow).toMatchObject({ stage: 'done', resume: null });
    expect(world.pinged.filter((p) => p.startsWith('device-icmp')).length).toBe(3);
  });

  it('diagnosing the host again continues the saved flow (its history kept); --new-flow starts over', async () => {
    expect(JSON.parse((await run(['--no-input', '--json', '--comtest', 'ng'])).stdout).flow.stage).toBe('ca-key');
    const again = await run(['--no-input', '--json', '--comtest', 'ng']);
    expect(JSON.parse(again.stdout).flow).toMatchObject({ stage: 'firmware' });
    expect(again.stderr).toContain('continuing the NG flow saved for this device');
    expect(again.stderr).toContain('--new-flow');
    const fresh = await run(['--no-input', '--json', '--comtest', 'ng', '--new-flow']);
    expect(JSON.parse(fresh.stdout).flow).toMatchObject({ stage: 'ca-key' });
    expect(fresh.stderr).not.toContain('continuing the NG flow');
    const ko = await run(['--lang', 'ko', '--no-input', '--json', '--comtest', 'ng']);
    expect(ko.stderr).toContain('저장된 NG 처리 수순을 이어 갑니다');
  });

  it.each([['DCQ12345'], ['dcq12345']])('resumes a flow saved at "install firmware" with --resume %s --comtest ok → done (host, DNS from the file)', async (typed) => {
    mkdirSync(join(home.dir, 'flows'), { recursive: true });
    writeFileSync(
      flowFile(),
      JSON.stringify({
        schema: 1, key: 'DCQ12345', serial: 'DCQ12345', model: 'iR C2550i',
        site: { host: '127.0.0.1', snmpPort: 161, dns: [{ host: '101.1.49.1', port: 53 }], gateway: '127.0.0.1' },
        state: { stage: 'firmware', blockedBy: null, furthest: 'ca-key', history: [{ stage: 'level1', answer: 'NG' }, { stage: 'ca-key', answer: 'NG' }] },
        updatedAt: '2026-12-01T00:00:00.000Z',
      }),
    );
    const r = await runCli(['diagnose', '--resume', typed, '--comtest', 'ok', '--no-color'], { env: { ECLUB_HOME: home.dir } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('COM-TEST OK: done');
    const saved = JSON.parse(readFileSync(flowFile(), 'utf8'));
    expect(saved.state.stage).toBe('done');
    expect(saved.state.history.at(-1)).toEqual({ stage: 'firmware', answer: 'OK' });
  });

  it('asks each step on a terminal, then COM-TEST, and stops when the engineer says later', async () => {
    const prompter = scriptedPrompter([
      { confirm: true }, // ERDS-DAT
      { confirm: true }, // E-RDS
      { select: 'NG' },
      { confirm: true }, // service mode 2
      { confirm: true }, // CA-KEY
      { confirm: true },
      { confirm: true },
      { select: 'later' },
    ]);
    const r = await run(['--no-color'], { prompter });
    expect(r.code).toBe(0);
    expect(prompter.remaining()).toBe(0);
    expect(prompter.asked[0]).toContain('COPIER > FUNCTION > CLEAR > ERDS-DAT');
    expect(prompter.asked[4]).toContain('COPIER > FUNCTION > CLEAR > CA-KEY');
    expect(JSON.parse(readFileSync(flowFile(), 'utf8')).state.stage).toBe('ca-key');
    expect(r.stdout).toContain('eclub diagnose --resume DCQ12345');
  });

  it('a declined step (firmware not installed yet) stops without moving the flow', async () => {
    await run(['--no-input', '--comtest', 'ng']);
    await runCli(['diagnose', '--resume', 'DCQ12345', '--no-input', '--comtest', 'ng'], { env: { ECLUB_HOME: home.dir } });
    const prompter = scriptedPrompter([{ confirm: false }]);
    const r = await runCli(['diagnose', '--resume', 'DCQ12345'], { env: { ECLUB_HOME: home.dir }, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked[0]).toContain('install the latest firmware');
    expect(JSON.parse(readFileSync(flowFile(), 'utf8')).state.stage).toBe('firmware');
  });

  it('--yes skips the step confirmations but still asks COM-TEST', async () => {
    const prompter = scriptedPrompter([{ select: 'OK' }]);
    const r = await run(['--yes'], { prompter });
    expect(r.code).toBe(0);
    expect(prompter.remaining()).toBe(0);
    expect(JSON.parse(readFileSync(flowFile(), 'utf8')).state.stage).toBe('done');
  });
});

describe('--report writes a support bundle', () => {
  const SECRET = 'c0mmunity-x';
  const PII = ['DCQ12345', '101.1.49.233', '101.1.49.55', '101.1.49.1', '000085BA57A6'];

  it('masks serial, IP and MAC by default, and never carries the community', async () => {
    world.scenario = 'dns-down';
    const file = join(home.dir, 'bundle.json');
    const r = await run(['--no-input', '--community', SECRET, '--report', file]);
    expect(r.code).toBe(6);
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    for (const v of [...PII, SECRET]) expect(text).not.toContain(v);
    const bundle = JSON.parse(text);
    expect(bundle).toMatchObject({ kind: 'eclub-diagnose-bundle', piiIncluded: false, verdict: { cause: 'dns' } });
    expect(bundle.device.serial).toBe('DCQ*****');
    expect(bundle.device.mac).toBe('000085******');
    expect(bundle.device.ip).toBe('101.1.*.*');
    expect(bundle.text[0]).toContain('most likely cause: DNS');
    expect(r.stderr).toContain('--include-pii');
  });

  it('keeps them with --include-pii, still without the community', async () => {
    world.scenario = 'dns-down';
    const file = join(home.dir, 'bundle-pii.json');
    const r = await run(['--no-input', '--community', SECRET, '--report', file, '--include-pii']);
    expect(r.code).toBe(6);
    const text = readFileSync(file, 'utf8');
    for (const v of PII) expect(text).toContain(v);
    expect(text).not.toContain(SECRET);
  });
});
