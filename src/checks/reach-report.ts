// Pure: the outcomes of the UGW probes → checks in dependency order, each cause reported
// once and what depends on it marked 'skip'. No I/O here; tests feed outcomes directly.
import type { Messages } from '../ui/i18n.js';
import type { CheckResult, Family } from '../types.js';
import { panelPath } from './panel.js';
import type { DnsOutcome, HttpOutcome, TcpOutcome, TlsOutcome } from './reach-net.js';
import { redactUrl, type HostPort, type ReachTargets } from './reach.js';

export interface UgwOutcomes {
  targets: ReachTargets;
  /** The UGW host name (from the RGW URL). */
  host: string;
  primary: DnsOutcome[];
  fallback: DnsOutcome[];
  address: string | null;
  tcp: TcpOutcome | null;
  tls: TlsOutcome | null;
  http: HttpOutcome | null;
}

/** The panel's DNS menu for the device's family, or for both families when unknown. */
function dnsMenu(family: Family | undefined, t: Messages): string {
  if (family) return panelPath(family, 'dns', t.reachLang);
  return `iR-ADV: ${panelPath('iR-ADV', 'dns', t.reachLang)}; iR/iRC: ${panelPath('iR', 'dns', t.reachLang)}`;
}

const server = (s: HostPort) => (s.port === 53 ? s.host : `${s.host}:${s.port}`);

export function buildUgwChecks(o: UgwOutcomes, t: Messages): CheckResult[] {
  const dns = buildDnsCheck(o, t);
  const tcp = buildTcpCheck(o, t);
  const tls = buildTlsCheck(o, tcp, t);
  const http = buildHttpCheck(o, tcp, tls, t);
  return [dns, tcp, tls, http];
}

function dnsFailure(f: Extract<DnsOutcome, { ok: false }>, host: string, ms: number, t: Messages): string {
  return t.reachDnsError({ server: server(f.server), host, error: f.error, code: f.code, ms });
}

export function buildDnsCheck(o: UgwOutcomes, t: Messages): CheckResult {
  const id = 'dns';
  const { host, primary, fallback } = o;
  const ms = o.targets.timeoutMs;
  if (o.address === host) return { id, status: 'skip', evidence: t.reachDnsIpLiteral({ host }), fix: null };
  const answer = primary.find((p): p is Extract<DnsOutcome, { ok: true }> => p.ok);
  const failed = primary.filter((p): p is Extract<DnsOutcome, { ok: false }> => !p.ok);
  const failures = failed.map((f) => dnsFailure(f, host, ms, t)).join('; ');
  if (answer) {
    const evidence = t.reachDnsOk({ host, addresses: answer.addresses.join(', '), server: server(answer.server) });
    if (failed.length === 0) return { id, status: 'pass', evidence, fix: null };
    return { id, status: 'warn', evidence: `${evidence}; ${failures}`, fix: t.reachDnsFixSome };
  }
  const fb = fallback.find((p): p is Extract<DnsOutcome, { ok: true }> => p.ok);
  const fbNames = o.targets.fallbackDns.map(server);
  const fallbackText = fb
    ? t.reachDnsFallbackOk({ host, server: server(fb.server), addresses: fb.addresses.join(', ') })
    : fallback.length > 0
      ? t.reachDnsFallbackFailed({
          failures: fallback.filter((f) => !f.ok).map((f) => dnsFailure(f as Extract<DnsOutcome, { ok: false }>, host, ms, t)).join('; '),
        })
      : '';
  const evidence = [primary.length === 0 ? t.reachDnsNoneGiven : failures, fallbackText].filter(Boolean).join('; ');
  const allNxdomain =
    failed.length > 0 && failed.every((f) => f.error === 'nxdomain') && fallback.every((f) => !f.ok && f.error === 'nxdomain');
  const fix = fb
    ? t.reachDnsFixUseFallback({ primary: fbNames[0] ?? '', secondary: fbNames[1] ?? '', menu: dnsMenu(o.targets.family, t) })
    : allNxdomain
      ? t.reachDnsFixCheckRgw({ host })
      : t.reachDnsFixNoDns;
  // Through a proxy that reached the UGW, the proxy resolves the name: the device's DNS
  // failing for it is worth fixing but is not why COM-TEST fails.
  if (o.targets.proxy !== null && o.http?.ok) return { id, status: 'warn', evidence, fix: `${fix} (${t.reachDnsProxyResolves})` };
  return { id, status: primary.length === 0 && fb ? 'warn' : 'fail', evidence, fix };
}

