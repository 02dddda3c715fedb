// ugw-tcp, ugw-tls and ugw-http over real sockets on loopback: a TLS server with a test CA
// made here, refused vs filtered ports, HTTP answers, and CONNECT proxies that want
// authentication. The DNS responder maps the UGW name to 127.0.0.1; nothing leaves loopback.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeUgw, type ReachTargets } from '../src/checks/reach.js';
import { makeCa, makeLeaf, currentValidity, type TestCert } from '../src/sim/certs.js';
import { startDnsResponder, type DnsResponder } from '../src/sim/dns.js';
import { startFilteredPort, type FilteredPort } from '../src/sim/filtered.js';
import { en, ko } from '../src/ui/i18n.js';

const HOST = 'a01.ugwdevice.net';
const DAY = 86_400_000;
const closers: Array<() => Promise<void>> = [];
let dns: DnsResponder;
let ca: TestCert;
let otherCa: TestCert;

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        (server as http.Server).closeAllConnections?.();
        server.close(() => resolve());
      }),
  );
  return (server.address() as net.AddressInfo).port;
}

/** An HTTPS "UGW" with the given leaf: `ok` (200) on the agentif path, 404 elsewhere. */
async function startUgw(leaf: TestCert, ok = 200): Promise<number> {
  const server = https.createServer({ key: leaf.keyPem, cert: leaf.certPem }, (req, res) => {
    req.resume();
    res.writeHead(req.url === '/ugw/agentif010' ? ok : 404);
    res.end();
  });
  return listen(server);
}

/**
 * A CONNECT proxy: 407 with the given challenges unless the Basic credentials match; then
 * it tunnels to `tunnelTo` (a port on 127.0.0.1) when given, else to the port asked for.
 */
async function startProxy(challenges: string[], basic?: string, tunnelTo?: number): Promise<number> {
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: http.IncomingMessage, socket: net.Socket) => {
    socket.on('error', () => socket.destroy());
    const auth = req.headers['proxy-authorization'];
    if (basic === undefined || auth !== `Basic ${Buffer.from(basic).toString('base64')}`) {
      const lines = challenges.map((c) => `Proxy-Authenticate: ${c}\r\n`).join('');
      socket.end(`HTTP/1.1 407 Proxy Authentication Required\r\n${lines}Content-Length: 0\r\n\r\n`);
      return;
    }
    // Tunnel to loopback only, whatever name was asked for.
    const port = tunnelTo ?? Number(req.url!.split(':')[1]);
    const upstream = net.connect({ host: '127.0.0.1', port }, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
  });
  return listen(server);
}

beforeAll(async () => {
  dns = await startDnsResponder({ mode: 'answer', records: { [HOST]: '127.0.0.1' } });
  closers.push(() => dns.close());
  ca = makeCa('eclub test UGW CA');
  otherCa = makeCa('Firewall TLS Inspection CA');
});
afterAll(async () => {
  for (const c of closers.reverse()) await c();
});

function targets(port: number, o: Partial<ReachTargets> = {}): ReachTargets {
  return {
    rgwUrl: `https://${HOST}:${port}/ugw/agentif010`,
    rgwPort: port,
    dns: [{ host: dns.host, port: dns.port }],
    fallbackDns: [],
    caPem: [ca.certPem],
    proxy: null,
    // Generous: the machine may be busy; only the 'filtered' case waits this long on purpose.
    timeoutMs: 3000,
    ...o,
  };
}

const statuses = (r: { checks: Array<{ id: string; status: string }> }) => r.checks.map((c) => `${c.id}:${c.status}`).join(' ');

