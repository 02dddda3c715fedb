// The form applies the shared network rules (src/checks/rules.ts): the ones it did not check before.
import { describe, expect, it } from 'vitest';
import { checkForm, formatProblem } from '../src/enroll/form.js';
import { en, ko } from '../src/ui/i18n.js';
import { manualForm } from './helpers/forms.js';

type Edit = (f: any) => void;
describe('checkForm: the shared network rules', () => {
  it.each<[string, Edit, string, string, string]>([
    ['loopback device', (f) => Object.assign(f.devices[0], { ip: '127.0.0.5', subnet: '255.0.0.0', gateway: '127.0.0.1' }), 'devices[0].ip:ipUnusable',
      'loopback (127.x)', '루프백(127.x)'],
    ['multicast device', (f) => Object.assign(f.devices[0], { ip: '224.1.49.233', gateway: '224.1.49.55' }), 'devices[0].ip:ipUnusable', 'multicast (224-239)', '멀티캐스트(224-239)'],
    ['device on the network address', (f) => (f.devices[0].ip = '101.1.49.0'), 'devices[0].ip:ipNetwork',
      'network address of 101.1.49.0/24', '101.1.49.0/24의 네트워크 주소'],
    ['device on the broadcast address', (f) => (f.devices[0].ip = '101.1.49.255'), 'devices[0].ip:ipBroadcast',
      'broadcast address of 101.1.49.0/24', '101.1.49.0/24의 브로드캐스트 주소'],
    ['loopback gateway', (f) => (f.devices[0].gateway = '127.0.0.1'), 'devices[0].gateway:gatewayUnusable', 'usable host address', '사용 가능한 호스트 주소'],
    ['DNS 0.0.0.0', (f) => (f.devices[0].dns = ['0.0.0.0']), 'devices[0].dns[0]:dnsUnusable', 'DNS server must be a usable', 'DNS 서버는'],
    ['MAC all zero', (f) => (f.devices[0].mac = '00:00:00:00:00:00'), 'devices[0].mac:mac', 'expected 12 hexadecimal digits', '16진수(0-9, A-F) 12자리'],
    ['the manual\'s MAC names its W', (f) => (f.devices[0].mac = '012346CW69A5'), 'devices[0].mac:mac', 'not hexadecimal: W', '16진수가 아닌 문자: W'],
  ])('%s', (_name, edit, want, enText, koText) => {
    const f = manualForm();
    edit(f);
    const r = checkForm(f);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => `${p.path}:${p.rule}`)).toEqual([want]);
    expect(formatProblem(en, r.problems[0]!)).toContain(enText);
    expect(formatProblem(ko, r.problems[0]!)).toContain(koText);
  });

  it('accepts the SNMP Hex-STRING form of a MAC and writes it as the API does', () => {
    const f = manualForm();
    f.devices[0].mac = '00 00 85 ba 57 a6';
    expect(checkForm(f).form?.devices[0]?.mac).toBe('000085BA57A6');
  });
});
