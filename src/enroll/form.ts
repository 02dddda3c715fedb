// The enrollment form (가입 신청서, form #001) = the body of POST /v1/enrollments
// (ECLUB-API.md). `checkForm` normalises every field and reports EVERY problem at once
// — field path, value, what is allowed — so an engineer fixes the form in one pass.
import { z } from 'zod';
import { CANON_OUIS, DNS_MAX_SERVERS, FORM_MAX_DEVICES, SERIAL_PATTERN } from '../domain.js';
import { EclubError, ExitCode } from '../errors.js';
import type { Messages } from '../ui/i18n.js';
import { parseIpv4 } from '../checks/ipv4.js';
import { checkNetworkRules, parseMac, parseMaskPrefix, type NetworkRule } from '../checks/rules.js';
import { parseDate, parseEmail, parsePhone, parseProductName, parseSerial, parseText } from './normalise.js';

export type ProblemRule =
  | 'required'
  | 'type'
  | 'oneOf'
  | 'unknownField'
  | 'text'
  | 'phone'
  | 'email'
  | 'date'
  | 'mac'
  | 'productName'
  | 'serial'
  | 'ipv4'
  | 'subnet'
  | 'ipUnusable'
  | 'ipNetwork'
  | 'ipBroadcast'
  | 'gatewayUnusable'
  | 'dnsUnusable'
  | 'gatewayOutside'
  | 'gatewayNetwork'
  | 'gatewayBroadcast'
  | 'gatewayIsIp'
  | 'serialDuplicate'
  | 'consent'
  | 'devicesCount'
  | 'dnsCount'
  | 'unknownSerial';

export type WarningRule = 'macOui' | 'serialPattern' | 'comTestNg';

/** One thing wrong with the form: where, what was given, which rule it breaks. */
export interface FormProblem {
  path: string;
  value: unknown;
  rule: ProblemRule;
  params?: Record<string, string>;
  /** The serial (기번) of the device the problem is in, so the engineer knows which copier. */
  serial?: string;
}

/** Allowed, but worth a second look (a third-party NIC, an unusual serial). */
export interface FormWarning {
  path: string;
  value: string;
  rule: WarningRule;
}

// The rule travels in the issue's message ("rule:phone"), read back by problemsFromIssues.
const rule = (r: ProblemRule) => `rule:${r}`;

/** A string field read through a normaliser; a value it cannot read is an issue with that rule. */
function normalised(r: ProblemRule, parse: (s: string) => string | null) {
  return z.string().transform((value, ctx) => {
    const v = parse(value);
    if (v === null) {
      ctx.issues.push({ code: 'custom', input: value, message: rule(r) });
      return z.NEVER;
    }
    return v;
  });
}

function parseIpv4Text(s: string): string | null {
  return parseIpv4(s) === null ? null : s.trim();
}

/** A mask a device can use (src/checks/rules.ts: contiguous, /1 to /30). */
function parseSubnetText(s: string): string | null {
  return parseMaskPrefix(s) === null ? null : s.trim();
}

/** The MAC in any written form; one that is not names its non-hex characters ("W"). */
const macSchema = z.string().transform((value, ctx) => {
  const { mac, bad } = parseMac(value);
  if (mac === null) {
    ctx.issues.push({ code: 'custom', input: value, message: rule('mac'), ...(bad ? { params: { bad } } : {}) });
    return z.NEVER;
  }
  return mac;
});

const text = normalised('text', (s) => parseText(s));
const ipv4 = normalised('ipv4', parseIpv4Text);

const deviceSchema = z.strictObject({
  productName: normalised('productName', parseProductName),
  serial: normalised('serial', parseSerial),
  ip: ipv4,
  subnet: normalised('subnet', parseSubnetText),
  gateway: ipv4,
  mac: macSchema,
  dns: z.array(ipv4).max(DNS_MAX_SERVERS, rule('dnsCount')).optional(),
  erds: z
    .strictObject({
      enabled: z.boolean(),
      comTest: z.enum(['OK', 'NG']).nullable().optional(),
      checkedAt: z.string().optional(),
    })
    .optional(),
});

