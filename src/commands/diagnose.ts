import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import type { DiagnoseFlags } from '../diagnose/options.js';
import { action, addSnmpOptions } from './kit.js';

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  const cmd = program.command('diagnose').description(t.diagnoseDescription).argument('[host]', t.diagnoseArgHost);
  addSnmpOptions(cmd, t)
    .option('--serial <serial>', t.diagnoseOptSerial)
    .option('--resume <serial>', t.diagnoseOptResume)
    .option('--rgw <url>', t.diagnoseOptRgw)
    .option('--rgw-port <port>', t.diagnoseOptRgwPort)
    .option('--dns <host[:port],…>', t.diagnoseOptDns)
    .option('--fallback-dns <host[:port],…>', t.diagnoseOptFallbackDns)
    .option('--ca-file <pem>', t.diagnoseOptCaFile)
    .option('--proxy <url>', t.diagnoseOptProxy)
    .option('--gateway-ping <ip>', t.diagnoseOptGatewayPing)
    .option('--comtest <result>', t.diagnoseOptComtest)
    .option('-y, --yes', t.diagnoseOptYes)
    .option('--report <file>', t.diagnoseOptReport)
    .option('--include-pii', t.diagnoseOptIncludePii)
    .addHelpText('after', `\n${t.exitCodesTitle}:\n${t.diagnoseExitCodes}\n`)
    .action(
      action(ctx, async (host: string | undefined, flags: DiagnoseFlags) => {
        const { diagnoseCommand } = await import('../diagnose/command.js');
        return diagnoseCommand(ctx, host, flags);
      }),
    );
}
