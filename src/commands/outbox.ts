import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { UsageError } from '../errors.js';
import { action } from './kit.js';
import { addApiOptions, addPasswordFileOption, parseApiFlags, type ApiFlags } from './api-kit.js';

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  const outbox = program
    .command('outbox')
    .description(t.apiOutboxDescription)
    .action(
      action(ctx, async () => {
        const { listOutbox } = await import('../enroll/outbox.js');
        const { printOutboxList } = await import('../enroll/report.js');
        printOutboxList(ctx, await listOutbox(ctx.paths));
        return 0;
      }),
    );
  addPasswordFileOption(addApiOptions(outbox.command('push').description(t.apiOutboxPushDescription), ctx), ctx).action(
    action(ctx, async (f: ApiFlags) => {
      const { createApi } = await import('../enroll/api.js');
      const { pushOutbox } = await import('../enroll/outbox.js');
      const { printSendOutcomes } = await import('../enroll/report.js');
      const api = await createApi(ctx, parseApiFlags(f));
      return printSendOutcomes(ctx, await pushOutbox(api, ctx.paths, ctx.io.now()));
    }),
  );
  outbox
    .command('drop <id>')
    .description(t.apiOutboxDropDescription)
    .action(
      action(ctx, async (id: string) => {
        const { dropEntry, summariseEntry } = await import('../enroll/outbox.js');
        const dropped = await dropEntry(ctx.paths, id);
        if (!dropped) throw new UsageError((m) => m.apiOutboxNoSuchEntry({ id }), (m) => m.apiOutboxNoSuchEntryFix);
        if (ctx.json) ctx.out.json({ dropped: summariseEntry(dropped) });
        else ctx.out.print(t.apiOutboxDropped({ id }));
        return 0;
      }),
    );
}
