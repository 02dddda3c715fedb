import { describe, expect, it } from 'vitest';
import { buildRedactor, buildSupportBundle, redactDeep, type BundleInput } from '../src/diagnose/bundle.js';
import type { DeviceInfo } from '../src/types.js';

const pii = { serials: ['DCQ12345'], ips: ['10.1.2.3'], macs: ['000085BA57A6'], hosts: ['printer.corp.local'] };

describe('buildRedactor', () => {
  const redact = buildRedactor(pii, ['s3cret', 'public']);
  const cases: Array<[string, string]> = [
    ['serial DCQ12345 ok', 'serial DCQ***** ok'],
    ['10.1.2.3/24 via 10.1.2.30', '10.1.*.*/24 via 10.1.2.30'],
    ['host-10.1.2.3', 'host-10.1.*.*'],
    ['MAC 000085BA57A6 and 00:00:85:ba:57:a6', 'MAC 000085****** and 00:00:85:**:**:**'],
    ['mac-000085BA57A6', 'mac-000085******'],
    ['community s3cret; public DNS; republic', 'community [secret]; [secret] DNS; republic'],
    ['printer.corp.local:161', '***:161'],
    ['a01.ugwdevice.net 168.126.63.1', 'a01.ugwdevice.net 168.126.63.1'],
  ];
  it.each(cases)('%s', (input, expected) => expect(redact(input)).toBe(expected));

  it('with PII kept, still removes secrets', () => {
    expect(buildRedactor(null, ['s3cret'])('DCQ12345 s3cret 10.1.2.3')).toBe('DCQ12345 [secret] 10.1.2.3');
  });
});

describe('redactDeep', () => {
  it('drops secret keys, masks customer keys, redacts every string', () => {
    const value = { community: 'x', nested: [{ company: '가나다무역 (주)', evidence: 'ip 10.1.2.3', n: 1, phone: null }] };
    expect(redactDeep(value, buildRedactor(pii, []), true)).toEqual({ nested: [{ company: '***', evidence: 'ip 10.1.*.*', n: 1, phone: null }] });
    expect(redactDeep(value, buildRedactor(null, []), false)).toEqual({ nested: [{ company: '가나다무역 (주)', evidence: 'ip 10.1.2.3', n: 1, phone: null }] });
  });
});

describe('buildSupportBundle', () => {
  // The manual's iR C2550i: its network address would give the masked IP's first three octets back.
  const device = { host: '101.1.49.233', ip: '101.1.49.233', subnet: '255.255.255.0', gateway: '101.1.49.55', serial: 'DCQ12345', mac: '000085BA57A6' } as DeviceInfo;
  const evidence = ['101.1.49.233 is a host address in 101.1.49.0/24', 'gateway 101.1.49.55 is inside 101.1.49.0/24', '101.1.49.255 is the broadcast address of 101.1.49.0/24'];
  const input = {
    report: {
      device,
      checks: evidence.map((e, i) => ({ id: `c${i}`, status: 'pass', evidence: e, fix: null })),
      verdict: { cause: null, message: 'ok', fix: null },
      flow: { key: 'DCQ12345' },
    },
    text: evidence,
    targets: { rgwUrl: 'https://a01.ugwdevice.net/ugw/agentif010', rgwPort: 443, dns: [], fallbackDns: [], proxy: null, snmpVersion: 'auto', snmpPort: 161 },
    host: '101.1.49.233',
    eclubVersion: '0', generatedAt: '2026-01-01T00:00:00Z', lang: 'en',
  } as unknown as BundleInput;

  it('masks the subnet the device is on, not only its addresses', () => {
    const text = JSON.stringify(buildSupportBundle(input, { includePii: false, secrets: [] }));
    expect(text).not.toContain('101.1.49');
    expect(text).toContain('101.1.*.* is a host address in 101.1.*.*/24');
  });

  it('keeps them with --include-pii', () => {
    expect(JSON.stringify(buildSupportBundle(input, { includePii: true, secrets: [] }))).toContain('in 101.1.49.0/24');
  });
});
