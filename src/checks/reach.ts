// Reachability probes from the engineer's laptop: is the UGW server reachable the way the
// device would reach it (its DNS servers, TCP 443, TLS with verification, the RGW URL)?
// This module is light to import (types, option parsers, the pure clock check); the
// socket work lives in reach-net.ts and the ping wrapper in icmp.ts, loaded on first use.
import { CLOCK_FAIL_MS, CLOCK_WARN_MS, KT_DNS, RGW_ADR, RGW_PORT } from '../domain.js';
import { InvalidOptionError } from '../errors.js';
import type { Messages } from '../ui/i18n.js';
import type { CheckResult, Family } from '../types.js';
import { parseIpv4 } from './ipv4.js';
import type { NetProbes } from './reach-net.js';
import type { Pinger } from './icmp.js';
import { buildUgwChecks } from './reach-report.js';

export interface HostPort {
  host: string;
  port: number;
}

export interface ReachTargets {
  /** The RGW-ADR URL (default RGW_ADR); its host name is what the device resolves. */
  rgwUrl: string;
  /** RGW-PORT (default RGW_PORT, 443); the port TCP, TLS and HTTP use. */
  rgwPort: number;
  /** The DNS servers the device uses, primary first. */
  dns: HostPort[];
  /** Tried when the device's servers fail (default KT DNS, port 53). */
  fallbackDns: HostPort[];
  /** Extra trusted roots (PEM), added to Node's bundled roots. */
  caPem: string[];
  /** An http:// proxy URL the device goes through, or null for a direct connection. */
  proxy: string | null;
  /** Every probe is cut at this many milliseconds. */
  timeoutMs: number;
  /** The device's family, when known: fixes then name only its panel menus. */
  family?: Family;
}

/** The UGW certificate as seen by the laptop (read even when verification failed). */
export interface CertInfo {
  subject: string;
  issuer: string;
  /** ISO 8601. */
  validFrom: string;
  validTo: string;
  /** Subject names the certificate is valid for (DNS SANs, else the CN). */
  names: string[];
  /** The root (last certificate) of the chain the server sent. */
  root: string;
}

export interface UgwProbe {
  /** In dependency order: dns, ugw-tcp, ugw-tls, ugw-http. */
  checks: CheckResult[];
  cert: CertInfo | null;
  /** The IPv4 address TCP/TLS/HTTP used (from the device's DNS, else the fallback). */
  address: string | null;
}

export const UGW_CHECK_IDS = ['dns', 'ugw-tcp', 'ugw-tls', 'ugw-http'] as const;

/** The defaults the manual gives (DOMAIN.md §2.2, §2.4). */
export function defaultReachTargets(): Omit<ReachTargets, 'dns'> {
  return {
    rgwUrl: RGW_ADR,
    rgwPort: RGW_PORT,
    fallbackDns: KT_DNS.map((host) => ({ host, port: 53 })),
    caPem: [],
    proxy: null,
    timeoutMs: 3000,
  };
}

/** "1.2.3.4,5.6.7.8:5353" → host/port pairs; anything else exits 2 naming the option. */
export function parseDnsServers(option: string, value: string): HostPort[] {
  const parts = value.split(',').map((s) => s.trim());
  const bad = () => new InvalidOptionError(option, value, (t) => t.reachAllowedDns);
  if (parts.length === 0 || parts.some((p) => p === '')) throw bad();
  return parts.map((p) => {
    const m = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?$/.exec(p);
    if (!m || parseIpv4(m[1]!) === null) throw bad();
    const port = m[2] === undefined ? 53 : Number(m[2]);
    if (port < 1 || port > 65535) throw bad();
    return { host: m[1]!, port };
  });
}

