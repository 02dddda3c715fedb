// discover against a simulated fleet on 127.0.0.2…: real agents, real UDP, loopback only.
import { createSocket, type Socket } from 'node:dgram';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../src/sim/fleet.js';
import { openSnmpUdpClient } from '../src/snmp/udp-client.js';
import { runCli, tempHome } from './helpers/cli.js';

let fleet: Fleet;
const V3_USER = { user: 'eng', authProtocol: 'sha', authKey: 'auth-pass-123', privProtocol: 'aes', privKey: 'priv-pass-456' } as const;
let garbage: Socket;
const scan = (extra: string[] = [], env: Record<string, string> = {}) =>
  runCli(['discover', '127.0.0.0/24', '--port', String(fleet.port), '--timeout', '300', '--retries', '0', ...extra], { env });

// What a user sees for the fleet of 5 (src/sim/fleet.ts): host, vendor, model, family, serial, MAC.
const EXPECTED = [
  ['127.0.0.2', 'Canon', 'iR-ADV C5535i', 'iR-ADV', 'XTK01001', '001E8F5A0001'],
  ['127.0.0.3', 'Canon', 'iR2525', 'iR', null, '0000855A0002'], // v1 only, no serial
  ['127.0.0.4', 'Canon', 'iR-ADV C5535i', 'iR-ADV', 'XTK01003', '001E8F5A0003'],
  ['127.0.0.5', 'Canon', 'iR C2550i', 'iRC', 'XTK01004', '0000855A0004'], // MAC as text on the device
  ['127.0.0.6', 'HP', 'HP LaserJet M507', 'other', 'PHBXK00005', 'A0D3C15A0005'],
] as const;

beforeAll(async () => {
  fleet = await startFleet({ count: 5, v3Users: [V3_USER] });
  // 127.0.0.7 answers every datagram with an HTTP error: not SNMP.
  garbage = createSocket('udp4');
  garbage.on('message', (_buf, from) => garbage.send('HTTP/1.0 400 Bad Request\r\n\r\n', from.port, from.address));
  await new Promise<void>((resolve) => garbage.bind(fleet.port, '127.0.0.7', resolve));
});
afterAll(async () => {
  await fleet.close();
  await new Promise<void>((resolve) => garbage.close(() => resolve()));
});

