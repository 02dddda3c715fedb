// Both languages' tables, for code that renders in either (tests, reports); the CLI's start
// loads only the user's one through `loadMessages` (src/ui/lang.ts).
import { en } from './messages-en.js';
import { ko } from './messages-ko.js';

export { en, ko };
export { LANGS, loadMessages, parseLang, type Lang, type Render } from './lang.js';
import type { Lang } from './lang.js';

/** Every user-facing string, as plain strings or typed functions of their parameters. */
export type Messages = typeof en;

export function messagesFor(lang: Lang): Messages {
  return lang === 'ko' ? ko : en;
}