/** --rgw: an https URL with a host name; exit 2 naming the option otherwise. */
export function parseRgwUrl(option: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch (err) {
    if (err instanceof TypeError) throw new InvalidOptionError(option, value, (t) => t.reachAllowedRgw);
    throw err;
  }
  if (url.protocol !== 'https:' || !url.hostname) throw new InvalidOptionError(option, value, (t) => t.reachAllowedRgw);
  return url;
}

/** --proxy: http://[user:pass@]host:port (e-RDS speaks to proxies in plain HTTP with CONNECT). */
export function parseProxyUrl(option: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch (err) {
    if (err instanceof TypeError) throw new InvalidOptionError(option, redactUrl(value), (t) => t.reachAllowedProxy);
    throw err;
  }
  if (url.protocol !== 'http:' || !url.hostname) {
    throw new InvalidOptionError(option, redactUrl(value), (t) => t.reachAllowedProxy);
  }
  return url.href;
}

/**
 * The proxy to use for the RGW URL: --proxy wins; else HTTPS_PROXY/https_proxy unless
 * NO_PROXY/no_proxy names the host (a suffix match, "*" for all), as curl does.
 */
export function pickProxy(flag: string | undefined, env: Record<string, string | undefined>, rgwUrl: string): string | null {
  if (flag !== undefined) return parseProxyUrl('--proxy', flag);
  const fromEnv = env.HTTPS_PROXY ?? env.https_proxy;
  if (!fromEnv) return null;
  const host = new URL(rgwUrl).hostname.toLowerCase();
  const noProxy = (env.NO_PROXY ?? env.no_proxy ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase().replace(/:\d+$/, ''))
    .filter(Boolean);
  const exempt = noProxy.some((n) => {
    if (n === '*') return true;
    const bare = n.replace(/^\*?\./, '');
    return host === bare || host.endsWith(`.${bare}`);
  });
  return exempt ? null : parseProxyUrl('HTTPS_PROXY', fromEnv);
}

/** A URL with any user:password replaced, for evidence and error text. */
export function redactUrl(text: string): string {
  return text.replace(/\/\/[^/@\s]*@/, '//***@');
}

/**
 * Probe the path to the UGW: DNS (the device's servers, then the fallback), then TCP, TLS
 * and HTTP to the resolved address in parallel, so the run takes the longest chain of
 * timeouts (DNS + one connection), not their sum. A cause is reported once; the checks
 * that depend on it are 'skip'.
 */
export async function probeUgw(targets: ReachTargets, t: Messages, deps?: { net?: NetProbes }): Promise<UgwProbe> {
  const net = deps?.net ?? (await import('./reach-net.js')).netProbes;
  const url = new URL(targets.rgwUrl);
  const host = url.hostname;
  const ms = targets.timeoutMs;
  // An RGW-ADR with an IP address needs no DNS at all.
  if (parseIpv4(host) !== null) return probeFromAddress(targets, host, net, t);
  // The fallback is asked at the same time as the device's servers: its answer is only
  // used when they fail, but asking later would add a second DNS timeout to the chain.
  // When a device server answers, the fallback is not waited for.
  const stopFallback = new AbortController();
  const fallbackRun = Promise.all(targets.fallbackDns.map((s) => net.resolveA(host, s, ms, stopFallback.signal)));
  const primary = await Promise.all(targets.dns.map((s) => net.resolveA(host, s, ms)));
  if (primary.some((o) => o.ok)) stopFallback.abort();
  const fallback = primary.some((o) => o.ok) ? [] : await fallbackRun;
  const answered = primary.find((o) => o.ok) ?? fallback.find((o) => o.ok);
  const address = answered?.ok ? answered.addresses[0]! : null;
  const { tcp, tls, http } = await probeConnections(targets, host, address, net);
  const checks = buildUgwChecks({ targets, host, primary, fallback, address, tcp, tls, http }, t);
  return { checks, cert: tls?.cert ?? null, address };
}

