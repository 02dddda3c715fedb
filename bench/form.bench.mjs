// The enrollment form at its largest (100 devices, 25 printed pages): validating and
// printing must stay instant beside the engineer; baseline = zod's parse alone, no rules.
import { checkForm, formSchema } from '../dist/enroll/form.js';
import { buildFormHtml } from '../dist/enroll/print.js';
import { table } from './lib.mjs';

function form(devices) {
  return {
    joinDate: '2010-07-15',
    customer: { company: '가나다무역 (주)', department: '총무부', email: 'abcde@hanmail.net', phone: '(02) 712 - 1234', signatory: '홍길동' },
    partner: { name: '민국종합사무기', engineer: '이순신', phone: '(02) 3450 - 0700' },
    consent: { statusCollection: true, privacy: true },
    devices: Array.from({ length: devices }, (_, i) => ({
      productName: 'iR-ADV C5235', serial: `DCQ${12000 + i}`, ip: `101.1.${49 + (i >> 6)}.${10 + (i & 63)}`,
      subnet: '255.255.0.0', gateway: '101.1.0.1', mac: `00:00:85:BA:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`,
    })),
  };
}

function median(fn, n = 31) {
  fn();
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(n / 2)];
}

export default async function () {
  const raw = form(100);
  const check = checkForm(raw);
  if (!check.ok) throw new Error(`bench form invalid: ${JSON.stringify(check.problems.slice(0, 3))}`);
  const bad = structuredClone(raw);
  bad.devices.forEach((d) => Object.assign(d, { gateway: '11.22.22.55', mac: '012346CW69A5' }));
  const parse = median(() => formSchema.safeParse(raw));
  const rows = [
    ['checkForm, 100 devices, valid', median(() => checkForm(raw)), 'target <= 50 ms'],
    ['checkForm, 100 devices, 200 problems', median(() => checkForm(bad)), 'target <= 50 ms'],
    ['buildFormHtml, 100 devices (25 pages)', median(() => buildFormHtml(check.form)), 'target <= 50 ms'],
  ];
  table(
    ['measure', 'median ms', 'baseline', 'target'],
    rows.map(([m, ms, target]) => [m, ms.toFixed(2), `zod parse alone: ${parse.toFixed(2)}`, `${target} ${ms <= 50 ? 'ok' : 'MISSED'}`]),
  );
}
