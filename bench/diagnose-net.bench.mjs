// probeUgw (dns → tcp/tls/http) on a healthy simulated site, and on dead ones: the run must
// be bounded by the longest chain of timeouts, not their sum. In-process, on loopback.
import { table } from './lib.mjs';

const TIMEOUT = 500;

async function median(n, fn) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export default async function () {
  const { probeUgw } = await import('../dist/checks/reach.js');
  const { startNetwork } = await import('../dist/sim/network.js');
  const { startDnsResponder } = await import('../dist/sim/dns.js');
  const { en } = await import('../dist/ui/i18n.js');
  const silentFallback = await startDnsResponder({ mode: 'silent' });
  const fallbackDns = [{ host: silentFallback.host, port: silentFallback.port }];
  const rows = [];
  // Steps in the chain, each cut at TIMEOUT: the sum is what a sequential probe would take.
  const cases = [
    ['healthy', 'healthy', 3000, 'target < 1000 ms', () => 1000],
    ['DNS silent (device + fallback)', 'dns-down', TIMEOUT, `sum of timeouts ${5 * TIMEOUT} ms (dns, fallback, tcp, tls, http)`, () => 5 * TIMEOUT],
    ['port filtered', 'port-filtered', TIMEOUT, `sum of timeouts ${3 * TIMEOUT} ms (tcp, tls, http)`, () => 3 * TIMEOUT],
  ];
  for (const [label, scenario, timeoutMs, baseline, limit] of cases) {
    const net = await startNetwork({ scenario });
    try {
      const targets = {
        rgwUrl: net.rgwUrl,
        rgwPort: net.rgwPort,
        dns: [net.dns],
        fallbackDns,
        caPem: [net.caPem],
        proxy: net.proxy,
        timeoutMs,
      };
      await probeUgw(targets, en); // warm-up
      const ms = await median(scenario === 'healthy' ? 15 : 5, () => probeUgw(targets, en));
      const verdict = scenario === 'healthy' ? (ms < 1000 ? 'ok' : 'MISSED') : ms < TIMEOUT * 1.3 ? `ok (≈ one timeout)` : 'MISSED';
      rows.push([label, ms.toFixed(1), baseline, `${(ms / limit()).toFixed(2)}x`, verdict]);
    } finally {
      await net.close();
    }
  }
  await silentFallback.close();
  table(['probeUgw', 'median ms', 'baseline', 'ratio', 'verdict'], rows);
}
