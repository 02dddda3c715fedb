// The dns check against real DNS responders on loopback: each way a server can fail, the
// fallback suggestion, and the dependency skips. Nothing leaves 127.0.0.0/8: the fallback
// is always overridden to a loopback responder.
import dgram from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeUgw, type HostPort, type ReachTargets } from '../src/checks/reach.js';
import { startDnsResponder, type DnsMode, type DnsResponder } from '../src/sim/dns.js';
import { en, ko } from '../src/ui/i18n.js';

const HOST = 'a01.ugwdevice.net';
const responders: Partial<Record<DnsMode, DnsResponder>> = {};
let closedPort: HostPort;

beforeAll(async () => {
  for (const mode of ['answer', 'nxdomain', 'refused', 'servfail', 'silent'] as const) {
    // The answer points at a loopback address where nothing listens: TCP is refused at once.
    responders[mode] = await startDnsResponder({ mode, records: { [HOST]: '127.0.0.1' } });
  }
  const s = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => s.bind(0, '127.0.0.1', resolve));
  closedPort = { host: '127.0.0.1', port: s.address().port };
  await new Promise<void>((resolve) => s.close(resolve));
});
afterAll(async () => {
  for (const r of Object.values(responders)) await r.close();
});

const at = (mode: DnsMode): HostPort => ({ host: responders[mode]!.host, port: responders[mode]!.port });

function targets(dns: HostPort[], fallbackDns: HostPort[]): ReachTargets {
  return { rgwUrl: `https://${HOST}:9/ugw/agentif010`, rgwPort: 9, dns, fallbackDns, caPem: [], proxy: null, timeoutMs: 1000 };
}

describe('dns: the device servers, each way they fail (fallback silent too)', () => {
  const cases: Array<[string, () => HostPort, RegExp, RegExp]> = [
    ['NXDOMAIN', () => at('nxdomain'), /no such name \(NXDOMAIN\)/, /존재하지 않는 이름/],
    ['REFUSED', () => at('refused'), /refused the query \(REFUSED\)/, /질의를 거부함/],
    ['SERVFAIL', () => at('servfail'), /failed to resolve it \(SERVFAIL\)/, /SERVFAIL/],
    ['silence', () => at('silent'), /timed out after 1000 ms/, /1000 ms 안에 응답 없음/],
    ['closed port', () => closedPort, /server unreachable/, /서버에 연결할 수 없음/],
  ];
  it.each(cases)('%s → dns fail, tcp/tls/http skip "needs DNS"', async (_name, server, enText, koText) => {
    const r = await probeUgw(targets([server()], [at('silent')]), en);
    expect(r.checks.map((c) => [c.id, c.status])).toEqual([
      ['dns', 'fail'],
      ['ugw-tcp', 'skip'],
      ['ugw-tls', 'skip'],
      ['ugw-http', 'skip'],
    ]);
    expect(r.checks[0]!.evidence).toMatch(enText);
    expect(r.checks[0]!.evidence).toMatch(/fallback DNS fails too/);
    expect(r.checks[1]!.evidence).toBe('not tested: needs DNS');
    expect(r.address).toBeNull();
    const k = await probeUgw(targets([server()], [at('silent')]), ko);
    expect(k.checks[0]!.evidence).toMatch(koText);
    expect(k.checks[1]!.evidence).toBe('점검 안 함: DNS 필요');
  });
});

describe('dns: answers and the fallback', () => {
  it('the device server answers → pass with the address, which TCP then uses', async () => {
    const r = await probeUgw(targets([at('answer')], [at('silent')]), en);
    expect(r.checks[0]).toMatchObject({ id: 'dns', status: 'pass', fix: null });
    expect(r.checks[0]!.evidence).toContain(`${HOST} → 127.0.0.1`);
    expect(r.address).toBe('127.0.0.1');
    expect(r.checks[1]).toMatchObject({ id: 'ugw-tcp', status: 'fail' });
    expect(r.checks[1]!.evidence).toContain('127.0.0.1:9');
  });

  it('device servers fail, the fallback answers → fail naming the fallback to set on the panel', async () => {
    const fb = at('answer');
    const r = await probeUgw(targets([at('refused'), at('silent')], [fb]), en);
    const dns = r.checks[0]!;
    expect(dns.status).toBe('fail');
    expect(dns.evidence).toMatch(/REFUSED.*timed out after 1000 ms.*fallback DNS 127\.0\.0\.1:\d+ answers/);
    expect(dns.fix).toContain(`primary DNS 127.0.0.1:${fb.port}`);
    expect(dns.fix).toContain('kns.kornet.net');
    expect(dns.fix).toContain('DNS Settings');
    // The path can still be tested with the fallback's answer.
    expect(r.address).toBe('127.0.0.1');
    expect(r.checks[1]!.status).toBe('fail');
    const k = await probeUgw({ ...targets([at('refused')], [fb]), family: 'iR' }, ko);
    expect(k.checks[0]!.fix).toContain('시스템관리설정 > 네트워크 > DNS설정 > DNS주소설정');
    expect(k.checks[0]!.fix).not.toContain('iR-ADV');
    expect(k.checks[0]!.fix).toContain(`주 DNS 127.0.0.1:${fb.port}`);
  });

  it('every server says NXDOMAIN → the fix says to check RGW-ADR', async () => {
    const r = await probeUgw(targets([at('nxdomain')], [at('nxdomain')]), en);
    expect(r.checks[0]!.fix).toMatch(/check RGW-ADR/);
  });

  it('primary silent, secondary answers → warn naming the dead one', async () => {
    const r = await probeUgw(targets([at('silent'), at('answer')], []), en);
    expect(r.checks[0]!.status).toBe('warn');
    expect(r.checks[0]!.evidence).toMatch(/127\.0\.0\.1 \(DNS 127\.0\.0\.1:\d+\); DNS 127\.0\.0\.1:\d+: timed out/);
  });

  it('no device servers known, the fallback answers → warn asking for --dns', async () => {
    const r = await probeUgw(targets([], [at('answer')]), en);
    expect(r.checks[0]!.status).toBe('warn');
    expect(r.checks[0]!.evidence).toMatch(/not known \(give them with --dns\)/);
  });
});
