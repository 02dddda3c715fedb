import { describe, expect, it } from 'vitest';
import { checkForm, formatProblem, FormInvalidError, type FormCheck } from '../src/enroll/form.js';
import { en, ko } from '../src/ui/i18n.js';
import { manualForm } from './helpers/forms.js';

const problems = (c: FormCheck) => c.problems.map((p) => `${p.path}:${p.rule}`);

describe('checkForm: the manual form', () => {
  it('accepts it and normalises the paper phone numbers', () => {
    const r = checkForm(manualForm());
    expect(r.ok).toBe(true);
    expect(r.form?.customer.phone).toBe('02-712-1234');
    expect(r.form?.partner.phone).toBe('02-3450-0700');
    expect(r.warnings).toEqual([]);
  });
});

type Edit = (f: any) => void;
describe('checkForm: one rule per line', () => {
  it.each<[string, Edit, string[]]>([
    ["the manual's MAC 012346CW69A5", (f) => (f.devices[0].mac = '012346CW69A5'), ['devices[0].mac:mac']],
    ["the manual's 기재 예 row: gateway 11.22.22.55 for 10.1.2.3/24", (f) => Object.assign(f.devices[0], { ip: '10.1.2.3', gateway: '11.22.22.55' }), ['devices[0].gateway:gatewayOutside']],
    ['gateway = network address', (f) => (f.devices[0].gateway = '101.1.49.0'), ['devices[0].gateway:gatewayNetwork']],
    ['gateway = broadcast address', (f) => (f.devices[0].gateway = '101.1.49.255'), ['devices[0].gateway:gatewayBroadcast']],
    ['gateway inside a /22', (f) => Object.assign(f.devices[0], { subnet: '255.255.252.0', gateway: '101.1.50.1' }), []],
    ['non-contiguous mask', (f) => (f.devices[0].subnet = '255.0.255.0'), ['devices[0].subnet:subnet']],
    ['/32 mask', (f) => (f.devices[0].subnet = '255.255.255.255'), ['devices[0].subnet:subnet']],
    ['ip not IPv4', (f) => (f.devices[0].ip = '101.1.49.256'), ['devices[0].ip:ipv4']],
    ['gateway with leading zero', (f) => (f.devices[0].gateway = '101.1.49.055'), ['devices[0].gateway:ipv4']],
    ['three DNS servers', (f) => (f.devices[0].dns = ['168.126.63.1', '168.126.63.2', '8.8.8.8']), ['devices[0].dns:dnsCount']],
    ['a bad DNS server', (f) => (f.devices[0].dns = ['168.126.63.1', 'kns.kornet.net']), ['devices[0].dns[1]:ipv4']],
    ['duplicate serial (any case)', (f) => f.devices.push({ ...f.devices[0], serial: 'dcq12345', ip: '101.1.49.234', mac: '000085BA57A7' }), ['devices[1].serial:serialDuplicate']],
    ['no devices', (f) => (f.devices = []), ['devices:devicesCount']],
    ['101 devices', (f) => (f.devices = Array.from({ length: 101 }, (_, i) => ({ ...f.devices[0], serial: `DCQ${String(i).padStart(5, '0')}` }))), ['devices:devicesCount']],
    ['consent not given', (f) => (f.consent = { statusCollection: false, privacy: true }), ['consent.statusCollection:consent']],
    ['consent missing', (f) => delete f.consent, ['consent:required']],
    ['e-mail without domain', (f) => (f.customer.email = 'abcde@hanmail'), ['customer.email:email']],
    ['phone with letters', (f) => (f.partner.phone = '02-3450-07OO'), ['partner.phone:phone']],
    ['join date not a date', (f) => (f.joinDate = '2010-02-30'), ['joinDate:date']],
    ['company empty', (f) => (f.customer.company = '   '), ['customer.company:text']],
    ['signatory missing', (f) => delete f.customer.signatory, ['customer.signatory:required']],
    ['serial as a number', (f) => (f.devices[0].serial = 12345678), ['devices[0].serial:type']],
    ['a misspelt field', (f) => (f.devices[0].gatway = '101.1.49.1'), ['devices[0].gatway:unknownField']],
    ['erds.comTest not OK/NG', (f) => (f.devices[0].erds = { enabled: true, comTest: 'FAIL' }), ['devices[0].erds.comTest:oneOf']],
  ])('%s', (_name, edit, want) => {
    const f = manualForm();
    edit(f);
    const r = checkForm(f);
    expect(problems(r)).toEqual(want);
    expect(r.ok).toBe(want.length === 0);
  });
});

