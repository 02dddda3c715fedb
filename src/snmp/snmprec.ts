// snmpsim's .snmprec walk format: one `OID|TYPE|VALUE` a line (DOMAIN.md §3). Pure.
import { UsageError } from '../errors.js';
import type { Render } from '../ui/i18n.js';
import { compareOids } from './oids.js';
import type { Varbind, VarbindType } from './session.js';

export type WalkEntry = Varbind & { value: number | bigint | Buffer | string };

/** A bad line in a walk file: names the file, the line and what was wrong. */
export class SnmprecError extends UsageError {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: Render,
  ) {
    super((t) => t.snmpSnmprecBadLine({ file, line, reason: reason(t) }));
  }
}

const TYPES: Readonly<Record<string, VarbindType>> = {
  '2': 'Integer',
  '4': 'OctetString',
  '5': 'Null',
  '6': 'OID',
  '64': 'IpAddress',
  '65': 'Counter32',
  '66': 'Gauge32',
  '67': 'TimeTicks',
  '68': 'Opaque',
  '70': 'Counter64',
};

const OID_RE = /^\.?\d+(\.\d+)+$/;
const U32 = 0xffffffff;

/** null: the text is not a valid value of that type. */
type Parsed = { value: WalkEntry['value'] } | null;

function parseValue(type: VarbindType, hex: boolean, text: string): Parsed {
  const bytes = hex ? (/^([0-9a-fA-F]{2})*$/.test(text) ? Buffer.from(text, 'hex') : null) : null;
  if (hex && bytes === null) return null;
  switch (type) {
    case 'OctetString':
    case 'Opaque':
      return { value: bytes ?? Buffer.from(text, 'utf8') };
    case 'Integer': {
      if (!/^-?\d+$/.test(text)) return null;
      const n = Number(text);
      if (n < -0x80000000 || n > 0x7fffffff) return null;
      return { value: n };
    }
    case 'Counter32':
    case 'Gauge32':
    case 'TimeTicks': {
      if (!/^\d+$/.test(text) || Number(text) > U32) return null;
      return { value: Number(text) };
    }
    case 'Counter64':
      if (!/^\d+$/.test(text) || BigInt(text) >= 1n << 64n) return null;
      return { value: BigInt(text) };
    case 'OID':
      if (!OID_RE.test(text)) return null;
      return { value: text.replace(/^\./, '') };
    case 'IpAddress': {
      const ip = bytes && bytes.length === 4 ? [...bytes].join('.') : text;
      const parts = ip.split('.');
      if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) {
        return null;
      }
      return { value: ip };
    }
    case 'Null':
      return { value: '' };
    default:
      return null;
  }
}

/** Parse a walk; entries come out sorted by OID (numerically). Blank lines and # comments skipped. */
export function parseSnmprec(text: string, file = '<walk>'): WalkEntry[] {
  const entries: WalkEntry[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fail = (reason: Render): never => {
      throw new SnmprecError(file, i + 1, reason);
    };
    const first = line.indexOf('|');
    const second = first < 0 ? -1 : line.indexOf('|', first + 1);
    if (first < 0 || second < 0) fail((t) => t.snmpSnmprecNotThreeFields);
    const oid = line.slice(0, first).replace(/^\./, '');
    const typeCode = line.slice(first + 1, second);
    const value = raw.trimStart().slice(second + 1).replace(/\r$/, '');
    if (!OID_RE.test(oid)) fail((t) => t.snmpSnmprecBadOid({ oid }));
    const hex = typeCode.endsWith('x');
    const type = TYPES[hex ? typeCode.slice(0, -1) : typeCode];
    if (!type) fail((t) => t.snmpSnmprecBadType({ type: typeCode, allowed: Object.keys(TYPES).join(', ') + ', 4x' }));
    const parsed = parseValue(type!, hex, value);
    if (parsed === null) return fail((t) => t.snmpSnmprecBadValue({ value, type: typeCode }));
    if (seen.has(oid)) fail((t) => t.snmpSnmprecDuplicate({ oid }));
    seen.add(oid);
    entries.push({ oid, type: type!, value: parsed.value });
  });
  return entries.sort((a, b) => compareOids(a.oid, b.oid));
}
