// The OIDs eclub reads (DOMAIN.md §3), and pure OID arithmetic.

export const OID = {
  sysDescr: '1.3.6.1.2.1.1.1.0',
  sysObjectID: '1.3.6.1.2.1.1.2.0',
  sysUpTime: '1.3.6.1.2.1.1.3.0',
  sysName: '1.3.6.1.2.1.1.5.0',
  sysLocation: '1.3.6.1.2.1.1.6.0',
  /** Canon MIB: model without "Canon ". */
  canonModel: '1.3.6.1.4.1.1602.1.1.1.1.0',
  canonFirmware: '1.3.6.1.4.1.1602.1.1.1.4.0',
  /** Canon MIB serial (기번); either this or prtGeneralSerialNumber may be missing. */
  canonSerial: '1.3.6.1.4.1.1602.1.2.1.4.0',
  hrDeviceDescr1: '1.3.6.1.2.1.25.3.2.1.3.1',
  hrDeviceStatus1: '1.3.6.1.2.1.25.3.2.1.5.1',
  hrPrinterStatus1: '1.3.6.1.2.1.25.3.5.1.1.1',
  hrPrinterDetectedErrorState1: '1.3.6.1.2.1.25.3.5.1.2.1',
  hrSystemDate: '1.3.6.1.2.1.25.1.2.0',
  prtGeneralSerialNumber1: '1.3.6.1.2.1.43.5.1.1.17.1',
  prtMarkerLifeCount11: '1.3.6.1.2.1.43.10.2.1.4.1.1',
  /** ipRouteNextHop of the default route (ipRouteDest 0.0.0.0). */
  ipRouteNextHopDefault: '1.3.6.1.2.1.4.21.1.7.0.0.0.0',
} as const;

/** Table columns, read together (one GETBULK when they fit). */
export const COLUMN = {
  ipAdEntAddr: '1.3.6.1.2.1.4.20.1.1',
  ipAdEntIfIndex: '1.3.6.1.2.1.4.20.1.2',
  ipAdEntNetMask: '1.3.6.1.2.1.4.20.1.3',
  ifPhysAddress: '1.3.6.1.2.1.2.2.1.6',
  prtAlertDescription: '1.3.6.1.2.1.43.18.1.1.8',
  prtMarkerSuppliesDescription: '1.3.6.1.2.1.43.11.1.1.6',
  prtMarkerSuppliesMaxCapacity: '1.3.6.1.2.1.43.11.1.1.8',
  prtMarkerSuppliesLevel: '1.3.6.1.2.1.43.11.1.1.9',
  /** Canon counters: 1.3.6.1.4.1.1602.1.11.1.3.1.4.<id>. */
  canonCounter: '1.3.6.1.4.1.1602.1.11.1.3.1.4',
  /** ipCidrRouteNextHop, index dest.mask.tos.nexthop. */
  ipCidrRouteNextHop: '1.3.6.1.2.1.4.24.4.1.4',
  /** inetCidrRouteNextHop, index destType.dest.pfxLen.policy.nextHopType.nextHop. */
  inetCidrRouteNextHop: '1.3.6.1.2.1.4.24.7.1.7',
} as const;

/** Where a GETNEXT finds the default route in the CIDR route tables. */
export const DEFAULT_ROUTE_PREFIX = {
  /** dest 0.0.0.0, mask 0.0.0.0 */
  ipCidr: `${COLUMN.ipCidrRouteNextHop}.0.0.0.0.0.0.0.0`,
  /** ipv4(1), 4 octets 0.0.0.0, prefix length 0 */
  inetCidr: `${COLUMN.inetCidrRouteNextHop}.1.4.0.0.0.0.0`,
} as const;

export function parseOid(oid: string): number[] {
  return oid.split('.').filter((s) => s !== '').map(Number);
}

/** Numeric OID order: negative when a < b. */
export function compareOids(a: string, b: string): number {
  const x = parseOid(a);
  const y = parseOid(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    if (x[i] !== y[i]) return x[i]! - y[i]!;
  }
  return x.length - y.length;
}

/** True when `oid` lies strictly under `base` (1.3.6.1.2.1.2.2.1.6.1 under 1.3.6.1.2.1.2.2.1.6). */
export function isUnder(base: string, oid: string): boolean {
  return oid.startsWith(base + '.');
}

/** The index part after a column OID: "1.3.6.1.2.1.4.20.1.1.10.0.0.5" under ipAdEntAddr → "10.0.0.5". */
export function indexOf(column: string, oid: string): string | null {
  return isUnder(column, oid) ? oid.slice(column.length + 1) : null;
}
