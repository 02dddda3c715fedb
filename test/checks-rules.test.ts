// The one rule engine for device addresses: every rule, the one MAC parser.
import { describe, expect, it } from 'vitest';
import { checkNetworkRules, classifyAddress, isCanonicalMac, parseMac, parseMaskPrefix, type NetworkFields } from '../src/checks/rules.js';
import { parseIpv4 } from '../src/checks/ipv4.js';
import { checkNetworkSettings, type NetworkInput } from '../src/checks/network.js';
import { en, ko } from '../src/ui/i18n.js';

const good: NetworkFields = { ip: '101.1.49.233', subnet: '255.255.255.0', gateway: '101.1.49.55', mac: '000085BA57A6', dns: ['168.126.63.1', '168.126.63.2'] };
const rules = (change: Partial<NetworkFields>) => checkNetworkRules({ ...good, ...change }).map((p) => `${p.field}:${p.rule}`);

describe('checkNetworkRules', () => {
  it.each<[string, Partial<NetworkFields>, string[]]>([
    ['the manual\'s filled example', {}, []],
    ['nothing known is nothing judged', { ip: null, subnet: null, gateway: null, mac: null, dns: null }, []],
    ['the manual\'s 기재 예: gateway outside', { ip: '10.1.2.3', gateway: '11.22.22.55' }, ['gateway:gateway-outside']],
    ['gateway = own IP', { gateway: '101.1.49.233' }, ['gateway:gateway-is-ip']],
    ['device on the network address', { ip: '101.1.49.0' }, ['ip:ip-network']],
    ['device 0.x', { ip: '0.1.2.3', subnet: '255.0.0.0', gateway: '0.1.2.1' }, ['ip:ip-reserved']],
    ['device multicast', { ip: '224.0.0.5', subnet: '255.255.255.0', gateway: '224.0.0.1' }, ['ip:ip-reserved']],
    ['device 240.x', { ip: '240.1.1.5', subnet: '255.255.255.0', gateway: '240.1.1.1' }, ['ip:ip-reserved']],
    ['loopback device and a 0.x gateway: both named', { ip: '127.0.0.5', subnet: '255.0.0.0', gateway: '0.0.0.1' }, ['ip:ip-loopback', 'gateway:gateway-reserved']],
    ['loopback gateway', { gateway: '127.0.0.1' }, ['gateway:gateway-reserved']],
    ['multicast gateway inside a /1', { ip: '200.1.1.1', subnet: '128.0.0.0', gateway: '230.0.0.1' }, ['gateway:gateway-reserved']],
    ['a /30 is the smallest', { ip: '10.0.0.1', subnet: '255.255.255.252', gateway: '10.0.0.2' }, []],
    ['a /1 is the largest', { ip: '10.0.0.1', subnet: '128.0.0.0', gateway: '10.0.0.2' }, []],
    ['a /0', { subnet: '0.0.0.0' }, ['subnet:mask']],
    ['a /32', { subnet: '255.255.255.255' }, ['subnet:mask']],
    ['MAC all zero', { mac: '000000000000' }, ['mac:mac']],
    ['MAC all F', { mac: 'FFFFFFFFFFFF' }, ['mac:mac']],
    ['MAC not in the API\'s form', { mac: '00:00:85:BA:57:A6' }, ['mac:mac']],
    ['three DNS servers', { dns: ['168.126.63.1', '168.126.63.2', '8.8.8.8'] }, ['dns:dns-count']],
    ['DNS 0.0.0.0 and a loopback DNS', { dns: ['0.0.0.0', '127.0.0.53'] }, ['dns[0]:dns-reserved', 'dns[1]:dns-reserved']],
  ])('%s', (_name, change, expected) => expect(rules(change)).toEqual(expected));

  it('names the subnet for the rules about it', () => {
    expect(checkNetworkRules({ ...good, ip: '10.1.2.3', gateway: '11.22.22.55' })).toEqual([
      { field: 'gateway', value: '11.22.22.55', rule: 'gateway-outside', subnet: '10.1.2.0/24' },
    ]);
  });
});

