// Glue between the CLI context and the form: gather (flags, file, config, prompt),
// validate, print, show, confirm, then send. Side effects last; --dry-run stops before the send.
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Ctx } from '../context.js';
import type { ApiOptions } from './api.js';
import type { SendOutcome } from './outbox.js';
import { CancelledError, ExitCode, UsageError } from '../errors.js';
import { readOptionFile } from '../store/option-file.js';
import { listDeviceRecords } from '../store/devices.js';
import { writeFileAtomic } from '../store/atomic.js';
import { loadConfig, type Config } from '../store/config.js';
import { buildValidationJson, checkForm, FormInvalidError, formatWarning, type EnrollmentForm } from './form.js';
import { askMissing, buildDraft, checkAlreadyEnrolled, type EnrollFlags } from './input.js';
import { buildToday } from './normalise.js';
import { buildFormHtml, countFormPages } from './print.js';

export interface EnrollInput {
  flags: EnrollFlags;
  file?: string;
  dryRun: boolean;
  print?: string;
  attach?: string;
  api: ApiOptions;
  yes: boolean;
}

/** What would go on the wire; the token and Idempotency-Key are added only when sending. */
export function buildEnrollmentRequest(form: EnrollmentForm) {
  return {
    method: 'POST' as const,
    path: '/v1/enrollments' as const,
    headers: { 'Content-Type': 'application/json' },
    body: form,
  };
}

/** The interactive answers so far, kept to resume with --file after Ctrl-C. */
function draftPath(ctx: Ctx): string {
  return join(ctx.paths.reports, 'enroll-draft.json');
}

