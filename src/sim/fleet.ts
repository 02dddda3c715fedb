// A simulated fleet on loopback: N devices on 127.0.0.2 … 127.0.0.(N+1), all on one
// port (Linux routes all of 127.0.0.0/8 to lo, so each address stands in for a device on
// a /24). Each serves a built-in profile's walk made healthy and its own: a LAN address
// and default route (FLEET_LAN), a serial and MAC of its own, a live clock.
// Mostly Canon (iR-ADV, iRC), one v1-only iR without a serial, one HP.
import { formatIpv4, parseIpv4 } from '../checks/ipv4.js';
import { CANON_ENTERPRISE_OID } from '../domain.js';
import { startAgent, type AgentFaults, type RunningAgent } from '../snmp/agent.js';
import { COLUMN, OID } from '../snmp/oids.js';
import { findProfile, loadProfileWalk, profilePath } from '../snmp/profiles.js';
import type { WalkEntry } from '../snmp/snmprec.js';
import { withLiveClock } from './clock.js';
import { SimulatePortInUseError, type SimDevice } from './devices.js';
import type { SnmpV3Options } from '../types.js';

export const FLEET_FIRST_HOST = '127.0.0.2';
/** A high port every fleet address shares (161 needs root); --port overrides. */
export const FLEET_DEFAULT_PORT = 16100;

/** Profile names for a fleet of n: one v1-only iR once n ≥ 2, one HP once n ≥ 3, Canon otherwise. */
export function buildFleetProfiles(n: number): string[] {
  const canon = ['ir-adv-c5535i', 'irc2550i'];
  const list = Array.from({ length: n }, (_, i) => canon[i % canon.length]!);
  if (n >= 2) list[1] = 'ir-v1-noserial';
  if (n >= 3) list[n - 1] = 'non-canon';
  return list;
}

export function buildFleetHosts(n: number, first = FLEET_FIRST_HOST): string[] {
  const base = parseIpv4(first);
  if (base === null) throw new Error(`not an IPv4 address: ${first}`);
  return Array.from({ length: n }, (_, i) => formatIpv4(base + i));
}

const under = (column: string, oid: string) => oid.startsWith(column + '.');
const ROUTE_TABLES = ['1.3.6.1.2.1.4.21.', '1.3.6.1.2.1.4.24.'];

/**
 * The LAN the fleet's devices believe they are on. readDevice ignores 127.0.0.0/8 in the
 * address table (a device's loopback), so each device reports a private address of its
 * own, reached through its 127.0.0.x stand-in, as through NAT.
 */
export const FLEET_LAN = { network: '10.77.0.0', mask: '255.255.0.0', gateway: '10.77.0.1' } as const;

export function buildFleetLanAddress(n: number): string {
  return formatIpv4(parseIpv4(FLEET_LAN.network)! + 10 + n);
}

/**
 * One profile's walk, fitted to device n (1-based) (pure): one LAN address of its own on
 * FLEET_LAN with the default route to its gateway, serials and the MAC ending in n (the
 * maker's OUI kept).
 */
