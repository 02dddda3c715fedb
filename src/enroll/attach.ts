// The signed scan: checked here by content and size before anything is sent (exit 2),
// then queued by reference (path + sha256) and uploaded through the outbox.
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { EclubError, ExitCode, UsageError } from '../errors.js';
import type { Paths } from '../store/paths.js';
import type { Api } from './client.js';
import { sha256Hex, sendViaOutbox, type SendOutcome } from './outbox.js';
import { detectScanType, MAX_SCAN_BYTES, scanExtension } from './scan.js';

/** A file that cannot be a signed scan: wrong content or too large. Exit 2, nothing sent. */
export class ScanRejectedError extends EclubError {
  constructor(render: ConstructorParameters<typeof EclubError>[1]) {
    super(ExitCode.USAGE, render, (t) => t.apiAttachFix);
  }
}

export async function attachScan(api: Api, paths: Paths, enrollmentId: string, file: string): Promise<SendOutcome> {
  const path = resolve(file);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new UsageError((t) => t.fileUnreadable({ option: '<file>', path: file, reason }), undefined, { cause: err });
  }
  if (size > MAX_SCAN_BYTES) throw new ScanRejectedError((t) => t.apiAttachTooLarge({ path: file, size }));
  if (size === 0) throw new ScanRejectedError((t) => t.apiAttachEmpty({ path: file }));
  const bytes = await readFile(path);
  const type = detectScanType(bytes);
  if (!type) throw new ScanRejectedError((t) => t.apiAttachWrongType({ path: file }));
  const name = /\.[A-Za-z0-9]{1,5}$/.test(basename(path)) ? basename(path) : `${basename(path)}.${scanExtension(type)}`;
  return sendViaOutbox(api, paths, {
    kind: 'attachment',
    path: `/v1/enrollments/${encodeURIComponent(enrollmentId)}/attachments`,
    body: null,
    serials: [],
    file: { path, name, type, size: bytes.length, sha256: sha256Hex(bytes) },
  });
}
