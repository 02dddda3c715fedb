// `eclub --help` must start within 1.5x a bare `node -e 0`: heavy modules load per command,
// bin/eclub.js runs the esbuild bundle (dist/bundle/) and only the user's language loads.
// The runs interleave (bare, en, ko, bare, ...) so load from other work on the machine
// falls on all three alike; the load average is printed beside the figures.
import { loadavg } from 'node:os';
import { spawnSync } from 'node:child_process';
import { BIN, table } from './lib.mjs';

const RUNS = 31;
// Before the bundle (main at bad0a91, tsc's dist/ run module by module), interleaved with the
// bundle on the same machine (load 1.1 and 2.2): en 104.9-107.9 ms, ko 103.9-109.2 ms against
// node -e 0 58.6-59.4 ms.
const BEFORE = { en: '1.79-1.81x', ko: '1.77-1.84x' };

export default async function () {
  const cases = [
    ['node -e 0', ['-e', '0'], {}],
    ['eclub --help (en)', [BIN, '--help'], { ECLUB_LANG: 'en' }],
    ['eclub --help (ko)', [BIN, '--help'], { ECLUB_LANG: 'ko' }],
  ];
  const times = cases.map(() => []);
  for (let i = -1; i < RUNS; i++) {
    cases.forEach(([, args, env], j) => {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
      if (i >= 0) times[j].push(ms); // run -1 warms the file cache
    });
  }
  const [bare, ...rest] = times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
  table(
    ['measure', 'median ms', 'baseline', 'ratio', 'target', 'before'],
    rest.map((ms, k) => {
      const ratio = ms / bare;
      const lang = k === 0 ? 'en' : 'ko';
      return [cases[k + 1][0], ms.toFixed(1), `node -e 0: ${bare.toFixed(1)}`, ratio.toFixed(2) + 'x', '<= 1.5x ' + (ratio <= 1.5 ? 'ok' : 'MISSED'), BEFORE[lang]];
    }),
  );
  console.log(`  (${RUNS} interleaved runs each; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
}
