// After enrollment: a device's move (이전) and withdrawal (해지), checked before anything
// is sent (every problem at once), then sent through the outbox like an enrollment.
import { InvalidOptionError, UsageError } from '../errors.js';
import type { Messages } from '../ui/i18n.js';
import type { Ctx } from '../context.js';
import { WITHDRAWAL_REASONS, type WithdrawalReason } from '../domain.js';
import { buildKoreanDate, isIsoDate } from './dates.js';
import type { Paths } from '../store/paths.js';
import type { Api } from './client.js';
import { checkNetworkFields, normaliseMac, type NetworkProblem } from './network.js';
import { sendViaOutbox, type SendOutcome } from './outbox.js';

const SERIAL = /^[A-Z0-9][A-Z0-9._-]{0,63}$/;
const ENROLLMENT_ID = /^E-[A-Z0-9-]{1,64}$/;

/** A serial for a URL path: trimmed, upper case; exit 2 when it cannot be one. */
export function parseSerialArg(value: string): string {
  const v = value.trim().toUpperCase();
  if (!SERIAL.test(v)) throw new InvalidOptionError('<serial>', value, (t) => t.apiAllowedSerial);
  return v;
}

export function parseEnrollmentIdArg(value: string): string {
  const v = value.trim().toUpperCase();
  if (!ENROLLMENT_ID.test(v)) throw new InvalidOptionError('<enrollmentId>', value, (t) => t.apiAllowedEnrollmentId);
  return v;
}

export function isEnrollmentId(value: string): boolean {
  return /^E-/i.test(value.trim());
}

/** Every problem of a flag set, with the flag's name: reported together, exit 2. */
export class FlagsInvalidError extends UsageError {
  constructor(readonly problems: { flag: string; value: string; allowed: (t: Messages) => string }[]) {
    super((t) =>
      [t.apiInvalidFields({ count: problems.length }), ...problems.map((p) => t.apiFieldProblem({ field: p.flag, value: p.value, allowed: p.allowed(t) }))].join('\n'),
    );
  }
}

export interface RelocationInput {
  ip: string;
  subnet: string;
  gateway: string;
  mac?: string | undefined;
  dns?: string | undefined;
  reason?: string | undefined;
}

export interface RelocationBody {
  ip: string;
  subnet: string;
  gateway: string;
  mac?: string;
  dns?: string[];
  reason?: string;
}

const FLAG_OF: Record<string, string> = { ip: '--ip', subnet: '--subnet', gateway: '--gateway', mac: '--mac' };

/** The relocation body from the flags; throws FlagsInvalidError naming every bad flag. */
export function buildRelocation(f: RelocationInput): RelocationBody {
  const body: RelocationBody = { ip: f.ip.trim(), subnet: f.subnet.trim(), gateway: f.gateway.trim() };
  if (f.mac !== undefined) body.mac = normaliseMac(f.mac);
  if (f.dns !== undefined) body.dns = f.dns.split(',').map((s) => s.trim()).filter(Boolean);
  if (f.reason !== undefined && f.reason.trim()) body.reason = f.reason.trim();
  const problems = checkNetworkFields(body).map((p: NetworkProblem) => ({
    flag: FLAG_OF[p.field] ?? '--dns',
    value: p.field === 'mac' && f.mac !== undefined ? f.mac : p.value,
    allowed: (t: Messages) => t.apiRule({ rule: p.rule }),
  }));
  if (problems.length > 0) throw new FlagsInvalidError(problems);
  return body;
}

/** What `move --from` learns from the device itself; flags still win over it. */
export interface DeviceAddresses {
  serial: string | null;
  ip: string | null;
  subnet: string | null;
  gateway: string | null;
  mac: string | null;
}

/**
 * The relocation's addresses: flags first, then what the device reported (`--from`), then
 * the gateway asked for (the device may not report one, DOMAIN.md §3). Missing → exit 2.
 */
export async function collectRelocationInput(
  ctx: Ctx,
  serial: string,
  f: Partial<RelocationInput>,
  device: DeviceAddresses | null,
): Promise<RelocationInput> {
  if (device?.serial && device.serial.toUpperCase() !== serial) {
    throw new UsageError((t) => t.apiMoveSerialMismatch({ serial, found: device.serial ?? '' }));
  }
  const ip = f.ip ?? device?.ip ?? undefined;
  const subnet = f.subnet ?? device?.subnet ?? undefined;
  let gateway = f.gateway ?? device?.gateway ?? undefined;
  if (device && ip && subnet && !gateway) gateway = await ctx.prompt.input({ message: ctx.t.apiOptGateway, flag: '--gateway' });
  if (!ip || !subnet || !gateway) throw new UsageError((t) => t.apiMoveNeedsAddress);
  const mac = f.mac ?? device?.mac ?? undefined;
  return { ip, subnet, gateway, mac, dns: f.dns, reason: f.reason };
}


export interface WithdrawalBody {
  reason: WithdrawalReason;
  effectiveDate: string;
  note?: string;
}


export function buildWithdrawal(f: { reason?: string | undefined; date?: string | undefined; note?: string | undefined }, now: Date): WithdrawalBody {
  const problems: FlagsInvalidError['problems'] = [];
  const reason = WITHDRAWAL_REASONS.find((r) => r === f.reason?.trim().toLowerCase());
  if (!reason) {
    problems.push({ flag: '--reason', value: f.reason ?? '', allowed: (t) => t.allowedOneOf({ values: WITHDRAWAL_REASONS.join(', ') }) });
  }
  const date = f.date?.trim() ?? buildKoreanDate(now);
  if (!isIsoDate(date)) problems.push({ flag: '--date', value: date, allowed: (t) => t.apiAllowedDate });
  if (problems.length > 0 || !reason) throw new FlagsInvalidError(problems);
  const body: WithdrawalBody = { reason, effectiveDate: date };
  if (f.note !== undefined && f.note.trim()) body.note = f.note.trim();
  return body;
}

export function submitRelocation(api: Api, paths: Paths, serial: string, body: RelocationBody): Promise<SendOutcome> {
  return sendViaOutbox(api, paths, { kind: 'relocation', path: `/v1/devices/${encodeURIComponent(serial)}/relocations`, body, serials: [serial] });
}

export function submitWithdrawal(api: Api, paths: Paths, serial: string, body: WithdrawalBody): Promise<SendOutcome> {
  return sendViaOutbox(api, paths, { kind: 'withdrawal', path: `/v1/devices/${encodeURIComponent(serial)}/withdrawals`, body, serials: [serial] });
}
