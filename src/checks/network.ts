// The device's network settings, checked as the manual asks (DOMAIN.md §2.3, §4):
// pure functions of values, each returning {id, status, evidence, fix}. Which rule breaks
// is decided in ./rules.ts (shared with the form, move and the server); this file words it.
import { CANON_OUIS, DNS_MAX_SERVERS, KT_DNS, SERIAL_PATTERN } from '../domain.js';
import type { Lang, Messages } from '../ui/i18n.js';
import type { CheckResult, Family } from '../types.js';
import { formatSubnet, parseIpv4 } from './ipv4.js';
import { panelPath } from './panel.js';
import { checkNetworkRules, parseMac, parseMaskPrefix, type NetworkProblem, type NetworkRule } from './rules.js';

export { parseMac } from './rules.js';

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

/** The rules (src/checks/rules.ts) that make the device's own address unusable. */
const IP_UNUSABLE: ReadonlySet<NetworkRule> = new Set(['ipv4', 'ip-loopback', 'ip-reserved']);

const problemOf = (problems: NetworkProblem[], field: string) => problems.find((p) => p.field === field);

/** The device's subnet ("10.1.2.0/24") when its IP is a usable host and its mask usable; null otherwise. */
function deviceSubnet(input: Pick<NetworkInput, 'ip' | 'subnet'>): string | null {
  if (input.ip === null || input.subnet === null) return null;
  const problems = checkNetworkRules({ ip: input.ip, subnet: input.subnet, gateway: null });
  if (problems.some((p) => IP_UNUSABLE.has(p.rule) || p.rule === 'mask')) return null;
  return formatSubnet(parseIpv4(input.ip)!, parseIpv4(input.subnet)!);
}

export function checkIp(ip: string | null, c: Ctx): CheckResult {
  const { t } = c;
  const path = panelPath(c.family, 'ipv4', c.lang);
  if (ip === null) return result('ip-valid', 'skip', t.chkNotRead({ what: t.chkWhatIp }));
  const broken = checkNetworkRules({ ip, subnet: null, gateway: null }).some((p) => IP_UNUSABLE.has(p.rule));
  if (broken) return result('ip-valid', 'fail', t.chkIpInvalid({ ip }), t.chkIpFix({ path }));
  return result('ip-valid', 'pass', t.chkIpValid({ ip }));
}

export function checkMask(subnet: string | null, c: Ctx): CheckResult {
  const { t } = c;
  if (subnet === null) return result('mask-contiguous', 'skip', t.chkNotRead({ what: t.chkWhatMask }));
  const prefix = parseMaskPrefix(subnet);
  if (prefix === null) {
    return result('mask-contiguous', 'fail', t.chkMaskInvalid({ mask: subnet }), t.chkMaskFix({ path: panelPath(c.family, 'ipv4', c.lang) }));
  }
  return result('mask-contiguous', 'pass', t.chkMaskOk({ mask: subnet, prefix }));
}

export function checkIpHost(input: NetworkInput, c: Ctx): CheckResult {
  const { t } = c;
  const subnet = deviceSubnet(input);
  if (subnet === null) return result('ip-not-network-or-broadcast', 'skip', t.chkNeeds({ ids: 'ip-valid, mask-contiguous' }));
  const ip = input.ip!;
  const fix = t.chkIpHostFix({ path: panelPath(c.family, 'ipv4', c.lang) });
  const problem = problemOf(checkNetworkRules({ ip, subnet: input.subnet, gateway: null }), 'ip');
  if (problem?.rule === 'ip-network') return result('ip-not-network-or-broadcast', 'fail', t.chkIpIsNetwork({ ip, subnet }), fix);
  if (problem?.rule === 'ip-broadcast') return result('ip-not-network-or-broadcast', 'fail', t.chkIpIsBroadcast({ ip, subnet }), fix);
  return result('ip-not-network-or-broadcast', 'pass', t.chkIpHostOk({ ip, subnet }));
}

export function checkGateway(input: NetworkInput, c: Ctx): CheckResult {
  const { t } = c;
  const path = panelPath(c.family, 'ipv4', c.lang);
  const id = 'gateway-in-subnet';
  if (input.gateway === null) return result(id, 'skip', t.chkGatewayMissing, t.chkGatewayMissingFix({ path }));
  const gateway = input.gateway;
  const subnet = deviceSubnet(input);
  const fix = t.chkGatewayFix({ path, subnet: subnet ?? '?' });
  const problem = problemOf(checkNetworkRules({ ip: input.ip, subnet: input.subnet, gateway }), 'gateway');
  if (problem?.rule === 'ipv4') return result(id, 'fail', t.chkGatewayInvalid({ gateway }), fix);
  if (problem?.rule === 'gateway-reserved') return result(id, 'fail', t.chkGatewayUnusable({ gateway }), fix);
  if (subnet === null) return result(id, 'skip', t.chkNeeds({ ids: 'ip-valid, mask-contiguous' }));
  switch (problem?.rule) {
    case 'gateway-outside':
      return result(id, 'fail', t.chkGatewayOutside({ gateway, subnet }), fix);
    case 'gateway-is-ip':
      return result(id, 'fail', t.chkGatewayIsIp({ gateway }), fix);
    case 'gateway-network':
      return result(id, 'fail', t.chkGatewayIsNetwork({ gateway, subnet }), fix);
    case 'gateway-broadcast':
      return result(id, 'fail', t.chkGatewayIsBroadcast({ gateway, subnet }), fix);
    default:
      return result(id, 'pass', t.chkGatewayOk({ gateway, subnet }));
  }
}

export function checkMac(mac: string | null, c: Ctx): CheckResult[] {
  const { t } = c;
  if (mac === null) {
    const skip = t.chkNotRead({ what: t.chkWhatMac });
    return [result('mac-valid', 'skip', skip), result('mac-oui', 'skip', t.chkNeeds({ ids: 'mac-valid' }))];
  }
  const parsed = parseMac(mac);
  if (!parsed.mac) {
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
  const problems = checkNetworkRules({ ip: null, subnet: null, gateway: null, dns });
  const bad = problems.filter((p) => p.field.startsWith('dns[')).map((p) => p.value);
  if (bad.length) return result('dns-valid', 'fail', t.chkDnsInvalid({ bad: bad.join(', ') }), t.chkDnsFix({ path, kt }));
  if (problems.some((p) => p.rule === 'dns-count')) {
    return result('dns-valid', 'fail', t.chkDnsTooMany({ count: dns.length, max: DNS_MAX_SERVERS }), t.chkDnsFix({ path, kt }));
  }
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
