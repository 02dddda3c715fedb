// One UDP socket for every probe of a scan: v1/v2c GETs to hundreds of hosts at once,
// answers matched by request id and sender. A silent host costs one timeout (per try),
// all in parallel; a sender of garbage is reported as such, never thrown.
// (net-snmp opens a socket per session; one socket keeps a /16 scan to one descriptor.)
import { createSocket, type Socket } from 'node:dgram';
import { buildGetRequest, decodeMessage, type SnmpMessage, type WireVersion } from './ber.js';

export type GetOutcome =
  | { kind: 'answer'; message: SnmpMessage }
  /** Nothing came back within timeout × (retries + 1). */
  | { kind: 'timeout' }
  /** Something came back that is not an SNMP v1/v2c message. */
  | { kind: 'garbage'; detail: string }
  /** The send itself failed (no route, host unreachable). */
  | { kind: 'unreachable'; detail: string };

export interface GetTarget {
  host: string;
  port: number;
  version: WireVersion;
  community: string;
}

export interface SnmpUdpClient {
  get(target: GetTarget, oids: readonly string[]): Promise<GetOutcome>;
  /** Send one GET to a broadcast address and collect every answer for `ms`; `error` when the send failed. */
  collect(target: GetTarget, oids: readonly string[], ms: number): Promise<{ answers: Array<{ host: string; message: SnmpMessage }>; error: string | null }>;
  /** Datagrams sent so far (tries included). */
  readonly sent: number;
  close(): Promise<void>;
}

interface Pending {
  key: string;
  finish(outcome: GetOutcome): void;
}

export async function openSnmpUdpClient(o: { timeoutMs: number; retries: number }): Promise<SnmpUdpClient> {
  const socket: Socket = createSocket({ type: 'udp4' });
  const byId = new Map<number, Pending>();
  const collectors = new Map<number, (host: string, m: SnmpMessage) => void>();
  let nextId = Math.floor(Math.random() * 0x3fffffff) + 1;
  let sent = 0;

  socket.on('message', (buf, rinfo) => {
    const key = `${rinfo.address}:${rinfo.port}`;
    let message: SnmpMessage;
    try {
      message = decodeMessage(buf);
    } catch (err) {
      // Garbage from a host we are asking: that host is unreadable. From anyone else: ignored.
      for (const p of [...byId.values()]) if (p.key === key) p.finish({ kind: 'garbage', detail: (err as Error).message });
      return;
    }
    const collector = collectors.get(message.pdu.requestId);
    if (collector) return collector(rinfo.address, message);
    const p = byId.get(message.pdu.requestId);
    if (p && p.key === key) p.finish({ kind: 'answer', message });
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  // Late ICMP errors or send failures surface per request; never crash the scan.
  socket.on('error', () => undefined);

  const takeId = () => {
    nextId = nextId >= 0x7ffffffe ? 1 : nextId + 1;
    return nextId;
  };

  const send = (buf: Buffer, target: GetTarget) =>
    new Promise<Error | null>((resolve) => {
      sent++;
      socket.send(buf, target.port, target.host, (err) => resolve(err ?? null));
    });

  return {
    get sent() {
      return sent;
    },
    get(target, oids) {
      const id = takeId();
      const buf = buildGetRequest(target.version, target.community, id, oids);
      return new Promise<GetOutcome>((resolve) => {
        let tries = 0;
        let timer: NodeJS.Timeout | undefined;
        const pending: Pending = {
          key: `${target.host}:${target.port}`,
          finish(outcome) {
            if (byId.get(id) !== pending) return;
            byId.delete(id);
            clearTimeout(timer);
            resolve(outcome);
          },
        };
        byId.set(id, pending);
        const attempt = async () => {
          tries++;
          const err = await send(buf, target);
          if (byId.get(id) !== pending) return;
          if (err) return pending.finish({ kind: 'unreachable', detail: (err as NodeJS.ErrnoException).code ?? err.message });
          timer = setTimeout(() => (tries > o.retries ? pending.finish({ kind: 'timeout' }) : void attempt()), o.timeoutMs);
        };
        void attempt();
      });
    },
    async collect(target, oids, ms) {
      const id = takeId();
      const answers: Array<{ host: string; message: SnmpMessage }> = [];
      collectors.set(id, (host, message) => {
        if (!answers.some((a) => a.host === host)) answers.push({ host, message });
      });
      socket.setBroadcast(true);
      const err = await send(buildGetRequest(target.version, target.community, id, oids), target);
      if (!err) await new Promise((r) => setTimeout(r, ms));
      collectors.delete(id);
      return { answers, error: err ? ((err as NodeJS.ErrnoException).code ?? err.message) : null };
    },
    close() {
      for (const p of [...byId.values()]) p.finish({ kind: 'timeout' });
      return new Promise<void>((resolve) => socket.close(() => resolve()));
    },
  };
}
