import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { action } from './kit.js';
import { addApiOptions, addPasswordFileOption, parseApiFlags, type ApiFlags } from './api-kit.js';

interface WithdrawFlags extends ApiFlags {
  reason?: string;
  date?: string;
  note?: string;
}

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  const cmd = program
    .command('withdraw <serial>')
    .description(t.apiWithdrawDescription)
    .requiredOption('--reason <reason>', t.apiOptWithdrawReason)
    .option('--date <YYYY-MM-DD>', t.apiOptDate)
    .option('--note <text>', t.apiOptNote);
  addPasswordFileOption(addApiOptions(cmd, ctx), ctx).action(
    action(ctx, async (serialArg: string, f: WithdrawFlags) => {
      const { buildWithdrawal, parseSerialArg, submitWithdrawal } = await import('../enroll/changes.js');
      const serial = parseSerialArg(serialArg);
      const body = buildWithdrawal(f, ctx.io.now());
      const { createApi } = await import('../enroll/api.js');
      const { printSendOutcome } = await import('../enroll/report.js');
      const api = await createApi(ctx, parseApiFlags(f));
      return printSendOutcome(ctx, await submitWithdrawal(api, ctx.paths, serial, body));
    }),
  );
}
