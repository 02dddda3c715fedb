// eclub enroll as a user runs it: records made by setup in a temp ECLUB_HOME, the form
// from --file, flags or a scripted prompter; --dry-run, --print and --json. No server here:
// nothing may be sent (the outbox stays empty).
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { CancelledError } from '../src/errors.js';
import { join } from 'node:path';
import { saveDeviceRecord } from '../src/store/devices.js';
import { scriptedPrompter } from '../src/ui/prompt.js';
import { runCli, tempHome } from './helpers/cli.js';
import { deviceRecord, manualForm } from './helpers/forms.js';

const homes: Array<() => void> = [];
afterEach(() => homes.splice(0).forEach((f) => f()));

const TOKEN = 'tok-SECRET-7f3a9c';

async function home(records = 0) {
  const h = tempHome();
  homes.push(h.cleanup);
  for (let i = 1; i <= records; i++) await saveDeviceRecord(join(h.dir, 'devices'), deviceRecord(i));
  // A saved session and partner defaults, as login and config leave them.
  writeFileSync(join(h.dir, 'token.json'), JSON.stringify({ token: TOKEN, expiresAt: '2099-01-01T00:00:00Z' }));
  writeFileSync(join(h.dir, 'config.json'), JSON.stringify({ 'partner.name': '민국종합사무기', 'partner.engineer': '이순신', 'partner.phone': '02-3450-0700' }));
  const writeForm = (form: unknown, name = 'form.json') => {
    const path = join(h.dir, name);
    writeFileSync(path, JSON.stringify(form));
    return path;
  };
  const outboxEmpty = () => !existsSync(join(h.dir, 'outbox')) || readdirSync(join(h.dir, 'outbox')).length === 0;
  return { dir: h.dir, env: { ECLUB_HOME: h.dir }, writeForm, outboxEmpty };
}

function manualFaults() {
  const f = manualForm();
  f.devices[0].mac = '012346CW69A5';
  f.devices.push({ productName: 'IRC2550I', serial: 'DCQ00000', ip: '10.1.2.3', subnet: '255.255.255.0', gateway: '11.22.22.55', mac: '000085BA57A6' });
  f.customer.phone = '(02) 712';
  return f;
}

