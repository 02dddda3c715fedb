// eclub diagnose --from / --all over a loopback fleet in the healthy simulated site
// (DNS responder, UGW stand-in with its test CA): real SNMP, DNS, TCP, TLS, HTTP.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteDeps } from '../src/batch-diagnose.js';
import { startSimulation, type Simulation } from '../src/sim/index.js';
import { en } from '../src/ui/i18n.js';
import { buildDiagnoseArgs } from '../src/sim/scenarios.js';
import { runCli, tempHome } from './helpers/cli.js';

const home = tempHome();
let sim: Simulation;
let args: string[];
let port: string;

beforeAll(async () => {
  sim = await startSimulation({ fleet: 4, basePort: 0, scenario: 'healthy' });
  const caFile = join(home.dir, 'ugw-ca.pem');
  writeFileSync(caFile, sim.network!.caPem);
  port = String(sim.devices[0]!.port);
  args = [...buildDiagnoseArgs({ ...sim.network!.describe(), caFile }), '--port', port, '--timeout', '500', '--retries', '0'];
});
afterAll(async () => {
  await sim.close();
  home.cleanup();
});

describe('buildSiteDeps', () => {
  it('asks the UGW once per distinct target set and pings a gateway once; device pings stay per device', async () => {
    const calls: string[] = [];
    const deps = buildSiteDeps({
      readDevice: async () => Promise.reject(new Error('not used')),
      probeUgw: async (targets) => (calls.push(`ugw ${targets.rgwUrl}`), { checks: [], cert: null, address: null }),
      probeIcmp: async (id, host) => (calls.push(`${id} ${host}`), { id, status: 'pass', evidence: '', fix: null }),
      checkDeviceClock: () => ({ id: 'device-clock', status: 'skip', evidence: '', fix: null }),
      checkNetworkSettings: () => [],
    });
    const targets = (rgwUrl: string) => ({ rgwUrl, rgwPort: 443, dns: [], fallbackDns: [], caPem: [], proxy: null, timeoutMs: 100 });
    await Promise.all([
      deps.probeUgw(targets('https://a/'), en),
      deps.probeUgw(targets('https://a/'), en),
      deps.probeUgw(targets('https://b/'), en),
      deps.probeIcmp('gateway-icmp', '10.0.0.1', 100, en),
      deps.probeIcmp('gateway-icmp', '10.0.0.1', 100, en),
      deps.probeIcmp('device-icmp', '10.0.0.5', 100, en),
      deps.probeIcmp('device-icmp', '10.0.0.5', 100, en),
    ]);
    expect(calls.sort()).toEqual(['device-icmp 10.0.0.5', 'device-icmp 10.0.0.5', 'gateway-icmp 10.0.0.1', 'ugw https://a/', 'ugw https://b/']);
  });
});

describe('eclub diagnose --from', () => {
  it('summarises the fleet in one table; an absent device makes the batch exit 3', async () => {
    const list = join(home.dir, 'fleet.csv');
    writeFileSync(list, 'host\n127.0.0.2\n127.0.0.3\n127.0.0.4\n127.0.0.5\n127.0.0.9\n');
    const r = await runCli(['diagnose', '--from', list, ...args], { env: { ECLUB_HOME: home.dir } });
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^host\s+serial\s+result\s+cause\s+fix$/);
    expect(rows[2]).toMatch(/^127\.0\.0\.2:\d+\s+XTK01001\s+ok\s+-\s+-$/);
    expect(rows[3]).toMatch(/^127\.0\.0\.3:\d+\s+-\s+ok\b/);
    expect(rows[6]).toMatch(/^127\.0\.0\.9:\d+\s+-\s+unreachable\s+.*127\.0\.0\.9/);
    expect(r.stderr).toContain('5 device(s): 4 ok; exit code 3');
    expect(r.code).toBe(3);
  });

  it('--json gives the same rows; --report-dir writes a redacted bundle per device (mode 0600)', async () => {
    const list = join(home.dir, 'fleet.json');
    writeFileSync(list, JSON.stringify([{ host: '127.0.0.2' }, { host: '127.0.0.5' }]));
    const dir = join(home.dir, 'reports');
    const r = await runCli(['diagnose', '--from', list, ...args, '--report-dir', dir, '--json'], { env: { ECLUB_HOME: home.dir } });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.exitCode).toBe(0);
    expect(out.devices.map((d: { host: string; serial: string; exitCode: number }) => [d.host, d.serial, d.exitCode])).toEqual([
      ['127.0.0.2', 'XTK01001', 0],
      ['127.0.0.5', 'PHBXK00004', 0],
    ]);
    expect(readdirSync(dir).sort()).toEqual(['PHBXK00004.json', 'XTK01001.json']);
    const bundle = readFileSync(join(dir, 'XTK01001.json'), 'utf8');
    expect(bundle).not.toContain('XTK01001'); // serials are masked unless --include-pii
    expect(statSync(join(dir, 'XTK01001.json')).mode & 0o777).toBe(0o600);
  });

  it('--all diagnoses every recorded device (recorded by discover --save)', async () => {
    const saved = await runCli(['discover', '127.0.0.1-6', '--port', port, '--timeout', '300', '--retries', '0', '--save'], { env: { ECLUB_HOME: home.dir } });
    expect(saved.stderr).toContain('4 device record(s) saved');
    const r = await runCli(['--lang', 'ko', 'diagnose', '--all', ...args], { env: { ECLUB_HOME: home.dir } });
    expect(r.stdout).toMatch(/^호스트\s+기번\s+결과\s+원인\s+조치/);
    expect(r.stdout.trim().split('\n')).toHaveLength(2 + 4);
    expect(r.stderr).toContain('기기 4대: 정상 4대; 종료 코드 0');
    expect(r.code).toBe(0);
  });

  it.each([
    [['diagnose', '--from', 'x.csv', '--all'], 'either a host or --from/--all'],
    [['diagnose', '--all', '--serial', 'XTK01001'], '--report-dir'],
    [['diagnose', '--from', '/nonexistent.csv'], 'ENOENT'],
  ])('%j → exit 2', async (argv, needle) => {
    const r = await runCli(argv, { env: { ECLUB_HOME: home.dir } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(needle);
  });
});
