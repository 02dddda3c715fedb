// The one summary of a batch (setup --from, diagnose --from/--all): a row per device
// with its result, cause and fix; --json prints the same rows.
import type { BatchItemResult } from '../batch.js';
import type { Messages } from './i18n.js';
import type { Output } from './output.js';
import { formatTable } from './table.js';

export function buildBatchJson(items: readonly BatchItemResult[], exitCode: number) {
  return { devices: items, exitCode };
}

export function formatBatchSummary(items: readonly BatchItemResult[], t: Messages): string[] {
  const header = [t.discoverColHost, t.discoverColSerial, t.discoverBatchColResult, t.discoverBatchColCause, t.discoverBatchColFix];
  const rows = items.map((i) => [
    i.port && i.port !== 161 ? `${i.host}:${i.port}` : i.host,
    i.serial,
    t.discoverBatchResult({ code: i.exitCode }),
    i.message ?? i.cause,
    i.fix,
  ]);
  return formatTable(header, rows);
}

export function printBatchSummary(out: Output, t: Messages, items: readonly BatchItemResult[], exitCode: number, json: boolean): void {
  if (json) return out.json(buildBatchJson(items, exitCode));
  for (const line of formatBatchSummary(items, t)) out.print(line);
  const reports = items.filter((i) => i.report);
  if (reports.length) out.info(t.discoverBatchReports({ count: reports.length, first: reports[0]!.report! }));
  out.info(t.discoverBatchSummary({ total: items.length, ok: items.filter((i) => i.exitCode === 0).length, worst: exitCode }));
}
