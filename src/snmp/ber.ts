// A small, strict BER codec for SNMP v1/v2c messages (RFC 1157, RFC 3416): enough to
// GET a few OIDs from hundreds of hosts over one UDP socket, and to answer them in the
// loopback fleet. Pure: buffers in, values out. Anything malformed throws BerError, so
// a device that answers garbage becomes "unreadable" instead of crashing a scan.
// v3 (USM) is not here: it goes through net-snmp sessions.

export class BerError extends Error {
  override readonly name = 'BerError';
}

export const PduTag = {
  GetRequest: 0xa0,
  GetNextRequest: 0xa1,
  Response: 0xa2,
  SetRequest: 0xa3,
  GetBulkRequest: 0xa5,
  Report: 0xa8,
} as const;

/** SNMP error-status values (RFC 3416 §3). */
export const ErrorStatus = { noError: 0, tooBig: 1, noSuchName: 2, badValue: 3, readOnly: 4, genErr: 5 } as const;

export type SnmpValue =
  | { type: 'integer'; value: number }
  | { type: 'octets'; value: Buffer }
  | { type: 'null' }
  | { type: 'oid'; value: string }
  | { type: 'ip'; value: string }
  | { type: 'counter' | 'gauge' | 'ticks'; value: number }
  | { type: 'counter64'; value: bigint }
  | { type: 'opaque'; value: Buffer }
  /** v2c exceptions: the agent answered, the OID is absent. */
  | { type: 'noSuchObject' | 'noSuchInstance' | 'endOfMibView' };

export interface VarBind {
  oid: string;
  value: SnmpValue;
}

/** 0 = v1, 1 = v2c: the wire values. */
export type WireVersion = 0 | 1;

export interface SnmpMessage {
  version: WireVersion;
  community: string;
  pdu: {
    tag: number;
    requestId: number;
    errorStatus: number;
    errorIndex: number;
    varbinds: VarBind[];
  };
}

const T = {
  integer: 0x02,
  octets: 0x04,
  null: 0x05,
  oid: 0x06,
  sequence: 0x30,
  ip: 0x40,
  counter: 0x41,
  gauge: 0x42,
  ticks: 0x43,
  opaque: 0x44,
  counter64: 0x46,
  noSuchObject: 0x80,
  noSuchInstance: 0x81,
  endOfMibView: 0x82,
} as const;

// ---------------------------------------------------------------- encoding

function encodeLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(body.length), body]);
}

function encodeSigned(n: number): Buffer {
  if (!Number.isInteger(n) || n < -0x80000000 || n > 0x7fffffff) throw new BerError(`integer out of range: ${n}`);
  const bytes: number[] = [];
  let v = n;
  do {
    bytes.unshift(v & 0xff);
    v >>= 8;
  } while (!((v === 0 && (bytes[0]! & 0x80) === 0) || (v === -1 && (bytes[0]! & 0x80) !== 0)));
  return Buffer.from(bytes);
}

function encodeUnsigned(n: bigint): Buffer {
  const bytes: number[] = [];
  let v = n;
  do {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  } while (v > 0n);
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return Buffer.from(bytes);
}

