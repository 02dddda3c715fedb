// Which addresses to probe: pure parsing of the engineer's targets and of the laptop's
// own subnets. Nothing here touches the network.
import { broadcastOf, formatIpv4, isLoopback, maskPrefix, networkOf, parseCidr, parseIpv4 } from '../checks/ipv4.js';
import { UsageError } from '../errors.js';

/** Refuse more addresses than a /16 unless --force: a mistyped /8 is 16 million probes. */
export const MAX_HOSTS_WITHOUT_FORCE = 65_536;

export interface TargetRange {
  /** As the engineer wrote it, or "a.b.c.d/nn" for a local subnet. */
  label: string;
  first: number;
  last: number;
}

export class TargetSyntaxError extends UsageError {
  constructor(readonly target: string) {
    super((t) => t.discoverBadTarget({ target }));
  }
}

export class TooManyTargetsError extends UsageError {
  constructor(
    readonly ranges: string,
    readonly count: number,
  ) {
    super(
      (t) => t.discoverTooMany({ ranges, count, max: MAX_HOSTS_WITHOUT_FORCE }),
      (t) => t.discoverTooManyFix,
    );
  }
}

/**
 * One target: "a.b.c.d/nn" (network and broadcast left out below /31), "a.b.c.d",
 * "a.b.c.d-e" (last octet range) or "a.b.c.d-w.x.y.z".
 */
export function parseTarget(text: string): TargetRange {
  const s = text.trim();
  if (s.includes('/')) {
    const c = parseCidr(s);
    if (!c) throw new TargetSyntaxError(text);
    const last = (c.network + 2 ** (32 - c.prefix) - 1) >>> 0;
    return c.prefix < 31 ? { label: s, first: c.network + 1, last: last - 1 } : { label: s, first: c.network, last };
  }
  const dash = s.indexOf('-');
  if (dash < 0) {
    const ip = parseIpv4(s);
    if (ip === null) throw new TargetSyntaxError(text);
    return { label: s, first: ip, last: ip };
  }
  const first = parseIpv4(s.slice(0, dash));
  const tail = s.slice(dash + 1);
  if (first === null) throw new TargetSyntaxError(text);
  let last: number | null;
  if (/^\d{1,3}$/.test(tail)) {
    const octet = Number(tail);
    last = octet <= 255 ? (((first >>> 8) << 8) | octet) >>> 0 : null;
  } else last = parseIpv4(tail);
  if (last === null || last < first) throw new TargetSyntaxError(text);
  return { label: s, first, last };
}

export function countHosts(ranges: readonly TargetRange[]): number {
  return ranges.reduce((n, r) => n + (r.last - r.first + 1), 0);
}

/** Every target to a list of distinct addresses in order; exit 2 when too many without force. */
export function parseTargets(args: readonly string[], o: { force?: boolean } = {}): string[] {
  const ranges = args.map(parseTarget);
  return expandRanges(ranges, o);
}

export function expandRanges(ranges: readonly TargetRange[], o: { force?: boolean } = {}): string[] {
  const count = countHosts(ranges);
  if (count > MAX_HOSTS_WITHOUT_FORCE && !o.force) {
    throw new TooManyTargetsError(ranges.map((r) => r.label).join(', '), count);
  }
  const seen = new Set<number>();
  const hosts: string[] = [];
  for (const r of ranges) {
    for (let n = r.first; n <= r.last; n++) {
      if (seen.has(n)) continue;
      seen.add(n);
      hosts.push(formatIpv4(n));
    }
  }
  return hosts;
}

/** What os.networkInterfaces() gives, reduced to what we read. */
export interface InterfaceAddress {
  family: string | number;
  address: string;
  netmask: string;
  internal: boolean;
}

/** The laptop's own IPv4 subnets as ranges; loopback only when asked. */
export function buildLocalRanges(
  interfaces: Record<string, readonly InterfaceAddress[] | undefined>,
  o: { includeLoopback?: boolean } = {},
): TargetRange[] {
  const out: TargetRange[] = [];
  const seen = new Set<string>();
  for (const list of Object.values(interfaces)) {
    for (const a of list ?? []) {
      if (a.family !== 'IPv4' && a.family !== 4) continue;
      const ip = parseIpv4(a.address);
      const mask = parseIpv4(a.netmask);
      if (ip === null || mask === null) continue;
      if ((a.internal || isLoopback(ip)) && !o.includeLoopback) continue;
      const prefix = maskPrefix(mask);
      if (prefix === null) continue;
      const label = `${formatIpv4(networkOf(ip, mask))}/${prefix}`;
      if (seen.has(label)) continue;
      seen.add(label);
      out.push({ ...parseTarget(label), label });
    }
  }
  return out;
}

/** Broadcast addresses of the subnets among the ranges (for --broadcast); single IPs have none. */
export function buildBroadcastAddresses(ranges: readonly TargetRange[]): string[] {
  const out = new Set<string>();
  for (const r of ranges) {
    const c = parseCidr(r.label);
    if (c && c.prefix < 31) out.add(formatIpv4(broadcastOf(c.network, c.mask)));
  }
  return [...out];
}