export const formSchema = z.strictObject({
  joinDate: normalised('date', parseDate),
  customer: z.strictObject({
    company: text,
    department: text,
    email: normalised('email', parseEmail),
    phone: normalised('phone', parsePhone),
    signatory: text,
  }),
  partner: z.strictObject({
    name: text,
    engineer: text,
    phone: normalised('phone', parsePhone),
  }),
  consent: z.strictObject({
    statusCollection: z.literal(true, rule('consent')),
    privacy: z.literal(true, rule('consent')),
  }),
  devices: z.array(deviceSchema).min(1, rule('devicesCount')).max(FORM_MAX_DEVICES, rule('devicesCount')),
});

/** The validated, normalised form: exactly the API's enrollment body. */
export type EnrollmentForm = z.output<typeof formSchema>;
export type EnrollmentDevice = EnrollmentForm['devices'][number];

export type FormCheck =
  | { ok: true; form: EnrollmentForm; problems: []; warnings: FormWarning[] }
  | { ok: false; form: null; problems: FormProblem[]; warnings: FormWarning[] };

/** "devices[0].gateway" from ["devices", 0, "gateway"]. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

function valueAt(raw: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = raw;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function problemsFromIssues(raw: unknown, issues: readonly z.core.$ZodIssue[]): FormProblem[] {
  const out: FormProblem[] = [];
  for (const issue of issues) {
    const value = valueAt(raw, issue.path);
    const path = formatPath(issue.path);
    const named = /^rule:(\w+)$/.exec(issue.message)?.[1] as ProblemRule | undefined;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ path: formatPath([...issue.path, key]), value: valueAt(raw, [...issue.path, key]), rule: 'unknownField' });
      }
    } else if (value === undefined && issue.code !== 'custom') {
      out.push({ path, value, rule: 'required' });
    } else if (named) {
      const params = issue.code === 'custom' ? (issue.params as Record<string, string> | undefined) : undefined;
      out.push(params ? { path, value, rule: named, params } : { path, value, rule: named });
    } else if (issue.code === 'invalid_type') {
      out.push({ path, value, rule: 'type', params: { expected: issue.expected } });
    } else if (issue.code === 'invalid_value') {
      out.push({ path, value, rule: 'oneOf', params: { values: issue.values.map(String).join(', ') } });
    } else {
      out.push({ path, value, rule: 'type', params: { expected: 'valid' } });
    }
  }
  return out;
}

/**
 * How the form names the shared network rules (src/checks/rules.ts) that span fields; the
 * single-field ones (ipv4, mask, mac, dns-count) are the schema's, and a gateway that is the
 * device's own address is only a warning here (checkWarnings).
 */
const FORM_RULE: Partial<Record<NetworkRule, ProblemRule>> = {
  'ip-loopback': 'ipUnusable',
  'ip-reserved': 'ipUnusable',
  'ip-network': 'ipNetwork',
  'ip-broadcast': 'ipBroadcast',
  'gateway-reserved': 'gatewayUnusable',
  'gateway-outside': 'gatewayOutside',
  'gateway-network': 'gatewayNetwork',
  'gateway-broadcast': 'gatewayBroadcast',
  // A device that is its own gateway never reaches the UGW: COM-TEST NG, so refused here
  // as setup, move and the reference server refuse it.
  'gateway-is-ip': 'gatewayIsIp',
  'dns-reserved': 'dnsUnusable',
};

/** A device's addresses as the rule engine reads them: text, or null when not text (the schema reports that). */
function networkFieldsOf(d: unknown) {
  const str = (k: string) => {
    const v = valueAt(d, [k]);
    return typeof v === 'string' ? v : null;
  };
  const dns = valueAt(d, ['dns']);
  return {
    ip: str('ip'),
    subnet: str('subnet'),
    gateway: str('gateway'),
    dns: Array.isArray(dns) ? dns.filter((x): x is string => typeof x === 'string') : null,
  };
}

