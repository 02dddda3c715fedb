// A simulated fleet on loopback: N SNMP agents on 127.0.0.2 … 127.0.0.(N+1), all on
// one port (Linux routes all of 127.0.0.0/8 to lo, so each address stands in for a
// device on a subnet). Mixed profiles: mostly Canon, one non-Canon, one v1-only, and
// optionally one that answers garbage. Answers GET, GETNEXT and GETBULK for v1/v2c.
import { createSocket, type Socket } from 'node:dgram';
import { formatIpv4, parseIpv4 } from '../checks/ipv4.js';
import { decodeMessage, encodeMessage, ErrorStatus, PduTag, type SnmpMessage, type SnmpValue, type VarBind } from '../snmp/ber.js';

export type FleetProfile = 'canon-adv' | 'canon-irc' | 'canon-ir-v1' | 'other' | 'garbage';

export interface FleetDevice {
  host: string;
  port: number;
  profile: FleetProfile;
  serial: string | null;
  mac: string | null;
  model: string | null;
}

export interface Fleet {
  port: number;
  devices: FleetDevice[];
  close(): Promise<void>;
}

/** Profiles for a fleet of n: one non-Canon and one v1-only once n ≥ 3, Canon otherwise. */
export function buildFleetProfiles(n: number, o: { garbage?: boolean } = {}): FleetProfile[] {
  const canon: FleetProfile[] = ['canon-adv', 'canon-irc'];
  const list = Array.from({ length: n }, (_, i) => canon[i % canon.length]!);
  if (n >= 3) list[n - 1] = 'other';
  if (n >= 2) list[1] = 'canon-ir-v1';
  if (o.garbage && n >= 4) list[n - 2] = 'garbage';
  return list;
}

const MODELS: Record<Exclude<FleetProfile, 'other' | 'garbage'>, string> = {
  'canon-adv': 'iR-ADV C5235',
  'canon-irc': 'iR C2550i',
  'canon-ir-v1': 'iR 2520',
};

const octets = (s: string | Buffer): SnmpValue => ({ type: 'octets', value: typeof s === 'string' ? Buffer.from(s) : s });

/** The walk one simulated device serves, as OID → value. */
/** hrSystemDate's DateAndTime (RFC 2579): 11 octets, UTC with "+0:00". */
export function buildDateAndTime(d: Date): Buffer {
  const b = Buffer.alloc(11);
  b.writeUInt16BE(d.getUTCFullYear(), 0);
  b.set([d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), Math.floor(d.getUTCMilliseconds() / 100), 0x2b, 0, 0], 2);
  return b;
}

