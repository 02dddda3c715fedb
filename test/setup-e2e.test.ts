// eclub setup as the engineer runs it, against simulated devices over real SNMP on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { runCli, tempHome } from './helpers/cli.js';
import { startProfile, type TestDevice } from './helpers/sim.js';
import { scriptedPrompter } from '../src/ui/prompt.js';

const devices: Record<string, TestDevice> = {};
const home = tempHome();
const env = { ECLUB_HOME: home.dir };

beforeAll(async () => {
  for (const name of ['ir-adv-c5535i', 'irc2550i', 'ir-v1-noserial', 'gateway-outside', 'non-canon']) {
    devices[name] = await startProfile(name);
  }
});
afterAll(async () => {
  for (const d of Object.values(devices)) await d.close();
  home.cleanup();
});

const target = (name: string) => `127.0.0.1:${devices[name]!.port}`;
const fast = ['--timeout', '300', '--retries', '0'];

describe('eclub setup against the simulator', () => {
  it('--json prints one object with the device, checks, steps and the record', async () => {
    const r = await runCli(['setup', target('irc2550i'), '--no-input', '--yes', '--comtest', 'ok', '--dns', '168.126.63.1,168.126.63.2', '--json', ...fast], { env });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.device).toMatchObject({
      vendor: 'Canon', model: 'iR C2550i', family: 'iRC', productName: 'IRC2550I', serial: 'DCQ12345',
      mac: '000085BA57A6', ip: '101.1.49.233', subnet: '255.255.255.0', gateway: '101.1.49.55',
    });
    for (const key of ['host', 'firmware', 'sysDescr', 'clock', 'uptime', 'counters', 'supplies']) expect(out.device).toHaveProperty(key);
    expect(out.checks.every((c: { status: string }) => c.status === 'pass')).toBe(true);
    expect(out.steps.map((s: { id: string; confirmed: boolean }) => [s.id, s.confirmed])).toEqual([
      ['dns', true], ['ipv4', true], ['erds-clear', true], ['erds-enable', true], ['comtest', true],
    ]);
    expect(out.comTest).toBe('OK');
    const saved = JSON.parse(await readFile(out.record, 'utf8'));
    expect(saved.device.serial).toBe('DCQ12345');
    expect(saved.answers).toEqual({ dns: ['168.126.63.1', '168.126.63.2'], gateway: null, comTest: 'OK' });
  });

  it('fails the gateway-outside device with exit 1 and the panel path, in Korean', async () => {
    const r = await runCli(['--lang', 'ko', 'setup', target('gateway-outside'), '--no-input', ...fast], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('게이트웨이 11.22.22.55이(가) 기기의 서브넷 10.1.2.0/24 밖에 있습니다');
    expect(r.stdout).toContain('환경설정 > 네트워크 > TCP/IP설정 > IPV4 설정');
  });

  it('reads a v1-only iR without a serial and keys its record by MAC', async () => {
    const r = await runCli(['setup', target('ir-v1-noserial'), '--no-input', '--json', ...fast], { env });
    const out = JSON.parse(r.stdout);
    expect(out.device).toMatchObject({ snmpVersion: '1', family: 'iR', serial: null, gateway: null });
    expect(out.snmp.versionsTried).toEqual(['2c', '1']);
    expect(out.record).toMatch(/mac-000085C01234\.json$/);
    expect(out.checks.find((c: { id: string }) => c.id === 'gateway-in-subnet').status).toBe('skip');
  });

  it('warns that a non-Canon printer is outside e-Club, and still records it', async () => {
    const r = await runCli(['setup', target('non-canon'), '--no-input', ...fast], { env });
    expect(r.stderr).toContain('e-Club covers only those families');
    expect(r.stdout).toContain('WARN  device-family');
    expect(r.stdout).toContain('Recorded:');
  });

  it('asks what SNMP cannot read when someone is at the terminal', async () => {
    const prompter = scriptedPrompter([
      { input: 'xtk01999' },
      { input: '192.168.0.1' },
      { input: '' },
      { confirm: true }, { confirm: true }, { confirm: true }, { confirm: true }, { confirm: true },
      { select: 'NG' },
    ]);
    const r = await runCli(['setup', target('ir-v1-noserial'), ...fast], { env, prompter });
    expect(prompter.remaining()).toBe(0);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('COM-TEST: NG');
    expect(r.stdout).toContain(`eclub diagnose 127.0.0.1 --port ${devices['ir-v1-noserial']!.port}`);
    expect(r.stderr).toContain('[3/5] Service mode level 1: clear ERDS-DAT');
    // The plate's serial, asked because SNMP has none, keys the record.
    expect(prompter.asked[0]).toContain('Serial (기번) from the device plate');
    expect(r.stdout).toMatch(/Recorded: .*XTK01999\.json/);
  });

  it('takes the plate serial from --serial when SNMP has none, and refuses it with a list', async () => {
    const r = await runCli(['setup', target('ir-v1-noserial'), '--serial', 'XTK01888', '--no-input', '--json', ...fast], { env });
    const out = JSON.parse(r.stdout);
    expect(out.device.serial).toBe('XTK01888');
    expect(out.record).toMatch(/XTK01888\.json$/);
    expect(out.checks.find((c: { id: string }) => c.id === 'serial-pattern').status).toBe('pass');
    const list = await runCli(['setup', '--from', 'x.csv', '--serial', 'XTK01888', '--no-input'], { env });
    expect(list.code).toBe(2);
    expect(list.stderr).toContain('--serial');
  });

  it('keeps the serial the device reports over --serial, and says so', async () => {
    const r = await runCli(['setup', target('irc2550i'), '--serial', 'ABC99999', '--no-input', '--json', ...fast], { env });
    expect(JSON.parse(r.stdout).device.serial).toBe('DCQ12345');
    expect(r.stderr).toContain('--serial says ABC99999');
  });

  it('lists the recorded devices, as text and --json', async () => {
    const text = await runCli(['devices'], { env });
    expect(text.stdout).toContain('DCQ12345');
    const json = JSON.parse((await runCli(['devices', '--json'], { env })).stdout);
    expect(json.devices.map((d: { key: string }) => d.key)).toEqual(expect.arrayContaining(['DCQ12345', 'XTK01222']));
  });

  it('exits 3 for a silent device, saying what was tried, without the community', async () => {
    const silent = await startProfile('irc2550i', { drop: true });
    try {
      const r = await runCli(['setup', `127.0.0.1:${silent.port}`, '--no-input', '--community', 's3cret-community', ...fast], { env });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/v2c/);
      expect(r.stderr).toMatch(/v1/);
      expect(r.stderr + r.stdout).not.toContain('s3cret-community');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await silent.close();
    }
  });

  it.each([
    [['setup', '10.0.0.300', '--no-input'], '<host>'],
    [['setup', '127.0.0.1', '--port', '70000', '--no-input'], '--port'],
    [['setup', '127.0.0.1', '--dns', '8.8.8', '--no-input'], '--dns'],
    [['setup', '127.0.0.1', '--gateway', 'router', '--no-input'], '--gateway'],
    [['setup', '127.0.0.1', '--comtest', 'maybe', '--no-input'], '--comtest'],
    [['setup', '127.0.0.1', '--serial', 'DCQ-12345', '--no-input'], '--serial'],
    [['setup', '127.0.0.1', '--snmp-version', '4', '--no-input'], '--snmp-version'],
    [['setup', '127.0.0.1', '--timeout', 'soon', '--no-input'], '--timeout'],
    [['setup', '127.0.0.1', '--snmp-version', '3', '--user', 'u', '--auth-protocol', 'sha', '--auth-key-file', '/nonexistent/key', '--no-input'], '--auth-key-file'],
  ])('exit 2 for bad input %j, naming %s', async (argv, option) => {
    const r = await runCli(argv, { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(option);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('SNMPv3 key files', () => {
  it.each([['en', 'shorter than 8 characters'], ['ko', '8자보다 짧습니다']])('a key under 8 characters is exit 2 naming the flag (%s)', async (lang, text) => {
    const h = tempHome();
    try {
      const { writeFileSync } = await import('node:fs');
      const key = `${h.dir}/auth.key`;
      writeFileSync(key, 'k3y!x\n');
      const r = await runCli(['--lang', lang, 'setup', '127.0.0.1:9', '--snmp-version', '3', '--user', 'u', '--auth-protocol', 'sha', '--auth-key-file', key, '--no-input'], { env: { ECLUB_HOME: h.dir } });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--auth-key-file');
      expect(r.stderr).toContain(text);
      expect(r.stderr).not.toContain('k3y!x');
    } finally {
      h.cleanup();
    }
  });
});