async function probeFromAddress(targets: ReachTargets, address: string, net: NetProbes, t: Messages): Promise<UgwProbe> {
  const { tcp, tls, http } = await probeConnections(targets, address, address, net);
  const checks = buildUgwChecks({ targets, host: address, primary: [], fallback: [], address, tcp, tls, http }, t);
  return { checks, cert: tls?.cert ?? null, address };
}

/** TCP, TLS and HTTP at once: each is independent given the address; skips come later. */
async function probeConnections(targets: ReachTargets, host: string, address: string | null, net: NetProbes) {
  const ms = targets.timeoutMs;
  const tlsTarget = { address: address ?? host, port: targets.rgwPort, servername: host, caPem: targets.caPem, timeoutMs: ms };
  // Through a proxy the proxy resolves the UGW host, so HTTP is tried even without an address.
  const [tcp, tls, http] = await Promise.all([
    address === null ? null : net.connectTcp(address, targets.rgwPort, ms),
    address === null ? null : net.handshakeTls(tlsTarget),
    address === null && targets.proxy === null ? null : net.requestHttp({ ...tlsTarget, url: targets.rgwUrl, proxy: targets.proxy }),
  ]);
  return { tcp, tls, http };
}

/**
 * Ping a host from the laptop. Only the alive result counts: no answer is 'warn' (ICMP is
 * often blocked), never 'fail'; no ping program is 'skip'.
 */
export async function probeIcmp(
  id: 'device-icmp' | 'gateway-icmp',
  host: string,
  timeoutMs: number,
  t: Messages,
  deps?: { ping?: Pinger },
): Promise<CheckResult> {
  const icmp = await import('./icmp.js');
  return icmp.probeIcmp(id, host, timeoutMs, t, deps?.ping ?? icmp.systemPing);
}

/**
 * The device clock (hrSystemDate, ISO 8601) against the laptop's: more than 5 minutes off
 * warns; more than 24 h, or outside the UGW certificate's validity, fails (TLS checks dates).
 */
export function checkDeviceClock(clock: string | null, now: Date, cert: CertInfo | null, t: Messages): CheckResult {
  const id = 'device-clock';
  const device = clock === null ? NaN : Date.parse(clock);
  if (Number.isNaN(device)) {
    return { id, status: 'skip', evidence: t.reachClockUnreadable, fix: null };
  }
  const skewMs = device - now.getTime();
  const p = { device: clock!, laptop: now.toISOString(), skew: formatSkew(skewMs, t) };
  const fix = t.reachClockFix;
  // Only when the certificate is valid by the laptop's clock is the device's clock to blame
  // (an expired certificate is ugw-tls's finding, not the clock's).
  const within = (ms: number) => cert !== null && ms >= Date.parse(cert.validFrom) && ms <= Date.parse(cert.validTo);
  if (cert && within(now.getTime()) && !within(device)) {
    return {
      id,
      status: 'fail',
      evidence: t.reachClockOutsideCert({ ...p, validFrom: cert.validFrom, validTo: cert.validTo }),
      fix,
    };
  }
  const off = Math.abs(skewMs);
  if (off > CLOCK_FAIL_MS) return { id, status: 'fail', evidence: t.reachClockFar(p), fix };
  if (off > CLOCK_WARN_MS) return { id, status: 'warn', evidence: t.reachClockOff(p), fix };
  return { id, status: 'pass', evidence: t.reachClockOk(p), fix: null };
}

/** "3 min ahead", "2 years behind": the largest unit that fits. */
export function formatSkew(skewMs: number, t: Messages): string {
  const abs = Math.abs(skewMs);
  const units: Array<[number, 'year' | 'day' | 'hour' | 'min' | 's']> = [
    [365 * 86_400_000, 'year'],
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'min'],
    [1000, 's'],
  ];
  if (abs < 1000) return t.reachSkewNone;
  const [size, unit] = units.find(([size]) => abs >= size) ?? [1000, 's'];
  return t.reachSkew({ n: Math.floor(abs / size), unit, ahead: skewMs >= 0 });
}
