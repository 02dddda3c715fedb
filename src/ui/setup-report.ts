// Text rendering of a setup result and of the device list; --json prints the data itself.
import type { ChalkInstance } from 'chalk';
import type { Messages } from './i18n.js';
import { formatChecks } from './output.js';
import type { DeviceInfo, DeviceRecord, StepResult } from '../types.js';
import type { StepPlan } from '../setup/steps.js';
import type { SetupResult } from '../setup/run.js';

function fmtUptime(seconds: number | null, t: Messages): string {
  if (seconds === null) return t.setupUnknownValue;
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return t.setupUptimeValue({ days, hours, minutes });
}

export function formatDevice(d: DeviceInfo, dns: string[] | null, t: Messages, c: ChalkInstance): string[] {
  const u = t.setupUnknownValue;
  const rows: Array<[string, string]> = [
    [t.setupFieldModel, d.model ?? d.sysDescr ?? u],
    [t.setupFieldFamily, d.family],
    [t.setupFieldProduct, d.productName ?? u],
    [t.setupFieldSerial, d.serial ?? u],
    [t.setupFieldFirmware, d.firmware ?? u],
    [t.setupFieldMac, d.mac ?? u],
    [t.setupFieldIp, d.ip ?? u],
    [t.setupFieldSubnet, d.subnet ?? u],
    [t.setupFieldGateway, d.gateway ?? u],
    [t.setupFieldDns, dns?.length ? dns.join(', ') : u],
    [t.setupFieldClock, d.clock ?? u],
    [t.setupFieldUptime, fmtUptime(d.uptime, t)],
    [t.setupFieldSnmp, `${d.host}:${d.port} v${d.snmpVersion}`],
  ];
  if (d.counters.length) rows.push([t.setupFieldCounters, d.counters.map((k) => `${k.name ?? k.id}: ${k.value}`).join(', ')]);
  if (d.supplies.length) {
    rows.push([
      t.setupFieldSupplies,
      d.supplies
        .map((s) => `${s.description ?? `#${s.index}`}: ${s.percent !== null ? `${s.percent}%` : `${s.level ?? u}/${s.max ?? u}`}`)
        .join(', '),
    ]);
  }
  const width = Math.max(...rows.map(([k]) => displayWidth(k)));
  return [c.bold(t.setupTitleDevice), ...rows.map(([k, v]) => `  ${padDisplay(k, width)}  ${v}`)];
}

/** Hangul and other wide characters take two terminal columns. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}

export function padDisplay(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function formatStepPlan(plan: StepPlan, index: number, total: number, c: ChalkInstance): string[] {
  return [`${c.bold(`[${index + 1}/${total}] ${plan.title}`)}`, `  ${c.cyan(plan.path)}`, ...plan.instructions.map((i) => `  - ${i}`)];
}

function stepMark(s: StepResult, t: Messages, c: ChalkInstance): string {
  if (s.confirmed === true) return c.green(`✓ ${t.setupStepConfirmed}`);
  if (s.confirmed === false) return c.red(`✗ ${t.setupStepDeclined}`);
  return c.gray(`– ${t.setupStepNotAsked}`);
}

export function formatSetupResult(r: SetupResult, t: Messages, c: ChalkInstance): string[] {
  const lines = [...formatDevice(r.device, r.dns, t, c), '', c.bold(t.setupTitleChecks), ...formatChecks(r.checks, t, c), ''];
  lines.push(c.bold(t.setupTitleSteps));
  for (const s of r.steps) lines.push(`  ${stepMark(s, t, c)}  ${s.title} — ${s.path}`);
  lines.push('');
  const result = r.comTest === 'OK' ? c.green('OK') : r.comTest === 'NG' ? c.red('NG') : c.gray(t.setupComTestNone);
  lines.push(t.setupComTestLine({ result }));
  lines.push(t.setupRecorded({ path: r.record }));
  if (r.comTest === 'NG') {
    const dns = r.dns?.length ? ` --dns ${r.dns.join(',')}` : '';
    lines.push(t.setupNextNg({ command: `eclub diagnose ${r.device.host}${r.device.port !== 161 ? ` --port ${r.device.port}` : ''}${dns}` }));
  } else if (r.checks.some((k) => k.status === 'fail')) lines.push(t.setupNextFailed);
  else lines.push(t.setupNextOk);
  return lines;
}

export function formatDeviceTable(records: readonly DeviceRecord[], t: Messages): string[] {
  const u = t.setupUnknownValue;
  const rows = records.map((r) => [
    r.device.serial ?? r.key,
    r.device.model ?? u,
    r.device.productName ?? u,
    r.device.ip ?? r.device.host,
    r.device.gateway ?? u,
    r.device.mac ?? u,
    r.answers.comTest ?? u,
    r.enrollment ? `${r.enrollment.id} ${r.enrollment.status}` : u,
    r.updatedAt.slice(0, 16).replace('T', ' '),
  ]);
  const all = [t.devicesHeader, ...rows];
  const widths = t.devicesHeader.map((_, i) => Math.max(...all.map((row) => displayWidth(row[i]!))));
  return all.map((row) => row.map((cell, i) => padDisplay(cell, widths[i]!)).join('  ').trimEnd());
}
