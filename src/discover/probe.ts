// Probing one address: ONE GET of the identity OIDs; only hosts that answer get a
// second (and third) GET for the MAC. Decisions (what the answers mean) are pure.
import { CANON_ENTERPRISE_OID } from '../domain.js';
import { ErrorStatus, type SnmpValue, type VarBind, type WireVersion } from '../snmp/ber.js';
import type { GetOutcome } from '../snmp/udp-client.js';
import type { Family } from '../types.js';

export const OID = {
  sysDescr: '1.3.6.1.2.1.1.1.0',
  sysObjectID: '1.3.6.1.2.1.1.2.0',
  canonModel: '1.3.6.1.4.1.1602.1.1.1.1.0',
  canonSerial: '1.3.6.1.4.1.1602.1.2.1.4.0',
  prtGeneralSerialNumber: '1.3.6.1.2.1.43.5.1.1.17.1',
  ipAdEntIfIndex: '1.3.6.1.2.1.4.20.1.2',
  ifPhysAddress: '1.3.6.1.2.1.2.2.1.6',
} as const;

export const IDENTITY_OIDS: readonly string[] = [
  OID.sysDescr,
  OID.sysObjectID,
  OID.canonModel,
  OID.canonSerial,
  OID.prtGeneralSerialNumber,
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

/** The one network seam of a probe: a GET to this host. */
export type ProbeGet = (oids: readonly string[]) => Promise<GetOutcome>;

/** Enterprise numbers (IANA) of makers found on Korean office LANs. */
const ENTERPRISES: Readonly<Record<string, string>> = {
  '1602': 'Canon',
  '11': 'HP',
  '253': 'Xerox',
  '297': 'Fuji Xerox',
  '367': 'Ricoh',
  '1347': 'Kyocera',
  '236': 'Samsung',
  '2435': 'Brother',
  '1248': 'Epson',
  '18334': 'Konica Minolta',
  '641': 'Lexmark',
  '2385': 'Sharp',
  '1129': 'Toshiba',
  '8072': 'Net-SNMP',
  '311': 'Microsoft',
  '9': 'Cisco',
};

function text(v: SnmpValue | undefined): string | null {
  if (!v || v.type !== 'octets') return null;
  // Bad bytes become U+FFFD: one odd byte must not sink the read (DOMAIN.md §3).
  const s = v.value.toString('utf8').replace(/\0+$/, '').trim();
  return s || null;
}

export function buildVendor(sysObjectId: string | null, sysDescr: string | null): string | null {
  if (sysObjectId) {
    const m = /^1\.3\.6\.1\.4\.1\.(\d+)/.exec(sysObjectId);
    if (m && ENTERPRISES[m[1]!]) return ENTERPRISES[m[1]!]!;
  }
  if (sysDescr && /^canon\b/i.test(sysDescr)) return 'Canon';
  return null;
}

/** iR-ADV, iRC (colour iR), iR, or other: from the model name. */
export function buildFamily(vendor: string | null, model: string | null): Family {
  if (vendor !== 'Canon' || !model) return 'other';
  const m = model.replace(/^canon\s+/i, '');
  if (/^iR[- ]?ADV/i.test(m)) return 'iR-ADV';
  if (/^iR[- ]?C\s?\d/i.test(m)) return 'iRC';
  if (/^iR[- ]?\d/i.test(m) || /^iR\b/i.test(m)) return 'iR';
  return 'other';
}

/** "Canon iR-ADV C5235 /P" → "iR-ADV C5235". */
export function buildModel(canonModel: string | null, sysDescr: string | null): string | null {
  const raw = canonModel ?? sysDescr;
  if (!raw) return null;
  return raw.replace(/^canon\s+/i, '').replace(/\s*\/P\s*$/i, '').trim() || null;
}

/** ifPhysAddress (raw 6 bytes) → 12 uppercase hex digits, like the form. */
export function buildMac(v: SnmpValue | undefined): string | null {
  if (!v || v.type !== 'octets' || v.value.length !== 6) return null;
  const hex = v.value.toString('hex').toUpperCase();
  return hex === '000000000000' ? null : hex;
}

export function buildDiscoveredDevice(host: string, values: ReadonlyMap<string, SnmpValue>, mac: string | null): DiscoveredDevice {
  const sysDescr = text(values.get(OID.sysDescr));
  const oidValue = values.get(OID.sysObjectID);
  const sysObjectId = oidValue?.type === 'oid' ? oidValue.value : null;
  const vendor = buildVendor(sysObjectId, sysDescr);
  const isCanon = vendor === 'Canon' || (sysObjectId?.startsWith(CANON_ENTERPRISE_OID + '.') ?? false);
  const model = buildModel(isCanon ? text(values.get(OID.canonModel)) : null, sysDescr);
  const serial = text(values.get(OID.canonSerial)) ?? text(values.get(OID.prtGeneralSerialNumber));
  return { host, vendor, model, family: buildFamily(vendor, model), serial, mac };
}

const isException = (v: SnmpValue) => v.type === 'noSuchObject' || v.type === 'noSuchInstance' || v.type === 'endOfMibView';

/**
 * GET these OIDs, v1-style: a missing OID fails the whole v1 request (noSuchName at
 * errorIndex), so drop it and ask again for the rest (DOMAIN.md §3). Returns the values
 * found, or the outcome that stopped us.
 */
export async function readValues(
  get: ProbeGet,
  oids: readonly string[],
): Promise<{ kind: 'values'; values: Map<string, SnmpValue> } | Exclude<GetOutcome, { kind: 'answer' }>> {
  let ask = [...oids];
  const values = new Map<string, SnmpValue>();
  while (ask.length > 0) {
    const r = await get(ask);
    if (r.kind !== 'answer') return r;
    const { errorStatus, errorIndex, varbinds } = r.message.pdu;
    if (errorStatus === ErrorStatus.noError) {
      for (const vb of varbinds as VarBind[]) if (!isException(vb.value) && ask.includes(vb.oid)) values.set(vb.oid, vb.value);
      break;
    }
    if (errorIndex < 1 || errorIndex > ask.length) break;
    ask = ask.filter((_, i) => i !== errorIndex - 1);
  }
  return { kind: 'values', values };
}

/** Probe one host: identity first; the MAC only for hosts that answered. */
export async function probeHost(host: string, get: ProbeGet): Promise<ProbeResult> {
  const identity = await readValues(get, IDENTITY_OIDS);
  if (identity.kind === 'timeout' || identity.kind === 'unreachable') return { kind: 'silent', host };
  if (identity.kind === 'garbage') return { kind: 'unreadable', host, reason: identity.detail };
  if (!identity.values.has(OID.sysDescr) && !identity.values.has(OID.sysObjectID)) {
    return { kind: 'unreadable', host, reason: 'no sysDescr/sysObjectID' };
  }
  const mac = await readMac(host, get);
  return { kind: 'device', device: buildDiscoveredDevice(host, identity.values, mac) };
}

/** The MAC of the interface that carries the probed address (ipAdEntIfIndex), else interface 1. */
async function readMac(host: string, get: ProbeGet): Promise<string | null> {
  const idx = await readValues(get, [`${OID.ipAdEntIfIndex}.${host}`]);
  const v = idx.kind === 'values' ? idx.values.get(`${OID.ipAdEntIfIndex}.${host}`) : undefined;
  const ifIndex = v?.type === 'integer' && v.value > 0 ? v.value : 1;
  const phys = await readValues(get, [`${OID.ifPhysAddress}.${ifIndex}`]);
  return phys.kind === 'values' ? buildMac(phys.values.get(`${OID.ifPhysAddress}.${ifIndex}`)) : null;
}

/** "auto" probes with v1: Canon devices answer v1, some silently drop v2c (DOMAIN.md §3). */
export function buildWireVersion(version: '1' | '2c' | 'auto'): WireVersion {
  return version === '2c' ? 1 : 0;
}
