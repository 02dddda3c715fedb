// Pure: the --fault values of `eclub simulate`. Light to import.
import { InvalidOptionError } from '../errors.js';
import type { AgentFaults } from '../snmp/agent.js';

export const FAULT_CHOICES = 'delay=<ms>, drop, v1-only';

/** "delay=500", "drop", "v1-only" (several may be given, or comma-separated) → faults. */
export function parseFaults(values: readonly string[]): AgentFaults {
  const faults: AgentFaults = {};
  for (const value of values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean)) {
    const bad = () => new InvalidOptionError('--fault', value, (t) => t.allowedOneOf({ values: FAULT_CHOICES }));
    const delay = /^delay=(\d+)$/.exec(value);
    if (delay) {
      const ms = Number(delay[1]);
      if (ms < 1 || ms > 600_000) throw bad();
      faults.delayMs = ms;
    } else if (value === 'drop') faults.drop = true;
    else if (value === 'v1-only') faults.v1Only = true;
    else throw bad();
  }
  return faults;
}

/** The faults back as flags, for printing. */
export function formatFaults(f: AgentFaults): string[] {
  const out: string[] = [];
  if (f.delayMs) out.push(`delay=${f.delayMs}`);
  if (f.drop) out.push('drop');
  if (f.v1Only) out.push('v1-only');
  return out;
}
