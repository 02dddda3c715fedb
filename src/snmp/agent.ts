// A simulated device: serves a recorded walk over real SNMP (v1, v2c, v3) on loopback,
// with the faults real printers have. The wire layer is net-snmp's, via session.ts.
import { createSocket } from 'node:dgram';
import type { SnmpV3Options } from '../types.js';
import { compareOids, parseOid } from './oids.js';
import { listenAgent, type AgentRequest, type AgentResponse, type AgentVarbind } from './session.js';
import type { WalkEntry } from './snmprec.js';

export interface AgentFaults {
  /** Answer every request this many ms late. */
  delayMs?: number;
  /** Never answer (SNMP off, firewall, wrong community...). */
  drop?: boolean;
  /** Ignore v2c and v3 requests silently, as some Canon models do. */
  v1Only?: boolean;
  /** Answer GETBULK with genErr, like a device without GETBULK. */
  noBulk?: boolean;
  /** Ignore GETBULK silently (another device without GETBULK). */
  dropBulk?: boolean;
  /** Answer tooBig when a response would hold more varbinds than this. */
  maxVarbinds?: number;
  /** v1 noSuchName without a usable errorIndex (0), as some agents send. */
  noErrorIndex?: boolean;
  /** A broken agent: the OID after this one is reported as this one again (a walk would loop). */
  loopAt?: string;
}

export interface StartAgentOptions {
  walk: readonly WalkEntry[];
  host?: string;
  /** A fixed port; by default a free high port is picked. */
  port?: number;
  community?: string;
  v3Users?: readonly SnmpV3Options[];
  faults?: AgentFaults;
}

export interface RunningAgent {
  host: string;
  port: number;
  close(): Promise<void>;
}

/** The walk, sorted, with its OIDs parsed once for the binary search. */
export class WalkIndex {
  private readonly keys: number[][];
  private readonly byOid: Map<string, WalkEntry>;

  constructor(private readonly entries: readonly WalkEntry[]) {
    const sorted = [...entries].sort((a, b) => compareOids(a.oid, b.oid));
    this.entries = sorted;
    this.keys = sorted.map((e) => parseOid(e.oid));
    this.byOid = new Map(sorted.map((e) => [e.oid, e]));
  }

  get(oid: string): WalkEntry | undefined {
    return this.byOid.get(oid);
  }

  /** The first entry strictly after `oid`. */
  next(oid: string): WalkEntry | undefined {
    const key = parseOid(oid);
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareKeys(this.keys[mid]!, key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return this.entries[lo];
  }

  /** Is anything recorded under the object (the OID without its instance part)? */
  hasObject(oid: string): boolean {
    const parent = oid.slice(0, oid.lastIndexOf('.'));
    const after = this.next(parent);
    return after !== undefined && after.oid.startsWith(parent + '.');
  }
}

function compareKeys(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Pure: the answer a well-behaved agent (plus faults) gives to one request. */
export function buildAgentResponse(walk: WalkIndex, req: AgentRequest, faults: AgentFaults = {}): AgentResponse {
  const v1 = req.version === '1';
  const next = (oid: string): WalkEntry | undefined => {
    if (faults.loopAt && oid === faults.loopAt) return walk.get(oid);
    return walk.next(oid);
  };
  const echo = (): AgentVarbind[] => req.oids.map((oid) => ({ oid, type: 'Null', value: null }));

  if (req.kind === 'getBulk' && faults.noBulk) return { errorStatus: 'genErr', errorIndex: 0, varbinds: echo() };

  const varbinds: AgentVarbind[] = [];
  if (req.kind === 'get') {
    for (const [i, oid] of req.oids.entries()) {
      const e = walk.get(oid);
      if (e) varbinds.push(e);
      // v1: one missing OID fails the whole request (RFC 1157), naming it by index.
      else if (v1) return { errorStatus: 'noSuchName', errorIndex: faults.noErrorIndex ? 0 : i + 1, varbinds: echo() };
      else varbinds.push({ oid, type: walk.hasObject(oid) ? 'NoSuchInstance' : 'NoSuchObject', value: null });
    }
  } else if (req.kind === 'getNext' || v1) {
    for (const [i, oid] of req.oids.entries()) {
      const e = next(oid);
      if (e) varbinds.push(e);
      else if (v1) return { errorStatus: 'noSuchName', errorIndex: i + 1, varbinds: echo() };
      else varbinds.push({ oid, type: 'EndOfMibView', value: null });
    }
  } else {
    const n = Math.max(0, Math.min(req.nonRepeaters, req.oids.length));
    for (const oid of req.oids.slice(0, n)) varbinds.push(next(oid) ?? { oid, type: 'EndOfMibView', value: null });
    const cursors = req.oids.slice(n);
    const ended = cursors.map(() => false);
    for (let r = 0; r < req.maxRepetitions && cursors.length > 0 && !ended.every(Boolean); r++) {
      cursors.forEach((oid, j) => {
        const e = ended[j] ? undefined : next(oid);
        if (e) {
          varbinds.push(e);
          cursors[j] = e.oid;
        } else {
          ended[j] = true;
          varbinds.push({ oid, type: 'EndOfMibView', value: null });
        }
      });
    }
  }
  if (faults.maxVarbinds !== undefined && varbinds.length > faults.maxVarbinds) {
    return { errorStatus: 'tooBig', errorIndex: 0, varbinds: echo() };
  }
  return { varbinds };
}

/** A free high UDP port on `host`: bind 0, read it, close. net-snmp's agent cannot bind 0 itself. */
function findFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createSocket('udp4');
    s.once('error', reject);
    s.bind(0, host, () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export async function startAgent(o: StartAgentOptions): Promise<RunningAgent> {
  const host = o.host ?? '127.0.0.1';
  const faults = o.faults ?? {};
  const walk = new WalkIndex(o.walk);
  const timers = new Set<NodeJS.Timeout>();
  const handler = (req: AgentRequest, respond: (r: AgentResponse) => void) => {
    if (faults.drop) return;
    if (faults.v1Only && req.version !== '1') return;
    if (faults.dropBulk && req.kind === 'getBulk') return;
    const response = buildAgentResponse(walk, req, faults);
    if (!faults.delayMs) return respond(response);
    const timer = setTimeout(() => {
      timers.delete(timer);
      respond(response);
    }, faults.delayMs);
    timers.add(timer);
  };
  const listenOn = (port: number) =>
    listenAgent({ host, port, communities: [o.community ?? 'public'], users: o.v3Users ?? [] }, handler);

  let listening: { close(): Promise<void> } | undefined;
  let port = o.port ?? 0;
  for (let attempt = 0; !listening; attempt++) {
    if (!o.port) port = await findFreePort(host);
    try {
      listening = await listenOn(port);
    } catch (err) {
      // Another test or helper took the port between our probe and the bind: pick again.
      const inUse = (err as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!inUse || o.port || attempt >= 10) throw err;
    }
  }
  const agent = listening;
  return {
    host,
    port,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await agent.close();
    },
  };
}

