// The loopback fleet: pure walk fitting, and `eclub simulate --fleet N` as a real child.
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildFleetHosts, buildFleetProfiles, buildFleetWalk } from '../src/sim/fleet.js';
import { findProfile, loadProfileWalk } from '../src/snmp/profiles.js';
import { runCli } from './helpers/cli.js';

describe('the fleet plan', () => {
  it.each([
    [1, ['ir-adv-c5535i']],
    [2, ['ir-adv-c5535i', 'ir-v1-noserial']],
    [3, ['ir-adv-c5535i', 'ir-v1-noserial', 'non-canon']],
    [5, ['ir-adv-c5535i', 'ir-v1-noserial', 'ir-adv-c5535i', 'irc2550i', 'non-canon']],
  ])('%i device(s): %j', (n, profiles) => {
    expect(buildFleetProfiles(n)).toEqual(profiles);
    expect(buildFleetHosts(n).at(-1)).toBe(`127.0.0.${n + 1}`);
  });

  it('fits a walk to device n: its own LAN address, route, serials and MAC', async () => {
    const walk = buildFleetWalk(await loadProfileWalk(findProfile('ir-adv-c5535i')), 7);
    const get = (oid: string) => walk.find((e) => e.oid === oid)?.value;
    expect(get('1.3.6.1.2.1.4.20.1.1.10.77.0.17')).toBe('10.77.0.17');
    expect(get('1.3.6.1.2.1.4.20.1.3.10.77.0.17')).toBe('255.255.0.0');
    expect(get('1.3.6.1.2.1.4.20.1.1.192.168.10.50')).toBeUndefined();
    expect(get('1.3.6.1.2.1.4.21.1.7.0.0.0.0')).toBe('10.77.0.1');
    expect(String(get('1.3.6.1.4.1.1602.1.2.1.4.0'))).toBe('XTK01007');
    expect(String(get('1.3.6.1.2.1.43.5.1.1.17.1'))).toBe('XTK01007');
    expect((get('1.3.6.1.2.1.2.2.1.6.2') as Buffer).toString('hex')).toBe('001e8f5a0007');
  });
});

const BIN = fileURLToPath(new URL('../bin/eclub.js', import.meta.url));

/** A port free on 127.0.0.2 right now (the fleet takes the same one on every address). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createSocket('udp4');
    s.once('error', reject);
    s.bind(0, '127.0.0.2', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

describe('eclub simulate --fleet', () => {
  it('serves N devices on 127.0.0.2… on one port, found by discover; stops on Ctrl-C', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, 'simulate', '--fleet', '3', '--port', String(port), '--json'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ECLUB_LANG: 'en' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      let stdout = '';
      const listed = await new Promise<{ devices: Array<{ host: string; port: number; profile: string }> }>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          stdout += d;
          if (stdout.endsWith('\n}\n')) resolve(JSON.parse(stdout));
        });
        void exited.then(() => reject(new Error('simulate exited early')));
      });
      expect(listed.devices.map((d) => [d.host, d.port, d.profile])).toEqual([
        ['127.0.0.2', port, 'ir-adv-c5535i'],
        ['127.0.0.3', port, 'ir-v1-noserial'],
        ['127.0.0.4', port, 'non-canon'],
      ]);
      const r = await runCli(['discover', '127.0.0.1-8', '--port', String(port), '--timeout', '500', '--json']);
      expect(JSON.parse(r.stdout).devices.map((d: { host: string; vendor: string }) => [d.host, d.vendor])).toEqual([
        ['127.0.0.2', 'Canon'],
        ['127.0.0.3', 'Canon'],
        ['127.0.0.4', 'HP'],
      ]);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });

  it('with --scenario, prints the batch diagnose line that keeps every target on loopback, and it names the cause', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, 'simulate', '--fleet', '2', '--port', String(port), '--scenario', 'dns-down', '--no-api'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ECLUB_LANG: 'en' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      let stderr = '';
      const line = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (d) => {
          stderr += d;
          const found = stderr.split('\n').find((l) => l.startsWith('then: ') && stderr.includes(`${l}\n`));
          if (found) resolve(found);
        });
        void exited.then(() => reject(new Error(`simulate exited early: ${stderr}`)));
        // Fail (and reach the finally that stops the child) before vitest's own timeout would orphan it.
        setTimeout(() => reject(new Error(`no "then:" line from simulate: ${stderr}`)), 10_000).unref();
      });
      const prefix = `then: eclub discover 127.0.0.0/24 --port ${port} --json > fleet.json && eclub diagnose --from fleet.json --port ${port} `;
      expect(line.startsWith(prefix)).toBe(true);
      const args = line.slice(prefix.length).split(' ');
      expect(args).toEqual(expect.arrayContaining(['--fallback-dns', '--gateway-ping', '127.0.0.1']));
      expect(args[args.indexOf('--fallback-dns') + 1]).toMatch(/^127\.0\.0\.1:\d+$/);
      const list = join(mkdtempSync(join(tmpdir(), 'eclub-fleet-')), 'fleet.txt');
      writeFileSync(list, '127.0.0.2\n');
      const r = await runCli(['diagnose', '--from', list, '--port', String(port), ...args, '--timeout', '500', '--json']);
      expect(r.code).toBe(6);
      expect(JSON.parse(r.stdout).devices.map((d: { host: string; cause: string }) => [d.host, d.cause])).toEqual([['127.0.0.2', 'dns']]);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });

  it.each([['0'], ['251'], ['many']])('refuses --fleet %s with exit 2, naming it', async (n) => {
    const r = await runCli(['simulate', '--fleet', n]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--fleet');
    expect(r.stderr).toContain('1 to 250');
  });
});
