// eclub discover over a /24 on loopback: 10 simulated devices (127.0.0.2-11), 244
// silent addresses, 1 s timeout, no retries. Wall time and peak memory of the real
// command (a child process), beside the sequential baseline: probes one after another,
// measured on a few addresses and extrapolated to the /24.
// Targets (issue 5): <= 1.5 s, >= 50x the sequential baseline, < 150 MB.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN, table } from './lib.mjs';
import { startFleet } from '../dist/sim/fleet.js';
import { discoverDevices } from '../dist/discover/scan.js';
import { runBounded } from '../dist/batch.js';
import { IDENTITY_OIDS } from '../dist/discover/probe.js';
import snmpLib from 'net-snmp';

const MAXRSS = fileURLToPath(new URL('./maxrss.mjs', import.meta.url));
const TIMEOUT = 1000;
const snmp = { port: 0, community: 'public', version: 'auto', timeoutMs: TIMEOUT, retries: 0 };

/** Run the CLI without blocking this process's event loop: the fleet answers from here. */
function spawnAsync(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function runDiscover(port, extra) {
  const dir = mkdtempSync(join(tmpdir(), 'eclub-bench-'));
  const rssFile = join(dir, 'rss');
  const t0 = process.hrtime.bigint();
  const r = await spawnAsync(
    ['--import', MAXRSS, BIN, 'discover', '127.0.0.0/24', '--port', String(port), '--timeout', String(TIMEOUT), '--retries', '0', '--json', ...extra],
    { ...process.env, ECLUB_BENCH_RSS_FILE: rssFile, ECLUB_HOME: dir },
  );
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`discover exited ${r.status}: ${r.stderr}`);
  const found = JSON.parse(r.stdout).devices.length;
  const rss = Number(readFileSync(rssFile, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  return { ms, found, rss };
}

async function timeSequential(hosts, port) {
  const t0 = process.hrtime.bigint();
  await discoverDevices(hosts, { snmp: { ...snmp, port }, concurrency: 1 });
  return Number(process.hrtime.bigint() - t0) / 1e6 / hosts.length;
}

/** The alternative design: one net-snmp session (one socket) per address, same bound. */
async function timeNetSnmpSessions(port, concurrency) {
  const hosts = Array.from({ length: 254 }, (_, i) => `127.0.0.${i + 1}`);
  const t0 = process.hrtime.bigint();
  const answers = await runBounded(hosts, concurrency, (host) =>
    new Promise((resolve) => {
      const s = snmpLib.createSession(host, 'public', { port, version: snmpLib.Version1, timeout: TIMEOUT, retries: 0 });
      s.on('error', () => undefined);
      // v1 fails the whole GET when one OID is missing: ask the two every agent has.
      s.get(IDENTITY_OIDS.slice(0, 2), (err) => {
        s.close();
        resolve(!err);
      });
    }),
  );
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, found: answers.filter(Boolean).length };
}

export default async function () {
  const fleet = await startFleet({ count: 10 });
  try {
    // Baseline: one address after another. Per-address cost measured on 3 devices and
    // 3 silent addresses (each silent one waits the full timeout), then 10 + 244 of them.
    const perDevice = await timeSequential(fleet.devices.slice(0, 3).map((d) => d.host), fleet.port);
    const perSilent = await timeSequential(['127.0.1.1', '127.0.1.2', '127.0.1.3'], fleet.port);
    const sequential = 10 * perDevice + 244 * perSilent;

    const rows = [];
    for (const [label, extra] of [
      ['default (--concurrency 256)', []],
      ['--concurrency 64', ['--concurrency', '64']],
    ]) {
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await runDiscover(fleet.port, extra));
      runs.sort((a, b) => a.ms - b.ms);
      const med = runs[1];
      const ratio = sequential / med.ms;
      const mb = Math.max(...runs.map((r) => r.rss)) / 2 ** 20;
      rows.push([
        `discover /24, ${label}`,
        `${med.ms.toFixed(0)} ms`,
        `${med.found}/10 found`,
        `sequential ~${(sequential / 1000).toFixed(1)} s`,
        `${ratio.toFixed(0)}x`,
        `${mb.toFixed(0)} MB`,
        [med.ms <= 1500 ? 'time ok' : 'time MISSED', ratio >= 50 ? 'ratio ok' : 'ratio MISSED', mb < 150 ? 'mem ok' : 'mem MISSED'].join(', '),
      ]);
    }
    const ns = await timeNetSnmpSessions(fleet.port, 256);
    rows.push(['net-snmp session per address, 256 at once (in-process, first GET only)', `${ns.ms.toFixed(0)} ms`, `${ns.found}/10 found`, '', `${(sequential / ns.ms).toFixed(0)}x`, '-', 'for comparison']);
    table(['measure', 'wall (median of 3)', 'result', 'baseline', 'ratio', 'peak RSS', 'targets <=1.5 s, >=50x, <150 MB'], rows);
  } finally {
    await fleet.close();
  }
}
