// The API token on disk: its own file, mode 0600, written atomically. Nothing else
// eclub writes ever holds it.
import { rm } from 'node:fs/promises';
import { readJsonFile, writeFileAtomic } from '../store/atomic.js';
import type { Session } from './client.js';

function isSession(v: unknown): v is Session {
  const s = v as Session | null;
  return typeof s?.token === 'string' && typeof s.partnerId === 'string' && typeof s.endpoint === 'string';
}

/** The saved session, or null when there is none or the file is not one (log in again). */
export async function loadSession(tokenFile: string): Promise<Session | null> {
  let v: unknown;
  try {
    v = await readJsonFile(tokenFile);
  } catch (err) {
    // A damaged token file only means "not logged in"; `eclub login` overwrites it.
    if (err instanceof SyntaxError) return null;
    throw err;
  }
  return isSession(v) ? v : null;
}

export async function saveSession(tokenFile: string, s: Session): Promise<void> {
  await writeFileAtomic(tokenFile, JSON.stringify(s) + '\n', 0o600);
}

/** Remove the token; false when there was none. */
export async function removeSession(tokenFile: string): Promise<boolean> {
  const had = (await loadSession(tokenFile)) !== null;
  await rm(tokenFile, { force: true });
  return had;
}
