// The socket side of the UGW probes: each function touches the network once, is cut at
// its timeout, and returns what happened as data (an outcome), never a CheckResult — the
// pure builders in reach-report.ts turn outcomes into checks in the user's language.
import { Resolver } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { CertInfo, HostPort } from './reach.js';

export type DnsError = 'unreachable' | 'refused' | 'nxdomain' | 'nodata' | 'servfail' | 'timeout' | 'other';
export type DnsOutcome =
  | { server: HostPort; ok: true; addresses: string[] }
  | { server: HostPort; ok: false; error: DnsError; code: string };

export type TcpOutcome = { ok: true } | { ok: false; error: 'refused' | 'timeout' | 'unreachable' | 'other'; code: string };

export type TlsError = 'expired' | 'not-yet-valid' | 'hostname' | 'untrusted' | 'timeout' | 'refused' | 'closed' | 'other';
export type TlsOutcome =
  | { ok: true; cert: CertInfo | null; protocol: string | null }
  | { ok: false; error: TlsError; code: string; cert: CertInfo | null };

export type HttpOutcome =
  | { ok: true; status: number; viaProxy: boolean }
  | { ok: false; error: 'proxy-auth'; proxyAuthenticate: string[]; sentCredentials: boolean }
  | { ok: false; error: 'proxy-status'; status: number }
  | { ok: false; error: 'proxy-unreachable'; code: string }
  | { ok: false; error: 'timeout' | 'tls' | 'network'; code: string; viaProxy: boolean };

export interface TlsTarget {
  address: string;
  port: number;
  /** The RGW host name: sent as SNI and checked against the certificate. */
  servername: string;
  caPem: string[];
  timeoutMs: number;
}

export interface HttpTarget extends TlsTarget {
  url: string;
  proxy: string | null;
}

/** The seam probeUgw goes through; tests may swap any of it. */
export interface NetProbes {
  resolveA(host: string, server: HostPort, timeoutMs: number, signal?: AbortSignal): Promise<DnsOutcome>;
  connectTcp(address: string, port: number, timeoutMs: number): Promise<TcpOutcome>;
  handshakeTls(target: TlsTarget): Promise<TlsOutcome>;
  requestHttp(target: HttpTarget): Promise<HttpOutcome>;
}

// c-ares error codes (node:dns) → what the engineer can act on. ECONNREFUSED is the ICMP
// port-unreachable answer of a host with no DNS server on that port.
const DNS_ERRORS: Record<string, DnsError> = {
  ECONNREFUSED: 'unreachable',
  EREFUSED: 'refused',
  ENOTFOUND: 'nxdomain',
  ENODATA: 'nodata',
  ESERVFAIL: 'servfail',
  ETIMEOUT: 'timeout',
  ECANCELLED: 'timeout',
};

/** Ask one DNS server (not the laptop's resolver) for the host's IPv4 addresses. */
export async function resolveA(host: string, to: HostPort, timeoutMs: number, signal?: AbortSignal): Promise<DnsOutcome> {
  const server = { host: to.host, port: to.port };
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  resolver.setServers([`${server.host}:${server.port}`]);
  // c-ares may retry over TCP or take a little longer than `timeout`: cut it here too.
  const cancel = () => resolver.cancel();
  const guard = setTimeout(cancel, timeoutMs + 50);
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    const addresses = await resolver.resolve4(host);
    return { server, ok: true, addresses };
  } catch (err) {
    const code = errorCode(err);
    return { server, ok: false, error: DNS_ERRORS[code] ?? 'other', code };
  } finally {
    clearTimeout(guard);
    signal?.removeEventListener('abort', cancel);
  }
}

const TCP_ERRORS: Record<string, 'refused' | 'unreachable'> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'refused',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EHOSTDOWN: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
};

/** Open and close a TCP connection: refused (RST), filtered (no answer), unreachable. */
export function connectTcp(address: string, port: number, timeoutMs: number): Promise<TcpOutcome> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    const done = (o: TcpOutcome) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(o);
    };
    const timer = setTimeout(() => done({ ok: false, error: 'timeout', code: 'ETIMEDOUT' }), timeoutMs);
    socket.once('connect', () => done({ ok: true }));
    socket.once('error', (err) => {
      const code = errorCode(err);
      done({ ok: false, error: TCP_ERRORS[code] ?? 'other', code });
    });
  });
}

// OpenSSL verification codes as Node reports them (err.code) → the cause.
const TLS_ERRORS: Record<string, TlsError> = {
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'not-yet-valid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'hostname',
  UNABLE_TO_GET_ISSUER_CERT: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'untrusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'untrusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'untrusted',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'untrusted',
  CERT_UNTRUSTED: 'untrusted',
  CERT_SIGNATURE_FAILURE: 'untrusted',
  ECONNREFUSED: 'refused',
  ECONNRESET: 'closed',
};

function tlsOptions(target: TlsTarget): tls.ConnectionOptions {
  return {
    // SNI carries names only (RFC 6066); for an address Node checks the certificate against `host`.
    ...(net.isIP(target.servername) ? {} : { servername: target.servername }),
    // Extra roots are added to Node's bundled ones, never instead of them.
    ...(target.caPem.length > 0 ? { ca: [...tls.rootCertificates, ...target.caPem] } : {}),
  };
}

/**
 * Record the server's certificate before Node decides whether to trust it. Node's client
 * verifies in its own 'secure' listener (lib/_tls_wrap.js onConnectSecure, Node 20/22) and
 * destroys the socket on failure, after which getPeerCertificate() returns null; a listener
 * prepended to 'secure' runs first, with verification left fully on.
 */
