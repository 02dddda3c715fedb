import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import type { DiagnoseBatchFlags } from '../batch-diagnose.js';
import { action, addSnmpOptions } from './kit.js';

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  const cmd = program.command('diagnose').description(t.diagnoseDescription).argument('[host]', t.diagnoseArgHost);
  addSnmpOptions(cmd, t)
    .option('--serial <serial>', t.diagnoseOptSerial)
    .option('--resume <serial>', t.diagnoseOptResume)
    .option('--new-flow', t.diagnoseOptNewFlow)
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
    .option('--from <file>', t.discoverBatchOptFrom)
    .option('--all', t.discoverBatchOptAll)
    .option('--report-dir <dir>', t.discoverBatchOptReportDir)
    .option('--concurrency <n>', t.discoverBatchOptConcurrency, '8')
    .addHelpText('after', `\n${t.exitCodesTitle}:\n${t.diagnoseExitCodes}\n`)
    .action(
      action(ctx, async (host: string | undefined, flags: DiagnoseBatchFlags) => {
        if (flags.from !== undefined || flags.all || flags.reportDir !== undefined) {
          const { diagnoseBatchCommand } = await import('../batch-diagnose.js');
          return diagnoseBatchCommand(ctx, host, flags);
        }
        const { diagnoseCommand } = await import('../diagnose/command.js');
        return diagnoseCommand(ctx, host, flags);
      }),
    );
}
