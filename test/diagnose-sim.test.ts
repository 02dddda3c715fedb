// End to end: `eclub diagnose --no-input` against a simulated device (a real SNMP agent on
// loopback) inside each simulated network scenario (DNS responder, UGW over HTTPS with its
// own CA, proxy). Every target is overridden to loopback — fallback DNS and the gateway
// ping included — so nothing leaves 127.0.0.0/8.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS, SCENARIO_FAILS, startNetwork, type ScenarioName, type SimNetwork } from '../src/sim/network.js';
import { findProfile, loadProfileWalk } from '../src/snmp/profiles.js';
import { startAgent, type RunningAgent } from '../src/snmp/agent.js';
import type { CheckResult } from '../src/types.js';
import { runCli, tempHome } from './helpers/cli.js';

const HR_SYSTEM_DATE = '1.3.6.1.2.1.25.1.2.0';

/** DateAndTime (RFC 2579) in UTC, with its "+0:00" offset. */
function dateAndTime(d: Date): Buffer {
  const b = Buffer.alloc(11);
  b.writeUInt16BE(d.getUTCFullYear(), 0);
  b.set([d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), 0, 0x2b, 0, 0], 2);
  return b;
}

/** The manual's iR C2550i, its clock set to now + offset (the fixture's own date would age). */
async function startDevice(clockOffsetMs: number): Promise<RunningAgent> {
  const walk = (await loadProfileWalk(findProfile('irc2550i'))).map((e) =>
    e.oid === HR_SYSTEM_DATE ? { ...e, value: dateAndTime(new Date(Date.now() + clockOffsetMs)) } : e,
  );
  return startAgent({ walk });
}

const EXIT: Record<string, number> = { dns: 6, 'ugw-tcp': 6, 'ugw-tls': 6, 'ugw-http': 6, 'device-clock': 1 };

describe.each(SCENARIOS.map((s) => [s] as [ScenarioName]))('eclub diagnose in the %s scenario', (scenario) => {
  const home = tempHome();
  let net: SimNetwork;
  let device: RunningAgent;
  let argv: string[];
  beforeAll(async () => {
    net = await startNetwork({ scenario });
    device = await startDevice(net.deviceClockOffsetMs);
    const ca = join(home.dir, 'ugw-ca.pem');
    writeFileSync(ca, net.caPem);
    const dns = `${net.dns.host}:${net.dns.port}`;
    argv = [
      'diagnose', `127.0.0.1:${device.port}`, '--no-input', '--timeout', '500', '--retries', '0',
      '--dns', dns, '--fallback-dns', dns, '--rgw', net.rgwUrl, '--rgw-port', String(net.rgwPort),
      '--ca-file', ca, '--gateway-ping', '127.0.0.1',
      ...(net.proxy ? ['--proxy', net.proxy] : []),
    ];
  });
  afterAll(async () => {
    await device?.close();
    await net?.close();
    home.cleanup();
  });

  const cause = SCENARIO_FAILS[scenario];
  const code = cause ? EXIT[cause]! : 0;

  it(`names ${cause ?? 'no cause'} in --json, exit ${code}`, async () => {
    const r = await runCli([...argv, '--json'], { env: { ECLUB_HOME: home.dir } });
    const out = JSON.parse(r.stdout);
    expect(out.verdict.cause).toBe(cause);
    expect(r.code).toBe(code);
    const byId = Object.fromEntries(out.checks.map((c: CheckResult) => [c.id, c.status]));
    expect(byId['device-snmp']).toBe('pass');
    expect(out.device.serial).toBe('DCQ12345');
    expect(out.flow.stage).toBe(cause && cause !== 'device-snmp' ? 'fix-outside' : 'level1');
  });

  it('says it first, in English and in Korean', async () => {
    const en = await runCli([...argv, '--no-color'], { env: { ECLUB_HOME: home.dir } });
    const ko = await runCli([...argv, '--no-color', '--lang', 'ko'], { env: { ECLUB_HOME: home.dir } });
    expect(en.code).toBe(code);
    expect(ko.code).toBe(code);
    const first = (s: string) => s.split('\n')[0]!;
    if (cause) {
      expect(first(en.stdout)).toMatch(/^most likely cause: /);
      expect(first(ko.stdout)).toMatch(/^가장 유력한 원인: /);
    } else {
      expect(first(en.stdout)).toMatch(/^no cause found/);
      expect(first(ko.stdout)).toMatch(/^원인을 찾지 못함/);
    }
  });
});

describe('a silent device', () => {
  const home = tempHome();
  let net: SimNetwork;
  beforeAll(async () => {
    net = await startNetwork({ scenario: 'healthy' });
  });
  afterAll(async () => {
    await net.close();
    home.cleanup();
  });

  it('is exit 3 with device-snmp as the cause; the UGW checks still run', async () => {
    const silent = await startAgent({ walk: [], faults: { drop: true } });
    try {
      const dns = `${net.dns.host}:${net.dns.port}`;
      const ca = join(home.dir, 'ca.pem');
      writeFileSync(ca, net.caPem);
      const r = await runCli(
        ['diagnose', `127.0.0.1:${silent.port}`, '--no-input', '--json', '--timeout', '300', '--retries', '0', '--dns', dns,
          '--fallback-dns', dns, '--rgw', net.rgwUrl, '--rgw-port', String(net.rgwPort), '--ca-file', ca, '--gateway-ping', '127.0.0.1'],
        { env: { ECLUB_HOME: home.dir } },
      );
      expect(r.code).toBe(3);
      const out = JSON.parse(r.stdout);
      expect(out.verdict.cause).toBe('device-snmp');
      expect(out.checks.find((c: CheckResult) => c.id === 'ugw-http').status).toBe('pass');
    } finally {
      await silent.close();
    }
  });
});