async function loadFormFile(path: string): Promise<unknown> {
  const text = (await readOptionFile('--file', path)).toString('utf8');
  let form: unknown;
  try {
    form = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (err) {
    const reason = (err as Error).message;
    throw new UsageError((t) => t.enrollFileNotJson({ path, reason }), undefined, { cause: err });
  }
  // An array or a bare value would read as an empty form and ask for every field.
  if (typeof form !== 'object' || form === null || Array.isArray(form)) {
    throw new UsageError((t) => t.enrollFileNotObject({ path }));
  }
  return form;
}

function printSummary(ctx: Ctx, form: EnrollmentForm): void {
  const { t, out } = ctx;
  const c = out.c;
  out.info(c.bold(t.enrollSummaryTitle));
  out.info(t.enrollSummaryJoinDate({ date: form.joinDate }));
  out.info(t.enrollSummaryCustomer(form.customer));
  out.info(t.enrollSummaryPartner(form.partner));
  form.devices.forEach((d, i) => out.info(t.enrollSummaryDevice({ no: i + 1, ...d })));
}

export async function enrollCommand(ctx: Ctx, input: EnrollInput): Promise<number> {
  const { t, out } = ctx;
  const file = input.file !== undefined ? await loadFormFile(resolve(ctx.io.cwd, input.file)) : undefined;
  const { records } = await listDeviceRecords(ctx.paths.devices);
  // Read once: partner defaults here, the endpoint and timing when sending.
  const config = await loadConfig(ctx);
  const draft = buildDraft({
    flags: input.flags,
    file,
    // Partner defaults: config's partner.name/engineer/phone, or ECLUB_PARTNER_*.
    partnerDefaults: config.partner,
    records,
    today: buildToday(ctx.io.now()),
  });
  const keep = {
    path: draftPath(ctx),
    // Customer data: readable by the engineer only.
    save: (body: unknown) => writeFileAtomic(draftPath(ctx), JSON.stringify(body, null, 2) + '\n', 0o600),
  };
  await askMissing({ prompt: ctx.prompt, t, out, noInput: ctx.noInput, keep }, draft, records);

  const check = checkForm(draft.body, draft.problems);
  const validation = buildValidationJson(t, check);
  if (!check.ok) {
    const error = new FormInvalidError(check.problems);
    if (!ctx.json) throw error;
    out.json({ form: draft.body, validation, request: null, printed: null, outcome: null });
    out.info(`${out.c.red(t.errPrefix + ':')} ${error.render(t)}`);
    return error.exitCode;
  }
  const form = check.form;
  for (const w of check.warnings) out.warn(formatWarning(t, w));
  for (const e of checkAlreadyEnrolled(form.devices.map((d) => d.serial), records)) {
    out.warn(t.enrollWarnAlreadyEnrolled({ ...e, status: t.apiStatusValue({ status: e.status }) }));
  }

  let printed: { path: string; pages: number } | null = null;
  if (input.print !== undefined) {
    const path = resolve(ctx.io.cwd, input.print);
    try {
      await writeFileAtomic(path, buildFormHtml(form));
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      throw new UsageError((x) => x.storeWriteFailed({ path, reason }), undefined, { cause: err });
    }
    printed = { path, pages: countFormPages(form.devices.length) };
    out.info(t.enrollPrinted(printed));
  }

  const request = buildEnrollmentRequest(form);
  if (input.dryRun) {
    if (ctx.json) out.json({ form, validation, request, printed, outcome: null });
    else {
      out.print(`${request.method} ${request.path}`);
      for (const [k, v] of Object.entries(request.headers)) out.print(`${k}: ${v}`);
      out.print('');
      out.print(JSON.stringify(request.body, null, 2));
      out.info(t.enrollDryRunNote);
    }
    return ExitCode.OK;
  }

  if (!input.yes) {
    // A printed form is a stopping point: sign first, submit later.
    if (printed && ctx.noInput) {
      if (ctx.json) out.json({ form, validation, request: null, printed, outcome: null });
      out.info(t.enrollNotSent);
      return ExitCode.OK;
    }
    if (!ctx.json) printSummary(ctx, form);
    const count = form.devices.length;
    const go = await ctx.prompt.confirm({
      message: printed ? t.enrollAskSubmitAfterPrint({ count }) : t.enrollAskSubmit({ count }),
      flag: '--yes',
      default: !printed,
    });
    if (!go) {
      if (!printed) throw new CancelledError((x) => x.enrollNotSent);
      if (ctx.json) out.json({ form, validation, request: null, printed, outcome: null });
      out.info(t.enrollNotSent);
      return ExitCode.OK;
    }
  }
  return submitForm(ctx, input, config, { form, validation, request, printed });
}

/** A scan that cannot be uploaded is refused before the form goes, not after (exit 2). */
async function checkScanFile(file: string): Promise<void> {
  const { detectScanType, MAX_SCAN_BYTES } = await import('./scan.js');
  const { ScanRejectedError } = await import('./attach.js');
  const bytes = await readOptionFile('--attach', file);
  if (bytes.length === 0) throw new ScanRejectedError((t) => t.apiAttachEmpty({ path: file }));
  if (bytes.length > MAX_SCAN_BYTES) throw new ScanRejectedError((t) => t.apiAttachTooLarge({ path: file, size: bytes.length }));
  if (!detectScanType(bytes)) throw new ScanRejectedError((t) => t.apiAttachWrongType({ path: file }));
}

/** Send through the outbox (durable first, one Idempotency-Key), then the signed scan. */
async function submitForm(
  ctx: Ctx,
  input: EnrollInput,
  config: Config,
  shown: { form: EnrollmentForm; validation: unknown; request: ReturnType<typeof buildEnrollmentRequest>; printed: unknown },
): Promise<number> {
  const { t, out } = ctx;
  const attach = input.attach !== undefined ? resolve(ctx.io.cwd, input.attach) : undefined;
  if (attach) await checkScanFile(attach);
  const { createApi } = await import('./api.js');
  const { sendViaOutbox, exitCodeForAll } = await import('./outbox.js');
  const { attachScan } = await import('./attach.js');
  const { buildOutcomeJson, buildOutcomeLines } = await import('./report.js');
  const api = await createApi(ctx, { ...input.api, config });
  const { form, request } = shown;
  const spinner = await out.spinner(t.enrollSending({ endpoint: api.endpoint }));
  const outcome = await sendViaOutbox(
    api,
    ctx.paths,
    { kind: 'enrollment', path: request.path, body: form, serials: form.devices.map((d) => d.serial) },
    ctx.io.now(),
  );
  spinner.stop();
  // The outbox holds the form now; the interactive draft has served its purpose.
  await rm(draftPath(ctx), { force: true });
  const outcomes: SendOutcome[] = [outcome];
  const id = (outcome.response as { id?: unknown } | undefined)?.id;
  if (attach && outcome.state === 'accepted' && typeof id === 'string') outcomes.push(await attachScan(api, ctx.paths, id, attach));
  if (ctx.json) {
    out.json({ ...shown, outcome: buildOutcomeJson(outcome), attachment: outcomes[1] ? buildOutcomeJson(outcomes[1]) : null });
  } else {
    for (const o of outcomes) {
      const lines = buildOutcomeLines(o, t);
      for (const l of lines.data) out.print(l);
      for (const l of lines.talk) out.info(out.c.cyan(l));
    }
  }
  return exitCodeForAll(outcomes);
}
