// The network rules every device address obeys (ECLUB-API.md, DOMAIN.md §2.3): one pure
// function used by `move` before sending and by the reference server when it answers 422.
import { broadcastOf, isLoopback, maskPrefix, networkOf, parseIpv4 } from '../checks/ipv4.js';

export type NetworkRule =
  | 'ipv4'
  | 'mask'
  | 'ip-loopback'
  | 'ip-network'
  | 'ip-broadcast'
  | 'gateway-outside'
  | 'gateway-network'
  | 'gateway-broadcast'
  | 'gateway-is-ip'
  | 'mac';

/** One broken rule: which field (`ip`, `gateway`, `dns[1]`), its value and the rule. */
export interface NetworkProblem {
  field: string;
  value: string;
  rule: NetworkRule;
}

export interface NetworkFields {
  ip: string;
  subnet: string;
  gateway: string;
  mac?: string | null;
  dns?: readonly string[] | null;
}

/** MAC to the form's shape: 12 uppercase hex digits, separators removed ("00:00:85-ba.57a6"). */
export function normaliseMac(text: string): string {
  return text.trim().replace(/[\s:.-]/g, '').toUpperCase();
}

const MAC = /^[0-9A-F]{12}$/;

/** Every problem at once; an empty list means the addresses can work together. */
export function checkNetworkFields(v: NetworkFields): NetworkProblem[] {
  const problems: NetworkProblem[] = [];
  const bad = (field: string, value: string, rule: NetworkRule) => problems.push({ field, value, rule });
  const ip = parseIpv4(v.ip);
  const mask = parseIpv4(v.subnet);
  const gw = parseIpv4(v.gateway);
  if (ip === null) bad('ip', v.ip, 'ipv4');
  // A device needs room for itself and a gateway: /1 to /30.
  const prefix = mask === null ? null : maskPrefix(mask);
  const maskOk = mask !== null && prefix !== null && prefix >= 1 && prefix <= 30;
  if (!maskOk) bad('subnet', v.subnet, 'mask');
  if (gw === null) bad('gateway', v.gateway, 'ipv4');
  if (ip !== null && isLoopback(ip)) bad('ip', v.ip, 'ip-loopback');
  if (ip !== null && maskOk) {
    if (ip === networkOf(ip, mask)) bad('ip', v.ip, 'ip-network');
    else if (ip === broadcastOf(ip, mask)) bad('ip', v.ip, 'ip-broadcast');
    if (gw !== null) {
      if (networkOf(gw, mask) !== networkOf(ip, mask)) bad('gateway', v.gateway, 'gateway-outside');
      else if (gw === networkOf(ip, mask)) bad('gateway', v.gateway, 'gateway-network');
      else if (gw === broadcastOf(ip, mask)) bad('gateway', v.gateway, 'gateway-broadcast');
      else if (gw === ip) bad('gateway', v.gateway, 'gateway-is-ip');
    }
  }
  if (v.mac !== undefined && v.mac !== null && !MAC.test(v.mac)) bad('mac', v.mac, 'mac');
  (v.dns ?? []).forEach((d, i) => {
    if (parseIpv4(d) === null) bad(`dns[${i}]`, d, 'ipv4');
  });
  return problems;
}
