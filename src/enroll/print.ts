// The printable enrollment form (가입 신청서, form #001) in the manual's layout, always in
// Korean (it is Canon Korea's paper form): one self-contained A4 page per 4 devices, each
// page a complete form to sign. Pure: form in, HTML out. Every value is escaped.
import { FORM_ROWS_PER_PAGE } from '../domain.js';
import type { EnrollmentDevice, EnrollmentForm } from './form.js';

export const FORM_TITLE = '캐논코리아 비즈니스 솔루션(주) 『e-Club』 가입 신청서';

export const FORM_INTRO =
  '아래 고객은 캐논코리아 비즈니스 솔루션(주)(이하 "캐논"이라 함)가 제공하는 『e-Club』 회원 가입을 다음과 같이 신청합니다.';

/**
 * The four clauses verbatim from the manual's filled example (작성예). The blank form in
 * the manual says "이용할 수 있도록한" and "수립 의의 목적" — spacing slip and typo that the
 * filled example corrects; we print the corrected text.
 */
export const FORM_CLAUSES = [
  '"캐논"의 『e-club』 회원이란, "캐논"의 최첨단 원격장애진단 시스템을 이용할 수 있는 자격이 부여된 "캐논"의 고객입니다.',
  '『e-club』은 Web를 통해 고객님께서 사용중인 복사기의 고장유무, 소모품(토너, 드럼 등) 사용상태 등을 점검함으로써 고객님께서 "캐논"의 제품 이용에 불편함이 없도록 사전에 On-Off line 서비스를 제공하여 항상 최상의 상태에서 "캐논"의 제품을 이용할 수 있도록 한 시스템입니다.',
  '고객님께서는 "캐논"이 『e-club』 서비스 제공을 위한 시스템 설치 및 복사기의 상태 정보 수집하는 것에 대해 동의합니다.',
  '본 『e-club』은 "캐논"의 "고객등급관리기준"에 의거 회원가입여부가 결정되며, 탈퇴는 고객님의 자유의사에 따라 담당자에게 연락주시면 신속히 처리하여 드립니다.',
] as const;

export const FORM_PRIVACY =
  '※ 본 서비스를 통해 알게 되는 고객관련정보(고객명,주소,연락처,카운터)는 원활한 고객 서비스 제공 및 지원 계획 수립 외의 목적이나 용도로 사용하지 않습니다.';

export const FORM_NUMBER = '[양식번호 #001]';
export const FORM_ISSUER = '캐논코리아 비즈니스 솔루션(주)';

