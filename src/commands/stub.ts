import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { UsageError } from '../errors.js';

/** Placeholder for a command whose issue is still open; replaced by the real module. */
export function registerStub(program: Command, _ctx: Ctx, name: string, description: string): void {
  program
    .command(name)
    .description(description)
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new UsageError((t) => t.notImplemented({ command: name }));
    });
}
