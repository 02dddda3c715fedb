// The printable 가입 신청서: pure HTML checks, then a real headless Chromium renders it to
// PDF (page count) and to a DOM (texts as a browser sees them, injection not executed).
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkForm, type EnrollmentForm } from '../src/enroll/form.js';
import { buildFormHtml, countFormPages, escapeHtml, FORM_CLAUSES, FORM_PRIVACY, FORM_TITLE } from '../src/enroll/print.js';
import { manualForm } from './helpers/forms.js';

function formWith(devices: number, edit: (f: any) => void = () => {}): EnrollmentForm {
  const f = manualForm();
  f.devices = Array.from({ length: devices }, (_, i) => ({
    productName: 'iR-ADV C5235', serial: `DCQ${String(12340 + i)}`, ip: `101.1.49.${100 + i}`,
    subnet: '255.255.255.0', gateway: '101.1.49.55', mac: `000085BA${i.toString(16).toUpperCase().padStart(4, '0')}`,
  }));
  edit(f);
  const r = checkForm(f);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.form;
}

describe('buildFormHtml', () => {
  it('has the manual layout texts: title, clauses, parts, headers, privacy line, form number', () => {
    const html = buildFormHtml(formWith(1));
    for (const text of [
      FORM_TITLE, '- 다 음 -', '※ 고객작성란', '가입일', '2010년 7월 15일', '(인)', '※ 파트너 작성란', '가입고객정보', '상호',
      '담당부서', '이메일', '전화번호', 'NO', '제품정보', '네트워크 정보', '제품명', '기번', 'IP주소', 'subnet', 'gateway',
      'Mac address', '가입신청담당', '파트너명', '[양식번호 #001]', '민국종합사무기', '이순신', '02-3450-0700', '02-712-1234',
    ]) {
      expect(html).toContain(text);
    }
    for (const clause of FORM_CLAUSES) expect(html).toContain(escapeHtml(clause));
    expect(html).toContain(escapeHtml(FORM_PRIVACY));
  });

  it.each([
    [1, 1], [4, 1], [5, 2], [6, 2], [8, 2], [9, 3], [100, 25],
  ])('%i device(s) → %i page(s), 4 rows each', (devices, pages) => {
    const html = buildFormHtml(formWith(devices));
    expect(countFormPages(devices)).toBe(pages);
    expect(html.match(/<section class="page"/g)).toHaveLength(pages);
    expect(html.match(/<tr class="device">/g)).toHaveLength(pages * 4);
  });

  it('escapes every value: a company name cannot inject markup', () => {
    const html = buildFormHtml(formWith(1, (f) => (f.customer.company = '<script>alert(1)</script> & "Co"')));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
  });
});

// --- a real browser --------------------------------------------------------------------
const chromium = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).stdout.trim().split('\n')[0] ?? '';
if (!chromium && !process.env.CI) {
  console.warn('form-print: chromium not found, skipping the browser test (apt-get install chromium; CI fails without it)');
}
const tmp = mkdtempSync(join(tmpdir(), 'eclub-print-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Run headless Chromium on a local file; never touches the network (file:// only, background networking off, no name resolved). */
function runChromium(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(chromium, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-extensions', '--no-default-browser-check',
      // Even so Chromium looks up accounts.google.com, clients2.google.com and update.googleapis.com
      // (seen with strace): resolve no name at all, so nothing leaves 127.0.0.0/8.
      '--host-resolver-rules=MAP * ~NOTFOUND', '--no-pings', '--disable-domain-reliability',
      `--user-data-dir=${join(tmp, 'profile')}`, ...args,
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Page count from the PDF's page tree root ("/Type /Pages … /Count n"). */
function pdfPageCount(pdf: Buffer): number {
  const counts = [...pdf.toString('latin1').matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1]));
  return Math.max(0, ...counts);
}

describe.runIf(chromium || process.env.CI)('the printed form in headless Chromium', () => {
  it('finds chromium (CI installs it in .ci/run)', () => {
    expect(chromium, 'chromium is not installed: apt-get install chromium').not.toBe('');
  });

  it('6 devices print on 2 A4 pages; 9 on 3', { timeout: 120_000 }, async () => {
    for (const [devices, pages] of [[6, 2], [9, 3]] as const) {
      const html = join(tmp, `form-${devices}.html`);
      const pdf = join(tmp, `form-${devices}.pdf`);
      writeFileSync(html, buildFormHtml(formWith(devices)));
      const r = await runChromium(['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(html).href]);
      expect(r.code, r.stderr).toBe(0);
      expect(pdfPageCount(readFileSync(pdf))).toBe(pages);
    }
  });

  it('the browser sees the filled values and the injected name as text', { timeout: 120_000 }, async () => {
    const html = join(tmp, 'form-dom.html');
    writeFileSync(html, buildFormHtml(formWith(5, (f) => (f.customer.company = '가나다무역 <img src=x onerror=alert(1)>'))));
    const r = await runChromium(['--dump-dom', pathToFileURL(html).href]);
    expect(r.code, r.stderr).toBe(0);
    const dom = r.stdout;
    expect(dom.match(/<section class="page"/g)).toHaveLength(2);
    expect(dom).toContain('가나다무역 &lt;img src=x onerror=alert(1)&gt;');
    expect(dom).not.toMatch(/<img/);
    for (const text of ['DCQ12340', '101.1.49.100', '000085BA0004', 'IRADVC5235', '[양식번호 #001]', '1 / 2', '2 / 2', '홍길동']) {
      expect(dom).toContain(text);
    }
  });
});
