// Pure IPv4 arithmetic shared by the checks, the form and the option parsers.

/** Dotted quad to a 32-bit unsigned number; null unless exactly four 0–255 decimal parts. */
export function parseIpv4(text: string): number | null {
  const parts = text.trim().split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    // Leading zeros read as octal on some stacks (010 = 8): refuse them rather than guess.
    if (p.length > 1 && p.startsWith('0')) return null;
    const v = Number(p);
    if (v > 255) return null;
    n = n * 256 + v;
  }
  return n >>> 0;
}

export function formatIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function isIpv4(text: string): boolean {
  return parseIpv4(text) !== null;
}

/** Prefix length of a contiguous mask (255.255.255.0 → 24); null when not contiguous. */
export function maskPrefix(mask: number): number | null {
  const inv = ~mask >>> 0;
  // Contiguous means the inverted mask is 2^k - 1.
  if ((inv & (inv + 1)) !== 0) return null;
  return 32 - Math.log2(inv + 1);
}

export function prefixToMask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function networkOf(ip: number, mask: number): number {
  return (ip & mask) >>> 0;
}

export function broadcastOf(ip: number, mask: number): number {
  return (ip | (~mask >>> 0)) >>> 0;
}

export function isLoopback(ip: number): boolean {
  return ip >>> 24 === 127;
}

/** "10.1.2.0/24" style, for evidence lines. */
export function formatSubnet(ip: number, mask: number): string {
  const p = maskPrefix(mask);
  return `${formatIpv4(networkOf(ip, mask))}/${p ?? formatIpv4(mask)}`;
}

/** Parse "a.b.c.d/nn" → {network, mask}; null when malformed. Host bits are cleared. */
export function parseCidr(text: string): { network: number; mask: number; prefix: number } | null {
  const m = /^(\S+)\/(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const ip = parseIpv4(m[1]!);
  const prefix = Number(m[2]);
  if (ip === null || prefix > 32) return null;
  const mask = prefixToMask(prefix);
  return { network: networkOf(ip, mask), mask, prefix };
}
