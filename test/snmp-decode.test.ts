import { describe, expect, it } from 'vitest';
import {
  buildSupplyPercent,
  decodeDateAndTime,
  decodeIpv4,
  decodeMac,
  decodeNumber,
  decodePrinterErrors,
  decodeText,
  decodeUptime,
} from '../src/snmp/decode.js';

const hex = (h: string) => Buffer.from(h, 'hex');

describe('decodeText', () => {
  it.each([
    ['ASCII', Buffer.from('iR-ADV C5535i'), 'iR-ADV C5535i'],
    ['UTF-8 Korean', Buffer.from('토너 교체 필요', 'utf8'), '토너 교체 필요'],
    ['EUC-KR Korean', hex('c5e4b3ca20bacec1b72028bdc3bec829'), '토너 부족 (시안)'],
    ['EUC-KR location', hex('33c3fe20c3d1b9abbace'), '3층 총무부'],
    ['NUL-padded serial', hex('444351313233343500000000'), 'DCQ12345'],
    ['space-padded', Buffer.from('iR2525    '), 'iR2525'],
    ['Latin-1', hex('436166e9'), 'Café'],
    ['binary → hex', hex('0102ff00fe'), '0102FF00FE'],
    ['empty', Buffer.alloc(0), null],
    ['only NULs', hex('000000'), null],
    ['null', null, null],
    ['a string stays', 'Canon iR C2550i ', 'Canon iR C2550i'],
  ] as const)('%s', (_name, input, expected) => {
    expect(decodeText(input)).toBe(expected);
  });
});

describe('decodeMac', () => {
  it.each([
    ['6 raw bytes', hex('000085ba57a6'), '000085BA57A6'],
    ['text with colons', Buffer.from('00:00:85:BA:57:A6'), '000085BA57A6'],
    ['text with dashes, lower case', Buffer.from('00-00-85-ba-57-a6'), '000085BA57A6'],
    ['Cisco dots', Buffer.from('0000.85ba.57a6'), '000085BA57A6'],
    ['bare 12 hex', Buffer.from('000085BA57A6'), '000085BA57A6'],
    ['string value', '00:1E:8F:12:34:56', '001E8F123456'],
    ['all zeros (loopback)', hex('000000000000'), null],
    ['empty', Buffer.alloc(0), null],
    ['5 bytes', hex('000085ba57'), null],
    ['not hex (the form example 012346CW69A5)', Buffer.from('012346CW69A5'), null],
    ['a number', 5, null],
  ] as const)('%s', (_name, input, expected) => {
    expect(decodeMac(input)).toBe(expected);
  });
});

describe('decodeDateAndTime', () => {
  it.each([
    ['11 octets with +09:00', '07ea0c04091e00002b0900', '2026-12-04T09:30:00+09:00'],
    ['11 octets with -05:30', '07ea0c04091e00052d051e', '2026-12-04T09:30:00.5-05:30'],
    ['8 octets, no offset', '07ea0c040e0f1e00', '2026-12-04T14:15:30'],
    ['month 13', '07ea0d04091e0000', null],
    ['wrong length', '07ea0c04', null],
    ['bad direction byte', '07ea0c04091e00003f0900', null],
  ])('%s', (_name, input, expected) => {
    expect(decodeDateAndTime(hex(input))).toBe(expected);
  });
  it('is null for a non-buffer', () => expect(decodeDateAndTime('2026-12-04')).toBeNull());
});

describe('buildSupplyPercent', () => {
  it.each([
    [80, 100, 80],
    [1, 3, 33],
    [0, 100, 0],
    [-1, 100, null], // other
    [-2, 100, null], // unknown
    [-3, 100, null], // some remaining
    [50, 0, null],
    [50, -2, null],
    [150, 100, null], // more than the maximum: not a valid reading
    [null, 100, null],
    [50, null, null],
  ])('level %s of max %s → %s', (level, max, expected) => {
    expect(buildSupplyPercent(level, max)).toBe(expected);
  });
});

describe('numbers, addresses, status bits', () => {
  it.each([
    [42, 42],
    [42n, 42],
    ['17', 17],
    [Buffer.from('123'), 123],
    [Buffer.from('abc'), null],
    [null, null],
  ] as const)('decodeNumber(%s) → %s', (input, expected) => expect(decodeNumber(input)).toBe(expected));

  it.each([
    ['10.1.2.3', '10.1.2.3'],
    [hex('65013137'), '101.1.49.55'],
    [hex('650131'), null],
    ['not an ip', null],
  ] as const)('decodeIpv4(%s) → %s', (input, expected) => expect(decodeIpv4(input)).toBe(expected));

  it('uptime is whole seconds', () => {
    expect(decodeUptime(123456789)).toBe(1234567);
    expect(decodeUptime(null)).toBeNull();
  });

  it.each([
    ['00', []],
    ['20', ['lowToner']],
    ['84', ['lowPaper', 'jammed']],
    ['0004', ['inputTrayEmpty']],
    ['0002', ['overduePreventMaint']],
    ['', []],
  ])('error state %s', (input, expected) => expect(decodePrinterErrors(hex(input))).toEqual(expected));
});
