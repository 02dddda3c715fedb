// readDevice against every built-in profile, served over real SNMP on loopback.
import { afterEach, describe, expect, it } from 'vitest';
import { readDevice } from '../src/snmp/read.js';
import type { DeviceInfo } from '../src/types.js';
import { startProfile, startWalk, type TestDevice } from './helpers/sim.js';

let device: TestDevice | undefined;
afterEach(async () => {
  await device?.close();
  device = undefined;
});

const healthy = { device: 'running', printer: 'idle', errors: [] };

const EXPECTED: Record<string, Omit<DeviceInfo, 'host' | 'port'>> = {
  'ir-adv-c5535i': {
    snmpVersion: '2c',
    vendor: 'Canon',
    model: 'iR-ADV C5535i',
    family: 'iR-ADV',
    productName: 'IRADVC5535I',
    serial: '2GH10339',
    firmware: 'R7.21',
    mac: '001E8F123456',
    ip: '192.168.10.50',
    subnet: '255.255.255.0',
    gateway: '192.168.10.1',
    sysDescr: 'Canon iR-ADV C5535 /P',
    sysObjectId: '1.3.6.1.4.1.1602.4.7',
    clock: '2026-12-04T09:30:00+09:00',
    uptime: 1234567,
    status: healthy,
    alerts: [],
    counters: [
      { id: 101, name: 'Total 1', value: 482913 },
      { id: 102, name: 'Total 2', value: 482913 },
      { id: 106, name: 'Total (Full Color + Single Color)', value: 201554 },
      { id: 108, name: 'Total (Black 1)', value: 281359 },
      { id: 109, name: 'Total (Black/White 2)', value: 281359 },
      { id: 112, name: 'Black/Large', value: 31022 },
      { id: 113, name: 'Black/Small', value: 250337 },
      { id: 122, name: 'Full Color + Single Color/Large', value: 18470 },
      { id: 123, name: 'Full Color + Single Color/Small', value: 183084 },
      { id: 124, name: 'Full Color + Single Color 2', value: 201554 },
      { id: 301, name: 'Print (Total 1)', value: 401220 },
      { id: 501, name: 'Scan (Total 1)', value: 90517 },
    ],
    pageCount: 482913,
    supplies: [
      { index: 1, description: 'Canon GPR-55 Black Toner', level: 80, max: 100, percent: 80 },
      { index: 2, description: 'Canon GPR-55 Cyan Toner', level: 65, max: 100, percent: 65 },
      { index: 3, description: 'Canon GPR-55 Magenta Toner', level: 40, max: 100, percent: 40 },
      { index: 4, description: 'Canon GPR-55 Yellow Toner', level: 55, max: 100, percent: 55 },
      { index: 5, description: 'Waste Toner Container', level: -3, max: -2, percent: null },
      { index: 6, description: 'Drum Unit', level: -2, max: 100, percent: null },
    ],
  },
  irc2550i: {
    snmpVersion: '2c',
    vendor: 'Canon',
    model: 'iR C2550i',
    family: 'iRC',
    productName: 'IRC2550I',
    serial: 'DCQ12345', // NUL-padded, Printer MIB only
    firmware: '01.21',
    mac: '000085BA57A6', // sent as text "00:00:85:BA:57:A6"
    ip: '101.1.49.233',
    subnet: '255.255.255.0',
    gateway: '101.1.49.55', // inetCidrRouteTable only
    sysDescr: 'Canon iR C2550i',
    sysObjectId: '1.3.6.1.4.1.1602.4.2',
    clock: '2026-12-04T14:15:30',
    uptime: 86400,
    status: { device: 'warning', printer: 'idle', errors: ['lowToner'] },
    alerts: ['토너 부족 (시안)'], // EUC-KR on the wire
    counters: [
      { id: 101, name: 'Total 1', value: 157233 },
      { id: 108, name: 'Total (Black 1)', value: 98112 },
      { id: 122, name: 'Full Color + Single Color/Large', value: 59121 },
      { id: 301, name: 'Print (Total 1)', value: 120004 },
    ],
    pageCount: 157233,
    supplies: [
      { index: 1, description: 'Black Toner', level: 60, max: 100, percent: 60 },
      { index: 2, description: 'Cyan Toner', level: 5, max: 100, percent: 5 },
      { index: 3, description: 'Magenta Toner', level: 70, max: 100, percent: 70 },
      { index: 4, description: 'Yellow Toner', level: 75, max: 100, percent: 75 },
    ],
  },
  'ir-v1-noserial': {
    snmpVersion: '1',
    vendor: 'Canon',
    model: 'iR2525',
    family: 'iR',
    productName: 'IR2525',
    serial: null,
    firmware: '03.05',
    mac: '000085C01234',
    ip: '192.168.0.20',
    subnet: '255.255.255.0',
    gateway: null,
    sysDescr: 'Canon iR2525',
    sysObjectId: '1.3.6.1.4.1.1602.4.1',
    clock: null,
    uptime: 50123,
    status: healthy,
    alerts: [],
    counters: [
      { id: 101, name: 'Total 1', value: 90210 },
      { id: 301, name: 'Print (Total 1)', value: 70115 },
    ],
    pageCount: 90210,
    supplies: [{ index: 1, description: 'Toner', level: -3, max: 100, percent: null }],
  },
  'gateway-outside': {
    snmpVersion: '2c',
    vendor: 'Canon',
    model: 'iR-ADV C3525',
    family: 'iR-ADV',
    productName: 'IRADVC3525',
    serial: 'XTK01222',
    firmware: 'R3.02',
    mac: 'F4A997102030',
    ip: '10.1.2.3',
    subnet: '255.255.255.0',
    gateway: '11.22.22.55', // ipCidrRouteTable only
    sysDescr: 'Canon iR-ADV C3525 /P',
    sysObjectId: '1.3.6.1.4.1.1602.4.7',
    clock: '2026-12-04T09:00:00',
    uptime: 36000,
    status: healthy,
    alerts: [],
    counters: [
      { id: 101, name: 'Total 1', value: 12034 },
      { id: 108, name: 'Total (Black 1)', value: 9980 },
    ],
    pageCount: 12034,
    supplies: [{ index: 1, description: 'Canon NPG-67 Black Toner', level: 90, max: 100, percent: 90 }],
  },
  'non-canon': {
    snmpVersion: '2c',
    vendor: 'HP',
    model: 'HP LaserJet M507',
    family: 'other',
    productName: 'HPLASERJETM507',
    serial: 'PHBXK12345',
    firmware: null,
    mac: 'A0D3C1AABBCC',
    ip: '192.168.10.77',
    subnet: '255.255.255.0',
    gateway: '192.168.10.1',
    sysDescr: 'HP ETHERNET MULTI-ENVIRONMENT,ROM none,JETDIRECT,JD153,EEPROM JSI24090012',
    sysObjectId: '1.3.6.1.4.1.11.2.3.9.1',
    clock: '2026-12-04T00:00:00',
    uptime: 990,
    status: healthy,
    alerts: ['Sleep Mode'],
    counters: [],
    pageCount: 33001,
    supplies: [
      { index: 1, description: 'Black Cartridge HP 89A', level: 4200, max: 10000, percent: 42 },
      { index: 2, description: 'Fuser Kit', level: -1, max: -2, percent: null },
    ],
  },
};

