// The support bundle (`--report FILE`): the report as JSON plus its text, for the call
// centre. Customer details (serial, IP addresses, MAC, host names, company and contact
// fields) are masked unless --include-pii; secrets (community, v3 keys, proxy password,
// tokens) are removed always — they are never put in, and scrubbed again in case a
// message quoted one.
import { KT_DNS } from '../domain.js';
import { broadcastOf, formatIpv4, networkOf, parseIpv4 } from '../checks/ipv4.js';
import type { DiagnoseReport } from '../ui/diagnose-report.js';

export interface BundleInput {
  report: DiagnoseReport;
  /** The report as text, without colour. */
  text: string[];
  /** Where the checks pointed (URLs, DNS servers, proxy without its password). */
  targets: { rgwUrl: string; rgwPort: number; dns: string[]; fallbackDns: string[]; proxy: string | null; snmpVersion: string; snmpPort: number };
  host: string;
  eclubVersion: string;
  generatedAt: string;
  lang: string;
}

export interface PiiValues {
  serials: string[];
  ips: string[];
  macs: string[];
  hosts: string[];
}

/** Object keys whose value is about the customer, masked wherever they appear. */
const PII_KEYS: ReadonlySet<string> = new Set(['company', 'customer', 'signatory', 'department', 'email', 'phone', 'contact', 'sysName', 'sysLocation', 'sysContact']);
/** Object keys that may hold secrets: dropped whatever their value. */
const SECRET_KEYS: ReadonlySet<string> = new Set(['community', 'authKey', 'privKey', 'password', 'token', 'secret']);

export const maskSerial = (s: string) => s.slice(0, 3) + '*'.repeat(Math.max(0, s.length - 3));
export const maskIp = (ip: string) => ip.split('.').slice(0, 2).join('.') + '.*.*';
/** Keep the OUI (the vendor, useful to support), hide the device part. */
export const maskMac = (mac: string) => mac.slice(0, 6) + '******';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One function that masks every known customer value and removes every secret in a string. */
export function buildRedactor(pii: PiiValues | null, secrets: readonly string[]): (s: string) => string {
  const rules: Array<[RegExp, string]> = [];
  for (const secret of secrets) {
    // Bounded by non-word characters so a short community does not eat ordinary words.
    rules.push([new RegExp(`(?<![A-Za-z0-9])${escape(secret)}(?![A-Za-z0-9])`, 'g'), '[secret]']);
  }
  if (pii) {
    for (const s of pii.serials) rules.push([new RegExp(`(?<![A-Za-z0-9])${escape(s)}(?![A-Za-z0-9])`, 'gi'), maskSerial(s)]);
    for (const m of pii.macs) {
      rules.push([new RegExp(`(?<![0-9A-Fa-f])${escape(m)}(?![0-9A-Fa-f])`, 'gi'), maskMac(m)]);
      const colons = m.match(/../g)!.join(':');
      rules.push([new RegExp(escape(colons), 'gi'), colons.slice(0, 8) + ':**:**:**']);
    }
    for (const ip of pii.ips) rules.push([new RegExp(`(?<![\\d.])${escape(ip)}(?!\\d)`, 'g'), maskIp(ip)]);
    for (const h of pii.hosts) rules.push([new RegExp(`(?<![A-Za-z0-9.-])${escape(h)}(?![A-Za-z0-9-])`, 'gi'), '***']);
  }
  return (s) => rules.reduce((acc, [re, by]) => acc.replace(re, by), s);
}

/** Walk a JSON value: secret keys dropped, PII keys masked, every string redacted. */
export function redactDeep(value: unknown, redact: (s: string) => string, maskPiiKeys: boolean): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact, maskPiiKeys));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (SECRET_KEYS.has(k)) continue;
      out[k] = maskPiiKeys && PII_KEYS.has(k) && v !== null ? '***' : redactDeep(v, redact, maskPiiKeys);
    }
    return out;
  }
  return value;
}

/** The network and broadcast addresses of the device's subnet: "in 101.1.49.0/24" would give its masked IP back. */
function subnetEnds(ip: string | null | undefined, subnet: string | null | undefined): string[] {
  const a = ip ? parseIpv4(ip) : null;
  const m = subnet ? parseIpv4(subnet) : null;
  return a === null || m === null ? [] : [formatIpv4(networkOf(a, m)), formatIpv4(broadcastOf(a, m))];
}

/** The customer's values in a report: the device's identity and addresses, the site's DNS (not KT's). */
export function collectPii(input: BundleInput): PiiValues {
  const d = input.report.device;
  const addresses = [input.host, d?.host, d?.ip, d?.gateway, ...subnetEnds(d?.ip, d?.subnet), ...input.targets.dns.map((h) => h.replace(/:\d+$/, ''))];
  const ips = new Set<string>();
  const hosts = new Set<string>();
  for (const a of addresses) {
    if (!a || (KT_DNS as readonly string[]).includes(a)) continue;
    (parseIpv4(a) !== null ? ips : hosts).add(a);
  }
  // The flow key is the serial (or mac-/host-<value>, masked by the rules for those).
  return {
    serials: [d?.serial, input.report.flow.key].filter((s): s is string => Boolean(s) && !/^(mac|host)-/.test(s!)),
    ips: [...ips],
    macs: d?.mac ? [d.mac] : [],
    hosts: [...hosts],
  };
}

export function buildSupportBundle(input: BundleInput, o: { includePii: boolean; secrets: readonly string[] }): Record<string, unknown> {
  const pii = o.includePii ? null : collectPii(input);
  const redact = buildRedactor(pii, o.secrets);
  const bundle = {
    kind: 'eclub-diagnose-bundle',
    schema: 1,
    eclubVersion: input.eclubVersion,
    generatedAt: input.generatedAt,
    lang: input.lang,
    piiIncluded: o.includePii,
    host: input.host,
    targets: input.targets,
    ...input.report,
    text: input.text,
  };
  return redactDeep(bundle, redact, !o.includePii) as Record<string, unknown>;
}
