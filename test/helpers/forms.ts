// Forms and device records shared by the form and enroll tests.
import type { DeviceRecord } from '../../src/types.js';

/** The manual's filled example (e-Club 가입 신청서 작성예), with its MAC corrected. */
export function manualForm(): any {
  return {
    joinDate: '2010-07-15',
    customer: { company: '가나다무역 (주)', department: '총무부', email: 'abcde@hanmail.net', phone: '(02) 712 - 1234', signatory: '홍길동' },
    partner: { name: '민국종합사무기', engineer: '이순신', phone: '(02) 3450 - 0700' },
    consent: { statusCollection: true, privacy: true },
    devices: [{ productName: 'IRC2550I', serial: 'DCQ12345', ip: '101.1.49.233', subnet: '255.255.255.0', gateway: '101.1.49.55', mac: '000085BA57A6' }],
  };
}

/** A record as `eclub setup` leaves it; n varies serial, IP and MAC. */
export function deviceRecord(n: number, over: { gateway?: string | null; comTest?: 'OK' | 'NG' | null } = {}): DeviceRecord {
  const serial = `DCQ1234${n}`;
  return {
    schema: 1,
    key: serial,
    device: {
      host: `101.1.49.${230 + n}`, port: 161, snmpVersion: '1', vendor: 'Canon', model: 'iR C2550i', family: 'iRC',
      productName: 'IRC2550I', serial, firmware: '01.21', mac: `000085BA57A${n}`, ip: `101.1.49.${230 + n}`,
      subnet: '255.255.255.0', gateway: null, sysDescr: 'Canon iR C2550i', sysObjectId: '1.3.6.1.4.1.1602.4.7',
      clock: null, uptime: null, status: { device: null, printer: null, errors: [] }, alerts: [], counters: [], pageCount: null, supplies: [],
    },
    checks: [],
    steps: [{ id: 'erds-enable', path: 'COPIER > FUNCTION > INSTALL > E-RDS', title: 'E-RDS 1', confirmed: true }],
    answers: { dns: ['168.126.63.1', '168.126.63.2'], gateway: over.gateway === undefined ? '101.1.49.55' : over.gateway, comTest: over.comTest === undefined ? 'OK' : over.comTest },
    createdAt: '2026-12-04T01:00:00.000Z',
    updatedAt: '2026-12-04T01:00:00.000Z',
  };
}
