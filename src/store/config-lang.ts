// The one setting needed before the program is built: `lang`, read without zod so
// `eclub --help` stays fast. An unreadable or odd file means "not set"; `eclub config`
// reports it properly.
import { readFileSync } from 'node:fs';
import { resolvePaths } from './paths.js';

export function readConfiguredLang(env: Record<string, string | undefined>): string | undefined {
  let text: string;
  try {
    text = readFileSync(resolvePaths(env).configFile, 'utf8');
  } catch (err) {
    // Missing or unreadable (EACCES, EISDIR...): not set here; `eclub config` names the problem.
    if (typeof (err as NodeJS.ErrnoException).code === 'string') return undefined;
    throw err;
  }
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    if (err instanceof SyntaxError) return undefined;
    throw err;
  }
  const lang = (v as { lang?: unknown } | null)?.lang;
  return lang === 'ko' || lang === 'en' ? lang : undefined;
}
