// Gathering the form: flags win, then --file, then the partner defaults from config, then
// the prompt. `buildDraft` is pure (it also completes devices from setup's records);
// `askMissing` asks for what is still missing, or — with nobody to ask — names every flag at once.
import type { Messages } from '../ui/i18n.js';
import type { Prompter } from '../ui/prompt.js';
import type { Output } from '../ui/output.js';
import { CancelledError, EclubError, ExitCode, UsageError } from '../errors.js';
import type { DeviceRecord } from '../types.js';
import type { FormProblem } from './form.js';
import { FORM_CLAUSES, FORM_PRIVACY } from './print.js';
import { buildProductName } from '../snmp/identify.js';
import { parseEmail, parsePhone, parseSerial, parseText } from './normalise.js';

export interface EnrollFlags {
  company?: string;
  department?: string;
  email?: string;
  phone?: string;
  signatory?: string;
  partner?: string;
  engineer?: string;
  partnerPhone?: string;
  device?: string[];
  allDevices?: boolean;
  consent?: boolean;
  joinDate?: string;
}

/** Partner details kept in config (`eclub config set partner.name …`). */
export interface PartnerDefaults {
  name?: string;
  engineer?: string;
  phone?: string;
}

type TextFlag = 'company' | 'department' | 'email' | 'phone' | 'signatory' | 'partner' | 'engineer' | 'partnerPhone';

/** A text field of the form: where it goes in the body, the flag that gives it, how to read it. */
export interface TextField {
  key: TextFlag;
  section: 'customer' | 'partner';
  name: string;
  flag: string;
  label: (t: Messages) => string;
  parse: (s: string) => string | null;
  invalid: (t: Messages) => string;
}

export const TEXT_FIELDS: readonly TextField[] = [
  { key: 'company', section: 'customer', name: 'company', flag: '--company', label: (t) => t.enrollFieldCompany, parse: (s) => parseText(s), invalid: (t) => t.enrollRuleText },
  { key: 'department', section: 'customer', name: 'department', flag: '--department', label: (t) => t.enrollFieldDepartment, parse: (s) => parseText(s), invalid: (t) => t.enrollRuleText },
  { key: 'email', section: 'customer', name: 'email', flag: '--email', label: (t) => t.enrollFieldEmail, parse: parseEmail, invalid: (t) => t.enrollRuleEmail },
  { key: 'phone', section: 'customer', name: 'phone', flag: '--phone', label: (t) => t.enrollFieldPhone, parse: parsePhone, invalid: (t) => t.enrollRulePhone },
  { key: 'signatory', section: 'customer', name: 'signatory', flag: '--signatory', label: (t) => t.enrollFieldSignatory, parse: (s) => parseText(s), invalid: (t) => t.enrollRuleText },
  { key: 'partner', section: 'partner', name: 'name', flag: '--partner', label: (t) => t.enrollFieldPartner, parse: (s) => parseText(s), invalid: (t) => t.enrollRuleText },
  { key: 'engineer', section: 'partner', name: 'engineer', flag: '--engineer', label: (t) => t.enrollFieldEngineer, parse: (s) => parseText(s), invalid: (t) => t.enrollRuleText },
  { key: 'partnerPhone', section: 'partner', name: 'phone', flag: '--partner-phone', label: (t) => t.enrollFieldPartnerPhone, parse: parsePhone, invalid: (t) => t.enrollRulePhone },
];

/** Something the form still needs, and the flag that would give it. */
export type Missing =
  | { kind: 'text'; field: TextField }
  | { kind: 'devices'; flag: '--device' }
  | { kind: 'consent'; flag: '--consent' };

type Obj = Record<string, unknown>;

