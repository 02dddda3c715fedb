// Probing one address: ONE GET of the identity OIDs; only hosts that answer get a
// second (and third) GET for the MAC. Decisions (what the answers mean) are pure.
import { ErrorStatus, type SnmpValue, type VarBind, type WireVersion } from '../snmp/ber.js';
import { decodeMac, decodeNumber, decodeOid, decodeText } from '../snmp/decode.js';
import { buildFamily, buildModel, buildVendor } from '../snmp/identify.js';
import { COLUMN, OID } from '../snmp/oids.js';
import type { Varbind } from '../snmp/session.js';
import type { GetOutcome } from '../snmp/udp-client.js';
import type { Family } from '../types.js';

export const IDENTITY_OIDS: readonly string[] = [
  OID.sysDescr,
  OID.sysObjectID,
  OID.canonModel,
  OID.hrDeviceDescr1,
  OID.canonSerial,
  OID.prtGeneralSerialNumber1,
];

/** A device found by discover: the fields of the table, CSV and --json. */
export interface DiscoveredDevice {
  host: string;
  vendor: string | null;
  model: string | null;
  family: Family;
  serial: string | null;
  mac: string | null;
}

export type ProbeResult =
  | { kind: 'device'; device: DiscoveredDevice }
  | { kind: 'unreadable'; host: string; reason: string }
  | { kind: 'silent'; host: string };

/** A value as the shared decoders read it (net-snmp's shape). */
export type Value = Varbind['value'];

/** What asking for some OIDs gave: the values found (missing OIDs absent), or why nothing. */
export type ReadOutcome =
  | { kind: 'values'; values: Map<string, Value> }
  | { kind: 'timeout' }
  | { kind: 'unreachable'; detail: string }
  /** Something answered, but not usably (not SNMP, or SNMP refusing us). */
  | { kind: 'garbage'; detail: string };

/** The one network seam of a probe: read these OIDs from this host. */
export type ProbeRead = (oids: readonly string[]) => Promise<ReadOutcome>;

/** One v1/v2c GET over the shared socket. */
export type ProbeGet = (oids: readonly string[]) => Promise<GetOutcome>;

/** Our codec's values in the shape the shared decoders read (net-snmp's). */
function asValue(v: SnmpValue): Value {
  switch (v.type) {
    case 'octets':
    case 'opaque':
    case 'oid':
    case 'ip':
    case 'integer':
    case 'counter':
    case 'gauge':
    case 'ticks':
    case 'counter64':
      return v.value;
    default:
      return null;
  }
}

/** The same identity readDevice gives (vendor, model, family), from the probe's one GET. */
export function buildDiscoveredDevice(host: string, values: ReadonlyMap<string, Value>, mac: string | null): DiscoveredDevice {
  const text = (oid: string) => decodeText(values.get(oid));
  const sysDescr = text(OID.sysDescr);
  const vendor = buildVendor(decodeOid(values.get(OID.sysObjectID)), sysDescr);
  // The order readDevice uses (src/snmp/read.ts), so discover and setup name a device alike.
  const model = buildModel(text(OID.canonModel)) ?? buildModel(text(OID.hrDeviceDescr1)) ?? (vendor === 'Canon' ? buildModel(sysDescr) : null);
  const serial = text(OID.canonSerial) ?? text(OID.prtGeneralSerialNumber1);
  return { host, vendor, model, family: buildFamily(vendor, model, sysDescr), serial, mac };
}

const isException = (v: SnmpValue) => v.type === 'noSuchObject' || v.type === 'noSuchInstance' || v.type === 'endOfMibView';

/**
 * GET these OIDs, v1-style: a missing OID fails the whole v1 request (noSuchName at
 * errorIndex), so drop it and ask again for the rest (DOMAIN.md §3). Returns the values
 * found, or the outcome that stopped us.
 */
export async function readValues(get: ProbeGet, oids: readonly string[]): Promise<ReadOutcome> {
  let ask = [...oids];
  const values = new Map<string, Value>();
  while (ask.length > 0) {
    const r = await get(ask);
    if (r.kind !== 'answer') return r;
    const { errorStatus, errorIndex, varbinds } = r.message.pdu;
    if (errorStatus === ErrorStatus.noError) {
      for (const vb of varbinds as VarBind[]) if (!isException(vb.value) && ask.includes(vb.oid)) values.set(vb.oid, asValue(vb.value));
      break;
    }
    if (errorIndex < 1 || errorIndex > ask.length) break;
    ask = ask.filter((_, i) => i !== errorIndex - 1);
  }
  return { kind: 'values', values };
}

/** Probe one host: identity first; the MAC only for hosts that answered. */
export async function probeHost(host: string, read: ProbeRead): Promise<ProbeResult> {
  const identity = await read(IDENTITY_OIDS);
  if (identity.kind === 'timeout' || identity.kind === 'unreachable') return { kind: 'silent', host };
  if (identity.kind === 'garbage') return { kind: 'unreadable', host, reason: identity.detail };
  if (!identity.values.has(OID.sysDescr) && !identity.values.has(OID.sysObjectID)) {
    return { kind: 'unreadable', host, reason: 'no sysDescr/sysObjectID' };
  }
  const mac = await readMac(host, read);
  return { kind: 'device', device: buildDiscoveredDevice(host, identity.values, mac) };
}

/**
 * The MAC of the interface that carries the probed address (ipAdEntIfIndex); when the
 * address is not in the table (NAT, a loopback stand-in), the first of interfaces 1 and 2
 * with a MAC: it may sit on either (DOMAIN.md §3).
 */
async function readMac(host: string, read: ProbeRead): Promise<string | null> {
  const idx = await read([`${COLUMN.ipAdEntIfIndex}.${host}`]);
  const ifIndex = idx.kind === 'values' ? decodeNumber(idx.values.get(`${COLUMN.ipAdEntIfIndex}.${host}`)) : null;
  const candidates = ifIndex !== null && ifIndex > 0 ? [ifIndex] : [1, 2];
  const oids = candidates.map((i) => `${COLUMN.ifPhysAddress}.${i}`);
  const phys = await read(oids);
  if (phys.kind !== 'values') return null;
  for (const oid of oids) {
    const mac = decodeMac(phys.values.get(oid));
    if (mac) return mac;
  }
  return null;
}

/** "auto" probes with v1: Canon devices answer v1, some silently drop v2c (DOMAIN.md §3). */
export function buildWireVersion(version: '1' | '2c' | 'auto'): WireVersion {
  return version === '2c' ? 1 : 0;
}