function recordPeerCertificate(socket: tls.TLSSocket): () => CertInfo | null {
  let cert: CertInfo | null = null;
  socket.prependListener('secure', () => {
    cert = buildCertInfo(socket.getPeerCertificate(true));
  });
  return () => cert;
}

/** The TLS handshake with chain and host name verification, as the device does it. */
export function handshakeTls(target: TlsTarget): Promise<TlsOutcome> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host: target.address, port: target.port, ...tlsOptions(target) });
    const peer = recordPeerCertificate(socket);
    const done = (o: TlsOutcome) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(o);
    };
    const timer = setTimeout(() => done({ ok: false, error: 'timeout', code: 'ETIMEDOUT', cert: peer() }), target.timeoutMs);
    socket.once('secureConnect', () =>
      done({ ok: true, cert: peer() ?? buildCertInfo(socket.getPeerCertificate(true)), protocol: socket.getProtocol() }),
    );
    socket.once('error', (err) => {
      const code = errorCode(err);
      done({ ok: false, error: TLS_ERRORS[code] ?? 'other', code, cert: peer() });
    });
  });
}

/**
 * GET the RGW URL (any HTTP status means the UGW answered). Through a proxy: CONNECT
 * host:port first, with Basic credentials when the proxy URL carries them — the only
 * scheme e-RDS speaks.
 */
export function requestHttp(target: HttpTarget): Promise<HttpOutcome> {
  return new Promise((resolve) => {
    const url = new URL(target.url);
    const hostHeader = url.port ? `${url.hostname}:${url.port}` : url.hostname;
    const cleanups: Array<() => void> = [];
    let settled = false;
    const done = (o: HttpOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const c of cleanups) c();
      resolve(o);
    };
    const timer = setTimeout(
      () => done({ ok: false, error: 'timeout', code: 'ETIMEDOUT', viaProxy: target.proxy !== null }),
      target.timeoutMs,
    );
    const viaProxy = target.proxy !== null;
    const get = (socket?: tls.TLSSocket) => {
      const req = https.request({
        method: 'GET',
        host: target.address,
        port: target.port,
        path: `${url.pathname}${url.search}`,
        headers: { Host: hostHeader, 'User-Agent': 'eclub-diagnose', Accept: '*/*' },
        ...tlsOptions(target),
        // Node uses createConnection only when no agent is given (agent: false makes one,
        // which would connect — and resolve the name — on its own).
        ...(socket ? { createConnection: () => socket } : { agent: false }),
      });
      cleanups.push(() => req.destroy());
      req.once('response', (res) => {
        res.resume();
        done({ ok: true, status: res.statusCode ?? 0, viaProxy });
      });
      req.once('error', (err) => {
        const code = errorCode(err);
        done({ ok: false, error: TLS_ERRORS[code] && code !== 'ECONNREFUSED' ? 'tls' : 'network', code, viaProxy });
      });
      req.end();
    };
    if (target.proxy === null) {
      get();
      return;
    }
    const proxy = new URL(target.proxy);
    const headers: Record<string, string> = { Host: `${url.hostname}:${target.port}` };
    const sentCredentials = proxy.username !== '';
    if (sentCredentials) {
      const user = decodeURIComponent(proxy.username);
      const pass = decodeURIComponent(proxy.password);
      headers['Proxy-Authorization'] = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    }
    const connect = http.request({
      method: 'CONNECT',
      host: proxy.hostname,
      port: Number(proxy.port || 80),
      path: `${url.hostname}:${target.port}`,
      headers,
      agent: false,
    });
    cleanups.push(() => connect.destroy());
    connect.once('connect', (res, socket) => {
      cleanups.push(() => socket.destroy());
      res.resume();
      if (res.statusCode === 407) {
        const list = res.headersDistinct['proxy-authenticate'] ?? [];
        done({ ok: false, error: 'proxy-auth', proxyAuthenticate: list, sentCredentials });
        return;
      }
      if (res.statusCode !== 200) {
        done({ ok: false, error: 'proxy-status', status: res.statusCode ?? 0 });
        return;
      }
      // The tunnel reaches the UGW by name, as the device's would: SNI and checks use the name.
      const tunnel = tls.connect({ socket, ...tlsOptions(target) });
      cleanups.push(() => tunnel.destroy());
      get(tunnel);
    });
    connect.once('error', (err) => done({ ok: false, error: 'proxy-unreachable', code: errorCode(err) }));
    connect.end();
  });
}

export const netProbes: NetProbes = { resolveA, connectTcp, handshakeTls, requestHttp };

/** Node's certificate object → the fields a report needs. */
export function buildCertInfo(peer: tls.DetailedPeerCertificate | null | undefined): CertInfo | null {
  if (!peer || !peer.subject || !peer.valid_from) return null;
  const names = (peer.subjectaltname ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.startsWith('DNS:'))
    .map((s) => s.slice(4));
  let root: tls.DetailedPeerCertificate = peer;
  const seen = new Set<tls.DetailedPeerCertificate>();
  while (root.issuerCertificate && root.issuerCertificate !== root && !seen.has(root.issuerCertificate)) {
    seen.add(root);
    root = root.issuerCertificate;
  }
  return {
    subject: formatName(peer.subject),
    issuer: formatName(peer.issuer),
    validFrom: new Date(peer.valid_from).toISOString(),
    validTo: new Date(peer.valid_to).toISOString(),
    names: names.length > 0 ? names : peer.subject.CN ? [String(peer.subject.CN)] : [],
    root: formatName(root === peer ? peer.issuer : root.subject),
  };
}

function formatName(name: tls.Certificate | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
    .join(', ');
}

function errorCode(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : 'UNKNOWN';
}
