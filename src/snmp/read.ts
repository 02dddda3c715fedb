// readDevice: everything e-Club needs from one device in as few SNMP round trips as the
// protocol allows — all scalars in one GET, all table columns together (GETBULK), and the
// CIDR route tables only when ipRouteTable has no default route.
import { CANON_COUNTER_NAMES } from '../domain.js';
import { parseIpv4 } from '../checks/ipv4.js';
import type { Counter, DeviceInfo, SnmpOptions, SnmpVersion, Supply } from '../types.js';
import {
  buildSupplyPercent,
  decodeDateAndTime,
  decodeEnum,
  decodeIpv4,
  decodeMac,
  decodeNumber,
  decodeOid,
  decodePrinterErrors,
  decodeText,
  decodeUptime,
  HR_DEVICE_STATUS,
  HR_PRINTER_STATUS,
} from './decode.js';
import { SnmpWalkLoopError } from './errors.js';
import { buildFamily, buildModel, buildProductName, buildVendor } from './identify.js';
import { COLUMN, DEFAULT_ROUTE_PREFIX, indexOf, OID } from './oids.js';
import { openAnsweringSession, openSession, type SessionOptions, type SnmpSession, type Varbind } from './session.js';
import type { ReadWarning } from './warnings.js';

/** Every scalar, asked in ONE GET (which is also the version probe). */
const SCALARS = [
  OID.sysDescr,
  OID.sysObjectID,
  OID.sysUpTime,
  OID.canonModel,
  OID.canonFirmware,
  OID.canonSerial,
  OID.hrDeviceDescr1,
  OID.prtGeneralSerialNumber1,
  OID.hrSystemDate,
  OID.hrDeviceStatus1,
  OID.hrPrinterStatus1,
  OID.hrPrinterDetectedErrorState1,
  OID.prtMarkerLifeCount11,
  OID.ipRouteNextHopDefault,
] as const;

/** Every table column, read together. */
const COLUMNS = [
  COLUMN.ipAdEntAddr,
  COLUMN.ipAdEntIfIndex,
  COLUMN.ipAdEntNetMask,
  COLUMN.ifPhysAddress,
  COLUMN.prtAlertDescription,
  COLUMN.prtMarkerSuppliesDescription,
  COLUMN.prtMarkerSuppliesMaxCapacity,
  COLUMN.prtMarkerSuppliesLevel,
  COLUMN.canonCounter,
] as const;

export interface ReadDeviceDeps {
  openSession?: (host: string, opts: SessionOptions) => SnmpSession;
}

export interface ReadDeviceResult {
  device: DeviceInfo;
  /** SNMP requests sent, over every version tried (a request and its retries count as one). */
  requests: number;
  versionsTried: SnmpVersion[];
  warnings: ReadWarning[];
}

type ScalarName = (typeof SCALARS)[number];
type Scalars = ReadonlyMap<ScalarName, Varbind | null>;
type Column = ReadonlyMap<string, Varbind>; // index → varbind

export async function readDevice(host: string, opts: SnmpOptions, deps: ReadDeviceDeps = {}): Promise<ReadDeviceResult> {
  const open = deps.openSession ?? openSession;
  const { session, first, versionsTried, silentRequests } = await openAnsweringSession(host, opts, SCALARS, open);
  const warnings: ReadWarning[] = [];
  try {
    const scalars: Scalars = new Map(SCALARS.map((oid, i) => [oid, first[i] ?? null]));
    let columns: Column[];
    try {
      const raw = await session.columns(COLUMNS);
      columns = raw.map((vbs, i) => buildColumn(COLUMNS[i]!, vbs));
    } catch (e) {
      // A looping agent: keep the scalars, say the tables are incomplete.
      if (!(e instanceof SnmpWalkLoopError)) throw e;
      warnings.push({ id: 'tables-incomplete', oid: e.next });
      columns = COLUMNS.map(() => new Map());
    }
    let gateway = decodeGateway(scalars.get(OID.ipRouteNextHopDefault)?.value);
    if (gateway === null) gateway = await readCidrDefaultRoute(session);

    const device = buildDeviceInfo(host, opts.port, session.version, scalars, columns, gateway);
    if (device.family === 'other') warnings.push({ id: 'not-eclub-family', model: device.model ?? device.sysDescr });
    if (device.gateway === null) warnings.push({ id: 'gateway-unknown' });
    if (device.serial === null) warnings.push({ id: 'serial-unknown' });
    return {
      device,
      requests: silentRequests + session.requests,
      versionsTried,
      warnings,
    };
  } finally {
    session.close();
  }
}

function buildColumn(column: string, vbs: readonly Varbind[]): Column {
  const m = new Map<string, Varbind>();
  for (const vb of vbs) {
    const index = indexOf(column, vb.oid);
    if (index !== null) m.set(index, vb);
  }
  return m;
}

/** 0.0.0.0 as a next hop means "no gateway set": null, never a guess. */
function decodeGateway(value: Varbind['value'] | undefined): string | null {
  const ip = decodeIpv4(value);
  return ip === null || ip === '0.0.0.0' ? null : ip;
}

