// `eclub discover`'s core: probe every address with bounded concurrency over one UDP
// socket (and, with --broadcast, one GET to each subnet's broadcast address first).
import { runBounded } from '../batch.js';
import { openSnmpUdpClient, type SnmpUdpClient } from '../snmp/udp-client.js';
import type { SnmpOptions } from '../types.js';
import { buildWireVersion, IDENTITY_OIDS, probeHost, readValues, type DiscoveredDevice, type ProbeResult } from './probe.js';
import { probeHostV3 } from './v3.js';

export interface DiscoverResult {
  /** Addresses probed one by one (broadcast answers included). */
  scanned: number;
  devices: DiscoveredDevice[];
  /** Hosts that answered something that is not SNMP, or SNMP without identity. */
  unreadable: Array<{ host: string; reason: string }>;
  /** Datagrams sent, retries included. */
  requests: number;
  /** Broadcast addresses the GET could not be sent to, with the reason (errno code). */
  broadcastFailed: Array<{ address: string; reason: string }>;
}

export interface DiscoverOptions {
  snmp: SnmpOptions;
  concurrency: number;
  /** Broadcast addresses to ask first (--broadcast); their answers join the host list. */
  broadcast?: readonly string[];
}

export interface DiscoverDeps {
  openClient(o: { timeoutMs: number; retries: number }): Promise<SnmpUdpClient>;
  /** v3: one session per host (USM engine discovery); v1/v2c share the client's socket. */
  probeV3(host: string, snmp: SnmpOptions): Promise<ProbeResult>;
}

export const realDiscoverDeps: DiscoverDeps = { openClient: openSnmpUdpClient, probeV3: probeHostV3 };

/** Sort by address numerically, so the table reads like the subnet. */
function byAddress(a: { host: string }, b: { host: string }): number {
  const n = (h: string) => h.split('.').reduce((acc, p) => acc * 256 + Number(p), 0);
  return n(a.host) - n(b.host);
}

export async function discoverDevices(
  hosts: readonly string[],
  o: DiscoverOptions,
  deps: DiscoverDeps = realDiscoverDeps,
  onProgress?: (done: number, total: number, found: number) => void,
): Promise<DiscoverResult> {
  const { snmp } = o;
  const version = snmp.version === '3' ? '1' : snmp.version;
  const client = await deps.openClient({ timeoutMs: snmp.timeoutMs, retries: snmp.retries });
  const target = (host: string) => ({ host, port: snmp.port, version: buildWireVersion(version), community: snmp.community });
  try {
    const list = [...hosts];
    const broadcastFailed: DiscoverResult['broadcastFailed'] = [];
    for (const address of o.broadcast ?? []) {
      const { answers, error } = await client.collect(target(address), IDENTITY_OIDS, snmp.timeoutMs);
      if (error) broadcastFailed.push({ address, reason: error });
      const known = new Set(list);
      for (const a of answers) if (!known.has(a.host)) list.push(a.host);
    }
    let found = 0;
    let done = 0;
    const results = await runBounded<string, ProbeResult>(
      list,
      o.concurrency,
      snmp.version === '3'
        ? (host) => deps.probeV3(host, snmp)
        : (host) => probeHost(host, (oids) => readValues((ask) => client.get(target(host), ask), oids)),
      (r) => {
        if (r.kind === 'device') found++;
        onProgress?.(++done, list.length, found);
      },
    );
    const devices: DiscoveredDevice[] = [];
    const unreadable: DiscoverResult['unreadable'] = [];
    for (const r of results) {
      if (r.kind === 'device') devices.push(r.device);
      else if (r.kind === 'unreadable') unreadable.push({ host: r.host, reason: r.reason });
    }
    return {
      scanned: list.length,
      devices: devices.sort(byAddress),
      unreadable: unreadable.sort(byAddress),
      requests: client.sent,
      broadcastFailed,
    };
  } finally {
    await client.close();
  }
}
