// What the engineer sees when `eclub setup` meets the SNMP layer: a real simulated device,
// a silent one, in both languages.
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempHome } from './helpers/cli.js';
import { startProfile, type TestDevice } from './helpers/sim.js';

let device: TestDevice | undefined;
const homes: Array<() => void> = [];
afterEach(async () => {
  await device?.close();
  device = undefined;
  homes.splice(0).forEach((f) => f());
});

function home(): string {
  const h = tempHome();
  homes.push(h.cleanup);
  return h.dir;
}

describe('eclub setup over SNMP', () => {
  it('--json carries the device as read, MAC like the form, absent values null', async () => {
    device = await startProfile('ir-v1-noserial');
    const r = await runCli(['setup', `127.0.0.1:${device.port}`, '--no-input', '--json', '--timeout', '200', '--retries', '0'], {
      env: { ECLUB_HOME: home() },
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.device).toMatchObject({
      host: '127.0.0.1',
      model: 'iR2525',
      family: 'iR',
      productName: 'IR2525',
      serial: null,
      mac: '000085C01234',
      ip: '192.168.0.20',
      subnet: '255.255.255.0',
      gateway: null,
      clock: null,
      snmpVersion: '1',
    });
  });

  it.each([
    ['en', 'no SNMP reply from 127.0.0.1', 'tried SNMP v2c, v1', 'a firewall filters UDP'],
    ['ko', 'SNMP 응답이 없습니다', 'SNMP v2c, v1 버전으로', '방화벽이 UDP'],
  ])('%s: a silent device exits 3 saying what was tried and what silence can mean', async (lang, what, tried, why) => {
    device = await startProfile('ir-adv-c5535i', { drop: true });
    const r = await runCli(['setup', `127.0.0.1:${device.port}`, '--no-input', '--timeout', '100', '--retries', '0', '--community', 'hidden-c0mmunity'], {
      env: { ECLUB_HOME: home(), ECLUB_LANG: lang },
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(what);
    expect(r.stderr).toContain(tried);
    expect(r.stderr).toContain(why);
    expect(r.stderr + r.stdout).not.toContain('hidden-c0mmunity');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
