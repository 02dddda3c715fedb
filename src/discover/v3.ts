// discover with SNMP v3: USM needs engine discovery per host, so each probe gets its own
// net-snmp session (through the SNMP layer's openSession), in the same bounded pool.
import { EclubError } from '../errors.js';
import { SnmpTimeoutError } from '../snmp/errors.js';
import { openSession, type SnmpSession } from '../snmp/session.js';
import type { SnmpOptions } from '../types.js';
import { probeHost, type ProbeRead, type ProbeResult, type Value } from './probe.js';

/** Reads through one session; a timeout is silence, any other typed failure "answered, unusable". */
export function buildSessionReader(session: Pick<SnmpSession, 'get'>): ProbeRead {
  return async (oids) => {
    try {
      const vbs = await session.get(oids);
      const values = new Map<string, Value>();
      vbs.forEach((vb, i) => {
        if (vb && vb.value !== null) values.set(oids[i]!, vb.value);
      });
      return { kind: 'values', values };
    } catch (err) {
      if (err instanceof SnmpTimeoutError) return { kind: 'timeout' };
      // A wrong user or key usually stays silent; an agent that says so is there, but unreadable.
      if (err instanceof EclubError) return { kind: 'garbage', detail: err.name };
      throw err;
    }
  };
}

export async function probeHostV3(host: string, snmp: SnmpOptions): Promise<ProbeResult> {
  const session = openSession(host, { ...snmp, version: '3' });
  try {
    return await probeHost(host, buildSessionReader(session));
  } finally {
    session.close();
  }
}