describe('eclub discover on a simulated fleet', () => {
  it('lists exactly the fleet with --json; silent addresses are not found, the garbage one is unreadable', async () => {
    const r = await scan(['--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.devices).toEqual(EXPECTED.map(([host, vendor, model, family, serial, mac]) => ({ host, vendor, model, family, serial, mac })));
    expect(out.unreadable).toEqual([{ host: '127.0.0.7', reason: expect.any(String) }]);
    expect(out.scanned).toBe(254);
    expect(r.stderr).toBe('');
  });

  it('prints a table in Korean with the device count on stderr', async () => {
    const r = await scan(['--lang', 'ko']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^호스트\s+제조사\s+모델\s+계열\s+기번\s+MAC$/);
    expect(lines).toHaveLength(2 + 5);
    expect(r.stdout).toMatch(/127\.0\.0\.3\s+Canon\s+iR2525\s+iR\s+-\s+0000855A0002/);
    expect(r.stderr).toContain('주소 254개 중 기기 5대 발견, 읽을 수 없음 1대');
    expect(r.stderr).toContain('127.0.0.7: 응답은 있으나 읽을 수 없음');
  });

  it('draws a progress bar on a terminal\'s stderr, never with --json', async () => {
    const args = ['discover', '127.0.0.1-7', '--port', String(fleet.port), '--timeout', '200', '--retries', '0'];
    const tty = await runCli(args, { tty: true });
    expect(tty.stderr).toMatch(/\[#{24}\] 7\/7 probed, 5 found/);
    expect(tty.stdout).toContain('127.0.0.6');
    const json = await runCli([...args, '--json'], { tty: true });
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout).devices).toHaveLength(5);
  });

  it('prints CSV with --csv', async () => {
    const r = await scan(['--csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('host,vendor,model,family,serial,mac');
    expect(lines.slice(1)).toEqual(EXPECTED.map((row) => row.map((c) => c ?? '').join(',')));
  });

  it('finds nothing with the wrong community (dropped silently), still exit 0, and says what to check', async () => {
    const r = await runCli(['discover', '127.0.0.2-4', '--port', String(fleet.port), '--timeout', '200', '--retries', '0', '--community', 'wrong']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('0 device(s) found among 3 address(es)');
    expect(r.stderr).toContain('--community');
  });

  it('with --snmp-version 2c the v1-only device stays silent, the others answer', async () => {
    const r = await runCli(['discover', '127.0.0.2-3', '--port', String(fleet.port), '--timeout', '200', '--retries', '0', '--snmp-version', '2c', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).devices.map((d: { host: string }) => d.host)).toEqual(['127.0.0.2']);
  });

  it('probes with SNMP v3 (a session per host): the v1-only device stays silent', async () => {
    const home = tempHome();
    try {
      writeFileSync(join(home.dir, 'auth'), V3_USER.authKey + '\n');
      writeFileSync(join(home.dir, 'priv'), V3_USER.privKey + '\n');
      const r = await runCli([
        'discover', '127.0.0.1-7', '--port', String(fleet.port), '--timeout', '300', '--retries', '0', '--json',
        '--snmp-version', '3', '--user', 'eng', '--auth-protocol', 'sha', '--auth-key-file', join(home.dir, 'auth'),
        '--priv-protocol', 'aes', '--priv-key-file', join(home.dir, 'priv'),
      ]);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.devices).toEqual(
        EXPECTED.filter(([host]) => host !== '127.0.0.3').map(([host, vendor, model, family, serial, mac]) => ({ host, vendor, model, family, serial, mac })),
      );
      expect(r.stdout + r.stderr).not.toContain(V3_USER.authKey);
    } finally {
      home.cleanup();
    }
  });

  it('--save records each device as setup would, without the engineer\'s answers; eclub devices lists them', async () => {
    const home = tempHome();
    try {
      const r = await scan(['--save'], { ECLUB_HOME: home.dir });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('5 device record(s) saved');
      const listed = await runCli(['devices', '--json'], { env: { ECLUB_HOME: home.dir } });
      const records = JSON.parse(listed.stdout).devices as Array<{ key: string; device: Record<string, unknown>; answers: unknown; checks: unknown[] }>;
      expect(records.map((x) => x.key)).toEqual(['PHBXK00005', 'XTK01001', 'XTK01003', 'XTK01004', 'mac-0000855A0002']);
      const adv = records.find((x) => x.key === 'XTK01001')!;
      expect(adv.device).toMatchObject({ host: '127.0.0.2', port: fleet.port, model: 'iR-ADV C5535i', family: 'iR-ADV', ip: '10.77.0.11', gateway: '10.77.0.1', mac: '001E8F5A0001' });
      expect(adv.answers).toEqual({ dns: null, gateway: null, comTest: null });
      expect(adv.checks.length).toBeGreaterThan(0);
      expect(listed.stdout).not.toContain('public');
    } finally {
      home.cleanup();
    }
  });
});

describe('eclub discover: bad input (exit 2, naming the problem)', () => {
  it.each([
    [['discover', '10.0.0.0/8'], ['10.0.0.0/8', '16777214', '--force']],
    [['discover', '10.0.0.0/33'], ['"10.0.0.0/33"', 'a.b.c.d/nn']],
    [['discover', '127.0.0.1', '--concurrency', '0'], ['--concurrency', '1 to 1024']],
    [['discover', '127.0.0.1', '--port', '70000'], ['--port']],
    [['discover', '127.0.0.0/30', '--snmp-version', '3', '--user', 'u', '--broadcast'], ['--broadcast', 'v1/v2c']],
  ])('%j', async (argv, needles) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    for (const n of needles) expect(r.stderr).toContain(n);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the range in Korean too', async () => {
    const r = await runCli(['--lang', 'ko', 'discover', '10.0.0.0/8']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('10.0.0.0/8은(는) 주소 16777214개로');
  });
});

describe('the one-socket client', () => {
  it('eclub discover --broadcast asks the subnet\'s broadcast address once, not each address', async () => {
    // On loopback the fleet (bound to 127.0.0.x) does not receive 127.0.0.255, so nothing
    // answers; what is shown is the command's own behaviour: one address asked, exit 0.
    const r = await runCli(['discover', '127.0.0.0/24', '--broadcast', '--port', String(fleet.port), '--timeout', '200']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('asking by broadcast: 127.0.0.255');
    expect(r.stderr).toContain('found among 0 address(es)');
  });

  it('the one-socket client collects every answer to a request (as --broadcast does)', async () => {
    // Real broadcast cannot be tested on loopback (agents bound to 127.0.0.x do not get
    // datagrams sent to 127.255.255.255), so the collector is shown with one address.
    const client = await openSnmpUdpClient({ timeoutMs: 300, retries: 0 });
    try {
      const { answers, error } = await client.collect({ host: '127.0.0.4', port: fleet.port, version: 0, community: 'public' }, ['1.3.6.1.2.1.1.1.0'], 300);
      expect(error).toBeNull();
      expect(answers.map((a) => a.host)).toEqual(['127.0.0.4']);
    } finally {
      await client.close();
    }
  });
});
