// The one source of truth for a device's addresses (DOMAIN.md §2.3, ECLUB-API.md "Rules
// the server enforces"): which ip/subnet/gateway/mac/dns combination is valid and which
// rule breaks. Pure. The setup/diagnose checks, the enrollment form, `move` and the
// reference server all ask this module and only choose how to word (or grade) the answer.
import { DNS_MAX_SERVERS, MASK_PREFIX_MAX, MASK_PREFIX_MIN } from '../domain.js';
import { broadcastOf, formatSubnet, isLoopback, maskPrefix, networkOf, parseIpv4 } from './ipv4.js';

export type NetworkRule =
  | 'ipv4'
  | 'mask'
  | 'ip-loopback'
  | 'ip-reserved'
  | 'ip-network'
  | 'ip-broadcast'
  | 'gateway-reserved'
  | 'gateway-outside'
  | 'gateway-network'
  | 'gateway-broadcast'
  | 'gateway-is-ip'
  | 'mac'
  | 'dns-reserved'
  | 'dns-count';

/** One broken rule: which field (`ip`, `gateway`, `dns[1]`, `dns`), its value and the rule. */
export interface NetworkProblem {
  field: string;
  value: string;
  rule: NetworkRule;
  /** The device's subnet ("10.1.2.0/24") for the rules that are about it. */
  subnet?: string;
}

/** The values to judge; null (or a missing mac/dns) = not known, so not judged. */
export interface NetworkFields {
  ip: string | null;
  subnet: string | null;
  gateway: string | null;
  mac?: string | null;
  dns?: readonly string[] | null;
}

/**
 * What kind of address: a usable unicast `host`, `loopback` (127/8) or `reserved`
 * (0/8 "this network", 224/4 multicast, 240/4 reserved and the limited broadcast).
 */
export function classifyAddress(ip: number): 'host' | 'loopback' | 'reserved' {
  if (isLoopback(ip)) return 'loopback';
  const first = ip >>> 24;
  return first === 0 || first >= 224 ? 'reserved' : 'host';
}

/** A usable unicast host address. */
export function isUsableHost(ip: number): boolean {
  return classifyAddress(ip) === 'host';
}

/** The prefix of a subnet mask a device can use (contiguous, /1 to /30: room for itself and a gateway); null otherwise. */
export function parseMaskPrefix(text: string): number | null {
  const mask = parseIpv4(text);
  const prefix = mask === null ? null : maskPrefix(mask);
  return prefix !== null && prefix >= MASK_PREFIX_MIN && prefix <= MASK_PREFIX_MAX ? prefix : null;
}

// The forms a MAC is written in, one separator at a time.
const MAC_FORMS = [
  /^[0-9A-F]{12}$/, // 000085BA57A6, as the form and the API write it
  /^[0-9A-F]{2}(:[0-9A-F]{2}){5}$/, // 00:00:85:BA:57:A6
  /^[0-9A-F]{2}(-[0-9A-F]{2}){5}$/, // 00-00-85-BA-57-A6 (Windows)
  /^[0-9A-F]{2}( [0-9A-F]{2}){5}$/, // 00 00 85 BA 57 A6 (an SNMP Hex-STRING)
  /^[0-9A-F]{4}(\.[0-9A-F]{4}){2}$/, // 0000.85BA.57A6 (Cisco)
];

/**
 * A MAC address in any of those forms to 12 uppercase hex digits; `mac` is null when it
 * is not one (or is all 0 / all F, which no NIC has), and `bad` lists the characters that
 * are neither hex nor a separator — the manual's own 012346CW69A5 has a "W".
 */
export function parseMac(text: string): { mac: string | null; bad: string } {
  const raw = text.trim().toUpperCase();
  const bad = [...new Set(raw.replace(/[0-9A-F:.\- ]/g, ''))].join('');
  if (bad || !MAC_FORMS.some((form) => form.test(raw))) return { mac: null, bad };
  const mac = raw.replace(/[:.\- ]/g, '');
  return /^0{12}$|^F{12}$/.test(mac) ? { mac: null, bad: '' } : { mac, bad: '' };
}

/** True when `text` is already the API's form: 12 uppercase hex digits, nothing else. */
export function isCanonicalMac(text: string): boolean {
  return parseMac(text).mac === text;
}

/** Every broken rule at once, in a stable order; an empty list means the addresses can work together. */
export function checkNetworkRules(v: NetworkFields): NetworkProblem[] {
  const problems: NetworkProblem[] = [];
  const bad = (field: string, value: string, rule: NetworkRule, subnet?: string) =>
    problems.push(subnet === undefined ? { field, value, rule } : { field, value, rule, subnet });
  const ip = v.ip === null ? null : parseIpv4(v.ip);
  const mask = v.subnet === null ? null : parseIpv4(v.subnet);
  const gw = v.gateway === null ? null : parseIpv4(v.gateway);
  const maskOk = v.subnet !== null && parseMaskPrefix(v.subnet) !== null;

  if (v.ip !== null && ip === null) bad('ip', v.ip, 'ipv4');
  if (v.subnet !== null && !maskOk) bad('subnet', v.subnet, 'mask');
  if (v.gateway !== null && gw === null) bad('gateway', v.gateway, 'ipv4');
  const ipClass = ip === null ? null : classifyAddress(ip);
  if (ipClass === 'loopback') bad('ip', v.ip!, 'ip-loopback');
  if (ipClass === 'reserved') bad('ip', v.ip!, 'ip-reserved');
  // A gateway in the same unusable block as the device is reported once, on the device.
  const gwClass = gw === null ? null : classifyAddress(gw);
  const gwReserved = gwClass !== null && gwClass !== 'host' && gwClass !== ipClass;
  if (gwReserved) bad('gateway', v.gateway!, 'gateway-reserved');
  if (ip !== null && mask !== null && maskOk) {
    const subnet = formatSubnet(ip, mask);
    if (ip === networkOf(ip, mask)) bad('ip', v.ip!, 'ip-network', subnet);
    else if (ip === broadcastOf(ip, mask)) bad('ip', v.ip!, 'ip-broadcast', subnet);
    if (gw !== null && !gwReserved) {
      const g = v.gateway!;
      if (networkOf(gw, mask) !== networkOf(ip, mask)) bad('gateway', g, 'gateway-outside', subnet);
      else if (gw === networkOf(ip, mask)) bad('gateway', g, 'gateway-network', subnet);
      else if (gw === broadcastOf(ip, mask)) bad('gateway', g, 'gateway-broadcast', subnet);
      else if (gw === ip) bad('gateway', g, 'gateway-is-ip', subnet);
    }
  }
  if (v.mac !== undefined && v.mac !== null && !isCanonicalMac(v.mac)) bad('mac', v.mac, 'mac');
  const dns = v.dns ?? [];
  if (dns.length > DNS_MAX_SERVERS) bad('dns', dns.join(','), 'dns-count');
  dns.forEach((d, i) => {
    const n = parseIpv4(d);
    if (n === null) bad(`dns[${i}]`, d, 'ipv4');
    else if (!isUsableHost(n)) bad(`dns[${i}]`, d, 'dns-reserved');
  });
  return problems;
}
