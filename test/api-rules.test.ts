// Pure decisions of the API area, as tables.
import { describe, expect, it } from 'vitest';
import { checkNetworkFields, normaliseMac } from '../src/enroll/network.js';
import { parseRetryAfter, planRetry } from '../src/enroll/retry.js';
import { checkEndpoint } from '../src/enroll/endpoint.js';
import { detectScanType } from '../src/enroll/scan.js';
import { parseBoundary, parseMultipart } from '../src/sim/multipart.js';
import { canonicalJson } from '../src/sim/api-store.js';
import { checkEnrollmentBody, checkWithdrawalBody } from '../src/sim/api-rules.js';
import { parseConfigSources } from '../src/store/config.js';
import { buildWithdrawal } from '../src/enroll/changes.js';
import { buildKoreanDate } from '../src/enroll/dates.js';
import { exitCodeForAll } from '../src/enroll/outbox.js';
import { enrollmentBody } from './helpers/api.js';

describe('checkNetworkFields', () => {
  it.each([
    ['the manual\'s filled example', { ip: '101.1.49.233', subnet: '255.255.255.0', gateway: '101.1.49.55' }, []],
    ['the manual\'s 기재 예: gateway outside the subnet', { ip: '10.1.2.3', subnet: '255.255.255.0', gateway: '11.22.22.55' }, ['gateway:gateway-outside']],
    ['the manual\'s MAC with a W', { ip: '10.1.2.3', subnet: '255.255.255.0', gateway: '10.1.2.1', mac: '012346CW69A5' }, ['mac:mac']],
    ['gateway on the network address', { ip: '10.1.2.3', subnet: '255.255.255.0', gateway: '10.1.2.0' }, ['gateway:gateway-network']],
    ['gateway on the broadcast address', { ip: '10.1.2.3', subnet: '255.255.255.0', gateway: '10.1.2.255' }, ['gateway:gateway-broadcast']],
    ['gateway is the device', { ip: '10.1.2.3', subnet: '255.255.255.0', gateway: '10.1.2.3' }, ['gateway:gateway-is-ip']],
    ['a non-contiguous mask', { ip: '10.1.2.3', subnet: '255.0.255.0', gateway: '10.1.2.1' }, ['subnet:mask']],
    ['a /31', { ip: '10.1.2.3', subnet: '255.255.255.254', gateway: '10.1.2.2' }, ['subnet:mask']],
    ['device on the broadcast', { ip: '10.1.2.255', subnet: '255.255.255.0', gateway: '10.1.2.1' }, ['ip:ip-broadcast']],
    ['loopback device', { ip: '127.0.0.5', subnet: '255.0.0.0', gateway: '127.0.0.1' }, ['ip:ip-loopback']],
    ['everything wrong at once', { ip: '10.1.2', subnet: 'x', gateway: '1.2.3.4.5', dns: ['1.1.1.1', 'kns.kornet.net'] }, ['ip:ipv4', 'subnet:mask', 'gateway:ipv4', 'dns[1]:ipv4']],
  ])('%s', (_name, fields, expected) => {
    expect(checkNetworkFields(fields).map((p) => `${p.field}:${p.rule}`)).toEqual(expected);
  });

  it.each([
    ['00:00:85:ba:57:a6', '000085BA57A6'],
    ['00-1E-8F-12-34-56', '001E8F123456'],
    [' 0000.85ba.57a6 ', '000085BA57A6'],
  ])('normaliseMac(%s) = %s', (input, out) => expect(normaliseMac(input)).toBe(out));
});

describe('retries', () => {
  const policy = { maxAttempts: 4, baseMs: 100, maxWaitMs: 1000 };
  it.each([
    ['first failure, no jitter', 1, 0, null, 0, 50],
    ['first failure, full jitter', 1, 0, null, 0.999, 100],
    ['third failure doubles twice', 3, 150, null, 0, 200],
    ['Retry-After is a floor', 1, 0, 700, 0, 700],
    ['Retry-After beyond the cap gives up', 1, 0, 5000, 0, null],
    ['total wait capped', 3, 900, null, 0, null],
    ['attempts spent', 4, 0, null, 0, null],
  ])('%s', (_name, attempt, waited, retryAfter, random, expected) => {
    const wait = planRetry(policy, attempt, waited, retryAfter, random);
    if (expected === null) expect(wait).toBeNull();
    else expect(wait).toBeCloseTo(expected, -1);
  });

  const now = new Date('2026-12-04T10:00:00Z');
  it.each([
    ['3', 3000],
    ['0', 0],
    ['Fri, 04 Dec 2026 10:00:05 GMT', 5000],
    ['Fri, 04 Dec 2026 09:00:00 GMT', 0],
    ['soon', null],
    [undefined, null],
  ])('parseRetryAfter(%s)', (value, expected) => expect(parseRetryAfter(value, now)).toBe(expected));
});

describe('checkEndpoint', () => {
  it.each([
    ['https://eclub.canon-bs.co.kr/api', 'ok'],
    ['http://127.0.0.1:8080', 'ok'],
    ['http://127.8.9.10', 'ok'],
    ['http://localhost:3000/', 'ok'],
    ['http://[::1]:3000', 'ok'],
    ['http://192.168.0.10', 'insecure'],
    ['http://128.0.0.1', 'insecure'],
    ['http://localhost.evil.example', 'insecure'],
    ['https://user:pw@eclub.example', 'malformed'],
    ['ftp://eclub.example', 'malformed'],
    ['eclub.example', 'malformed'],
  ])('%s → %s', (url, expected) => expect(checkEndpoint(url)).toBe(expected));
});

