// The discover command's body: targets → scan → report → (--save) records.
import { networkInterfaces } from 'node:os';
import type { Ctx } from '../context.js';
import { EclubError, ExitCode, UsageError } from '../errors.js';
import { printDiscoverResult, type DiscoverFormat } from '../ui/discover.js';
import { createProgress } from '../ui/progress.js';
import type { SnmpOptions } from '../types.js';
import { saveDiscoveredDevices, buildDiscoveredInfo } from './save.js';
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
  if (!ctx.json && o.format === 'table') out.info(t.discoverScanning({ count: hosts.length || broadcast.length }));
  const result = await discoverDevices(hosts, { snmp: o.snmp, concurrency: o.concurrency, broadcast }, deps, (done, total, found) =>
    progress.update(done, total, t.discoverProgress({ done, total, found })),
  );
  progress.done();
  printDiscoverResult(out, t, result, o.format);
  if (o.save && result.devices.length > 0) {
    const version = o.snmp.version === '2c' ? '2c' : '1';
    const infos = result.devices.map((d) => buildDiscoveredInfo(d, o.snmp.port, version));
    await saveDiscoveredDevices(ctx.paths.devices, infos, ctx.io.now());
    out.info(t.discoverSaved({ count: infos.length, dir: ctx.paths.devices }));
  }
  return ExitCode.OK;
}
