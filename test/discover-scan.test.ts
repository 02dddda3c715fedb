// discover against a simulated fleet on 127.0.0.2…: real agents, real UDP, loopback only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import snmp from 'net-snmp';
import { startFleet, type Fleet } from '../src/sim/fleet.js';
import { openSnmpUdpClient } from '../src/snmp/udp-client.js';
import { listDeviceRecords } from '../src/store/devices.js';
import { runCli, tempHome } from './helpers/cli.js';

let fleet: Fleet;
const scan = (extra: string[] = [], env: Record<string, string> = {}) =>
  runCli(['discover', '127.0.0.0/24', '--port', String(fleet.port), '--timeout', '300', '--retries', '0', ...extra], { env });

beforeAll(async () => {
  // 6 devices: Canon ones, a v1-only iR (127.0.0.3), one answering garbage (127.0.0.6), one HP (127.0.0.7).
  fleet = await startFleet({ count: 6, garbage: true });
});
afterAll(() => fleet.close());

describe('eclub discover on a simulated fleet', () => {
  it('lists exactly the fleet with --json; silent addresses are not found, the garbage one is unreadable', async () => {
    const r = await scan(['--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const readable = fleet.devices.filter((d) => d.profile !== 'garbage');
    expect(out.devices).toEqual(
      readable.map((d) => ({
        host: d.host,
        vendor: d.profile === 'other' ? 'HP' : 'Canon',
        model: d.model,
        family: { 'canon-adv': 'iR-ADV', 'canon-irc': 'iRC', 'canon-ir-v1': 'iR', other: 'other', garbage: 'other' }[d.profile],
        serial: d.serial,
        mac: d.mac,
      })),
    );
    expect(out.unreadable).toEqual([{ host: '127.0.0.6', reason: expect.any(String) }]);
    expect(out.scanned).toBe(254);
    expect(r.stderr).toBe('');
  });

  it('prints a table in Korean with the device count on stderr', async () => {
    const r = await scan(['--lang', 'ko']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^호스트\s+제조사\s+모델\s+계열\s+기번\s+MAC$/);
    expect(lines).toHaveLength(2 + 5);
    expect(r.stdout).toMatch(/127\.0\.0\.3\s+Canon\s+iR 2520\s+iR\s+XTK01002\s+0000855A0002/);
    expect(r.stderr).toContain('주소 254개 중 기기 5대 발견, 읽을 수 없음 1대');
    expect(r.stderr).toContain('127.0.0.6: 응답은 있으나 읽을 수 없음');
  });

  it('draws a progress bar on a terminal\'s stderr, never with --json', async () => {
    const args = ['discover', '127.0.0.1-7', '--port', String(fleet.port), '--timeout', '200', '--retries', '0'];
    const tty = await runCli(args, { tty: true });
    expect(tty.stderr).toMatch(/\[#{24}\] 7\/7 probed, 5 found/);
    const json = await runCli([...args, '--json'], { tty: true });
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout).devices).toHaveLength(5);
  });

  it('prints CSV with --csv', async () => {
    const r = await scan(['--csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('host,vendor,model,family,serial,mac');
    expect(lines[1]).toBe('127.0.0.2,Canon,iR-ADV C5235,iR-ADV,XTK01001,0000855A0001');
    expect(lines).toHaveLength(6);
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

  it('--save records each device, keyed by serial, without the engineer\'s answers', async () => {
    const home = tempHome();
    try {
      const r = await scan(['--save'], { ECLUB_HOME: home.dir });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('5 device record(s) saved');
      const { records } = await listDeviceRecords(`${home.dir}/devices`);
      expect(records.map((x) => x.key).sort()).toEqual(['PHB10006', 'XTK01001', 'XTK01002', 'XTK01003', 'XTK01004']);
      const adv = records.find((x) => x.key === 'XTK01001')!;
      expect(adv.device).toMatchObject({ host: '127.0.0.2', port: fleet.port, model: 'iR-ADV C5235', family: 'iR-ADV', mac: '0000855A0001' });
      expect(adv.answers).toEqual({ dns: null, gateway: null, comTest: null });
      expect(JSON.stringify(records)).not.toContain('public');
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
    [['discover', '127.0.0.1', '--snmp-version', '3', '--user', 'u'], ['v1/v2c']],
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

describe('the fleet speaks SNMP that net-snmp understands', () => {
  const get = (version: 0 | 1, host: string, oids: string[]) =>
    new Promise<Array<{ oid: string; value: unknown; type: number }>>((resolve, reject) => {
      const s = snmp.createSession(host, 'public', { port: fleet.port, version, timeout: 500, retries: 0 });
      s.get(oids, (err, vbs) => {
        s.close();
        if (err) reject(err);
        else resolve(vbs as never);
      });
    });

  it.each([snmp.Version1, snmp.Version2c])('answers a net-snmp GET (version %i)', async (version) => {
    const vbs = await get(version, '127.0.0.2', ['1.3.6.1.2.1.1.1.0', '1.3.6.1.2.1.1.2.0', '1.3.6.1.2.1.2.2.1.6.2']);
    expect(String(vbs[0]!.value)).toBe('Canon iR-ADV C5235 /P');
    expect(vbs[1]!.value).toBe('1.3.6.1.4.1.1602.4.7');
    expect((vbs[2]!.value as Buffer).toString('hex')).toBe('0000855a0001');
  });

  it('fails a v1 GET of a missing OID with noSuchName, as Canon devices do', async () => {
    await expect(get(snmp.Version1, '127.0.0.3', ['1.3.6.1.2.1.1.1.0', '1.3.6.1.2.1.43.5.1.1.17.1'])).rejects.toThrow(/NoSuchName/);
  });

  it('walks the whole device with net-snmp (GETBULK over v2c)', async () => {
    const oids: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const s = snmp.createSession('127.0.0.2', 'public', { port: fleet.port, version: snmp.Version2c, timeout: 500, retries: 0 });
      s.walk('1.3.6.1', 5, (vbs) => void oids.push(...vbs.map((v) => v.oid)), (err) => {
        s.close();
        if (err) reject(err);
        else resolve();
      });
    });
    expect(oids).toContain('1.3.6.1.4.1.1602.1.2.1.4.0');
    expect(oids.length).toBeGreaterThan(15);
  });

  it('the one-socket client collects every answer to a request (as --broadcast does)', async () => {
    // Real broadcast cannot be tested on loopback (agents bound to 127.0.0.x do not get
    // datagrams sent to 127.255.255.255), so the collector is shown with one address.
    const client = await openSnmpUdpClient({ timeoutMs: 300, retries: 0 });
    try {
      const answers = await client.collect({ host: '127.0.0.4', port: fleet.port, version: 0, community: 'public' }, ['1.3.6.1.2.1.1.1.0'], 300);
      expect(answers.map((a) => a.host)).toEqual(['127.0.0.4']);
    } finally {
      await client.close();
    }
  });
});
