import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { UsageError } from '../errors.js';
import { action, addSnmpOptions, parseIntOption, parseSnmpFlags, type RawSnmpFlags } from './kit.js';

interface DiscoverFlags extends RawSnmpFlags {
  concurrency: string;
  force?: boolean;
  broadcast?: boolean;
  loopback?: boolean;
  csv?: boolean;
  save?: boolean;
}

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  const cmd = program
    .command('discover')
    .description(t.discoverDescription)
    .argument('[targets...]', t.discoverArgTargets)
    .option('--concurrency <n>', t.discoverOptConcurrency, '256')
    .option('--force', t.discoverOptForce)
    .option('--broadcast', t.discoverOptBroadcast)
    .option('--loopback', t.discoverOptLoopback)
    .option('--csv', t.discoverOptCsv)
    .option('--save', t.discoverOptSave)
    .addHelpText('after', `\n${t.discoverHelpAfter}\n`);
  addSnmpOptions(cmd, t).action(
    action(ctx, async (targets: string[], f: DiscoverFlags) => {
      const concurrency = parseIntOption('--concurrency', f.concurrency, 1, 1024, (t) => t.discoverAllowedConcurrency);
      const snmp = await parseSnmpFlags(ctx, f);
      if (snmp.version === '3' && f.broadcast) throw new UsageError((t) => t.discoverV3Broadcast);
      const { runDiscover } = await import('../discover/run.js');
      return runDiscover(ctx, {
        targets,
        snmp,
        concurrency,
        force: Boolean(f.force),
        broadcast: Boolean(f.broadcast),
        loopback: Boolean(f.loopback),
        format: ctx.json ? 'json' : f.csv ? 'csv' : 'table',
        save: Boolean(f.save),
      });
    }),
  );
}
