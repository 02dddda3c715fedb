// The reference server's request checks (ECLUB-API.md "Rules the server enforces"): pure,
// every problem at once as {path, message}, in English like any server's text.
import { checkNetworkFields, type NetworkProblem } from '../enroll/network.js';
import { messagesFor } from '../ui/i18n.js';
import { isIsoDate } from '../enroll/dates.js';
import { WITHDRAWAL_REASONS } from '../domain.js';

export interface FieldError {
  path: string;
  message: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const en = messagesFor('en');

function networkErrors(prefix: string, v: Obj): FieldError[] {
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  const dns = v.dns === undefined ? null : Array.isArray(v.dns) ? v.dns.map(str) : [''];
  const problems: NetworkProblem[] = checkNetworkFields({
    ip: str(v.ip),
    subnet: str(v.subnet),
    gateway: str(v.gateway),
    mac: v.mac === undefined ? null : str(v.mac),
    dns,
  });
  return problems.map((p) => ({ path: `${prefix}${p.field}`, message: en.apiRule({ rule: p.rule }) }));
}

function requireText(errors: FieldError[], o: Obj, path: string, keys: readonly string[]): void {
  for (const k of keys) if (!isText(o[k])) errors.push({ path: `${path}${k}`, message: 'required text' });
}

export function checkEnrollmentBody(body: unknown): FieldError[] {
  if (!isObj(body)) return [{ path: '', message: 'expected a JSON object' }];
  const errors: FieldError[] = [];
  if (!isIsoDate(body.joinDate)) errors.push({ path: 'joinDate', message: 'expected a date YYYY-MM-DD' });
  if (isObj(body.customer)) requireText(errors, body.customer, 'customer.', ['company', 'signatory', 'email', 'phone']);
  else errors.push({ path: 'customer', message: 'required object' });
  if (isObj(body.partner)) requireText(errors, body.partner, 'partner.', ['name', 'engineer', 'phone']);
  else errors.push({ path: 'partner', message: 'required object' });
  const consent = isObj(body.consent) ? body.consent : {};
  for (const k of ['statusCollection', 'privacy']) {
    if (consent[k] !== true) errors.push({ path: `consent.${k}`, message: 'the customer must consent (true)' });
  }
  const devices = Array.isArray(body.devices) ? body.devices : null;
  if (!devices || devices.length < 1 || devices.length > 100) {
    errors.push({ path: 'devices', message: 'expected 1 to 100 devices' });
    return errors;
  }
  const seen = new Map<string, number>();
  devices.forEach((d, i) => {
    const p = `devices[${i}].`;
    if (!isObj(d)) {
      errors.push({ path: `devices[${i}]`, message: 'expected an object' });
      return;
    }
    requireText(errors, d, p, ['productName', 'serial']);
    if (d.mac === undefined) errors.push({ path: `${p}mac`, message: 'required text' });
    errors.push(...networkErrors(p, d));
    if (typeof d.serial === 'string') {
      const first = seen.get(d.serial);
      if (first !== undefined) errors.push({ path: `${p}serial`, message: `same serial as devices[${first}]` });
      else seen.set(d.serial, i);
    }
  });
  return errors;
}

export function checkRelocationBody(body: unknown): FieldError[] {
  if (!isObj(body)) return [{ path: '', message: 'expected a JSON object' }];
  const errors = networkErrors('', body);
  if (body.reason !== undefined && typeof body.reason !== 'string') errors.push({ path: 'reason', message: 'expected text' });
  return errors;
}

export function checkWithdrawalBody(body: unknown): FieldError[] {
  if (!isObj(body)) return [{ path: '', message: 'expected a JSON object' }];
  const errors: FieldError[] = [];
  if (!WITHDRAWAL_REASONS.includes(body.reason as (typeof WITHDRAWAL_REASONS)[number])) {
    errors.push({ path: 'reason', message: `expected one of: ${WITHDRAWAL_REASONS.join(', ')}` });
  }
  if (body.effectiveDate !== undefined && !isIsoDate(body.effectiveDate)) {
    errors.push({ path: 'effectiveDate', message: 'expected a date YYYY-MM-DD' });
  }
  if (body.note !== undefined && typeof body.note !== 'string') errors.push({ path: 'note', message: 'expected text' });
  return errors;
}