export function buildFleetWalk(profile: FleetProfile, index: number, host: string, now = new Date()): { walk: Map<string, SnmpValue>; device: Omit<FleetDevice, 'host' | 'port'> } {
  const n = index + 1;
  const macBytes = Buffer.from([0x00, 0x00, 0x85, 0x5a, (n >> 8) & 0xff, n & 0xff]);
  const walk = new Map<string, SnmpValue>();
  const ipIf = 2; // the MAC sits on interface 2 on some devices (DOMAIN.md §3): make the reader look it up
  walk.set('1.3.6.1.2.1.2.2.1.6.1', octets(Buffer.alloc(0)));
  walk.set(`1.3.6.1.2.1.2.2.1.6.${ipIf}`, octets(macBytes));
  walk.set(`1.3.6.1.2.1.4.20.1.1.${host}`, { type: 'ip', value: host });
  walk.set(`1.3.6.1.2.1.4.20.1.2.${host}`, { type: 'integer', value: ipIf });
  walk.set(`1.3.6.1.2.1.4.20.1.3.${host}`, { type: 'ip', value: '255.255.255.0' });
  walk.set('1.3.6.1.2.1.1.3.0', { type: 'ticks', value: 123456 + n });
  // A healthy device: default route via the subnet's first address, clock set right.
  const gateway = host.replace(/\.\d+$/, '.1');
  walk.set('1.3.6.1.2.1.4.21.1.7.0.0.0.0', { type: 'ip', value: gateway });
  walk.set('1.3.6.1.2.1.25.1.2.0', octets(buildDateAndTime(now)));
  if (profile === 'other' || profile === 'garbage') {
    walk.set('1.3.6.1.2.1.1.1.0', octets('HP LaserJet M402dn'));
    walk.set('1.3.6.1.2.1.1.2.0', { type: 'oid', value: '1.3.6.1.4.1.11.2.3.9.1' });
    const mac = Buffer.from([0x3c, 0x52, 0x82, 0x10, 0x00, n & 0xff]);
    walk.set(`1.3.6.1.2.1.2.2.1.6.${ipIf}`, octets(mac));
    walk.set('1.3.6.1.2.1.43.5.1.1.17.1', octets(`PHB${String(10000 + n)}`));
    return {
      walk,
      device: { profile, serial: profile === 'garbage' ? null : `PHB${10000 + n}`, mac: profile === 'garbage' ? null : mac.toString('hex').toUpperCase(), model: profile === 'garbage' ? null : 'HP LaserJet M402dn' },
    };
  }
  const model = MODELS[profile];
  const serial = `XTK${String(1000 + n).padStart(5, '0')}`;
  walk.set('1.3.6.1.2.1.1.1.0', octets(`Canon ${model} /P`));
  walk.set('1.3.6.1.2.1.1.2.0', { type: 'oid', value: '1.3.6.1.4.1.1602.4.7' });
  walk.set('1.3.6.1.4.1.1602.1.1.1.1.0', octets(model));
  walk.set('1.3.6.1.4.1.1602.1.1.1.4.0', octets('R7.21'));
  walk.set('1.3.6.1.4.1.1602.1.2.1.4.0', octets(serial));
  walk.set('1.3.6.1.2.1.25.3.2.1.3.1', octets(`Canon ${model}`));
  walk.set('1.3.6.1.2.1.25.3.2.1.5.1', { type: 'integer', value: 2 });
  walk.set('1.3.6.1.2.1.25.3.5.1.1.1', { type: 'integer', value: 3 });
  walk.set('1.3.6.1.2.1.43.10.2.1.4.1.1', { type: 'counter', value: 10000 * n });
  walk.set('1.3.6.1.4.1.1602.1.11.1.3.1.4.101', { type: 'counter', value: 10000 * n });
  // Some iR models lack prtGeneralSerialNumber (DOMAIN.md §3): the v1-only one does too.
  if (profile !== 'canon-ir-v1') walk.set('1.3.6.1.2.1.43.5.1.1.17.1', octets(serial));
  return { walk, device: { profile, serial, mac: macBytes.toString('hex').toUpperCase(), model } };
}

