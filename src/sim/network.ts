// The simulated site around the devices: a DNS responder, a UGW stand-in over HTTPS with its
// own test CA, and a proxy — all on loopback, ports chosen by the OS — arranged into one
// named scenario per documented cause of COM-TEST NG (DOMAIN.md §2.5).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Messages } from '../ui/i18n.js';
import type { HostPort } from '../checks/reach.js';
import { currentValidity, makeCa, makeLeaf } from './certs.js';
import { startDnsResponder, type DnsMode } from './dns.js';
import { startFilteredPort } from './filtered.js';
import {
  formatNetworkInfo,
  scenarioClockOffsetMs,
  SCENARIO_FAILS,
  UGW_HOST,
  UGW_PATH,
  YEAR,
  type ScenarioName,
  type SimNetworkInfo,
} from './scenarios.js';

export { SCENARIOS, SCENARIO_FAILS, CLOCK_OFF_MS, UGW_HOST, type ScenarioName, type SimNetworkInfo } from './scenarios.js';

export interface SimNetwork {
  scenario: ScenarioName;
  /** The DNS server the simulated devices use (give it to --dns). */
  dns: HostPort;
  rgwUrl: string;
  rgwPort: number;
  /** The test CA's certificate, the root to trust (--ca-file). */
  caPem: string;
  proxy: string | null;
  /** Added to the simulated devices' hrSystemDate. */
  deviceClockOffsetMs: number;
  describe(): SimNetworkInfo;
  close(): Promise<void>;
}

const DNS_MODE: Partial<Record<ScenarioName, DnsMode>> = { 'dns-down': 'silent', nxdomain: 'nxdomain' };

// A small SOAP-ish answer like the UGW's to e-RDS; the probes only need "an HTTP answer".
const SOAP_OK =
  '<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><status>OK</status></soap:Body></soap:Envelope>';

export async function startNetwork(o: { scenario: ScenarioName; host?: string }): Promise<SimNetwork> {
  const host = o.host ?? '127.0.0.1';
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const c of closers.reverse()) await c();
  };
  try {
    const scenario = o.scenario;
    const dnsServer = await startDnsResponder({ mode: DNS_MODE[scenario] ?? 'answer', records: { [UGW_HOST]: host }, host });
    closers.push(() => dnsServer.close());

    const now = new Date();
    const ca = makeCa('eclub simulated UGW CA', now);
    const signer = scenario === 'wrong-ca' ? makeCa('Firewall TLS Inspection CA', now) : ca;
    const validity =
      scenario === 'expired-cert'
        ? { notBefore: new Date(now.getTime() - 2 * YEAR), notAfter: new Date(now.getTime() - YEAR) }
        : currentValidity(now);
    const leaf = makeLeaf(signer, UGW_HOST, validity);

    let rgwPort: number;
    if (scenario === 'port-closed') {
      rgwPort = await findClosedTcpPort(host);
    } else if (scenario === 'port-filtered') {
      const filtered = await startFilteredPort(host);
      closers.push(() => filtered.close());
      rgwPort = filtered.port;
    } else {
      const ugw = createHttpsServer({ key: leaf.keyPem, cert: leaf.certPem }, (req, res) => {
        req.resume();
        const ok = req.url?.split('?')[0] === UGW_PATH;
        res.writeHead(ok ? 200 : 404, { 'Content-Type': ok ? 'text/xml; charset=utf-8' : 'text/plain' });
        res.end(ok ? SOAP_OK : 'not found');
      });
      rgwPort = await listen(ugw, host);
      closers.push(() => closeServer(ugw));
    }

    let proxy: string | null = null;
    if (scenario === 'proxy-407') {
      const server = startAuthProxy();
      proxy = `http://${host}:${await listen(server, host)}`;
      closers.push(() => closeServer(server));
    }

    const rgwUrl = `https://${UGW_HOST}:${rgwPort}${UGW_PATH}`;
    const deviceClockOffsetMs = scenarioClockOffsetMs(scenario);
    const dns = { host: dnsServer.host, port: dnsServer.port };
    return {
      scenario,
      dns,
      rgwUrl,
      rgwPort,
      caPem: ca.certPem,
      proxy,
      deviceClockOffsetMs,
      describe: () => ({
        scenario,
        dns: `${dns.host}:${dns.port}`,
        rgwUrl,
        rgwPort,
        proxy,
        deviceClockOffsetMs,
        fails: SCENARIO_FAILS[scenario],
      }),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** An HTTP proxy that wants Windows authentication only, like Microsoft ISA's "Integrated". */
function startAuthProxy(): HttpServer {
  const headers = { 'Proxy-Authenticate': ['NTLM', 'Negotiate'], 'Content-Length': '0' };
  const server = createHttpServer((req, res) => {
    req.resume();
    res.writeHead(407, headers);
    res.end();
  });
  server.on('connect', (_req, socket) => {
    socket.on('error', () => socket.destroy());
    socket.end(
      'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: NTLM\r\nProxy-Authenticate: Negotiate\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
    );
  });
  return server;
}

function listen(server: net.Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

function closeServer(server: net.Server & { closeAllConnections?: () => void }): Promise<void> {
  server.closeAllConnections?.();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A port nothing listens on: bind 0, read the port, close (connects are then refused). */
async function findClosedTcpPort(host: string): Promise<number> {
  const server = net.createServer();
  const port = await listen(server, host);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The network as a service of `startSimulation`: also writes the test CA to a temporary
 * file for `eclub diagnose --ca-file`, removed on close.
 */
export async function startNetworkService(
  scenario: ScenarioName,
  host?: string,
): Promise<{ name: string; info: SimNetworkInfo; network: SimNetwork; lines(t: Messages): string[]; close(): Promise<void> }> {
  const network = await startNetwork({ scenario, host });
  try {
    const dir = await mkdtemp(join(tmpdir(), 'eclub-sim-'));
    const caFile = join(dir, 'ugw-test-ca.pem');
    await writeFile(caFile, network.caPem);
    const info = { ...network.describe(), caFile };
    return {
      name: 'network',
      info,
      network,
      lines: (t) => formatNetworkInfo(info, t),
      close: async () => {
        await network.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await network.close();
    throw err;
  }
}
