// The whole `eclub diagnose` as a child process against a simulated site: a healthy one
// (target < 1 s) and a dead one — device silent, DNS silent, timeouts 500 ms — which
// must finish within the longest chain of timeouts plus a little, not their sum.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, table, timeNode } from './lib.mjs';

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;

/** Median wall time of an async child (the simulators live in this process, so no spawnSync). */
async function timeChild(args, env, n) {
  const once = () =>
    new Promise((resolve, reject) => {
      const t0 = process.hrtime.bigint();
      const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, code, out }));
    });
  await once();
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(await once());
  runs.sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(runs.length / 2)];
}

export default async function () {
  let sim;
  try {
    sim = { index: await import(dist('sim/index.js')), scenarios: await import(dist('sim/scenarios.js')) };
  } catch (err) {
    if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
    console.log('  skipped: the device and network simulators are not built yet');
    return;
  }
  const TIMEOUT = 500;
  const home = mkdtempSync(join(tmpdir(), 'eclub-bench-'));
  const env = { ECLUB_HOME: home, HTTPS_PROXY: '', https_proxy: '' };
  const rows = [];
  const startup = timeNode([BIN, '--help'], 5);

  // What `eclub simulate --profile irc2550i --scenario <name>` starts.
  const site = async (scenario, faults) => {
    const s = await sim.index.startSimulation({ profiles: ['irc2550i'], scenario, faults });
    const caFile = join(home, `${scenario}.pem`);
    writeFileSync(caFile, s.network.caPem);
    const d = s.devices[0];
    const args = ['diagnose', `${d.host}:${d.port}`, ...sim.scenarios.buildDiagnoseArgs({ ...s.network.describe(), caFile }),
      '--no-input', '--json', '--timeout', String(TIMEOUT), '--retries', '0'];
    return { args, close: () => s.close() };
  };

  const healthy = await site('healthy', {});
  try {
    const r = await timeChild(healthy.args, env, 5);
    const cause = JSON.parse(r.out).verdict.cause;
    rows.push(['healthy site', r.ms.toFixed(0), `eclub --help: ${startup.toFixed(0)}`, `exit ${r.code}, cause ${cause}`, `< 1000 ms ${r.ms < 1000 ? 'ok' : 'MISSED'}`]);
  } finally {
    await healthy.close();
  }

  // Dead: the device drops SNMP, the DNS responder is silent. Chains: SNMP v2c then v1
  // (2 × 500) ‖ DNS device + fallback together (500) ‖ the two pings (500 each, parallel).
  const dead = await site('dns-down', { drop: true });
  try {
    const r = await timeChild(dead.args, env, 3);
    const cause = JSON.parse(r.out).verdict.cause;
    const longest = 2 * TIMEOUT;
    // Sum of every timeout run one after another: SNMP ×2 versions, 2 pings, DNS + fallback, TCP, TLS, HTTP.
    const sum = 2 * TIMEOUT + 2 * TIMEOUT + 2 * TIMEOUT + 3 * TIMEOUT;
    const bound = longest + startup + 300;
    rows.push([
      'dead site (timeouts 500 ms)', r.ms.toFixed(0), `sum of timeouts: ${sum}; longest chain ${longest} + start-up ${startup.toFixed(0)}`,
      `exit ${r.code}, cause ${cause}`, `<= ${bound.toFixed(0)} ms ${r.ms <= bound ? 'ok' : 'MISSED'}`,
    ]);
  } finally {
    await dead.close();
    rmSync(home, { recursive: true, force: true });
  }
  table(['measure', 'median ms', 'baseline ms', 'result', 'target'], rows);
}
