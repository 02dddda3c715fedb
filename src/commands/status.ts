import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { action } from './kit.js';
import { addApiOptions, addPasswordFileOption, parseApiFlags, type ApiFlags } from './api-kit.js';

export function register(program: Command, ctx: Ctx): void {
  const cmd = program.command('status <enrollmentIdOrSerial>').description(ctx.t.apiStatusDescription);
  addPasswordFileOption(addApiOptions(cmd, ctx), ctx).action(
    action(ctx, async (target: string, f: ApiFlags) => {
      const { createApi } = await import('../enroll/api.js');
      const { readStatus, printStatus } = await import('../enroll/status.js');
      const api = await createApi(ctx, parseApiFlags(f));
      printStatus(ctx, await readStatus(api, target));
      return 0;
    }),
  );
}