/** The rules that span fields: the gateway inside the device's subnet, serials unique. */
export function checkCrossFields(raw: unknown): FormProblem[] {
  const devices = valueAt(raw, ['devices']);
  if (!Array.isArray(devices)) return [];
  const out: FormProblem[] = [];
  const seen = new Map<string, string>();
  devices.forEach((d: unknown, i) => {
    for (const p of checkNetworkRules(networkFieldsOf(d))) {
      const r = FORM_RULE[p.rule];
      if (!r) continue;
      const problem: FormProblem = { path: `devices[${i}].${p.field}`, value: p.value, rule: r };
      if (p.subnet !== undefined) problem.params = { subnet: p.subnet };
      out.push(problem);
    }
    const serialText = valueAt(d, ['serial']);
    const serial = parseSerial(typeof serialText === 'string' ? serialText : '');
    if (serial !== null) {
      const first = seen.get(serial);
      if (first) out.push({ path: `devices[${i}].serial`, value: serialText, rule: 'serialDuplicate', params: { first } });
      else seen.set(serial, `devices[${i}].serial`);
    }
  });
  return out;
}

/** Allowed but unusual values in a valid form. */
export function checkWarnings(form: EnrollmentForm): FormWarning[] {
  const out: FormWarning[] = [];
  form.devices.forEach((d, i) => {
    if (!CANON_OUIS.has(d.mac.slice(0, 6))) out.push({ path: `devices[${i}].mac`, value: d.mac, rule: 'macOui' });
    if (!SERIAL_PATTERN.test(d.serial)) out.push({ path: `devices[${i}].serial`, value: d.serial, rule: 'serialPattern' });
    // e-RDS cannot report while COM-TEST says NG: enrolling is allowed, but say so.
    if (d.erds?.comTest === 'NG') out.push({ path: `devices[${i}].erds.comTest`, value: 'NG', rule: 'comTestNg' });
  });
  return out;
}

/** Problems found before validation (a serial with no record): listed with the rest. */
export function checkForm(raw: unknown, earlier: readonly FormProblem[] = []): FormCheck {
  const parsed = formSchema.safeParse(raw);
  // A serial with no record explains that device's empty fields: one line, not six.
  const unrecorded = earlier.filter((p) => p.rule === 'unknownSerial').map((p) => p.path.replace(/\.serial$/, '.'));
  const found = parsed.success ? [] : problemsFromIssues(raw, parsed.error.issues);
  const problems = [
    ...earlier,
    ...found.filter((p) => !(p.rule === 'required' && unrecorded.some((prefix) => p.path.startsWith(prefix)))),
    ...checkCrossFields(raw),
  ];
  const order = (p: FormProblem) => {
    const m = /^devices\[(\d+)\]/.exec(p.path);
    return m ? Number(m[1]) : -1;
  };
  problems.sort((a, b) => order(a) - order(b));
  for (const p of problems) {
    const i = order(p);
    const serial = i >= 0 ? valueAt(raw, ['devices', i, 'serial']) : undefined;
    if (typeof serial === 'string' && !p.path.endsWith('.serial')) p.serial = serial;
  }
  if (parsed.success && problems.length === 0) {
    return { ok: true, form: parsed.data, problems: [], warnings: checkWarnings(parsed.data) };
  }
  return { ok: false, form: null, problems, warnings: [] };
}

