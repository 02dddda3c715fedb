// Many devices at once: a bounded-concurrency runner, the device-list parser for
// `setup --from` / `diagnose --from`, and the rule for the batch's exit code.
// Planning is pure; the runner takes the per-device worker as a parameter.
import { extname } from 'node:path';
import { parseHostPort, parseIntOption, parsePort } from './commands/kit.js';
import { readOptionFile } from './store/option-file.js';
import type { Ctx } from './context.js';
import { listDeviceRecords } from './store/devices.js';
import { EclubError, ExitCode, UsageError } from './errors.js';
import type { Render } from './ui/i18n.js';
import type { SnmpVersionOption } from './types.js';

/**
 * Run `work` on every item with at most `limit` in flight; results keep the input order.
 * `onSettled` is called as each item finishes (progress bars).
 */
export async function runBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
  onSettled?: (result: R, index: number) => void,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
      onSettled?.(results[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}

/** One device to work on, from a list file or the records. No secrets: communities stay in flags/env. */
export interface BatchTarget {
  host: string;
  port: number | null;
  snmpVersion: SnmpVersionOption | null;
  /** Where it came from, for messages: "fleet.csv:3" or the record key. */
  source: string;
  /** With --all: the device record it came from (its DNS and gateway answers). */
  recordKey?: string;
}

export class DeviceListError extends UsageError {
  constructor(render: Render) {
    super(render, (t) => t.discoverBatchListFix);
  }
}

const VERSIONS: readonly SnmpVersionOption[] = ['auto', '1', '2c', '3'];

function parseRow(where: string, row: { host?: unknown; port?: unknown; version?: unknown }): BatchTarget {
  const rawHost = typeof row.host === 'string' ? row.host.trim() : '';
  if (!rawHost) throw new DeviceListError((t) => t.discoverBatchBadRow({ where, field: 'host', value: '' }));
  let hp: { host: string; port: number | undefined };
  try {
    hp = parseHostPort('host', rawHost);
  } catch (err) {
    throw new DeviceListError((t) => t.discoverBatchBadRow({ where, field: 'host', value: rawHost }));
  }
  let port: number | null = hp.port ?? null;
  const rawPort = row.port === undefined || row.port === null ? '' : String(row.port).trim();
  if (rawPort) {
    try {
      port = parsePort('port', rawPort);
    } catch (err) {
      throw new DeviceListError((t) => t.discoverBatchBadRow({ where, field: 'port', value: rawPort }));
    }
  }
  const rawVersion = row.version === undefined || row.version === null ? '' : String(row.version).trim().toLowerCase();
  if (rawVersion && !VERSIONS.includes(rawVersion as SnmpVersionOption)) {
    throw new DeviceListError((t) => t.discoverBatchBadRow({ where, field: 'snmp-version', value: rawVersion }));
  }
  return { host: hp.host, port, snmpVersion: rawVersion ? (rawVersion as SnmpVersionOption) : null, source: where };
}

/** Columns that would put a secret in a file: refused, so nobody keeps communities in lists by accident. */
const SECRET_COLUMNS = ['community', 'auth-key', 'priv-key', 'password'];

/**
 * Parse a device list. CSV: a header with `host` and optional `port`, `snmp-version`
 * (also the CSV `eclub discover --csv` writes, whose extra columns are ignored), or
 * bare lines of host[:port]; `#` comments. JSON: an array of {host, port?, snmpVersion?}
 * or `eclub discover --json`'s {"devices": [...]}.
 */
export function parseDeviceList(name: string, text: string): BatchTarget[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  const isJson = extname(name).toLowerCase() === '.json' || trimmed.startsWith('[') || trimmed.startsWith('{');
  const targets = isJson ? parseJsonList(name, trimmed) : parseCsvList(name, text);
  if (targets.length === 0) throw new DeviceListError((t) => t.discoverBatchEmptyList({ file: name }));
  return targets;
}

function parseJsonList(name: string, text: string): BatchTarget[] {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    throw new DeviceListError((t) => t.discoverBatchBadJson({ file: name, reason: (err as Error).message }));
  }
  const list = Array.isArray(v) ? v : (v as { devices?: unknown } | null)?.devices;
  if (!Array.isArray(list)) throw new DeviceListError((t) => t.discoverBatchBadJson({ file: name, reason: 'expected [..] or {"devices": [..]}' }));
  return list.map((item, i) => {
    const where = `${name}[${i}]`;
    if (typeof item === 'string') return parseRow(where, { host: item });
    if (typeof item !== 'object' || item === null) throw new DeviceListError((t) => t.discoverBatchBadRow({ where, field: 'host', value: String(item) }));
    const o = item as Record<string, unknown>;
    const secret = SECRET_COLUMNS.find((k) => k in o);
    if (secret) throw new DeviceListError((t) => t.discoverBatchSecretColumn({ where, column: secret }));
    return parseRow(where, { host: o.host, port: o.port, version: o.snmpVersion ?? o['snmp-version'] });
  });
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') cells.push(cell), (cell = '');
    else cell += ch;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

function parseCsvList(name: string, text: string): BatchTarget[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let header: string[] | null = null;
  const out: BatchTarget[] = [];
  lines.forEach((line, i) => {
    const where = `${name}:${i + 1}`;
    if (!line.trim() || line.trim().startsWith('#')) return;
    const cells = splitCsvLine(line);
    if (header === null && cells.some((c) => c.toLowerCase() === 'host')) {
      header = cells.map((c) => c.toLowerCase());
      const secret = SECRET_COLUMNS.find((k) => header!.includes(k));
      if (secret) throw new DeviceListError((t) => t.discoverBatchSecretColumn({ where, column: secret }));
      return;
    }
    if (header === null) {
      if (cells.length > 1) throw new DeviceListError((t) => t.discoverBatchBadRow({ where, field: 'host', value: line.trim() }));
      out.push(parseRow(where, { host: cells[0] }));
      return;
    }
    const h: string[] = header;
    const get = (k: string) => {
      const i = h.indexOf(k);
      return i < 0 ? undefined : cells[i];
    };
    out.push(parseRow(where, { host: get('host'), port: get('port'), version: get('snmp-version') ?? get('version') }));
  });
  return out;
}

/** Read and parse a list file; unreadable → exit 2 naming the file. */
export async function loadDeviceList(path: string): Promise<BatchTarget[]> {
  return parseDeviceList(path, (await readOptionFile('--from', path)).toString('utf8'));
}

/**
 * The batch's exit code is its worst device's. Worst first: usage (a bad row the
 * worker refused) 2, device unreachable 3, UGW unreachable 6, a check failed 1,
 * then queued 4 / rejected 5 / login 7 (enroll), OK 0. A device that cannot be read
 * at all is the most urgent thing on site; a UGW problem is the site's network; a
 * failed check is work on one device.
 */
export const EXIT_SEVERITY: readonly number[] = [
  ExitCode.CANCELLED,
  ExitCode.USAGE,
  ExitCode.UNREACHABLE,
  ExitCode.UGW_UNREACHABLE,
  ExitCode.CHECK_FAILED,
  ExitCode.LOGIN_FAILED,
  ExitCode.REJECTED,
  ExitCode.QUEUED,
  ExitCode.OK,
];

export function buildBatchExitCode(codes: readonly number[]): number {
  let worst: number = ExitCode.OK;
  const rank = (c: number) => {
    const i = EXIT_SEVERITY.indexOf(c);
    return i < 0 ? 0 : i; // unknown codes count as the worst
  };
  for (const c of codes) if (rank(c) < rank(worst)) worst = c;
  return worst;
}

/** One device's outcome in a batch: what the summary table and --json show. */
export interface BatchItemResult {
  host: string;
  port: number | null;
  source: string;
  serial: string | null;
  /** The device's own exit code; the summary shows it as a word (ok, check failed, unreachable…). */
  exitCode: number;
  /** What went wrong, as an id: a failed check, a diagnose cause, or an error type. */
  cause: string | null;
  message: string | null;
  fix: string | null;
  /** The per-device report (record or report file), when one was written. */
  report: string | null;
}

/**
 * Run a worker per target with bounded concurrency. A worker that throws an EclubError
 * becomes that device's row (its exit code, message and fix); anything else is a bug
 * and propagates.
 */
export async function runBatch(
  targets: readonly BatchTarget[],
  o: { concurrency: number; render: (r: Render) => string },
  worker: (target: BatchTarget) => Promise<BatchItemResult>,
  onSettled?: (r: BatchItemResult, done: number) => void,
): Promise<{ items: BatchItemResult[]; exitCode: number }> {
  let done = 0;
  const items = await runBounded(
    targets,
    o.concurrency,
    async (target) => {
      try {
        return await worker(target);
      } catch (err) {
        if (!(err instanceof EclubError)) throw err;
        return {
          host: target.host,
          port: target.port,
          source: target.source,
          serial: null,
          exitCode: err.exitCode,
          cause: err.name,
          message: o.render(err.render),
          fix: err.fix ? o.render(err.fix) : null,
          report: null,
        } satisfies BatchItemResult;
      }
    },
    (r) => onSettled?.(r, ++done),
  );
  return { items, exitCode: buildBatchExitCode(items.map((i) => i.exitCode)) };
}

export const parseBatchConcurrency = (value: string) =>
  parseIntOption('--concurrency', value, 1, 64, (t) => t.discoverBatchAllowedConcurrency);

/**
 * Which devices a batch works on: a host (a batch of one), --from's list, or --all the
 * records. Exactly one of the three.
 */
export async function loadBatchTargets(
  ctx: Ctx,
  o: { command: string; host: string | undefined; from: string | undefined; all: boolean },
): Promise<BatchTarget[]> {
  const given = [o.host !== undefined, o.from !== undefined, o.all].filter(Boolean).length;
  if (given > 1) throw new UsageError((t) => t.discoverBatchFromAndHost);
  if (given === 0) throw new UsageError((t) => t.discoverBatchNeedHost({ command: o.command }));
  if (o.host !== undefined) return [parseRow('<host>', { host: o.host })];
  if (o.from !== undefined) return loadDeviceList(o.from);
  const { records } = await listDeviceRecords(ctx.paths.devices);
  if (records.length === 0) throw new UsageError((t) => t.discoverBatchNoRecords, (t) => t.discoverBatchNoRecordsFix);
  return records.map((r) => ({ host: r.device.host, port: r.device.port, snmpVersion: r.device.snmpVersion, source: r.key, recordKey: r.key }));
}
