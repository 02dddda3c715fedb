// Pure normalisers for the values on the enrollment form (가입 신청서): each takes what an
// engineer types or what the paper shows and returns the canonical form, or null when
// the value cannot be read as one. Never guesses: a MAC with a "W" stays invalid.
import { FORM_TIME_ZONE, KR_PHONE } from '../domain.js';
import { buildProductName } from '../snmp/identify.js';
import { parseMac as readMac } from '../checks/rules.js';

/**
 * Korean phone numbers to the hyphenated canonical form: "(02) 712 - 1234" → 02-712-1234,
 * "0311234567" → 031-123-4567, "+82 10 1234 5678" → 010-1234-5678, "15773037" → 1577-3037.
 */
export function parsePhone(text: string): string | null {
  const raw = text.trim();
  // The paper writes "(02) 712 - 1234"; people also type dots and spaces.
  if (!/^\+?[\d\s().-]+$/.test(raw)) return null;
  // Written in groups, the last group is the 4-digit line number: "02-712-12345" is a typo.
  const groups = raw.split(/\D+/).filter(Boolean);
  if (groups.length > 1 && groups[groups.length - 1]!.length !== 4) return null;
  let d = groups.join('');
  if (raw.startsWith('+')) {
    if (!d.startsWith('82')) return null;
    d = '0' + d.slice(2).replace(/^0/, '');
  }
  const split = (prefixLength: number) => {
    const prefix = d.slice(0, prefixLength);
    const rest = d.slice(prefixLength);
    if (rest.length !== 7 && rest.length !== 8) return null;
    const mid = rest.length - 4;
    return `${prefix}-${rest.slice(0, mid)}-${rest.slice(mid)}`;
  };
  if (d.startsWith(KR_PHONE.seoul) && /^02[1-9]/.test(d)) return split(2);
  const three = d.slice(0, 3);
  if ((KR_PHONE.regional as readonly string[]).includes(three)) return split(3);
  if ((KR_PHONE.mobile as readonly string[]).includes(three)) {
    // 010 numbers always have 8 digits after the prefix; the old 01X numbers 7 or 8.
    if (three === '010' && d.length !== 11) return null;
    return split(3);
  }
  if ((KR_PHONE.representative as readonly string[]).includes(d.slice(0, 2)) && d.length === 8) {
    return `${d.slice(0, 4)}-${d.slice(4)}`;
  }
  return null;
}

/** A MAC address to 12 uppercase hex digits; null for anything else (012346CW69A5). The one parser: src/checks/rules.ts. */
export function parseMac(text: string): string | null {
  return readMac(text).mac;
}

/**
 * A model name as the form writes it (iR C2550i → IRC2550I): the SNMP reader's own rule,
 * `buildProductName`, so a typed name and a read one always agree; then only the
 * characters a model name has.
 */
export function parseProductName(text: string): string | null {
  const name = buildProductName(text.trim());
  return name !== null && /^[A-Z0-9][A-Z0-9+/_.()]{1,39}$/.test(name) ? name : null;
}

/** The serial (기번): letters and digits, in capitals. The 8-character pattern is only a warning. */
export function parseSerial(text: string): string | null {
  const s = text.trim().toUpperCase();
  return /^[A-Z0-9]{4,20}$/.test(s) ? s : null;
}

/** An e-mail address, trimmed, domain in lower case. Deliberately plain: local@domain.tld. */
export function parseEmail(text: string): string | null {
  const m = /^([^\s@<>(),;:"]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)$/.exec(text.trim());
  if (!m || m[0].length > 254) return null;
  const domain = m[2]!;
  if (domain.split('.').some((label) => label.startsWith('-') || label.endsWith('-'))) return null;
  return `${m[1]}@${domain.toLowerCase()}`;
}

/** A calendar date: 2010-07-15, 2010.7.15, 2010/07/15, 2010년 7월 15일 → 2010-07-15. */
export function parseDate(text: string): string | null {
  const m = /^(\d{4})\s*(?:[-./]|년)\s*(\d{1,2})\s*(?:[-./]|월)\s*(\d{1,2})\s*일?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Today's date where the customer is (Asia/Seoul), as YYYY-MM-DD: the default 가입일. */
export function buildToday(now: Date): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: FORM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Names and other free text: trimmed, inner runs of white space made one space. */
export function parseText(text: string, max = 100): string | null {
  const s = text.trim().replace(/\s+/g, ' ');
  return s.length >= 1 && s.length <= max ? s : null;
}
