// A full readDevice of the healthy v2c iR-ADV (tables fit one response) takes at most 3 SNMP
// requests. Printed beside baselines: the same device read over v1 (GETNEXT, one row per
// request) and a naive read that asks every OID with its own GET. Loopback answers in
// microseconds, so the reads are timed again against an agent answering 5 ms late.
import { table } from './lib.mjs';

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;

async function median(n, fn) {
  await fn(); // warm-up
  const times = [];
  let last;
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    last = await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(n / 2)], last };
}

export default async function () {
  const { startAgent } = await import(dist('snmp/agent.js'));
  const { findProfile, loadProfileWalk } = await import(dist('snmp/profiles.js'));
  const { readDevice } = await import(dist('snmp/read.js'));
  const { openSession } = await import(dist('snmp/session.js'));

  const walk = await loadProfileWalk(findProfile('ir-adv-c5535i'));
  const agent = await startAgent({ walk });
  const opts = (version) => ({ port: agent.port, community: 'public', version, timeoutMs: 2000, retries: 1 });
  try {
    const v2c = await median(21, () => readDevice(agent.host, opts('auto')));
    const v1 = await median(21, () => readDevice(agent.host, opts('1')));
    // Naive: one GET per OID the full read returns (what a per-OID reader would send).
    const oids = walk.map((e) => e.oid);
    const naive = await median(5, async () => {
      const s = openSession(agent.host, { ...opts('2c'), version: '2c' });
      try {
        for (const oid of oids) await s.get([oid]);
        return { requests: s.requests };
      } finally {
        s.close();
      }
    });
    // Loopback has no latency; a printer on a LAN takes milliseconds per request. Same reads
    // against an agent that answers 5 ms late:
    const slow = await startAgent({ walk, faults: { delayMs: 5 } });
    const slowOpts = (version) => ({ port: slow.port, community: 'public', version, timeoutMs: 2000, retries: 1 });
    let v2cSlow;
    let v1Slow;
    try {
      v2cSlow = await median(7, () => readDevice(slow.host, slowOpts('auto')));
      v1Slow = await median(7, () => readDevice(slow.host, slowOpts('1')));
    } finally {
      await slow.close();
    }
    const target = 3;
    table(
      ['read of ir-adv-c5535i', 'requests', 'median ms', 'target'],
      [
        ['readDevice, auto (v2c, GETBULK)', v2c.last.requests, v2c.ms.toFixed(1), `<= ${target} ${v2c.last.requests <= target ? 'ok' : 'MISSED'}`],
        ['baseline: readDevice over v1 (GETNEXT)', v1.last.requests, v1.ms.toFixed(1), ''],
        ['baseline: one GET per OID', naive.last.requests, naive.ms.toFixed(1), ''],
        ['readDevice, auto, device 5 ms/request', v2cSlow.last.requests, v2cSlow.ms.toFixed(1), ''],
        ['baseline: v1, device 5 ms/request', v1Slow.last.requests, v1Slow.ms.toFixed(1), ''],
      ],
    );
  } finally {
    await agent.close();
  }
}
