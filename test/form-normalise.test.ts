import { describe, expect, it } from 'vitest';
import { buildToday, parseDate, parseEmail, parseMac, parsePhone, parseProductName, parseSerial } from '../src/enroll/normalise.js';

describe('parsePhone', () => {
  it.each([
    ['02-712-1234', '02-712-1234'],
    ['(02) 712 - 1234', '02-712-1234'], // the manual's filled form
    ['(02) 3450 - 0700', '02-3450-0700'], // the manual's partner phone
    ['0237121234', '02-3712-1234'],
    ['027121234', '02-712-1234'],
    ['031-123-4567', '031-123-4567'],
    ['031.1234.5678', '031-1234-5678'],
    ['064 123 4567', '064-123-4567'],
    ['070-1234-5678', '070-1234-5678'],
    ['010-1234-5678', '010-1234-5678'],
    ['01012345678', '010-1234-5678'],
    ['+82 10 1234 5678', '010-1234-5678'],
    ['+82 (0)2 712 1234', '02-712-1234'],
    ['011-123-4567', '011-123-4567'],
    ['1577-3037', '1577-3037'], // the call centre
    ['15773037', '1577-3037'],
    ['1644 1234', '1644-1234'],
  ])('%s → %s', (input, want) => expect(parsePhone(input)).toBe(want));

  it.each([
    [''], ['712-1234'], ['02-12-1234'], ['02-712-12345'], ['010-123-4567'], ['099-123-4567'],
    ['1577-303'], ['1234-5678'], ['02-712-I234'], ['+1 202 555 0100'], ['phone'], ['020-123-4567'],
  ])('%s is not a Korean phone number', (input) => expect(parsePhone(input)).toBeNull());
});

describe('parseMac', () => {
  it.each([
    ['000085BA57A6', '000085BA57A6'],
    ['000085ba57a6', '000085BA57A6'],
    ['00:00:85:BA:57:A6', '000085BA57A6'],
    ['00-00-85-ba-57-a6', '000085BA57A6'],
    ['0000.85ba.57a6', '000085BA57A6'],
    [' 00:1e:8f:01:02:03 ', '001E8F010203'],
  ])('%s → %s', (input, want) => expect(parseMac(input)).toBe(want));

  it.each([
    ['012346CW69A5'], // the manual's filled form: a W is not hexadecimal
    ['000085BA57A'], ['000085BA57A6F'], ['00:00:85:BA:57'], ['00:00-85:BA:57:A6'], ['0:0:85:BA:57:A6'], [''], ['00000085BA57A6'],
  ])('%s is rejected', (input) => expect(parseMac(input)).toBeNull());
});

describe('parseProductName', () => {
  it.each([
    ['IRC2550I', 'IRC2550I'],
    ['iR C2550i', 'IRC2550I'],
    ['iR-ADV C5235', 'IRADVC5235'],
    ['Canon iR-ADV C5235', 'IRADVC5235'],
    ['  ir 2520 ', 'IR2520'],
  ])('%s → %s', (input, want) => expect(parseProductName(input)).toBe(want));
  it.each([[''], ['-'], ['iR C2550i <b>'], ['A']])('%s is rejected', (input) => expect(parseProductName(input)).toBeNull());
});

describe('parseSerial', () => {
  it.each([
    ['DCQ12345', 'DCQ12345'],
    [' dcq12345 ', 'DCQ12345'],
    ['2GH10339', '2GH10339'],
  ])('%s → %s', (input, want) => expect(parseSerial(input)).toBe(want));
  it.each([['DC'], ['DCQ 12345'], ['DCQ-12345'], ['']])('%s is rejected', (input) => expect(parseSerial(input)).toBeNull());
});

describe('parseEmail', () => {
  it.each([
    ['abcde@hanmail.net', 'abcde@hanmail.net'],
    [' Abc.De+x@HanMail.NET ', 'Abc.De+x@hanmail.net'],
    ['webmaster@canon-bs.co.kr', 'webmaster@canon-bs.co.kr'],
  ])('%s → %s', (input, want) => expect(parseEmail(input)).toBe(want));
  it.each([['abcde'], ['abcde@hanmail'], ['a b@c.kr'], ['@hanmail.net'], ['a@-x.kr'], ['a@@b.kr']])('%s is rejected', (input) =>
    expect(parseEmail(input)).toBeNull(),
  );
});

describe('parseDate and buildToday', () => {
  it.each([
    ['2010-07-15', '2010-07-15'],
    ['2010.7.15', '2010-07-15'],
    ['2010/07/15', '2010-07-15'],
    ['2010년 7월 15일', '2010-07-15'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (input, want) => expect(parseDate(input)).toBe(want));
  it.each([['2010-13-01'], ['2023-02-29'], ['15/07/2010'], ['yesterday'], ['']])('%s is rejected', (input) =>
    expect(parseDate(input)).toBeNull(),
  );
  it.each([
    ['2026-12-04T14:59:59Z', '2026-12-04'],
    ['2026-12-04T15:00:00Z', '2026-12-05'], // midnight in Seoul is 15:00 UTC
  ])('today at %s is %s in Korea', (now, want) => expect(buildToday(new Date(now))).toBe(want));
});
