import * as common from './messages/common.js';
import * as snmp from './messages/snmp.js';
import * as checks from './messages/checks.js';
import * as setup from './messages/setup.js';
import * as diagnose from './messages/diagnose.js';
import * as enroll from './messages/enroll.js';
import * as discover from './messages/discover.js';
import * as simulate from './messages/simulate.js';
import * as api from './messages/api.js';
import * as reach from './messages/reach.js';

export const en = {
  ...common.en,
  ...snmp.en,
  ...checks.en,
  ...setup.en,
  ...diagnose.en,
  ...enroll.en,
  ...discover.en,
  ...simulate.en,
  ...api.en,
  ...reach.en,
};

/** Every user-facing string, as plain strings or typed functions of their parameters. */
export type Messages = typeof en;

export const ko: Messages = {
  ...common.ko,
  ...snmp.ko,
  ...checks.ko,
  ...setup.ko,
  ...diagnose.ko,
  ...enroll.ko,
  ...discover.ko,
  ...simulate.ko,
  ...api.ko,
  ...reach.ko,
};

export type Lang = 'ko' | 'en';
export const LANGS: readonly Lang[] = ['ko', 'en'];

export function messagesFor(lang: Lang): Messages {
  return lang === 'ko' ? ko : en;
}

/** A message not yet rendered: errors and results carry these so the reporter picks the language. */
export type Render = (t: Messages) => string;

/**
 * Pick the language: --lang, then ECLUB_LANG, then LC_ALL/LC_MESSAGES/LANG, then the
 * OS locale (Windows has no LANG; Intl reports the user's locale there). English otherwise.
 */
export function parseLang(
  flag: string | undefined,
  env: Record<string, string | undefined>,
  // Lazy: initialising Intl costs ~10 ms, and most shells set LANG anyway.
  osLocale: () => string = () => Intl.DateTimeFormat().resolvedOptions().locale,
): Lang | undefined {
  const pick = (v: string | undefined): Lang | undefined => {
    if (!v) return undefined;
    const s = v.toLowerCase();
    if (s.startsWith('ko')) return 'ko';
    if (s.startsWith('en') || s === 'c' || s === 'posix' || s.startsWith('c.')) return 'en';
    return undefined;
  };
  if (flag !== undefined) return flag === 'ko' || flag === 'en' ? flag : undefined;
  return (
    pick(env.ECLUB_LANG) ??
    pick(env.LC_ALL) ??
    pick(env.LC_MESSAGES) ??
    pick(env.LANG) ??
    pick(osLocale()) ??
    'en'
  );
}
