import { describe, expect, it } from 'vitest';
import { BerError, buildGetRequest, decodeMessage, encodeMessage, PduTag, type SnmpMessage, type SnmpValue } from '../src/snmp/ber.js';

const msg = (value: SnmpValue, version: 0 | 1 = 1): SnmpMessage => ({
  version,
  community: 'public',
  pdu: { tag: PduTag.Response, requestId: 0x12345678, errorStatus: 0, errorIndex: 0, varbinds: [{ oid: '1.3.6.1.2.1.1.1.0', value }] },
});

describe('BER codec', () => {
  it.each<[string, SnmpValue]>([
    ['integer 0', { type: 'integer', value: 0 }],
    ['integer 127', { type: 'integer', value: 127 }],
    ['integer 128', { type: 'integer', value: 128 }],
    ['integer -1', { type: 'integer', value: -1 }],
    ['integer -129', { type: 'integer', value: -129 }],
    ['integer max', { type: 'integer', value: 2147483647 }],
    ['integer min', { type: 'integer', value: -2147483648 }],
    ['octets', { type: 'octets', value: Buffer.from('Canon iR-ADV C5235 /P') }],
    ['octets, 300 bytes (long length)', { type: 'octets', value: Buffer.alloc(300, 0x41) }],
    ['raw MAC', { type: 'octets', value: Buffer.from([0, 0, 0x85, 0xba, 0x57, 0xa6]) }],
    ['oid', { type: 'oid', value: '1.3.6.1.4.1.1602.4.7' }],
    ['oid with big subids', { type: 'oid', value: '1.3.6.1.4.1.4294967295.16384' }],
    ['ip', { type: 'ip', value: '10.1.2.3' }],
    ['counter 2^32-1', { type: 'counter', value: 4294967295 }],
    ['gauge', { type: 'gauge', value: 200 }],
    ['ticks', { type: 'ticks', value: 123456 }],
    ['counter64', { type: 'counter64', value: 18446744073709551615n }],
    ['null', { type: 'null' }],
    ['noSuchObject', { type: 'noSuchObject' }],
    ['noSuchInstance', { type: 'noSuchInstance' }],
    ['endOfMibView', { type: 'endOfMibView' }],
  ])('round-trips %s', (_name, value) => {
    expect(decodeMessage(encodeMessage(msg(value))).pdu.varbinds[0]!.value).toEqual(value);
  });

  it('encodes a v1 GET byte for byte like the RFC examples', () => {
    // SEQUENCE { INTEGER 0, "public", GetRequest { id 1, 0, 0, { { sysDescr.0, NULL } } } }
    expect(buildGetRequest(0, 'public', 1, ['1.3.6.1.2.1.1.1.0']).toString('hex')).toBe(
      '302602010004067075626c6963a019020101020100020100300e300c06082b060102010101000500',
    );
  });

  it.each<[string, Buffer]>([
    ['empty', Buffer.alloc(0)],
    ['HTTP text', Buffer.from('HTTP/1.0 400 Bad Request\r\n\r\n')],
    ['truncated', buildGetRequest(1, 'public', 7, ['1.3.6.1.2.1.1.1.0']).subarray(0, 20)],
    ['SNMPv3 header', Buffer.from('3011020103', 'hex')],
    ['length past end', Buffer.from('3081ff0201', 'hex')],
    ['unknown value tag', Buffer.from('301b020101040170a2130201010201000201003008300606022b0699', 'hex')],
  ])('throws BerError for %s', (_name, buf) => {
    expect(() => decodeMessage(buf)).toThrow(BerError);
  });
});