export function buildFleetWalk(walk: readonly WalkEntry[], n: number): WalkEntry[] {
  const ip = buildFleetLanAddress(n);
  const objectId = walk.find((e) => e.oid === OID.sysObjectID)?.value;
  const canon = typeof objectId === 'string' && objectId.startsWith(CANON_ENTERPRISE_OID + '.');
  const serial = canon ? `XTK${String(1000 + n).padStart(5, '0')}` : `PHBXK${String(n).padStart(5, '0')}`;
  const out: WalkEntry[] = [];
  for (const e of walk) {
    if (under(COLUMN.ipAdEntAddr, e.oid) || under(COLUMN.ipAdEntIfIndex, e.oid) || under(COLUMN.ipAdEntNetMask, e.oid)) {
      if (e.oid.endsWith('.127.0.0.1')) out.push(e);
      else if (under(COLUMN.ipAdEntAddr, e.oid)) out.push({ oid: `${COLUMN.ipAdEntAddr}.${ip}`, type: 'IpAddress', value: ip });
      else if (under(COLUMN.ipAdEntIfIndex, e.oid)) out.push({ ...e, oid: `${COLUMN.ipAdEntIfIndex}.${ip}` });
      else out.push({ oid: `${COLUMN.ipAdEntNetMask}.${ip}`, type: 'IpAddress', value: FLEET_LAN.mask });
    } else if (ROUTE_TABLES.some((p) => e.oid.startsWith(p))) {
      continue; // replaced below by one default route on the fleet's subnet
    } else if (e.oid === OID.canonSerial || e.oid === OID.prtGeneralSerialNumber1) {
      out.push({ ...e, type: 'OctetString', value: Buffer.from(serial) });
    } else if (under(COLUMN.ifPhysAddress, e.oid) && (Buffer.isBuffer(e.value) ? e.value.length > 0 : String(e.value).length > 0)) {
      const text = Buffer.isBuffer(e.value) && e.value.length === 6 ? e.value.toString('hex') : String(e.value).replace(/[^0-9a-fA-F]/g, '');
      out.push({ ...e, type: 'OctetString', value: Buffer.from(text.slice(0, 6) + '5a' + (n & 0xffff).toString(16).padStart(4, '0'), 'hex') });
    } else out.push(e);
  }
  // A healthy device: its default route is the LAN's gateway.
  out.push({ oid: OID.ipRouteNextHopDefault, type: 'IpAddress', value: FLEET_LAN.gateway });
  return out;
}

export interface Fleet {
  port: number;
  devices: SimDevice[];
  close(): Promise<void>;
}

/**
 * Start the fleet. All agents share one port: `port`, or the first free one on the first
 * address that is also free on the others (tries again if another process takes it).
 */
export async function startFleet(o: {
  count: number;
  port?: number;
  firstHost?: string;
  community?: string;
  faults?: AgentFaults;
  v3Users?: readonly SnmpV3Options[];
  /** The device clocks run live at now + this (default 0). */
  clockOffsetMs?: number;
}): Promise<Fleet> {
  const hosts = buildFleetHosts(o.count, o.firstHost);
  const names = buildFleetProfiles(o.count);
  const specs = await Promise.all(
    names.map(async (name, i) => {
      const profile = findProfile(name);
      return { name, profile, walk: withLiveClock(buildFleetWalk(await loadProfileWalk(profile), i + 1), o.clockOffsetMs ?? 0) };
    }),
  );
  const fixed = o.port || undefined; // 0: any free port
  for (let attempt = 0; ; attempt++) {
    const running: RunningAgent[] = [];
    try {
      let port = fixed;
      for (const [i, spec] of specs.entries()) {
        const agent = await startAgent({
          walk: spec.walk,
          host: hosts[i],
          port,
          community: o.community ?? 'public',
          v3Users: o.v3Users ?? [],
          faults: { ...spec.profile.faults, ...o.faults },
        });
        running.push(agent);
        port = agent.port;
      }
      const shared = running[0]?.port ?? fixed ?? FLEET_DEFAULT_PORT;
      return {
        port: shared,
        devices: specs.map((s, i) => ({ profile: s.name, host: hosts[i]!, port: shared, faults: { ...s.profile.faults, ...o.faults }, source: profilePath(s.profile) })),
        close: async () => {
          await Promise.all(running.map((a) => a.close()));
        },
      };
    } catch (err) {
      await Promise.all(running.map((a) => a.close()));
      const code = (err as NodeJS.ErrnoException).code;
      if (fixed !== undefined && (code === 'EADDRINUSE' || code === 'EACCES')) throw new SimulatePortInUseError(fixed);
      if (code !== 'EADDRINUSE' || attempt >= 10) throw err;
    }
  }
}
