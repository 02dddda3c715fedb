// Pure decoders for what devices send. Strings are bytes: decode them on purpose, and
// read odd values as far as they go (DOMAIN.md §3 "Pitfalls").
import type { Varbind } from './session.js';
import { parseMac } from '../checks/rules.js';

type Value = Varbind['value'] | undefined;

const utf8 = new TextDecoder('utf-8', { fatal: true });
// Node ships full ICU: EUC-KR here is the WHATWG one, i.e. CP949 (UHC) as Korean devices send.
const eucKr = new TextDecoder('euc-kr', { fatal: true });

/** Control characters other than tab/newline mean "binary", not text. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function tryDecode(decoder: { decode(input: Uint8Array): string }, buf: Buffer): string | null {
  try {
    const s = decoder.decode(buf);
    return CONTROL.test(s) ? null : s;
  } catch (err) {
    if (err instanceof TypeError) return null; // not valid in this encoding
    throw err;
  }
}

function isLatin1Printable(buf: Buffer): boolean {
  return buf.every((b) => (b >= 0x20 && b < 0x7f) || b >= 0xa0 || b === 0x09 || b === 0x0a || b === 0x0d);
}

/** Drop trailing NULs and spaces (NUL-padded serials, space-padded models). */
function trimEnd(buf: Buffer): Buffer {
  let end = buf.length;
  while (end > 0 && (buf[end - 1] === 0x00 || buf[end - 1] === 0x20)) end--;
  return buf.subarray(0, end);
}

/**
 * An OctetString as text: UTF-8 if valid, then EUC-KR/CP949 (Korean devices), then Latin-1,
 * else hex. Trailing NULs and spaces trimmed; empty → null.
 */
export function decodeText(value: Value): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.replace(/[\u0000 ]+$/, '').trim() || null;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const buf = trimEnd(value);
  if (buf.length === 0) return null;
  const text = tryDecode(utf8, buf) ?? tryDecode(eucKr, buf) ?? (isLatin1Printable(buf) ? buf.toString('latin1') : null);
  if (text === null) return buf.toString('hex').toUpperCase();
  return text.trim() || null;
}

/** A whole number, from Integer/Counter/Gauge/TimeTicks (or a numeric string); else null. */
export function decodeNumber(value: Value): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  if (Buffer.isBuffer(value)) {
    const s = decodeText(value);
    return s !== null && /^-?\d+$/.test(s) ? Number(s) : null;
  }
  return null;
}

/** An OID value as a string; anything else → null. */
export function decodeOid(value: Value): string | null {
  return typeof value === 'string' && /^\d+(\.\d+)*$/.test(value) ? value : null;
}

/** IpAddress (net-snmp gives "a.b.c.d"), or 4 raw octets. */
export function decodeIpv4(value: Value): string | null {
  if (typeof value === 'string') return /^\d{1,3}(\.\d{1,3}){3}$/.test(value) ? value : null;
  if (Buffer.isBuffer(value) && value.length === 4) return [...value].join('.');
  return null;
}

/**
 * A MAC as the form wants it: 12 uppercase hex digits. Accepts 6 raw bytes, or text such as
 * "00:00:85:BA:57:A6", "00-00-85-ba-57-a6", "0000.85ba.57a6", "000085BA57A6". All zeros → null.
 */
export function decodeMac(value: Value): string | null {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'bigint') return null;
  // Six raw octets, or the address as text in any form the one MAC parser reads (src/checks/rules.ts).
  const text = Buffer.isBuffer(value) && value.length === 6 ? value.toString('hex') : typeof value === 'string' ? value : value.toString('latin1');
  // An all-zero address (the loopback interface) or all-F is no NIC's: parseMac refuses both.
  return parseMac(text).mac;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * SNMPv2-TC DateAndTime (8 or 11 octets) → ISO 8601: "2026-12-04T09:30:00+09:00" with the
 * offset when the device gives one, without it (device-local time) when it does not.
 */
export function decodeDateAndTime(value: Value): string | null {
  if (!Buffer.isBuffer(value) || (value.length !== 8 && value.length !== 11)) return null;
  const year = value.readUInt16BE(0);
  const [month, day, hour, minute, second, deci] = [value[2]!, value[3]!, value[4]!, value[5]!, value[6]!, value[7]!];
  const valid = year >= 1970 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60 && deci <= 9;
  if (!valid) return null;
  let iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  if (deci > 0) iso += `.${deci}`;
  if (value.length === 11) {
    const sign = String.fromCharCode(value[8]!);
    const offH = value[9]!;
    const offM = value[10]!;
    if ((sign !== '+' && sign !== '-') || offH > 14 || offM > 59) return null;
    iso += `${sign}${pad(offH)}:${pad(offM)}`;
  }
  return iso;
}

/** A percentage only when both are valid: level -1/-2/-3 are codes (RFC 3805), max ≤ 0 unknown. */
export function buildSupplyPercent(level: number | null, max: number | null): number | null {
  if (level === null || max === null || level < 0 || max <= 0 || level > max) return null;
  return Math.round((level / max) * 100);
}

/** sysUpTime (hundredths of a second) → whole seconds. */
export function decodeUptime(value: Value): number | null {
  const ticks = decodeNumber(value);
  return ticks === null || ticks < 0 ? null : Math.floor(ticks / 100);
}

/** HOST-RESOURCES-MIB hrDeviceStatus. */
export const HR_DEVICE_STATUS: Readonly<Record<number, string>> = {
  1: 'unknown',
  2: 'running',
  3: 'warning',
  4: 'testing',
  5: 'down',
};

/** HOST-RESOURCES-MIB hrPrinterStatus. */
export const HR_PRINTER_STATUS: Readonly<Record<number, string>> = {
  1: 'other',
  2: 'unknown',
  3: 'idle',
  4: 'printing',
  5: 'warmup',
};

/** hrPrinterDetectedErrorState bits, bit 0 = the first octet's most significant bit (RFC 2790). */
export const PRINTER_ERROR_BITS = [
  'lowPaper',
  'noPaper',
  'lowToner',
  'noToner',
  'doorOpen',
  'jammed',
  'offline',
  'serviceRequested',
  'inputTrayMissing',
  'outputTrayMissing',
  'markerSupplyMissing',
  'outputNearFull',
  'outputFull',
  'inputTrayEmpty',
  'overduePreventMaint',
] as const;

export function decodeEnum(table: Readonly<Record<number, string>>, value: Value): string | null {
  const n = decodeNumber(value);
  if (n === null) return null;
  return table[n] ?? `unknown(${n})`;
}

export function decodePrinterErrors(value: Value): string[] {
  if (!Buffer.isBuffer(value)) return [];
  const names: string[] = [];
  PRINTER_ERROR_BITS.forEach((name, bit) => {
    const byte = value[bit >> 3];
    if (byte !== undefined && (byte & (0x80 >> (bit & 7))) !== 0) names.push(name);
  });
  return names;
}
