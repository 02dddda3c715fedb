import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { UsageError } from '../errors.js';
import { action } from './kit.js';
import { addApiOptions, addPasswordFileOption, parseApiFlags, type ApiFlags } from './api-kit.js';

interface MoveFlags extends ApiFlags {
  ip?: string;
  subnet?: string;
  gateway?: string;
  mac?: string;
  dns?: string;
  reason?: string;
  from?: string;
}

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  const cmd = program
    .command('move <serial>')
    .description(t.apiMoveDescription)
    .option('--ip <address>', t.apiOptIp)
    .option('--subnet <mask>', t.apiOptSubnet)
    .option('--gateway <address>', t.apiOptGateway)
    .option('--mac <mac>', t.apiOptMac)
    .option('--dns <list>', t.apiOptDns)
    .option('--reason <text>', t.apiOptMoveReason)
    .option('--from <host>', t.apiOptFrom);
  addPasswordFileOption(addApiOptions(cmd, ctx), ctx).action(
    action(ctx, async (serialArg: string, f: MoveFlags) => {
      const { buildRelocation, parseSerialArg, submitRelocation } = await import('../enroll/changes.js');
      const serial = parseSerialArg(serialArg);
      // The SNMP reader (src/snmp/read.ts) is another branch's; until it lands, say so.
      if (f.from !== undefined) throw new UsageError((m) => m.apiMoveFromUnavailable);
      if (f.ip === undefined || f.subnet === undefined || f.gateway === undefined) {
        throw new UsageError((m) => m.apiMoveNeedsAddress);
      }
      const body = buildRelocation({ ip: f.ip, subnet: f.subnet, gateway: f.gateway, mac: f.mac, dns: f.dns, reason: f.reason });
      const { createApi } = await import('../enroll/api.js');
      const { printSendOutcome } = await import('../enroll/report.js');
      const api = await createApi(ctx, parseApiFlags(f));
      return printSendOutcome(ctx, await submitRelocation(api, ctx.paths, serial, body));
    }),
  );
}