/** One GETNEXT into both CIDR route tables, at the default route (dest 0.0.0.0/0). */
async function readCidrDefaultRoute(session: SnmpSession): Promise<string | null> {
  const [cidr, inet] = await session.getNext([DEFAULT_ROUTE_PREFIX.ipCidr, DEFAULT_ROUTE_PREFIX.inetCidr]);
  if (cidr && cidr.oid.startsWith(DEFAULT_ROUTE_PREFIX.ipCidr + '.')) {
    const ip = decodeGateway(cidr.value);
    if (ip) return ip;
  }
  if (inet && inet.oid.startsWith(DEFAULT_ROUTE_PREFIX.inetCidr + '.')) {
    // inetCidrRouteNextHop is an InetAddress: 4 octets for IPv4.
    const ip = decodeGateway(inet.value);
    if (ip) return ip;
  }
  return null;
}

interface Interface {
  ip: string;
  mask: string | null;
  ifIndex: number | null;
}

function buildInterfaces(addr: Column, ifIndex: Column, mask: Column): Interface[] {
  const list: Interface[] = [];
  const indexes = new Set([...addr.keys(), ...ifIndex.keys(), ...mask.keys()]);
  for (const index of indexes) {
    // The row index IS the address; the ipAdEntAddr value says the same when present.
    const ip = decodeIpv4(addr.get(index)?.value) ?? (parseIpv4(index) !== null ? index : null);
    if (ip === null || ip === '0.0.0.0' || ip.startsWith('127.')) continue;
    list.push({ ip, mask: decodeIpv4(mask.get(index)?.value), ifIndex: decodeNumber(ifIndex.get(index)?.value) });
  }
  return list;
}

function buildDeviceInfo(
  host: string,
  port: number,
  version: SnmpVersion,
  s: Scalars,
  columns: readonly Column[],
  gateway: string | null,
): DeviceInfo {
  const [addr, ifIndex, mask, phys, alerts, supDescr, supMax, supLevel, counters] = columns as [
    Column, Column, Column, Column, Column, Column, Column, Column, Column,
  ];
  const v = (oid: ScalarName) => s.get(oid)?.value;
  const sysDescr = decodeText(v(OID.sysDescr));
  const sysObjectId = decodeOid(v(OID.sysObjectID));
  const vendor = buildVendor(sysObjectId, sysDescr);
  const model =
    buildModel(decodeText(v(OID.canonModel))) ??
    buildModel(decodeText(v(OID.hrDeviceDescr1))) ??
    (vendor === 'Canon' ? buildModel(sysDescr) : null);
  const family = buildFamily(vendor, model, sysDescr);

  const interfaces = buildInterfaces(addr, ifIndex, mask);
  // Prefer the address we queried; else the first that is not loopback.
  const iface = interfaces.find((i) => i.ip === host) ?? interfaces[0] ?? null;
  const macs = [...phys.entries()].map(([index, vb]) => ({ index: Number(index), mac: decodeMac(vb.value) }));
  let mac: string | null = null;
  if (iface?.ifIndex != null) mac = macs.find((m) => m.index === iface.ifIndex)?.mac ?? null;
  if (mac === null) {
    // No ifIndex link: only an unambiguous single MAC is taken (the MAC may sit on interface 1 or 2).
    const real = macs.filter((m) => m.mac !== null);
    if (real.length === 1) mac = real[0]!.mac;
  }

  return {
    host,
    port,
    snmpVersion: version,
    vendor,
    model,
    family,
    productName: buildProductName(model),
    serial: decodeText(v(OID.canonSerial)) ?? decodeText(v(OID.prtGeneralSerialNumber1)),
    firmware: decodeText(v(OID.canonFirmware)),
    mac,
    ip: iface?.ip ?? null,
    subnet: iface?.mask ?? null,
    gateway,
    sysDescr,
    sysObjectId,
    clock: decodeDateAndTime(v(OID.hrSystemDate)),
    uptime: decodeUptime(v(OID.sysUpTime)),
    status: {
      device: decodeEnum(HR_DEVICE_STATUS, v(OID.hrDeviceStatus1)),
      printer: decodeEnum(HR_PRINTER_STATUS, v(OID.hrPrinterStatus1)),
      errors: decodePrinterErrors(v(OID.hrPrinterDetectedErrorState1)),
    },
    alerts: [...alerts.values()].map((vb) => decodeText(vb.value)).filter((a): a is string => a !== null),
    counters: buildCounters(counters),
    pageCount: decodeNumber(v(OID.prtMarkerLifeCount11)),
    supplies: buildSupplies(supDescr, supMax, supLevel),
  };
}

function buildCounters(column: Column): Counter[] {
  const list: Counter[] = [];
  for (const [index, vb] of column) {
    const id = Number(index.split('.').pop());
    const value = decodeNumber(vb.value);
    if (!Number.isInteger(id) || value === null) continue;
    list.push({ id, name: CANON_COUNTER_NAMES[id] ?? null, value });
  }
  return list.sort((a, b) => a.id - b.id);
}

/** prtMarkerSupplies rows are indexed hrDeviceIndex.supplyIndex; we keep the supply index. */
function buildSupplies(descr: Column, max: Column, level: Column): Supply[] {
  const indexes = [...new Set([...descr.keys(), ...max.keys(), ...level.keys()])];
  return indexes
    .map((index) => {
      const l = decodeNumber(level.get(index)?.value);
      const m = decodeNumber(max.get(index)?.value);
      return {
        index: Number(index.split('.').pop()),
        description: decodeText(descr.get(index)?.value),
        level: l,
        max: m,
        percent: buildSupplyPercent(l, m),
      };
    })
    .sort((a, b) => a.index - b.index);
}
