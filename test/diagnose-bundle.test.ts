import { describe, expect, it } from 'vitest';
import { buildRedactor, redactDeep } from '../src/diagnose/bundle.js';

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