describe('readDevice, every profile field by field', () => {
  it.each(Object.keys(EXPECTED))('%s', async (name) => {
    device = await startProfile(name);
    const r = await readDevice(device.host, device.options());
    expect(r.device).toEqual({ host: '127.0.0.1', port: device.port, ...EXPECTED[name] });
  });
});

describe('round trips and versions', () => {
  it('reads a v2c device whose tables fit one response in at most 3 requests (ipRouteTable gateway: 2)', async () => {
    device = await startProfile('ir-adv-c5535i');
    const r = await readDevice(device.host, device.options());
    expect(r.versionsTried).toEqual(['2c']);
    expect(r.requests).toBe(2);
    expect(r.warnings).toEqual([]);
  });

  it('costs one more request when the gateway is only in the CIDR route tables', async () => {
    device = await startProfile('gateway-outside');
    const r = await readDevice(device.host, device.options());
    expect(r.requests).toBe(3);
  });

  it('under auto falls back to v1 when the device drops v2c silently', async () => {
    device = await startProfile('ir-v1-noserial');
    const r = await readDevice(device.host, device.options({ version: 'auto' }));
    expect(r.versionsTried).toEqual(['2c', '1']);
    expect(r.device.snmpVersion).toBe('1');
    expect(r.warnings.map((w) => w.id)).toEqual(['gateway-unknown', 'serial-unknown']);
  });

  it('under v1 a missing OID does not sink the read: the rest still arrives', async () => {
    // irc2550i lacks the Canon serial and ipRouteNextHop: under v1 each fails the whole GET (noSuchName).
    device = await startProfile('irc2550i');
    const r = await readDevice(device.host, device.options({ version: '1' }));
    expect(r.versionsTried).toEqual(['1']);
    expect(r.device).toEqual({ host: '127.0.0.1', port: device.port, ...EXPECTED.irc2550i, snmpVersion: '1' });
  });

  it('warns that a non-Canon device is not an e-Club family, and still reads it', async () => {
    device = await startProfile('non-canon');
    const r = await readDevice(device.host, device.options());
    expect(r.warnings).toEqual([{ id: 'not-eclub-family', model: 'HP LaserJet M507' }]);
  });
});

