// Pure: who made the device, which e-Club family it is, and its product name on the form.
import { CANON_ENTERPRISE_OID } from '../domain.js';
import type { Family } from '../types.js';

/** IANA enterprise numbers of printer makers, for naming a non-Canon device. */
const ENTERPRISE_VENDORS: Readonly<Record<string, string>> = {
  '1602': 'Canon',
  '11': 'HP',
  '1248': 'Epson',
  '2435': 'Brother',
  '253': 'Xerox',
  '297': 'Fuji Xerox',
  '1347': 'Kyocera',
  '367': 'Ricoh',
  '18334': 'Konica Minolta',
  '236': 'Samsung',
  '2001': 'OKI',
  '1129': 'Toshiba',
  '641': 'Lexmark',
  '2385': 'Sharp',
};

const DESCR_VENDORS: ReadonlyArray<[RegExp, string]> = [
  [/\bcanon\b/i, 'Canon'],
  [/\b(hp|hewlett[- ]packard)\b/i, 'HP'],
  [/\bepson\b/i, 'Epson'],
  [/\bbrother\b/i, 'Brother'],
  [/\bfuji ?xerox\b/i, 'Fuji Xerox'],
  [/\bxerox\b/i, 'Xerox'],
  [/\bkyocera\b/i, 'Kyocera'],
  [/\bricoh\b/i, 'Ricoh'],
  [/\b(konica|minolta)\b/i, 'Konica Minolta'],
  [/\bsamsung\b/i, 'Samsung'],
  [/\boki\b/i, 'OKI'],
  [/\blexmark\b/i, 'Lexmark'],
  [/\bsharp\b/i, 'Sharp'],
];

/** Canon by sysObjectID under 1.3.6.1.4.1.1602, or by sysDescr; other makers by the same two. */
export function buildVendor(sysObjectId: string | null, sysDescr: string | null): string | null {
  if (sysObjectId) {
    if (sysObjectId === CANON_ENTERPRISE_OID || sysObjectId.startsWith(CANON_ENTERPRISE_OID + '.')) return 'Canon';
    const m = /^1\.3\.6\.1\.4\.1\.(\d+)(\.|$)/.exec(sysObjectId);
    const byOid = m ? ENTERPRISE_VENDORS[m[1]!] : undefined;
    if (byOid) return byOid;
  }
  if (sysDescr) {
    for (const [re, name] of DESCR_VENDORS) if (re.test(sysDescr)) return name;
  }
  return null;
}

/** "Canon iR-ADV C5535 /P" → "iR-ADV C5535": the maker's prefix and the "/P" print-controller tag go. */
export function buildModel(text: string | null): string | null {
  if (!text) return null;
  const model = text
    .replace(/^canon\s+/i, '')
    .replace(/\s*\/\s*P\s*$/i, '')
    .replace(/;.*$/, '')
    .trim();
  return model || null;
}

/**
 * e-Club covers iR, iRC and iR-ADV; anything else (LBP, MF, TM, other makers) is 'other'.
 * iR-ADV: "iR-ADV C5535i", "imageRUNNER ADVANCE C5535i"; iRC: "iR C2550i", "iRC3380";
 * iR: "iR2525", "iR 2018", "imageRUNNER 2525".
 */
export function buildFamily(vendor: string | null, model: string | null, sysDescr: string | null): Family {
  if (vendor !== null && vendor !== 'Canon') return 'other';
  for (const text of [model, sysDescr]) {
    if (!text) continue;
    const s = text.replace(/^canon\s+/i, '').trim();
    if (/^(iR[- ]?ADV|imageRUNNER\s+ADVANCE)\b/i.test(s)) return 'iR-ADV';
    if (/^(iR[- ]?C\s?\d|imageRUNNER\s+C\s?\d)/i.test(s)) return 'iRC';
    if (/^(iR[- ]?\d|imageRUNNER\s+\d)/i.test(s)) return 'iR';
  }
  return 'other';
}

/**
 * The product name as the enrollment form writes it: the model in capitals without spaces or
 * hyphens ("iR C2550i" → "IRC2550I", the manual's example). How "ADV", "DX" and "III" are
 * written is UNCONFIRMED (DOMAIN.md §4): we keep them ("iR-ADV C5535i III" → "IRADVC5535IIII");
 * change it here, and only here, when headquarters confirms.
 */
export function buildProductName(model: string | null): string | null {
  if (!model) return null;
  const name = model.replace(/^canon\s+/i, '').replace(/[\s-]+/g, '').toUpperCase();
  return name || null;
}