/** The form as gathered so far: the API body's shape, values not yet validated. */
export interface Draft {
  body: Obj & { customer: Obj; partner: Obj; devices?: unknown };
  missing: Missing[];
  /** Problems found while gathering (a serial with no record), listed with validation's. */
  problems: FormProblem[];
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function defined<T extends Obj>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/** A form device from setup's record: what SNMP read, corrected by what the engineer answered. */
export function buildDeviceFromRecord(r: DeviceRecord): Obj {
  const d = r.device;
  const productName = d.productName ?? buildProductName(d.model);
  // COM-TEST can only pass with E-RDS set to 1 (DOMAIN.md §2.4).
  const erdsEnabled = r.steps.find((s) => s.id === 'erds-enable')?.confirmed ?? null;
  const erds =
    erdsEnabled !== null || r.answers.comTest !== null
      ? defined({ enabled: erdsEnabled === true || r.answers.comTest === 'OK', comTest: r.answers.comTest, checkedAt: r.updatedAt })
      : undefined;
  return defined({
    productName,
    serial: d.serial,
    ip: d.ip,
    subnet: d.subnet,
    // The engineer's answer wins: SNMP often has no gateway on Canon (DOMAIN.md §3).
    gateway: r.answers.gateway ?? d.gateway,
    mac: d.mac,
    dns: r.answers.dns && r.answers.dns.length > 0 ? r.answers.dns : undefined,
    erds,
  });
}

/** Find the record of a serial as typed (any case, spaces around). */
export function findRecord(records: readonly DeviceRecord[], serial: string): DeviceRecord | undefined {
  const s = parseSerial(serial) ?? serial.trim();
  return records.find((r) => (r.device.serial ?? '').toUpperCase() === s || r.key === s);
}

const DEVICE_FIELDS = ['productName', 'serial', 'ip', 'subnet', 'gateway', 'mac'] as const;

/** A file's device entry completed from its record: the entry's own values win. */
function completeDevice(entry: unknown, records: readonly DeviceRecord[], i: number, problems: FormProblem[]): unknown {
  if (!isObj(entry) || typeof entry.serial !== 'string') return entry;
  const record = findRecord(records, entry.serial);
  if (record) return { ...buildDeviceFromRecord(record), ...entry };
  if (DEVICE_FIELDS.some((k) => entry[k] === undefined)) {
    problems.push({ path: `devices[${i}].serial`, value: entry.serial, rule: 'unknownSerial' });
  }
  return entry;
}

/** Merge the sources into a draft and list what is still missing. Pure. */
export function buildDraft(o: {
  flags: EnrollFlags;
  file?: unknown;
  partnerDefaults?: PartnerDefaults;
  records: readonly DeviceRecord[];
  today: string;
}): Draft {
  const { flags, records } = o;
  const file: Obj = isObj(o.file) ? o.file : {};
  const problems: FormProblem[] = [];
  const missing: Missing[] = [];
  const fromFile = (section: string, name: string) => (isObj(file[section]) ? (file[section] as Obj)[name] : undefined);
  const body: Draft['body'] = {
    ...file,
    joinDate: flags.joinDate ?? file.joinDate ?? o.today,
    customer: isObj(file.customer) ? { ...file.customer } : {},
    partner: isObj(file.partner) ? { ...file.partner } : {},
  };
  const defaults: Record<string, string | undefined> = {
    name: o.partnerDefaults?.name,
    engineer: o.partnerDefaults?.engineer,
    phone: o.partnerDefaults?.phone,
  };
  for (const f of TEXT_FIELDS) {
    const v = flags[f.key] ?? fromFile(f.section, f.name) ?? (f.section === 'partner' ? defaults[f.name] : undefined);
    if (v === undefined) missing.push({ kind: 'text', field: f });
    else body[f.section][f.name] = v;
  }
  if (flags.consent) body.consent = { statusCollection: true, privacy: true };
  else if (file.consent === undefined) missing.push({ kind: 'consent', flag: '--consent' });

  const fileDevices = Array.isArray(file.devices) ? (file.devices as unknown[]) : undefined;
  let devices: unknown[] | undefined;
  if (flags.allDevices) {
    devices = records.map(buildDeviceFromRecord);
  } else if (flags.device && flags.device.length > 0) {
    // A flagged serial the file also lists keeps the file's values over the record's.
    devices = flags.device.map((serial) => {
      const own = fileDevices?.find((d) => isObj(d) && typeof d.serial === 'string' && parseSerial(d.serial) === parseSerial(serial));
      return own ?? { serial };
    });
  } else if (file.devices !== undefined) {
    devices = fileDevices ?? undefined;
    if (!fileDevices) body.devices = file.devices; // not a list: validation names it
  }
  if (devices) body.devices = devices.map((d, i) => completeDevice(d, records, i, problems));
  else if (body.devices === undefined) missing.push({ kind: 'devices', flag: '--device' });
  return { body, missing, problems };
}

/** Nobody to ask: every missing value with its flag, at once (exit 2). */
export class MissingFieldsError extends EclubError {
  constructor(readonly missing: readonly Missing[]) {
    super(
      ExitCode.USAGE,
      (t) =>
        [
          t.enrollMissingFields({ count: missing.length }),
          ...missing.map((m) => t.enrollMissingFieldLine(describeMissing(t, m))),
        ].join('\n'),
      (t) => t.enrollMissingFieldsFix,
    );
  }
}

function describeMissing(t: Messages, m: Missing): { flag: string; what: string } {
  if (m.kind === 'text') return { flag: m.field.flag, what: m.field.label(t) };
  if (m.kind === 'devices') return { flag: `${m.flag} / --all-devices`, what: t.enrollFieldDevices };
  return { flag: m.flag, what: t.enrollFieldConsent };
}

export interface AskDeps {
  prompt: Prompter;
  t: Messages;
  out: Pick<Output, 'info'>;
  noInput: boolean;
  /** Where the answers so far are kept (after each one), to resume with --file after Ctrl-C. */
  keep?: { path: string; save(body: Draft['body']): Promise<void> };
}

/** Ask for every missing value (devices from a checkbox of setup's records, several at once). */
export async function askMissing(deps: AskDeps, draft: Draft, records: readonly DeviceRecord[]): Promise<void> {
  if (draft.missing.length === 0) return;
  if (deps.noInput) throw new MissingFieldsError(draft.missing);
  for (const m of draft.missing) {
    try {
      await askOne(deps, draft, m, records);
    } catch (err) {
      // Ctrl-C: say where the answers so far are (STYLE.md habit 7); other errors pass as they are.
      if (err instanceof CancelledError && deps.keep) throw new CancelledError((x) => x.cancelledKept({ path: deps.keep!.path }));
      throw err;
    }
    await deps.keep?.save(draft.body);
  }
  draft.missing = [];
}

async function askOne(deps: AskDeps, draft: Draft, m: Missing, records: readonly DeviceRecord[]): Promise<void> {
  const { prompt, t, out } = deps;
  if (m.kind === 'text') {
    const f = m.field;
    draft.body[f.section][f.name] = await prompt.input({
      message: f.label(t),
      flag: f.flag,
      validate: (v) => (f.parse(v) === null ? f.invalid(t) : true),
    });
  } else if (m.kind === 'devices') {
    draft.body.devices = (await askDevices(deps, records)).map((r) => buildDeviceFromRecord(r));
  } else {
    out.info(`\n${t.enrollConsentTitle}`);
    FORM_CLAUSES.forEach((c, i) => out.info(`  ${i + 1}. ${c}`));
    out.info(`  ${FORM_PRIVACY}\n`);
    const statusCollection = await prompt.confirm({ message: t.enrollAskConsentStatus, flag: m.flag, default: false });
    const privacy = await prompt.confirm({ message: t.enrollAskConsentPrivacy, flag: m.flag, default: false });
    draft.body.consent = { statusCollection, privacy };
  }
}

/**
 * Ticked in the device list at first: not yet enrolled, a family e-Club covers, a serial
 * the form needs (a record keyed by MAC has none) and no COM-TEST NG.
 */
export function isPickedByDefault(r: DeviceRecord): boolean {
  return !r.enrollment && r.device.serial !== null && r.device.family !== 'other' && r.answers.comTest !== 'NG';
}

async function askDevices(deps: AskDeps, records: readonly DeviceRecord[]): Promise<DeviceRecord[]> {
  const { prompt, t } = deps;
  if (records.length === 0) throw new UsageError((x) => x.enrollNoRecords);
  const picked = await prompt.checkbox({
    message: t.enrollAskDevices,
    flag: '--device',
    choices: records.map((r) => ({
      value: r.key,
      name: t.enrollDeviceChoice({
        serial: r.device.serial ?? r.key,
        productName: r.device.productName ?? r.device.model ?? '?',
        ip: r.device.ip ?? r.device.host,
        enrolled: r.enrollment?.id ?? '',
      }),
      checked: isPickedByDefault(r),
    })),
  });
  return records.filter((r) => picked.includes(r.key));
}

/** Devices on the form whose record says they are already enrolled (the server will say 409). */
export function checkAlreadyEnrolled(
  serials: readonly string[],
  records: readonly DeviceRecord[],
): Array<{ serial: string; id: string; status: string }> {
  return serials.flatMap((serial) => {
    const e = findRecord(records, serial)?.enrollment;
    // A withdrawn or rejected device may be enrolled again.
    return e && e.status !== 'withdrawn' && e.status !== 'rejected' ? [{ serial, id: e.id, status: e.status }] : [];
  });
}
