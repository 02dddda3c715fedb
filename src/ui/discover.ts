// Reporting discover's result: a table (text), CSV, or the same data as JSON.
import type { DiscoverResult } from '../discover/scan.js';
import type { Messages } from './i18n.js';
import type { Output } from './output.js';
import { formatCsv, formatTable } from './table.js';

export type DiscoverFormat = 'table' | 'csv' | 'json';

const COLUMNS = ['host', 'vendor', 'model', 'family', 'serial', 'mac'] as const;

/** The --json shape: {"devices": [{host, vendor, model, family, serial, mac}], "unreadable": [...], "scanned"}. */
export function buildDiscoverJson(r: DiscoverResult) {
  return {
    devices: r.devices.map((d) => ({ host: d.host, vendor: d.vendor, model: d.model, family: d.family, serial: d.serial, mac: d.mac })),
    unreadable: r.unreadable,
    scanned: r.scanned,
    ...(r.broadcastFailed.length ? { broadcastFailed: r.broadcastFailed } : {}),
  };
}

export function printDiscoverResult(out: Output, t: Messages, r: DiscoverResult, format: DiscoverFormat): void {
  if (format === 'json') return out.json(buildDiscoverJson(r));
  const rows = r.devices.map((d) => COLUMNS.map((k) => d[k]));
  if (format === 'csv') {
    for (const line of formatCsv(COLUMNS, rows)) out.print(line);
  } else if (rows.length > 0) {
    const header = [t.discoverColHost, t.discoverColVendor, t.discoverColModel, t.discoverColFamily, t.discoverColSerial, t.discoverColMac];
    for (const line of formatTable(header, rows)) out.print(line);
  }
  for (const u of r.unreadable) out.warn(t.discoverUnreadable(u));
  for (const b of r.broadcastFailed) out.warn(t.discoverBroadcastFailed(b));
  out.info(t.discoverSummary({ found: r.devices.length, scanned: r.scanned, unreadable: r.unreadable.length }));
  if (r.devices.length === 0 && r.unreadable.length === 0) out.info(`${out.c.cyan(t.fixPrefix + ':')} ${t.discoverNoneFix}`);
}
