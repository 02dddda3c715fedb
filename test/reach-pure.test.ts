// The pure parts of the probes as tables: the device clock, option parsers, proxy choice,
// Proxy-Authenticate parsing.
import { describe, expect, it } from 'vitest';
import {
  checkDeviceClock,
  parseDnsServers,
  parseProxyUrl,
  parseRgwUrl,
  pickProxy,
  type CertInfo,
} from '../src/checks/reach.js';
import { parseAuthSchemes } from '../src/checks/reach-report.js';
import { InvalidOptionError } from '../src/errors.js';
import { en, ko } from '../src/ui/i18n.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const CERT: CertInfo = {
  subject: 'CN=a01.ugwdevice.net',
  issuer: 'CN=CA',
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: '2026-12-31T00:00:00.000Z',
  names: ['a01.ugwdevice.net'],
  root: 'CN=CA',
};

describe('checkDeviceClock', () => {
  const cases: Array<[string, string | null, CertInfo | null, string, RegExp]> = [
    ['no clock read', null, null, 'skip', /could not be read/],
    ['unparseable clock', 'garbage', null, 'skip', /could not be read/],
    ['in step', at(30_000), null, 'pass', /30 s ahead of this laptop/],
    ['under a second apart', at(400), null, 'pass', /\(in step with this laptop\)/],
    ['4 min behind', at(-4 * MIN), null, 'pass', /4 min behind/],
    ['6 min ahead', at(6 * MIN), null, 'warn', /6 min ahead of this laptop/],
    ['23 h behind', at(-23 * HOUR), null, 'warn', /23 hour\(s\) behind/],
    ['25 h ahead', at(25 * HOUR), null, 'fail', /1 day\(s\) ahead.*certificate checks fail/],
    ['5 years behind', at(-5 * 365.25 * 24 * HOUR), null, 'fail', /5 year\(s\) behind/],
    ['1 h behind, before the certificate starts', at(-HOUR), { ...CERT, validFrom: at(-30 * MIN) }, 'fail', /1 hour\(s\) behind this laptop\) is outside the UGW certificate's validity/],
    ['within the certificate', at(MIN), CERT, 'pass', /1 min ahead/],
    ['certificate expired for the laptop too: not the clock', at(MIN), { ...CERT, validTo: '2026-02-01T00:00:00.000Z' }, 'pass', /1 min ahead/],
    ['with a +09:00 offset', '2026-06-01T21:00:10+09:00', null, 'pass', /10 s ahead/],
  ];
  it.each(cases)('%s → %s', (_n, clock, cert, status, evidence) => {
    const r = checkDeviceClock(clock, NOW, cert, en);
    expect(r.id).toBe('device-clock');
    expect(r.status).toBe(status);
    expect(r.evidence).toMatch(evidence);
    expect(r.fix === null).toBe(status === 'pass' || status === 'skip');
  });
  it('speaks Korean', () => {
    expect(checkDeviceClock(at(-3 * 365.25 * 24 * HOUR), NOW, null, ko).evidence).toMatch(/3년 느림/);
    expect(checkDeviceClock(at(-3 * 365.25 * 24 * HOUR), NOW, null, ko).fix).toMatch(/날짜, 시간, 시간대/);
  });
});

describe('parseDnsServers', () => {
  const good: Array<[string, Array<{ host: string; port: number }>]> = [
    ['168.126.63.1', [{ host: '168.126.63.1', port: 53 }]],
    ['168.126.63.1, 168.126.63.2', [{ host: '168.126.63.1', port: 53 }, { host: '168.126.63.2', port: 53 }]],
    ['127.0.0.1:5353', [{ host: '127.0.0.1', port: 5353 }]],
  ];
  it.each(good)('%s', (value, expected) => expect(parseDnsServers('--dns', value)).toEqual(expected));
  const bad = ['', 'dns.example', '1.2.3', '1.2.3.4:0', '1.2.3.4:70000', '1.2.3.4,,5.6.7.8', '300.1.1.1', '1.2.3.4:53:53'];
  it.each(bad)('"%s" → exit 2 naming the option', (value) => {
    const err = (() => {
      try {
        parseDnsServers('--fallback-dns', value);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(InvalidOptionError);
    const e = err as InvalidOptionError;
    expect(e.exitCode).toBe(2);
    expect(e.render(en)).toContain(`invalid --fallback-dns "${value}": expected IPv4 DNS servers`);
    expect(e.render(ko)).toContain('쉼표로 구분한 IPv4 DNS 서버');
  });
});

describe('URL options', () => {
  it.each(['ftp://x/', 'not a url', 'http://a01.ugwdevice.net/'])('--rgw %s → exit 2', (v) => {
    expect(() => parseRgwUrl('--rgw', v)).toThrow(InvalidOptionError);
  });
  it('--rgw keeps host, port and path', () => {
    expect(parseRgwUrl('--rgw', 'https://a01.ugwdevice.net:8443/ugw/agentif010').port).toBe('8443');
  });
  it('a bad --proxy names the option but never echoes its password', () => {
    try {
      parseProxyUrl('--proxy', 'https://eng:pw123@proxy:8080');
      expect.unreachable();
    } catch (e) {
      expect((e as InvalidOptionError).render(en)).toBe(
        'invalid --proxy "https://***@proxy:8080": expected an http:// proxy URL like http://10.0.0.1:8080 (user:password@ allowed)',
      );
    }
  });
});

describe('pickProxy', () => {
  const url = 'https://a01.ugwdevice.net/ugw/agentif010';
  const cases: Array<[string, string | undefined, Record<string, string>, string | null]> = [
    ['nothing set', undefined, {}, null],
    ['--proxy wins', 'http://p:1', { HTTPS_PROXY: 'http://q:2' }, 'http://p:1/'],
    ['HTTPS_PROXY', undefined, { HTTPS_PROXY: 'http://q:2' }, 'http://q:2/'],
    ['https_proxy', undefined, { https_proxy: 'http://q:3' }, 'http://q:3/'],
    ['NO_PROXY suffix', undefined, { HTTPS_PROXY: 'http://q:2', NO_PROXY: 'localhost,.ugwdevice.net' }, null],
    ['NO_PROXY exact with port', undefined, { HTTPS_PROXY: 'http://q:2', no_proxy: 'a01.ugwdevice.net:443' }, null],
    ['NO_PROXY *', undefined, { HTTPS_PROXY: 'http://q:2', NO_PROXY: '*' }, null],
    ['NO_PROXY other host', undefined, { HTTPS_PROXY: 'http://q:2', NO_PROXY: 'example.com' }, 'http://q:2/'],
    ['NO_PROXY not a suffix', undefined, { HTTPS_PROXY: 'http://q:2', NO_PROXY: 'device.net' }, 'http://q:2/'],
  ];
  it.each(cases)('%s', (_n, flag, env, expected) => expect(pickProxy(flag, env, url)).toBe(expected));
});

describe('parseAuthSchemes', () => {
  const cases: Array<[string[], string[]]> = [
    [['NTLM', 'Negotiate'], ['NTLM', 'Negotiate']],
    [['NTLM, Negotiate'], ['NTLM', 'Negotiate']],
    [['Basic realm="corp", charset="UTF-8"'], ['Basic']],
    [['Digest realm="a", nonce="b", Basic realm="c"'], ['Digest', 'Basic']],
    [['Negotiate YIIB=='], ['Negotiate']],
    [[], []],
  ];
  it.each(cases)('%j → %j', (headers, schemes) => expect(parseAuthSchemes(headers)).toEqual(schemes));
});
