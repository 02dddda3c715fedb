import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { action } from './kit.js';

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  const list = action(ctx, async () => {
    const { printConfigList } = await import('../config/commands.js');
    await printConfigList(ctx);
    return 0;
  });
  const config = program.command('config').description(t.apiConfigDescription).action(list);
  config.command('list').description(t.apiConfigListDescription).action(list);
  config
    .command('get <key>')
    .description(t.apiConfigGetDescription)
    .action(
      action(ctx, async (key: string) => {
        const { printConfigValue } = await import('../config/commands.js');
        await printConfigValue(ctx, key);
        return 0;
      }),
    );
  config
    .command('set <key> <value>')
    .description(t.apiConfigSetDescription)
    .action(
      action(ctx, async (key: string, value: string) => {
        const { setConfigValue } = await import('../config/commands.js');
        await setConfigValue(ctx, key, value);
        return 0;
      }),
    );
  config
    .command('unset <key>')
    .description(t.apiConfigUnsetDescription)
    .action(
      action(ctx, async (key: string) => {
        const { setConfigValue } = await import('../config/commands.js');
        await setConfigValue(ctx, key, undefined);
        return 0;
      }),
    );
}
