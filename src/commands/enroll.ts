import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { action } from './kit.js';
import type { EnrollFlags } from '../enroll/input.js';

interface EnrollOptions extends EnrollFlags {
  file?: string;
  dryRun?: boolean;
  print?: string;
  attach?: string;
  endpoint?: string;
  caFile?: string;
  yes?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  program
    .command('enroll')
    .description(t.enrollDescription)
    .option('--file <form.json>', t.enrollOptFile)
    .option('--company <name>', t.enrollOptCompany)
    .option('--department <name>', t.enrollOptDepartment)
    .option('--email <address>', t.enrollOptEmail)
    .option('--phone <number>', t.enrollOptPhone)
    .option('--signatory <name>', t.enrollOptSignatory)
    .option('--partner <name>', t.enrollOptPartner)
    .option('--engineer <name>', t.enrollOptEngineer)
    .option('--partner-phone <number>', t.enrollOptPartnerPhone)
    .option('--device <serial>', t.enrollOptDevice, collect)
    .option('--all-devices', t.enrollOptAllDevices)
    .option('--consent', t.enrollOptConsent)
    .option('--join-date <date>', t.enrollOptJoinDate)
    .option('--print <form.html>', t.enrollOptPrint)
    .option('--dry-run', t.enrollOptDryRun)
    .option('--attach <file>', t.enrollOptAttach)
    .option('--endpoint <url>', t.enrollOptEndpoint)
    .option('--ca-file <pem>', t.enrollOptCaFile)
    .option('-y, --yes', t.optYes)
    .addHelpText('after', `\n${t.exitCodesTitle}:\n${t.enrollExitCodes}\n`)
    .action(
      action(ctx, async (o: EnrollOptions) => {
        const { file, dryRun, print, attach, endpoint, caFile, yes, ...flags } = o;
        const { enrollCommand } = await import('../enroll/command.js');
        return enrollCommand(ctx, { flags, file, dryRun: Boolean(dryRun), print, attach, endpoint, caFile, yes: Boolean(yes) });
      }),
    );
}
