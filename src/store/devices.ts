import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeviceInfo, DeviceRecord } from '../types.js';
import { readJsonFile } from './atomic.js';
import { buildStoreReadError, loadRecordFile, recordFilePath, saveRecordFile } from './records.js';

/** A record's key: the serial (기번); a device without one is keyed by MAC, then host. */
export function buildRecordKey(device: Pick<DeviceInfo, 'serial' | 'mac' | 'host'>): string {
  const raw = device.serial ?? (device.mac ? `mac-${device.mac}` : `host-${device.host}`);
  return raw.replace(/[^A-Za-z0-9._-]/g, '_');
}

const recordPath = recordFilePath;

function isRecord(v: unknown): v is DeviceRecord {
  return typeof v === 'object' && v !== null && (v as DeviceRecord).schema === 1 && typeof (v as DeviceRecord).key === 'string';
}

/** Keep what other commands added (enrollment, events) when setup records a device again. */
export function mergeRecord(old: DeviceRecord | undefined, next: DeviceRecord): DeviceRecord {
  if (!old) return next;
  return {
    ...old,
    ...next,
    createdAt: old.createdAt,
    enrollment: next.enrollment ?? old.enrollment ?? null,
    events: [...(old.events ?? []), ...(next.events ?? [])],
  };
}

export async function loadDeviceRecord(dir: string, key: string): Promise<DeviceRecord | undefined> {
  return loadRecordFile(recordPath(dir, key), isRecord);
}

/** Save (merging with any earlier record of the same device); returns the file's path. */
export async function saveDeviceRecord(dir: string, record: DeviceRecord): Promise<string> {
  const path = recordPath(dir, record.key);
  const merged = mergeRecord(await loadDeviceRecord(dir, record.key), record);
  await saveRecordFile(path, merged);
  return path;
}

/** Update one record in place (enroll, move, withdraw, diagnose); no-op when absent. */
export async function updateDeviceRecord(
  dir: string,
  key: string,
  change: (r: DeviceRecord) => DeviceRecord,
): Promise<DeviceRecord | undefined> {
  const old = await loadDeviceRecord(dir, key);
  if (!old) return undefined;
  const next = change(old);
  await saveRecordFile(recordPath(dir, key), next);
  return next;
}

/** Every readable record, sorted by key; files that are not records are reported in `skipped`. */
export async function listDeviceRecords(dir: string): Promise<{ records: DeviceRecord[]; skipped: string[] }> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], skipped: [] };
    throw buildStoreReadError(dir, err);
  }
  const records: DeviceRecord[] = [];
  const skipped: string[] = [];
  for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) {
    const path = join(dir, name);
    try {
      const v = await readJsonFile(path);
      if (isRecord(v)) records.push(v);
      else skipped.push(path);
    } catch {
      // A damaged file is listed as skipped, not fatal: the other records stay usable.
      skipped.push(path);
    }
  }
  return { records, skipped };
}
