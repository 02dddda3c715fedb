import { describe, expect, it } from 'vitest';
import { buildDiagnoseExitCode, buildVerdict } from '../src/checks/verdict.js';
import { en, ko } from '../src/ui/i18n.js';
import type { CheckResult, CheckStatus } from '../src/types.js';

const check = (id: string, status: CheckStatus, fix: string | null = `fix ${id}`): CheckResult => ({
  id,
  status,
  evidence: `evidence of ${id}`,
  fix,
});
const pass = (...ids: string[]) => ids.map((id) => check(id, 'pass', null));
const ALL = ['device-snmp', 'device-icmp', 'gateway-in-subnet', 'gateway-icmp', 'dns', 'ugw-tcp', 'ugw-tls', 'ugw-http', 'device-clock'];
const failing = (...ids: string[]) => ALL.map((id) => (ids.includes(id) ? check(id, 'fail') : check(id, 'pass', null)));

describe('buildVerdict ranks causes', () => {
  const cases: Array<[string, CheckResult[], string | null, number]> = [
    ['all pass → no cause, exit 0', pass(...ALL), null, 0],
    ['warnings only → no cause, exit 0', [...pass('dns'), check('device-clock', 'warn'), check('gateway-icmp', 'warn')], null, 0],
    ['device unreachable outranks everything, exit 3', failing('device-snmp', 'dns', 'ugw-tcp'), 'device-snmp', 3],
    ['gateway outside the subnet before DNS', failing('gateway-in-subnet', 'dns'), 'gateway-in-subnet', 6],
    ['gateway only → exit 1', failing('gateway-in-subnet'), 'gateway-in-subnet', 1],
    ['DNS before its symptoms', [...failing('dns'), check('ugw-tcp', 'skip')], 'dns', 6],
    ['TCP filtered or refused', failing('ugw-tcp'), 'ugw-tcp', 6],
    ['TLS re-signing before the clock', failing('ugw-tls', 'device-clock'), 'ugw-tls', 6],
    ['proxy 407', failing('ugw-http'), 'ugw-http', 6],
    ['clock alone → exit 1', failing('device-clock'), 'device-clock', 1],
    ['unknown ids come after known ones', [check('mac-valid', 'fail'), check('device-clock', 'fail')], 'device-clock', 1],
    ['unknown ids alone keep their order', [check('mac-valid', 'fail'), check('serial-pattern', 'fail')], 'mac-valid', 1],
  ];
  it.each(cases)('%s', (_name, checks, cause, code) => {
    const v = buildVerdict(checks, en);
    expect(v.cause).toBe(cause);
    expect(buildDiagnoseExitCode(checks)).toBe(code);
    if (cause) {
      expect(v.fix).toBe(`fix ${cause}`);
      expect(v.message).toContain(`evidence of ${cause}`);
    } else {
      expect(v.fix).toBeNull();
    }
  });

  it('says the cause in the reader\'s language', () => {
    expect(buildVerdict(failing('ugw-http'), en).message).toMatch(/^most likely cause: the proxy or the UGW's HTTP answer — /);
    expect(buildVerdict(failing('ugw-http'), ko).message).toMatch(/^가장 유력한 원인: 프록시 또는 UGW의 HTTP 응답 — /);
    expect(buildVerdict(pass(...ALL), ko).message).toContain('원인을 찾지 못함');
    expect(buildVerdict([check('device-clock', 'warn')], en).message).toContain('1 warning)');
  });
});
