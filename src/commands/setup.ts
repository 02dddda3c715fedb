import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import type { ComTestResult } from '../types.js';
import { InvalidOptionError, UsageError } from '../errors.js';
import { action, addSnmpOptions, parseChoice, parseHostPort, parseIpv4ListOption, parseIpv4Option, parseSnmpFlags, type RawSnmpFlags } from './kit.js';

interface SetupFlags extends RawSnmpFlags {
  serial?: string;
  dns?: string;
  gateway?: string;
  comtest?: string;
  yes?: boolean;
  from?: string;
  concurrency: string;
}

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  const cmd = program.command('setup').description(t.setupDescription).argument('[host]', t.setupArgHost);
  addSnmpOptions(cmd, t)
    .option('--serial <serial>', t.setupOptSerial)
    .option('--dns <ip[,ip]>', t.setupOptDns)
    .option('--gateway <ip>', t.setupOptGateway)
    .option('--comtest <result>', t.setupOptComtest)
    .option('-y, --yes', t.optYes)
    .option('--from <file>', t.discoverBatchOptFrom)
    .option('--concurrency <n>', t.discoverBatchOptConcurrency, '8')
    .action(
      action(ctx, async (hostArg: string | undefined, flags: SetupFlags) => {
        const answers = {
          dns: flags.dns !== undefined ? parseIpv4ListOption('--dns', flags.dns) : null,
          gateway: flags.gateway !== undefined ? parseIpv4Option('--gateway', flags.gateway) : null,
          comTest: flags.comtest !== undefined ? (parseChoice('--comtest', flags.comtest, ['OK', 'NG'] as const) as ComTestResult) : null,
          yes: Boolean(flags.yes),
        };
        if (flags.from !== undefined || hostArg === undefined) {
          // One plate, one serial: it cannot stand for every device of a list.
          if (flags.serial !== undefined) throw new UsageError((t) => t.setupSerialOneDevice);
          const { setupBatchCommand } = await import('../batch-setup.js');
          return setupBatchCommand(ctx, hostArg, flags, answers);
        }
        const { host, port } = parseHostPort('<host>', hostArg);
        // Loaded here, not at start-up: the same rule the enrollment form applies to a serial.
        const { parseSerial } = await import('../enroll/normalise.js');
        const serial = flags.serial === undefined ? null : parseSerial(flags.serial);
        if (flags.serial !== undefined && serial === null) throw new InvalidOptionError('--serial', flags.serial, (t) => t.setupInvalidSerial);
        const input = { host, snmp: await parseSnmpFlags(ctx, flags, port), ...answers, serial, noInput: ctx.noInput };
        const { setupCommand } = await import('../setup/command.js');
        return setupCommand(ctx, input);
      }),
    );
}