describe('checkForm: every problem at once', () => {
  it('lists the manual filled form and 기재 예 row faults together, with the paths and values', () => {
    const f = manualForm();
    f.devices[0].mac = '012346CW69A5';
    f.devices.push({ productName: 'IRC2550I', serial: 'DCQ00000', ip: '10.1.2.3', subnet: '255.255.255.0', gateway: '11.22.22.55', mac: '000085BA57A6' });
    f.customer.email = 'nobody';
    f.consent.privacy = false;
    const r = checkForm(f);
    expect(problems(r)).toEqual(['customer.email:email', 'consent.privacy:consent', 'devices[0].mac:mac', 'devices[1].gateway:gatewayOutside']);
    const error = new FormInvalidError(r.problems);
    expect(error.exitCode).toBe(2);
    const enText = error.render(en);
    expect(enText).toContain('4 problem(s)');
    expect(enText).toContain('devices[0].mac (DCQ12345) "012346CW69A5": expected 12 hexadecimal digits');
    expect(enText).toContain('devices[1].gateway (DCQ00000) "11.22.22.55": the gateway must be inside the device\'s subnet 10.1.2.0/24');
    const koText = error.render(ko);
    expect(koText).toContain('문제가 4개');
    expect(koText).toContain('devices[0].mac (DCQ12345) "012346CW69A5": 000085BA57A6 또는');
    expect(koText).toContain('devices[1].gateway (DCQ00000) "11.22.22.55": 게이트웨이는 기기의 서브넷 10.1.2.0/24 안에');
    expect(koText).toContain('consent.privacy false: 고객의 동의가 필요합니다');
  });

  it.each([
    ['en', en, 'customer.phone "02-712": expected a Korean phone number like 02-712-1234, 031-123-4567, 010-1234-5678 or 1577-3037'],
    ['ko', ko, 'customer.phone "02-712": 02-712-1234, 031-123-4567, 010-1234-5678, 1577-3037 같은 국내 전화번호여야 합니다'],
  ] as const)('names the field, the value and what is allowed in %s', (_lang, t, want) => {
    const f = manualForm();
    f.customer.phone = '02-712';
    const r = checkForm(f);
    expect(formatProblem(t, r.problems[0]!)).toBe(want);
  });

  it('a missing value reads as missing, not as undefined', () => {
    const f = manualForm();
    delete f.partner.engineer;
    expect(formatProblem(en, checkForm(f).problems[0]!)).toBe('partner.engineer (missing): required');
    expect(formatProblem(ko, checkForm(f).problems[0]!)).toBe('partner.engineer (없음): 필수 항목입니다');
  });
});

describe('checkForm: the gateway is the device itself', () => {
  it('is refused, as setup, move and the server refuse it (COM-TEST cannot pass)', () => {
    const f = manualForm();
    f.devices[0].gateway = '101.1.49.233';
    const r = checkForm(f);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => `${p.path}:${p.rule}`)).toEqual(['devices[0].gateway:gatewayIsIp']);
    expect(formatProblem(ko, r.problems[0]!)).toContain('거래처 라우터 주소여야 합니다');
  });
});

describe('checkForm: warnings', () => {
  it.each<[string, Edit, string[]]>([
    ['a third-party NIC', (f) => (f.devices[0].mac = '001122334455'), ['devices[0].mac:macOui']],
    ['an unusual serial', (f) => (f.devices[0].serial = 'AB1234'), ['devices[0].serial:serialPattern']],
    ['COM-TEST said NG', (f) => (f.devices[0].erds = { enabled: true, comTest: 'NG' }), ['devices[0].erds.comTest:comTestNg']],
  ])('%s is allowed with a warning', (_name, edit, want) => {
    const f = manualForm();
    edit(f);
    const r = checkForm(f);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => `${w.path}:${w.rule}`)).toEqual(want);
  });
});