describe('eclub enroll --file with an invalid form', () => {
  it.each([
    ['en', ['the form has 3 problem(s); nothing was sent', 'customer.phone "(02) 712": expected a Korean phone number', 'devices[0].mac (DCQ12345) "012346CW69A5": expected 12 hexadecimal digits', 'devices[1].gateway (DCQ00000) "11.22.22.55": the gateway must be inside'], 'fix:'],
    ['ko', ['신청서에 문제가 3개 있습니다. 아무것도 보내지 않았습니다', 'customer.phone "(02) 712": 02-712-1234', 'devices[0].mac (DCQ12345) "012346CW69A5": 000085BA57A6 또는', 'devices[1].gateway (DCQ00000) "11.22.22.55": 게이트웨이는 기기의 서브넷 10.1.2.0/24 안에'], '조치:'],
  ] as const)('exits 2 listing every field (%s), nothing sent', async (lang, lines, fix) => {
    const h = await home();
    const r = await runCli(['--lang', lang, 'enroll', '--file', h.writeForm(manualFaults()), '--yes'], { env: h.env });
    expect(r.code).toBe(2);
    for (const line of lines) expect(r.stderr).toContain(line);
    expect(r.stderr).toContain(fix);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    expect(h.outboxEmpty()).toBe(true);
  });

  it('--json prints the form, the validation with a message per field, and no outcome', async () => {
    const h = await home();
    const r = await runCli(['--json', 'enroll', '--file', h.writeForm(manualFaults()), '--yes'], { env: h.env });
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.outcome).toBeNull();
    expect(out.validation.ok).toBe(false);
    expect(out.validation.problems.map((p: any) => [p.path, p.rule, p.value])).toEqual([
      ['customer.phone', 'phone', '(02) 712'],
      ['devices[0].mac', 'mac', '012346CW69A5'],
      ['devices[1].gateway', 'gatewayOutside', '11.22.22.55'],
    ]);
    expect(out.validation.problems[2].message).toContain('10.1.2.0/24');
  });

  it('is told which file is not JSON', async () => {
    const h = await home();
    const path = join(h.dir, 'broken.json');
    writeFileSync(path, '{"joinDate": ');
    const r = await runCli(['enroll', '--file', path, '--dry-run'], { env: h.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--file ${path} is not valid JSON`);
  });

  it.each([
    ['en', '[{"serial": "DCQ12345"}]', 'must hold one JSON object'],
    ['ko', '"DCQ12345"', 'JSON 객체 하나'],
    ['en', 'null', 'must hold one JSON object'],
  ])('is told the file must hold one object, not ask for every field (%s, %s)', async (lang, text, words) => {
    const h = await home();
    const path = join(h.dir, 'form.json');
    writeFileSync(path, text);
    const r = await runCli(['--lang', lang, 'enroll', '--file', path, '--dry-run'], { env: h.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(path);
    expect(r.stderr).toContain(words);
    expect(r.stderr).not.toContain('--company');
  });
});

describe('eclub enroll: what it says on the way, in the user language', () => {
  it.each([
    ['en', 'DCQ12341 is already enrolled (E-2026-000007, pending (waiting for headquarters))'],
    ['ko', 'DCQ12341은(는) 이미 가입되어 있습니다 (E-2026-000007, 대기 (본사 승인 전))'],
  ])('an already enrolled device is warned with its status (%s)', async (lang, words) => {
    const h = await home(1);
    const enrolled = { ...deviceRecord(1), enrollment: { id: 'E-2026-000007', status: 'pending', updatedAt: '2026-12-04T10:00:00Z' } };
    await saveDeviceRecord(join(h.dir, 'devices'), enrolled);
    const r = await runCli(['--lang', lang, 'enroll', '--file', h.writeForm(manualForm()), '--device', 'DCQ12341', '--dry-run'], { env: h.env });
    expect(r.stderr).toContain(words);
  });

  it.each([
    ['en', 'a file stands where a folder is needed (EEXIST)'],
    ['ko', '폴더가 있어야 할 자리에 파일이 있습니다 (EEXIST)'],
  ])('--print into a path under a file says why (%s)', async (lang, words) => {
    const h = await home(1);
    const blocker = join(h.dir, 'a-file');
    writeFileSync(blocker, 'x');
    const r = await runCli(['--lang', lang, 'enroll', '--file', h.writeForm(manualForm()), '--print', join(blocker, 'form.html')], { env: h.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(words);
  });
});

describe('eclub enroll --dry-run', () => {
  it('prints the request with the normalised body and no token or Authorization', async () => {
    const h = await home();
    const f = manualForm();
    f.devices[0].mac = '00:00:85:ba:57:a6';
    f.devices[0].productName = 'iR C2550i';
    const r = await runCli(['enroll', '--file', h.writeForm(f), '--dry-run'], { env: h.env });
    expect(r.code).toBe(0);
    const [head, body] = r.stdout.split('\n\n');
    expect(head).toBe('POST /v1/enrollments\nContent-Type: application/json');
    const sent = JSON.parse(body!);
    expect(sent.customer.phone).toBe('02-712-1234');
    expect(sent.devices[0]).toMatchObject({ productName: 'IRC2550I', mac: '000085BA57A6' });
    expect(r.stderr).toContain('dry run: nothing was sent');
    for (const out of [r.stdout, r.stderr]) {
      expect(out).not.toContain(TOKEN);
      expect(out).not.toMatch(/authorization:/i);
    }
    expect(h.outboxEmpty()).toBe(true);
  });

  it('builds the form from flags and recorded devices, partner from config (--json)', async () => {
    const h = await home(3);
    const r = await runCli(
      ['--json', 'enroll', '--company', '가나다무역 (주)', '--department', '총무부', '--email', 'abcde@hanmail.net', '--phone', '02 712 1234',
        '--signatory', '홍길동', '--device', 'dcq12341', '--device', 'DCQ12343', '--consent', '--join-date', '2026-12-04', '--dry-run'],
      { env: h.env },
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.validation).toEqual({ ok: true, problems: [], warnings: [] });
    expect(out.request).toMatchObject({ method: 'POST', path: '/v1/enrollments' });
    expect(out.request.headers).not.toHaveProperty('Authorization');
    expect(out.form.partner).toEqual({ name: '민국종합사무기', engineer: '이순신', phone: '02-3450-0700' });
    expect(out.form.joinDate).toBe('2026-12-04');
    expect(out.form.devices).toEqual([
      { productName: 'IRC2550I', serial: 'DCQ12341', ip: '101.1.49.231', subnet: '255.255.255.0', gateway: '101.1.49.55', mac: '000085BA57A1',
        dns: ['168.126.63.1', '168.126.63.2'], erds: { enabled: true, comTest: 'OK', checkedAt: '2026-12-04T01:00:00.000Z' } },
      expect.objectContaining({ serial: 'DCQ12343', mac: '000085BA57A3' }),
    ]);
    expect(r.stdout).not.toContain(TOKEN);
  });

  it('completes a file device given by serial alone from its record; join date defaults to today in Seoul', async () => {
    const h = await home(2);
    const f = manualForm();
    delete f.joinDate;
    f.devices = [{ serial: 'DCQ12342' }, { serial: 'DCQ12341', gateway: '101.1.49.1' }];
    const r = await runCli(['--json', 'enroll', '--file', h.writeForm(f), '--dry-run'], { env: h.env, now: new Date('2026-12-04T16:00:00Z') });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.form.joinDate).toBe('2026-12-05');
    expect(out.form.devices.map((d: any) => [d.serial, d.ip, d.gateway])).toEqual([
      ['DCQ12342', '101.1.49.232', '101.1.49.55'],
      ['DCQ12341', '101.1.49.231', '101.1.49.1'], // the file's value wins over the record
    ]);
  });

  it('a serial with no record is one line naming eclub setup, not six "required"', async () => {
    const h = await home(1);
    const f = manualForm();
    f.devices = [{ serial: 'DCQ12341' }, { serial: 'XTK01222' }];
    const r = await runCli(['enroll', '--file', h.writeForm(f), '--dry-run'], { env: h.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('1 problem(s)');
    expect(r.stderr).toContain('devices[1].serial "XTK01222": no device record with this serial: run eclub setup');
  });
});

describe('eclub enroll without a terminal', () => {
  it.each([
    ['en', '8 value(s) are needed', ['--company', '--department', '--phone', '--signatory', '--engineer', '--partner-phone', '--consent', '--device / --all-devices']],
    ['ko', '8개 값이 필요하지만', ['--company', '--consent', '--device / --all-devices', '가입고객 상호', '고객 동의']],
  ] as const)('names every missing flag at once (%s), exit 2', async (lang, head, flags) => {
    const h = await home(1);
    writeFileSync(join(h.dir, 'config.json'), JSON.stringify({ 'partner.name': '민국종합사무기' }));
    const r = await runCli(['--lang', lang, 'enroll', '--no-input', '--email', 'abcde@hanmail.net'], { env: h.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(head);
    for (const f of flags) expect(r.stderr).toContain(f);
    expect(r.stderr).not.toMatch(/^\s+--partner\s/m); // given by config
    expect(r.stderr).not.toMatch(/^\s+--email\s/m); // given by flag
  });

  it('asks for --yes before sending', async () => {
    const h = await home(1);
    const r = await runCli(['enroll', '--file', h.writeForm(manualForm()), '--no-input'], { env: h.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes');
    expect(h.outboxEmpty()).toBe(true);
  });
});

describe('eclub enroll --print', () => {
  it('writes the printable form and stops without sending when nobody confirms', async () => {
    const h = await home(6);
    const f = manualForm();
    f.devices = [1, 2, 3, 4, 5, 6].map((n) => ({ serial: `DCQ1234${n}` }));
    const out = join(h.dir, 'form.html');
    const r = await runCli(['enroll', '--file', h.writeForm(f), '--print', out, '--no-input'], { env: h.env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`printable form written to ${out} (2 page(s), A4)`);
    expect(r.stderr).toContain('not sent');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('캐논코리아 비즈니스 솔루션(주) 『e-Club』 가입 신청서');
    expect(html).toContain('DCQ12346');
    expect(h.outboxEmpty()).toBe(true);
  });

  it('an invalid form is not printed: exit 2, no file', async () => {
    const h = await home();
    const out = join(h.dir, 'form.html');
    const r = await runCli(['enroll', '--file', h.writeForm(manualFaults()), '--print', out], { env: h.env });
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('eclub enroll, interactive', () => {
  it('asks the customer part, shows the clauses, picks 2 of 3 recorded devices', async () => {
    const h = await home(3);
    const prompter = scriptedPrompter([
      { input: '가나다무역 (주)' },
      { input: '총무부' },
      { input: 'abcde@hanmail.net' },
      { input: '(02) 712 - 1234' },
      { input: '홍길동' },
      { confirm: true },
      { confirm: true },
      { checkbox: ['DCQ12341', 'DCQ12343'] },
    ]);
    const r = await runCli(['--json', 'enroll', '--dry-run'], { env: h.env, prompter });
    expect(r.code).toBe(0);
    expect(prompter.remaining()).toBe(0);
    expect(prompter.asked).toEqual([
      'customer company (상호)', 'customer department (담당부서)', 'customer e-mail (이메일)', 'customer phone (전화번호)',
      "customer's signatory (담당자)", expect.stringContaining('clause 3'), expect.stringContaining('privacy'), expect.stringContaining('Devices to enroll'),
    ]);
    expect(r.stderr).toContain('시스템 설치 및 복사기의 상태 정보 수집하는 것에 대해 동의합니다');
    const out = JSON.parse(r.stdout);
    expect(out.form.customer).toEqual({ company: '가나다무역 (주)', department: '총무부', email: 'abcde@hanmail.net', phone: '02-712-1234', signatory: '홍길동' });
    expect(out.form.consent).toEqual({ statusCollection: true, privacy: true });
    expect(out.form.devices.map((d: any) => d.serial)).toEqual(['DCQ12341', 'DCQ12343']);
  });

  it.each([
    ['en', /\d+\.\d+\.\d+\.\d+  subnet \d+\.\d+\.\d+\.\d+  gateway \d+/, /IP주소|서브넷|게이트웨이/],
    ['ko', /IP주소 \d+\.\d+\.\d+\.\d+  서브넷 \d+\.\d+\.\d+\.\d+  게이트웨이 \d+/, /subnet|gateway/],
  ])('the summary before submitting is in the user language (%s)', async (lang, line, otherLanguage) => {
    const h = await home(1);
    const prompter = scriptedPrompter([{ confirm: false }]);
    const r = await runCli(['--lang', lang, 'enroll', '--file', h.writeForm(manualForm())], { env: h.env, prompter });
    expect(r.code).toBe(130);
    expect(prompter.remaining()).toBe(0);
    expect(r.stderr).toMatch(line);
    expect(r.stderr).not.toMatch(otherLanguage);
  });

  it('a declined consent is a form problem, in Korean too', async () => {
    const h = await home(1);
    const prompter = scriptedPrompter([{ confirm: true }, { confirm: false }]);
    const r = await runCli(['--lang', 'ko', 'enroll', '--file', h.writeForm({ ...manualForm(), consent: undefined }), '--dry-run'], { env: h.env, prompter });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('consent.privacy false: 고객의 동의가 필요합니다');
  });
});

describe('eclub enroll, Ctrl-C', () => {
  it('keeps the answers so far (mode 0600) and resumes from them with --file', async () => {
    const h = await home(2);
    const answers = ['가나다무역 (주)', '총무부'];
    // Two answers, then Ctrl-C at the third question, as the terminal prompter reports it.
    const prompter = {
      ...scriptedPrompter([]),
      input: async () => {
        const a = answers.shift();
        if (a === undefined) throw new CancelledError();
        return a;
      },
    };
    const r = await runCli(['enroll'], { env: h.env, prompter });
    expect(r.code).toBe(130);
    const draft = join(h.dir, 'reports', 'enroll-draft.json');
    expect(r.stderr).toContain(`cancelled — what was entered so far is kept in ${draft}`);
    expect(statSync(draft).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(draft, 'utf8')).customer).toEqual({ company: '가나다무역 (주)', department: '총무부' });

    const resumed = await runCli(
      ['--json', 'enroll', '--file', draft, '--email', 'abcde@hanmail.net', '--phone', '02-712-1234', '--signatory', '홍길동', '--all-devices', '--consent', '--dry-run'],
      { env: h.env },
    );
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout).form.customer.company).toBe('가나다무역 (주)');
  });
});
