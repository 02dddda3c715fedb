// A DNS responder on loopback (dns-packet over dgram) that answers the way a customer's DNS
// server might: the right address, NXDOMAIN, REFUSED, SERVFAIL, or silence.
import dgram from 'node:dgram';
import dnsPacket from 'dns-packet';

export type DnsMode = 'answer' | 'nxdomain' | 'refused' | 'servfail' | 'silent';

// RFC 1035 §4.1.1 RCODE values; dns-packet carries them in the low bits of `flags`.
const RCODE: Record<Exclude<DnsMode, 'silent'>, number> = { answer: 0, servfail: 2, nxdomain: 3, refused: 5 };

export interface DnsResponder {
  host: string;
  port: number;
  /** Queries received, for tests that check what was asked. */
  queries: Array<{ name: string; type: string }>;
  close(): Promise<void>;
}

/** Start on `host`, port chosen by the OS. `records` maps lower-case names to IPv4 addresses. */
export async function startDnsResponder(o: {
  mode: DnsMode;
  records?: Record<string, string>;
  host?: string;
}): Promise<DnsResponder> {
  const host = o.host ?? '127.0.0.1';
  const records = o.records ?? {};
  const socket = dgram.createSocket('udp4');
  const queries: DnsResponder['queries'] = [];
  socket.on('message', (msg, rinfo) => {
    let query;
    try {
      query = dnsPacket.decode(msg);
    } catch (err) {
      // A malformed datagram is not a query: drop it, as real servers do.
      if (err instanceof Error) return;
      throw err;
    }
    const questions = query.questions ?? [];
    for (const q of questions) queries.push({ name: q.name, type: q.type });
    if (o.mode === 'silent') return;
    const q = questions[0];
    const address = q ? records[q.name.toLowerCase()] : undefined;
    const known = q !== undefined && address !== undefined;
    const rcode = o.mode === 'answer' && !known ? RCODE.nxdomain : RCODE[o.mode];
    const answers =
      rcode === 0 && q && q.type === 'A' ? [{ type: 'A' as const, name: q.name, ttl: 60, data: address! }] : [];
    const reply = dnsPacket.encode({
      type: 'response',
      id: query.id,
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | rcode,
      questions,
      answers,
    });
    socket.send(reply, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, host, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  const port = socket.address().port;
  return {
    host,
    port,
    queries,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