export function buildTcpCheck(o: UgwOutcomes, t: Messages): CheckResult {
  const id = 'ugw-tcp';
  if (o.address === null || o.tcp === null) return skipNeeds(id, 'DNS', t);
  const p = { address: o.address, port: o.targets.rgwPort, host: o.host, ms: o.targets.timeoutMs };
  if (o.tcp.ok) return { id, status: 'pass', evidence: t.reachTcpOk(p), fix: null };
  const evidence = t.reachTcpError({ ...p, error: o.tcp.error, code: o.tcp.code });
  const fix = o.tcp.error === 'unreachable' ? t.reachTcpFixRoute(p) : t.reachTcpFixFirewall(p);
  // With a proxy the device never connects directly: a closed direct path is expected.
  if (o.targets.proxy !== null) return { id, status: 'warn', evidence, fix: t.reachTcpProxyNote };
  return { id, status: 'fail', evidence, fix };
}

export function buildTlsCheck(o: UgwOutcomes, tcp: CheckResult, t: Messages): CheckResult {
  const id = 'ugw-tls';
  if (o.address === null || o.tls === null) return skipNeeds(id, 'DNS', t);
  if (tcp.status !== 'pass') return skipNeeds(id, `TCP ${o.targets.rgwPort}`, t);
  const r = o.tls;
  const cert = r.cert;
  const certText = cert ? t.reachCert(cert) : t.reachCertNone;
  if (r.ok) return { id, status: 'pass', evidence: t.reachTlsOk({ cert: certText, host: o.host }), fix: null };
  const p = { host: o.host, cert: certText, code: r.code, ms: o.targets.timeoutMs };
  const evidence = t.reachTlsError({ ...p, error: r.error, names: cert?.names.join(', ') ?? '', root: cert?.root ?? '' });
  const fixes: Partial<Record<typeof r.error, string>> = {
    expired: t.reachTlsFixExpired,
    'not-yet-valid': t.reachTlsFixNotYetValid,
    hostname: t.reachTlsFixHostname(p),
    untrusted: t.reachTlsFixResigning(p),
  };
  return { id, status: 'fail', evidence, fix: fixes[r.error] ?? t.reachTlsFixOther(p) };
}

export function buildHttpCheck(o: UgwOutcomes, tcp: CheckResult, tls: CheckResult, t: Messages): CheckResult {
  const id = 'ugw-http';
  const proxy = o.targets.proxy === null ? null : redactUrl(o.targets.proxy);
  if (o.http === null) return skipNeeds(id, 'DNS', t);
  if (proxy === null) {
    if (tcp.status !== 'pass') return skipNeeds(id, `TCP ${o.targets.rgwPort}`, t);
    if (tls.status !== 'pass') return skipNeeds(id, 'TLS', t);
  }
  const r = o.http;
  const p = { url: o.targets.rgwUrl, proxy: proxy ?? '', host: o.host, port: o.targets.rgwPort, ms: o.targets.timeoutMs };
  if (r.ok) return { id, status: 'pass', evidence: t.reachHttpOk({ ...p, status: r.status, viaProxy: r.viaProxy }), fix: null };
  switch (r.error) {
    case 'proxy-auth': {
      const schemes = parseAuthSchemes(r.proxyAuthenticate);
      const basic = schemes.some((s) => s.toLowerCase() === 'basic');
      const evidence = t.reachHttpProxyAuth({ ...p, schemes: schemes.join(', ') || '-', sentCredentials: r.sentCredentials });
      const fix = !basic ? t.reachHttpFixNoBasic(p) : r.sentCredentials ? t.reachHttpFixBadCredentials : t.reachHttpFixGiveBasic;
      return { id, status: 'fail', evidence, fix };
    }
    case 'proxy-status':
      return { id, status: 'fail', evidence: t.reachHttpProxyStatus({ ...p, status: r.status }), fix: t.reachHttpFixProxyConnect(p) };
    case 'proxy-unreachable':
      return { id, status: 'fail', evidence: t.reachHttpProxyDown({ ...p, code: r.code }), fix: t.reachHttpFixProxyAddress };
    case 'tls':
      return { id, status: 'fail', evidence: t.reachHttpError({ ...p, error: r.error, code: r.code, viaProxy: r.viaProxy }), fix: t.reachTlsFixResigning(p) };
    default:
      return {
        id,
        status: 'fail',
        evidence: t.reachHttpError({ ...p, error: r.error, code: r.code, viaProxy: r.viaProxy }),
        fix: r.viaProxy ? t.reachHttpFixProxyConnect(p) : t.reachTcpFixFirewall({ ...p, address: o.address ?? o.host }),
      };
  }
}

function skipNeeds(id: string, what: string, t: Messages): CheckResult {
  return { id, status: 'skip', evidence: t.reachNeeds({ what }), fix: null };
}

/**
 * The schemes offered in Proxy-Authenticate headers (RFC 9110 §11.6.1): one header may hold
 * several challenges separated by commas, each "Scheme [token68 | param=value, ...]".
 */
export function parseAuthSchemes(headers: readonly string[]): string[] {
  const schemes: string[] = [];
  for (const header of headers) {
    for (const part of header.split(',')) {
      // "realm=x" after a comma is a parameter of the previous challenge, not a scheme.
      const m = /^\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*(=?)/.exec(part);
      if (m && m[2] === '') schemes.push(m[1]!);
    }
  }
  return [...new Set(schemes)];
}