describe('ugw-tls: verification with the test CA', () => {
  it('trusted via caPem → every check passes; evidence names subject, issuer and validity', async () => {
    const port = await startUgw(makeLeaf(ca, HOST, currentValidity()));
    const r = await probeUgw(targets(port), en);
    expect(statuses(r)).toBe('dns:pass ugw-tcp:pass ugw-tls:pass ugw-http:pass');
    const tls = r.checks[2]!.evidence;
    expect(tls).toContain(`subject CN=${HOST}`);
    expect(tls).toContain('issuer CN=eclub test UGW CA');
    expect(tls).toMatch(/valid \d{4}-\d\d-\d\dT.* – \d{4}-/);
    expect(r.cert).toMatchObject({ subject: `CN=${HOST}`, names: [HOST] });
    expect(r.checks[3]!.evidence).toContain(`HTTP 200 from https://${HOST}:${port}/ugw/agentif010`);
  });

  const failing: Array<[string, () => TestCert, RegExp, RegExp, RegExp]> = [
    [
      'another CA (a re-signing firewall)',
      () => makeLeaf(otherCa, HOST, currentValidity()),
      /ends in "CN=Firewall TLS Inspection CA.*re-signing TLS/,
      /exempt a01\.ugwdevice\.net from TLS inspection/,
      /TLS를 다시 서명/,
    ],
    [
      'an expired certificate',
      () => makeLeaf(ca, HOST, { notBefore: new Date(Date.now() - 60 * DAY), notAfter: new Date(Date.now() - DAY) }),
      /has expired \(CERT_HAS_EXPIRED\)/,
      /expired certificate/,
      /인증서가 만료됨/,
    ],
    [
      'a certificate not valid yet',
      () => makeLeaf(ca, HOST, { notBefore: new Date(Date.now() + DAY), notAfter: new Date(Date.now() + 60 * DAY) }),
      /not valid yet \(CERT_NOT_YET_VALID\)/,
      /laptop's date and time/,
      /아직 유효하지 않음/,
    ],
    [
      'a certificate for another host name',
      () => makeLeaf(ca, 'other.example', currentValidity()),
      /is for other\.example, not a01\.ugwdevice\.net/,
      /something else answers for a01\.ugwdevice\.net/,
      /other\.example용임/,
    ],
  ];
  it.each(failing)('%s → ugw-tls fail with the cause, http skip "needs TLS"', async (_n, leaf, evidence, fix, koText) => {
    const port = await startUgw(leaf());
    const r = await probeUgw(targets(port), en);
    expect(statuses(r)).toBe('dns:pass ugw-tcp:pass ugw-tls:fail ugw-http:skip');
    expect(r.checks[2]!.evidence).toMatch(evidence);
    expect(r.checks[2]!.fix).toMatch(fix);
    expect(r.checks[3]!.evidence).toBe('not tested: needs TLS');
    expect(r.cert).not.toBeNull();
    const k = await probeUgw(targets(port), ko);
    expect(k.checks[2]!.evidence).toMatch(koText);
  });

  it('without --ca-file the test CA is nobody’s root: untrusted, never accepted', async () => {
    const port = await startUgw(makeLeaf(ca, HOST, currentValidity()));
    const r = await probeUgw(targets(port, { caPem: [] }), en);
    expect(r.checks[2]!.status).toBe('fail');
    expect(r.checks[2]!.evidence).toMatch(/re-signing TLS/);
  });
});