export interface PrintOptions {
  /** Device rows on one page; the paper form has 4. */
  rowsPerPage?: number;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/** 2010-07-15 → "2010년 7월 15일", as the paper's 가입일 box reads. */
export function formatKoreanDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}년 ${Number(m)}월 ${Number(d)}일`;
}

/** How many pages a form with this many devices prints on. */
export function countFormPages(deviceCount: number, rowsPerPage = FORM_ROWS_PER_PAGE): number {
  return Math.max(1, Math.ceil(deviceCount / rowsPerPage));
}

const CSS = `
@page { size: A4; margin: 14mm 14mm 12mm 14mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "Noto Sans CJK KR", "Malgun Gothic", "Apple SD Gothic Neo", "Nanum Gothic", sans-serif;
  font-size: 9.5pt; line-height: 1.45; color: #000; background: #fff; }
.page { width: 182mm; margin: 0 auto; break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
h1 { font-size: 15pt; text-align: center; margin: 2mm 0 6mm; letter-spacing: 0.5px; }
.intro { margin: 0 0 3mm; }
.center { text-align: center; margin: 2mm 0; }
ol.clauses { margin: 0 0 5mm; padding-left: 5mm; }
ol.clauses li { margin-bottom: 1.5mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 0.3mm solid #000; padding: 1.6mm 1.4mm; vertical-align: middle; word-break: break-all; }
th { background: #eee; font-weight: bold; text-align: center; white-space: nowrap; }
td { text-align: center; }
td.left { text-align: left; }
.note { border: none; background: none; text-align: left; font-weight: bold; padding-left: 0; }
table.customer { margin-bottom: 5mm; }
table.main tr.device td { height: 9mm; font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8.5pt; }
.sign { white-space: nowrap; }
.sign .mark { color: #555; margin-left: 3mm; }
.privacy { margin: 4mm 0 2mm; font-size: 8.5pt; }
footer { display: flex; justify-content: space-between; font-size: 8.5pt; margin-top: 3mm; }
`;

function cell(value: string | undefined, cls = ''): string {
  return `<td${cls ? ` class="${cls}"` : ''}>${escapeHtml(value ?? '')}</td>`;
}

function deviceRow(no: number, d: EnrollmentDevice | undefined): string {
  return [
    '<tr class="device">',
    `<td>${no}</td>`,
    cell(d?.productName),
    cell(d?.serial),
    cell(d?.ip),
    cell(d?.subnet),
    cell(d?.gateway),
    cell(d?.mac),
    '</tr>',
  ].join('');
}

function buildPage(form: EnrollmentForm, devices: readonly EnrollmentDevice[], first: number, rows: number, page: number, pages: number): string {
  const c = form.customer;
  const p = form.partner;
  const deviceRows = Array.from({ length: rows }, (_, i) => deviceRow(first + i + 1, devices[i])).join('\n');
  return `<section class="page" data-page="${page}">
<h1>${FORM_TITLE}</h1>
<p class="intro">${escapeHtml(FORM_INTRO)}</p>
<p class="center">- 다 음 -</p>
<ol class="clauses">
${FORM_CLAUSES.map((text) => `<li>${escapeHtml(text)}</li>`).join('\n')}
</ol>
<table class="customer">
<colgroup><col style="width:22%"><col style="width:12%"><col style="width:26%"><col style="width:12%"><col style="width:28%"></colgroup>
<tr><th class="note">※ 고객작성란</th><th>가입일</th>${cell(formatKoreanDate(form.joinDate))}<th>담당자</th><td class="sign">${escapeHtml(c.signatory)}<span class="mark">(인)</span></td></tr>
</table>
<p class="note">※ 파트너 작성란</p>
<table class="main">
<colgroup><col style="width:13%"><col style="width:13%"><col style="width:12%"><col style="width:15%"><col style="width:15%"><col style="width:14%"><col style="width:18%"></colgroup>
<tr><th rowspan="2">가입고객정보</th><th>상호</th><td colspan="2" class="left">${escapeHtml(c.company)}</td><th>담당부서</th><td colspan="2" class="left">${escapeHtml(c.department)}</td></tr>
<tr><th>이메일</th><td colspan="2" class="left">${escapeHtml(c.email)}</td><th>전화번호</th><td colspan="2" class="left">${escapeHtml(c.phone)}</td></tr>
<tr><th rowspan="2">NO</th><th colspan="2">제품정보</th><th colspan="4">네트워크 정보</th></tr>
<tr><th>제품명</th><th>기번</th><th>IP주소</th><th>subnet</th><th>gateway</th><th>Mac address</th></tr>
${deviceRows}
<tr class="applicant"><th>가입신청담당</th><th>파트너명</th>${cell(p.name)}<th>담당자</th>${cell(p.engineer)}<th>전화번호</th>${cell(p.phone)}</tr>
</table>
<p class="privacy">${escapeHtml(FORM_PRIVACY)}</p>
<footer><span>${FORM_NUMBER}</span><span>${FORM_ISSUER}</span><span>${page} / ${pages}</span></footer>
</section>`;
}

/** The whole printable form: one A4 page per `rowsPerPage` devices, each a full form. */
export function buildFormHtml(form: EnrollmentForm, opts: PrintOptions = {}): string {
  const rows = opts.rowsPerPage ?? FORM_ROWS_PER_PAGE;
  const pages = countFormPages(form.devices.length, rows);
  const body = Array.from({ length: pages }, (_, i) =>
    buildPage(form, form.devices.slice(i * rows, (i + 1) * rows), i * rows, rows, i + 1, pages),
  ).join('\n');
  return `<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<title>${FORM_TITLE} — ${escapeHtml(form.customer.company)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
