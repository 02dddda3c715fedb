// `eclub setup --from <list>`: the setup flow on many devices at once, without prompts
// (nobody can answer ten devices' questions at once): flags answer for all of them.
// Each device's record is its report; one summary table at the end.
import type { Ctx } from './context.js';
import { loadBatchTargets, parseBatchConcurrency, runBatch, type BatchItemResult, type BatchTarget } from './batch.js';
import { parseSnmpFlags, type RawSnmpFlags } from './commands/kit.js';
import { runSetup, setupExitCode, type SetupDeps, type SetupInput } from './setup/run.js';
import { saveDeviceRecord } from './store/devices.js';
import type { SnmpOptions } from './types.js';
import { printBatchSummary } from './ui/batch.js';
import { createProgress } from './ui/progress.js';

/** The SNMP options for one row: the row's port and version win over the flags. */
export function buildTargetSnmp(base: SnmpOptions, target: BatchTarget): SnmpOptions {
  return { ...base, port: target.port ?? base.port, version: target.snmpVersion ?? base.version };
}

export interface SetupBatchInput extends Omit<SetupInput, 'host' | 'noInput'> {
  targets: BatchTarget[];
  concurrency: number;
}

export async function runSetupBatch(
  ctx: Ctx,
  input: SetupBatchInput,
  deps: Pick<SetupDeps, 'readDevice'>,
): Promise<number> {
  const { t, out } = ctx;
  const progress = createProgress(ctx.io.stderr, { enabled: !ctx.json });
  const { items, exitCode } = await runBatch(
    input.targets,
    { concurrency: input.concurrency, render: (r) => r(t) },
    async (target): Promise<BatchItemResult> => {
      const r = await runSetup(
        { ...input, host: target.host, snmp: buildTargetSnmp(input.snmp, target), noInput: true },
        { t, lang: ctx.lang, prompt: ctx.prompt, now: ctx.io.now, readDevice: deps.readDevice, saveRecord: (rec) => saveDeviceRecord(ctx.paths.devices, rec) },
      );
      const failed = r.checks.find((c) => c.status === 'fail');
      return {
        host: target.host,
        port: r.device.port,
        source: target.source,
        serial: r.device.serial,
        exitCode: setupExitCode(r),
        cause: failed?.id ?? (r.comTest === 'NG' ? 'comtest-ng' : null),
        message: failed?.evidence ?? null,
        fix: failed?.fix ?? null,
        report: r.record,
      };
    },
    (_r, done) => progress.update(done, input.targets.length, t.discoverBatchProgress({ done, total: input.targets.length })),
  );
  progress.done();
  printBatchSummary(out, t, items, exitCode, ctx.json);
  return exitCode;
}

/** The command side of `setup --from`: check the choice, read the list, run. */
export async function setupBatchCommand(
  ctx: Ctx,
  host: string | undefined,
  flags: RawSnmpFlags & { from?: string; concurrency: string },
  answers: Pick<SetupInput, 'dns' | 'gateway' | 'comTest' | 'yes'>,
): Promise<number> {
  const concurrency = parseBatchConcurrency(flags.concurrency);
  const snmp = await parseSnmpFlags(ctx, flags);
  const targets = await loadBatchTargets(ctx, { command: 'setup', host, from: flags.from, all: false });
  const { readDevice } = await import('./snmp/read.js');
  return runSetupBatch(ctx, { ...answers, snmp, targets, concurrency }, { readDevice });
}
