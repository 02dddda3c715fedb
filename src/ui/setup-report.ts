// Text rendering of a setup result and of the device list; --json prints the data itself.
import type { ChalkInstance } from 'chalk';
import type { Messages } from './i18n.js';
import { displayWidth, formatChecks, padDisplay } from './output.js';
import type { DeviceInfo, DeviceRecord, StepResult, Supply } from '../types.js';
import type { StepPlan } from '../setup/steps.js';
import type { SetupResult } from '../setup/run.js';

function fmtUptime(seconds: number | null, t: Messages): string {
  if (seconds === null) return t.setupUnknownValue;
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return t.setupUptimeValue({ days, hours, minutes });
}

/** A percentage only when level and max are real numbers; RFC 3805's codes in words. */
function formatSupplyLevel(s: Supply, t: Messages): string {
  if (s.percent !== null) return `${s.percent}%`;
  if (s.level === -3) return t.setupSupplySome;
  if (s.level === -2 || s.level === null) return t.setupSupplyUnknown;
  if (s.level === -1) return t.setupSupplyOther;
  return s.max !== null && s.max > 0 ? `${s.level}/${s.max}` : String(s.level);
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
        .map((s) => `${s.description ?? `#${s.index}`}: ${formatSupplyLevel(s, t)}`)
        .join(', '),
    ]);
  }
  const width = Math.max(...rows.map(([k]) => displayWidth(k)));
  return [c.bold(t.setupTitleDevice), ...rows.map(([k, v]) => `  ${padDisplay(k, width)}  ${v}`)];
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
    r.enrollment ? `${r.enrollment.id} ${t.apiStatusValue({ status: r.enrollment.status })}` : u,
    r.updatedAt.slice(0, 16).replace('T', ' '),
  ]);
  const all = [t.devicesHeader, ...rows];
  const widths = t.devicesHeader.map((_, i) => Math.max(...all.map((row) => displayWidth(row[i]!))));
  return all.map((row) => row.map((cell, i) => padDisplay(cell, widths[i]!)).join('  ').trimEnd());
}