describe('odd devices', () => {
  it('reads an almost empty device as far as it goes', async () => {
    device = await startWalk('1.3.6.1.2.1.1.1.0|4|Canon LBP6670 /P\n1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.1602.4.5\n');
    const r = await readDevice(device.host, device.options({ version: '2c' }));
    expect(r.device).toMatchObject({
      vendor: 'Canon',
      model: 'LBP6670',
      family: 'other',
      mac: null,
      ip: null,
      subnet: null,
      gateway: null,
      counters: [],
      supplies: [],
      alerts: [],
      status: { device: null, printer: null, errors: [] },
    });
  });

  it('survives wrong types: a string where numbers belong, an Integer where a MAC belongs', async () => {
    device = await startWalk(
      [
        '1.3.6.1.2.1.1.1.0|2|42',
        '1.3.6.1.2.1.1.3.0|4|soon',
        '1.3.6.1.2.1.2.2.1.6.1|2|7',
        '1.3.6.1.2.1.4.20.1.1.10.0.0.9|4|not an address',
        '1.3.6.1.2.1.4.20.1.2.10.0.0.9|4|one',
        '1.3.6.1.2.1.25.1.2.0|4|yesterday',
        '1.3.6.1.2.1.43.11.1.1.9.1.1|4|lots',
        '1.3.6.1.4.1.1602.1.11.1.3.1.4.101|4|many',
      ].join('\n'),
    );
    const r = await readDevice(device.host, device.options({ version: '2c' }));
    expect(r.device).toMatchObject({
      sysDescr: '42',
      uptime: null,
      mac: null,
      ip: '10.0.0.9', // the row index is the address
      clock: null,
      counters: [],
      supplies: [{ index: 1, description: null, level: null, max: null, percent: null }],
    });
  });

  it('takes the MAC of the interface that carries the IP, skipping loopback', async () => {
    device = await startWalk(
      [
        '1.3.6.1.2.1.2.2.1.6.1|4x|000000000000',
        '1.3.6.1.2.1.2.2.1.6.2|4x|001e8f000002',
        '1.3.6.1.2.1.2.2.1.6.3|4x|001e8f000003',
        '1.3.6.1.2.1.4.20.1.1.10.0.0.2|64|10.0.0.2',
        '1.3.6.1.2.1.4.20.1.1.127.0.0.1|64|127.0.0.1',
        '1.3.6.1.2.1.4.20.1.2.10.0.0.2|2|3',
        '1.3.6.1.2.1.4.20.1.2.127.0.0.1|2|1',
        '1.3.6.1.2.1.4.20.1.3.10.0.0.2|64|255.0.0.0',
        '1.3.6.1.2.1.4.20.1.3.127.0.0.1|64|255.0.0.0',
      ].join('\n'),
    );
    const r = await readDevice(device.host, device.options({ version: '2c' }));
    // 10.0.0.2 sits on ifIndex 3, so its MAC is interface 3's, not the first non-zero one.
    expect(r.device).toMatchObject({ ip: '10.0.0.2', subnet: '255.0.0.0', mac: '001E8F000003' });
  });

  it('stops a looping table walk, keeps the scalars and warns', async () => {
    device = await startProfile('ir-adv-c5535i', { loopAt: '1.3.6.1.2.1.4.20.1.1.127.0.0.1' });
    const r = await readDevice(device.host, device.options({ version: '2c' }));
    expect(r.device.model).toBe('iR-ADV C5535i');
    expect(r.device.ip).toBeNull();
    expect(r.warnings).toContainEqual({ id: 'tables-incomplete', oid: '1.3.6.1.2.1.4.20.1.1.127.0.0.1' });
  });
});