describe('detectScanType', () => {
  it.each([
    ['PDF', Buffer.from('%PDF-1.7\n'), 'application/pdf'],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['GIF', Buffer.from('GIF89a'), null],
    ['text', Buffer.from('%PDF'), null],
    ['empty', Buffer.alloc(0), null],
  ])('%s', (_n, bytes, type) => expect(detectScanType(bytes)).toBe(type));
});

describe('multipart', () => {
  it('reads the file part of a real FormData body', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4 x\r\n--y')], { type: 'application/pdf' }), 'scan.pdf');
    const req = new Request('http://127.0.0.1/', { method: 'POST', body: form });
    const boundary = parseBoundary(req.headers.get('content-type') ?? undefined);
    const parts = parseMultipart(Buffer.from(await req.arrayBuffer()), boundary!);
    expect(parts).toEqual([{ name: 'file', filename: 'scan.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 x\r\n--y') }]);
  });

  it.each([
    ['not multipart', 'application/json', null],
    ['quoted boundary', 'multipart/form-data; boundary="abc"', 'abc'],
  ])('parseBoundary: %s', (_n, ct, b) => expect(parseBoundary(ct)).toBe(b));
  it('a truncated body is not multipart', () => expect(parseMultipart(Buffer.from('--abc\r\ncontent-disposition: form-data; name="file"\r\n\r\nxx'), 'abc')).toBeNull());
});

describe('server rules', () => {
  const withDevice = (change: Record<string, unknown>) => {
    const b = enrollmentBody();
    Object.assign((b.devices as Record<string, unknown>[])[0]!, change);
    return b;
  };
  it.each([
    ['a valid form', enrollmentBody(), []],
    ['the manual\'s gateway', withDevice({ ip: '10.1.2.3', gateway: '11.22.22.55' }), ['devices[0].gateway']],
    ['the manual\'s MAC', withDevice({ mac: '012346CW69A5' }), ['devices[0].mac']],
    ['lower-case MAC', withDevice({ mac: '000085ba57a6' }), ['devices[0].mac']],
    ['no consent', { ...enrollmentBody(), consent: { statusCollection: true, privacy: false } }, ['consent.privacy']],
    ['no devices', { ...enrollmentBody(), devices: [] }, ['devices']],
    ['the same serial twice', { ...enrollmentBody(), devices: [...(enrollmentBody().devices as unknown[]), ...(enrollmentBody().devices as unknown[])] }, ['devices[1].serial']],
    ['a bad join date', { ...enrollmentBody(), joinDate: '2010-02-30' }, ['joinDate']],
  ])('enrollment: %s', (_n, body, paths) => expect(checkEnrollmentBody(body).map((f) => f.path)).toEqual(paths));

  it.each([
    [{ reason: 'contract-ended' }, []],
    [{ reason: 'moved' }, ['reason']],
    [{ reason: 'device-retrieved', effectiveDate: '31/12/2026' }, ['effectiveDate']],
  ])('withdrawal %j', (body, paths) => expect(checkWithdrawalBody(body).map((f) => f.path)).toEqual(paths));

  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }] })).toBe(canonicalJson({ a: [{ x: 1, y: 2 }], b: 1 }));
  });
});

describe('client-side builders', () => {
  it.each([
    ['today in Korea after 15:00 UTC', '2026-12-04T16:00:00Z', '2026-12-05'],
    ['today in Korea before 15:00 UTC', '2026-12-04T14:59:00Z', '2026-12-04'],
  ])('buildKoreanDate: %s', (_n, now, date) => expect(buildKoreanDate(new Date(now))).toBe(date));

  it('buildWithdrawal fills the date and trims the note', () => {
    expect(buildWithdrawal({ reason: 'Contract-Ended', note: ' 만료 ' }, new Date('2026-12-04T00:00:00Z'))).toEqual({ reason: 'contract-ended', effectiveDate: '2026-12-04', note: '만료' });
  });

  it.each([
    [[], 0],
    [['accepted', 'accepted'], 0],
    [['accepted', 'queued'], 4],
    [['queued', 'rejected'], 5],
  ] as const)('exitCodeForAll(%j) = %i', (states, code) => expect(exitCodeForAll(states.map((state) => ({ state })))).toBe(code));
});

describe('config sources', () => {
  it('the environment wins over the file; unknown keys are listed; bad values are collected', () => {
    const ok = parseConfigSources({ endpoint: 'https://a.example', 'partner.name': 'X', colour: 'blue' }, { ECLUB_ENDPOINT: 'http://127.0.0.1:1' }, '/c.json');
    expect(ok.config).toEqual({ endpoint: 'http://127.0.0.1:1', partner: { name: 'X' }, http: {}, retry: {} });
    expect(ok.unknownKeys).toEqual(['colour']);
    expect(() => parseConfigSources({ endpoint: 'http://a.example', lang: 'fr' }, { ECLUB_RETRY_MAX: 'lots' }, '/c.json')).toThrow(
      /endpoint[\s\S]*lang[\s\S]*retry\.max/,
    );
  });
});
