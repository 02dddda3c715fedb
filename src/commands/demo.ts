import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { action } from './kit.js';

export function register(program: Command, ctx: Ctx): void {
  program
    .command('demo')
    .description(ctx.t.demoDescription)
    .option('--keep', ctx.t.demoOptKeep)
    .action(
      action(ctx, async (flags: { keep?: boolean }) => {
        const { runDemo } = await import('../demo/run.js');
        return runDemo(ctx, { keep: Boolean(flags.keep) });
      }),
    );
}
