// The device's network settings, checked as the manual asks (DOMAIN.md §2.3, §4):
// pure functions of values, each returning {id, status, evidence, fix}.
import { CANON_OUIS, KT_DNS, SERIAL_PATTERN } from '../domain.js';
import type { Lang, Messages } from '../ui/i18n.js';
import type { CheckResult, Family } from '../types.js';
import {
  broadcastOf,
  formatSubnet,
  isLoopback,
  maskPrefix,
  networkOf,
  parseIpv4,
} from './ipv4.js';
import { panelPath } from './panel.js';

export interface NetworkInput {
  ip: string | null;
  subnet: string | null;
  gateway: string | null;
  mac: string | null;
  serial: string | null;
  /** Given by the engineer; SNMP cannot read them. */
  dns: string[] | null;
}

export type NetworkCheckId =
  | 'ip-valid'
  | 'mask-contiguous'
  | 'ip-not-network-or-broadcast'
  | 'gateway-in-subnet'
  | 'mac-valid'
  | 'mac-oui'
  | 'serial-pattern'
  | 'dns-valid';

/**
 * MAC text in any common form (raw hex, 00:00:85:.., 00-00-.., 0000.85ba..) to 12
 * uppercase hex digits; `bad` lists the characters that are not hex (the manual's own
 * example 012346CW69A5 has a W).
 */
export function parseMac(text: string): { mac: string | null; bad: string } {
  const compact = text.trim().replace(/[\s:.\-]/g, '').toUpperCase();
  const bad = [...new Set(compact.replace(/[0-9A-F]/g, ''))].join('');
  if (bad || compact.length !== 12) return { mac: null, bad };
  return { mac: compact, bad: '' };
}

/** A usable unicast host address: not 0.0.0.0/8, loopback, multicast or reserved. */
function isUsableHost(ip: number): boolean {
  const first = ip >>> 24;
  return first !== 0 && !isLoopback(ip) && first < 224;
}

interface Ctx {
  t: Messages;
  lang: Lang;
  family: Family;
}

const result = (id: NetworkCheckId, status: CheckResult['status'], evidence: string, fix: string | null = null): CheckResult => ({
  id,
  status,
  evidence,
  fix,
});

export function checkIp(ip: string | null, c: Ctx): CheckResult {
  const { t } = c;
  const path = panelPath(c.family, 'ipv4', c.lang);
  if (ip === null) return result('ip-valid', 'skip', t.chkNotRead({ what: t.chkWhatIp }));
  const n = parseIpv4(ip);
  if (n === null || !isUsableHost(n)) return result('ip-valid', 'fail', t.chkIpInvalid({ ip }), t.chkIpFix({ path }));
  return result('ip-valid', 'pass', t.chkIpValid({ ip }));
}

export function checkMask(subnet: string | null, c: Ctx): CheckResult {
  const { t } = c;
  if (subnet === null) return result('mask-contiguous', 'skip', t.chkNotRead({ what: t.chkWhatMask }));
  const m = parseIpv4(subnet);
  const prefix = m === null ? null : maskPrefix(m);
  // /0 is no subnet at all, and /31–/32 leave no room for a gateway beside the device.
  if (prefix === null || prefix === 0 || prefix > 30) {
    return result('mask-contiguous', 'fail', t.chkMaskInvalid({ mask: subnet }), t.chkMaskFix({ path: panelPath(c.family, 'ipv4', c.lang) }));
  }
  return result('mask-contiguous', 'pass', t.chkMaskOk({ mask: subnet, prefix }));
}

/** IP and mask both valid, or null. */
function validNet(input: NetworkInput): { ip: number; mask: number; subnet: string } | null {
  const ip = input.ip === null ? null : parseIpv4(input.ip);
  const mask = input.subnet === null ? null : parseIpv4(input.subnet);
  if (ip === null || mask === null || !isUsableHost(ip)) return null;
  const prefix = maskPrefix(mask);
  if (prefix === null || prefix === 0 || prefix > 30) return null;
  return { ip, mask, subnet: formatSubnet(ip, mask) };
}

export function checkIpHost(input: NetworkInput, c: Ctx): CheckResult {
  const { t } = c;
  const net = validNet(input);
  if (!net) return result('ip-not-network-or-broadcast', 'skip', t.chkNeeds({ ids: 'ip-valid, mask-contiguous' }));
  const ip = input.ip!;
  const fix = t.chkIpHostFix({ path: panelPath(c.family, 'ipv4', c.lang) });
  if (net.ip === networkOf(net.ip, net.mask)) return result('ip-not-network-or-broadcast', 'fail', t.chkIpIsNetwork({ ip, subnet: net.subnet }), fix);
  if (net.ip === broadcastOf(net.ip, net.mask)) return result('ip-not-network-or-broadcast', 'fail', t.chkIpIsBroadcast({ ip, subnet: net.subnet }), fix);
  return result('ip-not-network-or-broadcast', 'pass', t.chkIpHostOk({ ip, subnet: net.subnet }));
}

