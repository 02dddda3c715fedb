// The NG flow's state, one file per device under paths.flows, so the engineer can leave
// for a firmware update and `eclub diagnose --resume <serial>` later.
import type { NgFlowState, NgStage } from '../checks/ngflow.js';
import { loadRecordFile, recordFilePath, saveRecordFile } from './records.js';

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

function isFlowRecord(v: unknown): v is FlowRecord {
  const r = v as FlowRecord;
  return (
    typeof v === 'object' && v !== null && r.schema === 1 && typeof r.key === 'string' &&
    typeof r.site?.host === 'string' && STAGES.includes(r.state?.stage) && Array.isArray(r.state?.history)
  );
}

export function loadFlowRecord(dir: string, key: string): Promise<FlowRecord | undefined> {
  return loadRecordFile(recordFilePath(dir, key), isFlowRecord);
}

/** Save atomically; returns the file's path. */
export async function saveFlowRecord(dir: string, record: FlowRecord): Promise<string> {
  const path = recordFilePath(dir, record.key);
  await saveRecordFile(path, record);
  return path;
}
