import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { action, addSnmpOptions, parseHostPort, parseSnmpFlags, type RawSnmpFlags } from './kit.js';
import { addApiOptions, addPasswordFileOption, parseApiFlags, type ApiFlags } from './api-kit.js';

interface MoveFlags extends ApiFlags, RawSnmpFlags {
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
  addPasswordFileOption(addApiOptions(cmd, ctx), ctx);
  addSnmpOptions(cmd, t);
  cmd.action(
    action(ctx, async (serialArg: string, f: MoveFlags) => {
      const { buildRelocation, collectRelocationInput, parseSerialArg, submitRelocation } = await import('../enroll/changes.js');
      const serial = parseSerialArg(serialArg);
      let device = null;
      if (f.from !== undefined) {
        const { host, port } = parseHostPort('--from', f.from);
        const snmp = await parseSnmpFlags(ctx, f, port);
        const { readDevice } = await import('../snmp/read.js');
        device = (await readDevice(host, snmp)).device;
      }
      const body = buildRelocation(await collectRelocationInput(ctx, serial, f, device));
      const { createApi } = await import('../enroll/api.js');
      const { printSendOutcome } = await import('../enroll/report.js');
      const api = await createApi(ctx, parseApiFlags(f));
      return printSendOutcome(ctx, await submitRelocation(api, ctx.paths, serial, body));
    }),
  );
}
