// device-icmp / gateway-icmp: only "did anything answer" counts; no answer is inconclusive
// (warn), never a failure; no ping program is a skip. The real seam is the system ping
// program the `ping` package runs: here a stand-in on PATH prints iputils output for
// 127.0.0.1, so the package's parsing is exercised without sending anything anywhere.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accessSync, constants } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeIcmp } from '../src/checks/reach.js';
import { PingUnavailableError, systemPing, type Pinger } from '../src/checks/icmp.js';
import { en, ko } from '../src/ui/i18n.js';

describe('probeIcmp with a pinger', () => {
  const alive: Pinger = async () => true;
  const silent: Pinger = async () => false;
  const missing: Pinger = async () => {
    throw new PingUnavailableError('no ping');
  };
  const cases: Array<[string, 'device-icmp' | 'gateway-icmp', Pinger, string, RegExp, RegExp | null]> = [
    ['answers', 'device-icmp', alive, 'pass', /127\.0\.0\.1 answers ping/, null],
    ['device silent', 'device-icmp', silent, 'warn', /no ping answer within 1000 ms \(inconclusive/, /check that it is on/],
    ['gateway silent', 'gateway-icmp', silent, 'warn', /inconclusive: ICMP is often blocked/, /gateway address/],
    ['no ping program', 'gateway-icmp', missing, 'skip', /ping program is missing/, /iputils-ping/],
  ];
  it.each(cases)('%s → %s', async (_n, id, ping, status, evidence, fix) => {
    const r = await probeIcmp(id, '127.0.0.1', 1000, en, { ping });
    expect(r).toMatchObject({ id, status });
    expect(r.evidence).toMatch(evidence);
    if (fix) expect(r.fix).toMatch(fix);
    else expect(r.fix).toBeNull();
  });
  it('Korean', async () => {
    expect((await probeIcmp('device-icmp', '127.0.0.1', 1000, ko, { ping: silent })).evidence).toMatch(/판단 불가/);
  });
  it('an unexpected pinger error is not swallowed', async () => {
    const broken: Pinger = async () => {
      throw new RangeError('bug');
    };
    await expect(probeIcmp('device-icmp', '127.0.0.1', 1000, en, { ping: broken })).rejects.toThrow(RangeError);
  });
});

const REPLY = `PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.
64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.045 ms

--- 127.0.0.1 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.045/0.045/0.045/0.000 ms
`;
const NO_REPLY = `PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.

--- 127.0.0.1 ping statistics ---
1 packets transmitted, 0 received, 100% packet loss, time 0ms
`;

describe.runIf(process.platform === 'linux')('systemPing through the ping package', () => {
  const dirs: Record<'alive' | 'dead' | 'none', string> = { alive: '', dead: '', none: '' };
  const savedPath = process.env.PATH;
  beforeAll(() => {
    for (const k of Object.keys(dirs) as Array<keyof typeof dirs>) dirs[k] = mkdtempSync(join(tmpdir(), `eclub-ping-${k}-`));
    // PATH holds only this directory, so the script uses shell builtins only.
    const script = (out: string, code: number) => `#!/bin/sh\nprintf '%s' '${out}'\nexit ${code}\n`;
    writeFileSync(join(dirs.alive, 'ping'), script(REPLY, 0));
    writeFileSync(join(dirs.dead, 'ping'), script(NO_REPLY, 1));
    chmodSync(join(dirs.alive, 'ping'), 0o755);
    chmodSync(join(dirs.dead, 'ping'), 0o755);
  });
  afterAll(() => {
    process.env.PATH = savedPath;
    for (const d of Object.values(dirs)) rmSync(d, { recursive: true, force: true });
  });
  const cases: Array<[keyof typeof dirs, string]> = [
    ['alive', 'pass'],
    ['dead', 'warn'],
    ['none', 'skip'],
  ];
  it.each(cases)('ping program %s → %s', async (kind, status) => {
    process.env.PATH = dirs[kind];
    try {
      const r = await probeIcmp('device-icmp', '127.0.0.1', 1000, en);
      expect(r.status).toBe(status);
    } finally {
      process.env.PATH = savedPath;
    }
  });

  const hasPing = (savedPath ?? '').split(':').some((d) => {
    try {
      accessSync(join(d, 'ping'), constants.X_OK);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'EACCES') return false;
      throw err;
    }
  });
  // CI installs iputils-ping (.ci/run): there a missing ping must fail, not skip.
  it.runIf(hasPing || Boolean(process.env.CI))('the real ping program: 127.0.0.1 answers', async () => {
    expect(await systemPing('127.0.0.1', 1000)).toBe(true);
  });
});