function compareOids(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** The agent's answer to one request, or null to stay silent (pure). */
export function buildAnswer(
  walk: ReadonlyMap<string, SnmpValue>,
  sorted: readonly string[],
  req: SnmpMessage,
  o: { community: string; v1Only: boolean },
): SnmpMessage | null {
  if (req.community !== o.community) return null; // a wrong community is dropped silently
  if (o.v1Only && req.version !== 0) return null; // some Canon devices silently drop v2c
  const v1 = req.version === 0;
  const { tag, varbinds } = req.pdu;
  const answer = (vbs: VarBind[], errorStatus = 0, errorIndex = 0): SnmpMessage => ({
    ...req,
    pdu: { tag: PduTag.Response, requestId: req.pdu.requestId, errorStatus, errorIndex, varbinds: vbs },
  });
  const nextOf = (oid: string) => sorted.find((k) => compareOids(k, oid) > 0);
  if (tag === PduTag.GetRequest) {
    const out: VarBind[] = [];
    for (const [i, vb] of varbinds.entries()) {
      const v = walk.get(vb.oid);
      if (v) out.push({ oid: vb.oid, value: v });
      else if (v1) return answer(varbinds, ErrorStatus.noSuchName, i + 1);
      else out.push({ oid: vb.oid, value: { type: 'noSuchInstance' } });
    }
    return answer(out);
  }
  if (tag === PduTag.GetNextRequest || (tag === PduTag.GetBulkRequest && !v1)) {
    // GETBULK: errorStatus carries non-repeaters, errorIndex max-repetitions.
    const bulk = tag === PduTag.GetBulkRequest;
    const nonRep = bulk ? Math.max(0, req.pdu.errorStatus) : varbinds.length;
    const reps = bulk ? Math.min(Math.max(1, req.pdu.errorIndex), 50) : 1;
    const out: VarBind[] = [];
    const step = (oid: string, i: number): string | null => {
      const next = nextOf(oid);
      if (next) {
        out.push({ oid: next, value: walk.get(next)! });
        return next;
      }
      if (v1) return null;
      out.push({ oid, value: { type: 'endOfMibView' } });
      return null;
    };
    for (const [i, vb] of varbinds.slice(0, nonRep).entries()) if (step(vb.oid, i) === null && v1) return answer(varbinds, ErrorStatus.noSuchName, i + 1);
    let cursors = varbinds.slice(nonRep).map((vb) => vb.oid as string | null);
    for (let r = 0; r < reps && cursors.some((c) => c !== null); r++) cursors = cursors.map((c, i) => (c === null ? null : step(c, i)));
    return answer(out);
  }
  return answer(varbinds, ErrorStatus.genErr, 0);
}

async function bindUdp(host: string, port: number): Promise<Socket> {
  const s = createSocket({ type: 'udp4' });
  await new Promise<void>((resolve, reject) => {
    s.once('error', reject);
    s.bind(port, host, () => {
      s.off('error', reject);
      resolve();
    });
  });
  return s;
}

/** Find a port that is free on every fleet address (bind 0 on the first, then try the rest). */
async function bindFleetSockets(hosts: readonly string[], port: number | undefined): Promise<{ port: number; sockets: Socket[] }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const sockets: Socket[] = [];
    try {
      const first = await bindUdp(hosts[0]!, port ?? 0);
      sockets.push(first);
      const p = first.address().port;
      for (const h of hosts.slice(1)) sockets.push(await bindUdp(h, p));
      return { port: p, sockets };
    } catch (err) {
      await Promise.all(sockets.map((s) => new Promise<void>((r) => s.close(() => r()))));
      if (port !== undefined || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    }
  }
  throw new Error('no free port on the fleet addresses');
}

/**
 * Start n agents on 127.0.0.2 … (or from `firstHost`), one shared port (`port`, or a free
 * one). `garbage` makes one of them answer bytes that are not SNMP.
 */
export async function startFleet(o: {
  count: number;
  port?: number;
  firstHost?: string;
  community?: string;
  garbage?: boolean;
}): Promise<Fleet> {
  const first = parseIpv4(o.firstHost ?? '127.0.0.2');
  if (first === null) throw new Error(`bad first host ${o.firstHost}`);
  const community = o.community ?? 'public';
  const hosts = Array.from({ length: o.count }, (_, i) => formatIpv4(first + i));
  const profiles = buildFleetProfiles(o.count, { garbage: o.garbage });
  const { port, sockets } = await bindFleetSockets(hosts, o.port);
  const devices: FleetDevice[] = [];
  hosts.forEach((host, i) => {
    const profile = profiles[i]!;
    const { walk, device } = buildFleetWalk(profile, i, host);
    const sorted = [...walk.keys()].sort(compareOids);
    const socket = sockets[i]!;
    devices.push({ host, port, ...device });
    socket.on('message', (buf, rinfo) => {
      if (profile === 'garbage') return void socket.send(Buffer.from('HTTP/1.0 400 Bad Request\r\n\r\n'), rinfo.port, rinfo.address);
      let req: SnmpMessage;
      try {
        req = decodeMessage(buf);
      } catch {
        return; // not SNMP v1/v2c (v3 included): a real agent without v3 drops it too
      }
      const res = buildAnswer(walk, sorted, req, { community, v1Only: profile === 'canon-ir-v1' });
      if (res) socket.send(encodeMessage(res), rinfo.port, rinfo.address);
    });
    socket.on('error', () => undefined);
  });
  return {
    port,
    devices,
    close: () => Promise.all(sockets.map((s) => new Promise<void>((r) => s.close(() => r())))).then(() => undefined),
  };
}
