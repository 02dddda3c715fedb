import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { action } from './kit.js';
import { addApiOptions, addPasswordFileOption, parseApiFlags, type ApiFlags } from './api-kit.js';
import type { EnrollFlags } from '../enroll/input.js';

interface EnrollOptions extends EnrollFlags, ApiFlags {
  file?: string;
  dryRun?: boolean;
  print?: string;
  attach?: string;
  yes?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  const cmd = program
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
    .option('-y, --yes', t.optYes)
    .addHelpText('after', `\n${t.exitCodesTitle}:\n${t.enrollExitCodes}\n`);
  addPasswordFileOption(addApiOptions(cmd, ctx), ctx).action(
    action(ctx, async (o: EnrollOptions) => {
      const { company, department, email, phone, signatory, partner, engineer, partnerPhone, device, allDevices, consent, joinDate } = o;
      const flags: EnrollFlags = { company, department, email, phone, signatory, partner, engineer, partnerPhone, device, allDevices, consent, joinDate };
      const { file, dryRun, print, attach, yes } = o;
      const api = parseApiFlags(o);
      const { enrollCommand } = await import('../enroll/command.js');
      return enrollCommand(ctx, { flags, file, dryRun: Boolean(dryRun), print, attach, api, yes: Boolean(yes) });
    }),
  );
}
