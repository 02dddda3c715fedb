import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';

/**
 * Read a file that an option (or argument) names; a file that cannot be read is a usage
 * error naming the option, the path and why — never a stack trace.
 */
export async function readOptionFile(option: string, path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new UsageError((t) => t.fileUnreadable({ option, path, reason }), undefined, { cause: err });
  }
}

export async function readOptionText(option: string, path: string): Promise<string> {
  return (await readOptionFile(option, path)).toString('utf8');
}
