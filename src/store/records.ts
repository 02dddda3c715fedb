// One JSON file per key in a folder (device records, NG flows): read with a shape check,
// written atomically, both failing as typed errors naming the file.
import { join } from 'node:path';
import { EclubError, ExitCode } from '../errors.js';
import { readJsonFile, writeFileAtomic } from './atomic.js';

/** `<dir>/<key>.json`, the key reduced to characters safe in a file name. */
export function recordFilePath(dir: string, key: string): string {
  return join(dir, `${key.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
}

/** Why a stored file or folder could not be read: damaged JSON, or the disk said no (ENOTDIR, EACCES, …). */
export function buildStoreReadError(path: string, err: unknown): EclubError {
  const code = (err as NodeJS.ErrnoException).code;
  if (err instanceof SyntaxError || !code) {
    return new EclubError(ExitCode.USAGE, (t) => t.storeCorrupt({ path }), undefined, { cause: err });
  }
  return new EclubError(ExitCode.USAGE, (t) => t.storeReadFailed({ path, reason: code }), (t) => t.storeAccessFix, { cause: err });
}

/** The file's value if it has the expected shape; undefined when absent; a typed error when damaged. */
export async function loadRecordFile<T>(path: string, isValid: (v: unknown) => v is T): Promise<T | undefined> {
  let v: unknown;
  try {
    v = await readJsonFile(path);
  } catch (err) {
    throw buildStoreReadError(path, err);
  }
  if (v === undefined) return undefined;
  if (!isValid(v)) throw new EclubError(ExitCode.USAGE, (t) => t.storeCorrupt({ path }));
  return v;
}

export async function saveRecordFile(path: string, value: unknown): Promise<void> {
  try {
    await writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new EclubError(ExitCode.USAGE, (t) => t.storeWriteFailed({ path, reason }), (t) => t.storeAccessFix, { cause: err });
  }
}
