// End to end: `eclub diagnose --no-input` against a simulated device (a real SNMP agent on
// loopback) inside each simulated network scenario (DNS responder, UGW over HTTPS with its
// own CA, proxy). Every target is overridden to loopback — fallback DNS and the gateway
// ping included — so nothing leaves 127.0.0.0/8.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulation, type Simulation } from '../src/sim/index.js';
import { SCENARIOS, SCENARIO_FAILS, buildDiagnoseArgs, type ScenarioName } from '../src/sim/scenarios.js';
import { startAgent } from '../src/snmp/agent.js';
import type { CheckResult } from '../src/types.js';
import { runCli, tempHome } from './helpers/cli.js';

/** What `eclub simulate --profile irc2550i --scenario <name>` starts, and the diagnose flags pointing at it. */
async function startSite(scenario: ScenarioName, dir: string): Promise<{ sim: Simulation; args: string[] }> {
  // The device's hrSystemDate runs live at now + the scenario's offset (years behind in clock-off).
  const sim = await startSimulation({ profiles: ['irc2550i'], scenario });
  const caFile = join(dir, 'ugw-ca.pem');
  writeFileSync(caFile, sim.network!.caPem);
  const device = sim.devices[0]!;
  const diagnoseArgs = buildDiagnoseArgs({ ...sim.network!.describe(), caFile });
  // The profile's gateway (101.1.49.55) is a real address: the ping must stay on loopback.
  expect(diagnoseArgs.join(' ')).toContain('--gateway-ping 127.0.0.1');
  return {
    sim,
    args: [`${device.host}:${device.port}`, ...diagnoseArgs],
  };
}

const EXIT: Record<string, number> = { dns: 6, 'ugw-tcp': 6, 'ugw-tls': 6, 'ugw-http': 6, 'device-clock': 1 };

describe.each(SCENARIOS.map((s) => [s] as [ScenarioName]))('eclub diagnose in the %s scenario', (scenario) => {
  const home = tempHome();
  let sim: Simulation | undefined;
  let argv: string[];
  beforeAll(async () => {
    const site = await startSite(scenario, home.dir);
    sim = site.sim;
    argv = ['diagnose', ...site.args, '--no-input', '--timeout', '500', '--retries', '0'];
  });
  afterAll(async () => {
    await sim?.close();
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
    // The responder is on a high port: a stand-in, not a panel value, and said so.
    const dnsValid = out.checks.find((c: CheckResult) => c.id === 'dns-valid');
    expect(dnsValid).toMatchObject({ status: 'skip' });
    expect(dnsValid.evidence).toContain('not on port 53');
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
  let sim: Simulation | undefined;
  let args: string[];
  beforeAll(async () => {
    const site = await startSite('healthy', home.dir);
    sim = site.sim;
    args = site.args.slice(1);
  });
  afterAll(async () => {
    await sim?.close();
    home.cleanup();
  });

  it('is exit 3 with device-snmp as the cause; the UGW checks still run', async () => {
    const silent = await startAgent({ walk: [], faults: { drop: true } });
    try {
      const r = await runCli(
        ['diagnose', `127.0.0.1:${silent.port}`, ...args, '--no-input', '--json', '--timeout', '300', '--retries', '0'],
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