export function checkGateway(input: NetworkInput, c: Ctx): CheckResult {
  const { t } = c;
  const path = panelPath(c.family, 'ipv4', c.lang);
  const id = 'gateway-in-subnet';
  if (input.gateway === null) return result(id, 'skip', t.chkGatewayMissing, t.chkGatewayMissingFix({ path }));
  const gateway = input.gateway;
  const gw = parseIpv4(gateway);
  const net = validNet(input);
  if (gw === null || !isUsableHost(gw)) {
    return result(id, 'fail', t.chkGatewayInvalid({ gateway }), t.chkGatewayFix({ path, subnet: net?.subnet ?? '?' }));
  }
  if (!net) return result(id, 'skip', t.chkNeeds({ ids: 'ip-valid, mask-contiguous' }));
  const { subnet } = net;
  const fix = t.chkGatewayFix({ path, subnet });
  if (networkOf(gw, net.mask) !== networkOf(net.ip, net.mask)) return result(id, 'fail', t.chkGatewayOutside({ gateway, subnet }), fix);
  if (gw === net.ip) return result(id, 'fail', t.chkGatewayIsIp({ gateway }), fix);
  if (gw === networkOf(net.ip, net.mask)) return result(id, 'fail', t.chkGatewayIsNetwork({ gateway, subnet }), fix);
  if (gw === broadcastOf(net.ip, net.mask)) return result(id, 'fail', t.chkGatewayIsBroadcast({ gateway, subnet }), fix);
  return result(id, 'pass', t.chkGatewayOk({ gateway, subnet }));
}

export function checkMac(mac: string | null, c: Ctx): CheckResult[] {
  const { t } = c;
  if (mac === null) {
    const skip = t.chkNotRead({ what: t.chkWhatMac });
    return [result('mac-valid', 'skip', skip), result('mac-oui', 'skip', t.chkNeeds({ ids: 'mac-valid' }))];
  }
  const parsed = parseMac(mac);
  if (!parsed.mac || /^0{12}$|^F{12}$/.test(parsed.mac)) {
    return [
      result('mac-valid', 'fail', t.chkMacInvalid({ mac, bad: parsed.bad }), t.chkMacFix({ path: panelPath(c.family, 'report', c.lang) })),
      result('mac-oui', 'skip', t.chkNeeds({ ids: 'mac-valid' })),
    ];
  }
  const oui = parsed.mac.slice(0, 6);
  return [
    result('mac-valid', 'pass', t.chkMacOk({ mac: parsed.mac })),
    CANON_OUIS.has(oui) ? result('mac-oui', 'pass', t.chkOuiCanon({ oui })) : result('mac-oui', 'warn', t.chkOuiOther({ oui }), t.chkOuiFix),
  ];
}

export function checkSerial(serial: string | null, c: Ctx): CheckResult {
  const { t } = c;
  if (serial === null || serial.trim() === '') return result('serial-pattern', 'warn', t.chkSerialMissing, t.chkSerialFix);
  if (SERIAL_PATTERN.test(serial)) return result('serial-pattern', 'pass', t.chkSerialOk({ serial }));
  return result('serial-pattern', 'warn', t.chkSerialOdd({ serial }), t.chkSerialFix);
}

export function checkDns(dns: string[] | null, c: Ctx): CheckResult {
  const { t } = c;
  const path = panelPath(c.family, 'dns', c.lang);
  const kt = KT_DNS.join(', ');
  if (dns === null || dns.length === 0) return result('dns-valid', 'skip', t.chkDnsNotGiven, t.chkDnsNotGivenFix({ path, kt }));
  const bad = dns.filter((d) => {
    const n = parseIpv4(d);
    return n === null || !isUsableHost(n);
  });
  if (bad.length) return result('dns-valid', 'fail', t.chkDnsInvalid({ bad: bad.join(', ') }), t.chkDnsFix({ path, kt }));
  return result('dns-valid', 'pass', t.chkDnsOk({ dns: dns.join(', ') }));
}

/** All network-settings checks, in a stable order. */
export function checkNetworkSettings(input: NetworkInput, family: Family, t: Messages, lang: Lang): CheckResult[] {
  const c: Ctx = { t, lang, family };
  return [
    checkIp(input.ip, c),
    checkMask(input.subnet, c),
    checkIpHost(input, c),
    checkGateway(input, c),
    ...checkMac(input.mac, c),
    checkSerial(input.serial, c),
    checkDns(input.dns, c),
  ];
}

/** e-Club covers iR, iRC and iR-ADV; anything else is still read, with this warning. */
export function checkFamily(family: Family, model: string | null, t: Messages): CheckResult {
  const m = model ?? t.chkUnknownModel;
  if (family === 'other') return { id: 'device-family', status: 'warn', evidence: t.chkFamilyOther({ model: m }), fix: t.chkFamilyFix };
  return { id: 'device-family', status: 'pass', evidence: t.chkFamilyOk({ family, model: m }), fix: null };
}