describe('address classes and masks', () => {
  it.each([
    ['10.1.2.3', 'host'],
    ['223.255.255.254', 'host'],
    ['127.0.0.1', 'loopback'],
    ['0.0.0.0', 'reserved'],
    ['224.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
  ])('%s is %s', (ip, cls) => expect(classifyAddress(parseIpv4(ip)!)).toBe(cls));

  it.each([
    ['255.255.255.0', 24],
    ['128.0.0.0', 1],
    ['255.255.255.252', 30],
    ['255.255.255.254', null],
    ['0.0.0.0', null],
    ['255.0.255.0', null],
    ['255.255.255', null],
  ])('parseMaskPrefix(%s) = %s', (mask, prefix) => expect(parseMaskPrefix(mask)).toBe(prefix));
});

describe('parseMac', () => {
  it.each([
    ['000085BA57A6', '000085BA57A6', ''],
    ['000085ba57a6', '000085BA57A6', ''],
    [' 00:00:85:ba:57:a6 ', '000085BA57A6', ''],
    ['00-1E-8F-12-34-56', '001E8F123456', ''],
    ['0000.85ba.57a6', '000085BA57A6', ''],
    ['00 00 85 BA 57 A6', '000085BA57A6', ''],
    ['012346CW69A5', null, 'W'],
    ['01:23:46:CW:69:ZZ', null, 'WZ'],
    ['00:00-85:BA:57:A6', null, ''],
    ['0:0:85:BA:57:A6', null, ''],
    ['000085BA57A', null, ''],
    ['00000085BA57A6', null, ''],
    ['000000000000', null, ''],
    ['ff:ff:ff:ff:ff:ff', null, ''],
    ['', null, ''],
  ])('parseMac(%j)', (text, mac, bad) => expect(parseMac(text)).toEqual({ mac, bad }));

  it.each([
    ['000085BA57A6', true],
    ['000085ba57a6', false],
    ['00:00:85:BA:57:A6', false],
    [' 000085BA57A6', false],
  ])('isCanonicalMac(%j) = %s', (text, want) => expect(isCanonicalMac(text)).toBe(want));
});

describe('the setup/diagnose checks word the same rules', () => {
  const input: NetworkInput = { ip: '101.1.49.233', subnet: '255.255.255.0', gateway: '101.1.49.55', mac: '000085BA57A6', serial: 'DCQ12345', dns: ['168.126.63.1'] };
  const check = (change: Partial<NetworkInput>, id: string, lang: 'en' | 'ko') => {
    const all = checkNetworkSettings({ ...input, ...change }, 'iRC', lang === 'en' ? en : ko, lang);
    const hit = all.find((c) => c.id === id)!;
    return [hit.status, hit.evidence];
  };
  it.each<[string, Partial<NetworkInput>, string, 'en' | 'ko', string, string]>([
    ['loopback gateway', { gateway: '127.0.0.1' }, 'gateway-in-subnet', 'en', 'fail', 'not a usable host address'],
    ['loopback gateway', { gateway: '127.0.0.1' }, 'gateway-in-subnet', 'ko', 'fail', '사용할 수 있는 호스트 주소가 아닙니다'],
    ['multicast device', { ip: '224.0.0.5' }, 'ip-valid', 'en', 'fail', 'not a usable IPv4'],
    ['three DNS servers', { dns: ['168.126.63.1', '168.126.63.2', '8.8.8.8'] }, 'dns-valid', 'en', 'fail', 'at most 2'],
    ['three DNS servers', { dns: ['168.126.63.1', '168.126.63.2', '8.8.8.8'] }, 'dns-valid', 'ko', 'fail', '최대 2개'],
    ['loopback DNS', { dns: ['127.0.0.53'] }, 'dns-valid', 'en', 'fail', '127.0.0.53'],
    ['MAC all F', { mac: 'FF:FF:FF:FF:FF:FF' }, 'mac-valid', 'en', 'fail', 'FF:FF:FF:FF:FF:FF'],
    ['SNMP Hex-STRING MAC', { mac: '00 00 85 BA 57 A6' }, 'mac-valid', 'en', 'pass', '000085BA57A6'],
  ])('%s (%s, %s)', (_name, change, id, lang, status, text) => {
    const [got, evidence] = check(change, id, lang);
    expect(got).toBe(status);
    expect(evidence).toContain(text);
  });
});
