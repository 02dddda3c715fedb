// Small helpers for benchmarks: timing whole commands and printing rows side by side.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../bin/eclub.js', import.meta.url));

/** Median wall time in ms of `node args...` over n runs (after one warm-up). */
export function timeNode(args, n = 15, env = {}) {
  spawnSync(process.execPath, args, { env: { ...process.env, ...env } });
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Print a table: rows of [label, value, baseline, ratio/verdict]. */
export function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  for (const r of all) console.log('  ' + r.map((c, i) => c.padEnd(widths[i])).join('  '));
}
