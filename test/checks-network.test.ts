import { describe, expect, it } from 'vitest';
import { checkFamily, checkNetworkSettings, parseMac, type NetworkInput } from '../src/checks/network.js';
import { en, ko } from '../src/ui/i18n.js';
import type { Family } from '../src/types.js';

const good: NetworkInput = {
  ip: '101.1.49.233',
  subnet: '255.255.255.0',
  gateway: '101.1.49.55',
  mac: '000085BA57A6',
  serial: 'DCQ12345',
  dns: ['168.126.63.1', '168.126.63.2'],
};

function statusOf(input: Partial<NetworkInput>, id: string, family: Family = 'iRC') {
  const all = checkNetworkSettings({ ...good, ...input }, family, en, 'en');
  const hit = all.find((c) => c.id === id);
  if (!hit) throw new Error(`no check ${id}`);
  return hit;
}

describe('network-settings checks', () => {
  it('passes the manual filled example row (IRC2550I, DCQ12345, 101.1.49.233/24 via .55)', () => {
    const all = checkNetworkSettings(good, 'iRC', en, 'en');
    expect(all.map((c) => [c.id, c.status])).toEqual([
      ['ip-valid', 'pass'],
      ['mask-contiguous', 'pass'],
      ['ip-not-network-or-broadcast', 'pass'],
      ['gateway-in-subnet', 'pass'],
      ['mac-valid', 'pass'],
      ['mac-oui', 'pass'],
      ['serial-pattern', 'pass'],
      ['dns-valid', 'pass'],
    ]);
  });

  // One line per case: input change, check id, expected status, text the engineer must see.
  const cases: Array<[string, Partial<NetworkInput>, string, string, string]> = [
    ['manual 기재 예: gateway outside', { ip: '10.1.2.3', gateway: '11.22.22.55' }, 'gateway-in-subnet', 'fail', 'outside the device\'s subnet 10.1.2.0/24'],
    ['gateway is the device IP', { gateway: '101.1.49.233' }, 'gateway-in-subnet', 'fail', "device's own IP"],
    ['gateway is the network address', { gateway: '101.1.49.0' }, 'gateway-in-subnet', 'fail', 'network address'],
    ['gateway is the broadcast address', { gateway: '101.1.49.255' }, 'gateway-in-subnet', 'fail', 'broadcast address'],
    ['gateway not an address', { gateway: '101.1.49' }, 'gateway-in-subnet', 'fail', 'not a valid IPv4'],
    ['gateway unknown', { gateway: null }, 'gateway-in-subnet', 'skip', '--gateway'],
    ['gateway inside a /16', { subnet: '255.255.0.0', gateway: '101.1.0.1' }, 'gateway-in-subnet', 'pass', 'inside 101.1.0.0/16'],
    ['ip with a 256', { ip: '101.1.49.256' }, 'ip-valid', 'fail', 'not a usable IPv4'],
    ['ip with leading zero', { ip: '101.1.049.233' }, 'ip-valid', 'fail', 'not a usable IPv4'],
    ['ip loopback', { ip: '127.0.0.5' }, 'ip-valid', 'fail', 'not a usable IPv4'],
    ['mask with a hole', { subnet: '255.0.255.0' }, 'mask-contiguous', 'fail', 'not a contiguous mask'],
    ['mask /32', { subnet: '255.255.255.255' }, 'mask-contiguous', 'fail', 'not a contiguous mask'],
    ['mask /23 ok', { subnet: '255.255.254.0' }, 'mask-contiguous', 'pass', '/23'],
    ['ip is the network address', { ip: '101.1.49.0' }, 'ip-not-network-or-broadcast', 'fail', 'network address'],
    ['ip is the broadcast', { ip: '101.1.49.255' }, 'ip-not-network-or-broadcast', 'fail', 'broadcast address'],
    ['bad mask skips the host check', { subnet: '255.0.255.0' }, 'ip-not-network-or-broadcast', 'skip', 'needs ip-valid, mask-contiguous'],
    ['manual MAC with a W', { mac: '012346CW69A5' }, 'mac-valid', 'fail', 'not hex: W'],
    ['MAC too short', { mac: '000085BA57' }, 'mac-valid', 'fail', '12 hexadecimal'],
    ['MAC all zero', { mac: '000000000000' }, 'mac-valid', 'fail', '12 hexadecimal'],
    ['MAC with colons', { mac: '00:00:85:ba:57:a6' }, 'mac-valid', 'pass', '000085BA57A6'],
    ['Canon Korea OUI', { mac: '000FA0123456' }, 'mac-oui', 'pass', '000FA0'],
    ['third-party OUI warns', { mac: '3C2AF4123456' }, 'mac-oui', 'warn', 'not one of Canon'],
    ['bad MAC skips OUI', { mac: 'ZZ' }, 'mac-oui', 'skip', 'needs mac-valid'],
    ['serial odd', { serial: 'AB-1' }, 'serial-pattern', 'warn', 'usual pattern'],
    ['serial missing', { serial: null }, 'serial-pattern', 'warn', 'no serial'],
    ['serial digits first', { serial: '2GH10339' }, 'serial-pattern', 'pass', '2GH10339'],
    ['dns not given', { dns: null }, 'dns-valid', 'skip', '168.126.63.1'],
    ['dns invalid', { dns: ['168.126.63.1', '8.8.8'] }, 'dns-valid', 'fail', '8.8.8'],
    ['dns 0.0.0.0', { dns: ['0.0.0.0'] }, 'dns-valid', 'fail', '0.0.0.0'],
  ];
  it.each(cases)('%s', (_name, input, id, status, text) => {
    const r = statusOf(input, id);
    expect(r.status).toBe(status);
    expect(`${r.evidence} ${r.fix ?? ''}`).toContain(text);
  });

  it('names the iR/iRC panel menu in the fix, in Korean', () => {
    const all = checkNetworkSettings({ ...good, ip: '10.1.2.3', gateway: '11.22.22.55' }, 'iRC', ko, 'ko');
    const gw = all.find((c) => c.id === 'gateway-in-subnet')!;
    expect(gw.evidence).toContain('서브넷 10.1.2.0/24 밖');
    expect(gw.fix).toContain('사용자모드 (Additional func) > 시스템관리설정 > 네트워크 > TCP/IP설정 > IPV4 설정');
  });

  it('names the iR-ADV panel menu in the fix, in English', () => {
    const all = checkNetworkSettings({ ...good, dns: null }, 'iR-ADV', en, 'en');
    expect(all.find((c) => c.id === 'dns-valid')!.fix).toContain(
      'Settings/Registration > Preferences > Network > TCP/IP Settings > DNS Settings',
    );
  });

  it('warns, not fails, for a device outside e-Club families', () => {
    expect(checkFamily('other', 'LBP6670', en)).toMatchObject({ status: 'warn', id: 'device-family' });
    expect(checkFamily('iR-ADV', 'iR-ADV C5535i', en).status).toBe('pass');
  });

  it.each([
    ['000085BA57A6', '000085BA57A6', ''],
    ['00-00-85-ba-57-a6', '000085BA57A6', ''],
    ['0000.85ba.57a6', '000085BA57A6', ''],
    ['012346CW69A5', null, 'W'],
    ['00:00:85:BA:57', null, ''],
  ])('parseMac(%s)', (text, mac, bad) => {
    expect(parseMac(text)).toEqual({ mac, bad });
  });
});
