// The discover command's body: targets → scan → report → (--save) records.
import { networkInterfaces } from 'node:os';
import type { Ctx } from '../context.js';
import { EclubError, ExitCode, UsageError } from '../errors.js';
import { printDiscoverResult, type DiscoverFormat } from '../ui/discover.js';
import { createProgress } from '../ui/progress.js';
import type { SnmpOptions } from '../types.js';
import { runBatch, type BatchTarget } from '../batch.js';
import { runSetup } from '../setup/run.js';
import { readDevice } from '../snmp/read.js';
import { saveDeviceRecord } from '../store/devices.js';
import { discoverDevices, type DiscoverDeps, realDiscoverDeps } from './scan.js';
import { buildBroadcastAddresses, buildLocalRanges, expandRanges, parseTarget, type InterfaceAddress } from './targets.js';

export interface RunDiscoverOptions {
  targets: string[];
  snmp: SnmpOptions;
  concurrency: number;
  force: boolean;
  broadcast: boolean;
  loopback: boolean;
  format: DiscoverFormat;
  save: boolean;
}

export async function runDiscover(
  ctx: Ctx,
  o: RunDiscoverOptions,
  deps: DiscoverDeps & { interfaces?: () => Record<string, InterfaceAddress[] | undefined> } = realDiscoverDeps,
): Promise<number> {
  const { t, out } = ctx;
  const ranges =
    o.targets.length > 0 ? o.targets.map(parseTarget) : buildLocalRanges((deps.interfaces ?? networkInterfaces)(), { includeLoopback: o.loopback });
  if (ranges.length === 0) throw new EclubError(ExitCode.USAGE, (t) => t.discoverNoSubnets, (t) => t.discoverNoSubnetsFix);
  // --broadcast asks each subnet once instead of every address (as Canon's installer does).
  const broadcast = o.broadcast ? buildBroadcastAddresses(ranges) : [];
  if (o.broadcast && broadcast.length === 0) throw new UsageError((t) => t.discoverBroadcastNeedsSubnet);
  const hosts = o.broadcast ? [] : expandRanges(ranges, { force: o.force });

  const progress = createProgress(ctx.io.stderr, { enabled: !ctx.json });
  if (!ctx.json && o.format === 'table') {
    out.info(o.broadcast ? t.discoverBroadcasting({ addresses: broadcast.join(', ') }) : t.discoverScanning({ count: hosts.length }));
  }
  const result = await discoverDevices(hosts, { snmp: o.snmp, concurrency: o.concurrency, broadcast }, deps, (done, total, found) =>
    progress.update(done, total, t.discoverProgress({ done, total, found })),
  );
  progress.done();
  printDiscoverResult(out, t, result, o.format);
  if (o.save && result.devices.length > 0) await saveFound(ctx, result.devices, o.snmp);
  return ExitCode.OK;
}

/**
 * --save: setup's own flow on each device, with nobody to ask: a full read, the checks,
 * the steps listed but not confirmed, no DNS/gateway/COM-TEST answers. A device that
 * cannot be read in full is named, not saved; the others are.
 */
async function saveFound(ctx: Ctx, devices: readonly { host: string }[], snmp: SnmpOptions): Promise<void> {
  const { t, out } = ctx;
  const targets: BatchTarget[] = devices.map((d) => ({ host: d.host, port: snmp.port, snmpVersion: null, source: d.host }));
  const { items } = await runBatch(targets, { concurrency: 8, render: (r) => r(t) }, async (target) => {
    const r = await runSetup(
      { host: target.host, snmp, dns: null, gateway: null, comTest: null, yes: false, noInput: true },
      { t, lang: ctx.lang, prompt: ctx.prompt, now: ctx.io.now, readDevice, saveRecord: (rec) => saveDeviceRecord(ctx.paths.devices, rec) },
    );
    return { host: target.host, port: snmp.port, source: target.source, serial: r.device.serial, exitCode: 0, cause: null, message: null, fix: null, report: r.record };
  });
  for (const i of items) if (!i.report) out.warn(t.discoverSaveFailed({ host: i.host, reason: i.message ?? String(i.exitCode) }));
  const saved = items.filter((i) => i.report).length;
  if (saved > 0) out.info(t.discoverSaved({ count: saved, dir: ctx.paths.devices }));
}
