// `move` and the reference server judge addresses with the shared engine (src/checks/rules.ts).
import { describe, expect, it } from 'vitest';
import { buildRelocation, FlagsInvalidError } from '../src/enroll/changes.js';
import { checkEnrollmentBody, checkRelocationBody } from '../src/sim/api-rules.js';
import { decodeMac } from '../src/snmp/decode.js';
import { en, ko } from '../src/ui/i18n.js';
import { enrollmentBody } from './helpers/api.js';

const flags = { ip: '10.20.30.40', subnet: '255.255.255.0', gateway: '10.20.30.1' };

function refusal(change: Record<string, string>): FlagsInvalidError {
  try {
    buildRelocation({ ...flags, ...change });
  } catch (e) {
    if (e instanceof FlagsInvalidError) return e;
    throw e;
  }
  throw new Error('buildRelocation accepted it');
}

describe('move: the shared rules, by flag, in both languages', () => {
  it.each([
    ['a loopback gateway', { gateway: '127.0.0.1' }, '--gateway "127.0.0.1"', 'usable host address', '사용 가능한 호스트 주소'],
    ['a multicast device', { ip: '224.20.30.40', gateway: '224.20.30.1' }, '--ip "224.20.30.40"', 'multicast (224-239)', '멀티캐스트(224-239)'],
    ['three DNS servers', { dns: '168.126.63.1,168.126.63.2,8.8.8.8' }, '--dns "168.126.63.1,168.126.63.2,8.8.8.8"', 'at most 2 DNS servers', '최대 2개'],
    ['DNS 0.0.0.0', { dns: '0.0.0.0' }, '--dns "0.0.0.0"', 'a DNS server must be a usable host address', 'DNS 서버는'],
    ['MAC all zero', { mac: '00-00-00-00-00-00' }, '--mac "00-00-00-00-00-00"', '12 hexadecimal digits', '16진수'],
    ['MAC with mixed separators', { mac: '00:00-85:BA:57:A6' }, '--mac "00:00-85:BA:57:A6"', '12 hexadecimal digits', '16진수'],
  ])('%s', (_name, change, flag, enText, koText) => {
    const e = refusal(change);
    expect(e.exitCode).toBe(2);
    expect(e.render(en)).toContain(flag);
    expect(e.render(en)).toContain(enText);
    expect(e.render(ko)).toContain(koText);
  });

  it('writes a Hex-STRING MAC as the API does', () => {
    expect(buildRelocation({ ...flags, mac: '00 1e 8f 12 34 56' }).mac).toBe('001E8F123456');
  });
});

describe('reference server: the same rules answer 422', () => {
  const device = (change: Record<string, unknown>) => {
    const b = enrollmentBody();
    Object.assign((b.devices as Record<string, unknown>[])[0]!, change);
    return b;
  };
  it.each([
    ['device on the network address', device({ ip: '101.1.49.0' }), [['devices[0].ip', 'network address']]],
    ['loopback gateway', device({ gateway: '127.0.0.1' }), [['devices[0].gateway', 'usable host address']]],
    ['MAC all F', device({ mac: 'FFFFFFFFFFFF' }), [['devices[0].mac', '12 hexadecimal digits']]],
    ['three DNS', device({ dns: ['168.126.63.1', '168.126.63.2', '8.8.8.8'] }), [['devices[0].dns', 'at most 2']]],
  ])('enrollment: %s', (_n, body, want) => {
    const got = checkEnrollmentBody(body);
    expect(got.map((f) => f.path)).toEqual(want.map(([path]) => path));
    got.forEach((f, i) => expect(f.message).toContain(want[i]![1]));
  });

  it('relocation: a 0.x device', () => {
    expect(checkRelocationBody({ ip: '0.20.30.40', subnet: '255.0.0.0', gateway: '0.20.30.1' })).toEqual([
      { path: 'ip', message: expect.stringContaining('0.x, multicast (224-239) or reserved') },
    ]);
  });
});

describe('SNMP MAC decoding uses the same parser', () => {
  it.each([
    ['Hex-STRING text', Buffer.from('00 00 85 BA 57 A6'), '000085BA57A6'],
    ['six 0xFF octets', Buffer.from('ffffffffffff', 'hex'), null],
    ['mixed separators', Buffer.from('00:00-85:BA:57:A6'), null],
  ])('%s', (_n, value, mac) => expect(decodeMac(value)).toBe(mac));
});
