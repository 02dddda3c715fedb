import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { action } from './kit.js';

export function register(program: Command, ctx: Ctx): void {
  const { t, out } = ctx;
  program
    .command('devices')
    .description(t.devicesDescription)
    .action(
      action(ctx, async () => {
        const { listDeviceRecords } = await import('../store/devices.js');
        const { formatDeviceTable } = await import('../ui/setup-report.js');
        const { records, skipped } = await listDeviceRecords(ctx.paths.devices);
        for (const path of skipped) out.warn(t.devicesSkipped({ path }));
        if (ctx.json) out.json({ devices: records, skipped });
        else if (records.length === 0) out.info(t.devicesNone({ dir: ctx.paths.devices }));
        else for (const line of formatDeviceTable(records, t)) out.print(line);
      }),
    );
}
