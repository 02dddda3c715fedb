// `eclub simulate --scenario`: the network joins the simulated devices, the CA file is
// written for --ca-file, the devices' clocks are live (and years off in clock-off).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDeviceClock, probeUgw } from '../src/checks/reach.js';
import { encodeDateAndTime, withLiveClock, HR_SYSTEM_DATE } from '../src/sim/clock.js';
import { startSimulation, type Simulation } from '../src/sim/index.js';
import type { SimNetworkInfo } from '../src/sim/scenarios.js';
import { readDevice } from '../src/snmp/read.js';
import { decodeDateAndTime } from '../src/snmp/decode.js';
import { en } from '../src/ui/i18n.js';
import { runCli } from './helpers/cli.js';

const BIN = fileURLToPath(new URL('../bin/eclub.js', import.meta.url));

let sim: Simulation | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('the live device clock', () => {
  const cases: Array<[string, string]> = [
    ['2026-12-04T20:21:31.600Z', '2026-12-04T20:21:31.6+00:00'],
    ['2021-01-02T03:04:05.000Z', '2021-01-02T03:04:05+00:00'],
  ];
  it.each(cases)('encodeDateAndTime(%s) decodes back to %s', (iso, decoded) => {
    expect(decodeDateAndTime(encodeDateAndTime(new Date(iso)))).toBe(decoded);
  });
  it('withLiveClock answers now + offset at each read, and leaves other entries alone', () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const other = { oid: '1.3.6.1.2.1.1.5.0', type: 'OctetString' as const, value: 'name' };
    const walk = withLiveClock([other, { oid: HR_SYSTEM_DATE, type: 'OctetString', value: Buffer.alloc(8) }], -86_400_000, () => now);
    expect(walk[0]).toBe(other);
    expect(decodeDateAndTime(walk[1]!.value as Buffer)).toBe('2025-12-31T00:00:00+00:00');
    now += 60_000;
    expect(decodeDateAndTime(walk[1]!.value as Buffer)).toBe('2025-12-31T00:01:00+00:00');
  });
});

describe('startSimulation with a scenario', () => {
  const snmp = (port: number) => ({ port, community: 'public', version: 'auto' as const, timeoutMs: 2000, retries: 1 });

  it('clock-off: the device clock is years behind; the network is healthy and the CA file trusted', async () => {
    sim = await startSimulation({ profiles: ['ir-adv-c5535i'], scenario: 'clock-off' });
    const d = sim.devices[0]!;
    const net = sim.network!;
    const info = sim.services.find((s) => s.name === 'network')!.info as SimNetworkInfo;
    expect(info).toMatchObject({ scenario: 'clock-off', fails: 'device-clock', rgwUrl: net.rgwUrl });
    const caPem = readFileSync(info.caFile!, 'utf8');
    expect(caPem).toBe(net.caPem);
    const { device } = await readDevice(d.host, snmp(d.port));
    const ugw = await probeUgw(
      { rgwUrl: net.rgwUrl, rgwPort: net.rgwPort, dns: [net.dns], fallbackDns: [], caPem: [caPem], proxy: net.proxy, timeoutMs: 3000 },
      en,
    );
    expect(ugw.checks.every((c) => c.status === 'pass')).toBe(true);
    const clock = checkDeviceClock(device.clock, new Date(), ugw.cert, en);
    expect(clock.status).toBe('fail');
    expect(clock.evidence).toMatch(/outside the UGW certificate's validity/);
    await sim.close();
    expect(existsSync(info.caFile!)).toBe(false);
    sim = undefined;
  });

  it('healthy: a recorded walk of any age still gives a true clock', async () => {
    sim = await startSimulation({ profiles: ['irc2550i'], scenario: 'healthy' });
    const d = sim.devices[0]!;
    const { device } = await readDevice(d.host, snmp(d.port));
    expect(checkDeviceClock(device.clock, new Date(), null, en).status).toBe('pass');
  });
});

describe('eclub simulate --scenario', () => {
  it('a scenario that does not exist → exit 2 naming the option and the choices, in both languages', async () => {
    const r = await runCli(['simulate', '--scenario', 'flood']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid --scenario "flood": expected one of: healthy, dns-down, nxdomain, port-closed');
    const k = await runCli(['simulate', '--scenario', 'flood', '--lang', 'ko']);
    expect(k.code).toBe(2);
    expect(k.stderr).toContain('--scenario');
    expect(k.stderr).toContain('다음 중 하나여야 합니다');
  });

  it('prints where the network is and the diagnose command to try, then stops on SIGINT', async () => {
    const child = spawn(process.execPath, [BIN, 'simulate', '--profile', 'ir-adv-c5535i', '--scenario', 'proxy-407'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ECLUB_LANG: 'en' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        if (stderr.includes('--no-input')) resolve();
      });
      void exited.then(() => reject(new Error(`simulate exited early: ${stderr}`)));
    });
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toContain('network scenario: proxy-407');
    expect(stdout).toMatch(/DNS server \(--dns\): 127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(/RGW URL \(--rgw\): https:\/\/a01\.ugwdevice\.net:\d+\/ugw\/agentif010/);
    expect(stdout).toMatch(/proxy \(--proxy\): http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toContain('expected failing check: ugw-http');
    expect(stderr).toMatch(/try: eclub diagnose 127\.0\.0\.1:\d+ --dns 127\.0\.0\.1:\d+ --fallback-dns 127\.0\.0\.1:\d+ --rgw https:\/\/.* --ca-file \S+ugw-test-ca\.pem --proxy http:\/\/127\.0\.0\.1:\d+ --no-input/);
    const caFile = /test CA \(--ca-file\): (\S+)/.exec(stdout)![1]!;
    expect(existsSync(caFile)).toBe(false);
  });
});
