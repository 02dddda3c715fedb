// How a send's outcome reads: text in the engineer's language, or the same data as JSON.
import type { Ctx } from '../context.js';
import type { Messages } from '../ui/i18n.js';
import { isTlsFailure } from './retry.js';
import { exitCodeFor, exitCodeForAll, summariseEntry, type OutboxEntry, type SendOutcome } from './outbox.js';

/** The JSON shape of an outcome: the entry summarised (never its body), the server's answer. */
export function buildOutcomeJson(o: SendOutcome): Record<string, unknown> {
  return {
    state: o.state,
    exitCode: exitCodeFor(o),
    outbox: summariseEntry(o.entry),
    httpStatus: o.httpStatus ?? null,
    response: o.response ?? null,
    error: o.error ?? null,
    earlier: o.earlier ?? false,
  };
}

/** The lines an outcome prints: `data` for stdout, `talk` for stderr. */
export function buildOutcomeLines(o: SendOutcome, t: Messages): { data: string[]; talk: string[] } {
  const kind = t.apiKind({ kind: o.entry.kind });
  if (o.state === 'accepted') {
    const r = (o.response ?? {}) as Record<string, unknown>;
    const ref = String(r.id ?? r.requestId ?? r.attachmentId ?? '');
    const status = typeof r.status === 'string' ? t.apiStatusValue({ status: r.status }) : `HTTP ${o.httpStatus ?? ''}`;
    return { data: [t.apiAccepted({ kind, ref, status })], talk: [] };
  }
  const error = o.error ?? o.entry.lastError ?? { code: 'unknown', message: '' };
  const explain = t.apiServerCode({ code: error.code });
  if (o.state === 'queued') {
    const reason = [o.httpStatus ? `HTTP ${o.httpStatus}` : '', error.code, explain].filter(Boolean).join(' ');
    const talk = [`${t.fixPrefix}: ${t.apiQueuedFix}`];
    if (isTlsFailure(error.code)) talk.push(`${t.fixPrefix}: ${t.apiTlsFix}`);
    return { data: [t.apiQueued({ kind, id: o.entry.id, reason })], talk };
  }
  const fields = 'fields' in error && error.fields ? error.fields : [];
  return {
    data: [
      (o.earlier ? t.apiRejectedEarlier : t.apiRejected)({ kind, httpStatus: o.httpStatus ? `${o.httpStatus} ` : '', code: error.code, message: explain || error.message }),
      ...fields.map((f) => t.apiFieldLine(f)),
    ],
    talk: [t.apiRejectedKept({ id: o.entry.id })],
  };
}

/** Print one outcome and return its exit code (0 accepted, 4 queued, 5 rejected). */
export function printSendOutcome(ctx: Ctx, outcome: SendOutcome): number {
  if (ctx.json) ctx.out.json(buildOutcomeJson(outcome));
  else printLines(ctx, buildOutcomeLines(outcome, ctx.t));
  return exitCodeFor(outcome);
}

/** Several outcomes (outbox push): one JSON object, or the lines of each and a summary. */
export function printSendOutcomes(ctx: Ctx, outcomes: readonly SendOutcome[]): number {
  const count = (s: SendOutcome['state']) => outcomes.filter((o) => o.state === s).length;
  const summary = { accepted: count('accepted'), queued: count('queued'), rejected: count('rejected') };
  const exitCode = exitCodeForAll(outcomes);
  if (ctx.json) {
    ctx.out.json({ exitCode, summary, outcomes: outcomes.map(buildOutcomeJson) });
    return exitCode;
  }
  for (const o of outcomes) printLines(ctx, buildOutcomeLines(o, ctx.t));
  ctx.out.print(outcomes.length === 0 ? ctx.t.apiOutboxEmpty : ctx.t.apiOutboxPushSummary(summary));
  return exitCode;
}

function printLines(ctx: Ctx, lines: { data: string[]; talk: string[] }): void {
  for (const l of lines.data) ctx.out.print(l);
  for (const l of lines.talk) ctx.out.info(ctx.out.c.cyan(l));
}

/** `eclub outbox`: one line per entry (never the body), and files that are not entries. */
export function printOutboxList(ctx: Ctx, list: { entries: readonly OutboxEntry[]; skipped: readonly string[] }): void {
  const { t, out } = ctx;
  if (ctx.json) {
    out.json({ entries: list.entries.map(summariseEntry), skipped: list.skipped });
    return;
  }
  if (list.entries.length === 0) out.print(t.apiOutboxEmpty);
  for (const e of list.entries) {
    const state = t.apiOutboxState({ state: e.state });
    out.print(
      t.apiOutboxLine({
        id: e.id,
        state: e.state === 'rejected' ? out.c.red(state) : out.c.yellow(state),
        kind: t.apiKind({ kind: e.kind }),
        serials: e.serials.join(',') || e.file?.name || '-',
        createdAt: e.createdAt,
        attempts: e.attempts,
      }),
    );
    if (e.lastError) {
      const status = e.lastError.httpStatus ? `HTTP ${e.lastError.httpStatus} ` : '';
      const explain = t.apiServerCode({ code: e.lastError.code });
      out.print(t.apiOutboxLastError({ error: `${status}${e.lastError.code}${explain ? ` — ${explain}` : e.lastError.message ? ` — ${e.lastError.message}` : ''}` }));
    }
  }
  for (const path of list.skipped) out.warn(t.apiOutboxSkipped({ path }));
}