function encodeOid(oid: string): Buffer {
  const parts = parseOid(oid);
  if (parts.length < 2 || parts[0]! > 2) throw new BerError(`bad OID: ${oid}`);
  const subids = [parts[0]! * 40 + parts[1]!, ...parts.slice(2)];
  const bytes: number[] = [];
  for (const id of subids) {
    const chunk: number[] = [id & 0x7f];
    for (let v = Math.floor(id / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return Buffer.from(bytes);
}

function parseOid(oid: string): number[] {
  const s = oid.startsWith('.') ? oid.slice(1) : oid;
  if (!/^\d+(\.\d+)*$/.test(s)) throw new BerError(`bad OID: ${oid}`);
  return s.split('.').map(Number);
}

function encodeValue(v: SnmpValue): Buffer {
  switch (v.type) {
    case 'integer':
      return tlv(T.integer, encodeSigned(v.value));
    case 'octets':
      return tlv(T.octets, v.value);
    case 'opaque':
      return tlv(T.opaque, v.value);
    case 'null':
      return tlv(T.null, Buffer.alloc(0));
    case 'oid':
      return tlv(T.oid, encodeOid(v.value));
    case 'ip': {
      const parts = v.value.split('.').map(Number);
      if (parts.length !== 4 || parts.some((p) => !(p >= 0 && p <= 255))) throw new BerError(`bad IpAddress: ${v.value}`);
      return tlv(T.ip, Buffer.from(parts));
    }
    case 'counter':
    case 'gauge':
    case 'ticks':
      return tlv(T[v.type], encodeUnsigned(BigInt(v.value >>> 0)));
    case 'counter64':
      return tlv(T.counter64, encodeUnsigned(v.value));
    case 'noSuchObject':
    case 'noSuchInstance':
    case 'endOfMibView':
      return tlv(T[v.type], Buffer.alloc(0));
  }
}

export function encodeMessage(m: SnmpMessage): Buffer {
  const varbinds = m.pdu.varbinds.map((vb) => tlv(T.sequence, Buffer.concat([tlv(T.oid, encodeOid(vb.oid)), encodeValue(vb.value)])));
  const pdu = tlv(
    m.pdu.tag,
    Buffer.concat([
      tlv(T.integer, encodeSigned(m.pdu.requestId)),
      tlv(T.integer, encodeSigned(m.pdu.errorStatus)),
      tlv(T.integer, encodeSigned(m.pdu.errorIndex)),
      tlv(T.sequence, Buffer.concat(varbinds)),
    ]),
  );
  return tlv(
    T.sequence,
    Buffer.concat([tlv(T.integer, encodeSigned(m.version)), tlv(T.octets, Buffer.from(m.community, 'latin1')), pdu]),
  );
}

/** A GET request for these OIDs. */
export function buildGetRequest(version: WireVersion, community: string, requestId: number, oids: readonly string[]): Buffer {
  return encodeMessage({
    version,
    community,
    pdu: {
      tag: PduTag.GetRequest,
      requestId,
      errorStatus: 0,
      errorIndex: 0,
      varbinds: oids.map((oid) => ({ oid, value: { type: 'null' } })),
    },
  });
}

// ---------------------------------------------------------------- decoding

class Reader {
  constructor(
    private readonly buf: Buffer,
    private pos = 0,
    private readonly end = buf.length,
  ) {}

  get done(): boolean {
    return this.pos >= this.end;
  }

  /** Read one TLV: its tag and a reader over its body. */
  next(): { tag: number; body: Buffer } {
    if (this.pos + 2 > this.end) throw new BerError('truncated TLV');
    const tag = this.buf[this.pos++]!;
    let len = this.buf[this.pos++]!;
    if (len & 0x80) {
      const n = len & 0x7f;
      if (n === 0 || n > 4 || this.pos + n > this.end) throw new BerError('bad length');
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + this.buf[this.pos++]!;
    }
    if (this.pos + len > this.end) throw new BerError('length past end');
    const body = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return { tag, body };
  }

  expect(tag: number): Buffer {
    const x = this.next();
    if (x.tag !== tag) throw new BerError(`expected tag 0x${tag.toString(16)}, got 0x${x.tag.toString(16)}`);
    return x.body;
  }
}

function decodeSigned(b: Buffer): number {
  if (b.length === 0 || b.length > 5) throw new BerError('bad INTEGER');
  return b.readIntBE(0, b.length);
}

function decodeUnsigned(b: Buffer, maxBytes: number): bigint {
  if (b.length === 0 || b.length > maxBytes + 1 || (b.length === maxBytes + 1 && b[0] !== 0)) throw new BerError('bad unsigned');
  let v = 0n;
  for (const byte of b) v = (v << 8n) | BigInt(byte);
  return v;
}

function decodeOid(b: Buffer): string {
  if (b.length === 0) throw new BerError('empty OID');
  const ids: number[] = [];
  let v = 0;
  for (let i = 0; i < b.length; i++) {
    v = v * 128 + (b[i]! & 0x7f);
    if (!(b[i]! & 0x80)) {
      ids.push(v);
      v = 0;
    } else if (i === b.length - 1) throw new BerError('truncated OID');
  }
  const first = ids.shift()!;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...ids].join('.');
}

function decodeValue(tag: number, b: Buffer): SnmpValue {
  switch (tag) {
    case T.integer:
      return { type: 'integer', value: decodeSigned(b) };
    case T.octets:
      return { type: 'octets', value: Buffer.from(b) };
    case T.opaque:
      return { type: 'opaque', value: Buffer.from(b) };
    case T.null:
      return { type: 'null' };
    case T.oid:
      return { type: 'oid', value: decodeOid(b) };
    case T.ip:
      if (b.length !== 4) throw new BerError('bad IpAddress');
      return { type: 'ip', value: [...b].join('.') };
    case T.counter:
      return { type: 'counter', value: Number(decodeUnsigned(b, 4)) };
    case T.gauge:
      return { type: 'gauge', value: Number(decodeUnsigned(b, 4)) };
    case T.ticks:
      return { type: 'ticks', value: Number(decodeUnsigned(b, 4)) };
    case T.counter64:
      return { type: 'counter64', value: decodeUnsigned(b, 8) };
    case T.noSuchObject:
      return { type: 'noSuchObject' };
    case T.noSuchInstance:
      return { type: 'noSuchInstance' };
    case T.endOfMibView:
      return { type: 'endOfMibView' };
    default:
      throw new BerError(`unknown value tag 0x${tag.toString(16)}`);
  }
}

/** Decode a v1/v2c message; throws BerError on anything malformed (v3 included). */
export function decodeMessage(buf: Buffer): SnmpMessage {
  const outer = new Reader(buf);
  const msg = new Reader(outer.expect(T.sequence));
  const version = decodeSigned(msg.expect(T.integer));
  if (version !== 0 && version !== 1) throw new BerError(`unsupported SNMP version ${version}`);
  const community = msg.expect(T.octets).toString('latin1');
  const { tag, body } = msg.next();
  if ((tag & 0xe0) !== 0xa0) throw new BerError(`not a PDU: 0x${tag.toString(16)}`);
  const pdu = new Reader(body);
  const requestId = decodeSigned(pdu.expect(T.integer));
  const errorStatus = decodeSigned(pdu.expect(T.integer));
  const errorIndex = decodeSigned(pdu.expect(T.integer));
  const list = new Reader(pdu.expect(T.sequence));
  const varbinds: VarBind[] = [];
  while (!list.done) {
    const vb = new Reader(list.expect(T.sequence));
    const oid = decodeOid(vb.expect(T.oid));
    const v = vb.next();
    varbinds.push({ oid, value: decodeValue(v.tag, v.body) });
  }
  return { version: version as WireVersion, community, pdu: { tag, requestId, errorStatus, errorIndex, varbinds } };
}
