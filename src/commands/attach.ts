import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { action } from './kit.js';
import { addApiOptions, addPasswordFileOption, parseApiFlags, type ApiFlags } from './api-kit.js';

export function register(program: Command, ctx: Ctx): void {
  const cmd = program.command('attach <enrollmentId> <file>').description(ctx.t.apiAttachDescription);
  addPasswordFileOption(addApiOptions(cmd, ctx), ctx).action(
    action(ctx, async (enrollmentId: string, file: string, f: ApiFlags) => {
      const { parseEnrollmentIdArg } = await import('../enroll/changes.js');
      const id = parseEnrollmentIdArg(enrollmentId);
      const { createApi } = await import('../enroll/api.js');
      const { attachScan } = await import('../enroll/attach.js');
      const { printSendOutcome } = await import('../enroll/report.js');
      const api = await createApi(ctx, parseApiFlags(f));
      return printSendOutcome(ctx, await attachScan(api, ctx.paths, id, file));
    }),
  );
}
