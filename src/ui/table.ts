// Plain aligned text tables (devices, discover's list, the batch summary). Width counts
// Hangul as two columns so Korean headers line up in a terminal.
import { displayWidth, padDisplay as pad } from './output.js';

/** Rows of cells → lines; null cells print as "-". */
export function formatTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string[] {
  const cells = rows.map((r) => r.map((c) => (c === null || c === '' ? '-' : String(c))));
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: readonly string[]) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]!))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
}

/** RFC 4180 CSV: quote cells holding a comma, quote or line break. */
export function formatCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string[] {
  const cell = (c: string | number | null) => {
    const s = c === null ? '' : String(c);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header.map(cell).join(','), ...rows.map((r) => r.map(cell).join(','))];
}