describe('ugw-tcp: refused vs filtered', () => {
  let filtered: FilteredPort;
  beforeAll(async () => {
    filtered = await startFilteredPort();
    closers.push(() => filtered.close());
  });

  it('nothing listening → refused, fix names the outbound firewall rule', async () => {
    const probe = net.createServer();
    const port = await new Promise<number>((resolve) =>
      probe.listen(0, '127.0.0.1', () => resolve((probe.address() as net.AddressInfo).port)),
    );
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const r = await probeUgw(targets(port), en);
    expect(statuses(r)).toBe('dns:pass ugw-tcp:fail ugw-tls:skip ugw-http:skip');
    expect(r.checks[1]!.evidence).toBe(
      `TCP 127.0.0.1:${port} refused (the connection was reset: a firewall rejects it or nothing listens)`,
    );
    expect(r.checks[1]!.fix).toBe(`allow outbound TCP ${port} from the device to ${HOST} (127.0.0.1) on the customer's firewall`);
    expect(r.checks[2]!.evidence).toBe(`not tested: needs TCP ${port}`);
  });

  it('SYNs dropped → filtered, "timed out after N ms"', async () => {
    const r = await probeUgw(targets(filtered.port, { timeoutMs: 300 }), en);
    expect(statuses(r)).toBe('dns:pass ugw-tcp:fail ugw-tls:skip ugw-http:skip');
    expect(r.checks[1]!.evidence).toMatch(/no answer, timed out after 300 ms \(filtered/);
    const k = await probeUgw(targets(filtered.port, { timeoutMs: 300 }), ko);
    expect(k.checks[1]!.evidence).toMatch(/300 ms 후 시간 초과 \(차단됨/);
  });
});

describe('ugw-http: any HTTP answer means reachable; proxies', () => {
  let ugwPort: number;
  beforeAll(async () => {
    ugwPort = await startUgw(makeLeaf(ca, HOST, currentValidity()));
  });

  it('404 on another path is still reachable', async () => {
    const r = await probeUgw(targets(ugwPort, { rgwUrl: `https://${HOST}:${ugwPort}/nothing-here` }), en);
    expect(r.checks[3]).toMatchObject({ id: 'ugw-http', status: 'pass' });
    expect(r.checks[3]!.evidence).toMatch(/^HTTP 404 from/);
  });

  const proxyCases: Array<[string, string[], RegExp]> = [
    ['NTLM and Negotiate only', ['NTLM', 'Negotiate'], /only speaks Basic proxy authentication: the proxy must also allow Basic/],
    ['Basic offered', ['Negotiate', 'Basic realm="corp"'], /enter the proxy user and password in the device's proxy settings/],
  ];
  it.each(proxyCases)('407 with %s → ugw-http fail naming the schemes', async (_n, challenges, fix) => {
    const proxyPort = await startProxy(challenges);
    const r = await probeUgw(targets(ugwPort, { proxy: `http://127.0.0.1:${proxyPort}` }), en);
    expect(statuses(r)).toBe('dns:pass ugw-tcp:pass ugw-tls:pass ugw-http:fail');
    expect(r.checks[3]!.evidence).toContain(`proxy http://127.0.0.1:${proxyPort} answered 407`);
    expect(r.checks[3]!.evidence).toContain(`offers: ${challenges.map((c) => c.split(' ')[0]).join(', ')}`);
    expect(r.checks[3]!.fix).toMatch(fix);
    const k = await probeUgw(targets(ugwPort, { proxy: `http://127.0.0.1:${proxyPort}` }), ko);
    expect(k.checks[3]!.evidence).toMatch(/407로 응답: 인증을 요구함/);
  });

  it('Basic credentials accepted → the request goes through the tunnel; the password never shows', async () => {
    // Behind the tunnel sits another UGW answering 202: a 202 proves the request used the tunnel.
    const tunnelled = await startUgw(makeLeaf(ca, HOST, currentValidity()), 202);
    const proxyPort = await startProxy(['Basic realm="corp"'], 'eng:s3cret-pw', tunnelled);
    const r = await probeUgw(targets(ugwPort, { proxy: `http://eng:s3cret-pw@127.0.0.1:${proxyPort}` }), en);
    expect(r.checks[3]).toMatchObject({ status: 'pass' });
    expect(r.checks[3]!.evidence).toMatch(/^HTTP 202 from/);
    expect(r.checks[3]!.evidence).toContain(`through proxy http://***@127.0.0.1:${proxyPort} (`);
    expect(JSON.stringify(r)).not.toContain('s3cret-pw');
  });

  it('a proxy that re-signs TLS in the tunnel → ugw-http fails on the certificate, never accepted', async () => {
    const resigned = await startUgw(makeLeaf(otherCa, HOST, currentValidity()));
    const proxyPort = await startProxy(['Basic'], 'eng:pw', resigned);
    const r = await probeUgw(targets(ugwPort, { proxy: `http://eng:pw@127.0.0.1:${proxyPort}` }), en);
    expect(r.checks[3]!.status).toBe('fail');
    expect(r.checks[3]!.evidence).toMatch(/TLS to .* failed \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\) through proxy/);
    expect(r.checks[3]!.fix).toMatch(/exempt a01\.ugwdevice\.net from TLS inspection/);
  });

  it('wrong Basic credentials → "rejected the user and password"', async () => {
    const proxyPort = await startProxy(['Basic realm="corp"'], 'eng:right');
    const r = await probeUgw(targets(ugwPort, { proxy: `http://eng:wrong@127.0.0.1:${proxyPort}` }), en);
    expect(r.checks[3]!.status).toBe('fail');
    expect(r.checks[3]!.evidence).toMatch(/rejected the user and password given/);
    expect(r.checks[3]!.fix).toMatch(/check the proxy user and password/);
    expect(JSON.stringify(r)).not.toContain('wrong');
  });

  it('with a proxy, a closed direct path is only a warning and HTTP still goes through the proxy', async () => {
    const proxyPort = await startProxy(['NTLM']);
    const r = await probeUgw(targets(1, { proxy: `http://127.0.0.1:${proxyPort}` }), en);
    expect(statuses(r)).toBe('dns:pass ugw-tcp:warn ugw-tls:skip ugw-http:fail');
  });
});

describe('ugw-http: proxies that do not tunnel, and an RGW-ADR by address', () => {
  it('a proxy address where nothing listens → "does not answer"', async () => {
    const probe = net.createServer();
    const port = await new Promise<number>((resolve) =>
      probe.listen(0, '127.0.0.1', () => resolve((probe.address() as net.AddressInfo).port)),
    );
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const ugwPort = await startUgw(makeLeaf(ca, HOST, currentValidity()));
    const r = await probeUgw(targets(ugwPort, { proxy: `http://127.0.0.1:${port}` }), en);
    expect(r.checks[3]).toMatchObject({ status: 'fail', evidence: `proxy http://127.0.0.1:${port} does not answer (ECONNREFUSED)` });
  });

  it('a proxy refusing CONNECT with 403 → fix: allow CONNECT to the UGW', async () => {
    const server = http.createServer();
    server.on('connect', (_req: http.IncomingMessage, socket: net.Socket) => {
      socket.on('error', () => socket.destroy());
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
    });
    const proxyPort = await listen(server);
    const ugwPort = await startUgw(makeLeaf(ca, HOST, currentValidity()));
    const r = await probeUgw(targets(ugwPort, { proxy: `http://127.0.0.1:${proxyPort}` }), en);
    expect(r.checks[3]!.evidence).toBe(`proxy http://127.0.0.1:${proxyPort} refused CONNECT ${HOST}:${ugwPort} with HTTP 403`);
    expect(r.checks[3]!.fix).toBe(`the proxy must allow CONNECT to ${HOST}:${ugwPort} for the device`);
  });

  it('RGW-ADR with an IP address: dns skipped as not needed, TLS checked against the address', async () => {
    const ugwPort = await startUgw(makeLeaf(ca, HOST, currentValidity()));
    const r = await probeUgw(targets(ugwPort, { rgwUrl: `https://127.0.0.1:${ugwPort}/ugw/agentif010` }), en);
    expect(statuses(r)).toBe('dns:skip ugw-tcp:pass ugw-tls:fail ugw-http:skip');
    expect(r.checks[0]!.evidence).toBe('not needed: RGW-ADR names the address 127.0.0.1');
    expect(r.checks[2]!.evidence).toMatch(/is for a01\.ugwdevice\.net, not 127\.0\.0\.1/);
  });
});

describe('dns with a proxy', () => {
  it('the device DNS fails but the proxy reaches the UGW → dns only warns', async () => {
    const silent = await startDnsResponder({ mode: 'nxdomain' });
    closers.push(() => silent.close());
    const ugwPort = await startUgw(makeLeaf(ca, HOST, currentValidity()));
    const proxyPort = await startProxy(['Basic realm="corp"'], 'eng:pw');
    const r = await probeUgw(
      targets(ugwPort, { dns: [{ host: silent.host, port: silent.port }], proxy: `http://eng:pw@127.0.0.1:${proxyPort}` }),
      en,
    );
    expect(statuses(r)).toBe('dns:warn ugw-tcp:skip ugw-tls:skip ugw-http:pass');
    expect(r.checks[0]!.fix).toMatch(/the proxy resolves the UGW name/);
  });
});
