// The pure step from probe outcomes to checks, as a table: which check carries the cause
// and which are skipped, with and without a proxy.
import { describe, expect, it } from 'vitest';
import { buildUgwChecks, type UgwOutcomes } from '../src/checks/reach-report.js';
import type { DnsOutcome, HttpOutcome, TcpOutcome, TlsOutcome } from '../src/checks/reach-net.js';
import type { ReachTargets } from '../src/checks/reach.js';
import { en } from '../src/ui/i18n.js';

const S = { host: '127.0.0.1', port: 53 };
const A: DnsOutcome = { server: S, ok: true, addresses: ['127.0.0.2'] };
const NX: DnsOutcome = { server: S, ok: false, error: 'nxdomain', code: 'ENOTFOUND' };
const TCP_OK: TcpOutcome = { ok: true };
const TCP_RST: TcpOutcome = { ok: false, error: 'refused', code: 'ECONNREFUSED' };
const TLS_OK: TlsOutcome = { ok: true, cert: null, protocol: 'TLSv1.3' };
const TLS_BAD: TlsOutcome = { ok: false, error: 'untrusted', code: 'SELF_SIGNED_CERT_IN_CHAIN', cert: null };
const HTTP_OK: HttpOutcome = { ok: true, status: 200, viaProxy: false };
const HTTP_PROXY_OK: HttpOutcome = { ok: true, status: 200, viaProxy: true };
const HTTP_407: HttpOutcome = { ok: false, error: 'proxy-auth', proxyAuthenticate: ['NTLM'], sentCredentials: false };

function run(o: Partial<UgwOutcomes>, proxy: string | null = null): string {
  const targets: ReachTargets = {
    rgwUrl: 'https://a01.ugwdevice.net/ugw/agentif010',
    rgwPort: 443,
    dns: [S],
    fallbackDns: [],
    caPem: [],
    proxy,
    timeoutMs: 1000,
  };
  const base: UgwOutcomes = { targets, host: 'a01.ugwdevice.net', primary: [A], fallback: [], address: '127.0.0.2', tcp: TCP_OK, tls: TLS_OK, http: HTTP_OK };
  return buildUgwChecks({ ...base, ...o }, en)
    .map((c) => `${c.id}:${c.status}`)
    .join(' ');
}

describe('buildUgwChecks', () => {
  const P = 'http://127.0.0.1:3128';
  const cases: Array<[string, Partial<UgwOutcomes>, string | null, string]> = [
    ['all good', {}, null, 'dns:pass ugw-tcp:pass ugw-tls:pass ugw-http:pass'],
    ['no DNS answer', { primary: [NX], address: null, tcp: null, tls: null, http: null }, null, 'dns:fail ugw-tcp:skip ugw-tls:skip ugw-http:skip'],
    ['port refused', { tcp: TCP_RST }, null, 'dns:pass ugw-tcp:fail ugw-tls:skip ugw-http:skip'],
    ['TLS re-signed', { tls: TLS_BAD }, null, 'dns:pass ugw-tcp:pass ugw-tls:fail ugw-http:skip'],
    ['proxy 407', { http: HTTP_407 }, P, 'dns:pass ugw-tcp:pass ugw-tls:pass ugw-http:fail'],
    ['proxy, direct path closed', { tcp: TCP_RST, http: HTTP_PROXY_OK }, P, 'dns:pass ugw-tcp:warn ugw-tls:skip ugw-http:pass'],
    ['proxy, no DNS, proxy reaches the UGW', { primary: [NX], address: null, tcp: null, tls: null, http: HTTP_PROXY_OK }, P, 'dns:warn ugw-tcp:skip ugw-tls:skip ugw-http:pass'],
    ['proxy, no DNS, 407', { primary: [NX], address: null, tcp: null, tls: null, http: HTTP_407 }, P, 'dns:fail ugw-tcp:skip ugw-tls:skip ugw-http:fail'],
  ];
  it.each(cases)('%s', (_n, o, proxy, expected) => expect(run(o, proxy)).toBe(expected));
});
