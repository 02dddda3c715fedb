// A live device clock for simulated devices: hrSystemDate answers "now + offset" at each
// request instead of the recorded value, so clock checks stay true however old the walk is
// and the clock-off scenario can put a device years behind.
import type { WalkEntry } from '../snmp/snmprec.js';

export const HR_SYSTEM_DATE = '1.3.6.1.2.1.25.1.2.0';

/** SNMPv2-TC DateAndTime, 11 octets, in UTC ("+" 0:00). */
export function encodeDateAndTime(date: Date): Buffer {
  const b = Buffer.alloc(11);
  b.writeUInt16BE(date.getUTCFullYear(), 0);
  b[2] = date.getUTCMonth() + 1;
  b[3] = date.getUTCDate();
  b[4] = date.getUTCHours();
  b[5] = date.getUTCMinutes();
  b[6] = date.getUTCSeconds();
  b[7] = Math.floor(date.getUTCMilliseconds() / 100);
  b[8] = '+'.charCodeAt(0);
  b[9] = 0;
  b[10] = 0;
  return b;
}

/**
 * The walk with hrSystemDate computed at each read; a walk without a clock stays without
 * one. The agent keeps the entry objects and reads `value` when it answers (src/snmp/agent.ts
 * buildAgentResponse), so a getter is enough.
 */
export function withLiveClock(walk: readonly WalkEntry[], offsetMs: number, now: () => number = Date.now): WalkEntry[] {
  return walk.map((e) => {
    if (e.oid !== HR_SYSTEM_DATE) return e;
    const live = { oid: e.oid, type: 'OctetString' as const };
    Object.defineProperty(live, 'value', { enumerable: true, get: () => encodeDateAndTime(new Date(now() + offsetMs)) });
    return live as WalkEntry;
  });
}
