// eclub diagnose --from over 50 healthy simulated devices (a loopback fleet in the
// healthy site: DNS responder, UGW stand-in), as a child process. Baseline: one device's
// diagnose times 50, i.e. the devices one after another. Target (issue 5): < 5 s.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, table } from './lib.mjs';
import { startSimulation } from '../dist/sim/index.js';
import { buildDiagnoseArgs } from '../dist/sim/scenarios.js';

function timeCli(args, env) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, code, stdout, stderr }));
  });
}

export default async function () {
  const dir = mkdtempSync(join(tmpdir(), 'eclub-bench-'));
  const sim = await startSimulation({ fleet: 50, basePort: 0, scenario: 'healthy' });
  try {
    const caFile = join(dir, 'ugw-ca.pem');
    writeFileSync(caFile, sim.network.caPem);
    const port = String(sim.devices[0].port);
    const site = [...buildDiagnoseArgs({ ...sim.network.describe(), caFile }), '--port', port, '--timeout', '1000', '--retries', '0', '--no-input'];
    const list = join(dir, 'fleet.csv');
    writeFileSync(list, ['host', ...sim.devices.map((d) => d.host)].join('\n') + '\n');
    const env = { ...process.env, ECLUB_HOME: dir, ECLUB_LANG: 'en' };

    await timeCli(['diagnose', sim.devices[0].host, ...site, '--json'], env); // warm-up
    const one = [];
    for (let i = 0; i < 5; i++) one.push((await timeCli(['diagnose', sim.devices[i].host, ...site, '--json'], env)).ms);
    one.sort((a, b) => a - b);
    const sequential = one[2] * 50;

    const rows = [];
    for (const concurrency of ['8', '16']) {
      const r = await timeCli(['diagnose', '--from', list, ...site, '--concurrency', concurrency, '--json'], env);
      const out = JSON.parse(r.stdout);
      const ok = out.devices.filter((d) => d.exitCode === 0).length;
      rows.push([
        `diagnose --from (50 devices), --concurrency ${concurrency}${concurrency === '8' ? ' (default)' : ''}`,
        `${r.ms.toFixed(0)} ms`,
        `${ok}/50 ok, exit ${r.code}`,
        `one by one ~${(sequential / 1000).toFixed(1)} s (median ${one[2].toFixed(0)} ms each)`,
        `${(sequential / r.ms).toFixed(1)}x`,
        r.ms < 5000 ? '< 5 s ok' : '< 5 s MISSED',
      ]);
    }
    table(['measure', 'wall', 'result', 'baseline', 'ratio', 'target'], rows);
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