const RULE_TEXT: Record<ProblemRule, (t: Messages, p: Record<string, string>) => string> = {
  required: (t) => t.enrollRuleRequired,
  type: (t, p) => t.enrollRuleType({ expected: p.expected ?? '' }),
  oneOf: (t, p) => t.allowedOneOf({ values: p.values ?? '' }),
  unknownField: (t) => t.enrollRuleUnknownField,
  text: (t) => t.enrollRuleText,
  phone: (t) => t.enrollRulePhone,
  email: (t) => t.enrollRuleEmail,
  date: (t) => t.enrollRuleDate,
  mac: (t, p) => (p.bad ? `${t.enrollRuleMac}; ${t.enrollRuleMacNotHex({ bad: p.bad })}` : t.enrollRuleMac),
  productName: (t) => t.enrollRuleProductName,
  serial: (t) => t.enrollRuleSerial,
  ipv4: (t) => t.allowedIpv4,
  subnet: (t) => t.enrollRuleSubnet,
  ipUnusable: (t) => t.enrollRuleIpUnusable,
  ipNetwork: (t, p) => t.enrollRuleIpNetwork({ subnet: p.subnet ?? '' }),
  ipBroadcast: (t, p) => t.enrollRuleIpBroadcast({ subnet: p.subnet ?? '' }),
  gatewayUnusable: (t) => t.enrollRuleGatewayUnusable,
  dnsUnusable: (t) => t.enrollRuleDnsUnusable,
  gatewayOutside: (t, p) => t.enrollRuleGatewayOutside({ subnet: p.subnet ?? '' }),
  gatewayNetwork: (t, p) => t.enrollRuleGatewayNetwork({ subnet: p.subnet ?? '' }),
  gatewayBroadcast: (t, p) => t.enrollRuleGatewayBroadcast({ subnet: p.subnet ?? '' }),
  gatewayIsIp: (t) => t.enrollRuleGatewayIsIp,
  serialDuplicate: (t, p) => t.enrollRuleSerialDuplicate({ first: p.first ?? '' }),
  consent: (t) => t.enrollRuleConsent,
  devicesCount: (t) => t.enrollRuleDevicesCount({ max: FORM_MAX_DEVICES }),
  dnsCount: (t) => t.enrollRuleDnsCount,
  unknownSerial: (t) => t.enrollRuleUnknownSerial,
};

const WARNING_TEXT: Record<WarningRule, (t: Messages) => string> = {
  macOui: (t) => t.enrollWarnMacOui,
  serialPattern: (t) => t.enrollWarnSerialPattern,
  comTestNg: (t) => t.enrollWarnComTestNg,
};

function formatValue(t: Messages, v: unknown): string {
  return v === undefined ? t.enrollValueMissing : JSON.stringify(v);
}

/** 'devices[1].gateway (DCQ00000) "11.22.22.55": the gateway must be inside 10.1.2.0/24 …' */
export function formatProblem(t: Messages, p: FormProblem): string {
  const where = p.serial ? `${p.path} (${p.serial})` : p.path;
  return `${where} ${formatValue(t, p.value)}: ${RULE_TEXT[p.rule](t, p.params ?? {})}`;
}

export function formatWarning(t: Messages, w: FormWarning): string {
  return `${w.path} ${JSON.stringify(w.value)}: ${WARNING_TEXT[w.rule](t)}`;
}

/** The same problems as data for --json, each with its message in the user's language. */
export function buildValidationJson(t: Messages, check: Pick<FormCheck, 'ok' | 'problems' | 'warnings'>) {
  return {
    ok: check.ok,
    problems: check.problems.map((p) => ({ ...p, value: p.value ?? null, message: formatProblem(t, p) })),
    warnings: check.warnings.map((w) => ({ ...w, message: formatWarning(t, w) })),
  };
}

/** The form breaks rules: every field is listed, nothing is sent (exit 2). */
export class FormInvalidError extends EclubError {
  constructor(readonly problems: readonly FormProblem[]) {
    super(
      ExitCode.USAGE,
      (t) => [t.enrollFormInvalid({ count: problems.length }), ...problems.map((p) => `  ${formatProblem(t, p)}`)].join('\n'),
      (t) => t.enrollFormInvalidFix,
    );
  }
}
