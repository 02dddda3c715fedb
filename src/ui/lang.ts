// Choosing and loading the user's language, without loading every table (src/ui/i18n.ts has both).
import type { Messages } from './i18n.js';

export type Lang = 'ko' | 'en';
export const LANGS: readonly Lang[] = ['ko', 'en'];

/** A message not yet rendered: errors and results carry these so the reporter picks the language. */
export type Render = (t: Messages) => string;

/** Load only the chosen language's table (the start-up path; `messagesFor` in i18n.ts loads both). */
export async function loadMessages(lang: Lang): Promise<Messages> {
  return lang === 'ko' ? (await import('./messages-ko.js')).ko : (await import('./messages-en.js')).en;
}

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
