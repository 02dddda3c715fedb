// The NG flow's state, one file per device under paths.flows, so the engineer can leave
// for a firmware update and `eclub diagnose --resume <serial>` later.
import { join } from 'node:path';
import { EclubError, ExitCode } from '../errors.js';
import type { NgFlowState, NgStage } from '../checks/ngflow.js';
import { readJsonFile, writeFileAtomic } from './atomic.js';

/** Where the device is and how it was reached; no secrets (no community, no keys). */
export interface FlowSite {
  host: string;
  snmpPort: number;
  dns: Array<{ host: string; port: number }>;
  gateway: string | null;
}

export interface FlowRecord {
  schema: 1;
  key: string;
  serial: string | null;
  model: string | null;
  site: FlowSite;
  state: NgFlowState;
  updatedAt: string;
}

const STAGES: readonly NgStage[] = ['fix-outside', 'level1', 'ca-key', 'firmware', 'escalate', 'done'];

function flowPath(dir: string, key: string): string {
  return join(dir, `${key.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
}

function isFlowRecord(v: unknown): v is FlowRecord {
  const r = v as FlowRecord;
  return (
    typeof v === 'object' && v !== null && r.schema === 1 && typeof r.key === 'string' &&
    typeof r.site?.host === 'string' && STAGES.includes(r.state?.stage) && Array.isArray(r.state?.history)
  );
}

export async function loadFlowRecord(dir: string, key: string): Promise<FlowRecord | undefined> {
  const path = flowPath(dir, key);
  let v: unknown;
  try {
    v = await readJsonFile(path);
  } catch (err) {
    throw new EclubError(ExitCode.USAGE, (t) => t.storeCorrupt({ path }), undefined, { cause: err });
  }
  if (v === undefined) return undefined;
  if (!isFlowRecord(v)) throw new EclubError(ExitCode.USAGE, (t) => t.storeCorrupt({ path }));
  return v;
}

/** Save atomically; returns the file's path. */
export async function saveFlowRecord(dir: string, record: FlowRecord): Promise<string> {
  const path = flowPath(dir, record.key);
  try {
    await writeFileAtomic(path, JSON.stringify(record, null, 2) + '\n');
  } catch (err) {
    const reason = (err as Error).message;
    throw new EclubError(ExitCode.USAGE, (t) => t.storeWriteFailed({ path, reason }), undefined, { cause: err });
  }
  return path;
}
